"""Settings of the web server: the session key.

``CLERC_SECRET_KEY`` signs the session cookies. When it is unset, the server generates a key
once and keeps it beside the database (``<database>.cle-session`` next to an SQLite file, else
``cle-session`` in the data directory), readable by its owner only, so that sessions survive a
restart; with ``--production`` the server refuses to start without the variable.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from sqlalchemy.engine import make_url

from clerc import config
from clerc.office.erreurs import OperationRefusee

ENV_CLE_SECRETE = "CLERC_SECRET_KEY"
LONGUEUR_MINIMALE_CLE = 32


def fichier_cle() -> Path:
    adresse = make_url(config.database_url())
    if adresse.get_backend_name() == "sqlite" and adresse.database not in (None, "", ":memory:"):
        base = Path(str(adresse.database)).expanduser()
        return base.with_name(base.name + ".cle-session")
    return config.repertoire_donnees() / "cle-session"


def cle_secrete(*, production: bool) -> str:
    """The session key: the environment's, else (outside production) the one kept on disk."""
    cle = os.environ.get(ENV_CLE_SECRETE, "")
    if cle:
        if len(cle) < LONGUEUR_MINIMALE_CLE:
            raise OperationRefusee(
                f"{ENV_CLE_SECRETE} est trop courte : {LONGUEUR_MINIMALE_CLE} caractères au "
                "moins ; par exemple : python3 -c "
                "'import secrets; print(secrets.token_urlsafe(48))'."
            )
        return cle
    if production:
        raise OperationRefusee(
            f"Mode production : définissez {ENV_CLE_SECRETE} (clé de signature des sessions, "
            f"{LONGUEUR_MINIMALE_CLE} caractères au moins) avant de démarrer le serveur."
        )
    chemin = fichier_cle()
    if chemin.exists():
        return chemin.read_text(encoding="utf-8").strip()
    chemin.parent.mkdir(parents=True, exist_ok=True)
    cle = secrets.token_urlsafe(48)
    # Written whole, readable by the owner only, then renamed: never a half-written key.
    provisoire = chemin.with_name(chemin.name + ".tmp")
    descripteur = os.open(provisoire, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descripteur, "w", encoding="utf-8") as sortie:
        sortie.write(cle + "\n")
    os.replace(provisoire, chemin)
    return cle
