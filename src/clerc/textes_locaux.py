"""The office's reproduced texts: a wording the release does not ship, added by the office.

Some acts copy articles word for word (CPCE R211-1 5°, R212-1-3 4°, R412-1, R125-2 II) and are
not signed without them (``clerc.actes.textes_reproduits``). When the release lacks a wording
(published since, or not found by the project), the office copies it from Légifrance with its
address and the days it is in force. Reading is done by ``clerc.actes.textes_reproduits``;
writing lives here: one YAML file per article in the office's texts directory, in the shipped
format, rewritten atomically (temporary file then rename) and only if every text still loads
with it, the shipped ones included (no overlap with a shipped wording, which the office cannot
replace silently). Nothing is half-written.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from clerc.actes.textes_reproduits import (
    TexteReproduit,
    TexteReproduitInvalide,
    chemin_textes_locaux,
    fichiers_locaux,
    fusionner,
    lire_fichier,
    nom_de_fichier,
    normaliser_article,
    reinitialiser_textes,
    textes_livres,
)
from clerc.rules.erreurs import DonneeInvalide

__all__ = ["AjoutTexte", "ajouter_texte"]

CODES = {
    "CPCE": "Code des procédures civiles d'exécution",
    "CPC": "Code de procédure civile",
    "C. civ.": "Code civil",
    "C. com.": "Code de commerce",
    "C. trav.": "Code du travail",
    "CCH": "Code de la construction et de l'habitation",
}


@dataclass(frozen=True)
class AjoutTexte:
    """A wording the office adds: article, text, first day, source, optional last day."""

    article: str
    texte: str
    en_vigueur_du: date
    source: str
    en_vigueur_au: date | None = None
    identifiant: str = ""
    note: str = ""
    code: str = ""  # by default from the article's prefix (CPCE, CPC, C. civ....)

    @property
    def article_normalise(self) -> str:
        """The article as stored and cited ("CPCE R212-1-5")."""
        return normaliser_article(self.article)

    @property
    def texte_normalise(self) -> str:
        """The wording as stored and reproduced (one paragraph a line of the input)."""
        return _texte(self.texte)


class _Dumper(yaml.SafeDumper):
    """Texts of several lines written as literal blocks (``|-``), as the shipped files are."""


def _chaine(dumper: yaml.SafeDumper, valeur: str) -> yaml.Node:
    style = "|" if "\n" in valeur else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", valeur, style=style)


_Dumper.add_representer(str, _chaine)


def _code(article: str, code: str) -> str:
    if code.strip():
        return code.strip()
    for prefixe, nom in sorted(CODES.items(), key=lambda c: -len(c[0])):
        if article.startswith(prefixe + " "):
            return nom
    raise DonneeInvalide(
        f"Code inconnu pour « {article} » : écrivez l'article avec son code (CPCE R212-1-5, "
        "CPC 659, C. civ. 2238) ou indiquez le code (--code)."
    )


def _texte(brut: str) -> str:
    """The text as pasted from Légifrance, one paragraph (alinéa, numbered item) a line:
    stored with a blank line between paragraphs, as the shipped files are."""
    lignes = brut.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n\n".join(" ".join(ligne.split()) for ligne in lignes if ligne.strip())


def _verifier(ajout: AjoutTexte, article: str) -> None:
    if not article or len(article.split()) < 2:
        raise DonneeInvalide(
            f"Article illisible « {ajout.article} » : écrivez-le avec son code, par exemple "
            "« CPCE R212-1-5 »."
        )
    if not ajout.texte.strip():
        raise DonneeInvalide("Le texte de l'article est vide : recopiez-le de Légifrance.")
    if not ajout.source.strip().startswith(("https://", "http://")):
        raise DonneeInvalide(
            "La source est obligatoire : l'adresse (https://) où le texte a été lu, sur "
            "Légifrance de préférence."
        )
    if ajout.en_vigueur_au is not None and ajout.en_vigueur_au < ajout.en_vigueur_du:
        raise DonneeInvalide("La date de fin précède la date d'entrée en vigueur.")


def ajouter_texte(
    ajout: AjoutTexte, *, dossier: Path | None = None, lu_le: date | None = None
) -> TexteReproduit:
    """Add ``ajout`` to the office's texts directory (``dossier``, by default the configured
    one); returns the wording as acts will reproduce it.

    A wording the office added earlier and left open (no last day) that starts before the new
    one is closed the day before it: a new wording of the article replaces the office's
    previous one, as the law does. A shipped wording is never closed: an overlap with it is
    refused.

    Raises DonneeInvalide (French) for an unreadable article, an empty text, a missing source,
    inconsistent dates, or days already covered by a shipped or added wording; nothing is
    written then.
    """
    article = ajout.article_normalise
    _verifier(ajout, article)
    dossier = dossier or chemin_textes_locaux()
    fichier = dossier / nom_de_fichier(article)
    actuel: dict[str, Any] = {
        "article": article,
        "code": _code(article, ajout.code),
        "versions": [],
    }
    if fichier.exists():
        try:
            existant = fichier.read_text(encoding="utf-8")
            lire_fichier(existant, fichier.name, locale=True)
        except (OSError, UnicodeDecodeError, TexteReproduitInvalide, yaml.YAMLError) as erreur:
            raise DonneeInvalide(
                f"Le fichier {fichier} est illisible ({erreur}) : corrigez-le ou retirez-le. "
                "Rien n'est enregistré."
            ) from None
        actuel = yaml.safe_load(existant)
    version: dict[str, Any] = {
        "en_vigueur_du": ajout.en_vigueur_du,
        "en_vigueur_au": ajout.en_vigueur_au,
        "texte": ajout.texte_normalise,
        "source": ajout.source.strip(),
        "lu_le": lu_le or date.today(),
    }
    if ajout.identifiant.strip():
        version["identifiant"] = ajout.identifiant.strip()
    if ajout.note.strip():
        version["note"] = ajout.note.strip()
    veille = ajout.en_vigueur_du - timedelta(days=1)
    for precedente in actuel["versions"]:
        if (
            precedente["en_vigueur_au"] is None
            and precedente["en_vigueur_du"] < ajout.en_vigueur_du
        ):
            precedente["en_vigueur_au"] = veille
    actuel["versions"] = [*actuel["versions"], version]
    contenu = yaml.dump(actuel, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    _valider(contenu, fichier)
    dossier.mkdir(parents=True, exist_ok=True)
    descripteur, temporaire = tempfile.mkstemp(dir=dossier, prefix=".texte-", suffix=".tmp")
    try:
        with os.fdopen(descripteur, "w", encoding="utf-8") as flux:
            flux.write(contenu)
        os.replace(temporaire, fichier)
    except BaseException:
        Path(temporaire).unlink(missing_ok=True)
        raise
    reinitialiser_textes()
    (ajoute,) = (
        v
        for v in lire_fichier(contenu, fichier.name, locale=True)
        if v.en_vigueur_du == ajout.en_vigueur_du
    )
    return ajoute


def _valider(contenu: str, fichier: Path) -> None:
    """Every text still loads with the new file: shipped ones, the office's others."""
    locaux = {**fichiers_locaux(fichier.parent), fichier.name: contenu}
    try:
        fusionner(textes_livres(), locaux)
    except TexteReproduitInvalide as erreur:
        raise DonneeInvalide(_message(str(erreur))) from erreur


def _message(erreur: str) -> str:
    if "chevauche" in erreur:
        return (
            "Ces dates recouvrent une version déjà connue du même article (livrée avec clerc ou "
            f"déjà ajoutée) : {erreur.split(' : ', 1)[-1]}. Rien n'est enregistré ; indiquez "
            "la date de fin de l'une ou corrigez les dates."
        )
    return f"Texte refusé : {erreur}. Rien n'est enregistré."
