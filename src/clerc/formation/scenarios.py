"""Training scenarios: files of a seeded synthetic office, as plain values, with ground truth.

A scenario is one file of the synthetic office (:mod:`clerc.office.generateur`) generated for a
seed and a date into a throwaway in-memory SQLite database, read once and kept as plain values:

- ``examine``: what the fiche d'analyse reads (:class:`clerc.rules.analyse.DossierExamine`),
  built by the office's own analysis service, so that the ground truth of every exercise is
  ``analyser(examine, au)``: the engine, never a second implementation;
- ``creance``: the claim as the décompte engine sees it (:class:`clerc.rules.decompte.Creance`);
- ``piege``: the trap the generator planted in the file (``piege`` table), or None; never shown
  to the trainee;
- ``vue``: what the trainee is given (parties, title and its dates, claim lines as the JSON of
  ``clerc calcul decompte``, payments, acts, timeline, procedures, funds held): facts only,
  never the traps, the alerts or any result of the analysis.

Same seed and date, same office, same scenarios (the generator is deterministic): an exercise
is rebuilt from its identifier alone, without any database. The office of a (seed, date) is
kept in a small per-process cache (generation and analysis of 80 files: about one second).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.pool import StaticPool

from clerc.office.db import Contexte, creer_moteur, transaction
from clerc.office.generateur import generer
from clerc.office.models import Base, Dossier, Partie, Piege
from clerc.office.models.dossier import NATURES_DOSSIER
from clerc.office.models.partie import NATURES_LIEN, NATURES_PROTECTION
from clerc.office.services.analyse import chargement_dossiers_examines, dossiers_examines
from clerc.office.services.dossiers import creance_du_dossier
from clerc.office.services.presentation import titre_en_dict
from clerc.rules.analyse import DossierExamine, FicheAnalyse, analyser
from clerc.rules.decompte import Creance
from clerc.rules.erreurs import ErreurClerc
from clerc.rules.monnaie import en_texte

DOSSIERS_PAR_ETUDE = 80  # ~12 traps: the generator's rotation plants every kind at least once


@dataclass(frozen=True)
class Scenario:
    """One training file at ``au`` (module docstring)."""

    reference: str
    au: date
    examine: DossierExamine
    creance: Creance | None
    piege: str | None = None
    vue: dict[str, Any] = field(default_factory=dict, compare=False)

    @cached_property
    def fiche(self) -> FicheAnalyse:
        """The engine's fiche d'analyse: the ground truth of bloc 1."""
        return analyser(self.examine, self.au)

    @property
    def en_cours(self) -> bool:
        return self.examine.statut == "en_cours"


def _jour(valeur: date | None) -> str | None:
    return valeur.isoformat() if valeur else None


def creance_en_dict(creance: Creance) -> dict[str, Any]:
    """The claim in the JSON input format of ``clerc calcul decompte`` (docs/decompte.md)."""
    regime = creance.regime
    interets: dict[str, Any] = {"type": regime.mode, "categorie": regime.categorie}
    if regime.taux_conventionnel is not None:
        interets["taux"] = f"{regime.taux_conventionnel.normalize():f} %"
    if regime.majoration_depuis is not None:
        interets["majoration_depuis"] = regime.majoration_depuis.isoformat()
    if regime.capitalisation_depuis is not None:
        interets["capitalisation_depuis"] = regime.capitalisation_depuis.isoformat()
    if creance.interets_depuis is not None:
        interets["depuis"] = creance.interets_depuis.isoformat()
    resultat: dict[str, Any] = {
        "titre": creance.titre,
        "date": creance.date.isoformat(),
        "principal": en_texte(creance.principal),
        "interets": interets,
        "frais": [],
        "paiements": [
            {"date": p.date.isoformat(), "montant": en_texte(p.montant), "libelle": p.libelle}
            for p in creance.paiements
        ],
    }
    for frais in creance.frais:
        ligne: dict[str, Any] = {
            "libelle": frais.libelle,
            "date": frais.date.isoformat(),
            "montant": en_texte(frais.montant),
            "nature": frais.nature,
        }
        if frais.porte_interets is not None:
            ligne["porte_interets"] = frais.porte_interets
        if frais.interets_depuis is not None:
            ligne["interets_depuis"] = frais.interets_depuis.isoformat()
        resultat["frais"].append(ligne)
    return resultat


def _partie(partie: Partie) -> dict[str, Any]:
    adresse = partie.adresse_principale
    return {
        "designation": partie.designation,
        "type": partie.type,
        "adresse": adresse.en_une_ligne() if adresse is not None else None,
        "departement": adresse.departement if adresse is not None else None,
    }


def _vue(
    dossier: Dossier, examine: DossierExamine, creance: Creance | None, au: date
) -> dict[str, Any]:
    """What the trainee is given: the facts of the file at ``au``, no analysis."""
    titre = dossier.titre_actif
    debiteurs = []
    for lien, vu in zip(dossier.debiteurs, examine.debiteurs, strict=True):
        debiteur = _partie(lien.partie)
        debiteur.update(
            decede_le=_jour(vu.decede_le),
            protections=[
                {
                    "nature": p.nature,
                    "libelle": NATURES_PROTECTION.get(p.nature, p.nature),
                    "depuis": _jour(p.depuis),
                    "jusqu_au": _jour(p.jusqu_au),
                    "organe": p.organe,
                    "juridiction": p.juridiction,
                }
                for p in vu.protections
            ],
            representants=[
                {"qualite": NATURES_LIEN.get(nature, nature), "designation": nom}
                for nature, nom in vu.representants
            ],
            employeur=vu.employeur,
            banque=vu.banque,
        )
        debiteurs.append(debiteur)
    return {
        "reference": dossier.reference,
        "au": au.isoformat(),
        "nature": dossier.nature,
        "nature_libelle": NATURES_DOSSIER.get(dossier.nature, dossier.nature),
        "statut": dossier.statut,
        "ouvert_le": _jour(dossier.ouvert_le),
        "territoire": dossier.territoire,
        "creancier": _partie(dossier.creancier),
        "debiteurs": debiteurs,
        "titre": None if titre is None else titre_en_dict(titre),
        "creance": creance_en_dict(creance) if creance is not None else None,
        "paiements": [
            {"date": p.date.isoformat(), "montant": en_texte(p.montant), "origine": p.origine}
            for p in examine.paiements
        ],
        "actes": [
            {"date": a.date.isoformat(), "code": a.code, "libelle": a.libelle}
            for a in examine.actes
        ],
        "evenements": [
            {"date": e.date.isoformat(), "nature": e.nature, "libelle": e.libelle}
            for e in sorted(dossier.evenements, key=lambda e: (e.date, e.id))
            if e.date <= au
        ],
        "expulsions_programmees": [
            {"programmee_le": x.programmee_le.isoformat(), "date_prevue": x.date_prevue.isoformat()}
            for x in examine.expulsions
        ],
        "procedures": [
            {
                "code": p.code,
                "libelle": p.libelle,
                "demarree_le": p.demarree_le.isoformat(),
                "statut": p.statut,
                "prochaine_etape": p.prochaine_etape,
                "date_limite": _jour(p.date_limite),
            }
            for p in examine.procedures
        ],
        "fonds_detenus": [
            {
                "recu_le": f.encaissement.date.isoformat(),
                "montant": en_texte(f.restant),
                "especes": f.encaissement.especes,
                "acompte": f.encaissement.acompte,
            }
            for f in examine.fonds
        ],
    }


def lire_scenarios(session: Session, au: date) -> tuple[Scenario, ...]:
    """Every file of the office as a scenario (the reading of ``services.analyse``)."""
    dossiers = list(
        session.scalars(
            select(Dossier)
            .order_by(Dossier.reference)
            .options(
                *chargement_dossiers_examines(),
                selectinload(Dossier.creancier).selectinload(Partie.adresses),
            )
        )
    )
    pieges = {p.dossier_id: p.code for p in session.scalars(select(Piege).order_by(Piege.id))}
    scenarios = []
    for d, examine in zip(dossiers, dossiers_examines(session, au, dossiers), strict=True):
        try:
            creance: Creance | None = creance_du_dossier(d)
        except ErreurClerc:
            creance = None
        scenarios.append(
            Scenario(
                reference=d.reference,
                au=au,
                examine=examine,
                creance=creance,
                piege=pieges.get(d.id),
                vue=_vue(d, examine, creance, au),
            )
        )
    return tuple(scenarios)


@lru_cache(maxsize=4)
def etude_formation(graine: int, au: date) -> tuple[Scenario, ...]:
    """The scenarios of the synthetic office of ``graine`` at ``au`` (cached per process)."""
    moteur = creer_moteur("sqlite://", poolclass=StaticPool)
    try:
        Base.metadata.create_all(moteur)
        rapport = generer(
            moteur, dossiers=DOSSIERS_PAR_ETUDE, graine=graine, au=au, utilisateur="formation"
        )
        with transaction(
            Contexte(moteur, rapport.etude_id, "formation"), "formation", ecriture=False
        ) as session:
            return lire_scenarios(session, au)
    finally:
        moteur.dispose()


__all__ = ["DOSSIERS_PAR_ETUDE", "Scenario", "creance_en_dict", "etude_formation"]
