"""Bloc 4: analyse the office's activity and improve how files are handled.

Three types of exercise on the dashboard of a synthetic office with planted bottlenecks
(:mod:`clerc.formation.bloc4_etude`), graded against what the office's services flag:

- ``trouver_goulets``: the bottlenecks (closed list) and, for each, what it concerns (files,
  a clerc, a step); graded against :func:`~clerc.formation.bloc4_etude.goulets_detectes` on the
  services' output; a decoy cited (an instalment held ten weeks, a dénonciation due in a week,
  a long step within a long window) gets its rule;
- ``prioriser``: the agenda in order of legal risk; graded against the order of
  ``services.agenda.agenda`` (overdue first, then fatal sanctions, then the day), ties of the
  engine's key left free;
- ``proposer_amelioration``: choose the improvement answering the most serious bottleneck
  among four, and write a proposal graded by a rubric (:mod:`clerc.formation.rubriques`): the
  figure measured, the rule, the action, who, when; holding funds longer, skipping a mandatory
  act or backdating are forbidden.

Levels are the offices' (débutant one obvious bottleneck, intermédiaire two, confirmé three or
four and a decoy). Pure once the office is built: a scenario in, a dict or a Notation out.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from clerc.formation.bloc4_etude import (
    GOULETS,
    JOURS_IMMINENT,
    ORDRE_GRAVITE,
    Bureau,
    Goulet,
    ScenarioBureau,
    identifiants_agenda,
    scenarios_bureau,
)
from clerc.formation.notation import Notation, Point, noter
from clerc.formation.rubriques import Critere, Rubrique, noter_texte, plier, texte_de_reponse
from clerc.formation.type_exercice import DEUX, TROIS, UN, TypeExercice, objet_reponse
from clerc.office.services.agenda import CATEGORIES, ElementAgenda
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.monnaie import format_date_longue
from clerc.rules.parametres import parametres
from clerc.rules.procedures.modele import LIBELLES_SANCTION, SANCTIONS_FATALES

ARTICLE_FONDS = "C. com. R444-56"
ARTICLE_PREPOSES = "C. civ. 1242 al. 5"
ARTICLES_PAR_DEFAUT = {
    "fonds_non_reverses": ARTICLE_FONDS,
    "caducite_encourue": "CPCE R211-3 ; CPCE R221-5",
    "delai_fatal_imminent": "CPCE R211-3 ; CPCE R221-5",
    "clerc_surcharge": ARTICLE_PREPOSES,
    "etape_lente": "CPCE R211-3",
}
CONVENTIONS = (
    f"Conventions de l'étude : un délai fatal est imminent s'il expire dans les "
    f"{JOURS_IMMINENT} jours ; un clerc est surchargé au-delà d'une fois et demie la médiane "
    "des autres (et cinq dossiers de plus) ; une étape est lente si, sur douze mois et trois "
    "actes au moins, elle consomme en moyenne les trois quarts de son délai légal (délais "
    "fatals d'une semaine à un mois)."
)


class _TypeBureau(TypeExercice):
    """A type working on an office's dashboard, not on one file."""

    def scenarios(self, graine: int, au: date) -> tuple[ScenarioBureau, ...]:
        return scenarios_bureau(graine, au)

    def eligible(self, s: Any) -> bool:
        return True

    def niveaux(self, s: Any) -> frozenset[str]:
        return frozenset({s.niveau})


def _bureau(s: Any) -> Bureau:
    return s.bureau if isinstance(s, ScenarioBureau) else s


# --- (a) trouver les goulets ------------------------------------------------------------------


def _goulets_reponse(valeur: object) -> dict[str, set[str]]:
    if not isinstance(valeur, list):
        raise DonneeInvalide(
            'goulets : liste attendue, par exemple [{"code": "fonds_non_reverses", '
            '"concernes": ["2024-000012"]}].'
        )
    resultat: dict[str, set[str]] = {}
    for element in valeur:
        donnees = objet_reponse(element, ("code", "concernes"))
        code = donnees["code"]
        if code not in GOULETS:
            raise DonneeInvalide(
                f"goulets : code « {code} » inconnu (valeurs possibles : {', '.join(GOULETS)})."
            )
        if code in resultat:
            raise DonneeInvalide(f"goulets : le code « {code} » est donné plusieurs fois.")
        concernes = donnees["concernes"]
        if not isinstance(concernes, list) or not all(isinstance(c, str) for c in concernes):
            raise DonneeInvalide(
                f"goulets ({code}) : concernes est une liste de références, d'identifiants de "
                "clerc ou d'étapes."
            )
        resultat[code] = {c.strip() for c in concernes}
    return resultat


def _absent(b: Bureau, code: str) -> tuple[str, str]:
    """Why ``code`` is no bottleneck of this office: the decoys of that kind, or the figures."""
    leurres = [x for x in b.leurres if x.code == code]
    if leurres:
        return (
            "Rien ne dépasse la règle : " + " ; ".join(x.explication for x in leurres[:4]),
            "; ".join(dict.fromkeys(x.article for x in leurres[:4])),
        )
    textes = {
        "fonds_non_reverses": "Aucune somme n'est détenue au-delà de son délai de reversement.",
        "caducite_encourue": "Aucune échéance fatale de l'étude n'est dépassée à l'agenda.",
        "delai_fatal_imminent": f"Aucun délai fatal de l'étude n'expire dans les "
        f"{JOURS_IMMINENT} jours.",
        "clerc_surcharge": "Les dossiers en cours sont répartis sans écart marqué entre les "
        "clercs.",
        "etape_lente": "Aucune étape à délai fatal court n'est faite, en moyenne, dans le "
        "dernier quart de son délai.",
    }
    return textes[code], ARTICLES_PAR_DEFAUT[code]


class TrouverGoulets(_TypeBureau):
    code = "trouver_goulets"
    libelle = "Lire le tableau de bord et trouver les goulets d'étranglement"

    def consigne(self, s: Any) -> str:
        b = _bureau(s)
        return (
            f"Voici le tableau de bord de l'étude au {b.au.isoformat()} : activité, dossiers en "
            "cours par clerc, fonds détenus (date de réception, espèces, acompte), agenda des "
            "échéances, délais de réalisation des étapes sur douze mois (jours écoulés depuis "
            "l'acte qui fait courir le délai). Relevez les goulets d'étranglement parmi la "
            "liste donnée et, pour chacun, ce qu'il concerne : les références des dossiers, "
            "l'identifiant du clerc ou l'id de l'étape (delais_des_etapes). Un chiffre élevé "
            f"n'est un goulet que s'il dépasse la règle. {CONVENTIONS}"
        )

    def format_reponse(self, s: Any) -> dict[str, Any]:
        return {
            "champs": {
                "goulets": "liste d'objets {code, concernes} : le code du goulet et ce qu'il "
                "concerne (références de dossiers, identifiant de clerc, id d'étape)"
            },
            "valeurs_possibles": {"code": dict(GOULETS)},
            "exemple": {
                "goulets": [
                    {"code": "fonds_non_reverses", "concernes": ["2024-000012"]},
                    {"code": "clerc_surcharge", "concernes": ["demo-clerc"]},
                ]
            },
        }

    def solution(self, s: Any) -> dict[str, Any]:
        b = _bureau(s)
        return {
            "goulets": [
                {"code": g.code, "concernes": list(g.concernes)}
                for code in GOULETS
                if (g := b.goulets.get(code)) is not None
            ]
        }

    def corriger(self, s: Any, reponse: object) -> Notation:
        b = _bureau(s)
        donnes = _goulets_reponse(objet_reponse(reponse, ("goulets",))["goulets"])
        points: list[Point] = []
        for code, g in b.goulets.items():
            cites = donnes.get(code)
            points.append(
                Point(f"goulet « {code} »", DEUX, cites is not None, "relevé",
                      "relevé" if cites is not None else "non relevé", g.explication, g.article)
            )  # fmt: skip
            for concerne in g.concernes:
                juste = cites is not None and concerne in cites
                points.append(
                    Point(f"{code} : {concerne}", UN, juste, "cité",
                          "cité" if juste else "non cité", g.explication, g.article)
                )  # fmt: skip
            for concerne in sorted((cites or set()) - set(g.concernes)):
                leurre = next(
                    (x for x in b.leurres if x.code == code and x.concerne == concerne), None
                )
                points.append(
                    Point(
                        f"{code} : {concerne}",
                        UN,
                        False,
                        "non concerné",
                        "cité",
                        leurre.explication
                        if leurre
                        else f"« {concerne} » n'est pas concerné par ce goulet : {g.explication}",
                        leurre.article if leurre else g.article,
                    )
                )
        for code in donnes:
            if code in b.goulets:
                continue
            explication, article = _absent(b, code)
            points.append(
                Point(f"goulet « {code} »", UN, False, "non caractérisé", "relevé",
                      explication, article)
            )  # fmt: skip
        return noter(points)


# --- (b) prioriser l'agenda -------------------------------------------------------------------

_CATEGORIES_TEXTE = {
    "en_retard": "échéance déjà dépassée",
    "aujourd_hui": "échéance aujourd'hui",
    "semaine": "échéance dans la semaine",
    "pas_avant": "acte qui ne peut être fait avant une date",
}


def cle_de_risque(e: ElementAgenda) -> tuple[int, int, date | None]:
    """The engine's key of legal risk (``services.agenda``): category, gravity, day."""
    gravite = 0 if e.sanction in SANCTIONS_FATALES else 1 if e.sanction == "nullite" else 2
    return CATEGORIES.index(e.categorie), gravite, e.date_limite or e.date_au_plus_tot


def _groupes(b: Bureau) -> list[list[int]]:
    """Indexes of the agenda items grouped by equal key, in the engine's order."""
    groupes: list[list[int]] = []
    for i, e in enumerate(b.elements):
        if groupes and cle_de_risque(b.elements[groupes[-1][0]]) == cle_de_risque(e):
            groupes[-1].append(i)
        else:
            groupes.append([i])
    return groupes


def _decrire(ident: str, e: ElementAgenda) -> str:
    jour = e.date_limite or e.date_au_plus_tot
    return f"{ident} ({e.dossier}, {e.libelle.rstrip('.')}, {jour.isoformat() if jour else ''})"


def _sanction(e: ElementAgenda) -> str:
    if e.sanction is None:
        return f"pas de sanction attachée au délai ({e.article})"
    sanction = LIBELLES_SANCTION.get(e.sanction, e.sanction)
    return f"sanction : {sanction}" + (f", {e.effet}" if e.effet else "") + f" ({e.article})"


def _pourquoi(a: ElementAgenda, ida: str, z: ElementAgenda, idz: str) -> str:
    ka, kz = cle_de_risque(a), cle_de_risque(z)
    if ka[0] != kz[0]:
        return (
            f"{_decrire(ida, a)} : {_CATEGORIES_TEXTE[a.categorie]} ; {_decrire(idz, z)} : "
            f"{_CATEGORIES_TEXTE[z.categorie]}. Ce qui est déjà en retard se traite d'abord, puis "
            "ce qui échoit aujourd'hui, puis dans la semaine ; ce qui ne peut être fait avant une "
            "date vient en dernier."
        )
    if ka[1] != kz[1]:
        return (
            f"{_decrire(ida, a)} : {_sanction(a)} ; {_decrire(idz, z)} : {_sanction(z)}. Une "
            "sanction fatale (caducité, péremption, non-avenu) fait perdre la mesure : elle passe "
            "avant une nullité, puis avant les délais sans sanction fatale."
        )
    return (
        f"{_decrire(ida, a)} et {_decrire(idz, z)} : même urgence et même gravité ({_sanction(a)}) "
        ": la date la plus proche d'abord."
    )


class Prioriser(_TypeBureau):
    code = "prioriser"
    libelle = "Classer les échéances de l'agenda par risque juridique"

    def eligible(self, s: Any) -> bool:
        return True  # every office has at least three items of two kinds (tests)

    def consigne(self, s: Any) -> str:
        b = _bureau(s)
        return (
            f"Classez toutes les échéances de l'agenda de l'étude au {b.au.isoformat()} "
            "(dossier.agenda.echeances) de la première à traiter à la dernière, selon le risque "
            "juridique : ce qui est déjà en retard, puis la gravité de la sanction encourue si le "
            "délai est manqué, puis la date. La sanction de chaque étape n'est pas donnée : "
            "c'est à vous de la connaître."
        )

    def format_reponse(self, s: Any) -> dict[str, Any]:
        ids = identifiants_agenda(_bureau(s))
        return {
            "champs": {
                "ordre": "liste de tous les id des échéances, de la plus urgente à la moins urgente"
            },
            "exemple": {"ordre": sorted(ids, key=lambda i: int(i[1:]))},
        }

    def solution(self, s: Any) -> dict[str, Any]:
        return {"ordre": identifiants_agenda(_bureau(s))}

    def corriger(self, s: Any, reponse: object) -> Notation:
        b = _bureau(s)
        ids = identifiants_agenda(b)
        ordre = objet_reponse(reponse, ("ordre",))["ordre"]
        if not isinstance(ordre, list) or not all(isinstance(i, str) for i in ordre):
            raise DonneeInvalide('ordre : liste des id des échéances attendue, ex. ["E2", "E1"].')
        if sorted(ordre) != sorted(ids):
            manquants = sorted(set(ids) - set(ordre))
            inconnus = sorted(set(ordre) - set(ids))
            raise DonneeInvalide(
                "ordre : chaque échéance une fois et une seule"
                + (f" ; manquent {', '.join(manquants)}" if manquants else "")
                + (f" ; inconnus {', '.join(inconnus)}" if inconnus else "")
                + (" ; doublons" if len(ordre) != len(set(ordre)) else "")
                + "."
            )
        rang = {ident: r for r, ident in enumerate(ordre)}
        groupes = _groupes(b)
        points: list[Point] = []
        premiers = [ids[i] for i in groupes[0]]
        a0 = b.elements[groupes[0][0]]
        donne = ordre[0] if ordre else ""
        points.append(
            Point(
                "première échéance",
                DEUX,
                donne in premiers,
                " ou ".join(premiers),
                donne,
                f"À traiter en premier : {_decrire(ids[groupes[0][0]], a0)}, "
                f"{_CATEGORIES_TEXTE[a0.categorie]}, {_sanction(a0)}.",
                a0.article,
            )
        )
        for avant, apres in pairwise(groupes):
            juste = max(rang[ids[i]] for i in avant) < min(rang[ids[i]] for i in apres)
            a, z = b.elements[avant[-1]], b.elements[apres[0]]
            points.append(
                Point(
                    f"{', '.join(ids[i] for i in avant)} avant {', '.join(ids[i] for i in apres)}",
                    UN,
                    juste,
                    f"{'/'.join(ids[i] for i in avant)} puis {'/'.join(ids[i] for i in apres)}",
                    "ordre inversé" if not juste else "",
                    _pourquoi(a, ids[avant[-1]], z, ids[apres[0]]),
                    a.article,
                )
            )
        return noter(points)


# --- (c) proposer une amélioration -------------------------------------------------------------


@dataclass(frozen=True)
class Amelioration:
    code: str
    goulet: str  # the bottleneck it is about
    licite: bool  # False: forbidden or harmful
    libelle: str


AMELIORATIONS: tuple[Amelioration, ...] = (
    Amelioration("controle_hebdomadaire_fonds", "fonds_non_reverses", True,
                 "Chaque semaine, le comptable édite la liste des fonds détenus et le commissaire "
                 "de justice fait reverser toute somme disponible, sans attendre la fin du délai."),
    Amelioration("reversement_trimestriel", "fonds_non_reverses", False,
                 "Regrouper les reversements aux créanciers en un virement par trimestre pour "
                 "réduire les frais bancaires."),
    Amelioration("attendre_solde", "fonds_non_reverses", False,
                 "Attendre le paiement complet de la dette avant de reverser, pour un seul "
                 "virement au créancier."),
    Amelioration("informer_et_reprendre", "caducite_encourue", True,
                 "Informer sans délai le créancier de la caducité, reprendre la mesure si elle "
                 "reste utile, et faire contrôler chaque jour les délais fatals de l'agenda."),
    Amelioration("acte_tardif_silencieux", "caducite_encourue", False,
                 "Délivrer maintenant l'acte oublié pour sauver la mesure, sans en parler au "
                 "créancier."),
    Amelioration("attendre_le_debiteur", "caducite_encourue", False,
                 "Ne rien signaler et attendre que le débiteur paie de lui-même."),
    Amelioration("traiter_en_priorite", "delai_fatal_imminent", True,
                 "Faire délivrer dès aujourd'hui les actes dont le délai fatal expire dans les "
                 "jours qui viennent, avant toute autre tâche, avec un clerc de permanence."),
    Amelioration("demander_prorogation", "delai_fatal_imminent", False,
                 "Demander au juge de l'exécution de proroger le délai pour lisser la charge."),
    Amelioration("apres_echeance", "delai_fatal_imminent", False,
                 "Laisser passer l'échéance et délivrer l'acte la semaine prochaine, quand la "
                 "charge aura baissé."),
    Amelioration("norme_deux_jours", "etape_lente", True,
                 "Fixer une norme : l'acte est délivré dans les deux jours ouvrables suivant "
                 "l'acte qui fait courir son délai, avec une alerte à mi-délai suivie chaque "
                 "semaine."),
    Amelioration("supprimer_l_acte", "etape_lente", False,
                 "Remplacer cet acte par une lettre simple au débiteur quand les dossiers "
                 "s'accumulent."),
    Amelioration("norme_dernier_jour", "etape_lente", False,
                 "Caler la norme de l'étude sur le dernier jour du délai légal, pour lisser la "
                 "charge."),
    Amelioration("reequilibrer_portefeuilles", "clerc_surcharge", True,
                 "Réattribuer une partie des dossiers du clerc surchargé aux autres clercs, en "
                 "commençant par ceux dont une échéance approche, et revoir la répartition "
                 "chaque mois."),
    Amelioration("surplus_au_stagiaire", "clerc_surcharge", False,
                 "Confier le surplus au stagiaire, qui traitera ces dossiers seul et sans "
                 "relecture."),
    Amelioration("ordre_d_arrivee", "clerc_surcharge", False,
                 "Demander au clerc surchargé de traiter ses dossiers dans l'ordre d'arrivée, "
                 "sans tenir compte des échéances."),
)  # fmt: skip
_PAR_CODE = {a.code: a for a in AMELIORATIONS}


def _delais_fonds(au: date) -> dict[str, Any]:
    return dict(parametres().valeur_au("fonds_tiers.delai_reversement", au).valeur)


def _pourquoi_pas(a: Amelioration, g: Goulet, au: date) -> tuple[str, str]:
    """Why an unlawful or harmful improvement is refused, with its article."""
    d = _delais_fonds(au)
    fonds = (
        f"les sommes reçues se reversent dans les {d['especes_jours']} jours (espèces), "
        f"{d['autres_jours']} jours (autres modes), {d['acompte_autres_mois']} mois pour des "
        "acomptes"
    )
    raisons = {
        "reversement_trimestriel": (f"Un reversement trimestriel dépasse les délais : {fonds}.",
                                    ARTICLE_FONDS),
        "attendre_solde": (f"Attendre le solde retient les acomptes au-delà du délai : {fonds}.",
                           ARTICLE_FONDS),
        "acte_tardif_silencieux": (
            "Passé le délai, l'acte ne fait pas revivre la mesure : la sanction est acquise ; "
            "taire la caducité au créancier engage la responsabilité de l'étude.", g.article),
        "attendre_le_debiteur": (
            "La mesure est tombée : le créancier doit en être informé pour décider de la "
            "reprendre ; se taire engage la responsabilité de l'étude.", g.article),
        "demander_prorogation": (
            "Ces délais sont fixés par le texte et aucun juge ne les proroge à la demande de "
            "l'étude ; seul un délai expirant un samedi, un dimanche ou un jour férié est "
            "prorogé au premier jour ouvrable suivant.", f"CPC 642 ; {g.article}"),
        "apres_echeance": ("Après l'échéance, la sanction est acquise : la mesure tombe.",
                           g.article),
        "supprimer_l_acte": ("L'acte est obligatoire : sans lui dans le délai, la mesure tombe ; "
                             "une lettre simple n'en tient pas lieu.", g.article),
        "norme_dernier_jour": (
            "C'est la pratique qui crée le goulet : au moindre incident (absence, adresse "
            "erronée, jour férié), l'acte arrive trop tard et la mesure tombe.", g.article),
        "surplus_au_stagiaire": (
            "Le commissaire de justice répond de ses préposés : confier des dossiers à délais "
            "fatals à un stagiaire sans contrôle déplace le risque sans le réduire.",
            ARTICLE_PREPOSES),
        "ordre_d_arrivee": ("L'agenda se traite par risque juridique (délais fatals d'abord), "
                            "pas par ordre d'arrivée.", g.article),
    }  # fmt: skip
    return raisons[a.code]


def _principal(b: Bureau) -> Goulet:
    return next(b.goulets[c] for c in ORDRE_GRAVITE if c in b.goulets)


def _options(b: Bureau) -> list[Amelioration]:
    principal = _principal(b).code
    propres = [a for a in AMELIORATIONS if a.goulet == principal]
    rng = random.Random(f"bloc4-options:{b.graine}:{b.au.isoformat()}:{b.niveau}")
    ailleurs = [a for a in AMELIORATIONS if a.licite and a.goulet != principal]
    hors = [a for a in ailleurs if a.goulet not in b.goulets] or ailleurs
    options = [*propres, rng.choice(hors)]
    rng.shuffle(options)
    return options


def _motif_chiffre(texte: str) -> str:
    """A pattern matching a figure as a clerc would write it: "1234.56" as "1 234,56", an ISO
    date also as a long French date, "7,5" as "7.5"."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", texte):
        longue = plier(format_date_longue(date.fromisoformat(texte)))
        return re.escape(texte) + "|" + re.escape(longue)
    if re.fullmatch(r"\d{4}-\d{6}", texte):
        return re.escape(texte)
    entier, _, decimales = texte.replace(",", ".").partition(".")
    groupes: list[str] = []
    while len(entier) > 3:
        groupes.insert(0, entier[-3:])
        entier = entier[:-3]
    groupes.insert(0, entier)
    motif = r"[  .]?".join(groupes)
    if decimales and decimales.strip("0"):
        motif += r"[,.]" + decimales
    elif decimales:
        motif += r"(?:[,.]" + decimales + ")?"
    return rf"(?<![\d,.]){motif}(?![\d])"


_ACTIONS = {
    "fonds_non_reverses": (r"revers",),
    "caducite_encourue": (r"(inform|previen|avis|prevenir)\w*.{0,60}creancier",
                          r"(reprendre|renouvel|relancer|recommencer|nouvel(le)?) .{0,30}"
                          r"(saisie|mesure|procedure|commandement)"),
    "delai_fatal_imminent": (r"(delivr|signifi|denon|fair|realis|envoy)\w*.{0,80}"
                             r"(aujourd|immediat|sans delai|en priorite|avant|demain|au plus tard)",
                             r"priorit"),
    "etape_lente": (r"(norme|delai interne|objectif|sous|dans les|en) .{0,30}"
                    r"\d+ (jours?|heures?)", r"alerte|rappel|relance automatique"),
    "clerc_surcharge": (r"(reattribu|redistribu|repart|reaffect|transfer|equilibr|confier)",),
}  # fmt: skip
_INTERDITS = {
    "fonds_non_reverses": (
        "Garder les fonds plus longtemps (regrouper, attendre le solde, reverser au mois ou au "
        "trimestre)",
        ARTICLE_FONDS,
        (r"revers\w*.{0,40}(par|chaque|tous les|une fois par) (mois|trimestre|semestre|an)\b",
         r"revers\w*.{0,20}(mensuel|trimestriel|semestriel|annuel)",
         r"regroup\w* (les |des )?reversement",
         r"attendre (le |la )?(solde|paiement complet|paiement total|paiement integral)",
         r"(conserver|garder|retenir) (les |des )?(fonds|sommes) (jusqu|plus longtemps|pendant)"),
    ),
    "_acte": (
        "Supprimer un acte obligatoire, le remplacer, ou en changer la date",
        "",
        (r"(supprimer|omettre|se passer de|remplacer|ne plus (faire|delivrer|signifier|denoncer))"
         r" (\w+ ){0,3}(la |l'|le )?(denon|signif|acte|commandement)",
         r"antidat", r"(changer|modifier) la date"),
    ),
    "clerc_surcharge": (
        "Confier des dossiers sans contrôle, ou laisser passer des échéances",
        ARTICLE_PREPOSES,
        (r"stagiaire.{0,60}(seul|sans (controle|relecture|supervision))",
         r"(reporter|repousser|ignorer) (les )?(delais|echeances)", r"antidat"),
    ),
}  # fmt: skip


def _motifs_regle(g: Goulet, b: Bureau) -> tuple[str, ...]:
    if g.code == "fonds_non_reverses":
        f = _delais_fonds(b.au)
        return (
            r"r\.? ?444-56",
            rf"\b({f['autres_jours']}|{f['especes_jours']}) jours",
            r"(six|6|trois|3) semaines",
            rf"\b({f['acompte_autres_mois']}|trois) mois",
        )
    if g.code == "clerc_surcharge":
        return (r"1242", r"prepose", r"delais? (de procedure|fatals?|legaux|de la procedure)",
                r"caducit", r"responsab")  # fmt: skip
    articles = re.findall(r"[LR]\d{3}-\d+(?:-\d+)?", g.article)
    motifs = [rf"\b{a[0].lower()}\.? ?{re.escape(a[1:])}\b" for a in articles]
    for d in b.delais:
        if d.code in g.concernes:
            motifs.append(rf"\b{re.escape(plier(d.duree))}\b")
    if g.code in ("caducite_encourue", "delai_fatal_imminent"):
        motifs.append(r"caduc|perim|peremption|non avenu")
    return tuple(motifs)


def rubrique_amelioration(b: Bureau) -> Rubrique:
    g = _principal(b)
    interdit_code = g.code if g.code in _INTERDITS else "_acte"
    libelle_interdit, article_interdit, motifs_interdits = _INTERDITS[interdit_code]
    criteres = [
        Critere("chiffre", "Le chiffre mesuré au tableau de bord (montant, durée, nombre, "
                "dossier ou date en cause)", DEUX, g.article,
                f"La proposition part du constat mesuré : {g.explication}",
                tuple(_motif_chiffre(c) for c in dict.fromkeys(g.chiffres))),
        Critere("regle", "La règle en cause et son article", DEUX, g.article,
                f"La proposition dit quelle règle le goulet met en danger ({g.article}).",
                _motifs_regle(g, b)),
        Critere("action", "L'action concrète proposée", DEUX, g.article,
                "Une amélioration se décrit par une action précise, vérifiable.",
                _ACTIONS[g.code]),
        Critere("qui", "Qui la met en oeuvre", UN, "",
                "Une action sans responsable n'est pas suivie.",
                (r"\b(clercs?|commissaire|comptab\w*|gestionnaire|assistant|secretariat|"
                 r"responsable|associe|demo-[a-z-]+|je |nous )",)),
        Critere("quand", "Quand (échéance, fréquence)", UN, "",
                "Une action sans échéance ni fréquence n'est pas suivie.",
                (r"chaque|tous les|toutes les|quotidien|hebdomadaire|mensuel\w* (point|revue)|"
                 r"aujourd'?hui|immediatement|sans delai|avant le|d'ici|au plus tard|demain|"
                 r"cette semaine|sous \d+|dans les \d+|lundi|mardi|mercredi|jeudi|vendredi",)),
        Critere("interdit", libelle_interdit, DEUX, article_interdit or g.article,
                "Une amélioration ne peut consister à enfreindre la règle qu'elle protège.",
                motifs_interdits, interdit=True),
    ]  # fmt: skip
    return Rubrique(tuple(criteres), mots_minimum=40)


class ProposerAmelioration(_TypeBureau):
    code = "proposer_amelioration"
    libelle = "Choisir et rédiger une amélioration du traitement des dossiers"

    def consigne(self, s: Any) -> str:
        b = _bureau(s)
        g = _principal(b)
        return (
            f"Le tableau de bord de l'étude au {b.au.isoformat()} révèle ce goulet, le plus "
            f"grave : « {GOULETS[g.code]} ». Choisissez parmi les améliorations proposées celle "
            "qui y répond dans le respect des règles, puis rédigez pour le commissaire de "
            "justice une courte proposition (40 mots au moins) : le chiffre mesuré au tableau "
            "de bord, la règle en cause et son article, l'action concrète, qui la met en oeuvre "
            f"et quand. {CONVENTIONS}"
        )

    def format_reponse(self, s: Any) -> dict[str, Any]:
        b = _bureau(s)
        return {
            "champs": {
                "amelioration": "code de l'amélioration choisie",
                "proposition": "texte de la proposition (français, 40 mots au moins)",
            },
            "valeurs_possibles": {"amelioration": {a.code: a.libelle for a in _options(b)}},
            "rubrique": rubrique_amelioration(b).en_dict(),
            "exemple": {"amelioration": _options(b)[0].code, "proposition": "…"},
        }

    def solution(self, s: Any) -> dict[str, Any]:
        b = _bureau(s)
        g = _principal(b)
        choix = next(a for a in _options(b) if a.goulet == g.code and a.licite)
        return {"amelioration": choix.code, "proposition": _proposition_type(b, g)}

    def corriger(self, s: Any, reponse: object) -> Notation:
        b = _bureau(s)
        donnees = objet_reponse(reponse, ("amelioration", "proposition"))
        options = {a.code: a for a in _options(b)}
        code = donnees["amelioration"]
        if code not in options:
            raise DonneeInvalide(
                f"amelioration : code « {code} » inconnu (valeurs possibles : "
                f"{', '.join(options)})."
            )
        texte = texte_de_reponse(donnees["proposition"], "proposition")
        g = _principal(b)
        attendue = next(a for a in options.values() if a.goulet == g.code and a.licite)
        choisie = options[code]
        if choisie is attendue:
            explication, article = attendue.libelle, g.article
        elif choisie.goulet != g.code:
            explication = (
                f"Cette amélioration répond à un autre goulet ({GOULETS[choisie.goulet]}) ; le "
                f"plus grave ici : {g.explication}"
            )
            article = g.article
        else:
            explication, article = _pourquoi_pas(choisie, g, b.au)
        choix = Point("amélioration choisie", TROIS, choisie is attendue, attendue.code, code,
                      explication, article)  # fmt: skip
        return noter((choix, *noter_texte(rubrique_amelioration(b), texte).points))


def _proposition_type(b: Bureau, g: Goulet) -> str:
    """A proposal meeting the rubric, written from the services' figures (the solution)."""
    d = _delais_fonds(b.au)
    regles = {
        "fonds_non_reverses": f"C. com. R444-56 impose de reverser dans les {d['autres_jours']} "
        f"jours ({d['especes_jours']} jours en espèces, {d['acompte_autres_mois']} mois pour "
        "des acomptes)",
        "clerc_surcharge": "Le commissaire de justice répond de ses préposés (C. civ. 1242 al. 5) "
        "et les délais de procédure de ces dossiers sont exposés",
    }
    regle = regles.get(g.code, f"Le délai est fatal ({g.article})")
    actions = {
        "fonds_non_reverses": "reverser dès aujourd'hui les sommes en retard au créancier, puis "
        "chaque semaine contrôler la liste des fonds détenus",
        "caducite_encourue": "prévenir sans délai le créancier de la caducité et reprendre la "
        "mesure si elle reste utile, puis contrôler chaque jour les délais fatals",
        "delai_fatal_imminent": "délivrer les actes aujourd'hui, en priorité sur toute autre "
        "tâche, puis contrôler chaque jour les délais fatals de la semaine",
        "etape_lente": "fixer une norme interne : l'acte est délivré sous 2 jours ouvrables, avec "
        "une alerte à mi-délai revue chaque semaine",
        "clerc_surcharge": "réattribuer dès cette semaine une partie de ses dossiers aux autres "
        "clercs, en commençant par ceux dont une échéance approche, et revoir la répartition "
        "chaque mois",
    }
    return (
        f"Constat du tableau de bord au {b.au.isoformat()} : {g.explication} {regle}. "
        f"Je propose de {actions[g.code]}. Le clerc gestionnaire en charge s'en occupe, sous le "
        "contrôle du commissaire de justice, et un point est fait chaque lundi pour vérifier "
        "que l'écart est résorbé."
    )


TYPES_BLOC_4: dict[str, TypeExercice] = {
    t.code: t for t in (TrouverGoulets(), Prioriser(), ProposerAmelioration())
}

__all__ = [
    "AMELIORATIONS",
    "TYPES_BLOC_4",
    "Amelioration",
    "Prioriser",
    "ProposerAmelioration",
    "TrouverGoulets",
    "cle_de_risque",
    "rubrique_amelioration",
]
