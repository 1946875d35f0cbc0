"""The calculators (calculettes), open without an account: legal interest, seizable part of a
wage, SBI, procedural deadline, cost of an act and proportional fee.

Each is a GET form whose result is shown in the same page (an HTMX fragment when JavaScript is
on). They call the same rules functions as ``clerc calcul ...`` and parse the inputs with the
same rules helpers (``montant``, ``taux_annuel_pourcent``, ``duree``, ``territoire``), so the web
and the command line cannot disagree; the result shows its trace and articles as the command
line prints them. A bad input or a date the legal parameters do not cover is shown next to the
field concerned.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from clerc.rules.calendrier import territoire as lire_territoire
from clerc.rules.decompte import taux_annuel_pourcent
from clerc.rules.delais import Sens, delai, duree
from clerc.rules.erreurs import DonneeInvalide, ErreurClerc
from clerc.rules.interets import interets
from clerc.rules.monnaie import ZERO, montant
from clerc.rules.saisie_remunerations import quotite_saisissable
from clerc.rules.sbi import mise_a_disposition_sbi, solde_bancaire_insaisissable
from clerc.rules.tarif import Charge, cout_acte, droit_proportionnel, liste_actes
from clerc.web.deps import Aujourdhui, UtilisateurOptionnel, verifier_csrf
from clerc.web.formulaires import Saisie
from clerc.web.gabarits import page

routeur = APIRouter(include_in_schema=False, dependencies=[Depends(verifier_csrf)])


@dataclass(frozen=True)
class Calculette:
    code: str
    titre: str
    description: str
    articles: str


CALCULETTES: tuple[Calculette, ...] = (
    Calculette(
        "interets",
        "Intérêts au taux légal",
        "Intérêts d'un capital entre deux dates, au taux légal (particulier ou autre "
        "créancier), majoré de 5 points après le délai de deux mois, ou au taux conventionnel.",
        "C. mon. fin. L313-2, L313-3 ; C. civ. 1231-6, 1343-2",
    ),
    Calculette(
        "quotite-saisissable",
        "Quotité saisissable d'un salaire",
        "Part saisissable d'une rémunération mensuelle nette selon le barème de l'année, les "
        "personnes à charge et le montant forfaitaire du RSA toujours laissé.",
        "C. trav. L3252-2, R3252-2, R3252-3, R3252-5",
    ),
    Calculette(
        "sbi",
        "Solde bancaire insaisissable",
        "Montant laissé au débiteur sur ses comptes saisis (SBI) à une date et, si vous "
        "indiquez les soldes, la part saisissable.",
        "CPCE L162-2, R162-2",
    ),
    Calculette(
        "delai",
        "Délai de procédure",
        "Expiration d'un délai (« 8 jours », « 1 mois », à rebours) selon le calendrier du "
        "territoire, avec la prorogation au premier jour ouvrable.",
        "CPC 640 à 642",
    ),
    Calculette(
        "cout-acte",
        "Coût d'un acte",
        "Coût d'un acte tel qu'imprimé sur l'acte : émolument, coefficient, droit "
        "d'engagement des poursuites, frais de déplacement, TVA.",
        "C. com. A444-10 et s., annexe 4-7",
    ),
    Calculette(
        "droit-proportionnel",
        "Droit proportionnel de recouvrement",
        "Droit proportionnel à la charge du débiteur (n° 128) ou du créancier (n° 129) sur "
        "les sommes encaissées ou recouvrées.",
        "C. com. A444-31, A444-32",
    ),
)
PAR_CODE = {c.code: c for c in CALCULETTES}

DUREES_COURANTES = (
    "8 jours",
    "15 jours",
    "1 mois",
    "2 mois",
    "15 jours ouvrables",
    "10 jours ouvrés",
    "6 semaines",
    "1 an",
)
TERRITOIRES_COURANTS = (
    ("75", "Paris (et toute la métropole hors Alsace-Moselle)"),
    ("57", "Moselle"),
    ("67", "Bas-Rhin"),
    ("68", "Haut-Rhin"),
    ("971", "Guadeloupe"),
    ("972", "Martinique"),
    ("973", "Guyane"),
    ("974", "La Réunion"),
    ("976", "Mayotte"),
)
TERRITOIRES_TARIF = (
    ("metropole", "Métropole"),
    ("guadeloupe", "Guadeloupe"),
    ("martinique", "Martinique"),
    ("guyane", "Guyane"),
    ("reunion", "La Réunion"),
    ("mayotte", "Mayotte"),
    ("saint_pierre_et_miquelon", "Saint-Pierre-et-Miquelon"),
    ("wallis_et_futuna", "Wallis-et-Futuna"),
)


def _rendre(
    request: Request, code: str, saisie: Saisie, valeurs: dict[str, Any] | None = None
) -> Response:
    contexte: dict[str, Any] = {"calculette": PAR_CODE[code], "saisie": saisie}
    contexte.update(valeurs or {})
    fragment = f"calculettes/_{code.replace('-', '_')}.html"
    if request.headers.get("HX-Request") == "true":
        # htmx does not swap 4xx answers by default: the fragment with its errors comes as 200.
        return page(request, fragment, contexte)
    contexte["fragment"] = fragment
    statut = 422 if saisie.soumise and not saisie.valide else 200
    return page(request, "calculettes/calculette.html", contexte, statut=statut)


@routeur.get("/calculettes")
def index(request: Request, utilisateur: UtilisateurOptionnel) -> Response:
    return page(request, "calculettes/index.html", {"calculettes": CALCULETTES})


@routeur.get("/calculettes/interets")
def calculette_interets(
    request: Request, utilisateur: UtilisateurOptionnel, au: Aujourdhui
) -> Response:
    saisie = Saisie.de_la_requete(request, {"categorie": "particulier", "au": au.isoformat()})
    resultat = None
    if saisie.soumise:
        capital = saisie.montant("capital", "Capital")
        debut = saisie.date("du", "Point de départ")
        fin = saisie.date("au", "Date de fin")
        majoration = saisie.date("majoration_depuis", "Majoration depuis", requis=False)
        taux: Decimal | None = None
        if saisie.texte("taux_conventionnel"):
            with saisie.sur("taux_conventionnel"):
                taux = taux_annuel_pourcent(saisie.texte("taux_conventionnel"), "Taux")
        categorie = saisie.texte("categorie")
        if taux is None and categorie not in ("particulier", "autre"):
            saisie.erreur(
                "categorie", "Catégorie du créancier : particulier ou autre (C. mon. fin. L313-2)."
            )
        if saisie.valide and capital is not None and debut is not None and fin is not None:
            if fin < debut:
                saisie.erreur("au", "La date de fin précède le point de départ.")
            else:
                # A date the legal rates do not cover concerns the end of the period.
                with saisie.sur("au"):
                    resultat = interets(
                        capital,
                        debut,
                        fin,
                        categorie=categorie if categorie in ("particulier", "autre") else "autre",
                        majoration_depuis=majoration,
                        taux_conventionnel=taux,
                    )
    return _rendre(request, "interets", saisie, {"resultat": resultat})


@routeur.get("/calculettes/quotite-saisissable")
def calculette_quotite(
    request: Request, utilisateur: UtilisateurOptionnel, au: Aujourdhui
) -> Response:
    saisie = Saisie.de_la_requete(request, {"date": au.isoformat(), "personnes_a_charge": "0"})
    resultat = None
    if saisie.soumise:
        remuneration = saisie.montant("remuneration", "Rémunération nette")
        personnes = saisie.entier("personnes_a_charge", "Personnes à charge")
        jour = saisie.date("date", "Date")
        if saisie.valide and remuneration is not None and personnes is not None and jour:
            with saisie.sur("date"):
                resultat = quotite_saisissable(
                    remuneration, jour, personnes, saisie.case("creance_alimentaire")
                )
    return _rendre(request, "quotite-saisissable", saisie, {"resultat": resultat})


def _soldes(saisie: Saisie) -> list[Decimal]:
    texte = saisie.texte("soldes").replace(";", "\n")
    soldes: list[Decimal] = []
    for ligne in (morceau.strip() for morceau in texte.splitlines()):
        if ligne:
            with saisie.sur("soldes"):
                soldes.append(montant(ligne, "Solde", negatif_admis=True))
    return soldes


@routeur.get("/calculettes/sbi")
def calculette_sbi(request: Request, utilisateur: UtilisateurOptionnel, au: Aujourdhui) -> Response:
    saisie = Saisie.de_la_requete(request, {"date": au.isoformat()})
    sbi = mise = None
    if saisie.soumise:
        jour = saisie.date("date", "Date de la saisie")
        soldes = _soldes(saisie)
        if saisie.valide and jour is not None:
            with saisie.sur("date"):
                sbi = solde_bancaire_insaisissable(jour)
                if soldes:
                    mise = mise_a_disposition_sbi(soldes, jour)
    return _rendre(request, "sbi", saisie, {"sbi": sbi, "mise": mise})


def _sens(saisie: Saisie) -> Sens | None:
    texte = saisie.texte("sens")
    if not texte:
        return None
    for sens in Sens:
        if sens.value == texte:
            return sens
    saisie.erreur("sens", f"Côté prudent inconnu « {texte} » (étude ou adversaire).")
    return None


@routeur.get("/calculettes/delai")
def calculette_delai(
    request: Request, utilisateur: UtilisateurOptionnel, au: Aujourdhui
) -> Response:
    saisie = Saisie.de_la_requete(
        request, {"depuis": au.isoformat(), "duree": "8 jours", "territoire": "75"}
    )
    resultat = None
    if saisie.soumise:
        depuis = saisie.date("depuis", "Date de départ")
        texte_duree = saisie.requis("duree", "Durée")
        if texte_duree is not None:
            with saisie.sur("duree"):
                duree(texte_duree)
        code_territoire = saisie.requis("territoire", "Territoire")
        if code_territoire is not None:
            with saisie.sur("territoire"):
                lire_territoire(code_territoire)
        sens = _sens(saisie)
        if saisie.valide and depuis is not None and texte_duree and code_territoire:
            with saisie.sur(None):
                resultat = delai(
                    depuis,
                    texte_duree,
                    code_territoire,
                    a_rebours=saisie.case("a_rebours"),
                    sens=sens,
                )
    valeurs: dict[str, Any] = {
        "resultat": resultat,
        "lignes": resultat.lignes() if resultat else [],
        "durees": DUREES_COURANTES,
        "territoires": TERRITOIRES_COURANTS,
    }
    return _rendre(request, "delai", saisie, valeurs)


@routeur.get("/calculettes/cout-acte")
def calculette_cout_acte(
    request: Request, utilisateur: UtilisateurOptionnel, au: Aujourdhui
) -> Response:
    saisie = Saisie.de_la_requete(
        request, {"date": au.isoformat(), "territoire": "metropole", "vacations": "0"}
    )
    actes = liste_actes()
    resultat = None
    if saisie.soumise:
        code = saisie.requis("acte", "Acte")
        if code is not None and code not in {a.code for a in actes}:
            saisie.erreur("acte", f"Acte inconnu « {code} » : choisissez-le dans la liste.")
        montant_obligation = saisie.montant("montant", "Montant", requis=False)
        jour = saisie.date("date", "Date de la prestation")
        vacations = saisie.entier("vacations", "Vacations")
        debours = saisie.montant("debours", "Débours", requis=False) or ZERO
        territoire = saisie.texte("territoire") or "metropole"
        if territoire not in dict(TERRITOIRES_TARIF):
            saisie.erreur("territoire", f"Territoire inconnu « {territoire} ».")
        if saisie.valide and code and jour is not None and vacations is not None:
            # The acts' own refusals (DEP without amount, vacations) concern the amount or the
            # vacations; a tariff figure unknown at the date concerns the date.
            champ = "date"
            try:
                resultat = cout_acte(
                    code,
                    jour,
                    montant_obligation,
                    dep_deja_percu=saisie.case("dep_deja_percu"),
                    signification_electronique=saisie.case("electronique"),
                    vacations=vacations,
                    debours=debours,
                    territoire=territoire,
                )
            except DonneeInvalide as erreur:
                champ = "vacations" if "vacation" in str(erreur) else "montant"
                saisie.erreur(champ, str(erreur))
            except ErreurClerc as erreur:
                saisie.erreur(champ, str(erreur))
    valeurs: dict[str, Any] = {
        "resultat": resultat,
        "actes": actes,
        "territoires": TERRITOIRES_TARIF,
    }
    return _rendre(request, "cout-acte", saisie, valeurs)


@routeur.get("/calculettes/droit-proportionnel")
def calculette_droit_proportionnel(
    request: Request, utilisateur: UtilisateurOptionnel, au: Aujourdhui
) -> Response:
    saisie = Saisie.de_la_requete(request, {"date": au.isoformat(), "charge": "debiteur"})
    resultat = None
    if saisie.soumise:
        encaisse = saisie.montant("encaisse", "Sommes encaissées")
        creance = saisie.montant("creance", "Montant de la créance", requis=False)
        jour = saisie.date("date", "Date de l'encaissement")
        charge: Charge = "creancier" if saisie.texte("charge") == "creancier" else "debiteur"
        if saisie.texte("charge") not in ("debiteur", "creancier"):
            saisie.erreur("charge", "À la charge du débiteur ou du créancier.")
        if saisie.valide and encaisse is not None and jour is not None:
            with saisie.sur("date"):
                resultat = droit_proportionnel(
                    encaisse,
                    jour,
                    charge,
                    saisie.case("creance_alimentaire"),
                    montant_creance=creance,
                )
    return _rendre(request, "droit-proportionnel", saisie, {"resultat": resultat})
