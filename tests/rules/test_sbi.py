"""Solde bancaire insaisissable: B1 and the RSA values by date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from clerc.rules.erreurs import DonneeInvalide, ParametreManquant
from clerc.rules.sbi import (
    Compte,
    mise_a_disposition_sbi,
    nouvelle_mise_a_disposition_possible,
    solde_bancaire_insaisissable,
)


def test_b1_hellolife_sbi_2016() -> None:
    """B1: https://www.hellolife.fr/article/solde-bancaire-insaisissable-qu-est-ce-que-c-est_a9790/1"""
    resultat = mise_a_disposition_sbi([Decimal("570.17")], date(2016, 10, 3))
    assert resultat.solde_bancaire_insaisissable == Decimal("535.17")
    assert resultat.montant_laisse == Decimal("535.17")
    assert resultat.montant_saisissable == Decimal("35.00")
    assert resultat.avertissements  # 2016-09 decree number not confirmed


@pytest.mark.parametrize(
    ("jour", "montant"),
    [
        (date(2015, 8, 31), "513.88"),
        (date(2015, 9, 1), "524.16"),
        (date(2017, 9, 1), "545.48"),
        (date(2018, 4, 1), "550.93"),
        (date(2022, 6, 30), "575.52"),
        (date(2022, 7, 1), "598.54"),
        (date(2023, 4, 1), "607.75"),
        (date(2024, 4, 1), "635.71"),
        (date(2025, 5, 1), "646.52"),
        (date(2026, 3, 31), "646.52"),
        (date(2026, 4, 1), "651.69"),
    ],
)
def test_sbi_par_date(jour: date, montant: str) -> None:
    assert solde_bancaire_insaisissable(jour).montant == Decimal(montant)


def test_sbi_2026_non_confirme_et_2027_inconnu() -> None:
    assert solde_bancaire_insaisissable(date(2026, 5, 1)).avertissements
    assert solde_bancaire_insaisissable(date(2025, 5, 1)).avertissements == ()
    with pytest.raises(ParametreManquant):
        solde_bancaire_insaisissable(date(2027, 4, 1))


def test_plusieurs_comptes_a_vue_en_premier_et_limite_au_total() -> None:
    comptes = [
        Compte("livret", Decimal("400"), a_vue=False),
        Compte("courant", Decimal("300")),
        Compte("joint débiteur", Decimal("-50")),
    ]
    resultat = mise_a_disposition_sbi(comptes, date(2025, 5, 1))
    laisses = {c.compte.libelle: c.montant_laisse for c in resultat.comptes}
    assert laisses == {"livret": Decimal("346.52"), "courant": Decimal("300"), "joint débiteur": 0}
    assert resultat.total_crediteur == Decimal("700")
    assert resultat.montant_saisissable == Decimal("53.48")
    petit = mise_a_disposition_sbi([Decimal("120.00")], date(2025, 5, 1))
    assert petit.montant_laisse == Decimal("120.00") and petit.montant_saisissable == 0


def test_r162_3_pas_de_nouvelle_mise_a_disposition_dans_le_mois() -> None:
    assert not nouvelle_mise_a_disposition_possible(date(2025, 6, 10), date(2025, 5, 10))
    assert nouvelle_mise_a_disposition_possible(date(2025, 6, 11), date(2025, 5, 10))
    assert not nouvelle_mise_a_disposition_possible(date(2025, 2, 28), date(2025, 1, 31))
    resultat = mise_a_disposition_sbi([Decimal("1000")], date(2025, 5, 20), date(2025, 5, 1))
    assert not resultat.mise_a_disposition_accordee
    assert resultat.montant_saisissable == Decimal("1000")
    with pytest.raises(DonneeInvalide):
        nouvelle_mise_a_disposition_possible(date(2025, 5, 1), date(2025, 6, 1))
