"""Saisie of a motor vehicle: declaration (CPCE L223-1, R223-2 to R223-5) and immobilisation
(L223-2, R223-6 to R223-10), then the sale (R221-30 to R221-33).

Dates counted by hand: CPC 641 al. 1 (days), CPC 641 al. 2 (months and years: same quantième),
CPC 642 al. 2 (an end on a Saturday, Sunday or holiday moves to the next working day).
"""

from __future__ import annotations

from datetime import date

import pytest

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.chargement import procedure
from clerc.rules.procedures.gardes import Situation
from clerc.rules.procedures.moteur import EtapeFaite, etat, plan, verifier_etape
from tests.rules.procedures.outils import faites as _faites

CODE = "saisie_vehicule"
DECLARATION = date(2028, 12, 12)  # Tuesday
IMMOBILISATION = date(2026, 1, 13)  # Tuesday


def _vehicule():
    return procedure(CODE, DECLARATION)


def _plan(depuis: date, territoire: str = "75") -> dict[str, dict[str, object]]:
    return {e.etape.code: e.en_dict() for e in plan(procedure(CODE, depuis), depuis, territoire)}


def test_plan_nominal_et_la_reunion() -> None:
    # R223-3: the copy of the declaration is served within eight days: Wednesday
    # 20 December 2028 in Paris; at La Réunion 20 December is the abolition-of-slavery holiday
    # (C. trav. L3422-2), so Thursday 21 December. Same for the commandement of R223-10 after
    # an immobilisation on the same day.
    paris, reunion = _plan(DECLARATION, "75"), _plan(DECLARATION, "974")
    assert paris["signification_declaration"]["date_limite"] == "2028-12-20"
    assert reunion["signification_declaration"]["date_limite"] == "2028-12-21"
    assert reunion["signification_declaration"]["sanction"]["nature"] == "caducite"
    assert paris["commandement"]["date_limite"] == "2028-12-20"
    assert reunion["commandement"]["date_limite"] == "2028-12-21"
    # R223-4: the declaration lapses two years after its signification: 12 December 2030.
    assert paris["renouvellement_declaration"]["date_limite"] == "2030-12-12"
    # R223-10 3° and R221-31: forced sale once the month of amicable sale has run
    # (12 January 2029 at 24:00), from Saturday 13 January 2029.
    assert paris["vente_forcee"]["date_au_plus_tot"] == "2029-01-13"
    assert paris["proposition_vente_amiable"]["date_limite"] == "2029-01-12"


def test_declaration_non_signifiee_caduque() -> None:
    resultat = etat(_vehicule(), _faites(("declaration", DECLARATION)), date(2028, 12, 21))
    assert resultat.statut == "caduque"
    assert "la déclaration de saisie est caduque (CPCE R223-3)" in resultat.motif


def test_declaration_non_renouvelee_perimee() -> None:
    faites = _faites(
        ("declaration", DECLARATION), ("signification_declaration", date(2028, 12, 14))
    )
    assert etat(_vehicule(), faites, date(2030, 12, 12)).statut == "en_cours"
    resultat = etat(_vehicule(), faites, date(2030, 12, 13))
    assert resultat.statut == "caduque"
    assert "la déclaration cesse de produire effet" in resultat.motif
    assert "CPCE R223-4" in resultat.motif
    # Once the vehicle is immobilised, the sale goes on: no renewal is asked.
    faites += _faites(("immobilisation", date(2029, 3, 6)))
    assert etat(_vehicule(), faites, date(2030, 12, 13)).statut == "en_cours"


def test_commandement_tardif_apres_immobilisation() -> None:
    vehicule = procedure(CODE, IMMOBILISATION)
    faites = _faites(("immobilisation", IMMOBILISATION))
    # Eight days after Tuesday 13 January 2026: Wednesday 21 January.
    resultat = etat(vehicule, faites, date(2026, 1, 22))
    etapes = {e.etape.code: e for e in resultat.etapes}
    assert resultat.statut == "en_cours"  # a nullity, not a caducité of the procedure
    assert etapes["commandement"].statut == "manquee"
    assert "2026-01-21" in etapes["commandement"].motifs[0]
    assert "CPCE R223-10" in etapes["commandement"].motifs[0]
    assert etapes["vente_forcee"].statut == "bloquee"
    with pytest.raises(DonneeInvalide, match="CPCE R223-10"):
        verifier_etape(vehicule, faites, EtapeFaite("commandement", date(2026, 1, 22)))


def test_vente_forcee_trop_tot() -> None:
    vehicule = procedure(CODE, IMMOBILISATION)
    faites = _faites(("immobilisation", IMMOBILISATION), ("commandement", date(2026, 1, 15)))
    # One month from Thursday 15 January: 15 February 2026 is a Sunday, the delay runs to
    # Monday 16 February, so the sale from Tuesday 17 February.
    with pytest.raises(DonneeInvalide, match=r"Pas avant le 2026-02-17.*CPCE R223-10"):
        verifier_etape(vehicule, faites, EtapeFaite("vente_forcee", date(2026, 2, 16)))
    verifier_etape(vehicule, faites, EtapeFaite("vente_forcee", date(2026, 2, 17)))
    # An amicable offer sent to the creditors on Monday 9 February adds their fifteen days
    # (R221-31): to 24 February at 24:00, so the sale from Wednesday 25 February.
    faites += _faites(
        ("proposition_vente_amiable", date(2026, 2, 6)),
        ("information_creanciers", date(2026, 2, 9)),
    )
    with pytest.raises(DonneeInvalide, match=r"Pas avant le 2026-02-25.*CPCE R221-31"):
        verifier_etape(vehicule, faites, EtapeFaite("vente_forcee", date(2026, 2, 24)))


def test_proposition_de_vente_amiable_hors_delai() -> None:
    vehicule = procedure(CODE, IMMOBILISATION)
    faites = _faites(("immobilisation", IMMOBILISATION), ("commandement", date(2026, 1, 15)))
    with pytest.raises(DonneeInvalide, match=r"2026-02-16.*CPCE R221-30"):
        verifier_etape(vehicule, faites, EtapeFaite("proposition_vente_amiable", date(2026, 2, 17)))
    faites += _faites(
        ("proposition_vente_amiable", date(2026, 2, 2)),
        ("paiement_prix_amiable", date(2026, 2, 20)),
    )
    assert etat(vehicule, faites, date(2026, 2, 20)).statut == "terminee"


def test_gardes_et_jours_de_l_immobilisation() -> None:
    vehicule = procedure(CODE, IMMOBILISATION)
    # Sunday 11 January 2026: no enforcement measure on a Sunday (CPCE L141-1).
    with pytest.raises(DonneeInvalide, match="CPCE L141-1"):
        verifier_etape(vehicule, (), EtapeFaite("immobilisation", date(2026, 1, 11)))
    # Title not yet served on the debtor (CPC 503).
    situation = Situation(titre_executoire=True, titre_signifie_le=date(2026, 1, 20))
    with pytest.raises(DonneeInvalide, match="CPC 503"):
        verifier_etape(
            vehicule, (), EtapeFaite("immobilisation", IMMOBILISATION), situation=situation
        )
    with pytest.raises(DonneeInvalide, match="CPCE L111-2"):
        verifier_etape(
            _vehicule(),
            (),
            EtapeFaite("declaration", DECLARATION),
            situation=Situation(titre_executoire=False),
        )


def test_les_deux_branches_sont_independantes() -> None:
    # Immobilisation without declaration: the declaration's steps wait, nothing lapses.
    vehicule = procedure(CODE, IMMOBILISATION)
    faites = _faites(("immobilisation", IMMOBILISATION), ("commandement", date(2026, 1, 15)))
    resultat = etat(vehicule, faites, date(2026, 3, 1))
    etapes = {e.etape.code: e for e in resultat.etapes}
    assert resultat.statut == "en_cours"
    assert etapes["signification_declaration"].statut == "bloquee"
    assert etapes["vente_forcee"].statut == "possible"
