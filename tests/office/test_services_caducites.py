"""Lapses found by the daily check, procedures given up, closed files, the heirs' service
(SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from sqlalchemy import select

from clerc.office.db import Contexte, transaction
from clerc.office.erreurs import Introuvable
from clerc.office.models import Evenement, Protection
from clerc.office.services import agenda as agenda_etude
from clerc.office.services import dossiers, procedures
from clerc.office.services.donnees import AdresseDonnees
from clerc.rules.erreurs import DonneeInvalide
from tests.office.test_services_procedures import _ouvrir


def _saisie_sans_denonciation(etude: Contexte) -> str:
    """A saisie-attribution made on Monday 2 March 2026 and never denounced: the eight days
    of CPCE R211-3 run from Tuesday 3 March and end Tuesday 10 March (CPC 641, 642)."""
    reference = _ouvrir(etude)
    procedures.demarrer(etude, reference, "saisie_attribution", date(2026, 3, 2))
    procedures.enregistrer_etape(
        etude, reference, "pv_saisie", date(2026, 3, 2), heure=time(9, 30), mode="personne"
    )
    return reference


def test_le_constat_quotidien_marque_la_saisie_caduque(etude: Contexte) -> None:
    reference = _saisie_sans_denonciation(etude)
    # On the last day of the delay the saisie is still alive.
    assert procedures.constater_caducites(etude, date(2026, 3, 10)) == []

    (constat,) = procedures.constater_caducites(etude, date(2026, 3, 11))
    assert (constat["dossier"], constat["procedure"]) == (reference, "saisie_attribution")
    assert "au plus tard le 2026-03-10" in constat["motif"]
    assert "CPCE R211-3" in constat["motif"]
    # Done once: the next day's run finds nothing new.
    assert procedures.constater_caducites(etude, date(2026, 3, 12)) == []

    (saisie,) = procedures.possibles(etude, reference, date(2026, 3, 11))["procedures"]
    assert saisie["statut"] == "caduque"
    with transaction(etude, "lire", ecriture=False) as session:
        natures = session.scalars(select(Evenement.nature)).all()
    assert "caducite" in natures

    # The agenda keeps one item: the lapse to report to the creditor, first, as overdue.
    (item,) = agenda_etude.agenda(etude, date(2026, 3, 11))
    assert (item.etape, item.categorie, item.date_limite, item.sanction, item.article) == (
        "procedure_caduque",
        "en_retard",
        date(2026, 3, 10),
        "caducite",
        "CPCE R211-3",
    )
    assert item.libelle.startswith("Saisie-attribution caduque : informer le créancier")

    # Restarting the measure deals with the lapse.
    procedures.demarrer(etude, reference, "saisie_attribution", date(2026, 3, 12))
    assert [e.etape for e in agenda_etude.agenda(etude, date(2026, 3, 12))] == []


def test_une_procedure_caduque_abandonnee_quitte_l_agenda(etude: Contexte) -> None:
    reference = _saisie_sans_denonciation(etude)
    procedures.constater_caducites(etude, date(2026, 3, 11))
    with pytest.raises(DonneeInvalide, match="le motif est requis"):
        procedures.abandonner(etude, reference, "saisie_attribution", date(2026, 3, 12), " ")
    with pytest.raises(Introuvable, match="pas de procédure « saisie_vente »"):
        procedures.abandonner(etude, reference, "saisie_vente", date(2026, 3, 12), "créancier")

    resultat = procedures.abandonner(
        etude, reference, "saisie_attribution", date(2026, 3, 12), "créancier informé"
    )
    assert resultat["abandonnees"] == 1
    assert agenda_etude.agenda(etude, date(2026, 3, 12)) == []
    (saisie,) = procedures.possibles(etude, reference, date(2026, 3, 12))["procedures"]
    assert saisie["demarree_le"] == "2026-03-02"
    assert (saisie["statut"], saisie["motif"]) == (
        "abandonnee",
        "Abandonnée le 2026-03-12 : créancier informé",
    )
    with pytest.raises(Introuvable):
        procedures.abandonner(etude, reference, "saisie_attribution", date(2026, 3, 12), "bis")


def test_clore_un_dossier_vide_son_agenda_sauf_les_lettres_dues(etude: Contexte) -> None:
    reference = _ouvrir(etude)
    procedures.demarrer(etude, reference, "saisie_attribution", date(2026, 3, 2))
    # Served at home on Monday 2 March 2026: the CPC 658 letter is owed by Tuesday 3 March.
    procedures.enregistrer_etape(etude, reference, "pv_saisie", date(2026, 3, 2), mode="domicile")
    assert {e.etape for e in agenda_etude.agenda(etude, date(2026, 3, 4))} == {
        "denonciation",
        "lettre_cpc_658",
    }
    dossiers.cloturer(etude, reference, "retire", date(2026, 3, 2))
    (lettre,) = agenda_etude.agenda(etude, date(2026, 3, 4))
    assert (lettre.etape, lettre.date_limite) == ("lettre_cpc_658", date(2026, 3, 3))
    # Nothing lapses on a closed file: its procedure was given up.
    assert procedures.constater_caducites(etude, date(2026, 3, 20)) == []


def test_la_signification_aux_heritiers_ouvre_l_execution_huit_jours_apres(
    etude: Contexte,
) -> None:
    reference = _ouvrir(etude)
    with transaction(etude, "deces") as session:
        dossier = dossiers.charger_dossier(session, reference)
        session.add(
            Protection(
                partie_id=dossier.debiteurs[0].partie_id, nature="deces", depuis=date(2026, 2, 10)
            )
        )
    procedures.demarrer(etude, reference, "saisie_attribution", date(2026, 3, 2))
    with pytest.raises(DonneeInvalide, match=r"signifié à ses héritiers \(C\. civ\. 877\)"):
        procedures.enregistrer_etape(etude, reference, "pv_saisie", date(2026, 3, 2))

    procedures.demarrer(etude, reference, "signification_titre", date(2026, 1, 15))
    procedures.enregistrer_etape(etude, reference, "jugement_rendu", date(2026, 1, 15))
    procedures.enregistrer_etape(
        etude, reference, "signification_heritiers", date(2026, 3, 3), mode="personne"
    )
    # C. civ. 877: execution against the heirs only eight days after the service of Tuesday
    # 3 March 2026; clerc counts eight clear days, hence Thursday 12 March at the earliest.
    with pytest.raises(DonneeInvalide, match="soit le 2026-03-12 au plus tôt"):
        procedures.enregistrer_etape(etude, reference, "pv_saisie", date(2026, 3, 11))
    apres = procedures.enregistrer_etape(
        etude, reference, "pv_saisie", date(2026, 3, 12), procedure="saisie_attribution"
    )
    assert apres["statut"] == "en_cours"


def test_debiteur_a_l_etranger_delai_de_recours_augmente_de_deux_mois(etude: Contexte) -> None:
    from tests.office.test_services_dossiers import debiteur

    a_metz = _ouvrir(etude)
    a_barcelone = _ouvrir(
        etude,
        debiteurs=(
            replace(
                debiteur("Garcia"),
                adresses=(
                    AdresseDonnees("Carrer de Mallorca 401", "08013", "Barcelone", pays="ES"),
                ),
            ),
        ),
        reference_mandant="BN-ES",
    )
    recours = {}
    for reference in (a_metz, a_barcelone):
        procedures.demarrer(etude, reference, "signification_titre", date(2026, 1, 15))
        procedures.enregistrer_etape(etude, reference, "jugement_rendu", date(2026, 1, 15))
        etat = procedures.enregistrer_etape(
            etude, reference, "signification_titre", date(2026, 2, 2), mode="personne"
        )
        recours[reference] = next(e for e in etat["etapes"] if e["code"] == "recours")
    # Served on Monday 2 February 2026: one month of appeal (CPC 538) ends Monday 2 March;
    # for a debtor living abroad, two more months (CPC 643 2°): Saturday 2 May, carried to
    # Monday 4 May (CPC 642 al. 2).
    assert recours[a_metz]["date_limite"] == "2026-03-02"
    assert recours[a_barcelone]["date_limite"] == "2026-05-04"
