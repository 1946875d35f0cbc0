"""Reading and checking the procedure declarations (``declarations/*.yaml``).

One file per procedure. Its ``versions`` follow the law over time (a procedure started on a
date follows the version in force that day: the injonction de payer before and after 1 March
2022, the saisie des rémunérations before and after 1 July 2025). Everything is checked when
loaded: unknown keys, steps that do not exist, durations the delay engine cannot read, unknown
guards or sanctions. A mistake in a declaration is a programming error, reported with the file
and the step.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from clerc.rules.delais import duree
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.parametres import load_yaml
from clerc.rules.procedures.gardes import GARDES
from clerc.rules.procedures.modele import (
    MODES_SIGNIFICATION,
    NATURES_ETAPE,
    NATURES_SANCTION,
    PARTIES_TENUES,
    Delai,
    Etape,
    Procedure,
    Sanction,
)
from clerc.rules.tarif import liste_actes

_CLES_PROCEDURE = {"code", "libelle", "articles", "versions", "note", "provisoire"}
_CLES_VERSION = {"version", "en_vigueur_du", "en_vigueur_au", "etapes", "note", "provisoire"}
_CLES_ETAPE = {
    "code", "libelle", "articles", "nature", "destinataire", "acte_tarif", "requiert",
    "requiert_un_de", "exclu_par", "au_plus_tot", "au_plus_tard", "gardes", "optionnelle",
    "repetable", "finale", "signifiee", "mesure_execution", "note",
}  # fmt: skip
_CLES_DELAI = {
    "depuis", "duree", "article", "sanction", "tenu_par", "depuis_fin", "si_mode", "sinon",
    "distance",
}  # fmt: skip
_CLES_SANCTION = {"nature", "effet", "article"}


class DeclarationInvalide(ValueError):
    """A procedure declaration is wrong (a bug of the project, not of the user)."""


def _verifier_cles(donnees: Mapping[str, Any], permises: set[str], ou: str) -> None:
    inconnues = set(donnees) - permises
    if inconnues:
        raise DeclarationInvalide(f"{ou} : clés inconnues {sorted(inconnues)}")


def _tuple(valeur: Any) -> tuple[str, ...]:
    if valeur is None:
        return ()
    if isinstance(valeur, str):
        return (valeur,)
    return tuple(str(v) for v in valeur)


def _sanction(donnees: Any, ou: str) -> Sanction | None:
    if donnees is None:
        return None
    _verifier_cles(donnees, _CLES_SANCTION, ou)
    if donnees.get("nature") not in NATURES_SANCTION:
        raise DeclarationInvalide(f"{ou} : sanction « {donnees.get('nature')} » inconnue")
    return Sanction(str(donnees["nature"]), str(donnees["effet"]), str(donnees["article"]))


def _delais(donnees: Any, ou: str) -> tuple[Delai, ...]:
    if donnees is None:
        return ()
    liste = donnees if isinstance(donnees, list) else [donnees]
    resultat = []
    for rang, d in enumerate(liste):
        ici = f"{ou}[{rang}]"
        _verifier_cles(d, _CLES_DELAI, ici)
        try:
            duree(str(d["duree"]))
        except (DonneeInvalide, KeyError) as erreur:
            raise DeclarationInvalide(f"{ici} : durée illisible ({erreur})") from None
        tenu_par = str(d.get("tenu_par", "etude"))
        if tenu_par not in PARTIES_TENUES:
            raise DeclarationInvalide(f"{ici} : tenu_par « {tenu_par} » inconnu")
        si_mode = _tuple(d.get("si_mode"))
        for mode in si_mode:
            if mode not in MODES_SIGNIFICATION:
                raise DeclarationInvalide(f"{ici} : si_mode « {mode} » inconnu")
        if not isinstance(d.get("distance", False), bool):
            raise DeclarationInvalide(f"{ici} : distance doit valoir true ou false")
        if d.get("sinon") and not si_mode:
            raise DeclarationInvalide(f"{ici} : sinon sans si_mode")
        resultat.append(
            Delai(
                depuis=str(d["depuis"]),
                duree=str(d["duree"]),
                article=str(d["article"]),
                sanction=_sanction(d.get("sanction"), f"{ici}.sanction"),
                tenu_par=tenu_par,
                depuis_fin=bool(d.get("depuis_fin", False)),
                si_mode=si_mode,
                sinon=" ".join(str(d.get("sinon", "")).split()),
                distance=bool(d.get("distance", False)),
            )
        )
    return tuple(resultat)


def _etape(donnees: Mapping[str, Any], ou: str) -> Etape:
    _verifier_cles(donnees, _CLES_ETAPE, ou)
    nature = str(donnees.get("nature", "acte"))
    if nature not in NATURES_ETAPE:
        raise DeclarationInvalide(f"{ou} : nature « {nature} » inconnue")
    acte_tarif = donnees.get("acte_tarif")
    if acte_tarif is not None and acte_tarif not in {a.code for a in liste_actes()}:
        raise DeclarationInvalide(f"{ou} : acte « {acte_tarif} » absent du tarif")
    gardes = _tuple(donnees.get("gardes"))
    for garde in gardes:
        if garde not in GARDES:
            raise DeclarationInvalide(f"{ou} : garde « {garde} » inconnue")
    return Etape(
        code=str(donnees["code"]),
        libelle=str(donnees["libelle"]),
        articles=_tuple(donnees.get("articles")),
        nature=nature,
        destinataire=donnees.get("destinataire"),
        acte_tarif=acte_tarif,
        requiert=_tuple(donnees.get("requiert")),
        requiert_un_de=_tuple(donnees.get("requiert_un_de")),
        exclu_par=_tuple(donnees.get("exclu_par")),
        au_plus_tot=_delais(donnees.get("au_plus_tot"), f"{ou}.au_plus_tot"),
        au_plus_tard=_delais(donnees.get("au_plus_tard"), f"{ou}.au_plus_tard"),
        gardes=gardes,
        optionnelle=bool(donnees.get("optionnelle", False)),
        repetable=bool(donnees.get("repetable", False)),
        finale=bool(donnees.get("finale", False)),
        signifiee=bool(donnees.get("signifiee", False)),
        mesure_execution=bool(donnees.get("mesure_execution", False)),
        note=str(donnees.get("note", "")),
    )


def _verifier_references(procedure: Procedure, ou: str) -> None:
    codes = [e.code for e in procedure.etapes]
    if len(codes) != len(set(codes)):
        raise DeclarationInvalide(f"{ou} : codes d'étape en double")
    for etape in procedure.etapes:
        cites = [*etape.requiert, *etape.requiert_un_de, *etape.exclu_par]
        cites += [d.depuis for d in (*etape.au_plus_tot, *etape.au_plus_tard)]
        for code in cites:
            if code not in codes:
                raise DeclarationInvalide(f"{ou}.{etape.code} : étape « {code} » inconnue")
        for d in (*etape.au_plus_tot, *etape.au_plus_tard):
            if d.depuis_fin and not procedure.etape(d.depuis).au_plus_tard:
                raise DeclarationInvalide(
                    f"{ou}.{etape.code} : depuis_fin sur « {d.depuis} », qui n'a pas de délai"
                )
            if d.si_mode and not procedure.etape(d.depuis).signifiee:
                raise DeclarationInvalide(
                    f"{ou}.{etape.code} : si_mode sur « {d.depuis} », qui n'est pas signifiée"
                )
        if not etape.articles:
            raise DeclarationInvalide(f"{ou}.{etape.code} : aucun article cité")


def lire_declaration(texte: str, ou: str) -> tuple[Procedure, ...]:
    """The versions of one procedure, from the text of its YAML declaration."""
    donnees = load_yaml(texte)
    _verifier_cles(donnees, _CLES_PROCEDURE, ou)
    versions = []
    for rang, v in enumerate(donnees["versions"]):
        ici = f"{ou}.versions[{rang}]"
        _verifier_cles(v, _CLES_VERSION, ici)
        procedure = Procedure(
            code=str(donnees["code"]),
            libelle=str(donnees["libelle"]),
            articles=_tuple(donnees.get("articles")),
            etapes=tuple(_etape(e, f"{ici}.{e.get('code', n)}") for n, e in enumerate(v["etapes"])),
            version=str(v["version"]),
            en_vigueur_du=v.get("en_vigueur_du"),
            en_vigueur_au=v.get("en_vigueur_au"),
            provisoire=bool(v.get("provisoire", donnees.get("provisoire", False))),
            note=str(v.get("note", donnees.get("note", ""))),
        )
        _verifier_references(procedure, ici)
        versions.append(procedure)
    return tuple(versions)


@lru_cache(maxsize=1)
def procedures() -> dict[str, tuple[Procedure, ...]]:
    """Every declared procedure, by code, with its versions in date order."""
    resultat: dict[str, tuple[Procedure, ...]] = {}
    dossier = resources.files("clerc.rules.procedures").joinpath("declarations")
    for fichier in sorted(dossier.iterdir(), key=lambda f: f.name):
        if not fichier.name.endswith(".yaml"):
            continue
        versions = lire_declaration(fichier.read_text(encoding="utf-8"), fichier.name)
        code = versions[0].code
        if f"{code}.yaml" != fichier.name:
            raise DeclarationInvalide(f"{fichier.name} : le fichier doit s'appeler {code}.yaml")
        resultat[code] = tuple(sorted(versions, key=lambda p: p.en_vigueur_du or date.min))
    return resultat


def procedure(code: str, jour: date) -> Procedure:
    """The version of procedure ``code`` that applies to a procedure started on ``jour``."""
    toutes = procedures()
    if code not in toutes:
        raise DonneeInvalide(
            f"Procédure « {code} » inconnue (voir clerc procedure plan --lister : "
            f"{', '.join(sorted(toutes))})."
        )
    for version in toutes[code]:
        debut = version.en_vigueur_du or date.min
        fin = version.en_vigueur_au or date.max
        if debut <= jour <= fin:
            return version
    raise DonneeInvalide(
        f"Procédure « {code} » : aucune version en vigueur le {jour.isoformat()} "
        f"(versions : {', '.join(v.version for v in toutes[code])})."
    )


__all__ = ["DeclarationInvalide", "lire_declaration", "procedure", "procedures"]
