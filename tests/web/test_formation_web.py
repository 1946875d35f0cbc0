"""Training mode in the web office: a practice session (graded at once, with the articles), an
exam (corrections at the end, a late answer refused), a trainer's group, and who may see what.

Exercises come from the synthetic office of seed 42 on 30 November 2026 (the date of the demo
office): generated once per process (about a second), then cached.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from clerc.formation.exercices import (
    TYPES_PAR_BLOC,
    corriger,
    exercice,
    nouvel_exercice,
    solution,
)
from clerc.office.models import maintenant
from clerc.office.services import formation
from clerc.office.services.etudes import contexte
from clerc.web.routes import formation as routes_formation
from tests.web.conftest import FabriqueClient, csrf_de

GRAINE = "42"
AU = date(2026, 11, 30)
IDENTIFIANT = re.compile(r"B\d-[a-z_]+-[a-z]+-\d+-\d{8}")


def test_le_bureau_web_sert_la_formation_et_la_montre_dans_la_navigation(
    client_pour: FabriqueClient,
) -> None:
    assert 'href="/formation"' in client_pour("stagiaire").get("/dossiers").text
    assert 'href="/formation"' not in client_pour("creancier_client").get("/dossiers").text


def _texte(reponse: Any) -> str:
    return html.unescape(reponse.text)


def _formulaire(
    champs: Sequence[routes_formation.ChampReponse], reponse: Mapping[str, Any]
) -> dict[str, Any]:
    """The form a trainee fills in to give ``reponse`` (the inverse of the route's reading)."""
    donnees: dict[str, Any] = {}
    for champ in champs:
        valeur = reponse.get(champ.cle)
        if champ.genre == "groupe":
            donnees.update(_formulaire(champ.sous_champs, valeur or {}))
        elif champ.genre == "lignes_objets":
            assert len(valeur or []) <= champ.lignes
            for rang, objet in enumerate(valeur or [], start=1):
                colonnes = [
                    replace(c, nom=c.nom.replace("{rang}", str(rang))) for c in champ.sous_champs
                ]
                donnees.update(_formulaire(colonnes, objet))
        elif champ.genre == "booleen":
            donnees[champ.nom] = "true" if valeur else "false"
        elif champ.genre == "codes":
            donnees[champ.nom] = list(valeur or [])
        elif champ.genre == "codes_ordonnes":
            for rang, code in enumerate(valeur or [], start=1):
                donnees[f"{champ.nom}.{rang}"] = code
        elif champ.genre in ("lignes", "liste_texte"):
            donnees[champ.nom] = "\n".join(valeur or [])
        elif champ.genre == "json":
            donnees[champ.nom] = json.dumps(valeur)
        else:
            donnees[champ.nom] = "" if valeur is None else str(valeur)
    return donnees


def _exercice_de_la_page(texte: str) -> str:
    trouve = re.search(r'name="rang" value="(\d+)"', texte)
    assert trouve, "no answer form on the page"
    identifiants = IDENTIFIANT.findall(texte.split('id="exercice"', 1)[1])
    return identifiants[0]


def _repondre(
    client: TestClient, numero: int, identifiant: str, reponse: Mapping[str, Any], rang: int
) -> Any:
    champs = routes_formation.champs_reponse(exercice(identifiant).en_dict()["format_reponse"])
    donnees = {**_formulaire(champs, reponse), "rang": str(rang), "csrf_token": csrf_de(client)}
    return client.post(
        f"/formation/sessions/{numero}/reponse", data=donnees, follow_redirects=False
    )


def _faux(identifiant: str) -> dict[str, Any]:
    """A deliberately wrong answer: the engine's own, with its first field spoiled."""
    reponse = solution(identifiant)
    cle = next(iter(reponse))
    valeur = reponse[cle]
    if isinstance(valeur, bool):
        reponse[cle] = not valeur
    elif isinstance(valeur, list):
        format_ = exercice(identifiant).en_dict()["format_reponse"]
        autres = [c for c in format_["valeurs_possibles"][cle] if c not in valeur]
        reponse[cle] = valeur[1:] + autres[:1]
    else:
        reponse[cle] = "1.00"
    return reponse


def _demarrer(client: TestClient, **champs: str) -> int:
    donnees = {"blocs": "1", "nombre": "2", "niveau": "debutant", "graine": GRAINE, **champs}
    reponse = client.post(
        "/formation/sessions",
        data={**donnees, "csrf_token": csrf_de(client, "/formation")},
        follow_redirects=False,
    )
    assert reponse.status_code == 303, reponse.text
    trouve = re.fullmatch(r"/formation/sessions/(\d+)", reponse.headers["location"])
    assert trouve
    return int(trouve.group(1))


def test_une_session_d_entrainement_corrige_chaque_reponse_avec_ses_articles(
    client_pour: FabriqueClient,
) -> None:
    client = client_pour("stagiaire")
    accueil = _texte(client.get("/formation"))
    assert "Nouvelle session" in accueil and "Bloc 1 : Analyser un dossier" in accueil
    assert "Aucune session pour l'instant." in accueil

    numero = _demarrer(client, mode="entrainement")
    page = _texte(client.get(f"/formation/sessions/{numero}"))
    premier = _exercice_de_la_page(page)
    vue = exercice(premier).en_dict()
    assert vue["consigne"] in page
    assert "Dossier" in page and vue["dossier"]["reference"] in page
    assert vue["dossier"]["creancier"]["designation"] in page  # the parties, readably
    assert "Solution du moteur" not in page  # a trainee never sees the engine's answer

    # The engine's answer (its solution) scores 100, corrected at once.
    reponse = _repondre(client, numero, premier, solution(premier), rang=1)
    assert reponse.status_code == 303
    assert reponse.headers["location"] == f"/formation/sessions/{numero}?corrige=1#resultat"
    corrige = _texte(client.get(reponse.headers["location"]))
    assert "Exercice 1 : 100 / 100" in corrige and "Aucune erreur" in corrige

    # A malformed amount or a missing field: the form again, the message next to the field.
    second = _exercice_de_la_page(corrige)
    champs = routes_formation.champs_reponse(exercice(second).en_dict()["format_reponse"])
    donnees = {**_formulaire(champs, solution(second)), "rang": "2", "csrf_token": csrf_de(client)}
    premier_champ = champs[0]
    if premier_champ.genre == "booleen":
        del donnees[premier_champ.nom]
    else:
        donnees[premier_champ.nom] = "douze euros"
    refus = client.post(f"/formation/sessions/{numero}/reponse", data=donnees)
    assert refus.status_code == 422
    assert f'aria-describedby="erreur-{premier_champ.ident}"' in refus.text

    # A wrong answer: the grade and the engine's explanations with their articles.
    faux = _faux(second)
    attendu = corriger(second, faux)
    assert attendu.score < 100
    reponse = _repondre(client, numero, second, faux, rang=2)
    assert reponse.status_code == 303
    corrige = _texte(client.get(reponse.headers["location"]))
    assert f"Exercice 2 : {attendu.score} / 100" in corrige
    for correction in attendu.corrections:
        assert correction["explication"] in corrige
        assert correction["article"] in corrige
    assert re.search(r"(CPCE|CPC|C\. civ\.|C\. com\.|C\. mon\. fin\.) ?[LR]?\d", corrige)
    assert (
        "Bilan" in corrige and f"<strong>{(100 + attendu.score + 1) // 2} / 100</strong>" in corrige
    )

    accueil = _texte(client.get("/formation"))
    assert "Ma progression" in accueil and "Bloc 1 (2)" in accueil  # the bar of bloc 1
    assert attendu.corrections[0]["point"] in accueil  # the most frequently missed points


def test_la_reponse_en_htmx_remplace_la_session_sans_recharger(
    client_pour: FabriqueClient,
) -> None:
    client = client_pour("stagiaire")
    numero = _demarrer(client, nombre="1")
    identifiant = _exercice_de_la_page(client.get(f"/formation/sessions/{numero}").text)
    champs = routes_formation.champs_reponse(exercice(identifiant).en_dict()["format_reponse"])
    reponse = client.post(
        f"/formation/sessions/{numero}/reponse",
        data={**_formulaire(champs, solution(identifiant)), "rang": "1"},
        headers={"HX-Request": "true", "X-CSRF-Token": csrf_de(client)},
    )
    assert reponse.status_code == 200  # the redirect followed, as the browser's XHR does
    assert 'id="session"' in reponse.text and "100 / 100" in reponse.text


def test_un_examen_cache_les_corrections_et_refuse_une_reponse_tardive(
    client_pour: FabriqueClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = client_pour("stagiaire")
    numero = _demarrer(client, mode="examen", duree="30")
    page = _texte(client.get(f"/formation/sessions/{numero}"))
    assert "Temps restant : <strong>30 minutes</strong>" in page
    fragment = client.get(f"/formation/sessions/{numero}/temps", headers={"HX-Request": "true"})
    assert 'hx-trigger="every 60s"' in fragment.text and "<html" not in fragment.text
    premier = _exercice_de_la_page(page)
    faux = _faux(premier)
    reponse = _repondre(client, numero, premier, faux, rang=1)
    assert reponse.status_code == 303
    assert reponse.headers["location"] == f"/formation/sessions/{numero}"  # no grade yet
    pendant = _texte(client.get(f"/formation/sessions/{numero}?corrige=1"))
    assert "Examen en cours" in pendant
    assert "Corrections" not in pendant and "/ 100" not in pendant
    for correction in corrige_de(premier, faux):
        assert correction["explication"] not in pendant
    second = _exercice_de_la_page(pendant)

    # Thirty-one minutes later: time is up, the answer is refused, the corrections are shown.
    depart = maintenant()
    monkeypatch.setattr(formation, "horloge", lambda: depart + timedelta(minutes=31))
    tardive = _repondre(client, numero, second, solution(second), rang=2)
    assert tardive.status_code == 409
    assert "Temps écoulé" in _texte(tardive)
    apres = _texte(client.get(f"/formation/sessions/{numero}"))
    assert "Temps écoulé" in apres and "non traité" in apres
    score = corriger(premier, faux).score
    moyenne = (score + 1) // 2  # half-up; the unanswered exercise counts 0
    assert f"score : <strong>{moyenne} / 100</strong>" in apres
    for correction in corrige_de(premier, faux):
        assert correction["explication"] in apres and correction["article"] in apres
    assert 'name="rang"' not in apres  # no more answer form


def corrige_de(identifiant: str, reponse: Mapping[str, Any]) -> list[dict[str, str]]:
    return corriger(identifiant, reponse).corrections


def test_le_formateur_voit_les_resultats_du_groupe_par_bloc(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    stagiaire = contexte(app_web.state.moteur, "DEMO", "demo-stagiaire")
    numero = formation.demarrer_session(stagiaire, blocs=[1], au=AU, nombre=1, graine=42)
    courant = formation.exercice_courant(stagiaire, numero)
    assert courant is not None
    faux = _faux(courant["exercice"])
    score = formation.repondre(stagiaire, numero, faux).score
    assert score is not None and score < 100

    client = client_pour("clerc_gestionnaire")
    assert "Aucun groupe" in _texte(client.get("/formation/groupes"))
    vide = client.post("/formation/groupes", data={"nom": " ", "csrf_token": csrf_de(client)})
    assert vide.status_code == 422 and 'aria-describedby="erreur-nom"' in vide.text
    cree = client.post(
        "/formation/groupes",
        data={"nom": "Promotion 2027", "csrf_token": csrf_de(client)},
        follow_redirects=False,
    )
    assert cree.status_code == 303
    adresse = cree.headers["location"]
    double = client.post(
        "/formation/groupes", data={"nom": "Promotion 2027", "csrf_token": csrf_de(client)}
    )
    assert double.status_code == 409 and "existe déjà" in _texte(double)
    ajoute = client.post(
        f"{adresse}/membres",
        data={"identifiant": "demo-stagiaire", "csrf_token": csrf_de(client)},
        follow_redirects=False,
    )
    assert ajoute.status_code == 303
    deja = client.post(
        f"{adresse}/membres", data={"identifiant": "demo-stagiaire", "csrf_token": csrf_de(client)}
    )
    assert deja.status_code == 409 and "déjà membre" in _texte(deja)

    page = _texte(client.get(adresse))
    assert "Résultats par bloc" in page and '<th scope="col">Bloc 1</th>' in page
    assert f"<td>{score} (1)</td>" in page  # the member's average in bloc 1 (1 exercise)
    assert "Points faibles du groupe" in page
    for correction in corrige_de(courant["exercice"], faux)[:1]:
        assert correction["point"] in page
    assert client.get("/formation/stagiaires/demo-stagiaire").status_code == 200
    session = _texte(client.get(f"/formation/sessions/{numero}"))
    assert "en consultation" in session and 'name="rang"' not in session
    solution_page = _texte(client.get(f"/formation/exercices/{courant['exercice']}/solution"))
    assert "Réponse du moteur" in solution_page and courant["consigne"] in solution_page

    retire = client.post(
        f"{adresse}/membres/demo-stagiaire/retirer",
        data={"csrf_token": csrf_de(client)},
        follow_redirects=False,
    )
    assert retire.status_code == 303
    assert "Aucun membre" in _texte(client.get(adresse))


def test_chaque_role_et_ses_droits_sur_la_formation(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    identifiant = "B1-risques-debutant-42-20261130"
    assistant = contexte(app_web.state.moteur, "DEMO", "demo-assistant")
    autre = formation.demarrer_session(assistant, blocs=[1], au=AU, nombre=1, graine=42)
    chef = contexte(app_web.state.moteur, "DEMO", "demo-clerc")
    groupe = formation.creer_groupe(chef, "Groupe A")
    pages_formateur = [
        "/formation/groupes",
        f"/formation/groupes/{groupe}",
        f"/formation/exercices/{identifiant}/solution",
        "/formation/stagiaires/demo-assistant",
    ]
    for role in ("commissaire_justice", "clerc_gestionnaire", "administrateur"):
        client = client_pour(role)
        assert client.get("/formation").status_code == 200
        for chemin in pages_formateur:
            assert client.get(chemin).status_code == 200, (role, chemin)
        assert client.get(f"/formation/sessions/{autre}").status_code == 200

    for role in ("stagiaire", "clerc_assistant"):
        client = client_pour(role)
        accueil = client.get("/formation")
        assert accueil.status_code == 200 and "/formation/groupes" not in accueil.text
        for chemin in pages_formateur:
            refus = client.get(chemin)
            assert refus.status_code == 403, (role, chemin)
        refus = client.post("/formation/groupes", data={"nom": "X", "csrf_token": csrf_de(client)})
        assert refus.status_code == 403
    # A trainee never opens another trainee's session (it does not exist for him).
    assert client_pour("stagiaire").get(f"/formation/sessions/{autre}").status_code == 404
    refus = client_pour("stagiaire").get(f"/formation/exercices/{identifiant}/solution")
    assert "encadrer la formation" in _texte(refus)

    creancier = client_pour("creancier_client")
    jeton = csrf_de(creancier)
    for chemin in ["/formation", f"/formation/sessions/{autre}", *pages_formateur]:
        assert creancier.get(chemin).status_code == 403, chemin
    for chemin, donnees in [
        ("/formation/sessions", {"blocs": "1"}),
        (f"/formation/sessions/{autre}/reponse", {"rang": "1"}),
        (f"/formation/sessions/{autre}/terminer", {}),
        ("/formation/groupes", {"nom": "X"}),
    ]:
        assert creancier.post(chemin, data={**donnees, "csrf_token": jeton}).status_code == 403

    anonyme = client_pour(None)
    for chemin in ["/formation", f"/formation/sessions/{autre}", "/formation/groupes"]:
        reponse = anonyme.get(chemin, follow_redirects=False)
        assert reponse.status_code == 303 and reponse.headers["location"].startswith("/connexion")


def test_le_formulaire_de_session_signale_ses_erreurs_a_cote_des_champs(
    client_pour: FabriqueClient,
) -> None:
    client = client_pour("stagiaire")
    jeton = csrf_de(client, "/formation")
    sans_bloc = client.post("/formation/sessions", data={"nombre": "3", "csrf_token": jeton})
    assert sans_bloc.status_code == 422
    assert 'aria-describedby="erreur-blocs"' in sans_bloc.text
    assert "au moins un bloc" in _texte(sans_bloc)
    trop = client.post(
        "/formation/sessions",
        data={"blocs": "1", "nombre": "99", "mode": "examen", "duree": "500", "csrf_token": jeton},
    )
    assert trop.status_code == 422 and 'aria-describedby="erreur-nombre"' in trop.text
    assert 'value="99"' in trop.text  # the input kept
    for bloc in (b for b in (2, 3, 4) if b not in formation.blocs_disponibles()):
        indisponible = client.post(
            "/formation/sessions", data={"blocs": str(bloc), "csrf_token": jeton}
        )
        assert indisponible.status_code == 422 and "pas encore disponibles" in _texte(indisponible)


def test_le_formulaire_de_chaque_type_disponible_rend_la_reponse_du_moteur() -> None:
    """Whatever the bloc, the form built from format_reponse and filled in with the engine's
    answer reads back to an answer that scores 100; the file renders; JSON is accepted too."""
    for bloc, types in TYPES_PAR_BLOC.items():
        for code in types:
            exo = nouvel_exercice(bloc, "debutant", 42, AU, code)
            vue = exo.en_dict()
            champs = routes_formation.champs_reponse(vue["format_reponse"])
            donnees = _formulaire(champs, exo.solution())
            saisie = {k: v if isinstance(v, list) else [v] for k, v in donnees.items()}
            reponse = routes_formation.reponse_du_formulaire(champs, saisie)
            assert exo.corriger(reponse).score == 100, (bloc, code, reponse)
            assert routes_formation.vue_dossier(vue["dossier"])["sections"]
            brut = {routes_formation.CHAMP_JSON: [json.dumps(exo.solution())]}
            assert routes_formation.reponse_du_formulaire(champs, brut) == exo.solution()
