"""`clerc api jeton creer|lister|revoquer` on an SQLite office, as its administrator uses them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from clerc.cli.api import api_app
from clerc.office.db import Contexte, creer_moteur, migrer
from clerc.office.services import dossiers
from clerc.office.services.donnees import nouveau_dossier_depuis_dict
from clerc.office.services.etudes import creer_etude
from clerc.office.services.utilisateurs import PREFIXE_JETON, acces_par_jeton

runner = CliRunner()
# As src/clerc/cli/app.py registers it: `clerc api ...`.
racine = typer.Typer()
racine.add_typer(api_app, name="api")

DOSSIER = {
    "nature": "judiciaire",
    "creancier": {"type": "personne_morale", "denomination": "Banque Exemple"},
    "debiteurs": [{"type": "personne_physique", "nom": "Lefèvre", "prenoms": "Éloïse"}],
}


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An office with one file, whose creditor is party n° 1."""
    adresse = f"sqlite:///{tmp_path / 'clerc.sqlite3'}"
    moteur = creer_moteur(adresse)
    migrer(moteur)
    etude = creer_etude(moteur, code="TEST", nom="Étude test", territoire="69", utilisateur="a")
    dossiers.ouvrir_dossier(Contexte(moteur, etude, "a"), nouveau_dossier_depuis_dict(DOSSIER))
    moteur.dispose()
    monkeypatch.setenv("CLERC_DATABASE_URL", adresse)
    monkeypatch.setenv("CLERC_UTILISATEUR", "admin")
    monkeypatch.setenv("COLUMNS", "200")
    yield adresse


def _lancer(*arguments: str) -> str:
    resultat = runner.invoke(racine, ["api", "jeton", *arguments])
    assert resultat.exit_code == 0, resultat.output
    return resultat.stdout


def test_un_jeton_cree_est_affiche_une_fois_et_ouvre_l_api_de_son_creancier(url: str) -> None:
    sortie = _lancer("creer", "--creancier", "1", "--libelle", "ERP de la banque")
    jeton = sortie.splitlines()[0]
    assert jeton.startswith(PREFIXE_JETON) and "plus jamais affiché" in sortie
    moteur = creer_moteur(url)
    try:
        acces = acces_par_jeton(moteur, jeton)
    finally:
        moteur.dispose()
    assert acces is not None and acces.creancier_id == 1
    assert acces.creancier == "Banque Exemple"
    liste = _lancer("lister")
    assert "Banque Exemple (n° 1)" in liste and "ERP de la banque" in liste
    assert jeton not in liste


def test_la_liste_json_ne_montre_jamais_le_jeton(url: str) -> None:
    jeton = json.loads(_lancer("creer", "--creancier", "1", "--json"))["jeton"]
    jetons = json.loads(_lancer("lister", "--json"))["jetons"]
    assert [(j["id"], j["creancier_id"], j["revoque_le"]) for j in jetons] == [(1, 1, None)]
    assert jeton not in json.dumps(jetons) and "empreinte" not in jetons[0]


def test_un_jeton_revoque_n_ouvre_plus_l_api(url: str) -> None:
    jeton = _lancer("creer", "--creancier", "1").splitlines()[0]
    assert _lancer("revoquer", "1").strip() == "Jeton n° 1 révoqué."
    moteur = creer_moteur(url)
    try:
        assert acces_par_jeton(moteur, jeton) is None
    finally:
        moteur.dispose()
    assert json.loads(_lancer("lister", "--json"))["jetons"][0]["revoque_le"] is not None


def test_un_creancier_ou_un_jeton_inconnu_est_refuse_en_francais(url: str) -> None:
    creation = runner.invoke(racine, ["api", "jeton", "creer", "--creancier", "99"])
    assert creation.exit_code == 2
    assert "Créancier n° 99 introuvable" in creation.output
    revocation = runner.invoke(racine, ["api", "jeton", "revoquer", "7"])
    assert revocation.exit_code == 2 and "Jeton n° 7 introuvable" in revocation.output
