"""Office-wide listing of the third-party funds held (``clerc fonds [--retard]``): the same
alerts as the per-file computation, in a number of SQL statements that does not grow with the
number of files (one grouped pre-filter, then the entries of the survivors in batches).
Runs on SQLite and PostgreSQL (fixture ``etude``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine, event, select

from clerc.office import grand_livre
from clerc.office.db import Contexte, transaction
from clerc.office.models import Dossier, Ecriture
from clerc.office.services import dossiers, paiements
from clerc.rules.erreurs import DonneeInvalide
from tests.office.test_services_dossiers import nouveau_dossier

D = Decimal
JOUR = date(2026, 3, 2)
AU = date(2026, 3, 20)


@contextmanager
def requetes_sql(moteur: Engine) -> Iterator[list[str]]:
    """The SQL statements sent to the database inside the block (BEGIN included on SQLite)."""
    envoyees: list[str] = []

    def _noter(_connexion: Any, _curseur: Any, instruction: str, *_: Any) -> None:
        envoyees.append(instruction)

    event.listen(moteur, "before_cursor_execute", _noter)
    try:
        yield envoyees
    finally:
        event.remove(moteur, "before_cursor_execute", _noter)


def calcul_par_dossier(
    contexte: Contexte, au: date, *, seulement_en_retard: bool = False
) -> list[paiements.AlerteFonds]:
    """The former office-wide computation, kept as the oracle: every file with an entry, one
    ``grand_livre.fonds_detenus`` call (two queries) each."""
    with transaction(contexte, "oracle", ecriture=False) as session:
        tous = session.execute(
            select(Dossier.id, Dossier.reference)
            .where(Dossier.id.in_(select(Ecriture.dossier_id).distinct()))
            .order_by(Dossier.reference)
        ).all()
        alertes = [
            paiements.AlerteFonds(reference, fonds)
            for dossier_id, reference in tous
            for fonds in grand_livre.fonds_detenus(session, dossier_id, au)
            if not seulement_en_retard or fonds.en_retard(au)
        ]
    alertes.sort(key=lambda a: (a.fonds.date_limite, a.reference))
    return alertes


def ouvrir(contexte: Contexte) -> str:
    return dossiers.ouvrir_dossier(contexte, nouveau_dossier())


def test_un_dossier_entierement_reverse_n_apparait_pas_un_dossier_detenteur_si(
    etude: Contexte,
) -> None:
    reverse = ouvrir(etude)  # 2026-000001: 1 000 € received, all paid out
    paiements.enregistrer_paiement(etude, reverse, D("1000.00"), JOUR, mode="cheque")
    paiements.reverser(etude, reverse, date(2026, 3, 10))
    especes = ouvrir(etude)  # 2026-000002: 200 € in cash, held
    paiements.enregistrer_paiement(etude, especes, D("200.00"), JOUR, mode="especes")
    cheque = ouvrir(etude)  # 2026-000003: 300 € cheque, 100 € paid out, 200 € held
    paiements.enregistrer_paiement(etude, cheque, D("300.00"), JOUR, mode="cheque")
    paiements.reverser(etude, cheque, date(2026, 3, 10), D("100.00"))

    alertes = paiements.fonds_detenus(etude, AU)

    # C. com. R444-56: cash 2026-03-02 + 3 weeks = 03-23; otherwise + 6 weeks = 04-13.
    assert [
        (a.reference, a.fonds.restant, a.fonds.date_limite, a.fonds.regle) for a in alertes
    ] == [
        (especes, D("200.00"), date(2026, 3, 23), "trois semaines (espèces, C. com. R444-56)"),
        (cheque, D("200.00"), date(2026, 4, 13), "six semaines (C. com. R444-56)"),
    ]
    assert reverse not in {a.reference for a in alertes}
    (retard,) = paiements.fonds_detenus(etude, date(2026, 3, 24), seulement_en_retard=True)
    assert (retard.reference, retard.fonds.date_limite) == (especes, date(2026, 3, 23))
    assert alertes == calcul_par_dossier(etude, AU)


def test_meme_resultat_que_le_calcul_dossier_par_dossier_a_toute_date(etude: Contexte) -> None:
    """Corrections and outflows dated before or after ``au``, back-dated payouts: the grouped
    pre-filter keeps exactly the files the per-file rule finds something in."""
    paye = ouvrir(etude)
    paiements.enregistrer_paiement(etude, paye, D("1000.00"), JOUR, mode="cheque")
    paiements.reverser(etude, paye, date(2026, 3, 10))
    annule = ouvrir(etude)  # cheque bounced on 03-09
    cheque = paiements.enregistrer_paiement(etude, annule, D("700.00"), JOUR, mode="cheque")
    paiements.annuler_paiement(etude, annule, cheque.paiement_id, date(2026, 3, 9), "impayé")
    annule_tard = ouvrir(etude)  # cheque bounced on 03-25: held until then
    cheque = paiements.enregistrer_paiement(etude, annule_tard, D("500.00"), JOUR, mode="cheque")
    paiements.annuler_paiement(etude, annule_tard, cheque.paiement_id, date(2026, 3, 25), "x")
    tardif = ouvrir(etude)  # received on 03-25 only
    paiements.enregistrer_paiement(etude, tardif, D("80.00"), date(2026, 3, 25), mode="carte")
    reverse_tard = ouvrir(etude)  # paid out on 03-25
    paiements.enregistrer_paiement(etude, reverse_tard, D("400.00"), JOUR, mode="virement")
    paiements.reverser(etude, reverse_tard, date(2026, 3, 25))
    acomptes = ouvrir(etude)  # instalments, fees withheld, a payout back-dated before a receipt
    paiements.enregistrer_paiement(
        etude, acomptes, D("0.10"), date(2026, 2, 2), mode="especes", acompte=True
    )
    paiements.enregistrer_paiement(
        etude, acomptes, D("0.20"), date(2026, 2, 9), mode="cheque", acompte=True
    )
    paiements.prelever_frais(etude, acomptes, date(2026, 2, 10), D("0.05"))
    paiements.enregistrer_paiement(etude, acomptes, D("33.33"), date(2026, 3, 3), mode="cheque")
    paiements.reverser(etude, acomptes, date(2026, 3, 1), D("0.25"))
    antidate = ouvrir(etude)  # 500 € on 02-10; a cheque of 03-02 cancelled "on 02-20"
    paiements.enregistrer_paiement(etude, antidate, D("500.00"), date(2026, 2, 10))
    cheque = paiements.enregistrer_paiement(etude, antidate, D("500.00"), JOUR, mode="cheque")
    paiements.annuler_paiement(etude, antidate, cheque.paiement_id, date(2026, 2, 20), "x")
    ouvrir(etude)  # a file without any entry

    for au in (
        date(2026, 2, 1),
        date(2026, 2, 5),
        date(2026, 2, 25),  # the ledger balance of ``antidate`` is 0, yet 500 € are held
        date(2026, 3, 2),
        date(2026, 3, 3),
        date(2026, 3, 9),
        AU,
        date(2026, 3, 25),
        date(2026, 4, 14),
        date(2026, 6, 1),
    ):
        for retard in (False, True):
            attendu = calcul_par_dossier(etude, au, seulement_en_retard=retard)
            assert paiements.fonds_detenus(etude, au, seulement_en_retard=retard) == attendu

    au_20_mars = {(a.reference, a.fonds.restant) for a in paiements.fonds_detenus(etude, AU)}
    assert au_20_mars == {
        (annule_tard, D("500.00")),
        (reverse_tard, D("400.00")),
        (acomptes, D("33.33")),
        (antidate, D("500.00")),
    }


def test_une_sortie_antidatee_au_dela_des_encaissements_reste_refusee(etude: Contexte) -> None:
    """A payout dated before the receipt it spends: at a day in between, the per-file rule
    refuses a negative balance; the office-wide listing refuses it just the same."""
    reference = ouvrir(etude)
    paiements.enregistrer_paiement(etude, reference, D("100.00"), JOUR, mode="cheque")
    paiements.reverser(etude, reference, date(2026, 2, 2))
    for calcul in (calcul_par_dossier, paiements.fonds_detenus):
        with pytest.raises(DonneeInvalide, match="Les sorties dépassent les encaissements"):
            calcul(etude, date(2026, 2, 10))
    assert paiements.fonds_detenus(etude, JOUR) == calcul_par_dossier(etude, JOUR) == []


def _dossiers_detenteurs(contexte: Contexte, nombre: int) -> None:
    """``nombre`` files holding a cheque, plus one fully paid out for every three."""
    for rang in range(nombre):
        reference = ouvrir(contexte)
        paiements.enregistrer_paiement(contexte, reference, D("100.00") + rang, JOUR, mode="cheque")
        if rang % 3 == 0:
            paye = ouvrir(contexte)
            paiements.enregistrer_paiement(contexte, paye, D("50.00"), JOUR, mode="especes")
            paiements.reverser(contexte, paye, date(2026, 3, 5))


def test_le_nombre_de_requetes_ne_croit_pas_avec_le_nombre_de_dossiers(
    etude: Contexte,
) -> None:
    _dossiers_detenteurs(etude, 3)
    with requetes_sql(etude.moteur) as pour_3:
        assert len(paiements.fonds_detenus(etude, AU)) == 3
    _dossiers_detenteurs(etude, 27)
    with requetes_sql(etude.moteur) as pour_30:
        alertes = paiements.fonds_detenus(etude, AU)

    assert len(alertes) == 30
    assert alertes == calcul_par_dossier(etude, AU)
    # The pre-filter, then the entries of the surviving files joined to their lines (+ BEGIN
    # on SQLite). The former loop sent 1 + 2 per file with an entry: 81 here.
    selects = [r for r in pour_30 if r.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 2, pour_30
    assert len(pour_30) == len(pour_3), (pour_3, pour_30)


def test_les_dossiers_sont_charges_par_lots(
    etude: Contexte, monkeypatch: pytest.MonkeyPatch
) -> None:
    _dossiers_detenteurs(etude, 30)
    attendu = paiements.fonds_detenus(etude, AU)
    monkeypatch.setattr(grand_livre, "LOT_DOSSIERS", 7)
    with requetes_sql(etude.moteur) as envoyees:
        assert paiements.fonds_detenus(etude, AU) == attendu
    # The pre-filter, then one query for each of the 5 batches of at most 7 files.
    selects = [r for r in envoyees if r.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 1 + 5, envoyees
