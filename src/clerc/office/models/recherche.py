"""Search index of the files: one row per word a file can be found by.

Derived data, rebuilt from the parties and the file on every flush that changes them
(``clerc.office.index_recherche``): it is not audited (the changes it derives from are).
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from clerc.office.models.base import AppartientEtude, Base


class TermeRecherche(AppartientEtude, Base):
    __tablename__ = "terme_recherche"
    __table_args__ = (
        # Prefix range on the word, covering the file id: the whole search reads this index.
        Index("ix_terme_recherche_terme", "etude_id", "terme", "dossier_id"),
    )

    # The office column without its own index: the search index starts with it.
    etude_id: Mapped[int] = mapped_column(Integer, ForeignKey("etude.id"))
    # Primary key (dossier_id, terme): the words of one file, and one row per word.
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossier.id", ondelete="CASCADE"), primary_key=True
    )
    terme: Mapped[str] = mapped_column(String(64), primary_key=True)
