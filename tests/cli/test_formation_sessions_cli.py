"""`clerc formation session|progression|groupe` on an SQLite office: a trainee's session from
the command line, an exam, a trainer's group; French errors with exit code 2."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from clerc.cli.app import app
from clerc.formation.exercices import corriger, solution
from clerc.office.db import creer_moteur, migrer
from clerc.office.services.etudes import contexte, creer_etude, creer_utilisateur

runner = CliRunner()


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An office with a trainee (lea) and a trainer (chef); the directory for answers."""
    url = f"sqlite:///{tmp_path / 'clerc.sqlite3'}"
    moteur = creer_moteur(url)
    migrer(moteur)
    creer_etude(moteur, code="TEST", nom="Étude test", territoire="86", utilisateur="admin")
    administrateur = contexte(moteur, "TEST", "admin")
    creer_utilisateur(administrateur, identifiant="lea", role="stagiaire")
    creer_utilisateur(administrateur, identifiant="chef", role="clerc_gestionnaire")
    moteur.dispose()
    monkeypatch.setenv("CLERC_DATABASE_URL", url)
    monkeypatch.delenv("CLERC_UTILISATEUR", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    yield tmp_path


def _json(arguments: list[str]) -> Any:
    resultat = runner.invoke(app, arguments)
    assert resultat.exit_code == 0, resultat.output
    return json.loads(resultat.stdout)


def _fichier(repertoire: Path, reponse: Any) -> str:
    chemin = repertoire / "reponse.json"
    chemin.write_text(json.dumps(reponse, ensure_ascii=False), encoding="utf-8")
    return str(chemin)


def test_une_session_d_entrainement_en_ligne_de_commande(base: Path) -> None:
    depart = _json(
        ["formation", "session", "demarrer", "--bloc", "1", "--nombre", "2", "--graine", "42",
         "--au", "2026-11-30", "--utilisateur", "lea", "--json"]
    )  # fmt: skip
    numero = depart["session"]["session"]
    premier = depart["exercice"]
    assert depart["session"]["mode"] == "entrainement" and premier["rang"] == 1
    assert set(premier) >= {"exercice", "consigne", "dossier", "format_reponse"}

    reponse = _json(
        ["formation", "session", "repondre", str(numero), "--reponse",
         _fichier(base, solution(premier["exercice"])), "--utilisateur", "lea", "--json"]
    )  # fmt: skip
    assert (reponse["score"], reponse["corrections"], reponse["terminee"]) == (100, [], False)
    second = reponse["exercice_suivant"]
    assert second["rang"] == 2 and second["exercice"] == reponse["suivant"]

    faux = solution(second["exercice"])
    cle = next(iter(faux))
    faux[cle] = (not faux[cle]) if isinstance(faux[cle], bool) else (
        [] if isinstance(faux[cle], list) else "1.00"
    )  # fmt: skip
    attendu = corriger(second["exercice"], faux)
    reponse = _json(
        ["formation", "session", "repondre", str(numero), "--reponse", _fichier(base, faux),
         "--utilisateur", "lea", "--json"]
    )  # fmt: skip
    assert reponse["score"] == attendu.score < 100 and reponse["terminee"]
    assert reponse["corrections"] == attendu.corrections

    bilan = _json(["formation", "session", "bilan", str(numero), "--utilisateur", "lea", "--json"])
    assert bilan["etat"] == "terminee" and bilan["score"] == (100 + attendu.score + 1) // 2
    assert [e["score"] for e in bilan["exercices"]] == [100, attendu.score]

    progression = _json(["formation", "progression", "--utilisateur", "lea", "--json"])
    [bloc_1] = [b for b in progression["par_bloc"] if b["bloc"] == 1]
    assert (bloc_1["exercices"], bloc_1["moyenne"]) == (2, bilan["score"])
    assert progression["points_faibles"]["points_manques"]

    # The same, for a human: a table of averages.
    texte = runner.invoke(app, ["formation", "progression", "--utilisateur", "lea"])
    assert texte.exit_code == 0 and "Bloc 1" in texte.output

    # Answering a finished session: refused in French, exit code 2.
    encore = runner.invoke(
        app,
        ["formation", "session", "repondre", str(numero), "--reponse", _fichier(base, faux),
         "--utilisateur", "lea", "--json"],
    )  # fmt: skip
    assert encore.exit_code == 2 and "terminée" in encore.output


def test_un_examen_ne_donne_pas_la_note_avant_la_fin(base: Path) -> None:
    depart = _json(
        ["formation", "session", "demarrer", "--bloc", "1", "--nombre", "2", "--mode", "examen",
         "--duree", "45", "--graine", "42", "--au", "2026-11-30", "--utilisateur", "lea",
         "--json"]
    )  # fmt: skip
    numero = depart["session"]["session"]
    assert depart["session"]["duree_minutes"] == 45 and depart["session"]["restant_minutes"] == 45
    reponse = _json(
        ["formation", "session", "repondre", str(numero), "--reponse",
         _fichier(base, solution(depart["exercice"]["exercice"])), "--utilisateur", "lea",
         "--json"]
    )  # fmt: skip
    assert "score" not in reponse and "fin de l'examen" in reponse["message"]
    bilan = _json(["formation", "session", "bilan", str(numero), "--utilisateur", "lea", "--json"])
    assert bilan["score"] is None and "score" not in bilan["exercices"][0]
    fin = _json(["formation", "session", "terminer", str(numero), "--utilisateur", "lea", "--json"])
    assert fin["etat"] == "terminee" and fin["score"] == 50  # 100 and an exercise not done
    assert fin["exercices"][0]["score"] == 100


def test_le_formateur_cree_un_groupe_et_lit_son_bilan(base: Path) -> None:
    depart = _json(
        ["formation", "session", "demarrer", "--bloc", "1", "--nombre", "1", "--graine", "42",
         "--au", "2026-11-30", "--utilisateur", "lea", "--json"]
    )  # fmt: skip
    numero = depart["session"]["session"]
    _json(
        ["formation", "session", "repondre", str(numero), "--reponse",
         _fichier(base, solution(depart["exercice"]["exercice"])), "--utilisateur", "lea",
         "--json"]
    )  # fmt: skip

    refus = runner.invoke(app, ["formation", "groupe", "creer", "Promo", "--utilisateur", "lea"])
    assert refus.exit_code == 2 and "ne peut pas créer un groupe" in refus.output
    cree = _json(["formation", "groupe", "creer", "Promo 2027", "--utilisateur", "chef", "--json"])
    assert cree["nom"] == "Promo 2027"
    _json(
        ["formation", "groupe", "ajouter", "Promo 2027", "lea", "--utilisateur", "chef", "--json"]
    )
    liste = _json(["formation", "groupe", "liste", "--utilisateur", "chef", "--json"])
    assert liste["groupes"][0]["membres"] == 1 and liste["groupes"][0]["formateur"] == "chef"
    bilan = _json(["formation", "groupe", "bilan", "Promo 2027", "--utilisateur", "chef", "--json"])
    [membre] = bilan["membres"]
    assert membre["identifiant"] == "lea" and membre["par_bloc"]["1"]["moyenne"] == 100
    texte = runner.invoke(
        app, ["formation", "groupe", "bilan", str(cree["groupe"]), "--utilisateur", "chef"]
    )
    assert texte.exit_code == 0 and "100 (1)" in texte.output
    autre = runner.invoke(
        app, ["formation", "progression", "--stagiaire", "chef", "--utilisateur", "lea"]
    )
    assert autre.exit_code == 2 and "ne peut pas" in autre.output
    assert (
        _json(
            ["formation", "progression", "--stagiaire", "lea", "--utilisateur", "chef", "--json"]
        )["exercices"]
        == 1
    )
