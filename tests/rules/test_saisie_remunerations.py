"""Wage garnishment: published worked cases, RSA floor, paiement direct, several payers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerc.rules.erreurs import DonneeInvalide, ParametreManquant
from clerc.rules.parametres import parametres
from clerc.rules.saisie_remunerations import (
    mois_arrieres_admis,
    paiement_direct,
    quotite_saisissable,
    quotite_saisissable_plusieurs_payeurs,
)
from tests.conftest import charger_cas


@pytest.mark.parametrize("cas", charger_cas("saisie_remunerations"))
def test_cas_publies(cas: dict[str, Any]) -> None:
    entrees = cas["entrees"]
    resultat = quotite_saisissable(
        Decimal(entrees["remuneration"]), cas["date"], entrees.get("personnes_a_charge", 0)
    )
    attendu = cas["attendu"]
    if "quotite_saisissable" in attendu:
        assert resultat.quotite_saisissable == Decimal(attendu["quotite_saisissable"])
        assert resultat.montant_laisse == Decimal(entrees["remuneration"]) - Decimal(
            attendu["quotite_saisissable"]
        )
    if "quotite_bareme" in attendu:
        assert resultat.quotite_bareme == Decimal(attendu["quotite_bareme"])
    if "faux_publie" in cas:
        assert Decimal(cas["faux_publie"]) not in {
            resultat.quotite_saisissable,
            resultat.quotite_bareme,
        }


def test_les_bandes_sont_arrondies_une_seule_fois_au_demi_centime_superieur() -> None:
    # 2017 (no new decree): 606.67 x 12 = 7280.04 -> 541.504 / 12 = 45.125.. -> 45.13 half up;
    # apga-asso.com prints 45,12 (truncation): documented divergence.
    assert quotite_saisissable(Decimal("606.67"), date(2017, 6, 1)).quotite_bareme == Decimal(
        "45.13"
    )


def test_trace_des_tranches_avec_personne_a_charge() -> None:
    resultat = quotite_saisissable(Decimal("2000"), date(2025, 3, 1), 1)
    assert [t.fraction for t in resultat.tranches] == ["1/20", "1/10", "1/5", "1/4", "1/3", "2/3"]
    assert resultat.tranches[0].borne_superieure == Decimal("6160")  # 4440 + 1720 (R3252-3)
    assert resultat.tranches[-1].montant_annuel == Decimal("653.33")
    assert resultat.majoration_par_personne_a_charge == Decimal("1720")
    assert "C. trav. R3252-5" in resultat.references


def test_le_rsa_est_toujours_laisse() -> None:
    # 2023-06-01: RSA 607.75; scale on 650 = 48.96 but pay - RSA = 42.25.
    resultat = quotite_saisissable(Decimal("650"), date(2023, 6, 1))
    assert resultat.rsa_laisse == Decimal("607.75")
    assert resultat.quotite_saisissable == Decimal("42.25")
    assert resultat.plafonnee_par_rsa
    assert resultat.quotite_bareme > resultat.quotite_saisissable


def test_le_rsa_laisse_suit_la_date() -> None:
    assert quotite_saisissable(Decimal("1000"), date(2023, 3, 31)).rsa_laisse == Decimal("598.54")
    assert quotite_saisissable(Decimal("1000"), date(2023, 4, 1)).rsa_laisse == Decimal("607.75")


def test_creance_alimentaire_prend_tout_au_dela_du_rsa() -> None:
    resultat = quotite_saisissable(Decimal("2000"), date(2025, 9, 1), 2, creance_alimentaire=True)
    assert resultat.quotite_saisissable == Decimal("2000") - Decimal("646.52")
    assert resultat.montant_laisse == Decimal("646.52")
    assert "C. trav. L3252-5 al. 1" in resultat.references
    assert "CPCE R212-1-35" in resultat.references  # after the 1 July 2025 reform
    avant = quotite_saisissable(Decimal("2000"), date(2025, 5, 1), 0, creance_alimentaire=True)
    assert "C. trav. R3252-39" in avant.references  # 1 May 2025: former text


def test_paiement_direct_impute_d_abord_sur_la_fraction_insaisissable() -> None:
    # 2025-05-01, 2000 €, 0 dependant: scale 541.33 (checked below), RSA 646.52.
    resultat = paiement_direct(Decimal("2000"), date(2025, 5, 1), Decimal("300"), Decimal("100"))
    quotite = resultat.quotite.quotite_saisissable
    assert resultat.preleve_pour_creancier_aliments == Decimal("400")
    insaisissable_au_dela_rsa = Decimal("2000") - quotite - Decimal("646.52")
    assert resultat.impute_sur_fraction_insaisissable == min(
        Decimal("400"), insaisissable_au_dela_rsa
    )
    assert (
        resultat.quotite_restante_autres_creanciers
        == quotite - resultat.impute_sur_fraction_saisissable
    )
    total = (
        resultat.preleve_pour_creancier_aliments
        + resultat.quotite_restante_autres_creanciers
        + resultat.montant_laisse
    )
    assert total == Decimal("2000")
    assert resultat.montant_laisse >= Decimal("646.52")


def test_paiement_direct_ne_descend_jamais_sous_le_rsa() -> None:
    resultat = paiement_direct(Decimal("900"), date(2025, 5, 1), Decimal("500"))
    assert resultat.preleve_pour_creancier_aliments == Decimal("253.48")
    assert resultat.quotite_restante_autres_creanciers == Decimal("0.00")
    assert resultat.montant_laisse == Decimal("646.52")
    assert any("insuffisante" in a for a in resultat.avertissements)


def test_arrieres_six_mois_ou_vingt_quatre_avec_la_caf() -> None:
    assert mois_arrieres_admis(date(2025, 1, 1)) == 6
    assert mois_arrieres_admis(date(2025, 1, 1), organisme_prestations_familiales=True) == 24
    assert mois_arrieres_admis(date(2016, 3, 31), organisme_prestations_familiales=True) == 6
    with pytest.raises(DonneeInvalide, match="L3252-5"):
        paiement_direct(Decimal("2000"), date(2025, 1, 1), Decimal("300"), mois_arrieres=7)


def test_plusieurs_payeurs_calcul_sur_le_total_et_repartition() -> None:
    resultat = quotite_saisissable_plusieurs_payeurs(
        {"employeur A": Decimal("1500"), "employeur B": Decimal("800")}, date(2023, 6, 1)
    )
    assert resultat.quotite.quotite_saisissable == Decimal("826.47")  # S1 on the total 2300
    parts = {p.payeur: p.retenue for p in resultat.repartition}
    assert sum(parts.values()) == Decimal("826.47")
    assert parts["employeur A"] == Decimal("539.00")  # 826.47 x 1500 / 2300 = 538.99.. +1 cent
    assert "C. trav. L3252-4" in resultat.references


def test_annee_sans_bareme_publie_leve_parametre_manquant() -> None:
    with pytest.raises(ParametreManquant):
        quotite_saisissable(Decimal("2000"), date(2027, 2, 1))
    with pytest.raises(ParametreManquant):
        quotite_saisissable(Decimal("2000"), date(2013, 6, 1))


def test_bareme_2026_porte_un_avertissement() -> None:
    resultat = quotite_saisissable(Decimal("2000"), date(2026, 5, 1))
    assert any("2025-1299" in a for a in resultat.avertissements)
    assert any("2026-220" in a for a in resultat.avertissements)


@pytest.mark.parametrize("mauvais", [Decimal("-1"), "abc"])
def test_entree_invalide(mauvais: Any) -> None:
    with pytest.raises(DonneeInvalide):
        quotite_saisissable(mauvais, date(2025, 3, 1))
    with pytest.raises(DonneeInvalide):
        quotite_saisissable(Decimal("1000"), date(2025, 3, 1), -1)


def test_parametres_references_et_continuite() -> None:
    table = parametres()
    for nom in (
        "saisie_remunerations.bareme",
        "saisie_remunerations.majoration_personne_a_charge",
        "rsa.montant_forfaitaire_personne_seule",
    ):
        parametre = table.get(nom)
        assert parametre.trous() == []
        for valeur in parametre.valeurs:
            if valeur.valeur is not None:
                assert valeur.reference is not None and valeur.reference.url
    for annee in range(2014, 2027):
        table.valeur_au("saisie_remunerations.bareme", date(annee, 12, 31))


montants = st.decimals(
    min_value=0, max_value=20000, places=2, allow_nan=False, allow_infinity=False
)
jours = st.dates(min_value=date(2014, 1, 1), max_value=date(2026, 12, 31))


@settings(max_examples=150, deadline=None)
@given(remuneration=montants, jour=jours, personnes=st.integers(0, 6), alim=st.booleans())
def test_le_montant_laisse_n_est_jamais_sous_le_rsa(
    remuneration: Decimal, jour: date, personnes: int, alim: bool
) -> None:
    resultat = quotite_saisissable(remuneration, jour, personnes, alim)
    assert resultat.quotite_saisissable + resultat.montant_laisse == remuneration
    assert resultat.montant_laisse >= min(remuneration, resultat.rsa_laisse)
    assert resultat.quotite_saisissable >= 0


@settings(max_examples=150, deadline=None)
@given(a=montants, b=montants, jour=jours, personnes=st.integers(0, 5))
def test_la_quotite_croit_avec_la_remuneration(
    a: Decimal, b: Decimal, jour: date, personnes: int
) -> None:
    bas, haut = sorted((a, b))
    assert (
        quotite_saisissable(bas, jour, personnes).quotite_saisissable
        <= quotite_saisissable(haut, jour, personnes).quotite_saisissable
    )


@settings(max_examples=150, deadline=None)
@given(remuneration=montants, jour=jours, personnes=st.integers(0, 5))
def test_la_quotite_decroit_avec_les_personnes_a_charge(
    remuneration: Decimal, jour: date, personnes: int
) -> None:
    assert (
        quotite_saisissable(remuneration, jour, personnes + 1).quotite_saisissable
        <= quotite_saisissable(remuneration, jour, personnes).quotite_saisissable
    )
