"""The creditors' JSON API: a token opens its creditor's files only, opens files for it, reads
their status and décompte; refusals are French JSON with the right status.

The demo office (tests/web/conftest.py: 40 files at 2026-11-30) for most tests; the
confinement and the opening of a file also on PostgreSQL, on a small generated office.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from clerc.office.generateur import generer
from clerc.office.models import Dossier, EntreeAudit, Partie
from clerc.office.services import utilisateurs
from clerc.office.services.etudes import contexte
from clerc.rules.decompte import Creance, Frais, decompte
from clerc.rules.interets import RegimeInterets
from clerc.web.app import creer_app
from clerc.web.routes.api import EXEMPLE_DOSSIER
from tests.office.conftest import (  # noqa: F401 - fixtures: SQLite and PostgreSQL engines
    administration_postgres,
    modele_sqlite,
    moteur,
    url_base_postgres,
    url_serveur_postgres,
)
from tests.web.conftest import AU, CLE, FabriqueClient

Client = TestClient


def _jeton(moteur_: Engine, creancier: int, libelle: str = "") -> str:
    return utilisateurs.creer_jeton(contexte(moteur_, "DEMO", "test"), creancier, libelle)


def _entetes(jeton: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {jeton}"}


def _references_par_creancier(moteur_: Engine) -> dict[int, set[str]]:
    with Session(moteur_) as session:
        lignes = session.execute(select(Dossier.creancier_id, Dossier.reference)).all()
    resultat: dict[int, set[str]] = {}
    for creancier, reference in lignes:
        resultat.setdefault(creancier, set()).add(reference)
    return resultat


def _toutes_les_pages(client: Client, entetes: dict[str, str], **filtres: Any) -> list[str]:
    references: list[str] = []
    decalage = 0
    while True:
        page = client.get(
            "/api/dossiers",
            params={"limite": 7, "decalage": decalage, **filtres},
            headers=entetes,
        ).json()
        references += [d["reference"] for d in page["dossiers"]]
        decalage += 7
        if decalage >= page["total"]:
            assert len(references) == page["total"]
            return references


@pytest.fixture
def client(app_web: FastAPI) -> Client:
    return TestClient(app_web)


# --- authentication -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "autorisation",
    [None, "Bearer", "Basic ZGVtbzpkZW1v", "Bearer clerc_inconnu", "Bearer " + "x" * 5000],
    ids=["sans_entete", "sans_jeton", "basic", "inconnu", "trop_long"],
)
def test_sans_jeton_valide_l_api_repond_401_en_francais(
    client: Client, autorisation: str | None
) -> None:
    entetes = {} if autorisation is None else {"Authorization": autorisation}
    for chemin in ("/api/moi", "/api/dossiers", "/api/dossiers/2026-000001/decompte"):
        reponse = client.get(chemin, headers=entetes)
        assert reponse.status_code == 401
        assert reponse.headers["www-authenticate"].startswith("Bearer")
        assert set(reponse.json()) == {"erreur"}
        assert "jeton" in reponse.json()["erreur"].lower()
    assert client.post("/api/dossiers", json=EXEMPLE_DOSSIER, headers=entetes).status_code == 401


def test_un_jeton_revoque_est_refuse_des_la_requete_suivante(
    client: Client, app_web: FastAPI
) -> None:
    moteur_ = app_web.state.moteur
    jeton = _jeton(moteur_, 1)
    assert client.get("/api/moi", headers=_entetes(jeton)).status_code == 200
    (cree,) = utilisateurs.lister_jetons(contexte(moteur_, "DEMO", "test"))
    utilisateurs.revoquer_jeton(contexte(moteur_, "DEMO", "test"), cree["id"])
    reponse = client.get("/api/moi", headers=_entetes(jeton))
    assert (reponse.status_code, reponse.json()) == (401, {"erreur": "Jeton inconnu ou révoqué."})


def test_la_session_du_bureau_web_n_ouvre_pas_l_api(client_pour: FabriqueClient) -> None:
    connecte = client_pour("commissaire_justice")  # logged in: a session cookie, no token
    assert connecte.get("/api/dossiers").status_code == 401


def test_moi_nomme_le_creancier_du_jeton_et_l_usage_est_date_une_fois_par_minute(
    client: Client, app_web: FastAPI
) -> None:
    moteur_ = app_web.state.moteur
    jeton = _jeton(moteur_, 2, "ERP")
    with Session(moteur_) as session:
        designation = session.get(Partie, 2).designation  # type: ignore[union-attr]
    reponse = client.get("/api/moi", headers=_entetes(jeton))
    assert reponse.json() == {
        "creancier_id": 2,
        "creancier": designation,
        "etude_code": "DEMO",
        "etude_nom": reponse.json()["etude_nom"],
        "jeton_id": 1,
        "jeton_libelle": "ERP",
    }
    assert "set-cookie" not in reponse.headers  # the API keeps no session
    (premier,) = utilisateurs.lister_jetons(contexte(moteur_, "DEMO", "test"))
    assert premier["utilise_le"] is not None
    client.get("/api/moi", headers=_entetes(jeton))
    (second,) = utilisateurs.lister_jetons(contexte(moteur_, "DEMO", "test"))
    assert second["utilise_le"] == premier["utilise_le"]  # not rewritten within the minute


# --- confinement to the creditor's files ----------------------------------------------------


def test_un_jeton_ne_lit_que_les_dossiers_de_son_creancier(
    client: Client, app_web: FastAPI
) -> None:
    par_creancier = _references_par_creancier(app_web.state.moteur)
    siens = par_creancier[1]
    autres = set().union(*(refs for c, refs in par_creancier.items() if c != 1))
    assert siens and autres
    entetes = _entetes(_jeton(app_web.state.moteur, 1))
    listes = _toutes_les_pages(client, entetes)
    assert sorted(listes, reverse=True) == listes and set(listes) == siens
    for reference in sorted(siens):
        assert client.get(f"/api/dossiers/{reference}", headers=entetes).status_code == 200
    for reference in [*sorted(autres), "2099-999999"]:
        for chemin in (f"/api/dossiers/{reference}", f"/api/dossiers/{reference}/decompte"):
            reponse = client.get(chemin, headers=entetes)
            assert reponse.status_code == 404
            # The same answer as for a file that does not exist: nothing is revealed.
            assert reponse.json() == {
                "erreur": f"Dossier « {reference} » introuvable dans cette étude."
            }


def test_la_liste_se_filtre_par_statut_et_se_pagine(client: Client, app_web: FastAPI) -> None:
    moteur_ = app_web.state.moteur
    with Session(moteur_) as session:
        statuts = dict(
            session.execute(
                select(Dossier.reference, Dossier.statut).where(Dossier.creancier_id == 1)
            ).all()
        )
    entetes = _entetes(_jeton(moteur_, 1))
    for statut in ("en_cours", "suspendu", "clos"):
        attendues = {r for r, s in statuts.items() if s == statut}
        assert set(_toutes_les_pages(client, entetes, statut=statut)) == attendues
    page = client.get("/api/dossiers?limite=2&decalage=1", headers=entetes).json()
    assert (page["total"], page["limite"], page["decalage"]) == (len(statuts), 2, 1)
    assert len(page["dossiers"]) == 2
    inconnu = client.get("/api/dossiers?statut=perdu", headers=entetes)
    assert inconnu.status_code == 422 and "Statut « perdu » inconnu" in inconnu.json()["erreur"]
    trop = client.get("/api/dossiers?limite=1000", headers=entetes)
    assert trop.status_code == 422
    assert trop.json()["details"] == ["limite : valeur trop grande (maximum 200)"]


def test_la_fiche_d_un_dossier_donne_statut_parties_titre_et_decompte_du_jour(
    client: Client, app_web: FastAPI
) -> None:
    moteur_ = app_web.state.moteur
    reference = max(_references_par_creancier(moteur_)[1])
    fiche = client.get(f"/api/dossiers/{reference}", headers=_entetes(_jeton(moteur_, 1))).json()
    with Session(moteur_) as session:
        dossier = session.scalar(select(Dossier).where(Dossier.reference == reference))
        assert dossier is not None
        assert fiche["statut"] == dossier.statut
        assert fiche["creancier"]["designation"] == dossier.creancier.designation
        assert len(fiche["evenements"]) == min(20, len(dossier.evenements))
        assert fiche["evenements"][0]["libelle"] == dossier.evenements[-1].libelle
    assert fiche["decompte"]["au"] == AU.isoformat()
    assert "par" not in fiche["evenements"][0]  # the office's logins stay inside


# --- opening a file -------------------------------------------------------------------------


def _creance_de_l_exemple() -> Creance:
    """EXEMPLE_DOSSIER as the rules engine takes it (a company creditor: legal rate "autre",
    majoration from 2 June 2025; article 700 bears interest, dépens do not)."""
    return Creance(
        principal=Decimal("5000.00"),
        date=date(2025, 3, 10),
        regime=RegimeInterets(categorie="autre", majoration_depuis=date(2025, 6, 2)),
        frais=(
            Frais("Article 700", date(2025, 3, 10), Decimal("800.00"), "article_700"),
            Frais("Dépens", date(2025, 3, 10), Decimal("120.50"), "depens"),
        ),
    )


def _compter(moteur_: Engine) -> tuple[int, int, int]:
    with Session(moteur_) as session:
        return (
            session.scalar(select(func.count()).select_from(Dossier)) or 0,
            session.scalar(select(func.count()).select_from(Partie)) or 0,
            session.scalar(select(func.count()).select_from(EntreeAudit)) or 0,
        )


def test_un_dossier_ouvert_par_l_api_est_lisible_avec_le_decompte_du_moteur(
    client: Client, app_web: FastAPI
) -> None:
    moteur_ = app_web.state.moteur
    entetes = _entetes(_jeton(moteur_, 1))
    avant = _references_par_creancier(moteur_)
    reponse = client.post("/api/dossiers", json=EXEMPLE_DOSSIER, headers=entetes)
    assert reponse.status_code == 201, reponse.text
    cree = reponse.json()
    reference = cree["reference"]
    assert reponse.headers["location"] == f"/api/dossiers/{reference}"
    # Numbered after every file of the office, not only the creditor's own.
    numeros = [r for refs in avant.values() for r in refs if r.startswith("2026-")]
    assert reference == f"2026-{int(max(numeros)[5:]) + 1:06d}"
    assert (cree["ouvert_le"], cree["reference_mandant"], cree["statut"]) == (
        "2026-11-30",
        "CR-001",
        "en_cours",
    )
    assert (
        cree["creancier"]["designation"]
        == utilisateurs.acces_par_jeton(moteur_, entetes["Authorization"][7:]).creancier
    )  # type: ignore[union-attr]
    assert [d["designation"] for d in cree["debiteurs"]] == ["Madame Éloïse LEFÈVRE"]
    assert reference in _toutes_les_pages(client, entetes)
    assert client.get(f"/api/dossiers/{reference}", headers=entetes).json() == cree

    attendu = decompte(_creance_de_l_exemple(), date(2026, 6, 30))
    etat = client.get(f"/api/dossiers/{reference}/decompte?au=2026-06-30", headers=entetes).json()
    assert (etat["principal"], etat["article_700"], etat["depens"]) == (
        "5000.00",
        "800.00",
        "120.50",
    )
    assert etat["interets_echus"] == str(attendu.interets_echus)
    assert etat["total"] == str(attendu.total)
    assert etat["presentation"][-1] == ["Total dû", str(attendu.total)]
    assert etat["lignes"][-1]["solde"] == etat["total"]
    assert any(p["majore"] for p in etat["periodes"])  # the L313-3 majoration from 2025-06-02
    # Another creditor's token does not see it.
    autre = _entetes(_jeton(moteur_, 2))
    assert client.get(f"/api/dossiers/{reference}", headers=autre).status_code == 404


def test_une_meme_reference_du_creancier_est_refusee_en_409(
    client: Client, app_web: FastAPI
) -> None:
    entetes = _entetes(_jeton(app_web.state.moteur, 1))
    premier = client.post("/api/dossiers", json=EXEMPLE_DOSSIER, headers=entetes).json()
    second = client.post("/api/dossiers", json=EXEMPLE_DOSSIER, headers=entetes)
    assert second.status_code == 409
    assert second.json() == {
        "erreur": "Le créancier a déjà confié un dossier sous sa référence « CR-001 » : "
        f"dossier {premier['reference']}."
    }


@pytest.mark.parametrize(
    ("modification", "message"),
    [
        ({"creancier": 2}, "creancier : champ refusé (le créancier est celui du jeton)"),
        ({"reference": "2026-DUPONT"}, "reference : champ refusé (la référence est attribuée"),
        ({"nature": "amicale"}, "Nature de dossier « amicale » inconnue"),
        ({"debiteurs": []}, "debiteurs : au moins 1 élément(s)"),
        ({"debiteurs": [3]}, "debiteurs[0] : objet JSON attendu"),
        ({"debiteurs": [{"type": "personne_physique", "siren": "123"}]}, "Personne physique sans"),
        ({"solidaires": "oui"}, "solidaires : true ou false attendu"),
        (
            {"titre": {**EXEMPLE_DOSSIER["titre"], "lignes": [{"nature": "principal"}]}},
            "titre.lignes[0].montant : champ obligatoire",
        ),
        (
            {"titre": {**EXEMPLE_DOSSIER["titre"], "date_titre": "2025-02-30"}},
            "titre.date_titre : date impossible « 2025-02-30 »",
        ),
    ],
    ids=[
        "creancier",
        "reference",
        "nature",
        "sans_debiteur",
        "debiteur_par_numero",
        "debiteur_sans_nom",
        "booleen",
        "montant_manquant",
        "date_impossible",
    ],
)
def test_une_description_invalide_est_refusee_en_422_sans_rien_ecrire(
    client: Client, app_web: FastAPI, modification: dict[str, Any], message: str
) -> None:
    moteur_ = app_web.state.moteur
    entetes = _entetes(_jeton(moteur_, 1))
    avant = _compter(moteur_)
    reponse = client.post(
        "/api/dossiers", json={**EXEMPLE_DOSSIER, **modification}, headers=entetes
    )
    assert reponse.status_code == 422
    assert message in reponse.json()["erreur"]
    assert _compter(moteur_) == avant


def test_un_corps_illisible_est_refuse_en_francais(client: Client, app_web: FastAPI) -> None:
    entetes = {**_entetes(_jeton(app_web.state.moteur, 1)), "Content-Type": "application/json"}
    invalide = client.post("/api/dossiers", content=b"{nature", headers=entetes)
    assert invalide.status_code == 422
    assert invalide.json()["details"] == ["corps JSON : JSON invalide (caractère 1)"]
    illisible = client.post("/api/dossiers", content=b"\xff\xfe{", headers=entetes)
    assert illisible.status_code == 400 and "UTF-8" in illisible.json()["erreur"]


# --- the OpenAPI document ---------------------------------------------------------------------


def test_le_document_openapi_decrit_l_api_et_son_jeton_sans_les_pages(client: Client) -> None:
    document = client.get("/api/openapi.json").json()
    assert set(document["paths"]) == {
        "/api/moi",
        "/api/dossiers",
        "/api/dossiers/{reference}",
        "/api/dossiers/{reference}/decompte",
    }
    assert document["components"]["securitySchemes"]["jeton"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "clerc_…",
        "description": "Jeton du créancier, délivré par l'étude (« clerc api jeton creer »).",
    }
    for operations in document["paths"].values():
        for operation in operations.values():
            assert operation["security"] == [{"jeton": []}]
            assert "401" in operation["responses"]
    corps = document["components"]["schemas"]["NouveauDossierEntree"]
    assert "creancier" not in corps["properties"] and corps["additionalProperties"] is False


# --- PostgreSQL too ---------------------------------------------------------------------------


def test_confinement_et_ouverture_sur_sqlite_et_postgresql(moteur: Engine) -> None:  # noqa: F811
    generer(moteur, dossiers=8, graine=1, au=AU)
    par_creancier = _references_par_creancier(moteur)
    creancier, siens = max(par_creancier.items(), key=lambda c: len(c[1]))
    autres = set().union(*(refs for c, refs in par_creancier.items() if c != creancier))
    entetes = _entetes(_jeton(moteur, creancier))
    with TestClient(creer_app(moteur, cle_secrete=CLE, au=AU)) as client_:
        assert set(_toutes_les_pages(client_, entetes)) == siens
        for reference in sorted(autres)[:3]:
            assert client_.get(f"/api/dossiers/{reference}", headers=entetes).status_code == 404
        cree = client_.post("/api/dossiers", json=EXEMPLE_DOSSIER, headers=entetes)
        assert cree.status_code == 201, cree.text
        reference = cree.json()["reference"]
        assert reference not in set().union(*par_creancier.values())
        etat = client_.get(f"/api/dossiers/{reference}/decompte?au=2026-06-30", headers=entetes)
        assert etat.json()["total"] == str(
            decompte(_creance_de_l_exemple(), date(2026, 6, 30)).total
        )
