"""The users page (administrateur only): create a user who then logs in, change a role,
deactivate, set a password; the creditors' API tokens, shown once, listed, revoked."""

from __future__ import annotations

import re

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from clerc.office.models import Dossier, JetonApi, Partie, Utilisateur
from clerc.office.services.utilisateurs import MOT_DE_PASSE_DEMO
from tests.web.conftest import FabriqueClient, connecter, csrf_de, jeton_csrf

MOT_DE_PASSE = "cheval-batterie-agrafe"
AUTRES_ROLES = (
    "commissaire_justice",
    "clerc_gestionnaire",
    "clerc_assistant",
    "stagiaire",
    "creancier_client",
)


def _poster(client: TestClient, chemin: str, champs: dict[str, str]) -> httpx.Response:
    return client.post(
        chemin,
        data={**champs, "csrf_token": csrf_de(client, "/calculettes")},
        follow_redirects=False,
    )


def _admin(client_pour: FabriqueClient) -> TestClient:
    return client_pour("administrateur")


def _creer(client: TestClient, **champs: str) -> httpx.Response:
    valeurs = {
        "identifiant": "nouvelle-clerc",
        "nom": "Camille NOUVELLE",
        "role": "clerc_assistant",
        "mot_de_passe": MOT_DE_PASSE,
        "confirmation": MOT_DE_PASSE,
        "creancier_id": "",
    }
    valeurs.update(champs)
    return _poster(client, "/utilisateurs", valeurs)


def _utilisateur(app_web: FastAPI, identifiant: str) -> Utilisateur | None:
    with Session(app_web.state.moteur) as session:
        return session.scalar(select(Utilisateur).where(Utilisateur.identifiant == identifiant))


def _un_creancier(app_web: FastAPI) -> tuple[int, str]:
    with Session(app_web.state.moteur) as session:
        partie = session.scalars(
            select(Partie).where(Partie.id.in_(select(Dossier.creancier_id))).limit(1)
        ).one()
        return int(partie.id), partie.designation


def _un_debiteur(app_web: FastAPI) -> int:
    with Session(app_web.state.moteur) as session:
        return int(
            session.scalars(
                select(Partie.id).where(Partie.id.not_in(select(Dossier.creancier_id))).limit(1)
            ).one()
        )


def test_l_administrateur_voit_les_utilisateurs_de_l_etude(client_pour: FabriqueClient) -> None:
    reponse = _admin(client_pour).get("/utilisateurs")
    assert reponse.status_code == 200
    html = reponse.text
    for identifiant in ("demo-admin", "demo-clerc", "demo-commissaire", "demo-creancier"):
        assert f'<th scope="row">{identifiant}' in html
    assert "demo-admin <small>(vous)</small>" in html
    assert "Créancier-client (lecture seule)" in html and "défini" in html
    assert "Créancier : " in html  # the créancier-client's creditor is named


@pytest.mark.parametrize("role", AUTRES_ROLES)
def test_les_autres_roles_sont_refuses(client_pour: FabriqueClient, role: str) -> None:
    client = client_pour(role)
    assert client.get("/utilisateurs").status_code == 403
    assert _creer(client, identifiant="intrus").status_code == 403
    assert _poster(client, "/utilisateurs/demo-admin/actif", {"actif": "non"}).status_code == 403
    assert _poster(client, "/utilisateurs/jetons", {"creancier_id": "1"}).status_code == 403


def test_l_anonyme_est_renvoye_a_la_connexion(client_pour: FabriqueClient) -> None:
    reponse = client_pour(None).get("/utilisateurs", follow_redirects=False)
    assert reponse.status_code == 303
    assert reponse.headers["location"].startswith("/connexion")


def test_un_utilisateur_cree_peut_se_connecter(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    admin = _admin(client_pour)
    reponse = _creer(admin)
    assert reponse.status_code == 303
    suite = admin.get(reponse.headers["location"]).text
    assert "Utilisateur « nouvelle-clerc » créé." in suite
    assert '<th scope="row">nouvelle-clerc' in suite
    cree = _utilisateur(app_web, "nouvelle-clerc")
    assert cree is not None and cree.role == "clerc_assistant" and cree.actif
    assert cree.mot_de_passe and MOT_DE_PASSE not in cree.mot_de_passe  # argon2 hash only
    nouveau = client_pour(None)
    connecter(nouveau, "nouvelle-clerc", MOT_DE_PASSE)
    accueil = nouveau.get("/")
    assert accueil.status_code == 200 and "Camille NOUVELLE" in accueil.text
    assert nouveau.get("/utilisateurs").status_code == 403  # an assistant manages no user


def test_un_creancier_client_est_rattache_a_un_creancier_de_l_etude(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    admin = _admin(client_pour)
    numero, designation = _un_creancier(app_web)
    assert f'<option value="{numero}">{designation}</option>' in admin.get("/utilisateurs").text
    sans = _creer(admin, identifiant="client-x", role="creancier_client")
    assert sans.status_code == 422
    assert re.search(r'id="erreur-creancier_id">Un créancier-client doit', sans.text)
    debiteur = _creer(
        admin,
        identifiant="client-x",
        role="creancier_client",
        creancier_id=str(_un_debiteur(app_web)),
    )
    assert debiteur.status_code == 422 and "Créancier inconnu" in debiteur.text
    ok = _creer(admin, identifiant="client-x", role="creancier_client", creancier_id=str(numero))
    assert ok.status_code == 303
    cree = _utilisateur(app_web, "client-x")
    assert cree is not None and cree.creancier_id == numero
    client = client_pour(None)
    connecter(client, "client-x", MOT_DE_PASSE)
    assert client.get("/", follow_redirects=False).headers["location"] == "/dossiers"


def test_creation_refusee_champ_par_champ(client_pour: FabriqueClient, app_web: FastAPI) -> None:
    admin = _admin(client_pour)
    differents = _creer(admin, confirmation="autre-chose-encore")
    assert differents.status_code == 422
    assert re.search(r'id="erreur-confirmation">Les deux saisies', differents.text)
    assert 'value="nouvelle-clerc"' in differents.text  # the input is kept
    court = _creer(admin, mot_de_passe="court", confirmation="court")
    assert court.status_code == 422
    assert re.search(r'id="erreur-mot_de_passe">Mot de passe trop court', court.text)
    existant = _creer(admin, identifiant="demo-clerc")
    assert existant.status_code == 409
    assert re.search(r'id="erreur-identifiant">[^<]*existe déjà', existant.text)
    sans_role = _creer(admin, role="")
    assert sans_role.status_code == 422 and 'id="erreur-role"' in sans_role.text
    assert _utilisateur(app_web, "nouvelle-clerc") is None


def test_changer_le_role_donne_les_droits_du_nouveau_role(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    admin = _admin(client_pour)
    stagiaire = client_pour("stagiaire")
    assert stagiaire.get("/utilisateurs").status_code == 403
    reponse = _poster(admin, "/utilisateurs/demo-stagiaire/role", {"role": "administrateur"})
    assert reponse.status_code == 303
    assert "Rôle de « demo-stagiaire » modifié." in admin.get(reponse.headers["location"]).text
    assert stagiaire.get("/utilisateurs").status_code == 200  # re-read at each request
    inconnu = _poster(admin, "/utilisateurs/demo-clerc/role", {"role": "empereur"})
    assert inconnu.status_code == 409 and "Rôle inconnu" in inconnu.text


def test_desactiver_empeche_la_connexion_et_reactiver_la_rend(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    admin = _admin(client_pour)
    clerc = client_pour("clerc_gestionnaire")
    reponse = _poster(admin, "/utilisateurs/demo-clerc/actif", {"actif": "non"})
    assert reponse.status_code == 303
    assert "désactivé" in admin.get(reponse.headers["location"]).text
    assert clerc.get("/dossiers", follow_redirects=False).status_code == 303  # session ended
    autre = client_pour(None)
    refus = autre.post(
        "/connexion",
        data={
            "identifiant": "demo-clerc",
            "mot_de_passe": MOT_DE_PASSE_DEMO,
            "csrf_token": jeton_csrf(autre.get("/connexion").text),
        },
        follow_redirects=False,
    )
    assert refus.status_code == 401
    assert _poster(admin, "/utilisateurs/demo-clerc/actif", {"actif": "oui"}).status_code == 303
    connecter(client_pour(None), "demo-clerc")


def test_l_administrateur_ne_peut_ni_se_desactiver_ni_perdre_son_role(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    admin = _admin(client_pour)
    refus = _poster(admin, "/utilisateurs/demo-admin/actif", {"actif": "non"})
    assert refus.status_code == 409
    assert "ne peut ni se désactiver" in refus.text
    role = _poster(admin, "/utilisateurs/demo-admin/role", {"role": "stagiaire"})
    assert role.status_code == 409
    moi = _utilisateur(app_web, "demo-admin")
    assert moi is not None and moi.actif and moi.role == "administrateur"


def test_un_nouveau_mot_de_passe_remplace_l_ancien(client_pour: FabriqueClient) -> None:
    admin = _admin(client_pour)
    differents = _poster(
        admin,
        "/utilisateurs/demo-assistant/mot-de-passe",
        {"mot_de_passe": MOT_DE_PASSE, "confirmation": "autre"},
    )
    assert differents.status_code == 422 and "Les deux saisies" in differents.text
    reponse = _poster(
        admin,
        "/utilisateurs/demo-assistant/mot-de-passe",
        {"mot_de_passe": MOT_DE_PASSE, "confirmation": MOT_DE_PASSE},
    )
    assert reponse.status_code == 303
    connecter(client_pour(None), "demo-assistant", MOT_DE_PASSE)
    inconnu = _poster(
        admin,
        "/utilisateurs/personne/mot-de-passe",
        {"mot_de_passe": MOT_DE_PASSE, "confirmation": MOT_DE_PASSE},
    )
    assert inconnu.status_code == 404


def test_un_jeton_d_api_est_montre_une_fois_liste_puis_revoque(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    admin = _admin(client_pour)
    numero, designation = _un_creancier(app_web)
    reponse = _poster(
        admin, "/utilisateurs/jetons", {"creancier_id": str(numero), "libelle": "logiciel X"}
    )
    assert reponse.status_code == 200
    assert reponse.headers["cache-control"] == "no-store"
    trouve = re.search(r'value="(clerc_[A-Za-z0-9_-]+)"', reponse.text)
    assert trouve is not None
    jeton = trouve.group(1)
    assert "ne sera plus jamais affiché" in reponse.text and designation in reponse.text
    liste = admin.get("/utilisateurs").text
    assert jeton not in liste  # never shown again
    assert "logiciel X" in liste and designation in liste
    with Session(app_web.state.moteur) as session:
        cree = session.scalars(select(JetonApi).where(JetonApi.libelle == "logiciel X")).one()
        assert jeton not in cree.empreinte
        jeton_id = int(cree.id)
    assert f"Révoquer le jeton n° {jeton_id}" in liste
    revoque = _poster(admin, f"/utilisateurs/jetons/{jeton_id}/revoquer", {})
    assert revoque.status_code == 303
    apres = admin.get(revoque.headers["location"]).text
    assert f"Jeton n° {jeton_id} révoqué." in apres
    assert f"Révoquer le jeton n° {jeton_id}" not in apres and "révoqué le" in apres


def test_un_jeton_ne_se_delivre_qu_a_un_creancier_de_l_etude(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    admin = _admin(client_pour)
    with Session(app_web.state.moteur) as session:
        avant = len(session.scalars(select(JetonApi.id)).all())
    sans = _poster(admin, "/utilisateurs/jetons", {"creancier_id": ""})
    assert sans.status_code == 422 and 'id="erreur-jeton-creancier_id"' in sans.text
    debiteur = _poster(admin, "/utilisateurs/jetons", {"creancier_id": str(_un_debiteur(app_web))})
    assert debiteur.status_code == 422 and "Créancier inconnu" in debiteur.text
    with Session(app_web.state.moteur) as session:
        assert len(session.scalars(select(JetonApi.id)).all()) == avant
