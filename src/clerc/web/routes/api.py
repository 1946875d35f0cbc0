"""The creditors' JSON API under ``/api/``: open files, read their status and décompte.

Each creditor's system authenticates with ``Authorization: Bearer <jeton>`` (a token the
office issues with ``clerc api jeton creer``; no cookie, hence no CSRF check). A token opens
its creditor's files only: every read runs in a session confined to them, so another
creditor's file answers 404 exactly as an unknown reference does (its existence is never
revealed). Amounts are strings ("1234.56"), dates ISO ("2026-11-30"), errors
``{"erreur": "message en français"}``.

Opening a file: the creditor is always the token's; the body has no ``creancier`` field and
one given is refused (422), as are the fields the office sets itself (its reference, the
opening date, the clerc, the territory). Debtors are described, never designated by a party
number (which could name another creditor's debtor). The description is validated by the same
service as ``clerc dossier ouvrir`` (docs/office.md); the pydantic models below document it
(OpenAPI) and check only its shape.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from clerc.office.models.dossier import (
    EXECUTION_PROVISOIRE,
    NATURES_DOSSIER,
    STATUTS,
    TYPES_TITRE,
)
from clerc.office.models.partie import CATEGORIES_INTERETS, TYPES_PARTIE
from clerc.office.services import dossiers, recherche
from clerc.office.services.donnees import nouveau_dossier_depuis_dict
from clerc.office.services.utilisateurs import AccesApi, acces_par_jeton
from clerc.rules.decompte import Decompte
from clerc.rules.monnaie import en_texte
from clerc.web.deps import Aujourdhui, Moteur

EVENEMENTS_MAX = 20  # the last events a file's reading gives
ILLISIBLE = "Corps de la requête illisible : JSON encodé en UTF-8 attendu."
ENTETE_AUTHENTIFICATION = {"WWW-Authenticate": 'Bearer realm="clerc"'}


# --- errors ------------------------------------------------------------------------------


class Erreur(BaseModel):
    """Every error of the API: a French message (and, for invalid data, one line per field)."""

    erreur: str = Field(description="Message en français.")
    details: list[str] | None = Field(
        default=None, description="Données invalides : un message par champ."
    )


class JetonRefuse(Exception):
    """No token, or an unknown or revoked one (HTTP 401)."""


_MESSAGES_PYDANTIC: dict[str, str] = {
    "missing": "champ obligatoire",
    "extra_forbidden": "champ inconnu",
    "string_type": "texte attendu",
    "bool_type": "true ou false attendu",
    "bool_parsing": "true ou false attendu",
    "int_type": "nombre entier attendu",
    "int_parsing": "nombre entier attendu",
    "int_from_float": "nombre entier attendu",
    "list_type": "liste attendue",
    "model_type": "objet JSON attendu",
    "model_attributes_type": "objet JSON attendu",
    "dict_type": "objet JSON attendu",
    "date_type": "date AAAA-MM-JJ attendue",
    "date_parsing": "date AAAA-MM-JJ attendue",
    "date_from_datetime_parsing": "date AAAA-MM-JJ attendue",
    "date_from_datetime_inexact": "date AAAA-MM-JJ attendue",
    "json_invalid": "JSON invalide",
    "json_type": "JSON attendu",
    "string_pattern_mismatch": "forme invalide",
    "literal_error": "valeur inconnue",
}
_CHAMPS_FIXES = {
    "creancier": "le créancier est celui du jeton",
    "reference": "la référence est attribuée par l'étude (donnez la vôtre dans reference_mandant)",
    "ouvert_le": "le dossier est ouvert le jour où l'étude le reçoit",
    "clerc": "le clerc est désigné par l'étude",
    "territoire": "le territoire suit l'adresse du premier débiteur",
}


def _emplacement(loc: tuple[Any, ...]) -> str:
    texte = ""
    for partie in loc[1:] if loc and loc[0] in ("body", "query", "path", "header") else loc:
        texte += f"[{partie}]" if isinstance(partie, int) else f".{partie}"
    return texte.lstrip(".") or ("corps JSON" if loc and loc[0] == "body" else "requête")


def _message_pydantic(erreur: dict[str, Any]) -> str:
    genre = str(erreur.get("type", ""))
    loc = tuple(erreur.get("loc", ()))
    contexte = erreur.get("ctx") or {}
    if genre == "extra_forbidden" and len(loc) == 2 and loc[1] in _CHAMPS_FIXES:
        message = f"champ refusé ({_CHAMPS_FIXES[str(loc[1])]})"
    elif genre == "string_too_long":
        message = f"texte trop long ({contexte.get('max_length')} caractères au plus)"
    elif genre == "too_short":
        message = f"au moins {contexte.get('min_length')} élément(s)"
    elif genre == "too_long":
        message = f"au plus {contexte.get('max_length')} élément(s)"
    elif genre in ("greater_than_equal", "greater_than"):
        message = f"valeur trop petite (minimum {contexte.get('ge', contexte.get('gt'))})"
    elif genre in ("less_than_equal", "less_than"):
        message = f"valeur trop grande (maximum {contexte.get('le', contexte.get('lt'))})"
    elif genre == "missing" and loc == ("body",):
        return "corps JSON manquant"
    elif genre == "json_invalid":
        position = loc[1] if len(loc) > 1 else "?"
        return f"corps JSON : JSON invalide (caractère {position})"
    else:
        message = _MESSAGES_PYDANTIC.get(genre, "valeur invalide")
    return f"{_emplacement(loc)} : {message}"


def _invalide(erreur: RequestValidationError) -> JSONResponse:
    details = [_message_pydantic(e) for e in erreur.errors()]
    return JSONResponse(
        {"erreur": "Requête invalide : " + " ; ".join(details) + ".", "details": details},
        status_code=422,
    )


class RouteApi(APIRoute):
    """The API's routes answer their own refusals in French JSON: invalid data (422, a message
    per field instead of pydantic's English), an unreadable body (400) and a missing or refused
    token (401 with the ``WWW-Authenticate`` challenge of RFC 6750). The office's errors (404,
    409, 422) are turned into ``{"erreur": ...}`` by the application's handlers."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        traiter = super().get_route_handler()

        async def _traiter(request: Request) -> Response:
            try:
                return await traiter(request)
            except RequestValidationError as erreur:
                return _invalide(erreur)
            except HTTPException as erreur:
                if erreur.status_code != 400:
                    raise
                # FastAPI's "There was an error parsing the body" (not UTF-8, say).
                return JSONResponse({"erreur": ILLISIBLE}, status_code=400)
            except JetonRefuse as refus:
                return JSONResponse(
                    {"erreur": str(refus)}, status_code=401, headers=ENTETE_AUTHENTIFICATION
                )

        return _traiter


# --- authentication ----------------------------------------------------------------------

porteur = HTTPBearer(
    auto_error=False,
    scheme_name="jeton",
    bearerFormat="clerc_…",
    description="Jeton du créancier, délivré par l'étude (« clerc api jeton creer »).",
)


def acces_api(
    moteur: Moteur,
    identification: Annotated[HTTPAuthorizationCredentials | None, Security(porteur)],
) -> AccesApi:
    """The creditor the request's bearer token opens (else HTTP 401)."""
    if identification is None:
        raise JetonRefuse(
            "Authentification requise : en-tête « Authorization: Bearer <jeton> » attendu."
        )
    acces = acces_par_jeton(moteur, identification.credentials)
    if acces is None:
        raise JetonRefuse("Jeton inconnu ou révoqué.")
    return acces


Acces = Annotated[AccesApi, Depends(acces_api)]

REPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": Erreur, "description": "Corps de la requête illisible."},
    401: {"model": Erreur, "description": "Jeton absent, inconnu ou révoqué."},
    422: {"model": Erreur, "description": "Données ou paramètres invalides."},
}
REPONSES_DOSSIER: dict[int | str, dict[str, Any]] = {
    404: {"model": Erreur, "description": "Dossier inconnu (ou d'un autre créancier)."},
    409: {"model": Erreur, "description": "Opération refusée par l'étude."},
}

routeur = APIRouter(prefix="/api", route_class=RouteApi, responses=REPONSES)


# --- input models (the JSON of `clerc dossier ouvrir`, docs/office.md) ----------------------


def _choix(valeurs: Any) -> dict[str, Any]:
    """Document the accepted codes (the office's service checks them, in French)."""
    return {"enum": list(valeurs)}


Texte = Annotated[str | None, Field(default=None, max_length=200)]
JourTexte = Annotated[
    str,
    Field(
        pattern=r"^\d{4}-\d{2}-\d{2}$",
        json_schema_extra={"format": "date"},
        description="Date AAAA-MM-JJ.",
    ),
]
Jour = Annotated[JourTexte | None, Field(default=None)]
MONTANT = r"^\d{1,12}(\.\d{1,2})?$"


class Entree(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class AdresseEntree(Entree):
    ligne1: str = Field(max_length=200)
    code_postal: str = Field(max_length=20)
    commune: str = Field(max_length=200)
    ligne2: Texte
    nature: str = Field(default="domicile", max_length=40)
    pays: str = Field(default="FR", max_length=2, description="Code ISO du pays.")


class PartieEntree(Entree):
    """A debtor (SIREN, SIRET and IBAN are checked by the office)."""

    type: str = Field(json_schema_extra=_choix(TYPES_PARTIE))
    nom: Texte
    prenoms: Texte
    civilite: Texte
    denomination: Texte
    forme_juridique: Texte
    siren: Texte
    siret: Texte
    rcs: Texte
    date_naissance: Jour
    lieu_naissance: Texte
    profession: Texte
    nationalite: Texte
    representant: Texte
    iban: Texte
    categorie_interets: (
        Annotated[str, Field(json_schema_extra=_choix(CATEGORIES_INTERETS))] | None
    ) = None
    adresses: list[AdresseEntree] = Field(default_factory=list, max_length=5)
    telephone: Texte
    courriel: Texte
    decede_le: Jour


class LigneEntree(Entree):
    """A sum of the title's dispositif."""

    nature: str = Field(json_schema_extra=_choix(("principal", "article_700", "depens")))
    montant: str = Field(pattern=MONTANT, description="Montant en euros : « 1234.56 ».")
    date: Jour
    libelle: Texte
    mode_interets: str = Field(
        default="legal", json_schema_extra=_choix(("legal", "conventionnel", "aucun"))
    )
    taux_conventionnel: str | None = Field(
        default=None,
        pattern=r"^\d{1,3}(\.\d{1,4})?$",
        description="Taux annuel en pour cent : « 7.5 ».",
    )
    interets_depuis: Jour
    majoration_depuis: Jour
    capitalisation_depuis: Jour
    porte_interets: bool | None = None


class TitreEntree(Entree):
    type: str = Field(json_schema_extra=_choix(TYPES_TITRE))
    date_titre: JourTexte
    juridiction: Texte
    numero: Texte
    contradictoire: bool | None = None
    premier_ressort: bool | None = None
    execution_provisoire: str = Field(
        default="sans_objet", json_schema_extra=_choix(EXECUTION_PROVISOIRE)
    )
    formule_executoire: bool = False
    date_signification: Jour
    date_force_executoire: Jour
    date_saisine: Jour
    lignes: list[LigneEntree] = Field(default_factory=list, max_length=20)


EXEMPLE_DOSSIER: dict[str, Any] = {
    "nature": "judiciaire",
    "reference_mandant": "CR-001",
    "debiteurs": [
        {
            "type": "personne_physique",
            "civilite": "Madame",
            "nom": "Lefèvre",
            "prenoms": "Éloïse",
            "adresses": [
                {"ligne1": "12 rue Sainte-Catherine", "code_postal": "69001", "commune": "Lyon"}
            ],
        }
    ],
    "titre": {
        "type": "decision_justice",
        "date_titre": "2025-03-10",
        "juridiction": "Tribunal judiciaire de Lyon",
        "date_signification": "2025-04-01",
        "execution_provisoire": "de_droit",
        "date_saisine": "2024-06-03",
        "lignes": [
            {"nature": "principal", "montant": "5000.00", "majoration_depuis": "2025-06-02"},
            {"nature": "article_700", "montant": "800.00"},
            {"nature": "depens", "montant": "120.50"},
        ],
    },
}


class NouveauDossierEntree(Entree):
    """A file to open for the token's creditor."""

    model_config = ConfigDict(json_schema_extra={"examples": [EXEMPLE_DOSSIER]})

    nature: str = Field(json_schema_extra=_choix(NATURES_DOSSIER))
    reference_mandant: str | None = Field(
        default=None, max_length=60, description="Votre référence (unique pour vous)."
    )
    debiteurs: list[PartieEntree] = Field(min_length=1, max_length=10)
    titre: TitreEntree | None = None
    solidaires: bool = True
    observations: str = Field(default="", max_length=2000)


# --- output models -----------------------------------------------------------------------


class Sortie(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Moi(Sortie):
    creancier_id: int
    creancier: str
    etude_code: str
    etude_nom: str
    jeton_id: int
    jeton_libelle: str


class DossierResume(Sortie):
    reference: str
    reference_mandant: str | None
    nature: str
    statut: str
    debiteurs: list[str]
    ouvert_le: str
    clos_le: str | None


class ListeDossiers(Sortie):
    dossiers: list[DossierResume]
    total: int
    limite: int
    decalage: int


class Protection(Sortie):
    nature: str
    libelle: str
    depuis: str | None
    jusqu_au: str | None


class PartieLue(Sortie):
    type: str
    designation: str
    siren: str | None
    adresse: str | None
    decede_le: str | None
    protections: list[Protection]


class TitreLu(Sortie):
    type: str
    libelle: str
    date: str
    juridiction: str | None
    numero: str | None
    execution_provisoire: str
    date_signification: str | None
    date_force_executoire: str | None
    date_saisine: str | None


class LigneLue(Sortie):
    nature: str
    nature_libelle: str
    libelle: str
    date: str
    montant: str
    interets: str


class PaiementLu(Sortie):
    date: str
    montant: str
    mode: str
    origine: str
    libelle: str | None
    encaisse_par_etude: bool


class EvenementLu(Sortie):
    date: str
    nature: str
    libelle: str


class DecompteResume(Sortie):
    """The décompte at the office's today (``erreur`` when it cannot be computed)."""

    au: str
    erreur: str | None = None
    principal: str | None = None
    article_700: str | None = None
    depens: str | None = None
    frais: str | None = None
    interets_echus: str | None = None
    paiements: str | None = None
    total: str | None = None
    presentation: list[tuple[str, str]] = Field(default_factory=list)
    avertissements: list[str] = Field(default_factory=list)


class FondsAReverser(Sortie):
    recu_le: str
    montant: str
    date_limite: str
    en_retard: bool
    regle: str


class Fonds(Sortie):
    detenu_pour_creancier: str
    a_reverser: list[FondsAReverser]


class DossierLu(Sortie):
    reference: str
    reference_mandant: str | None
    nature: str
    nature_libelle: str
    statut: str
    statut_libelle: str
    motif_cloture: str | None
    motif_cloture_libelle: str | None
    ouvert_le: str
    clos_le: str | None
    solidaires: bool
    creancier: PartieLue
    debiteurs: list[PartieLue]
    titre: TitreLu | None
    lignes: list[LigneLue]
    paiements: list[PaiementLu]
    evenements: list[EvenementLu] = Field(
        description=f"Les {EVENEMENTS_MAX} derniers événements, du plus récent au plus ancien."
    )
    decompte: DecompteResume
    fonds: Fonds


class LigneTrace(Sortie):
    date: str
    libelle: str
    montant: str
    solde: str


class PeriodeLue(Sortie):
    du: str = Field(description="Exclu : le premier jour compté est le lendemain.")
    au: str
    jours: int
    capital: str
    taux: str = Field(description="Taux annuel en pour cent, majoration comprise.")
    majore: bool
    montant: str
    reference: str = Field(description="Le texte qui fixe le taux.")
    assiette: str


class DecompteLu(Sortie):
    reference: str
    au: str
    titre: str
    date_creance: str
    principal: str
    article_700: str
    depens: str
    frais: str
    interets_echus: str
    paiements: str
    trop_percu: str
    total: str
    provision_interets: str
    total_avec_provision: str
    presentation: list[tuple[str, str]]
    lignes: list[LigneTrace]
    periodes: list[PeriodeLue]
    avertissements: list[str]


# --- routes ------------------------------------------------------------------------------


@routeur.get("/moi", response_model=Moi, summary="Le créancier du jeton")
def moi(acces: Acces) -> dict[str, Any]:
    return {
        "creancier_id": acces.creancier_id,
        "creancier": acces.creancier,
        "etude_code": acces.etude_code,
        "etude_nom": acces.etude_nom,
        "jeton_id": acces.jeton_id,
        "jeton_libelle": acces.libelle,
    }


@routeur.get("/dossiers", response_model=ListeDossiers, summary="Vos dossiers")
def lister_dossiers(
    acces: Acces,
    moteur: Moteur,
    statut: Annotated[
        str | None,
        Query(max_length=20, json_schema_extra=_choix(STATUTS), description="Filtre par statut."),
    ] = None,
    q: Annotated[
        str,
        Query(
            max_length=200,
            description="Mots cherchés : noms des débiteurs, SIREN, votre référence…",
        ),
    ] = "",
    limite: Annotated[int, Query(ge=1, le=200)] = 50,
    decalage: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    """Les dossiers du créancier, du plus récent au plus ancien, par pages."""
    resultat = recherche.chercher(
        acces.contexte(moteur), q, statut=statut or None, limite=limite, decalage=decalage
    )
    return {
        "dossiers": resultat.dossiers,
        "total": resultat.total,
        "limite": limite,
        "decalage": decalage,
    }


def _fiche(acces: AccesApi, moteur: Moteur, reference: str, au: date) -> dict[str, Any]:
    fiche = dossiers.fiche_dossier(acces.contexte(moteur), reference, au)
    fiche["evenements"] = fiche["evenements"][::-1][:EVENEMENTS_MAX]
    return fiche


Reference = Annotated[str, Path(max_length=40, description="Référence du dossier à l'étude.")]


@routeur.post(
    "/dossiers",
    response_model=DossierLu,
    status_code=201,
    summary="Ouvrir un dossier",
    responses={409: REPONSES_DOSSIER[409]},
)
def ouvrir_dossier(
    acces: Acces, moteur: Moteur, au: Aujourdhui, corps: NouveauDossierEntree, response: Response
) -> dict[str, Any]:
    """Ouvre un dossier pour le créancier du jeton (débiteurs, titre et son dispositif) ; rend
    le dossier ouvert, avec son décompte. Le créancier est celui du jeton : un champ
    `creancier` est refusé. Votre `reference_mandant` est unique : un second envoi sous la
    même référence est refusé (409) en nommant le dossier déjà ouvert."""
    brut = corps.model_dump(exclude_unset=True)
    brut.update(creancier=acces.creancier_id, ouvert_le=au.isoformat())
    donnees = nouveau_dossier_depuis_dict(brut)
    # In the creditor's confined context: the file number is taken across the whole office
    # (services.dossiers.prochaine_reference lifts the confinement for that statement only).
    reference = dossiers.ouvrir_dossier(acces.contexte(moteur), donnees)
    response.headers["Location"] = f"/api/dossiers/{reference}"
    return _fiche(acces, moteur, reference, au)


@routeur.get(
    "/dossiers/{reference}",
    response_model=DossierLu,
    summary="Un dossier",
    responses={404: REPONSES_DOSSIER[404]},
)
def lire_dossier(acces: Acces, moteur: Moteur, au: Aujourdhui, reference: Reference) -> Any:
    """Statut, parties, titre, créance, paiements, fonds détenus, derniers événements et
    décompte du jour."""
    return _fiche(acces, moteur, reference, au)


def _decompte(reference: str, etat: Decompte) -> dict[str, Any]:
    return {
        "reference": reference,
        "au": etat.au.isoformat(),
        "titre": etat.titre,
        "date_creance": etat.date_creance.isoformat(),
        "principal": en_texte(etat.principal),
        "article_700": en_texte(etat.article_700),
        "depens": en_texte(etat.depens),
        "frais": en_texte(etat.frais),
        "interets_echus": en_texte(etat.interets_echus),
        "paiements": en_texte(etat.paiements),
        "trop_percu": en_texte(etat.trop_percu),
        "total": en_texte(etat.total),
        "provision_interets": en_texte(etat.provision_interets),
        "total_avec_provision": en_texte(etat.total_avec_provision),
        "presentation": [
            (libelle, en_texte(valeur)) for libelle, valeur in etat.presentation_acte()
        ],
        "lignes": [
            {
                "date": ligne.date.isoformat(),
                "libelle": ligne.libelle,
                "montant": en_texte(ligne.montant),
                "solde": en_texte(ligne.solde),
            }
            for ligne in etat.lignes()
        ],
        "periodes": [
            {
                "du": periode.du.isoformat(),
                "au": periode.au.isoformat(),
                "jours": periode.jours,
                "capital": en_texte(periode.capital),
                "taux": str(periode.taux),
                "majore": periode.majore,
                "montant": en_texte(periode.montant),
                "reference": periode.reference,
                "assiette": periode.assiette,
            }
            for periode in etat.periodes
        ],
        "avertissements": list(etat.avertissements),
    }


@routeur.get(
    "/dossiers/{reference}/decompte",
    response_model=DecompteLu,
    summary="Le décompte d'un dossier",
    responses=REPONSES_DOSSIER,
)
def decompte(
    acces: Acces,
    moteur: Moteur,
    aujourdhui: Aujourdhui,
    reference: Reference,
    au: Annotated[
        date | None, Query(description="Date du décompte (AAAA-MM-JJ ; défaut : aujourd'hui).")
    ] = None,
    provision: Annotated[
        bool, Query(description="Provision d'un mois d'intérêts (CPCE R211-1 3°).")
    ] = False,
) -> dict[str, Any]:
    """Principal, frais, intérêts échus, acomptes et solde à une date, avec la trace : chaque
    période d'intérêts (taux, jours, texte qui fixe le taux) et le solde courant. Un dossier
    sans créance en principal est refusé (409) ; un taux légal non encore publié pour la date
    demandée aussi (422)."""
    jour = au or aujourdhui
    etat = dossiers.decompte_dossier(
        acces.contexte(moteur), reference, jour, provision_un_mois=provision
    )
    return _decompte(reference, etat)
