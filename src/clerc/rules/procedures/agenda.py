"""The agenda items of one procedure: its steps' windows and the CPC 658/659 letters owed.

Pure: the office stores these items (``echeance``) for its agenda, the synthetic office writes
the same ones for the files it generates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clerc.rules.procedures.formalites import CODES_FORMALITES, formalites_dues
from clerc.rules.procedures.gardes import Situation
from clerc.rules.procedures.modele import Procedure
from clerc.rules.procedures.moteur import EtapeFaite, EtatProcedure, etat


@dataclass(frozen=True)
class Echeance:
    etape: str
    libelle: str
    date_au_plus_tot: date | None
    date_limite: date | None
    tenu_par: str
    sanction: str | None
    effet: str | None
    article: str


def echeances(
    procedure: Procedure,
    faites: tuple[EtapeFaite, ...],
    jour: date,
    territoire: str,
    situation: Situation | None = None,
) -> tuple[EtatProcedure, list[Echeance]]:
    """The state of the procedure on ``jour`` and what it puts on the agenda: steps possible
    or awaited with a window, missed ones, and letters owed after services (``faites`` may
    include the letters already sent: codes of ``formalites.CODES_FORMALITES``)."""
    etapes = tuple(f for f in faites if f.code not in CODES_FORMALITES)
    etat_ = etat(procedure, etapes, jour, territoire, situation)
    elements: list[Echeance] = []
    if etat_.statut == "en_cours":
        for e in etat_.etapes:
            if e.statut not in ("possible", "pas_encore", "manquee"):
                continue
            if e.au_plus_tard is None and e.au_plus_tot is None:
                continue
            sanction = e.au_plus_tard.delai.sanction if e.au_plus_tard else None
            borne = e.au_plus_tard or e.au_plus_tot
            assert borne is not None
            elements.append(
                Echeance(
                    etape=e.etape.code,
                    libelle=e.etape.libelle,
                    date_au_plus_tot=e.au_plus_tot.jour if e.au_plus_tot else None,
                    date_limite=e.au_plus_tard.jour if e.au_plus_tard else None,
                    tenu_par=e.au_plus_tard.delai.tenu_par if e.au_plus_tard else "etude",
                    sanction=sanction.nature if sanction else None,
                    effet=sanction.effet if sanction else None,
                    article=borne.delai.article,
                )
            )
    for due in formalites_dues(
        [(f.code, f.jour, f.mode) for f in etapes],
        [(f.code, f.jour) for f in faites if f.code in CODES_FORMALITES],
        territoire,
    ):
        sanction_ = due.formalite.sanction
        elements.append(
            Echeance(
                etape=due.formalite.code,
                libelle=due.formalite.libelle,
                date_au_plus_tot=None,
                date_limite=due.date_limite,
                tenu_par="etude",
                sanction=sanction_.nature if sanction_ else None,
                effet=sanction_.effet if sanction_ else None,
                article=due.formalite.article,
            )
        )
    return etat_, elements


__all__ = ["Echeance", "echeances"]
