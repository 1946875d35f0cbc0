"""maintenance claim flag on titles

Revision ID: cff04c96a8fc
Revises: 83736d691a87
Create Date: 2026-11-30 08:28:17.804622
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "cff04c96a8fc"
down_revision: str | None = "83736d691a87"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing titles are not maintenance claims (server default false on every engine).
    op.add_column(
        "titre",
        sa.Column("creance_alimentaire", sa.Boolean(), server_default=sa.false(), nullable=False),
    )


def downgrade() -> None:
    op.drop_column("titre", "creance_alimentaire")  # SQLite 3.35+ drops a column in place
