"""`clerc parametres lister|ajouter|verifier` as an office uses them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from clerc.cli.app import app
from clerc.rules.parametres import parametres

runner = CliRunner()


def test_verifier_les_parametres_livres_ne_trouve_aucun_probleme() -> None:
    resultat = runner.invoke(app, ["parametres", "verifier", "--json"])
    assert resultat.exit_code == 0, resultat.output
    rapport = json.loads(resultat.stdout)
    assert rapport["problemes"] == []
    assert rapport["parametres"] == len(parametres().noms())


def test_lister_en_json_donne_valeur_source_et_etat() -> None:
    resultat = runner.invoke(app, ["parametres", "lister", "--au", "2025-03-01", "--json"])
    assert resultat.exit_code == 0, resultat.output
    lignes = json.loads(resultat.stdout)["parametres"]
    assert lignes and all(
        ligne["etat"] in {"confirmé", "non confirmé", "manquant"} for ligne in lignes
    )


def test_ajouter_puis_lister_montre_l_ajout_local(parametres_locaux_isoles: Path) -> None:
    nom = parametres().noms()[0]
    resultat = runner.invoke(
        app,
        [
            "parametres",
            "ajouter",
            nom,
            "--depuis",
            "2099-01-01",
            "--valeur",
            "4.5",
            "--reference",
            "Arrêté du 1er janvier 2099",
            "--url",
            "https://www.legifrance.gouv.fr/x",
        ],
    )
    assert resultat.exit_code == 0, resultat.output
    assert parametres_locaux_isoles.exists()
    lister = runner.invoke(app, ["parametres", "lister", "--au", "2099-02-01", "--json"])
    ligne = next(x for x in json.loads(lister.stdout)["parametres"] if x["nom"] == nom)
    assert ligne["etat"] == "ajout local" and ligne["valeur"] == "4.50"


def test_ajouter_un_parametre_inconnu_echoue_en_francais() -> None:
    resultat = runner.invoke(
        app,
        [
            "parametres",
            "ajouter",
            "nimporte.quoi",
            "--depuis",
            "2099-01-01",
            "--valeur",
            "1",
            "--reference",
            "x",
            "--url",
            "https://x",
        ],
    )
    assert resultat.exit_code == 2
    assert "Paramètre légal manquant" in resultat.stderr
