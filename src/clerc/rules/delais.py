"""Procedural deadlines (CPC 640 to 644), the winter truce and the legal hours of acts.

Conventions (docs/delais.md):

- CPC 640: a deadline starts from the act, event, decision or notification that triggers it.
- CPC 641 al. 1: in days, the trigger day does not count (served Thursday 18 → day 1 is
  Friday 19). Weeks are seven days each (CPC says nothing of weeks; the usual reading gives the
  same weekday N weeks later).
- CPC 641 al. 2: in months or years, the deadline expires on the day of the last month or year
  bearing the same quantième as the trigger day, or on the last day of the month when there is
  none (31 January + 1 month → 28 or 29 February). CPC 641 al. 3: months first, then days.
- CPC 642 al. 1: every deadline expires on its last day at 24:00.
- CPC 642 al. 2: a deadline that would expire on a Saturday, Sunday, férié or chômé day is
  extended to the first following working day.
- "Jours ouvrables" count Monday-Saturday except holidays; "jours ouvrés" Monday-Friday except
  holidays; CPC 642 al. 2 still applies to the last day.
- Backwards deadlines ("au moins N jours avant" an event): neither the event day nor the day of
  the act counts, so the last useful day is event - N - 1 (Cass. 2e civ., 20 oct. 2005,
  n° 04-10.138; Cass. com., 14 mars 2018, n° 16-26.996, as reported by secondary sources);
  CPC 642 al. 2 does not apply to them (Cass. 2e civ., 4 févr. 1998, n° 96-13.391). Safe choice
  of clerc: when that last useful day is not a working day, the act is due on the previous
  working day (signification is barred on Sundays and holidays by CPC 664, registries are
  closed on Saturdays). A backwards deadline in months lands on the same quantième, or on the
  month's last day when there is none, then one day earlier.
- Uncertain days (Good Friday in 57/67/68, customary overseas days): ``expire_le`` counts every
  holiday the territory may have; ``expire_le_prudent`` is the earlier date obtained when the
  uncertain days are working days, given only when it differs. ``sens`` picks the safe side.

Nothing here reads a database; the only file read is the winter-truce parameter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum
from functools import lru_cache
from typing import Any

from clerc.rules.calendrier import (
    JOURS_SEMAINE,
    NonOuvre,
    StatutJour,
    Territoire,
    est_jour_ouvrable,
    est_jour_ouvre,
    statut_jour,
    territoire,
)
from clerc.rules.dates import ajouter_mois
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.monnaie import format_date_longue
from clerc.rules.parametres import ValeurDatee, parametres

__all__ = [
    "AugmentationDistance",
    "DelaiCalcule",
    "Duree",
    "Empechement",
    "NatureActe",
    "NatureDelai",
    "PeriodeTreve",
    "Sens",
    "TypeJours",
    "augmentation_distance",
    "augmentation_la_plus_longue",
    "date_en_toutes_lettres",
    "delai",
    "duree",
    "empechements_horaires",
    "treve_hivernale",
]

MAX_JOURS = 36_600
MAX_MOIS = 1_200


class TypeJours(Enum):
    """Which days a duration in days counts."""

    CALENDAIRES = "jours"
    OUVRABLES = "jours ouvrables"  # Monday-Saturday, not a holiday
    OUVRES = "jours ouvrés"  # Monday-Friday, not a holiday


class Sens(Enum):
    """Who the deadline binds, hence which side of a doubt is safe for the office."""

    ETUDE = "etude"  # the office must act before it: take the earliest possible date
    ADVERSAIRE = "adversaire"  # runs against the other party: the office waits for the latest


class NatureDelai(Enum):
    """Kinds of deadline; CPC 643/644 extend only the first six."""

    COMPARUTION = "comparution"
    APPEL = "appel"
    OPPOSITION = "opposition"
    TIERCE_OPPOSITION = "tierce_opposition"  # only in the case of CPC 586 al. 3
    REVISION = "revision"
    CASSATION = "cassation"
    AUTRE = "autre"


@dataclass(frozen=True)
class Duree:
    """A legal duration: months (years are 12 months) then days of a given kind."""

    mois: int = 0
    jours: int = 0
    type_jours: TypeJours = TypeJours.CALENDAIRES
    libelle: str = ""

    def texte(self) -> str:
        if self.libelle:
            return self.libelle
        parties = []
        if self.mois:
            parties.append(f"{self.mois} mois")
        if self.jours or not parties:
            unite = self.type_jours.value
            parties.append(
                f"{self.jours} {unite if self.jours > 1 else unite.replace('jours', 'jour')}"
            )
        return " et ".join(parties)


@dataclass(frozen=True)
class AugmentationDistance:
    """Extension for distance (CPC 643/644), in months."""

    mois: int
    article: str
    motif: str


@dataclass(frozen=True)
class DelaiCalcule:
    """A computed deadline with its explanation and legal trace."""

    depuis: date
    duree: Duree
    territoire: str
    a_rebours: bool
    echeance_nominale: date  # before any CPC 642 extension or backwards adjustment
    expire_le: date  # every possible holiday counted as non-working
    proroge: bool
    motif: str
    expire_le_prudent: date | None  # earlier date if uncertain days are working days
    au_plus_tot: date
    au_plus_tard: date
    date_retenue: date  # the date to use for ``sens`` (expire_le when no sens is given)
    sens: Sens | None
    jours_non_ouvres: tuple[StatutJour, ...]
    incertitudes: tuple[StatutJour, ...]
    articles: tuple[str, ...]
    augmentation: AugmentationDistance | None = None

    def lignes(self) -> list[tuple[str, str]]:
        """The result as the command line and the web calculator print it (French)."""
        lignes = [
            ("Départ", date_en_toutes_lettres(self.depuis)),
            ("Durée", self.duree.texte() + (" (à rebours)" if self.a_rebours else "")),
            ("Territoire", self.territoire),
            ("Échéance nominale", date_en_toutes_lettres(self.echeance_nominale)),
            ("Expire le", date_en_toutes_lettres(self.expire_le)),
            ("Prorogé", "oui" if self.proroge else "non"),
        ]
        if self.expire_le_prudent is not None:
            lignes.append(("Expire le (prudent)", date_en_toutes_lettres(self.expire_le_prudent)))
        if self.sens is not None:
            lignes.append(("Date retenue", date_en_toutes_lettres(self.date_retenue)))
        return lignes

    def en_dict(self) -> dict[str, Any]:
        """Plain JSON-ready mapping (dates as ISO strings)."""
        donnees: dict[str, Any] = {
            "expire_le": self.expire_le.isoformat(),
            "proroge": self.proroge,
            "motif": self.motif,
        }
        if self.expire_le_prudent is not None:
            donnees["expire_le_prudent"] = self.expire_le_prudent.isoformat()
        donnees.update(
            {
                "depuis": self.depuis.isoformat(),
                "duree": self.duree.texte(),
                "territoire": self.territoire,
                "a_rebours": self.a_rebours,
                "echeance_nominale": self.echeance_nominale.isoformat(),
                "date_retenue": self.date_retenue.isoformat(),
                "jours_non_ouvres": [
                    {"jour": s.jour.isoformat(), "motifs": list(s.motifs)}
                    for s in self.jours_non_ouvres
                ],
                "articles": list(self.articles),
            }
        )
        if self.sens is not None:
            donnees["sens"] = self.sens.value
        if self.augmentation is not None:
            donnees["augmentation_distance_mois"] = self.augmentation.mois
        return donnees


# --- Parsing durations -------------------------------------------------------------------

_NOMBRES = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    "trente": 30, "quarante-cinq": 45, "soixante": 60,
}  # fmt: skip
_NOMBRE = r"(\d+|[a-z\-]+)"
_UNITE = r"(jours?|semaines?|mois|ans?|annees?)"
_QUALIFICATIF = r"(?:\s+(ouvrables?|ouvres?|calendaires?|francs?))?"
_MOTIF_DUREE = re.compile(
    rf"^{_NOMBRE}\s+{_UNITE}{_QUALIFICATIF}(?:\s+et\s+{_NOMBRE}\s+(jours?){_QUALIFICATIF})?$"
)


def _sans_accents(texte: str) -> str:
    return texte.replace("é", "e").replace("è", "e").replace("ê", "e").replace("É", "e")


def _nombre(texte: str, brut: str) -> int:
    if texte.isdigit():
        return int(texte)
    if texte in _NOMBRES:
        return _NOMBRES[texte]
    raise DonneeInvalide(f"Durée illisible « {brut} » : nombre « {texte} » non reconnu.")


def _type_jours(qualificatif: str | None, brut: str) -> TypeJours:
    if not qualificatif or qualificatif.startswith("calendaire"):
        return TypeJours.CALENDAIRES
    if qualificatif.startswith("ouvrable"):
        return TypeJours.OUVRABLES
    if qualificatif.startswith("ouvre"):
        return TypeJours.OUVRES
    raise DonneeInvalide(
        f"Durée « {brut} » : les délais francs n'existent plus en procédure civile "
        "(CPC 642 : tout délai expire le dernier jour à vingt-quatre heures)."
    )


def duree(texte: str | Duree) -> Duree:
    """Parse a French duration: "8 jours", "15 jours ouvrables", "6 semaines", "1 mois",
    "2 ans", "un mois et quinze jours". Raises DonneeInvalide when malformed."""
    if isinstance(texte, Duree):
        return texte
    brut = " ".join(str(texte).split())
    trouve = _MOTIF_DUREE.match(_sans_accents(brut.lower()))
    if trouve is None:
        raise DonneeInvalide(
            f"Durée illisible « {brut} » (exemples : « 8 jours », « 15 jours ouvrables », "
            "« 6 semaines », « 1 mois », « 2 ans »)."
        )
    nombre, unite, qualificatif, nombre_2, _, qualificatif_2 = trouve.groups()
    quantite = _nombre(nombre, brut)
    if unite.startswith("jour"):
        resultat = Duree(jours=quantite, type_jours=_type_jours(qualificatif, brut))
    elif qualificatif:
        raise DonneeInvalide(
            f"Durée illisible « {brut} » : « {qualificatif} » ne qualifie que des jours."
        )
    elif unite.startswith("semaine"):
        resultat = Duree(jours=7 * quantite)
    elif unite == "mois":
        resultat = Duree(mois=quantite)
    else:
        resultat = Duree(mois=12 * quantite)
    if nombre_2 is not None:
        if resultat.mois == 0 or resultat.jours:
            raise DonneeInvalide(
                f"Durée illisible « {brut} » : seuls « N mois et M jours » se combinent."
            )
        resultat = Duree(
            mois=resultat.mois,
            jours=_nombre(nombre_2, brut),
            type_jours=_type_jours(qualificatif_2, brut),
        )
    if resultat.mois == 0 and resultat.jours == 0:
        raise DonneeInvalide(f"Durée nulle « {brut} » : indiquez au moins un jour.")
    if resultat.mois > MAX_MOIS or resultat.jours > MAX_JOURS:
        raise DonneeInvalide(f"Durée « {brut} » hors limites (100 ans au plus).")
    return Duree(resultat.mois, resultat.jours, resultat.type_jours, brut)


# --- Date arithmetic (CPC 641) -----------------------------------------------------------


def _jour_compte(type_jours: TypeJours, t: Territoire, incertains: bool) -> Callable[[date], bool]:
    if type_jours is TypeJours.OUVRABLES:
        return lambda j: est_jour_ouvrable(j, t, incertains_feries=incertains)
    if type_jours is TypeJours.OUVRES:
        return lambda j: est_jour_ouvre(j, t, incertains_feries=incertains)
    return lambda j: True


def _compter_jours(depart: date, d: Duree, t: Territoire, incertains: bool, pas: int) -> date:
    """Move ``d.jours`` counted days from ``depart`` (excluded), forwards or backwards."""
    if d.type_jours is TypeJours.CALENDAIRES:
        return depart + timedelta(days=pas * d.jours)
    compte = _jour_compte(d.type_jours, t, incertains)
    jour, restants = depart, d.jours
    while restants:
        jour += timedelta(days=pas)
        if compte(jour):
            restants -= 1
    return jour


def _echeance(depuis: date, d: Duree, t: Territoire, incertains: bool, a_rebours: bool) -> date:
    pas = -1 if a_rebours else 1
    try:
        # Backwards deadlines are francs (Cass. 2e civ. 2005): the event day is not part of
        # the period, so step back one day first, then count months, then days (641): "at
        # least one month before 31 March" leaves 28 February (28/02 + 1 month <= 30/03).
        jour = depuis - timedelta(days=1) if a_rebours else depuis
        jour = ajouter_mois(jour, pas * d.mois) if d.mois else jour  # months first (641)
        jour = _compter_jours(jour, d, t, incertains, pas)
    except OverflowError:
        raise DonneeInvalide("Date hors du calendrier pris en charge (années 1 à 9999).") from None
    return jour


def _ajuster(jour: date, t: Territoire, incertains: bool, a_rebours: bool) -> date:
    """CPC 642 al. 2 forwards; previous working day backwards (clerc's safe choice)."""
    pas = timedelta(days=-1 if a_rebours else 1)
    while not est_jour_ouvre(jour, t, incertains_feries=incertains):
        jour += pas
    return jour


# --- Distance (CPC 643/644) --------------------------------------------------------------

ETRANGER = "etranger"
_NATURES_643 = frozenset(n for n in NatureDelai if n is not NatureDelai.AUTRE)
_NATURES_644 = _NATURES_643 - {NatureDelai.CASSATION}
_SIEGES_644 = frozenset({"971", "972", "973", "974", "975", "976", "977", "978", "986"})


def augmentation_distance(
    nature: NatureDelai, siege_juridiction: str | Territoire, demeure: str | Territoire
) -> AugmentationDistance | None:
    """Extension for distance of a deadline, or None when none applies.

    ``demeure`` is the territory code where the person lives, or "etranger" for abroad.

    CPC 643: court seated in metropolitan France; deadlines of comparution, appel, opposition,
    tierce opposition (586 al. 3), révision and cassation: + 1 month for persons living in
    Guadeloupe, Guyane, Martinique, La Réunion, Mayotte, Saint-Barthélemy, Saint-Martin,
    Saint-Pierre-et-Miquelon, Polynésie française, Wallis-et-Futuna, Nouvelle-Calédonie or the
    TAAF; + 2 months for persons living abroad.
    CPC 644: court seated in one of the overseas territories it lists (not PF, not NC); same
    deadlines but cassation: + 1 month for persons not living in the territory of the court's
    seat, + 2 months abroad.
    """
    siege = territoire(siege_juridiction)
    a_l_etranger = isinstance(demeure, str) and _sans_accents(demeure.strip().lower()) == ETRANGER
    lieu = None if a_l_etranger else territoire(demeure)
    if not siege.outre_mer:
        if nature not in _NATURES_643:
            return None
        if a_l_etranger:
            return AugmentationDistance(2, "CPC 643 2°", "personne demeurant à l'étranger")
        if lieu is not None and lieu.outre_mer:
            return AugmentationDistance(
                1, "CPC 643 1°", f"personne demeurant en outre-mer ({lieu.nom})"
            )
        return None
    if siege.code not in _SIEGES_644:
        raise DonneeInvalide(
            f"Juridiction siégeant en {siege.nom} : les délais de distance relèvent du code de "
            "procédure civile local, non des articles 643 et 644 du CPC."
        )
    if nature not in _NATURES_644:
        return None
    if a_l_etranger:
        return AugmentationDistance(2, "CPC 644", "personne demeurant à l'étranger")
    if lieu is not None and lieu.code != siege.code:
        return AugmentationDistance(
            1, "CPC 644", f"personne ne demeurant pas en {siege.nom}, siège de la juridiction"
        )
    return None


# --- The deadline ------------------------------------------------------------------------


def augmentation_la_plus_longue(
    nature: NatureDelai,
    siege_juridiction: str | Territoire,
    demeures: Sequence[tuple[str, str]],
) -> tuple[int, str]:
    """Months added for distance to a delay running against several persons (designation,
    where each lives: a territory code or "etranger"), and why: the longest extension, since
    the creditor waits for every remedy delay to run out (CPC 643, 644). A seat outside the
    scope of 643/644 (Polynésie, Nouvelle-Calédonie: their local code) adds nothing here."""
    meilleure: tuple[int, str] = (0, "")
    for designation, demeure in demeures:
        try:
            extension = augmentation_distance(nature, siege_juridiction, demeure)
        except DonneeInvalide:
            continue
        if extension is not None and extension.mois > meilleure[0]:
            meilleure = (extension.mois, f"{designation} : {extension.motif} ({extension.article})")
    return meilleure


def date_en_toutes_lettres(jour: date) -> str:
    """ "vendredi 26 décembre 2025", "lundi 1er juin 2026"."""
    return f"{JOURS_SEMAINE[jour.weekday()]} {format_date_longue(jour)}"


def _jours_sautes(de: date, a: date, t: Territoire, a_rebours: bool) -> tuple[StatutJour, ...]:
    """Non-working days between the nominal end (included) and the retained day (excluded)."""
    pas = timedelta(days=-1 if a_rebours else 1)
    statuts, jour = [], de
    while jour != a:
        statuts.append(statut_jour(jour, t))
        jour += pas
    return tuple(statuts)


def _decrire_jour(statut: StatutJour) -> str:
    texte = date_en_toutes_lettres(statut.jour)
    ferie = statut.ferie
    if ferie is None:
        return texte
    return f"{texte} ({ferie.nom} : {'jour férié' if ferie.certain else 'peut-être férié'})"


def _enumerer(elements: list[str]) -> str:
    if len(elements) <= 1:
        return "".join(elements)
    return ", ".join(elements[:-1]) + " et " + elements[-1]


def _motif(
    depuis: date,
    d: Duree,
    nominal: date,
    retenu: date,
    sautes: tuple[StatutJour, ...],
    a_rebours: bool,
    augmentation: AugmentationDistance | None,
) -> str:
    extension = (
        f", augmenté de {augmentation.mois} mois ({augmentation.article} : {augmentation.motif})"
        if augmentation
        else ""
    )
    if a_rebours:
        phrases = [
            f"Délai de {d.texte()}{extension} à rebours avant le {date_en_toutes_lettres(depuis)} "
            "(ni le jour de l'événement ni celui de l'acte ne comptent) : dernier jour utile le "
            f"{date_en_toutes_lettres(nominal)}."
        ]
        if sautes:
            jours = _enumerer([_decrire_jour(s) for s in reversed(sautes)])
            phrases.append(
                f"{jours[0].upper()}{jours[1:]} non ouvré(s) : acte à accomplir au plus tard le "
                f"{date_en_toutes_lettres(retenu)} (pas de prorogation des délais à rebours ; "
                "choix prudent de clerc)."
            )
        return " ".join(phrases)
    phrases = [
        f"Délai de {d.texte()}{extension} à compter du {date_en_toutes_lettres(depuis)} "
        "(CPC 641) : échéance le "
        f"{date_en_toutes_lettres(nominal)} à 24 heures (CPC 642 al. 1)."
    ]
    if sautes:
        jours = _enumerer([_decrire_jour(s) for s in sautes])
        phrases.append(
            f"{jours[0].upper()}{jours[1:]} : prorogé au {date_en_toutes_lettres(retenu)} "
            "(CPC 642 al. 2)."
        )
    return " ".join(phrases)


def _motif_incertitude(incertitudes: tuple[StatutJour, ...], autre: date, a_rebours: bool) -> str:
    jours = _enumerer(
        [
            f"{date_en_toutes_lettres(s.jour)} ({s.ferie.description() if s.ferie else ''})"
            for s in incertitudes
        ]
    )
    pluriel = len(incertitudes) > 1
    condition = "Si ces jours ne sont pas chômés" if pluriel else "Si ce jour n'est pas chômé"
    if a_rebours:
        return (
            f"Incertitude : {jours}. {condition}, l'acte pourrait encore être accompli le "
            f"{date_en_toutes_lettres(autre)} ; la date retenue est la plus précoce."
        )
    return (
        f"Incertitude : {jours}. {condition}, le délai expire dès le "
        f"{date_en_toutes_lettres(autre)} (date prudente pour un délai que l'étude doit "
        "respecter)."
    )


def _fenetre(
    depuis: date, nominal: date, retenu: date, d: Duree, a_rebours: bool
) -> tuple[date, date]:
    """Days where an uncertain holiday can change the result: the counted days (when only
    some days count) and the days between the nominal end and the retained day."""
    pas = timedelta(days=1)
    if a_rebours:
        fin = depuis - pas if d.jours and d.type_jours is not TypeJours.CALENDAIRES else nominal
        return retenu, fin
    debut = depuis + pas if d.jours and d.type_jours is not TypeJours.CALENDAIRES else nominal
    return debut, retenu


def _incertitudes(fenetre: tuple[date, date], t: Territoire) -> tuple[StatutJour, ...]:
    jour, dernier = fenetre
    trouves = []
    while jour <= dernier:
        statut = statut_jour(jour, t)
        if statut.non_ouvre is NonOuvre.POSSIBLE:
            trouves.append(statut)
        jour += timedelta(days=1)
    return tuple(trouves)


@lru_cache(maxsize=65_536)  # pure: the agenda and the generator ask the same delays again
def delai(
    depuis: date,
    duree_: str | Duree,
    territoire_: str | Territoire = "75",
    *,
    a_rebours: bool = False,
    sens: Sens | None = None,
    augmentation: AugmentationDistance | None = None,
) -> DelaiCalcule:
    """The deadline running from ``depuis`` (or, ``a_rebours``, ending before the event
    ``depuis``), computed by CPC 640-642 in the territory's calendar.

    ``augmentation`` (see :func:`augmentation_distance`) adds the CPC 643/644 months, counted
    before the days (CPC 641 al. 3).
    """
    t = territoire(territoire_)
    d = duree(duree_)
    if augmentation is not None:
        d = Duree(d.mois + augmentation.mois, d.jours, d.type_jours)
    nominal = _echeance(depuis, d, t, True, a_rebours)
    expire_le = _ajuster(nominal, t, True, a_rebours)
    nominal_certain = _echeance(depuis, d, t, False, a_rebours)
    expire_certain = _ajuster(nominal_certain, t, False, a_rebours)
    au_plus_tot, au_plus_tard = sorted((expire_le, expire_certain))
    sautes = _jours_sautes(nominal, expire_le, t, a_rebours)
    motif = _motif(depuis, d, nominal, expire_le, sautes, a_rebours, augmentation)
    incertitudes: tuple[StatutJour, ...] = ()
    if au_plus_tot != au_plus_tard:
        incertitudes = _incertitudes(_fenetre(depuis, nominal, expire_le, d, a_rebours), t)
        motif = f"{motif} {_motif_incertitude(incertitudes, expire_certain, a_rebours)}"
    retenue = expire_le
    if sens is Sens.ETUDE:
        retenue = au_plus_tot
    elif sens is Sens.ADVERSAIRE:
        retenue = au_plus_tard
    return DelaiCalcule(
        depuis=depuis,
        duree=d,
        territoire=t.code,
        a_rebours=a_rebours,
        echeance_nominale=nominal,
        expire_le=expire_le,
        proroge=bool(sautes) and not a_rebours,
        motif=motif,
        expire_le_prudent=au_plus_tot if au_plus_tot != expire_le else None,
        au_plus_tot=au_plus_tot,
        au_plus_tard=au_plus_tard,
        date_retenue=retenue,
        sens=sens,
        jours_non_ouvres=sautes,
        incertitudes=incertitudes,
        articles=_articles(d, t, bool(sautes), a_rebours, bool(incertitudes), augmentation),
        augmentation=augmentation,
    )


def _articles(
    d: Duree,
    t: Territoire,
    saute: bool,
    a_rebours: bool,
    incertain: bool,
    augmentation: AugmentationDistance | None,
) -> tuple[str, ...]:
    articles = ["CPC 640"]
    if d.jours:
        articles.append("CPC 641 al. 1")
    if d.mois:
        articles.append("CPC 641 al. 2")
    if d.mois and d.jours:
        articles.append("CPC 641 al. 3")
    articles.append("CPC 642 al. 1")
    if a_rebours:
        articles.append("Cass. 2e civ., 20 oct. 2005, n° 04-10.138 (délai à rebours franc)")
        articles.append("Cass. 2e civ., 4 févr. 1998, n° 96-13.391 (pas de prorogation)")
    elif saute:
        articles.append("CPC 642 al. 2")
    if augmentation is not None:
        articles.append(augmentation.article)
    if incertain:
        articles.append("C. trav. L3134-13" if t.alsace_moselle else "C. trav. L3422-2")
    return tuple(articles)


# --- Winter truce (CPCE L412-6) ----------------------------------------------------------

PARAMETRE_TREVE = "expulsion.treve_hivernale"


@dataclass(frozen=True)
class PeriodeTreve:
    """A winter truce: no expulsion carried out from ``debut`` to ``fin`` (inclusive)."""

    debut: date
    fin: date
    reprise_le: date  # first day an expulsion may be carried out again
    articles: tuple[str, ...]
    avertissements: tuple[str, ...]


def _jour_mois(texte: object, annee: int) -> date:
    mois, jour = (int(x) for x in str(texte).split("-"))
    return date(annee, mois, jour)


def _saison(jour: date, valeur: ValeurDatee) -> tuple[date, date] | None:
    regle = valeur.valeur
    debut, fin = _jour_mois(regle["debut"], jour.year), _jour_mois(regle["fin"], jour.year)
    if jour >= debut:
        return debut, _jour_mois(regle["fin"], jour.year + 1)
    if jour <= fin:
        return _jour_mois(regle["debut"], jour.year - 1), fin
    return None


def treve_hivernale(jour: date) -> PeriodeTreve | None:
    """The winter truce covering ``jour``, or None when expulsions may be carried out.

    CPCE L412-6 al. 1 (formerly CCH L613-3): notwithstanding any final expulsion decision,
    expulsions not carried out are suspended from 1 November each year until 31 March of the
    next (15 March before loi ALUR n° 2014-366, in force 27 March 2014), unless the occupants'
    rehousing is ensured. The dates come from the dated parameter ``expulsion.treve_hivernale``
    (including the 2020 and 2021 health-crisis extensions). Exceptions (rehousing, squatters
    under L412-6 al. 2-3, L412-7, L412-8) are for the caller to assess.
    """
    parametre = parametres().get(PARAMETRE_TREVE)
    valeur = parametre.valeur_au(jour)
    saison = _saison(jour, valeur)
    if saison is None:
        return None
    debut, fin = saison
    valeurs = [valeur]
    # A later text may have extended the season under way (2020, 2021): follow it.
    for _ in range(12):
        lendemain = fin + timedelta(days=1)
        suivante = parametre.valeur_au(lendemain)
        prolongee = _saison(lendemain, suivante)
        if prolongee is None or prolongee[0] != debut:
            break
        fin = prolongee[1]
        valeurs.append(suivante)
    articles = tuple(
        dict.fromkeys(v.reference.citation() for v in valeurs if v.reference is not None)
    )
    avertissements = tuple(dict.fromkeys(v.avertissement for v in valeurs if v.avertissement))
    return PeriodeTreve(debut, fin, fin + timedelta(days=1), articles, avertissements)


# --- Legal hours of acts (CPCE L141-1, CPC 664) --------------------------------------------

HEURE_DEBUT = time(6, 0)
HEURE_FIN = time(21, 0)


class NatureActe(Enum):
    SIGNIFICATION = "signification"  # CPC 664
    MESURE_EXECUTION = "mesure_execution"  # CPCE L141-1


@dataclass(frozen=True)
class Empechement:
    """Why an act may not be done at that moment; ``certain`` False for an uncertain holiday."""

    motif: str
    article: str
    certain: bool = True


def empechements_horaires(
    moment: datetime,
    territoire_: str | Territoire = "75",
    nature: NatureActe = NatureActe.SIGNIFICATION,
    *,
    autorisation_juge: bool = False,
    lieu_habitation: bool = True,
) -> tuple[Empechement, ...]:
    """Reasons (in French) why a signification or enforcement measure may not be done or
    started at ``moment`` (local wall-clock time of the territory); empty when allowed.

    CPC 664: no signification before 6:00 or after 21:00, nor on Sundays, holidays or jours
    chômés, save with the judge's permission in case of necessity.
    CPCE L141-1: no enforcement measure on a Sunday or holiday save with the judge's
    authorisation in case of necessity; none *started* before 6:00 or after 21:00, save with
    the judge's authorisation and only in places not used as a dwelling.
    """
    t = territoire(territoire_)
    jour, heure = moment.date(), moment.time().replace(tzinfo=None)
    if nature is NatureActe.SIGNIFICATION:
        article, quoi = "CPC 664", "signification"
        heures_autorisables = True
    else:
        article, quoi = "CPCE L141-1", "mesure d'exécution"
        heures_autorisables = not lieu_habitation
    empechements: list[Empechement] = []
    if not (autorisation_juge and heures_autorisables) and not HEURE_DEBUT <= heure <= HEURE_FIN:
        suite = "" if heures_autorisables else " (même autorisée, jamais dans un lieu d'habitation)"
        empechements.append(
            Empechement(
                f"aucune {quoi} avant 6 heures ni après 21 heures "
                f"({heure.strftime('%H:%M')}){suite}",
                article,
            )
        )
    if autorisation_juge:
        return tuple(empechements)
    if jour.weekday() == 6:
        empechements.append(Empechement(f"aucune {quoi} un dimanche", article))
    statut = statut_jour(jour, t)
    if statut.ferie is not None:
        ferie = statut.ferie
        texte = f"aucune {quoi} un jour férié : {ferie.nom}"
        if not ferie.certain:
            texte = f"{texte} (peut-être férié : {ferie.motif_incertitude})"
        empechements.append(Empechement(texte, article, ferie.certain))
    return tuple(empechements)
