"""The dated legal figures (paramètres): each one's value at a date, since when, its source;
the office's local overrides file; adding a value published after the release (as
``clerc parametres ajouter`` does), for the roles that manage the parameters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from clerc.office.services.parametres import ajouter_parametre_local
from clerc.office.services.utilisateurs import UtilisateurConnecte
from clerc.parametres_locaux import AjoutLocal
from clerc.rules.erreurs import DonneeInvalide, ErreurClerc, ParametreManquant
from clerc.rules.monnaie import format_euros, format_taux
from clerc.rules.parametres import (
    Parametre,
    chemin_parametres_locaux,
    load_yaml,
    parametres,
)
from clerc.web.deps import Aujourdhui, ContexteEtude, exiger, verifier_csrf
from clerc.web.formulaires import date_du_champ
from clerc.web.gabarits import page

routeur = APIRouter(include_in_schema=False, dependencies=[Depends(verifier_csrf)])

Lecteur = Annotated[UtilisateurConnecte, Depends(exiger("lire_tous_dossiers"))]
Gestionnaire = Annotated[UtilisateurConnecte, Depends(exiger("gerer_parametres"))]
CHAMPS_AJOUT = ("nom", "depuis", "valeur", "reference", "url", "jusqu_au", "note")


@dataclass(frozen=True)
class LigneParametre:
    """One parameter as the page shows it at a date."""

    nom: str
    description: str
    unite: str
    valeur: str  # short French display
    detail: str  # the whole scale or table, one line per entry ("" for a single figure)
    depuis: date | None
    etat: str  # "confirmé", "non confirmé", "ajout local", "manquant"
    commentaire: str  # what is not confirmed, or why the figure is missing
    source: str
    url: str
    legifrance: str  # the Légifrance id ("JORFTEXT…", "LEGIARTI…") and its link
    url_legifrance: str
    verifie_le: date | None


def _scalaire(valeur: Any, unite: str) -> str:
    if isinstance(valeur, Decimal | int) and not isinstance(valeur, bool):
        nombre = Decimal(valeur)
        if unite == "euros":
            return format_euros(nombre)
        if unite == "pourcentage":
            return format_taux(nombre)
        if unite == "points":
            return f"{str(nombre).replace('.', ',')} points"
        return str(nombre).replace(".", ",")
    return str(valeur)


def _lignes(valeur: Any, retrait: str = "") -> list[str]:
    """A scale or a table as indented "key: value" lines (plain text, exact figures)."""
    if isinstance(valeur, dict):
        lignes: list[str] = []
        for cle, sous in valeur.items():
            if isinstance(sous, dict | list):
                lignes.append(f"{retrait}{cle} :")
                lignes.extend(_lignes(sous, retrait + "  "))
            else:
                lignes.append(f"{retrait}{cle} : {sous}")
        return lignes
    if isinstance(valeur, list):
        lignes = []
        for sous in valeur:
            if isinstance(sous, dict | list):
                sous_lignes = _lignes(sous, retrait + "  ")
                lignes.append(f"{retrait}- {sous_lignes[0].strip()}" if sous_lignes else "-")
                lignes.extend(sous_lignes[1:])
            else:
                lignes.append(f"{retrait}- {sous}")
        return lignes
    return [f"{retrait}{valeur}"]


def _presentation(valeur: Any, unite: str) -> tuple[str, str]:
    if isinstance(valeur, dict):
        return f"tableau de {len(valeur)} entrées", "\n".join(_lignes(valeur))
    if isinstance(valeur, list):
        return f"barème de {len(valeur)} tranches", "\n".join(_lignes(valeur))
    return _scalaire(valeur, unite), ""


def _lien_sur(url: str) -> str:
    return url if url.startswith(("https://", "http://")) else ""


def _legifrance(identifiant: str) -> tuple[str, str]:
    """The Légifrance id of a reference and its address on legifrance.gouv.fr."""
    premier = identifiant.split()[0] if identifiant.strip() else ""
    if premier.startswith("JORFTEXT") and premier[8:].isdigit():
        return premier, f"https://www.legifrance.gouv.fr/jorf/id/{premier}"
    if premier.startswith("LEGIARTI") and premier[8:].isdigit():
        return premier, f"https://www.legifrance.gouv.fr/codes/article_lc/{premier}"
    return identifiant, ""


def _ligne(parametre: Parametre, jour: date) -> LigneParametre:
    try:
        valeur = parametre.valeur_au(jour)
    except ParametreManquant as manque:
        return LigneParametre(
            parametre.nom,
            parametre.description,
            parametre.unite,
            "—",
            "",
            None,
            "manquant",
            str(manque),
            "",
            "",
            "",
            "",
            parametre.last_verified,
        )
    resume, detail = _presentation(valeur.valeur, parametre.unite)
    reference = valeur.reference
    legifrance, url_legifrance = _legifrance(reference.legifrance if reference else "")
    return LigneParametre(
        nom=parametre.nom,
        description=parametre.description,
        unite=parametre.unite,
        valeur=resume,
        detail=detail,
        depuis=valeur.debut,
        etat=valeur.etat,
        commentaire=valeur.non_confirme or valeur.note,
        source=reference.citation() if reference else "",
        url=_lien_sur(reference.url) if reference else "",
        legifrance=legifrance,
        url_legifrance=url_legifrance,
        verifie_le=parametre.last_verified,
    )


def _page(
    request: Request,
    jour: date,
    *,
    saisie: dict[str, str] | None = None,
    erreurs: dict[str, str] | None = None,
    ajoute: str = "",
    statut: int = 200,
) -> Response:
    tous = list(parametres())
    chemin = chemin_parametres_locaux()
    try:
        contenu_local = chemin.read_text(encoding="utf-8") if chemin.exists() else ""
    except OSError:
        contenu_local = ""
    lignes = [_ligne(p, jour) for p in tous]
    return page(
        request,
        "parametres/liste.html",
        {
            "au": jour,
            "lignes": lignes,
            "manquants": sum(1 for ligne in lignes if ligne.etat == "manquant"),
            "noms": [(p.nom, p.description) for p in tous],
            "chemin_local": str(chemin),
            "contenu_local": contenu_local,
            "saisie": saisie or {},
            "erreurs": erreurs or {},
            "ajoute": ajoute,
        },
        statut=statut,
    )


@routeur.get("/parametres")
def liste(
    request: Request,
    utilisateur: Lecteur,
    aujourd_hui: Aujourdhui,
    au: Annotated[date | None, Query()] = None,
    ajoute: Annotated[str, Query(max_length=120)] = "",
    nom: Annotated[str, Query(max_length=120)] = "",
) -> Response:
    """``nom``: the parameter the add form starts on (a finding's "Ajouter le montant")."""
    return _page(
        request,
        au or aujourd_hui,
        ajoute=ajoute if ajoute in parametres() else "",
        saisie={"nom": nom} if nom in parametres() else None,
    )


def _valeur(texte: str, parametre: Parametre | None, erreurs: dict[str, str]) -> Any:
    """The value typed: a French number ("3,5", "1 234,56") or YAML (a scale, a table); a
    parameter whose values are numbers only accepts a number."""
    if not texte:
        erreurs["valeur"] = "Une valeur est obligatoire."
        return None
    if "," in texte and ":" not in texte and "\n" not in texte and not texte.startswith("["):
        texte_nombre = texte.replace(" ", "").replace("\u202f", "").replace("\xa0", "")
        texte = texte_nombre.replace(",", ".")
    try:
        valeur = load_yaml(texte)
    except Exception:
        erreurs["valeur"] = f"Valeur illisible « {texte} » (un nombre, ou du YAML)."
        return None
    if valeur is None:
        erreurs["valeur"] = "Une valeur est obligatoire."
        return None
    connues = [v.valeur for v in parametre.valeurs if v.valeur is not None] if parametre else []
    numerique = isinstance(valeur, Decimal | int) and not isinstance(valeur, bool)
    if connues and isinstance(connues[-1], Decimal | int) and not numerique:
        erreurs["valeur"] = f"Nombre attendu pour ce paramètre, et non « {texte} »."
        return None
    if numerique:
        return Decimal(valeur)
    return valeur


@routeur.post("/parametres")
def ajout(
    request: Request,
    utilisateur: Gestionnaire,
    contexte: ContexteEtude,
    aujourd_hui: Aujourdhui,
    nom: Annotated[str, Form(max_length=120)] = "",
    depuis: Annotated[str, Form(max_length=20)] = "",
    valeur: Annotated[str, Form(max_length=20_000)] = "",
    reference: Annotated[str, Form(max_length=500)] = "",
    url: Annotated[str, Form(max_length=500)] = "",
    jusqu_au: Annotated[str, Form(max_length=20)] = "",
    note: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    saisie = {
        "nom": nom.strip(),
        "depuis": depuis.strip(),
        "valeur": valeur.strip(),
        "reference": reference.strip(),
        "url": url.strip(),
        "jusqu_au": jusqu_au.strip(),
        "note": note.strip(),
    }
    erreurs: dict[str, str] = {}
    parametre: Parametre | None = None
    try:
        parametre = parametres().get(saisie["nom"])
    except ParametreManquant:
        erreurs["nom"] = f"Paramètre inconnu « {saisie['nom']} » : choisissez-le dans la liste."
    debut = date_du_champ(saisie["depuis"], "depuis", erreurs, requis=True)
    fin = date_du_champ(saisie["jusqu_au"], "jusqu_au", erreurs, requis=False)
    if debut and fin and fin < debut:
        erreurs["jusqu_au"] = "La date de fin précède la date de début."
    valeur_lue = _valeur(saisie["valeur"], parametre, erreurs)
    if not saisie["reference"]:
        erreurs["reference"] = "La référence du texte publié (arrêté, décret, JO) est obligatoire."
    if saisie["url"] and not _lien_sur(saisie["url"]):
        erreurs["url"] = "Lien attendu en https:// (Légifrance)."
    if not erreurs and debut is not None:
        try:
            ajouter_parametre_local(
                contexte,
                AjoutLocal(
                    nom=saisie["nom"],
                    depuis=debut,
                    valeur=valeur_lue,
                    texte_reference=saisie["reference"],
                    url=saisie["url"],
                    jusqu_au=fin,
                    note=saisie["note"],
                ),
            )
        except (DonneeInvalide, OSError) as erreur:
            erreurs["valeur"] = (
                str(erreur)
                if isinstance(erreur, ErreurClerc)
                else "Fichier des ajouts locaux impossible à écrire sur le serveur."
            )
    if erreurs:
        return _page(request, aujourd_hui, saisie=saisie, erreurs=erreurs, statut=422)
    return RedirectResponse(
        f"/parametres?au={debut.isoformat() if debut else ''}&ajoute={saisie['nom']}#ajout-local",
        status_code=303,
    )
