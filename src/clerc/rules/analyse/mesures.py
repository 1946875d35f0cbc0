"""Fiche d'analyse, 4: the measures a clerc would consider, ranked, with cost and conditions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from clerc.rules import tarif
from clerc.rules.analyse.alertes import (
    _liste,
    rsa_laisse,
    solde_apres_sbi,
)
from clerc.rules.analyse.modele import (
    ACTES_EXPULSION,
    ALSACE_MOSELLE,
    DECLARATION_CREANCE,
    EXPULSION,
    INJONCTION_DE_PAYER,
    MAJEURS_PROTEGES,
    NATURES_TITRE,
    PAIEMENT_DIRECT,
    PETITES_CREANCES,
    PROCEDURES_COLLECTIVES,
    RECOUVREMENT_AMIABLE,
    SAISIE_ATTRIBUTION_COMPTE,
    SAISIE_REMUNERATIONS,
    SAISIE_REMUNERATIONS_PAR_COMMISSAIRE_DEPUIS,
    SAISIE_VENTE,
    SIGNIFICATION_TITRE,
    SURENDETTEMENT,
    TERRITOIRES_TARIF_OUTRE_MER,
    ActeFait,
    ActePrevu,
    Alerte,
    DossierExamine,
    ExamenPrescription,
    ExamenTitre,
    Mesure,
)
from clerc.rules.analyse.titre import (
    delai_injonction_mois,
)
from clerc.rules.dates import ajouter_mois
from clerc.rules.erreurs import ErreurClerc
from clerc.rules.monnaie import ZERO, format_euros
from clerc.rules.procedures.gardes import GARDES, GARDES_EXECUTION, Situation

# --- 4. measures ----------------------------------------------------------------------------

# Alerts already expressed by a guard or a check of the title in a measure's conditions.
_ALERTES_COUVERTES = frozenset(
    {
        "liquidation_judiciaire", "redressement_judiciaire", "procedure_sauvegarde",
        "surendettement", "debiteur_decede", "jugement_non_signifie", "titre_non_signifie",
        "jugement_non_avenu", "injonction_non_signifiee_6_mois", "injonction_a_signifier",
        "formule_executoire_absente", "titre_pas_encore_executoire", "titre_prescrit",
        "creance_prescrite", "creance_inferieure_535", "creance_soldee",
        "prescription_acquise_dossier_clos",
    }
)  # fmt: skip
# Checks of the title already expressed by a guard (titre_executoire, titre_signifie, heritiers).
_CONTROLES_COUVERTS = frozenset({"formule_executoire", "signification", "heritiers", "titre"})


@dataclass(frozen=True)
class _Candidate:
    code: str
    libelle: str
    priorite: int
    actes: tuple[str, ...]
    gardes: tuple[str, ...]
    pourquoi: str
    articles: str
    forcee: bool = True  # a measure of forced execution (needs the title)
    manquantes: tuple[str, ...] = ()
    precautions: tuple[str, ...] = ()
    notes_cout: tuple[str, ...] = ()
    tarifee: bool = True  # False: no tariffed act (cost not estimated)
    situation: Situation | None = None  # overrides the file's (saisie-vente: dwelling)
    repetitions: int = 1  # service to several heirs
    rendement: Decimal | None = None  # expected yield, when the office knows it


def situation_du_dossier(d: DossierExamine) -> Situation:
    """The guards' view of the file when the office did not give it."""
    if d.situation is not None:
        return d.situation
    risques: set[str] = set()
    for debiteur in d.debiteurs:
        for protection in debiteur.protections:
            if protection.nature in PROCEDURES_COLLECTIVES:
                risques.add("procedure_collective")
            elif protection.nature in SURENDETTEMENT:
                risques.add("surendettement")
            elif protection.nature == "deces":
                risques.add("deces")
        if debiteur.decede_le is not None:
            risques.add("deces")
    titre = d.titre
    return Situation(
        titre_executoire=bool(titre is not None and titre.formule_executoire)
        if titre is not None or d.nature != "amiable"
        else None,
        titre_signifie_le=titre.date_signification if titre else None,
        principal=d.principal,
        creance_alimentaire=bool(titre is not None and titre.creance_alimentaire),
        risques=frozenset(risques),
        titre_signifie_aux_heritiers_le=d.titre_signifie_aux_heritiers_le,
    )


def _cout(
    codes: Sequence[str], d: DossierExamine, au: date, repetitions: int = 1
) -> tuple[Decimal | None, tuple[ActePrevu, ...], tuple[str, ...]]:
    """Expected cost of the acts at ``au`` (regulated tariff); None when a figure is unknown."""
    territoire = d.territoire if d.territoire in TERRITOIRES_TARIF_OUTRE_MER else "metropole"
    dep_deja = d.dep_deja_percu
    total: Decimal | None = ZERO
    prevus: list[ActePrevu] = []
    avertissements: list[str] = []
    for code in codes:
        for _ in range(repetitions):
            try:
                cout = tarif.cout_acte(
                    code, au, d.principal, dep_deja_percu=dep_deja, territoire=territoire
                )
            except ErreurClerc as erreur:
                libelle = tarif.acte(code).libelle if code in tarif.ACTES else code
                prevus.append(ActePrevu(code, libelle, None, str(erreur)))
                total = None
                continue
            dep_deja = dep_deja or cout.dep_ht > 0
            note = (
                f"dont droit d'engagement des poursuites {cout.dep_ht} € HT" if cout.dep_ht else ""
            )
            prevus.append(ActePrevu(code, cout.libelle, cout.total_ttc, note))
            avertissements.extend(cout.avertissements)
            if total is not None:
                total += cout.total_ttc
    return total, tuple(prevus), tuple(dict.fromkeys(avertissements))


_GARDES_SI_PERTINENTES = frozenset({"heritiers", "subsidiarite_saisie_vente"})


def _pertinente(cle: str, s: Situation) -> bool:
    if cle == "heritiers":
        return "deces" in s.risques
    return s.local_habitation is not False and s.principal is not None


def _conditions(
    candidate: _Candidate,
    situation: Situation,
    au: date,
    examen: ExamenTitre,
    presc: ExamenPrescription,
    alertes_: Sequence[Alerte],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    remplies: list[str] = []
    manquantes: list[str] = []
    s = candidate.situation or situation
    for cle in candidate.gardes:
        garde = GARDES.get(cle)
        if garde is None:  # a guard renamed by the procedures engine: not checked here
            continue
        raison = garde.verifier(s, au)
        if raison is None:
            if cle in _GARDES_SI_PERTINENTES and not _pertinente(cle, s):
                continue  # met only because it does not apply (no deceased debtor...)
            remplies.append(garde.libelle)
        else:
            manquantes.append(raison)
    if candidate.forcee:
        for controle in examen.bloquants():
            if controle.code not in _CONTROLES_COUVERTS:
                manquantes.append(controle.message)
        if not presc.prescrit and presc.applicable and presc.date_acquisition is not None:
            remplies.append(
                f"titre non prescrit (exécution possible jusqu'au "
                f"{presc.date_acquisition.isoformat()})"
            )
    for alerte in alertes_:
        if (
            alerte.gravite == "bloquant"
            and candidate.code in alerte.interdit
            and alerte.code not in _ALERTES_COUVERTES
        ):
            manquantes.append(alerte.message)
    manquantes.extend(candidate.manquantes)
    return tuple(dict.fromkeys(remplies)), tuple(dict.fromkeys(manquantes))


def _derniere(d: DossierExamine, *codes: str) -> ActeFait | None:
    faits = [a for a in d.actes if a.code in codes]
    return max(faits, key=lambda a: a.date) if faits else None


def _candidates(
    d: DossierExamine, au: date, examen: ExamenTitre, presc: ExamenPrescription
) -> list[_Candidate]:
    debiteur = d.debiteurs[0] if d.debiteurs else None
    personne = debiteur.personne_physique if debiteur is not None else True
    actifs = {p.nature for x in d.debiteurs for p in x.protections if p.active_au(au)}
    decede = any(x.decede_le is not None and x.decede_le <= au for x in d.debiteurs) or (
        "deces" in actifs
    )
    titre = d.titre
    nature = NATURES_TITRE.get(titre.type) if titre is not None else None
    candidates: list[_Candidate] = []
    codes = {c.code for c in examen.controles if c.conforme is False}

    if actifs & set(PROCEDURES_COLLECTIVES):
        candidates.append(
            _Candidate(
                DECLARATION_CREANCE,
                "Déclaration de la créance au mandataire judiciaire ou au liquidateur",
                0,
                (),
                (),
                "Seule voie ouverte contre un débiteur en procédure collective : la créance "
                "antérieure non déclarée dans les deux mois de la publication du jugement "
                "d'ouverture au BODACC est inopposable à la procédure (C. com. L622-24, L622-26, "
                "R622-24).",
                "C. com. L622-24, L622-26, R622-24",
                forcee=False,
                tarifee=False,
                notes_cout=("Non tarifée : mandat du créancier (honoraires libres).",),
            )
        )
    if titre is not None and nature is not None:
        if "injonction_non_avenue" in codes:
            candidates.append(
                _Candidate(
                    INJONCTION_DE_PAYER,
                    "Nouvelle requête en injonction de payer",
                    1,
                    ("signification_injonction_de_payer",),
                    (),
                    "L'ordonnance est non avenue faute de signification à temps (CPC 1411) : une "
                    "nouvelle requête au juge (CPC 1405 s.), puis sa signification dans le délai, "
                    "redonne un titre.",
                    "CPC 1405, 1407, 1411",
                    forcee=False,
                )
            )
        elif "jugement_478" in codes:
            pass  # non avenu: a new instance, outside the office's acts
        elif decede:
            heritiers = [nom for x in d.debiteurs for nom in x.representants_de("heritier")] or [
                "héritiers à identifier"
            ]
            candidates.append(
                _Candidate(
                    SIGNIFICATION_TITRE,
                    "Signification du titre aux héritiers",
                    1,
                    (nature.acte_signification,),
                    (),
                    f"Préalable à toute exécution contre les héritiers ({', '.join(heritiers)}) : "
                    "le titre leur devient exécutoire huit jours après sa signification "
                    "(C. civ. 877).",
                    "C. civ. 877 ; CPC 503",
                    forcee=False,
                    repetitions=max(1, len([h for h in heritiers if "identifier" not in h])),
                )
            )
        elif codes & {"signification", "injonction_a_signifier"}:
            limite = ajouter_mois(titre.date_titre, delai_injonction_mois(titre.date_titre)[0])
            candidates.append(
                _Candidate(
                    SIGNIFICATION_TITRE,
                    "Signification du titre au débiteur",
                    1,
                    (nature.acte_signification,),
                    (),
                    "Préalable à toute mesure : le titre ne peut être exécuté qu'après avoir été "
                    "signifié au débiteur (CPC 503)"
                    + (
                        f", et l'ordonnance doit l'être au plus tard le {limite.isoformat()} "
                        "(CPC 1411)."
                        if titre.type == "ordonnance_injonction_payer"
                        else "."
                    ),
                    "CPC 503",
                    forcee=False,
                )
            )

    if titre is None:
        plafond = d.principal is not None and d.principal <= Decimal("5000")
        candidates.append(
            _Candidate(
                RECOUVREMENT_AMIABLE,
                "Recouvrement amiable",
                2,
                (),
                ("pas_de_procedure_collective", "pas_de_surendettement"),
                "Sans titre exécutoire, seule une démarche amiable est possible : mise en demeure "
                "(C. civ. 1344) puis relances et échéancier ; les frais restent à la charge du "
                "créancier (CPCE L111-8 al. 2).",
                "CPCE R124-1 s. ; C. civ. 1344 ; CPCE L111-8",
                forcee=False,
                tarifee=False,
                notes_cout=(
                    "Aucun acte tarifé à la charge du débiteur (CPCE L111-8 al. 2) ; droit "
                    "proportionnel du créancier sur les sommes encaissées (C. com. A444-32).",
                ),
            )
        )
        candidates.append(
            _Candidate(
                PETITES_CREANCES,
                "Procédure simplifiée de recouvrement des petites créances",
                3,
                (),
                ("plafond_petites_creances",),
                "Titre exécutoire délivré par un commissaire de justice si le débiteur accepte "
                "montant et modalités (CPCE L125-1) ; créance d'au plus 5 000 € (R125-1)"
                + ("." if plafond else " : montant dépassé ici."),
                "CPCE L125-1, R125-1",
                forcee=False,
                tarifee=False,
                notes_cout=("Frais à la charge du créancier (CPCE L125-1).",),
            )
        )
        candidates.append(
            _Candidate(
                INJONCTION_DE_PAYER,
                "Requête en injonction de payer",
                4,
                ("signification_injonction_de_payer",),
                (),
                "Obtenir un titre exécutoire sur requête, sans débat préalable (CPC 1405 s.) ; "
                "l'ordonnance est à signifier dans le délai de l'article 1411.",
                "CPC 1405, 1411",
                forcee=False,
            )
        )
        return candidates

    # Measures of forced execution on a title.
    banque = debiteur.banque if debiteur is not None else None
    employeur = debiteur.employeur if debiteur is not None else None
    alimentaire = titre.creance_alimentaire
    if alimentaire and personne:
        candidates.append(_paiement_direct(au, employeur, banque))
    derniere_attribution = _derniere(
        d, "pv_saisie_attribution", "pv_saisie_attribution_compte_clos"
    )
    compte_clos = (
        derniere_attribution
        if derniere_attribution is not None
        and derniere_attribution.code == "pv_saisie_attribution_compte_clos"
        else None
    )
    pourquoi = (
        "Mesure la plus rapide et la moins coûteuse : les sommes disponibles sur les comptes "
        "sont attribuées immédiatement au créancier (CPCE L211-2), sous réserve du solde "
        "bancaire insaisissable (CPCE R162-2)"
    )
    pourquoi += f" ; banque connue : {banque}." if banque else " ; banque à identifier."
    if compte_clos is not None:
        pourquoi += f" Dernière tentative le {compte_clos.date.isoformat()} : compte clos."
    priorite = 10 if banque else 12
    precautions_compte: tuple[str, ...] = ()
    etat_compte = solde_apres_sbi(d, au) if personne else None
    if etat_compte is not None:
        connu = etat_compte.connu
        precautions_compte = (
            f"Solde déclaré le {connu.date.isoformat()} : {format_euros(connu.solde)} ; la "
            f"banque en laisse {format_euros(min(connu.solde, etat_compte.sbi))} au débiteur "
            f"(solde bancaire insaisissable de {format_euros(etat_compte.sbi)}, CPCE L162-2, "
            f"R162-2) : rendement attendu {format_euros(etat_compte.saisissable)} si le solde "
            "est inchangé.",
        )
        if etat_compte.saisissable == ZERO:
            # A clerc's practice: nothing to expect from that account as things stand, the
            # other measures come first (after the saisie-vente, before amicable recovery).
            priorite = 32
            pourquoi += (
                " Le dernier solde déclaré ne dépasse pas le solde bancaire insaisissable : "
                "rien à attendre de ce compte en l'état."
            )
    candidates.append(
        _Candidate(
            SAISIE_ATTRIBUTION_COMPTE,
            "Saisie-attribution sur comptes bancaires",
            priorite,
            ("pv_saisie_attribution", "denonciation_saisie_attribution"),
            GARDES_EXECUTION,
            pourquoi,
            "CPCE L211-1, L211-2, R211-1, R211-3",
            precautions=(
                ()
                if banque
                else ("Identifier les comptes par le fichier FICOBA (CPCE L152-1, L152-2).",)
            )
            + precautions_compte
            + ("Dénoncer la saisie au débiteur dans les huit jours (CPCE R211-3).",),
            rendement=etat_compte.saisissable if etat_compte is not None else None,
        )
    )
    if personne:
        reforme = au >= SAISIE_REMUNERATIONS_PAR_COMMISSAIRE_DEPUIS
        actes = (
            (
                "commandement_saisie_remunerations",
                "inscription_commandement_registre",
                "pv_saisie_remunerations",
                "inscription_pv_saisie_registre",
                "denonciation_saisie_remunerations",
            )
            if reforme
            else ("requete_saisie_remunerations",)
        )
        pourquoi = (
            "Prélèvement mensuel de la fraction saisissable du salaire (C. trav. L3252-2, "
            "R3252-2) : "
            + (
                "commandement de payer, puis procès-verbal de saisie à l'employeur après un "
                "mois et dans les trois mois (CPCE L212-2, L212-6) ; sommes réparties par le "
                "commissaire de justice répartiteur (CPCE L212-9)"
                if reforme
                else "requête au juge de l'exécution (C. trav. R3252-1 s., texte antérieur au "
                "1er juillet 2025)"
            )
        )
        pourquoi += f" ; employeur connu : {employeur}." if employeur else " ; employeur inconnu."
        precautions_salaire: tuple[str, ...] = (
            "Laisser au débiteur le montant forfaitaire du RSA (C. trav. R3252-5).",
        )
        if alimentaire:
            rsa = rsa_laisse(au)
            montant_rsa = f" ({format_euros(rsa)})" if rsa is not None else ""
            precautions_salaire = (
                "Créance alimentaire : pour le terme courant et les six derniers mois impayés, "
                "le prélèvement peut porter sur toute la rémunération, seul le montant "
                f"forfaitaire du RSA{montant_rsa} restant au débiteur (C. trav. L3252-5, "
                "R3252-5), imputé d'abord sur la fraction insaisissable (CPCE R212-1-35) ; "
                "l'arriéré plus ancien suit le barème (C. trav. R3252-2).",
            )
        candidates.append(
            _Candidate(
                SAISIE_REMUNERATIONS,
                "Saisie des rémunérations",
                20 if employeur else 35,
                actes,
                GARDES_EXECUTION,
                pourquoi,
                "CPCE L212-1 s., R212-1-1 s. ; C. trav. L3252-1 s."
                if reforme
                else "C. trav. L3252-1 s., R3252-1 s.",
                manquantes=()
                if employeur
                else (
                    "Employeur du débiteur à identifier (renseignements des administrations, "
                    "CPCE L152-1).",
                ),
                precautions=precautions_salaire,
            )
        )
    commandement = _derniere(d, "commandement_saisie_vente")
    valide = commandement is not None and au <= ajouter_mois(commandement.date, 24)
    actes_vente: tuple[str, ...] = (
        ("pv_saisie_vente",) if valide else ("commandement_saisie_vente", "pv_saisie_vente")
    )
    pourquoi = (
        "Saisie des meubles corporels du débiteur, huit jours après un commandement de payer "
        "(CPCE L221-1, R221-1, R221-10) ; plus lente, de rendement souvent faible, mais elle "
        "incite au paiement"
    )
    if valide and commandement is not None:
        pourquoi += (
            f" ; commandement du {commandement.date.isoformat()} encore valable (moins de deux "
            "ans, CPCE R221-5)."
        )
    else:
        pourquoi += "."
    situation = situation_du_dossier(d)
    candidates.append(
        _Candidate(
            SAISIE_VENTE,
            "Saisie-vente",
            30,
            actes_vente,
            (*GARDES_EXECUTION, "subsidiarite_saisie_vente"),
            pourquoi,
            "CPCE L221-1, L221-2, R221-1, R221-2, R221-10",
            precautions=("Biens insaisissables exclus (CPCE L112-2, R112-2).",),
            situation=replace(situation, local_habitation=personne),
        )
    )
    if d.nature == "expulsion" and _derniere(d, "pv_expulsion") is None:
        commandement_quitter = _derniere(d, "commandement_quitter_les_lieux")
        requisition = _derniere(d, "requisition_force_publique")
        restants = tuple(
            code
            for code, fait in zip(
                ACTES_EXPULSION, (commandement_quitter, requisition, None), strict=True
            )
            if fait is None
        )
        manquantes: tuple[str, ...] = ()
        if commandement_quitter is not None:
            deux_mois = ajouter_mois(commandement_quitter.date, 2)
            if au <= deux_mois:
                manquantes = (
                    f"Délai de deux mois après le commandement de quitter les lieux du "
                    f"{commandement_quitter.date.isoformat()} non expiré (jusqu'au "
                    f"{deux_mois.isoformat()}, CPCE L412-1).",
                )
        candidates.append(
            _Candidate(
                EXPULSION,
                "Expulsion",
                5,
                restants,
                ("titre_executoire", "titre_signifie", "heritiers", "hors_treve_hivernale"),
                "Objet du dossier : libérer le logement après le commandement de quitter les "
                "lieux, deux mois de délai et le concours de la force publique (CPCE L411-1, "
                "L412-1, L153-1), hors trêve hivernale (CPCE L412-6).",
                "CPCE L411-1, R411-1, L412-1, L412-5, L412-6",
                manquantes=manquantes,
                precautions=(
                    "Informer le préfet dès le commandement (CPCE L412-5) ; le juge du "
                    "surendettement peut suspendre l'expulsion (C. consom. L722-6).",
                ),
            )
        )
    candidates.append(
        _Candidate(
            RECOUVREMENT_AMIABLE,
            "Relance amiable et échéancier",
            40,
            (),
            ("pas_de_procedure_collective", "pas_de_surendettement"),
            "Utile quand le débiteur paie ou propose de payer : un échéancier évite des frais "
            "d'exécution ; l'acompte du débiteur interrompt la prescription (C. civ. 2240).",
            "C. civ. 1343-5, 2240 ; C. com. A444-44",
            forcee=False,
            tarifee=False,
            notes_cout=(
                "Pas d'acte à engager ; émolument par versement encaissé sur échéancier (C. com. "
                "A444-44).",
            ),
        )
    )
    return candidates


def _paiement_direct(au: date, employeur: str | None, banque: str | None) -> _Candidate:
    """CPCE L213-1 to L213-6, R213-1 to R213-10 (declaration ``paiement_direct``): ranked
    first for a maintenance claim, the creditor being paid before all others (L213-2)."""
    tiers = []
    if employeur:
        tiers.append(f"employeur : {employeur}")
    if banque:
        tiers.append(f"banque : {banque}")
    rsa = rsa_laisse(au)
    montant_rsa = f" ({format_euros(rsa)} au {au.isoformat()})" if rsa is not None else ""
    return _Candidate(
        PAIEMENT_DIRECT,
        "Paiement direct de la pension alimentaire",
        6,
        (),
        ("titre_executoire", "titre_signifie", "pas_de_procedure_collective", "heritiers"),
        "Créance alimentaire : dès qu'un terme est impayé, le tiers débiteur du débiteur "
        f"({', '.join(tiers) if tiers else 'employeur ou banque à identifier'}) paie "
        "directement le créancier, par préférence à tous autres créanciers, les termes à échoir "
        "et l'arriéré des six derniers mois, réglé sur douze mois (CPCE L213-1, L213-2, L213-4) "
        "; sur un salaire, le prélèvement peut porter sur toute la rémunération au-delà du "
        f"montant forfaitaire du RSA{montant_rsa} (C. trav. L3252-5, R3252-5). Demande notifiée "
        "au tiers par lettre recommandée dans les huit jours (CPCE R213-1).",
        "CPCE L213-1, L213-2, L213-4, R213-1 ; C. trav. L3252-5",
        manquantes=()
        if tiers
        else ("Tiers débiteur (employeur, banque) à identifier (renseignements, CPCE L152-1).",),
        precautions=(
            "Aviser le débiteur par lettre recommandée en même temps que le tiers, à peine de "
            "nullité de la demande (CPCE R213-1).",
            "L'arriéré de plus de six mois se recouvre par les saisies ordinaires (CPCE L213-4).",
        ),
        tarifee=False,
        notes_cout=(
            "Frais à la charge du débiteur, aucune avance demandée au créancier (CPCE R213-7) ; "
            "émolument non chiffré ici.",
        ),
    )


def mesures(
    d: DossierExamine,
    au: date,
    examen: ExamenTitre,
    presc: ExamenPrescription,
    alertes_: Sequence[Alerte],
) -> tuple[Mesure, ...]:
    """The measures a clerc would consider, possible ones first, each by priority."""
    if not d.en_cours:
        return ()
    if d.decompte is not None and d.decompte.total <= 0:
        return ()
    situation = situation_du_dossier(d)
    brutes: list[tuple[bool, int, Mesure]] = []
    for candidate in _candidates(d, au, examen, presc):
        remplies, manquantes = _conditions(candidate, situation, au, examen, presc, alertes_)
        if candidate.tarifee and candidate.actes:
            cout, actes, avertissements = _cout(candidate.actes, d, au, candidate.repetitions)
        elif candidate.tarifee:
            cout, actes, avertissements = ZERO, (), ()
        else:
            cout, actes, avertissements = None, (), ()
        if candidate.code == RECOUVREMENT_AMIABLE:
            cout = ZERO
        precautions = candidate.precautions + _precautions(d, au)
        for en_cours in d.procedures:
            if en_cours.code == candidate.code:
                precautions = (
                    *precautions,
                    f"Déjà en cours depuis le {en_cours.demarree_le.isoformat()} : la poursuivre "
                    "plutôt que la recommencer.",
                )
        if presc.prescrit and (candidate.code == RECOUVREMENT_AMIABLE or not presc.titre_l111_4):
            precautions = (
                *precautions,
                "Prescription vraisemblablement acquise : le débiteur peut l'opposer (C. civ. "
                "2247) ; seul un paiement volontaire reste acquis au créancier (C. civ. 2249), "
                "sans menace d'exécution ; vérifier le point de départ et le délai propres à la "
                "créance.",
            )
        mesure = Mesure(
            procedure=candidate.code,
            libelle=candidate.libelle,
            rang=0,
            cout_estime=cout,
            actes=actes,
            conditions_remplies=remplies,
            conditions_manquantes=manquantes,
            pourquoi=candidate.pourquoi,
            articles=candidate.articles,
            precautions=precautions,
            avertissements=candidate.notes_cout + avertissements,
            rendement_estime=candidate.rendement,
        )
        brutes.append((not mesure.possible, candidate.priorite, mesure))
    brutes.sort(key=lambda x: (x[0], x[1]))
    return tuple(replace(m, rang=rang) for rang, (_, _, m) in enumerate(brutes, start=1))


def _precautions(d: DossierExamine, au: date) -> tuple[str, ...]:
    """What every act of the file must respect (protected adult, local calendar)."""
    resultat: list[str] = []
    for debiteur in d.debiteurs:
        for protection in debiteur.protections:
            if protection.active_au(au) and protection.nature in MAJEURS_PROTEGES:
                role, article = MAJEURS_PROTEGES[protection.nature]
                qui = protection.organe or _liste(
                    debiteur.representants_de("tuteur", "curateur", "representant_legal")
                )
                resultat.append(
                    f"Signifier chaque acte aussi au {role} de {debiteur.designation} ({qui}), "
                    f"à peine de nullité ({article})."
                )
    if d.territoire in ALSACE_MOSELLE:
        resultat.append(
            "Calculer les délais avec le calendrier d'Alsace-Moselle (26 décembre, Vendredi "
            "saint : C. trav. L3134-13 ; CPC 642)."
        )
    return tuple(resultat)
