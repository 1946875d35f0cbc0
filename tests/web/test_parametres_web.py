"""The legal parameters page: every office role reads it; the administrateur and the
commissaire de justice add a local value (written to the overrides file, used at once)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from clerc.rules.parametres import ENV_PARAMETRES_LOCAUX, parametres, reinitialiser_cache
from tests.web.conftest import FabriqueClient, csrf_de

ROLES_ETUDE = (
    "commissaire_justice",
    "clerc_gestionnaire",
    "clerc_assistant",
    "stagiaire",
    "administrateur",
)
GERENT = ("administrateur", "commissaire_justice")
TAUX_2027 = {
    "nom": "interet_legal.taux_particuliers",
    "depuis": "2027-01-01",
    "valeur": "6,67",
    "reference": "Arrêté du 18 décembre 2026 relatif à la fixation du taux de l'intérêt légal",
    "url": "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000099999999",
}


@pytest.fixture(autouse=True)
def ajouts_locaux(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test writes its own overrides file (never the user's ~/.config one)."""
    fichier = tmp_path / "parametres_locaux.yaml"
    monkeypatch.setenv(ENV_PARAMETRES_LOCAUX, str(fichier))
    reinitialiser_cache()
    yield fichier
    monkeypatch.delenv(ENV_PARAMETRES_LOCAUX)
    reinitialiser_cache()


def _ajouter(
    client_pour: FabriqueClient, role: str, champs: dict[str, str]
) -> tuple[TestClient, httpx.Response]:
    client = client_pour(role)
    return client, client.post(
        "/parametres", data={**champs, "csrf_token": csrf_de(client)}, follow_redirects=False
    )


@pytest.mark.parametrize("role", ROLES_ETUDE)
def test_chaque_role_de_l_etude_lit_les_parametres_dates(
    client_pour: FabriqueClient, role: str
) -> None:
    reponse = client_pour(role).get("/parametres")
    assert reponse.status_code == 200
    html = reponse.text
    assert "au 30 novembre 2026" in html
    ligne = html.split('id="p-rsa.montant_forfaitaire_personne_seule"', 1)[1].split("</tr>", 1)[0]
    assert "651,69\xa0€" in ligne and "01/04/2026" in ligne  # value at today, since when
    assert "non confirmé" in ligne  # the 2026 decree was not read on Légifrance
    assert re.search(r'<a href="https://[^"]+"', ligne)  # its source, linked
    assert 'href="https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000053733826"' in ligne
    assert ("Ajouter la valeur" in html) is (role in GERENT)


def test_le_creancier_client_et_l_anonyme_n_y_ont_pas_acces(client_pour: FabriqueClient) -> None:
    assert client_pour("creancier_client").get("/parametres").status_code == 403
    anonyme = client_pour(None).get("/parametres", follow_redirects=False)
    assert anonyme.status_code == 303 and anonyme.headers["location"].startswith("/connexion")


def test_une_date_sans_valeur_connue_est_signalee_manquante(client_pour: FabriqueClient) -> None:
    html = client_pour("stagiaire").get("/parametres?au=2027-07-01").text
    ligne = html.split('id="p-interet_legal.taux_particuliers"', 1)[1].split("</tr>", 1)[0]
    assert "manquant" in ligne and "Paramètre légal manquant" in ligne


@pytest.mark.parametrize("role", GERENT)
def test_un_ajout_local_apparait_et_sert_aux_calculs(
    client_pour: FabriqueClient, role: str, ajouts_locaux: Path
) -> None:
    client, reponse = _ajouter(client_pour, role, TAUX_2027)
    assert reponse.status_code == 303
    assert reponse.headers["location"].startswith("/parametres?au=2027-01-01")
    html = client.get(reponse.headers["location"]).text
    ligne = html.split('id="p-interet_legal.taux_particuliers"', 1)[1].split("</tr>", 1)[0]
    assert "6,67\xa0%" in ligne and "ajout local" in ligne and "01/01/2027" in ligne
    assert "Arrêté du 18 décembre 2026" in html  # the overrides file is shown
    contenu = ajouts_locaux.read_text(encoding="utf-8")
    assert "interet_legal.taux_particuliers" in contenu and "6.67" in contenu
    valeur = parametres().valeur_au("interet_legal.taux_particuliers", date(2027, 1, 1))
    assert valeur.valeur == Decimal("6.67") and valeur.locale
    # The calculator now covers January 2027 (and says it relies on a local value).
    calcul = client_pour(None).get(
        "/calculettes/interets?capital=1000&du=2026-12-31&au=2027-01-31&categorie=particulier"
    )
    assert calcul.status_code == 200 and "ajoutée localement" in calcul.text
    # The office's audit log records who added which figure, on which source.
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from clerc.office.models import EntreeAudit

    with Session(client.app.state.moteur) as session:  # type: ignore[attr-defined]
        entree = session.scalars(
            select(EntreeAudit).where(EntreeAudit.objet == "parametre_local")
        ).one()
    assert entree.objet_id == "interet_legal.taux_particuliers"
    assert entree.operation == "ajouter_parametre_local"
    assert entree.utilisateur.startswith("demo-")
    assert entree.apres is not None and entree.apres["depuis"] == "2027-01-01"


@pytest.mark.parametrize("role", ["clerc_gestionnaire", "clerc_assistant", "stagiaire"])
def test_les_autres_roles_ne_peuvent_pas_ajouter(
    client_pour: FabriqueClient, role: str, ajouts_locaux: Path
) -> None:
    _client, reponse = _ajouter(client_pour, role, TAUX_2027)
    assert reponse.status_code == 403
    assert not ajouts_locaux.exists()


def test_un_ajout_sans_jeton_csrf_est_refuse(
    client_pour: FabriqueClient, ajouts_locaux: Path
) -> None:
    reponse = client_pour("administrateur").post("/parametres", data=TAUX_2027)
    assert reponse.status_code == 403 and not ajouts_locaux.exists()


def test_un_ajout_invalide_est_refuse_champ_par_champ(
    client_pour: FabriqueClient, ajouts_locaux: Path
) -> None:
    champs = {**TAUX_2027, "valeur": "beaucoup", "reference": "", "jusqu_au": "2026-12-01"}
    _client, reponse = _ajouter(client_pour, "administrateur", champs)
    assert reponse.status_code == 422
    html = reponse.text
    assert re.search(r'id="erreur-valeur">Nombre attendu', html)
    assert re.search(r'id="erreur-reference">La référence', html)
    assert re.search(r'id="erreur-jusqu_au">La date de fin précède', html)
    assert 'value="2027-01-01"' in html  # the input is kept
    inconnu = {**TAUX_2027, "nom": "interet_legal.inexistant"}
    assert _ajouter(client_pour, "commissaire_justice", inconnu)[1].status_code == 422
    lien = {**TAUX_2027, "url": "javascript:alert(1)"}
    assert 'id="erreur-url"' in _ajouter(client_pour, "administrateur", lien)[1].text
    assert not ajouts_locaux.exists()
