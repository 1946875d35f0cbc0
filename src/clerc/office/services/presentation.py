"""A file as plain JSON-ready values: what `clerc dossier afficher` and the web page show."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerc.office import grand_livre
from clerc.office.models import Dossier, Partie, Titre, Utilisateur
from clerc.office.models.dossier import (
    MOTIFS_CLOTURE,
    NATURES_DOSSIER,
    NATURES_LIGNE,
    STATUTS,
    TYPES_TITRE,
)
from clerc.office.models.partie import NATURES_PROTECTION
from clerc.office.services.dossiers import decompte_de
from clerc.rules.erreurs import ErreurClerc
from clerc.rules.monnaie import en_texte


def _jour(valeur: date | None) -> str | None:
    return valeur.isoformat() if valeur else None


def partie(partie_: Partie) -> dict[str, Any]:
    adresse = partie_.adresse_principale
    return {
        "id": partie_.id,
        "type": partie_.type,
        "designation": partie_.designation,
        "siren": partie_.siren,
        "adresse": adresse.en_une_ligne() if adresse else None,
        "decede_le": _jour(partie_.decede_le),
        "protections": [
            {
                "nature": p.nature,
                "libelle": NATURES_PROTECTION.get(p.nature, p.nature),
                "depuis": _jour(p.depuis),
                "jusqu_au": _jour(p.jusqu_au),
            }
            for p in partie_.protections
        ],
    }


def titre_en_dict(titre: Titre) -> dict[str, Any]:
    """The enforceable title as plain values (file page, API, training scenarios)."""
    return {
        "type": titre.type,
        "libelle": TYPES_TITRE.get(titre.type, titre.type),
        "date": _jour(titre.date_titre),
        "juridiction": titre.juridiction,
        "numero": titre.numero,
        "contradictoire": titre.contradictoire,
        "premier_ressort": titre.premier_ressort,
        "execution_provisoire": titre.execution_provisoire,
        "formule_executoire": titre.formule_executoire,
        "date_signification": _jour(titre.date_signification),
        "date_force_executoire": _jour(titre.date_force_executoire),
        "date_saisine": _jour(titre.date_saisine),
        "creance_alimentaire": titre.creance_alimentaire,
        "observations": titre.observations,
    }


def fiche(session: Session, dossier: Dossier, au: date) -> dict[str, Any]:
    clerc = (
        session.scalar(select(Utilisateur.identifiant).where(Utilisateur.id == dossier.clerc_id))
        if dossier.clerc_id
        else None
    )
    titre = dossier.titre_actif
    resultat: dict[str, Any] = {
        "reference": dossier.reference,
        "reference_mandant": dossier.reference_mandant,
        "nature": dossier.nature,
        "nature_libelle": NATURES_DOSSIER.get(dossier.nature, dossier.nature),
        "statut": dossier.statut,
        "statut_libelle": STATUTS.get(dossier.statut, dossier.statut),
        "motif_cloture": dossier.motif_cloture,
        "motif_cloture_libelle": MOTIFS_CLOTURE.get(dossier.motif_cloture or ""),
        "ouvert_le": _jour(dossier.ouvert_le),
        "clos_le": _jour(dossier.clos_le),
        "territoire": dossier.territoire,
        "clerc": clerc,
        "solidaires": dossier.solidaires,
        "risques": list(dossier.risques),
        "version": dossier.version,
        "creancier": partie(dossier.creancier),
        "debiteurs": [partie(lien.partie) for lien in dossier.debiteurs],
        "titre": None if titre is None else titre_en_dict(titre),
        "lignes": [
            {
                "nature": ligne.nature,
                "nature_libelle": NATURES_LIGNE.get(ligne.nature, ligne.nature),
                "libelle": ligne.libelle,
                "date": _jour(ligne.date),
                "montant": en_texte(ligne.montant),
                "interets": ligne.mode_interets,
            }
            for ligne in dossier.lignes
            if ligne.annule_par_id is None
        ],
        "paiements": [
            {
                "id": p.id,
                "date": _jour(p.date),
                "montant": en_texte(p.montant),
                "mode": p.mode,
                "origine": p.origine,
                "libelle": p.libelle,
                "encaisse_par_etude": p.encaisse_par_etude,
            }
            for p in dossier.paiements
        ],
        "evenements": [
            {"date": _jour(e.date), "nature": e.nature, "libelle": e.libelle, "par": e.utilisateur}
            for e in dossier.evenements
        ],
    }
    resultat["decompte"] = _decompte(dossier, au)
    fonds = grand_livre.fonds_detenus(session, dossier.id, au)
    resultat["fonds"] = {
        "detenu_pour_creancier": en_texte(grand_livre.solde_creancier(session, dossier.id)),
        "a_reverser": [
            {
                "recu_le": _jour(f.encaissement.date),
                "montant": en_texte(f.restant),
                "date_limite": _jour(f.date_limite),
                "en_retard": f.en_retard(au),
                "regle": f.regle,
            }
            for f in fonds
        ],
    }
    return resultat


def _decompte(dossier: Dossier, au: date) -> dict[str, Any]:
    if not any(ligne.nature == "principal" for ligne in dossier.lignes):
        return {"au": _jour(au), "erreur": "Pas de créance en principal (aucun titre)."}
    try:
        etat = decompte_de(dossier, au)
    except ErreurClerc as erreur:
        return {"au": _jour(au), "erreur": str(erreur)}
    return {
        "au": _jour(au),
        "principal": en_texte(etat.principal),
        "article_700": en_texte(etat.article_700),
        "depens": en_texte(etat.depens),
        "frais": en_texte(etat.frais),
        "interets_echus": en_texte(etat.interets_echus),
        "paiements": en_texte(etat.paiements),
        "total": en_texte(etat.total),
        "presentation": [
            [libelle, en_texte(valeur)] for libelle, valeur in etat.presentation_acte()
        ],
        "avertissements": list(etat.avertissements),
    }
