"""Regulated tariff of commissaires de justice: cost of an act, proportional fees, who pays.

Texts: C. com. L444-1 ff. (regulated tariffs), R444-2 (émolument, frais, débours), R444-3 and
annexe 4-7 (list of prestations, n°), A444-10 ff. (amounts), CPCE L111-8 (who bears the costs),
C. com. R444-55 with R444-53 3° (creditor's proportional fee). Amounts are dated parameters in
``parametres/tarif/`` (one file per figure); this module holds the rules that combine them.

Cost printed on an act (docs/tarif.md)::

    coût de l'acte = (émolument x coefficient A444-46 [+ DEP A444-15] [+ vacations A444-18]
                      [+ majoration outre-mer A444-10] + frais de déplacement A444-48) x (1 + TVA)
                     + débours [+ taxe forfaitaire CGI 302 bis Y, acts before 2021]

Rounding: every line is rounded to the cent, half up, once (arrondi_centime); the VAT is
computed on the sum of the rounded HT lines; a proportional scale is traced band by band, each
band rounded (as service-public F10404 prints it) and the fee is the sum of the rounded bands.

Transitional rules (arrêtés of 28 February 2020 and 28 February 2024, docs/tarif.md): the
former émoluments stay applicable to prestations made before 1 May of that year, and to any
prestation for which the client paid an advance (or the office committed costs) before 1 March
of that year; ``date_tarifaire`` implements it. Frais (travel fee), VAT and the taxe
forfaitaire follow the date of the prestation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Literal

from clerc.rules.erreurs import DonneeInvalide, ParametreManquant
from clerc.rules.monnaie import ZERO, arrondi_centime, format_euros, format_taux
from clerc.rules.parametres import ValeurDatee, avertissements, parametres

CENT = Decimal(100)
Charge = Literal["debiteur", "creancier"]


# --------------------------------------------------------------------------------------------
# Catalogue of acts (annexe 4-7, tableaux 3-1 to 3-3)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Acte:
    """One tariffed prestation: its n° in annexe 4-7, its article and how its cost is built.

    - ``coefficient``: the A444-46 coefficient applies (act about a sum of money, not excluded
      by A444-47); otherwise ``motif_sans_coefficient`` says why.
    - ``droit_engagement_poursuites``: the A444-15 DEP is charged (A444-14 commandements and
      A444-16 saisies, except the A444-17 list).
    - ``frais_deplacement``: the A444-48 travel fee is due (act served or report drawn up).
    - ``taxe_forfaitaire``: the CGI 302 bis Y tax applied (acts before 2021).
    - ``duree_reference``: reference time in minutes beyond which A444-18 vacations are due.
    """

    code: str
    numero: str
    article: str
    libelle: str
    coefficient: bool = True
    motif_sans_coefficient: str = ""
    droit_engagement_poursuites: bool = False
    frais_deplacement: bool = True
    taxe_forfaitaire: bool = True
    duree_reference: int | None = None

    @property
    def parametre(self) -> str:
        return f"tarif.emoluments.{self.code}"

    @property
    def saisie_remunerations(self) -> bool:
        return self.numero.startswith("97-")


_OBLIGATION_DE_FAIRE = "acte ne portant pas sur une somme d'argent (A444-46)"
_A444_47 = "exclu du coefficient par A444-47"
_FORMALITE = {"frais_deplacement": False, "taxe_forfaitaire": False}


def _acte(code: str, numero: str, article: str, libelle: str, **options: Any) -> Acte:
    return Acte(code=code, numero=numero, article=article, libelle=libelle, **options)


_SANS_SOMME: dict[str, Any] = {"coefficient": False, "motif_sans_coefficient": _OBLIGATION_DE_FAIRE}

ACTES: Mapping[str, Acte] = {
    a.code: a
    for a in (
        # A444-11: convocations and significations (n° 1 to 4)
        _acte("assignation", "1", "A444-11", "Assignation"),
        _acte("signification_decision", "2", "A444-11", "Signification de décision de justice"),
        _acte("signification_titre", "3", "A444-11", "Signification des autres titres exécutoires"),
        _acte(
            "signification_injonction_de_payer",
            "4",
            "A444-11",
            "Signification de la requête et de l'ordonnance d'injonction de payer",
        ),
        # A444-13: information of parties and third parties
        _acte(
            "denonciation_saisie_attribution", "5", "A444-13", "Dénonciation de saisie-attribution"
        ),
        _acte(
            "signification_acquiescement",
            "6",
            "A444-13",
            "Signification au tiers saisi de l'acquiescement du débiteur",
        ),
        _acte(
            "signification_certificat_non_contestation",
            "7",
            "A444-13",
            "Signification au tiers saisi du certificat de non-contestation",
        ),
        _acte(
            "notification_saisie_vente_tiers",
            "8",
            "A444-13",
            "Notification au débiteur de la saisie-vente entre les mains d'un tiers",
        ),
        # A444-14: mises en demeure and commandements de payer (DEP: A444-15)
        _acte(
            "injonction_communiquer_commandement",
            "41",
            "A444-14",
            "Injonction de communiquer et commandement de payer",
            droit_engagement_poursuites=True,
        ),
        _acte(
            "commandement_saisie_vente",
            "42",
            "A444-14",
            "Commandement de payer préalable à la saisie-vente",
            droit_engagement_poursuites=True,
        ),
        _acte(
            "signification_certificat_non_paiement",
            "43",
            "A444-14",
            "Signification du certificat de non-paiement valant commandement de payer",
            droit_engagement_poursuites=True,
        ),
        _acte(
            "commandement_payer_loyers",
            "44",
            "A444-14",
            "Commandement de payer les loyers",
            droit_engagement_poursuites=True,
        ),
        _acte(
            "commandement_payer_charges_copropriete",
            "45",
            "A444-14",
            "Commandement de payer les charges de copropriété",
            droit_engagement_poursuites=True,
        ),
        # A444-16: saisies (DEP except the A444-17 list: n° 51, 55, 63, 65-69, 71-73, 77, 78)
        _acte(
            "pv_saisie_attribution",
            "50",
            "A444-16",
            "Procès-verbal de saisie-attribution",
            droit_engagement_poursuites=True,
        ),
        _acte(
            "pv_saisie_attribution_compte_clos",
            "51",
            "A444-16",
            "Acte de saisie-attribution, compte clôturé ou solde négatif",
        ),
        _acte(
            "pv_saisie_vente",
            "52",
            "A444-16",
            "Procès-verbal de saisie-vente (ou transformée en réception de deniers)",
            droit_engagement_poursuites=True,
        ),
        _acte(
            "pv_saisie_vente_carence",
            "53",
            "A444-16",
            "Procès-verbal de saisie-vente transformée en carence",
            droit_engagement_poursuites=True,
        ),
        # A444-19: obligations de faire (no sum of money: no coefficient)
        _acte(
            "sommation_faire",
            "79",
            "A444-19",
            "Sommation de faire ou de ne pas faire",
            **_SANS_SOMME,
        ),
        _acte(
            "commandement_quitter_les_lieux",
            "86",
            "A444-19",
            "Commandement de quitter les lieux",
            **_SANS_SOMME,
        ),
        # A444-22-1: saisie des rémunérations (from 1 July 2025), n° 97-x
        _acte(
            "commandement_saisie_remunerations",
            "97-1",
            "A444-22-1",
            "Commandement de payer aux fins de saisie des rémunérations",
        ),
        _acte(
            "pv_accord_saisie_remunerations",
            "97-2",
            "A444-22-1",
            "Procès-verbal d'accord entre le débiteur et le créancier (saisie des rémunérations)",
        ),
        _acte(
            "pv_saisie_remunerations",
            "97-3",
            "A444-22-1",
            "Procès-verbal de saisie des rémunérations entre les mains de l'employeur",
        ),
        _acte(
            "acte_intervention_saisie_remunerations",
            "97-4",
            "A444-22-1",
            "Acte d'intervention (saisie des rémunérations)",
        ),
        _acte(
            "acte_reprise_saisie_remunerations",
            "97-5",
            "A444-22-1",
            "Acte de reprise de saisie des rémunérations",
        ),
        _acte(
            "denonciation_saisie_remunerations",
            "97-6",
            "A444-22-1",
            "Dénonciation de l'acte de saisie des rémunérations",
        ),
        _acte(
            "denonciation_intervention_saisie_remunerations",
            "97-7",
            "A444-22-1",
            "Dénonciation de l'intervention au débiteur (saisie des rémunérations)",
        ),
        _acte(
            "denonciation_saisie_remunerations_cessionnaire",
            "97-8",
            "A444-22-1",
            "Dénonciation de l'acte de saisie des rémunérations au cessionnaire",
        ),
        _acte(
            "certificat_non_contestation_saisie_remunerations",
            "97-9",
            "A444-22-1",
            "Certificat de non-contestation (saisie des rémunérations)",
        ),
        _acte(
            "inscription_commandement_registre",
            "97-10",
            "A444-22-1",
            "Inscription du commandement de payer sur le registre numérique",
            **_FORMALITE,
        ),
        _acte(
            "inscription_accord_registre",
            "97-11",
            "A444-22-1",
            "Inscription de l'accord sur le registre numérique",
            **_FORMALITE,
        ),
        _acte(
            "inscription_intervention_registre",
            "97-12",
            "A444-22-1",
            "Inscription d'un acte d'intervention sur le registre numérique",
            **_FORMALITE,
        ),
        _acte(
            "inscription_pv_saisie_registre",
            "97-13",
            "A444-22-1",
            "Inscription du procès-verbal de saisie sur le registre numérique",
            **_FORMALITE,
        ),
        _acte(
            "indication_reprise_registre",
            "97-14",
            "A444-22-1",
            "Indication de la reprise de la saisie sur le registre numérique",
            **_FORMALITE,
        ),
        _acte(
            "mention_nullite_caducite_registre",
            "97-15",
            "A444-22-1",
            "Mention par le répartiteur de la nullité ou de la caducité de la saisie "
            "sur le registre",
            **_FORMALITE,
        ),
        # A444-23: suspensions of proceedings and difficulties of service
        _acte(
            "tentative_execution",
            "98",
            "A444-23",
            "Acte de tentative d'exécution (occupant absent ou refusant l'accès)",
        ),
        _acte(
            "pv_nouvelle_adresse",
            "99",
            "A444-23",
            "Acte attestant la découverte d'une nouvelle adresse hors du ressort",
        ),
        _acte(
            "pv_difficulte_execution",
            "100",
            "A444-23",
            "Acte constatant une difficulté d'exécution",
        ),
        _acte(
            "acte_suspension_ou_recherche_infructueuse",
            "101",
            "A444-23",
            "Acte constatant une suspension d'exécution ou une recherche infructueuse",
        ),
        # A444-24: mainlevées, expulsion (A444-26: reference time of n° 106 is 15 minutes)
        _acte("mainlevee", "102", "A444-24", "Mainlevée, quittance au tiers saisi"),
        _acte(
            "mainlevee_saisie_vente",
            "103",
            "A444-24",
            "Mainlevée de saisie-vente ou d'opposition-jonction",
        ),
        _acte(
            "pv_expulsion",
            "106",
            "A444-24",
            "Procès-verbal d'expulsion ou de reprise des lieux",
            duree_reference=15,
            **_SANS_SOMME,
        ),
        # A444-33 (position in the source listing, to be checked): CPC 659 report
        _acte(
            "pv_recherches_infructueuses",
            "130",
            "A444-33",
            "Procès-verbal de recherches infructueuses (CPC 659)",
            coefficient=False,
            motif_sans_coefficient=_A444_47,
        ),
        # A444-43: formalités, requêtes et diligences (tableau 3-3)
        _acte(
            "requete_recherche_informations",
            "151",
            "A444-43",
            "Requête aux fins de recherche des informations",
            **_FORMALITE,
        ),
        _acte(
            "requete_saisie_remunerations",
            "153",
            "A444-43",
            "Requête au greffe aux fins de saisie des rémunérations (procédure antérieure au "
            "1er juillet 2025)",
            **_FORMALITE,
        ),
        _acte(
            "requete_certificat_non_contestation",
            "155",
            "A444-43",
            "Requête au greffe du juge de l'exécution aux fins de certificat de non-contestation",
            **_FORMALITE,
        ),
        _acte(
            "certificat_non_contestation",
            "156",
            "A444-43",
            "Établissement du certificat de non-contestation (saisie-attribution)",
            **_FORMALITE,
        ),
        _acte(
            "denonciation_saisine_jex",
            "157",
            "A444-43",
            "Dénonciation de la saisine du juge de l'exécution "
            "(contestation de saisie-attribution)",
            **_FORMALITE,
        ),
        _acte(
            "requisition_force_publique",
            "160",
            "A444-43",
            "Réquisition du concours de la force publique au préfet",
            **_FORMALITE,
            **_SANS_SOMME,
        ),
        # A444-44 / A444-45: émoluments fixes (sous-section 4)
        _acte(
            "echeancier_versement",
            "204",
            "A444-44",
            "Échéancier : émolument par versement encaissé",
            coefficient=False,
            motif_sans_coefficient="émolument fixe de la sous-section 4, hors A444-46",
            **_FORMALITE,
        ),
        # service-public F32973 applies the coefficient to n° 205 (6,01 € TTC = 10,02 x 0,5 x 1,2)
        _acte("ccapex_signalement", "205", "A444-45", "Signalement à la CCAPEX", **_FORMALITE),
        _acte("ccapex_transmission", "206", "A444-45", "Transmission à la CCAPEX", **_FORMALITE),
        _acte("ccapex_denonciation", "207", "A444-45", "Dénonciation à la CCAPEX", **_FORMALITE),
    )
}


def _cle_numero(acte: Acte) -> tuple[int, int]:
    principal, _, suite = acte.numero.partition("-")
    return int(principal), int(suite or 0)


def liste_actes() -> tuple[Acte, ...]:
    """Every act of the catalogue, in the order of annexe 4-7."""
    return tuple(sorted(ACTES.values(), key=_cle_numero))


def acte(code: str) -> Acte:
    """The act of that code; DonneeInvalide (French) if unknown."""
    try:
        return ACTES[code]
    except KeyError:
        raise DonneeInvalide(
            f"Acte inconnu : « {code} » (liste : clerc calcul cout-acte --lister)."
        ) from None


# --------------------------------------------------------------------------------------------
# Transitional rules of the periodic arrêtés
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Transition:
    """A tariff change with its grace period (old amounts kept until ``fin_maintien``)."""

    entree_en_vigueur: date
    fin_maintien: date
    texte: str


TRANSITIONS = (
    # Arrêté du 28 février 2020, NOR ECOC2003885A: "Les émoluments des prestations effectuées
    # avant le 1er mai 2020, ou dont la réalisation a donné lieu, avant le 1er mars 2020, au
    # versement par le client d'un acompte ou d'une provision, ou à l'engagement ... de frais ou
    # débours" stay under the former amounts.
    Transition(date(2020, 3, 1), date(2020, 4, 30), "arrêté du 28 février 2020"),
    # Arrêté du 28 février 2024, NOR ECOC2403961A: same wording with 1 March / 1 May 2024
    # (service-public prints the new amounts as "tarifs à partir de mai 2024").
    Transition(date(2024, 3, 1), date(2024, 4, 30), "arrêté du 28 février 2024"),
)


def date_tarifaire(date_prestation: date, avance_versee_le: date | None = None) -> tuple[date, str]:
    """The date at which the émoluments of a prestation are read, with the reason.

    Old amounts apply to a prestation made during the grace period of a new arrêté, and to a
    prestation for which an advance was paid (or costs committed) before the new arrêté.
    Returns (date to read, note — empty when the ordinary amounts apply).
    """
    for transition in reversed(TRANSITIONS):
        if date_prestation < transition.entree_en_vigueur:
            continue
        veille = transition.entree_en_vigueur - timedelta(days=1)
        if date_prestation <= transition.fin_maintien:
            lendemain = transition.fin_maintien + timedelta(days=1)
            return veille, (
                f"prestation effectuée avant le {_jour(lendemain)} : "
                f"émoluments antérieurs à l'{transition.texte} maintenus"
            )
        if avance_versee_le is not None and avance_versee_le < transition.entree_en_vigueur:
            return veille, (
                f"provision ou frais engagés avant le {_jour(transition.entree_en_vigueur)} : "
                f"émoluments antérieurs à l'{transition.texte} maintenus"
            )
        break
    return date_prestation, ""


def _nombre(valeur: Decimal) -> str:
    """A small decimal in French ("0,5", "2")."""
    texte = f"{valeur:f}"
    if "." in texte:
        texte = texte.rstrip("0").rstrip(".")
    return texte.replace(".", ",")


def _jour(jour: date) -> str:
    return jour.strftime("%d/%m/%Y")


# --------------------------------------------------------------------------------------------
# Scales: coefficient A444-46, DEP A444-15, proportional fees A444-31 / A444-32
# --------------------------------------------------------------------------------------------


def _decimal(valeur: Any) -> Decimal:
    return valeur if isinstance(valeur, Decimal) else Decimal(str(valeur))


def _valeur(nom: str, jour: date) -> ValeurDatee:
    return parametres().get(nom).valeur_au(jour)


@dataclass(frozen=True)
class Coefficient:
    """A444-46 coefficient for an obligation amount."""

    valeur: Decimal
    tranche: str
    source: ValeurDatee


def coefficient_a444_46(montant_obligation: Decimal, jour: date) -> Coefficient:
    """C. com. A444-46: fixed émoluments x 0,5 (obligation 0-128 €), x 1 (128-1 280 €), x 2 above.

    Bounds are inclusive on the upper side ("jusqu'à 128 €" -> 0,5), as service-public F32973
    reads them ("si la dette est inférieure ou égale à 128 €").
    """
    source = _valeur("tarif.coefficient_a444_46", jour)
    precedent = ZERO
    for tranche in source.valeur:
        plafond = tranche["jusqu_a"]
        if plafond is None or montant_obligation <= _decimal(plafond):
            borne = (
                f"plus de {format_euros(precedent)}"
                if plafond is None
                else f"de {format_euros(precedent)} à {format_euros(_decimal(plafond))}"
            )
            return Coefficient(_decimal(tranche["coefficient"]), borne, source)
        precedent = _decimal(plafond)
    raise DonneeInvalide("Barème A444-46 sans tranche ouverte.")  # pragma: no cover


@dataclass(frozen=True)
class Tranche:
    """One band of a proportional scale: [de, a] of the base, at ``taux`` percent."""

    de: Decimal
    a: Decimal | None
    assiette: Decimal
    taux: Decimal
    montant: Decimal


@dataclass(frozen=True)
class Bareme:
    """A proportional scale applied to an amount, with its trace."""

    montant: Decimal
    tranches: tuple[Tranche, ...]
    forfait_applique: bool
    plafond_applique: bool
    source: ValeurDatee


def _appliquer_bareme(
    base: Decimal,
    source: ValeurDatee,
    multiplicateur: Decimal,
    base_forfait: Decimal | None = None,
) -> Bareme:
    """Flat fee when ``base_forfait`` (default ``base``) is under the threshold, else bands."""
    structure = source.valeur
    if (base if base_forfait is None else base_forfait) <= _decimal(structure["seuil_forfait"]):
        return Bareme(_decimal(structure["forfait"]), (), True, False, source)
    tranches: list[Tranche] = []
    de = ZERO
    for brute in structure["tranches"]:
        plafond = None if brute["jusqu_a"] is None else _decimal(brute["jusqu_a"])
        haut = base if plafond is None else min(base, plafond)
        if haut <= de:
            break
        taux = _decimal(brute["taux"]) * multiplicateur
        assiette = haut - de
        tranches.append(
            Tranche(de, plafond, assiette, taux, arrondi_centime(assiette * taux / CENT))
        )
        if plafond is None or base <= plafond:
            break
        de = plafond
    total = sum((t.montant for t in tranches), ZERO)
    plafond_total = _decimal(structure["plafond"])
    if total > plafond_total:
        return Bareme(plafond_total, tuple(tranches), False, True, source)
    return Bareme(total, tuple(tranches), False, False, source)


def droit_engagement_poursuites(montant_creance: Decimal, jour: date) -> Bareme:
    """C. com. A444-15: DEP on the claim — flat fee up to 76 €, else bands, capped.

    Charged once per claim, on A444-14 commandements and A444-16 saisies except the A444-17
    list; the caller says whether it was already charged (``cout_acte(dep_deja_percu=...)``).
    Not multiplied by the A444-46 coefficient (a proportional émolument).
    """
    return _appliquer_bareme(
        montant_creance, _valeur("tarif.droit_engagement_poursuites", jour), Decimal(1)
    )


@dataclass(frozen=True)
class DroitProportionnel:
    """Result of ``droit_proportionnel``: the fee, its bands and what was applied."""

    charge: Charge
    numero: str
    article: str
    encaisse: Decimal
    date_encaissement: date
    date_tarif: date
    creance_alimentaire: bool
    du: bool
    motif: str
    montant_ht: Decimal
    tranches: tuple[Tranche, ...]
    forfait_applique: bool
    plafond_applique: bool
    taux_tva: Decimal
    tva: Decimal
    total_ttc: Decimal
    notes: tuple[str, ...] = ()
    avertissements: tuple[str, ...] = ()


def droit_proportionnel(
    encaisse: Decimal,
    date_encaissement: date,
    charge: Charge = "debiteur",
    creance_alimentaire: bool = False,
    *,
    creance_contrat_travail: bool = False,
    titre_l111_3_6: bool = False,
    avance_versee_le: date | None = None,
    territoire: str = "metropole",
    montant_creance: Decimal | None = None,
) -> DroitProportionnel:
    """Proportional recovery fee on sums collected, with the band trace.

    The flat fee depends on the **amount of the claim** ("si le montant de la créance est
    inférieur ou égal à …"), the bands on the **sums collected** (A444-31 and A444-32, 1° and
    2°). When ``montant_creance`` is not given, the sum collected stands for the claim (whole
    claim recovered, as in service-public's F10404 examples) and a note says so.

    - ``charge="debiteur"``: n° 128, C. com. A444-31 — on sums collected on the principal or the
      judgment amount (dépens excluded); flat fee up to 44 €; bands; cap; rates doubled for a
      créance alimentaire (flat fee and cap are not doubled: no source says they are).
    - ``charge="creancier"``: n° 129, C. com. A444-32 — on the total collected; flat fee up to
      188 €; bands; cap 5 540 €. Not due (R444-55 1° with R444-53 3°) when the title is one of
      CPCE L111-3 6°, or records a claim born of an employment contract or a maintenance claim.
    The two fees are cumulative (R444-55). The A444-52 remise is not applied.
    """
    if charge not in ("debiteur", "creancier"):
        raise DonneeInvalide(f"Charge inconnue : « {charge} » (attendu : debiteur ou creancier).")
    if encaisse < 0:
        raise DonneeInvalide(f"Somme encaissée négative « {encaisse} » refusée.")
    jour_tarif, note_transition = date_tarifaire(date_encaissement, avance_versee_le)
    notes = [note_transition] if note_transition else []
    numero, article = ("128", "A444-31") if charge == "debiteur" else ("129", "A444-32")
    taux_tva, source_tva = _taux_tva(territoire, date_encaissement)
    if charge == "creancier" and (creance_alimentaire or creance_contrat_travail or titre_l111_3_6):
        motifs = [
            m
            for drapeau, m in (
                (creance_alimentaire, "créance alimentaire"),
                (creance_contrat_travail, "créance née d'un contrat de travail"),
                (titre_l111_3_6, "titre mentionné au 6° de l'article L111-3 CPCE"),
            )
            if drapeau
        ]
        return DroitProportionnel(
            charge, numero, article, encaisse, date_encaissement, jour_tarif, creance_alimentaire,
            False,
            "non dû (C. com. R444-55 1° et R444-53 3°) : " + ", ".join(motifs),
            ZERO, (), False, False, taux_tva, ZERO, ZERO, tuple(notes),
            avertissements([source_tva]),
        )  # fmt: skip
    nom = "tarif.droit_proportionnel_" + ("debiteur" if charge == "debiteur" else "creancier")
    source = _valeur(nom, jour_tarif)
    if encaisse == 0:
        bareme = Bareme(ZERO, (), False, False, source)
        notes.append("aucune somme encaissée : pas de droit proportionnel")
    else:
        doublement = Decimal(2) if charge == "debiteur" and creance_alimentaire else Decimal(1)
        if montant_creance is None:
            notes.append(
                "montant de la créance non indiqué : le forfait est apprécié sur la somme encaissée"
            )
        elif montant_creance < 0:
            raise DonneeInvalide(f"Montant de la créance négatif « {montant_creance} » refusé.")
        bareme = _appliquer_bareme(encaisse, source, doublement, montant_creance)
        if doublement != 1:
            notes.append("créance alimentaire : taux doublés (A444-31)")
    tva = arrondi_centime(bareme.montant * taux_tva / CENT)
    return DroitProportionnel(
        charge=charge,
        numero=numero,
        article=article,
        encaisse=encaisse,
        date_encaissement=date_encaissement,
        date_tarif=jour_tarif,
        creance_alimentaire=creance_alimentaire,
        du=True,
        motif=f"C. com. {article} (n° {numero})",
        montant_ht=bareme.montant,
        tranches=bareme.tranches,
        forfait_applique=bareme.forfait_applique,
        plafond_applique=bareme.plafond_applique,
        taux_tva=taux_tva,
        tva=tva,
        total_ttc=bareme.montant + tva,
        notes=tuple(notes),
        avertissements=avertissements([source, source_tva]),
    )


def _taux_tva(territoire: str, jour: date) -> tuple[Decimal, ValeurDatee]:
    """CGI 278 (20 %), 296 (8,5 % in Guadeloupe, Martinique, La Réunion), 294 (none in Guyane,
    Mayotte). A territory whose regime is not recorded raises ParametreManquant."""
    source = _valeur("tarif.tva", jour)
    if territoire not in source.valeur:
        raise ParametreManquant(
            f"{source.description} [tarif.tva] pour le territoire « {territoire} »",
            jour.isoformat(),
            "régime de TVA de ce territoire non renseigné",
        )
    return _decimal(source.valeur[territoire]), source


# --------------------------------------------------------------------------------------------
# Cost of an act
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LigneCout:
    """One line of the cost block printed on an act."""

    libelle: str
    montant: Decimal
    article: str
    numero: str = ""
    detail: str = ""
    soumis_tva: bool = True


@dataclass(frozen=True)
class CoutActe:
    """Cost of an act as printed on it, every line with its article and n°.

    ``emolument_ht`` is the émolument fixed by the tariff for the prestation (with the 2025
    saisie-des-rémunérations uplift if any), before the A444-46 coefficient;
    ``emolument_coefficiente_ht`` is that amount times ``coefficient``, rounded.
    """

    acte: str
    numero: str
    article: str
    libelle: str
    date_prestation: date
    date_tarif: date
    montant_obligation: Decimal | None
    emolument_ht: Decimal
    coefficient: Decimal
    emolument_coefficiente_ht: Decimal
    dep_ht: Decimal
    vacations_ht: Decimal
    majoration_outre_mer_ht: Decimal
    frais_deplacement_ht: Decimal
    total_ht: Decimal
    taux_tva: Decimal
    tva: Decimal
    debours: Decimal
    taxe_forfaitaire: Decimal
    total_ttc: Decimal
    lignes: tuple[LigneCout, ...]
    dep_tranches: tuple[Tranche, ...] = ()
    notes: tuple[str, ...] = ()
    avertissements: tuple[str, ...] = field(default=())


def cout_acte(
    code: str,
    date_prestation: date,
    montant_obligation: Decimal | None = None,
    *,
    dep_deja_percu: bool = False,
    signification_electronique: bool = False,
    vacations: int = 0,
    debours: Decimal = ZERO,
    territoire: str = "metropole",
    avance_versee_le: date | None = None,
) -> CoutActe:
    """Coût de l'acte at ``date_prestation`` (see the module docstring for the formula).

    ``montant_obligation``: the sum of money the act is about (A444-46) and the claim for the
    DEP (A444-15); None for an act not about a sum of money (no coefficient). ``vacations``:
    extra half-hours beyond the reference time (A444-18). ``debours``: disbursements charged at
    cost, outside VAT (e.g. the CPC 658 letter). ``territoire``: "metropole" or an overseas
    territory (A444-10 uplift, CGI 294/296 VAT). Raises ParametreManquant naming the missing
    figure when an amount is not known for the date.
    """
    fiche = acte(code)
    if montant_obligation is not None and montant_obligation < 0:
        raise DonneeInvalide(f"Montant de l'obligation négatif « {montant_obligation} » refusé.")
    if debours < 0:
        raise DonneeInvalide(f"Débours négatifs « {debours} » refusés.")
    if vacations < 0:
        raise DonneeInvalide(f"Nombre de vacations négatif « {vacations} » refusé.")
    if vacations and fiche.duree_reference is None:
        raise DonneeInvalide(
            f"L'acte « {code} » n'a pas de durée de référence : pas de vacation (A444-18)."
        )
    if fiche.droit_engagement_poursuites and montant_obligation is None and not dep_deja_percu:
        raise DonneeInvalide(
            f"L'acte « {code} » donne lieu au droit d'engagement des poursuites (A444-15) : "
            "indiquez le montant de la créance."
        )

    jour_tarif, note_transition = date_tarifaire(date_prestation, avance_versee_le)
    notes: list[str] = [note_transition] if note_transition else []
    sources: list[ValeurDatee] = []
    lignes: list[LigneCout] = []

    # Émolument of the prestation (A444-11 ff.), plus the 2025 saisie-des-rémunérations uplift.
    source_emolument = _valeur(fiche.parametre, jour_tarif)
    sources.append(source_emolument)
    emolument = _decimal(source_emolument.valeur)
    detail_emolument = f"n° {fiche.numero} : {format_euros(emolument)}"
    if fiche.saisie_remunerations:  # arrêté du 20 juin 2025, art. 2
        source_majoration = _valeur("tarif.majorations_saisie_remunerations", date_prestation)
        sources.append(source_majoration)
        majoration = _decimal(source_majoration.valeur.get(fiche.numero, ZERO))
        if majoration:
            emolument += majoration
            detail_emolument += f" + majoration temporaire {format_euros(majoration)}"

    # Coefficient A444-46 (exclusions A444-47).
    coefficient = Decimal(1)
    if not fiche.coefficient:
        notes.append(f"coefficient non appliqué : {fiche.motif_sans_coefficient}")
    elif montant_obligation is None:
        notes.append("coefficient non appliqué : aucun montant d'obligation indiqué (A444-46)")
    else:
        coef = coefficient_a444_46(montant_obligation, jour_tarif)
        sources.append(coef.source)
        coefficient = coef.valeur
        detail_emolument += f" × {_nombre(coefficient)} (A444-46, obligation {coef.tranche})"
    emolument_coefficiente = arrondi_centime(emolument * coefficient)
    lignes.append(
        LigneCout(
            f"Émolument : {fiche.libelle}",
            emolument_coefficiente,
            f"C. com. {fiche.article}" + (", A444-46" if coefficient != 1 else ""),
            fiche.numero,
            detail_emolument,
        )
    )

    # Droit d'engagement des poursuites (A444-15), once per claim.
    dep = ZERO
    dep_tranches: tuple[Tranche, ...] = ()
    if fiche.droit_engagement_poursuites:
        if dep_deja_percu:
            notes.append(
                "droit d'engagement des poursuites déjà perçu pour cette créance (A444-15)"
            )
        else:
            assert montant_obligation is not None  # checked above
            bareme = droit_engagement_poursuites(montant_obligation, jour_tarif)
            sources.append(bareme.source)
            dep = bareme.montant
            dep_tranches = bareme.tranches
            lignes.append(
                LigneCout(
                    "Droit d'engagement des poursuites",
                    dep,
                    "C. com. A444-15",
                    detail=_detail_bareme(bareme),
                )
            )

    # Vacations (A444-18), not multiplied by the coefficient (A444-47).
    montant_vacations = ZERO
    if vacations:
        source_vacation = _valeur("tarif.vacation", jour_tarif)
        sources.append(source_vacation)
        montant_vacations = arrondi_centime(_decimal(source_vacation.valeur) * vacations)
        lignes.append(
            LigneCout(
                "Vacations",
                montant_vacations,
                "C. com. A444-18",
                detail=f"{vacations} × {format_euros(_decimal(source_vacation.valeur))} par "
                f"demi-heure au-delà de {fiche.duree_reference} minutes",
            )
        )

    # Overseas uplift of the émoluments (A444-10).
    majoration_outre_mer = ZERO
    if territoire != "metropole":
        source_om = _valeur("tarif.majoration_outre_mer", jour_tarif)
        if territoire not in source_om.valeur:
            raise ParametreManquant(
                f"{source_om.description} [tarif.majoration_outre_mer] pour « {territoire} »",
                jour_tarif.isoformat(),
                "taux de ce territoire non relevé pour cette période",
            )
        sources.append(source_om)
        taux_om = _decimal(source_om.valeur[territoire])
        base_om = emolument_coefficiente + dep + montant_vacations
        majoration_outre_mer = arrondi_centime(base_om * taux_om / CENT)
        lignes.append(
            LigneCout(
                "Majoration outre-mer des émoluments",
                majoration_outre_mer,
                "C. com. A444-10",
                detail=f"{format_taux(taux_om)} de {format_euros(base_om)} ({territoire})",
            )
        )

    # Travel fee (A444-48), at the date of the prestation (frais, not émoluments).
    frais_deplacement = ZERO
    if fiche.frais_deplacement:
        nom = "tarif.frais_deplacement" + ("_electronique" if signification_electronique else "")
        source_deplacement = _valeur(nom, date_prestation)
        sources.append(source_deplacement)
        frais_deplacement = _decimal(source_deplacement.valeur)
        lignes.append(
            LigneCout(
                "Frais de déplacement",
                frais_deplacement,
                "C. com. A444-48 " + ("2°" if signification_electronique else "1°"),
            )
        )

    total_ht = emolument_coefficiente + dep + montant_vacations + majoration_outre_mer
    total_ht += frais_deplacement
    taux_tva, source_tva = _taux_tva(territoire, date_prestation)
    sources.append(source_tva)
    tva = arrondi_centime(total_ht * taux_tva / CENT)
    lignes.append(
        LigneCout(
            "TVA",
            tva,
            "CGI 278" if territoire == "metropole" else "CGI 294, 296",
            detail=f"{format_taux(taux_tva)} de {format_euros(total_ht)}",
            soumis_tva=False,
        )
    )
    if debours:
        lignes.append(LigneCout("Débours", debours, "C. com. R444-2", soumis_tva=False))

    # Taxe forfaitaire CGI 302 bis Y (acts before 1 January 2021).
    taxe = ZERO
    if fiche.taxe_forfaitaire:
        source_taxe = _valeur("tarif.taxe_forfaitaire", date_prestation)
        taxe = _decimal(source_taxe.valeur)
        if taxe:
            sources.append(source_taxe)
            lignes.append(LigneCout("Taxe forfaitaire", taxe, "CGI 302 bis Y", soumis_tva=False))

    return CoutActe(
        acte=fiche.code,
        numero=fiche.numero,
        article=f"C. com. {fiche.article}",
        libelle=fiche.libelle,
        date_prestation=date_prestation,
        date_tarif=jour_tarif,
        montant_obligation=montant_obligation,
        emolument_ht=emolument,
        coefficient=coefficient,
        emolument_coefficiente_ht=emolument_coefficiente,
        dep_ht=dep,
        vacations_ht=montant_vacations,
        majoration_outre_mer_ht=majoration_outre_mer,
        frais_deplacement_ht=frais_deplacement,
        total_ht=total_ht,
        taux_tva=taux_tva,
        tva=tva,
        debours=debours,
        taxe_forfaitaire=taxe,
        total_ttc=total_ht + tva + debours + taxe,
        lignes=tuple(lignes),
        dep_tranches=dep_tranches,
        notes=tuple(notes),
        avertissements=avertissements(sources),
    )


def _detail_bareme(bareme: Bareme) -> str:
    if bareme.forfait_applique:
        return f"forfait {format_euros(bareme.montant)}"
    parts = [f"{format_euros(t.assiette)} × {format_taux(t.taux)}" for t in bareme.tranches]
    texte = " + ".join(parts)
    return texte + (" (plafonné)" if bareme.plafond_applique else "")


# --------------------------------------------------------------------------------------------
# Who bears the cost (CPCE L111-8, C. com. R444-55)
# --------------------------------------------------------------------------------------------

NatureFrais = Literal[
    "acte",
    "droit_engagement_poursuites",
    "droit_proportionnel_debiteur",
    "droit_proportionnel_creancier",
]


@dataclass(frozen=True)
class Imputation:
    """Who bears a cost, and why."""

    partie: Charge
    motif: str
    articles: tuple[str, ...]


def charge_des_frais(
    nature: NatureFrais,
    *,
    titre_executoire: bool = True,
    acte_manifestement_inutile: bool = False,
    acte_prescrit_par_la_loi: bool = False,
    decision_jex_mauvaise_foi: bool = False,
    petites_creances: bool = False,
) -> Imputation:
    """CPCE L111-8 and C. com. R444-55: the debtor's or the creditor's cost.

    - L111-8 al. 1: the costs of forced execution are borne by the debtor, unless they were
      plainly unnecessary at the time they were incurred.
    - L111-8 al. 2: recovery costs incurred without an enforceable title stay with the creditor,
      except acts the law requires of the creditor, and unless the JEX puts them on a debtor of
      bad faith.
    - CPCE L125-1 procedure (petites créances): the costs stay with the creditor.
    - R444-55: n° 128 (A444-31) is the debtor's, n° 129 (A444-32) the creditor's; the DEP follows
      the act it is charged on (A444-15).
    Simplified: the counterfeiting case of R444-55 2° is not modelled.
    """
    if nature == "droit_proportionnel_creancier":
        return Imputation(
            "creancier",
            "droit proportionnel du n° 129 à la charge du créancier",
            ("C. com. A444-32", "C. com. R444-55"),
        )
    if nature == "droit_proportionnel_debiteur":
        return Imputation(
            "debiteur",
            "droit proportionnel du n° 128 à la charge du débiteur",
            ("C. com. A444-31", "C. com. R444-55", "CPCE L111-8"),
        )
    if nature not in ("acte", "droit_engagement_poursuites"):
        raise DonneeInvalide(f"Nature de frais inconnue : « {nature} ».")
    suffixe = (
        " (le droit d'engagement des poursuites suit l'acte, A444-15)"
        if (nature == "droit_engagement_poursuites")
        else ""
    )
    if petites_creances:
        return Imputation(
            "creancier",
            "procédure simplifiée de recouvrement des petites créances : frais à la charge du "
            "créancier" + suffixe,
            ("CPCE L125-1",),
        )
    if not titre_executoire:
        if acte_prescrit_par_la_loi:
            return Imputation(
                "debiteur",
                "acte dont l'accomplissement est prescrit par la loi au créancier" + suffixe,
                ("CPCE L111-8 al. 2",),
            )
        if decision_jex_mauvaise_foi:
            return Imputation(
                "debiteur",
                "mis à la charge du débiteur de mauvaise foi par le juge de l'exécution" + suffixe,
                ("CPCE L111-8 al. 2",),
            )
        return Imputation(
            "creancier",
            "frais de recouvrement engagés sans titre exécutoire" + suffixe,
            ("CPCE L111-8 al. 2",),
        )
    if acte_manifestement_inutile:
        return Imputation(
            "creancier",
            "frais d'exécution manifestement inutiles au moment où ils ont été exposés" + suffixe,
            ("CPCE L111-8 al. 1",),
        )
    return Imputation("debiteur", "frais de l'exécution forcée" + suffixe, ("CPCE L111-8 al. 1",))
