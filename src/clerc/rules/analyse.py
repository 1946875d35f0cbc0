"""Fiche d'analyse of a file: what a senior clerc checks before acting, each with its article.

Pure rules: the office service (``clerc.office.services.analyse``) reads the file and passes
plain values (``DossierExamine``: the title, the debtors and their protections, the acts done,
the payments, the funds held, the décompte it computed); :func:`analyser` answers four questions.

1. **Is the title enforceable?** (:func:`examen_titre`)

   - its kind is one of CPCE L111-3 (1° to 7°), or a title of L125-1 / L126-1;
   - the expédition bears the formule exécutoire (CPC 502), except the titles that are
     enforceable by themselves (cheque and small-claims titles of the commissaire de justice,
     titles of public bodies);
   - a judgment is enforced only once served (CPC 503); a judgment by default, or réputé
     contradictoire, not served within six months of its date is non avenu (CPC 478);
   - without provisional execution a judgment is enforceable only when the ordinary appeal
     (or opposition) month after service has run (CPC 538, 539; proof: CPC 504, 505); the
     provisional execution is "de droit" only for instances filed from 1 January 2020 (CPC
     514, décret n° 2019-1333 art. 55), before it had to be ordered (CPC 515 former text); a
     judgment in last resort is enforceable on service (the pourvoi does not suspend, CPC 579);
   - an ordonnance d'injonction de payer is non avenue if not served within six months of its
     date (CPC 1411), three months for ordonnances made from 1 September 2026 (décret n°
     2026-96); it is enforceable once the opposition month has run (CPC 1416, 1422), two months
     after service for ordonnances made from 1 September 2026 (décret n° 2026-96);
   - against the heirs of a deceased debtor the title is enforceable only eight days after its
     service to them (C. civ. 877).

2. **Is it time-barred?** (:func:`examen_prescription`) by ``clerc.rules.prescription``: 10 years
   for the titles of L111-3 1° to 3° (CPCE L111-4) from the day the decision, served, is
   enforceable (Cass. 2e civ., 5 oct. 2023, n° 20-23.523); the claim's own prescription for
   the other titles and for a claim without title (5 years, C. civ. 2224, from the title's
   date, or the principal's due date). Interruptions: the file's acts of forced execution and
   conservatory measures (C. civ. 2244) and the debtor's payments (acknowledgement, C. civ.
   2240).

3. **Which risks forbid what?** (:func:`alertes`) each alert has a code (the trap codes of the
   synthetic office where they correspond), a gravity (``bloquant``: no enforcement measure as
   things stand; ``attention``: a rule to respect or a deadline to meet; ``information``),
   its article and the procedures it forbids.

4. **Which measures, in which order, at what cost?** (:func:`mesures`) the enforcement
   procedures of ``clerc procedure plan --lister`` (referred to by code, whether or not their
   declaration exists yet), each with the guards of ``clerc.rules.procedures.gardes`` met or
   not on the day, the expected cost of its acts from the regulated tariff
   (:func:`clerc.rules.tarif.cout_acte`: never guessed, a missing figure is said), and why.

Our readings (the safe side for the office, design §4):

- interruptions (C. civ. 2244): the seizure reports, even when they seized nothing because the
  account was closed (the act was served on the garnishee), and the commandements that begin a
  seizure (saisie-vente: Cass. 2e civ., 16 mars 2017, n° 16-12.610; saisie des rémunérations);
  the former request to the court for a wage seizure (a claim in court, C. civ. 2241). Not
  counted, being doubtful: reports of a failed attempt, of carence or of fruitless searches,
  services of the title, letters. A payment interrupts when the debtor made it (C. civ. 2240),
  not when a garnishee or the répartiteur paid (the seizure itself interrupted);
- a claim's prescription is taken at its general 5 years (C. civ. 2224) from the title's date,
  the earliest possible start, and the result says that a shorter special period may apply
  (2 years for a professional against a consumer, C. consom. L218-2; 3 years for a residential
  lease, loi n° 89-462 art. 7-1); being uncertain, it is an ``attention`` (code
  ``creance_prescrite``), whereas the ten years of CPCE L111-4 are ``bloquant``
  (``titre_prescrit``); a claim without title brought to court (assignation) is interrupted
  until the proceedings end (C. civ. 2241, 2242); a time-barred debt may still be paid
  voluntarily (C. civ. 2249): amicable recovery stays open, with that warning;
- a planned expulsion whose date falls in the winter truce is ``treve_hivernale`` (bloquant);
  a pending expulsion file analysed during the truce only gets the information
  ``treve_hivernale_en_cours`` and the guard on the measure;
- a saisie-vente (report) in the dwelling of a natural person for a principal below the R221-2
  threshold is ``creance_inferieure_535`` (bloquant); a commandement alone, ``attention`` (its
  R221-3 mentions);
- when the filing date of a first-instance case is unknown, a provisional execution "de droit"
  is not assumed: the appeal month is waited for;
- the delay of CPC 1411 is counted without the CPC 642 extension (the earlier end).

Simplified (written down, not modelled): the distance extensions of CPC 643/644 (said in a
note), the effect of an appeal actually lodged, oppositions the office does not know of, the
heirs' option (C. civ. 768 ff.) and the service of the title to them (not recorded by the
office yet: ``titre_signifie_aux_heritiers_le`` stays empty), the effect of over-indebtedness
on the prescription, the saisie immobilière and the local law of Alsace-Moselle beyond its
calendar. The ranking of the measures is a clerc's practice, not law: possible measures first;
within each group, the prerequisites (declaration of the claim, service of the title), the
expulsion of an expulsion file, bank accounts (the fastest, L211-2), wages when the employer is
known, saisie-vente, amicable recovery.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from clerc.rules import tarif
from clerc.rules.dates import ajouter_mois
from clerc.rules.decompte import Decompte
from clerc.rules.delais import Sens, delai, treve_hivernale
from clerc.rules.erreurs import DonneeInvalide, ErreurClerc
from clerc.rules.fonds_tiers import FondsDetenus
from clerc.rules.monnaie import ZERO, en_texte, format_euros
from clerc.rules.prescription import (
    TITRES_L111_4,
    Evenement,
    Nature,
    Prescription,
    point_de_depart_titre_juridictionnel,
    prescription,
)
from clerc.rules.prescription import Titre as TitrePrescription
from clerc.rules.procedures.gardes import GARDES, GARDES_EXECUTION, Situation
from clerc.rules.saisie_vente import saisie_vente_subsidiaire, seuil_subsidiarite

Jour = date  # alias: dataclass fields named ``date`` shadow the type inside their class

GRAVITES = ("bloquant", "attention", "information")

# CPC 514 as amended by décret n° 2019-1333 (art. 55): provisional execution by law for the
# instances filed from this day.
EXECUTION_PROVISOIRE_DE_DROIT_DEPUIS = date(2020, 1, 1)
# Décret n° 2021-1322: ordonnances delivered with the formule exécutoire from this day (CPC 1410).
INJONCTION_AVEC_FORMULE_DEPUIS = date(2022, 3, 1)
# Décret n° 2026-96: three months to serve (CPC 1411), enforcement two months after service, for
# ordonnances made from this day.
INJONCTION_TROIS_MOIS_DEPUIS = date(2026, 9, 1)
# Décret n° 2025-125: the commissaire de justice carries out the wage seizure (CPCE L212-1 ff.).
SAISIE_REMUNERATIONS_PAR_COMMISSAIRE_DEPUIS = date(2025, 7, 1)
# Territories whose tariff carries the A444-10 uplift (``tarif.cout_acte(territoire=...)``).
TERRITOIRES_TARIF_OUTRE_MER = frozenset({"971", "972", "973", "974", "976"})
ALSACE_MOSELLE = frozenset({"57", "67", "68"})
OUTRE_MER = frozenset({"971", "972", "973", "974", "975", "976", "977", "978", "986", "987", "988"})

# Procedures (codes of ``clerc procedure plan --lister``) that an alert may forbid.
SAISIE_ATTRIBUTION_COMPTE = "saisie_attribution_compte"
SAISIE_REMUNERATIONS = "saisie_remunerations"
SAISIE_VENTE = "saisie_vente"
EXPULSION = "expulsion"
RECOUVREMENT_AMIABLE = "recouvrement_amiable"
SIGNIFICATION_TITRE = "signification_titre"
INJONCTION_DE_PAYER = "injonction_de_payer"
PETITES_CREANCES = "petites_creances"
DECLARATION_CREANCE = "declaration_creance"
MESURES_FORCEES = (SAISIE_ATTRIBUTION_COMPTE, SAISIE_REMUNERATIONS, SAISIE_VENTE, EXPULSION)
MESURES_SUR_LES_BIENS = (SAISIE_ATTRIBUTION_COMPTE, SAISIE_REMUNERATIONS, SAISIE_VENTE)

# Acts of forced execution or conservatory measures that interrupt the prescription (C. civ.
# 2244; see the module docstring for the acts left out).
ACTES_INTERRUPTIFS = frozenset(
    {
        "commandement_saisie_vente",  # Cass. 2e civ., 16 mars 2017, n° 16-12.610
        "pv_saisie_vente",
        "pv_saisie_attribution",
        "pv_saisie_attribution_compte_clos",
        "commandement_saisie_remunerations",
        "pv_saisie_remunerations",
        "acte_intervention_saisie_remunerations",
        "requete_saisie_remunerations",  # claim in court (C. civ. 2241), former procedure
        "saisie_conservatoire",  # conservatory measure (no tariff code of its own here)
    }
)
# A claim in court (C. civ. 2241): for a claim without title, the interruption lasts until the
# proceedings end (C. civ. 2242), which the office does not record.
ACTES_INSTANCE = frozenset({"assignation"})
# Judgments whose enforcement without service is the "jugement non signifié" of CPC 503.
JUGEMENTS = frozenset({"decision_justice", "accord_homologue"})
ACTES_SAISIE_VENTE = frozenset({"pv_saisie_vente", "pv_saisie_vente_carence"})
ACTES_EXPULSION = ("commandement_quitter_les_lieux", "requisition_force_publique", "pv_expulsion")


# --- the kinds of title ---------------------------------------------------------------------


@dataclass(frozen=True)
class NatureTitre:
    """What the law says of a kind of title (codes of the office's ``TYPES_TITRE``)."""

    libelle: str
    article: str
    prescription: TitrePrescription
    jugement: bool  # a judgment: enforced only once served (CPC 503)
    formule: bool  # enforced only on an expédition bearing the formule exécutoire (CPC 502)
    acte_signification: str  # tariff code of its service


NATURES_TITRE: dict[str, NatureTitre] = {
    "decision_justice": NatureTitre(
        "Décision de justice ayant force exécutoire",
        "CPCE L111-3 1°",
        TitrePrescription.DECISION_JUSTICE,
        True,
        True,
        "signification_decision",
    ),
    "ordonnance_injonction_payer": NatureTitre(
        "Ordonnance portant injonction de payer",
        "CPCE L111-3 1° ; CPC 1422",
        TitrePrescription.DECISION_JUSTICE,
        True,
        True,
        "signification_injonction_de_payer",
    ),
    "accord_homologue": NatureTitre(
        "Accord homologué par le juge",
        "CPCE L111-3 1°",
        TitrePrescription.DECISION_JUSTICE,
        True,
        True,
        "signification_decision",
    ),
    "decision_etrangere": NatureTitre(
        "Jugement ou acte étranger déclaré exécutoire",
        "CPCE L111-3 2°",
        TitrePrescription.DECISION_ETRANGERE_OU_SENTENCE,
        True,
        True,
        "signification_decision",
    ),
    "sentence_arbitrale": NatureTitre(
        "Sentence arbitrale revêtue de l'exequatur",
        "CPCE L111-3 2°",
        TitrePrescription.DECISION_ETRANGERE_OU_SENTENCE,
        True,
        True,
        "signification_decision",
    ),
    "pv_conciliation": NatureTitre(
        "Extrait de procès-verbal de conciliation",
        "CPCE L111-3 3°",
        TitrePrescription.PROCES_VERBAL_CONCILIATION,
        False,
        True,
        "signification_titre",
    ),
    "acte_notarie": NatureTitre(
        "Acte notarié revêtu de la formule exécutoire",
        "CPCE L111-3 4°",
        TitrePrescription.ACTE_NOTARIE,
        False,
        True,
        "signification_titre",
    ),
    "convention_divorce": NatureTitre(
        "Convention de divorce déposée au rang des minutes d'un notaire",
        "CPCE L111-3 4° bis",
        TitrePrescription.ACTE_NOTARIE,
        False,
        True,
        "signification_titre",
    ),
    "certificat_non_paiement_cheque": NatureTitre(
        "Titre délivré pour chèque impayé",
        "CPCE L111-3 5° ; C. mon. fin. L131-73",
        TitrePrescription.TITRE_COMMISSAIRE_DE_JUSTICE,
        False,
        False,
        "signification_titre",
    ),
    "titre_personne_publique": NatureTitre(
        "Titre d'une personne morale de droit public",
        "CPCE L111-3 6°",
        TitrePrescription.AUTRE,
        False,
        False,
        "signification_titre",
    ),
    "accord_contresigne_avocats": NatureTitre(
        "Accord contresigné par avocats revêtu de la formule exécutoire par le greffe",
        "CPCE L111-3 7°",
        TitrePrescription.AUTRE,
        False,
        True,
        "signification_titre",
    ),
    "titre_petites_creances": NatureTitre(
        "Titre de la procédure simplifiée de recouvrement des petites créances",
        "CPCE L111-3 5° ; L125-1",
        TitrePrescription.TITRE_COMMISSAIRE_DE_JUSTICE,
        False,
        False,
        "signification_titre",
    ),
    "titre_creance_commerciale": NatureTitre(
        "Procès-verbal de non-contestation revêtu de la formule exécutoire",
        "CPCE L126-1",
        TitrePrescription.AUTRE,
        False,
        True,
        "signification_titre",
    ),
}

# Protections of a debtor (office codes) by the risk they carry.
PROCEDURES_COLLECTIVES = {
    "procedure_sauvegarde": "C. com. L622-21",
    "redressement_judiciaire": "C. com. L631-14, L622-21",
    "liquidation_judiciaire": "C. com. L641-3, L622-21",
}
SURENDETTEMENT = {
    "surendettement_recevabilite": "C. consom. L722-2, L722-5",
    "surendettement_mesures": "C. consom. L733-16",
}
MAJEURS_PROTEGES = {
    "tutelle": ("tuteur", "C. civ. 473, 475"),
    "curatelle": ("curateur", "C. civ. 467"),
    "curatelle_renforcee": ("curateur", "C. civ. 467, 472"),
    "habilitation_familiale": ("personne habilitée", "C. civ. 494-1"),
}


# --- what the office knows of the file (inputs) ---------------------------------------------


@dataclass(frozen=True)
class TitreExamine:
    """The file's title as recorded (codes of the office's ``TYPES_TITRE``)."""

    type: str
    date_titre: date
    formule_executoire: bool = False
    date_signification: date | None = None
    date_force_executoire: date | None = None  # certificate of non-appeal, exequatur...
    date_saisine: date | None = None  # filing of the first-instance case (CPC 514)
    execution_provisoire: str = "sans_objet"  # de_droit, ordonnee, ecartee, sans_objet
    contradictoire: bool | None = None
    premier_ressort: bool | None = None
    juridiction: str | None = None
    numero: str | None = None


@dataclass(frozen=True)
class ProtectionExaminee:
    nature: str  # office code (NATURES_PROTECTION)
    depuis: date | None = None
    jusqu_au: date | None = None
    organe: str | None = None  # tutor, liquidator, commission...
    juridiction: str | None = None
    reference: str | None = None

    def active_au(self, jour: date) -> bool:
        return (self.depuis is None or self.depuis <= jour) and (
            self.jusqu_au is None or jour <= self.jusqu_au
        )


@dataclass(frozen=True)
class DebiteurExamine:
    designation: str
    personne_physique: bool = True
    decede_le: date | None = None
    departement: str | None = None
    protections: tuple[ProtectionExaminee, ...] = ()
    # Parties acting for or succeeding him: (nature of the link, designation), e.g.
    # ("heritier", "Monsieur Paul DUPONT"), ("curateur", "UDAF du Rhône").
    representants: tuple[tuple[str, str], ...] = ()
    employeur: str | None = None
    banque: str | None = None

    def representants_de(self, *natures: str) -> list[str]:
        return [nom for nature, nom in self.representants if nature in natures]


@dataclass(frozen=True)
class ActeFait:
    """An act done on the file (tariff code when known)."""

    date: Jour
    code: str | None
    libelle: str = ""


@dataclass(frozen=True)
class ProcedureEnCours:
    """A procedure running on the file, with its next office deadline (agenda)."""

    code: str
    libelle: str
    demarree_le: Jour
    prochaine_etape: str | None = None
    date_limite: Jour | None = None
    sanction: str | None = None


@dataclass(frozen=True)
class PaiementRecu:
    date: Jour
    montant: Decimal
    origine: str = "debiteur"  # debiteur, tiers_saisi, repartiteur, autre


@dataclass(frozen=True)
class ExpulsionProgrammee:
    programmee_le: date  # day the date was set with the préfecture
    date_prevue: date


@dataclass(frozen=True)
class DossierExamine:
    """Everything the analysis reads, as plain values."""

    reference: str
    nature: str
    statut: str = "en_cours"
    territoire: str = "75"
    debiteurs: tuple[DebiteurExamine, ...] = ()
    titre: TitreExamine | None = None
    principal: Decimal | None = None
    date_creance: date | None = None
    actes: tuple[ActeFait, ...] = ()
    paiements: tuple[PaiementRecu, ...] = ()
    expulsions: tuple[ExpulsionProgrammee, ...] = ()
    fonds: tuple[FondsDetenus, ...] = ()  # receipts still held, with their R444-56 deadline
    dep_deja_percu: bool = False  # A444-15: once per claim
    # What the procedure guards need (clerc.office.services.procedures.situation); built from
    # the fields above when not given.
    situation: Situation | None = None
    decompte: Decompte | None = None
    decompte_erreur: str | None = None
    # Service of the title to the heirs of a deceased debtor (C. civ. 877), when recorded.
    titre_signifie_aux_heritiers_le: date | None = None
    procedures: tuple[ProcedureEnCours, ...] = ()  # running (clerc procedure demarrer)

    @property
    def en_cours(self) -> bool:
        return self.statut != "clos"


# --- results --------------------------------------------------------------------------------


def _jour(valeur: date | None) -> str | None:
    return valeur.isoformat() if valeur else None


def _montant(valeur: Decimal | None) -> str | None:
    return en_texte(valeur) if valeur is not None else None


@dataclass(frozen=True)
class Controle:
    """One check of the title: met (True), not met (False) or to check by the clerc (None)."""

    code: str
    conforme: bool | None
    message: str
    article: str
    bloquant: bool = False  # when not met, no enforcement measure may be taken

    def en_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "conforme": self.conforme,
            "bloquant": self.bloquant,
            "message": self.message,
            "article": self.article,
        }


@dataclass(frozen=True)
class ExamenTitre:
    titre: TitreExamine | None
    libelle: str
    article: str
    executoire: bool
    executoire_depuis: date | None
    controles: tuple[Controle, ...]

    @property
    def motifs(self) -> tuple[str, ...]:
        """The sentences a clerc reads: what fails or must be checked, else why it is good."""
        defauts = tuple(c.message for c in self.controles if c.conforme is not True)
        if defauts:
            return defauts
        return tuple(c.message for c in self.controles)

    @property
    def non_avenu(self) -> bool:
        """The title fell: a default judgment or an injonction not served in time (CPC 478,
        1411)."""
        t = self.titre
        if t is None:
            return False
        if any(c.code == "jugement_478" and c.conforme is False for c in self.controles):
            return True
        return any(c.code == "injonction_non_avenue" for c in self.controles)

    def bloquants(self) -> tuple[Controle, ...]:
        return tuple(c for c in self.controles if c.conforme is False and c.bloquant)

    def en_dict(self) -> dict[str, Any]:
        t = self.titre
        return {
            "type": t.type if t else None,
            "libelle": self.libelle,
            "article": self.article,
            "date": _jour(t.date_titre) if t else None,
            "juridiction": t.juridiction if t else None,
            "numero": t.numero if t else None,
            "formule_executoire": t.formule_executoire if t else None,
            "date_signification": _jour(t.date_signification) if t else None,
            "date_force_executoire": _jour(t.date_force_executoire) if t else None,
            "execution_provisoire": t.execution_provisoire if t else None,
            "date_saisine": _jour(t.date_saisine) if t else None,
            "executoire_depuis": _jour(self.executoire_depuis),
            "executoire": self.executoire,
            "motifs": list(self.motifs),
            "controles": [c.en_dict() for c in self.controles],
        }


@dataclass(frozen=True)
class FaitInterruptif:
    date: Jour
    nature: Nature
    libelle: str


@dataclass(frozen=True)
class ExamenPrescription:
    applicable: bool  # False when the period does not run (unserved judgment, no claim)
    prescrit: bool
    date_acquisition: date | None
    motif: str
    articles: tuple[str, ...]
    point_de_depart: date | None = None
    duree_annees: int | None = None
    titre_l111_4: bool = False
    interruptions: tuple[FaitInterruptif, ...] = ()
    avertissements: tuple[str, ...] = ()

    def en_dict(self) -> dict[str, Any]:
        return {
            "applicable": self.applicable,
            "date_acquisition": _jour(self.date_acquisition),
            "prescrit": self.prescrit,
            "motif": self.motif,
            "articles": list(self.articles),
            "point_de_depart": _jour(self.point_de_depart),
            "duree_annees": self.duree_annees,
            "titre_l111_4": self.titre_l111_4,
            "interruptions": [
                {"date": f.date.isoformat(), "nature": f.nature.value, "libelle": f.libelle}
                for f in self.interruptions
            ],
            "avertissements": list(self.avertissements),
        }


@dataclass(frozen=True)
class Alerte:
    code: str
    gravite: str  # bloquant, attention, information
    message: str
    article: str
    interdit: tuple[str, ...] = ()  # procedure codes this risk forbids

    def en_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "gravite": self.gravite,
            "message": self.message,
            "article": self.article,
            "interdit": list(self.interdit),
        }


@dataclass(frozen=True)
class ActePrevu:
    acte: str
    libelle: str
    cout_ttc: Decimal | None  # None: a tariff figure is unknown on the day (see ``note``)
    note: str = ""

    def en_dict(self) -> dict[str, Any]:
        return {
            "acte": self.acte,
            "libelle": self.libelle,
            "cout_ttc": _montant(self.cout_ttc),
            "note": self.note,
        }


@dataclass(frozen=True)
class Mesure:
    procedure: str  # code of ``clerc procedure plan --lister`` (or declaration_creance)
    libelle: str
    rang: int
    cout_estime: Decimal | None  # None: not computable (a figure is missing) or not tariffed
    actes: tuple[ActePrevu, ...]
    conditions_remplies: tuple[str, ...]
    conditions_manquantes: tuple[str, ...]
    pourquoi: str
    articles: str
    precautions: tuple[str, ...] = ()
    avertissements: tuple[str, ...] = ()

    @property
    def possible(self) -> bool:
        return not self.conditions_manquantes

    def en_dict(self) -> dict[str, Any]:
        return {
            "procedure": self.procedure,
            "libelle": self.libelle,
            "rang": self.rang,
            "possible": self.possible,
            "cout_estime": _montant(self.cout_estime),
            "actes": [a.en_dict() for a in self.actes],
            "conditions_remplies": list(self.conditions_remplies),
            "conditions_manquantes": list(self.conditions_manquantes),
            "precautions": list(self.precautions),
            "pourquoi": self.pourquoi,
            "articles": self.articles,
            "avertissements": list(self.avertissements),
        }


@dataclass(frozen=True)
class FicheAnalyse:
    """The fiche d'analyse of a file at ``au`` (``clerc dossier analyser REF --json``)."""

    dossier: str
    nature: str
    statut: str
    territoire: str
    au: date
    titre: ExamenTitre
    prescription: ExamenPrescription
    decompte: Decompte | None
    decompte_erreur: str | None
    alertes: tuple[Alerte, ...]
    mesures: tuple[Mesure, ...]

    def codes_alertes(self, *gravites: str) -> set[str]:
        """Codes of the alerts (of the given gravities, all when none is given)."""
        return {a.code for a in self.alertes if not gravites or a.gravite in gravites}

    def en_dict(self) -> dict[str, Any]:
        return {
            "dossier": self.dossier,
            "nature": self.nature,
            "statut": self.statut,
            "territoire": self.territoire,
            "au": self.au.isoformat(),
            "titre": self.titre.en_dict(),
            "prescription": self.prescription.en_dict(),
            "decompte": _decompte_en_dict(self.decompte, self.decompte_erreur, self.au),
            "alertes": [a.en_dict() for a in self.alertes],
            "mesures": [m.en_dict() for m in self.mesures],
        }


def _decompte_en_dict(decompte: Decompte | None, erreur: str | None, au: date) -> dict[str, Any]:
    if decompte is None:
        return {"au": au.isoformat(), "erreur": erreur or "Décompte non calculé."}
    return {
        "au": decompte.au.isoformat(),
        "titre": decompte.titre,
        "principal": en_texte(decompte.principal),
        "article_700": en_texte(decompte.article_700),
        "depens": en_texte(decompte.depens),
        "frais": en_texte(decompte.frais),
        "interets_echus": en_texte(decompte.interets_echus),
        "paiements": en_texte(decompte.paiements),
        "total": en_texte(decompte.total),
        "presentation": [
            [libelle, en_texte(valeur)] for libelle, valeur in decompte.presentation_acte()
        ],
        "avertissements": list(decompte.avertissements),
    }


# --- 1. the title ---------------------------------------------------------------------------


def delai_injonction_mois(date_ordonnance: date) -> tuple[int, str]:
    """Months to serve an ordonnance d'injonction de payer, and the article (CPC 1411)."""
    if date_ordonnance >= INJONCTION_TROIS_MOIS_DEPUIS:
        return 3, "CPC 1411 (décret n° 2026-96)"
    return 6, "CPC 1411"


def injonction_non_avenue_le(titre: TitreExamine) -> date:
    """First day an unserved ordonnance d'injonction de payer is non avenue (CPC 1411): the
    day after the last day of the delay (no CPC 642 extension: the earlier end, safe side)."""
    mois, _ = delai_injonction_mois(titre.date_titre)
    return ajouter_mois(titre.date_titre, mois) + timedelta(days=1)


def jugement_non_avenu_le(titre: TitreExamine) -> date:
    """First day a default or réputé contradictoire judgment not served is non avenu (CPC 478:
    not notified within six months of its date)."""
    return ajouter_mois(titre.date_titre, 6) + timedelta(days=1)


def _fin_du_mois_de_recours(depuis: date, mois: int, territoire: str) -> date:
    """Last day of a recourse delay of ``mois`` months from ``depuis`` (CPC 640-642), the later
    possible date when a holiday is uncertain: it runs against the other party."""
    try:
        return delai(depuis, f"{mois} mois", territoire, sens=Sens.ADVERSAIRE).date_retenue
    except DonneeInvalide:  # unknown territory: the Paris calendar
        return delai(depuis, f"{mois} mois", "75", sens=Sens.ADVERSAIRE).date_retenue


def examen_titre(
    titre: TitreExamine | None,
    au: date,
    *,
    territoire: str = "75",
    deces: date | None = None,
    heritiers_signifies_le: date | None = None,
) -> ExamenTitre:
    """Is ``titre`` enforceable at ``au``, from which day, and why (see the module docstring)."""
    if titre is None:
        controle = Controle(
            "titre",
            False,
            "Aucun titre exécutoire : pas d'exécution forcée sans titre exécutoire constatant "
            "une créance liquide et exigible (CPCE L111-2) ; seuls le recouvrement amiable ou "
            "l'obtention d'un titre sont possibles.",
            "CPCE L111-2, L111-3",
            bloquant=True,
        )
        return ExamenTitre(None, "Aucun titre", "CPCE L111-3", False, None, (controle,))
    nature = NATURES_TITRE.get(titre.type)
    if nature is None:
        controle = Controle(
            "type_titre",
            False,
            f"Type de titre « {titre.type} » inconnu : la liste des titres exécutoires est "
            "limitative (CPCE L111-3).",
            "CPCE L111-3",
            bloquant=True,
        )
        return ExamenTitre(titre, titre.type, "CPCE L111-3", False, None, (controle,))
    controles = [
        Controle(
            "type_titre",
            True,
            f"{nature.libelle} du {titre.date_titre.isoformat()} : titre exécutoire "
            f"({nature.article}).",
            nature.article,
        )
    ]
    controles.extend(_formule(titre, nature))
    signifie = titre.date_signification
    if signifie is not None and signifie > au:
        signifie = None  # not yet served on the day of the analysis
    depuis: date | None = titre.date_titre
    if titre.type == "ordonnance_injonction_payer":
        controle_1411, depuis = _injonction(titre, signifie, au, territoire)
        controles.extend(controle_1411)
    elif nature.jugement:
        controles.extend(_signification_jugement(titre, nature, signifie, au))
        depuis = signifie
        if titre.type == "decision_justice" and signifie is not None:
            controle_force, depuis = _force_executoire(titre, signifie, au, territoire)
            controles.append(controle_force)
    else:
        controles.extend(_signification_autre_titre(titre, signifie))
    if deces is not None and deces <= au:
        controle_877, possible = _heritiers(deces, heritiers_signifies_le, au)
        controles.append(controle_877)
        if depuis is not None and possible is not None:
            depuis = max(depuis, possible)
        elif possible is None:
            depuis = None
    executoire = (
        depuis is not None
        and depuis <= au
        and not any(c.conforme is False and c.bloquant for c in controles)
    )
    return ExamenTitre(titre, nature.libelle, nature.article, executoire, depuis, tuple(controles))


def _formule(titre: TitreExamine, nature: NatureTitre) -> list[Controle]:
    if not nature.formule:
        return [
            Controle(
                "formule_executoire",
                True,
                f"Titre exécutoire par lui-même, sans formule exécutoire ({nature.article}).",
                nature.article,
            )
        ]
    if titre.formule_executoire:
        return [
            Controle(
                "formule_executoire",
                True,
                "Expédition revêtue de la formule exécutoire (CPC 502).",
                "CPC 502",
            )
        ]
    if (
        titre.type == "ordonnance_injonction_payer"
        and titre.date_titre < INJONCTION_AVEC_FORMULE_DEPUIS
    ):
        message = (
            "Formule exécutoire non apposée : pour une ordonnance rendue avant le 1er mars 2022, "
            "le créancier la demande au greffe dans le mois qui suit l'expiration du délai "
            "d'opposition, à peine de non-avenu (CPC 1422, 1423 anciens)."
        )
        return [Controle("formule_executoire", False, message, "CPC 1422, 1423", bloquant=True)]
    return [
        Controle(
            "formule_executoire",
            False,
            "Pas d'expédition revêtue de la formule exécutoire : nul jugement, nul acte ne peut "
            "être mis à exécution sans elle (CPC 502).",
            "CPC 502",
            bloquant=True,
        )
    ]


def _injonction(
    titre: TitreExamine, signifie: date | None, au: date, territoire: str
) -> tuple[list[Controle], date | None]:
    """CPC 1411 (service in time), then the opposition delay (CPC 1416, 1422)."""
    mois, article = delai_injonction_mois(titre.date_titre)
    limite = ajouter_mois(titre.date_titre, mois)
    non_avenue = limite + timedelta(days=1)
    tardive = titre.date_signification is not None and titre.date_signification > limite
    if tardive or (signifie is None and au >= non_avenue):
        quand = (
            f"signifiée seulement le {titre.date_signification.isoformat()}"
            if tardive and titre.date_signification is not None
            else "non signifiée"
        )
        message = (
            f"Ordonnance d'injonction de payer du {titre.date_titre.isoformat()} {quand} dans "
            f"les {mois} mois de sa date (au plus tard le {limite.isoformat()}) : elle est non "
            f"avenue depuis le {non_avenue.isoformat()} ({article}) ; il faut présenter une "
            "nouvelle requête (CPC 1405)."
        )
        return [Controle("injonction_non_avenue", False, message, article, bloquant=True)], None
    if signifie is None:
        message = (
            f"Ordonnance d'injonction de payer du {titre.date_titre.isoformat()} non encore "
            f"signifiée : à signifier au plus tard le {limite.isoformat()}, sinon elle est non "
            f"avenue ({article}) ; aucune exécution avant la signification (CPC 503)."
        )
        return [Controle("injonction_a_signifier", False, message, article, bloquant=True)], None
    controles = [
        Controle(
            "injonction_1411",
            True,
            f"Ordonnance signifiée le {signifie.isoformat()}, dans les {mois} mois de sa date "
            f"({article}).",
            article,
        )
    ]
    if titre.date_force_executoire is not None:
        controles.append(
            Controle(
                "force_executoire",
                True,
                f"Absence d'opposition constatée le {titre.date_force_executoire.isoformat()} : "
                "l'ordonnance produit tous les effets d'un jugement contradictoire (CPC 1422).",
                "CPC 1422",
            )
        )
        return controles, max(titre.date_force_executoire, signifie)
    if titre.date_titre >= INJONCTION_TROIS_MOIS_DEPUIS:
        fin = _fin_du_mois_de_recours(signifie, 2, territoire)
        article_delai = "CPC 1416, 1422 (décret n° 2026-96)"
        regle = "deux mois après la signification sans avis d'opposition du greffe"
    else:
        fin = _fin_du_mois_de_recours(signifie, 1, territoire)
        article_delai = "CPC 1416, 1422"
        regle = "à l'expiration du mois d'opposition qui suit la signification"
    depuis = fin + timedelta(days=1)
    if depuis > au:
        controles.append(
            Controle(
                "force_executoire",
                False,
                f"Délai d'opposition en cours jusqu'au {fin.isoformat()} : l'ordonnance n'est "
                f"exécutoire qu'{regle}, soit le {depuis.isoformat()} ({article_delai}).",
                article_delai,
                bloquant=True,
            )
        )
    else:
        controles.append(
            Controle(
                "force_executoire",
                True,
                f"Délai d'opposition expiré le {fin.isoformat()} ({article_delai}) : vérifier "
                "auprès du greffe qu'aucune opposition n'a été formée.",
                article_delai,
            )
        )
    return controles, depuis


def _signification_jugement(
    titre: TitreExamine, nature: NatureTitre, signifie: date | None, au: date
) -> list[Controle]:
    controles: list[Controle] = []
    defaut = titre.type == "decision_justice" and titre.contradictoire is False
    if defaut:
        limite = ajouter_mois(titre.date_titre, 6)
        tardive = titre.date_signification is not None and titre.date_signification > limite
        if tardive or (signifie is None and au > limite):
            controles.append(
                Controle(
                    "jugement_478",
                    False,
                    f"Jugement par défaut ou réputé contradictoire du "
                    f"{titre.date_titre.isoformat()} non notifié dans les six mois de sa date "
                    f"(au plus tard le {limite.isoformat()}) : il est non avenu (CPC 478) ; "
                    "l'instance est à recommencer.",
                    "CPC 478",
                    bloquant=True,
                )
            )
            return controles
        if signifie is None:
            controles.append(
                Controle(
                    "jugement_478",
                    None,
                    f"Jugement par défaut ou réputé contradictoire : à signifier au plus tard le "
                    f"{limite.isoformat()}, sinon il est non avenu (CPC 478).",
                    "CPC 478",
                )
            )
    if signifie is None:
        controles.append(
            Controle(
                "signification",
                False,
                f"{nature.libelle} du {titre.date_titre.isoformat()} non signifiée : un jugement "
                "ne peut être exécuté contre celui auquel il est opposé qu'après lui avoir été "
                "notifié (CPC 503).",
                "CPC 503",
                bloquant=True,
            )
        )
    else:
        controles.append(
            Controle(
                "signification",
                True,
                f"Titre signifié le {signifie.isoformat()} (CPC 503).",
                "CPC 503",
            )
        )
    return controles


def _signification_autre_titre(titre: TitreExamine, signifie: date | None) -> list[Controle]:
    controles: list[Controle] = []
    if titre.type == "titre_petites_creances":
        controles.append(
            Controle(
                "commissaire_delivrant",
                None,
                "Le commissaire de justice qui a délivré ce titre ne peut pas en poursuivre "
                "l'exécution (CPCE L125-1) : vérifier qu'il n'est pas de l'étude.",
                "CPCE L125-1",
            )
        )
    if titre.type == "titre_creance_commerciale":
        controles.append(
            Controle(
                "titre_provisoire",
                None,
                "Procédure des créances commerciales incontestées récente (loi du 23 avril 2026) : "
                "vérifier les textes d'application avant d'exécuter (CPCE L126-1).",
                "CPCE L126-1",
            )
        )
    if signifie is not None:
        controles.append(
            Controle(
                "signification",
                True,
                f"Titre signifié le {signifie.isoformat()}.",
                "CPCE R221-1",
            )
        )
    elif titre.type not in {"titre_petites_creances", "titre_creance_commerciale"}:
        controles.append(
            Controle(
                "signification",
                None,
                "Titre non encore signifié : le notifier avec le premier acte d'exécution "
                "(commandement : CPCE R221-1) ou, par prudence, le signifier d'abord.",
                "CPCE R221-1",
            )
        )
    return controles


def _force_executoire(
    titre: TitreExamine, signifie: date, au: date, territoire: str
) -> tuple[Controle, date]:
    """When a served judgment may be enforced: at once with provisional execution or in last
    resort, else once the appeal (or opposition) month has run (CPC 538, 539)."""
    if titre.date_force_executoire is not None:
        depuis = max(titre.date_force_executoire, signifie)
        return (
            Controle(
                "force_executoire",
                True,
                f"Caractère exécutoire établi le {titre.date_force_executoire.isoformat()} "
                "(certificat de non-appel ou de non-opposition, CPC 504, 505).",
                "CPC 504, 505",
            ),
            depuis,
        )
    provisoire: Controle | None = None
    ep = titre.execution_provisoire
    if ep == "ordonnee":
        provisoire = Controle(
            "force_executoire",
            True,
            "Exécution provisoire ordonnée par la décision : exécutoire dès sa signification "
            "(CPC 514-1, 515 ancien).",
            "CPC 514-1",
        )
    elif ep == "de_droit":
        saisine = titre.date_saisine
        if saisine is not None and saisine >= EXECUTION_PROVISOIRE_DE_DROIT_DEPUIS:
            provisoire = Controle(
                "force_executoire",
                True,
                f"Exécution provisoire de droit : instance introduite le {saisine.isoformat()}, "
                "depuis le 1er janvier 2020 (CPC 514 ; décret n° 2019-1333, art. 55).",
                "CPC 514",
            )
    if provisoire is not None:
        return provisoire, signifie
    if titre.premier_ressort is False and titre.contradictoire is not False:
        return (
            Controle(
                "force_executoire",
                True,
                "Jugement contradictoire en dernier ressort : le pourvoi en cassation n'est pas "
                "suspensif (CPC 579), exécutoire dès sa signification.",
                "CPC 579",
            ),
            signifie,
        )
    recours = "d'opposition" if titre.premier_ressort is False else "d'appel"
    pourquoi = "sans exécution provisoire"
    if ep == "de_droit":
        if titre.date_saisine is None:
            pourquoi = (
                "exécution provisoire « de droit » non vérifiable faute de date de saisine (elle "
                "ne vaut que pour les instances introduites depuis le 1er janvier 2020, CPC 514)"
            )
        else:
            pourquoi = (
                f"instance introduite le {titre.date_saisine.isoformat()}, avant le 1er janvier "
                "2020 : pas d'exécution provisoire de droit, elle devait être ordonnée (CPC 514 ; "
                "décret n° 2019-1333, art. 55)"
            )
    elif ep == "ecartee":
        pourquoi = "exécution provisoire écartée (CPC 514-1)"
    fin = _fin_du_mois_de_recours(signifie, 1, territoire)
    depuis = fin + timedelta(days=1)
    note = ""
    if territoire in OUTRE_MER:
        note = " Délai augmenté d'un mois pour une partie demeurant hors du territoire (CPC 644)."
    if depuis > au:
        return (
            Controle(
                "force_executoire",
                False,
                f"Jugement {pourquoi} : exécutoire seulement à l'expiration du délai {recours} "
                f"d'un mois suivant sa signification, suspensif (CPC 538, 539), le "
                f"{fin.isoformat()} ; aucune mesure d'exécution avant le {depuis.isoformat()}."
                + note,
                "CPC 538, 539",
                bloquant=True,
            ),
            depuis,
        )
    return (
        Controle(
            "force_executoire",
            True,
            f"Jugement {pourquoi} : délai {recours} expiré le {fin.isoformat()} (CPC 538) ; se "
            "munir du certificat de non-appel pour les tiers (CPC 504, 505)." + note,
            "CPC 538, 504, 505",
        ),
        depuis,
    )


def _heritiers(
    deces: date, signifie_aux_heritiers: date | None, au: date
) -> tuple[Controle, date | None]:
    """C. civ. 877: enforceable against the heirs eight days after service to them."""
    if signifie_aux_heritiers is None:
        return (
            Controle(
                "heritiers",
                False,
                f"Débiteur décédé le {deces.isoformat()} : le titre n'est exécutoire contre ses "
                "héritiers que huit jours après leur avoir été signifié (C. civ. 877) ; "
                "signification aux héritiers non enregistrée.",
                "C. civ. 877",
                bloquant=True,
            ),
            None,
        )
    possible = signifie_aux_heritiers + timedelta(days=9)  # eight clear days
    if au < possible:
        return (
            Controle(
                "heritiers",
                False,
                f"Titre signifié aux héritiers le {signifie_aux_heritiers.isoformat()} : pas "
                f"d'exécution contre eux avant le {possible.isoformat()} (C. civ. 877).",
                "C. civ. 877",
                bloquant=True,
            ),
            possible,
        )
    return (
        Controle(
            "heritiers",
            True,
            f"Titre signifié aux héritiers le {signifie_aux_heritiers.isoformat()}, plus de huit "
            "jours avant (C. civ. 877).",
            "C. civ. 877",
        ),
        possible,
    )


# --- 2. prescription ------------------------------------------------------------------------


def faits_interruptifs(
    actes: Sequence[ActeFait], paiements: Sequence[PaiementRecu]
) -> tuple[FaitInterruptif, ...]:
    """The acts and payments of a file that interrupt the prescription (module docstring)."""
    faits = [
        FaitInterruptif(a.date, Nature.ACTE_EXECUTION, a.libelle or str(a.code))
        for a in actes
        if a.code in ACTES_INTERRUPTIFS
    ]
    faits.extend(
        FaitInterruptif(
            p.date, Nature.PAIEMENT_PARTIEL, f"Paiement du débiteur de {format_euros(p.montant)}"
        )
        for p in paiements
        if p.origine == "debiteur" and p.montant > 0
    )
    return tuple(sorted(faits, key=lambda f: f.date))


def examen_prescription(
    titre: TitreExamine | None,
    au: date,
    faits: Sequence[FaitInterruptif] = (),
    *,
    executoire_depuis: date | None = None,
    date_creance: date | None = None,
    titre_non_avenu: bool = False,
    instance_le: date | None = None,
) -> ExamenPrescription:
    """Until when the title (or, without title, the claim) may be enforced, and whether that
    day is past at ``au`` (C. civ. 2229: acquired once its last day is completed).

    ``titre_non_avenu``: the title fell (CPC 478, 1411): no enforcement period at all.
    ``instance_le``: a claim without title brought to court on that day (assignation): the
    interruption lasts until the proceedings end (C. civ. 2241, 2242)."""
    avertissements: list[str] = []
    nature = NATURES_TITRE.get(titre.type) if titre is not None else None
    if titre is not None and titre_non_avenu:
        return ExamenPrescription(
            False,
            False,
            None,
            f"Titre du {titre.date_titre.isoformat()} non avenu : il ne peut plus être exécuté ; "
            "la créance elle-même se prescrit par son propre délai, l'effet interruptif de la "
            "demande en justice étant à vérifier (C. civ. 2241, 2243).",
            ("CPC 478", "CPC 1411", "C. civ. 2241", "C. civ. 2243"),
        )
    if titre is None or nature is None:
        if date_creance is None:
            return ExamenPrescription(
                False,
                False,
                None,
                "Aucune créance en principal : prescription non calculée.",
                ("C. civ. 2224",),
            )
        if instance_le is not None and date_creance <= instance_le <= au:
            return ExamenPrescription(
                True,
                False,
                None,
                f"Créance sans titre exécutoire, en justice depuis l'assignation du "
                f"{instance_le.isoformat()} : la prescription est interrompue jusqu'à "
                "l'extinction de l'instance (C. civ. 2241, 2242) ; un nouveau délai courra de la "
                "décision (CPCE L111-4).",
                ("C. civ. 2241", "C. civ. 2242", "CPCE L111-4"),
                point_de_depart=date_creance,
            )
        genre = TitrePrescription.AUTRE
        depart = date_creance
        objet = "Créance sans titre exécutoire"
    else:
        genre = nature.prescription
        objet = f"{nature.libelle} du {titre.date_titre.isoformat()}"
        if genre in TITRES_L111_4 and nature.jugement:
            signifie = titre.date_signification
            if signifie is None or signifie > au:
                return ExamenPrescription(
                    False,
                    False,
                    None,
                    f"{objet} non signifiée : le délai de dix ans pour l'exécuter ne court pas "
                    "encore (CPCE L111-4 ; Cass. 2e civ., 5 oct. 2023, n° 20-23.523).",
                    ("CPCE L111-4", "Cass. 2e civ., 5 oct. 2023, n° 20-23.523"),
                    titre_l111_4=True,
                )
            force = executoire_depuis or titre.date_force_executoire or signifie
            depart = point_de_depart_titre_juridictionnel(force, signifie)
        else:
            depart = titre.date_titre  # the earliest possible start (safe side)
    l111_4 = genre in TITRES_L111_4
    if not l111_4:
        avertissements.append(
            "Prescription de la créance elle-même, prise à cinq ans (C. civ. 2224) depuis "
            f"le {depart.isoformat()} : un délai propre plus court peut s'appliquer (deux ans "
            "d'un professionnel contre un consommateur, C. consom. L218-2 ; trois ans pour un "
            "bail d'habitation, loi n° 89-462 art. 7-1)."
        )
    retenus = [
        Evenement(f.nature, f.date, libelle=f.libelle) for f in faits if depart <= f.date <= au
    ]
    calcul: Prescription = prescription(genre, depart, evenements=retenus)
    avertissements.extend(calcul.avertissements)
    acquise = calcul.date_acquisition
    prescrit = au > acquise
    interruptions = tuple(f for f in faits if depart <= f.date <= au)
    derniere = (
        f" ; dernière interruption le {interruptions[-1].date.isoformat()} "
        f"({interruptions[-1].libelle}, {_article_fait(interruptions[-1])})"
        if interruptions
        else " ; aucun acte d'exécution ni paiement du débiteur depuis"
    )
    if prescrit:
        etat = f"prescrit depuis le {(acquise + timedelta(days=1)).isoformat()}"
    else:
        etat = f"exécution possible jusqu'au {acquise.isoformat()} inclus"
    motif = (
        f"{objet} : délai de {calcul.duree_annees} ans ({calcul.article_duree}) courant du "
        f"{depart.isoformat()}{derniere} ; {etat}."
    )
    return ExamenPrescription(
        True,
        prescrit,
        acquise,
        motif,
        calcul.references,
        point_de_depart=depart,
        duree_annees=calcul.duree_annees,
        titre_l111_4=l111_4,
        interruptions=interruptions,
        avertissements=tuple(dict.fromkeys(avertissements)),
    )


def _article_fait(fait: FaitInterruptif) -> str:
    return "C. civ. 2240" if fait.nature is Nature.PAIEMENT_PARTIEL else "C. civ. 2244"


# --- 3. alerts ------------------------------------------------------------------------------


def _liste(noms: Sequence[str]) -> str:
    return ", ".join(noms) if noms else "non identifiés"


def alertes(
    d: DossierExamine, au: date, titre: ExamenTitre, presc: ExamenPrescription
) -> tuple[Alerte, ...]:
    """The risks of the file at ``au``, most serious first (module docstring, 3)."""
    resultat: list[Alerte] = []
    ajouter = resultat.append
    resultat.extend(_alertes_titre(d, au, titre))
    resultat.extend(_alertes_prescription(d, au, presc))
    for debiteur in d.debiteurs:
        resultat.extend(_alertes_debiteur(debiteur, au))
    resultat.extend(_alertes_expulsion(d, au))
    resultat.extend(_alertes_territoire(d))
    resultat.extend(_alertes_procedures(d, au))
    alerte_535 = _alerte_saisie_vente(d)
    if alerte_535 is not None:
        ajouter(alerte_535)
    resultat.extend(_alertes_fonds(d, au))
    if d.en_cours and d.decompte is not None and d.decompte.total <= 0:
        ajouter(
            Alerte(
                "creance_soldee",
                "information",
                f"Rien ne reste dû au {au.isoformat()} (décompte) : reverser les fonds détenus "
                "puis clôturer le dossier.",
                "C. civ. 1342",
                MESURES_FORCEES,
            )
        )
    if d.statut == "suspendu":
        ajouter(
            Alerte(
                "dossier_suspendu",
                "information",
                "Dossier suspendu : vérifier le motif de la suspension avant tout acte.",
                "",
            )
        )
    ordre = {gravite: rang for rang, gravite in enumerate(GRAVITES)}
    return tuple(sorted(resultat, key=lambda a: ordre[a.gravite]))


def _actes_d_execution_faits(d: DossierExamine, avant: date | None) -> list[ActeFait]:
    return [
        a
        for a in d.actes
        if (a.code in ACTES_INTERRUPTIFS or a.code in ACTES_SAISIE_VENTE)
        and (avant is None or a.date < avant)
    ]


# A failed check of the title -> (alert code, gravity, article when not the check's own).
_ALERTES_DES_CONTROLES: dict[str, tuple[str, str, str | None]] = {
    "injonction_non_avenue": ("injonction_non_signifiee_6_mois", "bloquant", None),
    "injonction_a_signifier": ("injonction_a_signifier", "attention", None),
    "jugement_478": ("jugement_non_avenu", "bloquant", "CPC 478"),
    "formule_executoire": ("formule_executoire_absente", "bloquant", None),
    "type_titre": ("titre_inconnu", "bloquant", "CPCE L111-3"),
    "force_executoire": ("titre_pas_encore_executoire", "attention", None),
}


def _alertes_titre(d: DossierExamine, au: date, examen: ExamenTitre) -> list[Alerte]:
    titre = examen.titre
    if titre is None:
        return []
    resultat: list[Alerte] = []
    for controle in examen.controles:
        if controle.conforme is not False:
            continue
        if controle.code == "signification":
            code = "jugement_non_signifie" if titre.type in JUGEMENTS else "titre_non_signifie"
            faits = _actes_d_execution_faits(d, None)
            message = controle.message
            if faits:
                liste = "; ".join(f"{a.libelle or a.code} le {a.date.isoformat()}" for a in faits)
                message += (
                    f" Actes d'exécution déjà faits sans signification préalable ({liste}) : "
                    "exposés à la nullité ; signifier le jugement puis renouveler la mesure."
                )
            resultat.append(Alerte(code, "bloquant", message, "CPC 503", MESURES_FORCEES))
        elif controle.code in _ALERTES_DES_CONTROLES:
            code, gravite, article = _ALERTES_DES_CONTROLES[controle.code]
            resultat.append(
                Alerte(
                    code, gravite, controle.message, article or controle.article, MESURES_FORCEES
                )
            )
    return resultat


def _alertes_prescription(d: DossierExamine, au: date, presc: ExamenPrescription) -> list[Alerte]:
    if not presc.applicable or presc.date_acquisition is None:
        return []
    article = "CPCE L111-4" if presc.titre_l111_4 else "C. civ. 2224"
    interdit = MESURES_FORCEES  # a voluntary payment stays possible (C. civ. 2249)
    if presc.prescrit:
        if not d.en_cours:
            return [
                Alerte(
                    "prescription_acquise_dossier_clos",
                    "information",
                    f"Dossier clos ; prescription acquise le {presc.date_acquisition.isoformat()} "
                    f"({article}) : une réouverture ne permettrait plus d'exécuter.",
                    article,
                    interdit,
                )
            ]
        if d.titre is not None and presc.titre_l111_4:
            return [
                Alerte(
                    "titre_prescrit",
                    "bloquant",
                    f"Titre prescrit : {presc.motif} Aucune mesure d'exécution ne peut plus être "
                    "engagée (CPCE L111-4) ; les intérêts ne sont exigibles que sur les cinq "
                    "dernières années (C. civ. 2224).",
                    article,
                    interdit,
                )
            ]
        return [
            Alerte(
                "creance_prescrite",
                "attention",
                f"Créance vraisemblablement prescrite : {presc.motif} Le débiteur peut opposer "
                "la prescription (C. civ. 2247) ; vérifier le délai propre à la créance.",
                article,
                interdit,
            )
        ]
    if d.en_cours and presc.date_acquisition <= ajouter_mois(au, 6):
        return [
            Alerte(
                "prescription_prochaine",
                "attention",
                f"Prescription acquise le {presc.date_acquisition.isoformat()} ({article}) : "
                "l'interrompre d'ici là par un acte d'exécution forcée (C. civ. 2244).",
                article,
            )
        ]
    return []


def _alertes_debiteur(debiteur: DebiteurExamine, au: date) -> list[Alerte]:
    resultat: list[Alerte] = []
    nom = debiteur.designation
    actives = [p for p in debiteur.protections if p.active_au(au)]
    natures = {p.nature for p in actives}
    for protection in actives:
        depuis = protection.depuis.isoformat() if protection.depuis else "une date inconnue"
        organe = f" ({protection.organe})" if protection.organe else ""
        if protection.nature in PROCEDURES_COLLECTIVES:
            article = PROCEDURES_COLLECTIVES[protection.nature]
            libelle = {
                "procedure_sauvegarde": "en procédure de sauvegarde",
                "redressement_judiciaire": "en redressement judiciaire",
                "liquidation_judiciaire": "en liquidation judiciaire",
            }[protection.nature]
            mandataire = debiteur.representants_de("liquidateur", "mandataire_judiciaire")
            aupres = protection.organe or _liste(mandataire)
            resultat.append(
                Alerte(
                    protection.nature,
                    "bloquant",
                    f"{nom} est {libelle} depuis le jugement du {depuis}"
                    f"{' (' + protection.juridiction + ')' if protection.juridiction else ''} : "
                    "le jugement d'ouverture arrête et interdit toute procédure d'exécution des "
                    f"créanciers antérieurs ({article}) et le paiement des créances antérieures "
                    "(C. com. L622-7) ; déclarer la créance au mandataire judiciaire ou au "
                    f"liquidateur ({aupres}) dans les deux mois de la publication au BODACC "
                    "(C. com. L622-24, R622-24).",
                    article,
                    (*MESURES_FORCEES, RECOUVREMENT_AMIABLE),
                )
            )
        elif protection.nature in SURENDETTEMENT:
            article = SURENDETTEMENT[protection.nature]
            quoi = (
                "son dossier de surendettement a été déclaré recevable"
                if protection.nature == "surendettement_recevabilite"
                else "des mesures de traitement de son surendettement lui sont opposables"
            )
            resultat.append(
                Alerte(
                    "surendettement",
                    "bloquant",
                    f"{nom} : {quoi} le {depuis}{organe} : les procédures d'exécution sur ses "
                    f"biens sont suspendues et interdites ({article}) ; il lui est interdit de "
                    "payer les créances antérieures ; déclarer la créance à la commission.",
                    article,
                    (*MESURES_SUR_LES_BIENS, RECOUVREMENT_AMIABLE),
                )
            )
        elif protection.nature == "retablissement_personnel":
            resultat.append(
                Alerte(
                    "retablissement_personnel",
                    "bloquant",
                    f"{nom} : rétablissement personnel prononcé le {depuis} : ses dettes non "
                    "professionnelles sont effacées (C. consom. L741-2) ; plus aucune poursuite, "
                    "clôturer le dossier après vérification de la décision.",
                    "C. consom. L741-2",
                    (*MESURES_FORCEES, RECOUVREMENT_AMIABLE),
                )
            )
        elif protection.nature in MAJEURS_PROTEGES:
            role, article = MAJEURS_PROTEGES[protection.nature]
            representants = debiteur.representants_de("tuteur", "curateur", "representant_legal")
            qui = protection.organe or _liste(representants)
            regle = {
                "tutelle": "le majeur en tutelle est représenté par son tuteur (C. civ. 473, 475) "
                ": les actes sont signifiés au tuteur",
                "habilitation_familiale": "la personne habilitée le représente (C. civ. 494-1) "
                ": signifier les actes à la personne habilitée",
            }.get(
                protection.nature,
                "toute signification faite au majeur en curatelle doit l'être aussi au "
                "curateur, à peine de nullité (C. civ. 467)",
            )
            resultat.append(
                Alerte(
                    "majeur_protege",
                    "attention",
                    f"{nom} est sous {protection.nature.replace('_', ' ')} depuis le {depuis} "
                    f"({role} : {qui}) : {regle}.",
                    article,
                )
            )
        elif protection.nature == "sauvegarde_de_justice":
            resultat.append(
                Alerte(
                    "sauvegarde_de_justice",
                    "information",
                    f"{nom} est sous sauvegarde de justice depuis le {depuis} : il conserve "
                    "l'exercice de ses droits (C. civ. 435) ; vérifier qu'aucun mandataire spécial "
                    "n'a été désigné.",
                    "C. civ. 435",
                )
            )
    deces = debiteur.decede_le
    if deces is None and "deces" in natures:
        deces = next(p.depuis for p in actives if p.nature == "deces")
    if (deces is not None and deces <= au) or "deces" in natures:
        quand = f"le {deces.isoformat()}" if deces else "(date inconnue)"
        heritiers = debiteur.representants_de("heritier")
        accord = "décédée" if nom.startswith("Madame") else "décédé"
        resultat.append(
            Alerte(
                "debiteur_decede",
                "bloquant",
                f"{nom} est {accord} {quand} : le titre n'est exécutoire contre les héritiers "
                f"({_liste(heritiers)}) que huit jours après leur avoir été signifié (C. civ. "
                "877) ; aucune mesure contre le défunt ; vérifier l'option des héritiers.",
                "C. civ. 877",
                MESURES_FORCEES,
            )
        )
    return resultat


def _alertes_expulsion(d: DossierExamine, au: date) -> list[Alerte]:
    resultat: list[Alerte] = []
    expulse = [a.date for a in d.actes if a.code == "pv_expulsion"]
    for programmee in d.expulsions:
        if any(jour >= programmee.programmee_le for jour in expulse):
            continue  # carried out since
        try:
            periode = treve_hivernale(programmee.date_prevue)
        except ErreurClerc:
            continue
        if periode is None:
            continue
        passe = programmee.date_prevue < au
        resultat.append(
            Alerte(
                "treve_hivernale",
                "bloquant",
                f"Expulsion programmée le {programmee.date_prevue.isoformat()}, pendant la trêve "
                f"hivernale (du {periode.debut.isoformat()} au {periode.fin.isoformat()}) : "
                "aucune expulsion d'un local d'habitation ne peut y être exécutée, sauf "
                "relogement assuré (CPCE L412-6) ; "
                + ("elle n'a pu avoir lieu : la reprogrammer" if passe else "la reprogrammer")
                + f" à partir du {periode.reprise_le.isoformat()}.",
                "CPCE L412-6",
                (EXPULSION,),
            )
        )
    if d.nature == "expulsion" and d.en_cours and not expulse and not resultat:
        try:
            periode = treve_hivernale(au)
        except ErreurClerc:
            periode = None
        if periode is not None:
            resultat.append(
                Alerte(
                    "treve_hivernale_en_cours",
                    "information",
                    f"Trêve hivernale en cours jusqu'au {periode.fin.isoformat()} : l'expulsion "
                    f"ne pourra être exécutée qu'à partir du {periode.reprise_le.isoformat()}, "
                    "sauf relogement assuré (CPCE L412-6).",
                    "CPCE L412-6",
                    (EXPULSION,),
                )
            )
    return resultat


def _alertes_territoire(d: DossierExamine) -> list[Alerte]:
    departements = [d.territoire] + [x.departement for x in d.debiteurs if x.departement]
    alsace = sorted({x for x in departements if x in ALSACE_MOSELLE})
    resultat: list[Alerte] = []
    if alsace:
        resultat.append(
            Alerte(
                "alsace_moselle",
                "attention",
                f"Dossier relevant de l'Alsace-Moselle (département {', '.join(alsace)}) : le "
                "26 décembre et, dans les communes ayant un temple protestant ou une église "
                "mixte, le Vendredi saint sont fériés (C. trav. L3134-13), ce qui proroge les "
                "délais (CPC 642) ; droit local pour les titres (CPCE L111-5) et la saisie "
                "immobilière (livre foncier, loi du 1er juin 1924).",
                "C. trav. L3134-13 ; CPC 642 ; CPCE L111-5",
            )
        )
    outre_mer = sorted({x for x in departements if x in OUTRE_MER})
    if outre_mer:
        resultat.append(
            Alerte(
                "outre_mer",
                "information",
                f"Dossier d'outre-mer ({', '.join(outre_mer)}) : jours fériés locaux (loi n° "
                "83-550, abolition de l'esclavage), délais de recours augmentés d'un mois pour "
                "les parties demeurant hors du territoire (CPC 643, 644), émoluments majorés "
                "(C. com. A444-10).",
                "CPC 643, 644 ; C. com. A444-10",
            )
        )
    return resultat


def _alerte_saisie_vente(d: DossierExamine) -> Alerte | None:
    """CPCE L221-2, R221-2: a saisie-vente in the dwelling for less than the threshold."""
    if d.principal is None or not d.debiteurs or not d.debiteurs[0].personne_physique:
        return None
    pv = [a for a in d.actes if a.code in ACTES_SAISIE_VENTE]
    commandements = [a for a in d.actes if a.code == "commandement_saisie_vente"]
    faits = pv or commandements
    if not faits:
        return None
    jour = faits[-1].date
    if not saisie_vente_subsidiaire(d.principal, jour):
        return None
    seuil = format_euros(seuil_subsidiarite(jour))
    if pv:
        return Alerte(
            "creance_inferieure_535",
            "bloquant",
            f"Saisie-vente pratiquée le {jour.isoformat()} pour une créance de "
            f"{format_euros(d.principal)} en principal, inférieure à {seuil} : au domicile du "
            "débiteur, elle n'est possible que sur autorisation du juge de l'exécution ou si une "
            "saisie sur compte ou sur rémunérations est impossible (CPCE L221-2, R221-2) ; à "
            "défaut, elle est exposée à la nullité.",
            "CPCE L221-2, R221-2",
            (SAISIE_VENTE,),
        )
    return Alerte(
        "creance_inferieure_535",
        "attention",
        f"Commandement aux fins de saisie-vente du {jour.isoformat()} pour une créance de "
        f"{format_euros(d.principal)} en principal, inférieure à {seuil} : il doit porter les "
        "mentions de l'article R221-3, et la saisie au domicile n'est possible qu'après échec "
        "d'une saisie sur compte ou sur rémunérations ou sur autorisation du juge (CPCE L221-2, "
        "R221-2).",
        "CPCE L221-2, R221-2, R221-3",
        (SAISIE_VENTE,),
    )


def _alertes_fonds(d: DossierExamine, au: date) -> list[Alerte]:
    en_retard = [f for f in d.fonds if f.en_retard(au)]
    a_venir = [f for f in d.fonds if not f.en_retard(au)]
    resultat: list[Alerte] = []
    if en_retard:
        detail = " ; ".join(
            f"{format_euros(f.restant)} reçus le {f.encaissement.date.isoformat()}, à reverser "
            f"au plus tard le {f.date_limite.isoformat()} ({f.regle})"
            for f in en_retard
        )
        resultat.append(
            Alerte(
                "fonds_detenus_trop_longtemps",
                "attention",
                f"Fonds détenus au-delà du délai de reversement au créancier : {detail}. Les "
                "reverser sans délai (C. com. R444-56 ; manquement disciplinaire).",
                "C. com. R444-56",
            )
        )
    if a_venir:
        detail = " ; ".join(
            f"{format_euros(f.restant)} avant le {f.date_limite.isoformat()}" for f in a_venir
        )
        resultat.append(
            Alerte(
                "fonds_a_reverser",
                "information",
                f"Fonds détenus pour le créancier, à reverser dans le délai : {detail} "
                "(C. com. R444-56).",
                "C. com. R444-56",
            )
        )
    return resultat


# --- 4. measures ----------------------------------------------------------------------------

# Alerts already expressed by a guard or a check of the title in a measure's conditions.
_ALERTES_COUVERTES = frozenset(
    {
        "liquidation_judiciaire", "redressement_judiciaire", "procedure_sauvegarde",
        "surendettement", "debiteur_decede", "jugement_non_signifie", "titre_non_signifie",
        "jugement_non_avenu", "injonction_non_signifiee_6_mois", "injonction_a_signifier",
        "formule_executoire_absente", "titre_pas_encore_executoire", "titre_prescrit",
        "creance_prescrite", "creance_inferieure_535", "creance_soldee",
        "prescription_acquise_dossier_clos",
    }
)  # fmt: skip
# Checks of the title already expressed by a guard (titre_executoire, titre_signifie, heritiers).
_CONTROLES_COUVERTS = frozenset({"formule_executoire", "signification", "heritiers", "titre"})


@dataclass(frozen=True)
class _Candidate:
    code: str
    libelle: str
    priorite: int
    actes: tuple[str, ...]
    gardes: tuple[str, ...]
    pourquoi: str
    articles: str
    forcee: bool = True  # a measure of forced execution (needs the title)
    manquantes: tuple[str, ...] = ()
    precautions: tuple[str, ...] = ()
    notes_cout: tuple[str, ...] = ()
    tarifee: bool = True  # False: no tariffed act (cost not estimated)
    situation: Situation | None = None  # overrides the file's (saisie-vente: dwelling)
    repetitions: int = 1  # service to several heirs


def situation_du_dossier(d: DossierExamine) -> Situation:
    """The guards' view of the file when the office did not give it."""
    if d.situation is not None:
        return d.situation
    risques: set[str] = set()
    for debiteur in d.debiteurs:
        for protection in debiteur.protections:
            if protection.nature in PROCEDURES_COLLECTIVES:
                risques.add("procedure_collective")
            elif protection.nature in SURENDETTEMENT:
                risques.add("surendettement")
            elif protection.nature == "deces":
                risques.add("deces")
        if debiteur.decede_le is not None:
            risques.add("deces")
    titre = d.titre
    return Situation(
        titre_executoire=bool(titre is not None and titre.formule_executoire)
        if titre is not None or d.nature != "amiable"
        else None,
        titre_signifie_le=titre.date_signification if titre else None,
        principal=d.principal,
        risques=frozenset(risques),
        titre_signifie_aux_heritiers_le=d.titre_signifie_aux_heritiers_le,
    )


def _cout(
    codes: Sequence[str], d: DossierExamine, au: date, repetitions: int = 1
) -> tuple[Decimal | None, tuple[ActePrevu, ...], tuple[str, ...]]:
    """Expected cost of the acts at ``au`` (regulated tariff); None when a figure is unknown."""
    territoire = d.territoire if d.territoire in TERRITOIRES_TARIF_OUTRE_MER else "metropole"
    dep_deja = d.dep_deja_percu
    total: Decimal | None = ZERO
    prevus: list[ActePrevu] = []
    avertissements: list[str] = []
    for code in codes:
        for _ in range(repetitions):
            try:
                cout = tarif.cout_acte(
                    code, au, d.principal, dep_deja_percu=dep_deja, territoire=territoire
                )
            except ErreurClerc as erreur:
                libelle = tarif.acte(code).libelle if code in tarif.ACTES else code
                prevus.append(ActePrevu(code, libelle, None, str(erreur)))
                total = None
                continue
            dep_deja = dep_deja or cout.dep_ht > 0
            note = (
                f"dont droit d'engagement des poursuites {cout.dep_ht} € HT" if cout.dep_ht else ""
            )
            prevus.append(ActePrevu(code, cout.libelle, cout.total_ttc, note))
            avertissements.extend(cout.avertissements)
            if total is not None:
                total += cout.total_ttc
    return total, tuple(prevus), tuple(dict.fromkeys(avertissements))


_GARDES_SI_PERTINENTES = frozenset({"heritiers", "subsidiarite_saisie_vente"})


def _pertinente(cle: str, s: Situation) -> bool:
    if cle == "heritiers":
        return "deces" in s.risques
    return s.local_habitation is not False and s.principal is not None


def _conditions(
    candidate: _Candidate,
    situation: Situation,
    au: date,
    examen: ExamenTitre,
    presc: ExamenPrescription,
    alertes_: Sequence[Alerte],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    remplies: list[str] = []
    manquantes: list[str] = []
    s = candidate.situation or situation
    for cle in candidate.gardes:
        garde = GARDES.get(cle)
        if garde is None:  # a guard renamed by the procedures engine: not checked here
            continue
        raison = garde.verifier(s, au)
        if raison is None:
            if cle in _GARDES_SI_PERTINENTES and not _pertinente(cle, s):
                continue  # met only because it does not apply (no deceased debtor...)
            remplies.append(garde.libelle)
        else:
            manquantes.append(raison)
    if candidate.forcee:
        for controle in examen.bloquants():
            if controle.code not in _CONTROLES_COUVERTS:
                manquantes.append(controle.message)
        if not presc.prescrit and presc.applicable and presc.date_acquisition is not None:
            remplies.append(
                f"titre non prescrit (exécution possible jusqu'au "
                f"{presc.date_acquisition.isoformat()})"
            )
    for alerte in alertes_:
        if (
            alerte.gravite == "bloquant"
            and candidate.code in alerte.interdit
            and alerte.code not in _ALERTES_COUVERTES
        ):
            manquantes.append(alerte.message)
    manquantes.extend(candidate.manquantes)
    return tuple(dict.fromkeys(remplies)), tuple(dict.fromkeys(manquantes))


def _derniere(d: DossierExamine, *codes: str) -> ActeFait | None:
    faits = [a for a in d.actes if a.code in codes]
    return max(faits, key=lambda a: a.date) if faits else None


def _candidates(
    d: DossierExamine, au: date, examen: ExamenTitre, presc: ExamenPrescription
) -> list[_Candidate]:
    debiteur = d.debiteurs[0] if d.debiteurs else None
    personne = debiteur.personne_physique if debiteur is not None else True
    actifs = {p.nature for x in d.debiteurs for p in x.protections if p.active_au(au)}
    decede = any(x.decede_le is not None and x.decede_le <= au for x in d.debiteurs) or (
        "deces" in actifs
    )
    titre = d.titre
    nature = NATURES_TITRE.get(titre.type) if titre is not None else None
    candidates: list[_Candidate] = []
    codes = {c.code for c in examen.controles if c.conforme is False}

    if actifs & set(PROCEDURES_COLLECTIVES):
        candidates.append(
            _Candidate(
                DECLARATION_CREANCE,
                "Déclaration de la créance au mandataire judiciaire ou au liquidateur",
                0,
                (),
                (),
                "Seule voie ouverte contre un débiteur en procédure collective : la créance "
                "antérieure non déclarée dans les deux mois de la publication du jugement "
                "d'ouverture au BODACC est inopposable à la procédure (C. com. L622-24, L622-26, "
                "R622-24).",
                "C. com. L622-24, L622-26, R622-24",
                forcee=False,
                tarifee=False,
                notes_cout=("Non tarifée : mandat du créancier (honoraires libres).",),
            )
        )
    if titre is not None and nature is not None:
        if "injonction_non_avenue" in codes:
            candidates.append(
                _Candidate(
                    INJONCTION_DE_PAYER,
                    "Nouvelle requête en injonction de payer",
                    1,
                    ("signification_injonction_de_payer",),
                    (),
                    "L'ordonnance est non avenue faute de signification à temps (CPC 1411) : une "
                    "nouvelle requête au juge (CPC 1405 s.), puis sa signification dans le délai, "
                    "redonne un titre.",
                    "CPC 1405, 1407, 1411",
                    forcee=False,
                )
            )
        elif "jugement_478" in codes:
            pass  # non avenu: a new instance, outside the office's acts
        elif decede:
            heritiers = [nom for x in d.debiteurs for nom in x.representants_de("heritier")] or [
                "héritiers à identifier"
            ]
            candidates.append(
                _Candidate(
                    SIGNIFICATION_TITRE,
                    "Signification du titre aux héritiers",
                    1,
                    (nature.acte_signification,),
                    (),
                    f"Préalable à toute exécution contre les héritiers ({', '.join(heritiers)}) : "
                    "le titre leur devient exécutoire huit jours après sa signification "
                    "(C. civ. 877).",
                    "C. civ. 877 ; CPC 503",
                    forcee=False,
                    repetitions=max(1, len([h for h in heritiers if "identifier" not in h])),
                )
            )
        elif codes & {"signification", "injonction_a_signifier"}:
            limite = ajouter_mois(titre.date_titre, delai_injonction_mois(titre.date_titre)[0])
            candidates.append(
                _Candidate(
                    SIGNIFICATION_TITRE,
                    "Signification du titre au débiteur",
                    1,
                    (nature.acte_signification,),
                    (),
                    "Préalable à toute mesure : le titre ne peut être exécuté qu'après avoir été "
                    "signifié au débiteur (CPC 503)"
                    + (
                        f", et l'ordonnance doit l'être au plus tard le {limite.isoformat()} "
                        "(CPC 1411)."
                        if titre.type == "ordonnance_injonction_payer"
                        else "."
                    ),
                    "CPC 503",
                    forcee=False,
                )
            )

    if titre is None:
        plafond = d.principal is not None and d.principal <= Decimal("5000")
        candidates.append(
            _Candidate(
                RECOUVREMENT_AMIABLE,
                "Recouvrement amiable",
                2,
                (),
                ("pas_de_procedure_collective", "pas_de_surendettement"),
                "Sans titre exécutoire, seule une démarche amiable est possible : mise en demeure "
                "(C. civ. 1344) puis relances et échéancier ; les frais restent à la charge du "
                "créancier (CPCE L111-8 al. 2).",
                "CPCE R124-1 s. ; C. civ. 1344 ; CPCE L111-8",
                forcee=False,
                tarifee=False,
                notes_cout=(
                    "Aucun acte tarifé à la charge du débiteur (CPCE L111-8 al. 2) ; droit "
                    "proportionnel du créancier sur les sommes encaissées (C. com. A444-32).",
                ),
            )
        )
        candidates.append(
            _Candidate(
                PETITES_CREANCES,
                "Procédure simplifiée de recouvrement des petites créances",
                3,
                (),
                ("plafond_petites_creances",),
                "Titre exécutoire délivré par un commissaire de justice si le débiteur accepte "
                "montant et modalités (CPCE L125-1) ; créance d'au plus 5 000 € (R125-1)"
                + ("." if plafond else " : montant dépassé ici."),
                "CPCE L125-1, R125-1",
                forcee=False,
                tarifee=False,
                notes_cout=("Frais à la charge du créancier (CPCE L125-1).",),
            )
        )
        candidates.append(
            _Candidate(
                INJONCTION_DE_PAYER,
                "Requête en injonction de payer",
                4,
                ("signification_injonction_de_payer",),
                (),
                "Obtenir un titre exécutoire sur requête, sans débat préalable (CPC 1405 s.) ; "
                "l'ordonnance est à signifier dans le délai de l'article 1411.",
                "CPC 1405, 1411",
                forcee=False,
            )
        )
        return candidates

    # Measures of forced execution on a title.
    banque = debiteur.banque if debiteur is not None else None
    employeur = debiteur.employeur if debiteur is not None else None
    derniere_attribution = _derniere(
        d, "pv_saisie_attribution", "pv_saisie_attribution_compte_clos"
    )
    compte_clos = (
        derniere_attribution
        if derniere_attribution is not None
        and derniere_attribution.code == "pv_saisie_attribution_compte_clos"
        else None
    )
    pourquoi = (
        "Mesure la plus rapide et la moins coûteuse : les sommes disponibles sur les comptes "
        "sont attribuées immédiatement au créancier (CPCE L211-2), sous réserve du solde "
        "bancaire insaisissable (CPCE R162-2)"
    )
    pourquoi += f" ; banque connue : {banque}." if banque else " ; banque à identifier."
    if compte_clos is not None:
        pourquoi += f" Dernière tentative le {compte_clos.date.isoformat()} : compte clos."
    candidates.append(
        _Candidate(
            SAISIE_ATTRIBUTION_COMPTE,
            "Saisie-attribution sur comptes bancaires",
            10 if banque else 12,
            ("pv_saisie_attribution", "denonciation_saisie_attribution"),
            GARDES_EXECUTION,
            pourquoi,
            "CPCE L211-1, L211-2, R211-1, R211-3",
            precautions=(
                ()
                if banque
                else ("Identifier les comptes par le fichier FICOBA (CPCE L152-1, L152-2).",)
            )
            + ("Dénoncer la saisie au débiteur dans les huit jours (CPCE R211-3).",),
        )
    )
    if personne:
        reforme = au >= SAISIE_REMUNERATIONS_PAR_COMMISSAIRE_DEPUIS
        actes = (
            (
                "commandement_saisie_remunerations",
                "inscription_commandement_registre",
                "pv_saisie_remunerations",
                "inscription_pv_saisie_registre",
                "denonciation_saisie_remunerations",
            )
            if reforme
            else ("requete_saisie_remunerations",)
        )
        pourquoi = (
            "Prélèvement mensuel de la fraction saisissable du salaire (C. trav. L3252-2, "
            "R3252-2) : "
            + (
                "commandement de payer, puis procès-verbal de saisie à l'employeur après un "
                "mois et dans les trois mois (CPCE L212-2, L212-6) ; sommes réparties par le "
                "commissaire de justice répartiteur (CPCE L212-9)"
                if reforme
                else "requête au juge de l'exécution (C. trav. R3252-1 s., texte antérieur au "
                "1er juillet 2025)"
            )
        )
        pourquoi += f" ; employeur connu : {employeur}." if employeur else " ; employeur inconnu."
        candidates.append(
            _Candidate(
                SAISIE_REMUNERATIONS,
                "Saisie des rémunérations",
                20 if employeur else 35,
                actes,
                GARDES_EXECUTION,
                pourquoi,
                "CPCE L212-1 s., R212-1-1 s. ; C. trav. L3252-1 s."
                if reforme
                else "C. trav. L3252-1 s., R3252-1 s.",
                manquantes=()
                if employeur
                else (
                    "Employeur du débiteur à identifier (renseignements des administrations, "
                    "CPCE L152-1).",
                ),
                precautions=(
                    "Laisser au débiteur le montant forfaitaire du RSA (C. trav. R3252-5).",
                ),
            )
        )
    commandement = _derniere(d, "commandement_saisie_vente")
    valide = commandement is not None and au <= ajouter_mois(commandement.date, 24)
    actes_vente: tuple[str, ...] = (
        ("pv_saisie_vente",) if valide else ("commandement_saisie_vente", "pv_saisie_vente")
    )
    pourquoi = (
        "Saisie des meubles corporels du débiteur, huit jours après un commandement de payer "
        "(CPCE L221-1, R221-1, R221-10) ; plus lente, de rendement souvent faible, mais elle "
        "incite au paiement"
    )
    if valide and commandement is not None:
        pourquoi += (
            f" ; commandement du {commandement.date.isoformat()} encore valable (moins de deux "
            "ans, CPCE R221-5)."
        )
    else:
        pourquoi += "."
    situation = situation_du_dossier(d)
    candidates.append(
        _Candidate(
            SAISIE_VENTE,
            "Saisie-vente",
            30,
            actes_vente,
            (*GARDES_EXECUTION, "subsidiarite_saisie_vente"),
            pourquoi,
            "CPCE L221-1, L221-2, R221-1, R221-2, R221-10",
            precautions=("Biens insaisissables exclus (CPCE L112-2, R112-2).",),
            situation=replace(situation, local_habitation=personne),
        )
    )
    if d.nature == "expulsion" and _derniere(d, "pv_expulsion") is None:
        commandement_quitter = _derniere(d, "commandement_quitter_les_lieux")
        requisition = _derniere(d, "requisition_force_publique")
        restants = tuple(
            code
            for code, fait in zip(
                ACTES_EXPULSION, (commandement_quitter, requisition, None), strict=True
            )
            if fait is None
        )
        manquantes: tuple[str, ...] = ()
        if commandement_quitter is not None:
            deux_mois = ajouter_mois(commandement_quitter.date, 2)
            if au <= deux_mois:
                manquantes = (
                    f"Délai de deux mois après le commandement de quitter les lieux du "
                    f"{commandement_quitter.date.isoformat()} non expiré (jusqu'au "
                    f"{deux_mois.isoformat()}, CPCE L412-1).",
                )
        candidates.append(
            _Candidate(
                EXPULSION,
                "Expulsion",
                5,
                restants,
                ("titre_executoire", "titre_signifie", "heritiers", "hors_treve_hivernale"),
                "Objet du dossier : libérer le logement après le commandement de quitter les "
                "lieux, deux mois de délai et le concours de la force publique (CPCE L411-1, "
                "L412-1, L153-1), hors trêve hivernale (CPCE L412-6).",
                "CPCE L411-1, R411-1, L412-1, L412-5, L412-6",
                manquantes=manquantes,
                precautions=(
                    "Informer le préfet dès le commandement (CPCE L412-5) ; le juge du "
                    "surendettement peut suspendre l'expulsion (C. consom. L722-6).",
                ),
            )
        )
    candidates.append(
        _Candidate(
            RECOUVREMENT_AMIABLE,
            "Relance amiable et échéancier",
            40,
            (),
            ("pas_de_procedure_collective", "pas_de_surendettement"),
            "Utile quand le débiteur paie ou propose de payer : un échéancier évite des frais "
            "d'exécution ; l'acompte du débiteur interrompt la prescription (C. civ. 2240).",
            "C. civ. 1343-5, 2240 ; C. com. A444-44",
            forcee=False,
            tarifee=False,
            notes_cout=(
                "Pas d'acte à engager ; émolument par versement encaissé sur échéancier (C. com. "
                "A444-44).",
            ),
        )
    )
    return candidates


def mesures(
    d: DossierExamine,
    au: date,
    examen: ExamenTitre,
    presc: ExamenPrescription,
    alertes_: Sequence[Alerte],
) -> tuple[Mesure, ...]:
    """The measures a clerc would consider, possible ones first, each by priority."""
    if not d.en_cours:
        return ()
    if d.decompte is not None and d.decompte.total <= 0:
        return ()
    situation = situation_du_dossier(d)
    brutes: list[tuple[bool, int, Mesure]] = []
    for candidate in _candidates(d, au, examen, presc):
        remplies, manquantes = _conditions(candidate, situation, au, examen, presc, alertes_)
        if candidate.tarifee and candidate.actes:
            cout, actes, avertissements = _cout(candidate.actes, d, au, candidate.repetitions)
        elif candidate.tarifee:
            cout, actes, avertissements = ZERO, (), ()
        else:
            cout, actes, avertissements = None, (), ()
        if candidate.code == RECOUVREMENT_AMIABLE:
            cout = ZERO
        precautions = candidate.precautions + _precautions(d, au)
        for en_cours in d.procedures:
            if en_cours.code == candidate.code:
                precautions = (
                    *precautions,
                    f"Déjà en cours depuis le {en_cours.demarree_le.isoformat()} : la poursuivre "
                    "plutôt que la recommencer.",
                )
        if presc.prescrit and (candidate.code == RECOUVREMENT_AMIABLE or not presc.titre_l111_4):
            precautions = (
                *precautions,
                "Prescription vraisemblablement acquise : le débiteur peut l'opposer (C. civ. "
                "2247) ; seul un paiement volontaire reste acquis au créancier (C. civ. 2249), "
                "sans menace d'exécution ; vérifier le point de départ et le délai propres à la "
                "créance.",
            )
        mesure = Mesure(
            procedure=candidate.code,
            libelle=candidate.libelle,
            rang=0,
            cout_estime=cout,
            actes=actes,
            conditions_remplies=remplies,
            conditions_manquantes=manquantes,
            pourquoi=candidate.pourquoi,
            articles=candidate.articles,
            precautions=precautions,
            avertissements=candidate.notes_cout + avertissements,
        )
        brutes.append((not mesure.possible, candidate.priorite, mesure))
    brutes.sort(key=lambda x: (x[0], x[1]))
    return tuple(replace(m, rang=rang) for rang, (_, _, m) in enumerate(brutes, start=1))


def _alertes_procedures(d: DossierExamine, au: date) -> list[Alerte]:
    """Procedures already running: their next deadline, missed ones first."""
    resultat = []
    for p in d.procedures:
        message = f"{p.libelle} en cours depuis le {p.demarree_le.isoformat()}"
        if p.prochaine_etape and p.date_limite:
            message += f" : {p.prochaine_etape.lower()} au plus tard le {p.date_limite.isoformat()}"
        depassee = p.date_limite is not None and p.date_limite < au
        resultat.append(
            Alerte(
                "echeance_depassee" if depassee else "procedure_en_cours",
                "attention" if depassee else "information",
                message
                + (" — délai dépassé, voir clerc procedure possibles." if depassee else "."),
                "",
            )
        )
    return resultat


def _precautions(d: DossierExamine, au: date) -> tuple[str, ...]:
    """What every act of the file must respect (protected adult, local calendar)."""
    resultat: list[str] = []
    for debiteur in d.debiteurs:
        for protection in debiteur.protections:
            if protection.active_au(au) and protection.nature in MAJEURS_PROTEGES:
                role, article = MAJEURS_PROTEGES[protection.nature]
                qui = protection.organe or _liste(
                    debiteur.representants_de("tuteur", "curateur", "representant_legal")
                )
                resultat.append(
                    f"Signifier chaque acte aussi au {role} de {debiteur.designation} ({qui}), "
                    f"à peine de nullité ({article})."
                )
    if d.territoire in ALSACE_MOSELLE:
        resultat.append(
            "Calculer les délais avec le calendrier d'Alsace-Moselle (26 décembre, Vendredi "
            "saint : C. trav. L3134-13 ; CPC 642)."
        )
    return tuple(resultat)


# --- the whole fiche ------------------------------------------------------------------------


def analyser(d: DossierExamine, au: date) -> FicheAnalyse:
    """The fiche d'analyse of the file at ``au`` (module docstring)."""
    deces = _deces(d, au)
    examen = examen_titre(
        d.titre,
        au,
        territoire=d.territoire,
        deces=deces,
        heritiers_signifies_le=d.titre_signifie_aux_heritiers_le,
    )
    instances = [a.date for a in d.actes if a.code in ACTES_INSTANCE and a.date <= au]
    presc = examen_prescription(
        d.titre,
        au,
        faits_interruptifs(d.actes, d.paiements),
        executoire_depuis=examen.executoire_depuis,
        date_creance=d.date_creance,
        titre_non_avenu=examen.non_avenu,
        instance_le=max(instances) if instances else None,
    )
    if presc.prescrit and d.titre is not None and presc.titre_l111_4:
        controle = Controle(
            "prescription",
            False,
            f"Prescription acquise : {presc.motif}",
            "CPCE L111-4",
            bloquant=True,
        )
        examen = replace(examen, executoire=False, controles=(*examen.controles, controle))
    elif presc.prescrit and d.titre is not None:
        # The claim's own prescription, taken at its general length from the earliest start:
        # to be checked, not a certainty (module docstring).
        controle = Controle(
            "prescription",
            None,
            f"Prescription de la créance vraisemblablement acquise : {presc.motif}",
            "C. civ. 2224",
        )
        examen = replace(examen, controles=(*examen.controles, controle))
    alertes_ = alertes(d, au, examen, presc)
    return FicheAnalyse(
        dossier=d.reference,
        nature=d.nature,
        statut=d.statut,
        territoire=d.territoire,
        au=au,
        titre=examen,
        prescription=presc,
        decompte=d.decompte,
        decompte_erreur=d.decompte_erreur,
        alertes=alertes_,
        mesures=mesures(d, au, examen, presc, alertes_),
    )


def _deces(d: DossierExamine, au: date) -> date | None:
    for debiteur in d.debiteurs:
        if debiteur.decede_le is not None and debiteur.decede_le <= au:
            return debiteur.decede_le
        for protection in debiteur.protections:
            if protection.nature == "deces" and protection.active_au(au):
                return protection.depuis or au
    return None


__all__ = [
    "ACTES_INTERRUPTIFS",
    "NATURES_TITRE",
    "ActeFait",
    "ActePrevu",
    "Alerte",
    "Controle",
    "DebiteurExamine",
    "DossierExamine",
    "ExamenPrescription",
    "ExamenTitre",
    "ExpulsionProgrammee",
    "FaitInterruptif",
    "FicheAnalyse",
    "Mesure",
    "PaiementRecu",
    "ProcedureEnCours",
    "ProtectionExaminee",
    "TitreExamine",
    "alertes",
    "analyser",
    "examen_prescription",
    "examen_titre",
    "faits_interruptifs",
    "mesures",
    "situation_du_dossier",
]
