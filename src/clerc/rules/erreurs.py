"""Errors raised by the legal rules, with French messages meant for the user."""

from __future__ import annotations


class ErreurClerc(Exception):
    """Base of every error clerc reports to the user (message in French)."""


class DonneeInvalide(ErreurClerc, ValueError):
    """Bad input: negative amount, impossible date, malformed duration, unknown act..."""


class ParametreManquant(ErreurClerc, LookupError):
    """A dated legal figure is not known for the date asked.

    The message names the figure and the date, and tells the office how to add it
    locally (``clerc parametres ajouter``) once the text is published.
    """

    def __init__(self, nom: str, date_demandee: object, detail: str = "") -> None:
        self.nom = nom
        self.date_demandee = date_demandee
        message = (
            f"Paramètre légal manquant : « {nom} » n'est pas connu au {date_demandee}"
            + (f" ({detail})" if detail else "")
            + ". Ajoutez la valeur publiée avec « clerc parametres ajouter »."
        )
        super().__init__(message)
