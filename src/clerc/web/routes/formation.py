"""Training mode (issue 7) in the web office: a trainee's sessions and progress, the exercise
page (the file rendered readably, an answer form built from the exercise's answer format), a
trainer's groups and the engine's solutions.

Rights: every member of the office trains (``se_former``; not a créancier-client); trainers
(``former``) also see the groups, any trainee's progress and sessions, and the solutions.
The answer form is generic: each field of ``format_reponse`` becomes an input by what its
example and its closed list say (a list of codes: checkboxes, or numbered selects when the
order counts; an amount: a text input; a yes/no: radio buttons; prose: a textarea; anything
else: its JSON), so that the exercises of every bloc get a form without a template of their own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from clerc.formation.identifiant import BLOCS, NIVEAUX
from clerc.office.db import Contexte
from clerc.office.droits import peut
from clerc.office.erreurs import OperationRefusee
from clerc.office.models.formation import MODES_SESSION
from clerc.office.services import formation
from clerc.office.services.utilisateurs import UtilisateurConnecte
from clerc.rules.erreurs import DonneeInvalide, ErreurClerc
from clerc.rules.monnaie import format_euros
from clerc.web.deps import Aujourdhui, ContexteEtude, exiger, verifier_csrf
from clerc.web.gabarits import page

routeur = APIRouter(include_in_schema=False, dependencies=[Depends(verifier_csrf)])

Stagiaire = Annotated[UtilisateurConnecte, Depends(exiger("se_former"))]
Formateur = Annotated[UtilisateurConnecte, Depends(exiger("former"))]


# --- the answer form, built from format_reponse ----------------------------------------------

MONTANT = re.compile(r"^-?\d[\d ]*([.,]\d{1,2})?$")
DATE_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_MODELE = re.compile(r"^(\d{4}-\d{2}-\d{2}|AAAA-MM-JJ)$")
HEURE = re.compile(r"^(\d{2}:\d{2}|HH:MM)$")
MOTS_ORDRE = ("ordonn", "ordre", "première", "premier", "plus urgent", "dans l'ordre")
LIGNES_PAR_DEFAUT = 12  # rows offered for a list of objects (instalments, findings...)
LIGNES_MAXIMALES = 24  # an instalment plan runs over two years at most (C. civ. 1343-5)
CHOIX_EN_BOUTONS = 6  # up to this many choices: radio buttons (their text is read in full)


@dataclass(frozen=True)
class ChampReponse:
    """One input of the answer form (``nom``: the form field, a dotted path when nested)."""

    nom: str
    cle: str
    libelle: str
    genre: str  # booleen, codes, codes_ordonnes, choix, montant, nombre, date, heure, texte,
    # lignes, liste_texte, json, groupe, lignes_objets
    options: tuple[tuple[str, str], ...] = ()
    sous_champs: tuple[ChampReponse, ...] = field(default=())
    exemple: str = ""
    facultatif: bool = False  # empty means null
    lignes: int = 0  # rows of a list of objects

    @property
    def ident(self) -> str:
        return "rep-" + re.sub(r"[^A-Za-z0-9_-]", "-", self.nom.replace(".", "-"))

    @property
    def rangs(self) -> range:
        return range(1, len(self.options) + 1)

    @property
    def rangees(self) -> range:
        return range(1, self.lignes + 1)

    @property
    def boutons(self) -> bool:
        return len(self.options) <= CHOIX_EN_BOUTONS


def _options(valeurs: Any) -> tuple[tuple[str, str], ...]:
    """A closed list (code -> label, or codes); a structure that is not one gives none."""
    if isinstance(valeurs, Mapping) and all(isinstance(v, str) for v in valeurs.values()):
        return tuple((str(code), str(libelle)) for code, libelle in valeurs.items())
    if isinstance(valeurs, list | tuple) and all(isinstance(v, str) for v in valeurs):
        return tuple((code, code) for code in valeurs)
    return ()


def _ordonnee(cle: str, texte: str) -> bool:
    return cle == "ordre" or any(mot in texte for mot in MOTS_ORDRE)


def _genre_scalaire(description: str, exemple: Any, options: tuple[Any, ...]) -> str:
    texte = description.lower()
    if isinstance(exemple, bool) or texte.startswith(("true", "vrai")):
        return "booleen"
    if options:
        return "choix"
    if isinstance(exemple, int):
        return "nombre"
    if (isinstance(exemple, str) and DATE_MODELE.match(exemple)) or "aaaa-mm-jj" in texte:
        return "date"
    if (isinstance(exemple, str) and HEURE.match(exemple)) or texte.strip() == "hh:mm":
        return "heure"
    if "montant" in texte or (isinstance(exemple, str) and MONTANT.match(exemple)):
        return "montant"
    if isinstance(exemple, str) or exemple is None:
        return "texte"
    return "json"


def _champ(
    nom: str, cle: str, description: Any, exemple: Any, possibles: Mapping[str, Any]
) -> ChampReponse:
    if isinstance(description, Mapping) or (isinstance(exemple, Mapping) and exemple):
        # An object: its fields from the description, or from the example's structure.
        structure = description if isinstance(description, Mapping) and description else {}
        if not structure and isinstance(exemple, Mapping):
            structure = {k: k.replace("_", " ") for k in exemple}
        sous_possibles = possibles.get(cle)
        sous = [
            _champ(
                f"{nom}.{k}",
                str(k),
                d,
                exemple.get(k) if isinstance(exemple, Mapping) else None,
                sous_possibles if isinstance(sous_possibles, Mapping) else {},
            )
            for k, d in structure.items()
        ]
        titre = description if isinstance(description, str) else cle.replace("_", " ")
        return ChampReponse(nom, cle, _majuscule(titre), "groupe", sous_champs=tuple(sous))
    texte = str(description)
    options = _options(possibles.get(cle))
    facultatif = "null" in texte.lower()
    if isinstance(exemple, list) or (options and "liste" in texte.lower()):
        objets = [x for x in exemple or [] if isinstance(x, Mapping)]
        if objets and len(objets) == len(exemple or []):
            colonnes = list(dict.fromkeys(k for x in objets for k in x))
            cellules = tuple(
                _colonne(f"{nom}.{{rang}}.{k}", str(k), [x.get(k) for x in objets], possibles)
                for k in colonnes
            )
            lignes = max(LIGNES_PAR_DEFAUT, len(objets))
            if "échéance" in texte.lower():
                lignes = max(LIGNES_MAXIMALES, len(objets))
            return ChampReponse(
                nom, cle, _majuscule(texte), "lignes_objets", sous_champs=cellules, lignes=lignes
            )
        ordonnee = _ordonnee(cle, texte.lower())
        if not options and ordonnee and "tous" in texte.lower() and exemple:
            # "every id, from the most urgent": the example lists them all.
            options = tuple((str(x), str(x)) for x in sorted(map(str, exemple)))
        if options:
            genre = "codes_ordonnes" if ordonnee else "codes"
            return ChampReponse(nom, cle, _majuscule(texte), genre, options)
        genre = "lignes" if all(isinstance(x, str) for x in exemple or []) else "json"
        return ChampReponse(
            nom, cle, _majuscule(texte), genre, exemple=_exemple_texte(genre, exemple)
        )
    genre = _genre_scalaire(texte, exemple, options)
    return ChampReponse(
        nom,
        cle,
        _libelle_champ(genre, cle, texte),
        genre,
        options,
        exemple=_exemple_texte(genre, exemple),
        facultatif=facultatif,
    )


def _colonne(nom: str, cle: str, valeurs: list[Any], possibles: Mapping[str, Any]) -> ChampReponse:
    """A column of a list of objects (its type read from the example's values)."""
    exemple = next((v for v in valeurs if v is not None), None)
    options = _options(possibles.get(cle))
    if isinstance(exemple, list):
        return ChampReponse(nom, cle, libelle(cle), "liste_texte")
    genre = _genre_scalaire(cle.replace("_", " "), exemple, options)
    return ChampReponse(nom, cle, libelle(cle), genre, options)


def champs_reponse(format_reponse: Mapping[str, Any]) -> list[ChampReponse]:
    """The inputs of the answer form, in the order of ``format_reponse['champs']``."""
    champs = format_reponse.get("champs") or {}
    exemples = format_reponse.get("exemple") or {}
    possibles = format_reponse.get("valeurs_possibles") or {}
    return [
        _champ(
            str(cle),
            str(cle),
            description,
            exemples.get(cle) if isinstance(exemples, Mapping) else None,
            possibles if isinstance(possibles, Mapping) else {},
        )
        for cle, description in champs.items()
    ]


def grille(format_reponse: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The rubric of an answer in prose, when the exercise shows it (``grille``/``rubrique``)."""
    for cle in ("grille", "rubrique"):
        valeur = format_reponse.get(cle)
        if isinstance(valeur, Mapping) and valeur.get("criteres"):
            return valeur
    return None


def _majuscule(texte: str) -> str:
    return texte[:1].upper() + texte[1:]


def _libelle_champ(genre: str, cle: str, description: str) -> str:
    """What the trainee reads above the input (the answer format speaks JSON)."""
    if genre == "montant":
        quoi = description.split(" : ", 1)[1] if " : " in description else cle.replace("_", " ")
        return _majuscule(quoi)
    if genre == "booleen":
        description = re.sub(r"\btrue\b", "oui", description)
        description = re.sub(r"\bfalse\b", "non", description)
    if description.strip().lower() in ("texte", "hh:mm", "aaaa-mm-jj", "montant", "code"):
        description = cle.replace("_", " ")  # the description is only the value's form
    return _majuscule(description or cle.replace("_", " "))


def _exemple_texte(genre: str, exemple: Any) -> str:
    if genre == "json" and exemple is not None:
        return json.dumps(exemple, ensure_ascii=False)
    return ""


class ErreursChamps(DonneeInvalide):
    def __init__(self, erreurs: dict[str, str]) -> None:
        super().__init__("; ".join(erreurs.values()))
        self.erreurs = erreurs


CHAMP_JSON = "reponse_json"  # the whole answer typed as JSON (any exercise, advanced)


def reponse_du_formulaire(
    champs: Sequence[ChampReponse], saisie: Mapping[str, list[str]]
) -> dict[str, Any]:
    """The JSON answer of a submitted form (amounts kept as typed: the grader reads them).
    The whole answer typed as JSON, when given, is taken instead."""
    brut = _premiere(saisie, CHAMP_JSON).strip()
    if brut:
        try:
            valeur = json.loads(brut)
        except json.JSONDecodeError as erreur:
            raise ErreursChamps(
                {CHAMP_JSON: f"JSON invalide (ligne {erreur.lineno}, colonne {erreur.colno})."}
            ) from None
        if not isinstance(valeur, dict):
            raise ErreursChamps({CHAMP_JSON: "Objet JSON attendu (voir le format)."})
        return valeur
    erreurs: dict[str, str] = {}
    reponse = _lire_champs(champs, saisie, erreurs)
    if erreurs:
        raise ErreursChamps(erreurs)
    return reponse


def _premiere(saisie: Mapping[str, list[str]], nom: str) -> str:
    valeurs = saisie.get(nom) or [""]
    return valeurs[0]


def _lire_champs(
    champs: Sequence[ChampReponse], saisie: Mapping[str, list[str]], erreurs: dict[str, str]
) -> dict[str, Any]:
    return {champ.cle: _lire(champ, saisie, erreurs) for champ in champs}


def _lire(champ: ChampReponse, saisie: Mapping[str, list[str]], erreurs: dict[str, str]) -> Any:
    brut = _premiere(saisie, champ.nom)
    texte = brut.strip()
    if champ.genre == "groupe":
        return _lire_champs(champ.sous_champs, saisie, erreurs)
    if champ.genre == "lignes_objets":
        lignes = []
        for rang in champ.rangees:
            colonnes = [
                replace(c, nom=c.nom.replace("{rang}", str(rang))) for c in champ.sous_champs
            ]
            if all(not _premiere(saisie, c.nom).strip() for c in colonnes):
                continue  # an empty row
            lignes.append(_lire_champs(colonnes, saisie, erreurs))
        return lignes
    if champ.genre == "booleen":
        valeur = {"true": True, "false": False}.get(texte)
        if valeur is None:
            erreurs[champ.nom] = "Répondez par oui ou par non."
        return valeur
    if champ.genre == "codes":
        connus = {code for code, _ in champ.options}
        return [v for v in saisie.get(champ.nom, []) if v in connus]
    if champ.genre == "codes_ordonnes":
        choisis = [c for c in (_premiere(saisie, f"{champ.nom}.{r}") for r in champ.rangs) if c]
        if len(set(choisis)) != len(choisis):
            erreurs[champ.nom] = "Un même choix figure à deux rangs."
        return choisis
    if champ.genre == "nombre":
        try:
            return int(texte)
        except ValueError:
            erreurs[champ.nom] = "Nombre entier attendu."
            return None
    if champ.genre == "lignes":
        return [ligne.strip() for ligne in texte.splitlines() if ligne.strip()]
    if champ.genre == "liste_texte":
        return [x.strip() for x in re.split(r"[,;\n]", texte) if x.strip()]
    if champ.genre == "json":
        try:
            return json.loads(texte) if texte else None
        except json.JSONDecodeError:
            erreurs[champ.nom] = "JSON invalide (voir l'exemple)."
            return None
    if not texte and champ.facultatif:
        return None
    if champ.genre == "texte":
        return brut  # prose: kept as written
    return texte  # montant, choix, date, heure: the grader reads and checks the text


def _champ_de_l_erreur(message: str, champs: Sequence[ChampReponse]) -> str | None:
    """The field a grader's refusal names ("principal : montant attendu")."""
    for champ in champs:
        if champ.genre == "groupe":
            trouve = _champ_de_l_erreur(message, champ.sous_champs)
            if trouve:
                return trouve
        if re.match(rf"^(Réponse : )?{re.escape(champ.cle)}\b", message):
            return champ.nom
    return None


# --- the file (or whatever an exercise gives), rendered readably -------------------------------

LIBELLES = {
    "reference": "Référence",
    "au": "Examiné au",
    "nature": "Nature (code)",
    "nature_libelle": "Nature du dossier",
    "statut": "Statut",
    "ouvert_le": "Ouvert le",
    "territoire": "Département",
    "creancier": "Créancier",
    "debiteurs": "Débiteurs",
    "designation": "Désignation",
    "type": "Type",
    "adresse": "Adresse",
    "departement": "Département",
    "decede_le": "Décédé le",
    "protections": "Protections",
    "representants": "Représentants et ayants droit",
    "qualite": "Qualité",
    "employeur": "Employeur",
    "banque": "Banque",
    "titre": "Titre",
    "libelle": "Libellé",
    "date": "Date",
    "juridiction": "Juridiction",
    "numero": "Numéro",
    "contradictoire": "Contradictoire",
    "premier_ressort": "En premier ressort",
    "execution_provisoire": "Exécution provisoire",
    "formule_executoire": "Formule exécutoire",
    "date_signification": "Signifié le",
    "date_force_executoire": "Force exécutoire le",
    "date_saisine": "Saisine le",
    "creance_alimentaire": "Créance alimentaire",
    "observations": "Observations",
    "creance": "Créance",
    "principal": "Principal",
    "interets": "Intérêts",
    "taux": "Taux",
    "categorie": "Catégorie",
    "frais": "Frais",
    "montant": "Montant",
    "paiements": "Paiements",
    "origine": "Origine",
    "actes": "Actes accomplis",
    "code": "Code",
    "evenements": "Chronologie",
    "expulsions_programmees": "Expulsions programmées",
    "programmee_le": "Programmée le",
    "date_prevue": "Date prévue",
    "procedures": "Procédures en cours",
    "demarree_le": "Démarrée le",
    "prochaine_etape": "Prochaine étape",
    "date_limite": "Date limite",
    "fonds_detenus": "Fonds détenus",
    "recu_le": "Reçu le",
    "especes": "En espèces",
    "acompte": "Acompte",
    "depuis": "Depuis",
    "jusqu_au": "Jusqu'au",
    "organe": "Organe",
}
CLES_MONTANTS = re.compile(
    r"(montant|principal|total|restant|solde|frais|depens|article_700|encaisse|recouvre"
    r"|remuneration|charges|interets|paiements|salaire|ressources|sbi|quotite)"
)
MONTANT_JSON = re.compile(r"^-?\d+\.\d{2}$")
CODE = re.compile(r"^[a-z]+(_[a-z0-9]+)+$")


def libelle(cle: str) -> str:
    return LIBELLES.get(cle, cle.replace("_", " ").capitalize())


def _scalaire(valeur: Any, cle: str) -> str:
    if valeur is None or valeur == "":
        return "—"
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if isinstance(valeur, str):
        if MONTANT_JSON.match(valeur) and CLES_MONTANTS.search(cle):
            try:
                return format_euros(Decimal(valeur))
            except InvalidOperation:
                return valeur
        if DATE_ISO.match(valeur):
            try:
                return date.fromisoformat(valeur).strftime("%d/%m/%Y")
            except ValueError:
                return valeur
        if CODE.match(valeur):
            return valeur.replace("_", " ")  # a code ("personne_morale"), readable
    return str(valeur)


def affichable(valeur: Any, cle: str = "") -> dict[str, Any]:
    """A JSON value as display nodes: ``dl`` (label, node), ``table`` (columns, rows of
    text), ``liste`` (nodes) or ``texte``; amounts in euros, dates in French."""
    if isinstance(valeur, Mapping):
        return {
            "genre": "dl",
            "lignes": [(libelle(str(k)), affichable(v, str(k))) for k, v in valeur.items()],
        }
    if isinstance(valeur, list | tuple):
        if not valeur:
            return {"genre": "texte", "texte": "Aucun."}
        if all(isinstance(v, Mapping) for v in valeur):
            colonnes = list(dict.fromkeys(k for v in valeur for k in v))
            if all(not isinstance(x, Mapping | list) for v in valeur for x in v.values()):
                return {
                    "genre": "table",
                    "colonnes": [libelle(c) for c in colonnes],
                    "lignes": [[_scalaire(v.get(c), c) for c in colonnes] for v in valeur],
                }
        return {"genre": "liste", "elements": [affichable(v, cle) for v in valeur]}
    return {"genre": "texte", "texte": _scalaire(valeur, cle)}


def vue_dossier(dossier: Any) -> dict[str, Any]:
    """The exercise's material: the scalar entries as a summary, then one section per
    structured entry."""
    if not isinstance(dossier, Mapping):
        return {"resume": None, "sections": [("Données", affichable(dossier))]}
    scalaires = {k: v for k, v in dossier.items() if not isinstance(v, Mapping | list | tuple)}
    sections = [
        (libelle(str(k)), affichable(v, str(k)))
        for k, v in dossier.items()
        if isinstance(v, Mapping | list | tuple)
    ]
    return {"resume": affichable(scalaires) if scalaires else None, "sections": sections}


# --- pages -----------------------------------------------------------------------------------


def _barres_blocs(progression: Mapping[str, Any]) -> list[tuple[str, int]]:
    return [
        (f"Bloc {b['bloc']} ({b['exercices']})", b["moyenne"] or 0) for b in progression["par_bloc"]
    ]


def _accueil(
    request: Request,
    contexte: Contexte,
    utilisateur: UtilisateurConnecte,
    *,
    saisie: dict[str, Any] | None = None,
    erreurs: dict[str, str] | None = None,
    statut: int = 200,
) -> Response:
    progression = formation.progression(contexte)
    return page(
        request,
        "formation/accueil.html",
        {
            "progression": progression,
            "barres_blocs": _barres_blocs(progression),
            "blocs": BLOCS,
            "disponibles": formation.blocs_disponibles(),
            "niveaux": NIVEAUX,
            "modes": MODES_SESSION,
            "nombre_maximal": formation.NOMBRE_MAXIMAL,
            "duree_maximale": formation.DUREE_MAXIMALE,
            "saisie": saisie or {"blocs": ["1"], "nombre": "5", "niveau": "debutant",
                                 "mode": "entrainement", "duree": "60", "graine": ""},
            "erreurs": erreurs or {},
            "formateur": peut(utilisateur.role, "former"),
        },
        statut=statut,
    )  # fmt: skip


@routeur.get("/formation")
def accueil(request: Request, utilisateur: Stagiaire, contexte: ContexteEtude) -> Response:
    return _accueil(request, contexte, utilisateur)


def _entier(texte: str, nom: str, erreurs: dict[str, str]) -> int | None:
    texte = texte.strip()
    if not texte:
        return None
    try:
        return int(texte)
    except ValueError:
        erreurs[nom] = "Nombre entier attendu."
        return None


@routeur.post("/formation/sessions")
def demarrer(
    request: Request,
    utilisateur: Stagiaire,
    contexte: ContexteEtude,
    au: Aujourdhui,
    blocs: Annotated[list[str] | None, Form()] = None,
    nombre: Annotated[str, Form(max_length=10)] = "5",
    niveau: Annotated[str, Form(max_length=20)] = "debutant",
    mode: Annotated[str, Form(max_length=20)] = "entrainement",
    duree: Annotated[str, Form(max_length=10)] = "",
    graine: Annotated[str, Form(max_length=12)] = "",
) -> Response:
    saisie = {
        "blocs": blocs or [],
        "nombre": nombre,
        "niveau": niveau,
        "mode": mode,
        "duree": duree,
        "graine": graine,
    }
    erreurs: dict[str, str] = {}
    numeros = []
    for bloc in blocs or []:
        if not bloc.isdigit():
            erreurs["blocs"] = "Choisissez les blocs dans la liste."
        else:
            numeros.append(int(bloc))
    nombre_ = _entier(nombre, "nombre", erreurs)
    duree_ = _entier(duree, "duree", erreurs) if mode == "examen" else None
    graine_ = _entier(graine, "graine", erreurs)
    if not erreurs:
        try:
            numero = formation.demarrer_session(
                contexte,
                blocs=numeros,
                au=au,
                nombre=5 if nombre_ is None else nombre_,
                niveau=niveau,
                mode=mode,
                duree_minutes=duree_,
                graine=graine_,
            )
        except DonneeInvalide as erreur:
            erreurs[_champ_session(str(erreur))] = str(erreur)
        else:
            return RedirectResponse(f"/formation/sessions/{numero}", status_code=303)
    return _accueil(request, contexte, utilisateur, saisie=saisie, erreurs=erreurs, statut=422)


def _champ_session(message: str) -> str:
    for prefixe, champ in (
        ("Bloc", "blocs"),
        ("Les exercices du bloc", "blocs"),
        ("Nombre", "nombre"),
        ("Niveau", "niveau"),
        ("Mode", "mode"),
        ("Durée", "duree"),
        ("Graine", "graine"),
    ):
        if message.startswith(prefixe):
            return champ
    return "general"


def _page_session(
    request: Request,
    contexte: Contexte,
    utilisateur: UtilisateurConnecte,
    numero: int,
    *,
    corrige: int | None = None,
    saisie: Mapping[str, list[str]] | None = None,
    erreurs: dict[str, str] | None = None,
    statut: int = 200,
) -> Response:
    bilan = formation.bilan_session(contexte, numero)
    courant = formation.exercice_courant(contexte, numero)
    resultat = None
    if corrige is not None and bilan["corrections_visibles"]:
        resultat = next((e for e in bilan["exercices"] if e["rang"] == corrige), None)
    valeurs: dict[str, Any] = {
        "bilan": bilan,
        "courant": courant,
        "resultat": resultat,
        "saisie": saisie or {},
        "erreurs": erreurs or {},
        "formateur": peut(utilisateur.role, "former"),
        "libelles_blocs": BLOCS,
    }
    if courant is not None:
        format_reponse = courant["format_reponse"]
        valeurs.update(
            champs=champs_reponse(format_reponse),
            vue=vue_dossier(courant["dossier"]),
            grille=grille(format_reponse),
            CHAMP_JSON_REPONSE=CHAMP_JSON,
            exemple_json=json.dumps(format_reponse.get("exemple", {}), ensure_ascii=False),
        )
    return page(request, "formation/session.html", valeurs, statut=statut)


@routeur.get("/formation/sessions/{numero}")
def session(
    request: Request,
    numero: int,
    utilisateur: Stagiaire,
    contexte: ContexteEtude,
    corrige: int | None = None,
) -> Response:
    return _page_session(request, contexte, utilisateur, numero, corrige=corrige)


@routeur.get("/formation/sessions/{numero}/temps")
def temps_restant(
    request: Request, numero: int, utilisateur: Stagiaire, contexte: ContexteEtude
) -> Response:
    """The exam's remaining time (an HTMX fragment refreshed every minute)."""
    return page(
        request, "formation/_temps.html", {"bilan": formation.bilan_session(contexte, numero)}
    )


@routeur.post("/formation/sessions/{numero}/reponse")
async def repondre(
    request: Request, numero: int, utilisateur: Stagiaire, contexte: ContexteEtude
) -> Response:
    formulaire = await request.form()
    saisie: dict[str, list[str]] = {}
    for cle, valeur in formulaire.multi_items():
        if isinstance(valeur, str):
            saisie.setdefault(cle, []).append(valeur)
    courant = formation.exercice_courant(contexte, numero)
    rang_donne = _premiere(saisie, "rang")
    if courant is None or rang_donne != str(courant["rang"]):
        # The session moved on (time up, answered in another tab): show where it stands.
        formation.refuser_si_close(contexte, numero)  # time up, session over: says why
        return RedirectResponse(f"/formation/sessions/{numero}", status_code=303)
    champs = champs_reponse(courant["format_reponse"])
    try:
        reponse = reponse_du_formulaire(champs, saisie)
        resultat = formation.repondre(contexte, numero, reponse)
    except ErreursChamps as erreur:
        return _page_session(
            request, contexte, utilisateur, numero, saisie=saisie, erreurs=erreur.erreurs,
            statut=422,
        )  # fmt: skip
    except DonneeInvalide as erreur:
        champ = _champ_de_l_erreur(str(erreur), champs) or "general"
        return _page_session(
            request, contexte, utilisateur, numero, saisie=saisie, erreurs={champ: str(erreur)},
            statut=422,
        )  # fmt: skip
    suite = f"/formation/sessions/{numero}"
    if resultat.score is not None:
        suite += f"?corrige={resultat.rang}#resultat"
    return RedirectResponse(suite, status_code=303)


@routeur.post("/formation/sessions/{numero}/terminer")
def terminer(numero: int, utilisateur: Stagiaire, contexte: ContexteEtude) -> Response:
    formation.terminer_session(contexte, numero)
    return RedirectResponse(f"/formation/sessions/{numero}#bilan", status_code=303)


@routeur.get("/formation/exercices/{identifiant}/solution")
def solution(
    request: Request, identifiant: str, utilisateur: Formateur, contexte: ContexteEtude
) -> Response:
    """The engine's answer (it scores 100): for trainers only."""
    resultat = formation.solution_exercice(contexte, identifiant)
    return page(
        request,
        "formation/solution.html",
        {
            "exercice": resultat,
            "solution": affichable(resultat["solution"]),
            "solution_json": json.dumps(resultat["solution"], ensure_ascii=False, indent=2),
        },
    )


@routeur.get("/formation/stagiaires/{identifiant}")
def stagiaire(
    request: Request, identifiant: str, utilisateur: Formateur, contexte: ContexteEtude
) -> Response:
    progression = formation.progression(contexte, identifiant)
    return page(
        request,
        "formation/stagiaire.html",
        {"progression": progression, "barres_blocs": _barres_blocs(progression)},
    )


# --- groups (trainers) -----------------------------------------------------------------------


def _page_groupes(
    request: Request,
    contexte: Contexte,
    *,
    saisie: dict[str, str] | None = None,
    erreurs: dict[str, str] | None = None,
    statut: int = 200,
) -> Response:
    return page(
        request,
        "formation/groupes.html",
        {"groupes": formation.groupes(contexte), "saisie": saisie or {}, "erreurs": erreurs or {}},
        statut=statut,
    )


@routeur.get("/formation/groupes")
def groupes(request: Request, utilisateur: Formateur, contexte: ContexteEtude) -> Response:
    return _page_groupes(request, contexte)


@routeur.post("/formation/groupes")
def creer_groupe(
    request: Request,
    utilisateur: Formateur,
    contexte: ContexteEtude,
    nom: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    try:
        numero = formation.creer_groupe(contexte, nom)
    except (DonneeInvalide, OperationRefusee) as erreur:
        return _page_groupes(
            request, contexte, saisie={"nom": nom}, erreurs={"nom": str(erreur)},
            statut=_statut(erreur),
        )  # fmt: skip
    return RedirectResponse(f"/formation/groupes/{numero}", status_code=303)


def _statut(erreur: ErreurClerc) -> int:
    return 409 if isinstance(erreur, OperationRefusee) else 422


def _page_groupe(
    request: Request,
    contexte: Contexte,
    numero: int,
    *,
    saisie: dict[str, str] | None = None,
    erreurs: dict[str, str] | None = None,
    statut: int = 200,
) -> Response:
    bilan = formation.bilan_groupe(contexte, numero)
    return page(
        request,
        "formation/groupe.html",
        {
            "groupe": bilan,
            "blocs": [b["bloc"] for b in bilan["par_bloc"]],
            "candidats": formation.candidats_groupe(contexte, numero),
            "saisie": saisie or {},
            "erreurs": erreurs or {},
            "annonce": request.query_params.get("fait", ""),
        },
        statut=statut,
    )


@routeur.get("/formation/groupes/{numero}")
def groupe(
    request: Request, numero: int, utilisateur: Formateur, contexte: ContexteEtude
) -> Response:
    return _page_groupe(request, contexte, numero)


@routeur.post("/formation/groupes/{numero}/membres")
def ajouter_membre(
    request: Request,
    numero: int,
    utilisateur: Formateur,
    contexte: ContexteEtude,
    identifiant: Annotated[str, Form(max_length=80)] = "",
) -> Response:
    try:
        if not identifiant.strip():
            raise DonneeInvalide("Choisissez le stagiaire à ajouter.")
        formation.ajouter_membre(contexte, numero, identifiant)
    except (DonneeInvalide, OperationRefusee) as erreur:
        return _page_groupe(
            request, contexte, numero, saisie={"identifiant": identifiant},
            erreurs={"identifiant": str(erreur)}, statut=_statut(erreur),
        )  # fmt: skip
    return RedirectResponse(f"/formation/groupes/{numero}?fait=ajoute", status_code=303)


@routeur.post("/formation/groupes/{numero}/membres/{identifiant}/retirer")
def retirer_membre(
    numero: int, identifiant: str, utilisateur: Formateur, contexte: ContexteEtude
) -> Response:
    formation.retirer_membre(contexte, numero, identifiant)
    return RedirectResponse(f"/formation/groupes/{numero}?fait=retire", status_code=303)
