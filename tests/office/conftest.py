"""Office fixtures: every persistence test runs on SQLite and on PostgreSQL.

- ``moteur`` (parametrised ``sqlite`` / ``postgresql``): an engine on a migrated, empty
  database. SQLite: a copy of a template file migrated once per session. PostgreSQL: one
  database of a throwaway server (started once per session on 127.0.0.1), migrated once and
  emptied before each test (DELETE, sequences reset; cheaper than TRUNCATE or a database
  created from a template).
- ``moteur_vierge``: an engine on a database without any schema (migration tests);
  ``bases_vierges(genre)`` makes more of them, of a given kind (``"sqlite"``...).
- ``etude``: one office in ``moteur``, as the ``Contexte`` of user ``testeur``.

Without PostgreSQL installed the ``postgresql`` tests are skipped, except under ``CI=true``
where they fail: CI must run them.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from clerc.office.db import Contexte, creer_moteur, migrer
from clerc.office.models import Base, Etude
from clerc.office.postgres_jetable import PostgresAbsent, serveur_postgres_jetable

MOTEURS = ["sqlite", "postgresql"]
FabriqueBases = Callable[[str], Engine]
BASE_TEST = "clerc_test"


def _url(url: str, base: str) -> str:
    return make_url(url).set(database=base).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def url_serveur_postgres() -> Iterator[str]:
    """URL (database ``postgres``) of the session's throwaway PostgreSQL server."""
    try:
        with serveur_postgres_jetable() as url:
            yield url
    except PostgresAbsent as absent:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{absent} Sous CI, les tests PostgreSQL doivent tourner.")
        pytest.skip(str(absent))


@pytest.fixture(scope="session")
def administration_postgres(url_serveur_postgres: str) -> Iterator[Engine]:
    """Autocommit engine on the server's ``postgres`` database (CREATE / DROP DATABASE)."""
    moteur = create_engine(url_serveur_postgres, isolation_level="AUTOCOMMIT")
    yield moteur
    moteur.dispose()


@pytest.fixture(scope="session")
def url_base_postgres(url_serveur_postgres: str, administration_postgres: Engine) -> str:
    """The migrated PostgreSQL database shared by the tests (emptied before each)."""
    with administration_postgres.connect() as connexion:
        connexion.execute(text(f"CREATE DATABASE {BASE_TEST}"))
    url = _url(url_serveur_postgres, BASE_TEST)
    moteur = creer_moteur(url)
    try:
        migrer(moteur)
    finally:
        moteur.dispose()
    return url


@pytest.fixture(scope="session")
def modele_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated once, copied by each test."""
    fichier = tmp_path_factory.mktemp("modele") / "modele.sqlite3"
    moteur = creer_moteur(f"sqlite:///{fichier}")
    try:
        migrer(moteur)
    finally:
        moteur.dispose()  # the last connection checkpoints the WAL: one self-contained file
    return fichier


# Empties every table and resets the id sequences, so that each test starts as on a new base.
# Other sessions left open by an earlier (failed) test would hold locks: end them first.
_VIDER = ";\n".join(
    [
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()",
        *(f"DELETE FROM {table.name}" for table in reversed(Base.metadata.sorted_tables)),
        "SELECT setval(c.oid, 1, false) FROM pg_class c WHERE c.relkind = 'S'",
    ]
)


def _liberer(moteur: Engine) -> None:
    moteur.dispose()


@pytest.fixture(params=MOTEURS, ids=MOTEURS)
def moteur(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An engine on a migrated, empty database (SQLite, then PostgreSQL)."""
    if request.param == "sqlite":
        fichier = tmp_path / "clerc.sqlite3"
        shutil.copyfile(request.getfixturevalue("modele_sqlite"), fichier)
        nouveau = creer_moteur(f"sqlite:///{fichier}")
    else:
        nouveau = creer_moteur(request.getfixturevalue("url_base_postgres"))
        with nouveau.begin() as connexion:
            connexion.exec_driver_sql(_VIDER)  # one round trip
    yield nouveau
    _liberer(nouveau)


_NUMEROS = itertools.count(1)


@pytest.fixture
def bases_vierges(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[FabriqueBases]:
    """Factory of engines on new databases without any table, of the engine kind asked."""
    crees: list[tuple[Engine, str | None]] = []

    def fabriquer(genre: str) -> Engine:
        numero = next(_NUMEROS)
        if genre == "sqlite":
            nouveau = creer_moteur(f"sqlite:///{tmp_path / f'vierge_{numero}.sqlite3'}")
            crees.append((nouveau, None))
            return nouveau
        administration: Engine = request.getfixturevalue("administration_postgres")
        nom = f"clerc_vierge_{numero}"
        with administration.connect() as connexion:
            connexion.execute(text(f"CREATE DATABASE {nom}"))
        nouveau = creer_moteur(_url(request.getfixturevalue("url_serveur_postgres"), nom))
        crees.append((nouveau, nom))
        return nouveau

    yield fabriquer
    for nouveau, nom in crees:
        _liberer(nouveau)
        if nom is not None:
            administration = request.getfixturevalue("administration_postgres")
            with administration.connect() as connexion:
                connexion.execute(text(f"DROP DATABASE {nom} WITH (FORCE)"))


@pytest.fixture(params=MOTEURS, ids=MOTEURS)
def moteur_vierge(request: pytest.FixtureRequest, bases_vierges: FabriqueBases) -> Engine:
    """An engine on a database without any table (not migrated)."""
    return bases_vierges(request.param)


def creer_etude(
    moteur: Engine, code: str, nom: str, *, territoire: str = "75", utilisateur: str = "testeur"
) -> Contexte:
    """Create an office (outside any office session, as its set-up does) and act for it."""
    with Session(moteur) as session, session.begin():
        session.info.update(utilisateur=utilisateur, operation="creer_etude")
        nouvelle = Etude(code=code, nom=nom, territoire=territoire)
        session.add(nouvelle)
        session.flush()
        etude_id = nouvelle.id
    return Contexte(moteur, etude_id, utilisateur)


@pytest.fixture
def etude(moteur: Engine) -> Contexte:
    """One office, code ``TEST`` (Paris calendar), acted for by user ``testeur``."""
    return creer_etude(moteur, "TEST", "Étude test")
