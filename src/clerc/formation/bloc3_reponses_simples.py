"""Bloc 3, ``repondre_message``: the kinds of message on a file without risk (délais, secret,
SBI, rémunérations, créancier pressé). See :mod:`clerc.formation.bloc3_messages`."""

from __future__ import annotations

import random
import re
from decimal import Decimal

from clerc.formation.bloc3_commun import (
    ARTICLE_DELAIS_DE_GRACE,
    ARTICLE_MANDAT,
    ARTICLE_SECRET,
    Cas,
    duree_maximale_delais_de_grace,
    motif_montant,
)
from clerc.formation.bloc3_reponses import (
    DEUX,
    MOTIFS_MESURE,
    MOTS_MINIMUM,
    NOMS_VOISINS,
    PRENOMS,
    UN,
    Message,
    Option,
    _apaiser,
    _citer,
    _creancier,
    _critere,
    _debiteur,
    _du,
    _ordonner,
)
from clerc.formation.rubriques import Rubrique, plier
from clerc.rules.monnaie import format_date_longue, format_euros
from clerc.rules.sbi import mise_a_disposition_sbi

# --- plain files --------------------------------------------------------------------------------


def _delais(c: Cas) -> Message:
    q = c.quotite
    f = c.finances
    mois = duree_maximale_delais_de_grace(c.au)
    texte = (
        f"Bonjour, j'ai bien reçu votre courrier pour la somme de {_du(c)}. Je ne peux pas tout "
        f"payer d'un coup : je gagne {format_euros(f.remuneration)} net par mois et j'ai des "
        "charges. Pouvez-vous me laisser du temps ?"
    )
    juste = Option(
        f"Nous pouvons soumettre au créancier une proposition d'échéancier (montant et date de "
        f"chaque versement) tenant compte de vos ressources ; le solde dû au "
        f"{format_date_longue(c.au)} est de {_du(c)}. À défaut d'accord, seul le juge peut vous "
        f"accorder des délais de grâce, dans la limite de deux ans ({ARTICLE_DELAIS_DE_GRACE}).",
        True,
        "L'échéancier amiable suppose l'accord du créancier ; le juge (juge de l'exécution une "
        f"fois la mesure engagée) peut reporter ou échelonner la dette dans la limite de {mois} "
        "mois, compte tenu de la situation du débiteur et des besoins du créancier.",
        ARTICLE_DELAIS_DE_GRACE,
    )
    fausses = [
        Option(
            "C'est entendu : l'étude vous accorde 36 mois pour payer, sans en référer au "
            "créancier.",
            False,
            "L'étude ne peut pas accorder seule un délai : c'est au créancier d'accepter un "
            f"échéancier, ou au juge d'accorder des délais de grâce, dans la limite de {mois} "
            "mois (36 mois dépassent ce plafond).",
            ARTICLE_DELAIS_DE_GRACE,
        ),
        Option(
            "Aucun délai n'est possible : la loi vous oblige à payer immédiatement la totalité.",
            False,
            f"Faux : le juge peut accorder des délais de grâce jusqu'à {mois} mois, et le "
            "créancier peut accepter un échéancier.",
            ARTICLE_DELAIS_DE_GRACE,
        ),
        Option(
            f"Si vous ne payez pas sous 48 heures, nous saisirons la totalité de votre salaire de "
            f"{format_euros(f.remuneration)}.",
            False,
            "Menace illicite et fausse : sur un salaire, seule la quotité saisissable peut être "
            f"prise, ici {format_euros(q.quotite_saisissable)} par mois ; "
            f"{format_euros(q.montant_laisse)} restent au salarié, jamais moins que le RSA "
            f"({format_euros(q.rsa_laisse)}).",
            "; ".join(q.references),
        ),
    ]
    rubrique = Rubrique(
        (
            _critere(
                "echeancier",
                "Proposer un échéancier soumis au créancier",
                UN,
                "C. civ. 1343-5 ; CPCE R124-5",
                "L'échelonnement amiable passe par l'accord du créancier, qui doit connaître la "
                "proposition du débiteur.",
                r"echeancier",
                r"paiement echelonne|versements? mensuel|mensualite",
            ),
            _critere(
                "juge",
                "Dire que les délais de grâce relèvent du juge",
                UN,
                ARTICLE_DELAIS_DE_GRACE,
                "Les délais de grâce sont accordés par le juge, pas par l'étude.",
                r"\bjuge\b|\bjex\b",
            ),
            _critere(
                "deux_ans",
                "Dire la limite : deux ans",
                UN,
                ARTICLE_DELAIS_DE_GRACE,
                f"Les délais de grâce ne peuvent dépasser {mois} mois.",
                r"deux ans|deux annees|24 mois|vingt-quatre mois",
            ),
            _citer(ARTICLE_DELAIS_DE_GRACE),
        ),
        MOTS_MINIMUM,
    )
    justification = (
        "Le débiteur demande du temps : l'étude ne peut pas accorder seule un délai, elle "
        "transmet au créancier une proposition d'échéancier qu'il accepte ou non. À défaut "
        "d'accord, seul le juge peut accorder des délais de grâce, dans la limite de deux ans "
        f"({ARTICLE_DELAIS_DE_GRACE}). La réponse rappelle le solde dû sans menace."
    )
    return Message(
        _debiteur(c),
        "débiteur",
        texte,
        _ordonner(c, juste, fausses),
        rubrique,
        justification,
        frozenset({"debutant"}),
    )


def _mot_distinctif(designation: str) -> str:
    """The word of a name that identifies it (the longest, not a title or a legal form)."""
    generiques = {"monsieur", "madame", "societe", "habitat", "banque", "france", "sarl", "sas"}
    mots = [m for m in re.findall(r"[a-z][a-z'-]{3,}", plier(designation)) if m not in generiques]
    mots = [m.split("'")[-1] for m in mots]
    return max(mots, key=len) if mots else plier(designation)


def _secret(c: Cas) -> Message:
    rng = random.Random(f"{c.graine}:{c.reference}:secret")
    debiteur = _debiteur(c)
    nom = debiteur.split()[-1]
    if rng.random() < 0.5:
        de = f"Monsieur {rng.choice(PRENOMS)} {rng.choice(NOMS_VOISINS)}"
        qualite = "voisin"
        lien = "son voisin"
    else:
        de = f"Madame {rng.choice(PRENOMS)} {nom}"
        qualite = "membre de la famille"
        lien = "de sa famille"
    creancier = _creancier(c)
    texte = (
        f"Bonjour, je suis {lien}. J'ai vu un de vos clercs passer chez {debiteur}. Combien "
        "doit-il, et à qui ? Je pourrais peut-être l'aider à payer."
    )
    juste = Option(
        "Nous ne pouvons vous donner aucune information sur la situation d'une personne, ni "
        "même confirmer l'existence d'un dossier : nous sommes tenus au secret professionnel. Si "
        "vous souhaitez l'aider, invitez l'intéressé à prendre contact lui-même avec l'étude.",
        True,
        "Le secret professionnel couvre tout ce que l'étude apprend de ses dossiers, à l'égard "
        "de quiconque n'y est pas partie, proches compris. Un tiers peut payer la dette "
        "d'autrui (C. civ. 1342-1), mais c'est au débiteur de lui en donner le détail.",
        ARTICLE_SECRET,
    )
    fausses = [
        Option(
            f"Il doit {_du(c)} à {creancier} ; vous pouvez régler pour lui à l'étude.",
            False,
            "Violation du secret professionnel : le montant et le créancier ne se disent pas à un "
            "tiers, même bien intentionné.",
            ARTICLE_SECRET,
        ),
        Option(
            f"Je ne peux pas vous donner le montant, mais je vous confirme qu'il a un dossier chez "
            f"nous pour {creancier}.",
            False,
            "Confirmer l'existence d'un dossier et nommer le créancier viole déjà le secret "
            "professionnel.",
            ARTICLE_SECRET,
        ),
        Option(
            "Adressez-vous à son employeur ou à sa banque, ils vous renseigneront sur ses dettes.",
            False,
            "Renvoyer un tiers vers l'employeur ou la banque, c'est révéler que le débiteur fait "
            "l'objet de poursuites ; eux aussi sont tenus au secret.",
            ARTICLE_SECRET,
        ),
    ]
    rubrique = Rubrique(
        (
            _critere(
                "secret",
                "Invoquer le secret professionnel",
                DEUX,
                ARTICLE_SECRET,
                "Le refus se fonde sur le secret professionnel de l'étude.",
                r"secret professionnel",
                r"\bsecret\b",
            ),
            _critere(
                "interesse",
                "Renvoyer le tiers vers l'intéressé",
                UN,
                ARTICLE_SECRET,
                "Seul le débiteur peut informer un proche de sa situation.",
                r"interesse",
                r"(?:qu'il|qu'elle) (?:nous )?contacte|prendre contact|s'adresse",
                r"(?:le|au) debiteur lui-meme",
            ),
        ),
        MOTS_MINIMUM,
    )
    justification = (
        f"L'interlocuteur est un tiers ({qualite}) : rien ne peut lui être révélé, ni le "
        "montant, ni le créancier, ni même l'existence d'un dossier, car l'étude est tenue au "
        "secret professionnel. S'il veut aider, il faut que l'intéressé prenne contact lui-même "
        "avec l'étude ; la réponse reste courtoise."
    )
    return Message(
        de, qualite, texte, _ordonner(c, juste, fausses), rubrique, justification,
        frozenset({"debutant"}),
    )  # fmt: skip


def _sbi(c: Cas) -> Message:
    f = c.finances
    banque = c.scenario.examine.debiteurs[0].banque or "ma banque"
    # The balance the bank declared on the file's last seizure, when recorded (the trap
    # solde_bancaire_insaisissable), else the one the seed gives the debtor.
    declares = c.scenario.examine.soldes_bancaires
    solde = declares[-1].solde if declares else f.solde_compte
    mise = mise_a_disposition_sbi([solde], c.au)
    sbi = c.sbi
    texte = (
        f"Ma banque ({banque}) m'apprend que votre étude a saisi mon compte, qui avait "
        f"{format_euros(solde)}. Je n'ai plus rien pour vivre ce mois-ci ! Que "
        "va-t-il me rester ?"
    )
    laisse = format_euros(mise.montant_laisse)
    juste = Option(
        f"Votre banque doit vous laisser, sans que vous ayez à le demander, {laisse} : c'est le "
        f"solde bancaire insaisissable, égal au RSA d'une personne seule "
        f"({format_euros(sbi.montant)}), dans la limite du solde (CPCE L162-2, R162-2). Le "
        f"surplus, {format_euros(mise.montant_saisissable)}, est bloqué par la saisie.",
        True,
        f"Le SBI au {c.au.isoformat()} est de {format_euros(sbi.montant)} (RSA personne seule) ; "
        "la banque le laisse d'office, sans demande du débiteur, dans la limite du solde "
        "créditeur.",
        "CPCE L162-2 ; CPCE R162-2",
    )
    fausses = [
        Option(
            f"La totalité de votre solde, {format_euros(solde)}, est saisie : la banque "
            "ne vous laisse rien.",
            False,
            f"Faux : la banque laisse le solde bancaire insaisissable ({laisse} ici) au débiteur "
            "dont le compte est saisi.",
            "CPCE L162-2",
        ),
        Option(
            "Vous devez saisir le juge de l'exécution pour obtenir une somme pour vivre ; sans "
            "sa décision, la banque ne vous laisse rien.",
            False,
            "Faux : la mise à disposition du SBI est automatique, aucune demande du débiteur "
            "n'est nécessaire.",
            "CPCE R162-2",
        ),
        Option(
            f"La banque vous laisse la moitié du solde, soit {format_euros(solde / 2)}.",
            False,
            f"Aucune règle de moitié : la somme laissée est le SBI, égal au RSA d'une personne "
            f"seule ({format_euros(sbi.montant)}), dans la limite du solde, soit {laisse}.",
            "CPCE L162-2",
        ),
    ]
    rubrique = Rubrique(
        (
            _critere(
                "sbi",
                "Nommer le solde bancaire insaisissable (RSA d'une personne seule)",
                DEUX,
                "CPCE L162-2",
                "La banque laisse au débiteur une somme égale au RSA d'une personne seule.",
                r"insaisissable",
                r"\bsbi\b",
                r"\brsa\b|revenu de solidarite",
            ),
            _critere(
                "montant",
                f"Donner la somme laissée ({laisse})",
                UN,
                "CPCE L162-2",
                f"Somme laissée : {laisse} (SBI de {format_euros(sbi.montant)} dans la limite du "
                "solde).",
                motif_montant(mise.montant_laisse),
            ),
            _critere(
                "automatique",
                "Dire qu'aucune demande n'est nécessaire",
                UN,
                "CPCE R162-2",
                "La mise à disposition a lieu sans demande du débiteur.",
                r"sans (?:avoir a )?(?:en )?(?:faire |formuler )?(?:la |une |aucune )?demande",
                r"automatique|d'office|de plein droit",
            ),
            _citer("CPCE L162-2"),
        ),
        MOTS_MINIMUM,
    )
    justification = (
        "Le débiteur dont le compte est saisi garde le solde bancaire insaisissable, égal au "
        f"RSA d'une personne seule, soit {laisse} ici dans la limite du solde ; la banque le "
        "laisse automatiquement, sans demande de sa part (CPCE L162-2, R162-2). Le reste est "
        "bloqué par la saisie."
    )
    return Message(
        _debiteur(c), "débiteur", texte, _ordonner(c, juste, fausses), rubrique, justification,
        frozenset({"intermediaire"}),
    )  # fmt: skip


def _remunerations(c: Cas) -> Message:
    from clerc.rules.saisie_remunerations import quotite_saisissable

    titre = c.scenario.examine.titre
    if titre is not None and titre.creance_alimentaire:
        return _remunerations_pension(c)
    f = c.finances
    q = c.quotite
    debiteur = c.scenario.examine.debiteurs[0]
    rng = random.Random(f"{c.graine}:{c.reference}:remunerations")
    charge = f", avec {f.personnes_a_charge} personne(s) à charge" if f.personnes_a_charge else ""
    if debiteur.employeur and rng.random() < 0.5:
        de, qualite = debiteur.employeur, "employeur"
        texte = (
            f"Nous employons {debiteur.designation}, payé(e) {format_euros(f.remuneration)} net "
            f"par mois{charge}. Votre étude nous annonce une saisie des rémunérations : combien "
            "devrons-nous retenir chaque mois ?"
        )
    else:
        de, qualite = debiteur.designation, "débiteur"
        texte = (
            f"Mon employeur me parle d'une saisie sur mon salaire. Je gagne "
            f"{format_euros(f.remuneration)} net par mois{charge}. Combien va-t-on me prendre ? "
            "Tout ?"
        )
    articles = "; ".join(q.references[:5])
    seuils = (
        " ; seuils relevés pour chaque personne à charge, R3252-3" if f.personnes_a_charge else ""
    )
    juste = Option(
        f"Sur {format_euros(f.remuneration)} net par mois{charge}, la retenue est au plus de "
        f"{format_euros(q.quotite_saisissable)} par mois (barème par tranches, C. trav. "
        f"R3252-2{seuils}) ; "
        f"{format_euros(q.montant_laisse)} restent au salarié, jamais moins que le RSA "
        f"({format_euros(q.rsa_laisse)}, R3252-5).",
        True,
        f"Quotité saisissable au {c.au.isoformat()} : {format_euros(q.quotite_saisissable)} "
        f"(barème {format_euros(q.quotite_bareme)}"
        f"{', plafonné pour laisser le RSA' if q.plafonnee_par_rsa else ''}).",
        articles,
    )
    candidats: list[tuple[Decimal, str, str, str]] = []
    if f.personnes_a_charge:
        sans = quotite_saisissable(f.remuneration, c.au, 0).quotite_saisissable
        candidats.append(
            (
                sans,
                "calculée sans tenir compte des personnes à charge",
                "Les seuils du barème sont relevés pour chaque personne à charge : la retenue "
                f"est de {format_euros(q.quotite_saisissable)}.",
                "C. trav. R3252-3",
            )
        )
    tout = max(f.remuneration - q.rsa_laisse, Decimal(0))
    candidats.append(
        (
            tout,
            "soit tout le salaire au-delà du RSA",
            "Prélever tout le salaire au-delà du RSA n'est permis que pour une pension "
            "alimentaire (paiement direct) ; pour une autre dette, seul le barème s'applique : "
            f"{format_euros(q.quotite_saisissable)}.",
            "C. trav. L3252-5 al. 1 ; R3252-2",
        )
    )
    tiers = (f.remuneration / 3).quantize(Decimal("0.01"))
    candidats.append(
        (
            tiers,
            "soit un tiers du salaire",
            "Pas de règle du tiers : la quotité suit le barème par tranches de la rémunération "
            f"annuelle, soit {format_euros(q.quotite_saisissable)} ici.",
            "C. trav. R3252-2",
        )
    )
    fausses = [
        Option(
            f"La retenue sera de {format_euros(valeur)} par mois, {comment}.",
            False,
            explication,
            article,
        )
        for valeur, comment, explication, article in candidats
        if valeur != q.quotite_saisissable
    ]
    criteres = [
        _critere(
            "quotite",
            f"Donner la retenue mensuelle ({format_euros(q.quotite_saisissable)})",
            DEUX,
            "C. trav. R3252-2",
            f"Quotité saisissable : {format_euros(q.quotite_saisissable)} par mois.",
            motif_montant(q.quotite_saisissable),
        ),
        _critere(
            "bareme",
            "Dire que la retenue suit le barème par tranches",
            UN,
            "C. trav. L3252-2, R3252-2",
            "La rémunération n'est saisissable que par tranches, selon un barème annuel.",
            r"bareme|tranche|quotite",
        ),
        _critere(
            "rsa",
            "Dire que le RSA reste toujours au salarié",
            UN,
            "C. trav. R3252-5",
            f"Une somme égale au RSA d'une personne seule ({format_euros(q.rsa_laisse)}) est "
            "toujours laissée.",
            r"\brsa\b|revenu de solidarite",
        ),
    ]
    if f.personnes_a_charge:
        criteres.append(
            _critere(
                "personnes_a_charge",
                "Tenir compte des personnes à charge",
                UN,
                "C. trav. R3252-3",
                "Chaque personne à charge relève les seuils du barème.",
                r"personnes? a charge|enfants?",
            )
        )
    difficile = bool(f.personnes_a_charge) or q.plafonnee_par_rsa
    justification = (
        f"Sur {format_euros(f.remuneration)} net par mois, seule la quotité saisissable est "
        f"retenue selon le barème par tranches (R3252-2) : {format_euros(q.quotite_saisissable)} "
        f"par mois{seuils}. "
        "Le salarié garde toujours au moins le RSA d'une personne seule (R3252-5) ; tout le "
        "salaire au-delà du RSA ne vaut que pour une pension alimentaire."
    )
    return Message(
        de, qualite, texte, _ordonner(c, juste, fausses), Rubrique(tuple(criteres), MOTS_MINIMUM),
        justification, frozenset({"confirme" if difficile else "intermediaire"}),
    )  # fmt: skip


def _remunerations_pension(c: Cas) -> Message:
    """The pay of a maintenance debtor (C. trav. L3252-5, R3252-5; CPCE L213-4, R212-1-35):
    the paiement direct of the current term and six months of arrears may take the whole pay
    but the RSA, not only the barème's quotité."""
    from clerc.rules.saisie_remunerations import quotite_saisissable

    f = c.finances
    debiteur = c.scenario.examine.debiteurs[0]
    q = quotite_saisissable(f.remuneration, c.au, f.personnes_a_charge, creance_alimentaire=True)
    bareme = q.quotite_bareme if q.quotite_bareme < q.quotite_saisissable else None
    rng = random.Random(f"{c.graine}:{c.reference}:remunerations")
    charge = f", avec {f.personnes_a_charge} personne(s) à charge" if f.personnes_a_charge else ""
    if debiteur.employeur and rng.random() < 0.5:
        de, qualite = debiteur.employeur, "employeur"
        texte = (
            f"Nous employons {debiteur.designation}, payé(e) {format_euros(f.remuneration)} net "
            f"par mois{charge}. Votre étude nous notifie une demande de paiement direct de la "
            "pension alimentaire qu'il (elle) doit : jusqu'à combien pouvons-nous retenir "
            "chaque mois ?"
        )
    else:
        de, qualite = debiteur.designation, "débiteur"
        texte = (
            f"Mon employeur a reçu une demande de paiement direct de la pension alimentaire. Je "
            f"gagne {format_euros(f.remuneration)} net par mois{charge}. Jusqu'où peut-on me "
            "prendre ? Il y a bien un barème ?"
        )
    tout = q.quotite_saisissable
    rsa = format_euros(q.rsa_laisse)
    articles = "C. trav. L3252-5, R3252-5 ; CPCE L213-4"
    juste = Option(
        f"Pour la pension du mois et l'arriéré des six derniers mois, le prélèvement peut "
        f"porter sur toute la rémunération : au plus {format_euros(tout)} par mois, le RSA "
        f"({rsa}) restant toujours au salarié ; le barème ne limite pas une pension alimentaire "
        "(C. trav. L3252-5, R3252-5 ; CPCE L213-4).",
        True,
        f"Créance alimentaire : prélèvement sur toute la rémunération, imputé d'abord sur la "
        f"fraction insaisissable, seul le RSA ({rsa}) restant au débiteur : "
        f"{format_euros(f.remuneration)} - {rsa} = {format_euros(tout)} au plus.",
        articles,
    )
    candidats: list[tuple[Decimal, str, str, str]] = []
    if bareme is not None:
        candidats.append(
            (
                bareme,
                "selon le barème des saisies de rémunérations",
                "Le barème ne vaut que pour les autres dettes : la pension du mois et l'arriéré "
                f"des six derniers mois se prélèvent sur toute la rémunération au-delà du RSA, "
                f"soit {format_euros(tout)} au plus.",
                "C. trav. L3252-5 ; R3252-2",
            )
        )
    candidats.append(
        (
            f.remuneration,
            "soit la totalité du salaire",
            f"Le RSA ({rsa}) est toujours laissé au salarié, même pour une pension alimentaire.",
            "C. trav. L3252-5 al. 2, R3252-5",
        )
    )
    tiers = (f.remuneration / 3).quantize(Decimal("0.01"))
    candidats.append(
        (
            tiers,
            "soit un tiers du salaire",
            "Pas de règle du tiers : pour une pension alimentaire, toute la rémunération au-delà "
            f"du RSA peut être prélevée, soit {format_euros(tout)} au plus.",
            "C. trav. L3252-5",
        )
    )
    fausses = [
        Option(f"La retenue sera de {format_euros(valeur)} par mois, {comment}.", False,
               explication, article)
        for valeur, comment, explication, article in candidats
        if valeur != tout
    ]  # fmt: skip
    criteres = (
        _critere(
            "plafond",
            f"Donner le prélèvement maximal ({format_euros(tout)})",
            DEUX,
            "C. trav. L3252-5",
            f"Toute la rémunération au-delà du RSA : {format_euros(tout)} par mois au plus.",
            motif_montant(tout),
        ),
        _critere(
            "pension",
            "Dire que la pension alimentaire échappe au barème (paiement direct)",
            UN,
            "C. trav. L3252-5 ; CPCE L213-4",
            "Le paiement direct d'une pension porte sur toute la rémunération, pour le terme "
            "courant et les six derniers mois impayés.",
            r"aliment|pension|paiement direct",
        ),
        _critere(
            "rsa",
            "Dire que le RSA reste toujours au salarié",
            UN,
            "C. trav. R3252-5",
            f"Une somme égale au RSA d'une personne seule ({rsa}) est toujours laissée.",
            r"\brsa\b|revenu de solidarite",
        ),
        _citer("C. trav. L3252-5"),
    )
    justification = (
        f"La dette est une pension alimentaire : le paiement direct du terme courant et des six "
        f"derniers mois impayés peut porter sur toute la rémunération, seul le RSA ({rsa}) "
        f"restant au salarié (C. trav. L3252-5, R3252-5) ; sur {format_euros(f.remuneration)} "
        f"net, {format_euros(tout)} par mois au plus, sans application du barème."
    )
    return Message(
        de, qualite, texte, _ordonner(c, juste, fausses), Rubrique(criteres, MOTS_MINIMUM),
        justification, frozenset({"confirme"}),
    )  # fmt: skip


def _creancier_presse(c: Cas) -> Message:
    mesure = c.premiere_mesure
    assert mesure is not None
    q = c.quotite
    texte = (
        f"Le dossier {c.reference} traîne et je n'ai toujours pas mes {_du(c)} ! Saisissez tout, "
        "son salaire entier et tout ce qu'il a sur ses comptes, dès demain, ou je confie le "
        "dossier à une autre étude."
    )
    juste = Option(
        f"Nous comprenons votre impatience. La mesure à engager maintenant est : "
        f"{mesure.libelle} ({mesure.articles}). La loi laisse toutefois au débiteur, sur un "
        f"compte, le solde bancaire insaisissable ({format_euros(c.sbi.montant)}, CPCE L162-2) "
        f"et, sur un salaire, tout ce qui excède la quotité saisissable, au moins le RSA "
        f"({format_euros(q.rsa_laisse)}, C. trav. R3252-5). Nous vous rendrons compte du "
        "résultat de chaque mesure.",
        True,
        f"Première mesure possible selon l'analyse du dossier : {mesure.libelle}. "
        f"{mesure.pourquoi} Les limites légales s'imposent au créancier (SBI, quotité "
        "saisissable) ; l'étude s'engage sur ses diligences, pas sur le résultat.",
        mesure.articles,
    )
    fausses = [
        Option(
            "Entendu : nous saisirons dès demain la totalité de son salaire et de ses comptes.",
            False,
            f"Impossible : la banque laisse le SBI ({format_euros(c.sbi.montant)}) et seule la "
            "quotité saisissable du salaire peut être prise, le RSA restant au salarié.",
            "CPCE L162-2 ; C. trav. R3252-2, R3252-5",
        ),
        Option(
            f"Nous vous garantissons le paiement intégral de vos {_du(c)} sous un mois.",
            False,
            "Promesse de résultat : l'étude répond de ses diligences, non de la solvabilité du "
            "débiteur.",
            ARTICLE_MANDAT,
        ),
        Option(
            "Nous ne pouvons rien faire de plus : le dossier est bloqué, changez d'étude si vous "
            "le souhaitez.",
            False,
            f"Faux et sans égard : une mesure reste possible ({mesure.libelle}, {mesure.articles}) "
            "et l'étude doit rendre compte de sa gestion au créancier.",
            ARTICLE_MANDAT,
        ),
    ]
    rubrique = Rubrique(
        (
            _apaiser(),
            _critere(
                "mesure",
                f"Proposer la prochaine mesure ({mesure.libelle})",
                DEUX,
                mesure.articles,
                f"L'analyse du dossier place en premier : {mesure.libelle}.",
                MOTIFS_MESURE.get(mesure.procedure, re.escape(plier(mesure.libelle))),
            ),
            _critere(
                "sbi",
                "Rappeler le solde bancaire insaisissable",
                UN,
                "CPCE L162-2",
                "Sur un compte saisi, la banque laisse le SBI au débiteur.",
                r"insaisissable|\bsbi\b",
            ),
            _critere(
                "quotite",
                "Rappeler que seule la quotité saisissable du salaire peut être prise",
                UN,
                "C. trav. R3252-2, R3252-5",
                "Le salaire n'est saisissable que selon le barème, le RSA restant au salarié.",
                r"quotite|bareme|\brsa\b",
            ),
        ),
        MOTS_MINIMUM,
    )
    justification = (
        "Nous comprenons l'attente du créancier, mais la réponse doit rester exacte : la "
        f"prochaine mesure est {mesure.libelle} ; sur un compte, la banque laisse le solde "
        "bancaire insaisissable (CPCE L162-2), et sur un salaire seule la quotité saisissable "
        "du barème peut être prise, le RSA restant au salarié (C. trav. R3252-5). On rend compte "
        "des diligences sans rien promettre sur le résultat."
    )
    return Message(
        _creancier(c), "créancier", texte, _ordonner(c, juste, fausses), rubrique, justification,
        frozenset({"confirme"}),
    )  # fmt: skip
