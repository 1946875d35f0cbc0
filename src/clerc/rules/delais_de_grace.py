"""Délais de grâce (C. civ. 1343-5): the judge may postpone or spread the payment of the sums
due, "dans la limite de deux années" (al. 1); the ceiling is a dated parameter."""

from __future__ import annotations

from datetime import date

from clerc.rules.parametres import parametres

PARAMETRE = "delais_de_grace.duree_maximale"
ARTICLE = "C. civ. 1343-5"


def duree_maximale_delais_de_grace(jour: date) -> int:
    """The longest délais de grâce a judge may grant on ``jour``, in months (C. civ. 1343-5
    al. 1: two years since 1 October 2016)."""
    return int(parametres().valeur_au(PARAMETRE, jour).valeur)
