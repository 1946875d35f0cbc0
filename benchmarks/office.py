"""Benchmark of the office at scale (issue 3): generation, search, décompte.

    python benchmarks/office.py [--dossiers 1000000] [--moteurs sqlite,postgresql]
                                [--fichier-sqlite CHEMIN]

For each engine (SQLite in a temp file; PostgreSQL on a throwaway loopback server): generate a
synthetic office of N files, then print the generation throughput, the latency of searches by
debtor name and by reference (median and p95 over 200 queries each), of the office agenda,
and the time of the décompte of a file with 50 events. Target of the issue: search p95 under
50 ms at 1 000 000.
Figures are printed, never asserted. ``--fichier-sqlite`` keeps the SQLite office in that file
(generating it only if the file holds none), to measure again without generating again.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from clerc.office.db import base_vide, creer_moteur, migrer
from clerc.office.generateur import ETUDE_CODE, generer
from clerc.office.models import Dossier, Partie
from clerc.office.postgres_jetable import serveur_postgres_jetable
from clerc.office.services import agenda as agenda_etude
from clerc.office.services import dossiers, paiements, recherche
from clerc.office.services.donnees import (
    AdresseDonnees,
    LigneDonnees,
    NouveauDossier,
    PartieDonnees,
    TitreDonnees,
)
from clerc.office.services.etudes import contexte

AU = date(2026, 11, 30)


def _quantiles(mesures: list[float]) -> str:
    mesures = sorted(mesures)
    p95 = mesures[int(len(mesures) * 0.95) - 1]
    return f"médiane {statistics.median(mesures) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def _chronometrer(fonction: Callable[[str], object], textes: list[str]) -> list[float]:
    mesures = []
    for texte in textes:
        debut = time.perf_counter()
        fonction(texte)
        mesures.append(time.perf_counter() - debut)
    return mesures


def mesurer(nom: str, moteur: Engine, nombre: int) -> None:
    migrer(moteur)
    if base_vide(moteur):
        debut = time.perf_counter()
        generer(moteur, dossiers=nombre, graine=7, au=AU)
        duree = time.perf_counter() - debut
        print(
            f"[{nom}] génération de {nombre} dossiers : {duree:.1f} s, "
            f"{nombre / duree:.0f} dossiers/s"
        )
    else:
        with Session(moteur) as session:
            nombre = session.scalar(select(func.count(Dossier.id))) or 0
        print(f"[{nom}] étude déjà générée : {nombre} dossiers")
    ctx = contexte(moteur, ETUDE_CODE, "benchmark")
    hasard = random.Random(3)
    with Session(moteur) as session:
        noms = session.scalars(
            select(Partie.nom).where(Partie.type == "personne_physique").limit(5000)
        ).all()
        references = session.scalars(select(Dossier.reference).limit(5000)).all()
    textes_noms = [hasard.choice(noms)[:5] for _ in range(200)]
    textes_refs = [hasard.choice(references) for _ in range(200)]
    par_nom = _chronometrer(lambda t: recherche.chercher(ctx, t, limite=50), textes_noms)
    par_ref = _chronometrer(lambda t: recherche.chercher(ctx, t, limite=50), textes_refs)
    print(f"[{nom}] recherche par nom (5 premières lettres) : {_quantiles(par_nom)}")
    print(f"[{nom}] recherche par référence : {_quantiles(par_ref)}")
    page = _chronometrer(lambda t: agenda_etude.agenda(ctx, AU, limite=50), ["page"] * 20)
    print(f"[{nom}] agenda de l'étude, première page de 50 : {_quantiles(page)}")
    resume = agenda_etude.resume_agenda(ctx, AU)
    comptes = _chronometrer(lambda t: agenda_etude.resume_agenda(ctx, AU), ["resume"] * 20)
    print(f"[{nom}] agenda, nombre d'échéances par catégorie {resume} : {_quantiles(comptes)}")
    tout = _chronometrer(lambda t: agenda_etude.agenda(ctx, AU), ["tout"] * 5)
    print(f"[{nom}] agenda complet ({resume['total']} échéances) : {_quantiles(tout)}")
    reference = dossiers.ouvrir_dossier(
        ctx,
        NouveauDossier(
            nature="judiciaire",
            creancier=PartieDonnees(type="personne_morale", denomination="Banque du banc d'essai"),
            debiteurs=(
                PartieDonnees(
                    type="personne_physique",
                    nom="Essai",
                    adresses=(AdresseDonnees("1 rue de l'Essai", "69001", "Lyon"),),
                ),
            ),
            titre=TitreDonnees(
                type="decision_justice",
                date_titre=date(2020, 1, 15),
                date_signification=date(2020, 2, 3),
                lignes=(
                    LigneDonnees(
                        "principal", Decimal("25000.00"), majoration_depuis=date(2020, 4, 4)
                    ),
                ),
            ),
            ouvert_le=date(2020, 3, 1),
        ),
    )
    for rang in range(47):  # with the opening and the title: 50 events
        paiements.enregistrer_paiement(
            ctx, reference, Decimal("150.00"), date(2020, 3, 2) + timedelta(days=30 * rang)
        )
    mesures = []
    for _ in range(20):
        debut = time.perf_counter()
        dossiers.decompte_dossier(ctx, reference, AU)
        mesures.append(time.perf_counter() - debut)
    print(f"[{nom}] décompte d'un dossier de 50 événements : {_quantiles(mesures)}")
    moteur.dispose()


def main() -> None:
    analyseur = argparse.ArgumentParser(description=__doc__)
    analyseur.add_argument("--dossiers", type=int, default=1_000_000)
    analyseur.add_argument("--moteurs", default="sqlite,postgresql")
    analyseur.add_argument("--fichier-sqlite", type=Path, default=None)
    arguments = analyseur.parse_args()
    moteurs = arguments.moteurs.split(",")
    with ExitStack() as pile:
        if "sqlite" in moteurs:
            fichier = arguments.fichier_sqlite or (
                Path(pile.enter_context(tempfile.TemporaryDirectory())) / "banc.sqlite3"
            )
            mesurer("sqlite", creer_moteur(f"sqlite:///{fichier}"), arguments.dossiers)
        if "postgresql" in moteurs:
            url = pile.enter_context(serveur_postgres_jetable())
            mesurer("postgresql", creer_moteur(url), arguments.dossiers)


if __name__ == "__main__":
    main()
