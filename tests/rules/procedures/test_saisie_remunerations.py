"""Saisie des rémunérations: the court procedure before 1 July 2025 and the new one after.

Dates are counted by hand from the articles: CPC 641 al. 1 (days: the day of the act does not
count), CPC 641 al. 2 (months: same quantième), CPC 642 al. 2 (a delay ending on a Saturday,
Sunday or holiday runs to the next working day). "Pas avant" dates are the day after the delay
has fully run.
"""

from __future__ import annotations

from datetime import date

import pytest

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.chargement import procedure
from clerc.rules.procedures.gardes import PROCEDURE_COLLECTIVE, SURENDETTEMENT, Situation
from clerc.rules.procedures.moteur import EtapeFaite, etat, plan, verifier_etape
from tests.rules.procedures.outils import faites as _faites

CODE = "saisie_remunerations"
COMMANDEMENT = date(2025, 10, 6)  # Monday


def _nouvelle():
    return procedure(CODE, COMMANDEMENT)


def _plan(depuis: date, territoire: str = "75") -> dict[str, dict[str, object]]:
    return {e.etape.code: e.en_dict() for e in plan(procedure(CODE, depuis), depuis, territoire)}


# Commandement served and inscribed the same day, répartiteur asked, PV on its first day.
AVANT_PV = (
    ("commandement", COMMANDEMENT),
    ("inscription_commandement", COMMANDEMENT),
    ("designation_repartiteur", COMMANDEMENT),
)
PV = date(2025, 11, 7)  # Friday


def test_la_version_suit_la_date_du_premier_acte() -> None:
    assert procedure(CODE, date(2025, 6, 30)).version == "avant-2025-07-01"
    assert procedure(CODE, date(2019, 3, 1)).version == "avant-2025-07-01"
    assert procedure(CODE, date(2025, 7, 1)).version == "2025-07-01"
    assert procedure(CODE, date(2025, 6, 30)).premiere.code == "requete"
    assert procedure(CODE, date(2025, 7, 1)).premiere.code == "commandement"


def test_plan_nominal_de_la_nouvelle_procedure() -> None:
    etapes = _plan(COMMANDEMENT)
    # R212-1-2: the day of service or the first working day after: Tuesday 7 October.
    assert etapes["inscription_commandement"]["date_limite"] == "2025-10-07"
    assert etapes["inscription_commandement"]["sanction"]["nature"] == "caducite"
    # L212-4: a contestation is suspensive within one month: Thursday 6 November.
    assert etapes["contestation"]["date_limite"] == "2025-11-06"
    # L212-2: one month after the commandement (6 November at 24:00), so from Friday 7;
    # L212-6: within three months, Tuesday 6 January 2026, else the commandement is caduc.
    assert etapes["pv_saisie"]["date_au_plus_tot"] == "2025-11-07"
    assert etapes["pv_saisie"]["date_limite"] == "2026-01-06"
    assert etapes["pv_saisie"]["date_prevue"] == PV.isoformat()
    # R212-1-12: PV of Friday 7 November, first working day after is Saturday 8, a delay that
    # CPC 642 al. 2 carries to Monday 10 November.
    assert etapes["inscription_pv"]["date_limite"] == "2025-11-10"
    # Dénonciation within 8 days: Saturday 15 November, so Monday 17 (CPC 642 al. 2).
    assert etapes["denonciation"]["date_limite"] == "2025-11-17"
    assert etapes["denonciation"]["sanction"]["nature"] == "caducite"
    # Employer's declaration within 15 days: Saturday 22 November, so Monday 24.
    assert etapes["declaration_employeur"]["date_limite"] == "2025-11-24"
    # Distribution at least every six weeks after a payment: 7 November + 42 days = 19 December.
    assert etapes["repartition"]["date_limite"] == "2025-12-19"
    assert etapes["commandement"]["acte_tarif"] == "commandement_saisie_remunerations"
    assert etapes["pv_saisie"]["acte_tarif"] == "pv_saisie_remunerations"
    assert etapes["lettre_accord"]["optionnelle"] and etapes["pv_accord"]["optionnelle"]


def test_plan_nominal_de_l_ancienne_procedure() -> None:
    requete = date(2024, 10, 7)  # Monday, convocation sent the same day
    etapes = _plan(requete)
    assert etapes["requete"]["acte_tarif"] == "requete_saisie_remunerations"
    # R3252-16: convened at least fifteen days before the hearing: 7 + 15 = 22 October at
    # 24:00, so the hearing from Wednesday 23 October.
    assert etapes["audience_conciliation"]["date_au_plus_tot"] == "2024-10-23"
    # R3252-24: the employer declares within 15 days of the acte de saisie (23 October):
    # Thursday 7 November.
    assert etapes["declaration_employeur"]["date_limite"] == "2024-11-07"
    # R3252-34: distribution at least every six months: 23 April 2025.
    assert etapes["repartition"]["date_limite"] == "2025-04-23"


def test_commandement_non_inscrit_le_lendemain_caduc() -> None:
    resultat = etat(_nouvelle(), _faites(("commandement", COMMANDEMENT)), date(2025, 10, 8))
    assert resultat.statut == "caduque"
    assert "le commandement est caduc" in resultat.motif
    assert "R212-1-2" in resultat.motif
    with pytest.raises(DonneeInvalide, match="caduque"):
        verifier_etape(
            _nouvelle(),
            _faites(("commandement", COMMANDEMENT)),
            EtapeFaite("inscription_commandement", date(2025, 10, 8)),
        )


def test_pas_de_proces_verbal_de_saisie_dans_les_trois_mois() -> None:
    resultat = etat(_nouvelle(), _faites(*AVANT_PV), date(2026, 1, 7))
    assert resultat.statut == "caduque"
    assert "le commandement est caduc (CPCE L212-6)" in resultat.motif
    # The day before, the office may still serve it.
    assert etat(_nouvelle(), _faites(*AVANT_PV), date(2026, 1, 6)).statut == "en_cours"


def test_proces_verbal_d_accord_ecarte_la_caducite() -> None:
    faites = _faites(
        *AVANT_PV, ("lettre_accord", date(2025, 10, 20)), ("pv_accord", date(2025, 11, 20))
    )
    resultat = etat(_nouvelle(), faites, date(2026, 2, 1))
    assert resultat.statut == "en_cours"
    etapes = {e.etape.code: e for e in resultat.etapes}
    assert etapes["pv_saisie"].statut == "sans_objet"
    assert etapes["inscription_accord"].statut == "possible"
    # The agreement is broken: the saisie resumes by a new PV, which needs the resumption.
    assert etapes["pv_saisie_reprise"].statut == "bloquee"
    faites += _faites(("reprise_apres_accord", date(2026, 2, 2)))
    verifier_etape(_nouvelle(), faites, EtapeFaite("pv_saisie_reprise", date(2026, 2, 3)))


def test_proces_verbal_de_saisie_trop_tot() -> None:
    with pytest.raises(DonneeInvalide, match=r"Pas avant le 2025-11-07.*CPCE L212-2"):
        verifier_etape(_nouvelle(), _faites(*AVANT_PV), EtapeFaite("pv_saisie", date(2025, 11, 6)))
    verifier_etape(_nouvelle(), _faites(*AVANT_PV), EtapeFaite("pv_saisie", PV))


def test_proces_verbal_sans_repartiteur_ni_inscription() -> None:
    with pytest.raises(DonneeInvalide, match="répartiteur"):
        verifier_etape(
            _nouvelle(),
            _faites(("commandement", COMMANDEMENT), ("inscription_commandement", COMMANDEMENT)),
            EtapeFaite("pv_saisie", PV),
        )


def test_proces_verbal_non_inscrit_caduc() -> None:
    faites = _faites(*AVANT_PV, ("pv_saisie", PV))
    assert etat(_nouvelle(), faites, date(2025, 11, 10)).statut == "en_cours"
    resultat = etat(_nouvelle(), faites, date(2025, 11, 11))
    assert resultat.statut == "caduque"
    assert "le procès-verbal de saisie est caduc (CPCE R212-1-12)" in resultat.motif


def test_saisie_non_denoncee_dans_les_huit_jours_caduque() -> None:
    faites = _faites(*AVANT_PV, ("pv_saisie", PV), ("inscription_pv", PV))
    resultat = etat(_nouvelle(), faites, date(2025, 11, 18))
    assert resultat.statut == "caduque"
    assert "la saisie est caduque (CPCE R212-1-13)" in resultat.motif
    faites += _faites(("denonciation", date(2025, 11, 17)))
    assert etat(_nouvelle(), faites, date(2025, 11, 18)).statut == "en_cours"


def test_contestation_suspensive_puis_reprise() -> None:
    faites = _faites(*AVANT_PV, ("contestation", date(2025, 10, 30)))
    etapes = {e.etape.code: e for e in etat(_nouvelle(), faites, date(2026, 2, 1)).etapes}
    # No caducité while the contestation suspends: the ordinary PV is set aside.
    assert etapes["pv_saisie"].statut == "sans_objet"
    faites += _faites(("decision_jex", date(2026, 2, 10)))
    verifier_etape(_nouvelle(), faites, EtapeFaite("pv_saisie_reprise", date(2026, 2, 12)))
    faites += _faites(("pv_saisie_reprise", date(2026, 2, 12)))
    etapes = {e.etape.code: e for e in etat(_nouvelle(), faites, date(2026, 2, 12)).etapes}
    # The delays after the PV run from the PV after resumption: 12 + 8 = Friday 20 February.
    assert etapes["denonciation"].au_plus_tard is not None
    assert etapes["denonciation"].au_plus_tard.jour == date(2026, 2, 20)


def test_contestation_apres_le_mois_n_est_plus_suspensive() -> None:
    with pytest.raises(DonneeInvalide, match=r"2025-11-06.*CPCE L212-4"):
        verifier_etape(
            _nouvelle(), _faites(*AVANT_PV), EtapeFaite("contestation", date(2025, 11, 7))
        )


def test_gardes_du_commandement() -> None:
    for situation, article in (
        (Situation(titre_executoire=False), "CPCE L111-2"),
        (Situation(risques=frozenset({SURENDETTEMENT})), "C. conso L722-2"),
        (Situation(risques=frozenset({PROCEDURE_COLLECTIVE})), "C. com. L622-21"),
        (Situation(titre_executoire=True, titre_signifie_le=None), "CPC 503"),
    ):
        with pytest.raises(DonneeInvalide, match=article):
            verifier_etape(
                _nouvelle(), (), EtapeFaite("commandement", COMMANDEMENT), situation=situation
            )
    # A Sunday service is refused (CPC 664).
    with pytest.raises(DonneeInvalide, match="CPC 664"):
        verifier_etape(_nouvelle(), (), EtapeFaite("commandement", date(2025, 10, 5)))


def test_garde_au_jour_du_proces_verbal() -> None:
    # Debtor admitted to surendettement after the commandement: the PV is refused.
    situation = Situation(risques=frozenset({SURENDETTEMENT}))
    with pytest.raises(DonneeInvalide, match=r"C\. conso L722-2"):
        verifier_etape(
            _nouvelle(), _faites(*AVANT_PV), EtapeFaite("pv_saisie", PV), situation=situation
        )


def test_inscription_en_alsace_moselle_apres_noel() -> None:
    # Commandement on Wednesday 24 December 2025. In Paris the first working day after is
    # Friday 26 (25 is Christmas). In the Bas-Rhin, 26 December is a holiday too
    # (C. trav. L3134-13): the working day counted is Saturday 27, carried by CPC 642 al. 2 to
    # Monday 29 December.
    noel = date(2025, 12, 24)
    assert _plan(noel, "75")["inscription_commandement"]["date_limite"] == "2025-12-26"
    assert _plan(noel, "67")["inscription_commandement"]["date_limite"] == "2025-12-29"


def test_inscription_la_veille_du_vendredi_saint() -> None:
    # Commandement on Thursday 2 April 2026 in the Bas-Rhin: Good Friday is a holiday only in
    # some communes. The office keeps the earliest date: Friday 3 April.
    assert _plan(date(2026, 4, 2), "67")["inscription_commandement"]["date_limite"] == "2026-04-03"


def test_ancienne_procedure_audience_trop_tot_et_declaration_expiree() -> None:
    ancienne = procedure(CODE, date(2024, 10, 7))
    faites = _faites(("requete", date(2024, 10, 7)), ("convocation", date(2024, 10, 7)))
    with pytest.raises(DonneeInvalide, match=r"2024-10-23.*R3252-16"):
        verifier_etape(ancienne, faites, EtapeFaite("audience_conciliation", date(2024, 10, 22)))
    faites += _faites(
        ("audience_conciliation", date(2024, 10, 23)),
        ("non_conciliation", date(2024, 10, 23)),
        ("acte_saisie", date(2024, 10, 25)),
    )
    # The employer had until Saturday 9 November, carried to Tuesday 12 (11 November is a
    # holiday, CPC 642 al. 2).
    etapes = {e.etape.code: e for e in etat(ancienne, faites, date(2024, 11, 13)).etapes}
    assert etapes["declaration_employeur"].statut == "expiree"
    assert "2024-11-12" in etapes["declaration_employeur"].motifs[0]
    # The requête carries the guards of any enforcement measure.
    with pytest.raises(DonneeInvalide, match="CPCE L111-2"):
        verifier_etape(
            ancienne,
            (),
            EtapeFaite("requete", date(2024, 10, 7)),
            situation=Situation(titre_executoire=False),
        )


def test_ancienne_procedure_conciliation_puis_manquement() -> None:
    ancienne = procedure(CODE, date(2024, 10, 7))
    faites = _faites(
        ("requete", date(2024, 10, 7)),
        ("convocation", date(2024, 10, 7)),
        ("audience_conciliation", date(2024, 10, 23)),
        ("conciliation", date(2024, 10, 23)),
    )
    etapes = {e.etape.code: e for e in etat(ancienne, faites, date(2024, 12, 1)).etapes}
    assert etapes["non_conciliation"].statut == "sans_objet"
    assert etapes["acte_saisie"].statut == "bloquee"
    faites += _faites(("manquement_conciliation", date(2024, 12, 2)))
    verifier_etape(ancienne, faites, EtapeFaite("acte_saisie", date(2024, 12, 5)))
    faites += _faites(
        ("acte_saisie", date(2024, 12, 5)), ("transfert_commissaire_justice", date(2025, 7, 1))
    )
    assert etat(ancienne, faites, date(2025, 7, 2)).statut == "terminee"
