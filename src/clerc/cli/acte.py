"""`clerc acte types|generer|verifier|signer|lot|repertoire`: acts and letters of the files."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from clerc.cli.commun import (
    console,
    emettre_json,
    erreurs_francaises,
    lire_date,
    lire_heure,
    tableau,
)
from clerc.cli.office import OptionEtude, OptionJson, OptionUtilisateur, contexte_cli
from clerc.office.services import actes as services
from clerc.office.services import recherche
from clerc.rules.erreurs import DonneeInvalide, ErreurClerc

acte_app = typer.Typer(
    help="Actes et lettres : rédaction, contrôle des mentions obligatoires, signature, répertoire.",
    no_args_is_help=True,
)

OptionDate = Annotated[
    str, typer.Option("--date", help="Date de l'acte (AAAA-MM-JJ ; défaut : aujourd'hui).")
]
OptionHeure = Annotated[str, typer.Option("--heure", help="Heure de l'acte (9:30).")]
OptionMode = Annotated[
    str,
    typer.Option(
        "--mode",
        help="Remise : personne, domicile, etude, 659 (recherches infructueuses), electronique.",
    ),
]
OptionPresente = Annotated[
    str,
    typer.Option("--personne-presente", help="Remise à domicile : qui a reçu la copie, qualité."),
]
OptionDiligences = Annotated[
    str, typer.Option("--diligences", help="Diligences accomplies (CPC 655, 656, 659).")
]
OptionChamps = Annotated[
    list[str] | None,
    typer.Option(
        "--champ",
        help="Donnée propre à l'acte, cle=valeur (répétable) : "
        "juridiction_contestation=..., solde_bancaire_insaisissable=...",
    ),
]
OptionTiers = Annotated[
    str,
    typer.Option(
        "--tiers", help="Tiers saisi ou employeur : « Dénomination ; adresse ; code postal ville »."
    ),
]


def _champs(valeurs: list[str] | None) -> dict[str, Any]:
    champs: dict[str, Any] = {}
    for valeur in valeurs or ():
        cle, egal, contenu = valeur.partition("=")
        if not egal or not cle.strip():
            raise DonneeInvalide(f"--champ : « {valeur} » n'est pas de la forme cle=valeur.")
        champs[cle.strip()] = contenu.strip()
    return champs


def _tiers(texte: str) -> dict[str, Any] | None:
    if not texte.strip():
        return None
    morceaux = [m.strip() for m in texte.split(";") if m.strip()]
    return {"designation": morceaux[0], "adresse": morceaux[1:]}


def _ecrire(contenu: bytes, sortie: Path) -> str:
    try:
        sortie.parent.mkdir(parents=True, exist_ok=True)
        sortie.write_bytes(contenu)
    except OSError as erreur:
        raise DonneeInvalide(f"--sortie : écriture impossible de {sortie} ({erreur}).") from None
    return str(sortie)


def _afficher_constats(resultat: dict[str, Any]) -> None:
    if not resultat["constats"]:
        console.print(
            f"Acte n° {resultat['acte']} ({resultat['type']}) : conforme, statut "
            f"{resultat['statut']}."
        )
        return
    tableau(
        f"Acte n° {resultat['acte']} ({resultat['type']}) : {len(resultat['constats'])} "
        "constat(s), signature impossible",
        ("Mention", "Article", "Constat", "Sanction"),
        [(c["mention"], c["article"], c["message"], c["sanction"]) for c in resultat["constats"]],
    )


@acte_app.command("types")
@erreurs_francaises
def types_commande(sortie_json: OptionJson = False) -> None:
    """Les types d'actes et de lettres, avec leurs articles et mentions obligatoires."""
    types = services.types()
    if sortie_json:
        emettre_json({"types": types})
        return
    tableau(
        f"{len(types)} types d'actes et de lettres",
        ("Code", "Libellé", "Catégorie", "Articles"),
        [(t["code"], t["libelle"], t["categorie"], ", ".join(t["articles"])) for t in types],
        insecables=("Code",),
    )


@acte_app.command("generer")
@erreurs_francaises
def generer_commande(
    reference: Annotated[str, typer.Argument(help="Référence du dossier.")],
    type_: Annotated[str, typer.Argument(metavar="TYPE", help="Type d'acte (acte types).")],
    date_: OptionDate = "",
    heure: OptionHeure = "",
    mode: OptionMode = "",
    personne_presente: OptionPresente = "",
    diligences: OptionDiligences = "",
    champ: OptionChamps = None,
    tiers: OptionTiers = "",
    destinataire: Annotated[
        int, typer.Option("--destinataire", help="Rang du débiteur destinataire (1, 2...).", min=1)
    ] = 1,
    remplace: Annotated[
        int | None,
        typer.Option(
            "--remplace", help="Numéro de l'acte que celui-ci corrige (nouvelle version)."
        ),
    ] = None,
    format_: Annotated[str, typer.Option("--format", help="pdf ou docx (modifiable).")] = "pdf",
    sortie: Annotated[
        Path | None, typer.Option("--sortie", help="Fichier où écrire l'acte.")
    ] = None,
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Rédige un acte du dossier et le contrôle : constats de mentions manquantes ou fausses."""
    if format_ not in ("pdf", "docx"):
        raise DonneeInvalide(f"--format : « {format_} » inconnu (pdf, docx).")
    contexte = contexte_cli(etude, utilisateur)
    resultat = services.generer(
        contexte,
        reference,
        type_,
        lire_date(date_, "--date") if date_ else date.today(),
        heure=lire_heure(heure) if heure else None,
        mode=mode or None,
        personne_presente=personne_presente or None,
        diligences=diligences,
        champs=_champs(champ),
        tiers=_tiers(tiers),
        destinataire=destinataire - 1,
        remplace=remplace,
    )
    fichier = None
    if sortie is not None:
        try:
            contenu = services.fichier(contexte, resultat["acte"], format_)
        except ErreurClerc as erreur:
            raise DonneeInvalide(
                f"Acte n° {resultat['acte']} enregistré, mais : {erreur}"
            ) from None
        fichier = _ecrire(contenu, sortie)
    if sortie_json:
        emettre_json({**resultat, "fichier": fichier})
        return
    _afficher_constats(resultat)
    if fichier:
        console.print(f"Écrit : {fichier}")


@acte_app.command("verifier")
@erreurs_francaises
def verifier_commande(
    acte: Annotated[int, typer.Argument(help="Numéro de l'acte.")],
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Contrôle de nouveau l'acte contre le dossier tel qu'il est."""
    resultat = services.verifier(contexte_cli(etude, utilisateur), acte)
    if sortie_json:
        emettre_json(
            {
                "acte": resultat["acte"],
                "conforme": resultat["conforme"],
                "statut": resultat["statut"],
                "constats": resultat["constats"],
            }
        )
        return
    _afficher_constats(resultat)


@acte_app.command("signer")
@erreurs_francaises
def signer_commande(
    acte: Annotated[int, typer.Argument(help="Numéro de l'acte.")],
    sortie: Annotated[
        Path | None, typer.Option("--sortie", help="Fichier où écrire le PDF/A signé.")
    ] = None,
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Signe l'acte (commissaire de justice seulement) : PDF/A, répertoire, coût au dossier."""
    contexte = contexte_cli(etude, utilisateur)
    resultat = services.signer(contexte, acte)
    fichier = _ecrire(services.fichier(contexte, acte), sortie) if sortie else None
    if sortie_json:
        emettre_json({**resultat, "fichier": fichier})
        return
    console.print(
        f"Acte n° {acte} signé : répertoire n° {resultat['numero_repertoire']}, coût "
        f"{resultat['cout_ttc']} € TTC, empreinte {str(resultat['sha256'])[:16]}…"
    )
    if fichier:
        console.print(f"Écrit : {fichier}")


@acte_app.command("signifier")
@erreurs_francaises
def signifier_commande(
    acte: Annotated[int, typer.Argument(help="Numéro de l'acte signé.")],
    date_: OptionDate = "",
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Enregistre la signification d'un acte signé (statut « signifié »)."""
    jour = lire_date(date_, "--date") if date_ else date.today()
    resultat = services.signifier(contexte_cli(etude, utilisateur), acte, jour)
    if sortie_json:
        emettre_json(resultat)
    else:
        console.print(f"Acte n° {acte} signifié le {jour.isoformat()}.")


@acte_app.command("lot")
@erreurs_francaises
def lot_commande(
    type_: Annotated[str, typer.Argument(metavar="TYPE", help="Type d'acte (acte types).")],
    dossiers: Annotated[
        str, typer.Option("--dossiers", help="Références des dossiers, séparées par des virgules.")
    ] = "",
    filtre: Annotated[
        str,
        typer.Option(
            "--filtre",
            help="Les dossiers d'une recherche (comme dossier chercher : nom, SIREN, "
            "référence...), en cours seulement ; « * » pour tous les dossiers en cours.",
        ),
    ] = "",
    clerc: Annotated[str, typer.Option("--clerc", help="Avec --filtre : dossiers du clerc.")] = "",
    date_: OptionDate = "",
    heure: OptionHeure = "",
    mode: OptionMode = "",
    champ: OptionChamps = None,
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Le même acte pour plusieurs dossiers : chacun rédigé et contrôlé, avec son rapport."""
    contexte = contexte_cli(etude, utilisateur)
    references = [r.strip() for r in dossiers.split(",") if r.strip()]
    if filtre.strip():
        references += _dossiers_du_filtre(contexte, filtre.strip(), clerc or None)
    references = list(dict.fromkeys(references))
    if not references:
        raise DonneeInvalide(
            "--dossiers ou --filtre : indiquez au moins un dossier (aucun ne correspond)."
        )
    jour = lire_date(date_, "--date") if date_ else date.today()
    resultats: list[dict[str, Any]] = []
    erreurs = Console(stderr=True)
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=erreurs,
        transient=True,
        disable=not erreurs.is_terminal,
    ) as barre:
        tache = barre.add_task("Actes", total=len(references))
        for reference in references:
            try:
                resultat = services.generer(
                    contexte,
                    reference,
                    type_,
                    jour,
                    heure=lire_heure(heure) if heure else None,
                    mode=mode or None,
                    champs=_champs(champ),
                )
                resultats.append({"dossier": reference, **resultat})
            except ErreurClerc as erreur:  # one file refused does not stop the batch
                resultats.append({"dossier": reference, "erreur": str(erreur)})
            barre.advance(tache)
    if sortie_json:
        emettre_json({"type": type_, "actes": resultats})
        return
    tableau(
        f"{len(resultats)} acte(s) {type_}",
        ("Dossier", "Acte", "Statut", "Constats ou erreur"),
        [
            (
                r["dossier"],
                str(r.get("acte", "")),
                r.get("statut", "refusé"),
                r.get("erreur") or f"{len(r['constats'])} constat(s)",
            )
            for r in resultats
        ],
        insecables=("Dossier",),
    )


def _dossiers_du_filtre(contexte: Any, filtre: str, clerc: str | None) -> list[str]:
    """Every running file a search finds, page after page (newest first)."""
    texte = "" if filtre == "*" else filtre
    references: list[str] = []
    while True:
        page = recherche.chercher(
            contexte, texte, statut="en_cours", clerc=clerc, limite=1000,
            decalage=len(references),
        )  # fmt: skip
        references += [d["reference"] for d in page.dossiers]
        if not page.dossiers or len(references) >= page.total:
            return references


@acte_app.command("repertoire")
@erreurs_francaises
def repertoire_commande(
    annee: Annotated[int, typer.Option("--annee", help="Année du répertoire.")] = 0,
    csv: Annotated[Path | None, typer.Option("--csv", help="Écrit le répertoire en CSV.")] = None,
    pdf: Annotated[Path | None, typer.Option("--pdf", help="Écrit le répertoire en PDF.")] = None,
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Le répertoire de l'étude : les actes signés de l'année, dans l'ordre de leur numéro."""
    annee = annee or date.today().year
    contexte = contexte_cli(etude, utilisateur)
    lignes = services.repertoire(contexte, annee)
    if csv is not None:
        _ecrire(services.repertoire_csv(lignes).encode("utf-8"), csv)
    if pdf is not None:
        _ecrire(services.repertoire_pdf(contexte, annee), pdf)
    if sortie_json:
        emettre_json({"annee": annee, "actes": lignes})
        return
    tableau(
        f"Répertoire {annee} : {len(lignes)} acte(s)",
        ("N°", "Date", "Nature", "Dossier", "Destinataire", "Coût TTC"),
        [
            (r["numero"], r["date"], r["nature"], r["dossier"], r["destinataire"], r["cout_ttc"])
            for r in lignes
        ],
        insecables=("N°", "Date", "Dossier"),
    )
