"""Files (dossiers), their debtors, titles, claim lines, timeline, documents and payments."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clerc.office.models.base import AppartientEtude, Base, maintenant
from clerc.office.models.partie import Partie

Jour = date  # alias: some tables have a column named ``date``

NATURES_DOSSIER = {
    "signification": "Signification d'actes (avocat ou client)",
    "amiable": "Recouvrement amiable (CPCE R124-1 et s.)",
    "judiciaire": "Exécution d'un titre exécutoire",
    "expulsion": "Expulsion (CPCE L411-1 et s.)",
    "petites_creances": "Petites créances (CPCE L125-1)",
    "injonction_payer": "Injonction de payer (CPC 1405 et s.)",
    "creance_commerciale": "Créance commerciale incontestée (CPCE L126-1)",
    "conservatoire": "Mesure conservatoire (CPCE L511-1)",
}

STATUTS = {"en_cours": "En cours", "suspendu": "Suspendu", "clos": "Clos"}

MOTIFS_CLOTURE = {
    "paye": "Soldé : créance payée",
    "irrecouvrable": "Irrécouvrable (certificat d'irrécouvrabilité)",
    "retire": "Retiré par le mandant",
}

# Enforceable titles, CPCE L111-3 (numbered as the article; 7° added by loi 2021-1729),
# plus the titles made by a commissaire de justice under L125-1 and L126-1.
TYPES_TITRE = {
    "decision_justice": "Décision de justice ayant force exécutoire (L111-3 1°)",
    "ordonnance_injonction_payer": "Ordonnance d'injonction de payer (L111-3 1°, CPC 1422)",
    "accord_homologue": "Accord homologué par le juge (L111-3 1°)",
    "decision_etrangere": "Jugement ou acte étranger déclaré exécutoire (L111-3 2°)",
    "sentence_arbitrale": "Sentence arbitrale revêtue de l'exequatur (L111-3 2°)",
    "pv_conciliation": "Extrait de procès-verbal de conciliation (L111-3 3°)",
    "acte_notarie": "Acte notarié revêtu de la formule exécutoire (L111-3 4°)",
    "convention_divorce": "Convention de divorce déposée chez un notaire (L111-3 4° bis)",
    "certificat_non_paiement_cheque": "Titre pour chèque impayé (L111-3 5°, C. mon. fin. L131-73)",
    "titre_personne_publique": "Titre d'une personne morale de droit public (L111-3 6°)",
    "accord_contresigne_avocats": "Accord contresigné par avocats, formule du greffe (L111-3 7°)",
    "titre_petites_creances": "Titre de la procédure de petites créances (L125-1)",
    "titre_creance_commerciale": "Procès-verbal de non-contestation visé (L126-1, provisoire)",
}

EXECUTION_PROVISOIRE = {
    "de_droit": "Exécution provisoire de droit (CPC 514, instances introduites depuis 2020)",
    "ordonnee": "Exécution provisoire ordonnée",
    "ecartee": "Exécution provisoire écartée (CPC 514-1)",
    "sans_objet": "Sans objet (décision définitive ou titre non juridictionnel)",
}

NATURES_LIGNE = {
    "principal": "Principal",
    "article_700": "Article 700 du code de procédure civile",
    "depens": "Dépens",
    "acte": "Frais et émoluments d'actes",
}

ORIGINES_PAIEMENT = {
    "debiteur": "Débiteur",
    "tiers_saisi": "Tiers saisi (banque, employeur)",
    "repartiteur": "Répartiteur (saisie des rémunérations)",
    "autre": "Autre",
}

MODES_REGLEMENT = {
    "especes": "Espèces",
    "cheque": "Chèque",
    "virement": "Virement",
    "carte": "Carte bancaire",
    "prelevement": "Prélèvement",
}


class Dossier(AppartientEtude, Base):
    __tablename__ = "dossier"
    __table_args__ = (
        UniqueConstraint("etude_id", "reference"),
        Index("ix_dossier_statut", "etude_id", "statut"),
        Index("ix_dossier_clerc", "etude_id", "clerc_id"),
        # A creditor's own reference names one file of his (the import's identity key,
        # docs/import_csv.md); several files without reference are allowed (NULLs).
        Index(
            "uq_dossier_ref_mandant", "etude_id", "creancier_id", "reference_mandant", unique=True
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(40))
    reference_mandant: Mapped[str | None] = mapped_column(String(80))  # creditor's own ref
    nature: Mapped[str] = mapped_column(String(30))
    statut: Mapped[str] = mapped_column(String(20), default="en_cours")
    motif_cloture: Mapped[str | None] = mapped_column(String(20))
    certificat_irrecouvrabilite: Mapped[str | None] = mapped_column(Text)
    ouvert_le: Mapped[Jour]
    clos_le: Mapped[Jour | None]
    # Department code whose calendar governs the deadlines (clerc.rules.calendrier), by
    # default the first debtor's department.
    territoire: Mapped[str] = mapped_column(String(3))
    creancier_id: Mapped[int] = mapped_column(ForeignKey("partie.id"))
    clerc_id: Mapped[int | None] = mapped_column(ForeignKey("utilisateur.id"))
    # Debtors bound jointly and severally (solidairement, C. civ. 1313) or each for his share.
    solidaires: Mapped[bool] = mapped_column(default=True)
    risques: Mapped[list[Any]] = mapped_column(default=list)  # codes of detected risk flags
    observations: Mapped[str] = mapped_column(Text, default="")
    cree_le: Mapped[datetime] = mapped_column(default=maintenant)
    modifie_le: Mapped[datetime] = mapped_column(default=maintenant)
    # Optimistic locking: every change to the file or its money bumps it (SQLAlchemy checks
    # the version it read in the UPDATE's WHERE clause).
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    creancier: Mapped[Partie] = relationship(foreign_keys=[creancier_id])
    debiteurs: Mapped[list[DossierDebiteur]] = relationship(
        back_populates="dossier", order_by="DossierDebiteur.rang", cascade="all, delete-orphan"
    )
    titres: Mapped[list[Titre]] = relationship(
        back_populates="dossier", order_by="Titre.id", cascade="all, delete-orphan"
    )
    lignes: Mapped[list[LigneCreance]] = relationship(
        back_populates="dossier", order_by="LigneCreance.id", cascade="all, delete-orphan"
    )
    paiements: Mapped[list[Paiement]] = relationship(
        back_populates="dossier", order_by="Paiement.id", cascade="all, delete-orphan"
    )
    evenements: Mapped[list[Evenement]] = relationship(
        back_populates="dossier", order_by="Evenement.id", cascade="all, delete-orphan"
    )

    @property
    def titre_actif(self) -> Titre | None:
        actifs = [t for t in self.titres if t.remplace_par_id is None]
        return actifs[-1] if actifs else None


class DossierDebiteur(AppartientEtude, Base):
    __tablename__ = "dossier_debiteur"
    __table_args__ = (UniqueConstraint("dossier_id", "partie_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"), index=True)
    partie_id: Mapped[int] = mapped_column(ForeignKey("partie.id"), index=True)
    rang: Mapped[int] = mapped_column(default=1)

    dossier: Mapped[Dossier] = relationship(back_populates="debiteurs")
    partie: Mapped[Partie] = relationship()


class Titre(AppartientEtude, Base):
    __tablename__ = "titre"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"), index=True)
    type: Mapped[str] = mapped_column(String(40))
    juridiction: Mapped[str | None]
    date_titre: Mapped[Jour]
    numero: Mapped[str | None] = mapped_column(String(80))  # RG / minute / n° of the act
    contradictoire: Mapped[bool | None]  # None: not a judgment
    premier_ressort: Mapped[bool | None]
    execution_provisoire: Mapped[str] = mapped_column(String(20), default="sans_objet")
    formule_executoire: Mapped[bool] = mapped_column(default=False)
    date_signification: Mapped[Jour | None]
    date_force_executoire: Mapped[Jour | None]  # certificate of non-appeal, exequatur...
    date_saisine: Mapped[Jour | None]  # filing of the first-instance case (CPC 514)
    # The title fixes a maintenance claim (pension alimentaire, contribution to the children's
    # upkeep and education): paiement direct (CPCE L213-1), the whole pay above the RSA for
    # the current term and six months of arrears (C. trav. L3252-5), no R221-2 subsidiarity.
    creance_alimentaire: Mapped[bool] = mapped_column(default=False, server_default=false())
    observations: Mapped[str] = mapped_column(Text, default="")
    remplace_par_id: Mapped[int | None] = mapped_column(ForeignKey("titre.id"))
    cree_le: Mapped[datetime] = mapped_column(default=maintenant)

    dossier: Mapped[Dossier] = relationship(back_populates="titres", foreign_keys=[dossier_id])


class LigneCreance(AppartientEtude, Base):
    """A sum claimed: a line of the title's dispositif, or the cost of an act charged later."""

    __tablename__ = "ligne_creance"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"), index=True)
    titre_id: Mapped[int | None] = mapped_column(ForeignKey("titre.id"), index=True)
    nature: Mapped[str] = mapped_column(String(30))
    libelle: Mapped[str]
    date: Mapped[Jour]  # date the sum became due (title date for its dispositif)
    montant: Mapped[Decimal]
    # Interest terms (principal; others follow clerc.rules.decompte's defaults).
    mode_interets: Mapped[str] = mapped_column(String(20), default="legal")
    categorie_interets: Mapped[str] = mapped_column(String(20), default="particulier")
    taux_conventionnel: Mapped[Decimal | None] = mapped_column(Numeric(7, 4))  # % per year
    interets_depuis: Mapped[Jour | None]
    majoration_depuis: Mapped[Jour | None]
    capitalisation_depuis: Mapped[Jour | None]
    porte_interets: Mapped[bool | None]
    # An act's cost: the tariff number it was priced with (clerc.rules.tarif).
    numero_tarif: Mapped[str | None] = mapped_column(String(20))
    annule_par_id: Mapped[int | None] = mapped_column(ForeignKey("ligne_creance.id"))
    cree_le: Mapped[datetime] = mapped_column(default=maintenant)

    dossier: Mapped[Dossier] = relationship(back_populates="lignes")
    titre: Mapped[Titre | None] = relationship(foreign_keys=[titre_id])


class Evenement(AppartientEtude, Base):
    """One line of the file's timeline."""

    __tablename__ = "evenement"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"), index=True)
    date: Mapped[Jour]
    horodatage: Mapped[datetime] = mapped_column(default=maintenant)
    nature: Mapped[str] = mapped_column(String(40))
    libelle: Mapped[str] = mapped_column(String(500))
    utilisateur: Mapped[str] = mapped_column(String(80), default="")
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)

    dossier: Mapped[Dossier] = relationship(back_populates="evenements")


class Document(AppartientEtude, Base):
    """A file attached to a dossier, stored on disk under its SHA-256."""

    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"), index=True)
    nom: Mapped[str]
    type_mime: Mapped[str] = mapped_column(String(120), default="application/octet-stream")
    taille: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    ajoute_le: Mapped[datetime] = mapped_column(default=maintenant)
    ajoute_par: Mapped[str] = mapped_column(String(80), default="")


class Paiement(AppartientEtude, Base):
    """A payment on the claim: imputed by the rules engine, entered in the ledger when the
    office received the money (``encaisse_par_etude``). A correction is a new row with a
    negative amount pointing to the one it corrects."""

    __tablename__ = "paiement"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"), index=True)
    date: Mapped[Jour]
    montant: Mapped[Decimal]
    origine: Mapped[str] = mapped_column(String(20), default="debiteur")
    mode: Mapped[str] = mapped_column(String(20), default="virement")
    encaisse_par_etude: Mapped[bool] = mapped_column(default=True)
    payeur_id: Mapped[int | None] = mapped_column(ForeignKey("partie.id"))
    libelle: Mapped[str] = mapped_column(default="")
    corrige_id: Mapped[int | None] = mapped_column(ForeignKey("paiement.id"))
    cle_import: Mapped[str | None] = mapped_column(String(120))
    cree_le: Mapped[datetime] = mapped_column(default=maintenant)

    dossier: Mapped[Dossier] = relationship(back_populates="paiements")


class Piege(AppartientEtude, Base):
    """A trap planted in a synthetic file (time-barred title, debtor in liquidation...), so
    that training exercises and tests can find the expected answer."""

    __tablename__ = "piege"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"), index=True)
    code: Mapped[str] = mapped_column(String(40), index=True)
    description: Mapped[str] = mapped_column(String(500))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
