"""Training mode (issue 7): trainees' sessions of exercises, their attempts, trainers' groups.

An exercise is never stored: its identifier (``B<bloc>-<type>-<niveau>-<graine>-<AAAAMMJJ>``)
rebuilds it (:func:`clerc.formation.exercices.exercice`). An attempt keeps the identifier, the
answer as given (JSON), the score and the corrections the engine gave, and its timestamps.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from clerc.office.models.base import AppartientEtude, Base, maintenant

MODES_SESSION = {
    "entrainement": "Entraînement (correction après chaque réponse)",
    "examen": "Examen (chronométré, corrections à la fin)",
}


class GroupeFormation(AppartientEtude, Base):
    """A group of trainees followed by a trainer (who sees the group's results)."""

    __tablename__ = "groupe_formation"
    __table_args__ = (UniqueConstraint("etude_id", "nom"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    nom: Mapped[str] = mapped_column(String(120))
    formateur_id: Mapped[int] = mapped_column(ForeignKey("utilisateur.id"))
    cree_le: Mapped[datetime] = mapped_column(default=maintenant)


class MembreGroupeFormation(AppartientEtude, Base):
    __tablename__ = "membre_groupe_formation"
    __table_args__ = (UniqueConstraint("groupe_id", "utilisateur_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    groupe_id: Mapped[int] = mapped_column(ForeignKey("groupe_formation.id"))
    utilisateur_id: Mapped[int] = mapped_column(ForeignKey("utilisateur.id"))
    ajoute_le: Mapped[datetime] = mapped_column(default=maintenant)


class SessionFormation(AppartientEtude, Base):
    """A trainee's session of ``nombre`` exercises of some blocs at one level.

    ``entrainement``: each answer is graded and corrected at once. ``examen``: timed
    (``echeance`` = start + ``duree_minutes``); answers are graded when given but the grades
    and corrections are shown only once the session is over (all answered, ended, or time
    up); an answer after the deadline is refused."""

    __tablename__ = "session_formation"
    __table_args__ = (Index("ix_session_formation_utilisateur", "etude_id", "utilisateur_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    utilisateur_id: Mapped[int] = mapped_column(ForeignKey("utilisateur.id"))
    blocs: Mapped[list[Any]] = mapped_column()  # bloc numbers of the certification
    niveau: Mapped[str] = mapped_column(String(20))
    mode: Mapped[str] = mapped_column(String(20))
    nombre: Mapped[int] = mapped_column(Integer)
    duree_minutes: Mapped[int | None] = mapped_column(Integer)
    graine: Mapped[int] = mapped_column(Integer)  # the exercises' seeds follow from it
    au: Mapped[date]  # the date the files are examined at
    commencee_le: Mapped[datetime] = mapped_column(default=maintenant)
    echeance: Mapped[datetime | None] = mapped_column()
    terminee_le: Mapped[datetime | None] = mapped_column()


class TentativeFormation(AppartientEtude, Base):
    """One exercise of a session: set (``presentee_le``), then answered once."""

    __tablename__ = "tentative_formation"
    __table_args__ = (UniqueConstraint("session_id", "rang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session_formation.id"))
    rang: Mapped[int] = mapped_column(Integer)  # 1 to the session's nombre
    exercice: Mapped[str] = mapped_column(String(120))  # identifier: rebuilds the exercise
    bloc: Mapped[int] = mapped_column(Integer)
    type_exercice: Mapped[str] = mapped_column(String(60))
    presentee_le: Mapped[datetime] = mapped_column(default=maintenant)
    repondue_le: Mapped[datetime | None] = mapped_column()
    reponse: Mapped[dict[str, Any] | None] = mapped_column()
    score: Mapped[int | None] = mapped_column(Integer)
    corrections: Mapped[list[Any] | None] = mapped_column()
    # Two answers to the same exercise at once: the second fails and is retried, then refused.
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
