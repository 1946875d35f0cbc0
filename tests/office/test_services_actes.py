"""Acts of a file (SQLite and PostgreSQL): drawn up from the file, checked against it, signed
by a commissaire de justice only, numbered in the répertoire, stored under their checksum."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from clerc.office.db import Contexte, transaction
from clerc.office.erreurs import OperationRefusee
from clerc.office.models import Etude, LigneCreance
from clerc.office.services import actes, dossiers, etudes, procedures
from tests.office.test_services_dossiers import creancier, debiteur, nouveau_dossier, titre

# A judgment of 14 November 2022 served on 25 November 2022; the seizure on Monday 6 March
# 2023 and its dénonciation on Wednesday 8 March 2023 in Lyon: the 2020 tariff applies
# (n° 5: 32,98 € HT, extended to 29 February 2024).
PV = date(2023, 3, 6)
DENONCIATION = date(2023, 3, 8)
TIERS = {"designation": "BANQUE POPULAIRE AUVERGNE RHÔNE ALPES",
         "adresse": ["4 boulevard Eugène Deruelle", "69003 Lyon"]}  # fmt: skip
CHAMPS = {"juridiction_contestation": "juge de l'exécution du tribunal judiciaire de Lyon"}


@pytest.fixture(autouse=True)
def _documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLERC_DONNEES", str(tmp_path / "donnees"))


def _dossier(etude: Contexte) -> str:
    with transaction(etude, "etude") as session:  # CPC 648 1°: who signs, and where
        fiche = session.get(Etude, etude.etude_id)
        assert fiche is not None
        fiche.commissaires = ["Claire MARTIN"]
        fiche.adresse, fiche.code_postal, fiche.commune = "12 rue de la République", "69002", "Lyon"
    titre_ = replace(
        titre(date_titre=date(2022, 11, 14)),
        formule_executoire=True,
        date_signification=date(2022, 11, 25),
    )
    reference = dossiers.ouvrir_dossier(
        etude,
        nouveau_dossier(
            creancier=creancier(representant="son directeur général en exercice"),
            debiteurs=(debiteur(code_postal="69003", commune="Lyon"),),
            titre=titre_,
            ouvert_le=date(2023, 1, 5),
        ),
    )
    procedures.demarrer(etude, reference, "saisie_attribution", PV)
    procedures.enregistrer_etape(etude, reference, "pv_saisie", PV, heure=time(9, 0),
                                 mode="personne")  # fmt: skip
    return reference


def _commissaire(etude: Contexte) -> Contexte:
    etudes.creer_utilisateur(etude, identifiant="cmartin", role="commissaire_justice",
                             nom="Claire Martin")  # fmt: skip
    return replace(etude, utilisateur="cmartin")


def _denonciation(etude: Contexte, reference: str, **options: object) -> dict[str, object]:
    valeurs: dict[str, object] = {"heure": time(9, 30), "mode": "personne", "tiers": TIERS,
                                  "champs": CHAMPS}  # fmt: skip
    valeurs.update(options)
    return actes.generer(
        etude,
        reference,
        "denonciation_saisie_attribution",
        DENONCIATION,
        **valeurs,  # type: ignore[arg-type]
    )


def test_rediger_verifier_signer_une_denonciation(etude: Contexte) -> None:
    reference = _dossier(etude)
    redige = _denonciation(etude, reference)
    assert redige["constats"] == [] and redige["statut"] == "verifie"
    # Tariff n° 5 (32,98 € HT) with the A444-46 coefficient, travel fee and VAT.
    assert Decimal(str(redige["cout_ttc"])) > Decimal("32.98")
    brouillon = actes.fichier(etude, int(redige["acte"]))  # type: ignore[call-overload]
    assert brouillon.startswith(b"%PDF")

    # A clerc cannot sign; the commissaire de justice can.
    with pytest.raises(OperationRefusee, match="seul un commissaire de justice"):
        actes.signer(etude, int(redige["acte"]))  # type: ignore[call-overload]
    signe = actes.signer(_commissaire(etude), int(redige["acte"]))  # type: ignore[call-overload]
    assert (signe["statut"], signe["numero_repertoire"]) == ("signe", "2023-000001")
    pdf = actes.fichier(etude, int(redige["acte"]))  # type: ignore[call-overload]
    assert b"pdfaid" in pdf  # PDF/A-2b when signed

    # The step is recorded in the procedure: the dénonciation is done, the month to contest
    # runs to Tuesday 11 April 2023 (8 April is a Saturday, 10 April Easter Monday).
    (saisie,) = procedures.possibles(etude, reference, DENONCIATION)["procedures"]
    contestation = next(e for e in saisie["etapes"] if e["code"] == "contestation")
    assert contestation["date_limite"] == "2023-04-11"
    # The cost is charged to the file (CPCE L111-8).
    with transaction(etude, "lire", ecriture=False) as session:
        couts = session.scalars(select(LigneCreance).where(LigneCreance.nature == "acte")).all()
    assert [c.montant for c in couts] == [Decimal(str(signe["cout_ttc"]))]

    # A signed act never changes.
    with pytest.raises(OperationRefusee, match="déjà signé"):
        actes.signer(_commissaire_existant(etude), int(redige["acte"]))  # type: ignore[call-overload]
    (ligne,) = actes.repertoire(etude, 2023)
    assert (ligne["numero"], ligne["dossier"], ligne["date"]) == (
        "2023-000001",
        reference,
        "2023-03-08",
    )
    assert "2023-000001;2023-03-08;Dénonciation de saisie-attribution" in actes.repertoire_csv(
        [ligne]
    )


def _commissaire_existant(etude: Contexte) -> Contexte:
    return replace(etude, utilisateur="cmartin")


def test_un_acte_incomplet_ne_peut_etre_signe(etude: Contexte) -> None:
    reference = _dossier(etude)
    redige = _denonciation(etude, reference, champs={}, mode="domicile")
    messages = {c["mention"]: c["message"] for c in redige["constats"]}  # type: ignore[union-attr]
    assert "juridiction" in messages  # CPCE R211-3 3°
    assert "personne présente" in messages["remise"]  # CPC 655
    assert redige["statut"] == "brouillon"
    with pytest.raises(OperationRefusee, match="non signé"):
        actes.signer(_commissaire(etude), int(redige["acte"]))  # type: ignore[call-overload]


def test_une_denonciation_hors_delai_est_signalee(etude: Contexte) -> None:
    reference = _dossier(etude)
    # 8 days from Monday 6 March 2023 end Tuesday 14 March: on the 15th the saisie lapsed.
    redige = actes.generer(etude, reference, "denonciation_saisie_attribution",
                           date(2023, 3, 15), heure=time(10, 0), mode="personne", tiers=TIERS,
                           champs=CHAMPS)  # fmt: skip
    (etape,) = [c for c in redige["constats"] if c["mention"] == "etape"]  # type: ignore[union-attr]
    assert "caduque" in etape["message"]


def test_cout_indisponible_quand_le_tarif_manque(etude: Contexte) -> None:
    reference = _dossier(etude)
    procedures.abandonner(etude, reference, "saisie_attribution", PV, "essai")
    procedures.demarrer(etude, reference, "saisie_attribution", date(2026, 3, 2))
    procedures.enregistrer_etape(etude, reference, "pv_saisie", date(2026, 3, 2),
                                 heure=time(9, 0), mode="personne")  # fmt: skip
    redige = actes.generer(etude, reference, "denonciation_saisie_attribution",
                           date(2026, 3, 4), heure=time(9, 30), mode="personne", tiers=TIERS,
                           champs=CHAMPS)  # fmt: skip
    (cout,) = [c for c in redige["constats"] if c["mention"] == "cout"]  # type: ignore[union-attr]
    # The amount of n° 5 from 1 March 2024 is not known: never guessed, the act waits.
    assert "n° 5" in cout["message"] and redige["cout_ttc"] is None


def test_un_document_altere_est_refuse(etude: Contexte) -> None:
    reference = _dossier(etude)
    redige = _denonciation(etude, reference)
    signe = actes.signer(_commissaire(etude), int(redige["acte"]))  # type: ignore[call-overload]
    empreinte = str(signe["sha256"])
    from clerc.config import repertoire_documents

    chemin = repertoire_documents() / empreinte[:2] / empreinte
    chemin.write_bytes(chemin.read_bytes() + b"%")
    with pytest.raises(OperationRefusee, match="altéré"):
        actes.fichier(etude, int(redige["acte"]))  # type: ignore[call-overload]


def test_le_proces_verbal_de_saisie_attribution_depuis_le_dossier(etude: Contexte) -> None:
    reference = _dossier(etude)
    procedures.abandonner(etude, reference, "saisie_attribution", PV, "nouvelle saisie")
    procedures.demarrer(etude, reference, "saisie_attribution", date(2023, 3, 7))
    redige = actes.generer(etude, reference, "pv_saisie_attribution", date(2023, 3, 7),
                           heure=time(9, 15), mode="personne", tiers=TIERS)  # fmt: skip
    # R211-1: the garnishee is the addressee; the décompte carries the provision for the
    # interest of the month to contest (3°); L211-2 al. 1 and L211-4 al. 3 reproduced (5°).
    assert redige["constats"] == [], redige["constats"]
    assert redige["destinataire"] == TIERS["designation"]
    pdf = actes.fichier(etude, int(redige["acte"]))  # type: ignore[call-overload]
    assert pdf.startswith(b"%PDF")
    signe = actes.signer(_commissaire(etude), int(redige["acte"]))  # type: ignore[call-overload]
    assert signe["numero_repertoire"] == "2023-000001"
    (saisie,) = [
        p
        for p in procedures.possibles(etude, reference, date(2023, 3, 7))["procedures"]
        if p["statut"] == "en_cours"
    ]
    # The PV recorded as the step: the dénonciation is due within 8 days (R211-3), by
    # Wednesday 15 March 2023.
    denonciation = next(e for e in saisie["etapes"] if e["code"] == "denonciation")
    assert denonciation["date_limite"] == "2023-03-15"


def test_signature_electronique_pades_avec_le_certificat_du_commissaire(
    etude: Contexte, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime, timedelta

    from cryptography.hazmat.primitives.asymmetric import ec

    from clerc.actes.signature import verifier_signature
    from tests.actes.test_signature import MOT_DE_PASSE, _certificat, _p12

    cle = ec.generate_private_key(ec.SECP256R1())
    maintenant = datetime.now(UTC)
    certificat = _certificat(
        cle, debut=maintenant - timedelta(days=1), fin=maintenant + timedelta(days=365)
    )
    monkeypatch.setenv("CLERC_CERTIFICAT", str(_p12(tmp_path, cle, certificat)))
    monkeypatch.setenv("CLERC_CERTIFICAT_MOT_DE_PASSE", MOT_DE_PASSE.decode())
    reference = _dossier(etude)
    redige = _denonciation(etude, reference)
    actes.signer(_commissaire(etude), int(redige["acte"]))  # type: ignore[call-overload]
    pdf = actes.fichier(etude, int(redige["acte"]))  # type: ignore[call-overload]
    info = verifier_signature(pdf, racines_de_confiance=[certificat])
    assert info.valide and info.intacte and info.couvre_tout_le_document
    assert info.motif == "Dénonciation de saisie-attribution au débiteur, répertoire n° 2023-000001"
    assert (info.lieu, info.nom) == ("Lyon", "Claire Martin")
    assert b"pdfaid" in pdf  # still PDF/A (incremental update)


# --- letters about money: the figures of the third-party funds ledger -----------------------


def _textes_imprimes(etude: Contexte, acte_id: int) -> str:
    """Every sentence the letter prints, as stored with the act (what its PDF shows)."""
    from clerc.office.models import Acte

    with transaction(etude, "lire", ecriture=False) as session:
        acte = session.get(Acte, acte_id)
        assert acte is not None
        donnees = dict(acte.donnees)

    def textes(valeur: object) -> list[str]:
        if isinstance(valeur, str):
            return [valeur]
        if isinstance(valeur, dict):
            return [t for v in valeur.values() for t in textes(v)]
        if isinstance(valeur, list):
            return [t for v in valeur for t in textes(v)]
        return []

    return " ".join(textes(donnees))


def test_les_lettres_de_fonds_impriment_les_montants_du_grand_livre(etude: Contexte) -> None:
    from clerc.actes.texte import date_longue, euros
    from clerc.office import grand_livre
    from clerc.office.services import paiements

    reference = _dossier(etude)
    # 400 € received by transfer on Friday 10 March 2023 (R444-56: six weeks, by Friday
    # 21 April 2023), 50 € of fees withheld and 250 € paid out on 20 March: 100 € still held.
    recu = paiements.enregistrer_paiement(etude, reference, Decimal("400.00"), date(2023, 3, 10))
    frais = paiements.prelever_frais(etude, reference, date(2023, 3, 20), Decimal("50.00"))
    sortie = paiements.reverser(etude, reference, date(2023, 3, 20), Decimal("250.00"))
    with transaction(etude, "lire", ecriture=False) as session:
        dossier = dossiers.charger_dossier(session, reference)
        detenu = grand_livre.solde_creancier(session, dossier.id)
        creancier_, debiteur_ = (
            dossier.creancier.designation,
            dossier.debiteurs[0].partie.designation,
        )
    assert detenu == sortie.detenu_restant == Decimal("100.00")

    lettres = {
        code: actes.generer(etude, reference, code, date(2023, 3, 21))
        for code in ("lettre_avis_encaissement_creancier", "lettre_avis_reversement",
                     "lettre_compte_rendu_creancier", "lettre_recu_paiement")
    }  # fmt: skip
    for code, lettre in lettres.items():
        assert lettre["constats"] == [], (code, lettre["constats"])
        assert lettre["statut"] == "verifie" and lettre["cout_ttc"] is None
        assert actes.fichier(etude, int(lettre["acte"])).startswith(b"%PDF")  # type: ignore[call-overload]
    # To the creditor, except the receipt, to the debtor who paid.
    assert {code: lettre["destinataire"] for code, lettre in lettres.items()} == {
        "lettre_avis_encaissement_creancier": creancier_,
        "lettre_avis_reversement": creancier_,
        "lettre_compte_rendu_creancier": creancier_,
        "lettre_recu_paiement": debiteur_,
    }

    def texte(code: str) -> str:
        return _textes_imprimes(etude, int(lettres[code]["acte"]))  # type: ignore[call-overload]

    avis = texte("lettre_avis_encaissement_creancier")
    assert f"le 10 mars 2023, la somme de {euros(Decimal('400.00'))} (virement)" in avis
    assert "au plus tard le 21 avril 2023" in avis
    reversement = texte("lettre_avis_reversement")
    assert f"la somme de {euros(sortie.montant)}" in reversement
    assert f"la somme de {euros(frais.montant)} au titre de ses frais" in reversement
    assert f"détient encore pour votre compte {euros(detenu)}" in reversement
    assert "au plus tard le 21 avril 2023" in reversement
    compte_rendu = texte("lettre_compte_rendu_creancier")
    assert (
        f"a encaissé pour votre compte {euros(Decimal('400.00'))} ; elle vous a reversé "
        f"{euros(sortie.montant)} et a prélevé {euros(frais.montant)}"
    ) in compte_rendu
    assert f"Elle détient à ce jour pour votre compte {euros(detenu)}" in compte_rendu
    assert "Saisie" in compte_rendu and date_longue(PV) in compte_rendu
    recu_ = texte("lettre_recu_paiement")
    assert f"reçu, le 10 mars 2023, la somme de {euros(Decimal('400.00'))}" in recu_
    assert recu.paiement_id


def test_un_montant_different_du_grand_livre_est_un_constat(etude: Contexte) -> None:
    from clerc.office.services import paiements

    reference = _dossier(etude)
    paiements.enregistrer_paiement(etude, reference, Decimal("400.00"), date(2023, 3, 10))
    lettre = actes.generer(etude, reference, "lettre_recu_paiement", date(2023, 3, 21),
                           champs={"montant_encaisse": "450.00"})  # fmt: skip
    (constat,) = lettre["constats"]  # type: ignore[misc]
    assert constat["mention"] == "paiement" and "grand livre" in constat["message"]
    # Without any receipt, the letter cannot be drawn up complete.
    autre = _dossier(etude)
    vide = actes.generer(etude, autre, "lettre_avis_reversement", date(2023, 3, 21))
    assert "reversement" in {c["mention"] for c in vide["constats"]}  # type: ignore[union-attr]
    assert vide["statut"] == "brouillon"


def test_une_proposition_d_echeancier_depuis_le_dossier(etude: Contexte) -> None:
    reference = _dossier(etude)
    jour = date(2023, 3, 21)
    brouillon = actes.generer(etude, reference, "lettre_proposition_echeancier", jour,
                              champs={"echeancier": [{"le": "2023-04-15", "montant": "10.00"}],
                                      "accepter_avant_le": "2023-04-05",
                                      "modalites_paiement": "par virement."})  # fmt: skip
    (constat,) = brouillon["constats"]  # type: ignore[misc]
    assert constat["mention"] == "echeancier" and "remise de dette" in constat["message"]
    with transaction(etude, "lire", ecriture=False) as session:
        total = dossiers.decompte_de(dossiers.charger_dossier(session, reference), jour).total
    tiers = (total / 3).quantize(Decimal("0.01"))
    reste = total - 2 * tiers
    plan = [{"le": f"2023-0{mois}-15", "montant": str(m)}
            for mois, m in ((4, tiers), (5, tiers), (6, reste))]  # fmt: skip
    lettre = actes.generer(etude, reference, "lettre_proposition_echeancier", jour,
                           champs={"echeancier": plan, "accepter_avant_le": "2023-04-05",
                                   "modalites_paiement": "par virement."})  # fmt: skip
    assert lettre["constats"] == [], lettre["constats"]


def test_une_lettre_s_imprime_en_lettre_et_un_acte_dans_le_cadre_des_actes() -> None:
    from clerc.office.models import Acte

    # Letters are not acts: no frame of the arrêté of 21 March 2023, the letter layout.
    assert actes._modele(Acte(categorie="lettre")) == "courrier"
    assert actes._modele(Acte(categorie="acte")) == "acte"


def test_une_correction_est_une_nouvelle_version(etude: Contexte) -> None:
    reference = _dossier(etude)
    premier = _denonciation(etude, reference, champs={})  # the court is missing: a draft
    corrige = _denonciation(etude, reference, remplace=premier["acte"])
    assert (corrige["version"], corrige["remplace"], corrige["constats"]) == (
        2,
        premier["acte"],
        [],
    )
    with pytest.raises(OperationRefusee, match="remplacé"):
        actes.signer(_commissaire(etude), int(premier["acte"]))  # type: ignore[call-overload]
    signe = actes.signer(_commissaire_existant(etude), int(corrige["acte"]))  # type: ignore[call-overload]
    # A signed act is corrected by a new version too; the signed one stays as it is.
    troisieme = _denonciation(etude, reference, remplace=signe["acte"])
    assert troisieme["version"] == 3
    assert actes.verifier(etude, int(signe["acte"]))["statut"] == "signe"  # type: ignore[call-overload]
