"""`clerc formation exercice|solution|corriger`: the JSON contract of issue 7, French errors."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import typer
from typer.testing import CliRunner

from clerc.cli.formation import formation_app
from clerc.rules.monnaie import en_texte

runner = CliRunner()
app = typer.Typer()
app.add_typer(formation_app, name="formation")


def test_exercice_solution_puis_correction_a_cent(tmp_path: Path) -> None:
    resultat = runner.invoke(
        app,
        ["formation", "exercice", "--bloc", "1", "--niveau", "intermediaire", "--graine", "42",
         "--type", "decompte", "--au", "2026-11-30", "--json"],
    )  # fmt: skip
    assert resultat.exit_code == 0, resultat.output
    exercice = json.loads(resultat.stdout)
    assert list(exercice) == ["exercice", "bloc", "consigne", "dossier", "format_reponse"]
    assert exercice["exercice"] == "B1-decompte-intermediaire-42-20261130"
    assert exercice["dossier"]["creance"]["principal"].count(".") == 1  # amounts as "1234.56"

    solution = runner.invoke(app, ["formation", "solution", exercice["exercice"], "--json"])
    assert solution.exit_code == 0, solution.output
    reponse = tmp_path / "reponse.json"
    reponse.write_text(solution.stdout, encoding="utf-8")
    correction = runner.invoke(
        app, ["formation", "corriger", exercice["exercice"], "--reponse", str(reponse), "--json"]
    )
    assert correction.exit_code == 0, correction.output
    assert json.loads(correction.stdout) == {"score": 100, "corrections": []}

    faux = json.loads(solution.stdout)
    faux["total"] = en_texte(Decimal(faux["total"]) + Decimal("0.01"))  # one cent off
    reponse.write_text(json.dumps(faux), encoding="utf-8")
    correction = runner.invoke(
        app, ["formation", "corriger", exercice["exercice"], "--reponse", str(reponse), "--json"]
    )
    resultat_faux = json.loads(correction.stdout)
    assert resultat_faux["score"] == 77  # 10 of 13 points: the total weighs 3
    [total] = resultat_faux["corrections"]
    assert set(total) == {"point", "attendu", "donne", "explication", "article"}
    assert (total["point"], total["donne"]) == ("total", faux["total"])


def test_erreurs_en_francais_code_de_sortie_deux(tmp_path: Path) -> None:
    bloc_2 = runner.invoke(
        app, ["formation", "exercice", "--bloc", "2", "--type", "plaidoirie", "--json"]
    )
    assert bloc_2.exit_code == 2
    assert "inconnu pour le bloc 2" in bloc_2.output
    mal_forme = runner.invoke(app, ["formation", "solution", "B1-decompte", "--json"])
    assert mal_forme.exit_code == 2 and "mal formé" in mal_forme.output
    absent = runner.invoke(
        app,
        ["formation", "corriger", "B1-risques-debutant-42-20261130", "--reponse",
         str(tmp_path / "absent.json")],
    )  # fmt: skip
    assert absent.exit_code == 2 and "illisible ou absent" in absent.output
