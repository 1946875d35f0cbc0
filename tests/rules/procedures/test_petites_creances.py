"""Procédure simplifiée de recouvrement des petites créances (CPCE L125-1, R125-1 to R125-5).

Dates are counted by hand from CPC 640-642: one month from the sending of the invitation
expires on the same day of the next month (CPC 641 al. 2) at 24:00 (642 al. 1), moved to the
next working day when that day is a Saturday, Sunday or holiday (642 al. 2).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.chargement import procedure
from clerc.rules.procedures.gardes import Situation
from clerc.rules.procedures.moteur import EtapeFaite, etat, plan, verifier_etape
from tests.rules.procedures.outils import faites as _faites

PETITES = procedure("petites_creances", date(2026, 3, 4))


def _plan(depuis: date, territoire: str = "75") -> dict[str, dict[str, Any]]:
    return {e.etape.code: e.en_dict() for e in plan(PETITES, depuis, territoire)}


@pytest.mark.parametrize(
    ("jour", "version"),
    [
        (date(2016, 6, 1), "2016-06-01"),
        (date(2019, 12, 31), "2016-06-01"),
        (date(2020, 1, 1), "2020-01-01"),
    ],
)
def test_la_version_suit_la_date_de_l_invitation(jour: date, version: str) -> None:
    assert procedure("petites_creances", jour).version == version


def test_pas_de_procedure_avant_le_1er_juin_2016() -> None:
    with pytest.raises(DonneeInvalide, match="aucune version en vigueur le 2016-05-31"):
        procedure("petites_creances", date(2016, 5, 31))


def test_plan_nominal() -> None:
    # Invitation sent Wednesday 4 March 2026. One month (R125-2, R125-5): Saturday 4 April
    # 2026; Sunday 5 April is Easter, Monday 6 April Easter Monday: the month ends Tuesday
    # 7 April 2026 (CPC 642 al. 2).
    etapes = _plan(date(2026, 3, 4))
    assert etapes["invitation"]["date_prevue"] == "2026-03-04"
    assert etapes["acceptation"]["date_limite"] == "2026-04-07"
    assert etapes["accord"]["date_limite"] == "2026-04-07"
    assert etapes["accord"]["sanction"]["nature"] == "caducite"
    assert etapes["titre_executoire"]["date_prevue"] == "2026-03-04"
    assert etapes["invitation"]["conditions"] == ["créance d'au plus 5 000 € (CPCE L125-1, R125-1)"]


def test_sans_accord_dans_le_mois_la_procedure_prend_fin() -> None:
    faites = _faites(("invitation", date(2026, 3, 4)))
    assert etat(PETITES, faites, date(2026, 4, 7), "75").statut == "en_cours"

    fin = etat(PETITES, faites, date(2026, 4, 8), "75")

    assert fin.statut == "caduque"
    assert fin.motif == (
        "Accord du créancier et du débiteur sur le montant et les modalités du paiement non "
        "faite au plus tard le 2026-04-07 : la procédure simplifiée prend fin faute d'accord "
        "dans le mois ; le créancier peut saisir le juge (CPCE R125-5)."
    )


def test_silence_du_debiteur_vaut_refus() -> None:
    # R125-2 III 4°: no answer within the month is an implicit refusal; an acceptance arriving
    # after the month is refused, the procedure having ended (R125-5 2°).
    faites = _faites(("invitation", date(2026, 3, 4)))
    with pytest.raises(DonneeInvalide, match="procédure caduque"):
        verifier_etape(PETITES, faites, EtapeFaite("acceptation", date(2026, 4, 8)))
    verifier_etape(PETITES, faites, EtapeFaite("acceptation", date(2026, 4, 7)))


def test_accord_puis_titre() -> None:
    faites = _faites(("invitation", date(2026, 3, 4)), ("acceptation", date(2026, 3, 20)))
    with pytest.raises(DonneeInvalide, match="Il faut d'abord : Accord du créancier"):
        verifier_etape(PETITES, faites, EtapeFaite("titre_executoire", date(2026, 3, 27)))
    avec_accord = (*faites, EtapeFaite("accord", date(2026, 4, 2)))
    verifier_etape(PETITES, avec_accord, EtapeFaite("titre_executoire", date(2026, 4, 10)))
    fini = etat(
        PETITES,
        (*avec_accord, EtapeFaite("titre_executoire", date(2026, 4, 10))),
        date(2026, 5, 1),
        "75",
    )
    assert fini.statut == "terminee"


def test_refus_termine_la_procedure() -> None:
    faites = _faites(("invitation", date(2026, 3, 4)), ("refus", date(2026, 3, 12)))
    resultat = etat(PETITES, faites, date(2026, 5, 1), "75")
    assert resultat.statut == "terminee"
    assert resultat.motif == (
        "Refus du débiteur (de la procédure, ou du montant et des modalités proposés) le "
        "2026-03-12."
    )


def test_plafond_de_5000_euros() -> None:
    # R125-1 (décret 2019-1333): 5 000 € in principal and interest; 5 000 € itself is allowed.
    with pytest.raises(DonneeInvalide, match="CPCE L125-1, R125-1"):
        verifier_etape(
            PETITES,
            (),
            EtapeFaite("invitation", date(2026, 3, 4)),
            situation=Situation(principal=Decimal("5000.01")),
        )
    verifier_etape(
        PETITES,
        (),
        EtapeFaite("invitation", date(2026, 3, 4)),
        situation=Situation(principal=Decimal("5000")),
    )


def test_mois_traversant_le_26_decembre_en_alsace() -> None:
    # Invitation Wednesday 26 November 2025: the month ends Friday 26 December, a holiday in
    # Alsace-Moselle (C. trav. L3134-13), then the weekend: Monday 29 December there.
    assert _plan(date(2025, 11, 26), "75")["accord"]["date_limite"] == "2025-12-26"
    assert _plan(date(2025, 11, 26), "67")["accord"]["date_limite"] == "2025-12-29"


def test_mois_traversant_le_20_decembre_a_la_reunion() -> None:
    # Invitation Wednesday 20 November 2024: the month ends Friday 20 December 2024, abolition
    # day in La Réunion, then the weekend: Monday 23 December there.
    assert _plan(date(2024, 11, 20), "75")["accord"]["date_limite"] == "2024-12-20"
    assert _plan(date(2024, 11, 20), "974")["accord"]["date_limite"] == "2024-12-23"
