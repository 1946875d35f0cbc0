"""Amicable recovery without a title (CPCE R124-3 to R124-6, L111-8; C. civ. 1344).

Dates are counted by hand from CPC 640-642: one month from a payment expires on the same day
of the next month (CPC 641 al. 2) at 24:00 (642 al. 1), moved to the next working day when
that day is a Saturday, Sunday or holiday (642 al. 2).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.chargement import procedure
from clerc.rules.procedures.moteur import EtapeFaite, etat, plan, verifier_etape
from tests.rules.procedures.outils import faites as _faites

AMIABLE = procedure("recouvrement_amiable", date(2026, 3, 2))


def _plan(depuis: date, territoire: str = "75") -> dict[str, dict[str, Any]]:
    return {e.etape.code: e.en_dict() for e in plan(AMIABLE, depuis, territoire)}


def _etapes(
    faites: tuple[EtapeFaite, ...], au: date, territoire: str = "75"
) -> dict[str, dict[str, Any]]:
    return {e.etape.code: e.en_dict() for e in etat(AMIABLE, faites, au, territoire).etapes}


def test_pas_de_version_avant_le_1er_juin_2012() -> None:
    with pytest.raises(DonneeInvalide, match="aucune version"):
        procedure("recouvrement_amiable", date(2012, 5, 31))


def test_plan_nominal() -> None:
    # Convention and letter on Monday 2 March 2026; balance paid the same day (nominal path):
    # remitted within one month of collection (R124-6), by Thursday 2 April 2026.
    etapes = _plan(date(2026, 3, 2))
    assert etapes["convention"]["date_prevue"] == "2026-03-02"
    assert etapes["lettre_amiable"]["date_prevue"] == "2026-03-02"
    assert etapes["lettre_amiable"]["acte_tarif"] is None  # not tariffed (L444-1)
    assert etapes["echeancier"]["date_prevue"] is None  # optional
    assert etapes["solde"]["date_prevue"] == "2026-03-02"
    assert etapes["cloture"]["date_limite"] == "2026-04-02"


def test_pas_de_lettre_sans_convention_ecrite() -> None:
    with pytest.raises(DonneeInvalide, match="Il faut d'abord : Convention écrite"):
        verifier_etape(AMIABLE, (), EtapeFaite("lettre_amiable", date(2026, 3, 2)))


def test_solde_non_reverse_dans_le_mois() -> None:
    faites = _faites(
        ("convention", date(2026, 3, 2)),
        ("lettre_amiable", date(2026, 3, 2)),
        ("solde", date(2026, 3, 2)),
    )
    retard = etat(AMIABLE, faites, date(2026, 4, 3), "75")
    cloture = next(e for e in retard.etapes if e.etape.code == "cloture")
    # Not fatal: the file stays open, the office's liability is engaged (R124-6).
    assert retard.statut == "en_cours"
    assert cloture.statut == "manquee"
    assert cloture.motifs == (
        "Délai expiré le 2026-04-02 : fonds non reversés au créancier dans le mois de leur "
        "encaissement : responsabilité de l'étude envers lui (sauf convention contraire) "
        "(CPCE R124-6).",
    )


def test_reversement_des_acomptes_traversant_le_26_decembre_en_alsace() -> None:
    # Instalment collected Wednesday 26 November 2025: remitted by Friday 26 December in Paris;
    # in Strasbourg the 26th is a holiday, then the weekend: Monday 29 December.
    faites = _faites(
        ("convention", date(2025, 11, 3)),
        ("lettre_amiable", date(2025, 11, 4)),
        ("echeancier", date(2025, 11, 14)),
        ("versement", date(2025, 11, 26)),
    )
    assert _etapes(faites, date(2025, 12, 1), "75")["reversement"]["date_limite"] == "2025-12-26"
    assert _etapes(faites, date(2025, 12, 1), "67")["reversement"]["date_limite"] == "2025-12-29"


def test_un_reversement_fait_ne_devient_pas_un_retard() -> None:
    faites = _faites(
        ("convention", date(2025, 11, 3)),
        ("lettre_amiable", date(2025, 11, 4)),
        ("versement", date(2025, 11, 26)),
        ("reversement", date(2025, 12, 10)),
    )
    etapes = _etapes(faites, date(2026, 1, 15), "75")
    assert etapes["reversement"]["statut"] == "possible"  # repeatable, no sanction declared
    assert etat(AMIABLE, faites, date(2026, 1, 15), "75").statut == "en_cours"


def test_pas_de_reversement_sans_versement() -> None:
    faites = _faites(("convention", date(2025, 11, 3)), ("lettre_amiable", date(2025, 11, 4)))
    with pytest.raises(DonneeInvalide, match="Il faut d'abord : Versement du débiteur"):
        verifier_etape(AMIABLE, faites, EtapeFaite("reversement", date(2025, 11, 20)))


def test_decheance_du_terme_suppose_un_echeancier() -> None:
    faites = _faites(("convention", date(2025, 11, 3)), ("lettre_amiable", date(2025, 11, 4)))
    with pytest.raises(DonneeInvalide, match="Il faut d'abord : Accord de paiement échelonné"):
        verifier_etape(AMIABLE, faites, EtapeFaite("decheance_terme", date(2026, 1, 5)))
    avec_echeancier = (*faites, EtapeFaite("echeancier", date(2025, 11, 14)))
    verifier_etape(AMIABLE, avec_echeancier, EtapeFaite("decheance_terme", date(2026, 1, 5)))


def test_cloture_traversant_le_27_mai_en_guadeloupe() -> None:
    # Balance paid Monday 27 April 2026: remitted by Wednesday 27 May 2026, abolition day in
    # Guadeloupe: Thursday 28 May there.
    faites = _faites(
        ("convention", date(2026, 4, 1)),
        ("lettre_amiable", date(2026, 4, 2)),
        ("solde", date(2026, 4, 27)),
    )
    assert _etapes(faites, date(2026, 5, 1), "75")["cloture"]["date_limite"] == "2026-05-27"
    assert _etapes(faites, date(2026, 5, 1), "971")["cloture"]["date_limite"] == "2026-05-28"


def test_echec_termine_le_dossier() -> None:
    faites = _faites(
        ("convention", date(2026, 3, 2)),
        ("lettre_amiable", date(2026, 3, 2)),
        ("echec", date(2026, 5, 4)),
    )
    resultat = etat(AMIABLE, faites, date(2026, 6, 1), "75")
    assert resultat.statut == "terminee"
    assert resultat.motif == "Fin du recouvrement amiable sans paiement intégral le 2026-05-04."
