"""Procedures run on a file, the steps recorded, and the deadlines they give (the agenda).

The law of a procedure lives in ``clerc.rules.procedures`` (declarations and engine); the
office keeps what was done (``etape_procedure``) and, so that the agenda of a million files is
one index range, the windows the engine computed from it (``echeance``), recomputed whenever a
step is recorded.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import ForeignKey, Index, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clerc.office.models.base import AppartientEtude, Base, maintenant

STATUTS_PROCEDURE = {
    "en_cours": "En cours",
    "terminee": "Terminée",
    "caduque": "Caduque (délai manqué)",
    "abandonnee": "Abandonnée",
}


class ProcedureDossier(AppartientEtude, Base):
    __tablename__ = "procedure_dossier"
    __table_args__ = (Index("ix_procedure_dossier_dossier", "etude_id", "dossier_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"))
    code: Mapped[str] = mapped_column(String(60))
    version: Mapped[str] = mapped_column(String(40))  # the law it follows (its start date)
    demarree_le: Mapped[date]
    statut: Mapped[str] = mapped_column(String(20), default="en_cours")
    motif: Mapped[str] = mapped_column(Text, default="")
    cree_le: Mapped[datetime] = mapped_column(default=maintenant)

    etapes: Mapped[list[EtapeProcedure]] = relationship(
        back_populates="procedure",
        order_by="(EtapeProcedure.jour, EtapeProcedure.id)",
        cascade="all, delete-orphan",
    )


class EtapeProcedure(AppartientEtude, Base):
    __tablename__ = "etape_procedure"
    __table_args__ = (Index("ix_etape_procedure_procedure", "procedure_id", "jour"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedure_dossier.id"))
    code: Mapped[str] = mapped_column(String(60))
    jour: Mapped[date]
    heure: Mapped[time | None] = mapped_column(Time())
    mode: Mapped[str | None] = mapped_column(String(30))  # personne, domicile, etude, 659...
    observations: Mapped[str] = mapped_column(Text, default="")
    cree_le: Mapped[datetime] = mapped_column(default=maintenant)

    procedure: Mapped[ProcedureDossier] = relationship(back_populates="etapes")


class Echeance(AppartientEtude, Base):
    """One item of the agenda: a step not done yet with its window, a formality due, or funds
    to pay out (C. com. R444-56; no procedure: ``procedure_id`` is null)."""

    __tablename__ = "echeance"
    __table_args__ = (
        Index("ix_echeance_limite", "etude_id", "tenu_par", "date_limite"),
        Index("ix_echeance_au_plus_tot", "etude_id", "date_au_plus_tot"),
        Index("ix_echeance_procedure", "procedure_id"),
        Index("ix_echeance_dossier", "dossier_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"))
    procedure_id: Mapped[int | None] = mapped_column(ForeignKey("procedure_dossier.id"))
    etape: Mapped[str] = mapped_column(String(60))
    libelle: Mapped[str]
    date_au_plus_tot: Mapped[date | None]
    date_limite: Mapped[date | None]
    tenu_par: Mapped[str] = mapped_column(String(20), default="etude")
    sanction: Mapped[str | None] = mapped_column(String(20))  # caducite, nullite...
    effet: Mapped[str | None] = mapped_column(Text)
    article: Mapped[str] = mapped_column(String(120), default="")
