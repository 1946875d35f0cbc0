"""Alembic migrations: an empty database reaches the last one, twice is harmless, and the
migrated schema is exactly the models' (nothing left for autogenerate to write)."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from clerc.office.db import base_vide, migrer, schema_a_jour
from clerc.office.models import Base
from tests.office.conftest import creer_etude


def test_une_base_vide_n_est_pas_a_jour(moteur_vierge: Engine) -> None:
    assert not schema_a_jour(moteur_vierge)
    assert base_vide(moteur_vierge)


def test_migrer_une_base_vide_la_porte_a_la_derniere_migration(moteur_vierge: Engine) -> None:
    migrer(moteur_vierge)

    assert schema_a_jour(moteur_vierge)
    assert base_vide(moteur_vierge)
    tables = set(inspect(moteur_vierge).get_table_names())
    assert set(Base.metadata.tables) | {"alembic_version"} == tables


def test_migrer_deux_fois_ne_change_rien_et_garde_les_donnees(moteur_vierge: Engine) -> None:
    migrer(moteur_vierge)
    creer_etude(moteur_vierge, "TEST", "Étude test")

    migrer(moteur_vierge)

    assert schema_a_jour(moteur_vierge)
    assert not base_vide(moteur_vierge)


def _differences(moteur: Engine) -> list[Any]:
    with moteur.connect() as connexion:
        contexte = MigrationContext.configure(
            connexion, opts={"compare_type": True, "compare_server_default": True}
        )
        return list(compare_metadata(contexte, Base.metadata))


def test_le_schema_migre_est_celui_des_modeles(moteur_vierge: Engine) -> None:
    migrer(moteur_vierge)

    assert _differences(moteur_vierge) == []
