"""Root Typer application: every `clerc ...` command."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from clerc.cli.acte import acte_app
from clerc.cli.audit import audit_app, restauration, sauvegarde
from clerc.cli.calcul import calcul_app
from clerc.cli.commun import erreurs_francaises, lire_date
from clerc.cli.dossier import dossier_app, fonds, paiement_app, reversement
from clerc.cli.francais import installer as installer_francais
from clerc.cli.generer import generer
from clerc.cli.import_csv import importer_commande
from clerc.cli.parametres import parametres_app
from clerc.cli.procedure import agenda_commande, procedure_app

installer_francais()  # Typer's own messages in French, before any command is built or run

app = typer.Typer(
    help="clerc : le logiciel libre des études de commissaires de justice.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(calcul_app, name="calcul")
app.add_typer(parametres_app, name="parametres")
app.add_typer(dossier_app, name="dossier")
app.add_typer(paiement_app, name="paiement")
app.add_typer(audit_app, name="audit")
app.add_typer(procedure_app, name="procedure")
app.add_typer(acte_app, name="acte")
app.command("reversement")(reversement)
app.command("fonds")(fonds)
app.command("sauvegarde")(sauvegarde)
app.command("restauration")(restauration)
app.command("import")(importer_commande)
app.command("agenda")(agenda_commande)
app.command("generer")(generer)


@app.command("demo")
@erreurs_francaises
def demo(
    au: Annotated[str, typer.Option("--au", help="Date de la démonstration (AAAA-MM-JJ).")] = "",
) -> None:
    """Étude de démonstration (générée si la base est vide) et moteur juridique."""
    from rich.console import Console

    from clerc.cli.demo import lancer_demo
    from clerc.cli.demo_etude import montrer_etude
    from clerc.cli.office import moteur_configure

    jour = lire_date(au, "--au") if au else date.today()
    montrer_etude(moteur_configure(), jour, Console())
    lancer_demo(jour)


def main() -> None:
    app()
