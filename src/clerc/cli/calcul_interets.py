"""`clerc calcul interets | decompte`: legal interest and the debt statement of a claim."""

from __future__ import annotations

import json as json_module
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer

from clerc.cli.calcul import calcul_app
from clerc.cli.commun import (
    afficher_avertissements,
    console,
    emettre_json,
    erreurs_francaises,
    lire_date,
    lire_montant,
    tableau,
)
from clerc.rules.decompte import Decompte, creance_depuis_dict, decompte, taux_annuel_pourcent
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.interets import PeriodeInterets, format_taux_texte, interets
from clerc.rules.monnaie import format_euros


def _periode_json(periode: PeriodeInterets) -> dict[str, Any]:
    return {
        "du": periode.du,
        "au": periode.au,
        "jours": periode.jours,
        "taux": format_taux_texte(periode.taux),
        "montant": periode.montant,
        "reference": periode.reference,
        "capital": periode.capital,
        "majore": periode.majore,
        "assiette": periode.assiette,
    }


def _lignes_periodes(periodes: tuple[PeriodeInterets, ...]) -> list[list[str]]:
    return [
        [
            p.du.isoformat(),
            p.au.isoformat(),
            str(p.jours),
            f"{format_taux_texte(p.taux).replace('.', ',')} %" + (" (majoré)" if p.majore else ""),
            format_euros(p.capital),
            format_euros(p.montant),
            p.reference,
        ]
        for p in periodes
    ]


COLONNES_PERIODES = ["Du (exclu)", "Au (inclus)", "Jours", "Taux", "Capital", "Intérêts", "Texte"]


@calcul_app.command("interets")
@erreurs_francaises
def commande_interets(
    capital: Annotated[str, typer.Option(help="Capital productif d'intérêts (€).")],
    du: Annotated[str, typer.Option(help="Point de départ, exclu (AAAA-MM-JJ).")],
    au: Annotated[str, typer.Option(help="Date de fin, incluse (AAAA-MM-JJ).")],
    categorie: Annotated[
        str | None,
        typer.Option(help="Créancier : particulier ou autre (C. mon. fin. L313-2)."),
    ] = None,
    majoration_depuis: Annotated[
        str | None,
        typer.Option(help="Premier jour majoré de 5 points (C. mon. fin. L313-3)."),
    ] = None,
    taux_conventionnel: Annotated[
        str | None, typer.Option(help="Taux conventionnel annuel : 0.05 ou « 5% ».")
    ] = None,
    capitalisation_depuis: Annotated[
        str | None, typer.Option(help="Capitalisation annuelle ordonnée depuis (C. civ. 1343-2).")
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="Sortie JSON.")] = False,
) -> None:
    """Intérêts au taux légal (ou conventionnel) d'un capital entre deux dates."""
    montant_capital = lire_montant(capital, "capital")
    debut = lire_date(du, "du")
    fin = lire_date(au, "au")
    taux: Decimal | None = None
    if taux_conventionnel is not None:
        taux = taux_annuel_pourcent(taux_conventionnel, "taux conventionnel")
    elif categorie is None:
        raise DonneeInvalide(
            "catégorie du créancier manquante : --categorie particulier ou autre "
            "(C. mon. fin. L313-2)."
        )
    resultat = interets(
        montant_capital,
        debut,
        fin,
        categorie=categorie or "particulier",
        majoration_depuis=lire_date(majoration_depuis, "majoration depuis")
        if majoration_depuis
        else None,
        taux_conventionnel=taux,
        capitalisation_depuis=lire_date(capitalisation_depuis, "capitalisation depuis")
        if capitalisation_depuis
        else None,
    )
    if json:
        emettre_json(
            {
                "capital": resultat.capital,
                "du": resultat.du,
                "au": resultat.au,
                "interets": resultat.interets,
                "periodes": [_periode_json(p) for p in resultat.periodes],
                "capitalisations": [
                    {
                        "date": c.date,
                        "interets_capitalises": c.interets_capitalises,
                        "capital_apres": c.capital_apres,
                    }
                    for c in resultat.capitalisations
                ],
                "capital_final": resultat.capital_final,
                "avertissements": list(resultat.avertissements),
            }
        )
        return
    tableau(
        f"Intérêts sur {format_euros(resultat.capital)} du {resultat.du.isoformat()} (exclu) "
        f"au {resultat.au.isoformat()} (inclus)",
        COLONNES_PERIODES,
        _lignes_periodes(resultat.periodes),
    )
    for capitalisation in resultat.capitalisations:
        console.print(
            f"Capitalisation au {capitalisation.date.isoformat()} : "
            f"{format_euros(capitalisation.interets_capitalises)} portés au capital "
            "(C. civ. 1343-2)."
        )
    console.print(f"[bold]Total des intérêts : {format_euros(resultat.interets)}[/]")
    afficher_avertissements(resultat.avertissements)


def _lire_fichier(chemin: str) -> Any:
    fichier = Path(chemin)
    try:
        texte = fichier.read_text(encoding="utf-8")
    except OSError:
        raise DonneeInvalide(f"fichier : impossible de lire « {chemin} ».") from None
    try:
        return json_module.loads(texte, parse_float=Decimal)
    except json_module.JSONDecodeError as exc:
        raise DonneeInvalide(
            f"fichier : JSON invalide ligne {exc.lineno}, colonne {exc.colno}."
        ) from None


def decompte_json(resultat: Decompte) -> dict[str, Any]:
    """The JSON form of a décompte (amounts as "1234.56", dates ISO)."""
    return {
        "au": resultat.au,
        "titre": resultat.titre,
        "principal": resultat.principal,
        "article_700": resultat.article_700,
        "depens": resultat.depens,
        "frais": resultat.frais,
        "interets_echus": resultat.interets_echus,
        "paiements": resultat.paiements,
        "trop_percu": resultat.trop_percu,
        "total": resultat.total,
        "provision_interets": resultat.provision_interets,
        "provision_jusqu_au": resultat.provision_jusqu_au,
        "total_avec_provision": resultat.total_avec_provision,
        "solde": {
            "principal": resultat.solde.principal,
            "article_700": resultat.solde.article_700,
            "depens": resultat.solde.depens,
            "frais": resultat.solde.frais,
            "interets": resultat.solde.interets,
            "total": resultat.solde.total,
        },
        "acte": [{"libelle": libelle, "montant": m} for libelle, m in resultat.presentation_acte()],
        "periodes": [_periode_json(p) for p in resultat.periodes],
        "periodes_provision": [_periode_json(p) for p in resultat.periodes_provision],
        "imputations": [
            {
                "date": i.date,
                "montant": i.montant,
                "libelle": i.libelle,
                "frais": i.frais,
                "interets": i.interets,
                "principal": i.principal,
                "reliquat": i.reliquat,
            }
            for i in resultat.imputations
        ],
        "capitalisations": [
            {
                "date": c.date,
                "assiette": c.assiette,
                "interets_capitalises": c.interets_capitalises,
                "capital_apres": c.capital_apres,
            }
            for c in resultat.capitalisations
        ],
        "lignes": [
            {
                "date": ligne.date,
                "libelle": ligne.libelle,
                "montant": ligne.montant,
                "solde": ligne.solde,
            }
            for ligne in resultat.lignes()
        ],
        "avertissements": list(resultat.avertissements),
    }


@calcul_app.command("decompte")
@erreurs_francaises
def commande_decompte(
    fichier: Annotated[str, typer.Option(help="Créance en JSON (voir docs/decompte.md).")],
    au: Annotated[str, typer.Option(help="Date du décompte (AAAA-MM-JJ).")],
    saisie_attribution: Annotated[
        bool,
        typer.Option(
            "--saisie-attribution",
            help="Ajoute la provision d'un mois d'intérêts à échoir (CPCE R211-1 3°).",
        ),
    ] = False,
    json: Annotated[bool, typer.Option("--json", help="Sortie JSON.")] = False,
) -> None:
    """Décompte d'une créance à une date : principal, frais, intérêts, acomptes, solde."""
    donnees = _lire_fichier(fichier)
    if not isinstance(donnees, dict):
        raise DonneeInvalide("fichier : un objet JSON décrivant la créance est attendu.")
    creance = creance_depuis_dict(donnees)
    resultat = decompte(creance, lire_date(au, "au"), provision_un_mois=saisie_attribution)
    if json:
        emettre_json(decompte_json(resultat))
        return
    tableau(
        f"Décompte au {resultat.au.isoformat()}"
        + (f" — {resultat.titre}" if resultat.titre else ""),
        ["Poste", "Montant"],
        [[libelle, format_euros(m)] for libelle, m in resultat.presentation_acte()],
    )
    if resultat.periodes:
        tableau(
            "Intérêts échus, période par période",
            COLONNES_PERIODES,
            _lignes_periodes(resultat.periodes),
        )
    if resultat.imputations:
        tableau(
            "Imputation des paiements (C. civ. 1343-1)",
            ["Date", "Montant", "Frais", "Intérêts", "Principal", "Reliquat"],
            [
                [
                    i.date.isoformat(),
                    format_euros(i.montant),
                    format_euros(i.frais),
                    format_euros(i.interets),
                    format_euros(i.principal),
                    format_euros(i.reliquat),
                ]
                for i in resultat.imputations
            ],
        )
    afficher_avertissements(resultat.avertissements)
