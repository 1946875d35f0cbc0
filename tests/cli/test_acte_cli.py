"""`clerc acte`: the contract of issue 5 (types, generer, verifier, signer, lot, repertoire)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clerc.cli.app import app
from clerc.office.db import creer_moteur, migrer
from clerc.office.services.etudes import contexte, creer_etude, creer_utilisateur
from tests.cli.test_dossier_cli import DOSSIER

runner = CliRunner()


def _lancer(*arguments: str) -> dict[str, object]:
    resultat = runner.invoke(app, [*arguments, "--json"])
    assert resultat.exit_code == 0, resultat.output
    return json.loads(resultat.stdout)  # type: ignore[no-any-return]


@pytest.fixture
def dossier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A Lyon office with its commissaire de justice; a judgment of 14 November 2022 served on
    25 November 2022; a saisie-attribution on Monday 6 March 2023 (2020 tariff in force)."""
    url = f"sqlite:///{tmp_path / 'clerc.sqlite3'}"
    moteur = creer_moteur(url)
    migrer(moteur)
    creer_etude(moteur, code="TEST", nom="SELARL Martin", territoire="69", utilisateur="admin",
                commissaires=("Claire MARTIN",), adresse="12 rue de la République",
                code_postal="69002", commune="Lyon")  # fmt: skip
    creer_utilisateur(contexte(moteur, "TEST", "admin"), identifiant="cmartin",
                      role="commissaire_justice", nom="Claire Martin")  # fmt: skip
    moteur.dispose()
    monkeypatch.setenv("CLERC_DATABASE_URL", url)
    monkeypatch.setenv("CLERC_DONNEES", str(tmp_path / "donnees"))
    monkeypatch.setenv("CLERC_UTILISATEUR", "marie")
    donnees = json.loads(json.dumps(DOSSIER))
    donnees["ouvert_le"] = "2023-01-05"
    donnees["creancier"]["representant"] = "son directeur général en exercice"
    donnees["creancier"]["adresses"] = [
        {"ligne1": "3 place Bellecour", "code_postal": "69002", "commune": "Lyon"}
    ]
    donnees["titre"].update(date_titre="2022-11-14", date_signification="2022-11-25",
                            formule_executoire=True)  # fmt: skip
    donnees["titre"]["lignes"] = [{"nature": "principal", "montant": "5000.00"}]
    chemin = tmp_path / "dossier.json"
    chemin.write_text(json.dumps(donnees, ensure_ascii=False), encoding="utf-8")
    reference = str(_lancer("dossier", "ouvrir", str(chemin))["reference"])
    _lancer("procedure", "demarrer", reference, "saisie_attribution", "--date", "2023-03-06")
    _lancer("procedure", "etape", reference, "pv_saisie", "--date", "2023-03-06",
            "--heure", "9:00", "--mode", "personne")  # fmt: skip
    return reference


def test_types_au_format_du_contrat() -> None:
    types = _lancer("acte", "types")["types"]
    (denonciation,) = [t for t in types if t["code"] == "denonciation_saisie_attribution"]  # type: ignore[attr-defined]
    assert set(denonciation) >= {"code", "libelle", "categorie", "articles"}
    assert denonciation["categorie"] == "acte" and "CPCE R211-3" in denonciation["articles"]


def test_generer_verifier_signer_et_repertoire(
    dossier: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    brouillon = _lancer("acte", "generer", dossier, "denonciation_saisie_attribution",
                        "--date", "2023-03-08", "--heure", "9:30", "--mode", "personne",
                        "--tiers", "BANQUE POPULAIRE ; 4 boulevard Eugène Deruelle ; 69003 Lyon",
                        "--sortie", str(tmp_path / "brouillon.pdf"))  # fmt: skip
    assert set(brouillon) >= {"acte", "fichier", "constats"}
    # CPCE R211-3 3°: the court for contestations is missing: a finding with its article.
    (constat,) = brouillon["constats"]  # type: ignore[misc]
    assert (constat["mention"], constat["article"]) == ("juridiction", "CPCE R211-3 3°")
    assert (tmp_path / "brouillon.pdf").read_bytes().startswith(b"%PDF")
    verification = _lancer("acte", "verifier", str(brouillon["acte"]))
    assert verification["conforme"] is False
    assert set(verification["constats"][0]) >= {"mention", "article", "message"}  # type: ignore[index]
    refus = runner.invoke(app, ["acte", "signer", str(brouillon["acte"])])
    assert refus.exit_code == 2 and "commissaire de justice" in refus.stderr

    acte = _lancer("acte", "generer", dossier, "denonciation_saisie_attribution",
                   "--date", "2023-03-08", "--heure", "9:30", "--mode", "personne",
                   "--tiers", "BANQUE POPULAIRE ; 4 boulevard Eugène Deruelle ; 69003 Lyon",
                   "--champ", "juridiction_contestation=juge de l'exécution de Lyon",
                   "--format", "docx", "--sortie", str(tmp_path / "acte.docx"))  # fmt: skip
    assert acte["constats"] == [] and (tmp_path / "acte.docx").stat().st_size > 0
    monkeypatch.setenv("CLERC_UTILISATEUR", "cmartin")
    signe = _lancer("acte", "signer", str(acte["acte"]), "--sortie", str(tmp_path / "signe.pdf"))
    assert signe["numero_repertoire"] == "2023-000001"
    assert b"pdfaid" in (tmp_path / "signe.pdf").read_bytes()
    signifie = _lancer("acte", "signifier", str(acte["acte"]), "--date", "2023-03-08")
    assert signifie["statut"] == "signifie"
    repertoire = _lancer("acte", "repertoire", "--annee", "2023", "--csv",
                         str(tmp_path / "repertoire.csv"), "--pdf",
                         str(tmp_path / "repertoire.pdf"))  # fmt: skip
    assert (tmp_path / "repertoire.pdf").read_bytes().startswith(b"%PDF")
    assert [a["numero"] for a in repertoire["actes"]] == ["2023-000001"]  # type: ignore[attr-defined]
    assert "2023-000001;2023-03-08" in (tmp_path / "repertoire.csv").read_text(encoding="utf-8")


def test_lot_rapporte_chaque_dossier(dossier: str) -> None:
    lot = _lancer("acte", "lot", "denonciation_saisie_attribution", "--dossiers",
                  f"{dossier},2099-999999", "--date", "2023-03-08", "--heure", "9:30",
                  "--mode", "personne")  # fmt: skip
    premier, inconnu = lot["actes"]  # type: ignore[misc]
    assert premier["dossier"] == dossier and premier["acte"]
    assert "introuvable" in inconnu["erreur"]


def test_erreurs_en_francais(dossier: str) -> None:
    for arguments, message in (
        (["acte", "generer", dossier, "acte_lunaire"], "inconnu"),
        (["acte", "generer", dossier, "denonciation_saisie_attribution", "--champ", "x"],
         "cle=valeur"),
        (["acte", "verifier", "999"], "introuvable"),
    ):  # fmt: skip
        resultat = runner.invoke(app, arguments)
        assert resultat.exit_code == 2, (arguments, resultat.output)
        assert message in resultat.stderr, (arguments, resultat.stderr)


def test_lot_par_filtre_de_recherche(dossier: str) -> None:
    # The debtor of the file is Madame Éloïse LEFÈVRE: "lefevre" finds it, accents ignored.
    lot = _lancer("acte", "lot", "denonciation_saisie_attribution", "--filtre", "lefevre",
                  "--date", "2023-03-08", "--heure", "9:30", "--mode", "personne")  # fmt: skip
    assert [a["dossier"] for a in lot["actes"]] == [dossier]  # type: ignore[attr-defined]
    vide = runner.invoke(app, ["acte", "lot", "denonciation_saisie_attribution",
                               "--filtre", "zzzinconnu"])  # fmt: skip
    assert vide.exit_code == 2 and "aucun ne correspond" in vide.stderr
