"""`clerc calcul delai`: a procedural deadline (CPC 640-642) in a territory's calendar.

JSON contract (stable): ``{"expire_le": "YYYY-MM-DD", "proroge": bool, "motif": "..."}``, plus
``expire_le_prudent`` when an uncertain holiday changes the result, plus informative fields
(``depuis``, ``duree``, ``territoire``, ``a_rebours``, ``echeance_nominale``, ``date_retenue``,
``jours_non_ouvres``, ``articles``, ``sens``).
"""

from __future__ import annotations

from typing import Annotated

import typer

from clerc.cli.calcul import calcul_app
from clerc.cli.commun import emettre_json, erreurs_francaises, lire_date, tableau
from clerc.rules.delais import Sens, delai
from clerc.rules.erreurs import DonneeInvalide


def _lire_sens(texte: str | None) -> Sens | None:
    if texte is None or not texte.strip():
        return None
    valeur = texte.strip().lower().replace("é", "e")
    for sens in Sens:
        if sens.value == valeur:
            return sens
    raise DonneeInvalide(f"--sens : valeur inconnue « {texte} » (attendu : etude ou adversaire).")


@calcul_app.command("delai")
@erreurs_francaises
def calcul_delai(
    depuis: Annotated[
        str, typer.Option("--depuis", help="Date de l'acte ou de l'événement (AAAA-MM-JJ).")
    ],
    duree: Annotated[
        str,
        typer.Option(
            "--duree",
            help="Durée : « 8 jours », « 15 jours ouvrables », « 6 semaines », « 1 mois », "
            "« 2 ans ».",
        ),
    ],
    territoire: Annotated[
        str, typer.Option("--territoire", help="Département (75, 67, 971...). Défaut : 75.")
    ] = "75",
    a_rebours: Annotated[
        bool,
        typer.Option("--a-rebours", help="Délai « au moins N jours avant » l'événement."),
    ] = False,
    sens: Annotated[
        str | None,
        typer.Option(
            "--sens",
            help="Côté prudent : « etude » (délai que l'étude doit respecter) ou « adversaire ».",
        ),
    ] = None,
    json_: Annotated[bool, typer.Option("--json", help="Sortie JSON (contrat stable).")] = False,
) -> None:
    """Calcule l'expiration d'un délai de procédure (CPC 640 à 642)."""
    resultat = delai(
        lire_date(depuis, "--depuis"),
        duree,
        territoire,
        a_rebours=a_rebours,
        sens=_lire_sens(sens),
    )
    if json_:
        emettre_json(resultat.en_dict())
        return
    lignes = resultat.lignes()
    lignes.append(("Motif", resultat.motif))
    lignes.append(("Articles", ", ".join(resultat.articles)))
    tableau("Délai de procédure", ["", "Valeur"], lignes)
