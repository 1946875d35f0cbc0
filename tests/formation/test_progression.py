"""The job's progression (../shared/domaine/formation.md): "Trainees usually start with
stand-alone acts and amicable files; enforcement files, which need deep procedural knowledge,
come later." A beginner's exercise without trap is drawn among those files when the office
has one that suits the type."""

from __future__ import annotations

from datetime import date

import pytest

from clerc.formation.exercices import (
    NATURES_PREMIERS_DOSSIERS,
    TYPES_PAR_BLOC,
    nouvel_exercice,
)

AU = date(2026, 11, 30)


@pytest.mark.parametrize("type_", ["decompte", "mesures", "risques", "qualifier_titre"])
def test_un_debutant_commence_par_les_dossiers_amiables_et_les_actes_isoles(type_: str) -> None:
    modele = TYPES_PAR_BLOC[1][type_]
    vus = 0
    for graine in range(40, 52):
        exercice = nouvel_exercice(1, "debutant", graine, AU, type_)
        if exercice.scenario.piege in modele.pieges_pertinents:
            continue  # a beginner's obvious trap comes from an enforcement file
        premiers = [
            s
            for s in modele.scenarios(graine, AU)
            if modele.eligible(s)
            and "debutant" in modele.niveaux(s)
            and s.piege not in modele.pieges_pertinents
            and s.vue.get("nature") in NATURES_PREMIERS_DOSSIERS
        ]
        if premiers:
            vus += 1
            assert exercice.scenario.vue["nature"] in NATURES_PREMIERS_DOSSIERS, graine
    assert vus > 0, "no seed offered a first-stage file: the test would prove nothing"


def test_les_niveaux_suivants_restent_sur_les_dossiers_d_execution() -> None:
    natures = {
        nouvel_exercice(1, "confirme", graine, AU, "mesures").scenario.vue["nature"]
        for graine in range(40, 46)
    }
    assert natures - NATURES_PREMIERS_DOSSIERS  # enforcement files appear at that level
