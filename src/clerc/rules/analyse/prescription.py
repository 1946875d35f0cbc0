"""Fiche d'analyse, 2: until when the title can be enforced.

CPCE L111-4, C. civ. 2224, 2240, 2244 (see the package docstring).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from clerc.rules.analyse.modele import (
    ACTES_INTERRUPTIFS,
    NATURES_TITRE,
    ActeFait,
    ExamenPrescription,
    FaitInterruptif,
    PaiementRecu,
    TitreExamine,
)
from clerc.rules.monnaie import format_euros
from clerc.rules.prescription import (
    TITRES_L111_4,
    Evenement,
    Nature,
    Prescription,
    point_de_depart_titre_juridictionnel,
    prescription,
)
from clerc.rules.prescription import Titre as TitrePrescription

# --- 2. prescription ------------------------------------------------------------------------


def faits_interruptifs(
    actes: Sequence[ActeFait], paiements: Sequence[PaiementRecu]
) -> tuple[FaitInterruptif, ...]:
    """The acts and payments of a file that interrupt the prescription (module docstring)."""
    faits = [
        FaitInterruptif(a.date, Nature.ACTE_EXECUTION, a.libelle or str(a.code))
        for a in actes
        if a.code in ACTES_INTERRUPTIFS
    ]
    faits.extend(
        FaitInterruptif(
            p.date, Nature.PAIEMENT_PARTIEL, f"Paiement du débiteur de {format_euros(p.montant)}"
        )
        for p in paiements
        if p.origine == "debiteur" and p.montant > 0
    )
    return tuple(sorted(faits, key=lambda f: f.date))


def examen_prescription(
    titre: TitreExamine | None,
    au: date,
    faits: Sequence[FaitInterruptif] = (),
    *,
    executoire_depuis: date | None = None,
    date_creance: date | None = None,
    titre_non_avenu: bool = False,
    instance_le: date | None = None,
) -> ExamenPrescription:
    """Until when the title (or, without title, the claim) may be enforced, and whether that
    day is past at ``au`` (C. civ. 2229: acquired once its last day is completed).

    ``titre_non_avenu``: the title fell (CPC 478, 1411): no enforcement period at all.
    ``instance_le``: a claim without title brought to court on that day (assignation): the
    interruption lasts until the proceedings end (C. civ. 2241, 2242)."""
    avertissements: list[str] = []
    nature = NATURES_TITRE.get(titre.type) if titre is not None else None
    if titre is not None and titre_non_avenu:
        return ExamenPrescription(
            False,
            False,
            None,
            f"Titre du {titre.date_titre.isoformat()} non avenu : il ne peut plus être exécuté ; "
            "la créance elle-même se prescrit par son propre délai, l'effet interruptif de la "
            "demande en justice étant à vérifier (C. civ. 2241, 2243).",
            ("CPC 478", "CPC 1411", "C. civ. 2241", "C. civ. 2243"),
        )
    if titre is None or nature is None:
        if date_creance is None:
            return ExamenPrescription(
                False,
                False,
                None,
                "Aucune créance en principal : prescription non calculée.",
                ("C. civ. 2224",),
            )
        if instance_le is not None and date_creance <= instance_le <= au:
            return ExamenPrescription(
                True,
                False,
                None,
                f"Créance sans titre exécutoire, en justice depuis l'assignation du "
                f"{instance_le.isoformat()} : la prescription est interrompue jusqu'à "
                "l'extinction de l'instance (C. civ. 2241, 2242) ; un nouveau délai courra de la "
                "décision (CPCE L111-4).",
                ("C. civ. 2241", "C. civ. 2242", "CPCE L111-4"),
                point_de_depart=date_creance,
            )
        genre = TitrePrescription.AUTRE
        depart = date_creance
        objet = "Créance sans titre exécutoire"
    else:
        genre = nature.prescription
        objet = f"{nature.libelle} du {titre.date_titre.isoformat()}"
        if genre in TITRES_L111_4 and nature.jugement:
            signifie = titre.date_signification
            if signifie is None or signifie > au:
                return ExamenPrescription(
                    False,
                    False,
                    None,
                    f"{objet} non signifiée : le délai de dix ans pour l'exécuter ne court pas "
                    "encore (CPCE L111-4 ; Cass. 2e civ., 5 oct. 2023, n° 20-23.523).",
                    ("CPCE L111-4", "Cass. 2e civ., 5 oct. 2023, n° 20-23.523"),
                    titre_l111_4=True,
                )
            force = executoire_depuis or titre.date_force_executoire or signifie
            depart = point_de_depart_titre_juridictionnel(force, signifie)
        else:
            depart = titre.date_titre  # the earliest possible start (safe side)
    l111_4 = genre in TITRES_L111_4
    if not l111_4:
        avertissements.append(
            "Prescription de la créance elle-même, prise à cinq ans (C. civ. 2224) depuis "
            f"le {depart.isoformat()} : un délai propre plus court peut s'appliquer (deux ans "
            "d'un professionnel contre un consommateur, C. consom. L218-2 ; trois ans pour un "
            "bail d'habitation, loi n° 89-462 art. 7-1)."
        )
    retenus = [
        Evenement(f.nature, f.date, libelle=f.libelle) for f in faits if depart <= f.date <= au
    ]
    calcul: Prescription = prescription(genre, depart, evenements=retenus)
    avertissements.extend(calcul.avertissements)
    acquise = calcul.date_acquisition
    prescrit = au > acquise
    interruptions = tuple(f for f in faits if depart <= f.date <= au)
    derniere = (
        f" ; dernière interruption le {interruptions[-1].date.isoformat()} "
        f"({interruptions[-1].libelle}, {_article_fait(interruptions[-1])})"
        if interruptions
        else " ; aucun acte d'exécution ni paiement du débiteur depuis"
    )
    if prescrit:
        etat = f"prescrit depuis le {(acquise + timedelta(days=1)).isoformat()}"
    else:
        etat = f"exécution possible jusqu'au {acquise.isoformat()} inclus"
    motif = (
        f"{objet} : délai de {calcul.duree_annees} ans ({calcul.article_duree}) courant du "
        f"{depart.isoformat()}{derniere} ; {etat}."
    )
    return ExamenPrescription(
        True,
        prescrit,
        acquise,
        motif,
        calcul.references,
        point_de_depart=depart,
        duree_annees=calcul.duree_annees,
        titre_l111_4=l111_4,
        interruptions=interruptions,
        avertissements=tuple(dict.fromkeys(avertissements)),
    )


def _article_fait(fait: FaitInterruptif) -> str:
    return "C. civ. 2240" if fait.nature is Nature.PAIEMENT_PARTIEL else "C. civ. 2244"
