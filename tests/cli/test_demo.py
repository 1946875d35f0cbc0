"""`clerc demo` (what `make demo` runs) shows the engine on its sample file."""

from __future__ import annotations

from datetime import date

import pytest

from clerc.cli.demo import lancer_demo


def test_la_demo_montre_decompte_quotite_et_delais_de_strasbourg(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    lancer_demo(au=date(2026, 11, 30))
    sortie = capsys.readouterr().out
    assert "Décompte tel qu'il figure à l'acte" in sortie
    assert "Quotité saisissable" in sortie
    # ../shared/exemples/exemples.md: PV served Thursday 18 December 2025, 8-day dénonciation:
    # Friday 26 December in Paris, Monday 29 December 2025 in Strasbourg.
    assert "lundi 29 décembre 2025" in sortie
    assert "vendredi 26 décembre 2025" in sortie
    assert "Erreur" not in sortie and "Paramètre légal manquant" not in sortie


def test_la_demo_signale_un_chiffre_manquant_sans_planter(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # No legal rate is published beyond 2026-S2: the demo says so instead of crashing.
    lancer_demo(au=date(2027, 3, 1))
    assert "Paramètre légal manquant" in capsys.readouterr().out
