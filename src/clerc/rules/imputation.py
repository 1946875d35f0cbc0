"""Imputation of payments (C. civ. 1342-10, 1343-1, 1343-5).

One debt (C. civ. 1343-1 al. 1: "le paiement partiel s'impute d'abord sur les intérêts"):
a payment goes first to the costs, then to the interest, then to the principal. Costs first
because collection costs are accessories the debtor cannot bypass (Cass. 1re civ., 7 févr. 1995,
n° 92-14.216). When granting délais de grâce the judge may order that payments go to the
capital first (C. civ. 1343-5 al. 3); the rest of the payment then follows the legal order
(costs, interest): that tail order is our choice, the article says nothing more.

Several debts (C. civ. 1342-10): the debtor may say, when paying, which debt he pays; failing
that, the payment goes first to the debts that are due (échues), among them to those the
debtor had most interest in paying; with equal interest, to the oldest; all things equal,
proportionally. "Most interest" is a judgment the office makes (a higher rate, a surety, a
penalty clause...): it is an input (``interet_a_acquitter``, higher = paid first). Within each
debt the one-debt order applies (the debtor's choice cannot put principal before interest
without the creditor's consent, C. civ. 1343-1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.monnaie import CENTIME, ZERO

ORDRE_LEGAL = ("frais", "interets", "principal")
ORDRE_CAPITAL_D_ABORD = ("principal", "frais", "interets")


@dataclass(frozen=True)
class Composantes:
    """What is due on one debt, by component."""

    frais: Decimal = ZERO
    interets: Decimal = ZERO
    principal: Decimal = ZERO

    def __post_init__(self) -> None:
        for nom in ORDRE_LEGAL:
            valeur = getattr(self, nom)
            if not isinstance(valeur, Decimal) or not valeur.is_finite() or valeur < 0:
                raise DonneeInvalide(f"{nom} : montant dû invalide « {valeur} ».")

    @property
    def total(self) -> Decimal:
        return self.frais + self.interets + self.principal


@dataclass(frozen=True)
class Imputation:
    """How one payment was imputed on one debt; ``reliquat`` is what was left unimputed."""

    paiement: Decimal
    frais: Decimal
    interets: Decimal
    principal: Decimal
    reliquat: Decimal
    ordre: tuple[str, ...] = ORDRE_LEGAL

    @property
    def impute(self) -> Decimal:
        return self.frais + self.interets + self.principal

    def restant(self, du: Composantes) -> Composantes:
        """What remains due after this imputation."""
        return Composantes(
            frais=du.frais - self.frais,
            interets=du.interets - self.interets,
            principal=du.principal - self.principal,
        )


def _verifier_paiement(paiement: Decimal) -> None:
    if not isinstance(paiement, Decimal) or not paiement.is_finite() or paiement < 0:
        raise DonneeInvalide(
            f"Paiement invalide « {paiement} » (montant négatif ou non numérique)."
        )


def parts_imputees(
    paiement: Decimal,
    frais: Decimal,
    interets: Decimal,
    principal: Decimal,
    capital_d_abord: bool = False,
) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    """The arithmetic of :func:`imputation` on unchecked amounts (used in the décompte loop).

    Returns ``(frais, interets, principal, reliquat)`` paid. C. civ. 1343-1 order; with
    ``capital_d_abord`` the C. civ. 1343-5 al. 3 order (principal, costs, interest).
    """
    if capital_d_abord:
        part_principal = principal if principal < paiement else paiement
        reste = paiement - part_principal
        part_frais = frais if frais < reste else reste
        reste -= part_frais
        part_interets = interets if interets < reste else reste
        return part_frais, part_interets, part_principal, reste - part_interets
    part_frais = frais if frais < paiement else paiement
    reste = paiement - part_frais
    part_interets = interets if interets < reste else reste
    reste -= part_interets
    part_principal = principal if principal < reste else reste
    return part_frais, part_interets, part_principal, reste - part_principal


def imputation(paiement: Decimal, du: Composantes, *, capital_d_abord: bool = False) -> Imputation:
    """Impute ``paiement`` on one debt: costs, interest, principal (C. civ. 1343-1).

    With ``capital_d_abord`` (judge's order, C. civ. 1343-5 al. 3): principal, costs, interest.
    """
    _verifier_paiement(paiement)
    frais, interets, principal, reliquat = parts_imputees(
        paiement, du.frais, du.interets, du.principal, capital_d_abord
    )
    return Imputation(
        paiement=paiement,
        frais=frais,
        interets=interets,
        principal=principal,
        reliquat=reliquat,
        ordre=ORDRE_CAPITAL_D_ABORD if capital_d_abord else ORDRE_LEGAL,
    )


@dataclass(frozen=True)
class Dette:
    """One of several debts between the same parties, for C. civ. 1342-10."""

    reference: str
    composantes: Composantes
    date_origine: date
    date_exigibilite: date
    interet_a_acquitter: int = 0  # higher = the debtor had more interest in paying it


@dataclass(frozen=True)
class ImputationDette:
    reference: str
    imputation: Imputation
    motif: str


@dataclass(frozen=True)
class ResultatImputation:
    paiement: Decimal
    imputations: tuple[ImputationDette, ...]
    reliquat: Decimal

    def pour(self, reference: str) -> Imputation | None:
        for element in self.imputations:
            if element.reference == reference:
                return element.imputation
        return None


def repartition_au_prorata(montant: Decimal, bases: Sequence[Decimal]) -> list[Decimal]:
    """Split ``montant`` (<= sum of bases) in cents proportionally to ``bases``.

    Each share is rounded down to the cent and the cents left go to the largest remainders
    (first in order on ties), so the shares add up exactly and none exceeds its base.
    """
    total = sum(bases, ZERO)
    if total <= 0 or montant <= 0:
        return [ZERO for _ in bases]
    if montant >= total:
        return list(bases)
    exactes = [montant * base / total for base in bases]
    parts = [exacte.quantize(CENTIME, rounding=ROUND_DOWN) for exacte in exactes]
    restant = montant - sum(parts, ZERO)
    ordre = sorted(range(len(bases)), key=lambda i: (-(exactes[i] - parts[i]), i))
    for i in ordre:
        if restant <= 0:
            break
        if parts[i] + CENTIME <= bases[i]:
            parts[i] += CENTIME
            restant -= CENTIME
    return parts


def imputation_plusieurs_dettes(
    paiement: Decimal,
    dettes: Sequence[Dette],
    jour: date,
    *,
    choix_debiteur: Sequence[str] = (),
    capital_d_abord: bool = False,
) -> ResultatImputation:
    """Impute a payment made on ``jour`` on several debts (C. civ. 1342-10).

    ``choix_debiteur``: references of the debts the debtor said he pays, in his order
    (al. 1). The rest follows al. 2: due debts first, then the debt the debtor had most
    interest in paying, then the oldest, then pro rata among equal debts. Debts not yet due
    come after the due ones. Inside each debt, :func:`imputation` applies.
    """
    _verifier_paiement(paiement)
    par_reference: dict[str, Dette] = {}
    for dette in dettes:
        if dette.reference in par_reference:
            raise DonneeInvalide(f"Dette « {dette.reference} » en double.")
        par_reference[dette.reference] = dette
    for reference in choix_debiteur:
        if reference not in par_reference:
            raise DonneeInvalide(f"Le débiteur a désigné une dette inconnue « {reference} ».")
    reste = paiement
    resultats: list[ImputationDette] = []
    choisies = set()
    for reference in choix_debiteur:
        if reference in choisies:
            continue
        choisies.add(reference)
        dette = par_reference[reference]
        resultat = imputation(reste, dette.composantes, capital_d_abord=capital_d_abord)
        resultats.append(
            ImputationDette(reference, resultat, "choix du débiteur (C. civ. 1342-10 al. 1)")
        )
        reste = resultat.reliquat

    def cle(dette: Dette) -> tuple[bool, int, date]:
        return (dette.date_exigibilite > jour, -dette.interet_a_acquitter, dette.date_origine)

    restantes = sorted((d for d in dettes if d.reference not in choisies), key=cle)
    groupes: list[list[Dette]] = []
    for dette in restantes:
        if groupes and cle(groupes[-1][0]) == cle(dette):
            groupes[-1].append(dette)
        else:
            groupes.append([dette])
    for groupe in groupes:
        non_echue, _, _ = cle(groupe[0])
        if len(groupe) == 1:
            motif = (
                "dette non échue, après les dettes échues (C. civ. 1342-10 al. 2)"
                if non_echue
                else "ordre légal : dette échue, intérêt du débiteur, ancienneté "
                "(C. civ. 1342-10 al. 2)"
            )
            parts = [min(reste, groupe[0].composantes.total)]
        else:
            motif = "au prorata, toutes choses égales (C. civ. 1342-10 al. 2)"
            parts = repartition_au_prorata(reste, [d.composantes.total for d in groupe])
        for dette, part in zip(groupe, parts, strict=True):
            resultat = imputation(part, dette.composantes, capital_d_abord=capital_d_abord)
            resultats.append(ImputationDette(dette.reference, resultat, motif))
            reste -= part - resultat.reliquat
    return ResultatImputation(paiement=paiement, imputations=tuple(resultats), reliquat=reste)
