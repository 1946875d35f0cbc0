"""`clerc formation exercice|corriger|solution`: training for the Clerc gestionnaire certification.

No database is needed: each exercise is built from a synthetic office generated in memory for
its seed and date, and its identifier is enough to rebuild it (docs/formation.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from clerc.cli.commun import console, emettre_json, erreurs_francaises, lire_date
from clerc.cli.office import OptionAu, OptionJson
from clerc.rules.erreurs import DonneeInvalide

formation_app = typer.Typer(
    help="Mode formation : exercices de la certification Clerc gestionnaire, corrigés par le "
    "moteur.",
    no_args_is_help=True,
)

ArgumentIdentifiant = Annotated[
    str,
    typer.Argument(
        help="Identifiant de l'exercice (ex. B1-decompte-debutant-42-20261130).",
        show_default=False,
    ),
]


def _afficher(titre: str, donnees: Any) -> None:
    console.print(f"[bold]{titre}[/]")
    console.print_json(json.dumps(donnees, ensure_ascii=False))


@formation_app.command("exercice")
@erreurs_francaises
def exercice_commande(
    bloc: Annotated[int, typer.Option("--bloc", help="Bloc de la certification (1 à 4).")],
    niveau: Annotated[
        str, typer.Option("--niveau", help="debutant, intermediaire ou confirme.")
    ] = "debutant",
    graine: Annotated[
        int | None,
        typer.Option("--graine", help="Graine du scénario (même graine, même exercice)."),
    ] = None,
    type_exercice: Annotated[
        str | None,
        typer.Option(
            "--type",
            help="Type d'exercice (bloc 1 : qualifier_titre, decompte, risques, mesures ; "
            "défaut : tiré de la graine).",
        ),
    ] = None,
    au: OptionAu = "",
    sortie_json: OptionJson = False,
) -> None:
    """Un nouvel exercice : consigne, dossier, format de la réponse."""
    from clerc.formation.exercices import nouvel_exercice

    jour = lire_date(au, "--au") if au else None
    exercice = nouvel_exercice(bloc, niveau, graine, jour, type_exercice).en_dict()
    if sortie_json:
        emettre_json(exercice)
        return
    console.print(f"[bold]Exercice {exercice['exercice']}[/] (bloc {exercice['bloc']})")
    console.print(exercice["consigne"])
    _afficher("Dossier", exercice["dossier"])
    _afficher("Format de la réponse", exercice["format_reponse"])
    console.print(
        f"Corriger : clerc formation corriger {exercice['exercice']} --reponse reponse.json"
    )


def _lire_reponse(chemin: Path) -> Any:
    try:
        texte = chemin.read_text(encoding="utf-8")
    except OSError:
        raise DonneeInvalide(f"--reponse : fichier « {chemin} » illisible ou absent.") from None
    try:
        return json.loads(texte)
    except json.JSONDecodeError as erreur:
        raise DonneeInvalide(
            f"--reponse : JSON invalide dans « {chemin} » (ligne {erreur.lineno}, colonne "
            f"{erreur.colno})."
        ) from None


@formation_app.command("corriger")
@erreurs_francaises
def corriger_commande(
    identifiant: ArgumentIdentifiant,
    reponse: Annotated[
        Path, typer.Option("--reponse", help="Fichier JSON de la réponse (voir format_reponse).")
    ],
    sortie_json: OptionJson = False,
) -> None:
    """Corrige une réponse : score sur 100 et corrections (attendu, donné, explication, article)."""
    from clerc.formation.exercices import corriger

    resultat = corriger(identifiant, _lire_reponse(reponse)).en_dict()
    if sortie_json:
        emettre_json(resultat)
        return
    console.print(f"[bold]Score : {resultat['score']} / 100[/]")
    for correction in resultat["corrections"]:
        console.print(
            f"- [bold]{correction['point']}[/] : attendu {correction['attendu']}, donné "
            f"{correction['donne']}. {correction['explication']} ({correction['article']})"
        )


@formation_app.command("solution")
@erreurs_francaises
def solution_commande(identifiant: ArgumentIdentifiant, sortie_json: OptionJson = False) -> None:
    """La réponse du moteur, au format de la réponse (elle obtient 100)."""
    from clerc.formation.exercices import solution

    resultat = solution(identifiant)
    if sortie_json:
        emettre_json(resultat)
        return
    _afficher(f"Solution de l'exercice {identifiant}", resultat)
