"""What a user types, read the same way by the command line and the web office: dates
("2026-11-30" or "30/11/2026"), whole numbers; amounts are read by clerc.rules.monnaie.montant.
Errors are DonneeInvalide with a French message naming the field."""

from __future__ import annotations

from datetime import date

from clerc.rules.erreurs import DonneeInvalide


def lire_date(texte: str, nom: str) -> date:
    """Parse an ISO date typed by the user (2026-11-30) or its French form (30/11/2026)."""
    texte = texte.strip()
    try:
        if "/" in texte:
            jour, mois, annee = texte.split("/")
            return date(int(annee), int(mois), int(jour))
        return date.fromisoformat(texte)
    except ValueError:
        raise DonneeInvalide(
            f"{nom} : date impossible « {texte} » (format attendu AAAA-MM-JJ ou JJ/MM/AAAA)."
        ) from None


def lire_entier(texte: str, nom: str) -> int:
    """A non-negative whole number typed by the user (dependants, vacations...)."""
    try:
        valeur = int(texte.strip())
    except ValueError:
        raise DonneeInvalide(f"{nom} : nombre entier attendu « {texte} ».") from None
    if valeur < 0:
        raise DonneeInvalide(f"{nom} : nombre négatif « {texte} » refusé.")
    return valeur
