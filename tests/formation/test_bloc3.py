"""Bloc 3: reply to a message (choice + justification), payment plan, report to the creditor,
all graded against the engine's facts on the file."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from clerc.cli.formation import formation_app
from clerc.formation import exercices as module_exercices
from clerc.formation.bloc3 import TYPES_BLOC_3, _date_limite, cas_dossiers
from clerc.formation.bloc3_commun import ARTICLE_SECRET, Cas, finances, motif_montant
from clerc.formation.bloc3_messages import CONSTRUCTEURS, cas_messages, situations
from clerc.formation.bloc3_reponses import CasMessage
from clerc.formation.exercices import corriger, exercice, nouvel_exercice, solution
from clerc.formation.identifiant import NIVEAUX
from clerc.formation.rubriques import plier
from clerc.formation.scenarios import Scenario, etude_formation
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.monnaie import en_texte, format_euros
from clerc.rules.saisie_remunerations import quotite_saisissable
from clerc.rules.sbi import solde_bancaire_insaisissable

from .conftest import AU, GRAINE, avec_piege, sans_piege

MESSAGES = TYPES_BLOC_3["repondre_message"]
ECHEANCIER = TYPES_BLOC_3["echeancier"]
RAPPORT = TYPES_BLOC_3["compte_rendu_creancier"]


def _eligibles(type_: Any, graine: int = GRAINE) -> list[Any]:
    return [c for c in type_.scenarios(graine, AU) if type_.eligible(c)]


def _message(situation: str) -> CasMessage:
    return next(c for c in cas_messages(GRAINE, AU) if c.situation == situation)


def _option(c: CasMessage, juste: bool, contient: str = "") -> str:
    assert c.message is not None
    for i, o in enumerate(c.message.options):
        if o.juste == juste and contient in o.texte:
            return "ABCDE"[i]
    raise AssertionError(f"pas d'option {juste} contenant {contient!r}")


# --- the engine's answer scores 100 -----------------------------------------------------------


@pytest.mark.parametrize("graine", [GRAINE, 7])
@pytest.mark.parametrize("code", list(TYPES_BLOC_3))
def test_la_reponse_du_moteur_obtient_100_sur_chaque_dossier(code: str, graine: int) -> None:
    type_ = TYPES_BLOC_3[code]
    cas = _eligibles(type_, graine)
    assert cas
    for c in cas:
        notation = type_.corriger(c, type_.solution(c))
        assert notation.score == 100 and notation.corrections == [], (c.reference, notation)


@pytest.mark.parametrize("niveau", NIVEAUX)
@pytest.mark.parametrize("code", list(TYPES_BLOC_3))
def test_chaque_type_et_niveau_donne_un_exercice_corrige_a_100(code: str, niveau: str) -> None:
    graine = GRAINE if not (code == "echeancier" and niveau == "confirme") else 7
    ex = nouvel_exercice(3, niveau, graine, AU, code)
    donne = ex.en_dict()
    assert donne["bloc"] == 3 and donne["exercice"] == f"B3-{code}-{niveau}-{graine}-20261130"
    assert corriger(donne["exercice"], solution(donne["exercice"])).score == 100
    json.dumps(donne)  # JSON-ready


def test_les_trois_types_couvrent_les_situations_prevues() -> None:
    vues = {c.situation for c in cas_messages(GRAINE, AU)}
    assert vues == {
        "delais", "secret", "sbi", "remunerations", "creancier_presse", "surendettement",
        "liquidation", "deces", "treve", "fonds_creancier", "creancier_bloque",
    }  # fmt: skip
    for c in cas_messages(GRAINE, AU):
        assert c.message is not None and 3 <= len(c.message.options) <= 5
        assert sum(o.juste for o in c.message.options) == 1


# --- same seed, same exercise -----------------------------------------------------------------


def test_meme_graine_meme_exercice_et_autre_graine_autre_message() -> None:
    identifiant = "B3-repondre_message-debutant-42-20261130"
    avant = exercice(identifiant).en_dict()
    etude_formation.cache_clear()
    cas_messages.cache_clear()
    cas_dossiers.cache_clear()
    assert exercice(identifiant).en_dict() == avant
    autre = nouvel_exercice(3, "debutant", 7, AU, "repondre_message").en_dict()
    assert autre["dossier"]["message"] != avant["dossier"]["message"]


def test_le_budget_du_debiteur_vient_de_la_graine() -> None:
    assert finances(42, "2024-000002") == finances(42, "2024-000002")
    assert finances(42, "2024-000002") != finances(43, "2024-000002")


# --- traps change the expected answer ---------------------------------------------------------


@pytest.mark.parametrize(
    ("piege", "situation"),
    [
        ("surendettement", "surendettement"),
        ("liquidation_judiciaire", "liquidation"),
        ("debiteur_decede", "deces"),
        ("treve_hivernale", "treve"),
        ("fonds_detenus_trop_longtemps", "fonds_creancier"),
        ("titre_prescrit", "creancier_bloque"),
        ("jugement_non_signifie", "creancier_bloque"),
        ("injonction_non_signifiee_6_mois", "creancier_bloque"),
        ("creance_inferieure_535", "creancier_bloque"),
        ("majeur_protege", "creancier_bloque"),
    ],
)
def test_un_piege_impose_son_message_et_le_contrefactuel_ne_l_a_pas(
    scenarios: tuple[Scenario, ...], piege: str, situation: str
) -> None:
    s = avec_piege(scenarios, piege)
    avec = Cas(s, GRAINE, finances(GRAINE, s.reference))
    sans = Cas(sans_piege(s), GRAINE, finances(GRAINE, s.reference))
    assert situations(avec) == [situation]
    assert situation not in situations(sans)


def test_le_compte_sous_le_sbi_fait_le_message_du_debiteur_saisi(
    scenarios: tuple[Scenario, ...],
) -> None:
    """CPCE L162-2: the balance the bank declared (below the SBI) is left whole; without the
    trap, the seed's balance and another answer."""
    s = avec_piege(scenarios, "solde_bancaire_insaisissable")
    avec = Cas(s, GRAINE, finances(GRAINE, s.reference))
    assert situations(avec) == ["sbi"]
    (solde,) = s.examine.soldes_bancaires
    message = CONSTRUCTEURS["sbi"](avec)
    assert format_euros(solde.solde) in message.texte
    juste = next(o for o in message.options if o.juste)
    assert f"vous laisser, sans que vous ayez à le demander, {format_euros(solde.solde)}" in (
        juste.texte
    )
    sans = Cas(sans_piege(s), GRAINE, finances(GRAINE, s.reference))
    autre = next(o for o in CONSTRUCTEURS["sbi"](sans).options if o.juste)
    assert autre.texte != juste.texte


def test_la_pension_alimentaire_se_preleve_au_dela_du_rsa_sans_bareme(
    scenarios: tuple[Scenario, ...],
) -> None:
    """C. trav. L3252-5, R3252-5: the whole pay but the RSA (651,69 € from 1 April 2026)."""
    s = avec_piege(scenarios, "creance_alimentaire")
    f = finances(GRAINE, s.reference)
    avec = Cas(s, GRAINE, f)
    assert situations(avec) == ["remunerations"]
    message = CONSTRUCTEURS["remunerations"](avec)
    plafond = f.remuneration - Decimal("651.69")
    juste = next(o for o in message.options if o.juste)
    assert format_euros(plafond) in juste.texte and "L3252-5" in juste.article
    bareme = quotite_saisissable(f.remuneration, AU, f.personnes_a_charge).quotite_saisissable
    faux = [o for o in message.options if format_euros(bareme) in o.texte]
    assert faux and not faux[0].juste
    sans = Cas(sans_piege(s), GRAINE, f)
    ordinaire = next(o for o in CONSTRUCTEURS["remunerations"](sans).options if o.juste)
    assert format_euros(bareme) in ordinaire.texte


@pytest.mark.parametrize(
    "piege",
    [
        "surendettement", "liquidation_judiciaire", "debiteur_decede", "titre_prescrit",
        "creance_alimentaire", "solde_bancaire_insaisissable",
    ],
)  # fmt: skip
def test_un_piege_ajoute_son_risque_au_compte_rendu(
    scenarios: tuple[Scenario, ...], piege: str
) -> None:
    s = avec_piege(scenarios, piege)
    f = finances(GRAINE, s.reference)
    avec = RAPPORT.rubrique(Cas(s, GRAINE, f))  # type: ignore[attr-defined]
    sans = RAPPORT.rubrique(Cas(sans_piege(s), GRAINE, f))  # type: ignore[attr-defined]
    assert f"risque_{piege}" in {c.code for c in avec.criteres}
    assert f"risque_{piege}" not in {c.code for c in sans.criteres}


def test_un_debiteur_en_surendettement_ne_se_voit_pas_proposer_d_echeancier(
    scenarios: tuple[Scenario, ...],
) -> None:
    for piege in ("surendettement", "debiteur_decede", "liquidation_judiciaire"):
        s = avec_piege(scenarios, piege)
        assert not ECHEANCIER.eligible(Cas(s, GRAINE, finances(GRAINE, s.reference)))


# --- wrong replies get the right explanation and article --------------------------------------


def _corriger_message(c: CasMessage, choix: str, justification: str) -> Any:
    return MESSAGES.corriger(c, {"choix": choix, "justification": justification})


def test_accorder_36_mois_est_faux_selon_l_article_1343_5() -> None:
    c = _message("delais")
    notation = _corriger_message(c, _option(c, False, "36 mois"), "Je choisis ce délai. " * 10)
    choix = notation.corrections[0]
    assert choix["point"] == "réponse choisie" and choix["article"] == "C. civ. 1343-5"
    assert "24 mois" in choix["explication"]
    assert notation.score < 30


def test_menacer_de_saisir_tout_le_salaire_est_corrige_par_la_quotite_du_moteur() -> None:
    c = _message("delais")
    notation = _corriger_message(c, _option(c, False, "48 heures"), "Menace utile. " * 15)
    q = quotite_saisissable(c.finances.remuneration, AU, c.finances.personnes_a_charge)
    assert format_euros(q.quotite_saisissable) in notation.corrections[0]["explication"]
    assert "C. trav. R3252-5" in notation.corrections[0]["article"]


def test_reveler_la_dette_a_un_voisin_viole_le_secret_professionnel() -> None:
    c = _message("secret")
    notation = _corriger_message(c, _option(c, False, "Il doit"), "Il faut aider. " * 15)
    assert notation.corrections[0]["article"] == ARTICLE_SECRET
    bonne = _corriger_message(
        c,
        _option(c, True),
        "Un tiers, même proche, n'a droit à aucune information : l'étude est tenue au secret "
        "professionnel ; il faut que l'intéressé prenne contact lui-même avec nous, "
        "ce qui protège le débiteur.",
    )
    assert bonne.score == 100


def test_le_sbi_des_reponses_est_celui_du_moteur_a_la_date() -> None:
    c = _message("sbi")
    sbi = solde_bancaire_insaisissable(AU).montant
    assert c.message is not None
    juste = c.message.options["ABCDE".index(c.message.lettre_juste)]
    assert format_euros(sbi) in juste.texte
    notation = _corriger_message(c, _option(c, False, "juge"), "La banque ne laisse rien. " * 8)
    assert notation.corrections[0]["article"] == "CPCE R162-2"


def test_la_retenue_sur_salaire_est_la_quotite_du_moteur() -> None:
    c = next(c for c in cas_messages(7, AU) if c.situation == "remunerations")
    q = quotite_saisissable(c.finances.remuneration, AU, c.finances.personnes_a_charge)
    assert c.message is not None
    juste = c.message.options["ABCDE".index(c.message.lettre_juste)]
    assert format_euros(q.quotite_saisissable) in juste.texte
    fausses = [o for o in c.message.options if not o.juste]
    assert all(format_euros(q.quotite_saisissable) not in o.texte.split(",")[0] for o in fausses)


def test_poursuivre_un_debiteur_surendette_est_faux_selon_l722_2() -> None:
    c = _message("surendettement")
    notation = _corriger_message(c, _option(c, False, "saisie continue"), "Rien ne change. " * 10)
    assert "L722-2" in notation.corrections[0]["article"]
    rubrique = {x["point"] for x in notation.corrections[1:]}
    assert "Dire que les poursuites sont suspendues et interdites" in rubrique


def test_un_creancier_presse_ne_peut_pas_tout_saisir() -> None:
    c = _message("creancier_presse")
    notation = _corriger_message(c, _option(c, False, "totalité"), "Le client est roi. " * 10)
    assert "CPCE L162-2" in notation.corrections[0]["article"]
    notation = _corriger_message(c, _option(c, False, "garantissons"), "Rassurer. " * 30)
    assert notation.corrections[0]["article"].startswith("C. civ. 1991")


# --- échéancier --------------------------------------------------------------------------------


def _plan(c: Cas) -> list[dict[str, str]]:
    return list(ECHEANCIER.solution(c)["echeances"])


def test_l_echeancier_du_moteur_solde_le_decompte_dans_les_limites() -> None:
    for c in _eligibles(ECHEANCIER):
        plan = _plan(c)
        total = sum(Decimal(e["montant"]) for e in plan)
        assert total == c.decompte.total
        assert len(plan) <= 24
        assert max(Decimal(e["montant"]) for e in plan) <= c.quotite.quotite_saisissable
        assert max(Decimal(e["montant"]) for e in plan) <= c.finances.capacite
        assert date.fromisoformat(plan[-1]["date"]) <= _date_limite(c)


def test_un_centime_de_moins_est_une_remise_de_dette() -> None:
    c = _eligibles(ECHEANCIER)[0]
    plan = _plan(c)
    plan[-1]["montant"] = en_texte(Decimal(plan[-1]["montant"]) - Decimal("0.01"))
    notation = ECHEANCIER.corriger(c, {"echeances": plan})
    [correction] = notation.corrections
    assert correction["point"] == "total des échéances"
    assert correction["article"].startswith("C. civ. 1350")
    assert format_euros(c.decompte.total) in correction["explication"]


def test_un_plan_trop_long_ou_trop_lourd_est_corrige_avec_ses_articles() -> None:
    c = _eligibles(ECHEANCIER)[0]
    total = c.decompte.total
    # one instalment of everything, 30 months later, on a Sunday
    dimanche = date(2029, 6, 3)
    notation = ECHEANCIER.corriger(
        c, {"echeances": [{"date": dimanche.isoformat(), "montant": en_texte(total)}]}
    )
    points = {x["point"]: x for x in notation.corrections}
    assert points["durée"]["article"] == "C. civ. 1343-5"
    assert points["jours ouvrés"]["donne"] == "2029-06-03"
    if total > c.quotite.quotite_saisissable:
        quotite = points["échéances et quotité saisissable"]
        assert "C. trav. R3252-5" in quotite["article"]
        assert format_euros(c.quotite.quotite_saisissable) in quotite["explication"]


def test_un_echeancier_mal_forme_est_refuse_en_francais() -> None:
    c = _eligibles(ECHEANCIER)[0]
    for reponse, message in [
        ({"echeances": []}, "liste non vide"),
        ({"echeances": [{"date": "2027-01-11", "montant": 150.0}]}, "montant"),
        ({"echeances": [{"date": "2027-02-30", "montant": "150.00"}]}, "date impossible"),
        ({"echeances": [{"date": "2027-01-11"}]}, "manquant"),
        ({"echeances": [{"date": "2027-01-11", "montant": "0.00"}]}, "positif"),
    ]:
        with pytest.raises(DonneeInvalide, match=message):
            ECHEANCIER.corriger(c, reponse)


# --- compte rendu au créancier -----------------------------------------------------------------


def test_le_compte_rendu_exige_les_faits_du_dossier_et_interdit_promesse_et_sante() -> None:
    c = next(c for c in _eligibles(RAPPORT) if c.decompte.paiements > 0)
    mauvais = (
        "Madame, Monsieur, le débiteur est malade et hospitalisé en ce moment. Nous vous "
        "garantissons que vous serez payé intégralement avant la fin de l'année. " * 5
    )
    notation = RAPPORT.corriger(c, {"texte": mauvais})
    points = {x["point"]: x for x in notation.corrections}
    assert points["Promettre un résultat"]["donne"].startswith("« nous vous garantissons")
    assert points["Révéler l'état de santé ou la vie privée du débiteur"]["article"].startswith(
        "C. civ. 9"
    )
    du = next(x for p, x in points.items() if p.startswith("Total restant dû"))
    assert format_euros(c.decompte.total) in du["explication"]
    assert notation.score < 20


def test_sans_pouvoir_garantir_n_est_pas_une_promesse() -> None:
    c = _eligibles(RAPPORT)[0]
    texte = RAPPORT.solution(c)["texte"] + " Nous ne pouvons garantir le résultat."
    assert RAPPORT.corriger(c, {"texte": texte}).score == 100


def test_le_montant_est_trouve_sous_ses_formes_francaises() -> None:
    motif = motif_montant(Decimal("1234.56"))
    for forme in ("1 234,56 €", "1234,56", "1.234,56 euros", "1234.56", "1\u202f234,56\xa0€"):
        assert re.search(motif, plier(forme)), forme
    assert not re.search(motif, plier("11 234,56")) and not re.search(motif, "1234,567")


# --- refusals and CLI --------------------------------------------------------------------------


def test_une_reponse_mal_formee_est_refusee_en_francais() -> None:
    c = _message("delais")
    with pytest.raises(DonneeInvalide, match="choix : une lettre"):
        MESSAGES.corriger(c, {"choix": "Z", "justification": "texte"})
    with pytest.raises(DonneeInvalide, match="manquant"):
        MESSAGES.corriger(c, {"choix": "A"})
    with pytest.raises(DonneeInvalide, match="texte attendu"):
        MESSAGES.corriger(c, {"choix": "A", "justification": "  "})


def test_la_cli_donne_corrige_et_resout_un_exercice_du_bloc_3(tmp_path: Any) -> None:
    runner = CliRunner()
    app = typer.Typer()
    app.add_typer(formation_app, name="formation")
    sortie = runner.invoke(
        app,
        ["formation", "exercice", "--bloc", "3", "--type", "echeancier", "--graine", "42",
         "--au", "2026-11-30", "--json"],
    )  # fmt: skip
    assert sortie.exit_code == 0, sortie.output
    ex = json.loads(sortie.output)
    assert ex["bloc"] == 3 and "situation_financiere" in ex["dossier"]
    sol = runner.invoke(app, ["formation", "solution", ex["exercice"], "--json"])
    fichier = tmp_path / "reponse.json"
    fichier.write_text(sol.output, encoding="utf-8")
    note = runner.invoke(
        app, ["formation", "corriger", ex["exercice"], "--reponse", str(fichier), "--json"]
    )
    assert json.loads(note.output) == {"score": 100, "corrections": []}
    assert 3 in module_exercices.TYPES_PAR_BLOC
