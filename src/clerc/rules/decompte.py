"""Debt statement (décompte) of a claim at any date: principal, costs, interest, payments.

What it applies (paraphrased):
- interest: :mod:`clerc.rules.interets` (legal rate by category with the L313-3 majoration, a
  conventional rate, or none; capitalisation C. civ. 1343-2 when ordered);
- payments are imputed when made, in legal order (:mod:`clerc.rules.imputation`): costs, then
  interest, then principal (C. civ. 1343-1; Cass. 1re civ., 7 févr. 1995, n° 92-14.216), or
  principal first when a judge ordered it with délais de grâce (C. civ. 1343-5 al. 3); interest
  is recomputed between payments on the capital that remains;
- CPCE R211-1 3° (saisie-attribution): the act states separately principal, costs and accrued
  interest, plus a provision for the interest of the one-month contestation delay
  (``provision_un_mois``).

Which sums bear interest (our choice, docs/decompte.md):
- the principal, under the claim's regime (title or contract);
- article 700 sums: yes by default, at the legal rate from the judgment, because "la
  condamnation à une indemnité emporte intérêts au taux légal même en l'absence de demande ou
  de disposition spéciale du jugement" (C. civ. 1231-7, former 1153-1), applied to article 700
  sums by Cass. 2e civ., 6 mai 1999, n° 96-20.827; ``porte_interets: false`` when the title
  rules otherwise;
- dépens: no, unless the title says so (``porte_interets: true``): they are costs, not an
  indemnity, so 1231-7 does not reach them (not confirmed by a ruling we read);
- costs of enforcement acts (frais et émoluments): never (CPCE L111-8 puts them on the
  debtor, no text makes them bear interest).
Accessory sums bearing interest use the legal rate of the claim's category, with the claim's
majoration date when its regime is the legal rate.

Imputation classes: "frais" = acts and dépens (oldest first); interest (principal's first,
then in the order the sums were given); "principal" = the principal then article 700 sums.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any, NamedTuple

from clerc.rules.dates import ajouter_mois
from clerc.rules.erreurs import DonneeInvalide, ParametreManquant
from clerc.rules.imputation import parts_imputees
from clerc.rules.interets import (
    CATEGORIES,
    MODES,
    Bareme,
    Capitalisation,
    Cours,
    PeriodeBrute,
    PeriodeInterets,
    RegimeInterets,
    parametres_en_vigueur,
    periode,
)
from clerc.rules.monnaie import ZERO, format_euros, format_taux, montant

NATURES_FRAIS = ("acte", "depens", "article_700")
Jour = date  # alias: dataclasses below have a field named ``date``
LIBELLES_NATURE = {
    "acte": "Frais et émoluments d'actes",
    "depens": "Dépens",
    "article_700": "Article 700 du code de procédure civile",
}


@dataclass(frozen=True)
class Frais:
    """A cost or accessory sum: an enforcement act, the dépens, an article 700 award."""

    libelle: str
    date: date
    montant: Decimal
    nature: str = "acte"
    porte_interets: bool | None = None  # None: default of the nature (article 700 only)
    interets_depuis: Jour | None = None  # default: ``date`` (exclusive)

    def __post_init__(self) -> None:
        if self.nature not in NATURES_FRAIS:
            raise DonneeInvalide(
                f"Nature de frais inconnue « {self.nature} » "
                f"(attendu : {', '.join(NATURES_FRAIS)})."
            )
        _verifier_montant(self.montant, f"frais « {self.libelle} »")
        if self.nature == "acte" and self.porte_interets:
            raise DonneeInvalide(
                f"frais « {self.libelle} » : les frais d'actes d'exécution ne portent pas "
                "intérêts (CPCE L111-8)."
            )

    @property
    def productif_d_interets(self) -> bool:
        if self.porte_interets is not None:
            return self.porte_interets
        return self.nature == "article_700"  # C. civ. 1231-7; Cass. 2e civ., 6 mai 1999


@dataclass(frozen=True)
class Paiement:
    date: date
    montant: Decimal
    libelle: str = ""

    def __post_init__(self) -> None:
        _verifier_montant(self.montant, "paiement")
        if self.montant == 0:
            raise DonneeInvalide(f"Paiement nul au {self.date.isoformat()}.")


@dataclass(frozen=True)
class Creance:
    """A claim under one title: principal from ``date``, its interest regime, costs, payments."""

    principal: Decimal
    date: date
    regime: RegimeInterets
    interets_depuis: Jour | None = None  # default: ``date`` (exclusive, docs/interets.md)
    frais: tuple[Frais, ...] = ()
    paiements: tuple[Paiement, ...] = ()
    titre: str = ""
    imputation_capital_d_abord: bool = False  # C. civ. 1343-5 al. 3

    def __post_init__(self) -> None:
        _verifier_montant(self.principal, "principal")
        for rang, paiement in enumerate(self.paiements):
            if paiement.date < self.date:
                raise DonneeInvalide(
                    f"paiements[{rang}] : paiement du {paiement.date.isoformat()} antérieur à la "
                    f"date de la créance ({self.date.isoformat()})."
                )
        object.__setattr__(self, "paiements", tuple(sorted(self.paiements, key=lambda p: p.date)))
        object.__setattr__(self, "frais", tuple(self.frais))


class ImputationPaiement(NamedTuple):
    """One payment and how it was imputed (C. civ. 1343-1)."""

    date: date
    montant: Decimal
    libelle: str
    frais: Decimal
    interets: Decimal
    principal: Decimal
    reliquat: Decimal


class LigneDecompte(NamedTuple):
    """One line of the chronological trace, with the balance after it."""

    date: date
    libelle: str
    montant: Decimal
    solde: Decimal


@dataclass(frozen=True)
class Solde:
    """What remains due at the décompte date, by component, after imputation."""

    principal: Decimal
    article_700: Decimal
    depens: Decimal
    frais: Decimal
    interets: Decimal

    @property
    def total(self) -> Decimal:
        return self.principal + self.article_700 + self.depens + self.frais + self.interets


@dataclass(frozen=True)
class Decompte:
    """The statement at ``au``: gross amounts (as an act prints them), balance, trace."""

    au: date
    titre: str
    date_creance: date
    principal: Decimal  # principal of the title
    article_700: Decimal
    depens: Decimal
    frais: Decimal  # frais et émoluments of acts dated up to ``au``
    interets_echus: Decimal  # all interest accrued up to ``au`` (before imputation)
    paiements: Decimal  # payments made up to ``au``
    solde: Solde
    trop_percu: Decimal
    provision_interets: Decimal  # CPCE R211-1 3° (zero unless asked)
    periodes_brutes: tuple[PeriodeBrute, ...]  # the trace as computed; see ``periodes``
    imputations: tuple[ImputationPaiement, ...]
    capitalisations: tuple[Capitalisation, ...] = ()
    periodes_provision: tuple[PeriodeInterets, ...] = ()
    frais_retenus: tuple[Frais, ...] = ()
    avertissements: tuple[str, ...] = ()
    provision_jusqu_au: date | None = None

    @cached_property
    def periodes(self) -> tuple[PeriodeInterets, ...]:
        """Every interest period, in computation order (built on first access)."""
        return tuple(periode(brute) for brute in self.periodes_brutes)

    @property
    def total(self) -> Decimal:
        """Balance due at ``au`` (= gross amounts - payments + trop-perçu)."""
        return self.solde.total

    @property
    def total_avec_provision(self) -> Decimal:
        return self.total + self.provision_interets

    def presentation_acte(self) -> tuple[tuple[str, Decimal], ...]:
        """The lines an act prints (CPCE R211-1 3°: principal, costs, interest separately)."""
        lignes: list[tuple[str, Decimal]] = [("Principal", self.principal)]
        if self.article_700:
            lignes.append((LIBELLES_NATURE["article_700"], self.article_700))
        if self.depens:
            lignes.append((LIBELLES_NATURE["depens"], self.depens))
        if self.frais:
            lignes.append(("Frais de procédure (actes)", self.frais))
        lignes.append((f"Intérêts échus au {self.au.isoformat()}", self.interets_echus))
        if self.paiements:
            lignes.append(("Acomptes versés", -self.paiements))
        if self.trop_percu:
            lignes.append(("Trop-perçu à restituer", self.trop_percu))
        lignes.append(("Total dû", self.total))
        if self.provision_jusqu_au is not None:
            lignes.append(
                (
                    "Provision pour intérêts à échoir jusqu'au "
                    f"{self.provision_jusqu_au.isoformat()} (CPCE R211-1 3°)",
                    self.provision_interets,
                )
            )
            lignes.append(("Total avec provision", self.total_avec_provision))
        return tuple(lignes)

    def lignes(self) -> tuple[LigneDecompte, ...]:
        """Chronological trace: sums, interest, capitalisations, payments; running balance."""
        evenements: list[tuple[date, int, str, Decimal]] = [
            (self.date_creance, 0, "Principal", self.principal)
        ]
        for frais in self.frais_retenus:
            evenements.append((frais.date, 0, f"{frais.libelle} ({frais.nature})", frais.montant))
        for ligne in self.periodes:
            evenements.append(
                (
                    ligne.au,
                    1,
                    f"Intérêts {ligne.assiette} du {ligne.du.isoformat()} au "
                    f"{ligne.au.isoformat()} ({ligne.jours} j à {format_taux(ligne.taux)} sur "
                    f"{format_euros(ligne.capital)}) — {ligne.reference}",
                    ligne.montant,
                )
            )
        for capitalisation in self.capitalisations:
            evenements.append(
                (
                    capitalisation.date,
                    2,
                    f"Capitalisation des intérêts ({capitalisation.assiette}, C. civ. 1343-2) : "
                    f"{capitalisation.interets_capitalises} € portés au capital",
                    ZERO,
                )
            )
        for paiement in self.imputations:
            evenements.append(
                (
                    paiement.date,
                    3,
                    f"Paiement {paiement.libelle or ''} imputé : frais {paiement.frais}, intérêts "
                    f"{paiement.interets}, principal {paiement.principal}"
                    + (f", reliquat {paiement.reliquat}" if paiement.reliquat else ""),
                    -paiement.montant,
                )
            )
        evenements.sort(key=lambda e: (e[0], e[1]))
        solde = ZERO
        resultat: list[LigneDecompte] = []
        for jour, _, libelle, valeur in evenements:
            solde += valeur
            resultat.append(LigneDecompte(jour, " ".join(libelle.split()), valeur, solde))
        return tuple(resultat)


def _verifier_montant(valeur: object, nom: str) -> None:
    if isinstance(valeur, bool) or not isinstance(valeur, Decimal) or not valeur.is_finite():
        raise DonneeInvalide(f"{nom} : montant non numérique « {valeur} ».")
    if valeur < 0:
        raise DonneeInvalide(f"{nom} : montant négatif « {valeur} » refusé.")


class _Poste:
    """A sum inside the computation (mutable state; never leaves this module)."""

    __slots__ = (
        "capital",
        "cours",
        "date",
        "est_frais",
        "interets",
        "libelle",
        "nature",
        "position",
    )

    def __init__(
        self,
        libelle: str,
        nature: str,
        jour: int,
        capital: Decimal,
        cours: Cours | None,
        depuis: int,
    ) -> None:
        self.libelle = libelle
        self.nature = nature
        self.est_frais = nature in ("acte", "depens")  # imputation class "frais"
        self.date = jour
        self.capital = capital
        self.interets = ZERO
        self.cours = cours
        self.position = depuis


def fin_du_mois_suivant(jour: date) -> date:
    """Same day next month, or the last day of that month (CPC 641 al. 2 rule of months)."""
    return ajouter_mois(jour, 1)


def _regime_accessoire(regime: RegimeInterets) -> RegimeInterets:
    """Legal rate of the claim's category, majorated with the claim when its regime is legal."""
    if regime.mode == "legal":
        return regime
    return RegimeInterets(
        mode="legal",
        categorie=regime.categorie,
        capitalisation_depuis=regime.capitalisation_depuis,
    )


def _date_des_frais(frais: Frais) -> date:
    return frais.date


def _postes(creance: Creance, au_ordinal: int) -> tuple[list[_Poste], list[Frais]]:
    ensemble = parametres_en_vigueur()
    depuis = creance.interets_depuis or creance.date
    cours = (
        None
        if creance.regime.mode == "aucun"
        else Cours(creance.regime, depuis, "principal", ensemble)
    )
    postes = [
        _Poste(
            "Principal",
            "principal",
            creance.date.toordinal(),
            creance.principal,
            cours,
            depuis.toordinal(),
        )
    ]
    retenus: list[Frais] = []
    regime_accessoire: RegimeInterets | None = None
    for frais in sorted(creance.frais, key=_date_des_frais):
        jour = frais.date.toordinal()
        if jour > au_ordinal:
            continue
        retenus.append(frais)
        cours_frais = None
        debut = frais.interets_depuis or frais.date
        if frais.productif_d_interets:
            if regime_accessoire is None:
                regime_accessoire = _regime_accessoire(creance.regime)
            cours_frais = Cours(regime_accessoire, debut, frais.libelle, ensemble)
        postes.append(
            _Poste(frais.libelle, frais.nature, jour, frais.montant, cours_frais, debut.toordinal())
        )
    return postes, retenus


def _avancer(
    postes: Sequence[_Poste],
    jusqu_au: int,
    periodes: list[PeriodeBrute],
    capitalisations: list[Capitalisation],
    avertissements: dict[str, None],
) -> None:
    for poste in postes:
        cours = poste.cours
        if cours is not None and poste.position < jusqu_au and poste.date <= jusqu_au:
            poste.capital, poste.interets = cours.courir(
                poste.capital,
                poste.interets,
                poste.position,
                jusqu_au,
                periodes,
                capitalisations,
                avertissements,
            )
            poste.position = jusqu_au


def _repartir_capital(somme: Decimal, postes: Iterable[_Poste]) -> None:
    for poste in postes:
        du = poste.capital
        if du >= somme:
            poste.capital = du - somme
            return
        poste.capital = ZERO
        somme -= du


def _repartir_interets(somme: Decimal, postes: Iterable[_Poste], jour: int) -> None:
    for poste in postes:
        if poste.date > jour:
            continue
        du = poste.interets
        if du >= somme:
            poste.interets = du - somme
            return
        poste.interets = ZERO
        somme -= du


def decompte(creance: Creance, au: date, *, provision_un_mois: bool = False) -> Decompte:
    """The statement of ``creance`` at ``au`` (payments and costs dated after ``au`` ignored).

    ``provision_un_mois``: add the provision for the interest of the month that follows
    (CPCE R211-1 3°, saisie-attribution), computed on the capital still due.
    """
    if au < creance.date:
        raise DonneeInvalide(
            f"La date du décompte ({au.isoformat()}) précède la date de la créance "
            f"({creance.date.isoformat()})."
        )
    au_ordinal = au.toordinal()
    postes, retenus = _postes(creance, au_ordinal)
    periodes: list[PeriodeBrute] = []
    capitalisations: list[Capitalisation] = []
    avertissements: dict[str, None] = {}
    imputations: list[ImputationPaiement] = []
    trop_percu = ZERO
    total_paiements = ZERO
    capital_d_abord = creance.imputation_capital_d_abord
    for paiement in creance.paiements:
        if paiement.date > au:
            break
        jour = paiement.date.toordinal()
        _avancer(postes, jour, periodes, capitalisations, avertissements)
        # Postes are ordered: principal, then costs by date; only those existing on ``jour``.
        frais_dus: list[_Poste] = []
        capitaux_dus: list[_Poste] = []
        total_frais = total_interets = total_capital = ZERO
        for poste in postes:
            if poste.date <= jour:
                total_interets += poste.interets
                if poste.est_frais:
                    total_frais += poste.capital
                    frais_dus.append(poste)
                else:
                    total_capital += poste.capital
                    capitaux_dus.append(poste)
        part_frais, part_interets, part_capital, reliquat = parts_imputees(
            paiement.montant, total_frais, total_interets, total_capital, capital_d_abord
        )
        if part_frais:
            _repartir_capital(part_frais, frais_dus)
        if part_interets:
            _repartir_interets(part_interets, postes, jour)
        if part_capital:
            _repartir_capital(part_capital, capitaux_dus)
        trop_percu += reliquat
        total_paiements += paiement.montant
        imputations.append(
            ImputationPaiement(
                paiement.date,
                paiement.montant,
                paiement.libelle,
                part_frais,
                part_interets,
                part_capital,
                reliquat,
            )
        )
    _avancer(postes, au_ordinal, periodes, capitalisations, avertissements)

    provision = ZERO
    periodes_provision: list[PeriodeInterets] = []
    provision_jusqu_au: date | None = None
    if provision_un_mois:
        provision_jusqu_au = fin_du_mois_suivant(au)
        provision, periodes_provision = _provision(postes, au, provision_jusqu_au, avertissements)

    solde_par_nature = {nature: ZERO for nature in ("principal", *NATURES_FRAIS)}
    interets_restants = ZERO
    for poste in postes:
        solde_par_nature[poste.nature] += poste.capital
        interets_restants += poste.interets
    bruts = {nature: ZERO for nature in NATURES_FRAIS}
    for frais in retenus:
        bruts[frais.nature] += frais.montant
    return Decompte(
        au=au,
        titre=creance.titre,
        date_creance=creance.date,
        principal=creance.principal,
        article_700=bruts["article_700"],
        depens=bruts["depens"],
        frais=bruts["acte"],
        interets_echus=sum((brute[6] for brute in periodes), ZERO),
        paiements=total_paiements,
        solde=Solde(
            principal=solde_par_nature["principal"],
            article_700=solde_par_nature["article_700"],
            depens=solde_par_nature["depens"],
            frais=solde_par_nature["acte"],
            interets=interets_restants,
        ),
        trop_percu=trop_percu,
        provision_interets=provision,
        periodes_brutes=tuple(periodes),
        imputations=tuple(imputations),
        capitalisations=tuple(capitalisations),
        periodes_provision=tuple(periodes_provision),
        frais_retenus=tuple(retenus),
        avertissements=tuple(avertissements),
        provision_jusqu_au=provision_jusqu_au,
    )


def _provision(
    postes: Sequence[_Poste], au: date, jusqu_au: date, avertissements: dict[str, None]
) -> tuple[Decimal, list[PeriodeInterets]]:
    """Interest of the month after ``au`` on the capital still due (CPCE R211-1 3°).

    If next semester's rate is not published yet, the provision (an estimate by nature) is
    computed at the rate in force on ``au`` and a warning says so.
    """
    periodes: list[PeriodeBrute] = []
    ignorees: list[Capitalisation] = []
    du, fin = au.toordinal(), jusqu_au.toordinal()
    for poste in postes:
        cours = poste.cours
        if cours is None or not poste.capital:
            continue
        essai: list[PeriodeBrute] = []
        try:
            cours.courir(poste.capital, ZERO, du, fin, essai, ignorees, avertissements)
        except ParametreManquant:
            taux, reference = cours.taux_au(du)
            substitut = Cours(RegimeInterets("conventionnel", taux_conventionnel=taux), au)
            substitut.assiette = cours.assiette
            substitut.bareme = Bareme.fixe(
                taux, f"{reference} (taux en vigueur au {au.isoformat()})"
            )
            essai = []
            substitut.courir(poste.capital, ZERO, du, fin, essai, ignorees, avertissements)
            avertissements[
                "Provision pour intérêts à échoir calculée au taux en vigueur le "
                f"{au.isoformat()} : le taux applicable jusqu'au {jusqu_au.isoformat()} n'est "
                "pas encore publié."
            ] = None
        periodes.extend(essai)
    return sum((brute[6] for brute in periodes), ZERO), [periode(b) for b in periodes]


# --- Input parsing (JSON of `clerc calcul decompte --fichier`, docs/decompte.md) -------------

_CLES_CREANCE = {
    "titre",
    "date",
    "principal",
    "interets",
    "frais",
    "paiements",
    "imputation_capital_d_abord",
}
_CLES_INTERETS = {
    "type",
    "categorie",
    "depuis",
    "majoration_depuis",
    "taux",
    "capitalisation_depuis",
}
_CLES_FRAIS = {"libelle", "date", "montant", "nature", "porte_interets", "interets_depuis"}
_CLES_PAIEMENT = {"date", "montant", "libelle"}


def _date(valeur: object, ou: str) -> date:
    if isinstance(valeur, date):
        return valeur
    if not isinstance(valeur, str):
        raise DonneeInvalide(f"{ou} : date attendue au format AAAA-MM-JJ, reçu « {valeur} ».")
    try:
        return date.fromisoformat(valeur.strip())
    except ValueError:
        raise DonneeInvalide(f"{ou} : date impossible « {valeur} » (format AAAA-MM-JJ).") from None


def _date_optionnelle(data: Mapping[str, Any], cle: str, ou: str) -> date | None:
    valeur = data.get(cle)
    return None if valeur is None else _date(valeur, f"{ou}.{cle}")


def _montant(valeur: object, ou: str) -> Decimal:
    if valeur is None:
        raise DonneeInvalide(f"{ou} : montant manquant.")
    return montant(valeur, ou)


def _booleen(valeur: object, ou: str) -> bool:
    if not isinstance(valeur, bool):
        raise DonneeInvalide(f"{ou} : valeur attendue true ou false, reçu « {valeur} ».")
    return valeur


def taux_annuel_pourcent(valeur: object, ou: str) -> Decimal:
    """A yearly rate given as a fraction ("0.05") or in percent ("5 %"), returned in percent."""
    texte = str(valeur).strip() if not isinstance(valeur, Decimal) else None
    if texte is not None and texte.endswith("%"):
        pourcent = montant(texte.rstrip("%").strip(), ou, decimales_max=None)
        if pourcent > 100:
            raise DonneeInvalide(f"{ou} : taux « {valeur} » supérieur à 100 %.")
        return pourcent
    fraction = montant(valeur, ou, decimales_max=None)
    if fraction > 1:
        raise DonneeInvalide(
            f"{ou} : taux « {valeur} » supérieur à 100 % ; donnez une fraction (0.05 pour 5 %) "
            "ou un pourcentage suivi de % (« 5 % »)."
        )
    return fraction * 100


def _verifier_cles(data: object, permises: set[str], ou: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise DonneeInvalide(f"{ou} : objet JSON attendu.")
    inconnues = sorted(str(cle) for cle in data if cle not in permises)
    if inconnues:
        raise DonneeInvalide(
            f"{ou} : clé(s) inconnue(s) {', '.join(inconnues)} "
            f"(attendu : {', '.join(sorted(permises))})."
        )
    return data


def _regime_depuis_dict(data: object) -> tuple[RegimeInterets, date | None]:
    ou = "interets"
    donnees = _verifier_cles(data, _CLES_INTERETS, ou)
    mode = donnees.get("type")
    if mode not in MODES:
        raise DonneeInvalide(f"{ou}.type : « {mode} » inconnu (attendu : {', '.join(MODES)}).")
    categorie = donnees.get("categorie")
    if categorie is None and mode == "legal":
        raise DonneeInvalide(
            f"{ou}.categorie : catégorie du créancier manquante (particulier ou autre, "
            "C. mon. fin. L313-2)."
        )
    categorie = "particulier" if categorie is None else categorie
    if categorie not in CATEGORIES:
        raise DonneeInvalide(
            f"{ou}.categorie : « {categorie} » inconnue (attendu : {', '.join(CATEGORIES)})."
        )
    taux = None
    if mode == "conventionnel":
        if donnees.get("taux") is None:
            raise DonneeInvalide(f"{ou}.taux : taux conventionnel manquant.")
        taux = taux_annuel_pourcent(donnees["taux"], f"{ou}.taux")
    elif donnees.get("taux") is not None:
        raise DonneeInvalide(f"{ou}.taux : un taux n'est admis qu'avec le type « conventionnel ».")
    regime = RegimeInterets(
        mode=str(mode),
        categorie=str(categorie),
        majoration_depuis=_date_optionnelle(donnees, "majoration_depuis", ou),
        taux_conventionnel=taux,
        capitalisation_depuis=_date_optionnelle(donnees, "capitalisation_depuis", ou),
    )
    return regime, _date_optionnelle(donnees, "depuis", ou)


def creance_depuis_dict(data: Mapping[str, Any]) -> Creance:
    """Validate the JSON input of a claim (docs/decompte.md) into a :class:`Creance`.

    Pure: no I/O. Every error is a :class:`DonneeInvalide` with a French message naming the
    faulty field (``frais[1].montant : montant négatif « -5 » refusé.``).
    """
    donnees = _verifier_cles(data, _CLES_CREANCE, "créance")
    if "date" not in donnees:
        raise DonneeInvalide("date : date de la créance (du titre) manquante.")
    jour = _date(donnees["date"], "date")
    principal = _montant(donnees.get("principal"), "principal")
    if "interets" not in donnees:
        raise DonneeInvalide(
            "interets : régime d'intérêts manquant (type legal, conventionnel ou aucun)."
        )
    regime, depuis = _regime_depuis_dict(donnees["interets"])
    frais_bruts = donnees.get("frais") or []
    if not isinstance(frais_bruts, list):
        raise DonneeInvalide("frais : liste attendue.")
    frais: list[Frais] = []
    for rang, brut in enumerate(frais_bruts):
        ou = f"frais[{rang}]"
        element = _verifier_cles(brut, _CLES_FRAIS, ou)
        nature = element.get("nature", "acte")
        if nature not in NATURES_FRAIS:
            raise DonneeInvalide(
                f"{ou}.nature : « {nature} » inconnue (attendu : {', '.join(NATURES_FRAIS)})."
            )
        if "date" not in element:
            raise DonneeInvalide(f"{ou}.date : date manquante.")
        porte = element.get("porte_interets")
        frais.append(
            Frais(
                libelle=str(element.get("libelle") or LIBELLES_NATURE[str(nature)]),
                date=_date(element["date"], f"{ou}.date"),
                montant=_montant(element.get("montant"), f"{ou}.montant"),
                nature=str(nature),
                porte_interets=None if porte is None else _booleen(porte, f"{ou}.porte_interets"),
                interets_depuis=_date_optionnelle(element, "interets_depuis", ou),
            )
        )
    paiements_bruts = donnees.get("paiements") or []
    if not isinstance(paiements_bruts, list):
        raise DonneeInvalide("paiements : liste attendue.")
    paiements: list[Paiement] = []
    for rang, brut in enumerate(paiements_bruts):
        ou = f"paiements[{rang}]"
        element = _verifier_cles(brut, _CLES_PAIEMENT, ou)
        if "date" not in element:
            raise DonneeInvalide(f"{ou}.date : date manquante.")
        somme = _montant(element.get("montant"), f"{ou}.montant")
        if somme == 0:
            raise DonneeInvalide(f"{ou}.montant : paiement nul.")
        paiement_jour = _date(element["date"], f"{ou}.date")
        if paiement_jour < jour:
            raise DonneeInvalide(
                f"{ou}.date : paiement du {paiement_jour.isoformat()} antérieur à la date de la "
                f"créance ({jour.isoformat()})."
            )
        paiements.append(Paiement(paiement_jour, somme, str(element.get("libelle") or "")))
    capital_d_abord = donnees.get("imputation_capital_d_abord", False)
    return Creance(
        principal=principal,
        date=jour,
        regime=regime,
        interets_depuis=depuis,
        frais=tuple(frais),
        paiements=tuple(paiements),
        titre=str(donnees.get("titre") or ""),
        imputation_capital_d_abord=_booleen(capital_d_abord, "imputation_capital_d_abord"),
    )


__all__ = [
    "NATURES_FRAIS",
    "Creance",
    "Decompte",
    "Frais",
    "ImputationPaiement",
    "LigneDecompte",
    "Paiement",
    "Solde",
    "creance_depuis_dict",
    "decompte",
    "fin_du_mois_suivant",
    "taux_annuel_pourcent",
]
