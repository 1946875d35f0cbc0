"""PAdES signature of acts with pyHanko: certificate loading, signing a PDF/A act, verification.

The certificate is a throwaway self-signed one, made at test time with ``cryptography`` and
written as PKCS#12 in tmp_path: no key material is stored in the repository. Verification
trusts that certificate only (``racines_de_confiance``); nothing goes to the network.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.reader import PdfFileReader

from clerc.actes import signature
from clerc.actes.demonstration import donnees_demonstration
from clerc.actes.rendu import rendre_pdf
from clerc.actes.signature import (
    Certificat,
    ErreurSignature,
    charger_certificat,
    signer_pdf,
    verifier_signature,
)
from clerc.rules.erreurs import ErreurClerc

TITULAIRE = "Maître Claire MARTIN, commissaire de justice"
MOT_DE_PASSE = b"Secret-de-l-etude-2026"
MAINTENANT = datetime.now(UTC).replace(microsecond=0)
MOMENT = MAINTENANT - timedelta(hours=1)
MOTIF = "Signification de l'acte"
LIEU = "Lyon"
NOM = "Claire MARTIN"

Cle = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


def _certificat(
    cle: Cle,
    *,
    debut: datetime,
    fin: datetime,
    usages: x509.KeyUsage | None = None,
) -> x509.Certificate:
    nom = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, TITULAIRE)])
    usages = usages or x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    return (
        x509.CertificateBuilder()
        .subject_name(nom)
        .issuer_name(nom)
        .public_key(cle.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(debut)
        .not_valid_after(fin)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usages, critical=True)
        .sign(cle, hashes.SHA256())
    )


def _p12(
    dossier: Path,
    cle: Cle | None,
    certificat: x509.Certificate,
    *,
    nom: str = "martin.p12",
) -> Path:
    chemin = dossier / nom
    chemin.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"martin",
            cle,
            certificat,
            None,
            serialization.BestAvailableEncryption(MOT_DE_PASSE),
        )
    )
    return chemin


@pytest.fixture(scope="module")
def cle_rsa() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def cle_ec() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


@pytest.fixture(scope="module", params=["rsa", "ec"])
def fichier_p12(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    cle_rsa: rsa.RSAPrivateKey,
    cle_ec: ec.EllipticCurvePrivateKey,
) -> Path:
    """A valid certificate (from yesterday to next year) with its key, RSA 2048 or EC P-256."""
    cle: Cle = cle_rsa if request.param == "rsa" else cle_ec
    certificat = _certificat(
        cle, debut=MAINTENANT - timedelta(days=1), fin=MAINTENANT + timedelta(days=365)
    )
    return _p12(tmp_path_factory.mktemp(f"certificat_{request.param}"), cle, certificat)


@pytest.fixture(scope="module")
def certificat(fichier_p12: Path) -> Certificat:
    return charger_certificat(fichier_p12, MOT_DE_PASSE)


@pytest.fixture(scope="module")
def pdf_a() -> bytes:
    """The demonstration act as PDF/A-2b, as acts are signed."""
    return rendre_pdf("demonstration", donnees_demonstration(), pdfa=True)


@pytest.fixture(scope="module")
def pdf_signe(pdf_a: bytes, certificat: Certificat) -> bytes:
    return signer_pdf(pdf_a, certificat, motif=MOTIF, lieu=LIEU, nom=NOM, moment=MOMENT)


def _xmp(pdf: bytes) -> bytes:
    """The XMP packet of the last revision (the document catalog's /Metadata stream)."""
    lecteur = PdfFileReader(io.BytesIO(pdf))
    donnees: bytes = lecteur.root["/Metadata"].get_object().data
    return donnees


# Loading the certificate


def test_le_certificat_est_charge_avec_sa_cle(certificat: Certificat) -> None:
    assert certificat.nom == TITULAIRE
    assert certificat.debut_validite <= MOMENT <= certificat.fin_validite
    assert "cle_privee" not in repr(certificat)


def test_un_mauvais_mot_de_passe_est_refuse_en_francais(fichier_p12: Path) -> None:
    with pytest.raises(ErreurSignature, match="Mot de passe incorrect pour le certificat"):
        charger_certificat(fichier_p12, b"mauvais")


def test_un_certificat_protege_demande_son_mot_de_passe(fichier_p12: Path) -> None:
    with pytest.raises(ErreurSignature, match="protégé par un mot de passe"):
        charger_certificat(fichier_p12, None)


def test_un_fichier_absent_est_signale(tmp_path: Path) -> None:
    with pytest.raises(ErreurSignature, match="Fichier de certificat introuvable"):
        charger_certificat(tmp_path / "absent.p12", MOT_DE_PASSE)


def test_un_fichier_qui_n_est_pas_pkcs12_est_signale(tmp_path: Path) -> None:
    chemin = tmp_path / "faux.p12"
    chemin.write_bytes(b"ceci n'est pas un certificat")
    with pytest.raises(ErreurSignature, match=r"n'est pas un certificat au format PKCS#12"):
        charger_certificat(chemin, MOT_DE_PASSE)


def test_un_certificat_expire_est_refuse(tmp_path: Path, cle_rsa: rsa.RSAPrivateKey) -> None:
    expire = _certificat(
        cle_rsa, debut=MAINTENANT - timedelta(days=400), fin=MAINTENANT - timedelta(days=2)
    )
    chemin = _p12(tmp_path, cle_rsa, expire)
    with pytest.raises(ErreurSignature, match=r"a expiré le .* Renouvelez-le") as erreur:
        charger_certificat(chemin, MOT_DE_PASSE)
    assert isinstance(erreur.value, ErreurClerc)
    # Valid on an earlier day: loading for that day works, signing today does not.
    ancien = charger_certificat(chemin, MOT_DE_PASSE, le=MAINTENANT - timedelta(days=10))
    with pytest.raises(ErreurSignature, match="a expiré"):
        signer_pdf(b"%PDF-1.7", ancien, motif=MOTIF, lieu=LIEU, nom=NOM)


def test_un_certificat_pas_encore_valide_est_refuse(
    tmp_path: Path, cle_rsa: rsa.RSAPrivateKey
) -> None:
    futur = _certificat(
        cle_rsa, debut=MAINTENANT + timedelta(days=3), fin=MAINTENANT + timedelta(days=300)
    )
    with pytest.raises(ErreurSignature, match="n'est pas encore valide"):
        charger_certificat(_p12(tmp_path, cle_rsa, futur), MOT_DE_PASSE)


def test_un_certificat_sans_cle_privee_est_refuse(
    tmp_path: Path, cle_rsa: rsa.RSAPrivateKey
) -> None:
    seul = _certificat(
        cle_rsa, debut=MAINTENANT - timedelta(days=1), fin=MAINTENANT + timedelta(days=365)
    )
    with pytest.raises(ErreurSignature, match="sans sa clé privée"):
        charger_certificat(_p12(tmp_path, None, seul), MOT_DE_PASSE)


def test_une_cle_qui_ne_correspond_pas_au_certificat_est_refusee(
    tmp_path: Path,
    cle_rsa: rsa.RSAPrivateKey,
    cle_ec: ec.EllipticCurvePrivateKey,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # cryptography refuses to write such a file, other tools do not: the reading is faked.
    certificat_ec = _certificat(
        cle_ec, debut=MAINTENANT - timedelta(days=1), fin=MAINTENANT + timedelta(days=365)
    )
    chemin = _p12(tmp_path, cle_ec, certificat_ec)
    monkeypatch.setattr(
        signature.pkcs12,
        "load_key_and_certificates",
        lambda donnees, mot_de_passe: (cle_rsa, certificat_ec, []),
    )
    with pytest.raises(ErreurSignature, match="ne correspond pas au certificat"):
        charger_certificat(chemin, MOT_DE_PASSE)


def test_un_certificat_de_chiffrement_seul_est_refuse(
    tmp_path: Path, cle_rsa: rsa.RSAPrivateKey
) -> None:
    chiffrement = x509.KeyUsage(
        digital_signature=False,
        content_commitment=False,
        key_encipherment=True,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    certificat = _certificat(
        cle_rsa,
        debut=MAINTENANT - timedelta(days=1),
        fin=MAINTENANT + timedelta(days=365),
        usages=chiffrement,
    )
    with pytest.raises(ErreurSignature, match="pas destiné à la signature"):
        charger_certificat(_p12(tmp_path, cle_rsa, certificat), MOT_DE_PASSE)


# Signing and verifying


def test_la_signature_est_valide_intacte_et_couvre_le_document(
    pdf_signe: bytes, certificat: Certificat
) -> None:
    info = verifier_signature(pdf_signe, racines_de_confiance=[certificat])
    assert info.valide
    assert info.intacte
    assert info.couvre_tout_le_document
    assert info.de_confiance
    assert info.nom_signataire == TITULAIRE
    assert info.moment == MOMENT
    assert (info.motif, info.lieu, info.nom) == (MOTIF, LIEU, NOM)


def test_la_signature_est_pades_b_b(pdf_signe: bytes) -> None:
    lecteur = PdfFileReader(io.BytesIO(pdf_signe))
    (signature,) = lecteur.embedded_regular_signatures
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    attributs = {a["type"].native for a in signature.signer_info["signed_attrs"]}
    assert "signing_certificate_v2" in attributs
    assert "signing_time" not in attributs  # PAdES: the time is /M, not a CMS attribute


def test_sans_racine_de_confiance_la_signature_reste_intacte_mais_pas_de_confiance(
    pdf_signe: bytes,
) -> None:
    info = verifier_signature(pdf_signe)
    assert info.intacte and info.couvre_tout_le_document
    assert not info.de_confiance
    assert not info.valide


def test_un_octet_modifie_invalide_la_signature(pdf_signe: bytes, certificat: Certificat) -> None:
    # One byte inside the compressed data of a content stream of the original act: the file
    # still parses, but its digest no longer matches the signed one.
    debut = pdf_signe.index(b"stream\n", pdf_signe.index(b"/FlateDecode")) + len(b"stream\n")
    altere = bytearray(pdf_signe)
    altere[debut + 20] ^= 0x01
    info = verifier_signature(bytes(altere), racines_de_confiance=[certificat])
    assert not info.intacte
    assert not info.valide


def test_un_pdf_sans_signature_est_signale(pdf_a: bytes) -> None:
    with pytest.raises(ErreurSignature, match="aucune signature"):
        verifier_signature(pdf_a)


def test_un_pdf_illisible_est_signale(certificat: Certificat) -> None:
    with pytest.raises(ErreurSignature, match="Le PDF à signer est illisible"):
        signer_pdf(b"pas un PDF", certificat, motif=MOTIF, lieu=LIEU, nom=NOM)
    with pytest.raises(ErreurSignature, match="Le PDF signé est illisible"):
        verifier_signature(b"pas un PDF")


def test_une_date_sans_fuseau_est_refusee(pdf_a: bytes, certificat: Certificat) -> None:
    with pytest.raises(ErreurSignature, match="sans fuseau horaire"):
        signer_pdf(
            pdf_a, certificat, motif=MOTIF, lieu=LIEU, nom=NOM, moment=datetime(2026, 11, 29)
        )


def test_une_seconde_signature_s_ajoute_a_la_premiere(
    pdf_signe: bytes, certificat: Certificat
) -> None:
    deux = signer_pdf(pdf_signe, certificat, motif="Visa", lieu=LIEU, nom=NOM, moment=MAINTENANT)
    assert deux.startswith(pdf_signe)
    info = verifier_signature(deux, racines_de_confiance=[certificat])
    assert info.valide and info.couvre_tout_le_document and info.motif == "Visa"
    lecteur = PdfFileReader(io.BytesIO(deux))
    noms = [s.field_name for s in lecteur.embedded_regular_signatures]
    assert noms == ["Signature1", "Signature2"]


# PDF/A is kept


def test_la_signature_est_une_mise_a_jour_incrementale(pdf_a: bytes, pdf_signe: bytes) -> None:
    assert pdf_signe.startswith(pdf_a)
    assert len(pdf_signe) > len(pdf_a)


def test_le_pdf_signe_declare_toujours_pdf_a_2b(pdf_a: bytes, pdf_signe: bytes) -> None:
    xmp = _xmp(pdf_signe)
    assert re.search(rb"<pdfaid:part>2</pdfaid:part>", xmp)
    assert re.search(rb"<pdfaid:conformance>B</pdfaid:conformance>", xmp)
    # pyHanko's metadata rewrite is off: the XMP packet is Typst's, byte for byte.
    assert xmp == _xmp(pdf_a)


def test_le_pdf_signe_reste_en_pdf_1_7(pdf_signe: bytes) -> None:
    # PDF/A-2 is built on PDF 1.7: no /Version /2.0 in the catalog, even with an EC key.
    lecteur = PdfFileReader(io.BytesIO(pdf_signe))
    assert pdf_signe.startswith(b"%PDF-1.7")
    assert "/Version" not in lecteur.root or lecteur.root["/Version"] == "/1.7"
    extensions = lecteur.root["/Extensions"]
    assert set(extensions) == {"/ESIC"}


def test_le_champ_de_signature_est_invisible_et_imprimable(pdf_signe: bytes) -> None:
    # PDF/A-2 (ISO 19005-2, 6.3.3): an annotation with a zero-size /Rect needs no appearance;
    # its flags must have Print set and Hidden, Invisible, NoView, ToggleNoView cleared.
    lecteur = PdfFileReader(io.BytesIO(pdf_signe))
    (champ,) = [c.get_object() for c in lecteur.root["/AcroForm"]["/Fields"]]
    assert [float(v) for v in champ["/Rect"]] == [0, 0, 0, 0]
    drapeaux = int(champ["/F"])
    assert drapeaux & 4
    assert not drapeaux & (1 | 2 | 32 | 256)
    assert "/NeedAppearances" not in lecteur.root["/AcroForm"]
