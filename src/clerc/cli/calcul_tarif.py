"""`clerc calcul cout-acte` and `clerc calcul droit-proportionnel`: the regulated tariff.

JSON contracts (stable):

- ``cout-acte --json``: ``{"emolument_ht", "coefficient", "frais_deplacement_ht", "tva",
  "total_ttc", ...}`` plus ``acte``, ``numero``, ``article``, ``libelle``, ``date_tarif``,
  ``emolument_coefficiente_ht``, ``dep_ht``, ``dep_tranches``, ``vacations_ht``,
  ``majoration_outre_mer_ht``, ``total_ht``, ``taux_tva``, ``debours``, ``taxe_forfaitaire``,
  ``lignes``, ``notes``, ``avertissements``. ``emolument_ht`` is the tariff amount before the
  A444-46 coefficient.
- ``cout-acte --lister --json``: ``{"actes": [{"code", "numero", "article", "libelle",
  "coefficient", "droit_engagement_poursuites", "frais_deplacement"}, ...]}``.
- ``droit-proportionnel --json``: ``{"montant_ht", "tranches": [{"de", "a", "assiette", "taux",
  "montant"}], "tva", "total_ttc", "avertissements", ...}``.
"""

from __future__ import annotations

from dataclasses import asdict
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
from clerc.rules.monnaie import ZERO, format_euros, format_taux
from clerc.rules.tarif import Charge, cout_acte, droit_proportionnel, liste_actes


def _lire_charge(texte: str) -> Charge:
    valeur = texte.strip().lower().replace("é", "e")
    if valeur == "debiteur":
        return "debiteur"
    if valeur == "creancier":
        return "creancier"
    raise DonneeInvalide(
        f"--charge : valeur inconnue « {texte} » (attendu : debiteur ou creancier)."
    )


def _lister(json_: bool) -> None:
    actes = liste_actes()
    if json_:
        emettre_json(
            {
                "actes": [
                    {
                        "code": a.code,
                        "numero": a.numero,
                        "article": f"C. com. {a.article}",
                        "libelle": a.libelle,
                        "coefficient": a.coefficient,
                        "droit_engagement_poursuites": a.droit_engagement_poursuites,
                        "frais_deplacement": a.frais_deplacement,
                    }
                    for a in actes
                ]
            }
        )
        return
    tableau(
        "Actes tarifés (annexe 4-7 du code de commerce)",
        ["Code", "N°", "Article", "Libellé", "Coef.", "DEP", "Dépl."],
        [
            (
                a.code,
                a.numero,
                a.article,
                a.libelle,
                "oui" if a.coefficient else "non",
                "oui" if a.droit_engagement_poursuites else "non",
                "oui" if a.frais_deplacement else "non",
            )
            for a in actes
        ],
    )


@calcul_app.command("cout-acte")
@erreurs_francaises
def calcul_cout_acte(
    acte: Annotated[
        str | None, typer.Option("--acte", help="Code de l'acte (voir --lister).")
    ] = None,
    montant: Annotated[
        str | None,
        typer.Option(
            "--montant",
            help="Montant de l'obligation / de la créance (coefficient A444-46, DEP A444-15).",
        ),
    ] = None,
    date_: Annotated[
        str | None, typer.Option("--date", help="Date de la prestation (AAAA-MM-JJ).")
    ] = None,
    dep_deja_percu: Annotated[
        bool,
        typer.Option("--dep-deja-percu", help="Droit d'engagement des poursuites déjà perçu."),
    ] = False,
    electronique: Annotated[
        bool,
        typer.Option("--electronique", help="Signification exclusivement électronique."),
    ] = False,
    vacations: Annotated[
        str, typer.Option("--vacations", help="Demi-heures au-delà de la durée de référence.")
    ] = "0",
    debours: Annotated[
        str, typer.Option("--debours", help="Débours hors TVA (ex. lettre CPC 658).")
    ] = "0",
    territoire: Annotated[
        str,
        typer.Option("--territoire", help="metropole, guadeloupe, martinique, reunion..."),
    ] = "metropole",
    avance_le: Annotated[
        str | None,
        typer.Option("--avance-le", help="Date de la provision versée (règle transitoire)."),
    ] = None,
    lister: Annotated[
        bool, typer.Option("--lister", help="Liste les actes et leurs numéros de tarif.")
    ] = False,
    json_: Annotated[bool, typer.Option("--json", help="Sortie JSON (contrat stable).")] = False,
) -> None:
    """Calcule le coût d'un acte tel qu'imprimé sur l'acte (tarif réglementé)."""
    if lister:
        _lister(json_)
        return
    if not acte:
        raise DonneeInvalide("--acte : indiquez le code de l'acte (voir --lister).")
    if not date_:
        raise DonneeInvalide("--date : indiquez la date de la prestation (AAAA-MM-JJ).")
    resultat = cout_acte(
        acte.strip(),
        lire_date(date_, "--date"),
        lire_montant(montant, "--montant") if montant is not None else None,
        dep_deja_percu=dep_deja_percu,
        signification_electronique=electronique,
        vacations=lire_entier(vacations, "--vacations"),
        debours=lire_montant(debours, "--debours"),
        territoire=territoire.strip().lower(),
        avance_versee_le=lire_date(avance_le, "--avance-le") if avance_le else None,
    )
    if json_:
        donnees: dict[str, Any] = asdict(resultat)
        emettre_json(donnees)
        return
    lignes = [
        (ligne.libelle, ligne.article, ligne.numero, ligne.detail, format_euros(ligne.montant))
        for ligne in resultat.lignes
    ]
    lignes.append(("Total TTC", "", "", "", format_euros(resultat.total_ttc)))
    tableau(
        f"Coût de l'acte : {resultat.libelle} (n° {resultat.numero}, {resultat.article})",
        ["Ligne", "Article", "N°", "Détail", "Montant"],
        lignes,
    )
    for note in resultat.notes:
        console.print(f"Note : {note}")
    afficher_avertissements(resultat.avertissements)


@calcul_app.command("droit-proportionnel")
@erreurs_francaises
def calcul_droit_proportionnel(
    encaisse: Annotated[str, typer.Option("--encaisse", help="Sommes encaissées ou recouvrées.")],
    date_: Annotated[str, typer.Option("--date", help="Date de l'encaissement (AAAA-MM-JJ).")],
    creance: Annotated[
        str | None,
        typer.Option("--creance", help="Montant de la créance (décide du forfait, A444-31/32)."),
    ] = None,
    charge: Annotated[
        str, typer.Option("--charge", help="debiteur (n° 128) ou creancier (n° 129).")
    ] = "debiteur",
    creance_alimentaire: Annotated[
        bool, typer.Option("--creance-alimentaire", help="Créance alimentaire.")
    ] = False,
    contrat_travail: Annotated[
        bool, typer.Option("--contrat-travail", help="Créance née d'un contrat de travail.")
    ] = False,
    titre_l111_3_6: Annotated[
        bool, typer.Option("--titre-l111-3-6", help="Titre mentionné au 6° de L111-3 CPCE.")
    ] = False,
    avance_le: Annotated[
        str | None,
        typer.Option("--avance-le", help="Date de la provision versée (règle transitoire)."),
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Sortie JSON (contrat stable).")] = False,
) -> None:
    """Calcule le droit proportionnel de recouvrement ou d'encaissement (A444-31, A444-32)."""
    resultat = droit_proportionnel(
        lire_montant(encaisse, "--encaisse"),
        lire_date(date_, "--date"),
        _lire_charge(charge),
        creance_alimentaire,
        creance_contrat_travail=contrat_travail,
        titre_l111_3_6=titre_l111_3_6,
        avance_versee_le=lire_date(avance_le, "--avance-le") if avance_le else None,
        montant_creance=lire_montant(creance, "--creance") if creance is not None else None,
    )
    if json_:
        emettre_json(asdict(resultat))
        return
    lignes = [
        (
            f"{format_euros(t.de)} à {format_euros(t.a) if t.a is not None else '…'}",
            format_euros(t.assiette),
            format_taux(t.taux),
            format_euros(t.montant),
        )
        for t in resultat.tranches
    ]
    if resultat.forfait_applique:
        lignes.append(("Forfait", "", "", format_euros(resultat.montant_ht)))
    if resultat.plafond_applique:
        lignes.append(("Plafond appliqué", "", "", format_euros(resultat.montant_ht)))
    lignes.append(("Total HT", "", "", format_euros(resultat.montant_ht)))
    lignes.append(("TVA", "", format_taux(resultat.taux_tva), format_euros(resultat.tva)))
    lignes.append(("Total TTC", "", "", format_euros(resultat.total_ttc)))
    tableau(
        f"Droit proportionnel n° {resultat.numero} ({resultat.article})"
        + ("" if resultat.du else f" — {resultat.motif}"),
        ["Tranche", "Assiette", "Taux", "Montant"],
        lignes if resultat.du or resultat.montant_ht != ZERO else lignes[-3:],
    )
    for note in resultat.notes:
        console.print(f"Note : {note}")
    afficher_avertissements(resultat.avertissements)
