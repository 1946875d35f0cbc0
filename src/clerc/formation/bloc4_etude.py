"""Bloc 4 scenarios: an office's activity with planted bottlenecks, read through its dashboard.

A scenario of bloc 4 is not one file but the whole synthetic office of a seed at a date
(:func:`clerc.office.generateur.generer`, 80 files, in-memory SQLite), in which bottlenecks
are planted deterministically by seed and level, then read with the office's REAL services:
``services.tableau_de_bord.tableau_de_bord``, ``services.agenda.agenda`` and
``resume_agenda``, ``services.paiements.fonds_detenus``, and the step windows of the
procedure engine (``clerc.rules.procedures``). The ground truth of every exercise is what those
services flag; a test checks that it is exactly what was planted.

Steps (all in the throwaway database):

1. *baseline*: the generated office is made clean of the bottlenecks this bloc asks about,
   so that only the planted ones show: late funds paid out within their C. com. R444-56
   deadline, files in progress shared evenly between four clercs, the slow occurrences of
   short fatal steps (a dénonciation within 8 days, CPCE R211-3...) re-dated early in their
   window (each sequence re-checked by the engine's ``verifier_etape``), procedures with an
   overdue or imminent deadline of the office given up (``services.procedures.abandonner``);
2. *current activity* (every level): a saisie-attribution made yesterday whose dénonciation
   is due within the week, a receipt of about five weeks to pay out within the week, a
   saisie-vente commandement whose procès-verbal may not come before eight days (R221-10);
3. *bottlenecks* (débutant one obvious, intermédiaire two, confirmé three or four and a
   decoy): funds received two to three months ago and not paid out (R444-56); a procedure
   lapsed (saisie-attribution not denounced within 8 days, R211-3; saisie-vente commandement
   of more than two years, R221-5, made lapsed by ``constater_caducites``); a fatal deadline
   within three days; one clerc holding twice the files of the others; a short fatal step done
   on the last days of its window over the year; the decoy is an instalment received ten
   weeks ago, within its three months (R444-56);
4. *reading*: the dashboard as the services give it, kept as plain values (:class:`Bureau`).

The thresholds (imminent, overloaded, slow) and the reading of the services' output are in
:mod:`clerc.formation.bloc4_tableau`.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.pool import StaticPool

from clerc.formation.bloc4_tableau import (
    FENETRE_COURTE_JOURS,
    FENETRE_MIN_JOURS,
    GOULETS,
    GOULETS_EVIDENTS,
    JOURS_IMMINENT,
    LENTEUR_OCCURRENCES,
    LEURRE_ACOMPTE,
    ORDRE_GRAVITE,
    Bureau,
    DelaiEtape,
    Goulet,
    Leurre,
    goulets_detectes,
    identifiants_agenda,
    leurres_du_bureau,
    vue_bureau,
)
from clerc.office import grand_livre
from clerc.office.db import Contexte, creer_moteur, transaction
from clerc.office.generateur import generer
from clerc.office.models import (
    Base,
    Dossier,
    Echeance,
    Ecriture,
    EtapeProcedure,
    Paiement,
    Piege,
    ProcedureDossier,
    Utilisateur,
)
from clerc.office.services.agenda import ElementAgenda, agenda, resume_agenda
from clerc.office.services.paiements import (
    fonds_detenus,
    lignes_echeances_fonds,
)
from clerc.office.services.procedures import (
    abandonner,
    constater_caducites,
    enregistrer_etape_dans,
    lignes_echeance,
)
from clerc.office.services.tableau_de_bord import tableau_de_bord
from clerc.rules.calendrier import est_jour_ouvrable
from clerc.rules.erreurs import ErreurClerc
from clerc.rules.monnaie import arrondi_centime
from clerc.rules.procedures.agenda import echeances, echeances_retenues
from clerc.rules.procedures.chargement import procedure as procedure_en_vigueur
from clerc.rules.procedures.formalites import CODES_FORMALITES, formalites_dues
from clerc.rules.procedures.modele import SANCTIONS_FATALES, Procedure
from clerc.rules.procedures.moteur import EtapeFaite, etat, verifier_etape

DOSSIERS_ETUDE = 80
NIVEAUX_BLOC4 = ("debutant", "intermediaire", "confirme")
PART_RAPIDE = Decimal("0.5")  # baseline: an occurrence above this share is re-dated early
JOURS_ACTIVITE = 365  # the steps indicator covers the last twelve months
CLERCS = ("demo-clerc", "demo-clerc-b", "demo-clerc-c", "demo-assistant")
NOUVEAUX_CLERCS = {"demo-clerc-b": "clerc_gestionnaire", "demo-clerc-c": "clerc_gestionnaire"}
HEURE_ACTE = time(10, 0)

# --- the generated office, once per (seed, date) -------------------------------------------


@lru_cache(maxsize=4)
def _etude_de_base(graine: int, au: date) -> tuple[bytes, int]:
    """The generated office as an SQLite image (copied for each level), and its id."""
    moteur = creer_moteur("sqlite://", poolclass=StaticPool)
    try:
        Base.metadata.create_all(moteur)
        rapport = generer(
            moteur, dossiers=DOSSIERS_ETUDE, graine=graine, au=au, utilisateur="formation"
        )
        with moteur.connect() as connexion:
            brute = connexion.connection.driver_connection
            assert isinstance(brute, sqlite3.Connection)
            return brute.serialize(), rapport.etude_id
    finally:
        moteur.dispose()


def _copie(image: bytes) -> Engine:
    connexion = sqlite3.connect(":memory:", check_same_thread=False)
    connexion.deserialize(image)
    return creer_moteur("sqlite://", creator=lambda: connexion, poolclass=StaticPool)


# --- helpers on the throwaway database -------------------------------------------------------


def _faites(p: ProcedureDossier) -> tuple[EtapeFaite, ...]:
    return tuple(
        EtapeFaite(e.code, e.jour, e.heure, e.mode)
        for e in sorted(p.etapes, key=lambda e: (e.jour, e.id))
        if e.code not in CODES_FORMALITES
    )


def _lettres(p: ProcedureDossier) -> list[tuple[str, date]]:
    return [(e.code, e.jour) for e in p.etapes if e.code in CODES_FORMALITES]


def _reecrire_echeances(session: Session, dossier: Dossier, p: ProcedureDossier, au: date) -> None:
    """The procedure's agenda rows as the office stores them after its last step, or at
    ``au`` for a lapsed one (the generator and ``services.procedures`` write the same)."""
    loi = procedure_en_vigueur(p.code, p.demarree_le)
    faites = tuple(EtapeFaite(e.code, e.jour, e.heure, e.mode) for e in p.etapes)
    dernier = max((e.jour for e in p.etapes), default=p.demarree_le)
    jour = au if p.statut == "caduque" else dernier
    etat_, elements = echeances(loi, faites, jour, dossier.territoire)
    session.flush()
    connexion = session.connection()
    connexion.execute(delete(Echeance).where(Echeance.procedure_id == p.id))
    statut = p.statut if p.statut != "caduque" or etat_.statut == "caduque" else "abandonnee"
    lignes = [
        lignes_echeance(dossier.etude_id, dossier.id, p.id, e)
        for e in echeances_retenues(statut, etat_, elements)
    ]
    if lignes:
        connexion.execute(insert(Echeance), lignes)


def _reecrire_fonds(session: Session, dossier: Dossier, au: date) -> None:
    """The file's funds-to-pay-out rows, computed at ``au`` (not at today's date)."""
    session.flush()
    connexion = session.connection()
    connexion.execute(
        delete(Echeance).where(Echeance.dossier_id == dossier.id, Echeance.procedure_id.is_(None))
    )
    lignes = lignes_echeances_fonds(
        dossier.etude_id, dossier.id, grand_livre.fonds_detenus(session, dossier.id, au)
    )
    if lignes:
        connexion.execute(insert(Echeance), lignes)


def _servable(jour: date, territoire: str) -> bool:
    return est_jour_ouvrable(jour, territoire)


def _fenetres(
    loi: Procedure, faites: tuple[EtapeFaite, ...], au: date, territoire: str
) -> list[tuple[str, date, date, date, Any]]:
    """Done steps with an office deadline: (step, start of window, deadline, day done, borne)."""
    etat_ = etat(loi, faites, au, territoire)
    dates: dict[str, date] = {}
    for f in faites:
        dates[f.code] = f.jour
    resultat = []
    for e in etat_.etapes:
        tard = e.au_plus_tard
        if e.statut != "faite" or tard is None or e.faite_le is None:
            continue
        if tard.delai.tenu_par != "etude" or tard.delai.depuis_fin or tard.delai.sanction is None:
            continue
        depart = dates.get(tard.delai.depuis)
        if depart is None or tard.jour <= depart:
            continue
        resultat.append((e.etape.code, depart, tard.jour, e.faite_le, tard))
    return resultat


def _sequence_valide(loi: Procedure, faites: list[EtapeFaite], territoire: str) -> bool:
    ordre = sorted(faites, key=lambda f: f.jour)
    try:
        for rang, faite in enumerate(ordre):
            verifier_etape(loi, tuple(ordre[:rang]), faite, territoire)
    except ErreurClerc:
        return False
    return True


def _redater(
    session: Session,
    dossier: Dossier,
    p: ProcedureDossier,
    code: str,
    candidats: list[date],
    au: date,
) -> bool:
    """Move step ``code`` of ``p`` (and the CPC 658/659 letters answering it) to the first of
    ``candidats`` the engine accepts for the whole sequence; False when none fits."""
    loi = procedure_en_vigueur(p.code, p.demarree_le)
    ligne = max((e for e in p.etapes if e.code == code), key=lambda e: e.jour)
    ancien = ligne.jour
    autres = [
        EtapeFaite(e.code, e.jour, e.heure, e.mode)
        for e in p.etapes
        if e.code not in CODES_FORMALITES and e is not ligne
    ]
    if not _sequence_valide(loi, [*autres, EtapeFaite(code, ancien, ligne.heure, ligne.mode)],
                            dossier.territoire):  # fmt: skip
        return False
    avant = len(
        formalites_dues(
            [(f.code, f.jour, f.mode) for f in _faites(p)], _lettres(p), dossier.territoire
        )
    )
    for jour in candidats:
        if jour == ancien or not _servable(jour, dossier.territoire):
            continue
        nouvelle = EtapeFaite(code, jour, ligne.heure, ligne.mode)
        if not _sequence_valide(loi, [*autres, nouvelle], dossier.territoire):
            continue
        ecart = jour - ancien
        lettres = [
            e
            for e in p.etapes
            if e.code in CODES_FORMALITES and ancien <= e.jour <= ancien + timedelta(days=6)
        ]
        faites = [*autres, nouvelle]
        envoyees = [(e.code, e.jour + ecart if e in lettres else e.jour)
                    for e in p.etapes if e.code in CODES_FORMALITES]  # fmt: skip
        apres = len(
            formalites_dues([(f.code, f.jour, f.mode) for f in faites], envoyees,
                            dossier.territoire)
        )  # fmt: skip
        if apres > avant:
            continue
        ligne.jour = jour
        for lettre in lettres:
            lettre.jour = lettre.jour + ecart
        _reecrire_echeances(session, dossier, p, au)
        return True
    return False


def _procedures(session: Session) -> list[ProcedureDossier]:
    return list(
        session.scalars(
            select(ProcedureDossier)
            .order_by(ProcedureDossier.id)
            .options(selectinload(ProcedureDossier.etapes))
        )
    )


def _occurrences_recentes(
    session: Session, au: date
) -> list[tuple[Dossier, ProcedureDossier, str, date, date, date]]:
    """Done steps of the last twelve months with a short fatal window: (file, procedure, step,
    start, deadline, day done)."""
    resultat = []
    debut = au - timedelta(days=JOURS_ACTIVITE)
    for p in _procedures(session):
        dossier = session.get(Dossier, p.dossier_id)
        assert dossier is not None
        loi = procedure_en_vigueur(p.code, p.demarree_le)
        for code, depart, limite, faite_le, tard in _fenetres(
            loi, _faites(p), au, dossier.territoire
        ):
            sanction = tard.delai.sanction
            if not (debut < faite_le <= au) or sanction is None or not sanction.fatale:
                continue
            if not FENETRE_MIN_JOURS <= (limite - depart).days <= FENETRE_COURTE_JOURS:
                continue
            resultat.append((dossier, p, code, depart, limite, faite_le))
    return resultat


# --- 1. baseline ------------------------------------------------------------------------------


def _sans_fonds_en_retard(session: Session, au: date) -> None:
    """Late funds of the generated office paid out within their deadline (oldest first)."""
    for dossier in session.scalars(select(Dossier).order_by(Dossier.id)):
        for fonds in grand_livre.fonds_detenus(session, dossier.id, au):
            if not fonds.en_retard(au):
                continue
            jour = min(fonds.encaissement.date + timedelta(days=7), fonds.date_limite, au)
            grand_livre.sortir(
                session,
                dossier_id=dossier.id,
                jour=jour,
                montant=fonds.restant,
                nature="reversement",
                libelle=f"Reversement à {dossier.creancier.designation} ({dossier.reference})",
                beneficiaire_id=dossier.creancier_id,
            )
        _reecrire_fonds(session, dossier, au)


def _clercs(session: Session) -> dict[str, int]:
    existants = {u.identifiant: u.id for u in session.scalars(select(Utilisateur))}
    for identifiant, role in NOUVEAUX_CLERCS.items():
        if identifiant not in existants:
            utilisateur = Utilisateur(identifiant=identifiant, nom="", role=role)
            session.add(utilisateur)
            session.flush()
            existants[identifiant] = utilisateur.id
    return {c: existants[c] for c in CLERCS}


def _repartir(session: Session, surcharge: str | None) -> None:
    """Files in progress shared in turn between the clercs; ``surcharge`` gets 40 % of them."""
    ids = _clercs(session)
    dossiers = list(
        session.scalars(select(Dossier).where(Dossier.statut == "en_cours").order_by(Dossier.id))
    )
    if surcharge is None:
        for rang, dossier in enumerate(dossiers):
            dossier.clerc_id = ids[CLERCS[rang % len(CLERCS)]]
        return
    part = round(len(dossiers) * 0.4)
    autres = [c for c in CLERCS if c != surcharge]
    for rang, dossier in enumerate(dossiers):
        if rang % 5 < 2 and part > 0:
            dossier.clerc_id = ids[surcharge]
            part -= 1
        else:
            dossier.clerc_id = ids[autres[rang % len(autres)]]


def _etapes_rapides(session: Session, au: date) -> None:
    """Short fatal steps of the year done past half their window: re-dated early."""
    for dossier, p, code, depart, limite, faite_le in _occurrences_recentes(session, au):
        fenetre = (limite - depart).days
        if Decimal((faite_le - depart).days) / fenetre <= PART_RAPIDE:
            continue
        candidats = [depart + timedelta(days=n) for n in range(1, fenetre // 2 + 1)]
        # A step the engine does not let move (a later step depends on it) stays: the
        # tests check that no bottleneck shows that was not planted.
        _redater(session, dossier, p, code, candidats, au)


def _agenda_a_jour(contexte: Contexte, au: date) -> None:
    """Procedures with an overdue or imminent deadline of the office given up, letters owed
    recorded: the baseline's agenda holds nothing a bottleneck is made of."""
    for _ in range(3):
        a_traiter = [
            e
            for e in agenda(contexte, au)
            if e.tenu_par == "etude"
            and e.date_limite is not None
            and (
                e.categorie == "en_retard"
                or (e.sanction in SANCTIONS_FATALES and (e.date_limite - au).days <= 7)
            )
        ]
        if not a_traiter:
            return
        for element in a_traiter:
            if element.procedure == "fonds_de_tiers":
                continue
            if element.etape in CODES_FORMALITES:
                _lettre_envoyee(contexte, element, au)
                continue
            try:
                abandonner(
                    contexte,
                    element.dossier,
                    element.procedure,
                    au,
                    "mainlevée sur instruction du créancier",
                )
            except ErreurClerc:
                continue


def _lettre_envoyee(contexte: Contexte, element: ElementAgenda, au: date) -> None:
    with transaction(contexte, "formation") as session:
        dossier = session.scalar(select(Dossier).where(Dossier.reference == element.dossier))
        assert dossier is not None and element.date_limite is not None
        for p in _procedures(session):
            if p.dossier_id != dossier.id or p.code != element.procedure:
                continue
            dues = formalites_dues(
                [(f.code, f.jour, f.mode) for f in _faites(p)], _lettres(p), dossier.territoire
            )
            for due in dues:
                if due.formalite.code == element.etape:
                    p.etapes.append(EtapeProcedure(code=element.etape, jour=due.date_limite))
            _reecrire_echeances(session, dossier, p, au)


# --- 2 and 3. planting -----------------------------------------------------------------------


@dataclass
class _Plantation:
    contexte: Contexte
    au: date
    rng: random.Random
    utilises: set[str] = field(default_factory=set)

    def candidats(self) -> list[str]:
        """Files in progress without a trap of the generator, in a seeded order."""
        with transaction(self.contexte, "formation", ecriture=False) as session:
            pieges = set(session.scalars(select(Piege.dossier_id)))
            references = [
                d.reference
                for d in session.scalars(
                    select(Dossier).where(Dossier.statut == "en_cours").order_by(Dossier.id)
                )
                if d.id not in pieges and d.titre_actif is not None
            ]
        self.rng.shuffle(references)
        return [r for r in references if r not in self.utilises]

    def essayer(self, action: Callable[[str], bool]) -> str | None:
        for reference in self.candidats():
            try:
                if action(reference):
                    self.utilises.add(reference)
                    return reference
            except ErreurClerc:
                continue
        return None

    # -- procedures --

    def _premier_acte(self, reference: str, code: str, etape: str, jour: date) -> bool:
        """Start procedure ``code`` and record its first act, in one transaction (refused by
        the engine's guards and windows: nothing is left)."""
        if jour > self.au:
            return False
        with transaction(self.contexte, "formation") as session:
            dossier = session.scalar(select(Dossier).where(Dossier.reference == reference))
            assert dossier is not None
            if any(
                p.code == code and p.statut == "en_cours"
                for p in session.scalars(
                    select(ProcedureDossier).where(ProcedureDossier.dossier_id == dossier.id)
                )
            ):
                return False
            loi = procedure_en_vigueur(code, jour)
            session.add(
                ProcedureDossier(
                    dossier_id=dossier.id, code=code, version=loi.version, demarree_le=jour
                )
            )
            session.flush()
            enregistrer_etape_dans(
                session, reference, etape, jour, heure=HEURE_ACTE, mode="personne",
                procedure=code,
            )  # fmt: skip
        return True

    def _saisie_attribution(self, reference: str, pv: date) -> bool:
        return self._premier_acte(reference, "saisie_attribution", "pv_saisie", pv)

    def _limite_denonciation(self, pv: date, territoire: str) -> date:
        loi = procedure_en_vigueur("saisie_attribution", pv)
        etat_ = etat(loi, (EtapeFaite("pv_saisie", pv, HEURE_ACTE, "personne"),), pv, territoire)
        denonciation = next(e for e in etat_.etapes if e.etape.code == "denonciation")
        assert denonciation.au_plus_tard is not None
        return denonciation.au_plus_tard.jour

    def _territoire(self, reference: str) -> str:
        with transaction(self.contexte, "formation", ecriture=False) as session:
            return str(
                session.scalar(select(Dossier.territoire).where(Dossier.reference == reference))
            )

    def saisie_a_denoncer(self, reference: str, jours_min: int, jours_max: int) -> bool:
        """A saisie-attribution whose dénonciation is due in ``jours_min``..``jours_max``."""
        territoire = self._territoire(reference)
        for recul in range(1, 12):
            pv = self.au - timedelta(days=recul)
            if not _servable(pv, territoire):
                continue
            reste = (self._limite_denonciation(pv, territoire) - self.au).days
            if jours_min <= reste <= jours_max:
                return self._saisie_attribution(reference, pv)
        return False

    def saisie_non_denoncee(self, reference: str) -> bool:
        """A saisie-attribution of three to five weeks ago never denounced: lapsed (R211-3)."""
        territoire = self._territoire(reference)
        for recul in range(self.rng.randint(20, 35), 60):
            pv = self.au - timedelta(days=recul)
            if _servable(pv, territoire):
                return self._saisie_attribution(reference, pv)
        return False

    def commandement(self, reference: str, jour: date) -> bool:
        return self._premier_acte(reference, "saisie_vente", "commandement", jour)

    def commandement_recent(self, reference: str) -> bool:
        """A saisie-vente commandement whose procès-verbal may not come before a day of the
        coming week (CPCE R221-10)."""
        territoire = self._territoire(reference)
        for recul in range(1, 10):
            jour = self.au - timedelta(days=recul)
            if not _servable(jour, territoire):
                continue
            loi = procedure_en_vigueur("saisie_vente", jour)
            etat_ = etat(loi, (EtapeFaite("commandement", jour, HEURE_ACTE, "personne"),), jour,
                         territoire)  # fmt: skip
            pv = next(e for e in etat_.etapes if e.etape.code == "pv_saisie")
            if pv.au_plus_tot is not None and self.au < pv.au_plus_tot.jour <= self.au + timedelta(
                days=7
            ):
                return self.commandement(reference, jour)
        return False

    def _commandement_a_deux_ans(self, reference: str, reste_min: int, reste_max: int) -> bool:
        territoire = self._territoire(reference)
        with transaction(self.contexte, "formation", ecriture=False) as session:
            ouvert = session.scalar(select(Dossier.ouvert_le).where(Dossier.reference == reference))
        for recul in range(700, 780):
            jour = self.au - timedelta(days=recul)
            if ouvert is None or jour < ouvert or not _servable(jour, territoire):
                continue
            loi = procedure_en_vigueur("saisie_vente", jour)
            etat_ = etat(loi, (EtapeFaite("commandement", jour, HEURE_ACTE, "personne"),), jour,
                         territoire)  # fmt: skip
            pv = next(e for e in etat_.etapes if e.etape.code == "pv_saisie")
            if pv.au_plus_tard is None:
                return False
            reste = (pv.au_plus_tard.jour - self.au).days
            if reste_min <= reste <= reste_max:
                return self.commandement(reference, jour)
        return False

    def commandement_perime(self, reference: str) -> bool:
        return self._commandement_a_deux_ans(reference, -40, -5)

    def commandement_a_echeance(self, reference: str) -> bool:
        return self._commandement_a_deux_ans(reference, 0, JOURS_IMMINENT - 1)

    # -- money --

    def encaissement(self, reference: str, jours: int, *, acompte: bool = False) -> bool:
        """A transfer received ``jours`` days ago and kept (the payment and its ledger entry)."""
        jour = self.au - timedelta(days=jours)
        with transaction(self.contexte, "formation") as session:
            dossier = session.scalar(select(Dossier).where(Dossier.reference == reference))
            assert dossier is not None
            principal = sum(
                (
                    ligne.montant
                    for ligne in dossier.lignes
                    if ligne.nature == "principal" and ligne.annule_par_id is None
                ),
                Decimal(0),
            )
            payes = sum((p.montant for p in dossier.paiements), Decimal(0))
            montant = arrondi_centime(principal * Decimal(self.rng.randint(8, 20)) / 100)
            # A payout dated after the receipt would consume it first (FIFO, R444-56 reading):
            # only files without outflow since that day.
            if session.scalar(
                select(Ecriture.id).where(
                    Ecriture.dossier_id == dossier.id,
                    Ecriture.date >= jour,
                    Ecriture.nature.in_(grand_livre.SORTIES),
                )
            ):
                return False
            if (
                jour < dossier.ouvert_le
                or montant <= 0
                or payes + montant > principal * Decimal("0.7")
            ):
                return False
            paiement = Paiement(
                date=jour,
                montant=montant,
                origine="debiteur",
                mode="virement",
                encaisse_par_etude=True,
                libelle="Paiement du débiteur (virement)",
            )
            dossier.paiements.append(paiement)
            session.flush()
            grand_livre.encaisser(
                session, dossier_id=dossier.id, jour=jour, montant=montant, mode="virement",
                acompte=acompte, libelle=f"Encaissement {reference}", paiement_id=paiement.id,
            )  # fmt: skip
            _reecrire_fonds(session, dossier, self.au)
        return True

    # -- a slow step --

    def etape_lente(self) -> bool:
        """The short fatal step done most often in the year, each time at the end of its
        window (three quarters of it at least)."""
        with transaction(self.contexte, "formation") as session:
            groupes: dict[tuple[str, str], list[Any]] = {}
            for occurrence in _occurrences_recentes(session, self.au):
                groupes.setdefault((occurrence[1].code, occurrence[2]), []).append(occurrence)
            for _, occurrences in sorted(groupes.items(), key=lambda g: (-len(g[1]), g[0])):
                if len(occurrences) < LENTEUR_OCCURRENCES:
                    return False
                point = session.begin_nested()
                if all(self._tard(session, *o) for o in occurrences):
                    point.commit()
                    return True
                point.rollback()
        return False

    def _tard(
        self,
        session: Session,
        dossier: Dossier,
        p: ProcedureDossier,
        code: str,
        depart: date,
        limite: date,
        _faite_le: date,
    ) -> bool:
        fenetre = (limite - depart).days
        premier = -(-fenetre * 3 // 4)  # ceil(0.75 * window)
        candidats = [
            depart + timedelta(days=n)
            for n in range(fenetre, premier - 1, -1)
            if depart + timedelta(days=n) <= self.au
        ]
        return _redater(session, dossier, p, code, candidats, self.au)


def _plan(graine: int, au: date, niveau: str) -> tuple[list[str], bool]:
    """Bottlenecks to plant (in order of preference: the first ones that fail are replaced by
    the next) and whether a decoy is planted."""
    rng = random.Random(f"bloc4:{graine}:{au.isoformat()}:{niveau}")
    if niveau == "debutant":
        premiers = list(GOULETS_EVIDENTS)
        rng.shuffle(premiers)
        return premiers, False
    tous = list(GOULETS)
    rng.shuffle(tous)
    return tous, niveau == "confirme"


def _nombre(graine: int, au: date, niveau: str) -> int:
    if niveau == "debutant":
        return 1
    if niveau == "intermediaire":
        return 2
    return 3 + random.Random(f"bloc4-nombre:{graine}:{au.isoformat()}").randint(0, 1)


def _planter(plantation: _Plantation, code: str) -> bool:
    p = plantation
    if code == "fonds_non_reverses":
        return p.essayer(lambda r: p.encaissement(r, p.rng.randint(60, 90))) is not None
    if code == "caducite_encourue":
        if p.rng.random() < 0.5 and p.essayer(p.commandement_perime) is not None:
            return True
        return p.essayer(p.saisie_non_denoncee) is not None
    if code == "delai_fatal_imminent":
        if p.rng.random() < 0.3 and p.essayer(p.commandement_a_echeance) is not None:
            return True
        return p.essayer(lambda r: p.saisie_a_denoncer(r, 0, JOURS_IMMINENT - 1)) is not None
    if code == "etape_lente":
        return p.etape_lente()
    if code == "clerc_surcharge":
        return True  # the files are shared out at the end (_repartir)
    raise AssertionError(code)


# --- 4. reading the dashboard ----------------------------------------------------------------

# --- 4. reading the dashboard ----------------------------------------------------------------


def _delais_etapes(contexte: Contexte, au: date) -> tuple[DelaiEtape, ...]:
    with transaction(contexte, "formation", ecriture=False) as session:
        debut = au - timedelta(days=JOURS_ACTIVITE)
        groupes: dict[tuple[str, str], dict[str, Any]] = {}
        for p in _procedures(session):
            dossier = session.get(Dossier, p.dossier_id)
            assert dossier is not None
            loi = procedure_en_vigueur(p.code, p.demarree_le)
            for code, depart, limite, faite_le, tard in _fenetres(
                loi, _faites(p), au, dossier.territoire
            ):
                if not debut < faite_le <= au:
                    continue
                sanction = tard.delai.sanction
                groupe = groupes.setdefault(
                    (p.code, code),
                    {
                        "libelle": loi.etape(code).libelle,
                        "depuis": loi.etape(tard.delai.depuis).libelle,
                        "duree": tard.delai.duree,
                        "article": tard.delai.article,
                        "sanction": sanction.nature if sanction else None,
                        "effet": sanction.effet if sanction else None,
                        "fatale": bool(sanction and sanction.fatale),
                        "occurrences": [],
                    },
                )
                groupe["occurrences"].append(
                    (dossier.reference, (faite_le - depart).days, (limite - depart).days)
                )
    return tuple(
        DelaiEtape(procedure, etape, **{**g, "occurrences": tuple(sorted(g["occurrences"]))})
        for (procedure, etape), g in sorted(groupes.items())
    )


# --- the scenario of a level -----------------------------------------------------------------


@lru_cache(maxsize=12)
def bureau(graine: int, au: date, niveau: str) -> Bureau:
    """The office of ``graine`` at ``au`` with the bottlenecks of ``niveau`` (module doc)."""
    image, etude_id = _etude_de_base(graine, au)
    moteur = _copie(image)
    try:
        contexte = Contexte(moteur, etude_id, "formation")
        with transaction(contexte, "formation") as session:
            _sans_fonds_en_retard(session, au)
            _etapes_rapides(session, au)
            _repartir(session, None)
        _agenda_a_jour(contexte, au)
        plantation = _Plantation(contexte, au, random.Random(f"bloc4:{graine}:{niveau}"))
        # Current activity, every level.
        plantation.essayer(lambda r: plantation.saisie_a_denoncer(r, JOURS_IMMINENT + 1, 7))
        plantation.essayer(lambda r: plantation.encaissement(r, plantation.rng.randint(36, 40)))
        plantation.essayer(plantation.commandement_recent)
        preferes, avec_leurre = _plan(graine, au, niveau)
        voulu = _nombre(graine, au, niveau)
        plan: list[str] = []
        for code in preferes:
            if len(plan) == voulu:
                break
            if _planter(plantation, code):
                plan.append(code)
        leurres: list[str] = []
        if avec_leurre and plantation.essayer(
            lambda r: plantation.encaissement(r, plantation.rng.randint(65, 82), acompte=True)
        ):
            leurres.append(LEURRE_ACOMPTE)
        if any(c == "caducite_encourue" for c in plan):
            constater_caducites(contexte, au)
        with transaction(contexte, "formation") as session:
            surcharge = None
            if "clerc_surcharge" in plan:
                surcharge = CLERCS[random.Random(f"bloc4-clerc:{graine}:{niveau}").randrange(3)]
            _repartir(session, surcharge)
        tableau = tableau_de_bord(contexte, au)
        elements = tuple(agenda(contexte, au))
        resume = resume_agenda(contexte, au)
        fonds = tuple(fonds_detenus(contexte, au))
        delais = _delais_etapes(contexte, au)
    finally:
        moteur.dispose()
    goulets = goulets_detectes(au, tableau, elements, fonds, delais)
    resultat = Bureau(
        graine=graine,
        au=au,
        niveau=niveau,
        plan=tuple(sorted(plan)),
        tableau=tableau,
        resume=resume,
        elements=elements,
        fonds=fonds,
        delais=delais,
        goulets=goulets,
        leurres=leurres_du_bureau(au, fonds, delais, elements),
    )
    return replace(resultat, vue=vue_bureau(resultat))


@dataclass(frozen=True)
class ScenarioBureau:
    """A bloc 4 scenario as ``exercices`` handles it: built on first use (only the level
    asked for is planted and read)."""

    graine: int
    au: date
    niveau: str

    @property
    def bureau(self) -> Bureau:
        return bureau(self.graine, self.au, self.niveau)

    @property
    def piege(self) -> str | None:
        return None  # every office of bloc 4 has its bottlenecks: no trapped/clean split

    @property
    def vue(self) -> dict[str, Any]:
        return self.bureau.vue


def scenarios_bureau(graine: int, au: date) -> tuple[ScenarioBureau, ...]:
    return tuple(ScenarioBureau(graine, au, niveau) for niveau in NIVEAUX_BLOC4)


__all__ = [
    "GOULETS",
    "JOURS_IMMINENT",
    "NIVEAUX_BLOC4",
    "ORDRE_GRAVITE",
    "Bureau",
    "DelaiEtape",
    "Goulet",
    "Leurre",
    "ScenarioBureau",
    "bureau",
    "goulets_detectes",
    "identifiants_agenda",
    "scenarios_bureau",
]
