"""`clerc import FICHIER.csv [--simulation]`: bulk intake of a creditor's CSV, all or nothing.

The format is described in docs/import_csv.md. A bad file imports nothing: every bad line is
listed with its number and the reason, on stderr, and the command exits with code 2.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

from clerc.cli.commun import EXIT_DONNEE_INVALIDE, console, emettre_json, erreurs_francaises
from clerc.office.db import creer_moteur, migrer
from clerc.office.import_csv import ImportRefuse, RapportImport, importer, lire_fichier
from clerc.office.services.etudes import contexte

APERCU = 20  # files listed by name in the French summary


def _json(rapport: RapportImport) -> dict[str, Any]:
    return {
        "simulation": rapport.simulation,
        "encodage": rapport.encodage,
        "lignes": rapport.lignes,
        "dossiers_crees": [
            {
                "reference": d.reference,
                "reference_mandant": d.reference_mandant,
                "creancier_siren": d.creancier_siren,
            }
            for d in rapport.dossiers_crees
        ],
        "dossiers_ignores": [
            {
                "reference": d.reference,
                "reference_mandant": d.reference_mandant,
                "creancier_siren": d.creancier_siren,
            }
            for d in rapport.dossiers_ignores
        ],
        "parties_creees": rapport.parties_creees,
        "titres_crees": rapport.titres_crees,
        "erreurs": [{"ligne": ligne, "message": message} for ligne, message in rapport.erreurs],
    }


def _refus(rapport: RapportImport, fichier: Path, json_: bool) -> None:
    if json_:
        emettre_json(_json(rapport))
    lignes = len({ligne for ligne, _ in rapport.erreurs})
    print(
        f"Import refusé : {lignes} ligne(s) en erreur dans « {fichier.name} », "
        "rien n'a été importé.",
        file=sys.stderr,
    )
    for ligne, message in rapport.erreurs:
        print(f"  ligne {ligne} : {message}", file=sys.stderr)
    raise SystemExit(EXIT_DONNEE_INVALIDE)


def _resume(rapport: RapportImport) -> None:
    crees, ignores = rapport.dossiers_crees, rapport.dossiers_ignores
    if rapport.simulation:
        console.print("[bold]Simulation[/] : rien n'a été enregistré. L'import créerait :")
    else:
        console.print("[bold green]Import terminé.[/]")
    console.print(f"  lignes lues : {rapport.lignes}")
    console.print(f"  dossiers créés : {len(crees)}")
    console.print(f"  parties créées : {rapport.parties_creees}")
    console.print(f"  titres enregistrés : {rapport.titres_crees}")
    if ignores:
        console.print(f"  dossiers déjà importés (ignorés) : {len(ignores)}")
    for dossier in crees[:APERCU]:
        console.print(f"    {dossier.reference} ← {dossier.reference_mandant}")
    if len(crees) > APERCU:
        console.print(f"    … et {len(crees) - APERCU} autre(s)")
    for ignore in ignores[:APERCU]:
        console.print(f"    {ignore.reference_mandant} : déjà importé (dossier {ignore.reference})")
    if len(ignores) > APERCU:
        console.print(f"    … et {len(ignores) - APERCU} autre(s) déjà importé(s)")


@erreurs_francaises
def importer_commande(
    fichier: Annotated[
        Path,
        typer.Argument(
            help="Fichier CSV du créancier (séparateur « ; », format : docs/import_csv.md).",
            show_default=False,
        ),
    ],
    simulation: Annotated[
        bool,
        typer.Option(
            "--simulation",
            help="Vérifie le fichier et indique ce qui serait créé, sans rien enregistrer.",
        ),
    ] = False,
    etude: Annotated[
        str | None,
        typer.Option("--etude", help="Code de l'étude (si la base en contient plusieurs)."),
    ] = None,
    utilisateur: Annotated[
        str | None,
        typer.Option(
            "--utilisateur",
            help="Utilisateur qui importe (sinon CLERC_UTILISATEUR ou le compte système).",
        ),
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Résultat en JSON.")] = False,
) -> None:
    """Importe les dossiers d'un fichier CSV de créancier, tout ou rien.

    Une ligne erronée et rien n'est importé : chaque ligne fautive est signalée avec la raison.

    Un dossier déjà importé (même créancier, même référence mandant) est ignoré.
    """
    octets = lire_fichier(fichier)
    moteur = creer_moteur()
    try:
        migrer(moteur)
        qui = contexte(moteur, etude, utilisateur)
        erreurs = Console(stderr=True)
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TimeRemainingColumn(),
            console=erreurs,
            transient=True,
            disable=not erreurs.is_terminal,
        ) as barre:
            tache = barre.add_task("Simulation" if simulation else "Import", total=None)

            def progression(fait: int, total: int) -> None:
                barre.update(tache, completed=fait, total=total)

            try:
                rapport = importer(qui, octets, simulation=simulation, progression=progression)
            except ImportRefuse as refus:
                barre.stop()
                _refus(refus.rapport, fichier, json_)
                return
    finally:
        moteur.dispose()
    if json_:
        emettre_json(_json(rapport))
    else:
        _resume(rapport)
