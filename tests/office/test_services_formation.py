"""Training sessions, progress and groups (clerc.office.services.formation), on SQLite and
PostgreSQL. Exercises come from the synthetic office of seed 42 on 30 November 2026 (cached
per process)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from clerc.formation.competences import COMPETENCE_DU_BLOC, COMPETENCES, competence
from clerc.formation.exercices import TYPES_PAR_BLOC, corriger, solution
from clerc.office.db import Contexte
from clerc.office.erreurs import Introuvable, OperationRefusee
from clerc.office.models import maintenant
from clerc.office.services import formation
from clerc.office.services.etudes import creer_utilisateur
from clerc.rules.erreurs import DonneeInvalide

AU = date(2026, 11, 30)


@pytest.fixture
def comptes(etude: Contexte) -> dict[str, Contexte]:
    """A trainee, a second trainee and a trainer (clerc gestionnaire) of the office."""
    for identifiant, role in (
        ("lea", "stagiaire"),
        ("hugo", "stagiaire"),
        ("chef", "clerc_gestionnaire"),
    ):
        creer_utilisateur(etude, identifiant=identifiant, role=role)
    return {nom: replace(etude, utilisateur=nom) for nom in ("lea", "hugo", "chef")}


def _faux(identifiant: str) -> dict[str, object]:
    reponse = solution(identifiant)
    cle = next(iter(reponse))
    valeur = reponse[cle]
    if isinstance(valeur, bool):
        reponse[cle] = not valeur
    elif isinstance(valeur, list):
        reponse[cle] = valeur[1:] if valeur else ["debiteur_decede"]
    else:
        reponse[cle] = "1.00"
    return reponse


def test_une_session_d_entrainement_note_chaque_reponse_et_nourrit_la_progression(
    comptes: dict[str, Contexte],
) -> None:
    lea = comptes["lea"]
    numero = formation.demarrer_session(lea, blocs=[1], au=AU, nombre=2, graine=42)
    premier = formation.exercice_courant(lea, numero)
    assert premier is not None and premier["rang"] == 1
    assert set(premier) >= {"exercice", "consigne", "dossier", "format_reponse"}

    juste = formation.repondre(lea, numero, solution(premier["exercice"]))
    assert (juste.score, juste.corrections, juste.terminee) == (100, [], False)
    assert juste.suivant is not None and juste.suivant != premier["exercice"]

    faux = _faux(juste.suivant)
    attendu = corriger(juste.suivant, faux)
    assert attendu.score < 100
    resultat = formation.repondre(lea, numero, faux)
    assert resultat.score == attendu.score and resultat.corrections == attendu.corrections
    assert all(c["article"] for c in resultat.corrections)  # every missed point cites the law
    assert resultat.terminee and resultat.suivant is None

    bilan = formation.bilan_session(lea, numero)
    assert bilan["etat"] == "terminee" and bilan["repondus"] == 2
    assert bilan["score"] == (100 + attendu.score + 1) // 2  # half-up
    assert [e["score"] for e in bilan["exercices"]] == [100, attendu.score]
    with pytest.raises(OperationRefusee, match="terminée"):
        formation.repondre(lea, numero, solution(juste.suivant))

    progression = formation.progression(lea)
    [bloc_1] = [b for b in progression["par_bloc"] if b["bloc"] == 1]
    assert (bloc_1["exercices"], bloc_1["moyenne"]) == (2, bilan["score"])
    assert {c["competence"] for c in progression["par_competence"]} <= set(COMPETENCES)
    faibles = progression["points_faibles"]
    assert faibles["types"][0]["moyenne"] == attendu.score
    manque = attendu.corrections[0]
    assert {"point": manque["point"], "article": manque["article"], "fois": 1} in (
        faibles["points_manques"]
    )
    assert [s["session"] for s in progression["historique"]] == [numero]


def test_une_reponse_mal_formee_est_refusee_sans_rien_enregistrer(
    comptes: dict[str, Contexte],
) -> None:
    lea = comptes["lea"]
    numero = formation.demarrer_session(lea, blocs=[1], au=AU, nombre=1, graine=42)
    with pytest.raises(DonneeInvalide):
        formation.repondre(lea, numero, {"inconnu": 1})
    assert formation.bilan_session(lea, numero)["repondus"] == 0


def test_un_examen_cache_les_notes_jusqu_a_la_fin_et_refuse_une_reponse_tardive(
    comptes: dict[str, Contexte], monkeypatch: pytest.MonkeyPatch
) -> None:
    lea = comptes["lea"]
    depart = maintenant()
    monkeypatch.setattr(formation, "horloge", lambda: depart)
    numero = formation.demarrer_session(
        lea, blocs=[1], au=AU, nombre=2, mode="examen", duree_minutes=20, graine=42
    )
    premier = formation.exercice_courant(lea, numero)
    assert premier is not None
    faux = _faux(premier["exercice"])
    resultat = formation.repondre(lea, numero, faux)
    assert resultat.score is None and resultat.corrections is None  # shown at the end
    bilan = formation.bilan_session(lea, numero)
    assert bilan["score"] is None and bilan["restant_minutes"] == 20
    assert not bilan["corrections_visibles"] and "corrections" not in bilan["exercices"][0]
    assert formation.progression(lea)["exercices"] == 0  # an exam still running is not counted

    monkeypatch.setattr(formation, "horloge", lambda: depart + timedelta(minutes=20, seconds=1))
    with pytest.raises(OperationRefusee, match="Temps écoulé"):
        formation.repondre(lea, numero, solution(resultat.suivant or ""))
    bilan = formation.bilan_session(lea, numero)
    assert bilan["etat"] == "terminee" and bilan["temps_ecoule"]
    score = corriger(premier["exercice"], faux).score
    assert bilan["score"] == (score + 1) // 2  # the exercise not answered counts 0
    assert bilan["exercices"][0]["corrections"] == corriger(premier["exercice"], faux).corrections
    assert bilan["exercices"][1]["etat"] == "non_traite"
    assert formation.progression(lea)["exercices"] == 1


def test_les_reglages_d_une_session_sont_verifies(comptes: dict[str, Contexte]) -> None:
    lea = comptes["lea"]
    with pytest.raises(DonneeInvalide, match="au moins un bloc"):
        formation.demarrer_session(lea, blocs=[], au=AU)
    with pytest.raises(DonneeInvalide, match="inconnu"):
        formation.demarrer_session(lea, blocs=[7], au=AU)
    with pytest.raises(DonneeInvalide, match="de 1 à 20"):
        formation.demarrer_session(lea, blocs=[1], au=AU, nombre=0)
    with pytest.raises(DonneeInvalide, match="seul un examen"):
        formation.demarrer_session(lea, blocs=[1], au=AU, duree_minutes=30)
    with pytest.raises(DonneeInvalide, match="Durée"):
        formation.demarrer_session(lea, blocs=[1], au=AU, mode="examen", duree_minutes=999)
    with pytest.raises(Introuvable, match="introuvable"):
        formation.demarrer_session(replace(lea, utilisateur="personne"), blocs=[1], au=AU)


def test_le_formateur_suit_son_groupe_et_le_stagiaire_ne_voit_que_lui(
    comptes: dict[str, Contexte],
) -> None:
    lea, hugo, chef = comptes["lea"], comptes["hugo"], comptes["chef"]
    numero = formation.demarrer_session(lea, blocs=[1], au=AU, nombre=1, graine=42)
    courant = formation.exercice_courant(lea, numero)
    assert courant is not None
    score = formation.repondre(lea, numero, _faux(courant["exercice"])).score

    with pytest.raises(OperationRefusee, match="groupe"):
        formation.creer_groupe(lea, "Promo")
    groupe = formation.creer_groupe(chef, "Promo 2027")
    with pytest.raises(OperationRefusee, match="existe déjà"):
        formation.creer_groupe(chef, " Promo  2027 ")
    formation.ajouter_membre(chef, "Promo 2027", "lea")
    formation.ajouter_membre(chef, groupe, "hugo")
    with pytest.raises(OperationRefusee, match="déjà membre"):
        formation.ajouter_membre(chef, groupe, "lea")
    with pytest.raises(Introuvable, match="personne"):
        formation.ajouter_membre(chef, groupe, "personne")

    bilan = formation.bilan_groupe(chef, groupe)
    membres = {m["identifiant"]: m for m in bilan["membres"]}
    assert membres["lea"]["par_bloc"][1]["moyenne"] == score
    assert membres["hugo"]["exercices"] == 0 and membres["hugo"]["moyenne"] is None
    [bloc_1] = [b for b in bilan["par_bloc"] if b["bloc"] == 1]
    assert (bloc_1["moyenne"], bloc_1["exercices"]) == (score, 1)
    assert bilan["points_faibles"]["points_manques"]
    assert [g["nom"] for g in formation.groupes(chef)] == ["Promo 2027"]
    assert [c["identifiant"] for c in formation.candidats_groupe(chef, groupe)] == ["chef"]

    # A trainee sees only his own sessions; a trainer sees every trainee's.
    with pytest.raises(Introuvable):
        formation.bilan_session(hugo, numero)
    with pytest.raises(OperationRefusee):
        formation.progression(hugo, "lea")
    with pytest.raises(OperationRefusee):
        formation.bilan_groupe(hugo, groupe)
    with pytest.raises(OperationRefusee, match="solution"):
        formation.solution_exercice(hugo, courant["exercice"])
    assert formation.progression(chef, "lea")["exercices"] == 1
    assert not formation.bilan_session(chef, numero)["proprietaire"]
    with pytest.raises(OperationRefusee, match="seul le stagiaire"):
        formation.repondre(chef, numero, {})
    assert formation.solution_exercice(chef, courant["exercice"])["solution"] == solution(
        courant["exercice"]
    )

    formation.retirer_membre(chef, groupe, "hugo")
    assert [m["identifiant"] for m in formation.bilan_groupe(chef, groupe)["membres"]] == ["lea"]


def test_chaque_type_d_exercice_a_une_competence_du_referentiel() -> None:
    for bloc, types in TYPES_PAR_BLOC.items():
        for code, type_ in types.items():
            assert competence(bloc, code, type_) in COMPETENCES
    assert competence(1, "decompte") == "analyser_dossier"
    assert competence(1, "risques") == "qualifier_situation"
    assert competence(2, "rediger_acte") == "rediger_actes"
    assert competence(3, "type_a_venir") == COMPETENCE_DU_BLOC[3] == "conduire_echanges"
    assert competence(4, "type_a_venir") == "analyser_activite"
