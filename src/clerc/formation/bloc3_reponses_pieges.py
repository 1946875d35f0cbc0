"""Bloc 3, ``repondre_message``: the kinds of message on a file with a risk (surendettement,
liquidation, décès, trêve, fonds détenus, créancier bloqué). See
:mod:`clerc.formation.bloc3_messages`."""

from __future__ import annotations

import re
from datetime import date

from clerc.formation.bloc3_commun import (
    ARTICLE_DELICATESSE,
    ARTICLE_MANDAT,
    Cas,
    motif_article,
    motif_montant,
)
from clerc.formation.bloc3_reponses import (
    DEMANDES,
    DEUX,
    MOTIFS_RISQUE,
    MOTS_MINIMUM,
    UN,
    Message,
    Option,
    _apaiser,
    _citer,
    _citer_l_un,
    _creancier,
    _critere,
    _debiteur,
    _du,
    _ordonner,
)
from clerc.formation.rubriques import Rubrique, plier
from clerc.rules.analyse import Alerte
from clerc.rules.delais import treve_hivernale
from clerc.rules.monnaie import format_date_longue, format_euros

# --- files with a trap ----------------------------------------------------------------------------


def _alerte(c: Cas, code: str) -> Alerte:
    return next(a for a in c.risques if a.code == code)


def _protection(c: Cas, *natures: str) -> tuple[date | None, str]:
    for p in c.scenario.examine.debiteurs[0].protections:
        if p.nature in natures:
            return p.depuis, p.juridiction or p.organe or ""
    return None, ""


def _le(jour: date | None) -> str:
    return f"le {format_date_longue(jour)}" if jour else "récemment"


def _surendettement(c: Cas) -> Message:
    alerte = _alerte(c, "surendettement")
    depuis, _ = _protection(c, "surendettement_recevabilite", "surendettement_mesures")
    texte = (
        f"Mon dossier de surendettement a été déclaré recevable {_le(depuis)}. Pourtant je "
        "reçois encore vos courriers. Dois-je continuer à vous payer ?"
    )
    juste = Option(
        "Nous prenons acte de la recevabilité de votre dossier : les procédures d'exécution sur "
        "vos biens sont suspendues et interdites (C. consom. L722-2), et vous ne devez pas payer "
        "cette dette en dehors de la procédure (C. consom. L722-5). Nous en informons le "
        "créancier, qui fera valoir sa créance auprès de la commission.",
        True,
        alerte.message,
        alerte.article,
    )
    fausses = [
        Option(
            "La recevabilité ne concerne pas notre étude : la saisie continue.",
            False,
            alerte.message,
            alerte.article,
        ),
        Option(
            "Continuez vos versements chez nous, en priorité sur vos autres dettes.",
            False,
            "Depuis la recevabilité, le débiteur ne peut plus payer une dette antérieure (autre "
            "qu'alimentaire) en dehors de la procédure.",
            "C. consom. L722-5",
        ),
        Option(
            "Votre dette est effacée : le dossier est clos.",
            False,
            "La recevabilité suspend les poursuites, elle n'efface rien : seul un rétablissement "
            "personnel efface les dettes.",
            "C. consom. L722-2 ; L741-2",
        ),
    ]
    rubrique = Rubrique(
        (
            _critere(
                "suspension",
                "Dire que les poursuites sont suspendues et interdites",
                DEUX,
                "C. consom. L722-2",
                alerte.message,
                r"suspen|interdi",
            ),
            _critere(
                "ne_pas_payer",
                "Dire que le débiteur ne doit pas payer cette dette hors procédure",
                UN,
                "C. consom. L722-5",
                "La recevabilité interdit au débiteur de payer une créance antérieure.",
                r"ne (?:doit|devez|peut|pouvez) (?:pas|plus) (?:la |nous )?(?:payer|regler)",
                r"interdiction de payer|pas (?:a|de) (?:nous )?payer",
            ),
            _citer("C. consom. L722-2"),
        ),
        MOTS_MINIMUM,
    )
    justification = (
        "Le dossier de surendettement est recevable : les procédures d'exécution sur les biens "
        "du débiteur sont suspendues et interdites (C. consom. L722-2) et il ne doit pas payer "
        "cette dette antérieure hors de la procédure (L722-5). L'étude suspend, informe le "
        "créancier, et la dette n'est pas effacée pour autant."
    )
    return Message(
        _debiteur(c), "débiteur", texte, _ordonner(c, juste, fausses), rubrique, justification,
        frozenset({"debutant", "intermediaire"}),
    )  # fmt: skip


def _liquidation(c: Cas) -> Message:
    alerte = _alerte(c, "liquidation_judiciaire")
    debiteur = c.scenario.examine.debiteurs[0]
    liquidateurs = debiteur.representants_de("liquidateur", "mandataire_judiciaire")
    de = liquidateurs[0] if liquidateurs else "Le liquidateur judiciaire"
    depuis, juridiction = _protection(c, "liquidation_judiciaire")
    mesure = c.premiere_mesure
    texte = (
        f"En ma qualité de liquidateur de {debiteur.designation}, placée en liquidation "
        f"judiciaire {_le(depuis)}{f' ({juridiction})' if juridiction else ''}, je m'étonne de "
        "recevoir vos démarches de recouvrement. Que comptez-vous faire ?"
    )
    declaration = (
        f"{mesure.libelle} ({mesure.articles})"
        if mesure is not None and mesure.procedure == "declaration_creance"
        else "la déclaration de créance (C. com. L622-24)"
    )
    juste = Option(
        "Nous prenons acte : le jugement d'ouverture arrête toute procédure d'exécution des "
        "créanciers antérieurs (C. com. L622-21, L641-3). Nous cessons toute mesure et invitons "
        "le créancier à vous déclarer sa créance dans le délai légal (C. com. L622-24).",
        True,
        f"{alerte.message} Mesure à engager : {declaration}.",
        f"{alerte.article} ; C. com. L622-24",
    )
    fausses = [
        Option(
            "Notre titre est antérieur à la liquidation : la saisie se poursuit.",
            False,
            alerte.message,
            alerte.article,
        ),
        Option(
            "Nous vous demandons de payer notre client en priorité, avant les autres créanciers.",
            False,
            "Le jugement d'ouverture interdit le paiement des créances antérieures ; le "
            "créancier déclare sa créance et sera payé selon son rang.",
            "C. com. L622-7, L641-3",
        ),
        Option(
            "Le créancier n'a aucune démarche à faire : vous le paierez d'office.",
            False,
            "Le créancier doit déclarer sa créance au liquidateur dans le délai, faute de quoi "
            f"elle est inopposable à la procédure. Mesure à engager : {declaration}.",
            "C. com. L622-24, L622-26",
        ),
    ]
    rubrique = Rubrique(
        (
            _critere(
                "arret",
                "Dire que les poursuites individuelles sont arrêtées",
                DEUX,
                alerte.article,
                alerte.message,
                r"arret|suspen|interdi|cess",
            ),
            _critere(
                "declaration",
                "Annoncer la déclaration de créance au liquidateur",
                DEUX,
                "C. com. L622-24",
                "Le créancier antérieur déclare sa créance au mandataire ou au liquidateur.",
                r"declar",
            ),
            _critere(
                "article",
                "Citer le texte applicable (C. com. L622-21 ou L641-3)",
                UN,
                alerte.article,
                "Une justification s'appuie sur le texte : citez l'article.",
                motif_article("C. com. L622-21"),
                motif_article("C. com. L641-3"),
            ),
        ),
        MOTS_MINIMUM,
    )
    justification = (
        "La société débitrice est en liquidation judiciaire : le jugement d'ouverture arrête et "
        "interdit les poursuites des créanciers antérieurs (C. com. L622-21, L641-3). L'étude "
        "cesse toute mesure et le créancier déclare sa créance au liquidateur (L622-24)."
    )
    return Message(
        de, "liquidateur", texte, _ordonner(c, juste, fausses), rubrique, justification,
        frozenset({"debutant", "intermediaire"}),
    )  # fmt: skip


def _deces(c: Cas) -> Message:
    alerte = _alerte(c, "debiteur_decede")
    debiteur = c.scenario.examine.debiteurs[0]
    heritiers = debiteur.representants_de("heritier")
    de = heritiers[0] if heritiers else "Un héritier"
    parent = "ma mère" if debiteur.designation.startswith("Madame") else "mon père"
    decede = "décédée" if parent == "ma mère" else "décédé"
    texte = (
        f"{parent.capitalize()}, {debiteur.designation}, est {decede} {_le(debiteur.decede_le)}. "
        "Je reçois vos courriers : dois-je payer ses dettes ? Allez-vous saisir mon compte ?"
    )
    juste = Option(
        "Nous vous présentons nos condoléances. Les dettes du défunt passent aux héritiers qui "
        "acceptent la succession (C. civ. 873), mais vous pouvez accepter, accepter à "
        "concurrence de l'actif net ou renoncer (C. civ. 768). Aucune mesure ne peut être "
        "exécutée contre vous avant huit jours après la signification du titre (C. civ. 877).",
        True,
        alerte.message,
        "C. civ. 768, 873, 877",
    )
    fausses = [
        Option(
            f"Vous devez payer les {_du(c)} sous huit jours, sinon nous saisirons votre compte.",
            False,
            f"{alerte.message} L'héritier peut encore renoncer ou accepter à concurrence de "
            "l'actif net.",
            "C. civ. 877 ; C. civ. 768",
        ),
        Option(
            "Le décès éteint la dette : le dossier est clos.",
            False,
            "Faux : les dettes du défunt sont transmises à ses héritiers, chacun pour sa part.",
            "C. civ. 873",
        ),
        Option(
            "Rien ne change : nous poursuivons les saisies sur les comptes du défunt.",
            False,
            alerte.message,
            alerte.article,
        ),
    ]
    rubrique = Rubrique(
        (
            _critere(
                "condoleances",
                "Présenter ses condoléances",
                UN,
                ARTICLE_DELICATESSE,
                "Le décès d'un proche appelle d'abord des condoléances.",
                r"condoleances",
            ),
            _critere(
                "option",
                "Rappeler l'option successorale (accepter, à concurrence de l'actif net, renoncer)",
                DEUX,
                "C. civ. 768",
                "L'héritier n'est tenu qu'après avoir accepté ; il peut renoncer.",
                r"renonc",
                r"actif net",
                r"option",
            ),
            _critere(
                "signification",
                "Dire qu'aucune mesure n'est possible avant huit jours après la signification",
                UN,
                "C. civ. 877",
                alerte.message,
                r"huit jours|8 jours",
                motif_article("C. civ. 877"),
            ),
        ),
        MOTS_MINIMUM,
    )
    justification = (
        "Après des condoléances, la réponse dit le droit : les dettes passent aux héritiers qui "
        "acceptent (C. civ. 873), mais l'héritier peut renoncer ou accepter à concurrence de "
        "l'actif net (C. civ. 768) ; le titre n'est exécutoire contre lui que huit jours après "
        "lui avoir été signifié (C. civ. 877)."
    )
    return Message(
        de, "héritier", texte, _ordonner(c, juste, fausses), rubrique, justification,
        frozenset({"debutant", "intermediaire"}),
    )  # fmt: skip


def _treve(c: Cas) -> Message:
    alerte = _alerte(c, "treve_hivernale")
    expulsions = c.scenario.examine.expulsions
    prevue = expulsions[-1].date_prevue if expulsions else c.au
    periode = treve_hivernale(c.au) or treve_hivernale(prevue)
    assert periode is not None
    mesure = c.premiere_mesure
    texte = (
        f"J'ai appris que vous vouliez m'expulser le {format_date_longue(prevue)}, en plein "
        "hiver, avec mes enfants ! C'est inhumain. Allez-vous le faire ?"
    )
    juste = Option(
        f"Aucune expulsion d'un local d'habitation ne peut être exécutée pendant la trêve "
        f"hivernale, du {format_date_longue(periode.debut)} au {format_date_longue(periode.fin)} "
        f"(CPCE L412-6) : la date ne peut être tenue et une nouvelle date ne pourra être fixée "
        f"qu'à partir du {format_date_longue(periode.reprise_le)}. La dette reste due ; nous "
        "pouvons étudier avec vous un échéancier.",
        True,
        alerte.message,
        alerte.article,
    )
    fausses = [
        Option(
            "L'expulsion aura lieu à la date prévue : la trêve ne vous protège pas.",
            False,
            alerte.message,
            alerte.article,
        ),
        Option(
            "La trêve hivernale annule la procédure d'expulsion et votre dette.",
            False,
            "La trêve suspend l'exécution de l'expulsion, elle n'annule ni la décision ni la "
            "dette"
            + (
                f" ; d'autres mesures restent possibles ({mesure.libelle})."
                if mesure is not None
                else "."
            ),
            "CPCE L412-6",
        ),
    ]
    rubrique = Rubrique(
        (
            _critere(
                "treve",
                "Invoquer la trêve hivernale",
                DEUX,
                "CPCE L412-6",
                alerte.message,
                r"treve",
            ),
            _critere(
                "periode",
                "Dire jusqu'à quand elle court",
                UN,
                "CPCE L412-6",
                f"Trêve du {periode.debut.isoformat()} au {periode.fin.isoformat()}.",
                re.escape(plier(format_date_longue(periode.fin))),
                re.escape(plier(format_date_longue(periode.reprise_le))),
                re.escape(periode.fin.isoformat()),
                re.escape(f"{periode.fin.day} {plier(format_date_longue(periode.fin)).split()[1]}"),
            ),
            _critere(
                "dette",
                "Dire que la dette reste due",
                UN,
                "CPCE L412-6",
                "La trêve ne suspend que l'expulsion.",
                r"(?:dette|somme)s? (?:reste|restent|demeure|demeurent) dues?",
                r"toujours dues?|reste(?:z)? redevable|reste(?:z)? debiteur",
            ),
            _citer("CPCE L412-6"),
        ),
        MOTS_MINIMUM,
    )
    justification = (
        "La date prévue tombe pendant la trêve hivernale, du "
        f"{format_date_longue(periode.debut)} au {format_date_longue(periode.fin)} : aucune "
        "expulsion d'un local d'habitation ne peut y être exécutée (CPCE L412-6). La dette "
        "reste due ; on apaise sans promettre l'abandon de la procédure."
    )
    return Message(
        _debiteur(c), "débiteur", texte, _ordonner(c, juste, fausses), rubrique, justification,
        frozenset({"debutant", "intermediaire"}),
    )  # fmt: skip


def _fonds_creancier(c: Cas) -> Message:
    alerte = _alerte(c, "fonds_detenus_trop_longtemps")
    fonds = [f for f in c.scenario.examine.fonds if f.date_limite < c.au]
    f = fonds[0] if fonds else c.scenario.examine.fonds[0]
    detenu = format_euros(f.restant)
    texte = (
        "J'apprends par le débiteur qu'il vous a versé de l'argent il y a des mois. Je n'ai "
        "rien reçu ! C'est inadmissible, expliquez-vous."
    )
    juste = Option(
        f"Vous avez raison et nous vous présentons nos excuses : nous détenons pour votre compte "
        f"{detenu} reçus le {format_date_longue(f.encaissement.date)}, qui auraient dû vous être "
        f"reversés au plus tard le {format_date_longue(f.date_limite)} (C. com. R444-56). Nous "
        "procédons au reversement sans délai.",
        True,
        alerte.message,
        alerte.article,
    )
    fausses = [
        Option(
            "Nous conservons les fonds jusqu'au paiement complet de la dette : c'est l'usage.",
            False,
            alerte.message,
            alerte.article,
        ),
        Option(
            "Aucune somme n'a été reçue dans ce dossier.",
            False,
            f"Faux : {detenu} ont été reçus le {f.encaissement.date.isoformat()} et sont "
            "toujours détenus ; l'étude doit rendre compte au créancier.",
            "C. com. R444-56 ; C. civ. 1993",
        ),
        Option(
            "Nous n'avons pas à vous rendre compte des paiements du débiteur.",
            False,
            "Le mandataire doit rendre compte de sa gestion et remettre ce qu'il a reçu.",
            "C. civ. 1993",
        ),
    ]
    rubrique = Rubrique(
        (
            _apaiser(),
            _critere(
                "montant",
                f"Donner la somme détenue ({detenu})",
                DEUX,
                "C. civ. 1993",
                f"{detenu} reçus le {f.encaissement.date.isoformat()}.",
                motif_montant(f.restant),
            ),
            _critere(
                "reversement",
                "Annoncer le reversement immédiat",
                UN,
                "C. com. R444-56",
                alerte.message,
                r"revers|virement|vous (?:adresser|transmettre|verser|regler)",
            ),
            _citer("C. com. R444-56"),
        ),
        MOTS_MINIMUM,
    )
    justification = (
        f"Le créancier a raison : {detenu} sont détenus depuis le "
        f"{format_date_longue(f.encaissement.date)}, au-delà du délai de reversement "
        "(C. com. R444-56). Nous regrettons ce retard, reconnaissons les faits et annonçons "
        "le reversement immédiat, sans nier ni différer."
    )
    return Message(
        _creancier(c), "créancier", texte, _ordonner(c, juste, fausses), rubrique, justification,
        frozenset({"confirme"}),
    )  # fmt: skip


def _creancier_bloque(c: Cas) -> Message:
    alerte = next(a for a in c.risques if a.code in MOTIFS_RISQUE)
    mesure = c.premiere_mesure
    interdites = [p for p in alerte.interdit if p in DEMANDES]
    if interdites:
        demande_code = interdites[0]
    elif mesure is not None and mesure.procedure in DEMANDES:
        demande_code = mesure.procedure
    else:
        demande_code = "saisie_attribution_compte"
    demande = DEMANDES[demande_code]
    interdite = demande_code in alerte.interdit
    texte = (
        f"Cela fait des mois que j'attends mes {_du(c)} dans le dossier {c.reference}. Lancez "
        f"immédiatement {demande} contre {_debiteur(c)}, ou je confie mes dossiers à une autre "
        "étude !"
    )
    suite = (
        f" La mesure à engager est : {mesure.libelle} ({mesure.articles})."
        if mesure is not None and mesure.procedure != demande_code
        else ""
    )
    if interdite:
        juste_texte = (
            f"Nous comprenons votre impatience, mais nous ne pouvons pas engager {demande} en "
            f"l'état : {alerte.message}{suite} Nous vous rendrons compte de chaque diligence."
        )
    else:
        juste_texte = (
            f"Nous comprenons votre impatience. Nous pouvons engager {demande}, avec cette "
            f"précaution : {alerte.message} Nous vous rendrons compte de chaque diligence."
        )
    juste = Option(juste_texte, True, alerte.message, alerte.article)
    fausses = [
        Option(
            f"Entendu : nous engageons {demande} dès demain, sans autre vérification.",
            False,
            alerte.message,
            alerte.article,
        ),
        Option(
            f"Nous vous garantissons le paiement de vos {_du(c)} sous un mois.",
            False,
            "Promesse de résultat : l'étude répond de ses diligences, non de la solvabilité du "
            "débiteur ni de l'issue des mesures.",
            ARTICLE_MANDAT,
        ),
        Option(
            "Confiez donc vos dossiers à une autre étude : nous n'avons pas à nous justifier.",
            False,
            "L'étude doit rendre compte de sa gestion au créancier, avec respect et délicatesse.",
            f"C. civ. 1993 ; {ARTICLE_DELICATESSE}",
        ),
    ]
    rubrique = Rubrique(
        (
            _apaiser(),
            _critere(
                "risque",
                "Expliquer le risque du dossier qui interdit ou conditionne la mesure",
                DEUX,
                alerte.article,
                alerte.message,
                MOTIFS_RISQUE[alerte.code],
            ),
            *_citer_l_un(alerte.article),
        ),
        MOTS_MINIMUM,
    )
    justification = (
        f"Nous comprenons l'impatience du créancier, mais le dossier présente ce risque : "
        f"{alerte.message} ({alerte.article}). La réponse l'explique sans céder ni promettre de "
        "résultat, et rend compte de la suite."
    )
    return Message(
        _creancier(c), "créancier", texte, _ordonner(c, juste, fausses), rubrique, justification,
        frozenset({"confirme"}),
    )  # fmt: skip
