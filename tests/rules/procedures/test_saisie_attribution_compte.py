"""Saisie-attribution on bank accounts (CPCE L211-1 ff., L162-1, L162-2, R211-19).

Dates counted by hand: CPC 641 al. 1 (days: the day of the act does not count), CPC 641 al. 2
(months: same quantième), CPC 642 al. 2 (an end on a Saturday, Sunday or holiday moves to the
next working day). "Jours ouvrables" (L162-1) are Monday to Saturday, holidays excluded.
"""

from __future__ import annotations

from datetime import date

import pytest

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.chargement import procedure
from clerc.rules.procedures.gardes import PROCEDURE_COLLECTIVE, Situation
from clerc.rules.procedures.moteur import EtapeFaite, etat, plan, verifier_etape
from tests.rules.procedures.outils import faites as _faites

CODE = "saisie_attribution_compte"
SAISIE = date(2026, 3, 3)  # Tuesday


def _compte():
    return procedure(CODE, SAISIE)


def _plan(depuis: date, territoire: str = "75") -> dict[str, dict[str, object]]:
    return {e.etape.code: e.en_dict() for e in plan(procedure(CODE, depuis), depuis, territoire)}


def test_la_version_suit_la_transmission_electronique() -> None:
    avant = procedure(CODE, date(2021, 3, 31))
    apres = procedure(CODE, date(2021, 4, 1))
    assert (avant.version, apres.version) == ("2012-06-01", "2021-04-01")
    assert "CPCE L211-1-1" not in avant.premiere.articles
    assert "CPCE L211-1-1" in apres.premiere.articles
    assert "voie électronique" in apres.premiere.libelle
    # The steps after the act are the same in both versions.
    assert [e.code for e in avant.etapes] == [e.code for e in apres.etapes]
    with pytest.raises(DonneeInvalide, match="aucune version"):
        procedure(CODE, date(2012, 5, 31))


def test_plan_nominal_a_paris() -> None:
    etapes = _plan(SAISIE)
    assert etapes["pv_saisie"]["acte_tarif"] == "pv_saisie_attribution"
    # R211-3: dénonciation within 8 days of Tuesday 3 March: Wednesday 11 March.
    assert etapes["denonciation"]["date_limite"] == "2026-03-11"
    assert etapes["denonciation"]["sanction"]["nature"] == "caducite"
    # L162-1: fifteen jours ouvrables after Tuesday 3 March (4, 5, 6, 7, 9 ... 20 March,
    # Sundays left out): the period ends on Friday 20 March, so the final balance from
    # Saturday 21.
    assert etapes["fin_indisponibilite"]["date_au_plus_tot"] == "2026-03-21"
    # R211-11: one month from the dénonciation (planned on 3 March): Friday 3 April.
    assert etapes["contestation"]["date_limite"] == "2026-04-03"
    # R211-6: the certificate once that month has run, from Saturday 4 April.
    assert etapes["certificat_non_contestation"]["date_au_plus_tot"] == "2026-04-04"
    assert etapes["mise_a_disposition_sbi"]["optionnelle"]


def test_vendredi_saint_en_moselle() -> None:
    # Same dates in the Moselle, where Good Friday (3 April 2026) is a holiday only in some
    # communes: the debtor's month is counted at the earliest (3 April), the office waits for
    # the latest: 3 April may be a holiday, then the weekend and Easter Monday (6 April), so the
    # delay may end on Tuesday 7 April and the certificate waits for Wednesday 8 April.
    etapes = _plan(SAISIE, "57")
    assert etapes["contestation"]["date_limite"] == "2026-04-03"
    assert etapes["certificat_non_contestation"]["date_au_plus_tot"] == "2026-04-08"
    with pytest.raises(DonneeInvalide, match="2026-04-08"):
        verifier_etape(
            _compte(),
            _faites(("pv_saisie", SAISIE), ("denonciation", SAISIE)),
            EtapeFaite("certificat_non_contestation", date(2026, 4, 7)),
            territoire="57",
        )


def test_denonciation_apres_la_saint_etienne_en_alsace() -> None:
    # PV on Thursday 18 December 2025: 8 days end on Friday 26, a holiday in the Bas-Rhin
    # (C. trav. L3134-13), then the weekend: Monday 29 December. In Paris: Friday 26.
    noel = date(2025, 12, 18)
    assert _plan(noel, "67")["denonciation"]["date_limite"] == "2025-12-29"
    assert _plan(noel, "75")["denonciation"]["date_limite"] == "2025-12-26"


def test_saisie_non_denoncee_caduque() -> None:
    resultat = etat(_compte(), _faites(("pv_saisie", SAISIE)), date(2026, 3, 12))
    assert resultat.statut == "caduque"
    assert "la saisie-attribution est caduque (CPCE R211-3)" in resultat.motif
    assert etat(_compte(), _faites(("pv_saisie", SAISIE)), date(2026, 3, 11)).statut == "en_cours"


def test_contestation_tardive_irrecevable() -> None:
    faites = _faites(("pv_saisie", SAISIE), ("denonciation", SAISIE))
    with pytest.raises(DonneeInvalide, match=r"2026-04-03.*CPCE R211-11"):
        verifier_etape(_compte(), faites, EtapeFaite("contestation", date(2026, 4, 6)))
    etapes = {e.etape.code: e for e in etat(_compte(), faites, date(2026, 4, 6)).etapes}
    assert etapes["contestation"].statut == "expiree"


def test_certificat_trop_tot() -> None:
    faites = _faites(("pv_saisie", SAISIE), ("denonciation", SAISIE))
    with pytest.raises(DonneeInvalide, match=r"Pas avant le 2026-04-04.*CPCE R211-6"):
        verifier_etape(
            _compte(), faites, EtapeFaite("certificat_non_contestation", date(2026, 4, 3))
        )


def test_paiement_apres_les_quinze_jours_ouvrables() -> None:
    # The debtor does not contest (R211-6 al. 2), but the bank pays the balance only once the
    # regularisation period of L162-1 has run.
    faites = _faites(
        ("pv_saisie", SAISIE),
        ("mise_a_disposition_sbi", SAISIE),
        ("denonciation", date(2026, 3, 5)),
        ("acquiescement", date(2026, 3, 9)),
    )
    with pytest.raises(DonneeInvalide, match="quinze jours ouvrables"):
        verifier_etape(_compte(), faites, EtapeFaite("paiement", date(2026, 3, 10)))
    with pytest.raises(DonneeInvalide, match=r"Pas avant le 2026-03-21.*CPCE L162-1"):
        verifier_etape(_compte(), faites, EtapeFaite("fin_indisponibilite", date(2026, 3, 20)))
    faites += _faites(("fin_indisponibilite", date(2026, 3, 23)), ("paiement", date(2026, 3, 25)))
    resultat = etat(_compte(), faites, date(2026, 3, 25))
    assert resultat.statut == "terminee"
    etapes = {e.etape.code: e for e in resultat.etapes}
    assert etapes["certificat_non_contestation"].statut == "sans_objet"


def test_gardes_et_heures_du_proces_verbal() -> None:
    with pytest.raises(DonneeInvalide, match=r"C\. com\. L622-21"):
        verifier_etape(
            _compte(),
            (),
            EtapeFaite("pv_saisie", SAISIE),
            situation=Situation(risques=frozenset({PROCEDURE_COLLECTIVE})),
        )
    with pytest.raises(DonneeInvalide, match="CPCE L111-2"):
        verifier_etape(
            _compte(),
            (),
            EtapeFaite("pv_saisie", SAISIE),
            situation=Situation(titre_executoire=False),
        )
    # Easter Monday 6 April 2026: no enforcement measure on a holiday (CPCE L141-1).
    with pytest.raises(DonneeInvalide, match="CPCE L141-1"):
        verifier_etape(_compte(), (), EtapeFaite("pv_saisie", date(2026, 4, 6)))


def test_mainlevee_met_fin_a_la_saisie() -> None:
    faites = _faites(
        ("pv_saisie", SAISIE), ("denonciation", SAISIE), ("mainlevee", date(2026, 3, 6))
    )
    resultat = etat(_compte(), faites, date(2026, 3, 20))
    assert resultat.statut == "terminee"
    assert "Mainlevée" in resultat.motif
