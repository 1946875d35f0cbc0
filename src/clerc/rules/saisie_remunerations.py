"""Saisie des rémunérations: the seizable part of a monthly net pay (quotité saisissable).

Texts applied (Code du travail, partie réglementaire, and CPCE since the 2025 reform):

- **C. trav. L3252-2, R3252-2**: the pay is seizable only by bands of the ANNUAL net pay,
  1/20, 1/10, 1/5, 1/4, 1/3, 2/3, then all of it above the sixth threshold; thresholds revised
  every year by decree (parameter ``saisie_remunerations.bareme``).
- **C. trav. R3252-3**: each threshold is raised by a fixed annual amount per dependant, on proof
  (parameter ``saisie_remunerations.majoration_personne_a_charge``).
- **C. trav. L3252-5 al. 2, R3252-5**: whatever the claim, a sum equal to the RSA montant
  forfaitaire for a one-person household is always left to the employee (parameter
  ``rsa.montant_forfaitaire_personne_seule``); the seizable part is capped at pay − RSA.
- **C. trav. L3252-5 al. 1**: paiement direct of a maintenance claim (current month plus the
  6 last unpaid months, 24 when the organisme débiteur des prestations familiales acts for the
  creditor, wording in force since 1 April 2016) may be taken from the WHOLE pay, first from the
  unseizable fraction, then from the seizable one; the seizure by other creditors goes on with
  what is left of the seizable fraction (C. trav. R3252-39 until 30 June 2025, CPCE R212-1-35
  since 1 July 2025).
- **C. trav. L3252-4**: with several payers, the seizable fraction is computed on the total.

Method (the one of every published computation we checked, docs/saisie_remunerations.md):
annual pay = 12 x monthly net pay; scale applied on exact values (rational arithmetic, the 1/3
and 2/3 bands are not rounded); the annual seizable amount is divided by 12 and rounded ONCE, to
the cent, half up. The per-band monthly amounts in the trace are rounded for display only and
may not add up to the total by a cent.

Simplified: the pay is taken as given (net of compulsory contributions and of the income-tax
withholding, L3252-3); the choice of which months to average is the caller's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.monnaie import ZERO, montant
from clerc.rules.parametres import ValeurDatee, avertissements, parametres

PARAMETRE_BAREME = "saisie_remunerations.bareme"
PARAMETRE_MAJORATION = "saisie_remunerations.majoration_personne_a_charge"
PARAMETRE_RSA = "rsa.montant_forfaitaire_personne_seule"

#: Day the wage-seizure reform (loi 2023-1059 art. 47, décret 2025-125) came into force.
REFORME_2025 = date(2025, 7, 1)
#: Day L3252-5 started allowing 24 months of arrears when the CAF/MSA acts (LFSS 2016 art. 44).
ARRIERES_ORGANISME_DEPUIS = date(2016, 4, 1)

MOIS_PAR_AN = 12


@dataclass(frozen=True)
class Tranche:
    """One band of the R3252-2 scale as applied to this pay (annual bounds, dependants included)."""

    numero: int
    borne_inferieure: Decimal
    borne_superieure: Decimal | None
    fraction: str
    assiette_annuelle: Decimal
    montant_annuel: Decimal
    montant_mensuel: Decimal

    @property
    def borne_inferieure_mensuelle(self) -> Decimal:
        return _euros(Fraction(self.borne_inferieure) / MOIS_PAR_AN)

    @property
    def borne_superieure_mensuelle(self) -> Decimal | None:
        if self.borne_superieure is None:
            return None
        return _euros(Fraction(self.borne_superieure) / MOIS_PAR_AN)


@dataclass(frozen=True)
class QuotiteSaisissable:
    """Seizable and left parts of one monthly net pay at a date, with their trace."""

    date: date
    remuneration_nette_mensuelle: Decimal
    personnes_a_charge: int
    creance_alimentaire: bool
    quotite_saisissable: Decimal
    montant_laisse: Decimal
    quotite_bareme: Decimal
    rsa_laisse: Decimal
    plafonnee_par_rsa: bool
    majoration_par_personne_a_charge: Decimal
    tranches: tuple[Tranche, ...]
    references: tuple[str, ...]
    avertissements: tuple[str, ...]


@dataclass(frozen=True)
class PaiementDirect:
    """One month of paiement direct of a maintenance claim alongside an ordinary seizure."""

    date: date
    remuneration_nette_mensuelle: Decimal
    demande_alimentaire: Decimal
    preleve_pour_creancier_aliments: Decimal
    impute_sur_fraction_insaisissable: Decimal
    impute_sur_fraction_saisissable: Decimal
    quotite_restante_autres_creanciers: Decimal
    montant_laisse: Decimal
    rsa_laisse: Decimal
    quotite: QuotiteSaisissable
    references: tuple[str, ...]
    avertissements: tuple[str, ...]


@dataclass(frozen=True)
class PartPayeur:
    """Share of the seizable fraction proposed for one payer (L3252-4)."""

    payeur: str
    remuneration_nette_mensuelle: Decimal
    retenue: Decimal


@dataclass(frozen=True)
class QuotitePlusieursPayeurs:
    """Seizable fraction computed on the total pay of several payers, and its split."""

    quotite: QuotiteSaisissable
    repartition: tuple[PartPayeur, ...]
    references: tuple[str, ...]
    avertissements: tuple[str, ...]


def _euros(valeur: Fraction) -> Decimal:
    """Exact rational to euros, rounded half up to the cent (non-negative values)."""
    if valeur < 0:
        return -_euros(-valeur)
    centimes = (valeur * 100 + Fraction(1, 2)).__floor__()
    return (Decimal(centimes) / 100).quantize(Decimal("0.01"))


def _fraction(texte: object) -> Fraction:
    return Fraction(str(texte))


def _bareme(
    jour: date, personnes_a_charge: int
) -> tuple[list[Fraction], list[Fraction], ValeurDatee, ValeurDatee]:
    """(thresholds raised for dependants, fractions, the two dated values used)."""
    table = parametres()
    bareme = table.valeur_au(PARAMETRE_BAREME, jour)
    majoration = table.valeur_au(PARAMETRE_MAJORATION, jour)
    increment = Fraction(majoration.valeur) * personnes_a_charge  # R3252-3
    seuils = [Fraction(seuil) + increment for seuil in bareme.valeur["seuils"]]  # R3252-2
    fractions = [_fraction(f) for f in bareme.valeur["fractions"]]
    if len(fractions) != len(seuils) + 1:
        raise DonneeInvalide(
            f"{PARAMETRE_BAREME} : {len(seuils)} seuils pour {len(fractions)} fractions."
        )
    return seuils, fractions, bareme, majoration


def _references(jour: date, alimentaire: bool) -> tuple[str, ...]:
    refs = [
        "C. trav. L3252-2",
        "C. trav. R3252-2",
        "C. trav. R3252-3",
        "C. trav. L3252-5 al. 2",
        "C. trav. R3252-5",
    ]
    if alimentaire:
        refs.append("C. trav. L3252-5 al. 1")
        refs.append("CPCE R212-1-35" if jour >= REFORME_2025 else "C. trav. R3252-39")
    return tuple(refs)


def _valider(remuneration: Decimal, personnes_a_charge: int) -> Decimal:
    remuneration = montant(remuneration, "rémunération nette mensuelle")
    if isinstance(personnes_a_charge, bool) or not isinstance(personnes_a_charge, int):
        raise DonneeInvalide(
            f"personnes à charge : nombre entier attendu (« {personnes_a_charge} »)."
        )
    if personnes_a_charge < 0:
        raise DonneeInvalide(
            f"personnes à charge : nombre négatif « {personnes_a_charge} » refusé."
        )
    return remuneration


def quotite_saisissable(
    remuneration_nette_mensuelle: Decimal,
    date: date,
    personnes_a_charge: int = 0,
    creance_alimentaire: bool = False,
) -> QuotiteSaisissable:
    """Seizable part of a monthly net pay on ``date`` (C. trav. R3252-2, R3252-3, R3252-5).

    ``creance_alimentaire=True`` gives the ceiling of a paiement direct of maintenance
    (L3252-5 al. 1): everything above the RSA left to the employee; the scale amount is still
    computed and returned in ``quotite_bareme`` and ``tranches``.
    """
    remuneration = _valider(remuneration_nette_mensuelle, personnes_a_charge)
    seuils, fractions, bareme, majoration = _bareme(date, personnes_a_charge)
    rsa = parametres().valeur_au(PARAMETRE_RSA, date)
    rsa_laisse = Decimal(rsa.valeur)

    annuel = Fraction(remuneration) * MOIS_PAR_AN
    tranches: list[Tranche] = []
    total = Fraction(0)
    bas = Fraction(0)
    bornes: list[Fraction | None] = [*seuils, None]
    for numero, (haut, fraction) in enumerate(zip(bornes, fractions, strict=True), start=1):
        if annuel <= bas:
            break
        assiette = (annuel if haut is None else min(annuel, haut)) - bas
        part = assiette * fraction
        total += part
        tranches.append(
            Tranche(
                numero=numero,
                borne_inferieure=Decimal(bas.numerator) / Decimal(bas.denominator),
                borne_superieure=None
                if haut is None
                else Decimal(haut.numerator) / Decimal(haut.denominator),
                fraction="totalité" if fraction == 1 else str(fraction),
                assiette_annuelle=_euros(assiette),
                montant_annuel=_euros(part),
                montant_mensuel=_euros(part / MOIS_PAR_AN),
            )
        )
        if haut is None:
            break
        bas = haut

    quotite_bareme = _euros(total / MOIS_PAR_AN)  # rounded once, half up
    plafond = max(remuneration - rsa_laisse, ZERO)  # R3252-5: the RSA is always left
    if creance_alimentaire:
        quotite = plafond  # L3252-5 al. 1: the whole pay above the RSA floor
        plafonnee = True
    else:
        quotite = min(quotite_bareme, plafond)
        plafonnee = quotite < quotite_bareme
    quotite = quotite.quantize(Decimal("0.01"))
    notes = list(avertissements([bareme, majoration, rsa]))
    if creance_alimentaire:
        notes.append(
            "Créance alimentaire (paiement direct) : prélèvement possible sur toute la "
            "rémunération au-delà du RSA laissé au salarié, pour le terme courant et les "
            "arriérés admis (L3252-5, CPCE L213-4) ; voir paiement_direct pour l'imputation."
        )
    return QuotiteSaisissable(
        date=date,
        remuneration_nette_mensuelle=remuneration,
        personnes_a_charge=personnes_a_charge,
        creance_alimentaire=creance_alimentaire,
        quotite_saisissable=quotite,
        montant_laisse=remuneration - quotite,
        quotite_bareme=quotite_bareme,
        rsa_laisse=rsa_laisse,
        plafonnee_par_rsa=plafonnee,
        majoration_par_personne_a_charge=Decimal(majoration.valeur),
        tranches=tuple(tranches),
        references=_references(date, creance_alimentaire),
        avertissements=tuple(notes),
    )


def mois_arrieres_admis(
    date_notification: date, organisme_prestations_familiales: bool = False
) -> int:
    """Months of unpaid maintenance a paiement direct may cover (C. trav. L3252-5, CPCE L213-4).

    6 last months; 24 when the organisme débiteur des prestations familiales (CAF, MSA) acts
    for the creditor, in the wording in force since 1 April 2016 (before: 6 in every case; the
    2014-2016 experiment in 20 départements is not modelled).
    """
    if organisme_prestations_familiales and date_notification >= ARRIERES_ORGANISME_DEPUIS:
        return 24
    return 6


def paiement_direct(
    remuneration_nette_mensuelle: Decimal,
    date: date,
    terme_mensuel: Decimal,
    fraction_arrieres: Decimal = ZERO,
    personnes_a_charge: int = 0,
    mois_arrieres: int = 0,
    organisme_prestations_familiales: bool = False,
) -> PaiementDirect:
    """Split one month of pay between a paiement direct of maintenance and other creditors.

    C. trav. L3252-5 al. 1: the current month (``terme_mensuel``) plus the monthly instalment of
    arrears (``fraction_arrieres``: CPCE L213-4 spreads them over 12 months, or up to 24 when the
    CAF acts, R213-11) is taken from the whole pay, first from the unseizable fraction, then from
    the seizable one; the RSA is always left (R3252-5). R3252-39 / R212-1-35: the employer keeps
    paying the seizable fraction to the other creditors, less what went to the maintenance
    creditor. ``mois_arrieres`` (number of unpaid months covered) is checked against L3252-5.
    """
    quotite = quotite_saisissable(remuneration_nette_mensuelle, date, personnes_a_charge)
    terme = montant(terme_mensuel, "terme mensuel de la pension")
    arrieres = montant(fraction_arrieres, "fraction mensuelle des arriérés")
    admis = mois_arrieres_admis(date, organisme_prestations_familiales)
    if mois_arrieres < 0 or mois_arrieres > admis:
        raise DonneeInvalide(
            f"arriérés : {mois_arrieres} mois demandés, le paiement direct n'en couvre que {admis} "
            "(C. trav. L3252-5, CPCE L213-4)."
        )
    remuneration = quotite.remuneration_nette_mensuelle
    demande = terme + arrieres
    disponible = max(remuneration - quotite.rsa_laisse, ZERO)
    preleve = min(demande, disponible)
    insaisissable_au_dela_rsa = max(
        remuneration - quotite.quotite_saisissable - quotite.rsa_laisse, ZERO
    )
    sur_insaisissable = min(preleve, insaisissable_au_dela_rsa)
    sur_saisissable = preleve - sur_insaisissable
    restante = quotite.quotite_saisissable - sur_saisissable
    notes = list(quotite.avertissements)
    if preleve < demande:
        notes.append(
            f"Rémunération insuffisante : {demande - preleve} € de la pension ne peuvent être "
            "prélevés ce mois-ci (le RSA reste au salarié, R3252-5)."
        )
    return PaiementDirect(
        date=date,
        remuneration_nette_mensuelle=remuneration,
        demande_alimentaire=demande,
        preleve_pour_creancier_aliments=preleve,
        impute_sur_fraction_insaisissable=sur_insaisissable,
        impute_sur_fraction_saisissable=sur_saisissable,
        quotite_restante_autres_creanciers=restante,
        montant_laisse=remuneration - preleve - restante,
        rsa_laisse=quotite.rsa_laisse,
        quotite=quotite,
        references=(*_references(date, True), "CPCE L213-4"),
        avertissements=tuple(notes),
    )


def quotite_saisissable_plusieurs_payeurs(
    remunerations: Mapping[str, Decimal] | Sequence[Decimal],
    date: date,
    personnes_a_charge: int = 0,
    creance_alimentaire: bool = False,
) -> QuotitePlusieursPayeurs:
    """Seizable fraction for a debtor paid by several payers (C. trav. L3252-4).

    The fraction is computed on the total of the sums paid (L3252-4 al. 1). How the deductions
    are spread among payers is left by L3252-4 al. 2 to a décret en Conseil d'État; before
    1 July 2025 the judge designated the employers in charge (former procedure). We did not
    find the post-reform text: the split returned here is a PROPOSAL in proportion to each pay
    (cents allotted by largest remainder so that the parts add up to the total), and the
    result says so.
    """
    if isinstance(remunerations, Mapping):
        paires = [
            (str(nom), montant(valeur, f"rémunération ({nom})"))
            for nom, valeur in remunerations.items()
        ]
    else:
        paires = [
            (f"payeur {i}", montant(valeur, f"rémunération (payeur {i})"))
            for i, valeur in enumerate(remunerations, 1)
        ]
    if not paires:
        raise DonneeInvalide("plusieurs payeurs : aucune rémunération donnée.")
    total = sum((valeur for _, valeur in paires), ZERO)
    quotite = quotite_saisissable(total, date, personnes_a_charge, creance_alimentaire)
    centimes_total = int(quotite.quotite_saisissable * 100)
    if total == 0:
        parts_exactes = [Fraction(0) for _ in paires]
    else:
        parts_exactes = [
            Fraction(centimes_total) * Fraction(valeur) / Fraction(total) for _, valeur in paires
        ]
    parts = [int(p) for p in parts_exactes]  # floor (non-negative)
    reste = centimes_total - sum(parts)
    ordre = sorted(range(len(paires)), key=lambda i: (-(parts_exactes[i] - parts[i]), i))
    for i in ordre[:reste]:
        parts[i] += 1
    repartition = tuple(
        PartPayeur(payeur=nom, remuneration_nette_mensuelle=valeur, retenue=Decimal(parts[i]) / 100)
        for i, (nom, valeur) in enumerate(paires)
    )
    notes = (
        *quotite.avertissements,
        "Plusieurs payeurs : quotité calculée sur le total (C. trav. L3252-4) ; la répartition "
        "entre payeurs est une proposition au prorata des rémunérations, les modalités de retenue "
        "relevant du décret prévu à L3252-4 al. 2.",
    )
    return QuotitePlusieursPayeurs(
        quotite=quotite,
        repartition=repartition,
        references=(*quotite.references, "C. trav. L3252-4"),
        avertissements=notes,
    )
