"""Dated legal parameters: one YAML file per legal figure, values keyed by first day of validity.

Layout (after OpenFisca-France): ``parametres/<sujet>/<parametre>.yaml``; the parameter's name is
its path with dots, e.g. ``interet_legal.taux_particuliers``. A file holds::

    description: Taux de l'intérêt légal, créancier personne physique ...
    unite: pourcentage            # pourcentage | euros | bareme | texte ...
    last_verified: 2026-11-30     # the day a maintainer last checked the file against its sources
    validite: semestre            # optional: semestre | annee | illimitee (default)
    references:
      arrete_2014_12_23:
        texte: Arrêté du 23 décembre 2014 relatif à la fixation du taux de l'intérêt légal
        jorf: JORF du 27 décembre 2014
        legifrance: JORFTEXT000029976964
        url: https://...
    valeurs:
      2015-01-01: {valeur: 4.06, reference: arrete_2014_12_23}
      2026-07-01: {valeur: 6.84, reference: ..., non_confirme: "arrêté non lu ..."}
      2027-01-01: {valeur: null, note: taux du 1er semestre 2027 non publié}

Conventions:
- YAML numbers are read as ``Decimal`` from their text (never through float).
- A value applies from its date until the next value's date, or until the end of its
  ``validite`` period (semester, year counted from its start) when that comes first: past it,
  the figure is *unknown* and asking for it raises :class:`ParametreManquant`, never a guess.
- ``valeur: null`` ends a parameter.
- ``non_confirme`` marks a figure taken from secondary sources; every result relying on it
  carries an ``avertissements`` entry (see :meth:`ValeurDatee.avertissement`).
- An office may add figures published after the release in a local overrides file with the
  same shape (keyed by parameter name), see ``clerc parametres ajouter``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from clerc.rules.erreurs import DonneeInvalide, ParametreManquant

VALIDITES = ("illimitee", "semestre", "annee")
ENV_PARAMETRES_LOCAUX = "CLERC_PARAMETRES_LOCAUX"


# libyaml's parser when PyYAML was built with it (the wheels are): several times faster on
# the ~70 parameter files read at start-up. Same safe constructors either way.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DecimalLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that reads YAML floats as Decimal from their source text."""


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    return Decimal(text.replace("_", ""))


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)


def load_yaml(text: str) -> Any:
    """Parse YAML with decimals kept exact."""
    return yaml.load(text, Loader=_DecimalLoader)


@dataclass(frozen=True)
class Reference:
    """Where a figure comes from: the text, its article, its Journal officiel, a link."""

    cle: str
    texte: str
    article: str = ""
    jorf: str = ""
    legifrance: str = ""
    url: str = ""
    url_2: str = ""

    def citation(self) -> str:
        parts = [self.texte]
        if self.article:
            parts.append(self.article)
        if self.jorf:
            parts.append(self.jorf)
        return ", ".join(parts)


@dataclass(frozen=True)
class ValeurDatee:
    """One value of a parameter, valid from ``debut`` to ``fin`` (inclusive; None = open)."""

    parametre: str
    description: str
    debut: date
    fin: date | None
    valeur: Any
    reference: Reference | None
    non_confirme: str = ""
    note: str = ""
    locale: bool = False

    @property
    def etat(self) -> str:
        """ "confirmé", "non confirmé" or "ajout local" (what the parameter lists show)."""
        if self.locale:
            return "ajout local"
        if self.non_confirme:
            return "non confirmé"
        return "confirmé"

    @property
    def avertissement(self) -> str | None:
        """French warning to attach to any result relying on this value, or None."""
        if self.locale:
            source = self.reference.citation() if self.reference else "source non indiquée"
            return (
                f"{self.description} : valeur ajoutée localement par l'étude "
                f"(à compter du {self.debut.isoformat()}, {source})."
            )
        if self.non_confirme:
            return (
                f"{self.description} : valeur applicable à compter du "
                f"{self.debut.isoformat()} non confirmée par le texte officiel "
                f"({self.non_confirme})."
            )
        return None


@dataclass(frozen=True)
class Parametre:
    """A legal figure with its dated values, ordered by start date."""

    nom: str
    description: str
    unite: str
    last_verified: date | None
    valeurs: tuple[ValeurDatee, ...]
    references: Mapping[str, Reference] = field(default_factory=dict)

    def valeur_au(self, jour: date) -> ValeurDatee:
        """The value in force on ``jour``; raises ParametreManquant if none is known."""
        trouvee: ValeurDatee | None = None
        for valeur in self.valeurs:
            if valeur.debut <= jour:
                trouvee = valeur
            else:
                break
        if trouvee is None:
            raise ParametreManquant(
                f"{self.description} [{self.nom}]",
                jour.isoformat(),
                f"première valeur connue au {self.valeurs[0].debut.isoformat()}"
                if self.valeurs
                else "aucune valeur",
            )
        if trouvee.valeur is None or (trouvee.fin is not None and jour > trouvee.fin):
            raise ParametreManquant(
                f"{self.description} [{self.nom}]",
                jour.isoformat(),
                trouvee.note or "valeur non encore publiée",
            )
        return trouvee

    def periodes(self, du: date, au: date) -> Iterator[tuple[date, date, ValeurDatee]]:
        """Split [du, au] (inclusive) into maximal runs covered by one value.

        Raises ParametreManquant as soon as a day of the span is not covered.
        """
        jour = du
        while jour <= au:
            valeur = self.valeur_au(jour)
            fin = au
            if valeur.fin is not None and valeur.fin < fin:
                fin = valeur.fin
            suivante = self._debut_suivant(valeur)
            if suivante is not None and suivante - timedelta(days=1) < fin:
                fin = suivante - timedelta(days=1)
            yield jour, fin, valeur
            jour = fin + timedelta(days=1)

    def _debut_suivant(self, valeur: ValeurDatee) -> date | None:
        for autre in self.valeurs:
            if autre.debut > valeur.debut:
                return autre.debut
        return None

    def trous(self) -> list[tuple[date, date]]:
        """Periods between the first and last value that no value covers (should be none)."""
        manquants: list[tuple[date, date]] = []
        for courante, suivante in zip(self.valeurs, self.valeurs[1:], strict=False):
            if courante.valeur is None:
                continue
            if courante.fin is not None and courante.fin + timedelta(days=1) < suivante.debut:
                manquants.append(
                    (courante.fin + timedelta(days=1), suivante.debut - timedelta(days=1))
                )
        return manquants


def fin_de_validite(debut: date, validite: str) -> date | None:
    """Last day a value starting on ``debut`` may apply without a newer text."""
    if validite == "illimitee":
        return None
    if validite == "semestre":
        return date(debut.year, 6, 30) if debut.month <= 6 else date(debut.year, 12, 31)
    if validite == "annee":
        try:
            return date(debut.year + 1, debut.month, debut.day) - timedelta(days=1)
        except ValueError:  # 29 February
            return date(debut.year + 1, 3, 1) - timedelta(days=1)
    raise DonneeInvalide(f"Validité inconnue : « {validite} » (attendu : {', '.join(VALIDITES)}).")


def _as_date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise DonneeInvalide(f"{where} : date invalide « {value} ».") from exc


def _references(raw: Mapping[str, Any] | None, where: str) -> dict[str, Reference]:
    refs: dict[str, Reference] = {}
    for cle, data in (raw or {}).items():
        if not isinstance(data, Mapping) or not data.get("texte"):
            raise DonneeInvalide(f"{where} : la référence « {cle} » doit avoir un « texte ».")
        refs[str(cle)] = Reference(
            cle=str(cle),
            texte=str(data["texte"]),
            article=str(data.get("article", "")),
            jorf=str(data.get("jorf", "")),
            legifrance=str(data.get("legifrance", "")),
            url=str(data.get("url", "")),
            url_2=str(data.get("url_2", "")),
        )
    return refs


def _valeurs(
    nom: str,
    description: str,
    raw: Mapping[Any, Any],
    refs: Mapping[str, Reference],
    validite: str,
    locale: bool,
    where: str,
) -> list[ValeurDatee]:
    valeurs: list[ValeurDatee] = []
    for debut_raw, entry in raw.items():
        debut = _as_date(debut_raw, where)
        if not isinstance(entry, Mapping) or "valeur" not in entry:
            raise DonneeInvalide(f"{where} : l'entrée du {debut} doit avoir une « valeur ».")
        ref_key = entry.get("reference")
        reference: Reference | None = None
        if isinstance(ref_key, Mapping):
            reference = _references({"locale": ref_key}, where)["locale"]
        elif ref_key is not None:
            if str(ref_key) not in refs:
                raise DonneeInvalide(f"{where} : référence inconnue « {ref_key} » au {debut}.")
            reference = refs[str(ref_key)]
        validite_valeur = str(entry.get("validite", validite))
        fin = entry.get("jusqu_au")
        valeurs.append(
            ValeurDatee(
                parametre=nom,
                description=description,
                debut=debut,
                fin=_as_date(fin, where)
                if fin is not None
                else fin_de_validite(debut, validite_valeur),
                valeur=entry["valeur"],
                reference=reference,
                non_confirme=str(entry.get("non_confirme") or ""),
                note=str(entry.get("note") or ""),
                locale=locale,
            )
        )
    return valeurs


def parse_parametre(nom: str, data: Mapping[str, Any], where: str) -> Parametre:
    """Build a Parametre from the mapping of one YAML file."""
    for key in ("description", "valeurs"):
        if key not in data:
            raise DonneeInvalide(f"{where} : clé obligatoire « {key} » absente.")
    refs = _references(data.get("references"), where)
    validite = str(data.get("validite", "illimitee"))
    fin_de_validite(date(2000, 1, 1), validite)  # validates the keyword
    description = str(data["description"])
    valeurs = _valeurs(nom, description, data["valeurs"], refs, validite, False, where)
    last_verified = data.get("last_verified")
    return Parametre(
        nom=nom,
        description=description,
        unite=str(data.get("unite", "")),
        last_verified=_as_date(last_verified, where) if last_verified else None,
        valeurs=tuple(sorted(valeurs, key=lambda v: v.debut)),
        references=refs,
    )


def _fusionner(base: Parametre, data: Mapping[str, Any], where: str) -> Parametre:
    """Overlay local values (same date replaces, new dates are inserted)."""
    refs = dict(base.references)
    refs.update(_references(data.get("references"), where))
    validite = str(data.get("validite", "illimitee"))
    locales = _valeurs(
        base.nom, base.description, data.get("valeurs") or {}, refs, validite, True, where
    )
    par_date = {v.debut: v for v in base.valeurs}
    for valeur in locales:
        par_date[valeur.debut] = valeur
    return Parametre(
        nom=base.nom,
        description=base.description,
        unite=base.unite,
        last_verified=base.last_verified,
        valeurs=tuple(sorted(par_date.values(), key=lambda v: v.debut)),
        references=refs,
    )


class Parametres:
    """All legal parameters: the shipped files plus the office's local overrides."""

    def __init__(self, parametres: Mapping[str, Parametre], locaux: Path | None = None) -> None:
        self._parametres = dict(parametres)
        self.locaux = locaux

    def __contains__(self, nom: object) -> bool:
        return nom in self._parametres

    def noms(self) -> list[str]:
        return sorted(self._parametres)

    def get(self, nom: str) -> Parametre:
        try:
            return self._parametres[nom]
        except KeyError:
            raise ParametreManquant(nom, "—", "paramètre inconnu") from None

    def valeur_au(self, nom: str, jour: date) -> ValeurDatee:
        return self.get(nom).valeur_au(jour)

    def __iter__(self) -> Iterator[Parametre]:
        return iter(self._parametres[nom] for nom in self.noms())


def _fichiers_livres() -> Iterator[tuple[str, str, str]]:
    """(name, text, where) for every YAML file shipped under rules/parametres/."""
    racine = resources.files("clerc.rules") / "parametres"

    def walk(node: Any, prefix: str) -> Iterator[tuple[str, str, str]]:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.is_dir():
                yield from walk(child, f"{prefix}{child.name}.")
            elif child.name.endswith(".yaml") and child.name != "index.yaml":
                nom = prefix + child.name[: -len(".yaml")]
                yield nom, child.read_text(encoding="utf-8"), f"parametres/{nom}"

    yield from walk(racine, "")


def chemin_parametres_locaux() -> Path:
    """The office's overrides file: $CLERC_PARAMETRES_LOCAUX, else ~/.config/clerc/."""
    env = os.environ.get(ENV_PARAMETRES_LOCAUX)
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "clerc" / "parametres_locaux.yaml"


def charger_parametres(locaux: Path | None = None) -> Parametres:
    """Load the shipped parameters, overlaid with the overrides file ``locaux`` if it exists."""
    parametres: dict[str, Parametre] = {}
    for nom, text, where in _fichiers_livres():
        data = load_yaml(text)
        parametres[nom] = parse_parametre(nom, data, where)
    if locaux is not None and locaux.exists():
        where = str(locaux)
        try:
            data = load_yaml(locaux.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise DonneeInvalide(f"{where} : fichier YAML illisible ({exc}).") from exc
        if not isinstance(data, Mapping):
            raise DonneeInvalide(f"{where} : le fichier doit associer des noms de paramètres.")
        for nom, contenu in data.items():
            if nom not in parametres:
                raise DonneeInvalide(f"{where} : paramètre inconnu « {nom} ».")
            parametres[nom] = _fusionner(parametres[nom], contenu or {}, f"{where} [{nom}]")
    return Parametres(parametres, locaux)


@lru_cache(maxsize=4)
def _charger_cache(locaux: str) -> Parametres:
    return charger_parametres(Path(locaux))


_en_vigueur: list[Parametres] = []


def parametres() -> Parametres:
    """The parameters in use: shipped files plus the overrides file in force (cached).

    Hot path of every computation (each décompte asks for it): the loaded set is kept until
    ``reinitialiser_cache()``, which must be called after changing CLERC_PARAMETRES_LOCAUX or
    the overrides file (``clerc.parametres_locaux.ajouter`` does it).
    """
    if not _en_vigueur:
        _en_vigueur.append(_charger_cache(str(chemin_parametres_locaux())))
    return _en_vigueur[0]


def reinitialiser_cache() -> None:
    """Forget loaded parameters (after the overrides file or its path changed)."""
    _en_vigueur.clear()
    _charger_cache.cache_clear()


def avertissements(valeurs: Iterator[ValeurDatee] | list[ValeurDatee]) -> tuple[str, ...]:
    """Distinct warnings of the values a result relied on, in first-seen order."""
    vus: dict[str, None] = {}
    for valeur in valeurs:
        message = valeur.avertissement
        if message:
            vus.setdefault(message, None)
    return tuple(vus)


def problemes(parametre: Parametre) -> list[str]:
    """French descriptions of what is wrong with a parameter file (empty when sound).

    Checks: at least one value; every non-null value has a reference, with a link or a
    Légifrance id unless the value is flagged unconfirmed; dates strictly ordered;
    no gap between a value's end of validity and the next value; a ``last_verified`` date.
    """
    trouves: list[str] = []
    nom = parametre.nom
    if not parametre.valeurs:
        trouves.append(f"{nom} : aucune valeur.")
    if parametre.last_verified is None:
        trouves.append(f"{nom} : date de dernière vérification (last_verified) absente.")
    for valeur in parametre.valeurs:
        if valeur.valeur is not None and valeur.reference is None:
            trouves.append(f"{nom} : la valeur du {valeur.debut} n'a pas de référence.")
        confirmee = not valeur.non_confirme
        reference = valeur.reference
        if confirmee and reference is not None and not (reference.url or reference.legifrance):
            trouves.append(f"{nom} : la référence du {valeur.debut} n'a ni lien ni identifiant.")
    debuts = [v.debut for v in parametre.valeurs]
    if debuts != sorted(set(debuts)):
        trouves.append(f"{nom} : dates non ordonnées ou en double.")
    for debut, fin in parametre.trous():
        trouves.append(f"{nom} : aucune valeur du {debut} au {fin} (période non couverte).")
    return trouves
