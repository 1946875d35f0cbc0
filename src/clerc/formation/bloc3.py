"""Bloc 3 of the certification: deal with the parties (debtors, creditors, third parties),
within the law, including sensitive or conflictual exchanges.

Three types of exercise, each graded against the engine run on the scenario:

- ``repondre_message`` (:mod:`clerc.formation.bloc3_messages`): choose the reply to a message
  from the debtor, the creditor, an employer, an heir, a liquidator or a third party, and
  justify it in prose (rubric);
- ``echeancier``: build a payment plan the debtor can hold: the instalments add up to the
  engine's décompte at the date (to the cent), end within the two years of C. civ. 1343-5, and
  none exceeds the engine's quotité saisissable of his pay (C. trav. R3252-2, R3252-3, the RSA
  floor of R3252-5) nor what his charges leave him; dates after the day, on working days;
- ``compte_rendu_creancier``: write the report to the creditor (prose, rubric built from the
  file: amounts recovered and held, total due, measures done and their result, the engine's
  next measure, the file's risks; forbidden: promising a result, disclosing the debtor's
  health).

The debtor's pay, dependants, charges and bank balance are drawn from the seed
(:func:`clerc.formation.bloc3_commun.finances`): facts a real file would get from the debtor,
never a rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal
from functools import lru_cache
from itertools import pairwise
from typing import Any

from clerc.formation.bloc3_commun import (
    ALERTES_NEUTRES,
    ARTICLE_DELAIS_DE_GRACE,
    ARTICLE_MANDAT,
    MOTIFS_PROMESSE,
    MOTIFS_SANTE,
    Cas,
    dossier_utilisable,
    duree_maximale_delais_de_grace,
    finances,
    motif_montant,
)
from clerc.formation.bloc3_messages import RepondreMessage
from clerc.formation.bloc3_reponses import MOTIFS_MESURE, MOTIFS_RISQUE
from clerc.formation.notation import Notation, Point, noter
from clerc.formation.rubriques import Critere, Rubrique, noter_texte, texte_de_reponse
from clerc.formation.scenarios import etude_formation
from clerc.formation.type_exercice import DEUX, TROIS, UN, TypeExercice, objet_reponse
from clerc.office.generateur import PIEGES
from clerc.rules.calendrier import est_jour_ouvre
from clerc.rules.dates import ajouter_mois
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.monnaie import ZERO, en_texte, format_euros, montant
from clerc.saisie import lire_date

CENTIME = Decimal("0.01")
ECHEANCES_MAXIMUM = 120
MOIS_CONFIRME = 18  # a plan longer than this is close to the ceiling: level confirmé


def _vue_decompte(c: Cas) -> dict[str, Any]:
    d = c.decompte
    return {
        "au": c.au.isoformat(),
        "principal": en_texte(d.principal),
        "article_700": en_texte(d.article_700),
        "depens": en_texte(d.depens),
        "frais": en_texte(d.frais),
        "interets_echus": en_texte(d.interets_echus),
        "paiements": en_texte(d.paiements),
        "total": en_texte(d.total),
    }


@lru_cache(maxsize=4)
def cas_dossiers(graine: int, au: date) -> tuple[Cas, ...]:
    """One case per usable file, with the debtor's budget and the engine's décompte shown."""
    resultat = []
    for s in etude_formation(graine, au):
        if not dossier_utilisable(s):
            continue
        f = finances(graine, s.reference)
        cas = Cas(s, graine, f)
        vue = {**s.vue, "situation_financiere": f.en_dict(), "decompte_au_jour": _vue_decompte(cas)}
        resultat.append(Cas(s, graine, f, "", vue))
    return tuple(resultat)


def _risques(c: Cas) -> list[Any]:
    return [a for a in c.risques if a.code not in ALERTES_NEUTRES]


# --- (b) échéancier ---------------------------------------------------------------------------


def _plafond(c: Cas) -> Decimal:
    """The most a monthly instalment may be: the quotité saisissable and what the charges
    leave, whichever is lower."""
    return min(c.quotite.quotite_saisissable, c.finances.capacite)


def _mois_minimum(c: Cas) -> int | None:
    plafond = _plafond(c)
    if plafond <= 0:
        return None
    return int((c.decompte.total / plafond).to_integral_value(rounding=ROUND_CEILING))


def _date_limite(c: Cas) -> date:
    return ajouter_mois(c.au, duree_maximale_delais_de_grace(c.au))


class Echeancier(TypeExercice):
    code = "echeancier"
    libelle = "Construire un échéancier que le débiteur peut tenir"

    def scenarios(self, graine: int, au: date) -> Sequence[Any]:
        return cas_dossiers(graine, au)

    def eligible(self, s: Any) -> bool:
        """A living natural person, no risk that forbids or conditions an agreement, and a
        plan that fits in the legal two years."""
        c: Cas = s
        debiteur = c.scenario.examine.debiteurs[0]
        if len(c.scenario.examine.debiteurs) != 1 or not debiteur.personne_physique:
            return False
        if debiteur.decede_le is not None or _risques(c):
            return False
        mois = _mois_minimum(c)
        return mois is not None and mois <= duree_maximale_delais_de_grace(c.au)

    def niveaux(self, s: Any) -> frozenset[str]:
        """débutant: no dependant, the quotité is the limit, a year is enough; each of
        dependants, charges below the quotité, the RSA floor reached, more than a year adds a
        difficulty: one is intermédiaire, two or more (or more than 18 months) confirmé."""
        c: Cas = s
        mois = _mois_minimum(c) or 0
        difficultes = sum(
            (
                c.finances.personnes_a_charge > 0,
                c.finances.capacite < c.quotite.quotite_saisissable,
                c.quotite.plafonnee_par_rsa,
                mois > 12,
            )
        )
        if difficultes == 0:
            return frozenset({"debutant"})
        if difficultes == 1 and mois <= MOIS_CONFIRME:
            return frozenset({"intermediaire"})
        return frozenset({"confirme"})

    def consigne(self, s: Any) -> str:
        c: Cas = s
        return (
            f"Le débiteur du dossier {c.reference} propose de payer par mensualités. Au "
            f"{c.au.isoformat()}, construisez un échéancier qu'il peut tenir : les échéances "
            "(date et montant) doivent solder exactement le décompte arrêté à ce jour (donné "
            "dans dossier.decompte_au_jour ; les intérêts qui courront pendant le plan et les "
            "émoluments du plan ne sont pas à y ajouter), tenir dans la durée maximale des "
            "délais de grâce, ne jamais dépasser ce que la loi permet de prendre sur sa "
            "rémunération ni ce que ses charges lui laissent (dossier.situation_financiere), "
            "tomber après ce jour et sur des jours ouvrés."
        )

    def format_reponse(self, s: Any) -> dict[str, Any]:
        return {
            "champs": {
                "echeances": 'liste ordonnée des échéances {"date": "AAAA-MM-JJ", '
                '"montant": "123.45"}'
            },
            "exemple": {
                "echeances": [
                    {"date": "2027-01-11", "montant": "150.00"},
                    {"date": "2027-02-10", "montant": "150.00"},
                ]
            },
        }

    def _plan(self, c: Cas) -> list[tuple[date, Decimal]]:
        total = c.decompte.total
        mois = _mois_minimum(c)
        assert mois is not None
        while True:
            mensualite = (total / mois).quantize(CENTIME, rounding=ROUND_CEILING)
            dernier = total - mensualite * (mois - 1)
            if dernier > 0 or mois == 1:
                break
            mois -= 1
        plan = []
        for k in range(1, mois + 1):
            jour = ajouter_mois(c.au, k)
            while not est_jour_ouvre(jour, c.scenario.examine.territoire):
                jour -= timedelta(days=1)
            plan.append((jour, mensualite if k < mois else dernier))
        return plan

    def solution(self, s: Any) -> dict[str, Any]:
        return {
            "echeances": [
                {"date": jour.isoformat(), "montant": en_texte(m)} for jour, m in self._plan(s)
            ]
        }

    @staticmethod
    def _lire(reponse: object) -> list[tuple[date, Decimal]]:
        donnees = objet_reponse(reponse, ("echeances",))
        echeances = donnees["echeances"]
        if not isinstance(echeances, list) or not echeances:
            raise DonneeInvalide("echeances : liste non vide d'échéances attendue.")
        if len(echeances) > ECHEANCES_MAXIMUM:
            raise DonneeInvalide(f"echeances : {ECHEANCES_MAXIMUM} échéances au plus.")
        plan = []
        for i, e in enumerate(echeances, start=1):
            objet = objet_reponse(e, ("date", "montant"))
            if not isinstance(objet["date"], str):
                raise DonneeInvalide(f"échéance {i} : date en texte AAAA-MM-JJ attendue.")
            jour = lire_date(objet["date"], f"échéance {i}, date")
            somme = montant(objet["montant"], f"échéance {i}, montant")
            if somme <= 0:
                raise DonneeInvalide(f"échéance {i} : montant positif attendu.")
            plan.append((jour, somme))
        return plan

    def corriger(self, s: Any, reponse: object) -> Notation:
        c: Cas = s
        plan = self._lire(reponse)
        d = c.decompte
        q = c.quotite
        f = c.finances
        total = sum((m for _, m in plan), ZERO)
        points = []
        detail = (
            f"Décompte au {c.au.isoformat()} : principal {format_euros(d.principal)}, article 700 "
            f"{format_euros(d.article_700)}, dépens {format_euros(d.depens)}, frais "
            f"{format_euros(d.frais)}, intérêts {format_euros(d.interets_echus)}, paiements "
            f"-{format_euros(d.paiements)} : reste dû {format_euros(d.total)}."
        )
        if total < d.total:
            pourquoi = (
                f" Le plan laisse {format_euros(d.total - total)} impayés : c'est une remise de "
                "dette, que seul le créancier peut consentir."
            )
            article = "C. civ. 1350 ; C. civ. 1342-4"
        elif total > d.total:
            pourquoi = (
                f" Le plan fait payer {format_euros(total - d.total)} de trop : ce qui est payé "
                "sans être dû doit être restitué."
            )
            article = "C. civ. 1302"
        else:
            pourquoi, article = "", "C. civ. 1342-4"
        points.append(
            Point("total des échéances", TROIS, total == d.total, en_texte(d.total),
                  en_texte(total), detail + pourquoi, article)
        )  # fmt: skip
        limite = _date_limite(c)
        derniere = max(jour for jour, _ in plan)
        points.append(
            Point(
                "durée",
                DEUX,
                derniere <= limite,
                f"dernière échéance au plus tard le {limite.isoformat()}",
                derniere.isoformat(),
                f"Les délais de grâce que le juge peut accorder ne dépassent pas "
                f"{duree_maximale_delais_de_grace(c.au)} mois : c'est le plafond de référence d'un "
                "échéancier.",
                ARTICLE_DELAIS_DE_GRACE,
            )
        )
        trop = [(j, m) for j, m in plan if m > q.quotite_saisissable]
        charge = (
            f", {f.personnes_a_charge} personne(s) à charge (seuils relevés de "
            f"{format_euros(q.majoration_par_personne_a_charge)} par an chacune, R3252-3)"
            if f.personnes_a_charge
            else ""
        )
        points.append(
            Point(
                "échéances et quotité saisissable",
                TROIS,
                not trop,
                f"chaque échéance ≤ {en_texte(q.quotite_saisissable)}",
                "; ".join(f"{j.isoformat()} : {en_texte(m)}" for j, m in trop) or "respecté",
                f"Sur {format_euros(f.remuneration)} net par mois{charge}, la loi ne permet de "
                f"prendre que {format_euros(q.quotite_saisissable)} par mois (barème "
                f"{format_euros(q.quotite_bareme)}"
                f"{', plafonné pour laisser le RSA' if q.plafonnee_par_rsa else ''}) ; "
                f"{format_euros(q.montant_laisse)} lui restent, jamais moins que le RSA d'une "
                f"personne seule ({format_euros(q.rsa_laisse)}). Une échéance au-delà dépasse ce "
                "qu'une saisie pourrait prendre.",
                "; ".join(q.references),
            )
        )
        trop_charges = [(j, m) for j, m in plan if m > f.capacite]
        points.append(
            Point(
                "échéances et charges du débiteur",
                DEUX,
                not trop_charges,
                f"chaque échéance ≤ {en_texte(f.capacite)}",
                "; ".join(f"{j.isoformat()} : {en_texte(m)}" for j, m in trop_charges)
                or "respecté",
                f"Ressources {format_euros(f.remuneration)} moins charges "
                f"{format_euros(f.total_charges)} : {format_euros(f.capacite)} par mois au plus ; "
                "au-delà, le débiteur ne peut pas tenir le plan (le juge échelonne « compte tenu "
                "de la situation du débiteur »).",
                f"{ARTICLE_DELAIS_DE_GRACE} al. 1",
            )
        )
        jours = [j for j, _ in plan]
        ordonnees = all(a < b for a, b in pairwise(jours))
        points.append(
            Point(
                "dates des échéances",
                UN,
                ordonnees and jours[0] > c.au,
                f"dates croissantes, après le {c.au.isoformat()}",
                ", ".join(j.isoformat() for j in jours[:6]) + (" ..." if len(jours) > 6 else ""),
                "Chaque échéance tombe à une date distincte, après le jour de l'accord.",
                "C. civ. 1342-4",
            )
        )
        territoire = c.scenario.examine.territoire
        feries = [j for j in jours if not est_jour_ouvre(j, territoire)]
        points.append(
            Point(
                "jours ouvrés",
                UN,
                not feries,
                f"jours ouvrés (territoire {territoire})",
                ", ".join(j.isoformat() for j in feries) or "respecté",
                "Une échéance fixée un samedi, un dimanche ou un jour férié du territoire ne peut "
                "être encaissée ce jour-là : choisissez un jour ouvré.",
                "C. trav. L3133-1" + (" ; L3134-13" if territoire in {"57", "67", "68"} else ""),
            )
        )
        return noter(points)


# --- (c) compte rendu au créancier --------------------------------------------------------------

# Families of acts, as a report names them: (codes, pattern, article, results).
FAMILLES_ACTES: dict[str, tuple[frozenset[str], str, str, str, dict[str, tuple[str, str]]]] = {
    "signification": (
        frozenset({"signification_decision", "signification_titre",
                   "signification_injonction_de_payer"}),
        "la signification du titre",
        r"signifi",
        "CPC 503, 651",
        {},
    ),
    "saisie_attribution": (
        frozenset({"pv_saisie_attribution", "pv_saisie_attribution_compte_clos",
                   "denonciation_saisie_attribution", "certificat_non_contestation"}),
        "une saisie-attribution sur compte",
        r"saisie[- ]attribution|saisie (?:sur|de) (?:ses |son |les )?comptes?",
        "CPCE L211-1",
        {"pv_saisie_attribution_compte_clos": (
            "une saisie-attribution est restée infructueuse (compte clos ou solde négatif)",
            r"clos|clotur|infructueu|negati|sans provision|solde (?:nul|debiteur)")},
    ),
    "saisie_vente": (
        frozenset({"commandement_saisie_vente", "pv_saisie_vente", "pv_saisie_vente_carence"}),
        "une saisie-vente (commandement puis procès-verbal)",
        r"saisie[- ]vente",
        "CPCE L221-1",
        {"pv_saisie_vente_carence": (
            "la saisie-vente s'est conclue par un procès-verbal de carence (aucun bien "
            "saisissable)",
            r"carence")},
    ),
    "saisie_remunerations": (
        frozenset({"commandement_saisie_remunerations", "pv_saisie_remunerations",
                   "requete_saisie_remunerations", "denonciation_saisie_remunerations",
                   "acte_intervention_saisie_remunerations"}),
        "une saisie des rémunérations",
        r"saisie (?:des|sur) (?:les |ses )?(?:remunerations|salaires?)",
        "CPCE L212-1 ; C. trav. L3252-1",
        {},
    ),
    "recherches": (
        frozenset({"requete_recherche_informations", "pv_recherches_infructueuses"}),
        "des recherches d'informations sur le débiteur",
        r"recherche|renseignements",
        "CPCE L152-1",
        {"pv_recherches_infructueuses": (
            "les recherches pour le trouver sont restées infructueuses", r"infructueu")},
    ),
    "expulsion": (
        frozenset({"commandement_quitter_les_lieux", "requisition_force_publique", "pv_expulsion"}),
        "la procédure d'expulsion",
        r"expuls|quitter les lieux",
        "CPCE L411-1",
        {},
    ),
}  # fmt: skip
MOTIFS_RISQUE_RAPPORT = {
    **MOTIFS_RISQUE,
    "surendettement": r"surendettement",
    "liquidation_judiciaire": r"liquidation",
    "debiteur_decede": r"deced|deces|heritier",
    "treve_hivernale": r"treve",
    "fonds_detenus_trop_longtemps": r"revers|detenu",
    "fonds_a_reverser": r"revers|detenu",
    "creance_soldee": r"solde",
    "dossier_suspendu": r"suspendu",
    "creance_alimentaire": r"aliment|pension|paiement direct",
    "solde_bancaire_insaisissable": r"insaisissable|\bsbi\b|solde bancaire",
}
MOTS_RAPPORT = 80


def _familles(c: Cas) -> list[str]:
    codes = {a.code for a in c.scenario.examine.actes}
    return [f for f, (actes, *_rest) in FAMILLES_ACTES.items() if codes & actes]


class CompteRenduCreancier(TypeExercice):
    code = "compte_rendu_creancier"
    libelle = "Rédiger le compte rendu au créancier"
    pieges_pertinents = frozenset(PIEGES) - ALERTES_NEUTRES

    def scenarios(self, graine: int, au: date) -> Sequence[Any]:
        return cas_dossiers(graine, au)

    def eligible(self, s: Any) -> bool:
        c: Cas = s
        return bool(_familles(c))

    def complexe(self, s: Any) -> bool:
        c: Cas = s
        return (
            len(_risques(c)) >= 2
            or bool(c.scenario.examine.fonds)
            or (len(_familles(c)) >= 3 and c.decompte.paiements > 0)
        )

    def consigne(self, s: Any) -> str:
        c: Cas = s
        return (
            f"Au {c.au.isoformat()}, rédigez le compte rendu du dossier {c.reference} à "
            f"{c.scenario.vue['creancier']['designation']} (créancier) : sommes recouvrées et "
            "détenues, total restant dû à ce jour (décompte au centime), mesures faites et leur "
            "résultat, prochaine mesure proposée et pourquoi, risques du dossier avec leur "
            "texte. Ce que le créancier n'a pas à savoir ne s'écrit pas, et une étude ne promet "
            f"jamais un résultat ({MOTS_RAPPORT} mots au moins ; la grille est donnée)."
        )

    def rubrique(self, c: Cas) -> Rubrique:
        d = c.decompte
        criteres: list[Critere] = []
        if d.paiements > 0:
            criteres.append(
                Critere(
                    "recouvre",
                    f"Sommes recouvrées ({format_euros(d.paiements)})",
                    DEUX,
                    "C. civ. 1993",
                    f"Paiements reçus au {c.au.isoformat()} : {format_euros(d.paiements)}.",
                    (motif_montant(d.paiements),),
                )
            )
        else:
            criteres.append(
                Critere(
                    "recouvre",
                    "Dire que rien n'a été recouvré",
                    DEUX,
                    "C. civ. 1993",
                    "Aucun paiement n'a été reçu : le créancier doit le savoir.",
                    (r"aucun (?:paiement|versement|encaissement|reglement)",
                     r"rien (?:n'a ete |n'est )?(?:recouvre|encaisse|percu|regle)",
                     motif_montant(ZERO)),
                )
            )  # fmt: skip
        fonds = c.scenario.examine.fonds
        if fonds:
            detenu = sum((f.restant for f in fonds), ZERO)
            criteres.append(
                Critere(
                    "detenu",
                    f"Sommes détenues pour le créancier ({format_euros(detenu)}) et leur "
                    "reversement",
                    UN,
                    "C. com. R444-56",
                    "Les fonds reçus pour le créancier lui sont reversés dans le délai.",
                    (motif_montant(detenu),),
                )
            )
        criteres.append(
            Critere(
                "du",
                f"Total restant dû au {c.au.isoformat()} ({format_euros(d.total)})",
                TROIS,
                "C. civ. 1343-1 ; CPCE R211-1 3°",
                f"Décompte au {c.au.isoformat()} : {format_euros(d.total)} après imputation des "
                "paiements.",
                (motif_montant(d.total),),
            )
        )
        codes = {a.code for a in c.scenario.examine.actes}
        for famille in _familles(c):
            _actes, libelle, motif, article, resultats = FAMILLES_ACTES[famille]
            criteres.append(
                Critere(f"mesure_{famille}", f"Mesure faite : {libelle}", UN, article,
                        f"Le dossier montre {libelle}.", (motif,))
            )  # fmt: skip
            for acte, (resultat, motif_resultat) in resultats.items():
                if acte in codes:
                    criteres.append(
                        Critere(f"resultat_{acte}", f"Résultat : {resultat}", UN, article,
                                f"Résultat de la mesure : {resultat}.", (motif_resultat,))
                    )  # fmt: skip
        mesure = c.premiere_mesure
        if mesure is not None:
            criteres.append(
                Critere(
                    "prochaine_mesure",
                    f"Prochaine mesure proposée : {mesure.libelle}",
                    DEUX,
                    mesure.articles,
                    f"L'analyse du dossier place en premier : {mesure.libelle}. {mesure.pourquoi}",
                    (MOTIFS_MESURE.get(mesure.procedure, r"\bmesure\b"),),
                )
            )
            criteres.append(
                Critere(
                    "pourquoi",
                    "Dire pourquoi cette mesure",
                    UN,
                    mesure.articles,
                    mesure.pourquoi,
                    (r"parce que|\bcar\b|en raison|compte tenu|puisque|afin|des lors|\bvu\b",),
                )
            )
        else:
            criteres.append(
                Critere(
                    "prochaine_mesure",
                    "Dire qu'aucune mesure d'exécution n'est possible à ce jour",
                    DEUX,
                    "; ".join(dict.fromkeys(a.article for a in _risques(c))) or "CPCE L111-2",
                    "L'analyse du dossier ne trouve aucune mesure possible à cette date.",
                    (r"aucune mesure|pas de mesure|impossible|suspendu|interdit",),
                )
            )
        for a in _risques(c):
            criteres.append(
                Critere(
                    f"risque_{a.code}",
                    f"Risque signalé : {a.code} ({a.article})",
                    DEUX,
                    a.article,
                    a.message,
                    (MOTIFS_RISQUE_RAPPORT.get(a.code, a.code.replace("_", " ")),),
                )
            )
        criteres.append(
            Critere(
                "promesse",
                "Promettre un résultat",
                DEUX,
                ARTICLE_MANDAT,
                "L'étude rend compte de ses diligences ; elle ne garantit pas le paiement.",
                MOTIFS_PROMESSE,
                interdit=True,
            )
        )
        criteres.append(
            Critere(
                "sante",
                "Révéler l'état de santé ou la vie privée du débiteur",
                DEUX,
                "C. civ. 9 ; RGPD art. 9 ; secret professionnel",
                "La santé et la vie privée du débiteur ne concernent pas le créancier : elles ne "
                "s'écrivent pas dans un compte rendu.",
                MOTIFS_SANTE,
                interdit=True,
            )
        )
        return Rubrique(tuple(criteres), MOTS_RAPPORT)

    def format_reponse(self, s: Any) -> dict[str, Any]:
        return {
            "champs": {"texte": "le compte rendu rédigé (lettre au créancier)"},
            "grille": self.rubrique(s).en_dict(),
            "exemple": {"texte": "Madame, Monsieur, ..."},
        }

    def solution(self, s: Any) -> dict[str, Any]:
        c: Cas = s
        d = c.decompte
        debiteur = c.scenario.examine.debiteurs[0].designation
        lignes = [
            f"Madame, Monsieur, voici le point au {c.au.isoformat()} du dossier {c.reference} "
            f"contre {debiteur}."
        ]
        if d.paiements > 0:
            lignes.append(f"Sommes recouvrées à ce jour : {format_euros(d.paiements)}.")
        else:
            lignes.append("Aucun paiement n'a été reçu à ce jour.")
        fonds = c.scenario.examine.fonds
        if fonds:
            detenu = sum((f.restant for f in fonds), ZERO)
            lignes.append(
                f"Nous détenons pour votre compte {format_euros(detenu)}, que nous vous "
                "reversons sans délai (C. com. R444-56)."
            )
        lignes.append(
            f"Après imputation des paiements, le total restant dû au {c.au.isoformat()} est de "
            f"{format_euros(d.total)} (principal, intérêts et frais)."
        )
        codes = {a.code for a in c.scenario.examine.actes}
        for famille in _familles(c):
            _actes, libelle, _motif, article, resultats = FAMILLES_ACTES[famille]
            phrase = f"Mesure effectuée : {libelle} ({article})"
            faits = [r for acte, (r, _m) in resultats.items() if acte in codes]
            lignes.append(phrase + (" ; " + " ; ".join(faits) if faits else "") + ".")
        mesure = c.premiere_mesure
        if mesure is not None:
            lignes.append(
                f"Nous vous proposons maintenant la mesure suivante : {mesure.libelle} "
                f"({mesure.articles}), parce que : {mesure.pourquoi}"
            )
        else:
            lignes.append("Aucune mesure d'exécution n'est possible à ce jour.")
        for a in _risques(c):
            lignes.append(f"Point d'attention : {a.message} ({a.article})")
        lignes.append(
            "Nous vous tiendrons informé de chaque diligence et de son résultat, sans pouvoir "
            "préjuger de la solvabilité du débiteur. Nous restons à votre disposition pour "
            "toute question sur ce dossier. Veuillez agréer nos salutations distinguées."
        )
        return {"texte": " ".join(lignes)}

    def corriger(self, s: Any, reponse: object) -> Notation:
        donnees = objet_reponse(reponse, ("texte",))
        return noter_texte(self.rubrique(s), texte_de_reponse(donnees["texte"]))


TYPES_BLOC_3: dict[str, TypeExercice] = {
    t.code: t for t in (RepondreMessage(), Echeancier(), CompteRenduCreancier())
}


__all__ = ["TYPES_BLOC_3", "CompteRenduCreancier", "Echeancier", "RepondreMessage"]
