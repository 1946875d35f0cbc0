"""Legal interest: published worked cases, convention, majoration, capitalisation, properties."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerc.rules.erreurs import DonneeInvalide, ParametreManquant
from clerc.rules.interets import format_taux_texte, interets
from clerc.rules.parametres import parametres
from tests.conftest import charger_cas

CENT = Decimal("0.01")


def _decimal(valeur: Any) -> Decimal:
    return valeur if isinstance(valeur, Decimal) else Decimal(str(valeur))


@pytest.mark.parametrize("cas", charger_cas("interets"))
def test_cas_publies(cas: dict[str, Any]) -> None:
    entrees = dict(cas["entrees"])
    capital = _decimal(entrees.pop("capital"))
    if "taux_conventionnel" in entrees:
        entrees["taux_conventionnel"] = _decimal(entrees["taux_conventionnel"])
    resultat = interets(capital, entrees.pop("du"), entrees.pop("au"), **entrees)
    attendu = cas["attendu"]
    assert resultat.interets == _decimal(attendu["interets"])
    if "periodes" in attendu:
        obtenues = [(p.jours, p.taux, p.montant) for p in resultat.periodes]
        assert obtenues == [
            (jours, _decimal(taux), _decimal(montant))
            for jours, taux, montant in attendu["periodes"]
        ]


def test_le_jour_de_depart_est_exclu_et_le_jour_de_fin_inclus() -> None:
    un_jour = interets(Decimal(36500), date(2020, 9, 1), date(2020, 9, 2), categorie="particulier")
    assert un_jour.periodes[0].jours == 1
    assert un_jour.interets == Decimal("3.11")  # 36 500 x 3,11 % / 365 = 3,11 € per day
    assert interets(Decimal(1000), date(2020, 9, 1), date(2020, 9, 1)).interets == 0


def test_diviseur_365_meme_en_annee_bissextile() -> None:
    annee = interets(
        Decimal(10000), date(2015, 12, 31), date(2016, 12, 31), taux_conventionnel=Decimal(5)
    )
    assert sum(p.jours for p in annee.periodes) == 366
    assert annee.interets == Decimal("501.37")  # 10 000 x 5 x 366 / 36 500 = 501,369...


def test_periodes_coupees_aux_semestres_avec_leur_arrete() -> None:
    resultat = interets(Decimal(10000), date(2024, 3, 15), date(2025, 11, 30), categorie="autre")
    assert [(p.du, p.au, p.taux) for p in resultat.periodes] == [
        (date(2024, 3, 15), date(2024, 6, 30), Decimal("5.07")),
        (date(2024, 6, 30), date(2024, 12, 31), Decimal("4.92")),
        (date(2024, 12, 31), date(2025, 6, 30), Decimal("3.71")),
        (date(2025, 6, 30), date(2025, 11, 30), Decimal("2.76")),
    ]
    assert "Arrêté du 26 juin 2024" in resultat.periodes[1].reference
    assert "ECOT2516925A" in resultat.periodes[3].reference
    # 10000 x (107 x 5,07 + 184 x 4,92 + 181 x 3,71 + 153 x 2,76) / 36500, rounded per period:
    # 148,63 + 248,02 + 183,98 + 115,69
    assert resultat.interets == Decimal("696.32")


def test_avant_2015_un_seul_taux_annuel_pour_les_deux_categories() -> None:
    for categorie in ("particulier", "autre"):
        resultat = interets(Decimal(1000), date(2012, 1, 1), date(2013, 1, 1), categorie=categorie)
        assert [p.taux for p in resultat.periodes] == [Decimal("0.71"), Decimal("0.04")]


def test_majoration_de_cinq_points_a_partir_du_jour_donne() -> None:
    resultat = interets(
        Decimal(1000),
        date(2024, 1, 10),
        date(2024, 3, 31),
        categorie="particulier",
        majoration_depuis=date(2024, 3, 10),
    )
    assert [(p.au, p.taux, p.majore) for p in resultat.periodes] == [
        (date(2024, 3, 9), Decimal("8.01"), False),
        (date(2024, 3, 31), Decimal("13.01"), True),
    ]
    assert "L313-3" in resultat.periodes[1].reference


def test_taux_du_second_semestre_2026_non_confirme_produit_un_avertissement() -> None:
    resultat = interets(Decimal(1000), date(2026, 6, 1), date(2026, 8, 1), categorie="particulier")
    assert resultat.periodes[-1].taux == Decimal("6.84")
    assert len(resultat.avertissements) == 1
    assert "non confirmée" in resultat.avertissements[0]
    avant = interets(Decimal(1000), date(2026, 1, 1), date(2026, 6, 30), categorie="particulier")
    assert avant.avertissements == ()


def test_au_dela_du_dernier_taux_publie_erreur_nommant_le_parametre() -> None:
    with pytest.raises(ParametreManquant, match=r"taux_autres_cas.*2027-01-01"):
        interets(Decimal(1000), date(2026, 12, 1), date(2027, 2, 1), categorie="autre")
    with pytest.raises(ParametreManquant, match="2009-12-02"):
        interets(Decimal(1000), date(2009, 12, 1), date(2010, 2, 1), categorie="autre")


def test_taux_ajoute_localement_par_l_etude(parametres_locaux_isoles: Path) -> None:
    parametres_locaux_isoles.write_text(
        "interet_legal.taux_autres_cas:\n"
        "  validite: semestre\n"
        "  valeurs:\n"
        "    2027-01-01: {valeur: 2.50, reference: {texte: Arrêté d'essai}}\n",
        encoding="utf-8",
    )
    from clerc.rules.parametres import reinitialiser_cache

    reinitialiser_cache()
    resultat = interets(Decimal(36500), date(2026, 12, 31), date(2027, 1, 2), categorie="autre")
    assert resultat.periodes[-1].taux == Decimal("2.50")
    assert any("ajoutée localement" in a for a in resultat.avertissements)


def test_capitalisation_annuelle_des_interets() -> None:
    # C. civ. 1343-2: 10 000 € at 5 %, capitalisation from 2020-01-01: the first year's
    # interest (10 000 x 5 x 366 / 36 500 = 501,37 €) is added to the capital on 2021-01-01.
    resultat = interets(
        Decimal(10000),
        date(2020, 1, 1),
        date(2021, 7, 1),
        taux_conventionnel=Decimal(5),
        capitalisation_depuis=date(2020, 1, 1),
    )
    assert [(c.date, c.interets_capitalises) for c in resultat.capitalisations] == [
        (date(2021, 1, 1), Decimal("501.37"))
    ]
    assert resultat.periodes[-1].capital == Decimal("10501.37")
    # 10 501,37 x 5 x 181 / 36 500 = 260,376 -> 260,38
    assert resultat.periodes[-1].montant == Decimal("260.38")
    assert resultat.capital_final == Decimal("10501.37")


def test_capitalisation_jamais_pour_moins_d_une_annee() -> None:
    resultat = interets(
        Decimal(10000),
        date(2020, 6, 1),
        date(2021, 3, 1),
        taux_conventionnel=Decimal(5),
        capitalisation_depuis=date(2020, 1, 1),
    )
    assert resultat.capitalisations == ()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"capital": Decimal(-1)}, "négatif"),
        ({"au": date(2020, 1, 1)}, "précède"),
        ({"categorie": "entreprise"}, "Catégorie"),
        ({"taux_conventionnel": Decimal(-2)}, "invalide"),
        (
            {"taux_conventionnel": Decimal(5), "majoration_depuis": date(2020, 3, 1)},
            "L313-3",
        ),
    ],
)
def test_entrees_invalides_refusees_en_francais(arguments: dict[str, Any], message: str) -> None:
    base: dict[str, Any] = {"capital": Decimal(100), "du": date(2020, 2, 1), "au": date(2020, 5, 1)}
    base.update(arguments)
    with pytest.raises(DonneeInvalide, match=message):
        interets(base.pop("capital"), base.pop("du"), base.pop("au"), **base)


def test_format_du_taux_sans_arrondi() -> None:
    assert format_taux_texte(Decimal("3.1")) == "3.10"
    assert format_taux_texte(Decimal("5.125")) == "5.125"
    assert format_taux_texte(Decimal("5")) == "5.00"


def test_chaque_taux_a_une_reference_avec_source() -> None:
    for nom in ("interet_legal.taux_particuliers", "interet_legal.taux_autres_cas"):
        parametre = parametres().get(nom)
        assert parametre.trous() == []
        for valeur in parametre.valeurs:
            assert valeur.reference is not None and valeur.reference.texte
            if not valeur.non_confirme:
                assert valeur.reference.url.startswith("http")
        assert parametre.valeurs[-1].non_confirme  # 2026-S2


# --- properties --------------------------------------------------------------------------

dates = st.dates(min_value=date(2010, 1, 1), max_value=date(2026, 12, 31))
capitaux = st.decimals(min_value=0, max_value=10_000_000, places=2)
categories = st.sampled_from(["particulier", "autre"])


@settings(max_examples=150, deadline=None)
@given(capital=capitaux, debut=dates, fin=dates, plus=st.integers(0, 400), categorie=categories)
def test_interets_croissants_dans_le_temps(
    capital: Decimal, debut: date, fin: date, plus: int, categorie: str
) -> None:
    debut, fin = min(debut, fin), max(debut, fin)
    plus_tard = min(fin + timedelta(days=plus), date(2026, 12, 31))
    court = interets(capital, debut, fin, categorie=categorie).interets
    assert interets(capital, debut, plus_tard, categorie=categorie).interets >= court


@settings(max_examples=150, deadline=None)
@given(a=capitaux, b=capitaux, debut=dates, fin=dates, categorie=categories)
def test_interets_croissants_avec_le_capital(
    a: Decimal, b: Decimal, debut: date, fin: date, categorie: str
) -> None:
    debut, fin = min(debut, fin), max(debut, fin)
    petit, grand = min(a, b), max(a, b)
    assert (
        interets(petit, debut, fin, categorie=categorie).interets
        <= interets(grand, debut, fin, categorie=categorie).interets
    )


@settings(max_examples=150, deadline=None)
@given(
    capital=capitaux,
    jours=st.lists(dates, min_size=3, max_size=3),
    categorie=categories,
    majoration=st.none() | dates,
)
def test_couper_une_periode_ne_change_le_total_que_d_un_centime(
    capital: Decimal, jours: list[date], categorie: str, majoration: date | None
) -> None:
    debut, milieu, fin = sorted(jours)
    options: dict[str, Any] = {"categorie": categorie, "majoration_depuis": majoration}
    entier = interets(capital, debut, fin, **options).interets
    coupe = (
        interets(capital, debut, milieu, **options).interets
        + interets(capital, milieu, fin, **options).interets
    )
    assert abs(entier - coupe) <= CENT
