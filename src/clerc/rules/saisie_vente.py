"""Saisie-vente: the subsidiarity threshold in the debtor's dwelling (CPCE L221-2, R221-2).

CPCE L221-2 (paraphrased): for a claim other than alimentary below an amount set by decree,
the sale of movables in the debtor's dwelling may be pursued only with the JEX's authorisation,
unless the claim cannot be recovered by a seizure of a bank account or of wages. R221-2 sets
that amount (535 € in principal since the CPCE came into force, dated parameter
``saisie_vente.seuil_subsidiarite``). The procedure engine (issue 4) builds on this.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from clerc.rules.parametres import parametres

PARAMETRE_SEUIL = "saisie_vente.seuil_subsidiarite"


def seuil_subsidiarite(jour: date) -> Decimal:
    """Amount of principal below which a saisie-vente in the dwelling is subsidiary (R221-2)."""
    return Decimal(parametres().valeur_au(PARAMETRE_SEUIL, jour).valeur)


def saisie_vente_subsidiaire(principal: Decimal, jour: date, *, alimentaire: bool = False) -> bool:
    """True when a saisie-vente in the dwelling needs the JEX or a failed account/wage seizure
    (CPCE L221-2): a non-alimentary claim whose principal is below the R221-2 threshold."""
    return not alimentaire and principal < seuil_subsidiarite(jour)
