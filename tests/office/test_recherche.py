"""Search of files: reference, creditor's reference, names (accents and word order ignored),
SIREN/SIRET, status, clerc, pagination. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select

from clerc.office.db import Contexte, transaction
from clerc.office.erreurs import Introuvable
from clerc.office.models import DossierDebiteur, Partie
from clerc.office.services import dossiers, etudes, recherche
from clerc.office.services.donnees import AdresseDonnees, PartieDonnees
from clerc.office.services.recherche import ResultatRecherche, chercher
from clerc.office.validation import nom_recherche
from clerc.rules.erreurs import DonneeInvalide
from tests.office.conftest import creer_etude
from tests.office.test_services_dossiers import creancier, debiteur, nouveau_dossier

SIREN_NORD = "732829320"  # BANQUE DU NORD, creditor of files 1 and 3
SIREN_SUD = "552100554"  # CREDIT DU SUD, creditor of file 2
SIREN_CREATIONS = "443061841"  # ÉLOÏSE CRÉATIONS, a debtor company (file 4)


@dataclass(frozen=True)
class Fichier:
    """The office's files, opened in this order (hence references 2026-000001 to -000004)."""

    etude: Contexte
    dupont: str
    leger: str
    martin: str
    creations: str


@pytest.fixture
def fichier(etude: Contexte) -> Fichier:
    etudes.creer_utilisateur(etude, identifiant="mdurand", role="clerc_gestionnaire")
    etudes.creer_utilisateur(etude, identifiant="pbernard", role="clerc_assistant")
    dupont = dossiers.ouvrir_dossier(
        etude, nouveau_dossier(reference_mandant="BN-001", clerc="mdurand")
    )
    leger = dossiers.ouvrir_dossier(
        etude,
        nouveau_dossier(
            creancier=creancier(denomination="CREDIT DU SUD", siren=SIREN_SUD, iban=None),
            debiteurs=(debiteur("Léger", "Éloïse", "69003", "Lyon", "Madame"),),
            reference_mandant="CS-77",
            clerc="pbernard",
        ),
    )
    martin = dossiers.ouvrir_dossier(
        etude,
        nouveau_dossier(
            debiteurs=(debiteur("Martin", "Jean-Pierre"),),
            reference_mandant="BN-002",
            clerc="mdurand",
        ),
    )
    dossiers.cloturer(etude, martin, "retire", date(2026, 2, 1))
    societe = PartieDonnees(
        type="personne_morale",
        denomination="Éloïse Créations",
        forme_juridique="SARL",
        siren=SIREN_CREATIONS,
        adresses=(AdresseDonnees("5 quai Rambaud", "69002", "Lyon", nature="siege"),),
    )
    creations = dossiers.ouvrir_dossier(
        etude,
        nouveau_dossier(
            creancier=creancier(denomination="CREDIT DU SUD", siren=SIREN_SUD, iban=None),
            debiteurs=(societe,),
            reference_mandant=None,
            titre=None,
        ),
    )
    assert (dupont, leger, martin, creations) == (
        "2026-000001",
        "2026-000002",
        "2026-000003",
        "2026-000004",
    )
    return Fichier(etude, dupont, leger, martin, creations)


def _references(resultat: ResultatRecherche) -> list[str]:
    return [d["reference"] for d in resultat.dossiers]


def _verifier(fichier: Fichier, attendus: dict[str, list[str]]) -> None:
    """Each text finds exactly these files (one fixture, several searches: faster)."""
    obtenus = {texte: _references(chercher(fichier.etude, texte)) for texte in attendus}
    assert obtenus == attendus


def test_sans_critere_tous_les_dossiers_sont_rendus_du_plus_recent_au_plus_ancien(
    fichier: Fichier,
) -> None:
    resultat = chercher(fichier.etude)
    assert _references(resultat) == ["2026-000004", "2026-000003", "2026-000002", "2026-000001"]
    assert resultat.total == 4


def test_chercher_par_debut_de_reference(fichier: Fichier) -> None:
    tous = ["2026-000004", "2026-000003", "2026-000002", "2026-000001"]
    _verifier(
        fichier,
        {"2026-": tous, "2026-00000": tous, "2026-000002": ["2026-000002"], "2025-": []},
    )


def test_chercher_par_la_reference_du_creancier(fichier: Fichier) -> None:
    # Each word of the creditor's own reference starts one of its words: "BN-00" finds BN-001
    # and BN-002 (files 1 and 3), "CS 7" finds CS-77.
    _verifier(
        fichier,
        {
            "BN-001": ["2026-000001"],
            "CS-77": ["2026-000002"],
            "cs 7": ["2026-000002"],
            "BN-00": ["2026-000003", "2026-000001"],
            "BN-003": [],
        },
    )


def test_chercher_par_debut_du_nom_du_debiteur(fichier: Fichier) -> None:
    _verifier(
        fichier, {texte: ["2026-000001"] for texte in ["dupont", "DUP", "Dupont", "  dupont  "]}
    )


def test_prenom_et_nom_se_trouvent_dans_les_deux_ordres(fichier: Fichier) -> None:
    textes = ["jean dupont", "dupont jean", "DUPONT Jean", "Jean  Dupont"]
    _verifier(fichier, {texte: ["2026-000001"] for texte in textes})
    assert chercher(fichier.etude, "jean dupont").dossiers[0]["debiteurs"] == [
        "Monsieur Jean DUPONT"
    ]


def test_la_recherche_par_nom_ignore_accents_et_casse(fichier: Fichier) -> None:
    textes = ["léger", "LEGER", "leger", "Lég", "éloïse léger", "eloise leger", "LÉGER ÉLOÏSE"]
    _verifier(fichier, {texte: ["2026-000002"] for texte in textes})
    assert chercher(fichier.etude, "leger").dossiers[0]["debiteurs"] == ["Madame Éloïse LÉGER"]


def test_une_denomination_accentuee_se_trouve_sans_accents(fichier: Fichier) -> None:
    # "éloïse" starts a word of the company "ÉLOÏSE CRÉATIONS" (file 4) and the first name of
    # Éloïse LÉGER (file 2): both are found, whatever the accents; two words narrow it down.
    _verifier(
        fichier,
        {
            "éloïse": ["2026-000004", "2026-000002"],
            "ELOISE": ["2026-000004", "2026-000002"],
            "Eloïse Créa": ["2026-000004"],
            "créations éloïse": ["2026-000004"],
        },
    )


def test_un_mot_du_debiteur_et_un_du_creancier_se_combinent(fichier: Fichier) -> None:
    # The words may belong to different parties of the file: debtor LÉGER and creditor
    # CRÉDIT DU SUD; the same debtor name with the other creditor finds nothing.
    _verifier(
        fichier, {"leger sud": ["2026-000002"], "leger nord": [], "martin nord": ["2026-000003"]}
    )


def test_la_ponctuation_seule_ne_trouve_rien(fichier: Fichier) -> None:
    assert chercher(fichier.etude, " - / ").total == 0


def test_un_prenom_commun_a_plusieurs_noms_trouve_chacun(fichier: Fichier) -> None:
    # "martin jean" and "jean martin" find MARTIN Jean-Pierre ("MARTIN JEAN PIERRE").
    assert _references(chercher(fichier.etude, "jean martin")) == ["2026-000003"]
    assert _references(chercher(fichier.etude, "martin jean pierre")) == ["2026-000003"]
    assert _references(chercher(fichier.etude, "pierre martin")) == ["2026-000003"]
    assert chercher(fichier.etude, "durand").total == 0


def test_chercher_par_le_nom_du_creancier(fichier: Fichier) -> None:
    assert _references(chercher(fichier.etude, "banque du nord")) == ["2026-000003", "2026-000001"]
    assert _references(chercher(fichier.etude, "crédit du sud")) == ["2026-000004", "2026-000002"]


def test_chercher_par_siren_ou_siret(fichier: Fichier) -> None:
    nord = ["2026-000003", "2026-000001"]
    _verifier(
        fichier,
        {
            SIREN_NORD: nord,
            "732 829 320": nord,
            "73282932000074": nord,  # a SIRET finds the files of its SIREN
            SIREN_SUD: ["2026-000004", "2026-000002"],
            SIREN_CREATIONS: ["2026-000004"],  # SIREN of a debtor company
            "123456789": [],
        },
    )


def test_filtrer_par_statut(fichier: Fichier) -> None:
    assert _references(chercher(fichier.etude, statut="clos")) == ["2026-000003"]
    en_cours = chercher(fichier.etude, statut="en_cours")
    assert _references(en_cours) == ["2026-000004", "2026-000002", "2026-000001"]
    assert chercher(fichier.etude, statut="suspendu").total == 0
    # Combined with a text: BANQUE DU NORD's files still open.
    assert _references(chercher(fichier.etude, SIREN_NORD, statut="en_cours")) == ["2026-000001"]
    with pytest.raises(DonneeInvalide, match=r"^Statut « ferme » inconnu \(attendu : en_cours"):
        chercher(fichier.etude, statut="ferme")


def test_filtrer_par_clerc(fichier: Fichier) -> None:
    resultat = chercher(fichier.etude, clerc="mdurand")
    assert _references(resultat) == ["2026-000003", "2026-000001"]
    assert {d["clerc"] for d in resultat.dossiers} == {"mdurand"}
    assert _references(chercher(fichier.etude, clerc="pbernard")) == ["2026-000002"]
    assert _references(chercher(fichier.etude, "dupont", clerc="pbernard")) == []
    with pytest.raises(Introuvable, match=r"^Clerc « inconnu » introuvable dans cette étude\.$"):
        chercher(fichier.etude, clerc="inconnu")


def test_la_pagination_donne_le_total_de_tous_les_resultats(fichier: Fichier) -> None:
    premiere = chercher(fichier.etude, limite=3)
    seconde = chercher(fichier.etude, limite=3, decalage=3)
    au_dela = chercher(fichier.etude, limite=3, decalage=6)
    assert (_references(premiere), premiere.total) == (
        ["2026-000004", "2026-000003", "2026-000002"],
        4,
    )
    assert (_references(seconde), seconde.total) == (["2026-000001"], 4)
    assert (_references(au_dela), au_dela.total) == ([], 4)
    filtree = chercher(fichier.etude, "2026-", statut="en_cours", limite=1, decalage=1)
    assert (_references(filtree), filtree.total) == (["2026-000002"], 3)


@pytest.mark.parametrize(("limite", "decalage"), [(0, 0), (1001, 0), (10, -1)])
def test_une_pagination_invalide_est_refusee(fichier: Fichier, limite: int, decalage: int) -> None:
    with pytest.raises(DonneeInvalide, match=r"^Pagination invalide : limite de 1 à 1000"):
        chercher(fichier.etude, limite=limite, decalage=decalage)


def test_le_resultat_en_json(fichier: Fichier) -> None:
    donnees = chercher(fichier.etude, "dupont").en_json()
    assert donnees == {
        "dossiers": [
            {
                "reference": "2026-000001",
                "reference_mandant": "BN-001",
                "nature": "judiciaire",
                "statut": "en_cours",
                "creancier": "SA BANQUE DU NORD",
                "debiteurs": ["Monsieur Jean DUPONT"],
                "clerc": "mdurand",
                "ouvert_le": "2026-01-05",
                "clos_le": None,
            }
        ],
        "total": 1,
    }
    assert json.loads(json.dumps(donnees)) == donnees
    clos = chercher(fichier.etude, statut="clos").en_json()
    assert (clos["dossiers"][0]["statut"], clos["dossiers"][0]["clos_le"]) == ("clos", "2026-02-01")


def test_une_autre_etude_ne_trouve_pas_ces_dossiers(fichier: Fichier) -> None:
    autre = creer_etude(fichier.etude.moteur, "AUTRE", "Autre étude")
    for texte in ("", "dupont", "2026-", "BN-001", SIREN_NORD, "éloïse"):
        assert chercher(autre, texte).en_json() == {"dossiers": [], "total": 0}
    with pytest.raises(Introuvable, match="Clerc « mdurand » introuvable"):
        chercher(autre, clerc="mdurand")


# --- the search words follow the data (clerc.office.index_recherche) ----------------------


def test_un_debiteur_renomme_se_trouve_sous_son_nouveau_nom(fichier: Fichier) -> None:
    with transaction(fichier.etude, "renommer") as session:
        partie = session.scalar(select(Partie).where(Partie.nom_recherche.startswith("DUPONT")))
        assert partie is not None
        partie.nom_usage = "Durand-Dupont"
        partie.nom_recherche = nom_recherche("Durand Dupont", "Jean")

    _verifier(fichier, {"durand": ["2026-000001"], "dupont jean": ["2026-000001"]})


def test_un_codebiteur_ajoute_rend_le_dossier_trouvable_par_son_nom(fichier: Fichier) -> None:
    assert chercher(fichier.etude, "perrin").total == 0
    with transaction(fichier.etude, "ajouter_debiteur") as session:
        dossier = dossiers.charger_dossier(session, fichier.leger)
        conjoint = dossiers.creer_partie(session, debiteur("Perrin", "Marc"))
        dossier.debiteurs.append(DossierDebiteur(partie=conjoint, rang=2))

    _verifier(fichier, {"perrin": ["2026-000002"], "perrin leger": ["2026-000002"]})

    with transaction(fichier.etude, "retirer_debiteur") as session:
        dossier = dossiers.charger_dossier(session, fichier.leger)
        dossier.debiteurs.pop()

    assert chercher(fichier.etude, "perrin").total == 0


def test_les_deux_plans_de_recherche_rendent_les_memes_dossiers(
    fichier: Fichier, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Above PLAFOND_TRI matches the page is read in reference order with one probe per word;
    # with a ceiling of 1, every search below takes that plan: same files, same order, same
    # total, same pages.
    textes = ["", "dupont", "éloïse", "crédit sud", "BN-00", "2026-", "2026-000002", SIREN_SUD]
    recherches = [(t, s, p) for t in textes for s in (None, "en_cours") for p in (0, 1)]

    def resultats() -> list[tuple[list[str], int]]:
        return [
            (_references(r), r.total)
            for r in (
                chercher(fichier.etude, t, statut=s, limite=1, decalage=p) for t, s, p in recherches
            )
        ]

    tri_des_correspondances = resultats()
    monkeypatch.setattr(recherche, "PLAFOND_TRI", 1)

    assert resultats() == tri_des_correspondances
    assert tri_des_correspondances[textes.index("crédit sud") * 4] == (["2026-000004"], 2)
