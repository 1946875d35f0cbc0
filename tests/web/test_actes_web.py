"""The act workflow in the browser: draft, findings, preview, correction, signature, service,
répertoire; each role against each route; a creditor never reaching another creditor's act.

Demo office of tests/web/conftest.py (40 files, seed 1, 30 November 2026). Files used:
2026-000003 (creditor of demo-creancier, a payment received: the notice of receipt to the
creditor conforms), 2026-000001 (another creditor, same letter conforms), 2026-000005
(demo-creancier's creditor, titre signified: a commandement aux fins de saisie-vente served
"à personne" conforms once the saisie-vente is started).
"""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

import httpx
import pytest
from docx import Document
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from clerc.office.models import Acte, Dossier, Utilisateur
from clerc.office.services import procedures
from clerc.office.services.etudes import contexte
from tests.web.conftest import AU, FabriqueClient, csrf_de

LETTRE = "lettre_avis_encaissement_creancier"
COMMANDEMENT = "commandement_saisie_vente"
SIEN = "2026-000003"  # demo-creancier's creditor
AUTRE = "2026-000001"  # another creditor
SAISIE_VENTE = "2026-000005"  # demo-creancier's creditor
ROLES_BUREAU = ("commissaire_justice", "clerc_gestionnaire", "clerc_assistant", "stagiaire")
TOUS = (*ROLES_BUREAU, "administrateur", "creancier_client")


@pytest.fixture(autouse=True)
def _documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Signed PDFs stored in the test's directory; signed by hand (no certificate)."""
    monkeypatch.setenv("CLERC_DONNEES", str(tmp_path / "donnees"))
    for variable in ("CLERC_CERTIFICAT", "CLERC_CERTIFICAT_MOT_DE_PASSE", "CLERC_HORODATAGE_URL"):
        monkeypatch.delenv(variable, raising=False)


def _rediger(client: TestClient, reference: str, type_: str, **champs: str) -> int:
    donnees = {"csrf_token": csrf_de(client), "type": type_, "jour": AU.isoformat(), **champs}
    reponse = client.post(f"/dossiers/{reference}/actes", data=donnees, follow_redirects=False)
    assert reponse.status_code == 303, reponse.text
    trouve = re.fullmatch(r"/actes/(\d+)\?fait=redige", reponse.headers["location"])
    assert trouve, reponse.headers["location"]
    return int(trouve.group(1))


def _poster(client: TestClient, chemin: str, **donnees: str) -> httpx.Response:
    return client.post(
        chemin, data={"csrf_token": csrf_de(client), **donnees}, follow_redirects=False
    )


def _signer(client: TestClient, acte: int) -> None:
    reponse = client.post(
        f"/actes/{acte}/signer", data={"csrf_token": csrf_de(client)}, follow_redirects=False
    )
    assert reponse.status_code == 303 and reponse.headers["location"] == f"/actes/{acte}?fait=signe"


def _acte(app_web: FastAPI, acte: int) -> Acte:
    with Session(app_web.state.moteur) as session:
        trouve = session.get(Acte, acte)
        assert trouve is not None
        session.expunge(trouve)
        return trouve


def _creancier_du(app_web: FastAPI, reference: str) -> int:
    with Session(app_web.state.moteur) as session:
        creancier = session.scalar(
            select(Dossier.creancier_id).where(Dossier.reference == reference)
        )
        assert creancier is not None
        return creancier


def _creancier_connecte(app_web: FastAPI) -> int | None:
    with Session(app_web.state.moteur) as session:
        return session.scalar(
            select(Utilisateur.creancier_id).where(Utilisateur.identifiant == "demo-creancier")
        )


def _demarrer_saisie_vente(app_web: FastAPI) -> None:
    etude = contexte(app_web.state.moteur, "DEMO", "demo-commissaire")
    procedures.demarrer(etude, SAISIE_VENTE, "saisie_vente", AU)


def test_les_fichiers_du_scenario_sont_ceux_attendus(app_web: FastAPI) -> None:
    creancier = _creancier_connecte(app_web)
    assert _creancier_du(app_web, SIEN) == creancier
    assert _creancier_du(app_web, SAISIE_VENTE) == creancier
    assert _creancier_du(app_web, AUTRE) != creancier


# --- the acts of a file -----------------------------------------------------------------------


def test_la_section_actes_du_dossier_charge_la_liste_en_htmx(client_pour: FabriqueClient) -> None:
    client = client_pour("clerc_gestionnaire")
    html = client.get(f"/dossiers/{SIEN}").text
    assert f'hx-get="/dossiers/{SIEN}/actes"' in html
    assert f'href="/dossiers/{SIEN}/actes"' in html  # without JavaScript: a page
    fragment = client.get(f"/dossiers/{SIEN}/actes", headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert 'id="actes-du-dossier"' in fragment.text and "Aucun acte." in fragment.text
    page = client.get(f"/dossiers/{SIEN}/actes")
    assert "<html" in page.text and "Rédiger un acte ou une lettre" in page.text
    # Types grouped as acts and letters
    assert '<optgroup label="Actes">' in page.text and '<optgroup label="Lettres">' in page.text


@pytest.mark.parametrize("role", TOUS)
def test_chaque_role_voit_les_actes_du_dossier_selon_ses_droits(
    client_pour: FabriqueClient, role: str
) -> None:
    reponse = client_pour(role).get(f"/dossiers/{SIEN}/actes")
    assert reponse.status_code == 200
    formulaire = 'action="/dossiers/2026-000003/actes"' in reponse.text
    assert formulaire == (role in ROLES_BUREAU)
    assert ('href="/repertoire"' in reponse.text) == (role != "creancier_client")


def test_un_anonyme_est_renvoye_a_la_connexion(client_pour: FabriqueClient) -> None:
    anonyme = client_pour(None)
    for chemin in (f"/dossiers/{SIEN}/actes", "/actes/1", "/actes/1/pdf", "/repertoire"):
        reponse = anonyme.get(chemin, follow_redirects=False)
        assert reponse.status_code == 303
        assert reponse.headers["location"].startswith("/connexion?suite=")
    jeton = re.search(r'name="csrf_token" value="([^"]+)"', anonyme.get("/connexion").text)
    assert jeton
    reponse = anonyme.post(
        f"/dossiers/{SIEN}/actes",
        data={"csrf_token": jeton.group(1), "type": LETTRE, "jour": AU.isoformat()},
        follow_redirects=False,
    )
    assert reponse.status_code == 303 and reponse.headers["location"].startswith("/connexion")


@pytest.mark.parametrize("role", TOUS)
def test_seuls_les_roles_qui_redigent_creent_un_acte(
    client_pour: FabriqueClient, role: str
) -> None:
    client = client_pour(role)
    donnees = {"csrf_token": csrf_de(client), "type": LETTRE, "jour": AU.isoformat()}
    reponse = client.post(f"/dossiers/{SIEN}/actes", data=donnees, follow_redirects=False)
    if role in ROLES_BUREAU:
        assert reponse.status_code == 303
        assert re.fullmatch(r"/actes/\d+\?fait=redige", reponse.headers["location"])
    else:
        assert reponse.status_code == 403
        assert "rédiger un acte" in reponse.text


def test_un_formulaire_faux_est_rendu_avec_les_erreurs_a_cote_des_champs(
    client_pour: FabriqueClient,
) -> None:
    client = client_pour("clerc_gestionnaire")
    reponse = client.post(
        f"/dossiers/{SIEN}/actes",
        data={
            "csrf_token": csrf_de(client),
            "type": "",
            "jour": "2026-02-30",
            "heure": "25:61",
            "champs": "juridiction_contestation\nsignifie_le=demain",
            "diligences": "texte gardé",
        },
    )
    assert reponse.status_code == 422
    html = reponse.text
    assert 'id="nouveau-type-erreur"' in html and "Choisissez le type" in html
    assert 'aria-describedby="nouveau-jour-erreur"' in html and 'value="2026-02-30"' in html
    assert 'id="nouveau-heure-erreur"' in html
    assert "attendu cle=valeur" in html and 'aria-invalid="true"' in html
    assert "texte gardé" in html  # the user's input is kept
    with Session(client.app.state.moteur) as session:
        assert session.scalar(select(Acte.id).limit(1)) is None


def test_un_refus_du_service_est_montre_dans_le_formulaire(client_pour: FabriqueClient) -> None:
    client = client_pour("clerc_gestionnaire")
    reponse = client.post(
        f"/dossiers/{SIEN}/actes",
        data={
            "csrf_token": csrf_de(client),
            "type": COMMANDEMENT,
            "jour": AU.isoformat(),
            "destinataire": "4",
        },
    )
    assert reponse.status_code == 422
    assert "Destinataire n° 5 inconnu" in reponse.text
    assert COMMANDEMENT in reponse.text  # the type chosen stays selected
    assert f'<option value="{COMMANDEMENT}" selected>' in reponse.text


# --- findings, signature, correction, service -------------------------------------------------


def test_un_brouillon_avec_constats_ne_peut_pas_etre_signe(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    _demarrer_saisie_vente(app_web)
    commissaire = client_pour("commissaire_justice")
    acte = _rediger(
        commissaire, SAISIE_VENTE, COMMANDEMENT, heure="10:00", mode="domicile",
        personne_presente="Mme Martin, son épouse",
    )  # fmt: skip
    html = commissaire.get(f"/actes/{acte}").text
    assert "1 constat</strong>" in html
    assert "diligences accomplies non relatées" in html and "CPC 654 à 659" in html
    assert "nullité pour vice de forme" in html
    assert 'id="bouton-signer"' not in html and "Signature impossible" in html
    reponse = commissaire.post(f"/actes/{acte}/signer", data={"csrf_token": csrf_de(commissaire)})
    assert reponse.status_code == 409
    assert 'id="refus-signature"' in reponse.text and "non signé : 1 constat(s)" in reponse.text
    enregistre = _acte(app_web, acte)
    assert enregistre.statut == "brouillon" and enregistre.numero_repertoire is None


def test_la_correction_leve_le_constat_puis_le_commissaire_signe_et_signifie(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    _demarrer_saisie_vente(app_web)
    commissaire = client_pour("commissaire_justice")
    brouillon = _rediger(
        commissaire, SAISIE_VENTE, COMMANDEMENT, heure="10:00", mode="domicile",
        personne_presente="Mme Martin, son épouse",
    )  # fmt: skip
    page = commissaire.get(f"/actes/{brouillon}").text
    assert 'value="Mme Martin, son épouse"' in page  # the correction form is pre-filled
    reponse = _poster(
        commissaire, f"/actes/{brouillon}/corriger", jour=AU.isoformat(), heure="10:00",
        mode="domicile", personne_presente="Mme Martin, son épouse",
        diligences="Nom sur la boîte aux lettres ; domicile confirmé par la personne présente.",
    )  # fmt: skip
    assert reponse.status_code == 303
    lieu = reponse.headers["location"]
    trouve = re.fullmatch(r"/actes/(\d+)\?fait=corrige", lieu)
    assert trouve
    acte = int(trouve.group(1))
    assert _acte(app_web, brouillon).statut == "remplace"
    nouveau = _acte(app_web, acte)
    assert nouveau.version == 2 and nouveau.remplace_id == brouillon
    assert nouveau.statut == "verifie" and nouveau.constats == []
    html = commissaire.get(lieu).text
    assert "Nouvelle version rédigée" in html and 'id="conforme"' in html
    assert 'id="bouton-signer"' in html
    # The replaced draft cannot be corrected nor signed any more
    assert (
        _poster(commissaire, f"/actes/{brouillon}/corriger", jour=AU.isoformat()).status_code == 409
    )
    assert _poster(commissaire, f"/actes/{brouillon}/signer").status_code == 409

    _signer(commissaire, acte)
    signe = _acte(app_web, acte)
    assert signe.statut == "signe" and signe.numero_repertoire == 1
    assert signe.cout_ttc is not None and signe.cout_ttc > 0
    html = commissaire.get(f"/actes/{acte}").text
    assert "2026-000001" in html and "PDF/A signé" in html and 'id="signification"' in html
    # A service dated before the act is refused next to the field
    reponse = _poster(commissaire, f"/actes/{acte}/signifier", signifie_le="2026-11-01")
    assert reponse.status_code == 422
    texte = reponse.text
    assert 'id="signifie_le-erreur"' in texte and "avant l&#39;acte du 2026-11-30" in texte
    assert 'value="2026-11-01"' in texte
    reponse = _poster(commissaire, f"/actes/{acte}/signifier", signifie_le="2026-11-30")
    assert reponse.headers["location"] == f"/actes/{acte}?fait=signifie"
    assert _acte(app_web, acte).statut == "signifie"
    # The répertoire lists it with its number and the cost charged (the tariff's figure)
    repertoire = commissaire.get("/repertoire?annee=2026").text
    cout = f"{signe.cout_ttc:.2f}".replace(".", ",")
    assert (
        "2026-000001" in repertoire
        and "Commandement de payer aux fins de saisie-vente" in repertoire
    )
    assert cout in repertoire.replace("\u202f", " ").replace("\xa0", " ")


def test_le_commissaire_signe_un_acte_conforme_et_telecharge_pdf_et_docx(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    commissaire = client_pour("commissaire_justice")
    acte = _rediger(commissaire, SIEN, LETTRE)
    html = commissaire.get(f"/actes/{acte}?fait=redige").text
    assert "Acte rédigé et contrôlé." in html and 'id="conforme"' in html
    apercu = commissaire.get(f"/actes/{acte}/pdf")
    assert apercu.status_code == 200 and apercu.content.startswith(b"%PDF")
    assert apercu.headers["content-disposition"].startswith("inline;")
    _signer(commissaire, acte)
    signe = _acte(app_web, acte)
    assert signe.statut == "signe" and signe.sha256
    assert (signe.annee_repertoire, signe.numero_repertoire) == (2026, 1)
    pdf = commissaire.get(f"/actes/{acte}/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"] == (
        f'inline; filename="{SIEN}-{LETTRE}-{acte}-rep2026-000001.pdf"'
    )
    assert hashlib.sha256(pdf.content).hexdigest() == signe.sha256  # the stored PDF/A
    docx = commissaire.get(f"/actes/{acte}/docx")
    assert docx.status_code == 200 and docx.headers["content-disposition"].startswith("attachment;")
    texte = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert SIEN in texte or "encaissé" in texte
    # The list of the file and the répertoire show it with its number
    liste = commissaire.get(f"/dossiers/{SIEN}/actes", headers={"HX-Request": "true"}).text
    assert "2026-000001" in liste and "Signé" in liste
    repertoire = commissaire.get("/repertoire").text  # the office's year by default
    assert "2026-000001" in repertoire and "Avis d&#39;encaissement au créancier" in repertoire
    assert "1 acte signé en 2026" in repertoire
    csv = commissaire.get("/repertoire.csv?annee=2026")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    lignes = csv.content.decode("utf-8-sig").splitlines()
    assert lignes[0].startswith("numero;date;nature;dossier")
    assert lignes[1].startswith(f"2026-000001;2026-11-30;Avis d'encaissement au créancier;{SIEN};")
    rep_pdf = commissaire.get("/repertoire.pdf?annee=2026")
    assert rep_pdf.status_code == 200 and rep_pdf.content.startswith(b"%PDF")
    assert "Aucun acte signé en 2025" in commissaire.get("/repertoire?annee=2025").text


def test_le_stagiaire_redige_et_controle_mais_ne_signe_pas(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    stagiaire = client_pour("stagiaire")
    acte = _rediger(stagiaire, SIEN, LETTRE)
    html = stagiaire.get(f"/actes/{acte}").text
    assert 'id="conforme"' in html and 'id="bouton-signer"' not in html
    assert "Seul un commissaire de justice" in html
    verifie = _poster(stagiaire, f"/actes/{acte}/verifier")
    assert verifie.status_code == 303
    refus = _poster(stagiaire, f"/actes/{acte}/signer")
    assert refus.status_code == 403 and "signer un acte" in refus.text
    assert _acte(app_web, acte).statut == "verifie"
    _signer(client_pour("commissaire_justice"), acte)
    refus = _poster(stagiaire, f"/actes/{acte}/signifier", signifie_le="2026-11-30")
    assert refus.status_code == 403


# --- rights on each route ---------------------------------------------------------------------


@pytest.mark.parametrize("role", TOUS)
def test_chaque_role_contre_chaque_route_d_un_acte(
    client_pour: FabriqueClient, app_web: FastAPI, role: str
) -> None:
    commissaire = client_pour("commissaire_justice")
    brouillon = _rediger(commissaire, SIEN, LETTRE)
    signe = _rediger(commissaire, SIEN, "lettre_compte_rendu_creancier")
    _signer(commissaire, signe)
    client = client_pour(role)
    bureau = role != "creancier_client"
    attendu_lecture = 200 if bureau else 404  # a creditor never sees a draft
    assert client.get(f"/actes/{brouillon}").status_code == attendu_lecture
    assert client.get(f"/actes/{brouillon}/pdf").status_code == attendu_lecture
    assert client.get(f"/actes/{signe}").status_code == 200
    assert client.get(f"/actes/{signe}/pdf").status_code == 200
    assert client.get(f"/actes/{signe}/docx").status_code == (200 if bureau else 403)
    for chemin in ("/repertoire", "/repertoire.csv", "/repertoire.pdf"):
        assert client.get(chemin).status_code == (200 if bureau else 403)
    redige = role in ROLES_BUREAU
    assert _poster(client, f"/actes/{brouillon}/verifier").status_code == (303 if redige else 403)
    corrige = _poster(client, f"/actes/{brouillon}/corriger", jour=AU.isoformat())
    assert corrige.status_code == (303 if redige else 403)
    signataire = role == "commissaire_justice"
    nouveau = _rediger(commissaire, SIEN, "lettre_recu_paiement")
    assert _poster(client, f"/actes/{nouveau}/signer").status_code == (303 if signataire else 403)
    # A letter is not served: the commissaire's refusal is shown next to the date
    signifie = _poster(client, f"/actes/{signe}/signifier", signifie_le=AU.isoformat())
    assert signifie.status_code == (422 if signataire else 403)
    if signataire:
        assert "une lettre ne se signifie pas" in signifie.text


def test_le_creancier_ne_voit_que_les_actes_signes_de_ses_dossiers(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    commissaire = client_pour("commissaire_justice")
    sien_signe = _rediger(commissaire, SIEN, LETTRE)
    _signer(commissaire, sien_signe)
    sien_brouillon = _rediger(commissaire, SIEN, "lettre_compte_rendu_creancier")
    autre_signe = _rediger(commissaire, AUTRE, LETTRE)
    _signer(commissaire, autre_signe)
    creancier = client_pour("creancier_client")
    liste = creancier.get(f"/dossiers/{SIEN}/actes").text
    assert f'href="/actes/{sien_signe}"' in liste and f'href="/actes/{sien_brouillon}"' not in liste
    assert "Actes signés du dossier" in liste and "Rédiger" not in liste
    page = creancier.get(f"/actes/{sien_signe}")
    assert page.status_code == 200 and "PDF/A signé" in page.text
    assert "/docx" not in page.text and "Signer" not in page.text and "Corriger" not in page.text
    pdf = creancier.get(f"/actes/{sien_signe}/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert creancier.get(f"/actes/{sien_brouillon}").status_code == 404
    for chemin in (
        f"/actes/{autre_signe}",
        f"/actes/{autre_signe}/pdf",
        f"/dossiers/{AUTRE}/actes",
    ):
        reponse = creancier.get(chemin)
        assert reponse.status_code == 404 and "introuvable" in reponse.text
    assert creancier.get(f"/actes/{autre_signe}/docx").status_code == 403
    assert creancier.get("/repertoire").status_code == 403


def test_un_acte_inconnu_donne_une_page_404(client_pour: FabriqueClient) -> None:
    reponse = client_pour("clerc_gestionnaire").get("/actes/999999")
    assert reponse.status_code == 404 and "Acte n° 999999 introuvable" in reponse.text


def test_un_constat_de_texte_ou_de_tarif_mene_la_ou_l_etude_l_ajoute(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    # The wage-seizure commandement of 30 November 2026: R212-1-5 and R212-1-6 are not shipped,
    # and the base émolument of n° 97-1 (A444-22-1) is unknown: each finding links to the page
    # where the office adds it, for the roles that may.
    etude = contexte(app_web.state.moteur, "DEMO", "demo-commissaire")
    procedures.demarrer(etude, SIEN, "saisie_remunerations", AU)
    commissaire = client_pour("commissaire_justice")
    acte = _rediger(
        commissaire, SIEN, "commandement_saisie_remunerations", heure="10:00", mode="personne"
    )
    html = commissaire.get(f"/actes/{acte}").text
    assert html.count('href="/parametres/textes#ajout-texte">Ajouter le texte</a>') == 2
    lien = re.search(r'href="(/parametres\?nom=(tarif\.emoluments\.[a-z_]+)#ajout-local)"', html)
    assert lien, html
    formulaire = commissaire.get(lien.group(1)).text
    assert f'<option value="{lien.group(2)}" selected>' in formulaire
    html_stagiaire = client_pour("stagiaire").get(f"/actes/{acte}").text
    assert "Ajouter le texte" not in html_stagiaire and "non reproduit" in html_stagiaire
