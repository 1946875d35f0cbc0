"""The compliance checker: an act with a finding cannot be signed.

Each mandatory mention of an act type (``clerc.actes.types_actes``) names one of the checks
below; a check reads the act's content (``clerc.actes.modele.ContenuActe``) and returns French
findings, each with the mention's article and sanction. Checks compare the act with what the
office computed on its own (``Controle``: the file's décompte at the act's date, the deadlines
the procedure engine gives, whether the step is open), so a wrong sum or a wrong deadline is a
finding, not only a missing one. Every mention that prints a sentence is also rendered once:
a sentence whose data is missing is a finding too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from clerc.actes.modele import MODES_REMISE, ContenuActe, Personne
from clerc.actes.texte import date_longue, euros
from clerc.actes.types_actes import Mention, TypeActe
from clerc.rules.delais import NatureActe, empechements_horaires
from clerc.rules.erreurs import ErreurClerc

MIDI = time(12, 0)


@dataclass(frozen=True)
class Constat:
    """A finding: what is wrong, under which article, at what risk."""

    mention: str
    article: str
    message: str
    sanction: str

    def en_dict(self) -> dict[str, str]:
        return {
            "mention": self.mention,
            "article": self.article,
            "message": self.message,
            "sanction": self.sanction,
        }


# --- sentences of the act -------------------------------------------------------------------


class DonneeManquante(ErreurClerc):
    """A sentence of the act needs a value the content does not have."""


class _Vue:
    """Read access for the ``{placeholders}`` of a declared sentence: dates print "1er mars
    2026", amounts "1 234,56 €"; a missing value raises DonneeManquante naming it."""

    def __init__(self, valeur: Any, chemin: str) -> None:
        self._valeur = valeur
        self._chemin = chemin

    def _suite(self, valeur: Any, chemin: str) -> _Vue:
        if valeur is None or valeur == "" or valeur == ():
            raise DonneeManquante(chemin)
        return _Vue(valeur, chemin)

    def __getattr__(self, nom: str) -> _Vue:
        if nom.startswith("_"):
            raise AttributeError(nom)
        return self._suite(getattr(self._valeur, nom, None), f"{self._chemin}.{nom}")

    def __getitem__(self, cle: str) -> _Vue:
        valeur = self._valeur.get(cle) if isinstance(self._valeur, dict) else None
        return self._suite(valeur, f"{self._chemin}[{cle}]")

    def __format__(self, specification: str) -> str:
        valeur = self._valeur
        if isinstance(valeur, date) and not isinstance(valeur, datetime):
            return date_longue(valeur)
        if isinstance(valeur, Decimal):
            return euros(valeur)
        if isinstance(valeur, time):
            return f"{valeur.hour} h {valeur.minute:02d}"
        if isinstance(valeur, tuple):
            return ", ".join(str(v) for v in valeur)
        return format(valeur, specification)


def phrase(texte: str, contenu: ContenuActe) -> str:
    """A declared sentence with its ``{placeholders}`` filled from the act's content (the
    fields of ContenuActe: ``{delais[fin_contestation]}``, ``{tiers.designation}``,
    ``{champs[montant_saisi]}``...)."""
    racine = {
        nom: _Vue(getattr(contenu, nom), nom)
        for nom in contenu.__dataclass_fields__
        if getattr(contenu, nom) is not None
    }
    try:
        return texte.format_map(racine)
    except KeyError as erreur:  # a top-level field left empty
        raise DonneeManquante(str(erreur.args[0])) from None


# --- the checks -----------------------------------------------------------------------------

Controle = Callable[[TypeActe, Mention, ContenuActe], list[str]]


def _identite(partie: Personne | None, qui: str, complete: bool) -> list[str]:
    """CPC 648: a natural person by nom, prénoms, profession, domicile, nationalité, date and
    place of birth (the requérant: 2°); a legal person by forme, dénomination, siège and the
    organ representing it. The addressee (3°): nom and domicile, or dénomination and siège."""
    if partie is None:
        return [f"{qui} : absent de l'acte."]
    attendus: list[tuple[str, Any]]
    if partie.personne_physique:
        attendus = [("nom", partie.nom), ("prénoms", partie.prenoms)]
        if complete:
            attendus += [
                ("profession", partie.profession),
                ("nationalité", partie.nationalite),
                ("date de naissance", partie.date_naissance),
                ("lieu de naissance", partie.lieu_naissance),
            ]
        attendus.append(("domicile", partie.adresse))
    else:
        attendus = [("dénomination", partie.denomination), ("siège", partie.adresse)]
        if complete:
            attendus += [("forme", partie.forme), ("organe représentant", partie.representant)]
    manques = [libelle for libelle, valeur in attendus if not valeur]
    if manques:
        return [f"{qui} ({partie.designation}) : {', '.join(manques)} manquant(s)."]
    return []


def _identite_requerant(_t: TypeActe, _m: Mention, c: ContenuActe) -> list[str]:
    return _identite(c.requerant, "Requérant", complete=True)


def _identite_destinataire(_t: TypeActe, _m: Mention, c: ContenuActe) -> list[str]:
    return _identite(c.destinataire, "Destinataire", complete=False)


def _identite_tiers(_t: TypeActe, _m: Mention, c: ContenuActe) -> list[str]:
    return _identite(c.tiers, "Tiers", complete=False)


def _signataire(_t: TypeActe, _m: Mention, c: ContenuActe) -> list[str]:
    manques = [
        libelle
        for libelle, valeur in (
            ("nom du commissaire de justice", c.etude.signataire),
            ("adresse de l'étude", c.etude.adresse),
        )
        if not valeur
    ]
    return [f"{', '.join(manques)} manquant(s)."] if manques else []


def _date_et_heure(t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    """CPC 664 (service) or CPCE L141-1 (enforcement measure): legal days and hours."""
    constats = []
    heure = c.remise.heure if c.remise and c.remise.heure else c.heure
    if t.signifie and heure is None and m.parametres.get("heure_requise", False):
        constats.append("Heure de l'acte manquante.")
    nature = (
        NatureActe.MESURE_EXECUTION
        if m.parametres.get("mesure_execution", False)
        else NatureActe.SIGNIFICATION
    )
    moment = datetime.combine(c.jour, heure or MIDI)
    for empechement in empechements_horaires(moment, c.territoire, nature):
        if empechement.certain:
            constats.append(f"{empechement.motif} ({empechement.article}).")
    return constats


def _titre(_t: TypeActe, _m: Mention, c: ContenuActe) -> list[str]:
    if c.titre is None:
        return ["Titre exécutoire non décrit."]
    constats = []
    if not c.titre.nature:
        constats.append("Nature du titre manquante.")
    if not c.titre.formule_executoire:
        constats.append(
            "Titre sans formule exécutoire : aucune exécution forcée (CPC 502, CPCE L111-3)."
        )
    if c.titre.date_titre > c.jour:
        constats.append(f"Titre daté du {date_longue(c.titre.date_titre)}, après l'acte.")
    return constats


def _decompte(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    """A separate décompte that adds up, at the act's date (or the day a field names: the
    seizure's, for its dénonciation), equal to the file's on that day."""
    d = c.decompte
    if d is None or not d.lignes:
        return ["Décompte des sommes réclamées absent."]
    constats = []
    somme = sum((ligne.montant for ligne in d.lignes), Decimal("0.00"))
    if somme != d.total:
        constats.append(
            f"Le décompte ne s'additionne pas : lignes {euros(somme)}, total {euros(d.total)}."
        )
    jour = c.champs.get(str(m.parametres["au"])) if "au" in m.parametres else c.jour
    if isinstance(jour, date) and d.au != jour:
        constats.append(f"Décompte arrêté au {date_longue(d.au)} au lieu du {date_longue(jour)}.")
    attendu = c.controle.total_decompte
    if attendu is not None and attendu != d.total:
        constats.append(
            f"Total du décompte {euros(d.total)} : le dossier donne {euros(attendu)} au "
            f"{date_longue(d.au)}."
        )
    return constats


def _delai(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    """A deadline the act states must be the one the procedure engine computes."""
    cle = str(m.parametres["delai"])
    indique = c.delais.get(cle)
    attendu = c.controle.delais.get(cle)
    if indique is None:
        return [f"Date d'expiration du délai ({cle}) non indiquée."]
    if attendu is not None and indique != attendu:
        return [
            f"Délai indiqué au {date_longue(indique)} : la loi donne le {date_longue(attendu)}."
        ]
    return []


def _texte_reproduit(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    article = str(m.parametres["article"])
    for texte in c.textes:
        if texte.article == article and texte.texte.strip():
            fin = getattr(texte, "en_vigueur_au", None)
            if texte.en_vigueur_du > c.jour or (fin is not None and fin < c.jour):
                return [f"Texte de {article} reproduit dans une version non en vigueur."]
            return []
    return [f"Texte de {article} non reproduit : l'acte ne peut être signé sans lui."]


def _cout(_t: TypeActe, _m: Mention, c: ContenuActe) -> list[str]:
    if c.cout is None:
        return [f"Coût indisponible : {c.cout_indisponible or 'non calculé'}."]
    return []


def _remise(t: TypeActe, _m: Mention, c: ContenuActe) -> list[str]:
    """CPC 654 to 659, 662-1: how the act was served, with what each mode requires."""
    r = c.remise
    if r is None:
        return ["Modalités de remise de l'acte non indiquées."]
    if r.mode not in MODES_REMISE:
        return [f"Mode de remise « {r.mode} » inconnu."]
    if r.mode == "domicile" and not r.personne_presente:
        return ["Remise à domicile : nom et qualité de la personne présente manquants (CPC 655)."]
    if r.mode in ("domicile", "etude") and not r.diligences:
        return ["Remise hors la personne : diligences accomplies non relatées (CPC 655, 656)."]
    if r.mode == "659" and not r.diligences:
        return ["Procès-verbal de recherches : diligences accomplies non relatées (CPC 659)."]
    if r.mode == "electronique":
        consentement = c.destinataire.consentement_electronique_le
        if consentement is None or consentement > c.jour:
            return ["Voie électronique sans consentement préalable du destinataire (CPC 662-1)."]
    return []


def _etape(_t: TypeActe, _m: Mention, c: ContenuActe) -> list[str]:
    refus = c.controle.etape_refusee
    return [refus] if refus else []


def _champ(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    cle = str(m.parametres["champ"])
    if c.champs.get(cle) in (None, "", ()):
        return [f"{m.libelle} : non renseigné."]
    return []


def _presence(_t: TypeActe, _m: Mention, _c: ContenuActe) -> list[str]:
    """A mention that is only a sentence: rendering it (below) is the check."""
    return []


CONTROLES: dict[str, Controle] = {
    "identite_requerant": _identite_requerant,
    "identite_destinataire": _identite_destinataire,
    "identite_tiers": _identite_tiers,
    "signataire": _signataire,
    "date_et_heure": _date_et_heure,
    "titre": _titre,
    "decompte": _decompte,
    "delai": _delai,
    "texte_reproduit": _texte_reproduit,
    "cout": _cout,
    "remise": _remise,
    "etape": _etape,
    "champ": _champ,
    "presence": _presence,
}


def mentions_applicables(type_: TypeActe, contenu: ContenuActe) -> list[Mention]:
    """The mentions this act must carry: a mention declared ``si: <champ>`` applies only when
    the act has that field (the SBI only for a bank account seized, R211-3 4°)."""
    return [
        m
        for m in type_.mentions
        if "si" not in m.parametres or contenu.champs.get(str(m.parametres["si"]))
    ]


def verifier(type_: TypeActe, contenu: ContenuActe) -> tuple[Constat, ...]:
    """Every finding of the act, in the order of the declared mentions; empty: it may be
    signed."""
    constats: list[Constat] = []
    for mention in mentions_applicables(type_, contenu):
        messages = CONTROLES[mention.controle](type_, mention, contenu)
        if mention.texte is not None and not messages:
            try:
                phrase(mention.texte, contenu)
            except DonneeManquante as manque:
                messages.append(f"{mention.libelle} : donnée « {manque} » manquante.")
        constats.extend(
            Constat(mention.code, mention.article, message, mention.libelle_sanction)
            for message in messages
        )
    for paragraphe in type_.corps:
        try:
            phrase(paragraphe, contenu)
        except DonneeManquante as manque:
            constats.append(
                Constat("corps", "", f"Donnée « {manque} » manquante dans le texte de l'acte.", "")
            )
    return tuple(constats)


__all__ = ["CONTROLES", "Constat", "DonneeManquante", "mentions_applicables", "phrase", "verifier"]
