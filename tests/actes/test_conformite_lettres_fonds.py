"""Letters about money (report to the creditor, payment received, payout, payment plan,
receipt): each complete example passes the checker, and each mandatory mention removed or made
wrong is found, with its article; a figure that differs from the ledger is a finding."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from clerc.actes.composition import donnees_lettre
from clerc.actes.conformite import mentions_applicables, verifier
from clerc.actes.modele import ContenuActe, Controle, Echeance, Echeancier
from clerc.actes.types_actes import DeclarationActeInvalide, type_acte
from tests.actes.exemples_lettres_fonds import (
    ECHEANCIER,
    LETTRES_FONDS,
    REVERSEMENT_ENCAISSEMENT,
    TOTAL,
    avis_reversement_partiel,
)

EXEMPLES = {**LETTRES_FONDS, "lettre_avis_reversement_partiel": avis_reversement_partiel}


def _code(nom: str) -> str:
    return nom.removesuffix("_partiel")


def _constats(nom: str, contenu: ContenuActe) -> list[Any]:
    return list(verifier(type_acte(_code(nom)), contenu))


@pytest.mark.parametrize("nom", sorted(EXEMPLES))
def test_chaque_lettre_complete_est_conforme(nom: str) -> None:
    assert _constats(nom, EXEMPLES[nom]()) == []


def test_les_lettres_de_fonds_sont_des_lettres_sans_tarif() -> None:
    for code in LETTRES_FONDS:
        declaration = type_acte(code)
        assert declaration.categorie == "lettre" and not declaration.signifie
        assert declaration.acte_tarif is None
        assert declaration.mentions and all(m.article for m in declaration.mentions)
        # Only the letters that print figures of the ledger ask the office for them.
        assert declaration.champs_fonds is (code != "lettre_proposition_echeancier")
    assert type_acte("lettre_compte_rendu_creancier").destinataire == "creancier"
    assert type_acte("lettre_recu_paiement").destinataire == "debiteur"


def _fonds(nom: str, **faux: Any) -> dict[str, Any]:
    """The example's fields with some made different from the ledger."""
    return {"champs": {**EXEMPLES[nom]().champs, **faux}}


def _sans(nom: str, *cles: str) -> dict[str, Any]:
    return {"champs": {k: v for k, v in EXEMPLES[nom]().champs.items() if k not in cles}}


AVIS = "lettre_avis_encaissement_creancier"
REVERSEMENT = "lettre_avis_reversement"
PARTIEL = "lettre_avis_reversement_partiel"
COMPTE_RENDU = "lettre_compte_rendu_creancier"
ECHEANCES = "lettre_proposition_echeancier"
RECU = "lettre_recu_paiement"
CAS = [
    # --- Payment received (C. civ. 1993, C. com. R444-56) ---
    (AVIS, _fonds(AVIS, montant_encaisse=Decimal("40.00")), "encaissement",
     "le grand livre des fonds de tiers donne 400,00"),
    (AVIS, _fonds(AVIS, montant_encaisse="400.00"), None, None),  # typed as text: same sum
    (AVIS, _fonds(AVIS, encaisse_le=date(2025, 3, 4)), "encaissement", "donne 3 mars 2025"),
    (AVIS, _fonds(AVIS, mode_paiement="espèces"), "encaissement", "donne virement"),
    (AVIS, _sans(AVIS, "origine_encaissement"), "encaissement",
     "« origine_encaissement » non renseigné"),
    (AVIS, {"delais": {"reversement_encaissement": date(2025, 4, 15)}}, "delai_reversement",
     "la loi donne le 14 avril 2025"),
    (AVIS, {"delais": {}}, "delai_reversement", "non indiquée"),
    (AVIS, {"decompte": None}, "decompte", "absent"),
    (AVIS, {"controle": Controle(total_decompte=Decimal("1905.12"), delais={
        "reversement_encaissement": REVERSEMENT_ENCAISSEMENT}, fonds=LETTRES_FONDS[AVIS]()
        .controle.fonds)}, "decompte", "le dossier donne 1"),
    (AVIS, {"reference": ""}, "reference", "manquante"),
    # --- Payout (C. civ. 1993, C. com. R444-56) ---
    (REVERSEMENT, _fonds(REVERSEMENT, montant_reverse=Decimal("400.00")), "reversement",
     "donne 350,00"),
    (REVERSEMENT, _sans(REVERSEMENT, "reverse_le"), "reversement", "« reverse_le »"),
    (REVERSEMENT, _fonds(REVERSEMENT, frais_retenus=Decimal("45.00")), "frais", "donne 50,00"),
    (REVERSEMENT, _fonds(REVERSEMENT, solde_detenu=Decimal("20.00")), "fonds_detenus",
     "donne 0,00"),
    (REVERSEMENT, _sans(REVERSEMENT, "solde_detenu"), "fonds_detenus", "non renseigné"),
    # Funds still held: the date they must be paid out by, as the rule gives it.
    (REVERSEMENT, _fonds(REVERSEMENT, solde_detenu=Decimal("100.00")), "solde_restant",
     "non indiquée"),
    (PARTIEL, {"delais": {"reversement": date(2025, 5, 2)}}, "solde_restant",
     "la loi donne le 14 avril 2025"),
    (PARTIEL, _fonds(PARTIEL, solde_detenu=Decimal("0.00")), "fonds_detenus", "donne 100,00"),
    (REVERSEMENT, {"destinataire": replace(LETTRES_FONDS[REVERSEMENT]().destinataire,
        adresse=())}, "identite_destinataire", "siège"),
    # --- Report to the creditor (C. civ. 1993) ---
    (COMPTE_RENDU, _sans(COMPTE_RENDU, "etat_procedures"), "procedures", "non renseigné"),
    (COMPTE_RENDU, _fonds(COMPTE_RENDU, total_encaisse=Decimal("800.00")), "fonds",
     "« total_encaisse » indiqué 800,00"),
    (COMPTE_RENDU, _fonds(COMPTE_RENDU, total_frais=Decimal("0.00")), "fonds", "donne 50,00"),
    (COMPTE_RENDU, _sans(COMPTE_RENDU, "debiteurs"), "decompte", "champs[debiteurs]"),
    (COMPTE_RENDU, {"decompte": None}, "decompte", "absent"),
    # --- Payment plan proposed to the debtor ---
    (ECHEANCES, _sans(ECHEANCES, "echeancier"), "echeancier", "non renseigné"),
    (ECHEANCES, _fonds(ECHEANCES, echeancier=Echeancier(ECHEANCIER.echeances[:3])),
     "echeancier", "une remise de dette"),
    (ECHEANCES, _fonds(ECHEANCES, echeancier=Echeancier(tuple(reversed(
        ECHEANCIER.echeances)))), "echeancier", "non rangées par date"),
    (ECHEANCES, _fonds(ECHEANCES, echeancier=Echeancier((Echeance(date(2025, 3, 15),
        Decimal("1505.12")),))), "echeancier", "avant la lettre du 1er avril 2025"),
    (ECHEANCES, _fonds(ECHEANCES, echeancier=Echeancier((*ECHEANCIER.echeances, Echeance(
        date(2025, 8, 15), Decimal("0.00"))))), "echeancier", "montant positif attendu"),
    (ECHEANCES, _fonds(ECHEANCES, echeancier=[{"le": "15/04/2025", "montant": "1505.12"}]),
     "echeancier", "illisibles"),
    (ECHEANCES, _sans(ECHEANCES, "accepter_avant_le"), "acceptation", "non renseigné"),
    (ECHEANCES, _sans(ECHEANCES, "modalites_paiement"), "acceptation",
     "champs[modalites_paiement]"),
    (ECHEANCES, {"requerant": replace(LETTRES_FONDS[ECHEANCES]().requerant, adresse=())},
     "identite_creancier", "siège"),
    # --- Receipt to the debtor (C. civ. 1353 al. 2) ---
    (RECU, _fonds(RECU, montant_encaisse=Decimal("450.00")), "paiement", "donne 400,00"),
    (RECU, _sans(RECU, "mode_paiement"), "paiement", "« mode_paiement » non renseigné"),
    (RECU, {"decompte": None}, "solde", "absent"),
    (RECU, {"controle": Controle(total_decompte=Decimal("1905.12"),
        fonds=LETTRES_FONDS[RECU]().controle.fonds)}, "solde", "le dossier donne 1"),
    (RECU, {"etude": replace(LETTRES_FONDS[RECU]().etude, adresse=())}, "signataire",
     "adresse"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("nom", "modifs", "mention", "message"),
    CAS,
    ids=[f"{nom}-{mention}-{rang}" for rang, (nom, _m, mention, _t) in enumerate(CAS)],
)
def test_chaque_mention_retiree_ou_fausse_est_trouvee(
    nom: str, modifs: dict[str, Any], mention: str | None, message: str | None
) -> None:
    constats = _constats(nom, replace(EXEMPLES[nom](), **modifs))
    if mention is None:  # the same figure, written otherwise: no finding
        assert constats == []
        return
    trouves = [c for c in constats if c.mention == mention]
    assert trouves, constats
    assert any(message in c.message for c in trouves), trouves
    declaree = type_acte(_code(nom)).mention(mention)
    assert all(c.article == declaree.article and c.sanction for c in trouves)


def test_le_solde_detenu_choisit_la_phrase_du_reversement() -> None:
    declaration = type_acte(REVERSEMENT)

    def applicables(contenu: ContenuActe) -> set[str]:
        return {m.code for m in mentions_applicables(declaration, contenu)}

    assert {"solde_nul"} <= applicables(EXEMPLES[REVERSEMENT]())
    assert "solde_restant" not in applicables(EXEMPLES[REVERSEMENT]())
    assert {"solde_restant"} <= applicables(avis_reversement_partiel())
    assert "solde_nul" not in applicables(avis_reversement_partiel())
    # No fees withheld: no sentence about them.
    sans_frais = replace(
        EXEMPLES[REVERSEMENT](),
        champs={**EXEMPLES[REVERSEMENT]().champs, "frais_retenus": Decimal("0.00")},
    )
    assert "frais" not in applicables(sans_frais)


def test_les_lettres_impriment_les_montants_du_grand_livre() -> None:
    def texte(nom: str) -> str:
        paragraphes = donnees_lettre(type_acte(_code(nom)), EXEMPLES[nom]())["paragraphes"]
        return " ".join(p if isinstance(p, str) else p.get("texte", "") for p in paragraphes)

    assert "le 3 mars 2025, la somme de 400,00\xa0€ (virement)" in texte(AVIS)
    assert "au plus tard le 14 avril 2025" in texte(AVIS)
    assert "la somme de 350,00\xa0€" in texte(REVERSEMENT)
    assert "50,00\xa0€ au titre de ses frais et débours" in texte(REVERSEMENT)
    assert "ne détient plus aucune somme" in texte(REVERSEMENT)
    assert "détient encore pour votre compte 100,00\xa0€" in texte(PARTIEL)
    assert "en 4 versements : 376,28\xa0€ le 15 avril 2025" in texte(ECHEANCES)
    assert "soit au total 1\u202f505,12\xa0€" in texte(ECHEANCES)
    assert "il reste dû au 4 mars 2025 la somme de 1\u202f505,12\xa0€" in texte(RECU)
    assert ECHEANCIER.total == TOTAL


def test_un_echeancier_se_lit_depuis_le_json_d_un_acte() -> None:
    plan = Echeancier.depuis([{"le": "2025-04-15", "montant": "376.28"},
                              {"le": date(2025, 5, 15), "montant": 376.28}])  # fmt: skip
    assert plan.echeances == ECHEANCIER.echeances[:2]
    assert plan.total == Decimal("752.56") and plan.nombre == 2
    assert Echeancier.depuis(plan) is plan
    with pytest.raises(ValueError):
        Echeancier.depuis("376,28 € le 15 avril")


def test_champs_fonds_n_accepte_qu_un_booleen() -> None:
    from clerc.actes.conformite import CONTROLES
    from clerc.actes.types_actes import _type

    brut = {"code": "x", "categorie": "lettre", "champs_fonds": "oui",
            "mentions": [{"code": "a", "libelle": "A", "article": "C. civ. 1993",
                          "sanction": "aucune", "controle": "presence"}]}  # fmt: skip
    with pytest.raises(DeclarationActeInvalide, match="champs_fonds"):
        _type(brut, "x.yaml", frozenset(CONTROLES))
    assert _type({**brut, "champs_fonds": True}, "x.yaml", frozenset(CONTROLES)).champs_fonds
