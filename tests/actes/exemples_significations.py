"""Significations, the CPC 659 procès-verbal and the letters, on fixed data, for the checker
and template tests. Every person, office and number is invented; the figures are computed.

- Tariff of 2020, extended to 29 February 2024 (n° 2 and n° 4: 25,53 € HT; n° 130: 14,90 €
  HT; travel fee 7,67 € HT): a signification about more than 1 280 € costs 70,48 € TTC, the
  figure published by huissiers-belp.com (../shared/exemples/exemples.md, T2). From 1 May 2024
  (end of the transition of the arrêté of 28 February 2024) the n° 130 amount is unknown.
- Interest at the legal rate "autres cas" (the creditor is a company): 4,22 % in the second
  half of 2023, 5,07 % in the first half of 2024, 4,92 % in the second, 3,71 % in the first
  half of 2025 (clerc.rules.interets, day after the start to the end inclusive, 365 days).
- Signification of an avocat's act, Thursday 16 October 2025 (2024 tariff): an assignation
  about 5 200 € (n° 1: 18,28 € HT, coefficient 2, travel fee 9,40 € HT: (36,56 + 9,40) x 1,20 =
  55,15 € TTC); the variant serving a judgment at the avocat's request costs n° 2 (25,79 € HT).
- The letters are not tariffed: dated 2025, where the texts they reproduce are stored (CPCE
  L125-1 from 22 December 2024 to 23 April 2026, ``textes/cpce_l125_1.yaml``).
- Deadlines in the calendar of Lyon (69), CPC 640-642: one month from Tuesday 6 February
  2024 is Wednesday 6 March; six months from Monday 9 October 2023 is Tuesday 9 April 2024;
  one month from Monday 15 January 2024 is Thursday 15 February; six months from Tuesday
  14 November 2023 is Tuesday 14 May 2024; one month from Friday 14 February 2025 is Friday
  14 March 2025. The first working day after Thursday 8 February 2024 is Friday 9, after
  Wednesday 21 February is Thursday 22.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal
from typing import Any

from clerc.actes.modele import (
    ContenuActe,
    Controle,
    DecompteActe,
    Etude,
    LigneDecompte,
    Personne,
    Remise,
    TitreActe,
)
from clerc.actes.textes_reproduits import (
    TexteIntrouvable,
    TexteReproduit,
    extrait,
    texte_reproduit,
)
from clerc.actes.types_actes import type_acte
from clerc.rules.erreurs import ParametreManquant
from clerc.rules.tarif import cout_acte

ETUDE = Etude(
    nom="SELARL Martin & Associés, commissaires de justice",
    adresse=("12 rue de la République", "69002 Lyon"),
    signataire="Maître Claire MARTIN",
    telephone="04 78 00 00 00",
    courriel="etude@martin-associes.example",
)
CREANCIER = Personne(
    personne_physique=False,
    designation="SAS MENUISERIES DU RHÔNE",
    forme="société par actions simplifiée",
    denomination="MENUISERIES DU RHÔNE",
    representant="son président en exercice",
    adresse=("27 quai Perrache", "69002 Lyon"),
)
JUGEMENT = TitreActe(
    nature="un jugement réputé contradictoire",
    juridiction="tribunal judiciaire de Lyon",
    date_titre=date(2023, 10, 9),
    numero="RG 23/04567",
)
ACTE_JUGEMENT = (
    "le jugement réputé contradictoire rendu par le tribunal judiciaire de Lyon le 9 octobre "
    "2023 (RG 23/04567)"
)


def _personne(designation: str, nom: str, prenoms: str, *adresse: str) -> Personne:
    return Personne(
        personne_physique=True, designation=designation, nom=nom, prenoms=prenoms, adresse=adresse
    )


def _cout(code: str, jour: date, montant: Decimal | None = None) -> dict[str, Any]:
    """``cout`` of the act, or ``cout_indisponible`` naming the missing tariff figure."""
    try:
        return {"cout": cout_acte(code, jour, montant)}
    except ParametreManquant as manque:
        return {"cout": None, "cout_indisponible": str(manque)}


def textes_stockes(code: str, jour: date) -> tuple[TexteReproduit, ...]:
    """The texts the type must reproduce that are stored for ``jour`` (as the office loads
    them); a missing one is left out, and the checker reports it."""
    textes = []
    for mention in type_acte(code).mentions:
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


def textes_manquants(code: str, jour: date) -> set[str]:
    """Codes of the mentions whose text is not stored yet (findings expected until it is)."""
    manquants = set()
    for mention in type_acte(code).mentions:
        if mention.controle in ("texte_reproduit", "extrait_reproduit"):
            try:
                texte_reproduit(str(mention.parametres["article"]), jour)
            except TexteIntrouvable:
                manquants.add(mention.code)
    return manquants


# --- Signification of a judgment, with a commandement aux fins de saisie-vente --------------

JOUR_TITRE = date(2024, 2, 6)  # Tuesday
FIN_RECOURS = date(2024, 3, 6)  # CPC 538: one month
LIMITE_478 = date(2024, 4, 9)  # CPC 478: six months from 9 October 2023
COUT_SIGNIFICATION = Decimal("70.48")
TOTAL_TITRE = Decimal("4477.22")


def signification_titre(**modifie: Any) -> ContenuActe:
    lignes = (
        LigneDecompte("Principal", Decimal("3850.00"), "Condamnation prononcée par le jugement"),
        LigneDecompte(
            "Intérêts échus",
            Decimal("56.74"),
            "Au taux légal sur 3 850,00 € : 4,22 % du 10 octobre au 31 décembre 2023 (36,95 €), "
            "5,07 % du 1er janvier au 6 février 2024 (19,79 €)",
        ),
        LigneDecompte("Article 700 du code de procédure civile", Decimal("500.00")),
        LigneDecompte("Coût du présent acte", COUT_SIGNIFICATION, "C. com. A444-11, n° 2"),
    )
    contenu = ContenuActe(
        type="signification_titre",
        reference="2024-000187",
        jour=JOUR_TITRE,
        heure=time(9, 15),
        territoire="69",
        etude=ETUDE,
        requerant=CREANCIER,
        destinataire=_personne(
            "Monsieur Marc LEFÈVRE", "LEFÈVRE", "Marc", "45 rue Sébastien Gryphe", "69007 Lyon"
        ),
        titre=JUGEMENT,
        decompte=DecompteActe(au=JOUR_TITRE, lignes=lignes, total=TOTAL_TITRE),
        delais={"fin_recours": FIN_RECOURS},
        remise=Remise(
            mode="personne",
            heure=time(9, 15),
            personne_presente="Monsieur Marc LEFÈVRE, ainsi déclaré",
        ),
        **_cout("signification_decision", JOUR_TITRE, Decimal("4350.00")),
        champs={
            "jugement_par_defaut": True,
            "voie_de_recours": "d'appel",
            "delai_recours": "un mois",
            "modalites_recours": (
                "l'appel est formé par déclaration remise au greffe de la cour d'appel de Lyon "
                "par un avocat, la représentation par avocat étant obligatoire devant cette "
                "cour."
            ),
            "avec_commandement": True,
        },
        controle=Controle(
            total_decompte=TOTAL_TITRE,
            delais={"fin_recours": FIN_RECOURS, "limite_signification": LIMITE_478},
        ),
        initiales="CM",
    )
    return replace(contenu, **modifie)


# --- Signification of an ordonnance portant injonction de payer -----------------------------

JOUR_IP = date(2024, 1, 15)  # Monday
FIN_OPPOSITION = date(2024, 2, 15)  # CPC 1416 al. 1: one month from a service à personne
LIMITE_1411 = date(2024, 5, 14)  # CPC 1411: six months from 14 November 2023
TOTAL_IP = Decimal("2506.00")


def signification_injonction(**modifie: Any) -> ContenuActe:
    lignes = (
        LigneDecompte("Principal fixé par l'ordonnance", Decimal("2400.00")),
        LigneDecompte(
            "Intérêts au taux légal",
            Decimal("35.52"),
            "Depuis le 12 septembre 2023, selon l'ordonnance : 4,22 % jusqu'au 31 décembre "
            "2023 (30,52 €), 5,07 % du 1er au 15 janvier 2024 (5,00 €)",
        ),
        LigneDecompte("Frais de greffe", Decimal("0.00"), "Néant devant le tribunal judiciaire"),
        LigneDecompte("Coût de la présente signification", COUT_SIGNIFICATION, "n° 4"),
    )
    contenu = ContenuActe(
        type="signification_injonction_de_payer",
        reference="2024-000042",
        jour=JOUR_IP,
        heure=time(10, 40),
        territoire="69",
        etude=ETUDE,
        requerant=CREANCIER,
        destinataire=_personne(
            "Madame Sophie GARNIER", "GARNIER", "Sophie", "18 rue Paul Bert", "69003 Lyon"
        ),
        titre=TitreActe(
            nature="une ordonnance portant injonction de payer",
            juridiction="tribunal judiciaire de Lyon",
            date_titre=date(2023, 11, 14),
            numero="n° 23/00987",
        ),
        decompte=DecompteActe(au=JOUR_IP, lignes=lignes, total=TOTAL_IP),
        delais={"fin_opposition": FIN_OPPOSITION},
        remise=Remise(
            mode="personne",
            heure=time(10, 40),
            personne_presente="Madame Sophie GARNIER, ainsi déclarée",
        ),
        **_cout("signification_injonction_de_payer", JOUR_IP, Decimal("2400.00")),
        champs={
            "pieces_justificatives": (
                "facture n° 2023-0318 du 4 juillet 2023, bon de commande signé du 12 juin 2023, "
                "mise en demeure du 12 septembre 2023"
            ),
            "juridiction_opposition": "tribunal judiciaire de Lyon",
            "signifiee_a_personne": True,
        },
        controle=Controle(
            total_decompte=TOTAL_IP,
            delais={"fin_opposition": FIN_OPPOSITION, "limite_signification": LIMITE_1411},
        ),
        initiales="CM",
    )
    return replace(contenu, **modifie)


# --- Signification of an avocat's act (assignation; judgment at the avocat's request) -------

JOUR_AVOCAT = date(2025, 10, 16)  # Thursday
MONTANT_ASSIGNATION = Decimal("5200.00")
AVOCAT = "Maître Paul BERTIN, avocat au barreau de Lyon, 8 quai Jules Courmont, 69002 Lyon"


def signification_avocat(**modifie: Any) -> ContenuActe:
    contenu = ContenuActe(
        type="signification_acte_avocat",
        reference="2025-000402",
        jour=JOUR_AVOCAT,
        heure=time(14, 10),
        territoire="69",
        etude=ETUDE,
        requerant=Personne(
            personne_physique=True,
            designation="Madame Camille ROCHE",
            nom="ROCHE",
            prenoms="Camille",
            profession="architecte",
            nationalite="française",
            date_naissance=date(1979, 3, 12),
            lieu_naissance="Grenoble (Isère)",
            adresse=("17 rue Juliette Récamier", "69006 Lyon"),
        ),
        destinataire=Personne(
            personne_physique=False,
            designation="SARL BÂTIR LYONNAIS",
            forme="société à responsabilité limitée",
            denomination="BÂTIR LYONNAIS",
            siren="791245683",
            representant="son gérant en exercice",
            adresse=("52 rue de Gerland", "69007 Lyon"),
        ),
        remise=Remise(
            mode="personne",
            heure=time(14, 10),
            personne_presente=(
                "Monsieur Olivier MERCIER, gérant, habilité à recevoir l'acte, ainsi déclaré"
            ),
        ),
        **_cout("assignation", JOUR_AVOCAT, MONTANT_ASSIGNATION),
        champs={
            "nature_acte": "assignation",
            "acte_signifie": (
                "assignation à comparaître devant le tribunal judiciaire de Lyon, à l'audience "
                "d'orientation du jeudi 15 janvier 2026 à 9 h 30, en paiement de la somme de "
                "5 200,00 € au titre de travaux de rénovation non conformes, rédigée par Maître "
                "Paul BERTIN et annexée au présent acte"
            ),
            "avocat": AVOCAT,
            "election_domicile": (
                "Élisant domicile au cabinet de Maître Paul BERTIN, avocat au barreau de Lyon, "
                "8 quai Jules Courmont, 69002 Lyon."
            ),
        },
        initiales="CM",
    )
    return replace(contenu, **modifie)


def signification_avocat_decision(**modifie: Any) -> ContenuActe:
    """The same office serving, at the avocat's request, the judgment then given (a decision:
    tariff n° 2, CPC 678 and 680)."""
    base = signification_avocat()
    contenu = replace(
        base,
        **_cout("signification_decision", JOUR_AVOCAT, MONTANT_ASSIGNATION),
        champs={
            **base.champs,
            "nature_acte": "décision de justice",
            "acte_signifie": (
                "jugement contradictoire rendu par le tribunal judiciaire de Lyon le "
                "2 octobre 2025 (RG 24/03318)"
            ),
            "representation_obligatoire": True,
            "notification_avocat_le": date(2025, 10, 9),
            "avocat_notifie": "Maître Sandrine VIDAL, avocat au barreau de Lyon",
            "voie_de_recours": "d'appel",
            "delai_recours": "un mois",
            "modalites_recours": (
                "l'appel est formé par déclaration remise au greffe de la cour d'appel de Lyon "
                "par un avocat, la représentation par avocat étant obligatoire devant cette "
                "cour."
            ),
        },
    )
    return replace(contenu, **modifie)


# --- Procès-verbal de recherches infructueuses (CPC 659) -------------------------------------

JOUR_PV = date(2024, 2, 21)  # Wednesday
LETTRES_659 = date(2024, 2, 22)  # same day or first working day after
JOUR_PV_SANS_TARIF = date(2024, 5, 14)  # n° 130 of the arrêté of 28 February 2024 unknown
DILIGENCES = (
    "Le nom du destinataire ne figure ni sur les boîtes aux lettres ni sur l'interphone de "
    "l'immeuble ; le gardien, Monsieur Ahmed BENALI, déclare que l'intéressé a quitté les "
    "lieux en septembre 2023 sans laisser d'adresse ; l'actuelle occupante de l'appartement "
    "du troisième étage ne le connaît pas ; les recherches dans l'annuaire téléphonique et sur "
    "les pages publiques des réseaux sociaux sont restées vaines ; la mairie du 7e "
    "arrondissement, interrogée, n'a pas d'autre adresse ; le requérant, interrogé, ne connaît "
    "ni nouvelle adresse ni employeur."
)


def pv_recherches(**modifie: Any) -> ContenuActe:
    contenu = ContenuActe(
        type="pv_recherches_infructueuses",
        reference="2024-000187",
        jour=JOUR_PV,
        heure=time(10, 15),
        territoire="69",
        etude=ETUDE,
        requerant=CREANCIER,
        destinataire=_personne(
            "Monsieur Kevin ROUX", "ROUX", "Kevin", "42 avenue Jean Jaurès", "69007 Lyon"
        ),
        delais={"lettre_cpc_659": LETTRES_659},
        remise=Remise(mode="659", heure=time(10, 15), diligences=DILIGENCES),
        **_cout("pv_recherches_infructueuses", JOUR_PV),
        champs={"acte_a_signifier": ACTE_JUGEMENT},
        initiales="CM",
    )
    return replace(contenu, **modifie)


def pv_recherches_sans_tarif() -> ContenuActe:
    """The same procès-verbal on 14 May 2024: the n° 130 amount is not known."""
    return pv_recherches(
        jour=JOUR_PV_SANS_TARIF,
        delais={"lettre_cpc_659": date(2024, 5, 15)},
        **_cout("pv_recherches_infructueuses", JOUR_PV_SANS_TARIF),
    )


# --- Letter of CPC 658 -------------------------------------------------------------------------

JOUR_658 = date(2024, 2, 8)  # Thursday; service at the office the same day


def lettre_658(**modifie: Any) -> ContenuActe:
    contenu = ContenuActe(
        type="lettre_cpc_658",
        reference="2024-000187",
        jour=JOUR_658,
        territoire="69",
        etude=ETUDE,
        requerant=CREANCIER,
        destinataire=_personne(
            "Madame Léa FONTAINE", "FONTAINE", "Léa", "9 place Sathonay", "69001 Lyon"
        ),
        remise=Remise(
            mode="etude",
            heure=time(18, 20),
            diligences=(
                "Personne ne répondant, la réalité du domicile a été vérifiée : nom sur la boîte "
                "aux lettres et confirmation d'un voisin."
            ),
            avis_de_passage=True,
        ),
        champs={
            "signifie_le": JOUR_658,
            "nature_acte": (
                "un jugement réputé contradictoire rendu par le tribunal judiciaire de Lyon le "
                "9 octobre 2023 (RG 23/04567), avec commandement de payer aux fins de "
                "saisie-vente"
            ),
            "copie_a_l_etude": True,
            "copie_acte": "Copie de l'acte de signification du 8 février 2024",
            "mode_envoi": "lettre_simple",
        },
        initiales="CM",
    )
    return replace(contenu, **modifie)


def lettre_658_domicile() -> ContenuActe:
    """The copy handed at home to the addressee's husband (CPC 655)."""
    base = lettre_658()
    return replace(
        base,
        remise=Remise(
            mode="domicile",
            heure=time(18, 20),
            personne_presente="Monsieur Paul FONTAINE, son époux",
            diligences="Le destinataire étant absent, la copie a été remise à son époux.",
        ),
        champs={
            **{k: v for k, v in base.champs.items() if k != "copie_a_l_etude"},
            "copie_remise": True,
        },
    )


# --- Letters of CPC 659 -----------------------------------------------------------------------


def lettre_659(**modifie: Any) -> ContenuActe:
    contenu = ContenuActe(
        type="lettre_cpc_659",
        reference="2024-000187",
        jour=LETTRES_659,
        territoire="69",
        etude=ETUDE,
        requerant=CREANCIER,
        destinataire=_personne(
            "Monsieur Kevin ROUX", "ROUX", "Kevin", "42 avenue Jean Jaurès", "69007 Lyon"
        ),
        champs={
            "pv_le": JOUR_PV,
            "acte_a_signifier": ACTE_JUGEMENT,
            "copie_pv": "Copie du procès-verbal de recherches infructueuses du 21 février 2024",
            "copie_acte": "Copie de l'acte de signification du jugement du 9 octobre 2023",
            "mode_envoi": ("lettre_recommandee_ar", "lettre_simple"),
            "numero_envoi": "1A 187 654 3210 9",
        },
        initiales="CM",
    )
    return replace(contenu, **modifie)


# --- Amicable recovery letter (CPCE R124-4) --------------------------------------------------

JOUR_AMIABLE = date(2025, 2, 12)  # Wednesday
TOTAL_AMIABLE = Decimal("1897.71")


def lettre_amiable(**modifie: Any) -> ContenuActe:
    lignes = (
        LigneDecompte("Principal", Decimal("1860.00"), "Facture n° 2024-0412 du 3 juillet 2024"),
        LigneDecompte(
            "Intérêts au taux légal",
            Decimal("37.71"),
            "Depuis la mise en demeure du 4 septembre 2024 : 4,92 % jusqu'au 31 décembre 2024 "
            "(29,58 €), 3,71 % du 1er janvier au 12 février 2025 (8,13 €)",
        ),
    )
    contenu = ContenuActe(
        type="lettre_recouvrement_amiable",
        reference="2025-000215",
        jour=JOUR_AMIABLE,
        territoire="69",
        etude=ETUDE,
        requerant=CREANCIER,
        destinataire=_personne(
            "Monsieur Julien MOREL", "MOREL", "Julien", "6 rue Mercière", "69002 Lyon"
        ),
        decompte=DecompteActe(au=JOUR_AMIABLE, lignes=lignes, total=TOTAL_AMIABLE),
        textes=textes_stockes("lettre_recouvrement_amiable", JOUR_AMIABLE),
        champs={
            "fondement_creance": (
                "la facture n° 2024-0412 du 3 juillet 2024 (pose de fenêtres commandée le "
                "2 juin 2024), restée impayée malgré la mise en demeure du 4 septembre 2024"
            ),
            "modalites_paiement": (
                "par virement sur le compte de l'étude (IBAN FR76 1027 8073 0000 0201 2345 678, "
                "en rappelant la référence du dossier), par chèque à l'ordre de la SELARL Martin "
                "& Associés, ou en l'étude, du lundi au vendredi, de 9 h à 12 h. Vous pouvez "
                "aussi me proposer un paiement échelonné, que je soumettrai au créancier."
            ),
            "mode_envoi": "lettre_simple",
        },
        controle=Controle(total_decompte=TOTAL_AMIABLE),
        initiales="CM",
    )
    return replace(contenu, **modifie)


# --- Invitation to the small-claims procedure (CPCE L125-1, R125-2) ---------------------------

JOUR_INVITATION = date(2025, 2, 14)  # Friday
FIN_ACCEPTATION = date(2025, 3, 14)  # R125-2 III 2°: one month from the sending
TOTAL_INVITATION = Decimal("1260.10")


def invitation(**modifie: Any) -> ContenuActe:
    lignes = (
        LigneDecompte("Principal", Decimal("1250.00"), "Facture n° 2024-0587 du 5 novembre 2024"),
        LigneDecompte(
            "Intérêts au taux légal",
            Decimal("10.10"),
            "Depuis la mise en demeure du 5 décembre 2024 : 4,92 % jusqu'au 31 décembre 2024 "
            "(4,38 €), 3,71 % du 1er janvier au 14 février 2025 (5,72 €)",
        ),
    )
    contenu = ContenuActe(
        type="invitation_petites_creances",
        reference="2025-000231",
        jour=JOUR_INVITATION,
        territoire="69",
        etude=ETUDE,
        requerant=CREANCIER,
        destinataire=_personne(
            "Monsieur Thomas BLANC", "BLANC", "Thomas", "31 cours Gambetta", "69003 Lyon"
        ),
        decompte=DecompteActe(au=JOUR_INVITATION, lignes=lignes, total=TOTAL_INVITATION),
        delais={"fin_acceptation": FIN_ACCEPTATION},
        textes=textes_stockes("invitation_petites_creances", JOUR_INVITATION),
        champs={
            "fondement_creance": (
                "la facture n° 2024-0587 du 5 novembre 2024 (remplacement d'une porte d'entrée), "
                "restée impayée malgré la mise en demeure du 5 décembre 2024"
            ),
            "formulaires": "Formulaire d'acceptation et formulaire de refus",
            "mode_envoi": "lettre_recommandee_ar",
            "numero_envoi": "1A 187 654 3211 6",
        },
        controle=Controle(
            total_decompte=TOTAL_INVITATION, delais={"fin_acceptation": FIN_ACCEPTATION}
        ),
        initiales="CM",
    )
    return replace(contenu, **modifie)


ACTES = {
    "signification_titre": signification_titre,
    "signification_injonction_de_payer": signification_injonction,
    "pv_recherches_infructueuses": pv_recherches,
    "signification_acte_avocat": signification_avocat,
}
LETTRES = {
    "lettre_cpc_658": lettre_658,
    "lettre_cpc_659": lettre_659,
    "lettre_recouvrement_amiable": lettre_amiable,
    "invitation_petites_creances": invitation,
}
