"""`clerc dossier analyser REF [--json]` on an SQLite office, as a clerc uses it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from clerc.cli.app import app
from clerc.office.db import creer_moteur, migrer
from clerc.office.services.etudes import creer_etude

runner = CliRunner()


def _dossier(titre: dict[str, Any], reference_mandant: str) -> dict[str, Any]:
    return {
        "nature": "judiciaire",
        "reference_mandant": reference_mandant,
        "ouvert_le": "2025-05-02",
        "creancier": {
            "type": "personne_morale",
            "denomination": "Banque Exemple",
            "forme_juridique": "SA",
            "siren": "732829320",
        },
        "debiteurs": [
            {
                "type": "personne_physique",
                "civilite": "Monsieur",
                "nom": "Meyer",
                "prenoms": "Paul",
                "adresses": [
                    {"ligne1": "4 rue des Juifs", "code_postal": "67000", "commune": "Strasbourg"}
                ],
            }
        ],
        "titre": titre,
    }


JUGEMENT = {
    "type": "decision_justice",
    "date_titre": "2025-03-10",
    "date_saisine": "2024-09-02",
    "execution_provisoire": "de_droit",
    "contradictoire": True,
    "premier_ressort": True,
    "formule_executoire": True,
    "date_signification": "2025-04-01",
    "lignes": [{"nature": "principal", "montant": "5000.00"}],
}
# An injonction de payer of 3 February 2025 never served: non avenue from 4 August (CPC 1411).
INJONCTION = {
    "type": "ordonnance_injonction_payer",
    "date_titre": "2025-02-03",
    "formule_executoire": True,
    "lignes": [{"nature": "principal", "montant": "1800.00"}],
}


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An office database with two files: a served judgment, an injonction never served."""
    url = f"sqlite:///{tmp_path / 'clerc.sqlite3'}"
    moteur = creer_moteur(url)
    migrer(moteur)
    creer_etude(moteur, code="TEST", nom="Étude test", territoire="67", utilisateur="admin")
    moteur.dispose()
    monkeypatch.setenv("CLERC_DATABASE_URL", url)
    monkeypatch.setenv("CLERC_UTILISATEUR", "marie")
    monkeypatch.setenv("COLUMNS", "200")
    for nom, titre in (("jugement", JUGEMENT), ("injonction", INJONCTION)):
        chemin = tmp_path / f"{nom}.json"
        chemin.write_text(json.dumps(_dossier(titre, nom.upper())), encoding="utf-8")
        resultat = runner.invoke(app, ["dossier", "ouvrir", str(chemin)])
        assert resultat.exit_code == 0, resultat.output
    yield tmp_path


def _fiche(reference: str) -> dict[str, Any]:
    resultat = runner.invoke(
        app, ["dossier", "analyser", reference, "--au", "2025-11-30", "--json"]
    )
    assert resultat.exit_code == 0, resultat.output
    donnees = json.loads(resultat.stdout)
    assert isinstance(donnees, dict)
    return donnees


def test_la_fiche_json_suit_le_contrat(base: Path) -> None:
    fiche = _fiche("2025-000001")
    assert set(fiche) >= {"dossier", "au", "titre", "prescription", "decompte", "alertes"}
    assert (fiche["dossier"], fiche["au"]) == ("2025-000001", "2025-11-30")
    titre = fiche["titre"]
    assert titre["executoire"] is True and titre["executoire_depuis"] == "2025-04-01"
    assert all(isinstance(motif, str) for motif in titre["motifs"])
    # CPCE L111-4: ten years from the service of 1 April 2025, no act since.
    assert fiche["prescription"]["date_acquisition"] == "2035-04-01"
    assert fiche["prescription"]["prescrit"] is False
    assert fiche["decompte"]["principal"] == "5000.00"
    assert [(a["code"], a["gravite"]) for a in fiche["alertes"]] == [
        ("alsace_moselle", "attention")
    ]
    premiere = fiche["mesures"][0]
    assert premiere["procedure"] == "saisie_attribution_compte" and premiere["rang"] == 1
    assert set(premiere) >= {
        "cout_estime", "conditions_remplies", "conditions_manquantes", "pourquoi",
    }  # fmt: skip


def test_l_injonction_non_signifiee_est_signalee_en_francais(base: Path) -> None:
    fiche = _fiche("2025-000002")
    (alerte,) = [a for a in fiche["alertes"] if a["gravite"] == "bloquant"]
    assert alerte["code"] == "injonction_non_signifiee_6_mois"
    assert "2025-08-04" in alerte["message"] and alerte["article"] == "CPC 1411"
    assert fiche["titre"]["executoire"] is False
    assert fiche["mesures"][0]["procedure"] == "injonction_de_payer"
    texte = runner.invoke(app, ["dossier", "analyser", "2025-000002", "--au", "2025-11-30"])
    assert texte.exit_code == 0, texte.output
    assert "Fiche d'analyse du dossier 2025-000002" in texte.stdout
    assert "BLOQUANT" in texte.stdout and "non avenue" in texte.stdout


def test_un_dossier_inconnu_est_refuse_en_francais(base: Path) -> None:
    resultat = runner.invoke(app, ["dossier", "analyser", "2025-999999", "--json"])
    assert resultat.exit_code == 2
    assert "introuvable" in resultat.stderr
    date_fausse = runner.invoke(app, ["dossier", "analyser", "2025-000001", "--au", "31/02/2025"])
    assert date_fausse.exit_code == 2 and "date impossible" in date_fausse.stderr
