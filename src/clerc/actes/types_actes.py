"""The act and letter types, each declared once as data (``types/<code>.yaml``).

A declaration names the act (title, tariff code, procedure step, addressee), its fixed
wording (``corps``: paragraphs with ``{placeholders}`` filled from the act's content), and its
**mandatory mentions**: each with its article, the sanction of its absence, the check that
proves it is there and right (``controle``, run by ``clerc.actes.conformite``), and, when the
mention is a sentence of the act, that sentence (``texte``). The template prints the same
sentences the checker checks: the two cannot drift apart.

Loading is strict: an unknown key, check, sanction or tariff code is a DeclarationInvalide at
import time (tests load every declaration).
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml

from clerc.rules import tarif
from clerc.rules.erreurs import DonneeInvalide, ErreurClerc

try:  # the C loader when PyYAML was built with libyaml
    from yaml import CSafeLoader as _Chargeur
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Chargeur  # type: ignore[assignment]

CATEGORIES = {"acte": "Acte", "lettre": "Lettre"}
SANCTIONS = {
    "nullite_forme": "nullité pour vice de forme, sur preuve d'un grief (CPC 114)",
    "nullite": "nullité de l'acte",
    "caducite": "caducité de la mesure",
    "irrecevabilite": "irrecevabilité",
    "inopposabilite": "inopposabilité",
    "responsabilite": "responsabilité de l'étude",
    "non_avenu": "titre non avenu : il faut en obtenir un nouveau (CPC 478, 1411)",
    "amende": "amende des contraventions de la cinquième classe (CPCE R124-7)",
    "aucune": "pas de sanction textuelle (usage de la profession)",
}
DESTINATAIRES = {"debiteur", "tiers_saisi", "employeur", "creancier", "occupant", "avocat"}


class DeclarationActeInvalide(ErreurClerc):
    """A declaration of act type is malformed (found at load, never at signing)."""


@dataclass(frozen=True)
class Mention:
    """A mandatory mention of an act: the check that proves it and the sentence it prints."""

    code: str
    libelle: str
    article: str
    sanction: str  # a key of SANCTIONS
    controle: str  # a check of clerc.actes.conformite.CONTROLES
    parametres: dict[str, Any] = field(default_factory=dict)
    texte: str | None = None  # the sentence printed, with {placeholders}
    apparente: bool = False  # "en caractères très apparents" (printed bold, framed)

    @property
    def libelle_sanction(self) -> str:
        return SANCTIONS[self.sanction]


@dataclass(frozen=True)
class TypeActe:
    code: str
    libelle: str
    categorie: str  # acte, lettre
    titre: str  # printed title (16 pt bold capitals for an act)
    articles: tuple[str, ...]
    mentions: tuple[Mention, ...]
    corps: tuple[str, ...] = ()
    verbe: str = ""  # "J'ai, ..., commissaire de justice soussigné, <verbe> à :"
    destinataire: str = "debiteur"
    acte_tarif: str | None = None  # code in clerc.rules.tarif
    # The tariff line chosen by a field of the act: (field, {value: code}); acte_tarif when the
    # field has another value (signification_acte_avocat: n° 2 for a decision, else n° 1).
    acte_tarif_selon: tuple[str, dict[str, str]] | None = None
    procedure: str | None = None  # the procedure and step the act performs
    etape: str | None = None
    signifie: bool = True  # served by the commissaire de justice (CPC 651)
    textes: tuple[str, ...] = ()  # articles reproduced word for word
    note: str = ""
    # The cost printed as borne by the debtor (CPCE L111-8): an enforcement cost. False for an
    # act whose cost the judge allocates (an assignation or conclusions served for an avocat).
    cout_a_la_charge_du_debiteur: bool = True
    # The letter prints figures of the third-party funds ledger (sums received, paid out,
    # held, last receipt, last payout) and the state of the procedures: the office fills
    # those fields from the file (``clerc.office.services.actes``).
    champs_fonds: bool = False

    def mention(self, code: str) -> Mention:
        for mention in self.mentions:
            if mention.code == code:
                return mention
        raise DonneeInvalide(f"Mention « {code} » inconnue pour l'acte « {self.code} ».")

    def acte_tarif_pour(self, champs: Mapping[str, Any]) -> str | None:
        """The tariff line of this act given its fields (``acte_tarif_selon``), else
        ``acte_tarif``; None when no line of the catalogue is declared for the type."""
        if self.acte_tarif_selon is not None:
            champ, valeurs = self.acte_tarif_selon
            choisi = valeurs.get(str(champs.get(champ)))
            if choisi is not None:
                return choisi
        return self.acte_tarif

    def en_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "libelle": self.libelle,
            "categorie": self.categorie,
            "articles": list(self.articles),
            "procedure": self.procedure,
            "etape": self.etape,
            "acte_tarif": self.acte_tarif,
            "acte_tarif_selon": (
                {"champ": self.acte_tarif_selon[0], "valeurs": dict(self.acte_tarif_selon[1])}
                if self.acte_tarif_selon
                else None
            ),
            "textes_reproduits": list(self.textes),
            "mentions": [
                {
                    "code": m.code,
                    "libelle": m.libelle,
                    "article": m.article,
                    "sanction": m.libelle_sanction,
                }
                for m in self.mentions
            ],
        }


_CLES_TYPE = {
    "code", "libelle", "categorie", "titre", "articles", "mentions", "corps", "verbe",
    "destinataire", "acte_tarif", "acte_tarif_selon", "procedure", "etape", "signifie",
    "textes", "note", "cout_a_la_charge_du_debiteur", "champs_fonds",
}  # fmt: skip
_CLES_MENTION = {
    "code",
    "libelle",
    "article",
    "sanction",
    "controle",
    "parametres",
    "texte",
    "apparente",
}


def _liste(valeur: Any, ici: str) -> tuple[str, ...]:
    if valeur is None:
        return ()
    if not isinstance(valeur, list) or not all(isinstance(v, str) and v for v in valeur):
        raise DeclarationActeInvalide(f"{ici} : liste de textes attendue")
    return tuple(valeur)


def _mention(brute: Any, ici: str, controles: frozenset[str]) -> Mention:
    if not isinstance(brute, dict):
        raise DeclarationActeInvalide(f"{ici} : mention mal formée")
    inconnues = set(brute) - _CLES_MENTION
    if inconnues:
        raise DeclarationActeInvalide(f"{ici} : clés inconnues {sorted(inconnues)}")
    for cle in ("code", "libelle", "article", "sanction", "controle"):
        if not isinstance(brute.get(cle), str) or not brute[cle]:
            raise DeclarationActeInvalide(f"{ici} : « {cle} » manquant")
    if brute["sanction"] not in SANCTIONS:
        raise DeclarationActeInvalide(f"{ici} : sanction « {brute['sanction']} » inconnue")
    if brute["controle"] not in controles:
        raise DeclarationActeInvalide(f"{ici} : contrôle « {brute['controle']} » inconnu")
    parametres = brute.get("parametres") or {}
    if not isinstance(parametres, dict):
        raise DeclarationActeInvalide(f"{ici} : « parametres » doit être un dictionnaire")
    return Mention(
        code=brute["code"],
        libelle=brute["libelle"],
        article=brute["article"],
        sanction=brute["sanction"],
        controle=brute["controle"],
        parametres=parametres,
        texte=brute.get("texte"),
        apparente=bool(brute.get("apparente", False)),
    )


def _tarif_selon(brut: Any, ici: str) -> tuple[str, dict[str, str]] | None:
    """``acte_tarif_selon: {champ: <field>, valeurs: {<value>: <tariff code>}}``."""
    if brut is None:
        return None
    if not isinstance(brut, dict) or set(brut) != {"champ", "valeurs"}:
        raise DeclarationActeInvalide(f"{ici} : « acte_tarif_selon » attend champ et valeurs")
    champ, valeurs = brut["champ"], brut["valeurs"]
    if not isinstance(champ, str) or not champ or not isinstance(valeurs, dict) or not valeurs:
        raise DeclarationActeInvalide(f"{ici} : « acte_tarif_selon » mal formé")
    inconnus = sorted(str(code) for code in valeurs.values() if code not in tarif.ACTES)
    if inconnus:
        raise DeclarationActeInvalide(f"{ici} : acte du tarif {inconnus} inconnu")
    return champ, {str(valeur): str(code) for valeur, code in valeurs.items()}


def _type(brut: Any, nom: str, controles: frozenset[str]) -> TypeActe:
    ici = f"types/{nom}"
    if not isinstance(brut, dict):
        raise DeclarationActeInvalide(f"{ici} : déclaration mal formée")
    inconnues = set(brut) - _CLES_TYPE
    if inconnues:
        raise DeclarationActeInvalide(f"{ici} : clés inconnues {sorted(inconnues)}")
    code = brut.get("code")
    if code != nom.removesuffix(".yaml"):
        raise DeclarationActeInvalide(f"{ici} : le code « {code} » doit être le nom du fichier")
    if brut.get("categorie") not in CATEGORIES:
        raise DeclarationActeInvalide(f"{ici} : catégorie « {brut.get('categorie')} » inconnue")
    if brut.get("destinataire", "debiteur") not in DESTINATAIRES:
        raise DeclarationActeInvalide(
            f"{ici} : destinataire « {brut.get('destinataire')} » inconnu"
        )
    acte_tarif = brut.get("acte_tarif")
    if acte_tarif is not None and acte_tarif not in tarif.ACTES:
        raise DeclarationActeInvalide(f"{ici} : acte du tarif « {acte_tarif} » inconnu")
    acte_tarif_selon = _tarif_selon(brut.get("acte_tarif_selon"), ici)
    champs_fonds = brut.get("champs_fonds", False)
    if not isinstance(champs_fonds, bool):
        raise DeclarationActeInvalide(f"{ici} : « champs_fonds » attend true ou false")
    mentions = tuple(
        _mention(m, f"{ici} mention {rang}", controles)
        for rang, m in enumerate(brut.get("mentions") or [], start=1)
    )
    codes = [m.code for m in mentions]
    if len(set(codes)) != len(codes):
        raise DeclarationActeInvalide(f"{ici} : codes de mention en double")
    return TypeActe(
        code=code,
        libelle=str(brut.get("libelle") or ""),
        categorie=brut["categorie"],
        titre=str(brut.get("titre") or ""),
        articles=_liste(brut.get("articles"), f"{ici} articles"),
        mentions=mentions,
        corps=_liste(brut.get("corps"), f"{ici} corps"),
        verbe=str(brut.get("verbe") or ""),
        destinataire=brut.get("destinataire", "debiteur"),
        acte_tarif=acte_tarif,
        acte_tarif_selon=acte_tarif_selon,
        procedure=brut.get("procedure"),
        etape=brut.get("etape"),
        signifie=bool(brut.get("signifie", brut["categorie"] == "acte")),
        textes=_liste(brut.get("textes"), f"{ici} textes"),
        note=str(brut.get("note") or ""),
        cout_a_la_charge_du_debiteur=bool(brut.get("cout_a_la_charge_du_debiteur", True)),
        champs_fonds=champs_fonds,
    )


@cache
def types_actes() -> dict[str, TypeActe]:
    """Every declared act and letter type, by code."""
    from clerc.actes.conformite import CONTROLES  # the checks a mention may name

    controles = frozenset(CONTROLES)
    dossier = importlib.resources.files("clerc.actes").joinpath("types")
    resultat: dict[str, TypeActe] = {}
    for fichier in sorted(dossier.iterdir(), key=lambda f: f.name):
        if not fichier.name.endswith(".yaml"):
            continue
        brut = yaml.load(fichier.read_text(encoding="utf-8"), Loader=_Chargeur)
        declaration = _type(brut, fichier.name, controles)
        resultat[declaration.code] = declaration
    return resultat


CONTROLES_TEXTE = frozenset({"texte_reproduit", "extrait_reproduit"})


def textes_a_reproduire() -> dict[str, tuple[TypeActe, ...]]:
    """Every article some act reproduces word for word, with the types that do, by article."""
    resultat: dict[str, list[TypeActe]] = {}
    for declaration in types_actes().values():
        for mention in declaration.mentions:
            if mention.controle in CONTROLES_TEXTE:
                liste = resultat.setdefault(str(mention.parametres["article"]), [])
                if declaration not in liste:
                    liste.append(declaration)
    return {article: tuple(liste) for article, liste in sorted(resultat.items())}


def type_acte(code: str) -> TypeActe:
    try:
        return types_actes()[code]
    except KeyError:
        raise DonneeInvalide(f"Type d'acte « {code} » inconnu (voir clerc acte types).") from None


__all__ = [
    "CATEGORIES",
    "SANCTIONS",
    "DeclarationActeInvalide",
    "Mention",
    "TypeActe",
    "textes_a_reproduire",
    "type_acte",
    "types_actes",
]
