"""Subsidiarity of the saisie-vente in the dwelling (CPCE L221-2, R221-2)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from clerc.rules.erreurs import ParametreManquant
from clerc.rules.saisie_vente import saisie_vente_subsidiaire, seuil_subsidiarite


def test_le_seuil_de_r221_2_est_de_535_euros() -> None:
    # CPCE R221-2: "535 euros" (texte en vigueur depuis le 1er juin 2012).
    assert seuil_subsidiarite(date(2012, 6, 1)) == Decimal("535.00")
    assert seuil_subsidiarite(date(2026, 11, 30)) == Decimal("535.00")


@pytest.mark.parametrize(
    ("principal", "alimentaire", "subsidiaire"),
    [
        (Decimal("534.99"), False, True),  # below 535 €: JEX or failed account/wage seizure
        (Decimal("535.00"), False, False),  # "inférieur à": 535 € itself is not below
        (Decimal("120.00"), True, False),  # alimentary claims are outside L221-2
    ],
)
def test_une_creance_sous_le_seuil_rend_la_saisie_vente_subsidiaire(
    principal: Decimal, alimentaire: bool, subsidiaire: bool
) -> None:
    assert (
        saisie_vente_subsidiaire(principal, date(2026, 3, 2), alimentaire=alimentaire)
        is subsidiaire
    )


def test_avant_le_cpce_le_seuil_n_est_pas_devine() -> None:
    with pytest.raises(ParametreManquant):
        seuil_subsidiarite(date(2012, 5, 31))
