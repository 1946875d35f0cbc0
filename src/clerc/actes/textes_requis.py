"""Which reproduced texts the acts need on a day, and which are missing.

Read by ``clerc textes lister`` and the parameters page: an act whose text is missing is not
signed (``clerc.actes.textes_reproduits``), so the office sees the gaps before a file needs
the act, and can add the wording (``clerc.textes_locaux``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clerc.actes.textes_reproduits import TexteReproduit, choisir_version, textes_disponibles
from clerc.actes.types_actes import TypeActe, textes_a_reproduire

__all__ = ["EtatTexte", "etat_des_textes"]


@dataclass(frozen=True)
class EtatTexte:
    """An article some acts reproduce, and its wording in force on the day (None: missing)."""

    article: str
    types: tuple[TypeActe, ...]
    version: TexteReproduit | None

    @property
    def etat(self) -> str:
        """ "manquant", "ajout local" (the office's) or "livré" (shipped with clerc)."""
        if self.version is None:
            return "manquant"
        return "ajout local" if self.version.locale else "livré"


def etat_des_textes(jour: date) -> list[EtatTexte]:
    """Every article an act reproduces, by article, with its wording in force on ``jour``."""
    disponibles = textes_disponibles()
    return [
        EtatTexte(article, types, choisir_version(disponibles.get(article, ()), jour))
        for article, types in textes_a_reproduire().items()
    ]
