"""Shared machinery of the command line: input parsing, output, French errors (exit code 2)."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date, time
from decimal import Decimal
from typing import Any, NoReturn, ParamSpec, TypeVar

from rich.console import Console
from rich.table import Table

from clerc.rules.erreurs import DonneeInvalide, ErreurClerc
from clerc.rules.monnaie import en_texte, montant
from clerc.saisie import lire_date as lire_date  # re-exported to the commands
from clerc.saisie import lire_entier as lire_entier

P = ParamSpec("P")
R = TypeVar("R")

console = Console()
EXIT_DONNEE_INVALIDE = 2


def echec(message: str) -> NoReturn:
    """Print a one-line French error on stderr and exit with code 2."""
    print(f"Erreur : {message}", file=sys.stderr)
    raise SystemExit(EXIT_DONNEE_INVALIDE)


def erreurs_francaises(func: Callable[P, R]) -> Callable[P, R]:
    """Turn every ErreurClerc raised by a command into a one-line message and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except ErreurClerc as exc:
            echec(str(exc).replace("\n", " "))

    return wrapper


def lire_montant(texte: str, nom: str) -> Decimal:
    return montant(texte, nom)


def jsonable(valeur: Any) -> Any:
    """Convert results to JSON values: Decimal amounts as "1234.56", dates ISO."""
    if isinstance(valeur, Decimal):
        return en_texte(valeur)
    if isinstance(valeur, date):
        return valeur.isoformat()
    if isinstance(valeur, Mapping):
        return {str(k): jsonable(v) for k, v in valeur.items()}
    if isinstance(valeur, list | tuple):
        return [jsonable(v) for v in valeur]
    return valeur


def lire_heure(texte: str, nom: str = "--heure") -> time:
    """An hour typed as 9:15, 09h15 or 14:00."""
    nettoye = texte.strip().lower().replace("h", ":")
    if nettoye.endswith(":"):
        nettoye += "00"
    try:
        heures, minutes = (int(x) for x in nettoye.split(":"))
        return time(heures, minutes)
    except ValueError:
        raise DonneeInvalide(
            f"{nom} : heure illisible « {texte} » (ex. : 9:15 ou 14h00)."
        ) from None


def emettre_json(donnees: Mapping[str, Any]) -> None:
    print(json.dumps(jsonable(donnees), ensure_ascii=False, indent=2))


def tableau(
    titre: str,
    colonnes: Sequence[str],
    lignes: Sequence[Sequence[Any]],
    *,
    insecables: Sequence[str] = (),
) -> None:
    """A table on the console; the ``insecables`` columns (references, dates) never wrap, so
    that a narrow terminal folds the text columns rather than cut a file's reference."""
    table = Table(title=titre, title_justify="left")
    for colonne in colonnes:
        table.add_column(colonne, no_wrap=colonne in insecables)
    for ligne in lignes:
        table.add_row(*[str(c) for c in ligne])
    console.print(table)


def afficher_avertissements(avertissements: Sequence[str]) -> None:
    for message in avertissements:
        console.print(f"[bold yellow]Avertissement[/] : {message}")
