"""Files service: open, titles, costs of acts, close and reopen, décompte, audit, isolation.

Runs on SQLite and PostgreSQL (fixture ``etude``). The builders below are reused by the other
service tests of this folder.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from clerc.office.db import Contexte, transaction
from clerc.office.erreurs import Introuvable, OperationRefusee
from clerc.office.models import (
    Dossier,
    EntreeAudit,
    Evenement,
    LigneCreance,
    Paiement,
    Partie,
    Titre,
)
from clerc.office.services import dossiers, paiements, recherche
from clerc.office.services.donnees import (
    AdresseDonnees,
    LigneDonnees,
    NouveauDossier,
    PartieDonnees,
    TitreDonnees,
)
from clerc.rules import decompte as regles
from clerc.rules import tarif
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.interets import RegimeInterets
from tests.office.conftest import creer_etude

D = Decimal
DATE_TITRE = date(2025, 6, 10)
OUVERTURE = date(2026, 1, 5)
SIREN_VALIDE = "732829320"
IBAN_VALIDE = "FR7630006000011234567890189"
LIBELLE_TITRE = "Décision de justice ayant force exécutoire (L111-3 1°) du 2025-06-10"


# --- builders (shared with the other service tests) ----------------------------------------


def creancier(**champs: object) -> PartieDonnees:
    donnees = PartieDonnees(
        type="personne_morale",
        denomination="BANQUE DU NORD",
        forme_juridique="SA",
        siren=SIREN_VALIDE,
        iban=IBAN_VALIDE,
        adresses=(AdresseDonnees("12 place Kléber", "67000", "Strasbourg", nature="siege"),),
    )
    return replace(donnees, **champs)


def debiteur(
    nom: str = "Dupont",
    prenoms: str = "Jean",
    code_postal: str = "57000",
    commune: str = "Metz",
    civilite: str = "Monsieur",
) -> PartieDonnees:
    return PartieDonnees(
        type="personne_physique",
        civilite=civilite,
        nom=nom,
        prenoms=prenoms,
        adresses=(AdresseDonnees("3 rue Serpenoise", code_postal, commune),),
    )


def titre(
    principal: str = "5000.00",
    article_700: str = "800.00",
    depens: str = "120.50",
    date_titre: date = DATE_TITRE,
) -> TitreDonnees:
    """A judgment: principal 5 000 €, article 700 800 €, dépens 120,50 € (figures by default)."""
    lignes = [LigneDonnees("principal", D(principal))]
    if article_700:
        lignes.append(LigneDonnees("article_700", D(article_700)))
    if depens:
        lignes.append(LigneDonnees("depens", D(depens)))
    return TitreDonnees(
        type="decision_justice",
        date_titre=date_titre,
        juridiction="Tribunal judiciaire de Metz",
        numero="RG 25/01234",
        contradictoire=True,
        premier_ressort=True,
        execution_provisoire="de_droit",
        lignes=tuple(lignes),
    )


def nouveau_dossier(**champs: object) -> NouveauDossier:
    donnees = NouveauDossier(
        nature="judiciaire",
        creancier=creancier(),
        debiteurs=(debiteur(),),
        titre=titre(),
        ouvert_le=OUVERTURE,
        reference_mandant="BN-2026-042",
    )
    return replace(donnees, **champs)


def compter(moteur: Engine, *modeles: type) -> dict[str, int]:
    """Rows of each table in the whole database (every office): what a refusal must not add."""
    with Session(moteur) as session:
        return {
            modele.__tablename__: session.scalar(select(func.count()).select_from(modele)) or 0
            for modele in modeles
        }


TABLES = (Partie, Dossier, Titre, LigneCreance, Evenement, Paiement, EntreeAudit)


def charger(contexte: Contexte, reference: str) -> Dossier:
    with transaction(contexte, "lire") as session:
        dossier = dossiers.charger_dossier(session, reference)
        _ = dossier.creancier, dossier.evenements  # loaded before the session closes
        return dossier


# --- opening --------------------------------------------------------------------------------


def test_le_siren_de_reference_des_tests_est_valide() -> None:
    # Luhn from the right, every second digit doubled: 0 + (2×2) + 3 + (9×2 → 9) + 2
    # + (8×2 → 7) + 2 + (3×2) + 7 = 40, a multiple of 10.
    from clerc.office.validation import siren_valide

    assert siren_valide(SIREN_VALIDE) == "732829320"


def test_ouvrir_un_dossier_donne_la_reference_annee_et_numero_a_six_chiffres(
    etude: Contexte,
) -> None:
    premiere = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    seconde = dossiers.ouvrir_dossier(etude, nouveau_dossier(debiteurs=(debiteur("Martin"),)))
    assert (premiere, seconde) == ("2026-000001", "2026-000002")


def test_la_numerotation_suit_l_annee_d_ouverture(etude: Contexte) -> None:
    assert dossiers.ouvrir_dossier(etude, nouveau_dossier()) == "2026-000001"
    assert (
        dossiers.ouvrir_dossier(etude, nouveau_dossier(ouvert_le=date(2027, 1, 4))) == "2027-000001"
    )
    assert dossiers.ouvrir_dossier(etude, nouveau_dossier()) == "2026-000002"


def test_ouvrir_un_dossier_enregistre_creancier_debiteur_titre_et_lignes(etude: Contexte) -> None:
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    fiche = dossiers.fiche_dossier(etude, reference, date(2026, 1, 5))
    assert fiche["statut"] == "en_cours"
    assert fiche["reference_mandant"] == "BN-2026-042"
    assert fiche["creancier"]["designation"] == "SA BANQUE DU NORD"
    assert fiche["creancier"]["siren"] == "732829320"
    assert [d["designation"] for d in fiche["debiteurs"]] == ["Monsieur Jean DUPONT"]
    assert fiche["titre"]["type"] == "decision_justice"
    assert fiche["titre"]["date"] == "2025-06-10"
    assert [(ligne["nature"], ligne["montant"]) for ligne in fiche["lignes"]] == [
        ("principal", "5000.00"),
        ("article_700", "800.00"),
        ("depens", "120.50"),
    ]
    assert fiche["version"] == 1


def test_le_territoire_par_defaut_est_le_departement_du_debiteur(etude: Contexte) -> None:
    # The office is in Paris ("75"); the debtor lives at 57000 Metz: Alsace-Moselle calendar.
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    assert charger(etude, reference).territoire == "57"


def test_sans_adresse_du_debiteur_le_territoire_est_celui_de_l_etude(etude: Contexte) -> None:
    sans_adresse = replace(debiteur(), adresses=())
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier(debiteurs=(sans_adresse,)))
    assert charger(etude, reference).territoire == "75"


def test_un_territoire_explicite_l_emporte_sur_l_adresse_du_debiteur(etude: Contexte) -> None:
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier(territoire="974"))
    assert charger(etude, reference).territoire == "974"


def test_une_reference_explicite_deja_prise_est_refusee_sans_rien_ecrire(
    etude: Contexte,
) -> None:
    dossiers.ouvrir_dossier(etude, nouveau_dossier(reference="DUPONT-1"))
    avant = compter(etude.moteur, *TABLES)
    with pytest.raises(OperationRefusee, match=r"^Le dossier « DUPONT-1 » existe déjà\.$"):
        dossiers.ouvrir_dossier(etude, nouveau_dossier(reference="DUPONT-1"))
    # The creditor and the debtor were created before the check: rolled back with the rest.
    assert compter(etude.moteur, *TABLES) == avant


def test_une_reference_explicite_de_l_annee_ne_bloque_pas_la_numerotation(
    etude: Contexte,
) -> None:
    assert dossiers.ouvrir_dossier(etude, nouveau_dossier()) == "2026-000001"
    dossiers.ouvrir_dossier(etude, nouveau_dossier(reference="2026-DUPONT"))
    assert dossiers.ouvrir_dossier(etude, nouveau_dossier()) == "2026-000002"


def test_une_reference_explicite_presque_numerique_ne_bloque_pas_la_numerotation(
    etude: Contexte,
) -> None:
    assert dossiers.ouvrir_dossier(etude, nouveau_dossier()) == "2026-000001"
    dossiers.ouvrir_dossier(etude, nouveau_dossier(reference="2026-00042B"))
    assert dossiers.ouvrir_dossier(etude, nouveau_dossier()) == "2026-000002"


def test_un_siren_errone_est_refuse_en_francais_sans_rien_ecrire(etude: Contexte) -> None:
    avant = compter(etude.moteur, *TABLES)
    with pytest.raises(
        DonneeInvalide, match=r"^SIREN « 732829321 » invalide : clé de contrôle fausse"
    ):
        dossiers.ouvrir_dossier(etude, nouveau_dossier(creancier=creancier(siren="732829321")))
    with pytest.raises(DonneeInvalide, match=r"SIREN « 73282932 » invalide : longueur incorrecte"):
        dossiers.ouvrir_dossier(etude, nouveau_dossier(creancier=creancier(siren="73282932")))
    assert compter(etude.moteur, *TABLES) == avant


def test_un_iban_errone_est_refuse_en_francais_sans_rien_ecrire(etude: Contexte) -> None:
    avant = compter(etude.moteur, *TABLES)
    faux = "FR7630006000011234567890188"  # last digit changed: ISO 13616 key fails
    with pytest.raises(
        DonneeInvalide,
        match=rf"^IBAN « {faux} » invalide : clé de contrôle ou format du compte incorrect\.$",
    ):
        dossiers.ouvrir_dossier(etude, nouveau_dossier(creancier=creancier(iban=faux)))
    assert compter(etude.moteur, *TABLES) == avant


def test_un_iban_valide_est_enregistre_sous_forme_electronique(etude: Contexte) -> None:
    espace = "FR76 3000 6000 0112 3456 7890 189"
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier(creancier=creancier(iban=espace)))
    assert charger(etude, reference).creancier.iban == IBAN_VALIDE


def test_le_creancier_ne_peut_pas_etre_aussi_debiteur(etude: Contexte) -> None:
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    creancier_id = charger(etude, reference).creancier_id
    avant = compter(etude.moteur, *TABLES)
    with pytest.raises(DonneeInvalide, match="ne peut pas être aussi débiteur"):
        dossiers.ouvrir_dossier(
            etude, nouveau_dossier(creancier=creancier_id, debiteurs=(creancier_id,))
        )
    assert compter(etude.moteur, *TABLES) == avant


# --- titles ---------------------------------------------------------------------------------


def test_un_second_titre_est_refuse_sans_remplacement(etude: Contexte) -> None:
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    avant = compter(etude.moteur, *TABLES)
    with pytest.raises(
        OperationRefusee,
        match=r"a déjà un titre \(Décision de justice ayant force exécutoire \(L111-3 1°\) du "
        r"2025-06-10\) : utilisez le remplacement\.",
    ):
        dossiers.ajouter_titre(etude, reference, titre(principal="6000.00"))
    assert compter(etude.moteur, *TABLES) == avant


def test_remplacer_le_titre_garde_l_ancien_et_retire_ses_lignes(etude: Contexte) -> None:
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    # Appeal judgment of 2025-11-20: principal reduced to 4 200 €, 1 500 € article 700, no dépens.
    arret = replace(
        titre(principal="4200.00", article_700="1500.00", depens="", date_titre=date(2025, 11, 20)),
        juridiction="Cour d'appel de Metz",
    )
    nouveau_id = dossiers.ajouter_titre(etude, reference, arret, remplacer=True)

    dossier = charger(etude, reference)
    ancien, nouveau = dossier.titres
    assert nouveau.id == nouveau_id
    assert ancien.remplace_par_id == nouveau.id
    assert nouveau.remplace_par_id is None
    assert dossier.titre_actif is nouveau
    actives = [
        (lg.nature, lg.montant, lg.titre_id) for lg in dossier.lignes if lg.annule_par_id is None
    ]
    assert actives == [
        ("principal", D("4200.00"), nouveau.id),
        ("article_700", D("1500.00"), nouveau.id),
    ]
    retirees = [(lg.nature, lg.montant) for lg in dossier.lignes if lg.annule_par_id is not None]
    assert retirees == [
        ("principal", D("5000.00")),
        ("article_700", D("800.00")),
        ("depens", D("120.50")),
    ]

    etat = dossiers.decompte_dossier(etude, reference, date(2025, 11, 20))
    assert (etat.principal, etat.article_700, etat.depens) == (D("4200.00"), D("1500.00"), D("0"))
    assert etat.titre == "Décision de justice ayant force exécutoire (L111-3 1°) du 2025-11-20"
    assert [e.nature for e in dossier.evenements] == ["ouverture", "titre", "titre"]
    assert dossier.evenements[-1].libelle.startswith("Remplacement du titre par")


def test_un_titre_sans_principal_est_refuse(etude: Contexte) -> None:
    sans_principal = replace(titre(), lignes=(LigneDonnees("depens", D("120.50")),))
    avant = compter(etude.moteur, *TABLES)
    with pytest.raises(DonneeInvalide, match="aucune ligne de principal"):
        dossiers.ouvrir_dossier(etude, nouveau_dossier(titre=sans_principal))
    assert compter(etude.moteur, *TABLES) == avant


def test_ajouter_un_titre_a_un_dossier_qui_n_en_a_pas(etude: Contexte) -> None:
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier(titre=None))
    with pytest.raises(OperationRefusee, match="n'a pas de créance en principal"):
        dossiers.decompte_dossier(etude, reference, date(2026, 1, 5))
    dossiers.ajouter_titre(etude, reference, titre())
    assert dossiers.decompte_dossier(etude, reference, DATE_TITRE).total == D("5920.50")


# --- costs of acts --------------------------------------------------------------------------


def test_imputer_le_cout_d_un_acte_ajoute_une_ligne_au_tarif_reglemente(etude: Contexte) -> None:
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    jour = date(2026, 3, 2)
    cout = dossiers.imputer_cout_acte(etude, reference, "commandement_saisie_vente", jour)

    attendu = tarif.cout_acte("commandement_saisie_vente", jour, D("5000.00"))
    # n° 42: 20,42 € × 2 (obligation > 1 280 €) = 40,84 + DEP 69,91 + travel 9,40 = 120,15 HT;
    # VAT 20 % = 24,03; total 144,18 € TTC.
    assert attendu.total_ttc == D("144.18")
    assert cout.total_ttc == attendu.total_ttc
    (ligne,) = [lg for lg in charger(etude, reference).lignes if lg.nature == "acte"]
    assert (ligne.montant, ligne.date, ligne.numero_tarif, ligne.mode_interets) == (
        D("144.18"),
        jour,
        "42",
        "aucun",
    )
    assert ligne.libelle == "Commandement de payer préalable à la saisie-vente (n° 42)"
    assert dossiers.decompte_dossier(etude, reference, jour).frais == D("144.18")


def test_le_droit_d_engagement_des_poursuites_n_est_percu_qu_une_fois(etude: Contexte) -> None:
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    jour = date(2026, 3, 2)
    premier = dossiers.imputer_cout_acte(etude, reference, "commandement_saisie_vente", jour)
    second = dossiers.imputer_cout_acte(etude, reference, "commandement_saisie_vente", jour)
    # Without the DEP (69,91 HT, 83,89 TTC): 144,18 - 83,89 = 60,29 € TTC.
    assert (premier.dep_ht, second.dep_ht) == (D("69.91"), D("0.00"))
    assert second.total_ttc == D("60.29")
    assert (
        second.total_ttc
        == (
            tarif.cout_acte("commandement_saisie_vente", jour, D("5000.00"), dep_deja_percu=True)
        ).total_ttc
    )


# --- décompte -------------------------------------------------------------------------------


def test_le_decompte_du_dossier_est_celui_du_moteur_de_regles(etude: Contexte) -> None:
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    paiements.enregistrer_paiement(etude, reference, D("1000.00"), date(2026, 3, 2), mode="cheque")
    au = date(2026, 3, 31)

    # The same figures typed by hand: the creditor is a company (legal rate "autre cas").
    creance = regles.Creance(
        principal=D("5000.00"),
        date=DATE_TITRE,
        regime=RegimeInterets(mode="legal", categorie="autre"),
        frais=(
            regles.Frais(
                "Article 700 du code de procédure civile", DATE_TITRE, D("800.00"), "article_700"
            ),
            regles.Frais("Dépens", DATE_TITRE, D("120.50"), "depens"),
        ),
        paiements=(regles.Paiement(date(2026, 3, 2), D("1000.00"), "Débiteur (chèque)"),),
        titre=LIBELLE_TITRE,
    )
    attendu = regles.decompte(creance, au)
    obtenu = dossiers.decompte_dossier(etude, reference, au)
    assert obtenu == attendu
    # Interest on 5 800 € (principal + article 700) from 2025-06-11 to 2026-03-02:
    # 20 d at 3,71 %, 184 d at 2,76 %, 61 d at 2,62 % -> 79,73 + 21,89 (principal) and
    # 12,76 + 3,50 (article 700) = 117,88 €. 1 000 € imputed: dépens 120,50, interest 117,88,
    # capital 761,62 -> principal left 4 238,38 €.
    (imputation,) = obtenu.imputations
    assert (imputation.frais, imputation.interets, imputation.principal) == (
        D("120.50"),
        D("117.88"),
        D("761.62"),
    )
    assert obtenu.solde.principal == D("4238.38")
    assert obtenu.solde.article_700 == D("800.00")


# --- closing --------------------------------------------------------------------------------


def test_clore_solde_est_refuse_tant_qu_il_reste_du(etude: Contexte) -> None:
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    # 5 000 + 800 + 120,50 = 5 920,50 €, plus interest on 5 800 € from 2025-06-11 to
    # 2026-01-05 (20 d at 3,71 %, 184 d at 2,76 %, 5 d at 2,62 %): 81,53 + 13,04 = 94,57 €.
    with pytest.raises(
        OperationRefusee,
        match=r"^Le dossier 2026-000001 n'est pas soldé au 2026-01-05 : 6015\.07 € restent dus\.$",
    ):
        dossiers.cloturer(etude, reference, "paye", OUVERTURE)
    assert charger(etude, reference).statut == "en_cours"


def test_clore_est_refuse_tant_que_l_etude_detient_des_fonds(etude: Contexte) -> None:
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    jour = date(2026, 2, 2)
    du = dossiers.decompte_dossier(etude, reference, jour).total
    paiements.enregistrer_paiement(etude, reference, du, jour)
    assert dossiers.decompte_dossier(etude, reference, jour).total == D("0.00")
    with pytest.raises(
        OperationRefusee, match=rf"détient encore {du} € pour le créancier : reversez-les"
    ):
        dossiers.cloturer(etude, reference, "paye", jour)

    paiements.reverser(etude, reference, jour)
    dossiers.cloturer(etude, reference, "paye", jour)
    dossier = charger(etude, reference)
    assert (dossier.statut, dossier.motif_cloture, dossier.clos_le) == ("clos", "paye", jour)


def test_clore_pour_irrecouvrabilite_exige_le_certificat(etude: Contexte) -> None:
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    avant = compter(etude.moteur, *TABLES)
    for vide in (None, "  "):
        with pytest.raises(DonneeInvalide, match="le certificat d'irrécouvrabilité est requis"):
            dossiers.cloturer(etude, reference, "irrecouvrable", date(2026, 6, 1), certificat=vide)
    assert compter(etude.moteur, *TABLES) == avant

    texte = "PV de carence du 28 mai 2026 : aucun bien saisissable."
    dossiers.cloturer(etude, reference, "irrecouvrable", date(2026, 6, 1), certificat=texte)
    dossier = charger(etude, reference)
    assert (dossier.statut, dossier.motif_cloture) == ("clos", "irrecouvrable")
    assert dossier.certificat_irrecouvrabilite == texte


def test_un_motif_de_cloture_inconnu_est_refuse(etude: Contexte) -> None:
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    with pytest.raises(DonneeInvalide, match=r"Motif de clôture « abandon » inconnu"):
        dossiers.cloturer(etude, reference, "abandon", date(2026, 6, 1))


def test_un_dossier_clos_refuse_les_modifications_puis_se_rouvre(etude: Contexte) -> None:
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    dossiers.cloturer(etude, reference, "retire", date(2026, 6, 1))
    message = r"^Le dossier 2026-000001 est clos \(Retiré par le mandant\) : rouvrez-le d'abord\.$"
    with pytest.raises(OperationRefusee, match=message):
        dossiers.imputer_cout_acte(etude, reference, "commandement_saisie_vente", date(2026, 6, 2))
    with pytest.raises(OperationRefusee, match=message):
        dossiers.ajouter_titre(etude, reference, titre(), remplacer=True)
    with pytest.raises(OperationRefusee, match=message):
        dossiers.cloturer(etude, reference, "retire", date(2026, 6, 2))
    with pytest.raises(DonneeInvalide, match="Réouverture datée avant la clôture"):
        dossiers.rouvrir(etude, reference, date(2026, 5, 31), "erreur")

    dossiers.rouvrir(etude, reference, date(2026, 6, 3), "nouvelle adresse du débiteur")
    dossier = charger(etude, reference)
    assert (dossier.statut, dossier.motif_cloture, dossier.clos_le) == ("en_cours", None, None)
    with pytest.raises(OperationRefusee, match=r"^Le dossier 2026-000001 n'est pas clos\.$"):
        dossiers.rouvrir(etude, reference, date(2026, 6, 4), "encore")
    dossiers.imputer_cout_acte(etude, reference, "commandement_saisie_vente", date(2026, 6, 4))


# --- timeline and audit ---------------------------------------------------------------------


def test_chaque_service_ecrit_la_chronologie_et_le_journal_au_nom_de_l_utilisateur(
    etude: Contexte,
) -> None:
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    versions = [charger(etude, reference).version]
    dossiers.imputer_cout_acte(etude, reference, "commandement_saisie_vente", date(2026, 3, 2))
    versions.append(charger(etude, reference).version)
    dossiers.ajouter_titre(etude, reference, titre(principal="4000.00"), remplacer=True)
    versions.append(charger(etude, reference).version)
    dossiers.cloturer(etude, reference, "retire", date(2026, 6, 1))
    versions.append(charger(etude, reference).version)
    dossiers.rouvrir(etude, reference, date(2026, 6, 3), "reprise")
    versions.append(charger(etude, reference).version)
    # Every change bumps the file's version (optimistic lock); closing flushes twice (the
    # held-funds check autoflushes the lock, then the new status), hence 3 -> 5.
    assert versions == [1, 2, 3, 5, 6]

    fiche = dossiers.fiche_dossier(etude, reference, date(2026, 6, 3))
    assert [(e["nature"], e["date"], e["par"]) for e in fiche["evenements"]] == [
        ("ouverture", "2026-01-05", "testeur"),
        ("titre", "2025-06-10", "testeur"),
        ("cout_acte", "2026-03-02", "testeur"),
        ("titre", "2025-06-10", "testeur"),
        ("cloture", "2026-06-01", "testeur"),
        ("reouverture", "2026-06-03", "testeur"),
    ]
    assert fiche["evenements"][-1]["libelle"] == "Réouverture : reprise"
    assert fiche["version"] == 6

    with Session(etude.moteur) as session:
        entrees = session.execute(
            select(EntreeAudit.operation, EntreeAudit.objet, EntreeAudit.action)
            .where(EntreeAudit.etude_id == etude.etude_id, EntreeAudit.rang > 1)
            .order_by(EntreeAudit.rang)
        ).all()
        utilisateurs = set(
            session.scalars(
                select(EntreeAudit.utilisateur).where(EntreeAudit.etude_id == etude.etude_id)
            )
        )
    assert utilisateurs == {"testeur"}
    operations = {operation for operation, _, _ in entrees}
    assert operations == {
        "ouvrir_dossier",
        "imputer_cout_acte",
        "remplacer_titre",
        "cloturer_dossier",
        "rouvrir_dossier",
    }
    par_operation = {
        op: {(objet, action) for o, objet, action in entrees if o == op} for op in operations
    }
    assert {
        ("partie", "creation"),
        ("dossier", "creation"),
        ("titre", "creation"),
        ("ligne_creance", "creation"),
        ("evenement", "creation"),
    } <= par_operation["ouvrir_dossier"]
    assert par_operation["imputer_cout_acte"] == {
        ("dossier", "modification"),
        ("ligne_creance", "creation"),
        ("evenement", "creation"),
    }
    assert ("titre", "modification") in par_operation["remplacer_titre"]  # remplace_par_id
    assert ("ligne_creance", "modification") in par_operation["remplacer_titre"]  # retired
    assert ("dossier", "modification") in par_operation["cloturer_dossier"]


def test_le_journal_nomme_l_utilisateur_qui_agit(etude: Contexte) -> None:
    autre = Contexte(etude.moteur, etude.etude_id, "mdurand")
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    dossiers.cloturer(autre, reference, "retire", date(2026, 6, 1))
    with Session(etude.moteur) as session:
        par_operation = dict(
            session.execute(
                select(EntreeAudit.operation, EntreeAudit.utilisateur)
                .where(EntreeAudit.etude_id == etude.etude_id, EntreeAudit.rang > 1)
                .distinct()
            ).all()
        )
    assert par_operation == {"ouvrir_dossier": "testeur", "cloturer_dossier": "mdurand"}
    assert dossiers.fiche_dossier(etude, reference, date(2026, 6, 1))["evenements"][-1]["par"] == (
        "mdurand"
    )


# --- offices --------------------------------------------------------------------------------


def test_une_seconde_etude_ne_voit_jamais_les_dossiers_de_la_premiere(etude: Contexte) -> None:
    seconde = creer_etude(etude.moteur, "AUTRE", "Autre étude", territoire="69")
    dossiers.ouvrir_dossier(etude, nouveau_dossier())
    dossiers.ouvrir_dossier(etude, nouveau_dossier(reference="DUPONT-1"))
    # Each office numbers its own files: the second office's first file is 2026-000001 too.
    propre = dossiers.ouvrir_dossier(
        seconde,
        nouveau_dossier(
            creancier=creancier(denomination="CREDIT DU RHONE"), reference_mandant="R1"
        ),
    )
    assert propre == "2026-000001"

    trouves = recherche.chercher(seconde, "")
    assert [(d["reference"], d["creancier"]) for d in trouves.dossiers] == [
        ("2026-000001", "SA CREDIT DU RHONE")
    ]
    assert trouves.total == 1
    assert recherche.chercher(seconde, "dupont").total == 1  # its own debtor DUPONT only
    assert recherche.chercher(seconde, "BN-2026-042").total == 0
    assert recherche.chercher(seconde, SIREN_VALIDE).total == 1
    with pytest.raises(Introuvable, match=r"^Dossier « DUPONT-1 » introuvable dans cette étude\.$"):
        dossiers.fiche_dossier(seconde, "DUPONT-1")
    with pytest.raises(Introuvable):
        dossiers.decompte_dossier(seconde, "DUPONT-1", date(2026, 3, 2))
    with pytest.raises(Introuvable):
        dossiers.cloturer(seconde, "DUPONT-1", "retire", date(2026, 3, 2))
    assert charger(seconde, "2026-000001").creancier.denomination == "CREDIT DU RHONE"
    assert charger(etude, "2026-000001").creancier.denomination == "BANQUE DU NORD"


def test_une_etude_ne_peut_pas_reprendre_une_partie_d_une_autre_par_son_numero(
    etude: Contexte,
) -> None:
    reference = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    creancier_id = charger(etude, reference).creancier_id
    seconde = creer_etude(etude.moteur, "AUTRE", "Autre étude")
    with pytest.raises(Introuvable, match=rf"^Partie n° {creancier_id} introuvable"):
        dossiers.ouvrir_dossier(seconde, nouveau_dossier(creancier=creancier_id))


def test_un_creancier_ne_confie_pas_deux_dossiers_sous_la_meme_reference(etude: Contexte) -> None:
    # The creditor's own reference identifies his claim (and is the CSV import's key): a
    # second file under it is refused with the existing file named, and nothing is written.
    premier = dossiers.ouvrir_dossier(etude, nouveau_dossier())
    creancier_id = charger(etude, premier).creancier_id
    avant = compter(etude.moteur, *TABLES)
    with pytest.raises(
        OperationRefusee, match=r"sa référence « BN-2026-042 » : dossier 2026-000001\.$"
    ):
        dossiers.ouvrir_dossier(etude, nouveau_dossier(creancier=creancier_id))
    assert compter(etude.moteur, *TABLES) == avant
    # Another reference, or none at all, is fine.
    dossiers.ouvrir_dossier(etude, nouveau_dossier(creancier=creancier_id, reference_mandant=None))
    dossiers.ouvrir_dossier(etude, nouveau_dossier(creancier=creancier_id, reference_mandant=None))
