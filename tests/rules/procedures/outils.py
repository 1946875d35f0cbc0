"""Helpers shared by the procedure tests."""

from __future__ import annotations

from datetime import date

from clerc.rules.procedures.moteur import EtapeFaite


def faites(*etapes: tuple[str, date]) -> tuple[EtapeFaite, ...]:
    """Steps done, as (code, day) pairs."""
    return tuple(EtapeFaite(code, jour) for code, jour in etapes)
