"""Typer's own messages (parser errors, help) are French, exit codes unchanged (2 = usage)."""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import pytest
import typer
import typer.core
from typer.testing import CliRunner

from clerc.cli.app import app
from clerc.cli.francais import FRANCAIS, VALIDATION, installer, traduire

runner = CliRunner()

_CADRE = re.compile(r"[╭╮╰╯─│]")
ANGLAIS = (
    "Usage:",
    "Try '",
    "Error",
    "No such",
    "Missing",
    "Invalid value",
    "Got unexpected",
    "Did you mean",
    "requires an argument",
    "Show this message and exit.",
    "[required]",
    "[default:",
    "Commands",
    "COMMAND [ARGS]",
    "<str>",
    "<int>",
    "<bool>",
)


def clerc(*args: str) -> tuple[int, str]:
    """Run `clerc args` in-process: exit code and output, Rich frames and wrapping removed."""
    resultat = runner.invoke(app, list(args), prog_name="clerc")
    return resultat.exit_code, " ".join(_CADRE.sub(" ", resultat.output).split())


def sans_anglais(sortie: str) -> None:
    restes = [mot for mot in ANGLAIS if mot in sortie]
    assert not restes, f"English left {restes} in: {sortie}"


def test_option_inconnue() -> None:
    code, sortie = clerc("paiement", "enregistrer", "2025-000001", "-5")
    assert code == 2
    assert "Utilisation : clerc paiement enregistrer [OPTIONS] {reference} {montant}" in sortie
    assert "Essayez « clerc paiement enregistrer --help » pour obtenir de l'aide." in sortie
    assert "Erreur Option « -5 » inconnue." in sortie  # panel title, then message
    sans_anglais(sortie)


def test_argument_en_trop() -> None:
    code, sortie = clerc("reversement", "2025-000001", "b", "c")
    assert code == 2
    assert "Argument(s) inattendu(s) : b c" in sortie
    sans_anglais(sortie)


def test_commande_inconnue() -> None:
    code, sortie = clerc("foo")
    assert code == 2
    assert "Utilisation : clerc [OPTIONS] COMMANDE [ARGUMENTS]..." in sortie
    assert "Commande « foo » inconnue." in sortie
    sans_anglais(sortie)


def test_commande_inconnue_avec_suggestion() -> None:
    code, sortie = clerc("dossier", "ouvri")
    assert code == 2
    assert "Commande « ouvri » inconnue. Vouliez-vous dire « ouvrir », « rouvrir » ?" in sortie
    sans_anglais(sortie)


def test_argument_manquant() -> None:
    code, sortie = clerc("reversement")
    assert code == 2
    assert "Argument « reference » manquant." in sortie
    sans_anglais(sortie)


def test_option_obligatoire_manquante() -> None:
    code, sortie = clerc("generer")
    assert code == 2
    assert "Option « --dossiers » manquante." in sortie
    sans_anglais(sortie)


def test_valeur_invalide_d_une_option_typee() -> None:
    code, sortie = clerc("generer", "--dossiers", "abc")
    assert code == 2
    assert "Valeur invalide pour « --dossiers » : « abc » n'est pas un nombre entier." in sortie
    sans_anglais(sortie)


def test_option_sans_sa_valeur() -> None:
    code, sortie = clerc("generer", "--dossiers")
    assert code == 2
    assert "L'option « --dossiers » attend une valeur." in sortie
    sans_anglais(sortie)


def test_aide_d_une_commande() -> None:
    code, sortie = clerc("paiement", "enregistrer", "--help")
    assert code == 0
    assert sortie.startswith("Utilisation : clerc paiement enregistrer")
    assert "Arguments * reference <texte> Référence du dossier. [obligatoire]" in sortie
    assert "Options --date <texte>" in sortie
    assert "[défaut : virement]" in sortie
    assert "--json <booléen> Sortie JSON." in sortie
    assert "--help <booléen> Affiche ce message et quitte." in sortie
    sans_anglais(sortie)


def test_aide_d_un_groupe() -> None:
    code, sortie = clerc("dossier", "--help")
    assert code == 0
    assert "Utilisation : clerc dossier [OPTIONS] COMMANDE [ARGUMENTS]..." in sortie
    assert "Commandes ouvrir" in sortie
    sans_anglais(sortie)


def test_sans_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    """TYPER_USE_RICH=0 or a plain terminal: Click's own printing, French too."""
    monkeypatch.setattr(typer.core, "HAS_RICH", False)
    resultat = runner.invoke(app, ["paiement", "enregistrer", "x", "-5"], prog_name="clerc")
    assert resultat.exit_code == 2
    assert resultat.output.splitlines() == [
        "Utilisation : clerc paiement enregistrer [OPTIONS] {reference} {montant}",
        "Essayez « clerc paiement enregistrer --help » pour obtenir de l'aide.",
        "",
        "Erreur : Option « -5 » inconnue.",
    ]
    resultat = runner.invoke(app, ["reversement", "--help"], prog_name="clerc")
    assert resultat.exit_code == 0
    assert "\nArguments :\n" in resultat.output
    assert "\nOptions :\n" in resultat.output
    assert "[obligatoire]" in resultat.output
    sans_anglais(resultat.output)


def test_independant_de_la_locale(tmp_path: Path) -> None:
    environnement = {**os.environ, "LANG": "C", "LC_ALL": "C", "LANGUAGE": "en"}
    resultat = subprocess.run(
        [sys.executable, "-m", "clerc", "foo"],
        cwd=tmp_path,
        env=environnement,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert resultat.returncode == 2
    assert "Commande « foo » inconnue." in resultat.stderr
    assert "Essayez « python -m clerc --help » pour obtenir de l'aide." in resultat.stderr


class Mode(StrEnum):
    CHEQUE = "cheque"
    VIREMENT = "virement"


essai = typer.Typer(add_completion=True)


@essai.command()
def typee(
    nombre: Annotated[int, typer.Option("--nombre", min=1, max=10)] = 1,
    taux: Annotated[float, typer.Option("--taux")] = 0.0,
    mode: Annotated[Mode, typer.Option("--mode")] = Mode.CHEQUE,
    fichier: Annotated[Path | None, typer.Option("--fichier", exists=True)] = None,
    paire: Annotated[tuple[int, int] | None, typer.Option("--paire")] = None,
) -> None:
    """Typed parameters: Typer validates them (with Pydantic)."""


@essai.command()
def autre() -> None:
    """A second command, so that `essai` is a group."""


@pytest.mark.parametrize(
    ("args", "attendu"),
    [
        (
            ["--nombre", "0"],
            "Valeur invalide pour « --nombre » : la valeur doit être supérieure ou égale à 1.",
        ),
        (
            ["--nombre", "11"],
            "Valeur invalide pour « --nombre » : la valeur doit être inférieure ou égale à 10.",
        ),
        (["--taux", "abc"], "Valeur invalide pour « --taux » : « abc » n'est pas un nombre."),
        (
            ["--mode", "carte"],
            "Valeur invalide pour « --mode » : « carte » ne fait pas partie des choix possibles :"
            " « cheque », « virement ».",
        ),
        (
            ["--fichier", "/nulle/part.csv"],
            "Valeur invalide pour « --fichier » : le chemin « /nulle/part.csv » n'existe pas.",
        ),
        (["--paire", "1"], "L'option « --paire » attend 2 valeurs."),
        (["--nombr", "1"], "Option « --nombr » inconnue. Options possibles : --nombre."),
    ],
    ids=["minimum", "maximum", "nombre", "choix", "chemin", "n-uplet", "option-voisine"],
)
def test_valeurs_typees(args: list[str], attendu: str) -> None:
    resultat = runner.invoke(essai, ["typee", *args], prog_name="essai")
    sortie = " ".join(_CADRE.sub(" ", resultat.output).split())
    assert resultat.exit_code == 2
    assert attendu in sortie
    sans_anglais(sortie)


def test_aide_des_types_et_de_la_completion() -> None:
    resultat = runner.invoke(essai, ["typee", "--help"], prog_name="essai")
    sortie = " ".join(_CADRE.sub(" ", resultat.output).split())
    assert "--nombre <entier borné> [1<=x<=10] [défaut : 1]" in sortie
    assert "--mode <cheque|virement> [défaut : cheque]" in sortie  # choices as typed
    resultat = runner.invoke(essai, ["--help"], prog_name="essai")
    sortie = " ".join(_CADRE.sub(" ", resultat.output).split())
    assert "--install-completion <booléen> Installe la complétion pour le shell courant." in sortie
    assert "--show-completion <booléen> Affiche la complétion pour le shell courant" in sortie
    sans_anglais(sortie)


def test_installer_est_idempotent() -> None:
    installer()
    installer()
    code, sortie = clerc("reversement")
    assert code == 2
    assert "Erreur Argument « reference » manquant." in sortie
    assert "Erreur : Erreur" not in sortie


def _champs(modele: str) -> set[str]:
    return {champ for _, champ, _, _ in string.Formatter().parse(modele) if champ is not None}


@pytest.mark.parametrize(("anglais", "francais"), FRANCAIS.items())
def test_le_francais_garde_les_champs_de_l_anglais(anglais: str, francais: str) -> None:
    assert _champs(francais) == _champs(anglais)


@pytest.mark.parametrize("francais", VALIDATION.values())
def test_messages_de_validation_en_francais_bien_formes(francais: str) -> None:
    assert _champs(francais) <= {"input", "ge", "gt", "le", "lt"}


def test_traduire_laisse_l_inconnu_tel_quel() -> None:
    assert traduire("Montant négatif refusé.") == "Montant négatif refusé."
    assert traduire("required") == "obligatoire"
    assert traduire("Error: Got unexpected extra argument(s) (x y)") == (
        "Erreur : Argument(s) inattendu(s) : x y"
    )
