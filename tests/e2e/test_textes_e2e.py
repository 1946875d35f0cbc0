"""In the browser: the commissaire sees that the wage-seizure commandement lacks R212-1-5, adds
the wording copied from Légifrance, and the page then shows it as the office's addition."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.e2e.conftest import capturer
from tests.e2e.test_parcours import se_connecter


def test_le_commissaire_ajoute_un_texte_manquant(onglet: Any, textes_locaux_isoles: Path) -> None:
    from playwright.sync_api import expect  # after the fixture: skipped cleanly when absent

    page = onglet
    se_connecter(page, "demo-commissaire")
    page.goto("/parametres")
    page.get_by_role("link", name="Textes reproduits mot pour mot dans les actes →").click()
    ligne = page.locator("#textes tr", has_text="CPCE R212-1-5")
    expect(ligne).to_contain_text("manquant")
    page.get_by_label("Article", exact=True).select_option("CPCE R212-1-5")
    page.get_by_label("En vigueur à compter du").fill("2025-07-01")
    page.get_by_label("Texte de l'article").fill("Premier alinéa recopié.\n1° Premier point.")
    page.get_by_label("Adresse où le texte a été lu").fill(
        "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000051164000"
    )
    page.get_by_role("button", name="Ajouter le texte").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("status")).to_contain_text("Texte de CPCE R212-1-5 ajouté")
    expect(page.locator("#textes tr", has_text="CPCE R212-1-5")).to_contain_text("ajout local")
    capturer(page, "textes_reproduits")
    assert (textes_locaux_isoles / "cpce_r212_1_5.yaml").exists()
