"""Texts the office adds itself: a wording the release does not ship (CPCE R212-1-5 and
R212-1-6, which the commandement aux fins de saisie des rémunérations reproduces, R212-1-3 4°)
is copied from Légifrance into the office's texts directory, in the shipped format, and the
acts then reproduce it; a wrong addition is refused in French and nothing is written.

The wordings below are test texts, not the articles: they only have to be recognisable in the
files, the acts and the PDF.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from clerc.actes.textes_reproduits import (
    TexteIntrouvable,
    TexteReproduitInvalide,
    fusionner,
    lire_fichier,
    texte_reproduit,
    textes_disponibles,
    textes_livres,
)
from clerc.actes.textes_requis import etat_des_textes
from clerc.cli.app import app
from clerc.config import repertoire_documents
from clerc.office.db import Contexte, creer_moteur, migrer, transaction
from clerc.office.models import Acte, EntreeAudit
from clerc.office.services import actes, dossiers, procedures
from clerc.office.services.etudes import contexte, creer_etude, creer_utilisateur
from clerc.office.services.parametres import ajouter_parametre_local, ajouter_texte_local
from clerc.parametres_locaux import AjoutLocal
from clerc.rules.erreurs import DonneeInvalide
from clerc.textes_locaux import AjoutTexte, ajouter_texte
from tests.office.test_services_dossiers import creancier, debiteur, nouveau_dossier, titre

JOUR = date(2026, 11, 30)
LU_LE = date(2026, 11, 30)
DEBUT = date(2025, 7, 1)  # décret n° 2025-125: the new procedure from 1 July 2025
# Test addresses and identifiers, not the real ones.
SOURCE_R212_1_5 = "https://www.legifrance.gouv.fr/codes/article_lc/ESSAI-R212-1-5"
SOURCE_R212_1_6 = "https://www.legifrance.gouv.fr/codes/article_lc/ESSAI-R212-1-6"
# As pasted from a browser: Windows line ends, runs of spaces, blank and empty lines.
COLLE_R212_1_5 = (
    "  Texte d'essai de R. 212-1-5, premier   alinéa : le débiteur Zorglub   peut écrire.\r\n"
    "\r\n"
    "   \r\n"
    "1° Mention d'essai numéro un ;\r\n"
    "2°\tMention d'essai numéro deux, 535 € au plus, manœuvres comprises.  \r\n"
)
TEXTE_R212_1_5 = (
    "Texte d'essai de R. 212-1-5, premier alinéa : le débiteur Zorglub peut écrire.\n\n"
    "1° Mention d'essai numéro un ;\n\n"
    "2° Mention d'essai numéro deux, 535 € au plus, manœuvres comprises."
)
COLLE_R212_1_6 = (
    "Texte d'essai de R. 212-1-6 : le créancier Bidulon répond.\nSecond alinéa d'essai."
)
TEXTE_R212_1_6 = (
    "Texte d'essai de R. 212-1-6 : le créancier Bidulon répond.\n\nSecond alinéa d'essai."
)
JEX_LYON = "juge de l'exécution du tribunal judiciaire de Lyon"


def _ajout(article: str = "CPCE R212-1-5", **champs: object) -> AjoutTexte:
    valeurs: dict[str, object] = {
        "article": article,
        "texte": COLLE_R212_1_5,
        "en_vigueur_du": DEBUT,
        "source": SOURCE_R212_1_5,
    }
    valeurs.update(champs)
    return AjoutTexte(**valeurs)  # type: ignore[arg-type]


def _r212_1_6(**champs: object) -> AjoutTexte:
    return _ajout("CPCE R212-1-6", **{"texte": COLLE_R212_1_6, "source": SOURCE_R212_1_6, **champs})


def _contenu(dossier: Path) -> dict[str, bytes] | None:
    """Every file under ``dossier``, hidden ones (temporary files) included; None if absent."""
    if not dossier.exists():
        return None
    return {
        str(f.relative_to(dossier)): f.read_bytes()
        for f in sorted(dossier.rglob("*"))
        if f.is_file()
    }


# --- writing a wording ----------------------------------------------------------------------


def test_ajouter_ecrit_le_fichier_au_format_livre_et_les_actes_le_trouvent(
    textes_locaux_isoles: Path,
) -> None:
    with pytest.raises(TexteIntrouvable):
        texte_reproduit("CPCE R212-1-5", JOUR)

    ajoute = ajouter_texte(
        _ajout(article=" cpce  R. 212-1-5 ", identifiant=" ESSAI-R212-1-5 ", note="Essai."),
        lu_le=LU_LE,
    )

    fichier = textes_locaux_isoles / "cpce_r212_1_5.yaml"
    assert sorted(p.name for p in textes_locaux_isoles.iterdir()) == ["cpce_r212_1_5.yaml"]
    contenu = fichier.read_text(encoding="utf-8")
    assert contenu.startswith("article: CPCE R212-1-5\n")
    assert "code: Code des procédures civiles d'exécution\n" in contenu
    # A literal block, as the shipped files are: readable, one paragraph a block, not escaped.
    assert re.search(r"^ +texte: \|-\n +Texte d'essai de R\. 212-1-5, premier", contenu, re.M)
    assert re.search(r"\n\n +1° Mention d'essai numéro un ;\n\n +2° Mention", contenu)
    (relue,) = lire_fichier(contenu, "cpce_r212_1_5.yaml", locale=True)
    assert relue == ajoute
    assert (relue.article, relue.code) == (
        "CPCE R212-1-5",
        "Code des procédures civiles d'exécution",
    )
    assert (relue.en_vigueur_du, relue.en_vigueur_au) == (DEBUT, None)
    assert (relue.source, relue.identifiant) == (SOURCE_R212_1_5, "ESSAI-R212-1-5")
    # One paragraph per non-empty line pasted, spaces and line ends normalised.
    assert relue.texte == TEXTE_R212_1_5

    trouve = texte_reproduit("CPCE R212-1-5", JOUR)
    assert trouve.locale and trouve.texte == TEXTE_R212_1_5
    assert trouve.intitule == "Article CPCE R212-1-5"
    assert not texte_reproduit("CPCE L211-3", JOUR).locale  # shipped texts stay shipped
    # Before the first day, still nothing: the day of the act chooses the wording.
    with pytest.raises(TexteIntrouvable):
        texte_reproduit("CPCE R212-1-5", date(2025, 6, 30))


def test_le_code_est_deduit_du_prefixe_ou_donne(textes_locaux_isoles: Path) -> None:
    cpc = ajouter_texte(_ajout(article="CPC 9999", texte="Essai."), lu_le=LU_LE)
    assert cpc.code == "Code de procédure civile"
    civil = ajouter_texte(_ajout(article="C. civ. 9999", texte="Essai."), lu_le=LU_LE)
    assert (civil.article, civil.code) == ("C. civ. 9999", "Code civil")
    assert (textes_locaux_isoles / "c_civ_9999.yaml").exists()
    autre = ajouter_texte(
        _ajout(article="CSP L9999-1", texte="Essai.", code="Code de la santé publique"),
        lu_le=LU_LE,
    )
    assert autre.code == "Code de la santé publique"


def test_une_seconde_version_qui_suit_la_premiere_est_acceptee(textes_locaux_isoles: Path) -> None:
    ajouter_texte(_ajout(en_vigueur_au=date(2026, 6, 30)), lu_le=LU_LE)
    ajouter_texte(
        _ajout(texte="Nouvelle rédaction d'essai.", en_vigueur_du=date(2026, 7, 1)), lu_le=LU_LE
    )
    versions = lire_fichier(
        (textes_locaux_isoles / "cpce_r212_1_5.yaml").read_text(encoding="utf-8"),
        "cpce_r212_1_5.yaml",
    )
    assert [(v.en_vigueur_du, v.en_vigueur_au) for v in versions] == [
        (DEBUT, date(2026, 6, 30)),
        (date(2026, 7, 1), None),
    ]
    assert texte_reproduit("CPCE R212-1-5", date(2026, 6, 30)).texte == TEXTE_R212_1_5
    assert texte_reproduit("CPCE R212-1-5", date(2026, 7, 1)).texte == "Nouvelle rédaction d'essai."
    # A version of a shipped article on days the release does not cover is accepted too:
    # CPCE L412-3 is shipped from 29 July 2023 only.
    ancienne = ajouter_texte(
        _ajout(
            article="CPCE L412-3",
            texte="Rédaction d'essai antérieure.",
            en_vigueur_du=date(2017, 1, 29),
            en_vigueur_au=date(2023, 7, 28),
        ),
        lu_le=LU_LE,
    )
    assert ancienne.locale
    versions_l412_3 = textes_disponibles()["CPCE L412-3"]
    assert [v.locale for v in versions_l412_3] == [True, False]
    assert (
        texte_reproduit("CPCE L412-3", date(2023, 7, 28)).texte == "Rédaction d'essai antérieure."
    )
    assert not texte_reproduit("CPCE L412-3", date(2023, 7, 29)).locale


def test_une_nouvelle_redaction_clot_l_ajout_precedent_reste_ouvert(
    textes_locaux_isoles: Path,
) -> None:
    ajouter_texte(_ajout(), lu_le=LU_LE)  # from 1 July 2025, no last day
    ajouter_texte(
        _ajout(texte="Rédaction d'essai de 2026.", en_vigueur_du=date(2026, 4, 24)), lu_le=LU_LE
    )
    versions = textes_disponibles()["CPCE R212-1-5"]
    assert [(v.en_vigueur_du, v.en_vigueur_au) for v in versions] == [
        (DEBUT, date(2026, 4, 23)),
        (date(2026, 4, 24), None),
    ]
    assert texte_reproduit("CPCE R212-1-5", date(2026, 4, 23)).texte == TEXTE_R212_1_5
    assert texte_reproduit("CPCE R212-1-5", JOUR).texte == "Rédaction d'essai de 2026."


# --- refusals: French, and nothing written ----------------------------------------------------


@pytest.fixture
def deja_ajoute(textes_locaux_isoles: Path) -> Path:
    """R212-1-5 added from 1 July 2025, open-ended: the directory refusals must not touch."""
    ajouter_texte(_ajout(), lu_le=LU_LE)
    return textes_locaux_isoles


@pytest.mark.parametrize(
    ("ajout", "message"),
    [
        pytest.param(
            _ajout(article="CPCE L412-3", texte="Essai.", en_vigueur_du=date(2025, 8, 1)),
            "recouvrent une version déjà connue du même article (livrée avec clerc",
            id="chevauche_un_texte_livre",
        ),
        pytest.param(
            _ajout(article="CPCE L412-3", texte="Essai.", en_vigueur_du=date(2020, 1, 1)),
            "recouvrent une version déjà connue",
            id="couvre_le_debut_d_un_texte_livre",
        ),
        pytest.param(
            _ajout(en_vigueur_du=DEBUT),  # the same first day as the office's open wording
            "recouvrent une version déjà connue",
            id="chevauche_un_ajout_local",
        ),
        pytest.param(
            _ajout(en_vigueur_du=date(2025, 1, 1), en_vigueur_au=date(2025, 7, 1)),
            "recouvrent une version déjà connue",
            id="finit_le_jour_ou_commence_l_ajout_local",
        ),
        pytest.param(
            _ajout(texte=" \r\n\t\n  "), "Le texte de l'article est vide", id="texte_vide"
        ),
        pytest.param(
            _ajout(source="www.legifrance.gouv.fr/codes/article_lc/ESSAI-R212-1-5"),
            "La source est obligatoire",
            id="source_sans_https",
        ),
        pytest.param(
            _ajout(source="ftp://legifrance.gouv.fr/x"),
            "La source est obligatoire",
            id="source_ftp",
        ),
        pytest.param(_ajout(source="  "), "La source est obligatoire", id="source_vide"),
        pytest.param(
            _ajout(article="CPCE R212-1-6", en_vigueur_au=date(2025, 6, 30)),
            "La date de fin précède la date d'entrée en vigueur",
            id="fin_avant_debut",
        ),
        pytest.param(
            _ajout(article="R212-1-5"),
            "Article illisible « R212-1-5 » : écrivez-le avec son code",
            id="article_sans_code",
        ),
        pytest.param(
            _ajout(article="XYZ R212-1-5"),
            "Code inconnu pour « XYZ R212-1-5 »",
            id="code_inconnu",
        ),
    ],
)
def test_un_ajout_errone_est_refuse_en_francais_sans_rien_ecrire(
    deja_ajoute: Path, ajout: AjoutTexte, message: str
) -> None:
    avant = _contenu(deja_ajoute)
    assert avant is not None and list(avant) == ["cpce_r212_1_5.yaml"]

    with pytest.raises(DonneeInvalide) as erreur:
        ajouter_texte(ajout, lu_le=LU_LE)

    assert message in str(erreur.value)
    assert _contenu(deja_ajoute) == avant  # byte for byte, no temporary file left
    assert texte_reproduit("CPCE R212-1-5", JOUR).texte == TEXTE_R212_1_5
    assert texte_reproduit("CPCE L412-3", JOUR).locale is False


def test_un_chevauchement_dit_que_rien_n_est_enregistre(textes_locaux_isoles: Path) -> None:
    with pytest.raises(DonneeInvalide) as erreur:
        ajouter_texte(
            _ajout(article="CPCE L412-3", texte="Essai.", en_vigueur_du=date(2025, 8, 1)),
            lu_le=LU_LE,
        )
    message = str(erreur.value)
    assert "Rien n'est enregistré" in message
    assert "2023-07-29" in message and "2025-08-01" in message  # which versions collide
    assert _contenu(textes_locaux_isoles) is None  # not even the directory is created


def test_un_fichier_local_qui_chevauche_un_texte_livre_est_signale_avec_son_nom() -> None:
    # What a release shipping R212-1-5 would meet in an office that added it first.
    livres = textes_livres()
    locaux = {
        "cpce_l412_3.yaml": (
            "article: CPCE L412-3\ncode: Code des procédures civiles d'exécution\nversions:\n"
            "  - en_vigueur_du: 2025-08-01\n    en_vigueur_au: null\n    texte: Essai.\n"
            f"    source: {SOURCE_R212_1_5}\n    lu_le: 2026-11-30\n"
        )
    }
    with pytest.raises(TexteReproduitInvalide, match=r"cpce_l412_3\.yaml : la version du"):
        fusionner(livres, locaux)


# --- which texts the acts need ----------------------------------------------------------------


def test_etat_des_textes_passe_de_manquant_a_ajout_local() -> None:
    def etats() -> dict[str, str]:
        return {e.article: e.etat for e in etat_des_textes(JOUR)}

    avant = etats()
    assert (avant["CPCE R212-1-5"], avant["CPCE R212-1-6"]) == ("manquant", "manquant")
    assert avant["CPCE L211-3"] == "livré"
    (r212_1_5,) = [e for e in etat_des_textes(JOUR) if e.article == "CPCE R212-1-5"]
    assert "commandement_saisie_remunerations" in {t.code for t in r212_1_5.types}
    assert r212_1_5.version is None

    ajouter_texte(_ajout(), lu_le=LU_LE)
    ajouter_texte(_r212_1_6(), lu_le=LU_LE)

    apres = etats()
    assert (apres["CPCE R212-1-5"], apres["CPCE R212-1-6"]) == ("ajout local", "ajout local")
    assert apres["CPCE L211-3"] == "livré"
    # Only those two changed; on a day before the first one they are still missing.
    assert {a: e for a, e in apres.items() if e != avant[a]} == {
        "CPCE R212-1-5": "ajout local",
        "CPCE R212-1-6": "ajout local",
    }
    anterieurs = {e.article: e.etat for e in etat_des_textes(date(2025, 6, 30))}
    assert anterieurs["CPCE R212-1-5"] == "manquant"


# --- end to end on an office: the commandement aux fins de saisie des rémunérations ------------


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Contexte]:
    """A Lyon office on SQLite (address and e-mail: R212-1-3 3°), with its commissaire."""
    moteur = creer_moteur(f"sqlite:///{tmp_path / 'clerc.sqlite3'}")
    migrer(moteur)
    creer_etude(moteur, code="TEST", nom="SELARL Martin", territoire="69", utilisateur="admin",
                commissaires=("Claire MARTIN",), adresse="12 rue de la République",
                code_postal="69002", commune="Lyon",
                courriel="etude@martin.example")  # fmt: skip
    admin = contexte(moteur, "TEST", "admin")
    creer_utilisateur(admin, identifiant="cmartin", role="commissaire_justice",
                      nom="Claire Martin")  # fmt: skip
    yield admin
    moteur.dispose()


def _dossier(office: Contexte) -> str:
    """A judgment of 10 June 2025 served on 1 July 2025; the saisie des rémunérations started
    on Tuesday 4 November 2025."""
    titre_ = replace(
        titre(date_titre=date(2025, 6, 10)),
        formule_executoire=True,
        date_signification=date(2025, 7, 1),
    )
    reference = dossiers.ouvrir_dossier(
        office,
        nouveau_dossier(
            creancier=creancier(representant="son directeur général en exercice"),
            debiteurs=(debiteur(code_postal="69003", commune="Lyon"),),
            titre=titre_,
            ouvert_le=date(2025, 9, 1),
        ),
    )
    procedures.demarrer(office, reference, "saisie_remunerations", date(2025, 11, 4))
    return reference


def _commandement(
    office: Contexte, reference: str, remplace: int | None = None
) -> dict[str, object]:
    """The commandement of Tuesday 4 November 2025, handed to the debtor in person."""
    return actes.generer(
        office,
        reference,
        "commandement_saisie_remunerations",
        date(2025, 11, 4),
        heure=time(8, 20),
        mode="personne",
        champs={"juridiction_contestation": JEX_LYON},
        remplace=remplace,
    )


def _mentions(resultat: dict[str, object]) -> set[str]:
    return {c["mention"] for c in resultat["constats"]}  # type: ignore[attr-defined]


def _textes_stockes(office: Contexte, acte_id: int) -> str:
    """Every string stored with the act (what its PDF prints)."""
    with transaction(office, "lire", ecriture=False) as session:
        acte = session.get(Acte, acte_id)
        assert acte is not None
        return json.dumps(acte.donnees, ensure_ascii=False)


def _espaces(texte: str) -> str:
    # pdftotext writes every Unicode space as a plain one and breaks lines anywhere.
    return re.sub(r"[\s\u00a0\u202f]+", " ", texte)


def test_le_commandement_reproduit_les_textes_ajoutes_et_peut_etre_signe(
    office: Contexte, poppler: Callable[..., str], tmp_path: Path
) -> None:
    reference = _dossier(office)
    redige = _commandement(office, reference)
    acte_id = int(redige["acte"])  # type: ignore[call-overload]
    assert _mentions(redige) == {"texte_r212_1_5", "texte_r212_1_6", "cout"}
    assert redige["statut"] == "brouillon"

    r212_1_5 = ajouter_texte_local(office, _ajout(identifiant="ESSAI-R212-1-5"))
    r212_1_6 = ajouter_texte_local(office, _r212_1_6())

    # Checked again: the texts are found; the cost still lacks the base émolument n° 97-1.
    verifie = actes.verifier(office, acte_id)
    assert _mentions(verifie) == {"cout"}
    assert verifie["statut"] == "brouillon"

    # With the émolument added by the office too, nothing is missing any more; the draft,
    # composed before the texts were there, must be drawn up again.
    ajouter_parametre_local(
        office,
        AjoutLocal(
            nom="tarif.emoluments.commandement_saisie_remunerations",
            depuis=DEBUT,
            valeur=Decimal("10.00"),
            texte_reference="Valeur d'essai",
            url="https://www.legifrance.gouv.fr/x",
        ),
    )
    assert _mentions(actes.verifier(office, acte_id)) == {"dossier"}
    nouveau = _commandement(office, reference, remplace=acte_id)
    assert nouveau["constats"] == [] and nouveau["statut"] == "verifie"
    nouvel_id = int(nouveau["acte"])  # type: ignore[call-overload]

    stocke = _textes_stockes(office, nouvel_id)
    assert TEXTE_R212_1_5 in stocke.replace("\\n", "\n")
    assert TEXTE_R212_1_6 in stocke.replace("\\n", "\n")
    pdf = tmp_path / "commandement.pdf"
    pdf.write_bytes(actes.fichier(office, nouvel_id))
    imprime = _espaces(poppler("pdftotext", pdf, "-"))
    for alinea in (*TEXTE_R212_1_5.split("\n\n"), *TEXTE_R212_1_6.split("\n\n")):
        assert _espaces(alinea) in imprime, alinea
    assert "Article CPCE R212-1-5" in imprime and "Article CPCE R212-1-6" in imprime

    signe = actes.signer(replace(office, utilisateur="cmartin"), nouvel_id)
    assert signe["statut"] == "signe"
    assert (repertoire_documents() / str(signe["sha256"])[:2] / str(signe["sha256"])).exists()

    # The audit log proves which wording the acts reproduced, and who added it.
    with transaction(office, "lire", ecriture=False) as session:
        entrees = session.scalars(
            select(EntreeAudit).where(EntreeAudit.objet == "texte_local").order_by(EntreeAudit.rang)
        ).all()
    assert [(e.objet_id, e.operation, e.utilisateur) for e in entrees] == [
        ("CPCE R212-1-5", "ajouter_texte_local", "admin"),
        ("CPCE R212-1-6", "ajouter_texte_local", "admin"),
    ]
    for entree, ajoute, texte in zip(
        entrees, (r212_1_5, r212_1_6), (TEXTE_R212_1_5, TEXTE_R212_1_6), strict=True
    ):
        assert entree.apres is not None
        assert entree.apres["sha256"] == hashlib.sha256(texte.encode("utf-8")).hexdigest()
        assert entree.apres["sha256"] == hashlib.sha256(ajoute.texte.encode()).hexdigest()
        assert entree.apres["en_vigueur_du"] == "2025-07-01"
        assert entree.apres["en_vigueur_au"] is None
        assert entree.apres["source"] == ajoute.source
    assert entrees[0].apres is not None
    assert entrees[0].apres["identifiant"] == "ESSAI-R212-1-5"


def test_un_ajout_refuse_n_est_pas_inscrit_au_journal(
    office: Contexte, textes_locaux_isoles: Path
) -> None:
    ajouter_texte_local(office, _ajout())
    avant = _contenu(textes_locaux_isoles)
    with pytest.raises(DonneeInvalide, match="recouvrent une version déjà connue"):
        ajouter_texte_local(office, _ajout(en_vigueur_du=DEBUT))
    assert _contenu(textes_locaux_isoles) == avant
    with transaction(office, "lire", ecriture=False) as session:
        objets = session.scalars(
            select(EntreeAudit.objet_id).where(EntreeAudit.objet == "texte_local")
        ).all()
    assert objets == ["CPCE R212-1-5"]


def test_sans_journal_le_texte_n_est_pas_ecrit(
    office: Contexte, textes_locaux_isoles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The log entry is written first: a database that refuses it leaves no text behind.
    from clerc.office.services import parametres as service

    def refuse(*_: object, **__: object) -> None:
        raise RuntimeError("base en lecture seule")

    monkeypatch.setattr(service, "journaliser_operation", refuse)
    with pytest.raises(RuntimeError, match="lecture seule"):
        ajouter_texte_local(office, _ajout())
    assert _contenu(textes_locaux_isoles) is None
    with pytest.raises(TexteIntrouvable):
        texte_reproduit("CPCE R212-1-5", JOUR)


# --- `clerc textes` ---------------------------------------------------------------------------

runner = CliRunner()


@pytest.fixture
def base_cli(office: Contexte, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Contexte:
    """The office's database as the configured one, acted for by user ``marie``."""
    monkeypatch.setenv("CLERC_DATABASE_URL", f"sqlite:///{tmp_path / 'clerc.sqlite3'}")
    monkeypatch.setenv("CLERC_UTILISATEUR", "marie")
    return office


def _json(*arguments: str, entree: str | None = None) -> dict[str, object]:
    resultat = runner.invoke(app, [*arguments, "--json"], input=entree)
    assert resultat.exit_code == 0, resultat.output
    return json.loads(resultat.stdout)  # type: ignore[no-any-return]


def _articles_manquants() -> list[str]:
    lignes = _json("textes", "lister", "--au", "2026-11-30", "--manquants")["textes"]
    assert all(ligne["etat"] == "manquant" for ligne in lignes)  # type: ignore[attr-defined]
    return [ligne["article"] for ligne in lignes]  # type: ignore[attr-defined]


def test_lister_ajouter_afficher_en_ligne_de_commande(
    base_cli: Contexte, textes_locaux_isoles: Path
) -> None:
    lister = _json("textes", "lister", "--au", "2026-11-30", "--manquants")
    assert lister["au"] == "2026-11-30"
    assert lister["dossier_local"] == str(textes_locaux_isoles)
    (ligne,) = [x for x in lister["textes"] if x["article"] == "CPCE R212-1-5"]  # type: ignore[attr-defined]
    assert ligne["etat"] == "manquant" and ligne["en_vigueur_du"] is None
    assert "commandement_saisie_remunerations" in ligne["actes"]
    assert "CPCE L211-3" not in _articles_manquants()

    ajoute = _json(
        "textes", "ajouter", "CPCE R212-1-5", "--du", "2025-07-01",
        "--source", SOURCE_R212_1_5, "--fichier", "-", "--identifiant", "ESSAI-R212-1-5",
        entree=COLLE_R212_1_5,
    )  # fmt: skip
    assert ajoute == {
        "article": "CPCE R212-1-5",
        "en_vigueur_du": "2025-07-01",
        "en_vigueur_au": None,
        "paragraphes": 3,
        "dossier_local": str(textes_locaux_isoles),
    }
    assert (textes_locaux_isoles / "cpce_r212_1_5.yaml").exists()

    affiche = _json("textes", "afficher", "CPCE R212-1-5", "--au", "2026-11-30")
    assert affiche["texte"] == TEXTE_R212_1_5
    assert affiche["ajout_local"] is True
    assert (affiche["source"], affiche["identifiant"]) == (SOURCE_R212_1_5, "ESSAI-R212-1-5")
    assert affiche["code"] == "Code des procédures civiles d'exécution"
    livre = _json("textes", "afficher", "CPCE L211-3", "--au", "2026-11-30")
    assert livre["ajout_local"] is False

    manquants = _articles_manquants()
    assert "CPCE R212-1-5" not in manquants and "CPCE R212-1-6" in manquants

    # From a file too, and recorded in the audit log under the user of the command line.
    fichier = textes_locaux_isoles.parent / "r212_1_6.txt"
    fichier.write_text(COLLE_R212_1_6, encoding="utf-8")
    resultat = runner.invoke(
        app,
        ["textes", "ajouter", "CPCE R212-1-6", "--du", "2025-07-01", "--source", SOURCE_R212_1_6,
         "--fichier", str(fichier)],
    )  # fmt: skip
    assert resultat.exit_code == 0, resultat.output
    assert "Texte de CPCE R212-1-6 ajouté" in resultat.stdout
    assert _json("textes", "afficher", "CPCE R212-1-6", "--au", "2026-11-30")["texte"] == (
        TEXTE_R212_1_6
    )
    with transaction(base_cli, "lire", ecriture=False) as session:
        entrees = session.scalars(
            select(EntreeAudit).where(EntreeAudit.objet == "texte_local").order_by(EntreeAudit.rang)
        ).all()
    assert [(e.objet_id, e.utilisateur) for e in entrees] == [
        ("CPCE R212-1-5", "marie"),
        ("CPCE R212-1-6", "marie"),
    ]


def test_un_chevauchement_en_ligne_de_commande_sort_en_erreur_en_francais(
    base_cli: Contexte, textes_locaux_isoles: Path
) -> None:
    _json("textes", "ajouter", "CPCE R212-1-5", "--du", "2025-07-01",
          "--source", SOURCE_R212_1_5, "--fichier", "-", entree=COLLE_R212_1_5)  # fmt: skip
    avant = _contenu(textes_locaux_isoles)

    resultat = runner.invoke(app, ["textes", "ajouter", "CPCE R212-1-5", "--du", "2025-07-01",
                                   "--source", SOURCE_R212_1_5, "--fichier", "-"],
                             input="Autre rédaction.")  # fmt: skip
    assert resultat.exit_code == 2
    assert resultat.stderr.startswith("Erreur : Ces dates recouvrent une version déjà connue")
    assert "Rien n'est enregistré" in resultat.stderr
    assert _contenu(textes_locaux_isoles) == avant

    livre = runner.invoke(app, ["textes", "ajouter", "CPCE L412-3", "--du", "2025-08-01",
                                "--source", SOURCE_R212_1_5, "--fichier", "-"],
                          input="Essai.")  # fmt: skip
    assert livre.exit_code == 2 and "livrée avec clerc" in livre.stderr
    assert not (textes_locaux_isoles / "cpce_l412_3.yaml").exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        pytest.param(
            ["ajouter", "CPCE R212-1-5", "--du", "2025-07-01", "--source", SOURCE_R212_1_5,
             "--fichier", "absent.txt"],
            "Fichier du texte introuvable : « absent.txt »",
            id="fichier_absent",
        ),
        pytest.param(
            ["ajouter", "CPCE R212-1-5", "--du", "2025-02-30", "--source", SOURCE_R212_1_5,
             "--fichier", "-"],
            "--du : date impossible « 2025-02-30 »",
            id="date_illisible",
        ),
        pytest.param(
            ["ajouter", "CPCE R212-1-5", "--du", "2025-07-01", "--source", "legifrance",
             "--fichier", "-"],
            "La source est obligatoire",
            id="source_sans_adresse",
        ),
        pytest.param(
            ["afficher", "CPCE R212-1-5", "--au", "2026-11-30"],
            "Texte de CPCE R212-1-5 en vigueur le 2026-11-30 introuvable",
            id="texte_manquant",
        ),
    ],
)  # fmt: skip
def test_les_erreurs_de_la_ligne_de_commande_sont_en_francais(
    base_cli: Contexte, textes_locaux_isoles: Path, arguments: list[str], message: str
) -> None:
    resultat = runner.invoke(app, ["textes", *arguments], input="Essai.")
    assert resultat.exit_code == 2, resultat.output
    assert resultat.stderr.startswith("Erreur : ") and message in resultat.stderr
    assert _contenu(textes_locaux_isoles) is None


# A wrong file of the office's directory, and texts added by another process


def test_un_fichier_local_errone_est_ecarte_sans_arreter_les_autres_actes(
    textes_locaux_isoles: Path,
) -> None:
    textes_locaux_isoles.mkdir()
    # The shipped L412-3 is in force since 29 July 2023: an office file overlapping it (after
    # an upgrade that ships a wording the office had added, say) is left out, and said.
    (textes_locaux_isoles / "cpce_l412_3.yaml").write_text(
        "article: CPCE L412-3\ncode: Code des procédures civiles d'exécution\nversions:\n"
        "  - en_vigueur_du: 2025-08-01\n    en_vigueur_au: null\n    texte: Essai.\n"
        f"    source: {SOURCE_R212_1_5}\n    lu_le: 2026-11-30\n",
        encoding="utf-8",
    )
    (textes_locaux_isoles / "cpce_r212_1_6.yaml").write_text("article: [", encoding="utf-8")
    from clerc.actes.textes_reproduits import textes_locaux_ecartes

    ecartes = textes_locaux_ecartes()
    assert len(ecartes) == 2
    assert any("cpce_l412_3.yaml" in e and "chevauche" in e for e in ecartes)
    assert any("cpce_r212_1_6.yaml" in e for e in ecartes)
    assert all("ne peuvent pas être signés" in e for e in ecartes)
    # The shipped wordings still serve every act; the broken article stays missing.
    assert not texte_reproduit("CPCE L412-3", JOUR).locale
    assert texte_reproduit("CPCE L211-3", JOUR).article == "CPCE L211-3"
    with pytest.raises(TexteIntrouvable):
        texte_reproduit("CPCE R212-1-6", JOUR)
    sortie = CliRunner().invoke(app, ["textes", "lister", "--json"])
    assert sortie.exit_code == 0, sortie.output
    assert len(json.loads(sortie.stdout)["ecartes"]) == 2


def test_ajouter_a_un_fichier_local_illisible_est_refuse(textes_locaux_isoles: Path) -> None:
    textes_locaux_isoles.mkdir()
    fichier = textes_locaux_isoles / "cpce_r212_1_5.yaml"
    fichier.write_text("versions: [", encoding="utf-8")
    with pytest.raises(DonneeInvalide, match=r"(?s)illisible.*Rien n.est enregistré"):
        ajouter_texte(_ajout(), lu_le=LU_LE)
    assert fichier.read_text(encoding="utf-8") == "versions: ["


def test_un_texte_ajoute_par_un_autre_processus_est_vu_sans_redemarrer(
    textes_locaux_isoles: Path, tmp_path: Path
) -> None:
    with pytest.raises(TexteIntrouvable):
        texte_reproduit("CPCE R212-1-5", JOUR)  # read, and kept in the cache
    # Another process (the command line beside the web server) writes the file: no cache reset.
    autre = tmp_path / "autre"
    ajouter_texte(_ajout(), dossier=autre, lu_le=LU_LE)
    textes_locaux_isoles.mkdir()
    (autre / "cpce_r212_1_5.yaml").rename(textes_locaux_isoles / "cpce_r212_1_5.yaml")
    assert texte_reproduit("CPCE R212-1-5", JOUR).texte == TEXTE_R212_1_5
