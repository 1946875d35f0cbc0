"""Saisie-appréhension under a title (CPCE L222-1, R222-1 to R222-10) and the injonction de
délivrer ou de restituer without a title (R222-11 to R222-16).

Dates counted by hand from CPC 640-642: a delay in days starts the day after the act (CPC 641
al. 1), a delay in months ends on the same day of the last month (641 al. 2); every delay ends
at 24:00 (642 al. 1) and is moved to the next working day when it ends on a Saturday, Sunday or
holiday (642 al. 2). A step that must wait for a delay is possible the day after it has run.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.chargement import procedure
from clerc.rules.procedures.gardes import PROCEDURE_COLLECTIVE, SURENDETTEMENT, Situation
from clerc.rules.procedures.modele import Procedure
from clerc.rules.procedures.moteur import EtapeFaite, etat, plan, verifier_etape
from tests.rules.procedures.outils import faites as _faites

APPREHENSION = procedure("saisie_apprehension", date(2025, 6, 2))
INJONCTION = procedure("injonction_de_delivrer", date(2025, 9, 1))


def _plan(p: Procedure, depuis: date, territoire: str = "75") -> dict[str, dict[str, Any]]:
    return {e.etape.code: e.en_dict() for e in plan(p, depuis, territoire)}


def _etapes(
    p: Procedure, faites: tuple[EtapeFaite, ...], au: date, territoire: str = "75"
) -> dict[str, dict[str, Any]]:
    return {e.etape.code: e.en_dict() for e in etat(p, faites, au, territoire).etapes}


# --- Under a title -------------------------------------------------------------------------


def test_plan_nominal_commandement_puis_apprehension() -> None:
    # Commandement Monday 2 June 2025 + 8 days = Tuesday 10 June (R222-2; Whit Monday 9 June
    # is inside the delay, not at its end): appréhension from Wednesday 11 June.
    etapes = _plan(APPREHENSION, date(2025, 6, 2))
    assert etapes["commandement_delivrer"]["date_prevue"] == "2025-06-02"
    assert etapes["apprehension"]["date_au_plus_tot"] == "2025-06-11"
    assert etapes["apprehension"]["date_prevue"] == "2025-06-11"
    assert "sommation_tiers" not in etapes  # excluded once the good is appréhendé
    assert etapes["saisine_jex"]["date_prevue"] is None  # third-party route, not on the path
    assert "titre exécutoire (CPCE L111-2, L111-3)" in etapes["apprehension"]["conditions"]


def test_apprehension_avant_huit_jours_refusee() -> None:
    faites = _faites(("commandement_delivrer", date(2025, 6, 2)))
    with pytest.raises(DonneeInvalide, match=r"Pas avant le 2025-06-11 .*CPCE R222-2"):
        verifier_etape(APPREHENSION, faites, EtapeFaite("apprehension", date(2025, 6, 10)))
    verifier_etape(APPREHENSION, faites, EtapeFaite("apprehension", date(2025, 6, 11)))


def test_apprehension_immediate_sans_commandement_seulement() -> None:
    # R222-3: the person present does not offer to transport the good: immediate appréhension,
    # without commandement. Once a commandement was served, its eight days are kept.
    verifier_etape(APPREHENSION, (), EtapeFaite("apprehension_immediate", date(2025, 6, 2)))
    faites = _faites(("commandement_delivrer", date(2025, 6, 2)))
    with pytest.raises(DonneeInvalide, match="Sans objet : commandement de délivrer"):
        verifier_etape(APPREHENSION, faites, EtapeFaite("apprehension_immediate", date(2025, 6, 3)))
    resultat = etat(
        APPREHENSION, _faites(("apprehension_immediate", date(2025, 6, 2))), date(2025, 6, 3)
    )
    assert resultat.statut == "terminee"


def test_garde_titre_et_procedure_collective() -> None:
    sans_titre = Situation(titre_executoire=False)
    with pytest.raises(DonneeInvalide, match=r"CPCE L111-2, L111-3"):
        verifier_etape(
            APPREHENSION,
            (),
            EtapeFaite("commandement_delivrer", date(2025, 6, 2)),
            situation=sans_titre,
        )
    collective = Situation(risques=frozenset({PROCEDURE_COLLECTIVE}))
    with pytest.raises(DonneeInvalide, match=r"C\. com\. L622-21"):
        verifier_etape(
            APPREHENSION,
            (),
            EtapeFaite("commandement_delivrer", date(2025, 6, 2)),
            situation=collective,
        )
    # Surendettement stops measures on the debtor's own assets (C. conso L722-2), not the
    # delivery of a good he must return: no guard.
    surendette = Situation(risques=frozenset({SURENDETTEMENT}))
    verifier_etape(
        APPREHENSION,
        (),
        EtapeFaite("commandement_delivrer", date(2025, 6, 2)),
        situation=surendette,
    )


def test_tiers_detenteur_juge_dans_le_mois_sinon_caducite() -> None:
    # Sommation to the third party Monday 2 June 2025: eight days to hand over the good
    # (R222-7), until Tuesday 10 June; the JEX may be seized from Wednesday 11 June and must be
    # within the month, by Wednesday 2 July 2025 (R222-8).
    faites = _faites(("sommation_tiers", date(2025, 6, 2)))
    etapes = _etapes(APPREHENSION, faites, date(2025, 6, 5))
    assert etapes["saisine_jex"]["date_au_plus_tot"] == "2025-06-11"
    assert etapes["saisine_jex"]["date_limite"] == "2025-07-02"
    assert etapes["saisine_jex"]["statut"] == "pas_encore"
    assert etapes["commandement_delivrer"]["statut"] == "possible"

    assert etat(APPREHENSION, faites, date(2025, 7, 2)).statut == "en_cours"
    caduque = etat(APPREHENSION, faites, date(2025, 7, 3))
    assert caduque.statut == "caduque"
    assert caduque.motif == (
        "Saisine du juge de l'exécution aux fins de remise du bien non faite au plus tard le "
        "2025-07-02 : la sommation et les mesures conservatoires prises deviennent caduques "
        "(CPCE R222-8)."
    )


def test_remise_par_le_tiers_rend_la_saisine_sans_objet() -> None:
    faites = _faites(("sommation_tiers", date(2025, 6, 2)), ("remise_par_tiers", date(2025, 6, 6)))
    resultat = etat(APPREHENSION, faites, date(2025, 8, 1))
    assert resultat.statut == "terminee"


def test_sommation_du_18_decembre_en_alsace_moselle() -> None:
    # Sommation Thursday 18 December 2025 + 8 days = Friday 26 December: holiday in
    # Alsace-Moselle (C. trav. L3134-13) -> Monday 29 December there; the JEX may be seized
    # from Tuesday 30 December in Strasbourg, Saturday 27 December in Paris.
    faites = _faites(("sommation_tiers", date(2025, 12, 18)))
    assert (
        _etapes(APPREHENSION, faites, date(2025, 12, 19), "75")["saisine_jex"]["date_au_plus_tot"]
        == "2025-12-27"
    )
    assert (
        _etapes(APPREHENSION, faites, date(2025, 12, 19), "67")["saisine_jex"]["date_au_plus_tot"]
        == "2025-12-30"
    )


def test_commandement_du_19_mai_en_guadeloupe() -> None:
    # Commandement Monday 19 May 2025 + 8 days = Tuesday 27 May, a holiday in Guadeloupe
    # (décret 83-1003): Wednesday 28 May there, appréhension from Thursday 29 May.
    assert _plan(APPREHENSION, date(2025, 5, 19), "75")["apprehension"]["date_au_plus_tot"] == (
        "2025-05-28"
    )
    assert _plan(APPREHENSION, date(2025, 5, 19), "971")["apprehension"]["date_au_plus_tot"] == (
        "2025-05-29"
    )


# --- Injonction de délivrer ou de restituer ------------------------------------------------


def test_injonction_plan_nominal() -> None:
    # Ordonnance served Monday 1 September 2025: fifteen days (R222-13) to Tuesday 16
    # September; formule exécutoire from Wednesday 17 September (R222-15). After an
    # opposition, the merits court must be seized within 2 months of the service: Saturday 1
    # November 2025 (also All Saints) -> Monday 3 November (R222-14). Appréhension without
    # commandement within 2 months of the formule: 17 September + 2 months = Monday 17
    # November (R222-16).
    etapes = _plan(INJONCTION, date(2025, 9, 1))
    assert etapes["signification_ordonnance"]["date_prevue"] == "2025-09-01"
    assert etapes["opposition"]["date_limite"] == "2025-09-16"
    assert etapes["opposition"]["date_prevue"] is None
    assert etapes["saisine_juge_fond"]["date_limite"] == "2025-11-03"
    assert etapes["saisine_juge_fond"]["date_prevue"] is None  # only after an opposition
    assert etapes["formule_executoire"]["date_au_plus_tot"] == "2025-09-17"
    assert etapes["formule_executoire"]["date_prevue"] == "2025-09-17"
    assert etapes["apprehension_sans_commandement"]["date_limite"] == "2025-11-17"


def test_injonction_formule_executoire_trop_tot_refusee() -> None:
    faites = _faites(
        ("requete", date(2025, 8, 1)),
        ("ordonnance", date(2025, 8, 20)),
        ("signification_ordonnance", date(2025, 9, 1)),
    )
    with pytest.raises(DonneeInvalide, match=r"Pas avant le 2025-09-17 .*CPCE R222-15"):
        verifier_etape(INJONCTION, faites, EtapeFaite("formule_executoire", date(2025, 9, 16)))
    verifier_etape(INJONCTION, faites, EtapeFaite("formule_executoire", date(2025, 9, 17)))


def test_injonction_opposition_sans_saisine_du_fond_caduque() -> None:
    faites = _faites(
        ("requete", date(2025, 8, 1)),
        ("ordonnance", date(2025, 8, 20)),
        ("signification_ordonnance", date(2025, 9, 1)),
        ("opposition", date(2025, 9, 10)),
    )
    etapes = _etapes(INJONCTION, faites, date(2025, 9, 11))
    assert etapes["formule_executoire"]["statut"] == "sans_objet"
    assert etapes["saisine_juge_fond"]["statut"] == "possible"
    assert etat(INJONCTION, faites, date(2025, 11, 3)).statut == "en_cours"
    caduque = etat(INJONCTION, faites, date(2025, 11, 4))
    assert caduque.statut == "caduque"
    assert "la requête, l'ordonnance d'injonction et les mesures conservatoires" in caduque.motif
    assert caduque.motif.endswith("(CPCE R222-14).")


def test_injonction_opposition_tardive_expiree() -> None:
    faites = _faites(
        ("requete", date(2025, 8, 1)),
        ("ordonnance", date(2025, 8, 20)),
        ("signification_ordonnance", date(2025, 9, 1)),
    )
    etapes = _etapes(INJONCTION, faites, date(2025, 9, 17))
    assert etapes["opposition"]["statut"] == "expiree"
    assert etapes["formule_executoire"]["statut"] == "possible"


def test_injonction_apprehension_apres_deux_mois_exige_un_commandement() -> None:
    faites = _faites(
        ("requete", date(2025, 8, 1)),
        ("ordonnance", date(2025, 8, 20)),
        ("signification_ordonnance", date(2025, 9, 1)),
        ("formule_executoire", date(2025, 9, 17)),
    )
    resultat = etat(INJONCTION, faites, date(2025, 11, 18))
    etapes = {e.etape.code: e for e in resultat.etapes}
    assert etapes["apprehension_sans_commandement"].statut == "manquee"
    assert "exige un commandement de délivrer ou de restituer" in " ".join(
        etapes["apprehension_sans_commandement"].motifs
    )
    assert resultat.statut == "en_cours"  # not fatal: a commandement opens saisie_apprehension


def test_injonction_quinze_jours_traversant_le_26_decembre() -> None:
    # Service Thursday 11 December 2025 + 15 days = Friday 26 December: holiday in
    # Alsace-Moselle -> Monday 29 December (opposition), formule from Tuesday 30; in Paris the
    # delay ends Friday 26 December, formule from Saturday 27.
    faites = _faites(
        ("requete", date(2025, 11, 3)),
        ("ordonnance", date(2025, 11, 28)),
        ("signification_ordonnance", date(2025, 12, 11)),
    )
    paris = _etapes(INJONCTION, faites, date(2025, 12, 12), "75")
    strasbourg = _etapes(INJONCTION, faites, date(2025, 12, 12), "68")
    assert paris["opposition"]["date_limite"] == "2025-12-26"
    assert paris["formule_executoire"]["date_au_plus_tot"] == "2025-12-27"
    assert strasbourg["opposition"]["date_limite"] == "2025-12-29"
    assert strasbourg["formule_executoire"]["date_au_plus_tot"] == "2025-12-30"


def test_injonction_quinze_jours_traversant_le_20_decembre_a_la_reunion() -> None:
    # Service Thursday 5 December 2024 + 15 days = Friday 20 December: abolition of slavery
    # day in La Réunion -> Saturday, Sunday, Monday 23 December there.
    faites = _faites(
        ("requete", date(2024, 11, 4)),
        ("ordonnance", date(2024, 11, 25)),
        ("signification_ordonnance", date(2024, 12, 5)),
    )
    paris = _etapes(INJONCTION, faites, date(2024, 12, 6), "75")
    reunion = _etapes(INJONCTION, faites, date(2024, 12, 6), "974")
    assert paris["opposition"]["date_limite"] == "2024-12-20"
    assert paris["formule_executoire"]["date_au_plus_tot"] == "2024-12-21"
    assert reunion["opposition"]["date_limite"] == "2024-12-23"
    assert reunion["formule_executoire"]["date_au_plus_tot"] == "2024-12-24"


def test_injonction_quinze_jours_augmentes_pour_la_distance() -> None:
    # Ordonnance of the JEX of Paris served Monday 1 September 2025 on a debtor living in New
    # Caledonia (CPC 643 1°): fifteen days (R222-13) increased by one month, months first (CPC
    # 641 al. 3): 1 October + 15 days = Thursday 16 October 2025; formule exécutoire from
    # Friday 17 October (R222-15). The claimant's two months to seize the merits court after an
    # opposition (R222-14) are his own deadline: still Monday 3 November.
    faites = _faites(
        ("requete", date(2025, 8, 1)),
        ("ordonnance", date(2025, 8, 20)),
        ("signification_ordonnance", date(2025, 9, 1)),
    )
    etapes = {
        e.etape.code: e.en_dict()
        for e in etat(
            INJONCTION, faites, date(2025, 9, 17), "75", Situation(augmentation_distance=1)
        ).etapes
    }
    assert etapes["opposition"]["statut"] == "possible"
    assert etapes["opposition"]["date_limite"] == "2025-10-16"
    assert etapes["formule_executoire"]["date_au_plus_tot"] == "2025-10-17"
    assert etapes["saisine_juge_fond"]["date_limite"] == "2025-11-03"
