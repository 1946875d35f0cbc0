"""Money: exact Decimal amounts, explicit rounding, French formatting and amounts in letters.

Conventions (docs/interets.md, docs/decompte.md): amounts are ``Decimal`` in euros, never
float; a computed line is rounded once, to the cent, half up (``arrondi_centime``), at the end
of the line.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal
from num2words import num2words

from clerc.rules.erreurs import DonneeInvalide

CENTIME = Decimal("0.01")
ZERO = Decimal("0.00")


def arrondi_centime(montant: Decimal) -> Decimal:
    """Round to the cent, half up (the rounding of acts and décomptes)."""
    return montant.quantize(CENTIME, rounding=ROUND_HALF_UP)


def troncature_centime(montant: Decimal) -> Decimal:
    """Truncate to the cent (only where a text says so)."""
    return montant.quantize(CENTIME, rounding=ROUND_DOWN)


def _texte_en_decimal(valeur: object, nom: str) -> Decimal:
    """Read "1234.56", "1 234,56", "1.234,56" or "1,234.56": the last separator is decimal."""
    texte = (
        str(valeur).strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    ).replace("€", "")
    virgules, points = texte.count(","), texte.count(".")
    if virgules and points:
        milliers = "." if texte.rfind(",") > texte.rfind(".") else ","
        texte = texte.replace(milliers, "")
    if texte.count(",") > 1 or texte.count(".") > 1:
        raise DonneeInvalide(f"{nom} : montant ambigu « {valeur} » (écrivez 1234.56).")
    try:
        return Decimal(texte.replace(",", "."))
    except InvalidOperation:
        raise DonneeInvalide(f"{nom} : montant non numérique « {valeur} ».") from None


def montant(
    valeur: object,
    nom: str = "montant",
    *,
    negatif_admis: bool = False,
    decimales_max: int | None = 2,
) -> Decimal:
    """Parse an amount typed by a user or read from a file ("1234.56", "1 234,56", Decimal).

    Raises DonneeInvalide (French message) for non-numeric, non-finite or negative input, and
    for an amount with more decimals than ``decimales_max`` (2 for euros: "2.000" is refused
    rather than silently read as two euros; pass None for a rate). Floats are refused: they
    cannot carry an exact amount.
    """
    if isinstance(valeur, bool | float):
        raise DonneeInvalide(f"{nom} : montant non exact « {valeur} » (donnez-le en texte).")
    if isinstance(valeur, Decimal):
        resultat = valeur
    elif isinstance(valeur, int):
        resultat = Decimal(valeur)
    else:
        resultat = _texte_en_decimal(valeur, nom)
    if not resultat.is_finite():
        raise DonneeInvalide(f"{nom} : montant non numérique « {valeur} ».")
    if resultat < 0 and not negatif_admis:
        raise DonneeInvalide(f"{nom} : montant négatif « {valeur} » refusé.")
    if decimales_max is not None:
        exposant = resultat.as_tuple().exponent
        texte_trop_precis = (
            not isinstance(valeur, Decimal | int)
            and isinstance(exposant, int)
            and exposant < -decimales_max
        )
        centimes = Decimal(1).scaleb(-decimales_max)
        if texte_trop_precis or resultat != resultat.quantize(centimes, rounding=ROUND_DOWN):
            raise DonneeInvalide(
                f"{nom} : « {valeur} » a plus de {decimales_max} décimales "
                "(montant ambigu ou fraction de centime)."
            )
    return resultat


def en_texte(montant_: Decimal) -> str:
    """Machine form used in JSON: two decimals, point separator ("1234.56")."""
    return f"{arrondi_centime(montant_):.2f}"


def format_euros(montant_: Decimal) -> str:
    """French display form: "1 234,56 €" (narrow no-break space for thousands, no-break space
    before the sign), as babel's fr_FR pattern "#,##0.00" prints it; written directly because
    it is called for every line of the synthetic office and of every statement."""
    texte = f"{arrondi_centime(montant_):,.2f}".replace(",", "\u202f").replace(".", ",")
    return f"{texte}\xa0€"


def format_taux(taux: Decimal) -> str:
    """A rate in percent as printed in French: "4,06 %"."""
    return f"{format_decimal(taux, format='0.00##', locale='fr_FR')}\xa0%"


def _lettres(n: int) -> str:
    return str(num2words(n, lang="fr"))


def montant_en_lettres(montant_: Decimal) -> str:
    """Amount in French words as written in acts.

    num2words is used on whole numbers only: its currency mode reads ints as cents and writes
    "un million euros" (docs: ../shared/ecosysteme.md §2). Rules applied here: "euro" singular
    below 2, "d'euros" after million(s)/milliard(s), cents omitted when zero.
    """
    montant_ = arrondi_centime(montant_)
    if montant_ < 0:
        return "moins " + montant_en_lettres(-montant_)
    euros = int(montant_)
    centimes = int((montant_ - euros) * 100)
    if euros == 0 and centimes:
        texte = ""
    else:
        mots = _lettres(euros)
        unite = "euro" if euros < 2 else "euros"
        if euros >= 1_000_000 and euros % 1_000_000 == 0:
            unite = "d'euros"
        texte = f"{mots} {unite}"
    if centimes:
        partie = f"{_lettres(centimes)} {'centime' if centimes < 2 else 'centimes'}"
        texte = f"{texte} et {partie}" if texte else partie
    return texte


@lru_cache(maxsize=8192)  # pure; the delays' explanations format the same dates again and again
def format_date_longue(jour: date) -> str:
    """ "1er mars 2026", "29 novembre 2026" (babel, with the French ordinal for the 1st)."""
    texte = str(format_date(jour, "d MMMM y", locale="fr_FR"))
    if jour.day == 1:
        texte = "1er" + texte[1:]
    return texte


def date_en_lettres(jour: date) -> str:
    """Date of an act in legal style: "L'an deux mille vingt-six, le vingt-neuf novembre"."""
    annee = _lettres(jour.year)
    jour_texte = "premier" if jour.day == 1 else _lettres(jour.day)
    mois = str(format_date(jour, "MMMM", locale="fr_FR"))
    return f"L'an {annee}, le {jour_texte} {mois}"
