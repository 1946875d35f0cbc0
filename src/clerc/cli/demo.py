"""`clerc demo`: the legal engine on a realistic file, in the terminal.

A rent-arrears judgment of the tribunal judiciaire de Strasbourg enforced by an office in
Bas-Rhin: the décompte with its trace (legal interest by semester, majoration, payments imputed
in legal order, R211-1 3° provision), the cost of the acts, the seizable part of the debtor's
wage, the SBI, and the deadlines of a saisie-attribution in the local calendar (26 December and
Good Friday are holidays in Alsace-Moselle). The web office replaces this in a later issue.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from clerc.rules.dates import ajouter_mois
from clerc.rules.decompte import Creance, Frais, Paiement, decompte
from clerc.rules.delais import date_en_toutes_lettres, delai, treve_hivernale
from clerc.rules.erreurs import ParametreManquant
from clerc.rules.interets import RegimeInterets
from clerc.rules.monnaie import format_euros, montant_en_lettres
from clerc.rules.saisie_remunerations import quotite_saisissable
from clerc.rules.sbi import solde_bancaire_insaisissable
from clerc.rules.tarif import cout_acte

TERRITOIRE = "67"
JUGEMENT = date(2025, 2, 12)
SIGNIFICATION = date(2025, 3, 3)
PRINCIPAL = Decimal("8450.00")


def _avertir(console: Console, avertissements: tuple[str, ...] | list[str]) -> None:
    for message in avertissements:
        console.print(f"  [yellow]Avertissement[/] : {message}")


def _dossier(au: date) -> Creance:
    # CMF L313-3: +5 points once two months have passed since the judgment became enforceable,
    # counted from its service (Cass. 2e civ., 12 janv. 2023, n° 20-20.063): first majorated
    # day = the day after the two months expire.
    majoration = ajouter_mois(SIGNIFICATION, 2) + timedelta(days=1)
    signification = cout_acte("signification_decision", SIGNIFICATION, PRINCIPAL)
    date_commandement = date(2025, 3, 20)
    commandement = cout_acte("commandement_saisie_vente", date_commandement, PRINCIPAL)
    return Creance(
        principal=PRINCIPAL,
        date=JUGEMENT,
        regime=RegimeInterets(mode="legal", categorie="autre", majoration_depuis=majoration),
        frais=(
            Frais("Article 700 du CPC", JUGEMENT, Decimal("800.00"), nature="article_700"),
            Frais("Dépens", JUGEMENT, Decimal("120.00"), nature="depens"),
            Frais("Signification du jugement", SIGNIFICATION, signification.total_ttc),
            Frais(
                "Commandement aux fins de saisie-vente", date(2025, 3, 20), commandement.total_ttc
            ),
        ),
        paiements=(
            Paiement(date(2025, 6, 16), Decimal("500.00"), "Virement du débiteur"),
            Paiement(date(2025, 10, 1), Decimal("300.00"), "Virement du débiteur"),
        ),
        titre=(
            "Jugement du tribunal judiciaire de Strasbourg du 12 février 2025 (RG 24/01873), "
            "signifié le 3 mars 2025"
        ),
    )


def _afficher_decompte(console: Console, au: date) -> None:
    creance = _dossier(au)
    resultat = decompte(creance, au, provision_un_mois=True)
    console.print(
        Panel(
            "[bold]SCI Les Tilleuls[/] c/ [bold]M. Jean Dupont[/], 14 rue des Orfèvres, "
            "67000 Strasbourg\n"
            f"{creance.titre}\nCréancier personne morale : taux légal « autres cas » "
            "(C. mon. fin. L313-2), majoré de 5 points deux mois après la signification "
            "(L313-3).",
            title="Dossier 2025/0147 : loyers impayés",
        )
    )
    trace = Table(title=f"Trace du décompte au {au.isoformat()}", title_justify="left")
    for colonne in ("Date", "Opération", "Montant", "Solde"):
        trace.add_column(colonne, justify="right" if colonne in ("Montant", "Solde") else "left")
    for ligne in resultat.lignes():
        trace.add_row(
            ligne.date.isoformat(),
            ligne.libelle,
            format_euros(ligne.montant),
            format_euros(ligne.solde),
        )
    console.print(trace)
    acte = Table(title="Décompte tel qu'il figure à l'acte (CPCE R211-1 3°)", title_justify="left")
    acte.add_column("Poste")
    acte.add_column("Montant", justify="right")
    for libelle, valeur in resultat.presentation_acte():
        acte.add_row(libelle, format_euros(valeur))
    console.print(acte)
    console.print(
        f"  Total dû : {format_euros(resultat.total)} ({montant_en_lettres(resultat.total)})"
    )
    _avertir(console, resultat.avertissements)


def _afficher_remunerations(console: Console, au: date) -> None:
    salaire = Decimal("1850.00")
    quotite = quotite_saisissable(salaire, au, personnes_a_charge=1)
    table = Table(
        title=(
            f"Saisie des rémunérations : salaire net {format_euros(salaire)}, "
            f"1 personne à charge, au {au.isoformat()} (C. trav. R3252-2, R3252-3)"
        ),
        title_justify="left",
    )
    for colonne in ("Tranche annuelle", "Fraction", "Retenue mensuelle"):
        table.add_column(colonne, justify="right" if colonne != "Tranche annuelle" else "left")
    for tranche in quotite.tranches:
        haut = format_euros(tranche.borne_superieure) if tranche.borne_superieure else "au-delà"
        table.add_row(
            f"{format_euros(tranche.borne_inferieure)} à {haut}",
            tranche.fraction,
            format_euros(tranche.montant_mensuel),
        )
    console.print(table)
    console.print(
        f"  Quotité saisissable : [bold]{format_euros(quotite.quotite_saisissable)}[/] par mois ; "
        f"laissé au salarié : {format_euros(quotite.montant_laisse)} "
        f"(jamais moins que le RSA pour une personne, {format_euros(quotite.rsa_laisse)}, "
        "C. trav. R3252-5)."
    )
    _avertir(console, quotite.avertissements)
    sbi = solde_bancaire_insaisissable(au)
    console.print(
        f"  Solde bancaire insaisissable au {au.isoformat()} : "
        f"[bold]{format_euros(sbi.montant)}[/] (CPCE L162-2, R162-2)."
    )
    _avertir(console, sbi.avertissements)


def _afficher_delais(console: Console) -> None:
    # The published case of ../shared/exemples/exemples.md: Thursday 18 December 2025.
    proces_verbal = date(2025, 12, 18)
    table = Table(
        title=(
            "Saisie-attribution sur le compte bancaire du débiteur, procès-verbal signifié "
            f"le {date_en_toutes_lettres(proces_verbal)} à la banque, à Strasbourg (67)"
        ),
        title_justify="left",
    )
    for colonne in ("Étape", "Délai", "Expire le", "Motif"):
        table.add_column(colonne)
    denonciation = delai(proces_verbal, "8 jours", TERRITOIRE)
    banque = delai(proces_verbal, "15 jours ouvrables", TERRITOIRE)
    contestation = delai(denonciation.expire_le, "1 mois", TERRITOIRE)
    paris = delai(proces_verbal, "8 jours", "75")
    for etape, duree, resultat in (
        ("Dénonciation au débiteur, à peine de caducité (CPCE R211-3)", "8 jours", denonciation),
        (
            "Opérations en cours : indisponibilité du compte (CPCE L162-1)",
            "15 jours ouvrables",
            banque,
        ),
        (
            "Contestation, si la dénonciation est faite le dernier jour (CPCE R211-11)",
            "1 mois",
            contestation,
        ),
    ):
        table.add_row(etape, duree, date_en_toutes_lettres(resultat.expire_le), resultat.motif)
    console.print(table)
    console.print(
        f"  À Paris, la même dénonciation expirerait dès le "
        f"{date_en_toutes_lettres(paris.expire_le)} : la Saint-Étienne (26 décembre) n'y est pas "
        "fériée (C. trav. L3134-13 pour l'Alsace-Moselle)."
    )


def lancer_demo(au: date | None = None) -> None:
    """Print the demonstration (French, for the user)."""
    console = Console()
    jour = au or date.today()
    console.rule("[bold]clerc : le moteur juridique[/]")
    try:
        _afficher_decompte(console, jour)
        console.print()
        _afficher_remunerations(console, jour)
    except ParametreManquant as exc:
        console.print(f"[red]{exc}[/]")
    console.print()
    _afficher_delais(console)
    treve = treve_hivernale(jour)
    if treve is not None:
        console.print(
            f"  Trêve hivernale en cours au {jour.isoformat()} (CPCE L412-6) : aucune expulsion "
            f"avant le {date_en_toutes_lettres(treve.reprise_le)}."
        )
    console.print(
        "\nChaque chiffre vient d'un paramètre daté et sourcé : « clerc parametres lister » "
        "les montre avec leur source, « clerc calcul --help » donne les calculs un par un."
    )
