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

from clerc.actes.modele import MODES_ENVOI, MODES_REMISE, ContenuActe, Echeancier, Personne
from clerc.actes.texte import date_longue, euros
from clerc.actes.textes_reproduits import TexteIntrouvable, extrait
from clerc.actes.types_actes import Mention, TypeActe
from clerc.rules.delais import NatureActe, empechements_horaires
from clerc.rules.erreurs import ErreurClerc
from clerc.rules.procedures.formalites import premier_jour_ouvrable_suivant

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


@dataclass(frozen=True)
class _AComplete:
    """A value missing from a draft: printed so that nobody can mistake it for text."""

    chemin: str

    def __format__(self, _specification: str) -> str:
        return f"[À COMPLÉTER : {self.chemin}]"

    def __getattr__(self, nom: str) -> None:
        return None

    def get(self, _cle: str) -> None:
        return None


class _Vue:
    """Read access for the ``{placeholders}`` of a declared sentence: dates print "1er mars
    2026", amounts "1 234,56 €"; a missing value raises DonneeManquante naming it."""

    def __init__(self, valeur: Any, chemin: str, brouillon: bool = False) -> None:
        self._valeur = valeur
        self._chemin = chemin
        self._brouillon = brouillon

    def _suite(self, valeur: Any, chemin: str) -> _Vue:
        if valeur is None or valeur == "" or valeur == ():
            if self._brouillon:
                return _Vue(_AComplete(chemin), chemin, brouillon=True)
            raise DonneeManquante(chemin)
        return _Vue(valeur, chemin, self._brouillon)

    def __getattr__(self, nom: str) -> _Vue:
        if nom.startswith("_"):
            raise AttributeError(nom)
        return self._suite(getattr(self._valeur, nom, None), f"{self._chemin}.{nom}")

    def __getitem__(self, cle: str) -> _Vue:
        valeur = self._valeur.get(cle) if isinstance(self._valeur, dict | _AComplete) else None
        return self._suite(valeur, f"{self._chemin}[{cle}]")

    def __format__(self, specification: str) -> str:
        valeur = self._valeur
        if isinstance(valeur, _AComplete):
            return format(valeur, specification)
        if isinstance(valeur, date) and not isinstance(valeur, datetime):
            return date_longue(valeur)
        if isinstance(valeur, Decimal):
            return euros(valeur)
        if isinstance(valeur, time):
            return f"{valeur.hour} h {valeur.minute:02d}"
        if isinstance(valeur, tuple):
            return ", ".join(str(v) for v in valeur)
        return format(valeur, specification)


def phrase(texte: str, contenu: ContenuActe, *, brouillon: bool = False) -> str:
    """A declared sentence with its ``{placeholders}`` filled from the act's content (the
    fields of ContenuActe: ``{delais[fin_contestation]}``, ``{tiers.designation}``,
    ``{champs[montant_saisi]}``...). A missing value raises DonneeManquante, or, for a draft
    (``brouillon``), prints "[À COMPLÉTER : ...]"."""
    racine = {
        nom: _Vue(getattr(contenu, nom), nom, brouillon)
        if getattr(contenu, nom) is not None
        else _Vue(_AComplete(nom), nom, True)
        for nom in contenu.__dataclass_fields__
        if getattr(contenu, nom) is not None or brouillon
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
    organ representing it. The addressee (4°): nom and domicile, or dénomination and siège."""
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


# Where a missing wording is added (clerc.textes_locaux), said with each finding about it.
AJOUTER_TEXTE = (
    "Recopiez son texte exact de Légifrance : Paramètres › Textes reproduits, ou « clerc "
    "textes ajouter »."
)


def _texte_reproduit(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    article = str(m.parametres["article"])
    for texte in c.textes:
        if texte.article == article and texte.texte.strip():
            fin = getattr(texte, "en_vigueur_au", None)
            if texte.en_vigueur_du > c.jour or (fin is not None and fin < c.jour):
                return [f"Texte de {article} reproduit dans une version non en vigueur."]
            return []
    return [
        f"Texte de {article} non reproduit : l'acte ne peut être signé sans lui. {AJOUTER_TEXTE}"
    ]


def _extrait_reproduit(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    """Some paragraphs of an article, word for word as stored for the act's day (CPCE R211-1
    5°: "le premier alinéa de l'article L. 211-2", "le troisième alinéa de l'article L. 211-4")."""
    article = str(m.parametres["article"])
    try:
        attendu = extrait(article, c.jour, [int(a) for a in m.parametres["alineas"]])
    except TexteIntrouvable:
        return [
            f"Texte de {article} non reproduit : aucune version stockée en vigueur le "
            f"{date_longue(c.jour)}, l'acte ne peut être signé sans lui. {AJOUTER_TEXTE}"
        ]
    for texte in c.textes:
        if texte.article == attendu.article and texte.alineas == attendu.alineas:
            if texte.texte.strip() != attendu.texte:
                return [f"{attendu.intitule} : le texte reproduit n'est pas celui en vigueur."]
            return []
    return [f"Texte de {attendu.intitule.removeprefix('Article ')} non reproduit : l'acte ne "
            "peut être signé sans lui."]  # fmt: skip


def _taux_interets(_t: TypeActe, _m: Mention, c: ContenuActe) -> list[str]:
    """CPCE R221-1 1°, R212-1-3 1°: the accrued interest in the décompte, with its rate."""
    if c.decompte is None:
        return []  # the décompte check reports it
    lignes = [ligne for ligne in c.decompte.lignes if "intérêt" in ligne.libelle.lower()]
    if not lignes:
        return ["Intérêts échus absents du décompte (0,00 € s'il n'en est pas réclamé)."]
    return [
        f"« {ligne.libelle} » : taux des intérêts non indiqué."
        for ligne in lignes
        if ligne.montant and "%" not in ligne.detail and "taux" not in ligne.detail.lower()
    ]


def _provision_interets(_t: TypeActe, _m: Mention, c: ContenuActe) -> list[str]:
    """CPCE R211-1 3°: the sums claimed "majorées d'une provision pour les intérêts à échoir
    dans le délai d'un mois prévu pour élever une contestation"."""
    if c.decompte is None:
        return []  # the décompte check reports it
    if any("provision" in ligne.libelle.lower() for ligne in c.decompte.lignes):
        return []
    return ["Décompte sans provision pour les intérêts à échoir pendant le mois de contestation."]


def _delai_expire(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    """An act that may be drawn up only once a deadline has run (CPCE R211-6: the certificate
    that no contestation was raised within the month)."""
    cle = str(m.parametres["delai"])
    fin = c.controle.delais.get(cle) or c.delais.get(cle)
    if fin is None:
        return [f"Date d'expiration du délai ({cle}) inconnue."]
    if c.jour <= fin:
        return [f"Acte du {date_longue(c.jour)} : le délai n'expire que le {date_longue(fin)}."]
    return []


def _cout(t: TypeActe, _m: Mention, c: ContenuActe) -> list[str]:
    """The cost computed at the tariff line of the act (``acte_tarif``, or the line its fields
    choose, ``acte_tarif_selon``); a type without a line of the catalogue cannot be costed."""
    attendu = t.acte_tarif_pour(c.champs)
    if c.cout is None:
        if attendu is None and c.cout_indisponible is None:
            return [f"Coût indisponible : aucun acte du tarif n'est déclaré pour le type "
                    f"« {t.code} »."]  # fmt: skip
        manque = (c.cout_indisponible or "non calculé").rstrip(".")
        return [f"Coût indisponible : {manque}."]
    if attendu is not None and c.cout.acte != attendu:
        return [f"Coût calculé au n° {c.cout.numero} ({c.cout.libelle}) : l'acte relève de "
                f"« {attendu} »."]  # fmt: skip
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


def _choix(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    """A field whose value must be one of those the declaration lists (``valeurs``): the
    nature of the act served, which also chooses its tariff line."""
    cle = str(m.parametres["champ"])
    valeurs = [str(v) for v in m.parametres["valeurs"]]
    valeur = c.champs.get(cle)
    if valeur in (None, "", ()):
        return [f"{m.libelle} : non renseigné."]
    if str(valeur) not in valeurs:
        return [f"{m.libelle} : « {valeur} » n'est pas l'une des valeurs prévues "
                f"({', '.join(valeurs)})."]  # fmt: skip
    return []


def _presence(_t: TypeActe, _m: Mention, _c: ContenuActe) -> list[str]:
    """A mention that is only a sentence: rendering it (below) is the check."""
    return []


# --- checks of the significations and of the letters ---------------------------------------


def _reference(_t: TypeActe, _m: Mention, c: ContenuActe) -> list[str]:
    """A letter gives the file's reference (CPCE R124-4 last al.: recalled in later steps)."""
    return [] if c.reference.strip() else ["Référence du dossier manquante."]


def _identite_creancier(_t: TypeActe, _m: Mention, c: ContenuActe) -> list[str]:
    """CPCE R124-4 2°, R125-2 I 2°: the creditor's name (or dénomination) and address (or
    registered office)."""
    return _identite(c.requerant, "Créancier", complete=False)


def _acte_dans_le_delai(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    """The act is done by the deadline the procedure engine gives for its own step (CPC 478,
    1411: within six months, or the title is non avenu)."""
    cle = str(m.parametres["delai"])
    limite = c.controle.delais.get(cle)
    if limite is None:
        return [f"Date limite ({cle}) non fournie par le moteur des procédures."]
    if c.jour > limite:
        return [f"Acte du {date_longue(c.jour)}, après la date limite du {date_longue(limite)}."]
    return []


def _acte_pas_avant(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    """The act is done no earlier than the first day the procedure engine allows for its own
    step (CPCE L212-2: the procès-verbal de saisie once the month after the commandement has
    run); the engine's ``au_plus_tot`` is that first day."""
    cle = str(m.parametres["delai"])
    debut = c.controle.delais.get(cle)
    if debut is None:
        return [f"Premier jour permis ({cle}) non fourni par le moteur des procédures."]
    if c.jour < debut:
        return [f"Acte du {date_longue(c.jour)} : il n'est permis qu'à partir du "
                f"{date_longue(debut)}."]  # fmt: skip
    return []


def _delai_a_personne(t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    """A deadline counted from this very service is stated only when it was made à personne:
    otherwise it runs from a later act (CPC 1416 al. 2), and a date would mislead."""
    if c.remise is None or c.remise.mode != "personne":
        return [
            "Date d'expiration indiquée alors que la signification n'est pas faite à personne : "
            "le délai court d'un acte ultérieur (CPC 1416 al. 2)."
        ]
    return _delai(t, m, c)


def _date_prealable(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    """A formality that must come before the act (CPC 678: notification to the avocat)."""
    jour = c.champs.get(str(m.parametres["champ"]))
    if not isinstance(jour, date):
        return [f"{m.libelle} : date non renseignée."]
    if jour > c.jour:
        return [f"{m.libelle} : faite le {date_longue(jour)}, après l'acte."]
    return []


def _lignes_decompte(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    """The décompte distinguishes the items the text names (``requis``: words its lines must
    contain) and leaves out what the text excludes (``exclus``: the creditor's own costs)."""
    d = c.decompte
    if d is None or not d.lignes:
        return ["Décompte des sommes réclamées absent."]
    libelles = [ligne.libelle.casefold() for ligne in d.lignes]
    exclus = [str(mot).casefold() for mot in m.parametres.get("exclus", ())]
    constats = [
        f"Décompte sans ligne « {requis} »."
        for requis in m.parametres.get("requis", ())
        if not any(str(requis).casefold() in libelle for libelle in libelles)
    ]
    constats += [
        f"Ligne « {ligne.libelle} » : ces frais restent à la charge du créancier."
        for ligne, libelle in zip(d.lignes, libelles, strict=True)
        if any(mot in libelle for mot in exclus)
    ]
    return constats


def _mode_envoi(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    """How a letter is sent (``champs["mode_envoi"]``: keys of MODES_ENVOI): only the
    ``modes`` the text allows, and every mode it ``requis``."""
    brut = c.champs.get("mode_envoi")
    modes = (brut,) if isinstance(brut, str) else tuple(brut or ())
    if not modes:
        return ["Mode d'envoi de la lettre non indiqué."]
    permis = [str(mode) for mode in m.parametres["modes"]]
    prevus = " ou ".join(MODES_ENVOI[mode].lower() for mode in permis)
    constats = [
        f"Envoi par {MODES_ENVOI.get(mode, mode).lower()} : le texte prévoit {prevus}."
        for mode in modes
        if mode not in permis
    ]
    constats += [
        f"Envoi par {MODES_ENVOI[str(requis)].lower()} manquant."
        for requis in m.parametres.get("requis", ())
        if requis not in modes
    ]
    return constats


def _jour_ouvrable_suivant(c: ContenuActe, cle: str, depuis: date) -> date:
    """The date the engine gives (``clerc.rules.procedures.formalites``) or, failing it, the
    one its rule computes: the first working day after ``depuis`` (CPC 658, 659 al. 2)."""
    return c.controle.delais.get(cle) or premier_jour_ouvrable_suivant(depuis, c.territoire)


def _envoi_dans_le_delai(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    """A letter sent the day of the service it follows or, at the latest, the first working
    day after (CPC 658; CPC 659 al. 2)."""
    cle = str(m.parametres["depuis"])
    signifie_le = c.champs.get(cle)
    if not isinstance(signifie_le, date):
        return [f"Date de la signification ({cle}) non indiquée."]
    limite = _jour_ouvrable_suivant(c, str(m.parametres["delai"]), signifie_le)
    if c.jour < signifie_le:
        return [
            f"Lettre datée du {date_longue(c.jour)}, avant la signification du "
            f"{date_longue(signifie_le)}."
        ]
    if c.jour > limite:
        return [
            f"Lettre du {date_longue(c.jour)} : elle devait partir au plus tard le "
            f"{date_longue(limite)} (le jour même ou le premier jour ouvrable suivant)."
        ]
    return []


def _delai_lettre(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    """The latest day of the letters an act announces (CPC 659 al. 2: the same day or the
    first working day after the procès-verbal), as the engine or its rule gives it."""
    cle = str(m.parametres["delai"])
    indique = c.delais.get(cle)
    if indique is None:
        return [f"Date d'envoi des lettres ({cle}) non indiquée."]
    attendu = _jour_ouvrable_suivant(c, cle, c.jour)
    if indique != attendu:
        return [
            f"Lettres annoncées au plus tard le {date_longue(indique)} : la loi donne le "
            f"{date_longue(attendu)}."
        ]
    return []


def _remise_avisee(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    """CPC 658: the letter follows a service at home or at the office (655, 656), at an
    elected domicile or on a legal person, and says what became of the copy: deposited at the
    office (the field ``champ_etude`` selects the 656 sentences) or handed to someone (the
    field ``champ_remise``)."""
    r = c.remise
    if r is None:
        return ["Modalités de la signification dont la lettre avise non indiquées."]
    etude = c.champs.get(str(m.parametres["champ_etude"]))
    remise = c.champs.get(str(m.parametres["champ_remise"]))
    if r.mode == "etude":
        if not etude:
            return ["Copie déposée à l'étude : la lettre doit le dire et rappeler CPC 656."]
        return []
    if (
        r.mode == "personne"
        and c.destinataire.personne_physique
        and not c.champs.get("domicile_elu")
    ):
        return ["Signification à la personne même du destinataire : pas de lettre (CPC 658)."]
    if r.mode not in ("domicile", "personne"):
        return [f"Signification « {MODES_REMISE.get(r.mode, r.mode)} » : pas de lettre de "
                "l'article 658."]  # fmt: skip
    if etude or not remise:
        return ["Copie remise à une personne : la lettre doit dire à qui (CPC 655, 658)."]
    return []


def _recherches_infructueuses(_t: TypeActe, _m: Mention, c: ContenuActe) -> list[str]:
    """CPC 659 al. 1: a procès-verbal relating with precision the searches made (their
    precision is the commissaire de justice's to judge: clerc checks they are related)."""
    r = c.remise
    if r is None or r.mode != "659":
        return ["Procès-verbal de l'article 659 : mode de remise « 659 » attendu."]
    if not r.diligences.strip():
        return ["Diligences accomplies pour rechercher le destinataire non relatées (CPC 659)."]
    return []


# --- checks of the letters about money (third-party funds, payment plans) ------------------


def _lisible(valeur: Any) -> str:
    if isinstance(valeur, date) and not isinstance(valeur, datetime):
        return date_longue(valeur)
    if isinstance(valeur, Decimal):
        return euros(valeur)
    return str(valeur)


def _meme_valeur(indique: Any, attendu: Any) -> bool:
    """The field as the act has it (a Decimal, or its text typed by the user) equals the
    ledger's."""
    if isinstance(attendu, Decimal) and not isinstance(indique, Decimal):
        try:
            return Decimal(str(indique)) == attendu
        except ArithmeticError:
            return False
    return bool(indique == attendu)


def _grand_livre(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    """Each field the mention names (``champs``: ``montant_encaisse``, ``solde_detenu``...)
    is given and equals what the third-party funds ledger says (``Controle.fonds``, filled
    by the office): a wrong amount or date is found, not only a missing one."""
    constats = []
    for cle in (str(x) for x in m.parametres["champs"]):
        indique = c.champs.get(cle)
        if indique in (None, "", ()):
            constats.append(f"{m.libelle} : « {cle} » non renseigné.")
            continue
        attendu = c.controle.fonds.get(cle)
        if attendu is not None and not _meme_valeur(indique, attendu):
            constats.append(
                f"« {cle} » indiqué {_lisible(indique)} : le grand livre des fonds de tiers "
                f"donne {_lisible(attendu)}."
            )
    return constats


def _echeancier(_t: TypeActe, m: Mention, c: ContenuActe) -> list[str]:
    """A payment plan (``champs["echeancier"]``): instalments of positive amounts, in date
    order, none before the letter, and together not less than the décompte at the letter's
    date (less would be a remission of debt, which only the creditor may grant)."""
    brut = c.champs.get(str(m.parametres.get("champ", "echeancier")))
    if brut in (None, "", ()):
        return [f"{m.libelle} : non renseigné."]
    try:
        plan = Echeancier.depuis(brut)
    except (KeyError, TypeError, ValueError, ArithmeticError):
        return [f"{m.libelle} : échéances illisibles (date et montant de chacune attendus)."]
    if not plan.echeances:
        return [f"{m.libelle} : aucune échéance."]
    constats = [
        f"Échéance du {date_longue(e.le)} de {euros(e.montant)} : montant positif attendu."
        for e in plan.echeances
        if e.montant <= 0
    ]
    dates = [e.le for e in plan.echeances]
    if dates != sorted(dates) or len(set(dates)) != len(dates):
        constats.append("Échéances non rangées par date, ou deux à la même date.")
    if dates[0] < c.jour:
        constats.append(
            f"Première échéance le {date_longue(dates[0])}, avant la lettre du "
            f"{date_longue(c.jour)}."
        )
    du = c.decompte.total if c.decompte is not None else None
    if du is not None and plan.total < du:
        constats.append(
            f"Échéances totalisant {euros(plan.total)} : le décompte donne {euros(du)} ; une "
            "remise de dette ne se propose qu'avec l'accord écrit du créancier."
        )
    return constats


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
    "extrait_reproduit": _extrait_reproduit,
    "taux_interets": _taux_interets,
    "provision_interets": _provision_interets,
    "delai_expire": _delai_expire,
    "cout": _cout,
    "remise": _remise,
    "etape": _etape,
    "champ": _champ,
    "presence": _presence,
    "reference": _reference,
    "identite_creancier": _identite_creancier,
    "acte_dans_le_delai": _acte_dans_le_delai,
    "acte_pas_avant": _acte_pas_avant,
    "choix": _choix,
    "delai_a_personne": _delai_a_personne,
    "date_prealable": _date_prealable,
    "lignes_decompte": _lignes_decompte,
    "mode_envoi": _mode_envoi,
    "envoi_dans_le_delai": _envoi_dans_le_delai,
    "delai_lettre": _delai_lettre,
    "recherches_infructueuses": _recherches_infructueuses,
    "remise_avisee": _remise_avisee,
    "grand_livre": _grand_livre,
    "echeancier": _echeancier,
}


def _condition(contenu: ContenuActe, condition: object) -> bool:
    """``"<champ>"``: the act has that field; ``"<champ>=<valeur>"``: it has that value."""
    champ, egal, valeur = str(condition).partition("=")
    present = contenu.champs.get(champ)
    return str(present) == valeur if egal else bool(present)


def mentions_applicables(type_: TypeActe, contenu: ContenuActe) -> list[Mention]:
    """The mentions this act must carry: a mention declared ``si: <champ>`` applies only when
    the act has that field (the SBI only for a bank account seized, R211-3 4°), ``si:
    <champ>=<valeur>`` only when the field has that value, ``si: [...]`` when all hold; one
    declared ``sauf: [<champ>, ...]`` does not apply when the act has one of them (R412-1: no
    L412-3 to L412-6 for an expulsion under L412-7)."""
    applicables = []
    for m in type_.mentions:
        si = m.parametres.get("si", ())
        conditions = [si] if isinstance(si, str) else list(si)
        if all(_condition(contenu, x) for x in conditions) and not any(
            _condition(contenu, x) for x in m.parametres.get("sauf", ())
        ):
            applicables.append(m)
    return applicables


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
