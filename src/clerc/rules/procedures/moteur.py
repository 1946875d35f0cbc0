"""The interpreter of the procedure tables: plan, state at a date, check of a step.

Dates of delays come from ``clerc.rules.delais`` (CPC 640-642) in the file's territory, on the
safe side for the office when a holiday is uncertain (Good Friday in Alsace-Moselle...):

- ``au_plus_tot`` (a delay that must have run before acting: "à l'expiration d'un délai de
  huit jours"): the step is possible the day after the *latest* possible expiry;
- ``au_plus_tard`` (the office must act within the delay): the *earliest* possible expiry.

A step is due when what it requires is done; missing its own deadline with a fatal sanction
(caducité, péremption, non-avenu) ends the procedure (``statut`` "caduque"). A deadline that
binds the other side (the debtor's month to contest) only closes the event it governs.

Two declared conditions change a delay:

- ``si_mode``: the delay runs only when its starting step was served in one of these modes (CPC
  1416: the opposition month runs from a service à personne). Otherwise the step has no such
  deadline and its reasons say, in French, what applies instead. A mode the office did not
  record is read on the safe side: a delay the office waits for (``au_plus_tot``) or must meet
  (``au_plus_tard`` tenu par l'étude) applies; a delay running against the other side does not
  (the office does not hold the debtor out of time on a fact it does not know). The plan, which
  records no service, assumes the mode the delay asks for and says so in ``reserves``.
- ``distance``: the delay is increased by ``Situation.augmentation_distance`` months (CPC 643,
  644), counted before the days (CPC 641 al. 3); the plan counts none unless asked, and says so.

Nothing here reads a database: the office passes what was done.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from clerc.rules.delais import (
    AugmentationDistance,
    DelaiCalcule,
    NatureActe,
    delai,
    empechements_horaires,
)
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.gardes import GARDES, Situation, verifier_augmentation_distance
from clerc.rules.procedures.modele import MODES_SIGNIFICATION, Delai, Etape, Procedure, Sanction

ARTICLE_DISTANCE = "CPC 643, 644"
MOTIFS_DISTANCE = {
    1: "débiteur demeurant outre-mer, ou hors de la collectivité d'outre-mer où siège la "
    "juridiction",
    2: "débiteur demeurant à l'étranger",
}

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
    augmentation_distance: int = 0  # months added for distance (CPC 643, 644)

    @property
    def duree(self) -> str:
        """The delay as counted: "1 mois", "1 mois augmenté de 2 mois (CPC 643, 644)"."""
        if not self.augmentation_distance:
            return self.delai.duree
        return (
            f"{self.delai.duree} augmenté de {self.augmentation_distance} mois ({ARTICLE_DISTANCE})"
        )

    def en_dict(self) -> dict[str, Any]:
        donnees: dict[str, Any] = {
            "date": self.jour.isoformat(),
            "depuis": self.delai.depuis,
            "duree": self.delai.duree,
            "article": self.delai.article,
            "motif": self.motif,
        }
        if self.augmentation_distance:
            donnees["augmentation_distance"] = self.augmentation_distance
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


def _modes(faites: tuple[EtapeFaite, ...]) -> dict[str, str | None]:
    """Mode of service of the last occurrence of each step done (None: not recorded)."""
    modes: dict[str, str | None] = {}
    for faite in sorted(faites, key=lambda f: f.jour):
        modes[faite.code] = faite.mode
    return modes


@dataclass(frozen=True, eq=False)
class _Contexte:
    """What the delays of a procedure are computed from."""

    procedure: Procedure
    dates: Mapping[str, date]
    territoire: str
    modes: Mapping[str, str | None] | None = None  # None: the plan, no service recorded
    augmentation: AugmentationDistance | None = None  # CPC 643, 644, for ``distance`` delays


def _augmentation(mois: int, motif: str = "") -> AugmentationDistance | None:
    if not mois:
        return None
    return AugmentationDistance(mois, ARTICLE_DISTANCE, motif or MOTIFS_DISTANCE[mois])


def _applicable(ctx: _Contexte, d: Delai, attente: bool) -> bool:
    """Whether delay ``d`` runs given the mode of its starting step (``attente``: a delay that
    must have run before acting). The plan assumes the mode the delay asks for; an unrecorded
    mode applies the delay when that is the office's safe side (see the module doc)."""
    if not d.si_mode or ctx.modes is None:
        return True
    mode = ctx.modes.get(d.depuis)
    if mode is None:
        return attente or d.tenu_par == "etude"
    return mode in d.si_mode


def _calcul(ctx: _Contexte, d: Delai, depart: date) -> DelaiCalcule:
    augmentation = ctx.augmentation if d.distance else None
    return delai(depart, d.duree, ctx.territoire, augmentation=augmentation)


def _borne(d: Delai, jour: date, calcul: DelaiCalcule) -> Borne:
    mois = calcul.augmentation.mois if calcul.augmentation else 0
    return Borne(jour, d, calcul.motif, mois)


def _depart(ctx: _Contexte, d: Delai, tard: bool) -> date | None:
    """Where delay ``d`` starts: the date of its step, or (``depuis_fin``) the expiry of that
    step's own deadline, on the safe side (``tard``: the latest possible expiry). The expiry of
    a deadline declared ``si_mode`` is counted whatever the mode (CPC 1422: "quelles que soient
    les modalités de la signification"), with its extension for distance."""
    if d.depuis_fin:
        reference = ctx.procedure.etape(d.depuis)
        fins = [
            (calcul.au_plus_tard if tard else calcul.au_plus_tot)
            for r in reference.au_plus_tard
            if (depart := _depart(ctx, r, tard)) is not None
            for calcul in (_calcul(ctx, r, depart),)
        ]
        return (max(fins) if tard else min(fins)) if fins else None
    return ctx.dates.get(d.depuis)


def _au_plus_tot(ctx: _Contexte, etape: Etape) -> Borne | None:
    borne: Borne | None = None
    for d in etape.au_plus_tot:
        depart = _depart(ctx, d, tard=True)
        if depart is None or not _applicable(ctx, d, attente=True):
            continue
        calcul = _calcul(ctx, d, depart)
        jour = calcul.au_plus_tard + timedelta(days=1)  # the delay has fully run
        if borne is None or jour > borne.jour:
            borne = _borne(d, jour, calcul)
    return borne


def _au_plus_tard(ctx: _Contexte, etape: Etape) -> Borne | None:
    borne: Borne | None = None
    for d in etape.au_plus_tard:
        depart = _depart(ctx, d, tard=False)
        if depart is None or not _applicable(ctx, d, attente=False):
            continue
        calcul = _calcul(ctx, d, depart)
        if borne is None or calcul.au_plus_tot < borne.jour:
            borne = _borne(d, calcul.au_plus_tot, calcul)
    return borne


def _enumerer_modes(modes: tuple[str, ...]) -> str:
    return " ou ".join(MODES_SIGNIFICATION[m] for m in modes)


def _sinon(d: Delai) -> str:
    return d.sinon or f"le délai de {d.duree} ({d.article}) ne court pas"


def _hors_mode(ctx: _Contexte, etape: Etape) -> list[str]:
    """Why a delay declared ``si_mode`` does not run: the starting step was served otherwise
    (or its mode is unknown and the safe side leaves the delay out)."""
    motifs: list[str] = []
    for attente, delais in ((True, etape.au_plus_tot), (False, etape.au_plus_tard)):
        for d in delais:
            if not d.si_mode or d.depuis not in ctx.dates or _applicable(ctx, d, attente):
                continue
            assert ctx.modes is not None
            libelle = ctx.procedure.etape(d.depuis).libelle
            mode = ctx.modes.get(d.depuis)
            constat = (
                f"{MODES_SIGNIFICATION.get(mode, mode)}, et non {_enumerer_modes(d.si_mode)}"
                if mode is not None
                else "mode de signification non renseigné : par prudence, clerc ne retient pas "
                f"une signification {_enumerer_modes(d.si_mode)}"
            )
            motif = f"{libelle} ({constat}) : {_sinon(d)}"
            motif = motif if motif.endswith(".") else f"{motif}."
            if motif not in motifs:
                motifs.append(motif)
    return motifs


def _reserves(ctx: _Contexte, etape: Etape, augmentation: int) -> tuple[str, ...]:
    """What the plan assumed (a service à personne; no extension for distance)."""
    reserves: list[str] = []
    for d in (*etape.au_plus_tot, *etape.au_plus_tard):
        if d.si_mode and d.depuis in ctx.dates:
            reserve = (
                f"Date calculée pour une signification {_enumerer_modes(d.si_mode)} "
                f"({ctx.procedure.etape(d.depuis).libelle.lower()}) ; sinon, {_sinon(d)}."
            )
            if reserve not in reserves:
                reserves.append(reserve)
    if augmentation == 0 and any(d.distance for d in (*etape.au_plus_tot, *etape.au_plus_tard)):
        reserves.append(
            "Sans augmentation pour la distance : un mois de plus si le débiteur demeure "
            "outre-mer (ou, devant une juridiction d'outre-mer, hors de sa collectivité), deux "
            "mois s'il demeure à l'étranger (CPC 643, 644)."
        )
    return tuple(reserves)


def _requis_manquants(etape: Etape, procedure: Procedure, dates: Mapping[str, date]) -> list[str]:
    manquants = [procedure.etape(c).libelle for c in etape.requiert if c not in dates]
    if etape.requiert_un_de and not any(c in dates for c in etape.requiert_un_de):
        manquants.append(" ou ".join(procedure.etape(c).libelle for c in etape.requiert_un_de))
    return manquants


def _exclue_par(etape: Etape, procedure: Procedure, dates: Mapping[str, date]) -> Etape | None:
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
    # What the dates assume (a service à personne, no extension for distance), in French.
    reserves: tuple[str, ...] = ()

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
            "reserves": list(self.reserves),
        }


def plan(
    procedure: Procedure,
    depuis: date,
    territoire: str = "75",
    *,
    augmentation_distance: int = 0,
) -> tuple[EtapePlan, ...]:
    """The steps of ``procedure`` when its first step is done on ``depuis`` and every later
    step on its earliest date: when each may be done (``au_plus_tot``) and by when
    (``au_plus_tard``). Optional steps and other parties' events keep their window, undated.
    Services are assumed made in the mode a delay asks for (à personne), and delays for
    distance increased by ``augmentation_distance`` months (CPC 643, 644; none by default):
    each step's ``reserves`` say so."""
    verifier_augmentation_distance(augmentation_distance)
    dates: dict[str, date] = {}
    ctx = _Contexte(procedure, dates, territoire, augmentation=_augmentation(augmentation_distance))
    resultat = []
    for rang, etape in enumerate(procedure.etapes):
        if _exclue_par(etape, procedure, dates) is not None:
            continue
        tot = _au_plus_tot(ctx, etape)
        tard = _au_plus_tard(ctx, etape)
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
        reserves = _reserves(ctx, etape, augmentation_distance)
        resultat.append(EtapePlan(etape, prevue, tot, tard, reserves))
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


def _etat_etape(ctx: _Contexte, etape: Etape, au: date, situation: Situation) -> EtatEtape:
    procedure, dates = ctx.procedure, ctx.dates
    tot = _au_plus_tot(ctx, etape)
    tard = _au_plus_tard(ctx, etape)
    if etape.repetable and tard is not None and etape.code in dates:
        # A repeated step meets its deadline by being done again after the delay started
        # (a distribution after the last payment received: R212-1-23).
        depart = _depart(ctx, tard.delai, tard=False)
        if depart is not None and dates[etape.code] >= depart:
            tard = None

    # A delay left out for the mode of service: what applies instead (CPC 1416 al. 2).
    hors_mode = tuple(_hors_mode(ctx, etape))

    def etat(statut: str, *motifs: str, faite_le: date | None = None) -> EtatEtape:
        if statut in ("possible", "pas_encore", "expiree", "manquee"):
            motifs = (*motifs, *hors_mode)
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
                f"Délai expiré le {tard.jour.isoformat()} ({tard.duree}, {tard.delai.article}).",
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
            f"Pas avant le {tot.jour.isoformat()} : {tot.duree} à compter de "
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
    jusqu_au = tuple(f for f in faites if f.jour <= au)
    dates = _dates(jusqu_au)
    ctx = _Contexte(
        procedure,
        dates,
        territoire,
        modes=_modes(jusqu_au),
        augmentation=_augmentation(situation.augmentation_distance, situation.motif_distance),
    )
    etats = tuple(_etat_etape(ctx, e, au, situation) for e in procedure.etapes)
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
