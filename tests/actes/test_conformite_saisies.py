"""The seizure and expulsion acts: each complete example passes the checker (save the texts and
tariff figures the project does not have, which must refuse it), and each mandatory mention
removed or made wrong is found, with its article."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal

import pytest

from clerc.actes.conformite import AJOUTER_TEXTE, mentions_applicables, verifier
from clerc.actes.modele import Controle, DecompteActe, LigneDecompte, Remise
from clerc.actes.textes_reproduits import extrait, texte_reproduit
from clerc.actes.types_actes import type_acte
from clerc.rules import tarif
from clerc.rules.procedures.chargement import procedures
from clerc.rules.tarif import cout_acte
from tests.actes.exemples_saisies import (
    DEBUT_SAISIE,
    DUPONT,
    ETUDE,
    EXEMPLES_SAISIES,
    JOUR_CSR,
    JOUR_PV,
    JOUR_PVR,
    LIMITE_SAISIE,
    ROUSSEL,
    TITRE_PV,
    TOTAL_PV,
    TOTAL_PVR,
    commandement_delivrer_restituer,
    commandement_quitter_les_lieux,
    commandement_saisie_remunerations,
    commandement_saisie_vente,
    pv_saisie_attribution,
    pv_saisie_remunerations,
    textes_manquants,
)

# What the project lacks and must refuse the act for: the base émoluments n° 97-1 and 97-3
# (A444-22-1), and the tariff line of the commandement de délivrer ou de restituer (its n° in
# annexe 4-7 was not found: types/commandement_delivrer_restituer.yaml).
SANS_TARIF = {
    "commandement_saisie_remunerations": {"cout"},
    "pv_saisie_remunerations": {"cout"},
    "commandement_delivrer_restituer": {"cout"},
}
SANS_NUMERO_DU_TARIF = {"commandement_delivrer_restituer"}


def _constats(code: str, **champs: object) -> list[tuple[str, str]]:
    contenu = EXEMPLES_SAISIES[code](**champs)
    return [(c.mention, c.message) for c in verifier(type_acte(code), contenu)]


@pytest.mark.parametrize("code", sorted(EXEMPLES_SAISIES))
def test_un_exemple_complet_n_est_refuse_que_pour_ce_qui_manque_au_projet(code: str) -> None:
    contenu = EXEMPLES_SAISIES[code]()
    constats = verifier(type_acte(code), contenu)
    attendus = textes_manquants(code, contenu.jour) | SANS_TARIF.get(code, set())
    assert {c.mention for c in constats} == attendus, constats
    for constat in constats:
        if constat.mention.startswith("texte_"):
            assert "non reproduit : l'acte ne peut être signé sans lui" in constat.message
        assert constat.article and constat.sanction


@pytest.mark.parametrize("code", sorted(EXEMPLES_SAISIES))
def test_chaque_type_est_une_etape_de_sa_procedure_au_tarif(code: str) -> None:
    declaration = type_acte(code)
    if code in SANS_NUMERO_DU_TARIF:
        assert declaration.acte_tarif is None
    else:
        assert declaration.acte_tarif in tarif.ACTES
    versions = procedures()[str(declaration.procedure)]
    assert any(declaration.etape in {e.code for e in v.etapes} for v in versions)


def test_sans_r212_1_5_ni_r212_1_6_le_commandement_est_refuse() -> None:
    # R212-1-3 4°: the exact wording must be reproduced; unknown, the act is refused.
    constats = _constats("commandement_saisie_remunerations", textes=())
    assert ("texte_r212_1_5", "Texte de CPCE R212-1-5 non reproduit : l'acte ne peut être signé "
            f"sans lui. {AJOUTER_TEXTE}") in constats  # fmt: skip
    assert any(m == "texte_r212_1_6" and "R212-1-6 non reproduit" in t for m, t in constats)


def test_le_cout_indisponible_du_commandement_de_2025_est_un_constat() -> None:
    # n° 97-1 has no known base émolument: cout_acte raises ParametreManquant.
    (message,) = [t for m, t in _constats("commandement_saisie_remunerations") if m == "cout"]
    assert message.startswith("Coût indisponible : ") and "n° 97-1" in message


def test_sans_texte_de_l412_le_commandement_de_quitter_les_lieux_est_refuse() -> None:
    constats = {m for m, _ in _constats("commandement_quitter_les_lieux", textes=())}
    assert {f"texte_l412_{n}" for n in range(1, 7)} <= constats


@pytest.mark.parametrize(
    ("champs", "exigees"),
    [
        ({}, {1, 2, 3, 4, 5, 6}),
        ({"expulsion_l412_7": True}, {1, 2}),  # R412-1 al. 2
        ({"expulsion_l412_8": True}, set()),  # R412-1 al. 3
        ({"local_non_habite": True}, set()),  # R412-1 al. 1: a "lieu habité" only
    ],
)
def test_textes_de_l412_exiges_selon_r412_1(champs: dict[str, bool], exigees: set[int]) -> None:
    base = commandement_quitter_les_lieux()
    contenu = replace(base, champs={**base.champs, **champs})
    codes = {m.code for m in mentions_applicables(type_acte(base.type), contenu)}
    assert {n for n in range(1, 7) if f"texte_l412_{n}" in codes} == exigees


def test_le_pv_reproduit_exactement_les_alineas_que_vise_r211_1() -> None:
    textes = {t.intitule: t.texte for t in pv_saisie_attribution().textes}
    # R211-1 5°: "le premier alinéa de l'article L. 211-2 ... le troisième alinéa de L. 211-4".
    assert textes["Article CPCE L211-2, premier alinéa"].startswith("L'acte de saisie emporte")
    assert "\n\n" not in textes["Article CPCE L211-2, premier alinéa"]
    assert textes["Article CPCE L211-4, troisième alinéa"].startswith(
        "Toutefois, le débiteur saisi qui n'aurait pas élevé de contestation"
    )
    assert set(textes) == {
        "Article CPCE L211-2, premier alinéa",
        "Article CPCE L211-3",
        "Article CPCE L211-4, troisième alinéa",
        "Article CPCE R211-5",
        "Article CPCE R211-11",
    }


def _sans(code: str, article: str) -> tuple[object, ...]:
    return tuple(t for t in EXEMPLES_SAISIES[code]().textes if t.article != article)


_L211_2 = "CPCE L211-2"
_DECOMPTE_PV = pv_saisie_attribution().decompte
assert _DECOMPTE_PV is not None
_SANS_PROVISION = DecompteActe(
    au=JOUR_PV,
    lignes=_DECOMPTE_PV.lignes[:-1],
    total=TOTAL_PV - _DECOMPTE_PV.lignes[-1].montant,
)
_DECOMPTE_CSV = commandement_saisie_vente().decompte
assert _DECOMPTE_CSV is not None
_SANS_TAUX = replace(
    _DECOMPTE_CSV,
    lignes=(*_DECOMPTE_CSV.lignes[:-1], replace(_DECOMPTE_CSV.lignes[-1], detail="")),
)
_SANS_INTERETS = DecompteActe(
    au=_DECOMPTE_CSV.au,
    lignes=_DECOMPTE_CSV.lignes[:-1],
    total=_DECOMPTE_CSV.total - _DECOMPTE_CSV.lignes[-1].montant,
)
_TOTAL_FAUX = replace(_DECOMPTE_CSV, total=Decimal("3900.00"))
_REMISE_PV = Remise(mode="personne", personne_presente="Madame Sophie BERNARD")


def _sans_champ(code: str, cle: str) -> dict[str, object]:
    """The example's fields without one of them."""
    return {k: v for k, v in EXEMPLES_SAISIES[code]().champs.items() if k != cle}


_PVR = "pv_saisie_remunerations"
_CDR = "commandement_delivrer_restituer"
_DECOMPTE_PVR = pv_saisie_remunerations().decompte
assert _DECOMPTE_PVR is not None
_PVR_SANS_TAUX = replace(
    _DECOMPTE_PVR,
    lignes=(*_DECOMPTE_PVR.lignes[:-1], replace(_DECOMPTE_PVR.lignes[-1], detail="")),
)
_DELAIS_PVR = {"debut_saisie": DEBUT_SAISIE, "limite_saisie": LIMITE_SAISIE}


@pytest.mark.parametrize(
    ("code", "champs", "mention", "message"),
    [
        # --- procès-verbal de saisie-attribution (CPCE R211-1) ---
        ("pv_saisie_attribution", {"tiers": None}, "debiteur", "absent"),
        ("pv_saisie_attribution", {"tiers": replace(DUPONT, adresse=())}, "debiteur", "domicile"),
        ("pv_saisie_attribution", {"titre": None}, "titre", "non décrit"),
        ("pv_saisie_attribution", {"titre": replace(TITRE_PV, formule_executoire=False)},
         "titre", "formule exécutoire"),
        ("pv_saisie_attribution", {"decompte": None}, "decompte", "absent"),
        ("pv_saisie_attribution", {"decompte": _SANS_PROVISION,
                                   "controle": Controle(total_decompte=_SANS_PROVISION.total)},
         "provision_interets", "provision pour les intérêts à échoir"),
        ("pv_saisie_attribution", {"controle": Controle(total_decompte=Decimal("6155.49"))},
         "decompte", "le dossier donne 6"),
        # R211-1, last paragraph: the hour of the act.
        ("pv_saisie_attribution", {"heure": None, "remise": _REMISE_PV}, "date_et_heure",
         "Heure de l'acte manquante"),
        # CPCE L141-1: no enforcement measure begun after 21 h, nor on a Sunday.
        ("pv_saisie_attribution", {"heure": time(21, 30),
                                   "remise": replace(_REMISE_PV, heure=time(21, 30))},
         "date_et_heure", "mesure d'exécution avant 6 heures ni après 21 heures"),
        ("pv_saisie_attribution", {"jour": date(2023, 3, 5)}, "date_et_heure", "dimanche"),
        ("pv_saisie_attribution", {"textes": _sans("pv_saisie_attribution", _L211_2)},
         "texte_l211_2", "Texte de CPCE L211-2, premier alinéa non reproduit"),
        # The whole article is not the paragraph R211-1 names.
        ("pv_saisie_attribution", {"textes": (*_sans("pv_saisie_attribution", _L211_2),
                                              texte_reproduit(_L211_2, JOUR_PV))},
         "texte_l211_2", "non reproduit"),
        ("pv_saisie_attribution",
         {"textes": (*_sans("pv_saisie_attribution", _L211_2),
                     replace(extrait(_L211_2, JOUR_PV, [1]), texte="L'acte de saisie emporte "
                             "attribution immédiate."))},
         "texte_l211_2", "n'est pas celui en vigueur"),
        ("pv_saisie_attribution", {"textes": _sans("pv_saisie_attribution", "CPCE L211-4")},
         "texte_l211_4", "troisième alinéa non reproduit"),
        ("pv_saisie_attribution", {"textes": _sans("pv_saisie_attribution", "CPCE L211-3")},
         "texte_l211_3", "non reproduit"),
        ("pv_saisie_attribution", {"textes": _sans("pv_saisie_attribution", "CPCE R211-5")},
         "texte_r211_5", "non reproduit"),
        ("pv_saisie_attribution", {"textes": _sans("pv_saisie_attribution", "CPCE R211-11")},
         "texte_r211_11", "non reproduit"),
        # R211-11 is stored from 8 September 2020: an earlier seizure cannot reproduce it.
        ("pv_saisie_attribution", {"jour": date(2020, 3, 2), "cout": None,
                                   "cout_indisponible": "non calculé"},
         "texte_r211_11", "version non en vigueur"),
        ("pv_saisie_attribution", {"remise": None}, "remise", "non indiquées"),
        ("pv_saisie_attribution", {"destinataire": replace(DUPONT, designation="X", nom=None)},
         "identite_destinataire", "nom"),
        ("pv_saisie_attribution", {"controle": Controle(
            total_decompte=TOTAL_PV,
            etape_refusee="Saisie refusée : le titre n'a pas été signifié (CPC 503).")},
         "etape", "CPC 503"),
        ("pv_saisie_attribution", {"cout": None, "cout_indisponible": "tarif n° 50 manquant"},
         "cout", "tarif n° 50"),
        # --- certificat de non-contestation (CPCE R211-6) ---
        ("certificat_non_contestation", {"jour": date(2023, 4, 11)}, "delai_expire",
         "n'expire que le 11 avril 2023"),
        ("certificat_non_contestation", {"delais": {}, "controle": Controle()}, "delai_expire",
         "inconnue"),
        ("certificat_non_contestation", {"delais": {}}, "non_contestation", "non indiquée"),
        ("certificat_non_contestation", {"delais": {"fin_contestation": date(2023, 4, 8)}},
         "non_contestation", "la loi donne le 11 avril 2023"),
        ("certificat_non_contestation", {"champs": {"pv_saisie_le": JOUR_PV}}, "saisie",
         "denonciation_le"),
        ("certificat_non_contestation", {"tiers": None}, "saisie", "absent"),
        ("certificat_non_contestation", {"controle": Controle(
            delais={"fin_contestation": date(2023, 4, 11)},
            etape_refusee="Certificat refusé : une contestation a été formée.")},
         "etape", "contestation a été formée"),
        ("certificat_non_contestation", {"etude": replace(ETUDE, signataire="")}, "signataire",
         "nom du commissaire de justice"),
        # --- commandement aux fins de saisie-vente (CPCE R221-1) ---
        ("commandement_saisie_vente", {"titre": None}, "titre", "non décrit"),
        ("commandement_saisie_vente", {"decompte": None}, "decompte", "absent"),
        ("commandement_saisie_vente", {"decompte": _SANS_TAUX}, "taux_interets",
         "taux des intérêts non indiqué"),
        ("commandement_saisie_vente", {"decompte": _SANS_INTERETS,
                                       "controle": Controle(total_decompte=_SANS_INTERETS.total)},
         "taux_interets", "Intérêts échus absents"),
        ("commandement_saisie_vente", {"decompte": _TOTAL_FAUX}, "decompte",
         "ne s'additionne pas"),
        ("commandement_saisie_vente", {"remise": Remise(mode="domicile", diligences="x")},
         "remise", "personne présente"),
        ("commandement_saisie_vente", {"jour": date(2025, 10, 12)}, "date_et_heure", "dimanche"),
        ("commandement_saisie_vente", {"heure": time(5, 30),
                                       "remise": Remise(mode="personne", heure=time(5, 30))},
         "date_et_heure", "CPC 664"),
        ("commandement_saisie_vente", {"destinataire": replace(DUPONT, adresse=())},
         "identite_destinataire", "domicile"),
        ("commandement_saisie_vente", {"requerant": replace(
            commandement_saisie_vente().requerant, representant=None)},
         "identite_requerant", "organe représentant"),
        ("commandement_saisie_vente", {"cout": None, "cout_indisponible": "tarif n° 42"},
         "cout", "tarif n° 42"),
        # --- variante de R221-3 (créance de moins de 535 €) ---
        ("commandement_saisie_vente_r221_3", {"titre": None}, "titre", "non décrit"),
        ("commandement_saisie_vente_r221_3", {"decompte": replace(
            _SANS_TAUX, lignes=tuple(replace(ligne, detail="") for ligne in (
                LigneDecompte("Principal", Decimal("480.00")),
                LigneDecompte("Intérêts échus", Decimal("9.66")))),
            total=Decimal("489.66"))},
         "taux_interets", "taux des intérêts non indiqué"),
        ("commandement_saisie_vente_r221_3", {"remise": None}, "remise", "non indiquées"),
        # --- commandement aux fins de saisie des rémunérations (CPCE R212-1-3) ---
        ("commandement_saisie_remunerations", {"delais": {}}, "delai_contestation",
         "non indiquée"),
        ("commandement_saisie_remunerations", {"delais": {"fin_contestation": date(2025, 12, 5)}},
         "delai_contestation", "la loi donne le 4 décembre 2025"),
        ("commandement_saisie_remunerations", {"etude": replace(ETUDE, courriel=None)}, "accord",
         "etude.courriel"),
        ("commandement_saisie_remunerations", {"champs": {}}, "juridiction", "non renseigné"),
        ("commandement_saisie_remunerations", {"titre": None}, "titre", "non décrit"),
        ("commandement_saisie_remunerations", {"decompte": replace(
            commandement_saisie_remunerations().decompte, lignes=(
                LigneDecompte("Principal", Decimal("2400.00")),
                LigneDecompte("Intérêts échus", Decimal("429.84"))))},
         "taux_interets", "taux des intérêts non indiqué"),
        ("commandement_saisie_remunerations", {"remise": Remise(mode="etude")}, "remise",
         "diligences"),
        ("commandement_saisie_remunerations", {"jour": date(2025, 11, 11)}, "date_et_heure",
         "férié"),
        # --- procès-verbal de saisie des rémunérations (CPCE R212-1-11, L212-2, L212-6) ---
        (_PVR, {"tiers": None}, "debiteur", "absent"),
        (_PVR, {"tiers": replace(ROUSSEL, adresse=())}, "debiteur", "domicile"),
        (_PVR, {"champs": _sans_champ(_PVR, "repartiteur")}, "repartiteur", "non renseigné"),
        (_PVR, {"champs": _sans_champ(_PVR, "modalites_reglement")}, "mode_de_calcul",
         "non renseigné"),
        (_PVR, {"champs": _sans_champ(_PVR, "bareme")}, "mode_de_calcul", "champs[bareme]"),
        (_PVR, {"champs": _sans_champ(_PVR, "commandement_le")}, "corps", "commandement_le"),
        (_PVR, {"textes": _sans(_PVR, "CPCE L212-7")}, "texte_l212_7", "non reproduit"),
        (_PVR, {"textes": _sans(_PVR, "CPCE L212-8")}, "texte_l212_8", "non reproduit"),
        (_PVR, {"textes": _sans(_PVR, "CPCE L212-14")}, "texte_l212_14", "non reproduit"),
        (_PVR, {"decompte": None}, "decompte", "absent"),
        (_PVR, {"decompte": _PVR_SANS_TAUX}, "taux_interets", "taux des intérêts non indiqué"),
        (_PVR, {"controle": Controle(total_decompte=Decimal("2829.84"), delais=_DELAIS_PVR)},
         "decompte", "le dossier donne 2"),
        # L212-2: not before the month after the commandement has run (4 December 2025).
        (_PVR, {"jour": date(2025, 12, 4)}, "delai_un_mois",
         "n'est permis qu'à partir du 5 décembre 2025"),
        # L212-6: within three months of the commandement, or it is caduc.
        (_PVR, {"jour": date(2026, 2, 5)}, "delai_trois_mois",
         "après la date limite du 4 février 2026"),
        (_PVR, {"controle": Controle(total_decompte=TOTAL_PVR)}, "delai_un_mois",
         "non fourni par le moteur"),
        (_PVR, {"controle": Controle(total_decompte=TOTAL_PVR)}, "delai_trois_mois",
         "non fournie par le moteur"),
        (_PVR, {"controle": Controle(
            total_decompte=TOTAL_PVR, delais=_DELAIS_PVR,
            etape_refusee="Saisie refusée : aucun répartiteur n'est désigné (R212-1-10).")},
         "etape", "répartiteur"),
        # CPCE L141-1: an enforcement measure, not after 21 h, not on a Sunday.
        (_PVR, {"heure": time(21, 30), "remise": Remise(mode="personne", heure=time(21, 30))},
         "date_et_heure", "mesure d'exécution avant 6 heures ni après 21 heures"),
        (_PVR, {"jour": date(2025, 12, 7)}, "date_et_heure", "dimanche"),
        (_PVR, {"remise": None}, "remise", "non indiquées"),
        (_PVR, {"destinataire": replace(pv_saisie_remunerations().destinataire, adresse=())},
         "identite_destinataire", "siège"),
        # The cost must be that of n° 97-3, not of another line of the tariff.
        (_PVR, {"cout": cout_acte("assignation", JOUR_PVR), "cout_indisponible": None}, "cout",
         "l'acte relève de « pv_saisie_remunerations »"),
        # --- commandement de délivrer ou de restituer (CPCE R222-2) ---
        (_CDR, {"titre": None}, "titre", "non décrit"),
        (_CDR, {"titre": replace(commandement_delivrer_restituer().titre,
                                 formule_executoire=False)}, "titre", "formule exécutoire"),
        (_CDR, {"champs": _sans_champ(_CDR, "bien")}, "transport", "non renseigné"),
        (_CDR, {"champs": _sans_champ(_CDR, "lieu_remise")}, "transport", "champs[lieu_remise]"),
        (_CDR, {"champs": _sans_champ(_CDR, "conditions_remise")}, "transport",
         "champs[conditions_remise]"),
        (_CDR, {"champs": _sans_champ(_CDR, "juridiction_contestation")}, "juridiction",
         "non renseigné"),
        (_CDR, {"remise": None}, "remise", "non indiquées"),
        (_CDR, {"remise": Remise(mode="domicile", diligences="Absent.")}, "remise",
         "personne présente"),
        (_CDR, {"jour": date(2025, 6, 1)}, "date_et_heure", "dimanche"),
        (_CDR, {"heure": time(21, 15), "remise": Remise(mode="personne", heure=time(21, 15))},
         "date_et_heure", "CPC 664"),
        (_CDR, {"requerant": replace(commandement_delivrer_restituer().requerant,
                                     representant=None)},
         "identite_requerant", "organe représentant"),
        (_CDR, {"destinataire": replace(commandement_delivrer_restituer().destinataire,
                                        adresse=())}, "identite_destinataire", "domicile"),
        (_CDR, {"controle": Controle(
            etape_refusee="Commandement refusé : le titre n'a pas été signifié (CPC 503).")},
         "etape", "CPC 503"),
        (_CDR, {}, "cout", "aucun acte du tarif n'est déclaré"),
        # --- commandement d'avoir à libérer les locaux (CPCE R411-1, R412-1) ---
        ("commandement_quitter_les_lieux", {"titre": None}, "titre", "non décrit"),
        ("commandement_quitter_les_lieux", {"champs": {"locaux": "14 rue de Marseille"}},
         "juridiction", "non renseigné"),
        ("commandement_quitter_les_lieux", {"delais": {}}, "date_liberation", "non indiquée"),
        # The day the two months have run is not yet the day the premises must be vacated.
        ("commandement_quitter_les_lieux", {"delais": {"liberation_locaux": date(2026, 2, 2)}},
         "date_liberation", "la loi donne le 3 février 2026"),
        ("commandement_quitter_les_lieux", {"champs": {"juridiction_contestation": "JEX"}},
         "corps", "locaux"),
        ("commandement_quitter_les_lieux", {"remise": Remise(mode="etude")}, "remise",
         "diligences"),
        ("commandement_quitter_les_lieux", {"requerant": replace(
            commandement_quitter_les_lieux().requerant, lieu_naissance=None)},
         "identite_requerant", "lieu de naissance"),
    ],
)  # fmt: skip
def test_chaque_mention_retiree_ou_fausse_est_trouvee(
    code: str, champs: dict[str, object], mention: str, message: str
) -> None:
    constats = verifier(type_acte(code), EXEMPLES_SAISIES[code](**champs))
    trouves = [c for c in constats if c.mention == mention]
    assert trouves, constats
    assert any(message in c.message for c in trouves), trouves
    assert all(c.article for c in trouves if c.mention != "corps")


def test_la_date_d_expiration_est_celle_du_moteur_de_delais() -> None:
    from clerc.rules.delais import delai

    # R212-1-3 6°: one month from the service (CPC 641, 642).
    assert delai(JOUR_CSR, "1 mois", "69").expire_le == date(2025, 12, 4)
    assert commandement_saisie_remunerations().delais["fin_contestation"] == date(2025, 12, 4)
    # R411-1 3° with L412-1: two months from the commandement, the day after they have run.
    assert delai(date(2025, 12, 2), "2 mois", "69").expire_le == date(2026, 2, 2)
    assert commandement_quitter_les_lieux().delais["liberation_locaux"] == date(2026, 2, 3)


def test_le_pv_de_saisie_des_remunerations_reproduit_l212_7_l212_8_l212_14() -> None:
    # R212-1-11 5°: the three articles, whole, in their wording of 1 July 2025.
    textes = {t.intitule: t.texte for t in pv_saisie_remunerations().textes}
    assert set(textes) == {
        "Article CPCE L212-7",
        "Article CPCE L212-8",
        "Article CPCE L212-14",
    }
    assert textes["Article CPCE L212-8"].startswith("Le tiers saisi est tenu de déclarer")
    # Before the reform none of them is stored: a PV dated then could not reproduce them.
    assert textes_manquants("pv_saisie_remunerations", date(2025, 6, 30)) == {
        "texte_l212_7", "texte_l212_8", "texte_l212_14"
    }  # fmt: skip


def test_le_pv_indique_le_bareme_de_l_annee() -> None:
    # R212-1-11 3°: the mode of computation, with the 2025 scale of C. trav. R3252-2, the
    # R3252-3 amount per dependant and the RSA amount left (R3252-5) of April 2025.
    bareme = str(pv_saisie_remunerations().champs["bareme"])
    assert "1/20 jusqu'à 4\u202f440,00\xa0€" in bareme
    assert "la totalité au-delà de 25\u202f600,00\xa0€" in bareme
    assert "1\u202f720,00\xa0€ par personne à charge" in bareme
    assert "646,52\xa0€ par mois" in bareme


def test_les_fenetres_du_pv_sont_celles_du_moteur() -> None:
    # The engine's step pv_saisie (saisie_remunerations, version 2025-07-01): from the day
    # after the month of L212-2 to the last day of the three months of L212-6.
    from clerc.rules.procedures.chargement import procedure
    from clerc.rules.procedures.moteur import EtapeFaite, etat

    loi = procedure("saisie_remunerations", JOUR_CSR)
    faites = (
        EtapeFaite("commandement", JOUR_CSR),
        EtapeFaite("inscription_commandement", JOUR_CSR),
        EtapeFaite("designation_repartiteur", date(2025, 12, 1)),
        EtapeFaite("pv_saisie", JOUR_PVR),
    )
    (pv,) = [e for e in etat(loi, faites, JOUR_PVR, "69").etapes if e.etape.code == "pv_saisie"]
    assert pv.au_plus_tot is not None and pv.au_plus_tot.jour == DEBUT_SAISIE
    assert pv.au_plus_tard is not None and pv.au_plus_tard.jour == LIMITE_SAISIE
    declaration = type_acte("pv_saisie_remunerations")
    assert declaration.mention("delai_un_mois").parametres["borne"] == "au_plus_tot"
    assert pv_saisie_remunerations(jour=DEBUT_SAISIE).jour == DEBUT_SAISIE
    assert "delai_un_mois" not in {
        c.mention for c in verifier(declaration, pv_saisie_remunerations(jour=DEBUT_SAISIE))
    }


def test_le_commandement_de_delivrer_n_a_pas_de_numero_du_tarif() -> None:
    # No line of the catalogue: the cost stays unavailable, with the reason printed.
    from clerc.actes.composition import donnees_acte

    declaration = type_acte("commandement_delivrer_restituer")
    assert declaration.acte_tarif is None
    cout = donnees_acte(declaration, commandement_delivrer_restituer())["cout"]
    assert cout["mentions"] == [
        "Coût indisponible : aucun acte du tarif n'est déclaré pour ce type d'acte."
    ]
