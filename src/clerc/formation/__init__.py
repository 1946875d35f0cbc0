"""Training mode (issue 7): exercises of the Certification professionnelle Clerc gestionnaire,
built from the seeded synthetic office and graded by the engine (docs/formation.md).

- :mod:`~clerc.formation.scenarios`: files of a synthetic office generated in memory, as plain
  values with their ground truth (the only module that touches the office layer);
- :mod:`~clerc.formation.identifiant`: exercise identifiers (bloc, type, level, seed, date);
- :mod:`~clerc.formation.bloc1`: the four exercise types of bloc 1 (pure);
- :mod:`~clerc.formation.notation`: points, corrections, score (pure);
- :mod:`~clerc.formation.exercices`: choosing, rebuilding, grading and solving an exercise.
"""

from clerc.formation.exercices import Exercice, corriger, exercice, nouvel_exercice, solution

__all__ = ["Exercice", "corriger", "exercice", "nouvel_exercice", "solution"]
