"""Bloc 3: deal with the parties (debtors, creditors, third parties), within the law."""

from __future__ import annotations

from clerc.formation.type_exercice import TypeExercice

TYPES_BLOC_3: dict[str, TypeExercice] = {}
