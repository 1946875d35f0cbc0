"""Data of the demonstration act: a fictitious "commandement de payer aux fins de saisie-vente".

Used by ``modeles/demonstration.typ`` and ``modeles/acte.docx``, by the tests and by
benchmarks/actes.py. Every person, office, number and amount is invented (the costs are not a
tariff computation); the reproduced articles are the real texts of the CPCE, copied from
Légifrance (LEGIARTI000025938575 and following, section R221-1 to R221-5).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from clerc.actes.texte import (
    date_longue,
    designation_partie,
    euros,
    formule_date_acte,
    montant_en_chiffres_et_lettres,
)
from clerc.rules.monnaie import arrondi_centime

JOUR = date(2026, 11, 29)

# CPCE R221-1 and R221-5 (Légifrance, in force since 1 June 2012), verbatim.
R221_1 = (
    "Le commandement de payer prévu à l'article L. 221-1 contient à peine de nullité :\n"
    "1° Mention du titre exécutoire en vertu duquel les poursuites sont exercées avec le "
    "décompte distinct des sommes réclamées en principal, frais et intérêts échus ainsi que "
    "l'indication du taux des intérêts ;\n"
    "2° Commandement d'avoir à payer la dette dans un délai de huit jours faute de quoi il peut "
    "y être contraint par la vente forcée de ses biens meubles."
)
R221_4 = (
    "Le commandement de payer ne peut être signifié à domicile élu. Il peut être délivré dans "
    "l'acte de signification du jugement."
)
R221_5 = (
    "Si, dans un délai de deux ans qui suit le commandement de payer, aucun acte d'exécution "
    "n'est intervenu, les poursuites ne peuvent être engagées que sur un nouveau commandement. "
    "Toutefois, l'effet interruptif de prescription du commandement demeure."
)


def _ligne(libelle: str, montant: Decimal, detail: str | None = None) -> dict[str, str]:
    ligne = {"libelle": libelle, "montant": euros(montant)}
    if detail:
        ligne["detail"] = detail
    return ligne


def _cout() -> tuple[list[dict[str, str]], dict[str, str], Decimal]:
    emolument, deplacement, debours = Decimal("20.42"), Decimal("9.40"), Decimal("1.52")
    hors_taxes = emolument + deplacement
    tva = arrondi_centime(hors_taxes * Decimal("0.20"))
    total = hors_taxes + tva + debours
    lignes = [
        _ligne("Émolument (C. com. A444-14)", emolument),
        _ligne("Frais de déplacement (C. com. A444-48)", deplacement),
        _ligne("Total hors taxes", hors_taxes),
        _ligne("TVA à 20 %", tva),
        _ligne("Débours (affranchissement)", debours),
    ]
    return lignes, {"libelle": "Coût de l'acte TTC", "montant": euros(total)}, total


def _decompte(cout: Decimal) -> tuple[list[dict[str, str]], Decimal]:
    principal = Decimal("4500.00")
    debut, fin = date(2026, 5, 12), JOUR
    jours = (fin - debut).days  # from the start date, exclusive, to the end date, inclusive
    taux = Decimal("5.00")
    interets = arrondi_centime(principal * taux / 100 * jours / 365)
    elements = [
        (
            "Principal",
            principal,
            "Condamnation prononcée par le jugement du 12 mai 2026",
        ),
        (
            "Intérêts échus",
            interets,
            f"Au taux conventionnel de 5,00 % l'an sur {euros(principal)}, "
            f"du {date_longue(debut)} au {date_longue(fin)} ({jours} jours, base 365)",
        ),
        ("Article 700 du code de procédure civile", Decimal("1200.00"), None),
        ("Dépens liquidés", Decimal("245.37"), "Selon certificat de vérification"),
        ("Frais de signification du jugement", Decimal("62.18"), "Acte du 3 juin 2026"),
        ("Droit d'engagement des poursuites", Decimal("40.00"), "C. com. A444-15"),
        ("Coût du présent commandement", cout, "Détail en fin d'acte"),
        (
            "Acompte reçu",
            Decimal("-300.00"),
            "Versement du 2 octobre 2026, imputé (C. civ. 1343-1)",
        ),
    ]
    total = sum((montant for _, montant, _ in elements), Decimal("0.00"))
    return [_ligne(*element) for element in elements], total


def donnees_demonstration() -> dict[str, Any]:
    """The JSON data of ``modeles/demonstration.typ`` (every value already French text)."""
    lignes_cout, total_cout, cout = _cout()
    lignes, total = _decompte(cout)
    requerant = designation_partie(
        {
            "nature": "morale",
            "forme": "SAS",
            "denomination": "Établissements Garçon",
            "capital": euros(Decimal("50000")),
            "rcs": "Lyon sous le n° 512 345 678",
            "siege": ["8 place Bellecour", "69002 Lyon"],
        }
    )
    destinataire = designation_partie(
        {
            "civilite": "Monsieur",
            "prenoms": "Jérôme",
            "nom": "Façonnier",
            "profession": "plombier-chauffagiste",
            "naissance": f"né le {date_longue(date(1981, 3, 1))} à Villeurbanne (Rhône)",
            "adresse": ["27 rue de l'Épée", "69003 Lyon"],
        }
    )
    return {
        "titre": "Commandement de payer aux fins de saisie-vente",
        "formule_date": formule_date_acte(JOUR),
        "etude": {
            "nom": "SELARL Martin & Roux",
            "qualite": "Commissaires de justice associés",
            "titulaires": ["Maître Claire MARTIN", "Maître Hélène ROUX"],
            "adresse": ["14 rue de la Charité", "69002 Lyon"],
            "telephone": "04 78 00 00 00",
            "courriel": "etude@martin-roux.example",
            "mentions": ["Document de démonstration : personnes et montants fictifs."],
        },
        "references": {
            "dossier": "2026-00417",
            "code_acte": "CPSV",
            "initiales": "CM",
            "date_edition": date_longue(JOUR),
        },
        "parties": {
            "requerants": [requerant],
            "election": "Élisant domicile en mon étude.",
            "instrumentaire": (
                "J'ai, Maître Claire MARTIN, commissaire de justice associée au sein de la "
                "SELARL Martin & Roux, titulaire d'un office de commissaire de justice à la "
                "résidence de Lyon, y demeurant 14 rue de la Charité, 69002 Lyon, soussignée,"
            ),
            "verbe": "Fait commandement de payer à",
            "destinataires": [destinataire],
        },
        "titre_executoire": (
            "la grosse dûment revêtue de la formule exécutoire d'un jugement contradictoire "
            "rendu en premier ressort par le tribunal judiciaire de Lyon le "
            f"{date_longue(date(2026, 5, 12))} (RG n° 25/04512), signifié le "
            f"{date_longue(date(2026, 6, 3))}, aujourd'hui définitif"
        ),
        "decompte": {
            "lignes": lignes,
            "total": {"libelle": "Total des sommes dues", "montant": euros(total)},
            "total_en_lettres": montant_en_chiffres_et_lettres(total),
            "taux": "5,00 % l'an (taux conventionnel stipulé au titre)",
        },
        "delai": "huit jours",
        "juridiction": "du tribunal judiciaire de Lyon",
        "textes": [
            {
                "titre": "Article R. 221-1 du code des procédures civiles d'exécution",
                "texte": R221_1,
            },
            {
                "titre": "Article R. 221-4 du code des procédures civiles d'exécution",
                "texte": R221_4,
            },
            {
                "titre": "Article R. 221-5 du code des procédures civiles d'exécution",
                "texte": R221_5,
            },
        ],
        "remise": {
            "mode": "à personne",
            "date": date_longue(JOUR),
            "heure": "10 h 25",
            "parlant_a": "Monsieur Jérôme FAÇONNIER, ainsi déclaré",
            "paragraphes": [
                "La copie du présent acte a été remise à son destinataire en personne, qui l'a "
                "acceptée (C. pr. civ. 654).",
                "Les mentions relatives à la signification sont visées par le commissaire de "
                "justice.",
            ],
        },
        "cout": {
            "lignes": lignes_cout,
            "total": total_cout,
            "mentions": ["Montants de démonstration, non calculés sur le tarif en vigueur."],
        },
        "signature": {
            "lieu": "Fait à Lyon",
            "nom": "Maître Claire MARTIN",
            "qualite": "Commissaire de justice associée",
            "mention": "Sceau et signature",
        },
    }


def contexte_docx_demonstration() -> dict[str, Any]:
    """The context of ``modeles/acte.docx`` for the same act (plain strings, lists)."""
    d = donnees_demonstration()
    parties = d["parties"]
    return {
        "titre": d["titre"].upper(),
        "formule_date": d["formule_date"],
        "references": d["references"],
        "etude": d["etude"],
        "requerants": parties["requerants"],
        "election": parties["election"],
        "instrumentaire": parties["instrumentaire"],
        "verbe": parties["verbe"].upper(),
        "destinataires": parties["destinataires"],
        "paragraphes": [
            f"En vertu de {d['titre_executoire']} ;",
            "D'avoir à payer dans un délai de huit jours, entre mes mains, ayant pouvoir de "
            "recevoir et d'en donner quittance, les sommes suivantes :",
        ],
        "decompte": d["decompte"],
        "mentions": [
            f"Soit la somme totale de {d['decompte']['total_en_lettres']}, sous réserve des "
            "intérêts postérieurs et des frais.",
            "Faute de payer dans ce délai, il pourra y être contraint par la vente forcée de "
            "ses biens meubles (CPCE R221-1).",
        ],
        "cout": d["cout"],
        "signature": d["signature"],
    }


def donnees_courrier_demonstration() -> dict[str, Any]:
    """Data of ``modeles/courrier.typ``: a fictitious letter to the debtor of the act."""
    d = donnees_demonstration()
    return {
        "etude": d["etude"],
        "destinataire": {
            "nom": "Monsieur Jérôme FAÇONNIER",
            "adresse": ["27 rue de l'Épée", "69003 Lyon"],
        },
        "envoi": "Lettre simple",
        "lieu": "Lyon",
        "date": date_longue(JOUR),
        "references": f"dossier {d['references']['dossier']} ({d['references']['initiales']})",
        "objet": "SAS ÉTABLISSEMENTS GARÇON c/ Jérôme FAÇONNIER : commandement de payer",
        "appel": "Monsieur,",
        "paragraphes": [
            "Je vous ai délivré ce jour un commandement de payer aux fins de saisie-vente, en "
            "exécution du jugement du tribunal judiciaire de Lyon du 12 mai 2026.",
            f"Le montant restant dû s'élève à {d['decompte']['total_en_lettres']}. Vous pouvez "
            "le régler par virement ou en l'étude, ou me contacter pour convenir d'un "
            "échéancier.",
        ],
        "formule": (
            "Je vous prie d'agréer, Monsieur, l'expression de mes salutations distinguées."
        ),
        "signature": {"nom": "Maître Claire MARTIN", "qualite": "Commissaire de justice associée"},
        "pieces": ["Copie du décompte"],
    }
