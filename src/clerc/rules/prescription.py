"""Prescription: until when a title can be enforced, and which interest arrears are time-barred.

Texts applied:

- **CPCE L111-4 al. 1**: the titles of L111-3 1° to 3° (court decisions and accords given force
  exécutoire, foreign judgments and arbitral awards declared enforceable, procès-verbaux de
  conciliation) can be enforced for 10 years, unless the claim they record prescribes by a
  longer period. **al. 2**: the 20-year long-stop of C. civ. 2232 does not apply to them.
  Start: the day the decision, being enforceable, is a titre exécutoire, i.e. has been served
  (unless performed voluntarily) and bears the formule exécutoire (Cass. 2e civ., 5 Oct 2023,
  n° 20-23.523, FS-B). Transition (loi 2008-561, C. civ. 2222 al. 2): for titles enforceable
  before 19 June 2008 the 10 years run from 19 June 2008, capped by the former 30 years.
- Other titles (acte notarié, PSRPC or unpaid-cheque titles...) follow the prescription of the
  claim: 5 years (C. civ. 2224), 2 years for a professional against a consumer (C. consom.
  L218-2), 3 years for residential leases (loi 89-462 art. 7-1), 5 years for obligations between
  merchants (C. com. L110-4), 3 years for wages (C. trav. L3245-1).
- **C. civ. 2244, 2231**: an enforcement act (or a conservatory measure) interrupts; a new
  period of the same length starts from it. **C. civ. 2240**: the debtor's acknowledgement (a
  part payment is one) interrupts likewise.
- **C. civ. 2230, 2234**: suspension (impossibility to act) stops the clock without erasing the
  time already run. **C. civ. 2238**: mediation, conciliation, procédure participative, and the
  debtor's acceptance of the PSRPC (CPCE L125-1) suspend; when they end the period runs again for
  at least 6 months.
- **C. civ. 2232**: postponement, suspension or interruption cannot carry the period beyond 20
  years from the birth of the right; al. 2 excludes, among others, interruption by an
  enforcement act (2244) — and CPCE L111-4 al. 2 excludes the titles of L111-3 1° to 3°.
- Interest: post-judgment interest is a periodic debt prescribed by 5 years (C. civ. 2224;
  Cass. 1re civ., 8 June 2016, n° 15-19.614) even though the title lasts 10 years.

Date convention (C. civ. 2228, 2229): prescription is counted in whole days; the day of the
starting event is not counted; a term in years or months ends on the same day number
(quantième) of the last month, and prescription is acquired when that last day is completed
(at 24:00); no extension to the next working day (unlike CPC 642). So a 5-year period starting
on 10 June 2013 ends on 10 June 2018: an act on 10 June 2018 is in time, on 11 June it is not.
When the final month has no such day (29 February, 31st), the term ends on the last day of the
month. ``date_acquisition`` is that last day; ``prescrit_au(jour)`` is ``jour > date_acquisition``.

Simplified: interruption by a claim in court (2241-2242, effect lasting until the end of the
proceedings), by a demand under 2245 (joint debtors) and renunciation (2250-2251) are not
modelled; suspension events are ignored for interest arrears.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise

from clerc.rules.dates import ajouter_mois
from clerc.rules.erreurs import DonneeInvalide

Jour = date  # alias: a dataclass field named ``date`` shadows the type inside its class

#: Loi 2008-561 du 17 juin 2008 came into force on 19 June 2008.
REFORME_2008 = date(2008, 6, 19)


class Titre(StrEnum):
    """Kinds of titre exécutoire (CPCE L111-3)."""

    DECISION_JUSTICE = "decision_justice"  # 1°
    DECISION_ETRANGERE_OU_SENTENCE = "decision_etrangere_ou_sentence"  # 2°
    PROCES_VERBAL_CONCILIATION = "proces_verbal_conciliation"  # 3°
    ACTE_NOTARIE = "acte_notarie"  # 4°
    TITRE_COMMISSAIRE_DE_JUSTICE = "titre_commissaire_de_justice"  # 5° (chèque impayé, PSRPC)
    AUTRE = "autre"


TITRES_L111_4 = frozenset(
    {Titre.DECISION_JUSTICE, Titre.DECISION_ETRANGERE_OU_SENTENCE, Titre.PROCES_VERBAL_CONCILIATION}
)


class Creance(StrEnum):
    """The claim recorded by the title, which sets its own prescription."""

    DROIT_COMMUN = "droit_commun"
    CONSOMMATION = "consommation"
    BAIL_HABITATION = "bail_habitation"
    COMMERCIALE = "commerciale"
    SALAIRE = "salaire"


#: (years, article) per claim.
DUREES_CREANCE: dict[Creance, tuple[int, str]] = {
    Creance.DROIT_COMMUN: (5, "C. civ. 2224"),
    Creance.CONSOMMATION: (2, "C. consom. L218-2"),
    Creance.BAIL_HABITATION: (3, "Loi 89-462 du 6 juillet 1989, art. 7-1"),
    Creance.COMMERCIALE: (5, "C. com. L110-4"),
    Creance.SALAIRE: (3, "C. trav. L3245-1"),
}


class Nature(StrEnum):
    """Events that act on a running prescription."""

    ACTE_EXECUTION = "acte_execution"  # C. civ. 2244
    RECONNAISSANCE = "reconnaissance"  # C. civ. 2240
    PAIEMENT_PARTIEL = "paiement_partiel"  # C. civ. 2240 (acknowledgement)
    SUSPENSION_IMPOSSIBILITE = "suspension_impossibilite"  # C. civ. 2234
    SUSPENSION_MEDIATION = "suspension_mediation"  # C. civ. 2238 (incl. PSRPC acceptance)


INTERRUPTIONS = frozenset({Nature.ACTE_EXECUTION, Nature.RECONNAISSANCE, Nature.PAIEMENT_PARTIEL})
ARTICLES: dict[Nature, str] = {
    Nature.ACTE_EXECUTION: "C. civ. 2244, 2231",
    Nature.RECONNAISSANCE: "C. civ. 2240, 2231",
    Nature.PAIEMENT_PARTIEL: "C. civ. 2240, 2231",
    Nature.SUSPENSION_IMPOSSIBILITE: "C. civ. 2234, 2230",
    Nature.SUSPENSION_MEDIATION: "C. civ. 2238, 2230",
}


@dataclass(frozen=True)
class Evenement:
    """An interruption (on ``date``) or a suspension (from ``date`` to ``fin``, inclusive)."""

    nature: Nature
    date: Jour
    fin: Jour | None = None
    libelle: str = ""


@dataclass(frozen=True)
class EvenementRetenu:
    """An event with its effect on the prescription, as considered."""

    evenement: Evenement
    article: str
    effet: str
    date_acquisition_apres: date


@dataclass(frozen=True)
class Prescription:
    """Until when a title can be enforced, with the events considered."""

    titre: Titre
    creance: Creance
    duree_annees: int
    article_duree: str
    point_de_depart: date
    date_acquisition: date
    plafond_2232: date | None
    evenements: tuple[EvenementRetenu, ...]
    interruptions: tuple[date, ...]
    duree_interets_annees: int
    references: tuple[str, ...]
    avertissements: tuple[str, ...]

    def prescrit_au(self, jour: date) -> bool:
        """True when enforcement is time-barred on ``jour`` (C. civ. 2229: last day completed)."""
        self.verifier_date(jour)
        return jour > self.date_acquisition

    def verifier_date(self, jour: date) -> None:
        """Refuse an assessment date before the starting point of the period."""
        if jour < self.point_de_depart:
            raise DonneeInvalide(
                f"date d'appréciation du {jour.isoformat()} antérieure au point de départ du "
                f"{self.point_de_depart.isoformat()}."
            )

    def interets_exigibles_depuis(self, jour: date) -> date | None:
        """First day whose interest is still claimable on ``jour`` (5 years, Cass. 1re civ. 2016).

        None once the claim itself is time-barred: interest is its accessory (C. civ. 2224
        applies to the arrears only while the principal can still be enforced).

        Interest accrued for a day t is prescribed unless a chain of interruptions, each less
        than 5 years after the previous, links t to ``jour``: the answer is 5 years before the
        first point (interruption, or ``jour`` itself) following the last gap longer than
        5 years. Interest for earlier days can no longer be claimed.
        """
        self.verifier_date(jour)
        if self.prescrit_au(jour):
            return None
        points = sorted({d for d in self.interruptions if d <= jour} | {jour})
        depart = points[0]
        for avant, apres in pairwise(points):
            if apres > ajouter_duree(avant, annees=self.duree_interets_annees):
                depart = apres
        return ajouter_duree(depart, annees=-self.duree_interets_annees)


def ajouter_duree(jour: date, annees: int = 0, mois: int = 0) -> date:
    """``jour`` moved by years and months, same quantième, clamped to the month's last day."""
    return ajouter_mois(jour, annees * 12 + mois)


def point_de_depart_titre_juridictionnel(
    date_force_executoire: date,
    date_signification: date | None,
    date_formule_executoire: date | None = None,
) -> date:
    """Start of the L111-4 period for a court decision (Cass. 2e civ., 5 Oct 2023, n° 20-23.523).

    The decision must be enforceable, served (unless performed voluntarily: pass its date as
    ``date_signification``) and bear the formule exécutoire: the latest of these dates.
    """
    if date_signification is None:
        raise DonneeInvalide(
            "titre juridictionnel non signifié : le délai d'exécution de CPCE L111-4 ne court pas "
            "(Cass. 2e civ., 5 oct. 2023, n° 20-23.523)."
        )
    dates = [date_force_executoire, date_signification]
    if date_formule_executoire is not None:
        dates.append(date_formule_executoire)
    return max(dates)


def prescription(
    titre: Titre,
    point_de_depart: date,
    creance: Creance = Creance.DROIT_COMMUN,
    evenements: Sequence[Evenement] = (),
    date_naissance_droit: date | None = None,
    duree_creance_annees: int | None = None,
) -> Prescription:
    """Compute when enforcing ``titre`` becomes time-barred, given the events known.

    ``point_de_depart``: for L111-4 titles, see :func:`point_de_depart_titre_juridictionnel`;
    for others, the day the claim's prescription started (C. civ. 2224: when the creditor knew
    or should have known the facts; for instalments, each due date). ``duree_creance_annees``
    overrides the claim's period when a special text applies (then cite it yourself).
    """
    duree_creance, article_creance = DUREES_CREANCE[creance]
    if duree_creance_annees is not None:
        if duree_creance_annees <= 0:
            raise DonneeInvalide(f"durée de prescription invalide : {duree_creance_annees} ans.")
        duree_creance, article_creance = duree_creance_annees, "durée indiquée par l'utilisateur"
    notes: list[str] = []
    references: list[str] = ["C. civ. 2228", "C. civ. 2229"]
    depart = point_de_depart
    plafond_ancien: date | None = None
    if titre in TITRES_L111_4:
        if duree_creance > 10:
            duree, article = duree_creance, f"CPCE L111-4 al. 1 (créance : {article_creance})"
        else:
            duree, article = 10, "CPCE L111-4 al. 1"
        references.append("CPCE L111-4")
        if point_de_depart < REFORME_2008:
            # C. civ. 2222 al. 2: new shorter period from the new law, capped by the old one.
            depart = REFORME_2008
            plafond_ancien = ajouter_duree(point_de_depart, annees=30)
            references.append("C. civ. 2222 al. 2 (loi 2008-561)")
            notes.append(
                "Titre antérieur au 19 juin 2008 : le délai de dix ans court du 19 juin 2008, sans "
                "dépasser les trente ans de l'ancienne loi (C. civ. 2222 al. 2)."
            )
        plafond_2232 = None  # CPCE L111-4 al. 2
    else:
        duree, article = duree_creance, article_creance
        references.append(article_creance)
        naissance = date_naissance_droit or point_de_depart
        plafond_2232 = ajouter_duree(naissance, annees=20)
        references.append("C. civ. 2232")
        if creance is Creance.CONSOMMATION:
            notes.append(
                "Créance de consommation : la Cour de cassation (avis du 4 juillet 2016, n° 16006) "
                "a estimé la prescription biennale applicable aux intérêts ; vérifier le délai "
                "retenu pour les intérêts."
            )

    acquisition = ajouter_duree(depart, annees=duree)
    if plafond_ancien is not None:
        acquisition = min(acquisition, plafond_ancien)
    retenus: list[EvenementRetenu] = []
    interruptions: list[date] = []
    hors_plafond = False  # whether the running period comes from a 2244 interruption
    for evenement in sorted(evenements, key=lambda e: e.date):
        article_evt = ARTICLES[evenement.nature]
        if evenement.date < point_de_depart:
            raise DonneeInvalide(
                f"événement du {evenement.date.isoformat()} antérieur au point de départ "
                f"du {point_de_depart.isoformat()}."
            )
        if evenement.date > acquisition:
            retenus.append(
                EvenementRetenu(
                    evenement, article_evt, "sans effet : prescription déjà acquise", acquisition
                )
            )
            notes.append(
                f"Événement du {evenement.date.isoformat()} postérieur à la prescription "
                f"acquise le {acquisition.isoformat()} : sans effet interruptif (une "
                "reconnaissance peut valoir renonciation, C. civ. 2250-2251, à apprécier)."
            )
            continue
        if evenement.nature in INTERRUPTIONS:
            acquisition = ajouter_duree(evenement.date, annees=duree)
            interruptions.append(evenement.date)
            hors_plafond = evenement.nature is Nature.ACTE_EXECUTION
            effet = f"interruption : nouveau délai de {duree} ans"
        else:
            if evenement.fin is None or evenement.fin < evenement.date:
                raise DonneeInvalide(
                    f"suspension du {evenement.date.isoformat()} : date de fin absente "
                    "ou antérieure au début."
                )
            # C. civ. 2230: the days of suspension (both ends included) are added to the term.
            acquisition = acquisition + (evenement.fin - evenement.date) + timedelta(days=1)
            if evenement.nature is Nature.SUSPENSION_MEDIATION:
                acquisition = max(acquisition, ajouter_duree(evenement.fin, mois=6))
            effet = f"suspension du {evenement.date.isoformat()} au {evenement.fin.isoformat()}"
        if plafond_2232 is not None and not hors_plafond and acquisition > plafond_2232:
            acquisition = plafond_2232
            effet += " (limité par le délai butoir de vingt ans, C. civ. 2232)"
        retenus.append(EvenementRetenu(evenement, article_evt, effet, acquisition))
        references.append(article_evt)

    references.append("Cass. 1re civ., 8 juin 2016, n° 15-19.614 (intérêts)")
    if titre in TITRES_L111_4:
        references.append("Cass. 2e civ., 5 oct. 2023, n° 20-23.523 (point de départ)")
    return Prescription(
        titre=titre,
        creance=creance,
        duree_annees=duree,
        article_duree=article,
        point_de_depart=point_de_depart,
        date_acquisition=acquisition,
        plafond_2232=plafond_2232,
        evenements=tuple(retenus),
        interruptions=tuple(interruptions),
        duree_interets_annees=5,
        references=tuple(dict.fromkeys(references)),
        avertissements=tuple(notes),
    )
