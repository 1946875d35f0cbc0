"""Bloc 4: analyse the office's activity and improve how files are handled."""

from __future__ import annotations

from clerc.formation.type_exercice import TypeExercice

TYPES_BLOC_4: dict[str, TypeExercice] = {}
