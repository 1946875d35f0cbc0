"""`clerc etude creer`: a new office in the database (before its first administrator)."""

from __future__ import annotations

from typing import Annotated

import typer

from clerc.cli.commun import emettre_json, erreurs_francaises
from clerc.cli.office import OptionJson, OptionUtilisateur, moteur_configure
from clerc.config import utilisateur_courant
from clerc.office.services.etudes import creer_etude

etude_app = typer.Typer(help="Études de la base (création).", no_args_is_help=True)


@etude_app.command("creer")
@erreurs_francaises
def creer(
    code: Annotated[str, typer.Argument(help="Code court et stable de l'étude (ex. DUPONT75).")],
    nom: Annotated[str, typer.Option("--nom", help="Dénomination de l'étude.")],
    territoire: Annotated[
        str,
        typer.Option("--territoire", help="Département dont le calendrier s'applique (75, 57…)."),
    ],
    siret: Annotated[str | None, typer.Option("--siret", help="SIRET de l'étude.")] = None,
    commissaire: Annotated[
        list[str] | None,
        typer.Option("--commissaire", help="Commissaire de justice (répéter l'option)."),
    ] = None,
    adresse: Annotated[str, typer.Option("--adresse", help="Adresse (rue).")] = "",
    code_postal: Annotated[str, typer.Option("--code-postal", help="Code postal.")] = "",
    commune: Annotated[str, typer.Option("--commune", help="Commune.")] = "",
    telephone: Annotated[str | None, typer.Option("--telephone", help="Téléphone.")] = None,
    courriel: Annotated[str | None, typer.Option("--courriel", help="Courriel.")] = None,
    utilisateur: OptionUtilisateur = None,
    json_: OptionJson = False,
) -> None:
    """Crée une étude ; créez ensuite son administrateur avec « clerc utilisateur creer »."""
    numero = creer_etude(
        moteur_configure(),
        code=code,
        nom=nom,
        territoire=territoire,
        utilisateur=utilisateur_courant(utilisateur),
        siret=siret,
        commissaires=tuple(commissaire or ()),
        adresse=adresse,
        code_postal=code_postal,
        commune=commune,
        telephone=telephone,
        courriel=courriel,
    )
    if json_:
        emettre_json({"etude": numero, "code": code})
    else:
        typer.echo(
            f"Étude « {code} » créée. Créez son administrateur : clerc utilisateur creer "
            f"IDENTIFIANT --etude {code}"
        )
