"""`clerc serveur`: the web office on the configured database; `clerc demo` serves the demo."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer
from rich.console import Console
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from clerc.cli.commun import erreurs_francaises
from clerc.cli.office import moteur_configure

OptionHote = Annotated[
    str, typer.Option("--hote", help="Adresse d'écoute (127.0.0.1 : ce poste seulement).")
]
OptionPort = Annotated[int, typer.Option("--port", help="Port d'écoute.", min=1, max=65535)]


def servir(moteur: Engine, hote: str, port: int, *, production: bool, cle: str) -> None:
    import uvicorn

    from clerc.web.app import creer_app

    app = creer_app(moteur, cle_secrete=cle, production=production)
    uvicorn.run(
        app,
        host=hote,
        port=port,
        log_level="info" if production else "warning",
        proxy_headers=production,
        server_header=False,
    )


@erreurs_francaises
def serveur(
    hote: OptionHote = "127.0.0.1",
    port: OptionPort = 8000,
    production: Annotated[
        bool,
        typer.Option(
            "--production",
            help="Exige CLERC_SECRET_KEY, cookies de session « Secure » (HTTPS derrière un "
            "mandataire inverse).",
        ),
    ] = False,
) -> None:
    """Bureau web de l'étude sur la base configurée (CLERC_DATABASE_URL)."""
    from clerc.web.reglages import cle_secrete

    cle = cle_secrete(production=production)  # refused before anything starts
    moteur = moteur_configure()
    Console(stderr=True).print(f"Bureau web clerc : http://{hote}:{port}/")
    servir(moteur, hote, port, production=production, cle=cle)


def preparer_demo(moteur: Engine, au: date, console: Console) -> list[str]:
    """Generate the demo office when the database is empty, give its demo users the demo
    password, and return their logins."""
    from clerc.office.db import base_vide
    from clerc.office.generateur import UTILISATEURS_DEMO, generer
    from clerc.office.models import Etude
    from clerc.office.services import utilisateurs
    from clerc.office.services.etudes import contexte

    if base_vide(moteur):
        console.print("Base vide : génération de l'étude de démonstration (300 dossiers)…")
        rapport = generer(moteur, dossiers=300, graine=1, au=au)
        console.print(f"Étude {rapport.etude_code} générée en {rapport.secondes:.1f} s.")
    with Session(moteur) as session:
        demo = session.scalar(select(Etude.code).where(Etude.code == "DEMO"))
    if demo is None:
        return []
    utilisateurs.mots_de_passe_demo(contexte(moteur, "DEMO", "demo"), list(UTILISATEURS_DEMO))
    return list(UTILISATEURS_DEMO)
