"""Acts and letters drawn up in a file, and the office's répertoire.

An act goes brouillon -> vérifié -> signé -> signifié. What it says is kept as it was rendered
(``donnees``: the template's French text) with what it was made from (``parametres``: date,
hour, service, the fields the clerc filled) and the checker's findings. Signing stores the
PDF/A under its SHA-256 and gives the act its number in the répertoire, the chronological
register of the office's acts (per calendar year); a signed act never changes: a correction is
a new version (``remplace_id``).
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from clerc.office.models.base import AppartientEtude, Base, maintenant

STATUTS_ACTE = {
    "brouillon": "Brouillon (constats à lever)",
    "verifie": "Vérifié, prêt à signer",
    "signe": "Signé",
    "signifie": "Signifié",
    "remplace": "Brouillon remplacé par une nouvelle version",
}


class Acte(AppartientEtude, Base):
    __tablename__ = "acte"
    __table_args__ = (
        Index("ix_acte_dossier", "etude_id", "dossier_id"),
        UniqueConstraint(
            "etude_id", "annee_repertoire", "numero_repertoire", name="uq_acte_repertoire"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"))
    type: Mapped[str] = mapped_column(String(60))  # clerc.actes.types_actes code
    categorie: Mapped[str] = mapped_column(String(10))  # acte, lettre
    version: Mapped[int] = mapped_column(default=1)
    remplace_id: Mapped[int | None] = mapped_column(ForeignKey("acte.id"))
    statut: Mapped[str] = mapped_column(String(20), default="brouillon")
    jour: Mapped[date]
    heure: Mapped[time | None] = mapped_column(Time())
    destinataire: Mapped[str] = mapped_column(String(500), default="")
    parametres: Mapped[dict[str, Any]] = mapped_column(default=dict)
    donnees: Mapped[dict[str, Any]] = mapped_column(default=dict)
    constats: Mapped[list[Any]] = mapped_column(default=list)
    cout_ttc: Mapped[Decimal | None]
    sha256: Mapped[str | None] = mapped_column(String(64))  # the signed PDF/A
    taille: Mapped[int | None]
    annee_repertoire: Mapped[int | None]
    numero_repertoire: Mapped[int | None]
    signe_le: Mapped[datetime | None]
    signe_par: Mapped[str | None] = mapped_column(String(80))
    cree_le: Mapped[datetime] = mapped_column(default=maintenant)
    cree_par: Mapped[str] = mapped_column(String(80), default="")
