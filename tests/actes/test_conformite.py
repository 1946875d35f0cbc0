"""The compliance checker of acts: every declared mention removed or made wrong is found."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal

import pytest

from clerc.actes.conformite import phrase, verifier
from clerc.actes.modele import Controle, Remise
from clerc.actes.types_actes import DeclarationActeInvalide, type_acte, types_actes
from tests.actes.exemples import FIN_CONTESTATION, denonciation, paiement_tiers

DENONCIATION = "denonciation_saisie_attribution"


def _mentions(**champs: object) -> set[str]:
    return {c.mention for c in verifier(type_acte(DENONCIATION), denonciation(**champs))}


def test_chaque_declaration_se_charge_et_cite_ses_articles() -> None:
    for code, declaration in types_actes().items():
        assert declaration.mentions, code
        assert all(m.article for m in declaration.mentions), code


def test_une_denonciation_complete_est_conforme() -> None:
    assert verifier(type_acte(DENONCIATION), denonciation()) == ()


def test_la_phrase_tres_apparente_porte_la_date_d_expiration() -> None:
    mention = type_acte(DENONCIATION).mention("delai_contestation")
    texte = phrase(mention.texte or "", denonciation())
    # CPCE R211-3 2°: the month and the day it expires, Tuesday 11 April 2023.
    assert "Ce délai expire le 11 avril 2023." in texte
    assert mention.apparente


@pytest.mark.parametrize(
    ("champs", "mention", "message"),
    [
        ({"delais": {}}, "delai_contestation", "non indiquée"),
        # A wrong expiry date (the 4th, forgetting CPC 642) is found, not only a missing one.
        ({"delais": {"fin_contestation": date(2023, 4, 8)}}, "delai_contestation",
         "la loi donne le 11 avril 2023"),
        ({"tiers": None}, "copie_pv", "absent"),
        ({"champs": {"pv_saisie_le": date(2023, 3, 6)}}, "juridiction", "non renseigné"),
        ({"cout": None, "cout_indisponible": "tarif n° 5 manquant au 2023-03-08"}, "cout",
         "tarif n° 5"),
        ({"remise": Remise(mode="domicile")}, "remise", "personne présente"),
        ({"remise": None}, "remise", "non indiquées"),
        ({"heure": time(22, 0), "remise": Remise(mode="personne", heure=time(22, 0))},
         "date_et_heure", "21"),
        ({"jour": date(2023, 3, 12)}, "date_et_heure", "dimanche"),
        ({"controle": Controle(total_decompte=Decimal("6000.00"),
                               delais={"fin_contestation": FIN_CONTESTATION})},
         "decompte", "le dossier donne 6"),
        ({"controle": Controle(etape_refusee="Dénonciation refusée : la saisie est caduque.",
                               delais={"fin_contestation": FIN_CONTESTATION})},
         "etape", "caduque"),
    ],
)  # fmt: skip
def test_chaque_mention_retiree_ou_fausse_est_trouvee(
    champs: dict[str, object], mention: str, message: str
) -> None:
    constats = verifier(type_acte(DENONCIATION), denonciation(**champs))
    trouves = [c for c in constats if c.mention == mention]
    assert trouves, constats
    assert any(message in c.message for c in trouves), trouves
    assert all(c.article for c in trouves)


def test_identite_incomplete_du_requerant_personne_physique() -> None:
    requerant = replace(
        denonciation().destinataire, profession=None, nationalite="française"
    )  # CPC 648 2°: profession, date and place of birth missing
    (constat,) = verifier(type_acte(DENONCIATION), denonciation(requerant=requerant))
    assert constat.mention == "identite_requerant" and constat.article == "CPC 648 2°"
    assert "profession, date de naissance, lieu de naissance manquant" in constat.message


def test_somme_laissee_seulement_pour_une_saisie_de_compte() -> None:
    # R211-3 4°: the SBI mention applies to a bank account only.
    sans_compte = {"pv_saisie_le": date(2023, 3, 6),
                   "juridiction_contestation": "juge de l'exécution de Lyon"}  # fmt: skip
    assert verifier(type_acte(DENONCIATION), denonciation(champs=sans_compte)) == ()
    avec_compte = {**sans_compte, "compte_bancaire": "FR76 1680 7000 0100"}
    (constat,) = verifier(type_acte(DENONCIATION), denonciation(champs=avec_compte))
    assert constat.mention == "somme_laissee"


def test_declaration_invalide_refusee_au_chargement() -> None:
    from clerc.actes.conformite import CONTROLES
    from clerc.actes.types_actes import _type

    brut = {"code": "x", "categorie": "acte", "mentions": [
        {"code": "a", "libelle": "A", "article": "CPC 648", "sanction": "nullite",
         "controle": "inexistant"}]}  # fmt: skip
    with pytest.raises(DeclarationActeInvalide, match="contrôle « inexistant » inconnu"):
        _type(brut, "x.yaml", frozenset(CONTROLES))
    with pytest.raises(DeclarationActeInvalide, match="code « y » doit être le nom"):
        _type({**brut, "code": "y"}, "x.yaml", frozenset(CONTROLES))


def test_la_lettre_au_tiers_saisi_demande_le_paiement_sur_certificat() -> None:
    from clerc.actes.composition import donnees_lettre

    type_ = type_acte("lettre_tiers_saisi_paiement")
    contenu = paiement_tiers()
    assert verifier(type_, contenu) == ()  # type: ignore[arg-type]
    texte = " ".join(
        phrase(m.texte or "", contenu)
        for m in type_.mentions
        if m.texte  # type: ignore[arg-type]
    )
    # R211-6 al. 1: payment on the certificate; at most the sums of the seizure (R211-1 3°).
    assert "certificat du 12 avril 2023" in texte and "soit au plus 6\u202f155,49\xa0€" in texte
    assert donnees_lettre(type_, contenu)["destinataire"]["nom"].startswith("BANQUE POPULAIRE")  # type: ignore[arg-type]
    sans_certificat = paiement_tiers(champs={"pv_saisie_le": date(2023, 3, 6)})
    (constat,) = verifier(type_, sans_certificat)  # type: ignore[arg-type]
    assert (constat.mention, constat.article) == ("certificat", "CPCE R211-6")


def test_la_relance_de_l_employeur_reproduit_l212_8_et_l212_14() -> None:
    from tests.actes.exemples import relance_employeur

    type_ = type_acte("lettre_employeur_declaration")
    assert verifier(type_, relance_employeur()) == ()
    mention = type_.mention("delai_declaration")
    # R212-1-11: fifteen days from the PV of Tuesday 9 December 2025.
    assert "au plus tard le 24 décembre 2025" in phrase(mention.texte or "", relance_employeur())
    faux = relance_employeur(delais={"fin_declaration": date(2025, 12, 23)})
    (constat,) = verifier(type_, faux)
    assert (constat.mention, constat.article) == ("delai_declaration", "CPCE R212-1-11")
    (sans_texte,) = verifier(
        type_, relance_employeur(textes=()[:0] + relance_employeur().textes[:1])
    )
    assert sans_texte.mention == "texte_l212_14"
