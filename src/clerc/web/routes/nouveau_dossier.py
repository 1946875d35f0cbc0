"""Opening a file from a form: ``/dossiers/nouveau``, with its analysis shown as it is filled.

The form's fields are read into the JSON description of `clerc dossier ouvrir` (docs/office.md)
and validated by the same functions (``services.donnees``), section by section so that an error
is shown next to its field; the draft is then checked and analysed by
``services.analyse_brouillon`` (the checks of ``ouvrir_dossier``, nothing written) and opened by
``services.dossiers.ouvrir_dossier``. No legal rule here: only where each message belongs.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from clerc.office.db import Contexte
from clerc.office.models.dossier import (
    EXECUTION_PROVISOIRE,
    NATURES_DOSSIER,
    NATURES_LIGNE,
    TYPES_TITRE,
)
from clerc.office.services.analyse_brouillon import (
    Brouillon,
    ErreurSaisie,
    creanciers_connus,
    examiner_brouillon,
)
from clerc.office.services.donnees import (
    NouveauDossier,
    nouveau_dossier_depuis_dict,
    partie_depuis_dict,
    titre_depuis_dict,
)
from clerc.office.services.dossiers import ouvrir_dossier
from clerc.office.services.utilisateurs import UtilisateurConnecte
from clerc.rules.erreurs import DonneeInvalide, ErreurClerc
from clerc.rules.monnaie import montant
from clerc.web import formulaires
from clerc.web.deps import Aujourdhui, ContexteEtude, exiger, verifier_csrf
from clerc.web.gabarits import page

routeur = APIRouter(include_in_schema=False, dependencies=[Depends(verifier_csrf)])
Ouvreur = Annotated[UtilisateurConnecte, Depends(exiger("ouvrir_dossier"))]

DEBITEURS_MAX = 10
LIGNES_MAX = 12
LIGNES_PAR_DEFAUT = ("principal", "article_700", "depens")
LONGUEUR_MAX = 2000  # any field of the form (observations included)
TYPES_PARTIE = {"personne_physique": "Personne physique", "personne_morale": "Personne morale"}
CIVILITES = ("Madame", "Monsieur")
MODES_INTERETS = {
    "legal": "Taux légal",
    "conventionnel": "Taux conventionnel",
    "aucun": "Sans intérêts",
}
NATURES_LIGNE_SAISIE = {n: libelle for n, libelle in NATURES_LIGNE.items() if n != "acte"}
CHEMIN = re.compile(r"^([a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*) : ")


async def formulaire(request: Request) -> dict[str, str]:
    """The posted form's text fields (last value of each name), trimmed."""
    donnees = await request.form()  # cached: the CSRF check read it already
    return {
        nom: valeur.strip()[:LONGUEUR_MAX]
        for nom, valeur in donnees.multi_items()
        if isinstance(valeur, str)
    }


Formulaire = Annotated[dict[str, str], Depends(formulaire)]


# --- reading the form -----------------------------------------------------------------------


class Saisie(formulaires.Saisie):
    """The form as typed (to show it again), its errors by field, and the file it describes."""

    def __init__(self, valeurs: dict[str, str], debiteurs: int, lignes: int) -> None:
        super().__init__("dossier", valeurs)
        self.debiteurs = debiteurs
        self.lignes = lignes
        self.donnees: NouveauDossier | None = None
        self.rangs: list[int] = []  # blocks of the debtors kept, in order
        self.partiel: NouveauDossier | None = None  # the sections without format errors

    def erreur(self, champ: str | None, message: str) -> None:
        """File ``message`` under ``champ`` (the first one only), without its JSON path (the
        field's label says where)."""
        trouve = CHEMIN.match(message)
        texte = message[trouve.end() :] if trouve else message
        super().erreur(champ, texte[:1].upper() + texte[1:])

    def get(self, champ: str) -> str:
        return self.texte(champ)


def _rempli(s: Saisie, prefixe: str) -> bool:
    """A block of the form with something typed in it (its kind of party aside)."""
    return any(
        valeur
        for nom, valeur in s.valeurs.items()
        if nom.startswith(f"{prefixe}_") and not (nom.endswith("_type"))
    )


def _nombre(texte: str, defaut: int, maximum: int) -> int:
    return max(1, min(maximum, int(texte))) if texte.isdigit() else defaut


def _vierge() -> Saisie:
    valeurs = {"nature": "judiciaire", "creancier_choix": "existant", "solidaires": "oui"}
    valeurs |= {"d0_type": "personne_physique", "creancier_type": "personne_morale"}
    valeurs |= {"titre_execution_provisoire": "sans_objet"}
    for rang, nature in enumerate(LIGNES_PAR_DEFAUT):
        valeurs[f"l{rang}_nature"] = nature
        valeurs[f"l{rang}_interets"] = "legal" if nature == "principal" else "aucun"
    return Saisie(valeurs, 1, len(LIGNES_PAR_DEFAUT))


def _date(s: Saisie, champ: str) -> str | None:
    texte = s.get(champ)
    if not texte:
        return None
    try:
        return date.fromisoformat(texte).isoformat()
    except ValueError:
        s.erreur(champ, f"Date impossible « {texte} » (jour, mois, année).")
        return None


def _montant(s: Saisie, champ: str, libelle: str, *, decimales: int = 2) -> str | None:
    texte = s.get(champ)
    if not texte:
        return None
    try:
        return str(montant(texte, libelle, decimales_max=decimales))
    except DonneeInvalide as erreur:
        s.erreur(champ, str(erreur))
        return None


def _oui_non(texte: str) -> bool | None:
    return {"oui": True, "non": False}.get(texte)


def _partie(s: Saisie, prefixe: str, chemin: str, *, creancier: bool) -> dict[str, Any]:
    """The JSON description of a party typed in the fields ``<prefixe>_...``."""
    morale = s.get(f"{prefixe}_type") == "personne_morale"
    partie: dict[str, Any] = {"type": s.get(f"{prefixe}_type") or "personne_physique"}
    if morale:
        for nom in ("denomination", "forme_juridique", "siren"):
            partie[nom] = s.get(f"{prefixe}_{nom}")
    else:
        for nom in ("civilite", "nom", "prenoms", "lieu_naissance"):
            partie[nom] = s.get(f"{prefixe}_{nom}")
        partie["date_naissance"] = _date(s, f"{prefixe}_date_naissance")
    if creancier:
        partie["iban"] = s.get(f"{prefixe}_iban")
    adresse = {
        "ligne1": s.get(f"{prefixe}_adresse"),
        "ligne2": s.get(f"{prefixe}_complement"),
        "code_postal": s.get(f"{prefixe}_code_postal"),
        "commune": s.get(f"{prefixe}_commune"),
    }
    if any(adresse.values()):
        partie["adresses"] = [adresse]
    partie = {cle: valeur for cle, valeur in partie.items() if valeur not in ("", None)}
    if not morale:
        partie.setdefault("nom", "")  # required: refused by the service, next to its field
    try:
        partie_depuis_dict(partie, chemin)
    except DonneeInvalide as erreur:
        _placer(s, str(erreur), prefixe)
    return partie


def _titre(s: Saisie) -> dict[str, Any] | None:
    lignes: list[dict[str, Any]] = []
    for rang in range(s.lignes):
        nature = s.get(f"l{rang}_nature")
        somme = _montant(s, f"l{rang}_montant", NATURES_LIGNE.get(nature, "Montant"))
        if somme is None:
            continue
        ligne: dict[str, Any] = {"nature": nature, "montant": somme}
        ligne["date"] = _date(s, f"l{rang}_date")
        ligne["majoration_depuis"] = _date(s, f"l{rang}_majoration_depuis")
        ligne["mode_interets"] = s.get(f"l{rang}_interets") or "legal"
        ligne["taux_conventionnel"] = _montant(
            s, f"l{rang}_taux", "Taux conventionnel (% l'an)", decimales=4
        )
        lignes.append({cle: valeur for cle, valeur in ligne.items() if valeur is not None})
    if not s.get("titre_type"):
        if lignes:
            s.erreur("titre_type", "Indiquez le titre qui fonde ces sommes (CPCE L111-3).")
        return None
    titre: dict[str, Any] = {
        "type": s.get("titre_type"),
        "date_titre": _date(s, "titre_date"),
        "juridiction": s.get("titre_juridiction") or None,
        "numero": s.get("titre_numero") or None,
        "date_signification": _date(s, "titre_date_signification"),
        "date_force_executoire": _date(s, "titre_date_force_executoire"),
        "date_saisine": _date(s, "titre_date_saisine"),
        "execution_provisoire": s.get("titre_execution_provisoire") or "sans_objet",
        "formule_executoire": s.get("titre_formule_executoire") == "oui",
        "contradictoire": _oui_non(s.get("titre_contradictoire")),
        "premier_ressort": _oui_non(s.get("titre_premier_ressort")),
        "lignes": lignes,
    }
    titre = {cle: valeur for cle, valeur in titre.items() if valeur is not None}
    if "date_titre" not in titre and "titre_date" not in s.erreurs:
        s.erreur("titre_date", "Date du titre obligatoire.")
    try:
        titre_depuis_dict(titre)
    except DonneeInvalide as erreur:
        _placer(s, str(erreur), "titre")
    return titre


def lire(valeurs: dict[str, str], au: date) -> Saisie:
    """Read the posted form; ``donnees`` is set when every field passed the format checks."""
    s = Saisie(
        valeurs,
        _nombre(valeurs.get("nb_debiteurs", ""), 1, DEBITEURS_MAX),
        _nombre(valeurs.get("nb_lignes", ""), len(LIGNES_PAR_DEFAUT), LIGNES_MAX),
    )
    dossier: dict[str, Any] = {
        "nature": s.get("nature"),
        "ouvert_le": au.isoformat(),
        "solidaires": s.get("solidaires") == "oui" or s.debiteurs == 1,
    }
    for nom in ("reference_mandant", "observations"):
        if s.get(nom):
            dossier[nom] = s.get(nom)
    if s.get("creancier_choix") == "nouveau":
        dossier["creancier"] = _partie(s, "creancier", "creancier", creancier=True)
    elif s.get("creancier_id").isdigit():
        dossier["creancier"] = int(s.get("creancier_id"))
    else:
        s.erreur("creancier_id", "Choisissez le créancier, ou saisissez un nouveau créancier.")
    s.rangs = [r for r in range(s.debiteurs) if r == 0 or _rempli(s, f"d{r}")]
    dossier["debiteurs"] = [
        _partie(s, f"d{rang}", f"debiteurs[{rang}]", creancier=False) for rang in s.rangs
    ]
    titre = _titre(s)
    if titre is not None:
        dossier["titre"] = titre
    if not s.erreurs:
        try:
            s.donnees = nouveau_dossier_depuis_dict(dossier)  # as `clerc dossier ouvrir`
        except DonneeInvalide as erreur:
            _placer(s, str(erreur), "general")
    else:
        s.partiel = _partiel(s, dossier)
    return s


def _partiel(s: Saisie, dossier: dict[str, Any]) -> NouveauDossier | None:
    """The sections that passed the format checks, for the service to check them too (all the
    errors are shown at once); None without a usable creditor."""
    if "creancier" not in dossier or any(c.startswith("creancier") for c in s.erreurs):
        return None
    debiteurs = [
        partie
        for rang, partie in zip(s.rangs, dossier["debiteurs"], strict=True)
        if not any(c == f"d{rang}" or c.startswith(f"d{rang}_") for c in s.erreurs)
    ]
    # A stand-in when every debtor block has its errors already: never shown, never saved.
    sans_titre = any(c.startswith(("titre", "l")) for c in s.erreurs)
    lisible = dict(dossier, debiteurs=debiteurs or [{"type": "personne_physique", "nom": "?"}])
    if sans_titre:
        lisible.pop("titre", None)
    try:
        return nouveau_dossier_depuis_dict(lisible)
    except DonneeInvalide:
        return None


# --- where a message belongs ----------------------------------------------------------------


def _champ_du_chemin(chemin: str) -> str:
    """The form field of a path of the JSON description ("debiteurs[0].siren" -> "d0_siren")."""
    morceaux: list[tuple[str, str]] = re.findall(r"([a-z_]+)(?:\[(\d+)\])?", chemin)
    premier, rang = morceaux[0]
    reste = [nom for nom, _ in morceaux[1:]]
    if premier == "creancier":
        prefixe = "creancier"
    elif premier == "debiteurs":
        prefixe = f"d{rang or 0}"
    elif premier == "titre" and reste[:1] == ["lignes"]:
        ligne = morceaux[1][1] or "0"
        nom = reste[1] if len(reste) > 1 else "montant"
        nom = {"mode_interets": "interets", "taux_conventionnel": "taux"}.get(nom, nom)
        return f"l{ligne}_{nom}"
    elif premier == "titre":
        nom = reste[0] if reste else "date_titre"
        return {"date_titre": "titre_date", "type": "titre_type"}.get(nom, f"titre_{nom}")
    else:
        return reste[0] if reste else premier
    if reste[:1] == ["adresses"]:
        nom = reste[1] if len(reste) > 1 else "ligne1"
        return f"{prefixe}_" + {"ligne1": "adresse", "ligne2": "complement"}.get(nom, nom)
    return f"{prefixe}_{reste[0]}" if reste else f"{prefixe}_type"


# Words of the services' messages that name a field of a section (parties, title, lines).
MOTS_PARTIE = (
    ("SIREN", "siren"),
    ("SIRET", "siren"),
    ("IBAN", "iban"),
    ("Code postal", "code_postal"),
    ("sans dénomination", "denomination"),
    ("sans nom", "nom"),
    ("Catégorie", "type"),
    ("Type de partie", "type"),
)
MOTS_TITRE = (
    ("signification", "titre_date_signification"),
    ("force exécutoire", "titre_date_force_executoire"),
    ("saisine", "titre_date_saisine"),
    ("Exécution provisoire", "titre_execution_provisoire"),
    ("Type de titre", "titre_type"),
)
MOTS_LIGNE = (
    ("Nature de ligne", "nature"),
    ("Régime d'intérêts", "interets"),
    ("sans taux", "taux"),
)


def _placer(s: Saisie, message: str, section: str) -> None:
    """File ``message`` under the field it names (its path, or its words), else ``section``."""
    trouve = CHEMIN.match(message)
    if trouve:
        s.erreur(_champ_du_chemin(trouve.group(1)), message)
        return
    s.erreur(_champ_de_la_section(message, section), message)


def _champ_de_la_section(message: str, section: str) -> str:
    if section == "creancier" or re.fullmatch(r"d\d+", section):
        for mot, champ in MOTS_PARTIE:
            if mot in message:
                return f"{section}_{champ}"
        return section
    if section == "titre":
        for mot, champ in MOTS_TITRE:
            if mot in message:
                return champ
        return "titre"
    ligne = re.fullmatch(r"l(\d+)", section)
    if ligne:
        for mot, champ in MOTS_LIGNE:
            if mot in message:
                return f"{section}_{champ}"
        return f"{section}_montant"
    return section


def _section(erreur: ErreurSaisie, s: Saisie) -> str:
    """The form's section of a refusal of ``analyse_brouillon``."""
    partie = erreur.partie
    if partie == "creancier":
        return "creancier" if s.get("creancier_choix") == "nouveau" else "creancier_id"
    debiteur = re.fullmatch(r"debiteurs\[(\d+)\]", partie)
    if debiteur:
        rang = int(debiteur.group(1))
        return f"d{s.rangs[rang] if rang < len(s.rangs) else rang}"
    ligne = re.fullmatch(r"titre\.lignes\[(\d+)\]", partie)
    if ligne:
        return f"l{ligne.group(1)}"
    return {"titre.lignes": "lignes", "debiteurs": "d0"}.get(partie, partie)


def _brouillon(s: Saisie, contexte: Contexte, au: date) -> Brouillon | None:
    """The draft checked (and analysed) by the service; its refusals placed in the form."""
    donnees = s.donnees or s.partiel
    if donnees is None:
        return None
    brouillon = examiner_brouillon(contexte, donnees, au)
    for erreur in brouillon.erreurs:
        _placer(s, erreur.message, _section(erreur, s))
    return brouillon if s.donnees is not None else None


# --- pages ----------------------------------------------------------------------------------


def _page(
    request: Request,
    contexte: Contexte,
    s: Saisie,
    au: date,
    *,
    statut: int = 200,
    brouillon: Brouillon | None = None,
    analyse_demandee: bool = False,
) -> Response:
    valeurs = {
        "s": s,
        "au": au,
        "creanciers": creanciers_connus(contexte),
        "natures": NATURES_DOSSIER,
        "types_titre": TYPES_TITRE,
        "executions": EXECUTION_PROVISOIRE,
        "natures_ligne": NATURES_LIGNE_SAISIE,
        "types_partie": TYPES_PARTIE,
        "civilites": CIVILITES,
        "modes_interets": MODES_INTERETS,
        "fiche": brouillon.fiche.en_dict() if brouillon and brouillon.fiche else None,
        "analyse_demandee": analyse_demandee,
        "a_completer": _a_completer(s),
    }
    return page(request, "nouveau_dossier/formulaire.html", valeurs, statut=statut)


LIBELLES_PARTIE = {
    "type": "type de partie",
    "civilite": "civilité",
    "nom": "nom",
    "prenoms": "prénoms",
    "date_naissance": "date de naissance",
    "lieu_naissance": "lieu de naissance",
    "denomination": "dénomination",
    "forme_juridique": "forme juridique",
    "siren": "SIREN",
    "iban": "IBAN",
    "adresse": "adresse",
    "complement": "complément d'adresse",
    "code_postal": "code postal",
    "commune": "commune",
}
LIBELLES_LIGNE = {
    "nature": "nature",
    "montant": "montant",
    "date": "date",
    "interets": "intérêts",
    "taux": "taux conventionnel",
    "majoration_depuis": "majoration depuis",
}
LIBELLES = {
    "general": "Dossier",
    "nature": "Nature du dossier",
    "reference_mandant": "Référence du créancier",
    "creancier_id": "Créancier",
    "creancier": "Nouveau créancier",
    "lignes": "Sommes du titre",
    "titre": "Titre",
    "titre_type": "Titre : type",
    "titre_date": "Titre : date",
    "titre_juridiction": "Titre : juridiction",
    "titre_numero": "Titre : numéro",
    "titre_date_signification": "Titre : date de signification",
    "titre_date_force_executoire": "Titre : date de force exécutoire",
    "titre_date_saisine": "Titre : date de saisine",
    "titre_execution_provisoire": "Titre : exécution provisoire",
}


def libelle(champ: str) -> str:
    """Where a field is, in words ("d1_siren" -> "Débiteur 2 : SIREN")."""
    if champ in LIBELLES:
        return LIBELLES[champ]
    trouve = re.fullmatch(r"(creancier|d(\d+)|l(\d+))(?:_(.+))?", champ)
    if trouve is None:
        return champ
    bloc, debiteur, ligne, nom = trouve.groups()
    if ligne is not None:
        return f"Ligne {int(ligne) + 1} des sommes : {LIBELLES_LIGNE.get(nom or '', nom or '')}"
    qui = "Nouveau créancier" if bloc == "creancier" else f"Débiteur {int(debiteur) + 1}"
    return f"{qui} : {LIBELLES_PARTIE.get(nom or '', nom or '')}" if nom else qui


def _a_completer(s: Saisie) -> list[tuple[str, str, str]]:
    """(field, where, message) of each error, for the summary above the form."""
    return [(champ, libelle(champ), message) for champ, message in s.erreurs.items()]


@routeur.get("/dossiers/nouveau")
def nouveau(request: Request, _u: Ouvreur, contexte: ContexteEtude, au: Aujourdhui) -> Response:
    return _page(request, contexte, _vierge(), au)


@routeur.post("/dossiers/nouveau")
def ouvrir(
    request: Request,
    _u: Ouvreur,
    contexte: ContexteEtude,
    au: Aujourdhui,
    valeurs: Formulaire,
) -> Response:
    s = lire(valeurs, au)
    action = valeurs.get("action", "")
    if action in ("ajouter_debiteur", "ajouter_ligne"):  # no JavaScript: one more block
        if action == "ajouter_debiteur":
            s.debiteurs = min(DEBITEURS_MAX, s.debiteurs + 1)
            s.valeurs.setdefault(f"d{s.debiteurs - 1}_type", "personne_physique")
        else:
            s.lignes = min(LIGNES_MAX, s.lignes + 1)
        s.erreurs.clear()
        return _page(request, contexte, s, au)
    brouillon = _brouillon(s, contexte, au)
    if s.erreurs or s.donnees is None or brouillon is None:
        return _page(request, contexte, s, au, statut=422)
    try:
        reference = ouvrir_dossier(contexte, s.donnees)
    except ErreurClerc as erreur:
        message = str(erreur)
        s.erreur("reference_mandant" if "référence" in message else "general", message)
        return _page(request, contexte, s, au, statut=422)
    return RedirectResponse(f"/dossiers/{reference}", status_code=303)


@routeur.post("/dossiers/nouveau/analyse")
def analyse(
    request: Request,
    _u: Ouvreur,
    contexte: ContexteEtude,
    au: Aujourdhui,
    valeurs: Formulaire,
) -> Response:
    """The draft's fiche d'analyse (an HTMX fragment beside the form; without JavaScript, the
    form again with the fiche); nothing is written."""
    s = lire(valeurs, au)
    brouillon = _brouillon(s, contexte, au)
    if request.headers.get("HX-Request") == "true":
        return page(
            request,
            "nouveau_dossier/_analyse.html",
            {
                "fiche": brouillon.fiche.en_dict() if brouillon and brouillon.fiche else None,
                "a_completer": _a_completer(s),
                "analyse_demandee": True,
                "au": au,
            },
        )
    return _page(request, contexte, s, au, brouillon=brouillon, analyse_demandee=True)
