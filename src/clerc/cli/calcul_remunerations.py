"""`clerc calcul quotite-saisissable | sbi | prescription`: wage seizure, SBI, prescription."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from clerc.cli.calcul import calcul_app
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
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.monnaie import format_euros
from clerc.rules.prescription import (
    Creance,
    Evenement,
    Nature,
    Titre,
    point_de_depart_titre_juridictionnel,
    prescription,
)
from clerc.rules.saisie_remunerations import quotite_saisissable
from clerc.rules.sbi import mise_a_disposition_sbi, solde_bancaire_insaisissable


@calcul_app.command("quotite-saisissable")
@erreurs_francaises
def commande_quotite_saisissable(
    remuneration_nette: Annotated[str, typer.Option(help="Rémunération nette mensuelle (€).")],
    date: Annotated[str, typer.Option(help="Date de la retenue (AAAA-MM-JJ).")],
    personnes_a_charge: Annotated[str, typer.Option(help="Personnes à charge (R3252-3).")] = "0",
    creance_alimentaire: Annotated[
        bool, typer.Option("--creance-alimentaire", help="Paiement direct d'une pension.")
    ] = False,
    json: Annotated[bool, typer.Option("--json", help="Sortie JSON.")] = False,
) -> None:
    """Quotité saisissable d'une rémunération mensuelle (C. trav. R3252-2, R3252-3, R3252-5)."""
    resultat = quotite_saisissable(
        lire_montant(remuneration_nette, "rémunération nette"),
        lire_date(date, "date"),
        lire_entier(personnes_a_charge, "personnes à charge"),
        creance_alimentaire,
    )
    tranches = [
        {
            "numero": t.numero,
            "borne_inferieure_annuelle": t.borne_inferieure,
            "borne_superieure_annuelle": t.borne_superieure,
            "borne_inferieure_mensuelle": t.borne_inferieure_mensuelle,
            "borne_superieure_mensuelle": t.borne_superieure_mensuelle,
            "fraction": t.fraction,
            "montant_annuel": t.montant_annuel,
            "montant_mensuel": t.montant_mensuel,
        }
        for t in resultat.tranches
    ]
    if json:
        emettre_json(
            {
                "quotite_saisissable": resultat.quotite_saisissable,
                "montant_laisse": resultat.montant_laisse,
                "quotite_bareme": resultat.quotite_bareme,
                "rsa_laisse": resultat.rsa_laisse,
                "plafonnee_par_rsa": resultat.plafonnee_par_rsa,
                "personnes_a_charge": resultat.personnes_a_charge,
                "creance_alimentaire": resultat.creance_alimentaire,
                "tranches": tranches,
                "references": list(resultat.references),
                "avertissements": list(resultat.avertissements),
            }
        )
        return
    tableau(
        f"Quotité saisissable au {resultat.date.isoformat()}",
        ["Tranche", "Bornes annuelles", "Fraction", "Montant mensuel"],
        [
            [
                t.numero,
                f"{t.borne_inferieure} – {t.borne_superieure or '∞'}",
                t.fraction,
                format_euros(t.montant_mensuel),
            ]
            for t in resultat.tranches
        ],
    )
    console.print(f"Quotité saisissable : {format_euros(resultat.quotite_saisissable)}")
    console.print(f"Montant laissé : {format_euros(resultat.montant_laisse)}")
    console.print(f"RSA toujours laissé (R3252-5) : {format_euros(resultat.rsa_laisse)}")
    afficher_avertissements(resultat.avertissements)


@calcul_app.command("sbi")
@erreurs_francaises
def commande_sbi(
    date: Annotated[str, typer.Option(help="Date de la saisie (AAAA-MM-JJ).")],
    solde: Annotated[
        list[str] | None, typer.Option(help="Solde créditeur d'un compte saisi (répétable).")
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="Sortie JSON.")] = False,
) -> None:
    """Solde bancaire insaisissable (CPCE L162-2, R162-2) et part saisissable des soldes."""
    jour = lire_date(date, "date")
    sbi = solde_bancaire_insaisissable(jour)
    donnees: dict[str, Any] = {
        "solde_bancaire_insaisissable": sbi.montant,
        "reference": sbi.reference,
        "references": list(sbi.references),
        "avertissements": list(sbi.avertissements),
    }
    if solde:
        soldes = [lire_montant(s, "solde") for s in solde]
        mise = mise_a_disposition_sbi(soldes, jour)
        donnees["total_crediteur"] = mise.total_crediteur
        donnees["montant_laisse"] = mise.montant_laisse
        donnees["montant_saisissable"] = mise.montant_saisissable
    if json:
        emettre_json(donnees)
        return
    console.print(
        f"Solde bancaire insaisissable au {jour.isoformat()} : {format_euros(sbi.montant)}"
    )
    console.print(f"Source : {sbi.reference}")
    if solde:
        console.print(f"Laissé au débiteur : {format_euros(donnees['montant_laisse'])}")
        console.print(f"Saisissable : {format_euros(donnees['montant_saisissable'])}")
    afficher_avertissements(sbi.avertissements)


def _choix(valeur: str, enum: type[Titre] | type[Creance], nom: str) -> Any:
    try:
        return enum(valeur.strip())
    except ValueError:
        permis = ", ".join(e.value for e in enum)
        raise DonneeInvalide(f"{nom} : « {valeur} » inconnu (valeurs : {permis}).") from None


@calcul_app.command("prescription")
@erreurs_francaises
def commande_prescription(
    titre: Annotated[
        str, typer.Option(help="Nature du titre (decision_justice, acte_notarie...).")
    ],
    point_de_depart: Annotated[
        str | None, typer.Option(help="Point de départ du délai (titres non juridictionnels).")
    ] = None,
    date_executoire: Annotated[
        str | None, typer.Option(help="Décision : date à laquelle elle est exécutoire.")
    ] = None,
    date_signification: Annotated[
        str | None, typer.Option(help="Décision : date de signification.")
    ] = None,
    creance: Annotated[str, typer.Option(help="Nature de la créance.")] = "droit_commun",
    acte_execution: Annotated[
        list[str] | None, typer.Option(help="Date d'un acte d'exécution (répétable).")
    ] = None,
    reconnaissance: Annotated[
        list[str] | None, typer.Option(help="Date d'une reconnaissance / paiement partiel.")
    ] = None,
    au: Annotated[str | None, typer.Option(help="Date d'appréciation (AAAA-MM-JJ).")] = None,
    json: Annotated[bool, typer.Option("--json", help="Sortie JSON.")] = False,
) -> None:
    """Date d'acquisition de la prescription d'un titre (CPCE L111-4, C. civ. 2224 et s.)."""
    nature_titre = _choix(titre, Titre, "titre")
    nature_creance = _choix(creance, Creance, "créance")
    if point_de_depart is not None:
        depart = lire_date(point_de_depart, "point de départ")
    elif date_executoire is not None:
        depart = point_de_depart_titre_juridictionnel(
            lire_date(date_executoire, "date exécutoire"),
            lire_date(date_signification, "date de signification") if date_signification else None,
        )
    else:
        raise DonneeInvalide("indiquez --point-de-depart ou --date-executoire.")
    evenements = [
        Evenement(Nature.ACTE_EXECUTION, lire_date(d, "acte d'exécution"))
        for d in acte_execution or []
    ] + [
        Evenement(Nature.RECONNAISSANCE, lire_date(d, "reconnaissance"))
        for d in reconnaissance or []
    ]
    resultat = prescription(nature_titre, depart, nature_creance, evenements)
    donnees: dict[str, Any] = {
        "titre": resultat.titre.value,
        "creance": resultat.creance.value,
        "duree_annees": resultat.duree_annees,
        "article": resultat.article_duree,
        "point_de_depart": resultat.point_de_depart,
        "date_acquisition": resultat.date_acquisition,
        "evenements": [
            {
                "nature": e.evenement.nature.value,
                "date": e.evenement.date,
                "article": e.article,
                "effet": e.effet,
                "date_acquisition_apres": e.date_acquisition_apres,
            }
            for e in resultat.evenements
        ],
        "references": list(resultat.references),
        "avertissements": list(resultat.avertissements),
    }
    if au is not None:
        jour = lire_date(au, "date d'appréciation")
        donnees["au"] = jour
        donnees["prescrit"] = resultat.prescrit_au(jour)
        donnees["interets_exigibles_depuis"] = resultat.interets_exigibles_depuis(jour)
    if json:
        emettre_json(donnees)
        return
    console.print(
        f"Délai : {resultat.duree_annees} ans ({resultat.article_duree}), "
        f"à compter du {resultat.point_de_depart.isoformat()}"
    )
    for e in resultat.evenements:
        console.print(f"  {e.evenement.date.isoformat()} {e.evenement.nature.value} : {e.effet}")
    console.print(f"Prescription acquise à la fin du {resultat.date_acquisition.isoformat()}")
    if au is not None:
        etat = "prescrit" if donnees["prescrit"] else "non prescrit"
        console.print(
            f"Au {donnees['au'].isoformat()} : {etat}"
            + (
                f" ; intérêts exigibles depuis le "
                f"{donnees['interets_exigibles_depuis'].isoformat()}"
                if donnees["interets_exigibles_depuis"]
                else " ; aucun intérêt exigible"
            )
        )
    afficher_avertissements(resultat.avertissements)
