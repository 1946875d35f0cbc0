"""Bloc 3, ``repondre_message``: choose the reply to a message and justify it.

A message reaches the office from the debtor, the creditor, the debtor's employer, an heir, a
liquidator or a third party (a neighbour, a relative). It is built from the file: its parties,
its amounts and its trap. Three to five replies are proposed; the right one and each wrong
one's flaw come from the engine's facts about the file (its alerts and first possible measure,
the SBI of ``clerc.rules.sbi``, the quotité saisissable of
``clerc.rules.saisie_remunerations``, the trêve of ``clerc.rules.delais``, the funds held and
their R444-56 deadline). The trainee picks one and writes a short justification, graded by a
rubric (:mod:`clerc.formation.rubriques`).

Kinds of message (``situation``) and their level:

- plain files (no risk alert): ``delais`` (the debtor asks for time: délais de grâce, C. civ.
  1343-5) and ``secret`` (a neighbour or a relative asks about the debtor: professional
  secrecy), débutant; ``sbi`` (his account was seized: the SBI, CPCE L162-2) and
  ``remunerations`` (how much of his pay: C. trav. R3252-2, R3252-3, R3252-5, asked by the
  debtor or his employer), intermédiaire (confirmé with dependants or the RSA floor reached);
  ``creancier_presse`` (the creditor wants everything seized at once: SBI and RSA floor, next
  measure, no promise), confirmé;
- files with a trap: ``surendettement`` (C. consom. L722-2, L722-5), ``liquidation`` (C. com.
  L622-21, L641-3, L622-24), ``deces`` (an heir: C. civ. 768, 873, 877), ``treve`` (CPCE
  L412-6), débutant or intermédiaire; ``fonds_creancier`` (the creditor has not received funds
  held too long: C. com. R444-56) and ``creancier_bloque`` (the creditor demands a measure the
  file's risk forbids or conditions), confirmé.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from clerc.formation.bloc3_commun import (
    ALERTES_NEUTRES,
    Cas,
    dossier_utilisable,
    finances,
)
from clerc.formation.bloc3_reponses import (
    LETTRES,
    MOTIFS_RISQUE,
    MOTS_MINIMUM,
    POIDS_CHOIX,
    SITUATIONS_PIEGE,
    CasMessage,
    Message,
    Option,
)
from clerc.formation.bloc3_reponses_pieges import (
    _creancier_bloque,
    _deces,
    _fonds_creancier,
    _liquidation,
    _surendettement,
    _treve,
)
from clerc.formation.bloc3_reponses_simples import (
    _creancier_presse,
    _delais,
    _remunerations,
    _sbi,
    _secret,
)
from clerc.formation.notation import Notation, Point, noter
from clerc.formation.rubriques import noter_texte, texte_de_reponse
from clerc.formation.scenarios import etude_formation
from clerc.formation.type_exercice import TypeExercice, objet_reponse
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.monnaie import format_date_longue

CONSTRUCTEURS: dict[str, Callable[[Cas], Message]] = {
    "delais": _delais,
    "secret": _secret,
    "sbi": _sbi,
    "remunerations": _remunerations,
    "creancier_presse": _creancier_presse,
    "surendettement": _surendettement,
    "liquidation": _liquidation,
    "deces": _deces,
    "treve": _treve,
    "fonds_creancier": _fonds_creancier,
    "creancier_bloque": _creancier_bloque,
}


def situations(c: Cas) -> list[str]:
    """The kinds of message this file supports (module docstring)."""
    s = c.scenario
    risques = [a for a in c.risques if a.code not in ALERTES_NEUTRES]
    debiteur = s.examine.debiteurs[0]
    if risques:
        premier = risques[0]  # the most serious (the engine orders them)
        if premier.code in SITUATIONS_PIEGE:
            return [SITUATIONS_PIEGE[premier.code]]
        if premier.code in MOTIFS_RISQUE:
            return ["creancier_bloque"]
        return []
    if not debiteur.personne_physique or debiteur.decede_le is not None:
        return ["creancier_presse"] if c.premiere_mesure is not None else []
    resultat = ["delais", "secret"]
    if c.mesure_possible("saisie_attribution_compte"):
        resultat.append("sbi")
    if c.mesure_possible("saisie_remunerations") or any(
        p.code == "saisie_remunerations" for p in s.examine.procedures
    ):
        resultat.append("remunerations")
    if c.premiere_mesure is not None:
        resultat.append("creancier_presse")
    return resultat


def _vue(c: Cas, m: Message) -> dict[str, Any]:
    return {
        **c.scenario.vue,
        "message": {
            "recu_le": c.au.isoformat(),
            "de": m.de,
            "qualite": m.qualite,
            "texte": m.texte,
        },
    }


@lru_cache(maxsize=4)
def cas_messages(graine: int, au: date) -> tuple[CasMessage, ...]:
    resultat = []
    for s in etude_formation(graine, au):
        if not dossier_utilisable(s):
            continue
        base = Cas(s, graine, finances(graine, s.reference))
        for code in situations(base):
            provisoire = CasMessage(s, graine, base.finances, code)
            message = CONSTRUCTEURS[code](provisoire)
            resultat.append(
                CasMessage(s, graine, base.finances, code, _vue(provisoire, message), message)
            )
    return tuple(resultat)


class RepondreMessage(TypeExercice):
    code = "repondre_message"
    libelle = "Répondre au message d'une partie ou d'un tiers, dans les limites de la loi"
    pieges_pertinents = frozenset(
        {"surendettement", "liquidation_judiciaire", "debiteur_decede", "treve_hivernale",
         "fonds_detenus_trop_longtemps", "titre_prescrit", "jugement_non_signifie",
         "injonction_non_signifiee_6_mois", "creance_inferieure_535", "majeur_protege",
         "creance_alimentaire", "solde_bancaire_insaisissable"}
    )  # fmt: skip

    def scenarios(self, graine: int, au: date) -> Sequence[Any]:
        return cas_messages(graine, au)

    def eligible(self, s: Any) -> bool:
        return isinstance(s, CasMessage) and s.message is not None

    @staticmethod
    def _message(c: CasMessage) -> Message:
        assert c.message is not None
        return c.message

    def niveaux(self, s: Any) -> frozenset[str]:
        return self._message(s).niveaux

    def consigne(self, s: Any) -> str:
        m = self._message(s)
        return (
            f"Le {format_date_longue(s.au)}, l'étude reçoit dans le dossier {s.reference} le "
            f"message de {m.de} ({m.qualite}) reproduit dans dossier.message. Choisissez la "
            "réponse à lui envoyer parmi celles proposées, puis justifiez votre choix en "
            "quelques phrases : ce qui peut être dit, à qui, dans quelles limites légales "
            "(citez l'article). La justification est notée selon la grille donnée."
        )

    def format_reponse(self, s: Any) -> dict[str, Any]:
        m = self._message(s)
        return {
            "champs": {
                "choix": "lettre de la réponse choisie",
                "justification": f"texte : pourquoi cette réponse ({MOTS_MINIMUM} mots au moins)",
            },
            "valeurs_possibles": {"choix": {LETTRES[i]: o.texte for i, o in enumerate(m.options)}},
            "grille": m.rubrique.en_dict(),
            "exemple": {"choix": "A", "justification": "Je choisis cette réponse parce que ..."},
        }

    def solution(self, s: Any) -> dict[str, Any]:
        m = self._message(s)
        return {"choix": m.lettre_juste, "justification": m.justification}

    def corriger(self, s: Any, reponse: object) -> Notation:
        m = self._message(s)
        donnees = objet_reponse(reponse, ("choix", "justification"))
        lettres = LETTRES[: len(m.options)]
        choix = donnees["choix"]
        if not isinstance(choix, str) or choix.strip().upper() not in lettres:
            raise DonneeInvalide(f"choix : une lettre parmi {', '.join(lettres)} attendue.")
        choix = choix.strip().upper()
        texte = texte_de_reponse(donnees["justification"], "justification")
        option = m.options[lettres.index(choix)]
        juste = m.options[lettres.index(m.lettre_juste)]
        point = Point(
            "réponse choisie",
            POIDS_CHOIX,
            option.juste,
            f"{m.lettre_juste} : {juste.texte}",
            f"{choix} : {option.texte}",
            option.explication
            if option.juste
            else f"{option.explication} La bonne réponse : {juste.explication}",
            option.article,
        )
        return noter([point, *noter_texte(m.rubrique, texte).points])


__all__ = ["CONSTRUCTEURS", "CasMessage", "Message", "Option", "RepondreMessage", "situations"]
