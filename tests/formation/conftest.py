"""Training fixtures: one synthetic office per seed and date, generated once per session."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from clerc.formation.scenarios import Scenario, etude_formation
from clerc.rules.analyse import DossierExamine, TitreExamine

AU = date(2026, 11, 30)
GRAINE = 42  # its office holds every kind of trap of the generator


@pytest.fixture(scope="session")
def scenarios() -> tuple[Scenario, ...]:
    return etude_formation(GRAINE, AU)


def avec_piege(scenarios: tuple[Scenario, ...], code: str) -> Scenario:
    return next(s for s in scenarios if s.piege == code)


def _titre_signifie(titre: TitreExamine, au: date) -> TitreExamine:
    """A title served right after its date, and young enough not to be time-barred."""
    date_titre = max(titre.date_titre, au - timedelta(days=3 * 365))
    return replace(
        titre,
        date_titre=date_titre,
        date_signification=date_titre + timedelta(days=10),
        date_force_executoire=date_titre + timedelta(days=60),
        formule_executoire=True,
    )


def sans_piege(s: Scenario) -> Scenario:
    """The same file with its trap taken out (plain values only): the counterfactual."""
    d: DossierExamine = s.examine
    situation = d.situation
    code = s.piege
    if code in {"liquidation_judiciaire", "surendettement", "majeur_protege", "debiteur_decede"}:
        d = replace(
            d,
            debiteurs=tuple(
                replace(x, protections=(), representants=(), decede_le=None) for x in d.debiteurs
            ),
            titre_signifie_aux_heritiers_le=None,
        )
        if situation is not None:
            risques = situation.risques - {"procedure_collective", "surendettement", "deces"}
            situation = replace(situation, risques=frozenset(risques))
    elif code in {"titre_prescrit", "jugement_non_signifie", "injonction_non_signifiee_6_mois"}:
        assert d.titre is not None
        titre = _titre_signifie(d.titre, s.au)
        d = replace(d, titre=titre, actes=tuple(a for a in d.actes if a.date >= titre.date_titre))
        if situation is not None:
            situation = replace(
                situation, titre_executoire=True, titre_signifie_le=titre.date_signification
            )
    elif code == "treve_hivernale":
        d = replace(d, expulsions=())
    elif code == "alsace_moselle":
        d = replace(
            d, territoire="75", debiteurs=tuple(replace(x, departement="75") for x in d.debiteurs)
        )
    elif code == "creance_inferieure_535":
        d = replace(d, principal=Decimal("5000.00"))
        if situation is not None:
            situation = replace(situation, principal=Decimal("5000.00"))
    elif code == "fonds_detenus_trop_longtemps":
        d = replace(d, fonds=())
    elif code == "creance_alimentaire":
        assert d.titre is not None
        d = replace(d, titre=replace(d.titre, creance_alimentaire=False))
        if situation is not None:
            situation = replace(situation, creance_alimentaire=False)
    elif code == "solde_bancaire_insaisissable":
        d = replace(d, soldes_bancaires=())
    else:
        raise AssertionError(f"piège inconnu {code}")
    return replace(s, examine=replace(d, situation=situation), piege=None)
