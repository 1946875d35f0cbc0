"""Procedures on a file: start one, record its steps, what is possible now, the lapses.

The law is the engine's (``clerc.rules.procedures``): this module only feeds it what the
office knows of the file (its title, principal, the debtors' protections: ``situation``) and
what was done, then stores the windows it computes (``echeance``) so that the agenda of the
office is one index range. One transaction per use case, like every service.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
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
)
from clerc.office.services.dossiers import charger_dossier, evenement, refuser_si_clos, toucher
from clerc.rules.delais import NatureDelai, augmentation_la_plus_longue
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.agenda import ETAPE_CADUCITE, echeances, echeances_retenues
from clerc.rules.procedures.agenda import Echeance as EcheanceCalculee
from clerc.rules.procedures.chargement import procedure as procedure_en_vigueur
from clerc.rules.procedures.formalites import CODES_FORMALITES, FormaliteDue, formalites_dues
from clerc.rules.procedures.gardes import (
    DECES,
    PROCEDURE_COLLECTIVE,
    SURENDETTEMENT,
    Situation,
)
from clerc.rules.procedures.modele import SANCTIONS_FATALES, Procedure
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
ETAPE_SIGNIFICATION_HERITIERS = "signification_heritiers"  # signification_titre.yaml
MODES_SIGNIFICATION = ("personne", "domicile", "etude", "659", "electronique")


def situation(
    dossier: Dossier, jour: date, procedures: list[ProcedureDossier] | None = None
) -> Situation:
    """What the guards need, read from the file as it stands on ``jour``; ``procedures`` (the
    file's, when loaded) give the service of the title on the heirs (C. civ. 877)."""
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
        creance_alimentaire=bool(titre is not None and titre.creance_alimentaire),
        risques=frozenset(risques),
        titre_signifie_aux_heritiers_le=signification_aux_heritiers(procedures or (), jour),
        **_eloignement(dossier),
    )


def _eloignement(dossier: Dossier) -> dict[str, Any]:
    """Extension for distance of the remedies' delays (CPC 643, 644) from where the debtors
    live. The court's seat is not recorded: clerc takes the file's territory (by default the
    debtor's department, the court of CPC 42), so a debtor abroad gets two months and one
    living overseas while the file is governed from metropolitan France one month."""
    demeures = []
    for lien in dossier.debiteurs:
        adresse = lien.partie.adresse_principale
        demeure = None
        if adresse is not None:
            demeure = "etranger" if adresse.pays != "FR" else adresse.departement
        if demeure is not None:
            demeures.append((lien.partie.designation, demeure))
    mois, motif = augmentation_la_plus_longue(NatureDelai.APPEL, dossier.territoire, demeures)
    return {"augmentation_distance": mois, "motif_distance": motif}


def signification_aux_heritiers(procedures: Iterable[ProcedureDossier], jour: date) -> date | None:
    """Last service of the title on the heirs recorded by ``jour`` (step of the procedure
    signification_titre): the eight days of C. civ. 877 run from it. With several heirs, the
    last service counts, since execution waits for every heir to have been served."""
    dates = [
        e.jour
        for p in procedures
        for e in p.etapes
        if e.code == ETAPE_SIGNIFICATION_HERITIERS and e.jour <= jour
    ]
    return max(dates, default=None)


def _charger(session: Session, reference: str) -> Dossier:
    dossier = charger_dossier(session, reference)
    # The debtors' protections feed the guards (one query, not one per debtor).
    session.scalars(
        select(Partie)
        .where(Partie.id.in_([lien.partie_id for lien in dossier.debiteurs]))
        .options(selectinload(Partie.protections))
    ).all()
    return dossier


def _charger_par_id(session: Session, dossier_id: int) -> Dossier:
    reference = session.scalar(select(Dossier.reference).where(Dossier.id == dossier_id))
    if reference is None:
        raise Introuvable(f"Dossier n° {dossier_id} introuvable dans cette étude.")
    return _charger(session, reference)


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


def _etat(
    en_cours: ProcedureDossier, dossier: Dossier, au: date, toutes: list[ProcedureDossier]
) -> EtatProcedure:
    return etat(
        _loi(en_cours),
        _faites(en_cours),
        au,
        dossier.territoire,
        situation(dossier, au, toutes),
    )


def _recalculer(
    session: Session,
    dossier: Dossier,
    en_cours: ProcedureDossier,
    au: date,
    toutes: list[ProcedureDossier],
) -> None:
    """Store the procedure's status and its agenda items (derived data: replaced, not audited
    row by row; the steps they derive from are). A procedure found lapsed leaves one item,
    the lapse to deal with, until it is restarted or given up."""
    loi = _loi(en_cours)
    etat_, elements = echeances(
        loi,
        tuple(EtapeFaite(e.code, e.jour, e.heure, e.mode) for e in en_cours.etapes),
        au,
        dossier.territoire,
        situation(dossier, au, toutes),
    )
    devient_caduque = en_cours.statut == "en_cours" and etat_.statut == "caduque"
    if en_cours.statut != "abandonnee":
        en_cours.statut, en_cours.motif = etat_.statut, etat_.motif
    if devient_caduque:
        evenement(session, dossier, au, "caducite", f"{loi.libelle} caduque : {etat_.motif}")
    session.flush()
    connexion = session.connection()
    connexion.execute(delete(Echeance).where(Echeance.procedure_id == en_cours.id))
    lignes = [
        lignes_echeance(dossier.etude_id, dossier.id, en_cours.id, element)
        for element in echeances_retenues(en_cours.statut, etat_, elements)
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
        toutes = _procedures(session, dossier)
        for autre in toutes:
            if autre.code == code and autre.statut == "en_cours":
                raise OperationRefusee(
                    f"Le dossier {dossier.reference} a déjà une procédure {loi.libelle.lower()} "
                    f"en cours (démarrée le {autre.demarree_le.isoformat()})."
                )
        # Restarting a lapsed measure deals with its lapse: its agenda item goes.
        _effacer_caducites(
            session, [p.id for p in toutes if p.code == code and p.statut == "caduque"]
        )
        en_cours = ProcedureDossier(
            dossier_id=dossier.id, code=code, version=loi.version, demarree_le=jour
        )
        session.add(en_cours)
        toutes.append(en_cours)
        evenement(session, dossier, jour, "procedure", f"Procédure démarrée : {loi.libelle}")
        toucher(dossier)
        session.flush()
        _recalculer(session, dossier, en_cours, jour, toutes)
        return _etat(en_cours, dossier, jour, toutes).en_dict()

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
        return enregistrer_etape_dans(
            session,
            reference,
            etape,
            jour,
            heure=heure,
            mode=mode,
            procedure=procedure,
            observations=observations,
        )

    return executer(contexte, "enregistrer_etape", _enregistrer)


def enregistrer_etape_dans(
    session: Session,
    reference: str,
    etape: str,
    jour: date,
    *,
    heure: time | None = None,
    mode: str | None = None,
    procedure: str | None = None,
    observations: str = "",
) -> dict[str, Any]:
    """``enregistrer_etape`` inside a transaction already open (signing an act records the
    step it performs in the same transaction)."""
    dossier = _charger(session, reference)
    refuser_si_clos(dossier)
    toutes = _procedures(session, dossier)
    en_cours = _procedure_de_l_etape(
        toutes, etape, procedure, dossier.reference, dossier.territoire
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
            situation(dossier, jour, toutes),
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
    _recalculer(session, dossier, en_cours, jour, toutes)
    if etape == ETAPE_SIGNIFICATION_HERITIERS:
        # The heirs' service opens execution eight days later (C. civ. 877): the windows
        # of the file's other running procedures depend on it.
        for autre in toutes:
            if autre is not en_cours and autre.statut == "en_cours":
                _recalculer(session, dossier, autre, jour, toutes)
    return _etat(en_cours, dossier, jour, toutes).en_dict()


def possibles(contexte: Contexte, reference: str, au: date) -> dict[str, Any]:
    """Every procedure of the file at ``au``: what may be done now, later, and why not."""

    def _lire(session: Session) -> dict[str, Any]:
        dossier = _charger(session, reference)
        toutes = _procedures(session, dossier)
        return {
            "dossier": dossier.reference,
            "au": au.isoformat(),
            "procedures": [
                {
                    **_etat(p, dossier, au, toutes).en_dict(),
                    "libelle": _loi(p).libelle,
                    # A procedure given up stays so, whatever the law would still allow.
                    **({"statut": p.statut, "motif": p.motif} if p.statut == "abandonnee" else {}),
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
                for p in toutes
            ],
        }

    return executer(contexte, "procedures_possibles", _lire, ecriture=False)


def _effacer_caducites(session: Session, procedure_ids: list[int]) -> None:
    if procedure_ids:
        session.connection().execute(
            delete(Echeance).where(
                Echeance.procedure_id.in_(procedure_ids), Echeance.etape == ETAPE_CADUCITE
            )
        )


def abandonner(
    contexte: Contexte, reference: str, code: str, jour: date, motif: str
) -> dict[str, Any]:
    """Give up a running or lapsed procedure (the creditor's instruction, a mainlevée, a
    lapse reported): it leaves the agenda, except the CPC 658/659 letters still owed for acts
    already served (the service is done; the letter is owed whatever follows)."""
    motif = motif.strip()
    if not motif:
        raise DonneeInvalide("Abandon d'une procédure : le motif est requis.")

    def _abandonner(session: Session) -> dict[str, Any]:
        dossier = _charger(session, reference)
        toutes = _procedures(session, dossier)
        visees = [p for p in toutes if p.code == code and p.statut in ("en_cours", "caduque")]
        if not visees:
            raise Introuvable(
                f"Le dossier {dossier.reference} n'a pas de procédure « {code} » en cours ou "
                "caduque : voir clerc procedure possibles."
            )
        for p in visees:
            p.statut, p.motif = "abandonnee", f"Abandonnée le {jour.isoformat()} : {motif}"
            libelle = _loi(p).libelle
            evenement(session, dossier, jour, "procedure", f"{libelle} abandonnée : {motif}")
            _recalculer(session, dossier, p, max(jour, _dernier_jour(p)), toutes)
        toucher(dossier)
        return {
            "dossier": dossier.reference,
            "procedure": code,
            "abandonnees": len(visees),
            "motif": motif,
        }

    return executer(contexte, "abandonner_procedure", _abandonner)


def _dernier_jour(p: ProcedureDossier) -> date:
    return max((e.jour for e in p.etapes), default=p.demarree_le)


def constater_caducites(contexte: Contexte, au: date, *, lot: int = 500) -> list[dict[str, Any]]:
    """Mark lapsed every running procedure whose fatal deadline (caducité, péremption,
    non-avenu) ran out before ``au``: its status becomes "caduque" with the reason, the file's
    timeline says so, and its agenda items give way to the lapse to deal with. Run daily
    (e.g. by cron: ``clerc procedure caducites``); the candidates come from one index range of
    the agenda, then ``lot`` procedures per transaction."""

    def _candidats(session: Session) -> list[int | None]:
        return list(
            session.scalars(
                select(Echeance.procedure_id)
                .where(
                    Echeance.tenu_par == "etude",
                    Echeance.date_limite < au,
                    Echeance.sanction.in_(SANCTIONS_FATALES),
                    Echeance.etape != ETAPE_CADUCITE,
                    Echeance.procedure_id.is_not(None),
                )
                .distinct()
            ).all()
        )

    candidats = sorted(
        i for i in executer(contexte, "caducites", _candidats, ecriture=False) if i is not None
    )
    constatees: list[dict[str, Any]] = []
    for debut in range(0, len(candidats), lot):
        ids = candidats[debut : debut + lot]

        def _constater(session: Session, ids: list[int] = ids) -> list[dict[str, Any]]:
            resultat = []
            par_dossier: dict[int, list[ProcedureDossier]] = {}
            for p in session.scalars(
                select(ProcedureDossier)
                .where(ProcedureDossier.id.in_(ids), ProcedureDossier.statut == "en_cours")
                .order_by(ProcedureDossier.id)
            ):
                par_dossier.setdefault(p.dossier_id, []).append(p)
            for dossier_id, visees in par_dossier.items():
                dossier = _charger_par_id(session, dossier_id)
                toutes = _procedures(session, dossier)
                for p in (t for t in toutes if t in visees):
                    _recalculer(session, dossier, p, au, toutes)
                    if p.statut == "caduque":
                        toucher(dossier)
                        resultat.append(
                            {
                                "dossier": dossier.reference,
                                "procedure": p.code,
                                "demarree_le": p.demarree_le.isoformat(),
                                "motif": p.motif,
                            }
                        )
            return resultat

        constatees += executer(contexte, "constater_caducites", _constater)
    return constatees


__all__ = [
    "abandonner",
    "constater_caducites",
    "demarrer",
    "enregistrer_etape",
    "enregistrer_etape_dans",
    "possibles",
    "situation",
]
