"""`clerc utilisateur ...`: the users of the web office (the first administrator first)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from clerc.cli.commun import echec, emettre_json, erreurs_francaises, tableau
from clerc.cli.office import OptionEtude, OptionJson, OptionUtilisateur, contexte_cli
from clerc.office.models.etude import ROLES
from clerc.office.services import etudes, utilisateurs

utilisateur_app = typer.Typer(
    help="Utilisateurs du bureau web (identifiants, rôles, mots de passe).",
    no_args_is_help=True,
)


def _mot_de_passe(depuis_entree: bool) -> str:
    if depuis_entree:
        texte = sys.stdin.readline().rstrip("\n")
        if not texte:
            echec("Aucun mot de passe lu sur l'entrée standard.")
        return texte
    premier = typer.prompt("Mot de passe", hide_input=True)
    if typer.prompt("Confirmation", hide_input=True) != premier:
        echec("Les deux saisies du mot de passe diffèrent.")
    return str(premier)


OptionMotDePasseEntree = Annotated[
    bool,
    typer.Option(
        "--mot-de-passe-stdin",
        help="Lire le mot de passe sur l'entrée standard (scripts) au lieu de le demander.",
    ),
]


@utilisateur_app.command("creer")
@erreurs_francaises
def creer(
    identifiant: Annotated[str, typer.Argument(help="Identifiant de connexion.")],
    role: Annotated[
        str, typer.Option("--role", help=f"Rôle : {', '.join(ROLES)}.")
    ] = "administrateur",
    nom: Annotated[str, typer.Option("--nom", help="Nom affiché.")] = "",
    creancier: Annotated[
        int | None,
        typer.Option("--creancier", help="N° du créancier (rôle creancier_client)."),
    ] = None,
    mot_de_passe_stdin: OptionMotDePasseEntree = False,
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    json_: OptionJson = False,
) -> None:
    """Crée un utilisateur (par défaut un administrateur) avec son mot de passe."""
    mot_de_passe = _mot_de_passe(mot_de_passe_stdin)
    contexte = contexte_cli(etude, utilisateur)
    numero = etudes.creer_utilisateur(
        contexte,
        identifiant=identifiant,
        role=role,
        nom=nom,
        mot_de_passe=mot_de_passe,
        creancier_id=creancier,
    )
    if json_:
        emettre_json({"utilisateur": numero, "identifiant": identifiant, "role": role})
    else:
        typer.echo(f"Utilisateur « {identifiant} » créé ({ROLES[role]}).")


@utilisateur_app.command("mot-de-passe")
@erreurs_francaises
def mot_de_passe(
    identifiant: Annotated[str, typer.Argument(help="Identifiant de connexion.")],
    mot_de_passe_stdin: OptionMotDePasseEntree = False,
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
) -> None:
    """Définit le mot de passe d'un utilisateur."""
    texte = _mot_de_passe(mot_de_passe_stdin)
    utilisateurs.definir_mot_de_passe(contexte_cli(etude, utilisateur), identifiant, texte)
    typer.echo(f"Mot de passe de « {identifiant} » défini.")


@utilisateur_app.command("lister")
@erreurs_francaises
def lister(
    etude: OptionEtude = None, utilisateur: OptionUtilisateur = None, json_: OptionJson = False
) -> None:
    """Liste les utilisateurs de l'étude."""
    liste = utilisateurs.lister(contexte_cli(etude, utilisateur))
    if json_:
        emettre_json({"utilisateurs": liste})
        return
    tableau(
        "Utilisateurs",
        ("Identifiant", "Nom", "Rôle", "Actif", "Mot de passe"),
        [
            (
                u["identifiant"],
                u["nom"],
                u["libelle_role"],
                "oui" if u["actif"] else "non",
                "défini" if u["mot_de_passe_defini"] else "—",
            )
            for u in liste
        ],
    )
