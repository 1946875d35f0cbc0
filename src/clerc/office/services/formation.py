"""Training mode (issue 7): trainees' sessions of exercises, their progress, trainers' groups.

A session is ``nombre`` exercises of one or more blocs at one level, in one of two modes:

- ``entrainement``: each answer is graded at once, with the corrections and their articles;
- ``examen``: timed (``duree_minutes``); each answer is graded when given but its grade and
  corrections are shown only once the session is over (every exercise answered, the session
  ended by the trainee, or time up). An answer received after the deadline is refused.

Exercises are never stored: an attempt keeps the exercise's identifier, which rebuilds it
(:mod:`clerc.formation.exercices`), the answer, the score and the corrections. The exercise of
rank *r* follows from the session's seed: the types of the chosen blocs are shuffled once per
round (a round = one exercise of each type), the synthetic office of round *k* is the one of
seed ``graine + k`` (one office generated per round, cached per process); a type whose office
has no file for the level is replaced by the next one. Generating an office takes about a
second: it is always done outside the transactions, which only read and write rows.

Progress (per bloc, per competence of the referential, per type; history; weak points) counts
only the grades the trainee may see: practice answers, and exam answers once the exam is over.
"""

from __future__ import annotations

import functools
import math
import random
import secrets
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerc.formation import exercices
from clerc.formation.competences import COMPETENCES, competence
from clerc.formation.exercices import TYPES_PAR_BLOC, Exercice, nouvel_exercice
from clerc.formation.identifiant import BLOCS, NIVEAUX, verifier_graine, verifier_niveau
from clerc.office.db import Contexte, executer
from clerc.office.droits import peut
from clerc.office.erreurs import Introuvable, OperationRefusee
from clerc.office.models import (
    GroupeFormation,
    MembreGroupeFormation,
    SessionFormation,
    TentativeFormation,
    Utilisateur,
    maintenant,
)
from clerc.office.models.etude import ROLES
from clerc.office.models.formation import MODES_SESSION
from clerc.rules.erreurs import DonneeInvalide

NOMBRE_MAXIMAL = 20  # exercises in a session
DUREE_MAXIMALE = 240  # minutes of an exam
DUREE_PAR_DEFAUT = 60
SEUIL_POINT_FAIBLE = 75  # an average below this is flagged
POINTS_FAIBLES = 3  # lowest types / competences listed as weak points (below 100 only)
POINTS_MANQUES = 5  # most frequent missed points listed
ESSAIS_GRAINE = 5  # rounds of seeds tried when no type of the pool suits the level


@functools.lru_cache(maxsize=256)
def exercice(identifiant: str) -> Exercice:
    """An exercise rebuilt from its identifier, kept per process: every page of a session
    shows it again (some types compute their scenario for a few tenths of a second)."""
    return exercices.exercice(identifiant)


def horloge() -> datetime:
    """The current instant (UTC). Tests replace it to move time without sleeping."""
    return maintenant()


def _moyenne(scores: Sequence[int]) -> int | None:
    if not scores:
        return None
    return int((Decimal(sum(scores)) / len(scores)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


# --- who acts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Personne:
    id: int
    identifiant: str
    nom: str
    role: str

    def en_dict(self) -> dict[str, Any]:
        return {
            "identifiant": self.identifiant,
            "nom": self.nom,
            "role": self.role,
            "libelle_role": ROLES.get(self.role, self.role),
        }


def _personne(utilisateur: Utilisateur) -> Personne:
    return Personne(
        int(utilisateur.id),
        utilisateur.identifiant,
        utilisateur.nom or utilisateur.identifiant,
        utilisateur.role,
    )


def _utilisateur(session: Session, identifiant: str) -> Personne:
    trouve = session.scalar(
        select(Utilisateur).where(
            Utilisateur.identifiant == identifiant, Utilisateur.actif.is_(True)
        )
    )
    if trouve is None:
        raise Introuvable(
            f"Utilisateur « {identifiant} » introuvable dans l'étude (--utilisateur : "
            "l'identifiant d'un utilisateur actif)."
        )
    return _personne(trouve)


def _exiger(personne: Personne, droit: str, action: str) -> None:
    if not peut(personne.role, droit):
        raise OperationRefusee(
            f"{personne.identifiant} ({ROLES.get(personne.role, personne.role)}) ne peut pas "
            f"{action}."
        )


# --- the exercises of a session --------------------------------------------------------------


def blocs_disponibles() -> dict[int, str]:
    """The blocs that have exercises now (the others are being written)."""
    return {bloc: BLOCS[bloc] for bloc in sorted(TYPES_PAR_BLOC)}


def _verifier_blocs(blocs: Iterable[int]) -> list[int]:
    choisis = sorted(set(blocs))
    if not choisis:
        raise DonneeInvalide("Blocs : choisissez au moins un bloc de la certification.")
    for bloc in choisis:
        if bloc not in BLOCS:
            raise DonneeInvalide(
                f"Bloc « {bloc} » inconnu : la certification en compte quatre (1 à 4)."
            )
        if bloc not in TYPES_PAR_BLOC:
            raise DonneeInvalide(
                f"Les exercices du bloc {bloc} (« {BLOCS[bloc]} ») ne sont pas encore "
                f"disponibles (disponibles : {', '.join(map(str, sorted(TYPES_PAR_BLOC)))})."
            )
    return choisis


def _pool(blocs: Sequence[int]) -> list[tuple[int, str]]:
    return [(bloc, code) for bloc in blocs for code in TYPES_PAR_BLOC.get(bloc, {})]


def _exercice_du_rang(
    blocs: Sequence[int], niveau: str, graine: int, au: date, rang: int, deja: set[str]
) -> Exercice:
    """The exercise of rank ``rang`` (from 1): deterministic for the session's parameters."""
    pool = _pool(blocs)
    if not pool:
        raise DonneeInvalide("Aucun type d'exercice disponible pour ces blocs.")
    tour, position = divmod(rang - 1, len(pool))
    derniere: DonneeInvalide | None = None
    for essai in range(ESSAIS_GRAINE):
        ordre = list(pool)
        random.Random(f"{graine}:{tour + essai}").shuffle(ordre)
        graine_tour = (graine + tour + essai * 1000) % (2**31 - 1)
        for decalage in range(len(ordre)):
            bloc, code = ordre[(position + decalage) % len(ordre)]
            try:
                candidat = nouvel_exercice(bloc, niveau, graine_tour, au, code)
            except DonneeInvalide as erreur:
                if not str(erreur).startswith("Aucun dossier"):
                    raise
                derniere = erreur
                continue
            if str(candidat.identifiant) not in deja:
                return candidat
    raise derniere or DonneeInvalide(
        f"Aucun nouvel exercice de niveau {niveau} n'a pu être tiré pour cette session : "
        "choisissez une autre graine ou un autre niveau."
    )


# --- sessions --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reglages:
    """What a session needs to draw its exercises (read from its row)."""

    blocs: tuple[int, ...]
    niveau: str
    graine: int
    au: date
    nombre: int


def _reglages(s: SessionFormation) -> Reglages:
    return Reglages(tuple(int(b) for b in s.blocs), s.niveau, s.graine, s.au, s.nombre)


def demarrer_session(
    contexte: Contexte,
    *,
    blocs: Sequence[int],
    au: date,
    nombre: int = 5,
    niveau: str = "debutant",
    mode: str = "entrainement",
    duree_minutes: int | None = None,
    graine: int | None = None,
) -> int:
    """Start a session for the acting user (``contexte.utilisateur``); its first exercise is
    drawn at once. Returns the session's number."""
    choisis = _verifier_blocs(blocs)
    verifier_niveau(niveau)
    if mode not in MODES_SESSION:
        raise DonneeInvalide(f"Mode « {mode} » inconnu (attendu : {', '.join(MODES_SESSION)}).")
    if not 1 <= nombre <= NOMBRE_MAXIMAL:
        raise DonneeInvalide(f"Nombre d'exercices : de 1 à {NOMBRE_MAXIMAL}.")
    if mode == "examen":
        duree_minutes = DUREE_PAR_DEFAUT if duree_minutes is None else duree_minutes
        if not 1 <= duree_minutes <= DUREE_MAXIMALE:
            raise DonneeInvalide(f"Durée de l'examen : de 1 à {DUREE_MAXIMALE} minutes.")
    elif duree_minutes is not None:
        raise DonneeInvalide("Durée : seul un examen est chronométré (mode examen).")
    graine_session = verifier_graine(graine) if graine is not None else secrets.randbelow(10**6)

    def _lire(session: Session) -> Personne:
        personne = _utilisateur(session, contexte.utilisateur)
        _exiger(personne, "se_former", "suivre le mode formation")
        return personne

    personne = executer(contexte, "lire_stagiaire", _lire, ecriture=False)
    premier = _exercice_du_rang(choisis, niveau, graine_session, au, 1, set())  # no transaction
    debut = horloge()

    def _creer(session: Session) -> int:
        ligne = SessionFormation(
            utilisateur_id=personne.id,
            blocs=choisis,
            niveau=niveau,
            mode=mode,
            nombre=nombre,
            duree_minutes=duree_minutes,
            graine=graine_session,
            au=au,
            commencee_le=debut,
            echeance=debut + timedelta(minutes=duree_minutes) if duree_minutes else None,
        )
        session.add(ligne)
        session.flush()
        session.add(_tentative(ligne.id, 1, premier, debut))
        return int(ligne.id)

    return executer(contexte, "demarrer_session_formation", _creer)


def _tentative(session_id: int, rang: int, exo: Exercice, instant: datetime) -> TentativeFormation:
    return TentativeFormation(
        session_id=session_id,
        rang=rang,
        exercice=str(exo.identifiant),
        bloc=exo.identifiant.bloc,
        type_exercice=exo.identifiant.type,
        presentee_le=instant,
    )


@dataclass(frozen=True)
class _Etat:
    """A session and its attempts, read in one transaction."""

    ligne: SessionFormation
    tentatives: tuple[TentativeFormation, ...]
    stagiaire: Personne
    lecteur: Personne

    def terminee(self, instant: datetime) -> bool:
        return (
            self.ligne.terminee_le is not None
            or self.temps_ecoule(instant)
            or sum(1 for t in self.tentatives if t.repondue_le is not None) >= self.ligne.nombre
        )

    def temps_ecoule(self, instant: datetime) -> bool:
        return self.ligne.echeance is not None and instant >= self.ligne.echeance

    def courante(self) -> TentativeFormation | None:
        return next((t for t in self.tentatives if t.repondue_le is None), None)

    def corrections_visibles(self, instant: datetime) -> bool:
        return self.ligne.mode == "entrainement" or self.terminee(instant)


def _lire_etat(session: Session, contexte: Contexte, session_id: int) -> _Etat:
    lecteur = _utilisateur(session, contexte.utilisateur)
    ligne = session.get(SessionFormation, session_id)
    if ligne is None or (ligne.utilisateur_id != lecteur.id and not peut(lecteur.role, "former")):
        raise Introuvable(f"Session de formation n° {session_id} introuvable.")
    stagiaire = session.get(Utilisateur, ligne.utilisateur_id)
    assert stagiaire is not None
    tentatives = session.scalars(
        select(TentativeFormation)
        .where(TentativeFormation.session_id == ligne.id)
        .order_by(TentativeFormation.rang)
    ).all()
    return _Etat(ligne, tuple(tentatives), _personne(stagiaire), lecteur)


def _etat(contexte: Contexte, session_id: int) -> _Etat:
    return executer(
        contexte,
        "lire_session_formation",
        lambda session: _lire_etat(session, contexte, session_id),
        ecriture=False,
    )


def _refuser_si_close(etat: _Etat, instant: datetime) -> None:
    ligne = etat.ligne
    if etat.temps_ecoule(instant) and ligne.terminee_le is None:
        assert ligne.echeance is not None
        retard = instant - ligne.echeance
        raise OperationRefusee(
            f"Temps écoulé : l'examen (session n° {ligne.id}, {ligne.duree_minutes} min) a pris "
            f"fin il y a {_duree_texte(retard)} ; réponse refusée. Les corrections sont "
            "disponibles dans le bilan."
        )
    if etat.terminee(instant):
        raise OperationRefusee(f"La session n° {ligne.id} est terminée : réponse refusée.")


def _duree_texte(duree: timedelta) -> str:
    secondes = max(0, int(duree.total_seconds()))
    if secondes < 60:
        return f"{secondes} s"
    return f"{secondes // 60} min"


@dataclass(frozen=True)
class ResultatReponse:
    session_id: int
    rang: int
    exercice: str
    mode: str
    score: int | None  # None in an exam still running: shown at the end
    corrections: list[dict[str, str]] | None
    terminee: bool
    suivant: str | None  # the next exercise's identifier

    def en_dict(self) -> dict[str, Any]:
        resultat: dict[str, Any] = {
            "session": self.session_id,
            "rang": self.rang,
            "exercice": self.exercice,
            "mode": self.mode,
            "enregistree": True,
            "terminee": self.terminee,
            "suivant": self.suivant,
        }
        if self.score is not None:
            resultat.update(score=self.score, corrections=self.corrections)
        else:
            resultat["message"] = (
                "Réponse enregistrée : la note et les corrections seront données à la fin de "
                "l'examen."
            )
        return resultat


def repondre(contexte: Contexte, session_id: int, reponse: object) -> ResultatReponse:
    """Answer the current exercise of a session (the acting user's own session only)."""
    recue = horloge()  # the instant of the answer, checked against the deadline
    etat = _etat(contexte, session_id)
    if etat.stagiaire.id != etat.lecteur.id:
        raise OperationRefusee(
            f"La session n° {session_id} est celle de {etat.stagiaire.identifiant} : seul le "
            "stagiaire y répond."
        )
    _refuser_si_close(etat, recue)
    courante = etat.courante()
    if courante is None:
        raise OperationRefusee(f"La session n° {session_id} n'a pas d'exercice en attente.")
    exo = exercice(courante.exercice)
    notation = exo.corriger(reponse)  # a malformed answer is refused here, nothing stored
    rang = courante.rang
    dernier = rang >= etat.ligne.nombre
    suivant = None
    raccourcie = False
    if not dernier:
        reglages = _reglages(etat.ligne)
        try:
            suivant = _exercice_du_rang(
                reglages.blocs,
                reglages.niveau,
                reglages.graine,
                reglages.au,
                rang + 1,
                {t.exercice for t in etat.tentatives},
            )
        except DonneeInvalide:
            # No new exercise can be drawn for these settings: the session ends here (its
            # number of exercises is brought down to what was set), the answer is kept.
            dernier = raccourcie = True

    def _enregistrer(session: Session) -> None:
        ligne = session.get(SessionFormation, session_id)
        tentative = session.get(TentativeFormation, courante.id)
        assert ligne is not None and tentative is not None
        if tentative.repondue_le is not None:
            raise OperationRefusee(
                f"L'exercice {rang} de la session n° {session_id} a déjà reçu une réponse."
            )
        if ligne.terminee_le is not None or (
            ligne.echeance is not None and recue >= ligne.echeance
        ):
            raise OperationRefusee(f"La session n° {session_id} est terminée : réponse refusée.")
        tentative.reponse = reponse if isinstance(reponse, dict) else {"reponse": reponse}
        tentative.score = notation.score
        tentative.corrections = notation.corrections
        tentative.repondue_le = recue
        if dernier:
            ligne.terminee_le = recue
            if raccourcie:
                ligne.nombre = rang
        elif suivant is not None:
            session.add(_tentative(session_id, rang + 1, suivant, recue))

    executer(contexte, "repondre_exercice_formation", _enregistrer)
    visible = etat.ligne.mode == "entrainement" or dernier
    return ResultatReponse(
        session_id=session_id,
        rang=rang,
        exercice=courante.exercice,
        mode=etat.ligne.mode,
        score=notation.score if visible else None,
        corrections=notation.corrections if visible else None,
        terminee=dernier,
        suivant=None if suivant is None else str(suivant.identifiant),
    )


def refuser_si_close(contexte: Contexte, session_id: int) -> None:
    """Refuse (with the reason: time up, session over) when a session takes no more answers."""
    _refuser_si_close(_etat(contexte, session_id), horloge())


def terminer_session(contexte: Contexte, session_id: int) -> None:
    """End a session before its last exercise (the exercises not answered count 0 in an
    exam, and are left out of a practice session's score)."""
    instant = horloge()
    etat = _etat(contexte, session_id)
    if etat.stagiaire.id != etat.lecteur.id:
        raise OperationRefusee(
            f"La session n° {session_id} est celle de {etat.stagiaire.identifiant} : seul le "
            "stagiaire peut la terminer."
        )
    if etat.terminee(instant):
        return

    def _terminer(session: Session) -> None:
        ligne = session.get(SessionFormation, session_id)
        assert ligne is not None
        if ligne.terminee_le is None:
            ligne.terminee_le = instant

    executer(contexte, "terminer_session_formation", _terminer)


def _libelle_type(bloc: int, code: str) -> str:
    type_ = TYPES_PAR_BLOC.get(bloc, {}).get(code)
    return (type_.libelle if type_ is not None else "") or code


def _competence(bloc: int, code: str) -> str:
    return competence(bloc, code, TYPES_PAR_BLOC.get(bloc, {}).get(code))


def _score_session(etat: _Etat, instant: datetime) -> int | None:
    if not etat.corrections_visibles(instant):
        return None
    scores = [t.score for t in etat.tentatives if t.score is not None]
    if etat.ligne.mode == "examen":
        scores += [0] * (etat.ligne.nombre - len(scores))  # not answered: 0
    return _moyenne(scores)


def _resume_session(etat: _Etat, instant: datetime) -> dict[str, Any]:
    ligne = etat.ligne
    terminee = etat.terminee(instant)
    restant = None
    if ligne.echeance is not None and not terminee:
        restant = max(0, math.ceil((ligne.echeance - instant).total_seconds() / 60))
    repondus = sum(1 for t in etat.tentatives if t.repondue_le is not None)
    fin = ligne.terminee_le
    if fin is None and terminee:
        fin = ligne.echeance if etat.temps_ecoule(instant) else None
    return {
        "session": ligne.id,
        "stagiaire": etat.stagiaire.en_dict(),
        "blocs": [int(b) for b in ligne.blocs],
        "niveau": ligne.niveau,
        "niveau_libelle": NIVEAUX.get(ligne.niveau, ligne.niveau),
        "mode": ligne.mode,
        "mode_libelle": MODES_SESSION.get(ligne.mode, ligne.mode),
        "nombre": ligne.nombre,
        "duree_minutes": ligne.duree_minutes,
        "graine": ligne.graine,
        "au": ligne.au,
        "commencee_le": ligne.commencee_le,
        "echeance": ligne.echeance,
        "terminee_le": fin,
        "etat": "terminee" if terminee else "en_cours",
        "temps_ecoule": etat.temps_ecoule(instant),
        "restant_minutes": restant,
        "repondus": repondus,
        "score": _score_session(etat, instant),
    }


def bilan_session(contexte: Contexte, session_id: int) -> dict[str, Any]:
    """A session: its settings, state, remaining time, and each exercise with its answer,
    grade and corrections when they may be shown (practice, or an exam that is over)."""
    instant = horloge()
    etat = _etat(contexte, session_id)
    visibles = etat.corrections_visibles(instant)
    terminee = etat.terminee(instant)
    exercices = []
    for t in etat.tentatives:
        repondu = t.repondue_le is not None
        ligne: dict[str, Any] = {
            "rang": t.rang,
            "exercice": t.exercice,
            "bloc": t.bloc,
            "type": t.type_exercice,
            "type_libelle": _libelle_type(t.bloc, t.type_exercice),
            "competence": _competence(t.bloc, t.type_exercice),
            "competence_libelle": COMPETENCES[_competence(t.bloc, t.type_exercice)],
            "presentee_le": t.presentee_le,
            "repondue_le": t.repondue_le,
            "etat": "repondu" if repondu else ("non_traite" if terminee else "en_attente"),
        }
        if visibles:
            ligne.update(reponse=t.reponse, score=t.score, corrections=t.corrections)
        exercices.append(ligne)
    resume = _resume_session(etat, instant)
    courante = None if terminee else etat.courante()
    resume.update(
        exercices=exercices,
        corrections_visibles=visibles,
        courant=None
        if courante is None
        else {"rang": courante.rang, "exercice": courante.exercice},
        proprietaire=etat.stagiaire.id == etat.lecteur.id,
    )
    return resume


def exercice_courant(contexte: Contexte, session_id: int) -> dict[str, Any] | None:
    """The exercise awaiting an answer (consigne, file, answer format), or None when the
    session is over."""
    instant = horloge()
    etat = _etat(contexte, session_id)
    courante = None if etat.terminee(instant) else etat.courante()
    if courante is None:
        return None
    return {"rang": courante.rang, **exercice(courante.exercice).en_dict()}


def sessions_de(contexte: Contexte, identifiant: str | None = None) -> list[dict[str, Any]]:
    """The sessions of a user (the acting one by default), newest first."""
    instant = horloge()

    def _lire(session: Session) -> list[dict[str, Any]]:
        lecteur = _utilisateur(session, contexte.utilisateur)
        cible = lecteur if identifiant in (None, lecteur.identifiant) else None
        if cible is None:
            _exiger(lecteur, "former", "consulter la formation d'un autre utilisateur")
            cible = _utilisateur(session, str(identifiant))
        return [_resume_session(etat, instant) for etat in _etats_de(session, [cible], lecteur)]

    return executer(contexte, "lister_sessions_formation", _lire, ecriture=False)


def _etats_de(session: Session, personnes: Sequence[Personne], lecteur: Personne) -> list[_Etat]:
    """Every session of ``personnes`` with its attempts (two queries), newest first."""
    par_id = {p.id: p for p in personnes}
    if not par_id:
        return []
    lignes = session.scalars(
        select(SessionFormation)
        .where(SessionFormation.utilisateur_id.in_(par_id))
        .order_by(SessionFormation.commencee_le.desc(), SessionFormation.id.desc())
    ).all()
    tentatives: dict[int, list[TentativeFormation]] = defaultdict(list)
    if lignes:
        for t in session.scalars(
            select(TentativeFormation)
            .join(SessionFormation, SessionFormation.id == TentativeFormation.session_id)
            .where(SessionFormation.utilisateur_id.in_(par_id))
            .order_by(TentativeFormation.session_id, TentativeFormation.rang)
        ):
            tentatives[t.session_id].append(t)
    return [
        _Etat(ligne, tuple(tentatives[ligne.id]), par_id[ligne.utilisateur_id], lecteur)
        for ligne in lignes
    ]


# --- progress --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Note:
    """One graded attempt the trainee may see."""

    bloc: int
    type: str
    score: int
    corrections: tuple[dict[str, Any], ...]
    repondue_le: datetime


def _notes(etats: Iterable[_Etat], instant: datetime) -> list[_Note]:
    notes = []
    for etat in etats:
        if not etat.corrections_visibles(instant):
            continue  # an exam still running: its grades are not shown yet
        for t in etat.tentatives:
            if t.score is not None and t.repondue_le is not None:
                notes.append(
                    _Note(t.bloc, t.type_exercice, t.score, tuple(t.corrections or ()),
                          t.repondue_le)
                )  # fmt: skip
    return notes


def _ligne_stat(libelle: str, scores: Sequence[int]) -> dict[str, Any]:
    return {"libelle": libelle, "exercices": len(scores), "moyenne": _moyenne(scores)}


def _plus_faibles(lignes: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The lowest averages below 100 (``sous_seuil`` when below the weak-point threshold)."""
    a_revoir = sorted(
        (x for x in lignes if x["moyenne"] is not None and x["moyenne"] < 100),
        key=lambda x: (x["moyenne"], -x["exercices"]),
    )[:POINTS_FAIBLES]
    return [{**x, "sous_seuil": x["moyenne"] < SEUIL_POINT_FAIBLE} for x in a_revoir]


def _statistiques(notes: Sequence[_Note]) -> dict[str, Any]:
    """Averages per bloc, competence and type, and the weak points, of graded attempts."""
    par_bloc: dict[int, list[int]] = defaultdict(list)
    par_competence: dict[str, list[int]] = defaultdict(list)
    par_type: dict[tuple[int, str], list[int]] = defaultdict(list)
    manques: Counter[tuple[str, str]] = Counter()
    for note in notes:
        par_bloc[note.bloc].append(note.score)
        par_competence[_competence(note.bloc, note.type)].append(note.score)
        par_type[(note.bloc, note.type)].append(note.score)
        for correction in note.corrections:
            manques[(str(correction.get("point", "")), str(correction.get("article", "")))] += 1
    blocs = sorted(set(TYPES_PAR_BLOC) | set(par_bloc))
    types = [
        {"bloc": bloc, "type": code, **_ligne_stat(_libelle_type(bloc, code), scores)}
        for (bloc, code), scores in sorted(par_type.items())
    ]
    competences = [
        {"competence": code, **_ligne_stat(libelle, par_competence[code])}
        for code, libelle in COMPETENCES.items()
        if code in par_competence
    ]
    faibles_types = _plus_faibles(types)
    faibles_competences = _plus_faibles(competences)
    return {
        "exercices": len(notes),
        "moyenne": _moyenne([n.score for n in notes]),
        "par_bloc": [
            {"bloc": bloc, **_ligne_stat(BLOCS.get(bloc, str(bloc)), par_bloc.get(bloc, []))}
            for bloc in blocs
        ],
        "par_competence": competences,
        "par_type": types,
        "points_faibles": {
            "types": faibles_types,
            "competences": faibles_competences,
            "points_manques": [
                {"point": point, "article": article, "fois": fois}
                for (point, article), fois in manques.most_common(POINTS_MANQUES)
            ],
        },
    }


def progression(contexte: Contexte, identifiant: str | None = None) -> dict[str, Any]:
    """A trainee's progress (the acting user by default; another one for a trainer):
    averages per bloc, per competence and per type, weak points, history of sessions."""
    instant = horloge()

    def _lire(session: Session) -> dict[str, Any]:
        lecteur = _utilisateur(session, contexte.utilisateur)
        cible = lecteur
        if identifiant not in (None, lecteur.identifiant):
            _exiger(lecteur, "former", "consulter la progression d'un autre utilisateur")
            cible = _utilisateur(session, str(identifiant))
        etats = _etats_de(session, [cible], lecteur)
        return {
            "stagiaire": cible.en_dict(),
            **_statistiques(_notes(etats, instant)),
            "historique": [_resume_session(etat, instant) for etat in etats],
        }

    return executer(contexte, "progression_formation", _lire, ecriture=False)


# --- groups ----------------------------------------------------------------------------------


def _groupe(session: Session, groupe: int | str) -> GroupeFormation:
    """A group by number, or by name (the command line)."""
    trouve = None
    if isinstance(groupe, str):
        trouve = session.scalar(select(GroupeFormation).where(GroupeFormation.nom == groupe))
    if trouve is None and str(groupe).isdigit():
        trouve = session.get(GroupeFormation, int(groupe))
    if trouve is None:
        raise Introuvable(f"Groupe de formation « {groupe} » introuvable.")
    return trouve


def creer_groupe(contexte: Contexte, nom: str, formateur: str | None = None) -> int:
    """A group of trainees; its trainer is ``formateur`` (the acting user by default)."""
    nom = " ".join(nom.split())
    if not nom:
        raise DonneeInvalide("Nom du groupe : texte attendu.")
    if len(nom) > 120:
        raise DonneeInvalide("Nom du groupe : 120 caractères au plus.")

    def _creer(session: Session) -> int:
        lecteur = _utilisateur(session, contexte.utilisateur)
        _exiger(lecteur, "former", "créer un groupe de formation")
        responsable = lecteur if formateur is None else _utilisateur(session, formateur)
        _exiger(responsable, "former", "encadrer un groupe de formation")
        if session.scalar(select(GroupeFormation.id).where(GroupeFormation.nom == nom)):
            raise OperationRefusee(f"Un groupe « {nom} » existe déjà.")
        groupe = GroupeFormation(nom=nom, formateur_id=responsable.id, cree_le=horloge())
        session.add(groupe)
        session.flush()
        return int(groupe.id)

    return executer(contexte, "creer_groupe_formation", _creer)


def ajouter_membre(contexte: Contexte, groupe: int | str, identifiant: str) -> None:
    def _ajouter(session: Session) -> None:
        lecteur = _utilisateur(session, contexte.utilisateur)
        _exiger(lecteur, "former", "modifier un groupe de formation")
        ligne = _groupe(session, groupe)
        membre = _utilisateur(session, identifiant.strip())
        if not peut(membre.role, "se_former"):
            raise OperationRefusee(
                f"{membre.identifiant} ({ROLES.get(membre.role, membre.role)}) ne suit pas le "
                "mode formation."
            )
        deja = session.scalar(
            select(MembreGroupeFormation.id).where(
                MembreGroupeFormation.groupe_id == ligne.id,
                MembreGroupeFormation.utilisateur_id == membre.id,
            )
        )
        if deja is not None:
            raise OperationRefusee(f"{membre.identifiant} est déjà membre du groupe {ligne.nom}.")
        session.add(
            MembreGroupeFormation(groupe_id=ligne.id, utilisateur_id=membre.id, ajoute_le=horloge())
        )

    executer(contexte, "ajouter_membre_groupe_formation", _ajouter)


def retirer_membre(contexte: Contexte, groupe: int | str, identifiant: str) -> None:
    def _retirer(session: Session) -> None:
        lecteur = _utilisateur(session, contexte.utilisateur)
        _exiger(lecteur, "former", "modifier un groupe de formation")
        ligne = _groupe(session, groupe)
        membre = _utilisateur(session, identifiant)
        trouve = session.scalar(
            select(MembreGroupeFormation).where(
                MembreGroupeFormation.groupe_id == ligne.id,
                MembreGroupeFormation.utilisateur_id == membre.id,
            )
        )
        if trouve is None:
            raise Introuvable(f"{membre.identifiant} n'est pas membre du groupe {ligne.nom}.")
        session.delete(trouve)

    executer(contexte, "retirer_membre_groupe_formation", _retirer)


def groupes(contexte: Contexte) -> list[dict[str, Any]]:
    """The office's training groups (for a trainer)."""

    def _lire(session: Session) -> list[dict[str, Any]]:
        lecteur = _utilisateur(session, contexte.utilisateur)
        _exiger(lecteur, "former", "consulter les groupes de formation")
        lignes = session.scalars(select(GroupeFormation).order_by(GroupeFormation.nom)).all()
        membres = Counter(session.scalars(select(MembreGroupeFormation.groupe_id)).all())
        noms = dict(
            session.execute(
                select(Utilisateur.id, Utilisateur.identifiant).where(
                    Utilisateur.id.in_({g.formateur_id for g in lignes})
                )
            ).all()
        )
        return [
            {
                "id": g.id,
                "nom": g.nom,
                "formateur": noms.get(g.formateur_id, ""),
                "membres": membres.get(g.id, 0),
                "mien": g.formateur_id == lecteur.id,
            }
            for g in lignes
        ]

    return executer(contexte, "lister_groupes_formation", _lire, ecriture=False)


def bilan_groupe(contexte: Contexte, groupe: int | str) -> dict[str, Any]:
    """A group's results: members × blocs (average and number of exercises), the group's
    averages per bloc and competence, its weak points."""
    instant = horloge()

    def _lire(session: Session) -> dict[str, Any]:
        lecteur = _utilisateur(session, contexte.utilisateur)
        _exiger(lecteur, "former", "consulter les résultats d'un groupe de formation")
        ligne = _groupe(session, groupe)
        formateur = session.get(Utilisateur, ligne.formateur_id)
        utilisateurs = session.scalars(
            select(Utilisateur)
            .join(MembreGroupeFormation, MembreGroupeFormation.utilisateur_id == Utilisateur.id)
            .where(MembreGroupeFormation.groupe_id == ligne.id)
            .order_by(Utilisateur.nom, Utilisateur.identifiant)
        ).all()
        personnes = [_personne(u) for u in utilisateurs]
        etats = _etats_de(session, personnes, lecteur)
        par_membre: dict[int, list[_Etat]] = defaultdict(list)
        for etat in etats:
            par_membre[etat.stagiaire.id].append(etat)
        toutes: list[_Note] = []
        membres = []
        for personne in personnes:
            notes = _notes(par_membre[personne.id], instant)
            toutes += notes
            stats = _statistiques(notes)
            membres.append(
                {
                    **personne.en_dict(),
                    "sessions": len(par_membre[personne.id]),
                    "exercices": stats["exercices"],
                    "moyenne": stats["moyenne"],
                    "par_bloc": {b["bloc"]: b for b in stats["par_bloc"]},
                    "derniere_activite": max((n.repondue_le for n in notes), default=None),
                    "points_faibles": stats["points_faibles"],
                }
            )
        return {
            "id": ligne.id,
            "nom": ligne.nom,
            "formateur": _personne(formateur).en_dict() if formateur else None,
            "membres": membres,
            **_statistiques(toutes),
        }

    return executer(contexte, "bilan_groupe_formation", _lire, ecriture=False)


def candidats_groupe(contexte: Contexte, groupe: int) -> list[dict[str, Any]]:
    """Users of the office who train and are not yet in the group (to add one)."""

    def _lire(session: Session) -> list[dict[str, Any]]:
        lecteur = _utilisateur(session, contexte.utilisateur)
        _exiger(lecteur, "former", "modifier un groupe de formation")
        ligne = _groupe(session, groupe)
        dedans = set(
            session.scalars(
                select(MembreGroupeFormation.utilisateur_id).where(
                    MembreGroupeFormation.groupe_id == ligne.id
                )
            )
        )
        return [
            _personne(u).en_dict()
            for u in session.scalars(
                select(Utilisateur)
                .where(Utilisateur.actif.is_(True))
                .order_by(Utilisateur.role != "stagiaire", Utilisateur.nom)
            )
            if u.id not in dedans and peut(u.role, "se_former")
        ]

    return executer(contexte, "candidats_groupe_formation", _lire, ecriture=False)


def solution_exercice(contexte: Contexte, identifiant: str) -> dict[str, Any]:
    """The engine's answer to an exercise: for trainers only."""

    def _lire(session: Session) -> None:
        _exiger(
            _utilisateur(session, contexte.utilisateur),
            "former",
            "consulter la solution d'un exercice",
        )

    executer(contexte, "solution_exercice_formation", _lire, ecriture=False)
    exo = exercice(identifiant)
    return {**exo.en_dict(), "solution": exo.solution()}


__all__ = [
    "DUREE_MAXIMALE",
    "NOMBRE_MAXIMAL",
    "ResultatReponse",
    "ajouter_membre",
    "bilan_groupe",
    "bilan_session",
    "blocs_disponibles",
    "candidats_groupe",
    "creer_groupe",
    "demarrer_session",
    "exercice_courant",
    "groupes",
    "horloge",
    "progression",
    "refuser_si_close",
    "repondre",
    "retirer_membre",
    "sessions_de",
    "solution_exercice",
    "terminer_session",
]
