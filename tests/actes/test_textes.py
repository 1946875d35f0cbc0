"""Texts reproduced word for word in acts: every stored wording is sourced, dated and found.

The data lives in ``src/clerc/actes/textes/`` (one YAML file per article). Each stored article
has, below, a short phrase read in its source: a file added without its phrase fails here, so
nobody stores a text without having checked at least one sentence of it.
"""

from __future__ import annotations

from datetime import date
from importlib import resources
from itertools import pairwise

import pytest

from clerc.actes.textes_reproduits import (
    TexteIntrouvable,
    TexteReproduitInvalide,
    choisir_version,
    lire_fichier,
    nom_de_fichier,
    normaliser_article,
    texte_reproduit,
    textes_disponibles,
)

# One distinctive phrase per stored article, read in the source named in its file.
PHRASES = {
    "CPCE L211-2": "attribution immédiate au profit du saisissant de la créance saisie",
    "CPCE L211-3": "délégations, nantissements ou saisies antérieures",
    "CPCE L211-4": "agir à ses frais en répétition de l'indu",
    "CPCE L221-1": "peut se joindre aux opérations de saisie par voie d'opposition",
    "CPCE L111-8": "Les frais de recouvrement entrepris sans titre exécutoire restent",
    "CPCE L412-1": "délai de deux mois qui suit le commandement",
    "CPCE L412-2": "pour une durée n'excédant pas trois mois",
    "CPCE L412-3": "Le juge peut accorder des délais renouvelables",
    "CPCE L412-6": "jusqu'au 31 mars de l'année suivante",
    "CPCE R211-1": "L'acte indique l'heure à laquelle il a été signifié.",
    "CPCE R211-3": "et la date à laquelle expire ce délai",
    "CPCE R211-5": "négligence fautive ou de déclaration inexacte ou mensongère",
    "CPCE R211-6": "Cette déclaration est constatée par écrit.",
    "CPCE R211-11": "ou, au plus tard, le premier jour ouvrable suivant",
    "CPCE R211-12": "Sa décision n'a pas autorité de chose jugée au principal.",
    "CPCE R212-1-3": "la commission de surendettement des particuliers",
    "CPCE R221-1": "faute de quoi il peut y être contraint par la vente forcée",
    "CPCE R221-2": "est de 535 € en principal",
    "CPCE R221-3": "les nom et adresse de son employeur",
    "CPCE R411-1": "Ce commandement peut être délivré dans l'acte de signification du jugement.",
    "CPCE L125-1": "L'accord du débiteur, constaté par l'huissier de justice, suspend",
    "CPCE L412-4": "ne peut, en aucun cas, être inférieure à un mois ni supérieure à un an",
    "CPCE L412-5": "par l'intermédiaire du système d'information prévu au dernier alinéa",
    "CPCE R124-4": "La reproduction des deuxième et troisième alinéas de l'article L. 111-8.",
    "CPCE R125-2": "L'absence de réponse dans le délai d'un mois vaut refus implicite ;",
    "CPCE R162-2": "la somme est imputée en priorité sur les fonds disponibles à vue",
    "CPCE R212-1-13": "sans nouveau commandement de payer préalable",
    "CPCE L212-7": "inscrit au registre numérique des saisies des rémunérations",
    "CPCE L212-8": "La situation de droit existant entre lui-même et le débiteur saisi",
    "CPCE L212-14": "ne peut être exercé qu'après mainlevée de la saisie",
    "CPCE R222-2": "transporter à ses frais le bien désigné en un lieu",
    "CPCE R412-1": "ne sont pas reproduits pour l'application de l'article L. 412-8.",
    "CPC 680": "l'auteur d'un recours abusif ou dilatoire",
    "CPC 1413": "pourra être contraint par toutes voies de droit",
    "CPC 1415": "A peine de nullité, l'opposition mentionne l'adresse du débiteur.",
}

VERSION_VALIDE = """\
  - en_vigueur_du: 2012-06-01
    en_vigueur_au: null
    texte: |-
      Premier alinéa.

      Second alinéa.
    source: https://exemple.fr/article
    lu_le: 2026-11-30
"""


def _fichier(versions: str = VERSION_VALIDE, article: str = "CPCE R999-1") -> str:
    return (
        f"article: {article}\ncode: Code des procédures civiles d'exécution\nversions:\n{versions}"
    )


def _noms_des_fichiers() -> list[str]:
    dossier = resources.files("clerc.actes").joinpath("textes")
    return sorted(f.name for f in dossier.iterdir() if f.name.endswith(".yaml"))


def test_chaque_fichier_se_charge_et_porte_le_nom_de_son_article() -> None:
    disponibles = textes_disponibles()
    assert len(disponibles) == len(_noms_des_fichiers())
    for article in disponibles:
        assert nom_de_fichier(article) in _noms_des_fichiers()


def test_chaque_article_stocke_a_sa_phrase_de_controle_et_inversement() -> None:
    assert set(textes_disponibles()) == set(PHRASES)


@pytest.mark.parametrize("article", sorted(PHRASES))
def test_chaque_version_a_une_source_et_un_texte_non_vide(article: str) -> None:
    for version in textes_disponibles()[article]:
        assert version.source.startswith("https://")
        assert version.texte.strip()
        assert version.article == article
        assert version.code in {
            "Code des procédures civiles d'exécution",
            "Code de procédure civile",
        }


@pytest.mark.parametrize("article", sorted(PHRASES))
def test_les_versions_ne_se_chevauchent_pas(article: str) -> None:
    versions = textes_disponibles()[article]
    for avant, apres in pairwise(versions):
        assert avant.en_vigueur_au is not None
        assert avant.en_vigueur_au < apres.en_vigueur_du


@pytest.mark.parametrize(("article", "phrase"), sorted(PHRASES.items()))
def test_une_phrase_lue_dans_la_source_est_dans_le_texte_stocke(article: str, phrase: str) -> None:
    versions = textes_disponibles()[article]
    assert any(phrase in version.texte for version in versions)


def test_les_textes_gardent_les_alineas_et_la_numerotation() -> None:
    texte = texte_reproduit("CPCE R211-1", date(2026, 11, 30)).texte
    alineas = texte.split("\n\n")
    assert (
        alineas[0]
        == "Le créancier procède à la saisie par acte d'huissier de justice signifié au tiers."
    )
    assert [alinea[:2] for alinea in alineas[2:7]] == ["1°", "2°", "3°", "4°", "5°"]


def test_les_textes_reproduits_par_l_acte_de_saisie_attribution_sont_disponibles() -> None:
    # CPCE R211-1, 5° : reproduction de L. 211-2 (al. 1), L. 211-3, L. 211-4 (al. 3), R. 211-5
    # et R. 211-11.
    jour = date(2026, 11, 30)
    for article in ("CPCE L211-2", "CPCE L211-3", "CPCE L211-4", "CPCE R211-5", "CPCE R211-11"):
        assert texte_reproduit(article, jour).texte


def test_la_version_choisie_est_celle_en_vigueur_le_jour_de_l_acte() -> None:
    ancienne = texte_reproduit("CPCE L412-1", date(2017, 1, 28))
    assert ancienne.en_vigueur_au == date(2017, 1, 28)
    assert "local affecté à l'habitation principale" in ancienne.texte
    suivante = texte_reproduit("CPCE L412-1", date(2017, 1, 29))
    assert "lieu habité par la personne expulsée" in suivante.texte
    # The version in force from 29 July 2023 (loi n° 2023-668) is not stored.
    with pytest.raises(TexteIntrouvable):
        texte_reproduit("CPCE L412-1", date(2023, 7, 29))


def test_choix_entre_deux_versions_selon_la_date() -> None:
    versions = lire_fichier(
        _fichier(
            """\
  - en_vigueur_du: 2012-06-01
    en_vigueur_au: 2025-06-30
    texte: Ancien texte.
    source: https://exemple.fr/ancien
    lu_le: 2026-11-30
  - en_vigueur_du: 2025-07-01
    en_vigueur_au: null
    texte: Nouveau texte.
    source: https://exemple.fr/nouveau
    lu_le: 2026-11-30
"""
        ),
        "cpce_r999_1.yaml",
    )
    assert [v.texte for v in versions] == ["Ancien texte.", "Nouveau texte."]
    choisie = choisir_version(versions, date(2025, 6, 30))
    assert choisie is not None and choisie.texte == "Ancien texte."
    choisie = choisir_version(versions, date(2025, 7, 1))
    assert choisie is not None and choisie.texte == "Nouveau texte."
    assert choisir_version(versions, date(2012, 5, 31)) is None


def test_un_texte_absent_empeche_la_signature_avec_un_message_en_francais() -> None:
    with pytest.raises(TexteIntrouvable) as erreur:
        texte_reproduit("CPCE R211-3", date(2011, 11, 30))
    message = str(erreur.value)
    assert message.startswith("Texte de CPCE R211-3 en vigueur le 2011-11-30 introuvable")
    assert "l'acte ne peut être signé sans le texte exact" in message
    assert "clerc textes ajouter" in message


def test_un_article_jamais_stocke_est_introuvable() -> None:
    with pytest.raises(TexteIntrouvable, match="Texte de CPCE R999-9 en vigueur le 2026-11-30"):
        texte_reproduit("CPCE R999-9", date(2026, 11, 30))


def test_l_article_peut_etre_cite_avec_le_point_des_actes() -> None:
    assert normaliser_article("CPCE R. 211-3") == "CPCE R211-3"
    assert normaliser_article(" c. civ.  2238 ") == "C. civ. 2238"
    assert texte_reproduit("CPCE R. 211-3", date(2026, 11, 30)).article == "CPCE R211-3"


def test_la_version_lue_porte_sa_source_et_son_identifiant() -> None:
    version = texte_reproduit("CPCE L211-2", date(2026, 11, 30))
    assert version.identifiant == "LEGIARTI000025025807"
    assert version.en_vigueur_du == date(2012, 6, 1)
    assert "doctrine.fr" in version.source


@pytest.mark.parametrize(
    ("contenu", "motif"),
    [
        (_fichier(VERSION_VALIDE + "    paraphrase: oui\n"), "clés inconnues"),
        (
            _fichier(VERSION_VALIDE.replace("    source: https://exemple.fr/article\n", "")),
            "source",
        ),
        (_fichier(VERSION_VALIDE.replace("https://exemple.fr/article", "Légifrance")), "adresse"),
        (
            _fichier(
                VERSION_VALIDE.replace("|-\n      Premier alinéa.\n\n      Second alinéa.", '"  "')
            ),
            "texte vide",
        ),
        (_fichier(VERSION_VALIDE + VERSION_VALIDE), "chevauche"),
        (_fichier("  []\n"), "au moins une version"),
        (_fichier(VERSION_VALIDE, article="CPCE R999-2"), "doit être rangé"),
        (_fichier(VERSION_VALIDE.replace("2012-06-01", "juin 2012")), "date attendue"),
    ],
)
def test_un_fichier_incorrect_est_refuse_au_chargement(contenu: str, motif: str) -> None:
    with pytest.raises(TexteReproduitInvalide, match=motif):
        lire_fichier(contenu, "cpce_r999_1.yaml")


def test_une_cle_inconnue_au_niveau_du_fichier_est_refusee() -> None:
    with pytest.raises(TexteReproduitInvalide, match="clés inconnues"):
        lire_fichier(_fichier() + "resume: paraphrase\n", "cpce_r999_1.yaml")
