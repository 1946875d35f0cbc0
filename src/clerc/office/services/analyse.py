"""Fiche d'analyse of a file (``clerc dossier analyser REF``): read the file, ask the rules.

The law is in ``clerc.rules.analyse``; this service only reads, in one read-only transaction,
what a clerc sees of the file and passes it as plain values:

- the active title (type, dates of the title, of its service, of its finality, of the filing
  of the case, provisional execution, formule exécutoire);
- the debtors: kind, death, department of their main address, protections (insolvency,
  over-indebtedness, tutelle, curatelle, death) and the parties linked to them (heirs, tutor,
  curator, liquidator), employer and bank when known;
- the acts done: timeline entries of acts (``cout_acte``, ``acte``, with their tariff code) and
  the steps recorded in the file's procedures (with their declared act);
- the payments (not corrected), the expulsion dates set with the préfecture (timeline entries
  ``expulsion_programmee``), the funds still held with their R444-56 deadline (ledger), the
  balances of the debtor's accounts declared by banks on seizures (timeline entries
  ``declaration_tiers_saisi`` with ``solde`` and ``banque`` in their details);
- the décompte at the date (``decompte_de``: the rules engine, not recomputed here) and the
  guards' situation (``services.procedures.situation``).

Never the ``piege`` table of the synthetic office: the analysis must find the traps from the
data alone.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from clerc.office import grand_livre
from clerc.office.db import Contexte, executer
from clerc.office.erreurs import Introuvable
from clerc.office.models import (
    Dossier,
    DossierDebiteur,
    Echeance,
    Evenement,
    LienPartie,
    Partie,
    ProcedureDossier,
)
from clerc.office.services.dossiers import decompte_de
from clerc.office.services.procedures import situation
from clerc.rules import tarif
from clerc.rules.analyse import (
    ActeFait,
    DebiteurExamine,
    DossierExamine,
    ExpulsionProgrammee,
    FicheAnalyse,
    PaiementRecu,
    ProcedureEnCours,
    ProtectionExaminee,
    SoldeBancaireConnu,
    TitreExamine,
    analyser,
)
from clerc.rules.decompte import Decompte
from clerc.rules.erreurs import ErreurClerc
from clerc.rules.fonds_tiers import FondsDetenus
from clerc.rules.procedures.chargement import DeclarationInvalide
from clerc.rules.procedures.chargement import procedure as procedure_en_vigueur
from clerc.rules.procedures.gardes import DECES

# Timeline entry of a garnishee's declaration on a seizure of accounts (CPCE L162-1, L211-3).
NATURE_DECLARATION_BANQUE = "declaration_tiers_saisi"
DATE_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
LOT = 500  # files analysed per batch of queries


def analyser_dossier(contexte: Contexte, reference: str, au: date) -> FicheAnalyse:
    """The fiche d'analyse of one file at ``au`` (read only)."""

    def _lire(session: Session) -> FicheAnalyse:
        fiches = _analyser(session, au, [reference.strip()])
        if not fiches:
            raise Introuvable(f"Dossier « {reference} » introuvable dans cette étude.")
        return fiches[0]

    return executer(contexte, "analyser_dossier", _lire, ecriture=False)


def analyser_dossiers(
    contexte: Contexte, au: date, references: Sequence[str] | None = None
) -> list[FicheAnalyse]:
    """The fiches of many files (all the office's by default), in reference order: a constant
    number of queries per batch of files, not one per file."""

    def _lire(session: Session) -> list[FicheAnalyse]:
        if references is not None:
            return _analyser(session, au, [r.strip() for r in references])
        toutes = list(session.scalars(select(Dossier.reference).order_by(Dossier.reference)))
        fiches: list[FicheAnalyse] = []
        for debut in range(0, len(toutes), LOT):
            fiches.extend(_analyser(session, au, toutes[debut : debut + LOT]))
            session.expunge_all()  # keep the identity map small
        return fiches

    return executer(contexte, "analyser_dossiers", _lire, ecriture=False)


# --- reading --------------------------------------------------------------------------------


def chargement_dossiers_examines() -> tuple[Any, ...]:
    """The loader options of the files given to :func:`dossiers_examines` (a constant number
    of queries per batch)."""
    return (
        selectinload(Dossier.debiteurs)
        .selectinload(DossierDebiteur.partie)
        .options(
            selectinload(Partie.protections),
            selectinload(Partie.contacts),
            selectinload(Partie.adresses),
        ),
        selectinload(Dossier.titres),
        selectinload(Dossier.lignes),
        selectinload(Dossier.paiements),
        selectinload(Dossier.evenements),
    )


def _analyser(session: Session, au: date, references: list[str]) -> list[FicheAnalyse]:
    dossiers = list(
        session.scalars(
            select(Dossier)
            .where(Dossier.reference.in_(references))
            .order_by(Dossier.reference)
            .options(*chargement_dossiers_examines())
        )
    )
    return [analyser(examine, au) for examine in dossiers_examines(session, au, dossiers)]


def dossiers_examines(session: Session, au: date, dossiers: list[Dossier]) -> list[DossierExamine]:
    """The rules engine's view of loaded files at ``au`` (links of the debtors, acts done,
    running procedures, funds held), in a constant number of queries: what the analysis and
    the training scenarios (clerc.formation) read."""
    if not dossiers:
        return []
    ids = [d.id for d in dossiers]
    debiteurs = {lien.partie_id for d in dossiers for lien in d.debiteurs}
    liens = _liens(session, debiteurs)
    procedures_des_dossiers: dict[int, list[ProcedureDossier]] = {}
    for p in session.scalars(
        select(ProcedureDossier)
        .where(ProcedureDossier.dossier_id.in_(ids))
        .order_by(ProcedureDossier.id)
        .options(selectinload(ProcedureDossier.etapes))
    ):
        procedures_des_dossiers.setdefault(p.dossier_id, []).append(p)
    etapes = _etapes(procedures_des_dossiers)
    en_cours = _procedures_en_cours(session, ids, procedures_des_dossiers)
    fonds = dict(grand_livre.fonds_detenus_par_dossier(session, ids, au))
    return [
        replace(
            examiner_dossier(
                d,
                au,
                liens,
                etapes.get(d.id, []),
                fonds.get(d.id, ()),
                procedures_des_dossiers.get(d.id, []),
            ),
            procedures=tuple(en_cours.get(d.id, ())),
        )
        for d in dossiers
    ]


def _liens(session: Session, debiteurs: set[int]) -> dict[int, list[tuple[str, str]]]:
    """Parties acting for or succeeding each debtor: (nature of the link, designation)."""
    if not debiteurs:
        return {}
    liens = list(session.scalars(select(LienPartie).where(LienPartie.partie_id.in_(debiteurs))))
    autres = {
        p.id: p.designation
        for p in session.scalars(
            select(Partie).where(Partie.id.in_({lien.autre_partie_id for lien in liens}))
        )
    }
    resultat: dict[int, list[tuple[str, str]]] = {}
    for lien in sorted(liens, key=lambda x: x.id):
        resultat.setdefault(lien.partie_id, []).append(
            (lien.nature, autres.get(lien.autre_partie_id, f"partie n° {lien.autre_partie_id}"))
        )
    return resultat


def _etapes(procedures: dict[int, list[ProcedureDossier]]) -> dict[int, list[ActeFait]]:
    """Acts done in the file's procedures, by the act their declaration names."""
    resultat: dict[int, list[ActeFait]] = {}
    for en_cours in (p for liste in procedures.values() for p in liste):
        try:
            loi = procedure_en_vigueur(en_cours.code, en_cours.demarree_le)
        except (ErreurClerc, DeclarationInvalide):
            continue  # a declaration being rewritten: its steps are not read
        codes = {e.code: e for e in loi.etapes}
        for etape in en_cours.etapes:
            declaree = codes.get(etape.code)
            if declaree is None or declaree.acte_tarif is None:
                continue
            resultat.setdefault(en_cours.dossier_id, []).append(
                ActeFait(etape.jour, declaree.acte_tarif, f"{loi.libelle} : {declaree.libelle}")
            )
    return resultat


def _procedures_en_cours(
    session: Session, ids: list[int], procedures: dict[int, list[ProcedureDossier]]
) -> dict[int, list[ProcedureEnCours]]:
    """Running procedures of the files, each with its nearest office deadline (agenda), and
    the lapsed ones still on the agenda (neither restarted nor given up)."""
    prochaines: dict[int, Echeance] = {}
    for echeance in session.scalars(
        select(Echeance).where(
            Echeance.dossier_id.in_(ids),
            Echeance.tenu_par == "etude",
            Echeance.date_limite.is_not(None),
            Echeance.procedure_id.is_not(None),  # funds rows: the analysis reads the ledger
        )
    ):
        if echeance.procedure_id is None:
            continue
        actuelle = prochaines.get(echeance.procedure_id)
        if actuelle is None or (echeance.date_limite or date.max) < (
            actuelle.date_limite or date.max
        ):
            prochaines[echeance.procedure_id] = echeance
    resultat: dict[int, list[ProcedureEnCours]] = {}
    for p in (p for liste in procedures.values() for p in liste):
        if not (p.statut == "en_cours" or (p.statut == "caduque" and p.id in prochaines)):
            continue
        try:
            libelle = procedure_en_vigueur(p.code, p.demarree_le).libelle
        except (ErreurClerc, DeclarationInvalide):
            libelle = p.code
        prochaine = prochaines.get(p.id)
        resultat.setdefault(p.dossier_id, []).append(
            ProcedureEnCours(
                code=p.code,
                libelle=libelle,
                demarree_le=p.demarree_le,
                prochaine_etape=prochaine.libelle if prochaine else None,
                date_limite=prochaine.date_limite if prochaine else None,
                sanction=prochaine.sanction if prochaine else None,
                statut=p.statut,
                motif=p.motif,
                article=prochaine.article if prochaine else "",
            )
        )
    return resultat


def _libelle_acte(code: str | None, evenement: Evenement) -> str:
    if code is not None and code in tarif.ACTES:
        return tarif.acte(code).libelle
    return evenement.libelle


def _code_du_libelle(libelle: str) -> str | None:
    """An act entered without tariff code, recognised by its wording: a conservatory seizure
    (C. civ. 2244) or a summons to court (C. civ. 2241); anything else stays uncoded."""
    texte = libelle.lower()
    if texte.startswith("procès-verbal de saisie conservatoire"):
        return "saisie_conservatoire"
    if texte.startswith("assignation"):
        return "assignation"
    return None


def _jour_iso(texte: object) -> date | None:
    trouve = DATE_ISO.search(str(texte or ""))
    if trouve is None:
        return None
    try:
        return date.fromisoformat(trouve.group())
    except ValueError:
        return None


def examiner_dossier(
    dossier: Dossier,
    au: date,
    liens: dict[int, list[tuple[str, str]]],
    etapes: list[ActeFait],
    fonds: tuple[FondsDetenus, ...],
    procedures: list[ProcedureDossier],
) -> DossierExamine:
    actes: list[ActeFait] = []
    expulsions: list[ExpulsionProgrammee] = []
    soldes: list[SoldeBancaireConnu] = []
    dep_deja = False
    for evenement in sorted(dossier.evenements, key=lambda e: (e.date, e.id)):
        if evenement.date > au:
            continue
        details = evenement.details or {}
        if evenement.nature in {"cout_acte", "acte"}:
            code = details.get("acte")
            code = str(code) if code else _code_du_libelle(evenement.libelle)
            actes.append(ActeFait(evenement.date, code, _libelle_acte(code, evenement)))
            if evenement.nature == "cout_acte":
                with contextlib.suppress(InvalidOperation):
                    dep_deja = dep_deja or Decimal(str(details.get("dep_ht", "0"))) > 0
        elif evenement.nature == "expulsion_programmee":
            prevue = _jour_iso(details.get("date_prevue")) or _jour_iso(evenement.libelle)
            if prevue is not None:
                expulsions.append(ExpulsionProgrammee(evenement.date, prevue))
        elif evenement.nature == NATURE_DECLARATION_BANQUE and "solde" in details:
            with contextlib.suppress(InvalidOperation):
                soldes.append(
                    SoldeBancaireConnu(
                        evenement.date,
                        Decimal(str(details["solde"])),
                        str(details.get("banque") or ""),
                    )
                )
    vus = {(a.code, a.date) for a in actes}
    actes.extend(a for a in etapes if (a.code, a.date) not in vus and a.date <= au)
    actes.sort(key=lambda a: a.date)

    corriges = {p.corrige_id for p in dossier.paiements if p.corrige_id is not None}
    paiements = tuple(
        PaiementRecu(p.date, p.montant, p.origine)
        for p in sorted(dossier.paiements, key=lambda p: (p.date, p.id))
        if p.corrige_id is None and p.id not in corriges and p.montant > 0 and p.date <= au
    )
    principaux = [
        ligne
        for ligne in dossier.lignes
        if ligne.nature == "principal" and ligne.annule_par_id is None
    ]
    principal = sum((ligne.montant for ligne in principaux), Decimal("0.00"))
    decompte: Decompte | None = None
    erreur: str | None = None
    if principaux:
        try:
            decompte = decompte_de(dossier, au)
        except ErreurClerc as exc:
            erreur = str(exc)
    else:
        erreur = "Pas de créance en principal (aucun titre ni créance enregistrée)."
    titre = dossier.titre_actif
    guards = situation(dossier, au, procedures)
    if principaux:  # the active principal only (a replaced title's lines are retired)
        guards = replace(guards, principal=principal)
    if any(
        lien.partie.decede_le is not None and lien.partie.decede_le <= au
        for lien in dossier.debiteurs
    ):
        guards = replace(guards, risques=guards.risques | {DECES})
    return DossierExamine(
        reference=dossier.reference,
        nature=dossier.nature,
        statut=dossier.statut,
        territoire=dossier.territoire,
        debiteurs=tuple(_debiteur(lien.partie, liens) for lien in dossier.debiteurs),
        titre=None
        if titre is None
        else TitreExamine(
            type=titre.type,
            date_titre=titre.date_titre,
            formule_executoire=titre.formule_executoire,
            date_signification=titre.date_signification,
            date_force_executoire=titre.date_force_executoire,
            date_saisine=titre.date_saisine,
            execution_provisoire=titre.execution_provisoire,
            contradictoire=titre.contradictoire,
            premier_ressort=titre.premier_ressort,
            juridiction=titre.juridiction,
            numero=titre.numero,
            creance_alimentaire=titre.creance_alimentaire,
        ),
        principal=principal if principaux else None,
        date_creance=min(ligne.date for ligne in principaux) if principaux else None,
        actes=tuple(actes),
        paiements=paiements,
        expulsions=tuple(expulsions),
        fonds=fonds,
        dep_deja_percu=dep_deja,
        situation=guards,
        decompte=decompte,
        decompte_erreur=erreur,
        titre_signifie_aux_heritiers_le=guards.titre_signifie_aux_heritiers_le,
        soldes_bancaires=tuple(soldes),
    )


def _debiteur(partie: Partie, liens: dict[int, list[tuple[str, str]]]) -> DebiteurExamine:
    adresse = partie.adresse_principale
    employeur = next((c.valeur for c in partie.contacts if c.type == "employeur"), None)
    banque = next((c.valeur for c in partie.contacts if c.type == "banque"), None)
    if banque is None and partie.iban:
        banque = f"compte {partie.iban[:4]}…{partie.iban[-4:]}"
    return DebiteurExamine(
        designation=partie.designation,
        personne_physique=partie.type == "personne_physique",
        decede_le=partie.decede_le,
        departement=adresse.departement if adresse is not None else None,
        protections=tuple(
            ProtectionExaminee(
                nature=p.nature,
                depuis=p.depuis,
                jusqu_au=p.jusqu_au,
                organe=p.organe,
                juridiction=p.juridiction,
                reference=p.reference,
            )
            for p in partie.protections
        ),
        representants=tuple(liens.get(partie.id, ())),
        employeur=employeur,
        banque=banque,
    )


__all__ = ["analyser_dossier", "analyser_dossiers"]
