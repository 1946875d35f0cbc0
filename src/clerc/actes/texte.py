"""French text of acts and letters: amounts, dates, amounts in figures and in letters.

Thin layer over ``clerc.rules.monnaie`` (which already holds the formatting used by the
décomptes), so an act prints an amount exactly as the statement it comes from:

- ``euros``: "1 234,56 €", babel's fr_FR currency pattern (narrow no-break space U+202F between
  thousands, no-break space U+00A0 before the sign; docs: ../shared/ecosysteme.md §3);
- ``date_longue``: "1er mars 2026" (babel, with the ordinal "1er" for the first of the month);
- ``formule_date_acte``: "L'an deux mille vingt-six, le vingt-neuf novembre", the date formula
  opening an act ("le premier mars" for the 1st);
- ``montant_en_chiffres_et_lettres``: "1 234,56 € (mille deux cent trente-quatre euros et
  cinquante-six centimes)", the amount written twice as acts usually state the sums claimed;
- ``bareme_saisie_remunerations``: the scale of the seizable fraction in force on a day, as the
  procès-verbal de saisie des rémunérations states its "mode de calcul" (CPCE R212-1-11 3°).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from clerc.rules.monnaie import (
    date_en_lettres,
    format_date_longue,
    format_euros,
    montant_en_lettres,
)

__all__ = [
    "bareme_saisie_remunerations",
    "date_longue",
    "designation_partie",
    "euros",
    "formule_date_acte",
    "montant_en_chiffres_et_lettres",
    "montant_en_lettres",
]


def _decimal(montant: Decimal) -> Decimal:
    # A float cannot carry an exact amount: refuse it rather than print a rounded one.
    if not isinstance(montant, Decimal | int) or isinstance(montant, bool):
        raise TypeError(f"montant non exact « {montant!r} » : attendu un Decimal.")
    return Decimal(montant)


def euros(montant: Decimal) -> str:
    """ "1 234,56 €": rounded to the cent half up, as babel prints fr_FR EUR amounts."""
    return format_euros(_decimal(montant))


def date_longue(jour: date) -> str:
    """ "1er mars 2026", "29 novembre 2026"."""
    if isinstance(jour, datetime):
        jour = jour.date()
    return format_date_longue(jour)


def formule_date_acte(jour: date) -> str:
    """ "L'an deux mille vingt-six, le vingt-neuf novembre"; "le premier mars" for the 1st.

    ``clerc.rules.delais.date_en_toutes_lettres`` gives "dimanche 29 novembre 2026" (the
    deadline form), so the act's formula is ``clerc.rules.monnaie.date_en_lettres``.
    """
    if isinstance(jour, datetime):
        jour = jour.date()
    return date_en_lettres(jour)


def montant_en_chiffres_et_lettres(montant: Decimal) -> str:
    """ "1 234,56 € (mille deux cent trente-quatre euros et cinquante-six centimes)"."""
    valeur = _decimal(montant)
    return f"{format_euros(valeur)} ({montant_en_lettres(valeur)})"


def _lignes(valeur: str | list[str] | tuple[str, ...]) -> str:
    return valeur if isinstance(valeur, str) else ", ".join(valeur)


def designation_partie(partie: Mapping[str, Any]) -> dict[str, str]:
    """How an act names a party (CPC 648): ``{"nom": ..., "designation": ...}``.

    ``nom`` is printed in bold, ``designation`` follows it. A natural person needs civilite,
    prenoms, nom, adresse (and optionally profession, naissance): "Monsieur Jérôme
    FAÇONNIER", ", plombier, né le ..., demeurant 27 rue ..."; a legal person (nature
    "morale") needs forme, denomination, siege (optionally capital, rcs, representant): its
    form, name, seat and legal representative (CPC 648 2°).
    """
    if partie.get("nature", "physique") == "morale":
        nom = f"{partie['forme']} {partie['denomination'].upper()}"
        morceaux = []
        if partie.get("capital"):
            morceaux.append(f"au capital de {partie['capital']}")
        if partie.get("rcs"):
            morceaux.append(
                f"immatriculée au registre du commerce et des sociétés de {partie['rcs']}"
            )
        morceaux.append(f"dont le siège social est {_lignes(partie['siege'])}")
        morceaux.append(
            partie.get("representant")
            or "agissant poursuites et diligences de son représentant légal domicilié en cette "
            "qualité audit siège"
        )
    else:
        nom = f"{partie['civilite']} {partie['prenoms']} {partie['nom'].upper()}"
        morceaux = [partie[cle] for cle in ("profession", "naissance") if partie.get(cle)]
        morceaux.append(f"demeurant {_lignes(partie['adresse'])}")
    return {"nom": nom, "designation": "".join(f", {m}" for m in morceaux)}


_FRACTIONS = {"1": "la totalité"}


def bareme_saisie_remunerations(jour: date) -> str:
    """The scale of C. trav. R3252-2 in force on ``jour``, with the R3252-3 amount per dependant
    and the RSA amount always left (R3252-5), from the dated parameters
    ``clerc.rules.saisie_remunerations`` applies: "Barème en vigueur le ... : 1/20 de la
    rémunération annuelle jusqu'à 4 440,00 € ; 1/10 au-delà de 4 440,00 € et jusqu'à
    8 660,00 € ; ...". Raises ParametreManquant when a figure of that day is not known."""
    from clerc.rules.parametres import parametres
    from clerc.rules.saisie_remunerations import (
        PARAMETRE_BAREME,
        PARAMETRE_MAJORATION,
        PARAMETRE_RSA,
    )

    table = parametres()
    bareme = table.valeur_au(PARAMETRE_BAREME, jour).valeur
    majoration = Decimal(str(table.valeur_au(PARAMETRE_MAJORATION, jour).valeur))
    rsa = Decimal(str(table.valeur_au(PARAMETRE_RSA, jour).valeur))
    seuils = [euros(Decimal(str(seuil))) for seuil in bareme["seuils"]]
    fractions = [_FRACTIONS.get(str(f), str(f)) for f in bareme["fractions"]]
    tranches = [f"{fractions[0]} jusqu'à {seuils[0]}"]
    tranches += [
        f"{fraction} au-delà de {bas} et jusqu'à {haut}"
        for fraction, bas, haut in zip(fractions[1:-1], seuils[:-1], seuils[1:], strict=True)
    ]
    tranches.append(f"{fractions[-1]} au-delà de {seuils[-1]}")
    return (
        f"Barème en vigueur le {date_longue(jour)}, par tranche de rémunération annuelle : "
        f"{' ; '.join(tranches)} ; seuils augmentés de {euros(majoration)} par personne à "
        f"charge ; somme toujours laissée au débiteur : {euros(rsa)} par mois."
    )
