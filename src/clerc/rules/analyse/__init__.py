"""Fiche d'analyse of a file: what a senior clerc checks before acting, each with its article.

Pure rules: the office service (``clerc.office.services.analyse``) reads the file and passes
plain values (``DossierExamine``: the title, the debtors and their protections, the acts done,
the payments, the funds held, the décompte it computed); :func:`analyser` answers four questions.

1. **Is the title enforceable?** (:func:`examen_titre`)

   - its kind is one of CPCE L111-3 (1° to 7°), or a title of L125-1 / L126-1;
   - the expédition bears the formule exécutoire (CPC 502), except the titles that are
     enforceable by themselves (cheque and small-claims titles of the commissaire de justice,
     titles of public bodies);
   - a judgment is enforced only once served (CPC 503); a judgment by default, or réputé
     contradictoire, not served within six months of its date is non avenu (CPC 478);
   - without provisional execution a judgment is enforceable only when the ordinary appeal
     (or opposition) month after service has run (CPC 538, 539; proof: CPC 504, 505); the
     provisional execution is "de droit" only for instances filed from 1 January 2020 (CPC
     514, décret n° 2019-1333 art. 55), before it had to be ordered (CPC 515 former text); a
     judgment in last resort is enforceable on service (the pourvoi does not suspend, CPC 579);
   - an ordonnance d'injonction de payer is non avenue if not served within six months of its
     date (CPC 1411), three months for ordonnances made from 1 September 2026 (décret n°
     2026-96); it is enforceable once the opposition month has run (CPC 1416, 1422), two months
     after service for ordonnances made from 1 September 2026 (décret n° 2026-96);
   - against the heirs of a deceased debtor the title is enforceable only eight days after its
     service to them (C. civ. 877).

2. **Is it time-barred?** (:func:`examen_prescription`) by ``clerc.rules.prescription``: 10 years
   for the titles of L111-3 1° to 3° (CPCE L111-4) from the day the decision, served, is
   enforceable (Cass. 2e civ., 5 oct. 2023, n° 20-23.523); the claim's own prescription for
   the other titles and for a claim without title (5 years, C. civ. 2224, from the title's
   date, or the principal's due date). Interruptions: the file's acts of forced execution and
   conservatory measures (C. civ. 2244) and the debtor's payments (acknowledgement, C. civ.
   2240).

3. **Which risks forbid what?** (:func:`alertes`) each alert has a code (the trap codes of the
   synthetic office where they correspond), a gravity (``bloquant``: no enforcement measure as
   things stand; ``attention``: a rule to respect or a deadline to meet; ``information``),
   its article and the procedures it forbids.

4. **Which measures, in which order, at what cost?** (:func:`mesures`) the enforcement
   procedures of ``clerc procedure plan --lister`` (referred to by code, whether or not their
   declaration exists yet), each with the guards of ``clerc.rules.procedures.gardes`` met or
   not on the day, the expected cost of its acts from the regulated tariff
   (:func:`clerc.rules.tarif.cout_acte`: never guessed, a missing figure is said), and why.

Our readings (the safe side for the office, design §4):

- interruptions (C. civ. 2244): the seizure reports, even when they seized nothing because the
  account was closed (the act was served on the garnishee), and the commandements that begin a
  seizure (saisie-vente: Cass. 2e civ., 16 mars 2017, n° 16-12.610; saisie des rémunérations);
  the former request to the court for a wage seizure (a claim in court, C. civ. 2241). Not
  counted, being doubtful: reports of a failed attempt, of carence or of fruitless searches,
  services of the title, letters. A payment interrupts when the debtor made it (C. civ. 2240),
  not when a garnishee or the répartiteur paid (the seizure itself interrupted);
- a claim's prescription is taken at its general 5 years (C. civ. 2224) from the title's date,
  the earliest possible start, and the result says that a shorter special period may apply
  (2 years for a professional against a consumer, C. consom. L218-2; 3 years for a residential
  lease, loi n° 89-462 art. 7-1); being uncertain, it is an ``attention`` (code
  ``creance_prescrite``), whereas the ten years of CPCE L111-4 are ``bloquant``
  (``titre_prescrit``); a claim without title brought to court (assignation) is interrupted
  until the proceedings end (C. civ. 2241, 2242); a time-barred debt may still be paid
  voluntarily (C. civ. 2249): amicable recovery stays open, with that warning;
- a planned expulsion whose date falls in the winter truce is ``treve_hivernale`` (bloquant);
  a pending expulsion file analysed during the truce only gets the information
  ``treve_hivernale_en_cours`` and the guard on the measure;
- a saisie-vente (report) in the dwelling of a natural person for a principal below the R221-2
  threshold is ``creance_inferieure_535`` (bloquant); a commandement alone, ``attention`` (its
  R221-3 mentions);
- when the filing date of a first-instance case is unknown, a provisional execution "de droit"
  is not assumed: the appeal month is waited for;
- the delay of CPC 1411 is counted without the CPC 642 extension (the earlier end);
- a maintenance title (``TitreExamine.creance_alimentaire``) is ``creance_alimentaire``
  (attention): paiement direct (CPCE L213-1 to L213-4) ranked first among the measures, the
  whole pay above the RSA for the current term and six months of arrears (C. trav. L3252-5,
  R3252-5); older arrears by the ordinary seizures;
- a balance of the debtor's account declared by the bank within the last six months
  (``soldes_bancaires``) is taken as unchanged: a new saisie-attribution reaches only what
  exceeds the SBI at the date (CPCE L162-2, R162-2; ``Mesure.rendement_estime``); when that
  cannot pay the claim, ``solde_bancaire_insaisissable`` (attention), and when it is nothing,
  the seizure of that account comes after the other measures.

Simplified (written down, not modelled): the distance extensions of CPC 643/644 (said in a
note), the effect of an appeal actually lodged, oppositions the office does not know of, the
heirs' option (C. civ. 768 ff.), the effect of over-indebtedness
on the prescription, the saisie immobilière and the local law of Alsace-Moselle beyond its
calendar. The ranking of the measures is a clerc's practice, not law: possible measures first;
within each group, the prerequisites (declaration of the claim, service of the title), the
expulsion of an expulsion file, bank accounts (the fastest, L211-2), wages when the employer is
known, saisie-vente, amicable recovery.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from clerc.rules.analyse.alertes import (
    alertes,
)
from clerc.rules.analyse.mesures import (
    mesures,
    situation_du_dossier,
)
from clerc.rules.analyse.modele import (
    ACTES_INSTANCE,
    ACTES_INTERRUPTIFS,
    NATURES_TITRE,
    ActeFait,
    ActePrevu,
    Alerte,
    Controle,
    DebiteurExamine,
    DossierExamine,
    ExamenPrescription,
    ExamenTitre,
    ExpulsionProgrammee,
    FaitInterruptif,
    FicheAnalyse,
    Mesure,
    PaiementRecu,
    ProcedureEnCours,
    ProtectionExaminee,
    SoldeBancaireConnu,
    TitreExamine,
)
from clerc.rules.analyse.prescription import (
    examen_prescription,
    faits_interruptifs,
)
from clerc.rules.analyse.titre import (
    examen_titre,
    injonction_non_avenue_le,
    jugement_non_avenu_le,
)

# --- the whole fiche ------------------------------------------------------------------------


def analyser(d: DossierExamine, au: date) -> FicheAnalyse:
    """The fiche d'analyse of the file at ``au`` (module docstring)."""
    deces = _deces(d, au)
    examen = examen_titre(
        d.titre,
        au,
        territoire=d.territoire,
        deces=deces,
        heritiers_signifies_le=d.titre_signifie_aux_heritiers_le,
    )
    instances = [a.date for a in d.actes if a.code in ACTES_INSTANCE and a.date <= au]
    presc = examen_prescription(
        d.titre,
        au,
        faits_interruptifs(d.actes, d.paiements),
        executoire_depuis=examen.executoire_depuis,
        date_creance=d.date_creance,
        titre_non_avenu=examen.non_avenu,
        instance_le=max(instances) if instances else None,
    )
    if presc.prescrit and d.titre is not None and presc.titre_l111_4:
        controle = Controle(
            "prescription",
            False,
            f"Prescription acquise : {presc.motif}",
            "CPCE L111-4",
            bloquant=True,
        )
        examen = replace(examen, executoire=False, controles=(*examen.controles, controle))
    elif presc.prescrit and d.titre is not None:
        # The claim's own prescription, taken at its general length from the earliest start:
        # to be checked, not a certainty (module docstring).
        controle = Controle(
            "prescription",
            None,
            f"Prescription de la créance vraisemblablement acquise : {presc.motif}",
            "C. civ. 2224",
        )
        examen = replace(examen, controles=(*examen.controles, controle))
    alertes_ = alertes(d, au, examen, presc)
    return FicheAnalyse(
        dossier=d.reference,
        nature=d.nature,
        statut=d.statut,
        territoire=d.territoire,
        au=au,
        titre=examen,
        prescription=presc,
        decompte=d.decompte,
        decompte_erreur=d.decompte_erreur,
        alertes=alertes_,
        mesures=mesures(d, au, examen, presc, alertes_),
    )


def _deces(d: DossierExamine, au: date) -> date | None:
    for debiteur in d.debiteurs:
        if debiteur.decede_le is not None and debiteur.decede_le <= au:
            return debiteur.decede_le
        for protection in debiteur.protections:
            if protection.nature == "deces" and protection.active_au(au):
                return protection.depuis or au
    return None


__all__ = [
    "ACTES_INTERRUPTIFS",
    "NATURES_TITRE",
    "ActeFait",
    "ActePrevu",
    "Alerte",
    "Controle",
    "DebiteurExamine",
    "DossierExamine",
    "ExamenPrescription",
    "ExamenTitre",
    "ExpulsionProgrammee",
    "FaitInterruptif",
    "FicheAnalyse",
    "Mesure",
    "PaiementRecu",
    "ProcedureEnCours",
    "ProtectionExaminee",
    "SoldeBancaireConnu",
    "TitreExamine",
    "alertes",
    "analyser",
    "examen_prescription",
    "examen_titre",
    "faits_interruptifs",
    "injonction_non_avenue_le",
    "jugement_non_avenu_le",
    "mesures",
    "situation_du_dossier",
]
