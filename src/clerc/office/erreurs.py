"""Errors of the office layer: French messages meant for the user (exit code 2 in the CLI)."""

from __future__ import annotations

from clerc.rules.erreurs import ErreurClerc


class ErreurOffice(ErreurClerc):
    """A use case refused: the message says why, in French; nothing was written."""


class Introuvable(ErreurOffice):
    pass


class OperationRefusee(ErreurOffice):
    pass


class ConflitConcurrent(ErreurOffice):
    pass


class BaseInaccessible(ErreurOffice):
    """The configured database cannot be opened (bad address, server down, missing folder)."""
