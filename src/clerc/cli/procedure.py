"""`clerc procedure plan|...`: the enforcement procedures, step by step, with their deadlines."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from clerc.cli.commun import (
    console,
    emettre_json,
    erreurs_francaises,
    lire_date,
    lire_heure,
    tableau,
)
from clerc.cli.office import OptionAu, OptionEtude, OptionJson, OptionUtilisateur, contexte_cli
from clerc.office.services import agenda as services_agenda
from clerc.office.services import procedures as services
from clerc.rules.calendrier import territoire as territoire_calendrier
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.chargement import procedure, procedures
from clerc.rules.procedures.moteur import plan

AFFICHAGE_AGENDA = 100  # items shown on the console unless --limite says otherwise

procedure_app = typer.Typer(
    help="Procédures d'exécution : étapes, délais, sanctions, articles.", no_args_is_help=True
)


def _liste() -> list[dict[str, Any]]:
    return [
        {
            "code": code,
            "libelle": versions[-1].libelle,
            "versions": [
                {
                    "version": v.version,
                    "en_vigueur_du": v.en_vigueur_du.isoformat() if v.en_vigueur_du else None,
                    "en_vigueur_au": v.en_vigueur_au.isoformat() if v.en_vigueur_au else None,
                    "provisoire": v.provisoire,
                }
                for v in versions
            ],
            "articles": list(versions[-1].articles),
        }
        for code, versions in sorted(procedures().items())
    ]


@procedure_app.command("plan")
@erreurs_francaises
def plan_commande(
    code: Annotated[
        str, typer.Argument(help="Code de la procédure (voir --lister).", show_default=False)
    ] = "",
    depuis: Annotated[
        str, typer.Option("--depuis", help="Date du premier acte (AAAA-MM-JJ).")
    ] = "",
    territoire: Annotated[
        str,
        typer.Option(
            "--territoire", help="Département dont le calendrier s'applique (75, 67, 974...)."
        ),
    ] = "75",
    lister: Annotated[bool, typer.Option("--lister", help="Liste les procédures.")] = False,
    sortie_json: OptionJson = False,
) -> None:
    """Les étapes d'une procédure à partir d'une date : au plus tôt, au plus tard, sanction.

    Sans base de données : chaque étape est supposée faite au plus tôt."""
    if lister:
        liste = _liste()
        if sortie_json:
            emettre_json({"procedures": liste})
        else:
            tableau(
                "Procédures",
                ("Code", "Procédure", "Versions"),
                [
                    (
                        p["code"],
                        p["libelle"],
                        ", ".join(
                            v["version"] + (" (provisoire)" if v["provisoire"] else "")
                            for v in p["versions"]
                        ),
                    )
                    for p in liste
                ],
            )
        return
    if not code:
        raise DonneeInvalide("Indiquez le code de la procédure (voir --lister).")
    if not depuis:
        raise DonneeInvalide("--depuis : indiquez la date du premier acte (AAAA-MM-JJ).")
    debut: date = lire_date(depuis, "--depuis")
    t = territoire_calendrier(territoire).code
    choisie = procedure(code, debut)
    etapes = plan(choisie, debut, t)
    if sortie_json:
        emettre_json(
            {
                "procedure": choisie.code,
                "libelle": choisie.libelle,
                "version": choisie.version,
                "provisoire": choisie.provisoire,
                "depuis": debut.isoformat(),
                "territoire": t,
                "articles": list(choisie.articles),
                "etapes": [e.en_dict() for e in etapes],
            }
        )
        return
    titre = f"{choisie.libelle} — à partir du {debut.isoformat()} (territoire {t})"
    if choisie.provisoire:
        titre += " — PROVISOIRE"
    tableau(
        titre,
        ("Étape", "Prévue", "Pas avant", "Au plus tard", "Sanction", "Articles"),
        [
            (
                e.etape.libelle + (" (facultative)" if e.etape.optionnelle else ""),
                e.date_prevue.isoformat() if e.date_prevue else "",
                e.au_plus_tot.jour.isoformat() if e.au_plus_tot else "",
                e.au_plus_tard.jour.isoformat() if e.au_plus_tard else "",
                (
                    e.au_plus_tard.delai.sanction.effet
                    if e.au_plus_tard and e.au_plus_tard.delai.sanction
                    else ""
                ),
                ", ".join(e.etape.articles),
            )
            for e in etapes
        ],
    )
    reserves = list(dict.fromkeys(r for e in etapes for r in e.reserves))
    for reserve in reserves:  # what the plan assumed (service à personne, no distance...)
        console.print(f"[bold]Hypothèse[/] : {reserve}")
    if choisie.note:
        console.print(choisie.note)


def _afficher_etat(procedures_: list[dict[str, Any]]) -> None:
    for p in procedures_:
        console.print(
            f"[bold]{p['procedure']}[/] (version {p['version']}) : {p['statut']}"
            + (f" — {p['motif']}" if p["motif"] else "")
        )
        tableau(
            "",
            ("Étape", "Statut", "Pas avant", "Au plus tard", "Motifs"),
            [
                (
                    e["libelle"],
                    e["statut"] + (f" le {e['faite_le']}" if e["faite_le"] else ""),
                    e["date_au_plus_tot"] or "",
                    e["date_limite"] or "",
                    " ".join(e["motifs"]),
                )
                for e in p["etapes"]
            ],
        )


@procedure_app.command("demarrer")
@erreurs_francaises
def demarrer_commande(
    reference: Annotated[str, typer.Argument(help="Référence du dossier.")],
    code: Annotated[str, typer.Argument(help="Code de la procédure (voir plan --lister).")],
    date_: Annotated[
        str,
        typer.Option(
            "--date",
            help="Date de départ (premier acte ; l'ordonnance pour une injonction de payer) : "
            "elle fixe la loi applicable. Défaut : aujourd'hui.",
        ),
    ] = "",
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Démarre une procédure sur un dossier."""
    jour = lire_date(date_, "--date") if date_ else date.today()
    resultat = services.demarrer(contexte_cli(etude, utilisateur), reference, code, jour)
    if sortie_json:
        emettre_json(resultat)
    else:
        _afficher_etat([resultat])


@procedure_app.command("etape")
@erreurs_francaises
def etape_commande(
    reference: Annotated[str, typer.Argument(help="Référence du dossier.")],
    etape: Annotated[str, typer.Argument(help="Code de l'étape faite (voir possibles).")],
    date_: Annotated[str, typer.Option("--date", help="Date de l'étape (AAAA-MM-JJ).")] = "",
    heure: Annotated[str, typer.Option("--heure", help="Heure de l'acte (9:15).")] = "",
    mode: Annotated[
        str,
        typer.Option(
            "--mode", help="Mode de signification : personne, domicile, etude, 659, electronique."
        ),
    ] = "",
    code: Annotated[
        str, typer.Option("--procedure", help="Procédure, si plusieurs ont cette étape.")
    ] = "",
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Enregistre une étape faite : refusée, avec la raison, si la loi ne la permet pas."""
    if not date_:
        raise DonneeInvalide("--date : indiquez la date de l'étape (AAAA-MM-JJ).")
    resultat = services.enregistrer_etape(
        contexte_cli(etude, utilisateur),
        reference,
        etape,
        lire_date(date_, "--date"),
        heure=lire_heure(heure) if heure else None,
        mode=mode or None,
        procedure=code or None,
    )
    if sortie_json:
        emettre_json(resultat)
    else:
        _afficher_etat([resultat])


@procedure_app.command("possibles")
@erreurs_francaises
def possibles_commande(
    reference: Annotated[str, typer.Argument(help="Référence du dossier.")],
    au: OptionAu = "",
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Ce que la loi permet maintenant sur le dossier, et pour le reste, pourquoi pas."""
    jour = lire_date(au, "--au") if au else date.today()
    resultat = services.possibles(contexte_cli(etude, utilisateur), reference, jour)
    if sortie_json:
        emettre_json(resultat)
    else:
        _afficher_etat(resultat["procedures"])


@procedure_app.command("abandonner")
@erreurs_francaises
def abandonner_commande(
    reference: Annotated[str, typer.Argument(help="Référence du dossier.")],
    code: Annotated[str, typer.Argument(help="Code de la procédure en cours ou caduque.")],
    motif: Annotated[
        str, typer.Option("--motif", help="Motif (instruction du créancier, mainlevée...).")
    ] = "",
    date_: Annotated[
        str, typer.Option("--date", help="Date de l'abandon (défaut : aujourd'hui).")
    ] = "",
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Abandonne une procédure en cours ou caduque : elle quitte l'agenda."""
    jour = lire_date(date_, "--date") if date_ else date.today()
    resultat = services.abandonner(contexte_cli(etude, utilisateur), reference, code, jour, motif)
    if sortie_json:
        emettre_json(resultat)
    else:
        console.print(
            f"Dossier {resultat['dossier']} : procédure {resultat['procedure']} abandonnée "
            f"({resultat['motif']})."
        )


@procedure_app.command("caducites")
@erreurs_francaises
def caducites_commande(
    au: OptionAu = "",
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Constate les procédures caduques (délai fatal expiré) : à lancer chaque jour."""
    jour = lire_date(au, "--au") if au else date.today()
    constatees = services.constater_caducites(contexte_cli(etude, utilisateur), jour)
    if sortie_json:
        emettre_json({"au": jour.isoformat(), "caduques": constatees})
        return
    tableau(
        f"Procédures devenues caduques au {jour.isoformat()} : {len(constatees)}",
        ("Dossier", "Procédure", "Démarrée le", "Motif"),
        [(c["dossier"], c["procedure"], c["demarree_le"], c["motif"]) for c in constatees],
        insecables=("Dossier", "Démarrée le"),
    )


@erreurs_francaises
def agenda_commande(
    date_: Annotated[
        str, typer.Option("--date", help="Jour de l'agenda (défaut : aujourd'hui).")
    ] = "",
    clerc: Annotated[str, typer.Option("--clerc", help="Identifiant du clerc.")] = "",
    limite: Annotated[
        int | None,
        typer.Option(
            "--limite",
            help="Nombre d'échéances listées, les plus urgentes d'abord (défaut : toutes en "
            f"JSON, {AFFICHAGE_AGENDA} à l'écran).",
            min=1,
        ),
    ] = None,
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Échéances : en retard, du jour, de la semaine, et ce qui ne peut être fait avant une date."""
    jour = lire_date(date_, "--date") if date_ else date.today()
    contexte = contexte_cli(etude, utilisateur)
    if limite is None and not sortie_json:
        limite = AFFICHAGE_AGENDA
    elements = services_agenda.agenda(contexte, jour, clerc=clerc or None, limite=limite)
    resume = services_agenda.resume_agenda(contexte, jour, clerc=clerc or None)
    if sortie_json:
        emettre_json(
            {
                "date": jour.isoformat(),
                "resume": resume,
                "echeances": [e.en_dict() for e in elements],
            }
        )
        return
    libelles = {
        "en_retard": "EN RETARD",
        "aujourd_hui": "aujourd'hui",
        "semaine": "cette semaine",
        "pas_avant": "pas avant",
    }
    console.print(
        f"{resume['en_retard']} en retard (dont {resume['fatales_en_retard']} caducités, "
        f"péremptions ou non-avenus), {resume['aujourd_hui']} aujourd'hui, "
        f"{resume['semaine']} dans les sept jours, {resume['pas_avant']} à ne pas faire avant "
        "leur date."
    )
    tableau(
        f"Agenda du {jour.isoformat()} : {len(elements)} échéance(s) sur {resume['total']}"
        + (" (--limite pour en voir plus)" if len(elements) < resume["total"] else ""),
        ("Quand", "Dossier", "À faire", "Pas avant", "Au plus tard", "Sanction (article)"),
        [
            (
                libelles[e.categorie],
                e.dossier,
                e.libelle,
                e.date_au_plus_tot.isoformat() if e.date_au_plus_tot else "",
                e.date_limite.isoformat() if e.date_limite else "",
                f"{e.effet} ({e.article})" if e.effet else e.article,
            )
            for e in elements
        ],
        insecables=("Dossier", "Pas avant", "Au plus tard"),
    )
