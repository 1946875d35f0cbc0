"""The office of bloc 2: the scenarios of bloc 1 plus what running a procedure needs.

Bloc 2 works on what was done in each procedure (steps, dates, modes of service) and on acts
drawn up by the office's own builder (``clerc.office.services.actes``), which reads a database.
So the synthetic office of a (seed, date) is generated once into an in-memory SQLite database
(as :func:`clerc.formation.scenarios.etude_formation` does) and, unlike there, the database is
kept with the scenarios in a small per-process cache: an act is drawn up for the trainee's own
date, hour and mode of service when the answer is graded.

Nothing is ever written to it: an act needs its procedure running on the file, so the
procedure (and the steps it assumes done) is added inside a transaction that is always rolled
back (:func:`contenu_acte`).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import selectinload
from sqlalchemy.pool import StaticPool

from clerc.actes.modele import ContenuActe
from clerc.actes.types_actes import type_acte
from clerc.formation.scenarios import DOSSIERS_PAR_ETUDE, Scenario, lire_scenarios
from clerc.office.db import Contexte, creer_moteur, transaction
from clerc.office.generateur import generer
from clerc.office.models import Base, Dossier, ProcedureDossier
from clerc.office.models.procedure import EtapeProcedure
from clerc.office.services.actes import contenu_depuis_dossier
from clerc.office.services.procedures import situation
from clerc.rules.erreurs import ErreurClerc
from clerc.rules.procedures.chargement import procedure as procedure_en_vigueur
from clerc.rules.procedures.formalites import CODES_FORMALITES
from clerc.rules.procedures.gardes import Situation
from clerc.rules.procedures.modele import Procedure
from clerc.rules.procedures.moteur import EtapeFaite, EtatProcedure, etat


@dataclass(frozen=True)
class ProcedureLue:
    """A procedure of a file as the office recorded it, and where the engine says it stands at
    the exercise's date (the same reading as ``clerc procedure possibles``)."""

    code: str
    loi: Procedure
    demarree_le: date
    statut_enregistre: str  # en_cours, terminee, caduque, abandonnee
    faites: tuple[EtapeFaite, ...]
    etat: EtatProcedure


@dataclass(frozen=True)
class EtudeBloc2:
    graine: int
    au: date
    scenarios: tuple[Scenario, ...]
    procedures: dict[str, tuple[ProcedureLue, ...]]  # by file reference
    situations: dict[str, Situation]  # the guards' view of each file at ``au``
    moteur: Engine
    etude_id: int

    def scenario(self, reference: str) -> Scenario:
        return next(s for s in self.scenarios if s.reference == reference)


_VERROU = threading.Lock()  # one in-memory connection: one reader at a time


@dataclass(frozen=True)
class EtapePreparee:
    """A step the act's procedure assumes done (recorded only inside a rolled-back
    transaction)."""

    code: str
    jour: date
    heure: time | None = None
    mode: str | None = None


def _lire_procedures(
    session: Any, au: date
) -> tuple[dict[str, tuple[ProcedureLue, ...]], dict[str, Situation]]:
    dossiers = {d.id: d for d in session.scalars(select(Dossier))}
    toutes: dict[int, list[ProcedureDossier]] = {}
    for p in session.scalars(
        select(ProcedureDossier)
        .order_by(ProcedureDossier.id)
        .options(selectinload(ProcedureDossier.etapes))
    ):
        toutes.setdefault(p.dossier_id, []).append(p)
    procedures: dict[str, tuple[ProcedureLue, ...]] = {}
    situations: dict[str, Situation] = {}
    for dossier_id, dossier in dossiers.items():
        liste = toutes.get(dossier_id, [])
        guards = situation(dossier, au, liste)
        situations[dossier.reference] = guards
        lues = []
        for p in liste:
            try:
                loi = procedure_en_vigueur(p.code, p.demarree_le)
            except ErreurClerc:
                continue
            faites = tuple(
                EtapeFaite(e.code, e.jour, e.heure, e.mode)
                for e in p.etapes
                if e.code not in CODES_FORMALITES and e.jour <= au
            )
            lues.append(
                ProcedureLue(
                    p.code,
                    loi,
                    p.demarree_le,
                    p.statut,
                    faites,
                    etat(loi, faites, au, dossier.territoire, guards),
                )
            )
        procedures[dossier.reference] = tuple(lues)
    return procedures, situations


@lru_cache(maxsize=4)
def etude_bloc2(graine: int, au: date) -> EtudeBloc2:
    """The office of ``graine`` at ``au``, read for bloc 2 (cached per process; the in-memory
    database stays open with it)."""
    moteur = creer_moteur("sqlite://", poolclass=StaticPool)
    Base.metadata.create_all(moteur)
    rapport = generer(
        moteur, dossiers=DOSSIERS_PAR_ETUDE, graine=graine, au=au, utilisateur="formation"
    )
    with (
        _VERROU,
        transaction(
            Contexte(moteur, rapport.etude_id, "formation"), "formation", ecriture=False
        ) as session,
    ):
        scenarios = lire_scenarios(session, au)
        procedures, situations = _lire_procedures(session, au)
    return EtudeBloc2(graine, au, scenarios, procedures, situations, moteur, rapport.etude_id)


def contenu_acte(
    etude: EtudeBloc2,
    reference: str,
    type_code: str,
    *,
    procedure: str | None,
    demarree_le: date,
    etapes: Sequence[EtapePreparee],
    jour: date,
    heure: time | None,
    mode: str | None,
    personne_presente: str | None = None,
    diligences: str = "",
    champs: dict[str, Any] | None = None,
) -> ContenuActe:
    """The act ``type_code`` of the file as the office draws it up (``services.actes``) on
    ``jour``, its procedure ``procedure`` started on ``demarree_le`` with ``etapes`` done.
    The procedure is added to the file for the drawing only: the transaction is rolled back.
    A stand-alone act (``procedure`` None) is drawn up on the file as it stands."""
    parametres = {
        "jour": jour.isoformat(),
        "heure": heure.isoformat() if heure else None,
        "remise": {"mode": mode, "personne_presente": personne_presente, "diligences": diligences}
        if mode
        else None,
        "champs": dict(champs or {}),
        "destinataire": 0,
        "initiales": "FO",
    }
    contexte = Contexte(etude.moteur, etude.etude_id, "formation")
    with _VERROU:
        session = contexte.fabrique()
        session.info.update(etude_id=etude.etude_id, utilisateur="formation", operation="formation")
        try:
            dossier = session.scalars(select(Dossier).where(Dossier.reference == reference)).one()
            if procedure is not None:
                for p in session.scalars(
                    select(ProcedureDossier).where(
                        ProcedureDossier.dossier_id == dossier.id,
                        ProcedureDossier.code == procedure,
                        ProcedureDossier.statut == "en_cours",
                    )
                ):
                    p.statut = "abandonnee"  # the exercise's procedure is the running one
                loi = procedure_en_vigueur(procedure, demarree_le)
                nouvelle = ProcedureDossier(
                    etude_id=etude.etude_id,
                    dossier_id=dossier.id,
                    code=procedure,
                    version=loi.version,
                    demarree_le=demarree_le,
                )
                nouvelle.etapes = [
                    EtapeProcedure(
                        etude_id=etude.etude_id,
                        code=e.code,
                        jour=e.jour,
                        heure=e.heure,
                        mode=e.mode,
                    )
                    for e in etapes
                ]
                session.add(nouvelle)
                session.flush()
            return contenu_depuis_dossier(session, dossier, type_acte(type_code), parametres)
        finally:
            session.rollback()
            session.close()


__all__ = [
    "EtapePreparee",
    "EtudeBloc2",
    "ProcedureLue",
    "contenu_acte",
    "etude_bloc2",
]
