"""The files: search with filters and pages, and one file's page."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from clerc.office.droits import peut
from clerc.office.models.dossier import STATUTS
from clerc.office.services import analyse, recherche
from clerc.office.services.documents import (
    TAILLE_MAXIMALE,
    document_joint,
    documents_du_dossier,
    joindre_document,
)
from clerc.office.services.dossiers import decompte_dossier, fiche_dossier
from clerc.office.services.journal import journal_du_dossier
from clerc.office.services.procedures import possibles
from clerc.office.services.utilisateurs import UtilisateurConnecte
from clerc.rules.erreurs import DonneeInvalide, ParametreManquant
from clerc.web.deps import Aujourdhui, Connecte, ContexteEtude, exiger, verifier_csrf
from clerc.web.gabarits import page

routeur = APIRouter(include_in_schema=False, dependencies=[Depends(verifier_csrf)])
PAR_PAGE = 25


@routeur.get("/dossiers")
def liste(
    request: Request,
    utilisateur: Connecte,
    contexte: ContexteEtude,
    q: Annotated[str, Query(max_length=200)] = "",
    statut: Annotated[str, Query(max_length=20)] = "",
    page_: Annotated[int, Query(alias="page", ge=1, le=40_000)] = 1,
) -> Response:
    resultat = recherche.chercher(
        contexte,
        q,
        statut=statut or None,
        limite=PAR_PAGE,
        decalage=(page_ - 1) * PAR_PAGE,
    )
    valeurs = {
        "q": q,
        "statut": statut,
        "statuts": STATUTS,
        "resultat": resultat.en_json(),
        "page": page_,
        "pages": max(1, -(-resultat.total // PAR_PAGE)),
    }
    if request.headers.get("HX-Request") == "true":
        return page(request, "dossiers/_resultats.html", valeurs)
    return page(request, "dossiers/liste.html", valeurs)


@routeur.get("/dossiers/{reference}")
def dossier(
    request: Request,
    reference: str,
    utilisateur: Connecte,
    contexte: ContexteEtude,
    au: Aujourdhui,
) -> Response:
    fiche = fiche_dossier(contexte, reference, au)
    valeurs = {"fiche": fiche, "au": au}
    if peut(utilisateur.role, "lire_tous_dossiers"):
        valeurs["documents"] = documents_du_dossier(contexte, reference)
        valeurs["analyse"] = analyse.analyser_dossier(contexte, reference, au).en_dict()
        valeurs["procedures"] = possibles(contexte, reference, au)
    return page(request, "dossiers/dossier.html", valeurs)


@routeur.get("/dossiers/{reference}/decompte")
def decompte(
    request: Request,
    reference: str,
    utilisateur: Connecte,
    contexte: ContexteEtude,
    au: Aujourdhui,
    date_: Annotated[date | None, Query(alias="au")] = None,
    provision: bool = False,
) -> Response:
    """The live décompte at a chosen date, with its trace (an HTMX fragment, or a page)."""
    jour = date_ or au
    valeurs: dict[str, Any] = {"reference": reference, "au": jour, "provision": provision}
    try:
        etat = decompte_dossier(contexte, reference, jour, provision_un_mois=provision)
        valeurs.update(etat=etat, trace=etat.lignes(), presentation=etat.presentation_acte())
    except (DonneeInvalide, ParametreManquant) as erreur:
        valeurs["erreur"] = str(erreur)
    if request.headers.get("HX-Request") == "true":
        return page(request, "dossiers/_decompte.html", valeurs)
    return page(request, "dossiers/decompte.html", valeurs)


@routeur.get("/dossiers/{reference}/journal")
def journal(
    request: Request,
    reference: str,
    utilisateur: Annotated[UtilisateurConnecte, Depends(exiger("lire_journal"))],
    contexte: ContexteEtude,
) -> Response:
    """The file's audit trail (who changed what, when), from the hash-chained log."""
    return page(
        request,
        "dossiers/journal.html",
        {"reference": reference, "entrees": journal_du_dossier(contexte, reference)},
    )


@routeur.post("/dossiers/{reference}/documents")
def joindre(
    reference: str,
    utilisateur: Annotated[UtilisateurConnecte, Depends(exiger("joindre_document"))],
    contexte: ContexteEtude,
    au: Aujourdhui,
    fichier: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Attach a document (multipart field ``fichier``); back to the file's documents."""
    if fichier is None or not fichier.filename:
        raise DonneeInvalide("Document : choisissez un fichier à joindre.")
    contenu = fichier.file.read(TAILLE_MAXIMALE + 1)
    joindre_document(contexte, reference, fichier.filename, contenu, fichier.content_type, jour=au)
    return RedirectResponse(f"/dossiers/{reference}?fait=document#documents", status_code=303)


@routeur.get("/documents/{numero}")
def telecharger(
    numero: int,
    utilisateur: Annotated[UtilisateurConnecte, Depends(exiger("lire_tous_dossiers"))],
    contexte: ContexteEtude,
) -> Response:
    """A document attached to a file, as an attachment (never rendered by the browser)."""
    joint, contenu = document_joint(contexte, numero)
    nom = quote(joint.nom)
    return Response(
        contenu,
        media_type=joint.type_mime,
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{nom}"},
    )
