"""Append-only, hash-chained audit log: one chain per office."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from clerc.office.models.base import Base


class EntreeAudit(Base):
    __tablename__ = "entree_audit"
    __table_args__ = (
        UniqueConstraint("etude_id", "rang"),
        # The audit trail of one row (a file's page): its entries without scanning the chain.
        Index("ix_entree_audit_objet", "etude_id", "objet", "objet_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    etude_id: Mapped[int | None] = mapped_column(ForeignKey("etude.id"))
    rang: Mapped[int] = mapped_column(Integer)  # 1, 2, 3... within the office's chain
    horodatage: Mapped[datetime]
    utilisateur: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))  # creation, modification, suppression
    objet: Mapped[str] = mapped_column(String(40))  # table name
    objet_id: Mapped[str] = mapped_column(String(40))
    operation: Mapped[str] = mapped_column(String(80), default="")  # the service called
    avant: Mapped[dict[str, Any] | None]
    apres: Mapped[dict[str, Any] | None]
    empreinte_precedente: Mapped[str] = mapped_column(String(64))
    empreinte: Mapped[str] = mapped_column(String(64))


class ChaineAudit(Base):
    """Head of an office's chain: last rank and hash (locked while appending)."""

    __tablename__ = "chaine_audit"

    etude_id: Mapped[int] = mapped_column(ForeignKey("etude.id"), primary_key=True)
    rang: Mapped[int] = mapped_column(Integer, default=0)
    empreinte: Mapped[str] = mapped_column(String(64))
