"""`clerc calcul interets` and `clerc calcul decompte`: JSON contract, tables, exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from clerc.cli.app import app

runner = CliRunner()

CREANCE = {
    "titre": "Jugement du 15 mars 2024",
    "date": "2024-03-15",
    "principal": "10000",
    "interets": {"type": "legal", "categorie": "particulier", "majoration_depuis": "2024-06-20"},
    "frais": [
        {
            "libelle": "Article 700",
            "date": "2024-03-15",
            "montant": "1500",
            "nature": "article_700",
        },
        {"libelle": "Signification", "date": "2024-04-20", "montant": "70.48"},
    ],
    "paiements": [{"date": "2024-09-01", "montant": 500.5}],
}


def test_interets_json_contrat() -> None:
    resultat = runner.invoke(
        app,
        [
            "calcul",
            "interets",
            "--capital",
            "10000",
            "--du",
            "2024-03-15",
            "--au",
            "2025-11-30",
            "--categorie",
            "particulier",
            "--json",
        ],
    )
    assert resultat.exit_code == 0, resultat.output
    donnees = json.loads(resultat.stdout)
    assert donnees["interets"] == "1282.45"
    premiere = donnees["periodes"][0]
    assert set(premiere) >= {"du", "au", "jours", "taux", "montant", "reference"}
    assert premiere == premiere | {
        "du": "2024-03-15",
        "au": "2024-06-30",
        "jours": 107,
        "taux": "8.01",
        "montant": "234.81",
    }
    assert "Arrêté du 21 décembre 2023" in premiere["reference"]
    total = sum(float(p["montant"]) for p in donnees["periodes"])
    assert round(total, 2) == 1282.45


def test_interets_taux_conventionnel_et_majoration() -> None:
    resultat = runner.invoke(
        app,
        [
            "calcul",
            "interets",
            "--capital",
            "2000",
            "--du",
            "2020-08-31",
            "--au",
            "2020-09-30",
            "--taux-conventionnel",
            "0.0311",
            "--json",
        ],
    )
    assert json.loads(resultat.stdout)["interets"] == "5.11"
    majore = runner.invoke(
        app,
        [
            "calcul",
            "interets",
            "--capital",
            "2000",
            "--du",
            "2015-09-17",
            "--au",
            "2016-04-10",
            "--categorie",
            "particulier",
            "--majoration-depuis",
            "2015-11-18",
            "--json",
        ],
    )
    assert json.loads(majore.stdout)["interets"] == "89.54"


def test_interets_tableau_lisible() -> None:
    resultat = runner.invoke(
        app,
        [
            "calcul",
            "interets",
            "--capital",
            "2000",
            "--du",
            "2020-08-31",
            "--au",
            "2020-09-30",
            "--categorie",
            "particulier",
        ],
    )
    assert resultat.exit_code == 0
    assert "Total des intérêts : 5,11" in resultat.stdout


def test_entrees_invalides_code_2_et_message_francais() -> None:
    cas = [
        ["--capital", "-5", "--du", "2024-01-01", "--au", "2024-02-01", "--categorie", "autre"],
        ["--capital", "abc", "--du", "2024-01-01", "--au", "2024-02-01", "--categorie", "autre"],
        ["--capital", "5", "--du", "2024-02-30", "--au", "2024-03-01", "--categorie", "autre"],
        ["--capital", "5", "--du", "2024-03-01", "--au", "2024-02-01", "--categorie", "autre"],
        ["--capital", "5", "--du", "2024-01-01", "--au", "2024-02-01", "--categorie", "pro"],
        ["--capital", "5", "--du", "2024-01-01", "--au", "2024-02-01"],
        ["--capital", "5", "--du", "2024-01-01", "--au", "2027-02-01", "--categorie", "autre"],
    ]
    for arguments in cas:
        resultat = runner.invoke(app, ["calcul", "interets", *arguments, "--json"])
        assert resultat.exit_code == 2, arguments
        assert resultat.stderr.startswith("Erreur : "), resultat.stderr
        assert len(resultat.stderr.strip().splitlines()) == 1


def test_decompte_json(tmp_path: Path) -> None:
    fichier = tmp_path / "creance.json"
    fichier.write_text(json.dumps(CREANCE), encoding="utf-8")
    resultat = runner.invoke(
        app, ["calcul", "decompte", "--fichier", str(fichier), "--au", "2026-11-30", "--json"]
    )
    assert resultat.exit_code == 0, resultat.output
    donnees = json.loads(resultat.stdout)
    assert donnees["au"] == "2026-11-30"
    assert donnees["principal"] == "10000.00"
    assert donnees["paiements"] == "500.50"
    assert donnees["imputations"][0]["frais"] == "70.48"
    for cle in ("total", "interets_echus", "article_700", "frais", "provision_interets"):
        assert len(donnees[cle].split(".")[1]) == 2
    assert donnees["avertissements"]  # 2026-S2 rate not confirmed
    avec_provision = runner.invoke(
        app,
        [
            "calcul",
            "decompte",
            "--fichier",
            str(fichier),
            "--au",
            "2026-11-30",
            "--json",
            "--saisie-attribution",
        ],
    )
    provision = json.loads(avec_provision.stdout)
    assert provision["provision_jusqu_au"] == "2026-12-30"
    assert float(provision["provision_interets"]) > 0


def test_decompte_tableau_et_erreurs(tmp_path: Path) -> None:
    fichier = tmp_path / "creance.json"
    fichier.write_text(json.dumps(CREANCE), encoding="utf-8")
    lisible = runner.invoke(
        app, ["calcul", "decompte", "--fichier", str(fichier), "--au", "2025-01-01"]
    )
    assert lisible.exit_code == 0 and "Total dû" in lisible.stdout
    mauvais = tmp_path / "mauvais.json"
    for contenu in ("{pas du json", json.dumps({**CREANCE, "principal": "-1"}), "[]"):
        mauvais.write_text(contenu, encoding="utf-8")
        resultat = runner.invoke(
            app, ["calcul", "decompte", "--fichier", str(mauvais), "--au", "2025-01-01"]
        )
        assert resultat.exit_code == 2 and resultat.stderr.startswith("Erreur : ")
    absent = runner.invoke(
        app, ["calcul", "decompte", "--fichier", str(tmp_path / "x.json"), "--au", "2025-01-01"]
    )
    assert absent.exit_code == 2
    avant = runner.invoke(
        app, ["calcul", "decompte", "--fichier", str(fichier), "--au", "2024-01-01"]
    )
    assert avant.exit_code == 2 and "précède" in avant.stderr
