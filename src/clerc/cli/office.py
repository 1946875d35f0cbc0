"""Shared machinery of the office commands: the database, the acting user and office."""

from __future__ import annotations

from typing import Annotated

import typer
from sqlalchemy import Engine

from clerc.office.db import Contexte, creer_moteur, migrer
from clerc.office.services.etudes import contexte

OptionEtude = Annotated[
    str | None,
    typer.Option(
        "--etude", help="Code de l'étude (si la base en contient plusieurs; CLERC_ETUDE)."
    ),
]
OptionUtilisateur = Annotated[
    str | None,
    typer.Option(
        "--utilisateur",
        help="Utilisateur qui agit (CLERC_UTILISATEUR, sinon le compte du système) : "
        "le journal d'audit l'enregistre.",
    ),
]
OptionJson = Annotated[bool, typer.Option("--json", help="Sortie JSON.")]
OptionAu = Annotated[
    str, typer.Option("--au", help="Date de valeur (AAAA-MM-JJ ; défaut : aujourd'hui).")
]


def moteur_configure() -> Engine:
    """The configured database (CLERC_DATABASE_URL, else the SQLite file), migrated."""
    moteur = creer_moteur()
    migrer(moteur)
    return moteur


def contexte_cli(etude: str | None, utilisateur: str | None) -> Contexte:
    return contexte(moteur_configure(), etude, utilisateur)
