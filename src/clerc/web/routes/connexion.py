"""Logging in and out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from clerc.office.erreurs import OperationRefusee
from clerc.office.services import utilisateurs
from clerc.web.deps import (
    CLE_SESSION_CSRF,
    CLE_SESSION_UTILISATEUR,
    Moteur,
    UtilisateurOptionnel,
    verifier_csrf,
)
from clerc.web.gabarits import page

routeur = APIRouter(include_in_schema=False, dependencies=[Depends(verifier_csrf)])


def _suite_sure(suite: str | None) -> str:
    # Only a path of this site (no "//host" nor "https://..."): no open redirect.
    if suite and suite.startswith("/") and not suite.startswith("//") and "\\" not in suite:
        return suite
    return "/"


@routeur.get("/connexion")
def formulaire_connexion(
    request: Request, utilisateur: UtilisateurOptionnel, suite: str | None = None
) -> Response:
    if utilisateur is not None:
        return RedirectResponse(_suite_sure(suite), status_code=303)
    return page(request, "connexion.html", {"suite": _suite_sure(suite)})


@routeur.post("/connexion")
def connexion(
    request: Request,
    moteur: Moteur,
    identifiant: Annotated[str, Form(max_length=80)],
    mot_de_passe: Annotated[str, Form(max_length=200)],
    etude: Annotated[str, Form(max_length=40)] = "",
    suite: Annotated[str, Form(max_length=500)] = "/",
) -> Response:
    try:
        connecte = utilisateurs.authentifier(moteur, identifiant, mot_de_passe, etude or None)
    except OperationRefusee as refus:
        return page(
            request,
            "connexion.html",
            {"erreur": str(refus), "identifiant": identifiant, "etude": etude, "suite": suite},
            statut=401,
        )
    # A new session at login (no fixation): a fresh CSRF token with it.
    request.session.clear()
    request.session[CLE_SESSION_UTILISATEUR] = [connecte.etude_id, connecte.id]
    request.session.pop(CLE_SESSION_CSRF, None)
    return RedirectResponse(_suite_sure(suite), status_code=303)


@routeur.post("/deconnexion")
def deconnexion(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/connexion", status_code=303)
