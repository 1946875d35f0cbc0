"""Documents of the office: the store (content addressed by SHA-256, never half-written,
checked on every read) and the documents attached to a file (the title's copy, letters
received, proofs of payment...).

The store keeps ``documents/<2 first hex>/<sha256>``; acts signed before this module stored
their PDF/A as ``<sha256>.pdf``, still read.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerc.config import repertoire_documents
from clerc.office.db import Contexte, executer
from clerc.office.erreurs import Introuvable, OperationRefusee
from clerc.office.models import Document, Dossier
from clerc.office.services.dossiers import charger_dossier, evenement, refuser_si_clos, toucher
from clerc.rules.erreurs import DonneeInvalide

TAILLE_MAXIMALE = 20 * 1024 * 1024  # 20 Mio per document
# What an office attaches to a file: scans and PDFs, office documents, pictures, text, mail.
TYPES_ACCEPTES = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/tiff": ".tif",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "text/plain": ".txt",
    "text/csv": ".csv",
    "message/rfc822": ".eml",
}


def _chemin(sha256: str) -> Path:
    return repertoire_documents() / sha256[:2] / sha256


def stocker_document(contenu: bytes) -> str:
    """Store a document under its SHA-256 (written to a temporary file then renamed: never a
    half-written document); returns the checksum."""
    empreinte = hashlib.sha256(contenu).hexdigest()
    chemin = _chemin(empreinte)
    if chemin.exists() or chemin.with_suffix(".pdf").exists():
        return empreinte
    chemin.parent.mkdir(parents=True, exist_ok=True)
    descripteur, provisoire = tempfile.mkstemp(dir=chemin.parent, suffix=".partiel")
    try:
        with os.fdopen(descripteur, "wb") as sortie:
            sortie.write(contenu)
            sortie.flush()
            os.fsync(sortie.fileno())
        os.replace(provisoire, chemin)
    except BaseException:
        Path(provisoire).unlink(missing_ok=True)
        raise
    return empreinte


def lire_document(sha256: str) -> bytes:
    """A stored document, refused if its content no longer matches its checksum."""
    chemin = _chemin(sha256)
    if not chemin.exists():
        chemin = chemin.with_suffix(".pdf")  # stored before the store was generalised
    if not chemin.exists():
        raise Introuvable(f"Document {sha256[:12]}… absent de {chemin.parent}.")
    contenu = chemin.read_bytes()
    if hashlib.sha256(contenu).hexdigest() != sha256:
        raise OperationRefusee(
            f"Document {sha256[:12]}… altéré : son contenu ne correspond plus à son empreinte."
        )
    return contenu


@dataclass(frozen=True)
class DocumentJoint:
    id: int
    nom: str
    type_mime: str
    taille: int
    sha256: str
    ajoute_le: datetime
    ajoute_par: str


def _joint(document: Document) -> DocumentJoint:
    return DocumentJoint(
        id=int(document.id),
        nom=document.nom,
        type_mime=document.type_mime,
        taille=document.taille,
        sha256=document.sha256,
        ajoute_le=document.ajoute_le,
        ajoute_par=document.ajoute_par,
    )


def type_du_document(nom: str, type_annonce: str | None) -> str:
    """The MIME type kept for ``nom``: the one its extension says (what the browser
    announces is not trusted), refused when the office does not take such files."""
    devine = mimetypes.guess_type(nom)[0] or type_annonce or ""
    if devine not in TYPES_ACCEPTES:
        extensions = ", ".join(sorted(set(TYPES_ACCEPTES.values())))
        raise DonneeInvalide(f"Type de document non accepté « {nom} » (acceptés : {extensions}).")
    return devine


def joindre_document(
    contexte: Contexte,
    reference: str,
    nom: str,
    contenu: bytes,
    type_annonce: str | None = None,
    jour: date | None = None,
) -> int:
    """Attach a document to the file (stored first, then recorded: a failed transaction
    leaves at most an unreferenced stored file, never a record without its content)."""
    nom = Path(nom.replace("\\", "/")).name.strip()
    if not nom:
        raise DonneeInvalide("Document : nom de fichier manquant.")
    if not contenu:
        raise DonneeInvalide(f"Document « {nom} » vide.")
    if len(contenu) > TAILLE_MAXIMALE:
        raise DonneeInvalide(
            f"Document « {nom} » trop lourd ({len(contenu) // (1024 * 1024)} Mio ; "
            f"{TAILLE_MAXIMALE // (1024 * 1024)} Mio au plus)."
        )
    type_mime = type_du_document(nom, type_annonce)
    empreinte = stocker_document(contenu)

    def _joindre(session: Session) -> int:
        dossier = charger_dossier(session, reference)
        refuser_si_clos(dossier)
        document = Document(
            dossier_id=dossier.id,
            nom=nom[:255],
            type_mime=type_mime,
            taille=len(contenu),
            sha256=empreinte,
            ajoute_par=contexte.utilisateur,
        )
        session.add(document)
        evenement(session, dossier, jour or date.today(), "document", f"Document joint : {nom}")
        toucher(dossier)
        session.flush()
        return int(document.id)

    return executer(contexte, "joindre_document", _joindre)


def documents_du_dossier(contexte: Contexte, reference: str) -> list[DocumentJoint]:
    def _lire(session: Session) -> list[DocumentJoint]:
        dossier = charger_dossier(session, reference)
        return [
            _joint(d)
            for d in session.scalars(
                select(Document).where(Document.dossier_id == dossier.id).order_by(Document.id)
            )
        ]

    return executer(contexte, "documents_du_dossier", _lire, ecriture=False)


def document_joint(contexte: Contexte, document_id: int) -> tuple[DocumentJoint, bytes]:
    """A document of the office (confined like every read: another office's or another
    creditor's is not found) and its checked content."""

    def _lire(session: Session) -> DocumentJoint:
        document = session.scalar(
            select(Document)
            .join(Dossier, Dossier.id == Document.dossier_id)  # a creditor: its files only
            .where(Document.id == document_id)
        )
        if document is None:
            raise Introuvable(f"Document n° {document_id} introuvable.")
        return _joint(document)

    joint = executer(contexte, "lire_document", _lire, ecriture=False)
    return joint, lire_document(joint.sha256)
