"""Fiche d'analyse, 1: is the title enforceable.

CPCE L111-3; CPC 478, 502, 503, 514, 538, 1411; C. civ. 877 (see the package docstring).
"""

from __future__ import annotations

from datetime import date, timedelta

from clerc.rules.analyse.modele import (
    EXECUTION_PROVISOIRE_DE_DROIT_DEPUIS,
    INJONCTION_AVEC_FORMULE_DEPUIS,
    INJONCTION_TROIS_MOIS_DEPUIS,
    NATURES_TITRE,
    OUTRE_MER,
    Controle,
    ExamenTitre,
    NatureTitre,
    TitreExamine,
)
from clerc.rules.dates import ajouter_mois
from clerc.rules.delais import Sens, delai
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.gardes import execution_contre_heritiers_le

# --- 1. the title ---------------------------------------------------------------------------


def delai_injonction_mois(date_ordonnance: date) -> tuple[int, str]:
    """Months to serve an ordonnance d'injonction de payer, and the article (CPC 1411)."""
    if date_ordonnance >= INJONCTION_TROIS_MOIS_DEPUIS:
        return 3, "CPC 1411 (décret n° 2026-96)"
    return 6, "CPC 1411"


def injonction_non_avenue_le(titre: TitreExamine) -> date:
    """First day an unserved ordonnance d'injonction de payer is non avenue (CPC 1411): the
    day after the last day of the delay (no CPC 642 extension: the earlier end, safe side)."""
    mois, _ = delai_injonction_mois(titre.date_titre)
    return ajouter_mois(titre.date_titre, mois) + timedelta(days=1)


def jugement_non_avenu_le(titre: TitreExamine) -> date:
    """First day a default or réputé contradictoire judgment not served is non avenu (CPC 478:
    not notified within six months of its date)."""
    return ajouter_mois(titre.date_titre, 6) + timedelta(days=1)


def _fin_du_mois_de_recours(depuis: date, mois: int, territoire: str) -> date:
    """Last day of a recourse delay of ``mois`` months from ``depuis`` (CPC 640-642), the later
    possible date when a holiday is uncertain: it runs against the other party."""
    try:
        return delai(depuis, f"{mois} mois", territoire, sens=Sens.ADVERSAIRE).date_retenue
    except DonneeInvalide:  # unknown territory: the Paris calendar
        return delai(depuis, f"{mois} mois", "75", sens=Sens.ADVERSAIRE).date_retenue


def examen_titre(
    titre: TitreExamine | None,
    au: date,
    *,
    territoire: str = "75",
    deces: date | None = None,
    heritiers_signifies_le: date | None = None,
) -> ExamenTitre:
    """Is ``titre`` enforceable at ``au``, from which day, and why (see the module docstring)."""
    if titre is None:
        controle = Controle(
            "titre",
            False,
            "Aucun titre exécutoire : pas d'exécution forcée sans titre exécutoire constatant "
            "une créance liquide et exigible (CPCE L111-2) ; seuls le recouvrement amiable ou "
            "l'obtention d'un titre sont possibles.",
            "CPCE L111-2, L111-3",
            bloquant=True,
        )
        return ExamenTitre(None, "Aucun titre", "CPCE L111-3", False, None, (controle,))
    nature = NATURES_TITRE.get(titre.type)
    if nature is None:
        controle = Controle(
            "type_titre",
            False,
            f"Type de titre « {titre.type} » inconnu : la liste des titres exécutoires est "
            "limitative (CPCE L111-3).",
            "CPCE L111-3",
            bloquant=True,
        )
        return ExamenTitre(titre, titre.type, "CPCE L111-3", False, None, (controle,))
    controles = [
        Controle(
            "type_titre",
            True,
            f"{nature.libelle} du {titre.date_titre.isoformat()} : titre exécutoire "
            f"({nature.article}).",
            nature.article,
        )
    ]
    controles.extend(_formule(titre, nature))
    signifie = titre.date_signification
    if signifie is not None and signifie > au:
        signifie = None  # not yet served on the day of the analysis
    depuis: date | None = titre.date_titre
    if titre.type == "ordonnance_injonction_payer":
        controle_1411, depuis = _injonction(titre, signifie, au, territoire)
        controles.extend(controle_1411)
    elif nature.jugement:
        controles.extend(_signification_jugement(titre, nature, signifie, au))
        depuis = signifie
        if titre.type == "decision_justice" and signifie is not None:
            controle_force, depuis = _force_executoire(titre, signifie, au, territoire)
            controles.append(controle_force)
    else:
        controles.extend(_signification_autre_titre(titre, signifie))
    if deces is not None and deces <= au:
        controle_877, possible = _heritiers(deces, heritiers_signifies_le, au)
        controles.append(controle_877)
        if depuis is not None and possible is not None:
            depuis = max(depuis, possible)
        elif possible is None:
            depuis = None
    executoire = (
        depuis is not None
        and depuis <= au
        and not any(c.conforme is False and c.bloquant for c in controles)
    )
    return ExamenTitre(titre, nature.libelle, nature.article, executoire, depuis, tuple(controles))


def _formule(titre: TitreExamine, nature: NatureTitre) -> list[Controle]:
    if not nature.formule:
        return [
            Controle(
                "formule_executoire",
                True,
                f"Titre exécutoire par lui-même, sans formule exécutoire ({nature.article}).",
                nature.article,
            )
        ]
    if titre.formule_executoire:
        return [
            Controle(
                "formule_executoire",
                True,
                "Expédition revêtue de la formule exécutoire (CPC 502).",
                "CPC 502",
            )
        ]
    if (
        titre.type == "ordonnance_injonction_payer"
        and titre.date_titre < INJONCTION_AVEC_FORMULE_DEPUIS
    ):
        message = (
            "Formule exécutoire non apposée : pour une ordonnance rendue avant le 1er mars 2022, "
            "le créancier la demande au greffe dans le mois qui suit l'expiration du délai "
            "d'opposition, à peine de non-avenu (CPC 1422, 1423 anciens)."
        )
        return [Controle("formule_executoire", False, message, "CPC 1422, 1423", bloquant=True)]
    return [
        Controle(
            "formule_executoire",
            False,
            "Pas d'expédition revêtue de la formule exécutoire : nul jugement, nul acte ne peut "
            "être mis à exécution sans elle (CPC 502).",
            "CPC 502",
            bloquant=True,
        )
    ]


def _injonction(
    titre: TitreExamine, signifie: date | None, au: date, territoire: str
) -> tuple[list[Controle], date | None]:
    """CPC 1411 (service in time), then the opposition delay (CPC 1416, 1422)."""
    mois, article = delai_injonction_mois(titre.date_titre)
    limite = ajouter_mois(titre.date_titre, mois)
    non_avenue = limite + timedelta(days=1)
    tardive = titre.date_signification is not None and titre.date_signification > limite
    if tardive or (signifie is None and au >= non_avenue):
        quand = (
            f"signifiée seulement le {titre.date_signification.isoformat()}"
            if tardive and titre.date_signification is not None
            else "non signifiée"
        )
        message = (
            f"Ordonnance d'injonction de payer du {titre.date_titre.isoformat()} {quand} dans "
            f"les {mois} mois de sa date (au plus tard le {limite.isoformat()}) : elle est non "
            f"avenue depuis le {non_avenue.isoformat()} ({article}) ; il faut présenter une "
            "nouvelle requête (CPC 1405)."
        )
        return [Controle("injonction_non_avenue", False, message, article, bloquant=True)], None
    if signifie is None:
        message = (
            f"Ordonnance d'injonction de payer du {titre.date_titre.isoformat()} non encore "
            f"signifiée : à signifier au plus tard le {limite.isoformat()}, sinon elle est non "
            f"avenue ({article}) ; aucune exécution avant la signification (CPC 503)."
        )
        return [Controle("injonction_a_signifier", False, message, article, bloquant=True)], None
    controles = [
        Controle(
            "injonction_1411",
            True,
            f"Ordonnance signifiée le {signifie.isoformat()}, dans les {mois} mois de sa date "
            f"({article}).",
            article,
        )
    ]
    if titre.date_force_executoire is not None:
        controles.append(
            Controle(
                "force_executoire",
                True,
                f"Absence d'opposition constatée le {titre.date_force_executoire.isoformat()} : "
                "l'ordonnance produit tous les effets d'un jugement contradictoire (CPC 1422).",
                "CPC 1422",
            )
        )
        return controles, max(titre.date_force_executoire, signifie)
    if titre.date_titre >= INJONCTION_TROIS_MOIS_DEPUIS:
        fin = _fin_du_mois_de_recours(signifie, 2, territoire)
        article_delai = "CPC 1416, 1422 (décret n° 2026-96)"
        regle = "deux mois après la signification sans avis d'opposition du greffe"
    else:
        fin = _fin_du_mois_de_recours(signifie, 1, territoire)
        article_delai = "CPC 1416, 1422"
        regle = "à l'expiration du mois d'opposition qui suit la signification"
    depuis = fin + timedelta(days=1)
    if depuis > au:
        controles.append(
            Controle(
                "force_executoire",
                False,
                f"Délai d'opposition en cours jusqu'au {fin.isoformat()} : l'ordonnance n'est "
                f"exécutoire qu'{regle}, soit le {depuis.isoformat()} ({article_delai}).",
                article_delai,
                bloquant=True,
            )
        )
    else:
        controles.append(
            Controle(
                "force_executoire",
                True,
                f"Délai d'opposition expiré le {fin.isoformat()} ({article_delai}) : vérifier "
                "auprès du greffe qu'aucune opposition n'a été formée.",
                article_delai,
            )
        )
    return controles, depuis


def _signification_jugement(
    titre: TitreExamine, nature: NatureTitre, signifie: date | None, au: date
) -> list[Controle]:
    controles: list[Controle] = []
    defaut = titre.type == "decision_justice" and titre.contradictoire is False
    if defaut:
        limite = ajouter_mois(titre.date_titre, 6)
        tardive = titre.date_signification is not None and titre.date_signification > limite
        if tardive or (signifie is None and au > limite):
            controles.append(
                Controle(
                    "jugement_478",
                    False,
                    f"Jugement par défaut ou réputé contradictoire du "
                    f"{titre.date_titre.isoformat()} non notifié dans les six mois de sa date "
                    f"(au plus tard le {limite.isoformat()}) : il est non avenu (CPC 478) ; "
                    "l'instance est à recommencer.",
                    "CPC 478",
                    bloquant=True,
                )
            )
            return controles
        if signifie is None:
            controles.append(
                Controle(
                    "jugement_478",
                    None,
                    f"Jugement par défaut ou réputé contradictoire : à signifier au plus tard le "
                    f"{limite.isoformat()}, sinon il est non avenu (CPC 478).",
                    "CPC 478",
                )
            )
    if signifie is None:
        controles.append(
            Controle(
                "signification",
                False,
                f"{nature.libelle} du {titre.date_titre.isoformat()} non signifiée : un jugement "
                "ne peut être exécuté contre celui auquel il est opposé qu'après lui avoir été "
                "notifié (CPC 503).",
                "CPC 503",
                bloquant=True,
            )
        )
    else:
        controles.append(
            Controle(
                "signification",
                True,
                f"Titre signifié le {signifie.isoformat()} (CPC 503).",
                "CPC 503",
            )
        )
    return controles


def _signification_autre_titre(titre: TitreExamine, signifie: date | None) -> list[Controle]:
    controles: list[Controle] = []
    if titre.type == "titre_petites_creances":
        controles.append(
            Controle(
                "commissaire_delivrant",
                None,
                "Le commissaire de justice qui a délivré ce titre ne peut pas en poursuivre "
                "l'exécution (CPCE L125-1) : vérifier qu'il n'est pas de l'étude.",
                "CPCE L125-1",
            )
        )
    if titre.type == "titre_creance_commerciale":
        controles.append(
            Controle(
                "titre_provisoire",
                None,
                "Procédure des créances commerciales incontestées récente (loi du 23 avril 2026) : "
                "vérifier les textes d'application avant d'exécuter (CPCE L126-1).",
                "CPCE L126-1",
            )
        )
    if signifie is not None:
        controles.append(
            Controle(
                "signification",
                True,
                f"Titre signifié le {signifie.isoformat()}.",
                "CPCE R221-1",
            )
        )
    elif titre.type not in {"titre_petites_creances", "titre_creance_commerciale"}:
        controles.append(
            Controle(
                "signification",
                None,
                "Titre non encore signifié : le notifier avec le premier acte d'exécution "
                "(commandement : CPCE R221-1) ou, par prudence, le signifier d'abord.",
                "CPCE R221-1",
            )
        )
    return controles


def _force_executoire(
    titre: TitreExamine, signifie: date, au: date, territoire: str
) -> tuple[Controle, date]:
    """When a served judgment may be enforced: at once with provisional execution or in last
    resort, else once the appeal (or opposition) month has run (CPC 538, 539)."""
    if titre.date_force_executoire is not None:
        depuis = max(titre.date_force_executoire, signifie)
        return (
            Controle(
                "force_executoire",
                True,
                f"Caractère exécutoire établi le {titre.date_force_executoire.isoformat()} "
                "(certificat de non-appel ou de non-opposition, CPC 504, 505).",
                "CPC 504, 505",
            ),
            depuis,
        )
    provisoire: Controle | None = None
    ep = titre.execution_provisoire
    if ep == "ordonnee":
        provisoire = Controle(
            "force_executoire",
            True,
            "Exécution provisoire ordonnée par la décision : exécutoire dès sa signification "
            "(CPC 514-1, 515 ancien).",
            "CPC 514-1",
        )
    elif ep == "de_droit":
        saisine = titre.date_saisine
        if saisine is not None and saisine >= EXECUTION_PROVISOIRE_DE_DROIT_DEPUIS:
            provisoire = Controle(
                "force_executoire",
                True,
                f"Exécution provisoire de droit : instance introduite le {saisine.isoformat()}, "
                "depuis le 1er janvier 2020 (CPC 514 ; décret n° 2019-1333, art. 55).",
                "CPC 514",
            )
    if provisoire is not None:
        return provisoire, signifie
    if titre.premier_ressort is False and titre.contradictoire is not False:
        return (
            Controle(
                "force_executoire",
                True,
                "Jugement contradictoire en dernier ressort : le pourvoi en cassation n'est pas "
                "suspensif (CPC 579), exécutoire dès sa signification.",
                "CPC 579",
            ),
            signifie,
        )
    recours = "d'opposition" if titre.premier_ressort is False else "d'appel"
    pourquoi = "sans exécution provisoire"
    if ep == "de_droit":
        if titre.date_saisine is None:
            pourquoi = (
                "exécution provisoire « de droit » non vérifiable faute de date de saisine (elle "
                "ne vaut que pour les instances introduites depuis le 1er janvier 2020, CPC 514)"
            )
        else:
            pourquoi = (
                f"instance introduite le {titre.date_saisine.isoformat()}, avant le 1er janvier "
                "2020 : pas d'exécution provisoire de droit, elle devait être ordonnée (CPC 514 ; "
                "décret n° 2019-1333, art. 55)"
            )
    elif ep == "ecartee":
        pourquoi = "exécution provisoire écartée (CPC 514-1)"
    fin = _fin_du_mois_de_recours(signifie, 1, territoire)
    depuis = fin + timedelta(days=1)
    note = ""
    if territoire in OUTRE_MER:
        note = " Délai augmenté d'un mois pour une partie demeurant hors du territoire (CPC 644)."
    if depuis > au:
        return (
            Controle(
                "force_executoire",
                False,
                f"Jugement {pourquoi} : exécutoire seulement à l'expiration du délai {recours} "
                f"d'un mois suivant sa signification, suspensif (CPC 538, 539), le "
                f"{fin.isoformat()} ; aucune mesure d'exécution avant le {depuis.isoformat()}."
                + note,
                "CPC 538, 539",
                bloquant=True,
            ),
            depuis,
        )
    return (
        Controle(
            "force_executoire",
            True,
            f"Jugement {pourquoi} : délai {recours} expiré le {fin.isoformat()} (CPC 538) ; se "
            "munir du certificat de non-appel pour les tiers (CPC 504, 505)." + note,
            "CPC 538, 504, 505",
        ),
        depuis,
    )


def _heritiers(
    deces: date, signifie_aux_heritiers: date | None, au: date
) -> tuple[Controle, date | None]:
    """C. civ. 877: enforceable against the heirs eight days after service to them."""
    if signifie_aux_heritiers is None:
        return (
            Controle(
                "heritiers",
                False,
                f"Débiteur décédé le {deces.isoformat()} : le titre n'est exécutoire contre ses "
                "héritiers que huit jours après leur avoir été signifié (C. civ. 877) ; "
                "signification aux héritiers non enregistrée.",
                "C. civ. 877",
                bloquant=True,
            ),
            None,
        )
    possible = execution_contre_heritiers_le(signifie_aux_heritiers)
    if au < possible:
        return (
            Controle(
                "heritiers",
                False,
                f"Titre signifié aux héritiers le {signifie_aux_heritiers.isoformat()} : pas "
                f"d'exécution contre eux avant le {possible.isoformat()} (C. civ. 877).",
                "C. civ. 877",
                bloquant=True,
            ),
            possible,
        )
    return (
        Controle(
            "heritiers",
            True,
            f"Titre signifié aux héritiers le {signifie_aux_heritiers.isoformat()}, plus de huit "
            "jours avant (C. civ. 877).",
            "C. civ. 877",
        ),
        possible,
    )
