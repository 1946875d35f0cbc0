"""The audit trail of one file: the entries of the office's hash-chained log (clerc.office
.audit) about the file's own rows (the file, its debtors' links, titles, claim lines,
payments, events, acts, procedures, ledger entries), newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from clerc.office.db import Contexte, executer
from clerc.office.models import (
    Acte,
    DossierDebiteur,
    Ecriture,
    EntreeAudit,
    Evenement,
    LigneCreance,
    Paiement,
    ProcedureDossier,
    Titre,
)
from clerc.office.services.dossiers import charger_dossier

# Tables whose rows belong to one file, with their audit name (the table name).
TABLES_DU_DOSSIER = (
    DossierDebiteur,
    Titre,
    LigneCreance,
    Paiement,
    Evenement,
    Acte,
    ProcedureDossier,
    Ecriture,
)
LIBELLES_ACTIONS = {
    "creation": "création",
    "modification": "modification",
    "suppression": "suppression",
    "operation": "opération",
}


@dataclass(frozen=True)
class EntreeJournal:
    rang: int
    horodatage: datetime
    utilisateur: str
    operation: str
    action: str
    objet: str
    objet_id: str
    avant: dict[str, Any] | None
    apres: dict[str, Any] | None

    @property
    def action_libelle(self) -> str:
        return LIBELLES_ACTIONS.get(self.action, self.action)

    @property
    def champs(self) -> list[tuple[str, Any, Any]]:
        """(field, before, after) of a change; the values of a creation."""
        avant, apres = self.avant or {}, self.apres or {}
        return [(cle, avant.get(cle), apres.get(cle)) for cle in sorted(set(avant) | set(apres))]


def journal_du_dossier(
    contexte: Contexte, reference: str, *, limite: int = 300
) -> list[EntreeJournal]:
    """The audit entries about the file ``reference`` (at most ``limite``, newest first)."""

    def _lire(session: Session) -> list[EntreeJournal]:
        dossier = charger_dossier(session, reference)
        conditions = [and_(EntreeAudit.objet == "dossier", EntreeAudit.objet_id == str(dossier.id))]
        for table in TABLES_DU_DOSSIER:
            ids = [
                str(i)
                for i in session.scalars(select(table.id).where(table.dossier_id == dossier.id))
            ]
            if ids:
                conditions.append(
                    and_(EntreeAudit.objet == table.__tablename__, EntreeAudit.objet_id.in_(ids))
                )
        entrees = session.scalars(
            select(EntreeAudit)
            .where(or_(*conditions))
            .order_by(EntreeAudit.rang.desc())
            .limit(limite)
        )
        return [
            EntreeJournal(
                rang=e.rang,
                horodatage=e.horodatage,
                utilisateur=e.utilisateur,
                operation=e.operation,
                action=e.action,
                objet=e.objet,
                objet_id=e.objet_id,
                avant=e.avant,
                apres=e.apres,
            )
            for e in entrees
        ]

    return executer(contexte, "journal_du_dossier", _lire, ecriture=False)
