"""The state of a form in the web office: what was typed (kept to re-display it), the values
read from it and the French error of each field, next to which the template prints it.

Values are read with the same readers as the command line (clerc.rules.monnaie.montant,
clerc.saisie.lire_date, lire_entier); an error of the rules (bad input, missing legal figure)
raised while computing is put next to a field with :meth:`Saisie.sur`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal

from fastapi import Request

from clerc.office.erreurs import Introuvable
from clerc.rules.erreurs import ErreurClerc
from clerc.rules.monnaie import montant
from clerc.saisie import lire_date, lire_entier

GENERALE = ""  # the key of an error about the whole form


class Saisie:
    def __init__(
        self, nom: str = "", valeurs: Mapping[str, str] | None = None, *, soumise: bool = True
    ) -> None:
        self.nom = nom
        self.valeurs: dict[str, str] = {
            cle: (v or "").strip() for cle, v in (valeurs or {}).items()
        }
        self.soumise = soumise
        self.erreurs: dict[str, str] = {}

    @classmethod
    def de_la_requete(
        cls, request: Request, defauts: Mapping[str, str] | None = None, nom: str = ""
    ) -> Saisie:
        """A GET form (a calculator): the defaults, overridden by the query when submitted."""
        saisie = cls(nom, defauts, soumise=bool(request.query_params))
        if saisie.soumise:
            saisie.valeurs.update(
                {cle: valeur.strip() for cle, valeur in request.query_params.items()}
            )
        return saisie

    @property
    def valide(self) -> bool:
        return not self.erreurs

    @property
    def generale(self) -> str:
        return self.erreurs.get(GENERALE, "")

    def texte(self, champ: str) -> str:
        return self.valeurs.get(champ, "")

    def case(self, champ: str) -> bool:
        return self.texte(champ) in ("1", "true", "on", "oui")

    def erreur(self, champ: str | None, message: str) -> None:
        self.erreurs.setdefault(champ or GENERALE, message)

    def requis(self, champ: str, libelle: str) -> str | None:
        texte = self.texte(champ)
        if not texte:
            self.erreur(champ, f"{libelle} : champ obligatoire.")
            return None
        return texte

    @contextlib.contextmanager
    def sur(self, champ: str | None) -> Iterator[None]:
        """Put an error of the rules or a refusal of a service next to ``champ`` (above the
        form when None). A missing file or payment is not a field's error: ``Introuvable``
        goes through (the application answers it with a 404 page)."""
        try:
            yield
        except Introuvable:
            raise
        except ErreurClerc as erreur:
            self.erreur(champ, str(erreur))

    def montant(self, champ: str, libelle: str, *, requis: bool = True) -> Decimal | None:
        texte = self.requis(champ, libelle) if requis else (self.texte(champ) or None)
        if texte is None:
            return None
        with self.sur(champ):
            return montant(texte, libelle)
        return None

    def date(self, champ: str, libelle: str, *, requis: bool = True) -> date | None:
        texte = self.requis(champ, libelle) if requis else (self.texte(champ) or None)
        if texte is None:
            return None
        with self.sur(champ):
            return lire_date(texte, libelle)
        return None

    def entier(self, champ: str, libelle: str) -> int | None:
        with self.sur(champ):
            return lire_entier(self.texte(champ) or "0", libelle)
        return None

    def choix(self, champ: str, options: Mapping[str, str]) -> str | None:
        valeur = self.texte(champ)
        if valeur not in options:
            self.erreur(
                champ, f"Choisissez une valeur dans la liste ({', '.join(options.values())})."
            )
            return None
        return valeur


def date_du_champ(texte: str, champ: str, erreurs: dict[str, str], *, requis: bool) -> date | None:
    """An ISO date typed in a date field, for the forms keeping their errors in a dict (field
    -> French message); None, with the error set, when missing (``requis``) or impossible."""
    if not texte:
        if requis:
            erreurs[champ] = "Date obligatoire."
        return None
    try:
        return date.fromisoformat(texte)
    except ValueError:
        erreurs[champ] = f"Date impossible « {texte} » (format AAAA-MM-JJ)."
        return None
