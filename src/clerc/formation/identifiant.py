"""Exercise identifiers: everything needed to rebuild an exercise, without any database.

Format: ``B<bloc>-<type>-<niveau>-<graine>-<AAAAMMJJ>``, e.g. ``B1-decompte-debutant-42-20261130``:
the bloc of the certification, the type of exercise, the level, the seed of the synthetic office
and the date at which the file is examined. Same identifier, same exercise (the generator and
the engine are deterministic; a new version of either may change the scenario of an old
identifier).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from clerc.rules.erreurs import DonneeInvalide

NIVEAUX = {
    "debutant": "Débutant : aucun piège, ou un seul piège évident",
    "intermediaire": "Intermédiaire : un piège à trouver",
    "confirme": "Confirmé : pièges subtils ou dossier chargé",
}
BLOCS = {
    1: "Analyser un dossier et définir les modalités de traitement adaptées",
    2: "Mettre en oeuvre et piloter le traitement opérationnel des dossiers",
    3: "Gérer les interactions avec les parties prenantes",
    4: "Analyser l'activité et contribuer à l'amélioration du traitement des dossiers",
}
GRAINE_MAX = 2**31 - 1
FORME = re.compile(r"^B(\d)-([a-z_]+)-([a-z]+)-(\d{1,10})-(\d{8})$")


@dataclass(frozen=True)
class IdentifiantExercice:
    bloc: int
    type: str
    niveau: str
    graine: int
    au: date

    def __str__(self) -> str:
        return f"B{self.bloc}-{self.type}-{self.niveau}-{self.graine}-{self.au:%Y%m%d}"


def verifier_niveau(niveau: str) -> str:
    if niveau not in NIVEAUX:
        raise DonneeInvalide(f"Niveau « {niveau} » inconnu (attendu : {', '.join(NIVEAUX)}).")
    return niveau


def verifier_graine(graine: int) -> int:
    if not 0 <= graine <= GRAINE_MAX:
        raise DonneeInvalide(f"Graine « {graine} » : entier de 0 à {GRAINE_MAX} attendu.")
    return graine


def lire_identifiant(texte: str, types: dict[int, tuple[str, ...]]) -> IdentifiantExercice:
    """Parse and check an identifier; ``types`` gives the exercise types of each bloc."""
    exemple = "B1-decompte-debutant-42-20261130"
    trouve = FORME.match(texte.strip())
    if trouve is None:
        raise DonneeInvalide(
            f"Identifiant d'exercice « {texte} » mal formé (attendu : "
            f"B<bloc>-<type>-<niveau>-<graine>-<AAAAMMJJ>, par exemple {exemple})."
        )
    bloc_texte, type_, niveau, graine_texte, jour = trouve.groups()
    bloc = int(bloc_texte)
    if bloc not in BLOCS:
        raise DonneeInvalide(f"Identifiant « {texte} » : bloc {bloc} inconnu (1 à 4).")
    if bloc not in types:
        raise DonneeInvalide(
            f"Identifiant « {texte} » : les exercices du bloc {bloc} ne sont pas encore "
            "disponibles."
        )
    if type_ not in types[bloc]:
        raise DonneeInvalide(
            f"Identifiant « {texte} » : type d'exercice « {type_} » inconnu pour le bloc {bloc} "
            f"(attendu : {', '.join(types[bloc])})."
        )
    if niveau not in NIVEAUX:
        raise DonneeInvalide(
            f"Identifiant « {texte} » : niveau « {niveau} » inconnu "
            f"(attendu : {', '.join(NIVEAUX)})."
        )
    try:
        au = date(int(jour[:4]), int(jour[4:6]), int(jour[6:]))
    except ValueError:
        raise DonneeInvalide(
            f"Identifiant « {texte} » : date « {jour} » impossible (AAAAMMJJ)."
        ) from None
    return IdentifiantExercice(bloc, type_, niveau, verifier_graine(int(graine_texte)), au)


__all__ = [
    "BLOCS",
    "NIVEAUX",
    "IdentifiantExercice",
    "lire_identifiant",
    "verifier_graine",
    "verifier_niveau",
]
