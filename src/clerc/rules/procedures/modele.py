"""What a procedure is, as declared in ``declarations/*.yaml``: steps, delays, sanctions.

A procedure is a plain table of steps (../shared/ecosysteme.md §10: no workflow framework; the
law needs French reasons, deadlines and articles more than a state machine). Each step says:

- what it is (``acte`` done by the office, ``evenement`` done by someone else: the debtor's
  opposition, the garnishee's declaration, a payment), who receives it, which tariff act it
  is (``acte_tarif``, a code of ``clerc.rules.tarif``) and its articles;
- what must be done before (``requiert``: all of these steps; ``requiert_un_de``: one of them)
  and which steps make it pointless (``exclu_par``);
- when it may be done: ``au_plus_tot`` (not before a delay from an earlier step has fully
  expired: acting too early is void or irregular) and ``au_plus_tard`` (not after: the
  sanction then applies: caducité, péremption, non-avenu...);
- named guards on the file (``gardes``, see ``gardes.py``), each refusing with a French reason;
- whether it is served (CPC 664 hours and days) or an enforcement measure (CPCE L141-1).

The interpreter is ``moteur.py``; the office stores what was done and when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

NATURES_ETAPE = ("acte", "evenement", "formalite")
# Sanctions of a missed deadline (or of acting too early). The first three end the procedure
# (or the measure) when the office misses its own deadline.
NATURES_SANCTION = (
    "caducite",
    "peremption",
    "non_avenu",
    "nullite",
    "irrecevabilite",
    "forclusion",
    "inopposabilite",
    "responsabilite",
)
SANCTIONS_FATALES = frozenset({"caducite", "peremption", "non_avenu"})
LIBELLES_SANCTION = {
    "caducite": "caducité",
    "peremption": "péremption",
    "non_avenu": "non avenu",
    "nullite": "nullité",
    "irrecevabilite": "irrecevabilité",
    "forclusion": "forclusion",
    "inopposabilite": "inopposabilité",
    "responsabilite": "responsabilité de l'étude",
}
# Who a delay binds: the office (its own deadline: agenda, lapse) or the other side (the
# debtor's opposition month: when it has run, the office may go on).
PARTIES_TENUES = ("etude", "adversaire")
# Modes of service the office records on a served step, with their French wording. An
# electronic service counts as made "à personne" only when the addressee opened it on the day it
# was sent (CPC 662-1): the office then records it as "personne".
MODES_SIGNIFICATION = {
    "personne": "à personne",
    "domicile": "à domicile",
    "etude": "par dépôt à l'étude",
    "659": "par procès-verbal de recherches infructueuses (CPC 659)",
    "electronique": "par voie électronique",
}
# The extensions for distance (CPC 643, 644) in months: none, overseas, abroad.
AUGMENTATIONS_DISTANCE = (0, 1, 2)


@dataclass(frozen=True)
class Sanction:
    """What happens when the delay is not kept."""

    nature: str  # one of NATURES_SANCTION
    effet: str  # French sentence for the clerc: "la saisie est caduque"
    article: str

    @property
    def fatale(self) -> bool:
        return self.nature in SANCTIONS_FATALES


@dataclass(frozen=True)
class Delai:
    """A delay counted (CPC 640-642, ``clerc.rules.delais``) from the date of a step."""

    depuis: str  # code of the step whose date starts the delay
    duree: str  # "8 jours", "1 mois", "15 jours ouvrables", "2 ans"
    article: str
    sanction: Sanction | None = None
    tenu_par: str = "etude"  # one of PARTIES_TENUES
    # Counted from the expiry of the ``depuis`` step's own deadline rather than from its date
    # ("dans le mois qui suit l'expiration du délai d'opposition", old CPC 1423; "huit jours
    # au moins après l'expiration du délai d'un mois", CPCE L126-3).
    depuis_fin: bool = False
    # The delay runs only when the ``depuis`` step was served in one of these modes (CPC 1416
    # al. 1: the opposition month runs from a service "à personne"); otherwise the step has no
    # such deadline and ``sinon`` says in French what applies instead (CPC 1416 al. 2). A mode
    # the office did not record is read on the safe side (``moteur``). ``depuis_fin`` on this
    # step counts from the delay as declared, whatever the mode (CPC 1422: "quelles que soient
    # les modalités de la signification").
    si_mode: tuple[str, ...] = ()
    sinon: str = ""
    # Increased by ``Situation.augmentation_distance`` months (CPC 643, 644): the delays of
    # appeal, opposition, tierce opposition (586 al. 3), révision, cassation and comparution of
    # a party living overseas or abroad, and the creditor's waits for them to expire.
    distance: bool = False

    def texte(self, libelle_depart: str) -> str:
        return f"{self.duree} à compter de : {libelle_depart.lower()}"


@dataclass(frozen=True)
class Etape:
    code: str
    libelle: str
    articles: tuple[str, ...]
    nature: str = "acte"  # one of NATURES_ETAPE
    destinataire: str | None = None
    acte_tarif: str | None = None
    requiert: tuple[str, ...] = ()
    requiert_un_de: tuple[str, ...] = ()
    exclu_par: tuple[str, ...] = ()
    au_plus_tot: tuple[Delai, ...] = ()
    au_plus_tard: tuple[Delai, ...] = ()
    gardes: tuple[str, ...] = ()
    optionnelle: bool = False
    repetable: bool = False
    finale: bool = False
    signifiee: bool = False  # served act: CPC 664 (hours 6-21, no Sunday or holiday)
    mesure_execution: bool = False  # enforcement measure: CPCE L141-1
    note: str = ""


@dataclass(frozen=True)
class Procedure:
    code: str
    libelle: str
    articles: tuple[str, ...]
    etapes: tuple[Etape, ...]
    version: str  # "2025-07-01" or "avant-2022": which law the steps follow
    en_vigueur_du: date | None = None  # steps of a procedure started from that date
    en_vigueur_au: date | None = None  # ... until that date (inclusive)
    provisoire: bool = False  # modelled before its décret or tariff was published
    note: str = ""

    def etape(self, code: str) -> Etape:
        for etape in self.etapes:
            if etape.code == code:
                return etape
        raise KeyError(code)

    @property
    def premiere(self) -> Etape:
        return self.etapes[0]


__all__ = [
    "AUGMENTATIONS_DISTANCE",
    "LIBELLES_SANCTION",
    "MODES_SIGNIFICATION",
    "NATURES_ETAPE",
    "NATURES_SANCTION",
    "PARTIES_TENUES",
    "SANCTIONS_FATALES",
    "Delai",
    "Etape",
    "Procedure",
    "Sanction",
]
