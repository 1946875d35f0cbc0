"""Grading: points, corrections and the score (pure, deterministic).

An answer is graded point by point. Each point has a weight; the trainee earns the weight when
the point is right, nothing otherwise (a wrong item the trainee added is a point of its own,
worth nothing, so that it lowers the share). The score is the earned share of the weights, in
percent, rounded half-up to the unit (100 when there is nothing to grade). Every point missed
becomes a correction ``{"point", "attendu", "donne", "explication", "article"}`` in French,
whose explanation and article come from the engine's own result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any


@dataclass(frozen=True)
class Point:
    """One graded point: ``juste`` when the answer got it, else its correction."""

    point: str
    poids: Decimal
    juste: bool
    attendu: str = ""
    donne: str = ""
    explication: str = ""
    article: str = ""
    obtenu: Decimal | None = None  # part of the weight when partly right (default 0 or poids)

    @property
    def points_obtenus(self) -> Decimal:
        if self.obtenu is not None:
            return self.obtenu
        return self.poids if self.juste else Decimal(0)

    def correction(self) -> dict[str, str]:
        return {
            "point": self.point,
            "attendu": self.attendu,
            "donne": self.donne,
            "explication": self.explication,
            "article": self.article,
        }


@dataclass(frozen=True)
class Notation:
    points: tuple[Point, ...]

    @property
    def score(self) -> int:
        total = sum((p.poids for p in self.points), Decimal(0))
        if total == 0:
            return 100
        obtenu = sum((p.points_obtenus for p in self.points), Decimal(0))
        return int((obtenu * 100 / total).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @property
    def corrections(self) -> list[dict[str, str]]:
        return [p.correction() for p in self.points if not p.juste]

    def en_dict(self) -> dict[str, Any]:
        return {"score": self.score, "corrections": self.corrections}


def noter(points: Sequence[Point]) -> Notation:
    return Notation(tuple(points))


__all__ = ["Notation", "Point", "noter"]
