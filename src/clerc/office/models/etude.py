"""The office (étude) and its users."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from clerc.office.models.base import AppartientEtude, Base, maintenant

# Roles (issue 3; the web office adds ``administrateur`` rights on top of them).
ROLES = {
    "commissaire_justice": "Commissaire de justice",
    "clerc_gestionnaire": "Clerc gestionnaire",
    "clerc_assistant": "Clerc assistant",
    "stagiaire": "Stagiaire",
    "creancier_client": "Créancier-client (lecture seule)",
    "administrateur": "Administrateur",
}


class Etude(Base):
    """An office of commissaires de justice; every other row belongs to one."""

    __tablename__ = "etude"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # short stable identifier
    nom: Mapped[str]
    siret: Mapped[str | None] = mapped_column(String(14))
    commissaires: Mapped[list[Any]] = mapped_column(default=list)  # names of the CJ
    adresse: Mapped[str] = mapped_column(String(500), default="")
    code_postal: Mapped[str] = mapped_column(String(10), default="")
    commune: Mapped[str] = mapped_column(String(120), default="")
    # Printed on acts: the wage-seizure commandement gives the office's e-mail for the
    # debtor's answer (CPCE R212-1-3 3°).
    telephone: Mapped[str | None] = mapped_column(String(30))
    courriel: Mapped[str | None] = mapped_column(String(254))
    # Department code whose calendar governs by default (clerc.rules.calendrier.territoire):
    # "75", "57", "2A", "974"...
    territoire: Mapped[str] = mapped_column(String(3))
    cree_le: Mapped[datetime] = mapped_column(default=maintenant)


class Utilisateur(AppartientEtude, Base):
    __tablename__ = "utilisateur"
    __table_args__ = (UniqueConstraint("etude_id", "identifiant"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    identifiant: Mapped[str] = mapped_column(String(80))
    nom: Mapped[str] = mapped_column(default="")
    role: Mapped[str] = mapped_column(String(40))
    actif: Mapped[bool] = mapped_column(default=True)
    mot_de_passe: Mapped[str | None] = mapped_column(String(255))  # argon2 hash (web office)
    # A créancier-client sees only the files of this party.
    creancier_id: Mapped[int | None] = mapped_column(ForeignKey("partie.id"))
    cree_le: Mapped[datetime] = mapped_column(default=maintenant)


class JetonApi(AppartientEtude, Base):
    """A creditor's access token to the JSON API (``/api/``): it reads and opens only that
    creditor's files. Only the SHA-256 digest of the token is kept; the token itself is shown
    once, when it is created."""

    __tablename__ = "jeton_api"

    id: Mapped[int] = mapped_column(primary_key=True)
    creancier_id: Mapped[int] = mapped_column(ForeignKey("partie.id"))
    libelle: Mapped[str] = mapped_column(String(120), default="")
    empreinte: Mapped[str] = mapped_column(String(64), unique=True)
    cree_le: Mapped[datetime] = mapped_column(default=maintenant)
    revoque_le: Mapped[datetime | None] = mapped_column()
    utilise_le: Mapped[datetime | None] = mapped_column()
