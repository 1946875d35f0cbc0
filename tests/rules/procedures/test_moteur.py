"""The procedure engine on the saisie-attribution (CPCE R211-1 to R211-13) and on small
declarations written for the test: plan, state at a date, lapse, guards, order, hours."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest

from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.chargement import (
    DeclarationInvalide,
    lire_declaration,
    procedure,
    procedures,
)
from clerc.rules.procedures.gardes import PROCEDURE_COLLECTIVE, Situation
from clerc.rules.procedures.moteur import EtapeFaite, etat, plan, verifier_etape
from tests.rules.procedures.outils import faites as _faites

SAISIE = procedure("saisie_attribution", date(2025, 12, 18))


def _plan(depuis: date, territoire: str) -> dict[str, dict[str, object]]:
    return {e.etape.code: e.en_dict() for e in plan(SAISIE, depuis, territoire)}


def test_la_denonciation_suit_le_calendrier_du_territoire() -> None:
    # ../shared/domaine/procedures.md §2 test case: PV served Thursday 18 December 2025; the
    # 8 days of R211-3 run from Friday 19 (CPC 641 al. 1) to Friday 26 December 24:00 (CPC
    # 642 al. 1). In Paris the 26th is a working day; in Strasbourg it is a holiday (C. trav.
    # L3134-13), then come Saturday 27 and Sunday 28: the deadline moves to Monday 29
    # (CPC 642 al. 2).
    assert _plan(date(2025, 12, 18), "75")["denonciation"]["date_limite"] == "2025-12-26"
    assert _plan(date(2025, 12, 18), "67")["denonciation"]["date_limite"] == "2025-12-29"


def test_plan_nominal_de_la_saisie_attribution() -> None:
    # PV and dénonciation on Monday 3 March 2025 (the plan puts each step at its earliest).
    # Contestation: 1 month from the dénonciation (R211-11) -> Thursday 3 April 2025 24:00
    # (CPC 641 al. 2). The certificate may be issued once that month has run: Friday 4 April.
    etapes = _plan(date(2025, 3, 3), "75")
    assert etapes["pv_saisie"]["date_prevue"] == "2025-03-03"
    assert etapes["denonciation"]["date_limite"] == "2025-03-11"
    assert etapes["denonciation"]["sanction"] == {
        "nature": "caducite",
        "effet": "la saisie-attribution est caduque",
        "article": "CPCE R211-3",
    }
    assert etapes["contestation"]["date_limite"] == "2025-04-03"
    assert etapes["contestation"]["date_prevue"] is None  # the debtor's, not on the path
    assert etapes["certificat_non_contestation"]["date_au_plus_tot"] == "2025-04-04"
    assert etapes["paiement"]["date_prevue"] == "2025-04-04"
    assert etapes["pv_saisie"]["conditions"][:2] == [
        "titre exécutoire (CPCE L111-2, L111-3)",
        "titre signifié au débiteur (CPC 503)",
    ]


def _statuts(faites: tuple[EtapeFaite, ...], au: date) -> dict[str, str]:
    return {e.etape.code: e.statut for e in etat(SAISIE, faites, au, "75").etapes}


def test_une_saisie_non_denoncee_dans_les_huit_jours_est_caduque() -> None:
    faites = _faites(("pv_saisie", date(2025, 3, 3)))
    encore = etat(SAISIE, faites, date(2025, 3, 11), "75")
    assert encore.statut == "en_cours"
    assert {e.etape.code for e in encore.possibles} >= {"denonciation"}

    trop_tard = etat(SAISIE, faites, date(2025, 3, 12), "75")

    assert trop_tard.statut == "caduque"
    assert trop_tard.motif == (
        "Dénonciation de la saisie au débiteur non faite au plus tard le 2025-03-11 : "
        "la saisie-attribution est caduque (CPCE R211-3)."
    )
    assert trop_tard.possibles == ()
    with pytest.raises(DonneeInvalide, match="procédure caduque"):
        verifier_etape(SAISIE, faites, EtapeFaite("denonciation", date(2025, 3, 12)), "75")


def test_le_certificat_attend_la_fin_du_mois_de_contestation() -> None:
    faites = _faites(("pv_saisie", date(2025, 3, 3)), ("denonciation", date(2025, 3, 5)))
    # 1 month from 5 March -> Saturday 5 April, extended to Monday 7 April (CPC 642 al. 2):
    # the certificate only from Tuesday 8 April.
    avant = etat(SAISIE, faites, date(2025, 4, 7), "75")
    certificat = next(e for e in avant.etapes if e.etape.code == "certificat_non_contestation")
    assert certificat.statut == "pas_encore"
    assert certificat.motifs == (
        "Pas avant le 2025-04-08 : 1 mois à compter de dénonciation de la saisie au débiteur "
        "(CPCE R211-6).",
    )
    with pytest.raises(DonneeInvalide, match="Pas avant le 2025-04-08"):
        verifier_etape(
            SAISIE, faites, EtapeFaite("certificat_non_contestation", date(2025, 4, 7)), "75"
        )
    verifier_etape(
        SAISIE, faites, EtapeFaite("certificat_non_contestation", date(2025, 4, 8)), "75"
    )
    assert _statuts(faites, date(2025, 4, 8))["contestation"] == "expiree"


def test_une_contestation_rend_le_certificat_sans_objet_et_attend_le_juge() -> None:
    faites = _faites(
        ("pv_saisie", date(2025, 3, 3)),
        ("denonciation", date(2025, 3, 5)),
        ("contestation", date(2025, 3, 20)),
    )
    statuts = _statuts(faites, date(2025, 4, 15))
    assert statuts["certificat_non_contestation"] == "sans_objet"
    assert statuts["paiement"] == "bloquee"
    termine = etat(SAISIE, (*faites, *_faites(("decision_jex", date(2025, 5, 2)),
                                              ("paiement", date(2025, 5, 20)))),
                   date(2025, 6, 1), "75")  # fmt: skip
    assert termine.statut == "terminee"
    assert termine.motif == "Paiement par le tiers saisi le 2025-05-20."


def test_l_acquiescement_ecrit_permet_de_payer_avant_la_fin_du_mois() -> None:
    faites = _faites(
        ("pv_saisie", date(2025, 3, 3)),
        ("denonciation", date(2025, 3, 5)),
        ("acquiescement", date(2025, 3, 10)),
    )
    verifier_etape(SAISIE, faites, EtapeFaite("paiement", date(2025, 3, 12)), "75")


def test_les_gardes_refusent_avec_leur_raison() -> None:
    premier = EtapeFaite("pv_saisie", date(2025, 3, 3))
    with pytest.raises(DonneeInvalide, match=r"signifié au débiteur .*\(CPC 503\)"):
        verifier_etape(SAISIE, (), premier, "75", Situation(titre_executoire=True))
    with pytest.raises(DonneeInvalide, match=r"C\. com\. L622-21"):
        verifier_etape(
            SAISIE,
            (),
            premier,
            "75",
            Situation(
                titre_executoire=True,
                titre_signifie_le=date(2025, 2, 1),
                risques=frozenset({PROCEDURE_COLLECTIVE}),
            ),
        )
    verifier_etape(
        SAISIE,
        (),
        premier,
        "75",
        Situation(titre_executoire=True, titre_signifie_le=date(2025, 2, 1)),
    )


def test_ordre_heures_et_jours_des_actes() -> None:
    with pytest.raises(DonneeInvalide, match="Il faut d'abord : Procès-verbal de saisie"):
        verifier_etape(SAISIE, (), EtapeFaite("denonciation", date(2025, 3, 3)), "75")
    # Sunday 2 March 2025 (CPC 664, CPCE L141-1), 5:30 (before 6:00), 14 July (holiday).
    for jour, heure in ((date(2025, 3, 2), None), (date(2025, 3, 3), time(5, 30)),
                        (date(2025, 7, 14), time(10, 0))):  # fmt: skip
        with pytest.raises(DonneeInvalide, match=r"CPC 664|CPCE L141-1"):
            verifier_etape(SAISIE, (), EtapeFaite("pv_saisie", jour, heure), "75")
    verifier_etape(SAISIE, (), EtapeFaite("pv_saisie", date(2025, 3, 3), time(9, 15)), "75")
    faites = _faites(("pv_saisie", date(2025, 3, 10)))
    with pytest.raises(DonneeInvalide, match="dans l'ordre des dates"):
        verifier_etape(SAISIE, faites, EtapeFaite("pv_saisie", date(2025, 3, 3)), "75")


DECLARATION = """
code: essai
libelle: Essai
articles: [CPCE L111-1]
versions:
  - version: ancienne
    en_vigueur_au: 2022-02-28
    etapes:
      - {code: a, libelle: Acte A, articles: [X 1]}
      - code: b
        libelle: Acte B
        articles: [X 2]
        requiert: [a]
        au_plus_tard: {depuis: a, duree: 6 mois, article: X 2,
                       sanction: {nature: non_avenu, effet: l'acte A est non avenu, article: X 2}}
  - version: nouvelle
    en_vigueur_du: 2022-03-01
    etapes:
      - {code: a, libelle: Acte A, articles: [X 1]}
      - code: b
        libelle: Acte B
        articles: [X 3]
        requiert: [a]
        au_plus_tard: {depuis: a, duree: 3 mois, article: X 3,
                       sanction: {nature: non_avenu, effet: l'acte A est non avenu, article: X 3}}
"""


def test_la_version_suit_la_date_de_depart() -> None:
    ancienne, nouvelle = lire_declaration(DECLARATION, "essai.yaml")
    assert [e.au_plus_tard[0].duree for e in (ancienne.etape("b"), nouvelle.etape("b"))] == [
        "6 mois",
        "3 mois",
    ]
    # 31 August + 3 months = 30 November (no 31st, CPC 641 al. 2): a Sunday in 2025 ->
    # Monday 1 December (CPC 642 al. 2).
    etapes = {e.etape.code: e for e in plan(nouvelle, date(2025, 8, 31), "75")}
    assert etapes["b"].au_plus_tard is not None
    assert etapes["b"].au_plus_tard.jour == date(2025, 12, 1)


@pytest.mark.parametrize(
    ("remplacement", "message"),
    [
        (("requiert: [a]", "requiert: [z]"), "étape « z » inconnue"),
        (("duree: 6 mois", "duree: six lunes"), "durée illisible"),
        (("nature: non_avenu", "nature: oubli"), "sanction « oubli » inconnue"),
        (("{code: a, libelle: Acte A, articles: [X 1]}", "{code: a, libelle: A, gardes: [z]}"),
         "garde « z » inconnue"),
        (("articles: [X 2]\n", "articles: [X 2]\n        couleur: bleu\n"), "clés inconnues"),
        (("au_plus_tard: {depuis: a,", "au_plus_tard: {depuis: a, depuis_fin: true,"),
         "depuis_fin sur « a », qui n'a pas de délai"),
    ],
)  # fmt: skip
def test_une_declaration_fautive_est_refusee_au_chargement(
    remplacement: tuple[str, str], message: str
) -> None:
    with pytest.raises(DeclarationInvalide, match=message):
        lire_declaration(DECLARATION.replace(*remplacement, 1), "essai.yaml")


def test_toutes_les_declarations_se_chargent_et_chaque_etape_cite_un_article() -> None:
    for versions in procedures().values():
        for version in versions:
            assert version.etapes, version.code
            assert all(e.articles for e in version.etapes), version.code


def test_une_procedure_inconnue_ou_hors_vigueur_est_refusee_en_francais() -> None:
    with pytest.raises(DonneeInvalide, match="Procédure « saisie_lune » inconnue"):
        procedure("saisie_lune", date(2025, 1, 1))
    with pytest.raises(DonneeInvalide, match="aucune version en vigueur le 2011-01-01"):
        procedure("saisie_attribution", date(2011, 1, 1))


def test_la_subsidiarite_de_la_saisie_vente_est_une_garde() -> None:
    # 534,99 € of principal in the dwelling: below the R221-2 threshold (535 €).
    from clerc.rules.procedures.gardes import GARDES

    verifier = GARDES["subsidiarite_saisie_vente"].verifier
    assert verifier(Situation(principal=Decimal("535.00")), date(2025, 3, 3)) is None
    motif = verifier(Situation(principal=Decimal("534.99")), date(2025, 3, 3))
    assert motif is not None and "CPCE L221-2, R221-2" in motif
    assert verifier(Situation(principal=Decimal("534.99"), local_habitation=False),
                    date(2025, 3, 3)) is None  # fmt: skip


REPETITIONS = """
code: essai_repetition
libelle: Essai
articles: [X 1]
versions:
  - version: v
    etapes:
      - {code: pv, libelle: PV de saisie, articles: [X 1]}
      - code: declaration
        libelle: Déclaration de l'employeur
        nature: evenement
        requiert: [pv]
        au_plus_tard: {depuis: pv, duree: 15 jours, article: CPCE L212-8, tenu_par: adversaire,
                       sanction: {nature: responsabilite, effet: amende civile,
                                  article: CPCE L212-14}}
        articles: [CPCE L212-8]
      - code: contestation
        libelle: Contestation
        nature: evenement
        optionnelle: true
        requiert: [pv]
        au_plus_tard: {depuis: pv, duree: 1 mois, article: X 2, tenu_par: adversaire,
                       sanction: {nature: irrecevabilite, effet: irrecevable, article: X 2}}
        articles: [X 2]
      - code: versement
        libelle: Versement mensuel
        nature: evenement
        repetable: true
        requiert: [pv]
        articles: [CPCE L212-9]
      - code: repartition
        libelle: Répartition
        repetable: true
        requiert: [versement]
        au_plus_tard: {depuis: versement, duree: 6 semaines, article: CPCE R212-1-23}
        articles: [CPCE R212-1-23]
"""


def test_une_etape_repetee_respecte_son_delai_en_etant_refaite() -> None:
    (essai,) = lire_declaration(REPETITIONS, "essai_repetition.yaml")
    faites = _faites(
        ("pv", date(2025, 9, 1)),
        ("versement", date(2025, 10, 6)),
        ("repartition", date(2025, 10, 20)),  # within 6 weeks of the payment
    )
    repartition = next(e for e in etat(essai, faites, date(2025, 12, 31), "75").etapes
                       if e.etape.code == "repartition")  # fmt: skip
    assert (repartition.statut, repartition.motifs) == ("possible", ())
    # A new payment on 3 November: 6 weeks -> Monday 15 December 2025 (CPC 641).
    nouveau = (*faites, EtapeFaite("versement", date(2025, 11, 3)))
    repartition = next(e for e in etat(essai, nouveau, date(2025, 12, 16), "75").etapes
                       if e.etape.code == "repartition")  # fmt: skip
    # No sanction in the text: still possible, shown late.
    assert repartition.statut == "possible"
    assert repartition.motifs == (
        "En retard : à faire au plus tard le 2025-12-15 (CPCE R212-1-23).",
    )


def test_le_fait_tardif_d_un_tiers_s_enregistre_mais_pas_une_contestation_tardive() -> None:
    (essai,) = lire_declaration(REPETITIONS, "essai_repetition.yaml")
    faites = _faites(("pv", date(2025, 9, 1)))
    # The employer declares on 1 October, after its 15 days (L212-8): still recorded.
    verifier_etape(essai, faites, EtapeFaite("declaration", date(2025, 10, 1)), "75")
    with pytest.raises(DonneeInvalide, match="Délai expiré le 2025-10-01"):
        verifier_etape(essai, faites, EtapeFaite("contestation", date(2025, 10, 2)), "75")


@pytest.mark.parametrize(
    ("remplacement", "message"),
    [
        (("au_plus_tard: {depuis: a,", "au_plus_tard: {depuis: a, si_mode: [pigeon],"),
         "si_mode « pigeon » inconnu"),
        (("au_plus_tard: {depuis: a,", "au_plus_tard: {depuis: a, sinon: rien,"),
         "sinon sans si_mode"),
        (("au_plus_tard: {depuis: a,", "au_plus_tard: {depuis: a, si_mode: [personne],"),
         "si_mode sur « a », qui n'est pas signifiée"),
        (("au_plus_tard: {depuis: a,", "au_plus_tard: {depuis: a, distance: oui,"),
         "distance doit valoir true ou false"),
    ],
)  # fmt: skip
def test_si_mode_et_distance_fautifs_refuses_au_chargement(
    remplacement: tuple[str, str], message: str
) -> None:
    with pytest.raises(DeclarationInvalide, match=message):
        lire_declaration(DECLARATION.replace(*remplacement, 1), "essai.yaml")


MODES = """
code: essai_mode
libelle: Essai
articles: [X 1]
versions:
  - version: unique
    etapes:
      - {code: a, libelle: Acte A, articles: [X 1], signifiee: true}
      - code: b
        libelle: Acte B
        articles: [X 2]
        requiert: [a]
        au_plus_tot: {depuis: a, duree: 8 jours, article: X 2, si_mode: [personne]}
        au_plus_tard: {depuis: a, duree: 1 mois, article: X 3, si_mode: [personne, domicile]}
"""


def test_un_mode_non_renseigne_applique_les_delais_de_l_etude() -> None:
    # Act A served Monday 3 March 2025, mode not recorded: the office waits for the 8 days (to
    # Tuesday 11 March, B from Wednesday 12) and keeps its own deadline (Thursday 3 April): the
    # safe side for the office. Served à l'étude: neither delay runs, and the reasons say so.
    (essai,) = lire_declaration(MODES, "essai_mode.yaml")
    inconnu = {
        e.etape.code: e
        for e in etat(essai, _faites(("a", date(2025, 3, 3))), date(2025, 3, 4)).etapes
    }
    assert inconnu["b"].au_plus_tot is not None and inconnu["b"].au_plus_tot.jour == date(
        2025, 3, 12
    )
    assert inconnu["b"].au_plus_tard is not None and inconnu["b"].au_plus_tard.jour == date(
        2025, 4, 3
    )
    etude = {
        e.etape.code: e
        for e in etat(essai, _faites(("a", date(2025, 3, 3), "etude")), date(2025, 3, 4)).etapes
    }
    assert etude["b"].statut == "possible"
    assert etude["b"].au_plus_tot is None and etude["b"].au_plus_tard is None
    assert etude["b"].motifs == (
        "Acte A (par dépôt à l'étude, et non à personne) : le délai de 8 jours (X 2) ne court pas.",
        "Acte A (par dépôt à l'étude, et non à personne ou à domicile) : le délai de 1 mois "
        "(X 3) ne court pas.",
    )


@pytest.mark.parametrize("mois", [-1, 3])
def test_l_augmentation_pour_la_distance_est_d_un_ou_deux_mois(mois: int) -> None:
    with pytest.raises(DonneeInvalide, match=r"CPC 643, 644"):
        Situation(augmentation_distance=mois)
    with pytest.raises(DonneeInvalide, match=r"CPC 643, 644"):
        plan(SAISIE, date(2025, 3, 3), augmentation_distance=mois)


def test_la_contestation_de_la_saisie_attribution_n_est_pas_augmentee() -> None:
    # CPCE R211-11 is not a remedy against a judgment (CPC 643 lists appeal, opposition...):
    # dénonciation on Monday 3 March 2025, contestation to Thursday 3 April even for a debtor
    # living abroad.
    faites = _faites(("pv_saisie", date(2025, 3, 3)), ("denonciation", date(2025, 3, 3)))
    etapes = etat(SAISIE, faites, date(2025, 3, 4), "75", Situation(augmentation_distance=2))
    contestation = {e.etape.code: e.en_dict() for e in etapes.etapes}["contestation"]
    assert contestation["date_limite"] == "2025-04-03"
