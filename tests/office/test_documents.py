"""Documents attached to a file: stored under their SHA-256, checked on every read, confined
to the office and the creditor like every read."""

from __future__ import annotations

import hashlib

import pytest

from clerc.config import repertoire_documents
from clerc.office.db import Contexte
from clerc.office.erreurs import Introuvable, OperationRefusee
from clerc.office.services import documents
from clerc.office.services.dossiers import ouvrir_dossier
from clerc.rules.erreurs import DonneeInvalide
from tests.office.test_services_dossiers import nouveau_dossier


def _ouvrir(etude: Contexte) -> str:
    return ouvrir_dossier(etude, nouveau_dossier())


def test_un_document_joint_est_stocke_sous_son_empreinte_et_relu(etude: Contexte) -> None:
    reference = _ouvrir(etude)
    contenu = b"%PDF-1.7 copie executoire du jugement"
    numero = documents.joindre_document(etude, reference, "C:\\scans\\jugement.pdf", contenu)
    joint, relu = documents.document_joint(etude, numero)
    assert relu == contenu
    assert joint.nom == "jugement.pdf" and joint.type_mime == "application/pdf"
    assert joint.sha256 == hashlib.sha256(contenu).hexdigest()
    assert [d.id for d in documents.documents_du_dossier(etude, reference)] == [numero]
    fichier = repertoire_documents() / joint.sha256[:2] / joint.sha256
    fichier.write_bytes(contenu + b"!")
    with pytest.raises(OperationRefusee, match="altéré"):
        documents.document_joint(etude, numero)


@pytest.mark.parametrize(
    ("nom", "contenu", "message"),
    [
        ("virus.exe", b"MZ", "Type de document non accepté"),
        ("vide.pdf", b"", "vide"),
        ("", b"x", "nom de fichier manquant"),
    ],
)
def test_un_document_refuse_n_ecrit_rien(
    etude: Contexte, nom: str, contenu: bytes, message: str
) -> None:
    reference = _ouvrir(etude)
    with pytest.raises(DonneeInvalide, match=message):
        documents.joindre_document(etude, reference, nom, contenu)
    assert documents.documents_du_dossier(etude, reference) == []


def test_un_document_trop_lourd_est_refuse(
    etude: Contexte, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "TAILLE_MAXIMALE", 10)
    with pytest.raises(DonneeInvalide, match="trop lourd"):
        documents.joindre_document(etude, _ouvrir(etude), "a.txt", b"x" * 11)


def test_un_document_d_un_autre_creancier_est_introuvable(etude: Contexte) -> None:
    from dataclasses import replace

    reference = _ouvrir(etude)
    numero = documents.joindre_document(etude, reference, "note.txt", b"note")
    autre = replace(etude, creancier_id=999_999)
    with pytest.raises(Introuvable):
        documents.document_joint(autre, numero)
