"""A dénonciation de saisie-attribution on fixed data, for the checker and template tests.

The seizure: Monday 6 March 2023, bank account at the Banque Populaire Auvergne Rhône Alpes in
Lyon; the dénonciation served Wednesday 8 March 2023 at 9 h 30 in Lyon (69). The month to
contest (CPCE R211-11) from 8 March ends Saturday 8 April; Sunday 9 and Easter Monday 10 April
follow: it expires Tuesday 11 April 2023 (CPC 641, 642 al. 2). Tariff of 2020 (n° 5: 32,98 €
HT, extended to 29 February 2024); the amount in force from 1 March 2024 is not known yet.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal

from clerc.actes.modele import (
    ContenuActe,
    Controle,
    DecompteActe,
    Etude,
    LigneDecompte,
    Personne,
    Remise,
    TitreActe,
)
from clerc.rules.tarif import cout_acte

JOUR = date(2023, 3, 8)
FIN_CONTESTATION = date(2023, 4, 11)
TOTAL = Decimal("6155.49")


def denonciation(**champs: object) -> ContenuActe:
    lignes = (
        LigneDecompte("Principal", Decimal("5000.00")),
        LigneDecompte("Article 700 du code de procédure civile", Decimal("800.00")),
        LigneDecompte("Dépens", Decimal("120.50")),
        LigneDecompte("Intérêts échus", Decimal("234.99"), "taux légal majoré"),
    )
    contenu = ContenuActe(
        type="denonciation_saisie_attribution",
        reference="2026-000123",
        jour=JOUR,
        heure=time(9, 30),
        territoire="69",
        etude=Etude(
            nom="SELARL Martin & Associés, commissaires de justice",
            adresse=("12 rue de la République", "69002 Lyon"),
            signataire="Maître Claire MARTIN",
        ),
        requerant=Personne(
            personne_physique=False,
            designation="SA BANQUE DU RHÔNE",
            forme="société anonyme",
            denomination="BANQUE DU RHÔNE",
            siren="552120222",
            representant="son directeur général en exercice",
            adresse=("3 place Bellecour", "69002 Lyon"),
        ),
        destinataire=Personne(
            personne_physique=True,
            designation="Monsieur Jean DUPONT",
            nom="DUPONT",
            prenoms="Jean",
            adresse=("3 rue Serpenoise", "69003 Lyon"),
        ),
        tiers=Personne(
            personne_physique=False,
            designation="BANQUE POPULAIRE AUVERGNE RHÔNE ALPES",
            denomination="BANQUE POPULAIRE AUVERGNE RHÔNE ALPES",
            adresse=("4 boulevard Eugène Deruelle", "69003 Lyon"),
        ),
        titre=TitreActe(
            nature="un jugement",
            juridiction="tribunal judiciaire de Lyon",
            date_titre=date(2022, 11, 14),
            numero="RG 22/01234",
            date_signification=date(2022, 11, 25),
        ),
        decompte=DecompteActe(au=date(2023, 3, 6), lignes=lignes, total=TOTAL),
        delais={"fin_contestation": FIN_CONTESTATION},
        remise=Remise(mode="personne", heure=time(9, 30)),
        cout=cout_acte("denonciation_saisie_attribution", JOUR, TOTAL),
        champs={
            "pv_saisie_le": date(2023, 3, 6),
            "juridiction_contestation": "juge de l'exécution du tribunal judiciaire de Lyon",
            "compte_bancaire": "FR76 1680 7000 0100 0000 0000 000",
            "solde_bancaire_insaisissable": Decimal("646.52"),
        },
        controle=Controle(total_decompte=TOTAL, delais={"fin_contestation": FIN_CONTESTATION}),
        initiales="CM",
    )

    return replace(contenu, **champs)  # type: ignore[arg-type]


def paiement_tiers(**champs: object) -> ContenuActe:
    """The garnishee of the dénonciation example asked to pay on the certificate of Wednesday
    12 April 2023 (the month to contest expired on Tuesday 11 April)."""
    base = denonciation()
    contenu = replace(
        base,
        type="lettre_tiers_saisi_paiement",
        destinataire=base.tiers,
        tiers=base.destinataire,
        jour=date(2023, 4, 12),
        remise=None,
        cout=None,
        champs={
            "pv_saisie_le": date(2023, 3, 6),
            "certificat_non_contestation_le": date(2023, 4, 12),
        },
    )
    return replace(contenu, **champs)


def relance_employeur(**champs: object) -> ContenuActe:
    """Reminder to the employer of the wage seizure example (PV served on Tuesday 9 December
    2025): the fifteen days of R212-1-11 end on Wednesday 24 December 2025 (CPC 641); the
    letter is dated Monday 29 December 2025."""
    from clerc.actes.textes_reproduits import texte_reproduit
    from tests.actes.exemples_saisies import pv_saisie_remunerations

    base = pv_saisie_remunerations()
    jour, fin = date(2025, 12, 29), date(2025, 12, 24)
    contenu = replace(
        base,
        type="lettre_employeur_declaration",
        jour=jour,
        decompte=None,  # the employer is reminded of its declaration, not of the sums
        heure=None,
        remise=None,
        cout=None,
        cout_indisponible=None,
        champs={"pv_saisie_le": date(2025, 12, 9)},
        delais={"fin_declaration": fin},
        textes=(texte_reproduit("CPCE L212-8", jour), texte_reproduit("CPCE L212-14", jour)),
        controle=Controle(delais={"fin_declaration": fin}),
    )
    return replace(contenu, **champs)  # type: ignore[arg-type]
