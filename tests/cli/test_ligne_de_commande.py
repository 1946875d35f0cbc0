"""The installed command line, run as a user would, from any directory (no traceback ever)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def clerc(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clerc", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_calcul_depuis_un_autre_repertoire(tmp_path: Path) -> None:
    # SBI on 1 May 2025 = RSA for one person from 1 April 2025, 646,52 € (décret 2025-293).
    resultat = clerc("calcul", "sbi", "--date", "2025-05-01", "--json", cwd=tmp_path)
    assert resultat.returncode == 0, resultat.stderr
    assert json.loads(resultat.stdout)["solde_bancaire_insaisissable"] == "646.52"


@pytest.mark.parametrize(
    "args",
    [
        ["calcul", "sbi", "--date", "2025-02-30", "--json"],
        ["calcul", "quotite-saisissable", "--remuneration-nette", "-5", "--date", "2025-03-01"],
        ["calcul", "quotite-saisissable", "--remuneration-nette", "abc", "--date", "2025-03-01"],
        ["calcul", "delai", "--depuis", "2026-12-18", "--duree", "huit lunes"],
        ["calcul", "sbi", "--date", "1990-01-01", "--json"],
    ],
)
def test_mauvaise_saisie_donne_une_ligne_en_francais_et_le_code_2(
    tmp_path: Path, args: list[str]
) -> None:
    resultat = clerc(*args, cwd=tmp_path)
    assert resultat.returncode == 2
    assert "Traceback" not in resultat.stderr
    lignes = [ligne for ligne in resultat.stderr.splitlines() if ligne.strip()]
    assert len(lignes) == 1 and lignes[0].startswith("Erreur : ")
