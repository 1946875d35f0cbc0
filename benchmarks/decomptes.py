"""Throughput of the décompte: 100 000 synthetic claims over ten years of rate changes.

Each claim starts between 1 January 2016 and 31 December 2025 and is stated on 30 November
2026, so it crosses from 2 to 22 semesters of legal rates. 70 % bear the legal rate (half of
them majorated from two months and a few days after the start), 20 % a conventional rate,
10 % none; half carry an article 700 award bearing interest, all carry dépens and one to
three act costs, and zero to four payments. The claims are built before timing; only
``decompte()`` is timed, on one core. Then cProfile shows what bounds it.

Run: ``python benchmarks/decomptes.py [nombre]`` (``make benchmark``).
"""

from __future__ import annotations

import cProfile
import io
import pstats
import random
import sys
import time
from datetime import date, timedelta
from decimal import Decimal

from clerc.rules.decompte import Creance, Frais, Paiement, decompte
from clerc.rules.interets import RegimeInterets

CIBLE = 20_000  # décomptes per second
AU = date(2026, 11, 30)
DEBUT = date(2016, 1, 1)
ETENDUE = (date(2025, 12, 31) - DEBUT).days


def _euros(generateur: random.Random, minimum: int, maximum: int) -> Decimal:
    return Decimal(generateur.randint(minimum * 100, maximum * 100)) / 100


def creances_synthetiques(nombre: int, graine: int = 20261130) -> list[Creance]:
    generateur = random.Random(graine)
    creances: list[Creance] = []
    for _ in range(nombre):
        jour = DEBUT + timedelta(days=generateur.randint(0, ETENDUE))
        tirage = generateur.random()
        categorie = "particulier" if generateur.random() < 0.5 else "autre"
        if tirage < 0.7:
            majoration = (
                jour + timedelta(days=generateur.randint(62, 90))
                if generateur.random() < 0.5
                else None
            )
            regime = RegimeInterets("legal", categorie, majoration_depuis=majoration)
        elif tirage < 0.9:
            taux = Decimal(generateur.randint(100, 1200)) / 100
            regime = RegimeInterets("conventionnel", categorie, taux_conventionnel=taux)
        else:
            regime = RegimeInterets("aucun", categorie)
        principal = _euros(generateur, 200, 50_000)
        frais = [Frais("Dépens", jour, _euros(generateur, 50, 400), "depens")]
        if generateur.random() < 0.5:
            frais.append(Frais("Article 700", jour, _euros(generateur, 300, 3000), "article_700"))
        reste = (AU - jour).days
        for _ in range(generateur.randint(1, 3)):
            quand = jour + timedelta(days=generateur.randint(1, reste))
            frais.append(Frais("Acte", quand, _euros(generateur, 20, 250), "acte"))
        paiements = [
            Paiement(
                jour + timedelta(days=generateur.randint(1, reste)),
                _euros(generateur, 10, max(11, int(principal) // 4)),
            )
            for _ in range(generateur.randint(0, 4))
        ]
        creances.append(
            Creance(
                principal=principal,
                date=jour,
                regime=regime,
                frais=tuple(frais),
                paiements=tuple(paiements),
            )
        )
    return creances


def mesurer(creances: list[Creance], *, trace: bool = False) -> tuple[float, Decimal, int]:
    """Seconds for all décomptes; ``trace``: also build every traced period (dates, records)."""
    total = Decimal(0)
    periodes = 0
    debut = time.perf_counter()
    for creance in creances:
        resultat = decompte(creance, AU)
        total += resultat.total
        periodes += len(resultat.periodes if trace else resultat.periodes_brutes)
    return time.perf_counter() - debut, total, periodes


def main() -> None:
    nombre = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    creances = creances_synthetiques(nombre)
    mesurer(creances[:1000])  # warm caches (parameters loaded, rate schedules built)
    duree, total, periodes = mesurer(creances)
    debit = nombre / duree
    print(f"{nombre} décomptes en {duree:.2f} s : {debit:,.0f} décomptes/s sur un cœur")
    print(f"  {periodes / nombre:.1f} périodes d'intérêts par décompte ; total dû {total} €")
    verdict = "atteinte" if debit >= CIBLE else "MANQUÉE"
    print(f"  cible {CIBLE:,} décomptes/s : {verdict}")
    duree_trace, total_trace, _ = mesurer(creances, trace=True)
    assert total_trace == total
    print(
        f"  avec la trace complète des périodes construite : {nombre / duree_trace:,.0f} "
        "décomptes/s"
    )
    profil = cProfile.Profile()
    echantillon = creances[: min(nombre, 20_000)]
    profil.enable()
    for creance in echantillon:
        decompte(creance, AU)
    profil.disable()
    sortie = io.StringIO()
    pstats.Stats(profil, stream=sortie).sort_stats("tottime").print_stats(12)
    print("\nProfil (cProfile, temps propre, 20 000 décomptes) :")
    print("\n".join(line for line in sortie.getvalue().splitlines() if line.strip())[:4000])


if __name__ == "__main__":
    main()
