"""Bulk intake of a creditor's CSV (docs/import_csv.md): all or nothing, idempotent, robust."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import select as attente
import signal
import subprocess
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session, selectinload

from clerc.office import audit
from clerc.office.db import Contexte, creer_moteur, migrer
from clerc.office.import_csv import ImportRefuse, analyser, importer
from clerc.office.models import (
    Adresse,
    Contact,
    Dossier,
    DossierDebiteur,
    EntreeAudit,
    Evenement,
    LigneCreance,
    Partie,
    Titre,
)
from clerc.office.services.donnees import PartieDonnees
from clerc.office.services.dossiers import creer_partie, ouvrir_dossier
from tests.office.conftest import creer_etude

FIXTURES = Path(__file__).parent / "fixtures" / "import"
BON = FIXTURES / "bon_utf8.csv"
BON_1252 = FIXTURES / "bon_windows1252.csv"
ERRONE = FIXTURES / "errone.csv"
SIREN_CREANCIER = "412345670"


def _compter(moteur: Engine, modele: type[Any], etude_id: int | None = None) -> int:
    with Session(moteur) as session:
        requete = select(func.count()).select_from(modele)
        if etude_id is not None:
            requete = requete.where(modele.etude_id == etude_id)
        return int(session.scalar(requete) or 0)


def _dossiers(moteur: Engine, etude_id: int) -> dict[str, Dossier]:
    with Session(moteur) as session:
        dossiers = session.scalars(
            select(Dossier)
            .where(Dossier.etude_id == etude_id)
            .options(
                selectinload(Dossier.creancier),
                selectinload(Dossier.debiteurs)
                .selectinload(DossierDebiteur.partie)
                .selectinload(Partie.adresses),
                selectinload(Dossier.debiteurs)
                .selectinload(DossierDebiteur.partie)
                .selectinload(Partie.contacts),
                selectinload(Dossier.titres),
                selectinload(Dossier.lignes),
                selectinload(Dossier.evenements),
            )
        ).all()
        return {d.reference_mandant or "": d for d in dossiers}


def _gros_fichier(lignes: int) -> str:
    entete = (
        "reference_mandant;creancier_siren;creancier_denomination;nature;debiteur_type;"
        "debiteur_nom;debiteur_prenoms;debiteur_adresse;debiteur_code_postal;debiteur_commune;"
        "titre_type;titre_date;principal;article_700"
    )
    corps = [
        f"G-{i:06d};{SIREN_CREANCIER};Crédit Imaginaire de l'Est SA;judiciaire;"
        f"personne_physique;Nom{i};Prénom;{i} rue de la Paix;75002;Paris;decision_justice;"
        f"15/01/2025;{1000 + i},{i % 100:02d};150,00"
        for i in range(lignes)
    ]
    return "\n".join([entete, *corps]) + "\n"


# --- a good file ----------------------------------------------------------------------------


def test_un_fichier_correct_cree_dossiers_parties_et_titres_aux_montants_exacts(
    etude: Contexte,
) -> None:
    rapport = importer(etude, BON)

    assert rapport.lignes == 5
    assert [d.reference_mandant for d in rapport.dossiers_crees] == [
        "F-2026-001",
        "F-2026-002",
        "F-2026-003",
        "F-2026-004",
    ]
    assert rapport.parties_creees == 6  # the creditor and five debtors
    assert rapport.titres_crees == 3
    assert rapport.erreurs == () and rapport.dossiers_ignores == ()
    dossiers = _dossiers(etude.moteur, etude.etude_id)
    assert {d.reference for d in dossiers.values()} == {d.reference for d in rapport.dossiers_crees}

    premier = dossiers["F-2026-001"]
    assert premier.nature == "judiciaire" and premier.territoire == "69"
    assert premier.creancier.denomination == "Crédit Imaginaire de l'Est SA"
    assert premier.creancier.siren == SIREN_CREANCIER
    assert premier.creancier.iban == "FR7630006000011234567890189"
    assert premier.creancier.cle_import == f"siren:{SIREN_CREANCIER}"
    helene = premier.debiteurs[0].partie
    assert (helene.civilite, helene.nom, helene.prenoms) == (
        "Madame",
        "Lefèvre",
        "Hélène Françoise",
    )
    assert helene.date_naissance == date(1975, 3, 12)
    assert helene.categorie_interets == "particulier"
    adresse = helene.adresse_principale
    assert adresse is not None
    assert (adresse.ligne1, adresse.code_postal, adresse.commune, adresse.departement) == (
        "12 rue de l'Église",
        "69003",
        "Lyon",
        "69",
    )
    assert {(c.type, c.valeur) for c in helene.contacts} == {
        ("telephone", "06 12 34 56 78"),
        ("courriel", "helene.lefevre@example.fr"),
    }
    titre = premier.titre_actif
    assert titre is not None
    assert (titre.type, titre.date_titre, titre.juridiction, titre.numero) == (
        "decision_justice",
        date(2025, 1, 15),
        "Tribunal judiciaire de Lyon",
        "24/01234",
    )
    assert titre.date_signification == date(2025, 2, 10)
    assert [(ligne.nature, ligne.montant) for ligne in premier.lignes] == [
        ("principal", Decimal("1234.56")),
        ("article_700", Decimal("800.00")),
        ("depens", Decimal("95.30")),
    ]
    assert all(ligne.titre_id == titre.id for ligne in premier.lignes)
    assert [e.nature for e in sorted(premier.evenements, key=lambda e: e.id)] == [
        "ouverture",
        "titre",
    ]

    # Two lines, one file: two debtors in the order of the lines, bound jointly.
    deuxieme = dossiers["F-2026-002"]
    assert [(d.rang, d.partie.prenoms) for d in deuxieme.debiteurs] == [
        (1, "Jérôme"),
        (2, "Cécile"),
    ]
    assert deuxieme.territoire == "67" and deuxieme.solidaires
    (principal,) = deuxieme.lignes
    assert principal.montant == Decimal("12000.00")
    assert principal.mode_interets == "conventionnel"
    assert principal.taux_conventionnel == Decimal("4.5")
    assert principal.interets_depuis == date(2024, 6, 1)
    adresse_durand = deuxieme.debiteurs[0].partie.adresse_principale
    assert adresse_durand is not None
    assert adresse_durand.ligne1 == "3 place du Marché; bâtiment B"  # quoted ";"

    societe = dossiers["F-2026-003"].debiteurs[0].partie
    assert societe.type == "personne_morale" and societe.siren == "901234567"
    assert societe.denomination == "Boulangerie Œuvre & Fils"
    assert [ligne.montant for ligne in dossiers["F-2026-003"].lignes] == [
        Decimal("987654.32"),
        Decimal("1500.00"),
    ]
    assert dossiers["F-2026-003"].lignes[0].mode_interets == "aucun"

    amiable = dossiers["F-2026-004"]
    assert amiable.nature == "amiable" and amiable.titres == [] and amiable.lignes == []
    assert amiable.territoire == "974"
    assert amiable.debiteurs[0].partie.civilite == "Monsieur"

    assert _compter(etude.moteur, Partie, etude.etude_id) == 6
    assert _compter(etude.moteur, Titre, etude.etude_id) == 3
    assert _compter(etude.moteur, LigneCreance, etude.etude_id) == 6


def test_l_import_est_inscrit_au_journal_d_audit_qui_reste_intact(etude: Contexte) -> None:
    rapport = importer(etude, BON)
    with Session(etude.moteur) as session:
        entree = session.scalars(
            select(EntreeAudit).where(
                EntreeAudit.etude_id == etude.etude_id, EntreeAudit.objet == "import_csv"
            )
        ).one()
        assert entree.utilisateur == "testeur" and entree.operation == "import_csv"
        assert entree.apres is not None
        assert entree.apres["dossiers_crees"] == [d.reference for d in rapport.dossiers_crees]
        assert audit.verifier(session, etude.etude_id).intact


def test_un_fichier_windows_1252_est_lu_avec_ses_accents(etude: Contexte) -> None:
    analyse_1252 = analyser(BON_1252.read_bytes())
    analyse_utf8 = analyser(BON.read_bytes())
    assert analyse_1252.encodage == "windows-1252" and analyse_utf8.encodage == "utf-8"
    assert analyse_1252.dossiers == analyse_utf8.dossiers  # same records, accents included

    importer(etude, BON_1252)
    dossiers = _dossiers(etude.moteur, etude.etude_id)
    helene = dossiers["F-2026-001"].debiteurs[0].partie
    assert (helene.nom, helene.prenoms) == ("Lefèvre", "Hélène Françoise")
    assert dossiers["F-2026-003"].debiteurs[0].partie.denomination == "Boulangerie Œuvre & Fils"
    assert dossiers["F-2026-001"].creancier.denomination == "Crédit Imaginaire de l'Est SA"


def test_un_fichier_utf8_avec_bom_est_accepte() -> None:
    analyse = analyser(b"\xef\xbb\xbf" + BON.read_bytes())
    assert analyse.encodage == "utf-8-sig" and analyse.erreurs == ()
    assert len(analyse.dossiers) == 4


# --- bad files: nothing is imported -------------------------------------------------------


def test_un_fichier_errone_n_importe_rien_et_nomme_chaque_ligne_fautive(
    etude: Contexte,
) -> None:
    audit_avant = _compter(etude.moteur, EntreeAudit)
    with pytest.raises(ImportRefuse) as refus:
        importer(etude, ERRONE)

    erreurs = refus.value.rapport.erreurs
    assert [ligne for ligne, _ in erreurs] == [3, 4, 5, 6, 7, 8, 9]  # line 2 is good
    raisons = dict(erreurs)
    assert "creancier_siren" in raisons[3] and "clé de contrôle" in raisons[3]
    assert "date impossible « 31/02/2025 »" in raisons[4]
    assert "principal" in raisons[5] and "1.234" in raisons[5]
    assert "11 valeurs pour 16 colonnes" in raisons[6]
    assert "taux" in raisons[7] and "conventionnels" in raisons[7]
    assert "nature" in raisons[8] and "saisie" in raisons[8]
    assert "Code postal « 7501 »" in raisons[9]
    assert "ligne 3 :" in str(refus.value) and "rien n'a été importé" in str(refus.value)

    for modele in (Dossier, Partie, Titre, LigneCreance):
        assert _compter(etude.moteur, modele, etude.etude_id) == 0
    assert _compter(etude.moteur, EntreeAudit) == audit_avant


def test_les_numeros_de_ligne_sont_ceux_du_fichier_malgre_lignes_vides_et_champs_multilignes() -> (
    None
):
    texte = (
        "reference_mandant;creancier_siren;creancier_denomination;nature;debiteur_type;"
        "debiteur_nom;observations\n"  # line 1
        f"A;{SIREN_CREANCIER};Créancier;amiable;personne_physique;Un;1 rue A\n"  # 2
        "\n"  # 3: blank, ignored
        f'B;{SIREN_CREANCIER};Créancier;amiable;personne_physique;Deux;"2 rue B\n'  # 4
        'escalier C"\n'  # 5: the same record
        f"C;{SIREN_CREANCIER};Créancier;amiable;personne_physique;;3 rue C\r\n"  # 6
        ";;;;;;\n"  # 7: only separators, ignored
        f"D;{SIREN_CREANCIER};Créancier;amiable;personne_inconnue;Quatre;4 rue D\n"  # 8
    )
    analyse = analyser(texte.encode("utf-8"))
    assert analyse.lignes == 4
    assert [ligne for ligne, _ in analyse.erreurs] == [4, 6, 8]
    assert "retour à la ligne" in analyse.erreurs[0][1]
    assert "debiteur_nom" in analyse.erreurs[1][1]
    assert "personne_inconnue" in analyse.erreurs[2][1]


@pytest.mark.parametrize(
    ("contenu", "attendu"),
    [
        (b"", "fichier vide"),
        (b"\xff\xfer\x00e\x00f\x00", "UTF-16"),
        (b"reference_mandant,creancier_siren,nature\n", "séparateur"),
        (
            b"reference_mandant;creancier_siren;creancier_denomination;nature;debiteur_type;"
            b"debiteur_prenom\n",
            "vouliez-vous dire « debiteur_prenoms »",
        ),
        (b"reference_mandant;nature\nA;amiable\n", "obligatoire(s) absente(s)"),
        (
            b"reference_mandant;creancier_siren;creancier_denomination;nature;debiteur_type;"
            b"nature\n",
            "en double",
        ),
        (
            b"reference_mandant;creancier_siren;creancier_denomination;nature;debiteur_type\n",
            "aucune ligne",
        ),
        (b"reference_mandant;nature\n\x81\x8d;x\n", "ni UTF-8 ni Windows-1252"),
    ],
)
def test_un_fichier_illisible_ou_un_en_tete_faux_est_refuse_en_francais(
    contenu: bytes, attendu: str
) -> None:
    analyse = analyser(contenu)
    assert analyse.dossiers == ()
    assert any(attendu in message for _, message in analyse.erreurs), analyse.erreurs


ENTETE = (
    "reference_mandant;creancier_siren;creancier_denomination;nature;debiteur_type;"
    "debiteur_nom;debiteur_siren;debiteur_date_naissance;titre_type;titre_date;principal;"
    "interets;taux;article_700"
)


@pytest.mark.parametrize(
    ("lignes", "attendu"),
    [
        (
            [
                f"A;{SIREN_CREANCIER};Créancier;amiable;physique;Un;;;;;;;;",
                f"A;{SIREN_CREANCIER};Créancier;judiciaire;physique;Deux;;;;;;;;",
            ],
            "nature : valeur différente de celle de la ligne 2",
        ),
        (
            [
                f"A;{SIREN_CREANCIER};Créancier;amiable;physique;Un;;;;;;;;",
                f"B;{SIREN_CREANCIER};Autre nom;amiable;physique;Deux;;;;;;;;",
            ],
            "creancier_denomination : différent de celui de la ligne 2",
        ),
        (
            [
                f"A;{SIREN_CREANCIER};Créancier;amiable;physique;Un;;01/02/1970;;;;;;",
                "A;;;;physique;Un;;1970-02-01;;;;;;",
            ],
            "débiteur en double",
        ),
        (
            [f"A;{SIREN_CREANCIER};Créancier;amiable;physique;Un;;;;;1 000,00;;;"],
            "titre_type : obligatoire quand un titre ou un montant est donné",
        ),
        (
            [f"A;{SIREN_CREANCIER};Créancier;judiciaire;physique;Un;;;;;;;;"],
            "titre_type : obligatoire pour un dossier judiciaire",
        ),
        (
            [
                f"A;{SIREN_CREANCIER};Créancier;judiciaire;physique;Un;;;decision_justice;"
                "15/01/2025;1,234;;;"
            ],
            "montant ambigu",
        ),
        (
            [
                f"A;{SIREN_CREANCIER};Créancier;judiciaire;physique;Un;;;decision_justice;"
                "15/01/2025;1,23E+05;;;"
            ],
            "non numérique",
        ),
        (
            [
                f"A;{SIREN_CREANCIER};Créancier;judiciaire;physique;Un;;;decision_justice;"
                "15/01/2025;100,00;conventionnel;5,5;"
            ],
            "supérieur à 100 %",
        ),
        (
            [
                f"A;{SIREN_CREANCIER};Créancier;judiciaire;physique;Un;;;decision_justice;"
                "15/01/2025;100,00;legal;5 %;"
            ],
            "taux : seulement avec interets = conventionnel",
        ),
        (
            [
                f"A;{SIREN_CREANCIER};Créancier;judiciaire;physique;Un;;;decision_justice;"
                "15/01/2025;;;;50,00"
            ],
            "principal : obligatoire quand article_700",
        ),
        (
            [
                f"A;{SIREN_CREANCIER};Créancier;judiciaire;physique;Un;;;decision_justice;"
                "15/01/25;100,00;;;"
            ],
            "JJ/MM/AAAA",
        ),
        (
            [
                f"A;{SIREN_CREANCIER};Créancier;judiciaire;physique;Un;;;decision_justice;"
                "15/01/2999;100,00;;;"
            ],
            "année 2999",
        ),
        (
            [f"{'R' * 81};{SIREN_CREANCIER};Créancier;amiable;physique;Un;;;;;;;;"],
            "81 caractères, 80 au plus",
        ),
    ],
)
def test_chaque_regle_du_format_est_verifiee_avec_une_raison_en_francais(
    lignes: list[str], attendu: str
) -> None:
    analyse = analyser("\n".join([ENTETE, *lignes]).encode("utf-8"))
    assert any(attendu in message for _, message in analyse.erreurs), analyse.erreurs
    assert analyse.dossiers == () or len(lignes) > 1


def test_le_creancier_ne_peut_pas_etre_debiteur_du_dossier() -> None:
    texte = (
        "reference_mandant;creancier_siren;creancier_denomination;nature;debiteur_type;"
        f"debiteur_denomination;debiteur_siren\nA;{SIREN_CREANCIER};Créancier;amiable;morale;"
        f"Créancier;{SIREN_CREANCIER}\n"
    )
    analyse = analyser(texte.encode("utf-8"))
    assert analyse.dossiers == ()
    assert analyse.erreurs == ((2, "debiteur_siren : le créancier ne peut pas être son débiteur."),)


def test_dates_iso_et_montants_a_la_francaise_sont_acceptes() -> None:
    ligne = (
        f"A;{SIREN_CREANCIER};Créancier;judiciaire;physique;Un;;;decision_justice;2025-01-15;"
        "1\u202f234\u202f567,89 €;conventionnel;0,035;1.234,50"
    )
    (dossier,) = analyser("\n".join([ENTETE, ligne]).encode("utf-8")).dossiers
    assert dossier.donnees.titre is not None
    principal, article_700 = dossier.donnees.titre.lignes
    assert dossier.donnees.titre.date_titre == date(2025, 1, 15)
    assert principal.montant == Decimal("1234567.89")
    assert principal.taux_conventionnel == Decimal("3.500")
    assert article_700.montant == Decimal("1234.50")


# --- idempotence, dry run, offices ------------------------------------------------------------


def test_reimporter_le_meme_fichier_ne_cree_aucun_doublon(etude: Contexte) -> None:
    premier = importer(etude, BON)
    second = importer(etude, BON_1252)  # the same data, saved by another program

    assert second.dossiers_crees == () and second.parties_creees == 0
    assert second.titres_crees == 0
    assert [(d.reference_mandant, d.reference) for d in second.dossiers_ignores] == [
        (d.reference_mandant, d.reference) for d in premier.dossiers_crees
    ]
    assert _compter(etude.moteur, Dossier, etude.etude_id) == 4
    assert _compter(etude.moteur, Partie, etude.etude_id) == 6


def test_un_nouveau_dossier_ajoute_au_fichier_est_seul_importe(etude: Contexte) -> None:
    importer(etude, BON)
    ajout = (
        f"F-2026-005;{SIREN_CREANCIER};Crédit Imaginaire de l'Est SA;"
        "FR76 3000 6000 0112 3456 7890 189;amiable;personne_physique;Madame;Lefèvre;"
        "Hélène Françoise;;;12/03/1975;12 rue de l'Église;69003;Lyon;;;;;;;;;;;;;\n"
    )
    rapport = importer(etude, BON.read_bytes() + ajout.encode("utf-8"))
    assert [d.reference_mandant for d in rapport.dossiers_crees] == ["F-2026-005"]
    assert len(rapport.dossiers_ignores) == 4
    assert rapport.parties_creees == 0  # same creditor, and Mrs Lefèvre known by birth date
    nouveau = _dossiers(etude.moteur, etude.etude_id)["F-2026-005"]
    ancien = _dossiers(etude.moteur, etude.etude_id)["F-2026-001"]
    assert nouveau.creancier_id == ancien.creancier_id
    assert nouveau.debiteurs[0].partie_id == ancien.debiteurs[0].partie_id


def test_un_creancier_saisi_a_la_main_est_retrouve_par_son_siren(etude: Contexte) -> None:
    from clerc.office.db import executer

    def _creer(session: Session) -> int:
        partie = creer_partie(
            session,
            PartieDonnees(
                type="personne_morale", denomination="CIE (saisi)", siren=SIREN_CREANCIER
            ),
        )
        session.flush()
        return int(partie.id)

    creancier_id = executer(etude, "creer_partie", _creer)
    rapport = importer(etude, BON)
    assert rapport.parties_creees == 5  # the debtors only
    assert {d.creancier_id for d in _dossiers(etude.moteur, etude.etude_id).values()} == {
        creancier_id
    }


def test_la_simulation_annonce_ce_qui_serait_cree_sans_rien_ecrire(etude: Contexte) -> None:
    audit_avant = _compter(etude.moteur, EntreeAudit)
    simulation = importer(etude, BON, simulation=True)

    assert simulation.simulation
    assert len(simulation.dossiers_crees) == 4 and simulation.parties_creees == 6
    assert simulation.titres_crees == 3
    for modele in (Dossier, Partie, Adresse, Contact, Titre, LigneCreance, Evenement):
        assert _compter(etude.moteur, modele, etude.etude_id) == 0
    assert _compter(etude.moteur, EntreeAudit) == audit_avant

    reel = importer(etude, BON)  # and the real import does what the simulation announced
    assert reel.dossiers_crees == simulation.dossiers_crees
    assert reel.parties_creees == simulation.parties_creees


def test_un_refus_des_services_pendant_l_ecriture_est_rapporte_a_sa_ligne_sans_rien_ecrire(
    etude: Contexte, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerc.office.services import dossiers as service_dossiers
    from clerc.rules.erreurs import DonneeInvalide

    vraie = service_dossiers.creer_partie

    def refuser_cecile(session: Session, donnees: PartieDonnees) -> Partie:
        if donnees.prenoms == "Cécile":
            raise DonneeInvalide("Refus du service de test.")
        return vraie(session, donnees)

    monkeypatch.setattr(service_dossiers, "creer_partie", refuser_cecile)
    with pytest.raises(ImportRefuse) as refus:
        importer(etude, BON)
    assert refus.value.rapport.erreurs == ((3, "Refus du service de test."),)  # F-2026-002
    for modele in (Dossier, Partie, Titre):
        assert _compter(etude.moteur, modele, etude.etude_id) == 0


def test_la_simulation_d_un_fichier_errone_liste_aussi_les_erreurs(etude: Contexte) -> None:
    with pytest.raises(ImportRefuse) as refus:
        importer(etude, ERRONE, simulation=True)
    assert refus.value.rapport.simulation and len(refus.value.rapport.erreurs) == 7


def test_chaque_etude_importe_ses_propres_dossiers(etude: Contexte, moteur: Engine) -> None:
    importer(etude, BON)
    autre = creer_etude(moteur, "AUTRE", "Autre étude")
    rapport = importer(autre, BON)
    assert len(rapport.dossiers_crees) == 4 and rapport.parties_creees == 6
    assert _compter(moteur, Dossier, autre.etude_id) == 4
    assert _compter(moteur, Dossier, etude.etude_id) == 4


def test_la_progression_est_annoncee_dossier_par_dossier(etude: Contexte) -> None:
    appels: list[tuple[int, int]] = []
    importer(etude, BON, progression=lambda fait, total: appels.append((fait, total)))
    assert appels == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


# --- an import writes what ouvrir_dossier writes, file by file ------------------------------

_IGNORES = {"id", "etude_id", "cree_le", "modifie_le", "horodatage"}
_CLES = {
    "partie_id": Partie,
    "creancier_id": Partie,
    "dossier_id": Dossier,
    "titre_id": Titre,
}


def _instantane(moteur: Engine, etude_id: int) -> dict[str, list[str]]:
    """Every row of the office, ids replaced by their rank in the office (creation order)."""
    modeles = (Partie, Adresse, Contact, Dossier, DossierDebiteur, Titre, LigneCreance, Evenement)
    with Session(moteur) as session:
        rangs = {
            modele: {
                id_: rang
                for rang, id_ in enumerate(
                    session.scalars(
                        select(modele.id).where(modele.etude_id == etude_id).order_by(modele.id)
                    )
                )
            }
            for modele in (Partie, Dossier, Titre)
        }
        resultat: dict[str, list[str]] = {}
        for modele in modeles:
            lignes = []
            table = modele.__table__
            for ligne in session.execute(
                select(table).where(table.c.etude_id == etude_id)
            ).mappings():
                valeurs = {
                    cle: rangs[_CLES[cle]].get(valeur) if cle in _CLES else valeur
                    for cle, valeur in ligne.items()
                    if cle not in _IGNORES
                }
                lignes.append(json.dumps(valeurs, sort_keys=True, default=str))
            resultat[modele.__tablename__] = sorted(lignes)
        return resultat


def test_l_import_ecrit_les_memes_lignes_que_l_ouverture_dossier_par_dossier(
    etude: Contexte, moteur: Engine
) -> None:
    importer(etude, BON)
    temoin = creer_etude(moteur, "TEMOIN", "Étude témoin")
    for dossier in analyser(BON.read_bytes()).dossiers:
        ouvrir_dossier(temoin, dossier.donnees)

    importe, ouvert = _instantane(moteur, etude.etude_id), _instantane(moteur, temoin.etude_id)
    assert importe.keys() == ouvert.keys()
    for table in importe:
        assert importe[table] == ouvert[table], table
    assert len(importe["evenement"]) == 7


def test_les_valeurs_aux_limites_du_format_entrent_en_base(etude: Contexte) -> None:
    """Every text at its maximum length (characters beyond the BMP included), the largest
    amount and the finest rate fit the columns, on SQLite as on PostgreSQL."""
    long = "𝔘é" * 200
    court = long[:127]  # name and first names share the 255 characters of the search key
    valeurs = {
        "reference_mandant": "R" * 80,
        "creancier_siren": SIREN_CREANCIER,
        "creancier_denomination": long[:255],
        "nature": "judiciaire",
        "debiteur_type": "personne_physique",
        "debiteur_civilite": "Mme",
        "debiteur_nom": court,
        "debiteur_prenoms": court,
        "debiteur_date_naissance": "01/01/1900",
        "debiteur_lieu_naissance": long[:255],
        "debiteur_adresse": long[:255],
        "debiteur_adresse_complement": long[:255],
        "debiteur_code_postal": "97150",
        "debiteur_commune": long[:120],
        "debiteur_telephone": "+33 (0)1 23 45 67 89 00 11 22",
        "debiteur_courriel": "a" * 240 + "@exemple.fr",
        "titre_type": "acte_notarie",
        "titre_date": "2024-02-29",
        "titre_juridiction": long[:255],
        "titre_numero": "N" * 80,
        "titre_date_signification": "01/03/2024",
        "titre_formule_executoire": "oui",
        "titre_execution_provisoire": "sans_objet",
        "principal": "999 999 999 999,99",
        "interets": "conventionnel",
        "taux": "99,9999 %",
        "interets_depuis": "01/01/2000",
        "article_700": "0,01",
        "depens": "1.000.000,00",
        "observations": long[:2000],
    }
    tampon = io.StringIO()
    ecrivain = csv.writer(tampon, delimiter=";", lineterminator="\r\n")
    ecrivain.writerows([list(valeurs), list(valeurs.values())])
    analyse = analyser(tampon.getvalue().encode("utf-8"))
    assert analyse.erreurs == ()

    rapport = importer(etude, tampon.getvalue().encode("utf-8"))
    (dossier,) = _dossiers(etude.moteur, etude.etude_id).values()
    assert dossier.reference == rapport.dossiers_crees[0].reference
    assert dossier.territoire == "978"  # Saint-Martin
    assert dossier.debiteurs[0].partie.nom == court
    assert dossier.creancier.denomination == long[:255]
    assert [ligne.montant for ligne in dossier.lignes] == [
        Decimal("999999999999.99"),
        Decimal("0.01"),
        Decimal("1000000.00"),
    ]
    assert dossier.lignes[0].taux_conventionnel == Decimal("99.9999")


# --- an import killed half way leaves nothing -----------------------------------------------

LANCEUR = (
    "import typer; from clerc.cli.import_csv import importer_commande; typer.run(importer_commande)"
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pseudo-terminal Linux")
def test_un_import_tue_en_cours_de_route_ne_laisse_rien(tmp_path: Path) -> None:
    import pty

    base = tmp_path / "clerc.sqlite3"
    moteur = creer_moteur(f"sqlite:///{base}")
    migrer(moteur)
    creer_etude(moteur, "TEST", "Étude test")
    moteur.dispose()
    fichier = tmp_path / "gros.csv"
    total = 20_000
    fichier.write_text(_gros_fichier(total), encoding="utf-8")
    env = {
        **os.environ,
        "CLERC_DATABASE_URL": f"sqlite:///{base}",
        "CLERC_UTILISATEUR": "testeur",
        "COLUMNS": "120",
        "TERM": "xterm",
    }
    env.pop("CLERC_ETUDE", None)
    maitre, esclave = pty.openpty()  # stderr is a terminal: the progress bar is drawn
    processus = subprocess.Popen(
        [sys.executable, "-c", LANCEUR, str(fichier)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=esclave,
        env=env,
    )
    os.close(esclave)
    vu = b""
    tue_a = None
    try:
        limite = time.monotonic() + 180
        while time.monotonic() < limite and processus.poll() is None:
            prets, _, _ = attente.select([maitre], [], [], 0.5)
            if not prets:
                continue
            try:
                vu += os.read(maitre, 65536)
            except OSError:
                break
            # The bar shows "fait/total": kill once several batches are written, long before
            # the end (the import commits only at the end).
            avances = [
                int(a) for a, b in re.findall(rb"(\d+)/(\d+)", vu[-4000:]) if int(b) == total
            ]
            if any(1_000 <= a < total // 2 for a in avances):
                tue_a = max(avances)
                processus.send_signal(signal.SIGKILL)
                break
    finally:
        if processus.poll() is None and tue_a is None:
            processus.kill()
        processus.wait(timeout=60)
        os.close(maitre)

    sortie = vu.decode("utf-8", errors="replace")[-2000:]
    assert tue_a is not None, sortie
    assert processus.returncode == -signal.SIGKILL, sortie

    moteur = creer_moteur(f"sqlite:///{base}")
    try:
        with moteur.connect() as connexion:
            assert connexion.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        for modele in (Dossier, Partie, Adresse, Titre, LigneCreance, Evenement):
            assert _compter(moteur, modele) == 0, modele.__tablename__
        with Session(moteur) as session:
            assert audit.verifier(session).intact
            assert not session.scalar(
                select(func.count())
                .select_from(EntreeAudit)
                .where(EntreeAudit.objet == "import_csv")
            )
            etude_id = session.scalar(text("SELECT id FROM etude"))
        # The base is not left locked: the next import goes through.
        rapport = importer(Contexte(moteur, int(etude_id), "testeur"), BON)
        assert len(rapport.dossiers_crees) == 4
    finally:
        moteur.dispose()


# --- fuzzing: analyser never raises ---------------------------------------------------------


def _verifier_analyse(octets: bytes) -> None:
    analyse = analyser(octets)
    lignes_physiques = len(re.findall(rb"\r\n|\r|\n", octets)) + 1
    for numero, message in analyse.erreurs:
        assert isinstance(numero, int) and 1 <= numero <= lignes_physiques
        assert isinstance(message, str) and message
    if not analyse.erreurs:
        assert analyse.dossiers
    assert list(analyse.erreurs) == sorted(analyse.erreurs, key=lambda e: e[0])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_des_octets_quelconques_donnent_un_rapport_jamais_une_exception(octets: bytes) -> None:
    _verifier_analyse(octets)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_un_fichier_correct_abime_octet_par_octet_donne_un_rapport(data: st.DataObject) -> None:
    octets = bytearray(BON.read_bytes() if data.draw(st.booleans()) else BON_1252.read_bytes())
    for _ in range(data.draw(st.integers(1, 6))):
        position = data.draw(st.integers(0, len(octets)))
        operation = data.draw(st.sampled_from(["inserer", "supprimer", "remplacer"]))
        morceau = data.draw(
            st.one_of(st.binary(min_size=1, max_size=4), st.sampled_from([b";", b'"', b"\n"]))
        )
        if operation == "inserer":
            octets[position:position] = morceau
        elif operation == "supprimer":
            del octets[position : position + len(morceau)]
        else:
            octets[position : position + len(morceau)] = morceau
    _verifier_analyse(bytes(octets))


# Valid values at the limits of the columns (and a few invalid ones): the database must take
# every value the analysis accepts (lengths, amounts, dates, characters out of the BMP).
_VALEURS_LIMITES = [
    "",
    "0",
    "-1",
    "1,5",
    "NaN",
    "0,01",
    "999 999 999 999,99",
    "1 000 000 000 000,00",
    "01/01/1900",
    "31/12/2100",
    "2024-02-29",
    "oui",
    "non",
    "aucun",
    "conventionnel",
    "99,9999 %",
    "0,000001",
    "97150",
    "20190",
    "personne_morale",
    "Mme",
    "R" * 80,
    "é" * 120,
    "é" * 255,
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀",
    "\u202f",
    "a@b.fr",
    "+33 (0)1 23 45 67 89",
]
_LIGNES_BONNES = list(csv.reader(io.StringIO(BON.read_text(encoding="utf-8")), delimiter=";"))


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    changements=st.lists(
        st.tuples(
            st.integers(1, len(_LIGNES_BONNES) - 1),
            st.integers(0, len(_LIGNES_BONNES[0]) - 1),
            st.one_of(
                st.text(max_size=40),
                st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=300),
                st.sampled_from(_VALEURS_LIMITES),
            ),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_toute_valeur_acceptee_par_l_analyse_est_acceptee_par_la_base(
    etude: Contexte, changements: list[tuple[int, int, str]]
) -> None:
    """Text-level fuzzing: any file ``analyser`` accepts imports (dry run) without error."""
    lignes = [list(ligne) for ligne in _LIGNES_BONNES]
    for numero, colonne, valeur in changements:
        lignes[numero][colonne] = valeur
    tampon = io.StringIO()
    csv.writer(tampon, delimiter=";", lineterminator="\n").writerows(lignes)
    octets = tampon.getvalue().encode("utf-8")
    _verifier_analyse(octets)
    if analyser(octets).erreurs:
        return
    rapport = importer(etude, octets, simulation=True)
    assert rapport.dossiers_crees
