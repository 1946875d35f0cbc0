"""The dashboard (tableau de bord): today's agenda, lapse risks first, files, funds, KPIs."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from clerc.office.droits import peut
from clerc.office.services import agenda
from clerc.office.services.agenda import CATEGORIES
from clerc.office.services.tableau_de_bord import tableau_de_bord
from clerc.web.deps import Aujourdhui, Connecte, ContexteEtude, verifier_csrf
from clerc.web.gabarits import page

routeur = APIRouter(include_in_schema=False, dependencies=[Depends(verifier_csrf)])

LIBELLES_CATEGORIES = {
    "en_retard": "En retard",
    "aujourd_hui": "Aujourd'hui",
    "semaine": "Dans les 7 jours",
    "pas_avant": "Pas avant",
}
AGENDA_ACCUEIL = 25


@routeur.get("/")
def tableau(
    request: Request, utilisateur: Connecte, contexte: ContexteEtude, au: Aujourdhui
) -> Response:
    if not peut(utilisateur.role, "lire_tous_dossiers"):
        return RedirectResponse("/dossiers", status_code=303)  # a créancier-client
    mien = request.query_params.get("mien") == "1"
    clerc = utilisateur.identifiant if mien else None
    return page(
        request,
        "tableau_de_bord.html",
        {
            "au": au,
            "mien": mien,
            "agenda": agenda.agenda(contexte, au, clerc=clerc, limite=AGENDA_ACCUEIL),
            "resume": agenda.resume_agenda(contexte, au, clerc=clerc),
            "categories": CATEGORIES,
            "libelles_categories": LIBELLES_CATEGORIES,
            "tableau": tableau_de_bord(contexte, au),
        },
    )
