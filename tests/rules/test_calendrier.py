"""Holidays by territory, 2015-2030: each holiday present after its creation, absent before."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from clerc.rules.calendrier import (
    NonOuvre,
    est_jour_ouvrable,
    est_jour_ouvre,
    jour_ferie,
    jours_feries,
    statut_jour,
    territoire,
)
from clerc.rules.erreurs import DonneeInvalide

ANNEES = range(2015, 2031)
METROPOLE = ["75", "01", "2A", "2B", "13", "95"]
ALSACE_MOSELLE = ["57", "67", "68"]
OUTRE_MER = ["971", "972", "973", "974", "975", "976", "977", "978"]

# Easter Sundays 2015-2030 (published tables).
PAQUES = {
    2015: date(2015, 4, 5), 2016: date(2016, 3, 27), 2017: date(2017, 4, 16),
    2018: date(2018, 4, 1), 2019: date(2019, 4, 21), 2020: date(2020, 4, 12),
    2021: date(2021, 4, 4), 2022: date(2022, 4, 17), 2023: date(2023, 4, 9),
    2024: date(2024, 3, 31), 2025: date(2025, 4, 20), 2026: date(2026, 4, 5),
    2027: date(2027, 3, 28), 2028: date(2028, 4, 16), 2029: date(2029, 4, 1),
    2030: date(2030, 4, 21),
}  # fmt: skip


def nationaux(annee: int) -> set[date]:
    """C. trav. L3133-1: the eleven holidays of all France."""
    paques = PAQUES[annee]
    return {
        date(annee, 1, 1), paques + timedelta(days=1), date(annee, 5, 1), date(annee, 5, 8),
        paques + timedelta(days=39), paques + timedelta(days=50), date(annee, 7, 14),
        date(annee, 8, 15), date(annee, 11, 1), date(annee, 11, 11), date(annee, 12, 25),
    }  # fmt: skip


def certains(code: str, annee: int) -> set[date]:
    return {f.jour for f in jours_feries(code, annee) if f.certain}


def incertains(code: str, annee: int) -> set[date]:
    return {f.jour for f in jours_feries(code, annee) if not f.certain}


@pytest.mark.parametrize("annee", ANNEES)
@pytest.mark.parametrize("code", METROPOLE)
def test_metropole_a_les_onze_feries_legaux_sans_vendredi_saint_ni_26_decembre(
    code: str, annee: int
) -> None:
    assert certains(code, annee) == nationaux(annee)
    assert incertains(code, annee) == set()
    assert jour_ferie(PAQUES[annee] - timedelta(days=2), code) is None
    assert jour_ferie(date(annee, 12, 26), code) is None


@pytest.mark.parametrize("annee", ANNEES)
@pytest.mark.parametrize("code", ALSACE_MOSELLE)
def test_alsace_moselle_26_decembre_certain_vendredi_saint_incertain(code: str, annee: int) -> None:
    vendredi_saint = PAQUES[annee] - timedelta(days=2)
    assert certains(code, annee) == nationaux(annee) | {date(annee, 12, 26)}
    assert incertains(code, annee) == {vendredi_saint}
    ferie = jour_ferie(vendredi_saint, code)
    assert ferie is not None and ferie.nom == "Vendredi saint"
    assert "temple protestant" in ferie.motif_incertitude
    assert statut_jour(vendredi_saint, code).non_ouvre is NonOuvre.POSSIBLE


@pytest.mark.parametrize("code", ALSACE_MOSELLE)
def test_commune_connue_tranche_le_vendredi_saint(code: str) -> None:
    vendredi_saint = date(2026, 4, 3)
    avec_temple = territoire(code, vendredi_saint=True)
    sans_temple = territoire(code, vendredi_saint=False)
    ferie = jour_ferie(vendredi_saint, avec_temple)
    assert ferie is not None and ferie.certain
    assert jour_ferie(vendredi_saint, sans_temple) is None
    assert jour_ferie(date(2026, 12, 26), sans_temple) is not None


# Overseas: (certain extra days, uncertain extra days) as (month, day); loi 83-550,
# décret 83-1003 modifié, C. trav. L3422-2; customary days uncertain.
FIXES_OUTRE_MER = {
    "971": ({(5, 27)}, {(7, 21)}),
    "972": ({(5, 22)}, {(7, 21)}),
    "973": ({(6, 10)}, set()),
    "974": ({(12, 20)}, set()),
    "975": (set(), set()),
    "976": ({(4, 27)}, set()),
    "977": ({(10, 9)}, set()),
}


@pytest.mark.parametrize("annee", ANNEES)
@pytest.mark.parametrize("code", sorted(FIXES_OUTRE_MER))
def test_outre_mer_jours_propres_a_chaque_territoire(code: str, annee: int) -> None:
    fixes_certains, fixes_incertains = FIXES_OUTRE_MER[code]
    attendus_certains = nationaux(annee) | {date(annee, m, j) for m, j in fixes_certains}
    attendus_incertains = {date(annee, m, j) for m, j in fixes_incertains}
    if code == "971":  # Good Friday and Mi-Carême counted by holidays, to be confirmed
        attendus_incertains |= {
            PAQUES[annee] - timedelta(days=2),
            PAQUES[annee] - timedelta(days=24),
        }
    assert certains(code, annee) == attendus_certains
    assert incertains(code, annee) == attendus_incertains


def test_martinique_n_a_ni_vendredi_saint_ni_mi_careme() -> None:
    assert jour_ferie(date(2026, 4, 3), "972") is None
    assert jour_ferie(date(2026, 3, 12), "972") is None
    ferie = jour_ferie(date(2026, 3, 12), "971")
    assert ferie is not None and ferie.nom == "Mi-Carême" and not ferie.certain


@pytest.mark.parametrize("annee", range(2015, 2018))
def test_saint_martin_27_mai_avant_2018(annee: int) -> None:
    # Décret n° 2012-553 du 23 avril 2012: Saint-Martin 27 May.
    assert certains("978", annee) == nationaux(annee) | {date(annee, 5, 27)}
    assert jour_ferie(date(annee, 5, 28), "978") is None


@pytest.mark.parametrize("annee", range(2018, 2031))
def test_saint_martin_27_ou_28_mai_incertains_depuis_2018(annee: int) -> None:
    assert certains("978", annee) == nationaux(annee)
    assert incertains("978", annee) == {date(annee, 5, 27), date(annee, 5, 28), date(annee, 7, 21)}


@pytest.mark.parametrize("code", ["977", "978"])
def test_saint_barthelemy_et_saint_martin_sans_jour_propre_avant_2012(code: str) -> None:
    assert certains(code, 2011) == {
        date(2011, 1, 1), date(2011, 4, 25), date(2011, 5, 1), date(2011, 5, 8),
        date(2011, 6, 2), date(2011, 6, 13), date(2011, 7, 14), date(2011, 8, 15),
        date(2011, 11, 1), date(2011, 11, 11), date(2011, 12, 25),
    }  # fmt: skip
    assert {f.jour for f in jours_feries("977", 2012)} >= {date(2012, 10, 9)}


@pytest.mark.parametrize("annee", [2005, 2006, 2007])
def test_lundi_de_pentecote_reste_ferie_pendant_la_journee_de_solidarite(annee: int) -> None:
    pentecote = {2005: date(2005, 5, 16), 2006: date(2006, 6, 5), 2007: date(2007, 5, 28)}[annee]
    ferie = jour_ferie(pentecote, "75")
    assert ferie is not None and ferie.certain and ferie.nom == "Lundi de Pentecôte"


def test_noms_en_francais() -> None:
    noms = {f.nom for f in jours_feries("75", 2026)}
    assert {"Fête du Travail", "Lundi de Pentecôte", "Fête nationale", "Noël"} <= noms


@pytest.mark.parametrize(
    ("saisi", "code", "nom"),
    [
        ("75", "75", "département 75"),
        ("2a", "2A", "département 2A"),
        ("1", "01", "département 01"),
        (" 67 ", "67", "Bas-Rhin"),
        ("68", "68", "Haut-Rhin"),
        ("975", "975", "Saint-Pierre-et-Miquelon"),
        ("977", "977", "Saint-Barthélemy"),
        ("978", "978", "Saint-Martin"),
        ("988", "988", "Nouvelle-Calédonie"),
    ],
)
def test_territoire_tel_que_saisi(saisi: str, code: str, nom: str) -> None:
    t = territoire(saisi)
    assert (t.code, t.nom) == (code, nom)


@pytest.mark.parametrize("saisi", ["", "20", "96", "99", "00", "975x", "Paris", "2C"])
def test_territoire_inconnu_refuse_en_francais(saisi: str) -> None:
    with pytest.raises(DonneeInvalide, match="Territoire inconnu"):
        territoire(saisi)


def test_statut_du_jour_avec_ses_motifs() -> None:
    samedi = statut_jour(date(2026, 7, 11), "75")
    assert samedi.non_ouvre is NonOuvre.CERTAIN and samedi.motifs == ("samedi",)
    fete = statut_jour(date(2026, 7, 14), "75")
    assert fete.non_ouvre is NonOuvre.CERTAIN and fete.motifs == ("Fête nationale : jour férié",)
    mardi = statut_jour(date(2026, 7, 7), "75")
    assert mardi.non_ouvre is NonOuvre.NON and mardi.motifs == ()
    dimanche_ferie = statut_jour(date(2026, 11, 1), "75")
    assert dimanche_ferie.motifs == ("dimanche", "Toussaint : jour férié")


def test_jour_ouvre_et_jour_ouvrable() -> None:
    samedi = date(2026, 7, 11)
    assert not est_jour_ouvre(samedi, "75") and est_jour_ouvrable(samedi, "75")
    assert not est_jour_ouvrable(date(2026, 7, 12), "75")  # Sunday
    assert not est_jour_ouvrable(date(2026, 7, 14), "75")
    vendredi_saint = date(2026, 4, 3)
    assert not est_jour_ouvre(vendredi_saint, "57")
    assert est_jour_ouvre(vendredi_saint, "57", incertains_feries=False)
    assert est_jour_ouvre(vendredi_saint, "75")
