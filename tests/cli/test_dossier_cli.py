"""`clerc dossier|paiement|reversement|fonds|audit` on an SQLite office, as a clerc uses them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clerc.cli.app import app
from clerc.office.db import creer_moteur, migrer
from clerc.office.services.etudes import creer_etude
from clerc.rules.decompte import Creance, Frais, Paiement, decompte
from clerc.rules.interets import RegimeInterets

runner = CliRunner()

DOSSIER = {
    "nature": "judiciaire",
    "reference_mandant": "CR-001",
    "ouvert_le": "2025-05-02",
    "creancier": {
        "type": "personne_morale",
        "denomination": "Banque Exemple",
        "forme_juridique": "SA",
        "siren": "732829320",
    },
    "debiteurs": [
        {
            "type": "personne_physique",
            "civilite": "Madame",
            "nom": "Lefèvre",
            "prenoms": "Éloïse",
            "date_naissance": "1980-04-12",
            "adresses": [
                {"ligne1": "12 rue Sainte-Catherine", "code_postal": "69001", "commune": "Lyon"}
            ],
        }
    ],
    "titre": {
        "type": "decision_justice",
        "date_titre": "2025-03-10",
        "juridiction": "Tribunal judiciaire de Lyon",
        "date_signification": "2025-04-01",
        "lignes": [
            {"nature": "principal", "montant": "5000.00", "majoration_depuis": "2025-06-02"},
            {"nature": "article_700", "montant": "800"},
        ],
    },
}


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty SQLite office database configured for the commands; the JSON of one file."""
    url = f"sqlite:///{tmp_path / 'clerc.sqlite3'}"
    moteur = creer_moteur(url)
    migrer(moteur)
    creer_etude(moteur, code="TEST", nom="Étude test", territoire="69", utilisateur="admin")
    moteur.dispose()
    monkeypatch.setenv("CLERC_DATABASE_URL", url)
    monkeypatch.setenv("CLERC_UTILISATEUR", "marie")
    monkeypatch.setenv("COLUMNS", "200")
    chemin = tmp_path / "dossier.json"
    chemin.write_text(json.dumps(DOSSIER, ensure_ascii=False), encoding="utf-8")
    yield chemin


def _creance() -> Creance:
    """The file of DOSSIER after its payment, as the rules engine takes it: the file's
    décompte must be the engine's (checked against published examples in tests/rules)."""
    return Creance(
        principal=Decimal("5000.00"),
        date=date(2025, 3, 10),
        regime=RegimeInterets(categorie="autre", majoration_depuis=date(2025, 6, 2)),
        frais=(Frais("Article 700", date(2025, 3, 10), Decimal("800.00"), "article_700"),),
        paiements=(Paiement(date(2025, 9, 1), Decimal("1000.00")),),
    )


def _json(arguments: list[str]) -> dict[str, object]:
    resultat = runner.invoke(app, arguments)
    assert resultat.exit_code == 0, resultat.output
    donnees = json.loads(resultat.stdout)
    assert isinstance(donnees, dict)
    return donnees


def test_un_dossier_ouvert_en_json_garde_ses_dates_et_sa_creance(base: Path) -> None:
    assert _json(["dossier", "ouvrir", str(base), "--json"]) == {"reference": "2025-000001"}
    fiche = _json(["dossier", "afficher", "2025-000001", "--au", "2025-05-02", "--json"])
    assert fiche["ouvert_le"] == "2025-05-02"
    assert fiche["territoire"] == "69"  # the debtor's department (69001 Lyon)
    assert fiche["titre"]["date"] == "2025-03-10"  # type: ignore[index]
    assert fiche["titre"]["date_signification"] == "2025-04-01"  # type: ignore[index]
    assert [(ligne["nature"], ligne["montant"]) for ligne in fiche["lignes"]] == [  # type: ignore[attr-defined]
        ("principal", "5000.00"),
        ("article_700", "800.00"),
    ]


def test_paiement_reversement_et_decompte_de_bout_en_bout(base: Path) -> None:
    runner.invoke(app, ["dossier", "ouvrir", str(base)])
    paiement = _json(
        ["paiement", "enregistrer", "2025-000001", "1 000,00", "--date", "2025-09-01",
         "--mode", "cheque", "--json"]
    )  # fmt: skip
    sortie = _json(["reversement", "2025-000001", "--date", "2025-09-10", "--json"])
    assert (sortie["montant"], sortie["detenu_restant"]) == ("1000.00", "0.00")
    etat = _json(["dossier", "decompte", "2025-000001", "--au", "2026-06-30", "--json"])
    attendu = decompte(_creance(), date(2026, 6, 30))
    assert etat["total"] == str(attendu.total)
    assert etat["interets_echus"] == str(attendu.interets_echus)
    assert paiement["reste_du"] == str(decompte(_creance(), date(2025, 9, 1)).total)
    verification = runner.invoke(app, ["audit", "verifier"])
    assert verification.exit_code == 0 and "intact" in verification.stdout


def test_la_recherche_vide_liste_les_dossiers_au_format_du_contrat(base: Path) -> None:
    runner.invoke(app, ["dossier", "ouvrir", str(base)])
    assert _json(["dossier", "chercher", "", "--json"]) == {
        "dossiers": [
            {
                "reference": "2025-000001",
                "reference_mandant": "CR-001",
                "nature": "judiciaire",
                "statut": "en_cours",
                "creancier": "SA Banque Exemple",
                "debiteurs": ["Madame Éloïse LEFÈVRE"],
                "clerc": None,
                "ouvert_le": "2025-05-02",
                "clos_le": None,
            }
        ],
        "total": 1,
    }


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["dossier", "afficher", "2025-999999"], "Dossier « 2025-999999 » introuvable"),
        (["dossier", "afficher", " 2025-999999 "], "Dossier « 2025-999999 » introuvable"),
        (["paiement", "enregistrer", "2025-000001", "abc"], "montant non numérique"),
        (["reversement", "2025-000001"], "ne détient aucun fonds"),
        (["dossier", "cloturer", "2025-000001", "--motif", "paye"], "n'est pas soldé"),
        # Numeric(14, 2): PostgreSQL would raise, SQLite would store it silently.
        (
            ["paiement", "enregistrer", "2025-000001", "99999999999999,00", "--date", "2025-09-01"],
            "trop élevé (au plus 999\u202f999\u202f999\u202f999,99\xa0€)",
        ),
        (
            ["paiement", "enregistrer", "2025-000001", "10,00", "--date", "2999-06-01"],
            "date postérieure à aujourd'hui",
        ),
        (["reversement", "2025-000001", "--date", "2999-06-01"], "date postérieure"),
    ],
)
def test_une_saisie_refusee_donne_un_message_francais_et_le_code_2(
    base: Path, arguments: list[str], message: str
) -> None:
    runner.invoke(app, ["dossier", "ouvrir", str(base)])
    resultat = runner.invoke(app, arguments)
    assert resultat.exit_code == 2
    assert message in resultat.stderr


def test_un_json_mal_forme_est_refuse_sans_rien_creer(base: Path) -> None:
    base.write_text('{"nature": "judiciaire", "debiteurs": [}', encoding="utf-8")
    resultat = runner.invoke(app, ["dossier", "ouvrir", str(base)])
    assert resultat.exit_code == 2 and "JSON invalide" in resultat.stderr
    assert _json(["dossier", "chercher", "", "--json"])["total"] == 0


def test_une_reference_saisie_avec_des_espaces_est_trouvee(base: Path) -> None:
    runner.invoke(app, ["dossier", "ouvrir", str(base)])
    assert _json(["dossier", "afficher", " 2025-000001 ", "--json"])["reference"] == "2025-000001"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://x/y", "« mysql://x/y » invalide ou non prise en charge"),
        ("pas une adresse", "invalide ou non prise en charge"),
        # A typo in a path must not create a new, empty office somewhere.
        ("sqlite:////nulle/part/clerc.sqlite3", "le dossier « /nulle/part » n'existe pas"),
        # Nothing listens on port 1 of the loopback.
        ("postgresql+psycopg://clerc@127.0.0.1:1/clerc", "Base de données injoignable"),
    ],
)
def test_une_base_inaccessible_donne_un_message_francais_et_le_code_2(
    monkeypatch: pytest.MonkeyPatch, url: str, message: str
) -> None:
    monkeypatch.setenv("CLERC_DATABASE_URL", url)
    resultat = runner.invoke(app, ["dossier", "chercher", "", "--json"])
    assert resultat.exit_code == 2, resultat.output
    assert message in resultat.stderr
    assert not Path("/nulle").exists()
