"""Concurrent writers on one file: no lost update, no balance spent twice.

SQLite: every transaction starts with ``BEGIN IMMEDIATE``, so writers queue and the second
reads what the first wrote. PostgreSQL (READ COMMITTED): both may read the same version of the
file; the version check of the second UPDATE fails (StaleDataError) and ``db.executer`` retries
the whole service on fresh data. Runs on both engines.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerc.office import audit, grand_livre
from clerc.office.db import Contexte, transaction
from clerc.office.erreurs import OperationRefusee
from clerc.office.models import Dossier, Ecriture, Paiement
from clerc.office.services import dossiers, paiements
from tests.office.test_services_dossiers import debiteur, nouveau_dossier

D = Decimal
JOUR = date(2026, 3, 2)
ATTENTE = 30  # seconds: a stuck thread fails the test instead of hanging it
PREFIXE_FIL = "clerc-concurrent-"


@dataclass(frozen=True)
class Issue:
    valeur: Any = None
    erreur: BaseException | None = None


def en_parallele(*fonctions: Callable[[], Any]) -> list[Issue]:
    """Run the functions in threads released together; their results or errors, in order."""
    depart = threading.Barrier(len(fonctions))
    issues: list[Issue | None] = [None] * len(fonctions)

    def lancer(rang: int, fonction: Callable[[], Any]) -> None:
        try:
            depart.wait(timeout=ATTENTE)
            issues[rang] = Issue(valeur=fonction())
        except BaseException as erreur:  # reported to the test, not lost in the thread
            issues[rang] = Issue(erreur=erreur)

    fils = [
        threading.Thread(target=lancer, args=(rang, fonction), name=f"{PREFIXE_FIL}{rang}")
        for rang, fonction in enumerate(fonctions)
    ]
    for fil in fils:
        fil.start()
    for fil in fils:
        fil.join(timeout=4 * ATTENTE)
        assert not fil.is_alive(), "thread still running: deadlock?"
    assert all(issue is not None for issue in issues)
    return [issue for issue in issues if issue is not None]


def _etat(contexte: Contexte, reference: str) -> tuple[int, int, Decimal, Decimal]:
    """(version, payments, receipts in the ledger, balance held for the creditor)."""
    with transaction(contexte, "lire") as session:
        dossier = dossiers.charger_dossier(session, reference)
        encaisse = session.scalar(
            select(func.count(Ecriture.id)).where(
                Ecriture.dossier_id == dossier.id, Ecriture.nature == "encaissement"
            )
        )
        return (
            dossier.version,
            len(dossier.paiements),
            D(encaisse or 0),
            grand_livre.solde_creancier(session, dossier.id),
        )


def _sain(contexte: Contexte) -> None:
    """The ledger balances and the audit chain was not forked by the concurrent writers."""
    with transaction(contexte, "verifier") as session:
        assert grand_livre.balance(session).equilibree
    with Session(contexte.moteur) as session:
        verification = audit.verifier(session, contexte.etude_id)
    assert verification.intact, verification.anomalies


@pytest.fixture
def reference(etude: Contexte) -> str:
    return dossiers.ouvrir_dossier(etude, nouveau_dossier())


@pytest.fixture
def lectures(monkeypatch: pytest.MonkeyPatch, etude: Contexte) -> Iterator[list[int]]:
    """Versions of the file read by the payments service in the threads of ``en_parallele``;
    on PostgreSQL the first read of each of the two threads waits for the other's, so that
    both start from the same version."""
    lues: list[int] = []
    postgres = etude.moteur.dialect.name == "postgresql"
    rendez_vous = threading.Barrier(2)
    premiers: set[int] = set()
    verrou = threading.Lock()
    original = paiements.charger_dossier

    def charger_et_attendre(session: Session, reference: str, **options: Any) -> Dossier:
        dossier = original(session, reference, **options)
        if not threading.current_thread().name.startswith(PREFIXE_FIL):
            return dossier  # set-up calls of the test itself
        with verrou:
            lues.append(dossier.version)
            premiere = threading.get_ident() not in premiers
            premiers.add(threading.get_ident())
        # SQLite: the second writer cannot even read before the first commits (BEGIN
        # IMMEDIATE), so waiting here would block both; the interleaving is forced only on
        # PostgreSQL.
        if postgres and premiere:
            rendez_vous.wait(timeout=ATTENTE)
        return dossier

    monkeypatch.setattr(paiements, "charger_dossier", charger_et_attendre)
    yield lues


# --- payments -------------------------------------------------------------------------------


def test_deux_paiements_simultanes_sont_tous_deux_enregistres(
    etude: Contexte, reference: str
) -> None:
    version, _, _, _ = _etat(etude, reference)
    total = D("0.00")
    for tour in range(20):
        premier, second = D(100 + tour), D("0.01") * (tour + 1)
        issues = en_parallele(
            lambda m=premier: paiements.enregistrer_paiement(etude, reference, m, JOUR),
            lambda m=second: paiements.enregistrer_paiement(etude, reference, m, JOUR),
        )
        assert [issue.erreur for issue in issues] == [None, None]
        total += premier + second
    # 100 + ... + 119 = 2 190 €, and 0,01 + ... + 0,20 = 2,10 €.
    assert total == D("2192.10")
    assert _etat(etude, reference) == (version + 40, 40, D(40), total)
    with transaction(etude, "lire") as session:
        montants = session.scalars(select(Paiement.montant)).all()
    assert sum(montants, D("0.00")) == total
    _sain(etude)


def test_deux_paiements_lus_sur_la_meme_version_ne_se_perdent_pas(
    etude: Contexte, reference: str, lectures: list[int]
) -> None:
    version, _, _, _ = _etat(etude, reference)
    issues = en_parallele(
        lambda: paiements.enregistrer_paiement(etude, reference, D("300.00"), JOUR),
        lambda: paiements.enregistrer_paiement(etude, reference, D("700.00"), JOUR),
    )
    assert [issue.erreur for issue in issues] == [None, None]
    if etude.moteur.dialect.name == "postgresql":
        # Both read version v; the second UPDATE found v + 1 and the service was retried.
        assert sorted(lectures) == [version, version, version + 1]
    else:
        # Writers queue: the second read the version the first wrote.
        assert sorted(lectures) == [version, version + 1]
    assert _etat(etude, reference) == (version + 2, 2, D(2), D("1000.00"))
    _sain(etude)


# --- payouts --------------------------------------------------------------------------------


def _refus(issues: list[Issue]) -> tuple[list[Any], list[BaseException]]:
    succes = [issue.valeur for issue in issues if issue.erreur is None]
    erreurs = [issue.erreur for issue in issues if issue.erreur is not None]
    return succes, erreurs


def test_deux_reversements_simultanes_du_solde_un_seul_passe(
    etude: Contexte, reference: str
) -> None:
    for tour in range(10):
        paiements.enregistrer_paiement(etude, reference, D("100.00"), JOUR)
        version, _, _, detenu = _etat(etude, reference)
        assert detenu == D("100.00")
        succes, erreurs = _refus(
            en_parallele(
                lambda: paiements.reverser(etude, reference, JOUR),
                lambda: paiements.reverser(etude, reference, JOUR),
            )
        )
        assert [s.montant for s in succes] == [D("100.00")], f"tour {tour}"
        assert len(erreurs) == 1 and isinstance(erreurs[0], OperationRefusee)
        assert str(erreurs[0]) == "Le dossier 2026-000001 ne détient aucun fonds à reverser."
        # Only the payout that went through changed the file.
        assert _etat(etude, reference)[0] == version + 1
        assert _etat(etude, reference)[3] == D("0.00")
    with transaction(etude, "lire") as session:
        reversements = session.scalars(
            select(Ecriture).where(Ecriture.nature == "reversement")
        ).all()
    assert len(reversements) == 10
    _sain(etude)


def test_deux_reversements_du_meme_montant_lus_ensemble_un_seul_passe(
    etude: Contexte, reference: str, lectures: list[int]
) -> None:
    paiements.enregistrer_paiement(etude, reference, D("1000.00"), JOUR)
    version, _, _, _ = _etat(etude, reference)
    succes, erreurs = _refus(
        en_parallele(
            lambda: paiements.reverser(etude, reference, JOUR, D("1000.00")),
            lambda: paiements.reverser(etude, reference, JOUR, D("1000.00")),
        )
    )
    assert [s.detenu_restant for s in succes] == [D("0.00")]
    (erreur,) = erreurs
    assert isinstance(erreur, OperationRefusee)
    assert str(erreur) == (
        "Sortie de 1\u202f000,00\xa0€ refusée : le dossier ne détient que 0,00\xa0€ pour le "
        "créancier (fonds de tiers, jamais de solde négatif)."
    )
    if etude.moteur.dialect.name == "postgresql":
        assert sorted(lectures) == [version, version, version + 1]  # retried, then refused
    assert _etat(etude, reference)[0] == version + 1
    assert _etat(etude, reference)[3] == D("0.00")
    _sain(etude)


def test_un_paiement_et_un_reversement_simultanes_gardent_un_solde_exact(
    etude: Contexte, reference: str
) -> None:
    paiements.enregistrer_paiement(etude, reference, D("500.00"), JOUR)
    reverse = D("0.00")
    for _ in range(10):
        paiement, reversement = en_parallele(
            lambda: paiements.enregistrer_paiement(etude, reference, D("40.00"), JOUR),
            lambda: paiements.reverser(etude, reference, JOUR),
        )
        assert paiement.erreur is None
        if reversement.erreur is None:
            reverse += reversement.valeur.montant
        else:
            # The previous payout took everything and this round's payment came after it.
            assert str(reversement.erreur) == (
                "Le dossier 2026-000001 ne détient aucun fonds à reverser."
            )
    # 500 + 10 × 40 = 900 € received: paid out or still held, nothing lost or spent twice.
    _, paiements_, _, detenu = _etat(etude, reference)
    assert paiements_ == 11
    assert reverse + detenu == D("900.00")
    assert detenu in (D("0.00"), D("40.00"))  # at most the last payment, if it came last
    with transaction(etude, "lire") as session:
        sorti = sum(
            (
                ligne.debit
                for ecriture in session.scalars(
                    select(Ecriture).where(Ecriture.nature == "reversement")
                )
                for ligne in ecriture.lignes
            ),
            D("0.00"),
        )
    assert sorti == reverse
    _sain(etude)


# --- opening --------------------------------------------------------------------------------


def test_des_ouvertures_simultanees_recoivent_des_references_distinctes(etude: Contexte) -> None:
    issues = en_parallele(
        *(
            lambda n=n: dossiers.ouvrir_dossier(
                etude, nouveau_dossier(debiteurs=(debiteur(f"Debiteur{n}"),))
            )
            for n in range(6)
        )
    )
    assert [issue.erreur for issue in issues] == [None] * 6
    assert sorted(issue.valeur for issue in issues) == [f"2026-00000{n}" for n in range(1, 7)]
    _sain(etude)


def test_deux_ouvertures_simultanees_recoivent_deux_numeros_distincts(etude: Contexte) -> None:
    # Both writers may compute the same next "AAAA-NNNNNN" (PostgreSQL): the unique constraint
    # refuses the second, and executer retries it on fresh data; no file is lost.
    for _ in range(5):
        issues = en_parallele(
            lambda: dossiers.ouvrir_dossier(etude, nouveau_dossier(reference_mandant="A")),
            lambda: dossiers.ouvrir_dossier(etude, nouveau_dossier(reference_mandant="B")),
        )
        assert [issue.erreur for issue in issues] == [None, None]
    with transaction(etude, "lire") as session:
        references = session.scalars(select(Dossier.reference).order_by(Dossier.reference)).all()
    assert references == [f"2026-{n:06d}" for n in range(1, 11)]
