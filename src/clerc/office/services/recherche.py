"""Search files by reference, creditor's reference, party name, SIREN/SIRET, status or clerc.

Built for 1 000 000 files: every criterion is an indexed range or equality (name prefix on
``partie.nom_recherche``, reference prefix on ``dossier.reference``), the page is fetched by
``LIMIT``/``OFFSET`` and the total counted on the same filter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select, union
from sqlalchemy.orm import Session, selectinload

from clerc.office.db import Contexte, executer
from clerc.office.erreurs import Introuvable
from clerc.office.models import Dossier, DossierDebiteur, Partie, Utilisateur
from clerc.office.models.dossier import STATUTS
from clerc.office.validation import nom_recherche
from clerc.rules.erreurs import DonneeInvalide

_REFERENCE = re.compile(r"^\d{4}-\d*$")
_SIREN = re.compile(r"^\d{9}(\d{5})?$")


def _borne_superieure(prefixe: str) -> str:
    """Smallest string greater than every string starting with ``prefixe``."""
    return prefixe[:-1] + chr(ord(prefixe[-1]) + 1)


def _parties_par_nom(texte: str) -> Select[Any] | None:
    """Parties whose name starts with one of the words and contains all the others, so that
    "dupont jean" and "jean dupont" both find "DUPONT JEAN" (one index range per word)."""
    mots = nom_recherche(texte).split()
    if not mots:
        return None
    variantes = []
    for rang, mot in enumerate(mots):
        critere = (Partie.nom_recherche >= mot) & (Partie.nom_recherche < _borne_superieure(mot))
        for autre in mots[:rang] + mots[rang + 1 :]:
            critere = critere & Partie.nom_recherche.contains(autre, autoescape=True)
        variantes.append(critere)
    return select(Partie.id).where(or_(*variantes))


def _filtre_texte(texte: str) -> Any:
    texte = texte.strip()
    compact = texte.replace(" ", "")
    if _REFERENCE.match(texte):
        return or_(
            (Dossier.reference >= texte) & (Dossier.reference < _borne_superieure(texte)),
            Dossier.reference_mandant == texte,
        )
    if _SIREN.match(compact):
        parties = select(Partie.id).where(Partie.siren == compact[:9])
    else:
        parties_nom = _parties_par_nom(texte)
        if parties_nom is None:
            return Dossier.reference_mandant == texte
        parties = parties_nom
    dossiers = union(
        select(DossierDebiteur.dossier_id).where(DossierDebiteur.partie_id.in_(parties)),
        select(Dossier.id).where(Dossier.creancier_id.in_(parties)),
    )
    criteres = [Dossier.id.in_(dossiers), Dossier.reference_mandant == texte]
    return or_(*criteres)


@dataclass(frozen=True)
class ResultatRecherche:
    dossiers: list[dict[str, Any]]
    total: int

    def en_json(self) -> dict[str, Any]:
        return {"dossiers": self.dossiers, "total": self.total}


def chercher(
    contexte: Contexte,
    texte: str = "",
    *,
    statut: str | None = None,
    clerc: str | None = None,
    limite: int = 50,
    decalage: int = 0,
) -> ResultatRecherche:
    """Files matching ``texte`` (empty: all), newest reference first."""
    if statut is not None and statut not in STATUTS:
        raise DonneeInvalide(f"Statut « {statut} » inconnu (attendu : {', '.join(STATUTS)}).")
    if limite < 1 or limite > 1000 or decalage < 0:
        raise DonneeInvalide("Pagination invalide : limite de 1 à 1000, décalage positif.")

    def _chercher(session: Session) -> ResultatRecherche:
        conditions: list[Any] = []
        if texte.strip():
            conditions.append(_filtre_texte(texte))
        if statut is not None:
            conditions.append(Dossier.statut == statut)
        if clerc is not None:
            clerc_id = session.scalar(
                select(Utilisateur.id).where(Utilisateur.identifiant == clerc)
            )
            if clerc_id is None:
                raise Introuvable(f"Clerc « {clerc} » introuvable dans cette étude.")
            conditions.append(Dossier.clerc_id == clerc_id)
        total = session.scalar(select(func.count(Dossier.id)).where(*conditions)) or 0
        page = session.scalars(
            select(Dossier)
            .where(*conditions)
            .order_by(Dossier.reference.desc())
            .limit(limite)
            .offset(decalage)
            .options(
                selectinload(Dossier.debiteurs).selectinload(DossierDebiteur.partie),
                selectinload(Dossier.creancier),
            )
        ).all()
        clercs = dict(
            session.execute(
                select(Utilisateur.id, Utilisateur.identifiant).where(
                    Utilisateur.id.in_({d.clerc_id for d in page if d.clerc_id})
                )
            ).all()
        )
        return ResultatRecherche([_ligne(d, clercs) for d in page], int(total))

    return executer(contexte, "chercher_dossiers", _chercher, ecriture=False)


def _ligne(dossier: Dossier, clercs: dict[int, str]) -> dict[str, Any]:
    return {
        "reference": dossier.reference,
        "reference_mandant": dossier.reference_mandant,
        "nature": dossier.nature,
        "statut": dossier.statut,
        "creancier": dossier.creancier.designation,
        "debiteurs": [lien.partie.designation for lien in dossier.debiteurs],
        "clerc": clercs.get(dossier.clerc_id) if dossier.clerc_id else None,
        "ouvert_le": dossier.ouvert_le.isoformat(),
        "clos_le": dossier.clos_le.isoformat() if dossier.clos_le else None,
    }
