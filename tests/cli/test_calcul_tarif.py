"""`clerc calcul cout-acte` / `droit-proportionnel`: JSON contract and French errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from clerc.cli.app import app

runner = CliRunner()


def _json(*args: str) -> dict[str, object]:
    resultat = runner.invoke(app, ["calcul", *args, "--json"])
    assert resultat.exit_code == 0, resultat.output
    donnees: dict[str, object] = json.loads(resultat.stdout)
    return donnees


def test_cout_acte_json_contrat() -> None:
    donnees = _json(
        "cout-acte", "--acte", "commandement_saisie_vente", "--montant", "2000", "--date",
        "2025-01-10",
    )  # fmt: skip
    for cle in ("emolument_ht", "coefficient", "frais_deplacement_ht", "tva", "total_ttc"):
        assert cle in donnees
    assert donnees["emolument_ht"] == "20.42"
    assert donnees["coefficient"] == "2.00"
    assert donnees["dep_ht"] == "49.76"
    assert donnees["frais_deplacement_ht"] == "9.40"
    assert donnees["tva"] == "20.00"
    assert donnees["total_ttc"] == "120.00"
    assert donnees["numero"] == "42"
    assert donnees["article"] == "C. com. A444-14"
    assert donnees["avertissements"] == []
    lignes = donnees["lignes"]
    assert isinstance(lignes, list) and lignes[0]["numero"] == "42"


def test_cout_acte_exemple_t1() -> None:
    donnees = _json(
        "cout-acte", "--acte", "assignation", "--montant", "2000", "--date", "2021-06-15"
    )
    assert donnees["total_ttc"] == "52.62"


def test_cout_acte_2026_porte_l_avertissement() -> None:
    donnees = _json(
        "cout-acte", "--acte", "assignation", "--montant", "2000", "--date", "2026-11-30"
    )
    avertissements = donnees["avertissements"]
    assert isinstance(avertissements, list) and avertissements
    assert "aucun arrêté tarifaire 2026 trouvé" in avertissements[0]


def test_cout_acte_lister() -> None:
    donnees = _json("cout-acte", "--lister")
    actes = donnees["actes"]
    assert isinstance(actes, list)
    par_code = {a["code"]: a for a in actes}
    assert par_code["pv_saisie_attribution"]["numero"] == "50"
    assert par_code["commandement_saisie_remunerations"]["numero"] == "97-1"
    texte = runner.invoke(app, ["calcul", "cout-acte", "--lister"])
    assert texte.exit_code == 0 and "assignation" in texte.stdout


def test_cout_acte_affichage_tableau() -> None:
    resultat = runner.invoke(
        app, ["calcul", "cout-acte", "--acte", "pv_expulsion", "--date", "2024-07-01"]
    )
    assert resultat.exit_code == 0, resultat.output
    assert "153,67" in resultat.stdout


def test_droit_proportionnel_json() -> None:
    donnees = _json(
        "droit-proportionnel", "--encaisse", "4000", "--date", "2025-01-10", "--charge", "debiteur"
    )
    assert donnees["montant_ht"] == "81.39"
    tranches = donnees["tranches"]
    assert isinstance(tranches, list)
    assert [t["montant"] for t in tranches] == ["12.21", "30.80", "31.20", "7.18"]
    assert donnees["tva"] == "16.28"
    assert donnees["total_ttc"] == "97.67"
    creancier = _json(
        "droit-proportionnel", "--encaisse", "4000", "--date", "2025-01-10", "--charge",
        "creancier",
    )  # fmt: skip
    assert creancier["montant_ht"] == "257.45"
    alimentaire = _json(
        "droit-proportionnel", "--encaisse", "4000", "--date", "2025-01-10",
        "--creance-alimentaire",
    )  # fmt: skip
    assert alimentaire["montant_ht"] == "162.79"


def _erreur(*args: str) -> str:
    resultat = runner.invoke(app, ["calcul", *args])
    assert resultat.exit_code == 2, resultat.output
    message = resultat.stderr.strip()
    assert message.startswith("Erreur : ") and "\n" not in message
    return message


def test_erreurs_francaises_code_2() -> None:
    assert "Acte inconnu" in _erreur("cout-acte", "--acte", "constat", "--date", "2025-01-10")
    assert "négatif" in _erreur(
        "cout-acte", "--acte", "assignation", "--montant", "-5", "--date", "2025-01-10"
    )
    assert "Paramètre légal manquant" in _erreur(
        "cout-acte", "--acte", "pv_saisie_attribution", "--montant", "2000", "--date", "2025-01-10"
    )
    assert "Paramètre légal manquant" in _erreur(
        "cout-acte", "--acte", "assignation", "--montant", "2000", "--date", "2015-01-10"
    )
    assert "date impossible" in _erreur(
        "cout-acte", "--acte", "assignation", "--date", "2025-13-01"
    )
    assert "--acte" in _erreur("cout-acte", "--date", "2025-01-10")
    assert "--charge" in _erreur(
        "droit-proportionnel", "--encaisse", "10", "--date", "2025-01-10", "--charge", "tiers"
    )
    assert "négatif" in _erreur("droit-proportionnel", "--encaisse", "-10", "--date", "2025-01-10")
