"""The dashboard (tableau de bord): today's agenda, lapse risks first, files, funds, KPIs."""

from __future__ import annotations

import time
import weakref
from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import Engine

from clerc.office.db import Contexte
from clerc.office.droits import peut
from clerc.office.services import agenda
from clerc.office.services.agenda import CATEGORIES
from clerc.office.services.tableau_de_bord import TableauDeBord, tableau_de_bord
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
# The dashboard's figures (files by status and clerc, money, funds held) are grouped over the
# whole office: ~20 ms on the demo office, but 14 s at 1 000 000 files (benchmarks/web.py).
# They are kept a minute per office and day; the agenda beside them is always read live.
DUREE_CACHE_TABLEAU = 60.0  # seconds
horloge = time.monotonic  # replaced in tests
_CACHE_TABLEAU: weakref.WeakKeyDictionary[
    Engine, dict[tuple[int, date], tuple[float, TableauDeBord]]
] = weakref.WeakKeyDictionary()


def _tableau(contexte: Contexte, au: date) -> TableauDeBord:
    par_etude = _CACHE_TABLEAU.setdefault(contexte.moteur, {})
    cle = (contexte.etude_id, au)
    maintenant = horloge()
    trouve = par_etude.get(cle)
    if trouve is not None and maintenant - trouve[0] < DUREE_CACHE_TABLEAU:
        return trouve[1]
    tableau = tableau_de_bord(contexte, au)
    if len(par_etude) > 256:
        par_etude.clear()
    par_etude[cle] = (maintenant, tableau)
    return tableau


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
            "tableau": _tableau(contexte, au),
        },
    )
