"""Interest on a sum of money between two dates: legal rate (with majoration) or conventional.

Law applied (paraphrased):
- C. mon. fin. L313-2 and D313-1-A: since 1 January 2015 the legal rate is set every semester
  by arrêté, one rate for creditors who are natural persons not acting for professional needs
  (category ``particulier``), one for all other cases (``autre``). 2010-2014: one yearly rate.
- C. mon. fin. L313-3 al. 1: after a court order to pay, the legal rate is raised by five
  points two months after the decision became enforceable (the caller gives that first
  majorated day, ``majoration_depuis``: it depends on service, Cass. 2e civ., 12 janv. 2023,
  n° 20-20.063, and on a JEX waiver, L313-3 al. 2, which this module does not judge).
- C. civ. 1231-6 / 1231-7: moratory interest at the legal rate; a contract may fix another
  rate (``taux_conventionnel``), in which case L313-3 does not apply.
- C. civ. 1343-2: interest due for at least a full year bears interest itself when a contract
  or a court decision says so (``capitalisation_depuis``).

Convention (docs/interets.md), stated once here:
- interest runs for each day d with ``du < d <= au`` (the start day excluded, the end day
  included), at the rate in force on d, plus the majoration when ``d >= majoration_depuis``;
- simple interest = capital x rate x days / 36 500, divisor 365 in every year including leap
  years, as service-public.fr (fiche F20688) computes; no statutory text fixes the divisor;
- a period is split at every rate change (1 January / 1 July), at the majoration date, at each
  capitalisation date and (in the décompte) at each payment; each period's amount is rounded
  half-up to the cent, and the total is the sum of the rounded periods;
- a period is printed as ``du`` (exclusive) to ``au`` (inclusive) so ``jours = au - du`` and
  consecutive periods chain; ``taux`` is in percent per year, majoration included.
- capitalisation: on each anniversary of ``capitalisation_depuis`` that is at least one year
  after interest began to run, the interest accrued and unpaid is added to the capital, which
  bears interest from the next day. An anniversary of 29 February falls on 28 February.

Simplified: the 4-month delay of a jugement d'adjudication and JEX reductions are left to the
caller, who passes the resulting majoration date (or none).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from clerc.rules.erreurs import DonneeInvalide, ParametreManquant
from clerc.rules.monnaie import CENTIME, ZERO
from clerc.rules.parametres import (
    Parametre,
    Parametres,
    ValeurDatee,
    parametres,
)

CATEGORIES: dict[str, str] = {
    "particulier": "interet_legal.taux_particuliers",
    "autre": "interet_legal.taux_autres_cas",
}
PARAMETRE_MAJORATION = "interet_legal.majoration"
MODES = ("legal", "conventionnel", "aucun")
DIVISEUR = Decimal(36500)  # 365 days x 100 (rates in percent): service-public.fr F20688
_FIN_DES_TEMPS = date.max.toordinal()


# A period as the hot loop records it: (du, au) as day ordinals, then jours, capital, taux,
# majore, montant, reference, assiette. Turned into PeriodeInterets on demand.
PeriodeBrute = tuple[int, int, int, Decimal, Decimal, bool, Decimal, str, str]


class PeriodeInterets(NamedTuple):
    """One traced line of interest: a run of days at one rate on one capital.

    A NamedTuple (immutable) rather than a dataclass: décomptes build many of them and a
    tuple is four times cheaper to create.
    """

    du: date  # exclusive: the first day counted is du + 1
    au: date  # inclusive
    jours: int
    capital: Decimal
    taux: Decimal  # percent per year, majoration included
    majore: bool
    montant: Decimal  # rounded half-up to the cent
    reference: str  # the text that set the rate (arrêté, décret, contract)
    assiette: str = "capital"  # which sum bears the interest (principal, article 700...)


def periode(brute: PeriodeBrute) -> PeriodeInterets:
    """The traced period of a raw one (dates rebuilt from ordinals)."""
    du, au, jours, capital, taux, majore, montant, reference, assiette = brute
    fromordinal = date.fromordinal
    return PeriodeInterets(
        fromordinal(du), fromordinal(au), jours, capital, taux, majore, montant, reference, assiette
    )


@dataclass(frozen=True)
class Capitalisation:
    """Accrued interest added to the capital (C. civ. 1343-2) on ``date``."""

    date: date
    interets_capitalises: Decimal
    capital_apres: Decimal
    assiette: str = "capital"


@dataclass(frozen=True)
class RegimeInterets:
    """How a sum bears interest.

    ``mode``: ``legal`` (legal rate of ``categorie``, majorated from ``majoration_depuis``),
    ``conventionnel`` (fixed ``taux_conventionnel`` in percent per year) or ``aucun``.
    """

    mode: str = "legal"
    categorie: str = "particulier"
    majoration_depuis: date | None = None
    taux_conventionnel: Decimal | None = None
    capitalisation_depuis: date | None = None

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise DonneeInvalide(
                f"Régime d'intérêts inconnu « {self.mode} » (attendu : {', '.join(MODES)})."
            )
        if self.categorie not in CATEGORIES:
            raise DonneeInvalide(
                f"Catégorie de créancier inconnue « {self.categorie} » "
                f"(attendu : {', '.join(CATEGORIES)})."
            )
        if self.mode == "conventionnel":
            if self.taux_conventionnel is None:
                raise DonneeInvalide("Taux conventionnel manquant.")
            if not self.taux_conventionnel.is_finite() or self.taux_conventionnel < 0:
                raise DonneeInvalide(
                    f"Taux conventionnel invalide « {self.taux_conventionnel} » (négatif ou non "
                    "numérique)."
                )
            if self.majoration_depuis is not None:
                raise DonneeInvalide(
                    "La majoration de cinq points (C. mon. fin. L313-3) ne s'applique qu'au taux "
                    "légal, pas à un taux conventionnel."
                )
        elif self.taux_conventionnel is not None:
            raise DonneeInvalide("Un taux conventionnel n'a de sens qu'en régime conventionnel.")


@dataclass(frozen=True)
class ResultatInterets:
    """Interest on ``capital`` for the days ``du < d <= au``, with its trace."""

    capital: Decimal
    du: date
    au: date
    interets: Decimal
    periodes: tuple[PeriodeInterets, ...]
    avertissements: tuple[str, ...]
    capitalisations: tuple[Capitalisation, ...] = ()
    capital_final: Decimal = ZERO


class Bareme:
    """A rate schedule as contiguous segments of day ordinals (precomputed once, then reused).

    Built from a dated parameter (legal rate of one category) or from one fixed rate.
    """

    __slots__ = (
        "_references_majorees",
        "_taux_majores",
        "avertissements",
        "debuts",
        "fins",
        "parametre",
        "references",
        "taux",
    )

    def __init__(
        self,
        debuts: list[int],
        fins: list[int],
        taux: list[Decimal],
        references: list[str],
        avertissements: list[str | None],
        parametre: Parametre | None,
    ) -> None:
        self.debuts = debuts
        self.fins = fins
        self.taux = taux
        self.references = references
        self.avertissements = avertissements
        self.parametre = parametre
        self._references_majorees: dict[str, list[str]] = {}
        self._taux_majores: dict[Decimal, list[Decimal]] = {}

    def taux_majores(self, points: Decimal) -> list[Decimal]:
        """Each segment's rate plus ``points`` (built once per majoration value)."""
        taux = self._taux_majores.get(points)
        if taux is None:
            taux = [valeur + points for valeur in self.taux]
            self._taux_majores[points] = taux
        return taux

    def references_majorees(self, majoration: str) -> list[str]:
        """Each segment's reference followed by the majoration's (built once per text)."""
        references = self._references_majorees.get(majoration)
        if references is None:
            references = [f"{reference} ; {majoration}" for reference in self.references]
            self._references_majorees[majoration] = references
        return references

    @classmethod
    def depuis_parametre(cls, parametre: Parametre) -> Bareme:
        debuts: list[int] = []
        fins: list[int] = []
        taux: list[Decimal] = []
        references: list[str] = []
        avertissements: list[str | None] = []
        valeurs = parametre.valeurs
        for rang, valeur in enumerate(valeurs):
            if valeur.valeur is None:
                continue
            fin = valeur.fin.toordinal() if valeur.fin is not None else _FIN_DES_TEMPS
            if rang + 1 < len(valeurs):
                fin = min(fin, valeurs[rang + 1].debut.toordinal() - 1)
            debuts.append(valeur.debut.toordinal())
            fins.append(fin)
            taux.append(Decimal(valeur.valeur))
            references.append(_citation(valeur))
            avertissements.append(valeur.avertissement)
        return cls(debuts, fins, taux, references, avertissements, parametre)

    @classmethod
    def fixe(cls, taux: Decimal, reference: str) -> Bareme:
        return cls([1], [_FIN_DES_TEMPS], [taux], [reference], [None], None)

    def manquant(self, jour_ordinal: int) -> ParametreManquant:
        """The error for a day no segment covers (the parameter's own message)."""
        jour = date.fromordinal(jour_ordinal)
        if self.parametre is not None:
            try:
                self.parametre.valeur_au(jour)
            except ParametreManquant as exc:
                return exc
            nom = self.parametre.nom
        else:
            nom = "taux d'intérêt"
        return ParametreManquant(nom, jour.isoformat())


def _citation(valeur: ValeurDatee) -> str:
    return valeur.reference.citation() if valeur.reference else valeur.description


def parametres_en_vigueur() -> Parametres:
    """The parameters in use (kept as a name for the rules' callers)."""
    return parametres()


# Schedules cached per category, keyed by the identity of the loaded Parametre so that a
# reload of the parameters (local overrides added) rebuilds them.
_baremes: dict[str, tuple[Parametre, Bareme]] = {}


def bareme_legal(categorie: str, ensemble: Parametres | None = None) -> Bareme:
    """The legal-rate schedule of ``categorie`` (``particulier`` or ``autre``).

    ``ensemble``: the parameters in use, when the caller already holds them (a décompte
    builds several schedules and ``parametres()`` is not free).
    """
    try:
        nom = CATEGORIES[categorie]
    except KeyError:
        raise DonneeInvalide(
            f"Catégorie de créancier inconnue « {categorie} » (attendu : {', '.join(CATEGORIES)})."
        ) from None
    parametre = (ensemble or parametres_en_vigueur()).get(nom)
    en_cache = _baremes.get(categorie)
    if en_cache is not None and en_cache[0] is parametre:
        return en_cache[1]
    bareme = Bareme.depuis_parametre(parametre)
    _baremes[categorie] = (parametre, bareme)
    return bareme


def _ajoute_annees(jour: date, annees: int) -> date:
    try:
        return jour.replace(year=jour.year + annees)
    except ValueError:  # 29 February
        return jour.replace(year=jour.year + annees, day=28)


class Cours:
    """Interest running on one sum under one regime, advanced step by step (between payments).

    Machinery shared by :func:`interets` and the décompte. ``debut`` is the day interest
    starts to run from (exclusive), used for the one-year condition of capitalisation.
    """

    __slots__ = (
        "_annee_capitalisation",
        "_prochaine_capitalisation",
        "assiette",
        "bareme",
        "capitalisation_depuis",
        "majoration_avertissement",
        "majoration_ordinal",
        "majoration_points",
        "majoration_reference",
        "references_majorees",
        "taux_majores",
    )

    def __init__(
        self,
        regime: RegimeInterets,
        debut: date,
        assiette: str = "capital",
        ensemble: Parametres | None = None,
    ) -> None:
        if regime.mode == "aucun":
            raise DonneeInvalide("Aucun intérêt ne court sous le régime « aucun ».")
        self.assiette = assiette
        if regime.mode == "conventionnel":
            assert regime.taux_conventionnel is not None
            self.bareme = Bareme.fixe(
                regime.taux_conventionnel, "Taux conventionnel (C. civ. 1231-6)"
            )
        else:
            ensemble = ensemble or parametres_en_vigueur()
            self.bareme = bareme_legal(regime.categorie, ensemble)
        self.majoration_ordinal = _FIN_DES_TEMPS
        self.majoration_points = ZERO
        self.majoration_reference = ""
        self.majoration_avertissement: str | None = None
        self.references_majorees: list[str] = self.bareme.references
        self.taux_majores: list[Decimal] = self.bareme.taux
        if regime.majoration_depuis is not None:
            # C. mon. fin. L313-3 al. 1: + 5 points (dated parameter, read at the majoration day).
            valeur = (ensemble or parametres_en_vigueur()).valeur_au(
                PARAMETRE_MAJORATION, regime.majoration_depuis
            )
            self.majoration_ordinal = regime.majoration_depuis.toordinal()
            self.majoration_points = Decimal(valeur.valeur)
            self.majoration_reference = _citation(valeur)
            self.majoration_avertissement = valeur.avertissement
            self.references_majorees = self.bareme.references_majorees(
                f"majoration de {self.majoration_points.normalize():f} points : "
                f"{self.majoration_reference}"
            )
            self.taux_majores = self.bareme.taux_majores(self.majoration_points)
        self.capitalisation_depuis = regime.capitalisation_depuis
        self._prochaine_capitalisation = _FIN_DES_TEMPS
        self._annee_capitalisation = 0
        if regime.capitalisation_depuis is not None:
            minimum = _ajoute_annees(debut, 1).toordinal()
            annees = 1
            while _ajoute_annees(regime.capitalisation_depuis, annees).toordinal() < minimum:
                annees += 1
            self._annee_capitalisation = annees
            self._prochaine_capitalisation = _ajoute_annees(
                regime.capitalisation_depuis, annees
            ).toordinal()

    def taux_au(self, jour: int) -> tuple[Decimal, str]:
        """Rate (majoration included) and reference in force on the day ordinal ``jour``."""
        bareme = self.bareme
        segment = bisect_right(bareme.debuts, jour) - 1
        if segment < 0 or jour > bareme.fins[segment]:
            raise bareme.manquant(jour)
        if jour >= self.majoration_ordinal:
            return bareme.taux[segment] + self.majoration_points, self.references_majorees[segment]
        return bareme.taux[segment], bareme.references[segment]

    def courir(
        self,
        capital: Decimal,
        interets_dus: Decimal,
        du: int,
        au: int,
        periodes: list[PeriodeBrute],
        capitalisations: list[Capitalisation],
        avertissements: dict[str, None],
    ) -> tuple[Decimal, Decimal]:
        """Run interest over the days ``du < d <= au`` (ordinals).

        Appends the periods as raw tuples (:data:`PeriodeBrute`, turned into
        :class:`PeriodeInterets` by :func:`periode`), the capitalisations and the warnings to
        the given containers, and returns the new ``(capital, interets_dus)``: capitalisation
        moves accrued interest into capital. This is the hot loop of every décompte: locals
        only, one tuple per period.
        """
        if au <= du:
            return capital, interets_dus
        bareme = self.bareme
        debuts = bareme.debuts
        fins = bareme.fins
        taux = bareme.taux
        nombre = len(debuts)
        majoration = self.majoration_ordinal
        taux_majores = self.taux_majores
        references = bareme.references
        references_majorees = self.references_majorees
        avertissements_bareme = bareme.avertissements
        assiette = self.assiette
        diviseur = DIVISEUR
        centime = CENTIME
        arrondi = ROUND_HALF_UP
        ajouter = periodes.append
        capitalisation = self._prochaine_capitalisation
        while capitalisation <= du:  # anniversaries already passed (no interest ran then)
            capitalisation = self._avancer_capitalisation()
        segment = bisect_right(debuts, du + 1) - 1
        if segment < 0:
            raise bareme.manquant(du + 1)
        position = du
        while position < au:
            fin = fins[segment]
            if position >= fin:
                raise bareme.manquant(position + 1)
            if fin > au:
                fin = au
            if position >= majoration - 1:
                taux_jour = taux_majores[segment]
                majore = True
                reference = references_majorees[segment]
            else:
                taux_jour = taux[segment]
                majore = False
                reference = references[segment]
                if majoration <= fin:
                    fin = majoration - 1
            if capitalisation < fin:
                fin = capitalisation
            if capital:
                jours = fin - position
                montant = (capital * taux_jour * jours / diviseur).quantize(centime, arrondi)
                ajouter(
                    (position, fin, jours, capital, taux_jour, majore, montant, reference, assiette)
                )
                interets_dus += montant
                avertissement = avertissements_bareme[segment]
                if avertissement is not None:
                    avertissements[avertissement] = None
            position = fin
            if position == capitalisation:
                # C. civ. 1343-2: interest due for a full year is added to the capital.
                if interets_dus:
                    capital += interets_dus
                    capitalisations.append(
                        Capitalisation(date.fromordinal(position), interets_dus, capital, assiette)
                    )
                    interets_dus = ZERO
                capitalisation = self._avancer_capitalisation()
            if position == fins[segment]:
                segment += 1
                if segment < nombre and debuts[segment] != position + 1 and position < au:
                    raise bareme.manquant(position + 1)
                if segment >= nombre and position < au:
                    raise bareme.manquant(position + 1)
        if majoration <= au and self.majoration_avertissement:
            avertissements[self.majoration_avertissement] = None
        return capital, interets_dus

    def _avancer_capitalisation(self) -> int:
        if self.capitalisation_depuis is None:
            return _FIN_DES_TEMPS
        self._annee_capitalisation += 1
        self._prochaine_capitalisation = _ajoute_annees(
            self.capitalisation_depuis, self._annee_capitalisation
        ).toordinal()
        return self._prochaine_capitalisation


def verifier_periode(du: date, au: date) -> None:
    """Refuse an end before the start (French message)."""
    if au < du:
        raise DonneeInvalide(
            f"La date de fin ({au.isoformat()}) précède la date de début ({du.isoformat()})."
        )


def interets(
    capital: Decimal,
    du: date,
    au: date,
    *,
    categorie: str = "particulier",
    majoration_depuis: date | None = None,
    taux_conventionnel: Decimal | None = None,
    capitalisation_depuis: date | None = None,
) -> ResultatInterets:
    """Interest on ``capital`` for each day d with ``du < d <= au``.

    C. mon. fin. L313-2, D313-1-A (legal rate by category), L313-3 (+ 5 points from
    ``majoration_depuis``, the first majorated day); C. civ. 1231-6 (a conventional rate
    ``taux_conventionnel``, in percent per year, replaces the legal rate); C. civ. 1343-2
    (capitalisation yearly from ``capitalisation_depuis``). See the module docstring for the
    day count, the 365 divisor and the rounding per period.
    """
    if not isinstance(capital, Decimal) or not capital.is_finite():
        raise DonneeInvalide(f"Capital non numérique « {capital} ».")
    if capital < 0:
        raise DonneeInvalide(f"Capital négatif « {capital} » refusé.")
    verifier_periode(du, au)
    regime = RegimeInterets(
        mode="conventionnel" if taux_conventionnel is not None else "legal",
        categorie=categorie,
        majoration_depuis=majoration_depuis,
        taux_conventionnel=taux_conventionnel,
        capitalisation_depuis=capitalisation_depuis,
    )
    cours = Cours(regime, du)
    periodes: list[PeriodeBrute] = []
    capitalisations: list[Capitalisation] = []
    avertissements: dict[str, None] = {}
    capital_final, _restant = cours.courir(
        capital, ZERO, du.toordinal(), au.toordinal(), periodes, capitalisations, avertissements
    )
    total = sum((brute[6] for brute in periodes), ZERO)
    return ResultatInterets(
        capital=capital,
        du=du,
        au=au,
        interets=total,
        periodes=tuple(periode(brute) for brute in periodes),
        avertissements=tuple(avertissements),
        capitalisations=tuple(capitalisations),
        capital_final=capital_final,
    )


def format_taux_texte(taux: Decimal) -> str:
    """A rate in percent for JSON: at least two decimals, never rounded ("3.11", "5.125")."""
    texte = f"{taux.normalize():f}"
    entier, _, decimales = texte.partition(".")
    return f"{entier}.{decimales.ljust(2, '0')}"


def total_periodes(periodes: Sequence[PeriodeInterets]) -> Decimal:
    return sum((p.montant for p in periodes), ZERO)
