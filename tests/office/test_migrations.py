"""Alembic migrations: an empty database reaches the last one, twice is harmless, and the
migrated schema is exactly the models' (nothing left for autogenerate to write)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, func, inspect, select, update

from clerc.office.db import _configuration_alembic, base_vide, migrer, schema_a_jour
from clerc.office.generateur import generer
from clerc.office.models import Base, Dossier, Echeance, TermeRecherche
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


# --- the search-words migrations (0c710ea8a4a1, a3c314280fc8) ----------------------------

AVANT_INDEX_RECHERCHE = "daa7c690595c"


def _vers(moteur: Engine, revision: str, sens: str = "downgrade") -> None:
    cfg = _configuration_alembic(moteur)
    with moteur.begin() as connexion:
        cfg.attributes["connection"] = connexion
        getattr(command, sens)(cfg, revision)


def _termes(moteur: Engine) -> list[tuple[int, int, str]]:
    with moteur.connect() as connexion:
        return sorted(
            connexion.execute(
                select(TermeRecherche.etude_id, TermeRecherche.dossier_id, TermeRecherche.terme)
            ).all()
        )


def test_la_migration_indexe_les_dossiers_deja_en_base(moteur_vierge: Engine) -> None:
    # A database of the previous version holds files but no search words: the migration
    # derives them exactly as the application does on every write.
    migrer(moteur_vierge)
    generer(moteur_vierge, dossiers=40, graine=3, au=date(2026, 11, 30))
    attendus = _termes(moteur_vierge)
    assert len(attendus) > 40 * 3  # debtor and creditor names, SIRENs, creditor's references
    _vers(moteur_vierge, AVANT_INDEX_RECHERCHE)
    assert not inspect(moteur_vierge).has_table("terme_recherche")

    migrer(moteur_vierge)

    assert _termes(moteur_vierge) == attendus


def test_la_migration_refuse_des_references_en_double_et_dit_lesquelles(
    moteur_vierge: Engine,
) -> None:
    migrer(moteur_vierge)
    generer(moteur_vierge, dossiers=5, graine=3, au=date(2026, 11, 30))
    _vers(moteur_vierge, AVANT_INDEX_RECHERCHE)
    with moteur_vierge.begin() as connexion:
        connexion.execute(update(Dossier.__table__).values(reference_mandant="BAN-000001"))
        connexion.execute(
            update(Dossier.__table__).values(
                creancier_id=select(func.min(Dossier.__table__.c.creancier_id)).scalar_subquery()
            )
        )

    with pytest.raises(RuntimeError, match="« BAN-000001 »"):
        migrer(moteur_vierge)
    assert not inspect(moteur_vierge).has_table("terme_recherche")  # nothing half-done


def test_la_migration_met_a_l_agenda_les_fonds_deja_detenus(moteur_vierge: Engine) -> None:
    # Revision f5ad6849daec: funds held before it get their R444-56 agenda rows.
    migrer(moteur_vierge)
    generer(moteur_vierge, dossiers=150, graine=5, au=date(2026, 11, 30))

    def fonds() -> list[tuple[int, date | None, str]]:
        with moteur_vierge.connect() as connexion:
            return sorted(
                connexion.execute(
                    select(Echeance.dossier_id, Echeance.date_limite, Echeance.libelle).where(
                        Echeance.procedure_id.is_(None)
                    )
                ).all()
            )

    attendus = fonds()
    assert attendus
    _vers(moteur_vierge, "b159fc0641d1")
    assert fonds() == []

    migrer(moteur_vierge)

    assert fonds() == attendus
