"""Backup and restore: one file gives back every row and an intact audit log."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from clerc.office import audit
from clerc.office.db import Contexte, base_vide, migrer, schema_a_jour, transaction
from clerc.office.erreurs import ErreurOffice, Introuvable, OperationRefusee
from clerc.office.models import EntreeAudit, Partie
from clerc.office.sauvegarde import restaurer, sauvegarder
from tests.office.conftest import FabriqueBases


def _creer_partie(contexte: Contexte, nom: str) -> int:
    with transaction(contexte, "creer_partie") as session:
        partie = Partie(type="personne_physique", nom=nom)
        session.add(partie)
        session.flush()
        return partie.id


def _noms(contexte: Contexte) -> list[str]:
    with transaction(contexte, "lister") as session:
        return sorted(session.scalars(select(Partie.nom)))


def _journal(moteur: Engine) -> list[tuple[int | None, int, str]]:
    with Session(moteur) as session:
        return [
            (e.etude_id, e.rang, e.empreinte)
            for e in session.scalars(select(EntreeAudit).order_by(EntreeAudit.id))
        ]


def _verification(moteur: Engine) -> audit.ResultatVerification:
    with Session(moteur) as session:
        return audit.verifier(session)


def test_restaurer_une_sauvegarde_rend_les_donnees_et_un_journal_intact(
    etude: Contexte, tmp_path: Path
) -> None:
    dupont = _creer_partie(etude, "DUPONT")
    _creer_partie(etude, "MARTIN")
    journal = _journal(etude.moteur)
    fichier = sauvegarder(etude.moteur, tmp_path / "clerc.sauvegarde")
    assert fichier.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []

    with transaction(etude, "modifier_partie") as session:
        partie = session.get(Partie, dupont)
        assert partie is not None
        session.delete(partie)
    _creer_partie(etude, "INTRUS")
    assert _noms(etude) == ["INTRUS", "MARTIN"]

    restaurer(etude.moteur, fichier, remplacer=True)

    assert _noms(etude) == ["DUPONT", "MARTIN"]
    assert _journal(etude.moteur) == journal
    assert _verification(etude.moteur).intact
    assert schema_a_jour(etude.moteur)
    # The restored database goes on: new ids and audit ranks follow the restored ones.
    assert _creer_partie(etude, "APRES") > dupont
    resultat = _verification(etude.moteur)
    assert resultat.intact, resultat.anomalies
    assert resultat.entrees == len(journal) + 1


def test_restaurer_dans_une_base_neuve_par_son_url(
    etude: Contexte, bases_vierges: FabriqueBases, tmp_path: Path
) -> None:
    moteur_vierge = bases_vierges(etude.moteur.dialect.name)
    _creer_partie(etude, "DUPONT")
    fichier = sauvegarder(etude.moteur, tmp_path / "clerc.sauvegarde")

    restaurer(moteur_vierge.url.render_as_string(hide_password=False), fichier)

    copie = Contexte(moteur_vierge, etude.etude_id, "testeur")
    assert _noms(copie) == ["DUPONT"]
    assert _journal(moteur_vierge) == _journal(etude.moteur)
    assert _verification(moteur_vierge).intact


def test_une_sauvegarde_remplace_le_fichier_precedent(etude: Contexte, tmp_path: Path) -> None:
    fichier = tmp_path / "clerc.sauvegarde"
    fichier.write_bytes(b"ancienne")

    sauvegarder(etude.moteur, fichier)

    assert fichier.read_bytes() != b"ancienne"


def test_restaurer_sur_une_base_qui_a_des_donnees_est_refuse_sans_remplacer(
    etude: Contexte, tmp_path: Path
) -> None:
    fichier = sauvegarder(etude.moteur, tmp_path / "clerc.sauvegarde")
    _creer_partie(etude, "RECENT")

    with pytest.raises(OperationRefusee, match="contient déjà des données"):
        restaurer(etude.moteur, fichier)

    assert _noms(etude) == ["RECENT"]


def test_restaurer_un_fichier_qui_n_est_pas_une_sauvegarde_est_refuse(
    moteur: Engine, tmp_path: Path
) -> None:
    fichier = tmp_path / "notes.txt"
    fichier.write_text("ceci n'est pas une sauvegarde", encoding="utf-8")

    with pytest.raises(OperationRefusee, match="n'est pas une sauvegarde clerc"):
        restaurer(moteur, fichier)
    assert base_vide(moteur)


def test_restaurer_une_base_sqlite_etrangere_est_refuse(tmp_path: Path) -> None:
    import sqlite3

    etrangere = tmp_path / "autre.sqlite3"
    connexion = sqlite3.connect(etrangere)
    connexion.execute("CREATE TABLE t (x)")
    connexion.commit()
    connexion.close()

    with pytest.raises(OperationRefusee, match="tables de clerc absentes"):
        restaurer(f"sqlite:///{tmp_path / 'cible.sqlite3'}", etrangere)


def test_restaurer_un_fichier_absent_est_refuse(moteur: Engine, tmp_path: Path) -> None:
    with pytest.raises(Introuvable, match="n'existe pas"):
        restaurer(moteur, tmp_path / "absent.sauvegarde")


def test_une_sauvegarde_ne_se_restaure_que_sur_le_meme_moteur(
    etude: Contexte, bases_vierges: FabriqueBases, tmp_path: Path
) -> None:
    fichier = sauvegarder(etude.moteur, tmp_path / "clerc.sauvegarde")
    source, cible = (
        ("SQLite", "postgresql")
        if etude.moteur.dialect.name == "sqlite"
        else (
            "PostgreSQL",
            "sqlite",
        )
    )
    autre = bases_vierges(cible)

    with pytest.raises(OperationRefusee, match=f"est une sauvegarde {source}, la base cible"):
        restaurer(autre, fichier)
    assert base_vide(autre)


def test_sauvegarder_une_base_jamais_initialisee_est_refuse(
    moteur_vierge: Engine, tmp_path: Path
) -> None:
    with pytest.raises(OperationRefusee, match="pas de schéma clerc"):
        sauvegarder(moteur_vierge, tmp_path / "clerc.sauvegarde")
    assert list(tmp_path.glob("*.sauvegarde*")) == []


def test_sauvegarder_dans_un_dossier_absent_est_refuse(moteur: Engine, tmp_path: Path) -> None:
    with pytest.raises(ErreurOffice, match="n'existe pas"):
        sauvegarder(moteur, tmp_path / "absent" / "clerc.sauvegarde")


def test_une_base_restauree_depuis_une_sauvegarde_ancienne_est_migree(
    moteur_vierge: Engine, tmp_path: Path
) -> None:
    migrer(moteur_vierge)
    fichier = sauvegarder(moteur_vierge, tmp_path / "clerc.sauvegarde")

    restaurer(moteur_vierge, fichier)

    assert schema_a_jour(moteur_vierge)
