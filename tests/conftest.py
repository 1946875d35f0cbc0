"""Shared fixtures: isolate the office's local parameter overrides and texts, load worked
cases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clerc.actes import textes_reproduits
from clerc.config import ENV_DONNEES
from clerc.rules import parametres as parametres_module
from clerc.rules.parametres import load_yaml

CASES_DIR = Path(__file__).parent / "cases"


@pytest.fixture(autouse=True)
def donnees_isolees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test keeps its documents (signed acts, attachments) in its own directory, never
    in the user's data directory."""
    repertoire = tmp_path / "donnees"
    monkeypatch.setenv(ENV_DONNEES, str(repertoire))
    return repertoire


@pytest.fixture(autouse=True)
def parametres_locaux_isoles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test sees only the shipped parameters unless it writes its own overrides file."""
    chemin = tmp_path / "parametres_locaux.yaml"
    monkeypatch.setenv(parametres_module.ENV_PARAMETRES_LOCAUX, str(chemin))
    parametres_module.reinitialiser_cache()
    yield chemin
    parametres_module.reinitialiser_cache()


@pytest.fixture(autouse=True)
def textes_locaux_isoles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test sees only the shipped reproduced texts unless it adds its own."""
    dossier = tmp_path / "textes_locaux"
    monkeypatch.setenv(textes_reproduits.ENV_TEXTES_LOCAUX, str(dossier))
    textes_reproduits.reinitialiser_textes()
    yield dossier
    textes_reproduits.reinitialiser_textes()


def charger_cas(sujet: str) -> list[Any]:
    """Worked cases of tests/cases/<sujet>/*.yaml, as pytest params with readable ids.

    Each file holds a list of cases: {nom, source, entrees, attendu, ...}; numbers are Decimal.
    """
    cas: list[Any] = []
    for fichier in sorted((CASES_DIR / sujet).glob("*.yaml")):
        for entree in load_yaml(fichier.read_text(encoding="utf-8")):
            assert entree.get("source"), f"{fichier.name}: case {entree.get('nom')} has no source"
            cas.append(pytest.param(entree, id=f"{fichier.stem}:{entree['nom']}"))
    return cas
