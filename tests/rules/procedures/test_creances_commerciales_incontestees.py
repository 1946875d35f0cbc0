"""Undisputed commercial claims (CPCE L126-1 to L126-4, law of 23 April 2026), provisional.

The procès-verbal de non-contestation may be drawn up at the earliest eight days after the end
of the month given by the commandement (L126-3). The engine cannot count a delay from the end
of another delay: the declaration waits "1 mois et 12 jours" from the commandement (months
first, then days, CPC 641 al. 3; CPC 642 al. 2 on the last day), never earlier than the law.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from clerc.rules.delais import delai
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.chargement import procedure
from clerc.rules.procedures.gardes import PROCEDURE_COLLECTIVE, Situation
from clerc.rules.procedures.moteur import EtapeFaite, etat, plan, verifier_etape
from tests.rules.procedures.outils import faites as _faites

COMMERCIALES = procedure("creances_commerciales_incontestees", date(2026, 5, 4))


def _plan(depuis: date, territoire: str = "75") -> dict[str, dict[str, Any]]:
    return {e.etape.code: e.en_dict() for e in plan(COMMERCIALES, depuis, territoire)}


def test_procedure_provisoire_depuis_la_loi_du_23_avril_2026() -> None:
    assert COMMERCIALES.provisoire is True
    with pytest.raises(DonneeInvalide, match="aucune version"):
        procedure("creances_commerciales_incontestees", date(2026, 4, 23))


def test_plan_nominal() -> None:
    # Commandement Monday 4 May 2026. The debtor's month ends Thursday 4 June 2026 (CPC 641);
    # the eight days of L126-3 run from Friday 5 to Friday 12 June 24:00: PV from Saturday
    # 13 June 2026 (the eight days fully run: the safe reading of "au moins huit jours").
    etapes = _plan(date(2026, 5, 4))
    assert etapes["commandement_payer"]["date_prevue"] == "2026-05-04"
    assert etapes["contestation"]["date_limite"] == "2026-06-04"
    assert etapes["pv_non_contestation"]["date_au_plus_tot"] == "2026-06-13"
    assert etapes["force_executoire"]["date_prevue"] == "2026-06-13"
    assert etapes["paiement"]["date_prevue"] is None


def test_proces_verbal_trop_tot_refuse() -> None:
    faites = _faites(("commandement_payer", date(2026, 5, 4)))
    with pytest.raises(DonneeInvalide, match=r"Pas avant le 2026-06-13 .*CPCE L126-3"):
        verifier_etape(COMMERCIALES, faites, EtapeFaite("pv_non_contestation", date(2026, 6, 12)))
    verifier_etape(COMMERCIALES, faites, EtapeFaite("pv_non_contestation", date(2026, 6, 13)))


def test_la_date_est_celle_de_la_loi() -> None:
    # The day after the 8th day following the (CPC 642-extended) end of the month, for every
    # commandement of 2026-2027 in Paris, Strasbourg and La Réunion.
    jour = date(2026, 4, 24)
    while jour < date(2028, 1, 1):
        for territoire in ("75", "67", "974"):
            fin_du_mois = delai(jour, "1 mois", territoire).au_plus_tard
            legal = delai(fin_du_mois, "8 jours", territoire).au_plus_tard + timedelta(days=1)
            affiche = _plan(jour, territoire)["pv_non_contestation"]["date_au_plus_tot"]
            assert date.fromisoformat(affiche) == legal, (jour, territoire)
        jour += timedelta(days=1)


def test_dernier_jour_sur_le_26_decembre_en_alsace() -> None:
    # Commandement Saturday 18 November 2028: the month ends Monday 18 December, the eight
    # days Tuesday 26 December 2028. Paris: PV from Wednesday 27; Strasbourg: the 26th is a
    # holiday (C. trav. L3134-13), Wednesday 27 is the last day, PV from Thursday 28 December.
    assert _plan(date(2028, 11, 18), "75")["pv_non_contestation"]["date_au_plus_tot"] == (
        "2028-12-27"
    )
    assert _plan(date(2028, 11, 18), "67")["pv_non_contestation"]["date_au_plus_tot"] == (
        "2028-12-28"
    )


def test_dernier_jour_sur_le_27_mai_en_guadeloupe() -> None:
    # Commandement Monday 19 April 2027: the month ends Wednesday 19 May, the eight days
    # Thursday 27 May 2027, abolition day in Guadeloupe (décret 83-1003): last day Friday
    # 28 May there, PV from Saturday 29 May; in Paris from Friday 28 May.
    assert _plan(date(2027, 4, 19), "75")["pv_non_contestation"]["date_au_plus_tot"] == (
        "2027-05-28"
    )
    assert _plan(date(2027, 4, 19), "971")["pv_non_contestation"]["date_au_plus_tot"] == (
        "2027-05-29"
    )


def test_paiement_ou_contestation_mettent_fin_a_la_procedure() -> None:
    payee = _faites(("commandement_payer", date(2026, 5, 4)), ("paiement", date(2026, 5, 20)))
    assert etat(COMMERCIALES, payee, date(2026, 7, 1), "75").statut == "terminee"

    contestee = _faites(
        ("commandement_payer", date(2026, 5, 4)), ("contestation", date(2026, 5, 28))
    )
    resultat = etat(COMMERCIALES, contestee, date(2026, 7, 1), "75")
    assert resultat.statut == "terminee"
    assert resultat.motif == "Contestation de la créance par le débiteur le 2026-05-28."
    with pytest.raises(DonneeInvalide, match="procédure terminee"):
        verifier_etape(
            COMMERCIALES, contestee, EtapeFaite("pv_non_contestation", date(2026, 6, 17))
        )


def test_titre_apres_le_greffe() -> None:
    faites = _faites(
        ("commandement_payer", date(2026, 5, 4)), ("pv_non_contestation", date(2026, 6, 17))
    )
    with pytest.raises(DonneeInvalide, match="Il faut d'abord : Transmission du procès-verbal"):
        verifier_etape(COMMERCIALES, faites, EtapeFaite("force_executoire", date(2026, 6, 20)))


def test_procedure_collective_refuse_le_commandement() -> None:
    with pytest.raises(DonneeInvalide, match=r"C\. com\. L622-21"):
        verifier_etape(
            COMMERCIALES,
            (),
            EtapeFaite("commandement_payer", date(2026, 5, 4)),
            situation=Situation(risques=frozenset({PROCEDURE_COLLECTIVE})),
        )


def test_commandement_un_dimanche_refuse() -> None:
    with pytest.raises(DonneeInvalide, match="CPC 664"):
        verifier_etape(COMMERCIALES, (), EtapeFaite("commandement_payer", date(2026, 5, 3)))
