"""Declarative base shared by every table: types, naming convention, the office column.

Conventions (../docs/office.md): amounts ``Numeric(14, 2)`` read back as ``Decimal``; dates
``Date``; timestamps timezone-aware UTC; every row belongs to one office (``etude_id``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, MetaData, Numeric, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def maintenant() -> datetime:
    """Current instant, timezone-aware UTC."""
    return datetime.now(UTC)


class HorodatageUTC(TypeDecorator[datetime]):
    """Timezone-aware UTC timestamps on every engine (SQLite stores naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: timestamps are UTC-aware")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        Decimal: Numeric(14, 2, asdecimal=True),
        datetime: HorodatageUTC(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
        str: String(255),
    }


class AppartientEtude:
    """Mixin: the row belongs to one office; every query filters on it.

    No index of its own: a database holds a handful of offices, so ``etude_id`` alone never
    narrows a search, and SQLite's planner, without statistics, would prefer such an index to
    the selective one (a lookup by file scanned the whole table). Indexes that serve a search
    start with ``etude_id`` and go on with the selective column."""

    @declared_attr
    def etude_id(cls) -> Mapped[int]:
        return mapped_column(Integer, ForeignKey("etude.id"))
