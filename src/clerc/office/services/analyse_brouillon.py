"""A new file before it is saved: the creditors a form offers, the checks of the draft and its
fiche d'analyse (web office, ``/dossiers/nouveau``).

Nothing here writes. The draft is checked by the very functions ``ouvrir_dossier`` runs
(``creer_partie`` for each party, ``titre_depuis_donnees`` and its lines for the title), section
by section so that each error is reported with the part of the form it concerns; the parties,
title and claim lines they build are then assembled into a file that is never added to the
session, and ``services.analyse`` turns it into the rules' plain values (``DossierExamine``):
the law itself stays in ``clerc.rules.analyse``. The reading session is always rolled back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerc.office.db import OPTION_ECRITURE, Contexte
from clerc.office.models import Dossier, DossierDebiteur, LigneCreance, Partie, Titre
from clerc.office.models.dossier import NATURES_DOSSIER
from clerc.office.services import analyse
from clerc.office.services.donnees import NouveauDossier, PartieDonnees, TitreDonnees
from clerc.office.services.dossiers import (
    ligne_creance,
    partie_du_dossier,
    territoire_du_dossier,
    titre_depuis_donnees,
)
from clerc.rules.analyse import FicheAnalyse, analyser
from clerc.rules.erreurs import ErreurClerc

T = TypeVar("T")
REFERENCE_BROUILLON = "(brouillon)"


@dataclass(frozen=True)
class CreancierConnu:
    """A creditor of the office (creditor of at least one of its files)."""

    id: int
    designation: str
    siren: str | None
    dossiers: int


@dataclass(frozen=True)
class ErreurSaisie:
    """A refusal of the draft: ``partie`` names the section ("nature", "creancier",
    "debiteurs[0]", "titre", "titre.lignes[1]"), ``message`` is the service's French text."""

    partie: str
    message: str


@dataclass(frozen=True)
class Brouillon:
    """The checks of a draft and, when it passes them, its fiche d'analyse at ``au``."""

    erreurs: tuple[ErreurSaisie, ...]
    fiche: FicheAnalyse | None = None

    @property
    def valide(self) -> bool:
        return not self.erreurs


def _lecture(contexte: Contexte, fonction: Callable[[Session], T]) -> T:
    """``fonction(session)`` in a read-only session of the office that is always rolled back
    (never committed: objects built in it are discarded) and never flushes."""
    session = contexte.fabrique()
    session.info.update(
        etude_id=contexte.etude_id,
        utilisateur=contexte.utilisateur,
        operation="brouillon_dossier",
        creancier_id=contexte.creancier_id,
    )
    try:
        session.connection(execution_options={OPTION_ECRITURE: False})
        with session.no_autoflush:
            return fonction(session)
    finally:
        session.rollback()
        session.close()


def creanciers_connus(contexte: Contexte) -> list[CreancierConnu]:
    """The creditors of the office's files, by name, with their number of files."""

    def _lire(session: Session) -> list[CreancierConnu]:
        comptes: dict[int, int] = {}
        for creancier_id in session.scalars(select(Dossier.creancier_id)):
            comptes[creancier_id] = comptes.get(creancier_id, 0) + 1
        parties = session.scalars(select(Partie).where(Partie.id.in_(list(comptes))))
        return sorted(
            (CreancierConnu(p.id, p.designation, p.siren, comptes[p.id]) for p in parties),
            key=lambda c: (c.designation.lower(), c.id),
        )

    return _lecture(contexte, _lire)


def examiner_brouillon(contexte: Contexte, donnees: NouveauDossier, au: date) -> Brouillon:
    """Check a new file as ``ouvrir_dossier`` would (each error with its section) and, when
    it passes, analyse it at ``au`` as if it had been opened that day; nothing is written."""

    def _examiner(session: Session) -> Brouillon:
        erreurs: list[ErreurSaisie] = []

        def essayer(partie: str, action: Callable[[], T]) -> T | None:
            try:
                return action()
            except ErreurClerc as erreur:
                erreurs.append(ErreurSaisie(partie, str(erreur)))
                return None

        if donnees.nature not in NATURES_DOSSIER:
            erreurs.append(
                ErreurSaisie(
                    "nature",
                    f"Nature de dossier « {donnees.nature} » inconnue (attendu : "
                    f"{', '.join(NATURES_DOSSIER)}).",
                )
            )
        creancier = essayer("creancier", lambda: _partie_brouillon(session, donnees.creancier))
        debiteurs: list[Partie] = []
        if not donnees.debiteurs:
            erreurs.append(
                ErreurSaisie("debiteurs", "Un dossier a au moins un débiteur (ou destinataire).")
            )
        for rang, valeur in enumerate(donnees.debiteurs):
            debiteur = essayer(
                f"debiteurs[{rang}]",
                lambda valeur=valeur: _partie_brouillon(session, valeur),  # type: ignore[misc]
            )
            if debiteur is not None:
                if debiteur is creancier:
                    erreurs.append(
                        ErreurSaisie(
                            f"debiteurs[{rang}]",
                            "Le créancier ne peut pas être aussi débiteur du dossier.",
                        )
                    )
                debiteurs.append(debiteur)
        titre: tuple[Titre, list[LigneCreance]] | None = None
        if donnees.titre is not None and creancier is not None:
            titre = _titre_brouillon(donnees.titre, creancier, erreurs)
        if erreurs or creancier is None:
            return Brouillon(tuple(erreurs))
        dossier = _dossier_brouillon(session, donnees, au, creancier, debiteurs, titre)
        examine = analyse.examiner_dossier(dossier, au, {}, [], (), [])
        return Brouillon((), analyser(replace(examine, procedures=()), au))

    return _lecture(contexte, _examiner)


def _partie_brouillon(session: Session, valeur: PartieDonnees | int) -> Partie:
    """The existing party, or a new one checked by ``creer_partie`` and left unsaved."""
    partie = partie_du_dossier(session, valeur)
    if not isinstance(valeur, int):
        session.expunge(partie)  # built and checked, never to be flushed
    return partie


def _titre_brouillon(
    donnees: TitreDonnees, creancier: Partie, erreurs: list[ErreurSaisie]
) -> tuple[Titre, list[LigneCreance]] | None:
    """The title and its lines as ``ouvrir_dossier`` builds them; each line checked on its own
    so that its error names it."""
    avant = len(erreurs)
    try:
        titre_depuis_donnees(replace(donnees, lignes=()), creancier)
    except ErreurClerc as erreur:
        erreurs.append(ErreurSaisie("titre", str(erreur)))
    for rang, ligne in enumerate(donnees.lignes):
        try:
            ligne_creance(ligne, donnees.date_titre, creancier)
        except ErreurClerc as erreur:
            erreurs.append(ErreurSaisie(f"titre.lignes[{rang}]", str(erreur)))
    if len(erreurs) > avant:
        return None
    try:
        return titre_depuis_donnees(donnees, creancier)
    except ErreurClerc as erreur:  # a rule on the whole dispositif (a principal line)
        erreurs.append(ErreurSaisie("titre.lignes", str(erreur)))
        return None


def _dossier_brouillon(
    session: Session,
    donnees: NouveauDossier,
    au: date,
    creancier: Partie,
    debiteurs: list[Partie],
    titre: tuple[Titre, list[LigneCreance]] | None,
) -> Dossier:
    """The file as ``ouvrir_dans`` would open it on ``au`` (same default territory: the first
    debtor's department, else the office's), outside any session."""
    territoire = territoire_du_dossier(session, donnees.territoire, debiteurs)
    dossier = Dossier(
        reference=donnees.reference or REFERENCE_BROUILLON,
        reference_mandant=donnees.reference_mandant,
        nature=donnees.nature,
        statut="en_cours",
        ouvert_le=donnees.ouvert_le or au,
        territoire=territoire,
        solidaires=donnees.solidaires,
        observations=donnees.observations,
        risques=list(donnees.risques),
    )
    dossier.creancier = creancier
    for rang, debiteur in enumerate(debiteurs, start=1):
        dossier.debiteurs.append(DossierDebiteur(partie=debiteur, rang=rang))
    if titre is not None:
        pose, lignes = titre
        dossier.titres.append(pose)
        for ligne in lignes:
            ligne.titre = pose
            dossier.lignes.append(ligne)
    if dossier in session:
        session.expunge(dossier)  # reached through a related object: never flushed anyway
    return dossier


__all__ = [
    "Brouillon",
    "CreancierConnu",
    "ErreurSaisie",
    "creanciers_connus",
    "examiner_brouillon",
]
