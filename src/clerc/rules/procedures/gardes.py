"""Guards of the procedure steps: conditions on the file, each refusing with a French reason.

A guard reads a ``Situation`` (what the office knows of the file on the day of the step) and
answers ``None`` (allowed) or the reason, citing the article. What the office does not know
(``None`` fields) does not refuse: the plan of a procedure without a file lists the guards as
conditions to check. Declarations name guards by their key in ``GARDES``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from clerc.rules.delais import treve_hivernale
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.monnaie import format_euros
from clerc.rules.procedures.modele import AUGMENTATIONS_DISTANCE
from clerc.rules.saisie_vente import saisie_vente_subsidiaire, seuil_subsidiarite

# Risk flags the guards understand (the office's codes, clerc.office.models.dossier).
PROCEDURE_COLLECTIVE = "procedure_collective"
SURENDETTEMENT = "surendettement"
DECES = "deces"

PLAFOND_PETITES_CREANCES = Decimal("5000")  # CPCE R125-1 (décret 2021-1322): 5 000 € max


@dataclass(frozen=True)
class Situation:
    """What the guards need to know of the file (``None``: not known, not checked)."""

    titre_executoire: bool | None = None
    titre_signifie_le: date | None = None
    principal: Decimal | None = None
    creance_alimentaire: bool = False
    local_habitation: bool | None = None
    risques: frozenset[str] = field(default_factory=frozenset)
    # Deceased debtor: service of the title on the heirs (C. civ. 877).
    titre_signifie_aux_heritiers_le: date | None = None
    # Months added for distance to the debtor's remedy delays and to the creditor's waits for
    # them (declared ``distance: true``): 1 for a debtor living overseas (CPC 643 1°) or, before
    # a court seated overseas, outside its collectivity (CPC 644); 2 abroad. The office computes
    # it from where the debtor lives (``clerc.rules.delais.augmentation_distance``); 0 when the
    # debtor lives where the court sits, or when not known. ``motif_distance`` says why, for
    # the explanation of the dates ("personne demeurant à l'étranger").
    augmentation_distance: int = 0
    motif_distance: str = ""

    def __post_init__(self) -> None:
        verifier_augmentation_distance(self.augmentation_distance)


def verifier_augmentation_distance(mois: int) -> None:
    """Refuse an extension for distance the law does not know (CPC 643, 644: 1 or 2 months)."""
    if mois not in AUGMENTATIONS_DISTANCE:
        raise DonneeInvalide(
            f"Augmentation pour la distance de {mois} mois : la loi ne connaît qu'un mois "
            "(outre-mer) ou deux (étranger) (CPC 643, 644)."
        )


@dataclass(frozen=True)
class Garde:
    libelle: str  # the condition, for the plan: "titre exécutoire (CPCE L111-2)"
    verifier: Callable[[Situation, date], str | None]
    # A guard that depends only on the date (the winter truce): the first day it allows from
    # a given day, so that the plan of a procedure does not schedule a step on a closed day.
    report: Callable[[date], date] | None = None


def _titre_executoire(s: Situation, _jour: date) -> str | None:
    if s.titre_executoire is False:
        return (
            "Le titre n'est pas exécutoire : aucune mesure d'exécution forcée sans titre "
            "exécutoire constatant une créance liquide et exigible (CPCE L111-2, L111-3), ni "
            "sans expédition revêtue de la formule exécutoire (CPC 502)."
        )
    return None


def _titre_signifie(s: Situation, jour: date) -> str | None:
    if s.titre_signifie_le is None and s.titre_executoire is None:
        return None
    if s.titre_signifie_le is None or s.titre_signifie_le > jour:
        return (
            "Le titre n'a pas été signifié au débiteur : un jugement ne peut être exécuté "
            "qu'après avoir été notifié (CPC 503)."
        )
    return None


def _pas_de_procedure_collective(s: Situation, _jour: date) -> str | None:
    if PROCEDURE_COLLECTIVE in s.risques:
        return (
            "Débiteur en procédure collective : le jugement d'ouverture arrête et interdit "
            "toute procédure d'exécution des créanciers antérieurs (C. com. L622-21, L631-14, "
            "L641-3) ; déclarez la créance au mandataire judiciaire."
        )
    return None


def _pas_de_surendettement(s: Situation, _jour: date) -> str | None:
    if SURENDETTEMENT in s.risques:
        return (
            "Dossier de surendettement recevable : les procédures d'exécution sur les biens du "
            "débiteur sont suspendues et interdites (C. conso L722-2, L722-5)."
        )
    return None


def execution_contre_heritiers_le(signification: date) -> date:
    """First day of execution against the heirs: eight days after the service of the title on
    them (C. civ. 877), counted as clear days (neither the service day nor the eighth counts),
    the safe side for the office."""
    return signification + timedelta(days=9)


def _heritiers(s: Situation, jour: date) -> str | None:
    if DECES not in s.risques:
        return None
    signification = s.titre_signifie_aux_heritiers_le
    if signification is None:
        return (
            "Débiteur décédé : le titre doit d'abord être signifié à ses héritiers (C. civ. 877)."
        )
    possible = execution_contre_heritiers_le(signification)
    if jour < possible:
        return (
            f"Débiteur décédé : pas d'exécution contre les héritiers avant huit jours après "
            f"la signification du titre ({signification.isoformat()}), soit le "
            f"{possible.isoformat()} au plus tôt (C. civ. 877)."
        )
    return None


def _hors_treve_hivernale(_s: Situation, jour: date) -> str | None:
    periode = treve_hivernale(jour)
    if periode is not None:
        return (
            f"Trêve hivernale du {periode.debut.isoformat()} au {periode.fin.isoformat()} : "
            "aucune expulsion d'un local d'habitation, sauf relogement assuré (CPCE L412-6)."
        )
    return None


def _apres_la_treve(jour: date) -> date:
    periode = treve_hivernale(jour)
    return jour if periode is None else periode.reprise_le


def _subsidiarite_saisie_vente(s: Situation, jour: date) -> str | None:
    if s.principal is None or s.local_habitation is False:
        return None
    if saisie_vente_subsidiaire(s.principal, jour, alimentaire=s.creance_alimentaire):
        return (
            f"Créance de {format_euros(s.principal)} en principal, inférieure à "
            f"{format_euros(seuil_subsidiarite(jour))} : la saisie-vente dans le local "
            "d'habitation du débiteur n'est possible que sur autorisation du juge de "
            "l'exécution ou si une saisie sur compte ou sur rémunérations est impossible "
            "(CPCE L221-2, R221-2)."
        )
    return None


def _plafond_petites_creances(s: Situation, _jour: date) -> str | None:
    if s.principal is not None and s.principal > PLAFOND_PETITES_CREANCES:
        return (
            f"Créance de {format_euros(s.principal)} : la procédure simplifiée ne vaut que "
            f"jusqu'à {format_euros(PLAFOND_PETITES_CREANCES)} (CPCE L125-1, R125-1)."
        )
    return None


GARDES: dict[str, Garde] = {
    "titre_executoire": Garde("titre exécutoire (CPCE L111-2, L111-3)", _titre_executoire),
    "titre_signifie": Garde("titre signifié au débiteur (CPC 503)", _titre_signifie),
    "pas_de_procedure_collective": Garde(
        "débiteur hors procédure collective (C. com. L622-21)", _pas_de_procedure_collective
    ),
    "pas_de_surendettement": Garde(
        "débiteur hors surendettement recevable (C. conso L722-2)", _pas_de_surendettement
    ),
    "heritiers": Garde(
        "débiteur décédé : titre signifié aux héritiers depuis 8 jours (C. civ. 877)", _heritiers
    ),
    "hors_treve_hivernale": Garde(
        "hors trêve hivernale, 1er novembre - 31 mars (CPCE L412-6)",
        _hors_treve_hivernale,
        report=_apres_la_treve,
    ),
    "subsidiarite_saisie_vente": Garde(
        "au domicile, principal d'au moins 535 € ou saisie sur compte/rémunérations "
        "impossible (CPCE L221-2, R221-2)",
        _subsidiarite_saisie_vente,
    ),
    "plafond_petites_creances": Garde(
        "créance d'au plus 5 000 € (CPCE L125-1, R125-1)", _plafond_petites_creances
    ),
}

# Guards every enforcement measure carries (declared once, applied by the engine).
GARDES_EXECUTION = (
    "titre_executoire",
    "titre_signifie",
    "pas_de_procedure_collective",
    "pas_de_surendettement",
    "heritiers",
)


__all__ = [
    "GARDES",
    "GARDES_EXECUTION",
    "Garde",
    "Situation",
    "verifier_augmentation_distance",
]
