"""Search index of the files: one row per word a file can be found by.

Derived data, rebuilt from the parties and the file on every flush that changes them
(``clerc.office.index_recherche``): it is not audited (the changes it derives from are).
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from clerc.office.models.base import AppartientEtude, Base


class TermeRecherche(AppartientEtude, Base):
    __tablename__ = "terme_recherche"
    __table_args__ = (
        # Prefix range on the word, covering the file's reference and id: the matches of a
        # word are counted and sorted by reference within this index, without reading a file.
        Index("ix_terme_recherche_terme_ref", "etude_id", "terme", "reference", "dossier_id"),
    )

    # Primary key (dossier_id, terme): the words of one file, and one row per word.
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossier.id", ondelete="CASCADE"), primary_key=True
    )
    terme: Mapped[str] = mapped_column(String(64), primary_key=True)
    # The file's reference (never changes once given), copied for the sort: see the index.
    reference: Mapped[str] = mapped_column(String(40))
