"""`clerc calcul quotite-saisissable | sbi | prescription` through the root application."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from clerc.cli.app import app

runner = CliRunner()


def test_quotite_saisissable_json() -> None:
    args = [
        "calcul",
        "quotite-saisissable",
        "--remuneration-nette",
        "2000",
        "--personnes-a-charge",
        "1",
    ]
    resultat = runner.invoke(app, [*args, "--date", "2025-03-01", "--json"])
    assert resultat.exit_code == 0, resultat.output
    donnees = json.loads(resultat.output)
    assert donnees["quotite_saisissable"] == "390.22"
    assert donnees["montant_laisse"] == "1609.78"
    assert donnees["rsa_laisse"] == "635.71"
    assert len(donnees["tranches"]) == 6
    assert donnees["avertissements"] == []


def test_quotite_saisissable_creance_alimentaire() -> None:
    args = ["calcul", "quotite-saisissable", "--remuneration-nette", "2000", "--date", "2025-09-01"]
    resultat = runner.invoke(app, [*args, "--creance-alimentaire", "--json"])
    assert resultat.exit_code == 0, resultat.output
    assert json.loads(resultat.output)["quotite_saisissable"] == "1353.48"


def test_sbi_json_avec_solde() -> None:
    resultat = runner.invoke(
        app, ["calcul", "sbi", "--date", "2025-05-01", "--solde", "700", "--json"]
    )
    assert resultat.exit_code == 0, resultat.output
    donnees = json.loads(resultat.output)
    assert donnees["solde_bancaire_insaisissable"] == "646.52"
    assert donnees["montant_saisissable"] == "53.48"
    assert "2025-293" in donnees["reference"]


def test_prescription_json() -> None:
    resultat = runner.invoke(
        app,
        [
            "calcul", "prescription", "--titre", "decision_justice",
            "--date-executoire", "2007-09-04", "--date-signification", "2016-12-16",
            "--acte-execution", "2018-03-05", "--au", "2020-01-01", "--json",
        ],
    )  # fmt: skip
    assert resultat.exit_code == 0, resultat.output
    donnees = json.loads(resultat.output)
    assert donnees["date_acquisition"] == "2028-03-05"
    assert donnees["prescrit"] is False
    assert donnees["evenements"][0]["article"] == "C. civ. 2244, 2231"


@pytest.mark.parametrize(
    "args",
    [
        ["calcul", "quotite-saisissable", "--remuneration-nette", "abc", "--date", "2025-03-01"],
        ["calcul", "quotite-saisissable", "--remuneration-nette", "-5", "--date", "2025-03-01"],
        ["calcul", "quotite-saisissable", "--remuneration-nette", "2000", "--date", "2025-02-30"],
        ["calcul", "quotite-saisissable", "--remuneration-nette", "2000", "--date", "2025-03-01",
         "--personnes-a-charge", "deux"],
        ["calcul", "quotite-saisissable", "--remuneration-nette", "2000", "--date", "2030-01-01"],
        ["calcul", "sbi", "--date", "hier"],
        ["calcul", "prescription", "--titre", "jugement", "--point-de-depart", "2020-01-01"],
        ["calcul", "prescription", "--titre", "decision_justice",
         "--date-executoire", "2020-01-01"],
    ],
)  # fmt: skip
def test_entree_invalide_code_2_message_francais(args: list[str]) -> None:
    resultat = runner.invoke(app, [*args, "--json"])
    assert resultat.exit_code == 2
    assert "Erreur" in resultat.output or "Error" in resultat.output
