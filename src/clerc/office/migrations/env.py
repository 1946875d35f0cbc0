"""Alembic environment: run by clerc.office.db.migrer (connection passed in) or by
``alembic`` from the repository root (alembic.ini, for autogenerate)."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from sqlalchemy import engine_from_config, pool

from clerc import config as clerc_config
from clerc.office.models import Base
from clerc.office.models.base import HorodatageUTC

configuration = context.config
cible = Base.metadata


def _rendre(type_: str, objet: Any, _autogen: Any) -> str | Literal[False]:
    """Write our own column types as plain SQLAlchemy ones: migrations stay independent."""
    if type_ == "type" and isinstance(objet, HorodatageUTC):
        return "sa.DateTime(timezone=True)"
    return False


def _executer(connexion: object) -> None:
    context.configure(
        render_item=_rendre,
        connection=connexion,  # type: ignore[arg-type]
        target_metadata=cible,
        render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connexion = configuration.attributes.get("connection")
if connexion is not None:
    _executer(connexion)
else:
    section = configuration.get_section(configuration.config_ini_section) or {}
    section.setdefault("sqlalchemy.url", clerc_config.database_url())
    moteur = engine_from_config(section, prefix="sqlalchemy.", poolclass=pool.NullPool)
    with moteur.connect() as nouvelle:
        _executer(nouvelle)
