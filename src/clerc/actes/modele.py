"""What an act or a letter says: plain values, no database (the office builds them from a file).

An act of a commissaire de justice names, per CPC 648: its date; the requérant (a natural
person: nom, prénoms, profession, domicile, nationalité, date and place of birth; a legal
person: forme, dénomination, siège and the organ representing it); the commissaire de justice
(nom, prénoms, demeure, signature); the addressee (nom and domicile, or dénomination and
siège). Service follows CPC 654 to 659 (à personne, à domicile, à l'étude, procès-verbal de
recherches infructueuses), 662-1 and 664-1 (voie électronique, with the addressee's consent).

The checker (``clerc.actes.conformite``) reads these values against the act type's declared
mentions; the templates print them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from typing import Any

from clerc.actes.textes_reproduits import TexteReproduit
from clerc.rules.tarif import CoutActe

MODES_REMISE = {
    "personne": "à personne (CPC 654)",
    "domicile": "à domicile, copie remise à une personne présente (CPC 655)",
    "etude": "à l'étude, avis de passage laissé (CPC 656)",
    "659": "par procès-verbal de recherches infructueuses (CPC 659)",
    "electronique": "par voie électronique, avec le consentement du destinataire (CPC 662-1)",
}

# How a letter is sent (CPC 658: lettre simple; CPC 659: recommandée and simple; CPCE R125-2:
# recommandée or electronic message).
MODES_ENVOI = {
    "lettre_simple": "Lettre simple",
    "lettre_recommandee_ar": "Lettre recommandée avec demande d'avis de réception",
    "message_electronique": "Message transmis par voie électronique",
}


@dataclass(frozen=True)
class Personne:
    """A party as an act designates it (CPC 648)."""

    personne_physique: bool
    designation: str  # as printed: "Monsieur Jean DUPONT", "SAS DUPONT ET FILS"
    nom: str | None = None
    prenoms: str | None = None
    profession: str | None = None
    nationalite: str | None = None
    date_naissance: date | None = None
    lieu_naissance: str | None = None
    forme: str | None = None  # SAS, SARL, SCI...
    denomination: str | None = None
    siren: str | None = None
    representant: str | None = None  # the organ legally representing the company
    adresse: tuple[str, ...] = ()  # domicile, or registered office, one line per item
    # Addressee's consent to service by electronic means (CPC 662-1, 748-2), with its date.
    consentement_electronique_le: date | None = None

    @property
    def adresse_en_ligne(self) -> str:
        return ", ".join(self.adresse)


@dataclass(frozen=True)
class Etude:
    """The office and the commissaire de justice who signs (CPC 648 3°)."""

    nom: str
    adresse: tuple[str, ...]
    signataire: str  # "Maître Claire MARTIN"
    qualite: str = "commissaire de justice"
    siret: str | None = None
    telephone: str | None = None
    courriel: str | None = None


@dataclass(frozen=True)
class TitreActe:
    """The enforceable title the act relies on."""

    nature: str  # "jugement", "ordonnance d'injonction de payer", "acte notarié"...
    juridiction: str | None
    date_titre: date
    numero: str | None = None  # RG, minute
    date_signification: date | None = None
    formule_executoire: bool = True

    @property
    def description(self) -> str:
        """ "un jugement rendu par le tribunal judiciaire de Lyon le 15 janvier 2026 (RG
        25/01234), signifié le 2 février 2026", as an act cites its title."""
        from clerc.actes.texte import date_longue

        e = "e" if self.nature.startswith("une ") else ""  # "une ordonnance ... rendue"
        texte = self.nature
        if self.juridiction:
            texte += f" rendu{e} par le {self.juridiction}"
        texte += f" le {date_longue(self.date_titre)}"
        if self.numero:
            texte += f" ({self.numero})"
        if self.date_signification:
            texte += f", signifié{e} le {date_longue(self.date_signification)}"
        return texte


@dataclass(frozen=True)
class LigneDecompte:
    libelle: str
    montant: Decimal
    detail: str = ""  # rate and period of interest, article...


@dataclass(frozen=True)
class DecompteActe:
    """The separate statement of the sums claimed (CPCE R211-1 3°, R221-1 2°...)."""

    au: date
    lignes: tuple[LigneDecompte, ...]
    total: Decimal


@dataclass(frozen=True)
class Remise:
    """How the act was served (CPC 654 to 659, 662-1)."""

    mode: str  # a key of MODES_REMISE
    heure: time | None = None
    personne_presente: str | None = None  # who received the copy, with their capacity
    diligences: str = ""  # what was done to find the addressee (CPC 659, 655 al. 1)
    avis_de_passage: bool = False  # CPC 655 al. 3, 656
    lettre_le: date | None = None  # the CPC 658 or 659 letter


@dataclass(frozen=True)
class Echeance:
    """One instalment of a payment plan."""

    le: date
    montant: Decimal

    def __str__(self) -> str:
        from clerc.actes.texte import date_longue, euros

        return f"{euros(self.montant)} le {date_longue(self.le)}"


@dataclass(frozen=True)
class Echeancier:
    """A payment plan proposed to the debtor: its instalments in date order. Printed as "100,00
    € le 15 mars 2026, 100,00 € le 15 avril 2026"; ``{champs[echeancier].total}`` is their
    sum."""

    echeances: tuple[Echeance, ...]

    @property
    def total(self) -> Decimal:
        return sum((e.montant for e in self.echeances), Decimal("0.00"))

    @property
    def nombre(self) -> int:
        return len(self.echeances)

    def __str__(self) -> str:
        return ", ".join(str(e) for e in self.echeances)

    @classmethod
    def depuis(cls, brut: Any) -> Echeancier:
        """From the JSON of an act's fields: ``[{"le": "2026-03-15", "montant": "100.00"},
        ...]`` (an Echeancier is returned as it is)."""
        if isinstance(brut, Echeancier):
            return brut
        if not isinstance(brut, list | tuple):
            raise ValueError("échéancier : liste d'échéances attendue")
        echeances = []
        for echeance in brut:
            if isinstance(echeance, Echeance):
                echeances.append(echeance)
                continue
            le, montant = echeance["le"], echeance["montant"]
            echeances.append(
                Echeance(
                    le if isinstance(le, date) else date.fromisoformat(str(le)),
                    Decimal(str(montant)).quantize(Decimal("0.01")),
                )
            )
        return cls(tuple(echeances))


@dataclass(frozen=True)
class Controle:
    """What the office computed on its own and the act must agree with: the décompte of the
    file at the act's date, the deadlines the procedure engine gives, whether the step is
    allowed now. Filled by the office; never printed as such."""

    total_decompte: Decimal | None = None
    delais: dict[str, date] = field(default_factory=dict)
    etape_refusee: str | None = None  # the engine's French refusal, when the step is not open
    jour_ouvrable: bool = True
    empechements: tuple[str, ...] = ()  # legal hours and days (CPC 664, CPCE L141-1)
    # What the third-party funds ledger says (``montant_encaisse``, ``solde_detenu``...): a
    # letter about money received or paid out must print these very figures.
    fonds: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ContenuActe:
    """Everything an act or a letter prints, and what the checker compares it with."""

    type: str  # code of the act type (clerc.actes.types_actes)
    reference: str  # the file's reference
    jour: date
    etude: Etude
    requerant: Personne
    destinataire: Personne
    heure: time | None = None
    territoire: str = "75"  # whose calendar governs legal days (CPC 664, CPCE L141-1)
    tiers: Personne | None = None  # garnishee, employer
    titre: TitreActe | None = None
    decompte: DecompteActe | None = None
    delais: dict[str, date] = field(default_factory=dict)  # the deadlines the act states
    remise: Remise | None = None
    cout: CoutActe | None = None
    cout_indisponible: str | None = None  # the missing tariff figure, when cout is None
    textes: tuple[TexteReproduit, ...] = ()
    champs: dict[str, Any] = field(default_factory=dict)  # what only this type prints
    controle: Controle = field(default_factory=Controle)
    initiales: str = ""  # the handler's initials, printed in the reference block


__all__ = [
    "MODES_ENVOI",
    "MODES_REMISE",
    "ContenuActe",
    "Controle",
    "DecompteActe",
    "Echeance",
    "Echeancier",
    "Etude",
    "LigneDecompte",
    "Personne",
    "Remise",
    "TitreActe",
]
