"""An act's content made into the data of its template (``modeles/acte.typ``): French text only.

The sentences come from the act type's declaration (``corps`` and the mentions' ``texte``),
filled by ``conformite.phrase``: the template prints exactly what the checker checked. Amounts
print "1 234,56 €", dates "1er mars 2026", the act opens "L'an deux mille vingt-six, le ...".
"""

from __future__ import annotations

from typing import Any

from clerc.actes.conformite import mentions_applicables, phrase
from clerc.actes.modele import MODES_ENVOI, MODES_REMISE, ContenuActe, Personne
from clerc.actes.texte import (
    date_longue,
    euros,
    formule_date_acte,
    montant_en_chiffres_et_lettres,
)
from clerc.actes.types_actes import TypeActe


def designation(p: Personne) -> dict[str, str]:
    """``{"nom", "designation"}`` as commun.typ prints a party (CPC 648): the name in bold,
    then the rest of the identity."""
    morceaux: list[str] = []
    if p.personne_physique:
        if p.profession:
            morceaux.append(p.profession)
        if p.date_naissance:
            accord = {"Madame": "née", "Monsieur": "né"}.get(p.designation.split(" ")[0], "né(e)")
            ne = f"{accord} le {date_longue(p.date_naissance)}"
            morceaux.append(f"{ne} à {p.lieu_naissance}" if p.lieu_naissance else ne)
        if p.nationalite:
            morceaux.append(f"de nationalité {p.nationalite}")
        if p.adresse:
            morceaux.append(f"demeurant {p.adresse_en_ligne}")
    else:
        if p.forme:
            morceaux.append(p.forme)
        if p.siren:
            morceaux.append(f"immatriculée sous le n° SIREN {p.siren}")
        if p.adresse:
            morceaux.append(f"dont le siège est {p.adresse_en_ligne}")
        if p.representant:
            morceaux.append(f"agissant poursuites et diligences de {p.representant}")
    return {"nom": p.designation, "designation": "".join(f", {m}" for m in morceaux)}


def _remise(contenu: ContenuActe) -> dict[str, Any] | None:
    r = contenu.remise
    if r is None:
        return None
    donnees: dict[str, Any] = {
        "mode": MODES_REMISE.get(r.mode, r.mode),
        "date": date_longue(contenu.jour),
        "paragraphes": [p for p in (r.diligences,) if p],
    }
    heure = r.heure or contenu.heure
    if heure is not None:
        donnees["heure"] = f"{heure.hour} h {heure.minute:02d}"
    if r.personne_presente:
        donnees["parlant_a"] = r.personne_presente
    if r.avis_de_passage:
        donnees["paragraphes"].append(
            "Un avis de passage daté, mentionnant la nature de l'acte, le nom du requérant et "
            "le lieu de remise de la copie, a été laissé au domicile du destinataire (CPC 655, "
            "656)."
        )
    return donnees


def _cout(type_: TypeActe, contenu: ContenuActe) -> dict[str, Any]:
    c = contenu.cout
    if c is None:
        motif = contenu.cout_indisponible or (
            "aucun acte du tarif n'est déclaré pour ce type d'acte"
            if type_.acte_tarif_pour(contenu.champs) is None
            else "non calculé"
        )
        return {
            "lignes": [],
            "total": {"libelle": "Coût de l'acte", "montant": "indisponible"},
            "mentions": [f"Coût indisponible : {motif.rstrip('.')}."],
        }
    return {
        "lignes": [
            {"libelle": ligne.libelle, "montant": euros(ligne.montant)}
            | ({"detail": ligne.article} if ligne.article else {})
            for ligne in c.lignes
        ],
        "total": {"libelle": "Coût de l'acte TTC", "montant": euros(c.total_ttc)},
        "mentions": [
            f"Tarif : {c.article} n° {c.numero}, prestation du {date_longue(c.date_prestation)}"
            f" (tarif du {date_longue(c.date_tarif)})."
            + (
                " Coût à la charge du débiteur (CPCE L111-8)."
                if type_.cout_a_la_charge_du_debiteur
                else ""
            )
        ],
    }


def ville(adresse: tuple[str, ...]) -> str:
    """ "Lyon" from ("12 rue de la République", "69002 Lyon")."""
    derniere = adresse[-1] if adresse else ""
    morceaux = derniere.split(maxsplit=1)
    return morceaux[1] if len(morceaux) == 2 and morceaux[0].isdigit() else derniere


def contexte_docx(type_: TypeActe, contenu: ContenuActe) -> dict[str, Any]:
    """The context of ``modeles/acte.docx`` (the editable DOCX): the same text as the PDF."""
    d = donnees_acte(type_, contenu)
    parties = d["parties"]
    paragraphes = list(d["corps"])
    if "titre_executoire" in d:
        titre = d["titre_executoire"]
        de = "d'" if titre[:1].lower() in "aeiouyéèàh" else "de "
        paragraphes.insert(0, f"En vertu {de}{titre}.")
    return {
        "titre": d["titre"].upper(),
        "formule_date": d["formule_date"],
        "references": d["references"],
        "etude": {"telephone": "", "courriel": "", "mentions": []} | d["etude"],
        "requerants": parties["requerants"],
        "election": parties["election"],
        "instrumentaire": parties["instrumentaire"],
        "verbe": parties["verbe"].upper(),
        "destinataires": parties["destinataires"],
        "paragraphes": paragraphes,
        "decompte": d.get("decompte", {"lignes": [], "total": {"libelle": "", "montant": ""}}),
        "mentions": [m["texte"] for m in d["mentions"]]
        + [f"{t['titre']} : {t['texte']}" for t in d["textes"]],
        "cout": d["cout"],
        "signature": d["signature"],
    }


def donnees_acte(type_: TypeActe, contenu: ContenuActe) -> dict[str, Any]:
    """The JSON data of ``modeles/acte.typ`` for this act; a value the act lacks prints
    "[À COMPLÉTER : ...]" (the checker reports it: such a draft cannot be signed)."""
    e = contenu.etude
    donnees: dict[str, Any] = {
        "titre": type_.titre,
        "formule_date": formule_date_acte(contenu.jour),
        "etude": {
            "nom": e.nom,
            "qualite": "Commissaires de justice",
            "titulaires": [e.signataire],
            "adresse": list(e.adresse),
        }
        | ({"telephone": e.telephone} if e.telephone else {})
        | ({"courriel": e.courriel} if e.courriel else {}),
        "references": {
            "dossier": contenu.reference,
            "code_acte": type_.code,
            "initiales": contenu.initiales or "—",
            "date_edition": date_longue(contenu.jour),
        },
        "parties": {
            "requerants": [designation(contenu.requerant)],
            # Another election (at the avocat's, for an act he hands over) when the act says so.
            "election": str(
                contenu.champs.get("election_domicile") or "Élisant domicile en mon étude."
            ),
            "instrumentaire": (
                f"J'ai, {e.signataire}, {e.qualite} au sein de {e.nom}, y demeurant "
                f"{', '.join(e.adresse)}, soussigné(e),"
            ),
            "verbe": f"{type_.verbe[:1].upper()}{type_.verbe[1:]} à" if type_.verbe else "À",
            "destinataires": [designation(contenu.destinataire)],
        },
        "corps": [phrase(p, contenu, brouillon=True) for p in type_.corps],
        "mentions": [
            {"texte": phrase(m.texte, contenu, brouillon=True), "apparente": m.apparente}
            for m in mentions_applicables(type_, contenu)
            if m.texte is not None
        ],
        "textes": [{"titre": t.intitule, "texte": t.texte} for t in contenu.textes],
        "cout": _cout(type_, contenu),
        "signature": {
            "lieu": f"Fait à {ville(e.adresse)}",
            "nom": e.signataire,
            "qualite": e.qualite.capitalize(),
            "mention": "Sceau et signature",
        },
    }
    if contenu.titre is not None:
        donnees["titre_executoire"] = contenu.titre.description
    if contenu.decompte is not None:
        d = contenu.decompte
        donnees["decompte"] = {
            "titre": f"Décompte au {date_longue(d.au)}",
            "lignes": [
                {"libelle": ligne.libelle, "montant": euros(ligne.montant)}
                | ({"detail": ligne.detail} if ligne.detail else {})
                for ligne in d.lignes
            ],
            "total": {"libelle": "Total", "montant": euros(d.total)},
            "total_en_lettres": montant_en_chiffres_et_lettres(d.total),
        }
    remise = _remise(contenu)
    if remise is not None:
        donnees["remise"] = remise
    return donnees


def _envoi(contenu: ContenuActe) -> str | None:
    """ "Lettre recommandée avec demande d'avis de réception n° ... et lettre simple"."""
    brut = contenu.champs.get("mode_envoi")
    modes = (brut,) if isinstance(brut, str) else tuple(brut or ())
    if not modes:
        return None
    libelles = [MODES_ENVOI.get(mode, mode) for mode in modes]
    numero = contenu.champs.get("numero_envoi")
    if numero:
        libelles[0] += f" n° {numero}"
    return " et ".join([libelles[0], *(libelle.lower() for libelle in libelles[1:])])


def _decompte_lettre(contenu: ContenuActe) -> dict[str, Any] | None:
    d = contenu.decompte
    if d is None:
        return None
    return {
        "titre": f"Décompte au {date_longue(d.au)}",
        "lignes": [
            {"libelle": ligne.libelle, "montant": euros(ligne.montant)}
            | ({"detail": ligne.detail} if ligne.detail else {})
            for ligne in d.lignes
        ],
        "total": {"libelle": "Total", "montant": euros(d.total)},
        "total_en_lettres": montant_en_chiffres_et_lettres(d.total),
    }


def donnees_lettre(type_: TypeActe, contenu: ContenuActe) -> dict[str, Any]:
    """The JSON data of ``modeles/courrier.typ`` (layout ``lettre.typ``) for a declared letter:
    the office, the addressee and the file's reference (the identities a letter carries), the
    declared sentences filled by ``phrase`` as the checker checked them (those "en caractères
    très apparents" framed), the décompte after the sentence that announces it (the mention
    checked by ``decompte``, else after the body), the reproduced texts (only the paragraphs
    the text requires) and the pieces sent with the letter (a mention declared ``piece: true``
    adds the value of its ``champ``). A value the letter lacks prints "[À COMPLÉTER : ...]"."""
    e = contenu.etude
    mentions = mentions_applicables(type_, contenu)
    paragraphes: list[Any] = [phrase(p, contenu, brouillon=True) for p in type_.corps]
    decompte = _decompte_lettre(contenu)
    annonce = next((m for m in mentions if m.controle == "decompte" and m.texte), None)
    if decompte is not None and annonce is None:
        paragraphes.append({"decompte": decompte})
    for mention in mentions:
        if mention.texte is not None:
            texte = phrase(mention.texte, contenu, brouillon=True)
            paragraphes.append({"texte": texte, "apparente": True} if mention.apparente else texte)
        if mention is annonce:
            paragraphes.append({"decompte": decompte})
    civilite = contenu.destinataire.designation.split(" ", 1)[0]
    appel = str(
        contenu.champs.get("appel")
        or (f"{civilite}," if civilite in ("Madame", "Monsieur") else "Madame, Monsieur,")
    )
    references = f"dossier {contenu.reference}" + (
        f" ({contenu.initiales})" if contenu.initiales else ""
    )
    donnees: dict[str, Any] = {
        "etude": {
            "nom": e.nom,
            "qualite": e.qualite.capitalize(),
            "titulaires": [e.signataire],
            "adresse": list(e.adresse),
        }
        | ({"telephone": e.telephone} if e.telephone else {})
        | ({"courriel": e.courriel} if e.courriel else {}),
        "destinataire": {
            "nom": contenu.destinataire.designation,
            "adresse": list(contenu.destinataire.adresse),
        },
        "lieu": ville(e.adresse),
        "date": date_longue(contenu.jour),
        "references": references,
        "objet": phrase(type_.titre, contenu, brouillon=True),
        "appel": appel,
        "paragraphes": paragraphes,
        "textes": [{"titre": t.intitule, "texte": t.texte.split("\n\n")} for t in contenu.textes],
        "formule": (
            f"Je vous prie d'agréer, {appel.rstrip(',')}, l'expression de mes salutations "
            "distinguées."
        ),
        "signature": {"nom": e.signataire, "qualite": e.qualite.capitalize()},
        "pieces": [
            str(contenu.champs[str(m.parametres["champ"])])
            for m in mentions
            if m.parametres.get("piece") and contenu.champs.get(str(m.parametres["champ"]))
        ],
    }
    envoi = _envoi(contenu)
    if envoi is not None:
        donnees["envoi"] = envoi
    return donnees


def contexte_docx_lettre(type_: TypeActe, contenu: ContenuActe) -> dict[str, Any]:
    """The context of ``modeles/lettre.docx`` (the editable DOCX of a letter): the same text as
    the PDF (``donnees_lettre``). The body is split around the décompte (a letter has at most
    one): ``paragraphes``, the ``decompte`` table, then ``paragraphes_suite``; each paragraph
    is ``{texte, apparente}`` (a sentence "en caractères très apparents" is bold and framed)."""
    d = donnees_lettre(type_, contenu)
    avant: list[dict[str, Any]] = []
    apres: list[dict[str, Any]] = []
    decompte: dict[str, Any] | None = None
    for p in d["paragraphes"]:
        if isinstance(p, dict) and "decompte" in p:
            if decompte is not None:
                raise ValueError(f"{type_.code} : une lettre n'a qu'un décompte")
            decompte = p["decompte"]
            continue
        texte, apparente = (p, False) if isinstance(p, str) else (p["texte"], p["apparente"])
        (apres if decompte is not None else avant).append({"texte": texte, "apparente": apparente})
    return {
        "etude": {"qualite": "", "titulaires": [], "telephone": "", "courriel": ""} | d["etude"],
        "destinataire": d["destinataire"],
        "envoi": d.get("envoi", ""),
        "lieu": d["lieu"],
        "date": d["date"],
        "references": d["references"],
        "objet": d["objet"],
        "appel": d["appel"],
        "paragraphes": avant,
        "decompte": decompte or {"titre": "", "lignes": [], "total": {}, "total_en_lettres": ""},
        "paragraphes_suite": apres,
        "formule": d["formule"],
        "signature": d["signature"],
        "pieces": d["pieces"],
        "textes": d["textes"],
    }


__all__ = [
    "contexte_docx",
    "contexte_docx_lettre",
    "designation",
    "donnees_acte",
    "donnees_lettre",
    "ville",
]
