"""Bloc 1 of the certification: analyse a file and define how to handle it.

Four types of exercise, each graded against the engine (``clerc.rules.analyse`` and
``clerc.rules.decompte``) run on the scenario's plain values:

- ``qualifier_titre``: is the title enforceable at the date, and which conditions are missing
  (closed list of conditions; the engine's checks of :func:`clerc.rules.analyse.examen_titre`,
  plus the prescription of CPCE L111-4);
- ``decompte``: the décompte at the date, to the cent (:func:`clerc.rules.decompte.decompte`);
- ``risques``: the risks of the file (closed list of alert codes; the engine's alerts of gravity
  ``bloquant`` or ``attention``; ``information`` ones are neither asked nor counted wrong);
- ``mesures``: the measures to take now, in order (closed list of procedure codes; the engine's
  possible measures in its ranking).

Pure: a scenario in, a dict or a :class:`~clerc.formation.notation.Notation` out.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise
from typing import Any

from clerc.formation.notation import Notation, Point, noter
from clerc.formation.scenarios import Scenario
from clerc.formation.type_exercice import (
    DEUX,
    JOURS_RECENTS,
    PIEGES_EVIDENTS,
    PIEGES_SUBTILS,
    TROIS,
    UN,
    TypeExercice,
    codes_reponse,
    objet_reponse,
)
from clerc.office.generateur import PIEGES
from clerc.rules.analyse import Alerte, Controle, Mesure
from clerc.rules.decompte import Decompte
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.monnaie import ZERO, en_texte, format_euros, format_taux, montant

# --- (a) qualifier le titre -------------------------------------------------------------------

CONDITIONS_TITRE: dict[str, str] = {
    "type_titre": "Le titre figure dans la liste limitative des titres exécutoires (CPCE L111-3)",
    "formule_executoire": "L'expédition est revêtue de la formule exécutoire (CPC 502)",
    "signification": "Le titre a été signifié au débiteur (CPC 503)",
    "non_avenu": "Le titre n'est pas non avenu faute de signification dans le délai (CPC 478, "
    "1411)",
    "force_executoire": "Le délai de recours suspensif est expiré, ou l'exécution provisoire "
    "s'applique (CPC 514, 538, 539, 1416, 1422)",
    "heritiers": "Le débiteur étant décédé, le titre a été signifié à ses héritiers depuis plus "
    "de huit jours (C. civ. 877)",
    "prescription": "Le titre n'est pas prescrit (CPCE L111-4)",
}
# Codes of the engine's checks (examen_titre, analyser) -> condition of the closed list.
_CONDITION_DU_CONTROLE = {
    "titre": "type_titre",
    "type_titre": "type_titre",
    "formule_executoire": "formule_executoire",
    "signification": "signification",
    "injonction_a_signifier": "signification",
    "jugement_478": "non_avenu",
    "injonction_non_avenue": "non_avenu",
    "force_executoire": "force_executoire",
    "heritiers": "heritiers",
    "prescription": "prescription",
}


class QualifierTitre(TypeExercice):
    code = "qualifier_titre"
    libelle = "Qualifier le titre : est-il exécutoire à la date, que manque-t-il ?"
    pieges_pertinents = frozenset(
        {"titre_prescrit", "jugement_non_signifie", "injonction_non_signifiee_6_mois",
         "debiteur_decede"}
    )  # fmt: skip

    def eligible(self, s: Scenario) -> bool:
        return s.en_cours and s.examine.titre is not None

    def complexe(self, s: Scenario) -> bool:
        """Something missing, or a title enforceable only since recently (the recourse delay
        has to be counted)."""
        depuis = s.fiche.titre.executoire_depuis
        return bool(self._manquants(s)) or (
            depuis is not None and 0 <= (s.au - depuis).days <= JOURS_RECENTS
        )

    @staticmethod
    def _controles(s: Scenario) -> dict[str, list[Controle]]:
        par_condition: dict[str, list[Controle]] = {}
        for controle in s.fiche.titre.controles:
            condition = _CONDITION_DU_CONTROLE.get(controle.code)
            if condition is not None:
                par_condition.setdefault(condition, []).append(controle)
        return par_condition

    def _manquants(self, s: Scenario) -> list[str]:
        controles = self._controles(s)
        return [
            c for c in CONDITIONS_TITRE if any(x.conforme is False for x in controles.get(c, []))
        ]

    def consigne(self, s: Scenario) -> str:
        return (
            f"Au {s.au.isoformat()}, le titre du dossier {s.reference} permet-il de pratiquer une "
            "mesure d'exécution forcée contre le débiteur ? Dites s'il est exécutoire à cette "
            "date et, s'il ne l'est pas, quelles conditions font défaut, parmi la liste donnée."
        )

    def format_reponse(self, s: Scenario) -> dict[str, Any]:
        return {
            "champs": {
                "executoire": "true si le titre peut être mis à exécution à la date, sinon false",
                "conditions_manquantes": "liste des codes des conditions non remplies (vide si "
                "le titre est exécutoire)",
            },
            "valeurs_possibles": {"conditions_manquantes": dict(CONDITIONS_TITRE)},
            "exemple": {"executoire": False, "conditions_manquantes": ["signification"]},
        }

    def solution(self, s: Scenario) -> dict[str, Any]:
        return {"executoire": s.fiche.titre.executoire, "conditions_manquantes": self._manquants(s)}

    def corriger(self, s: Scenario, reponse: object) -> Notation:
        donnees = objet_reponse(reponse, ("executoire", "conditions_manquantes"))
        executoire = donnees["executoire"]
        if not isinstance(executoire, bool):
            raise DonneeInvalide("executoire : true ou false attendu.")
        donnes = codes_reponse(
            donnees["conditions_manquantes"], "conditions_manquantes", CONDITIONS_TITRE
        )
        examen = s.fiche.titre
        manquants = self._manquants(s)
        controles = self._controles(s)
        points = []
        defauts = [c for c in examen.controles if c.conforme is False]
        explication = (
            " ".join(c.message for c in defauts)
            if defauts
            else " ".join(c.message for c in examen.controles if c.conforme is not None)
        )
        points.append(
            Point(
                "executoire",
                TROIS,
                executoire == examen.executoire,
                "oui" if examen.executoire else "non",
                "oui" if executoire else "non",
                explication,
                "; ".join(dict.fromkeys(c.article for c in (defauts or examen.controles)))
                or examen.article,
            )
        )
        for condition in manquants:
            echecs = [c for c in controles[condition] if c.conforme is False]
            points.append(
                Point(
                    f"condition « {condition} »",
                    UN,
                    condition in donnes,
                    "manquante",
                    "citée" if condition in donnes else "non citée",
                    " ".join(c.message for c in echecs),
                    "; ".join(dict.fromkeys(c.article for c in echecs)),
                )
            )
        for condition in donnes:
            if condition in manquants:
                continue
            remplis = [c for c in controles.get(condition, []) if c.conforme is not False]
            if remplis:
                explication = " ".join(c.message for c in remplis)
                article = "; ".join(dict.fromkeys(c.article for c in remplis))
            else:
                libelle = CONDITIONS_TITRE[condition]
                explication = f"Condition sans objet ou remplie pour ce titre : {libelle}."
                article = CONDITIONS_TITRE[condition].rsplit("(", 1)[-1].rstrip(")")
            points.append(
                Point(
                    f"condition « {condition} »",
                    UN,
                    False,
                    "remplie",
                    "citée comme manquante",
                    explication,
                    article,
                )
            )
        return noter(points)


# --- (b) décompte ------------------------------------------------------------------------------

CHAMPS_DECOMPTE: dict[str, str] = {
    "principal": "principal du titre",
    "article_700": "sommes allouées au titre de l'article 700 du CPC",
    "depens": "dépens",
    "frais": "frais et émoluments des actes d'exécution datés au plus tard du jour du décompte",
    "interets": "intérêts échus au jour du décompte (avant imputation des paiements)",
    "paiements": "total des paiements reçus au jour du décompte",
    "total": "total restant dû au jour du décompte, après imputation",
}
CHAMPS_IMPUTATION: dict[str, str] = {
    "frais": "part des paiements imputée sur les frais (actes et dépens)",
    "interets": "part des paiements imputée sur les intérêts",
    "principal": "part des paiements imputée sur le capital (principal et article 700)",
}


def _periodes(d: Decompte, maximum: int = 8) -> str:
    lignes = [
        f"du {p.du.isoformat()} au {p.au.isoformat()}, {p.jours} j à {format_taux(p.taux)}"
        f"{' (majoré)' if p.majore else ''} sur {format_euros(p.capital)} = "
        f"{format_euros(p.montant)} ({p.reference})"
        for p in d.periodes
    ]
    if len(lignes) > maximum:
        reste = len(lignes) - maximum
        lignes = [*lignes[:maximum], f"… et {reste} autre(s) période(s)"]
    return " ; ".join(lignes) if lignes else "aucune période d'intérêts"


class DecompteExercice(TypeExercice):
    code = "decompte"
    libelle = "Établir le décompte de la créance à une date, au centime"

    def eligible(self, s: Scenario) -> bool:
        return s.creance is not None and s.examine.decompte is not None

    def niveaux(self, s: Scenario) -> frozenset[str]:
        """débutant: no payment; intermédiaire: one to three; confirmé: more, or capitalised
        interest, or a conventional rate."""
        d = s.examine.decompte
        assert d is not None
        n = len(d.imputations)
        regime = s.creance.regime if s.creance is not None else None
        particulier = regime is not None and (
            regime.mode == "conventionnel" or regime.capitalisation_depuis is not None
        )
        if n == 0 and not particulier:
            return frozenset({"debutant"})
        if n <= 3 and not particulier:
            return frozenset({"intermediaire"})
        return frozenset({"confirme"})

    def consigne(self, s: Scenario) -> str:
        return (
            f"Établissez le décompte de la créance du dossier {s.reference} au "
            f"{s.au.isoformat()}, au centime près : principal, article 700, dépens, frais "
            "d'actes, intérêts échus, paiements et leur imputation, total restant dû. Les "
            "données de la créance sont dans dossier.creance (format de « clerc calcul "
            "decompte ») ; conventions : intérêts jour par jour sur 365 jours, du lendemain de "
            "la date de départ au jour de fin inclus, chaque période arrondie au centime."
        )

    def format_reponse(self, s: Scenario) -> dict[str, Any]:
        champs: dict[str, Any] = {
            cle: f"montant en texte, deux décimales (« 1234.56 ») : {libelle}"
            for cle, libelle in CHAMPS_DECOMPTE.items()
        }
        champs["imputation"] = {
            cle: f"montant en texte : {libelle}" for cle, libelle in CHAMPS_IMPUTATION.items()
        }
        return {
            "champs": champs,
            "exemple": {
                **dict.fromkeys(CHAMPS_DECOMPTE, "0.00"),
                "principal": "1500.00",
                "imputation": dict.fromkeys(CHAMPS_IMPUTATION, "0.00"),
            },
        }

    @staticmethod
    def _decompte(s: Scenario) -> Decompte:
        d = s.examine.decompte
        if d is None:
            raise DonneeInvalide(f"Dossier {s.reference} : décompte non calculable.")
        return d

    @staticmethod
    def _imputation(d: Decompte) -> dict[str, Decimal]:
        return {
            "frais": sum((i.frais for i in d.imputations), ZERO),
            "interets": sum((i.interets for i in d.imputations), ZERO),
            "principal": sum((i.principal for i in d.imputations), ZERO),
        }

    def _attendus(self, d: Decompte) -> dict[str, Decimal]:
        return {
            "principal": d.principal,
            "article_700": d.article_700,
            "depens": d.depens,
            "frais": d.frais,
            "interets": d.interets_echus,
            "paiements": d.paiements,
            "total": d.total,
        }

    def solution(self, s: Scenario) -> dict[str, Any]:
        d = self._decompte(s)
        reponse: dict[str, Any] = {k: en_texte(v) for k, v in self._attendus(d).items()}
        reponse["imputation"] = {k: en_texte(v) for k, v in self._imputation(d).items()}
        return reponse

    def _article_interets(self, s: Scenario) -> str:
        regime = s.creance.regime if s.creance is not None else None
        if regime is None or regime.mode == "aucun":
            return "C. civ. 1231-6"
        if regime.mode == "conventionnel":
            article = "C. civ. 1907 (taux conventionnel fixé par écrit)"
        elif regime.majoration_depuis is not None:
            article = "C. mon. fin. L313-2, L313-3 ; C. civ. 1231-7"
        else:
            article = "C. mon. fin. L313-2 ; C. civ. 1231-7"
        if regime.capitalisation_depuis is not None:
            article += " ; C. civ. 1343-2"
        return article

    def _explications(self, s: Scenario, d: Decompte) -> dict[str, tuple[str, str]]:
        regime = s.creance.regime if s.creance is not None else None
        actes = [f for f in d.frais_retenus if f.nature == "acte"]
        detail_actes = " ; ".join(
            f"{f.libelle} du {f.date.isoformat()} : {format_euros(f.montant)}" for f in actes
        )
        majoration = ""
        if regime is not None and regime.majoration_depuis is not None:
            majoration = (
                f" Taux légal majoré de cinq points à compter du "
                f"{regime.majoration_depuis.isoformat()}, deux mois après que la décision est "
                "devenue exécutoire (C. mon. fin. L313-3)."
            )
        imputations = " ; ".join(
            f"paiement du {i.date.isoformat()} de {format_euros(i.montant)} : frais "
            f"{format_euros(i.frais)}, intérêts {format_euros(i.interets)}, capital "
            f"{format_euros(i.principal)}"
            for i in d.imputations
        )
        return {
            "principal": (
                f"Principal de la condamnation ou de la créance ({d.titre or 'titre'}), daté du "
                f"{d.date_creance.isoformat()} ; l'acte le distingue des frais et des intérêts "
                "(CPCE R211-1 3°).",
                "CPCE R211-1 3°",
            ),
            "article_700": (
                "Indemnité allouée par le juge au titre des frais non compris dans les dépens ; "
                "elle porte intérêts au taux légal (C. civ. 1231-7).",
                "CPC 700 ; C. civ. 1231-7",
            ),
            "depens": ("Dépens liquidés par le titre (CPC 695, 696).", "CPC 695, 696"),
            "frais": (
                "Frais et émoluments des actes d'exécution, à la charge du débiteur (CPCE "
                f"L111-8), sans intérêts : {detail_actes or 'aucun acte'}.",
                "CPCE L111-8",
            ),
            "interets": (
                f"Intérêts échus au {d.au.isoformat()} : {_periodes(d)}.{majoration} Total "
                f"{format_euros(d.interets_echus)}.",
                self._article_interets(s),
            ),
            "paiements": (
                f"Paiements reçus jusqu'au {d.au.isoformat()} : {len(d.imputations)} paiement(s), "
                f"{format_euros(d.paiements)} (C. civ. 1342).",
                "C. civ. 1342",
            ),
            "imputation": (
                "Imputation légale de chaque paiement : d'abord sur les frais, puis sur les "
                "intérêts, enfin sur le capital (C. civ. 1343-1) ; "
                f"{imputations or 'aucun paiement'}.",
                "C. civ. 1343-1",
            ),
            "total": (
                f"Total dû = principal {format_euros(d.principal)} + article 700 "
                f"{format_euros(d.article_700)} + dépens {format_euros(d.depens)} + frais "
                f"{format_euros(d.frais)} + intérêts {format_euros(d.interets_echus)} - "
                f"paiements {format_euros(d.paiements)}"
                + (f" + trop-perçu {format_euros(d.trop_percu)}" if d.trop_percu else "")
                + f" = {format_euros(d.total)}, les paiements étant imputés selon l'article "
                "1343-1 du code civil.",
                "C. civ. 1343-1 ; CPCE R211-1 3°",
            ),
        }

    def corriger(self, s: Scenario, reponse: object) -> Notation:
        d = self._decompte(s)
        donnees = objet_reponse(reponse, (*CHAMPS_DECOMPTE, "imputation"))
        imputation_donnee = objet_reponse(donnees["imputation"], tuple(CHAMPS_IMPUTATION))
        explications = self._explications(s, d)
        poids = {"interets": DEUX, "total": TROIS}
        points = []
        for cle, attendu in self._attendus(d).items():
            donne = montant(donnees[cle], cle, negatif_admis=True)
            explication, article = explications[cle]
            points.append(
                Point(
                    cle,
                    poids.get(cle, UN),
                    donne == attendu,
                    en_texte(attendu),
                    en_texte(donne),
                    explication,
                    article,
                )
            )
        if d.imputations:
            explication, article = explications["imputation"]
            for cle, attendu in self._imputation(d).items():
                donne = montant(imputation_donnee[cle], f"imputation.{cle}", negatif_admis=True)
                points.append(
                    Point(
                        f"imputation.{cle}",
                        UN,
                        donne == attendu,
                        en_texte(attendu),
                        en_texte(donne),
                        explication,
                        article,
                    )
                )
        return noter(points)


# --- (c) risques --------------------------------------------------------------------------------

RISQUES: dict[str, str] = {
    "titre_prescrit": "Titre prescrit (CPCE L111-4)",
    "creance_prescrite": "Créance vraisemblablement prescrite (C. civ. 2224)",
    "prescription_prochaine": "Prescription acquise dans les six mois, à interrompre (C. civ. "
    "2244)",
    "jugement_non_signifie": "Jugement non signifié (CPC 503)",
    "titre_non_signifie": "Titre non signifié (CPC 503)",
    "jugement_non_avenu": "Jugement par défaut non avenu faute de signification dans les six "
    "mois (CPC 478)",
    "injonction_non_signifiee_6_mois": "Ordonnance d'injonction de payer non signifiée dans le "
    "délai : non avenue (CPC 1411)",
    "injonction_a_signifier": "Ordonnance d'injonction de payer à signifier dans le délai (CPC "
    "1411)",
    "formule_executoire_absente": "Pas de formule exécutoire (CPC 502)",
    "titre_inconnu": "Titre hors de la liste des titres exécutoires (CPCE L111-3)",
    "titre_pas_encore_executoire": "Titre pas encore exécutoire : délai de recours en cours (CPC "
    "538, 1416)",
    "liquidation_judiciaire": "Débiteur en liquidation judiciaire (C. com. L641-3, L622-21)",
    "redressement_judiciaire": "Débiteur en redressement judiciaire (C. com. L631-14)",
    "procedure_sauvegarde": "Débiteur en procédure de sauvegarde (C. com. L622-21)",
    "surendettement": "Débiteur en surendettement (C. consom. L722-2)",
    "retablissement_personnel": "Rétablissement personnel du débiteur (C. consom. L741-2)",
    "majeur_protege": "Débiteur majeur protégé : tutelle, curatelle (C. civ. 467, 473)",
    "sauvegarde_de_justice": "Débiteur sous sauvegarde de justice (C. civ. 435)",
    "debiteur_decede": "Débiteur décédé (C. civ. 877)",
    "treve_hivernale": "Expulsion programmée pendant la trêve hivernale (CPCE L412-6)",
    "treve_hivernale_en_cours": "Trêve hivernale en cours (CPCE L412-6)",
    "alsace_moselle": "Dossier d'Alsace-Moselle : calendrier et droit locaux (C. trav. "
    "L3134-13 ; CPC 642)",
    "outre_mer": "Dossier d'outre-mer : jours fériés et délais propres (CPC 643, 644)",
    "creance_inferieure_535": "Saisie-vente au domicile pour une créance inférieure au seuil "
    "(CPCE L221-2, R221-2)",
    "fonds_detenus_trop_longtemps": "Fonds détenus au-delà du délai de reversement (C. com. "
    "R444-56)",
    "fonds_a_reverser": "Fonds détenus à reverser dans le délai (C. com. R444-56)",
    "creance_alimentaire": "Créance alimentaire : paiement direct, toute la rémunération "
    "au-delà du RSA (CPCE L213-1 ; C. trav. L3252-5)",
    "solde_bancaire_insaisissable": "Solde déclaré du compte sous le solde bancaire "
    "insaisissable : saisie de peu de rendement (CPCE L162-2, R162-2)",
    "creance_soldee": "Créance soldée : reverser et clôturer (C. civ. 1342)",
    "procedure_caduque": "Procédure caduque à reprendre ou abandonner",
    "echeance_depassee": "Échéance d'une procédure en cours dépassée",
    "procedure_en_cours": "Procédure en cours, prochaine échéance",
    "dossier_suspendu": "Dossier suspendu",
    "prescription_acquise_dossier_clos": "Dossier clos et prescription acquise",
}
GRAVITES_DEMANDEES = ("bloquant", "attention")
# Alerts a beginner or an intermediate trainee is not expected to find without a trap.
_ALERTES_SUBTILES = frozenset(
    {
        "titre_pas_encore_executoire",
        "prescription_prochaine",
        "creance_prescrite",
        "echeance_depassee",
        "procedure_caduque",
        "injonction_a_signifier",
        "jugement_non_avenu",
    }
)


class Risques(TypeExercice):
    code = "risques"
    libelle = "Identifier les risques du dossier"
    pieges_pertinents = frozenset(PIEGES)

    def eligible(self, s: Scenario) -> bool:
        return s.en_cours

    def complexe(self, s: Scenario) -> bool:
        attendues = self._attendues(s)
        return len(attendues) >= 2 or any(a.code in _ALERTES_SUBTILES for a in attendues)

    @staticmethod
    def _attendues(s: Scenario) -> list[Alerte]:
        vues: dict[str, Alerte] = {}
        for alerte in s.fiche.alertes:
            if alerte.gravite in GRAVITES_DEMANDEES and alerte.code not in vues:
                vues[alerte.code] = alerte
        return list(vues.values())

    def consigne(self, s: Scenario) -> str:
        return (
            f"Au {s.au.isoformat()}, relevez les risques du dossier {s.reference} qui "
            "interdisent une mesure ou imposent une précaution ou un délai (gravité « bloquant » "
            "ou « attention ») : donnez leurs codes parmi la liste. Les simples informations "
            "(procédure en cours, fonds à reverser dans le délai...) ne sont pas demandées."
        )

    def format_reponse(self, s: Scenario) -> dict[str, Any]:
        return {
            "champs": {"risques": "liste des codes des risques relevés (vide s'il n'y en a pas)"},
            "valeurs_possibles": {"risques": dict(RISQUES)},
            "exemple": {"risques": ["debiteur_decede"]},
        }

    def solution(self, s: Scenario) -> dict[str, Any]:
        return {"risques": [a.code for a in self._attendues(s)]}

    def corriger(self, s: Scenario, reponse: object) -> Notation:
        donnees = objet_reponse(reponse, ("risques",))
        donnes = codes_reponse(donnees["risques"], "risques", RISQUES)
        attendues = self._attendues(s)
        codes_attendus = {a.code for a in attendues}
        informations = {a.code for a in s.fiche.alertes if a.gravite not in GRAVITES_DEMANDEES}
        points = [
            Point(
                f"risque « {a.code} »",
                DEUX if a.gravite == "bloquant" else UN,
                a.code in donnes,
                f"relevé ({a.gravite})",
                "relevé" if a.code in donnes else "non relevé",
                a.message,
                a.article,
            )
            for a in attendues
        ]
        for code in donnes:
            if code in codes_attendus or code in informations:
                continue  # an information the engine gives too: neither asked nor wrong
            points.append(
                Point(
                    f"risque « {code} »",
                    UN,
                    False,
                    "non caractérisé",
                    "relevé",
                    f"Ce risque n'est pas caractérisé dans ce dossier au {s.au.isoformat()} "
                    f"({RISQUES[code]}) : relisez les faits (parties, titre, actes, dates).",
                    RISQUES[code].rsplit("(", 1)[-1].rstrip(")") if "(" in RISQUES[code] else "",
                )
            )
        return noter(points)


# --- (d) mesures ---------------------------------------------------------------------------------

MESURES: dict[str, str] = {
    "declaration_creance": "Déclaration de la créance au mandataire ou au liquidateur (C. com. "
    "L622-24)",
    "signification_titre": "Signification du titre (au débiteur ou aux héritiers) (CPC 503 ; C. "
    "civ. 877)",
    "injonction_de_payer": "Requête en injonction de payer (CPC 1405)",
    "petites_creances": "Procédure simplifiée de recouvrement des petites créances (CPCE L125-1)",
    "expulsion": "Expulsion (CPCE L411-1, L412-1)",
    "paiement_direct": "Paiement direct de la pension alimentaire (CPCE L213-1)",
    "saisie_attribution_compte": "Saisie-attribution sur comptes bancaires (CPCE L211-1)",
    "saisie_remunerations": "Saisie des rémunérations (CPCE L212-1 ; C. trav. L3252-1)",
    "saisie_vente": "Saisie-vente (CPCE L221-1)",
    "recouvrement_amiable": "Recouvrement amiable, relance et échéancier (C. civ. 1343-5 ; CPCE "
    "R124-1)",
}
# Why a measure the engine did not even consider is out of place here.
_SANS_OBJET: dict[str, tuple[str, str]] = {
    "declaration_creance": (
        "Aucune procédure collective n'est ouverte contre le débiteur : il n'y a pas de "
        "créance à déclarer.",
        "C. com. L622-24",
    ),
    "signification_titre": (
        "Le titre n'a pas à être signifié maintenant (déjà signifié au débiteur, ou non avenu).",
        "CPC 503",
    ),
    "injonction_de_payer": (
        "Le créancier a déjà un titre exécutoire en vigueur : une requête en injonction de payer "
        "est sans objet.",
        "CPCE L111-3 ; CPC 1405",
    ),
    "petites_creances": (
        "La procédure des petites créances sert à obtenir un titre : le créancier en a déjà un.",
        "CPCE L125-1",
    ),
    "expulsion": (
        "Le dossier n'a pas pour objet la libération d'un local, ou l'expulsion est déjà faite.",
        "CPCE L411-1",
    ),
    "paiement_direct": (
        "Le titre ne fixe pas une créance alimentaire (pension, contribution à l'entretien des "
        "enfants) contre une personne physique : le paiement direct est sans objet.",
        "CPCE L213-1",
    ),
    "saisie_attribution_compte": (
        "Sans titre exécutoire, aucune mesure d'exécution forcée n'est possible.",
        "CPCE L111-2",
    ),
    "saisie_remunerations": (
        "Seule une personne physique salariée perçoit des rémunérations saisissables ; sans "
        "titre exécutoire, aucune saisie.",
        "C. trav. L3252-1 ; CPCE L111-2",
    ),
    "saisie_vente": (
        "Sans titre exécutoire, aucune mesure d'exécution forcée n'est possible.",
        "CPCE L111-2",
    ),
    "recouvrement_amiable": (
        "Le recouvrement amiable n'est pas une option ouverte dans ce dossier.",
        "CPCE R124-1",
    ),
}


class Mesures(TypeExercice):
    code = "mesures"
    libelle = "Choisir et classer les mesures"
    pieges_pertinents = frozenset(
        {"liquidation_judiciaire", "surendettement", "debiteur_decede", "jugement_non_signifie",
         "titre_prescrit", "injonction_non_signifiee_6_mois", "creance_inferieure_535",
         "creance_alimentaire", "solde_bancaire_insaisissable"}
    )  # fmt: skip

    def eligible(self, s: Scenario) -> bool:
        return s.en_cours and bool(self._possibles(s))

    def complexe(self, s: Scenario) -> bool:
        return len(self._possibles(s)) >= 3 and any(not m.possible for m in s.fiche.mesures)

    @staticmethod
    def _possibles(s: Scenario) -> list[Mesure]:
        return [m for m in s.fiche.mesures if m.possible]

    def consigne(self, s: Scenario) -> str:
        return (
            f"Au {s.au.isoformat()}, quelles mesures engager dans le dossier {s.reference}, et "
            "dans quel ordre ? Donnez les codes des seules mesures possibles à cette date, de la "
            "première à engager à la dernière. Une mesure impossible (interdite, prématurée ou "
            "sans ses conditions) est une erreur."
        )

    def format_reponse(self, s: Scenario) -> dict[str, Any]:
        return {
            "champs": {"mesures": "liste ordonnée des codes des mesures à engager"},
            "valeurs_possibles": {"mesures": dict(MESURES)},
            "exemple": {"mesures": ["saisie_attribution_compte", "saisie_vente"]},
        }

    def solution(self, s: Scenario) -> dict[str, Any]:
        return {"mesures": [m.procedure for m in self._possibles(s)]}

    def corriger(self, s: Scenario, reponse: object) -> Notation:
        donnees = objet_reponse(reponse, ("mesures",))
        donnes = codes_reponse(donnees["mesures"], "mesures", MESURES)
        toutes = {m.procedure: m for m in s.fiche.mesures}
        possibles = self._possibles(s)
        attendues = [m.procedure for m in possibles]
        points: list[Point] = []
        for code in donnes:
            mesure = toutes.get(code)
            if mesure is None:
                explication, article = _SANS_OBJET[code]
                points.append(
                    Point(f"mesure « {code} »", UN, False, "sans objet", "choisie", explication,
                          article)
                )  # fmt: skip
            elif not mesure.possible:
                points.append(
                    Point(
                        f"mesure « {code} »",
                        DEUX,
                        False,
                        "impossible",
                        "choisie",
                        f"Mesure impossible au {s.au.isoformat()} : "
                        + " ; ".join(mesure.conditions_manquantes),
                        mesure.articles,
                    )
                )
        for mesure in possibles:
            choisie = mesure.procedure in donnes
            points.append(
                Point(
                    f"mesure « {mesure.procedure} »",
                    UN,
                    choisie,
                    f"à engager (rang {mesure.rang})",
                    "choisie" if choisie else "omise",
                    mesure.pourquoi,
                    mesure.articles,
                )
            )
        if possibles:
            premiere = possibles[0]
            donnee = donnes[0] if donnes else ""
            points.append(
                Point(
                    "première mesure",
                    DEUX,
                    donnee == premiere.procedure,
                    premiere.procedure,
                    donnee or "aucune",
                    f"À engager en premier : {premiere.libelle}. {premiere.pourquoi}",
                    premiere.articles,
                )
            )
        rangs = {code: rang for rang, code in enumerate(donnes)}
        for avant, apres in pairwise(attendues):
            if avant not in rangs or apres not in rangs:
                continue
            mesure = toutes[avant]
            points.append(
                Point(
                    f"ordre « {avant} » avant « {apres} »",
                    UN,
                    rangs[avant] < rangs[apres],
                    f"{avant} puis {apres}",
                    f"{apres} puis {avant}" if rangs[apres] < rangs[avant] else "",
                    f"{mesure.libelle} vient avant {toutes[apres].libelle} : {mesure.pourquoi}",
                    mesure.articles,
                )
            )
        return noter(points)


TYPES_BLOC_1: dict[str, TypeExercice] = {
    t.code: t for t in (QualifierTitre(), DecompteExercice(), Risques(), Mesures())
}


__all__ = [
    "CHAMPS_DECOMPTE",
    "CHAMPS_IMPUTATION",
    "CONDITIONS_TITRE",
    "MESURES",
    "PIEGES_EVIDENTS",
    "PIEGES_SUBTILS",
    "RISQUES",
    "TYPES_BLOC_1",
    "TypeExercice",
]
