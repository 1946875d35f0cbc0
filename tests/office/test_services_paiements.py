"""Payments service: receipts in the third-party funds ledger, imputation, payouts, fees,
corrections, R444-56 deadlines. Runs on SQLite and PostgreSQL (fixture ``etude``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from clerc.office import grand_livre
from clerc.office.db import Contexte, transaction
from clerc.office.erreurs import Introuvable, OperationRefusee
from clerc.office.models import Ecriture, EntreeAudit, Evenement, LigneEcriture, Paiement
from clerc.office.services import dossiers, paiements
from clerc.rules import decompte as regles
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.interets import RegimeInterets
from tests.office.test_services_dossiers import DATE_TITRE, charger, compter, nouveau_dossier

D = Decimal
JOUR = date(2026, 3, 2)
NBSP, FINE = "\xa0", "\u202f"  # format_euros: "1 500,00 €" with a narrow space, then NBSP
TABLES = (Ecriture, LigneEcriture, Paiement, Evenement, EntreeAudit)


@pytest.fixture
def reference(etude: Contexte) -> str:
    """A file under a judgment of 2025-06-10: 5 000 € + 800 € article 700 + 120,50 € dépens."""
    return dossiers.ouvrir_dossier(etude, nouveau_dossier())


def _ecritures(
    contexte: Contexte, reference: str
) -> list[tuple[str, str, list[tuple[str, Decimal, Decimal]]]]:
    """(nature, mode, [(account, debit, credit)]) of the file's entries, in order."""
    with transaction(contexte, "lire") as session:
        dossier = dossiers.charger_dossier(session, reference)
        ecritures = session.scalars(
            select(Ecriture).where(Ecriture.dossier_id == dossier.id).order_by(Ecriture.id)
        ).all()
        return [
            (e.nature, e.mode, [(lg.compte, lg.debit, lg.credit) for lg in e.lignes])
            for e in ecritures
        ]


def _soldes(contexte: Contexte, reference: str) -> dict[str, Decimal]:
    with transaction(contexte, "lire") as session:
        dossier_id = dossiers.charger_dossier(session, reference).id
        return {
            compte: grand_livre.solde(session, compte, dossier_id)
            for compte in ("fonds_tiers", "caisse", "creancier")
        }


def _balance_equilibree(contexte: Contexte) -> bool:
    with transaction(contexte, "balance") as session:
        return grand_livre.balance(session).equilibree


# --- receipts -------------------------------------------------------------------------------


def test_un_cheque_de_mille_euros_est_une_ecriture_equilibree_fonds_de_tiers_creancier(
    etude: Contexte, reference: str
) -> None:
    resultat = paiements.enregistrer_paiement(etude, reference, D("1000.00"), JOUR, mode="cheque")

    assert _ecritures(etude, reference) == [
        (
            "encaissement",
            "cheque",
            [("fonds_tiers", D("1000.00"), D("0.00")), ("creancier", D("0.00"), D("1000.00"))],
        )
    ]
    assert resultat.detenu_pour_creancier == D("1000.00")
    assert _soldes(etude, reference) == {
        "fonds_tiers": D("1000.00"),
        "caisse": D("0.00"),
        "creancier": D("1000.00"),
    }
    assert _balance_equilibree(etude)
    with Session(etude.moteur) as session:
        ecriture = session.get(Ecriture, resultat.ecriture_id)
        assert ecriture is not None
        assert (ecriture.paiement_id, ecriture.utilisateur) == (resultat.paiement_id, "testeur")


def test_le_paiement_s_impute_sur_les_frais_puis_les_interets_puis_le_principal(
    etude: Contexte, reference: str
) -> None:
    resultat = paiements.enregistrer_paiement(etude, reference, D("1000.00"), JOUR, mode="cheque")

    # Interest on 5 800 € from 2025-06-11 to 2026-03-02 (20 d at 3,71 %, 184 d at 2,76 %,
    # 61 d at 2,62 %, legal rate "autre cas": the creditor is a company) = 117,88 €.
    # 1 000 € = dépens 120,50 + interest 117,88 + principal 761,62.
    assert resultat.imputation is not None
    assert (
        resultat.imputation.frais,
        resultat.imputation.interets,
        resultat.imputation.principal,
        resultat.imputation.reliquat,
    ) == (D("120.50"), D("117.88"), D("761.62"), D("0.00"))
    # Left: principal 5 000 - 761,62 = 4 238,38, plus the 800 € article 700.
    assert resultat.reste_du == D("5038.38")

    creance = regles.Creance(
        principal=D("5000.00"),
        date=DATE_TITRE,
        regime=RegimeInterets(mode="legal", categorie="autre"),
        frais=(
            regles.Frais("Article 700", DATE_TITRE, D("800.00"), "article_700"),
            regles.Frais("Dépens", DATE_TITRE, D("120.50"), "depens"),
        ),
        paiements=(regles.Paiement(JOUR, D("1000.00"), "Débiteur (chèque)"),),
    )
    attendu = regles.decompte(creance, JOUR)
    assert resultat.imputation == attendu.imputations[0]
    assert resultat.reste_du == attendu.total


def test_des_especes_vont_en_caisse(etude: Contexte, reference: str) -> None:
    paiements.enregistrer_paiement(etude, reference, D("250.00"), JOUR, mode="especes")
    assert _ecritures(etude, reference) == [
        (
            "encaissement",
            "especes",
            [("caisse", D("250.00"), D("0.00")), ("creancier", D("0.00"), D("250.00"))],
        )
    ]
    assert _soldes(etude, reference) == {
        "fonds_tiers": D("0.00"),
        "caisse": D("250.00"),
        "creancier": D("250.00"),
    }


def test_un_paiement_direct_au_creancier_n_entre_pas_dans_le_grand_livre(
    etude: Contexte, reference: str
) -> None:
    resultat = paiements.enregistrer_paiement(
        etude, reference, D("1000.00"), JOUR, encaisse_par_etude=False
    )
    assert resultat.ecriture_id is None
    assert _ecritures(etude, reference) == []
    assert resultat.reste_du == D("5038.38")  # imputed on the claim all the same


def test_un_paiement_est_inscrit_dans_la_chronologie_et_le_journal(
    etude: Contexte, reference: str
) -> None:
    resultat = paiements.enregistrer_paiement(etude, reference, D("1000.00"), JOUR, mode="cheque")
    fiche = dossiers.fiche_dossier(etude, reference, JOUR)
    assert fiche["evenements"][-1] == {
        "date": "2026-03-02",
        "nature": "paiement",
        "libelle": f"Paiement reçu : 1{FINE}000,00{NBSP}€ (Débiteur (chèque))",
        "par": "testeur",
    }
    with Session(etude.moteur) as session:
        journal = set(
            session.execute(
                select(EntreeAudit.objet, EntreeAudit.utilisateur).where(
                    EntreeAudit.operation == "enregistrer_paiement"
                )
            ).all()
        )
    assert journal == {
        ("dossier", "testeur"),
        ("paiement", "testeur"),
        ("ecriture", "testeur"),
        ("ligne_ecriture", "testeur"),
        ("evenement", "testeur"),
    }
    assert fiche["paiements"] == [
        {
            "id": resultat.paiement_id,
            "date": "2026-03-02",
            "montant": "1000.00",
            "mode": "cheque",
            "origine": "debiteur",
            "libelle": "Débiteur (chèque)",
            "encaisse_par_etude": True,
        }
    ]


@pytest.mark.parametrize(
    ("montant", "options", "message"),
    [
        (D("0.00"), {}, r"^Paiement de 0,00\xa0€ refusé : montant > 0\.$"),
        (D("-5.00"), {}, r"^Paiement de -5,00\xa0€ refusé"),
        (D("10.00"), {"mode": "bitcoin"}, r"^Mode « bitcoin » inconnu"),
        (D("10.00"), {"origine": "voisin"}, r"^Origine « voisin » inconnue"),
    ],
)
def test_un_paiement_invalide_est_refuse_en_francais(
    etude: Contexte, reference: str, montant: Decimal, options: dict[str, str], message: str
) -> None:
    avant = compter(etude.moteur, *TABLES)
    with pytest.raises(DonneeInvalide, match=message):
        paiements.enregistrer_paiement(etude, reference, montant, JOUR, **options)  # type: ignore[arg-type]
    assert compter(etude.moteur, *TABLES) == avant


def test_un_encaissement_anterieur_a_l_ouverture_est_refuse(
    etude: Contexte, reference: str
) -> None:
    avant = compter(etude.moteur, *TABLES)
    with pytest.raises(
        DonneeInvalide,
        match=r"^Encaissement du 2026-01-04 antérieur à l'ouverture du dossier \(2026-01-05\)\.$",
    ):
        paiements.enregistrer_paiement(etude, reference, D("10.00"), date(2026, 1, 4))
    assert compter(etude.moteur, *TABLES) == avant


def test_un_dossier_inconnu_refuse_le_paiement(etude: Contexte) -> None:
    with pytest.raises(Introuvable, match=r"^Dossier « 2026-999999 » introuvable"):
        paiements.enregistrer_paiement(etude, "2026-999999", D("10.00"), JOUR)


def test_un_dossier_clos_refuse_les_paiements(etude: Contexte, reference: str) -> None:
    dossiers.cloturer(etude, reference, "retire", date(2026, 2, 1))
    avant = compter(etude.moteur, *TABLES)
    with pytest.raises(
        OperationRefusee,
        match=r"^Le dossier 2026-000001 est clos \(Retiré par le mandant\) : rouvrez-le d'abord\.$",
    ):
        paiements.enregistrer_paiement(etude, reference, D("10.00"), JOUR)
    assert compter(etude.moteur, *TABLES) == avant


# --- payouts and fees -----------------------------------------------------------------------


def test_reverser_sans_montant_reverse_tout_ce_qui_est_detenu(
    etude: Contexte, reference: str
) -> None:
    paiements.enregistrer_paiement(etude, reference, D("1000.00"), JOUR, mode="cheque")
    paiements.enregistrer_paiement(etude, reference, D("200.00"), JOUR, mode="especes")
    sortie = paiements.reverser(etude, reference, date(2026, 3, 10))

    assert (sortie.montant, sortie.detenu_restant) == (D("1200.00"), D("0.00"))
    # The bank account pays first, the cash box the rest.
    assert _ecritures(etude, reference)[-1] == (
        "reversement",
        "virement",
        [
            ("creancier", D("1200.00"), D("0.00")),
            ("fonds_tiers", D("0.00"), D("1000.00")),
            ("caisse", D("0.00"), D("200.00")),
        ],
    )
    assert _soldes(etude, reference) == {
        "fonds_tiers": D("0.00"),
        "caisse": D("0.00"),
        "creancier": D("0.00"),
    }
    creancier_id = charger(etude, reference).creancier_id
    with Session(etude.moteur) as session:
        ecriture = session.get(Ecriture, sortie.ecriture_id)
        assert ecriture is not None
        assert ecriture.beneficiaire_id == creancier_id
        assert ecriture.libelle == "Reversement à SA BANQUE DU NORD (2026-000001)"
    assert _balance_equilibree(etude)


def test_reverser_une_partie_laisse_le_reste_detenu(etude: Contexte, reference: str) -> None:
    paiements.enregistrer_paiement(etude, reference, D("1000.00"), JOUR, mode="cheque")
    sortie = paiements.reverser(etude, reference, date(2026, 3, 10), D("600.00"))
    assert (sortie.montant, sortie.detenu_restant) == (D("600.00"), D("400.00"))


def test_reverser_plus_que_le_detenu_est_refuse_sans_rien_ecrire(
    etude: Contexte, reference: str
) -> None:
    paiements.enregistrer_paiement(etude, reference, D("1000.00"), JOUR, mode="cheque")
    avant = compter(etude.moteur, *TABLES)
    with pytest.raises(
        OperationRefusee,
        match=rf"^Sortie de 1{FINE}000,01{NBSP}€ refusée : le dossier ne détient que "
        rf"1{FINE}000,00{NBSP}€ pour le créancier \(fonds de tiers, jamais de solde négatif\)\.$",
    ):
        paiements.reverser(etude, reference, date(2026, 3, 10), D("1000.01"))
    assert compter(etude.moteur, *TABLES) == avant
    assert _soldes(etude, reference)["creancier"] == D("1000.00")


def test_reverser_un_dossier_sans_fonds_est_refuse(etude: Contexte, reference: str) -> None:
    with pytest.raises(
        OperationRefusee, match=r"^Le dossier 2026-000001 ne détient aucun fonds à reverser\.$"
    ):
        paiements.reverser(etude, reference, JOUR)
    with pytest.raises(DonneeInvalide, match="il doit être positif"):
        paiements.reverser(etude, reference, JOUR, D("0.00"))


def test_les_frais_de_l_etude_sont_preleves_sur_les_fonds_detenus(
    etude: Contexte, reference: str
) -> None:
    paiements.enregistrer_paiement(etude, reference, D("1000.00"), JOUR, mode="cheque")
    honoraires = paiements.prelever_frais(etude, reference, date(2026, 3, 5), D("144.18"))
    debours = paiements.prelever_frais(etude, reference, date(2026, 3, 5), D("15.82"), debours=True)
    # 1 000 - 144,18 - 15,82 = 840,00 € still owed to the creditor.
    assert (honoraires.detenu_restant, debours.detenu_restant) == (D("855.82"), D("840.00"))
    assert [(nature, lignes[0]) for nature, _, lignes in _ecritures(etude, reference)[1:]] == [
        ("honoraires", ("creancier", D("144.18"), D("0.00"))),
        ("debours", ("creancier", D("15.82"), D("0.00"))),
    ]
    assert paiements.reverser(etude, reference, date(2026, 3, 10)).montant == D("840.00")
    with pytest.raises(OperationRefusee, match="ne détient que 0,00"):
        paiements.prelever_frais(etude, reference, date(2026, 3, 10), D("0.01"))
    assert _balance_equilibree(etude)


# --- corrections ----------------------------------------------------------------------------


def test_annuler_un_paiement_non_reverse_le_contre_passe(etude: Contexte, reference: str) -> None:
    cheque = paiements.enregistrer_paiement(etude, reference, D("1000.00"), JOUR, mode="cheque")
    correction_id = paiements.annuler_paiement(
        etude, reference, cheque.paiement_id, date(2026, 3, 9), "chèque impayé"
    )

    assert _ecritures(etude, reference)[-1] == (
        "correction",
        "cheque",
        [("fonds_tiers", D("0.00"), D("1000.00")), ("creancier", D("1000.00"), D("0.00"))],
    )
    assert _soldes(etude, reference) == {
        "fonds_tiers": D("0.00"),
        "caisse": D("0.00"),
        "creancier": D("0.00"),
    }
    dossier = charger(etude, reference)
    (original, correction) = dossier.paiements
    assert (correction.id, correction.montant, correction.corrige_id) == (
        correction_id,
        D("-1000.00"),
        original.id,
    )
    assert correction.libelle == f"Annulation du paiement n° {original.id} : chèque impayé"
    # Neither the payment nor its correction counts any more in the décompte.
    assert dossiers.decompte_dossier(etude, reference, date(2026, 3, 9)).paiements == D("0")
    assert paiements.fonds_detenus(etude, date(2026, 3, 9)) == []
    assert _balance_equilibree(etude)


def test_annuler_un_paiement_deja_reverse_est_refuse_sans_rien_ecrire(
    etude: Contexte, reference: str
) -> None:
    cheque = paiements.enregistrer_paiement(etude, reference, D("1000.00"), JOUR, mode="cheque")
    paiements.reverser(etude, reference, date(2026, 3, 5))
    avant = compter(etude.moteur, *TABLES)
    with pytest.raises(
        OperationRefusee,
        match=rf"^Contre-passation refusée : le compte « fonds_tiers » du dossier deviendrait "
        rf"négatif \(-1{FINE}000,00{NBSP}€\)\. Les fonds ont déjà été reversés",
    ):
        paiements.annuler_paiement(etude, reference, cheque.paiement_id, JOUR, "chèque impayé")
    assert compter(etude.moteur, *TABLES) == avant


def test_annuler_deux_fois_le_meme_paiement_est_refuse(etude: Contexte, reference: str) -> None:
    cheque = paiements.enregistrer_paiement(etude, reference, D("1000.00"), JOUR, mode="cheque")
    correction_id = paiements.annuler_paiement(etude, reference, cheque.paiement_id, JOUR, "erreur")
    with pytest.raises(
        OperationRefusee, match=rf"^Le paiement n° {cheque.paiement_id} est déjà annulé\.$"
    ):
        paiements.annuler_paiement(etude, reference, cheque.paiement_id, JOUR, "erreur")
    with pytest.raises(Introuvable, match=rf"^Paiement n° {correction_id} introuvable"):
        paiements.annuler_paiement(etude, reference, correction_id, JOUR, "erreur")
    with pytest.raises(DonneeInvalide, match="Motif de l'annulation obligatoire"):
        paiements.annuler_paiement(etude, reference, cheque.paiement_id, JOUR, " ")


# --- R444-56 deadlines ----------------------------------------------------------------------


def test_les_fonds_detenus_au_dela_du_delai_r444_56_sont_signales(
    etude: Contexte, reference: str
) -> None:
    paiements.enregistrer_paiement(etude, reference, D("1000.00"), JOUR, mode="cheque")
    paiements.enregistrer_paiement(etude, reference, D("200.00"), JOUR, mode="especes")
    paiements.enregistrer_paiement(
        etude, reference, D("50.00"), JOUR, mode="virement", acompte=True
    )

    # Cash: 2026-03-02 + 21 d = 03-23; cheque: + 42 d = 04-13; instalment: + 3 months = 06-02.
    tous = paiements.fonds_detenus(etude, date(2026, 3, 20))
    assert [(a.fonds.restant, a.fonds.date_limite) for a in tous] == [
        (D("200.00"), date(2026, 3, 23)),
        (D("1000.00"), date(2026, 4, 13)),
        (D("50.00"), date(2026, 6, 2)),
    ]
    assert paiements.fonds_detenus(etude, date(2026, 3, 23), seulement_en_retard=True) == []

    (alerte,) = paiements.fonds_detenus(etude, date(2026, 3, 24), seulement_en_retard=True)
    assert (alerte.reference, alerte.fonds.restant) == ("2026-000001", D("200.00"))
    assert alerte.message == (
        f"2026-000001 : 200,00{NBSP}€ reçus le 2026-03-02 à reverser au plus tard le "
        "2026-03-23 (trois semaines (espèces, C. com. R444-56))"
    )
    en_retard = paiements.fonds_detenus(etude, date(2026, 4, 14), seulement_en_retard=True)
    assert [a.fonds.date_limite for a in en_retard] == [date(2026, 3, 23), date(2026, 4, 13)]


def test_une_sortie_apure_d_abord_les_fonds_les_plus_anciens(
    etude: Contexte, reference: str
) -> None:
    paiements.enregistrer_paiement(etude, reference, D("300.00"), date(2026, 2, 2), mode="cheque")
    paiements.enregistrer_paiement(etude, reference, D("700.00"), date(2026, 3, 2), mode="cheque")
    paiements.reverser(etude, reference, date(2026, 3, 10), D("400.00"))
    # 400 € paid out: the 300 € of 2 February, then 100 € of the 700 € of 2 March.
    (alerte,) = paiements.fonds_detenus(etude, date(2026, 4, 14), seulement_en_retard=True)
    assert (alerte.fonds.encaissement.date, alerte.fonds.restant) == (
        date(2026, 3, 2),
        D("600.00"),
    )
    assert alerte.fonds.date_limite == date(2026, 4, 13)


def test_les_fonds_d_un_cheque_annule_ne_sont_plus_signales(
    etude: Contexte, reference: str
) -> None:
    cheque = paiements.enregistrer_paiement(etude, reference, D("1000.00"), JOUR, mode="cheque")
    paiements.annuler_paiement(etude, reference, cheque.paiement_id, date(2026, 3, 9), "impayé")
    assert paiements.fonds_detenus(etude, date(2026, 5, 1), seulement_en_retard=True) == []
    # Before the correction the cheque was held.
    assert [a.fonds.restant for a in paiements.fonds_detenus(etude, date(2026, 3, 5))] == [
        D("1000.00")
    ]
