"""agenda index by who keeps the deadline

The agenda and the daily lapse check read the office's own deadlines (tenu_par = "etude") up
to a date: one index range on (etude_id, tenu_par, date_limite).

Revision ID: f41e6f3be203
Revises: f5ad6849daec
Create Date: 2026-11-30 05:02:14.108008
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "f41e6f3be203"
down_revision: str | None = "f5ad6849daec"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("echeance", schema=None) as batch_op:
        batch_op.drop_index("ix_echeance_limite")
        batch_op.create_index(
            "ix_echeance_limite", ["etude_id", "tenu_par", "date_limite"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("echeance", schema=None) as batch_op:
        batch_op.drop_index("ix_echeance_limite")
        batch_op.create_index("ix_echeance_limite", ["etude_id", "date_limite"], unique=False)
