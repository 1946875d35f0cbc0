"""Calendar arithmetic shared by the rules: months and years with the quantième rule.

CPC 641 al. 2 (deadlines) and C. civ. 2228-2229 (prescription) both count a term in months
or years to the same day of the month ("quantième"), or to the month's last day when that
month has no such day (31 January + 1 month = 28 or 29 February).
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date

from clerc.rules.erreurs import DonneeInvalide


def dernier_jour_du_mois(annee: int, mois: int) -> int:
    """Number of the last day of the month (28 to 31)."""
    return monthrange(annee, mois)[1]


def ajouter_mois(jour: date, mois: int) -> date:
    """Same quantième ``mois`` months later (negative: earlier), else the month's last day."""
    index = jour.year * 12 + (jour.month - 1) + mois
    annee, mois_index = divmod(index, 12)
    if not 1 <= annee <= 9999:
        raise DonneeInvalide("Date hors du calendrier pris en charge (années 1 à 9999).")
    return date(annee, mois_index + 1, min(jour.day, dernier_jour_du_mois(annee, mois_index + 1)))
