"""Run-time configuration read from the environment, in one place.

- ``CLERC_DATABASE_URL``: SQLAlchemy URL of the office database (default: an SQLite file in the
  user data directory, ``$XDG_DATA_HOME/clerc/clerc.sqlite3``).
- ``CLERC_DONNEES``: directory of the office's data (database by default, attached documents).
- ``CLERC_UTILISATEUR``: the user a command acts as (else the operating-system account).
- ``CLERC_ETUDE``: the office a command acts for when the database holds several.
- ``CLERC_CERTIFICAT`` and ``CLERC_CERTIFICAT_MOT_DE_PASSE``: the commissaire de justice's
  signing certificate (PKCS#12 file) and its password; without them a signed act is a PDF/A
  whose original is signed by hand (recorded as such).
- ``CLERC_HORODATAGE_URL``: address (http:// or https://) of the office's RFC 3161
  time-stamping authority; with a certificate, each signature is then timestamped (PAdES B-T)
  and signing fails if the authority cannot be reached. Unset: no timestamp (PAdES B-B).
- ``CLERC_SIGNATURE_RACINES``: a PEM file of the root certificates the commissaire's
  certificate and the time-stamping authority's certificate chain up to; with the two above,
  each signature also carries its long-term validation data (PAdES B-LT), the revocation
  data fetched at signing time from the addresses the certificates give (CRL, OCSP); signing
  fails if they cannot all be had. Needs ``CLERC_HORODATAGE_URL``.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

ENV_DATABASE_URL = "CLERC_DATABASE_URL"
ENV_DONNEES = "CLERC_DONNEES"
ENV_UTILISATEUR = "CLERC_UTILISATEUR"
ENV_ETUDE = "CLERC_ETUDE"
ENV_CERTIFICAT = "CLERC_CERTIFICAT"
ENV_CERTIFICAT_MOT_DE_PASSE = "CLERC_CERTIFICAT_MOT_DE_PASSE"
ENV_HORODATAGE_URL = "CLERC_HORODATAGE_URL"
ENV_SIGNATURE_RACINES = "CLERC_SIGNATURE_RACINES"


def repertoire_donnees() -> Path:
    """Directory holding the default database and the attached documents."""
    explicite = os.environ.get(ENV_DONNEES)
    if explicite:
        return Path(explicite).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "clerc"


def url_par_defaut() -> bool:
    """True when no database address was given (the default SQLite file is used)."""
    return not os.environ.get(ENV_DATABASE_URL)


def database_url() -> str:
    """The configured database URL (SQLite file by default)."""
    explicite = os.environ.get(ENV_DATABASE_URL)
    if explicite:
        return explicite
    return f"sqlite:///{repertoire_donnees() / 'clerc.sqlite3'}"


def repertoire_documents() -> Path:
    return repertoire_donnees() / "documents"


def utilisateur_courant(explicite: str | None = None) -> str:
    """The acting user: ``--utilisateur``, else ``CLERC_UTILISATEUR``, else the OS account."""
    if explicite:
        return explicite
    return os.environ.get(ENV_UTILISATEUR) or getpass.getuser()


def etude_courante(explicite: str | None = None) -> str | None:
    return explicite or os.environ.get(ENV_ETUDE) or None


def certificat_signature() -> tuple[Path, bytes | None] | None:
    """The signing certificate configured (path, password), or None."""
    chemin = os.environ.get(ENV_CERTIFICAT)
    if not chemin:
        return None
    mot_de_passe = os.environ.get(ENV_CERTIFICAT_MOT_DE_PASSE)
    return Path(chemin).expanduser(), mot_de_passe.encode("utf-8") if mot_de_passe else None


def horodatage_url() -> str | None:
    """Address of the time-stamping authority configured for signatures, or None."""
    return os.environ.get(ENV_HORODATAGE_URL, "").strip() or None


def racines_signature() -> Path | None:
    """The PEM file of the roots for long-term signatures (PAdES B-LT), or None."""
    chemin = os.environ.get(ENV_SIGNATURE_RACINES, "").strip()
    return Path(chemin).expanduser() if chemin else None
