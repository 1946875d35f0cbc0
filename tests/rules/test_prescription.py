"""Prescription of titles and of interest arrears: sourced cases and invariants."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.prescription import (
    Creance,
    Evenement,
    Nature,
    Titre,
    ajouter_duree,
    point_de_depart_titre_juridictionnel,
    prescription,
)


def test_cass_2e_civ_5_octobre_2023_point_de_depart_a_la_signification() -> None:
    """Cass. 2e civ., 5 Oct 2023, n° 20-23.523: arrêt of 29 May 2007 rectified 4 Sept 2007,
    served 16 Dec 2016; the 10 years run from service, so a 2017 seizure is in time.
    https://www.lexbase.fr/article-juridique/102265392-jurisprudence-delai-dexecution-de-larticle-l-1114-du-cpcex-le-point-de-depart-du-delai-fixe-a-la-sig
    """
    depart = point_de_depart_titre_juridictionnel(date(2007, 9, 4), date(2016, 12, 16))
    resultat = prescription(Titre.DECISION_JUSTICE, depart)
    assert resultat.date_acquisition == date(2026, 12, 16)
    assert not resultat.prescrit_au(date(2017, 5, 22))
    assert resultat.plafond_2232 is None  # CPCE L111-4 al. 2


def test_decision_non_signifiee_le_delai_ne_court_pas() -> None:
    with pytest.raises(DonneeInvalide, match=r"20-23\.523"):
        point_de_depart_titre_juridictionnel(date(2020, 1, 1), None)


def test_titre_anterieur_a_la_loi_2008_dix_ans_depuis_le_19_juin_2008() -> None:
    """C. civ. 2222 al. 2, loi 2008-561 (in force 19 June 2008): 30 years cut down to 10."""
    resultat = prescription(Titre.DECISION_JUSTICE, date(2001, 3, 1))
    assert resultat.date_acquisition == date(2018, 6, 19)
    assert resultat.prescrit_au(date(2018, 6, 20)) and not resultat.prescrit_au(date(2018, 6, 19))
    ancien = prescription(Titre.DECISION_JUSTICE, date(1980, 1, 10))
    assert ancien.date_acquisition == date(2010, 1, 10)  # the former 30 years end first


def test_acte_d_execution_fait_courir_un_nouveau_delai_de_dix_ans() -> None:
    """C. civ. 2244 and 2231; a saisie-vente commandement interrupts (Cass. 2e civ., 16 mars 2017,
    n° 16-12.610, cited in /work/shared/domaine/constantes.md §8)."""
    resultat = prescription(
        Titre.DECISION_JUSTICE,
        date(2012, 4, 2),
        evenements=[Evenement(Nature.ACTE_EXECUTION, date(2021, 11, 15), libelle="commandement")],
    )
    assert resultat.date_acquisition == date(2031, 11, 15)
    assert resultat.evenements[0].article == "C. civ. 2244, 2231"


def test_acte_notarie_suit_la_prescription_de_la_creance_de_consommation() -> None:
    """C. consom. L218-2 (2 years), interrupted by a part payment (C. civ. 2240)."""
    resultat = prescription(
        Titre.ACTE_NOTARIE,
        date(2020, 3, 10),
        Creance.CONSOMMATION,
        [Evenement(Nature.PAIEMENT_PARTIEL, date(2021, 6, 1))],
    )
    assert resultat.duree_annees == 2
    assert resultat.date_acquisition == date(2023, 6, 1)
    assert any("16006" in a for a in resultat.avertissements)


def test_bail_d_habitation_trois_ans_et_evenement_tardif_sans_effet() -> None:
    """Loi 89-462 art. 7-1: 3 years; an act after acquisition does not revive the claim."""
    resultat = prescription(
        Titre.TITRE_COMMISSAIRE_DE_JUSTICE,
        date(2019, 1, 31),
        Creance.BAIL_HABITATION,
        [Evenement(Nature.ACTE_EXECUTION, date(2022, 2, 1))],
    )
    assert resultat.date_acquisition == date(2022, 1, 31)
    assert resultat.evenements[0].effet.startswith("sans effet")


def test_mediation_suspend_et_laisse_au_moins_six_mois() -> None:
    """C. civ. 2238: after mediation the period runs again for at least 6 months."""
    resultat = prescription(
        Titre.ACTE_NOTARIE,
        date(2020, 1, 15),
        evenements=[Evenement(Nature.SUSPENSION_MEDIATION, date(2024, 12, 1), date(2025, 3, 1))],
    )
    # 5 years would end 2025-01-15; 45 days remained, +91 days of suspension -> 2025-04-16,
    # but 2238 guarantees 6 months from the end of mediation: 2025-09-01.
    assert resultat.date_acquisition == date(2025, 9, 1)


def test_suspension_pour_impossibilite_ajoute_les_jours_suspendus() -> None:
    resultat = prescription(
        Titre.ACTE_NOTARIE,
        date(2020, 1, 15),
        evenements=[
            Evenement(Nature.SUSPENSION_IMPOSSIBILITE, date(2021, 1, 1), date(2021, 1, 10))
        ],
    )
    assert resultat.date_acquisition == date(2025, 1, 25)


def test_delai_butoir_de_vingt_ans_sauf_acte_d_execution() -> None:
    """C. civ. 2232: 20 years from the birth of the right, not for 2244 interruptions."""
    reconnaissances = [
        Evenement(Nature.RECONNAISSANCE, date(2000 + 4 * i, 1, 1)) for i in range(1, 6)
    ]
    resultat = prescription(Titre.ACTE_NOTARIE, date(2000, 1, 1), evenements=reconnaissances)
    assert resultat.date_acquisition == date(2020, 1, 1)
    executions = [Evenement(Nature.ACTE_EXECUTION, date(2000 + 4 * i, 1, 1)) for i in range(1, 6)]
    hors = prescription(Titre.ACTE_NOTARIE, date(2000, 1, 1), evenements=executions)
    assert hors.date_acquisition == date(2025, 1, 1)


def test_interets_cinq_ans_cass_1re_civ_8_juin_2016() -> None:
    """Cass. 1re civ., 8 June 2016, n° 15-19.614: post-judgment interest prescribed by 5 years.
    https://legavox.fr/blog/maitre-anthony-bem/delai-prescription-calcul-interets-posterieurement-23708.htm
    """
    resultat = prescription(
        Titre.DECISION_JUSTICE,
        date(2010, 1, 15),
        evenements=[
            Evenement(Nature.ACTE_EXECUTION, date(2012, 3, 1)),
            Evenement(Nature.ACTE_EXECUTION, date(2019, 5, 2)),
        ],
    )
    # gap 2012-03-01 -> 2019-05-02 exceeds 5 years: only interest from 2014-05-02 survives.
    assert resultat.interets_exigibles_depuis(date(2020, 1, 1)) == date(2014, 5, 2)
    sans_acte = prescription(Titre.DECISION_JUSTICE, date(2010, 1, 15))
    assert sans_acte.interets_exigibles_depuis(date(2018, 6, 30)) == date(2013, 6, 30)


def test_quantieme_en_fin_de_mois() -> None:
    assert ajouter_duree(date(2020, 2, 29), annees=5) == date(2025, 2, 28)
    assert ajouter_duree(date(2024, 8, 31), mois=6) == date(2025, 2, 28)
    assert ajouter_duree(date(2024, 5, 10), annees=-5) == date(2019, 5, 10)


@settings(max_examples=100, deadline=None)
@given(
    depart=st.dates(min_value=date(2009, 1, 1), max_value=date(2030, 1, 1)),
    decalages=st.lists(st.integers(0, 4000), max_size=4),
    creance=st.sampled_from(list(Creance)),
    titre=st.sampled_from(list(Titre)),
)
def test_une_interruption_ne_raccourcit_jamais_le_delai(
    depart: date, decalages: list[int], creance: Creance, titre: Titre
) -> None:
    base = prescription(titre, depart, creance)
    from datetime import timedelta

    evenements = [Evenement(Nature.ACTE_EXECUTION, depart + timedelta(days=d)) for d in decalages]
    resultat = prescription(titre, depart, creance, evenements)
    assert resultat.date_acquisition >= base.date_acquisition
    assert not resultat.prescrit_au(resultat.date_acquisition)
    assert resultat.prescrit_au(resultat.date_acquisition + timedelta(days=1))


def test_titre_prescrit_plus_aucun_interet_exigible_et_date_anterieure_refusee() -> None:
    # CPCE L111-4: a judgment served on 2 April 2015 can be enforced until 2 April 2025; on
    # 1 December 2026, with no interruption, it is time-barred, and its interest (an accessory)
    # with it. An assessment date before the starting point is an input error.
    resultat = prescription(
        Titre.DECISION_JUSTICE,
        point_de_depart_titre_juridictionnel(date(2015, 3, 1), date(2015, 4, 2)),
    )
    assert resultat.date_acquisition == date(2025, 4, 2)
    assert resultat.prescrit_au(date(2026, 12, 1))
    assert resultat.interets_exigibles_depuis(date(2026, 12, 1)) is None
    with pytest.raises(DonneeInvalide, match="antérieure au point de départ"):
        resultat.interets_exigibles_depuis(date(2010, 1, 1))
