"""`clerc formation exercice|corriger|solution`: training for the Clerc gestionnaire certification.

No database is needed: each exercise is built from a synthetic office generated in memory for
its seed and date, and its identifier is enough to rebuild it (docs/formation.md).
The sessions, progress and groups (``session``, ``progression``, ``groupe``) are kept in the
office database, for a user of the office (``--utilisateur``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from clerc.cli.commun import console, emettre_json, erreurs_francaises, jsonable, lire_date, tableau
from clerc.cli.office import OptionAu, OptionEtude, OptionJson, OptionUtilisateur
from clerc.rules.erreurs import DonneeInvalide

formation_app = typer.Typer(
    help="Mode formation : exercices de la certification Clerc gestionnaire, corrigés par le "
    "moteur.",
    no_args_is_help=True,
)

ArgumentIdentifiant = Annotated[
    str,
    typer.Argument(
        help="Identifiant de l'exercice (ex. B1-decompte-debutant-42-20261130).",
        show_default=False,
    ),
]


def _afficher(titre: str, donnees: Any) -> None:
    console.print(f"[bold]{titre}[/]")
    console.print_json(json.dumps(donnees, ensure_ascii=False))


@formation_app.command("exercice")
@erreurs_francaises
def exercice_commande(
    bloc: Annotated[int, typer.Option("--bloc", help="Bloc de la certification (1 à 4).")],
    niveau: Annotated[
        str, typer.Option("--niveau", help="debutant, intermediaire ou confirme.")
    ] = "debutant",
    graine: Annotated[
        int | None,
        typer.Option("--graine", help="Graine du scénario (même graine, même exercice)."),
    ] = None,
    type_exercice: Annotated[
        str | None,
        typer.Option(
            "--type",
            help="Type d'exercice (bloc 1 : qualifier_titre, decompte, risques, mesures ; "
            "bloc 2 : ordonner_etapes, delais, prochain_acte, rediger_acte, erreurs_acte ; "
            "bloc 3 : repondre_message, echeancier, compte_rendu_creancier ; bloc 4 : "
            "trouver_goulets, prioriser, proposer_amelioration ; défaut : tiré de la graine).",
        ),
    ] = None,
    au: OptionAu = "",
    sortie_json: OptionJson = False,
) -> None:
    """Un nouvel exercice : consigne, dossier, format de la réponse."""
    from clerc.formation.exercices import nouvel_exercice

    jour = lire_date(au, "--au") if au else None
    exercice = nouvel_exercice(bloc, niveau, graine, jour, type_exercice).en_dict()
    if sortie_json:
        emettre_json(exercice)
        return
    console.print(f"[bold]Exercice {exercice['exercice']}[/] (bloc {exercice['bloc']})")
    console.print(exercice["consigne"])
    _afficher("Dossier", exercice["dossier"])
    _afficher("Format de la réponse", exercice["format_reponse"])
    console.print(
        f"Corriger : clerc formation corriger {exercice['exercice']} --reponse reponse.json"
    )


def _lire_reponse(chemin: Path) -> Any:
    try:
        texte = chemin.read_text(encoding="utf-8")
    except OSError:
        raise DonneeInvalide(f"--reponse : fichier « {chemin} » illisible ou absent.") from None
    try:
        return json.loads(texte)
    except json.JSONDecodeError as erreur:
        raise DonneeInvalide(
            f"--reponse : JSON invalide dans « {chemin} » (ligne {erreur.lineno}, colonne "
            f"{erreur.colno})."
        ) from None


@formation_app.command("corriger")
@erreurs_francaises
def corriger_commande(
    identifiant: ArgumentIdentifiant,
    reponse: Annotated[
        Path, typer.Option("--reponse", help="Fichier JSON de la réponse (voir format_reponse).")
    ],
    sortie_json: OptionJson = False,
) -> None:
    """Corrige une réponse : score sur 100 et corrections (attendu, donné, explication, article)."""
    from clerc.formation.exercices import corriger

    resultat = corriger(identifiant, _lire_reponse(reponse)).en_dict()
    if sortie_json:
        emettre_json(resultat)
        return
    console.print(f"[bold]Score : {resultat['score']} / 100[/]")
    for correction in resultat["corrections"]:
        console.print(
            f"- [bold]{correction['point']}[/] : attendu {correction['attendu']}, donné "
            f"{correction['donne']}. {correction['explication']} ({correction['article']})"
        )


@formation_app.command("solution")
@erreurs_francaises
def solution_commande(identifiant: ArgumentIdentifiant, sortie_json: OptionJson = False) -> None:
    """La réponse du moteur, au format de la réponse (elle obtient 100)."""
    from clerc.formation.exercices import solution

    resultat = solution(identifiant)
    if sortie_json:
        emettre_json(resultat)
        return
    _afficher(f"Solution de l'exercice {identifiant}", resultat)


# --- sessions, progress and groups (office database) -----------------------------------------

session_app = typer.Typer(
    help="Sessions d'exercices d'un stagiaire (entraînement ou examen chronométré).",
    no_args_is_help=True,
)
groupe_app = typer.Typer(
    help="Groupes de stagiaires suivis par un formateur.", no_args_is_help=True
)
formation_app.add_typer(session_app, name="session")
formation_app.add_typer(groupe_app, name="groupe")

ArgumentSession = Annotated[int, typer.Argument(help="Numéro de la session.", show_default=False)]
ArgumentGroupe = Annotated[
    str, typer.Argument(help="Nom (ou numéro) du groupe.", show_default=False)
]


def _contexte_formation(etude: str | None, utilisateur: str | None) -> Any:
    from clerc.cli.office import contexte_cli

    return contexte_cli(etude, utilisateur)


def _afficher_exercice(exercice: dict[str, Any]) -> None:
    console.print(f"[bold]Exercice {exercice['rang']} : {exercice['exercice']}[/]")
    console.print(exercice["consigne"])
    _afficher("Dossier", exercice["dossier"])
    _afficher("Format de la réponse", exercice["format_reponse"])


def _afficher_corrections(corrections: list[dict[str, str]]) -> None:
    for correction in corrections:
        console.print(
            f"- [bold]{correction['point']}[/] : attendu {correction['attendu']}, donné "
            f"{correction['donne']}. {correction['explication']} ({correction['article']})"
        )


@session_app.command("demarrer")
@erreurs_francaises
def session_demarrer_commande(
    blocs: Annotated[
        list[int], typer.Option("--bloc", help="Bloc de la certification (répétable).")
    ],
    utilisateur: OptionUtilisateur,
    nombre: Annotated[int, typer.Option("--nombre", help="Nombre d'exercices (1 à 20).")] = 5,
    niveau: Annotated[
        str, typer.Option("--niveau", help="debutant, intermediaire ou confirme.")
    ] = "debutant",
    mode: Annotated[
        str,
        typer.Option(
            "--mode",
            help="entrainement (corrigé à chaque réponse) ou examen (chronométré, corrigé à "
            "la fin).",
        ),
    ] = "entrainement",
    duree: Annotated[
        int | None, typer.Option("--duree", help="Durée de l'examen en minutes (défaut 60).")
    ] = None,
    graine: Annotated[
        int | None,
        typer.Option("--graine", help="Graine (même graine, mêmes exercices ; défaut : tirée)."),
    ] = None,
    au: OptionAu = "",
    etude: OptionEtude = None,
    sortie_json: OptionJson = False,
) -> None:
    """Démarre une session d'exercices pour --utilisateur ; donne le premier exercice."""
    from datetime import date

    from clerc.office.services import formation

    contexte = _contexte_formation(etude, utilisateur)
    numero = formation.demarrer_session(
        contexte,
        blocs=blocs,
        au=lire_date(au, "--au") if au else date.today(),
        nombre=nombre,
        niveau=niveau,
        mode=mode,
        duree_minutes=duree,
        graine=graine,
    )
    bilan = formation.bilan_session(contexte, numero)
    exercice = formation.exercice_courant(contexte, numero)
    if sortie_json:
        emettre_json(jsonable({"session": _sans_exercices(bilan), "exercice": exercice}))
        return
    console.print(
        f"[bold]Session n° {numero}[/] : {bilan['nombre']} exercice(s), {bilan['mode_libelle']}"
        + (f", {bilan['duree_minutes']} minutes" if bilan["duree_minutes"] else "")
        + "."
    )
    if exercice is not None:
        _afficher_exercice(exercice)
        console.print(f"Répondre : clerc formation session repondre {numero} --reponse r.json")


def _sans_exercices(bilan: dict[str, Any]) -> dict[str, Any]:
    return {cle: valeur for cle, valeur in bilan.items() if cle != "exercices"}


@session_app.command("repondre")
@erreurs_francaises
def session_repondre_commande(
    session: ArgumentSession,
    reponse: Annotated[
        Path, typer.Option("--reponse", help="Fichier JSON de la réponse (voir format_reponse).")
    ],
    utilisateur: OptionUtilisateur = None,
    etude: OptionEtude = None,
    sortie_json: OptionJson = False,
) -> None:
    """Répond à l'exercice en cours ; en entraînement, donne la note et les corrections."""
    from clerc.office.services import formation

    contexte = _contexte_formation(etude, utilisateur)
    resultat = formation.repondre(contexte, session, _lire_reponse(reponse)).en_dict()
    suivant = None if resultat["terminee"] else formation.exercice_courant(contexte, session)
    if sortie_json:
        emettre_json(jsonable({**resultat, "exercice_suivant": suivant}))
        return
    if "score" in resultat:
        console.print(f"[bold]Exercice {resultat['rang']} : {resultat['score']} / 100[/]")
        _afficher_corrections(resultat["corrections"])
    else:
        console.print(resultat["message"])
    if resultat["terminee"]:
        console.print(f"Session terminée : clerc formation session bilan {session}")
    elif suivant is not None:
        _afficher_exercice(suivant)


@session_app.command("exercice")
@erreurs_francaises
def session_exercice_commande(
    session: ArgumentSession,
    utilisateur: OptionUtilisateur = None,
    etude: OptionEtude = None,
    sortie_json: OptionJson = False,
) -> None:
    """L'exercice en attente de réponse (consigne, dossier, format de la réponse)."""
    from clerc.office.services import formation

    exercice = formation.exercice_courant(_contexte_formation(etude, utilisateur), session)
    if sortie_json:
        emettre_json(jsonable({"exercice": exercice}))
        return
    if exercice is None:
        console.print(f"Session terminée : clerc formation session bilan {session}")
    else:
        _afficher_exercice(exercice)


@session_app.command("terminer")
@erreurs_francaises
def session_terminer_commande(
    session: ArgumentSession,
    utilisateur: OptionUtilisateur = None,
    etude: OptionEtude = None,
    sortie_json: OptionJson = False,
) -> None:
    """Termine la session avant son dernier exercice (les corrections deviennent visibles)."""
    from clerc.office.services import formation

    contexte = _contexte_formation(etude, utilisateur)
    formation.terminer_session(contexte, session)
    bilan = formation.bilan_session(contexte, session)
    if sortie_json:
        emettre_json(jsonable(bilan))
        return
    console.print(f"Session n° {session} terminée : {bilan['score']} / 100.")


@session_app.command("bilan")
@erreurs_francaises
def session_bilan_commande(
    session: ArgumentSession,
    utilisateur: OptionUtilisateur = None,
    etude: OptionEtude = None,
    sortie_json: OptionJson = False,
) -> None:
    """Bilan d'une session : état, temps restant, notes et corrections (en examen : à la
    fin)."""
    from clerc.office.services import formation

    bilan = formation.bilan_session(_contexte_formation(etude, utilisateur), session)
    if sortie_json:
        emettre_json(jsonable(bilan))
        return
    etat = "terminée" if bilan["etat"] == "terminee" else "en cours"
    console.print(
        f"[bold]Session n° {session}[/] ({bilan['mode_libelle']}) : {etat}, "
        f"{bilan['repondus']} / {bilan['nombre']} exercice(s) répondu(s)"
        + (f", {bilan['restant_minutes']} min restantes" if bilan["restant_minutes"] else "")
        + (f", score {bilan['score']} / 100" if bilan["score"] is not None else "")
        + "."
    )
    for ligne in bilan["exercices"]:
        note = f" : {ligne['score']} / 100" if ligne.get("score") is not None else ""
        console.print(f"{ligne['rang']}. {ligne['exercice']} ({ligne['etat']}){note}")
        _afficher_corrections(ligne.get("corrections") or [])


@formation_app.command("progression")
@erreurs_francaises
def progression_commande(
    utilisateur: OptionUtilisateur = None,
    stagiaire: Annotated[
        str | None,
        typer.Option("--stagiaire", help="Un autre stagiaire (formateur seulement)."),
    ] = None,
    etude: OptionEtude = None,
    sortie_json: OptionJson = False,
) -> None:
    """Progression : moyennes par bloc, par compétence et par type, points faibles,
    historique des sessions."""
    from clerc.office.services import formation

    resultat = formation.progression(_contexte_formation(etude, utilisateur), stagiaire)
    if sortie_json:
        emettre_json(jsonable(resultat))
        return
    console.print(
        f"[bold]Progression de {resultat['stagiaire']['identifiant']}[/] : "
        f"{resultat['exercices']} exercice(s), moyenne {_note(resultat['moyenne'])} / 100"
    )
    rows = [
        [f"Bloc {b['bloc']}", b["libelle"], str(b["exercices"]), _note(b["moyenne"])]
        for b in resultat["par_bloc"]
    ] + [
        ["Compétence", c["libelle"], str(c["exercices"]), str(c["moyenne"])]
        for c in resultat["par_competence"]
    ]
    tableau("Moyennes (sur 100)", ["", "Intitulé", "Exercices", "Moyenne"], rows)
    for point in resultat["points_faibles"]["points_manques"]:
        console.print(f"- Manqué {point['fois']} fois : {point['point']} ({point['article']})")


@groupe_app.command("creer")
@erreurs_francaises
def groupe_creer_commande(
    nom: Annotated[str, typer.Argument(help="Nom du groupe.", show_default=False)],
    utilisateur: OptionUtilisateur = None,
    formateur: Annotated[
        str | None, typer.Option("--formateur", help="Formateur (défaut : --utilisateur).")
    ] = None,
    etude: OptionEtude = None,
    sortie_json: OptionJson = False,
) -> None:
    """Crée un groupe de stagiaires."""
    from clerc.office.services import formation

    numero = formation.creer_groupe(_contexte_formation(etude, utilisateur), nom, formateur)
    if sortie_json:
        emettre_json({"groupe": numero, "nom": " ".join(nom.split())})
        return
    console.print(f"Groupe n° {numero} « {nom} » créé.")


@groupe_app.command("ajouter")
@erreurs_francaises
def groupe_ajouter_commande(
    groupe: ArgumentGroupe,
    membres: Annotated[
        list[str], typer.Argument(help="Identifiants des stagiaires.", show_default=False)
    ],
    utilisateur: OptionUtilisateur = None,
    etude: OptionEtude = None,
    sortie_json: OptionJson = False,
) -> None:
    """Ajoute des stagiaires à un groupe."""
    from clerc.office.services import formation

    contexte = _contexte_formation(etude, utilisateur)
    for membre in membres:
        formation.ajouter_membre(contexte, groupe, membre)
    if sortie_json:
        emettre_json({"groupe": groupe, "ajoutes": membres})
        return
    console.print(f"{len(membres)} membre(s) ajouté(s) au groupe « {groupe} ».")


@groupe_app.command("liste")
@erreurs_francaises
def groupe_liste_commande(
    utilisateur: OptionUtilisateur = None,
    etude: OptionEtude = None,
    sortie_json: OptionJson = False,
) -> None:
    """Les groupes de formation de l'étude."""
    from clerc.office.services import formation

    lignes = formation.groupes(_contexte_formation(etude, utilisateur))
    if sortie_json:
        emettre_json({"groupes": lignes})
        return
    tableau(
        "Groupes de formation",
        ["N°", "Nom", "Formateur", "Membres"],
        [[str(g["id"]), g["nom"], g["formateur"], str(g["membres"])] for g in lignes],
    )


@groupe_app.command("bilan")
@erreurs_francaises
def groupe_bilan_commande(
    groupe: ArgumentGroupe,
    utilisateur: OptionUtilisateur = None,
    etude: OptionEtude = None,
    sortie_json: OptionJson = False,
) -> None:
    """Résultats d'un groupe : membres × blocs, moyennes, points faibles du groupe."""
    from clerc.office.services import formation

    bilan = formation.bilan_groupe(_contexte_formation(etude, utilisateur), groupe)
    if sortie_json:
        emettre_json(jsonable(bilan))
        return
    blocs = [b["bloc"] for b in bilan["par_bloc"]]
    tableau(
        f"Groupe {bilan['nom']} : moyenne (nombre d'exercices) par bloc",
        ["Membre", *[f"Bloc {b}" for b in blocs], "Moyenne"],
        [
            [
                m["identifiant"],
                *[_cellule(m["par_bloc"].get(b)) for b in blocs],
                _note(m["moyenne"]),
            ]
            for m in bilan["membres"]
        ],
    )
    for point in bilan["points_faibles"]["points_manques"]:
        console.print(f"- Manqué {point['fois']} fois : {point['point']} ({point['article']})")


def _note(moyenne: int | None) -> str:
    return "—" if moyenne is None else str(moyenne)


def _cellule(ligne: dict[str, Any] | None) -> str:
    if not ligne or ligne["moyenne"] is None:
        return "—"
    return f"{ligne['moyenne']} ({ligne['exercices']})"
