"""The office's users (administrateur only): list, create, change role, deactivate or
reactivate, set a password; and the creditors' API tokens (create, shown once; revoke)."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from clerc.office.db import Contexte
from clerc.office.erreurs import OperationRefusee
from clerc.office.models.etude import ROLES
from clerc.office.services import etudes, utilisateurs
from clerc.office.services.utilisateurs import UtilisateurConnecte
from clerc.rules.erreurs import DonneeInvalide, ErreurClerc
from clerc.web.deps import ContexteEtude, exiger, verifier_csrf
from clerc.web.gabarits import page

routeur = APIRouter(include_in_schema=False, dependencies=[Depends(verifier_csrf)])

Administrateur = Annotated[UtilisateurConnecte, Depends(exiger("gerer_utilisateurs"))]
MESSAGES = {
    "cree": "Utilisateur « {} » créé.",
    "role": "Rôle de « {} » modifié.",
    "desactive": "Utilisateur « {} » désactivé : il ne peut plus se connecter.",
    "reactive": "Utilisateur « {} » réactivé.",
    "mot_de_passe": "Mot de passe de « {} » défini.",
    "revoque": "Jeton n° {} révoqué.",
}


def _statut(erreur: ErreurClerc) -> int:
    return 409 if isinstance(erreur, OperationRefusee) else 422


def _page(
    request: Request,
    contexte: Contexte,
    *,
    statut: int = 200,
    **valeurs: Any,
) -> Response:
    creanciers = utilisateurs.creanciers(contexte)
    noms_creanciers = {c["id"]: c["designation"] for c in creanciers}
    contenu: dict[str, Any] = {
        "utilisateurs": utilisateurs.lister(contexte),
        "jetons": utilisateurs.lister_jetons(contexte),
        "creanciers": creanciers,
        "noms_creanciers": noms_creanciers,
        "roles": ROLES,
        "saisie": {},
        "erreurs": {},
        "ligne": {},  # the error of an action on one user's row: identifiant, champ, message
        "erreurs_jeton": {},
        "saisie_jeton": {},
        "annonce": "",  # what the last action did (after its redirect)
    }
    contenu.update(valeurs)
    return page(request, "utilisateurs/liste.html", contenu, statut=statut)


def _suite(action: str, quoi: str) -> RedirectResponse:
    return RedirectResponse("/utilisateurs?" + urlencode({action: quoi}), status_code=303)


@routeur.get("/utilisateurs")
def liste(request: Request, utilisateur: Administrateur, contexte: ContexteEtude) -> Response:
    annonce = ""
    for cle, modele in MESSAGES.items():
        quoi = request.query_params.get(cle)
        if quoi:
            annonce = modele.format(quoi[:80])
    return _page(request, contexte, annonce=annonce)


def _creancier(texte: str, creanciers: list[dict[str, Any]]) -> int | None:
    """The creditor chosen in the list (only the office's creditors are accepted)."""
    if not texte:
        return None
    try:
        numero = int(texte)
    except ValueError:
        raise DonneeInvalide("Créancier inconnu : choisissez-le dans la liste.") from None
    if numero not in {c["id"] for c in creanciers}:
        raise DonneeInvalide("Créancier inconnu : choisissez-le dans la liste.")
    return numero


@routeur.post("/utilisateurs")
def creer(
    request: Request,
    utilisateur: Administrateur,
    contexte: ContexteEtude,
    identifiant: Annotated[str, Form(max_length=80)] = "",
    nom: Annotated[str, Form(max_length=200)] = "",
    role: Annotated[str, Form(max_length=40)] = "",
    mot_de_passe: Annotated[str, Form(max_length=200)] = "",
    confirmation: Annotated[str, Form(max_length=200)] = "",
    creancier_id: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    saisie = {
        "identifiant": identifiant.strip(),
        "nom": nom.strip(),
        "role": role,
        "creancier_id": creancier_id,
    }
    erreurs: dict[str, str] = {}
    if not saisie["identifiant"]:
        erreurs["identifiant"] = "L'identifiant est obligatoire."
    elif any(c.isspace() for c in saisie["identifiant"]) or "/" in saisie["identifiant"]:
        erreurs["identifiant"] = "L'identifiant ne contient ni espace ni « / »."
    if role not in ROLES:
        erreurs["role"] = "Choisissez un rôle dans la liste."
    if mot_de_passe != confirmation:
        erreurs["confirmation"] = "Les deux saisies du mot de passe diffèrent."
    numero: int | None = None
    try:
        numero = _creancier(creancier_id, utilisateurs.creanciers(contexte))
    except DonneeInvalide as erreur:
        erreurs["creancier_id"] = str(erreur)
    if role == "creancier_client" and numero is None and "creancier_id" not in erreurs:
        erreurs["creancier_id"] = "Un créancier-client doit être rattaché à un créancier."
    if role != "creancier_client" and numero is not None:
        erreurs["creancier_id"] = "Seul un créancier-client est rattaché à un créancier."
    statut = 422
    if not erreurs:
        try:
            etudes.creer_utilisateur(
                contexte,
                identifiant=saisie["identifiant"],
                role=role,
                nom=saisie["nom"],
                mot_de_passe=mot_de_passe,
                creancier_id=numero,
            )
        except DonneeInvalide as erreur:  # the password's length
            erreurs["mot_de_passe"] = str(erreur)
        except OperationRefusee as erreur:  # the identifier is taken
            erreurs["identifiant"] = str(erreur)
            statut = 409
    if erreurs:
        return _page(request, contexte, saisie=saisie, erreurs=erreurs, statut=statut)
    return _suite("cree", saisie["identifiant"])


def _erreur_ligne(
    request: Request, contexte: Contexte, identifiant: str, champ: str, erreur: ErreurClerc
) -> Response:
    ligne = {"identifiant": identifiant, "champ": champ, "message": str(erreur)}
    return _page(request, contexte, ligne=ligne, statut=_statut(erreur))


@routeur.post("/utilisateurs/{identifiant}/role")
def changer_role(
    request: Request,
    identifiant: str,
    utilisateur: Administrateur,
    contexte: ContexteEtude,
    role: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    try:
        utilisateurs.modifier(contexte, identifiant, role=role)
    except (OperationRefusee, DonneeInvalide) as erreur:
        return _erreur_ligne(request, contexte, identifiant, "role", erreur)
    return _suite("role", identifiant)


@routeur.post("/utilisateurs/{identifiant}/actif")
def changer_actif(
    request: Request,
    identifiant: str,
    utilisateur: Administrateur,
    contexte: ContexteEtude,
    actif: Annotated[str, Form(max_length=5)] = "",
) -> Response:
    if actif not in ("oui", "non"):
        return _erreur_ligne(
            request, contexte, identifiant, "actif", DonneeInvalide("Action inconnue.")
        )
    try:
        utilisateurs.modifier(contexte, identifiant, actif=actif == "oui")
    except (OperationRefusee, DonneeInvalide) as erreur:
        return _erreur_ligne(request, contexte, identifiant, "actif", erreur)
    return _suite("reactive" if actif == "oui" else "desactive", identifiant)


@routeur.post("/utilisateurs/{identifiant}/mot-de-passe")
def changer_mot_de_passe(
    request: Request,
    identifiant: str,
    utilisateur: Administrateur,
    contexte: ContexteEtude,
    mot_de_passe: Annotated[str, Form(max_length=200)] = "",
    confirmation: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    if mot_de_passe != confirmation:
        erreur = DonneeInvalide("Les deux saisies du mot de passe diffèrent.")
        return _erreur_ligne(request, contexte, identifiant, "mot_de_passe", erreur)
    try:
        utilisateurs.definir_mot_de_passe(contexte, identifiant, mot_de_passe)
    except (OperationRefusee, DonneeInvalide) as erreur:
        return _erreur_ligne(request, contexte, identifiant, "mot_de_passe", erreur)
    return _suite("mot_de_passe", identifiant)


@routeur.post("/utilisateurs/jetons")
def creer_jeton(
    request: Request,
    utilisateur: Administrateur,
    contexte: ContexteEtude,
    creancier_id: Annotated[str, Form(max_length=20)] = "",
    libelle: Annotated[str, Form(max_length=120)] = "",
) -> Response:
    """The new token is shown on this answer only (never stored in clear, never shown again):
    no redirect, and the answer is not cached."""
    creanciers = utilisateurs.creanciers(contexte)
    saisie = {"creancier_id": creancier_id, "libelle": libelle.strip()}
    try:
        numero = _creancier(creancier_id, creanciers)
        if numero is None:
            raise DonneeInvalide("Choisissez le créancier à qui le jeton est délivré.")
    except DonneeInvalide as erreur:
        return _page(
            request,
            contexte,
            saisie_jeton=saisie,
            erreurs_jeton={"creancier_id": str(erreur)},
            statut=422,
        )
    jeton = utilisateurs.creer_jeton(contexte, numero, saisie["libelle"])
    reponse = page(
        request,
        "utilisateurs/jeton_cree.html",
        {
            "jeton": jeton,
            "creancier": next(c["designation"] for c in creanciers if c["id"] == numero),
            "libelle": saisie["libelle"],
        },
    )
    reponse.headers["Cache-Control"] = "no-store"
    return reponse


@routeur.post("/utilisateurs/jetons/{jeton_id}/revoquer")
def revoquer_jeton(jeton_id: int, utilisateur: Administrateur, contexte: ContexteEtude) -> Response:
    utilisateurs.revoquer_jeton(contexte, jeton_id)
    return _suite("revoque", str(jeton_id))
