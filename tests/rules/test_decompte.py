"""Décompte of a claim: published cases, imputation between payments, act layout, parser."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerc.rules.decompte import (
    Creance,
    Frais,
    Paiement,
    creance_depuis_dict,
    decompte,
    fin_du_mois_suivant,
)
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.interets import RegimeInterets, interets
from tests.conftest import charger_cas

D = Decimal


def _d(valeur: Any) -> Decimal:
    return valeur if isinstance(valeur, Decimal) else Decimal(str(valeur))


@pytest.mark.parametrize("cas", charger_cas("decompte"))
def test_cas_publies(cas: dict[str, Any]) -> None:
    resultat = decompte(creance_depuis_dict(cas["creance"]), cas["au"])
    attendu = cas["attendu"]
    assert resultat.interets_echus == _d(attendu["interets_echus"])
    assert resultat.paiements == _d(attendu["paiements"])
    assert resultat.total == _d(attendu["total"])
    if "imputation" in attendu:
        premiere = resultat.imputations[0]
        assert [premiere.frais, premiere.interets, premiere.principal] == [
            _d(x) for x in attendu["imputation"]
        ]


def _creance(**options: Any) -> Creance:
    base: dict[str, Any] = {
        "principal": D("10000"),
        "date": date(2024, 3, 15),
        "regime": RegimeInterets("legal", "particulier", majoration_depuis=date(2024, 6, 20)),
    }
    base.update(options)
    return Creance(**base)


def test_sans_paiement_les_interets_sont_ceux_du_calcul_simple() -> None:
    resultat = decompte(_creance(), date(2025, 11, 30))
    simple = interets(
        D("10000"), date(2024, 3, 15), date(2025, 11, 30), majoration_depuis=date(2024, 6, 20)
    )
    assert resultat.interets_echus == simple.interets
    assert resultat.total == D("10000") + simple.interets


def test_interets_recalcules_apres_chaque_paiement_sur_le_capital_restant() -> None:
    creance = _creance(
        regime=RegimeInterets("conventionnel", taux_conventionnel=D("3.65")),
        date=date(2025, 1, 1),
        principal=D("1000"),
        paiements=(Paiement(date(2025, 1, 11), D("501.00")),),
    )
    resultat = decompte(creance, date(2025, 1, 21))
    # 1000 x 3,65 x 10 / 36500 = 1,00 interest, then 500 € paid on the principal;
    # 500 x 3,65 x 10 / 36500 = 0,50 on the remaining capital.
    assert [p.montant for p in resultat.periodes] == [D("1.00"), D("0.50")]
    assert resultat.solde.principal == D("500")
    assert resultat.total == D("500.50")


def test_article_700_porte_interets_par_defaut_les_depens_non() -> None:
    creance = _creance(
        frais=(
            Frais("Article 700", date(2024, 3, 15), D("1500"), "article_700"),
            Frais("Dépens", date(2024, 3, 15), D("150"), "depens"),
        )
    )
    resultat = decompte(creance, date(2024, 4, 14))
    assiettes = {p.assiette for p in resultat.periodes}
    assert assiettes == {"principal", "Article 700"}
    # 30 days at 8,01 %: 10 000 -> 65,84 ; 1 500 -> 9,88
    assert resultat.interets_echus == D("65.84") + D("9.88")
    depens_avec_interets = _creance(
        frais=(Frais("Dépens", date(2024, 3, 15), D("150"), "depens", porte_interets=True),)
    )
    assert decompte(depens_avec_interets, date(2024, 4, 14)).interets_echus == D("65.84") + D(
        "0.99"
    )


def test_frais_d_acte_ne_portent_jamais_interets() -> None:
    with pytest.raises(DonneeInvalide, match="L111-8"):
        Frais("Commandement", date(2024, 4, 1), D("50"), "acte", porte_interets=True)


def test_frais_et_paiements_posterieurs_a_la_date_du_decompte_ignores() -> None:
    creance = _creance(
        frais=(Frais("Acte futur", date(2025, 1, 1), D("80"), "acte"),),
        paiements=(Paiement(date(2025, 1, 2), D("100")),),
    )
    resultat = decompte(creance, date(2024, 12, 31))
    assert resultat.frais == 0 and resultat.paiements == 0


def test_presentation_de_l_acte_et_provision_d_un_mois() -> None:
    creance = _creance(
        frais=(Frais("Signification", date(2024, 4, 20), D("70.48"), "acte"),),
        paiements=(Paiement(date(2024, 9, 1), D("500")),),
    )
    resultat = decompte(creance, date(2026, 5, 31), provision_un_mois=True)
    lignes = dict(resultat.presentation_acte())
    assert lignes["Principal"] == D("10000")
    assert lignes["Frais de procédure (actes)"] == D("70.48")
    assert lignes["Acomptes versés"] == D("-500")
    brut = sum(
        (
            m
            for libelle, m in resultat.presentation_acte()
            if libelle.startswith(("Principal", "Frais", "Intérêts", "Acomptes"))
        ),
        D(0),
    )
    assert brut == resultat.total
    assert resultat.provision_jusqu_au == date(2026, 6, 30)
    # Provision: 30 days on the capital still due at 6,67 % + 5 = 11,67 %.
    attendu = (resultat.solde.principal * D("11.67") * 30 / 36500).quantize(D("0.01"))
    assert resultat.provision_interets == attendu
    assert resultat.total_avec_provision == resultat.total + attendu


def test_provision_au_taux_en_vigueur_si_le_semestre_suivant_n_est_pas_publie() -> None:
    resultat = decompte(_creance(), date(2026, 12, 15), provision_un_mois=True)
    assert resultat.provision_jusqu_au == date(2027, 1, 15)
    assert resultat.provision_interets > 0
    assert any("pas encore publié" in a for a in resultat.avertissements)


def test_delais_de_grace_imputation_sur_le_capital() -> None:
    creance = _creance(
        paiements=(Paiement(date(2024, 5, 15), D("1000")),), imputation_capital_d_abord=True
    )
    resultat = decompte(creance, date(2024, 5, 15))
    assert resultat.imputations[0].principal == D("1000")
    assert resultat.solde.interets == resultat.interets_echus


def test_capitalisation_dans_le_decompte() -> None:
    creance = _creance(
        regime=RegimeInterets(
            "conventionnel", taux_conventionnel=D(5), capitalisation_depuis=date(2024, 3, 15)
        ),
    )
    resultat = decompte(creance, date(2025, 6, 1))
    assert len(resultat.capitalisations) == 1
    assert resultat.total == resultat.principal + resultat.interets_echus


def test_trace_chronologique_avec_solde_courant() -> None:
    creance = _creance(paiements=(Paiement(date(2024, 9, 1), D("500")),))
    resultat = decompte(creance, date(2024, 12, 31))
    lignes = resultat.lignes()
    assert lignes[0].libelle == "Principal"
    assert lignes[-1].solde == resultat.total
    assert [ligne.date for ligne in lignes] == sorted(ligne.date for ligne in lignes)


def test_fin_du_mois_suivant_regle_des_mois() -> None:
    assert fin_du_mois_suivant(date(2026, 1, 31)) == date(2026, 2, 28)
    assert fin_du_mois_suivant(date(2026, 12, 15)) == date(2027, 1, 15)


# --- parser --------------------------------------------------------------------------------

VALIDE: dict[str, Any] = {
    "titre": "Jugement",
    "date": "2024-03-15",
    "principal": "10000.00",
    "interets": {"type": "legal", "categorie": "particulier", "majoration_depuis": "2024-06-20"},
    "frais": [
        {"libelle": "Art. 700", "date": "2024-03-15", "montant": "1500", "nature": "article_700"}
    ],
    "paiements": [{"date": "2024-09-01", "montant": "500"}],
}


def test_parser_lit_une_creance_valide() -> None:
    creance = creance_depuis_dict(VALIDE)
    assert creance.principal == D("10000.00")
    assert creance.regime.majoration_depuis == date(2024, 6, 20)
    assert creance.frais[0].productif_d_interets
    conventionnel = dict(VALIDE, interets={"type": "conventionnel", "taux": "0.05"})
    assert creance_depuis_dict(conventionnel).regime.taux_conventionnel == D("5.00")
    pourcent = dict(VALIDE, interets={"type": "conventionnel", "taux": "4,5 %"})
    assert creance_depuis_dict(pourcent).regime.taux_conventionnel == D("4.5")


@pytest.mark.parametrize(
    ("modification", "message"),
    [
        ({"principal": "-10"}, "principal : montant négatif"),
        ({"principal": "dix euros"}, "principal : montant non numérique"),
        ({"principal": 10.5}, "montant non exact"),
        ({"date": "2024-02-30"}, "date : date impossible"),
        ({"paiements": [{"date": "2024-01-01", "montant": "5"}]}, "antérieur à la date"),
        ({"paiements": [{"date": "2024-05-01", "montant": "0"}]}, "paiement nul"),
        ({"frais": [{"date": "2024-05-01", "montant": "-5"}]}, r"frais\[0\].montant"),
        ({"frais": [{"date": "2024-05-01", "montant": "5", "nature": "autre"}]}, "nature"),
        ({"interets": {"type": "legal"}}, "catégorie du créancier manquante"),
        ({"interets": {"type": "conventionnel", "taux": "5"}}, "supérieur à 100 %"),
        ({"interets": {"type": "conventionnel", "taux": "150 %"}}, "supérieur à 100 %"),
        ({"principal": "2.000"}, "plus de 2 décimales"),
        (
            {"interets": {"type": "legal", "categorie": "particulier", "taux": "0.05"}},
            "conventionnel",
        ),
        ({"montant": "3"}, "clé\\(s\\) inconnue"),
    ],
)
def test_parser_refuse_en_francais(modification: dict[str, Any], message: str) -> None:
    with pytest.raises(DonneeInvalide, match=message):
        creance_depuis_dict({**VALIDE, **modification})


def test_decompte_avant_la_date_de_la_creance_refuse() -> None:
    with pytest.raises(DonneeInvalide, match="précède"):
        decompte(creance_depuis_dict(VALIDE), date(2024, 1, 1))


# --- properties --------------------------------------------------------------------------

jours = st.integers(min_value=0, max_value=3000)
montants = st.decimals(min_value=1, max_value=500_000, places=2)
regimes = st.sampled_from(
    [
        RegimeInterets("legal", "particulier"),
        RegimeInterets("legal", "autre", majoration_depuis=date(2018, 3, 1)),
        RegimeInterets("conventionnel", taux_conventionnel=D("7.5")),
        RegimeInterets("aucun"),
        RegimeInterets("legal", "autre", capitalisation_depuis=date(2018, 1, 1)),
    ]
)


@st.composite
def creances(draw: st.DrawFn) -> tuple[Creance, date]:
    debut = date(2018, 1, 1) + timedelta(days=draw(st.integers(0, 2500)))
    au = min(debut + timedelta(days=draw(jours)), date(2026, 12, 31))

    def jour() -> date:
        return debut + timedelta(days=draw(st.integers(0, (au - debut).days)))

    frais = tuple(
        Frais(
            f"f{i}",
            jour(),
            draw(montants),
            draw(st.sampled_from(["acte", "depens", "article_700"])),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    paiements = tuple(Paiement(jour(), draw(montants)) for _ in range(draw(st.integers(0, 3))))
    creance = Creance(draw(montants), debut, draw(regimes), frais=frais, paiements=paiements)
    return creance, au


@settings(max_examples=200, deadline=None)
@given(donnees=creances())
def test_payer_tout_le_decompte_laisse_zero(donnees: tuple[Creance, date]) -> None:
    creance, au = donnees
    avant = decompte(creance, au)
    assert avant.total >= 0
    if avant.total == 0:
        return
    soldee = Creance(
        creance.principal,
        creance.date,
        creance.regime,
        frais=creance.frais,
        paiements=(*creance.paiements, Paiement(au, avant.total)),
    )
    apres = decompte(soldee, au)
    assert apres.total == 0
    assert apres.trop_percu == avant.trop_percu


@settings(max_examples=200, deadline=None)
@given(donnees=creances())
def test_le_solde_egale_les_sommes_dues_moins_les_paiements(donnees: tuple[Creance, date]) -> None:
    creance, au = donnees
    resultat = decompte(creance, au)
    brut = resultat.principal + resultat.article_700 + resultat.depens + resultat.frais
    assert (
        resultat.total == brut + resultat.interets_echus - resultat.paiements + resultat.trop_percu
    )
    solde = resultat.solde
    assert min(solde.principal, solde.article_700, solde.depens, solde.frais, solde.interets) >= 0
