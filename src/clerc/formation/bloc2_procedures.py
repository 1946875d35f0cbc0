"""Bloc 2, the procedures: order their steps, compute their deadlines, choose the next act.

Three types of exercise, each graded against the procedure engine
(``clerc.rules.procedures``: the declarations, ``moteur.plan`` and ``moteur.etat``, whose dates
come from ``clerc.rules.delais``, CPC 640 to 644 in the file's calendar):

- ``ordonner_etapes``: the steps of a procedure shuffled, to put back in order; graded on the
  pairs the engine orders (a step that requires another, a delay counted from another);
- ``delais``: a procedure started on a given day in the file's territory: the first and last
  day of each step's window, to the day (the engine's plan);
- ``prochain_acte``: a procedure running on the file: which act or formality the office may do
  now, or none and why (a guard, a delay still running, a lapse...), from the engine's state.

A scenario here is a *variant* of a file (a procedure, a start day): several variants of the
same file may exist; each carries the file's trap (``piege``) when it matters to the type.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from clerc.formation.bloc2_etude import EtudeBloc2, ProcedureLue, etude_bloc2
from clerc.formation.notation import Notation, Point, noter
from clerc.formation.scenarios import Scenario
from clerc.formation.type_exercice import DEUX, UN, TypeExercice, codes_reponse, objet_reponse
from clerc.rules.calendrier import ALSACE_MOSELLE, est_jour_ouvrable, territoire
from clerc.rules.erreurs import DonneeInvalide, ErreurClerc
from clerc.rules.procedures.chargement import procedure as procedure_en_vigueur
from clerc.rules.procedures.chargement import procedures as procedures_declarees
from clerc.rules.procedures.gardes import GARDES
from clerc.rules.procedures.modele import MODES_SIGNIFICATION, Etape, Procedure
from clerc.rules.procedures.moteur import Borne, EtapePlan, EtatEtape, plan

HORIZON_JOURS = 90  # a procedure to start within this many days of the exercise's date
VARIANTES_PAR_DOSSIER = 6  # start days kept per file (deadlines), drawn from the seed
NATURES_DE_L_ETUDE = ("acte", "formalite")


def lire_date(valeur: object, nom: str) -> date:
    if not isinstance(valeur, str):
        raise DonneeInvalide(f"{nom} : date attendue au format AAAA-MM-JJ.")
    try:
        return date.fromisoformat(valeur.strip())
    except ValueError:
        raise DonneeInvalide(f"{nom} : date « {valeur} » illisible (AAAA-MM-JJ).") from None


def local(territoire_: str) -> bool:
    """Alsace-Moselle or overseas: a calendar of its own (C. trav. L3134-13; overseas days)."""
    t = territoire(territoire_)
    return t.code in ALSACE_MOSELLE or t.outre_mer


def procedures_du_dossier(s: Scenario, etude: EtudeBloc2) -> list[tuple[Procedure, date]]:
    """The procedures a file calls for at the exercise's date: those running on it (with their
    start day), else the measures the engine finds possible, to start today."""
    resultat: list[tuple[Procedure, date]] = []
    for p in etude.procedures.get(s.reference, ()):
        if p.statut_enregistre == "en_cours" and p.etat.statut == "en_cours":
            resultat.append((p.loi, p.demarree_le))
    if resultat:
        return resultat
    declarees = procedures_declarees()
    for mesure in s.fiche.mesures:
        if mesure.possible and mesure.procedure in declarees:
            try:
                resultat.append((procedure_en_vigueur(mesure.procedure, s.au), s.au))
            except ErreurClerc:
                continue
    return resultat


def _vue_procedure(loi: Procedure) -> dict[str, Any]:
    return {"code": loi.code, "libelle": loi.libelle, "version": loi.version}


def _sans_agenda(vue: dict[str, Any]) -> dict[str, Any]:
    """The file as given, without what the office's agenda computed (the answer of bloc 2)."""
    copie = dict(vue)
    copie["procedures"] = [
        {k: v for k, v in p.items() if k not in ("prochaine_etape", "date_limite")}
        for p in vue.get("procedures", [])
    ]
    return copie


# --- (a) ordonner les étapes --------------------------------------------------------------------


@dataclass(frozen=True)
class Contrainte:
    """``avant`` must come before ``apres``, and why (the engine's declaration)."""

    avant: Etape
    apres: Etape
    raison: str
    article: str


def contraintes(loi: Procedure, codes: Sequence[str]) -> list[Contrainte]:
    """The pairs of ``codes`` the declaration orders: a step required by another (requiert,
    requiert_un_de), a delay counted from another (au_plus_tot, au_plus_tard)."""
    presents = set(codes)
    vues: set[tuple[str, str]] = set()
    resultat: list[Contrainte] = []
    for code in codes:
        etape = loi.etape(code)
        candidates: list[tuple[str, str, str]] = []
        for requis in (*etape.requiert, *etape.requiert_un_de):
            libelle = loi.etape(requis).libelle
            candidates.append(
                (
                    requis,
                    f"« {etape.libelle} » suppose d'abord « {libelle} » (étape requise par la "
                    "procédure).",
                    ", ".join(etape.articles),
                )
            )
        for d in (*etape.au_plus_tot, *etape.au_plus_tard):
            libelle = loi.etape(d.depuis).libelle
            sens = "pas avant" if d in etape.au_plus_tot else "au plus tard"
            candidates.append(
                (
                    d.depuis,
                    f"« {etape.libelle} » : {sens} {d.duree} à compter de « {libelle} ».",
                    d.article,
                )
            )
        for avant, raison, article in candidates:
            if avant == code or avant not in presents or (avant, code) in vues:
                continue
            vues.add((avant, code))
            resultat.append(Contrainte(loi.etape(avant), etape, raison, article))
    return resultat


def ordre_du_moteur(loi: Procedure, codes: Sequence[str]) -> list[str]:
    """``codes`` in an order that keeps every constraint, ties by the declaration's order."""
    rang = {e.code: i for i, e in enumerate(loi.etapes)}
    liens = contraintes(loi, codes)
    restants = sorted(codes, key=lambda c: rang[c])
    ordre: list[str] = []
    while restants:
        pret = next(
            c for c in restants if not any(x.apres.code == c and x.avant.code in restants
                                           for x in liens)
        )  # fmt: skip
        ordre.append(pret)
        restants.remove(pret)
    return ordre


@dataclass(frozen=True)
class VarianteEtapes:
    scenario: Scenario
    loi: Procedure
    depuis: date
    codes: tuple[str, ...]  # the steps given, shuffled
    complete: bool  # every step, optional ones and the other parties' too

    @property
    def piege(self) -> str | None:
        return None

    @property
    def reference(self) -> str:
        return self.scenario.reference

    @cached_property
    def vue(self) -> dict[str, Any]:
        return {
            **_sans_agenda(self.scenario.vue),
            "procedure_a_ordonner": {
                **_vue_procedure(self.loi),
                "etapes": [
                    {
                        "code": c,
                        "libelle": self.loi.etape(c).libelle,
                        "nature": self.loi.etape(c).nature,
                        "optionnelle": self.loi.etape(c).optionnelle,
                    }
                    for c in self.codes
                ],
            },
        }


class OrdonnerEtapes(TypeExercice):
    code = "ordonner_etapes"
    libelle = "Ordonner les étapes d'une procédure"

    def scenarios(self, graine: int, au: date) -> Sequence[Any]:
        etude = etude_bloc2(graine, au)
        variantes: list[VarianteEtapes] = []
        for s in etude.scenarios:
            if not s.en_cours:
                continue
            for loi, depuis in procedures_du_dossier(s, etude)[:2]:
                etapes = plan(loi, depuis, s.examine.territoire)
                nominales = [e.etape.code for e in etapes if e.date_prevue is not None]
                toutes = [e.etape.code for e in etapes]
                for codes, complete in ((nominales, False), (toutes, True)):
                    if len(codes) < 3 or (complete and codes == nominales):
                        continue
                    melange = list(codes)
                    rng = random.Random(f"{graine}:{s.reference}:{loi.code}:{complete}")
                    while melange == ordre_du_moteur(loi, codes):
                        rng.shuffle(melange)
                    variantes.append(VarianteEtapes(s, loi, depuis, tuple(melange), complete))
        return variantes

    def eligible(self, s: Any) -> bool:
        return bool(contraintes(s.loi, s.codes))

    def niveaux(self, s: Any) -> frozenset[str]:
        if s.complete:
            return frozenset({"confirme"})
        return frozenset({"debutant"} if len(s.codes) <= 5 else {"intermediaire"})

    def consigne(self, s: Any) -> str:
        etendue = (
            "toutes ses étapes, y compris les étapes facultatives et celles des autres parties"
            if s.complete
            else "les étapes de son déroulement normal"
        )
        return (
            f"Dossier {s.reference} : la procédure « {s.loi.libelle} » (version {s.loi.version}) "
            f"démarre le {s.depuis.isoformat()}. Voici, dans le désordre, {etendue} "
            "(procedure_a_ordonner.etapes). Rangez leurs codes dans l'ordre où elles peuvent "
            "intervenir : une étape vient après celles qu'elle suppose faites et après celle "
            "dont court son délai."
        )

    def format_reponse(self, s: Any) -> dict[str, Any]:
        return {
            "champs": {"ordre": "liste de tous les codes des étapes, de la première à la dernière"},
            "valeurs_possibles": {"ordre": {c: s.loi.etape(c).libelle for c in s.codes}},
            "exemple": {"ordre": list(s.codes)},
        }

    def solution(self, s: Any) -> dict[str, Any]:
        return {"ordre": ordre_du_moteur(s.loi, s.codes)}

    def corriger(self, s: Any, reponse: object) -> Notation:
        donnees = objet_reponse(reponse, ("ordre",))
        fermes = {c: s.loi.etape(c).libelle for c in s.codes}
        ordre = codes_reponse(donnees["ordre"], "ordre", fermes)
        manquants = [c for c in s.codes if c not in ordre]
        if manquants:
            raise DonneeInvalide(
                f"ordre : toutes les étapes sont à ranger ; manquent {', '.join(manquants)}."
            )
        rang = {c: i for i, c in enumerate(ordre)}
        points = [
            Point(
                f"« {x.avant.code} » avant « {x.apres.code} »",
                UN,
                rang[x.avant.code] < rang[x.apres.code],
                f"{x.avant.code} puis {x.apres.code}",
                f"{x.apres.code} puis {x.avant.code}",
                x.raison,
                x.article,
            )
            for x in contraintes(s.loi, s.codes)
        ]
        return noter(points)


# --- (b) délais ---------------------------------------------------------------------------------


def _bornes(etapes: Sequence[EtapePlan]) -> list[tuple[str, str, Borne]]:
    """(step, "au_plus_tot" | "au_plus_tard", bound) for every bound of the plan."""
    resultat = []
    for e in etapes:
        if e.au_plus_tot is not None:
            resultat.append((e.etape.code, "au_plus_tot", e.au_plus_tot))
        if e.au_plus_tard is not None:
            resultat.append((e.etape.code, "au_plus_tard", e.au_plus_tard))
    return resultat


def _dates(etapes: Sequence[EtapePlan]) -> list[tuple[str, str, date]]:
    return [(c, b, borne.jour) for c, b, borne in _bornes(etapes)]


@dataclass(frozen=True)
class VarianteDelais:
    scenario: Scenario
    loi: Procedure
    depuis: date
    augmentation: int  # months for distance (CPC 643, 644), from where the debtors live
    motif_distance: str = ""
    pieges_calendrier: tuple[str, ...] = field(default=())

    @property
    def reference(self) -> str:
        return self.scenario.reference

    @property
    def territoire(self) -> str:
        return self.scenario.examine.territoire

    @property
    def piege(self) -> str | None:
        return self.scenario.piege if self.scenario.piege == "alsace_moselle" else None

    @cached_property
    def etapes(self) -> tuple[EtapePlan, ...]:
        return plan(self.loi, self.depuis, self.territoire, augmentation_distance=self.augmentation)

    @cached_property
    def vue(self) -> dict[str, Any]:
        return {
            **_sans_agenda(self.scenario.vue),
            "procedure_a_planifier": {
                **_vue_procedure(self.loi),
                "demarree_le": self.depuis.isoformat(),
                "territoire": self.territoire,
                "etapes": [
                    {"code": e.etape.code, "libelle": e.etape.libelle, "nature": e.etape.nature}
                    for e in self.etapes
                ],
            },
        }


def pieges_calendrier(v: VarianteDelais) -> tuple[str, ...]:
    """What makes the deadlines of this variant hard, each found by the engine itself: a
    deadline moved to the next working day (CPC 642 al. 2), the local calendar (the same plan
    in Paris gives other dates), the extension for distance (CPC 643, 644)."""
    pieges: list[str] = []
    bornes = _bornes(v.etapes)
    for _, _, borne in bornes:
        if "prorogé" in borne.motif:
            pieges.append("jour_ferie" if "férié" in borne.motif else "week_end")
    if local(v.territoire) and _dates(
        plan(v.loi, v.depuis, "75", augmentation_distance=v.augmentation)
    ) != _dates(v.etapes):
        pieges.append("calendrier_local")
    if v.augmentation and _dates(plan(v.loi, v.depuis, v.territoire)) != _dates(v.etapes):
        pieges.append("distance")
    return tuple(pieges)


class Delais(TypeExercice):
    code = "delais"
    libelle = "Calculer les délais d'une procédure"
    pieges_pertinents = frozenset({"alsace_moselle"})

    def scenarios(self, graine: int, au: date) -> Sequence[Any]:
        etude = etude_bloc2(graine, au)
        variantes: list[VarianteDelais] = []
        for s in etude.scenarios:
            if not s.en_cours:
                continue
            guards = etude.situations[s.reference]
            for loi, _ in procedures_du_dossier(s, etude)[:1]:
                jours = [
                    au + timedelta(days=n)
                    for n in range(HORIZON_JOURS)
                    if est_jour_ouvrable(au + timedelta(days=n), s.examine.territoire)
                ]
                rng = random.Random(f"{graine}:{s.reference}:delais")
                candidates = []
                for jour in jours:
                    try:
                        loi_du_jour = procedure_en_vigueur(loi.code, jour)
                    except ErreurClerc:
                        continue
                    v = VarianteDelais(
                        s, loi_du_jour, jour, guards.augmentation_distance, guards.motif_distance
                    )
                    if not _bornes(v.etapes):
                        break
                    candidates.append(
                        VarianteDelais(
                            s, loi_du_jour, jour, v.augmentation, v.motif_distance,
                            pieges_calendrier(v),
                        )
                    )  # fmt: skip
                # Keep a few of each kind: plain, one trap, several or local ones.
                par_sorte: dict[int, list[VarianteDelais]] = {}
                for v in candidates:
                    par_sorte.setdefault(min(len(v.pieges_calendrier), 2), []).append(v)
                for sorte in sorted(par_sorte):
                    liste = par_sorte[sorte]
                    variantes.extend(
                        rng.sample(liste, min(len(liste), VARIANTES_PAR_DOSSIER // 3 or 1))
                    )
        return variantes

    def eligible(self, s: Any) -> bool:
        return bool(_bornes(s.etapes))

    def niveaux(self, s: Any) -> frozenset[str]:
        pieges = s.pieges_calendrier
        if "calendrier_local" in pieges or "distance" in pieges or len(pieges) >= 2:
            return frozenset({"confirme"})
        if local(s.territoire) or s.augmentation:
            return frozenset({"intermediaire", "confirme"})
        return frozenset({"intermediaire"} if pieges else {"debutant"})

    def consigne(self, s: Any) -> str:
        distance = (
            f" Le délai de recours du débiteur est augmenté de {s.augmentation} mois pour la "
            f"distance ({s.motif_distance})."
            if s.augmentation
            else ""
        )
        return (
            f"Dossier {s.reference} (territoire {s.territoire}) : la procédure "
            f"« {s.loi.libelle} » est engagée le {s.depuis.isoformat()} (première étape). Chaque "
            "étape suivante est accomplie au premier jour où elle est permise, et les actes sont "
            "signifiés à personne." + distance + " Pour chaque étape demandée, donnez le premier "
            "jour où elle est permise (au_plus_tot) et/ou le dernier jour pour l'accomplir "
            "(au_plus_tard), en appliquant les articles 640 à 644 du code de procédure civile "
            "dans le calendrier du territoire."
        )

    def format_reponse(self, s: Any) -> dict[str, Any]:
        demandes: dict[str, dict[str, str]] = {}
        for code, borne, _ in _bornes(s.etapes):
            demandes.setdefault(code, {})[borne] = "AAAA-MM-JJ"
        return {
            "champs": {
                "delais": "pour chaque étape demandée, ses dates au_plus_tot et/ou au_plus_tard"
            },
            "valeurs_possibles": {"delais": demandes},
            "exemple": {"delais": demandes},
        }

    def solution(self, s: Any) -> dict[str, Any]:
        delais: dict[str, dict[str, str]] = {}
        for code, borne, b in _bornes(s.etapes):
            delais.setdefault(code, {})[borne] = b.jour.isoformat()
        return {"delais": delais}

    def corriger(self, s: Any, reponse: object) -> Notation:
        donnees = objet_reponse(reponse, ("delais",))
        demandes = self.solution(s)["delais"]
        donnes = donnees["delais"]
        if not isinstance(donnes, dict):
            raise DonneeInvalide("delais : objet attendu (voir format_reponse).")
        inconnues = sorted(str(c) for c in donnes if c not in demandes)
        if inconnues:
            raise DonneeInvalide(
                f"delais : étape(s) non demandée(s) {', '.join(inconnues)} (attendu : "
                f"{', '.join(demandes)})."
            )
        reserves = {e.etape.code: e.reserves for e in s.etapes}
        points = []
        for code, borne, b in _bornes(s.etapes):
            par_etape = donnes.get(code) or {}
            if not isinstance(par_etape, dict):
                raise DonneeInvalide(f"delais.{code} : objet attendu (voir format_reponse).")
            brut = par_etape.get(borne)
            donne = lire_date(brut, f"delais.{code}.{borne}") if brut is not None else None
            articles = [b.delai.article]
            if "prorogé" in b.motif:
                articles.append("CPC 642 al. 2")
            if b.augmentation_distance:
                articles.append("CPC 643, 644")
            explication = b.motif
            if borne == "au_plus_tot":
                explication = (
                    f"Le délai de {b.duree} doit être entièrement écoulé : l'étape est permise "
                    f"le lendemain de son expiration. {b.motif}"
                )
            if b.delai.sanction is not None and borne == "au_plus_tard":
                explication += f" Sanction : {b.delai.sanction.effet} ({b.delai.sanction.article})."
            if reserves.get(code):
                explication += " " + " ".join(reserves[code])
            points.append(
                Point(
                    f"{code}.{borne}",
                    DEUX if "prorogé" in b.motif or b.augmentation_distance else UN,
                    donne == b.jour,
                    b.jour.isoformat(),
                    donne.isoformat() if donne else "non donnée",
                    explication,
                    " ; ".join(articles),
                )
            )
        return noter(points)


# --- (c) prochain acte ----------------------------------------------------------------------

RAISONS: dict[str, str] = {
    "delai_en_cours": "Un délai doit d'abord s'écouler (donnez la date à partir de laquelle agir)",
    "attente_evenement": "On attend un fait d'une autre partie (déclaration, versement, "
    "décision...)",
    "procedure_caduque": "La procédure est caduque (délai manqué)",
    "procedure_terminee": "La procédure est terminée",
    **{f"garde_{code}": f"Condition non remplie : {g.libelle}" for code, g in GARDES.items()},
}


def _de_l_etude(e: EtatEtape) -> bool:
    return e.etape.nature in NATURES_DE_L_ETUDE and not e.etape.optionnelle and not e.etape.finale


@dataclass(frozen=True)
class VarianteProchain:
    scenario: Scenario
    procedure: ProcedureLue
    etude: EtudeBloc2 = field(compare=False, repr=False)

    @property
    def reference(self) -> str:
        return self.scenario.reference

    @property
    def piege(self) -> str | None:
        return self.scenario.piege

    @cached_property
    def attendues(self) -> list[EtatEtape]:
        return [e for e in self.procedure.etat.possibles if _de_l_etude(e)]

    @cached_property
    def raison(self) -> tuple[str, str, str, date | None] | None:
        """Why no act can be done now: (code, explanation, article, date to wait for)."""
        if self.attendues:
            return None
        etat_ = self.procedure.etat
        if etat_.statut == "caduque":
            return "procedure_caduque", etat_.motif, _article(etat_.motif), None
        if etat_.statut == "terminee":
            return "procedure_terminee", etat_.motif, "", None
        situation = self.etude.situations[self.reference]
        restantes = [e for e in etat_.etapes if _de_l_etude(e)]
        for e in restantes:
            if e.statut != "bloquee":
                continue
            for code in e.etape.gardes:
                motif = GARDES[code].verifier(situation, self.scenario.au)
                if motif is not None:
                    return f"garde_{code}", f"{e.etape.libelle} : {motif}", _article(motif), None
        attente = [e for e in restantes if e.statut == "pas_encore" and e.au_plus_tot]
        if attente:
            premiere = min(attente, key=lambda e: e.au_plus_tot.jour if e.au_plus_tot else date.max)
            assert premiere.au_plus_tot is not None
            return (
                "delai_en_cours",
                " ".join(premiere.motifs) + " " + premiere.au_plus_tot.motif,
                premiere.au_plus_tot.delai.article,
                premiere.au_plus_tot.jour,
            )
        evenements = [
            e.etape.libelle for e in etat_.etapes if e.possible and e.etape.nature == "evenement"
        ]
        return (
            "attente_evenement",
            "Aucun acte de l'étude n'est ouvert : on attend "
            + (" ou ".join(evenements).lower() if evenements else "un fait d'une autre partie")
            + ".",
            ", ".join(self.procedure.loi.articles),
            None,
        )

    @cached_property
    def vue(self) -> dict[str, Any]:
        loi = self.procedure.loi
        return {
            **_sans_agenda(self.scenario.vue),
            "procedure_a_conduire": {
                **_vue_procedure(loi),
                "demarree_le": self.procedure.demarree_le.isoformat(),
                "etapes_faites": [
                    {
                        "code": f.code,
                        "libelle": loi.etape(f.code).libelle,
                        "date": f.jour.isoformat(),
                        "mode": MODES_SIGNIFICATION.get(f.mode, f.mode) if f.mode else None,
                    }
                    for f in self.procedure.faites
                ],
                "etapes": {e.code: e.libelle for e in loi.etapes},
            },
        }


def _article(motif: str) -> str:
    """The article a message of the engine ends with: "... (CPCE L412-6)." -> "CPCE L412-6"."""
    texte = motif.rstrip(". ")
    if texte.endswith(")") and "(" in texte:
        return texte[texte.rindex("(") + 1 : -1]
    return ""


class ProchainActe(TypeExercice):
    code = "prochain_acte"
    libelle = "Choisir le prochain acte d'une procédure en cours"
    pieges_pertinents = frozenset(
        {"surendettement", "liquidation_judiciaire", "treve_hivernale", "debiteur_decede",
         "jugement_non_signifie", "alsace_moselle"}
    )  # fmt: skip

    def scenarios(self, graine: int, au: date) -> Sequence[Any]:
        etude = etude_bloc2(graine, au)
        variantes: dict[tuple[Any, ...], VarianteProchain] = {}
        for s in etude.scenarios:
            if not s.en_cours:
                continue
            for p in etude.procedures.get(s.reference, ()):
                if p.statut_enregistre in ("en_cours", "caduque") and p.faites:
                    # The same procedure recorded twice with the same steps: one exercise.
                    cle = (s.reference, p.code, p.demarree_le, p.faites)
                    variantes.setdefault(cle, VarianteProchain(s, p, etude))
        return list(variantes.values())

    def eligible(self, s: Any) -> bool:
        return True

    def niveaux(self, s: Any) -> frozenset[str]:
        raison = s.raison[0] if s.raison else None
        piege = s.piege if s.piege in self.pieges_pertinents else None
        if local(s.scenario.examine.territoire) or raison in ("procedure_caduque",):
            return frozenset({"confirme"})
        if raison is not None and raison.startswith("garde_"):
            return frozenset({"intermediaire", "confirme"})
        if raison is not None or len(s.attendues) > 1 or piege is not None:
            return frozenset({"intermediaire"})
        return frozenset({"debutant"})

    def consigne(self, s: Any) -> str:
        return (
            f"Au {s.scenario.au.isoformat()}, dans le dossier {s.reference}, la procédure "
            f"« {s.procedure.loi.libelle} » est en cours (procedure_a_conduire : étapes faites, "
            "dates et modes de signification). Quel(s) acte(s) ou formalité(s) de l'étude "
            "accomplir maintenant (étapes non facultatives) ? S'il n'y en a aucun, laissez la "
            "liste vide et donnez la raison ; si c'est un délai qui court, la date à partir de "
            "laquelle agir."
        )

    def format_reponse(self, s: Any) -> dict[str, Any]:
        return {
            "champs": {
                "etapes": "codes des étapes à accomplir maintenant (liste vide s'il n'y en a pas)",
                "raison": "si aucune étape : code de la raison, sinon null",
                "date": "si la raison est delai_en_cours : AAAA-MM-JJ, sinon null",
            },
            "valeurs_possibles": {
                "etapes": {e.code: e.libelle for e in s.procedure.loi.etapes},
                "raison": dict(RAISONS),
            },
            "exemple": {"etapes": [], "raison": "delai_en_cours", "date": "2026-12-29"},
        }

    def solution(self, s: Any) -> dict[str, Any]:
        raison = s.raison
        return {
            "etapes": [e.etape.code for e in s.attendues],
            "raison": raison[0] if raison else None,
            "date": raison[3].isoformat() if raison and raison[3] else None,
        }

    def corriger(self, s: Any, reponse: object) -> Notation:
        donnees = objet_reponse(reponse, ("etapes", "raison", "date"))
        loi = s.procedure.loi
        etapes = codes_reponse(donnees["etapes"], "etapes", {e.code: e.libelle for e in loi.etapes})
        raison_donnee = donnees["raison"]
        if raison_donnee is not None and raison_donnee not in RAISONS:
            raise DonneeInvalide(
                f"raison : code « {raison_donnee} » inconnu (valeurs possibles : "
                f"{', '.join(RAISONS)})."
            )
        jour = lire_date(donnees["date"], "date") if donnees["date"] is not None else None
        etats = {e.etape.code: e for e in s.procedure.etat.etapes}
        attendues = {e.etape.code: e for e in s.attendues}
        points: list[Point] = []
        for code, e in attendues.items():
            delai = e.au_plus_tard
            explication = f"{e.etape.libelle} : possible au {s.scenario.au.isoformat()}" + (
                f", au plus tard le {delai.jour.isoformat()} ({delai.motif})" if delai else ""
            )
            points.append(
                Point(
                    f"étape « {code} »",
                    DEUX,
                    code in etapes,
                    "à accomplir",
                    "choisie" if code in etapes else "omise",
                    explication + " " + " ".join(e.motifs),
                    ", ".join(e.etape.articles),
                )
            )
        for code in etapes:
            if code in attendues:
                continue
            e = etats[code]
            pourquoi = " ".join(e.motifs) or {
                "faite": f"déjà faite le {e.faite_le.isoformat() if e.faite_le else ''}.",
                "possible": "possible, mais facultative, finale ou faite par une autre partie.",
            }.get(e.statut, e.statut)
            points.append(
                Point(
                    f"étape « {code} »",
                    UN,
                    False,
                    "pas maintenant",
                    "choisie",
                    f"{e.etape.libelle} ({e.statut}) : {pourquoi}",
                    ", ".join(e.etape.articles),
                )
            )
        if s.raison is not None:
            code, explication, article, attendue = s.raison
            points.append(
                Point("raison", DEUX, raison_donnee == code, code, str(raison_donnee),
                      explication, article)
            )  # fmt: skip
            if attendue is not None:
                points.append(
                    Point(
                        "date",
                        UN,
                        jour == attendue,
                        attendue.isoformat(),
                        jour.isoformat() if jour else "non donnée",
                        explication,
                        article,
                    )
                )
        return noter(points)


TYPES_PROCEDURES: dict[str, TypeExercice] = {
    t.code: t for t in (OrdonnerEtapes(), Delais(), ProchainActe())
}

__all__ = [
    "RAISONS",
    "TYPES_PROCEDURES",
    "Delais",
    "OrdonnerEtapes",
    "ProchainActe",
    "contraintes",
    "lire_date",
    "local",
    "ordre_du_moteur",
    "procedures_du_dossier",
]
