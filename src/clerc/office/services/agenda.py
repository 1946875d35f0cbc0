"""The agenda of the office, of a clerc: what is overdue, due today, within the week, and what
may not be done before a date, ordered by legal risk (missed fatal deadlines first).

The items are the rows ``echeance`` that ``services.procedures`` (steps, lapses) and
``services.paiements`` (funds to pay out, C. com. R444-56) store and rewrite on every event,
so that at 1 000 000 files the agenda is two index ranges, sorted in the database; only the
page asked for is joined to its file, procedure and clerc.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import case, func, or_, select, union_all
from sqlalchemy.orm import Session

from clerc.office.db import Contexte, executer
from clerc.office.erreurs import Introuvable
from clerc.office.models import Dossier, Echeance, ProcedureDossier, Utilisateur
from clerc.rules.erreurs import DonneeInvalide
from clerc.rules.procedures.modele import SANCTIONS_FATALES

HORIZON_AGENDA = timedelta(days=7)
CATEGORIES = ("en_retard", "aujourd_hui", "semaine", "pas_avant")  # in order of urgency
_PAGE_JOINTE = 1000  # page ids joined to their files per statement


@dataclass(frozen=True)
class ElementAgenda:
    dossier: str
    procedure: str
    etape: str
    libelle: str
    date_au_plus_tot: date | None
    date_limite: date | None
    tenu_par: str
    sanction: str | None
    effet: str | None
    article: str
    categorie: str  # en_retard, aujourd_hui, semaine, pas_avant
    clerc: str | None

    def en_dict(self) -> dict[str, Any]:
        return {
            "dossier": self.dossier,
            "procedure": self.procedure,
            "etape": self.etape,
            "libelle": self.libelle,
            "date_au_plus_tot": self.date_au_plus_tot.isoformat()
            if self.date_au_plus_tot
            else None,
            "date_limite": self.date_limite.isoformat() if self.date_limite else None,
            "tenu_par": self.tenu_par,
            "sanction": self.sanction,
            "effet": self.effet,
            "article": self.article,
            "categorie": self.categorie,
            "clerc": self.clerc,
        }


def _rang_categorie(au: date) -> Any:
    """0 overdue, 1 today, 2 within the horizon, 3 not before a later day (CATEGORIES)."""
    return case(
        (Echeance.date_limite < au, 0),
        (Echeance.date_limite == au, 1),
        (Echeance.date_au_plus_tot > au, 3),
        else_=2,
    )


def _rangs(au: date) -> list[Any]:
    """Columns of the order: category, then the gravity of the sanction (lapse first), the
    day, the file, the item."""
    return [
        _rang_categorie(au).label("rang_categorie"),
        case(
            (Echeance.sanction.in_(SANCTIONS_FATALES), 0),
            (Echeance.sanction == "nullite", 1),
            else_=2,
        ).label("rang_sanction"),
        func.coalesce(Echeance.date_limite, Echeance.date_au_plus_tot).label("jour"),
        Echeance.dossier_id.label("dossier_id"),
        Echeance.id.label("id"),
    ]


def _plages(au: date, clerc_id: int | None, colonnes: list[Any]) -> Any:
    """The two index ranges (an OR of both would scan the table): what the office must do
    by the end of the horizon (ix_echeance_limite: etude, tenu_par, date_limite), and what it
    may not do before a day within it (ix_echeance_au_plus_tot)."""
    fin = au + HORIZON_AGENDA
    conditions = (
        (Echeance.tenu_par == "etude", Echeance.date_limite <= fin),
        (
            Echeance.date_au_plus_tot > au,
            Echeance.date_au_plus_tot <= fin,
            or_(
                Echeance.tenu_par != "etude",
                Echeance.date_limite.is_(None),
                Echeance.date_limite > fin,
            ),  # not already in the first range
        ),
    )
    requetes = []
    for condition in conditions:
        requete = select(*colonnes).where(*condition)
        if clerc_id is not None:
            requete = requete.join(Dossier, Dossier.id == Echeance.dossier_id).where(
                Dossier.clerc_id == clerc_id
            )
        requetes.append(requete)
    return union_all(*requetes).subquery()


def _clerc_id(session: Session, clerc: str | None) -> int | None:
    if clerc is None:
        return None
    clerc_id = session.scalar(select(Utilisateur.id).where(Utilisateur.identifiant == clerc))
    if clerc_id is None:
        raise Introuvable(f"Clerc « {clerc} » introuvable dans cette étude.")
    return int(clerc_id)


def agenda(
    contexte: Contexte,
    au: date,
    *,
    clerc: str | None = None,
    limite: int | None = None,
    decalage: int = 0,
) -> list[ElementAgenda]:
    """What is due by ``au`` + 7 days, overdue, or may not be done before a date, ordered by
    legal risk (missed fatal deadlines first), with funds held too long (C. com. R444-56);
    ``limite`` items from ``decalage`` (all by default)."""
    if limite is not None and limite < 1:
        raise DonneeInvalide("Agenda : la limite est d'au moins une échéance.")
    if decalage < 0:
        raise DonneeInvalide("Agenda : le décalage ne peut être négatif.")

    def _lire(session: Session) -> list[ElementAgenda]:
        plages = _plages(au, _clerc_id(session, clerc), _rangs(au))
        ordre = (
            plages.c.rang_categorie,
            plages.c.rang_sanction,
            plages.c.jour,
            plages.c.dossier_id,
            plages.c.id,
        )
        if limite is None and not decalage:  # the whole agenda (an export): one statement
            return [
                _element(ligne, rang)
                for *ligne, rang in session.execute(
                    _details()
                    .add_columns(plages.c.rang_categorie)
                    .join(plages, plages.c.id == Echeance.id)
                    .order_by(*ordre)
                )
            ]
        page_ = select(plages.c.id, plages.c.rang_categorie).order_by(*ordre)
        if limite is not None:
            page_ = page_.limit(limite)
        if decalage:
            page_ = page_.offset(decalage)
        page = list(session.execute(page_))
        lignes: dict[int, Any] = {}
        for debut in range(0, len(page), _PAGE_JOINTE):  # only the page is joined
            ids = [identifiant for identifiant, _ in page[debut : debut + _PAGE_JOINTE]]
            for ligne in session.execute(_details().where(Echeance.id.in_(ids))):
                lignes[ligne[0]] = ligne
        return [_element(lignes[identifiant], rang) for identifiant, rang in page]

    return executer(contexte, "agenda", _lire, ecriture=False)


def _details() -> Any:
    """An item with its file's reference, its procedure's code and the file's clerc."""
    return (
        select(
            Echeance.id,
            Echeance.etape,
            Echeance.libelle,
            Echeance.date_au_plus_tot,
            Echeance.date_limite,
            Echeance.tenu_par,
            Echeance.sanction,
            Echeance.effet,
            Echeance.article,
            Dossier.reference,
            ProcedureDossier.code,
            Utilisateur.identifiant,
        )
        .join(Dossier, Dossier.id == Echeance.dossier_id)
        .outerjoin(ProcedureDossier, ProcedureDossier.id == Echeance.procedure_id)
        .outerjoin(Utilisateur, Utilisateur.id == Dossier.clerc_id)
    )


def _element(ligne: Any, rang: int) -> ElementAgenda:
    (_, etape, libelle, tot, limite, tenu_par, sanction, effet, article, reference, code,
     clerc) = ligne  # fmt: skip
    return ElementAgenda(
        dossier=reference,
        procedure=code or "fonds_de_tiers",  # funds rows have no procedure
        etape=etape,
        libelle=libelle,
        date_au_plus_tot=tot,
        date_limite=limite,
        tenu_par=tenu_par,
        sanction=sanction,
        effet=effet,
        article=article,
        categorie=CATEGORIES[rang],
        clerc=clerc,
    )


def resume_agenda(contexte: Contexte, au: date, *, clerc: str | None = None) -> dict[str, int]:
    """Number of items of the agenda per category (CATEGORIES), and those whose missed
    deadline is fatal (``fatales_en_retard``: lapses to deal with first)."""

    def _compter(session: Session) -> dict[str, int]:
        plages = _plages(
            au,
            _clerc_id(session, clerc),
            [
                _rang_categorie(au).label("rang_categorie"),
                Echeance.sanction.in_(SANCTIONS_FATALES).label("fatale"),
            ],
        )
        comptes = dict.fromkeys(CATEGORIES, 0)
        fatales = 0
        for rang, nombre, nombre_fatales in session.execute(
            select(
                plages.c.rang_categorie,
                func.count(),
                func.sum(case((plages.c.fatale, 1), else_=0)),
            ).group_by(plages.c.rang_categorie)
        ):
            comptes[CATEGORIES[rang]] = int(nombre)
            if rang == 0:
                fatales = int(nombre_fatales or 0)
        return {**comptes, "fatales_en_retard": fatales, "total": sum(comptes.values())}

    return executer(contexte, "resume_agenda", _compter, ecriture=False)


__all__ = ["CATEGORIES", "HORIZON_AGENDA", "ElementAgenda", "agenda", "resume_agenda"]
