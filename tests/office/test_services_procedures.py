"""Procedures on a file (SQLite and PostgreSQL): start, record steps, refusals with the law's
reason, lapse, the stored deadlines and the office agenda."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from sqlalchemy import func, select

from clerc.office.db import Contexte, transaction
from clerc.office.erreurs import Introuvable, OperationRefusee
from clerc.office.models import Echeance, EntreeAudit, Protection
from clerc.office.services import agenda as agenda_etude
from clerc.office.services import dossiers, procedures
from clerc.rules.erreurs import DonneeInvalide
from tests.office.test_services_dossiers import debiteur, nouveau_dossier, titre

# The judgment of the file: served on 2 February 2026, with the formule exécutoire.
SIGNIFIE_LE = date(2026, 2, 2)


def _ouvrir(etude: Contexte, **champs: object) -> str:
    titre_ = replace(titre(), formule_executoire=True, date_signification=SIGNIFIE_LE)
    return dossiers.ouvrir_dossier(etude, nouveau_dossier(titre=titre_, **champs))


def _statuts(resultat: dict[str, object]) -> dict[str, str]:
    return {e["code"]: e["statut"] for e in resultat["etapes"]}  # type: ignore[attr-defined]


def test_une_saisie_attribution_de_bout_en_bout(etude: Contexte) -> None:
    reference = _ouvrir(etude)  # debtor in Metz: Moselle calendar (57)
    procedures.demarrer(etude, reference, "saisie_attribution", date(2026, 3, 2))
    apres_pv = procedures.enregistrer_etape(
        etude, reference, "pv_saisie", date(2026, 3, 2), heure=time(9, 30), mode="personne"
    )
    assert _statuts(apres_pv)["denonciation"] == "possible"

    # The agenda of Wednesday 4 March 2026: dénonciation within 8 days (R211-3): 8 days from
    # Tuesday 3 March end Tuesday 10 March 24:00 (CPC 641, 642), on pain of caducité.
    agenda = agenda_etude.agenda(etude, date(2026, 3, 4))
    assert [(e.dossier, e.etape, e.date_limite, e.sanction, e.article) for e in agenda] == [
        (reference, "denonciation", date(2026, 3, 10), "caducite", "CPCE R211-3")
    ]

    procedures.enregistrer_etape(etude, reference, "denonciation", date(2026, 3, 4), mode="etude")
    # Contestation month: 4 March -> 4 April 2026, a Saturday, then Sunday 5 and Easter Monday
    # 6 April: the month ends Tuesday 7 April (CPC 642 al. 2); certificate from Wednesday 8.
    with pytest.raises(DonneeInvalide, match="Pas avant le 2026-04-08"):
        procedures.enregistrer_etape(
            etude, reference, "certificat_non_contestation", date(2026, 4, 7)
        )
    etat = procedures.possibles(etude, reference, date(2026, 4, 8))
    (saisie,) = etat["procedures"]
    assert saisie["statut"] == "en_cours"
    assert _statuts(saisie)["certificat_non_contestation"] == "possible"
    assert _statuts(saisie)["contestation"] == "expiree"


def test_une_denonciation_tardive_est_refusee_et_la_saisie_caduque(etude: Contexte) -> None:
    reference = _ouvrir(etude)
    procedures.demarrer(etude, reference, "saisie_attribution", date(2026, 3, 2))
    procedures.enregistrer_etape(etude, reference, "pv_saisie", date(2026, 3, 2))

    with pytest.raises(DonneeInvalide, match="la saisie-attribution est caduque"):
        procedures.enregistrer_etape(etude, reference, "denonciation", date(2026, 3, 11))

    (saisie,) = procedures.possibles(etude, reference, date(2026, 3, 11))["procedures"]
    assert saisie["statut"] == "caduque"
    # The agenda shows the missed deadline first, as overdue.
    (premier, *_) = agenda_etude.agenda(etude, date(2026, 3, 11))
    assert (premier.categorie, premier.etape, premier.effet) == (
        "en_retard",
        "denonciation",
        "la saisie-attribution est caduque",
    )


def test_pas_de_saisie_contre_un_debiteur_en_liquidation(etude: Contexte) -> None:
    reference = _ouvrir(etude)
    with transaction(etude, "liquidation") as session:
        dossier = dossiers.charger_dossier(session, reference)
        session.add(
            Protection(
                partie_id=dossier.debiteurs[0].partie_id,
                nature="liquidation_judiciaire",
                depuis=date(2026, 2, 20),
            )
        )
    procedures.demarrer(etude, reference, "saisie_attribution", date(2026, 3, 2))
    avant = _compter(etude)
    with pytest.raises(DonneeInvalide, match=r"C\. com\. L622-21"):
        procedures.enregistrer_etape(etude, reference, "pv_saisie", date(2026, 3, 2))
    assert _compter(etude) == avant  # nothing written, not even in the audit log


def test_sans_formule_executoire_aucune_mesure(etude: Contexte) -> None:
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier())  # no formule exécutoire
    procedures.demarrer(etude, reference, "saisie_attribution", date(2026, 3, 2))
    with pytest.raises(DonneeInvalide, match="CPC 502"):
        procedures.enregistrer_etape(etude, reference, "pv_saisie", date(2026, 3, 2))


def test_refus_en_francais(etude: Contexte) -> None:
    reference = _ouvrir(etude)
    with pytest.raises(DonneeInvalide, match="Procédure « saisie_lune » inconnue"):
        procedures.demarrer(etude, reference, "saisie_lune", date(2026, 3, 2))
    procedures.demarrer(etude, reference, "saisie_attribution", date(2026, 3, 2))
    with pytest.raises(OperationRefusee, match="déjà une procédure saisie-attribution en cours"):
        procedures.demarrer(etude, reference, "saisie_attribution", date(2026, 3, 3))
    with pytest.raises(DonneeInvalide, match="Il faut d'abord : Procès-verbal de saisie"):
        procedures.enregistrer_etape(etude, reference, "denonciation", date(2026, 3, 2))
    with pytest.raises(DonneeInvalide, match="Mode « pigeon » inconnu"):
        procedures.enregistrer_etape(etude, reference, "pv_saisie", date(2026, 3, 2), mode="pigeon")


def test_l_agenda_par_clerc(etude: Contexte) -> None:
    from clerc.office.services import etudes

    etudes.creer_utilisateur(etude, identifiant="mdurand", role="clerc_gestionnaire")
    a_moi = _ouvrir(etude, clerc="mdurand")
    autre = _ouvrir(etude, debiteurs=(debiteur("Martin"),), reference_mandant="BN-2")
    for reference in (a_moi, autre):
        procedures.demarrer(etude, reference, "saisie_attribution", date(2026, 3, 2))
        procedures.enregistrer_etape(etude, reference, "pv_saisie", date(2026, 3, 2))
    au = date(2026, 3, 4)
    assert {e.dossier for e in agenda_etude.agenda(etude, au, clerc="mdurand")} == {a_moi}
    assert {e.dossier for e in agenda_etude.agenda(etude, au)} == {a_moi, autre}


def _compter(etude: Contexte) -> tuple[int, int]:
    with transaction(etude, "compter", ecriture=False) as session:
        return (
            session.scalar(select(func.count()).select_from(EntreeAudit)) or 0,
            session.scalar(select(func.count()).select_from(Echeance)) or 0,
        )


def test_les_lettres_des_articles_658_et_659_sont_a_l_agenda(etude: Contexte) -> None:
    reference = _ouvrir(etude)
    procedures.demarrer(etude, reference, "saisie_attribution", date(2026, 3, 2))
    procedures.enregistrer_etape(etude, reference, "pv_saisie", date(2026, 3, 2), mode="personne")
    # Dénonciation left at the office on Friday 6 March 2026 (CPC 656): the CPC 658 letter is
    # due the same day or the first jour ouvrable after, Saturday 7 March.
    procedures.enregistrer_etape(etude, reference, "denonciation", date(2026, 3, 6), mode="etude")
    lettres = [e for e in agenda_etude.agenda(etude, date(2026, 3, 6)) if e.article == "CPC 658"]
    assert [(e.etape, e.date_limite) for e in lettres] == [("lettre_cpc_658", date(2026, 3, 7))]
    (saisie,) = procedures.possibles(etude, reference, date(2026, 3, 6))["procedures"]
    assert saisie["lettres_dues"][0]["apres"] == "denonciation"

    with pytest.raises(DonneeInvalide, match="antérieure à la signification du 2026-03-06"):
        procedures.enregistrer_etape(etude, reference, "lettre_cpc_658", date(2026, 3, 5))
    procedures.enregistrer_etape(etude, reference, "lettre_cpc_658", date(2026, 3, 6))

    assert not [e for e in agenda_etude.agenda(etude, date(2026, 3, 6)) if e.article == "CPC 658"]
    with pytest.raises(Introuvable, match="lettre_cpc_659"):
        procedures.enregistrer_etape(etude, reference, "lettre_cpc_659", date(2026, 3, 6))


def test_les_fonds_a_reverser_sont_a_l_agenda_jusqu_au_reversement(etude: Contexte) -> None:
    from decimal import Decimal

    from clerc.office.services import paiements

    reference = _ouvrir(etude)
    # 200 € in cash on Monday 2 March 2026: to be paid out within three weeks, by Monday
    # 23 March (C. com. R444-56).
    paiements.enregistrer_paiement(etude, reference, Decimal("200.00"), date(2026, 3, 2),
                                   mode="especes")  # fmt: skip
    (fonds,) = [
        e for e in agenda_etude.agenda(etude, date(2026, 3, 20)) if e.etape == "reversement"
    ]
    assert (fonds.dossier, fonds.date_limite, fonds.article, fonds.procedure) == (
        reference,
        date(2026, 3, 23),
        "C. com. R444-56",
        "fonds_de_tiers",
    )
    assert fonds.libelle == "Reverser 200,00\xa0€ reçus le 2026-03-02"
    paiements.reverser(etude, reference, date(2026, 3, 20))
    assert not [
        e for e in agenda_etude.agenda(etude, date(2026, 3, 20)) if e.etape == "reversement"
    ]


def test_l_agenda_pagine_dans_l_ordre_du_risque_et_son_resume(etude: Contexte) -> None:
    premier = _ouvrir(etude)
    second = _ouvrir(etude, debiteurs=(debiteur("Martin"),), reference_mandant="BN-2")
    for reference in (premier, second):
        procedures.demarrer(etude, reference, "saisie_attribution", date(2026, 3, 2))
        procedures.enregistrer_etape(
            etude, reference, "pv_saisie", date(2026, 3, 2), mode="domicile"
        )
    procedures.enregistrer_etape(etude, premier, "lettre_cpc_658", date(2026, 3, 3))
    # On Thursday 5 March 2026: the second file's CPC 658 letter (due Tuesday 3 March) is
    # overdue; both dénonciations are due by Tuesday 10 March on pain of caducité (R211-3).
    au = date(2026, 3, 5)
    tout = agenda_etude.agenda(etude, au)
    assert [(e.dossier, e.etape, e.categorie) for e in tout] == [
        (second, "lettre_cpc_658", "en_retard"),
        (premier, "denonciation", "semaine"),
        (second, "denonciation", "semaine"),
    ]
    assert agenda_etude.agenda(etude, au, limite=2) == tout[:2]
    assert agenda_etude.agenda(etude, au, limite=2, decalage=2) == tout[2:]
    assert agenda_etude.resume_agenda(etude, au) == {
        "en_retard": 1,
        "aujourd_hui": 0,
        "semaine": 2,
        "pas_avant": 0,
        "fatales_en_retard": 0,
        "total": 3,
    }
    # On Wednesday 11 March both saisies have lapsed: two fatal items overdue.
    assert agenda_etude.resume_agenda(etude, date(2026, 3, 11))["fatales_en_retard"] == 2
    with pytest.raises(DonneeInvalide, match="au moins une échéance"):
        agenda_etude.agenda(etude, au, limite=0)
