"""End-to-end fixtures: the web office served by uvicorn (in a thread, on a free loopback
port) on a generated demo office, driven by Debian's Chromium through Playwright.

Without Chromium or Playwright the tests are skipped with the reason, except under
``CI=true``, where they fail: CI must run them (the Makefile installs Debian's chromium).
Screenshots of the main pages are kept in ``artefacts/captures/`` (not versioned).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from sqlalchemy import Engine

from clerc.office import mots_de_passe
from clerc.office.db import creer_moteur
from clerc.web.app import creer_app
from tests.web.conftest import AU, CLE, creer_office_demo

CHROMIUM = Path("/usr/bin/chromium")
OPTIONS_CHROMIUM = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
CAPTURES = Path(__file__).resolve().parents[2] / "artefacts" / "captures"


def _absent(raison: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{raison} Sous CI, les tests de bout en bout doivent tourner.")
    pytest.skip(raison)


def _port_libre() -> int:
    with socket.socket() as prise:
        prise.bind(("127.0.0.1", 0))
        return int(prise.getsockname()[1])


@pytest.fixture(scope="session")
def modele_e2e(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return creer_office_demo(tmp_path_factory.mktemp("e2e-modele") / "demo.sqlite3")


@pytest.fixture(scope="module")
def moteur_e2e(modele_e2e: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    mots_de_passe.hacheur_de_test()
    fichier = tmp_path_factory.mktemp("e2e") / "demo.sqlite3"
    shutil.copyfile(modele_e2e, fichier)
    moteur = creer_moteur(f"sqlite:///{fichier}")
    yield moteur
    moteur.dispose()


@pytest.fixture(scope="module")
def adresse_serveur(moteur_e2e: Engine) -> Iterator[str]:
    """Base URL of a real HTTP server (uvicorn) serving the office."""
    port = _port_libre()
    config = uvicorn.Config(
        creer_app(moteur_e2e, cle_secrete=CLE, au=AU),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
    )
    serveur = uvicorn.Server(config)
    fil = threading.Thread(target=serveur.run, daemon=True)
    fil.start()
    debut = time.monotonic()
    while not serveur.started:
        if time.monotonic() - debut > 20:
            raise RuntimeError("le serveur web de test n'a pas démarré en 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    serveur.should_exit = True
    fil.join(timeout=10)


@pytest.fixture(scope="module")
def navigateur() -> Iterator[object]:
    if not CHROMIUM.exists():
        _absent("Chromium absent (/usr/bin/chromium) : « make test » installe le paquet Debian.")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _absent("Playwright absent de l'environnement.")
    with sync_playwright() as p:
        navigateur_ = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=OPTIONS_CHROMIUM
        )
        yield navigateur_
        navigateur_.close()


@pytest.fixture
def onglet(navigateur: object, adresse_serveur: str) -> Iterator[object]:
    """A fresh browser context (own cookies) and page, French locale, the office's URL."""
    contexte = navigateur.new_context(  # type: ignore[attr-defined]
        base_url=adresse_serveur,
        locale="fr-FR",
        accept_downloads=True,
        viewport={"width": 1366, "height": 900},
    )
    page = contexte.new_page()
    page.set_default_timeout(15_000)
    yield page
    contexte.close()


def capturer(page: object, nom: str) -> Path:
    CAPTURES.mkdir(parents=True, exist_ok=True)
    chemin = CAPTURES / f"{nom}.png"
    page.screenshot(path=str(chemin), full_page=True)  # type: ignore[attr-defined]
    return chemin
