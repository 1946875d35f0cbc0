"""DOCX rendering with docxtpl: escaping, loops, no tag left, template in sync with its script."""

from __future__ import annotations

import io
import re
import runpy
import zipfile
from importlib.resources import files
from pathlib import Path
from typing import Any

import docx
import pytest

from clerc.actes import ErreurRendu, rendre_docx
from clerc.actes.demonstration import contexte_docx_demonstration

SOCIETE = "Dupont & Fils <SARL>"


def _contexte(**changements: Any) -> dict[str, Any]:
    contexte = contexte_docx_demonstration()
    contexte.update(changements)
    return contexte


def _xml(document: bytes) -> str:
    """All the XML parts of a DOCX (body, headers, footers, properties), concatenated."""
    with zipfile.ZipFile(io.BytesIO(document)) as archive:
        return "".join(
            archive.read(nom).decode("utf-8") for nom in archive.namelist() if nom.endswith(".xml")
        )


@pytest.fixture(scope="module")
def docx_societe() -> bytes:
    requerant = {"nom": SOCIETE, "designation": ", dont le siège social est à Lyon"}
    return rendre_docx("acte", _contexte(requerants=[requerant]))


def test_les_caracteres_speciaux_sont_rendus_intacts(docx_societe: bytes) -> None:
    document = docx.Document(io.BytesIO(docx_societe))
    textes = [p.text for p in document.paragraphs]
    assert f"{SOCIETE}, dont le siège social est à Lyon." in textes
    assert "&lt;SARL&gt;" in _xml(docx_societe)  # escaped in the XML, not dropped


def test_aucune_balise_de_gabarit_ne_reste(docx_societe: bytes) -> None:
    xml = _xml(docx_societe)
    for balise in ("{{", "}}", "{%", "%}"):
        assert balise not in xml


def test_le_document_se_rouvre_avec_ses_sections(docx_societe: bytes) -> None:
    document = docx.Document(io.BytesIO(docx_societe))
    textes = [p.text for p in document.paragraphs]
    assert textes[0] == "COMMANDEMENT DE PAYER AUX FINS DE SAISIE-VENTE"
    assert "L'an deux mille vingt-six, le vingt-neuf novembre," in textes
    assert "Monsieur Jérôme FAÇONNIER" in " ".join(textes)
    assert "Dont acte, sous toutes réserves." in textes
    assert "Maître Claire MARTIN" in textes
    section = document.sections[0]
    assert "Dossier n° 2026-00417" in section.footer.paragraphs[0].text
    assert "SELARL Martin & Roux" in section.first_page_header.paragraphs[0].text


def test_les_lignes_du_decompte_sont_toutes_la(docx_societe: bytes) -> None:
    decompte, cout = docx.Document(io.BytesIO(docx_societe)).tables
    lignes = [[cellule.text for cellule in rangee.cells] for rangee in decompte.rows]
    attendu = contexte_docx_demonstration()["decompte"]
    assert len(lignes) == 1 + len(attendu["lignes"]) + 1  # header, 8 lines, total
    assert lignes[0] == ["Libellé", "Montant"]
    for ligne, donnee in zip(lignes[1:-1], attendu["lignes"], strict=True):
        assert ligne[0].split("\n")[0] == donnee["libelle"]
        assert ligne[1] == donnee["montant"]
    assert lignes[-1] == ["Total des sommes dues", "5\u202f908,75\xa0€"]
    assert [rangee.cells[0].text for rangee in cout.rows][-1] == "Coût de l'acte TTC"


def test_chaque_rendu_part_d_un_gabarit_neuf() -> None:
    premier = rendre_docx("acte", _contexte(titre="PREMIER ACTE"))
    second = rendre_docx("acte", _contexte(titre="SECOND ACTE"))
    assert "PREMIER ACTE" in _xml(premier) and "PREMIER ACTE" not in _xml(second)


def test_une_variable_manquante_leve_une_erreur_de_rendu_en_francais() -> None:
    contexte = _contexte()
    del contexte["signature"]
    with pytest.raises(ErreurRendu, match=r"« acte\.docx » n'a pas pu être rempli.*signature"):
        rendre_docx("acte", contexte)


def test_un_modele_docx_inconnu_est_refuse() -> None:
    with pytest.raises(ErreurRendu, match=re.escape("Modèle introuvable : « absent.docx »")):
        rendre_docx("absent", {})


def test_le_gabarit_livre_est_celui_que_construit_le_script(tmp_path: Path) -> None:
    modeles = files("clerc.actes").joinpath("modeles")
    script = runpy.run_path(str(modeles.joinpath("construire_docx.py")))
    reconstruit = script["construire"](tmp_path / "acte.docx").read_bytes()
    livre = modeles.joinpath("acte.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(reconstruit)) as a, zipfile.ZipFile(io.BytesIO(livre)) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())
        for nom in a.namelist():
            assert a.read(nom) == b.read(nom), f"{nom} diffère : relancez construire_docx.py"
