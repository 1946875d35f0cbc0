"""Fiche d'analyse, 3: the risks of the file and what each forbids, with the article."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from clerc.rules.analyse.modele import (
    ACTES_INTERRUPTIFS,
    ACTES_SAISIE_VENTE,
    ALSACE_MOSELLE,
    EXPULSION,
    GRAVITES,
    JUGEMENTS,
    MAJEURS_PROTEGES,
    MESURES_FORCEES,
    MESURES_SUR_LES_BIENS,
    OUTRE_MER,
    PROCEDURES_COLLECTIVES,
    RECOUVREMENT_AMIABLE,
    SAISIE_VENTE,
    SURENDETTEMENT,
    ActeFait,
    Alerte,
    DebiteurExamine,
    DossierExamine,
    ExamenPrescription,
    ExamenTitre,
    SoldeBancaireConnu,
)
from clerc.rules.dates import ajouter_mois
from clerc.rules.delais import treve_hivernale
from clerc.rules.erreurs import ErreurClerc
from clerc.rules.monnaie import ZERO, format_euros
from clerc.rules.procedures.gardes import execution_contre_heritiers_le
from clerc.rules.saisie_vente import saisie_vente_subsidiaire, seuil_subsidiarite
from clerc.rules.sbi import mise_a_disposition_sbi, solde_bancaire_insaisissable

# A balance declared by a bank tells something of the account for this long (our reading:
# an older balance says nothing of what a new seizure would find).
MOIS_SOLDE_SIGNIFICATIF = 6

# --- 3. alerts ------------------------------------------------------------------------------


def _liste(noms: Sequence[str]) -> str:
    return ", ".join(noms) if noms else "non identifiés"


def alertes(
    d: DossierExamine, au: date, titre: ExamenTitre, presc: ExamenPrescription
) -> tuple[Alerte, ...]:
    """The risks of the file at ``au``, most serious first (module docstring, 3)."""
    resultat: list[Alerte] = []
    ajouter = resultat.append
    resultat.extend(_alertes_titre(d, au, titre))
    resultat.extend(_alertes_prescription(d, au, presc))
    for debiteur in d.debiteurs:
        resultat.extend(_alertes_debiteur(debiteur, au, d.titre_signifie_aux_heritiers_le))
    resultat.extend(_alertes_expulsion(d, au))
    resultat.extend(_alertes_territoire(d))
    resultat.extend(_alertes_procedures(d, au))
    alerte_535 = _alerte_saisie_vente(d)
    if alerte_535 is not None:
        ajouter(alerte_535)
    resultat.extend(_alertes_fonds(d, au))
    if d.en_cours and (d.decompte is None or d.decompte.total > 0):
        alimentaire = _alerte_creance_alimentaire(d, au)
        if alimentaire is not None:
            ajouter(alimentaire)
        sbi = _alerte_solde_bancaire(d, au)
        if sbi is not None:
            ajouter(sbi)
    if d.en_cours and d.decompte is not None and d.decompte.total <= 0:
        ajouter(
            Alerte(
                "creance_soldee",
                "information",
                f"Rien ne reste dû au {au.isoformat()} (décompte) : reverser les fonds détenus "
                "puis clôturer le dossier.",
                "C. civ. 1342",
                MESURES_FORCEES,
            )
        )
    if d.statut == "suspendu":
        ajouter(
            Alerte(
                "dossier_suspendu",
                "information",
                "Dossier suspendu : vérifier le motif de la suspension avant tout acte.",
                "",
            )
        )
    ordre = {gravite: rang for rang, gravite in enumerate(GRAVITES)}
    return tuple(sorted(resultat, key=lambda a: ordre[a.gravite]))


def _actes_d_execution_faits(d: DossierExamine, avant: date | None) -> list[ActeFait]:
    return [
        a
        for a in d.actes
        if (a.code in ACTES_INTERRUPTIFS or a.code in ACTES_SAISIE_VENTE)
        and (avant is None or a.date < avant)
    ]


# A failed check of the title -> (alert code, gravity, article when not the check's own).
_ALERTES_DES_CONTROLES: dict[str, tuple[str, str, str | None]] = {
    "injonction_non_avenue": ("injonction_non_signifiee_6_mois", "bloquant", None),
    "injonction_a_signifier": ("injonction_a_signifier", "attention", None),
    "jugement_478": ("jugement_non_avenu", "bloquant", "CPC 478"),
    "formule_executoire": ("formule_executoire_absente", "bloquant", None),
    "type_titre": ("titre_inconnu", "bloquant", "CPCE L111-3"),
    "force_executoire": ("titre_pas_encore_executoire", "attention", None),
}


def _alertes_titre(d: DossierExamine, au: date, examen: ExamenTitre) -> list[Alerte]:
    titre = examen.titre
    if titre is None:
        return []
    resultat: list[Alerte] = []
    for controle in examen.controles:
        if controle.conforme is not False:
            continue
        if controle.code == "signification":
            code = "jugement_non_signifie" if titre.type in JUGEMENTS else "titre_non_signifie"
            faits = _actes_d_execution_faits(d, None)
            message = controle.message
            if faits:
                liste = "; ".join(f"{a.libelle or a.code} le {a.date.isoformat()}" for a in faits)
                message += (
                    f" Actes d'exécution déjà faits sans signification préalable ({liste}) : "
                    "exposés à la nullité ; signifier le jugement puis renouveler la mesure."
                )
            resultat.append(Alerte(code, "bloquant", message, "CPC 503", MESURES_FORCEES))
        elif controle.code in _ALERTES_DES_CONTROLES:
            code, gravite, article = _ALERTES_DES_CONTROLES[controle.code]
            resultat.append(
                Alerte(
                    code, gravite, controle.message, article or controle.article, MESURES_FORCEES
                )
            )
    return resultat


def _alertes_prescription(d: DossierExamine, au: date, presc: ExamenPrescription) -> list[Alerte]:
    if not presc.applicable or presc.date_acquisition is None:
        return []
    article = "CPCE L111-4" if presc.titre_l111_4 else "C. civ. 2224"
    interdit = MESURES_FORCEES  # a voluntary payment stays possible (C. civ. 2249)
    if presc.prescrit:
        if not d.en_cours:
            return [
                Alerte(
                    "prescription_acquise_dossier_clos",
                    "information",
                    f"Dossier clos ; prescription acquise le {presc.date_acquisition.isoformat()} "
                    f"({article}) : une réouverture ne permettrait plus d'exécuter.",
                    article,
                    interdit,
                )
            ]
        if d.titre is not None and presc.titre_l111_4:
            return [
                Alerte(
                    "titre_prescrit",
                    "bloquant",
                    f"Titre prescrit : {presc.motif} Aucune mesure d'exécution ne peut plus être "
                    "engagée (CPCE L111-4) ; les intérêts ne sont exigibles que sur les cinq "
                    "dernières années (C. civ. 2224).",
                    article,
                    interdit,
                )
            ]
        return [
            Alerte(
                "creance_prescrite",
                "attention",
                f"Créance vraisemblablement prescrite : {presc.motif} Le débiteur peut opposer "
                "la prescription (C. civ. 2247) ; vérifier le délai propre à la créance.",
                article,
                interdit,
            )
        ]
    if d.en_cours and presc.date_acquisition <= ajouter_mois(au, 6):
        return [
            Alerte(
                "prescription_prochaine",
                "attention",
                f"Prescription acquise le {presc.date_acquisition.isoformat()} ({article}) : "
                "l'interrompre d'ici là par un acte d'exécution forcée (C. civ. 2244).",
                article,
            )
        ]
    return []


def _alertes_debiteur(
    debiteur: DebiteurExamine, au: date, heritiers_signifies_le: date | None = None
) -> list[Alerte]:
    resultat: list[Alerte] = []
    nom = debiteur.designation
    actives = [p for p in debiteur.protections if p.active_au(au)]
    natures = {p.nature for p in actives}
    for protection in actives:
        depuis = protection.depuis.isoformat() if protection.depuis else "une date inconnue"
        organe = f" ({protection.organe})" if protection.organe else ""
        if protection.nature in PROCEDURES_COLLECTIVES:
            article = PROCEDURES_COLLECTIVES[protection.nature]
            libelle = {
                "procedure_sauvegarde": "en procédure de sauvegarde",
                "redressement_judiciaire": "en redressement judiciaire",
                "liquidation_judiciaire": "en liquidation judiciaire",
            }[protection.nature]
            mandataire = debiteur.representants_de("liquidateur", "mandataire_judiciaire")
            aupres = protection.organe or _liste(mandataire)
            resultat.append(
                Alerte(
                    protection.nature,
                    "bloquant",
                    f"{nom} est {libelle} depuis le jugement du {depuis}"
                    f"{' (' + protection.juridiction + ')' if protection.juridiction else ''} : "
                    "le jugement d'ouverture arrête et interdit toute procédure d'exécution des "
                    f"créanciers antérieurs ({article}) et le paiement des créances antérieures "
                    "(C. com. L622-7) ; déclarer la créance au mandataire judiciaire ou au "
                    f"liquidateur ({aupres}) dans les deux mois de la publication au BODACC "
                    "(C. com. L622-24, R622-24).",
                    article,
                    (*MESURES_FORCEES, RECOUVREMENT_AMIABLE),
                )
            )
        elif protection.nature in SURENDETTEMENT:
            article = SURENDETTEMENT[protection.nature]
            quoi = (
                "son dossier de surendettement a été déclaré recevable"
                if protection.nature == "surendettement_recevabilite"
                else "des mesures de traitement de son surendettement lui sont opposables"
            )
            resultat.append(
                Alerte(
                    "surendettement",
                    "bloquant",
                    f"{nom} : {quoi} le {depuis}{organe} : les procédures d'exécution sur ses "
                    f"biens sont suspendues et interdites ({article}) ; il lui est interdit de "
                    "payer les créances antérieures ; déclarer la créance à la commission.",
                    article,
                    (*MESURES_SUR_LES_BIENS, RECOUVREMENT_AMIABLE),
                )
            )
        elif protection.nature == "retablissement_personnel":
            resultat.append(
                Alerte(
                    "retablissement_personnel",
                    "bloquant",
                    f"{nom} : rétablissement personnel prononcé le {depuis} : ses dettes non "
                    "professionnelles sont effacées (C. consom. L741-2) ; plus aucune poursuite, "
                    "clôturer le dossier après vérification de la décision.",
                    "C. consom. L741-2",
                    (*MESURES_FORCEES, RECOUVREMENT_AMIABLE),
                )
            )
        elif protection.nature in MAJEURS_PROTEGES:
            role, article = MAJEURS_PROTEGES[protection.nature]
            representants = debiteur.representants_de("tuteur", "curateur", "representant_legal")
            qui = protection.organe or _liste(representants)
            regle = {
                "tutelle": "le majeur en tutelle est représenté par son tuteur (C. civ. 473, 475) "
                ": les actes sont signifiés au tuteur",
                "habilitation_familiale": "la personne habilitée le représente (C. civ. 494-1) "
                ": signifier les actes à la personne habilitée",
            }.get(
                protection.nature,
                "toute signification faite au majeur en curatelle doit l'être aussi au "
                "curateur, à peine de nullité (C. civ. 467)",
            )
            resultat.append(
                Alerte(
                    "majeur_protege",
                    "attention",
                    f"{nom} est sous {protection.nature.replace('_', ' ')} depuis le {depuis} "
                    f"({role} : {qui}) : {regle}.",
                    article,
                )
            )
        elif protection.nature == "sauvegarde_de_justice":
            resultat.append(
                Alerte(
                    "sauvegarde_de_justice",
                    "information",
                    f"{nom} est sous sauvegarde de justice depuis le {depuis} : il conserve "
                    "l'exercice de ses droits (C. civ. 435) ; vérifier qu'aucun mandataire spécial "
                    "n'a été désigné.",
                    "C. civ. 435",
                )
            )
    deces = debiteur.decede_le
    if deces is None and "deces" in natures:
        deces = next(p.depuis for p in actives if p.nature == "deces")
    if (deces is not None and deces <= au) or "deces" in natures:
        quand = f"le {deces.isoformat()}" if deces else "(date inconnue)"
        heritiers = debiteur.representants_de("heritier")
        accord = "décédée" if nom.startswith("Madame") else "décédé"
        # Eight clear days after the service on the heirs (C. civ. 877; as the guard counts).
        ouverte_le = (  # C. civ. 877, counted as the guard counts
            execution_contre_heritiers_le(heritiers_signifies_le)
            if heritiers_signifies_le
            else None
        )
        bloquees: tuple[str, ...]
        if ouverte_le is not None and au >= ouverte_le:
            etat_heritiers, niveau, bloquees = (
                f"titre signifié aux héritiers ({_liste(heritiers)}) le "
                f"{heritiers_signifies_le}, exécutoire contre eux depuis le {ouverte_le} "
                "(C. civ. 877)",
                "attention",
                (),
            )
        elif ouverte_le is not None:
            etat_heritiers, niveau, bloquees = (
                f"titre signifié aux héritiers ({_liste(heritiers)}) le "
                f"{heritiers_signifies_le} : aucune exécution contre eux avant le {ouverte_le} "
                "(huit jours, C. civ. 877)",
                "bloquant",
                MESURES_FORCEES,
            )
        else:
            etat_heritiers, niveau, bloquees = (
                "le titre n'est exécutoire contre les héritiers "
                f"({_liste(heritiers)}) que huit jours après leur avoir été signifié (C. civ. "
                "877)",
                "bloquant",
                MESURES_FORCEES,
            )
        resultat.append(
            Alerte(
                "debiteur_decede",
                niveau,
                f"{nom} est {accord} {quand} : {etat_heritiers} ; aucune mesure contre le "
                "défunt ; vérifier l'option des héritiers.",
                "C. civ. 877",
                bloquees,
            )
        )
    return resultat


def _alertes_expulsion(d: DossierExamine, au: date) -> list[Alerte]:
    resultat: list[Alerte] = []
    expulse = [a.date for a in d.actes if a.code == "pv_expulsion"]
    for programmee in d.expulsions:
        if any(jour >= programmee.programmee_le for jour in expulse):
            continue  # carried out since
        try:
            periode = treve_hivernale(programmee.date_prevue)
        except ErreurClerc:
            continue
        if periode is None:
            continue
        passe = programmee.date_prevue < au
        resultat.append(
            Alerte(
                "treve_hivernale",
                "bloquant",
                f"Expulsion programmée le {programmee.date_prevue.isoformat()}, pendant la trêve "
                f"hivernale (du {periode.debut.isoformat()} au {periode.fin.isoformat()}) : "
                "aucune expulsion d'un local d'habitation ne peut y être exécutée, sauf "
                "relogement assuré (CPCE L412-6) ; "
                + ("elle n'a pu avoir lieu : la reprogrammer" if passe else "la reprogrammer")
                + f" à partir du {periode.reprise_le.isoformat()}.",
                "CPCE L412-6",
                (EXPULSION,),
            )
        )
    if d.nature == "expulsion" and d.en_cours and not expulse and not resultat:
        try:
            periode = treve_hivernale(au)
        except ErreurClerc:
            periode = None
        if periode is not None:
            resultat.append(
                Alerte(
                    "treve_hivernale_en_cours",
                    "information",
                    f"Trêve hivernale en cours jusqu'au {periode.fin.isoformat()} : l'expulsion "
                    f"ne pourra être exécutée qu'à partir du {periode.reprise_le.isoformat()}, "
                    "sauf relogement assuré (CPCE L412-6).",
                    "CPCE L412-6",
                    (EXPULSION,),
                )
            )
    return resultat


def _alertes_territoire(d: DossierExamine) -> list[Alerte]:
    departements = [d.territoire] + [x.departement for x in d.debiteurs if x.departement]
    alsace = sorted({x for x in departements if x in ALSACE_MOSELLE})
    resultat: list[Alerte] = []
    if alsace:
        resultat.append(
            Alerte(
                "alsace_moselle",
                "attention",
                f"Dossier relevant de l'Alsace-Moselle (département {', '.join(alsace)}) : le "
                "26 décembre et, dans les communes ayant un temple protestant ou une église "
                "mixte, le Vendredi saint sont fériés (C. trav. L3134-13), ce qui proroge les "
                "délais (CPC 642) ; droit local pour les titres (CPCE L111-5) et la saisie "
                "immobilière (livre foncier, loi du 1er juin 1924).",
                "C. trav. L3134-13 ; CPC 642 ; CPCE L111-5",
            )
        )
    outre_mer = sorted({x for x in departements if x in OUTRE_MER})
    if outre_mer:
        resultat.append(
            Alerte(
                "outre_mer",
                "information",
                f"Dossier d'outre-mer ({', '.join(outre_mer)}) : jours fériés locaux (loi n° "
                "83-550, abolition de l'esclavage), délais de recours augmentés d'un mois pour "
                "les parties demeurant hors du territoire (CPC 643, 644), émoluments majorés "
                "(C. com. A444-10).",
                "CPC 643, 644 ; C. com. A444-10",
            )
        )
    return resultat


def _alerte_saisie_vente(d: DossierExamine) -> Alerte | None:
    """CPCE L221-2, R221-2: a saisie-vente in the dwelling for less than the threshold."""
    if d.principal is None or not d.debiteurs or not d.debiteurs[0].personne_physique:
        return None
    pv = [a for a in d.actes if a.code in ACTES_SAISIE_VENTE]
    commandements = [a for a in d.actes if a.code == "commandement_saisie_vente"]
    faits = pv or commandements
    if not faits:
        return None
    jour = faits[-1].date
    alimentaire = d.titre is not None and d.titre.creance_alimentaire
    if not saisie_vente_subsidiaire(d.principal, jour, alimentaire=alimentaire):
        return None
    seuil = format_euros(seuil_subsidiarite(jour))
    if pv:
        return Alerte(
            "creance_inferieure_535",
            "bloquant",
            f"Saisie-vente pratiquée le {jour.isoformat()} pour une créance de "
            f"{format_euros(d.principal)} en principal, inférieure à {seuil} : au domicile du "
            "débiteur, elle n'est possible que sur autorisation du juge de l'exécution ou si une "
            "saisie sur compte ou sur rémunérations est impossible (CPCE L221-2, R221-2) ; à "
            "défaut, elle est exposée à la nullité.",
            "CPCE L221-2, R221-2",
            (SAISIE_VENTE,),
        )
    return Alerte(
        "creance_inferieure_535",
        "attention",
        f"Commandement aux fins de saisie-vente du {jour.isoformat()} pour une créance de "
        f"{format_euros(d.principal)} en principal, inférieure à {seuil} : il doit porter les "
        "mentions de l'article R221-3, et la saisie au domicile n'est possible qu'après échec "
        "d'une saisie sur compte ou sur rémunérations ou sur autorisation du juge (CPCE L221-2, "
        "R221-2).",
        "CPCE L221-2, R221-2, R221-3",
        (SAISIE_VENTE,),
    )


def _alertes_fonds(d: DossierExamine, au: date) -> list[Alerte]:
    en_retard = [f for f in d.fonds if f.en_retard(au)]
    a_venir = [f for f in d.fonds if not f.en_retard(au)]
    resultat: list[Alerte] = []
    if en_retard:
        detail = " ; ".join(
            f"{format_euros(f.restant)} reçus le {f.encaissement.date.isoformat()}, à reverser "
            f"au plus tard le {f.date_limite.isoformat()} ({f.regle})"
            for f in en_retard
        )
        resultat.append(
            Alerte(
                "fonds_detenus_trop_longtemps",
                "attention",
                f"Fonds détenus au-delà du délai de reversement au créancier : {detail}. Les "
                "reverser sans délai (C. com. R444-56 ; manquement disciplinaire).",
                "C. com. R444-56",
            )
        )
    if a_venir:
        detail = " ; ".join(
            f"{format_euros(f.restant)} avant le {f.date_limite.isoformat()}" for f in a_venir
        )
        resultat.append(
            Alerte(
                "fonds_a_reverser",
                "information",
                f"Fonds détenus pour le créancier, à reverser dans le délai : {detail} "
                "(C. com. R444-56).",
                "C. com. R444-56",
            )
        )
    return resultat


def _alertes_procedures(d: DossierExamine, au: date) -> list[Alerte]:
    """Procedures already running: their next deadline, missed ones first."""
    resultat = []
    for p in d.procedures:
        if p.statut == "caduque":
            resultat.append(
                Alerte(
                    "procedure_caduque",
                    "attention",
                    f"{p.libelle} démarrée le {p.demarree_le.isoformat()} caduque : {p.motif} "
                    "Informer le créancier ; reprendre la mesure (clerc procedure demarrer) ou "
                    "l'abandonner (clerc procedure abandonner).",
                    p.article,
                )
            )
            continue
        message = f"{p.libelle} en cours depuis le {p.demarree_le.isoformat()}"
        if p.prochaine_etape and p.date_limite:
            message += f" : {p.prochaine_etape.lower()} au plus tard le {p.date_limite.isoformat()}"
        depassee = p.date_limite is not None and p.date_limite < au
        resultat.append(
            Alerte(
                "echeance_depassee" if depassee else "procedure_en_cours",
                "attention" if depassee else "information",
                message
                + (" — délai dépassé, voir clerc procedure possibles." if depassee else "."),
                "",
            )
        )
    return resultat


# --- maintenance claims and the SBI -----------------------------------------------------------


def rsa_laisse(au: date) -> Decimal | None:
    """The RSA for one person on ``au`` (C. trav. R3252-5, CPCE L162-2); None when the figure
    is not known for that date (the message then says so without an amount)."""
    try:
        return solde_bancaire_insaisissable(au).montant
    except ErreurClerc:
        return None


def _alerte_creance_alimentaire(d: DossierExamine, au: date) -> Alerte | None:
    """CPCE L213-1 to L213-4, C. trav. L3252-5: what a maintenance title opens."""
    if d.titre is None or not d.titre.creance_alimentaire:
        return None
    rsa = rsa_laisse(au)
    laisse = f" ({format_euros(rsa)} au {au.isoformat()})" if rsa is not None else ""
    return Alerte(
        "creance_alimentaire",
        "attention",
        "Créance alimentaire (le titre fixe une pension ou une contribution à l'entretien et à "
        "l'éducation des enfants) : le paiement direct est ouvert dès qu'un terme est resté "
        "impayé (CPCE L213-1) ; l'employeur ou la banque du débiteur paie alors directement le "
        "créancier, par préférence à tous autres créanciers (L213-2), les termes à échoir et "
        "les termes échus des six derniers mois, ceux-ci par fractions sur douze mois (L213-4). "
        "Ce prélèvement peut porter sur toute la rémunération, seul le montant forfaitaire du "
        f"RSA{laisse} restant au débiteur (C. trav. L3252-5, R3252-5) ; l'arriéré plus ancien "
        "se recouvre par les saisies ordinaires ; la saisie-vente n'est pas subsidiaire pour "
        "une créance alimentaire (CPCE L221-2).",
        "CPCE L213-1, L213-2, L213-4 ; C. trav. L3252-5, R3252-5",
    )


@dataclass(frozen=True)
class SoldeApresSbi:
    """The last balance the bank declared and what a new seizure of it would reach at ``au``."""

    connu: SoldeBancaireConnu
    sbi: Decimal
    saisissable: Decimal


def solde_apres_sbi(d: DossierExamine, au: date) -> SoldeApresSbi | None:
    """CPCE L162-2, R162-2: on a natural person's account the bank leaves, without request,
    the RSA for one person within the credit balance; a new seizure of the account whose
    balance the bank declared in the last six months would reach only the excess (our reading:
    the balance is taken as unchanged). None: no recent balance, a company, or the SBI figure
    unknown on ``au``."""
    if not d.debiteurs or not d.debiteurs[0].personne_physique:
        return None
    recents = [
        s
        for s in d.soldes_bancaires
        if s.date <= au and s.date > ajouter_mois(au, -MOIS_SOLDE_SIGNIFICATIF)
    ]
    if not recents:
        return None
    connu = max(recents, key=lambda s: s.date)
    try:
        mise = mise_a_disposition_sbi([connu.solde], au)
    except ErreurClerc:
        return None
    return SoldeApresSbi(connu, mise.solde_bancaire_insaisissable, mise.montant_saisissable)


def _alerte_solde_bancaire(d: DossierExamine, au: date) -> Alerte | None:
    etat = solde_apres_sbi(d, au)
    if etat is None:
        return None
    du = d.decompte.total if d.decompte is not None else d.principal
    if du is not None and etat.saisissable >= du:
        return None  # the account covers the claim despite the SBI
    connu = etat.connu
    banque = f" ({connu.banque})" if connu.banque else ""
    atteint = (
        "n'atteindrait rien"
        if etat.saisissable == ZERO
        else f"n'atteindrait que {format_euros(etat.saisissable)}"
    )
    reste = f", pour {format_euros(du)} dus" if du is not None else ""
    return Alerte(
        "solde_bancaire_insaisissable",
        "attention",
        f"Dernier solde déclaré du compte du débiteur{banque} : {format_euros(connu.solde)} le "
        f"{connu.date.isoformat()}. Sur le compte d'une personne physique, la banque laisse "
        "d'office, dans la limite du solde, le solde bancaire insaisissable égal au RSA d'une "
        f"personne seule, {format_euros(etat.sbi)} au {au.isoformat()} (CPCE L162-2, R162-2) : "
        f"une nouvelle saisie-attribution sur ce compte {atteint} si le solde est inchangé"
        f"{reste}. Préférer une autre mesure (rémunérations, autres comptes par FICOBA, CPCE "
        "L152-1) ou attendre des mouvements créditeurs.",
        "CPCE L162-2, R162-2",
    )
