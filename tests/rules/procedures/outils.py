"""Helpers shared by the procedure tests."""

from __future__ import annotations

from datetime import date

from clerc.rules.procedures.moteur import EtapeFaite


def faites(*etapes: tuple[str, date] | tuple[str, date, str]) -> tuple[EtapeFaite, ...]:
    """Steps done, as (code, day) pairs, or (code, day, mode of service) triples."""
    return tuple(
        EtapeFaite(etape[0], etape[1], mode=etape[2] if len(etape) > 2 else None)
        for etape in etapes
    )
