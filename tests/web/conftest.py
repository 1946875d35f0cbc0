"""Web office fixtures: a small generated demo office (40 files on 30 November 2026, seed 1),
copied for each test, served by ``creer_app`` through Starlette's TestClient.

Every demo login has the demo password; argon2 runs with its cheapest parameters here.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from clerc.office import mots_de_passe
from clerc.office.db import creer_moteur, migrer
from clerc.office.generateur import UTILISATEURS_DEMO, generer
from clerc.office.services import utilisateurs
from clerc.office.services.etudes import contexte
from clerc.office.services.utilisateurs import MOT_DE_PASSE_DEMO
from clerc.web.app import creer_app

AU = date(2026, 11, 30)
DOSSIERS = 40
CLE = "cle-de-test-" + "x" * 40
ROLE_VERS_IDENTIFIANT = {role: identifiant for identifiant, role in UTILISATEURS_DEMO.items()}
FabriqueClient = Callable[[str | None], TestClient]


@pytest.fixture(scope="session", autouse=True)
def hachage_rapide() -> None:
    mots_de_passe.hacheur_de_test()


def creer_office_demo(fichier: Path) -> Path:
    """The demo office of the web tests in SQLite file ``fichier`` (also used by tests/e2e)."""
    mots_de_passe.hacheur_de_test()
    moteur = creer_moteur(f"sqlite:///{fichier}")
    try:
        migrer(moteur)
        generer(moteur, dossiers=DOSSIERS, graine=1, au=AU)
        utilisateurs.mots_de_passe_demo(contexte(moteur, "DEMO", "test"), list(UTILISATEURS_DEMO))
    finally:
        moteur.dispose()
    return fichier


@pytest.fixture(scope="session")
def modele_web(tmp_path_factory: pytest.TempPathFactory, hachage_rapide: None) -> Path:
    return creer_office_demo(tmp_path_factory.mktemp("web") / "demo.sqlite3")


@pytest.fixture
def moteur_web(modele_web: Path, tmp_path: Path) -> Iterator[Engine]:
    fichier = tmp_path / "demo.sqlite3"
    shutil.copyfile(modele_web, fichier)
    moteur = creer_moteur(f"sqlite:///{fichier}")
    yield moteur
    moteur.dispose()


@pytest.fixture
def app_web(moteur_web: Engine) -> FastAPI:
    return creer_app(moteur_web, cle_secrete=CLE, au=AU)


def jeton_csrf(html: str) -> str:
    trouve = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert trouve, "no CSRF token in the page"
    return trouve.group(1)


def connecter(client: TestClient, identifiant: str, mot_de_passe: str = MOT_DE_PASSE_DEMO) -> None:
    jeton = jeton_csrf(client.get("/connexion").text)
    reponse = client.post(
        "/connexion",
        data={"identifiant": identifiant, "mot_de_passe": mot_de_passe, "csrf_token": jeton},
        follow_redirects=False,
    )
    assert reponse.status_code == 303, reponse.text


@pytest.fixture
def client_pour(app_web: FastAPI) -> Iterator[FabriqueClient]:
    """``client_pour("clerc_gestionnaire")``: a client logged in with that role's demo login
    (``None``: not logged in)."""
    ouverts: list[TestClient] = []

    def fabriquer(role: str | None) -> TestClient:
        client = TestClient(app_web, base_url="http://testserver")
        client.__enter__()
        ouverts.append(client)
        if role is not None:
            connecter(client, ROLE_VERS_IDENTIFIANT[role])
        return client

    yield fabriquer
    for client in ouverts:
        client.__exit__(None, None, None)


def csrf_de(client: TestClient, chemin: str = "/dossiers") -> str:
    """The session's CSRF token, read from a page of the logged-in client."""
    return jeton_csrf(client.get(chemin).text)
