"""Paiement direct of a pension alimentaire (CPCE L213-1 to L213-6, R213-1 to R213-10).

Dates counted by hand: CPC 641 al. 1 (the day of the act does not count) and CPC 642 al. 2
(an end on a Saturday, Sunday or holiday moves to the next working day).
"""

from __future__ import annotations

from datetime import date

import pytest

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.chargement import procedure
from clerc.rules.procedures.gardes import DECES, SURENDETTEMENT, Situation
from clerc.rules.procedures.moteur import EtapeFaite, etat, plan, verifier_etape
from tests.rules.procedures.outils import faites as _faites

CODE = "paiement_direct"
DEMANDE = date(2026, 5, 19)  # Tuesday


def _pd():
    return procedure(CODE, DEMANDE)


def _plan(depuis: date, territoire: str = "75") -> dict[str, dict[str, object]]:
    return {e.etape.code: e.en_dict() for e in plan(procedure(CODE, depuis), depuis, territoire)}


def test_plan_nominal_et_guadeloupe() -> None:
    # R213-1: the commissaire de justice notifies within eight days of the demand: Wednesday
    # 27 May 2026 in Paris; in Guadeloupe 27 May commemorates the abolition of slavery, a
    # holiday (C. trav. L3422-2), so Thursday 28 May.
    assert _plan(DEMANDE, "75")["notification_tiers"]["date_limite"] == "2026-05-27"
    etapes = _plan(DEMANDE, "971")
    assert etapes["notification_tiers"]["date_limite"] == "2026-05-28"
    # The third party acknowledges within eight days of the notification (planned on the day
    # of the demand): 27 May again, so 28 May in Guadeloupe.
    assert etapes["accuse_reception_tiers"]["date_limite"] == "2026-05-28"
    assert etapes["paiement_mensuel"]["repetable"]
    assert etapes["contestation"]["optionnelle"]


def test_notification_tardive_reste_possible() -> None:
    # No sanction in R213-1 for the office's eight days: after the limit the notification
    # is still possible, the plan keeping the date the office should have kept.
    resultat = etat(_pd(), _faites(("demande", DEMANDE)), date(2026, 6, 2))
    assert resultat.statut == "en_cours"
    etapes = {e.etape.code: e for e in resultat.etapes}
    assert etapes["notification_tiers"].statut == "possible"
    assert etapes["notification_tiers"].au_plus_tard is not None
    assert etapes["notification_tiers"].au_plus_tard.jour == date(2026, 5, 27)
    verifier_etape(
        _pd(), _faites(("demande", DEMANDE)), EtapeFaite("notification_tiers", date(2026, 6, 2))
    )


def test_accuse_de_reception_du_tiers_apres_huit_jours() -> None:
    # Notification on Monday 1 June 2026: eight days end on Tuesday 9 June.
    faites = _faites(("demande", DEMANDE), ("notification_tiers", date(2026, 6, 1)))
    etapes = {e.etape.code: e for e in etat(_pd(), faites, date(2026, 6, 10)).etapes}
    assert etapes["accuse_reception_tiers"].statut == "expiree"
    assert "2026-06-09" in etapes["accuse_reception_tiers"].motifs[0]
    assert "CPCE R213-1" in etapes["accuse_reception_tiers"].motifs[0]
    # Payments still go on (L213-2): the third party is bound from the notification.
    verifier_etape(_pd(), faites, EtapeFaite("paiement_mensuel", date(2026, 6, 30)))


def test_notification_avant_la_demande_refusee() -> None:
    with pytest.raises(DonneeInvalide, match="Il faut d'abord"):
        verifier_etape(_pd(), (), EtapeFaite("notification_tiers", DEMANDE))


def test_gardes() -> None:
    faites = _faites(("demande", DEMANDE))
    nouvelle = EtapeFaite("notification_tiers", date(2026, 5, 20))
    with pytest.raises(DonneeInvalide, match="CPCE L111-2"):
        verifier_etape(_pd(), faites, nouvelle, situation=Situation(titre_executoire=False))
    with pytest.raises(DonneeInvalide, match=r"C\. civ\. 877"):
        verifier_etape(_pd(), faites, nouvelle, situation=Situation(risques=frozenset({DECES})))
    # Surendettement does not stop the recovery of maintenance (C. conso L722-2: debts
    # "autres qu'alimentaires"): no surendettement guard on this procedure.
    verifier_etape(
        _pd(), faites, nouvelle, situation=Situation(risques=frozenset({SURENDETTEMENT}))
    )


def test_paiements_mensuels_puis_fin() -> None:
    faites = _faites(
        ("demande", DEMANDE),
        ("notification_tiers", date(2026, 5, 20)),
        ("accuse_reception_tiers", date(2026, 5, 26)),
        ("paiement_mensuel", date(2026, 6, 30)),
        ("contestation", date(2026, 7, 3)),
        ("paiement_mensuel", date(2026, 7, 31)),
    )
    # A contestation does not suspend the payments (R213-6).
    verifier_etape(_pd(), faites, EtapeFaite("paiement_mensuel", date(2026, 8, 31)))
    faites += _faites(("paiement_mensuel", date(2026, 8, 31)), ("fin", date(2027, 6, 1)))
    resultat = etat(_pd(), faites, date(2027, 6, 1))
    assert resultat.statut == "terminee"


def test_aucune_version_avant_la_codification() -> None:
    with pytest.raises(DonneeInvalide, match="aucune version"):
        procedure(CODE, date(2012, 5, 31))
    assert procedure(CODE, date(2012, 6, 1)).version == "2012-06-01"
