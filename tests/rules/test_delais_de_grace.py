"""C. civ. 1343-5 al. 1: délais de grâce "dans la limite de deux années" (since the ordonnance
n° 2016-131, in force 1 October 2016)."""

from __future__ import annotations

from datetime import date

import pytest

from clerc.rules.delais_de_grace import duree_maximale_delais_de_grace
from clerc.rules.erreurs import ParametreManquant


def test_le_juge_accorde_au_plus_deux_annees_de_delais() -> None:
    assert duree_maximale_delais_de_grace(date(2026, 11, 30)) == 24
    assert duree_maximale_delais_de_grace(date(2016, 10, 1)) == 24


def test_avant_l_article_1343_5_la_duree_n_est_pas_devinee() -> None:
    with pytest.raises(ParametreManquant):
        duree_maximale_delais_de_grace(date(2016, 9, 30))
