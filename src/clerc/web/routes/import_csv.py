"""Bulk intake of a creditor's CSV (``/import``): the same all-or-nothing import as
`clerc import FICHIER.csv [--simulation]` (``clerc.office.import_csv``), its report in a page."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from clerc.office.import_csv import COLONNES, PAR_NOM, ImportRefuse, RapportImport, importer
from clerc.office.services.utilisateurs import UtilisateurConnecte
from clerc.web.deps import ContexteEtude, exiger, verifier_csrf
from clerc.web.gabarits import page

routeur = APIRouter(include_in_schema=False, dependencies=[Depends(verifier_csrf)])
Importateur = Annotated[UtilisateurConnecte, Depends(exiger("importer"))]

TAILLE_MAX = 20 * 1024 * 1024  # bytes: some 50 000 lines
APERCU = 200  # files listed by reference in the report

# The example of docs/import_csv.md (four files, one with two debtors): a file to start from.
EXEMPLE = (
    "reference_mandant;creancier_siren;creancier_denomination;creancier_iban;nature;"
    "debiteur_type;debiteur_civilite;debiteur_nom;debiteur_prenoms;debiteur_denomination;"
    "debiteur_siren;debiteur_date_naissance;debiteur_adresse;debiteur_code_postal;"
    "debiteur_commune;debiteur_telephone;debiteur_courriel;titre_type;titre_date;"
    "titre_juridiction;titre_numero;titre_date_signification;principal;interets;taux;"
    "interets_depuis;article_700;depens\r\n"
    "F-2026-001;412345670;Crédit Imaginaire de l'Est SA;FR76 3000 6000 0112 3456 7890 189;"
    "judiciaire;personne_physique;Madame;Lefèvre;Hélène Françoise;;;12/03/1975;"
    "12 rue de l'Église;69003;Lyon;06 12 34 56 78;helene.lefevre@example.fr;decision_justice;"
    "15/01/2025;Tribunal judiciaire de Lyon;24/01234;10/02/2025;1 234,56;legal;;;800,00;95,30\r\n"
    "F-2026-002;412345670;Crédit Imaginaire de l'Est SA;FR76 3000 6000 0112 3456 7890 189;"
    "judiciaire;personne_physique;Monsieur;Durand;Jérôme;;;1980-07-01;"
    '"3 place du Marché; bâtiment B";67000;Strasbourg;;;ordonnance_injonction_payer;02/09/2024;'
    "Tribunal judiciaire de Strasbourg;IP 24/567;;12 000,00;conventionnel;4,5 %;01/06/2024;;\r\n"
    "F-2026-002;;;;;personne_physique;Madame;Durand;Cécile;;;;3 place du Marché;67000;"
    "Strasbourg;;;;;;;;;;;;;\r\n"
    "F-2026-003;412345670;Crédit Imaginaire de l'Est SA;FR76 3000 6000 0112 3456 7890 189;"
    "judiciaire;personne_morale;;;;Boulangerie Œuvre & Fils;901234567;;8 avenue des Tilleuls;"
    "13001;Marseille;;;decision_justice;20/11/2025;Tribunal de commerce de Marseille;2025F00042;"
    "05/12/2025;987 654,32;aucun;;;1 500,00;\r\n"
    "F-2026-004;412345670;Crédit Imaginaire de l'Est SA;FR76 3000 6000 0112 3456 7890 189;"
    "amiable;personne_physique;M.;Hoarau;Jean-Noël;;;;5 chemin des Goyaviers;97400;"
    "Saint-Denis;;;;;;;;;;;;;\r\n"
)
NIVEAUX = {"dossier": "dossier", "debiteur": "débiteur"}


async def envoi(request: Request) -> AsyncIterator[tuple[bytes | None, str, bool]]:
    """(content of the uploaded file or None, its name, simulation asked); the upload's
    temporary file is closed once the request is answered, refused or not."""
    formulaire = await request.form()  # cached: the CSRF check read it already
    try:
        fichier = formulaire.get("fichier")
        simulation = formulaire.get("simulation") == "oui"
        if not isinstance(fichier, UploadFile) or not fichier.filename:
            yield None, "", simulation
        else:
            yield await fichier.read(TAILLE_MAX + 1), fichier.filename, simulation
    finally:
        await formulaire.close()


Envoi = Annotated[tuple[bytes | None, str, bool], Depends(envoi)]


def _colonnes() -> list[dict[str, Any]]:
    return [
        {"nom": c.nom, "niveau": NIVEAUX[c.niveau], "obligatoire": c.obligatoire} for c in COLONNES
    ]


def _erreurs(rapport: RapportImport) -> list[dict[str, Any]]:
    """Each bad line's errors, with the column a message names ("principal : ...")."""
    lignes = []
    for numero, message in rapport.erreurs:
        colonne, _, reste = message.partition(" : ")
        if colonne in PAR_NOM and reste:
            texte = reste[:1].upper() + reste[1:]
            lignes.append({"ligne": numero, "colonne": colonne, "message": texte})
        else:
            lignes.append({"ligne": numero, "colonne": "", "message": message})
    return lignes


def _page(request: Request, statut: int = 200, **valeurs: Any) -> Response:
    valeurs.setdefault("simulation", False)
    valeurs |= {"colonnes": _colonnes(), "apercu": APERCU}
    return page(request, "import_csv/import.html", valeurs, statut=statut)


@routeur.get("/import")
def formulaire_import(request: Request, _u: Importateur) -> Response:
    return _page(request)


@routeur.get("/import/exemple.csv")
def exemple(_u: Importateur) -> Response:
    return Response(
        EXEMPLE.encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="exemple_import_clerc.csv"'},
    )


@routeur.post("/import")
def importer_fichier(
    request: Request, envoye: Envoi, _u: Importateur, contexte: ContexteEtude
) -> Response:
    octets, nom, simulation = envoye
    if octets is None or not octets:
        return _page(
            request,
            422,
            simulation=simulation,
            erreur_fichier="Choisissez un fichier CSV (non vide) à importer.",
        )
    if len(octets) > TAILLE_MAX:
        return _page(
            request,
            422,
            simulation=simulation,
            erreur_fichier=f"Fichier trop volumineux (au plus {TAILLE_MAX // 1024 // 1024} Mo) : "
            "découpez-le, ou importez-le avec « clerc import ».",
        )
    try:
        rapport = importer(contexte, octets, simulation=simulation)
    except ImportRefuse as refus:
        return _page(
            request,
            422,
            simulation=simulation,
            nom=nom,
            refuse=refus.rapport,
            erreurs=_erreurs(refus.rapport),
            lignes_fautives=len({ligne for ligne, _ in refus.rapport.erreurs}),
        )
    # The report is the answer (no redirect): sending the file again creates nothing more,
    # the files already imported being skipped.
    return _page(request, simulation=simulation, nom=nom, rapport=rapport)
