"""Service of the title before enforcement (CPC 478, 503, 538; C. civ. 877).

Dates are counted by hand from CPC 640-642: a delay in months expires on the same day of the
last month (CPC 641 al. 2) at 24:00 (642 al. 1), moved to the next working day when that day
is a Saturday, Sunday or holiday (642 al. 2); a step that must wait for a delay is possible the
day after it expires.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import pytest

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.chargement import procedure
from clerc.rules.procedures.gardes import DECES, PROCEDURE_COLLECTIVE, Situation
from clerc.rules.procedures.moteur import EtapeFaite, etat, plan, verifier_etape
from tests.rules.procedures.outils import faites as _faites

TITRE = procedure("signification_titre", date(2025, 3, 14))


def _plan(depuis: date, territoire: str = "75") -> dict[str, dict[str, Any]]:
    return {e.etape.code: e.en_dict() for e in plan(TITRE, depuis, territoire)}


def _etapes(
    faites: tuple[EtapeFaite, ...], au: date, territoire: str = "75"
) -> dict[str, dict[str, Any]]:
    return {e.etape.code: e.en_dict() for e in etat(TITRE, faites, au, territoire).etapes}


def test_plan_nominal() -> None:
    # Judgment on Friday 14 March 2025, served the same day (the plan puts each step at its
    # earliest). CPC 478: 14 March + 6 months = Sunday 14 September 2025 -> Monday 15 (642).
    # CPC 538: 14 March + 1 month = Monday 14 April 2025 24:00; the judgment (without
    # provisional execution) may be enforced from Tuesday 15 April.
    etapes = _plan(date(2025, 3, 14))
    assert etapes["jugement_rendu"]["date_prevue"] == "2025-03-14"
    assert etapes["signification_titre"]["date_prevue"] == "2025-03-14"
    assert etapes["signification_titre"]["date_limite"] == "2025-09-15"
    assert etapes["signification_titre"]["sanction"]["nature"] == "non_avenu"
    assert etapes["signification_titre"]["acte_tarif"] == "signification_decision"
    assert etapes["recours"]["date_limite"] == "2025-04-14"
    assert etapes["recours"]["date_prevue"] is None  # the debtor's, not on the path
    assert etapes["execution_provisoire"]["date_prevue"] is None  # optional
    assert etapes["execution"]["date_au_plus_tot"] == "2025-04-15"
    assert etapes["execution"]["date_prevue"] == "2025-04-15"
    assert "titre signifié au débiteur (CPC 503)" in etapes["execution"]["conditions"]


def test_jugement_par_defaut_non_signifie_dans_les_six_mois_non_avenu() -> None:
    faites = _faites(("jugement_rendu", date(2025, 3, 14)))
    assert etat(TITRE, faites, date(2025, 9, 15), "75").statut == "en_cours"

    trop_tard = etat(TITRE, faites, date(2025, 9, 16), "75")

    assert trop_tard.statut == "caduque"
    assert trop_tard.motif == (
        "Signification de la décision au débiteur non faite au plus tard le 2025-09-15 : le "
        "jugement par défaut ou réputé contradictoire est non avenu (il faut réassigner) "
        "(CPC 478)."
    )


def test_le_delai_de_478_traverse_le_27_mai_en_guadeloupe() -> None:
    # Judgment Thursday 27 November 2025 + 6 months = Wednesday 27 May 2026: abolition of
    # slavery day in Guadeloupe (loi 83-550, décret 83-1003): Thursday 28 May there.
    assert _plan(date(2025, 11, 27), "75")["signification_titre"]["date_limite"] == "2026-05-27"
    assert _plan(date(2025, 11, 27), "971")["signification_titre"]["date_limite"] == "2026-05-28"


def test_execution_avant_la_fin_du_delai_d_appel_refusee() -> None:
    faites = _faites(
        ("jugement_rendu", date(2025, 3, 14)), ("signification_titre", date(2025, 3, 14))
    )
    with pytest.raises(DonneeInvalide, match=r"Pas avant le 2025-04-15 .*CPC 538"):
        verifier_etape(TITRE, faites, EtapeFaite("execution", date(2025, 4, 14)))
    verifier_etape(TITRE, faites, EtapeFaite("execution", date(2025, 4, 15)))
    # With provisional execution (CPC 514), the first measure may follow the service at once.
    verifier_etape(TITRE, faites, EtapeFaite("execution_provisoire", date(2025, 3, 17)))


def test_un_recours_ferme_l_execution_definitive() -> None:
    faites = _faites(
        ("jugement_rendu", date(2025, 3, 14)),
        ("signification_titre", date(2025, 3, 14)),
        ("recours", date(2025, 4, 10)),
    )
    etapes = _etapes(faites, date(2025, 4, 20))
    assert etapes["execution"]["statut"] == "sans_objet"
    assert etapes["execution_provisoire"]["statut"] == "possible"


def test_recours_hors_delai_expire() -> None:
    faites = _faites(
        ("jugement_rendu", date(2025, 3, 14)), ("signification_titre", date(2025, 3, 14))
    )
    recours = _etapes(faites, date(2025, 4, 15))["recours"]
    assert recours["statut"] == "expiree"
    assert recours["tenu_par"] == "adversaire"


def test_heritiers_huit_jours_traversant_le_26_decembre_en_alsace() -> None:
    # Heirs served Thursday 18 December 2025 (C. civ. 877): 8 days from Friday 19 to Friday 26
    # December (CPC 641 al. 1). In Paris: enforceable against them from Saturday 27. In
    # Strasbourg the 26th is a holiday (C. trav. L3134-13), then the weekend: the delay ends on
    # Monday 29 (CPC 642 al. 2, applied on the safe side) and the measure waits for Tuesday 30.
    faites = _faites(
        ("jugement_rendu", date(2025, 12, 1)), ("signification_heritiers", date(2025, 12, 18))
    )
    paris = _etapes(faites, date(2025, 12, 22), "75")["execution_provisoire"]
    strasbourg = _etapes(faites, date(2025, 12, 29), "67")["execution_provisoire"]
    assert paris["date_au_plus_tot"] == "2025-12-27"
    assert strasbourg["date_au_plus_tot"] == "2025-12-30"
    assert strasbourg["statut"] == "pas_encore"
    assert strasbourg["motifs"] == [
        "Pas avant le 2025-12-30 : 8 jours à compter de signification du titre aux héritiers "
        "du débiteur décédé (C. civ. 877)."
    ]
    # The service on the heirs replaces the service on the deceased: no CPC 478 lapse.
    assert _etapes(faites, date(2026, 7, 1), "67")["signification_titre"]["statut"] == "sans_objet"
    verifier_etape(TITRE, faites, EtapeFaite("execution_provisoire", date(2025, 12, 30)), "67")


def test_apres_les_heritiers_le_delai_le_plus_tardif_l_emporte() -> None:
    # Debtor served Monday 3 March 2025 (appeal month to Thursday 3 April), then dead; heirs
    # served Monday 17 March 2025: the appeal month starts again (CPC 532) to Thursday 17 April.
    faites = _faites(
        ("jugement_rendu", date(2025, 2, 28)),
        ("signification_titre", date(2025, 3, 3)),
        ("signification_heritiers", date(2025, 3, 17)),
    )
    assert _etapes(faites, date(2025, 3, 20))["execution"]["date_au_plus_tot"] == "2025-04-18"


@pytest.mark.parametrize(
    ("situation", "article"),
    [
        (Situation(titre_executoire=False), "CPCE L111-2"),
        (Situation(titre_executoire=True, titre_signifie_le=None), "CPC 503"),
        (Situation(risques=frozenset({PROCEDURE_COLLECTIVE})), "C. com. L622-21"),
        (Situation(risques=frozenset({DECES})), "C. civ. 877"),
    ],
)
def test_les_gardes_de_l_execution_refusent(situation: Situation, article: str) -> None:
    faites = _faites(
        ("jugement_rendu", date(2025, 3, 14)), ("signification_titre", date(2025, 3, 14))
    )
    with pytest.raises(DonneeInvalide, match=article):
        verifier_etape(
            TITRE, faites, EtapeFaite("execution", date(2025, 4, 15)), situation=situation
        )


def test_signification_un_dimanche_ou_la_nuit_refusee() -> None:
    faites = _faites(("jugement_rendu", date(2025, 3, 14)))
    with pytest.raises(DonneeInvalide, match="CPC 664"):
        verifier_etape(TITRE, faites, EtapeFaite("signification_titre", date(2025, 3, 16)))
    with pytest.raises(DonneeInvalide, match="CPC 664"):
        verifier_etape(
            TITRE, faites, EtapeFaite("signification_titre", date(2025, 3, 17), time(21, 30))
        )
    verifier_etape(TITRE, faites, EtapeFaite("signification_titre", date(2025, 3, 17), time(9)))


@pytest.mark.parametrize(
    ("mois", "limite", "execution"),
    [
        # Judgment served Friday 14 March 2025 on a debtor living where the court sits: appeal
        # month to Monday 14 April (CPC 538), enforcement from Tuesday 15 April.
        (0, "2025-04-14", "2025-04-15"),
        # Debtor in Martinique, court in metropolitan France (CPC 643 1°): + 1 month, Wednesday
        # 14 May 2025; enforcement from Thursday 15 May.
        (1, "2025-05-14", "2025-05-15"),
        # Debtor abroad (CPC 643 2°): + 2 months, Saturday 14 June 2025 -> Monday 16 June (CPC
        # 642 al. 2); enforcement from Tuesday 17 June.
        (2, "2025-06-16", "2025-06-17"),
    ],
)
def test_delai_de_recours_et_execution_augmentes_pour_la_distance(
    mois: int, limite: str, execution: str
) -> None:
    faites = _faites(
        ("jugement_rendu", date(2025, 3, 14)), ("signification_titre", date(2025, 3, 14))
    )
    situation = Situation(augmentation_distance=mois)
    etapes = {
        e.etape.code: e for e in etat(TITRE, faites, date(2025, 3, 20), "75", situation).etapes
    }
    assert etapes["recours"].en_dict()["date_limite"] == limite
    assert etapes["execution"].en_dict()["date_au_plus_tot"] == execution
    veille = date.fromisoformat(execution) - timedelta(days=1)
    duree = rf"1 mois augmenté de {mois} mois \(CPC 643, 644\)" if mois else "1 mois"
    with pytest.raises(DonneeInvalide, match=rf"Pas avant le {execution} : {duree} à compter"):
        verifier_etape(TITRE, faites, EtapeFaite("execution", veille), situation=situation)
    verifier_etape(
        TITRE, faites, EtapeFaite("execution", date.fromisoformat(execution)), situation=situation
    )


def test_les_huit_jours_de_l_article_877_ne_sont_pas_augmentes() -> None:
    # Heirs served Monday 2 June 2025, living abroad: the appeal month starts again (CPC 532)
    # and is increased by two months (CPC 643 2°): 2 June + 3 months = Tuesday 2 September
    # 2025; enforcement from Wednesday 3 September. Provisional enforcement waits only for the
    # eight days of C. civ. 877 (3 to 10 June), not increased: from Wednesday 11 June.
    faites = _faites(
        ("jugement_rendu", date(2025, 5, 2)), ("signification_heritiers", date(2025, 6, 2))
    )
    situation = Situation(augmentation_distance=2)
    etapes = {
        e.etape.code: e.en_dict()
        for e in etat(TITRE, faites, date(2025, 6, 3), "75", situation).etapes
    }
    assert etapes["recours"]["date_limite"] == "2025-09-02"
    assert etapes["execution"]["date_au_plus_tot"] == "2025-09-03"
    assert etapes["execution_provisoire"]["date_au_plus_tot"] == "2025-06-11"


def test_le_plan_du_titre_signale_la_distance_non_comptee() -> None:
    reserves = _plan(date(2025, 3, 14))["execution"]["reserves"]
    assert reserves == [
        "Sans augmentation pour la distance : un mois de plus si le débiteur demeure outre-mer "
        "(ou, devant une juridiction d'outre-mer, hors de sa collectivité), deux mois s'il "
        "demeure à l'étranger (CPC 643, 644)."
    ]
    assert _plan(date(2025, 3, 14))["signification_titre"]["reserves"] == []
