"""Bloc 2, the acts: draft a compliant act, find the errors planted in a flawed one.

Both types work on an act the engine ranks among the measures to take now (a commandement de
payer aux fins de saisie-vente, a commandement de saisie des rémunérations), drawn up by the
office's own builder (``clerc.office.services.actes``) for the scenario's file, and graded by
the compliance checker (``clerc.actes.conformite.verifier``) that guards the signature:

- ``rediger_acte``: the draft with its variable parts blank (date, hour and mode of service,
  addressee, the deadlines it states, the total of the décompte, the fields only the clerc
  knows); the trainee fills them; the act is drawn up again for the trainee's date and mode,
  the trainee's values are put in, and every finding of the checker is a correction with its
  mention's article and sanction (deadlines and total compared with the engine's);
- ``erreurs_acte``: the engine's compliant act with one to three errors planted by the seed (a
  mention removed, a wrong deadline, a wrong sum, an hour outside CPC 664); the trainee lists
  the mentions in error, graded against the checker's findings on the flawed act.

At level débutant, ``rediger_acte`` starts where the job does (../shared/domaine/formation.md:
stand-alone acts first): on a running file of nature "signification", the stand-alone service
of an assignation a lawyer hands to the office (``signification_acte_avocat``, no procedure);
the commandement without trap is then a level up (intermédiaire), and stays the beginner's act
in an office without such a file.

Findings the engine's own act has too (a tariff figure missing for that day...) are the
office's, not the trainee's: they are left out.
"""

from __future__ import annotations

import random
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Any

from clerc.actes import composition, conformite
from clerc.actes.modele import MODES_REMISE, ContenuActe, DecompteActe, Personne
from clerc.actes.texte import euros
from clerc.actes.types_actes import Mention, TypeActe, type_acte
from clerc.formation.bloc2_etude import EtudeBloc2, contenu_acte, etude_bloc2
from clerc.formation.bloc2_procedures import lire_date, local
from clerc.formation.notation import Notation, Point, noter
from clerc.formation.scenarios import Scenario
from clerc.formation.type_exercice import DEUX, UN, TypeExercice, codes_reponse, objet_reponse
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.monnaie import en_texte, montant
from clerc.rules.procedures.chargement import procedure as procedure_en_vigueur
from clerc.rules.procedures.moteur import Borne, EtapeFaite, etat

# The acts of the measures the engine ranks: measure -> act type of its first step.
ACTES_DES_MESURES = {
    "saisie_vente": "commandement_saisie_vente",
    "saisie_remunerations": "commandement_saisie_remunerations",
}
# The stand-alone act of a beginner, on a running file of this nature, and what the lawyer hands
# to the office (the consigne gives it; the checker checks the fields are there, CPC 655-658).
ACTE_ISOLE = "signification_acte_avocat"
NATURE_ACTE_ISOLE = "signification"
AVOCAT_ACTE_ISOLE = "Maître Claire MARTIN"
CHAMPS_ACTE_ISOLE = {
    "nature_acte": "assignation",
    "acte_signifie": f"l'assignation à comparaître établie par {AVOCAT_ACTE_ISOLE}, avocate du "
    "requérant",
    "avocat": AVOCAT_ACTE_ISOLE,
}
JOURS_POUR_SIGNIFIER = 30  # the act is served within this many days of the exercise's date
HEURE_SOLUTION = time(10, 0)
# What the engine writes in the fields only the clerc fills (the checker checks presence).
CHAMPS_SOLUTION = {
    "juridiction_contestation": "juge de l'exécution du tribunal judiciaire du lieu où demeure "
    "le débiteur",
}
CONTROLES_DELAI = ("delai", "delai_a_personne", "delai_lettre")
CONTROLES_REMPLIS = ("date_et_heure", "etape", "remise", "decompte", "champ", "choix")
_CHAMP = re.compile(r"\{champs\[([a-z_]+)\]\}")


def _champs_a_remplir(type_: TypeActe) -> list[str]:
    """The fields of the act only the clerc fills: those its sentences print
    (``{champs[...]}``) and those its mentions check."""
    champs: list[str] = []
    for m in type_.mentions:
        noms = _CHAMP.findall(m.texte or "")
        if m.controle in ("champ", "choix"):
            noms.append(str(m.parametres["champ"]))
        champs += [n for n in noms if n not in champs]
    for paragraphe in type_.corps:
        champs += [n for n in _CHAMP.findall(paragraphe) if n not in champs]
    return champs


def _delais_a_indiquer(type_: TypeActe) -> dict[str, Mention]:
    return {
        str(m.parametres["delai"]): m
        for m in type_.mentions
        if m.controle in CONTROLES_DELAI and "delai" in m.parametres
    }


@dataclass(frozen=True)
class VarianteActe(ABC):
    """An act of a file: its type, and the procedure it opens, started on the exercise's day
    (None: a stand-alone act)."""

    scenario: Scenario
    type_code: str
    procedure: str | None
    etude: EtudeBloc2 = field(compare=False, repr=False)
    erreurs: int = 0  # erreurs_acte: how many errors are planted

    @property
    def reference(self) -> str:
        return self.scenario.reference

    @property
    def piege(self) -> str | None:
        return self.scenario.piege if self.scenario.piege == "alsace_moselle" else None

    @property
    def type_(self) -> TypeActe:
        return type_acte(self.type_code)

    @property
    def territoire(self) -> str:
        return self.scenario.examine.territoire

    def contenu(
        self,
        jour: date,
        heure: time | None = HEURE_SOLUTION,
        mode: str | None = "personne",
        personne_presente: str | None = None,
        diligences: str = "",
        champs: dict[str, Any] | None = None,
    ) -> ContenuActe:
        return contenu_acte(
            self.etude,
            self.reference,
            self.type_code,
            procedure=self.procedure,
            demarree_le=self.scenario.au,
            etapes=(),
            jour=jour,
            heure=heure,
            mode=mode,
            personne_presente=personne_presente,
            diligences=diligences,
            champs=champs,
        )

    @cached_property
    def champs(self) -> dict[str, str]:
        if self.type_code == ACTE_ISOLE:
            return dict(CHAMPS_ACTE_ISOLE)
        return {c: CHAMPS_SOLUTION.get(c, "à préciser") for c in _champs_a_remplir(self.type_)}

    @cached_property
    def engine(self) -> tuple[ContenuActe, tuple[conformite.Constat, ...]] | None:
        """The engine's act: on the first day from the exercise's date when it may be served
        (CPC 664; the step open), at 10:00, à personne; None when no such day."""
        for n in range(JOURS_POUR_SIGNIFIER + 1):
            jour = self.scenario.au + timedelta(days=n)
            contenu = self.contenu(jour, champs=self.champs)
            constats = conformite.verifier(self.type_, contenu)
            if not any(c.mention in ("date_et_heure", "etape") for c in constats):
                return contenu, constats
        return None

    @property
    def solution_contenu(self) -> ContenuActe:
        assert self.engine is not None
        return self.engine[0]

    @property
    def constats_de_base(self) -> frozenset[str]:
        """Mentions the engine's own act cannot satisfy (the office's, not the trainee's)."""
        assert self.engine is not None
        return frozenset(c.mention for c in self.engine[1])

    def borne(self, contenu: ContenuActe, cle: str) -> Borne | None:
        """The engine's bound behind a deadline the act states, with its explanation."""
        mention = _delais_a_indiquer(self.type_).get(cle)
        if (
            mention is None
            or "etape" not in mention.parametres
            or self.type_.etape is None
            or self.procedure is None
        ):
            return None
        loi = procedure_en_vigueur(self.procedure, self.scenario.au)
        mode = contenu.remise.mode if contenu.remise else None
        faite = EtapeFaite(self.type_.etape, contenu.jour, contenu.heure, mode)
        etat_ = etat(loi, (faite,), contenu.jour, self.territoire,
                     self.etude.situations[self.reference])  # fmt: skip
        etape = next(e for e in etat_.etapes if e.etape.code == mention.parametres["etape"])
        if mention.parametres.get("borne") == "au_plus_tot":
            return etape.au_plus_tot
        return etape.au_plus_tard

    @cached_property
    def pieges(self) -> tuple[str, ...]:
        """What makes the act hard: its day is not the exercise's (Sunday, holiday), a deadline
        moved past a non-working day, a local calendar, an extension for distance."""
        pieges = []
        contenu = self.solution_contenu
        if contenu.jour != self.scenario.au:
            pieges.append("jour_non_legal")
        for cle in _delais_a_indiquer(self.type_):
            b = self.borne(contenu, cle)
            if b is not None and "prorogé" in b.motif:
                pieges.append("prorogation")
            if b is not None and b.augmentation_distance:
                pieges.append("distance")
        if local(self.territoire):
            pieges.append("calendrier_local")
        return tuple(pieges)

    @cached_property
    def vue(self) -> dict[str, Any]:
        return {**self.scenario.vue, "acte": self._acte()}

    @abstractmethod
    def _acte(self) -> dict[str, Any]: ...


def _variantes(
    graine: int, au: date, erreurs: Sequence[int]
) -> list[tuple[Scenario, str, str, EtudeBloc2, int]]:
    etude = etude_bloc2(graine, au)
    resultat = []
    for s in etude.scenarios:
        if not s.en_cours:
            continue
        for mesure in s.fiche.mesures:
            if mesure.possible and mesure.procedure in ACTES_DES_MESURES:
                for n in erreurs:
                    resultat.append(
                        (s, ACTES_DES_MESURES[mesure.procedure], mesure.procedure, etude, n)
                    )
    return resultat


def _actes_isoles(graine: int, au: date) -> list[tuple[Scenario, str, None, EtudeBloc2, int]]:
    """The stand-alone act of each running file of nature "signification"."""
    etude = etude_bloc2(graine, au)
    return [
        (s, ACTE_ISOLE, None, etude, 0)
        for s in etude.scenarios
        if s.en_cours and s.vue.get("nature") == NATURE_ACTE_ISOLE
    ]


def _destinataires(s: Scenario) -> dict[str, str]:
    vue = s.vue
    parties = {vue["creancier"]["designation"]: "créancier"}
    for d in vue["debiteurs"]:
        parties[d["designation"]] = "débiteur"
        if d.get("employeur"):
            parties[d["employeur"]] = "employeur du débiteur"
        if d.get("banque"):
            parties[d["banque"]] = "banque du débiteur"
    return parties


def _explication(constats: list[conformite.Constat]) -> str:
    messages = " ".join(c.message for c in constats)
    return f"{messages} Sanction : {constats[0].sanction}."


# --- (d) rédiger un acte ------------------------------------------------------------------------


class VarianteRedaction(VarianteActe):
    def _acte(self) -> dict[str, Any]:
        contenu = self.solution_contenu
        anonyme = Personne(
            personne_physique=contenu.destinataire.personne_physique,
            designation="[À COMPLÉTER : destinataire]",
        )
        vierge = replace(
            contenu,
            heure=None,
            remise=None,
            delais={},
            decompte=None,
            destinataire=anonyme,
            champs={k: v for k, v in contenu.champs.items() if k not in self.champs},
        )
        projet = composition.donnees_acte(self.type_, vierge)
        projet["formule_date"] = "[À COMPLÉTER : date de l'acte]"
        projet["references"]["date_edition"] = "[À COMPLÉTER : date]"
        if contenu.decompte is not None:
            projet["decompte"] = {
                "titre": "Décompte au jour de l'acte",
                "lignes": "[À COMPLÉTER : principal, frais, intérêts échus avec leur taux, "
                "acomptes]",
                "total": {"libelle": "Total", "montant": "[À COMPLÉTER : total]"},
            }
        return {"type": self.type_code, "libelle": self.type_.libelle, "projet": projet}


class RedigerActe(TypeExercice):
    code = "rediger_acte"
    libelle = "Rédiger un acte conforme"
    pieges_pertinents = frozenset({"alsace_moselle"})

    def scenarios(self, graine: int, au: date) -> Sequence[Any]:
        return [
            VarianteRedaction(*v)
            for v in [*_variantes(graine, au, (0,)), *_actes_isoles(graine, au)]
        ]

    def eligible(self, s: Any) -> bool:
        # The stand-alone act is a beginner's: without any trap, the other levels unchanged.
        return s.engine is not None and (s.type_code != ACTE_ISOLE or not s.pieges)

    def niveaux(self, s: Any) -> frozenset[str]:
        pieges = set(s.pieges)
        if pieges & {"calendrier_local", "distance"} or len(pieges) >= 2:
            return frozenset({"confirme"})
        if pieges or _delais_a_indiquer(s.type_):
            return frozenset({"intermediaire"})
        if s.type_code != ACTE_ISOLE and self._acte_isole(s.etude.graine, s.etude.au):
            return frozenset({"intermediaire"})  # the beginner starts with the stand-alone act
        return frozenset({"debutant"})

    @lru_cache(maxsize=8)  # noqa: B019 (the type is a module-level singleton)
    def _acte_isole(self, graine: int, au: date) -> bool:
        """Whether the office of ``graine`` has a stand-alone act for a beginner."""
        return any(self.eligible(VarianteRedaction(*v)) for v in _actes_isoles(graine, au))

    def consigne(self, s: Any) -> str:
        fin = s.scenario.au + timedelta(days=JOURS_POUR_SIGNIFIER)
        remise = (
            f"{AVOCAT_ACTE_ISOLE}, avocate du créancier, remet à l'étude une assignation à "
            "signifier à la partie adverse (acte isolé, hors procédure d'exécution). "
            if s.type_code == ACTE_ISOLE
            else ""
        )
        return (
            f"Au {s.scenario.au.isoformat()}, dossier {s.reference} : complétez le projet de "
            f"« {s.type_.libelle} » (acte.projet) pour qu'il puisse être signé. {remise}"
            "Choisissez la "
            f"date (au plus tard le {fin.isoformat()}), l'heure et le mode de signification, "
            "le destinataire, les dates d'expiration des délais que l'acte doit indiquer, le "
            "total du décompte au jour de l'acte (créance dans dossier.creance) et les mentions "
            "propres à l'acte. Le vérificateur de conformité de l'étude contrôlera l'acte ainsi "
            "complété."
        )

    def format_reponse(self, s: Any) -> dict[str, Any]:
        champs: dict[str, Any] = {
            "date": "AAAA-MM-JJ : jour de la signification",
            "heure": "HH:MM",
            "mode": "mode de remise de l'acte",
            "personne_presente": "si remise à domicile : nom et qualité de la personne présente, "
            "sinon null",
            "diligences": 'si remise à domicile ou à l\'étude : diligences accomplies, sinon ""',
            "destinataire": "désignation du destinataire de l'acte",
            "delais": {cle: "AAAA-MM-JJ" for cle in _delais_a_indiquer(s.type_)},
            "total": 'total du décompte au jour de l\'acte, par exemple "1234.56"'
            if s.solution_contenu.decompte is not None
            else "null (l'acte ne porte pas de décompte)",
            "champs": {c: "texte" for c in s.champs},
        }
        return {
            "champs": champs,
            "valeurs_possibles": {
                "mode": dict(MODES_REMISE),
                "destinataire": _destinataires(s.scenario),
            },
            "exemple": self.solution(s),
        }

    def solution(self, s: Any) -> dict[str, Any]:
        c = s.solution_contenu
        return {
            "date": c.jour.isoformat(),
            "heure": HEURE_SOLUTION.strftime("%H:%M"),
            "mode": "personne",
            "personne_presente": None,
            "diligences": "",
            "destinataire": c.destinataire.designation,
            "delais": {
                cle: c.controle.delais[cle].isoformat()
                for cle in _delais_a_indiquer(s.type_)
                if cle in c.controle.delais
            },
            "total": en_texte(c.controle.total_decompte)
            if c.controle.total_decompte is not None
            else None,
            "champs": dict(s.champs),
        }

    def corriger(self, s: Any, reponse: object) -> Notation:
        cles = ("date", "heure", "mode", "personne_presente", "diligences", "destinataire",
                "delais", "total", "champs")  # fmt: skip
        r = objet_reponse(reponse, cles)
        jour = lire_date(r["date"], "date")
        fin = s.scenario.au + timedelta(days=JOURS_POUR_SIGNIFIER)
        if not s.scenario.au <= jour <= fin:
            raise DonneeInvalide(
                f"date : l'acte est à signifier du {s.scenario.au.isoformat()} au "
                f"{fin.isoformat()}."
            )
        try:
            heure = time.fromisoformat(str(r["heure"]))
        except ValueError:
            raise DonneeInvalide(f"heure : « {r['heure']} » illisible (HH:MM).") from None
        if r["mode"] not in MODES_REMISE:
            raise DonneeInvalide(
                f"mode : « {r['mode']} » inconnu (valeurs possibles : {', '.join(MODES_REMISE)})."
            )
        for nom in ("delais", "champs"):
            if not isinstance(r[nom], dict):
                raise DonneeInvalide(f"{nom} : objet attendu (voir format_reponse).")
        delais_demandes = _delais_a_indiquer(s.type_)
        inconnus = [k for k in (*r["delais"], *r["champs"])
                    if k not in delais_demandes and k not in s.champs]  # fmt: skip
        if inconnus:
            raise DonneeInvalide(f"Clé(s) inconnue(s) : {', '.join(map(str, inconnus))}.")
        delais = {k: lire_date(v, f"delais.{k}") for k, v in r["delais"].items() if v}
        champs = {k: str(v) for k, v in r["champs"].items() if v not in (None, "")}
        total = montant(r["total"], "total") if r["total"] is not None else None

        contenu = s.contenu(jour, heure, str(r["mode"]), r["personne_presente"],
                            str(r["diligences"] or ""), champs)  # fmt: skip
        decompte: DecompteActe | None = contenu.decompte
        if decompte is not None:
            decompte = replace(decompte, total=total if total is not None else Decimal("0.00"))
        rempli = replace(contenu, delais=delais, decompte=decompte)
        constats = [
            c for c in conformite.verifier(s.type_, rempli) if c.mention not in s.constats_de_base
        ]
        par_mention: dict[str, list[conformite.Constat]] = {}
        for c in constats:
            par_mention.setdefault(c.mention, []).append(c)

        points: list[Point] = []
        for m in conformite.mentions_applicables(s.type_, rempli):
            if m.code in s.constats_de_base:
                continue
            remplie = m.controle in CONTROLES_REMPLIS or m.controle in CONTROLES_DELAI
            if not remplie and m.code not in par_mention:
                continue
            trouves = par_mention.get(m.code, [])
            attendu, donne, explication = "conforme", "conforme", ""
            if m.controle in CONTROLES_DELAI:
                cle = str(m.parametres["delai"])
                vrai = contenu.controle.delais.get(cle)
                attendu = vrai.isoformat() if vrai else "—"
                donne = delais[cle].isoformat() if cle in delais else "non indiquée"
                b = s.borne(contenu, cle)
                if b is not None:
                    explication = f"{b.motif} "
            elif m.controle == "decompte" and contenu.controle.total_decompte is not None:
                attendu = en_texte(contenu.controle.total_decompte)
                donne = en_texte(total) if total is not None else "non indiqué"
                assert contenu.decompte is not None
                explication = (
                    "Décompte du dossier au jour de l'acte : "
                    + "; ".join(
                        f"{ligne.libelle} {euros(ligne.montant)}"
                        + (f" ({ligne.detail})" if ligne.detail else "")
                        for ligne in contenu.decompte.lignes
                    )
                    + ". "
                )
            elif trouves:
                donne = "non conforme"
            if trouves:
                explication += _explication(trouves)
            points.append(
                Point(
                    f"mention « {m.code} »",
                    DEUX if m.controle in (*CONTROLES_DELAI, "decompte", "etape") else UN,
                    not trouves,
                    attendu,
                    donne,
                    explication.strip() or m.libelle,
                    m.article,
                )
            )
        attendu_dest = contenu.destinataire.designation
        points.append(
            Point(
                "destinataire",
                DEUX,
                str(r["destinataire"]).strip() == attendu_dest,
                attendu_dest,
                str(r["destinataire"]),
                f"L'acte « {s.type_.libelle} » se signifie au débiteur lui-même, désigné par son "
                "nom et son domicile (personne physique) ou sa dénomination et son siège "
                "(personne morale).",
                s.type_.mention("identite_destinataire").article,
            )
        )
        return noter(points)


# --- (e) trouver les erreurs d'un acte ------------------------------------------------------


def _heure_illegale(c: ContenuActe, rng: random.Random) -> ContenuActe:
    heure = rng.choice((time(5, 30), time(21, 30), time(22, 15)))
    remise = replace(c.remise, heure=heure) if c.remise else None
    return replace(c, heure=heure, remise=remise)


def _delai_faux(c: ContenuActe, rng: random.Random) -> ContenuActe:
    if not c.delais:
        return c
    cle = rng.choice(sorted(c.delais))
    decalage = timedelta(days=rng.choice((-2, -1, 1, 2, 3)))
    return replace(c, delais={**c.delais, cle: c.delais[cle] + decalage})


def _somme_fausse(c: ContenuActe, rng: random.Random) -> ContenuActe:
    if c.decompte is None or not c.decompte.lignes:
        return c
    ecart = Decimal(rng.choice(("10.00", "100.00", "0.10", "-10.00")))
    premiere = c.decompte.lignes[0]
    lignes = (replace(premiere, montant=premiere.montant + ecart), *c.decompte.lignes[1:])
    return replace(c, decompte=replace(c.decompte, lignes=lignes, total=c.decompte.total + ecart))


def _taux_absent(c: ContenuActe, _rng: random.Random) -> ContenuActe:
    if c.decompte is None:
        return c
    lignes = tuple(
        replace(ligne, detail="") if "intérêt" in ligne.libelle.lower() else ligne
        for ligne in c.decompte.lignes
    )
    return replace(c, decompte=replace(c.decompte, lignes=lignes))


def _remise_absente(c: ContenuActe, _rng: random.Random) -> ContenuActe:
    return replace(c, remise=None)


def _titre_absent(c: ContenuActe, _rng: random.Random) -> ContenuActe:
    return replace(c, titre=None)


def _juridiction_absente(c: ContenuActe, _rng: random.Random) -> ContenuActe:
    return replace(c, champs={k: v for k, v in c.champs.items() if k != "juridiction_contestation"})


def _requerant_incomplet(c: ContenuActe, _rng: random.Random) -> ContenuActe:
    p = c.requerant
    return replace(
        c, requerant=replace(p, profession=None) if p.personne_physique else replace(p, forme=None)
    )


# Errors a trainee must spot, easiest first (CPC 648, 664; CPCE R221-1, R212-1-3...).
ERREURS: dict[str, Callable[[ContenuActe, random.Random], ContenuActe]] = {
    "remise_absente": _remise_absente,
    "titre_absent": _titre_absent,
    "heure_illegale": _heure_illegale,
    "requerant_incomplet": _requerant_incomplet,
    "juridiction_absente": _juridiction_absente,
    "taux_absent": _taux_absent,
    "somme_fausse": _somme_fausse,
    "delai_faux": _delai_faux,
}
_INCOMPATIBLES = frozenset({frozenset({"remise_absente", "heure_illegale"})})


class VarianteErreurs(VarianteActe):
    @cached_property
    def plantees(self) -> tuple[tuple[str, ...], ContenuActe, dict[str, list[conformite.Constat]]]:
        """The errors planted (by the seed), the flawed act and the checker's new findings by
        mention."""
        propre = self.solution_contenu
        rng = random.Random(f"{self.etude.graine}:{self.reference}:{self.type_code}:{self.erreurs}")
        codes = list(ERREURS)
        rng.shuffle(codes)
        choisies: list[str] = []
        contenu = propre
        vues: set[str] = set(self.constats_de_base)
        for code in codes:
            if len(choisies) == self.erreurs:
                break
            if any(frozenset({code, autre}) in _INCOMPATIBLES for autre in choisies):
                continue
            essai = ERREURS[code](contenu, rng)
            nouvelles = {c.mention for c in conformite.verifier(self.type_, essai)} - vues
            if len(nouvelles) != 1:
                continue  # no finding, or one that would blur another: try the next error
            choisies.append(code)
            contenu = essai
            vues |= nouvelles
        constats: dict[str, list[conformite.Constat]] = {}
        for c in conformite.verifier(self.type_, contenu):
            if c.mention not in self.constats_de_base:
                constats.setdefault(c.mention, []).append(c)
        return tuple(choisies), contenu, constats

    def _acte(self) -> dict[str, Any]:
        _, contenu, _ = self.plantees
        donnees = composition.donnees_acte(self.type_, contenu)
        return {
            "type": self.type_code,
            "libelle": self.type_.libelle,
            "jour": contenu.jour.isoformat(),
            "heure": contenu.heure.strftime("%H:%M") if contenu.heure else None,
            "delais_indiques": {k: v.isoformat() for k, v in contenu.delais.items()},
            "texte": donnees,
        }


class ErreursActe(TypeExercice):
    code = "erreurs_acte"
    libelle = "Trouver les erreurs d'un acte"
    pieges_pertinents = frozenset({"alsace_moselle"})

    def scenarios(self, graine: int, au: date) -> Sequence[Any]:
        return [VarianteErreurs(*v) for v in _variantes(graine, au, (1, 2, 3))]

    def eligible(self, s: Any) -> bool:
        return s.engine is not None and len(s.plantees[0]) == s.erreurs

    def niveaux(self, s: Any) -> frozenset[str]:
        subtiles = {"somme_fausse", "delai_faux", "taux_absent"} & set(s.plantees[0])
        if s.erreurs == 3 or (s.erreurs == 2 and local(s.territoire)):
            return frozenset({"confirme"})
        if s.erreurs == 2 or subtiles:
            return frozenset({"intermediaire"})
        return frozenset({"debutant"})

    def _mentions(self, s: Any) -> dict[str, str]:
        return {
            m.code: f"{m.libelle} ({m.article})"
            for m in conformite.mentions_applicables(s.type_, s.solution_contenu)
        }

    def consigne(self, s: Any) -> str:
        return (
            f"Dossier {s.reference} : un collaborateur vous soumet cet acte « {s.type_.libelle} » "
            "(acte.texte, avec ses date, heure et délais indiqués) avant la signature. Il "
            "contient une à trois erreurs. Relevez les mentions en erreur (codes de la liste) : "
            "le vérificateur de conformité de l'étude les signalera aussi."
        )

    def format_reponse(self, s: Any) -> dict[str, Any]:
        return {
            "champs": {"erreurs": "codes des mentions en erreur"},
            "valeurs_possibles": {"erreurs": self._mentions(s)},
            "exemple": {"erreurs": ["date_et_heure"]},
        }

    def solution(self, s: Any) -> dict[str, Any]:
        return {"erreurs": sorted(s.plantees[2])}

    def corriger(self, s: Any, reponse: object) -> Notation:
        donnees = objet_reponse(reponse, ("erreurs",))
        mentions = self._mentions(s)
        donnees_codes = codes_reponse(donnees["erreurs"], "erreurs", mentions)
        constats = s.plantees[2]
        points = [
            Point(
                f"mention « {code} »",
                DEUX,
                code in donnees_codes,
                "en erreur",
                "relevée" if code in donnees_codes else "non relevée",
                _explication(trouves),
                trouves[0].article,
            )
            for code, trouves in constats.items()
        ]
        for code in donnees_codes:
            if code not in constats:
                points.append(
                    Point(
                        f"mention « {code} »",
                        UN,
                        False,
                        "conforme",
                        "relevée",
                        f"Cette mention est conforme dans l'acte : {mentions[code]}.",
                        s.type_.mention(code).article,
                    )
                )
        return noter(points)


TYPES_ACTES: dict[str, TypeExercice] = {t.code: t for t in (RedigerActe(), ErreursActe())}

__all__ = [
    "ACTES_DES_MESURES",
    "ACTE_ISOLE",
    "ERREURS",
    "TYPES_ACTES",
    "ErreursActe",
    "RedigerActe",
]
