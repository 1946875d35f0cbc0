"""Exercises: choose a scenario for a bloc, a type and a level; grade an answer; solve it.

``nouvel_exercice`` picks, in the synthetic office of the seed at the date, the files that suit
the type and the level, then one of them with ``random.Random`` seeded by (seed, type, level):
when both kinds exist, a file with a trap relevant to the type and a file without one are
equally likely. Everything needed to rebuild the exercise is in its identifier
(:mod:`clerc.formation.identifiant`).
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import date
from typing import Any

from clerc.formation.bloc1 import TYPES_BLOC_1
from clerc.formation.bloc2 import TYPES_BLOC_2
from clerc.formation.bloc3 import TYPES_BLOC_3
from clerc.formation.bloc4 import TYPES_BLOC_4
from clerc.formation.identifiant import (
    BLOCS,
    IdentifiantExercice,
    lire_identifiant,
    verifier_graine,
    verifier_niveau,
)
from clerc.formation.notation import Notation
from clerc.formation.type_exercice import TypeExercice
from clerc.rules.erreurs import DonneeInvalide

TYPES_PAR_BLOC: dict[int, dict[str, TypeExercice]] = {
    bloc: types
    for bloc, types in {1: TYPES_BLOC_1, 2: TYPES_BLOC_2, 3: TYPES_BLOC_3, 4: TYPES_BLOC_4}.items()
    if types  # a bloc without any type yet answers 'pas encore disponibles'
}
ESSAIS_GRAINE = 20  # without --graine: seeds tried until one suits the type and the level
# Files a beginner meets first (stand-alone acts, amicable recovery, small claims procedure).
NATURES_PREMIERS_DOSSIERS = frozenset({"signification", "amiable", "petites_creances"})


@dataclass(frozen=True)
class Exercice:
    identifiant: IdentifiantExercice
    type: TypeExercice
    scenario: Any  # a Scenario (a file), or what the type's scenarios() gives

    def en_dict(self) -> dict[str, Any]:
        """The exercise as the trainee gets it (issue 7 contract)."""
        return {
            "exercice": str(self.identifiant),
            "bloc": self.identifiant.bloc,
            "consigne": self.type.consigne(self.scenario),
            "dossier": self.scenario.vue,
            "format_reponse": self.type.format_reponse(self.scenario),
        }

    def solution(self) -> dict[str, Any]:
        """The engine's answer, in the answer format (it scores 100)."""
        return self.type.solution(self.scenario)

    def corriger(self, reponse: object) -> Notation:
        return self.type.corriger(self.scenario, reponse)


def _types(bloc: int) -> dict[str, TypeExercice]:
    if bloc not in BLOCS:
        raise DonneeInvalide(
            f"Bloc « {bloc} » inconnu : la certification en compte quatre (1 à 4)."
        )
    types = TYPES_PAR_BLOC.get(bloc)
    if types is None:
        raise DonneeInvalide(
            f"Les exercices du bloc {bloc} (« {BLOCS[bloc]} ») ne sont pas encore disponibles."
        )
    return types


def _choisir(type_: TypeExercice, niveau: str, graine: int, au: date) -> Any:
    candidats = [
        s for s in type_.scenarios(graine, au) if type_.eligible(s) and niveau in type_.niveaux(s)
    ]
    if not candidats:
        return None
    rng = random.Random(f"{graine}:{type_.code}:{niveau}")
    pieges = [s for s in candidats if s.piege in type_.pieges_pertinents]
    sans = [s for s in candidats if s.piege not in type_.pieges_pertinents]
    if niveau == "debutant":
        # The job's progression (../shared/domaine/formation.md): trainees start with
        # stand-alone acts and amicable files, enforcement files come later. A beginner's file
        # without trap is one of those when the office has one that suits the type.
        premiers = [s for s in sans if _nature(s) in NATURES_PREMIERS_DOSSIERS]
        sans = premiers or sans
    if pieges and sans:
        return rng.choice(pieges if rng.random() < 0.5 else sans)
    return rng.choice(pieges + sans)


def _nature(scenario: Any) -> str | None:
    vue = getattr(scenario, "vue", None)
    return vue.get("nature") if isinstance(vue, dict) else None


def _exercice(identifiant: IdentifiantExercice) -> Exercice:
    type_ = _types(identifiant.bloc)[identifiant.type]
    scenario = _choisir(type_, identifiant.niveau, identifiant.graine, identifiant.au)
    if scenario is None:
        raise DonneeInvalide(
            f"Aucun dossier de l'étude de la graine {identifiant.graine} au "
            f"{identifiant.au.isoformat()} ne convient à un exercice « {type_.code} » de niveau "
            f"{identifiant.niveau} : choisissez une autre graine"
            + (
                " (ou une date couverte par les taux d'intérêt publiés)."
                if type_.code == "decompte"
                else "."
            )
        )
    return Exercice(identifiant, type_, scenario)


def nouvel_exercice(
    bloc: int,
    niveau: str = "debutant",
    graine: int | None = None,
    au: date | None = None,
    type_exercice: str | None = None,
) -> Exercice:
    """A new exercise of ``bloc`` (the type drawn from the seed unless given)."""
    types = _types(bloc)
    verifier_niveau(niveau)
    if type_exercice is not None and type_exercice not in types:
        raise DonneeInvalide(
            f"Type d'exercice « {type_exercice} » inconnu pour le bloc {bloc} (attendu : "
            f"{', '.join(types)})."
        )
    jour = au or date.today()
    graines = (
        [verifier_graine(graine)]
        if graine is not None
        else [secrets.randbelow(1_000_000) for _ in range(ESSAIS_GRAINE)]
    )
    derniere: DonneeInvalide | None = None
    for essai in graines:
        code = type_exercice or list(types)[essai % len(types)]
        try:
            return _exercice(IdentifiantExercice(bloc, code, niveau, essai, jour))
        except DonneeInvalide as erreur:
            if graine is not None or not str(erreur).startswith("Aucun dossier"):
                raise
            derniere = erreur
    assert derniere is not None
    raise derniere


def exercice(identifiant: str) -> Exercice:
    """The exercise of ``identifiant``, rebuilt (same seed, same date: same scenario)."""
    return _exercice(
        lire_identifiant(identifiant, {b: tuple(t) for b, t in TYPES_PAR_BLOC.items()})
    )


def corriger(identifiant: str, reponse: object) -> Notation:
    return exercice(identifiant).corriger(reponse)


def solution(identifiant: str) -> dict[str, Any]:
    return exercice(identifiant).solution()


__all__ = ["TYPES_PAR_BLOC", "Exercice", "corriger", "exercice", "nouvel_exercice", "solution"]
