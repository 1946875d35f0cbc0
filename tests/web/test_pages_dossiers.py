"""The dashboard, the list of files and a file's page, for the office and for a creditor."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.orm import Session

from clerc.office.models import Dossier, Utilisateur
from tests.web.conftest import FabriqueClient


def _references(html: str) -> list[str]:
    return re.findall(r'href="/dossiers/(\d{4}-\d{6})"', html)


def _dossiers_du_creancier(app_web: FastAPI) -> tuple[set[str], set[str]]:
    with Session(app_web.state.moteur) as session:
        creancier = session.scalar(
            select(Utilisateur.creancier_id).where(Utilisateur.identifiant == "demo-creancier")
        )
        lignes = session.execute(select(Dossier.reference, Dossier.creancier_id)).all()
    siens = {r for r, c in lignes if c == creancier}
    autres = {r for r, c in lignes if c != creancier}
    return siens, autres


def test_le_tableau_de_bord_montre_agenda_fonds_et_indicateurs(client_pour: FabriqueClient) -> None:
    html = client_pour("commissaire_justice").get("/").text
    for attendu in ("Agenda", "Fonds détenus", "C. com. R444-56", "Dossiers par statut", "<svg"):
        assert attendu in html


def test_la_liste_des_dossiers_est_paginee_et_filtrable(client_pour: FabriqueClient) -> None:
    client = client_pour("clerc_gestionnaire")
    html = client.get("/dossiers").text
    assert "40 dossiers" in html and "Page 1 sur 2" in html
    assert len(set(_references(html))) == 25
    suite = client.get("/dossiers?q=&statut=&page=2").text
    assert len(set(_references(suite))) == 15
    clos = client.get("/dossiers?statut=clos").text
    assert "Page 1 sur" not in clos or "dossier" in clos
    fragment = client.get("/dossiers?q=", headers={"HX-Request": "true"}).text
    assert "<html" not in fragment and "dossiers" in fragment


def test_la_page_d_un_dossier_montre_decompte_analyse_et_historique(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    client = client_pour("clerc_gestionnaire")
    reference = _references(client.get("/dossiers").text)[0]
    html = client.get(f"/dossiers/{reference}").text
    for attendu in ("Résumé", "Parties", "Titre", "Décompte", "Historique", "Fiche d'analyse"):
        assert attendu in html
    decompte = client.get(
        f"/dossiers/{reference}/decompte?au=2026-11-30", headers={"HX-Request": "true"}
    )
    assert decompte.status_code == 200 and "<html" not in decompte.text


def test_un_dossier_inconnu_donne_une_erreur_404_en_francais(client_pour: FabriqueClient) -> None:
    reponse = client_pour("clerc_gestionnaire").get("/dossiers/2099-999999")
    assert reponse.status_code == 404
    assert "introuvable" in reponse.text


def test_le_creancier_client_ne_voit_que_ses_dossiers(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    siens, autres = _dossiers_du_creancier(app_web)
    assert siens and autres
    client = client_pour("creancier_client")
    assert client.get("/", follow_redirects=False).headers["location"] == "/dossiers"
    listes = set(_references(client.get("/dossiers").text))
    assert listes and listes <= siens
    for reference in list(autres)[:5]:
        assert client.get(f"/dossiers/{reference}").status_code == 404
        assert client.get(f"/dossiers/{reference}/decompte").status_code == 404
    page = client.get(f"/dossiers/{sorted(siens)[0]}").text
    assert "Fiche d'analyse" not in page  # the office's analysis is not shown to the creditor


def test_le_journal_d_audit_du_dossier_montre_qui_a_fait_quoi(
    client_pour: FabriqueClient,
) -> None:
    commissaire = client_pour("commissaire_justice")
    reference = _references(commissaire.get("/dossiers").text)[0]
    html = commissaire.get(f"/dossiers/{reference}/journal").text
    assert "Journal d'audit du dossier" in html
    # The synthetic office records its bulk generation; a payment posted appears by name.
    jeton = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert jeton
    reponse = commissaire.post(
        f"/dossiers/{reference}/paiements",
        data={
            "date": "2026-11-30",
            "montant": "10,00",
            "mode": "virement",
            "origine": "debiteur",
            "csrf_token": jeton.group(1),
        },
        follow_redirects=False,
    )
    assert reponse.status_code == 303, reponse.text
    journal = commissaire.get(f"/dossiers/{reference}/journal").text
    assert "demo-commissaire" in journal and "paiement n°" in journal
    assert "enregistrer_paiement" in journal
    for role in ("clerc_gestionnaire", "stagiaire", "creancier_client"):
        assert client_pour(role).get(f"/dossiers/{reference}/journal").status_code in (403, 404)
    assert client_pour("administrateur").get(f"/dossiers/{reference}/journal").status_code == 200


def test_un_document_joint_au_dossier_se_telecharge_tel_quel(client_pour: FabriqueClient) -> None:
    clerc = client_pour("clerc_assistant")
    page = clerc.get("/dossiers/2026-000003").text
    assert 'id="documents"' in page and "Joindre un document" in page
    jeton = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert jeton
    contenu = b"%PDF-1.4 courrier du debiteur"
    reponse = clerc.post(
        "/dossiers/2026-000003/documents",
        data={"csrf_token": jeton.group(1)},
        files={"fichier": ("lettre débiteur.pdf", contenu, "application/pdf")},
        follow_redirects=False,
    )
    assert reponse.status_code == 303
    page = clerc.get("/dossiers/2026-000003?fait=document").text
    numero = re.search(r'href="/documents/(\d+)">lettre débiteur.pdf', page)
    assert numero and "Document joint." in page
    telecharge = clerc.get(f"/documents/{numero.group(1)}")
    assert telecharge.content == contenu
    assert telecharge.headers["content-disposition"].startswith("attachment;")
    refuse = clerc.post(
        "/dossiers/2026-000003/documents",
        data={"csrf_token": jeton.group(1)},
        files={"fichier": ("outil.exe", b"MZ", "application/octet-stream")},
    )
    assert refuse.status_code == 422 and "Type de document non accepté" in refuse.text
    assert client_pour("creancier_client").get(f"/documents/{numero.group(1)}").status_code == 403
    lecteur = client_pour("administrateur")
    assert lecteur.get(f"/documents/{numero.group(1)}").status_code == 200
    assert "Joindre un document" not in lecteur.get("/dossiers/2026-000003").text


def test_les_chiffres_du_tableau_de_bord_sont_gardes_une_minute(
    client_pour: FabriqueClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerc.web.routes import accueil

    appels: list[int] = []
    calcul = accueil.tableau_de_bord

    def compter(contexte: object, au: object) -> object:
        appels.append(1)
        return calcul(contexte, au)  # type: ignore[arg-type]

    monkeypatch.setattr(accueil, "tableau_de_bord", compter)
    client = client_pour("clerc_gestionnaire")
    assert client.get("/").status_code == 200
    assert client.get("/").status_code == 200
    assert len(appels) == 1  # the second page reuses the figures
    plus_tard = accueil.horloge() + accueil.DUREE_CACHE_TABLEAU + 1
    monkeypatch.setattr(accueil, "horloge", lambda: plus_tard)
    assert client.get("/").status_code == 200
    assert len(appels) == 2  # a minute later they are computed again
