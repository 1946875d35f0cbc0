"""acts and the repertoire

Acts and letters of a file (brouillon, vérifié, signé, signifié), their rendered text, the
checker's findings, the signed PDF's SHA-256 and their number in the office's répertoire;
the office's telephone and e-mail, printed on acts (CPCE R212-1-3 3°).

Revision ID: eb03df5ae052
Revises: f41e6f3be203
Create Date: 2026-11-30 06:08:00.078737
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "eb03df5ae052"
down_revision: str | None = "f41e6f3be203"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "acte",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=60), nullable=False),
        sa.Column("categorie", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("remplace_id", sa.Integer(), nullable=True),
        sa.Column("statut", sa.String(length=20), nullable=False),
        sa.Column("jour", sa.Date(), nullable=False),
        sa.Column("heure", sa.Time(), nullable=True),
        sa.Column("destinataire", sa.String(length=500), nullable=False),
        sa.Column("parametres", sa.JSON(), nullable=False),
        sa.Column("donnees", sa.JSON(), nullable=False),
        sa.Column("constats", sa.JSON(), nullable=False),
        sa.Column("cout_ttc", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("taille", sa.Integer(), nullable=True),
        sa.Column("annee_repertoire", sa.Integer(), nullable=True),
        sa.Column("numero_repertoire", sa.Integer(), nullable=True),
        sa.Column("signe_le", sa.DateTime(timezone=True), nullable=True),
        sa.Column("signe_par", sa.String(length=80), nullable=True),
        sa.Column("cree_le", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cree_par", sa.String(length=80), nullable=False),
        sa.Column("etude_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossier.id"], name=op.f("fk_acte_dossier_id_dossier")
        ),
        sa.ForeignKeyConstraint(["etude_id"], ["etude.id"], name=op.f("fk_acte_etude_id_etude")),
        sa.ForeignKeyConstraint(
            ["remplace_id"], ["acte.id"], name=op.f("fk_acte_remplace_id_acte")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_acte")),
        sa.UniqueConstraint(
            "etude_id", "annee_repertoire", "numero_repertoire", name="uq_acte_repertoire"
        ),
    )
    with op.batch_alter_table("acte", schema=None) as batch_op:
        batch_op.create_index("ix_acte_dossier", ["etude_id", "dossier_id"], unique=False)

    # Plain ALTER TABLE (SQLite adds a nullable column in place): a batch copy of "etude" would
    # drop the table every other row references.
    op.add_column("etude", sa.Column("telephone", sa.String(length=30), nullable=True))
    op.add_column("etude", sa.Column("courriel", sa.String(length=254), nullable=True))


def downgrade() -> None:
    op.drop_column("etude", "courriel")  # SQLite 3.35+ drops a column in place
    op.drop_column("etude", "telephone")

    with op.batch_alter_table("acte", schema=None) as batch_op:
        batch_op.drop_index("ix_acte_dossier")

    op.drop_table("acte")
