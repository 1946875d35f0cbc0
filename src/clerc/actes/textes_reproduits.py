"""Texts that an act must reproduce word for word, kept as dated data with their source.

Some acts copy articles in full: the acte de saisie-attribution reproduces L211-2 (first
paragraph), L211-3, L211-4 (third paragraph), R211-5 and R211-11 of the CPCE (CPCE R211-1, 5°);
the commandement de quitter les lieux reproduces L412-1 to L412-6 (CPCE R411-1); the
commandement aux fins de saisie des rémunérations reproduces R212-1-5 and R212-1-6 (CPCE
R212-1-3, 4°). The project's rule: those texts are data, one YAML file per article in
``textes/`` (``cpce_r211_3.yaml``), each wording with the days it was in force, the address
where it was read, and the day it was read. An act whose text is missing is not signed: a
paraphrase or a text written from memory would be a defect of the act (nullité for want of a
mandatory mention).

Format of a file::

    article: CPCE R211-3          # as cited in acts
    code: Code des procédures civiles d'exécution
    versions:
      - en_vigueur_du: 2012-06-01   # first day of this wording
        en_vigueur_au: null          # last day (inclusive), null while in force
        texte: |-
          verbatim text, paragraphs separated by blank lines
        source: https://...          # where the text was read
        identifiant: LEGIARTI...     # Légifrance identifier, when the source gives it
        lu_le: 2026-11-30
        note: ...                    # optional: how the dates or the layout were established

Everything is checked when loaded (unknown keys, missing source, empty text, overlapping
versions): a wrong file is a bug of the project, reported with the file name.

Texts added by the office: a wording the release does not ship (published since, or not
found by the project) is added by the office in the same format, one file per article, in
its own directory (``$CLERC_TEXTES_LOCAUX``, else ``~/.config/clerc/textes/``;
``clerc.textes_locaux`` writes it, ``clerc textes ajouter`` and the parameters page call it).
Its versions join the shipped ones (``locale`` is True) and may not overlap them: the shipped
wording, read by the project, is never replaced silently.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

from clerc.rules.erreurs import ErreurClerc

__all__ = [
    "TexteIntrouvable",
    "TexteReproduit",
    "TexteReproduitInvalide",
    "chemin_textes_locaux",
    "choisir_version",
    "extrait",
    "fichiers_locaux",
    "fusionner",
    "lire_fichier",
    "reinitialiser_textes",
    "texte_reproduit",
    "textes_disponibles",
    "textes_livres",
    "textes_locaux_ecartes",
]

# libyaml's parser when PyYAML was built with it, as clerc.rules.parametres does.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_DOSSIER = "textes"
ENV_TEXTES_LOCAUX = "CLERC_TEXTES_LOCAUX"
_CLES_FICHIER = {"article", "code", "versions"}
_CLES_VERSION = {
    "en_vigueur_du", "en_vigueur_au", "texte", "source", "identifiant", "lu_le", "note",
}  # fmt: skip
_CLES_VERSION_OBLIGATOIRES = {"en_vigueur_du", "en_vigueur_au", "texte", "source", "lu_le"}


class TexteReproduitInvalide(ValueError):
    """A file of ``textes/`` is wrong (a bug of the project, not of the user)."""


class TexteIntrouvable(ErreurClerc, LookupError):
    """No stored wording of the article covers the day of the act: the act cannot be signed."""

    def __init__(self, article: str, jour: date) -> None:
        self.article = article
        self.jour = jour
        super().__init__(
            f"Texte de {article} en vigueur le {jour.isoformat()} introuvable : l'acte ne peut "
            "être signé sans le texte exact. Recopiez-le de Légifrance avec « clerc textes "
            "ajouter » ou la page Paramètres › Textes reproduits."
        )


@dataclass(frozen=True)
class TexteReproduit:
    """One wording of an article, as an act reproduces it."""

    article: str
    code: str
    texte: str
    source: str
    en_vigueur_du: date
    identifiant: str | None = None
    en_vigueur_au: date | None = None
    alineas: tuple[int, ...] = ()  # only these paragraphs (1 = first), see ``extrait``
    locale: bool = False  # added by the office (its texts directory), not shipped

    def en_vigueur_le(self, jour: date) -> bool:
        return self.en_vigueur_du <= jour and (
            self.en_vigueur_au is None or jour <= self.en_vigueur_au
        )

    @property
    def intitule(self) -> str:
        """The heading printed above the text: "Article CPCE L211-2, premier alinéa"."""
        if not self.alineas:
            return f"Article {self.article}"
        rangs = [_ORDINAUX.get(rang, f"{rang}e") for rang in self.alineas]
        pluriel = "s" if len(rangs) > 1 else ""
        liste = rangs[0] if len(rangs) == 1 else f"{', '.join(rangs[:-1])} et {rangs[-1]}"
        return f"Article {self.article}, {liste} alinéa{pluriel}"


_ORDINAUX = {1: "premier", 2: "deuxième", 3: "troisième", 4: "quatrième", 5: "cinquième"}


# Codes cited with lower-case abbreviations, as legal writing has them ("C. civ. 2238").
_CODES_ABREGES = {"C. CIV.": "C. civ.", "C. COM.": "C. com.", "C. TRAV.": "C. trav."}


def normaliser_article(article: str) -> str:
    """``"CPCE R. 211-3"`` and ``" cpce  R211-3 "`` both give ``"CPCE R211-3"``;
    ``"c. civ. 2238"`` gives ``"C. civ. 2238"``."""
    mots = article.split()
    if len(mots) >= 2 and mots[-2].rstrip(".").upper() in {"L", "R", "D", "A"}:
        mots[-2:] = [mots[-2].rstrip(".") + mots[-1]]
    if not mots:
        return ""
    texte = " ".join(mot.upper() for mot in mots)
    for majuscules, abrege in _CODES_ABREGES.items():
        if texte.startswith(majuscules + " "):
            return abrege + texte[len(majuscules) :]
    return texte


def nom_de_fichier(article: str) -> str:
    """File holding an article: ``CPCE R211-3`` -> ``cpce_r211_3.yaml``."""
    return re.sub(r"[^a-z0-9]+", "_", normaliser_article(article).lower()).strip("_") + ".yaml"


def _verifier_cles(donnees: dict[str, Any], permises: set[str], ou: str) -> None:
    inconnues = set(donnees) - permises
    if inconnues:
        raise TexteReproduitInvalide(f"{ou} : clés inconnues {sorted(inconnues)}")


def _date(valeur: Any, ou: str, *, nulle: bool = False) -> date | None:
    if valeur is None and nulle:
        return None
    if isinstance(valeur, date):
        return valeur
    raise TexteReproduitInvalide(f"{ou} : date attendue (AAAA-MM-JJ), lu {valeur!r}")


def _chaine(valeur: Any, ou: str) -> str:
    if not isinstance(valeur, str) or not valeur.strip():
        raise TexteReproduitInvalide(f"{ou} : texte vide ou absent")
    return valeur


def _version(
    donnees: Any, article: str, code: str, ou: str, *, locale: bool = False
) -> TexteReproduit:
    if not isinstance(donnees, dict):
        raise TexteReproduitInvalide(f"{ou} : une version doit être un dictionnaire")
    _verifier_cles(donnees, _CLES_VERSION, ou)
    manquantes = _CLES_VERSION_OBLIGATOIRES - set(donnees)
    if manquantes:
        raise TexteReproduitInvalide(f"{ou} : clés manquantes {sorted(manquantes)}")
    source = _chaine(donnees["source"], f"{ou}.source")
    if not source.startswith(("https://", "http://")):
        raise TexteReproduitInvalide(f"{ou}.source : adresse attendue, lu {source!r}")
    du = _date(donnees["en_vigueur_du"], f"{ou}.en_vigueur_du")
    au = _date(donnees["en_vigueur_au"], f"{ou}.en_vigueur_au", nulle=True)
    assert du is not None
    if au is not None and au < du:
        raise TexteReproduitInvalide(f"{ou} : en_vigueur_au {au} avant en_vigueur_du {du}")
    _date(donnees["lu_le"], f"{ou}.lu_le")
    identifiant = donnees.get("identifiant")
    if identifiant is not None and not isinstance(identifiant, str):
        raise TexteReproduitInvalide(f"{ou}.identifiant : chaîne attendue")
    if "note" in donnees:
        _chaine(donnees["note"], f"{ou}.note")
    return TexteReproduit(
        article=article,
        code=code,
        texte=_chaine(donnees["texte"], f"{ou}.texte").strip(),
        source=source,
        en_vigueur_du=du,
        identifiant=identifiant,
        en_vigueur_au=au,
        locale=locale,
    )


def _sans_chevauchement(versions: Sequence[TexteReproduit], nom: str) -> None:
    for avant, apres in pairwise(versions):
        if avant.en_vigueur_au is None or avant.en_vigueur_au >= apres.en_vigueur_du:
            raise TexteReproduitInvalide(
                f"{nom} : la version du {avant.en_vigueur_du} chevauche celle du "
                f"{apres.en_vigueur_du}"
            )


def lire_fichier(texte_yaml: str, nom: str, *, locale: bool = False) -> tuple[TexteReproduit, ...]:
    """Read and check one file; the versions come back sorted by their first day.
    ``locale``: a file of the office's texts directory."""
    donnees = yaml.load(texte_yaml, Loader=_SafeLoader)
    if not isinstance(donnees, dict):
        raise TexteReproduitInvalide(f"{nom} : un dictionnaire est attendu")
    _verifier_cles(donnees, _CLES_FICHIER, nom)
    article = normaliser_article(_chaine(donnees.get("article"), f"{nom}.article"))
    code = _chaine(donnees.get("code"), f"{nom}.code").strip()
    if nom_de_fichier(article) != nom:
        raise TexteReproduitInvalide(
            f"{nom} : l'article {article} doit être rangé dans {nom_de_fichier(article)}"
        )
    brutes = donnees.get("versions")
    if not isinstance(brutes, list) or not brutes:
        raise TexteReproduitInvalide(f"{nom} : au moins une version est attendue")
    versions = sorted(
        (
            _version(brute, article, code, f"{nom}.versions[{rang}]", locale=locale)
            for rang, brute in enumerate(brutes)
        ),
        key=lambda version: version.en_vigueur_du,
    )
    _sans_chevauchement(versions, nom)
    return tuple(versions)


def chemin_textes_locaux() -> Path:
    """The office's texts directory: $CLERC_TEXTES_LOCAUX, else ~/.config/clerc/textes/."""
    explicite = os.environ.get(ENV_TEXTES_LOCAUX)
    if explicite:
        return Path(explicite).expanduser()
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "clerc" / "textes"


@lru_cache(maxsize=1)
def textes_livres() -> dict[str, tuple[TexteReproduit, ...]]:
    """The wordings shipped with clerc, per article."""
    dossier = resources.files("clerc.actes").joinpath(_DOSSIER)
    resultat: dict[str, tuple[TexteReproduit, ...]] = {}
    for fichier in sorted(dossier.iterdir(), key=lambda f: f.name):
        if not fichier.name.endswith(".yaml"):
            continue
        versions = lire_fichier(fichier.read_text(encoding="utf-8"), fichier.name)
        resultat[versions[0].article] = versions
    return resultat


def fichiers_locaux(dossier: Path) -> dict[str, str]:
    """The office's files of ``dossier`` (name -> YAML text); none if it does not exist."""
    if not dossier.is_dir():
        return {}
    resultat = {}
    for fichier in sorted(dossier.glob("*.yaml")):
        try:
            resultat[fichier.name] = fichier.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as erreur:
            raise TexteReproduitInvalide(f"{fichier.name} : illisible ({erreur})") from erreur
    return resultat


def fusionner(
    livres: dict[str, tuple[TexteReproduit, ...]],
    locaux: dict[str, str],
    *,
    ecartes: list[str] | None = None,
) -> dict[str, tuple[TexteReproduit, ...]]:
    """The shipped texts with the office's files (name -> YAML text) added.

    A local file that is wrong or overlaps another wording raises TexteReproduitInvalide, or,
    when ``ecartes`` is given, is left out and reported there (French): its article is then
    missing, so the acts that reproduce it are refused, and every other act still works (an
    upgrade that ships a wording the office had added must not stop the office).
    """
    resultat = dict(livres)
    for nom, texte in sorted(locaux.items()):
        try:
            versions_locales = lire_fichier(texte, nom, locale=True)
            article = versions_locales[0].article
            versions = sorted(
                (*resultat.get(article, ()), *versions_locales), key=lambda v: v.en_vigueur_du
            )
            _sans_chevauchement(versions, nom)
        except (TexteReproduitInvalide, yaml.YAMLError) as erreur:
            message = str(erreur) if str(erreur).startswith(nom) else f"{nom} : {erreur}"
            if ecartes is None:
                raise TexteReproduitInvalide(message) from erreur
            ecartes.append(
                f"Texte ajouté par l'étude écarté : {message}. Les actes qui le "
                "reproduisent ne peuvent pas être signés ; corrigez ou retirez ce fichier."
            )
            continue
        resultat[article] = tuple(versions)
    return resultat


@dataclass(frozen=True)
class _Textes:
    par_article: dict[str, tuple[TexteReproduit, ...]]
    ecartes: tuple[str, ...]


@lru_cache(maxsize=8)
def _charger(dossier_local: str, _etat: tuple[tuple[str, int, int], ...]) -> _Textes:
    ecartes: list[str] = []
    try:
        locaux = fichiers_locaux(Path(dossier_local))
    except TexteReproduitInvalide as erreur:
        locaux, ecartes = {}, [f"Dossier des textes de l'étude illisible : {erreur}."]
    return _Textes(fusionner(textes_livres(), locaux, ecartes=ecartes), tuple(ecartes))


def _etat_du_dossier(dossier: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, modification time and size of each file: a text added by another process (the
    command line, another web worker) is seen at the next read."""
    if not dossier.is_dir():
        return ()
    etat = []
    for fichier in sorted(dossier.glob("*.yaml")):
        try:
            infos = fichier.stat()
        except OSError:
            continue
        etat.append((fichier.name, infos.st_mtime_ns, infos.st_size))
    return tuple(etat)


def _textes() -> _Textes:
    dossier = chemin_textes_locaux()
    return _charger(str(dossier), _etat_du_dossier(dossier))


def _tous() -> dict[str, tuple[TexteReproduit, ...]]:
    return _textes().par_article


def textes_locaux_ecartes() -> tuple[str, ...]:
    """Why office files were left out (wrong, or overlapping a shipped wording), in French."""
    return _textes().ecartes


def reinitialiser_textes() -> None:
    """Forget the texts read (after the office added one)."""
    _charger.cache_clear()


def textes_disponibles() -> dict[str, list[TexteReproduit]]:
    """Every stored article with its wordings, oldest first."""
    return {article: list(versions) for article, versions in _tous().items()}


def choisir_version(versions: Sequence[TexteReproduit], jour: date) -> TexteReproduit | None:
    """The version in force on ``jour`` among ``versions`` (they never overlap), or None."""
    for version in versions:
        if version.en_vigueur_le(jour):
            return version
    return None


def texte_reproduit(article: str, jour: date) -> TexteReproduit:
    """The wording of ``article`` in force on ``jour``; ``TexteIntrouvable`` if none is stored."""
    cle = normaliser_article(article)
    version = choisir_version(_tous().get(cle, ()), jour)
    if version is None:
        raise TexteIntrouvable(cle, jour)
    return version


def extrait(article: str, jour: date, alineas: Sequence[int]) -> TexteReproduit:
    """Some paragraphs only (1 = the first) of the wording in force on ``jour``, as an act
    reproduces "le premier alinéa de l'article L. 211-2" (CPCE R211-1, 5°). Paragraphs are the
    blocks the stored text separates by a blank line; ``TexteIntrouvable`` if none is stored."""
    version = texte_reproduit(article, jour)
    paragraphes = version.texte.split("\n\n")
    rangs = tuple(alineas)
    if not rangs or any(not 1 <= rang <= len(paragraphes) for rang in rangs):
        raise TexteReproduitInvalide(
            f"{version.article} : alinéas {list(rangs)} demandés, le texte stocké en a "
            f"{len(paragraphes)}"
        )
    return replace(
        version, texte="\n\n".join(paragraphes[rang - 1] for rang in rangs), alineas=rangs
    )
