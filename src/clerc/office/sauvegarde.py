"""Backup and restore of the office database, as one file.

- SQLite: a consistent copy made with SQLite's online backup API (other connections may keep
  reading and writing), in rollback-journal mode so that the file stands alone; restored the
  same way into the target database.
- PostgreSQL: ``pg_dump --format=custom``, restored with ``pg_restore --clean --if-exists
  --no-owner`` in a single transaction (a failed restore changes nothing).

A backup is written to a temporary file beside the target and renamed into place, so an
interrupted backup never leaves a truncated file under the expected name. A restore checks
first that the file is a clerc backup of the same engine and refuses to overwrite a
database that holds an office unless ``remplacer=True``; then the schema is migrated to the
current version (a backup made by an older clerc is upgraded).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect
from sqlalchemy.engine import URL, make_url

from clerc.office.db import _configuration_alembic, base_vide, creer_moteur, migrer
from clerc.office.erreurs import ErreurOffice, Introuvable, OperationRefusee
from clerc.office.postgres_jetable import binaire_postgres

ENTETE_SQLITE = b"SQLite format 3\x00"
ENTETE_PG_DUMP = b"PGDMP"
TABLES_CLERC = ("alembic_version", "etude", "entree_audit", "chaine_audit")
NOMS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
DELAI = 3600  # seconds allowed to pg_dump / pg_restore


def sauvegarder(moteur: Engine, fichier: Path) -> Path:
    """Write a backup of the whole database (every office) to ``fichier``; return its path."""
    fichier = Path(fichier).expanduser()
    if not fichier.parent.is_dir():
        raise Introuvable(f"Sauvegarde impossible : le dossier {fichier.parent} n'existe pas.")
    if not inspect(moteur).has_table("alembic_version"):
        raise OperationRefusee(
            "Sauvegarde impossible : la base n'a pas de schéma clerc (jamais initialisée)."
        )
    with _fichier_temporaire(fichier) as temporaire:
        if moteur.dialect.name == "sqlite":
            _sauvegarder_sqlite(moteur, temporaire)
        elif moteur.dialect.name == "postgresql":
            _pg(
                "pg_dump",
                moteur.url,
                ["--format=custom", "--no-owner", "--no-privileges", "--file", str(temporaire)],
            )
        else:
            raise OperationRefusee(
                f"Sauvegarde impossible : moteur {moteur.dialect.name} non pris en charge."
            )
    return fichier


def restaurer(cible: Engine | str, fichier: Path, *, remplacer: bool = False) -> None:
    """Restore ``fichier`` into the database ``cible`` (an engine or a URL).

    Refused when the file is not a clerc backup for that engine, or when the database already
    holds an office and ``remplacer`` is false.
    """
    fichier = Path(fichier).expanduser()
    if not fichier.is_file():
        raise Introuvable(f"Restauration impossible : le fichier {fichier} n'existe pas.")
    with _moteur(cible) as moteur:
        moteur_fichier = _moteur_de_la_sauvegarde(fichier)
        if moteur_fichier != moteur.dialect.name:
            raise OperationRefusee(
                f"Restauration impossible : {fichier.name} est une sauvegarde "
                f"{NOMS.get(moteur_fichier, moteur_fichier)}, la base cible est "
                f"{NOMS.get(moteur.dialect.name, moteur.dialect.name)}."
            )
        if moteur_fichier == "sqlite":
            _verifier_sauvegarde_sqlite(fichier)
        else:
            _verifier_sauvegarde_pg(fichier)
        if not remplacer and not base_vide(moteur):
            raise OperationRefusee(
                "Restauration refusée : la base cible contient déjà des données "
                "(pour les remplacer, relancez avec --remplacer)."
            )
        moteur.dispose()  # no pooled connection keeps plans or locks on the old tables
        if moteur_fichier == "sqlite":
            _restaurer_sqlite(moteur, fichier)
        else:
            _pg(
                "pg_restore",
                moteur.url,
                [
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    "--exit-on-error",
                    str(fichier),
                ],
            )
        moteur.dispose()
        migrer(moteur)


# --- common --------------------------------------------------------------------------------


@contextlib.contextmanager
def _moteur(cible: Engine | str) -> Iterator[Engine]:
    if isinstance(cible, Engine):
        yield cible
        return
    moteur = creer_moteur(cible)
    try:
        yield moteur
    finally:
        moteur.dispose()


@contextlib.contextmanager
def _fichier_temporaire(fichier: Path) -> Iterator[Path]:
    """A temporary path beside ``fichier``, renamed to it (atomically) on success."""
    descripteur, nom = tempfile.mkstemp(
        prefix=f".{fichier.name}.", suffix=".tmp", dir=fichier.parent
    )
    os.close(descripteur)
    temporaire = Path(nom)
    try:
        yield temporaire
        with temporaire.open("rb+") as flux:
            os.fsync(flux.fileno())
        os.replace(temporaire, fichier)
    finally:
        temporaire.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # make the rename durable (POSIX)
        repertoire = os.open(fichier.parent, os.O_RDONLY)
        try:
            os.fsync(repertoire)
        finally:
            os.close(repertoire)


def _moteur_de_la_sauvegarde(fichier: Path) -> str:
    with fichier.open("rb") as flux:
        entete = flux.read(len(ENTETE_SQLITE))
    if entete.startswith(ENTETE_SQLITE):
        return "sqlite"
    if entete.startswith(ENTETE_PG_DUMP):
        return "postgresql"
    raise OperationRefusee(
        f"Restauration impossible : {fichier.name} n'est pas une sauvegarde clerc "
        "(ni base SQLite, ni archive pg_dump)."
    )


def _revision_connue(revision: str | None, fichier: Path) -> None:
    revisions = {
        r.revision for r in ScriptDirectory.from_config(_configuration_alembic()).walk_revisions()
    }
    if revision not in revisions:
        raise OperationRefusee(
            f"Restauration impossible : {fichier.name} a été faite par une autre version de "
            f"clerc (schéma « {revision} » inconnu de celle-ci)."
        )


def _pas_clerc(fichier: Path) -> OperationRefusee:
    return OperationRefusee(
        f"Restauration impossible : {fichier.name} n'est pas une sauvegarde clerc "
        "(tables de clerc absentes)."
    )


# --- SQLite --------------------------------------------------------------------------------


def _sauvegarder_sqlite(moteur: Engine, temporaire: Path) -> None:
    destination = sqlite3.connect(temporaire)
    try:
        with moteur.connect() as connexion:
            source = connexion.connection.driver_connection
            assert isinstance(source, sqlite3.Connection)
            source.backup(destination)  # one step: a consistent snapshot
        destination.execute("PRAGMA journal_mode=DELETE")  # no -wal file beside the copy
        destination.commit()
    finally:
        destination.close()


def _ouvrir_en_lecture(fichier: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{fichier.resolve().as_uri()}?mode=ro", uri=True)


def _verifier_sauvegarde_sqlite(fichier: Path) -> None:
    try:
        connexion = _ouvrir_en_lecture(fichier)
    except sqlite3.Error as erreur:
        raise _pas_clerc(fichier) from erreur
    try:
        tables = {
            ligne[0]
            for ligne in connexion.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if not set(TABLES_CLERC) <= tables:
            raise _pas_clerc(fichier)
        revision = connexion.execute("SELECT version_num FROM alembic_version").fetchone()
        controle = connexion.execute("PRAGMA quick_check").fetchone()
    except sqlite3.Error as erreur:
        raise OperationRefusee(
            f"Restauration impossible : {fichier.name} est illisible ou endommagé ({erreur})."
        ) from erreur
    finally:
        connexion.close()
    if not controle or controle[0] != "ok":
        raise OperationRefusee(f"Restauration impossible : {fichier.name} est endommagé.")
    _revision_connue(revision[0] if revision else None, fichier)


def _restaurer_sqlite(moteur: Engine, fichier: Path) -> None:
    source = _ouvrir_en_lecture(fichier)
    try:
        with moteur.connect() as connexion:
            destination = connexion.connection.driver_connection
            assert isinstance(destination, sqlite3.Connection)
            source.backup(destination)
    finally:
        source.close()


# --- PostgreSQL ----------------------------------------------------------------------------


def _conninfo(url: URL) -> tuple[str, dict[str, str]]:
    """libpq connection string of a SQLAlchemy URL (password passed in the environment)."""

    def citer(valeur: str) -> str:
        return "'" + valeur.replace("\\", "\\\\").replace("'", "\\'") + "'"

    parametres: dict[str, str] = {}
    for cle, valeur in url.query.items():  # libpq options: sslmode, host (socket dir)...
        parametres[cle] = valeur if isinstance(valeur, str) else valeur[-1]
    if url.host:
        parametres["host"] = url.host
    if url.port:
        parametres["port"] = str(url.port)
    if url.username:
        parametres["user"] = url.username
    if url.database:
        parametres["dbname"] = url.database
    environnement = dict(os.environ)
    if url.password is not None:
        environnement["PGPASSWORD"] = str(url.password)
    return " ".join(f"{cle}={citer(v)}" for cle, v in parametres.items()), environnement


def _outil(programme: str) -> Path:
    chemin = binaire_postgres(programme)
    if chemin is None:
        raise ErreurOffice(
            f"{programme} introuvable : installer les outils clients de PostgreSQL "
            "(paquet Debian « postgresql-client »)."
        )
    return chemin


def _pg(programme: str, url: URL, arguments: list[str]) -> None:
    conninfo, environnement = _conninfo(make_url(url))
    commande = [str(_outil(programme)), *arguments, "--dbname", conninfo]
    try:
        resultat = subprocess.run(
            commande,
            capture_output=True,
            text=True,
            env=environnement,
            timeout=DELAI,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as erreur:
        raise ErreurOffice(f"{programme} : pas terminé après {DELAI} s, abandon.") from erreur
    if resultat.returncode != 0:
        raise ErreurOffice(
            f"{programme} a échoué (code {resultat.returncode}) : {resultat.stderr.strip()}"
        )


def _verifier_sauvegarde_pg(fichier: Path) -> None:
    resultat = subprocess.run(
        [str(_outil("pg_restore")), "--list", str(fichier)],
        capture_output=True,
        text=True,
        timeout=DELAI,
        stdin=subprocess.DEVNULL,
    )
    if resultat.returncode != 0:
        raise OperationRefusee(
            f"Restauration impossible : {fichier.name} est illisible ({resultat.stderr.strip()})."
        )
    tables = set()
    for ligne in resultat.stdout.splitlines():
        morceaux = ligne.split()
        # "215; 1259 16390 TABLE public etude clerc"
        if len(morceaux) >= 6 and morceaux[3] == "TABLE":
            tables.add(morceaux[5])
    if not set(TABLES_CLERC) <= tables:
        raise _pas_clerc(fichier)
    donnees = subprocess.run(
        [
            str(_outil("pg_restore")),
            "--data-only",
            "--table=alembic_version",
            "--file=-",
            str(fichier),
        ],
        capture_output=True,
        text=True,
        timeout=DELAI,
        stdin=subprocess.DEVNULL,
    )
    lignes = donnees.stdout.splitlines()
    revision = None
    for rang, ligne in enumerate(lignes[:-1]):
        if ligne.startswith("COPY ") and "alembic_version" in ligne:
            revision = lignes[rang + 1].strip()
            break
    _revision_connue(revision, fichier)
