"""Injonction de payer: the three versions chosen by the date of the ordonnance (CPC 1405 ff.;
décret 2021-1322 from 1 March 2022; décret n° 2026-96 for ordonnances from 1 September 2026).

Dates are counted by hand from CPC 640-642: a delay in months expires on the same day of the
last month, or its last day when there is none (CPC 641 al. 2), at 24:00 (642 al. 1), moved to
the next working day when that day is a Saturday, Sunday or holiday (642 al. 2); a step that
must wait for a delay is possible the day after it expires.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.chargement import procedure
from clerc.rules.procedures.gardes import SURENDETTEMENT, Situation
from clerc.rules.procedures.modele import Procedure
from clerc.rules.procedures.moteur import EtapeFaite, etat, plan, verifier_etape
from tests.rules.procedures.outils import faites as _faites

AVANT_2022 = procedure("injonction_de_payer", date(2021, 6, 10))
DEPUIS_2022 = procedure("injonction_de_payer", date(2024, 1, 15))
DEPUIS_2026 = procedure("injonction_de_payer", date(2026, 9, 1))


def _plan(proc: Procedure, depuis: date, territoire: str = "75") -> dict[str, dict[str, Any]]:
    return {e.etape.code: e.en_dict() for e in plan(proc, depuis, territoire)}


def _etapes(
    proc: Procedure, faites: tuple[EtapeFaite, ...], au: date, territoire: str = "75"
) -> dict[str, dict[str, Any]]:
    return {e.etape.code: e.en_dict() for e in etat(proc, faites, au, territoire).etapes}


@pytest.mark.parametrize(
    ("ordonnance", "version"),
    [
        (date(2022, 2, 28), "avant-2022"),
        (date(2022, 3, 1), "2022-03-01"),
        (date(2026, 8, 31), "2022-03-01"),
        (date(2026, 9, 1), "2026-09-01"),
    ],
)
def test_la_version_suit_la_date_de_l_ordonnance(ordonnance: date, version: str) -> None:
    assert procedure("injonction_de_payer", ordonnance).version == version


def test_plan_depuis_2022() -> None:
    # Ordonnance Monday 15 January 2024, served the same day. CPC 1411: + 6 months = Monday
    # 15 July 2024. CPC 1416: opposition until Thursday 15 February 2024; the ordonnance is a
    # titre exécutoire from Friday 16 February (CPC 1422).
    etapes = _plan(DEPUIS_2022, date(2024, 1, 15))
    assert etapes["signification"]["date_limite"] == "2024-07-15"
    assert etapes["signification"]["acte_tarif"] == "signification_injonction_de_payer"
    assert etapes["opposition"]["date_limite"] == "2024-02-15"
    assert etapes["premiere_mesure"]["date_au_plus_tot"] == "2024-02-16"


def test_six_mois_jusqu_au_dernier_jour_de_fevrier() -> None:
    # Ordonnance Monday 31 August 2026 (still the 2022 rules): 31 August + 6 months has no
    # 31 February, so the last day of February, Sunday 28 February 2027 (CPC 641 al. 2), moved
    # to Monday 1 March 2027 (642 al. 2).
    proc = procedure("injonction_de_payer", date(2026, 8, 31))
    assert _plan(proc, date(2026, 8, 31))["signification"]["date_limite"] == "2027-03-01"


def test_ordonnance_non_signifiee_dans_les_six_mois_non_avenue() -> None:
    faites = _faites(("ordonnance", date(2024, 1, 15)))
    assert etat(DEPUIS_2022, faites, date(2024, 7, 15), "75").statut == "en_cours"

    trop_tard = etat(DEPUIS_2022, faites, date(2024, 7, 16), "75")

    assert trop_tard.statut == "caduque"
    assert trop_tard.motif.endswith(
        "l'ordonnance portant injonction de payer est non avenue (CPC 1411)."
    )


def test_execution_avant_la_fin_du_mois_d_opposition_refusee() -> None:
    faites = _faites(("ordonnance", date(2024, 1, 15)), ("signification", date(2024, 1, 22)))
    # Served Monday 22 January 2024: opposition until Thursday 22 February.
    with pytest.raises(DonneeInvalide, match=r"Pas avant le 2024-02-23 .*CPC 1422"):
        verifier_etape(DEPUIS_2022, faites, EtapeFaite("premiere_mesure", date(2024, 2, 22)))
    verifier_etape(DEPUIS_2022, faites, EtapeFaite("premiere_mesure", date(2024, 2, 23)))


def test_l_opposition_ferme_l_execution_de_l_ordonnance() -> None:
    faites = _faites(
        ("ordonnance", date(2024, 1, 15)),
        ("signification", date(2024, 1, 22)),
        ("opposition", date(2024, 2, 5)),
    )
    with pytest.raises(DonneeInvalide, match="Sans objet : opposition du débiteur"):
        verifier_etape(DEPUIS_2022, faites, EtapeFaite("premiere_mesure", date(2024, 3, 1)))


def test_mois_d_opposition_traversant_le_26_decembre_en_alsace() -> None:
    # Served Wednesday 26 November 2025: the opposition month ends Friday 26 December. In Paris
    # the ordonnance is enforceable from Saturday 27; in Strasbourg the 26th is a holiday, then
    # the weekend: the month ends Monday 29 (CPC 642 al. 2), enforcement from Tuesday 30.
    # Served à personne: the opposition month runs from the service (CPC 1416 al. 1).
    faites = _faites(
        ("ordonnance", date(2025, 11, 20)), ("signification", date(2025, 11, 26), "personne")
    )
    paris = _etapes(DEPUIS_2022, faites, date(2025, 12, 1), "75")
    strasbourg = _etapes(DEPUIS_2022, faites, date(2025, 12, 1), "67")
    assert paris["opposition"]["date_limite"] == "2025-12-26"
    assert paris["premiere_mesure"]["date_au_plus_tot"] == "2025-12-27"
    assert strasbourg["opposition"]["date_limite"] == "2025-12-29"
    assert strasbourg["premiere_mesure"]["date_au_plus_tot"] == "2025-12-30"


def test_mois_d_opposition_traversant_le_20_decembre_a_la_reunion() -> None:
    # Served Wednesday 20 November 2024: the month ends Friday 20 December 2024, abolition of
    # slavery day in La Réunion: Monday 23 December there (Saturday, Sunday), enforcement from
    # Tuesday 24 December. Served à personne (CPC 1416 al. 1).
    faites = _faites(
        ("ordonnance", date(2024, 11, 12)), ("signification", date(2024, 11, 20), "personne")
    )
    paris = _etapes(DEPUIS_2022, faites, date(2024, 11, 25), "75")
    reunion = _etapes(DEPUIS_2022, faites, date(2024, 11, 25), "974")
    assert paris["premiere_mesure"]["date_au_plus_tot"] == "2024-12-21"
    assert reunion["opposition"]["date_limite"] == "2024-12-23"
    assert reunion["premiere_mesure"]["date_au_plus_tot"] == "2024-12-24"


def test_plan_depuis_septembre_2026() -> None:
    # Ordonnance Tuesday 1 September 2026 (décret n° 2026-96): served within 3 months, i.e.
    # by Tuesday 1 December 2026. Served the same day: opposition until Thursday 1 October;
    # enforcement once 2 months have run: Sunday 1 November (also All Saints) -> Monday 2
    # November 24:00 (642 al. 2), so from Tuesday 3 November.
    etapes = _plan(DEPUIS_2026, date(2026, 9, 1))
    assert etapes["signification"]["date_limite"] == "2026-12-01"
    assert etapes["opposition"]["date_limite"] == "2026-10-01"
    assert etapes["premiere_mesure"]["date_au_plus_tot"] == "2026-11-03"


def test_trois_mois_depuis_septembre_2026() -> None:
    faites = _faites(("ordonnance", date(2026, 9, 1)))
    assert etat(DEPUIS_2026, faites, date(2026, 12, 1), "75").statut == "en_cours"
    assert etat(DEPUIS_2026, faites, date(2026, 12, 2), "75").statut == "caduque"
    # The same ordonnance made the day before follows the 2022 rules: six months.
    veille = procedure("injonction_de_payer", date(2026, 8, 31))
    faites_veille = _faites(("ordonnance", date(2026, 8, 31)))
    assert etat(veille, faites_veille, date(2026, 12, 2), "75").statut == "en_cours"


def test_deux_mois_sans_avis_d_opposition_depuis_septembre_2026() -> None:
    # Served Tuesday 8 September 2026: two months to Sunday 8 November -> Monday 9 November
    # 24:00; enforcement from Tuesday 10 November.
    faites = _faites(("ordonnance", date(2026, 9, 1)), ("signification", date(2026, 9, 8)))
    with pytest.raises(DonneeInvalide, match="Pas avant le 2026-11-10"):
        verifier_etape(DEPUIS_2026, faites, EtapeFaite("premiere_mesure", date(2026, 11, 9)))
    verifier_etape(DEPUIS_2026, faites, EtapeFaite("premiere_mesure", date(2026, 11, 10)))

    avis = (*faites, EtapeFaite("avis_opposition", date(2026, 10, 20)))
    assert _etapes(DEPUIS_2026, avis, date(2026, 11, 10))["premiere_mesure"]["statut"] == (
        "sans_objet"
    )


def test_avant_2022_demande_de_formule_executoire() -> None:
    # Ordonnance Thursday 10 June 2021 (old rules), served Thursday 17 June 2021. CPC 1411:
    # served by Friday 10 December 2021. Opposition month: Saturday 17 July -> Monday 19 July
    # (642 al. 2): the formule exécutoire may be asked for from Tuesday 20 July (old 1422).
    # Deadline (old 1423): within the month that follows the end of the opposition delay
    # (Monday 19 July, after CPC 642): Thursday 19 August 2021 (depuis_fin).
    assert _plan(AVANT_2022, date(2021, 6, 10))["signification"]["date_limite"] == "2021-12-10"
    faites = _faites(("ordonnance", date(2021, 6, 10)), ("signification", date(2021, 6, 17)))
    demande = _etapes(AVANT_2022, faites, date(2021, 7, 1))["demande_formule_executoire"]
    assert demande["date_au_plus_tot"] == "2021-07-20"
    assert demande["date_limite"] == "2021-08-19"
    with pytest.raises(DonneeInvalide, match=r"Pas avant le 2021-07-20 .*CPC 1422 ancien"):
        verifier_etape(
            AVANT_2022, faites, EtapeFaite("demande_formule_executoire", date(2021, 7, 19))
        )

    assert etat(AVANT_2022, faites, date(2021, 8, 19), "75").statut == "en_cours"
    trop_tard = etat(AVANT_2022, faites, date(2021, 8, 20), "75")
    assert trop_tard.statut == "caduque"
    assert trop_tard.motif.endswith(
        "l'ordonnance portant injonction de payer est non avenue (CPC 1423 ancien)."
    )


def test_avant_2022_execution_apres_la_formule_executoire() -> None:
    faites = _faites(
        ("ordonnance", date(2021, 6, 10)),
        ("signification", date(2021, 6, 17)),
        ("demande_formule_executoire", date(2021, 7, 20)),
    )
    with pytest.raises(DonneeInvalide, match="Il faut d'abord : Apposition de la formule"):
        verifier_etape(AVANT_2022, faites, EtapeFaite("premiere_mesure", date(2021, 7, 26)))
    avec_formule = (*faites, EtapeFaite("formule_executoire", date(2021, 7, 23)))
    verifier_etape(AVANT_2022, avec_formule, EtapeFaite("premiere_mesure", date(2021, 7, 26)))


def test_surendettement_refuse_la_premiere_mesure() -> None:
    faites = _faites(("ordonnance", date(2024, 1, 15)), ("signification", date(2024, 1, 22)))
    with pytest.raises(DonneeInvalide, match=r"C\. conso L722-2"):
        verifier_etape(
            DEPUIS_2022,
            faites,
            EtapeFaite("premiere_mesure", date(2024, 2, 23)),
            situation=Situation(risques=frozenset({SURENDETTEMENT})),
        )


def test_signification_un_dimanche_refusee() -> None:
    faites = _faites(("ordonnance", date(2026, 9, 1)))
    with pytest.raises(DonneeInvalide, match="CPC 664"):
        verifier_etape(DEPUIS_2026, faites, EtapeFaite("signification", date(2026, 9, 6)))


# --- CPC 1416 al. 2: the opposition month runs from a service à personne ---------------------

SIGNIFIEE_LE = date(2025, 1, 30)  # Thursday


def test_signifiee_a_personne_le_mois_d_opposition_court_de_la_signification() -> None:
    # Ordonnance Monday 20 January 2025, served à personne Thursday 30 January: no 30 February,
    # so the month ends on the last day of February, Friday 28 February 2025 (CPC 1416 al. 1,
    # 641 al. 2); an opposition on Monday 3 March is irrecevable; the ordonnance is a titre
    # exécutoire from Saturday 1 March (CPC 1422).
    faites = _faites(("ordonnance", date(2025, 1, 20)), ("signification", SIGNIFIEE_LE, "personne"))
    etapes = _etapes(DEPUIS_2022, faites, date(2025, 2, 3))
    assert etapes["opposition"]["date_limite"] == "2025-02-28"
    assert etapes["opposition"]["tenu_par"] == "adversaire"
    assert etapes["premiere_mesure"]["date_au_plus_tot"] == "2025-03-01"
    with pytest.raises(DonneeInvalide, match=r"Délai expiré le 2025-02-28 \(1 mois, CPC 1416"):
        verifier_etape(DEPUIS_2022, faites, EtapeFaite("opposition", date(2025, 3, 3)))


@pytest.mark.parametrize("mode", ["domicile", "etude", "659"])
def test_signifiee_autrement_qu_a_personne_pas_de_date_limite_d_opposition(mode: str) -> None:
    # Same ordonnance served otherwise than à personne: the opposition stays recevable until
    # one month after the first act served à personne or, failing that, the first measure
    # making the goods unavailable (CPC 1416 al. 2); an opposition on 1 April 2025 is recorded.
    # The creditor's side does not change: the ordonnance is enforceable once the month from
    # the service has run, whatever its mode (CPC 1422 al. 1): from Saturday 1 March.
    faites = _faites(("ordonnance", date(2025, 1, 20)), ("signification", SIGNIFIEE_LE, mode))
    etapes = _etapes(DEPUIS_2022, faites, date(2025, 4, 1))
    opposition = etapes["opposition"]
    assert opposition["date_limite"] is None
    assert opposition["statut"] == "possible"
    (motif,) = opposition["motifs"]
    assert motif.startswith("Signification de la requête et de l'ordonnance au débiteur (")
    assert "et non à personne) : l'opposition reste recevable jusqu'à l'expiration d'un mois" in (
        motif
    )
    assert motif.endswith(
        "rendant indisponibles tout ou partie des biens du débiteur (CPC 1416 al. 2)."
    )
    assert etapes["premiere_mesure"]["date_au_plus_tot"] == "2025-03-01"
    verifier_etape(DEPUIS_2022, faites, EtapeFaite("opposition", date(2025, 4, 1)))


def test_mode_non_renseigne_l_opposition_reste_ouverte_par_prudence() -> None:
    faites = _faites(("ordonnance", date(2025, 1, 20)), ("signification", SIGNIFIEE_LE))
    opposition = _etapes(DEPUIS_2022, faites, date(2025, 4, 1))["opposition"]
    assert opposition["date_limite"] is None
    assert "mode de signification non renseigné" in opposition["motifs"][0]
    assert "CPC 1416 al. 2" in opposition["motifs"][0]


def test_le_premier_acte_signifie_a_personne_fait_courir_le_mois() -> None:
    # Served à domicile on Thursday 30 January 2025, then a new service à personne on Tuesday
    # 11 March 2025: the opposition month runs from it, to Friday 11 April 2025 (CPC 1416
    # al. 2); an opposition on Monday 14 April is irrecevable. An act served otherwise (à
    # l'étude) does not start it.
    domicile = (
        ("ordonnance", date(2025, 1, 20)),
        ("signification", SIGNIFIEE_LE, "domicile"),
    )
    faites = _faites(*domicile, ("acte_a_personne", date(2025, 3, 11), "personne"))
    opposition = _etapes(DEPUIS_2022, faites, date(2025, 3, 12))["opposition"]
    assert opposition["date_limite"] == "2025-04-11"
    with pytest.raises(DonneeInvalide, match=r"Délai expiré le 2025-04-11"):
        verifier_etape(DEPUIS_2022, faites, EtapeFaite("opposition", date(2025, 4, 14)))
    a_l_etude = _faites(*domicile, ("acte_a_personne", date(2025, 3, 11), "etude"))
    opposition = _etapes(DEPUIS_2022, a_l_etude, date(2025, 4, 14))["opposition"]
    assert opposition["date_limite"] is None
    assert any("ne fait pas courir le délai d'opposition" in m for m in opposition["motifs"])


@pytest.mark.parametrize("version", [AVANT_2022, DEPUIS_2022, DEPUIS_2026])
def test_les_trois_versions_suivent_l_article_1416_al_2(version: Procedure) -> None:
    ordonnance = version.en_vigueur_du or date(2000, 1, 1)
    faites = _faites(("ordonnance", ordonnance), ("signification", ordonnance, "domicile"))
    opposition = _etapes(version, faites, ordonnance)["opposition"]
    assert opposition["date_limite"] is None
    assert "CPC 1416 al. 2" in opposition["motifs"][0]
    a_personne = _faites(("ordonnance", ordonnance), ("signification", ordonnance, "personne"))
    assert _etapes(version, a_personne, ordonnance)["opposition"]["date_limite"] is not None


def test_le_plan_suppose_une_signification_a_personne_et_le_dit() -> None:
    reserves = _plan(DEPUIS_2022, date(2024, 1, 15))["opposition"]["reserves"]
    assert reserves[0].startswith(
        "Date calculée pour une signification à personne (signification de la requête"
    )
    assert "CPC 1416 al. 2" in reserves[0]
    assert "CPC 643, 644" in reserves[1]


# --- CPC 643, 644: debtor living overseas or abroad ------------------------------------------


def _distance(mois: int, motif: str = "") -> Situation:
    return Situation(augmentation_distance=mois, motif_distance=motif)


@pytest.mark.parametrize(
    ("territoire", "mois", "limite", "execution"),
    [
        # Served à personne Thursday 27 February 2025. Court in Paris, debtor in Paris: one
        # month, Thursday 27 March; enforceable from Friday 28 March (CPC 1416, 1422).
        ("75", 0, "2025-03-27", "2025-03-28"),
        # Debtor in Martinique (CPC 643 1°): one month more, Sunday 27 April -> Monday 28 April
        # (CPC 642 al. 2); enforcement from Tuesday 29 April.
        ("75", 1, "2025-04-28", "2025-04-29"),
        # Debtor abroad (CPC 643 2°): three months, Tuesday 27 May 2025; enforcement from
        # Wednesday 28 May.
        ("75", 2, "2025-05-27", "2025-05-28"),
        # Court in Guadeloupe, debtor abroad (CPC 644): Tuesday 27 May is the abolition of
        # slavery day there (loi 83-550): Wednesday 28 May; enforcement from Thursday 29 May
        # (Ascension: no measure that day, CPCE L141-1, but the delay has run).
        ("971", 2, "2025-05-28", "2025-05-29"),
    ],
)
def test_opposition_et_execution_augmentees_pour_la_distance(
    territoire: str, mois: int, limite: str, execution: str
) -> None:
    faites = _faites(
        ("ordonnance", date(2025, 2, 20)), ("signification", date(2025, 2, 27), "personne")
    )
    etapes = {
        e.etape.code: e.en_dict()
        for e in etat(DEPUIS_2022, faites, date(2025, 3, 3), territoire, _distance(mois)).etapes
    }
    assert etapes["opposition"]["date_limite"] == limite
    assert etapes["premiere_mesure"]["date_au_plus_tot"] == execution


def test_debiteur_a_l_etranger_mois_d_opposition_traversant_le_26_decembre_en_alsace() -> None:
    # Served à personne Friday 26 September 2025 on a debtor living abroad: 1 + 2 months (CPC
    # 1416, 643 2°) to Friday 26 December. Paris: enforceable from Saturday 27. Strasbourg: the
    # 26th is a holiday (C. trav. L3134-13), then the weekend: Monday 29 December (CPC 642 al.
    # 2), enforcement from Tuesday 30.
    faites = _faites(
        ("ordonnance", date(2025, 9, 15)), ("signification", date(2025, 9, 26), "personne")
    )
    abroad = _distance(2, "personne demeurant à l'étranger")
    paris = {
        e.etape.code: e for e in etat(DEPUIS_2022, faites, date(2025, 10, 1), "75", abroad).etapes
    }
    strasbourg = etat(DEPUIS_2022, faites, date(2025, 10, 1), "67", abroad)
    assert paris["opposition"].en_dict()["date_limite"] == "2025-12-26"
    assert paris["premiere_mesure"].en_dict()["date_au_plus_tot"] == "2025-12-27"
    mesure = {e.etape.code: e for e in strasbourg.etapes}["premiere_mesure"]
    assert mesure.au_plus_tot is not None and mesure.au_plus_tot.jour == date(2025, 12, 30)
    assert mesure.motifs == (
        "Pas avant le 2025-12-30 : 1 mois augmenté de 2 mois (CPC 643, 644) à compter de "
        "signification de la requête et de l'ordonnance au débiteur (CPC 1422).",
    )
    assert "augmenté de 2 mois (CPC 643, 644 : personne demeurant à l'étranger)" in (
        mesure.au_plus_tot.motif
    )
    assert mesure.au_plus_tot.en_dict()["augmentation_distance"] == 2


def test_depuis_septembre_2026_les_deux_mois_augmentes_pour_la_distance() -> None:
    # Served à personne Tuesday 8 September 2026, debtor in La Réunion, court in Paris (CPC 643
    # 1°): opposition to Thursday 8 October + 1 month = Sunday 8 November -> Monday 9
    # November; the two months of décret 2026-96 + 1 = Tuesday 8 December 2026: enforcement
    # from Wednesday 9 December.
    faites = _faites(
        ("ordonnance", date(2026, 9, 1)), ("signification", date(2026, 9, 8), "personne")
    )
    etapes = {
        e.etape.code: e.en_dict()
        for e in etat(DEPUIS_2026, faites, date(2026, 9, 10), "75", _distance(1)).etapes
    }
    assert etapes["opposition"]["date_limite"] == "2026-11-09"
    assert etapes["premiere_mesure"]["date_au_plus_tot"] == "2026-12-09"


def test_avant_2022_formule_executoire_augmentee_pour_la_distance() -> None:
    # Served à domicile Thursday 17 June 2021 on a debtor living in Guyane (CPC 643 1°): the
    # opposition month of 1416 al. 1 + 1 month ends Tuesday 17 August 2021 whatever the mode
    # of service (CPC 1422 ancien): the formule may be asked for from Wednesday 18 August, and
    # must be within the month that follows, by Friday 17 September (CPC 1423 ancien). The
    # opposition itself has no deadline (not served à personne, CPC 1416 al. 2).
    faites = _faites(
        ("ordonnance", date(2021, 6, 10)), ("signification", date(2021, 6, 17), "domicile")
    )
    etapes = {
        e.etape.code: e.en_dict()
        for e in etat(AVANT_2022, faites, date(2021, 7, 1), "75", _distance(1)).etapes
    }
    assert etapes["demande_formule_executoire"]["date_au_plus_tot"] == "2021-08-18"
    assert etapes["demande_formule_executoire"]["date_limite"] == "2021-09-17"
    assert etapes["opposition"]["date_limite"] is None


def test_le_plan_peut_compter_la_distance() -> None:
    # Ordonnance Monday 15 January 2024 served the same day, debtor abroad: opposition to
    # Monday 15 April 2024 (1 + 2 months), enforcement from Tuesday 16 April.
    etapes = {
        e.etape.code: e.en_dict()
        for e in plan(DEPUIS_2022, date(2024, 1, 15), augmentation_distance=2)
    }
    assert etapes["opposition"]["date_limite"] == "2024-04-15"
    assert etapes["premiere_mesure"]["date_au_plus_tot"] == "2024-04-16"
    assert not any("CPC 643, 644" in r for r in etapes["opposition"]["reserves"])
