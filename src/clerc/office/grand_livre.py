"""Third-party funds ledger: balanced, append-only entries and the balances they give.

Entries (accounts of ``models.grand_livre.COMPTES``; D = debit, C = credit):
- receipt (encaissement): D fonds_tiers (or caisse for cash) / C creancier;
- cash banked (remise_especes): D fonds_tiers / C caisse;
- payout to the creditor (reversement), fees withheld by the office (honoraires), débours
  refunded (debours): D creancier / C fonds_tiers (then caisse if the bank part is short);
- correction: the lines of the corrected entry, reversed.
Invariants enforced here, before anything is written: every entry balances; the sum owed to a
file's creditor (credits - debits on ``creancier``) and each cash account never go negative.
Callers hold the file's version lock (services bump ``Dossier.version``), so two concurrent
operations on one file cannot both spend the same balance.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple, Protocol

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased, joinedload

from clerc.office.erreurs import OperationRefusee
from clerc.office.models import Ecriture, LigneEcriture
from clerc.rules import fonds_tiers
from clerc.rules.monnaie import format_euros

ZERO = Decimal("0.00")
SORTIES = ("reversement", "honoraires", "debours")


@dataclass(frozen=True)
class Mouvement:
    compte: str
    debit: Decimal = ZERO
    credit: Decimal = ZERO


def _ecrire(
    session: Session,
    *,
    dossier_id: int,
    jour: date,
    nature: str,
    mouvements: Sequence[Mouvement],
    libelle: str,
    mode: str = "virement",
    acompte: bool = False,
    paiement_id: int | None = None,
    corrige_id: int | None = None,
    beneficiaire_id: int | None = None,
) -> Ecriture:
    debits = sum((m.debit for m in mouvements), ZERO)
    credits = sum((m.credit for m in mouvements), ZERO)
    if debits != credits or debits <= 0:
        raise OperationRefusee(
            f"Écriture déséquilibrée refusée : débits {debits} €, crédits {credits} €."
        )
    ecriture = Ecriture(
        dossier_id=dossier_id,
        date=jour,
        nature=nature,
        mode=mode,
        acompte=acompte,
        libelle=libelle,
        paiement_id=paiement_id,
        corrige_id=corrige_id,
        beneficiaire_id=beneficiaire_id,
        utilisateur=str(session.info.get("utilisateur") or ""),
        lignes=[
            LigneEcriture(compte=m.compte, dossier_id=dossier_id, debit=m.debit, credit=m.credit)
            for m in mouvements
            if m.debit or m.credit
        ],
    )
    session.add(ecriture)
    session.flush()
    return ecriture


def solde(session: Session, compte: str, dossier_id: int | None = None) -> Decimal:
    """Balance of an account: debits - credits for the cash accounts, credits - debits for
    ``creancier`` (what the office owes); for one file or the whole office."""
    signe = (
        LigneEcriture.credit - LigneEcriture.debit
        if compte == "creancier"
        else LigneEcriture.debit - LigneEcriture.credit
    )
    requete = select(func.coalesce(func.sum(signe), 0)).where(LigneEcriture.compte == compte)
    if dossier_id is not None:
        requete = requete.where(LigneEcriture.dossier_id == dossier_id)
    return Decimal(session.scalar(requete) or 0).quantize(Decimal("0.01"))


def solde_creancier(session: Session, dossier_id: int) -> Decimal:
    """Sum held for the creditor of the file (never negative)."""
    return solde(session, "creancier", dossier_id)


def encaisser(
    session: Session,
    *,
    dossier_id: int,
    jour: date,
    montant: Decimal,
    mode: str,
    libelle: str,
    acompte: bool = False,
    paiement_id: int | None = None,
) -> Ecriture:
    if montant <= 0:
        raise OperationRefusee(f"Encaissement de {format_euros(montant)} refusé : montant > 0.")
    tresorerie = "caisse" if mode == "especes" else "fonds_tiers"
    return _ecrire(
        session,
        dossier_id=dossier_id,
        jour=jour,
        nature="encaissement",
        mouvements=(Mouvement(tresorerie, debit=montant), Mouvement("creancier", credit=montant)),
        libelle=libelle,
        mode=mode,
        acompte=acompte,
        paiement_id=paiement_id,
    )


def sortir(
    session: Session,
    *,
    dossier_id: int,
    jour: date,
    montant: Decimal,
    nature: str,
    libelle: str,
    beneficiaire_id: int | None = None,
) -> Ecriture:
    """Pay out of the file's funds (to the creditor, or the office's fees and débours)."""
    if nature not in SORTIES:
        raise OperationRefusee(f"Nature de sortie inconnue « {nature} ».")
    if montant <= 0:
        raise OperationRefusee(f"Sortie de {format_euros(montant)} refusée : montant > 0.")
    disponible = solde_creancier(session, dossier_id)
    if montant > disponible:
        raise OperationRefusee(
            f"Sortie de {format_euros(montant)} refusée : le dossier ne détient que "
            f"{format_euros(disponible)} pour le créancier (fonds de tiers, jamais de solde "
            "négatif)."
        )
    banque = max(solde(session, "fonds_tiers", dossier_id), ZERO)
    part_banque = min(montant, banque)
    mouvements = [Mouvement("creancier", debit=montant)]
    if part_banque:
        mouvements.append(Mouvement("fonds_tiers", credit=part_banque))
    if montant - part_banque:
        mouvements.append(Mouvement("caisse", credit=montant - part_banque))
    return _ecrire(
        session,
        dossier_id=dossier_id,
        jour=jour,
        nature=nature,
        mouvements=mouvements,
        libelle=libelle,
        beneficiaire_id=beneficiaire_id,
    )


def contrepasser(session: Session, ecriture: Ecriture, jour: date, motif: str) -> Ecriture:
    """Reverse an entry (bounced cheque, rejected transfer, error) by a new entry."""
    if ecriture.nature == "correction":
        raise OperationRefusee(
            "Une contre-passation ne se contre-passe pas : saisissez l'opération."
        )
    deja = session.scalar(select(Ecriture.id).where(Ecriture.corrige_id == ecriture.id))
    if deja is not None:
        raise OperationRefusee(f"L'écriture n° {ecriture.id} a déjà été contre-passée.")
    assert ecriture.dossier_id is not None
    mouvements = [
        Mouvement(ligne.compte, debit=ligne.credit, credit=ligne.debit) for ligne in ecriture.lignes
    ]
    for mouvement in mouvements:
        actuel = solde(session, mouvement.compte, ecriture.dossier_id)
        if mouvement.compte == "creancier":
            apres = actuel + mouvement.credit - mouvement.debit
        else:
            apres = actuel + mouvement.debit - mouvement.credit
        if apres < 0:
            raise OperationRefusee(
                f"Contre-passation refusée : le compte « {mouvement.compte} » du dossier "
                f"deviendrait négatif ({format_euros(apres)}). Les fonds ont déjà été reversés : "
                "obtenez d'abord leur restitution."
            )
    return _ecrire(
        session,
        dossier_id=ecriture.dossier_id,
        jour=jour,
        nature="correction",
        mouvements=mouvements,
        libelle=f"Contre-passation de l'écriture n° {ecriture.id} : {motif}",
        mode=ecriture.mode,
        corrige_id=ecriture.id,
    )


def fonds_detenus(
    session: Session, dossier_id: int, au: date
) -> tuple[fonds_tiers.FondsDetenus, ...]:
    """Receipts of the file still held at ``au`` with their R444-56 deadline."""
    return fonds_detenus_des_ecritures(ecritures_du_dossier(session, dossier_id), au)


def ecritures_du_dossier(session: Session, dossier_id: int) -> list[Ecriture]:
    """Every entry of one file, in id order, with its lines (one query)."""
    return _ecritures_des_dossiers(session, [dossier_id])[dossier_id]


def _ecritures_des_dossiers(
    session: Session, dossier_ids: Sequence[int]
) -> dict[int, list[Ecriture]]:
    """Every entry of the files, by file, in id order, with their lines: one query.

    The lines are joined (``joinedload``), not read by ``selectinload``'s ``ecriture_id IN
    (...)``: with the office criterion added to that query, SQLite (no ANALYZE statistics)
    prefers the index on ``etude_id`` and scans all the office's lines; in a join it looks
    the lines up by ``ecriture_id``."""
    par_dossier: dict[int, list[Ecriture]] = {dossier_id: [] for dossier_id in dossier_ids}
    ecritures = session.scalars(
        select(Ecriture)
        .where(Ecriture.dossier_id.in_(dossier_ids))
        .order_by(Ecriture.dossier_id, Ecriture.id)
        .options(joinedload(Ecriture.lignes))  # lines ordered by id (relationship order_by)
    ).unique()
    for ecriture in ecritures:
        assert ecriture.dossier_id is not None
        par_dossier[ecriture.dossier_id].append(ecriture)
    return par_dossier


class EcritureResumee(NamedTuple):
    """What the R444-56 computation reads of an entry (plain values, read without the ORM)."""

    id: int
    date: date
    nature: str
    mode: str
    acompte: bool
    corrige_id: int | None
    montant: Decimal


class _EcritureLue(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def date(self) -> date: ...
    @property
    def nature(self) -> str: ...
    @property
    def mode(self) -> str: ...
    @property
    def acompte(self) -> bool: ...
    @property
    def corrige_id(self) -> int | None: ...
    @property
    def montant(self) -> Decimal: ...


def fonds_detenus_des_ecritures(
    ecritures: Sequence[_EcritureLue], au: date
) -> tuple[fonds_tiers.FondsDetenus, ...]:
    """Receipts still held at ``au``, from every entry of one file (in id order): ORM entries
    with their lines, or :class:`EcritureResumee`.

    Pure: no query. A receipt or outflow whose correction is dated on or before ``au`` never
    counts; one corrected after ``au`` still does at ``au``."""
    corrigees: dict[int, _EcritureLue] = {e.corrige_id: e for e in ecritures if e.corrige_id}
    encaissements: list[fonds_tiers.Encaissement] = []
    sorties: list[fonds_tiers.Sortie] = []
    for ecriture in ecritures:
        montant = ecriture.montant
        correction = corrigees.get(ecriture.id)
        if ecriture.nature == "encaissement":
            if correction is not None and correction.date <= au:
                continue  # reversed receipt (bounced cheque): never held
            encaissements.append(
                fonds_tiers.Encaissement(
                    ecriture.date,
                    montant,
                    especes=ecriture.mode == "especes",
                    acompte=ecriture.acompte,
                    reference=f"écriture n° {ecriture.id}",
                )
            )
        elif ecriture.nature in SORTIES:
            if correction is not None and correction.date <= au:
                continue
            sorties.append(fonds_tiers.Sortie(ecriture.date, montant))
    return fonds_tiers.fonds_detenus(encaissements, sorties, au)


# Files whose entries (with their lines) one query loads.
LOT_DOSSIERS = 500


def dossiers_a_solde_creancier(au: date) -> Select[int | None]:
    """Ids of the files whose creditor balance at ``au``, as ``fonds_detenus`` counts it, is
    not zero: a grouped pre-filter, since a file at zero holds nothing at ``au``.

    The balance is the creancier lines (credits - debits) of the receipts and outflows dated
    on or before ``au``, plus those of their corrections dated on or before ``au`` when the
    corrected entry is too (a correction dated before the entry it corrects must not count
    alone). It is exactly receipts - outflows as ``fonds_detenus_des_ecritures`` keeps them:
    > 0 when something is held, < 0 when outflows exceed receipts at ``au`` (kept, so that
    the rule refuses it as it does file by file). Compared rounded to the cent: SQLite sums
    Numeric columns as floats."""
    comptees = ("encaissement", *SORTIES)
    corrigee = aliased(Ecriture)
    return (
        select(Ecriture.dossier_id)
        .join(LigneEcriture, LigneEcriture.ecriture_id == Ecriture.id)
        .outerjoin(corrigee, corrigee.id == Ecriture.corrige_id)
        .where(
            LigneEcriture.compte == "creancier",
            Ecriture.date <= au,
            or_(
                and_(Ecriture.corrige_id.is_(None), Ecriture.nature.in_(comptees)),
                and_(corrigee.nature.in_(comptees), corrigee.date <= au),
            ),
        )
        .group_by(Ecriture.dossier_id)
        .having(func.round(func.sum(LigneEcriture.credit - LigneEcriture.debit), 2) != 0)
    )


def fonds_detenus_par_dossier(
    session: Session, dossier_ids: Iterable[int], au: date
) -> Iterator[tuple[int, tuple[fonds_tiers.FondsDetenus, ...]]]:
    """``fonds_detenus`` of many files, in their order: one query per ``LOT_DOSSIERS`` files
    (their entries with their lines) instead of one or two per file."""
    ids = list(dossier_ids)
    for debut in range(0, len(ids), LOT_DOSSIERS):
        lot = ids[debut : debut + LOT_DOSSIERS]
        par_dossier = _ecritures_resumees(session, lot)
        for dossier_id in lot:
            yield dossier_id, fonds_detenus_des_ecritures(par_dossier[dossier_id], au)


def _ecritures_resumees(
    session: Session, dossier_ids: Sequence[int]
) -> dict[int, list[EcritureResumee]]:
    """The entries of the files as plain rows with their amount (the sum of their debits,
    added here in Decimal: SQLite would sum Numeric columns as floats): one query, no ORM
    objects (at 1 000 000 files, building 200 000 entries with their 400 000 lines as ORM
    objects took 22 s of the 26 s the office's funds list took)."""
    par_dossier: dict[int, list[EcritureResumee]] = {d: [] for d in dossier_ids}
    courante: list[Any] | None = None
    for dossier_id, id_, jour, nature, mode, acompte, corrige_id, debit in session.execute(
        select(
            Ecriture.dossier_id,
            Ecriture.id,
            Ecriture.date,
            Ecriture.nature,
            Ecriture.mode,
            Ecriture.acompte,
            Ecriture.corrige_id,
            LigneEcriture.debit,
        )
        .join(LigneEcriture, LigneEcriture.ecriture_id == Ecriture.id)
        .where(Ecriture.dossier_id.in_(dossier_ids))
        .order_by(Ecriture.dossier_id, Ecriture.id, LigneEcriture.id)
    ):
        if courante is None or courante[1] != id_:
            if courante is not None:
                par_dossier[courante[0]].append(EcritureResumee(*courante[1:]))
            courante = [dossier_id, id_, jour, nature, mode, acompte, corrige_id, ZERO]
        courante[7] += debit
    if courante is not None:
        par_dossier[courante[0]].append(EcritureResumee(*courante[1:]))
    return par_dossier


@dataclass(frozen=True)
class Balance:
    debits: Decimal
    credits: Decimal
    par_compte: dict[str, Decimal]
    desequilibrees: tuple[int, ...]  # ids of entries whose lines do not balance
    creanciers_negatifs: tuple[int, ...]  # ids of files whose creditor balance is negative

    @property
    def equilibree(self) -> bool:
        return (
            self.debits == self.credits and not self.desequilibrees and not self.creanciers_negatifs
        )


def balance(session: Session) -> Balance:
    """Trial balance of the office's third-party funds, with every broken invariant."""
    debits, credits = session.execute(
        select(
            func.coalesce(func.sum(LigneEcriture.debit), 0),
            func.coalesce(func.sum(LigneEcriture.credit), 0),
        )
    ).one()
    par_compte = {
        compte: solde(session, compte) for compte in ("fonds_tiers", "caisse", "creancier")
    }
    desequilibrees = session.scalars(
        select(LigneEcriture.ecriture_id)
        .group_by(LigneEcriture.ecriture_id)
        .having(func.round(func.sum(LigneEcriture.debit) - func.sum(LigneEcriture.credit), 2) != 0)
    ).all()
    signe = case(
        (LigneEcriture.compte == "creancier", LigneEcriture.credit - LigneEcriture.debit),
        else_=0,
    )
    negatifs = session.scalars(
        select(LigneEcriture.dossier_id)
        .where(LigneEcriture.compte == "creancier")
        .group_by(LigneEcriture.dossier_id)
        .having(func.round(func.sum(signe), 2) < 0)  # SQLite sums Numeric as floats
    ).all()
    return Balance(
        Decimal(debits).quantize(Decimal("0.01")),
        Decimal(credits).quantize(Decimal("0.01")),
        par_compte,
        tuple(desequilibrees),
        tuple(int(d) for d in negatifs if d is not None),
    )
