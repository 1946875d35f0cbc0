"""Search files by reference, creditor's reference, party name, SIREN/SIRET, status or clerc.

Built for 1 000 000 files. Every word typed must start one of the words a file is found by
(``terme_recherche``, see ``clerc.office.index_recherche``): "dupont", "jean dupont", "dupont
bnp" (debtor and creditor), "tilleuls" (any word of "SCI LES TILLEULS"), a SIREN or SIRET, the
creditor's reference; a reference of the office ("2026-0001...") is also matched as a prefix of
``dossier.reference``. Each word is one range of an index whatever the number of files.

Two plans, newest reference first:
- up to ``PLAFOND_TRI`` matching files (nearly every search by name): the matching ids are read
  from the index, counted exactly, and only they are sorted;
- beyond (a word as common as "banque"), the files are read in reference order from the
  reference index and each is checked against the words (one primary-key probe per word) until
  the page is full: the cost depends on the page, not on the number of matches. The total is
  then counted on the index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, exists, func, intersect, or_, select, union
from sqlalchemy.orm import Session, selectinload

from clerc.office.db import Contexte, executer
from clerc.office.erreurs import Introuvable
from clerc.office.index_recherche import LONGUEUR_TERME
from clerc.office.models import Dossier, DossierDebiteur, TermeRecherche, Utilisateur
from clerc.office.models.dossier import STATUTS
from clerc.office.validation import nom_recherche
from clerc.rules.erreurs import DonneeInvalide

_REFERENCE = re.compile(r"^\d{4}-\d*$")
_SIREN = re.compile(r"^\d{9}(\d{5})?$")
PLAFOND_TRI = 10_000  # above, the page is read in reference order (see the module docstring)
MOTS_MAXIMUM = 8


def _borne_superieure(prefixe: str) -> str:
    """Smallest string greater than every string starting with ``prefixe``."""
    return prefixe[:-1] + chr(ord(prefixe[-1]) + 1)


def _mots(texte: str) -> list[str]:
    """The words to look up: a SIREN/SIRET typed with spaces is one word (a SIRET finds the
    company by its SIREN, so that any establishment of it matches)."""
    compact = texte.replace(" ", "")
    if _SIREN.match(compact):
        return [compact[:9]]
    mots = list(dict.fromkeys(mot[:LONGUEUR_TERME] for mot in nom_recherche(texte).split()))
    if len(mots) > MOTS_MAXIMUM:
        raise DonneeInvalide(f"Recherche trop longue : au plus {MOTS_MAXIMUM} mots.")
    return mots


def _terme_commence_par(mot: str) -> Any:
    return (TermeRecherche.terme >= mot) & (TermeRecherche.terme < _borne_superieure(mot))


def _reference_commence_par(texte: str) -> Any:
    return (Dossier.reference >= texte) & (Dossier.reference < _borne_superieure(texte))


def _ids_correspondants(etude_id: int, texte: str, mots: list[str]) -> Select[Any]:
    """Ids of the files matching every word (and, for an office reference, its prefix)."""
    par_mot = [
        select(TermeRecherche.dossier_id).where(
            TermeRecherche.etude_id == etude_id, _terme_commence_par(mot)
        )
        for mot in mots
    ]
    ids: Any = par_mot[0] if len(par_mot) == 1 else select(intersect(*par_mot).subquery().c[0])
    if _REFERENCE.match(texte):
        ids = union(select(Dossier.id).where(_reference_commence_par(texte)), ids)
    return select(ids.subquery().c[0])


def _critere_par_ligne(texte: str, mots: list[str]) -> Any:
    """The same match, checked file by file (plan for very common words)."""
    tous_les_mots = [
        exists().where(TermeRecherche.dossier_id == Dossier.id, _terme_commence_par(mot))
        for mot in mots
    ]
    critere: Any = tous_les_mots[0]
    for autre in tous_les_mots[1:]:
        critere = critere & autre
    if _REFERENCE.match(texte):
        critere = or_(_reference_commence_par(texte), critere)
    return critere


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
        if statut is not None:
            conditions.append(Dossier.statut == statut)
        if clerc is not None:
            clerc_id = session.scalar(
                select(Utilisateur.id).where(Utilisateur.identifiant == clerc)
            )
            if clerc_id is None:
                raise Introuvable(f"Clerc « {clerc} » introuvable dans cette étude.")
            conditions.append(Dossier.clerc_id == clerc_id)
        mots = _mots(texte.strip())
        if texte.strip() and not mots:  # only punctuation: nothing can match
            return ResultatRecherche([], 0)
        if mots:
            ids = _ids_correspondants(contexte.etude_id, texte.strip(), mots)
            selection = [Dossier.id.in_(ids), *conditions]
            premiers = select(Dossier.id).where(*selection).limit(PLAFOND_TRI + 1).subquery()
            total = session.scalar(select(func.count()).select_from(premiers)) or 0
            if total > PLAFOND_TRI:
                total = session.scalar(select(func.count(Dossier.id)).where(*selection)) or 0
                selection = [_critere_par_ligne(texte.strip(), mots), *conditions]
        else:
            selection = conditions
            total = session.scalar(select(func.count(Dossier.id)).where(*selection)) or 0
        page = session.scalars(
            select(Dossier)
            .where(*selection)
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
