"""The reproduced texts page (/parametres/textes): every office role sees which texts the acts
reproduce and which are missing; the administrateur and the commissaire de justice add a
wording copied from Légifrance (written to the office's texts directory, used by the acts at
once, recorded in the audit log)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from clerc.actes.textes_reproduits import texte_reproduit
from tests.web.conftest import FabriqueClient, csrf_de
from tests.web.test_parametres_web import GERENT, ROLES_ETUDE

# A test wording (not the article's real text: the test checks the plumbing, and that the
# page never invents a text).
R212_1_5 = {
    "article": "CPCE R212-1-5",
    "du": "2025-07-01",
    "texte": "Premier alinéa du texte recopié.\r\n1° Premier point ;\r\n2° Second point.",
    "source": "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000051164000",
    "identifiant": "LEGIARTI000051164000",
}


def _ajouter(
    client_pour: FabriqueClient, role: str, champs: dict[str, str]
) -> tuple[TestClient, httpx.Response]:
    client = client_pour(role)
    return client, client.post(
        "/parametres/textes",
        data={**champs, "csrf_token": csrf_de(client)},
        follow_redirects=False,
    )


def _ligne(html: str, article: str) -> str:
    return html.split(f"{article}", 1)[1].split("</tr>", 1)[0]


@pytest.mark.parametrize("role", ROLES_ETUDE)
def test_chaque_role_voit_les_textes_et_ceux_qui_manquent(
    client_pour: FabriqueClient, role: str
) -> None:
    reponse = client_pour(role).get("/parametres/textes")
    assert reponse.status_code == 200
    html = reponse.text
    tableau = html.split('id="textes"', 1)[1]
    assert "manquant" in _ligne(tableau, "CPCE R212-1-5")
    ligne = _ligne(tableau, "CPCE L211-3")
    assert "livré" in ligne and "Procès-verbal de saisie-attribution" in ligne
    assert "Les actes qui les reproduisent ne peuvent pas être signés" in html
    assert ("Ajouter le texte" in html) is (role in GERENT)


def test_le_creancier_client_et_l_anonyme_n_y_ont_pas_acces(client_pour: FabriqueClient) -> None:
    assert client_pour("creancier_client").get("/parametres/textes").status_code == 403
    anonyme = client_pour(None).get("/parametres/textes", follow_redirects=False)
    assert anonyme.status_code == 303 and anonyme.headers["location"].startswith("/connexion")


def test_la_page_des_parametres_y_mene(client_pour: FabriqueClient) -> None:
    assert 'href="/parametres/textes"' in client_pour("stagiaire").get("/parametres").text


@pytest.mark.parametrize("role", GERENT)
def test_un_texte_ajoute_sert_aux_actes(
    client_pour: FabriqueClient, role: str, textes_locaux_isoles: Path
) -> None:
    client, reponse = _ajouter(client_pour, role, R212_1_5)
    assert reponse.status_code == 303
    assert reponse.headers["location"].startswith("/parametres/textes?au=2025-07-01")
    html = client.get(reponse.headers["location"]).text
    assert "Texte de CPCE R212-1-5 ajouté par l'étude" in html
    assert "ajout local" in _ligne(html.split('id="textes"', 1)[1], "CPCE R212-1-5")
    assert (textes_locaux_isoles / "cpce_r212_1_5.yaml").exists()
    version = texte_reproduit("CPCE R212-1-5", date(2026, 11, 30))
    assert version.locale and version.identifiant == "LEGIARTI000051164000"
    assert version.texte.split("\n\n") == [
        "Premier alinéa du texte recopié.",
        "1° Premier point ;",
        "2° Second point.",
    ]


@pytest.mark.parametrize("role", ["clerc_gestionnaire", "stagiaire"])
def test_les_autres_roles_ne_peuvent_pas_ajouter(
    client_pour: FabriqueClient, role: str, textes_locaux_isoles: Path
) -> None:
    _, reponse = _ajouter(client_pour, role, R212_1_5)
    assert reponse.status_code == 403
    assert not textes_locaux_isoles.exists() or not any(textes_locaux_isoles.iterdir())


@pytest.mark.parametrize(
    ("champs", "champ", "message"),
    [
        ({"article": "CPCE R999-9"}, "article", "dans la liste des textes"),
        ({"texte": ""}, "texte", "Recopiez le texte"),
        ({"source": "legifrance"}, "source", "Adresse (https://)"),
        ({"du": "2025-02-30"}, "du", "Date impossible"),
        # The shipped L412-3 is in force since 29 July 2023: the office cannot replace it.
        ({"article": "CPCE L412-3", "du": "2025-08-01"}, "du", "recouvrent une version"),
    ],
)
def test_une_saisie_fautive_est_refusee_sans_rien_ecrire(
    client_pour: FabriqueClient,
    textes_locaux_isoles: Path,
    champs: dict[str, str],
    champ: str,
    message: str,
) -> None:
    _, reponse = _ajouter(client_pour, "commissaire_justice", {**R212_1_5, **champs})
    assert reponse.status_code == 422
    assert f'id="erreur-{champ}"' in reponse.text and message in reponse.text
    assert "Premier alinéa du texte recopié." in reponse.text or champs.get("texte") == ""
    assert not textes_locaux_isoles.exists() or not any(textes_locaux_isoles.iterdir())
