"""Bloc 1 exercises (issue 7): the engine's answer scores 100, every trap changes the expected
answer, a wrong answer gets the right explanation and article, same seed same scenario."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

import pytest

from clerc.formation.bloc1 import (
    PIEGES_EVIDENTS,
    TYPES_BLOC_1,
    DecompteExercice,
    Mesures,
    QualifierTitre,
    Risques,
)
from clerc.formation.exercices import corriger, exercice, nouvel_exercice, solution
from clerc.formation.identifiant import NIVEAUX
from clerc.formation.scenarios import Scenario, etude_formation
from clerc.office.generateur import PIEGES
from clerc.rules.analyse import DossierExamine
from clerc.rules.decompte import Creance, creance_depuis_dict, decompte
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.interets import RegimeInterets
from clerc.rules.monnaie import en_texte
from tests.formation.conftest import AU, GRAINE, avec_piege, sans_piege


@pytest.mark.parametrize("niveau", list(NIVEAUX))
@pytest.mark.parametrize("type_exercice", list(TYPES_BLOC_1))
def test_la_reponse_du_moteur_obtient_cent_a_chaque_type_et_niveau(
    type_exercice: str, niveau: str
) -> None:
    ex = nouvel_exercice(1, niveau, GRAINE, AU, type_exercice)
    identifiant = str(ex.identifiant)
    assert identifiant == f"B1-{type_exercice}-{niveau}-{GRAINE}-20261130"
    notation = corriger(identifiant, solution(identifiant))
    assert (notation.score, notation.corrections) == (100, [])
    donne = ex.en_dict()
    assert set(donne) == {"exercice", "bloc", "consigne", "dossier", "format_reponse"}
    assert donne["bloc"] == 1 and donne["dossier"]["au"] == "2026-11-30"


def test_le_niveau_regle_les_pieges_proposes(scenarios: tuple[Scenario, ...]) -> None:
    for type_ in TYPES_BLOC_1.values():
        for s in scenarios:
            if not type_.eligible(s) or s.piege not in type_.pieges_pertinents:
                continue
            niveaux = type_.niveaux(s)
            assert ("debutant" in niveaux) == (s.piege in PIEGES_EVIDENTS), (type_.code, s.piege)
            assert "intermediaire" in niveaux


def test_la_meme_graine_donne_le_meme_scenario() -> None:
    premier = nouvel_exercice(1, "confirme", 7, AU, "risques").en_dict()
    etude_formation.cache_clear()  # generated again from scratch
    second = exercice(premier["exercice"]).en_dict()
    assert second == premier
    autre = nouvel_exercice(1, "confirme", 8, AU, "risques").en_dict()
    assert autre["dossier"] != premier["dossier"]


def test_le_type_est_tire_de_la_graine_quand_il_n_est_pas_donne() -> None:
    types = [nouvel_exercice(1, "debutant", g, AU).identifiant.type for g in (40, 41, 42, 43)]
    assert sorted(types) == sorted(TYPES_BLOC_1)


def test_le_dossier_remis_ne_devoile_ni_piege_ni_analyse(scenarios: tuple[Scenario, ...]) -> None:
    s = avec_piege(scenarios, "liquidation_judiciaire")
    texte = repr(s.vue)
    for mot in ("piege", "alerte", "risques", "mesures", "executoire_depuis", "date_limite_rev"):
        assert mot not in texte
    # ...but the facts are there: the protection, the liquidator.
    debiteur = s.vue["debiteurs"][0]
    assert debiteur["protections"][0]["nature"] == "liquidation_judiciaire"
    assert debiteur["representants"][0]["qualite"] == "Liquidateur judiciaire"


# --- every trap changes the expected answer -----------------------------------------------------


def test_l_etude_d_entrainement_contient_tous_les_pieges(scenarios: tuple[Scenario, ...]) -> None:
    assert {s.piege for s in scenarios if s.piege} == set(PIEGES)


@pytest.mark.parametrize("code", list(PIEGES))
def test_chaque_piege_change_la_reponse_attendue(
    scenarios: tuple[Scenario, ...], code: str
) -> None:
    s = avec_piege(scenarios, code)
    neutre = sans_piege(s)
    changes = []
    for type_ in TYPES_BLOC_1.values():
        if code not in type_.pieges_pertinents or not type_.eligible(s):
            continue
        assert type_.solution(s) != type_.solution(neutre), (type_.code, code)
        changes.append(type_.code)
    # The risk is always one to find, with its code, and only because of the trap.
    assert "risques" in changes
    assert code in Risques().solution(s)["risques"]
    assert code not in Risques().solution(neutre)["risques"]


def test_les_pieges_du_titre_le_rendent_non_executoire(scenarios: tuple[Scenario, ...]) -> None:
    attendu = {
        "titre_prescrit": ["prescription"],
        "jugement_non_signifie": ["signification"],
        "injonction_non_signifiee_6_mois": ["non_avenu"],
        "debiteur_decede": ["heritiers"],
    }
    for code, conditions in attendu.items():
        s = avec_piege(scenarios, code)
        reponse = QualifierTitre().solution(s)
        assert reponse == {"executoire": False, "conditions_manquantes": conditions}, code
        assert QualifierTitre().solution(sans_piege(s))["executoire"] is True, code


def test_la_liquidation_ne_laisse_que_la_declaration_de_creance(
    scenarios: tuple[Scenario, ...],
) -> None:
    s = avec_piege(scenarios, "liquidation_judiciaire")
    assert Mesures().solution(s) == {"mesures": ["declaration_creance"]}
    assert "saisie_attribution_compte" in Mesures().solution(sans_piege(s))["mesures"]


def test_une_creance_alimentaire_met_le_paiement_direct_en_premier(
    scenarios: tuple[Scenario, ...],
) -> None:
    """CPCE L213-1, L213-4: the paiement direct first; without the maintenance title it is
    out of place (CPCE L213-1)."""
    s = avec_piege(scenarios, "creance_alimentaire")
    assert Mesures().solution(s)["mesures"][0] == "paiement_direct"
    neutre = sans_piege(s)
    assert "paiement_direct" not in Mesures().solution(neutre)["mesures"]
    notation = Mesures().corriger(neutre, {"mesures": ["paiement_direct"]})
    (faute,) = [c for c in notation.corrections if c["attendu"] == "sans objet"]
    assert faute["article"] == "CPCE L213-1"


def test_un_compte_sous_le_sbi_passe_apres_les_autres_mesures(
    scenarios: tuple[Scenario, ...],
) -> None:
    """CPCE L162-2, R162-2: the balance the bank declared is below the SBI of the date (RSA
    for one person, 651,69 € from 1 April 2026): nothing to expect from the account."""
    s = avec_piege(scenarios, "solde_bancaire_insaisissable")
    (solde,) = s.examine.soldes_bancaires
    assert solde.solde < Decimal("651.69")
    compte = next(m for m in s.fiche.mesures if m.procedure == "saisie_attribution_compte")
    assert compte.rendement_estime == Decimal("0.00")
    ordre = Mesures().solution(s)["mesures"]
    assert ordre[0] != "saisie_attribution_compte"
    assert Mesures().solution(sans_piege(s))["mesures"][0] == "saisie_attribution_compte"
    (alerte,) = [a for a in s.fiche.alertes if a.code == "solde_bancaire_insaisissable"]
    assert "651,69" in alerte.message and alerte.article == "CPCE L162-2, R162-2"


# --- wrong answers: the right explanation and article ------------------------------------------


def _correction(corrections: list[dict[str, str]], point: str) -> dict[str, str]:
    return next(c for c in corrections if c["point"] == point)


def test_un_titre_non_signifie_declare_executoire_est_corrige_par_cpc_503(
    scenarios: tuple[Scenario, ...],
) -> None:
    s = avec_piege(scenarios, "jugement_non_signifie")
    notation = QualifierTitre().corriger(s, {"executoire": True, "conditions_manquantes": []})
    assert notation.score == 0
    executoire = _correction(notation.corrections, "executoire")
    assert (executoire["attendu"], executoire["donne"]) == ("non", "oui")
    condition = _correction(notation.corrections, "condition « signification »")
    assert condition["article"] == "CPC 503"
    assert "non signifiée" in condition["explication"]
    # Citing a condition that is met costs a point, explained by the engine's check.
    faux = QualifierTitre().corriger(
        s, {"executoire": False, "conditions_manquantes": ["signification", "formule_executoire"]}
    )
    formule = _correction(faux.corrections, "condition « formule_executoire »")
    assert formule["article"] == "CPC 502" and formule["attendu"] == "remplie"
    assert faux.score == 80  # 3 + 1 earned out of 3 + 1 + 1


def test_un_titre_prescrit_oublie_est_corrige_par_cpce_l111_4(
    scenarios: tuple[Scenario, ...],
) -> None:
    s = avec_piege(scenarios, "titre_prescrit")
    notation = QualifierTitre().corriger(s, {"executoire": False, "conditions_manquantes": []})
    assert notation.score == 75
    correction = _correction(notation.corrections, "condition « prescription »")
    assert correction["article"] == "CPCE L111-4"
    assert "Prescription acquise" in correction["explication"]


def test_un_risque_manque_est_explique_par_le_message_et_l_article_du_moteur(
    scenarios: tuple[Scenario, ...],
) -> None:
    s = avec_piege(scenarios, "liquidation_judiciaire")
    alerte = next(a for a in s.fiche.alertes if a.code == "liquidation_judiciaire")
    notation = Risques().corriger(s, {"risques": ["majeur_protege"]})
    manque = _correction(notation.corrections, "risque « liquidation_judiciaire »")
    assert manque["explication"] == alerte.message
    assert manque["article"] == "C. com. L641-3, L622-21"
    faux = _correction(notation.corrections, "risque « majeur_protege »")
    assert faux["attendu"] == "non caractérisé" and "C. civ. 467" in faux["article"]
    assert notation.score == 0


def test_une_saisie_contre_un_debiteur_en_liquidation_est_une_erreur_motivee(
    scenarios: tuple[Scenario, ...],
) -> None:
    s = avec_piege(scenarios, "liquidation_judiciaire")
    notation = Mesures().corriger(s, {"mesures": ["saisie_attribution_compte"]})
    erreur = _correction(notation.corrections, "mesure « saisie_attribution_compte »")
    assert erreur["attendu"] == "impossible"
    assert "procédure collective" in erreur["explication"]
    assert erreur["article"] == "CPCE L211-1, L211-2, R211-1, R211-3"
    oubli = _correction(notation.corrections, "mesure « declaration_creance »")
    assert oubli["article"] == "C. com. L622-24, L622-26, R622-24"
    assert notation.score == 0


def test_un_ordre_inverse_des_mesures_perd_les_points_d_ordre(
    scenarios: tuple[Scenario, ...],
) -> None:
    s = next(
        x for x in scenarios if Mesures().eligible(x) and len(Mesures().solution(x)["mesures"]) >= 3
    )
    attendues = Mesures().solution(s)["mesures"]
    notation = Mesures().corriger(s, {"mesures": list(reversed(attendues))})
    points = [c["point"] for c in notation.corrections]
    assert "première mesure" in points
    assert f"ordre « {attendues[0]} » avant « {attendues[1]} »" in points
    assert 0 < notation.score < 100


def _scenario_decompte(scenarios: tuple[Scenario, ...]) -> Scenario:
    """A file with payments and the L313-3 majoration running at the date."""
    return next(
        s
        for s in scenarios
        if DecompteExercice().eligible(s)
        and s.creance is not None
        and s.creance.regime.majoration_depuis is not None
        and s.creance.regime.majoration_depuis < AU
        and s.examine.decompte is not None
        and s.examine.decompte.imputations
        and s.examine.decompte.frais > 0
    )


def test_le_dossier_remis_suffit_a_calculer_le_decompte_attendu(
    scenarios: tuple[Scenario, ...],
) -> None:
    for s in scenarios:
        if not DecompteExercice().eligible(s):
            continue
        recalcule = decompte(creance_depuis_dict(s.vue["creance"]), AU)
        attendu = DecompteExercice().solution(s)
        assert en_texte(recalcule.total) == attendu["total"], s.reference
        assert en_texte(recalcule.interets_echus) == attendu["interets"], s.reference


def test_un_decompte_faux_d_un_centime_est_corrige_au_centime(
    scenarios: tuple[Scenario, ...],
) -> None:
    s = _scenario_decompte(scenarios)
    juste = DecompteExercice().solution(s)
    reponse = copy.deepcopy(juste)
    reponse["total"] = en_texte(Decimal(juste["total"]) + Decimal("0.01"))
    reponse["interets"] = en_texte(Decimal(juste["interets"]) - Decimal("1.00"))
    reponse["imputation"]["frais"], reponse["imputation"]["interets"] = (
        juste["imputation"]["interets"],
        juste["imputation"]["frais"],
    )
    notation = DecompteExercice().corriger(s, reponse)
    total = _correction(notation.corrections, "total")
    assert (total["attendu"], total["donne"]) == (juste["total"], reponse["total"])
    assert "C. civ. 1343-1" in total["article"]
    interets = _correction(notation.corrections, "interets")
    assert "L313-3" in interets["article"]
    assert "majoré de cinq points" in interets["explication"]
    assert "(majoré)" in interets["explication"]  # the traced periods, with their rate
    imputation = _correction(notation.corrections, "imputation.interets")
    assert imputation["article"] == "C. civ. 1343-1"
    assert "d'abord sur les frais, puis sur les intérêts" in imputation["explication"]
    # Weights: 7 amounts (interest 2, total 3: 10) + 3 imputation parts = 13; lost: total 3,
    # interest 2, two imputation parts 2; earned 6 of 13 = 46 %.
    assert notation.score == 46


def test_decompte_du_service_public_deux_mille_euros_sur_trente_jours() -> None:
    """Published example I1 (service-public.fr, fiche F20688): 2 000 € at the 2020-S2 legal
    rate for private creditors (3,11 %) over 30 days = 5,11 €."""
    creance = Creance(
        principal=Decimal("2000.00"),
        date=date(2020, 7, 1),
        regime=RegimeInterets(mode="legal", categorie="particulier"),
    )
    au = date(2020, 7, 31)
    s = Scenario(
        reference="EXEMPLE-I1",
        au=au,
        examine=DossierExamine(
            reference="EXEMPLE-I1",
            nature="judiciaire",
            principal=creance.principal,
            date_creance=creance.date,
            decompte=decompte(creance, au),
        ),
        creance=creance,
    )
    reponse = DecompteExercice().solution(s)
    assert (reponse["interets"], reponse["total"]) == ("5.11", "2005.11")
    assert DecompteExercice().corriger(s, reponse).score == 100
    faux = DecompteExercice().corriger(s, {**reponse, "interets": "5.12"})
    interets = _correction(faux.corrections, "interets")
    assert "3,11" in interets["explication"] and "30 j" in interets["explication"]
    assert interets["article"] == "C. mon. fin. L313-2 ; C. civ. 1231-7"


# --- identifiers and answers: French errors ------------------------------------------------------


@pytest.mark.parametrize(
    ("identifiant", "message"),
    [
        ("n'importe quoi", "mal formé"),
        ("B1-decompte-debutant-42-20261331", "date « 20261331 » impossible"),
        ("B1-decompte-expert-42-20261130", "niveau « expert » inconnu"),
        ("B1-plaidoirie-debutant-42-20261130", "type d'exercice « plaidoirie » inconnu"),
        ("B2-plaidoirie-debutant-42-20261130", "inconnu pour le bloc 2"),
        ("B9-decompte-debutant-42-20261130", "bloc 9 inconnu"),
    ],
)
def test_un_identifiant_invalide_est_refuse_en_francais(identifiant: str, message: str) -> None:
    with pytest.raises(DonneeInvalide, match=message):
        exercice(identifiant)


def test_le_bloc_3_donne_desormais_un_exercice() -> None:
    # bloc 3 is available (tests/formation/test_bloc3.py); blocs 2 and 4 have their own tests
    assert nouvel_exercice(3, "debutant", 42, AU).en_dict()["bloc"] == 3


def test_une_reponse_mal_formee_est_refusee_sans_etre_notee(
    scenarios: tuple[Scenario, ...],
) -> None:
    s = avec_piege(scenarios, "liquidation_judiciaire")
    with pytest.raises(DonneeInvalide, match="code\\(s\\) inconnu\\(s\\) faillite"):
        Risques().corriger(s, {"risques": ["faillite"]})
    with pytest.raises(DonneeInvalide, match="champ\\(s\\) manquant\\(s\\) mesures"):
        Mesures().corriger(s, {})
    with pytest.raises(DonneeInvalide, match="true ou false"):
        QualifierTitre().corriger(s, {"executoire": "oui", "conditions_manquantes": []})
    with pytest.raises(DonneeInvalide, match="montant non exact"):
        DecompteExercice().corriger(
            _scenario_decompte(scenarios),
            {**DecompteExercice().solution(_scenario_decompte(scenarios)), "total": 12.5},
        )
