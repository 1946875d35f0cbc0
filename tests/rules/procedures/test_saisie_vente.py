"""Saisie-vente (CPCE L221-1 to L221-6, R221-1 to R221-56).

Dates counted by hand from CPC 640-642: a delay in days starts the day after the act (CPC 641
al. 1); a delay in months ends on the same day of the last month (641 al. 2), months counted
before days (641 al. 3); every delay ends at 24:00 (642 al. 1) and is moved to the next working
day when it ends on a Saturday, Sunday or holiday (642 al. 2). A step that must wait for a delay
is possible the day after it has run.
"""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from typing import Any

import pytest

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.chargement import procedure
from clerc.rules.procedures.gardes import PROCEDURE_COLLECTIVE, Situation
from clerc.rules.procedures.modele import Procedure
from clerc.rules.procedures.moteur import EtapeFaite, etat, plan, verifier_etape
from tests.rules.procedures.outils import faites as _faites

VENTE = procedure("saisie_vente", date(2025, 3, 3))
VENTE_2012 = procedure("saisie_vente", date(2022, 3, 1))


def _plan(depuis: date, territoire: str = "75") -> dict[str, dict[str, Any]]:
    return {e.etape.code: e.en_dict() for e in plan(VENTE, depuis, territoire)}


def _etapes(
    faites: tuple[EtapeFaite, ...],
    au: date,
    territoire: str = "75",
    version: Procedure = VENTE,
) -> dict[str, dict[str, Any]]:
    return {e.etape.code: e.en_dict() for e in etat(version, faites, au, territoire).etapes}


def test_version_selon_la_date_du_commandement() -> None:
    # Décret 2021-1888 (sûretés publiées) changed R221-14-1 and R221-31 on 1 January 2023.
    assert procedure("saisie_vente", date(2022, 12, 31)).version == "2012-06-01"
    assert procedure("saisie_vente", date(2023, 1, 1)).version == "2023-01-01"
    codes_2012 = {e.code for e in VENTE_2012.etapes}
    codes_2023 = {e.code for e in VENTE.etapes}
    assert codes_2023 - codes_2012 == {"signification_creanciers_suretes", "reception_propositions"}
    with pytest.raises(DonneeInvalide, match="aucune version"):
        procedure("saisie_vente", date(2012, 5, 31))


def test_plan_nominal() -> None:
    # Commandement Monday 3 March 2025. R221-10: 3 March + 8 days = Tuesday 11 March 24:00:
    # the saisie is possible from Wednesday 12 March. R221-5: 3 March 2025 + 2 years =
    # Wednesday 3 March 2027. R221-30: PV on 12 March + 1 month = Saturday 12 April -> Monday
    # 14 April (642): the debtor proposes by 14 April, the forced sale is possible from
    # Tuesday 15 April.
    etapes = _plan(date(2025, 3, 3))
    assert etapes["commandement"]["date_prevue"] == "2025-03-03"
    assert etapes["commandement"]["acte_tarif"] == "commandement_saisie_vente"
    assert etapes["pv_saisie"]["date_au_plus_tot"] == "2025-03-12"
    assert etapes["pv_saisie"]["date_prevue"] == "2025-03-12"
    assert etapes["pv_saisie"]["date_limite"] == "2027-03-03"
    assert etapes["pv_saisie"]["sanction"]["nature"] == "peremption"
    assert etapes["pv_saisie"]["acte_tarif"] == "pv_saisie_vente"
    assert "pv_carence" not in etapes  # excluded by the PV de saisie on the nominal path
    assert etapes["proposition_vente_amiable"]["date_limite"] == "2025-04-14"
    assert etapes["proposition_vente_amiable"]["date_prevue"] is None  # the debtor's, optional
    assert etapes["signification_creanciers_suretes"]["date_limite"] == "2025-03-20"
    assert etapes["vente_forcee"]["date_au_plus_tot"] == "2025-04-15"
    assert etapes["vente_forcee"]["date_prevue"] == "2025-04-15"
    assert etapes["distribution"]["date_prevue"] == "2025-04-15"
    assert (
        "au domicile, principal d'au moins 535 € ou saisie sur compte/rémunérations "
        "impossible (CPCE L221-2, R221-2)" in etapes["pv_saisie"]["conditions"]
    )


def test_saisie_avant_huit_jours_refusee() -> None:
    faites = _faites(("commandement", date(2025, 3, 3)))
    with pytest.raises(DonneeInvalide, match=r"Pas avant le 2025-03-12 .*CPCE R221-10"):
        verifier_etape(VENTE, faites, EtapeFaite("pv_saisie", date(2025, 3, 11)))
    verifier_etape(VENTE, faites, EtapeFaite("pv_saisie", date(2025, 3, 12), time(9, 0)))


def test_saisie_un_dimanche_refusee() -> None:
    faites = _faites(("commandement", date(2025, 3, 3)))
    with pytest.raises(DonneeInvalide, match=r"dimanche \(CPCE L141-1\)"):
        verifier_etape(VENTE, faites, EtapeFaite("pv_saisie", date(2025, 3, 16)))


def test_peremption_du_commandement_apres_deux_ans() -> None:
    # Commandement Monday 6 March 2023 + 2 years = Thursday 6 March 2025 (R221-5).
    faites = _faites(("commandement", date(2023, 3, 6)))
    assert etat(VENTE, faites, date(2025, 3, 6)).statut == "en_cours"

    perime = etat(VENTE, faites, date(2025, 3, 7))

    assert perime.statut == "caduque"
    assert "non faite au plus tard le 2025-03-06" in perime.motif
    assert "nouveau commandement" in perime.motif
    assert perime.motif.endswith("(CPCE R221-5).")
    with pytest.raises(DonneeInvalide, match="nouveau commandement"):
        verifier_etape(VENTE, faites, EtapeFaite("pv_saisie", date(2025, 3, 7)))


def test_carence_exclusive_du_proces_verbal_et_finale() -> None:
    faites = _faites(("commandement", date(2025, 3, 3)), ("pv_carence", date(2025, 3, 12)))
    resultat = etat(VENTE, faites, date(2025, 3, 13))
    assert resultat.statut == "terminee"
    etapes = {e.etape.code: e for e in resultat.etapes}
    assert etapes["pv_saisie"].statut == "sans_objet"
    assert etapes["pv_carence"].etape.acte_tarif == "pv_saisie_vente_carence"


def test_subsidiarite_au_domicile_pour_moins_de_535_euros() -> None:
    faites = _faites(("commandement", date(2025, 3, 3)))
    petite = Situation(principal=Decimal("400"), local_habitation=True)
    with pytest.raises(DonneeInvalide, match=r"inférieure à 535,00\s€.*CPCE L221-2, R221-2"):
        verifier_etape(VENTE, faites, EtapeFaite("pv_saisie", date(2025, 3, 12)), situation=petite)
    # Hors du local d'habitation, ou créance d'au moins 535 €: no subsidiarity.
    ailleurs = Situation(principal=Decimal("400"), local_habitation=False)
    verifier_etape(VENTE, faites, EtapeFaite("pv_saisie", date(2025, 3, 12)), situation=ailleurs)
    grosse = Situation(principal=Decimal("535"), local_habitation=True)
    verifier_etape(VENTE, faites, EtapeFaite("pv_saisie", date(2025, 3, 12)), situation=grosse)


def test_procedure_collective_interdit_le_commandement() -> None:
    situation = Situation(risques=frozenset({PROCEDURE_COLLECTIVE}))
    with pytest.raises(DonneeInvalide, match=r"C\. com\. L622-21"):
        verifier_etape(VENTE, (), EtapeFaite("commandement", date(2025, 3, 3)), situation=situation)


def test_biens_chez_un_tiers_copie_au_debiteur_dans_les_huit_jours() -> None:
    # PV de saisie entre les mains d'un tiers Thursday 18 December 2025 + 8 days = Friday 26
    # December: a working day in Paris, a holiday in Alsace-Moselle (C. trav. L3134-13), so
    # Saturday, Sunday, and Monday 29 December in Strasbourg (R221-26).
    faites = _faites(("commandement", date(2025, 12, 1)), ("pv_saisie_tiers", date(2025, 12, 18)))
    paris = _etapes(faites, date(2025, 12, 19), "75")
    strasbourg = _etapes(faites, date(2025, 12, 19), "67")
    assert paris["signification_saisie_tiers"]["date_limite"] == "2025-12-26"
    assert strasbourg["signification_saisie_tiers"]["date_limite"] == "2025-12-29"
    assert paris["pv_saisie"]["statut"] == "sans_objet"

    caduque = etat(VENTE, faites, date(2025, 12, 27), "75")
    assert caduque.statut == "caduque"
    assert caduque.motif == (
        "Signification au débiteur de la saisie pratiquée entre les mains d'un tiers non faite "
        "au plus tard le 2025-12-26 : la saisie entre les mains du tiers est caduque "
        "(CPCE R221-26)."
    )
    assert etat(VENTE, faites, date(2025, 12, 29), "67").statut == "en_cours"


def test_saisie_apres_le_27_mai_en_guadeloupe() -> None:
    # Commandement Monday 19 May 2025 + 8 days = Tuesday 27 May: abolition of slavery day in
    # Guadeloupe (décret 83-1003), so the delay runs to Wednesday 28 May there and the saisie is
    # possible from Thursday 29 May (Ascension: the act itself is refused that day, L141-1);
    # in Paris from Wednesday 28 May.
    assert _plan(date(2025, 5, 19), "75")["pv_saisie"]["date_au_plus_tot"] == "2025-05-28"
    assert _plan(date(2025, 5, 19), "971")["pv_saisie"]["date_au_plus_tot"] == "2025-05-29"
    faites = _faites(("commandement", date(2025, 5, 19)))
    with pytest.raises(DonneeInvalide, match="Pas avant le 2025-05-29"):
        verifier_etape(VENTE, faites, EtapeFaite("pv_saisie", date(2025, 5, 28)), "971")
    with pytest.raises(DonneeInvalide, match="Ascension"):
        verifier_etape(VENTE, faites, EtapeFaite("pv_saisie", date(2025, 5, 29)), "971")


def test_debiteur_absent_le_mois_court_de_la_signification_de_la_copie() -> None:
    # PV Wednesday 12 March 2025, copy served on the absent debtor Thursday 20 March (R221-18):
    # 20 March + 1 month = Sunday 20 April -> Easter Monday 21 -> Tuesday 22 April: forced sale
    # from Wednesday 23 April (the later of the two months, R221-30).
    faites = _faites(
        ("commandement", date(2025, 3, 3)),
        ("pv_saisie", date(2025, 3, 12)),
        ("copie_debiteur_absent", date(2025, 3, 20)),
    )
    etapes = _etapes(faites, date(2025, 4, 15))
    assert etapes["vente_forcee"]["date_au_plus_tot"] == "2025-04-23"
    assert etapes["vente_forcee"]["statut"] == "pas_encore"


def test_propositions_de_vente_amiable_2012_un_mois_et_quinze_jours() -> None:
    # Before 2023: PV Thursday 10 March 2022; proposals sent to the creditors Friday 25 March.
    # R221-31 read on the safe side: 10 March + 1 month = 10 April, + 15 days = Monday 25
    # April 2022 (months before days, CPC 641 al. 3): forced sale from Tuesday 26 April; the
    # fifteen days from the letter (25 March + 15 = Saturday 9 April -> Monday 11) end earlier.
    faites = _faites(
        ("commandement", date(2022, 3, 1)),
        ("pv_saisie", date(2022, 3, 10)),
        ("proposition_vente_amiable", date(2022, 3, 20)),
        ("propositions_creanciers", date(2022, 3, 25)),
    )
    etapes = _etapes(faites, date(2022, 4, 12), version=VENTE_2012)
    assert etapes["vente_forcee"]["statut"] == "sans_objet"
    assert etapes["vente_forcee_apres_propositions"]["date_au_plus_tot"] == "2022-04-26"
    assert etapes["vente_forcee_apres_propositions"]["statut"] == "pas_encore"


def test_propositions_de_vente_amiable_2023_quinze_jours_de_la_reception() -> None:
    # Since 2023 the fifteen days run from the receipt of the letter (R221-31). PV Wednesday 12
    # March 2025: + 1 month and 15 days = Sunday 27 April -> Monday 28 April; last receipt
    # Monday 14 April + 15 days = Tuesday 29 April: forced sale from Wednesday 30 April.
    faites = _faites(
        ("commandement", date(2025, 3, 3)),
        ("pv_saisie", date(2025, 3, 12)),
        ("proposition_vente_amiable", date(2025, 4, 1)),
        ("propositions_creanciers", date(2025, 4, 2)),
        ("reception_propositions", date(2025, 4, 14)),
    )
    etapes = _etapes(faites, date(2025, 4, 29))
    assert etapes["vente_forcee_apres_propositions"]["date_au_plus_tot"] == "2025-04-30"
    with pytest.raises(DonneeInvalide, match=r"Pas avant le 2025-04-30 .*CPCE R221-31"):
        verifier_etape(
            VENTE, faites, EtapeFaite("vente_forcee_apres_propositions", date(2025, 4, 29))
        )
    verifier_etape(VENTE, faites, EtapeFaite("vente_forcee_apres_propositions", date(2025, 4, 30)))


def test_proposition_du_debiteur_apres_le_mois_expiree() -> None:
    faites = _faites(("commandement", date(2025, 3, 3)), ("pv_saisie", date(2025, 3, 12)))
    etapes = _etapes(faites, date(2025, 4, 15))
    assert etapes["proposition_vente_amiable"]["statut"] == "expiree"
    assert etapes["proposition_vente_amiable"]["tenu_par"] == "adversaire"
    assert etat(VENTE, faites, date(2025, 4, 15)).statut == "en_cours"


def test_paiement_termine_la_procedure() -> None:
    faites = _faites(("commandement", date(2025, 3, 3)), ("paiement", date(2025, 3, 7)))
    resultat = etat(VENTE, faites, date(2027, 6, 1))
    assert resultat.statut == "terminee"
    assert resultat.motif == "Paiement intégral par le débiteur le 2025-03-07."
