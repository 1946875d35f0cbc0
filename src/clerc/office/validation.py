"""Checks of identifiers typed by users or imported, with French errors (DonneeInvalide).

SIREN/SIRET with python-stdnum (Luhn key), IBAN with schwifty (ISO 13616 key and, for French
accounts, the RIB key of the BBAN), postcodes to the department whose calendar applies.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal

from schwifty import IBAN
from schwifty.exceptions import SchwiftyException
from stdnum.exceptions import ValidationError
from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret

from clerc.rules.calendrier import territoire
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.monnaie import format_euros

# Amounts are stored as Numeric(14, 2) (models/base.py): anything larger is refused up front
# (PostgreSQL would raise, SQLite would silently store it).
MONTANT_MAXIMUM = Decimal("999999999999.99")


def pas_dans_le_futur(jour: date, quoi: str) -> date:
    """Money received or paid out is recorded once it happened: a later date is a typo."""
    if jour > date.today():
        raise DonneeInvalide(
            f"{quoi} daté du {jour.isoformat()} : date postérieure à aujourd'hui "
            f"({date.today().isoformat()}), refusée."
        )
    return jour


def montant_stockable(montant: Decimal, quoi: str) -> Decimal:
    """``montant`` if the database can hold it, else a French refusal."""
    if montant > MONTANT_MAXIMUM:
        raise DonneeInvalide(
            f"{quoi} : montant {format_euros(montant)} trop élevé (au plus "
            f"{format_euros(MONTANT_MAXIMUM)})."
        )
    return montant


def siren_valide(texte: str) -> str:
    """The 9-digit SIREN, or DonneeInvalide with the reason."""
    try:
        return str(stdnum_siren.validate(texte))
    except ValidationError as erreur:
        raise DonneeInvalide(
            f"SIREN « {texte} » invalide : {_raison(erreur)} (9 chiffres, clé de Luhn)."
        ) from erreur


def siret_valide(texte: str) -> str:
    try:
        return str(stdnum_siret.validate(texte))
    except ValidationError as erreur:
        raise DonneeInvalide(
            f"SIRET « {texte} » invalide : {_raison(erreur)} (14 chiffres, clé de Luhn)."
        ) from erreur


def iban_valide(texte: str) -> tuple[str, str | None]:
    """The IBAN in electronic form and its BIC when schwifty knows the bank."""
    try:
        iban = IBAN(texte, validate_bban=True)
    except SchwiftyException as erreur:
        raise DonneeInvalide(
            f"IBAN « {texte} » invalide : clé de contrôle ou format du compte incorrect."
        ) from erreur
    bic = iban.bic
    return iban.compact, (str(bic) if bic is not None else None)


def _raison(erreur: ValidationError) -> str:
    nom = type(erreur).__name__
    return {
        "InvalidChecksum": "clé de contrôle fausse",
        "InvalidLength": "longueur incorrecte",
        "InvalidFormat": "caractères non numériques",
        "InvalidComponent": "composant invalide",
    }.get(nom, "format incorrect")


_NON_ALPHANUMERIQUE = re.compile(r"[^A-Z0-9]+")


def nom_recherche(*morceaux: str | None) -> str:
    """Upper-case ASCII words for prefix search: "Émile d'Orléans" -> "EMILE D ORLEANS"."""
    texte = " ".join(m for m in morceaux if m)
    decompose = unicodedata.normalize("NFKD", texte)
    sans_accents = "".join(c for c in decompose if not unicodedata.combining(c))
    sans_accents = sans_accents.replace("Œ", "OE").replace("œ", "oe").replace("Æ", "AE")
    sans_accents = sans_accents.replace("æ", "ae").replace("ß", "ss")
    # Cut to the column's width (partie.nom_recherche is String(255)): prefixes still match.
    return _NON_ALPHANUMERIQUE.sub(" ", sans_accents.upper()).strip()[:255].rstrip()


# Postcodes of overseas collectivities that do not start with their department code.
_CODES_POSTAUX_PARTICULIERS = {"97133": "977", "97150": "978"}


def departement_du_code_postal(code_postal: str) -> str:
    """Department code ("75", "2A", "974"...) of a French postcode, validated."""
    cp = code_postal.strip().replace(" ", "")
    if not re.fullmatch(r"\d{5}", cp):
        raise DonneeInvalide(f"Code postal « {code_postal} » invalide (5 chiffres attendus).")
    if cp in _CODES_POSTAUX_PARTICULIERS:
        return _CODES_POSTAUX_PARTICULIERS[cp]
    if cp.startswith(("97", "98")):
        departement = cp[:3]
    elif cp.startswith("20"):
        # Corsica: 200xx-201xx Corse-du-Sud, 202xx-206xx Haute-Corse (La Poste numbering).
        departement = "2A" if int(cp[2]) < 2 else "2B"
    else:
        departement = cp[:2]
    if departement == "00":
        raise DonneeInvalide(f"Code postal « {code_postal} » invalide.")
    try:
        territoire(departement)
    except DonneeInvalide as erreur:
        raise DonneeInvalide(
            f"Code postal « {code_postal} » : département « {departement} » inconnu."
        ) from erreur
    return departement
