"""Local overrides of the dated legal figures, recorded in the office's audit log.

The figure goes to the overrides file (clerc.parametres_locaux: validated with the shipped
parameters, written atomically); the office's hash-chained log then records who added what,
from when, on which source (../shared/design.md §3: "which the audit log records").
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from clerc.office.audit import journaliser_operation
from clerc.office.db import Contexte, executer
from clerc.parametres_locaux import AjoutLocal, ajouter
from clerc.rules.parametres import chemin_parametres_locaux


def ajouter_parametre_local(contexte: Contexte, ajout: AjoutLocal) -> None:
    ajouter(chemin_parametres_locaux(), ajout)

    def _journaliser(session: Session) -> None:
        journaliser_operation(
            session,
            "parametre_local",
            ajout.nom,
            {
                "depuis": ajout.depuis.isoformat(),
                "jusqu_au": ajout.jusqu_au.isoformat() if ajout.jusqu_au else None,
                "valeur": str(ajout.valeur),
                "reference": ajout.texte_reference,
                "url": ajout.url,
                "note": ajout.note,
            },
        )

    executer(contexte, "ajouter_parametre_local", _journaliser)
