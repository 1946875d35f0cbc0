"""`clerc procedure plan`: the contract of issue 4 (JSON fields, --lister, French errors)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clerc.cli.app import app
from clerc.office.db import creer_moteur, migrer
from clerc.office.services.etudes import creer_etude
from tests.cli.test_dossier_cli import DOSSIER

runner = CliRunner()


def test_plan_json_de_la_saisie_attribution_a_strasbourg() -> None:
    resultat = runner.invoke(
        app,
        ["procedure", "plan", "saisie_attribution", "--depuis", "2025-12-18",
         "--territoire", "67", "--json"],
    )  # fmt: skip
    assert resultat.exit_code == 0, resultat.output
    plan = json.loads(resultat.stdout)
    assert (plan["procedure"], plan["territoire"], plan["depuis"]) == (
        "saisie_attribution",
        "67",
        "2025-12-18",
    )
    etapes = {e["code"]: e for e in plan["etapes"]}
    # The first step's act is dated DATE; every step carries both ends of its window.
    assert plan["etapes"][0]["date_prevue"] == "2025-12-18"
    assert all({"date_au_plus_tot", "date_limite"} <= set(e) for e in plan["etapes"])
    # 8 days of R211-3 from Thursday 18 December: Friday 26 is a holiday in the Bas-Rhin
    # (C. trav. L3134-13), then the weekend: Monday 29 December (CPC 642 al. 2).
    assert etapes["denonciation"]["date_limite"] == "2025-12-29"
    assert etapes["denonciation"]["sanction"]["nature"] == "caducite"


def test_lister_les_procedures() -> None:
    resultat = runner.invoke(app, ["procedure", "plan", "--lister", "--json"])
    assert resultat.exit_code == 0, resultat.output
    codes = {p["code"] for p in json.loads(resultat.stdout)["procedures"]}
    assert "saisie_attribution" in codes


def test_erreurs_en_francais_et_code_2() -> None:
    for arguments, message in (
        (["procedure", "plan", "saisie_lune", "--depuis", "2025-01-01"], "inconnue"),
        (["procedure", "plan", "saisie_attribution"], "--depuis"),
        (["procedure", "plan", "saisie_attribution", "--depuis", "2025-13-01"], "date"),
        (["procedure", "plan", "saisie_attribution", "--depuis", "2025-01-01",
          "--territoire", "99"], "erritoire"),
    ):  # fmt: skip
        resultat = runner.invoke(app, arguments)
        assert resultat.exit_code == 2, (arguments, resultat.output)
        assert message in resultat.stderr, (arguments, resultat.stderr)


def test_demarrer_enregistrer_possibles_et_agenda(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'clerc.sqlite3'}"
    moteur = creer_moteur(url)
    migrer(moteur)
    creer_etude(moteur, code="TEST", nom="Étude test", territoire="69", utilisateur="admin")
    moteur.dispose()
    monkeypatch.setenv("CLERC_DATABASE_URL", url)
    monkeypatch.setenv("CLERC_UTILISATEUR", "marie")
    donnees = json.loads(json.dumps(DOSSIER))
    donnees["titre"]["formule_executoire"] = True
    chemin = tmp_path / "dossier.json"
    chemin.write_text(json.dumps(donnees, ensure_ascii=False), encoding="utf-8")
    assert runner.invoke(app, ["dossier", "ouvrir", str(chemin)]).exit_code == 0

    def lancer(*arguments: str) -> dict[str, object]:
        resultat = runner.invoke(app, [*arguments, "--json"])
        assert resultat.exit_code == 0, resultat.output
        return json.loads(resultat.stdout)  # type: ignore[no-any-return]

    lancer("procedure", "demarrer", "2025-000001", "saisie_attribution", "--date", "2025-09-01")
    lancer("procedure", "etape", "2025-000001", "pv_saisie", "--date", "2025-09-01",
           "--heure", "9h15", "--mode", "personne")  # fmt: skip
    possibles = lancer("procedure", "possibles", "2025-000001", "--au", "2025-09-02")
    (saisie,) = possibles["procedures"]  # type: ignore[misc]
    denonciation = next(e for e in saisie["etapes"] if e["code"] == "denonciation")
    # 8 days from Monday 1 September 2025 (R211-3): Tuesday 9 September (CPC 641 al. 1).
    assert (denonciation["statut"], denonciation["date_limite"]) == ("possible", "2025-09-09")
    agenda = lancer("agenda", "--date", "2025-09-02")
    assert [
        {
            k: e[k]
            for k in ("dossier", "etape", "date_au_plus_tot", "date_limite", "sanction", "article")
        }
        for e in agenda["echeances"]  # type: ignore[attr-defined]
    ] == [
        {
            "dossier": "2025-000001",
            "etape": "denonciation",
            "date_au_plus_tot": None,
            "date_limite": "2025-09-09",
            "sanction": "caducite",
            "article": "CPCE R211-3",
        }
    ]
    refus = runner.invoke(
        app, ["procedure", "etape", "2025-000001", "denonciation", "--date", "2025-09-10"]
    )
    assert refus.exit_code == 2
    assert "la saisie-attribution est caduque (CPCE R211-3)" in refus.stderr

    # The daily check records the lapse; the clerc then gives the measure up.
    constat = lancer("procedure", "caducites", "--au", "2025-09-10")
    assert [(c["dossier"], c["procedure"]) for c in constat["caduques"]] == [  # type: ignore[attr-defined]
        ("2025-000001", "saisie_attribution")
    ]
    agenda = lancer("agenda", "--date", "2025-09-10")
    assert [e["etape"] for e in agenda["echeances"]] == ["procedure_caduque"]  # type: ignore[attr-defined]
    abandon = lancer("procedure", "abandonner", "2025-000001", "saisie_attribution",
                     "--motif", "Créancier informé", "--date", "2025-09-10")  # fmt: skip
    assert abandon["abandonnees"] == 1
    assert lancer("agenda", "--date", "2025-09-10")["echeances"] == []
    sans_motif = runner.invoke(
        app, ["procedure", "abandonner", "2025-000001", "saisie_attribution"]
    )
    assert sans_motif.exit_code == 2
    assert "motif est requis" in sans_motif.stderr


def test_le_plan_dit_ses_hypotheses() -> None:
    # CPC 1416 al. 2 and CPC 643/644: the plan assumes a service à personne and no distance.
    resultat = runner.invoke(
        app, ["procedure", "plan", "injonction_de_payer", "--depuis", "2026-10-01"],
        env={"COLUMNS": "200"},
    )  # fmt: skip
    assert resultat.exit_code == 0, resultat.output
    assert "Hypothèse : Date calculée pour une signification à personne" in resultat.stdout
    assert "CPC 643, 644" in resultat.stdout
