"""Parties: natural persons and companies, their addresses, contacts and protections."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clerc.office.models.base import AppartientEtude, Base, maintenant
from clerc.rules.interets import CATEGORIES

TYPES_PARTIE = {"personne_physique": "Personne physique", "personne_morale": "Personne morale"}

# Categories of the legal interest rate (C. mon. fin. L313-2): a natural person not acting
# for professional needs ("particulier"), or any other creditor ("autre").
CATEGORIES_INTERETS = CATEGORIES

# Protections and situations that change what may be done against a party.
NATURES_PROTECTION = {
    "tutelle": "Tutelle (C. civ. 440)",
    "curatelle": "Curatelle (C. civ. 440)",
    "curatelle_renforcee": "Curatelle renforcée (C. civ. 472)",
    "sauvegarde_de_justice": "Sauvegarde de justice (C. civ. 433)",
    "habilitation_familiale": "Habilitation familiale (C. civ. 494-1)",
    "deces": "Décès (C. civ. 877 : signification aux héritiers)",
    "procedure_sauvegarde": "Procédure de sauvegarde (C. com. L622-21)",
    "redressement_judiciaire": "Redressement judiciaire (C. com. L622-21, L631-14)",
    "liquidation_judiciaire": "Liquidation judiciaire (C. com. L641-3)",
    "surendettement_recevabilite": "Surendettement : dossier recevable (C. consom. L722-2)",
    "surendettement_mesures": "Surendettement : plan ou mesures imposées (C. consom. L733-16)",
    "retablissement_personnel": "Rétablissement personnel (C. consom. L741-2)",
}

NATURES_LIEN = {
    "heritier": "Héritier",
    "tuteur": "Tuteur",
    "curateur": "Curateur",
    "mandataire_judiciaire": "Mandataire judiciaire",
    "liquidateur": "Liquidateur judiciaire",
    "representant_legal": "Représentant légal",
}


class Partie(AppartientEtude, Base):
    __tablename__ = "partie"
    __table_args__ = (
        Index("ix_partie_recherche", "etude_id", "nom_recherche"),
        Index("ix_partie_siren", "etude_id", "siren"),
        # The creditor's key of an imported party: one party per key (import idempotence).
        Index("uq_partie_cle_import", "etude_id", "cle_import", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(20))
    civilite: Mapped[str | None] = mapped_column(String(20))
    nom: Mapped[str] = mapped_column(default="")  # birth name of a person
    nom_usage: Mapped[str | None]
    prenoms: Mapped[str | None]
    date_naissance: Mapped[date | None]
    lieu_naissance: Mapped[str | None]
    nationalite: Mapped[str | None] = mapped_column(String(80))
    profession: Mapped[str | None]
    denomination: Mapped[str | None]  # company name
    forme_juridique: Mapped[str | None] = mapped_column(String(80))
    siren: Mapped[str | None] = mapped_column(String(9))
    siret: Mapped[str | None] = mapped_column(String(14))
    rcs: Mapped[str | None] = mapped_column(String(120))  # "RCS Lyon"
    representant: Mapped[str | None]  # "pris en la personne de son représentant légal"
    iban: Mapped[str | None] = mapped_column(String(34))
    bic: Mapped[str | None] = mapped_column(String(11))
    categorie_interets: Mapped[str] = mapped_column(String(20), default="autre")
    decede_le: Mapped[date | None]
    observations: Mapped[str] = mapped_column(Text, default="")
    # Upper-case ASCII "NOM PRENOMS" or "DENOMINATION", for prefix search.
    nom_recherche: Mapped[str] = mapped_column(String(255), default="")
    # Stable key of a party created by an import (creditor's own identifier), for idempotence.
    cle_import: Mapped[str | None] = mapped_column(String(120))
    cree_le: Mapped[datetime] = mapped_column(default=maintenant)

    adresses: Mapped[list[Adresse]] = relationship(
        back_populates="partie", order_by="Adresse.id", cascade="all, delete-orphan"
    )
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="partie", order_by="Contact.id", cascade="all, delete-orphan"
    )
    protections: Mapped[list[Protection]] = relationship(
        back_populates="partie", order_by="Protection.id", cascade="all, delete-orphan"
    )

    @property
    def designation(self) -> str:
        """The name as an act writes it: "Monsieur Jean DUPONT" or "SARL BOULANGERIE X"."""
        if self.type == "personne_morale":
            forme = f"{self.forme_juridique} " if self.forme_juridique else ""
            return f"{forme}{self.denomination or self.nom}".strip()
        morceaux = [self.civilite or "", self.prenoms or "", (self.nom or "").upper()]
        if self.nom_usage:
            morceaux.append(f"({self.nom_usage.upper()})")
        return " ".join(m for m in morceaux if m)

    @property
    def adresse_principale(self) -> Adresse | None:
        actives = [a for a in self.adresses if a.jusqu_au is None]
        for adresse in actives:
            if adresse.principale:
                return adresse
        return actives[0] if actives else None


class Adresse(AppartientEtude, Base):
    __tablename__ = "adresse"

    id: Mapped[int] = mapped_column(primary_key=True)
    partie_id: Mapped[int] = mapped_column(ForeignKey("partie.id"), index=True)
    nature: Mapped[str] = mapped_column(String(30), default="domicile")  # domicile, siege...
    ligne1: Mapped[str] = mapped_column(String(255))
    ligne2: Mapped[str | None]
    code_postal: Mapped[str] = mapped_column(String(10))
    commune: Mapped[str] = mapped_column(String(120))
    departement: Mapped[str | None] = mapped_column(String(3))  # "69", "2A", "974"
    pays: Mapped[str] = mapped_column(String(2), default="FR")
    principale: Mapped[bool] = mapped_column(default=True)
    depuis: Mapped[date | None]
    jusqu_au: Mapped[date | None]  # set when the party left (new address, PV 659...)

    partie: Mapped[Partie] = relationship(back_populates="adresses")

    def en_une_ligne(self) -> str:
        morceaux = [self.ligne1, self.ligne2 or "", f"{self.code_postal} {self.commune}"]
        return ", ".join(m for m in morceaux if m)


class Contact(AppartientEtude, Base):
    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    partie_id: Mapped[int] = mapped_column(ForeignKey("partie.id"), index=True)
    type: Mapped[str] = mapped_column(String(20))  # telephone, courriel, employeur, banque
    valeur: Mapped[str]
    # Consent to electronic service (CPC 662-1, 748-2), with its date.
    consentement_electronique_le: Mapped[date | None]

    partie: Mapped[Partie] = relationship(back_populates="contacts")


class Protection(AppartientEtude, Base):
    __tablename__ = "protection"

    id: Mapped[int] = mapped_column(primary_key=True)
    partie_id: Mapped[int] = mapped_column(ForeignKey("partie.id"), index=True)
    nature: Mapped[str] = mapped_column(String(40))
    depuis: Mapped[date | None]
    jusqu_au: Mapped[date | None]
    juridiction: Mapped[str | None]
    reference: Mapped[str | None]  # RG, BODACC announcement...
    organe: Mapped[str | None]  # tuteur, mandataire, liquidateur, commission...
    details: Mapped[str] = mapped_column(Text, default="")

    partie: Mapped[Partie] = relationship(back_populates="protections")


class LienPartie(AppartientEtude, Base):
    """A party acting for or succeeding another (heir of a deceased, tutor, liquidator)."""

    __tablename__ = "lien_partie"

    id: Mapped[int] = mapped_column(primary_key=True)
    partie_id: Mapped[int] = mapped_column(ForeignKey("partie.id"), index=True)
    autre_partie_id: Mapped[int] = mapped_column(ForeignKey("partie.id"), index=True)
    nature: Mapped[str] = mapped_column(String(30))
    depuis: Mapped[date | None]
