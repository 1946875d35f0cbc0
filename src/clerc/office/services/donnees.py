"""Plain input records of the services (built by the CLI, the CSV import, the web forms)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from typing import Any, get_args, get_type_hints

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.monnaie import montant

Jour = date  # alias: LigneDonnees has a field named ``date``


@dataclass(frozen=True)
class AdresseDonnees:
    ligne1: str
    code_postal: str
    commune: str
    ligne2: str | None = None
    nature: str = "domicile"
    pays: str = "FR"


@dataclass(frozen=True)
class PartieDonnees:
    """A party to create (or to find again by ``cle_import`` / SIREN)."""

    type: str  # personne_physique | personne_morale
    nom: str = ""
    prenoms: str | None = None
    civilite: str | None = None
    denomination: str | None = None
    forme_juridique: str | None = None
    siren: str | None = None
    siret: str | None = None
    rcs: str | None = None
    date_naissance: Jour | None = None
    lieu_naissance: str | None = None
    profession: str | None = None
    nationalite: str | None = None
    representant: str | None = None  # organ legally representing a company (CPC 648 2°)
    iban: str | None = None
    categorie_interets: str | None = None  # default: particulier for a person
    adresses: tuple[AdresseDonnees, ...] = ()
    telephone: str | None = None
    courriel: str | None = None
    decede_le: Jour | None = None
    cle_import: str | None = None


@dataclass(frozen=True)
class LigneDonnees:
    """A sum of the title's dispositif (principal, article 700, dépens)."""

    nature: str
    montant: Decimal
    date: Jour | None = None  # default: the title's date
    libelle: str | None = None
    mode_interets: str = "legal"  # legal | conventionnel | aucun
    taux_conventionnel: Decimal | None = None
    interets_depuis: Jour | None = None
    majoration_depuis: Jour | None = None
    capitalisation_depuis: Jour | None = None
    porte_interets: bool | None = None


@dataclass(frozen=True)
class TitreDonnees:
    type: str
    date_titre: Jour
    juridiction: str | None = None
    numero: str | None = None
    contradictoire: bool | None = None
    premier_ressort: bool | None = None
    execution_provisoire: str = "sans_objet"
    formule_executoire: bool = False
    date_signification: Jour | None = None
    date_force_executoire: Jour | None = None
    date_saisine: Jour | None = None
    lignes: tuple[LigneDonnees, ...] = ()
    creance_alimentaire: bool = False  # pension alimentaire (CPCE L213-1)


@dataclass(frozen=True)
class NouveauDossier:
    nature: str
    creancier: PartieDonnees | int  # new party, or the id of an existing one
    debiteurs: tuple[PartieDonnees | int, ...]
    titre: TitreDonnees | None = None
    reference: str | None = None  # default: next "AAAA-NNNNNN"
    reference_mandant: str | None = None
    ouvert_le: Jour | None = None  # default: today
    territoire: str | None = None  # default: the first debtor's department
    clerc: str | None = None  # identifiant of the assigned clerc
    solidaires: bool = True
    observations: str = ""
    risques: tuple[str, ...] = field(default_factory=tuple)


# --- JSON input (`clerc dossier ouvrir FICHIER.json`, the web API) -------------------------


def _cles(valeur: Any, permises: set[str], ou: str) -> dict[str, Any]:
    if not isinstance(valeur, dict):
        raise DonneeInvalide(f"{ou} : objet JSON attendu.")
    inconnues = sorted(set(valeur) - permises)
    if inconnues:
        raise DonneeInvalide(f"{ou} : champ(s) inconnu(s) {', '.join(inconnues)}.")
    return valeur


def _date(valeur: Any, ou: str) -> date | None:
    if valeur in (None, ""):
        return None
    try:
        return date.fromisoformat(str(valeur))
    except ValueError:
        raise DonneeInvalide(f"{ou} : date impossible « {valeur} » (AAAA-MM-JJ).") from None


def _texte(valeur: Any, ou: str) -> str | None:
    if valeur is None:
        return None
    if not isinstance(valeur, str):
        raise DonneeInvalide(f"{ou} : texte attendu.")
    return valeur.strip() or None


def _champs(classe: type, donnees: dict[str, Any], ou: str) -> dict[str, Any]:
    """Convert the plain fields of a record by their type (dates, amounts, booleans, texts);
    other fields (nested records, tuples) are left to the caller."""
    types = get_type_hints(classe)
    resultat: dict[str, Any] = {}
    for champ in fields(classe):
        if champ.name not in donnees:
            continue
        valeur = donnees[champ.name]
        nom = f"{ou}.{champ.name}"
        genres = set(get_args(types[champ.name])) or {types[champ.name]}
        facultatif = type(None) in genres
        if date in genres:
            resultat[champ.name] = _date(valeur, nom)
        elif Decimal in genres:
            resultat[champ.name] = None if valeur is None else montant(valeur, nom)
        elif bool in genres:
            if valeur is not None and not isinstance(valeur, bool):
                raise DonneeInvalide(f"{nom} : true ou false attendu.")
            resultat[champ.name] = valeur
        elif str in genres:
            texte = _texte(valeur, nom)
            if texte is None and not facultatif:
                raise DonneeInvalide(f"{nom} : texte obligatoire.")
            resultat[champ.name] = texte
    return resultat


def _taux(valeur: Any, ou: str) -> Decimal | None:
    if valeur is None:
        return None
    return montant(valeur, ou, decimales_max=4)


def partie_depuis_dict(valeur: Any, ou: str) -> PartieDonnees | int:
    if isinstance(valeur, int) and not isinstance(valeur, bool):
        return valeur
    donnees = _cles(valeur, {f.name for f in fields(PartieDonnees)}, ou)
    if "type" not in donnees:
        raise DonneeInvalide(f"{ou}.type : personne_physique ou personne_morale attendu.")
    champs = _champs(PartieDonnees, donnees, ou)
    adresses = donnees.get("adresses") or []
    if not isinstance(adresses, list):
        raise DonneeInvalide(f"{ou}.adresses : liste attendue.")
    champs["adresses"] = tuple(
        AdresseDonnees(
            **_champs(
                AdresseDonnees,
                _cles(a, {f.name for f in fields(AdresseDonnees)}, f"{ou}.adresses[{i}]"),
                f"{ou}.adresses[{i}]",
            )
        )
        for i, a in enumerate(adresses)
    )
    try:
        return PartieDonnees(**champs)
    except TypeError as erreur:
        raise DonneeInvalide(f"{ou} : champ obligatoire manquant ({erreur}).") from None


def titre_depuis_dict(valeur: Any, ou: str = "titre") -> TitreDonnees:
    donnees = _cles(valeur, {f.name for f in fields(TitreDonnees)}, ou)
    champs = _champs(TitreDonnees, donnees, ou)
    lignes = donnees.get("lignes") or []
    if not isinstance(lignes, list):
        raise DonneeInvalide(f"{ou}.lignes : liste attendue.")
    resultat = []
    for rang, brute in enumerate(lignes):
        nom = f"{ou}.lignes[{rang}]"
        ligne = _cles(brute, {f.name for f in fields(LigneDonnees)}, nom)
        champs_ligne = _champs(LigneDonnees, ligne, nom)
        champs_ligne["taux_conventionnel"] = _taux(
            ligne.get("taux_conventionnel"), f"{nom}.taux_conventionnel"
        )
        if "montant" not in champs_ligne or champs_ligne["montant"] is None:
            raise DonneeInvalide(f"{nom}.montant : montant manquant.")
        if "nature" not in champs_ligne:
            raise DonneeInvalide(f"{nom}.nature : principal, article_700 ou depens attendu.")
        resultat.append(LigneDonnees(**champs_ligne))
    champs["lignes"] = tuple(resultat)
    if "type" not in champs or "date_titre" not in champs or champs["date_titre"] is None:
        raise DonneeInvalide(f"{ou} : type et date_titre obligatoires.")
    return TitreDonnees(**champs)


def nouveau_dossier_depuis_dict(valeur: Any) -> NouveauDossier:
    """Validate the JSON description of a new file (docs/office.md) into a record."""
    donnees = _cles(valeur, {f.name for f in fields(NouveauDossier)}, "dossier")
    champs = _champs(NouveauDossier, donnees, "dossier")
    if "nature" not in champs:
        raise DonneeInvalide("dossier.nature : nature du dossier obligatoire.")
    if "creancier" not in donnees:
        raise DonneeInvalide("dossier.creancier : créancier obligatoire.")
    champs["creancier"] = partie_depuis_dict(donnees["creancier"], "creancier")
    debiteurs = donnees.get("debiteurs")
    if not isinstance(debiteurs, list) or not debiteurs:
        raise DonneeInvalide("dossier.debiteurs : liste d'au moins un débiteur attendue.")
    champs["debiteurs"] = tuple(
        partie_depuis_dict(d, f"debiteurs[{i}]") for i, d in enumerate(debiteurs)
    )
    if donnees.get("titre") is not None:
        champs["titre"] = titre_depuis_dict(donnees["titre"])
    risques = donnees.get("risques") or []
    if not isinstance(risques, list) or not all(isinstance(r, str) for r in risques):
        raise DonneeInvalide("dossier.risques : liste de codes attendue.")
    champs["risques"] = tuple(risques)
    return NouveauDossier(**champs)
