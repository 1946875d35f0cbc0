"""A clerc's day in the browser: log in, find a file, read it (and the pages kept as
screenshots)."""

from __future__ import annotations

import re
from typing import Any

from clerc.office.services.utilisateurs import MOT_DE_PASSE_DEMO
from tests.e2e.conftest import capturer


def se_connecter(page: Any, identifiant: str) -> None:
    page.goto("/connexion")
    page.get_by_label("Identifiant").fill(identifiant)
    page.get_by_label("Mot de passe").fill(MOT_DE_PASSE_DEMO)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state("networkidle")


def test_connexion_recherche_et_lecture_d_un_dossier(onglet: Any) -> None:
    from playwright.sync_api import expect  # after the fixture: skipped cleanly when absent

    page = onglet
    page.goto("/")
    assert "/connexion" in page.url
    capturer(page, "connexion")
    se_connecter(page, "demo-clerc")
    assert page.get_by_role("heading", name=re.compile("Tableau de bord")).is_visible()
    capturer(page, "tableau_de_bord")

    page.get_by_role("link", name="Dossiers", exact=True).click()
    page.wait_for_load_state("networkidle")
    premier = page.locator("#resultats table tbody tr").first.locator("a").first
    reference = premier.inner_text()
    # Typing in the search box updates the list through HTMX, without reloading the page.
    page.get_by_label(re.compile("Rechercher")).fill(reference)
    expect(page.locator("#resultats tbody tr")).to_have_count(1)
    assert "q=" in page.url  # hx-push-url keeps the search in the address bar
    capturer(page, "dossiers")
    page.locator("#resultats").get_by_role("link", name=reference).click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name=re.compile(f"Dossier {reference}")).is_visible()
    # The live décompte is loaded by HTMX (its table says "Décompte au ...").
    page.wait_for_selector("#decompte table")
    capturer(page, "dossier")


def test_le_creancier_ne_voit_que_ses_dossiers_dans_le_navigateur(onglet: Any) -> None:
    page = onglet
    se_connecter(page, "demo-creancier")
    assert page.url.endswith("/dossiers")
    lignes = page.locator("#resultats tbody tr")
    assert lignes.count() >= 1
    creanciers = {lignes.nth(i).locator("td").nth(1).inner_text() for i in range(lignes.count())}
    assert len(creanciers) == 1
