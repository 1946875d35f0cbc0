"""Public holidays by territory and the working-day calendars of French procedure.

Wraps ``holidays.France(subdiv=..., language="fr")`` (one cached instance per subdivision) and
adds what the library cannot know: whether a day is *certainly* or only *possibly* a holiday at
the level of a whole territory.

Territories are department codes as users type them: metropolitan "01".."95" with "2A"/"2B";
Alsace-Moselle "57", "67", "68"; overseas departments "971".."974", "976"; collectivities
"975" (Saint-Pierre-et-Miquelon), "977" (Saint-Barthélemy), "978" (Saint-Martin),
"986" (Wallis-et-Futuna), "987" (Polynésie française), "988" (Nouvelle-Calédonie).

Which days are non-working:
- C. trav. L3133-1: the eleven public holidays of all France (1 Jan, Easter Monday, 1 May,
  8 May, Ascension, Whit Monday, 14 Jul, 15 Aug, 1 Nov, 11 Nov, 25 Dec). Only a law or a
  regulation makes a day férié (Cass. 2e civ., 16 juillet 1976, n° 75-12.260).
- C. trav. L3134-13 (Moselle, Bas-Rhin, Haut-Rhin): plus 26 December, and Good Friday *only in
  communes having a Protestant temple or a mixed church*. At territory level Good Friday is
  therefore uncertain; a caller who knows the commune passes ``vendredi_saint=True/False``.
- Loi n° 83-550 du 30 juin 1983, décret n° 83-1003 du 23 novembre 1983 (as amended by décret
  n° 2012-553 du 23 avril 2012), C. trav. L3422-2: the abolition-of-slavery day of each
  overseas territory (976: 27 Apr, 972: 22 May, 971: 27 May, 973: 10 Jun, 977: 9 Oct,
  974: 20 Dec, 978: 27 May in the text, 28 May applied since 2018 by interministerial
  circulars; both are uncertain from 2018).
- Days the library counts that no national text makes férié are uncertain ("jours chômés" by
  custom): Good Friday and Mi-Carême in Guadeloupe, Victor Schoelcher day (21 July) in
  Guadeloupe, Martinique and Saint-Martin (the 1914 arrêté that made it férié lapsed with loi
  83-550: answer to written question AN n° 61289, 9th legislature). Have practitioners confirm.
- Whit Monday stayed a public holiday in 2005-2007 (the journée de solidarité was set on it, but
  it remained férié: Conseil d'État, May 2005, CFTC); the library drops it for those years and
  we put it back.

Calendars (``est_jour_ouvre``): CPC 642 al. 2 extends a deadline expiring on a Saturday,
Sunday, férié or chômé day, so a *jour ouvré* here is Monday-Friday and not a holiday.
``est_jour_ouvrable`` is the usual meaning of "jours ouvrables": Monday-Saturday, not a holiday.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache

from holidays import HolidayBase
from holidays.countries.france import France

from clerc.rules.erreurs import DonneeInvalide

__all__ = [
    "JourFerie",
    "NonOuvre",
    "StatutJour",
    "Territoire",
    "est_jour_ouvrable",
    "est_jour_ouvre",
    "jour_ferie",
    "jours_feries",
    "jours_feries_entre",
    "statut_jour",
    "territoire",
]

JOURS_SEMAINE = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

ARTICLE_ALSACE_MOSELLE = "C. trav. L3134-13"
MOTIF_VENDREDI_SAINT_ALSACE_MOSELLE = (
    "férié seulement dans les communes ayant un temple protestant ou une église mixte "
    f"({ARTICLE_ALSACE_MOSELLE})"
)
MOTIF_USAGE_OUTRE_MER = (
    "chômé par usage, absent des listes légales (C. trav. L3133-1 et L3422-2) : "
    "à faire confirmer localement"
)
MOTIF_SAINT_MARTIN = (
    "Saint-Martin : 27 mai selon C. trav. L3422-2 et le décret n° 83-1003 modifié, 28 mai "
    "appliqué depuis 2018 par circulaires interministérielles"
)


class NonOuvre(Enum):
    """Whether a day is a non-working day in the sense of CPC 642."""

    NON = "non"  # a working day
    CERTAIN = "certain"  # certainly non-working (weekend or legal holiday)
    POSSIBLE = "possible"  # non-working only in some communes, or by unconfirmed custom


@dataclass(frozen=True)
class Territoire:
    """A territory whose calendar applies (a department or overseas collectivity).

    ``vendredi_saint`` matters only in 57/67/68: True when the commune has a Protestant temple
    or a mixed church (Good Friday certainly férié), False when it has none, None if unknown.
    """

    code: str
    nom: str
    subdivision: str | None
    outre_mer: bool
    vendredi_saint: bool | None = None

    @property
    def alsace_moselle(self) -> bool:
        return self.code in ALSACE_MOSELLE


@dataclass(frozen=True)
class JourFerie:
    """A holiday of a territory; ``certain`` False when it is a holiday only possibly."""

    jour: date
    nom: str
    certain: bool = True
    motif_incertitude: str = ""

    def description(self) -> str:
        if self.certain:
            return self.nom
        return f"{self.nom}, {self.motif_incertitude}"


@dataclass(frozen=True)
class StatutJour:
    """What a day is in a territory: working or not, with the French reasons."""

    jour: date
    non_ouvre: NonOuvre
    motifs: tuple[str, ...]
    ferie: JourFerie | None


ALSACE_MOSELLE = frozenset({"57", "67", "68"})

_OUTRE_MER: dict[str, tuple[str, str]] = {
    "971": ("Guadeloupe", "971"),
    "972": ("Martinique", "972"),
    "973": ("Guyane", "973"),
    "974": ("La Réunion", "974"),
    "975": ("Saint-Pierre-et-Miquelon", "PM"),
    "976": ("Mayotte", "976"),
    "977": ("Saint-Barthélemy", "BL"),
    "978": ("Saint-Martin", "MF"),
    "986": ("Wallis-et-Futuna", "WF"),
    "987": ("Polynésie française", "PF"),
    "988": ("Nouvelle-Calédonie", "NC"),
}
_ALSACE_MOSELLE_NOMS = {
    "57": ("Moselle", "57"),
    "67": ("Bas-Rhin", "6AE"),
    "68": ("Haut-Rhin", "6AE"),
}
_METROPOLE = frozenset([f"{n:02d}" for n in range(1, 96) if n != 20] + ["2A", "2B"])


def territoire(code: str | Territoire, *, vendredi_saint: bool | None = None) -> Territoire:
    """The territory for a department code typed by a user ("75", "2a", "67", "971"...).

    Raises DonneeInvalide (French message) for an unknown code.
    """
    if isinstance(code, Territoire):
        if vendredi_saint is None:
            return code
        return replace(code, vendredi_saint=vendredi_saint)
    return _territoire(str(code).strip().upper(), vendredi_saint)


@lru_cache(maxsize=512)
def _territoire(code: str, vendredi_saint: bool | None) -> Territoire:
    if len(code) == 1 and code.isdigit():
        code = "0" + code
    if code in _OUTRE_MER:
        nom, subdiv = _OUTRE_MER[code]
        return Territoire(code, nom, subdiv, True, vendredi_saint)
    if code in _ALSACE_MOSELLE_NOMS:
        nom, subdiv = _ALSACE_MOSELLE_NOMS[code]
        return Territoire(code, nom, subdiv, False, vendredi_saint)
    if code in _METROPOLE:
        return Territoire(code, f"département {code}", None, False, vendredi_saint)
    raise DonneeInvalide(
        f"Territoire inconnu « {code} » : indiquez un numéro de département "
        "(01 à 95, 2A, 2B) ou d'outre-mer (971 à 978, 986 à 988)."
    )


@lru_cache(maxsize=32)
def _calendrier_bibliotheque(subdivision: str | None) -> HolidayBase:
    """One cached ``holidays`` instance per subdivision (years are filled lazily)."""
    return France(subdiv=subdivision, language="fr")  # type: ignore[no-untyped-call]


def _corrections(t: Territoire, annee: int, feries: dict[date, JourFerie]) -> None:
    """Apply our legal reading on top of the library's list for one year (in place)."""
    # Whit Monday stayed férié in 2005-2007 (only the journée de solidarité was set on it).
    if 2005 <= annee <= 2007:
        paques = _paques(annee)
        pentecote = paques + timedelta(days=50)
        feries.setdefault(pentecote, JourFerie(pentecote, "Lundi de Pentecôte"))
    if t.alsace_moselle:
        _corrections_alsace_moselle(t, feries)
    elif t.code == "971":
        _rendre_incertain(feries, ("Vendredi saint", "Mi-Carême", "Fête de Victor Schoelcher"))
    elif t.code == "972":
        _rendre_incertain(feries, ("Fête de Victor Schoelcher",))
    elif t.code == "978":
        _corrections_saint_martin(annee, feries)


def _corrections_alsace_moselle(t: Territoire, feries: dict[date, JourFerie]) -> None:
    # C. trav. L3134-13: Good Friday only in communes with a Protestant temple or mixed church.
    for jour, ferie in list(feries.items()):
        if ferie.nom != "Vendredi saint":
            continue
        if t.vendredi_saint is None:
            feries[jour] = replace(
                ferie, certain=False, motif_incertitude=MOTIF_VENDREDI_SAINT_ALSACE_MOSELLE
            )
        elif not t.vendredi_saint:
            del feries[jour]


def _rendre_incertain(feries: dict[date, JourFerie], noms: tuple[str, ...]) -> None:
    for jour, ferie in list(feries.items()):
        if ferie.nom in noms:
            feries[jour] = replace(ferie, certain=False, motif_incertitude=MOTIF_USAGE_OUTRE_MER)


def _corrections_saint_martin(annee: int, feries: dict[date, JourFerie]) -> None:
    # Décret n° 2012-553 (in force 26 April 2012) set 27 May for Saint-Martin, as does
    # C. trav. L3422-2; circulars of 2018 and 2019 allowed 28 May, which the prefecture applies
    # as the holiday. The library has 28 May from 2012: replace it by our reading.
    _rendre_incertain(feries, ("Fête de Victor Schoelcher",))
    nom = "Abolition de l'esclavage"
    for jour, ferie in list(feries.items()):
        if ferie.nom == nom:
            del feries[jour]
    if annee < 2012:
        return
    vingt_sept = date(annee, 5, 27)
    if annee < 2018:
        feries[vingt_sept] = JourFerie(vingt_sept, nom)
        return
    vingt_huit = date(annee, 5, 28)
    feries[vingt_sept] = JourFerie(vingt_sept, nom, False, MOTIF_SAINT_MARTIN)
    feries[vingt_huit] = JourFerie(vingt_huit, nom, False, MOTIF_SAINT_MARTIN)


def _paques(annee: int) -> date:
    """Easter Sunday (Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = annee % 19, annee // 100, annee % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_ + 163) // 5425
    mois = (h + l_ - 7 * m + 90) // 25
    jour = (h + l_ - 7 * m + 33 * mois + 19) % 32
    return date(annee, mois, jour)


@lru_cache(maxsize=4096)
def _feries_annee(t: Territoire, annee: int) -> dict[date, JourFerie]:
    calendrier = _calendrier_bibliotheque(t.subdivision)
    _ = date(annee, 1, 1) in calendrier  # membership test fills the year (expand=True)
    feries = {
        jour: JourFerie(jour, str(nom)) for jour, nom in calendrier.items() if jour.year == annee
    }
    _corrections(t, annee, feries)
    return feries


def jours_feries(code: str | Territoire, annee: int) -> tuple[JourFerie, ...]:
    """The holidays of a territory for a year, in date order (uncertain ones included)."""
    t = territoire(code)
    return tuple(sorted(_feries_annee(t, annee).values(), key=lambda f: f.jour))


def jours_feries_entre(code: str | Territoire, du: date, au: date) -> Iterator[JourFerie]:
    """Holidays between two dates (inclusive), in date order."""
    t = territoire(code)
    for annee in range(du.year, au.year + 1):
        for ferie in jours_feries(t, annee):
            if du <= ferie.jour <= au:
                yield ferie


def jour_ferie(jour: date, code: str | Territoire) -> JourFerie | None:
    """The holiday falling on ``jour`` in the territory, or None."""
    return _feries_annee(territoire(code), jour.year).get(jour)


def statut_jour(jour: date, code: str | Territoire) -> StatutJour:
    """Whether ``jour`` is certainly, possibly or not a non-working day (CPC 642), and why."""
    ferie = jour_ferie(jour, code)
    motifs: list[str] = []
    if jour.weekday() >= 5:
        motifs.append(JOURS_SEMAINE[jour.weekday()])
    if ferie is not None:
        motifs.append(
            f"{ferie.nom} : jour férié"
            if ferie.certain
            else f"{ferie.nom} : peut-être férié, {ferie.motif_incertitude}"
        )
    if jour.weekday() >= 5 or (ferie is not None and ferie.certain):
        etat = NonOuvre.CERTAIN
    elif ferie is not None:
        etat = NonOuvre.POSSIBLE
    else:
        etat = NonOuvre.NON
    return StatutJour(jour, etat, tuple(motifs), ferie)


def _est_ferie(jour: date, t: Territoire, incertains_feries: bool) -> bool:
    ferie = _feries_annee(t, jour.year).get(jour)
    return ferie is not None and (ferie.certain or incertains_feries)


def est_jour_ouvre(jour: date, code: str | Territoire, *, incertains_feries: bool = True) -> bool:
    """Working day for CPC 642 al. 2: Monday-Friday and not a holiday.

    ``incertains_feries``: whether possible holidays (Good Friday in 57/67/68...) count as
    holidays; True gives the calendar with every holiday the territory may have.
    """
    if jour.weekday() >= 5:
        return False
    return not _est_ferie(jour, territoire(code), incertains_feries)


def est_jour_ouvrable(
    jour: date, code: str | Territoire, *, incertains_feries: bool = True
) -> bool:
    """ "Jour ouvrable" in its usual sense: Monday-Saturday and not a holiday."""
    if jour.weekday() == 6:
        return False
    return not _est_ferie(jour, territoire(code), incertains_feries)
