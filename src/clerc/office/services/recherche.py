"""Search files by reference, creditor's reference, party name, SIREN/SIRET, status or clerc.

Built for 1 000 000 files. Every word typed must start one of the words a file is found by
(``terme_recherche``, see ``clerc.office.index_recherche``): "dupont", "jean dupont", "dupont
bnp" (debtor and creditor), "tilleuls" (any word of "SCI LES TILLEULS"), a SIREN or SIRET, the
creditor's reference; a reference of the office ("2026-0001...") is also matched as a prefix of
``dossier.reference``.

Plan (each step reads one range of an index, so the cost follows the page, not the office):
1. for each word, the number of its index entries (counted within the index, up to
   ``PLAFOND_COMPTE``); the rarest word drives, the others are checked on each candidate by a
   primary-key probe;
2. up to ``PLAFOND_TRI`` index entries of the driving word or matching files (nearly every
   search by name), they are sorted and counted in one pass within the search index, which
   carries each file's reference; only the page's files are read;
3. beyond (a word as common as "banque"), the total is counted on the search index and the
   page read in reference order from the reference index, each file checked by probes until
   the page is full: the cost follows the page, not the number of matches.
Newest reference first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select, union
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
# Above, the page is read in reference order (see the module docstring). Sorting in the index
# costs about 1 µs per entry on PostgreSQL at 1 000 000 files (30 000 entries: 30 ms), less
# than the exact count plan 3 needs anyway.
PLAFOND_TRI = 30_000
PLAFOND_COMPTE = 200_000  # index entries counted per word to pick the rarest (~5 ms on SQLite)
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


def _commence_par(colonne: Any, prefixe: str) -> Any:
    return (colonne >= prefixe) & (colonne < _borne_superieure(prefixe))


def _sondes(mots: list[str], dossier_id: Any) -> list[Any]:
    """One primary-key probe per word: the file ``dossier_id`` has a word starting with it.

    The probe reads the table, not the ORM entity, so that the office filter every ORM query
    gets is not added to it: ``dossier_id`` already comes from this office's rows, and without
    ``etude_id`` the probe is answered by the primary key alone (index-only on PostgreSQL:
    a quarter faster at 1 000 000 files)."""
    sondes = []
    for mot in mots:
        terme = TermeRecherche.__table__.alias()
        sondes.append(
            exists().where(terme.c.dossier_id == dossier_id, _commence_par(terme.c.terme, mot))
        )
    return sondes


@dataclass(frozen=True)
class _Requete:
    """A search text made into SQL pieces."""

    etude_id: int
    mots: list[str]
    reference: str | None  # an office reference prefix ("2026-0001"), also matched as such

    def candidats(self, meneur: str) -> Any:
        """(reference, dossier_id) of the matching files, driven by the word ``meneur``; a
        file may come twice (two of its words start with it)."""
        autres = [mot for mot in self.mots if mot != meneur]
        termes = select(
            TermeRecherche.reference.label("reference"),
            TermeRecherche.dossier_id.label("dossier_id"),
        ).where(
            TermeRecherche.etude_id == self.etude_id,
            _commence_par(TermeRecherche.terme, meneur),
            *_sondes(autres, TermeRecherche.dossier_id),
        )
        if self.reference is None:
            return termes.subquery()
        references = select(
            Dossier.reference.label("reference"), Dossier.id.label("dossier_id")
        ).where(_commence_par(Dossier.reference, self.reference))
        return union(references, termes).subquery()

    def critere_par_dossier(self) -> Any:
        """The same match checked on one file (plan 3)."""
        critere: Any = and_(*_sondes(self.mots, Dossier.id))
        if self.reference is not None:
            critere = or_(_commence_par(Dossier.reference, self.reference), critere)
        return critere


def _compter_jusqu_au_plafond(
    session: Session, requete: Select[Any], plafond: int = PLAFOND_COMPTE
) -> int:
    premiers = requete.limit(plafond + 1).subquery()
    return int(session.scalar(select(func.count()).select_from(premiers)) or 0)


def _meneur(session: Session, requete: _Requete) -> tuple[str, int]:
    """The rarest word, and its number of index entries plus the office references matched
    as a prefix (each counted up to the ceiling)."""
    # Longest words first (usually the rarest); each next word is counted only up to the
    # best count so far: "de ol" counts "ol", then "de" no further than that.
    meneur, plus_rare = "", PLAFOND_COMPTE
    for mot in sorted(requete.mots, key=len, reverse=True):
        nombre = _compter_jusqu_au_plafond(
            session,
            select(TermeRecherche.dossier_id).where(
                TermeRecherche.etude_id == requete.etude_id,
                _commence_par(TermeRecherche.terme, mot),
            ),
            plus_rare,
        )
        if not meneur or nombre < plus_rare:
            meneur, plus_rare = mot, nombre
    references = 0
    if requete.reference is not None:
        references = _compter_jusqu_au_plafond(
            session,
            select(Dossier.id).where(_commence_par(Dossier.reference, requete.reference)),
        )
    return meneur, plus_rare + references


def _page(
    session: Session, texte: str, conditions: list[Any], limite: int, decalage: int
) -> tuple[list[int], int]:
    """Ids of the page's files, newest reference first, and the exact total."""
    mots = _mots(texte)
    if texte and not mots:  # only punctuation: nothing can match
        return [], 0
    if not mots:
        total = session.scalar(select(func.count(Dossier.id)).where(*conditions))
        ids = session.scalars(
            select(Dossier.id)
            .where(*conditions)
            .order_by(Dossier.reference.desc())
            .limit(limite)
            .offset(decalage)
        ).all()
        return list(ids), int(total or 0)
    etude_id = int(session.info["etude_id"])
    requete = _Requete(etude_id, mots, texte if _REFERENCE.match(texte) else None)
    meneur, entrees = _meneur(session, requete)
    candidats = requete.candidats(meneur)
    trouves = select(candidats.c.reference, candidats.c.dossier_id).distinct()
    if conditions:
        trouves = trouves.join(Dossier, Dossier.id == candidats.c.dossier_id).where(*conditions)
    trouves_ = trouves.subquery()

    def trier_dans_l_index() -> list[tuple[int, int]]:
        # Plan 2: the candidates sorted within the search index, counted in the same pass.
        return [
            (int(dossier_id), int(nombre))
            for dossier_id, nombre in session.execute(
                select(trouves_.c.dossier_id, func.count().over())
                .order_by(trouves_.c.reference.desc())
                .limit(limite)
                .offset(decalage)
            )
        ]

    if entrees <= PLAFOND_TRI:
        lignes = trier_dans_l_index()
        if lignes or decalage == 0:
            return [dossier_id for dossier_id, _ in lignes], lignes[0][1] if lignes else 0
    total = int(session.scalar(select(func.count()).select_from(trouves_)) or 0)
    if total <= PLAFOND_TRI:  # a common driver, but few files have every word
        return [dossier_id for dossier_id, _ in trier_dans_l_index()], total
    # Plan 3: walk the reference index, probing each file until the page is full.
    ids = session.scalars(
        select(Dossier.id)
        .where(requete.critere_par_dossier(), *conditions)
        .order_by(Dossier.reference.desc())
        .limit(limite)
        .offset(decalage)
    ).all()
    return list(ids), total


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
        if contexte.creancier_id is not None:  # a créancier-client: its own files only
            conditions.append(Dossier.creancier_id == contexte.creancier_id)
        if statut is not None:
            conditions.append(Dossier.statut == statut)
        if clerc is not None:
            clerc_id = session.scalar(
                select(Utilisateur.id).where(Utilisateur.identifiant == clerc)
            )
            if clerc_id is None:
                raise Introuvable(f"Clerc « {clerc} » introuvable dans cette étude.")
            conditions.append(Dossier.clerc_id == clerc_id)
        ids, total = _page(session, texte.strip(), conditions, limite, decalage)
        dossiers = session.scalars(
            select(Dossier)
            .where(Dossier.id.in_(ids))
            .options(
                selectinload(Dossier.debiteurs).selectinload(DossierDebiteur.partie),
                selectinload(Dossier.creancier),
            )
        ).all()
        page = sorted(dossiers, key=lambda d: d.reference, reverse=True)
        clercs = dict(
            session.execute(
                select(Utilisateur.id, Utilisateur.identifiant).where(
                    Utilisateur.id.in_({d.clerc_id for d in page if d.clerc_id})
                )
            ).all()
        )
        return ResultatRecherche([_ligne(d, clercs) for d in page], total)

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
