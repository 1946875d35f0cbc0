"""`clerc import FICHIER.csv [--simulation] [--json]` as an office uses it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from clerc.cli.import_csv import importer_commande
from clerc.office.db import creer_moteur, migrer
from clerc.office.models import Dossier
from tests.office.conftest import creer_etude

FIXTURES = Path(__file__).parents[1] / "office" / "fixtures" / "import"

app = typer.Typer()
app.command("import")(importer_commande)


@app.callback()
def _racine() -> None:
    """clerc (application réduite à la commande d'import, pour les tests)."""


runner = CliRunner()


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An SQLite office database with one office, configured for the command."""
    url = f"sqlite:///{tmp_path / 'clerc.sqlite3'}"
    moteur = creer_moteur(url)
    migrer(moteur)
    creer_etude(moteur, "TEST", "Étude test")
    moteur.dispose()
    monkeypatch.setenv("CLERC_DATABASE_URL", url)
    monkeypatch.setenv("CLERC_UTILISATEUR", "testeur")
    monkeypatch.delenv("CLERC_ETUDE", raising=False)
    yield url


def _dossiers(url: str) -> int:
    moteur = creer_moteur(url)
    try:
        with Session(moteur) as session:
            return int(session.scalar(select(func.count(Dossier.id))) or 0)
    finally:
        moteur.dispose()


def test_un_fichier_errone_sort_en_code_2_avec_chaque_ligne_et_sa_raison(base: str) -> None:
    resultat = runner.invoke(app, ["import", str(FIXTURES / "errone.csv")])
    assert resultat.exit_code == 2
    assert "Import refusé : 7 ligne(s) en erreur" in resultat.stderr
    assert "rien n'a été importé" in resultat.stderr
    for ligne in (3, 4, 5, 6, 7, 8, 9):
        assert f"ligne {ligne} : " in resultat.stderr
    assert "date impossible « 31/02/2025 »" in resultat.stderr
    assert "Traceback" not in resultat.output
    assert _dossiers(base) == 0


def test_l_import_en_json_puis_le_reimport_ne_cree_rien(base: str) -> None:
    resultat = runner.invoke(app, ["import", str(FIXTURES / "bon_utf8.csv"), "--json"])
    assert resultat.exit_code == 0, resultat.output
    rapport = json.loads(resultat.stdout)
    assert rapport["lignes"] == 5 and rapport["erreurs"] == []
    assert [d["reference_mandant"] for d in rapport["dossiers_crees"]] == [
        "F-2026-001",
        "F-2026-002",
        "F-2026-003",
        "F-2026-004",
    ]
    assert rapport["dossiers_ignores"] == [] and rapport["parties_creees"] == 6

    encore = runner.invoke(app, ["import", str(FIXTURES / "bon_windows1252.csv"), "--json"])
    assert encore.exit_code == 0, encore.output
    second = json.loads(encore.stdout)
    assert second["dossiers_crees"] == [] and len(second["dossiers_ignores"]) == 4
    assert _dossiers(base) == 4


def test_un_fichier_errone_en_json_donne_aussi_les_erreurs(base: str) -> None:
    resultat = runner.invoke(app, ["import", str(FIXTURES / "errone.csv"), "--json"])
    assert resultat.exit_code == 2
    erreurs = json.loads(resultat.stdout)["erreurs"]
    assert [e["ligne"] for e in erreurs] == [3, 4, 5, 6, 7, 8, 9]


def test_la_simulation_resume_en_francais_sans_rien_ecrire(base: str) -> None:
    resultat = runner.invoke(app, ["import", str(FIXTURES / "bon_utf8.csv"), "--simulation"])
    assert resultat.exit_code == 0, resultat.output
    assert "Simulation" in resultat.stdout and "rien n'a été enregistré" in resultat.stdout
    assert "dossiers créés : 4" in resultat.stdout
    assert _dossiers(base) == 0


def test_l_import_reel_resume_en_francais(base: str) -> None:
    resultat = runner.invoke(
        app, ["import", str(FIXTURES / "bon_utf8.csv"), "--utilisateur", "clerc1"]
    )
    assert resultat.exit_code == 0, resultat.output
    assert "Import terminé" in resultat.stdout and "parties créées : 6" in resultat.stdout
    assert _dossiers(base) == 4


@pytest.mark.parametrize(
    ("arguments", "attendu"),
    [
        (["import", "absent.csv"], "fichier introuvable"),
        (["import", str(FIXTURES / "bon_utf8.csv"), "--etude", "NULLE"], "introuvable"),
    ],
)
def test_un_fichier_absent_ou_une_etude_inconnue_sort_en_code_2(
    base: str, arguments: list[str], attendu: str
) -> None:
    resultat = runner.invoke(app, arguments)
    assert resultat.exit_code == 2
    assert resultat.stderr.startswith("Erreur : ") and attendu in resultat.stderr
