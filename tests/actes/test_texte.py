"""French text of acts: amounts in figures and letters, dates (../shared/ecosysteme.md §2-§3)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from babel.numbers import format_currency

from clerc.actes.texte import (
    date_longue,
    designation_partie,
    euros,
    formule_date_acte,
    montant_en_chiffres_et_lettres,
)

NNBSP = "\u202f"  # narrow no-break space: babel's thousands separator in fr_FR
NBSP = "\xa0"  # no-break space before the euro sign


@pytest.mark.parametrize(
    "valeur", ["0", "0.5", "71", "1234.56", "80000", "1000000", "-300", "12345678.9"]
)
def test_euros_ecrit_le_montant_comme_babel(valeur: str) -> None:
    assert euros(Decimal(valeur)) == format_currency(Decimal(valeur), "EUR", locale="fr_FR")


def test_euros_separe_les_milliers_par_une_espace_fine_insecable() -> None:
    assert euros(Decimal("1234.56")) == f"1{NNBSP}234,56{NBSP}€"
    assert euros(Decimal("1000000")) == f"1{NNBSP}000{NNBSP}000,00{NBSP}€"


def test_euros_arrondit_au_centime_le_plus_proche_demi_vers_le_haut() -> None:
    # babel would round half to even (10,00 €); acts round half up (design.md §4).
    assert euros(Decimal("10.005")) == f"10,01{NBSP}€"
    assert euros(Decimal("10.004")) == f"10,00{NBSP}€"


def test_euros_refuse_un_flottant() -> None:
    with pytest.raises(TypeError, match="non exact"):
        euros(0.1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("montant", "lettres"),
    [
        ("71", "soixante et onze euros"),
        ("80", "quatre-vingts euros"),
        ("81", "quatre-vingt-un euros"),
        ("200", "deux cents euros"),
        ("200.00", "deux cents euros"),
        ("280", "deux cent quatre-vingts euros"),
        ("80000", "quatre-vingt mille euros"),
        ("21000", "vingt et un mille euros"),
        ("1000000", "un million d'euros"),
        ("2000000", "deux millions d'euros"),
        ("1000000.01", "un million d'euros et un centime"),
        ("1", "un euro"),
        ("0.50", "cinquante centimes"),
        ("1234.56", "mille deux cent trente-quatre euros et cinquante-six centimes"),
    ],
)
def test_montant_en_chiffres_et_lettres(montant: str, lettres: str) -> None:
    valeur = Decimal(montant)
    assert montant_en_chiffres_et_lettres(valeur) == f"{euros(valeur)} ({lettres})"


def test_montant_rond_sans_zero_centime() -> None:
    texte = montant_en_chiffres_et_lettres(Decimal("200.00"))
    assert texte == f"200,00{NBSP}€ (deux cents euros)"
    assert "zéro" not in texte and "centime" not in texte


def test_un_million_s_ecrit_d_euros() -> None:
    assert montant_en_chiffres_et_lettres(Decimal("1000000")) == (
        f"1{NNBSP}000{NNBSP}000,00{NBSP}€ (un million d'euros)"
    )


def test_date_longue_ecrit_1er_pour_le_premier_du_mois() -> None:
    assert date_longue(date(2026, 3, 1)) == "1er mars 2026"
    assert date_longue(date(2026, 11, 29)) == "29 novembre 2026"
    assert date_longue(datetime(2026, 8, 1, 10, 25)) == "1er août 2026"


def test_formule_date_acte_en_toutes_lettres() -> None:
    assert formule_date_acte(date(2026, 11, 29)) == (
        "L'an deux mille vingt-six, le vingt-neuf novembre"
    )


def test_formule_date_acte_dit_le_premier() -> None:
    assert formule_date_acte(date(2026, 3, 1)) == "L'an deux mille vingt-six, le premier mars"
    assert formule_date_acte(date(2031, 12, 21)) == (
        "L'an deux mille trente et un, le vingt et un décembre"
    )


def test_designation_d_une_personne_physique() -> None:
    partie = designation_partie(
        {
            "civilite": "Madame",
            "prenoms": "Éloïse",
            "nom": "Garçon",
            "profession": "infirmière",
            "adresse": ["3 rue Neuve", "69001 Lyon"],
        }
    )
    assert partie == {
        "nom": "Madame Éloïse GARÇON",
        "designation": ", infirmière, demeurant 3 rue Neuve, 69001 Lyon",
    }


def test_designation_d_une_personne_morale_nomme_son_representant_legal() -> None:
    partie = designation_partie(
        {
            "nature": "morale",
            "forme": "SARL",
            "denomination": "Dupont & Fils",
            "siege": "1 place Carnot, 69002 Lyon",
        }
    )
    assert partie["nom"] == "SARL DUPONT & FILS"
    assert partie["designation"] == (
        ", dont le siège social est 1 place Carnot, 69002 Lyon, agissant poursuites et "
        "diligences de son représentant légal domicilié en cette qualité audit siège"
    )
