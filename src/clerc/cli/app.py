"""Root Typer application: `clerc calcul ...`, `clerc parametres ...`, `clerc demo`."""

from __future__ import annotations

import typer

from clerc.cli.calcul import calcul_app
from clerc.cli.parametres import parametres_app

app = typer.Typer(
    help="clerc : le logiciel libre des études de commissaires de justice.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(calcul_app, name="calcul")
app.add_typer(parametres_app, name="parametres")


@app.command("demo")
def demo() -> None:
    """Montre le moteur juridique sur un dossier réaliste (décompte, quotité, délais)."""
    from clerc.cli.demo import lancer_demo

    lancer_demo()


def main() -> None:
    app()
