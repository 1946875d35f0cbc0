"""Files: open, titles, costs of acts, close and reopen, read, décompte.

Every public function is one transaction (``executer``); it bumps the file's version so that
two concurrent changes to one file are serialised (optimistic locking, see ``db.executer``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from clerc.office.audit import TOUS_CREANCIERS
from clerc.office.db import Contexte, executer
from clerc.office.erreurs import Introuvable, OperationRefusee
from clerc.office.grand_livre import solde_creancier
from clerc.office.models import (
    Adresse,
    Contact,
    Dossier,
    DossierDebiteur,
    Echeance,
    Etude,
    Evenement,
    LigneCreance,
    Partie,
    ProcedureDossier,
    Titre,
    Utilisateur,
    maintenant,
)
from clerc.office.models.dossier import (
    EXECUTION_PROVISOIRE,
    MOTIFS_CLOTURE,
    NATURES_DOSSIER,
    NATURES_LIGNE,
    TYPES_TITRE,
)
from clerc.office.models.partie import CATEGORIES_INTERETS, TYPES_PARTIE
from clerc.office.services.donnees import LigneDonnees, NouveauDossier, PartieDonnees, TitreDonnees
from clerc.office.validation import (
    departement_du_code_postal,
    iban_valide,
    montant_stockable,
    nom_recherche,
    siren_valide,
    siret_valide,
)
from clerc.rules import decompte as regles_decompte
from clerc.rules import tarif
from clerc.rules.calendrier import territoire as territoire_calendrier
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.interets import RegimeInterets
from clerc.rules.procedures.formalites import CODES_FORMALITES

ZERO = Decimal("0.00")


# --- reading -------------------------------------------------------------------------------


def charger_dossier(session: Session, reference: str, *, verrou: bool = False) -> Dossier:
    """The file of this office with that reference, or a French ``Introuvable``."""
    reference = reference.strip()
    dossier = session.scalar(
        select(Dossier)
        .where(Dossier.reference == reference)
        .options(
            selectinload(Dossier.debiteurs).selectinload(DossierDebiteur.partie),
            selectinload(Dossier.titres),
            selectinload(Dossier.lignes),
            selectinload(Dossier.paiements),
        )
    )
    if dossier is None:
        raise Introuvable(f"Dossier « {reference} » introuvable dans cette étude.")
    if verrou:
        toucher(dossier)
    return dossier


def toucher(dossier: Dossier) -> None:
    """Mark the file changed: its version is checked and bumped at flush (optimistic lock)."""
    dossier.modifie_le = maintenant()


def evenement(
    session: Session,
    dossier: Dossier,
    jour: date,
    nature: str,
    libelle: str,
    details: dict[str, Any] | None = None,
) -> None:
    session.add(
        Evenement(
            dossier=dossier,
            date=jour,
            nature=nature,
            libelle=libelle,
            utilisateur=str(session.info.get("utilisateur") or ""),
            details=details or {},
        )
    )


# --- parties --------------------------------------------------------------------------------


def creer_partie(session: Session, donnees: PartieDonnees) -> Partie:
    """Validate and create a party; an imported party with the same key is reused."""
    if donnees.type not in TYPES_PARTIE:
        raise DonneeInvalide(
            f"Type de partie « {donnees.type} » inconnu (attendu : {', '.join(TYPES_PARTIE)})."
        )
    if donnees.cle_import:
        existante = session.scalar(select(Partie).where(Partie.cle_import == donnees.cle_import))
        if existante is not None:
            return existante
    morale = donnees.type == "personne_morale"
    if morale and not (donnees.denomination or donnees.nom):
        raise DonneeInvalide("Personne morale sans dénomination.")
    if not morale and not donnees.nom:
        raise DonneeInvalide("Personne physique sans nom.")
    categorie = donnees.categorie_interets or ("autre" if morale else "particulier")
    if categorie not in CATEGORIES_INTERETS:
        raise DonneeInvalide(
            f"Catégorie « {categorie} » inconnue (attendu : {', '.join(CATEGORIES_INTERETS)})."
        )
    siren = siren_valide(donnees.siren) if donnees.siren else None
    siret = siret_valide(donnees.siret) if donnees.siret else None
    if siret and siren and not siret.startswith(siren):
        raise DonneeInvalide(f"Le SIRET {siret} n'appartient pas au SIREN {siren}.")
    if siret and not siren:
        siren = siret[:9]
    iban, bic = iban_valide(donnees.iban) if donnees.iban else (None, None)
    partie = Partie(
        type=donnees.type,
        civilite=donnees.civilite,
        nom=(donnees.nom or "").strip(),
        prenoms=donnees.prenoms,
        denomination=donnees.denomination,
        forme_juridique=donnees.forme_juridique,
        siren=siren,
        siret=siret,
        rcs=donnees.rcs,
        date_naissance=donnees.date_naissance,
        lieu_naissance=donnees.lieu_naissance,
        profession=donnees.profession,
        nationalite=donnees.nationalite,
        representant=donnees.representant,
        iban=iban,
        bic=bic,
        categorie_interets=categorie,
        decede_le=donnees.decede_le,
        cle_import=donnees.cle_import,
        nom_recherche=nom_recherche(
            donnees.denomination if morale else donnees.nom,
            None if morale else donnees.prenoms,
        ),
    )
    for adresse in donnees.adresses:
        departement = (
            departement_du_code_postal(adresse.code_postal) if adresse.pays == "FR" else None
        )
        partie.adresses.append(
            Adresse(
                nature=adresse.nature,
                ligne1=adresse.ligne1,
                ligne2=adresse.ligne2,
                code_postal=adresse.code_postal.strip(),
                commune=adresse.commune,
                departement=departement,
                pays=adresse.pays,
                principale=not partie.adresses,
            )
        )
    if donnees.telephone:
        partie.contacts.append(Contact(type="telephone", valeur=donnees.telephone))
    if donnees.courriel:
        partie.contacts.append(Contact(type="courriel", valeur=donnees.courriel))
    session.add(partie)
    return partie


def territoire_du_dossier(session: Session, territoire: str | None, debiteurs: list[Partie]) -> str:
    """The calendar territory of a new file: the one given, else the first debtor's
    department, else the office's (clerc.rules.calendrier validates it)."""
    if territoire is None:
        adresse = debiteurs[0].adresse_principale if debiteurs else None
        if adresse is not None and adresse.departement:
            territoire = adresse.departement
        else:
            etude = session.get(Etude, session.info["etude_id"])
            assert etude is not None
            territoire = etude.territoire
    return territoire_calendrier(territoire).code


def partie_du_dossier(session: Session, valeur: PartieDonnees | int) -> Partie:
    """An existing party of the office (by number), or a new one checked by creer_partie."""
    if isinstance(valeur, int):
        partie = session.get(Partie, valeur)
        if partie is None or partie.etude_id != session.info.get("etude_id"):
            raise Introuvable(f"Partie n° {valeur} introuvable dans cette étude.")
        return partie
    return creer_partie(session, valeur)


# --- titles ---------------------------------------------------------------------------------


def titre_depuis_donnees(
    donnees: TitreDonnees, creancier: Partie
) -> tuple[Titre, list[LigneCreance]]:
    if donnees.type not in TYPES_TITRE:
        raise DonneeInvalide(
            f"Type de titre « {donnees.type} » inconnu (CPCE L111-3 ; attendu : "
            f"{', '.join(TYPES_TITRE)})."
        )
    if donnees.execution_provisoire not in EXECUTION_PROVISOIRE:
        raise DonneeInvalide(
            f"Exécution provisoire « {donnees.execution_provisoire} » inconnue (attendu : "
            f"{', '.join(EXECUTION_PROVISOIRE)})."
        )
    for nom, jour in (
        ("date de signification", donnees.date_signification),
        ("date de force exécutoire", donnees.date_force_executoire),
    ):
        if jour is not None and jour < donnees.date_titre:
            raise DonneeInvalide(
                f"Titre : {nom} ({jour.isoformat()}) antérieure à la date du titre "
                f"({donnees.date_titre.isoformat()})."
            )
    if donnees.date_saisine is not None and donnees.date_saisine > donnees.date_titre:
        raise DonneeInvalide("Titre : date de saisine postérieure à la décision (CPC 514).")
    titre = Titre(
        type=donnees.type,
        date_titre=donnees.date_titre,
        juridiction=donnees.juridiction,
        numero=donnees.numero,
        contradictoire=donnees.contradictoire,
        premier_ressort=donnees.premier_ressort,
        execution_provisoire=donnees.execution_provisoire,
        formule_executoire=donnees.formule_executoire,
        date_signification=donnees.date_signification,
        date_force_executoire=donnees.date_force_executoire,
        date_saisine=donnees.date_saisine,
        creance_alimentaire=donnees.creance_alimentaire,
    )
    lignes = [ligne_creance(ligne, donnees.date_titre, creancier) for ligne in donnees.lignes]
    if not any(ligne.nature == "principal" for ligne in lignes) and donnees.lignes:
        raise DonneeInvalide("Titre : aucune ligne de principal dans le dispositif.")
    return titre, lignes


def ligne_creance(donnees: LigneDonnees, jour_titre: date, creancier: Partie) -> LigneCreance:
    if donnees.nature not in NATURES_LIGNE or donnees.nature == "acte":
        raise DonneeInvalide(
            f"Nature de ligne « {donnees.nature} » inconnue (attendu : principal, "
            "article_700, depens)."
        )
    if donnees.montant <= 0:
        raise DonneeInvalide(f"{NATURES_LIGNE[donnees.nature]} : montant {donnees.montant} ≤ 0.")
    montant_stockable(donnees.montant, NATURES_LIGNE[donnees.nature])
    if donnees.mode_interets not in ("legal", "conventionnel", "aucun"):
        raise DonneeInvalide(
            f"Régime d'intérêts « {donnees.mode_interets} » inconnu (legal, conventionnel, aucun)."
        )
    if donnees.mode_interets == "conventionnel" and donnees.taux_conventionnel is None:
        raise DonneeInvalide("Intérêts conventionnels sans taux.")
    return LigneCreance(
        nature=donnees.nature,
        libelle=donnees.libelle or NATURES_LIGNE[donnees.nature],
        date=donnees.date or jour_titre,
        montant=donnees.montant,
        mode_interets=donnees.mode_interets,
        categorie_interets=creancier.categorie_interets,
        taux_conventionnel=donnees.taux_conventionnel,
        interets_depuis=donnees.interets_depuis,
        majoration_depuis=donnees.majoration_depuis,
        capitalisation_depuis=donnees.capitalisation_depuis,
        porte_interets=donnees.porte_interets,
    )


def prochaine_reference(session: Session, jour: date) -> str:
    """Next "AAAA-NNNNNN" of the year; explicit references ("2026-DUPONT", "2026-00042B")
    are skipped: the highest all-digit suffix wins."""
    prefixe = f"{jour.year}-"
    candidates = session.scalars(
        select(Dossier.reference)
        .where(
            Dossier.reference >= f"{prefixe}0",
            Dossier.reference < f"{prefixe}:",  # ":" follows "9"
            func.length(Dossier.reference) == len(prefixe) + 6,
        )
        .order_by(Dossier.reference.desc())
        .limit(50)
        .execution_options(**{TOUS_CREANCIERS: True})  # numbered across the whole office
    )
    for reference in candidates:
        if reference[len(prefixe) :].isdigit():
            return f"{prefixe}{int(reference[len(prefixe) :]) + 1:06d}"
    return f"{prefixe}{1:06d}"


# --- use cases ------------------------------------------------------------------------------


def ouvrir_dossier(contexte: Contexte, donnees: NouveauDossier) -> str:
    """Open a file (creditor, debtors, optional title and its dispositif); its reference."""

    def _ouvrir(session: Session) -> str:
        return ouvrir_dans(session, donnees)

    return executer(contexte, "ouvrir_dossier", _ouvrir)


def ouvrir_dans(session: Session, donnees: NouveauDossier) -> str:
    """Body of ``ouvrir_dossier`` inside a transaction the caller owns (CSV import)."""
    if donnees.nature not in NATURES_DOSSIER:
        raise DonneeInvalide(
            f"Nature de dossier « {donnees.nature} » inconnue (attendu : "
            f"{', '.join(NATURES_DOSSIER)})."
        )
    if not donnees.debiteurs:
        raise DonneeInvalide("Un dossier a au moins un débiteur (ou destinataire).")
    jour = donnees.ouvert_le or date.today()
    creancier = partie_du_dossier(session, donnees.creancier)
    debiteurs = [partie_du_dossier(session, d) for d in donnees.debiteurs]
    if any(d is creancier for d in debiteurs):
        raise DonneeInvalide("Le créancier ne peut pas être aussi débiteur du dossier.")
    if donnees.reference_mandant and creancier.id is not None:
        doublon = session.scalar(
            select(Dossier.reference).where(
                Dossier.creancier_id == creancier.id,
                Dossier.reference_mandant == donnees.reference_mandant,
            )
        )
        if doublon is not None:
            raise OperationRefusee(
                f"Le créancier a déjà confié un dossier sous sa référence "
                f"« {donnees.reference_mandant} » : dossier {doublon}."
            )
    if donnees.reference:
        reference = donnees.reference.strip()
        if session.scalar(select(Dossier.id).where(Dossier.reference == reference)):
            raise OperationRefusee(f"Le dossier « {reference} » existe déjà.")
    else:
        reference = prochaine_reference(session, jour)  # autoflush: sees this session's files
    territoire = territoire_du_dossier(session, donnees.territoire, debiteurs)
    clerc_id = None
    if donnees.clerc:
        clerc_id = session.scalar(
            select(Utilisateur.id).where(Utilisateur.identifiant == donnees.clerc)
        )
        if clerc_id is None:
            raise Introuvable(f"Clerc « {donnees.clerc} » introuvable dans cette étude.")
    dossier = Dossier(
        reference=reference,
        reference_mandant=donnees.reference_mandant,
        nature=donnees.nature,
        ouvert_le=jour,
        territoire=territoire,
        creancier=creancier,
        clerc_id=clerc_id,
        solidaires=donnees.solidaires,
        observations=donnees.observations,
        risques=list(donnees.risques),
    )
    for rang, debiteur in enumerate(debiteurs, start=1):
        dossier.debiteurs.append(DossierDebiteur(partie=debiteur, rang=rang))
    session.add(dossier)
    evenement(
        session,
        dossier,
        jour,
        "ouverture",
        f"Ouverture du dossier ({NATURES_DOSSIER[donnees.nature]})",
    )
    if donnees.titre is not None:
        _poser_titre(session, dossier, donnees.titre, remplacer=False)
    session.flush()
    return reference


def _poser_titre(
    session: Session, dossier: Dossier, donnees: TitreDonnees, *, remplacer: bool
) -> Titre:
    titre, lignes = titre_depuis_donnees(donnees, dossier.creancier)
    ancien = dossier.titre_actif
    if ancien is not None and not remplacer:
        raise OperationRefusee(
            f"Le dossier {dossier.reference} a déjà un titre ({TYPES_TITRE[ancien.type]} du "
            f"{ancien.date_titre.isoformat()}) : utilisez le remplacement."
        )
    dossier.titres.append(titre)
    if ancien is not None:
        session.flush()  # the new title's id marks the old one replaced
        ancien.remplace_par_id = titre.id
        for ligne in dossier.lignes:
            if ligne.titre_id == ancien.id and ligne.annule_par_id is None:
                ligne.annule_par_id = ligne.id  # retired with the replaced title
    for ligne in lignes:
        ligne.titre = titre
        dossier.lignes.append(ligne)
    libelle = f"{'Remplacement du titre par' if ancien else 'Titre'} : {TYPES_TITRE[titre.type]}"
    evenement(
        session,
        dossier,
        donnees.date_titre,
        "titre",
        f"{libelle} du {titre.date_titre.isoformat()}",
    )
    return titre


def ajouter_titre(
    contexte: Contexte, reference: str, titre: TitreDonnees, *, remplacer: bool = False
) -> int:
    """Add the file's title, or replace it (the old one and its lines stay, retired)."""

    def _ajouter(session: Session) -> int:
        dossier = charger_dossier(session, reference, verrou=True)
        refuser_si_clos(dossier)
        pose = _poser_titre(session, dossier, titre, remplacer=remplacer)
        session.flush()
        return int(pose.id)

    return executer(contexte, "remplacer_titre" if remplacer else "ajouter_titre", _ajouter)


def imputer_cout_acte(
    contexte: Contexte,
    reference: str,
    code_acte: str,
    jour: date,
    *,
    montant_obligation: Decimal | None = None,
    libelle: str | None = None,
) -> tarif.CoutActe:
    """Charge the cost of an act (regulated tariff, clerc.rules.tarif) to the file's claim."""

    def _imputer(session: Session) -> tarif.CoutActe:
        dossier = charger_dossier(session, reference, verrou=True)
        refuser_si_clos(dossier)
        cout = cout_pour_dossier(dossier, code_acte, jour, montant_obligation)
        porter_cout(session, dossier, cout, jour, libelle)
        return cout

    return executer(contexte, "imputer_cout_acte", _imputer)


def cout_pour_dossier(
    dossier: Dossier, code_acte: str, jour: date, montant_obligation: Decimal | None = None
) -> tarif.CoutActe:
    """The cost of an act in this file: on its principal unless a sum is given (A444-46), the
    DEP once per claim (A444-15), the tariff of the file's territory (A444-10). Raises
    ParametreManquant naming a tariff figure the office does not know for the date."""
    base = montant_obligation
    if base is None:
        base = sum(
            (ligne.montant for ligne in _lignes_actives(dossier) if ligne.nature == "principal"),
            ZERO,
        )
    # The DEP is due once per claim (A444-15): already charged if an earlier act had it.
    dep_deja = any(
        e.nature == "cout_acte" and Decimal(str(e.details.get("dep_ht", "0"))) > 0
        for e in dossier.evenements
    )
    return tarif.cout_acte(
        code_acte,
        jour,
        base if base > 0 else None,
        dep_deja_percu=dep_deja,
        territoire=_territoire_tarif(dossier.territoire),
    )


def porter_cout(
    session: Session,
    dossier: Dossier,
    cout: tarif.CoutActe,
    jour: date,
    libelle: str | None = None,
) -> None:
    """Charge a cost to the file's claim (borne by the debtor, CPCE L111-8), with its event."""
    dossier.lignes.append(
        LigneCreance(
            nature="acte",
            libelle=libelle or f"{cout.libelle} (n° {cout.numero})",
            date=jour,
            montant=cout.total_ttc,
            mode_interets="aucun",
            categorie_interets=dossier.creancier.categorie_interets,
            numero_tarif=cout.numero,
        )
    )
    evenement(
        session,
        dossier,
        jour,
        "cout_acte",
        f"Coût de l'acte {cout.libelle} : {cout.total_ttc} € TTC",
        {"acte": cout.acte, "total_ttc": str(cout.total_ttc), "dep_ht": str(cout.dep_ht)},
    )


def _territoire_tarif(departement: str) -> str:
    return departement if departement in {"971", "972", "973", "974", "976"} else "metropole"


def refuser_si_clos(dossier: Dossier) -> None:
    if dossier.statut == "clos":
        motif = MOTIFS_CLOTURE.get(dossier.motif_cloture or "", "")
        raise OperationRefusee(
            f"Le dossier {dossier.reference} est clos ({motif}) : rouvrez-le d'abord."
        )


def cloturer(
    contexte: Contexte,
    reference: str,
    motif: str,
    jour: date,
    *,
    certificat: str | None = None,
) -> None:
    """Close a file: paid, irrecoverable (with the certificate's text) or withdrawn."""
    if motif not in MOTIFS_CLOTURE:
        raise DonneeInvalide(
            f"Motif de clôture « {motif} » inconnu (attendu : {', '.join(MOTIFS_CLOTURE)})."
        )
    if motif == "irrecouvrable" and not (certificat or "").strip():
        raise DonneeInvalide(
            "Clôture pour irrécouvrabilité : le certificat d'irrécouvrabilité est requis."
        )

    def _cloturer(session: Session) -> None:
        dossier = charger_dossier(session, reference, verrou=True)
        refuser_si_clos(dossier)
        detenu = solde_creancier(session, dossier.id)
        if detenu:
            raise OperationRefusee(
                f"Le dossier {reference} détient encore {detenu} € pour le créancier : "
                "reversez-les avant de clôturer."
            )
        if motif == "paye":
            reste = decompte_de(dossier, jour).total
            if reste > 0:
                raise OperationRefusee(
                    f"Le dossier {reference} n'est pas soldé au {jour.isoformat()} : "
                    f"{reste} € restent dus."
                )
        dossier.statut = "clos"
        dossier.motif_cloture = motif
        dossier.clos_le = jour
        dossier.certificat_irrecouvrabilite = certificat
        evenement(session, dossier, jour, "cloture", f"Clôture : {MOTIFS_CLOTURE[motif]}")
        _abandonner_procedures(session, dossier, jour)

    executer(contexte, "cloturer_dossier", _cloturer)


def _abandonner_procedures(session: Session, dossier: Dossier, jour: date) -> None:
    """A closed file's running or lapsed procedures are given up and leave the agenda; the
    CPC 658/659 letters still owed for acts served stay on it (owed whatever follows)."""
    for procedure in session.scalars(
        select(ProcedureDossier).where(
            ProcedureDossier.dossier_id == dossier.id,
            ProcedureDossier.statut.in_(("en_cours", "caduque")),
        )
    ):
        procedure.statut = "abandonnee"
        procedure.motif = f"Dossier clos le {jour.isoformat()}."
    session.flush()
    session.connection().execute(
        delete(Echeance).where(
            Echeance.dossier_id == dossier.id,
            Echeance.procedure_id.is_not(None),
            Echeance.etape.not_in(CODES_FORMALITES),
        )
    )


def rouvrir(contexte: Contexte, reference: str, jour: date, motif: str) -> None:
    def _rouvrir(session: Session) -> None:
        dossier = charger_dossier(session, reference, verrou=True)
        if dossier.statut != "clos":
            raise OperationRefusee(f"Le dossier {reference} n'est pas clos.")
        if dossier.clos_le is not None and jour < dossier.clos_le:
            raise DonneeInvalide("Réouverture datée avant la clôture.")
        dossier.statut = "en_cours"
        dossier.motif_cloture = None
        dossier.clos_le = None
        evenement(session, dossier, jour, "reouverture", f"Réouverture : {motif}")

    executer(contexte, "rouvrir_dossier", _rouvrir)


# --- décompte -------------------------------------------------------------------------------


def _lignes_actives(dossier: Dossier) -> list[LigneCreance]:
    return [ligne for ligne in dossier.lignes if ligne.annule_par_id is None]


def creance_du_dossier(dossier: Dossier) -> regles_decompte.Creance:
    """The file's claim as the rules engine sees it (plain values, no model)."""
    lignes = _lignes_actives(dossier)
    principaux = [ligne for ligne in lignes if ligne.nature == "principal"]
    if not principaux:
        raise OperationRefusee(
            f"Le dossier {dossier.reference} n'a pas de créance en principal : ajoutez un titre."
        )
    premier = principaux[0]
    for autre in principaux[1:]:
        if (autre.date, autre.mode_interets, autre.taux_conventionnel, autre.majoration_depuis) != (
            premier.date,
            premier.mode_interets,
            premier.taux_conventionnel,
            premier.majoration_depuis,
        ):
            raise OperationRefusee(
                "Plusieurs lignes de principal à des dates ou régimes d'intérêts différents : "
                "le décompte d'un dossier n'en gère qu'un (regroupez-les ou ouvrez un dossier "
                "par créance)."
            )
    regime = RegimeInterets(
        mode=premier.mode_interets,
        categorie=premier.categorie_interets,
        majoration_depuis=premier.majoration_depuis,
        taux_conventionnel=premier.taux_conventionnel,
        capitalisation_depuis=premier.capitalisation_depuis,
    )
    frais = tuple(
        regles_decompte.Frais(
            libelle=ligne.libelle,
            date=ligne.date,
            montant=ligne.montant,
            nature=ligne.nature,
            porte_interets=ligne.porte_interets,
            interets_depuis=ligne.interets_depuis,
        )
        for ligne in lignes
        if ligne.nature != "principal"
    )
    corriges = {p.corrige_id for p in dossier.paiements if p.corrige_id is not None}
    paiements = tuple(
        regles_decompte.Paiement(p.date, p.montant, p.libelle)
        for p in sorted(dossier.paiements, key=lambda p: (p.date, p.id))
        if p.corrige_id is None and p.id not in corriges
    )
    titre = dossier.titre_actif
    return regles_decompte.Creance(
        principal=sum((ligne.montant for ligne in principaux), ZERO),
        date=premier.date,
        regime=regime,
        interets_depuis=premier.interets_depuis,
        frais=frais,
        paiements=paiements,
        titre=(f"{TYPES_TITRE[titre.type]} du {titre.date_titre.isoformat()}" if titre else ""),
    )


def decompte_de(
    dossier: Dossier, au: date, *, provision_un_mois: bool = False
) -> regles_decompte.Decompte:
    return regles_decompte.decompte(
        creance_du_dossier(dossier), au, provision_un_mois=provision_un_mois
    )


def decompte_dossier(
    contexte: Contexte, reference: str, au: date, *, provision_un_mois: bool = False
) -> regles_decompte.Decompte:
    """The file's décompte at ``au`` (read only)."""

    def _lire(session: Session) -> regles_decompte.Decompte:
        return decompte_de(
            charger_dossier(session, reference), au, provision_un_mois=provision_un_mois
        )

    return executer(contexte, "decompte_dossier", _lire, ecriture=False)


def fiche_dossier(contexte: Contexte, reference: str, au: date | None = None) -> dict[str, Any]:
    """A JSON-ready summary of the file (parties, title, claim, money, timeline)."""
    from clerc.office.services.presentation import fiche

    def _lire(session: Session) -> dict[str, Any]:
        return fiche(session, charger_dossier(session, reference), au or date.today())

    return executer(contexte, "afficher_dossier", _lire, ecriture=False)
