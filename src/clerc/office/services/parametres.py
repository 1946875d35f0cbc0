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
    """Add a local value and record it, in one transaction: the log entry is written first,
    then the file, then the transaction commits; a refused value or an unwritable file rolls
    the entry back, a database that cannot be written leaves the file alone (not run twice:
    ``essais=1``)."""

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
        ajouter(chemin_parametres_locaux(), ajout)

    executer(contexte, "ajouter_parametre_local", _journaliser, essais=1)


def ajouter_texte_local(contexte: Contexte, ajout: AjoutTexte) -> TexteReproduit:
    """Add a reproduced text (clerc.textes_locaux) and record it in the audit log, with the
    SHA-256 of the wording so the log proves which text the acts reproduced; entry first, then
    the file, in one transaction, as ``ajouter_parametre_local`` does."""

    def _journaliser(session: Session) -> TexteReproduit:
        journaliser_operation(
            session,
            "texte_local",
            ajout.article_normalise,
            {
                "en_vigueur_du": ajout.en_vigueur_du.isoformat(),
                "en_vigueur_au": ajout.en_vigueur_au.isoformat() if ajout.en_vigueur_au else None,
                "source": ajout.source.strip(),
                "identifiant": ajout.identifiant.strip() or None,
                "sha256": hashlib.sha256(ajout.texte_normalise.encode("utf-8")).hexdigest(),
            },
        )
        return ajouter_texte(ajout)

    return executer(contexte, "ajouter_texte_local", _journaliser, essais=1)
