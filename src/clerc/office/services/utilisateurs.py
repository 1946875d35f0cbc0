"""Users of the web office: logging in, passwords, roles; the creditors' API tokens.

Logging in happens before any office is chosen, so :func:`authentifier` reads the users of
every office (a session without office filter); everything after it runs in the user's
office context.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from clerc.office import mots_de_passe
from clerc.office.db import OPTION_ECRITURE, Contexte, executer
from clerc.office.erreurs import Introuvable, OperationRefusee
from clerc.office.models import Dossier, Etude, JetonApi, Partie, Utilisateur
from clerc.office.models.etude import ROLES

MOT_DE_PASSE_DEMO = "demo-clerc-2026"  # printed by `make demo`; set on the demo office only
PREFIXE_JETON = "clerc_"
REFUS_CONNEXION = "Identifiant ou mot de passe incorrect."
LONGUEUR_MAX_JETON = 200  # ours are 49 characters; longer is not worth hashing
INTERVALLE_UTILISATION = timedelta(minutes=1)  # `utilise_le` is rewritten at most this often


@dataclass(frozen=True)
class UtilisateurConnecte:
    """Who is logged in: what the web office needs on every request."""

    id: int
    etude_id: int
    etude_code: str
    etude_nom: str
    identifiant: str
    nom: str
    role: str
    creancier_id: int | None

    @property
    def libelle_role(self) -> str:
        return ROLES[self.role]

    def contexte(self, moteur: Engine) -> Contexte:
        creancier = self.creancier_id if self.role == "creancier_client" else None
        return Contexte(moteur, self.etude_id, self.identifiant, creancier)


def _connecte(utilisateur: Utilisateur, etude: Etude) -> UtilisateurConnecte:
    return UtilisateurConnecte(
        id=int(utilisateur.id),
        etude_id=int(etude.id),
        etude_code=etude.code,
        etude_nom=etude.nom,
        identifiant=utilisateur.identifiant,
        nom=utilisateur.nom or utilisateur.identifiant,
        role=utilisateur.role,
        creancier_id=utilisateur.creancier_id,
    )


def authentifier(
    moteur: Engine, identifiant: str, mot_de_passe: str, etude: str | None = None
) -> UtilisateurConnecte:
    """The active user ``identifiant`` (of office ``etude`` when given) whose password is
    ``mot_de_passe``; any failure gives the same message (no hint of which part was wrong)."""
    with Session(moteur) as session:  # no office yet: reads every office's users
        requete = (
            select(Utilisateur, Etude)
            .join(Etude, Etude.id == Utilisateur.etude_id)
            .where(Utilisateur.identifiant == identifiant.strip(), Utilisateur.actif.is_(True))
        )
        if etude:
            requete = requete.where(Etude.code == etude.strip())
        trouves = session.execute(requete.limit(2)).all()
        if len(trouves) > 1:
            mots_de_passe.verifier(None, mot_de_passe)
            raise OperationRefusee(
                "Cet identifiant existe dans plusieurs études : précisez le code de l'étude."
            )
        utilisateur, etude_trouvee = trouves[0] if trouves else (None, None)
        empreinte = utilisateur.mot_de_passe if utilisateur is not None else None
        if not mots_de_passe.verifier(empreinte, mot_de_passe):
            raise OperationRefusee(REFUS_CONNEXION)
        assert utilisateur is not None and etude_trouvee is not None
        return _connecte(utilisateur, etude_trouvee)


def utilisateur_connecte(
    moteur: Engine, etude_id: int, utilisateur_id: int
) -> UtilisateurConnecte | None:
    """The user of a session, re-read on each request: deactivated or demoted at once."""
    with Session(moteur) as session:  # no office yet: reads every office's users
        ligne = session.execute(
            select(Utilisateur, Etude)
            .join(Etude, Etude.id == Utilisateur.etude_id)
            .where(
                Utilisateur.id == utilisateur_id,
                Utilisateur.etude_id == etude_id,
                Utilisateur.actif.is_(True),
            )
        ).first()
        return None if ligne is None else _connecte(ligne[0], ligne[1])


def lister(contexte: Contexte) -> list[dict[str, Any]]:
    def _lire(session: Session) -> list[dict[str, Any]]:
        utilisateurs = session.scalars(select(Utilisateur).order_by(Utilisateur.identifiant))
        return [
            {
                "id": u.id,
                "identifiant": u.identifiant,
                "nom": u.nom,
                "role": u.role,
                "libelle_role": ROLES[u.role],
                "actif": u.actif,
                "mot_de_passe_defini": u.mot_de_passe is not None,
                "creancier_id": u.creancier_id,
            }
            for u in utilisateurs
        ]

    return executer(contexte, "lister_utilisateurs", _lire, ecriture=False)


def _charger(session: Session, identifiant: str) -> Utilisateur:
    utilisateur = session.scalar(select(Utilisateur).where(Utilisateur.identifiant == identifiant))
    if utilisateur is None:
        raise Introuvable(f"Utilisateur « {identifiant} » introuvable.")
    return utilisateur


def definir_mot_de_passe(contexte: Contexte, identifiant: str, mot_de_passe: str) -> None:
    empreinte = mots_de_passe.hacher(mot_de_passe)

    def _definir(session: Session) -> None:
        _charger(session, identifiant).mot_de_passe = empreinte

    executer(contexte, "definir_mot_de_passe", _definir)


def modifier(
    contexte: Contexte, identifiant: str, *, role: str | None = None, actif: bool | None = None
) -> None:
    if role is not None and role not in ROLES:
        raise OperationRefusee(f"Rôle inconnu « {role} » (attendu : {', '.join(ROLES)}).")

    def _modifier(session: Session) -> None:
        utilisateur = _charger(session, identifiant)
        if identifiant == contexte.utilisateur and (
            actif is False or role not in (None, "administrateur")
        ):
            raise OperationRefusee(
                "Un administrateur ne peut ni se désactiver ni retirer son propre rôle."
            )
        if role is not None:
            if role == "creancier_client" and utilisateur.creancier_id is None:
                raise OperationRefusee("Un créancier-client doit être rattaché à un créancier.")
            utilisateur.role = role
        if actif is not None:
            utilisateur.actif = actif

    executer(contexte, "modifier_utilisateur", _modifier)


def mots_de_passe_demo(contexte: Contexte, identifiants: list[str]) -> list[str]:
    """Give the demo users without a password the demo password (demo office only)."""
    empreinte = mots_de_passe.hacher(MOT_DE_PASSE_DEMO)

    def _definir(session: Session) -> list[str]:
        faits = []
        for utilisateur in session.scalars(
            select(Utilisateur).where(
                Utilisateur.identifiant.in_(identifiants), Utilisateur.mot_de_passe.is_(None)
            )
        ):
            utilisateur.mot_de_passe = empreinte
            faits.append(utilisateur.identifiant)
        return sorted(faits)

    return executer(contexte, "mots_de_passe_demo", _definir)


# --- API tokens -------------------------------------------------------------------------


def _empreinte_jeton(jeton: str) -> str:
    return hashlib.sha256(jeton.encode("utf-8")).hexdigest()


def creer_jeton(contexte: Contexte, creancier_id: int, libelle: str = "") -> str:
    """A new API token for a creditor; returned once, only its digest is stored."""
    jeton = PREFIXE_JETON + secrets.token_urlsafe(32)

    def _creer(session: Session) -> str:
        creancier = session.scalar(select(Partie).where(Partie.id == creancier_id))
        if creancier is None:
            raise Introuvable(f"Créancier n° {creancier_id} introuvable dans cette étude.")
        session.add(
            JetonApi(creancier_id=creancier_id, libelle=libelle, empreinte=_empreinte_jeton(jeton))
        )
        return jeton

    return executer(contexte, "creer_jeton_api", _creer)


def lister_jetons(contexte: Contexte) -> list[dict[str, Any]]:
    """The office's API tokens (never the tokens themselves), newest first."""

    def _lire(session: Session) -> list[dict[str, Any]]:
        lignes = session.execute(
            select(JetonApi, Partie)
            .join(Partie, Partie.id == JetonApi.creancier_id)
            .order_by(JetonApi.id.desc())
        ).all()
        return [
            {
                "id": jeton.id,
                "creancier_id": jeton.creancier_id,
                "creancier": creancier.designation,
                "libelle": jeton.libelle,
                "cree_le": jeton.cree_le,
                "revoque_le": jeton.revoque_le,
                "utilise_le": jeton.utilise_le,
            }
            for jeton, creancier in lignes
        ]

    return executer(contexte, "lister_jetons_api", _lire, ecriture=False)


def revoquer_jeton(contexte: Contexte, jeton_id: int) -> None:
    def _revoquer(session: Session) -> None:
        jeton = session.scalar(select(JetonApi).where(JetonApi.id == jeton_id))
        if jeton is None:
            raise Introuvable(f"Jeton n° {jeton_id} introuvable.")
        if jeton.revoque_le is None:
            jeton.revoque_le = datetime.now(UTC)

    executer(contexte, "revoquer_jeton_api", _revoquer)


@dataclass(frozen=True)
class AccesApi:
    """Who calls the API: one creditor of one office (and what ``GET /api/moi`` tells)."""

    etude_id: int
    creancier_id: int
    jeton_id: int
    creancier: str = ""  # the creditor's designation
    etude_code: str = ""
    etude_nom: str = ""
    libelle: str = ""  # the token's label

    def contexte(self, moteur: Engine) -> Contexte:
        return Contexte(moteur, self.etude_id, f"api:{self.jeton_id}", self.creancier_id)


def acces_par_jeton(moteur: Engine, jeton: str) -> AccesApi | None:
    """The creditor a token opens, or None (unknown or revoked token).

    Records when the token was last used (``utilise_le``), at most once a minute per token so
    that a busy client does not write on every call. That stamp is bookkeeping, not a change
    to a file: it is written without the audit log (which would otherwise grow by one entry a
    minute per client), in its own short transaction, and a failure to write it (database
    busy) never refuses the call."""
    if not jeton.startswith(PREFIXE_JETON) or len(jeton) > LONGUEUR_MAX_JETON:
        return None
    with Session(moteur) as session:  # no office yet: reads every office's tokens
        ligne = session.execute(
            select(JetonApi, Partie, Etude)
            .join(Partie, Partie.id == JetonApi.creancier_id)
            .join(Etude, Etude.id == JetonApi.etude_id)
            .where(JetonApi.empreinte == _empreinte_jeton(jeton), JetonApi.revoque_le.is_(None))
        ).first()
        if ligne is None:
            return None
        trouve, creancier, etude = ligne
        acces = AccesApi(
            etude_id=int(trouve.etude_id),
            creancier_id=int(trouve.creancier_id),
            jeton_id=int(trouve.id),
            creancier=creancier.designation,
            etude_code=etude.code,
            etude_nom=etude.nom,
            libelle=trouve.libelle,
        )
        dernier = trouve.utilise_le
    instant = datetime.now(UTC)
    if dernier is None or instant - dernier >= INTERVALLE_UTILISATION:
        _noter_utilisation(moteur, acces.jeton_id, instant)
    return acces


def _noter_utilisation(moteur: Engine, jeton_id: int, instant: datetime) -> None:
    try:
        ecriture = moteur.connect().execution_options(**{OPTION_ECRITURE: True})
        with ecriture as connexion, connexion.begin():
            connexion.execute(
                update(JetonApi).where(JetonApi.id == jeton_id).values(utilise_le=instant)
            )
    except OperationalError:
        pass  # database busy or read-only: the stamp is best effort, the call goes on


# --- Users page -------------------------------------------------------------------------


def creanciers(contexte: Contexte) -> list[dict[str, Any]]:
    """The office's creditors (the parties that are the creditor of at least one file), by
    name: whom a créancier-client login or an API token may be given to."""

    def _lire(session: Session) -> list[dict[str, Any]]:
        parties = session.scalars(
            select(Partie)
            .where(Partie.id.in_(select(Dossier.creancier_id).distinct()))
            .order_by(Partie.nom_recherche, Partie.id)
        )
        return [{"id": int(p.id), "designation": p.designation} for p in parties]

    return executer(contexte, "lister_creanciers", _lire, ecriture=False)
