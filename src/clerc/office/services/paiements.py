"""Money of a file: payments received (imputed by the rules engine), payouts to the creditor,
fees withheld, corrections; the funds held and their R444-56 deadlines.

One transaction each. Every operation bumps the file's version (optimistic locking), so two
concurrent operations on one file are serialised by ``db.executer``'s retry and neither is
lost nor able to spend the same balance twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from clerc.office import grand_livre
from clerc.office.db import Contexte, executer
from clerc.office.erreurs import Introuvable, OperationRefusee
from clerc.office.models import Dossier, Echeance, Ecriture, Paiement, Partie
from clerc.office.models.dossier import MODES_REGLEMENT, ORIGINES_PAIEMENT
from clerc.office.models.grand_livre import COMPTES, NATURES_ECRITURE
from clerc.office.services.dossiers import (
    charger_dossier,
    decompte_de,
    evenement,
    refuser_si_clos,
)
from clerc.office.validation import montant_stockable, pas_dans_le_futur
from clerc.rules.decompte import ImputationPaiement
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.fonds_tiers import FondsDetenus
from clerc.rules.monnaie import format_euros

ETAPE_REVERSEMENT = "reversement"  # agenda item of funds to pay out (C. com. R444-56)


@dataclass(frozen=True)
class PaiementEnregistre:
    paiement_id: int
    ecriture_id: int | None
    imputation: ImputationPaiement | None  # how the rules engine imputed it
    reste_du: Decimal  # balance of the claim after it, at its date
    detenu_pour_creancier: Decimal


def enregistrer_paiement(
    contexte: Contexte,
    reference: str,
    montant: Decimal,
    jour: date,
    *,
    mode: str = "virement",
    origine: str = "debiteur",
    encaisse_par_etude: bool = True,
    acompte: bool = False,
    libelle: str = "",
) -> PaiementEnregistre:
    """Record a payment on the claim; when the office received the money, enter it in the
    third-party funds ledger (D fonds de tiers or caisse / C créancier)."""
    if mode not in MODES_REGLEMENT:
        raise DonneeInvalide(f"Mode « {mode} » inconnu (attendu : {', '.join(MODES_REGLEMENT)}).")
    if origine not in ORIGINES_PAIEMENT:
        raise DonneeInvalide(
            f"Origine « {origine} » inconnue (attendu : {', '.join(ORIGINES_PAIEMENT)})."
        )
    if montant <= 0:
        raise DonneeInvalide(f"Paiement de {format_euros(montant)} refusé : montant > 0.")
    montant_stockable(montant, "Paiement")
    pas_dans_le_futur(jour, "Paiement")

    def _enregistrer(session: Session) -> PaiementEnregistre:
        dossier = charger_dossier(session, reference, verrou=True)
        refuser_si_clos(dossier)
        if jour < dossier.ouvert_le and encaisse_par_etude:
            raise DonneeInvalide(
                f"Encaissement du {jour.isoformat()} antérieur à l'ouverture du dossier "
                f"({dossier.ouvert_le.isoformat()})."
            )
        paiement = Paiement(
            date=jour,
            montant=montant,
            origine=origine,
            mode=mode,
            encaisse_par_etude=encaisse_par_etude,
            libelle=libelle or f"{ORIGINES_PAIEMENT[origine]} ({MODES_REGLEMENT[mode].lower()})",
        )
        dossier.paiements.append(paiement)
        session.flush()
        ecriture_id = None
        if encaisse_par_etude:
            ecriture = grand_livre.encaisser(
                session,
                dossier_id=dossier.id,
                jour=jour,
                montant=montant,
                mode=mode,
                acompte=acompte,
                libelle=f"Encaissement {reference} : {paiement.libelle}",
                paiement_id=paiement.id,
            )
            ecriture_id = ecriture.id
        imputation = None
        reste = Decimal("0.00")
        if any(ligne.nature == "principal" for ligne in dossier.lignes):
            etat = decompte_de(dossier, jour)
            reste = etat.total
            imputation = next(
                (i for i in reversed(etat.imputations) if i.montant == montant and i.date == jour),
                None,
            )
        evenement(
            session,
            dossier,
            jour,
            "paiement",
            f"Paiement reçu : {format_euros(montant)} ({paiement.libelle})",
            {"paiement_id": paiement.id, "montant": str(montant)},
        )
        recalculer_echeances_fonds(session, dossier.etude_id, dossier.id)
        return PaiementEnregistre(
            paiement.id,
            ecriture_id,
            imputation,
            reste,
            grand_livre.solde_creancier(session, dossier.id),
        )

    return executer(contexte, "enregistrer_paiement", _enregistrer)


def annuler_paiement(
    contexte: Contexte, reference: str, paiement_id: int, jour: date, motif: str
) -> int:
    """Correct a payment (bounced cheque, error): a negative payment and the reversal of its
    ledger entry; nothing is deleted. Refused if the money was already paid out."""
    if not motif.strip():
        raise DonneeInvalide("Motif de l'annulation obligatoire.")

    def _annuler(session: Session) -> int:
        dossier = charger_dossier(session, reference, verrou=True)
        refuser_si_clos(dossier)
        paiement = next((p for p in dossier.paiements if p.id == paiement_id), None)
        if paiement is None or paiement.corrige_id is not None:
            raise Introuvable(f"Paiement n° {paiement_id} introuvable dans le dossier {reference}.")
        if any(p.corrige_id == paiement.id for p in dossier.paiements):
            raise OperationRefusee(f"Le paiement n° {paiement_id} est déjà annulé.")
        ecriture = session.scalar(
            select(Ecriture).where(
                Ecriture.paiement_id == paiement.id, Ecriture.nature == "encaissement"
            )
        )
        if ecriture is not None:
            grand_livre.contrepasser(session, ecriture, jour, motif)
        correction = Paiement(
            date=jour,
            montant=-paiement.montant,
            origine=paiement.origine,
            mode=paiement.mode,
            encaisse_par_etude=paiement.encaisse_par_etude,
            libelle=f"Annulation du paiement n° {paiement.id} : {motif}",
            corrige_id=paiement.id,
        )
        dossier.paiements.append(correction)
        evenement(session, dossier, jour, "annulation_paiement", correction.libelle)
        session.flush()
        recalculer_echeances_fonds(session, dossier.etude_id, dossier.id)
        return int(correction.id)

    return executer(contexte, "annuler_paiement", _annuler)


def lignes_echeances_fonds(
    etude_id: int, dossier_id: int, fonds: Iterable[FondsDetenus]
) -> list[dict[str, Any]]:
    """Agenda rows (``echeance``, no procedure) of the receipts still held: each must be paid
    out by its C. com. R444-56 date. The synthetic office writes the same rows."""
    return [
        {
            "etude_id": etude_id,
            "dossier_id": dossier_id,
            "procedure_id": None,
            "etape": ETAPE_REVERSEMENT,
            "libelle": f"Reverser {format_euros(f.restant)} reçus le "
            f"{f.encaissement.date.isoformat()}",
            "date_au_plus_tot": None,
            "date_limite": f.date_limite,
            "tenu_par": "etude",
            "sanction": "responsabilite",
            "effet": "fonds de tiers détenus au-delà du délai réglementaire",
            "article": "C. com. R444-56",
        }
        for f in fonds
    ]


def recalculer_echeances_fonds(session: Session, etude_id: int, dossier_id: int) -> None:
    """Rewrite the file's funds-to-pay-out agenda rows after a receipt, a payout or a
    correction (derived data, like the procedure rows: replaced, not audited row by row)."""
    session.flush()
    connexion = session.connection()
    connexion.execute(
        delete(Echeance).where(Echeance.dossier_id == dossier_id, Echeance.procedure_id.is_(None))
    )
    lignes = lignes_echeances_fonds(
        etude_id, dossier_id, grand_livre.fonds_detenus(session, dossier_id, date.today())
    )
    if lignes:
        connexion.execute(insert(Echeance), lignes)


@dataclass(frozen=True)
class Sortie:
    ecriture_id: int
    montant: Decimal
    detenu_restant: Decimal


def reverser(
    contexte: Contexte, reference: str, jour: date, montant: Decimal | None = None
) -> Sortie:
    """Pay out to the file's creditor (by default all that is held for him)."""
    return _sortir(contexte, reference, jour, montant, "reversement")


def prelever_frais(
    contexte: Contexte, reference: str, jour: date, montant: Decimal, *, debours: bool = False
) -> Sortie:
    """Withhold the office's fees (or refund débours) from the funds held on the file."""
    return _sortir(contexte, reference, jour, montant, "debours" if debours else "honoraires")


def _sortir(
    contexte: Contexte, reference: str, jour: date, montant: Decimal | None, nature: str
) -> Sortie:
    if montant is not None and montant <= 0:
        raise DonneeInvalide(f"Montant {format_euros(montant)} refusé : il doit être positif.")
    if montant is not None:
        montant_stockable(montant, "Sortie de fonds")
    pas_dans_le_futur(jour, "Sortie de fonds")

    def _executer(session: Session) -> Sortie:
        dossier = charger_dossier(session, reference, verrou=True)
        disponible = grand_livre.solde_creancier(session, dossier.id)
        somme = disponible if montant is None else montant
        if somme <= 0:
            raise OperationRefusee(f"Le dossier {reference} ne détient aucun fonds à reverser.")
        libelles = {
            "reversement": f"Reversement à {dossier.creancier.designation}",
            "honoraires": "Prélèvement des frais et émoluments de l'étude",
            "debours": "Remboursement des débours avancés par l'étude",
        }
        ecriture = grand_livre.sortir(
            session,
            dossier_id=dossier.id,
            jour=jour,
            montant=somme,
            nature=nature,
            libelle=f"{libelles[nature]} ({reference})",
            beneficiaire_id=dossier.creancier_id if nature == "reversement" else None,
        )
        evenement(
            session,
            dossier,
            jour,
            nature,
            f"{libelles[nature]} : {format_euros(somme)}",
            {"ecriture_id": ecriture.id, "montant": str(somme)},
        )
        recalculer_echeances_fonds(session, dossier.etude_id, dossier.id)
        return Sortie(ecriture.id, somme, grand_livre.solde_creancier(session, dossier.id))

    return executer(contexte, nature, _executer)


@dataclass(frozen=True)
class AlerteFonds:
    reference: str
    fonds: FondsDetenus

    @property
    def message(self) -> str:
        return (
            f"{self.reference} : {format_euros(self.fonds.restant)} reçus le "
            f"{self.fonds.encaissement.date.isoformat()} à reverser au plus tard le "
            f"{self.fonds.date_limite.isoformat()} ({self.fonds.regle})"
        )


@dataclass(frozen=True)
class ResumeFonds:
    """Totals of the funds held (dashboard, /fonds)."""

    total: Decimal
    total_en_retard: Decimal  # held beyond the C. com. R444-56 deadline
    nombre_en_retard: int
    dossiers: int
    plus_longue_detention: int | None  # days


def resume_fonds(alertes: Sequence[AlerteFonds], au: date) -> ResumeFonds:
    en_retard = [a for a in alertes if a.fonds.en_retard(au)]
    return ResumeFonds(
        total=sum((a.fonds.restant for a in alertes), Decimal("0.00")),
        total_en_retard=sum((a.fonds.restant for a in en_retard), Decimal("0.00")),
        nombre_en_retard=len(en_retard),
        dossiers=len({a.reference for a in alertes}),
        plus_longue_detention=max((a.fonds.jours_de_detention(au) for a in alertes), default=None),
    )


def fonds_detenus(
    contexte: Contexte, au: date, *, seulement_en_retard: bool = False
) -> list[AlerteFonds]:
    """Funds held by the office at ``au``, per file, with the R444-56 deadline (agenda)."""

    def _lire(session: Session) -> list[AlerteFonds]:
        # One grouped query keeps the files holding something (the others are at zero), then
        # their entries are read in batches: a constant number of queries, not two per file.
        references: dict[int, str] = {
            dossier_id: reference_
            for dossier_id, reference_ in session.execute(
                select(Dossier.id, Dossier.reference)
                .where(Dossier.id.in_(grand_livre.dossiers_a_solde_creancier(au)))
                .order_by(Dossier.reference)
            )
        }
        alertes: list[AlerteFonds] = []
        for dossier_id, detenus in grand_livre.fonds_detenus_par_dossier(session, references, au):
            for fonds in detenus:
                if not seulement_en_retard or fonds.en_retard(au):
                    alertes.append(AlerteFonds(references[dossier_id], fonds))
        alertes.sort(key=lambda a: (a.fonds.date_limite, a.reference))
        return alertes

    return executer(contexte, "fonds_detenus", _lire, ecriture=False)


def creanciers_des_dossiers(contexte: Contexte, references: Iterable[str]) -> dict[str, str]:
    """The creditor of each file (its designation, as acts write it): two queries."""
    voulues = set(references)

    def _lire(session: Session) -> dict[str, str]:
        if not voulues:
            return {}
        lignes = session.execute(
            select(Dossier.reference, Dossier.creancier_id).where(Dossier.reference.in_(voulues))
        ).all()
        parties = session.scalars(
            select(Partie).where(Partie.id.in_({creancier for _, creancier in lignes}))
        )
        designations = {partie.id: partie.designation for partie in parties}
        return {reference: designations.get(creancier, "") for reference, creancier in lignes}

    return executer(contexte, "creanciers_des_dossiers", _lire, ecriture=False)


@dataclass(frozen=True)
class PaiementDuDossier:
    """A payment of the file as the money pages show it, with its correction status."""

    id: int
    date: date
    montant: Decimal
    mode: str
    origine: str
    libelle: str
    encaisse_par_etude: bool
    corrige_id: int | None  # set on a correction: the payment it cancels
    annule_par: int | None  # set on a cancelled payment: its correction

    @property
    def annulable(self) -> bool:
        return self.corrige_id is None and self.annule_par is None

    @property
    def libelle_mode(self) -> str:
        return MODES_REGLEMENT.get(self.mode, self.mode)

    @property
    def libelle_origine(self) -> str:
        return ORIGINES_PAIEMENT.get(self.origine, self.origine)


@dataclass(frozen=True)
class LigneDuGrandLivre:
    compte: str
    debit: Decimal
    credit: Decimal

    @property
    def libelle_compte(self) -> str:
        return COMPTES.get(self.compte, self.compte)


@dataclass(frozen=True)
class EcritureDuDossier:
    """One balanced entry of the file in the third-party funds ledger."""

    id: int
    date: date
    nature: str
    libelle: str
    mode: str
    utilisateur: str
    corrige_id: int | None
    contrepassee_par: int | None
    lignes: tuple[LigneDuGrandLivre, ...]

    @property
    def libelle_nature(self) -> str:
        return NATURES_ECRITURE.get(self.nature, self.nature)

    @property
    def debit(self) -> Decimal:
        return sum((ligne.debit for ligne in self.lignes), Decimal("0.00"))

    @property
    def credit(self) -> Decimal:
        return sum((ligne.credit for ligne in self.lignes), Decimal("0.00"))


@dataclass(frozen=True)
class SituationFonds:
    """The money of one file at ``au``: payments, funds held with their R444-56 deadlines,
    and the file's entries in the double-entry ledger with their totals."""

    reference: str
    au: date
    creancier: str
    clos: bool
    detenu_pour_creancier: Decimal
    fonds: tuple[FondsDetenus, ...]
    paiements: tuple[PaiementDuDossier, ...]
    ecritures: tuple[EcritureDuDossier, ...]
    soldes: dict[str, Decimal]  # per account: debits - credits (credits - debits, creancier)

    @property
    def total_debits(self) -> Decimal:
        return sum((e.debit for e in self.ecritures), Decimal("0.00"))

    @property
    def total_credits(self) -> Decimal:
        return sum((e.credit for e in self.ecritures), Decimal("0.00"))

    @property
    def equilibre(self) -> bool:
        """Every entry balances and the creditor's balance is not negative."""
        return all(e.debit == e.credit for e in self.ecritures) and self.soldes[
            "creancier"
        ] >= Decimal("0.00")

    @property
    def prochaine_limite(self) -> date | None:
        """The earliest R444-56 payout deadline of the sums held."""
        return min((f.date_limite for f in self.fonds), default=None)


def situation_fonds(contexte: Contexte, reference: str, au: date) -> SituationFonds:
    """The money of one file (read only): three queries, whatever the number of entries."""

    def _lire(session: Session) -> SituationFonds:
        dossier = charger_dossier(session, reference)
        ecritures = grand_livre.ecritures_du_dossier(session, dossier.id)
        contrepassees = {e.corrige_id: e.id for e in ecritures if e.corrige_id is not None}
        soldes = {compte: Decimal("0.00") for compte in COMPTES}
        for ecriture in ecritures:
            for ligne in ecriture.lignes:
                if ligne.compte == "creancier":
                    soldes[ligne.compte] += ligne.credit - ligne.debit
                else:
                    soldes[ligne.compte] = soldes.get(ligne.compte, Decimal("0.00")) + (
                        ligne.debit - ligne.credit
                    )
        annulations = {p.corrige_id: p.id for p in dossier.paiements if p.corrige_id is not None}
        return SituationFonds(
            reference=dossier.reference,
            au=au,
            creancier=dossier.creancier.designation,
            clos=dossier.statut == "clos",
            detenu_pour_creancier=soldes["creancier"],
            fonds=grand_livre.fonds_detenus_des_ecritures(ecritures, au),
            paiements=tuple(
                PaiementDuDossier(
                    id=p.id,
                    date=p.date,
                    montant=p.montant,
                    mode=p.mode,
                    origine=p.origine,
                    libelle=p.libelle,
                    encaisse_par_etude=p.encaisse_par_etude,
                    corrige_id=p.corrige_id,
                    annule_par=annulations.get(p.id),
                )
                for p in sorted(dossier.paiements, key=lambda p: (p.date, p.id))
            ),
            ecritures=tuple(
                EcritureDuDossier(
                    id=e.id,
                    date=e.date,
                    nature=e.nature,
                    libelle=e.libelle,
                    mode=e.mode,
                    utilisateur=e.utilisateur,
                    corrige_id=e.corrige_id,
                    contrepassee_par=contrepassees.get(e.id),
                    lignes=tuple(
                        LigneDuGrandLivre(ligne.compte, ligne.debit, ligne.credit)
                        for ligne in e.lignes
                    ),
                )
                for e in ecritures
            ),
            soldes=soldes,
        )

    return executer(contexte, "situation_fonds", _lire, ecriture=False)
