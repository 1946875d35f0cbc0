"""Payments and third-party funds in the browser: posting and cancelling payments, paying out
to the creditor, the office's fees, the file's ledger and the funds held (C. com. R444-56).

Figures are read from the services before and after each operation. The R444-56 deadlines are
counted by hand: six weeks after Monday 30 November 2026 is Monday 11 January 2027 (30 + 42
days); three weeks after Thursday 1 October 2026 is Thursday 22 October 2026, so at
30 November 2026 the sum is 39 days late (9 days of October + 30 of November).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerc.office import grand_livre
from clerc.office.db import Contexte
from clerc.office.models import Dossier, Ecriture, LigneEcriture, Paiement, Utilisateur
from clerc.office.services import paiements
from clerc.office.services.dossiers import decompte_dossier
from clerc.office.services.etudes import contexte
from tests.web.conftest import AU, FabriqueClient, csrf_de

ROLES = (
    "commissaire_justice",
    "clerc_gestionnaire",
    "clerc_assistant",
    "stagiaire",
    "creancier_client",
    "administrateur",
)
ENREGISTRENT = {"commissaire_justice", "clerc_gestionnaire", "clerc_assistant"}
REVERSENT = {"commissaire_justice", "clerc_gestionnaire"}


def _contexte(app_web: FastAPI) -> Contexte:
    return contexte(app_web.state.moteur, "DEMO", "test")


def _creancier_demo(session: Session) -> int:
    creancier = session.scalar(
        select(Utilisateur.creancier_id).where(Utilisateur.identifiant == "demo-creancier")
    )
    assert creancier is not None
    return creancier


def _dossier(app_web: FastAPI, *, du_creancier_demo: bool = True, ouvert_avant: date = AU) -> str:
    """A running file (of the demo creditor, or of another) whose décompte is computable and
    above 2 000 €, opened on or before ``ouvert_avant``."""
    ctx = _contexte(app_web)
    with Session(app_web.state.moteur) as session:
        creancier = _creancier_demo(session)
        lignes = session.execute(
            select(Dossier.reference, Dossier.creancier_id)
            .where(Dossier.statut == "en_cours", Dossier.ouvert_le <= ouvert_avant)
            .order_by(Dossier.reference)
        ).all()
    for reference, creancier_id in lignes:
        if (creancier_id == creancier) != du_creancier_demo:
            continue
        try:
            total = decompte_dossier(ctx, reference, AU).total
        except Exception:  # no principal, a missing rate: not a file for these tests
            continue
        if total > Decimal("2000"):
            return str(reference)
    raise AssertionError("no suitable file in the demo office")


def _compter(app_web: FastAPI) -> tuple[int, int, int]:
    with Session(app_web.state.moteur) as session:
        return (
            session.scalar(select(func.count()).select_from(Paiement)) or 0,
            session.scalar(select(func.count()).select_from(Ecriture)) or 0,
            session.scalar(select(func.count()).select_from(LigneEcriture)) or 0,
        )


def _detenu(app_web: FastAPI, reference: str) -> Decimal:
    return paiements.situation_fonds(_contexte(app_web), reference, AU).detenu_pour_creancier


_JETONS: dict[int, str] = {}


def _espaces(html: str) -> str:
    """French formatting separates thousands with a narrow no-break space."""
    return html.replace("\u202f", " ").replace("\xa0", " ")


def _jeton(client: TestClient) -> str:
    """The session's CSRF token (stable for a session; the login page for an anonymous)."""
    if id(client) not in _JETONS:
        connecte = "clerc_session" in client.cookies and client.get("/dossiers").status_code == 200
        _JETONS[id(client)] = csrf_de(client) if connecte else csrf_de(client, "/connexion")
    return _JETONS[id(client)]


def _post(client: TestClient, chemin: str, donnees: dict[str, str]) -> Any:
    return client.post(
        chemin, data={**donnees, "csrf_token": _jeton(client)}, follow_redirects=False
    )


PAIEMENT = {"date": "2026-11-30", "montant": "100,00", "mode": "virement", "origine": "debiteur"}


@pytest.mark.parametrize("role", [*ROLES, None])
def test_chaque_role_obtient_ce_que_ses_droits_permettent_sur_chaque_route(
    role: str | None, client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    reference = _dossier(app_web)
    client = client_pour(role)
    base = f"/dossiers/{reference}"
    with Session(app_web.state.moteur) as session:
        un_paiement = session.scalar(select(func.min(Paiement.id)))
    assert un_paiement is not None
    if role is None:
        for methode, chemin in (
            ("get", "/fonds"),
            ("get", f"{base}/fonds"),
            ("get", f"{base}/paiements/{un_paiement}/annulation"),
        ):
            reponse = getattr(client, methode)(chemin, follow_redirects=False)
            assert reponse.status_code == 303
            assert reponse.headers["location"].startswith("/connexion")
        for chemin in (
            f"{base}/paiements",
            f"{base}/paiements/{un_paiement}/annulation",
            f"{base}/reversement",
            f"{base}/frais",
        ):
            reponse = _post(client, chemin, PAIEMENT)
            assert reponse.status_code == 303
            assert reponse.headers["location"].startswith("/connexion")
        return

    attendu_liste = 403 if role == "creancier_client" else 200
    assert client.get("/fonds").status_code == attendu_liste
    page = client.get(f"{base}/fonds")
    assert page.status_code == 200
    assert ('action="/dossiers/' + reference + '/paiements"' in page.text) == (role in ENREGISTRENT)
    assert ('action="/dossiers/' + reference + '/reversement"' in page.text) == (role in REVERSENT)
    assert ("Grand livre des fonds de tiers" in page.text) == (role != "creancier_client")

    avant = _compter(app_web)
    premier = _post(client, f"{base}/paiements", PAIEMENT)
    second = _post(client, f"{base}/paiements", {**PAIEMENT, "montant": "50,00"})
    if role in ENREGISTRENT:
        assert premier.status_code == second.status_code == 303
        assert premier.headers["location"] == f"{base}?fait=paiement#paiements"
        annulable = paiements.situation_fonds(_contexte(app_web), reference, AU).paiements[-1]
        assert annulable.montant == Decimal("50.00")
        cible = annulable.id
    else:
        assert premier.status_code == second.status_code == 403
        assert _compter(app_web) == avant
        cible = un_paiement
    confirmation = client.get(f"{base}/paiements/{cible}/annulation")
    annulation = _post(client, f"{base}/paiements/{cible}/annulation", {"motif": "Erreur"})
    frais = _post(client, f"{base}/frais", {"montant": "10", "nature": "honoraires"})
    reversement = _post(client, f"{base}/reversement", {"montant": ""})
    if role in ENREGISTRENT:
        assert confirmation.status_code == 200 and "Confirmer l'annulation" in confirmation.text
        assert annulation.status_code == 303
    else:
        assert confirmation.status_code == annulation.status_code == 403
    if role in REVERSENT:
        assert frais.status_code == reversement.status_code == 303
        assert _detenu(app_web, reference) == Decimal("0.00")
    else:
        assert frais.status_code == reversement.status_code == 403


def test_un_paiement_poste_change_le_decompte_et_les_fonds_detenus_de_son_montant(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    reference = _dossier(app_web)
    ctx = _contexte(app_web)
    total_avant = decompte_dossier(ctx, reference, AU).total
    detenu_avant = _detenu(app_web, reference)
    client = client_pour("clerc_gestionnaire")
    reponse = _post(
        client,
        f"/dossiers/{reference}/paiements",
        {**PAIEMENT, "montant": "1 234,56", "libelle": "Virement du débiteur"},
    )
    assert reponse.status_code == 303
    montant = Decimal("1234.56")
    assert decompte_dossier(ctx, reference, AU).total == total_avant - montant
    assert _detenu(app_web, reference) == detenu_avant + montant
    # The file page shows the new total and the held sum, the loader of the money fragment.
    page = _espaces(client.get(f"/dossiers/{reference}?fait=paiement").text)
    assert "Virement du débiteur" in page and "1 234,56" in page
    assert f'hx-get="/dossiers/{reference}/fonds?fait=paiement"' in page
    fragment = client.get(
        f"/dossiers/{reference}/fonds?fait=paiement", headers={"HX-Request": "true"}
    ).text
    assert "<html" not in fragment and "Paiement enregistré." in fragment
    # Six weeks (a transfer, not an instalment) from 30/11/2026: 11/01/2027.
    fonds = client.get("/fonds").text
    ligne = re.search(rf'{reference}#paiements">.*?</tr>', fonds, re.S)
    assert ligne is not None
    assert "11/01/2027" in ligne.group(0) and "six semaines (C. com. R444-56)" in ligne.group(0)


@pytest.mark.parametrize(
    ("saisi", "message"),
    [
        ("12,3,4", "montant ambigu"),
        ("-12,50", "négatif"),
        ("", "Montant obligatoire."),
        ("0", "supérieur à zéro"),
    ],
)
def test_un_montant_invalide_est_refuse_a_cote_du_champ_sans_rien_ecrire(
    saisi: str, message: str, client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    reference = _dossier(app_web)
    avant = _compter(app_web)
    reponse = _post(
        client_pour("clerc_assistant"),
        f"/dossiers/{reference}/paiements",
        {**PAIEMENT, "montant": saisi, "libelle": "gardé"},
    )
    assert reponse.status_code == 422
    assert _compter(app_web) == avant
    champ = re.search(r'<input id="paiement-montant"[^>]*>', reponse.text)
    assert champ is not None
    assert 'aria-invalid="true"' in champ.group(0)
    assert 'aria-describedby="paiement-montant-erreur"' in champ.group(0)
    assert f'value="{saisi}"' in champ.group(0)
    erreur = re.search(
        r'<p id="paiement-montant-erreur" class="erreur-champ">([^<]*)</p>', reponse.text
    )
    assert erreur is not None and message in erreur.group(1).replace("&#39;", "'")
    assert 'value="gardé"' in reponse.text  # the other fields keep what was typed


def test_une_date_future_ou_un_mode_inconnu_sont_refuses_a_cote_du_champ(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    reference = _dossier(app_web)
    avant = _compter(app_web)
    reponse = _post(
        client_pour("clerc_gestionnaire"),
        f"/dossiers/{reference}/paiements",
        {**PAIEMENT, "date": "2026-12-01", "mode": "bitcoin"},
    )
    assert reponse.status_code == 422 and _compter(app_web) == avant
    assert 'id="paiement-date-erreur"' in reponse.text and "postérieure" in reponse.text
    assert 'id="paiement-mode-erreur"' in reponse.text


def test_le_reversement_laisse_zero_detenu_et_le_grand_livre_equilibre(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    reference = _dossier(app_web)
    client = client_pour("commissaire_justice")
    assert _post(client, f"/dossiers/{reference}/paiements", PAIEMENT).status_code == 303
    detenu = _detenu(app_web, reference)
    assert detenu >= Decimal("100.00")
    page = client.get(f"/dossiers/{reference}/fonds").text
    assert "vide : tout ce qui est détenu" in page and "C. com. R444-56" in page
    reponse = _post(client, f"/dossiers/{reference}/reversement", {"date": "2026-11-30"})
    assert reponse.status_code == 303
    situation = paiements.situation_fonds(_contexte(app_web), reference, AU)
    assert situation.detenu_pour_creancier == Decimal("0.00") and situation.fonds == ()
    assert situation.equilibre and situation.total_debits == situation.total_credits
    derniere = situation.ecritures[-1]
    assert derniere.nature == "reversement" and derniere.debit == detenu
    with Session(app_web.state.moteur) as session:
        dossier_id = session.scalar(select(Dossier.id).where(Dossier.reference == reference))
        assert dossier_id is not None
        assert grand_livre.solde_creancier(session, dossier_id) == Decimal("0.00")
        assert grand_livre.balance(session).equilibree
    assert f"{reference}#paiements" not in client.get("/fonds").text
    assert "Totaux — équilibré" in client.get(f"/dossiers/{reference}/fonds").text


def test_un_reversement_superieur_aux_fonds_detenus_est_refuse_en_francais(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    reference = _dossier(app_web)
    client = client_pour("clerc_gestionnaire")
    assert _post(client, f"/dossiers/{reference}/paiements", PAIEMENT).status_code == 303
    detenu = _detenu(app_web, reference)
    avant = _compter(app_web)
    reponse = _post(
        client, f"/dossiers/{reference}/reversement", {"montant": str(detenu + 1).replace(".", ",")}
    )
    assert reponse.status_code == 422 and _compter(app_web) == avant
    erreur = re.search(
        r'id="reversement-montant-erreur" class="erreur-champ">([^<]*)<', reponse.text
    )
    assert erreur is not None
    assert "refusée : le dossier ne détient que" in erreur.group(1)
    assert _detenu(app_web, reference) == detenu
    # The fees withheld obey the same ledger: never more than is held.
    frais = _post(
        client, f"/dossiers/{reference}/frais", {"montant": "999999", "nature": "debours"}
    )
    assert frais.status_code == 422 and 'id="frais-montant-erreur"' in frais.text


def test_annuler_un_paiement_passe_une_correction_apres_confirmation(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    reference = _dossier(app_web)
    ctx = _contexte(app_web)
    client = client_pour("clerc_assistant")
    total_avant = decompte_dossier(ctx, reference, AU).total
    detenu_avant = _detenu(app_web, reference)
    _post(client, f"/dossiers/{reference}/paiements", {**PAIEMENT, "mode": "cheque"})
    paiement = paiements.situation_fonds(ctx, reference, AU).paiements[-1]
    chemin = f"/dossiers/{reference}/paiements/{paiement.id}/annulation"
    sans_motif = _post(client, chemin, {"motif": " "})
    assert sans_motif.status_code == 422 and 'id="annulation-motif-erreur"' in sans_motif.text
    lignes_avant = _compter(app_web)
    assert _post(client, chemin, {"motif": "Chèque impayé"}).status_code == 303
    apres = _compter(app_web)
    assert apres[0] == lignes_avant[0] + 1  # a negative payment, nothing deleted
    assert apres[1] == lignes_avant[1] + 1  # the reversal of its entry
    situation = paiements.situation_fonds(ctx, reference, AU)
    assert situation.detenu_pour_creancier == detenu_avant and situation.equilibre
    assert situation.paiements[-1].montant == -paiement.montant
    assert decompte_dossier(ctx, reference, AU).total == total_avant
    assert _post(client, chemin, {"motif": "encore"}).status_code == 422  # already cancelled


def test_le_stagiaire_recoit_403_en_postant_et_rien_n_est_ecrit(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    reference = _dossier(app_web)
    avant = _compter(app_web)
    reponse = _post(client_pour("stagiaire"), f"/dossiers/{reference}/paiements", PAIEMENT)
    assert reponse.status_code == 403 and "enregistrer un paiement" in reponse.text
    assert _compter(app_web) == avant


def test_le_creancier_ne_voit_jamais_les_fonds_d_un_autre_creancier(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    sien = _dossier(app_web)
    autre = _dossier(app_web, du_creancier_demo=False)
    # The other creditor's file holds money: the office posts a payment on it.
    assert _post(client_pour("clerc_gestionnaire"), f"/dossiers/{autre}/paiements", PAIEMENT)
    client = client_pour("creancier_client")
    assert client.get(f"/dossiers/{autre}/fonds").status_code == 404
    assert client.get(f"/dossiers/{autre}/fonds", headers={"HX-Request": "true"}).status_code == 404
    assert client.get("/fonds").status_code == 403
    assert _post(client, f"/dossiers/{autre}/reversement", {}).status_code == 403
    page = client.get(f"/dossiers/{sien}/fonds")
    assert page.status_code == 200 and "Paiements du dossier" in page.text
    assert "<form id=" not in page.text and "Grand livre" not in page.text
    assert autre not in page.text


def test_la_liste_des_fonds_met_les_retards_d_abord_et_se_filtre(
    client_pour: FabriqueClient, app_web: FastAPI
) -> None:
    recent = _dossier(app_web)
    ancien = _dossier(app_web, du_creancier_demo=False, ouvert_avant=date(2026, 10, 1))
    client = client_pour("commissaire_justice")
    assert _post(client, f"/dossiers/{recent}/paiements", PAIEMENT).status_code == 303
    en_especes = {**PAIEMENT, "date": "2026-10-01", "mode": "especes", "montant": "300"}
    assert _post(client, f"/dossiers/{ancien}/paiements", en_especes).status_code == 303
    alertes = paiements.fonds_detenus(_contexte(app_web), AU)
    html = client.get("/fonds").text
    ordre = re.findall(r'href="/dossiers/(\d{4}-\d{6})#paiements"', html)
    assert ordre == [a.reference for a in alertes]
    assert ordre.index(ancien) < ordre.index(recent)
    ligne = re.search(rf'{ancien}#paiements">.*?</tr>', html, re.S)
    assert ligne is not None
    assert "22/10/2026" in ligne.group(0) and "en retard de 39 j" in ligne.group(0)
    assert "trois semaines (espèces, C. com. R444-56)" in ligne.group(0)
    creancier = paiements.creanciers_des_dossiers(_contexte(app_web), [ancien])[ancien]
    assert creancier and creancier in html.replace("&#39;", "'")
    total = sum((a.fonds.restant for a in alertes), Decimal("0.00"))
    assert format(total, ",.2f").replace(",", " ").replace(".", ",") + " €" in _espaces(html)
    filtre = client.get("/fonds?retard=true").text
    en_retard = re.findall(r'href="/dossiers/(\d{4}-\d{6})#paiements"', filtre)
    assert ancien in en_retard and recent not in en_retard
    assert "en retard de" in filtre


def test_la_liste_des_fonds_est_paginee_et_ses_totaux_portent_sur_toutes_les_sommes(
    client_pour: FabriqueClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerc.web.routes import fonds

    client = client_pour("clerc_gestionnaire")
    entiere = client.get("/fonds").text
    lignes = entiere.count('class="ligne-en_retard"') + entiere.count(
        '<tr>\n        <th scope="row">'
    )
    monkeypatch.setattr(fonds, "PAR_PAGE", 1)
    premiere = client.get("/fonds").text
    total = re.search(r"Total détenu</dt><dd>([^<]+)</dd>", entiere)
    assert total and f"<dd>{total.group(1)}</dd>" in premiere  # totals over every sum
    assert lignes >= 2  # the demo office holds several sums
    assert premiere.count('#paiements">') == 1
    assert f"Page 1 sur {lignes}" in premiere and 'rel="next"' in premiere
    seconde = client.get("/fonds?retard=false&page=2")
    assert seconde.status_code == 200 and f"Page 2 sur {lignes}" in seconde.text
