"""Local overrides of the dated legal figures, and texts the office adds for its acts, recorded
in the office's audit log.

The figure goes to the overrides file (clerc.parametres_locaux: validated with the shipped
parameters, written atomically), a reproduced text to the office's texts directory
(clerc.textes_locaux, same guarantees); the office's hash-chained log then records who added
what, from when, on which source (../shared/design.md §3: "which the audit log records").
"""

from __future__ import annotations

import hashlib

from sqlalchemy.orm import Session

from clerc.actes.textes_reproduits import TexteReproduit
from clerc.office.audit import journaliser_operation
from clerc.office.db import Contexte, executer
from clerc.parametres_locaux import AjoutLocal, ajouter
from clerc.rules.parametres import chemin_parametres_locaux
from clerc.textes_locaux import AjoutTexte, ajouter_texte


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


def ajouter_texte_local(contexte: Contexte, ajout: AjoutTexte) -> TexteReproduit:
    """Add a reproduced text (clerc.textes_locaux) and record it in the audit log, with the
    SHA-256 of the wording so the log proves which text the acts reproduced."""
    texte = ajouter_texte(ajout)

    def _journaliser(session: Session) -> None:
        journaliser_operation(
            session,
            "texte_local",
            texte.article,
            {
                "en_vigueur_du": texte.en_vigueur_du.isoformat(),
                "en_vigueur_au": texte.en_vigueur_au.isoformat() if texte.en_vigueur_au else None,
                "source": texte.source,
                "identifiant": texte.identifiant,
                "sha256": hashlib.sha256(texte.texte.encode("utf-8")).hexdigest(),
            },
        )

    executer(contexte, "ajouter_texte_local", _journaliser)
    return texte
