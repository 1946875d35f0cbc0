"""Grading answers written in prose (a reply to a debtor, a report to a creditor, an
improvement proposal) by an explicit rubric, shown to the trainee with the grade.

A rubric is a list of criteria. A *required* criterion is met when the answer contains one of
its patterns (what the law requires to be said, or a fact of the file); a *forbidden* one is met
when the answer contains none of its patterns (what may not be said or done: a threat the law
does not allow, a professional secret, a false statement of the law). Each criterion has a
weight, an explanation and the article it rests on; a missed one becomes a correction.

Patterns are regular expressions matched on the answer folded to lower case without accents
and with single spaces ("délai de grâce" is found as "delai de grace"), so that a rubric is
written once for the ways a clerc would say it. Deterministic; no model, no network.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from clerc.formation.notation import Notation, Point, noter
from clerc.rules.erreurs import DonneeInvalide

LONGUEUR_MAXIMALE = 20_000  # characters of an answer


def plier(texte: str) -> str:
    """Lower case, no accents, single spaces: the form the patterns are matched on."""
    decompose = unicodedata.normalize("NFKD", texte)
    sans_accents = "".join(c for c in decompose if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", sans_accents.replace("’", "'").lower()).strip()


@dataclass(frozen=True)
class Critere:
    code: str
    libelle: str  # what is required (or forbidden), as the trainee reads it
    poids: Decimal
    article: str
    explication: str
    motifs: tuple[str, ...]  # regular expressions on the folded answer
    interdit: bool = False

    def __post_init__(self) -> None:
        for motif in self.motifs:
            re.compile(motif)  # a bad pattern fails when the rubric is built, not when graded

    def trouve(self, texte_plie: str) -> str | None:
        """The first passage of the answer matching one of the patterns, or None."""
        for motif in self.motifs:
            resultat = re.search(motif, texte_plie)
            if resultat:
                return resultat.group(0)
        return None

    def en_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "libelle": self.libelle,
            "poids": str(self.poids),
            "interdit": self.interdit,
            "article": self.article,
        }


@dataclass(frozen=True)
class Rubrique:
    criteres: tuple[Critere, ...]
    mots_minimum: int = 0

    def en_dict(self) -> dict[str, Any]:
        """The rubric as shown to the trainee (with the grade, or beforehand in practice)."""
        return {
            "mots_minimum": self.mots_minimum,
            "criteres": [c.en_dict() for c in self.criteres],
        }


def texte_de_reponse(valeur: object, nom: str = "texte") -> str:
    if not isinstance(valeur, str) or not valeur.strip():
        raise DonneeInvalide(f"{nom} : texte attendu (la réponse rédigée).")
    if len(valeur) > LONGUEUR_MAXIMALE:
        raise DonneeInvalide(f"{nom} : {LONGUEUR_MAXIMALE} caractères au plus.")
    return valeur


def noter_texte(rubrique: Rubrique, texte: str) -> Notation:
    """Grade ``texte`` by ``rubrique``: one point per criterion, and one for the length when
    the rubric asks for a minimum."""
    plie = plier(texte)
    points: list[Point] = []
    for critere in rubrique.criteres:
        passage = critere.trouve(plie)
        if critere.interdit:
            points.append(
                Point(
                    point=critere.libelle,
                    poids=critere.poids,
                    juste=passage is None,
                    attendu="ne pas l'écrire",
                    donne=f"« {passage} »" if passage else "",
                    explication=critere.explication,
                    article=critere.article,
                )
            )
        else:
            points.append(
                Point(
                    point=critere.libelle,
                    poids=critere.poids,
                    juste=passage is not None,
                    attendu=critere.libelle,
                    donne="absent de la réponse",
                    explication=critere.explication,
                    article=critere.article,
                )
            )
    if rubrique.mots_minimum:
        mots = len(plie.split())
        points.append(
            Point(
                point="Réponse développée",
                poids=Decimal(1),
                juste=mots >= rubrique.mots_minimum,
                attendu=f"{rubrique.mots_minimum} mots au moins",
                donne=f"{mots} mots",
                explication="Une réponse trop brève ne peut pas contenir ce qui est exigé.",
            )
        )
    return noter(points)


__all__ = ["Critere", "Rubrique", "noter_texte", "plier", "texte_de_reponse"]
