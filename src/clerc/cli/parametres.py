"""`clerc parametres lister|ajouter|verifier`: the dated legal figures and the local overrides."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from clerc.cli.commun import (
    console,
    emettre_json,
    erreurs_francaises,
    lire_date,
    tableau,
)
from clerc.parametres_locaux import AjoutLocal, ajouter
from clerc.rules.erreurs import DonneeInvalide, ParametreManquant
from clerc.rules.parametres import (
    chemin_parametres_locaux,
    load_yaml,
    parametres,
    problemes,
)

parametres_app = typer.Typer(
    help="Paramètres légaux datés (taux, barèmes, tarif) et ajouts locaux de l'étude.",
    no_args_is_help=True,
)


def _resume(valeur: Any) -> str:
    if isinstance(valeur, dict):
        return "{…}"
    if isinstance(valeur, list):
        return f"[{len(valeur)} éléments]"
    return str(valeur)


@parametres_app.command("lister")
@erreurs_francaises
def lister(
    au: Annotated[str, typer.Option("--au", help="Date de valeur (AAAA-MM-JJ).")] = "",
    filtre: Annotated[str, typer.Option("--filtre", help="Ne garder que ces noms.")] = "",
    sortie_json: Annotated[bool, typer.Option("--json", help="Sortie JSON.")] = False,
) -> None:
    """Liste chaque paramètre avec sa valeur à une date, sa source et son état."""
    jour = lire_date(au, "--au") if au else date.today()
    lignes: list[dict[str, Any]] = []
    for parametre in parametres():
        if filtre and filtre not in parametre.nom:
            continue
        ligne: dict[str, Any] = {"nom": parametre.nom, "description": parametre.description}
        try:
            valeur = parametre.valeur_au(jour)
        except ParametreManquant as exc:
            ligne.update({"valeur": None, "etat": "manquant", "detail": str(exc)})
        else:
            ligne.update(
                {
                    "valeur": valeur.valeur,
                    "depuis": valeur.debut,
                    "etat": valeur.etat,
                    "source": valeur.reference.citation() if valeur.reference else "",
                    "url": valeur.reference.url if valeur.reference else "",
                }
            )
        lignes.append(ligne)
    if sortie_json:
        emettre_json({"au": jour, "parametres": lignes})
        return
    tableau(
        f"Paramètres légaux au {jour.isoformat()}",
        ["Paramètre", "Valeur", "Depuis", "État", "Source"],
        [
            [
                ligne["nom"],
                _resume(ligne["valeur"]) if ligne["valeur"] is not None else "—",
                ligne.get("depuis", ""),
                ligne["etat"],
                ligne.get("source", ""),
            ]
            for ligne in lignes
        ],
    )


@parametres_app.command("ajouter")
@erreurs_francaises
def ajouter_commande(
    nom: Annotated[str, typer.Argument(help="Nom du paramètre (voir « lister »).")],
    depuis: Annotated[str, typer.Option("--depuis", help="Premier jour d'application.")],
    valeur: Annotated[str, typer.Option("--valeur", help="Valeur (nombre ou YAML).")],
    reference: Annotated[str, typer.Option("--reference", help="Texte publié (arrêté, décret).")],
    url: Annotated[str, typer.Option("--url", help="Lien Légifrance du texte.")],
    jusqu_au: Annotated[str, typer.Option("--jusqu-au", help="Dernier jour (optionnel).")] = "",
    note: Annotated[str, typer.Option("--note", help="Commentaire.")] = "",
) -> None:
    """Ajoute une valeur publiée après la version installée (fichier local de l'étude)."""
    parametres().get(nom)  # unknown name -> French error
    try:
        valeur_lue = load_yaml(valeur)
    except Exception:
        raise DonneeInvalide(f"--valeur : valeur illisible « {valeur} ».") from None
    if valeur_lue is None:
        raise DonneeInvalide("--valeur : une valeur est obligatoire.")
    chemin = chemin_parametres_locaux()
    ajouter(
        chemin,
        AjoutLocal(
            nom=nom,
            depuis=lire_date(depuis, "--depuis"),
            valeur=valeur_lue,
            texte_reference=reference,
            url=url,
            jusqu_au=lire_date(jusqu_au, "--jusqu-au") if jusqu_au else None,
            note=note,
        ),
    )
    console.print(f"Valeur ajoutée à « {nom} » à compter du {depuis} ({chemin}).")


@parametres_app.command("verifier")
@erreurs_francaises
def verifier(
    sortie_json: Annotated[bool, typer.Option("--json", help="Sortie JSON.")] = False,
) -> None:
    """Vérifie chaque paramètre : références, ordre des dates, périodes non couvertes."""
    tous = list(parametres())
    trouves = [message for parametre in tous for message in problemes(parametre)]
    non_confirmes = [
        f"{valeur.parametre} au {valeur.debut} : {valeur.non_confirme}"
        for parametre in tous
        for valeur in parametre.valeurs
        if valeur.non_confirme
    ]
    locaux = [
        f"{valeur.parametre} au {valeur.debut}"
        for parametre in tous
        for valeur in parametre.valeurs
        if valeur.locale
    ]
    if sortie_json:
        emettre_json(
            {
                "parametres": len(tous),
                "problemes": trouves,
                "non_confirmes": non_confirmes,
                "ajouts_locaux": locaux,
            }
        )
    else:
        console.print(f"{len(tous)} paramètres vérifiés.")
        for message in non_confirmes:
            console.print(f"[yellow]Non confirmé[/] : {message}")
        for message in locaux:
            console.print(f"[cyan]Ajout local[/] : {message}")
        for message in trouves:
            console.print(f"[bold red]Problème[/] : {message}")
        if not trouves:
            console.print("Aucun problème.")
    if trouves:
        raise typer.Exit(code=1)
