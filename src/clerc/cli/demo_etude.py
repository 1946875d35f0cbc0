"""`clerc demo`, first part: the demo office in the configured database, shown in the terminal.

Until the web office exists, the demo prints what a clerc would see first: how many files,
their statuses, the traps planted in the synthetic files, the funds held too long, and a few
files with their décompte.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from rich.console import Console
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from clerc.cli.commun import tableau
from clerc.office.db import base_vide
from clerc.office.models import Dossier, Etude, Piege
from clerc.office.services import agenda, paiements, recherche
from clerc.office.services.dossiers import charger_dossier, decompte_de
from clerc.office.services.etudes import contexte
from clerc.rules.erreurs import ErreurClerc
from clerc.rules.monnaie import format_euros

DOSSIERS_DEMO = 300
GRAINE_DEMO = 1


def montrer_etude(moteur: Engine, au: date, console: Console) -> None:
    if base_vide(moteur):
        from clerc.office.generateur import generer

        console.print(
            f"Base vide : génération de l'étude de démonstration ({DOSSIERS_DEMO} dossiers)…"
        )
        rapport = generer(moteur, dossiers=DOSSIERS_DEMO, graine=GRAINE_DEMO, au=au)
        console.print(
            f"Étude {rapport.etude_code} générée en {rapport.secondes:.1f} s. Identifiants de "
            "démonstration : " + ", ".join(sorted(rapport.identifiants))
        )
    with Session(moteur) as session:
        etude = session.scalars(select(Etude).order_by(Etude.id)).first()
        assert etude is not None
        code = etude.code
        nom = etude.nom
    ctx = contexte(moteur, code, "demo")
    with Session(moteur) as session:
        statuts = Counter(
            dict(
                session.execute(
                    select(Dossier.statut, func.count(Dossier.id))
                    .where(Dossier.etude_id == ctx.etude_id)
                    .group_by(Dossier.statut)
                ).all()
            )
        )
        pieges = session.execute(
            select(Piege.code, func.count(Piege.id))
            .where(Piege.etude_id == ctx.etude_id)
            .group_by(Piege.code)
            .order_by(Piege.code)
        ).all()
    console.rule(f"[bold]{nom}[/] — situation au {au.isoformat()}")
    tableau(
        "Dossiers par statut",
        ("Statut", "Nombre"),
        [(statut, nombre) for statut, nombre in sorted(statuts.items())],
    )
    if pieges:
        tableau("Pièges à repérer (dossiers synthétiques)", ("Piège", "Dossiers"), pieges)
    en_retard = paiements.fonds_detenus(ctx, au, seulement_en_retard=True)
    if en_retard:
        tableau(
            "Fonds détenus au-delà du délai de reversement (C. com. R444-56)",
            ("Dossier", "Reçu le", "Montant", "Date limite"),
            [
                (
                    a.reference,
                    a.fonds.encaissement.date.isoformat(),
                    format_euros(a.fonds.restant),
                    a.fonds.date_limite.isoformat(),
                )
                for a in en_retard[:10]
            ],
        )
    en_cours = recherche.chercher(ctx, "", statut="en_cours", limite=5)
    lignes = []
    with Session(moteur) as session:
        session.info["etude_id"] = ctx.etude_id
        for ligne in en_cours.dossiers:
            dossier = charger_dossier(session, ligne["reference"])
            try:
                total = format_euros(decompte_de(dossier, au).total)
            except ErreurClerc as erreur:
                total = f"(décompte impossible : {erreur})"
            lignes.append(
                (ligne["reference"], ligne["creancier"], ", ".join(ligne["debiteurs"]), total)
            )
    tableau(
        f"Quelques dossiers en cours (sur {en_cours.total})",
        ("Référence", "Créancier", "Débiteur(s)", f"Dû au {au.isoformat()}"),
        lignes,
    )
    resume = agenda.resume_agenda(ctx, au)
    console.print(
        f"Agenda au {au.isoformat()} : {resume['en_retard']} échéance(s) en retard (dont "
        f"{resume['fatales_en_retard']} caducité(s) ou péremption(s) à traiter), "
        f"{resume['aujourd_hui']} aujourd'hui, {resume['semaine']} dans les sept jours "
        "(clerc agenda)."
    )
    console.print(
        'Pour aller plus loin : clerc dossier chercher "" · clerc dossier afficher REF · '
        "clerc dossier analyser REF · clerc agenda · clerc procedure possibles REF · "
        "clerc acte types · clerc acte generer REF TYPE · clerc paiement enregistrer REF "
        "MONTANT · clerc reversement REF · clerc audit verifier"
    )
