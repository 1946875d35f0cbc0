"""One database, several offices: a session acting for one office never sees another's rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session, selectinload

from clerc.office.db import Contexte, transaction
from clerc.office.models import Adresse, Dossier, DossierDebiteur, EntreeAudit, Partie
from tests.office.conftest import creer_etude


@dataclass(frozen=True)
class Monde:
    """Two offices, each with a creditor, a debtor and a file."""

    a: Contexte
    b: Contexte
    parties_a: tuple[int, ...]
    parties_b: tuple[int, ...]
    dossier_a: int
    dossier_b: int


def _peupler(contexte: Contexte, prefixe: str) -> tuple[tuple[int, ...], int]:
    with transaction(contexte, "peupler") as session:
        creancier = Partie(type="personne_morale", denomination=f"{prefixe} BANQUE", nom="")
        debiteur = Partie(type="personne_physique", nom=f"{prefixe} DEBITEUR")
        debiteur.adresses.append(
            Adresse(ligne1=f"1 rue {prefixe}", code_postal="75001", commune="Paris")
        )
        dossier = Dossier(
            reference=f"{prefixe}-1",
            nature="judiciaire",
            ouvert_le=date(2026, 1, 5),
            territoire="75",
            creancier=creancier,
        )
        dossier.debiteurs.append(DossierDebiteur(partie=debiteur))
        session.add(dossier)
        session.flush()
        return (creancier.id, debiteur.id), dossier.id


@pytest.fixture
def monde(etude: Contexte) -> Monde:
    autre = creer_etude(etude.moteur, "AUTRE", "Autre étude")
    parties_a, dossier_a = _peupler(etude, "A")
    parties_b, dossier_b = _peupler(autre, "B")
    return Monde(etude, autre, parties_a, parties_b, dossier_a, dossier_b)


def test_une_etude_ne_voit_que_ses_parties(monde: Monde) -> None:
    with transaction(monde.a, "lister") as session:
        assert sorted(session.scalars(select(Partie.id))) == sorted(monde.parties_a)
        noms = {p.nom for p in session.scalars(select(Partie))}
    assert noms == {"", "A DEBITEUR"}
    with transaction(monde.b, "lister") as session:
        assert sorted(session.scalars(select(Partie.id))) == sorted(monde.parties_b)


def test_une_etude_ne_voit_que_ses_dossiers(monde: Monde) -> None:
    with transaction(monde.a, "lister") as session:
        assert list(session.scalars(select(Dossier.reference))) == ["A-1"]
        assert session.scalar(select(func.count()).select_from(Dossier)) == 1
        assert session.scalar(select(func.count(Dossier.id))) == 1


def test_une_jointure_ne_ramene_rien_d_une_autre_etude(monde: Monde) -> None:
    with transaction(monde.a, "lister") as session:
        lignes = session.execute(
            select(Dossier.reference, Partie.nom)
            .join(DossierDebiteur, DossierDebiteur.dossier_id == Dossier.id)
            .join(Partie, Partie.id == DossierDebiteur.partie_id)
        ).all()
    assert [tuple(ligne) for ligne in lignes] == [("A-1", "A DEBITEUR")]


def test_chercher_un_dossier_d_une_autre_etude_par_son_identifiant_ne_trouve_rien(
    monde: Monde,
) -> None:
    with transaction(monde.a, "consulter") as session:
        assert session.get(Dossier, monde.dossier_b) is None
        assert session.get(Partie, monde.parties_b[1]) is None
        assert session.get(Dossier, monde.dossier_a) is not None


def test_une_relation_ne_charge_pas_les_lignes_d_une_autre_etude(monde: Monde) -> None:
    # A row of office B wrongly linked to a party of office A (imported or forged by hand).
    with Session(monde.a.moteur) as brute, brute.begin():
        brute.add(
            Adresse(
                etude_id=monde.b.etude_id,
                partie_id=monde.parties_a[1],
                ligne1="2 rue intruse",
                code_postal="69001",
                commune="Lyon",
            )
        )
    with transaction(monde.a, "consulter") as session:
        debiteur = session.get(Partie, monde.parties_a[1])
        assert debiteur is not None
        assert [a.ligne1 for a in debiteur.adresses] == ["1 rue A"]  # lazy load
    with transaction(monde.a, "consulter") as session:
        (debiteur,) = session.scalars(
            select(Partie)
            .where(Partie.id == monde.parties_a[1])
            .options(selectinload(Partie.adresses))
        )
        assert [a.ligne1 for a in debiteur.adresses] == ["1 rue A"]  # eager load


def test_le_creancier_d_un_dossier_se_charge_dans_son_etude(monde: Monde) -> None:
    with transaction(monde.a, "consulter") as session:
        dossier = session.get(Dossier, monde.dossier_a)
        assert dossier is not None
        assert dossier.creancier.denomination == "A BANQUE"
        assert [d.partie.nom for d in dossier.debiteurs] == ["A DEBITEUR"]


def test_ajouter_une_ligne_au_nom_d_une_autre_etude_est_refuse(monde: Monde) -> None:
    with pytest.raises(PermissionError), transaction(monde.a, "creer_partie") as session:
        session.add(Partie(etude_id=monde.b.etude_id, type="personne_physique", nom="INTRUS"))
    with transaction(monde.b, "lister") as session:
        assert "INTRUS" not in set(session.scalars(select(Partie.nom)))


def test_deplacer_une_ligne_vers_une_autre_etude_est_refuse(monde: Monde) -> None:
    with pytest.raises(PermissionError), transaction(monde.a, "modifier_partie") as session:
        partie = session.get(Partie, monde.parties_a[1])
        assert partie is not None
        partie.etude_id = monde.b.etude_id
    with transaction(monde.a, "consulter") as session:
        assert session.get(Partie, monde.parties_a[1]) is not None


def test_une_ligne_ajoutee_sans_etude_recoit_celle_de_la_session(monde: Monde) -> None:
    with transaction(monde.b, "creer_partie") as session:
        partie = Partie(type="personne_physique", nom="NOUVEAU")
        session.add(partie)
        session.flush()
        assert partie.etude_id == monde.b.etude_id


def test_une_modification_en_masse_non_declaree_est_refusee(monde: Monde) -> None:
    # A bulk UPDATE escapes the per-row audit log: refused unless declared as a bulk operation.
    with pytest.raises(PermissionError), transaction(monde.a, "renommer_tout") as session:
        session.execute(update(Partie).values(observations="vu par A"))


def test_une_modification_en_masse_declaree_ne_touche_pas_une_autre_etude(monde: Monde) -> None:
    with transaction(monde.a, "renommer_tout") as session:
        session.info["operation_groupee"] = True
        session.execute(update(Partie).values(observations="vu par A"))
    with transaction(monde.b, "lister") as session:
        assert set(session.scalars(select(Partie.observations))) == {""}
    with transaction(monde.a, "lister") as session:
        assert set(session.scalars(select(Partie.observations))) == {"vu par A"}


def test_une_etude_ne_lit_pas_le_journal_d_audit_d_une_autre(monde: Monde) -> None:
    with transaction(monde.a, "lister") as session:
        etudes = set(session.scalars(select(EntreeAudit.etude_id)))
    assert etudes == {monde.a.etude_id}


def test_une_session_sans_etude_voit_toutes_les_etudes(monde: Monde, moteur: Engine) -> None:
    with Session(moteur) as session:
        assert session.scalar(select(func.count(Dossier.id))) == 2
