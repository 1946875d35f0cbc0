"""Saisie conservatoire (CPCE L511-1 to L512-2, R511-1 to R512-3, R522-1 ff., R523-1 ff.).

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
from clerc.rules.procedures.gardes import PROCEDURE_COLLECTIVE, Situation
from clerc.rules.procedures.moteur import EtapeFaite, etat, plan, verifier_etape
from tests.rules.procedures.outils import faites as _faites

CONSERVATOIRE = procedure("saisie_conservatoire", date(2025, 3, 3))

AUTORISEE = (
    ("requete_autorisation", date(2025, 3, 3)),
    ("ordonnance_autorisation", date(2025, 3, 5)),
)


def _plan(depuis: date, territoire: str = "75") -> dict[str, dict[str, Any]]:
    return {e.etape.code: e.en_dict() for e in plan(CONSERVATOIRE, depuis, territoire)}


def _etapes(
    faites: tuple[EtapeFaite, ...], au: date, territoire: str = "75"
) -> dict[str, dict[str, Any]]:
    return {e.etape.code: e.en_dict() for e in etat(CONSERVATOIRE, faites, au, territoire).etapes}


def test_plan_nominal_saisie_de_creances() -> None:
    # Requête and ordonnance Monday 3 March 2025 (the plan puts each step at its earliest).
    # R511-6: 3 March + 3 months = Tuesday 3 June 2025. R523-3: seizure 3 March + 8 days =
    # Tuesday 11 March. R511-7: 3 March + 1 month = Thursday 3 April. R511-8: 3 March + 8 days =
    # 11 March. R523-9: conversion served 3 March + 15 days = Tuesday 18 March; certificate from
    # Wednesday 19 March.
    etapes = _plan(date(2025, 3, 3))
    assert etapes["pv_saisie_creances"]["date_prevue"] == "2025-03-03"
    assert etapes["pv_saisie_creances"]["date_limite"] == "2025-06-03"
    assert etapes["pv_saisie_creances"]["sanction"]["nature"] == "caducite"
    assert etapes["denonciation_creances"]["date_limite"] == "2025-03-11"
    assert etapes["introduction_instance"]["date_limite"] == "2025-04-03"
    assert etapes["introduction_instance"]["acte_tarif"] == "assignation"
    assert etapes["signification_diligences_tiers"]["date_limite"] == "2025-03-11"
    assert etapes["contestation_conversion"]["date_limite"] == "2025-03-18"
    assert etapes["certificat_non_contestation"]["date_au_plus_tot"] == "2025-03-19"
    assert etapes["paiement_tiers_saisi"]["date_prevue"] == "2025-03-19"
    assert "pv_saisie_corporels" not in etapes  # one measure per procedure
    assert "acte_conversion_corporels" not in etapes


def test_autorisation_caduque_faute_d_execution_dans_les_trois_mois() -> None:
    # Ordonnance Wednesday 5 March 2025 + 3 months = Thursday 5 June 2025 (R511-6).
    faites = _faites(*AUTORISEE)
    assert _etapes(faites, date(2025, 3, 6))["pv_saisie_creances"]["date_limite"] == "2025-06-05"
    assert etat(CONSERVATOIRE, faites, date(2025, 6, 5)).statut == "en_cours"
    caduque = etat(CONSERVATOIRE, faites, date(2025, 6, 6))
    assert caduque.statut == "caduque"
    assert caduque.motif == (
        "Acte de saisie conservatoire de créances (au tiers saisi) non faite au plus tard le "
        "2025-06-05 : l'autorisation du juge est caduque, faute d'exécution de la mesure "
        "(CPCE R511-6)."
    )


def test_denonciation_au_debiteur_dans_les_huit_jours() -> None:
    # Seizure Monday 10 March 2025 + 8 days = Tuesday 18 March (R523-3).
    faites = _faites(*AUTORISEE, ("pv_saisie_creances", date(2025, 3, 10)))
    assert (
        _etapes(faites, date(2025, 3, 11))["denonciation_creances"]["date_limite"] == "2025-03-18"
    )
    caduque = etat(CONSERVATOIRE, faites, date(2025, 3, 19))
    assert caduque.statut == "caduque"
    assert caduque.motif.endswith("la saisie conservatoire est caduque (CPCE R523-3).")


def test_procedure_au_fond_dans_le_mois_de_l_execution() -> None:
    # Seizure Monday 10 March 2025 + 1 month = Thursday 10 April 2025 (R511-7).
    faites = _faites(
        *AUTORISEE,
        ("pv_saisie_creances", date(2025, 3, 10)),
        ("denonciation_creances", date(2025, 3, 12)),
    )
    assert (
        _etapes(faites, date(2025, 3, 13))["introduction_instance"]["date_limite"] == "2025-04-10"
    )
    caduque = etat(CONSERVATOIRE, faites, date(2025, 4, 11))
    assert caduque.statut == "caduque"
    assert "faute de procédure engagée dans le mois" in caduque.motif
    assert caduque.motif.endswith("(CPCE R511-7).")


def test_copie_au_tiers_des_diligences_dans_les_huit_jours() -> None:
    # Assignation Tuesday 1 April 2025 + 8 days = Wednesday 9 April (R511-8).
    faites = _faites(
        *AUTORISEE,
        ("pv_saisie_creances", date(2025, 3, 10)),
        ("denonciation_creances", date(2025, 3, 12)),
        ("introduction_instance", date(2025, 4, 1)),
    )
    etapes = _etapes(faites, date(2025, 4, 2))
    assert etapes["signification_diligences_tiers"]["date_limite"] == "2025-04-09"
    caduque = etat(CONSERVATOIRE, faites, date(2025, 4, 10))
    assert caduque.statut == "caduque"
    assert caduque.motif.endswith("la mesure conservatoire est caduque (CPCE R511-8).")


def test_mesure_fondee_sur_un_titre_sans_procedure_au_fond() -> None:
    # With a titre exécutoire: no authorisation (L511-2), no proceedings (R511-7), no R511-8.
    faites = _faites(
        ("fondee_sur_titre", date(2025, 3, 3)),
        ("pv_saisie_creances", date(2025, 3, 10)),
        ("denonciation_creances", date(2025, 3, 12)),
    )
    resultat = etat(CONSERVATOIRE, faites, date(2025, 6, 30))
    assert resultat.statut == "en_cours"
    etapes = {e.etape.code: e for e in resultat.etapes}
    assert etapes["introduction_instance"].statut == "sans_objet"
    assert etapes["requete_autorisation"].statut == "sans_objet"
    assert etapes["acte_conversion_creances"].statut == "possible"


def test_dispense_d_autorisation_mais_procedure_au_fond() -> None:
    # Unpaid cheque (L511-2): no ordonnance, hence no three months; R511-7 still applies.
    faites = _faites(
        ("dispense_autorisation", date(2025, 3, 3)),
        ("pv_saisie_creances", date(2025, 3, 10)),
        ("denonciation_creances", date(2025, 3, 12)),
    )
    etapes = _etapes(faites, date(2025, 3, 13))
    assert etapes["requete_autorisation"]["statut"] == "sans_objet"
    assert etapes["pv_saisie_creances"]["date_limite"] is None
    assert etapes["introduction_instance"]["date_limite"] == "2025-04-10"


def test_saisie_refusee_en_procedure_collective() -> None:
    faites = _faites(*AUTORISEE)
    situation = Situation(risques=frozenset({PROCEDURE_COLLECTIVE}))
    with pytest.raises(DonneeInvalide, match=r"C\. com\. L622-21"):
        verifier_etape(
            CONSERVATOIRE,
            faites,
            EtapeFaite("pv_saisie_creances", date(2025, 3, 10)),
            situation=situation,
        )


def test_saisie_conservatoire_sans_titre_mais_conversion_avec_titre() -> None:
    # The conservatory seizure needs no title (L511-1); the conversion does (titre exécutoire).
    sans_titre = Situation(titre_executoire=False)
    faites = _faites(*AUTORISEE)
    verifier_etape(
        CONSERVATOIRE,
        faites,
        EtapeFaite("pv_saisie_creances", date(2025, 3, 10)),
        situation=sans_titre,
    )
    faites = _faites(
        *AUTORISEE,
        ("pv_saisie_creances", date(2025, 3, 10)),
        ("denonciation_creances", date(2025, 3, 12)),
        ("introduction_instance", date(2025, 4, 1)),
        ("signification_diligences_tiers", date(2025, 4, 3)),
        ("obtention_titre", date(2025, 9, 1)),
    )
    with pytest.raises(DonneeInvalide, match=r"CPCE L111-2, L111-3"):
        verifier_etape(
            CONSERVATOIRE,
            faites,
            EtapeFaite("acte_conversion_creances", date(2025, 9, 15)),
            situation=sans_titre,
        )


def test_certificat_avant_quinze_jours_refuse_et_vendredi_saint() -> None:
    # Conversion served on the debtor Thursday 3 April 2025 + 15 days = Friday 18 April 2025,
    # Good Friday: a holiday only in Alsace-Moselle communes with a Protestant temple or mixed
    # church (C. trav. L3134-13), so uncertain there. The office waits for the latest possible
    # end: Saturday 19, Sunday 20, Easter Monday 21 -> Tuesday 22 April, certificate from
    # Wednesday 23 April; in Paris from Saturday 19 April. The debtor's contestation deadline is
    # kept at its earliest possible end, Friday 18 April, in both.
    faites = _faites(
        ("fondee_sur_titre", date(2025, 3, 3)),
        ("pv_saisie_creances", date(2025, 3, 10)),
        ("denonciation_creances", date(2025, 3, 12)),
        ("acte_conversion_creances", date(2025, 4, 2)),
        ("signification_conversion_debiteur", date(2025, 4, 3)),
    )
    paris = _etapes(faites, date(2025, 4, 4), "75")
    colmar = _etapes(faites, date(2025, 4, 4), "68")
    assert paris["certificat_non_contestation"]["date_au_plus_tot"] == "2025-04-19"
    assert colmar["certificat_non_contestation"]["date_au_plus_tot"] == "2025-04-23"
    assert paris["contestation_conversion"]["date_limite"] == "2025-04-18"
    assert colmar["contestation_conversion"]["date_limite"] == "2025-04-18"
    with pytest.raises(DonneeInvalide, match=r"Pas avant le 2025-04-23 .*CPCE R523-9"):
        verifier_etape(
            CONSERVATOIRE,
            faites,
            EtapeFaite("certificat_non_contestation", date(2025, 4, 22)),
            "68",
        )


def test_denonciation_traversant_le_26_decembre_et_le_20_decembre() -> None:
    # Seizure Thursday 18 December 2025 + 8 days = Friday 26 December: holiday in Moselle ->
    # Monday 29 December there. Seizure Thursday 12 December 2024 + 8 days = Friday 20 December
    # 2024: abolition of slavery day in La Réunion -> Monday 23 December there.
    faites = _faites(
        ("fondee_sur_titre", date(2025, 12, 1)), ("pv_saisie_creances", date(2025, 12, 18))
    )
    assert _etapes(faites, date(2025, 12, 19), "75")["denonciation_creances"]["date_limite"] == (
        "2025-12-26"
    )
    assert _etapes(faites, date(2025, 12, 19), "57")["denonciation_creances"]["date_limite"] == (
        "2025-12-29"
    )
    faites = _faites(
        ("fondee_sur_titre", date(2024, 12, 2)), ("pv_saisie_creances", date(2024, 12, 12))
    )
    assert _etapes(faites, date(2024, 12, 13), "75")["denonciation_creances"]["date_limite"] == (
        "2024-12-20"
    )
    assert _etapes(faites, date(2024, 12, 13), "974")["denonciation_creances"]["date_limite"] == (
        "2024-12-23"
    )


def test_meubles_chez_un_tiers_signification_au_debiteur_dans_les_huit_jours() -> None:
    # Seizure of goods held by a third party Monday 10 March 2025 + 8 days = Tuesday 18 March
    # (R522-5).
    faites = _faites(*AUTORISEE, ("pv_saisie_corporels_tiers", date(2025, 3, 10)))
    etapes = _etapes(faites, date(2025, 3, 11))
    assert etapes["signification_saisie_corporels_tiers"]["date_limite"] == "2025-03-18"
    assert etapes["pv_saisie_creances"]["statut"] == "sans_objet"
    assert etapes["denonciation_creances"]["statut"] == "bloquee"
    caduque = etat(CONSERVATOIRE, faites, date(2025, 3, 19))
    assert caduque.statut == "caduque"
    assert caduque.motif.endswith("(CPCE R522-5).")


def test_conversion_en_saisie_vente_verification_puis_vente() -> None:
    # Conversion Monday 2 June 2025 + 8 days = Tuesday 10 June: check of the goods from
    # Wednesday 11 June (R522-8). Check on Thursday 12 June + 1 month = Saturday 12 July ->
    # Monday 14 July is a holiday -> Tuesday 15 July: forced sale from Wednesday 16 July.
    faites = _faites(
        ("fondee_sur_titre", date(2025, 5, 2)),
        ("pv_saisie_corporels", date(2025, 5, 5)),
        ("acte_conversion_corporels", date(2025, 6, 2)),
    )
    assert (
        _etapes(faites, date(2025, 6, 3))["verification_biens"]["date_au_plus_tot"] == "2025-06-11"
    )
    faites = (*faites, EtapeFaite("verification_biens", date(2025, 6, 12)))
    etapes = _etapes(faites, date(2025, 6, 13))
    assert etapes["proposition_vente_amiable"]["date_limite"] == "2025-07-15"
    assert etapes["vente_forcee"]["date_au_plus_tot"] == "2025-07-16"
    assert etapes["signification_diligences_tiers"]["statut"] == "bloquee"  # no third party
