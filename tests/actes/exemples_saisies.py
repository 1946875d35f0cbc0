"""The seizure and expulsion acts on fixed, realistic data, for the checker and template tests.

- ``pv_saisie_attribution``: the seizure that ``exemples.denonciation`` denounces, Monday
  6 March 2023 at 9 h 15 at the Banque Populaire in Lyon; interest at the legal rate of the
  first half of 2023 for a creditor other than a consumer (2,06 %), increased by five points
  two months after the judgment became enforceable (7,06 %, C. mon. fin. L313-3); provision for
  one month of interest on the principal (R211-1 3°). Tariff n° 50 of 2020 (43,61 € HT).
- ``certificat_non_contestation``: that seizure denounced Wednesday 8 March 2023; the month ran
  until Tuesday 11 April 2023 (Easter Monday, CPC 642); certificate of Tuesday 18 April 2023,
  after the post of a contestation denounced the next working day (R211-11) could arrive.
- ``commandement_saisie_vente``: Tuesday 14 October 2025, judgment with contractual interest
  at 4,50 % a year (155 days on 3 200 €). Tariff n° 42 of 2024.
- ``commandement_saisie_vente_r221_3``: same day, a 480 € injunction to pay (under the 535 € of
  R221-2), interest at the legal rate for a professional creditor (3,71 % then 2,76 % from
  1 July 2025). Tariff n° 41 of 2024.
- ``commandement_saisie_remunerations``: Tuesday 4 November 2025; the month to contest ends
  Thursday 4 December 2025. The base émolument n° 97-1 is not known: the cost is unavailable
  (ParametreManquant), and R212-1-5 and R212-1-6 are not stored: the act is refused for them.
- ``pv_saisie_remunerations``: the seizure that follows that commandement, Tuesday
  9 December 2025, at the debtor's employer in Lyon. The engine gives the window of the step
  ``pv_saisie``: from Friday 5 December 2025 (the month from 4 November ends on the 4th, L212-2)
  to Wednesday 4 February 2026 (three months, L212-6). Interest at 3,90 % on 2 400 € for the
  182 days after 10 June 2025: 46,67 €. The base émolument n° 97-3 is not known: the
  cost is unavailable.
- ``commandement_delivrer_restituer``: Monday 2 June 2025, a leased mini-excavator to return
  under an ordonnance de référé. No tariff line is declared for it: the cost is unavailable.
- ``commandement_quitter_les_lieux``: Tuesday 2 December 2025; the two months of L412-1 end
  Monday 2 February 2026: the premises must be vacated from Tuesday 3 February 2026. Tariff
  n° 86 of 2024. L412-1 is stored only until 2017 (and L412-2 not at all when this was
  written): the act is refused for them.

Reproduced texts are those stored for the act's day, as the office takes them
(``textes_stockes``): when a missing text is added under ``clerc/actes/textes/``, the example
gains it, and its golden file must be reviewed and rewritten.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal

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
from clerc.actes.texte import bareme_saisie_remunerations
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
    telephone="04 72 00 00 00",
    courriel="etude@martin-associes.example",
)
BANQUE = Personne(
    personne_physique=False,
    designation="SA BANQUE DU RHÔNE",
    forme="société anonyme",
    denomination="BANQUE DU RHÔNE",
    siren="552120222",
    representant="son directeur général en exercice",
    adresse=("3 place Bellecour", "69002 Lyon"),
)
DUPONT = Personne(
    personne_physique=True,
    designation="Monsieur Jean DUPONT",
    nom="DUPONT",
    prenoms="Jean",
    adresse=("3 rue Serpenoise", "69003 Lyon"),
)
TIERS_SAISI = Personne(
    personne_physique=False,
    designation="BANQUE POPULAIRE AUVERGNE RHÔNE ALPES",
    denomination="BANQUE POPULAIRE AUVERGNE RHÔNE ALPES",
    adresse=("4 boulevard Eugène Deruelle", "69003 Lyon"),
)
JEX_LYON = "juge de l'exécution du tribunal judiciaire de Lyon"


def textes_stockes(code: str, jour: date) -> tuple[TexteReproduit, ...]:
    """The texts the act reproduces, as stored for its day (whole articles and extracts);
    a text not stored is left out: the checker then refuses the act."""
    textes = []
    for mention in type_acte(code).mentions:
        article = str(mention.parametres.get("article", ""))
        try:
            if mention.controle == "texte_reproduit":
                textes.append(texte_reproduit(article, jour))
            elif mention.controle == "extrait_reproduit":
                textes.append(extrait(article, jour, mention.parametres["alineas"]))
        except TexteIntrouvable:
            continue
    return tuple(textes)


def textes_manquants(code: str, jour: date) -> set[str]:
    """The mentions of reproduced texts whose wording is not stored for ``jour``."""
    manquants = set()
    for mention in type_acte(code).mentions:
        if mention.controle in ("texte_reproduit", "extrait_reproduit"):
            try:
                texte_reproduit(str(mention.parametres["article"]), jour)
            except TexteIntrouvable:
                manquants.add(mention.code)
    return manquants


def _avec(contenu: ContenuActe, champs: dict[str, object]) -> ContenuActe:
    return replace(contenu, **champs)  # type: ignore[arg-type]


# --- saisie-attribution ---------------------------------------------------------------------

JOUR_PV = date(2023, 3, 6)
TITRE_PV = TitreActe(
    nature="un jugement",
    juridiction="tribunal judiciaire de Lyon",
    date_titre=date(2022, 11, 14),
    numero="RG 22/01234",
    date_signification=date(2022, 11, 25),
)
TOTAL_PV = Decimal("6184.91")


def pv_saisie_attribution(**champs: object) -> ContenuActe:
    lignes = (
        LigneDecompte("Principal", Decimal("5000.00")),
        LigneDecompte("Article 700 du code de procédure civile", Decimal("800.00")),
        LigneDecompte("Dépens", Decimal("120.50")),
        LigneDecompte("Intérêts échus", Decimal("234.99"), "taux appliqués : 2,06 %, 7,06 %"),
        LigneDecompte(
            "Provision pour les intérêts à échoir pendant le mois de contestation",
            Decimal("29.42"),
            "un mois au taux de 7,06 % l'an sur 5 000,00 €",
        ),
    )
    contenu = ContenuActe(
        type="pv_saisie_attribution",
        reference="2026-000123",
        jour=JOUR_PV,
        heure=time(9, 15),
        territoire="69",
        etude=ETUDE,
        requerant=BANQUE,
        destinataire=TIERS_SAISI,
        tiers=DUPONT,
        titre=TITRE_PV,
        decompte=DecompteActe(au=JOUR_PV, lignes=lignes, total=TOTAL_PV),
        remise=Remise(
            mode="personne",
            heure=time(9, 15),
            personne_presente="Madame Sophie BERNARD, responsable du service des saisies, "
            "habilitée à recevoir l'acte",
        ),
        cout=cout_acte("pv_saisie_attribution", JOUR_PV, TOTAL_PV),
        textes=textes_stockes("pv_saisie_attribution", JOUR_PV),
        controle=Controle(total_decompte=TOTAL_PV),
        initiales="CM",
    )
    return _avec(contenu, champs)


JOUR_CERTIFICAT = date(2023, 4, 18)
FIN_CONTESTATION_SA = date(2023, 4, 11)


def certificat_non_contestation(**champs: object) -> ContenuActe:
    contenu = ContenuActe(
        type="certificat_non_contestation",
        reference="2026-000123",
        jour=JOUR_CERTIFICAT,
        territoire="69",
        etude=ETUDE,
        requerant=BANQUE,
        destinataire=TIERS_SAISI,
        tiers=DUPONT,
        titre=TITRE_PV,
        delais={"fin_contestation": FIN_CONTESTATION_SA},
        cout=cout_acte("certificat_non_contestation", JOUR_CERTIFICAT, TOTAL_PV),
        champs={"pv_saisie_le": JOUR_PV, "denonciation_le": date(2023, 3, 8)},
        controle=Controle(delais={"fin_contestation": FIN_CONTESTATION_SA}),
        initiales="CM",
    )
    return _avec(contenu, champs)


# --- saisie-vente ---------------------------------------------------------------------------

JOUR_CSV = date(2025, 10, 14)
TOTAL_CSV = Decimal("3846.55")


def commandement_saisie_vente(**champs: object) -> ContenuActe:
    lignes = (
        LigneDecompte("Principal", Decimal("3200.00")),
        LigneDecompte("Article 700 du code de procédure civile", Decimal("500.00")),
        LigneDecompte("Dépens", Decimal("85.40")),
        LigneDecompte(
            "Intérêts échus au 14 octobre 2025",
            Decimal("61.15"),
            "taux conventionnel de 4,50 % l'an, du 12 mai au 14 octobre 2025",
        ),
    )
    contenu = ContenuActe(
        type="commandement_saisie_vente",
        reference="2026-000241",
        jour=JOUR_CSV,
        heure=time(18, 40),
        territoire="69",
        etude=ETUDE,
        requerant=BANQUE,
        destinataire=DUPONT,
        titre=TitreActe(
            nature="un jugement",
            juridiction="tribunal judiciaire de Lyon",
            date_titre=date(2025, 5, 12),
            numero="RG 24/05678",
            date_signification=date(2025, 6, 3),
        ),
        decompte=DecompteActe(au=JOUR_CSV, lignes=lignes, total=TOTAL_CSV),
        remise=Remise(
            mode="domicile",
            heure=time(18, 40),
            personne_presente="Madame Claire DUPONT, son épouse, qui a accepté de recevoir la "
            "copie",
            diligences="Le débiteur étant absent, sa présence au domicile m'a été confirmée par "
            "la personne présente et par son nom sur la boîte aux lettres.",
            avis_de_passage=True,
        ),
        cout=cout_acte("commandement_saisie_vente", JOUR_CSV, TOTAL_CSV),
        controle=Controle(total_decompte=TOTAL_CSV),
        initiales="CM",
    )
    return _avec(contenu, champs)


TOTAL_R221_3 = Decimal("541.28")


def commandement_saisie_vente_r221_3(**champs: object) -> ContenuActe:
    lignes = (
        LigneDecompte("Principal", Decimal("480.00")),
        LigneDecompte("Frais (signification de l'ordonnance)", Decimal("51.62")),
        LigneDecompte(
            "Intérêts échus au 14 octobre 2025",
            Decimal("9.66"),
            "taux légal, taux appliqués : 3,71 %, 2,76 %",
        ),
    )
    contenu = ContenuActe(
        type="commandement_saisie_vente_r221_3",
        reference="2026-000288",
        jour=JOUR_CSV,
        heure=time(10, 5),
        territoire="69",
        etude=ETUDE,
        requerant=Personne(
            personne_physique=False,
            designation="SARL PLOMBERIE DU LYONNAIS",
            forme="société à responsabilité limitée",
            denomination="PLOMBERIE DU LYONNAIS",
            siren="812345674",
            representant="son gérant en exercice",
            adresse=("18 rue Garibaldi", "69006 Lyon"),
        ),
        destinataire=Personne(
            personne_physique=True,
            designation="Madame Sophie LAMBERT",
            nom="LAMBERT",
            prenoms="Sophie",
            adresse=("27 rue Paul Bert", "69003 Lyon"),
        ),
        titre=TitreActe(
            nature="une ordonnance portant injonction de payer",
            juridiction="tribunal judiciaire de Lyon",
            date_titre=date(2025, 3, 3),
            numero="n° 25/00321",
            date_signification=date(2025, 3, 17),
        ),
        decompte=DecompteActe(au=JOUR_CSV, lignes=lignes, total=TOTAL_R221_3),
        remise=Remise(mode="personne", heure=time(10, 5)),
        cout=cout_acte("injonction_communiquer_commandement", JOUR_CSV, TOTAL_R221_3),
        controle=Controle(total_decompte=TOTAL_R221_3),
        initiales="CM",
    )
    return _avec(contenu, champs)


# --- saisie des rémunérations (2025) --------------------------------------------------------

JOUR_CSR = date(2025, 11, 4)
FIN_CONTESTATION_CSR = date(2025, 12, 4)
TOTAL_CSR = Decimal("2829.84")


def cout_indisponible(code: str, jour: date, montant: Decimal | None = None) -> str:
    """The message of the tariff figure the office lacks (ParametreManquant), as printed."""
    try:
        cout_acte(code, jour, montant)
    except ParametreManquant as erreur:
        return str(erreur)
    raise AssertionError(f"le tarif de {code} au {jour} est connu : utilisez cout_acte")


def commandement_saisie_remunerations(**champs: object) -> ContenuActe:
    lignes = (
        LigneDecompte("Principal", Decimal("2400.00")),
        LigneDecompte("Article 700 du code de procédure civile", Decimal("300.00")),
        LigneDecompte("Dépens", Decimal("92.14")),
        LigneDecompte(
            "Intérêts échus au 4 novembre 2025",
            Decimal("37.70"),
            "taux conventionnel de 3,90 % l'an, du 10 juin au 4 novembre 2025",
        ),
    )
    contenu = ContenuActe(
        type="commandement_saisie_remunerations",
        reference="2026-000305",
        jour=JOUR_CSR,
        heure=time(8, 20),
        territoire="69",
        etude=ETUDE,
        requerant=BANQUE,
        destinataire=Personne(
            personne_physique=True,
            designation="Monsieur Marc ROUSSEL",
            nom="ROUSSEL",
            prenoms="Marc",
            adresse=("8 rue Victor Hugo", "69002 Lyon"),
        ),
        titre=TitreActe(
            nature="un jugement",
            juridiction="tribunal judiciaire de Lyon",
            date_titre=date(2025, 6, 10),
            numero="RG 25/02211",
            date_signification=date(2025, 7, 1),
        ),
        decompte=DecompteActe(au=JOUR_CSR, lignes=lignes, total=TOTAL_CSR),
        delais={"fin_contestation": FIN_CONTESTATION_CSR},
        remise=Remise(mode="personne", heure=time(8, 20)),
        cout=None,
        cout_indisponible=cout_indisponible(
            "commandement_saisie_remunerations", JOUR_CSR, TOTAL_CSR
        ),
        textes=textes_stockes("commandement_saisie_remunerations", JOUR_CSR),
        champs={"juridiction_contestation": JEX_LYON},
        controle=Controle(
            total_decompte=TOTAL_CSR, delais={"fin_contestation": FIN_CONTESTATION_CSR}
        ),
        initiales="CM",
    )
    return _avec(contenu, champs)


JOUR_PVR = date(2025, 12, 9)
DEBUT_SAISIE = date(2025, 12, 5)  # the day after the month of L212-2
LIMITE_SAISIE = date(2026, 2, 4)  # three months of L212-6
TOTAL_PVR = Decimal("2838.81")
ROUSSEL = Personne(
    personne_physique=True,
    designation="Monsieur Marc ROUSSEL",
    nom="ROUSSEL",
    prenoms="Marc",
    adresse=("8 rue Victor Hugo", "69002 Lyon"),
)
EMPLOYEUR = Personne(
    personne_physique=False,
    designation="SAS TRANSPORTS DU VAL DE SAÔNE",
    forme="société par actions simplifiée",
    denomination="TRANSPORTS DU VAL DE SAÔNE",
    siren="814352901",
    representant="son président en exercice",
    adresse=("40 avenue Jean Mermoz", "69008 Lyon"),
)
REPARTITEUR = (
    "Maître Claire MARTIN, commissaire de justice, SELARL Martin & Associés, 12 rue de la "
    "République, 69002 Lyon, téléphone 04 72 00 00 00, courriel "
    "repartition@martin-associes.example"
)


def pv_saisie_remunerations(**champs: object) -> ContenuActe:
    lignes = (
        LigneDecompte("Principal", Decimal("2400.00")),
        LigneDecompte("Article 700 du code de procédure civile", Decimal("300.00")),
        LigneDecompte("Dépens", Decimal("92.14")),
        LigneDecompte(
            "Intérêts échus au 9 décembre 2025",
            Decimal("46.67"),
            "taux conventionnel de 3,90 % l'an, du 10 juin au 9 décembre 2025",
        ),
    )
    contenu = ContenuActe(
        type="pv_saisie_remunerations",
        reference="2026-000305",
        jour=JOUR_PVR,
        heure=time(10, 5),
        territoire="69",
        etude=ETUDE,
        requerant=BANQUE,
        destinataire=EMPLOYEUR,
        tiers=ROUSSEL,
        titre=TitreActe(
            nature="un jugement",
            juridiction="tribunal judiciaire de Lyon",
            date_titre=date(2025, 6, 10),
            numero="RG 25/02211",
            date_signification=date(2025, 7, 1),
        ),
        decompte=DecompteActe(au=JOUR_PVR, lignes=lignes, total=TOTAL_PVR),
        remise=Remise(
            mode="personne",
            heure=time(10, 5),
            personne_presente="Madame Nadia KHELIF, responsable des ressources humaines, "
            "habilitée à recevoir l'acte",
        ),
        cout=None,
        cout_indisponible=cout_indisponible("pv_saisie_remunerations", JOUR_PVR, TOTAL_PVR),
        textes=textes_stockes("pv_saisie_remunerations", JOUR_PVR),
        champs={
            "commandement_le": JOUR_CSR,
            "repartiteur": REPARTITEUR,
            "bareme": bareme_saisie_remunerations(JOUR_PVR),
            "modalites_reglement": (
                "chaque mois, par virement sur le compte du commissaire de justice répartiteur "
                "(IBAN FR76 1027 8073 0000 0201 9876 543), en rappelant la référence "
                "2026-000305 et le nom du débiteur ; le premier versement porte sur la "
                "rémunération du mois suivant la signification du présent acte."
            ),
        },
        controle=Controle(
            total_decompte=TOTAL_PVR,
            delais={"debut_saisie": DEBUT_SAISIE, "limite_saisie": LIMITE_SAISIE},
        ),
        initiales="CM",
    )
    return _avec(contenu, champs)


# --- saisie-appréhension --------------------------------------------------------------------

JOUR_CDR = date(2025, 6, 2)


def commandement_delivrer_restituer(**champs: object) -> ContenuActe:
    contenu = ContenuActe(
        type="commandement_delivrer_restituer",
        reference="2026-000330",
        jour=JOUR_CDR,
        heure=time(9, 40),
        territoire="69",
        etude=ETUDE,
        requerant=Personne(
            personne_physique=False,
            designation="SAS RHÔNE ÉQUIPEMENTS LOCATION",
            forme="société par actions simplifiée",
            denomination="RHÔNE ÉQUIPEMENTS LOCATION",
            siren="830117452",
            representant="son président en exercice",
            adresse=("15 rue de l'Industrie", "69200 Vénissieux"),
        ),
        destinataire=Personne(
            personne_physique=True,
            designation="Monsieur Antoine GIRAUD",
            nom="GIRAUD",
            prenoms="Antoine",
            adresse=("21 chemin des Bruyères", "69140 Rillieux-la-Pape"),
        ),
        titre=TitreActe(
            nature="une ordonnance de référé",
            juridiction="président du tribunal judiciaire de Lyon",
            date_titre=date(2025, 4, 14),
            numero="RG 25/00412",
            date_signification=date(2025, 4, 25),
        ),
        remise=Remise(
            mode="domicile",
            heure=time(9, 40),
            personne_presente="Madame Julie GIRAUD, son épouse, qui a accepté de recevoir la copie",
            diligences="Le destinataire étant absent, son domicile m'a été confirmé par la "
            "personne présente et par son nom sur la boîte aux lettres.",
            avis_de_passage=True,
        ),
        cout=None,
        champs={
            "bien": (
                "une mini-pelle de marque Kubota, modèle KX019-4, numéro de série 58214, objet "
                "du contrat de location n° L-2024-118 du 3 septembre 2024"
            ),
            "lieu_remise": (
                "dépôt de la société requérante, 15 rue de l'Industrie, 69200 Vénissieux"
            ),
            "conditions_remise": (
                "du lundi au vendredi, de 8 h à 12 h et de 14 h à 17 h, sur rendez-vous pris "
                "auprès de la société requérante au 04 78 00 00 01, le bien étant remis avec ses "
                "clés et ses accessoires"
            ),
            "juridiction_contestation": JEX_LYON,
        },
        initiales="CM",
    )
    return _avec(contenu, champs)


# --- expulsion ------------------------------------------------------------------------------

JOUR_CQL = date(2025, 12, 2)
LIBERATION = date(2026, 2, 3)


def commandement_quitter_les_lieux(**champs: object) -> ContenuActe:
    contenu = ContenuActe(
        type="commandement_quitter_les_lieux",
        reference="2026-000317",
        jour=JOUR_CQL,
        heure=time(11, 30),
        territoire="69",
        etude=ETUDE,
        requerant=Personne(
            personne_physique=True,
            designation="Madame Hélène FAURE",
            nom="FAURE",
            prenoms="Hélène",
            profession="retraitée",
            nationalite="française",
            date_naissance=date(1958, 6, 4),
            lieu_naissance="Villeurbanne (Rhône)",
            adresse=("5 quai Saint-Vincent", "69001 Lyon"),
        ),
        destinataire=Personne(
            personne_physique=True,
            designation="Monsieur Paul LEROY",
            nom="LEROY",
            prenoms="Paul",
            adresse=("14 rue de Marseille", "69007 Lyon"),
        ),
        titre=TitreActe(
            nature="un jugement",
            juridiction="juge des contentieux de la protection du tribunal judiciaire de Lyon",
            date_titre=date(2025, 9, 15),
            numero="RG 25/04567",
            date_signification=date(2025, 10, 7),
        ),
        delais={"liberation_locaux": LIBERATION},
        remise=Remise(
            mode="etude",
            heure=time(11, 30),
            diligences="Personne n'a répondu à mes appels ; le nom du destinataire figure sur "
            "la boîte aux lettres et une voisine m'a confirmé qu'il demeure à cette adresse. "
            "La signification à personne s'étant révélée impossible, la copie a été déposée "
            "en mon étude sous enveloppe fermée.",
            avis_de_passage=True,
        ),
        cout=cout_acte("commandement_quitter_les_lieux", JOUR_CQL),
        textes=textes_stockes("commandement_quitter_les_lieux", JOUR_CQL),
        champs={
            "locaux": "14 rue de Marseille, 69007 Lyon (appartement n° 12, 3e étage, et cave n° 4)",
            "juridiction_contestation": JEX_LYON,
        },
        controle=Controle(delais={"liberation_locaux": LIBERATION}),
        initiales="CM",
    )
    return _avec(contenu, champs)


EXEMPLES_SAISIES = {
    "pv_saisie_attribution": pv_saisie_attribution,
    "certificat_non_contestation": certificat_non_contestation,
    "commandement_saisie_vente": commandement_saisie_vente,
    "commandement_saisie_vente_r221_3": commandement_saisie_vente_r221_3,
    "commandement_saisie_remunerations": commandement_saisie_remunerations,
    "pv_saisie_remunerations": pv_saisie_remunerations,
    "commandement_delivrer_restituer": commandement_delivrer_restituer,
    "commandement_quitter_les_lieux": commandement_quitter_les_lieux,
}
