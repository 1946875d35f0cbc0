"""Rendering of acts and letters: PDF with Typst, editable DOCX with docxtpl.

PDF (``rendre_pdf``): ``modeles/<modele>.typ`` is compiled by the ``typst`` binding (Typst
compiler embedded, no external process). The data goes in as one JSON document through
``sys_inputs={"donnees": ...}``, read by the template with ``json(bytes(sys.inputs.donnees))``:
no value is ever spliced into Typst source, so nothing needs escaping. Only the fonts shipped
in ``polices/`` are visible (no system font, not even Typst's embedded ones), so the output
is the same on every machine, and no Typst package is ever downloaded (templates import only
files of ``modeles/``, which is the compilation root). ``pdfa=True`` asks for PDF/A-2b, the
archival profile of signed acts (design.md §6).

DOCX (``rendre_docx``): ``modeles/<modele>.docx`` rendered by docxtpl, always with
``autoescape=True`` (without it "Dupont & Fils <SARL>" silently becomes "Dupont  Fils":
../shared/ecosysteme.md §5) and with strict undefined variables (a blank in an act is worse
than an error), from a fresh ``DocxTemplate`` each time.

Templates and fonts are package data read through ``importlib.resources``, so rendering works
from any working directory.
"""

from __future__ import annotations

import atexit
import io
import json
import re
import struct
import threading
import warnings
from collections.abc import Mapping
from contextlib import ExitStack
from datetime import datetime
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any, Final

import typst
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, TemplateError

from clerc.rules.erreurs import ErreurClerc

__all__ = ["AvertissementRendu", "ErreurRendu", "modeles_disponibles", "rendre_docx", "rendre_pdf"]

PAQUET = "clerc.actes"
PROFIL_PDFA: Final = "a-2b"  # PDF/A-2b (ISO 19005-2, level B): the profile kept for archived acts
_NOM_MODELE = re.compile(r"[a-z0-9_]+")
# Typst layouts imported by the models, not documents of their own (``lettre.docx`` is a
# document: the DOCX of the letters).
MISES_EN_PAGE = frozenset({"commun", "lettre"})


class ErreurRendu(ErreurClerc):
    """An act or letter could not be rendered (the message is French, for the user)."""


class AvertissementRendu(UserWarning):
    """A Typst warning (missing glyph, unknown font...): the document was produced anyway."""


_ressources = ExitStack()
atexit.register(_ressources.close)


@cache
def _repertoire(nom: str) -> Path:
    """A directory of the package as a real path (Typst reads files from disk)."""
    return Path(_ressources.enter_context(as_file(files(PAQUET).joinpath(nom))))


@cache
def _polices() -> typst.Fonts:
    """The shipped fonts only: no system font, no font embedded in the Typst binary."""
    return typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=False,
        font_paths=[str(_repertoire("polices"))],
    )


def _points_cmap(police: bytes) -> frozenset[int]:
    """Code points mapped to a glyph by a TrueType font (its Unicode BMP cmap, format 4)."""
    (nombre_tables,) = struct.unpack_from(">H", police, 4)
    tables = {
        struct.unpack_from(">4s", police, 12 + 16 * i)[0]: struct.unpack_from(
            ">I", police, 12 + 16 * i + 8
        )[0]
        for i in range(nombre_tables)
    }
    cmap = tables[b"cmap"]
    (nombre,) = struct.unpack_from(">H", police, cmap + 2)
    for i in range(nombre):
        plateforme, codage, decalage = struct.unpack_from(">HHI", police, cmap + 4 + 8 * i)
        debut_table = cmap + decalage
        if (plateforme, codage) in {(3, 1), (0, 3)} and struct.unpack_from(
            ">H", police, debut_table
        )[0] == 4:
            break
    else:
        raise ErreurRendu("Police sans table Unicode (cmap format 4).")
    (segments,) = struct.unpack_from(">H", police, debut_table + 6)
    segments //= 2
    fins = debut_table + 14
    debuts = fins + 2 * segments + 2
    deltas = debuts + 2 * segments
    decalages = deltas + 2 * segments
    points: set[int] = set()
    for i in range(segments):
        (fin,) = struct.unpack_from(">H", police, fins + 2 * i)
        (debut,) = struct.unpack_from(">H", police, debuts + 2 * i)
        (delta,) = struct.unpack_from(">h", police, deltas + 2 * i)
        (decalage,) = struct.unpack_from(">H", police, decalages + 2 * i)
        for code in range(debut, min(fin, 0xFFFE) + 1):
            if decalage == 0:
                glyphe = (code + delta) & 0xFFFF
            else:
                position = decalages + 2 * i + decalage + 2 * (code - debut)
                (glyphe,) = struct.unpack_from(">H", police, position)
                glyphe = (glyphe + delta) & 0xFFFF if glyphe else 0
            if glyphe:
                points.add(code)
    return frozenset(points)


@cache
def caracteres_imprimables() -> frozenset[str]:
    """Characters every shipped font can print, plus line breaks and tabs of the data, plus the
    typographic spaces U+2000 to U+200A and U+202F (narrow no-break space, babel's thousands
    separator): Liberation Sans Narrow 1.07 has no glyph for them, and Typst's shaper
    (rustybuzz, like HarfBuzz) then sets them as the space glyph with the width of the
    Unicode space (half a space for U+202F, still unbreakable); text copied from the PDF
    gives an ordinary space there."""
    polices = sorted(_repertoire("polices").glob("*.ttf"))
    communs = frozenset.intersection(*(_points_cmap(p.read_bytes()) for p in polices))
    espaces = {chr(c) for c in range(0x2000, 0x200B)} | {"\u202f"}
    return frozenset(chr(c) for c in communs) | {"\n", "\r", "\t"} | espaces


def _verifier_caracteres(charge: str) -> None:
    # Typst prints a missing glyph as an empty box without any warning: in an act, a name
    # with a lost letter is a defect, so refuse the data instead.
    absents = sorted(set(charge) - caracteres_imprimables())
    if absents:
        liste = ", ".join(f"« {c} » (U+{ord(c):04X})" for c in absents)
        raise ErreurRendu(
            f"Caractères absents de la police des actes (Liberation Sans Narrow) : {liste}."
        )


def modeles_disponibles(extension: str = ".typ") -> list[str]:
    """Names of the shipped models with this extension (".typ" or ".docx"), layouts aside."""
    return sorted(
        nom
        for chemin in files(PAQUET).joinpath("modeles").iterdir()
        if chemin.name.endswith(extension)
        and (
            (nom := chemin.name.removesuffix(extension)) not in MISES_EN_PAGE or extension != ".typ"
        )
    )


def _chemin_modele(modele: str, extension: str) -> Path:
    if not _NOM_MODELE.fullmatch(modele):
        raise ErreurRendu(f"Nom de modèle invalide : « {modele} ».")
    if modele in MISES_EN_PAGE and extension == ".typ":
        raise ErreurRendu(
            f"« {modele} » est une mise en page importée par les modèles, pas un modèle."
        )
    chemin = _repertoire("modeles") / f"{modele}{extension}"
    if not chemin.is_file():
        raise ErreurRendu(
            f"Modèle introuvable : « {modele}{extension} » "
            f"(modèles disponibles : {', '.join(modeles_disponibles(extension)) or 'aucun'})."
        )
    return chemin


def _refuser(valeur: object) -> Any:
    # json.dumps hook: amounts and dates must reach the template already written in French.
    raise TypeError(
        f"valeur de type {type(valeur).__name__} non convertible en JSON ({valeur!r}) : "
        "formatez les montants et les dates avec clerc.actes.texte (euros, date_longue)"
    )


def _json(donnees: Mapping[str, Any]) -> str:
    try:
        return json.dumps(donnees, ensure_ascii=False, default=_refuser)
    except (TypeError, ValueError) as erreur:
        raise ErreurRendu(f"Données de l'acte invalides : {erreur}.") from erreur


_local = threading.local()  # one Typst compiler per model and per thread (not re-entrant)


def _compilateur(modele: str) -> typst.Compiler:
    compilateurs: dict[str, typst.Compiler] = _local.__dict__.setdefault("compilateurs", {})
    compilateur = compilateurs.get(modele)
    if compilateur is None:
        compilateur = typst.Compiler(
            input=str(_chemin_modele(modele, ".typ")),
            root=str(_repertoire("modeles")),
            font_paths=_polices(),
            ignore_system_fonts=True,
        )
        compilateurs[modele] = compilateur
    return compilateur


def _message_typst(erreur: typst.TypstError | typst.TypstWarning) -> str:
    message = str(getattr(erreur, "message", "") or erreur)
    diagnostic = str(getattr(erreur, "diagnostic", "") or "").strip()
    indices = [str(h) for h in getattr(erreur, "hints", None) or []]
    texte = message
    if diagnostic and diagnostic != message:
        texte += f"\n{diagnostic}"
    if indices:
        texte += "\n" + "\n".join(f"indice : {h}" for h in indices)
    return texte


def rendre_pdf(
    modele: str,
    donnees: Mapping[str, Any],
    *,
    pdfa: bool = False,
    horodatage: datetime | None = None,
) -> bytes:
    """Compile ``modeles/<modele>.typ`` with ``donnees`` (JSON-serialisable) into a PDF.

    ``pdfa``: PDF/A-2b. ``horodatage``: creation date written in the PDF (timezone-aware;
    by default the current time), fixed for byte-identical output.
    Raises ErreurRendu with Typst's diagnostic when the template cannot be compiled; Typst's
    warnings are issued as AvertissementRendu.
    """
    charge = _json(donnees)
    _verifier_caracteres(charge)
    compilateur = _compilateur(modele)
    try:
        pdf, avertissements = compilateur.compile_with_warnings(
            format="pdf",
            sys_inputs={"donnees": charge},
            pdf_standards=[PROFIL_PDFA] if pdfa else [],
            timestamp=horodatage,
        )
    except typst.TypstError as erreur:
        raise ErreurRendu(
            f"Le modèle « {modele} » n'a pas pu être composé : {_message_typst(erreur)}"
        ) from erreur
    for avertissement in avertissements:
        warnings.warn(
            AvertissementRendu(f"Modèle « {modele} » : {_message_typst(avertissement)}"),
            stacklevel=2,
        )
    if not isinstance(pdf, bytes):  # one file is asked, never a list of pages
        raise ErreurRendu(f"Le modèle « {modele} » n'a produit aucun PDF.")
    return pdf


# One shared environment: strict about missing variables, autoescaping (docxtpl's trap).
_JINJA = Environment(undefined=StrictUndefined, autoescape=True)


@cache
def _source_docx(modele: str) -> bytes:
    return _chemin_modele(modele, ".docx").read_bytes()


def rendre_docx(modele: str, contexte: Mapping[str, Any]) -> bytes:
    """Render ``modeles/<modele>.docx`` with ``contexte`` into an editable DOCX.

    Raises ErreurRendu (French) when a variable is missing or the template is invalid.
    """
    gabarit = DocxTemplate(io.BytesIO(_source_docx(modele)))  # fresh template per render
    try:
        gabarit.render(dict(contexte), jinja_env=_JINJA, autoescape=True)
    except TemplateError as erreur:
        raise ErreurRendu(
            f"Le modèle « {modele}.docx » n'a pas pu être rempli : {erreur.message or erreur}."
        ) from erreur
    sortie = io.BytesIO()
    gabarit.save(sortie)
    return sortie.getvalue()
