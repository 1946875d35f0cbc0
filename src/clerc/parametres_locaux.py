"""The office's local overrides file: figures published after the release.

Reading is done by ``clerc.rules.parametres`` (it is a parameter file); writing lives here,
outside the pure rules. A write is atomic (temporary file then rename) and validated first: the
new file must load together with the shipped parameters, or nothing is written.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.parametres import (
    Parametres,
    charger_parametres,
    load_yaml,
    reinitialiser_cache,
)


@dataclass(frozen=True)
class AjoutLocal:
    """A value the office adds: parameter, first day, value, source, optional last day."""

    nom: str
    depuis: date
    valeur: Any
    texte_reference: str
    url: str = ""
    jusqu_au: date | None = None
    note: str = ""


def _plain(value: Any) -> Any:
    """YAML-safe copy: Decimals written as their exact text (re-read as Decimal)."""
    if isinstance(value, Decimal):
        return _DecimalText(str(value))
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class _DecimalText(str):
    """Marker so the dumper writes a Decimal as a plain YAML number."""


def _represent_decimal_text(dumper: yaml.SafeDumper, data: _DecimalText) -> yaml.Node:
    texte = str(data) if "." in data or "E" in data else f"{data}.0"
    return dumper.represent_scalar("tag:yaml.org,2002:float", texte)


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_DecimalText, _represent_decimal_text)


def ajouter(chemin: Path, ajout: AjoutLocal) -> Parametres:
    """Add one local value to the overrides file at ``chemin``; returns the reloaded parameters.

    The file is rewritten atomically, and only if the result loads without error.
    """
    if not ajout.texte_reference.strip():
        raise DonneeInvalide("La référence du texte publié est obligatoire (--reference).")
    actuel: dict[str, Any] = {}
    if chemin.exists():
        actuel = load_yaml(chemin.read_text(encoding="utf-8")) or {}
    entree: dict[str, Any] = {
        "valeur": _plain(ajout.valeur),
        "reference": {"texte": ajout.texte_reference.strip()},
    }
    if ajout.url:
        entree["reference"]["url"] = ajout.url
    if ajout.jusqu_au is not None:
        if ajout.jusqu_au < ajout.depuis:
            raise DonneeInvalide("La date de fin précède la date de début.")
        entree["jusqu_au"] = ajout.jusqu_au
    if ajout.note:
        entree["note"] = ajout.note
    contenu = actuel.setdefault(ajout.nom, {})
    contenu.setdefault("valeurs", {})[ajout.depuis] = entree
    texte = yaml.dump(
        _plain(actuel), Dumper=_Dumper, allow_unicode=True, sort_keys=True, default_flow_style=False
    )
    chemin.parent.mkdir(parents=True, exist_ok=True)
    descripteur, temporaire = tempfile.mkstemp(dir=chemin.parent, prefix=".parametres-")
    try:
        with os.fdopen(descripteur, "w", encoding="utf-8") as fichier:
            fichier.write(texte)
        charger_parametres(Path(temporaire))  # validate before replacing
        os.replace(temporaire, chemin)
    except BaseException:
        Path(temporaire).unlink(missing_ok=True)
        raise
    reinitialiser_cache()
    return charger_parametres(chemin)
