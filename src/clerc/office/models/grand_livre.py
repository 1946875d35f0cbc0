"""Third-party funds ledger (comptabilité des fonds de tiers): double entry, append-only.

An ``Ecriture`` is one operation (receipt, payout, fees withheld, correction); its
``LigneEcriture`` rows each debit or credit one account and always balance. Nothing is
updated in place: a correction is a new entry reversing the one it corrects.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clerc.office.models.base import AppartientEtude, Base, maintenant

Jour = date  # alias: some tables have a column named ``date``

# Accounts. Assets: money the office holds for others; liability: what it owes each file's
# creditor. Fees and débours leave the third-party account towards the office's own.
COMPTES = {
    "fonds_tiers": "Compte de fonds de tiers (Caisse des dépôts)",
    "caisse": "Caisse (espèces reçues)",
    "creancier": "Dû au créancier (par dossier)",
}

NATURES_ECRITURE = {
    "encaissement": "Encaissement",
    "remise_especes": "Remise des espèces en banque",
    "reversement": "Reversement au créancier",
    "honoraires": "Prélèvement des frais et émoluments de l'étude",
    "debours": "Remboursement de débours",
    "correction": "Contre-passation (correction)",
}


class Ecriture(AppartientEtude, Base):
    __tablename__ = "ecriture"
    __table_args__ = (Index("ix_ecriture_dossier", "etude_id", "dossier_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int | None] = mapped_column(ForeignKey("dossier.id"))
    date: Mapped[Jour]  # value date (date of receipt or payout)
    nature: Mapped[str] = mapped_column(String(20))
    mode: Mapped[str] = mapped_column(String(20), default="virement")  # especes, cheque...
    # Receipt of an instalment (R444-56: longer payout delays for instalments).
    acompte: Mapped[bool] = mapped_column(default=False)
    libelle: Mapped[str] = mapped_column(String(500), default="")
    paiement_id: Mapped[int | None] = mapped_column(ForeignKey("paiement.id"))
    corrige_id: Mapped[int | None] = mapped_column(ForeignKey("ecriture.id"))
    beneficiaire_id: Mapped[int | None] = mapped_column(ForeignKey("partie.id"))
    utilisateur: Mapped[str] = mapped_column(String(80), default="")
    cree_le: Mapped[datetime] = mapped_column(default=maintenant)

    lignes: Mapped[list[LigneEcriture]] = relationship(
        back_populates="ecriture", order_by="LigneEcriture.id", cascade="all, delete-orphan"
    )

    @property
    def montant(self) -> Decimal:
        """The entry's amount: the sum of its debits (its lines balance)."""
        return sum((ligne.debit for ligne in self.lignes), Decimal("0.00"))


class LigneEcriture(AppartientEtude, Base):
    __tablename__ = "ligne_ecriture"
    __table_args__ = (
        CheckConstraint("debit >= 0 AND credit >= 0", name="montants_positifs"),
        CheckConstraint("(debit = 0) <> (credit = 0)", name="debit_ou_credit"),
        Index("ix_ligne_ecriture_compte", "etude_id", "compte", "dossier_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ecriture_id: Mapped[int] = mapped_column(ForeignKey("ecriture.id"), index=True)
    compte: Mapped[str] = mapped_column(String(20))
    dossier_id: Mapped[int | None] = mapped_column(ForeignKey("dossier.id"))
    debit: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    credit: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))

    ecriture: Mapped[Ecriture] = relationship(back_populates="lignes")
