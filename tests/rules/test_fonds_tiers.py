"""Payout deadlines of third-party funds (C. com. R444-56) and FIFO matching of outflows."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerc.rules.dates import ajouter_mois
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.fonds_tiers import (
    Encaissement,
    Sortie,
    date_limite_reversement,
    fonds_detenus,
)

D = Decimal


# --- deadlines ------------------------------------------------------------------------------


def test_des_especes_recues_se_reversent_dans_les_trois_semaines() -> None:
    # 2026-03-02 + 21 days = 2026-03-23.
    limite, regle = date_limite_reversement(
        Encaissement(date(2026, 3, 2), D("300.00"), especes=True)
    )
    assert limite == date(2026, 3, 23)
    assert regle == "trois semaines (espèces, C. com. R444-56)"


def test_un_cheque_se_reverse_dans_les_six_semaines() -> None:
    # 2026-03-02 + 42 days = 2026-04-13.
    limite, regle = date_limite_reversement(Encaissement(date(2026, 3, 2), D("1000.00")))
    assert limite == date(2026, 4, 13)
    assert regle == "six semaines (C. com. R444-56)"


def test_un_virement_suit_le_meme_delai_de_six_semaines_qu_un_cheque() -> None:
    # Only "cash or not" matters: a transfer received 2026-12-15 -> 2027-01-26 (16 days left
    # in December + 26 in January = 42).
    limite, _ = date_limite_reversement(Encaissement(date(2026, 12, 15), D("50.00")))
    assert limite == date(2027, 1, 26)
    assert (limite - date(2026, 12, 15)).days == 42


def test_un_acompte_en_especes_se_reverse_dans_les_six_semaines() -> None:
    # Instalment in cash: 6 weeks instead of 3. 2026-03-02 + 42 days = 2026-04-13.
    limite, regle = date_limite_reversement(
        Encaissement(date(2026, 3, 2), D("100.00"), especes=True, acompte=True)
    )
    assert limite == date(2026, 4, 13)
    assert regle == "six semaines (acompte en espèces, C. com. R444-56)"


def test_un_acompte_par_cheque_se_reverse_dans_les_trois_mois() -> None:
    # 2026-03-02 + 3 months = 2026-06-02 (same quantième).
    limite, regle = date_limite_reversement(
        Encaissement(date(2026, 3, 2), D("100.00"), acompte=True)
    )
    assert limite == date(2026, 6, 2)
    assert regle == "trois mois (acompte, C. com. R444-56)"


def test_trois_mois_depuis_un_31_janvier_finissent_le_30_avril() -> None:
    # Three calendar months counted to the same quantième: 31 January -> "31 April", which
    # does not exist, so the month's last day (CPC 641 al. 2 reading, clerc.rules.dates):
    # 30 April 2026 (89 days later, fewer than 3 × 30).
    assert ajouter_mois(date(2026, 1, 31), 3) == date(2026, 4, 30)
    limite, _ = date_limite_reversement(Encaissement(date(2026, 1, 31), D("80.00"), acompte=True))
    assert limite == date(2026, 4, 30)
    assert (limite - date(2026, 1, 31)).days == 89


def test_trois_mois_depuis_un_30_novembre_finissent_le_28_fevrier_hors_annee_bissextile() -> None:
    # 2026-11-30 + 3 months: "30 February 2027" -> 28 February 2027 (2027 is not a leap year).
    limite, _ = date_limite_reversement(Encaissement(date(2026, 11, 30), D("80.00"), acompte=True))
    assert limite == date(2027, 2, 28)


def test_le_delai_n_est_pas_proroge_au_jour_ouvre_suivant() -> None:
    # Plain calendar delay: cash received Saturday 2026-02-28 -> Saturday 2026-03-21, kept.
    limite, _ = date_limite_reversement(Encaissement(date(2026, 2, 28), D("10.00"), especes=True))
    assert limite == date(2026, 3, 21)
    assert limite.weekday() == 5


def test_les_fonds_sont_en_retard_le_lendemain_de_la_date_limite_seulement() -> None:
    (fonds,) = fonds_detenus(
        [Encaissement(date(2026, 3, 2), D("300.00"), especes=True)], [], date(2026, 3, 23)
    )
    assert fonds.date_limite == date(2026, 3, 23)
    assert not fonds.en_retard(date(2026, 3, 23))
    assert fonds.en_retard(date(2026, 3, 24))
    assert fonds.jours_de_detention(date(2026, 3, 24)) == 22


# --- FIFO matching --------------------------------------------------------------------------


def test_une_sortie_consomme_d_abord_l_encaissement_le_plus_ancien() -> None:
    # Receipts 100 (1 March, cash), 200 (5 March), 300 (10 March); outflow 250 on 12 March:
    # 100 of the first and 150 of the second are consumed -> 50 (5 March) and 300 remain.
    encaissements = [
        Encaissement(date(2026, 3, 10), D("300.00"), reference="c"),
        Encaissement(date(2026, 3, 1), D("100.00"), especes=True, reference="a"),
        Encaissement(date(2026, 3, 5), D("200.00"), reference="b"),
    ]
    detenus = fonds_detenus(
        encaissements, [Sortie(date(2026, 3, 12), D("250.00"))], date(2026, 3, 12)
    )
    assert [(f.encaissement.reference, f.restant) for f in detenus] == [
        ("b", D("50.00")),
        ("c", D("300.00")),
    ]
    assert [f.date_limite for f in detenus] == [date(2026, 4, 16), date(2026, 4, 21)]


def test_plusieurs_sorties_s_additionnent_avant_l_imputation() -> None:
    # 100 + 200 received, outflows 30 + 90 = 120: 0 left of the first (100), 180 of the second.
    detenus = fonds_detenus(
        [Encaissement(date(2026, 3, 1), D("100.00")), Encaissement(date(2026, 3, 2), D("200.00"))],
        [Sortie(date(2026, 3, 3), D("30.00")), Sortie(date(2026, 3, 4), D("90.00"))],
        date(2026, 3, 4),
    )
    assert [(f.encaissement.date, f.restant) for f in detenus] == [(date(2026, 3, 2), D("180.00"))]


def test_les_mouvements_posterieurs_a_la_date_d_examen_sont_ignores() -> None:
    encaissements = [
        Encaissement(date(2026, 3, 1), D("100.00")),
        Encaissement(date(2026, 3, 20), D("40.00")),
    ]
    sorties = [Sortie(date(2026, 3, 15), D("100.00"))]
    # On 10 March the outflow has not happened yet and the second receipt not arrived.
    assert [f.restant for f in fonds_detenus(encaissements, sorties, date(2026, 3, 10))] == [
        D("100.00")
    ]
    assert [f.restant for f in fonds_detenus(encaissements, sorties, date(2026, 3, 20))] == [
        D("40.00")
    ]


def test_un_encaissement_entierement_reverse_n_est_plus_detenu() -> None:
    detenus = fonds_detenus(
        [Encaissement(date(2026, 3, 1), D("100.00"))],
        [Sortie(date(2026, 3, 2), D("100.00"))],
        date(2026, 6, 1),
    )
    assert detenus == ()


def test_des_sorties_superieures_aux_encaissements_sont_refusees() -> None:
    with pytest.raises(DonneeInvalide, match=r"dépassent les encaissements de 0\.01 €"):
        fonds_detenus(
            [Encaissement(date(2026, 3, 1), D("100.00"))],
            [Sortie(date(2026, 3, 2), D("100.01"))],
            date(2026, 3, 2),
        )


def test_un_encaissement_nul_ou_negatif_est_refuse() -> None:
    with pytest.raises(DonneeInvalide, match="Encaissement non positif"):
        fonds_detenus([Encaissement(date(2026, 3, 1), D("0.00"))], [], date(2026, 3, 2))


# --- property -------------------------------------------------------------------------------

_montants = st.decimals(min_value=D("0.01"), max_value=D("50000.00"), places=2)
_jours = st.integers(min_value=0, max_value=400)


@st.composite
def _mouvements(draw: st.DrawFn) -> tuple[list[Encaissement], list[Sortie]]:
    debut = date(2025, 1, 1)
    encaissements = [
        Encaissement(
            debut + timedelta(days=draw(_jours)),
            draw(_montants),
            especes=draw(st.booleans()),
            acompte=draw(st.booleans()),
        )
        for _ in range(draw(st.integers(min_value=1, max_value=8)))
    ]
    total = sum((e.montant for e in encaissements), D("0.00"))
    sorties: list[Sortie] = []
    reste = total
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        if reste <= 0:
            break
        montant = draw(st.decimals(min_value=D("0.01"), max_value=reste, places=2))
        sorties.append(Sortie(debut + timedelta(days=draw(_jours)), montant))
        reste -= montant
    return encaissements, sorties


@settings(max_examples=200, deadline=None)
@given(_mouvements())
def test_le_reste_detenu_egale_les_encaissements_moins_les_sorties_et_n_est_jamais_negatif(
    mouvements: tuple[list[Encaissement], list[Sortie]],
) -> None:
    encaissements, sorties = mouvements
    au = date(2026, 12, 31)  # after every movement
    detenus = fonds_detenus(encaissements, sorties, au)
    recu = sum((e.montant for e in encaissements), D("0.00"))
    sorti = sum((s.montant for s in sorties), D("0.00"))
    assert sum((f.restant for f in detenus), D("0.00")) == recu - sorti
    assert all(f.restant > 0 for f in detenus)
    assert all(f.restant <= f.encaissement.montant for f in detenus)
    # FIFO: only the most recent receipts remain, at most the oldest of them partially.
    dates = [f.encaissement.date for f in detenus]
    assert dates == sorted(dates)
    assert all(f.restant == f.encaissement.montant for f in detenus[1:])
    for fonds in detenus:
        assert fonds.date_limite > fonds.encaissement.date
