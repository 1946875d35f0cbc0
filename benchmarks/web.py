"""Server time of the web office's pages on the demo office (issue 6: every page under 100 ms).

Generates the demo office (300 files by default, seed 1, on 30 November 2026) in a temporary
SQLite file (or uses ``--base URL``, e.g. a 1 000 000-file office made by
``benchmarks/office.py``), logs in as the clerc gestionnaire in-process (Starlette's
TestClient: no network, so the time is the server's), and requests each main page 30 times
after two warm-up requests. Prints the median and the 95th percentile per page.

Run: ``python benchmarks/web.py [--dossiers 300] [--base URL] [--repetitions 30]``.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from clerc.office import mots_de_passe
from clerc.office.db import creer_moteur, migrer
from clerc.office.generateur import UTILISATEURS_DEMO, generer
from clerc.office.models import Dossier
from clerc.office.services import utilisateurs
from clerc.office.services.etudes import contexte
from clerc.web.app import creer_app

AU = date(2026, 11, 30)
CIBLE_MS = 100


def _connecter(client: TestClient, identifiant: str) -> None:
    jeton = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/connexion").text)
    assert jeton
    reponse = client.post(
        "/connexion",
        data={
            "identifiant": identifiant,
            "mot_de_passe": utilisateurs.MOT_DE_PASSE_DEMO,
            "csrf_token": jeton.group(1),
        },
        follow_redirects=False,
    )
    assert reponse.status_code == 303, reponse.text


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__)
    arguments.add_argument("--dossiers", type=int, default=300)
    arguments.add_argument("--base", default="")
    arguments.add_argument("--repetitions", type=int, default=30)
    options = arguments.parse_args()
    mots_de_passe.hacheur_de_test()  # login cost is not what is measured here

    with tempfile.TemporaryDirectory() as repertoire:
        url = options.base or f"sqlite:///{Path(repertoire) / 'demo.sqlite3'}"
        moteur = creer_moteur(url)
        migrer(moteur)
        if not options.base:
            debut = time.perf_counter()
            generer(moteur, dossiers=options.dossiers, graine=1, au=AU)
            duree = time.perf_counter() - debut
            print(f"Étude générée : {options.dossiers} dossiers en {duree:.1f} s")
        utilisateurs.mots_de_passe_demo(contexte(moteur, "DEMO", "bench"), list(UTILISATEURS_DEMO))
        with Session(moteur) as session:
            references = list(
                session.scalars(
                    select(Dossier.reference)
                    .where(Dossier.statut == "en_cours")
                    .order_by(Dossier.reference.desc())
                    .limit(3)
                )
            )
        pages = {
            "tableau de bord": "/",
            "dossiers (page 1)": "/dossiers",
            "dossiers (page 10)": "/dossiers?page=10",
            "dossiers (recherche « mar »)": "/dossiers?q=mar",
            **{f"dossier {r}": f"/dossiers/{r}" for r in references},
            f"décompte {references[0]}": f"/dossiers/{references[0]}/decompte",
            "fonds": "/fonds",
            "calculette intérêts": "/calculettes",
        }
        app = creer_app(moteur, cle_secrete="b" * 48, au=AU)
        with TestClient(app, raise_server_exceptions=False) as client:
            _connecter(client, "demo-clerc")
            print(f"{'page':<34} {'médiane':>9} {'p95':>9}  (ms, {options.repetitions} requêtes)")
            for nom, chemin in pages.items():
                statut = 0
                for _ in range(2):
                    statut = client.get(chemin).status_code
                if statut != 200:
                    print(f"{nom:<34} indisponible (statut {statut})")
                    continue
                durees = []
                for _ in range(options.repetitions):
                    debut = time.perf_counter()
                    reponse = client.get(chemin)
                    durees.append((time.perf_counter() - debut) * 1000)
                    assert reponse.status_code == 200, (chemin, reponse.status_code)
                durees.sort()
                p95 = durees[max(0, int(len(durees) * 0.95) - 1)]
                alerte = "  > cible" if p95 > CIBLE_MS else ""
                print(f"{nom:<34} {statistics.median(durees):>9.1f} {p95:>9.1f}{alerte}")
        moteur.dispose()


if __name__ == "__main__":
    main()
