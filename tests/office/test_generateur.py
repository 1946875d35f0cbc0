"""The synthetic office: deterministic, consistent, its traps real (SQLite, PostgreSQL)."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import typer
from schwifty import IBAN
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, selectinload
from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret
from typer.testing import CliRunner

from clerc.cli.generer import generer as commande_generer
from clerc.office import audit, grand_livre
from clerc.office.db import Contexte, creer_moteur, transaction
from clerc.office.erreurs import OperationRefusee
from clerc.office.generateur import PIEGES, UTILISATEURS_DEMO, RapportGeneration, communes, generer
from clerc.office.models import (
    Adresse,
    Base,
    Dossier,
    DossierDebiteur,
    Echeance,
    Etude,
    Evenement,
    LienPartie,
    Partie,
    Piege,
    ProcedureDossier,
    Protection,
    Titre,
    Utilisateur,
)
from clerc.office.models.etude import ROLES
from clerc.office.services import paiements, procedures
from clerc.office.services.dossiers import decompte_de
from clerc.office.services.etudes import contexte as contexte_etude
from clerc.office.validation import departement_du_code_postal
from clerc.rules import tarif
from clerc.rules.dates import ajouter_mois
from clerc.rules.delais import treve_hivernale
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.agenda import echeances
from clerc.rules.procedures.chargement import procedure
from clerc.rules.procedures.formalites import CODES_FORMALITES
from clerc.rules.procedures.moteur import EtapeFaite, verifier_etape
from tests.office.conftest import creer_etude

AU = date(2026, 11, 30)
ALSACE_MOSELLE = {"57", "67", "68"}
# Business tables compared row by row (the audit log holds wall-clock timestamps).
TABLES_METIER = [
    t for t in Base.metadata.sorted_tables if t.name not in {"entree_audit", "chaine_audit"}
]


def _copie_sqlite(modele: Path, chemin: Path) -> Engine:
    shutil.copyfile(modele, chemin)
    return creer_moteur(f"sqlite:///{chemin}")


def _vidage(moteur: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every business row of the database, in id order, as comparable values."""
    with moteur.connect() as connexion:
        return {
            table.name: [
                tuple(
                    json.dumps(v, sort_keys=True) if isinstance(v, dict | list) else v
                    for v in ligne
                )
                for ligne in connexion.execute(table.select().order_by(*table.primary_key.columns))
            ]
            for table in TABLES_METIER
        }


def _principal(dossier: Dossier) -> Decimal:
    return sum(
        (x.montant for x in dossier.lignes if x.nature == "principal" and x.annule_par_id is None),
        Decimal(0),
    )


@pytest.fixture
def session_lecture() -> Iterator[Any]:
    """Open sessions acting for the generated office (closed at the end of the test)."""
    ouvertes: list[Any] = []

    def ouvrir(moteur: Engine, rapport: RapportGeneration) -> Session:
        contexte = transaction(Contexte(moteur, rapport.etude_id, "testeur"), "lire")
        ouvertes.append(contexte)
        return contexte.__enter__()

    yield ouvrir
    for contexte in reversed(ouvertes):
        contexte.__exit__(None, None, None)


def _dossiers(session: Session) -> list[Dossier]:
    return list(
        session.scalars(
            select(Dossier)
            .order_by(Dossier.id)
            .options(
                selectinload(Dossier.lignes),
                selectinload(Dossier.paiements),
                selectinload(Dossier.titres),
                selectinload(Dossier.evenements),
                selectinload(Dossier.debiteurs).selectinload(DossierDebiteur.partie),
            )
        )
    )


# --- determinism ------------------------------------------------------------------------------


def test_meme_graine_et_meme_date_donnent_les_memes_lignes(
    moteur: Engine, modele_sqlite: Path, tmp_path: Path
) -> None:
    autre = _copie_sqlite(modele_sqlite, tmp_path / "autre.sqlite3")
    try:
        generer(moteur, dossiers=120, graine=7, au=AU)
        generer(autre, dossiers=120, graine=7, au=AU)
        premier, second = _vidage(moteur), _vidage(autre)
    finally:
        autre.dispose()
    assert premier["dossier"], "rien n'a été généré"
    for table in premier:
        assert premier[table] == second[table], f"table {table} différente"


def test_une_autre_graine_ou_une_autre_date_donnent_une_autre_etude(
    modele_sqlite: Path, tmp_path: Path
) -> None:
    moteurs = [_copie_sqlite(modele_sqlite, tmp_path / f"b{i}.sqlite3") for i in range(3)]
    try:
        generer(moteurs[0], dossiers=40, graine=1, au=AU)
        generer(moteurs[1], dossiers=40, graine=2, au=AU)
        generer(moteurs[2], dossiers=40, graine=1, au=AU - timedelta(days=400))
        vidages = [_vidage(m) for m in moteurs]
    finally:
        for m in moteurs:
            m.dispose()
    assert vidages[0]["partie"] != vidages[1]["partie"]
    assert vidages[0]["dossier"] != vidages[1]["dossier"]
    assert vidages[0]["dossier"] != vidages[2]["dossier"]


# --- consistency ------------------------------------------------------------------------------


def test_l_etude_generee_est_coherente(moteur: Engine, session_lecture: Any) -> None:
    rapport = generer(moteur, dossiers=300, graine=1, au=AU)
    assert rapport.etude_code == "DEMO" and rapport.dossiers == 300
    assert rapport.lignes["dossier"] == 300
    session = session_lecture(moteur, rapport)
    dossiers = _dossiers(session)
    assert len(dossiers) == 300
    pieges = {p.dossier_id for p in session.scalars(select(Piege))}

    # Every file's décompte computes at ``au``; nothing was overpaid; a paid file owes nothing.
    for dossier in dossiers:
        decompte = decompte_de(dossier, AU)
        assert decompte.trop_percu == 0, dossier.reference
        if dossier.motif_cloture == "paye":
            assert decompte.total == 0, dossier.reference
        assert all(p.date <= AU for p in dossier.paiements)
        dates = [e.date for e in sorted(dossier.evenements, key=lambda e: e.id)]
        assert dates == sorted(dates) and dates[-1] <= AU, dossier.reference
        if dossier.statut == "clos":
            assert dossier.clos_le is not None and dossier.clos_le <= AU
            assert grand_livre.solde_creancier(session, dossier.id) == 0
        if dossier.motif_cloture == "irrecouvrable":
            assert "irrécouvrabilité" in (dossier.certificat_irrecouvrabilite or "")
        # Funds are held beyond the R444-56 delay only in the files where it is the trap.
        if dossier.id not in pieges:
            assert not any(
                f.en_retard(AU) for f in grand_livre.fonds_detenus(session, dossier.id, AU)
            )

    # Third-party funds: balanced, no creditor balance below zero.
    assert grand_livre.balance(session).equilibree

    # Every nature of file and every type of title appears.
    assert {d.nature for d in dossiers} >= {
        "judiciaire", "injonction_payer", "amiable", "expulsion", "signification",
        "petites_creances", "conservatoire",
    }  # fmt: skip
    types = {t.type for d in dossiers for t in d.titres}
    attendus = {
        "decision_justice", "ordonnance_injonction_payer", "accord_homologue",
        "decision_etrangere", "sentence_arbitrale", "pv_conciliation", "acte_notarie",
        "convention_divorce", "certificat_non_paiement_cheque", "titre_personne_publique",
        "accord_contresigne_avocats", "titre_petites_creances",
    }  # fmt: skip
    assert types >= attendus
    assert {d.motif_cloture for d in dossiers} >= {"paye", "irrecouvrable", "retire"}

    # Identifiers: SIREN, SIRET and IBAN (with the French RIB key) are valid.
    parties = list(session.scalars(select(Partie)))
    assert any(p.siren for p in parties) and any(p.iban for p in parties)
    for partie in parties:
        if partie.siren:
            assert stdnum_siren.is_valid(partie.siren), partie.siren
        if partie.siret:
            assert stdnum_siret.is_valid(partie.siret) and partie.siret.startswith(
                partie.siren or ""
            )
        if partie.iban:
            IBAN(partie.iban, validate_bban=True)
    etude = session.scalars(select(Etude)).one()
    assert etude.siret is not None and stdnum_siret.is_valid(etude.siret)

    # Addresses: real communes with their postcode and department.
    reelles = {(c.nom, c.code_postal, c.departement) for c in communes()}
    for adresse in session.scalars(select(Adresse)):
        assert (adresse.commune, adresse.code_postal, adresse.departement) in reelles

    # The cost of each act is the tariff's (clerc.rules.tarif.cout_acte) on the act's date.
    codes = {a.numero: a.code for a in tarif.liste_actes()}
    for dossier in dossiers:
        if any(t.remplace_par_id is not None for t in dossier.titres):
            continue  # acts before the replacement were priced on the former principal
        dep = False
        territoire = dossier.territoire if dossier.territoire.startswith("97") else "metropole"
        for ligne in sorted(dossier.lignes, key=lambda x: (x.date, x.id)):
            if ligne.nature != "acte":
                continue
            assert ligne.numero_tarif is not None
            cout = tarif.cout_acte(
                codes[ligne.numero_tarif], ligne.date, _principal(dossier),
                dep_deja_percu=dep, territoire=territoire,
            )  # fmt: skip
            assert ligne.montant == cout.total_ttc, (dossier.reference, ligne.libelle)
            dep = dep or cout.dep_ht > 0

    # One user per role, with the documented logins; the client sees one creditor.
    utilisateurs = {u.identifiant: u for u in session.scalars(select(Utilisateur))}
    assert {login: u.role for login, u in utilisateurs.items()} == UTILISATEURS_DEMO
    assert set(UTILISATEURS_DEMO.values()) == set(ROLES)
    assert utilisateurs["demo-creancier"].creancier_id is not None
    assert rapport.identifiants == UTILISATEURS_DEMO

    # One audit entry records the generation; the chain verifies.
    verification = audit.verifier(session, rapport.etude_id)
    assert verification.intact, verification.anomalies
    assert verification.entrees == 2  # creation of the office, then the bulk generation


# --- traps ------------------------------------------------------------------------------------


def _actes(dossier: Dossier) -> list[Evenement]:
    return [e for e in dossier.evenements if e.nature in {"cout_acte", "acte"}]


def _activite_apres(dossier: Dossier, jour: date) -> bool:
    return any(e.date >= jour for e in _actes(dossier)) or any(
        p.date >= jour for p in dossier.paiements
    )


def test_chaque_piege_est_enregistre_et_reellement_un_piege(
    moteur: Engine, session_lecture: Any
) -> None:
    rapport = generer(moteur, dossiers=300, graine=1, au=AU)
    assert set(rapport.pieges) == set(PIEGES)
    session = session_lecture(moteur, rapport)
    dossiers = {d.id: d for d in _dossiers(session)}
    pieges = list(session.scalars(select(Piege).order_by(Piege.id)))
    assert Counter(p.code for p in pieges) == Counter(rapport.pieges)
    assert 0.08 * 300 <= len({p.dossier_id for p in pieges}) <= 0.22 * 300
    protections = {p.partie_id: p for p in session.scalars(select(Protection))}
    liens = list(session.scalars(select(LienPartie)))
    for piege in pieges:
        dossier = dossiers[piege.dossier_id]
        debiteur = dossier.debiteurs[0].partie
        d = piege.details
        assert piege.description and dossier.statut == "en_cours"
        if piege.code == "titre_prescrit":
            titre = session.get(Titre, d["titre_id"])
            assert titre is not None and titre.type == "decision_justice"
            assert titre.date_signification is not None
            depart = max(titre.date_signification, titre.date_force_executoire or date.min)
            assert ajouter_mois(depart, 120) < AU
            assert titre.date_titre < ajouter_mois(AU, -120)
            assert not _activite_apres(dossier, titre.date_signification)
        elif piege.code == "jugement_non_signifie":
            titre = session.get(Titre, d["titre_id"])
            assert titre is not None and titre.type == "decision_justice"
            assert titre.date_signification is None
            assert any(e.details.get("acte") == "pv_saisie_attribution" for e in _actes(dossier))
        elif piege.code in {"liquidation_judiciaire", "surendettement"}:
            protection = protections[debiteur.id]
            nature = (
                "liquidation_judiciaire"
                if piege.code == "liquidation_judiciaire"
                else "surendettement_recevabilite"
            )
            assert protection.nature == nature and protection.depuis is not None
            assert not _activite_apres(dossier, protection.depuis)
            if piege.code == "liquidation_judiciaire":
                assert debiteur.type == "personne_morale"
                assert any(
                    x.partie_id == debiteur.id and x.nature == "liquidateur"
                    and x.autre_partie_id == d["liquidateur_id"]
                    for x in liens
                )  # fmt: skip
        elif piege.code == "debiteur_decede":
            assert debiteur.decede_le is not None and debiteur.decede_le <= AU
            heritiers = {
                x.autre_partie_id
                for x in liens
                if x.partie_id == debiteur.id and x.nature == "heritier"
            }
            assert heritiers and heritiers == set(d["heritiers"])
            assert not _activite_apres(dossier, debiteur.decede_le)
        elif piege.code == "treve_hivernale":
            assert dossier.nature == "expulsion"
            (programmee,) = [e for e in dossier.evenements if e.nature == "expulsion_programmee"]
            prevue = date.fromisoformat(programmee.details["date_prevue"])
            assert treve_hivernale(prevue) is not None
            assert prevue.month in {11, 12, 1, 2, 3}
        elif piege.code == "alsace_moselle":
            assert dossier.territoire in ALSACE_MOSELLE
            assert debiteur.adresse_principale is not None
            assert debiteur.adresse_principale.departement == dossier.territoire
        elif piege.code == "creance_inferieure_535":
            assert _principal(dossier) < 535 and debiteur.type == "personne_physique"
            assert any(e.details.get("acte") == "pv_saisie_vente" for e in _actes(dossier))
        elif piege.code == "injonction_non_signifiee_6_mois":
            (titre,) = dossier.titres
            assert titre.type == "ordonnance_injonction_payer"
            assert titre.date_signification is None
            assert ajouter_mois(titre.date_titre, d["delai_mois"]) < AU
        elif piege.code == "fonds_detenus_trop_longtemps":
            retards = [
                f for f in grand_livre.fonds_detenus(session, dossier.id, AU) if f.en_retard(AU)
            ]
            assert retards and retards[0].date_limite.isoformat() == d["date_limite"]
        elif piege.code == "majeur_protege":
            protection = protections[debiteur.id]
            assert protection.nature in {"tutelle", "curatelle", "curatelle_renforcee"}
            role = "tuteur" if protection.nature == "tutelle" else "curateur"
            assert any(x.partie_id == debiteur.id and x.nature == role for x in liens)
        elif piege.code == "creance_alimentaire":
            (titre,) = dossier.titres
            assert titre.creance_alimentaire and "affaires familiales" in (titre.juridiction or "")
            assert "entretien et à l'éducation des enfants" in titre.observations
            assert dossier.creancier.type == "personne_physique"
            mensualite = Decimal(d["mensualite"])
            assert _principal(dossier) == mensualite * d["mois_impayes"] == Decimal(d["arriere"])
            assert titre.date_titre < date.fromisoformat(d["premiere_echeance"])
            assert date.fromisoformat(d["derniere_echeance"]) < dossier.ouvert_le
            assert any(c.type == "employeur" for c in debiteur.contacts)
        elif piege.code == "solde_bancaire_insaisissable":
            assert debiteur.type == "personne_physique"
            assert [c.valeur for c in debiteur.contacts if c.type == "banque"] == [d["banque"]]
            assert Decimal(d["solde"]) < Decimal(d["solde_bancaire_insaisissable"])
            (declaration,) = [
                e for e in dossier.evenements if e.nature == "declaration_tiers_saisi"
            ]
            assert declaration.date.isoformat() == d["saisie_le"]
            assert declaration.details["solde"] == d["solde"]
            assert any(
                e.details.get("acte") == "pv_saisie_attribution" and e.date == declaration.date
                for e in _actes(dossier)
            )
        else:  # pragma: no cover
            pytest.fail(f"piège inconnu {piege.code}")

    # The other files hide none of these situations.
    for dossier in dossiers.values():
        if dossier.id in {p.dossier_id for p in pieges}:
            continue
        assert dossier.territoire not in ALSACE_MOSELLE
        assert not any(t.creance_alimentaire for t in dossier.titres)
        assert not any(e.nature == "declaration_tiers_saisi" for e in dossier.evenements)
        for lien in dossier.debiteurs:
            assert lien.partie.decede_le is None and lien.partie_id not in protections
        for titre in dossier.titres:
            if titre.type in {"decision_justice", "ordonnance_injonction_payer"}:
                assert titre.date_signification is not None, dossier.reference
                assert ajouter_mois(titre.date_signification, 120) > AU
        if _principal(dossier) < 535:
            assert not any(e.details.get("acte") == "pv_saisie_vente" for e in _actes(dossier))
        for evenement in dossier.evenements:
            if evenement.nature == "expulsion_programmee":
                assert treve_hivernale(date.fromisoformat(evenement.details["date_prevue"])) is None


# --- refusals and replacement -----------------------------------------------------------------


def test_une_base_contenant_une_etude_est_refusee_sauf_avec_remplacer(
    moteur: Engine, session_lecture: Any
) -> None:
    creer_etude(moteur, "TEST", "Étude test")
    with pytest.raises(OperationRefusee, match="base vide"):
        generer(moteur, dossiers=10, au=AU)
    generer(moteur, dossiers=25, graine=3, au=AU, remplacer=True)
    with pytest.raises(OperationRefusee, match="--remplacer"):
        generer(moteur, dossiers=10, au=AU)
    rapport = generer(moteur, dossiers=30, graine=4, au=AU, remplacer=True)
    session = session_lecture(moteur, rapport)
    assert [e.code for e in session.scalars(select(Etude))] == ["DEMO"]
    assert len(session.scalars(select(Dossier)).all()) == 30
    assert audit.verifier(session).intact
    # Ids continue from the sequences: a row added afterwards gets a fresh id.
    session.add(Partie(type="personne_physique", nom="NOUVEAU"))
    session.flush()


def test_les_entrees_impossibles_sont_refusees_en_francais(moteur: Engine) -> None:
    with pytest.raises(DonneeInvalide, match="au moins un dossier"):
        generer(moteur, dossiers=0)
    with pytest.raises(DonneeInvalide, match="trop ancienne"):
        generer(moteur, dossiers=5, au=date(2015, 1, 1))


def test_la_liste_des_communes_est_reelle_et_couvre_tous_les_territoires() -> None:
    liste = communes()
    assert 150 <= len(liste) <= 300
    for commune in liste:
        assert departement_du_code_postal(commune.code_postal) == commune.departement
    departements = {c.departement for c in liste}
    assert departements >= {"2A", "2B", "57", "67", "68", "971", "972", "973", "974", "976", "75"}
    assert len(departements) == 101


# --- command line ----------------------------------------------------------------------------

app = typer.Typer()
app.command("generer")(commande_generer)


@app.callback()
def _racine() -> None:
    """clerc (application réduite à la commande generer, pour les tests)."""


def test_la_commande_generer_ecrit_l_etude_puis_refuse_une_base_pleine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLERC_DATABASE_URL", f"sqlite:///{tmp_path / 'clerc.sqlite3'}")
    monkeypatch.setenv("CLERC_UTILISATEUR", "testeur")
    runner = CliRunner()
    resultat = runner.invoke(
        app, ["generer", "--dossiers", "20", "--graine", "5", "--au", "2026-11-30", "--json"]
    )
    assert resultat.exit_code == 0, resultat.output
    donnees = json.loads(resultat.stdout)
    assert donnees["etude"] == "DEMO" and donnees["lignes"]["dossier"] == 20
    assert donnees["identifiants"] == UTILISATEURS_DEMO
    resultat = runner.invoke(app, ["generer", "--dossiers", "20", "--au", "2026-11-30"])
    assert resultat.exit_code == 2
    assert "--remplacer" in resultat.stderr
    resultat = runner.invoke(
        app, ["generer", "--dossiers", "15", "--au", "2026-11-30", "--remplacer"]
    )
    assert resultat.exit_code == 0, resultat.output
    assert "demo-commissaire" in resultat.stdout and "Pièges" in resultat.stdout
    resultat = runner.invoke(app, ["generer", "--dossiers", "5", "--au", "30/02/2026"])
    assert resultat.exit_code == 2 and "date impossible" in resultat.stderr
    resultat = runner.invoke(app, ["generer", "--dossiers", "0"])
    assert resultat.exit_code == 2 and "au moins un dossier" in resultat.stderr


def _rejouer(moteur: Engine) -> list[ProcedureDossier]:
    """Replay every generated procedure step by step: the engine accepts each step on its date
    (order, windows, day and hour of service: CPC 664, CPCE L141-1), every served step says how
    it was served (the CPC 658/659 letters follow from it), and the stored status and agenda
    items are those the engine gives after the last step. Returns the procedures."""
    with Session(moteur) as session:
        procedures_ = list(
            session.scalars(
                select(ProcedureDossier).options(selectinload(ProcedureDossier.etapes))
            ).all()
        )
        territoires = dict(session.execute(select(Dossier.id, Dossier.territoire)).all())
        nombre_echeances = session.scalar(
            select(func.count()).select_from(Echeance).where(Echeance.procedure_id.is_not(None))
        )
    attendues = 0
    for procedure_ in procedures_:
        loi = procedure(procedure_.code, procedure_.demarree_le)
        assert loi.version == procedure_.version
        territoire = territoires[procedure_.dossier_id]
        faites: list[EtapeFaite] = []
        for etape in procedure_.etapes:
            if etape.code in CODES_FORMALITES:
                continue
            if loi.etape(etape.code).signifiee:
                assert etape.mode and etape.heure, (procedure_.code, etape.code)
            nouvelle = EtapeFaite(etape.code, etape.jour, etape.heure, etape.mode)
            verifier_etape(loi, tuple(faites), nouvelle, territoire)
            faites.append(nouvelle)
        toutes = tuple(EtapeFaite(e.code, e.jour, e.heure, e.mode) for e in procedure_.etapes)
        etat_, elements = echeances(loi, toutes, max(e.jour for e in toutes), territoire)
        if procedure_.statut == "abandonnee":
            assert etat_.statut == "en_cours"
        elif procedure_.statut == "caduque" and etat_.statut == "en_cours":
            # Lapsed since its last step, as the office's daily check records it on AU: the
            # letters still owed and the lapse to deal with.
            etat_au, elements_au = echeances(loi, toutes, AU, territoire)
            assert etat_au.statut == "caduque" and procedure_.motif == etat_au.motif
            attendues += len([e for e in elements_au if e.etape in CODES_FORMALITES]) + 1
        else:
            assert procedure_.statut == etat_.statut
            attendues += len(elements)
    assert nombre_echeances == attendues
    return procedures_


def test_chaque_procedure_generee_est_un_parcours_valide(moteur: Engine) -> None:
    # Issue 4 §4: the synthetic office walks its procedures with the engine.
    generer(moteur, dossiers=300, graine=1, au=AU)
    with Session(moteur) as session:
        fonds_a_l_agenda = sorted(
            session.execute(
                select(Echeance.dossier_id, Echeance.date_limite).where(
                    Echeance.procedure_id.is_(None)
                )
            ).all()
        )
    assert len(_rejouer(moteur)) > 50
    # The generated office is as the daily check of lapses leaves it: nothing new to record.
    assert procedures.constater_caducites(contexte_etude(moteur, "DEMO", "test"), AU) == []
    # The funds still held at AU are on the agenda with their R444-56 date, as the office
    # computes them from its ledger.
    contexte_ = contexte_etude(moteur, "DEMO", "test")
    with Session(moteur) as session:
        ids = dict(session.execute(select(Dossier.reference, Dossier.id)).all())
    attendus = sorted(
        (ids[a.reference], a.fonds.date_limite) for a in paiements.fonds_detenus(contexte_, AU)
    )
    assert fonds_a_l_agenda == attendus and attendus


def test_chaque_procedure_simulee_est_parcourue_avec_le_moteur_sans_delai_manque(
    modele_sqlite: Path, tmp_path: Path
) -> None:
    # Issue 4: every procedure the synthetic office simulates (enforcement, service of the
    # title, order for payment in each of its versions, expulsion, amicable recovery, small
    # and commercial claims, conservatory seizure) is a walk the engine replays; no file
    # without a trap misses a deadline of the étude that carries a sanction.
    moteur = _copie_sqlite(modele_sqlite, tmp_path / "etude.sqlite3")
    generer(moteur, dossiers=2000, graine=1, au=AU)
    procedures_ = _rejouer(moteur)
    codes = Counter(p.code for p in procedures_)
    assert set(codes) == {
        "saisie_attribution", "saisie_remunerations", "saisie_vente", "signification_titre",
        "injonction_de_payer", "expulsion", "recouvrement_amiable", "petites_creances",
        "saisie_conservatoire", "creances_commerciales_incontestees",
    }, codes  # fmt: skip
    assert {p.version for p in procedures_ if p.code == "injonction_de_payer"} == {
        "avant-2022",
        "2022-03-01",
        "2026-09-01",
    }  # CPC 1411, 1422: the version of the ordonnance's date
    # Walks reach their end: the sale's price paid out, the title issued, the expulsion done,
    # the first measure after the service of the judgment or of the order.
    terminees = {(p.code, p.statut) for p in procedures_}
    for code in codes:
        assert (code, "terminee") in terminees, code
    with Session(moteur) as session:
        pieges = set(session.scalars(select(Piege.dossier_id)))
        manquees = session.execute(
            select(Dossier.reference, Echeance.etape, Echeance.date_limite).where(
                Echeance.dossier_id == Dossier.id,
                Echeance.procedure_id.is_not(None),
                Echeance.tenu_par == "etude",
                Echeance.sanction.is_not(None),
                Echeance.date_limite < AU,
                Dossier.id.not_in(sorted(pieges)),
            )
        ).all()
    assert not manquees
    assert not [p for p in procedures_ if p.statut == "caduque" and p.dossier_id not in pieges]
