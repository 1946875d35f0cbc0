"""The office's dashboard: files by status, funds held and for how long, a few indicators.

Grouped queries only (a constant number of statements whatever the number of files); the
agenda has its own service (``services.agenda``). Issue 8's activity analysis goes further.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerc.office.db import Contexte, executer
from clerc.office.models import Dossier, LigneCreance, Paiement, Utilisateur
from clerc.office.models.dossier import STATUTS
from clerc.office.services.paiements import fonds_detenus, resume_fonds
from clerc.rules.dates import ajouter_mois
from clerc.rules.monnaie import arrondi_centime


@dataclass(frozen=True)
class TableauDeBord:
    au: date
    dossiers_par_statut: dict[str, int]
    dossiers_par_clerc: list[tuple[str, int]]  # files in progress per clerc
    ouverts_12_mois: int
    clos_12_mois: int
    principal_en_cours: Decimal  # principal claimed in files in progress
    encaisse_12_mois: Decimal  # payments received in the last twelve months
    taux_recouvrement: Decimal | None  # payments / principal claimed, files opened <= 3 years
    fonds_detenus: Decimal
    fonds_en_retard: Decimal
    nombre_fonds_en_retard: int
    plus_ancienne_detention_jours: int | None
    fonds: list[dict[str, Any]] = field(default_factory=list)  # the 10 oldest held


def tableau_de_bord(contexte: Contexte, au: date) -> TableauDeBord:
    def _lire(session: Session) -> TableauDeBord:
        par_statut = dict.fromkeys(STATUTS, 0)
        for statut, nombre in session.execute(
            select(Dossier.statut, func.count(Dossier.id)).group_by(Dossier.statut)
        ):
            par_statut[statut] = int(nombre)
        par_clerc = [
            (identifiant or "(non attribué)", int(nombre))
            for identifiant, nombre in session.execute(
                select(Utilisateur.identifiant, func.count(Dossier.id))
                .select_from(Dossier)
                .outerjoin(Utilisateur, Utilisateur.id == Dossier.clerc_id)
                .where(Dossier.statut == "en_cours")
                .group_by(Utilisateur.identifiant)
                .order_by(func.count(Dossier.id).desc())
            )
        ]
        debut = ajouter_mois(au, -12)
        ouverts = session.scalar(
            select(func.count(Dossier.id)).where(Dossier.ouvert_le > debut, Dossier.ouvert_le <= au)
        )
        clos = session.scalar(
            select(func.count(Dossier.id)).where(Dossier.clos_le > debut, Dossier.clos_le <= au)
        )
        principal = session.scalar(
            select(func.coalesce(func.sum(LigneCreance.montant), 0))
            .join(Dossier, Dossier.id == LigneCreance.dossier_id)
            .where(
                LigneCreance.nature == "principal",
                LigneCreance.annule_par_id.is_(None),
                Dossier.statut == "en_cours",
            )
        )
        encaisse = session.scalar(
            select(func.coalesce(func.sum(Paiement.montant), 0)).where(
                Paiement.date > debut, Paiement.date <= au
            )
        )
        # Recovery rate over the files opened in the last three years: what was paid on them
        # against the principal claimed (a rough indicator: interest and costs are left out).
        depuis = ajouter_mois(au, -36)
        recents = select(Dossier.id).where(Dossier.ouvert_le > depuis).scalar_subquery()
        reclame = Decimal(
            session.scalar(
                select(func.coalesce(func.sum(LigneCreance.montant), 0)).where(
                    LigneCreance.nature == "principal",
                    LigneCreance.annule_par_id.is_(None),
                    LigneCreance.dossier_id.in_(recents),
                )
            )
            or 0
        )
        paye = Decimal(
            session.scalar(
                select(func.coalesce(func.sum(Paiement.montant), 0)).where(
                    Paiement.dossier_id.in_(recents), Paiement.date <= au
                )
            )
            or 0
        )
        taux = (paye * 100 / reclame).quantize(Decimal("0.1")) if reclame > 0 else None
        return TableauDeBord(
            au=au,
            dossiers_par_statut=par_statut,
            dossiers_par_clerc=par_clerc,
            ouverts_12_mois=int(ouverts or 0),
            clos_12_mois=int(clos or 0),
            principal_en_cours=arrondi_centime(Decimal(principal or 0)),
            encaisse_12_mois=arrondi_centime(Decimal(encaisse or 0)),
            taux_recouvrement=taux,
            fonds_detenus=Decimal(0),
            fonds_en_retard=Decimal(0),
            nombre_fonds_en_retard=0,
            plus_ancienne_detention_jours=None,
        )

    tableau = executer(contexte, "tableau_de_bord", _lire, ecriture=False)
    alertes = fonds_detenus(contexte, au)
    resume = resume_fonds(alertes, au)
    anciens = sorted(alertes, key=lambda a: a.fonds.encaissement.date)
    return TableauDeBord(
        **{
            **tableau.__dict__,
            "fonds_detenus": resume.total,
            "fonds_en_retard": resume.total_en_retard,
            "nombre_fonds_en_retard": resume.nombre_en_retard,
            "plus_ancienne_detention_jours": resume.plus_longue_detention,
            "fonds": [
                {
                    "dossier": a.reference,
                    "montant": a.fonds.restant,
                    "recu_le": a.fonds.encaissement.date,
                    "date_limite": a.fonds.date_limite,
                    "jours": a.fonds.jours_de_detention(au),
                    "en_retard": a.fonds.en_retard(au),
                    "regle": a.fonds.regle,
                }
                for a in anciens[:10]
            ],
        }
    )
