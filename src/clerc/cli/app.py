"""Root Typer application: every `clerc ...` command."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from clerc.cli.acte import acte_app
from clerc.cli.api import api_app
from clerc.cli.audit import audit_app, restauration, sauvegarde
from clerc.cli.calcul import calcul_app
from clerc.cli.commun import erreurs_francaises, lire_date
from clerc.cli.dossier import dossier_app, fonds, paiement_app, reversement
from clerc.cli.etude import etude_app
from clerc.cli.formation import formation_app
from clerc.cli.francais import installer as installer_francais
from clerc.cli.generer import generer
from clerc.cli.import_csv import importer_commande
from clerc.cli.parametres import parametres_app
from clerc.cli.procedure import agenda_commande, procedure_app
from clerc.cli.serveur import OptionHote, OptionPort, serveur
from clerc.cli.textes import textes_app
from clerc.cli.utilisateur import utilisateur_app

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
app.add_typer(textes_app, name="textes")
app.add_typer(api_app, name="api")
app.add_typer(etude_app, name="etude")
app.add_typer(formation_app, name="formation")
app.add_typer(utilisateur_app, name="utilisateur")
app.command("serveur")(serveur)
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
    terminal: Annotated[
        bool,
        typer.Option("--terminal", help="Montrer l'étude et le moteur dans le terminal, sans web."),
    ] = False,
    hote: OptionHote = "127.0.0.1",
    port: OptionPort = 8000,
) -> None:
    """Étude de démonstration (générée si la base est vide), servie dans le navigateur."""
    from rich.console import Console

    from clerc.cli.office import moteur_configure
    from clerc.cli.serveur import preparer_demo, servir
    from clerc.office.generateur import UTILISATEURS_DEMO
    from clerc.office.models.etude import ROLES
    from clerc.office.services.utilisateurs import MOT_DE_PASSE_DEMO

    jour = lire_date(au, "--au") if au else date.today()
    console = Console()
    moteur = moteur_configure()
    if terminal:
        from clerc.cli.demo import lancer_demo
        from clerc.cli.demo_etude import montrer_etude

        montrer_etude(moteur, jour, console)
        lancer_demo(jour)
        return
    identifiants = preparer_demo(moteur, jour, console)
    console.print(f"\n[bold]Bureau web de démonstration : http://{hote}:{port}/[/]")
    if identifiants:
        console.print(f"Mot de passe de chaque compte de démonstration : {MOT_DE_PASSE_DEMO}")
        for identifiant in identifiants:
            console.print(f"  {identifiant:<18} {ROLES[UTILISATEURS_DEMO[identifiant]]}")
    console.print(f"Calculettes sans compte : http://{hote}:{port}/calculettes")
    console.print("Arrêt : Ctrl+C.")
    from clerc.web.reglages import cle_secrete

    servir(moteur, hote, port, production=False, cle=cle_secrete(production=False))


def main() -> None:
    app()
