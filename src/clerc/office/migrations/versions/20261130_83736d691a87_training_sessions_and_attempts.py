"""Training sessions and attempts, trainers' groups of trainees (issue 7)

Revision ID: 83736d691a87
Revises: cc8cb52c21e8
Create Date: 2026-11-30 08:03:39.291532
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "83736d691a87"
down_revision: str | None = "cc8cb52c21e8"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "groupe_formation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nom", sa.String(length=120), nullable=False),
        sa.Column("formateur_id", sa.Integer(), nullable=False),
        sa.Column("cree_le", sa.DateTime(timezone=True), nullable=False),
        sa.Column("etude_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["etude_id"], ["etude.id"], name=op.f("fk_groupe_formation_etude_id_etude")
        ),
        sa.ForeignKeyConstraint(
            ["formateur_id"],
            ["utilisateur.id"],
            name=op.f("fk_groupe_formation_formateur_id_utilisateur"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_groupe_formation")),
        sa.UniqueConstraint("etude_id", "nom", name=op.f("uq_groupe_formation_etude_id_nom")),
    )
    op.create_table(
        "session_formation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("utilisateur_id", sa.Integer(), nullable=False),
        sa.Column("blocs", sa.JSON(), nullable=False),
        sa.Column("niveau", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("nombre", sa.Integer(), nullable=False),
        sa.Column("duree_minutes", sa.Integer(), nullable=True),
        sa.Column("graine", sa.Integer(), nullable=False),
        sa.Column("au", sa.Date(), nullable=False),
        sa.Column("commencee_le", sa.DateTime(timezone=True), nullable=False),
        sa.Column("echeance", sa.DateTime(timezone=True), nullable=True),
        sa.Column("terminee_le", sa.DateTime(timezone=True), nullable=True),
        sa.Column("etude_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["etude_id"], ["etude.id"], name=op.f("fk_session_formation_etude_id_etude")
        ),
        sa.ForeignKeyConstraint(
            ["utilisateur_id"],
            ["utilisateur.id"],
            name=op.f("fk_session_formation_utilisateur_id_utilisateur"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_formation")),
    )
    with op.batch_alter_table("session_formation", schema=None) as batch_op:
        batch_op.create_index(
            "ix_session_formation_utilisateur", ["etude_id", "utilisateur_id"], unique=False
        )

    op.create_table(
        "membre_groupe_formation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("groupe_id", sa.Integer(), nullable=False),
        sa.Column("utilisateur_id", sa.Integer(), nullable=False),
        sa.Column("ajoute_le", sa.DateTime(timezone=True), nullable=False),
        sa.Column("etude_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["etude_id"], ["etude.id"], name=op.f("fk_membre_groupe_formation_etude_id_etude")
        ),
        sa.ForeignKeyConstraint(
            ["groupe_id"],
            ["groupe_formation.id"],
            name=op.f("fk_membre_groupe_formation_groupe_id_groupe_formation"),
        ),
        sa.ForeignKeyConstraint(
            ["utilisateur_id"],
            ["utilisateur.id"],
            name=op.f("fk_membre_groupe_formation_utilisateur_id_utilisateur"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membre_groupe_formation")),
        sa.UniqueConstraint(
            "groupe_id",
            "utilisateur_id",
            name=op.f("uq_membre_groupe_formation_groupe_id_utilisateur_id"),
        ),
    )
    op.create_table(
        "tentative_formation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("rang", sa.Integer(), nullable=False),
        sa.Column("exercice", sa.String(length=120), nullable=False),
        sa.Column("bloc", sa.Integer(), nullable=False),
        sa.Column("type_exercice", sa.String(length=60), nullable=False),
        sa.Column("presentee_le", sa.DateTime(timezone=True), nullable=False),
        sa.Column("repondue_le", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reponse", sa.JSON(), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("corrections", sa.JSON(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("etude_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["etude_id"], ["etude.id"], name=op.f("fk_tentative_formation_etude_id_etude")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session_formation.id"],
            name=op.f("fk_tentative_formation_session_id_session_formation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tentative_formation")),
        sa.UniqueConstraint(
            "session_id", "rang", name=op.f("uq_tentative_formation_session_id_rang")
        ),
    )


def downgrade() -> None:
    op.drop_table("tentative_formation")
    op.drop_table("membre_groupe_formation")
    with op.batch_alter_table("session_formation", schema=None) as batch_op:
        batch_op.drop_index("ix_session_formation_utilisateur")

    op.drop_table("session_formation")
    op.drop_table("groupe_formation")
