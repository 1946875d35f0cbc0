"""A throwaway PostgreSQL server on the loopback interface, for the tests and the benchmarks.

``serveur_postgres_jetable()`` runs ``initdb`` in a temporary directory, starts the server on
127.0.0.1 on a free port (durability off: ``fsync``, ``synchronous_commit``,
``full_page_writes``), yields its SQLAlchemy URL (user ``clerc``, trust authentication,
database ``postgres``) and, whatever happens, stops the server and removes the directory.

``initdb`` and ``pg_ctl`` refuse to run as root: when we are root they are run as the
``postgres`` user of the Debian package (``su postgres -s /bin/sh -c ...``).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from clerc.office.erreurs import ErreurOffice

UTILISATEUR_SYSTEME = "postgres"  # system account running the server when we are root
UTILISATEUR = "clerc"  # database superuser created by initdb
DELAI = 120  # seconds allowed to each initdb / pg_ctl command


class PostgresAbsent(ErreurOffice):
    """The PostgreSQL server binaries (initdb, pg_ctl) are not installed."""


class PostgresEnEchec(ErreurOffice):
    """initdb or pg_ctl failed: the message quotes the server's log."""


def _cle_version(chemin: str) -> tuple[int, ...]:
    version = Path(chemin).parent.parent.name  # /usr/lib/postgresql/<version>/bin/<prog>
    return tuple(int(p) for p in version.split(".") if p.isdigit()) or (0,)


def binaire_postgres(programme: str) -> Path | None:
    """Path of a PostgreSQL program (newest /usr/lib/postgresql/*/bin first, then PATH)."""
    candidats = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{programme}"), key=_cle_version)
    if candidats:
        return Path(candidats[-1])
    trouve = shutil.which(programme)
    return Path(trouve) if trouve else None


def repertoire_binaires() -> Path:
    """Directory holding initdb and pg_ctl, or PostgresAbsent with the way to install them."""
    pg_ctl = binaire_postgres("pg_ctl")
    if pg_ctl is None or not (pg_ctl.parent / "initdb").exists():
        raise PostgresAbsent(
            "PostgreSQL absent : ni /usr/lib/postgresql/*/bin/pg_ctl ni pg_ctl dans le PATH "
            "(installer le paquet Debian « postgresql », ce que fait « make test »)."
        )
    return pg_ctl.parent


def port_libre() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as prise:
        prise.bind(("127.0.0.1", 0))
        return int(prise.getsockname()[1])


def _root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _lancer(arguments: list[str], journal: Path | None = None) -> None:
    """Run a server command, as the ``postgres`` user when we are root."""
    if _root():
        commande = ["su", UTILISATEUR_SYSTEME, "-s", "/bin/sh", "-c", shlex.join(arguments)]
    else:
        commande = arguments
    resultat = subprocess.run(
        commande, capture_output=True, text=True, timeout=DELAI, stdin=subprocess.DEVNULL
    )
    if resultat.returncode != 0:
        details = (resultat.stderr or resultat.stdout).strip()
        if journal is not None and journal.exists():
            details += "\n" + journal.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise PostgresEnEchec(
            f"PostgreSQL : « {Path(arguments[0]).name} » a échoué (code {resultat.returncode}) : "
            f"{details}"
        )


@contextlib.contextmanager
def serveur_postgres_jetable(essais: int = 3) -> Iterator[str]:
    """Start a throwaway server and yield its URL; stop it and delete it on exit."""
    binaires = repertoire_binaires()
    repertoire = Path(tempfile.mkdtemp(prefix="clerc-pg."))
    donnees = repertoire / "donnees"
    journal = repertoire / "serveur.log"
    try:
        if _root():
            shutil.chown(repertoire, UTILISATEUR_SYSTEME, UTILISATEUR_SYSTEME)
        _lancer(
            [
                str(binaires / "initdb"),
                "-D",
                str(donnees),
                "-U",
                UTILISATEUR,
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        )
        for essai in range(essais):
            port = port_libre()
            options = (
                f"-h 127.0.0.1 -p {port} -k {repertoire} -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off"
            )
            try:
                _lancer(
                    [
                        str(binaires / "pg_ctl"),
                        "-D",
                        str(donnees),
                        "-l",
                        str(journal),
                        "-w",
                        "-o",
                        options,
                        "start",
                    ],
                    journal,
                )
            except PostgresEnEchec:
                if essai == essais - 1:  # the port may have been taken meanwhile: retry
                    raise
                continue
            break
        yield f"postgresql+psycopg://{UTILISATEUR}@127.0.0.1:{port}/postgres"
    finally:
        try:
            if (donnees / "postmaster.pid").exists():  # also after a half-failed start
                _lancer(
                    [str(binaires / "pg_ctl"), "-D", str(donnees), "-m", "immediate", "-w", "stop"]
                )
        finally:
            shutil.rmtree(repertoire, ignore_errors=True)
