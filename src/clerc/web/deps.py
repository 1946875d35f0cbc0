"""Dependencies of the web office, as ``Annotated`` aliases: the database, who is logged in,
what his role allows, his office context, and the CSRF check of every form."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import AsyncIterator, Callable
from datetime import date
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine

from clerc.office.db import Contexte
from clerc.office.droits import LIBELLES_DROITS, peut
from clerc.office.services import utilisateurs
from clerc.office.services.utilisateurs import UtilisateurConnecte

CLE_SESSION_UTILISATEUR = "utilisateur"
CLE_SESSION_CSRF = "csrf"
CHAMP_CSRF = "csrf_token"
ENTETE_CSRF = "X-CSRF-Token"
METHODES_SURES = frozenset({"GET", "HEAD", "OPTIONS"})


class NonConnecte(Exception):
    """No valid session: HTML pages redirect to the login page."""


class AccesRefuse(Exception):
    """The role does not allow this (HTTP 403, French message)."""


class JetonCsrfInvalide(Exception):
    """A form without the session's CSRF token (HTTP 403)."""


def moteur(request: Request) -> Engine:
    return request.app.state.moteur  # type: ignore[no-any-return]


Moteur = Annotated[Engine, Depends(moteur)]


def utilisateur_optionnel(request: Request, moteur_: Moteur) -> UtilisateurConnecte | None:
    """The logged-in user, re-read from the database on each request (a deactivated or
    demoted user loses his rights at once); None without a valid session."""
    if hasattr(request.state, "utilisateur"):
        return request.state.utilisateur  # type: ignore[no-any-return]
    trouve = None
    valeur = request.session.get(CLE_SESSION_UTILISATEUR)
    if isinstance(valeur, list) and len(valeur) == 2 and all(isinstance(v, int) for v in valeur):
        trouve = utilisateurs.utilisateur_connecte(moteur_, valeur[0], valeur[1])
        if trouve is None:
            request.session.pop(CLE_SESSION_UTILISATEUR, None)
    request.state.utilisateur = trouve
    return trouve


UtilisateurOptionnel = Annotated[UtilisateurConnecte | None, Depends(utilisateur_optionnel)]


def utilisateur_requis(utilisateur: UtilisateurOptionnel) -> UtilisateurConnecte:
    if utilisateur is None:
        raise NonConnecte
    return utilisateur


Connecte = Annotated[UtilisateurConnecte, Depends(utilisateur_requis)]


def refuser_sauf(utilisateur: UtilisateurConnecte, droit: str) -> None:
    if not peut(utilisateur.role, droit):
        action = LIBELLES_DROITS[droit]
        de = "d'" if action[0] in "aeéèêiouy" else "de "
        raise AccesRefuse(f"Votre rôle ({utilisateur.libelle_role}) ne permet pas {de}{action}.")


def exiger(droit: str) -> Callable[[UtilisateurConnecte], UtilisateurConnecte]:
    """A dependency giving the user when his role holds ``droit`` (else HTTP 403)."""

    def _verifier(utilisateur: Connecte) -> UtilisateurConnecte:
        refuser_sauf(utilisateur, droit)
        return utilisateur

    return _verifier


def contexte(utilisateur: Connecte, moteur_: Moteur) -> Contexte:
    """The office context of the user's services (a créancier-client's is confined to its
    own files)."""
    return utilisateur.contexte(moteur_)


ContexteEtude = Annotated[Contexte, Depends(contexte)]


def jeton_csrf(request: Request) -> str:
    """The session's CSRF token (created with the session)."""
    jeton = request.session.get(CLE_SESSION_CSRF)
    if not isinstance(jeton, str):
        jeton = secrets.token_urlsafe(32)
        request.session[CLE_SESSION_CSRF] = jeton
    return jeton


async def verifier_csrf(request: Request) -> AsyncIterator[None]:
    """Every state-changing request of the pages carries the session's token, in the form
    (``csrf_token``) or, for HTMX, in the ``X-CSRF-Token`` header (synchronizer token).
    The form read here is Starlette's cached one (the route reads the same); it is closed
    after the response, so that an uploaded file refused here leaves no open temporary file."""
    if request.method in METHODES_SURES:
        yield
        return
    formulaire = None
    try:
        attendu = request.session.get(CLE_SESSION_CSRF)
        donne = request.headers.get(ENTETE_CSRF)
        if donne is None:
            type_contenu = request.headers.get("content-type", "")
            if type_contenu.startswith(
                ("application/x-www-form-urlencoded", "multipart/form-data")
            ):
                formulaire = await request.form()
                valeur = formulaire.get(CHAMP_CSRF)
                donne = valeur if isinstance(valeur, str) else None
        if not isinstance(attendu, str) or donne is None or not hmac.compare_digest(attendu, donne):
            raise JetonCsrfInvalide
        yield
    finally:
        if formulaire is not None:
            await formulaire.close()


def aujourd_hui(request: Request) -> date:
    """The office's today (fixed by ``creer_app(au=...)`` for the demo and the tests)."""
    fixe = request.app.state.au
    return fixe if isinstance(fixe, date) else date.today()


Aujourdhui = Annotated[date, Depends(aujourd_hui)]
