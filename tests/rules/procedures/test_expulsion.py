"""Expulsion from a main dwelling (CPCE L411-1, L412-1 to L412-8, L153-1, L433-1 ff.).

Dates counted by hand from CPC 640-642: a delay in months ends on the same day of the last
month (CPC 641 al. 2) at 24:00 (642 al. 1), moved to the next working day when that day is a
Saturday, Sunday or holiday (642 al. 2); a step that must wait for a delay is possible the day
after it has run. The winter truce dates come from clerc.rules.delais.treve_hivernale: season
2025-2026 from 1 November 2025 to 31 March 2026, expulsions again from 1 April 2026.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest

from clerc.rules.delais import treve_hivernale
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.chargement import procedure
from clerc.rules.procedures.gardes import SURENDETTEMENT, Situation
from clerc.rules.procedures.modele import Procedure
from clerc.rules.procedures.moteur import EtapeFaite, etat, plan, verifier_etape
from tests.rules.procedures.outils import faites as _faites

EXPULSION = procedure("expulsion", date(2025, 8, 20))
EXPULSION_2012 = procedure("expulsion", date(2019, 6, 3))


def _plan(depuis: date, territoire: str = "75") -> dict[str, dict[str, Any]]:
    return {e.etape.code: e.en_dict() for e in plan(EXPULSION, depuis, territoire)}


def _etapes(
    faites: tuple[EtapeFaite, ...],
    au: date,
    territoire: str = "75",
    version: Procedure = EXPULSION,
) -> dict[str, dict[str, Any]]:
    return {e.etape.code: e.en_dict() for e in etat(version, faites, au, territoire).etapes}


def _commande(jour: date, prefet: date | None = None) -> tuple[EtapeFaite, ...]:
    return _faites(
        ("signification_titre", jour),
        ("commandement", jour),
        ("saisine_prefet", prefet or jour),
    )


def test_version_selon_la_date() -> None:
    # Décret 2019-992: furniture rules for PV d'expulsion drawn up from 1 January 2020.
    assert procedure("expulsion", date(2019, 12, 31)).version == "2012-06-01"
    assert procedure("expulsion", date(2020, 1, 1)).version == "2020-01-01"
    assert "decision_jex_meubles" in {e.code for e in EXPULSION_2012.etapes}
    assert "decision_jex_meubles" not in {e.code for e in EXPULSION.etapes}
    assert "contestation_valeur_marchande" in {e.code for e in EXPULSION.etapes}


def test_plan_nominal() -> None:
    # Title served with the commandement Wednesday 20 August 2025, préfet seized the same day.
    # L412-1: 20 August + 2 months = Monday 20 October 2025 24:00: réquisition and expulsion
    # from Tuesday 21 October.
    etapes = _plan(date(2025, 8, 20))
    assert etapes["signification_titre"]["acte_tarif"] == "signification_decision"
    assert etapes["commandement"]["date_prevue"] == "2025-08-20"
    assert etapes["commandement"]["acte_tarif"] == "commandement_quitter_les_lieux"
    assert etapes["saisine_prefet"]["date_prevue"] == "2025-08-20"
    assert etapes["requisition_force_publique"]["date_au_plus_tot"] == "2025-10-21"
    assert etapes["requisition_force_publique"]["acte_tarif"] == "requisition_force_publique"
    assert etapes["pv_expulsion"]["date_au_plus_tot"] == "2025-10-21"
    assert etapes["pv_expulsion"]["date_prevue"] == "2025-10-21"
    assert etapes["pv_expulsion"]["acte_tarif"] == "pv_expulsion"
    assert (
        "hors trêve hivernale, 1er novembre - 31 mars (CPCE L412-6)"
        in (etapes["pv_expulsion"]["conditions"])
    )
    assert etapes["transmission_jugement_ccapex"]["acte_tarif"] == "ccapex_transmission"


def test_requisition_prematuree_avant_deux_mois() -> None:
    # CE, 12 déc. 2014, n° 363372: a réquisition before the end of the delay is premature.
    faites = _commande(date(2025, 8, 20))
    with pytest.raises(DonneeInvalide, match=r"Pas avant le 2025-10-21 .*CPCE L412-1"):
        verifier_etape(
            EXPULSION, faites, EtapeFaite("requisition_force_publique", date(2025, 10, 1))
        )
    verifier_etape(EXPULSION, faites, EtapeFaite("requisition_force_publique", date(2025, 10, 21)))


def test_pas_d_expulsion_sans_saisine_du_prefet() -> None:
    faites = _faites(
        ("signification_titre", date(2025, 8, 20)), ("commandement", date(2025, 8, 20))
    )
    with pytest.raises(DonneeInvalide, match="Il faut d'abord : Saisine du préfet"):
        verifier_etape(EXPULSION, faites, EtapeFaite("pv_expulsion", date(2025, 10, 21)))


def test_saisine_tardive_du_prefet_repousse_l_expulsion() -> None:
    # L412-5: the delay is suspended until the préfet is seized. Préfet seized Wednesday 10
    # September 2025 + 2 months = Monday 10 November: expulsion from Tuesday 11 November (a
    # holiday: the PV itself is refused that day, L141-1) instead of 21 October.
    faites = _commande(date(2025, 8, 20), prefet=date(2025, 9, 10))
    etapes = _etapes(faites, date(2025, 10, 21))
    assert etapes["pv_expulsion"]["date_au_plus_tot"] == "2025-11-11"
    assert etapes["pv_expulsion"]["statut"] == "pas_encore"
    assert etapes["requisition_force_publique"]["date_au_plus_tot"] == "2025-11-11"


def test_treve_hivernale_refus_le_15_novembre_reprise_le_1er_avril() -> None:
    periode = treve_hivernale(date(2025, 11, 15))
    assert periode is not None
    assert (periode.debut, periode.fin, periode.reprise_le) == (
        date(2025, 11, 1),
        date(2026, 3, 31),
        date(2026, 4, 1),
    )
    assert treve_hivernale(date(2026, 4, 1)) is None
    faites = _commande(date(2025, 8, 20))
    with pytest.raises(
        DonneeInvalide, match=r"Trêve hivernale du 2025-11-01 au 2026-03-31.*CPCE L412-6"
    ):
        verifier_etape(EXPULSION, faites, EtapeFaite("pv_expulsion", date(2025, 11, 15)))
    with pytest.raises(DonneeInvalide, match="CPCE L412-6"):
        verifier_etape(EXPULSION, faites, EtapeFaite("pv_expulsion", date(2026, 3, 31)))
    with pytest.raises(DonneeInvalide, match="CPCE L412-6"):
        verifier_etape(EXPULSION, faites, EtapeFaite("tentative_expulsion", date(2025, 12, 2)))
    etapes = _etapes(faites, date(2025, 11, 15))
    assert etapes["pv_expulsion"]["statut"] == "bloquee"
    assert etapes["requisition_force_publique"]["statut"] == "possible"  # not a measure
    verifier_etape(EXPULSION, faites, EtapeFaite("pv_expulsion", date(2026, 4, 1), time(9, 0)))


def test_expulsion_avant_6_heures_refusee() -> None:
    faites = _commande(date(2025, 8, 20))
    with pytest.raises(DonneeInvalide, match=r"avant 6 heures.*CPCE L141-1"):
        verifier_etape(EXPULSION, faites, EtapeFaite("pv_expulsion", date(2026, 4, 1), time(5, 30)))


def test_surendettement_n_interdit_pas_le_commandement() -> None:
    # C. conso L722-2 stops measures on the debtor's assets; an expulsion may only be suspended
    # by the judge on the commission's request (L722-6 ff.): no guard.
    faites = _faites(("signification_titre", date(2025, 8, 20)))
    situation = Situation(risques=frozenset({SURENDETTEMENT}))
    verifier_etape(
        EXPULSION, faites, EtapeFaite("commandement", date(2025, 8, 20)), situation=situation
    )


def test_deux_mois_traversant_le_vendredi_saint_en_alsace() -> None:
    # Commandement Tuesday 18 February 2025 + 2 months = Friday 18 April 2025, Good Friday,
    # uncertain in Alsace-Moselle (only communes with a Protestant temple or mixed church):
    # the office waits for the latest possible end, Saturday 19, Sunday 20, Easter Monday 21
    # -> Tuesday 22 April, expulsion from Wednesday 23 April; in Paris from Saturday 19 April.
    assert _plan(date(2025, 2, 18), "75")["pv_expulsion"]["date_au_plus_tot"] == "2025-04-19"
    assert _plan(date(2025, 2, 18), "67")["pv_expulsion"]["date_au_plus_tot"] == "2025-04-23"


def test_deux_mois_traversant_le_27_mai_en_guadeloupe() -> None:
    # Commandement Thursday 27 March 2025 + 2 months = Tuesday 27 May 2025, abolition of
    # slavery day in Guadeloupe -> Wednesday 28 May there, expulsion from Thursday 29 May.
    assert _plan(date(2025, 3, 27), "75")["pv_expulsion"]["date_au_plus_tot"] == "2025-05-28"
    assert _plan(date(2025, 3, 27), "971")["pv_expulsion"]["date_au_plus_tot"] == "2025-05-29"


def test_meubles_depuis_2020_deux_mois() -> None:
    # PV d'expulsion with an inventory Wednesday 1 April 2026. R433-3: 1 month to contest the
    # absence of market value = Friday 1 May 2026 (holiday) -> Monday 4 May. R433-1: 2 months to
    # remove the goods = Monday 1 June 2026; sale or abandonment from Tuesday 2 June.
    faites = (*_commande(date(2025, 8, 20)), EtapeFaite("pv_expulsion_meubles", date(2026, 4, 1)))
    etapes = _etapes(faites, date(2026, 4, 2))
    assert etapes["pv_expulsion"]["statut"] == "sans_objet"
    assert etapes["contestation_valeur_marchande"]["date_limite"] == "2026-05-04"
    assert etapes["retrait_meubles"]["date_limite"] == "2026-06-01"
    assert etapes["vente_ou_abandon_meubles"]["date_au_plus_tot"] == "2026-06-02"
    with pytest.raises(DonneeInvalide, match=r"Pas avant le 2026-06-02 .*CPCE R433-1"):
        verifier_etape(EXPULSION, faites, EtapeFaite("vente_ou_abandon_meubles", date(2026, 6, 1)))
    # Absent person: the two months run from the service of the PV, Wednesday 8 April 2026 ->
    # Monday 8 June; sale from Tuesday 9 June.
    faites = (*faites, EtapeFaite("signification_pv_expulsion", date(2026, 4, 8)))
    assert _etapes(faites, date(2026, 4, 9))["vente_ou_abandon_meubles"]["date_au_plus_tot"] == (
        "2026-06-09"
    )
    resultat = etat(
        EXPULSION, (*faites, EtapeFaite("retrait_meubles", date(2026, 5, 2))), date(2026, 5, 3)
    )
    assert resultat.statut == "terminee"


def test_meubles_avant_2020_un_mois_et_le_juge() -> None:
    # 2012 wording of R433-1: PV with inventory Tuesday 15 October 2019 + 1 month = Friday 15
    # November 2019; the JEX hearing on the fate of the goods cannot come before: from
    # Saturday 16 November.
    faites = (*_commande(date(2019, 6, 3)), EtapeFaite("pv_expulsion_meubles", date(2019, 10, 15)))
    etapes = _etapes(faites, date(2019, 10, 16), version=EXPULSION_2012)
    assert etapes["retrait_meubles"]["date_limite"] == "2019-11-15"
    assert etapes["decision_jex_meubles"]["date_au_plus_tot"] == "2019-11-16"
    assert etapes["vente_ou_abandon_meubles"]["statut"] == "bloquee"


def test_pv_d_expulsion_sans_meubles_termine() -> None:
    faites = (*_commande(date(2025, 8, 20)), EtapeFaite("pv_expulsion", date(2025, 10, 21)))
    resultat = etat(EXPULSION, faites, date(2025, 10, 22))
    assert resultat.statut == "terminee"
    assert (
        resultat.motif
        == "Procès-verbal d'expulsion (lieux vides ou meubles emportés) le 2025-10-21."
    )


def test_le_plan_reporte_l_expulsion_apres_la_treve_hivernale() -> None:
    # Commandement on 1 October 2026: the 2 months of L412-1 run to 1 December 2026, inside
    # the winter truce (1 November 2026 - 31 March 2027, L412-6): the plan schedules the
    # expulsion on 1 April 2027, the first day it is allowed again.
    from clerc.rules.procedures.chargement import procedure
    from clerc.rules.procedures.moteur import plan

    etapes = {e.etape.code: e for e in plan(procedure("expulsion", date(2026, 10, 1)),
                                            date(2026, 10, 1), "75")}  # fmt: skip
    assert etapes["pv_expulsion"].date_prevue == date(2027, 4, 1)
