"""`clerc audit verifier`, `clerc sauvegarde`, `clerc restauration`: integrity and backups."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.orm import Session

from clerc.cli.commun import console, echec, emettre_json, erreurs_francaises
from clerc.cli.office import OptionEtude, OptionJson, OptionUtilisateur, moteur_configure
from clerc.office import audit as journal
from clerc.office import sauvegarde as copies
from clerc.office.db import creer_moteur
from clerc.office.services.etudes import contexte

audit_app = typer.Typer(help="Journal d'audit chaîné de l'étude.", no_args_is_help=True)


@audit_app.command("verifier")
@erreurs_francaises
def verifier(
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Recalcule le chaînage du journal d'audit et signale toute entrée modifiée ou supprimée."""
    moteur = moteur_configure()
    etude_id = contexte(moteur, etude, utilisateur).etude_id if etude else None
    with Session(moteur) as session:
        resultat = journal.verifier(session, etude_id)
    if sortie_json:
        emettre_json(
            {
                "intact": resultat.intact,
                "entrees": resultat.entrees,
                "anomalies": [
                    {"etude": a.etude_id, "rang": a.rang, "message": a.message}
                    for a in resultat.anomalies
                ],
                "tetes": {str(k): v for k, v in resultat.tetes.items()},
            }
        )
    elif resultat.intact:
        console.print(f"Journal d'audit intact : {resultat.entrees} entrée(s) vérifiée(s).")
        for etude_id_, tete in resultat.tetes.items():
            console.print(f"  Étude n° {etude_id_} : empreinte de tête {tete}")
    else:
        for anomalie in resultat.anomalies:
            console.print(
                f"[bold red]Anomalie[/] (étude n° {anomalie.etude_id}) : {anomalie.message}"
            )
    if not resultat.intact:
        echec(f"journal d'audit altéré : {len(resultat.anomalies)} anomalie(s).")


@erreurs_francaises
def sauvegarde(
    fichier: Annotated[Path, typer.Argument(help="Fichier de sauvegarde à écrire.")],
) -> None:
    """Copie cohérente de la base (SQLite) ou pg_dump (PostgreSQL)."""
    chemin = copies.sauvegarder(moteur_configure(), fichier)
    console.print(f"Sauvegarde écrite : {chemin}")


@erreurs_francaises
def restauration(
    fichier: Annotated[Path, typer.Argument(help="Fichier de sauvegarde à restaurer.")],
    remplacer: Annotated[
        bool, typer.Option("--remplacer", help="Écraser une base qui contient déjà des données.")
    ] = False,
) -> None:
    """Restaure une sauvegarde dans la base configurée (vide, sauf --remplacer)."""
    copies.restaurer(creer_moteur(), fichier, remplacer=remplacer)
    console.print(f"Base restaurée depuis {fichier}.")
