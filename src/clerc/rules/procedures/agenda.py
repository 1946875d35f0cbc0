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

ETAPE_CADUCITE = "procedure_caduque"  # agenda item left by a lapsed procedure


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


def echeances_retenues(
    statut: str, etat_: EtatProcedure, elements: list[Echeance]
) -> list[Echeance]:
    """The items the office keeps for a procedure whose stored status is ``statut``: all of
    them while it runs; once it ended or was given up, only the CPC 658/659 letters still owed
    (the service was made: the letter is owed whatever follows); a lapsed one also keeps its
    lapse to deal with (``echeance_caducite``)."""
    retenus = [e for e in elements if statut == "en_cours" or e.etape in CODES_FORMALITES]
    if statut == "caduque":
        retenus.append(echeance_caducite(etat_))
    return retenus


def echeance_caducite(etat_: EtatProcedure) -> Echeance:
    """The agenda item a lapsed procedure leaves: tell the creditor, restart the measure or
    give it up (the office answers for a lapse it let pass unreported)."""
    manquee = next(
        e
        for e in etat_.etapes
        if e.statut == "manquee"
        and e.au_plus_tard is not None
        and e.au_plus_tard.delai.sanction is not None
        and e.au_plus_tard.delai.sanction.fatale
    )
    assert manquee.au_plus_tard is not None and manquee.au_plus_tard.delai.sanction is not None
    sanction = manquee.au_plus_tard.delai.sanction
    return Echeance(
        etape=ETAPE_CADUCITE,
        libelle=(
            f"{etat_.procedure.libelle} caduque : informer le créancier, reprendre la mesure "
            "ou l'abandonner"
        ),
        date_au_plus_tot=None,
        date_limite=manquee.au_plus_tard.jour,
        tenu_par="etude",
        sanction=sanction.nature,
        effet=sanction.effet,
        article=sanction.article,
    )


__all__ = ["ETAPE_CADUCITE", "Echeance", "echeance_caducite", "echeances", "echeances_retenues"]
