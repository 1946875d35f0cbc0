"""Bloc 4: the dashboard of an office as plain values, and the bottlenecks it shows.

What :mod:`clerc.formation.bloc4_etude` reads with the office's services (``tableau_de_bord``,
``agenda``, ``resume_agenda``, ``fonds_detenus``, the engine's step windows) is kept here as
plain values (:class:`Bureau`); :func:`goulets_detectes` says which bottlenecks that output
shows, the ground truth of bloc 4, and :func:`vue_bureau` what the trainee is given.

Thresholds that are management conventions, not law (no text fixes them): a fatal deadline
is *imminent* within three days; a clerc is *overloaded* above 1.5 times the median of the
others (and five files more); a step is *slow* when it uses on average three quarters of its
legal window (a fatal one, of one week to one month) over at least three occurrences of the
last twelve months.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from clerc.office.services.agenda import ElementAgenda
from clerc.office.services.paiements import AlerteFonds
from clerc.office.services.tableau_de_bord import TableauDeBord
from clerc.rules.monnaie import en_texte
from clerc.rules.procedures.modele import SANCTIONS_FATALES

JOURS_IMMINENT = 3  # a fatal deadline within three days is imminent (convention)
SURCHARGE_RAPPORT = Decimal("1.5")  # files in progress against the others' median (convention)
SURCHARGE_ECART = 5  # ... and at least five files more
LENTEUR_PART = Decimal("0.75")  # share of the legal window used on average (convention)
LENTEUR_OCCURRENCES = 3
FENETRE_COURTE_JOURS = 31  # short fatal windows: one month at most...
FENETRE_MIN_JOURS = 7  # ... and a week at least (a one-day registration is not a "step")

ARTICLE_FONDS = "C. com. R444-56"
ARTICLE_PREPOSES = "C. civ. 1242 al. 5"

GOULETS: dict[str, str] = {
    "fonds_non_reverses": "Fonds de tiers détenus au-delà du délai de reversement (C. com. "
    "R444-56)",
    "caducite_encourue": "Procédure caduque ou périmée : délai fatal de l'étude déjà dépassé",
    "delai_fatal_imminent": f"Délai fatal de l'étude qui expire dans les {JOURS_IMMINENT} jours",
    "clerc_surcharge": "Clerc surchargé : bien plus de dossiers en cours que les autres",
    "etape_lente": "Étape lente : un acte à délai fatal court fait en fin de délai, en "
    "moyenne sur l'année",
}
GOULETS_EVIDENTS = ("fonds_non_reverses", "caducite_encourue", "clerc_surcharge")
# Gravity, for the bottleneck an improvement must address first.
ORDRE_GRAVITE = (
    "caducite_encourue",
    "delai_fatal_imminent",
    "fonds_non_reverses",
    "etape_lente",
    "clerc_surcharge",
)
LEURRE_ACOMPTE = "acompte_dans_le_delai"


# --- plain values read from the services ---------------------------------------------------


@dataclass(frozen=True)
class DelaiEtape:
    """One step of the office over the last twelve months: how long after the step that starts
    its legal window it was done (the engine's windows, CPC 640-642 included)."""

    procedure: str
    etape: str
    libelle: str
    depuis: str  # libellé of the step that starts the window
    duree: str  # the legal delay as declared ("8 jours")
    article: str
    sanction: str | None
    effet: str | None
    fatale: bool
    occurrences: tuple[tuple[str, int, int], ...]  # (file, days used, days of the window)

    @property
    def code(self) -> str:
        return f"{self.procedure}.{self.etape}"

    @property
    def nombre(self) -> int:
        return len(self.occurrences)

    @property
    def moyenne_jours(self) -> Decimal:
        return (Decimal(sum(o[1] for o in self.occurrences)) / self.nombre).quantize(
            Decimal("0.1"), ROUND_HALF_UP
        )

    @property
    def max_jours(self) -> int:
        return max(o[1] for o in self.occurrences)

    @property
    def part_moyenne(self) -> Decimal:
        """Mean share of the window used (0 to 1; above 1: done late)."""
        parts = [Decimal(u) / Decimal(max(w, 1)) for _, u, w in self.occurrences]
        return (sum(parts, Decimal(0)) / len(parts)).quantize(Decimal("0.01"), ROUND_HALF_UP)

    @property
    def courte_et_fatale(self) -> bool:
        fenetres = [w for _, _, w in self.occurrences]
        return self.fatale and FENETRE_MIN_JOURS <= min(fenetres) <= max(fenetres) <= (
            FENETRE_COURTE_JOURS
        )


@dataclass(frozen=True)
class Goulet:
    """A bottleneck as the services show it: its code, what it concerns (files, a clerc, a
    step), the figure measured, and the rule with its article."""

    code: str
    concernes: tuple[str, ...]
    chiffres: tuple[str, ...]  # figures of the dashboard that measure it, as printed
    explication: str
    article: str


@dataclass(frozen=True)
class Leurre:
    """A figure that looks like a bottleneck and is within the rule."""

    code: str  # the bottleneck it looks like
    concerne: str
    explication: str
    article: str


@dataclass(frozen=True)
class Bureau:
    """The office of a seed, a date and a level, with its bottlenecks planted (module doc)."""

    graine: int
    au: date
    niveau: str
    plan: tuple[str, ...]  # bottlenecks planted
    tableau: TableauDeBord
    resume: dict[str, int]
    elements: tuple[ElementAgenda, ...]  # the agenda, in the engine's order of legal risk
    fonds: tuple[AlerteFonds, ...]
    delais: tuple[DelaiEtape, ...]
    goulets: dict[str, Goulet]  # what the services flag (the ground truth)
    leurres: tuple[Leurre, ...]
    vue: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def piege(self) -> str:
        return "+".join(self.plan)


def _jours(n: int) -> str:
    return f"{n} jour{'s' if abs(n) > 1 else ''}"


def _mediane(valeurs: list[int]) -> Decimal:
    return Decimal(str(statistics.median(valeurs))) if valeurs else Decimal(0)


def goulets_detectes(
    au: date,
    tableau: TableauDeBord,
    elements: tuple[ElementAgenda, ...],
    fonds: tuple[AlerteFonds, ...],
    delais: tuple[DelaiEtape, ...],
) -> dict[str, Goulet]:
    """The bottlenecks the services' output shows (the ground truth of bloc 4)."""
    goulets: dict[str, Goulet] = {}
    en_retard = [a for a in fonds if a.fonds.en_retard(au)]
    if en_retard:
        goulets["fonds_non_reverses"] = Goulet(
            "fonds_non_reverses",
            tuple(sorted({a.reference for a in en_retard})),
            tuple(
                x
                for a in en_retard
                for x in (en_texte(a.fonds.restant), str(a.fonds.jours_de_detention(au)))
            ),
            " ; ".join(
                f"{a.message}, détenus depuis {_jours(a.fonds.jours_de_detention(au))}"
                for a in en_retard
            )
            + ". Toute somme encaissée pour un créancier lui est reversée dans ce délai.",
            ARTICLE_FONDS,
        )
    caducs = [e for e in elements if e.categorie == "en_retard" and e.sanction in SANCTIONS_FATALES]
    if caducs:
        goulets["caducite_encourue"] = Goulet(
            "caducite_encourue",
            tuple(sorted({e.dossier for e in caducs})),
            tuple(x for e in caducs for x in (e.dossier, _iso(e.date_limite))),
            " ; ".join(
                f"{e.dossier} : {e.libelle} (délai expiré le {_iso(e.date_limite)}"
                f"{' : ' + e.effet if e.effet else ''})"
                for e in caducs
            ),
            "; ".join(dict.fromkeys(e.article for e in caducs)),
        )
    proches = [
        e
        for e in elements
        if e.categorie in ("aujourd_hui", "semaine")
        and e.tenu_par == "etude"
        and e.sanction in SANCTIONS_FATALES
        and e.date_limite is not None
        and (e.date_limite - au).days <= JOURS_IMMINENT
    ]
    if proches:
        goulets["delai_fatal_imminent"] = Goulet(
            "delai_fatal_imminent",
            tuple(sorted({e.dossier for e in proches})),
            tuple(x for e in proches for x in (e.dossier, _iso(e.date_limite), str(_reste(e, au)))),
            " ; ".join(
                f"{e.dossier} : {e.libelle} au plus tard le {_iso(e.date_limite)}, dans "
                f"{_jours(_reste(e, au))}, sinon {e.effet}"
                for e in proches
            ),
            "; ".join(dict.fromkeys(e.article for e in proches)),
        )
    par_clerc = [(c, n) for c, n in tableau.dossiers_par_clerc if c != "(non attribué)"]
    for clerc, nombre in par_clerc:
        autres = [n for c, n in par_clerc if c != clerc]
        mediane = _mediane(autres)
        if autres and nombre >= SURCHARGE_RAPPORT * mediane and nombre - mediane >= SURCHARGE_ECART:
            echeances_clerc = sum(1 for e in elements if e.clerc == clerc)
            goulets["clerc_surcharge"] = Goulet(
                "clerc_surcharge",
                (clerc,),
                (str(nombre), _texte_nombre(mediane)),
                f"{clerc} a {nombre} dossiers en cours, contre {_texte_nombre(mediane)} en "
                f"médiane pour les autres clercs, et {echeances_clerc} des {len(elements)} "
                "échéances de l'agenda : ses délais de procédure sont les plus exposés, et "
                "l'étude répond des fautes de ses clercs.",
                ARTICLE_PREPOSES,
            )
            break
    lentes = [
        d
        for d in delais
        if d.courte_et_fatale and d.nombre >= LENTEUR_OCCURRENCES and d.part_moyenne >= LENTEUR_PART
    ]
    if lentes:
        goulets["etape_lente"] = Goulet(
            "etape_lente",
            tuple(d.code for d in lentes),
            tuple(x for d in lentes for x in (_texte_nombre(d.moyenne_jours), str(d.max_jours))),
            " ; ".join(
                f"{d.libelle} : faite en moyenne {_texte_nombre(d.moyenne_jours)} jours (au plus "
                f"{d.max_jours}) après : {d.depuis.lower()}, pour un délai de {d.duree} "
                f"({d.article}) : {int(d.part_moyenne * 100)} % du délai consommé sur "
                f"{d.nombre} actes ; au moindre incident, {d.effet}"
                for d in lentes
            ),
            "; ".join(dict.fromkeys(d.article for d in lentes)),
        )
    return goulets


def _iso(jour: date | None) -> str:
    return jour.isoformat() if jour else ""


def _reste(e: ElementAgenda, au: date) -> int:
    assert e.date_limite is not None
    return (e.date_limite - au).days


def _texte_nombre(valeur: Decimal) -> str:
    """7.5 -> "7,5"; 9.0 -> "9"."""
    normal = valeur.normalize()
    texte = f"{normal:f}"
    return texte.replace(".", ",")


def leurres_du_bureau(au: date, fonds: tuple[AlerteFonds, ...], delais: tuple[DelaiEtape, ...],
             elements: tuple[ElementAgenda, ...]) -> tuple[Leurre, ...]:  # fmt: skip
    """Figures that look like a bottleneck and are within the rule (explained if cited)."""
    leurres: list[Leurre] = []
    for a in fonds:
        if not a.fonds.en_retard(au) and a.fonds.jours_de_detention(au) >= 21:
            leurres.append(
                Leurre(
                    "fonds_non_reverses",
                    a.reference,
                    f"{a.message} : détenus depuis {_jours(a.fonds.jours_de_detention(au))}, "
                    "mais encore dans le délai.",
                    ARTICLE_FONDS,
                )
            )
    for e in elements:
        if (
            e.sanction in SANCTIONS_FATALES
            and e.categorie in ("aujourd_hui", "semaine")
            and e.date_limite is not None
            and (e.date_limite - au).days > JOURS_IMMINENT
        ):
            leurres.append(
                Leurre(
                    "delai_fatal_imminent",
                    e.dossier,
                    f"{e.dossier} : {e.libelle} au plus tard le {_iso(e.date_limite)}, dans "
                    f"{_jours(_reste(e, au))} : l'acte suit le cours normal de la procédure, "
                    "le délai n'est pas encore critique.",
                    e.article,
                )
            )
    for d in delais:
        if not d.courte_et_fatale or d.part_moyenne < LENTEUR_PART:
            leurres.append(
                Leurre(
                    "etape_lente",
                    d.code,
                    f"{d.libelle} : en moyenne {_texte_nombre(d.moyenne_jours)} jours après : "
                    f"{d.depuis.lower()}, pour un délai de {d.duree} ({d.article}) : "
                    f"{int(d.part_moyenne * 100)} % du délai"
                    + (
                        "."
                        if d.courte_et_fatale
                        else ", un délai long ou sans sanction fatale : pas un goulet."
                    ),
                    d.article,
                )
            )
    return tuple(leurres)


def vue_bureau(b: Bureau) -> dict[str, Any]:
    """What the trainee gets: the dashboard's figures and lists, without the flags that give
    the answer (lateness of funds, sanctions and categories of the agenda)."""
    t = b.tableau
    return {
        "au": b.au.isoformat(),
        "activite": {
            "dossiers_par_statut": dict(t.dossiers_par_statut),
            "ouverts_12_mois": t.ouverts_12_mois,
            "clos_12_mois": t.clos_12_mois,
            "principal_en_cours": en_texte(t.principal_en_cours),
            "encaisse_12_mois": en_texte(t.encaisse_12_mois),
            "taux_recouvrement": None
            if t.taux_recouvrement is None
            else f"{t.taux_recouvrement} %",
        },
        "dossiers_par_clerc": [
            {"clerc": clerc, "dossiers_en_cours": nombre} for clerc, nombre in t.dossiers_par_clerc
        ],
        "fonds_detenus": {
            "total": en_texte(t.fonds_detenus),
            "lignes": [
                {
                    "dossier": a.reference,
                    "recu_le": a.fonds.encaissement.date.isoformat(),
                    "montant": en_texte(a.fonds.restant),
                    "jours_de_detention": a.fonds.jours_de_detention(b.au),
                    "especes": a.fonds.encaissement.especes,
                    "acompte": a.fonds.encaissement.acompte,
                }
                for a in sorted(b.fonds, key=lambda a: (a.fonds.encaissement.date, a.reference))
            ],
        },
        "agenda": {
            "resume": {k: v for k, v in b.resume.items() if k != "fatales_en_retard"},
            "echeances": [
                {
                    "id": f"E{rang}",
                    "dossier": e.dossier,
                    "procedure": e.procedure,
                    "etape": e.etape,
                    "libelle": e.libelle,
                    "date_au_plus_tot": _iso(e.date_au_plus_tot) or None,
                    "date_limite": _iso(e.date_limite) or None,
                    "clerc": e.clerc,
                }
                for rang, e in enumerate(_ordre_affiche(b), start=1)
            ],
        },
        "delais_des_etapes": [
            {
                "id": d.code,
                "procedure": d.procedure,
                "etape": d.etape,
                "libelle": d.libelle,
                "depuis": d.depuis,
                "nombre": d.nombre,
                "delai_moyen_jours": _texte_nombre(d.moyenne_jours),
                "delai_max_jours": d.max_jours,
            }
            for d in b.delais
        ],
    }


def _rangs_affiches(b: Bureau) -> list[int]:
    """Indexes (in the engine's order) of the items as shown: by file and step, not in the
    engine's order (the order is what is asked)."""
    return sorted(
        range(len(b.elements)),
        key=lambda i: (b.elements[i].dossier, b.elements[i].procedure, b.elements[i].etape, i),
    )


def _ordre_affiche(b: Bureau) -> list[ElementAgenda]:
    return [b.elements[i] for i in _rangs_affiches(b)]


def identifiants_agenda(b: Bureau) -> list[str]:
    """The trainee's id of each item, in the engine's order."""
    ids = {i: f"E{rang}" for rang, i in enumerate(_rangs_affiches(b), start=1)}
    return [ids[i] for i in range(len(b.elements))]


__all__ = [
    "GOULETS",
    "GOULETS_EVIDENTS",
    "JOURS_IMMINENT",
    "ORDRE_GRAVITE",
    "Bureau",
    "DelaiEtape",
    "Goulet",
    "Leurre",
    "goulets_detectes",
    "identifiants_agenda",
    "leurres_du_bureau",
    "vue_bureau",
]
