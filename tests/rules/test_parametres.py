"""Dated parameters: the shipped files are sound, lookups by date, gaps, local overrides."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from clerc.parametres_locaux import AjoutLocal, ajouter
from clerc.rules.erreurs import DonneeInvalide, ParametreManquant
from clerc.rules.parametres import (
    charger_parametres,
    load_yaml,
    parametres,
    parse_parametre,
    problemes,
)

EXEMPLE = """
description: Taux d'essai
unite: pourcentage
last_verified: 2026-11-30
validite: semestre
references:
  a1: {texte: Arrêté 1, url: "https://example.org/1"}
  a2: {texte: Arrêté 2, url: "https://example.org/2"}
valeurs:
  2025-01-01: {valeur: 7.21, reference: a1}
  2025-07-01: {valeur: 6.65, reference: a2, non_confirme: arrêté non lu}
"""


def _exemple() -> object:
    return parse_parametre("essai.taux", load_yaml(EXEMPLE), "essai")


def test_chaque_parametre_livre_est_source_ordonne_et_sans_trou() -> None:
    tous = list(parametres())
    assert tous, "no parameter shipped"
    messages = [m for p in tous for m in problemes(p)]
    assert messages == []


def test_les_nombres_yaml_sont_lus_en_decimal_exact() -> None:
    assert load_yaml("x: 0.1")["x"] == Decimal("0.1")


def test_valeur_a_une_date_et_fin_de_semestre() -> None:
    parametre = parse_parametre("essai.taux", load_yaml(EXEMPLE), "essai")
    assert parametre.valeur_au(date(2025, 6, 30)).valeur == Decimal("7.21")
    assert parametre.valeur_au(date(2025, 7, 1)).valeur == Decimal("6.65")
    # Past the end of the last semester published, the figure is unknown: never guessed.
    with pytest.raises(ParametreManquant, match=r"Taux d'essai.*2026-01-01"):
        parametre.valeur_au(date(2026, 1, 1))
    with pytest.raises(ParametreManquant, match="première valeur connue au 2025-01-01"):
        parametre.valeur_au(date(2024, 12, 31))


def test_une_valeur_non_confirmee_produit_un_avertissement() -> None:
    parametre = parse_parametre("essai.taux", load_yaml(EXEMPLE), "essai")
    assert parametre.valeur_au(date(2025, 1, 2)).avertissement is None
    message = parametre.valeur_au(date(2025, 7, 2)).avertissement
    assert message is not None and "non confirmée" in message and "arrêté non lu" in message


def test_periodes_coupees_a_chaque_changement_de_valeur() -> None:
    parametre = parse_parametre("essai.taux", load_yaml(EXEMPLE), "essai")
    periodes = [
        (d, f, v.valeur) for d, f, v in parametre.periodes(date(2025, 6, 1), date(2025, 7, 5))
    ]
    assert periodes == [
        (date(2025, 6, 1), date(2025, 6, 30), Decimal("7.21")),
        (date(2025, 7, 1), date(2025, 7, 5), Decimal("6.65")),
    ]


def test_un_trou_entre_deux_valeurs_est_signale() -> None:
    data = load_yaml(EXEMPLE)
    data["valeurs"][date(2026, 7, 1)] = data["valeurs"].pop(date(2025, 7, 1))
    parametre = parse_parametre("essai.taux", data, "essai")
    assert problemes(parametre) == [
        "essai.taux : aucune valeur du 2025-07-01 au 2026-06-30 (période non couverte)."
    ]


def test_une_valeur_sans_reference_est_signalee() -> None:
    data = load_yaml(EXEMPLE)
    del data["valeurs"][date(2025, 1, 1)]["reference"]
    assert "n'a pas de référence" in problemes(parse_parametre("essai.taux", data, "essai"))[0]


def test_reference_inconnue_refusee_au_chargement() -> None:
    data = load_yaml(EXEMPLE)
    data["valeurs"][date(2025, 1, 1)]["reference"] = "inconnue"
    with pytest.raises(DonneeInvalide, match="référence inconnue"):
        parse_parametre("essai.taux", data, "essai")


def test_ajout_local_complete_un_parametre_livre(parametres_locaux_isoles: Path) -> None:
    nom = parametres().noms()[0]
    parametre = parametres().get(nom)
    derniere = parametre.valeurs[-1]
    depuis = date(2099, 1, 1)
    ajouter(
        parametres_locaux_isoles,
        AjoutLocal(nom, depuis, Decimal("1.23"), "Arrêté d'essai", url="https://example.org"),
    )
    recharges = charger_parametres(parametres_locaux_isoles)
    valeur = recharges.get(nom).valeur_au(depuis)
    assert valeur.valeur == Decimal("1.23")
    assert valeur.locale and valeur.avertissement and "ajoutée localement" in valeur.avertissement
    assert recharges.get(nom).valeurs[-2].debut == derniere.debut
    assert parametres().get(nom).valeur_au(depuis).valeur == Decimal("1.23")  # cache reset


def test_ajout_local_invalide_ne_modifie_pas_le_fichier(parametres_locaux_isoles: Path) -> None:
    parametres_locaux_isoles.write_text("", encoding="utf-8")
    with pytest.raises(DonneeInvalide):
        ajouter(
            parametres_locaux_isoles,
            AjoutLocal("nom.inconnu", date(2099, 1, 1), Decimal(1), "Arrêté", url="https://x"),
        )
    assert parametres_locaux_isoles.read_text(encoding="utf-8") == ""
    assert list(parametres_locaux_isoles.parent.glob(".parametres-*")) == []
