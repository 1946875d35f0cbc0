"""Acts rendered from their declaration: the PDF says what the checker checked, the DOCX
reopens, and the text of each act on fixed data is kept as a reviewed file (a golden file: a
change of wording shows as a diff of ``tests/actes/attendus/<type>.txt``)."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest

from clerc.actes.composition import (
    contexte_docx,
    contexte_docx_lettre,
    donnees_acte,
    donnees_lettre,
)
from clerc.actes.rendu import rendre_docx, rendre_pdf
from clerc.actes.types_actes import type_acte
from tests.actes.exemples import denonciation, paiement_tiers, relance_employeur
from tests.actes.exemples_lettres_fonds import LETTRES_FONDS
from tests.actes.exemples_saisies import EXEMPLES_SAISIES
from tests.actes.exemples_significations import ACTES as EXEMPLES_SIGNIFICATIONS
from tests.actes.exemples_significations import LETTRES as LETTRES_SIGNIFICATIONS

ATTENDUS = Path(__file__).parent / "attendus"
HORODATAGE = datetime(2023, 3, 8, 9, 30, tzinfo=UTC)
EXEMPLES = {
    "denonciation_saisie_attribution": denonciation,
    **EXEMPLES_SAISIES,
    **EXEMPLES_SIGNIFICATIONS,
}
LETTRES = {
    **LETTRES_SIGNIFICATIONS,
    **LETTRES_FONDS,
    "lettre_tiers_saisi_paiement": paiement_tiers,
    "lettre_employeur_declaration": relance_employeur,
}


def _texte(pdf: bytes, poppler: Callable[..., str], tmp_path: Path) -> str:
    chemin = tmp_path / "acte.pdf"
    chemin.write_bytes(pdf)
    # One space for any run of spaces (the narrow no-break space comes out as a space).
    return "\n".join(
        re.sub(r"[ \u00a0\u202f]+", " ", ligne).strip()
        for ligne in poppler("pdftotext", chemin, "-").splitlines()
    ).strip()


@pytest.mark.parametrize("code", sorted(EXEMPLES))
def test_texte_de_l_acte_sur_donnees_fixes(
    code: str, poppler: Callable[..., str], tmp_path: Path
) -> None:
    contenu = EXEMPLES[code]()
    pdf = rendre_pdf("acte", donnees_acte(type_acte(code), contenu), horodatage=HORODATAGE)
    texte = _texte(pdf, poppler, tmp_path)
    attendu = ATTENDUS / f"{code}.txt"
    if os.environ.get("CLERC_REECRIRE_ATTENDUS") == "1":  # after reviewing the diff
        attendu.write_text(texte + "\n", encoding="utf-8")
    assert texte == attendu.read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("code", sorted(LETTRES))
def test_texte_de_la_lettre_sur_donnees_fixes(
    code: str, poppler: Callable[..., str], tmp_path: Path
) -> None:
    # Letters are rendered with the letter template (modeles/courrier.typ, lettre.typ).
    contenu = LETTRES[code]()
    pdf = rendre_pdf("courrier", donnees_lettre(type_acte(code), contenu), horodatage=HORODATAGE)
    texte = _texte(pdf, poppler, tmp_path)
    attendu = ATTENDUS / f"{code}.txt"
    if os.environ.get("CLERC_REECRIRE_ATTENDUS") == "1":  # after reviewing the diff
        attendu.write_text(texte + "\n", encoding="utf-8")
    assert texte == attendu.read_text(encoding="utf-8").strip()


def test_la_denonciation_imprime_les_mentions_verifiees(
    poppler: Callable[..., str], tmp_path: Path
) -> None:
    pdf = rendre_pdf("acte", donnees_acte(type_acte("denonciation_saisie_attribution"),
                                          denonciation()))  # fmt: skip
    texte = _texte(pdf, poppler, tmp_path).replace("\n", " ")
    for attendu in (
        "DÉNONCIATION DE SAISIE-ATTRIBUTION",
        "L'an deux mille vingt-trois, le huit mars",
        # R211-3 2°: the month and its expiry, Tuesday 11 April 2023 (CPC 642).
        "Ce délai expire le 11 avril 2023.",
        # R211-3 4°: the SBI left on the account (R162-2).
        "la somme de 646,52 €, à caractère alimentaire",
        "6 155,49 € (six mille cent cinquante-cinq euros et quarante-neuf centimes)",
        # Cost at the 2020 tariff (n° 5: 32,98 € HT, A444-13), with its total.
        "Coût de l'acte TTC",
        "Page 1 / 2",
    ):
        assert attendu in texte, attendu


def test_le_docx_se_rouvre_avec_le_meme_texte() -> None:
    contenu = denonciation()
    fichier = rendre_docx(
        "acte", contexte_docx(type_acte("denonciation_saisie_attribution"), contenu)
    )
    document = docx.Document(io.BytesIO(fichier))
    texte = "\n".join(p.text for p in document.paragraphs)
    assert "{{" not in texte and "{%" not in texte
    assert "En vertu d'un jugement rendu par le tribunal judiciaire de Lyon" in texte
    assert "Ce délai expire le 11 avril 2023." in texte
    cellules = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "5\u202f000,00\xa0€" in cellules


def _texte_docx(fichier: bytes) -> tuple[str, list[str], str]:
    """(body paragraphs, table cells, every XML part) of a rendered DOCX."""
    import zipfile

    document = docx.Document(io.BytesIO(fichier))
    corps = "\n".join(p.text for p in document.paragraphs)
    cellules = [c.text for t in document.tables for r in t.rows for c in r.cells]
    with zipfile.ZipFile(io.BytesIO(fichier)) as archive:
        xml = "".join(
            archive.read(nom).decode("utf-8") for nom in archive.namelist() if nom.endswith(".xml")
        )
    return corps, cellules, xml


@pytest.mark.parametrize("code", sorted(LETTRES))
def test_le_docx_de_chaque_lettre_se_rouvre_avec_son_texte(code: str) -> None:
    contenu = LETTRES[code]()
    type_ = type_acte(code)
    corps, cellules, xml = _texte_docx(rendre_docx("lettre", contexte_docx_lettre(type_, contenu)))
    for balise in ("{{", "}}", "{%", "%}"):
        assert balise not in xml, balise
    donnees = donnees_lettre(type_, contenu)
    # Every sentence the checker checked, in the order of the PDF, with the letter's frame.
    attendus = [
        donnees["etude"]["nom"],
        donnees["destinataire"]["nom"],
        f"{donnees['lieu']}, le {donnees['date']}",
        f"Nos réf. : {donnees['references']}",
        f"Objet : {donnees['objet']}",
        donnees["appel"],
        *(p if isinstance(p, str) else p["texte"] for p in donnees["paragraphes"]
          if not (isinstance(p, dict) and "decompte" in p)),
        donnees["formule"],
        donnees["signature"]["nom"],
        *donnees["pieces"],
        *(a for t in donnees["textes"] for a in t["texte"]),
    ]  # fmt: skip
    position = 0
    for attendu in attendus:
        trouve = corps.find(attendu, position)
        assert trouve >= 0, attendu
        position = trouve
    if "envoi" in donnees:
        assert donnees["envoi"] in corps
    if contenu.decompte is not None:
        assert "Total" in cellules and "Soit la somme totale de" in corps
        for ligne in contenu.decompte.lignes:
            assert ligne.libelle in " ".join(cellules)
    else:
        assert not cellules and "Soit la somme totale" not in corps


def test_la_lettre_docx_encadre_les_phrases_tres_apparentes() -> None:
    contenu = LETTRES["invitation_petites_creances"]()
    fichier = rendre_docx(
        "lettre", contexte_docx_lettre(type_acte("invitation_petites_creances"), contenu)
    )
    document = docx.Document(io.BytesIO(fichier))
    (encadre,) = [p for p in document.paragraphs if "qui expire le 14 mars 2025" in p.text]
    assert encadre.runs[0].bold
    assert encadre._p.pPr.find(docx.oxml.ns.qn("w:pBdr")) is not None
    # The décompte table sits between the sentence that announces it and the next one.
    amiable = contexte_docx_lettre(
        type_acte("lettre_recouvrement_amiable"), LETTRES["lettre_recouvrement_amiable"]()
    )
    assert "se décompte comme suit" in amiable["paragraphes"][-1]["texte"]
    assert amiable["decompte"]["total"]["montant"] == "1\u202f897,71\xa0€"


def test_le_gabarit_de_lettre_livre_est_celui_que_construit_le_script(tmp_path: Path) -> None:
    import runpy
    import zipfile
    from importlib.resources import files

    modeles = files("clerc.actes").joinpath("modeles")
    script = runpy.run_path(str(modeles.joinpath("construire_docx.py")))
    reconstruit = script["construire_lettre"](tmp_path / "lettre.docx").read_bytes()
    livre = modeles.joinpath("lettre.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(reconstruit)) as a, zipfile.ZipFile(io.BytesIO(livre)) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())
        for nom in a.namelist():
            assert a.read(nom) == b.read(nom), f"{nom} diffère : relancez construire_docx.py"
