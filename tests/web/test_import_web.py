"""Bulk import of a creditor's CSV from the web office (/import), all or nothing."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerc.office.models import Dossier, Partie
from clerc.web.routes.import_csv import EXEMPLE
from tests.web.conftest import FabriqueClient, csrf_de

FIXTURES = Path(__file__).parents[1] / "office" / "fixtures" / "import"
AUTORISES = ("commissaire_justice", "clerc_gestionnaire", "administrateur")
REFUSES = ("clerc_assistant", "stagiaire", "creancier_client")


def _compter(app_web: FastAPI) -> tuple[int, int]:
    with Session(app_web.state.moteur) as session:
        dossiers = session.scalar(select(func.count()).select_from(Dossier))
        parties = session.scalar(select(func.count()).select_from(Partie))
    return int(dossiers or 0), int(parties or 0)


def _envoyer(
    client: TestClient, contenu: bytes, *, simulation: bool = False, nom: str = "dossiers.csv"
) -> tuple[int, str]:
    donnees = {"csrf_token": csrf_de(client)}
    if simulation:
        donnees["simulation"] = "oui"
    reponse = client.post("/import", data=donnees, files={"fichier": (nom, contenu, "text/csv")})
    return reponse.status_code, html.unescape(reponse.text)


def _texte(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("role", AUTORISES + REFUSES)
def test_chaque_role_importe_selon_son_droit(
    client_pour: FabriqueClient, app_web: FastAPI, role: str
) -> None:
    client = client_pour(role)
    avant = _compter(app_web)
    page = client.get("/import")
    exemple = client.get("/import/exemple.csv")
    statut, _ = _envoyer(client, EXEMPLE.encode())
    if role in AUTORISES:
        assert page.status_code == exemple.status_code == statut == 200
        assert 'enctype="multipart/form-data"' in page.text
        assert _compter(app_web)[0] == avant[0] + 4
    else:
        assert page.status_code == exemple.status_code == statut == 403
        assert "importer des dossiers" in page.text
        assert _compter(app_web) == avant


def test_un_visiteur_non_connecte_est_renvoye_a_la_connexion(client_pour: FabriqueClient) -> None:
    client = client_pour(None)
    for chemin in ("/import", "/import/exemple.csv"):
        reponse = client.get(chemin, follow_redirects=False)
        assert reponse.status_code == 303
        assert reponse.headers["location"].startswith("/connexion")


def test_le_fichier_d_exemple_est_celui_de_la_documentation(client_pour: FabriqueClient) -> None:
    reponse = client_pour("clerc_gestionnaire").get("/import/exemple.csv")
    assert reponse.headers["content-type"].startswith("text/csv")
    assert "attachment" in reponse.headers["content-disposition"]
    documente = (FIXTURES / "bon_utf8.csv").read_text(encoding="utf-8-sig")
    assert reponse.text.replace("\r\n", "\n") == documente.replace("\r\n", "\n")


def test_un_fichier_valide_importe_ses_dossiers(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    client = client_pour("clerc_gestionnaire")
    avant = _compter(app_web)
    statut, page = _envoyer(client, EXEMPLE.encode())
    assert statut == 200
    texte = _texte(page)
    # four files (F-2026-002 has two debtors), one creditor and five debtors, three titles
    assert "Import terminé" in texte
    assert "4 dossier(s) , 6 partie(s), 3 titre(s)" in texte
    assert _compter(app_web) == (avant[0] + 4, avant[1] + 6)
    references = re.findall(r'<a href="/dossiers/(\d{4}-\d{6})">', page)
    assert len(references) == 4
    # each file is found by the search, under the creditor's reference
    for rang, reference in enumerate(references, start=1):
        assert reference in client.get(f"/dossiers?q=F-2026-00{rang}").text
    # sent again: nothing more is created, the four files are reported as already imported
    statut, page = _envoyer(client, EXEMPLE.encode())
    assert statut == 200 and "4 dossier(s) déjà importé(s), ignoré(s)" in _texte(page)
    assert _compter(app_web) == (avant[0] + 4, avant[1] + 6)


def test_une_seule_ligne_erronee_et_rien_n_est_importe(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    client = client_pour("commissaire_justice")
    lignes = EXEMPLE.split("\r\n")
    assert lignes[3].startswith("F-2026-002;;;;;personne_physique;Madame;Durand")
    lignes[3] = lignes[3].replace(";67000;", ";6700;")  # line 4 of the file: a bad postcode
    avant = _compter(app_web)
    statut, page = _envoyer(client, "\r\n".join(lignes).encode())
    assert statut == 422
    texte = _texte(page)
    assert "Import refusé" in texte and "1 ligne(s) en erreur : rien n'a été importé" in texte
    assert "4 debiteur_code_postal Code postal « 6700 » invalide (5 chiffres attendus)." in texte
    assert _compter(app_web) == avant


def test_le_rapport_donne_chaque_ligne_et_colonne_fautive_du_fichier_errone(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    client = client_pour("administrateur")
    avant = _compter(app_web)
    statut, page = _envoyer(client, (FIXTURES / "errone.csv").read_bytes(), nom="errone.csv")
    assert statut == 422
    lignes = re.findall(
        r"<tr><td>(\d+)</td><td>(?:<code>([a-z_0-9]+)</code>|—)</td><td>([^<]+)</td></tr>", page
    )
    # the report of docs/import_csv.md, line by line
    assert [(int(n), colonne) for n, colonne, _ in lignes] == [
        (3, "creancier_siren"),
        (4, "titre_date"),
        (5, "principal"),
        (6, ""),
        (7, "taux"),
        (8, "nature"),
        (9, "debiteur_code_postal"),
    ]
    messages = dict((int(n), m) for n, _, m in lignes)
    assert messages[3].startswith("SIREN « 412345671 » invalide : clé de contrôle fausse")
    assert messages[4] == "Date impossible « 31/02/2025 »."
    assert messages[6] == "11 valeurs pour 16 colonnes (valeurs manquantes)."
    assert "7 ligne(s) en erreur" in _texte(page)
    assert _compter(app_web) == avant


def test_la_simulation_verifie_sans_rien_enregistrer(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    client = client_pour("clerc_gestionnaire")
    avant = _compter(app_web)
    statut, page = _envoyer(client, EXEMPLE.encode(), simulation=True)
    assert statut == 200
    texte = _texte(page)
    assert "Simulation : rien n'a été enregistré" in texte
    assert "L'import créerait 4 dossier(s)" in texte
    assert "/dossiers/" not in page.split('id="rapport"')[1].split("</section>")[0]
    assert _compter(app_web) == avant
    assert 'id="simulation" name="simulation" value="oui" checked' in page


def test_un_envoi_sans_fichier_est_signale_a_cote_du_champ(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    client = client_pour("clerc_gestionnaire")
    reponse = client.post("/import", data={"csrf_token": csrf_de(client)})
    assert reponse.status_code == 422
    assert 'aria-invalid="true" aria-describedby="fichier-erreur"' in reponse.text
    assert "Choisissez un fichier CSV" in reponse.text
    statut, page = _envoyer(client, b"")
    assert statut == 422 and "Choisissez un fichier CSV" in page


def test_un_envoi_sans_jeton_csrf_est_refuse(client_pour: FabriqueClient, app_web: FastAPI) -> None:
    client = client_pour("clerc_gestionnaire")
    avant = _compter(app_web)
    reponse = client.post("/import", data={"simulation": "oui"})
    assert reponse.status_code == 403
    assert _compter(app_web) == avant


def test_la_page_d_import_documente_les_colonnes(client_pour: FabriqueClient) -> None:
    page = client_pour("clerc_gestionnaire").get("/import").text
    assert '<a href="/import/exemple.csv" download>' in page
    for colonne in ("reference_mandant", "creancier_siren", "debiteur_code_postal", "depens"):
        assert f"<code>{colonne}</code>" in page
    assert 'for="fichier"' in page and 'for="simulation"' in page
