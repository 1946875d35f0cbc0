"""Regulated tariff: worked cases from published figures, missing figures, 2026 warning."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerc.rules.erreurs import DonneeInvalide, ParametreManquant
from clerc.rules.monnaie import arrondi_centime
from clerc.rules.parametres import charger_parametres, parametres
from clerc.rules.tarif import (
    ACTES,
    charge_des_frais,
    coefficient_a444_46,
    cout_acte,
    date_tarifaire,
    droit_engagement_poursuites,
    droit_proportionnel,
    liste_actes,
)
from tests.conftest import charger_cas

AVERTISSEMENT_2026 = "aucun arrêté tarifaire 2026 trouvé ; montants 2024 maintenus par prudence"
OPTIONS = (
    "dep_deja_percu",
    "signification_electronique",
    "vacations",
    "territoire",
)


def _decimal_ou_date(attendu: Any) -> Any:
    if isinstance(attendu, int) and not isinstance(attendu, bool):
        return Decimal(attendu)
    return attendu


@pytest.mark.parametrize("cas", charger_cas("tarif"))
def test_cas_publies(cas: dict[str, Any]) -> None:
    entrees = cas["entrees"]
    attendu = cas["attendu"]
    if "acte" in entrees:
        options = {k: entrees[k] for k in OPTIONS if k in entrees}
        if "avance_versee_le" in entrees:
            options["avance_versee_le"] = entrees["avance_versee_le"]
        montant = entrees.get("montant")
        resultat: Any = cout_acte(
            entrees["acte"],
            entrees["date"],
            None if montant is None else Decimal(montant),
            **options,
        )
        if "emolument_ttc_publie" in cas:
            ttc_exact = resultat.emolument_ht * resultat.coefficient * Decimal("1.2")
            assert arrondi_centime(ttc_exact) == cas["emolument_ttc_publie"]
            ligne_ttc = arrondi_centime(resultat.emolument_coefficiente_ht * Decimal("1.2"))
            assert ligne_ttc == cas.get("emolument_ttc_clerc", cas["emolument_ttc_publie"])
    else:
        resultat = droit_proportionnel(
            Decimal(entrees["encaisse"]),
            entrees["date"],
            entrees["charge"],
            entrees.get("creance_alimentaire", False),
            montant_creance=(
                Decimal(entrees["creance"]) if entrees.get("creance") is not None else None
            ),
        )
        if "bandes" in attendu:
            assert [t.montant for t in resultat.tranches] == attendu["bandes"]
    for champ, valeur in attendu.items():
        if champ == "bandes":
            continue
        assert getattr(resultat, champ) == _decimal_ou_date(valeur), champ


def test_ecart_service_public_sur_le_coefficient_un_demi_est_un_arrondi() -> None:
    """SP prints 15,47 € (25,79 × 0,5 × 1,2 unrounded); clerc rounds the HT line: 12,90 → 15,48."""
    resultat = cout_acte("commandement_payer_loyers", date(2024, 7, 1), Decimal(100))
    assert resultat.emolument_coefficiente_ht == Decimal("12.90")
    assert arrondi_centime(Decimal("25.79") * Decimal("0.5") * Decimal("1.2")) == Decimal("15.47")


def test_montant_2024_absent_leve_parametre_manquant_qui_le_nomme() -> None:
    with pytest.raises(ParametreManquant) as erreur:
        cout_acte("pv_saisie_attribution", date(2025, 1, 10), Decimal(2000))
    message = str(erreur.value)
    assert "tarif.emoluments.pv_saisie_attribution" in message
    assert "n° 50" in message
    assert "arrêté du 28 février 2024 non trouvé" in message
    assert "2025-01-10" in message


@pytest.mark.parametrize(
    "code",
    [
        "denonciation_saisie_attribution",
        "signification_certificat_non_contestation",
        "pv_saisie_vente",
        "tentative_execution",
        "acte_suspension_ou_recherche_infructueuse",
        "pv_recherches_infructueuses",
        "sommation_faire",
    ],
)
def test_actes_sans_montant_2024_levent_aussi_en_2026(code: str) -> None:
    for jour in (date(2024, 5, 2), date(2026, 6, 1)):
        with pytest.raises(ParametreManquant, match=f"tarif.emoluments.{code}"):
            cout_acte(code, jour, Decimal(500))


def test_montant_2020_sert_pendant_la_periode_transitoire_2024() -> None:
    resultat = cout_acte("pv_saisie_attribution", date(2024, 4, 30), Decimal(500))
    assert resultat.emolument_ht == Decimal("43.61")
    assert resultat.date_tarif == date(2024, 2, 29)
    assert resultat.avertissements  # 43,61 comes from an uncitable copy: flagged


def test_saisie_remunerations_leve_faute_de_montant_de_base() -> None:
    with pytest.raises(ParametreManquant) as erreur:
        cout_acte("commandement_saisie_remunerations", date(2025, 9, 1), Decimal(2000))
    assert "A444-22-1" in str(erreur.value)
    assert "majoration temporaire" in str(erreur.value)


def test_saisie_remunerations_ajoute_la_majoration_si_l_etude_ajoute_la_base(
    parametres_locaux_isoles: Path,
) -> None:
    parametres_locaux_isoles.write_text(
        "tarif.emoluments.commandement_saisie_remunerations:\n"
        "  valeurs:\n"
        "    2025-07-01: {valeur: 10.00, reference: {texte: Test local}}\n",
        encoding="utf-8",
    )
    resultat = cout_acte("commandement_saisie_remunerations", date(2025, 9, 1), Decimal(500))
    assert resultat.emolument_ht == Decimal("15.84")  # 10,00 + 5,84 (arrêté 20 juin 2025, art. 2)
    assert any("ajoutée localement" in a for a in resultat.avertissements)


def test_apres_le_28_fevrier_2026_le_resultat_porte_l_avertissement() -> None:
    resultat = cout_acte("commandement_saisie_vente", date(2026, 3, 1), Decimal(2000))
    assert resultat.emolument_ht == Decimal("20.42")
    assert any(AVERTISSEMENT_2026 in a for a in resultat.avertissements)
    avant = cout_acte("commandement_saisie_vente", date(2026, 2, 28), Decimal(2000))
    assert avant.avertissements == ()
    assert avant.total_ttc == resultat.total_ttc
    dre = droit_proportionnel(Decimal(4000), date(2026, 11, 30), "creancier")
    assert any(AVERTISSEMENT_2026 in a for a in dre.avertissements)


def test_coefficient_a444_46_bornes() -> None:
    jour = date(2025, 1, 10)
    assert coefficient_a444_46(Decimal("128"), jour).valeur == Decimal("0.5")
    assert coefficient_a444_46(Decimal("128.01"), jour).valeur == 1
    assert coefficient_a444_46(Decimal("1280"), jour).valeur == 1
    assert coefficient_a444_46(Decimal("1280.01"), jour).valeur == 2


def test_coefficient_exclu_pour_le_pv_659_a444_47() -> None:
    resultat = cout_acte("pv_recherches_infructueuses", date(2023, 1, 10), Decimal(5000))
    assert resultat.coefficient == 1
    assert resultat.emolument_coefficiente_ht == Decimal("14.90")


def test_dep_a_besoin_du_montant_de_la_creance() -> None:
    with pytest.raises(DonneeInvalide, match="droit d'engagement des poursuites"):
        cout_acte("commandement_saisie_vente", date(2025, 1, 10))


def test_acte_inconnu_et_montant_negatif() -> None:
    with pytest.raises(DonneeInvalide, match="Acte inconnu"):
        cout_acte("constat", date(2025, 1, 10))
    with pytest.raises(DonneeInvalide, match="négatif"):
        cout_acte("assignation", date(2025, 1, 10), Decimal(-1))


def test_date_avant_le_tarif_2020_leve() -> None:
    with pytest.raises(ParametreManquant, match="arrêté du 26 février 2016 non relevé"):
        cout_acte("assignation", date(2019, 6, 3), Decimal(2000))
    # Prestations of March-April 2020 keep the 2016 amounts (transitional rule): not recorded.
    with pytest.raises(ParametreManquant):
        cout_acte("assignation", date(2020, 4, 1), Decimal(2000))


def test_signification_electronique_avant_juin_2024_leve() -> None:
    with pytest.raises(ParametreManquant, match="montant HT incertain"):
        cout_acte(
            "signification_titre", date(2023, 1, 10), Decimal(100), signification_electronique=True
        )


def test_territoire_sans_regime_de_tva_renseigne_leve() -> None:
    with pytest.raises(ParametreManquant, match="saint_pierre_et_miquelon"):
        cout_acte(
            "signification_titre",
            date(2025, 1, 10),
            Decimal(100),
            territoire="saint_pierre_et_miquelon",
        )


def test_requete_153_supprimee_au_1er_juillet_2025() -> None:
    assert cout_acte("requete_saisie_remunerations", date(2025, 6, 30)).emolument_ht == Decimal(
        "30.09"
    )
    with pytest.raises(ParametreManquant, match="97-1"):
        cout_acte("requete_saisie_remunerations", date(2025, 7, 1))


def test_date_tarifaire_regles_transitoires() -> None:
    assert date_tarifaire(date(2024, 2, 29)) == (date(2024, 2, 29), "")
    assert date_tarifaire(date(2024, 3, 1))[0] == date(2024, 2, 29)
    assert date_tarifaire(date(2024, 5, 1)) == (date(2024, 5, 1), "")
    assert date_tarifaire(date(2024, 5, 1), date(2024, 2, 1))[0] == date(2024, 2, 29)
    assert date_tarifaire(date(2024, 5, 1), date(2024, 3, 1)) == (date(2024, 5, 1), "")
    assert date_tarifaire(date(2020, 4, 30))[0] == date(2020, 2, 29)


def test_dre_creancier_non_du_sur_creance_salariale_et_titre_l111_3_6() -> None:
    for options in ({"creance_contrat_travail": True}, {"titre_l111_3_6": True}):
        resultat = droit_proportionnel(Decimal(4000), date(2024, 7, 1), "creancier", **options)
        assert not resultat.du
        assert resultat.montant_ht == 0
        assert "R444-55" in resultat.motif


def test_dre_creancier_2016_incomplet_leve() -> None:
    with pytest.raises(ParametreManquant, match="barème 2016 incomplet"):
        droit_proportionnel(Decimal(4000), date(2018, 1, 10), "creancier")
    assert droit_proportionnel(Decimal(4000), date(2018, 1, 10)).montant_ht > 0


def test_charge_des_frais_l111_8() -> None:
    assert charge_des_frais("acte").partie == "debiteur"
    assert charge_des_frais("acte", acte_manifestement_inutile=True).partie == "creancier"
    assert charge_des_frais("acte", titre_executoire=False).partie == "creancier"
    assert (
        charge_des_frais("acte", titre_executoire=False, acte_prescrit_par_la_loi=True).partie
        == "debiteur"
    )
    assert (
        charge_des_frais("acte", titre_executoire=False, decision_jex_mauvaise_foi=True).partie
        == "debiteur"
    )
    assert charge_des_frais("droit_engagement_poursuites", petites_creances=True).partie == (
        "creancier"
    )
    assert charge_des_frais("droit_proportionnel_creancier").partie == "creancier"
    assert charge_des_frais("droit_proportionnel_debiteur").partie == "debiteur"
    assert "L111-8" in charge_des_frais("acte").articles[0]


def test_catalogue_et_fichiers_de_parametres_concordent() -> None:
    noms = {n for n in parametres().noms() if n.startswith("tarif.emoluments.")}
    assert noms == {a.parametre for a in ACTES.values()}
    for code in (
        "assignation",
        "signification_decision",
        "signification_titre",
        "signification_injonction_de_payer",
        "commandement_saisie_vente",
        "pv_saisie_vente",
        "pv_saisie_attribution",
        "denonciation_saisie_attribution",
        "certificat_non_contestation",
        "mainlevee",
        "commandement_quitter_les_lieux",
        "pv_expulsion",
        "pv_recherches_infructueuses",
        "commandement_saisie_remunerations",
        "pv_saisie_remunerations",
    ):
        assert code in ACTES
    numeros = [a.numero for a in liste_actes()]
    assert numeros[0] == "1"
    assert numeros.index("97-15") < numeros.index("98")


def test_chaque_valeur_tarifaire_a_une_reference_et_les_dates_sont_ordonnees() -> None:
    tous = charger_parametres()
    tarifaires = [p for p in tous if p.nom.startswith("tarif.")]
    assert len(tarifaires) > 50
    for parametre in tarifaires:
        assert parametre.last_verified is not None, parametre.nom
        assert parametre.trous() == [], parametre.nom
        debuts = [v.debut for v in parametre.valeurs]
        assert debuts == sorted(debuts) and len(set(debuts)) == len(debuts), parametre.nom
        for valeur in parametre.valeurs:
            assert valeur.reference is not None, (parametre.nom, valeur.debut)
            assert valeur.reference.texte, (parametre.nom, valeur.debut)
            if valeur.valeur is None:
                assert valeur.note, (parametre.nom, valeur.debut)
            elif not valeur.non_confirme:
                assert valeur.reference.url or valeur.reference.legifrance, parametre.nom


def test_periode_2026_toujours_marquee_non_confirmee() -> None:
    for parametre in charger_parametres():
        if not parametre.nom.startswith("tarif."):
            continue
        for valeur in parametre.valeurs:
            if valeur.debut == date(2026, 3, 1):
                assert valeur.non_confirme == AVERTISSEMENT_2026, parametre.nom


@settings(deadline=None)  # the first example loads the parameter files
@given(st.decimals(min_value=0, max_value=10_000_000, places=2))
def test_dep_borne_par_le_plafond_et_croissant(montant: Decimal) -> None:
    jour = date(2025, 1, 10)
    dep = droit_engagement_poursuites(montant, jour).montant
    assert Decimal("4.29") <= dep <= Decimal("268.13")
    assert droit_engagement_poursuites(montant + 100, jour).montant >= dep


@settings(deadline=None)
@given(
    st.decimals(min_value=0, max_value=2_000_000, places=2),
    st.sampled_from(["debiteur", "creancier"]),
)
def test_dre_jamais_au_dessus_du_plafond(encaisse: Decimal, charge: str) -> None:
    resultat = droit_proportionnel(encaisse, date(2025, 1, 10), charge)  # type: ignore[arg-type]
    assert resultat.montant_ht <= (Decimal(550) if charge == "debiteur" else Decimal(5540))
    assert resultat.total_ttc == resultat.montant_ht + resultat.tva
