"""Imputation of payments: one debt (C. civ. 1343-1, 1343-5) and several (C. civ. 1342-10)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.imputation import (
    Composantes,
    Dette,
    imputation,
    imputation_plusieurs_dettes,
    repartition_au_prorata,
)

D = Decimal


def test_frais_puis_interets_puis_principal() -> None:
    du = Composantes(frais=D("70.48"), interets=D("120.00"), principal=D("1000.00"))
    resultat = imputation(D("150.00"), du)
    assert (resultat.frais, resultat.interets, resultat.principal) == (D("70.48"), D("79.52"), 0)
    assert resultat.restant(du) == Composantes(D(0), D("40.48"), D("1000.00"))


def test_un_paiement_superieur_a_la_dette_laisse_un_reliquat() -> None:
    resultat = imputation(D("1300"), Composantes(D("100"), D("100"), D("1000")))
    assert resultat.reliquat == D("100")
    assert resultat.restant(Composantes(D("100"), D("100"), D("1000"))).total == 0


def test_delais_de_grace_imputation_sur_le_capital_d_abord() -> None:
    resultat = imputation(D("500"), Composantes(D("50"), D("100"), D("400")), capital_d_abord=True)
    assert (resultat.principal, resultat.frais, resultat.interets) == (D("400"), D("50"), D("50"))


def test_paiement_negatif_refuse() -> None:
    with pytest.raises(DonneeInvalide, match="Paiement invalide"):
        imputation(D("-1"), Composantes())


def _dette(ref: str, total: str, origine: date, exigible: date, interet: int = 0) -> Dette:
    return Dette(ref, Composantes(principal=D(total)), origine, exigible, interet)


JOUR = date(2025, 6, 1)


def test_choix_du_debiteur_d_abord() -> None:
    dettes = [
        _dette("A", "100", date(2020, 1, 1), date(2020, 2, 1)),
        _dette("B", "100", date(2024, 1, 1), date(2024, 2, 1)),
    ]
    resultat = imputation_plusieurs_dettes(D("150"), dettes, JOUR, choix_debiteur=["B"])
    assert resultat.pour("B") is not None and resultat.pour("B").principal == D("100")  # type: ignore[union-attr]
    assert resultat.pour("A").principal == D("50")  # type: ignore[union-attr]


def test_dettes_echues_avant_les_autres_puis_interet_puis_anciennete() -> None:
    dettes = [
        _dette("non_echue", "100", date(2019, 1, 1), date(2026, 1, 1), interet=9),
        _dette("ancienne", "100", date(2020, 1, 1), date(2020, 2, 1)),
        _dette("recente", "100", date(2023, 1, 1), date(2023, 2, 1)),
        _dette("onereuse", "100", date(2024, 1, 1), date(2024, 2, 1), interet=1),
    ]
    resultat = imputation_plusieurs_dettes(D("250"), dettes, JOUR)
    payes = {i.reference: i.imputation.principal for i in resultat.imputations}
    assert payes == {"onereuse": D(100), "ancienne": D(100), "recente": D(50), "non_echue": D(0)}


def test_toutes_choses_egales_au_prorata() -> None:
    dettes = [
        _dette("A", "100", date(2020, 1, 1), date(2020, 2, 1)),
        _dette("B", "200", date(2020, 1, 1), date(2020, 2, 1)),
    ]
    resultat = imputation_plusieurs_dettes(D("100"), dettes, JOUR)
    assert resultat.pour("A").principal == D("33.33")  # type: ignore[union-attr]
    assert resultat.pour("B").principal == D("66.67")  # type: ignore[union-attr]
    assert "prorata" in resultat.imputations[0].motif


def test_prorata_au_centime_exact() -> None:
    assert repartition_au_prorata(D("0.02"), [D(1), D(1), D(1)]) == [D("0.01"), D("0.01"), 0]
    assert sum(repartition_au_prorata(D("10"), [D(3), D(3), D(3)])) == D("9")  # capped at total


montants = st.decimals(min_value=0, max_value=1_000_000, places=2)


@settings(max_examples=300, deadline=None)
@given(
    paiement=montants, frais=montants, interets=montants, principal=montants, capital=st.booleans()
)
def test_imputation_ne_rend_jamais_une_composante_negative(
    paiement: Decimal, frais: Decimal, interets: Decimal, principal: Decimal, capital: bool
) -> None:
    du = Composantes(frais, interets, principal)
    resultat = imputation(paiement, du, capital_d_abord=capital)
    restant = resultat.restant(du)
    assert min(restant.frais, restant.interets, restant.principal, resultat.reliquat) >= 0
    assert resultat.impute + resultat.reliquat == paiement


@settings(max_examples=200, deadline=None)
@given(
    paiement=montants,
    totaux=st.lists(montants, min_size=1, max_size=5),
    interets=st.lists(st.integers(0, 2), min_size=5, max_size=5),
)
def test_plusieurs_dettes_jamais_negatives_et_somme_conservee(
    paiement: Decimal, totaux: list[Decimal], interets: list[int]
) -> None:
    dettes = [
        Dette(f"d{i}", Composantes(principal=t), date(2020, 1, 1), date(2020, 1, 1), interets[i])
        for i, t in enumerate(totaux)
    ]
    resultat = imputation_plusieurs_dettes(paiement, dettes, JOUR)
    par_reference = {dette.reference: dette for dette in dettes}
    for element in resultat.imputations:
        restant = element.imputation.restant(par_reference[element.reference].composantes)
        assert min(restant.frais, restant.interets, restant.principal) >= 0
    impute = sum((i.imputation.impute for i in resultat.imputations), Decimal(0))
    assert impute + resultat.reliquat == paiement
    assert resultat.reliquat == max(Decimal(0), paiement - sum(totaux, Decimal(0)))
