"""Bloc 3, what its three types share: the case (a file of the synthetic office plus what the
seed adds to it: the debtor's resources and charges, a bank balance), the engine's figures on
it (décompte, SBI, quotité saisissable), and the patterns that find an amount or an article in
an answer written in prose.

The seed adds only facts a real file would get from the debtor (pay slip, budget, bank
statement): never a rule or a legal figure. Every legal figure comes from ``clerc.rules``.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any

from clerc.formation.scenarios import Scenario
from clerc.rules.analyse import Alerte, Mesure
from clerc.rules.decompte import Decompte
from clerc.rules.delais_de_grace import ARTICLE, duree_maximale_delais_de_grace
from clerc.rules.monnaie import ZERO, en_texte
from clerc.rules.saisie_remunerations import QuotiteSaisissable, quotite_saisissable
from clerc.rules.sbi import SoldeBancaireInsaisissable, solde_bancaire_insaisissable

# C. civ. 1343-5 al. 1: the judge may postpone or spread the payment "dans la limite de deux
# années" (dated parameter, clerc.rules.delais_de_grace); the reference ceiling of an amicable
# plan here.
ARTICLE_DELAIS_DE_GRACE = ARTICLE

# Professional secrecy of the office (commissaire de justice, his clercs and employees): the
# code de déontologie des commissaires de justice (décret n° 2023-1296 du 28 décembre 2023, in
# force 1 March 2024) lists it among the fundamental principles; its breach is punished by
# C. pén. 226-13. The exact article number of the code was not confirmed (docs/formation.md).
ARTICLE_SECRET = (
    "Code de déontologie des commissaires de justice (décret n° 2023-1296), secret "
    "professionnel ; C. pén. 226-13"
)
# Same code: the commissaire de justice acts "avec respect et délicatesse", notably with the
# people he deals with (the de-escalation asked of a reply).
ARTICLE_DELICATESSE = (
    "Code de déontologie des commissaires de justice (décret n° 2023-1296) : respect et délicatesse"
)
# The office acts as the creditor's agent: it answers for its faults (obligation de moyens),
# never for the debtor's solvency, and reports on its management.
ARTICLE_MANDAT = "C. civ. 1991, 1992, 1993 (mandat : obligation de moyens, reddition de compte)"

GRAVITES_RISQUE = ("bloquant", "attention")
# Alerts that are no risk to say in a reply or a report (they only inform, or concern the
# calendar of deadlines, not what may be said).
ALERTES_NEUTRES = frozenset({"alsace_moselle", "outre_mer"})


# --- what the seed adds to a file -------------------------------------------------------------


@dataclass(frozen=True)
class Finances:
    """The debtor's monthly budget and one bank balance, as he would declare them."""

    remuneration: Decimal  # net monthly pay (after tax withholding, C. trav. L3252-3)
    personnes_a_charge: int
    charges: tuple[tuple[str, Decimal], ...]
    solde_compte: Decimal  # credit balance of his account on the day a seizure is made

    @property
    def total_charges(self) -> Decimal:
        return sum((m for _, m in self.charges), ZERO)

    @property
    def capacite(self) -> Decimal:
        """What is left each month once the charges are paid: what a plan may ask at most."""
        return self.remuneration - self.total_charges

    def en_dict(self) -> dict[str, Any]:
        return {
            "remuneration_nette_mensuelle": en_texte(self.remuneration),
            "personnes_a_charge": self.personnes_a_charge,
            "charges_mensuelles": [
                {"libelle": libelle, "montant": en_texte(m)} for libelle, m in self.charges
            ],
            "total_charges": en_texte(self.total_charges),
        }


def _euros(rng: random.Random, bas: float, haut: float) -> Decimal:
    return Decimal(rng.randrange(int(bas * 100), int(haut * 100))) / 100


def finances(graine: int, reference: str) -> Finances:
    """The budget of the debtor of ``reference`` in the office of ``graine`` (deterministic)."""
    rng = random.Random(f"{graine}:{reference}:finances")
    remuneration = _euros(rng, 1100, 3800)
    personnes = rng.choice((0, 0, 0, 1, 1, 2, 3))
    part_loyer = Decimal(rng.randrange(26, 46)) / 100
    charges = (
        ("Loyer et charges", (remuneration * part_loyer).quantize(Decimal("0.01"))),
        ("Énergie et eau", _euros(rng, 60, 160)),
        ("Assurances", _euros(rng, 30, 90)),
        ("Transport", _euros(rng, 40, 180)),
        ("Alimentation et vie courante", _euros(rng, 250, 420) + 150 * personnes),
    )
    return Finances(remuneration, personnes, charges, _euros(rng, 80, 2500))


@dataclass(frozen=True)
class Cas:
    """One exercise's matter: a file, the seed's additions, and (for a message) its kind.

    ``piege`` is the file's planted trap; ``vue`` is what the trainee is given. The rest is
    the engine's view of the file at the date, computed once.
    """

    scenario: Scenario
    graine: int
    finances: Finances
    situation: str = ""  # kind of message (bloc3_messages), empty for the other types
    vue: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def piege(self) -> str | None:
        return self.scenario.piege

    @property
    def au(self) -> date:
        return self.scenario.au

    @property
    def reference(self) -> str:
        return self.scenario.reference

    @property
    def decompte(self) -> Decompte:
        d = self.scenario.examine.decompte
        assert d is not None  # every type checks it in eligible()
        return d

    @cached_property
    def sbi(self) -> SoldeBancaireInsaisissable:
        return solde_bancaire_insaisissable(self.au)

    @cached_property
    def quotite(self) -> QuotiteSaisissable:
        f = self.finances
        return quotite_saisissable(f.remuneration, self.au, f.personnes_a_charge)

    @property
    def risques(self) -> list[Alerte]:
        """The file's risks (bloquant, attention) as the engine gives them, one per code."""
        vues: dict[str, Alerte] = {}
        for a in self.scenario.fiche.alertes:
            if a.gravite in GRAVITES_RISQUE and a.code not in vues:
                vues[a.code] = a
        return list(vues.values())

    @property
    def premiere_mesure(self) -> Mesure | None:
        return next((m for m in self.scenario.fiche.mesures if m.possible), None)

    def mesure_possible(self, code: str) -> bool:
        return any(m.procedure == code and m.possible for m in self.scenario.fiche.mesures)


def dossier_utilisable(s: Scenario) -> bool:
    """A running file whose décompte the engine computes and on which something is owed."""
    d = s.examine.decompte
    return s.en_cours and d is not None and d.total > 0 and bool(s.examine.debiteurs)


# --- patterns on the folded answer (rubriques.plier) ------------------------------------------


def motif_montant(valeur: Decimal) -> str:
    """A regular expression finding ``valeur`` written as a clerc would: "1 234,56",
    "1234,56", "1.234,56", "1234.56" (and "1 234" or "1 234,00" for whole euros)."""
    texte = en_texte(valeur)
    entiers, centimes = texte.split(".")
    signe = ""
    if entiers.startswith("-"):
        signe, entiers = "-", entiers[1:]
    groupes: list[str] = []
    while len(entiers) > 3:
        groupes.insert(0, entiers[-3:])
        entiers = entiers[:-3]
    groupes.insert(0, entiers)
    corps = r"[ .]?".join(groupes)
    decimales = r"(?:[,.]00)?" if centimes == "00" else rf"[,.]{centimes}"
    return rf"(?<![\d.,]){re.escape(signe)}{corps}{decimales}(?![\d]|[,.]\d)"


def motif_article(article: str) -> str:
    """A pattern finding the number of an article ("CPCE L111-4" -> "l111-4", "l. 111-4")."""
    resultat = re.search(r"\b([LRDA])\.?\s?(\d+(?:-\d+)*)", article)
    if resultat:
        lettre, numero = resultat.group(1).lower(), resultat.group(2)
        return rf"\b{lettre}\.?\s?{re.escape(numero)}(?![\d-])"
    nombre = re.search(r"(\d+(?:-\d+)*)", article)
    assert nombre is not None, article
    return rf"(?<![\d-]){re.escape(nombre.group(1))}(?![\d-])"


# Words that are forbidden in what a clerc writes, whatever the file.
MOTIFS_PROMESSE = (  # affirmative promises only: "sans pouvoir garantir" is no promise
    r"nous (?:vous )?garantissons",
    r"(?:paiement|recouvrement|remboursement|reglement) (?:est |sera )?(?:garanti|assure|certain)",
    r"(?<!quand )(?<!si )vous (?:serez|allez etre) (?:integralement |entierement |totalement )?"
    r"(?:paye|rembourse|regle)",
    r"sans aucun risque",
)
MOTIFS_SANTE = (
    r"\bmalad",
    r"hospitalis",
    r"\bsante\b",
    r"\bcancer",
    r"depression",
    r"handicap",
    r"enceinte|grossesse",
    r"\balcool",
)
MOTIFS_APAISEMENT = (
    r"\bcompren",
    r"\bregrett",
    r"\bentend(?:s|ons)\b",
    r"\bconscient",
    r"\bnous excusons|\bexcuses\b",
    r"\bcondoleances",
    r"\bnous sommes desoles|\bje suis desole",
)


__all__ = [
    "ARTICLE_DELAIS_DE_GRACE",
    "ARTICLE_DELICATESSE",
    "ARTICLE_MANDAT",
    "ARTICLE_SECRET",
    "Cas",
    "Finances",
    "dossier_utilisable",
    "duree_maximale_delais_de_grace",
    "finances",
    "motif_article",
    "motif_montant",
]
