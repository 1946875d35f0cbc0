"""`clerc calcul delai`: JSON contract, readable table, French errors with exit code 2."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from clerc.cli.app import app

runner = CliRunner()


def lancer(*arguments: str) -> tuple[int, str, str]:
    resultat = runner.invoke(app, ["calcul", "delai", *arguments])
    return resultat.exit_code, resultat.stdout, resultat.stderr


def test_json_denonciation_paris() -> None:
    code, sortie, _ = lancer("--depuis", "2025-12-18", "--duree", "8 jours", "--json")
    assert code == 0
    donnees = json.loads(sortie)
    assert donnees["expire_le"] == "2025-12-26"
    assert donnees["proroge"] is False
    assert "CPC 642 al. 1" in donnees["motif"]
    assert donnees["territoire"] == "75"
    assert "expire_le_prudent" not in donnees


def test_json_denonciation_strasbourg_prorogee() -> None:
    code, sortie, _ = lancer(
        "--depuis", "2025-12-18", "--duree", "8 jours", "--territoire", "67", "--json"
    )
    donnees = json.loads(sortie)
    assert code == 0
    assert (donnees["expire_le"], donnees["proroge"]) == ("2025-12-29", True)
    assert "Saint-Étienne" in donnees["motif"]
    assert "CPC 642 al. 2" in donnees["articles"]


def test_json_date_prudente_pour_le_vendredi_saint_en_moselle() -> None:
    code, sortie, _ = lancer(
        "--depuis", "2026-03-27", "--duree", "7 jours", "--territoire", "57", "--json"
    )
    donnees = json.loads(sortie)
    assert code == 0
    assert donnees["expire_le"] == "2026-04-07"
    assert donnees["expire_le_prudent"] == "2026-04-03"


@pytest.mark.parametrize(
    ("duree", "attendu"),
    # From Fri 18 Dec 2026: Mon-Sat except 25 Dec and 1 Jan -> 15th is Thu 7 Jan 2027.
    [("15 jours ouvrables", "2027-01-07"), ("6 semaines", "2027-01-29"), ("1 mois", "2027-01-18"),
     ("2 ans", "2028-12-18")],
)  # fmt: skip
def test_json_durees_du_contrat(duree: str, attendu: str) -> None:
    code, sortie, _ = lancer("--depuis", "2026-12-18", "--duree", duree, "--json")
    assert code == 0
    assert json.loads(sortie)["expire_le"] == attendu


def test_json_a_rebours() -> None:
    code, sortie, _ = lancer(
        "--depuis", "2024-07-31", "--duree", "8 jours", "--a-rebours", "--json"
    )
    donnees = json.loads(sortie)
    assert code == 0
    assert (donnees["expire_le"], donnees["proroge"], donnees["a_rebours"]) == (
        "2024-07-22",
        False,
        True,
    )


def test_sens_etude_retient_la_date_la_plus_precoce() -> None:
    code, sortie, _ = lancer(
        "--depuis", "2026-03-27", "--duree", "7 jours", "--territoire", "57",
        "--sens", "etude", "--json",
    )  # fmt: skip
    assert code == 0
    assert json.loads(sortie)["date_retenue"] == "2026-04-03"


def test_tableau_lisible_en_francais() -> None:
    code, sortie, _ = lancer("--depuis", "2025-12-18", "--duree", "8 jours", "--territoire", "67")
    assert code == 0
    assert "Délai de procédure" in sortie
    assert "lundi 29 décembre 2025" in sortie


@pytest.mark.parametrize(
    ("arguments", "extrait"),
    [
        (["--depuis", "2026-02-30", "--duree", "8 jours"], "date impossible"),
        (["--depuis", "2026-02-03", "--duree", "8 jourz"], "Durée illisible"),
        (
            ["--depuis", "2026-02-03", "--duree", "8 jours", "--territoire", "99"],
            "Territoire inconnu",
        ),
        (["--depuis", "2026-02-03", "--duree", "8 jours", "--sens", "moi"], "--sens"),
    ],
)
def test_erreur_de_saisie_code_2_et_message_francais(arguments: list[str], extrait: str) -> None:
    code, sortie, erreur = lancer(*arguments)
    assert code == 2
    assert erreur.startswith("Erreur : ") and extrait in erreur
    assert erreur.count("\n") == 1
    assert sortie == ""
