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

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, selectinload

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
    ecritures = session.scalars(
        select(Ecriture)
        .where(Ecriture.dossier_id == dossier_id)
        .order_by(Ecriture.id)
        .options(selectinload(Ecriture.lignes))  # one query for all lines, not one per entry
    ).all()
    corrigees: dict[int, Ecriture] = {e.corrige_id: e for e in ecritures if e.corrige_id}
    encaissements: list[fonds_tiers.Encaissement] = []
    sorties: list[fonds_tiers.Sortie] = []
    for ecriture in ecritures:
        montant = sum((ligne.debit for ligne in ecriture.lignes), ZERO)
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
