"""Solde bancaire insaisissable (SBI): what a bank leaves when a person's account is seized.

- **CPCE L162-2**: when an account of a natural person is seized, the bank leaves at the
  debtor's disposal, within the limit of the credit balance on the day of seizure, a sum of an
  alimentary nature equal to the RSA montant forfaitaire for ONE person (CASF L262-2), whatever
  the household (parameter ``rsa.montant_forfaitaire_personne_seule``).
- **CPCE R162-2**: no request from the debtor is needed; with several accounts the sum is set
  against all credit balances taken together, first on funds available on demand (à vue); the
  bank tells the commissaire de justice the amount and the account(s) used.
- **CPCE R162-3**: a new release is granted only for a new seizure made after the expiry of a
  one-month period following the seizure that gave rise to the previous release; meanwhile the
  sum stays at the debtor's disposal.

Simplified: insaisissable credits (family benefits etc., R162-7 and following) and the
15-working-day regularisation period (L162-1) are not modelled; accounts held at several banks
(the commissaire de justice chooses which bank releases the sum, R162-2 al. 2) are treated as one
list in the order given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from clerc.rules.dates import ajouter_mois
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.monnaie import ZERO, montant
from clerc.rules.parametres import avertissements, parametres

PARAMETRE_RSA = "rsa.montant_forfaitaire_personne_seule"


@dataclass(frozen=True)
class SoldeBancaireInsaisissable:
    """The SBI in force on a date of seizure."""

    date: date
    montant: Decimal
    reference: str
    references: tuple[str, ...]
    avertissements: tuple[str, ...]


@dataclass(frozen=True)
class Compte:
    """A seized account: its balance on the day of seizure (negative = debit) and its kind."""

    libelle: str
    solde: Decimal
    a_vue: bool = True


@dataclass(frozen=True)
class CompteApresMiseADisposition:
    compte: Compte
    montant_laisse: Decimal
    montant_saisissable: Decimal


@dataclass(frozen=True)
class MiseADisposition:
    """What the bank leaves and what the seizure may take, account by account."""

    date_saisie: date
    solde_bancaire_insaisissable: Decimal
    mise_a_disposition_accordee: bool
    total_crediteur: Decimal
    montant_laisse: Decimal
    montant_saisissable: Decimal
    comptes: tuple[CompteApresMiseADisposition, ...]
    references: tuple[str, ...]
    avertissements: tuple[str, ...]


def solde_bancaire_insaisissable(date: date) -> SoldeBancaireInsaisissable:
    """SBI on the day of seizure: the RSA for one person then in force (CPCE L162-2)."""
    valeur = parametres().valeur_au(PARAMETRE_RSA, date)
    reference = valeur.reference.citation() if valeur.reference else ""
    return SoldeBancaireInsaisissable(
        date=date,
        montant=Decimal(valeur.valeur),
        reference=reference,
        references=("CPCE L162-2", "CPCE R162-2", "CASF L262-2"),
        avertissements=avertissements([valeur]),
    )


def nouvelle_mise_a_disposition_possible(date_saisie: date, date_precedente: date | None) -> bool:
    """CPCE R162-3: a new release only for a seizure after one month from the previous one.

    Convention: the month from the previous seizure expires at the end of the same day of the
    next month (as for prescription terms); a seizure on that day gets no new release, one on
    the next day does.
    """
    if date_precedente is None:
        return True
    if date_precedente > date_saisie:
        raise DonneeInvalide(
            f"saisie précédente du {date_precedente.isoformat()} postérieure à la saisie "
            f"du {date_saisie.isoformat()}."
        )
    return date_saisie > ajouter_mois(date_precedente, 1)


def mise_a_disposition_sbi(
    comptes: Sequence[Compte | Decimal],
    date_saisie: date,
    date_precedente_mise_a_disposition: date | None = None,
) -> MiseADisposition:
    """Apply the SBI to the balances of a debtor's seized accounts (CPCE L162-2, R162-2, R162-3).

    The SBI is set against all credit balances together, up to their total, first on the
    accounts available on demand, in the order given; debit balances are ignored.
    """
    liste = [
        c
        if isinstance(c, Compte)
        else Compte(
            libelle=f"compte {i}", solde=montant(c, f"solde du compte {i}", negatif_admis=True)
        )
        for i, c in enumerate(comptes, start=1)
    ]
    if not liste:
        raise DonneeInvalide("saisie de comptes : aucun solde donné.")
    sbi = solde_bancaire_insaisissable(date_saisie)
    accordee = nouvelle_mise_a_disposition_possible(date_saisie, date_precedente_mise_a_disposition)
    reste = sbi.montant if accordee else ZERO
    ordre = sorted(range(len(liste)), key=lambda i: (not liste[i].a_vue, i))  # R162-2: à vue first
    laisses = [ZERO] * len(liste)
    for i in ordre:
        credit = max(liste[i].solde, ZERO)
        part = min(credit, reste)
        laisses[i] = part
        reste -= part
    resultats = tuple(
        CompteApresMiseADisposition(
            compte=c,
            montant_laisse=laisses[i],
            montant_saisissable=max(c.solde, ZERO) - laisses[i],
        )
        for i, c in enumerate(liste)
    )
    total = sum((max(c.solde, ZERO) for c in liste), ZERO)
    laisse = sum(laisses, ZERO)
    notes = list(sbi.avertissements)
    if not accordee:
        notes.append(
            "Pas de nouvelle mise à disposition : saisie dans le mois suivant la saisie "
            "ayant donné lieu à la précédente (CPCE R162-3) ; la somme alors laissée reste "
            "à la disposition du débiteur."
        )
    return MiseADisposition(
        date_saisie=date_saisie,
        solde_bancaire_insaisissable=sbi.montant,
        mise_a_disposition_accordee=accordee,
        total_crediteur=total,
        montant_laisse=laisse,
        montant_saisissable=total - laisse,
        comptes=resultats,
        references=(*sbi.references, "CPCE R162-3"),
        avertissements=tuple(notes),
    )
