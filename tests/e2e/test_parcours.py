"""A clerc's day in the browser: log in, find a file, read it (and the pages kept as
screenshots)."""

from __future__ import annotations

import csv
import io
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


def test_paiement_puis_acte_redige_controle_signe_et_telecharge(onglet: Any) -> None:
    """The commissaire posts a payment received on a file, drafts the notice of receipt to
    the creditor, sees it conforming, signs it and downloads the signed PDF/A."""
    from playwright.sync_api import expect

    page = onglet
    se_connecter(page, "demo-commissaire")
    page.goto("/dossiers/2026-000003")
    page.wait_for_selector("#form-paiement")
    formulaire = page.locator("#form-paiement")
    formulaire.get_by_label("Date").fill("2026-11-30")
    formulaire.get_by_label("Montant reçu (€)").fill("150,00")
    formulaire.get_by_role("button", name="Enregistrer le paiement").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("Paiement enregistré.")).to_be_visible()
    expect(page.locator("#paiements")).to_contain_text("150,00")
    capturer(page, "dossier_apres_paiement")

    page.wait_for_selector("#rediger-acte")
    page.locator("#nouveau-type").select_option("lettre_avis_encaissement_creancier")
    page.get_by_role("button", name="Rédiger et contrôler").click()
    page.wait_for_load_state("networkidle")
    assert re.search(r"/actes/\d+(\?|$)", page.url)
    expect(page.get_by_text("Conforme", exact=False).first).to_be_visible()
    capturer(page, "acte_brouillon")
    page.locator("#bouton-signer").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("link", name="PDF/A signé")).to_be_visible()
    capturer(page, "acte_signe")
    with page.expect_download() as attente:
        page.get_by_role("link", name="DOCX modifiable").click()
    assert attente.value.suggested_filename.endswith(".docx")
    reponse = page.request.get(page.get_by_role("link", name="PDF/A signé").get_attribute("href"))
    assert reponse.ok and reponse.body().startswith(b"%PDF")

    page.goto("/repertoire")
    expect(page.locator("main")).to_contain_text("Avis d'encaissement au créancier")


def test_import_d_un_csv_avec_une_erreur_montre_le_rapport(onglet: Any, tmp_path: Any) -> None:
    from playwright.sync_api import expect

    page = onglet
    se_connecter(page, "demo-clerc")
    page.goto("/import")
    exemple = page.request.get("/import/exemple.csv").text().lstrip("\ufeff")
    lignes = list(csv.reader(io.StringIO(exemple), delimiter=";"))
    # Line 3 of the file (second data line): an impossible postcode.
    lignes[2][lignes[0].index("debiteur_code_postal")] = "6700"
    fichier = tmp_path / "dossiers.csv"
    with fichier.open("w", encoding="utf-8", newline="") as sortie:
        csv.writer(sortie, delimiter=";").writerows(lignes)
    page.get_by_label(re.compile("Fichier CSV")).set_input_files(str(fichier))
    page.get_by_role("button", name="Importer").click()
    page.wait_for_load_state("networkidle")
    rapport = page.locator("#rapport")
    expect(rapport).to_contain_text("6700")
    expect(rapport).to_contain_text("3")
    capturer(page, "import_erreurs")


def test_du_nouveau_dossier_au_reversement_dans_le_navigateur(onglet: Any) -> None:
    """Intake to payout, as a new user would: the clerc gestionnaire opens a file for a
    judgment served, sees the engine's analysis while typing, opens the file, posts the
    debtor's transfer and pays it out to the creditor: nothing held afterwards."""
    from playwright.sync_api import expect

    page = onglet
    se_connecter(page, "demo-clerc")
    page.goto("/dossiers/nouveau")
    page.locator("#creancier_id").select_option(index=1)
    page.locator("#reference_mandant").fill("E2E-0001")
    page.locator("#d0_nom").fill("Parcours")
    page.locator("#d0_prenoms").fill("Camille")
    page.locator("#d0_adresse").fill("3 rue de la Paix")
    page.locator("#d0_code_postal").fill("75002")
    page.locator("#d0_commune").fill("Paris")
    page.locator("#titre_type").select_option("decision_justice")
    page.locator("#titre_date").fill("2026-06-15")
    page.locator("#titre_juridiction").fill("Tribunal judiciaire de Paris")
    page.locator("#titre_numero").fill("RG 26/01234")
    page.locator("#titre_date_signification").fill("2026-07-01")
    page.locator("#titre_date_force_executoire").fill("2026-08-03")
    page.locator("#titre_formule_executoire").check()
    page.locator("#l0_montant").fill("2 400,00")
    page.locator("#l0_montant").blur()
    # The analysis appears beside the form while it is filled (HTMX, nothing saved): the
    # judgment served on 1 July is enforceable, the décompte at today is computed.
    analyse = page.locator("#analyse-brouillon")
    expect(analyse).to_contain_text("Analyse au 30/11/2026", timeout=15_000)
    expect(analyse.locator(".alerte-ok").first).to_contain_text("exécutoire")
    expect(analyse).to_contain_text("2 400,00")
    capturer(page, "nouveau_dossier")
    page.get_by_role("button", name="Ouvrir le dossier").click()
    page.wait_for_load_state("networkidle")
    assert re.search(r"/dossiers/\d{4}-\d{6}", page.url), page.url
    expect(page.locator("h1")).to_contain_text("Dossier")

    formulaire = page.locator("#form-paiement")
    formulaire.get_by_label("Date").fill("2026-11-30")
    formulaire.get_by_label("Montant reçu (€)").fill("500,00")
    formulaire.get_by_role("button", name="Enregistrer le paiement").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("Paiement enregistré.")).to_be_visible()
    reversement = page.locator("#form-reversement")
    reversement.get_by_role("button", name="Reverser au créancier").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("#paiements")).to_contain_text("Détenu pour le créancier")
    capturer(page, "dossier_apres_reversement")
    expect(page.locator("#resume")).to_contain_text("0,00 €")
