"""Letters about money (third-party funds, payment plans), on fixed data, for the checker and
template tests. Every person, office and number is invented; the figures add up.

One file, 2025-000318 (Lyon): SAS MENUISERIES DU RHÔNE against Monsieur Julien MOREL.
- Monday 3 March 2025: 400,00 € received by transfer from the debtor, not an instalment: C.
  com. R444-56 gives six weeks (42 days), to pay it out by Monday 14 April 2025 (a plain
  calendar delay, clerc.rules.fonds_tiers).
- Thursday 20 March 2025: 50,00 € of fees withheld, then 350,00 € paid out to the creditor:
  nothing held afterwards. The variant still holding 100,00 € received on 3 March must pay
  them out by 14 April 2025.
- Décompte at 4 March 2025: principal 1 860,00 € + interest 45,12 € - 400,00 € paid =
  1 505,12 €; the payment plan of 1 April 2025: four instalments of 376,28 € (4 x 376,28 =
  1 505,12 €).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from clerc.actes.modele import (
    ContenuActe,
    Controle,
    DecompteActe,
    Echeance,
    Echeancier,
    LigneDecompte,
    Personne,
)
from clerc.actes.texte import date_longue
from tests.actes.exemples_significations import CREANCIER, ETUDE

REFERENCE = "2025-000318"
DEBITEUR = Personne(
    personne_physique=True,
    designation="Monsieur Julien MOREL",
    nom="MOREL",
    prenoms="Julien",
    adresse=("6 rue Mercière", "69002 Lyon"),
)
ENCAISSE_LE = date(2025, 3, 3)
MONTANT = Decimal("400.00")
REVERSEMENT_ENCAISSEMENT = date(2025, 4, 14)  # 3 March + 42 days (R444-56, transfer)
REVERSE_LE = date(2025, 3, 20)
TOTAL = Decimal("1505.12")
PROCEDURES = (
    "Saisie-attribution (en cours, démarrée le 17 février 2025), dernière étape : "
    "dénonciation au débiteur le 19 février 2025."
)


def _decompte(au: date) -> DecompteActe:
    lignes = (
        LigneDecompte("Principal", Decimal("1860.00")),
        LigneDecompte(
            f"Intérêts échus au {date_longue(au)}", Decimal("45.12"), "taux appliqués : 3,71 %"
        ),
        LigneDecompte("Acomptes versés", -MONTANT),
    )
    return DecompteActe(au=au, lignes=lignes, total=TOTAL)


def _lettre(code: str, jour: date, destinataire: Personne, champs: dict[str, Any],
            fonds: dict[str, Any], delais: dict[str, date] | None = None,
            decompte: bool = True) -> ContenuActe:  # fmt: skip
    delais = delais or {}
    return ContenuActe(
        type=code,
        reference=REFERENCE,
        jour=jour,
        territoire="69",
        etude=ETUDE,
        requerant=CREANCIER,
        destinataire=destinataire,
        decompte=_decompte(jour) if decompte else None,
        delais=dict(delais),
        champs={**fonds, **champs},
        controle=Controle(
            total_decompte=TOTAL if decompte else None, delais=dict(delais), fonds=dict(fonds)
        ),
        initiales="CM",
    )


ENCAISSEMENT = {
    "montant_encaisse": MONTANT,
    "encaisse_le": ENCAISSE_LE,
    "mode_paiement": "virement",
    "origine_encaissement": "Monsieur Julien MOREL (débiteur)",
}


def avis_encaissement(**modifie: Any) -> ContenuActe:
    contenu = _lettre(
        "lettre_avis_encaissement_creancier",
        date(2025, 3, 4),
        CREANCIER,
        {},
        ENCAISSEMENT,
        {"reversement_encaissement": REVERSEMENT_ENCAISSEMENT},
    )
    return replace(contenu, **modifie)


REVERSEMENT = {
    "montant_reverse": Decimal("350.00"),
    "reverse_le": REVERSE_LE,
    "frais_retenus": Decimal("50.00"),
    "solde_detenu": Decimal("0.00"),
}


def avis_reversement(**modifie: Any) -> ContenuActe:
    contenu = _lettre(
        "lettre_avis_reversement", date(2025, 3, 21), CREANCIER, {}, REVERSEMENT, decompte=False
    )
    return replace(contenu, **modifie)


def avis_reversement_partiel(**modifie: Any) -> ContenuActe:
    """The variant: 250,00 € paid out, 50,00 € of fees, 100,00 € still held."""
    fonds = {**REVERSEMENT, "montant_reverse": Decimal("250.00"), "solde_detenu": Decimal("100.00")}
    contenu = _lettre("lettre_avis_reversement", date(2025, 3, 21), CREANCIER, {}, fonds,
                      {"reversement": REVERSEMENT_ENCAISSEMENT}, decompte=False)  # fmt: skip
    return replace(contenu, **modifie)


COMPTE_RENDU = {
    "etat_procedures": PROCEDURES,
    "debiteurs": "Monsieur Julien MOREL",
    "total_encaisse": MONTANT,
    "total_reverse": Decimal("350.00"),
    "total_frais": Decimal("50.00"),
    "solde_detenu": Decimal("0.00"),
}


def compte_rendu(**modifie: Any) -> ContenuActe:
    contenu = _lettre(
        "lettre_compte_rendu_creancier", date(2025, 3, 31), CREANCIER, {}, COMPTE_RENDU
    )
    return replace(contenu, **modifie)


ECHEANCIER = Echeancier(
    tuple(Echeance(date(2025, mois, 15), Decimal("376.28")) for mois in (4, 5, 6, 7))
)


def proposition_echeancier(**modifie: Any) -> ContenuActe:
    contenu = _lettre(
        "lettre_proposition_echeancier",
        date(2025, 4, 1),
        DEBITEUR,
        {
            "echeancier": ECHEANCIER,
            "accepter_avant_le": date(2025, 4, 11),
            "modalites_paiement": (
                "par virement sur le compte de l'étude (IBAN FR76 1027 8073 0000 0201 2345 678, "
                "en rappelant la référence du dossier) ou par chèque à l'ordre de la SELARL "
                "Martin & Associés."
            ),
        },
        {},
    )
    return replace(contenu, **modifie)


def recu_paiement(**modifie: Any) -> ContenuActe:
    contenu = _lettre(
        "lettre_recu_paiement",
        date(2025, 3, 4),
        DEBITEUR,
        {},
        {k: v for k, v in ENCAISSEMENT.items() if k != "origine_encaissement"},
    )
    return replace(contenu, **modifie)


LETTRES_FONDS = {
    "lettre_avis_encaissement_creancier": avis_encaissement,
    "lettre_avis_reversement": avis_reversement,
    "lettre_compte_rendu_creancier": compte_rendu,
    "lettre_proposition_echeancier": proposition_echeancier,
    "lettre_recu_paiement": recu_paiement,
}
