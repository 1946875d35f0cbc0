"""Fiche d'analyse: what it reads of a file (plain values) and what it answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from clerc.rules.decompte import Decompte
from clerc.rules.fonds_tiers import FondsDetenus
from clerc.rules.monnaie import en_texte
from clerc.rules.prescription import (
    Nature,
)
from clerc.rules.prescription import Titre as TitrePrescription
from clerc.rules.procedures.gardes import Situation

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
PAIEMENT_DIRECT = "paiement_direct"  # of a maintenance claim (CPCE L213-1 ff.)
MESURES_FORCEES = (
    SAISIE_ATTRIBUTION_COMPTE, SAISIE_REMUNERATIONS, SAISIE_VENTE, EXPULSION, PAIEMENT_DIRECT
)  # fmt: skip
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
    # The title fixes a maintenance claim (pension alimentaire, contribution to the children's
    # upkeep and education): paiement direct (CPCE L213-1), C. trav. L3252-5.
    creance_alimentaire: bool = False


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
    """A procedure running on the file, with its next office deadline (agenda), or one found
    lapsed and not yet restarted nor given up (``statut`` "caduque", with its reason)."""

    code: str
    libelle: str
    demarree_le: Jour
    prochaine_etape: str | None = None
    date_limite: Jour | None = None
    sanction: str | None = None
    statut: str = "en_cours"  # or "caduque"
    motif: str = ""
    article: str = ""  # of the sanction of a lapsed procedure


@dataclass(frozen=True)
class PaiementRecu:
    date: Jour
    montant: Decimal
    origine: str = "debiteur"  # debiteur, tiers_saisi, repartiteur, autre


@dataclass(frozen=True)
class SoldeBancaireConnu:
    """The credit balance of a debtor's account declared by the bank on a seizure (the
    garnishee declares its obligations, CPCE L211-3; a bank, the balance on the day of the
    seizure, CPCE L162-1), as the office recorded it."""

    date: Jour
    solde: Decimal
    banque: str = ""


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
    # Running (clerc procedure demarrer) or lapsed and not dealt with yet.
    procedures: tuple[ProcedureEnCours, ...] = ()
    # Balances of the debtor's accounts declared by banks on earlier seizures, oldest first.
    soldes_bancaires: tuple[SoldeBancaireConnu, ...] = ()

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
    # What the measure may be expected to reach, when the office knows it (a bank balance
    # above the SBI); None: not estimated.
    rendement_estime: Decimal | None = None

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
            "rendement_estime": _montant(self.rendement_estime),
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
