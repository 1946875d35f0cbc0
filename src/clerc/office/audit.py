"""Append-only, hash-chained audit log, and the office filter on every query.

Every flush of a service's session writes one audit entry per row created, modified or
deleted (who, when, which service, the values before and after), chained per office:
``empreinte = SHA-256(canonical JSON of the entry + empreinte_precedente)``. The head of each
chain (last rank and hash) is kept in ``chaine_audit`` and locked while appending, so that
concurrent writers cannot fork the chain. ``verifier`` recomputes every chain and names the
entries that were modified, deleted or inserted.

The same session hooks confine a session to its office: SELECTs get an ``etude_id`` criterion
on every office-owned table, and new rows are stamped with (and checked against) the office.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, select, update
from sqlalchemy import inspect as inspecter
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from clerc.office.models import ChaineAudit, Dossier, EntreeAudit, Etude, maintenant
from clerc.office.models.base import AppartientEtude

EMPREINTE_INITIALE = "0" * 64
EXCLUES = (EntreeAudit, ChaineAudit)
# Secrets are logged as changed, never with their value (a password hash or an API token's
# digest in the audit log would hand them to whoever reads it).
COLONNES_SECRETES = frozenset({"mot_de_passe", "empreinte"})
SECRET = "[secret]"
# Execution option lifting a créancier-client's confinement for one statement of the office's
# own bookkeeping (the next file number is the office's, not the creditor's).
TOUS_CREANCIERS = "clerc_tous_creanciers"


def _valeur(valeur: Any) -> Any:
    """JSON-safe, exact representation of a column value."""
    if isinstance(valeur, Decimal):
        return str(valeur)
    if isinstance(valeur, datetime):
        return valeur.isoformat()
    if isinstance(valeur, date | time):
        return valeur.isoformat()
    return valeur


def empreinte(
    *,
    etude_id: int | None,
    rang: int,
    horodatage: datetime,
    utilisateur: str,
    action: str,
    objet: str,
    objet_id: str,
    operation: str,
    avant: dict[str, Any] | None,
    apres: dict[str, Any] | None,
    empreinte_precedente: str,
) -> str:
    contenu = {
        "etude_id": etude_id,
        "rang": rang,
        "horodatage": horodatage.isoformat(),
        "utilisateur": utilisateur,
        "action": action,
        "objet": objet,
        "objet_id": objet_id,
        "operation": operation,
        "avant": avant,
        "apres": apres,
        "precedente": empreinte_precedente,
    }
    texte = json.dumps(contenu, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(texte.encode("utf-8")).hexdigest()


def _valeur_journalisee(cle: str, valeur: Any) -> Any:
    if cle in COLONNES_SECRETES and valeur is not None:
        return SECRET
    return _valeur(valeur)


def _colonnes(objet: Any) -> dict[str, Any]:
    etat = inspecter(objet)
    return {
        attribut.key: _valeur_journalisee(attribut.key, getattr(objet, attribut.key))
        for attribut in etat.mapper.column_attrs
    }


def _changements(objet: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    etat = inspecter(objet)
    avant: dict[str, Any] = {}
    apres: dict[str, Any] = {}
    for attribut in etat.mapper.column_attrs:
        historique = etat.attrs[attribut.key].history
        if historique.has_changes():
            ancien = historique.deleted[0] if historique.deleted else None
            nouveau = historique.added[0] if historique.added else None
            if ancien != nouveau:
                avant[attribut.key] = _valeur_journalisee(attribut.key, ancien)
                apres[attribut.key] = _valeur_journalisee(attribut.key, nouveau)
    return avant, apres


def _etude_de(objet: Any) -> int | None:
    if isinstance(objet, Etude):
        return int(objet.id)
    valeur = getattr(objet, "etude_id", None)
    return None if valeur is None else int(valeur)


def _objet_id(objet: Any) -> str:
    # The identity key of a new row is set only after after_flush: read the primary key.
    cle = inspecter(objet).mapper.primary_key_from_instance(objet)
    return "-".join(str(i) for i in cle if i is not None)


@event.listens_for(Session, "before_flush")
def _tamponner_etude(session: Session, _contexte: Any, _instances: Any) -> None:
    """New office-owned rows get the session's office; a foreign office is refused."""
    etude_id = session.info.get("etude_id")
    if etude_id is None:
        return
    for objet in session.new:
        if isinstance(objet, AppartientEtude):
            if objet.etude_id is None:
                objet.etude_id = etude_id
            elif objet.etude_id != etude_id:
                raise PermissionError("row of another office added to this office's session")
    for objet in session.dirty:
        if isinstance(objet, AppartientEtude) and objet.etude_id != etude_id:
            raise PermissionError("row of another office modified in this office's session")


@event.listens_for(Session, "do_orm_execute")
def _filtrer_etude(etat: ORMExecuteState) -> None:
    """Confine every ORM statement of an office session to that office's rows.

    SELECTs get the office criterion (audit log included). Bulk UPDATE/DELETE bypass the
    per-row audit log, so an office session refuses them unless the service declares a bulk
    operation it records itself (``session.info["operation_groupee"]``, see
    ``journaliser_operation``); they are confined to the office as well.
    """
    etude_id = etat.session.info.get("etude_id")
    if etude_id is None or etat.is_column_load:
        return
    if etat.is_update or etat.is_delete:
        if not etat.session.info.get("operation_groupee"):
            raise PermissionError(
                "bulk UPDATE/DELETE refused in an office session: it would escape the audit log"
            )
    elif not etat.is_select:
        return
    etat.statement = etat.statement.options(*_criteres_etude(etude_id))
    creancier_id = etat.session.info.get("creancier_id")
    if creancier_id is not None and not etat.execution_options.get(TOUS_CREANCIERS):
        # A créancier-client's session (web office, API): only that creditor's files. A
        # statement that must see the whole office (numbering a new file) says so.
        etat.statement = etat.statement.options(_critere_creancier(creancier_id))


@functools.lru_cache(maxsize=1024)
def _criteres_etude(etude_id: int) -> tuple[Any, ...]:
    """The office criteria of ``_filtrer_etude``, built once per office: building them
    (analysing the lambdas) cost ~0.3 ms per statement, a tenth of a simple query."""
    return (
        with_loader_criteria(
            AppartientEtude,
            lambda cls: cls.etude_id == etude_id,
            include_aliases=True,
        ),
        with_loader_criteria(EntreeAudit, lambda cls: cls.etude_id == etude_id),
        with_loader_criteria(ChaineAudit, lambda cls: cls.etude_id == etude_id),
    )


@functools.lru_cache(maxsize=1024)
def _critere_creancier(creancier_id: int) -> Any:
    return with_loader_criteria(
        Dossier, lambda cls: cls.creancier_id == creancier_id, include_aliases=True
    )


@event.listens_for(Session, "after_flush")
def _journaliser(session: Session, _contexte: Any) -> None:
    changements: list[tuple[Any, str, dict[str, Any] | None, dict[str, Any] | None]] = []
    for objet in session.new:
        if not isinstance(objet, EXCLUES):
            changements.append((objet, "creation", None, _colonnes(objet)))
    for objet in session.dirty:
        if isinstance(objet, EXCLUES) or not session.is_modified(objet):
            continue
        avant, apres = _changements(objet)
        if avant or apres:
            changements.append((objet, "modification", avant, apres))
    for objet in session.deleted:
        if not isinstance(objet, EXCLUES):
            changements.append((objet, "suppression", _colonnes(objet), None))
    if not changements:
        return
    entrees = [
        (
            _etude_de(objet),
            {
                "action": action,
                "objet": type(objet).__tablename__,
                "objet_id": _objet_id(objet),
                "avant": avant,
                "apres": apres,
            },
        )
        for objet, action, avant, apres in sorted(
            changements, key=lambda c: (type(c[0]).__tablename__, _objet_id(c[0]))
        )
    ]
    _ecrire_entrees(session, entrees)


def _ecrire_entrees(session: Session, entrees: list[tuple[int | None, dict[str, Any]]]) -> None:
    """Append entries to their office's chain, holding the chain head locked."""
    utilisateur = str(session.info.get("utilisateur") or "systeme")
    operation = str(session.info.get("operation") or "")
    connexion = session.connection()
    horodatage = maintenant()
    par_etude: dict[int | None, list[dict[str, Any]]] = {}
    for etude_id, entree in entrees:
        par_etude.setdefault(etude_id, []).append(entree)
    for etude_id, a_ecrire in par_etude.items():
        requete = select(ChaineAudit.rang, ChaineAudit.empreinte).where(
            ChaineAudit.etude_id == etude_id
        )
        if connexion.dialect.name != "sqlite":
            requete = requete.with_for_update()
        tete = connexion.execute(requete).first() if etude_id is not None else None
        rang, precedente = (tete[0], tete[1]) if tete else (0, EMPREINTE_INITIALE)
        lignes = []
        for entree in a_ecrire:
            rang += 1
            hachage = empreinte(
                etude_id=etude_id,
                rang=rang,
                horodatage=horodatage,
                utilisateur=utilisateur,
                operation=operation,
                empreinte_precedente=precedente,
                **entree,
            )
            lignes.append(
                {
                    **entree,
                    "etude_id": etude_id,
                    "rang": rang,
                    "horodatage": horodatage,
                    "utilisateur": utilisateur,
                    "operation": operation,
                    "empreinte_precedente": precedente,
                    "empreinte": hachage,
                }
            )
            precedente = hachage
        connexion.execute(insert(EntreeAudit), lignes)
        if etude_id is None:
            continue
        if tete is None:
            connexion.execute(
                insert(ChaineAudit), [{"etude_id": etude_id, "rang": rang, "empreinte": precedente}]
            )
        else:
            connexion.execute(
                update(ChaineAudit)
                .where(ChaineAudit.etude_id == etude_id)
                .values(rang=rang, empreinte=precedente)
            )


def journaliser_operation(
    session: Session, objet: str, objet_id: str, details: dict[str, Any]
) -> None:
    """Record one audit entry for a bulk operation written without the ORM unit of work
    (synthetic office generation, bulk import): ``details`` says what was done."""
    session.flush()
    _ecrire_entrees(
        session,
        [
            (
                session.info.get("etude_id"),
                {
                    "action": "operation",
                    "objet": objet,
                    "objet_id": objet_id,
                    "avant": None,
                    "apres": _json(details),
                },
            )
        ],
    )


def _json(valeur: Any) -> Any:
    if isinstance(valeur, dict):
        return {str(k): _json(v) for k, v in valeur.items()}
    if isinstance(valeur, list | tuple):
        return [_json(v) for v in valeur]
    return _valeur(valeur)


@dataclass(frozen=True)
class Anomalie:
    etude_id: int | None
    rang: int
    message: str


@dataclass(frozen=True)
class ResultatVerification:
    entrees: int
    anomalies: tuple[Anomalie, ...]
    tetes: dict[int, str]  # office -> hash of the last entry (to keep outside the database)

    @property
    def intact(self) -> bool:
        return not self.anomalies


def verifier(session: Session, etude_id: int | None = None) -> ResultatVerification:
    """Recompute every chain (or one office's) and report each broken link, in French."""
    requete = select(EntreeAudit).order_by(EntreeAudit.etude_id, EntreeAudit.rang)
    if etude_id is not None:
        requete = requete.where(EntreeAudit.etude_id == etude_id)
    anomalies: list[Anomalie] = []
    tetes: dict[int, str] = {}
    compte = 0
    etat: dict[int | None, tuple[int, str]] = {}
    for entree in session.scalars(requete).yield_per(5000):
        compte += 1
        rang_attendu, precedente = etat.get(entree.etude_id, (0, EMPREINTE_INITIALE))
        rang_attendu += 1
        if entree.rang != rang_attendu:
            if entree.rang > rang_attendu:
                manquants = (
                    f"n° {rang_attendu}"
                    if entree.rang == rang_attendu + 1
                    else f"n° {rang_attendu} à {entree.rang - 1}"
                )
                message = f"entrée(s) supprimée(s) : {manquants} (avant l'entrée n° {entree.rang})"
            else:
                message = f"entrée n° {entree.rang} en double ou insérée"
            anomalies.append(Anomalie(entree.etude_id, entree.rang, message))
        if entree.empreinte_precedente != precedente and entree.rang == rang_attendu:
            anomalies.append(
                Anomalie(
                    entree.etude_id,
                    entree.rang,
                    f"entrée n° {entree.rang} : le chaînage avec l'entrée précédente est rompu",
                )
            )
        recalculee = empreinte(
            etude_id=entree.etude_id,
            rang=entree.rang,
            horodatage=entree.horodatage,
            utilisateur=entree.utilisateur,
            action=entree.action,
            objet=entree.objet,
            objet_id=entree.objet_id,
            operation=entree.operation,
            avant=entree.avant,
            apres=entree.apres,
            empreinte_precedente=entree.empreinte_precedente,
        )
        if recalculee != entree.empreinte:
            anomalies.append(
                Anomalie(
                    entree.etude_id,
                    entree.rang,
                    f"entrée n° {entree.rang} modifiée ({entree.action} {entree.objet} "
                    f"n° {entree.objet_id} du {entree.horodatage:%d/%m/%Y %H:%M})",
                )
            )
        etat[entree.etude_id] = (entree.rang, entree.empreinte)
    chaines = select(ChaineAudit)
    if etude_id is not None:
        chaines = chaines.where(ChaineAudit.etude_id == etude_id)
    for chaine in session.scalars(chaines):
        rang, hachage = etat.get(chaine.etude_id, (0, EMPREINTE_INITIALE))
        tetes[chaine.etude_id] = chaine.empreinte
        if chaine.rang > rang:
            anomalies.append(
                Anomalie(
                    chaine.etude_id,
                    chaine.rang,
                    f"entrée(s) n° {rang + 1} à {chaine.rang} supprimée(s) en fin de journal",
                )
            )
        elif chaine.rang < rang:
            anomalies.append(
                Anomalie(
                    chaine.etude_id,
                    rang,
                    f"entrée(s) n° {chaine.rang + 1} à {rang} ajoutée(s) après la tête du journal",
                )
            )
        elif chaine.rang == rang and chaine.empreinte != hachage:
            anomalies.append(
                Anomalie(
                    chaine.etude_id,
                    chaine.rang,
                    f"la dernière entrée (n° {rang}) ne correspond pas à la tête du journal",
                )
            )
    return ResultatVerification(compte, tuple(anomalies), tetes)
