"""Rubrics for answers in prose: required statements found whatever the accents and case,
forbidden ones refused with the passage quoted, each with its article."""

from __future__ import annotations

from decimal import Decimal

import pytest

from clerc.formation.rubriques import Critere, Rubrique, noter_texte, plier
from clerc.rules.erreurs import DonneeInvalide

# A reply to a debtor who asks for time: the délais de grâce are for the judge (C. civ.
# 1343-5, at most two years); the clerc may not threaten a measure the law does not allow
# (no "prison" for a civil debt) nor disclose the creditor's file to a third party.
RUBRIQUE = Rubrique(
    criteres=(
        Critere(
            "delais_de_grace",
            "Rappeler que le juge peut accorder des délais de grâce, dans la limite de deux ans",
            Decimal(2),
            "C. civ. 1343-5",
            "Le juge peut reporter ou échelonner la dette dans la limite de deux années.",
            (r"delais? de grace", r"(deux ans|24 mois|vingt-quatre mois)"),
        ),
        Critere(
            "prison",
            "Menacer de prison pour une dette civile",
            Decimal(3),
            "CPCE L111-1 ; Conv. EDH, prot. 4, art. 1",
            "Nul ne peut être privé de liberté pour une dette civile : la menace est illicite.",
            (
                r"\bprison\b",
                r"\bincarcer",
            ),
            interdit=True,
        ),
    ),
    mots_minimum=8,
)


def test_le_texte_est_plie_sans_accents_ni_majuscules() -> None:
    assert plier("  Délai   de GRÂCE ’accordé’ ") == "delai de grace 'accorde'"


def test_une_bonne_reponse_obtient_tous_les_points() -> None:
    texte = (
        "Madame, le juge de l'exécution peut vous accorder des DÉLAIS DE GRÂCE, "
        "jusqu'à deux ans ; je vous propose en attendant un échéancier."
    )
    notation = noter_texte(RUBRIQUE, texte)
    assert notation.score == 100 and notation.corrections == []


def test_une_menace_illicite_est_relevee_avec_le_passage_et_l_article() -> None:
    texte = "Payez sous huit jours ou vous irez en prison, aucun délai ne sera accordé."
    notation = noter_texte(RUBRIQUE, texte)
    # 6 points in all: the délais (2) missed, the threat (3) lost, the length (1) met.
    assert notation.score == 17
    prison = next(c for c in notation.corrections if c["point"].startswith("Menacer"))
    assert prison["donne"] == "« prison »"
    assert prison["article"].startswith("CPCE L111-1")
    delais = next(c for c in notation.corrections if c["point"].startswith("Rappeler"))
    assert delais["article"] == "C. civ. 1343-5"


def test_une_reponse_trop_breve_perd_le_point_de_longueur() -> None:
    notation = noter_texte(RUBRIQUE, "Délais de grâce.")
    assert [c["point"] for c in notation.corrections] == ["Réponse développée"]


def test_un_motif_invalide_est_refuse_des_la_construction() -> None:
    with pytest.raises(Exception):  # noqa: B017 - re.error
        Critere("x", "x", Decimal(1), "", "", ("(",))


def test_une_reponse_vide_est_refusee_en_francais() -> None:
    from clerc.formation.rubriques import texte_de_reponse

    with pytest.raises(DonneeInvalide, match="texte attendu"):
        texte_de_reponse("   ")
