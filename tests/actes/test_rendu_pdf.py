"""PDF rendering with Typst: text, fonts, PDF/A, errors, and the frame of the presentation norms.

Norms: arrêté of 21 March 2023 (NOR JUSC2302471A), A4, frame 5.5 cm from the left edge, margins
1.2 cm (top), 1.5 cm (bottom), 0.8 cm (right).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from clerc.actes import ErreurRendu, rendre_pdf
from clerc.actes.demonstration import donnees_courrier_demonstration, donnees_demonstration
from clerc.actes.rendu import caracteres_imprimables, modeles_disponibles

HORODATAGE = datetime(2026, 11, 29, 10, 25, tzinfo=UTC)


def _espaces(texte: str) -> str:
    # pdftotext writes every Unicode space (U+202F, U+00A0) as a plain space.
    return re.sub(r"[ \u00a0\u202f]+", " ", texte)


def test_le_texte_du_commandement_est_extrait_avec_ses_accents(texte_demonstration: str) -> None:
    texte = _espaces(texte_demonstration)
    assert "COMMANDEMENT DE PAYER AUX FINS DE SAISIE-VENTE" in texte
    assert "L'an deux mille vingt-six, le vingt-neuf novembre" in texte
    assert "À LA REQUÊTE DE" in texte
    assert "TRÈS IMPORTANT" in texte
    assert "SAS ÉTABLISSEMENTS GARÇON" in texte
    assert "Monsieur Jérôme FAÇONNIER" in texte
    assert "É" in texte and "ç" in texte and "€" in texte


def test_les_montants_gardent_l_espace_fine_insecable(
    texte_demonstration: str, pdf_demonstration: Path, poppler: Callable[..., str]
) -> None:
    texte = _espaces(texte_demonstration)
    assert "4 500,00 €" in texte
    assert "5 908,75 €" in texte
    assert "cinq mille neuf cent huit euros et soixante-quinze centimes" in texte
    # pdftotext writes U+202F as a plain space, so measure it: Liberation Sans Narrow has no
    # U+202F glyph and Typst sets it as half a space (HarfBuzz's fallback), the no-break
    # space U+00A0 before "€" as a whole one.
    mots = re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
        poppler("pdftotext", "-bbox", pdf_demonstration, "-"),
    )
    for i, (_debut, _fin, mot) in enumerate(mots[:-1]):
        if mot == "908,75" and mots[i - 1][2] == "5" and mots[i + 1][2] == "€":
            fine = float(mots[i][0]) - float(mots[i - 1][1])
            insecable = float(mots[i + 1][0]) - float(mots[i][1])
            assert fine == pytest.approx(insecable / 2, abs=0.05)
            break
    else:
        pytest.fail("Montant « 5 908,75 € » introuvable dans les boîtes de pdftotext.")


def test_chaque_page_est_numerotee_sur_le_total(texte_demonstration: str) -> None:
    assert "Page 1 / 2" in texte_demonstration
    assert "Page 2 / 2" in texte_demonstration
    assert texte_demonstration.count("\f") == 2


def test_le_bloc_de_references_figure_sur_chaque_page(texte_demonstration: str) -> None:
    pages = texte_demonstration.split("\f")[:2]
    for page in pages:
        assert "Dossier n° 2026-00417" in page
        assert "CPSV" in page
        assert "Édité le 29 novembre 2026" in _espaces(page)
    assert "SELARL Martin & Roux" in pages[0]
    assert "SELARL Martin & Roux" not in pages[1]


def test_seules_les_polices_liberation_sans_narrow_sont_incorporees(
    pdf_demonstration: Path, poppler: Callable[..., str]
) -> None:
    lignes = poppler("pdffonts", pdf_demonstration).splitlines()[2:]
    assert lignes
    for ligne in lignes:
        nom, *_, incorporee, sous_ensemble, unicode, _objet, _generation = ligne.split()
        assert re.fullmatch(r"[A-Z]{6}\+LiberationSansNarrow(-Bold|-Italic|-BoldItalic)?", nom)
        assert (incorporee, sous_ensemble, unicode) == ("yes", "yes", "yes")


def test_pdfa_declare_la_conformite_pdfa_2b_dans_ses_metadonnees() -> None:
    pdf = rendre_pdf("demonstration", donnees_demonstration(), pdfa=True)
    assert b"<pdfaid:part>2</pdfaid:part>" in pdf
    assert b"<pdfaid:conformance>B</pdfaid:conformance>" in pdf


def test_sans_pdfa_aucune_conformite_n_est_declaree(pdf_demonstration: Path) -> None:
    assert b"pdfaid:part" not in pdf_demonstration.read_bytes()


def test_le_rendu_est_reproductible_a_horodatage_fixe() -> None:
    donnees = donnees_demonstration()
    premier = rendre_pdf("demonstration", donnees, horodatage=HORODATAGE)
    assert rendre_pdf("demonstration", donnees, horodatage=HORODATAGE) == premier


def test_les_donnees_ne_sont_jamais_interpretees_comme_du_typst(
    tmp_path: Path, poppler: Callable[..., str]
) -> None:
    donnees = donnees_demonstration()
    piege = 'Dupont & Fils <SARL> #panic("x") $x^2$ *gras* [crochet] \\ "guillemets"'
    donnees["parties"]["destinataires"][0]["nom"] = piege
    fichier = tmp_path / "piege.pdf"
    fichier.write_bytes(rendre_pdf("demonstration", donnees))
    assert piege in poppler("pdftotext", fichier, "-").replace("\n", " ")


def test_une_donnee_manquante_leve_une_erreur_de_rendu_en_francais() -> None:
    with pytest.raises(ErreurRendu, match="« demonstration » n'a pas pu être composé") as erreur:
        rendre_pdf("demonstration", {"titre": "Sans le reste"})
    assert "formule_date" in str(erreur.value)


def test_un_montant_non_formate_est_refuse() -> None:
    with pytest.raises(ErreurRendu, match=r"Données de l'acte invalides.*Decimal"):
        rendre_pdf("demonstration", {"montant": Decimal("12.50")})


def test_un_caractere_absent_de_la_police_est_refuse() -> None:
    donnees = donnees_demonstration()
    donnees["parties"]["destinataires"][0]["nom"] = "Monsieur 王"
    with pytest.raises(ErreurRendu, match=r"Caractères absents.*U\+738B"):
        rendre_pdf("demonstration", donnees)


def test_la_police_couvre_le_francais_et_les_espaces_de_babel() -> None:
    francais = "àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ«»€°’–—…§\u00a0\u202f"
    assert set(francais) <= caracteres_imprimables()


@pytest.mark.parametrize(
    ("modele", "message"),
    [
        ("inexistant", "Modèle introuvable : « inexistant.typ »"),
        ("../commun", "Nom de modèle invalide"),
        ("commun", "est une mise en page"),
    ],
)
def test_un_modele_inconnu_ou_une_mise_en_page_est_refuse(modele: str, message: str) -> None:
    with pytest.raises(ErreurRendu, match=re.escape(message)):
        rendre_pdf(modele, {})


def test_les_modeles_disponibles_excluent_les_mises_en_page() -> None:
    assert modeles_disponibles() == ["acte", "courrier", "demonstration", "repertoire"]
    assert modeles_disponibles(".docx") == ["acte", "lettre"]


def test_le_rendu_ne_depend_pas_du_repertoire_courant(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert rendre_pdf("demonstration", donnees_demonstration()).startswith(b"%PDF-")


def test_le_courrier_porte_l_objet_le_destinataire_et_la_date(
    tmp_path: Path, poppler: Callable[..., str]
) -> None:
    fichier = tmp_path / "courrier.pdf"
    fichier.write_bytes(rendre_pdf("courrier", donnees_courrier_demonstration()))
    texte = _espaces(poppler("pdftotext", fichier, "-"))
    assert "Objet : SAS ÉTABLISSEMENTS GARÇON c/ Jérôme FAÇONNIER" in texte
    assert "Monsieur Jérôme FAÇONNIER" in texte
    assert "Lyon, le 29 novembre 2026" in texte
    assert "5 908,75 €" in texte


# --- Geometry, measured on the rendered page ----------------------------------------------

RESOLUTION = 60  # dpi: 1 cm = 23.6 px


def _pixels(cm: float) -> float:
    return cm / 2.54 * RESOLUTION


def _page_en_gris(pdf: Path, poppler: Callable[..., str], tmp_path: Path) -> list[bytes]:
    """Rows of page 1 in 8-bit grey (PGM written by pdftoppm)."""
    poppler("pdftoppm", "-r", str(RESOLUTION), "-gray", "-f", "1", "-l", "1", pdf, tmp_path / "p")
    donnees = next(tmp_path.glob("p*.pgm")).read_bytes()
    entete = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", donnees)
    assert entete
    largeur, hauteur = int(entete.group(1)), int(entete.group(2))
    pixels = donnees[entete.end() :]
    return [pixels[y * largeur : (y + 1) * largeur] for y in range(hauteur)]


def test_le_cadre_est_a_5_5_cm_du_bord_gauche_et_sur_les_marges(
    pdf_demonstration: Path, poppler: Callable[..., str], tmp_path: Path
) -> None:
    lignes = _page_en_gris(pdf_demonstration, poppler, tmp_path)
    hauteur, largeur = len(lignes), len(lignes[0])
    assert largeur == pytest.approx(_pixels(21), abs=1)  # A4
    assert hauteur == pytest.approx(_pixels(29.7), abs=1)
    # Frame lines: columns dark over most of the height, rows dark over most of the width.
    colonnes = [
        x for x in range(largeur) if sum(ligne[x] < 128 for ligne in lignes) > 0.8 * hauteur
    ]
    rangees = [y for y, ligne in enumerate(lignes) if sum(p < 128 for p in ligne) > 0.6 * largeur]
    assert colonnes == [round(_pixels(5.5)), round(_pixels(21 - 0.8))]
    assert rangees[0] == round(_pixels(1.2))
    assert rangees[-1] == round(_pixels(29.7 - 1.5))
    # The left strip holds text (office identity at the top, references at the bottom).
    bande = [ligne[: round(_pixels(5.5)) - 2] for ligne in lignes]
    assert any(min(ligne) < 128 for ligne in bande[: hauteur // 4])
    assert any(min(ligne) < 128 for ligne in bande[-hauteur // 8 :])
