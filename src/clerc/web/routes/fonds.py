"""Money of the files: posting and cancelling payments, paying out to the creditor, the
office's fees withheld, the file's ledger entries, and the office's third-party funds held
with their C. com. R444-56 payout deadlines (``/fonds``).

Routes only read forms and call ``clerc.office.services.paiements``: the ledger and its
invariants (balanced entries, no negative balance) live in ``clerc.office.grand_livre``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from clerc.office.droits import peut
from clerc.office.erreurs import Introuvable
from clerc.office.models.dossier import MODES_REGLEMENT, ORIGINES_PAIEMENT
from clerc.office.services import paiements
from clerc.office.services.utilisateurs import UtilisateurConnecte
from clerc.office.validation import montant_stockable, pas_dans_le_futur
from clerc.rules.erreurs import DonneeInvalide, ErreurClerc
from clerc.rules.monnaie import montant
from clerc.web.deps import Aujourdhui, Connecte, ContexteEtude, exiger, verifier_csrf
from clerc.web.formulaires import Saisie
from clerc.web.gabarits import page

routeur = APIRouter(include_in_schema=False, dependencies=[Depends(verifier_csrf)])

PeutEnregistrer = Annotated[UtilisateurConnecte, Depends(exiger("enregistrer_paiement"))]
PeutReverser = Annotated[UtilisateurConnecte, Depends(exiger("reverser"))]
PeutToutLire = Annotated[UtilisateurConnecte, Depends(exiger("lire_tous_dossiers"))]
Champ = Annotated[str, Form(max_length=200)]

PAR_PAGE = 100  # sums held shown a page on /fonds
NATURES_FRAIS = {
    "honoraires": "Frais et émoluments de l'étude",
    "debours": "Débours avancés par l'étude",
}
MESSAGES = {
    "paiement": "Paiement enregistré.",
    "annulation": "Paiement annulé par une écriture de correction.",
    "reversement": "Reversement au créancier enregistré.",
    "frais": "Prélèvement enregistré.",
}


def _montant(saisie: Saisie, champ: str, *, obligatoire: bool = True) -> Decimal | None:
    """The amount typed in ``champ`` ("1 234,56"), or None with the error set."""
    texte = saisie.valeurs.get(champ, "").strip()
    if not texte:
        if obligatoire:
            saisie.erreur(champ, "Montant obligatoire.")
        return None
    try:
        somme = montant(texte, "Montant")
        if somme <= 0:
            raise DonneeInvalide("Montant : il doit être supérieur à zéro.")
        return montant_stockable(somme, "Montant")
    except DonneeInvalide as erreur:
        saisie.erreur(champ, str(erreur))
        return None


def _jour(saisie: Saisie, champ: str, au: date) -> date | None:
    """The date typed in ``champ`` (``<input type="date">``; empty: today)."""
    texte = saisie.valeurs.get(champ, "").strip()
    if not texte:
        return au
    try:
        jour = date.fromisoformat(texte)
    except ValueError:
        saisie.erreur(champ, f"Date « {texte} » invalide (attendu : jj/mm/aaaa).")
        return None
    if jour > au:  # the office's today (fixed for a demo office)
        saisie.erreur(
            champ,
            f"Date du {jour:%d/%m/%Y} postérieure à aujourd'hui ({au:%d/%m/%Y}) : "
            "on enregistre ce qui a eu lieu.",
        )
        return None
    try:
        return pas_dans_le_futur(jour, "Date")
    except DonneeInvalide as erreur:
        saisie.erreur(champ, str(erreur))
        return None


def _vierges(au: date) -> dict[str, Saisie]:
    jour = au.isoformat()
    return {
        "paiement": Saisie(
            "paiement",
            {"date": jour, "montant": "", "mode": "virement", "origine": "debiteur", "libelle": ""},
        ),
        "reversement": Saisie("reversement", {"date": jour, "montant": ""}),
        "frais": Saisie("frais", {"date": jour, "montant": "", "nature": "honoraires"}),
    }


def _valeurs(
    utilisateur: UtilisateurConnecte,
    situation: paiements.SituationFonds,
    au: date,
    *,
    saisie: Saisie | None = None,
    fait: str = "",
) -> dict[str, Any]:
    formulaires = _vierges(au)
    if saisie is not None:
        formulaires[saisie.nom] = saisie
    role = utilisateur.role
    return {
        "situation": situation,
        "au": au,
        "formulaires": formulaires,
        "modes": MODES_REGLEMENT,
        "origines": ORIGINES_PAIEMENT,
        "natures_frais": NATURES_FRAIS,
        "message": MESSAGES.get(fait, ""),
        "peut_enregistrer": peut(role, "enregistrer_paiement") and not situation.clos,
        "peut_reverser": peut(role, "reverser"),
        "voit_grand_livre": peut(role, "lire_tous_dossiers"),
    }


def _rendre(
    request: Request,
    utilisateur: UtilisateurConnecte,
    situation: paiements.SituationFonds,
    au: date,
    *,
    saisie: Saisie | None = None,
    fait: str = "",
    statut: int = 200,
) -> Response:
    valeurs = _valeurs(utilisateur, situation, au, saisie=saisie, fait=fait)
    if request.headers.get("HX-Request") == "true" and saisie is None:
        return page(request, "fonds/_operations.html", valeurs, statut=statut)
    valeurs["complet"] = True  # the page also lists the payments and the sums to pay out
    return page(request, "fonds/dossier.html", valeurs, statut=statut)


def _vers_dossier(reference: str, fait: str) -> RedirectResponse:
    return RedirectResponse(f"/dossiers/{reference}?fait={fait}#paiements", status_code=303)


@routeur.get("/dossiers/{reference}/fonds")
def fonds_du_dossier(
    request: Request,
    reference: str,
    utilisateur: Connecte,
    contexte: ContexteEtude,
    au: Aujourdhui,
    fait: Annotated[str, Query(max_length=20)] = "",
) -> Response:
    """The file's money: a page, or the fragment the file's page loads (HTMX)."""
    situation = paiements.situation_fonds(contexte, reference, au)
    return _rendre(request, utilisateur, situation, au, fait=fait)


@routeur.post("/dossiers/{reference}/paiements")
def enregistrer_paiement(
    request: Request,
    reference: str,
    utilisateur: PeutEnregistrer,
    contexte: ContexteEtude,
    au: Aujourdhui,
    date_: Annotated[str, Form(alias="date", max_length=20)] = "",
    montant_: Annotated[str, Form(alias="montant", max_length=40)] = "",
    mode: Annotated[str, Form(max_length=20)] = "",
    origine: Annotated[str, Form(max_length=20)] = "",
    libelle: Champ = "",
    hors_etude: Annotated[str, Form(max_length=5)] = "",
    acompte: Annotated[str, Form(max_length=5)] = "",
) -> Response:
    saisie = Saisie(
        "paiement",
        {
            "date": date_,
            "montant": montant_,
            "mode": mode,
            "origine": origine,
            "libelle": libelle,
            "hors_etude": hors_etude,
            "acompte": acompte,
        },
    )
    jour = _jour(saisie, "date", au)
    somme = _montant(saisie, "montant")
    mode_ = saisie.choix("mode", MODES_REGLEMENT)
    origine_ = saisie.choix("origine", ORIGINES_PAIEMENT)
    if not saisie.erreurs and jour and somme and mode_ and origine_:
        try:
            paiements.enregistrer_paiement(
                contexte,
                reference,
                somme,
                jour,
                mode=mode_,
                origine=origine_,
                encaisse_par_etude=not hors_etude,
                acompte=bool(acompte),
                libelle=libelle.strip(),
            )
            return _vers_dossier(reference, "paiement")
        except Introuvable:
            raise
        except DonneeInvalide as erreur:
            # What the service alone can check: a receipt before the file was opened.
            saisie.erreur("date" if "ouverture" in str(erreur) else "", str(erreur))
        except ErreurClerc as erreur:  # a closed file, a concurrent change
            saisie.erreur("", str(erreur))
    situation = paiements.situation_fonds(contexte, reference, au)
    return _rendre(request, utilisateur, situation, au, saisie=saisie, statut=422)


def _paiement(situation: paiements.SituationFonds, paiement_id: int) -> paiements.PaiementDuDossier:
    trouve = next((p for p in situation.paiements if p.id == paiement_id), None)
    if trouve is None or trouve.corrige_id is not None:
        raise Introuvable(
            f"Paiement n° {paiement_id} introuvable dans le dossier {situation.reference}."
        )
    return trouve


def _confirmation(
    request: Request,
    situation: paiements.SituationFonds,
    paiement: paiements.PaiementDuDossier,
    saisie: Saisie,
    au: date,
    statut: int = 200,
) -> Response:
    return page(
        request,
        "fonds/annulation.html",
        {"situation": situation, "paiement": paiement, "saisie": saisie, "au": au},
        statut=statut,
    )


@routeur.get("/dossiers/{reference}/paiements/{paiement_id}/annulation")
def confirmer_annulation(
    request: Request,
    reference: str,
    paiement_id: int,
    utilisateur: PeutEnregistrer,
    contexte: ContexteEtude,
    au: Aujourdhui,
) -> Response:
    """Confirmation page before a payment is cancelled by a correction entry."""
    situation = paiements.situation_fonds(contexte, reference, au)
    paiement = _paiement(situation, paiement_id)
    saisie = Saisie("annulation", {"date": au.isoformat(), "motif": ""})
    return _confirmation(request, situation, paiement, saisie, au)


@routeur.post("/dossiers/{reference}/paiements/{paiement_id}/annulation")
def annuler_paiement(
    request: Request,
    reference: str,
    paiement_id: int,
    utilisateur: PeutEnregistrer,
    contexte: ContexteEtude,
    au: Aujourdhui,
    date_: Annotated[str, Form(alias="date", max_length=20)] = "",
    motif: Champ = "",
) -> Response:
    saisie = Saisie("annulation", {"date": date_, "motif": motif})
    jour = _jour(saisie, "date", au)
    if not motif.strip():
        saisie.erreur("motif", "Motif obligatoire (chèque impayé, erreur de saisie…).")
    if not saisie.erreurs and jour:
        with saisie.sur(None):  # funds already paid out, already cancelled...
            paiements.annuler_paiement(contexte, reference, paiement_id, jour, motif.strip())
            return _vers_dossier(reference, "annulation")
    situation = paiements.situation_fonds(contexte, reference, au)
    paiement = _paiement(situation, paiement_id)
    return _confirmation(request, situation, paiement, saisie, au, statut=422)


@routeur.post("/dossiers/{reference}/reversement")
def reverser(
    request: Request,
    reference: str,
    utilisateur: PeutReverser,
    contexte: ContexteEtude,
    au: Aujourdhui,
    date_: Annotated[str, Form(alias="date", max_length=20)] = "",
    montant_: Annotated[str, Form(alias="montant", max_length=40)] = "",
) -> Response:
    """Pay out to the creditor (empty amount: all that is held for him)."""
    saisie = Saisie("reversement", {"date": date_, "montant": montant_})
    jour = _jour(saisie, "date", au)
    somme = _montant(saisie, "montant", obligatoire=False)
    if not saisie.erreurs and jour:
        with saisie.sur("montant"):  # more than held, nothing held
            paiements.reverser(contexte, reference, jour, somme)
            return _vers_dossier(reference, "reversement")
    situation = paiements.situation_fonds(contexte, reference, au)
    return _rendre(request, utilisateur, situation, au, saisie=saisie, statut=422)


@routeur.post("/dossiers/{reference}/frais")
def prelever_frais(
    request: Request,
    reference: str,
    utilisateur: PeutReverser,
    contexte: ContexteEtude,
    au: Aujourdhui,
    date_: Annotated[str, Form(alias="date", max_length=20)] = "",
    montant_: Annotated[str, Form(alias="montant", max_length=40)] = "",
    nature: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """Withhold the office's fees, or refund its débours, from the funds held on the file."""
    saisie = Saisie("frais", {"date": date_, "montant": montant_, "nature": nature})
    jour = _jour(saisie, "date", au)
    somme = _montant(saisie, "montant")
    nature_ = saisie.choix("nature", NATURES_FRAIS)
    if not saisie.erreurs and jour and somme and nature_:
        with saisie.sur("montant"):  # more than held, nothing held
            paiements.prelever_frais(contexte, reference, jour, somme, debours=nature_ == "debours")
            return _vers_dossier(reference, "frais")
    situation = paiements.situation_fonds(contexte, reference, au)
    return _rendre(request, utilisateur, situation, au, saisie=saisie, statut=422)


@routeur.get("/fonds")
def fonds_detenus(
    request: Request,
    utilisateur: PeutToutLire,
    contexte: ContexteEtude,
    au: Aujourdhui,
    retard: bool = False,
    page_: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
) -> Response:
    """Third-party funds held at today, file by file, overdue first (C. com. R444-56); the
    totals cover every sum, the table shows ``PAR_PAGE`` of them a page."""
    alertes = paiements.fonds_detenus(contexte, au, seulement_en_retard=retard)
    resume = paiements.resume_fonds(alertes, au)  # sorted by deadline: overdue first
    pages = max(1, -(-len(alertes) // PAR_PAGE))
    affichees = alertes[(page_ - 1) * PAR_PAGE : page_ * PAR_PAGE]
    return page(
        request,
        "fonds/liste.html",
        {
            "au": au,
            "retard": retard,
            "alertes": alertes,
            "affichees": affichees,
            "page": page_,
            "pages": pages,
            "creanciers": paiements.creanciers_des_dossiers(
                contexte, {a.reference for a in affichees}
            ),
            "total": resume.total,
            "total_en_retard": resume.total_en_retard,
            "nombre_en_retard": resume.nombre_en_retard,
            "dossiers": resume.dossiers,
            "plus_longue": resume.plus_longue_detention,
        },
    )
