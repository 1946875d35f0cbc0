"""Significations, the CPC 659 procès-verbal and the letters: each complete example passes the
checker, and each mandatory mention removed or made wrong is found, with its article."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time
from decimal import Decimal
from typing import Any

import pytest

from clerc.actes.composition import donnees_lettre
from clerc.actes.conformite import mentions_applicables, verifier
from clerc.actes.modele import ContenuActe, Controle, DecompteActe, LigneDecompte, Remise
from clerc.actes.types_actes import DeclarationActeInvalide, type_acte
from clerc.rules.tarif import cout_acte
from tests.actes.exemples_significations import (
    ACTES,
    COUT_SIGNIFICATION,
    FIN_OPPOSITION,
    FIN_RECOURS,
    JUGEMENT,
    LETTRES,
    LIMITE_478,
    LIMITE_1411,
    TOTAL_TITRE,
    invitation,
    lettre_658,
    lettre_658_domicile,
    lettre_659,
    lettre_amiable,
    pv_recherches,
    pv_recherches_sans_tarif,
    signification_avocat,
    signification_avocat_decision,
    signification_injonction,
    signification_titre,
    textes_manquants,
)

EXEMPLES: dict[str, Callable[..., ContenuActe]] = {**ACTES, **LETTRES}


def _constats(code: str, contenu: ContenuActe) -> list[Any]:
    return list(verifier(type_acte(code), contenu))


@pytest.mark.parametrize("code", sorted(EXEMPLES))
def test_chaque_exemple_complet_est_conforme(code: str) -> None:
    contenu = EXEMPLES[code]()
    constats = _constats(code, contenu)
    # A text the type must reproduce and that nobody has stored yet (CPCE L111-8 for R124-4
    # 5°, L111-2, L111-3, L125-1 and C. civ. 2238 for R125-2 II) is the only finding allowed:
    # the letter cannot be sent without it. Once stored, the example must pass as it is.
    manquants = textes_manquants(code, contenu.jour)
    assert {c.mention for c in constats} == manquants, constats
    assert all("non reproduit" in c.message for c in constats), constats


def test_les_textes_non_stockes_sont_ceux_des_lettres() -> None:
    # Reported to the texts helper: once they are stored, this list shrinks to nothing.
    assert textes_manquants("lettre_recouvrement_amiable", date(2025, 2, 12)) <= {"l111_8"}
    assert textes_manquants("invitation_petites_creances", date(2025, 2, 14)) <= {
        "l111_2", "l111_3", "l125_1", "c_civ_2238"
    }  # fmt: skip


def test_chaque_declaration_cite_ses_articles_et_sa_categorie() -> None:
    for code in EXEMPLES:
        declaration = type_acte(code)
        assert declaration.mentions and all(m.article for m in declaration.mentions)
        assert declaration.categorie == ("acte" if code in ACTES else "lettre")
        assert declaration.signifie is (code in ACTES)


CAS = [
    # --- Signification of a judgment (CPC 648, 478, 678, 680; CPCE R221-1) ---
    ("signification_titre", {"delais": {}}, "delai_recours", "non indiquée"),
    ("signification_titre", {"delais": {"fin_recours": date(2024, 3, 7)}}, "delai_recours",
     "la loi donne le 6 mars 2024"),
    ("signification_titre", {"champs_sans": "modalites_recours"}, "modalites_recours",
     "non renseigné"),
    ("signification_titre", {"champs_sans": "voie_de_recours"}, "delai_recours",
     "champs[voie_de_recours]"),
    ("signification_titre", {"controle": Controle(total_decompte=TOTAL_TITRE, delais={
        "fin_recours": FIN_RECOURS, "limite_signification": date(2024, 2, 5)})},
     "delai_478", "après la date limite du 5 février 2024"),
    ("signification_titre", {"controle": Controle(total_decompte=TOTAL_TITRE, delais={
        "fin_recours": FIN_RECOURS})}, "delai_478", "non fournie"),
    ("signification_titre", {"champs_plus": {"representation_obligatoire": True}},
     "notification_avocat", "date non renseignée"),
    ("signification_titre", {"champs_plus": {
        "representation_obligatoire": True, "notification_avocat_le": date(2024, 2, 7),
        "avocat_notifie": "Maître Jean BERT, avocat au barreau de Lyon"}},
     "notification_avocat", "après l'acte"),
    ("signification_titre", {"decompte": None}, "decompte", "absent"),
    ("signification_titre", {"decompte_lignes": (
        LigneDecompte("Principal", Decimal("3850.00")),
        LigneDecompte("Intérêts échus", Decimal("56.74"), "du 10 octobre 2023 au 6 février 2024"),
        LigneDecompte("Article 700 du code de procédure civile", Decimal("500.00")),
        LigneDecompte("Coût du présent acte", COUT_SIGNIFICATION))},
     "taux_interets", "taux des intérêts non indiqué"),
    ("signification_titre", {"controle": Controle(total_decompte=Decimal("4400.00"), delais={
        "fin_recours": FIN_RECOURS, "limite_signification": LIMITE_478})},
     "decompte", "le dossier donne 4"),
    ("signification_titre", {"titre": replace(JUGEMENT, formule_executoire=False)}, "titre",
     "formule exécutoire"),
    ("signification_titre", {"remise": None}, "remise", "non indiquées"),
    ("signification_titre", {"jour": date(2024, 2, 11)}, "date_et_heure", "dimanche"),
    ("signification_titre", {"controle": Controle(
        etape_refusee="Signification refusée : aucun jugement enregistré.")}, "etape",
     "aucun jugement"),
    ("signification_titre", {"cout": None, "cout_indisponible": "tarif n° 2 inconnu"}, "cout",
     "tarif n° 2"),
    # --- Ordonnance portant injonction de payer (CPC 1411, 1413, 1415, 1416) ---
    ("signification_injonction_de_payer", {"controle": Controle(delais={
        "fin_opposition": FIN_OPPOSITION, "limite_signification": date(2024, 1, 14)})},
     "delai_signification", "après la date limite du 14 janvier 2024"),
    ("signification_injonction_de_payer", {"delais": {"fin_opposition": date(2024, 2, 16)}},
     "fin_opposition", "la loi donne le 15 février 2024"),
    # Served at home: no expiry date may be printed (the month runs from a later act).
    ("signification_injonction_de_payer", {"remise": Remise(
        mode="domicile", personne_presente="Monsieur Luc GARNIER, son époux",
        diligences="Destinataire absent.")}, "fin_opposition", "pas faite à personne"),
    ("signification_injonction_de_payer", {"champs_sans": "juridiction_opposition"},
     "tribunal_opposition", "non renseigné"),
    ("signification_injonction_de_payer", {"champs_sans": "pieces_justificatives"},
     "pieces_requete", "non renseigné"),
    ("signification_injonction_de_payer", {"decompte_sans": "Frais de greffe"},
     "detail_sommes", "frais de greffe"),
    ("signification_injonction_de_payer", {"decompte": None}, "decompte", "absent"),
    ("signification_injonction_de_payer", {"titre": None}, "titre", "non décrit"),
    ("signification_injonction_de_payer", {"jour": date(2024, 1, 15), "heure": time(21, 30),
     "remise": Remise(mode="personne", heure=time(21, 30))}, "date_et_heure", "21"),
    # --- Signification of an avocat's act (CPC 648, 654 to 659, 664) ---
    ("signification_acte_avocat", {"champs_sans": "nature_acte"}, "nature_acte",
     "non renseigné"),
    ("signification_acte_avocat", {"champs_plus": {"nature_acte": "requête"}}, "nature_acte",
     "n'est pas l'une des valeurs prévues"),
    ("signification_acte_avocat", {"champs_sans": "acte_signifie"}, "acte_signifie",
     "non renseigné"),
    ("signification_acte_avocat", {"champs_sans": "avocat"}, "avocat", "non renseigné"),
    ("signification_acte_avocat", {"requerant": replace(
        signification_avocat().requerant, nationalite=None, lieu_naissance=None)},
     "identite_requerant", "nationalité, lieu de naissance"),
    ("signification_acte_avocat", {"destinataire_adresse": ()}, "identite_destinataire",
     "siège"),
    ("signification_acte_avocat", {"etude": replace(signification_avocat().etude,
                                                    adresse=())}, "signataire", "adresse"),
    ("signification_acte_avocat", {"remise": Remise(mode="domicile")}, "remise",
     "personne présente"),
    ("signification_acte_avocat", {"remise": None}, "remise", "non indiquées"),
    ("signification_acte_avocat", {"jour": date(2025, 10, 19)}, "date_et_heure", "dimanche"),
    ("signification_acte_avocat", {"heure": time(5, 45), "remise": Remise(
        mode="personne", heure=time(5, 45))}, "date_et_heure", "CPC 664"),
    # A decision is served at n° 2: an act costed at n° 1 is found.
    ("signification_acte_avocat", {"champs_plus": {"nature_acte": "décision de justice"}},
     "cout", "l'acte relève de « signification_decision »"),
    ("signification_acte_avocat", {"cout": None, "cout_indisponible": "tarif n° 1 inconnu"},
     "cout", "tarif n° 1"),
    # --- Procès-verbal de recherches infructueuses (CPC 659) ---
    ("pv_recherches_infructueuses", {"remise": Remise(mode="659")}, "diligences",
     "non relatées"),
    ("pv_recherches_infructueuses", {"remise": Remise(mode="personne")}, "diligences",
     "mode de remise « 659 »"),
    ("pv_recherches_infructueuses", {"delais": {"lettre_cpc_659": date(2024, 2, 23)}},
     "lettres", "la loi donne le 22 février 2024"),
    ("pv_recherches_infructueuses", {"delais": {}}, "lettres", "non indiquée"),
    ("pv_recherches_infructueuses", {"champs": {}}, "acte_a_signifier", "non renseigné"),
    ("pv_recherches_infructueuses", {"destinataire_adresse": ()}, "identite_destinataire",
     "domicile"),
    # --- Letter of CPC 658 ---
    ("lettre_cpc_658", {"jour": date(2024, 2, 12)}, "date_envoi",
     "au plus tard le 9 février 2024"),
    ("lettre_cpc_658", {"jour": date(2024, 2, 7)}, "date_envoi", "avant la signification"),
    ("lettre_cpc_658", {"champs_plus": {"mode_envoi": "lettre_recommandee_ar"}}, "mode_envoi",
     "le texte prévoit lettre simple"),
    ("lettre_cpc_658", {"champs_sans": "copie_acte"}, "copie_acte", "non renseigné"),
    ("lettre_cpc_658", {"champs_sans": "nature_acte"}, "avis", "non renseigné"),
    ("lettre_cpc_658", {"champs_sans": "copie_a_l_etude"}, "circonstances",
     "rappeler CPC 656"),
    ("lettre_cpc_658", {"remise": Remise(mode="personne")}, "circonstances",
     "pas de lettre"),
    ("lettre_cpc_658", {"reference": ""}, "reference", "manquante"),
    ("lettre_cpc_658", {"champs_sans": "signifie_le"}, "date_envoi", "non indiquée"),
    # --- Letters of CPC 659 ---
    ("lettre_cpc_659", {"jour": date(2024, 2, 23)}, "date_envoi",
     "au plus tard le 22 février 2024"),
    ("lettre_cpc_659", {"champs_plus": {"mode_envoi": "lettre_recommandee_ar"}}, "mode_envoi",
     "lettre simple manquant"),
    ("lettre_cpc_659", {"champs_plus": {"mode_envoi": "lettre_simple"}}, "mode_envoi",
     "recommandée avec demande d'avis de réception manquant"),
    ("lettre_cpc_659", {"champs_sans": "copie_pv"}, "copie_pv", "non renseigné"),
    ("lettre_cpc_659", {"champs_sans": "copie_acte"}, "copie_acte", "non renseigné"),
    # --- Amicable recovery letter (CPCE R124-4) ---
    ("lettre_recouvrement_amiable", {"decompte_plus": LigneDecompte(
        "Frais de recouvrement", Decimal("45.00"))}, "ventilation",
     "restent à la charge du créancier"),
    ("lettre_recouvrement_amiable", {"decompte_sans": "Intérêts"}, "ventilation",
     "sans ligne « intérêts »"),
    ("lettre_recouvrement_amiable", {"champs_sans": "modalites_paiement"}, "paiement",
     "non renseigné"),
    ("lettre_recouvrement_amiable", {"champs_sans": "fondement_creance"}, "fondement",
     "fondement_creance"),
    ("lettre_recouvrement_amiable", {"requerant_adresse": ()}, "identite_creancier", "siège"),
    ("lettre_recouvrement_amiable", {"controle": Controle(
        etape_refusee="Aucune convention écrite avec le créancier (CPCE R124-3).")}, "etape",
     "R124-3"),
    # --- Invitation to the small-claims procedure (CPCE R125-2) ---
    ("invitation_petites_creances", {"delais": {"fin_acceptation": date(2025, 3, 17)}},
     "acceptation", "la loi donne le 14 mars 2025"),
    ("invitation_petites_creances", {"delais": {}}, "acceptation", "non indiquée"),
    ("invitation_petites_creances", {"champs_plus": {"mode_envoi": "lettre_simple"}},
     "mode_envoi", "message transmis par voie électronique"),
    ("invitation_petites_creances", {"champs_sans": "formulaires"}, "formulaires",
     "non renseigné"),
    ("invitation_petites_creances", {"decompte_plus": LigneDecompte(
        "Frais de la procédure", Decimal("14.92"))}, "ventilation", "charge du créancier"),
    ("invitation_petites_creances", {"controle": Controle(
        etape_refusee="Créance de 5 200,00 € : la procédure simplifiée ne vaut que jusqu'à "
        "5 000,00 € (CPCE L125-1, R125-1).")}, "etape", "5 000,00 €"),
]  # fmt: skip


def _modifie(code: str, modifs: dict[str, Any]) -> ContenuActe:
    """The example with its changes; ``champs_sans``/``champs_plus`` remove or add a field,
    ``decompte_sans``/``decompte_plus`` a line (keeping the total right), ``decompte_lignes``
    replace them, ``*_adresse`` empty a party's address."""
    modifs = dict(modifs)
    contenu = EXEMPLES[code]()
    champs = dict(contenu.champs)
    if "champs_sans" in modifs:
        champs.pop(modifs.pop("champs_sans"))
    champs.update(modifs.pop("champs_plus", {}))
    contenu = replace(contenu, champs=champs)
    d = contenu.decompte
    lignes = None
    if "decompte_sans" in modifs:
        assert d is not None
        mot = modifs.pop("decompte_sans")
        lignes = tuple(ligne for ligne in d.lignes if not ligne.libelle.startswith(mot))
    if "decompte_plus" in modifs:
        assert d is not None
        lignes = (*d.lignes, modifs.pop("decompte_plus"))
    if "decompte_lignes" in modifs:
        lignes = modifs.pop("decompte_lignes")
    if lignes is not None and d is not None:
        total = sum((ligne.montant for ligne in lignes), Decimal("0.00"))
        contenu = replace(
            contenu,
            decompte=DecompteActe(au=d.au, lignes=lignes, total=total),
            controle=replace(contenu.controle, total_decompte=total),
        )
    for partie in ("destinataire", "requerant"):
        if f"{partie}_adresse" in modifs:
            personne = replace(getattr(contenu, partie), adresse=modifs.pop(f"{partie}_adresse"))
            contenu = replace(contenu, **{partie: personne})
    return replace(contenu, **modifs)


@pytest.mark.parametrize(
    ("code", "modifs", "mention", "message"),
    CAS,
    ids=[f"{code}-{mention}-{rang}" for rang, (code, _m, mention, _t) in enumerate(CAS)],
)
def test_chaque_mention_retiree_ou_fausse_est_trouvee(
    code: str, modifs: dict[str, Any], mention: str, message: str
) -> None:
    constats = _constats(code, _modifie(code, modifs))
    trouves = [c for c in constats if c.mention == mention]
    assert trouves, constats
    assert any(message in c.message for c in trouves), trouves
    declaree = type_acte(code).mention(mention)
    assert all(c.article == declaree.article and c.sanction for c in trouves)


def test_le_cout_d_une_signification_est_celui_publie() -> None:
    # n° 2, 2020 tariff extended to 29 February 2024, claim above 1 280 €: (25,53 x 2 + 7,67)
    # x 1,20 = 70,48 € TTC (huissiers-belp.com, ../shared/exemples/exemples.md T2).
    for contenu in (signification_titre(), signification_injonction()):
        assert contenu.cout is not None and contenu.cout.total_ttc == Decimal("70.48")


def test_pv_659_sans_montant_du_tarif_2024_est_refuse() -> None:
    # The n° 130 amount of the arrêté of 28 February 2024 is not known: from 1 May 2024 (end of
    # its transition) the cost cannot be computed, and the act cannot be signed.
    contenu = pv_recherches_sans_tarif()
    assert contenu.cout is None and contenu.cout_indisponible
    (constat,) = _constats("pv_recherches_infructueuses", contenu)
    assert constat.mention == "cout" and "n° 130" in constat.message
    assert "arrêté du 28 février 2024" in constat.message
    # On 21 February 2024 the 2020 amount applies (14,90 € HT, A444-33).
    assert pv_recherches().cout is not None
    assert _constats("pv_recherches_infructueuses", pv_recherches()) == []


def test_une_signification_sans_commandement_n_a_pas_de_decompte() -> None:
    contenu = signification_titre(
        decompte=None,
        champs={k: v for k, v in signification_titre().champs.items() if k != "avec_commandement"},
        controle=Controle(delais={"fin_recours": FIN_RECOURS, "limite_signification": LIMITE_478}),
    )
    assert _constats("signification_titre", contenu) == []


def test_jugement_contradictoire_sans_delai_de_six_mois() -> None:
    # CPC 478 binds default and "réputé contradictoire" judgments only: without the field, no
    # date limit is asked of the engine.
    champs = {k: v for k, v in signification_titre().champs.items() if k != "jugement_par_defaut"}
    contenu = signification_titre(
        champs=champs, controle=Controle(total_decompte=TOTAL_TITRE, delais={})
    )
    assert [c.mention for c in _constats("signification_titre", contenu)] == []


def test_injonction_signifiee_a_domicile_rappelle_l_alinea_2_sans_date() -> None:
    champs = {
        k: v for k, v in signification_injonction().champs.items() if k != "signifiee_a_personne"
    }
    contenu = signification_injonction(
        remise=Remise(
            mode="domicile",
            personne_presente="Monsieur Luc GARNIER, son époux",
            diligences="Destinataire absent ; son époux accepte la copie.",
        ),
        champs=champs,
        delais={},
        controle=Controle(total_decompte=Decimal("2506.00"),
                          delais={"limite_signification": LIMITE_1411}),
    )  # fmt: skip
    assert _constats("signification_injonction_de_payer", contenu) == []


def test_distance_augmente_le_delai_d_opposition() -> None:
    contenu = signification_injonction(
        champs={**signification_injonction().champs,
                "augmentation_distance": "de deux mois, vous demeurant à l'étranger"},
    )  # fmt: skip
    assert _constats("signification_injonction_de_payer", contenu) == []


def test_lettre_658_apres_remise_a_domicile() -> None:
    contenu = lettre_658_domicile()
    assert _constats("lettre_cpc_658", contenu) == []
    paragraphes = donnees_lettre(type_acte("lettre_cpc_658"), contenu)["paragraphes"]
    texte = " ".join(p for p in paragraphes if isinstance(p, str))
    assert "remise à Monsieur Paul FONTAINE, son époux" in texte
    assert "CPC 656" not in texte  # the 656 sentences only after a deposit at the office


def test_lettre_658_le_premier_jour_ouvrable_suivant() -> None:
    # Service on Saturday 10 February 2024: the first working day after is Monday 12.
    contenu = lettre_658(
        jour=date(2024, 2, 12),
        champs={**lettre_658().champs, "signifie_le": date(2024, 2, 10)},
    )
    assert _constats("lettre_cpc_658", contenu) == []
    # The engine's date, when the office gives it, is the one checked.
    contenu = replace(contenu, controle=Controle(delais={"lettre_cpc_658": date(2024, 2, 10)}))
    assert [c.mention for c in _constats("lettre_cpc_658", contenu)] == ["date_envoi"]


def test_lettre_659_le_jour_meme() -> None:
    assert _constats("lettre_cpc_659", lettre_659(jour=date(2024, 2, 21))) == []


def test_les_lettres_portent_identite_reference_et_pieces() -> None:
    donnees = donnees_lettre(type_acte("lettre_cpc_659"), lettre_659())
    assert donnees["references"] == "dossier 2024-000187 (CM)"
    assert donnees["envoi"] == (
        "Lettre recommandée avec demande d'avis de réception n° 1A 187 654 3210 9 et lettre simple"
    )
    assert donnees["appel"] == "Monsieur,"
    assert donnees["pieces"] == [
        "Copie du procès-verbal de recherches infructueuses du 21 février 2024",
        "Copie de l'acte de signification du jugement du 9 octobre 2023",
    ]
    amiable = donnees_lettre(type_acte("lettre_recouvrement_amiable"), lettre_amiable())
    # The décompte comes right after the sentence that announces it (R124-4 3°).
    rang = next(i for i, p in enumerate(amiable["paragraphes"]) if isinstance(p, dict))
    assert "se décompte comme suit" in amiable["paragraphes"][rang - 1]
    assert amiable["paragraphes"][rang]["decompte"]["total"]["montant"] == "1\u202f897,71\xa0€"
    apparentes = [
        p["texte"]
        for p in donnees_lettre(type_acte("invitation_petites_creances"), invitation())[
            "paragraphes"
        ]
        if isinstance(p, dict) and p.get("apparente")
    ]
    assert any("qui expire le 14 mars 2025" in t for t in apparentes)
    assert "L'absence de réponse dans le délai d'un mois vaut refus implicite." in apparentes


def _sans(contenu: ContenuActe, cle: str) -> dict[str, Any]:
    return {k: v for k, v in contenu.champs.items() if k != cle}


_DECISION = signification_avocat_decision()
CAS_DECISION = [
    # CPC 680: the remedy, its delay and how to exercise it, very visibly; the civil fine.
    ({"champs": _sans(_DECISION, "delai_recours")}, "delai_recours", "non renseigné"),
    ({"champs": _sans(_DECISION, "voie_de_recours")}, "delai_recours",
     "champs[voie_de_recours]"),
    ({"champs": _sans(_DECISION, "modalites_recours")}, "modalites_recours", "non renseigné"),
    # CPC 678: the prior notification to the avocats, before the act, with its addressee.
    ({"champs": _sans(_DECISION, "notification_avocat_le")}, "notification_avocat",
     "date non renseignée"),
    ({"champs": {**_DECISION.champs, "notification_avocat_le": date(2025, 10, 17)}},
     "notification_avocat", "après l'acte"),
    ({"champs": _sans(_DECISION, "avocat_notifie")}, "notification_avocat",
     "champs[avocat_notifie]"),
    # n° 2 for a decision, not n° 1.
    ({"cout": cout_acte("assignation", date(2025, 10, 16), Decimal("5200.00"))}, "cout",
     "l'acte relève de « signification_decision »"),
]  # fmt: skip


@pytest.mark.parametrize(("modifs", "mention", "message"), CAS_DECISION)
def test_signification_d_une_decision_a_la_requete_de_l_avocat(
    modifs: dict[str, Any], mention: str, message: str
) -> None:
    assert _constats("signification_acte_avocat", _DECISION) == []
    constats = _constats("signification_acte_avocat", replace(_DECISION, **modifs))
    trouves = [c for c in constats if c.mention == mention]
    assert trouves, constats
    assert any(message in c.message for c in trouves), trouves


def test_les_mentions_d_une_decision_ne_valent_que_pour_une_decision() -> None:
    declaration = type_acte("signification_acte_avocat")
    decision = {"notification_avocat", "delai_recours", "modalites_recours", "recours_abusif"}

    def applicables(contenu: ContenuActe) -> set[str]:
        return {m.code for m in mentions_applicables(declaration, contenu)}

    assert not applicables(signification_avocat()) & decision
    conclusions = replace(
        signification_avocat(),
        champs={**signification_avocat().champs, "nature_acte": "conclusions"},
    )
    assert not applicables(conclusions) & decision
    assert _constats("signification_acte_avocat", conclusions) == []
    assert applicables(_DECISION) >= decision
    # CPC 678 only where representation is compulsory.
    sans_representation = replace(_DECISION, champs=_sans(_DECISION, "representation_obligatoire"))
    assert "notification_avocat" not in applicables(sans_representation)
    assert _constats("signification_acte_avocat", sans_representation) == []


def test_le_tarif_de_la_signification_depend_de_la_nature_de_l_acte() -> None:
    declaration = type_acte("signification_acte_avocat")
    assert declaration.acte_tarif_pour({"nature_acte": "assignation"}) == "assignation"
    assert declaration.acte_tarif_pour({"nature_acte": "conclusions"}) == "assignation"
    assert (
        declaration.acte_tarif_pour({"nature_acte": "décision de justice"})
        == "signification_decision"
    )
    assert declaration.acte_tarif_pour({}) == "assignation"
    # n° 1 at the 2024 tariff, claim above 1 280 €: (18,28 x 2 + 9,40) x 1,20 = 55,15 € TTC;
    # n° 2: (25,79 x 2 + 9,40) x 1,20 = 73,18 € TTC.
    assert signification_avocat().cout is not None
    assert signification_avocat().cout.total_ttc == Decimal("55.15")  # type: ignore[union-attr]
    assert _DECISION.cout is not None and _DECISION.cout.total_ttc == Decimal("73.18")


def test_une_signification_pour_l_avocat_n_impute_pas_le_cout_au_debiteur() -> None:
    from clerc.actes.composition import donnees_acte

    donnees = donnees_acte(type_acte("signification_acte_avocat"), signification_avocat())
    assert "L111-8" not in " ".join(donnees["cout"]["mentions"])
    assert donnees["parties"]["election"].startswith("Élisant domicile au cabinet de Maître")


def test_un_tarif_selon_un_champ_inconnu_est_refuse_au_chargement() -> None:
    from clerc.actes.conformite import CONTROLES
    from clerc.actes.types_actes import _type

    brut = {"code": "x", "categorie": "acte", "acte_tarif": "assignation",
            "acte_tarif_selon": {"champ": "nature_acte", "valeurs": {"décision": "inexistant"}},
            "mentions": [{"code": "a", "libelle": "A", "article": "CPC 648",
                          "sanction": "nullite", "controle": "presence"}]}  # fmt: skip
    with pytest.raises(DeclarationActeInvalide, match="inexistant"):
        _type(brut, "x.yaml", frozenset(CONTROLES))
    with pytest.raises(DeclarationActeInvalide, match="champ et valeurs"):
        _type({**brut, "acte_tarif_selon": {"champ": "nature_acte"}}, "x.yaml",
              frozenset(CONTROLES))  # fmt: skip
