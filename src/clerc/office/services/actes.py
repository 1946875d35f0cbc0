"""Acts and letters of a file: draw up, check, sign, and the office's répertoire.

The law of an act lives in ``clerc.actes`` (its declared mentions, the checker, the templates);
this module feeds it what the office knows: the parties (CPC 648), the title, the décompte at
the act's date, the deadlines the procedure engine computes for the step the act performs,
whether that step is open, the tariff. An act is stored with its findings: with any finding it
stays a draft (brouillon) and cannot be signed. Signing, by a commissaire de justice of the
office only, checks again against the file as it stands, renders the PDF/A, stores it under
its SHA-256, gives the act its number in the répertoire, charges its cost to the file (CPCE
L111-8) and records the procedure step it performs, in one transaction.
"""

from __future__ import annotations

import csv
import io
from datetime import date, time
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from clerc.actes import composition, conformite, rendu
from clerc.actes.modele import (
    MODES_REMISE,
    ContenuActe,
    Controle,
    DecompteActe,
    Echeancier,
    Etude,
    LigneDecompte,
    Personne,
    Remise,
    TitreActe,
)
from clerc.actes.signature import (
    DonneesValidation,
    charger_certificat,
    charger_racines,
    horodateur_http,
    signer_pdf,
)
from clerc.actes.texte import date_longue, euros
from clerc.actes.textes_reproduits import (
    TexteIntrouvable,
    TexteReproduit,
    extrait,
    texte_reproduit,
)
from clerc.actes.types_actes import CATEGORIES, TypeActe, type_acte, types_actes
from clerc.config import certificat_signature, horodatage_url, racines_signature
from clerc.office import grand_livre
from clerc.office.db import Contexte, executer
from clerc.office.erreurs import Introuvable, OperationRefusee
from clerc.office.models import (
    Acte,
    Dossier,
    DossierDebiteur,
    Ecriture,
    Paiement,
    Partie,
    ProcedureDossier,
    Titre,
    Utilisateur,
    maintenant,
)
from clerc.office.models import Etude as EtudeModele
from clerc.office.models.acte import STATUTS_ACTE
from clerc.office.models.dossier import MODES_REGLEMENT, ORIGINES_PAIEMENT
from clerc.office.models.procedure import STATUTS_PROCEDURE
from clerc.office.services.documents import lire_document, stocker_document
from clerc.office.services.dossiers import (
    charger_dossier,
    cout_pour_dossier,
    decompte_de,
    evenement,
    porter_cout,
    refuser_si_clos,
    toucher,
)
from clerc.office.services.procedures import enregistrer_etape_dans, situation
from clerc.rules import fonds_tiers
from clerc.rules.erreurs import DonneeInvalide, ErreurClerc
from clerc.rules.procedures.chargement import procedure as procedure_en_vigueur
from clerc.rules.procedures.moteur import EtapeFaite, etat, verifier_etape
from clerc.rules.tarif import CoutActe

NATURES_TITRE = {
    "decision_justice": "un jugement",
    "ordonnance_injonction_payer": "une ordonnance d'injonction de payer",
    "accord_homologue": "un accord homologué",
    "decision_etrangere": "une décision étrangère déclarée exécutoire",
    "sentence_arbitrale": "une sentence arbitrale revêtue de l'exequatur",
    "pv_conciliation": "un procès-verbal de conciliation",
    "acte_notarie": "un acte notarié revêtu de la formule exécutoire",
    "convention_divorce": "une convention de divorce déposée au rang des minutes d'un notaire",
    "certificat_non_paiement_cheque": "un titre délivré pour chèque impayé",
    "titre_personne_publique": "un titre exécutoire d'une personne morale de droit public",
    "accord_contresigne_avocats": "un accord contresigné par avocats revêtu de la formule",
    "titre_petites_creances": "un titre délivré dans la procédure de petites créances",
    "titre_creance_commerciale": "un procès-verbal de non-contestation revêtu de la formule",
}
ROLE_SIGNATAIRE = "commissaire_justice"


# --- what the file says, as plain values ------------------------------------------------------


def _personne(partie: Partie) -> Personne:
    adresse = partie.adresse_principale
    lignes: tuple[str, ...] = ()
    if adresse is not None:
        lignes = tuple(
            x
            for x in (
                adresse.ligne1,
                adresse.ligne2,
                f"{adresse.code_postal} {adresse.commune}".strip(),
                None if adresse.pays == "FR" else adresse.pays,
            )
            if x
        )
    consentement = next(
        (
            c.consentement_electronique_le
            for c in partie.contacts
            if c.consentement_electronique_le is not None
        ),
        None,
    )
    return Personne(
        personne_physique=partie.type == "personne_physique",
        designation=partie.designation,
        nom=partie.nom or None,
        prenoms=partie.prenoms,
        profession=partie.profession,
        nationalite=partie.nationalite,
        date_naissance=partie.date_naissance,
        lieu_naissance=partie.lieu_naissance,
        forme=partie.forme_juridique,
        denomination=partie.denomination,
        siren=partie.siren,
        representant=partie.representant,
        adresse=lignes,
        consentement_electronique_le=consentement,
    )


def _etude(etude: EtudeModele, signataire: str | None) -> Etude:
    commissaires = [str(c) for c in etude.commissaires or ()]
    nom = signataire or (commissaires[0] if commissaires else "")
    return Etude(
        nom=etude.nom,
        adresse=tuple(
            x for x in (etude.adresse, f"{etude.code_postal} {etude.commune}".strip()) if x
        ),
        signataire=nom if nom.startswith("Maître") or not nom else f"Maître {nom}",
        siret=etude.siret,
        telephone=etude.telephone,
        courriel=etude.courriel,
    )


def _titre(titre: Titre | None) -> TitreActe | None:
    if titre is None:
        return None
    return TitreActe(
        nature=NATURES_TITRE.get(titre.type, titre.type),
        juridiction=titre.juridiction,
        date_titre=titre.date_titre,
        numero=titre.numero,
        date_signification=titre.date_signification,
        formule_executoire=titre.formule_executoire,
    )


def _decompte(dossier: Dossier, au: date, provision: bool = False) -> DecompteActe | None:
    """The separate statement (CPCE R211-1 3°, R221-1 1°): principal, costs, accrued interest
    with its rates, payments, and for a saisie-attribution the provision for the interest of
    the month to contest (R211-1 3°); ``None`` when the file has no principal yet."""
    try:
        d = decompte_de(dossier, au, provision_un_mois=provision)
    except ErreurClerc:
        return None
    taux = sorted({p.taux for p in d.periodes})
    detail_taux = (
        "taux appliqués : " + ", ".join(f"{str(t).replace('.', ',')} %" for t in taux)
        if taux
        else ""
    )
    lignes = [LigneDecompte("Principal", d.principal)]
    if d.article_700:
        lignes.append(LigneDecompte("Article 700 du code de procédure civile", d.article_700))
    if d.depens:
        lignes.append(LigneDecompte("Dépens", d.depens))
    if d.frais:
        lignes.append(LigneDecompte("Frais de procédure (actes)", d.frais))
    lignes.append(
        LigneDecompte(f"Intérêts échus au {date_longue(au)}", d.interets_echus, detail_taux)
    )
    if d.paiements:
        lignes.append(LigneDecompte("Acomptes versés", -d.paiements))
    if d.trop_percu:
        lignes.append(LigneDecompte("Trop-perçu à restituer", d.trop_percu))
    if provision and d.provision_jusqu_au is not None:
        lignes.append(
            LigneDecompte(
                f"Provision pour intérêts à échoir jusqu'au {date_longue(d.provision_jusqu_au)}",
                d.provision_interets,
                "CPCE R211-1 3°",
            )
        )
        return DecompteActe(au=au, lignes=tuple(lignes), total=d.total_avec_provision)
    return DecompteActe(au=au, lignes=tuple(lignes), total=d.total)


def _cout(
    dossier: Dossier, type_: TypeActe, jour: date, champs: dict[str, Any]
) -> tuple[CoutActe | None, str | None]:
    code = type_.acte_tarif_pour(champs)
    if code is None:
        return None, None
    try:
        return cout_pour_dossier(dossier, code, jour), None
    except ErreurClerc as erreur:  # a tariff figure the office does not know (A444-...)
        return None, str(erreur)


def _textes(type_: TypeActe, jour: date) -> tuple[TexteReproduit, ...]:
    """The articles the act reproduces, whole or some paragraphs, in their wording of the
    act's day; one not stored is left out (the checker reports it: no signature without)."""
    textes = []
    for mention in type_.mentions:
        article = str(mention.parametres.get("article", ""))
        try:
            if mention.controle == "texte_reproduit":
                textes.append(texte_reproduit(article, jour))
            elif mention.controle == "extrait_reproduit":
                alineas = [int(a) for a in mention.parametres["alineas"]]
                textes.append(extrait(article, jour, alineas))
        except TexteIntrouvable:
            continue
    return tuple(textes)


def _procedure(
    dossiers_procedures: list[ProcedureDossier], type_: TypeActe
) -> ProcedureDossier | None:
    for p in dossiers_procedures:
        if p.code == type_.procedure and p.statut == "en_cours":
            return p
    return None


def _controle(
    dossier: Dossier,
    type_: TypeActe,
    jour: date,
    heure: time | None,
    mode: str | None,
    procedures: list[ProcedureDossier],
) -> tuple[dict[str, date], str | None]:
    """The deadlines the engine gives for this act, and its refusal of the step if any."""
    if type_.procedure is None or type_.etape is None:
        return {}, None
    en_cours = _procedure(procedures, type_)
    if en_cours is None:
        return {}, (
            f"Aucune procédure « {type_.procedure} » en cours sur le dossier : démarrez-la "
            "(clerc procedure demarrer) avant de rédiger cet acte."
        )
    loi = procedure_en_vigueur(en_cours.code, en_cours.demarree_le)
    faites = tuple(EtapeFaite(e.code, e.jour, e.heure, e.mode) for e in en_cours.etapes)
    guards = situation(dossier, jour, procedures)
    refus = None
    nouvelle = EtapeFaite(type_.etape, jour, heure, mode)
    try:
        verifier_etape(loi, faites, nouvelle, dossier.territoire, guards)
    except DonneeInvalide as erreur:
        refus = str(erreur)
    etat_ = etat(loi, (*faites, nouvelle), jour, dossier.territoire, guards)
    delais: dict[str, date] = {}
    for mention in type_.mentions:
        if "delai" not in mention.parametres or "etape" not in mention.parametres:
            continue  # a deadline the act states or depends on: {delai: key, etape: step}
        etape = next((e for e in etat_.etapes if e.etape.code == mention.parametres["etape"]), None)
        # The window's end by default; its start for a day from which something may be done
        # (``borne: au_plus_tot``: the day the premises must be vacated, R412-1).
        borne = None
        if etape is not None:
            borne = (
                etape.au_plus_tot
                if mention.parametres.get("borne") == "au_plus_tot"
                else etape.au_plus_tard
            )
        if borne is not None:
            delais[str(mention.parametres["delai"])] = borne.jour
    return delais, refus


def _imprime_un_decompte(type_: TypeActe) -> bool:
    """Whether the act states the sums claimed (a service of an assignation does not)."""
    controles = {"decompte", "lignes_decompte", "taux_interets", "provision_interets"}
    textes = [*type_.corps, *(m.texte or "" for m in type_.mentions)]
    return any(m.controle in controles for m in type_.mentions) or any(
        "{decompte" in t for t in textes
    )


def _champs_de_la_procedure(type_: TypeActe, procedures: list[ProcedureDossier]) -> dict[str, Any]:
    """Dates of the procedure's steps done, as ``<etape>_le`` (``pv_saisie_le``...)."""
    en_cours = _procedure(procedures, type_)
    if en_cours is None:
        return {}
    return {f"{e.code}_le": e.jour for e in en_cours.etapes}


def _etat_procedures(procedures: list[ProcedureDossier]) -> str:
    """ "Saisie-attribution (en cours, démarrée le 6 mars 2023), dernière étape : procès-verbal
    de saisie le 6 mars 2023" for each procedure of the file."""
    morceaux = []
    for p in procedures:
        try:
            loi = procedure_en_vigueur(p.code, p.demarree_le)
            libelle, etapes = loi.libelle, {e.code: e.libelle for e in loi.etapes}
        except ErreurClerc:
            libelle, etapes = p.code, {}
        texte = (
            f"{libelle} ({STATUTS_PROCEDURE.get(p.statut, p.statut).lower()}, démarrée le "
            f"{date_longue(p.demarree_le)})"
        )
        if p.etapes:
            derniere = p.etapes[-1]
            texte += (
                f", dernière étape : {etapes.get(derniere.code, derniere.code).lower()} le "
                f"{date_longue(derniere.jour)}"
            )
        morceaux.append(texte)
    return " ; ".join(morceaux) + "." if morceaux else "aucune procédure engagée."


def _payeur(session: Session, dossier: Dossier, ecriture: Ecriture) -> str:
    """Who paid a receipt, as a letter to the creditor says it."""
    paiement = session.get(Paiement, ecriture.paiement_id) if ecriture.paiement_id else None
    origine = paiement.origine if paiement is not None else "autre"
    if origine == "debiteur":
        noms = ", ".join(lien.partie.designation for lien in dossier.debiteurs)
        return f"{noms} (débiteur)" if noms else "le débiteur"
    autres = {
        "tiers_saisi": "le tiers saisi",
        "repartiteur": "le répartiteur (saisie des rémunérations)",
    }
    return autres.get(origine, ORIGINES_PAIEMENT.get(origine, origine).lower())


def champs_des_fonds(
    session: Session, dossier: Dossier, jour: date, procedures: list[ProcedureDossier]
) -> tuple[dict[str, Any], dict[str, date]]:
    """The fields a letter about money takes from the file (types declaring ``champs_fonds``)
    and the R444-56 deadlines it states, from the third-party funds ledger as it stands at
    ``jour`` (entries dated on or before it; a receipt or outflow reversed by then never
    counts): totals received, paid out, withheld (fees and débours) and held; the last receipt
    (amount, date, mode, payer) and the day it must be paid out by (``reversement_encaissement``);
    the last payout, the fees withheld since the previous one, and the first deadline of the
    sums still held (``reversement``); the state of the procedures and the debtors' names."""
    ecritures = grand_livre.ecritures_du_dossier(session, dossier.id)
    contrepassees = {e.corrige_id for e in ecritures if e.corrige_id and e.date <= jour}
    valides = sorted(
        (
            e
            for e in ecritures
            if e.date <= jour and e.nature != "correction" and e.id not in contrepassees
        ),
        key=lambda e: (e.date, e.id),
    )

    def montant(e: Ecriture) -> Decimal:
        return sum((ligne.debit for ligne in e.lignes), Decimal("0.00"))

    def total(*natures: str) -> Decimal:
        return sum((montant(e) for e in valides if e.nature in natures), Decimal("0.00"))

    champs: dict[str, Any] = {
        "etat_procedures": _etat_procedures(procedures),
        "debiteurs": ", ".join(lien.partie.designation for lien in dossier.debiteurs),
        "total_encaisse": total("encaissement"),
        "total_reverse": total("reversement"),
        "total_frais": total("honoraires", "debours"),
    }
    champs["solde_detenu"] = (
        champs["total_encaisse"] - champs["total_reverse"] - champs["total_frais"]
    )
    delais: dict[str, date] = {}
    encaissements = [e for e in valides if e.nature == "encaissement"]
    if encaissements:
        dernier = encaissements[-1]
        champs |= {
            "montant_encaisse": montant(dernier),
            "encaisse_le": dernier.date,
            "mode_paiement": MODES_REGLEMENT.get(dernier.mode, dernier.mode).lower(),
            "origine_encaissement": _payeur(session, dossier, dernier),
        }
        delais["reversement_encaissement"] = fonds_tiers.date_limite_reversement(
            fonds_tiers.Encaissement(
                dernier.date,
                montant(dernier),
                especes=dernier.mode == "especes",
                acompte=dernier.acompte,
            )
        )[0]
    reversements = [e for e in valides if e.nature == "reversement"]
    if reversements:
        dernier = reversements[-1]
        precedent = reversements[-2].id if len(reversements) > 1 else 0
        champs |= {
            "montant_reverse": montant(dernier),
            "reverse_le": dernier.date,
            "frais_retenus": sum(
                (
                    montant(e)
                    for e in valides
                    if e.nature in ("honoraires", "debours") and precedent < e.id < dernier.id
                ),
                Decimal("0.00"),
            ),
        }
    detenus = grand_livre.fonds_detenus_des_ecritures(ecritures, jour)
    if detenus and champs["solde_detenu"] > 0:
        delais["reversement"] = min(f.date_limite for f in detenus)
    return champs, delais


def contenu_depuis_dossier(
    session: Session, dossier: Dossier, type_: TypeActe, parametres: dict[str, Any]
) -> ContenuActe:
    """The act's content built from the file as it stands (its procedures, décompte,
    deadlines) and the drafting parameters: what the templates and the checker read (the
    training's bloc 2 builds its acts with it too)."""
    jour = date.fromisoformat(parametres["jour"])
    heure = time.fromisoformat(parametres["heure"]) if parametres.get("heure") else None
    remise_ = parametres.get("remise") or {}
    mode = remise_.get("mode")
    procedures = list(
        session.scalars(
            select(ProcedureDossier)
            .where(ProcedureDossier.dossier_id == dossier.id)
            .order_by(ProcedureDossier.id)
            .options(selectinload(ProcedureDossier.etapes))
        )
    )
    etude = session.get(EtudeModele, dossier.etude_id)
    assert etude is not None
    rang = int(parametres.get("destinataire", 0))
    debiteurs = [lien.partie for lien in dossier.debiteurs]
    if type_.destinataire == "creancier":
        destinataire = _personne(dossier.creancier)
    elif not 0 <= rang < len(debiteurs):
        raise DonneeInvalide(
            f"Destinataire n° {rang + 1} inconnu : le dossier a {len(debiteurs)} débiteur(s)."
        )
    else:
        destinataire = _personne(debiteurs[rang])
    tiers = None
    if parametres.get("tiers"):
        t = parametres["tiers"]
        tiers = Personne(
            personne_physique=False,
            designation=t["designation"],
            denomination=t["designation"],
            adresse=tuple(t.get("adresse") or ()),
        )
    if type_.destinataire in ("tiers_saisi", "employeur") and tiers is not None:
        destinataire, tiers = tiers, destinataire
    delais, refus = _controle(dossier, type_, jour, heure, mode, procedures)
    fonds: dict[str, Any] = {}
    if type_.champs_fonds:  # a letter about money: the figures of the ledger
        fonds, delais_fonds = champs_des_fonds(session, dossier, jour, procedures)
        delais = {**delais, **delais_fonds}
    champs = {
        **_champs_de_la_procedure(type_, procedures),
        **fonds,
        **(parametres.get("champs") or {}),
    }
    for cle, valeur in list(champs.items()):  # dates and amounts typed as text
        if isinstance(valeur, str) and cle.endswith("_le"):
            champs[cle] = date.fromisoformat(valeur)
    if isinstance(champs.get("echeancier"), list):  # a payment plan typed as JSON
        try:
            champs["echeancier"] = Echeancier.depuis(champs["echeancier"])
        except (KeyError, TypeError, ValueError, ArithmeticError) as erreur:
            raise DonneeInvalide(f"Échéancier illisible : {erreur}") from None
    cout, cout_indisponible = _cout(dossier, type_, jour, champs)
    provision = any(m.controle == "provision_interets" for m in type_.mentions)
    decompte = _decompte(dossier, jour, provision) if _imprime_un_decompte(type_) else None
    au_decompte = next(
        (
            champs.get(str(m.parametres["au"]))
            for m in type_.mentions
            if m.controle == "decompte" and "au" in m.parametres
        ),
        None,
    )
    if isinstance(au_decompte, date):  # the décompte of an earlier act (the seizure's)
        decompte = _decompte(dossier, au_decompte, provision)
    return ContenuActe(
        type=type_.code,
        reference=dossier.reference,
        jour=jour,
        heure=heure,
        territoire=dossier.territoire,
        etude=_etude(etude, parametres.get("signataire")),
        requerant=_personne(dossier.creancier),
        destinataire=destinataire,
        tiers=tiers,
        titre=_titre(dossier.titre_actif),
        decompte=decompte,
        delais=dict(delais),
        remise=Remise(
            mode=mode,
            heure=heure,
            personne_presente=remise_.get("personne_presente"),
            diligences=remise_.get("diligences", ""),
            avis_de_passage=mode in ("domicile", "etude"),
        )
        if mode
        else None,
        cout=cout,
        cout_indisponible=cout_indisponible,
        textes=_textes(type_, jour),
        champs=champs,
        controle=Controle(
            total_decompte=decompte.total if decompte else None,
            delais=dict(delais),
            etape_refusee=refus,
            fonds=fonds,
        ),
        initiales=str(parametres.get("initiales", "")),
    )


def _composer(type_: TypeActe, contenu: ContenuActe) -> tuple[dict[str, Any], list[dict[str, str]]]:
    constats = [c.en_dict() for c in conformite.verifier(type_, contenu)]
    if type_.categorie == "lettre":
        return composition.donnees_lettre(type_, contenu), constats
    return composition.donnees_acte(type_, contenu), constats


# --- use cases ------------------------------------------------------------------------------


def types() -> list[dict[str, Any]]:
    """Every act and letter type (``clerc acte types``)."""
    return [t.en_dict() for t in types_actes().values()]


def generer(
    contexte: Contexte,
    reference: str,
    type_code: str,
    jour: date,
    *,
    heure: time | None = None,
    mode: str | None = None,
    personne_presente: str | None = None,
    diligences: str = "",
    champs: dict[str, Any] | None = None,
    tiers: dict[str, Any] | None = None,
    destinataire: int = 0,
    signataire: str | None = None,
    remplace: int | None = None,
) -> dict[str, Any]:
    """Draw up an act of the file: stored as a draft with its findings (verified when none).
    ``remplace``: the act this one corrects (same file and type): the new one is its next
    version; a draft replaced is set aside, a signed act stays as signed (it never changes)."""
    type_ = type_acte(type_code)
    if mode is not None and mode not in MODES_REMISE:
        raise DonneeInvalide(f"Mode de remise « {mode} » inconnu ({', '.join(MODES_REMISE)}).")
    parametres: dict[str, Any] = {
        "jour": jour.isoformat(),
        "heure": heure.isoformat() if heure else None,
        "remise": {"mode": mode, "personne_presente": personne_presente, "diligences": diligences}
        if mode
        else None,
        "champs": {
            k: v.isoformat() if isinstance(v, date) else v for k, v in (champs or {}).items()
        },
        "tiers": tiers,
        "destinataire": destinataire,
        "signataire": signataire,
    }

    def _generer(session: Session) -> dict[str, Any]:
        dossier = charger_dossier(session, reference)
        refuser_si_clos(dossier)
        utilisateur = session.scalar(
            select(Utilisateur).where(Utilisateur.identifiant == contexte.utilisateur)
        )
        parametres["initiales"] = _initiales(
            utilisateur.nom if utilisateur else contexte.utilisateur
        )
        ancien = None
        if remplace is not None:
            ancien = session.get(Acte, remplace)
            if ancien is None or ancien.dossier_id != dossier.id or ancien.type != type_.code:
                raise DonneeInvalide(
                    f"--remplace : l'acte n° {remplace} n'est pas un acte « {type_.code} » du "
                    f"dossier {dossier.reference}."
                )
            if ancien.statut == "remplace":
                raise OperationRefusee(f"L'acte n° {remplace} a déjà été remplacé.")
        contenu = contenu_depuis_dossier(session, dossier, type_, parametres)
        donnees, constats = _composer(type_, contenu)
        acte = Acte(
            version=ancien.version + 1 if ancien else 1,
            remplace_id=ancien.id if ancien else None,
            dossier_id=dossier.id,
            type=type_.code,
            categorie=type_.categorie,
            statut="verifie" if not constats else "brouillon",
            jour=jour,
            heure=heure,
            destinataire=contenu.destinataire.designation[:500],
            parametres=parametres,
            donnees=donnees,
            constats=constats,
            cout_ttc=contenu.cout.total_ttc if contenu.cout else None,
            cree_par=contexte.utilisateur,
        )
        session.add(acte)
        if ancien is not None and ancien.statut in ("brouillon", "verifie"):
            ancien.statut = "remplace"  # a draft corrected is no longer to be signed
        evenement(session, dossier, jour, "acte", f"Acte rédigé : {type_.libelle}")
        toucher(dossier)
        session.flush()
        return _resume(acte)

    return executer(contexte, "generer_acte", _generer)


def _initiales(nom: str) -> str:
    return "".join(mot[0].upper() for mot in nom.replace("-", " ").split() if mot)[:4]


def _resume(acte: Acte) -> dict[str, Any]:
    return {
        "acte": acte.id,
        "type": acte.type,
        "version": acte.version,
        "remplace": acte.remplace_id,
        "statut": acte.statut,
        "jour": acte.jour.isoformat(),
        "destinataire": acte.destinataire,
        "cout_ttc": str(acte.cout_ttc) if acte.cout_ttc is not None else None,
        "numero_repertoire": _numero(acte),
        "sha256": acte.sha256,
        "constats": list(acte.constats),
        "conforme": not acte.constats,
    }


def _numero(acte: Acte) -> str | None:
    if acte.numero_repertoire is None:
        return None
    return f"{acte.annee_repertoire}-{acte.numero_repertoire:06d}"


def _modele(acte: Acte) -> str:
    """The PDF template: the act layout (framed, arrêté of 21 March 2023) or the letter's."""
    return "courrier" if acte.categorie == "lettre" else "acte"


def _etude_de(session: Session, dossier: Dossier) -> EtudeModele:
    etude = session.get(EtudeModele, dossier.etude_id)
    assert etude is not None
    return etude


def _charger(session: Session, acte_id: int) -> tuple[Acte, Dossier]:
    acte = session.get(Acte, acte_id)
    if acte is None:
        raise Introuvable(f"Acte n° {acte_id} introuvable dans cette étude.")
    reference = session.scalar(select(Dossier.reference).where(Dossier.id == acte.dossier_id))
    if reference is None:  # a file outside a créancier-client's confined context
        raise Introuvable(f"Acte n° {acte_id} introuvable dans cette étude.")
    return acte, charger_dossier(session, reference)


def _reverifier(session: Session, acte: Acte, dossier: Dossier) -> list[dict[str, str]]:
    """The findings of the act against the file as it stands now."""
    type_ = type_acte(acte.type)
    contenu = contenu_depuis_dossier(session, dossier, type_, dict(acte.parametres))
    donnees, constats = _composer(type_, contenu)
    if not constats and donnees != acte.donnees:
        constats.append(
            {
                "mention": "dossier",
                "article": "",
                "message": "Le dossier, ou un texte ou un tarif applicable, a changé depuis "
                "la rédaction de l'acte (décompte, parties, délais, textes reproduits, coût) : "
                "rédigez-le à nouveau.",
                "sanction": "",
            }
        )
    return constats


def verifier(contexte: Contexte, acte_id: int) -> dict[str, Any]:
    """Check the act again (``clerc acte verifier``): its findings and whether it may be
    signed; a signed act is not checked again (it never changes)."""

    def _verifier(session: Session) -> dict[str, Any]:
        acte, dossier = _charger(session, acte_id)
        if acte.statut in ("signe", "signifie"):
            return _resume(acte)
        acte.constats = _reverifier(session, acte, dossier)
        acte.statut = "verifie" if not acte.constats else "brouillon"
        return _resume(acte)

    return executer(contexte, "verifier_acte", _verifier)


def fichier(contexte: Contexte, acte_id: int, format_: str = "pdf") -> bytes:
    """The act as a file: the signed PDF/A as stored (checksum verified), or the draft
    rendered from its text (PDF or DOCX)."""
    if format_ not in ("pdf", "docx"):
        raise DonneeInvalide(f"Format « {format_} » inconnu (pdf, docx).")

    def _lire(session: Session) -> tuple[Acte, ContenuActe | None]:
        acte, dossier = _charger(session, acte_id)
        contenu = None
        if format_ == "docx":
            contenu = contenu_depuis_dossier(
                session, dossier, type_acte(acte.type), dict(acte.parametres)
            )
        return acte, contenu

    acte, contenu = executer(contexte, "lire_acte", _lire, ecriture=False)
    if format_ == "docx":
        assert contenu is not None
        type_ = type_acte(acte.type)
        if type_.categorie == "lettre":
            return rendu.rendre_docx("lettre", composition.contexte_docx_lettre(type_, contenu))
        return rendu.rendre_docx("acte", composition.contexte_docx(type_, contenu))
    if acte.sha256 is not None:
        return lire_document(acte.sha256)
    if not acte.donnees:
        raise OperationRefusee(
            f"Acte n° {acte_id} : le texte ne peut être composé, voir ses constats "
            "(clerc acte verifier)."
        )
    return rendu.rendre_pdf(_modele(acte), acte.donnees)


def signer(contexte: Contexte, acte_id: int) -> dict[str, Any]:
    """Sign the act: only a commissaire de justice of the office, only without finding."""

    def _signer(session: Session) -> dict[str, Any]:
        signataire = session.scalar(
            select(Utilisateur).where(Utilisateur.identifiant == contexte.utilisateur)
        )
        if signataire is None or signataire.role != ROLE_SIGNATAIRE or not signataire.actif:
            raise OperationRefusee(
                f"« {contexte.utilisateur} » ne peut signer : seul un commissaire de justice de "
                "l'étude signe les actes."
            )
        acte, dossier = _charger(session, acte_id)
        if acte.statut in ("signe", "signifie"):
            raise OperationRefusee(
                f"Acte n° {acte_id} déjà signé (répertoire n° {_numero(acte)}) : une "
                "correction est un nouvel acte (acte generer --remplace)."
            )
        if acte.statut == "remplace":
            raise OperationRefusee(f"Acte n° {acte_id} remplacé par une nouvelle version.")
        refuser_si_clos(dossier)
        constats = _reverifier(session, acte, dossier)
        if constats:
            acte.constats, acte.statut = constats, "brouillon"
            raise OperationRefusee(
                f"Acte n° {acte_id} non signé : {len(constats)} constat(s) — "
                + " ; ".join(f"{c['message']} ({c['article']})" for c in constats[:3])
            )
        type_ = type_acte(acte.type)
        acte.annee_repertoire = acte.jour.year
        acte.numero_repertoire = 1 + (
            session.scalar(
                select(func.max(Acte.numero_repertoire)).where(
                    Acte.annee_repertoire == acte.jour.year
                )
            )
            or 0
        )
        pdf = rendu.rendre_pdf(_modele(acte), acte.donnees, pdfa=True)
        configure = certificat_signature()
        if configure is not None:  # PAdES B-B with the commissaire's certificate
            certificat = charger_certificat(*configure)
            # B-T when the office has a time-stamping authority, B-LT when its roots are given
            # too; signing fails (and nothing is stored: the transaction is rolled back) if it
            # cannot timestamp or gather the validation data.
            url_horodatage = horodatage_url()
            racines = racines_signature()
            pdf = signer_pdf(
                pdf,
                certificat,
                motif=f"{type_.libelle}, répertoire n° {_numero(acte)}",
                lieu=composition.ville(_etude(_etude_de(session, dossier), None).adresse),
                nom=signataire.nom or contexte.utilisateur,
                horodateur=horodateur_http(url_horodatage) if url_horodatage else None,
                validation=DonneesValidation(charger_racines(racines)) if racines else None,
            )
        acte.parametres = {
            **acte.parametres,
            "signature": "electronique" if configure is not None else "papier",
        }
        acte.sha256, acte.taille = stocker_document(pdf), len(pdf)
        acte.statut, acte.signe_le, acte.signe_par = "signe", maintenant(), contexte.utilisateur
        contenu = contenu_depuis_dossier(session, dossier, type_, dict(acte.parametres))
        if contenu.cout is not None:
            porter_cout(session, dossier, contenu.cout, acte.jour, f"{type_.libelle} (n° "
                        f"{contenu.cout.numero}, répertoire {_numero(acte)})")  # fmt: skip
        evenement(
            session,
            dossier,
            acte.jour,
            "acte",
            f"Acte signé : {type_.libelle}, répertoire n° {_numero(acte)}",
            {"acte": acte.id, "sha256": acte.sha256},
        )
        if type_.procedure and type_.etape:
            remise_ = acte.parametres.get("remise") or {}
            enregistrer_etape_dans(
                session,
                dossier.reference,
                type_.etape,
                acte.jour,
                heure=acte.heure,
                mode=remise_.get("mode"),
                procedure=type_.procedure,
                observations=f"Acte n° {acte.id}, répertoire {_numero(acte)}",
            )
        toucher(dossier)
        return _resume(acte)

    return executer(contexte, "signer_acte", _signer)


def signifier(contexte: Contexte, acte_id: int, jour: date) -> dict[str, Any]:
    """Record that a signed act was served (signé -> signifié), on or after its date."""

    def _signifier(session: Session) -> dict[str, Any]:
        acte, dossier = _charger(session, acte_id)
        if acte.statut != "signe":
            raise OperationRefusee(
                f"Acte n° {acte_id} : seul un acte signé et non encore signifié peut l'être "
                f"(statut : {acte.statut})."
            )
        if not type_acte(acte.type).signifie:
            raise OperationRefusee(f"Acte n° {acte_id} : une lettre ne se signifie pas.")
        if jour < acte.jour:
            raise DonneeInvalide(
                f"Signification datée du {jour.isoformat()}, avant l'acte du "
                f"{acte.jour.isoformat()}."
            )
        acte.statut = "signifie"
        acte.parametres = {**acte.parametres, "signifie_le": jour.isoformat()}
        evenement(
            session,
            dossier,
            jour,
            "acte",
            f"Acte signifié : {type_acte(acte.type).libelle}, répertoire n° {_numero(acte)}",
            {"acte": acte.id},
        )
        toucher(dossier)
        return _resume(acte)

    return executer(contexte, "signifier_acte", _signifier)


# --- reading the acts (web office) ------------------------------------------------------------

STATUTS_SIGNES = ("signe", "signifie")


def modes_remise() -> dict[str, str]:
    """How an act may be served (CPC 654 to 662-1), code -> French label."""
    return dict(MODES_REMISE)


def types_par_categorie() -> list[dict[str, Any]]:
    """The act and letter types grouped by category (acts first), for a choice list."""
    groupes: dict[str, list[dict[str, str]]] = {code: [] for code in CATEGORIES}
    for type_ in sorted(types_actes().values(), key=lambda t: t.libelle):
        groupes.setdefault(type_.categorie, []).append(
            {"code": type_.code, "libelle": type_.libelle}
        )
    return [
        {"categorie": code, "libelle": CATEGORIES.get(code, code) + "s", "types": liste}
        for code, liste in groupes.items()
        if liste
    ]


def _libelle_type(code: str) -> str:
    type_ = types_actes().get(code)
    return type_.libelle if type_ is not None else code


def _ligne(acte: Acte) -> dict[str, Any]:
    return {
        "id": acte.id,
        "type": acte.type,
        "libelle": _libelle_type(acte.type),
        "categorie": acte.categorie,
        "version": acte.version,
        "remplace": acte.remplace_id,
        "statut": acte.statut,
        "statut_libelle": STATUTS_ACTE.get(acte.statut, acte.statut),
        "signe": acte.statut in STATUTS_SIGNES,
        "jour": acte.jour.isoformat(),
        "destinataire": acte.destinataire,
        "numero_repertoire": _numero(acte),
        "cout_ttc": str(acte.cout_ttc) if acte.cout_ttc is not None else None,
        "constats": len(acte.constats),
        "signe_le": acte.signe_le,
        "signifie_le": acte.parametres.get("signifie_le"),
    }


def actes_du_dossier(
    contexte: Contexte, reference: str, *, signes_seulement: bool = False
) -> dict[str, Any]:
    """The acts of a file, newest first, with their status, type label and number in the
    répertoire, and what a draft form needs of the file (status, debtors by rank);
    ``signes_seulement``: the signed (and served) acts only, as a creditor sees them. A file
    outside the context (another office's, another creditor's) is ``Introuvable``."""

    def _lire(session: Session) -> dict[str, Any]:
        dossier = session.scalar(
            select(Dossier)
            .where(Dossier.reference == reference.strip())
            .options(selectinload(Dossier.debiteurs).selectinload(DossierDebiteur.partie))
        )
        if dossier is None:
            raise Introuvable(f"Dossier « {reference} » introuvable dans cette étude.")
        requete = select(Acte).where(Acte.dossier_id == dossier.id)
        if signes_seulement:
            requete = requete.where(Acte.statut.in_(STATUTS_SIGNES))
        actes = session.scalars(requete.order_by(Acte.jour.desc(), Acte.id.desc()))
        return {
            "reference": dossier.reference,
            "statut": dossier.statut,
            "debiteurs": [lien.partie.designation for lien in dossier.debiteurs],
            "actes": [_ligne(acte) for acte in actes],
        }

    return executer(contexte, "actes_du_dossier", _lire, ecriture=False)


def fiche_acte(contexte: Contexte, acte_id: int) -> dict[str, Any]:
    """One act as its page shows it: status, findings, what it was drawn up from (to correct
    it), its file and the file's debtors, the version that replaced it. An act of a file
    outside the context (a créancier-client's other files) is ``Introuvable``."""

    def _lire(session: Session) -> dict[str, Any]:
        acte = session.get(Acte, acte_id)
        dossier = (
            session.scalar(
                select(Dossier)
                .where(Dossier.id == acte.dossier_id)
                .options(selectinload(Dossier.debiteurs).selectinload(DossierDebiteur.partie))
            )
            if acte is not None
            else None
        )
        if acte is None or dossier is None:
            raise Introuvable(f"Acte n° {acte_id} introuvable dans cette étude.")
        type_ = types_actes().get(acte.type)
        remplace_par = session.scalar(select(Acte.id).where(Acte.remplace_id == acte.id))
        parametres = dict(acte.parametres)
        remise_ = parametres.get("remise") or {}
        return {
            **_ligne(acte),
            "constats": list(acte.constats),
            "conforme": not acte.constats,
            "signifiable": type_ is not None and type_.signifie,
            "articles": list(type_.articles) if type_ is not None else [],
            "dossier": dossier.reference,
            "dossier_statut": dossier.statut,
            "debiteurs": [lien.partie.designation for lien in dossier.debiteurs],
            "destinataire_creancier": type_ is not None and type_.destinataire == "creancier",
            "remplace_par": remplace_par,
            "signe_par": acte.signe_par,
            "cree_par": acte.cree_par,
            "cree_le": acte.cree_le,
            "sha256": acte.sha256,
            "signature": parametres.get("signature"),
            "parametres": {
                "jour": parametres.get("jour"),
                "heure": (parametres.get("heure") or "")[:5],
                "mode": remise_.get("mode") or "",
                "personne_presente": remise_.get("personne_presente") or "",
                "diligences": remise_.get("diligences") or "",
                "champs": dict(parametres.get("champs") or {}),
                "tiers": parametres.get("tiers"),
                "destinataire": int(parametres.get("destinataire") or 0),
            },
        }

    return executer(contexte, "fiche_acte", _lire, ecriture=False)


def repertoire(contexte: Contexte, annee: int) -> list[dict[str, Any]]:
    """The répertoire of the year: every signed act in number order."""

    def _lire(session: Session) -> list[dict[str, Any]]:
        lignes = session.execute(
            select(Acte, Dossier.reference)
            .join(Dossier, Dossier.id == Acte.dossier_id)
            .where(Acte.annee_repertoire == annee)
            .order_by(Acte.numero_repertoire)
        )
        return [
            {
                "numero": _numero(acte),
                "date": acte.jour.isoformat(),
                "nature": type_acte(acte.type).libelle,
                "dossier": reference,
                "destinataire": acte.destinataire,
                "cout_ttc": str(acte.cout_ttc) if acte.cout_ttc is not None else "",
                "sha256": acte.sha256,
            }
            for acte, reference in lignes
        ]

    return executer(contexte, "repertoire", _lire, ecriture=False)


def repertoire_pdf(contexte: Contexte, annee: int) -> bytes:
    """The répertoire of the year as a PDF: the chronological register of the office's acts
    (number, date, nature, file, addressee, cost)."""
    lignes = repertoire(contexte, annee)

    def _etude(session: Session) -> str:
        etude = session.get(EtudeModele, contexte.etude_id)
        return etude.nom if etude is not None else ""

    nom = executer(contexte, "repertoire_etude", _etude, ecriture=False)
    return rendu.rendre_pdf(
        "repertoire",
        {
            "titre": f"Répertoire des actes {annee}",
            "etude": nom,
            "edite_le": date_longue(date.today()),
            "actes": [
                {
                    "numero": ligne["numero"],
                    "date": date_longue(date.fromisoformat(ligne["date"])),
                    "nature": ligne["nature"],
                    "dossier": ligne["dossier"],
                    "destinataire": ligne["destinataire"],
                    "cout": euros(Decimal(ligne["cout_ttc"])) if ligne["cout_ttc"] else "",
                }
                for ligne in lignes
            ],
        },
    )


def repertoire_csv(lignes: list[dict[str, Any]]) -> str:
    """The répertoire as CSV (semicolon, as French spreadsheets expect)."""
    sortie = io.StringIO()
    colonnes = ["numero", "date", "nature", "dossier", "destinataire", "cout_ttc", "sha256"]
    ecrivain = csv.DictWriter(sortie, fieldnames=colonnes, delimiter=";")
    ecrivain.writeheader()
    ecrivain.writerows(lignes)
    return sortie.getvalue()


# --- the documents on disk ------------------------------------------------------------------


__all__ = [
    "actes_du_dossier",
    "fiche_acte",
    "fichier",
    "generer",
    "lire_document",  # re-exported from services.documents
    "modes_remise",
    "repertoire",
    "repertoire_csv",
    "repertoire_pdf",
    "signer",
    "signifier",
    "stocker_document",
    "types",
    "types_par_categorie",
    "verifier",
]
