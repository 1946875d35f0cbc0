"""The texts acts reproduce word for word (/parametres/textes): which are there on a day, which
are missing (the acts that need them cannot be signed), each wording with its source; adding a
wording copied from Légifrance, for the roles that manage the parameters (as
``clerc textes ajouter`` does, recorded in the audit log)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from clerc.actes.textes_reproduits import (
    chemin_textes_locaux,
    normaliser_article,
    textes_locaux_ecartes,
)
from clerc.actes.textes_requis import etat_des_textes
from clerc.office.services.parametres import ajouter_texte_local
from clerc.rules.erreurs import DonneeInvalide
from clerc.textes_locaux import AjoutTexte
from clerc.web.deps import Aujourdhui, ContexteEtude, verifier_csrf
from clerc.web.formulaires import date_du_champ
from clerc.web.gabarits import page
from clerc.web.routes.parametres import Gestionnaire, Lecteur

routeur = APIRouter(include_in_schema=False, dependencies=[Depends(verifier_csrf)])


def _page(
    request: Request,
    jour: date,
    *,
    saisie: dict[str, str] | None = None,
    erreurs: dict[str, str] | None = None,
    ajoute: str = "",
    statut: int = 200,
) -> Response:
    etats = etat_des_textes(jour)
    return page(
        request,
        "parametres/textes.html",
        {
            "au": jour,
            "etats": etats,
            "manquants": [e for e in etats if e.version is None],
            "ecartes": textes_locaux_ecartes(),
            "chemin_local": str(chemin_textes_locaux()),
            "saisie": saisie or {},
            "erreurs": erreurs or {},
            "ajoute": ajoute,
        },
        statut=statut,
    )


@routeur.get("/parametres/textes")
def liste(
    request: Request,
    utilisateur: Lecteur,
    aujourd_hui: Aujourdhui,
    au: Annotated[date | None, Query()] = None,
    ajoute: Annotated[str, Query(max_length=60)] = "",
) -> Response:
    connus = {e.article for e in etat_des_textes(au or aujourd_hui)}
    return _page(request, au or aujourd_hui, ajoute=ajoute if ajoute in connus else "")


@routeur.post("/parametres/textes")
def ajout(
    request: Request,
    utilisateur: Gestionnaire,
    contexte: ContexteEtude,
    aujourd_hui: Aujourdhui,
    article: Annotated[str, Form(max_length=60)] = "",
    texte: Annotated[str, Form(max_length=50_000)] = "",
    du: Annotated[str, Form(max_length=20)] = "",
    au: Annotated[str, Form(max_length=20)] = "",
    source: Annotated[str, Form(max_length=500)] = "",
    identifiant: Annotated[str, Form(max_length=40)] = "",
    note: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    saisie = {
        "article": article.strip(),
        "texte": texte.strip(),
        "du": du.strip(),
        "au": au.strip(),
        "source": source.strip(),
        "identifiant": identifiant.strip(),
        "note": note.strip(),
    }
    erreurs: dict[str, str] = {}
    connus = {e.article for e in etat_des_textes(aujourd_hui)}
    if normaliser_article(saisie["article"]) not in connus:
        erreurs["article"] = (
            "Choisissez l'article dans la liste des textes que les actes reproduisent."
        )
    debut = date_du_champ(saisie["du"], "du", erreurs, requis=True)
    fin = date_du_champ(saisie["au"], "au", erreurs, requis=False)
    if not saisie["texte"]:
        erreurs["texte"] = "Recopiez le texte de l'article, un alinéa par ligne."
    if not saisie["source"].startswith(("https://", "http://")):
        erreurs["source"] = "Adresse (https://) où le texte a été lu, sur Légifrance de préférence."
    if not erreurs and debut is not None:
        try:
            ajouter_texte_local(
                contexte,
                AjoutTexte(
                    article=saisie["article"],
                    texte=saisie["texte"],
                    en_vigueur_du=debut,
                    en_vigueur_au=fin,
                    source=saisie["source"],
                    identifiant=saisie["identifiant"],
                    note=saisie["note"],
                ),
            )
        except DonneeInvalide as erreur:
            erreurs["du" if "dates" in str(erreur) else "texte"] = str(erreur)
        except OSError:
            erreurs["texte"] = "Dossier des textes de l'étude impossible à écrire sur le serveur."
    if erreurs or debut is None:
        return _page(request, aujourd_hui, saisie=saisie, erreurs=erreurs, statut=422)
    return RedirectResponse(
        f"/parametres/textes?au={debut.isoformat()}&ajoute="
        f"{normaliser_article(saisie['article']).replace(' ', '+')}#textes",
        status_code=303,
    )
