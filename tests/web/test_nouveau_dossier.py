"""Opening a file from the web form (/dossiers/nouveau) and its live analysis."""

from __future__ import annotations

import html
import re
from datetime import date
from decimal import Decimal

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerc.office.models import Dossier, Partie
from clerc.office.services.dossiers import decompte_dossier, fiche_dossier
from clerc.office.services.etudes import contexte
from clerc.rules.analyse import TitreExamine, examen_titre
from clerc.rules.monnaie import format_euros
from tests.web.conftest import AU, FabriqueClient, csrf_de

AUTORISES = ("commissaire_justice", "clerc_gestionnaire", "clerc_assistant", "administrateur")
REFUSES = ("stagiaire", "creancier_client")
HTMX = {"HX-Request": "true"}


def _compter(app_web: FastAPI) -> tuple[int, int]:
    with Session(app_web.state.moteur) as session:
        dossiers = session.scalar(select(func.count()).select_from(Dossier))
        parties = session.scalar(select(func.count()).select_from(Partie))
    return int(dossiers or 0), int(parties or 0)


def _creancier(client: TestClient) -> str:
    """The first creditor offered by the form."""
    page = client.get("/dossiers/nouveau").text
    liste = page.split('id="creancier_id"')[1].split("</select>")[0]
    trouve = re.search(r'<option value="(\d+)"', liste)
    assert trouve, "no creditor offered"
    return trouve.group(1)


def _formulaire(client: TestClient, **changes: str) -> dict[str, str]:
    """A complete form: a judgment of the TJ of Lyon, served, with its formule exécutoire."""
    champs = {
        "csrf_token": csrf_de(client),
        "nature": "judiciaire",
        "reference_mandant": "WEB-0001",
        "creancier_choix": "existant",
        "creancier_id": _creancier(client),
        "nb_debiteurs": "1",
        "nb_lignes": "3",
        "d0_type": "personne_physique",
        "d0_civilite": "Madame",
        "d0_nom": "Quintanilla",
        "d0_prenoms": "Éloïse",
        "d0_date_naissance": "1979-05-14",
        "d0_adresse": "12 rue Sainte-Catherine",
        "d0_code_postal": "69001",
        "d0_commune": "Lyon",
        "titre_type": "decision_justice",
        "titre_date": "2026-03-10",
        "titre_juridiction": "Tribunal judiciaire de Lyon",
        "titre_numero": "RG 25/01234",
        "titre_date_signification": "2026-04-01",
        "titre_execution_provisoire": "de_droit",
        "titre_date_saisine": "2025-06-03",
        "titre_formule_executoire": "oui",
        "l0_nature": "principal",
        "l0_montant": "5 000,00",
        "l0_interets": "aucun",
        "l1_nature": "article_700",
        "l1_montant": "800",
        "l1_interets": "aucun",
        "l2_nature": "depens",
        "l2_montant": "120,50",
        "l2_interets": "aucun",
    }
    champs.update(changes)
    return champs


def _erreur(page: str, champ: str) -> str:
    trouve = re.search(rf'<p class="erreur-champ" id="{champ}-erreur">([^<]*)</p>', page)
    assert trouve, f"no error next to {champ}"
    return html.unescape(trouve.group(1))


@pytest.mark.parametrize("role", AUTORISES + REFUSES)
def test_chaque_role_ouvre_un_dossier_selon_son_droit(
    client_pour: FabriqueClient, app_web: FastAPI, role: str
) -> None:
    client = client_pour(role)
    avant = _compter(app_web)
    page = client.get("/dossiers/nouveau")
    jeton = csrf_de(client)
    envoi = client.post("/dossiers/nouveau", data={"csrf_token": jeton, "nature": "judiciaire"})
    analyse = client.post("/dossiers/nouveau/analyse", data={"csrf_token": jeton}, headers=HTMX)
    if role in AUTORISES:
        assert page.status_code == 200 and "Nouveau dossier" in page.text
        assert envoi.status_code == 422 and analyse.status_code == 200
    else:
        assert page.status_code == envoi.status_code == analyse.status_code == 403
        assert "ne permet pas" in html.unescape(page.text) and "ouvrir un dossier" in page.text
    assert _compter(app_web) == avant


def test_un_visiteur_non_connecte_est_renvoye_a_la_connexion(client_pour: FabriqueClient) -> None:
    reponse = client_pour(None).get("/dossiers/nouveau", follow_redirects=False)
    assert reponse.status_code == 303
    assert reponse.headers["location"].startswith("/connexion")


def test_un_formulaire_complet_ouvre_le_dossier_avec_son_decompte(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    client = client_pour("clerc_gestionnaire")
    avant = _compter(app_web)
    reponse = client.post("/dossiers/nouveau", data=_formulaire(client), follow_redirects=False)
    assert reponse.status_code == 303, _erreurs_de(reponse.text)
    reference = reponse.headers["location"].removeprefix("/dossiers/")
    assert re.fullmatch(r"2026-\d{6}", reference)
    assert _compter(app_web)[0] == avant[0] + 1
    # found by the search, under the debtor's name and the creditor's reference
    assert reference in client.get("/dossiers?q=quintanilla").text
    assert reference in client.get("/dossiers?q=WEB-0001").text
    # The page shows the service's total. Principal without interest; the article 700 sum
    # bears legal interest from the judgment (C. civ. 1231-7), the creditor being a person:
    # 800 x 6,67 % (1st half of 2026, arrêté du 15 décembre 2025) x 112 / 365 = 16,37 from
    # 11 March to 30 June, so 5 000 + 800 + 120,50 + 16,37 = 5 936,87 on 30 June 2026.
    qui = contexte(app_web.state.moteur, None, "test")
    assert decompte_dossier(qui, reference, date(2026, 6, 30)).total == Decimal("5936.87")
    total = decompte_dossier(qui, reference, AU).total
    page = client.get(f"/dossiers/{reference}").text
    assert f"<strong>{format_euros(total)}</strong>" in page
    fiche = fiche_dossier(qui, reference, AU)
    assert fiche["titre"]["date_signification"] == "2026-04-01"
    assert [d["designation"] for d in fiche["debiteurs"]] == ["Madame Éloïse QUINTANILLA"]


def _erreurs_de(page: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(r'class="erreur-champ"[^>]*>([^<]*)<', page)]


def test_le_decompte_de_l_analyse_est_celui_du_dossier_ouvert(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    client = client_pour("commissaire_justice")
    champs = _formulaire(client, l0_interets="legal", l0_majoration_depuis="2026-06-01")
    analyse = html.unescape(
        client.post("/dossiers/nouveau/analyse", data=champs, headers=HTMX).text
    )
    reponse = client.post("/dossiers/nouveau", data=champs, follow_redirects=False)
    reference = reponse.headers["location"].removeprefix("/dossiers/")
    total = decompte_dossier(contexte(app_web.state.moteur, None, "test"), reference, AU).total
    assert total > Decimal("5920.50")  # legal interest since the judgment, increased
    assert format_euros(total) in analyse


@pytest.mark.parametrize(
    ("changes", "champ", "attendu"),
    [
        ({"l0_montant": "-5"}, "l0_montant", "Principal : montant négatif « -5 » refusé."),
        ({"l1_montant": "12,345"}, "l1_montant", "a plus de 2 décimales"),
        ({"d0_date_naissance": "2026-02-30"}, "d0_date_naissance", "Date impossible"),
        (
            {"d0_type": "personne_morale", "d0_denomination": "Boulangerie Dupain"}
            | {"d0_siren": "123456789"},
            "d0_siren",
            "SIREN « 123456789 » invalide : clé de contrôle fausse",
        ),
        ({"d0_nom": ""}, "d0_nom", "obligatoire"),
        ({"d0_code_postal": "7501"}, "d0_code_postal", "Code postal « 7501 » invalide"),
        ({"creancier_id": ""}, "creancier_id", "Choisissez le créancier"),
        ({"creancier_id": "999999"}, "creancier_id", "Partie n° 999999 introuvable"),
        (
            {"titre_date_signification": "2026-01-05"},
            "titre_date_signification",
            "antérieure à la date du titre",
        ),
        (
            {"l0_nature": "depens"},
            "lignes",
            "aucune ligne de principal",
        ),
        ({"titre_type": ""}, "titre_type", "Indiquez le titre qui fonde ces sommes"),
    ],
)
def test_un_champ_invalide_est_signale_a_cote_et_rien_n_est_cree(
    client_pour: FabriqueClient,
    app_web: FastAPI,
    changes: dict[str, str],
    champ: str,
    attendu: str,
) -> None:
    client = client_pour("clerc_assistant")
    avant = _compter(app_web)
    champs = _formulaire(client, **changes)
    reponse = client.post("/dossiers/nouveau", data=champs, follow_redirects=False)
    assert reponse.status_code == 422
    assert attendu in _erreur(reponse.text, champ)
    if champ != "lignes":
        assert re.search(
            rf'id="{champ}"[^>]*aria-invalid="true" aria-describedby="{champ}-erreur"',
            reponse.text,
        )
    assert "Le dossier n'a pas été ouvert" in reponse.text
    # what was typed is kept
    assert 'value="Tribunal judiciaire de Lyon"' in reponse.text
    assert 'value="12 rue Sainte-Catherine"' in reponse.text or champ.startswith("d0_")
    assert _compter(app_web) == avant


def test_plusieurs_erreurs_sont_signalees_ensemble(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    client = client_pour("clerc_gestionnaire")
    champs = _formulaire(client, l0_montant="-5", d0_code_postal="7501")
    reponse = client.post("/dossiers/nouveau", data=champs)
    assert reponse.status_code == 422
    assert "négatif" in _erreur(reponse.text, "l0_montant")
    assert "Code postal" in _erreur(reponse.text, "d0_code_postal")


def test_une_reference_du_creancier_deja_utilisee_est_refusee(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    client = client_pour("clerc_gestionnaire")
    premier = client.post("/dossiers/nouveau", data=_formulaire(client), follow_redirects=False)
    assert premier.status_code == 303
    avant = _compter(app_web)
    second = client.post("/dossiers/nouveau", data=_formulaire(client, d0_nom="Autre"))
    assert second.status_code == 422
    assert "WEB-0001" in _erreur(second.text, "reference_mandant")
    assert _compter(app_web) == avant


def test_un_nouveau_creancier_societe_est_cree_avec_le_dossier(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    client = client_pour("administrateur")
    champs = _formulaire(
        client,
        creancier_choix="nouveau",
        creancier_type="personne_morale",
        creancier_denomination="Banque Exemple",
        creancier_forme_juridique="SA",
        creancier_siren="732829320",
        creancier_iban="FR76 3000 4000 0000 0123 4567 845",
        creancier_adresse="1 place Bellecour",
        creancier_code_postal="69002",
        creancier_commune="Lyon",
    )
    reponse = client.post("/dossiers/nouveau", data=champs, follow_redirects=False)
    assert reponse.status_code == 303, _erreurs_de(reponse.text)
    reference = reponse.headers["location"].removeprefix("/dossiers/")
    fiche = fiche_dossier(contexte(app_web.state.moteur, None, "test"), reference, AU)
    assert fiche["creancier"]["designation"] == "SA Banque Exemple"
    assert fiche["creancier"]["siren"] == "732829320"
    assert reference in client.get("/dossiers?q=732829").text
    # the new creditor is then offered by the form
    assert (
        "SA Banque Exemple · SIREN 732829320 · 1 dossier<" in client.get("/dossiers/nouveau").text
    )


def test_un_iban_invalide_du_nouveau_creancier_est_signale(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    client = client_pour("clerc_gestionnaire")
    avant = _compter(app_web)
    champs = _formulaire(
        client,
        creancier_choix="nouveau",
        creancier_type="personne_morale",
        creancier_denomination="Banque Exemple",
        creancier_iban="FR7630004000000001234567846",
    )
    reponse = client.post("/dossiers/nouveau", data=champs)
    assert reponse.status_code == 422
    assert "IBAN" in _erreur(reponse.text, "creancier_iban")
    assert _compter(app_web) == avant


def test_l_analyse_d_un_jugement_non_signifie_dit_qu_il_faut_le_signifier(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    client = client_pour("clerc_gestionnaire")
    avant = _compter(app_web)
    champs = _formulaire(client, titre_date_signification="")
    reponse = client.post("/dossiers/nouveau/analyse", data=champs, headers=HTMX)
    assert reponse.status_code == 200 and "<html" not in reponse.text
    texte = html.unescape(reponse.text)
    # what the engine says of this title, word for word
    examen = examen_titre(
        TitreExamine(
            type="decision_justice",
            date_titre=date(2026, 3, 10),
            formule_executoire=True,
            execution_provisoire="de_droit",
            date_saisine=date(2025, 6, 3),
            juridiction="Tribunal judiciaire de Lyon",
            numero="RG 25/01234",
        ),
        AU,
        territoire="69",
    )
    signification = next(c for c in examen.controles if c.code == "signification")
    assert signification.conforme is False and signification.article == "CPC 503"
    assert signification.message in texte
    assert "qu'après lui avoir été notifié (CPC 503)" in texte
    assert "pas exécutoire en l'état" in texte
    assert _compter(app_web) == avant  # nothing written


def test_l_analyse_d_un_titre_signifie_le_dit_executoire_avec_son_decompte(
    client_pour: FabriqueClient,
) -> None:
    client = client_pour("clerc_gestionnaire")
    reponse = client.post("/dossiers/nouveau/analyse", data=_formulaire(client), headers=HTMX)
    texte = html.unescape(reponse.text)
    assert "Titre signifié le 2026-04-01 (CPC 503)." in texte
    assert "<strong>exécutoire</strong>" in texte
    assert "Décompte au 30/11/2026" in texte and "Total dû" in texte
    assert "Prescription" in texte and "Mesures envisageables" in texte


def test_l_analyse_d_un_formulaire_incomplet_dit_ce_qui_manque(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    client = client_pour("clerc_gestionnaire")
    avant = _compter(app_web)
    champs = _formulaire(client, creancier_id="", d0_nom="", l0_montant="-1")
    texte = html.unescape(client.post("/dossiers/nouveau/analyse", data=champs, headers=HTMX).text)
    assert "Pour analyser le dossier, complétez ou corrigez" in texte
    assert 'href="#creancier_id">Créancier</a> : Choisissez le créancier' in texte
    assert 'href="#d0_nom">Débiteur 1 : nom</a>' in texte
    assert 'href="#l0_montant">Ligne 1 des sommes : montant</a> : Principal : montant négatif' in (
        texte
    )
    assert _compter(app_web) == avant


def test_sans_javascript_l_analyse_rend_le_formulaire_et_la_fiche(
    client_pour: FabriqueClient,
) -> None:
    client = client_pour("clerc_gestionnaire")
    reponse = client.post("/dossiers/nouveau/analyse", data=_formulaire(client))
    assert reponse.status_code == 200
    assert 'id="formulaire-dossier"' in reponse.text and "Analyse au 30/11/2026" in reponse.text
    assert 'value="Quintanilla"' in reponse.text


def test_un_debiteur_et_une_ligne_s_ajoutent_sans_javascript(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    client = client_pour("clerc_gestionnaire")
    avant = _compter(app_web)
    page = client.post(
        "/dossiers/nouveau", data=_formulaire(client, action="ajouter_debiteur")
    ).text
    assert 'id="d1_nom"' in page and 'value="Quintanilla"' in page
    assert "Débiteurs tenus solidairement" in page
    page = client.post("/dossiers/nouveau", data=_formulaire(client, action="ajouter_ligne")).text
    assert 'id="l3_montant"' in page
    assert _compter(app_web) == avant
    # a second debtor, typed in the new block, joins the file (an empty one is ignored)
    champs = _formulaire(
        client,
        nb_debiteurs="3",
        solidaires="oui",
        d1_type="personne_morale",
        d1_denomination="SCI Les Tilleuls",
        d1_siren="901234567",
        d2_type="personne_physique",
    )
    reponse = client.post("/dossiers/nouveau", data=champs, follow_redirects=False)
    assert reponse.status_code == 303, _erreurs_de(reponse.text)
    reference = reponse.headers["location"].removeprefix("/dossiers/")
    fiche = fiche_dossier(contexte(app_web.state.moteur, None, "test"), reference, AU)
    assert [d["designation"] for d in fiche["debiteurs"]] == [
        "Madame Éloïse QUINTANILLA",
        "SCI Les Tilleuls",
    ]
    assert reference in client.get("/dossiers?q=tilleuls").text


def test_le_formulaire_est_accessible(client_pour: FabriqueClient) -> None:
    page = client_pour("clerc_gestionnaire").get("/dossiers/nouveau").text
    identifiants = re.findall(r'<(?:input|select|textarea) id="([^"]+)"', page)
    assert len(identifiants) > 40
    for identifiant in identifiants:
        assert f'for="{identifiant}"' in page, identifiant
    assert 'hx-post="/dossiers/nouveau/analyse"' in page and "<script>" not in page
    assert 'style="' not in page
