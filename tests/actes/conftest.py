"""Fixtures of the act tests: the demonstration act rendered once, and Poppler's tools.

The PDFs are read back with Poppler (pdftotext, pdffonts, pdftoppm; ``make pytest`` installs
poppler-utils). Without them the tests that need them are skipped, except under ``CI=true``
where they fail: CI must run them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from clerc.actes.demonstration import donnees_demonstration
from clerc.actes.rendu import rendre_pdf

OUTILS_POPPLER = ("pdftotext", "pdffonts", "pdftoppm")


@pytest.fixture(scope="session")
def poppler() -> Callable[..., str]:
    """Run a Poppler tool (``poppler("pdftotext", fichier, "-")``) and return its stdout."""
    absents = [outil for outil in OUTILS_POPPLER if shutil.which(outil) is None]
    if absents:
        raison = (
            f"Outils Poppler absents ({', '.join(absents)}) : installez poppler-utils "
            "(make poppler-utils)."
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{raison} Sous CI, les tests des actes doivent tourner.")
        pytest.skip(raison)

    def executer(outil: str, *arguments: str | Path) -> str:
        resultat = subprocess.run(
            [outil, *map(str, arguments)], capture_output=True, check=True, text=True
        )
        return resultat.stdout

    return executer


@pytest.fixture(scope="session")
def pdf_demonstration(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demonstration act as a PDF file (rendered once per session)."""
    chemin = tmp_path_factory.mktemp("actes") / "demonstration.pdf"
    chemin.write_bytes(rendre_pdf("demonstration", donnees_demonstration()))
    return chemin


@pytest.fixture(scope="session")
def texte_demonstration(pdf_demonstration: Path, poppler: Callable[..., str]) -> str:
    return poppler("pdftotext", pdf_demonstration, "-")
