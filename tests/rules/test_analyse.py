"""Fiche d'analyse (clerc.rules.analyse): hand-counted dates, each case with its article."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from clerc.rules import tarif
from clerc.rules.analyse import (
    ActeFait,
    DebiteurExamine,
    DossierExamine,
    ExpulsionProgrammee,
    PaiementRecu,
    ProtectionExaminee,
    SoldeBancaireConnu,
    TitreExamine,
    analyser,
    examen_prescription,
    examen_titre,
    faits_interruptifs,
    injonction_non_avenue_le,
    jugement_non_avenu_le,
)
from clerc.rules.fonds_tiers import Encaissement, FondsDetenus
from clerc.rules.procedures.gardes import Situation

CODES_PIEGES = {
    "titre_prescrit", "jugement_non_signifie", "liquidation_judiciaire", "surendettement",
    "debiteur_decede", "treve_hivernale", "alsace_moselle", "creance_inferieure_535",
    "injonction_non_signifiee_6_mois", "fonds_detenus_trop_longtemps", "majeur_protege",
    "creance_alimentaire", "solde_bancaire_insaisissable",
}  # fmt: skip


def _jugement(**valeurs: object) -> TitreExamine:
    """A judgment of the tribunal judiciaire, case filed after 2020: provisional execution."""
    donnees: dict[str, object] = {
        "type": "decision_justice",
        "date_titre": date(2023, 1, 10),
        "formule_executoire": True,
        "date_signification": date(2023, 2, 1),
        "date_saisine": date(2022, 3, 1),
        "execution_provisoire": "de_droit",
        "contradictoire": True,
        "premier_ressort": True,
    }
    donnees.update(valeurs)
    return TitreExamine(**donnees)  # type: ignore[arg-type]


def _dossier(**valeurs: object) -> DossierExamine:
    donnees: dict[str, object] = {
        "reference": "2023-000001",
        "nature": "judiciaire",
        "territoire": "75",
        "debiteurs": (DebiteurExamine("Monsieur Jean DUPONT", departement="75"),),
        "titre": _jugement(),
        "principal": Decimal("5000.00"),
        "date_creance": date(2023, 1, 10),
    }
    donnees.update(valeurs)
    return DossierExamine(**donnees)  # type: ignore[arg-type]


def _codes(fiche_codes: set[str]) -> set[str]:
    return fiche_codes & CODES_PIEGES


# --- 1. is the title enforceable ------------------------------------------------------------


def test_execution_provisoire_de_droit_pour_une_instance_introduite_depuis_2020() -> None:
    """CPC 514 (décret 2019-1333 art. 55): case filed 1 March 2022, enforceable on service."""
    examen = examen_titre(_jugement(), date(2023, 2, 1))
    assert examen.executoire and examen.executoire_depuis == date(2023, 2, 1)
    assert any("CPC 514" in c.article for c in examen.controles)


def test_instance_de_2019_le_delai_d_appel_suspend_l_execution() -> None:
    """Filed 1 June 2019: no provisional execution by law (CPC 514 applies from 2020).
    Served Thursday 6 March 2025: the appeal month ends Sunday 6 April, extended to Monday
    7 April (CPC 538, 641, 642): enforceable from 8 April 2025 (CPC 539)."""
    titre = _jugement(
        date_titre=date(2025, 2, 10),
        date_saisine=date(2019, 6, 1),
        date_signification=date(2025, 3, 6),
    )
    avant = examen_titre(titre, date(2025, 4, 7))
    assert not avant.executoire and avant.executoire_depuis == date(2025, 4, 8)
    (force,) = [c for c in avant.controles if c.code == "force_executoire"]
    assert force.conforme is False and force.bloquant and "2025-04-07" in force.message
    assert "avant le 1er janvier 2020" in force.message
    apres = examen_titre(titre, date(2025, 4, 8))
    assert apres.executoire


def test_jugement_contradictoire_en_dernier_ressort_executoire_des_sa_signification() -> None:
    """CPC 579: the pourvoi en cassation does not suspend; no provisional execution needed."""
    titre = _jugement(execution_provisoire="sans_objet", premier_ressort=False)
    examen = examen_titre(titre, date(2023, 2, 1))
    assert examen.executoire and examen.executoire_depuis == date(2023, 2, 1)


def test_certificat_de_non_appel_fixe_le_jour_du_caractere_executoire() -> None:
    titre = _jugement(execution_provisoire="ecartee", date_force_executoire=date(2023, 3, 10))
    examen = examen_titre(titre, date(2023, 6, 1))
    assert examen.executoire and examen.executoire_depuis == date(2023, 3, 10)


def test_sans_formule_executoire_le_titre_ne_s_execute_pas() -> None:
    """CPC 502: nul jugement ne peut être mis à exécution sans la formule exécutoire."""
    fiche = analyser(_dossier(titre=_jugement(formule_executoire=False)), date(2023, 6, 1))
    assert not fiche.titre.executoire
    assert "formule_executoire_absente" in fiche.codes_alertes("bloquant")
    attribution = next(m for m in fiche.mesures if m.procedure == "saisie_attribution_compte")
    assert not attribution.possible
    assert any("CPC 502" in c for c in attribution.conditions_manquantes)


def test_jugement_non_signifie_et_saisie_deja_pratiquee() -> None:
    """CPC 503: a seizure made on an unserved judgment is exposed to nullity."""
    dossier = _dossier(
        titre=_jugement(date_signification=None),
        actes=(ActeFait(date(2023, 3, 1), "pv_saisie_attribution", "Procès-verbal"),),
    )
    fiche = analyser(dossier, date(2023, 6, 1))
    (alerte,) = [a for a in fiche.alertes if a.code == "jugement_non_signifie"]
    assert alerte.gravite == "bloquant" and alerte.article == "CPC 503"
    assert "2023-03-01" in alerte.message and "saisie_attribution_compte" in alerte.interdit
    assert not fiche.prescription.applicable  # the ten years do not run (Cass. 2023)
    assert fiche.mesures[0].procedure == "signification_titre" and fiche.mesures[0].possible


def test_jugement_par_defaut_non_signifie_dans_les_six_mois_non_avenu() -> None:
    """CPC 478: default judgment of 15 January 2025; the six months end on 15 July 2025;
    not served by then, it is non avenu from 16 July 2025."""
    titre = _jugement(date_titre=date(2025, 1, 15), contradictoire=False, date_signification=None)
    assert jugement_non_avenu_le(titre) == date(2025, 7, 16)
    encore = examen_titre(titre, date(2025, 7, 15))
    assert any(c.code == "jugement_478" and c.conforme is None for c in encore.controles)
    fiche = analyser(_dossier(titre=titre), date(2025, 7, 16))
    assert "jugement_non_avenu" in fiche.codes_alertes("bloquant")
    assert fiche.titre.non_avenu and not fiche.prescription.applicable


def test_injonction_de_payer_six_mois_puis_trois_mois_pour_les_ordonnances_de_septembre_2026() -> (
    None
):
    """CPC 1411: 6 months (ordonnance of 31 August 2026: until 28 February 2027, non avenue
    from 1 March 2027); 3 months for ordonnances made from 1 September 2026 (décret 2026-96:
    ordonnance of 1 September 2026, until 1 December, non avenue from 2 December 2026)."""
    ancienne = TitreExamine("ordonnance_injonction_payer", date(2026, 8, 31), True)
    nouvelle = TitreExamine("ordonnance_injonction_payer", date(2026, 9, 1), True)
    assert injonction_non_avenue_le(ancienne) == date(2027, 3, 1)
    assert injonction_non_avenue_le(nouvelle) == date(2026, 12, 2)
    dossier = _dossier(nature="injonction_payer", titre=nouvelle)
    a_temps = analyser(dossier, date(2026, 12, 1))
    assert "injonction_a_signifier" in a_temps.codes_alertes("attention")
    assert not _codes(a_temps.codes_alertes())
    trop_tard = analyser(dossier, date(2026, 12, 2))
    (alerte,) = [a for a in trop_tard.alertes if a.code == "injonction_non_signifiee_6_mois"]
    assert alerte.gravite == "bloquant" and "3 mois" in alerte.message
    assert "décret n° 2026-96" in alerte.article
    assert trop_tard.mesures[0].procedure == "injonction_de_payer"


def test_injonction_signifiee_executoire_apres_le_delai_d_opposition() -> None:
    """Ordonnance of 2 March 2026 served Tuesday 10 March: opposition month to Friday 10 April
    (CPC 1416), enforceable from 11 April 2026 (CPC 1422). Ordonnance of 1 September 2026
    served 15 September: two months to Sunday 15 November, extended to Monday 16 November
    (CPC 642), enforceable from 17 November 2026 (décret 2026-96)."""
    avant_reforme = TitreExamine(
        "ordonnance_injonction_payer", date(2026, 3, 2), True, date(2026, 3, 10)
    )
    examen = examen_titre(avant_reforme, date(2026, 4, 10))
    assert not examen.executoire and examen.executoire_depuis == date(2026, 4, 11)
    assert examen_titre(avant_reforme, date(2026, 4, 11)).executoire
    apres_reforme = TitreExamine(
        "ordonnance_injonction_payer", date(2026, 9, 1), True, date(2026, 9, 15)
    )
    assert examen_titre(apres_reforme, date(2026, 11, 30)).executoire_depuis == date(2026, 11, 17)


def test_debiteur_decede_huit_jours_apres_la_signification_aux_heritiers() -> None:
    """C. civ. 877: title served to the heirs on 2 June 2026; eight clear days: enforceable
    against them from 11 June 2026."""
    titre = _jugement()
    sans = examen_titre(titre, date(2026, 6, 1), deces=date(2026, 3, 1))
    assert not sans.executoire
    avant = examen_titre(
        titre, date(2026, 6, 10), deces=date(2026, 3, 1), heritiers_signifies_le=date(2026, 6, 2)
    )
    assert not avant.executoire and avant.executoire_depuis == date(2026, 6, 11)
    apres = examen_titre(
        titre, date(2026, 6, 11), deces=date(2026, 3, 1), heritiers_signifies_le=date(2026, 6, 2)
    )
    assert apres.executoire


def test_sans_titre_seuls_l_amiable_et_l_obtention_d_un_titre() -> None:
    dossier = _dossier(nature="amiable", titre=None, principal=Decimal("1200.00"))
    fiche = analyser(dossier, date(2023, 6, 1))
    assert not fiche.titre.executoire and fiche.titre.en_dict()["type"] is None
    assert [m.procedure for m in fiche.mesures] == [
        "recouvrement_amiable",
        "petites_creances",
        "injonction_de_payer",
    ]
    assert all(m.possible for m in fiche.mesures)


# --- 2. prescription ------------------------------------------------------------------------


def test_titre_prescrit_dix_ans_apres_la_signification() -> None:
    """CPCE L111-4: judgment served 12 March 2014 with provisional execution ordered; no act
    since: enforceable until 12 March 2024 inclusive (C. civ. 2229), time-barred the day
    after."""
    titre = _jugement(
        date_titre=date(2014, 2, 3),
        date_signification=date(2014, 3, 12),
        date_saisine=date(2013, 5, 1),
        execution_provisoire="ordonnee",
    )
    assert not examen_prescription(titre, date(2024, 3, 12)).prescrit
    dossier = _dossier(titre=titre, date_creance=date(2014, 2, 3))
    fiche = analyser(dossier, date(2024, 3, 13))
    assert fiche.prescription.prescrit
    assert fiche.prescription.date_acquisition == date(2024, 3, 12)
    (alerte,) = [a for a in fiche.alertes if a.code == "titre_prescrit"]
    assert alerte.gravite == "bloquant" and alerte.article == "CPCE L111-4"
    assert not fiche.titre.executoire
    forcees = [m for m in fiche.mesures if m.procedure != "recouvrement_amiable"]
    assert forcees and all(not m.possible for m in forcees)
    # A voluntary payment of a time-barred debt stays acquired (C. civ. 2249): amicable only.
    amiable = next(m for m in fiche.mesures if m.procedure == "recouvrement_amiable")
    assert amiable.possible and any("C. civ. 2249" in p for p in amiable.precautions)


def test_acte_d_execution_et_paiement_du_debiteur_interrompent() -> None:
    """C. civ. 2244 (commandement de saisie-vente, Cass. 2e civ., 16 mars 2017) and 2240 (a
    part payment acknowledges the debt); a garnishee's payment and a failed attempt do not
    count (our reading)."""
    titre = _jugement(
        date_titre=date(2014, 2, 3),
        date_signification=date(2014, 3, 12),
        execution_provisoire="ordonnee",
    )
    faits = faits_interruptifs(
        (
            ActeFait(date(2020, 5, 4), "commandement_saisie_vente"),
            ActeFait(date(2023, 1, 5), "tentative_execution"),
            ActeFait(date(2013, 1, 1), "pv_saisie_attribution"),  # before the start: ignored
        ),
        (
            PaiementRecu(date(2022, 1, 10), Decimal("50.00"), "debiteur"),
            PaiementRecu(date(2024, 2, 1), Decimal("80.00"), "tiers_saisi"),
        ),
    )
    resultat = examen_prescription(titre, date(2026, 11, 30), faits)
    assert resultat.date_acquisition == date(2032, 1, 10)
    assert [f.date for f in resultat.interruptions] == [date(2020, 5, 4), date(2022, 1, 10)]
    assert "C. civ. 2240" in resultat.motif


def test_acte_notarie_suit_la_prescription_de_la_creance() -> None:
    """Acte notarié (CPCE L111-3 4°, outside L111-4): the claim's five years (C. civ. 2224),
    taken from the act's date: 1 February 2018 to 1 February 2023. Not a judgment: the alert
    is "créance prescrite" (to check), not the L111-4 trap."""
    titre = TitreExamine("acte_notarie", date(2018, 2, 1), True, date(2018, 3, 1))
    fiche = analyser(_dossier(titre=titre, date_creance=date(2018, 2, 1)), date(2023, 6, 1))
    assert fiche.prescription.date_acquisition == date(2023, 2, 1)
    assert "creance_prescrite" in fiche.codes_alertes("attention")
    assert "titre_prescrit" not in fiche.codes_alertes()
    assert any("L218-2" in a for a in fiche.prescription.avertissements)
    # The start (exigibility) may be later than the act: to check, not a blocking certainty.
    assert fiche.titre.executoire
    attribution = next(m for m in fiche.mesures if m.procedure == "saisie_attribution_compte")
    assert attribution.possible and any("C. civ. 2247" in p for p in attribution.precautions)


def test_creance_assignee_au_fond_interrompue_jusqu_a_la_fin_de_l_instance() -> None:
    """C. civ. 2241, 2242: a claim in court interrupts until the proceedings end."""
    dossier = _dossier(
        nature="conservatoire",
        titre=None,
        date_creance=date(2019, 1, 15),
        actes=(ActeFait(date(2019, 6, 3), "assignation", "Assignation au fond"),),
    )
    fiche = analyser(dossier, date(2026, 11, 30))
    assert not fiche.prescription.prescrit and fiche.prescription.date_acquisition is None
    assert "creance_prescrite" not in fiche.codes_alertes()


def test_dossier_clos_la_prescription_n_est_qu_une_information() -> None:
    titre = TitreExamine("acte_notarie", date(2018, 2, 1), True, date(2018, 3, 1))
    fiche = analyser(_dossier(titre=titre, statut="clos"), date(2023, 6, 1))
    assert fiche.codes_alertes() == {"prescription_acquise_dossier_clos"}
    assert fiche.mesures == ()


# --- 3. risks -------------------------------------------------------------------------------


def _debiteur(*protections: ProtectionExaminee, **valeurs: object) -> DebiteurExamine:
    donnees: dict[str, object] = {"designation": "Monsieur Jean DUPONT", "departement": "75"}
    donnees.update(valeurs)
    return DebiteurExamine(protections=protections, **donnees)  # type: ignore[arg-type]


def test_liquidation_judiciaire_arrete_les_poursuites_et_impose_la_declaration() -> None:
    """C. com. L641-3, L622-21 (stay of enforcement), L622-24 (declaration)."""
    debiteur = _debiteur(
        ProtectionExaminee("liquidation_judiciaire", date(2023, 3, 1), organe="Me LIQUIDATEUR"),
        designation="SARL BOULANGERIE",
        personne_physique=False,
    )
    fiche = analyser(_dossier(debiteurs=(debiteur,)), date(2023, 6, 1))
    (alerte,) = [a for a in fiche.alertes if a.code == "liquidation_judiciaire"]
    assert alerte.gravite == "bloquant" and "L641-3" in alerte.article
    assert {"saisie_attribution_compte", "saisie_vente", "recouvrement_amiable"} <= set(
        alerte.interdit
    )
    assert "Me LIQUIDATEUR" in alerte.message and "L622-24" in alerte.message
    assert fiche.mesures[0].procedure == "declaration_creance" and fiche.mesures[0].possible
    assert all(not m.possible for m in fiche.mesures[1:])
    assert "saisie_remunerations" not in {m.procedure for m in fiche.mesures}  # a company


def test_surendettement_recevable_suspend_les_mesures_sur_les_biens() -> None:
    """C. consom. L722-2: the guard of the procedures engine gives the reason."""
    debiteur = _debiteur(ProtectionExaminee("surendettement_recevabilite", date(2023, 4, 1)))
    situation = Situation(
        titre_executoire=True,
        titre_signifie_le=date(2023, 2, 1),
        principal=Decimal("5000.00"),
        risques=frozenset({"surendettement"}),
    )
    fiche = analyser(_dossier(debiteurs=(debiteur,), situation=situation), date(2023, 6, 1))
    assert "surendettement" in fiche.codes_alertes("bloquant")
    attribution = next(m for m in fiche.mesures if m.procedure == "saisie_attribution_compte")
    assert any("L722-2" in c for c in attribution.conditions_manquantes)


def test_protection_levee_n_alerte_plus() -> None:
    debiteur = _debiteur(
        ProtectionExaminee("surendettement_recevabilite", date(2020, 1, 1), date(2021, 1, 1))
    )
    fiche = analyser(_dossier(debiteurs=(debiteur,)), date(2023, 6, 1))
    assert "surendettement" not in fiche.codes_alertes()


def test_majeur_en_curatelle_signifier_aussi_au_curateur() -> None:
    """C. civ. 467: service to the person under curatelle must also be made to the curator,
    on pain of nullity."""
    debiteur = _debiteur(
        ProtectionExaminee("curatelle", date(2020, 5, 1)),
        representants=(("curateur", "UDAF de Paris"),),
    )
    fiche = analyser(_dossier(debiteurs=(debiteur,)), date(2023, 6, 1))
    (alerte,) = [a for a in fiche.alertes if a.code == "majeur_protege"]
    assert alerte.gravite == "attention" and alerte.article == "C. civ. 467"
    assert "UDAF de Paris" in alerte.message
    assert all(any("UDAF de Paris" in p for p in m.precautions) for m in fiche.mesures)


def test_debiteur_decede_signifier_d_abord_aux_heritiers() -> None:
    debiteur = _debiteur(
        decede_le=date(2023, 4, 2), representants=(("heritier", "Madame Anne DUPONT"),)
    )
    fiche = analyser(_dossier(debiteurs=(debiteur,)), date(2023, 6, 1))
    (alerte,) = [a for a in fiche.alertes if a.code == "debiteur_decede"]
    assert alerte.gravite == "bloquant" and alerte.article == "C. civ. 877"
    premiere = fiche.mesures[0]
    assert premiere.procedure == "signification_titre" and "Madame Anne DUPONT" in premiere.pourquoi
    attribution = next(m for m in fiche.mesures if m.procedure == "saisie_attribution_compte")
    assert any("C. civ. 877" in c for c in attribution.conditions_manquantes)


def test_heritiers_signifies_l_alerte_dit_quand_l_execution_est_ouverte() -> None:
    """C. civ. 877: title served to the heirs on Friday 2 June 2023; eight clear days:
    enforceable against them from Sunday 11 June 2023 (the guard's count)."""
    debiteur = _debiteur(
        decede_le=date(2023, 4, 2), representants=(("heritier", "Madame Anne DUPONT"),)
    )
    dossier = _dossier(debiteurs=(debiteur,), titre_signifie_aux_heritiers_le=date(2023, 6, 2))
    avant = analyser(dossier, date(2023, 6, 10))
    (alerte,) = [a for a in avant.alertes if a.code == "debiteur_decede"]
    assert alerte.gravite == "bloquant"
    assert "aucune exécution contre eux avant le 2023-06-11" in alerte.message
    apres = analyser(dossier, date(2023, 6, 11))
    (alerte,) = [a for a in apres.alertes if a.code == "debiteur_decede"]
    assert alerte.gravite == "attention" and alerte.interdit == ()
    assert "exécutoire contre eux depuis le 2023-06-11" in alerte.message


def test_procedure_caduque_a_traiter() -> None:
    from clerc.rules.analyse.modele import ProcedureEnCours

    caduque = ProcedureEnCours(
        code="saisie_attribution",
        libelle="Saisie-attribution",
        demarree_le=date(2026, 3, 2),
        date_limite=date(2026, 3, 10),
        sanction="caducite",
        statut="caduque",
        motif="Dénonciation au débiteur non faite au plus tard le 2026-03-10 : la "
        "saisie-attribution est caduque (CPCE R211-3).",
        article="CPCE R211-3",
    )
    fiche = analyser(_dossier(procedures=(caduque,)), date(2026, 3, 11))
    (alerte,) = [a for a in fiche.alertes if a.code == "procedure_caduque"]
    assert (alerte.gravite, alerte.article) == ("attention", "CPCE R211-3")
    assert "Informer le créancier" in alerte.message
    assert not [a for a in fiche.alertes if a.code == "echeance_depassee"]


def test_expulsion_programmee_pendant_la_treve_hivernale() -> None:
    """CPCE L412-6: no expulsion from 1 November 2026 to 31 March 2027; set again from 1 April."""
    dossier = _dossier(
        nature="expulsion",
        expulsions=(ExpulsionProgrammee(date(2026, 10, 15), date(2026, 12, 10)),),
    )
    fiche = analyser(dossier, date(2026, 10, 20))
    (alerte,) = [a for a in fiche.alertes if a.code == "treve_hivernale"]
    assert alerte.gravite == "bloquant" and "2027-04-01" in alerte.message
    assert alerte.interdit == ("expulsion",)
    expulsion = next(m for m in fiche.mesures if m.procedure == "expulsion")
    assert not expulsion.possible


def test_expulsion_programmee_hors_treve_ou_deja_faite_sans_alerte() -> None:
    hors = _dossier(
        nature="expulsion",
        expulsions=(ExpulsionProgrammee(date(2026, 9, 1), date(2026, 10, 20)),),
    )
    assert "treve_hivernale" not in analyser(hors, date(2026, 9, 15)).codes_alertes()
    faite = _dossier(
        nature="expulsion",
        expulsions=(ExpulsionProgrammee(date(2025, 10, 1), date(2025, 11, 20)),),
        actes=(ActeFait(date(2026, 4, 2), "pv_expulsion"),),
    )
    assert "treve_hivernale" not in analyser(faite, date(2026, 6, 1)).codes_alertes()


def test_alsace_moselle_et_outre_mer() -> None:
    """C. trav. L3134-13 (26 December, Good Friday) in 57, 67, 68; overseas: information only."""
    alsace = analyser(_dossier(territoire="67"), date(2023, 6, 1))
    assert "alsace_moselle" in alsace.codes_alertes("attention")
    reunion = analyser(_dossier(territoire="974"), date(2023, 6, 1))
    assert reunion.codes_alertes() == {"outre_mer"}


def test_saisie_vente_au_domicile_sous_535_euros() -> None:
    """CPCE L221-2, R221-2: principal of 400 €, saisie-vente made on 10 March 2023."""
    actes = (
        ActeFait(date(2023, 3, 1), "commandement_saisie_vente"),
        ActeFait(date(2023, 3, 10), "pv_saisie_vente"),
    )
    fiche = analyser(_dossier(principal=Decimal("400.00"), actes=actes), date(2023, 6, 1))
    (alerte,) = [a for a in fiche.alertes if a.code == "creance_inferieure_535"]
    assert alerte.gravite == "bloquant" and alerte.interdit == ("saisie_vente",)
    vente = next(m for m in fiche.mesures if m.procedure == "saisie_vente")
    assert any("R221-2" in c for c in vente.conditions_manquantes)
    # A company has no dwelling; 535 € or more is outside the rule.
    societe = DebiteurExamine("SAS X", personne_physique=False)
    assert (
        "creance_inferieure_535"
        not in analyser(
            _dossier(principal=Decimal("400.00"), actes=actes, debiteurs=(societe,)),
            date(2023, 6, 1),
        ).codes_alertes()
    )
    assert (
        "creance_inferieure_535"
        not in analyser(
            _dossier(principal=Decimal("535.00"), actes=actes), date(2023, 6, 1)
        ).codes_alertes()
    )


def test_fonds_detenus_au_dela_du_delai_de_reversement() -> None:
    """C. com. R444-56: six weeks for a transfer received on 1 March 2023 (until 12 April)."""
    recu = Encaissement(date(2023, 3, 1), Decimal("300.00"))
    en_retard = FondsDetenus(recu, Decimal("300.00"), date(2023, 4, 12), "six semaines")
    fiche = analyser(_dossier(fonds=(en_retard,)), date(2023, 4, 13))
    assert "fonds_detenus_trop_longtemps" in fiche.codes_alertes("attention")
    dans_le_delai = analyser(_dossier(fonds=(en_retard,)), date(2023, 4, 12))
    assert dans_le_delai.codes_alertes() == {"fonds_a_reverser"}


def test_dossier_propre_aucune_alerte_de_piege() -> None:
    fiche = analyser(_dossier(), date(2023, 6, 1))
    assert not _codes(fiche.codes_alertes())
    assert fiche.titre.executoire and not fiche.prescription.prescrit


# --- 4. measures ----------------------------------------------------------------------------


def test_mesures_classees_avec_leur_cout_au_tarif() -> None:
    """On 1 June 2023 (tariff of 2020): saisie-attribution = PV (with the A444-15 DEP, once
    per claim) + dénonciation; saisie-vente = commandement (DEP already charged) + PV."""
    debiteur = _debiteur(banque="Crédit mutuel")
    fiche = analyser(_dossier(debiteurs=(debiteur,)), date(2023, 6, 1))
    assert [m.procedure for m in fiche.mesures][:2] == ["saisie_attribution_compte", "saisie_vente"]
    attribution = fiche.mesures[0]
    pv = tarif.cout_acte("pv_saisie_attribution", date(2023, 6, 1), Decimal("5000.00"))
    denonciation = tarif.cout_acte(
        "denonciation_saisie_attribution", date(2023, 6, 1), Decimal("5000.00"),
        dep_deja_percu=True,
    )  # fmt: skip
    assert pv.dep_ht > 0
    assert attribution.cout_estime == pv.total_ttc + denonciation.total_ttc == Decimal("285.41")
    assert attribution.possible and attribution.rang == 1
    assert "Crédit mutuel" in attribution.pourquoi
    assert "titre signifié au débiteur (CPC 503)" in attribution.conditions_remplies
    # Employer unknown: the wage seizure lacks its object and comes after the others.
    remunerations = next(m for m in fiche.mesures if m.procedure == "saisie_remunerations")
    assert not remunerations.possible and remunerations.rang == len(fiche.mesures)
    # DEP already charged on the file: not charged again (A444-15).
    deja = analyser(_dossier(debiteurs=(debiteur,), dep_deja_percu=True), date(2023, 6, 1))
    pv_sans_dep = tarif.cout_acte(
        "pv_saisie_attribution", date(2023, 6, 1), Decimal("5000.00"), dep_deja_percu=True
    )
    assert deja.mesures[0].cout_estime == pv_sans_dep.total_ttc + denonciation.total_ttc


def test_tarif_inconnu_le_cout_n_est_jamais_devine() -> None:
    """The 2024 amount of n° 50 is not recorded: no estimate, the missing figure is named."""
    fiche = analyser(_dossier(), date(2026, 11, 30))
    attribution = next(m for m in fiche.mesures if m.procedure == "saisie_attribution_compte")
    assert attribution.cout_estime is None
    assert any("Paramètre légal manquant" in a.note for a in attribution.actes)


def test_fiche_en_json() -> None:
    donnees = analyser(_dossier(), date(2023, 6, 1)).en_dict()
    assert set(donnees) >= {"dossier", "au", "titre", "prescription", "decompte", "alertes"}
    assert donnees["titre"]["executoire"] is True and donnees["titre"]["motifs"]
    assert set(donnees["prescription"]) >= {"date_acquisition", "prescrit", "motif", "articles"}
    assert donnees["prescription"]["date_acquisition"] == "2033-02-01"
    mesure = donnees["mesures"][0]
    assert set(mesure) >= {
        "procedure", "rang", "cout_estime", "conditions_remplies", "conditions_manquantes",
        "pourquoi",
    }  # fmt: skip
    assert isinstance(mesure["cout_estime"], str)  # Decimal as "285.41", never a float
    assert donnees["decompte"]["erreur"]  # no décompte given to the pure rules


@pytest.mark.parametrize("gravite", ["bloquant", "attention", "information"])
def test_les_alertes_sont_triees_par_gravite(gravite: str) -> None:
    debiteur = _debiteur(
        ProtectionExaminee("curatelle", date(2020, 5, 1)), decede_le=date(2023, 4, 2)
    )
    fiche = analyser(_dossier(debiteurs=(debiteur,), territoire="974"), date(2023, 6, 1))
    rangs = [a.gravite for a in fiche.alertes]
    assert rangs == sorted(rangs, key=["bloquant", "attention", "information"].index)
    assert gravite in rangs


# --- maintenance claims and the SBI -----------------------------------------------------------

AU_2026 = date(2026, 11, 30)
# RSA montant forfaitaire, one person, from 1 April 2026 (décret n° 2026-220): 651,69 € — the
# SBI (CPCE L162-2) and the sum always left on a pay (C. trav. R3252-5).
RSA_2026 = "651,69\xa0€"


def _pension(**valeurs: object) -> DossierExamine:
    """A JAF judgment fixing a contribution to the children's upkeep, six months unpaid."""
    donnees: dict[str, object] = {
        "titre": _jugement(
            date_titre=date(2024, 5, 14),
            date_signification=date(2024, 6, 3),
            date_saisine=date(2023, 11, 2),
            creance_alimentaire=True,
        ),
        "principal": Decimal("1500.00"),  # 6 x 250 €
        "date_creance": date(2026, 11, 5),
        "debiteurs": (_debiteur(employeur="SARL TRANSPORTS MARTIN, Lyon"),),
    }
    donnees.update(valeurs)
    return _dossier(**donnees)


def test_creance_alimentaire_paiement_direct_d_abord_tout_le_salaire_au_dela_du_rsa() -> None:
    """CPCE L213-1, L213-2, L213-4: paiement direct of the current terms and six months of
    arrears, before all other creditors; C. trav. L3252-5, R3252-5: the whole pay but the RSA."""
    fiche = analyser(_pension(), AU_2026)
    (alerte,) = [a for a in fiche.alertes if a.code == "creance_alimentaire"]
    assert alerte.gravite == "attention" and alerte.interdit == ()
    assert "L213-1" in alerte.article and "L3252-5" in alerte.article
    assert "six derniers mois" in alerte.message and RSA_2026 in alerte.message
    premiere = fiche.mesures[0]
    assert (premiere.procedure, premiere.possible) == ("paiement_direct", True)
    assert "SARL TRANSPORTS MARTIN" in premiere.pourquoi and "L213-4" in premiere.articles
    assert any("R213-1" in p for p in premiere.precautions)
    salaire = next(m for m in fiche.mesures if m.procedure == "saisie_remunerations")
    assert any("toute la rémunération" in p and RSA_2026 in p for p in salaire.precautions)
    # The same judgment for an ordinary debt: no paiement direct, the barème only.
    ordinaire = analyser(_pension(titre=_jugement()), AU_2026)
    assert "creance_alimentaire" not in ordinaire.codes_alertes()
    assert "paiement_direct" not in {m.procedure for m in ordinaire.mesures}
    assert ordinaire.mesures[0].procedure == "saisie_attribution_compte"


def test_paiement_direct_attend_la_signification_et_un_tiers_connu() -> None:
    """CPC 503 (the guard titre_signifie) and R213-1 (a third party to notify)."""
    fiche = analyser(
        _pension(
            titre=_jugement(date_signification=None, creance_alimentaire=True),
            debiteurs=(_debiteur(),),
        ),
        AU_2026,
    )
    direct = next(m for m in fiche.mesures if m.procedure == "paiement_direct")
    assert not direct.possible
    assert any("identifier" in c for c in direct.conditions_manquantes)
    assert fiche.mesures[0].procedure == "signification_titre"


def test_saisie_vente_non_subsidiaire_pour_une_creance_alimentaire() -> None:
    """CPCE L221-2, R221-2: the 535 € threshold is for a claim other than alimentary."""
    actes = (ActeFait(date(2026, 10, 1), "pv_saisie_vente", "Procès-verbal de saisie-vente"),)
    petite = _pension(principal=Decimal("400.00"), actes=actes)
    assert "creance_inferieure_535" not in analyser(petite, AU_2026).codes_alertes()
    ordinaire = _pension(principal=Decimal("400.00"), actes=actes, titre=_jugement())
    assert "creance_inferieure_535" in analyser(ordinaire, AU_2026).codes_alertes()


def test_solde_declare_sous_le_sbi_rien_a_attendre_du_compte() -> None:
    """CPCE L162-2, R162-2: 412,30 € declared on 1 October 2026, SBI 651,69 € on 30 November
    2026: a new seizure of that account reaches 0 €; it comes after the other measures."""
    dossier = _dossier(
        debiteurs=(_debiteur(banque="BNP Paribas", employeur="SAS DUPUIS, Paris"),),
        soldes_bancaires=(SoldeBancaireConnu(date(2026, 10, 1), Decimal("412.30"), "BNP Paribas"),),
    )
    fiche = analyser(dossier, AU_2026)
    (alerte,) = [a for a in fiche.alertes if a.code == "solde_bancaire_insaisissable"]
    assert alerte.gravite == "attention" and alerte.article == "CPCE L162-2, R162-2"
    assert "412,30\xa0€" in alerte.message and RSA_2026 in alerte.message
    assert "n'atteindrait rien" in alerte.message
    compte = next(m for m in fiche.mesures if m.procedure == "saisie_attribution_compte")
    assert compte.possible and compte.rendement_estime == Decimal("0.00")
    assert any("rendement attendu 0,00" in p for p in compte.precautions)
    assert compte.en_dict()["rendement_estime"] == "0.00"
    ordre = [m.procedure for m in fiche.mesures if m.possible]
    assert ordre.index("saisie_remunerations") < ordre.index("saisie_attribution_compte")
    assert ordre.index("saisie_vente") < ordre.index("saisie_attribution_compte")
    sans = analyser(replace(dossier, soldes_bancaires=()), AU_2026)
    assert "solde_bancaire_insaisissable" not in sans.codes_alertes()
    assert sans.mesures[0].procedure == "saisie_attribution_compte"
    assert sans.mesures[0].rendement_estime is None


def test_solde_au_dessus_du_sbi_rendement_de_l_excedent() -> None:
    """2 000 € declared: 2 000 - 651,69 = 1 348,31 € reachable, less than the 5 000 € due:
    still an attention, the account first; a balance covering the claim is no risk."""
    connu = SoldeBancaireConnu(date(2026, 9, 15), Decimal("2000.00"), "LCL")
    fiche = analyser(_dossier(soldes_bancaires=(connu,)), AU_2026)
    assert "solde_bancaire_insaisissable" in fiche.codes_alertes("attention")
    assert fiche.mesures[0].procedure == "saisie_attribution_compte"
    assert fiche.mesures[0].rendement_estime == Decimal("1348.31")
    riche = replace(connu, solde=Decimal("9000.00"))
    assert (
        "solde_bancaire_insaisissable"
        not in analyser(_dossier(soldes_bancaires=(riche,)), AU_2026).codes_alertes()
    )


def test_un_solde_ancien_ou_celui_d_une_societe_ne_dit_rien() -> None:
    """Our reading: a balance older than six months says nothing of a new seizure; the SBI is
    for natural persons only (CPCE L162-2)."""
    ancien = SoldeBancaireConnu(date(2026, 3, 2), Decimal("100.00"))
    assert (
        "solde_bancaire_insaisissable"
        not in analyser(_dossier(soldes_bancaires=(ancien,)), AU_2026).codes_alertes()
    )
    recent = replace(ancien, date=date(2026, 11, 2))
    societe = _debiteur(designation="SARL BOULANGERIE", personne_physique=False)
    fiche = analyser(_dossier(soldes_bancaires=(recent,), debiteurs=(societe,)), AU_2026)
    assert "solde_bancaire_insaisissable" not in fiche.codes_alertes()
