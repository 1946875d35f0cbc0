"""`clerc textes lister|afficher|ajouter`: the articles acts reproduce word for word.

Acts that reproduce articles (CPCE R211-1 5°, R212-1-3 4°, R412-1, R125-2 II) are not signed
while a wording is missing. ``lister`` says, at a date, which texts are there and which are
missing; ``ajouter`` lets the office add a wording copied from Légifrance (its own texts
directory, recorded in the audit log), ``afficher`` prints the wording acts will reproduce.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from clerc.actes.textes_reproduits import (
    chemin_textes_locaux,
    normaliser_article,
    texte_reproduit,
    textes_locaux_ecartes,
)
from clerc.actes.textes_requis import EtatTexte, etat_des_textes
from clerc.cli.commun import console, emettre_json, erreurs_francaises, lire_date, tableau
from clerc.cli.office import OptionEtude, OptionJson, OptionUtilisateur, contexte_cli
from clerc.office.services.parametres import ajouter_texte_local
from clerc.rules.erreurs import DonneeInvalide
from clerc.textes_locaux import AjoutTexte

textes_app = typer.Typer(
    help="Textes reproduits mot pour mot dans les actes : état, lecture, ajout par l'étude.",
    no_args_is_help=True,
)


def _ligne(etat: EtatTexte) -> dict[str, Any]:
    version = etat.version
    return {
        "article": etat.article,
        "etat": etat.etat,
        "en_vigueur_du": version.en_vigueur_du if version else None,
        "en_vigueur_au": version.en_vigueur_au if version else None,
        "source": version.source if version else "",
        "actes": [t.code for t in etat.types],
    }


@textes_app.command("lister")
@erreurs_francaises
def lister(
    au: Annotated[str, typer.Option("--au", help="Date des actes (AAAA-MM-JJ).")] = "",
    manquants: Annotated[
        bool, typer.Option("--manquants", help="Seulement les textes qui manquent.")
    ] = False,
    json_: OptionJson = False,
) -> None:
    """Liste les textes que les actes reproduisent, et ceux qui manquent à une date."""
    jour = lire_date(au, "--au") if au else date.today()
    lignes = [_ligne(e) for e in etat_des_textes(jour) if not manquants or e.version is None]
    if json_:
        emettre_json(
            {
                "au": jour,
                "dossier_local": str(chemin_textes_locaux()),
                "textes": lignes,
                "ecartes": list(textes_locaux_ecartes()),
            }
        )
        return
    tableau(
        f"Textes reproduits dans les actes au {jour.isoformat()}",
        ["Article", "État", "En vigueur du", "Actes"],
        [
            [
                ligne["article"],
                ligne["etat"],
                ligne["en_vigueur_du"] or "—",
                ", ".join(ligne["actes"]),
            ]
            for ligne in lignes
        ],
    )
    for ecarte in textes_locaux_ecartes():
        console.print(f"[bold red]{ecarte}[/]", highlight=False)
    if any(ligne["etat"] == "manquant" for ligne in lignes):
        console.print(
            "Un acte qui reproduit un texte manquant ne peut pas être signé : recopiez le texte "
            "de Légifrance avec « clerc textes ajouter ».",
            highlight=False,
        )


@textes_app.command("afficher")
@erreurs_francaises
def afficher(
    article: Annotated[str, typer.Argument(help="Article, avec son code (CPCE R212-1-5).")],
    au: Annotated[str, typer.Option("--au", help="Date des actes (AAAA-MM-JJ).")] = "",
    json_: OptionJson = False,
) -> None:
    """Affiche le texte qu'un acte daté de --au reproduit, avec sa source."""
    jour = lire_date(au, "--au") if au else date.today()
    version = texte_reproduit(article, jour)
    if json_:
        emettre_json(
            {
                "article": version.article,
                "code": version.code,
                "texte": version.texte,
                "en_vigueur_du": version.en_vigueur_du,
                "en_vigueur_au": version.en_vigueur_au,
                "source": version.source,
                "identifiant": version.identifiant,
                "ajout_local": version.locale,
            }
        )
        return
    console.print(f"[bold]Article {version.article}[/] ({version.code})", highlight=False)
    typer.echo(version.texte)
    fin = version.en_vigueur_au.isoformat() if version.en_vigueur_au else "…"
    console.print(
        f"En vigueur du {version.en_vigueur_du.isoformat()} au {fin} ; source : "
        f"{version.source}{' (ajout de l’étude)' if version.locale else ''}",
        highlight=False,
    )


def _lire_texte(fichier: str) -> str:
    if fichier == "-":
        return sys.stdin.read()
    try:
        return Path(fichier).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DonneeInvalide(f"Fichier du texte introuvable : « {fichier} ».") from None
    except (OSError, UnicodeDecodeError) as erreur:
        raise DonneeInvalide(
            f"Fichier du texte illisible : « {fichier} » ({erreur}) ; attendu : du texte UTF-8."
        ) from None


@textes_app.command("ajouter")
@erreurs_francaises
def ajouter(
    article: Annotated[str, typer.Argument(help="Article, avec son code (CPCE R212-1-5).")],
    du: Annotated[str, typer.Option("--du", help="Premier jour en vigueur (AAAA-MM-JJ).")],
    source: Annotated[str, typer.Option("--source", help="Adresse où le texte a été lu.")],
    fichier: Annotated[
        str, typer.Option("--fichier", help="Fichier texte (UTF-8) de l'article, ou - (entrée).")
    ],
    au: Annotated[str, typer.Option("--au", help="Dernier jour en vigueur (optionnel).")] = "",
    identifiant: Annotated[
        str, typer.Option("--identifiant", help="Identifiant Légifrance (LEGIARTI…).")
    ] = "",
    note: Annotated[str, typer.Option("--note", help="Comment les dates ont été établies.")] = "",
    code: Annotated[str, typer.Option("--code", help="Nom du code, s'il n'est pas déduit.")] = "",
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    json_: OptionJson = False,
) -> None:
    """Ajoute le texte d'un article recopié de Légifrance (dossier des textes de l'étude,
    inscrit au journal d'audit) : un alinéa par ligne, comme Légifrance l'affiche. Une
    rédaction ajoutée avant et restée ouverte est close la veille de la nouvelle."""
    texte = ajouter_texte_local(
        contexte_cli(etude, utilisateur),
        AjoutTexte(
            article=article,
            texte=_lire_texte(fichier),
            en_vigueur_du=lire_date(du, "--du"),
            en_vigueur_au=lire_date(au, "--au") if au else None,
            source=source,
            identifiant=identifiant,
            note=note,
            code=code,
        ),
    )
    if json_:
        emettre_json(
            {
                "article": texte.article,
                "en_vigueur_du": texte.en_vigueur_du,
                "en_vigueur_au": texte.en_vigueur_au,
                "paragraphes": len(texte.texte.split("\n\n")),
                "dossier_local": str(chemin_textes_locaux()),
            }
        )
        return
    console.print(
        f"Texte de {normaliser_article(article)} ajouté, en vigueur à compter du "
        f"{texte.en_vigueur_du.isoformat()} ({len(texte.texte.split(chr(10) * 2))} "
        f"paragraphe(s)), dans {chemin_textes_locaux()}.",
        highlight=False,
    )
