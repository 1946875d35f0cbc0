"""Engines, migrations and transactions.

- ``creer_moteur(url)``: SQLite (foreign keys on, WAL, ``BEGIN IMMEDIATE`` so that writers
  queue instead of failing) or PostgreSQL (``postgresql+psycopg://``).
- ``migrer(moteur)``: Alembic ``upgrade head`` with the migrations shipped in the package.
- ``transaction(contexte, operation)``: one service call = one transaction, acting as one
  user for one office; the office filter and the audit log hook into that session.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    IntegrityError,
    NoSuchModuleError,
    OperationalError,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from clerc import config
from clerc.office import (
    audit,  # noqa: F401 - registers the audit and office-filter hooks
    index_recherche,  # noqa: F401 - registers the search-index hook
)
from clerc.office.erreurs import BaseInaccessible, ConflitConcurrent, ErreurOffice
from clerc.office.models import Etude

T = TypeVar("T")
OPTION_ECRITURE = "clerc_ecriture"
TENTATIVES = 5  # retries of a service after a concurrent change (optimistic locking)


def creer_moteur(url: str | None = None, **options: Any) -> Engine:
    """An engine for ``url`` (default: the configured database, created if missing)."""
    texte = url or config.database_url()
    try:
        adresse = make_url(texte)
        adresse.get_dialect().import_dbapi()  # unknown scheme or missing driver: fail here
    except (ArgumentError, NoSuchModuleError, ImportError):
        raise BaseInaccessible(
            f"Adresse de base de données « {texte} » invalide ou non prise en charge "
            "(attendu : sqlite:///chemin/clerc.sqlite3 ou postgresql+psycopg://…)."
        ) from None
    if adresse.get_backend_name() == "sqlite":
        base = adresse.database
        if base and base != ":memory:":
            repertoire = Path(base).expanduser().parent
            if url is None and config.url_par_defaut():
                repertoire.mkdir(parents=True, exist_ok=True)  # the default data directory
            elif not repertoire.is_dir():
                # An address typed by the user: a typo must not create a new, empty office.
                raise BaseInaccessible(
                    f"Base SQLite « {base} » : le dossier « {repertoire} » n'existe pas."
                )
        moteur = create_engine(
            adresse, connect_args={"check_same_thread": False, "timeout": 60}, **options
        )

        @event.listens_for(moteur, "connect")
        def _connexion(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
            curseur = dbapi_connection.cursor()
            curseur.execute("PRAGMA foreign_keys=ON")
            curseur.execute("PRAGMA journal_mode=WAL")
            curseur.execute("PRAGMA busy_timeout=60000")
            curseur.close()

        @event.listens_for(moteur, "begin")
        def _debut(connexion: Any) -> None:
            # A service's transaction takes the write lock at once, so that concurrent writers
            # queue (busy_timeout) instead of failing when upgrading a read lock; plain reading
            # sessions stay deferred and never block writers (WAL).
            ecriture = connexion.get_execution_options().get(OPTION_ECRITURE, False)
            connexion.exec_driver_sql("BEGIN IMMEDIATE" if ecriture else "BEGIN")

        return moteur
    return create_engine(adresse, pool_pre_ping=True, **options)


def _configuration_alembic(moteur: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("clerc.office") / "migrations"))
    if moteur is not None:
        cfg.set_main_option("sqlalchemy.url", moteur.url.render_as_string(hide_password=False))
    return cfg


def migrer(moteur: Engine) -> None:
    """Bring the schema to the last migration (idempotent)."""
    cfg = _configuration_alembic(moteur)
    try:
        with moteur.connect():
            pass
    except OperationalError as erreur:
        raise BaseInaccessible(
            f"Base de données injoignable ({moteur.url.render_as_string(hide_password=True)}) : "
            f"{_cause(erreur)}"
        ) from None
    with moteur.begin() as connexion:
        cfg.attributes["connection"] = connexion
        command.upgrade(cfg, "head")


def actualiser_statistiques(connexion: Connection) -> None:
    """Refresh the query planner's statistics after a bulk write (generation, import,
    migration): with them SQLite knows which index narrows a search. SQLite samples at most
    1 000 rows per index (``analysis_limit``): a few seconds even on a million files."""
    if connexion.dialect.name == "sqlite":
        connexion.exec_driver_sql("PRAGMA analysis_limit=1000")
    connexion.exec_driver_sql("ANALYZE")


def apres_chargement_massif(moteur: Engine) -> None:
    """After a bulk load has committed (generation, large import): on PostgreSQL, VACUUM
    ANALYZE so that the freshly written pages are marked all-visible and searches read their
    indexes only (index-only scans); without it a search visits the table pages (p95 330 ms
    instead of ~30 ms measured at 1 000 000 files). Outside any transaction, as VACUUM must."""
    if moteur.dialect.name != "postgresql":
        return
    with moteur.connect().execution_options(isolation_level="AUTOCOMMIT") as connexion:
        connexion.exec_driver_sql("VACUUM ANALYZE")


def _cause(erreur: OperationalError) -> str:
    """The driver's first line, for the user (server down, unknown database, bad password)."""
    texte = str(erreur.orig).strip().splitlines()
    return texte[0] if texte else "connexion refusée"


def schema_a_jour(moteur: Engine) -> bool:
    script = ScriptDirectory.from_config(_configuration_alembic())
    with moteur.connect() as connexion:
        courant = MigrationContext.configure(connexion).get_current_heads()
    return set(courant) == set(script.get_heads())


def base_vide(moteur: Engine) -> bool:
    """True when the database holds no office (or has no schema yet)."""
    if not inspect(moteur).has_table("etude"):
        return True
    with Session(moteur) as session:
        return session.scalar(select(Etude.id).limit(1)) is None


@dataclass(frozen=True)
class Contexte:
    """Who acts, for which office, on which database: passed to every service."""

    moteur: Engine
    etude_id: int
    utilisateur: str
    # A créancier-client (web office, API) sees only this creditor's files: every ORM read
    # of a file in its sessions is confined to them (clerc.office.audit).
    creancier_id: int | None = None

    @property
    def fabrique(self) -> sessionmaker[Session]:
        return _fabriques(self.moteur)


_FABRIQUES: weakref.WeakKeyDictionary[Engine, sessionmaker[Session]] = weakref.WeakKeyDictionary()


def _fabriques(moteur: Engine) -> sessionmaker[Session]:
    fabrique = _FABRIQUES.get(moteur)
    if fabrique is None:
        fabrique = _FABRIQUES[moteur] = sessionmaker(moteur, expire_on_commit=False)
    return fabrique


@contextlib.contextmanager
def transaction(contexte: Contexte, operation: str, *, ecriture: bool = True) -> Iterator[Session]:
    """One transaction for one service call: commit on success, roll back on any error.

    ``ecriture=False`` for read-only services: on SQLite they do not take the write lock."""
    session = contexte.fabrique()
    session.info.update(
        etude_id=contexte.etude_id,
        utilisateur=contexte.utilisateur,
        operation=operation,
        creancier_id=contexte.creancier_id,
    )
    try:
        session.connection(execution_options={OPTION_ECRITURE: ecriture})
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


# The uniqueness races a retry resolves: two writers numbering a new file "AAAA-NNNNNN" at
# once; two imports of the same creditor's file or party at once (the retry then finds the
# row the other one committed and skips it). Any other integrity error is a real fault.
CONTRAINTES_RELANCEES = {
    # PostgreSQL names the constraint; SQLite names its columns.
    "uq_dossier_etude_id_reference": "dossier.etude_id, dossier.reference",
    "uq_dossier_ref_mandant": "dossier.etude_id, dossier.creancier_id, dossier.reference_mandant",
    "uq_partie_cle_import": "partie.etude_id, partie.cle_import",
    # Two acts signed at once took the same number of the répertoire.
    "uq_acte_repertoire": "acte.etude_id, acte.annee_repertoire, acte.numero_repertoire",
}


def _conflit(erreur: BaseException) -> bool:
    if isinstance(erreur, StaleDataError):
        return True
    if isinstance(erreur, IntegrityError):
        origine = erreur.orig
        diagnostic = getattr(origine, "diag", None)
        if diagnostic is not None:
            return getattr(diagnostic, "constraint_name", None) in CONTRAINTES_RELANCEES
        message = str(origine)
        return any(message.endswith(colonnes) for colonnes in CONTRAINTES_RELANCEES.values())
    if isinstance(erreur, OperationalError | DBAPIError):
        code = getattr(getattr(erreur, "orig", None), "sqlstate", None)
        return code in {"40001", "40P01"}  # serialization failure, deadlock
    return False


def executer(
    contexte: Contexte,
    operation: str,
    fonction: Callable[[Session], T],
    *,
    essais: int = 0,
    ecriture: bool = True,
) -> T:
    """Run ``fonction(session)`` in one transaction; retry it when a concurrent change to the
    same file made it stale (optimistic locking), so that no concurrent write is lost."""
    derniere: BaseException | None = None
    for _ in range(essais or TENTATIVES):
        try:
            with transaction(contexte, operation, ecriture=ecriture) as session:
                return fonction(session)
        except ErreurOffice:
            raise
        except Exception as erreur:
            if not _conflit(erreur):
                raise
            derniere = erreur
    raise ConflitConcurrent(
        f"{operation} : le dossier a été modifié en même temps par un autre utilisateur ; "
        "opération abandonnée après plusieurs essais, rien n'a été enregistré."
    ) from derniere
