"""The words each file can be found by (table ``terme_recherche``), kept in step with the data.

A file is found by every word of its parties' names (debtors and creditor, any word: surname,
first name, any word of a company name), their SIREN and SIRET, and the words of the
creditor's own reference. Search (``services.recherche``) then reads one index range per word
typed, whatever the number of files.

The index is derived data: ``after_flush`` rebuilds the rows of every file whose parties, links
or creditor's reference changed in the flush, on the same connection and in the same
transaction, so it can never disagree with committed data. It is written with SQL rather than
through the unit of work, hence not audited: the changes it derives from are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, delete, event, insert, inspect, select, union
from sqlalchemy.orm import Session

from clerc.office.models import Dossier, DossierDebiteur, Partie, TermeRecherche
from clerc.office.validation import nom_recherche

LONGUEUR_TERME = 64  # terme_recherche.terme is String(64): a longer word is cut (prefixes match)
_CHAMPS_PARTIE = ("nom_recherche", "siren", "siret")
# "debiteurs": a debtor removed from the collection is deleted as an orphan during the flush,
# so it never shows in session.deleted: the file's collection change is what tells.
_CHAMPS_DOSSIER = ("creancier_id", "reference_mandant", "debiteurs")
_LOT = 500


def termes_de_partie(nom: str, siren: str | None, siret: str | None) -> frozenset[str]:
    """Words a party is found by: those of its ``nom_recherche``, its SIREN and SIRET."""
    mots = {mot[:LONGUEUR_TERME] for mot in nom.split()}
    mots.update(numero for numero in (siren, siret) if numero)
    return frozenset(mots)


def termes_de_reference(reference_mandant: str | None) -> frozenset[str]:
    """Words of the creditor's own reference ("BAN-123456" -> BAN, 123456)."""
    return frozenset(mot[:LONGUEUR_TERME] for mot in nom_recherche(reference_mandant).split())


def lignes_termes(
    etude_id: int, dossier_id: int, reference: str, termes: Iterable[str]
) -> list[dict[str, Any]]:
    """Rows of ``terme_recherche`` for one file."""
    return [
        {"etude_id": etude_id, "dossier_id": dossier_id, "reference": reference, "terme": terme}
        for terme in sorted(set(termes))
    ]


def lignes_des_dossiers(
    dossiers: Iterable[Sequence[Any]], debiteurs: Iterable[Sequence[Any]]
) -> list[dict[str, Any]]:
    """Rows of ``terme_recherche`` from what the database holds: per file (id, office,
    reference, creditor's reference, creditor's nom_recherche, SIREN, SIRET), per debtor
    (file id, nom_recherche, SIREN, SIRET)."""
    termes: dict[int, set[str]] = {}
    fichiers: dict[int, tuple[int, str]] = {}  # id -> (office, reference)
    for dossier_id, etude_id, reference, reference_mandant, nom, siren, siret in dossiers:
        fichiers[dossier_id] = (etude_id, reference)
        termes[dossier_id] = set(termes_de_reference(reference_mandant))
        termes[dossier_id] |= termes_de_partie(nom, siren, siret)
    for dossier_id, nom, siren, siret in debiteurs:
        if dossier_id in termes:
            termes[dossier_id] |= termes_de_partie(nom, siren, siret)
    return [
        ligne
        for dossier_id, mots in termes.items()
        for ligne in lignes_termes(
            fichiers[dossier_id][0], dossier_id, fichiers[dossier_id][1], mots
        )
    ]


def reindexer(connexion: Connection, dossier_ids: Iterable[int]) -> None:
    """Rebuild the search words of these files from the database (a few queries per 500)."""
    ids = sorted(set(dossier_ids))
    for debut in range(0, len(ids), _LOT):
        lot = ids[debut : debut + _LOT]
        dossiers = connexion.execute(
            select(
                Dossier.id,
                Dossier.etude_id,
                Dossier.reference,
                Dossier.reference_mandant,
                Partie.nom_recherche,
                Partie.siren,
                Partie.siret,
            )
            .join(Partie, Partie.id == Dossier.creancier_id)
            .where(Dossier.id.in_(lot))
        ).all()
        debiteurs = connexion.execute(
            select(DossierDebiteur.dossier_id, Partie.nom_recherche, Partie.siren, Partie.siret)
            .join(Partie, Partie.id == DossierDebiteur.partie_id)
            .where(DossierDebiteur.dossier_id.in_(lot))
        ).all()
        connexion.execute(delete(TermeRecherche).where(TermeRecherche.dossier_id.in_(lot)))
        lignes = lignes_des_dossiers(dossiers, debiteurs)
        if lignes:
            connexion.execute(insert(TermeRecherche), lignes)


def _modifie(objet: Any, champs: tuple[str, ...]) -> bool:
    etat = inspect(objet)
    return any(etat.attrs[champ].history.has_changes() for champ in champs)


@event.listens_for(Session, "after_flush")
def _maintenir(session: Session, _contexte: Any) -> None:
    """Re-index the files touched by this flush (see the module docstring)."""
    dossiers: set[int] = set()
    parties: set[int] = set()
    for objet in session.new:
        if isinstance(objet, Dossier):
            dossiers.add(objet.id)
        elif isinstance(objet, DossierDebiteur):
            dossiers.add(objet.dossier_id)
    for objet in session.dirty:
        if isinstance(objet, Dossier) and _modifie(objet, _CHAMPS_DOSSIER):
            dossiers.add(objet.id)
        elif isinstance(objet, DossierDebiteur) and _modifie(objet, ("partie_id", "dossier_id")):
            dossiers.add(objet.dossier_id)
            dossiers.update(inspect(objet).attrs["dossier_id"].history.deleted)
        elif isinstance(objet, Partie) and _modifie(objet, _CHAMPS_PARTIE):
            parties.add(objet.id)
    for objet in session.deleted:
        if isinstance(objet, DossierDebiteur):
            dossiers.add(objet.dossier_id)
        elif isinstance(objet, Dossier):
            dossiers.add(objet.id)  # its rows are deleted by reindexer (file gone: no words)
    if not dossiers and not parties:
        return
    connexion = session.connection()
    if parties:
        dossiers.update(
            connexion.execute(
                union(
                    select(Dossier.id).where(Dossier.creancier_id.in_(parties)),
                    select(DossierDebiteur.dossier_id).where(
                        DossierDebiteur.partie_id.in_(parties)
                    ),
                )
            ).scalars()
        )
    reindexer(connexion, (i for i in dossiers if i is not None))


__all__ = [
    "LONGUEUR_TERME",
    "lignes_termes",
    "reindexer",
    "termes_de_partie",
    "termes_de_reference",
]
