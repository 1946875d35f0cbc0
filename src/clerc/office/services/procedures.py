"""Procedures on a file: start one, record its steps, what is possible now, the agenda.

The law is the engine's (``clerc.rules.procedures``): this module only feeds it what the
office knows of the file (its title, principal, the debtors' protections: ``situation``) and
what was done, then stores the windows it computes (``echeance``) so that the agenda of the
office is one index range. One transaction per use case, like every service.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, selectinload

from clerc.office.db import Contexte, executer
from clerc.office.erreurs import Introuvable, OperationRefusee
from clerc.office.models import (
    Dossier,
    Echeance,
    EtapeProcedure,
    Partie,
    ProcedureDossier,
    Utilisateur,
)
from clerc.office.services.dossiers import charger_dossier, evenement, refuser_si_clos, toucher
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.agenda import Echeance as EcheanceCalculee
from clerc.rules.procedures.agenda import echeances
from clerc.rules.procedures.chargement import procedure as procedure_en_vigueur
from clerc.rules.procedures.formalites import CODES_FORMALITES, FormaliteDue, formalites_dues
from clerc.rules.procedures.gardes import (
    DECES,
    PROCEDURE_COLLECTIVE,
    SURENDETTEMENT,
    Situation,
)
from clerc.rules.procedures.modele import Procedure
from clerc.rules.procedures.moteur import EtapeFaite, EtatProcedure, etat, verifier_etape

# Protections of a debtor (clerc.office.models.partie.NATURES_PROTECTION) -> risk flags the
# guards understand.
_RISQUES_DES_PROTECTIONS = {
    "procedure_sauvegarde": PROCEDURE_COLLECTIVE,
    "redressement_judiciaire": PROCEDURE_COLLECTIVE,
    "liquidation_judiciaire": PROCEDURE_COLLECTIVE,
    "surendettement_recevabilite": SURENDETTEMENT,
    "surendettement_mesures": SURENDETTEMENT,
    "deces": DECES,
}
MODES_SIGNIFICATION = ("personne", "domicile", "etude", "659", "electronique")
HORIZON_AGENDA = timedelta(days=7)


def situation(dossier: Dossier, jour: date) -> Situation:
    """What the guards need, read from the file as it stands on ``jour``."""
    titres = [t for t in dossier.titres if t.remplace_par_id is None and t.date_titre <= jour]
    titre = max(titres, key=lambda t: t.date_titre) if titres else None
    risques = set(dossier.risques or ())
    for lien in dossier.debiteurs:
        for protection in lien.partie.protections:
            actif = (protection.depuis is None or protection.depuis <= jour) and (
                protection.jusqu_au is None or jour <= protection.jusqu_au
            )
            if actif and protection.nature in _RISQUES_DES_PROTECTIONS:
                risques.add(_RISQUES_DES_PROTECTIONS[protection.nature])
    principal = sum(
        (ligne.montant for ligne in dossier.lignes if ligne.nature == "principal"), Decimal(0)
    )
    return Situation(
        titre_executoire=None
        if titre is None and dossier.nature == "amiable"
        else bool(titre is not None and titre.formule_executoire),
        titre_signifie_le=titre.date_signification if titre else None,
        principal=principal if principal else None,
        risques=frozenset(risques),
    )


def _charger(session: Session, reference: str) -> Dossier:
    dossier = charger_dossier(session, reference)
    # The debtors' protections feed the guards (one query, not one per debtor).
    session.scalars(
        select(Partie)
        .where(Partie.id.in_([lien.partie_id for lien in dossier.debiteurs]))
        .options(selectinload(Partie.protections))
    ).all()
    return dossier


def _procedures(session: Session, dossier: Dossier) -> list[ProcedureDossier]:
    return list(
        session.scalars(
            select(ProcedureDossier)
            .where(ProcedureDossier.dossier_id == dossier.id)
            .order_by(ProcedureDossier.id)
            .options(selectinload(ProcedureDossier.etapes))
        ).all()
    )


def _loi(en_cours: ProcedureDossier) -> Procedure:
    return procedure_en_vigueur(en_cours.code, en_cours.demarree_le)


def _faites(en_cours: ProcedureDossier) -> tuple[EtapeFaite, ...]:
    """The procedure's steps (the CPC 658/659 letters are formalities, not steps)."""
    return tuple(
        EtapeFaite(e.code, e.jour, e.heure, e.mode)
        for e in en_cours.etapes
        if e.code not in CODES_FORMALITES
    )


def _etat(en_cours: ProcedureDossier, dossier: Dossier, au: date) -> EtatProcedure:
    return etat(_loi(en_cours), _faites(en_cours), au, dossier.territoire, situation(dossier, au))


def _recalculer(session: Session, dossier: Dossier, en_cours: ProcedureDossier, au: date) -> None:
    """Store the procedure's status and its agenda items (derived data: replaced, not audited
    row by row; the steps they derive from are)."""
    etat_, elements = echeances(
        _loi(en_cours),
        tuple(EtapeFaite(e.code, e.jour, e.heure, e.mode) for e in en_cours.etapes),
        au,
        dossier.territoire,
        situation(dossier, au),
    )
    if en_cours.statut != "abandonnee":
        en_cours.statut, en_cours.motif = etat_.statut, etat_.motif
    session.flush()
    connexion = session.connection()
    connexion.execute(delete(Echeance).where(Echeance.procedure_id == en_cours.id))
    lignes = [
        lignes_echeance(dossier.etude_id, dossier.id, en_cours.id, element)
        for element in elements
        if en_cours.statut == "en_cours" or element.etape in CODES_FORMALITES
    ]
    if lignes:
        connexion.execute(insert(Echeance), lignes)


def lignes_echeance(
    etude_id: int, dossier_id: int, procedure_id: int, element: EcheanceCalculee
) -> dict[str, Any]:
    """Row of ``echeance`` for one agenda item (the synthetic office writes the same)."""
    return {
        "etude_id": etude_id,
        "dossier_id": dossier_id,
        "procedure_id": procedure_id,
        "etape": element.etape,
        "libelle": element.libelle,
        "date_au_plus_tot": element.date_au_plus_tot,
        "date_limite": element.date_limite,
        "tenu_par": element.tenu_par,
        "sanction": element.sanction,
        "effet": element.effet,
        "article": element.article,
    }


def _lettres_dues(en_cours: ProcedureDossier, territoire: str) -> list[FormaliteDue]:
    """CPC 658/659 letters owed after services at home, at the office or by PV 659."""
    return formalites_dues(
        [(e.code, e.jour, e.mode) for e in en_cours.etapes if e.code not in CODES_FORMALITES],
        [(e.code, e.jour) for e in en_cours.etapes if e.code in CODES_FORMALITES],
        territoire,
    )


def demarrer(contexte: Contexte, reference: str, code: str, jour: date) -> dict[str, Any]:
    """Start procedure ``code`` on the file, under the law in force on ``jour``."""
    loi = procedure_en_vigueur(code, jour)

    def _demarrer(session: Session) -> dict[str, Any]:
        dossier = _charger(session, reference)
        refuser_si_clos(dossier)
        for autre in _procedures(session, dossier):
            if autre.code == code and autre.statut == "en_cours":
                raise OperationRefusee(
                    f"Le dossier {dossier.reference} a déjà une procédure {loi.libelle.lower()} "
                    f"en cours (démarrée le {autre.demarree_le.isoformat()})."
                )
        en_cours = ProcedureDossier(
            dossier_id=dossier.id, code=code, version=loi.version, demarree_le=jour
        )
        session.add(en_cours)
        evenement(session, dossier, jour, "procedure", f"Procédure démarrée : {loi.libelle}")
        toucher(dossier)
        session.flush()
        _recalculer(session, dossier, en_cours, jour)
        return _etat(en_cours, dossier, jour).en_dict()

    return executer(contexte, "demarrer_procedure", _demarrer)


def _procedure_de_l_etape(
    procedures: list[ProcedureDossier],
    etape: str,
    code: str | None,
    reference: str,
    territoire: str,
) -> ProcedureDossier:
    def concernee(p: ProcedureDossier) -> bool:
        if etape in CODES_FORMALITES:  # a letter answers a service made that way
            return any(d.formalite.code == etape for d in _lettres_dues(p, territoire))
        return p.statut == "en_cours" and any(e.code == etape for e in _loi(p).etapes)

    candidates = [p for p in procedures if (code is None or p.code == code) and concernee(p)]
    if not candidates:
        raise Introuvable(
            f"Aucune procédure en cours du dossier {reference} n'a d'étape « {etape} »"
            + (f" (procédure {code})" if code else "")
            + " : voir clerc procedure possibles."
        )
    if len(candidates) > 1:
        raise DonneeInvalide(
            f"Étape « {etape} » ambiguë : précisez --procedure "
            f"({', '.join(p.code for p in candidates)})."
        )
    return candidates[0]


def enregistrer_etape(
    contexte: Contexte,
    reference: str,
    etape: str,
    jour: date,
    *,
    heure: time | None = None,
    mode: str | None = None,
    procedure: str | None = None,
    observations: str = "",
) -> dict[str, Any]:
    """Record a step done; refused (French reasons) when the law does not allow it then."""
    if mode is not None and mode not in MODES_SIGNIFICATION:
        raise DonneeInvalide(
            f"Mode « {mode} » inconnu (attendu : {', '.join(MODES_SIGNIFICATION)})."
        )
    if jour > date.today():
        raise DonneeInvalide(
            f"Étape datée du {jour.isoformat()} : une étape s'enregistre une fois faite."
        )

    def _enregistrer(session: Session) -> dict[str, Any]:
        dossier = _charger(session, reference)
        refuser_si_clos(dossier)
        en_cours = _procedure_de_l_etape(
            _procedures(session, dossier), etape, procedure, dossier.reference, dossier.territoire
        )
        loi = _loi(en_cours)
        if etape in CODES_FORMALITES:
            due = next(
                d for d in _lettres_dues(en_cours, dossier.territoire) if d.formalite.code == etape
            )
            if jour < due.signifie_le:
                raise DonneeInvalide(
                    f"{due.formalite.libelle} datée du {jour.isoformat()} : antérieure à la "
                    f"signification du {due.signifie_le.isoformat()} ({due.formalite.article})."
                )
            libelle = due.formalite.libelle
        else:
            verifier_etape(
                loi,
                _faites(en_cours),
                EtapeFaite(etape, jour, heure, mode),
                dossier.territoire,
                situation(dossier, jour),
            )
            libelle = loi.etape(etape).libelle
        en_cours.etapes.append(
            EtapeProcedure(code=etape, jour=jour, heure=heure, mode=mode, observations=observations)
        )
        evenement(session, dossier, jour, "etape", f"{loi.libelle} : {libelle}")
        toucher(dossier)
        session.flush()
        # Status and windows as they stand right after this step (a step typed late keeps
        # its date); a deadline missed since shows in the agenda as overdue and in
        # ``possibles``, which compute at the date asked.
        _recalculer(session, dossier, en_cours, jour)
        return _etat(en_cours, dossier, jour).en_dict()

    return executer(contexte, "enregistrer_etape", _enregistrer)


def possibles(contexte: Contexte, reference: str, au: date) -> dict[str, Any]:
    """Every procedure of the file at ``au``: what may be done now, later, and why not."""

    def _lire(session: Session) -> dict[str, Any]:
        dossier = _charger(session, reference)
        return {
            "dossier": dossier.reference,
            "au": au.isoformat(),
            "procedures": [
                {
                    **_etat(p, dossier, au).en_dict(),
                    "demarree_le": p.demarree_le.isoformat(),
                    "lettres_dues": [
                        {
                            "code": d.formalite.code,
                            "libelle": d.formalite.libelle,
                            "apres": d.apres,
                            "date_limite": d.date_limite.isoformat(),
                            "article": d.formalite.article,
                        }
                        for d in _lettres_dues(p, dossier.territoire)
                    ],
                }
                for p in _procedures(session, dossier)
            ],
        }

    return executer(contexte, "procedures_possibles", _lire, ecriture=False)


# --- agenda ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ElementAgenda:
    dossier: str
    procedure: str
    etape: str
    libelle: str
    date_au_plus_tot: date | None
    date_limite: date | None
    tenu_par: str
    sanction: str | None
    effet: str | None
    article: str
    categorie: str  # en_retard, aujourd_hui, semaine, pas_avant
    clerc: str | None

    def en_dict(self) -> dict[str, Any]:
        return {
            "dossier": self.dossier,
            "procedure": self.procedure,
            "etape": self.etape,
            "libelle": self.libelle,
            "date_au_plus_tot": self.date_au_plus_tot.isoformat()
            if self.date_au_plus_tot
            else None,
            "date_limite": self.date_limite.isoformat() if self.date_limite else None,
            "tenu_par": self.tenu_par,
            "sanction": self.sanction,
            "effet": self.effet,
            "article": self.article,
            "categorie": self.categorie,
            "clerc": self.clerc,
        }


_RANG_CATEGORIE = {"en_retard": 0, "aujourd_hui": 1, "semaine": 2, "pas_avant": 3}
_RANG_SANCTION = {"caducite": 0, "peremption": 0, "non_avenu": 0, "nullite": 1}


def _categorie(limite: date | None, tot: date | None, au: date) -> str:
    if limite is not None and limite < au:
        return "en_retard"
    if limite is not None and limite == au:
        return "aujourd_hui"
    if tot is not None and tot > au:
        return "pas_avant"
    return "semaine"


def agenda(contexte: Contexte, au: date, *, clerc: str | None = None) -> list[ElementAgenda]:
    """What is due by ``au`` + 7 days, overdue, or may not be done before a date, ordered by
    legal risk (missed fatal deadlines first), with funds held too long (C. com. R444-56)."""

    def _lire(session: Session) -> list[ElementAgenda]:
        fin = au + HORIZON_AGENDA
        requete = (
            select(Echeance, Dossier.reference, ProcedureDossier.code, Utilisateur.identifiant)
            .join(Dossier, Dossier.id == Echeance.dossier_id)
            .outerjoin(ProcedureDossier, ProcedureDossier.id == Echeance.procedure_id)
            .outerjoin(Utilisateur, Utilisateur.id == Dossier.clerc_id)
            .where(
                ((Echeance.date_limite <= fin) & (Echeance.tenu_par == "etude"))
                | ((Echeance.date_au_plus_tot > au) & (Echeance.date_au_plus_tot <= fin))
            )
        )
        if clerc is not None:
            clerc_id = session.scalar(
                select(Utilisateur.id).where(Utilisateur.identifiant == clerc)
            )
            if clerc_id is None:
                raise Introuvable(f"Clerc « {clerc} » introuvable dans cette étude.")
            requete = requete.where(Dossier.clerc_id == clerc_id)
        elements = [
            ElementAgenda(
                dossier=reference,
                procedure=code or "fonds_de_tiers",  # funds rows have no procedure
                etape=e.etape,
                libelle=e.libelle,
                date_au_plus_tot=e.date_au_plus_tot,
                date_limite=e.date_limite,
                tenu_par=e.tenu_par,
                sanction=e.sanction,
                effet=e.effet,
                article=e.article,
                categorie=_categorie(e.date_limite, e.date_au_plus_tot, au),
                clerc=identifiant,
            )
            for e, reference, code, identifiant in session.execute(requete)
        ]
        return elements

    elements = executer(contexte, "agenda", _lire, ecriture=False)
    return sorted(
        elements,
        key=lambda e: (
            _RANG_CATEGORIE[e.categorie],
            _RANG_SANCTION.get(e.sanction or "", 2),
            e.date_limite or e.date_au_plus_tot or au,
            e.dossier,
        ),
    )


__all__ = [
    "ElementAgenda",
    "agenda",
    "demarrer",
    "enregistrer_etape",
    "possibles",
    "situation",
]
