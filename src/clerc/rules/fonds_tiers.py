"""Payout deadlines of third-party funds held by a commissaire de justice (C. com. R444-56).

C. com. R444-56 (paraphrased): any sum a debtor pays into the hands of the commissaire de
justice for a claim must be paid out to the creditor within three weeks at most when paid in
cash, six weeks otherwise; when the debtor pays by successive instalments, six weeks and three
months. A breach exposes the officer to disciplinary sanctions (ordonnance n° 2022-544, art. 16).

Our reading (docs/fonds_tiers.md):
- the delay runs from the day the office received the sum (the text is silent; the earliest
  start is the safe side for the office);
- payouts, fees withheld and refunds of débours consume the oldest receipts first (FIFO), so
  the oldest sums are the ones flagged;
- it is a plain calendar delay, not a procedural one: no CPC 642 extension to a working day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from clerc.rules.dates import ajouter_mois
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.parametres import parametres

PARAMETRE = "fonds_tiers.delai_reversement"
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Encaissement:
    """A sum received for a creditor."""

    date: date
    montant: Decimal
    especes: bool = False
    acompte: bool = False
    reference: str = ""


@dataclass(frozen=True)
class Sortie:
    """A sum that left the third-party funds of the same creditor (payout, fees, débours)."""

    date: date
    montant: Decimal


@dataclass(frozen=True)
class FondsDetenus:
    """Part of a receipt still held, with the last day it may be held (R444-56)."""

    encaissement: Encaissement
    restant: Decimal
    date_limite: date
    regle: str  # "trois semaines (espèces)", ...

    def en_retard(self, au: date) -> bool:
        return au > self.date_limite

    def jours_de_detention(self, au: date) -> int:
        return (au - self.encaissement.date).days


def date_limite_reversement(encaissement: Encaissement) -> tuple[date, str]:
    """Last day the office may hold ``encaissement`` (C. com. R444-56), and the rule applied."""
    delais = parametres().valeur_au(PARAMETRE, encaissement.date).valeur
    jour = encaissement.date
    if encaissement.acompte:
        if encaissement.especes:
            return (
                jour + timedelta(days=int(delais["acompte_especes_jours"])),
                "six semaines (acompte en espèces, C. com. R444-56)",
            )
        return (
            ajouter_mois(jour, int(delais["acompte_autres_mois"])),
            "trois mois (acompte, C. com. R444-56)",
        )
    if encaissement.especes:
        return (
            jour + timedelta(days=int(delais["especes_jours"])),
            "trois semaines (espèces, C. com. R444-56)",
        )
    return (
        jour + timedelta(days=int(delais["autres_jours"])),
        "six semaines (C. com. R444-56)",
    )


def fonds_detenus(
    encaissements: Iterable[Encaissement], sorties: Iterable[Sortie], au: date
) -> tuple[FondsDetenus, ...]:
    """Sums of one creditor still held at ``au``, oldest first, each with its deadline.

    Outflows up to ``au`` are matched against receipts oldest first. An outflow larger than
    the receipts is refused: the ledger never lets a creditor's balance go negative.
    """
    retenus = sorted((e for e in encaissements if e.date <= au), key=lambda e: e.date)
    for encaissement in retenus:
        if encaissement.montant <= 0:
            raise DonneeInvalide(f"Encaissement non positif : {encaissement.montant} €.")
    restants = [encaissement.montant for encaissement in retenus]
    a_imputer = sum((s.montant for s in sorties if s.date <= au), ZERO)
    for rang, restant in enumerate(restants):
        if a_imputer <= 0:
            break
        pris = min(a_imputer, restant)
        restants[rang] = restant - pris
        a_imputer -= pris
    if a_imputer > 0:
        raise DonneeInvalide(
            f"Les sorties dépassent les encaissements de {a_imputer} € : solde négatif impossible."
        )
    resultat: list[FondsDetenus] = []
    for encaissement, restant in zip(retenus, restants, strict=True):
        if restant > 0:
            limite, regle = date_limite_reversement(encaissement)
            resultat.append(FondsDetenus(encaissement, restant, limite, regle))
    return tuple(resultat)
