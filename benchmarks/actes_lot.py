"""Benchmark of a batch of acts in the office (issue 5: at least 30 two-page acts per second
on one core).

    python benchmarks/actes_lot.py [--dossiers 300] [--actes 200] [--type commandement_saisie_vente]

A synthetic office in a temporary SQLite file; for ``--actes`` open files, the act is drawn up
from the file (parties, title, décompte at the day, engine deadlines, tariff, checks: the
``clerc acte lot`` path) and rendered to PDF. Prints acts per second for drawing up, for
rendering, and for both, and the pages of the rendered acts. Figures are printed, never
asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import date
from datetime import time as heure
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerc.office.db import creer_moteur, migrer
from clerc.office.generateur import ETUDE_CODE, generer
from clerc.office.models import Dossier
from clerc.office.services import actes
from clerc.office.services.etudes import contexte

AU = date(2026, 11, 30)


def main() -> None:
    analyseur = argparse.ArgumentParser(description=__doc__)
    analyseur.add_argument("--dossiers", type=int, default=300)
    analyseur.add_argument("--actes", type=int, default=200)
    analyseur.add_argument("--type", default="commandement_saisie_vente")
    arguments = analyseur.parse_args()
    with tempfile.TemporaryDirectory() as dossier_temporaire:
        os.environ["CLERC_DONNEES"] = str(Path(dossier_temporaire) / "donnees")
        moteur = creer_moteur(f"sqlite:///{Path(dossier_temporaire) / 'banc.sqlite3'}")
        migrer(moteur)
        generer(moteur, dossiers=arguments.dossiers, graine=7, au=AU)
        with Session(moteur) as session:
            references = session.scalars(
                select(Dossier.reference)
                .where(Dossier.statut == "en_cours")
                .order_by(Dossier.reference)
                .limit(arguments.actes)
            ).all()
        ctx = contexte(moteur, ETUDE_CODE, "demo-clerc")
        rediger, rendre, pages = [], [], []
        for reference in references:
            debut = time.perf_counter()
            resultat = actes.generer(ctx, reference, arguments.type, AU, heure=heure(10, 0),
                                     mode="personne")  # fmt: skip
            milieu = time.perf_counter()
            pdf = actes.fichier(ctx, int(resultat["acte"]))
            fin = time.perf_counter()
            rediger.append(milieu - debut)
            rendre.append(fin - milieu)
            pages.append(len(pdf))
        total = sum(rediger) + sum(rendre)
        taille = statistics.mean(pages) / 1024
        print(f"{len(references)} actes {arguments.type} (PDF de {taille:.0f} Kio en moyenne) :")
        print(f"  rédaction depuis le dossier et contrôle : {len(rediger) / sum(rediger):.0f} "
              f"actes/s (médiane {statistics.median(rediger) * 1000:.1f} ms)")  # fmt: skip
        print(f"  rendu PDF : {len(rendre) / sum(rendre):.0f} actes/s "
              f"(médiane {statistics.median(rendre) * 1000:.1f} ms)")  # fmt: skip
        print(f"  lot complet : {len(references) / total:.0f} actes/s (cible : 30)")
        moteur.dispose()


if __name__ == "__main__":
    main()
