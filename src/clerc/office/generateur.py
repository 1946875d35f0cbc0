"""Synthetic office: a deterministic, seeded, realistic office for demos, training and benchmarks.

``generer(moteur, dossiers=N, graine=S, au=DATE)`` (CLI: ``clerc generer --dossiers N``) writes
one office, code ``DEMO``, as it stands on ``au``, into an empty database (or, with
``remplacer=True``, into a database it empties first, in the same transaction):

- the office (a SELARL of two commissaires de justice, valid SIRET, seat in a metropolitan
  department whose calendar it follows) and one user per role, with these demo logins (no
  password yet: the web office will set them):

  ==================  =====================  =============================================
  login               role                   notes
  ==================  =====================  =============================================
  demo-commissaire    commissaire_justice    first associate of the office
  demo-clerc          clerc_gestionnaire     handles most files
  demo-assistant      clerc_assistant        handles some files
  demo-stagiaire      stagiaire              handles a few files
  demo-creancier      creancier_client       sees only the files of the first creditor
  demo-admin          administrateur
  ==================  =====================  =============================================

- about max(5, N / 2000) creditors of every kind (banks, social and private landlords,
  utilities, individuals, public bodies, co-ownership syndicates, businesses), each company
  with a valid SIREN/SIRET (faker, Luhn) and every creditor with an IBAN whose French RIB key
  is right (``schwifty.IBAN.generate`` with real bank codes, never faker's ``iban()``);
- debtors (mostly persons, some companies) living in real communes with their real postcode
  (``ressources/communes.csv``), phones, e-mails, employers and banks sometimes known;
- N files of every nature, opened during the six years before ``au``, with titles of every
  type of CPCE L111-3 (dispositif: principal, article 700, dépens; legal interest mostly,
  conventional sometimes; L313-3 majoration two months after the decision became enforceable,
  counted from its service), the cost of each enforcement act priced by
  :func:`clerc.rules.tarif.cout_acte`, payments by the debtor, a garnishee or the répartiteur
  and the matching third-party-funds entries (receipt, cash banked, payout, fees), a timeline
  of events in date order, and closed files (paid, irrecoverable with the certificate's text,
  withdrawn);
- traps in about 15 % of the files, each recorded in ``piege`` with a stable code, a French
  description and the data that make it a trap (ids, dates, amounts):

  ================================  ========================================================
  code                              trap
  ================================  ========================================================
  titre_prescrit                    judgment served more than 10 years ago (CPCE L111-4)
  jugement_non_signifie             enforcement started on an unserved judgment (CPC 503)
  liquidation_judiciaire            debtor company in liquidation (C. com. L641-3, L622-21)
  surendettement                    debtor's over-indebtedness case admitted (C. consom. L722-2)
  debiteur_decede                   deceased debtor, heirs known (C. civ. 877)
  treve_hivernale                   expulsion planned during the winter truce (CPCE L412-6)
  alsace_moselle                    file governed by the local calendar and law (57, 67, 68)
  creance_inferieure_535            saisie-vente in a dwelling for less than 535 € (R221-2)
  injonction_non_signifiee_6_mois   injonction de payer not served in time (CPC 1411)
  fonds_detenus_trop_longtemps      funds held beyond the payout delay (C. com. R444-56)
  majeur_protege                    debtor under tutelle or curatelle (C. civ. 440, 467)
  creance_alimentaire               judgment of the juge aux affaires familiales fixing a
                                    monthly contribution to the children's upkeep, months
                                    unpaid: paiement direct, whole pay above the RSA (CPCE
                                    L213-1, L213-4; C. trav. L3252-5)
  solde_bancaire_insaisissable      the debtor's known account, seized lately, held less than
                                    the SBI: nothing was seized, a new seizure of it reaches
                                    only the excess (CPCE L162-2, R162-2)
  ================================  ========================================================

  The kinds are planted in turn, in this order (the last two were added later, at the end of
  the rotation, so that the files of a seed that had a trap before keep it). The other files
  are built to avoid these situations (every judgment and order served in time and younger
  than 10 years, expulsions planned outside the truce, no saisie-vente under 535 €, payouts
  within 18 days of receipt, no protected, deceased or insolvent debtor, no territory
  57/67/68, no maintenance title, no account balance recorded; open enforcement files keep
  acting, an act or a payment at least every 16 months), so that a detector finds exactly
  the recorded traps. Trapped files stay open.

Procedures (issue 4): each file's history is built by walking its procedures with the engine
(:mod:`clerc.rules.procedures`), in the version in force on their first step, every step dated
inside the window the engine computes, served steps on a day and at an hour of service with
their mode (the CPC 658/659 letters follow), and stored as the office stores them
(``procedure_dossier``, ``etape_procedure``, agenda ``echeance``): service of a judgment the
office serves (signification_titre), injonction de payer, expulsion, recouvrement amiable,
petites créances, créances commerciales incontestées, saisie conservatoire, then the
enforcement measures (saisie-attribution, saisie-vente, saisie des rémunérations). A clean file
misses no deadline of the office; trap files keep their recorded flaw.

Consistency: the décompte of every file computes at ``au`` (one principal per file, payments
never before the claim's date and never more than what is due: partial payments stay under
70 % of the principal, a paid file's last payment is its exact balance computed by
:mod:`clerc.rules.decompte`); no event, act, payment or entry is dated after ``au`` (a planned
expulsion or a future majoration date may be); every ledger entry balances and no creditor
balance goes negative; a closed file holds no funds. Dates the dated parameters do not cover
are avoided (files open from June 2016, after the tariff and R444-56 figures begin; titles from
2010, the first legal rate recorded); an act whose tariff is not known on its date is recorded
without cost; when ``au`` lies beyond the last published legal rate, the décompte at ``au``
raises ``ParametreManquant`` as it must, and files that could not be settled stay open.

``LienPartie`` convention used here: ``partie_id`` is the debtor (the deceased, the protected
adult, the company in liquidation), ``autre_partie_id`` the party acting for or succeeding him,
``nature`` what that other party is (heritier, tuteur, curateur, liquidateur).

Determinism: everything derives from ``random.Random(graine)``, ``Faker.seed_instance(graine)``
and ``au`` (every timestamp is set from the dates, never from the clock), so the same seed and
date give the same rows (on SQLite and PostgreSQL alike). Speed: rows are written in bulk, a
batch every 2 000 files (``executemany`` on SQLite, ``COPY`` on PostgreSQL, values converted by
SQLAlchemy's own bind processors), ids assigned here per table after the current maximum (the
PostgreSQL sequences are moved past them at the end); bulk writes
bypass the ORM audit hook, so the generation is recorded by one audit entry
(:func:`clerc.office.audit.journaliser_operation`: seed, date, counts). Everything is written in
one transaction: all or nothing.
"""

from __future__ import annotations

import csv
import gc
import random
import re
import time as chrono
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from importlib import resources
from operator import itemgetter
from typing import Any

from faker import Faker
from schwifty import IBAN
from sqlalchemy import Connection, Engine, func, insert, select, text
from stdnum import luhn

from clerc.office.audit import journaliser_operation
from clerc.office.db import (
    Contexte,
    actualiser_statistiques,
    apres_chargement_massif,
    transaction,
)
from clerc.office.erreurs import OperationRefusee
from clerc.office.index_recherche import lignes_termes, termes_de_partie, termes_de_reference
from clerc.office.models import Base, Etude
from clerc.office.models.dossier import MOTIFS_CLOTURE, NATURES_DOSSIER, NATURES_LIGNE, TYPES_TITRE
from clerc.office.services.analyse import NATURE_DECLARATION_BANQUE
from clerc.office.services.paiements import lignes_echeances_fonds
from clerc.office.services.procedures import lignes_echeance
from clerc.office.validation import nom_recherche
from clerc.rules import decompte as regles_decompte
from clerc.rules import fonds_tiers, tarif
from clerc.rules.calendrier import est_jour_ouvrable
from clerc.rules.dates import ajouter_mois
from clerc.rules.delais import treve_hivernale
from clerc.rules.erreurs import DonneeInvalide, ErreurClerc, ParametreManquant
from clerc.rules.interets import RegimeInterets
from clerc.rules.monnaie import ZERO, arrondi_centime, format_euros
from clerc.rules.parametres import parametres
from clerc.rules.prescription import Titre as TitrePrescription
from clerc.rules.prescription import point_de_depart_titre_juridictionnel, prescription
from clerc.rules.procedures.agenda import Echeance as EcheanceCalculee
from clerc.rules.procedures.agenda import echeances, echeances_retenues
from clerc.rules.procedures.chargement import procedure as loi_procedure
from clerc.rules.procedures.formalites import (
    FORMALITES,
    premier_jour_ouvrable_suivant,
)
from clerc.rules.procedures.modele import SANCTIONS_FATALES, Procedure
from clerc.rules.procedures.moteur import EtapeFaite, etat
from clerc.rules.saisie_vente import saisie_vente_subsidiaire, seuil_subsidiarite
from clerc.rules.sbi import solde_bancaire_insaisissable

ETUDE_CODE = "DEMO"
UTILISATEURS_DEMO: dict[str, str] = {
    "demo-commissaire": "commissaire_justice",
    "demo-clerc": "clerc_gestionnaire",
    "demo-assistant": "clerc_assistant",
    "demo-stagiaire": "stagiaire",
    "demo-creancier": "creancier_client",
    "demo-admin": "administrateur",
}
PIEGES: dict[str, str] = {
    "titre_prescrit": "Titre prescrit (CPCE L111-4)",
    "jugement_non_signifie": "Jugement non signifié (CPC 503)",
    "liquidation_judiciaire": "Débiteur en liquidation judiciaire (C. com. L641-3)",
    "surendettement": "Débiteur en surendettement (C. consom. L722-2)",
    "debiteur_decede": "Débiteur décédé (C. civ. 877)",
    "treve_hivernale": "Expulsion pendant la trêve hivernale (CPCE L412-6)",
    "alsace_moselle": "Dossier d'Alsace-Moselle (calendrier et droit locaux)",
    "creance_inferieure_535": "Saisie-vente au domicile pour moins de 535 € (CPCE R221-2)",
    "injonction_non_signifiee_6_mois": "Injonction de payer non signifiée à temps (CPC 1411)",
    "fonds_detenus_trop_longtemps": "Fonds détenus au-delà du délai (C. com. R444-56)",
    "majeur_protege": "Débiteur majeur protégé (C. civ. 440, 467)",
    # Added after the others, at the end of the rotation: earlier trap files keep their trap.
    "creance_alimentaire": "Créance alimentaire : paiement direct (CPCE L213-1)",
    "solde_bancaire_insaisissable": "Compte du débiteur sous le solde bancaire insaisissable "
    "(CPCE L162-2, R162-2)",
}
PART_PIEGES = 0.15
TAILLE_LOT = 2000  # files per batch of bulk inserts
AU_MINIMUM = date(2017, 1, 1)
# Earliest opening: the tariff (A444-10 ff.) and R444-56 figures begin in 2016.
DEBUT_DONNEES = date(2016, 6, 1)
DEBUT_INTERETS = date(2010, 1, 1)  # first legal rate recorded (interet_legal.*)
DEBUT_ACCORD_AVOCATS = date(2022, 3, 1)  # L111-3 7° (loi 2021-1729, décret 2022-245)
DEBUT_CREANCES_COMMERCIALES = date(2026, 5, 1)  # CPCE L126-1 (loi du 23 avril 2026)
REFORME_REMUNERATIONS = date(2025, 7, 1)  # saisie des rémunérations by the CJ (L212-1)
REFORME_INJONCTION = date(2026, 9, 1)  # CPC 1411: 3 months for orders made from that day
DELAI_REVERSEMENT_MAX = 18  # days: every payout here comes within 18 days of its receipt
UN = Decimal(1)
MESURES = ("attribution", "vente", "remunerations", "echeancier", "paiement", "recherche", "lettre")
CENT = Decimal(100)
ALSACE_MOSELLE = frozenset({"57", "67", "68"})
OUTRE_MER = frozenset({"971", "972", "973", "974", "976"})
PLAFOND_PETITES_CREANCES = ((date(2020, 1, 1), 5000), (date(2016, 6, 1), 4000))

# Seats of the tribunal judiciaire where it is not the first commune of the department in
# communes.csv (its prefecture).
SIEGES_TJ = {"50": "Coutances", "91": "Évry", "95": "Pontoise"}
# Commercial courts whose seat we are sure of (elsewhere: TJ, and non-trader debtors).
TRIBUNAUX_COMMERCE = {
    "75": "Paris", "69": "Lyon", "13": "Marseille", "33": "Bordeaux", "31": "Toulouse",
    "44": "Nantes", "35": "Rennes", "06": "Nice", "34": "Montpellier", "38": "Grenoble",
    "21": "Dijon", "92": "Nanterre", "93": "Bobigny", "94": "Créteil", "78": "Versailles",
    "76": "Rouen", "45": "Orléans", "37": "Tours", "49": "Angers", "63": "Clermont-Ferrand",
}  # fmt: skip
BANQUES = {  # real French bank codes (schwifty knows their BIC)
    "30004": "BNP Paribas", "30003": "Société générale", "30002": "LCL",
    "20041": "La Banque postale", "30066": "CIC", "10278": "Crédit mutuel",
    "18206": "Crédit agricole Paris Île-de-France", "10107": "BRED Banque populaire",
    "17515": "Caisse d'épargne CEPAC", "16606": "Crédit agricole Normandie",
    "42559": "Crédit coopératif", "15589": "Crédit mutuel Arkéa",
}  # fmt: skip
DOMAINES_COURRIEL = ("gmail.com", "orange.fr", "free.fr", "laposte.net", "sfr.fr", "outlook.fr")
NATIONALITES = ("portugaise", "marocaine", "algérienne", "italienne", "espagnole", "tunisienne")
FORMES_SOCIETE = ("SARL", "SAS", "SASU", "EURL", "SARL", "SAS")
ACTIVITES = (
    "Bâtiment", "Transports", "Boulangerie", "Garage", "Restauration", "Services",
    "Menuiserie", "Plomberie", "Distribution", "Conseil", "Nettoyage", "Électricité",
)  # fmt: skip
SUFFIXES_SOCIETE = re.compile(
    r"[ ,]*(S\.?A\.?R\.?L\.?|S\.?A\.?S\.?|S\.?A\.?|E\.?U\.?R\.?L\.?|SNC)$"
)

# Kinds of creditor; the first five exist even in the smallest office.
GENRES_CREANCIER = (
    "banque", "bailleur_social", "fournisseur", "particulier", "public",
    "bailleur_prive", "copropriete", "entreprise",
)  # fmt: skip
POIDS_GENRES = (30, 14, 20, 8, 5, 10, 5, 8)
TOUS_PRIVES = frozenset(GENRES_CREANCIER) - {"public"}
GENRES_PAR_NATURE: dict[str, frozenset[str]] = {
    "expulsion": frozenset({"bailleur_social", "bailleur_prive", "particulier"}),
    "petites_creances": frozenset({"fournisseur", "banque", "bailleur_prive", "copropriete"}),
    "creance_commerciale": frozenset({"entreprise", "fournisseur", "banque"}),
    "amiable": TOUS_PRIVES,
    "signification": frozenset(GENRES_CREANCIER),
    "conservatoire": frozenset({"banque", "entreprise", "fournisseur", "particulier"}),
    "injonction_payer": TOUS_PRIVES - {"bailleur_social"},
}
GENRES_PAR_TITRE: dict[str, frozenset[str]] = {
    "decision_justice": TOUS_PRIVES,
    "ordonnance_injonction_payer": TOUS_PRIVES - {"bailleur_social"},
    "accord_homologue": frozenset({"particulier", "bailleur_prive", "entreprise", "banque"}),
    "decision_etrangere": frozenset({"banque", "entreprise", "fournisseur"}),
    "sentence_arbitrale": frozenset({"entreprise", "fournisseur", "banque"}),
    "pv_conciliation": frozenset(
        {"bailleur_prive", "particulier", "bailleur_social", "copropriete", "entreprise"}
    ),
    "acte_notarie": frozenset({"banque", "particulier"}),
    "convention_divorce": frozenset({"particulier"}),
    "certificat_non_paiement_cheque": frozenset(
        {"bailleur_prive", "particulier", "entreprise", "fournisseur"}
    ),
    "titre_personne_publique": frozenset({"public"}),
    "accord_contresigne_avocats": frozenset({"particulier", "entreprise", "banque"}),
    "titre_petites_creances": GENRES_PAR_NATURE["petites_creances"],
    "titre_creance_commerciale": GENRES_PAR_NATURE["creance_commerciale"],
}
# Titles enforced in a "judiciaire" file, with their weight.
TITRES_JUDICIAIRES = {
    "decision_justice": 52, "ordonnance_injonction_payer": 8, "accord_homologue": 3,
    "decision_etrangere": 2, "sentence_arbitrale": 1, "pv_conciliation": 4, "acte_notarie": 8,
    "convention_divorce": 2, "certificat_non_paiement_cheque": 6, "titre_personne_publique": 6,
    "accord_contresigne_avocats": 2,
}  # fmt: skip
POIDS_NATURES = {
    "judiciaire": 44, "injonction_payer": 12, "amiable": 12, "expulsion": 8, "signification": 9,
    "petites_creances": 6, "conservatoire": 4, "creance_commerciale": 5,
}  # fmt: skip
# Principal ranges in euros (low, high, weight) by kind of creditor.
MONTANTS: dict[str, tuple[tuple[int, int, int], ...]] = {
    "banque": ((800, 5000, 40), (5000, 20000, 40), (20000, 80000, 20)),
    "bailleur_social": ((600, 3000, 50), (3000, 9000, 40), (9000, 18000, 10)),
    "bailleur_prive": ((700, 3000, 40), (3000, 12000, 50), (12000, 25000, 10)),
    "fournisseur": ((60, 500, 35), (500, 2000, 45), (2000, 6000, 20)),
    "particulier": ((500, 3000, 40), (3000, 15000, 45), (15000, 60000, 15)),
    "public": ((80, 600, 60), (600, 4000, 40)),
    "copropriete": ((400, 3000, 60), (3000, 12000, 40)),
    "entreprise": ((500, 5000, 50), (5000, 40000, 40), (40000, 150000, 10)),
}


@dataclass(frozen=True)
class RapportGeneration:
    """What ``generer`` wrote: the office, row counts, traps, demo logins, time taken."""

    etude_code: str
    etude_id: int
    graine: int
    au: date
    dossiers: int
    lignes: dict[str, int]  # table -> rows written
    pieges: dict[str, int]  # trap code -> files
    identifiants: dict[str, str]  # demo login -> role
    secondes: float

    @property
    def dossiers_par_seconde(self) -> float:
        return self.dossiers / self.secondes if self.secondes else 0.0


# --- reference data ------------------------------------------------------------------------


@dataclass(frozen=True)
class Commune:
    nom: str
    code_postal: str
    departement: str


def communes() -> tuple[Commune, ...]:
    """The real communes shipped with the package (name, main postcode, department)."""
    fichier = resources.files("clerc.office") / "ressources" / "communes.csv"
    with fichier.open(encoding="utf-8") as flux:
        return tuple(
            Commune(ligne["commune"], ligne["code_postal"], ligne["departement"])
            for ligne in csv.DictReader(flux, delimiter=";")
        )


def _de(ville: str) -> str:
    """French elision before a town name: "de Lyon", "d'Évry", "du Mans", "des Sables"."""
    if ville.startswith("Le "):
        return "du " + ville[3:]
    if ville.startswith("Les "):
        return "des " + ville[4:]
    if ville[0] in "AEIOUYÉÈÊÂÎÔŒaeiouy":
        return "d'" + ville
    return "de " + ville


def _euros(centimes: int) -> Decimal:
    return Decimal(centimes).scaleb(-2)


def _horodatage(jour: date, minutes: int) -> datetime:
    """A deterministic instant of ``jour`` (UTC), ``minutes`` after 07:00."""
    return datetime.combine(jour, time(7, 0), UTC) + timedelta(minutes=minutes)


# --- tariff with a cache -------------------------------------------------------------------


class _Tarif:
    """``tarif.cout_acte`` with a cache: the figures are constant between two dates where any
    tariff parameter (or a transitional rule) changes, so a cost depends only on the act, that
    period, the territory, the A444-46 coefficient and whether the DEP is due. The DEP
    (A444-15, proportional to the claim) is added exactly as ``cout_acte`` adds it."""

    def __init__(self) -> None:
        bornes: set[int] = set()
        for parametre in parametres():
            if parametre.nom.startswith("tarif."):
                for valeur in parametre.valeurs:
                    bornes.add(valeur.debut.toordinal())
                    if valeur.fin is not None:
                        bornes.add(valeur.fin.toordinal() + 1)
        for transition in tarif.TRANSITIONS:
            bornes.add(transition.entree_en_vigueur.toordinal())
            bornes.add(transition.fin_maintien.toordinal() + 1)
        self._bornes = sorted(bornes)
        self._couts: dict[tuple[Any, ...], tarif.CoutActe | None] = {}
        self._coefficients: dict[int, tuple[tuple[Decimal | None, Decimal], ...] | None] = {}

    def _coefficient(self, periode: int, jour: date, montant: Decimal) -> Decimal | None:
        if periode not in self._coefficients:
            jour_tarif, _ = tarif.date_tarifaire(jour)
            try:
                valeur = parametres().valeur_au("tarif.coefficient_a444_46", jour_tarif).valeur
            except ParametreManquant:
                self._coefficients[periode] = None
            else:
                self._coefficients[periode] = tuple(
                    (
                        None if t["jusqu_a"] is None else Decimal(str(t["jusqu_a"])),
                        Decimal(str(t["coefficient"])),
                    )
                    for t in valeur
                )
        tranches = self._coefficients[periode]
        if tranches is None:
            return None
        for plafond, coefficient in tranches:
            if plafond is None or montant <= plafond:
                return coefficient
        return None  # pragma: no cover - the last band is open

    def cout(
        self, code: str, jour: date, montant: Decimal, dep_deja: bool, territoire: str
    ) -> tuple[Decimal, Decimal, tarif.Acte] | None:
        """(total TTC, DEP HT, act) of ``code`` on ``jour``; None when a figure is unknown."""
        fiche = tarif.acte(code)
        periode = bisect_right(self._bornes, jour.toordinal())
        if territoire != "metropole":
            try:
                cout = tarif.cout_acte(
                    code, jour, montant, dep_deja_percu=dep_deja, territoire=territoire
                )
            except ParametreManquant:
                return None
            return cout.total_ttc, cout.dep_ht, fiche
        coefficient = self._coefficient(periode, jour, montant) if fiche.coefficient else UN
        if coefficient is None:
            return None
        avec_dep = fiche.droit_engagement_poursuites and not dep_deja
        cle = (code, periode, coefficient)
        if cle not in self._couts:
            try:
                self._couts[cle] = tarif.cout_acte(code, jour, montant, dep_deja_percu=True)
            except ParametreManquant:
                self._couts[cle] = None
        base = self._couts[cle]
        if base is None:
            return None
        if not avec_dep:
            return base.total_ttc, ZERO, fiche
        try:
            dep = tarif.droit_engagement_poursuites(montant, base.date_tarif).montant
        except ParametreManquant:
            return None
        total_ht = base.total_ht + dep
        tva = arrondi_centime(total_ht * base.taux_tva / CENT)
        return total_ht + tva + base.debours + base.taxe_forfaitaire, dep, fiche


# --- working state -------------------------------------------------------------------------


class _Tampon:
    """Rows waiting to be inserted, per table, written in foreign-key order.

    Each table's INSERT is compiled once by SQLAlchemy and its values converted by the bind
    processors SQLAlchemy itself would apply (so SQLite and PostgreSQL store exactly what the
    ORM stores), then sent with the driver's ``executemany``: the per-row work of the SQL layer
    is otherwise most of the cost of a bulk insert."""

    def __init__(self, connexion: Connection) -> None:
        self.connexion = connexion
        self.lignes: dict[str, list[dict[str, Any]]] = {}
        self.comptes: dict[str, int] = {}
        self.tables = {t.name: t for t in Base.metadata.sorted_tables}
        self.ordre = [t.name for t in Base.metadata.sorted_tables]
        self._instructions: dict[tuple[str, tuple[str, ...]], Any] = {}

    def ajouter(self, table: str, ligne: dict[str, Any]) -> None:
        self.lignes.setdefault(table, []).append(ligne)

    def _instruction(self, nom: str, cles: tuple[str, ...]) -> Any:
        cle = (nom, cles)
        if cle not in self._instructions:
            compilee = insert(self.tables[nom]).compile(
                dialect=self.connexion.dialect, column_keys=list(cles)
            )
            noms = list(compilee.positiontup or []) if compilee.positional else list(cles)
            processeurs = compilee._bind_processors  # SQLAlchemy's own value converters
            self._instructions[cle] = (
                str(compilee),
                compilee.positional,
                [(n, processeurs.get(n)) for n in noms],
            )
        return self._instructions[cle]

    def ecrire(self) -> None:
        copie = self.connexion.dialect.name == "postgresql"
        for nom in self.ordre:
            lignes = self.lignes.get(nom)
            if not lignes:
                continue
            cles = tuple(lignes[0])
            if copie:
                self._copier(nom, cles, lignes)
            else:
                sql, positionnel, colonnes = self._instruction(nom, cles)
                valeurs: list[Any]
                if positionnel:
                    # Column by column: each bind processor mapped over its column at once.
                    colonnes_ = [
                        list(map(p, map(itemgetter(n), lignes)))
                        if p
                        else list(map(itemgetter(n), lignes))
                        for n, p in colonnes
                    ]
                    valeurs = list(zip(*colonnes_, strict=True))
                else:
                    valeurs = [
                        {n: p(ligne[n]) if p else ligne[n] for n, p in colonnes} for ligne in lignes
                    ]
                for debut in range(0, len(valeurs), 5000):
                    self.connexion.exec_driver_sql(sql, valeurs[debut : debut + 5000])
            self.comptes[nom] = self.comptes.get(nom, 0) + len(lignes)
        self.lignes.clear()

    def _copier(self, nom: str, cles: tuple[str, ...], lignes: list[dict[str, Any]]) -> None:
        """PostgreSQL: ``COPY ... FROM STDIN`` (psycopg), several times faster than INSERT."""
        _, _, colonnes = self._instruction(nom, cles)
        liste = ", ".join(f'"{n}"' for n, _ in colonnes)
        curseur = self.connexion.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with curseur.copy(f'COPY "{nom}" ({liste}) FROM STDIN') as copie:
            for ligne in lignes:
                copie.write_row(tuple(p(ligne[n]) if p else ligne[n] for n, p in colonnes))


class _Ids:
    """Next id of each table, starting after the largest id already there."""

    def __init__(self, connexion: Connection) -> None:
        self._suivants: dict[str, int] = {}
        for table in Base.metadata.sorted_tables:
            if "id" in table.c:
                dernier = connexion.execute(select(func.max(table.c.id))).scalar()
                self._suivants[table.name] = int(dernier or 0) + 1

    def __call__(self, table: str) -> int:
        valeur = self._suivants[table]
        self._suivants[table] = valeur + 1
        return valeur


@dataclass
class _Partie:
    """What the generator remembers of a party it wrote."""

    id: int
    type: str
    nom: str  # designation
    departement: str
    commune: str
    personne: bool
    genre: str = ""  # kind of creditor
    nom_famille: str = ""
    categorie_interets: str = "autre"
    poids: float = 1.0
    termes: frozenset[str] = frozenset()  # words the files of this party are found by


@dataclass
class _Evenement:
    date: date
    rang: int
    nature: str
    libelle: str
    details: dict[str, Any]


@dataclass
class _PaiementPrevu:
    date: date
    montant: Decimal
    origine: str
    mode: str
    encaisse: bool
    payeur_id: int | None
    libelle: str
    acompte: bool
    id: int = 0


@dataclass
class _Mouvement:
    date: date
    rang: int
    nature: str
    mode: str
    acompte: bool
    libelle: str
    lignes: tuple[tuple[str, Decimal, Decimal], ...]  # (compte, debit, credit)
    paiement: _PaiementPrevu | None = None
    beneficiaire_id: int | None = None
    id: int = 0


@dataclass
class _Titre:
    type: str
    date_titre: date
    juridiction: str | None
    numero: str | None
    contradictoire: bool | None = None
    premier_ressort: bool | None = None
    execution_provisoire: str = "sans_objet"
    formule_executoire: bool = True
    date_signification: date | None = None
    date_force_executoire: date | None = None
    date_saisine: date | None = None
    observations: str = ""
    creance_alimentaire: bool = False
    id: int = 0
    remplace_par: _Titre | None = None
    executoire_le: date | None = None  # first day it may be enforced (may be after ``au``)


@dataclass
class _ProcedureGeneree:
    """A procedure walked on a generated file, step by step, with the engine's windows."""

    id: int
    loi: Procedure
    demarree_le: date
    etapes: list[EtapeFaite] = field(default_factory=list)

    def faites(self) -> tuple[EtapeFaite, ...]:
        return tuple(e for e in self.etapes if e.code not in _CODES_LETTRES)


_CODES_LETTRES = frozenset(f.code for f in FORMALITES.values())


@dataclass
class _Fichier:
    """One file being generated: everything is kept in memory until it is complete."""

    id: int
    reference: str
    nature: str
    ouvert_le: date
    fin: date  # last day of activity: closure date, or au
    creancier: _Partie
    debiteurs: list[_Partie]
    territoire: str
    clerc_id: int | None
    clerc: str
    piege: str | None
    statut: str = "en_cours"
    motif: str | None = None
    clos_le: date | None = None
    certificat: str | None = None
    principal: Decimal = ZERO
    date_creance: date = date.min
    regime: RegimeInterets | None = None
    interets_depuis: date | None = None
    titres: list[_Titre] = field(default_factory=list)
    lignes: list[dict[str, Any]] = field(default_factory=list)
    frais: list[regles_decompte.Frais] = field(default_factory=list)
    paiements: list[_PaiementPrevu] = field(default_factory=list)
    mouvements: list[_Mouvement] = field(default_factory=list)
    evenements: list[_Evenement] = field(default_factory=list)
    # Per procedure id: (status, reason, agenda items) on ``au`` (_etats_finaux).
    etats_finaux: dict[int, tuple[str, str, list[EcheanceCalculee]]] = field(default_factory=dict)
    pieges: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    dep_percu: bool = False
    verse: Decimal = ZERO  # partial payments so far
    dernier_reversement: date = date.min
    rang: int = 0
    derniere_interruption: date = date.min
    part_reservee: Decimal = ZERO  # share of the principal kept for a payment planned later
    procedures: list[_ProcedureGeneree] = field(default_factory=list)
    # The step of a title's procedure that the first enforcement measure completes
    # (signification_titre: execution or execution_provisoire; injonction_de_payer:
    # premiere_mesure), recorded on the day of that measure.
    premiere_mesure: tuple[_ProcedureGeneree, str] | None = None
    saisie_vente: _ProcedureGeneree | None = None  # at most one per file
    amiable: _ProcedureGeneree | None = None  # recouvrement_amiable, ended on closing

    def suivant(self) -> int:
        self.rang += 1
        return self.rang

    @property
    def plafond_acomptes(self) -> Decimal:
        return arrondi_centime(self.principal * (Decimal("0.7") - self.part_reservee))


# --- the generator -------------------------------------------------------------------------


class _Generateur:
    def __init__(
        self,
        connexion: Connection,
        *,
        etude_id: int,
        graine: int,
        au: date,
        dossiers: int,
        utilisateur: str,
    ) -> None:
        self.etude_id = etude_id
        self.au = au
        self.dossiers = dossiers
        self.utilisateur = utilisateur
        self.rng = random.Random(graine)
        self.fake = Faker("fr_FR")
        self.fake.seed_instance(graine)
        self.tampon = _Tampon(connexion)
        self.ids = _Ids(connexion)
        self.tarif = _Tarif()
        self.communes = communes()
        self.par_departement: dict[str, list[Commune]] = {}
        for commune in self.communes:
            self.par_departement.setdefault(commune.departement, []).append(commune)
        self.sieges = {d: SIEGES_TJ.get(d, c[0].nom) for d, c in self.par_departement.items()}
        self.communes_ordinaires = [c for c in self.communes if c.departement not in ALSACE_MOSELLE]
        self.communes_alsace = [c for c in self.communes if c.departement in ALSACE_MOSELLE]
        self.sirens: set[str] = set()
        self.references_mandant: dict[int, set[int]] = {}
        self.numeros: dict[str, int] = {}
        self.pieges: dict[str, int] = {}
        self.rang_piege = 0
        self.titres_vus: set[str] = set()
        self.debiteurs_recents: list[_Partie] = []
        self._pools()

    # -- small helpers ----------------------------------------------------------------------

    def _pools(self) -> None:
        """Names drawn once from faker (fr_FR), then picked with the seeded generator."""
        f = self.fake
        self.noms = [f.last_name() for _ in range(1500)]
        self.prenoms_h = [f.first_name_male() for _ in range(300)]
        self.prenoms_f = [f.first_name_female() for _ in range(300)]
        self.rues = [f.street_name() for _ in range(1200)]
        self.metiers = [f.job() for _ in range(250)]
        self.societes = [SUFFIXES_SOCIETE.sub("", f.company()).strip() for _ in range(800)]

    def _cents(self, bas: int, haut: int) -> Decimal:
        return _euros(self.rng.randint(bas * 100, haut * 100))

    def _montant(self, genre: str) -> Decimal:
        tranches = MONTANTS[genre]
        bas, haut, _ = self.rng.choices(tranches, weights=[t[2] for t in tranches])[0]
        return self._cents(bas, haut)

    def _jour(self, debut: date, fin: date) -> date:
        if fin <= debut:
            return debut
        return date.fromordinal(self.rng.randint(debut.toordinal(), fin.toordinal()))

    def _apres(self, jour: date, mini: int, maxi: int) -> date:
        return jour + timedelta(days=self.rng.randint(mini, maxi))

    def _numero(self, prefixe: str, jour: date) -> str:
        cle = f"{prefixe}{jour.year}"
        self.numeros[cle] = self.numeros.get(cle, 0) + self.rng.randint(1, 40)
        return f"{jour.year % 100:02d}/{self.numeros[cle]:05d}"

    def _siren(self) -> str:
        while True:
            siren = self.fake.siren().replace(" ", "")
            if siren not in self.sirens:
                self.sirens.add(siren)
                return siren

    def _siret(self, siren: str) -> str:
        debut = f"{siren}{self.rng.randint(1, 99):04d}"
        return debut + luhn.calc_check_digit(debut)

    def _iban(self) -> tuple[str, str | None]:
        code_banque = self.rng.choice(tuple(BANQUES))
        compte = f"{self.rng.randint(0, 99_999_999_999):011d}"
        iban = IBAN.generate("FR", bank_code=code_banque, account_code=compte)
        bic = iban.bic
        return iban.compact, (str(bic) if bic is not None else None)

    def _tj(self, departement: str) -> str:
        return f"Tribunal judiciaire {_de(self.sieges[departement])}"

    def _tribunal_commerce(self, departement: str) -> str | None:
        if departement in ALSACE_MOSELLE:
            return f"{self._tj(departement)} (chambre commerciale)"
        if departement in OUTRE_MER:
            return f"Tribunal mixte de commerce {_de(self.sieges[departement])}"
        ville = TRIBUNAUX_COMMERCE.get(departement)
        return f"Tribunal de commerce {_de(ville)}" if ville else None

    def _commune(self, departement: str | None = None, alsace: bool = False) -> Commune:
        if alsace:
            return self.rng.choice(self.communes_alsace)
        if departement is not None and self.rng.random() < 0.55:
            return self.rng.choice(self.par_departement[departement])
        return self.rng.choice(self.communes_ordinaires)

    # -- rows -------------------------------------------------------------------------------

    def _ligne_partie(self, **valeurs: Any) -> dict[str, Any]:
        ligne: dict[str, Any] = {
            "id": 0, "etude_id": self.etude_id, "type": "personne_physique", "civilite": None,
            "nom": "", "nom_usage": None, "prenoms": None, "date_naissance": None,
            "lieu_naissance": None, "nationalite": None, "profession": None,
            "denomination": None, "forme_juridique": None, "siren": None, "siret": None,
            "rcs": None, "representant": None, "iban": None, "bic": None,
            "categorie_interets": "autre", "decede_le": None, "observations": "",
            "nom_recherche": "", "cle_import": None, "cree_le": None,
        }  # fmt: skip
        ligne.update(valeurs)
        return ligne

    def _adresse(
        self, partie_id: int, commune: Commune, depuis: date | None, nature: str = "domicile"
    ) -> None:
        numero = self.rng.randint(1, 180)
        rue = f"{numero}{' bis' if numero % 17 == 0 else ''} {self.rng.choice(self.rues)}"
        ligne2 = None
        if self.rng.random() < 0.2:
            ligne2 = f"Bâtiment {self.rng.choice('ABCDE')}, appartement {self.rng.randint(1, 60)}"
        self.tampon.ajouter(
            "adresse",
            {
                "id": self.ids("adresse"),
                "etude_id": self.etude_id,
                "partie_id": partie_id,
                "nature": nature,
                "ligne1": rue,
                "ligne2": ligne2,
                "code_postal": commune.code_postal,
                "commune": commune.nom,
                "departement": commune.departement,
                "pays": "FR",
                "principale": True,
                "depuis": depuis,
                "jusqu_au": None,
            },
        )

    def _contact_de(self, partie_id: int, type_: str) -> str | None:
        """A contact of a party written in the current batch (its first of that type)."""
        for ligne in self.tampon.lignes.get("contact", ()):
            if ligne["partie_id"] == partie_id and ligne["type"] == type_:
                return str(ligne["valeur"])
        return None

    def _contact(self, partie_id: int, type_: str, valeur: str, consentement: date | None) -> None:
        self.tampon.ajouter(
            "contact",
            {
                "id": self.ids("contact"),
                "etude_id": self.etude_id,
                "partie_id": partie_id,
                "type": type_,
                "valeur": valeur,
                "consentement_electronique_le": consentement,
            },
        )

    def _telephone(self) -> str:
        rng = self.rng
        tete = rng.choice(("06", "07", "06", "01", "02", "03", "04", "05"))
        return " ".join([tete, *(f"{rng.randint(0, 99):02d}" for _ in range(4))])

    def personne(
        self,
        jour: date,
        *,
        departement: str | None = None,
        alsace: bool = False,
        nom: str | None = None,
        contacts: bool = True,
        profession: str | None = None,
        age_min: int = 19,
    ) -> _Partie:
        """A natural person living in a real commune (debtor, heir, individual creditor)."""
        rng = self.rng
        partie_id = self.ids("partie")
        femme = rng.random() < 0.5
        prenom = rng.choice(self.prenoms_f if femme else self.prenoms_h)
        if rng.random() < 0.3:
            prenom = f"{prenom} {rng.choice(self.prenoms_f if femme else self.prenoms_h)}"
        nom = nom or rng.choice(self.noms)
        commune = self._commune(departement, alsace)
        naissance = self._jour(
            date(self.au.year - 85, 1, 1), date(self.au.year - age_min, 12, 31) - timedelta(365)
        )
        civilite = "Madame" if femme else "Monsieur"
        cle_recherche = nom_recherche(nom, prenom)
        self.tampon.ajouter(
            "partie",
            self._ligne_partie(
                id=partie_id,
                civilite=civilite,
                nom=nom.upper(),
                prenoms=prenom,
                date_naissance=naissance,
                lieu_naissance=rng.choice(self.communes).nom,
                nationalite="française" if rng.random() < 0.9 else rng.choice(NATIONALITES),
                profession=profession or rng.choice(self.metiers),
                categorie_interets="particulier",
                nom_recherche=cle_recherche,
                cree_le=_horodatage(jour, rng.randint(0, 600)),
            ),
        )
        self._adresse(partie_id, commune, self._jour(jour - timedelta(3000), jour))
        if contacts:
            if rng.random() < 0.45:
                self._contact(partie_id, "telephone", self._telephone(), None)
            if rng.random() < 0.25:
                courriel = nom_recherche(prenom.split()[0], nom).lower().replace(" ", ".")
                consentement = jour if rng.random() < 0.3 else None
                self._contact(
                    partie_id,
                    "courriel",
                    f"{courriel}@{rng.choice(DOMAINES_COURRIEL)}",
                    consentement,
                )
            if rng.random() < 0.2:
                employeur = f"{rng.choice(self.societes)} {rng.choice(FORMES_SOCIETE)}"
                self._contact(partie_id, "employeur", f"{employeur}, {commune.nom}", None)
            if rng.random() < 0.2:
                self._contact(partie_id, "banque", rng.choice(tuple(BANQUES.values())), None)
        designation = f"{civilite} {prenom} {nom.upper()}"
        return _Partie(
            partie_id,
            "personne_physique",
            designation,
            commune.departement,
            commune.nom,
            True,
            categorie_interets="particulier",
            nom_famille=nom.upper(),
            termes=termes_de_partie(cle_recherche, None, None),
        )

    def societe(
        self,
        jour: date,
        *,
        denomination: str | None = None,
        forme: str | None = None,
        departement: str | None = None,
        alsace: bool = False,
        commune: Commune | None = None,
        genre: str = "",
        iban: bool = False,
        representant: str | None = None,
    ) -> _Partie:
        """A company (or public body) with a valid SIREN/SIRET and its registered office."""
        rng = self.rng
        partie_id = self.ids("partie")
        commune = commune or self._commune(departement, alsace)
        forme = forme or rng.choice(FORMES_SOCIETE)
        denomination = denomination or (
            f"{rng.choice(ACTIVITES)} {rng.choice(self.societes)}"
            if rng.random() < 0.6
            else rng.choice(self.societes)
        )
        siren = self._siren()
        siret = self._siret(siren)
        commerciale = forme in {"SA", "SAS", "SASU", "SARL", "EURL", "SA d'HLM"}
        compte, bic = self._iban() if iban else (None, None)
        self.tampon.ajouter(
            "partie",
            self._ligne_partie(
                id=partie_id,
                type="personne_morale",
                denomination=denomination,
                forme_juridique=forme,
                siren=siren,
                siret=siret,
                rcs=f"RCS {self.sieges[commune.departement]}" if commerciale else None,
                representant=representant
                or "prise en la personne de son représentant légal domicilié en cette qualité "
                "audit siège",
                iban=compte,
                bic=bic,
                nom_recherche=nom_recherche(denomination),
                cree_le=_horodatage(jour, rng.randint(0, 600)),
            ),
        )
        self._adresse(partie_id, commune, None, nature="siege")
        if rng.random() < 0.5:
            self._contact(partie_id, "telephone", self._telephone(), None)
        return _Partie(
            partie_id,
            "personne_morale",
            f"{forme} {denomination}",
            commune.departement,
            commune.nom,
            False,
            genre=genre,
            termes=termes_de_partie(nom_recherche(denomination), siren, siret),
        )

    def protection(
        self,
        partie_id: int,
        nature: str,
        depuis: date,
        juridiction: str | None,
        reference: str | None,
        organe: str | None,
        details: str = "",
    ) -> int:
        protection_id = self.ids("protection")
        self.tampon.ajouter(
            "protection",
            {
                "id": protection_id,
                "etude_id": self.etude_id,
                "partie_id": partie_id,
                "nature": nature,
                "depuis": depuis,
                "jusqu_au": None,
                "juridiction": juridiction,
                "reference": reference,
                "organe": organe,
                "details": details,
            },
        )
        return protection_id

    def lien(self, partie_id: int, autre_id: int, nature: str, depuis: date) -> None:
        self.tampon.ajouter(
            "lien_partie",
            {
                "id": self.ids("lien_partie"),
                "etude_id": self.etude_id,
                "partie_id": partie_id,
                "autre_partie_id": autre_id,
                "nature": nature,
                "depuis": depuis,
            },
        )

    # -- the office, its users and creditors --------------------------------------------------

    def creanciers(self, debut: date) -> list[_Partie]:
        nombre = max(5, self.dossiers // 2000)
        resultat: list[_Partie] = []
        for rang in range(nombre):
            genre = (
                GENRES_CREANCIER[rang]
                if rang < min(nombre, len(GENRES_CREANCIER))
                else self.rng.choices(GENRES_CREANCIER, weights=POIDS_GENRES)[0]
            )
            resultat.append(self._creancier(genre, debut))
            resultat[-1].poids = 1 / (rang + 1) ** 0.6  # a few large clients, many small ones
        return resultat

    def _creancier(self, genre: str, jour: date) -> _Partie:
        rng = self.rng
        base = rng.choice(self.societes)
        ville = rng.choice(self.communes_ordinaires)
        if genre == "particulier":
            partie = self.personne(jour, contacts=False)
            partie.genre = genre
            compte, bic = self._iban()
            self.tampon.lignes["partie"][-1].update(iban=compte, bic=bic)
            return partie
        denomination, forme, representant = {
            "banque": (
                rng.choice((f"Banque {base}", f"Crédit {base}", f"{base} Finance")), "SA", None
            ),
            "bailleur_social": (
                rng.choice((f"{base} Habitat", f"Office public de l'habitat {_de(ville.nom)}")),
                "SA d'HLM",
                None,
            ),
            "bailleur_prive": (f"SCI {base}", "SCI", "prise en la personne de son gérant"),
            "fournisseur": (
                rng.choice((f"{base} Énergie", f"{base} Télécom", f"Eaux {_de(ville.nom)}")),
                rng.choice(("SAS", "SA")),
                None,
            ),
            "public": (
                rng.choice(
                    (f"Centre hospitalier {_de(ville.nom)}", f"Régie des eaux {_de(ville.nom)}")
                ),
                "Établissement public",
                "pris en la personne de son directeur, comptable public : le service de gestion "
                "comptable territorialement compétent",
            ),
            "copropriete": (
                f"Syndicat des copropriétaires de la résidence {base}",
                "Syndicat de copropriétaires",
                f"représenté par son syndic, le cabinet {rng.choice(self.societes)} Immobilier",
            ),
            "entreprise": (f"{rng.choice(ACTIVITES)} {base}", rng.choice(("SAS", "SARL")), None),
        }[genre]  # fmt: skip
        if genre == "bailleur_social" and denomination.startswith("Office"):
            forme = "OPH"
        return self.societe(
            jour,
            denomination=denomination,
            forme=forme,
            commune=ville,
            genre=genre,
            iban=True,
            representant=representant,
        )

    def utilisateurs(
        self, jour: date, commissaires: Sequence[str], creancier_id: int
    ) -> dict[str, int]:
        ids: dict[str, int] = {}
        for identifiant, role in UTILISATEURS_DEMO.items():
            if role == "commissaire_justice":
                nom = commissaires[0]
            else:
                prenom = self.rng.choice(self.prenoms_f + self.prenoms_h)
                nom = f"{prenom} {self.rng.choice(self.noms).upper()}"
            if role == "creancier_client":
                nom = "Accès client (créancier n° 1)"
            ids[identifiant] = self.ids("utilisateur")
            self.tampon.ajouter(
                "utilisateur",
                {
                    "id": ids[identifiant],
                    "etude_id": self.etude_id,
                    "identifiant": identifiant,
                    "nom": nom,
                    "role": role,
                    "actif": True,
                    "mot_de_passe": None,
                    "creancier_id": creancier_id if role == "creancier_client" else None,
                    "cree_le": _horodatage(jour, 60),
                },
            )
        return ids

    def etude(self, debut: date) -> tuple[Etude, Commune]:
        """The office: a SELARL of two commissaires de justice in a metropolitan prefecture."""
        rng = self.rng
        prefectures = [
            c[0]
            for d, c in sorted(self.par_departement.items())
            if d not in ALSACE_MOSELLE | OUTRE_MER | {"2A", "2B"}
        ]
        commune = rng.choice(prefectures)
        noms = rng.sample(self.noms, 2)
        commissaires = [
            f"Maître {rng.choice(self.prenoms_f + self.prenoms_h)} {nom.upper()}" for nom in noms
        ]
        siren = self._siren()
        etude = Etude(
            id=self.etude_id,
            code=ETUDE_CODE,
            nom=f"SELARL {noms[0].upper()} & {noms[1].upper()}, commissaires de justice associés",
            siret=self._siret(siren),
            commissaires=commissaires,
            adresse=f"{rng.randint(1, 60)} {rng.choice(self.rues)}",
            code_postal=commune.code_postal,
            commune=commune.nom,
            territoire=commune.departement,
            courriel=f"etude.{nom_recherche(noms[0]).lower().replace(' ', '-')}@cdj.example",
            cree_le=_horodatage(debut, 0),
        )
        return etude, commune

    # -- choosing what a file is ---------------------------------------------------------------

    def _piege(self, ouvert_le: date) -> str | None:
        if self.rng.random() >= PART_PIEGES:
            return None
        codes = tuple(PIEGES)
        for decalage in range(len(codes)):
            code = codes[(self.rang_piege + decalage) % len(codes)]
            if self._piege_possible(code, ouvert_le):
                self.rang_piege += decalage + 1
                return code
        return None

    def _piege_possible(self, code: str, ouvert_le: date) -> bool:
        if code == "titre_prescrit":
            basse, haute = self._bornes_prescription(ouvert_le)
            return basse <= haute
        if code in {
            "fonds_detenus_trop_longtemps",
            "liquidation_judiciaire",
            "surendettement",
            "treve_hivernale",
        }:
            return (self.au - ouvert_le).days > 200
        if code == "creance_inferieure_535":
            return (self.au - ouvert_le).days > 150
        if code in {"debiteur_decede", "jugement_non_signifie"}:
            return (self.au - ouvert_le).days > 90
        if code == "solde_bancaire_insaisissable":  # the SBI must be known on ``au``
            try:
                solde_bancaire_insaisissable(self.au)
            except ErreurClerc:
                return False
            return (self.au - ouvert_le).days > 150
        return True

    def _nature(self, ouvert_le: date) -> str:
        natures = [
            n
            for n in POIDS_NATURES
            if n != "creance_commerciale" or ouvert_le >= DEBUT_CREANCES_COMMERCIALES
        ]
        poids = [POIDS_NATURES[n] * (3 if n == "creance_commerciale" else 1) for n in natures]
        return self.rng.choices(natures, weights=poids)[0]

    def _type_titre_judiciaire(self, ouvert_le: date) -> str:
        types = [
            t
            for t in TITRES_JUDICIAIRES
            if t != "accord_contresigne_avocats"
            or ouvert_le >= DEBUT_ACCORD_AVOCATS + timedelta(60)
        ]
        manquants = [t for t in types if t not in self.titres_vus]
        if manquants and self.rng.random() < 0.5:
            return manquants[0]  # every type of title appears early, even in a small office
        return self.rng.choices(types, weights=[TITRES_JUDICIAIRES[t] for t in types])[0]

    def _creancier_pour(self, genres: frozenset[str]) -> _Partie:
        candidats = [c for c in self.creanciers_ if c.genre in genres] or self.creanciers_
        return self.rng.choices(candidats, weights=[c.poids for c in candidats])[0]

    def _debiteur(
        self,
        jour: date,
        creancier: _Partie,
        *,
        personne: bool | None = None,
        alsace: bool = False,
        reutilisable: bool = True,
        decede_le: date | None = None,
        commune: Commune | None = None,
    ) -> _Partie:
        rng = self.rng
        if personne is None:
            part_personnes = {"entreprise": 0.3, "fournisseur": 0.8, "banque": 0.85}
            personne = rng.random() < part_personnes.get(creancier.genre, 0.9)
        if reutilisable and self.debiteurs_recents and rng.random() < 0.05:
            candidats = [d for d in self.debiteurs_recents if d.personne == personne]
            if candidats:
                return rng.choice(candidats)
        if personne:
            debiteur = self.personne(jour, departement=self.departement_etude, alsace=alsace)
            if decede_le is not None:
                self.tampon.lignes["partie"][-1]["decede_le"] = decede_le
        else:
            debiteur = self.societe(
                jour, departement=self.departement_etude, alsace=alsace, commune=commune
            )
        if reutilisable:
            self.debiteurs_recents.append(debiteur)
            if len(self.debiteurs_recents) > 300:
                del self.debiteurs_recents[:100]
        return debiteur

    # -- events, acts, money -----------------------------------------------------------------

    def _evenement(
        self, f: _Fichier, jour: date, nature: str, libelle: str, **details: Any
    ) -> None:
        f.evenements.append(_Evenement(jour, f.suivant(), nature, libelle[:500], details))

    def _acte(self, f: _Fichier, code: str, jour: date, *, a_la_charge: bool = True) -> None:
        """An act served or drawn up by the office, with its cost charged to the debtor."""
        f.derniere_interruption = max(f.derniere_interruption, jour)
        fiche = tarif.acte(code)
        territoire = f.territoire if f.territoire in OUTRE_MER else "metropole"
        cout = (
            self.tarif.cout(code, jour, f.principal, f.dep_percu, territoire)
            if a_la_charge and f.principal > 0
            else None
        )
        if cout is None:
            self._evenement(f, jour, "acte", fiche.libelle, acte=code)
            return
        total, dep, _ = cout
        if dep > 0:
            f.dep_percu = True
        f.lignes.append(
            {
                "nature": "acte",
                "libelle": f"{fiche.libelle} (n° {fiche.numero})",
                "date": jour,
                "montant": total,
                "mode_interets": "aucun",
                "numero_tarif": fiche.numero,
                "titre": None,
            }
        )
        self._evenement(
            f,
            jour,
            "cout_acte",
            f"Coût de l'acte {fiche.libelle} : {total} € TTC",
            acte=code,
            total_ttc=str(total),
            dep_ht=str(dep),
        )

    def _mouvement(
        self,
        f: _Fichier,
        jour: date,
        nature: str,
        lignes: tuple[tuple[str, Decimal, Decimal], ...],
        libelle: str,
        *,
        mode: str = "virement",
        acompte: bool = False,
        paiement: _PaiementPrevu | None = None,
        beneficiaire_id: int | None = None,
    ) -> None:
        f.mouvements.append(
            _Mouvement(
                jour, f.suivant(), nature, mode, acompte, libelle, lignes, paiement, beneficiaire_id
            )
        )

    def _paiement(
        self,
        f: _Fichier,
        jour: date,
        montant: Decimal,
        *,
        origine: str = "debiteur",
        mode: str = "virement",
        libelle: str = "",
        acompte: bool = False,
        encaisse: bool = True,
        reverser: bool = True,
        honoraires: Decimal = ZERO,
    ) -> date | None:
        """A payment on the claim and, when the office received it, the ledger entries:
        receipt, cash banked, then (within 18 days, in receipt order) fees and payout; the day
        of the payout (None: not received by the office, or still held on ``au``)."""
        payeur = f.debiteurs[0].id if origine == "debiteur" else None
        paiement = _PaiementPrevu(
            jour, montant, origine, mode, encaisse, payeur, libelle or "Paiement", acompte
        )
        f.paiements.append(paiement)
        f.derniere_interruption = max(f.derniere_interruption, jour)
        self._evenement(
            f,
            jour,
            "paiement",
            f"Paiement de {format_euros(montant)} : {paiement.libelle}"
            + ("" if encaisse else " (reçu directement par le créancier)"),
            montant=str(montant),
            origine=origine,
        )
        if not encaisse:
            return None
        especes = mode == "especes"
        self._mouvement(
            f,
            jour,
            "encaissement",
            (("caisse" if especes else "fonds_tiers", montant, ZERO), ("creancier", ZERO, montant)),
            f"Encaissement : {paiement.libelle}",
            mode=mode,
            acompte=acompte,
            paiement=paiement,
        )
        premier_jour = jour
        if especes:
            remise = self._apres(jour, 1, 2)
            if remise > self.au:
                return None
            self._mouvement(
                f,
                remise,
                "remise_especes",
                (("fonds_tiers", montant, ZERO), ("caisse", ZERO, montant)),
                "Remise des espèces en banque",
                mode="especes",
            )
            premier_jour = remise + timedelta(days=1)
        if not reverser:
            return None
        sortie = max(f.dernier_reversement, self._jour(premier_jour, jour + timedelta(3)))
        sortie = max(sortie, self._jour(premier_jour, jour + timedelta(DELAI_REVERSEMENT_MAX)))
        if sortie > self.au:
            return None  # still held on ``au``, within its R444-56 delay
        f.dernier_reversement = sortie
        reste = montant
        if honoraires > 0:
            frais = min(honoraires, montant)
            reste -= frais
            self._mouvement(
                f,
                sortie,
                "honoraires",
                (("creancier", frais, ZERO), ("fonds_tiers", ZERO, frais)),
                "Prélèvement du droit proportionnel (C. com. A444-32)",
            )
        if reste > 0:
            self._mouvement(
                f,
                sortie,
                "reversement",
                (("creancier", reste, ZERO), ("fonds_tiers", ZERO, reste)),
                f"Reversement au créancier {f.creancier.nom}",
                beneficiaire_id=f.creancier.id,
            )
        return sortie

    def _acompte_possible(self, f: _Fichier, bas: int, haut: int) -> Decimal:
        """A partial payment drawn in [bas, haut] €, within what may still be paid (0 if none)."""
        reste = f.plafond_acomptes - f.verse
        if reste < Decimal(bas):
            return ZERO
        montant = min(self._cents(bas, haut), reste)
        f.verse += montant
        return montant

    def _mode(self) -> str:
        return self.rng.choices(
            ("virement", "cheque", "carte", "especes", "prelevement"), weights=(50, 20, 12, 8, 10)
        )[0]

    # -- titles and claims --------------------------------------------------------------------

    def _titre(self, f: _Fichier, titre: _Titre, lignes: Iterable[tuple[str, Decimal]]) -> None:
        """Record a title and its dispositif; the claim's terms follow the title."""
        f.titres.append(titre)
        self.titres_vus.add(titre.type)
        for nature, montant in lignes:
            f.lignes.append(
                {
                    "nature": nature,
                    "libelle": NATURES_LIGNE[nature],
                    "date": titre.date_titre,
                    "montant": montant,
                    "mode_interets": "legal",
                    "numero_tarif": None,
                    "titre": titre,
                }
            )
        libelle = "Remplacement du titre par" if len(f.titres) > 1 else "Titre"
        libelle = f"{libelle} : {TYPES_TITRE[titre.type]} du {titre.date_titre.isoformat()}"
        self._evenement(f, titre.date_titre, "titre", libelle)

    def _regime(
        self,
        f: _Fichier,
        titre: _Titre | None,
        *,
        conventionnel: float = 0.0,
        aucun: bool = False,
        interets_depuis: date | None = None,
    ) -> None:
        """Interest terms of the principal (one regime per file, as the décompte requires)."""
        rng = self.rng
        categorie = f.creancier.categorie_interets
        f.interets_depuis = interets_depuis
        if aucun:
            f.regime = RegimeInterets(mode="aucun", categorie=categorie)
            return
        if rng.random() < conventionnel:
            taux = _euros(rng.randint(250, 1190))  # 2.50 % to 11.90 % a year
            f.regime = RegimeInterets(
                mode="conventionnel", categorie=categorie, taux_conventionnel=taux
            )
            return
        majoration = None
        capitalisation = None
        if titre is not None and titre.type in {"decision_justice", "ordonnance_injonction_payer"}:
            # CMF L313-3: +5 points two months after the decision became enforceable, which
            # needs its service (Cass. 2e civ., 12 janv. 2023, n° 20-20.063): first majorated
            # day = the day after the two months.
            if titre.executoire_le is not None:
                majoration = ajouter_mois(titre.executoire_le, 2) + timedelta(days=1)
            if titre.type == "decision_justice" and rng.random() < 0.1:
                capitalisation = titre.date_titre  # C. civ. 1343-2 ordered by the judgment
        f.regime = RegimeInterets(
            mode="legal",
            categorie=categorie,
            majoration_depuis=majoration,
            capitalisation_depuis=capitalisation,
        )

    def _principal(self, f: _Fichier, montant: Decimal, jour: date, titre: _Titre | None) -> None:
        """The claim's principal (with the title, or alone for a file without title)."""
        f.principal = montant
        f.date_creance = jour
        if titre is None:
            f.lignes.append(
                {
                    "nature": "principal",
                    "libelle": "Principal (créance sans titre exécutoire)",
                    "date": jour,
                    "montant": montant,
                    "mode_interets": "legal",
                    "numero_tarif": None,
                    "titre": None,
                }
            )

    def _dispositif(self, titre: _Titre, principal: Decimal) -> list[tuple[str, Decimal]]:
        rng = self.rng
        lignes = [("principal", principal)]
        if titre.type == "decision_justice":
            if rng.random() < 0.6:
                lignes.append(("article_700", self._cents(300, 2500)))
            if rng.random() < 0.7:
                lignes.append(("depens", self._cents(40, 400)))
        elif (
            titre.type in {"ordonnance_injonction_payer", "accord_homologue"} and rng.random() < 0.4
        ):
            lignes.append(("depens", self._cents(30, 120)))
        return lignes

    def _decision(
        self,
        f: _Fichier,
        date_titre: date,
        *,
        signifie_le: date | None,
        contradictoire: bool,
        saisine: date | None = None,
    ) -> _Titre:
        """A judgment of the tribunal judiciaire (or commercial court between traders)."""
        rng = self.rng
        departement = f.debiteurs[0].departement
        juridiction = self._tj(departement)
        if not f.debiteurs[0].personne and not f.creancier.personne:
            juridiction = self._tribunal_commerce(departement) or juridiction
        saisine = saisine or date_titre - timedelta(days=rng.randint(90, 420))
        provisoire = (
            "de_droit" if saisine >= date(2020, 1, 1) else rng.choice(("ordonnee", "sans_objet"))
        )
        if provisoire == "de_droit" and rng.random() < 0.05:
            provisoire = "ecartee"
        titre = _Titre(
            type="decision_justice",
            date_titre=date_titre,
            juridiction=juridiction,
            numero=f"RG n° {self._numero('RG', date_titre)}",
            contradictoire=contradictoire,
            premier_ressort=f.principal > 5000,
            execution_provisoire=provisoire,
            date_saisine=saisine,
        )
        self._signifier(titre, signifie_le)
        return titre

    def _signifier(self, titre: _Titre, jour: date | None, force: date | None = None) -> None:
        """Service of a title, and the day it becomes enforceable: at once with provisional
        execution, else after the appeal (or opposition) month, certified some days later
        (``force``: that day, when the caller took it from the engine's window)."""
        titre.date_signification = jour
        titre.date_force_executoire = None
        titre.executoire_le = jour
        if jour is None:
            return
        if titre.type == "ordonnance_injonction_payer" or (
            titre.type == "decision_justice"
            and titre.execution_provisoire in {"sans_objet", "ecartee"}
        ):
            force = force or ajouter_mois(jour, 1) + timedelta(days=self.rng.randint(1, 20))
            titre.executoire_le = force
            if force <= self.au:
                titre.date_force_executoire = force
        elif titre.type in {"decision_etrangere", "sentence_arbitrale"}:
            titre.date_force_executoire = titre.date_titre

    def _titre_de_type(self, f: _Fichier, type_: str, date_titre: date) -> _Titre:
        """A title of any type of L111-3 (service dates set by the caller)."""
        rng = self.rng
        departement = f.debiteurs[0].departement
        notaire = (
            f"Maître {rng.choice(self.prenoms_h + self.prenoms_f)} {rng.choice(self.noms).upper()}"
        )
        ville = self.sieges[departement]
        if type_ == "ordonnance_injonction_payer":
            return _Titre(
                type_, date_titre, self._tj(departement), f"RG n° {self._numero('IP', date_titre)}",
                contradictoire=False,
            )  # fmt: skip
        specifiques: dict[str, tuple[str | None, str | None, str]] = {
            "accord_homologue": (
                self._tj(departement), f"RG n° {self._numero('RG', date_titre)}", ""
            ),
            "decision_etrangere": (
                rng.choice(("Tribunal de première instance de Bruxelles", "Landgericht Köln",
                            "Tribunale di Torino", "Juzgado de Primera Instancia de Madrid")),
                f"n° {rng.randint(1000, 99999)}/{date_titre.year}",
                f"Déclarée exécutoire en France ; certificat de l'article 53 du règlement "
                f"(UE) n° 1215/2012 délivré le {date_titre.isoformat()}",
            ),
            "sentence_arbitrale": (
                "Tribunal arbitral (règlement d'arbitrage de la CCI)",
                f"Affaire n° {rng.randint(20000, 29999)}",
                "Exequatur accordé par le président du tribunal judiciaire de Paris",
            ),
            "pv_conciliation": (
                f"Conciliateur de justice, {self._tj(departement).lower()}",
                f"RG n° {self._numero('RG', date_titre)}",
                "Extrait de procès-verbal de conciliation revêtu de la formule exécutoire",
            ),
            "acte_notarie": (f"{notaire}, notaire à {ville}", f"Minute n° {rng.randint(100, 9999)}",
                             "Prêt consenti par acte authentique"),
            "convention_divorce": (
                f"{notaire}, notaire à {ville}",
                f"Minute n° {rng.randint(100, 9999)}",
                "Convention de divorce par consentement mutuel déposée au rang des minutes "
                "(prestation compensatoire)",
            ),
            "certificat_non_paiement_cheque": (
                f"{self.commissaires[0]}, commissaire de justice",
                f"Chèque n° {rng.randint(1000000, 9999999)}",
                "Titre exécutoire délivré après signification du certificat de non-paiement "
                "(C. mon. fin. L131-73)",
            ),
            "titre_personne_publique": (
                f.creancier.nom, f"Titre de recettes n° {date_titre.year}-{rng.randint(1, 99999)}",
                "Titre exécutoire d'une personne morale de droit public (L111-3 6°)",
            ),
            "accord_contresigne_avocats": (
                f"Greffe du {self._tj(departement).lower()}",
                f"RG n° {self._numero('RG', date_titre)}",
                "Accord contresigné par les avocats des parties, formule exécutoire apposée par "
                "le greffe",
            ),
        }  # fmt: skip
        juridiction, numero, observations = specifiques[type_]
        return _Titre(type_, date_titre, juridiction, numero, observations=observations)

    # -- scenarios ------------------------------------------------------------------------------

    def dossier(self, ouvert_le: date, reference: str) -> None:
        """Generate one file opened on ``ouvert_le`` and buffer its rows."""
        rng = self.rng
        piege = self._piege(ouvert_le)
        if piege is not None:
            f = self._dossier_piege(piege, ouvert_le, reference)
        else:
            nature = self._nature(ouvert_le)
            f = self._nouveau(reference, nature, ouvert_le)
            age = (self.au - ouvert_le).days
            p_clos = 0.1 + 0.75 * min(1.0, age / 1460)
            if nature == "amiable" and age > 365:
                p_clos = 0.95
            if nature == "signification" and age > 60:
                p_clos = 0.9
            if age > 60 and rng.random() < p_clos:
                f.clos_le = self._jour(ouvert_le + timedelta(55), self.au)
                f.fin = f.clos_le - timedelta(days=20)
            elif age > 120 and rng.random() < 0.04:
                f.statut = "suspendu"
                f.fin = self.au - timedelta(days=rng.randint(0, 120))
            getattr(self, f"_scenario_{nature}")(f)
            if f.clos_le is not None:
                self._cloturer(f)
        self._ecrire(f)

    def _nouveau(
        self,
        reference: str,
        nature: str,
        ouvert_le: date,
        *,
        genres: frozenset[str] | None = None,
        personne: bool | None = None,
        alsace: bool = False,
        reutilisable: bool = True,
        decede_le: date | None = None,
        piege: str | None = None,
        commune: Commune | None = None,
    ) -> _Fichier:
        rng = self.rng
        creancier = self._creancier_pour(genres or GENRES_PAR_NATURE.get(nature, TOUS_PRIVES))
        if nature == "creance_commerciale":
            personne = False
        debiteur = self._debiteur(
            ouvert_le, creancier, personne=personne, alsace=alsace, reutilisable=reutilisable,
            decede_le=decede_le, commune=commune,
        )  # fmt: skip
        debiteurs = [debiteur]
        if debiteur.personne and rng.random() < 0.12 and piege is None:
            debiteurs.append(
                self.personne(ouvert_le, departement=debiteur.departement, nom=debiteur.nom_famille)
            )
        clerc = rng.choices(
            ("demo-clerc", "demo-assistant", "demo-stagiaire", None), weights=(60, 25, 5, 10)
        )[0]
        f = _Fichier(
            id=self.ids("dossier"),
            reference=reference,
            nature=nature,
            ouvert_le=ouvert_le,
            fin=self.au,
            creancier=creancier,
            debiteurs=debiteurs,
            territoire=debiteur.departement,
            clerc_id=self.utilisateurs_[clerc] if clerc else None,
            clerc=clerc or "demo-clerc",
            piege=piege,
        )
        self._evenement(
            f, ouvert_le, "ouverture", f"Ouverture du dossier ({NATURES_DOSSIER[nature]})"
        )
        return f

    def _titre_a_executer(
        self,
        f: _Fichier,
        type_: str,
        *,
        deja_signifie: float = 0.3,
        principal: Decimal | None = None,
    ) -> date:
        """Give a "judiciaire" file its title (served by the office, or before the file came
        to it); return the first day it may be enforced (possibly after ``au``)."""
        rng = self.rng
        ouvert_le = f.ouvert_le
        genre = f.creancier.genre
        if principal is not None:
            f.principal = principal
        elif type_ == "acte_notarie" and genre == "banque":
            f.principal = self._cents(20000, 250000)
        elif type_ == "convention_divorce":
            f.principal = self._cents(5000, 60000)
        else:
            f.principal = self._montant(genre)
        recul = rng.randint(20, 700) if type_ == "decision_justice" else rng.randint(20, 400)
        date_titre = max(ouvert_le - timedelta(days=recul), DEBUT_INTERETS + timedelta(40))
        signification: date | None = None
        code_acte: str | None = None
        if type_ in {"certificat_non_paiement_cheque", "titre_personne_publique"}:
            # served with the commandement, or notified by the public accountant
            signification = self._jour(date_titre, min(date_titre + timedelta(20), ouvert_le))
        elif type_ == "ordonnance_injonction_payer":
            # served by the creditor's former officer within the CPC 1411 delay
            date_titre = min(date_titre, ouvert_le - timedelta(days=100))
            signification = date_titre + timedelta(days=rng.randint(10, 60))
        elif rng.random() < deja_signifie:
            signification = date_titre + timedelta(days=rng.randint(5, 50))
            if signification >= ouvert_le:
                signification = None
        if signification is None:
            signification = self._jour_de_signification(f, self._apres(ouvert_le, 2, 25))
            judiciaires = {"decision_justice", "accord_homologue", "decision_etrangere"}
            code_acte = (
                "signification_decision"
                if type_ in judiciaires | {"sentence_arbitrale"}
                else "signification_titre"
            )
        if type_ == "decision_justice":
            contradictoire = True
            if signification < ajouter_mois(date_titre, 6):
                contradictoire = rng.random() < 0.8  # CPC 478: a default judgment served in time
            titre = self._decision(
                f, date_titre, signifie_le=signification, contradictoire=contradictoire
            )
        else:
            titre = self._titre_de_type(f, type_, date_titre)
            self._signifier(titre, signification)
        self._titre(f, titre, self._dispositif(titre, f.principal))
        self._principal(f, f.principal, date_titre, titre)
        self._regime(
            f,
            titre,
            conventionnel=0.8 if type_ == "acte_notarie" else (0.3 if genre == "banque" else 0.0),
            aucun=type_ == "titre_personne_publique",
        )
        if code_acte is not None:
            self._acte(f, code_acte, signification)
            if type_ == "decision_justice":
                self._signification_jugement(f, titre, executer=True)
        else:
            self._evenement(
                f, signification, "signification", f"Titre signifié le {signification.isoformat()}"
            )
        return max(titre.executoire_le or signification, ouvert_le)

    def _scenario_judiciaire(self, f: _Fichier, type_: str | None = None) -> None:
        type_ = type_ or self._type_titre_judiciaire(f.ouvert_le)
        genres = GENRES_PAR_TITRE[type_]
        if f.creancier.genre not in genres:
            f.creancier = self._creancier_pour(genres)
        debut = self._titre_a_executer(f, type_)
        self._execution(f, debut)

    def _scenario_injonction_payer(self, f: _Fichier) -> None:
        """injonction_de_payer walked with the engine, in the version of the ordonnance's date
        (CPC 1405 ff.): service within CPC 1411, then an opposition (CPC 1415, 1416) and the
        judgment that replaces the order (CPC 1420), or enforcement once the opposition delay
        has run (CPC 1422; before March 2022, after the formule exécutoire asked for within
        the following month, CPC 1423 ancien; from September 2026, two months)."""
        rng = self.rng
        f.principal = self._montant(f.creancier.genre)
        ordonnance = f.ouvert_le - timedelta(days=rng.randint(3, 40))
        titre = self._titre_de_type(f, "ordonnance_injonction_payer", ordonnance)
        signification = self._jour_de_signification(f, self._apres(f.ouvert_le, 2, 20))
        injonction = self._demarrer(f, "injonction_de_payer", ordonnance)
        self._etape(f, injonction, "ordonnance", ordonnance)
        self._servir(f, injonction, "signification", signification)
        ancienne = any(e.code == "formule_executoire" for e in injonction.loi.etapes)
        demande = formule = None
        if ancienne:  # CPC 1422, 1423 anciens: the formule asked for after the month
            au_plus_tot, limite = self._fenetre(
                f, injonction, "demande_formule_executoire", signification
            )
            assert au_plus_tot is not None and limite is not None
            demande = min(au_plus_tot + timedelta(days=rng.randint(0, 10)), limite)
            formule = demande + timedelta(days=rng.randint(2, 15))
            force = formule
        else:
            au_plus_tot, _ = self._fenetre(f, injonction, "premiere_mesure", signification)
            assert au_plus_tot is not None
            force = au_plus_tot + timedelta(days=rng.randint(0, 19))
        self._signifier(titre, signification, force)
        self._titre(f, titre, self._dispositif(titre, f.principal))
        self._principal(f, f.principal, ordonnance, titre)
        self._regime(f, titre, conventionnel=0.3 if f.creancier.genre == "banque" else 0.0)
        self._acte(f, "signification_injonction_de_payer", signification)
        opposition = None
        if rng.random() < 0.1:  # opposition, then a judgment replaces the order (CPC 1420)
            # Within the month of a service à personne (CPC 1416 al. 1; otherwise the delay
            # runs from a later act, al. 2, and the engine gives no limit).
            _, limite = self._fenetre(f, injonction, "opposition", signification)
            opposition = min(self._apres(signification, 5, 28), limite or date.max)
            jugement = self._apres(opposition, 120, 300)
            if jugement + timedelta(40) > f.fin:
                opposition = None
        if opposition is not None:
            titre.date_force_executoire = None
            self._etape(f, injonction, "opposition", opposition)
            self._evenement(
                f, opposition, "opposition", "Opposition formée par le débiteur (CPC 1415)"
            )
            if any(e.code == "avis_opposition" for e in injonction.loi.etapes):
                # Décret 2026-96: the registry tells the creditor of the opposition.
                self._etape(f, injonction, "avis_opposition", self._apres(opposition, 3, 25))
            principal = arrondi_centime(f.principal * Decimal(rng.randint(80, 100)) / CENT)
            signifie = self._jour_de_signification(f, self._apres(jugement, 10, 30))
            nouveau = self._decision(
                f, jugement, signifie_le=signifie, contradictoire=True, saisine=ordonnance
            )
            titre.remplace_par = nouveau
            for ligne in f.lignes:
                if ligne["titre"] is titre:
                    ligne["annulee"] = True
            self._titre(f, nouveau, self._dispositif(nouveau, principal))
            f.principal = principal
            f.date_creance = jugement
            self._regime(f, nouveau)
            self._acte(f, "signification_decision", signifie)
            self._signification_jugement(f, nouveau, executer=True)
            self._execution(f, nouveau.executoire_le or signifie)
            return
        if demande is not None and formule is not None:
            if demande > f.fin:
                return
            self._etape(f, injonction, "demande_formule_executoire", demande)
            if formule > f.fin:
                return
            self._etape(f, injonction, "formule_executoire", formule)
        if titre.date_force_executoire is None:
            return
        self._evenement(
            f,
            titre.date_force_executoire,
            "force_executoire",
            "Aucun avis d'opposition dans les deux mois de la signification : l'ordonnance "
            "peut être exécutée (CPC 1422, décret n° 2026-96)"
            if any(e.code == "avis_opposition" for e in injonction.loi.etapes)
            else "Absence d'opposition dans le mois : l'ordonnance produit les effets d'un "
            "jugement contradictoire (CPC 1422)",
        )
        f.premiere_mesure = (injonction, "premiere_mesure")
        self._execution(f, titre.date_force_executoire)

    def _scenario_signification(self, f: _Fichier) -> None:
        rng = self.rng
        f.principal = self._montant(f.creancier.genre)
        date_titre = f.ouvert_le - timedelta(days=rng.randint(5, 60))
        signification = self._jour_de_signification(f, self._apres(f.ouvert_le, 1, 20))
        titre = self._decision(f, date_titre, signifie_le=signification, contradictoire=True)
        self._titre(f, titre, self._dispositif(titre, f.principal))
        self._principal(f, f.principal, date_titre, titre)
        self._regime(f, titre)
        self._acte(f, "signification_decision", signification)
        # The mission ends with the service: the walk stops there (CPC 503, 478).
        self._signification_jugement(f, titre, executer=False)
        self._evenement(
            f,
            signification,
            "retour_mandant",
            "Acte signifié : second original et procès-verbal de remise adressés au mandant",
        )
        f.fin = signification
        if f.clos_le is not None:  # the mission ends with the service
            f.clos_le = min(self.au, signification + timedelta(days=rng.randint(3, 40)))

    def _scenario_amiable(self, f: _Fichier) -> None:
        """recouvrement_amiable walked with the engine: the creditor's mandate (CPCE R124-3),
        the letter to the debtor (R124-4), reminders, payments received by the office and paid
        out within the month (R124-6); the end is recorded on closing (:meth:`_cloturer`)."""
        rng = self.rng
        f.principal = self._montant(f.creancier.genre)
        echeance = f.ouvert_le - timedelta(days=rng.randint(30, 300))
        lettre = min(self._apres(f.ouvert_le, 1, 5), f.fin)
        self._principal(f, f.principal, echeance, None)
        self._regime(f, None, aucun=rng.random() < 0.4, interets_depuis=lettre)
        amiable = f.amiable = self._demarrer(f, "recouvrement_amiable", f.ouvert_le)
        self._etape(f, amiable, "convention", f.ouvert_le)
        self._etape(f, amiable, "lettre_amiable", lettre)
        self._evenement(
            f, lettre, "lettre",
            "Lettre de mise en demeure au débiteur (recouvrement amiable, CPCE R124-4)",
        )  # fmt: skip
        jour = lettre
        while True:
            jour = self._apres(jour, 15, 60)
            if jour > f.fin:
                break
            tirage = rng.random()
            if tirage < 0.35:
                self._evenement(f, jour, "lettre", "Lettre de relance au débiteur")
            elif tirage < 0.55:
                self._evenement(f, jour, "appel", "Appel téléphonique au débiteur")
            else:
                montant = self._acompte_possible(f, 30, 600)
                if montant == 0:
                    break
                encaisse = rng.random() < 0.9
                reverse_le = self._paiement(
                    f, jour, montant, mode=self._mode(), libelle="Versement amiable du débiteur",
                    acompte=True, encaisse=encaisse,
                )  # fmt: skip
                if encaisse:  # a payment to the creditor himself is no step of the office
                    self._etape(f, amiable, "versement", jour)
                if reverse_le is not None:
                    self._etape(f, amiable, "reversement", reverse_le)
        # A payout may follow the next payment: the steps are stored in date order.
        amiable.etapes.sort(key=lambda e: e.jour)

    def _conclure(self, f: _Fichier, motif: str, paye_le: date | None) -> None:
        """Procedures that end with the file: a conservatory seizure is lifted by the creditor
        (CPCE L512-1, R512-1), the amicable recovery ends (:meth:`_conclure_amiable`)."""
        assert f.clos_le is not None
        for procedure in f.procedures:
            if procedure.loi.code == "saisie_conservatoire" and any(
                e.code == "pv_saisie_creances" for e in procedure.etapes
            ):
                self._acte(f, "mainlevee", f.clos_le, a_la_charge=False)
                self._etape(f, procedure, "mainlevee", f.clos_le)
        self._conclure_amiable(f, motif, paye_le)

    def _conclure_amiable(self, f: _Fichier, motif: str, paye_le: date | None) -> None:
        """End of the amicable recovery on closing: the balance paid and paid out within the
        month (CPCE R124-6), or the end without full payment (L111-8)."""
        amiable = f.amiable
        if amiable is None or f.clos_le is None:
            return
        if motif == "paye" and paye_le is not None:
            self._etape(f, amiable, "solde", paye_le)
            reversement = max(
                (m.date for m in f.mouvements if m.nature == "reversement"), default=None
            )
            if reversement is not None and reversement >= paye_le:
                self._etape(f, amiable, "cloture", reversement)
        elif motif != "paye":
            self._etape(f, amiable, "echec", f.clos_le)
        amiable.etapes.sort(key=lambda e: e.jour)

    def _scenario_conservatoire(self, f: _Fichier) -> None:
        """saisie_conservatoire of sums walked with the engine: the judge's authorisation
        (CPCE L511-1), the seizure within its three months (R511-6), the dénonciation within
        eight days (R523-3), proceedings on the merits within the month (R511-7), served on
        the garnishee within eight days (R511-8)."""
        rng = self.rng
        f.principal = self._montant(f.creancier.genre)
        naissance = f.ouvert_le - timedelta(days=rng.randint(30, 300))
        self._principal(f, f.principal, naissance, None)
        self._regime(f, None)
        autorisation = f.ouvert_le - timedelta(days=rng.randint(1, 20))
        requete = autorisation - timedelta(days=rng.randint(1, 8))
        conservatoire = self._demarrer(f, "saisie_conservatoire", requete)
        self._etape(f, conservatoire, "requete_autorisation", requete)
        self._etape(f, conservatoire, "ordonnance_autorisation", autorisation)
        self._evenement(
            f, autorisation, "autorisation",
            f"Ordonnance du juge de l'exécution ({self._tj(f.territoire).lower()}) autorisant une "
            "saisie conservatoire (CPCE L511-1)",
        )  # fmt: skip
        saisie = self._jour_de_signification(f, self._apres(f.ouvert_le, 1, 15))
        self._evenement(f, saisie, "acte", "Procès-verbal de saisie conservatoire de créances")
        self._etape(
            f, conservatoire, "pv_saisie_creances", saisie, mode="electronique", heure=self._heure()
        )
        self._etape(f, conservatoire, "declaration_tiers_saisi", saisie)
        f.derniere_interruption = saisie
        denonciation = self._suivante(
            f, conservatoire, "denonciation_creances", saisie, (1, 7),
            mode=self._mode_signification(),
        )  # fmt: skip
        if denonciation is None:
            return
        self._evenement(
            f, denonciation, "acte",
            "Dénonciation de la saisie conservatoire au débiteur (CPCE R523-3)",
        )  # fmt: skip
        assignation = self._suivante(
            f, conservatoire, "introduction_instance", denonciation, (3, 20)
        )
        if assignation is None:
            return
        self._evenement(
            f, assignation, "acte",
            "Assignation au fond délivrée dans le mois de la saisie (CPCE R511-7)",
        )  # fmt: skip
        f.derniere_interruption = assignation
        copie = self._suivante(
            f, conservatoire, "signification_diligences_tiers", assignation, (1, 6), mode="personne"
        )
        if copie is not None:
            self._evenement(
                f, copie, "acte",
                "Copie de l'assignation signifiée au tiers saisi dans les huit jours (CPCE R511-8)",
            )  # fmt: skip

    def _scenario_petites_creances(self, f: _Fichier) -> None:
        """petites_creances walked with the engine (CPCE L125-1, R125-1 to R125-5): the
        invitation, the debtor's answer within the month, the agreement and the title."""
        rng = self.rng
        plafond = next(p for debut, p in PLAFOND_PETITES_CREANCES if f.ouvert_le >= debut)
        f.principal = min(self._montant(f.creancier.genre), _euros(plafond * 90))
        echeance = f.ouvert_le - timedelta(days=rng.randint(30, 300))
        self._principal(f, f.principal, echeance, None)
        invitation = min(self._apres(f.ouvert_le, 1, 5), f.fin)
        simplifiee = self._demarrer(f, "petites_creances", invitation)
        self._etape(f, simplifiee, "invitation", invitation)
        self._evenement(
            f, invitation, "lettre",
            "Invitation du débiteur à participer à la procédure simplifiée de recouvrement des "
            "petites créances (CPCE L125-1, R125-2)",
        )  # fmt: skip
        _, limite = self._fenetre(f, simplifiee, "accord", invitation)
        assert limite is not None
        reponse = min(invitation + timedelta(days=rng.randint(7, 30)), limite)  # R125-5
        if reponse > f.fin:
            self._regime(f, None)
            return
        if rng.random() < 0.3:
            self._regime(f, None)
            self._etape(f, simplifiee, "refus", reponse)
            self._evenement(
                f, reponse, "echec", "Refus du débiteur : échec de la procédure simplifiée"
            )
            return
        self._etape(f, simplifiee, "acceptation", reponse)
        self._etape(f, simplifiee, "accord", reponse)
        self._evenement(f, reponse, "accord", "Accord du débiteur sur le montant et les modalités")
        date_titre = reponse + timedelta(days=rng.randint(0, 7))
        if date_titre > f.fin:
            self._regime(f, None)
            return
        self._etape(f, simplifiee, "titre_executoire", date_titre)
        f.lignes.clear()
        titre = _Titre(
            "titre_petites_creances",
            date_titre,
            f"{self.commissaires[0]}, commissaire de justice (CPCE L125-1)",
            f"PSRPC n° {self._numero('PC', date_titre)}",
            observations="Le commissaire de justice qui a délivré ce titre ne peut pas en "
            "poursuivre l'exécution",
        )
        self._titre(f, titre, [("principal", f.principal)])
        f.date_creance = date_titre
        self._regime(f, titre, aucun=True)
        mensualite = arrondi_centime(f.principal / rng.randint(2, 10))
        jour = date_titre
        while True:
            jour = ajouter_mois(jour, 1)
            montant = min(mensualite, f.plafond_acomptes - f.verse)
            if jour > f.fin or montant < 1:
                break
            f.verse += montant
            self._paiement(
                f, jour, montant, mode=self._mode(), libelle="Échéance de l'accord (L125-1)",
                acompte=True,
            )  # fmt: skip

    def _scenario_creance_commerciale(self, f: _Fichier) -> None:
        """creances_commerciales_incontestees walked with the engine (CPCE L126-1 to L126-4,
        loi du 23 avril 2026, declaration provisional): the commandement, the month to pay or
        contest, the procès-verbal de non-contestation at least eight days after it, made
        enforceable by the registrar; then enforcement."""
        rng = self.rng
        f.principal = self._montant("entreprise")
        facture = f.ouvert_le - timedelta(days=rng.randint(30, 200))
        self._principal(f, f.principal, facture, None)
        commandement = self._jour_de_signification(f, self._apres(f.ouvert_le, 2, 10))
        commerciale = self._demarrer(f, "creances_commerciales_incontestees", commandement)
        self._servir(f, commerciale, "commandement_payer", commandement)
        self._evenement(
            f, commandement, "acte",
            "Commandement de payer (procédure simplifiée de recouvrement des créances "
            "commerciales incontestées, CPCE L126-1)",
        )  # fmt: skip
        f.derniere_interruption = commandement
        au_plus_tot, _ = self._fenetre(f, commerciale, "pv_non_contestation", commandement)
        assert au_plus_tot is not None
        pv = self._jour_utile(au_plus_tot + timedelta(days=rng.randint(0, 12)), f.territoire)
        transmission = pv + timedelta(days=rng.randint(0, 3))
        visa = transmission + timedelta(days=rng.randint(3, 12))
        if visa > f.fin:
            self._regime(f, None)
            return
        self._etape(f, commerciale, "pv_non_contestation", pv, heure=self._heure())
        self._evenement(f, pv, "acte", "Procès-verbal de non-contestation")
        self._etape(f, commerciale, "demande_force_executoire", transmission)
        self._etape(f, commerciale, "force_executoire", visa)
        f.lignes.clear()
        tribunal = self._tribunal_commerce(f.territoire) or self._tj(f.territoire)
        titre = _Titre(
            "titre_creance_commerciale",
            visa,
            f"Greffe du {tribunal.lower()}",
            f"n° {self._numero('CC', visa)}",
            observations=f"Procès-verbal de non-contestation du {pv.isoformat()}, visé",
        )
        self._titre(f, titre, [("principal", f.principal)])
        f.date_creance = visa
        self._regime(f, titre)
        self._execution(f, visa)

    def _scenario_expulsion(self, f: _Fichier, *, treve: bool = False) -> None:
        """expulsion walked with the engine (CPCE L411-1, L412-1 to L412-6): service of the
        title, commandement d'avoir à libérer les locaux, the préfet seized (L412-5), the
        force publique requisitioned once the two months have run (L412-1; CE, 12 déc. 2014,
        n° 363372), then the expulsion outside the winter truce (L412-6). With ``treve`` (the
        trap) the expulsion is planned during the truce and not carried out."""
        rng = self.rng
        f.principal = self._montant(f.creancier.genre)
        type_ = "pv_conciliation" if rng.random() < 0.1 else "decision_justice"
        date_titre = f.ouvert_le - timedelta(days=rng.randint(10, 90))
        signification = self._jour_de_signification(f, self._apres(f.ouvert_le, 2, 20))
        if type_ == "decision_justice":
            titre = self._decision(f, date_titre, signifie_le=signification, contradictoire=True)
            titre.juridiction = f"{titre.juridiction} (juge des contentieux de la protection)"
            titre.observations = (
                "Résiliation du bail, expulsion et condamnation au paiement de l'arriéré locatif"
            )
        else:
            titre = self._titre_de_type(f, type_, date_titre)
            self._signifier(titre, signification)
        self._titre(f, titre, self._dispositif(titre, f.principal))
        self._principal(f, f.principal, date_titre, titre)
        self._regime(f, titre)
        self._acte(
            f,
            "signification_decision" if type_ == "decision_justice" else "signification_titre",
            signification,
        )
        expulsion = self._demarrer(f, "expulsion", signification)
        self._servir(f, expulsion, "signification_titre", signification)
        commandement = self._jour_utile(
            signification + timedelta(days=rng.randint(0, 10)), f.territoire
        )
        if commandement > f.fin:
            return
        self._acte(f, "commandement_quitter_les_lieux", commandement)
        self._servir(f, expulsion, "commandement", commandement)
        saisine = self._suivante(
            f, expulsion, "saisine_prefet", commandement, (0, 2), signifiee=False
        )
        if saisine is None:
            return
        requisition = self._suivante(f, expulsion, "requisition_force_publique", saisine, (61, 90))
        if requisition is None:
            return
        self._acte(f, "requisition_force_publique", requisition)
        programmation = requisition + timedelta(days=rng.randint(10, 60))
        if programmation > self.au:
            return
        if programmation <= f.fin:
            self._etape(f, expulsion, "octroi_concours", programmation)
        prevue = programmation + timedelta(days=rng.randint(20, 90))
        periode = treve_hivernale(prevue)
        if treve and periode is None:
            annee = prevue.year if prevue.month >= 4 else prevue.year - 1
            prevue = date(annee, 11, 1) + timedelta(days=rng.randint(0, 140))
            periode = treve_hivernale(prevue)
        while not treve:  # outside the truce (L412-6), on a day a measure may be carried out
            if periode is not None:
                prevue = periode.reprise_le + timedelta(days=rng.randint(0, 45))
            elif (utile := self._jour_utile(prevue, f.territoire)) != prevue:
                prevue = utile
            else:
                break
            periode = treve_hivernale(prevue)
        self._evenement(
            f,
            min(programmation, f.fin) if not treve else programmation,
            "expulsion_programmee",
            f"Expulsion programmée le {prevue.isoformat()} avec le concours de la force publique",
            date_prevue=prevue.isoformat(),
        )
        if treve:
            assert periode is not None
            f.pieges.append(
                (
                    "treve_hivernale",
                    f"Expulsion programmée le {prevue.isoformat()}, pendant la trêve hivernale "
                    f"(du {periode.debut.isoformat()} au {periode.fin.isoformat()}) : aucune "
                    "expulsion ne peut être exécutée, sauf relogement assuré (CPCE L412-6).",
                    {
                        "date_prevue": prevue.isoformat(),
                        "treve_du": periode.debut.isoformat(),
                        "treve_au": periode.fin.isoformat(),
                    },
                )
            )
            return
        if prevue <= f.fin:
            self._acte(f, "pv_expulsion", prevue)
            self._etape(f, expulsion, "pv_expulsion", prevue, heure=self._heure())
            self._execution(f, prevue)

    # -- enforcement ---------------------------------------------------------------------------

    def _execution(self, f: _Fichier, debut: date) -> None:
        """Enforcement of the title from ``debut`` to ``f.fin``: acts, seizures, payments."""
        rng = self.rng
        jour = debut
        etape = 0
        # CPCE L221-2, R221-2: no saisie-vente in the dwelling below the threshold here.
        vente_possible = not saisie_vente_subsidiaire(f.principal, debut)
        personne = f.debiteurs[0].personne
        while True:
            dormant = etape >= 7
            jour = self._apres(jour, *((150, 480) if dormant else (12, 80)))
            if jour > f.fin:
                break
            etape += 1
            if dormant:
                montant = self._acompte_possible(f, 40, 400)
                if montant > 0 and rng.random() < 0.6:
                    self._paiement(
                        f, jour, montant, mode=self._mode(), libelle="Acompte du débiteur",
                        acompte=True, encaisse=rng.random() < 0.92,
                    )  # fmt: skip
                else:
                    self._acte(
                        f,
                        rng.choice(("tentative_execution", "pv_saisie_attribution_compte_clos")),
                        jour,
                    )
                continue
            choix = rng.choices(
                MESURES,
                weights=(30, 14 if vente_possible else 0, 10 if personne else 0, 14, 12, 8, 12),
            )[0]  # fmt: skip
            if etape == 1 and choix in {"echeancier", "paiement", "lettre"}:
                choix = "vente" if vente_possible and rng.random() < 0.5 else "attribution"
            if choix == "attribution":
                jour = self._saisie_attribution(f, jour)
            elif choix == "vente" and f.saisie_vente is None:
                jour = self._saisie_vente(f, jour)
            elif choix == "vente":  # one saisie-vente per file: search for other assets
                self._acte(f, "requete_recherche_informations", jour)
            elif choix == "remunerations":
                jour = self._saisie_remunerations(f, jour)
            elif choix == "echeancier":
                jour = self._echeancier(f, jour)
            elif choix == "paiement":
                montant = self._acompte_possible(f, 50, 1500)
                if montant > 0:
                    self._paiement(
                        f, jour, montant, mode=self._mode(), libelle="Paiement spontané",
                        encaisse=rng.random() < 0.9,
                    )  # fmt: skip
            elif choix == "recherche":
                self._acte(f, "requete_recherche_informations", jour)
            else:
                self._evenement(f, jour, "lettre", "Lettre de relance au débiteur")
        if f.clos_le is not None and f.motif is None:
            f.motif = self._motif(f)
            if f.motif == "irrecouvrable" and not self._carence(f):
                self._acte(f, "pv_recherches_infructueuses", f.fin)

    def _saisie_vente(self, f: _Fichier, jour: date) -> date:
        """A saisie-vente walked with the engine (CPCE R221-1 to R221-33): the commandement,
        after its eight days the PV de saisie or de carence (within two years, R221-5), the
        copy served on an absent debtor (R221-18), the month for an amicable sale (R221-30 to
        R221-32) or the forced sale after it, and the price paid out to the creditor."""
        rng = self.rng
        jour = self._jour_utile(jour, f.territoire)
        if jour > f.fin:
            return jour
        self._premiere_mesure(f, jour)
        vente = f.saisie_vente = self._demarrer(f, "saisie_vente", jour)
        codes = {e.code for e in vente.loi.etapes}
        self._acte(f, "commandement_saisie_vente", jour)
        self._servir(f, vente, "commandement", jour)
        # The price the goods will fetch; none: nothing worth seizing, a PV de carence.
        montant = self._acompte_possible(f, 80, 2500) if rng.random() < 0.4 else ZERO
        carence = montant == 0
        pv = self._suivante(f, vente, "pv_carence" if carence else "pv_saisie", jour, (9, 40))
        if pv is None:
            f.verse -= montant
            return jour
        self._acte(f, "pv_saisie_vente_carence" if carence else "pv_saisie_vente", pv)
        if carence:  # nothing to seize: the procedure ends (R221-14)
            return pv
        dernier = pv
        if "signification_creanciers_suretes" in codes and rng.random() < 0.2:
            # A security published on the goods: the PV is served on its holder (R221-14-1).
            dernier = self._suivante(
                f, vente, "signification_creanciers_suretes", pv, (1, 6),
                mode=self._mode_signification(),
            ) or dernier  # fmt: skip
        if rng.random() < 0.3:  # the debtor was absent: the month runs from the copy
            copie = self._suivante(
                f, vente, "copie_debiteur_absent", dernier, (1, 7),
                mode=self._mode_signification(),
            )  # fmt: skip
            if copie is None:
                f.verse -= montant
                return dernier
            dernier = copie
        prix_le: date | None
        if rng.random() < 0.3:  # the debtor finds a buyer within the month (L221-3)
            proposition = self._suivante(
                f, vente, "proposition_vente_amiable", dernier, (5, 25), signifiee=False
            )
            lettre = proposition and self._suivante(
                f, vente, "propositions_creanciers", proposition, (1, 4), signifiee=False
            )
            if lettre is not None and "reception_propositions" in codes:
                lettre = self._suivante(
                    f, vente, "reception_propositions", lettre, (2, 6), signifiee=False
                )
            dernier = max(e.jour for e in vente.faites())
            prix_le = lettre and self._suivante(
                f, vente, "paiement_prix", lettre, (16, 40), signifiee=False
            )
            libelle = "Prix de la vente amiable des biens saisis (CPCE R221-32)"
        else:
            prix_le = self._suivante(f, vente, "vente_forcee", dernier, (10, 60))
            libelle = "Produit de la vente aux enchères des biens saisis (CPCE R221-33)"
            if prix_le is not None:
                self._evenement(f, prix_le, "acte", "Vente aux enchères publiques des biens saisis")
        if prix_le is None:  # the file's activity ends first: no sale
            f.verse -= montant
            return dernier
        verse_le = self._paiement(f, prix_le, montant, origine="autre", libelle=libelle)
        if verse_le is not None:  # the price paid out to the creditor (R221-32, R251-1)
            self._etape(f, vente, "distribution", verse_le)
            return verse_le
        return prix_le

    def _carence(self, f: _Fichier) -> bool:
        """Closing an irrecoverable file: the PV de carence of a saisie-vente whose
        commandement is all that was done, on the file's last day when its window allows."""
        vente = f.saisie_vente
        if vente is None or [e.code for e in vente.faites()] != ["commandement"]:
            return False
        if not est_jour_ouvrable(f.fin, f.territoire):
            return False
        au_plus_tot, limite = self._fenetre(f, vente, "pv_carence", f.fin)
        if (au_plus_tot and f.fin < au_plus_tot) or (limite and f.fin > limite):
            return False
        self._acte(f, "pv_saisie_vente_carence", f.fin)
        self._etape(f, vente, "pv_carence", f.fin, heure=self._heure())
        return True

    # --- procedures walked with the engine (clerc.rules.procedures) -------------------------

    def _demarrer(self, f: _Fichier, code: str, jour: date) -> _ProcedureGeneree:
        procedure = _ProcedureGeneree(
            self.ids("procedure_dossier"), loi_procedure(code, jour), jour
        )
        f.procedures.append(procedure)
        return procedure

    @staticmethod
    def _jour_utile(jour: date, territoire: str) -> date:
        """First day from ``jour`` on which an act may be served or a measure carried out:
        not a Sunday nor a holiday of the territory (CPC 664, CPCE L141-1)."""
        while not est_jour_ouvrable(jour, territoire):
            jour += timedelta(days=1)
        return jour

    def _fenetre(
        self, f: _Fichier, procedure: _ProcedureGeneree, code: str, jour: date
    ) -> tuple[date | None, date | None]:
        """(not before, not after) of a step, as the engine computes them on ``jour``.

        A delay runs from the date of the step it names (``Delai.depuis``): when no declared
        delay of the step starts from a step done, the step has no window and the engine is not
        asked (most of the generation's time is spent in the engine)."""
        faites = procedure.faites()
        etape_ = procedure.loi.etape(code)
        faits = {e.code for e in faites if e.jour <= jour}
        if not any(
            d.depuis_fin or d.depuis in faits for d in (*etape_.au_plus_tot, *etape_.au_plus_tard)
        ):
            return None, None
        etat_ = etat(procedure.loi, faites, jour, f.territoire)
        etape = next(e for e in etat_.etapes if e.etape.code == code)
        return (
            etape.au_plus_tot.jour if etape.au_plus_tot else None,
            etape.au_plus_tard.jour if etape.au_plus_tard else None,
        )

    def _dans_la_fenetre(self, f: _Fichier, debut: date, limite: date | None, marge: int) -> date:
        """A day on which the act may be served, from ``debut``, before ``limite``."""
        fin = (
            debut + timedelta(days=marge)
            if limite is None
            else min(limite, debut + timedelta(marge))
        )
        jour = self._jour_utile(self._jour(debut, fin), f.territoire)
        if limite is not None and jour > limite:  # the next allowed day was past the limit
            jour = self._jour_utile(debut, f.territoire)
        return jour

    def _etape(
        self,
        f: _Fichier,
        procedure: _ProcedureGeneree,
        code: str,
        jour: date,
        *,
        mode: str | None = None,
        heure: time | None = None,
    ) -> None:
        procedure.etapes.append(EtapeFaite(code, jour, heure, mode))
        lettre = FORMALITES.get(mode or "")
        if lettre is not None:  # CPC 658/659: the same day or the first jour ouvrable after
            envoi = (
                jour
                if self.rng.random() < 0.7
                else premier_jour_ouvrable_suivant(jour, f.territoire)
            )
            if envoi <= f.fin:
                procedure.etapes.append(EtapeFaite(lettre.code, envoi))

    def _heure(self) -> time:
        return time(self.rng.randint(8, 18), self.rng.choice((0, 10, 20, 30, 40, 50)))

    def _saisie_attribution(self, f: _Fichier, jour: date) -> date:
        """A saisie-attribution walked with the engine (CPCE R211-1 to R211-8): PV, the
        garnishee's declaration, dénonciation within its 8 days, certificate once the month
        to contest has run, payment."""
        rng = self.rng
        jour = self._jour_utile(jour, f.territoire)
        if jour > f.fin:
            return jour
        self._premiere_mesure(f, jour)
        if rng.random() < 0.4:
            self._acte(f, "pv_saisie_attribution_compte_clos", jour)
            return jour
        saisie = self._demarrer(f, "saisie_attribution", jour)
        self._acte(f, "pv_saisie_attribution", jour)
        self._etape(f, saisie, "pv_saisie", jour, mode="electronique", heure=self._heure())
        self._etape(f, saisie, "declaration_tiers_saisi", jour)
        _, limite = self._fenetre(f, saisie, "denonciation", jour)
        denonciation = self._dans_la_fenetre(f, jour + timedelta(days=1), limite, 7)
        if denonciation > f.fin:
            return jour
        self._acte(f, "denonciation_saisie_attribution", denonciation)
        mode = rng.choices(("personne", "domicile", "etude"), weights=(3, 4, 3))[0]
        self._etape(f, saisie, "denonciation", denonciation, mode=mode, heure=self._heure())
        au_plus_tot, _ = self._fenetre(f, saisie, "certificat_non_contestation", denonciation)
        assert au_plus_tot is not None
        certificat = self._jour_utile(
            au_plus_tot + timedelta(days=rng.randint(0, 18)), f.territoire
        )
        versement = certificat + timedelta(days=rng.randint(1, 6))
        if versement > f.fin:
            return denonciation
        montant = self._acompte_possible(f, 50, 4000)
        if montant == 0:
            return denonciation
        self._acte(f, "certificat_non_contestation", certificat)
        self._etape(f, saisie, "certificat_non_contestation", certificat)
        banque = rng.choice(tuple(BANQUES.values()))
        self._paiement(
            f,
            versement,
            montant,
            origine="tiers_saisi",
            libelle=f"Paiement du tiers saisi ({banque})",
        )
        self._etape(f, saisie, "paiement", versement)
        return versement

    def _suivante(
        self,
        f: _Fichier,
        procedure: _ProcedureGeneree,
        code: str,
        apres: date,
        ecart: tuple[int, int],
        *,
        mode: str | None = None,
        signifiee: bool = True,
        fin: date | None = None,
    ) -> date | None:
        """Do step ``code`` ``ecart`` days after ``apres``, moved into the engine's window
        (not before its earliest day, not after its limit) and onto a day an act may be served
        (CPC 664) when it is served; None (nothing done) if that falls after the file's end."""
        au_plus_tot, limite = self._fenetre(f, procedure, code, apres)
        jour = apres + timedelta(days=self.rng.randint(*ecart))
        if au_plus_tot is not None:
            jour = max(jour, au_plus_tot)
        if limite is not None:
            jour = min(jour, limite)
        if signifiee:
            jour = self._jour_utile(jour, f.territoire)
            if limite is not None and jour > limite:  # no allowed day left: act on the first one
                jour = self._jour_utile(max(apres, au_plus_tot or apres), f.territoire)
        if jour > (fin or f.fin):
            return None
        heure = self._heure() if signifiee else None
        self._etape(f, procedure, code, jour, mode=mode, heure=heure)
        return jour

    def _mode_signification(self) -> str:
        return self.rng.choices(("personne", "domicile", "etude"), weights=(3, 4, 3))[0]

    def _servir(self, f: _Fichier, procedure: _ProcedureGeneree, code: str, jour: date) -> None:
        """A served step: its hour (CPC 664) and how it reached the addressee (the CPC 658
        letter follows a service at home or at the office)."""
        self._etape(f, procedure, code, jour, mode=self._mode_signification(), heure=self._heure())

    def _jour_de_signification(self, f: _Fichier, jour: date) -> date:
        """A day from ``jour`` on which an act may be served (CPC 664), not after the file's
        last day of activity: the last such day before it when the next one is too late."""
        utile = self._jour_utile(jour, f.territoire)
        if utile <= f.fin:
            return utile
        avant = f.fin
        while avant > f.ouvert_le and not est_jour_ouvrable(avant, f.territoire):
            avant -= timedelta(days=1)
        return avant if est_jour_ouvrable(avant, f.territoire) else utile

    def _signification_jugement(self, f: _Fichier, titre: _Titre, *, executer: bool) -> None:
        """signification_titre walked for a judgment the office serves: the judgment, its
        service (CPC 503, 675), then (``executer``) the first enforcement measure, once the
        month of appeal has run (CPC 538, 539) or at once with provisional execution (CPC 514):
        recorded by :meth:`_premiere_mesure`.

        The declaration gives every judgment the six months of CPC 478 (it cannot tell a
        default judgment from a contradictory one): a judgment served later is not walked.
        """
        service = titre.date_signification
        if service is None or service > ajouter_mois(titre.date_titre, 6):
            return
        procedure = self._demarrer(f, "signification_titre", titre.date_titre)
        self._etape(f, procedure, "jugement_rendu", titre.date_titre)
        self._servir(f, procedure, "signification_titre", service)
        if executer:
            provisoire = titre.execution_provisoire in {"de_droit", "ordonnee"}
            f.premiere_mesure = (procedure, "execution_provisoire" if provisoire else "execution")

    def _premiere_mesure(self, f: _Fichier, jour: date) -> None:
        """The first enforcement measure of the file, on ``jour`` (a day a measure may be
        carried out, CPCE L141-1): it completes the title's procedure when its window allows."""
        if f.premiere_mesure is None:
            return
        procedure, code = f.premiere_mesure
        f.premiere_mesure = None
        au_plus_tot, _ = self._fenetre(f, procedure, code, jour)
        if au_plus_tot is None or au_plus_tot <= jour:
            self._etape(f, procedure, code, jour, heure=self._heure())

    def _saisie_remunerations(self, f: _Fichier, jour: date) -> date:
        """A wage seizure walked with the engine: the court procedure before 1 July 2025
        (C. trav. R3252-1 ff.), the commissaire de justice's since (CPCE L212-1 ff.)."""
        rng = self.rng
        if REFORME_REMUNERATIONS - timedelta(days=150) < jour < REFORME_REMUNERATIONS:
            jour = REFORME_REMUNERATIONS  # too late for the court: wait for the new procedure
        jour = self._jour_utile(jour, f.territoire)
        if jour > f.fin:
            return jour
        self._premiere_mesure(f, jour)
        saisie = self._demarrer(f, "saisie_remunerations", jour)
        if jour < REFORME_REMUNERATIONS:
            self._acte(f, "requete_saisie_remunerations", jour)
            self._etape(f, saisie, "requete", jour)
            origine, libelle = "autre", "Régisseur du greffe (saisie des rémunérations)"
            dernier = jour
            for code, ecart in (
                ("convocation", (3, 12)),
                ("audience_conciliation", (15, 45)),
                ("non_conciliation", (0, 0)),
                ("acte_saisie", (5, 20)),
                ("declaration_employeur", (3, 14)),
            ):
                suivante = self._suivante(
                    f, saisie, code, dernier, ecart, signifiee=False,
                    fin=REFORME_REMUNERATIONS - timedelta(days=1),
                )  # fmt: skip
                if suivante is None:
                    return jour
                dernier = suivante
            debut = dernier + timedelta(days=rng.randint(15, 40))
        else:
            self._acte(f, "commandement_saisie_remunerations", jour)
            self._etape(f, saisie, "commandement", jour, mode=self._mode_signification(),
                        heure=self._heure())  # fmt: skip
            self._acte(f, "inscription_commandement_registre", jour)
            self._etape(f, saisie, "inscription_commandement", jour)
            designation = self._suivante(
                f, saisie, "designation_repartiteur", jour, (1, 20), signifiee=False
            )
            if designation is None:
                return jour
            pv = self._suivante(
                f, saisie, "pv_saisie", designation, (25, 45), mode=self._mode_signification()
            )  # served on the employer (R212-1-11)
            if pv is None:
                return jour
            self._acte(f, "pv_saisie_remunerations", pv)
            self._acte(f, "inscription_pv_saisie_registre", pv)
            self._etape(f, saisie, "inscription_pv", pv)
            denonciation = self._suivante(
                f, saisie, "denonciation", pv, (1, 7), mode=self._mode_signification()
            )
            if denonciation is None:
                return pv
            self._acte(f, "denonciation_saisie_remunerations", denonciation)
            if (
                self._suivante(f, saisie, "declaration_employeur", pv, (2, 14), signifiee=False)
                is None
            ):
                return denonciation
            origine, libelle = "repartiteur", "Répartiteur (saisie des rémunérations)"
            debut = ajouter_mois(pv, 1)
        mensualite = self._cents(60, 400)
        jour_paiement = debut
        ancienne = saisie.loi.en_vigueur_au is not None
        for _ in range(rng.randint(1, 6)):
            if jour_paiement > f.fin:
                break
            if ancienne and jour_paiement >= REFORME_REMUNERATIONS:
                # Décret 2025-125 art. 6: payments to the court's régisseur stop on 1 July
                # 2025; the seizure passes to the creditor's commissaire de justice.
                self._etape(f, saisie, "transfert_commissaire_justice", REFORME_REMUNERATIONS)
                break
            montant = min(mensualite, f.plafond_acomptes - f.verse)
            if montant < 1:
                break
            f.verse += montant
            self._paiement(
                f, jour_paiement, montant, origine=origine, libelle=libelle, acompte=True
            )
            self._etape(f, saisie, "versement_mensuel", jour_paiement)
            # Before the next payment, and for the court's procedure before it passed to the
            # commissaire de justice (décret 2025-125 art. 6): steps are recorded in date order.
            repartition = min(
                jour_paiement + timedelta(days=rng.randint(5, 30)), ajouter_mois(jour_paiement, 1)
            )
            if repartition <= f.fin and not (ancienne and repartition >= REFORME_REMUNERATIONS):
                self._etape(f, saisie, "repartition", repartition)
            jour = jour_paiement
            jour_paiement = ajouter_mois(jour_paiement, 1)
        if (
            ancienne
            and f.fin >= REFORME_REMUNERATIONS
            and not any(e.code == "transfert_commissaire_justice" for e in saisie.etapes)
        ):
            self._etape(f, saisie, "transfert_commissaire_justice", REFORME_REMUNERATIONS)
        return jour

    def _echeancier(self, f: _Fichier, jour: date) -> date:
        rng = self.rng
        nombre = rng.randint(2, 8)
        mensualite = self._cents(40, 500)
        self._evenement(
            f, jour, "echeancier",
            f"Échéancier accepté : {nombre} mensualités de {format_euros(mensualite)}",
        )  # fmt: skip
        mode = self._mode()
        paiement = jour
        for _ in range(nombre):
            paiement = ajouter_mois(paiement, 1)
            montant = min(mensualite, f.plafond_acomptes - f.verse)
            if paiement > f.fin or montant < 1:
                break
            f.verse += montant
            self._paiement(
                f, paiement, montant, mode=mode, libelle="Mensualité de l'échéancier", acompte=True
            )
            jour = paiement
        return jour

    # -- closing -------------------------------------------------------------------------------

    def _motif(self, f: _Fichier) -> str:
        if f.nature in {"signification", "conservatoire"}:
            return "retire" if f.nature == "signification" or self.rng.random() < 0.6 else "paye"
        if f.nature in {"amiable", "petites_creances"}:
            return self.rng.choice(("paye", "retire"))
        if not f.titres:
            return self.rng.choice(("paye", "retire"))
        return self.rng.choices(("paye", "irrecouvrable", "retire"), weights=(45, 35, 20))[0]

    def _creance(self, f: _Fichier) -> regles_decompte.Creance:
        """The claim as ``services.dossiers.creance_du_dossier`` will read it back."""
        assert f.regime is not None
        frais = tuple(
            regles_decompte.Frais(
                ligne["libelle"], ligne["date"], ligne["montant"], ligne["nature"]
            )
            for ligne in f.lignes
            if ligne["nature"] != "principal" and not ligne.get("annulee")
        )
        paiements = tuple(
            regles_decompte.Paiement(p.date, p.montant, p.libelle) for p in f.paiements
        )
        return regles_decompte.Creance(
            principal=f.principal,
            date=f.date_creance,
            regime=f.regime,
            interets_depuis=f.interets_depuis,
            frais=frais,
            paiements=paiements,
        )

    def _cloturer(self, f: _Fichier) -> None:
        assert f.clos_le is not None
        motif = f.motif or self._motif(f)
        paye_le = None
        if motif == "paye":
            jour = paye_le = max(f.fin, f.date_creance, *(p.date for p in f.paiements))
            try:
                solde = regles_decompte.decompte(self._creance(f), jour).total
            except ParametreManquant:  # a legal rate not yet published: not settled
                f.clos_le = None
                f.motif = None
                return
            if solde > 0:
                honoraires = ZERO
                titre = f.titres[-1].type if f.titres else None
                if titre is not None and titre != "titre_personne_publique":
                    try:
                        honoraires = tarif.droit_proportionnel(
                            solde, jour, "creancier", montant_creance=f.principal
                        ).total_ttc
                    except ParametreManquant:
                        honoraires = ZERO
                self._paiement(
                    f, jour, solde, mode="virement", libelle="Règlement du solde",
                    honoraires=honoraires,
                )  # fmt: skip
        if motif == "irrecouvrable":
            f.certificat = (
                f"Certificat d'irrécouvrabilité établi le {f.clos_le.isoformat()} : les mesures "
                "d'exécution engagées sont demeurées infructueuses ; aucun bien saisissable, "
                "aucun compte bancaire créditeur ni employeur n'ont pu être identifiés "
                "(consultation du fichier FICOBA) ; le débiteur est insolvable."
            )
        if motif == "retire" and f.nature != "signification":
            self._evenement(f, f.clos_le, "retrait", "Le mandant retire son dossier")
        self._conclure(f, motif, paye_le)
        f.statut = "clos"
        f.motif = motif
        self._evenement(f, f.clos_le, "cloture", f"Clôture : {MOTIFS_CLOTURE[motif]}")

    # -- traps ---------------------------------------------------------------------------------

    def _maj_partie(self, partie_id: int, **valeurs: Any) -> None:
        for ligne in reversed(self.tampon.lignes["partie"]):
            if ligne["id"] == partie_id:
                ligne.update(valeurs)
                return

    def _bornes_prescription(self, ouvert_le: date) -> tuple[date, date]:
        """Window of judgment dates for ``titre_prescrit``: old enough that ten years from
        service (and finality) are over on ``au``, recent enough for the interest rates."""
        basse = max(DEBUT_INTERETS + timedelta(days=10), ajouter_mois(self.au, -168))
        haute = min(ouvert_le - timedelta(days=30), ajouter_mois(self.au, -120) - timedelta(130))
        return basse, haute

    def _dossier_piege(self, code: str, ouvert_le: date, reference: str) -> _Fichier:
        rng = self.rng
        au = self.au
        jugement = GENRES_PAR_TITRE["decision_justice"]
        if code == "titre_prescrit":
            f = self._nouveau(
                reference, "judiciaire", ouvert_le, genres=jugement, personne=True,
                reutilisable=False, piege=code,
            )  # fmt: skip
            f.principal = self._montant(f.creancier.genre)
            date_titre = self._jour(*self._bornes_prescription(ouvert_le))
            signification = date_titre + timedelta(days=rng.randint(15, 45))
            titre = self._decision(f, date_titre, signifie_le=signification, contradictoire=True)
            self._titre(f, titre, self._dispositif(titre, f.principal))
            self._principal(f, f.principal, date_titre, titre)
            self._regime(f, titre)
            self._evenement(
                f, signification, "signification",
                f"Jugement signifié le {signification.isoformat()} (par l'étude alors chargée)",
            )  # fmt: skip
            # CPCE L111-4 from the day the judgment is enforceable and served (rules engine).
            depart = point_de_depart_titre_juridictionnel(
                titre.date_force_executoire or signification, signification
            )
            acquise = prescription(TitrePrescription.DECISION_JUSTICE, depart).date_acquisition
            f.pieges.append(
                (
                    code,
                    f"Jugement du {date_titre.isoformat()} signifié le "
                    f"{signification.isoformat()} : le délai de dix ans pour l'exécuter (CPCE "
                    f"L111-4) a expiré le {acquise.isoformat()} ; aucune mesure d'exécution ne "
                    "peut plus être engagée.",
                    {
                        "titre_id": titre,
                        "date_titre": date_titre.isoformat(),
                        "date_signification": signification.isoformat(),
                        "prescription_acquise_le": acquise.isoformat(),
                    },
                )
            )
            return f
        if code == "jugement_non_signifie":
            f = self._nouveau(
                reference, "judiciaire", ouvert_le, genres=jugement, reutilisable=False, piege=code
            )
            f.principal = self._montant(f.creancier.genre)
            date_titre = ouvert_le - timedelta(days=rng.randint(20, 120))
            titre = self._decision(f, date_titre, signifie_le=None, contradictoire=True)
            self._titre(f, titre, self._dispositif(titre, f.principal))
            self._principal(f, f.principal, date_titre, titre)
            self._regime(f, titre)
            saisie = min(self._apres(ouvert_le, 5, 30), au)
            self._acte(f, "pv_saisie_attribution", saisie)
            f.pieges.append(
                (
                    code,
                    f"Saisie-attribution pratiquée le {saisie.isoformat()} en vertu du jugement du "
                    f"{date_titre.isoformat()}, qui n'a pas été signifié : un jugement ne peut "
                    "être exécuté qu'après sa notification (CPC 503).",
                    {"titre_id": titre, "date_titre": date_titre.isoformat(),
                     "acte": "pv_saisie_attribution", "acte_le": saisie.isoformat()},
                )
            )  # fmt: skip
            return f
        if code in {"liquidation_judiciaire", "surendettement", "debiteur_decede"}:
            arret = self._jour(ouvert_le + timedelta(days=60), au - timedelta(days=10))
            if code == "debiteur_decede":
                arret = self._jour(ouvert_le + timedelta(days=30), au - timedelta(days=5))
            siege = None
            if code == "liquidation_judiciaire":  # a trader, where we know the commercial court
                siege = rng.choice(
                    [c for c in self.communes if c.departement in TRIBUNAUX_COMMERCE]
                )
            f = self._nouveau(
                reference, "judiciaire", ouvert_le, genres=jugement,
                personne=code != "liquidation_judiciaire", reutilisable=False, piege=code,
                decede_le=arret if code == "debiteur_decede" else None, commune=siege,
            )  # fmt: skip
            f.fin = arret - timedelta(days=1)
            self._scenario_judiciaire(f, "decision_justice")
            f.fin = au
            debiteur = f.debiteurs[0]
            if code == "liquidation_judiciaire":
                self._liquidation(f, debiteur, arret)
            elif code == "surendettement":
                protection = self.protection(
                    debiteur.id, "surendettement_recevabilite", arret,
                    f"Commission de surendettement ({debiteur.departement})",
                    f"Dossier n° {rng.randint(100000, 999999)}",
                    "Banque de France, secrétariat de la commission de surendettement",
                )  # fmt: skip
                f.pieges.append(
                    (
                        code,
                        f"Le dossier de surendettement de {debiteur.nom} a été déclaré recevable "
                        f"le {arret.isoformat()} : les procédures d'exécution sur ses biens sont "
                        "suspendues et interdites (C. consom. L722-2).",
                        {"protection_id": protection, "debiteur_id": debiteur.id,
                         "recevable_le": arret.isoformat()},
                    )
                )  # fmt: skip
            else:
                self._deces(f, debiteur, arret)
            return f
        if code == "treve_hivernale":
            f = self._nouveau(
                reference, "expulsion", ouvert_le, personne=True, reutilisable=False, piege=code
            )
            self._scenario_expulsion(f, treve=True)
            return f
        if code == "alsace_moselle":
            f = self._nouveau(
                reference, "judiciaire", ouvert_le, alsace=True, reutilisable=False, piege=code
            )
            self._scenario_judiciaire(f)
            f.pieges.append(
                (
                    code,
                    "Dossier relevant du droit local d'Alsace-Moselle (territoire "
                    f"{f.territoire}) : "
                    "le 26 décembre et le Vendredi saint y sont fériés (C. trav. L3134-13), ce "
                    "qui proroge les délais (CPC 642).",
                    {"territoire": f.territoire},
                )
            )
            return f
        if code == "creance_inferieure_535":
            f = self._nouveau(
                reference, "judiciaire", ouvert_le, genres=jugement, personne=True,
                reutilisable=False, piege=code,
            )  # fmt: skip
            debut = self._titre_a_executer(
                f,
                "decision_justice",
                principal=self._cents(120, int(seuil_subsidiarite(ouvert_le)) - 1),
                deja_signifie=0.0,
            )
            commandement = min(self._apres(debut, 1, 20), au)
            self._acte(f, "commandement_saisie_vente", commandement)
            saisie = min(self._apres(commandement, 9, 40), au)
            self._acte(f, "pv_saisie_vente", saisie)
            f.pieges.append(
                (
                    code,
                    f"Saisie-vente pratiquée le {saisie.isoformat()} au domicile du débiteur pour "
                    f"une créance de {format_euros(f.principal)} en principal : sous "
                    f"{format_euros(seuil_subsidiarite(saisie))}, "
                    "elle suppose l'autorisation du juge de l'exécution ou l'impossibilité d'une "
                    "saisie sur compte ou sur salaire (CPCE L221-2, R221-2).",
                    {"principal": str(f.principal), "acte": "pv_saisie_vente",
                     "acte_le": saisie.isoformat(), "lieu": "domicile"},
                )
            )  # fmt: skip
            return f
        if code == "injonction_non_signifiee_6_mois":
            f = self._nouveau(
                reference, "injonction_payer", ouvert_le, reutilisable=False, piege=code
            )
            f.principal = self._montant(f.creancier.genre)
            ordonnance = min(
                ouvert_le - timedelta(days=rng.randint(0, 30)),
                ajouter_mois(au, -7) - timedelta(days=rng.randint(0, 120)),
            )
            delai = 3 if ordonnance >= REFORME_INJONCTION else 6
            limite = ajouter_mois(ordonnance, delai)
            titre = self._titre_de_type(f, "ordonnance_injonction_payer", ordonnance)
            self._titre(f, titre, self._dispositif(titre, f.principal))
            self._principal(f, f.principal, ordonnance, titre)
            self._regime(f, titre)
            f.pieges.append(
                (
                    code,
                    f"Ordonnance d'injonction de payer du {ordonnance.isoformat()} non signifiée "
                    f"dans les {delai} mois de sa date : elle est non avenue depuis le "
                    f"{(limite + timedelta(days=1)).isoformat()} (CPC 1411) ; il faut une "
                    "nouvelle requête.",
                    {"titre_id": titre, "date_ordonnance": ordonnance.isoformat(),
                     "delai_mois": delai, "signifiable_jusqu_au": limite.isoformat()},
                )
            )  # fmt: skip
            return f
        if code == "fonds_detenus_trop_longtemps":
            f = self._nouveau(
                reference, "judiciaire", ouvert_le, genres=jugement, reutilisable=False, piege=code
            )
            recu = self._jour(
                max(ouvert_le + timedelta(days=40), au - timedelta(days=250)),
                au - timedelta(days=60),
            )
            f.fin = recu - timedelta(days=1)
            f.part_reservee = Decimal("0.3")
            self._scenario_judiciaire(f, "decision_justice")
            f.fin = au
            montant = min(self._cents(80, 1500), arrondi_centime(f.principal * f.part_reservee))
            f.verse += montant
            self._paiement(f, recu, montant, libelle="Paiement du débiteur", reverser=False)
            recette = f.mouvements[-1]
            limite, regle = fonds_tiers.date_limite_reversement(
                fonds_tiers.Encaissement(recu, montant)
            )
            f.pieges.append(
                (
                    code,
                    f"{format_euros(montant)} encaissés le {recu.isoformat()} n'ont pas été "
                    "reversés au créancier : le délai de reversement a expiré le "
                    f"{limite.isoformat()} ({regle.replace(' (', ', ').rstrip(')')}).",
                    {"ecriture_id": recette, "encaisse_le": recu.isoformat(),
                     "montant": str(montant), "date_limite": limite.isoformat()},
                )
            )  # fmt: skip
            return f
        if code == "majeur_protege":
            f = self._nouveau(
                reference, "judiciaire", ouvert_le, genres=jugement, personne=True,
                reutilisable=False, piege=code,
            )  # fmt: skip
            debiteur = f.debiteurs[0]
            nature = rng.choice(("tutelle", "curatelle", "curatelle_renforcee"))
            role = "tuteur" if nature == "tutelle" else "curateur"
            depuis = self._jour(ouvert_le - timedelta(days=2000), au - timedelta(days=30))
            if rng.random() < 0.5:
                organe = self.societe(
                    depuis,
                    denomination=f"Association tutélaire {_de(self.sieges[debiteur.departement])}",
                    forme="Association", departement=debiteur.departement,
                    representant="prise en la personne de son président",
                )  # fmt: skip
            else:
                organe = self.personne(
                    depuis, departement=debiteur.departement, nom=debiteur.nom_famille,
                    contacts=False,
                )  # fmt: skip
            protection = self.protection(
                debiteur.id, nature, depuis,
                f"Juge des contentieux de la protection, {self._tj(debiteur.departement).lower()}",
                f"RG n° {self._numero('JCP', depuis)}", organe.nom,
            )  # fmt: skip
            self.lien(debiteur.id, organe.id, role, depuis)
            self._scenario_judiciaire(f, "decision_justice")
            regle = (
                "le majeur est représenté par son tuteur (C. civ. 473) : les actes sont "
                "signifiés au tuteur"
                if nature == "tutelle"
                else "toute signification faite au majeur doit l'être aussi au curateur, à "
                "peine de nullité (C. civ. 467)"
            )
            f.pieges.append(
                (
                    code,
                    f"{debiteur.nom} est sous {nature.replace('_', ' ')} depuis le "
                    f"{depuis.isoformat()} ({role} : {organe.nom}) : {regle}.",
                    {"protection_id": protection, "debiteur_id": debiteur.id,
                     "nature": nature, role: organe.id},
                )
            )  # fmt: skip
            return f
        if code == "creance_alimentaire":
            return self._dossier_creance_alimentaire(ouvert_le, reference)
        if code == "solde_bancaire_insaisissable":
            return self._dossier_solde_bancaire(ouvert_le, reference)
        raise AssertionError(code)  # pragma: no cover

    def _dossier_creance_alimentaire(self, ouvert_le: date, reference: str) -> _Fichier:
        """A parent owed the contribution to the children's upkeep and education fixed by a
        judgment of the juge aux affaires familiales (C. civ. 371-2, 373-2-2), months unpaid
        before the file came to the office, then enforced by ordinary measures only: the
        paiement direct (CPCE L213-1) was never used."""
        rng = self.rng
        f = self._nouveau(
            reference, "judiciaire", ouvert_le, personne=True, reutilisable=False,
            piege="creance_alimentaire",
        )  # fmt: skip
        f.creancier = self._creancier("particulier", ouvert_le - timedelta(days=30))
        debiteur = f.debiteurs[0]
        employeur = self._contact_de(debiteur.id, "employeur")
        if employeur is None:  # paid by an employer: the third party of the paiement direct
            employeur = f"{rng.choice(self.societes)} {rng.choice(FORMES_SOCIETE)}"
            employeur = f"{employeur}, {debiteur.commune}"
            self._contact(debiteur.id, "employeur", employeur, None)
        mensualite = self._cents(120, 450)
        # Ten years from the service (CPCE L111-4) run well beyond ``au``: files open during
        # the six years before it, judgments at most 900 days older than the file.
        date_titre = ouvert_le - timedelta(days=rng.randint(300, 900))
        signification = self._jour_utile(date_titre + timedelta(rng.randint(10, 40)), f.territoire)
        titre = self._decision(
            f, date_titre, signifie_le=signification, contradictoire=True,
            saisine=date_titre - timedelta(days=rng.randint(60, 240)),
        )  # fmt: skip
        titre.juridiction = f"{titre.juridiction} (juge aux affaires familiales)"
        titre.premier_ressort = True
        titre.creance_alimentaire = True
        titre.observations = (
            f"Contribution à l'entretien et à l'éducation des enfants fixée à "
            f"{format_euros(mensualite)} par mois, payable d'avance le 5 de chaque mois"
        )
        self._titre(f, titre, [])
        self._evenement(
            f, signification, "signification",
            f"Jugement signifié le {signification.isoformat()} (par l'étude alors chargée)",
        )  # fmt: skip
        # The unpaid months: the last terms (the 5th) before the file was opened.
        derniere = date(ouvert_le.year, ouvert_le.month, 5)
        if derniere >= ouvert_le:
            derniere = ajouter_mois(derniere, -1)
        mois = rng.randint(3, 9)
        premiere = ajouter_mois(derniere, 1 - mois)
        arriere = mensualite * mois
        # One principal line (the décompte takes one per file), dated at the last unpaid term:
        # legal interest from then only, the safe side for the debtor (each term bears it from
        # its own due date; simplified).
        f.lignes.append(
            {
                "nature": "principal",
                "libelle": f"Arriéré de contribution à l'entretien et à l'éducation des enfants : "
                f"{mois} mensualités de {format_euros(mensualite)} impayées du "
                f"{premiere.isoformat()} au {derniere.isoformat()}",
                "date": derniere,
                "montant": arriere,
                "mode_interets": "legal",
                "numero_tarif": None,
                "titre": titre,
            }
        )
        self._principal(f, arriere, derniere, titre)
        f.regime = RegimeInterets(mode="legal", categorie=f.creancier.categorie_interets)
        self._evenement(
            f, ouvert_le, "information",
            f"Le créancier signale {mois} mensualités impayées de {format_euros(mensualite)} "
            f"(du {premiere.isoformat()} au {derniere.isoformat()})",
        )  # fmt: skip
        self._execution(f, max(titre.executoire_le or signification, ouvert_le))
        f.pieges.append(
            (
                "creance_alimentaire",
                f"Jugement du juge aux affaires familiales du {date_titre.isoformat()} fixant une "
                f"contribution à l'entretien et à l'éducation des enfants de "
                f"{format_euros(mensualite)} par mois ; {mois} mensualités impayées "
                f"({format_euros(arriere)}) : créance alimentaire, à recouvrer par paiement "
                f"direct entre les mains de l'employeur ({employeur}) pour les termes à échoir "
                "et les six derniers mois (CPCE L213-1, L213-4), sur toute la rémunération "
                "au-delà du RSA (C. trav. L3252-5).",
                {"titre_id": titre, "mensualite": str(mensualite), "mois_impayes": mois,
                 "premiere_echeance": premiere.isoformat(),
                 "derniere_echeance": derniere.isoformat(), "arriere": str(arriere),
                 "employeur": employeur},
            )
        )  # fmt: skip
        return f

    def _dossier_solde_bancaire(self, ouvert_le: date, reference: str) -> _Fichier:
        """An ordinary judgment enforced for a while, then a saisie-attribution on the
        debtor's only known account, whose balance the bank declares below the SBI: the bank
        leaves it all to the debtor (CPCE L162-2, R162-2), nothing is seized."""
        rng = self.rng
        au = self.au
        f = self._nouveau(
            reference, "judiciaire", ouvert_le, genres=GENRES_PAR_TITRE["decision_justice"],
            personne=True, reutilisable=False, piege="solde_bancaire_insaisissable",
        )  # fmt: skip
        debiteur = f.debiteurs[0]
        banque = self._contact_de(debiteur.id, "banque")
        if banque is None:
            banque = rng.choice(tuple(BANQUES.values()))
            self._contact(debiteur.id, "banque", banque, None)
        saisie = self._jour_utile(
            self._jour(
                max(ouvert_le + timedelta(days=120), au - timedelta(days=150)),
                au - timedelta(days=20),
            ),
            f.territoire,
        )
        f.fin = saisie - timedelta(days=1)
        self._scenario_judiciaire(f, "decision_justice")
        f.fin = au
        sbi = solde_bancaire_insaisissable(saisie).montant
        solde = self._cents(int(sbi * Decimal("0.05")), int(sbi * Decimal("0.95")))
        self._premiere_mesure(f, saisie)
        self._acte(f, "pv_saisie_attribution", saisie)
        self._evenement(
            f, saisie, NATURE_DECLARATION_BANQUE,
            f"Déclaration du tiers saisi ({banque}) : compte créditeur de {format_euros(solde)} "
            f"au jour de la saisie, laissé au débiteur au titre du solde bancaire insaisissable "
            f"({format_euros(sbi)}) ; rien n'est saisi",
            banque=banque, solde=str(solde), solde_bancaire_insaisissable=str(sbi),
        )  # fmt: skip
        f.pieges.append(
            (
                "solde_bancaire_insaisissable",
                f"Saisie-attribution du {saisie.isoformat()} sur le seul compte connu du "
                f"débiteur ({banque}) : solde de {format_euros(solde)}, sous le solde bancaire "
                f"insaisissable de {format_euros(sbi)} que la banque laisse d'office (CPCE "
                "L162-2, R162-2) ; rien n'a été saisi et une nouvelle saisie de ce compte "
                "n'atteindrait que ce qui dépasse le SBI.",
                {"banque": banque, "saisie_le": saisie.isoformat(), "solde": str(solde),
                 "solde_bancaire_insaisissable": str(sbi), "debiteur_id": debiteur.id},
            )
        )  # fmt: skip
        return f

    def _liquidation(self, f: _Fichier, debiteur: _Partie, jugement: date) -> None:
        rng = self.rng
        tribunal = self._tribunal_commerce(debiteur.departement)
        if tribunal is None:  # a civil company: the tribunal judiciaire opens the proceedings
            tribunal = self._tj(debiteur.departement)
            self._maj_partie(debiteur.id, forme_juridique="SCI", rcs=None)
        liquidateur = self.personne(
            jugement, departement=debiteur.departement, contacts=False,
            profession="mandataire judiciaire",
        )  # fmt: skip
        protection = self.protection(
            debiteur.id, "liquidation_judiciaire", jugement, tribunal,
            f"BODACC A n° {jugement.year}{rng.randint(1000, 99999)}", liquidateur.nom,
        )  # fmt: skip
        self.lien(debiteur.id, liquidateur.id, "liquidateur", jugement)
        f.pieges.append(
            (
                "liquidation_judiciaire",
                f"{debiteur.nom} est en liquidation judiciaire depuis le jugement du "
                f"{jugement.isoformat()} ({tribunal}) : les voies d'exécution sont arrêtées "
                "(C. com. L622-21, L641-3) ; la créance doit être déclarée au liquidateur, "
                f"{liquidateur.nom}.",
                {"protection_id": protection, "debiteur_id": debiteur.id,
                 "liquidateur_id": liquidateur.id, "jugement_du": jugement.isoformat()},
            )
        )  # fmt: skip

    def _deces(self, f: _Fichier, debiteur: _Partie, deces: date) -> None:
        heritiers = [
            self.personne(deces, departement=debiteur.departement, nom=debiteur.nom_famille)
            for _ in range(self.rng.randint(1, 3))
        ]
        protection = self.protection(
            debiteur.id,
            "deces",
            deces,
            None,
            None,
            None,
            "Décès porté à la connaissance de l'étude",
        )
        for heritier in heritiers:
            self.lien(debiteur.id, heritier.id, "heritier", deces)
        noms = ", ".join(h.nom for h in heritiers)
        accord = "décédée" if debiteur.nom.startswith("Madame") else "décédé"
        f.pieges.append(
            (
                "debiteur_decede",
                f"{debiteur.nom} est {accord} le {deces.isoformat()} : le titre n'est exécutoire "
                f"contre ses héritiers ({noms}) que huit jours après leur avoir été signifié "
                "(C. civ. 877).",
                {"debiteur_id": debiteur.id, "decede_le": deces.isoformat(),
                 "protection_id": protection, "heritiers": [h.id for h in heritiers]},
            )
        )  # fmt: skip

    # -- rows of a file ------------------------------------------------------------------------

    def _reference_mandant(self, creancier: _Partie) -> str:
        """The creditor's own reference, unique per creditor ("BAN-482913")."""
        prises = self.references_mandant.setdefault(creancier.id, set())
        while True:
            numero = self.rng.randint(100000, 999999)
            if numero not in prises:
                prises.add(numero)
                return f"{creancier.genre[:3].upper()}-{numero}"

    def _ecrire(self, f: _Fichier) -> None:
        rng = self.rng
        ea = self.etude_id
        ajouter = self.tampon.ajouter
        for titre in f.titres:
            titre.id = self.ids("titre")
        self._etats_finaux(f)
        evenements = sorted(f.evenements, key=lambda e: (e.date, e.rang))
        dernier = evenements[-1].date if evenements else f.ouvert_le
        reference_mandant = self._reference_mandant(f.creancier) if rng.random() < 0.7 else None
        ajouter(
            "dossier",
            {
                "id": f.id, "etude_id": ea, "reference": f.reference,
                "reference_mandant": reference_mandant,
                "nature": f.nature, "statut": f.statut, "motif_cloture": f.motif,
                "certificat_irrecouvrabilite": f.certificat, "ouvert_le": f.ouvert_le,
                "clos_le": f.clos_le, "territoire": f.territoire, "creancier_id": f.creancier.id,
                "clerc_id": f.clerc_id, "solidaires": True, "risques": [], "observations": "",
                "cree_le": _horodatage(f.ouvert_le, rng.randint(60, 600)),
                "modifie_le": _horodatage(dernier, 660), "version": 1,
            },
        )  # fmt: skip
        termes = set(f.creancier.termes).union(*(d.termes for d in f.debiteurs))
        termes |= termes_de_reference(reference_mandant)
        for ligne in lignes_termes(ea, f.id, f.reference, termes):
            ajouter("terme_recherche", ligne)
        for rang, debiteur in enumerate(f.debiteurs, start=1):
            ajouter(
                "dossier_debiteur",
                {"id": self.ids("dossier_debiteur"), "etude_id": ea, "dossier_id": f.id,
                 "partie_id": debiteur.id, "rang": rang},
            )  # fmt: skip
        # A replacing title is written before the one it replaces (foreign key).
        for titre in sorted(f.titres, key=lambda t: t.remplace_par is not None):
            ajouter(
                "titre",
                {
                    "id": titre.id, "etude_id": ea, "dossier_id": f.id, "type": titre.type,
                    "juridiction": titre.juridiction, "date_titre": titre.date_titre,
                    "numero": titre.numero, "contradictoire": titre.contradictoire,
                    "premier_ressort": titre.premier_ressort,
                    "execution_provisoire": titre.execution_provisoire,
                    "formule_executoire": titre.formule_executoire,
                    "date_signification": titre.date_signification,
                    "date_force_executoire": titre.date_force_executoire,
                    "date_saisine": titre.date_saisine, "observations": titre.observations,
                    "creance_alimentaire": titre.creance_alimentaire,
                    "remplace_par_id": titre.remplace_par.id if titre.remplace_par else None,
                    "cree_le": _horodatage(max(titre.date_titre, f.ouvert_le), 30),
                },
            )  # fmt: skip
        regime = f.regime or RegimeInterets()
        for ligne in f.lignes:
            ligne_id = self.ids("ligne_creance")
            principal = ligne["nature"] == "principal" and not ligne.get("annulee")
            titre = ligne["titre"]
            ajouter(
                "ligne_creance",
                {
                    "id": ligne_id, "etude_id": ea, "dossier_id": f.id,
                    "titre_id": titre.id if titre is not None else None,
                    "nature": ligne["nature"], "libelle": ligne["libelle"], "date": ligne["date"],
                    "montant": ligne["montant"],
                    "mode_interets": regime.mode if principal else ligne["mode_interets"],
                    "categorie_interets": f.creancier.categorie_interets,
                    "taux_conventionnel": regime.taux_conventionnel if principal else None,
                    "interets_depuis": f.interets_depuis if principal else None,
                    "majoration_depuis": regime.majoration_depuis if principal else None,
                    "capitalisation_depuis": regime.capitalisation_depuis if principal else None,
                    "porte_interets": None, "numero_tarif": ligne["numero_tarif"],
                    "annule_par_id": ligne_id if ligne.get("annulee") else None,
                    "cree_le": _horodatage(max(ligne["date"], f.ouvert_le), 40),
                },
            )  # fmt: skip
        for paiement in sorted(f.paiements, key=lambda p: p.date):
            paiement.id = self.ids("paiement")
            ajouter(
                "paiement",
                {
                    "id": paiement.id, "etude_id": ea, "dossier_id": f.id, "date": paiement.date,
                    "montant": paiement.montant, "origine": paiement.origine,
                    "mode": paiement.mode, "encaisse_par_etude": paiement.encaisse,
                    "payeur_id": paiement.payeur_id, "libelle": paiement.libelle,
                    "corrige_id": None, "cle_import": None,
                    "cree_le": _horodatage(paiement.date, 120),
                },
            )  # fmt: skip
        for mouvement in sorted(f.mouvements, key=lambda m: (m.date, m.rang)):
            mouvement.id = self.ids("ecriture")
            ajouter(
                "ecriture",
                {
                    "id": mouvement.id, "etude_id": ea, "dossier_id": f.id, "date": mouvement.date,
                    "nature": mouvement.nature, "mode": mouvement.mode,
                    "acompte": mouvement.acompte, "libelle": mouvement.libelle,
                    "paiement_id": mouvement.paiement.id if mouvement.paiement else None,
                    "corrige_id": None, "beneficiaire_id": mouvement.beneficiaire_id,
                    "utilisateur": f.clerc, "cree_le": _horodatage(mouvement.date, 150),
                },
            )  # fmt: skip
            for compte, debit, credit in mouvement.lignes:
                ajouter(
                    "ligne_ecriture",
                    {"id": self.ids("ligne_ecriture"), "etude_id": ea,
                     "ecriture_id": mouvement.id, "compte": compte, "dossier_id": f.id,
                     "debit": debit, "credit": credit},
                )  # fmt: skip
        for minutes, evenement in enumerate(evenements):
            ajouter(
                "evenement",
                {
                    "id": self.ids("evenement"), "etude_id": ea, "dossier_id": f.id,
                    "date": evenement.date, "horodatage": _horodatage(evenement.date, minutes),
                    "nature": evenement.nature, "libelle": evenement.libelle,
                    "utilisateur": f.clerc, "details": evenement.details,
                },
            )  # fmt: skip
        self._ecrire_procedures(f)
        self._ecrire_fonds_a_reverser(f)
        for code, description, details in f.pieges:
            self.pieges[code] = self.pieges.get(code, 0) + 1
            ajouter(
                "piege",
                {
                    "id": self.ids("piege"), "etude_id": ea, "dossier_id": f.id, "code": code,
                    "description": description[:500],
                    "details": {cle: _resoudre(valeur) for cle, valeur in details.items()},
                },
            )  # fmt: skip

    def _ecrire_fonds_a_reverser(self, f: _Fichier) -> None:
        """Agenda rows of the receipts still held at ``au`` (C. com. R444-56), as the office
        writes them after each receipt or payout (services.paiements)."""
        encaissements, sorties = [], []
        for m in f.mouvements:
            creancier = next((ligne for ligne in m.lignes if ligne[0] == "creancier"), None)
            if creancier is None:
                continue
            if m.nature == "encaissement":
                encaissements.append(
                    fonds_tiers.Encaissement(
                        m.date, creancier[2], especes=m.mode == "especes", acompte=m.acompte
                    )
                )
            elif m.nature in ("reversement", "honoraires", "debours"):
                sorties.append(fonds_tiers.Sortie(m.date, creancier[1]))
        if not encaissements:
            return
        fonds = fonds_tiers.fonds_detenus(encaissements, sorties, self.au)
        for ligne in lignes_echeances_fonds(self.etude_id, f.id, fonds):
            self.tampon.ajouter("echeance", {"id": self.ids("echeance"), **ligne})

    def _etats_finaux(self, f: _Fichier) -> None:
        """Status, reason and agenda items of each procedure as the office holds them on
        ``au``: as of the last step, given up when the file's activity stopped, and lapsed
        when a fatal deadline ran out since (what the daily ``constater_caducites`` of the
        office records, with its event in the timeline and its single agenda item)."""
        for procedure in f.procedures:
            faites = tuple(procedure.etapes)
            dernier = max(e.jour for e in faites)
            etat_, elements = echeances(procedure.loi, faites, dernier, f.territoire)
            statut, motif = etat_.statut, etat_.motif
            # A mission of service ends with the service: its file stays open, the procedure
            # waits for a measure the creditor may still ask for.
            mission_terminee = f.nature == "signification" and f.clos_le is None
            if (
                statut == "en_cours"
                and (f.clos_le is not None or f.fin < self.au)
                and not mission_terminee
            ):
                # The file's activity stopped (closed, suspended, or halted by an event such as
                # insolvency proceedings): what was still running was given up then.
                motif = (
                    "Dossier clos."
                    if f.clos_le is not None
                    else f"Poursuites arrêtées le {f.fin.isoformat()}."
                )
                statut, elements = "abandonnee", []
            elif statut == "en_cours" and any(
                e.sanction in SANCTIONS_FATALES
                and e.tenu_par == "etude"
                and e.date_limite is not None
                and e.date_limite < self.au
                for e in elements
            ):
                etat_au, elements_au = echeances(procedure.loi, faites, self.au, f.territoire)
                if etat_au.statut == "caduque":
                    statut, motif = etat_au.statut, etat_au.motif
                    elements = echeances_retenues(statut, etat_au, elements_au)
                    self._evenement(
                        f, self.au, "caducite", f"{procedure.loi.libelle} caduque : {motif}"
                    )
            f.etats_finaux[procedure.id] = (statut, motif, elements)

    def _ecrire_procedures(self, f: _Fichier) -> None:
        """The procedures walked on the file, their steps, and the agenda items they leave as
        of their last step (the office stores the same: services.procedures). A procedure
        still running on a closed file was given up."""
        ajouter, ea = self.tampon.ajouter, self.etude_id
        for procedure in f.procedures:
            statut, motif, elements = f.etats_finaux[procedure.id]
            ajouter(
                "procedure_dossier",
                {
                    "id": procedure.id, "etude_id": ea, "dossier_id": f.id,
                    "code": procedure.loi.code, "version": procedure.loi.version,
                    "demarree_le": procedure.demarree_le, "statut": statut, "motif": motif,
                    "cree_le": _horodatage(procedure.demarree_le, 540),
                },
            )  # fmt: skip
            for rang, etape in enumerate(procedure.etapes):
                ajouter(
                    "etape_procedure",
                    {
                        "id": self.ids("etape_procedure"), "etude_id": ea,
                        "procedure_id": procedure.id, "code": etape.code, "jour": etape.jour,
                        "heure": etape.heure, "mode": etape.mode, "observations": "",
                        "cree_le": _horodatage(etape.jour, 600 + rang),
                    },
                )  # fmt: skip
            for element in elements:
                ajouter(
                    "echeance",
                    {
                        "id": self.ids("echeance"),
                        **lignes_echeance(ea, f.id, procedure.id, element),
                    },
                )

    # -- the whole office ----------------------------------------------------------------------

    def remplir(
        self,
        commune_etude: Commune,
        commissaires: list[str],
        progression: Callable[[int], None] | None,
    ) -> None:
        rng = self.rng
        debut = max(self.au - timedelta(days=6 * 365), DEBUT_DONNEES)
        self.departement_etude = commune_etude.departement
        self.commissaires = commissaires
        self.creanciers_ = self.creanciers(debut - timedelta(days=30))
        self.utilisateurs_ = self.utilisateurs(
            debut - timedelta(days=30), commissaires, self.creanciers_[0].id
        )
        ouvertures = sorted(
            rng.randint(debut.toordinal(), self.au.toordinal()) for _ in range(self.dossiers)
        )
        numeros: dict[int, int] = {}
        # The rows of a batch are plain values, without reference cycles: the cyclic garbage
        # collector, which would scan them again and again while they pile up, runs once per
        # batch instead (about a tenth of the generation's time otherwise).
        automatique = gc.isenabled()
        gc.disable()
        try:
            for rang, ordinal in enumerate(ouvertures, start=1):
                jour = date.fromordinal(ordinal)
                numeros[jour.year] = numeros.get(jour.year, 0) + 1
                self.dossier(jour, f"{jour.year}-{numeros[jour.year]:06d}")
                if rang % TAILLE_LOT == 0:
                    self.tampon.ecrire()
                    gc.collect()
                    if progression is not None:
                        progression(rang)
            self.tampon.ecrire()
        finally:
            if automatique:
                gc.enable()
        if progression is not None:
            progression(self.dossiers)


def _resoudre(valeur: Any) -> Any:
    """JSON value of a trap's detail: objects of the generator become their row id."""
    if isinstance(valeur, _Titre | _Mouvement | _PaiementPrevu | _Partie):
        return valeur.id
    if isinstance(valeur, list):
        return [_resoudre(v) for v in valeur]
    return valeur


# --- entry point -------------------------------------------------------------------------------


def _vider(connexion: Connection) -> None:
    """Delete every row of every table, children first (``--remplacer``)."""
    for table in reversed(Base.metadata.sorted_tables):
        connexion.execute(table.delete())


def _recaler_sequences(connexion: Connection) -> None:
    """PostgreSQL: move each id sequence past the ids written explicitly."""
    if connexion.dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        if "id" not in table.c:
            continue
        connexion.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f'COALESCE((SELECT MAX(id) FROM "{table.name}"), 0) + 1, false)'
            )
        )


def generer(
    moteur: Engine,
    *,
    dossiers: int,
    graine: int = 1,
    au: date | None = None,
    remplacer: bool = False,
    progression: Callable[[int], None] | None = None,
    utilisateur: str = "generateur",
) -> RapportGeneration:
    """Write a synthetic office of ``dossiers`` files as it stands on ``au`` (default today).

    The database must hold no office, unless ``remplacer`` (everything is then deleted first,
    in the same transaction). ``progression(n)`` is called with the number of files written
    after each batch. Same ``graine`` and ``au``: same rows.
    """
    if dossiers < 1:
        raise DonneeInvalide(f"Nombre de dossiers « {dossiers} » : au moins un dossier.")
    au = au or date.today()
    if au < AU_MINIMUM:
        raise DonneeInvalide(
            f"Date « {au.isoformat()} » trop ancienne : l'étude de démonstration est générée à "
            f"partir du {AU_MINIMUM.isoformat()} (tarif et délai de reversement connus depuis "
            "2016)."
        )
    depart = chrono.perf_counter()
    # The office does not exist yet: the session starts without office (no office filter),
    # then acts for the new office once it is written.
    with transaction(Contexte(moteur, 0, utilisateur), "generer") as session:
        session.info["etude_id"] = None
        connexion = session.connection()
        existante = connexion.execute(select(Etude.code).order_by(Etude.id).limit(1)).scalar()
        if remplacer:
            _vider(connexion)
        elif existante is not None:
            raise OperationRefusee(
                f"La base contient déjà une étude (« {existante} ») : la génération d'une étude "
                "de démonstration exige une base vide, ou l'option --remplacer (qui efface "
                "toute la base)."
            )
        etude_id = int(connexion.execute(select(func.max(Etude.id))).scalar() or 0) + 1
        generateur = _Generateur(
            connexion, etude_id=etude_id, graine=graine, au=au, dossiers=dossiers,
            utilisateur=utilisateur,
        )  # fmt: skip
        debut = max(au - timedelta(days=6 * 365), DEBUT_DONNEES) - timedelta(days=60)
        etude, commune = generateur.etude(debut)
        session.add(etude)
        session.flush()
        session.info["etude_id"] = etude_id
        generateur.remplir(commune, list(etude.commissaires), progression)
        comptes = {"etude": 1, **generateur.tampon.comptes}
        journaliser_operation(
            session,
            "etude",
            str(etude_id),
            {
                "operation": "generation d'une étude de démonstration",
                "graine": graine,
                "au": au.isoformat(),
                "dossiers": dossiers,
                "lignes": comptes,
                "pieges": generateur.pieges,
            },
        )
        _recaler_sequences(connexion)
        actualiser_statistiques(connexion)
    apres_chargement_massif(moteur)
    return RapportGeneration(
        etude_code=ETUDE_CODE,
        etude_id=etude_id,
        graine=graine,
        au=au,
        dossiers=dossiers,
        lignes=comptes,
        pieges=dict(sorted(generateur.pieges.items())),
        identifiants=dict(UTILISATEURS_DEMO),
        secondes=chrono.perf_counter() - depart,
    )


__all__ = ["ETUDE_CODE", "PIEGES", "UTILISATEURS_DEMO", "RapportGeneration", "communes", "generer"]
