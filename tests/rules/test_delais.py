"""Deadlines (CPC 640-644): worked cases from tests/cases/delais/ and property tests."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerc.rules.calendrier import est_jour_ouvre
from clerc.rules.delais import (
    Duree,
    NatureDelai,
    Sens,
    TypeJours,
    augmentation_distance,
    delai,
    duree,
)
from clerc.rules.erreurs import DonneeInvalide
from tests.conftest import charger_cas


@pytest.mark.parametrize("cas", charger_cas("delais"))
def test_cas_publies_et_regles(cas: dict[str, Any]) -> None:
    entrees, attendu = cas["entrees"], cas["attendu"]
    resultat = delai(
        entrees["depuis"],
        entrees["duree"],
        entrees["territoire"],
        a_rebours=entrees.get("a_rebours", False),
    )
    assert resultat.expire_le == attendu["expire_le"], resultat.motif
    assert resultat.proroge is attendu["proroge"]
    assert resultat.expire_le_prudent == attendu["expire_le_prudent"]
    if "au_plus_tard" in attendu:
        assert resultat.au_plus_tard == attendu["au_plus_tard"]


# --- Parsing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("8 jours", Duree(jours=8)),
        ("1 jour", Duree(jours=1)),
        ("15 jours ouvrables", Duree(jours=15, type_jours=TypeJours.OUVRABLES)),
        ("10 jours ouvrés", Duree(jours=10, type_jours=TypeJours.OUVRES)),
        ("10 Jours Ouvres", Duree(jours=10, type_jours=TypeJours.OUVRES)),
        ("6 semaines", Duree(jours=42)),
        ("1 semaine", Duree(jours=7)),
        ("1 mois", Duree(mois=1)),
        ("2 ans", Duree(mois=24)),
        ("1 an", Duree(mois=12)),
        ("un mois et quinze jours", Duree(mois=1, jours=15)),
        ("  2   mois ", Duree(mois=2)),
        ("huit jours", Duree(jours=8)),
    ],
)
def test_duree_lue_en_francais(texte: str, attendu: Duree) -> None:
    lue = duree(texte)
    assert (lue.mois, lue.jours, lue.type_jours) == (
        attendu.mois,
        attendu.jours,
        attendu.type_jours,
    )


@pytest.mark.parametrize(
    "texte",
    ["", "8", "jours", "8 jourz", "-3 jours", "0 jours", "8 jours francs", "2 ans ouvrables",
     "8 jours et 2 mois", "1 mois et 2 mois", "999999 jours", "trois-quarts mois"],
)  # fmt: skip
def test_duree_mal_formee_refusee_en_francais(texte: str) -> None:
    with pytest.raises(DonneeInvalide) as erreur:
        duree(texte)
    assert "Durée" in str(erreur.value)


def test_mois_et_jours_decomptent_les_mois_d_abord() -> None:
    # CPC 641 al. 3: 31 Jan 2026 + 1 month -> 28 Feb, + 15 days -> Sun 15 Mar -> Mon 16 Mar.
    resultat = delai(date(2026, 1, 31), "1 mois et 15 jours")
    assert resultat.echeance_nominale == date(2026, 3, 15)
    assert resultat.expire_le == date(2026, 3, 16)
    assert "CPC 641 al. 3" in resultat.articles


# --- Explanation and uncertainty -----------------------------------------------------------


def test_motif_explique_la_prorogation_en_alsace() -> None:
    resultat = delai(date(2025, 12, 18), "8 jours", "67")
    assert "Vendredi 26 décembre 2025 (Saint-Étienne : jour férié)" in resultat.motif
    assert "samedi 27 décembre 2025 et dimanche 28 décembre 2025" in resultat.motif
    assert "prorogé au lundi 29 décembre 2025 (CPC 642 al. 2)" in resultat.motif
    assert [s.jour for s in resultat.jours_non_ouvres] == [
        date(2025, 12, 26),
        date(2025, 12, 27),
        date(2025, 12, 28),
    ]
    assert "CPC 642 al. 2" in resultat.articles


def test_vendredi_saint_incertain_donne_la_date_prudente_et_son_motif() -> None:
    resultat = delai(date(2026, 3, 27), "7 jours", "57")
    assert resultat.expire_le_prudent == date(2026, 4, 3)
    assert "Incertitude" in resultat.motif and "temple protestant" in resultat.motif
    assert [s.jour for s in resultat.incertitudes] == [date(2026, 4, 3)]
    assert "C. trav. L3134-13" in resultat.articles


@pytest.mark.parametrize(
    ("sens", "attendu"),
    [(None, date(2026, 4, 7)), (Sens.ETUDE, date(2026, 4, 3)), (Sens.ADVERSAIRE, date(2026, 4, 7))],
)
def test_sens_choisit_le_cote_prudent(sens: Sens | None, attendu: date) -> None:
    assert delai(date(2026, 3, 27), "7 jours", "57", sens=sens).date_retenue == attendu


def test_commune_avec_temple_leve_l_incertitude() -> None:
    from clerc.rules.calendrier import territoire

    avec = delai(date(2026, 3, 27), "7 jours", territoire("67", vendredi_saint=True))
    sans = delai(date(2026, 3, 27), "7 jours", territoire("67", vendredi_saint=False))
    assert (avec.expire_le, avec.expire_le_prudent) == (date(2026, 4, 7), None)
    assert (sans.expire_le, sans.expire_le_prudent) == (date(2026, 4, 3), None)


def test_jours_ouvrables_incertains_comptent_dans_la_duree() -> None:
    # 971: Mi-Carême Thu 12 Mar 2026 is uncertain. 3 jours ouvrables from Wed 11 Mar:
    # if chômée: 13, 14, 16 -> Mon 16; else 12, 13, 14 -> Sat 14 -> extended to Mon 16.
    resultat = delai(date(2026, 3, 11), "3 jours ouvrables", "971")
    assert resultat.expire_le == date(2026, 3, 16)
    # 2 jours ouvrables: chômée -> 13, 14 (Sat) -> Mon 16; not chômée -> 12, 13 -> Fri 13.
    resultat = delai(date(2026, 3, 11), "2 jours ouvrables", "971")
    assert (resultat.expire_le, resultat.expire_le_prudent) == (
        date(2026, 3, 16),
        date(2026, 3, 13),
    )


# --- Distance (CPC 643/644) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("nature", "siege", "demeure", "mois", "article"),
    [
        (NatureDelai.APPEL, "75", "971", 1, "CPC 643 1°"),
        (NatureDelai.CASSATION, "67", "988", 1, "CPC 643 1°"),
        (NatureDelai.COMPARUTION, "13", "étranger", 2, "CPC 643 2°"),
        (NatureDelai.APPEL, "75", "69", 0, ""),
        (NatureDelai.AUTRE, "75", "étranger", 0, ""),
        (NatureDelai.APPEL, "971", "972", 1, "CPC 644"),
        (NatureDelai.APPEL, "971", "75", 1, "CPC 644"),
        (NatureDelai.OPPOSITION, "974", "etranger", 2, "CPC 644"),
        (NatureDelai.APPEL, "971", "971", 0, ""),
        (NatureDelai.CASSATION, "972", "75", 0, ""),
    ],
)
def test_augmentation_pour_distance(
    nature: NatureDelai, siege: str, demeure: str, mois: int, article: str
) -> None:
    augmentation = augmentation_distance(nature, siege, demeure)
    if mois == 0:
        assert augmentation is None
    else:
        assert augmentation is not None
        assert (augmentation.mois, augmentation.article) == (mois, article)


def test_juridiction_de_nouvelle_caledonie_hors_cpc_643_644() -> None:
    with pytest.raises(DonneeInvalide, match="code de procédure civile local"):
        augmentation_distance(NatureDelai.APPEL, "988", "75")


def test_appel_d_un_mois_augmente_d_un_mois_pour_la_guadeloupe() -> None:
    # Judgment served Thu 15 Jan 2026 (Paris), appellant in Guadeloupe: 1 + 1 months ->
    # Sun 15 Mar 2026 -> Mon 16 Mar 2026.
    augmentation = augmentation_distance(NatureDelai.APPEL, "75", "971")
    resultat = delai(date(2026, 1, 15), "1 mois", "75", augmentation=augmentation)
    assert resultat.expire_le == date(2026, 3, 16)
    assert "CPC 643 1°" in resultat.articles
    assert "augmenté de 1 mois" in resultat.motif


# --- Properties ----------------------------------------------------------------------------

TERRITOIRES = ["75", "57", "67", "68", "971", "972", "973", "974", "976", "977", "978", "2A"]
durees = st.one_of(
    st.integers(1, 400).map(lambda n: f"{n} jours"),
    st.integers(1, 60).map(lambda n: f"{n} jours ouvrables"),
    st.integers(1, 60).map(lambda n: f"{n} jours ouvrés"),
    st.integers(1, 30).map(lambda n: f"{n} semaines"),
    st.integers(1, 36).map(lambda n: f"{n} mois"),
    st.integers(1, 5).map(lambda n: f"{n} ans"),
)
jours = st.dates(min_value=date(2010, 1, 1), max_value=date(2035, 12, 31))


@settings(max_examples=300, deadline=None)
@given(jours, durees, st.sampled_from(TERRITOIRES))
def test_delai_proroge_ne_finit_jamais_un_jour_non_ouvre(
    depuis: date, texte: str, code: str
) -> None:
    resultat = delai(depuis, texte, code)
    assert est_jour_ouvre(resultat.expire_le, code, incertains_feries=True)
    if resultat.expire_le_prudent is not None:
        assert resultat.expire_le_prudent < resultat.expire_le
        assert est_jour_ouvre(resultat.expire_le_prudent, code, incertains_feries=False)
    assert resultat.au_plus_tot <= resultat.au_plus_tard


@settings(max_examples=300, deadline=None)
@given(jours, durees, st.sampled_from(TERRITOIRES))
def test_delai_jamais_avant_son_point_de_depart(depuis: date, texte: str, code: str) -> None:
    resultat = delai(depuis, texte, code)
    assert resultat.expire_le > depuis
    assert resultat.au_plus_tot > depuis


@settings(max_examples=300, deadline=None)
@given(jours, durees, st.sampled_from(TERRITOIRES))
def test_delai_a_rebours_jamais_apres_l_evenement(depuis: date, texte: str, code: str) -> None:
    resultat = delai(depuis, texte, code, a_rebours=True)
    assert resultat.au_plus_tard < depuis
    assert resultat.expire_le == resultat.au_plus_tot
    assert est_jour_ouvre(resultat.expire_le, code)
    assert not resultat.proroge


@settings(max_examples=200, deadline=None)
@given(jours, durees)
def test_plus_de_feries_ne_raccourcit_jamais_un_delai(depuis: date, texte: str) -> None:
    # Holidays of 67 include those of 75 (+ 26 Dec, Good Friday).
    assert delai(depuis, texte, "67").expire_le >= delai(depuis, texte, "75").expire_le


@settings(max_examples=200, deadline=None)
@given(jours, st.integers(1, 60))
def test_delai_en_jours_non_proroge_tombe_n_jours_apres(depuis: date, n: int) -> None:
    resultat = delai(depuis, f"{n} jours")
    assert resultat.echeance_nominale == depuis + timedelta(days=n)
    assert resultat.proroge == (resultat.expire_le != resultat.echeance_nominale)


def test_calcul_de_nombreux_delais_reste_rapide() -> None:
    import time

    debut = time.perf_counter()
    for decalage in range(3000):
        delai(date(2026, 1, 1) + timedelta(days=decalage % 700), "15 jours ouvrables", "57")
    assert time.perf_counter() - debut < 10


def test_augmentation_la_plus_longue_entre_plusieurs_debiteurs() -> None:
    from clerc.rules.delais import NatureDelai, augmentation_la_plus_longue

    # CPC 643 1° and 2°: before a court seated in Lyon, one month for a debtor living in
    # Guadeloupe, two months for one living abroad; the creditor waits for the longest.
    assert augmentation_la_plus_longue(NatureDelai.APPEL, "69", [("A", "69")]) == (0, "")
    mois, motif = augmentation_la_plus_longue(
        NatureDelai.APPEL, "69", [("A", "69"), ("B", "971"), ("C", "etranger")]
    )
    assert mois == 2 and motif.startswith("C : ") and "CPC 643 2°" in motif
    assert augmentation_la_plus_longue(NatureDelai.APPEL, "69", [("B", "971")])[0] == 1
