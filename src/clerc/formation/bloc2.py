"""Bloc 2: run the procedures within their requirements and draft compliant acts."""

from __future__ import annotations

from clerc.formation.type_exercice import TypeExercice

TYPES_BLOC_2: dict[str, TypeExercice] = {}
