"""Letters owed after a service that did not reach the addressee in person (CPC 658, 659).

- CPC 658: service at home or by deposit at the office (CPC 655, 656), at an elected domicile
  or on a legal person: the commissaire de justice informs the addressee "le jour même ou au
  plus tard le premier jour ouvrable", by ordinary letter with a copy of the act.
- CPC 659 al. 2: when the addressee has no known address (procès-verbal de recherches
  infructueuses), "le même jour ou au plus tard le premier jour ouvrable suivant, à peine de
  nullité", a registered letter with acknowledgement of receipt to the last known address,
  with a copy of the PV and of the act.

"Jour ouvrable": Monday to Saturday except holidays of the territory; a possible holiday
(Good Friday in Alsace-Moselle) is taken as a working day, the earlier, safe date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from clerc.rules.calendrier import est_jour_ouvrable
from clerc.rules.procedures.modele import Sanction


@dataclass(frozen=True)
class Formalite:
    code: str
    libelle: str
    article: str
    sanction: Sanction | None


LETTRE_658 = Formalite(
    "lettre_cpc_658",
    "Lettre simple avisant de la signification (copie de l'acte)",
    "CPC 658",
    None,
)
LETTRE_659 = Formalite(
    "lettre_cpc_659",
    "Lettre recommandée avec accusé de réception : copie du procès-verbal de recherches "
    "infructueuses et de l'acte",
    "CPC 659",
    Sanction("nullite", "la signification est nulle", "CPC 659 al. 2"),
)
# Mode of service -> letter owed.
FORMALITES = {"domicile": LETTRE_658, "etude": LETTRE_658, "659": LETTRE_659}
CODES_FORMALITES = frozenset(f.code for f in FORMALITES.values())


@dataclass(frozen=True)
class FormaliteDue:
    formalite: Formalite
    apres: str  # code of the step served that way
    signifie_le: date
    date_limite: date


def premier_jour_ouvrable_suivant(jour: date, territoire: str) -> date:
    suivant = jour + timedelta(days=1)
    while not est_jour_ouvrable(suivant, territoire, incertains_feries=False):
        suivant += timedelta(days=1)
    return suivant


def formalites_dues(
    significations: Iterable[tuple[str, date, str | None]],
    lettres: Iterable[tuple[str, date]],
    territoire: str,
) -> list[FormaliteDue]:
    """Letters still owed: one per service (step code, date, mode) made at home, at the office
    or by PV 659, unless a letter of that kind was recorded on or after the service's date."""
    envoyees = sorted(lettres, key=lambda lettre: lettre[1])
    dues = []
    for code, jour, mode in significations:
        formalite = FORMALITES.get(mode or "")
        if formalite is None:
            continue
        faite = next(
            (i for i, (c, j) in enumerate(envoyees) if c == formalite.code and j >= jour), None
        )
        if faite is not None:
            envoyees.pop(faite)  # one letter answers one service
            continue
        dues.append(
            FormaliteDue(formalite, code, jour, premier_jour_ouvrable_suivant(jour, territoire))
        )
    return dues


__all__ = [
    "CODES_FORMALITES",
    "FORMALITES",
    "Formalite",
    "FormaliteDue",
    "formalites_dues",
    "premier_jour_ouvrable_suivant",
]
