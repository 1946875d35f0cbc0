"""The calculators, open without an account: published figures as displayed in French, the
trace and articles, errors next to the field, the HTMX fragment."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import httpx
import pytest

from tests.web.conftest import FabriqueClient

EUR = "\xa0€"  # format_euros: no-break space before the sign, narrow no-break space thousands
MILLIERS = "\u202f"
CALCULETTES = (
    "interets",
    "quotite-saisissable",
    "sbi",
    "delai",
    "cout-acte",
    "droit-proportionnel",
)


def _texte(html: str) -> str:
    """The visible text of the page's main content, spaces collapsed (no-break ones kept)."""
    contenu = html.split('<main id="contenu"', 1)[-1].split("</main>", 1)[0]
    sans_balises = re.sub(r"<[^>]+>", " ", contenu).replace("&#39;", "'")
    return re.sub(r"[ \t\n]+", " ", sans_balises)


def _calcul(
    client_pour: FabriqueClient, chemin: str, role: str | None = None, **champs: str
) -> httpx.Response:
    return client_pour(role).get(f"/calculettes/{chemin}?{urlencode(champs)}")


@pytest.mark.parametrize("role", [None, "stagiaire", "creancier_client", "administrateur"])
def test_les_calculettes_s_ouvrent_sans_compte_et_pour_chaque_role(
    client_pour: FabriqueClient, role: str | None
) -> None:
    client = client_pour(role)
    index = client.get("/calculettes", follow_redirects=False)
    assert index.status_code == 200
    for code in CALCULETTES:
        assert f'href="/calculettes/{code}"' in index.text
        page = client.get(f"/calculettes/{code}", follow_redirects=False)
        assert page.status_code == 200, code
        assert "<form" in page.text and "Calculer" in page.text
    if role is None:
        assert "Se connecter" in index.text
    else:
        assert "Se déconnecter" in index.text


def test_interets_exemple_service_public_f20688_5_11_euros(client_pour: FabriqueClient) -> None:
    """I1 (service-public F20688): 2 000 € at 3,11 % (2020-S2, particulier) over 30 days."""
    reponse = _calcul(
        client_pour, "interets", capital="2 000", du="2020-08-31", au="2020-09-30",
        categorie="particulier",
    )  # fmt: skip
    assert reponse.status_code == 200
    texte = _texte(reponse.text)
    assert f"Total des intérêts 5,11{EUR}" in texte
    assert f"30 3,11\xa0% 2{MILLIERS}000,00{EUR} 5,11{EUR}" in texte  # the period's trace
    assert "Arrêté du 15 juin 2020" in texte  # the text that set the rate
    assert "cinq euros et onze centimes" in texte


def test_interets_majores_exemple_forum_2_46_euros(client_pour: FabriqueClient) -> None:
    """150 € from 8 January to 15 June 2010, majorated after 59 days (commentcamarche)."""
    texte = _texte(
        _calcul(
            client_pour, "interets", role="clerc_gestionnaire", capital="150",
            du="2010-01-08", au="2010-06-15", categorie="particulier",
            majoration_depuis="2010-03-09",
        ).text
    )  # fmt: skip
    assert f"Total des intérêts 2,46{EUR}" in texte
    assert "5,65\xa0% (majoré)" in texte


def test_interets_taux_conventionnel_en_pourcentage(client_pour: FabriqueClient) -> None:
    """macalculatriceenligne.com: 10 000 € at 3,15 % for 180 days = 155,34 €."""
    texte = _texte(
        _calcul(
            client_pour, "interets", capital="10000", du="2025-01-01", au="2025-06-30",
            taux_conventionnel="3,15 %",
        ).text
    )  # fmt: skip
    assert f"Total des intérêts 155,34{EUR}" in texte


def test_quotite_saisissable_exemple_publie_2023(client_pour: FabriqueClient) -> None:
    """S1 (droit-td.blogspot.com): 2 300 € net in 2023, no dependant: 826,47 € a month."""
    reponse = _calcul(
        client_pour, "quotite-saisissable", remuneration="2300,00", date="2023-06-01",
        personnes_a_charge="0",
    )  # fmt: skip
    texte = _texte(reponse.text)
    assert f"Quotité saisissable 826,47{EUR} par mois" in texte
    assert f"Montant laissé au salarié 1{MILLIERS}473,53{EUR}" in texte
    assert "C. trav. R3252-2" in texte and "1/20" in texte  # scale and articles


def test_quotite_saisissable_avec_une_personne_a_charge(client_pour: FabriqueClient) -> None:
    """S4 (earthpressnews / linternaute): 2 000 € in 2025 with one dependant: 390,22 €."""
    texte = _texte(
        _calcul(
            client_pour, "quotite-saisissable", role="clerc_assistant", remuneration="2000",
            date="2025-03-01", personnes_a_charge="1",
        ).text
    )  # fmt: skip
    assert f"Quotité saisissable 390,22{EUR}" in texte
    legisocial = _texte(
        _calcul(client_pour, "quotite-saisissable", remuneration="2152,23", date="2024-06-01").text
    )  # legisocial.fr prints 610,81 €: an arithmetic slip, the exact figure is 610,84 €
    assert f"Quotité saisissable 610,84{EUR}" in legisocial and "610,81" not in legisocial


def test_sbi_exemple_hellolife_2016(client_pour: FabriqueClient) -> None:
    """B1 (hellolife.fr): SBI 535,17 €; a balance of 570,17 € leaves 35,00 € seizable."""
    texte = _texte(_calcul(client_pour, "sbi", date="2016-10-03", soldes="570,17").text)
    assert f"Solde bancaire insaisissable au 03/10/2016 535,17{EUR}" in texte
    assert f"Laissé au débiteur 535,17{EUR}" in texte
    assert f"Saisissable 35,00{EUR}" in texte
    assert "CPCE R162-2" in texte
    assert "non confirmée" in texte  # the unconfirmed decree number is said


def test_delai_denonciation_paris_vendredi_26_decembre_2025(client_pour: FabriqueClient) -> None:
    """exemples.md: PV served Thursday 18 December 2025 + 8 days = Friday 26 December (Paris)."""
    texte = _texte(
        _calcul(client_pour, "delai", depuis="2025-12-18", duree="8 jours", territoire="75").text
    )
    assert "Expire le vendredi 26 décembre 2025" in texte
    assert "Prorogé non" in texte
    assert "CPC 641 al. 1" in texte


def test_delai_denonciation_strasbourg_lundi_29_decembre_2025(client_pour: FabriqueClient) -> None:
    """Same in Strasbourg: 26 December is a holiday in Alsace-Moselle, then a weekend."""
    texte = _texte(
        _calcul(
            client_pour, "delai", role="commissaire_justice", depuis="2025-12-18",
            duree="8 jours", territoire="67",
        ).text
    )  # fmt: skip
    assert "Expire le lundi 29 décembre 2025" in texte
    assert "Saint-Étienne" in texte and "CPC 642 al. 2" in texte


def test_delai_a_rebours_placement_huit_jours_avant_l_audience(
    client_pour: FabriqueClient,
) -> None:
    """Éditions législatives (Cass. com. 14 mars 2018): hearing Wed 31 July 2024 -> Mon 22 July."""
    texte = _texte(
        _calcul(
            client_pour, "delai", depuis="2024-07-31", duree="8 jours", territoire="75",
            a_rebours="1",
        ).text
    )  # fmt: skip
    assert "Expire le lundi 22 juillet 2024" in texte and "(à rebours)" in texte


def test_cout_acte_assignation_tarif_2020_52_62_euros(client_pour: FabriqueClient) -> None:
    """T1 (huissiers-belp.com): assignation, claim above 1 280 €: 52,62 € TTC."""
    texte = _texte(
        _calcul(
            client_pour, "cout-acte", acte="assignation", montant="2000", date="2021-06-15"
        ).text
    )
    assert f"Total TTC 52,62{EUR}" in texte
    assert "C. com. A444-11, A444-46" in texte and "n° 1" in texte
    assert f"TVA CGI 278 20,00\xa0% de 43,85{EUR} 8,77{EUR}" in texte


def test_cout_acte_signification_decision_70_48_euros(client_pour: FabriqueClient) -> None:
    """T2 (huissiers-belp.com): signification d'une décision, claim above 1 280 €: 70,48 €."""
    texte = _texte(
        _calcul(
            client_pour, "cout-acte", role="clerc_gestionnaire",
            acte="signification_decision", montant="5 000", date="2021-06-15",
        ).text
    )  # fmt: skip
    assert f"Total TTC 70,48{EUR}" in texte


def test_droit_proportionnel_debiteur_4000_euros_service_public(
    client_pour: FabriqueClient,
) -> None:
    """service-public F10404: 4 000 € collected, debtor's charge, 2024 rates: 81,39 € HT."""
    texte = _texte(
        _calcul(
            client_pour, "droit-proportionnel", encaisse="4000", date="2024-07-01",
            charge="debiteur",
        ).text
    )  # fmt: skip
    assert f"Total HT 81,39{EUR}" in texte
    assert f"125,00{EUR} 9,77\xa0% 12,21{EUR}" in texte
    assert "A444-31" in texte


def test_montant_invalide_signale_a_cote_du_champ(client_pour: FabriqueClient) -> None:
    reponse = _calcul(client_pour, "interets", capital="12abc", du="2020-08-31", au="2020-09-30")
    assert reponse.status_code == 422
    html = reponse.text
    assert re.search(r'id="capital"[^>]*value="12abc"[^>]*aria-invalid="true"', html)
    assert 'aria-describedby="erreur-capital"' in html
    assert re.search(r'class="erreur-champ" id="erreur-capital">Capital : [^<]*12abc', html)
    assert "Total des intérêts" not in html


def test_date_non_couverte_par_les_parametres_donne_le_message_du_parametre_manquant(
    client_pour: FabriqueClient,
) -> None:
    reponse = _calcul(client_pour, "sbi", date="2027-04-01")
    assert reponse.status_code == 422
    erreur = re.search(r'class="erreur-champ" id="erreur-date">([^<]*)<', reponse.text)
    assert erreur is not None
    assert "Paramètre légal manquant" in erreur.group(1)
    assert "rsa.montant_forfaitaire_personne_seule" in erreur.group(1)
    interets = _calcul(
        client_pour, "interets", capital="1000", du="2026-11-30", au="2027-03-01",
        categorie="particulier",
    )  # fmt: skip
    assert interets.status_code == 422
    assert "interet_legal.taux_particuliers" in interets.text
    assert 'id="erreur-au"' in interets.text


def test_duree_et_territoire_illisibles_signales_chacun_a_son_champ(
    client_pour: FabriqueClient,
) -> None:
    reponse = _calcul(client_pour, "delai", depuis="2025-12-18", duree="huit", territoire="99")
    assert reponse.status_code == 422
    assert re.search(r'id="erreur-duree">Durée illisible', reponse.text)
    assert re.search(r'id="erreur-territoire">Territoire inconnu', reponse.text)
    assert 'value="huit"' in reponse.text  # the input is kept


def test_acte_avec_droit_d_engagement_sans_montant_est_refuse(client_pour: FabriqueClient) -> None:
    reponse = _calcul(client_pour, "cout-acte", acte="commandement_saisie_vente", date="2025-01-10")
    assert reponse.status_code == 422
    assert re.search(r'id="erreur-montant">[^<]*A444-15', reponse.text)
    inconnu = _calcul(client_pour, "cout-acte", acte="acte_imaginaire", date="2025-01-10")
    assert inconnu.status_code == 422 and 'id="erreur-acte"' in inconnu.text


def test_htmx_recoit_le_fragment_du_formulaire_et_du_resultat(client_pour: FabriqueClient) -> None:
    client = client_pour(None)
    champs = urlencode({"depuis": "2025-12-18", "duree": "8 jours", "territoire": "75"})
    reponse = client.get(f"/calculettes/delai?{champs}", headers={"HX-Request": "true"})
    assert reponse.status_code == 200
    assert "<html" not in reponse.text and reponse.text.lstrip().startswith('<div id="calculette"')
    assert "vendredi 26 décembre 2025" in reponse.text
    erreur = client.get("/calculettes/delai?depuis=&duree=8+jours", headers={"HX-Request": "true"})
    assert erreur.status_code == 200  # htmx swaps 2xx only: the errors come in the fragment
    assert 'id="erreur-depuis"' in erreur.text


def test_le_formulaire_fonctionne_sans_javascript(client_pour: FabriqueClient) -> None:
    html = client_pour(None).get("/calculettes/interets").text
    assert 'method="get" action="/calculettes/interets"' in html
    assert 'hx-get="/calculettes/interets"' in html
    for champ in ("capital", "du", "au", "categorie", "majoration_depuis", "taux_conventionnel"):
        assert f'<label for="{champ}"' in html
