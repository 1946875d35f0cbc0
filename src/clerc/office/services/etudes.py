"""Offices and users: create them, and resolve who acts for which office."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from clerc import config
from clerc.office import mots_de_passe
from clerc.office.db import Contexte, executer
from clerc.office.erreurs import Introuvable, OperationRefusee
from clerc.office.models import Etude, Partie, Utilisateur
from clerc.office.models.etude import ROLES
from clerc.office.validation import siret_valide
from clerc.rules.calendrier import territoire as territoire_calendrier


def creer_etude(
    moteur: Engine,
    *,
    code: str,
    nom: str,
    territoire: str,
    utilisateur: str,
    siret: str | None = None,
    commissaires: tuple[str, ...] = (),
    adresse: str = "",
    code_postal: str = "",
    commune: str = "",
    telephone: str | None = None,
    courriel: str | None = None,
) -> int:
    """Create an office; returns its id. The audit chain of the office starts here."""
    territoire_calendrier(territoire)  # validates the department code (French error)
    siret_propre = siret_valide(siret) if siret else None
    with Session(moteur) as session:
        session.info.update(utilisateur=utilisateur, operation="creer_etude")
        if session.scalar(select(Etude.id).where(Etude.code == code)) is not None:
            raise OperationRefusee(f"Une étude de code « {code} » existe déjà.")
        etude = Etude(
            code=code,
            nom=nom,
            territoire=territoire,
            siret=siret_propre,
            commissaires=list(commissaires),
            adresse=adresse,
            code_postal=code_postal,
            commune=commune,
            telephone=telephone,
            courriel=courriel,
        )
        session.add(etude)
        session.commit()
        return int(etude.id)


def contexte(moteur: Engine, etude: str | None = None, utilisateur: str | None = None) -> Contexte:
    """The context of a command: the office (by code; the only one when there is one) and
    the acting user (``--utilisateur``, ``CLERC_UTILISATEUR`` or the system account)."""
    code = config.etude_courante(etude)
    with Session(moteur) as session:
        etudes = session.execute(select(Etude.id, Etude.code).order_by(Etude.id)).all()
    if not etudes:
        raise Introuvable(
            "Aucune étude dans la base : lancez « clerc generer » (office de démonstration) "
            "ou « clerc demo »."
        )
    if code is None:
        if len(etudes) > 1:
            codes = ", ".join(e.code for e in etudes)
            raise OperationRefusee(
                f"La base contient plusieurs études ({codes}) : précisez laquelle avec "
                f"--etude ou {config.ENV_ETUDE}."
            )
        etude_id = etudes[0].id
    else:
        trouve = [e.id for e in etudes if e.code == code]
        if not trouve:
            raise Introuvable(f"Étude « {code} » introuvable.")
        etude_id = trouve[0]
    return Contexte(moteur, int(etude_id), config.utilisateur_courant(utilisateur))


def creer_utilisateur(
    contexte_: Contexte,
    *,
    identifiant: str,
    role: str,
    nom: str = "",
    mot_de_passe: str | None = None,
    creancier_id: int | None = None,
) -> int:
    """A user of the office; ``mot_de_passe`` (clear text, hashed here with argon2) lets him
    log in to the web office."""
    if role not in ROLES:
        raise OperationRefusee(f"Rôle inconnu « {role} » (attendu : {', '.join(ROLES)}).")
    if role == "creancier_client" and creancier_id is None:
        raise OperationRefusee("Un créancier-client doit être rattaché à un créancier.")

    empreinte = mots_de_passe.hacher(mot_de_passe) if mot_de_passe is not None else None

    def _creer(session: Session) -> int:
        if (
            creancier_id is not None
            and session.scalar(select(Partie.id).where(Partie.id == creancier_id)) is None
        ):
            raise Introuvable(f"Créancier n° {creancier_id} introuvable dans cette étude.")
        existe = session.scalar(
            select(Utilisateur.id).where(Utilisateur.identifiant == identifiant)
        )
        if existe is not None:
            raise OperationRefusee(f"L'utilisateur « {identifiant} » existe déjà.")
        utilisateur = Utilisateur(
            identifiant=identifiant,
            role=role,
            nom=nom,
            mot_de_passe=empreinte,
            creancier_id=creancier_id,
        )
        session.add(utilisateur)
        session.flush()
        return int(utilisateur.id)

    return executer(contexte_, "creer_utilisateur", _creer)
