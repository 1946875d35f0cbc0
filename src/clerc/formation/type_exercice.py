"""What every type of exercise provides (the four blocs share it), and the readers of an
answer's JSON that several types use: a French error for anything malformed, never a grade."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from clerc.formation.notation import Notation
from clerc.formation.scenarios import Scenario, etude_formation
from clerc.office.generateur import PIEGES
from clerc.rules.erreurs import DonneeInvalide

UN = Decimal(1)
DEUX = Decimal(2)
TROIS = Decimal(3)
JOURS_RECENTS = 120  # a title enforceable since less than this is worth a check

# Traps a beginner spots at once; the others need a date computed or a rule known well.
PIEGES_EVIDENTS = frozenset(
    {
        "jugement_non_signifie",
        "liquidation_judiciaire",
        "surendettement",
        "debiteur_decede",
        "treve_hivernale",
    }
)
PIEGES_SUBTILS = frozenset(PIEGES) - PIEGES_EVIDENTS


# --- reading the answer -----------------------------------------------------------------------


def objet_reponse(reponse: object, cles: Sequence[str]) -> Mapping[str, Any]:
    if not isinstance(reponse, Mapping):
        raise DonneeInvalide("Réponse : objet JSON attendu (voir format_reponse).")
    manquantes = [c for c in cles if c not in reponse]
    if manquantes:
        raise DonneeInvalide(
            f"Réponse : champ(s) manquant(s) {', '.join(manquantes)} (voir format_reponse)."
        )
    inconnues = sorted(str(c) for c in reponse if c not in cles)
    if inconnues:
        raise DonneeInvalide(
            f"Réponse : champ(s) inconnu(s) {', '.join(inconnues)} (attendu : {', '.join(cles)})."
        )
    return reponse


def codes_reponse(valeur: object, nom: str, fermes: Mapping[str, str]) -> list[str]:
    if not isinstance(valeur, list) or not all(isinstance(v, str) for v in valeur):
        raise DonneeInvalide(
            f'{nom} : liste de codes attendue, par exemple ["{next(iter(fermes))}"].'
        )
    inconnus = [v for v in valeur if v not in fermes]
    if inconnus:
        raise DonneeInvalide(
            f"{nom} : code(s) inconnu(s) {', '.join(inconnus)} (valeurs possibles : "
            f"{', '.join(fermes)})."
        )
    if len(set(valeur)) != len(valeur):
        raise DonneeInvalide(f"{nom} : un même code est donné plusieurs fois.")
    return list(valeur)


# --- the common shape of a type of exercise -------------------------------------------------


class TypeExercice(ABC):
    """A type of exercise. The scenarios it draws from are by default the files of the
    synthetic office of the seed (:func:`clerc.formation.scenarios.etude_formation`); a type
    working on something else (an office's activity in bloc 4) overrides :meth:`scenarios`
    with objects that have at least ``piege`` (the planted trap's code, or None) and ``vue``
    (what the trainee is given, a JSON-ready dict)."""

    code = ""
    libelle = ""
    pieges_pertinents: frozenset[str] = frozenset()

    def scenarios(self, graine: int, au: date) -> Sequence[Any]:
        return etude_formation(graine, au)

    @abstractmethod
    def eligible(self, s: Scenario) -> bool: ...

    def complexe(self, s: Scenario) -> bool:
        """A file without relevant trap whose answer is still demanding (level confirmé)."""
        return False

    def niveaux(self, s: Scenario) -> frozenset[str]:
        """The levels this scenario fits: débutant = no trap or an obvious one, intermédiaire
        = one trap, confirmé = a subtle trap or a demanding file."""
        piege = s.piege if s.piege in self.pieges_pertinents else None
        if piege is None:
            return frozenset({"confirme"} if self.complexe(s) else {"debutant"})
        if piege in PIEGES_EVIDENTS:
            return frozenset({"debutant", "intermediaire"})
        return frozenset({"intermediaire", "confirme"})

    @abstractmethod
    def consigne(self, s: Scenario) -> str: ...

    @abstractmethod
    def format_reponse(self, s: Scenario) -> dict[str, Any]: ...

    @abstractmethod
    def solution(self, s: Scenario) -> dict[str, Any]: ...

    @abstractmethod
    def corriger(self, s: Scenario, reponse: object) -> Notation: ...
