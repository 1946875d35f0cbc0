"""`clerc dossier ...`, `clerc paiement ...`, `clerc reversement`, `clerc fonds`.

Files and their money, over the office services."""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer

from clerc.cli.commun import (
    afficher_avertissements,
    console,
    emettre_json,
    erreurs_francaises,
    lire_date,
    lire_entier,
    lire_montant,
    tableau,
)
from clerc.cli.office import OptionAu, OptionEtude, OptionJson, OptionUtilisateur, contexte_cli
from clerc.office.services import dossiers, paiements, recherche
from clerc.office.services.donnees import nouveau_dossier_depuis_dict
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.monnaie import format_euros

dossier_app = typer.Typer(
    help="Dossiers : ouvrir, afficher, chercher, décompte, analyse, clôture.", no_args_is_help=True
)
paiement_app = typer.Typer(help="Paiements reçus sur un dossier.", no_args_is_help=True)


def _jour(texte: str, nom: str = "--date") -> date:
    return lire_date(texte, nom) if texte else date.today()


@dossier_app.command("ouvrir")
@erreurs_francaises
def ouvrir(
    fichier: Annotated[
        str,
        typer.Argument(
            help="Description JSON du dossier (docs/office.md), « - » pour l'entrée standard."
        ),
    ],
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Ouvre un dossier : créancier, débiteurs, titre et dispositif."""
    try:
        texte = sys.stdin.read() if fichier == "-" else Path(fichier).read_text(encoding="utf-8")
    except OSError as erreur:
        raise DonneeInvalide(f"Fichier « {fichier} » illisible : {erreur.strerror}.") from None
    except UnicodeDecodeError:
        raise DonneeInvalide(f"Fichier « {fichier} » : encodage UTF-8 attendu.") from None
    try:
        brut = json.loads(texte)
    except json.JSONDecodeError as erreur:
        raise DonneeInvalide(f"JSON invalide ligne {erreur.lineno} : {erreur.msg}.") from None
    donnees = nouveau_dossier_depuis_dict(brut)
    reference = dossiers.ouvrir_dossier(contexte_cli(etude, utilisateur), donnees)
    if sortie_json:
        emettre_json({"reference": reference})
    else:
        console.print(f"Dossier ouvert : [bold]{reference}[/]")


@dossier_app.command("afficher")
@erreurs_francaises
def afficher(
    reference: Annotated[str, typer.Argument(help="Référence du dossier.")],
    au: OptionAu = "",
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Fiche du dossier : parties, titre, créance, décompte, fonds, historique."""
    fiche = dossiers.fiche_dossier(contexte_cli(etude, utilisateur), reference, _jour(au, "--au"))
    if sortie_json:
        emettre_json(fiche)
        return
    console.print(
        f"[bold]Dossier {fiche['reference']}[/] — {fiche['nature_libelle']} — "
        f"{fiche['statut_libelle']}"
        + (f" ({fiche['motif_cloture_libelle']})" if fiche["motif_cloture"] else "")
    )
    console.print(f"Créancier : {fiche['creancier']['designation']}")
    for debiteur in fiche["debiteurs"]:
        ligne = f"Débiteur : {debiteur['designation']}"
        if debiteur["adresse"]:
            ligne += f", {debiteur['adresse']}"
        console.print(ligne)
        for protection in debiteur["protections"]:
            console.print(f"  [yellow]{protection['libelle']}[/] depuis {protection['depuis']}")
    titre = fiche["titre"]
    if titre:
        console.print(
            f"Titre : {titre['libelle']} du {titre['date']}"
            + (f", {titre['juridiction']}" if titre["juridiction"] else "")
            + (
                f", signifié le {titre['date_signification']}"
                if titre["date_signification"]
                else ", non signifié"
            )
        )
    _afficher_decompte(fiche["decompte"])
    fonds = fiche["fonds"]
    console.print(
        "Fonds détenus pour le créancier : "
        f"{format_euros(_decimal(fonds['detenu_pour_creancier']))}"
    )
    for a_reverser in fonds["a_reverser"]:
        retard = " [bold red]EN RETARD[/]" if a_reverser["en_retard"] else ""
        console.print(
            f"  {format_euros(_decimal(a_reverser['montant']))} reçus le {a_reverser['recu_le']}, "
            "à reverser au plus "
            f"tard le {a_reverser['date_limite']} ({a_reverser['regle']}){retard}"
        )
    tableau(
        "Historique",
        ("Date", "Événement", "Par"),
        [(e["date"], e["libelle"], e["par"]) for e in fiche["evenements"]],
    )


def _decimal(texte: str) -> Decimal:
    return Decimal(texte)


def _afficher_decompte(decompte: dict[str, Any]) -> None:
    if "erreur" in decompte:
        console.print(f"Décompte au {decompte['au']} : [red]{decompte['erreur']}[/]")
        return
    tableau(
        f"Décompte au {decompte['au']}",
        ("Poste", "Montant"),
        [(libelle, format_euros(_decimal(valeur))) for libelle, valeur in decompte["presentation"]],
    )
    afficher_avertissements(decompte["avertissements"])


@dossier_app.command("chercher")
@erreurs_francaises
def chercher(
    texte: Annotated[
        str,
        typer.Argument(
            help="Mots cherchés (chacun commence un mot du dossier) : nom, prénom, "
            "dénomination, SIREN/SIRET, référence de l'étude ou du créancier ; vide : tous."
        ),
    ] = "",
    statut: Annotated[
        str | None, typer.Option("--statut", help="en_cours, suspendu ou clos.")
    ] = None,
    clerc: Annotated[str | None, typer.Option("--clerc", help="Identifiant du clerc.")] = None,
    limite: Annotated[str, typer.Option("--limite", help="Nombre de dossiers par page.")] = "50",
    decalage: Annotated[
        str, typer.Option("--decalage", help="Dossiers à sauter (pagination).")
    ] = "0",
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Cherche des dossiers par référence, nom de partie, SIREN, statut ou clerc.

    Exemples : « dupont », « jean dupont », « dupont bnp », « 732829320 », « 2026-0001 »."""
    resultat = recherche.chercher(
        contexte_cli(etude, utilisateur),
        texte,
        statut=statut,
        clerc=clerc,
        limite=lire_entier(limite, "--limite"),
        decalage=lire_entier(decalage, "--decalage"),
    )
    if sortie_json:
        emettre_json(resultat.en_json())
        return
    tableau(
        f"{resultat.total} dossier(s)",
        ("Référence", "Nature", "Statut", "Créancier", "Débiteur(s)", "Clerc"),
        [
            (
                d["reference"],
                d["nature"],
                d["statut"],
                d["creancier"],
                ", ".join(d["debiteurs"]),
                d["clerc"] or "",
            )
            for d in resultat.dossiers
        ],
    )


@dossier_app.command("decompte")
@erreurs_francaises
def decompte(
    reference: Annotated[str, typer.Argument(help="Référence du dossier.")],
    au: OptionAu = "",
    provision: Annotated[
        bool, typer.Option("--provision", help="Provision d'un mois d'intérêts (CPCE R211-1 3°).")
    ] = False,
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Décompte du dossier à une date : principal, frais, intérêts, acomptes, solde."""
    jour = _jour(au, "--au")
    etat = dossiers.decompte_dossier(
        contexte_cli(etude, utilisateur), reference, jour, provision_un_mois=provision
    )
    if sortie_json:
        emettre_json(
            {
                "reference": reference,
                "au": jour,
                "principal": etat.principal,
                "article_700": etat.article_700,
                "depens": etat.depens,
                "frais": etat.frais,
                "interets_echus": etat.interets_echus,
                "paiements": etat.paiements,
                "total": etat.total,
                "provision_interets": etat.provision_interets,
                "presentation": [[libelle, valeur] for libelle, valeur in etat.presentation_acte()],
                "lignes": [
                    {
                        "date": ligne.date,
                        "libelle": ligne.libelle,
                        "montant": ligne.montant,
                        "solde": ligne.solde,
                    }
                    for ligne in etat.lignes()
                ],
                "avertissements": list(etat.avertissements),
            }
        )
        return
    tableau(
        f"Décompte du dossier {reference} au {jour.isoformat()}",
        ("Poste", "Montant"),
        [(libelle, format_euros(valeur)) for libelle, valeur in etat.presentation_acte()],
    )
    tableau(
        "Détail",
        ("Date", "Opération", "Montant", "Solde"),
        [
            (
                ligne.date.isoformat(),
                ligne.libelle,
                format_euros(ligne.montant),
                format_euros(ligne.solde),
            )
            for ligne in etat.lignes()
        ],
    )
    afficher_avertissements(etat.avertissements)


@dossier_app.command("cout-acte")
@erreurs_francaises
def cout_acte(
    reference: Annotated[str, typer.Argument(help="Référence du dossier.")],
    acte: Annotated[str, typer.Argument(help="Code de l'acte (clerc calcul tarif --liste).")],
    le: Annotated[str, typer.Option("--date", help="Date de l'acte (défaut : aujourd'hui).")] = "",
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Impute au dossier le coût d'un acte selon le tarif réglementé."""
    cout = dossiers.imputer_cout_acte(contexte_cli(etude, utilisateur), reference, acte, _jour(le))
    if sortie_json:
        emettre_json(
            {
                "reference": reference,
                "acte": acte,
                "numero": cout.numero,
                "total_ttc": cout.total_ttc,
            }
        )
    else:
        console.print(
            f"{cout.libelle} (n° {cout.numero}) : {format_euros(cout.total_ttc)} TTC imputés "
            f"au dossier {reference}."
        )


@dossier_app.command("cloturer")
@erreurs_francaises
def cloturer(
    reference: Annotated[str, typer.Argument(help="Référence du dossier.")],
    motif: Annotated[str, typer.Option("--motif", help="paye, irrecouvrable ou retire.")],
    certificat: Annotated[
        str | None, typer.Option("--certificat", help="Texte du certificat d'irrécouvrabilité.")
    ] = None,
    le: Annotated[str, typer.Option("--date", help="Date de clôture.")] = "",
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
) -> None:
    """Clôt un dossier (payé, irrécouvrable avec certificat, retiré)."""
    dossiers.cloturer(
        contexte_cli(etude, utilisateur), reference, motif, _jour(le), certificat=certificat
    )
    console.print(f"Dossier {reference} clos ({motif}).")


@dossier_app.command("rouvrir")
@erreurs_francaises
def rouvrir(
    reference: Annotated[str, typer.Argument(help="Référence du dossier.")],
    motif: Annotated[str, typer.Option("--motif", help="Motif de la réouverture.")],
    le: Annotated[str, typer.Option("--date", help="Date de réouverture.")] = "",
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
) -> None:
    """Rouvre un dossier clos."""
    dossiers.rouvrir(contexte_cli(etude, utilisateur), reference, _jour(le), motif)
    console.print(f"Dossier {reference} rouvert.")


@paiement_app.command("enregistrer")
@erreurs_francaises
def enregistrer(
    reference: Annotated[str, typer.Argument(help="Référence du dossier.")],
    montant: Annotated[str, typer.Argument(help="Montant reçu (1234,56).")],
    le: Annotated[
        str, typer.Option("--date", help="Date du paiement (défaut : aujourd'hui).")
    ] = "",
    mode: Annotated[
        str, typer.Option("--mode", help="especes, cheque, virement, carte, prelevement.")
    ] = "virement",
    origine: Annotated[
        str, typer.Option("--origine", help="debiteur, tiers_saisi, repartiteur, autre.")
    ] = "debiteur",
    hors_etude: Annotated[
        bool,
        typer.Option(
            "--hors-etude", help="Payé directement au créancier (pas de fonds reçus par l'étude)."
        ),
    ] = False,
    acompte: Annotated[
        bool, typer.Option("--acompte", help="Paiement par acomptes successifs (C. com. R444-56).")
    ] = False,
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Enregistre un paiement : imputation légale et écriture en fonds de tiers."""
    somme = lire_montant(montant, "montant")
    resultat = paiements.enregistrer_paiement(
        contexte_cli(etude, utilisateur),
        reference,
        somme,
        _jour(le),
        mode=mode,
        origine=origine,
        encaisse_par_etude=not hors_etude,
        acompte=acompte,
    )
    imputation = resultat.imputation
    if sortie_json:
        emettre_json(
            {
                "reference": reference,
                "paiement": resultat.paiement_id,
                "ecriture": resultat.ecriture_id,
                "montant": somme,
                "imputation": None
                if imputation is None
                else {
                    "frais": imputation.frais,
                    "interets": imputation.interets,
                    "principal": imputation.principal,
                    "reliquat": imputation.reliquat,
                },
                "reste_du": resultat.reste_du,
                "detenu_pour_creancier": resultat.detenu_pour_creancier,
            }
        )
        return
    console.print(f"Paiement de {format_euros(somme)} enregistré sur le dossier {reference}.")
    if imputation is not None:
        console.print(
            f"Imputation (C. civ. 1343-1) : frais {format_euros(imputation.frais)}, intérêts "
            f"{format_euros(imputation.interets)}, principal {format_euros(imputation.principal)}"
            + (f", reliquat {format_euros(imputation.reliquat)}" if imputation.reliquat else "")
        )
    console.print(
        f"Reste dû : {format_euros(resultat.reste_du)} ; détenu pour le créancier : "
        f"{format_euros(resultat.detenu_pour_creancier)}"
    )


@paiement_app.command("annuler")
@erreurs_francaises
def annuler(
    reference: Annotated[str, typer.Argument(help="Référence du dossier.")],
    paiement: Annotated[str, typer.Argument(help="Numéro du paiement.")],
    motif: Annotated[str, typer.Option("--motif", help="Chèque impayé, erreur de saisie...")],
    le: Annotated[str, typer.Option("--date", help="Date de l'annulation.")] = "",
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
) -> None:
    """Annule un paiement par une écriture de contre-passation (rien n'est effacé)."""
    numero = paiements.annuler_paiement(
        contexte_cli(etude, utilisateur),
        reference,
        lire_entier(paiement, "paiement"),
        _jour(le),
        motif,
    )
    console.print(f"Paiement annulé (correction n° {numero}).")


@erreurs_francaises
def reversement(
    reference: Annotated[str, typer.Argument(help="Référence du dossier.")],
    montant: Annotated[
        str | None, typer.Option("--montant", help="Montant (défaut : tout ce qui est détenu).")
    ] = None,
    le: Annotated[str, typer.Option("--date", help="Date du reversement.")] = "",
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Reverse au créancier les fonds détenus sur le dossier."""
    somme = lire_montant(montant, "--montant") if montant is not None else None
    sortie = paiements.reverser(contexte_cli(etude, utilisateur), reference, _jour(le), somme)
    if sortie_json:
        emettre_json(
            {
                "reference": reference,
                "ecriture": sortie.ecriture_id,
                "montant": sortie.montant,
                "detenu_restant": sortie.detenu_restant,
            }
        )
    else:
        console.print(
            f"Reversement de {format_euros(sortie.montant)} au créancier ; reste détenu : "
            f"{format_euros(sortie.detenu_restant)}."
        )


@erreurs_francaises
def fonds(
    au: OptionAu = "",
    retard: Annotated[
        bool, typer.Option("--retard", help="Seulement les fonds détenus au-delà du délai légal.")
    ] = False,
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Fonds de tiers détenus et date limite de reversement (C. com. R444-56)."""
    jour = _jour(au, "--au")
    alertes = paiements.fonds_detenus(
        contexte_cli(etude, utilisateur), jour, seulement_en_retard=retard
    )
    if sortie_json:
        emettre_json(
            {
                "au": jour,
                "fonds": [
                    {
                        "reference": a.reference,
                        "recu_le": a.fonds.encaissement.date,
                        "montant": a.fonds.restant,
                        "date_limite": a.fonds.date_limite,
                        "en_retard": a.fonds.en_retard(jour),
                        "regle": a.fonds.regle,
                    }
                    for a in alertes
                ],
            }
        )
        return
    tableau(
        f"Fonds détenus au {jour.isoformat()}",
        ("Dossier", "Reçu le", "Montant", "À reverser avant le", "État"),
        [
            (
                a.reference,
                a.fonds.encaissement.date.isoformat(),
                format_euros(a.fonds.restant),
                a.fonds.date_limite.isoformat(),
                "EN RETARD" if a.fonds.en_retard(jour) else "",
            )
            for a in alertes
        ],
    )


_GRAVITES = {"bloquant": "[bold red]BLOQUANT[/]", "attention": "[yellow]attention[/]"}


def _cout_mesure(mesure: dict[str, Any]) -> str:
    """The expected cost, or what is known of it when a tariff figure is missing."""
    if mesure["cout_estime"] is not None:
        return format_euros(_decimal(mesure["cout_estime"]))
    connus = [_decimal(a["cout_ttc"]) for a in mesure["actes"] if a["cout_ttc"] is not None]
    if not mesure["actes"]:
        return "non tarifé"
    if connus:
        return f"au moins {format_euros(sum(connus, Decimal(0)))} (tarif incomplet)"
    return "tarif inconnu"


def _tableau_alertes(alertes: list[dict[str, Any]]) -> None:
    from rich.markup import escape

    tableau(
        "Alertes",
        ("Gravité", "Code", "Constat", "Article", "Interdit"),
        [
            (
                _GRAVITES.get(a["gravite"], a["gravite"]),
                a["code"],
                escape(a["message"]),
                a["article"],
                ", ".join(a["interdit"]),
            )
            for a in alertes
        ],
    )


@dossier_app.command("analyser")
@erreurs_francaises
def analyser(
    reference: Annotated[str, typer.Argument(help="Référence du dossier.")],
    au: OptionAu = "",
    etude: OptionEtude = None,
    utilisateur: OptionUtilisateur = None,
    sortie_json: OptionJson = False,
) -> None:
    """Fiche d'analyse : titre exécutoire, prescription, décompte, risques, mesures à engager."""
    from rich.markup import escape

    from clerc.office.services.analyse import analyser_dossier

    jour = _jour(au, "--au")
    fiche = analyser_dossier(contexte_cli(etude, utilisateur), reference, jour)
    donnees = fiche.en_dict()
    if sortie_json:
        emettre_json(donnees)
        return
    titre = donnees["titre"]
    console.print(
        f"[bold]Fiche d'analyse du dossier {fiche.dossier}[/] au {jour.isoformat()} — "
        f"{fiche.nature}, {fiche.statut}, territoire {fiche.territoire}"
    )
    if titre["type"] is None:
        console.print("Titre : [red]aucun titre exécutoire[/]")
    else:
        etat = (
            f"[green]exécutoire[/] depuis le {titre['executoire_depuis']}"
            if titre["executoire"]
            else "[bold red]non exécutoire[/] à cette date"
        )
        console.print(
            f"Titre : {titre['libelle']} du {titre['date']} ({titre['article']}) — {etat}"
        )
    for motif in titre["motifs"]:
        console.print(f"  • {escape(motif)}")
    prescription = donnees["prescription"]
    couleur = "bold red" if prescription["prescrit"] else "green"
    console.print(f"Prescription : [{couleur}]{escape(prescription['motif'])}[/]")
    afficher_avertissements(prescription["avertissements"])
    _afficher_decompte(donnees["decompte"])
    if not donnees["alertes"]:
        console.print("Alertes : aucune.")
    else:
        _tableau_alertes(donnees["alertes"])
    if not donnees["mesures"]:
        console.print("Mesures : aucune (dossier clos ou soldé).")
        return
    tableau(
        "Mesures",
        ("Rang", "Procédure", "Possible", "Coût estimé", "Pourquoi, conditions manquantes"),
        [
            (
                m["rang"],
                m["libelle"],
                "oui" if m["possible"] else "[red]non[/]",
                _cout_mesure(m),
                escape("\n".join([m["pourquoi"], *(f"✗ {c}" for c in m["conditions_manquantes"])])),
            )
            for m in donnees["mesures"]
        ],
    )
