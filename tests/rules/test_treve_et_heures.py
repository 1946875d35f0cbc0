"""Winter truce (CPCE L412-6) and legal hours of acts (CPC 664, CPCE L141-1)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from clerc.rules.delais import NatureActe, empechements_horaires, treve_hivernale
from clerc.rules.erreurs import ParametreManquant
from clerc.rules.parametres import parametres

# --- Winter truce ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jour", "debut", "fin"),
    [
        (date(2025, 11, 1), date(2025, 11, 1), date(2026, 3, 31)),
        (date(2025, 12, 24), date(2025, 11, 1), date(2026, 3, 31)),
        (date(2026, 3, 31), date(2025, 11, 1), date(2026, 3, 31)),
        (date(2016, 2, 29), date(2015, 11, 1), date(2016, 3, 31)),
        # Before loi ALUR: 1 November - 15 March.
        (date(2013, 3, 15), date(2012, 11, 1), date(2013, 3, 15)),
        (date(2005, 1, 10), date(2004, 11, 1), date(2005, 3, 15)),
        # Loi ALUR in force 27 March 2014: the 2013-2014 truce applies again until 31 March.
        (date(2014, 3, 28), date(2013, 11, 1), date(2014, 3, 31)),
        # Health crisis: 2020 extended to 10 July, 2021 to 31 May.
        (date(2020, 1, 15), date(2019, 11, 1), date(2020, 7, 10)),
        (date(2020, 6, 30), date(2019, 11, 1), date(2020, 7, 10)),
        (date(2020, 12, 1), date(2020, 11, 1), date(2021, 5, 31)),
        (date(2021, 5, 31), date(2020, 11, 1), date(2021, 5, 31)),
    ],
)
def test_jour_pendant_la_treve_hivernale(jour: date, debut: date, fin: date) -> None:
    treve = treve_hivernale(jour)
    assert treve is not None
    assert (treve.debut, treve.fin) == (debut, fin)
    assert treve.reprise_le == date.fromordinal(fin.toordinal() + 1)
    assert treve.articles


@pytest.mark.parametrize(
    "jour",
    [date(2026, 4, 1), date(2026, 10, 31), date(2013, 3, 16), date(2014, 3, 20),
     date(2020, 7, 11), date(2021, 6, 1), date(2026, 8, 15)],
)  # fmt: skip
def test_jour_hors_treve_hivernale(jour: date) -> None:
    assert treve_hivernale(jour) is None


def test_prolongation_non_confirmee_signalee() -> None:
    treve = treve_hivernale(date(2020, 6, 1))
    assert treve is not None and any("non confirmée" in a for a in treve.avertissements)


def test_treve_avant_la_premiere_valeur_connue_refusee() -> None:
    with pytest.raises(ParametreManquant, match="Trêve hivernale"):
        treve_hivernale(date(1990, 1, 1))


def test_parametre_treve_a_des_references_completes() -> None:
    parametre = parametres().get("expulsion.treve_hivernale")
    assert parametre.last_verified is not None
    assert parametre.trous() == []
    debuts = [v.debut for v in parametre.valeurs]
    assert debuts == sorted(debuts)
    for valeur in parametre.valeurs:
        assert valeur.reference is not None
        assert valeur.reference.texte and valeur.reference.article and valeur.reference.url
        assert set(valeur.valeur) == {"debut", "fin"}


# --- Legal hours ----------------------------------------------------------------------------


def motifs(moment: datetime, code: str = "75", **options: object) -> list[str]:
    return [e.motif for e in empechements_horaires(moment, code, **options)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "moment",
    [datetime(2026, 7, 7, 6, 0), datetime(2026, 7, 7, 14, 30), datetime(2026, 7, 7, 21, 0),
     datetime(2026, 7, 11, 10, 0)],  # a Saturday is allowed
)  # fmt: skip
def test_signification_permise_aux_heures_legales(moment: datetime) -> None:
    assert empechements_horaires(moment, "75") == ()


@pytest.mark.parametrize(
    ("moment", "extrait"),
    [
        (datetime(2026, 7, 7, 5, 59), "avant 6 heures ni après 21 heures (05:59)"),
        (datetime(2026, 7, 7, 21, 1), "(21:01)"),
        (datetime(2026, 7, 12, 10, 0), "un dimanche"),
        (datetime(2026, 7, 14, 10, 0), "jour férié : Fête nationale"),
    ],
)
def test_signification_interdite_cpc_664(moment: datetime, extrait: str) -> None:
    empechements = empechements_horaires(moment, "75")
    assert any(extrait in e.motif for e in empechements)
    assert all(e.article == "CPC 664" and e.certain for e in empechements)


def test_26_decembre_interdit_en_alsace_seulement() -> None:
    moment = datetime(2025, 12, 26, 10, 0)
    assert empechements_horaires(moment, "75") == ()
    assert "Saint-Étienne" in motifs(moment, "67")[0]


def test_vendredi_saint_en_moselle_empechement_incertain() -> None:
    (empechement,) = empechements_horaires(datetime(2026, 4, 3, 10, 0), "57")
    assert not empechement.certain
    assert "temple protestant" in empechement.motif


def test_permission_du_juge_leve_l_interdiction_de_signifier() -> None:
    assert motifs(datetime(2026, 7, 12, 22, 0), autorisation_juge=True) == []


def test_mesure_d_execution_de_nuit_jamais_dans_un_lieu_d_habitation() -> None:
    nuit = datetime(2026, 7, 7, 22, 0)
    refus = empechements_horaires(
        nuit, "75", NatureActe.MESURE_EXECUTION, autorisation_juge=True, lieu_habitation=True
    )
    assert len(refus) == 1 and refus[0].article == "CPCE L141-1"
    assert "lieu d'habitation" in refus[0].motif
    assert (
        empechements_horaires(
            nuit, "75", NatureActe.MESURE_EXECUTION, autorisation_juge=True, lieu_habitation=False
        )
        == ()
    )


def test_mesure_d_execution_un_jour_ferie() -> None:
    refus = empechements_horaires(datetime(2026, 5, 1, 9, 0), "75", NatureActe.MESURE_EXECUTION)
    assert [e.motif for e in refus] == ["aucune mesure d'exécution un jour férié : Fête du Travail"]
