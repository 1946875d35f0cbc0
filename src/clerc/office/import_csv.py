"""Bulk intake of a creditor's CSV file (format: docs/import_csv.md).

- ``analyser(octets)`` is pure: it decodes the file (UTF-8 with or without BOM, else
  Windows-1252), reads the ``;``-separated records, checks the header, validates every line and
  groups the lines of one file (same ``reference_mandant``) into ``NouveauDossier`` records.
  It never raises: every problem is an error ``(numero_ligne, message)``, numbered as the
  physical lines of the file (the header is line 1), with a French message.
- ``importer(contexte, source)`` imports all or nothing, in one transaction: if any line is bad
  nothing is written and ``ImportRefuse`` carries the report. A file whose creditor and
  ``reference_mandant`` already exist is skipped, and the parties are keyed (``cle_import``),
  so importing the same CSV twice creates nothing the second time. Each file is opened by
  ``services.dossiers.ouvrir_dans``, the same use case as `clerc dossier ouvrir`, so validation,
  numbering, default territory, timeline and per-row audit entries cannot differ; one more
  audit entry records the import itself (hash of the file, references created).
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import difflib
import hashlib
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from clerc.office.audit import journaliser_operation
from clerc.office.db import (
    Contexte,
    actualiser_statistiques,
    apres_chargement_massif,
    transaction,
)
from clerc.office.erreurs import ErreurOffice
from clerc.office.models import (
    Dossier,
    Partie,
)
from clerc.office.models.dossier import (
    EXECUTION_PROVISOIRE,
    NATURES_DOSSIER,
    TYPES_TITRE,
)
from clerc.office.services.donnees import (
    AdresseDonnees,
    LigneDonnees,
    NouveauDossier,
    PartieDonnees,
    TitreDonnees,
)
from clerc.office.services.dossiers import ouvrir_dans
from clerc.office.validation import (
    MONTANT_MAXIMUM,
    departement_du_code_postal,
    iban_valide,
    nom_recherche,
    siren_valide,
)
from clerc.rules.decompte import taux_annuel_pourcent
from clerc.rules.erreurs import DonneeInvalide, ErreurClerc
from clerc.rules.monnaie import montant

SEPARATEUR = ";"
TAUX_DECIMALES = 4  # Numeric(7, 4), percent per year

ErreurLigne = tuple[int, str]
Progression = Callable[[int, int], None]


# --- the columns ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Colonne:
    """A column of the format: the file-level ones are shared by every line of one file."""

    nom: str
    niveau: str  # "dossier" (same for every line of a file) or "debiteur" (one per line)
    lire: Callable[[str, str], Any]  # (text, column name) -> value, or DonneeInvalide
    obligatoire: bool = False  # must appear in the header


def _texte(longueur: int) -> Callable[[str, str], str]:
    def lire(valeur: str, nom: str) -> str:
        if len(valeur) > longueur:
            raise DonneeInvalide(f"{nom} : {len(valeur)} caractères, {longueur} au plus.")
        return valeur

    return lire


_JJ_MM_AAAA = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_AAAA_MM_JJ = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _date(valeur: str, nom: str) -> date:
    francaise = _JJ_MM_AAAA.fullmatch(valeur)
    iso = _AAAA_MM_JJ.fullmatch(valeur)
    if francaise:
        jour, mois, annee = (int(x) for x in francaise.groups())
    elif iso:
        annee, mois, jour = (int(x) for x in iso.groups())
    else:
        raise DonneeInvalide(f"{nom} : date « {valeur} » illisible (JJ/MM/AAAA attendu).")
    if not 1900 <= annee <= 2100:
        raise DonneeInvalide(f"{nom} : année {annee} invalide (1900 à 2100).")
    try:
        return date(annee, mois, jour)
    except ValueError:
        raise DonneeInvalide(f"{nom} : date impossible « {valeur} ».") from None


_MONTANT = re.compile(r"[0-9][0-9 \u00a0\u202f.,]*(?:\s?€)?")


def _montant(valeur: str, nom: str) -> Decimal:
    if not _MONTANT.fullmatch(valeur):
        raise DonneeInvalide(f"{nom} : montant « {valeur} » non numérique (ex. : 1 234,56).")
    resultat = montant(valeur, nom)
    if resultat <= 0:
        raise DonneeInvalide(f"{nom} : montant nul (laissez la case vide s'il n'y en a pas).")
    if resultat > MONTANT_MAXIMUM:
        raise DonneeInvalide(f"{nom} : montant « {valeur} » trop élevé.")
    return resultat


def _taux(valeur: str, nom: str) -> Decimal:
    pourcent = taux_annuel_pourcent(valeur, nom)
    exposant = pourcent.normalize().as_tuple().exponent
    if pourcent <= 0:
        raise DonneeInvalide(f"{nom} : taux nul (choisissez plutôt interets = aucun).")
    if isinstance(exposant, int) and exposant < -TAUX_DECIMALES:
        raise DonneeInvalide(
            f"{nom} : taux « {valeur} » trop précis ({TAUX_DECIMALES} décimales de pourcent "
            "au plus)."
        )
    return pourcent


def _siren(valeur: str, nom: str) -> str:
    try:
        return siren_valide(valeur)
    except DonneeInvalide as erreur:
        raise DonneeInvalide(f"{nom} : {erreur}") from None


def _iban(valeur: str, nom: str) -> str:
    try:
        return iban_valide(valeur)[0]
    except DonneeInvalide as erreur:
        raise DonneeInvalide(f"{nom} : {erreur}") from None


def _code_postal(valeur: str, nom: str) -> tuple[str, str]:
    """(postcode, department), validated."""
    try:
        departement = departement_du_code_postal(valeur)
    except DonneeInvalide as erreur:
        raise DonneeInvalide(f"{nom} : {erreur}") from None
    return valeur.replace(" ", ""), departement


def _choix(
    valeurs: dict[str, str], attendu: Sequence[str] | None = None
) -> Callable[[str, str], str]:
    """A value among a closed list (case-insensitive, synonyms mapped to the code)."""

    def lire(valeur: str, nom: str) -> str:
        code = valeurs.get(valeur.lower())
        if code is None:
            liste = ", ".join(attendu or sorted(set(valeurs.values())))
            raise DonneeInvalide(f"{nom} : valeur « {valeur} » inconnue (attendu : {liste}).")
        return code

    return lire


_OUI_NON = {"oui": True, "o": True, "1": True, "vrai": True, "non": False, "n": False}
_OUI_NON |= {"0": False, "faux": False}


def _oui_non(valeur: str, nom: str) -> bool:
    if valeur.lower() not in _OUI_NON:
        raise DonneeInvalide(f"{nom} : « {valeur} » : oui ou non attendu.")
    return _OUI_NON[valeur.lower()]


_TELEPHONE = re.compile(r"\+?[0-9][0-9 .()\-]{5,29}")
_COURRIEL = re.compile(r"[^@\s;,<>\"]+@[^@\s;,<>\"]+\.[^@\s;,<>\"]+")


def _telephone(valeur: str, nom: str) -> str:
    if not _TELEPHONE.fullmatch(valeur):
        raise DonneeInvalide(f"{nom} : numéro « {valeur} » illisible.")
    return valeur


def _courriel(valeur: str, nom: str) -> str:
    if len(valeur) > 255 or not _COURRIEL.fullmatch(valeur):
        raise DonneeInvalide(f"{nom} : adresse électronique « {valeur} » invalide.")
    return valeur


TYPES_DEBITEUR = {
    "personne_physique": "personne_physique",
    "physique": "personne_physique",
    "personne_morale": "personne_morale",
    "morale": "personne_morale",
}
CIVILITES = {
    "monsieur": "Monsieur",
    "m": "Monsieur",
    "m.": "Monsieur",
    "madame": "Madame",
    "mme": "Madame",
}
MODES_INTERETS = {"legal": "legal", "légal": "legal", "conventionnel": "conventionnel"}
MODES_INTERETS["aucun"] = "aucun"

COLONNES: tuple[Colonne, ...] = (
    Colonne("reference_mandant", "dossier", _texte(80), obligatoire=True),
    Colonne("creancier_siren", "dossier", _siren, obligatoire=True),
    Colonne("creancier_denomination", "dossier", _texte(255), obligatoire=True),
    Colonne("creancier_iban", "dossier", _iban),
    Colonne("nature", "dossier", _choix({n: n for n in NATURES_DOSSIER}), obligatoire=True),
    Colonne(
        "debiteur_type",
        "debiteur",
        _choix(TYPES_DEBITEUR, ("personne_physique", "personne_morale")),
        obligatoire=True,
    ),
    Colonne("debiteur_civilite", "debiteur", _choix(CIVILITES, ("Monsieur", "Madame"))),
    Colonne("debiteur_nom", "debiteur", _texte(255)),
    Colonne("debiteur_prenoms", "debiteur", _texte(255)),
    Colonne("debiteur_denomination", "debiteur", _texte(255)),
    Colonne("debiteur_forme_juridique", "debiteur", _texte(80)),
    Colonne("debiteur_siren", "debiteur", _siren),
    Colonne("debiteur_date_naissance", "debiteur", _date),
    Colonne("debiteur_lieu_naissance", "debiteur", _texte(255)),
    Colonne("debiteur_adresse", "debiteur", _texte(255)),
    Colonne("debiteur_adresse_complement", "debiteur", _texte(255)),
    Colonne("debiteur_code_postal", "debiteur", _code_postal),
    Colonne("debiteur_commune", "debiteur", _texte(120)),
    Colonne("debiteur_telephone", "debiteur", _telephone),
    Colonne("debiteur_courriel", "debiteur", _courriel),
    Colonne("titre_type", "dossier", _choix({t: t for t in TYPES_TITRE})),
    Colonne("titre_date", "dossier", _date),
    Colonne("titre_juridiction", "dossier", _texte(255)),
    Colonne("titre_numero", "dossier", _texte(80)),
    Colonne("titre_date_signification", "dossier", _date),
    Colonne("titre_formule_executoire", "dossier", _oui_non),
    Colonne("titre_execution_provisoire", "dossier", _choix({e: e for e in EXECUTION_PROVISOIRE})),
    Colonne("principal", "dossier", _montant),
    Colonne("interets", "dossier", _choix(MODES_INTERETS, ("legal", "conventionnel", "aucun"))),
    Colonne("taux", "dossier", _taux),
    Colonne("interets_depuis", "dossier", _date),
    Colonne("article_700", "dossier", _montant),
    Colonne("depens", "dossier", _montant),
    Colonne("observations", "dossier", _texte(2000)),
)
PAR_NOM = {colonne.nom: colonne for colonne in COLONNES}
COLONNES_DOSSIER = tuple(c.nom for c in COLONNES if c.niveau == "dossier")
COLONNES_TITRE = tuple(n for n in COLONNES_DOSSIER if n.startswith("titre_"))
COLONNES_MONTANT = ("principal", "article_700", "depens")


# --- results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DossierLu:
    """One file of the CSV, ready for ``ouvrir_dans`` (parties carry their ``cle_import``)."""

    lignes: tuple[int, ...]  # physical line numbers of its lines
    creancier_siren: str
    reference_mandant: str
    donnees: NouveauDossier


@dataclass(frozen=True)
class Analyse:
    encodage: str | None  # "utf-8", "utf-8-sig", "windows-1252"; None if undecodable
    lignes: int  # data lines read (blank lines not counted)
    dossiers: tuple[DossierLu, ...]
    erreurs: tuple[ErreurLigne, ...]

    @property
    def valide(self) -> bool:
        return not self.erreurs


@dataclass(frozen=True)
class DossierCree:
    reference: str
    reference_mandant: str
    creancier_siren: str


@dataclass(frozen=True)
class DossierIgnore:
    """A file of the CSV already in the office (same creditor and reference_mandant)."""

    reference_mandant: str
    creancier_siren: str
    reference: str  # the existing file


@dataclass(frozen=True)
class RapportImport:
    lignes: int
    dossiers_crees: tuple[DossierCree, ...] = ()
    dossiers_ignores: tuple[DossierIgnore, ...] = ()
    parties_creees: int = 0
    titres_crees: int = 0
    erreurs: tuple[ErreurLigne, ...] = ()
    simulation: bool = False
    encodage: str | None = None


class ImportRefuse(ErreurOffice):
    """The CSV has bad lines: nothing was imported; ``rapport.erreurs`` lists them."""

    def __init__(self, rapport: RapportImport) -> None:
        self.rapport = rapport
        nombre = len({ligne for ligne, _ in rapport.erreurs})
        details = "\n".join(f"ligne {ligne} : {message}" for ligne, message in rapport.erreurs)
        super().__init__(
            f"Import refusé : {nombre} ligne(s) en erreur, rien n'a été importé.\n{details}"
        )


# --- decoding and reading -------------------------------------------------------------------


class _Illisible(Exception):
    def __init__(self, ligne: int, message: str) -> None:
        super().__init__(message)
        self.ligne = ligne
        self.message = message


_FIN_DE_LIGNE = re.compile(rb"\r\n|\r|\n")


def _ligne_de(octets: bytes, position: int) -> int:
    return len(_FIN_DE_LIGNE.findall(octets, 0, position)) + 1


def _decoder(octets: bytes) -> tuple[str, str]:
    """The text and its encoding: UTF-8 (with or without BOM), else Windows-1252."""
    for bom, nom in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if octets.startswith(bom):
            raise _Illisible(1, f"fichier en {nom} : enregistrez-le en UTF-8 ou Windows-1252.")
    nul = octets.find(b"\x00")
    if nul >= 0:
        raise _Illisible(
            _ligne_de(octets, nul),
            "octet nul : fichier binaire ou en UTF-16 ; enregistrez-le en CSV UTF-8 "
            "ou Windows-1252.",
        )
    if octets.startswith(codecs.BOM_UTF8):
        try:
            return octets[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as erreur:
            raise _Illisible(
                _ligne_de(octets, len(codecs.BOM_UTF8) + erreur.start),
                "caractère invalide en UTF-8 alors que le fichier s'annonce UTF-8 (BOM).",
            ) from None
    try:
        return octets.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return octets.decode("windows-1252"), "windows-1252"
    except UnicodeDecodeError as erreur:
        octet = octets[erreur.start]
        raise _Illisible(
            _ligne_de(octets, erreur.start),
            f"octet 0x{octet:02X} ni UTF-8 ni Windows-1252 : encodage non reconnu.",
        ) from None


_ERREURS_CSV = {
    "expected after": "guillemet mal placé : un guillemet fermant doit être suivi de « ; »",
    "unexpected end of data": "guillemet ouvert jamais refermé (jusqu'à la fin du fichier)",
    "field larger than field limit": "champ démesurément long (guillemet non refermé ?)",
    "new-line character seen in unquoted field": "retour à la ligne isolé dans un champ",
}


def _enregistrements(texte: str) -> Iterator[tuple[int, list[str] | _Illisible]]:
    """(first physical line, fields) of each record; a malformed record yields its error."""
    lecteur = csv.reader(io.StringIO(texte, newline=""), delimiter=SEPARATEUR, strict=True)
    precedente = 0
    while True:
        debut = precedente + 1
        try:
            champs = next(lecteur)
        except StopIteration:
            return
        except csv.Error as erreur:
            brut = str(erreur)
            message = next(
                (fr for en, fr in _ERREURS_CSV.items() if en in brut), "ligne CSV illisible"
            )
            precedente = lecteur.line_num
            yield debut, _Illisible(debut, message)
            continue
        precedente = lecteur.line_num
        yield debut, champs


_CONTROLE = re.compile("[\x00-\x1f\x7f-\x9f]")  # Unicode category Cc


def _controle(valeur: str) -> bool:
    return _CONTROLE.search(valeur) is not None


# --- one line -------------------------------------------------------------------------------


@dataclass
class _Ligne:
    numero: int
    dossier: dict[str, Any]
    debiteur: dict[str, Any]
    erreurs: list[str] = field(default_factory=list)
    illisible: bool = False  # wrong number of fields: its values mean nothing

    def en_erreur(self, *colonnes: str) -> bool:
        """True when one of these columns already has an error (no follow-up error then)."""
        return any(message.split(" : ", 1)[0] in colonnes for message in self.erreurs)


_CACHE_MAXIMUM = 50_000  # parsed values kept: the creditor's columns repeat on every line


def _lire_ligne(
    numero: int, entete: list[str], champs: list[str], cache: dict[tuple[str, str], Any]
) -> _Ligne:
    ligne = _Ligne(numero, {}, {})
    if len(champs) > len(entete) and any(c.strip() for c in champs[len(entete) :]):
        ligne.erreurs.append(
            f"{len(champs)} valeurs pour {len(entete)} colonnes (« ; » en trop, ou valeur "
            "contenant « ; » à mettre entre guillemets)."
        )
        ligne.illisible = True
        return ligne
    if len(champs) < len(entete):
        ligne.erreurs.append(
            f"{len(champs)} valeurs pour {len(entete)} colonnes (valeurs manquantes)."
        )
        ligne.illisible = True
        return ligne
    for nom, brut in zip(entete, champs, strict=False):
        valeur = brut.strip()
        if not valeur:
            continue
        if _controle(valeur):
            ligne.erreurs.append(f"{nom} : caractère de contrôle ou retour à la ligne interdit.")
            continue
        colonne = PAR_NOM[nom]
        lu = cache.get((nom, valeur))
        if lu is None:
            try:
                lu = colonne.lire(valeur, nom)
            except DonneeInvalide as erreur:
                lu = erreur
            if len(cache) < _CACHE_MAXIMUM:
                cache[nom, valeur] = lu
        if isinstance(lu, DonneeInvalide):
            ligne.erreurs.append(str(lu))
            continue
        (ligne.dossier if colonne.niveau == "dossier" else ligne.debiteur)[nom] = lu
    return ligne


def _recherche(d: dict[str, Any], type_: str) -> str:
    """The party's search key as ``creer_partie`` computes it (``Partie.nom_recherche``)."""
    if type_ == "personne_morale":
        return nom_recherche(d.get("debiteur_denomination"))
    return nom_recherche(d.get("debiteur_nom"), d.get("debiteur_prenoms"))


def _verifier_debiteur(ligne: _Ligne) -> None:
    d = ligne.debiteur
    type_ = d.get("debiteur_type")
    if type_ is None:
        if not ligne.en_erreur("debiteur_type"):
            ligne.erreurs.append("debiteur_type : obligatoire (personne_physique ou morale).")
    elif type_ == "personne_physique":
        if not d.get("debiteur_nom"):
            ligne.erreurs.append("debiteur_nom : obligatoire pour une personne physique.")
        for nom in ("debiteur_denomination", "debiteur_forme_juridique"):
            if nom in d:
                ligne.erreurs.append(f"{nom} : réservé aux personnes morales.")
    else:
        if not d.get("debiteur_denomination"):
            ligne.erreurs.append("debiteur_denomination : obligatoire pour une personne morale.")
        for nom in (
            "debiteur_civilite",
            "debiteur_prenoms",
            "debiteur_date_naissance",
            "debiteur_lieu_naissance",
        ):
            if nom in d:
                ligne.erreurs.append(f"{nom} : réservé aux personnes physiques.")
    naissance = d.get("debiteur_date_naissance")
    if naissance is not None and naissance > date.today():
        ligne.erreurs.append("debiteur_date_naissance : date future.")
    adresse = ("debiteur_adresse", "debiteur_code_postal", "debiteur_commune")
    presentes = [nom for nom in adresse if nom in d]
    if presentes and len(presentes) < len(adresse):
        manquantes = ", ".join(nom for nom in adresse if nom not in d)
        if not ligne.en_erreur(*adresse):
            ligne.erreurs.append(f"adresse incomplète : {manquantes} manquant(s).")
    if "debiteur_adresse_complement" in d and "debiteur_adresse" not in d:
        ligne.erreurs.append("debiteur_adresse_complement : sans debiteur_adresse.")


def _verifier_dossier(ligne: _Ligne) -> None:
    """Checks of a file's own columns, on the first line of that file."""
    v = ligne.dossier

    def manque(nom: str, pourquoi: str) -> None:
        if nom not in v and not ligne.en_erreur(nom):
            ligne.erreurs.append(f"{nom} : {pourquoi}")

    for nom in ("creancier_siren", "creancier_denomination", "nature"):
        manque(nom, "obligatoire sur la première ligne du dossier.")
    titre = any(nom in v for nom in COLONNES_TITRE) or any(n in v for n in COLONNES_MONTANT)
    if v.get("nature") == "judiciaire":
        titre = True
        manque("titre_type", "obligatoire pour un dossier judiciaire (titre exécutoire).")
    if titre:
        manque("titre_type", "obligatoire quand un titre ou un montant est donné.")
        manque("titre_date", "obligatoire quand un titre ou un montant est donné.")
    if ("article_700" in v or "depens" in v) and "principal" not in v:
        manque("principal", "obligatoire quand article_700 ou depens est donné.")
    if "principal" not in v and not ligne.en_erreur("principal"):
        for nom in ("interets", "taux", "interets_depuis"):
            if nom in v:
                ligne.erreurs.append(f"{nom} : sans principal.")
    mode = v.get("interets", "legal")
    if ligne.en_erreur("interets"):
        pass
    elif mode == "conventionnel":
        manque("taux", "obligatoire pour des intérêts conventionnels.")
    elif "taux" in v:
        ligne.erreurs.append("taux : seulement avec interets = conventionnel.")
    if mode == "aucun" and "interets_depuis" in v:
        ligne.erreurs.append("interets_depuis : sans objet quand interets = aucun.")
    date_titre = v.get("titre_date")
    if date_titre is not None:
        if date_titre > date.today():
            ligne.erreurs.append("titre_date : date future.")
        signification = v.get("titre_date_signification")
        if signification is not None and signification < date_titre:
            ligne.erreurs.append("titre_date_signification : antérieure à la date du titre.")
    signification = v.get("titre_date_signification")
    if signification is not None and signification > date.today():
        ligne.erreurs.append("titre_date_signification : date future.")


# --- grouping lines into files ----------------------------------------------------------------


_TYPE_COURT = {"personne_physique": "physique", "personne_morale": "morale"}


def _cle_debiteur(debiteur: dict[str, Any], siren: str, reference: str, rang: int) -> str:
    """Import key of a debtor: its SIREN, else name and birth date, else its file and rank."""
    if debiteur.get("debiteur_siren"):
        return f"siren:{debiteur['debiteur_siren']}"
    naissance = debiteur.get("debiteur_date_naissance")
    if debiteur["debiteur_type"] == "personne_physique" and naissance is not None:
        nom = nom_recherche(debiteur.get("debiteur_nom"), debiteur.get("debiteur_prenoms"))
        return f"personne:{naissance.isoformat()}:{nom}"[:120]
    return f"mandant:{siren}:{reference}:{rang}"


def _debiteur(d: dict[str, Any], cle: str) -> PartieDonnees:
    adresses: tuple[AdresseDonnees, ...] = ()
    if "debiteur_adresse" in d:
        code_postal, _departement = d["debiteur_code_postal"]
        adresses = (
            AdresseDonnees(
                ligne1=d["debiteur_adresse"],
                ligne2=d.get("debiteur_adresse_complement"),
                code_postal=code_postal,
                commune=d["debiteur_commune"],
            ),
        )
    return PartieDonnees(
        type=d["debiteur_type"],
        nom=d.get("debiteur_nom", ""),
        prenoms=d.get("debiteur_prenoms"),
        civilite=d.get("debiteur_civilite"),
        denomination=d.get("debiteur_denomination"),
        forme_juridique=d.get("debiteur_forme_juridique"),
        siren=d.get("debiteur_siren"),
        date_naissance=d.get("debiteur_date_naissance"),
        lieu_naissance=d.get("debiteur_lieu_naissance"),
        adresses=adresses,
        telephone=d.get("debiteur_telephone"),
        courriel=d.get("debiteur_courriel"),
        cle_import=cle,
    )


def _titre_lu(v: dict[str, Any]) -> TitreDonnees | None:
    if "titre_type" not in v:
        return None
    lignes: list[LigneDonnees] = []
    if "principal" in v:
        lignes.append(
            LigneDonnees(
                nature="principal",
                montant=v["principal"],
                mode_interets=v.get("interets", "legal"),
                taux_conventionnel=v.get("taux"),
                interets_depuis=v.get("interets_depuis"),
            )
        )
    for nature in ("article_700", "depens"):
        if nature in v:
            lignes.append(LigneDonnees(nature=nature, montant=v[nature]))
    return TitreDonnees(
        type=v["titre_type"],
        date_titre=v["titre_date"],
        juridiction=v.get("titre_juridiction"),
        numero=v.get("titre_numero"),
        formule_executoire=v.get("titre_formule_executoire", False),
        execution_provisoire=v.get("titre_execution_provisoire", "sans_objet"),
        date_signification=v.get("titre_date_signification"),
        lignes=tuple(lignes),
    )


@dataclass
class _Groupe:
    """The lines of one file (same reference_mandant), in file order."""

    premiere: _Ligne
    lignes: list[_Ligne] = field(default_factory=list)


def _comparer(ligne: _Ligne, premiere: _Ligne) -> None:
    """A file's columns repeated on its later lines must be empty or equal to the first."""
    for nom, valeur in ligne.dossier.items():
        attendu = premiere.dossier.get(nom)
        if valeur != attendu:
            vide = " (vide là-bas)" if attendu is None else ""
            ligne.erreurs.append(
                f"{nom} : valeur différente de celle de la ligne {premiere.numero} du même "
                f"dossier{vide} ; laissez la case vide ou répétez la valeur à l'identique."
            )


def _dossier(groupe: _Groupe) -> DossierLu:
    v = groupe.premiere.dossier
    siren, reference = v["creancier_siren"], v["reference_mandant"]
    debiteurs: list[PartieDonnees] = []
    vus: dict[str, int] = {}
    for rang, ligne in enumerate(groupe.lignes, start=1):
        cle = _cle_debiteur(ligne.debiteur, siren, reference, rang)
        if ligne.debiteur.get("debiteur_siren") == siren:
            ligne.erreurs.append("debiteur_siren : le créancier ne peut pas être son débiteur.")
        elif cle in vus:
            ligne.erreurs.append(
                f"débiteur en double dans le dossier « {reference} » (déjà ligne {vus[cle]})."
            )
        vus.setdefault(cle, ligne.numero)
        debiteurs.append(_debiteur(ligne.debiteur, cle))
    territoire = None
    premier = groupe.lignes[0].debiteur
    if "debiteur_code_postal" in premier and "debiteur_adresse" in premier:
        territoire = premier["debiteur_code_postal"][1]
    creancier = PartieDonnees(
        type="personne_morale",
        denomination=v["creancier_denomination"],
        siren=siren,
        iban=v.get("creancier_iban"),
        cle_import=f"siren:{siren}",
    )
    return DossierLu(
        lignes=tuple(ligne.numero for ligne in groupe.lignes),
        creancier_siren=siren,
        reference_mandant=reference,
        donnees=NouveauDossier(
            nature=v["nature"],
            creancier=creancier,
            debiteurs=tuple(debiteurs),
            titre=_titre_lu(v),
            reference_mandant=reference,
            territoire=territoire,
            observations=v.get("observations", ""),
        ),
    )


def _verifier_creanciers(groupes: Sequence[_Groupe]) -> None:
    """One SIREN, one creditor: its name and IBAN must not change from file to file."""
    vus: dict[str, _Ligne] = {}
    for groupe in groupes:
        ligne = groupe.premiere
        siren = ligne.dossier.get("creancier_siren")
        if siren is None:
            continue
        premiere = vus.setdefault(siren, ligne)
        for nom in ("creancier_denomination", "creancier_iban"):
            if ligne.dossier.get(nom) != premiere.dossier.get(nom):
                ligne.erreurs.append(
                    f"{nom} : différent de celui de la ligne {premiere.numero} pour le même "
                    f"créancier (SIREN {siren})."
                )


# --- analysis -------------------------------------------------------------------------------


def _entete(champs: list[str]) -> tuple[list[str], list[str]]:
    """(normalised column names, errors) of the header row."""
    noms = [c.strip().lstrip("\ufeff").lower() for c in champs]
    while noms and not noms[-1]:
        noms.pop()
    erreurs: list[str] = []
    for position, nom in enumerate(noms, start=1):
        if not nom:
            erreurs.append(f"en-tête : colonne n° {position} sans nom.")
        elif nom not in PAR_NOM:
            proches = difflib.get_close_matches(nom, list(PAR_NOM), n=1)
            suggestion = f" ; vouliez-vous dire « {proches[0]} » ?" if proches else ""
            erreurs.append(f"en-tête : colonne inconnue « {nom[:80]} »{suggestion}")
        elif noms.index(nom) != position - 1:
            erreurs.append(f"en-tête : colonne « {nom} » en double.")
    manquantes = [c.nom for c in COLONNES if c.obligatoire and c.nom not in noms]
    if manquantes:
        erreurs.append(f"en-tête : colonne(s) obligatoire(s) absente(s) : {', '.join(manquantes)}.")
    if len(noms) == 1 and noms[0] and SEPARATEUR not in champs[0] and ("," in champs[0]):
        erreurs.append("en-tête : le séparateur doit être « ; » (point-virgule), pas « , ».")
    return noms, erreurs


def analyser(octets: bytes) -> Analyse:
    """Parse and validate a CSV file without touching any database; never raises."""
    try:
        return _analyser(octets)
    except Exception as erreur:  # last resort: the contract is a clean result, always
        return Analyse(None, 0, (), ((1, f"fichier illisible ({type(erreur).__name__})."),))


def _analyser(octets: bytes) -> Analyse:
    if not octets.strip():
        return Analyse(None, 0, (), ((1, "fichier vide : la ligne d'en-tête est requise."),))
    try:
        texte, encodage = _decoder(octets)
    except _Illisible as illisible:
        return Analyse(None, 0, (), ((illisible.ligne, illisible.message),))
    erreurs: list[ErreurLigne] = []
    enregistrements = _enregistrements(texte)
    premier = next(enregistrements, None)
    if premier is None or isinstance(premier[1], _Illisible):
        return Analyse(encodage, 0, (), ((1, "en-tête illisible."),))
    entete, erreurs_entete = _entete(premier[1])
    if erreurs_entete:
        return Analyse(encodage, 0, (), tuple((1, message) for message in erreurs_entete))
    lignes: list[_Ligne] = []
    cache: dict[tuple[str, str], Any] = {}
    for numero, champs in enregistrements:
        if isinstance(champs, _Illisible):
            erreurs.append((numero, champs.message))
            continue
        if not any(c.strip() for c in champs):
            continue  # blank line (or only separators): ignored
        try:
            lignes.append(_lire_ligne(numero, entete, champs, cache))
        except Exception as erreur:
            erreurs.append((numero, f"ligne illisible ({type(erreur).__name__})."))
    groupes: dict[str, _Groupe] = {}
    for ligne in lignes:
        try:
            _grouper(ligne, groupes)
        except Exception as erreur:
            ligne.erreurs.append(f"ligne illisible ({type(erreur).__name__}).")
    dossiers: list[DossierLu] = []
    _verifier_creanciers([g for g in groupes.values() if not g.premiere.erreurs])
    for groupe in groupes.values():
        if any(ligne.erreurs for ligne in groupe.lignes):
            continue
        try:
            dossier = _dossier(groupe)
        except Exception as erreur:
            groupe.premiere.erreurs.append(f"dossier illisible ({type(erreur).__name__}).")
            continue
        if not any(ligne.erreurs for ligne in groupe.lignes):
            dossiers.append(dossier)
    for ligne in lignes:
        erreurs.extend((ligne.numero, message) for message in ligne.erreurs)
    if len(lignes) == 0 and not erreurs:
        erreurs.append((1, "aucune ligne de données après l'en-tête."))
    erreurs.sort(key=lambda e: e[0])
    return Analyse(encodage, len(lignes), tuple(dossiers), tuple(erreurs))


def _grouper(ligne: _Ligne, groupes: dict[str, _Groupe]) -> None:
    """Check a line and add it to its file (the first line of a file carries its columns)."""
    if ligne.illisible:
        return
    _verifier_debiteur(ligne)
    reference = ligne.dossier.get("reference_mandant")
    if reference is None:
        if not ligne.en_erreur("reference_mandant"):
            ligne.erreurs.append("reference_mandant : obligatoire sur chaque ligne.")
        return
    groupe = groupes.get(reference)
    if groupe is None:
        groupes[reference] = _Groupe(ligne, [ligne])
        _verifier_dossier(ligne)
    else:
        groupe.lignes.append(ligne)
        _comparer(ligne, groupe.premiere)


# --- import ---------------------------------------------------------------------------------


class _Simulation(Exception):
    """Raised inside the transaction to roll back a dry run, carrying its report."""

    def __init__(self, rapport: RapportImport) -> None:
        super().__init__("simulation")
        self.rapport = rapport


def _morceaux(valeurs: Sequence[Any], taille: int = 500) -> Iterator[Sequence[Any]]:
    for debut in range(0, len(valeurs), taille):
        yield valeurs[debut : debut + taille]


def _parties_existantes(session: Session, dossiers: Sequence[DossierLu]) -> dict[str, int]:
    """Import key -> id of the parties already in the office (by key, else by SIREN)."""
    parties = [d.donnees.creancier for d in dossiers] + [
        p for d in dossiers for p in d.donnees.debiteurs
    ]
    cles = sorted({p.cle_import for p in parties if isinstance(p, PartieDonnees) and p.cle_import})
    trouvees: dict[str, int] = {}
    for morceau in _morceaux(cles):
        requete = select(Partie.cle_import, func.min(Partie.id)).where(
            Partie.cle_import.in_(morceau)
        )
        for cle, id_ in session.execute(requete.group_by(Partie.cle_import)):
            trouvees[str(cle)] = int(id_)
    # A company entered by hand (without key) is the same party: found by its SIREN.
    sirens = sorted(
        c.removeprefix("siren:") for c in cles if c.startswith("siren:") and c not in trouvees
    )
    for morceau in _morceaux(sirens):
        requete = select(Partie.siren, func.min(Partie.id)).where(
            Partie.siren.in_(morceau), Partie.type == "personne_morale"
        )
        for siren, id_ in session.execute(requete.group_by(Partie.siren)):
            trouvees[f"siren:{siren}"] = int(id_)
    return trouvees


def _dossiers_existants(session: Session, creanciers: Sequence[int]) -> dict[tuple[int, str], str]:
    """(creditor id, reference_mandant) -> reference of the files already in the office."""
    existants: dict[tuple[int, str], str] = {}
    for morceau in _morceaux(creanciers):
        requete = select(Dossier.creancier_id, Dossier.reference_mandant, Dossier.reference).where(
            Dossier.creancier_id.in_(morceau), Dossier.reference_mandant.is_not(None)
        )
        for creancier_id, reference_mandant, reference in session.execute(requete):
            existants.setdefault((int(creancier_id), str(reference_mandant)), str(reference))
    return existants


class _DossierRefuse(Exception):
    def __init__(self, lu: DossierLu, message: str) -> None:
        super().__init__(message)
        self.lu = lu
        self.message = message


@contextlib.contextmanager
def _fautif(lu: DossierLu) -> Iterator[None]:
    """A service's French refusal, attributed to the file's first line."""
    try:
        yield
    except ErreurClerc as erreur:
        raise _DossierRefuse(lu, str(erreur)) from erreur


def _parties_connues(donnees: NouveauDossier, connues: dict[str, int]) -> NouveauDossier:
    """Parties already in the office designated by their id (found by key or SIREN)."""

    def _connue(partie: PartieDonnees | int) -> PartieDonnees | int:
        if isinstance(partie, PartieDonnees) and partie.cle_import in connues:
            return connues[partie.cle_import]
        return partie

    return replace(
        donnees,
        creancier=_connue(donnees.creancier),
        debiteurs=tuple(_connue(d) for d in donnees.debiteurs),
    )


def _importer_dans(
    session: Session, analyse: Analyse, progression: Progression | None, simulation: bool
) -> RapportImport:
    """Open each new file through the same service as `clerc dossier ouvrir` (validation,
    numbering, default territory, timeline and per-row audit entries alike)."""
    if session.get_bind().dialect.name == "postgresql":
        # Two imports into one office run one after the other (no duplicate file or party).
        session.execute(
            text("SELECT pg_advisory_xact_lock(:espace, :etude)"),
            {"espace": 0x434C, "etude": int(session.info["etude_id"])},
        )
    connues = _parties_existantes(session, analyse.dossiers)
    existants = _dossiers_existants(
        session, sorted({i for cle, i in connues.items() if cle.startswith("siren:")})
    )
    parties_avant = session.scalar(select(func.count(Partie.id))) or 0
    crees: list[DossierCree] = []
    ignores: list[DossierIgnore] = []
    titres = 0
    total = len(analyse.dossiers)
    try:
        for fait, lu in enumerate(analyse.dossiers, start=1):
            creancier_id = connues.get(f"siren:{lu.creancier_siren}")
            existant = existants.get((creancier_id, lu.reference_mandant)) if creancier_id else None
            if existant is not None:
                ignores.append(DossierIgnore(lu.reference_mandant, lu.creancier_siren, existant))
            else:
                with _fautif(lu):
                    reference = ouvrir_dans(session, _parties_connues(lu.donnees, connues))
                crees.append(DossierCree(reference, lu.reference_mandant, lu.creancier_siren))
                titres += lu.donnees.titre is not None
            if progression is not None:
                progression(fait, total)
    except _DossierRefuse as refus:  # the services refused what ``analyser`` let through
        raise ImportRefuse(
            RapportImport(
                lignes=analyse.lignes,
                erreurs=((refus.lu.lignes[0], refus.message),),
                simulation=simulation,
                encodage=analyse.encodage,
            )
        ) from refus
    parties_apres = session.scalar(select(func.count(Partie.id))) or 0
    return RapportImport(
        lignes=analyse.lignes,
        dossiers_crees=tuple(crees),
        dossiers_ignores=tuple(ignores),
        parties_creees=parties_apres - parties_avant,
        titres_crees=titres,
        simulation=simulation,
        encodage=analyse.encodage,
    )


def lire_fichier(chemin: Path) -> bytes:
    """The bytes of the file, or a French DonneeInvalide."""
    try:
        return chemin.read_bytes()
    except FileNotFoundError:
        raison = "fichier introuvable"
    except IsADirectoryError:
        raison = "c'est un répertoire"
    except PermissionError:
        raison = "lecture non autorisée"
    except OSError as erreur:
        raison = f"erreur de lecture ({erreur.errno})"
    raise DonneeInvalide(f"Fichier « {chemin} » illisible : {raison}.")


def importer(
    contexte: Contexte,
    source: Path | bytes,
    *,
    simulation: bool = False,
    progression: Progression | None = None,
) -> RapportImport:
    """Import a creditor's CSV, all or nothing, in one transaction.

    Raises ``ImportRefuse`` (its ``rapport`` lists each bad line) when any line is bad;
    ``simulation`` runs the whole import and rolls it back, reporting what it would create.
    ``progression(fait, total)`` is called after each file.
    """
    octets = lire_fichier(source) if isinstance(source, Path) else source
    analyse = analyser(octets)
    if analyse.erreurs:
        raise ImportRefuse(
            RapportImport(
                lignes=analyse.lignes,
                erreurs=analyse.erreurs,
                simulation=simulation,
                encodage=analyse.encodage,
            )
        )
    if progression is not None:
        progression(0, len(analyse.dossiers))
    try:
        with transaction(contexte, "import_csv") as session:
            rapport = _importer_dans(session, analyse, progression, simulation)
            if simulation:
                raise _Simulation(rapport)
            journaliser_operation(
                session,
                "import_csv",
                hashlib.sha256(octets).hexdigest()[:40],
                {
                    "lignes": rapport.lignes,
                    "dossiers_crees": [d.reference for d in rapport.dossiers_crees],
                    "dossiers_ignores": [d.reference for d in rapport.dossiers_ignores],
                    "parties_creees": rapport.parties_creees,
                },
            )
            if len(rapport.dossiers_crees) >= 1000:
                actualiser_statistiques(session.connection())
    except _Simulation as essai:
        return essai.rapport
    if len(rapport.dossiers_crees) >= 1000:
        apres_chargement_massif(contexte.moteur)
    return rapport
