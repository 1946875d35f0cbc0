"""Logging in, sessions, CSRF, security headers."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.web.conftest import FabriqueClient, connecter, jeton_csrf


def test_une_page_sans_session_renvoie_vers_la_connexion(client_pour: FabriqueClient) -> None:
    reponse = client_pour(None).get("/dossiers?q=a", follow_redirects=False)
    assert reponse.status_code == 303
    assert reponse.headers["location"] == "/connexion?suite=%2Fdossiers%3Fq%3Da"


def test_la_connexion_ouvre_le_tableau_de_bord(client_pour: FabriqueClient) -> None:
    client = client_pour("clerc_gestionnaire")
    reponse = client.get("/")
    assert reponse.status_code == 200
    assert "Tableau de bord" in reponse.text and "Clerc gestionnaire" in reponse.text


def test_un_mauvais_mot_de_passe_est_refuse_sans_dire_lequel(client_pour: FabriqueClient) -> None:
    client = client_pour(None)
    jeton = jeton_csrf(client.get("/connexion").text)
    for identifiant in ("demo-clerc", "inconnu"):
        reponse = client.post(
            "/connexion",
            data={
                "identifiant": identifiant,
                "mot_de_passe": "faux-mot-de-passe",
                "csrf_token": jeton,
            },
        )
        assert reponse.status_code == 401
        assert "Identifiant ou mot de passe incorrect." in reponse.text
    assert client.get("/", follow_redirects=False).status_code == 303


def test_un_formulaire_sans_jeton_csrf_est_refuse(client_pour: FabriqueClient) -> None:
    client = client_pour(None)
    client.get("/connexion")
    reponse = client.post(
        "/connexion", data={"identifiant": "demo-clerc", "mot_de_passe": "demo-clerc-2026"}
    )
    assert reponse.status_code == 403
    assert "jeton CSRF" in reponse.text


def test_la_suite_apres_connexion_reste_sur_le_site(client_pour: FabriqueClient) -> None:
    client = client_pour(None)
    jeton = jeton_csrf(client.get("/connexion?suite=//exemple.com").text)
    reponse = client.post(
        "/connexion",
        data={
            "identifiant": "demo-clerc",
            "mot_de_passe": "demo-clerc-2026",
            "csrf_token": jeton,
            "suite": "https://exemple.com/",
        },
        follow_redirects=False,
    )
    assert reponse.headers["location"] == "/"


def test_la_deconnexion_ferme_la_session(client_pour: FabriqueClient) -> None:
    client = client_pour("stagiaire")
    jeton = jeton_csrf(client.get("/dossiers").text)
    client.post("/deconnexion", data={"csrf_token": jeton})
    assert client.get("/dossiers", follow_redirects=False).status_code == 303


def test_un_cookie_de_session_falsifie_ne_connecte_personne(app_web: FastAPI) -> None:
    with TestClient(app_web) as client:
        client.cookies.set("clerc_session", "eyJ1dGlsaXNhdGV1ciI6IFsxLCAxXX0=.faux.signature")
        assert client.get("/", follow_redirects=False).status_code == 303


def test_les_entetes_de_securite_interdisent_les_ressources_exterieures(
    client_pour: FabriqueClient,
) -> None:
    reponse = client_pour(None).get("/connexion")
    politique = reponse.headers["content-security-policy"]
    assert "default-src 'self'" in politique and "script-src 'self'" in politique
    assert reponse.headers["x-frame-options"] == "DENY"
    assert "http" not in reponse.text.split("<main")[0].replace('href="/', "")


def test_un_utilisateur_desactive_perd_sa_session(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    from clerc.office.services import utilisateurs
    from clerc.office.services.etudes import contexte

    client = client_pour("clerc_assistant")
    assert client.get("/dossiers").status_code == 200
    utilisateurs.modifier(
        contexte(app_web.state.moteur, "DEMO", "demo-admin"), "demo-assistant", actif=False
    )
    assert client.get("/dossiers", follow_redirects=False).status_code == 303


def test_connecter_fonctionne_pour_chaque_role(client_pour: FabriqueClient) -> None:
    for role in ("commissaire_justice", "administrateur", "creancier_client"):
        client = client_pour(None)
        connecter(
            client,
            {
                "commissaire_justice": "demo-commissaire",
                "administrateur": "demo-admin",
                "creancier_client": "demo-creancier",
            }[role],
        )
        assert client.get("/dossiers").status_code == 200
