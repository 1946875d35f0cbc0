"""Fiche d'analyse of files (SQLite and PostgreSQL): a file built through the services, and the
acceptance test of issue 4 §5: every trap planted in the synthetic office is found, and no
clean file is flagged with a trap code."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, time
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select

from clerc.office.db import Contexte, transaction
from clerc.office.erreurs import Introuvable
from clerc.office.generateur import PIEGES, generer
from clerc.office.models import Dossier, LienPartie, Partie, Piege, Protection
from clerc.office.services import dossiers, paiements, procedures
from clerc.office.services.analyse import analyser_dossier, analyser_dossiers
from tests.office.test_services_dossiers import nouveau_dossier, titre

AU = date(2026, 11, 30)
SIGNIFIE_LE = date(2026, 2, 2)


def _ouvrir(etude: Contexte) -> str:
    """A judgment (case filed in 2024: provisional execution by law, CPC 514) served on
    2 February 2026, against a debtor living in Metz (Moselle calendar)."""
    titre_ = replace(
        titre(),
        formule_executoire=True,
        date_signification=SIGNIFIE_LE,
        date_saisine=date(2024, 11, 4),
    )
    return dossiers.ouvrir_dossier(etude, nouveau_dossier(titre=titre_))


def test_fiche_d_un_dossier_tenu_par_l_etude(etude: Contexte) -> None:
    reference = _ouvrir(etude)
    with transaction(etude, "curatelle") as session:
        dossier = dossiers.charger_dossier(session, reference)
        debiteur_id = dossier.debiteurs[0].partie_id
        curateur = Partie(type="personne_morale", denomination="UDAF de la Moselle")
        session.add(curateur)
        session.flush()
        session.add(
            Protection(
                partie_id=debiteur_id,
                nature="curatelle",
                depuis=date(2024, 5, 2),
                organe="UDAF de la Moselle",
            )
        )
        session.add(
            LienPartie(partie_id=debiteur_id, autre_partie_id=curateur.id, nature="curateur")
        )
    # An act priced on the file, a procedure step, then a payment received by the office.
    dossiers.imputer_cout_acte(etude, reference, "commandement_saisie_vente", date(2026, 2, 20))
    procedures.demarrer(etude, reference, "saisie_attribution", date(2026, 3, 2))
    procedures.enregistrer_etape(
        etude, reference, "pv_saisie", date(2026, 3, 2), heure=time(9, 30), mode="personne"
    )
    paiements.enregistrer_paiement(etude, reference, Decimal("300.00"), date(2026, 4, 1))

    fiche = analyser_dossier(etude, reference, date(2026, 6, 1))
    assert fiche.dossier == reference and fiche.territoire == "57"
    assert fiche.titre.executoire and fiche.titre.executoire_depuis == SIGNIFIE_LE

    # C. civ. 2244 (commandement, then the PV recorded as a procedure step) and 2240 (the
    # debtor's payment): ten years from the last one (CPCE L111-4).
    assert [f.date for f in fiche.prescription.interruptions] == [
        date(2026, 2, 20),
        date(2026, 3, 2),
        date(2026, 4, 1),
    ]
    assert fiche.prescription.date_acquisition == date(2036, 4, 1)

    # The décompte is the service's, not recomputed.
    assert fiche.decompte is not None
    assert (
        fiche.decompte.total == dossiers.decompte_dossier(etude, reference, date(2026, 6, 1)).total
    )

    # Moselle, curatelle, and the 300 € held beyond six weeks (received 1 April: until
    # 13 May, C. com. R444-56): found from the address, the protection and the ledger. The
    # saisie-attribution started on 2 March was never denounced: its deadline (R211-3) is past.
    assert fiche.codes_alertes() == {
        "alsace_moselle",
        "majeur_protege",
        "fonds_detenus_trop_longtemps",
        "echeance_depassee",
    }
    depassee = next(a for a in fiche.alertes if a.code == "echeance_depassee")
    assert depassee.message.startswith(
        "Saisie-attribution en cours depuis le 2026-03-02 : dénonciation de la saisie au "
        "débiteur au plus tard le 2026-03-10"
    )
    curatelle = next(a for a in fiche.alertes if a.code == "majeur_protege")
    assert "UDAF de la Moselle" in curatelle.message and curatelle.article == "C. civ. 467"
    assert fiche.mesures[0].procedure == "saisie_attribution_compte"
    assert all(any("curateur" in p for p in mesure.precautions) for mesure in fiche.mesures)

    # Paid out: the funds alert goes.
    paiements.reverser(etude, reference, date(2026, 6, 1))
    apres = analyser_dossier(etude, reference, date(2026, 6, 1))
    assert "fonds_detenus_trop_longtemps" not in apres.codes_alertes()
    assert apres.en_dict()["dossier"] == reference


def test_dossier_inconnu(etude: Contexte) -> None:
    with pytest.raises(Introuvable, match="introuvable"):
        analyser_dossier(etude, "2026-999999", AU)


def test_chaque_piege_de_l_etude_synthetique_est_trouve_et_aucun_dossier_propre_signale(
    moteur: Engine,
) -> None:
    """Issue 4 §5 acceptance: the analysis reads the files as a clerc would (never the
    ``piege`` table) and alerts with exactly the trap codes planted in each file."""
    rapport = generer(moteur, dossiers=400, graine=11, au=AU)
    assert set(rapport.pieges) == set(PIEGES)  # every trap is planted at least once
    contexte = Contexte(moteur, rapport.etude_id, "testeur")
    plantes: dict[str, set[str]] = defaultdict(set)
    with transaction(contexte, "lire", ecriture=False) as session:
        for reference, code in session.execute(
            select(Dossier.reference, Piege.code).join(Piege, Piege.dossier_id == Dossier.id)
        ):
            plantes[reference].add(code)

    fiches = analyser_dossiers(contexte, AU)
    assert len(fiches) == 400
    trouves = {f.dossier: f.codes_alertes() & set(PIEGES) for f in fiches}
    manques = {ref: codes - trouves[ref] for ref, codes in plantes.items() if codes - trouves[ref]}
    assert not manques, f"pièges non trouvés : {manques}"
    en_trop = {
        ref: codes - plantes.get(ref, set())
        for ref, codes in trouves.items()
        if codes - plantes.get(ref, set())
    }
    assert not en_trop, f"dossiers propres signalés : {en_trop}"
    # Blocking traps do block: no measure of forced execution is proposed as possible.
    bloquants = {
        "titre_prescrit", "jugement_non_signifie", "liquidation_judiciaire", "surendettement",
        "debiteur_decede", "injonction_non_signifiee_6_mois",
    }  # fmt: skip
    for fiche in fiches:
        if plantes.get(fiche.dossier, set()) & bloquants:
            forcees = [
                m
                for m in fiche.mesures
                if m.procedure in {"saisie_attribution_compte", "saisie_remunerations"}
            ]
            assert forcees and not any(m.possible for m in forcees), fiche.dossier
