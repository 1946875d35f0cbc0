"""The session key: CLERC_SECRET_KEY, else one generated once and kept beside the database;
`clerc serveur --production` refuses to start without it."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clerc.cli.app import app
from clerc.office.erreurs import OperationRefusee
from clerc.web import reglages


def test_sans_variable_la_cle_est_generee_une_fois_et_gardee_a_cote_de_la_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(reglages.ENV_CLE_SECRETE, raising=False)
    monkeypatch.setenv("CLERC_DATABASE_URL", f"sqlite:///{tmp_path / 'etude.sqlite3'}")
    premiere = reglages.cle_secrete(production=False)
    fichier = tmp_path / "etude.sqlite3.cle-session"
    assert fichier.read_text(encoding="utf-8").strip() == premiere
    assert len(premiere) >= reglages.LONGUEUR_MINIMALE_CLE
    assert stat.S_IMODE(fichier.stat().st_mode) == 0o600  # readable by its owner only
    assert reglages.cle_secrete(production=False) == premiere  # sessions survive a restart


def test_la_variable_l_emporte_et_doit_etre_assez_longue(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(reglages.ENV_CLE_SECRETE, "k" * 40)
    assert reglages.cle_secrete(production=True) == "k" * 40
    monkeypatch.setenv(reglages.ENV_CLE_SECRETE, "courte")
    with pytest.raises(OperationRefusee, match="trop courte"):
        reglages.cle_secrete(production=False)


def test_en_production_le_serveur_refuse_de_demarrer_sans_cle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(reglages.ENV_CLE_SECRETE, raising=False)
    monkeypatch.setenv("CLERC_DATABASE_URL", f"sqlite:///{tmp_path / 'etude.sqlite3'}")
    resultat = CliRunner().invoke(app, ["serveur", "--production", "--port", "8799"])
    assert resultat.exit_code == 2
    assert "Mode production : définissez CLERC_SECRET_KEY" in resultat.stderr
    assert not (tmp_path / "etude.sqlite3.cle-session").exists()
