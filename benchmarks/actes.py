"""Throughput of act rendering: the two-page demonstration act, as PDF (Typst) and DOCX.

200 renders of ``modeles/demonstration.typ`` in one process, each with a different dossier
number and principal (so Typst's memoisation cannot return a previous document whole), then
200 renders of ``modeles/acte.docx``. The process is pinned to one CPU where the system allows
it (Typst would otherwise lay out on several threads), and CPU time is shown next to the wall
clock. Target of issue 5: at least 30 two-page acts per second on one core.

Run: ``python benchmarks/actes.py [nombre]`` (``make benchmark``).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from clerc.actes.demonstration import contexte_docx_demonstration, donnees_demonstration
from clerc.actes.rendu import rendre_docx, rendre_pdf
from clerc.actes.texte import euros

CIBLE_PDF = 30  # two-page acts per second, one core


def _variantes(nombre: int, base: dict[str, Any]) -> list[dict[str, Any]]:
    variantes = []
    for i in range(nombre):
        donnees = {**base, "references": {**base["references"], "dossier": f"2026-{i:05d}"}}
        lignes = [dict(ligne) for ligne in base["decompte"]["lignes"]]
        lignes[0]["montant"] = euros(Decimal(4500 + i))
        donnees["decompte"] = {**base["decompte"], "lignes": lignes}
        variantes.append(donnees)
    return variantes


def _mesurer(nom: str, rendus: list[Callable[[], bytes]]) -> float:
    durees = []
    taille = 0
    mur, cpu = time.perf_counter(), time.process_time()
    for rendu in rendus:
        debut = time.perf_counter()
        taille = len(rendu())
        durees.append(time.perf_counter() - debut)
    mur, cpu = time.perf_counter() - mur, time.process_time() - cpu
    debit = len(rendus) / mur
    durees.sort()
    print(
        f"{nom} : {len(rendus)} rendus en {mur:.2f} s (CPU {cpu:.2f} s) : "
        f"{debit:.1f} par seconde ; "
        f"médiane {statistics.median(durees) * 1000:.1f} ms, "
        f"p95 {durees[int(len(durees) * 0.95) - 1] * 1000:.1f} ms ; {taille / 1024:.0f} Kio"
    )
    return debit


def main() -> None:
    nombre = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        print(f"processus épinglé sur un cœur ({len(os.sched_getaffinity(0))} CPU visible)")
    debut = time.perf_counter()
    rendre_pdf("demonstration", donnees_demonstration())  # fonts loaded, templates parsed
    print(f"premier rendu PDF (polices et modèles chargés) : {time.perf_counter() - debut:.2f} s")

    variantes = _variantes(nombre, donnees_demonstration())
    debit = _mesurer(
        "PDF  demonstration.typ", [lambda d=d: rendre_pdf("demonstration", d) for d in variantes]
    )
    debit_a = _mesurer(
        "PDF/A-2b demonstration.typ",
        [lambda d=d: rendre_pdf("demonstration", d, pdfa=True) for d in variantes],
    )
    contexte = contexte_docx_demonstration()
    _mesurer("DOCX acte.docx", [lambda: rendre_docx("acte", contexte)] * nombre)
    verdict = "atteinte" if min(debit, debit_a) >= CIBLE_PDF else "MANQUÉE"
    print(f"cible {CIBLE_PDF} actes de deux pages par seconde sur un cœur : {verdict}")


if __name__ == "__main__":
    main()
