"""Index of the audit log by object (a file's audit trail)

Revision ID: cc8cb52c21e8
Revises: e0cb497c812e
Create Date: 2026-11-30 07:54:53.147747
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "cc8cb52c21e8"
down_revision: str | None = "e0cb497c812e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_entree_audit_objet", "entree_audit", ["etude_id", "objet", "objet_id"])


def downgrade() -> None:
    op.drop_index("ix_entree_audit_objet", table_name="entree_audit")
