"""One router per resource of the web office (and the JSON API)."""

from __future__ import annotations

from fastapi import APIRouter

from clerc.web.routes import (
    accueil,
    actes,
    api,
    calculettes,
    connexion,
    dossiers,
    fonds,
    formation,
    import_csv,
    nouveau_dossier,
    parametres,
    textes,
    utilisateurs,
)

ROUTEURS: list[APIRouter] = [
    connexion.routeur,
    accueil.routeur,
    nouveau_dossier.routeur,  # before dossiers: /dossiers/nouveau is not a file reference
    dossiers.routeur,
    actes.routeur,
    fonds.routeur,
    import_csv.routeur,
    calculettes.routeur,
    formation.routeur,
    textes.routeur,  # before parametres: /parametres/textes
    parametres.routeur,
    utilisateurs.routeur,
    api.routeur,
]
