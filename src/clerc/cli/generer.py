"""`clerc generer`: write a synthetic office (demo, training, benchmarks) into the database.

Registered by the root application as ``app.command("generer")(generer)``.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from clerc.cli.commun import console, echec, emettre_json, erreurs_francaises, lire_date, tableau
from clerc.cli.office import OptionJson, OptionUtilisateur, moteur_configure
from clerc.config import utilisateur_courant
from clerc.office.generateur import PIEGES, RapportGeneration
from clerc.office.generateur import generer as generer_etude
from clerc.office.models.etude import ROLES


@erreurs_francaises
def generer(
    dossiers: Annotated[
        int,
        typer.Option(
            "--dossiers", help="Nombre de dossiers à générer (au moins 1).", show_default=False
        ),
    ],
    graine: Annotated[
        int,
        typer.Option("--graine", help="Graine du hasard : même graine et même date, même étude."),
    ] = 1,
    au: Annotated[
        str,
        typer.Option(
            "--au", help="Date à laquelle l'étude est décrite (AAAA-MM-JJ ; défaut : aujourd'hui)."
        ),
    ] = "",
    remplacer: Annotated[
        bool,
        typer.Option(
            "--remplacer", help="Efface d'abord toute la base (sinon, une base vide est exigée)."
        ),
    ] = False,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Génère une étude de démonstration réaliste (créanciers, débiteurs, dossiers, titres,
    paiements, fonds de tiers, pièges) dans la base configurée (CLERC_DATABASE_URL)."""
    if dossiers < 1:
        echec(f"--dossiers : au moins un dossier (reçu {dossiers}).")
    jour = lire_date(au, "--au") if au else None
    moteur = moteur_configure()
    erreurs = Console(stderr=True)
    with Progress(
        TextColumn("Génération"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=erreurs,
        transient=True,
        disable=not erreurs.is_terminal,
    ) as barre:
        tache = barre.add_task("dossiers", total=dossiers)
        rapport = generer_etude(
            moteur,
            dossiers=dossiers,
            graine=graine,
            au=jour,
            remplacer=remplacer,
            progression=lambda fait: barre.update(tache, completed=fait),
            utilisateur=utilisateur_courant(utilisateur),
        )
    if sortie_json:
        emettre_json(_en_json(rapport))
    else:
        _afficher(rapport)


def _en_json(rapport: RapportGeneration) -> dict[str, object]:
    return {
        "etude": rapport.etude_code,
        "graine": rapport.graine,
        "au": rapport.au,
        "dossiers": rapport.dossiers,
        "lignes": rapport.lignes,
        "pieges": rapport.pieges,
        "identifiants": rapport.identifiants,
        "secondes": round(rapport.secondes, 3),
        "dossiers_par_seconde": round(rapport.dossiers_par_seconde, 1),
    }


def _afficher(rapport: RapportGeneration) -> None:
    console.print(
        f"Étude de démonstration [bold]{rapport.etude_code}[/] générée au "
        f"{rapport.au.isoformat()} (graine {rapport.graine}) : {rapport.dossiers} dossier(s) en "
        f"{rapport.secondes:.1f} s ({rapport.dossiers_par_seconde:.0f} dossiers/s)."
    )
    tableau("Lignes écrites", ("Table", "Lignes"), sorted(rapport.lignes.items()))
    tableau(
        "Pièges (dossiers à repérer)",
        ("Code", "Piège", "Dossiers"),
        [(code, PIEGES[code], nombre) for code, nombre in rapport.pieges.items()],
    )
    tableau(
        "Identifiants de démonstration (sans mot de passe pour l'instant)",
        ("Identifiant", "Rôle"),
        [(login, ROLES[role]) for login, role in rapport.identifiants.items()],
    )
