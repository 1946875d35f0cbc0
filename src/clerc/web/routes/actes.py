"""Acts and letters in the browser: draft one from a file, read its findings, preview it (PDF
inline, DOCX download), check it again, correct it (a new version), sign it, record its
service, and the office's répertoire of the year.

Every decision of law stays in :mod:`clerc.office.services.actes` (the checker, the refusal to
sign an act with findings, the numbering): these routes only read the forms and show what the
services answer.

Who may do what (the table of :mod:`clerc.office.droits`):

- the acts of a file (``/dossiers/{reference}/actes``, shown in the file page's "Actes"
  section): whoever reads the file. A créancier-client sees only the **signed** (or served)
  acts of its own files: a draft is the office's work in progress, not yet an act;
- drafting (``POST /dossiers/{reference}/actes``), checking again and correcting (a new
  version, ``generer(remplace=...)``): ``rediger_acte`` (commissaire de justice, clercs,
  stagiaire);
- signing and recording the service: ``signer_acte`` (the commissaire de justice only); the
  button is shown only to him and only on an act without finding, and the service checks
  again when he signs (a refusal is shown on the act's page);
- an act's page and its PDF: ``lire_tous_dossiers``; a créancier-client reaches only the
  signed acts of its own files: another creditor's act, or a draft, answers 404 (its context
  is confined to its own files: it cannot even learn that the act exists);
- the DOCX (the editable working copy): ``lire_tous_dossiers`` only (403 for a créancier);
- the répertoire (page, CSV, PDF): ``lire_tous_dossiers``.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from datetime import date, time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from clerc.office.droits import peut
from clerc.office.erreurs import Introuvable, OperationRefusee
from clerc.office.services import actes as services
from clerc.office.services.utilisateurs import UtilisateurConnecte
from clerc.rules.erreurs import DonneeInvalide
from clerc.web.deps import (
    Aujourdhui,
    Connecte,
    ContexteEtude,
    exiger,
    refuser_sauf,
    verifier_csrf,
)
from clerc.web.gabarits import page

routeur = APIRouter(include_in_schema=False, dependencies=[Depends(verifier_csrf)])

Redacteur = Annotated[UtilisateurConnecte, Depends(exiger("rediger_acte"))]
Signataire = Annotated[UtilisateurConnecte, Depends(exiger("signer_acte"))]
Lecteur = Annotated[UtilisateurConnecte, Depends(exiger("lire_tous_dossiers"))]
CREANCIER = "creancier_client"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MESSAGES = {
    "redige": "Acte rédigé et contrôlé.",
    "corrige": "Nouvelle version rédigée et contrôlée.",
    "verifie": "Acte contrôlé de nouveau contre le dossier tel qu'il est.",
    "signe": "Acte signé : numéro attribué au répertoire, coût porté au dossier.",
    "signifie": "Signification enregistrée.",
}

Texte = Annotated[str, Form(max_length=200)]
TexteLong = Annotated[str, Form(max_length=4000)]


@dataclass
class Saisie:
    """What the user typed in a draft form, kept as typed to fill the form again."""

    type: str = ""
    jour: str = ""
    heure: str = ""
    mode: str = ""
    personne_presente: str = ""
    diligences: str = ""
    destinataire: str = "0"
    tiers: str = ""
    champs: str = ""


def _saisie(
    type_: str,
    jour: str,
    heure: str,
    mode: str,
    personne_presente: str,
    diligences: str,
    destinataire: str,
    tiers: str,
    champs: str,
) -> Saisie:
    return Saisie(
        type=type_.strip(),
        jour=jour.strip(),
        heure=heure.strip(),
        mode=mode.strip(),
        personne_presente=personne_presente.strip(),
        diligences=diligences.strip(),
        destinataire=destinataire.strip() or "0",
        tiers=tiers.strip(),
        champs=champs.strip(),
    )


def _saisie_de_l_acte(fiche: dict[str, Any]) -> Saisie:
    """The form of a correction, filled with what the act was drawn up from."""
    parametres = fiche["parametres"]
    tiers = parametres.get("tiers") or {}
    lignes = []
    for cle, valeur in parametres["champs"].items():
        texte = (
            json.dumps(valeur, ensure_ascii=False) if isinstance(valeur, list | dict) else valeur
        )
        lignes.append(f"{cle}={texte}")
    return Saisie(
        type=fiche["type"],
        jour=parametres["jour"] or "",
        heure=parametres["heure"],
        mode=parametres["mode"],
        personne_presente=parametres["personne_presente"],
        diligences=parametres["diligences"],
        destinataire=str(parametres["destinataire"]),
        tiers=" ; ".join([tiers.get("designation", ""), *tiers.get("adresse", [])])
        if tiers
        else "",
        champs="\n".join(lignes),
    )


def _lire_champs(texte: str) -> dict[str, Any]:
    """``cle=valeur`` lines (as ``clerc acte generer --champ``); a ``..._le`` field is a date, a
    payment plan (``echeancier``) is JSON."""
    champs: dict[str, Any] = {}
    for ligne in texte.splitlines():
        if not ligne.strip():
            continue
        cle, egal, valeur = ligne.partition("=")
        cle, valeur = cle.strip(), valeur.strip()
        if not egal or not cle:
            raise DonneeInvalide(f"Ligne « {ligne.strip()} » : attendu cle=valeur.")
        if cle.endswith("_le"):
            try:
                date.fromisoformat(valeur)
            except ValueError:
                raise DonneeInvalide(
                    f"« {cle} » : date attendue au format AAAA-MM-JJ (reçu « {valeur} »)."
                ) from None
        if cle == "echeancier":
            try:
                champs[cle] = json.loads(valeur)
            except ValueError:
                raise DonneeInvalide(
                    '« echeancier » : liste JSON attendue, par exemple [{"le": "2026-12-15", '
                    '"montant": "100.00"}].'
                ) from None
            continue
        champs[cle] = valeur
    return champs


def _lire_tiers(texte: str) -> dict[str, Any] | None:
    morceaux = [m.strip() for m in texte.split(";") if m.strip()]
    if not morceaux:
        return None
    return {"designation": morceaux[0], "adresse": morceaux[1:]}


def _arguments(
    saisie: Saisie, types: set[str] | None, modes: dict[str, str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """The arguments of ``services.generer`` from the form, or the errors by field."""
    erreurs: dict[str, str] = {}
    arguments: dict[str, Any] = {}
    if types is not None:
        if not saisie.type:
            erreurs["type"] = "Choisissez le type d'acte ou de lettre."
        elif saisie.type not in types:
            erreurs["type"] = f"Type d'acte « {saisie.type} » inconnu."
    try:
        arguments["jour"] = date.fromisoformat(saisie.jour)
    except ValueError:
        erreurs["jour"] = "Date de l'acte attendue (JJ/MM/AAAA)."
    arguments["heure"] = None
    if saisie.heure:
        try:
            arguments["heure"] = time.fromisoformat(saisie.heure)
        except ValueError:
            erreurs["heure"] = "Heure attendue au format HH:MM."
    if saisie.mode and saisie.mode not in modes:
        erreurs["mode"] = f"Mode de remise « {saisie.mode} » inconnu."
    arguments["mode"] = saisie.mode or None
    arguments["personne_presente"] = saisie.personne_presente or None
    arguments["diligences"] = saisie.diligences
    try:
        arguments["destinataire"] = int(saisie.destinataire)
    except ValueError:
        erreurs["destinataire"] = "Destinataire inconnu."
    arguments["tiers"] = _lire_tiers(saisie.tiers)
    try:
        arguments["champs"] = _lire_champs(saisie.champs)
    except DonneeInvalide as erreur:
        erreurs["champs"] = str(erreur)
    return arguments, erreurs


def _champ_de_l_erreur(message: str) -> str:
    """The form field a service's refusal is about ("formulaire": the form as a whole)."""
    debuts = {
        "Mode de remise": "mode",
        "Destinataire n°": "destinataire",
        "Échéancier": "champs",
        "Type d'acte": "type",
    }
    for debut, champ in debuts.items():
        if message.startswith(debut):
            return champ
    return "formulaire"


def _formulaire(saisie: Saisie, erreurs: dict[str, str], debiteurs: list[str]) -> dict[str, Any]:
    return {
        "saisie": asdict(saisie),
        "erreurs": erreurs,
        "debiteurs": debiteurs,
        "modes": services.modes_remise(),
    }


def _est_creancier(utilisateur: UtilisateurConnecte) -> bool:
    return utilisateur.role == CREANCIER


# --- the acts of a file -----------------------------------------------------------------------


def _page_du_dossier(
    request: Request,
    contexte: ContexteEtude,
    utilisateur: UtilisateurConnecte,
    reference: str,
    saisie: Saisie,
    erreurs: dict[str, str] | None = None,
    statut: int = 200,
) -> Response:
    lecture = services.actes_du_dossier(
        contexte, reference, signes_seulement=_est_creancier(utilisateur)
    )
    valeurs = {
        "dossier": lecture,
        "types": services.types_par_categorie(),
        **_formulaire(saisie, erreurs or {}, lecture["debiteurs"]),
    }
    if request.headers.get("HX-Request") == "true" and not erreurs:
        return page(request, "actes/_liste.html", valeurs, statut=statut)
    return page(request, "actes/dossier.html", valeurs, statut=statut)


@routeur.get("/dossiers/{reference}/actes")
def actes_du_dossier(
    request: Request,
    reference: str,
    utilisateur: Connecte,
    contexte: ContexteEtude,
    au: Aujourdhui,
) -> Response:
    """The file's acts and the draft form (an HTMX fragment of the file page, or a page)."""
    return _page_du_dossier(request, contexte, utilisateur, reference, Saisie(jour=au.isoformat()))


@routeur.post("/dossiers/{reference}/actes")
def rediger(
    request: Request,
    reference: str,
    utilisateur: Redacteur,
    contexte: ContexteEtude,
    type_: Annotated[str, Form(alias="type", max_length=80)] = "",
    jour: Texte = "",
    heure: Texte = "",
    mode: Texte = "",
    personne_presente: Texte = "",
    diligences: TexteLong = "",
    destinataire: Texte = "0",
    tiers: TexteLong = "",
    champs: TexteLong = "",
) -> Response:
    saisie = _saisie(
        type_, jour, heure, mode, personne_presente, diligences, destinataire, tiers, champs
    )
    codes = {t["code"] for groupe in services.types_par_categorie() for t in groupe["types"]}
    arguments, erreurs = _arguments(saisie, codes, services.modes_remise())
    if not erreurs:
        try:
            jour_ = arguments.pop("jour")
            resultat = services.generer(contexte, reference, saisie.type, jour_, **arguments)
        except (DonneeInvalide, OperationRefusee) as erreur:
            erreurs[_champ_de_l_erreur(str(erreur))] = str(erreur)
        else:
            return RedirectResponse(f"/actes/{resultat['acte']}?fait=redige", status_code=303)
    return _page_du_dossier(request, contexte, utilisateur, reference, saisie, erreurs, statut=422)


# --- one act ----------------------------------------------------------------------------------


def _fiche_visible(
    contexte: ContexteEtude, utilisateur: UtilisateurConnecte, acte_id: int
) -> dict[str, Any]:
    """The act, if this user may see it: a créancier-client only its files' signed acts."""
    fiche = services.fiche_acte(contexte, acte_id)
    if _est_creancier(utilisateur):
        if not fiche["signe"]:
            raise Introuvable(f"Acte n° {acte_id} introuvable dans cette étude.")
    else:
        refuser_sauf(utilisateur, "lire_tous_dossiers")
    return fiche


_PARAMETRE_MANQUANT = re.compile(r"\[([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\]")


def _remede(constat: dict[str, Any]) -> dict[str, str] | None:
    """Where the office adds what a finding lacks: a reproduced text, a tariff figure."""
    message = str(constat.get("message", ""))
    if "non reproduit" in message:
        return {"libelle": "Ajouter le texte", "url": "/parametres/textes#ajout-texte"}
    manquant = _PARAMETRE_MANQUANT.search(message)
    if manquant and "manquant" in message:
        return {
            "libelle": "Ajouter le montant publié",
            "url": f"/parametres?nom={manquant.group(1)}#ajout-local",
        }
    return None


def _page_acte(
    request: Request,
    contexte: ContexteEtude,
    utilisateur: UtilisateurConnecte,
    acte_id: int,
    *,
    fait: str = "",
    saisie: Saisie | None = None,
    erreurs: dict[str, str] | None = None,
    refus_signature: str = "",
    erreurs_signification: dict[str, str] | None = None,
    signifie_le: str = "",
    statut: int = 200,
) -> Response:
    fiche = _fiche_visible(contexte, utilisateur, acte_id)
    role = utilisateur.role
    modifiable = fiche["statut"] in ("brouillon", "verifie")
    valeurs = {
        "acte": fiche,
        "message": MESSAGES.get(fait, ""),
        "peut_verifier": modifiable and peut(role, "rediger_acte"),
        "peut_corriger": fiche["statut"] != "remplace"
        and fiche["remplace_par"] is None
        and peut(role, "rediger_acte"),
        "peut_signer": fiche["statut"] == "verifie" and fiche["conforme"],
        "signataire": peut(role, "signer_acte"),
        "peut_signifier": fiche["statut"] == "signe"
        and fiche["signifiable"]
        and peut(role, "signer_acte"),
        "docx": peut(role, "lire_tous_dossiers"),
        "remedes": [_remede(c) for c in fiche.get("constats") or []]
        if peut(role, "gerer_parametres")
        else [],
        "refus_signature": refus_signature,
        "erreurs_signification": erreurs_signification or {},
        "signifie_le": signifie_le or fiche["jour"],
        **_formulaire(saisie or _saisie_de_l_acte(fiche), erreurs or {}, fiche["debiteurs"]),
    }
    return page(request, "actes/acte.html", valeurs, statut=statut)


@routeur.get("/actes/{acte_id}")
def acte(
    request: Request,
    acte_id: int,
    utilisateur: Connecte,
    contexte: ContexteEtude,
    fait: Annotated[str, Query(max_length=20)] = "",
) -> Response:
    return _page_acte(request, contexte, utilisateur, acte_id, fait=fait)


def _nom_de_fichier(fiche: dict[str, Any], extension: str) -> str:
    numero = f"-rep{fiche['numero_repertoire']}" if fiche["numero_repertoire"] else ""
    return f"{fiche['dossier']}-{fiche['type']}-{fiche['id']}{numero}.{extension}"


@routeur.get("/actes/{acte_id}/pdf")
def pdf(acte_id: int, utilisateur: Connecte, contexte: ContexteEtude) -> Response:
    """The act's PDF, opened in the browser: a signed act's stored PDF/A (checksum verified),
    a draft's rendering with its "[À COMPLÉTER]" marks."""
    fiche = _fiche_visible(contexte, utilisateur, acte_id)
    contenu = services.fichier(contexte, acte_id, "pdf")
    return Response(
        contenu,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="{_nom_de_fichier(fiche, "pdf")}"',
            "Cache-Control": "private, no-store",
        },
    )


@routeur.get("/actes/{acte_id}/docx")
def docx(acte_id: int, utilisateur: Lecteur, contexte: ContexteEtude) -> Response:
    """The act as an editable DOCX (downloaded)."""
    fiche = _fiche_visible(contexte, utilisateur, acte_id)
    contenu = services.fichier(contexte, acte_id, "docx")
    return Response(
        contenu,
        media_type=DOCX,
        headers={
            "Content-Disposition": f'attachment; filename="{_nom_de_fichier(fiche, "docx")}"',
            "Cache-Control": "private, no-store",
        },
    )


@routeur.post("/actes/{acte_id}/verifier")
def verifier(acte_id: int, utilisateur: Redacteur, contexte: ContexteEtude) -> Response:
    services.verifier(contexte, acte_id)
    return RedirectResponse(f"/actes/{acte_id}?fait=verifie#constats", status_code=303)


@routeur.post("/actes/{acte_id}/corriger")
def corriger(
    request: Request,
    acte_id: int,
    utilisateur: Redacteur,
    contexte: ContexteEtude,
    jour: Texte = "",
    heure: Texte = "",
    mode: Texte = "",
    personne_presente: Texte = "",
    diligences: TexteLong = "",
    destinataire: Texte = "0",
    tiers: TexteLong = "",
    champs: TexteLong = "",
) -> Response:
    """A corrected version of the act (same file and type): ``generer(remplace=acte_id)``."""
    fiche = services.fiche_acte(contexte, acte_id)
    if fiche["remplace_par"] is not None:
        raise OperationRefusee(
            f"L'acte n° {acte_id} a déjà été remplacé par l'acte n° {fiche['remplace_par']} : "
            "corrigez la dernière version."
        )
    saisie = _saisie(
        fiche["type"], jour, heure, mode, personne_presente, diligences, destinataire, tiers,
        champs,
    )  # fmt: skip
    arguments, erreurs = _arguments(saisie, None, services.modes_remise())
    if not erreurs:
        try:
            jour_ = arguments.pop("jour")
            resultat = services.generer(
                contexte, fiche["dossier"], fiche["type"], jour_, remplace=acte_id, **arguments
            )
        except (DonneeInvalide, OperationRefusee) as erreur:
            erreurs[_champ_de_l_erreur(str(erreur))] = str(erreur)
        else:
            return RedirectResponse(f"/actes/{resultat['acte']}?fait=corrige", status_code=303)
    return _page_acte(
        request, contexte, utilisateur, acte_id, saisie=saisie, erreurs=erreurs, statut=422
    )


@routeur.post("/actes/{acte_id}/signer")
def signer(
    request: Request, acte_id: int, utilisateur: Signataire, contexte: ContexteEtude
) -> Response:
    """Sign (the service checks the act again against the file: a finding refuses it)."""
    try:
        services.signer(contexte, acte_id)
    except (DonneeInvalide, OperationRefusee) as refus:
        return _page_acte(
            request, contexte, utilisateur, acte_id, refus_signature=str(refus), statut=409
        )
    return RedirectResponse(f"/actes/{acte_id}?fait=signe", status_code=303)


@routeur.post("/actes/{acte_id}/signifier")
def signifier(
    request: Request,
    acte_id: int,
    utilisateur: Signataire,
    contexte: ContexteEtude,
    signifie_le: Texte = "",
) -> Response:
    """Record the service of a signed act (signé -> signifié) on the day given."""
    erreurs: dict[str, str] = {}
    try:
        jour = date.fromisoformat(signifie_le.strip())
    except ValueError:
        erreurs["signifie_le"] = "Date de la signification attendue (JJ/MM/AAAA)."
    else:
        try:
            services.signifier(contexte, acte_id, jour)
        except (DonneeInvalide, OperationRefusee) as erreur:
            erreurs["signifie_le"] = str(erreur)
        else:
            return RedirectResponse(f"/actes/{acte_id}?fait=signifie", status_code=303)
    return _page_acte(
        request,
        contexte,
        utilisateur,
        acte_id,
        erreurs_signification=erreurs,
        signifie_le=signifie_le,
        statut=422,
    )


# --- the répertoire ---------------------------------------------------------------------------

Annee = Annotated[int | None, Query(ge=1900, le=2200)]


@routeur.get("/repertoire")
def repertoire(
    request: Request,
    utilisateur: Lecteur,
    contexte: ContexteEtude,
    au: Aujourdhui,
    annee: Annee = None,
) -> Response:
    annee_ = annee or au.year
    lignes = services.repertoire(contexte, annee_)
    return page(request, "actes/repertoire.html", {"annee": annee_, "lignes": lignes})


@routeur.get("/repertoire.csv")
def repertoire_csv(
    utilisateur: Lecteur, contexte: ContexteEtude, au: Aujourdhui, annee: Annee = None
) -> Response:
    annee_ = annee or au.year
    texte = services.repertoire_csv(services.repertoire(contexte, annee_))
    return Response(
        ("\ufeff" + texte).encode("utf-8"),  # BOM: spreadsheets then read UTF-8
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="repertoire-{annee_}.csv"'},
    )


@routeur.get("/repertoire.pdf")
def repertoire_pdf(
    utilisateur: Lecteur, contexte: ContexteEtude, au: Aujourdhui, annee: Annee = None
) -> Response:
    annee_ = annee or au.year
    return Response(
        services.repertoire_pdf(contexte, annee_),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="repertoire-{annee_}.pdf"'},
    )
