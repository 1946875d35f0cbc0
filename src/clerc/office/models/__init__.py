"""SQLAlchemy models of the office (one module per family of tables)."""

from clerc.office.models.acte import Acte
from clerc.office.models.audit import ChaineAudit, EntreeAudit
from clerc.office.models.base import Base, maintenant
from clerc.office.models.dossier import (
    Document,
    Dossier,
    DossierDebiteur,
    Evenement,
    LigneCreance,
    Paiement,
    Piege,
    Titre,
)
from clerc.office.models.etude import Etude, JetonApi, Utilisateur
from clerc.office.models.formation import (
    GroupeFormation,
    MembreGroupeFormation,
    SessionFormation,
    TentativeFormation,
)
from clerc.office.models.grand_livre import Ecriture, LigneEcriture
from clerc.office.models.partie import Adresse, Contact, LienPartie, Partie, Protection
from clerc.office.models.procedure import Echeance, EtapeProcedure, ProcedureDossier
from clerc.office.models.recherche import TermeRecherche

__all__ = [
    "Acte",
    "Adresse",
    "Base",
    "ChaineAudit",
    "Contact",
    "Document",
    "Dossier",
    "DossierDebiteur",
    "Echeance",
    "Ecriture",
    "EntreeAudit",
    "EtapeProcedure",
    "Etude",
    "Evenement",
    "GroupeFormation",
    "JetonApi",
    "LienPartie",
    "LigneCreance",
    "LigneEcriture",
    "MembreGroupeFormation",
    "Paiement",
    "Partie",
    "Piege",
    "ProcedureDossier",
    "Protection",
    "SessionFormation",
    "TentativeFormation",
    "TermeRecherche",
    "Titre",
    "Utilisateur",
    "maintenant",
]
