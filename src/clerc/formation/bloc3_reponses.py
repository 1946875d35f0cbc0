"""Bloc 3, ``repondre_message``: what a message is made of (the proposed replies, the rubric of
the justification) and the helpers its kinds share (:mod:`clerc.formation.bloc3_messages`)."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from clerc.formation.bloc3_commun import (
    ARTICLE_DELICATESSE,
    MOTIFS_APAISEMENT,
    Cas,
    motif_article,
)
from clerc.formation.rubriques import Critere, Rubrique
from clerc.rules.monnaie import format_euros

LETTRES = "ABCDE"
POIDS_CHOIX = Decimal(4)
UN, DEUX = Decimal(1), Decimal(2)
MOTS_MINIMUM = 25

# What a creditor may demand, in words.
DEMANDES = {
    "saisie_attribution_compte": "une saisie sur ses comptes bancaires",
    "saisie_remunerations": "une saisie de ses rémunérations",
    "saisie_vente": "une saisie-vente de ses meubles",
    "expulsion": "son expulsion",
    "recouvrement_amiable": "une relance amiable",
}
# How a reply names a measure (for the rubric).
MOTIFS_MESURE = {
    "saisie_attribution_compte": (
        r"saisie[- ]attribution|saisie (?:sur|de) (?:ses |son |les )?comptes?|comptes? bancaires?"
    ),
    "saisie_remunerations": r"saisie (?:des|sur) (?:les |ses )?(?:remunerations|salaires?)",
    "saisie_vente": r"saisie[- ]vente",
    "expulsion": r"expuls",
    "recouvrement_amiable": r"amiable|echeancier",
    "signification_titre": r"signifi",
    "declaration_creance": r"declar",
    "injonction_de_payer": r"injonction",
    "petites_creances": r"petites creances",
    "paiement_direct": r"paiement direct",
}
# Risks a creditor's demand runs into, and how a justification names them.
MOTIFS_RISQUE = {
    "titre_prescrit": r"prescri",
    "creance_prescrite": r"prescri",
    "prescription_prochaine": r"prescri|interromp",
    "jugement_non_signifie": r"signifi",
    "titre_non_signifie": r"signifi",
    "injonction_non_signifiee_6_mois": r"non avenue|nouvelle requete|caduque",
    "injonction_a_signifier": r"signifi",
    "jugement_non_avenu": r"non avenu",
    "formule_executoire_absente": r"formule executoire",
    "titre_inconnu": r"titre executoire",
    "titre_pas_encore_executoire": r"recours|pas encore executoire|force executoire",
    "creance_inferieure_535": r"535|seuil|subsidiai|autorisation du juge",
    "majeur_protege": r"curat|tutel|protege",
    "redressement_judiciaire": r"redressement|declar",
    "procedure_sauvegarde": r"sauvegarde|declar",
    "retablissement_personnel": r"retablissement|efface",
    "procedure_caduque": r"cadu",
    "echeance_depassee": r"echeance|delai",
}
SITUATIONS_PIEGE = {
    "surendettement": "surendettement",
    "liquidation_judiciaire": "liquidation",
    "debiteur_decede": "deces",
    "treve_hivernale": "treve",
    "fonds_detenus_trop_longtemps": "fonds_creancier",
    # Risks that change an ordinary message's right answer: the account seized held less than
    # the SBI (the balance the bank declared), the pay of a maintenance debtor.
    "solde_bancaire_insaisissable": "sbi",
    "creance_alimentaire": "remunerations",
}
PRENOMS = ("Alain", "Sophie", "Michel", "Nathalie", "Karim", "Isabelle", "Jean", "Fatima")
NOMS_VOISINS = ("PETIT", "MOREAU", "FONTAINE", "LAMBERT", "BONNET", "MERCIER")


@dataclass(frozen=True)
class Option:
    texte: str
    juste: bool
    explication: str  # why it is right, or its flaw
    article: str


@dataclass(frozen=True)
class Message:
    de: str
    qualite: str  # débiteur, créancier, employeur, héritier, liquidateur, voisin, famille
    texte: str
    options: tuple[Option, ...]  # in the order shown (A, B, ...)
    rubrique: Rubrique
    justification: str  # a model justification (the engine's answer)
    niveaux: frozenset[str]

    @property
    def lettre_juste(self) -> str:
        return next(LETTRES[i] for i, o in enumerate(self.options) if o.juste)


@dataclass(frozen=True)
class CasMessage(Cas):
    message: Message | None = field(default=None, compare=False)


def _critere(
    code: str, libelle: str, poids: Decimal, article: str, explication: str, *motifs: str
) -> Critere:
    return Critere(code, libelle, poids, article, explication, tuple(motifs))


def _citer(article: str) -> Critere:
    return _critere(
        "article",
        f"Citer le texte applicable ({article})",
        UN,
        article,
        "Une justification s'appuie sur le texte : citez l'article.",
        motif_article(article),
    )


def _citer_l_un(articles: str) -> tuple[Critere, ...]:
    """Cite one of the articles of an alert ("CPCE L221-2, R221-2"); none when it has none."""
    motifs = tuple(motif_article(a) for a in re.split(r"[;,]", articles) if re.search(r"\d", a))
    if not motifs:
        return ()
    return (
        _critere(
            "article",
            f"Citer le texte applicable ({articles})",
            UN,
            articles,
            "Une justification s'appuie sur le texte : citez l'article.",
            *motifs,
        ),
    )


def _apaiser(article: str = ARTICLE_DELICATESSE) -> Critere:
    return _critere(
        "apaisement",
        "Désamorcer : reconnaître la situation ou l'attente de l'interlocuteur",
        UN,
        article,
        "Une réponse qui entend l'interlocuteur (« nous comprenons », « nous regrettons ») "
        "apaise l'échange sans rien céder sur le droit.",
        *MOTIFS_APAISEMENT,
    )


def _ordonner(c: Cas, juste: Option, fausses: Sequence[Option]) -> tuple[Option, ...]:
    options = [juste, *fausses[: len(LETTRES) - 1]]
    random.Random(f"{c.graine}:{c.reference}:{c.situation}:ordre").shuffle(options)
    return tuple(options)


def _debiteur(c: Cas) -> str:
    return c.scenario.examine.debiteurs[0].designation


def _creancier(c: Cas) -> str:
    return str(c.scenario.vue["creancier"]["designation"])


def _du(c: Cas) -> str:
    return format_euros(c.decompte.total)
