"""Money helpers: exact parsing, rounding, French formatting, amounts in letters.

Expected spellings: the French cardinal table checked in ../shared/ecosysteme.md §2 (traditional
spelling, "quatre-vingts", "deux cents", "un million") and the acts' usage "un million d'euros"
(Académie française: "million" is a noun, hence "d'euros").
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.monnaie import (
    arrondi_centime,
    date_en_lettres,
    en_texte,
    format_date_longue,
    format_euros,
    montant,
    montant_en_lettres,
)


@pytest.mark.parametrize(
    ("valeur", "attendu"),
    [
        ("1234.56", "mille deux cent trente-quatre euros et cinquante-six centimes"),
        ("1000000", "un million d'euros"),
        ("1000000.01", "un million d'euros et un centime"),
        ("2000000", "deux millions d'euros"),
        ("1200000", "un million deux cent mille euros"),
        ("200", "deux cents euros"),
        ("280", "deux cent quatre-vingts euros"),
        ("71", "soixante et onze euros"),
        ("80", "quatre-vingts euros"),
        ("81", "quatre-vingt-un euros"),
        ("21000", "vingt et un mille euros"),
        ("1", "un euro"),
        ("1.01", "un euro et un centime"),
        ("0", "zéro euro"),
        ("0.5", "cinquante centimes"),
        ("826.47", "huit cent vingt-six euros et quarante-sept centimes"),
    ],
)
def test_montant_en_lettres_suit_l_usage_des_actes(valeur: str, attendu: str) -> None:
    assert montant_en_lettres(Decimal(valeur)) == attendu


def test_arrondi_au_centime_le_plus_proche_demi_vers_le_haut() -> None:
    assert arrondi_centime(Decimal("5.105")) == Decimal("5.11")
    assert arrondi_centime(Decimal("5.104")) == Decimal("5.10")
    assert arrondi_centime(Decimal("70.476")) == Decimal("70.48")


def test_format_francais_avec_espaces_insecables() -> None:
    assert format_euros(Decimal("1234.56")) == "1\u202f234,56\xa0€"
    assert format_euros(Decimal("0.5")) == "0,50\xa0€"
    assert en_texte(Decimal("1234.5")) == "1234.50"


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("1234.56", "1234.56"),
        ("1 234,56", "1234.56"),
        ("1.234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("2000", "2000"),
        ("12,5", "12.5"),
    ],
)
def test_montant_lu_sous_ses_formes_usuelles(texte: str, attendu: str) -> None:
    assert montant(texte) == Decimal(attendu)


@pytest.mark.parametrize(
    "texte", ["-5", "abc", "NaN", "Infinity", "", "2.000", "1,234", "100.005", "1.234.567"]
)
def test_montant_invalide_refuse_en_francais(texte: str) -> None:
    with pytest.raises(DonneeInvalide, match="montant"):
        montant(texte)


def test_un_float_est_refuse_car_inexact() -> None:
    with pytest.raises(DonneeInvalide):
        montant(0.1)


def test_dates_en_style_des_actes() -> None:
    # The issue's own example of the legal style.
    assert (
        date_en_lettres(date(2026, 11, 29)) == "L'an deux mille vingt-six, le vingt-neuf novembre"
    )
    assert date_en_lettres(date(2026, 3, 1)) == "L'an deux mille vingt-six, le premier mars"
    assert format_date_longue(date(2026, 3, 1)) == "1er mars 2026"
    assert format_date_longue(date(2026, 11, 29)) == "29 novembre 2026"


@given(st.decimals(min_value=0, max_value=10**9, places=2))
def test_montant_en_lettres_toujours_defini_et_sans_zero_centimes(valeur: Decimal) -> None:
    texte = montant_en_lettres(valeur)
    assert texte
    assert "zéro centime" not in texte


def test_un_taux_peut_avoir_plus_de_deux_decimales() -> None:
    assert montant("0.0311", "taux", decimales_max=None) == Decimal("0.0311")
