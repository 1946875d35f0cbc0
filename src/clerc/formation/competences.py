"""The competences of the certification's referential, and which one each exercise type trains.

The Certification professionnelle Clerc gestionnaire (../shared/domaine/formation.md) states
what its holder can do in six objectives, assessed through four blocs. A session's progress is
shown per bloc and per competence: each type of exercise is mapped to the competence it
trains. A type may declare its own (class attribute ``competence``); otherwise the explicit
map below decides, and a type of a bloc written later falls back on its bloc's main
competence, so that progress works for whatever blocs are available.
"""

from __future__ import annotations

from typing import Any

# Code -> the objective as the certification words it (restated in French).
COMPETENCES: dict[str, str] = {
    "analyser_dossier": "Analyser un dossier et définir son traitement",
    "qualifier_situation": "Qualifier juridiquement une situation, ses enjeux et ses risques",
    "piloter_procedures": "Mettre en oeuvre et piloter les procédures dans le respect des "
    "exigences procédurales",
    "rediger_actes": "Rédiger des actes juridiques et s'assurer de leur conformité",
    "conduire_echanges": "Conduire les échanges avec les parties, y compris en situation "
    "sensible ou conflictuelle",
    "analyser_activite": "Analyser l'activité et contribuer à l'amélioration du traitement "
    "des dossiers",
}

# (bloc, type code) -> competence. Bloc 1: the title and the risks qualify the situation;
# the décompte and the measures analyse the file and define its handling.
COMPETENCE_DU_TYPE: dict[tuple[int, str], str] = {
    (1, "qualifier_titre"): "qualifier_situation",
    (1, "risques"): "qualifier_situation",
    (1, "decompte"): "analyser_dossier",
    (1, "mesures"): "analyser_dossier",
}

# The competence a bloc assesses first (fallback for a type not in the map).
COMPETENCE_DU_BLOC: dict[int, str] = {
    1: "analyser_dossier",
    2: "piloter_procedures",
    3: "conduire_echanges",
    4: "analyser_activite",
}
# Words of a bloc-2 type code that mean drafting an act rather than running a procedure.
_MOTS_REDACTION = ("acte", "rediger", "redaction", "conformite")


def competence(bloc: int, type_code: str, type_exercice: Any = None) -> str:
    """The competence an exercise of ``type_code`` (bloc ``bloc``) trains."""
    declaree = getattr(type_exercice, "competence", None)
    if isinstance(declaree, str) and declaree in COMPETENCES:
        return declaree
    connue = COMPETENCE_DU_TYPE.get((bloc, type_code))
    if connue is not None:
        return connue
    if bloc == 2 and any(mot in type_code for mot in _MOTS_REDACTION):
        return "rediger_actes"
    return COMPETENCE_DU_BLOC.get(bloc, "analyser_dossier")


__all__ = ["COMPETENCES", "COMPETENCE_DU_BLOC", "COMPETENCE_DU_TYPE", "competence"]
