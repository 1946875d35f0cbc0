"""The interpreter of the procedure tables: plan, state at a date, check of a step.

Dates of delays come from ``clerc.rules.delais`` (CPC 640-642) in the file's territory, on the
safe side for the office when a holiday is uncertain (Good Friday in Alsace-Moselle...):

- ``au_plus_tot`` (a delay that must have run before acting: "à l'expiration d'un délai de
  huit jours"): the step is possible the day after the *latest* possible expiry;
- ``au_plus_tard`` (the office must act within the delay): the *earliest* possible expiry.

A step is due when what it requires is done; missing its own deadline with a fatal sanction
(caducité, péremption, non-avenu) ends the procedure (``statut`` "caduque"). A deadline that
binds the other side (the debtor's month to contest) only closes the event it governs.
Nothing here reads a database: the office passes what was done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from clerc.rules.delais import NatureActe, delai, empechements_horaires
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.gardes import GARDES, Situation
from clerc.rules.procedures.modele import Delai, Etape, Procedure, Sanction

MIDI = time(12, 0)  # the hour assumed for the day-of-week check when none is given


@dataclass(frozen=True)
class EtapeFaite:
    """A step the office recorded: its date, and for a served act the hour and the mode."""

    code: str
    jour: date
    heure: time | None = None
    mode: str | None = None  # "personne", "domicile", "etude", "659", "electronique"...


@dataclass(frozen=True)
class Borne:
    """One end of a step's window: the date and what sets it."""

    jour: date
    delai: Delai
    motif: str  # the delay engine's explanation (extensions over holidays...)

    def en_dict(self) -> dict[str, Any]:
        donnees: dict[str, Any] = {
            "date": self.jour.isoformat(),
            "depuis": self.delai.depuis,
            "duree": self.delai.duree,
            "article": self.delai.article,
            "motif": self.motif,
        }
        if self.delai.sanction is not None:
            donnees["sanction"] = _sanction_en_dict(self.delai.sanction)
        return donnees


def _sanction_en_dict(sanction: Sanction) -> dict[str, str]:
    return {"nature": sanction.nature, "effet": sanction.effet, "article": sanction.article}


def _dates(faites: tuple[EtapeFaite, ...]) -> dict[str, date]:
    """Last date of each step done (a repeated step counts from its last occurrence)."""
    dates: dict[str, date] = {}
    for faite in sorted(faites, key=lambda f: f.jour):
        dates[faite.code] = faite.jour
    return dates


def _depart(
    procedure: Procedure, d: Delai, dates: dict[str, date], territoire: str, tard: bool
) -> date | None:
    """Where delay ``d`` starts: the date of its step, or (``depuis_fin``) the expiry of that
    step's own deadline, on the safe side (``tard``: the latest possible expiry)."""
    if d.depuis_fin:
        reference = procedure.etape(d.depuis)
        fins = [
            (calcul.au_plus_tard if tard else calcul.au_plus_tot)
            for r in reference.au_plus_tard
            if (depart := _depart(procedure, r, dates, territoire, tard)) is not None
            for calcul in (delai(depart, r.duree, territoire),)
        ]
        return (max(fins) if tard else min(fins)) if fins else None
    return dates.get(d.depuis)


def _au_plus_tot(
    procedure: Procedure, etape: Etape, dates: dict[str, date], territoire: str
) -> Borne | None:
    borne: Borne | None = None
    for d in etape.au_plus_tot:
        depart = _depart(procedure, d, dates, territoire, tard=True)
        if depart is None:
            continue
        calcul = delai(depart, d.duree, territoire)
        jour = calcul.au_plus_tard + timedelta(days=1)  # the delay has fully run
        if borne is None or jour > borne.jour:
            borne = Borne(jour, d, calcul.motif)
    return borne


def _au_plus_tard(
    procedure: Procedure, etape: Etape, dates: dict[str, date], territoire: str
) -> Borne | None:
    borne: Borne | None = None
    for d in etape.au_plus_tard:
        depart = _depart(procedure, d, dates, territoire, tard=False)
        if depart is None:
            continue
        calcul = delai(depart, d.duree, territoire)
        if borne is None or calcul.au_plus_tot < borne.jour:
            borne = Borne(calcul.au_plus_tot, d, calcul.motif)
    return borne


def _requis_manquants(etape: Etape, procedure: Procedure, dates: dict[str, date]) -> list[str]:
    manquants = [procedure.etape(c).libelle for c in etape.requiert if c not in dates]
    if etape.requiert_un_de and not any(c in dates for c in etape.requiert_un_de):
        manquants.append(" ou ".join(procedure.etape(c).libelle for c in etape.requiert_un_de))
    return manquants


def _exclue_par(etape: Etape, procedure: Procedure, dates: dict[str, date]) -> Etape | None:
    for code in etape.exclu_par:
        if code in dates:
            return procedure.etape(code)
    return None


# --- plan -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class EtapePlan:
    etape: Etape
    date_prevue: date | None  # the nominal path: each step at its earliest date
    au_plus_tot: Borne | None
    au_plus_tard: Borne | None

    def en_dict(self) -> dict[str, Any]:
        e = self.etape
        return {
            "code": e.code,
            "libelle": e.libelle,
            "nature": e.nature,
            "destinataire": e.destinataire,
            "acte_tarif": e.acte_tarif,
            "date_prevue": self.date_prevue.isoformat() if self.date_prevue else None,
            "date_au_plus_tot": self.au_plus_tot.jour.isoformat() if self.au_plus_tot else None,
            "date_limite": self.au_plus_tard.jour.isoformat() if self.au_plus_tard else None,
            "au_plus_tot": self.au_plus_tot.en_dict() if self.au_plus_tot else None,
            "au_plus_tard": self.au_plus_tard.en_dict() if self.au_plus_tard else None,
            "sanction": (
                _sanction_en_dict(self.au_plus_tard.delai.sanction)
                if self.au_plus_tard and self.au_plus_tard.delai.sanction
                else None
            ),
            "conditions": [GARDES[g].libelle for g in e.gardes],
            "optionnelle": e.optionnelle,
            "repetable": e.repetable,
            "articles": list(e.articles),
            "note": e.note,
        }


def plan(procedure: Procedure, depuis: date, territoire: str = "75") -> tuple[EtapePlan, ...]:
    """The steps of ``procedure`` when its first step is done on ``depuis`` and every later
    step on its earliest date: when each may be done (``au_plus_tot``) and by when
    (``au_plus_tard``). Optional steps and other parties' events keep their window, undated."""
    dates: dict[str, date] = {}
    resultat = []
    for rang, etape in enumerate(procedure.etapes):
        if _exclue_par(etape, procedure, dates) is not None:
            continue
        tot = _au_plus_tot(procedure, etape, dates, territoire)
        tard = _au_plus_tard(procedure, etape, dates, territoire)
        prevue: date | None = None
        if rang == 0:
            prevue = depuis
        elif not etape.optionnelle and not _requis_manquants(etape, procedure, dates):
            requis = [dates[c] for c in (*etape.requiert, *etape.requiert_un_de) if c in dates]
            candidats = [*requis, *([tot.jour] if tot else [])]
            prevue = max(candidats) if candidats else depuis
        if prevue is not None and rang > 0:
            for garde in etape.gardes:  # e.g. no expulsion during the winter truce
                report = GARDES[garde].report
                if report is not None:
                    prevue = report(prevue)
        if prevue is not None:
            dates[etape.code] = prevue
        resultat.append(EtapePlan(etape, prevue, tot, tard))
    return tuple(resultat)


# --- state at a date ------------------------------------------------------------------------


@dataclass(frozen=True)
class EtatEtape:
    """A step as it stands at a date: possible now, later, never, or missed."""

    etape: Etape
    statut: str  # faite, possible, pas_encore, bloquee, sans_objet, expiree, manquee
    motifs: tuple[str, ...]
    au_plus_tot: Borne | None
    au_plus_tard: Borne | None
    faite_le: date | None = None

    @property
    def possible(self) -> bool:
        return self.statut == "possible"

    def en_dict(self) -> dict[str, Any]:
        sanction = self.au_plus_tard.delai.sanction if self.au_plus_tard else None
        return {
            "code": self.etape.code,
            "libelle": self.etape.libelle,
            "statut": self.statut,
            "motifs": list(self.motifs),
            "faite_le": self.faite_le.isoformat() if self.faite_le else None,
            "date_au_plus_tot": self.au_plus_tot.jour.isoformat() if self.au_plus_tot else None,
            "date_limite": self.au_plus_tard.jour.isoformat() if self.au_plus_tard else None,
            "sanction": _sanction_en_dict(sanction) if sanction else None,
            "tenu_par": self.au_plus_tard.delai.tenu_par if self.au_plus_tard else None,
            "articles": list(self.etape.articles),
        }


@dataclass(frozen=True)
class EtatProcedure:
    procedure: Procedure
    au: date
    etapes: tuple[EtatEtape, ...]
    statut: str  # en_cours, terminee, caduque
    motif: str  # why it ended, for "terminee" and "caduque"

    @property
    def possibles(self) -> tuple[EtatEtape, ...]:
        return tuple(e for e in self.etapes if e.possible)

    def en_dict(self) -> dict[str, Any]:
        return {
            "procedure": self.procedure.code,
            "version": self.procedure.version,
            "au": self.au.isoformat(),
            "statut": self.statut,
            "motif": self.motif,
            "etapes": [e.en_dict() for e in self.etapes],
        }


def _etat_etape(
    procedure: Procedure,
    etape: Etape,
    dates: dict[str, date],
    au: date,
    territoire: str,
    situation: Situation,
) -> EtatEtape:
    tot = _au_plus_tot(procedure, etape, dates, territoire)
    tard = _au_plus_tard(procedure, etape, dates, territoire)
    if etape.repetable and tard is not None and etape.code in dates:
        # A repeated step meets its deadline by being done again after the delay started
        # (a distribution after the last payment received: R212-1-23).
        depart = _depart(procedure, tard.delai, dates, territoire, tard=False)
        if depart is not None and dates[etape.code] >= depart:
            tard = None

    def etat(statut: str, *motifs: str, faite_le: date | None = None) -> EtatEtape:
        return EtatEtape(etape, statut, motifs, tot, tard, faite_le)

    if etape.code in dates and not etape.repetable:
        return etat("faite", faite_le=dates[etape.code])
    exclue = _exclue_par(etape, procedure, dates)
    if exclue is not None:
        return etat("sans_objet", f"Sans objet : {exclue.libelle.lower()} ({exclue.code}).")
    manquants = _requis_manquants(etape, procedure, dates)
    if manquants:
        return etat("bloquee", *(f"Il faut d'abord : {m}." for m in manquants))
    if tard is not None and au > tard.jour:
        sanction = tard.delai.sanction
        if tard.delai.tenu_par == "adversaire":
            return etat(
                "expiree",
                f"Délai expiré le {tard.jour.isoformat()} ({tard.delai.duree}, "
                f"{tard.delai.article}).",
            )
        if sanction is not None:
            return etat(
                "manquee",
                f"Délai expiré le {tard.jour.isoformat()} : {sanction.effet} ({sanction.article}).",
            )
        # A deadline the text gives no sanction: still possible, but late.
        retard = (
            f"En retard : à faire au plus tard le {tard.jour.isoformat()} ({tard.delai.article})."
        )
    else:
        retard = ""
    refus = [
        motif
        for motif in (GARDES[g].verifier(situation, au) for g in etape.gardes)
        if motif is not None
    ]
    if refus:
        return etat("bloquee", *refus)
    if tot is not None and au < tot.jour:
        return etat(
            "pas_encore",
            f"Pas avant le {tot.jour.isoformat()} : {tot.delai.duree} à compter de "
            + ("la fin du délai de : " if tot.delai.depuis_fin else "")
            + f"{procedure.etape(tot.delai.depuis).libelle.lower()} ({tot.delai.article}).",
        )
    faite_le = dates.get(etape.code)
    return etat("possible", *((retard,) if retard else ()), faite_le=faite_le)


def etat(
    procedure: Procedure,
    faites: tuple[EtapeFaite, ...],
    au: date,
    territoire: str = "75",
    situation: Situation | None = None,
) -> EtatProcedure:
    """Where the procedure stands on ``au`` after the steps ``faites``."""
    situation = situation or Situation()
    dates = _dates(tuple(f for f in faites if f.jour <= au))
    etats = tuple(
        _etat_etape(procedure, e, dates, au, territoire, situation) for e in procedure.etapes
    )
    finale = next((e for e in procedure.etapes if e.finale and e.code in dates), None)
    manquees = [e for e in etats if e.statut == "manquee"]
    # A missed fatal deadline ends the procedure, optional step or not (an optional step is
    # one the office may choose not to take, at the price of its sanction: a step that may be
    # unnecessary is modelled with requiert/exclu_par instead).
    fatale = next(
        (
            e
            for e in manquees
            if e.au_plus_tard
            and e.au_plus_tard.delai.sanction
            and e.au_plus_tard.delai.sanction.fatale
        ),
        None,
    )
    if finale is not None:
        statut, motif = "terminee", f"{finale.libelle} le {dates[finale.code].isoformat()}."
        etats = tuple(
            e if e.statut in ("faite", "sans_objet") else _close(e, "Procédure terminée.")
            for e in etats
        )
    elif fatale is not None:
        assert fatale.au_plus_tard is not None and fatale.au_plus_tard.delai.sanction is not None
        sanction = fatale.au_plus_tard.delai.sanction
        statut = "caduque"
        motif = (
            f"{fatale.etape.libelle} non faite au plus tard le "
            f"{fatale.au_plus_tard.jour.isoformat()} : {sanction.effet} ({sanction.article})."
        )
        etats = tuple(
            e if e.statut in ("faite", "manquee", "sans_objet") else _close(e, motif) for e in etats
        )
    else:
        statut, motif = "en_cours", ""
    return EtatProcedure(procedure, au, etats, statut, motif)


def _close(etat_: EtatEtape, motif: str) -> EtatEtape:
    return EtatEtape(etat_.etape, "bloquee", (motif,), etat_.au_plus_tot, etat_.au_plus_tard)


# --- recording a step -----------------------------------------------------------------------


def _fait_tardif_d_un_tiers(courant: EtatEtape) -> bool:
    """Another party's act after its delay is still a fact to record when lateness only
    engages its liability (the employer's declaration, L212-14); a late opposition or
    contestation is irrecevable, hence refused with its reason."""
    if courant.statut != "expiree" or courant.etape.nature != "evenement":
        return False
    sanction = courant.au_plus_tard.delai.sanction if courant.au_plus_tard else None
    return sanction is None or sanction.nature not in ("irrecevabilite", "forclusion")


def verifier_etape(
    procedure: Procedure,
    faites: tuple[EtapeFaite, ...],
    nouvelle: EtapeFaite,
    territoire: str = "75",
    situation: Situation | None = None,
) -> None:
    """Refuse (``DonneeInvalide``, French reasons) a step the law does not allow then."""
    try:
        etape = procedure.etape(nouvelle.code)
    except KeyError:
        raise DonneeInvalide(
            f"Étape « {nouvelle.code} » inconnue pour la procédure {procedure.code} "
            f"(étapes : {', '.join(e.code for e in procedure.etapes)})."
        ) from None
    anterieures = tuple(f for f in faites if f.jour <= nouvelle.jour)
    if len(anterieures) != len(faites):
        raise DonneeInvalide(
            f"{etape.libelle} au {nouvelle.jour.isoformat()} : des étapes sont déjà "
            "enregistrées à une date postérieure ; une étape s'enregistre dans l'ordre des dates."
        )
    situation_etape = etat(procedure, anterieures, nouvelle.jour, territoire, situation)
    if situation_etape.statut != "en_cours":
        raise DonneeInvalide(
            f"{etape.libelle} refusée : procédure {situation_etape.statut} — "
            f"{situation_etape.motif}"
        )
    courant = next(e for e in situation_etape.etapes if e.etape.code == etape.code)
    if _fait_tardif_d_un_tiers(courant):
        return  # a late declaration by the employer or the garnishee still happened
    if not courant.possible:
        raison = " ".join(courant.motifs) or f"déjà faite le {courant.faite_le}"
        raise DonneeInvalide(f"{etape.libelle} refusée le {nouvelle.jour.isoformat()} : {raison}")
    if etape.signifiee or etape.mesure_execution:
        nature = NatureActe.MESURE_EXECUTION if etape.mesure_execution else NatureActe.SIGNIFICATION
        moment = datetime.combine(nouvelle.jour, nouvelle.heure or MIDI)
        # Without an hour, noon: only the day (Sunday, holiday) is checked.
        empechements = [e for e in empechements_horaires(moment, territoire, nature) if e.certain]
        if empechements:
            raisons = " ; ".join(f"{e.motif} ({e.article})" for e in empechements)
            raise DonneeInvalide(f"{etape.libelle} refusée : {raisons}.")


__all__ = [
    "Borne",
    "EtapeFaite",
    "EtapePlan",
    "EtatEtape",
    "EtatProcedure",
    "etat",
    "plan",
    "verifier_etape",
]
