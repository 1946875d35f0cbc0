"""`clerc api jeton ...`: the creditors' tokens of the JSON API (``/api/``).

A token opens one creditor's files only. It is printed once, when it is created: only its
digest is kept, so a lost token is revoked and replaced, never shown again."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from clerc.cli.commun import console, emettre_json, erreurs_francaises, tableau
from clerc.cli.office import OptionEtude, OptionJson, OptionUtilisateur, contexte_cli
from clerc.office.services import utilisateurs

api_app = typer.Typer(help="API JSON des créanciers (/api/).", no_args_is_help=True)
jeton_app = typer.Typer(
    help="Jetons d'accès des créanciers à l'API : créer, lister, révoquer.", no_args_is_help=True
)
api_app.add_typer(jeton_app, name="jeton")


def _horodatage(valeur: datetime | None) -> str:
    return valeur.strftime("%Y-%m-%d %H:%M UTC") if valeur else "—"


@jeton_app.command("creer")
@erreurs_francaises
def creer(
    creancier: Annotated[
        int, typer.Option("--creancier", help="N° du créancier (partie) auquel le jeton ouvre.")
    ],
    libelle: Annotated[
        str, typer.Option("--libelle", help="À quoi sert le jeton (logiciel du créancier…).")
    ] = "",
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    json_: OptionJson = False,
) -> None:
    """Crée un jeton pour un créancier et l'affiche, une seule fois."""
    jeton = utilisateurs.creer_jeton(contexte_cli(etude, utilisateur), creancier, libelle)
    if json_:
        emettre_json({"creancier_id": creancier, "libelle": libelle, "jeton": jeton})
        return
    typer.echo(jeton)
    console.print(
        "[bold yellow]Notez ce jeton maintenant[/] : il ne sera plus jamais affiché (seule son "
        "empreinte est gardée). Le créancier l'envoie dans l'en-tête "
        "« Authorization: Bearer <jeton> ».",
        highlight=False,
    )


@jeton_app.command("lister")
@erreurs_francaises
def lister(
    etude: OptionEtude = None, utilisateur: OptionUtilisateur = None, json_: OptionJson = False
) -> None:
    """Liste les jetons de l'étude (jamais les jetons eux-mêmes), du plus récent au plus
    ancien."""
    jetons = utilisateurs.lister_jetons(contexte_cli(etude, utilisateur))
    if json_:
        emettre_json({"jetons": jetons})
        return
    tableau(
        f"{len(jetons)} jeton(s)",
        ("N°", "Créancier", "Libellé", "Créé le", "Dernier usage", "Révoqué le"),
        [
            (
                j["id"],
                f"{j['creancier']} (n° {j['creancier_id']})",
                j["libelle"] or "—",
                _horodatage(j["cree_le"]),
                _horodatage(j["utilise_le"]),
                _horodatage(j["revoque_le"]),
            )
            for j in jetons
        ],
    )


@jeton_app.command("revoquer")
@erreurs_francaises
def revoquer(
    numero: Annotated[int, typer.Argument(help="N° du jeton (« clerc api jeton lister »).")],
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
) -> None:
    """Révoque un jeton : il n'ouvre plus l'API, dès la requête suivante."""
    utilisateurs.revoquer_jeton(contexte_cli(etude, utilisateur), numero)
    typer.echo(f"Jeton n° {numero} révoqué.")
