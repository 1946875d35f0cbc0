"""The audit log: who changed what (before, after), hash-chained per office, and its check."""

from __future__ import annotations

from sqlalchemy import JSON, Engine, bindparam, delete, select, text
from sqlalchemy.orm import Session

from clerc.office import audit
from clerc.office.db import Contexte, transaction
from clerc.office.models import EntreeAudit, Partie
from tests.office.conftest import creer_etude


def _creer_partie(contexte: Contexte, nom: str) -> int:
    with transaction(contexte, "creer_partie") as session:
        partie = Partie(type="personne_physique", nom=nom, prenoms="Jean")
        session.add(partie)
        session.flush()
        return partie.id


def _renommer(contexte: Contexte, partie_id: int, nom: str) -> None:
    with transaction(contexte, "modifier_partie") as session:
        partie = session.get(Partie, partie_id)
        assert partie is not None
        partie.nom = nom


def _entrees(moteur: Engine, etude_id: int) -> list[EntreeAudit]:
    with Session(moteur) as session:
        return list(
            session.scalars(
                select(EntreeAudit)
                .where(EntreeAudit.etude_id == etude_id)
                .order_by(EntreeAudit.rang)
            )
        )


def _verifier(moteur: Engine, etude_id: int | None = None) -> audit.ResultatVerification:
    with Session(moteur) as session:
        return audit.verifier(session, etude_id)


def _journal_de_six_entrees(contexte: Contexte) -> None:
    """Office creation (1), then five changes: ranks 2 to 6."""
    partie_id = _creer_partie(contexte, "DUPONT")
    for nom in ("DURAND", "MARTIN", "BERNARD", "PETIT"):
        _renommer(contexte, partie_id, nom)
    assert [e.rang for e in _entrees(contexte.moteur, contexte.etude_id)] == [1, 2, 3, 4, 5, 6]


def _executer_sql(moteur: Engine, instruction: str, **parametres: object) -> None:
    """Tamper with the database directly, as someone bypassing clerc would."""
    with moteur.begin() as connexion:
        connexion.execute(text(instruction), parametres)


def test_la_creation_d_une_etude_ouvre_sa_chaine_au_rang_un(etude: Contexte) -> None:
    (entree,) = _entrees(etude.moteur, etude.etude_id)
    assert (entree.rang, entree.action, entree.objet) == (1, "creation", "etude")
    assert entree.empreinte_precedente == audit.EMPREINTE_INITIALE
    assert entree.apres is not None and entree.apres["code"] == "TEST"


def test_creer_une_partie_journalise_qui_quoi_et_les_valeurs_creees(etude: Contexte) -> None:
    partie_id = _creer_partie(etude, "DUPONT")

    entree = _entrees(etude.moteur, etude.etude_id)[-1]
    assert entree.utilisateur == "testeur"
    assert entree.operation == "creer_partie"
    assert (entree.action, entree.objet, entree.objet_id) == ("creation", "partie", str(partie_id))
    assert entree.avant is None
    assert entree.apres is not None
    assert entree.apres["nom"] == "DUPONT"
    assert entree.apres["etude_id"] == etude.etude_id
    assert entree.horodatage.utcoffset() is not None


def test_modifier_une_partie_journalise_les_valeurs_avant_et_apres(etude: Contexte) -> None:
    partie_id = _creer_partie(etude, "DUPONT")
    _renommer(etude, partie_id, "DURAND")

    entree = _entrees(etude.moteur, etude.etude_id)[-1]
    assert (entree.action, entree.objet_id, entree.operation) == (
        "modification",
        str(partie_id),
        "modifier_partie",
    )
    assert entree.avant == {"nom": "DUPONT"}
    assert entree.apres == {"nom": "DURAND"}


def test_supprimer_une_partie_journalise_ses_dernieres_valeurs(etude: Contexte) -> None:
    partie_id = _creer_partie(etude, "DUPONT")
    with transaction(etude, "supprimer_partie") as session:
        partie = session.get(Partie, partie_id)
        assert partie is not None
        session.delete(partie)

    entree = _entrees(etude.moteur, etude.etude_id)[-1]
    assert (entree.action, entree.objet_id) == ("suppression", str(partie_id))
    assert entree.avant is not None and entree.avant["nom"] == "DUPONT"
    assert entree.apres is None


def test_une_transaction_annulee_ne_laisse_aucune_entree(etude: Contexte) -> None:
    try:
        with transaction(etude, "creer_partie") as session:
            session.add(Partie(type="personne_physique", nom="DUPONT"))
            session.flush()
            raise RuntimeError("échec après l'écriture")
    except RuntimeError:
        pass
    assert len(_entrees(etude.moteur, etude.etude_id)) == 1
    assert _verifier(etude.moteur).intact


def test_un_journal_intact_passe_la_verification(etude: Contexte) -> None:
    _journal_de_six_entrees(etude)

    resultat = _verifier(etude.moteur)
    assert resultat.intact, resultat.anomalies
    assert resultat.entrees == 6
    assert resultat.tetes == {etude.etude_id: _entrees(etude.moteur, etude.etude_id)[-1].empreinte}


def test_une_entree_modifiee_est_signalee_par_son_rang(etude: Contexte) -> None:
    _journal_de_six_entrees(etude)
    with etude.moteur.begin() as connexion:
        connexion.execute(
            text(
                "UPDATE entree_audit SET apres = :apres WHERE etude_id = :etude AND rang = 3"
            ).bindparams(bindparam("apres", type_=JSON)),
            {"apres": {"nom": "INNOCENT"}, "etude": etude.etude_id},
        )

    resultat = _verifier(etude.moteur)
    assert [a.rang for a in resultat.anomalies] == [3]
    assert "entrée n° 3 modifiée" in resultat.anomalies[0].message


def test_un_auteur_modifie_est_signale_par_son_rang(etude: Contexte) -> None:
    _journal_de_six_entrees(etude)
    _executer_sql(
        etude.moteur,
        "UPDATE entree_audit SET utilisateur = 'autre' WHERE etude_id = :etude AND rang = 2",
        etude=etude.etude_id,
    )

    assert [a.rang for a in _verifier(etude.moteur).anomalies] == [2]


def test_une_entree_supprimee_au_milieu_est_signalee(etude: Contexte) -> None:
    _journal_de_six_entrees(etude)
    _executer_sql(
        etude.moteur,
        "DELETE FROM entree_audit WHERE etude_id = :etude AND rang = 4",
        etude=etude.etude_id,
    )

    resultat = _verifier(etude.moteur)
    assert resultat.anomalies
    assert {a.rang for a in resultat.anomalies} == {5}
    assert "entrée(s) supprimée(s) : n° 4 (avant l'entrée n° 5)" in resultat.anomalies[0].message


def test_plusieurs_entrees_supprimees_au_milieu_sont_nommees(etude: Contexte) -> None:
    _journal_de_six_entrees(etude)
    _executer_sql(
        etude.moteur,
        "DELETE FROM entree_audit WHERE etude_id = :etude AND rang IN (3, 4)",
        etude=etude.etude_id,
    )

    messages = [a.message for a in _verifier(etude.moteur).anomalies]
    assert "entrée(s) supprimée(s) : n° 3 à 4 (avant l'entrée n° 5)" in messages


def test_les_dernieres_entrees_supprimees_sont_signalees_par_la_tete_du_journal(
    etude: Contexte,
) -> None:
    _journal_de_six_entrees(etude)
    _executer_sql(
        etude.moteur,
        "DELETE FROM entree_audit WHERE etude_id = :etude AND rang >= 5",
        etude=etude.etude_id,
    )

    resultat = _verifier(etude.moteur)
    assert [(a.rang, a.message) for a in resultat.anomalies] == [
        (6, "entrée(s) n° 5 à 6 supprimée(s) en fin de journal")
    ]


def test_une_tete_de_journal_falsifiee_est_signalee(etude: Contexte) -> None:
    _journal_de_six_entrees(etude)
    _executer_sql(
        etude.moteur,
        "UPDATE chaine_audit SET empreinte = :faux WHERE etude_id = :etude",
        faux="f" * 64,
        etude=etude.etude_id,
    )

    (anomalie,) = _verifier(etude.moteur).anomalies
    assert anomalie.rang == 6
    assert "ne correspond pas à la tête du journal" in anomalie.message


def _forger(moteur: Engine, etude_id: int, rang: int, precedente: str) -> None:
    """Insert an entry whose own hash is right (the forger knows the algorithm)."""
    derniere = _entrees(moteur, etude_id)[-1]
    contenu = {
        "etude_id": etude_id,
        "rang": rang,
        "horodatage": derniere.horodatage,
        "utilisateur": "faussaire",
        "action": "suppression",
        "objet": "partie",
        "objet_id": "999",
        "operation": "supprimer_partie",
        "avant": {"nom": "PREUVE"},
        "apres": None,
    }
    with moteur.begin() as connexion:
        connexion.execute(
            EntreeAudit.__table__.insert(),
            [
                {
                    **contenu,
                    "empreinte_precedente": precedente,
                    "empreinte": audit.empreinte(**contenu, empreinte_precedente=precedente),
                }
            ],
        )


def test_une_entree_forgee_inseree_est_signalee(etude: Contexte) -> None:
    _journal_de_six_entrees(etude)
    # The forger cannot reuse a rank (unique per office): a rank beyond the last, chained
    # to an earlier entry, is the only way in without rewriting the entries that follow.
    troisieme = _entrees(etude.moteur, etude.etude_id)[2]
    _forger(etude.moteur, etude.etude_id, 7, troisieme.empreinte)

    resultat = _verifier(etude.moteur)
    assert 7 in {a.rang for a in resultat.anomalies}
    assert "entrée n° 7 : le chaînage avec l'entrée précédente est rompu" in [
        a.message for a in resultat.anomalies
    ]


def test_une_entree_forgee_ajoutee_en_fin_de_journal_est_signalee(etude: Contexte) -> None:
    _journal_de_six_entrees(etude)
    # Rightly chained to the last entry, but the head of the chain was not moved.
    derniere = _entrees(etude.moteur, etude.etude_id)[-1]
    _forger(etude.moteur, etude.etude_id, 7, derniere.empreinte)

    resultat = _verifier(etude.moteur)
    assert not resultat.intact
    assert 7 in {a.rang for a in resultat.anomalies}


def test_deux_etudes_ont_des_chaines_independantes(etude: Contexte) -> None:
    autre = creer_etude(etude.moteur, "AUTRE", "Autre étude")
    _creer_partie(etude, "DUPONT")
    _creer_partie(autre, "MARTIN")
    _creer_partie(etude, "DURAND")

    assert [e.rang for e in _entrees(etude.moteur, etude.etude_id)] == [1, 2, 3]
    assert [e.rang for e in _entrees(etude.moteur, autre.etude_id)] == [1, 2]
    assert _verifier(etude.moteur).intact

    with etude.moteur.begin() as connexion:
        connexion.execute(
            delete(EntreeAudit).where(EntreeAudit.etude_id == etude.etude_id, EntreeAudit.rang == 2)
        )
    assert not _verifier(etude.moteur, etude.etude_id).intact
    assert _verifier(etude.moteur, autre.etude_id).intact
    assert {a.etude_id for a in _verifier(etude.moteur).anomalies} == {etude.etude_id}
