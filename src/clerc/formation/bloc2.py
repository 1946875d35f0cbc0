"""Bloc 2 of the certification: run the procedures within their requirements and draft
compliant acts ("Mettre en oeuvre et piloter le traitement opérationnel des dossiers").

Five types of exercise, graded against the engine (docs/formation.md, section "Bloc 2"):

- :mod:`~clerc.formation.bloc2_procedures`: ``ordonner_etapes``, ``delais``, ``prochain_acte``
  (the procedure declarations and their engine, ``clerc.rules.procedures``);
- :mod:`~clerc.formation.bloc2_actes`: ``rediger_acte``, ``erreurs_acte`` (the act types, the
  office's act builder and the compliance checker, ``clerc.actes.conformite``).

Their scenarios come from :mod:`~clerc.formation.bloc2_etude` (the synthetic office with what
was done in each procedure, and its in-memory database kept to draw up acts).
"""

from __future__ import annotations

from clerc.formation.bloc2_actes import TYPES_ACTES
from clerc.formation.bloc2_procedures import TYPES_PROCEDURES
from clerc.formation.type_exercice import TypeExercice

TYPES_BLOC_2: dict[str, TypeExercice] = {**TYPES_PROCEDURES, **TYPES_ACTES}

__all__ = ["TYPES_BLOC_2"]
