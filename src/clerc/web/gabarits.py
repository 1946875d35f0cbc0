"""Jinja2 templates of the web office and their French filters."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from clerc.office.droits import droits_du_role
from clerc.rules.monnaie import format_date_longue, format_euros, format_taux, montant_en_lettres
from clerc.rules.procedures.modele import LIBELLES_SANCTION
from clerc.web.deps import CHAMP_CSRF, ENTETE_CSRF, jeton_csrf

REPERTOIRE = resources.files("clerc.web") / "templates"
gabarits = Jinja2Templates(directory=str(REPERTOIRE))


def _decimal(valeur: Any) -> Decimal | None:
    if valeur is None or valeur == "":
        return None
    try:
        return Decimal(str(valeur))
    except InvalidOperation:
        return None


def _euros(valeur: Any) -> str:
    montant = _decimal(valeur)
    return "" if montant is None else format_euros(montant)


def _lettres(valeur: Any) -> str:
    montant = _decimal(valeur)
    return "" if montant is None else montant_en_lettres(montant)


def _date(valeur: Any) -> str:
    if valeur in (None, ""):
        return ""
    if isinstance(valeur, datetime):
        return str(valeur.strftime("%d/%m/%Y %H:%M"))
    if isinstance(valeur, str):
        try:
            valeur = date.fromisoformat(valeur[:10])
        except ValueError:
            return str(valeur)
    return valeur.strftime("%d/%m/%Y") if isinstance(valeur, date) else str(valeur)


def _date_longue(valeur: Any) -> str:
    if isinstance(valeur, str) and valeur:
        valeur = date.fromisoformat(valeur[:10])
    return format_date_longue(valeur) if isinstance(valeur, date) else ""


def _taux(valeur: Any) -> str:
    taux = _decimal(valeur)
    return "" if taux is None else format_taux(taux)


gabarits.env.filters.update(
    euros=_euros, lettres=_lettres, date=_date, date_longue=_date_longue, taux=_taux
)
gabarits.env.globals.update(
    CHAMP_CSRF=CHAMP_CSRF, ENTETE_CSRF=ENTETE_CSRF, LIBELLES_SANCTION=LIBELLES_SANCTION
)


def page(
    request: Request, nom: str, valeurs: dict[str, Any] | None = None, *, statut: int = 200
) -> HTMLResponse:
    """Render template ``nom`` with the user, his rights and the CSRF token."""
    utilisateur = getattr(request.state, "utilisateur", None)
    contexte: dict[str, Any] = {
        "utilisateur": utilisateur,
        "droits": droits_du_role(utilisateur.role) if utilisateur else frozenset(),
        "csrf": jeton_csrf(request),
        "htmx": request.headers.get("HX-Request") == "true",
    }
    contexte.update(valeurs or {})
    return gabarits.TemplateResponse(request, nom, contexte, status_code=statut)
