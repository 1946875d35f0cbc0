"""PAdES B-T: the signature timestamped by an RFC 3161 time-stamping authority (TSA).

The authority is local: pyHanko's ``DummyTimeStamper`` (a TSA in-process) answers behind a tiny
``http.server`` on 127.0.0.1, so the real client (``HTTPTimeStamper``, aiohttp) is exercised
and nothing goes to the internet. Its certificates (a root and the TSA's own, with the
critical ``timeStamping`` extended key usage) are made at test time with ``cryptography``.
"""

from __future__ import annotations

import io
import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.timestamps import DummyTimeStamper
from sqlalchemy import select

from clerc.actes.demonstration import donnees_demonstration
from clerc.actes.rendu import rendre_pdf
from clerc.actes.signature import (
    Certificat,
    ErreurSignature,
    charger_certificat,
    horodateur_http,
    signer_pdf,
    verifier_signature,
)
from clerc.config import horodatage_url
from clerc.office.db import Contexte
from tests.actes.serveur_local import Gestionnaire, servir
from tests.actes.test_signature import (
    LIEU,
    MAINTENANT,
    MOMENT,
    MOT_DE_PASSE,
    MOTIF,
    NOM,
    _certificat,
    _p12,
    _xmp,
)

AUTORITE = "Autorité d'horodatage de test"


def _nom(texte: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, texte)])


def _asn1(certificat_: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificat_.public_bytes(serialization.Encoding.DER))


@dataclass
class Autorite:
    """The test TSA: its root, its timestamper, and what its HTTP server answers."""

    racine: x509.Certificate
    horodateur: DummyTimeStamper
    url: str = ""
    # or "refusee" (PKI status rejection), "illisible" (not DER), "html", "erreur" (HTTP 503)
    reponse: str = "accordee"
    requetes: list[tsp.TimeStampReq] = field(default_factory=list)


def _autorite() -> Autorite:
    cle_racine = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cle_tsa = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    debut, fin = MAINTENANT - timedelta(days=30), MAINTENANT + timedelta(days=3650)
    racine = (
        x509.CertificateBuilder()
        .subject_name(_nom("Racine d'horodatage de test"))
        .issuer_name(_nom("Racine d'horodatage de test"))
        .public_key(cle_racine.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(debut)
        .not_valid_after(fin)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(cle_racine, hashes.SHA256())
    )
    tsa = (
        x509.CertificateBuilder()
        .subject_name(_nom(AUTORITE))
        .issuer_name(racine.subject)
        .public_key(cle_tsa.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(debut)
        .not_valid_after(fin)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(cle_racine, hashes.SHA256())
    )
    cle_der = cle_tsa.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    horodateur = DummyTimeStamper(
        tsa_cert=_asn1(tsa), tsa_key=asn1_keys.PrivateKeyInfo.load(cle_der)
    )
    return Autorite(racine=racine, horodateur=horodateur)


def _gestionnaire(autorite: Autorite) -> type[BaseHTTPRequestHandler]:
    class GestionnaireTsa(Gestionnaire):
        def do_POST(self) -> None:
            longueur = int(self.headers.get("Content-Length", "0"))
            requete = tsp.TimeStampReq.load(self.rfile.read(longueur))
            autorite.requetes.append(requete)
            if autorite.reponse == "erreur":
                self.send_error(503, "Service indisponible")
                return
            if autorite.reponse == "illisible":
                self._repondre(b"pas une reponse RFC 3161", "application/timestamp-reply")
                return
            if autorite.reponse == "html":
                self._repondre(b"<html>Maintenance</html>", "text/html")
                return
            if autorite.reponse == "refusee":
                # TimeStampResp without a token (asn1crypto will not dump one): SEQUENCE {status}
                statut = tsp.PKIStatusInfo(
                    {"status": "rejection", "status_string": ["politique inconnue"]}
                ).dump()
                corps = bytes([0x30, len(statut)]) + statut
            else:
                corps = autorite.horodateur.request_tsa_response(requete).dump()
            self._repondre(corps, "application/timestamp-reply")

    return GestionnaireTsa


@pytest.fixture(scope="module")
def serveur_tsa() -> Iterator[Autorite]:
    """The test TSA listening on 127.0.0.1 (a free port), for the whole module."""
    autorite = _autorite()
    with servir(_gestionnaire(autorite)) as serveur:
        autorite.url = f"http://127.0.0.1:{serveur.server_address[1]}/tsa"
        yield autorite


@pytest.fixture
def tsa(serveur_tsa: Autorite) -> Autorite:
    """The test TSA, answering normally, with its request log emptied."""
    serveur_tsa.reponse = "accordee"
    serveur_tsa.requetes.clear()
    return serveur_tsa


@pytest.fixture(scope="module", params=["rsa", "ec"])
def certificat(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Certificat:
    """The signer's certificate (RSA 2048 or EC P-256), loaded from its PKCS#12 file."""
    cle: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        if request.param == "rsa"
        else ec.generate_private_key(ec.SECP256R1())
    )
    signataire = _certificat(
        cle, debut=MAINTENANT - timedelta(days=1), fin=MAINTENANT + timedelta(days=365)
    )
    dossier = tmp_path_factory.mktemp(f"signataire_{request.param}")
    return charger_certificat(_p12(dossier, cle, signataire), MOT_DE_PASSE)


@pytest.fixture(scope="module")
def pdf_a() -> bytes:
    """The demonstration act as PDF/A-2b, as acts are signed."""
    return rendre_pdf("demonstration", donnees_demonstration(), pdfa=True)


@pytest.fixture(scope="module")
def pdf_signe(pdf_a: bytes, certificat: Certificat) -> bytes:
    """The act signed PAdES B-B: no timestamper."""
    return signer_pdf(pdf_a, certificat, motif=MOTIF, lieu=LIEU, nom=NOM, moment=MOMENT)


@pytest.fixture(scope="module")
def pdf_horodate(pdf_a: bytes, certificat: Certificat, serveur_tsa: Autorite) -> bytes:
    """The demonstration act signed PAdES B-T, timestamped by the local TSA over HTTP."""
    serveur_tsa.reponse = "accordee"
    return signer_pdf(
        pdf_a,
        certificat,
        motif=MOTIF,
        lieu=LIEU,
        nom=NOM,
        moment=MOMENT,
        horodateur=horodateur_http(serveur_tsa.url),
    )


def _port_ferme() -> int:
    """A port of 127.0.0.1 nobody listens on (taken, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as prise:
        prise.bind(("127.0.0.1", 0))
        port: int = prise.getsockname()[1]
    return port


# Signing with a timestamp


def test_la_signature_horodatee_est_valide_et_porte_l_heure_de_l_autorite(
    pdf_horodate: bytes, certificat: Certificat, serveur_tsa: Autorite
) -> None:
    apres = datetime.now(UTC)
    info = verifier_signature(
        pdf_horodate,
        racines_de_confiance=[certificat],
        racines_horodatage=[serveur_tsa.racine],
    )
    assert info.valide and info.intacte and info.couvre_tout_le_document and info.de_confiance
    assert info.moment == MOMENT  # /M, the signer's claim, unchanged
    assert info.horodatage is not None
    assert MAINTENANT - timedelta(seconds=1) <= info.horodatage <= apres
    assert info.autorite_horodatage == AUTORITE
    assert info.horodatage_de_confiance
    assert info.horodatage_valide
    assert (info.motif, info.lieu, info.nom) == (MOTIF, LIEU, NOM)


def test_la_signature_est_pades_b_t(pdf_horodate: bytes) -> None:
    lecteur = PdfFileReader(io.BytesIO(pdf_horodate))
    (signature,) = lecteur.embedded_regular_signatures
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    signes = {a["type"].native for a in signature.signer_info["signed_attrs"]}
    assert "signing_certificate_v2" in signes
    assert "signing_time" not in signes
    non_signes = {a["type"].native for a in signature.signer_info["unsigned_attrs"]}
    assert non_signes == {"signature_time_stamp_token"}


def test_l_horodateur_http_interroge_l_autorite(
    tsa: Autorite, pdf_a: bytes, certificat: Certificat
) -> None:
    pdf = signer_pdf(
        pdf_a, certificat, motif=MOTIF, lieu=LIEU, nom=NOM, horodateur=horodateur_http(tsa.url)
    )
    # pyHanko asks twice: a token to size the signature, then the real one.
    assert len(tsa.requetes) == 2
    assert all(r["message_imprint"]["hash_algorithm"]["algorithm"].native == "sha256"
               for r in tsa.requetes)  # fmt: skip
    info = verifier_signature(pdf, racines_de_confiance=[certificat],
                              racines_horodatage=[tsa.racine])  # fmt: skip
    assert info.valide and info.horodatage_valide


def test_le_pdf_horodate_reste_pdf_a_2b(pdf_a: bytes, pdf_horodate: bytes) -> None:
    assert pdf_horodate.startswith(pdf_a)  # incremental update
    xmp = _xmp(pdf_horodate)
    assert re.search(rb"<pdfaid:part>2</pdfaid:part>", xmp)
    assert re.search(rb"<pdfaid:conformance>B</pdfaid:conformance>", xmp)
    assert xmp == _xmp(pdf_a)
    lecteur = PdfFileReader(io.BytesIO(pdf_horodate))
    assert pdf_horodate.startswith(b"%PDF-1.7")
    assert "/Version" not in lecteur.root or lecteur.root["/Version"] == "/1.7"
    assert set(lecteur.root["/Extensions"]) == {"/ESIC"}


# Verifying the timestamp


def test_sans_la_racine_de_l_autorite_l_horodatage_n_est_pas_de_confiance(
    pdf_horodate: bytes, certificat: Certificat
) -> None:
    # By default the timestamp is checked against the signer's roots, which do not cover the
    # TSA: its time is still read, but neither it nor (pyHanko's bottom line) the signature is
    # judged valid.
    info = verifier_signature(pdf_horodate, racines_de_confiance=[certificat])
    assert info.intacte and info.de_confiance
    assert info.horodatage is not None and info.autorite_horodatage == AUTORITE
    assert not info.horodatage_de_confiance
    assert not info.horodatage_valide
    assert not info.valide


def test_une_seule_liste_de_racines_peut_couvrir_signataire_et_autorite(
    pdf_horodate: bytes, certificat: Certificat, serveur_tsa: Autorite
) -> None:
    info = verifier_signature(
        pdf_horodate, racines_de_confiance=[certificat.certificat, serveur_tsa.racine]
    )
    assert info.valide and info.horodatage_valide


def test_une_racine_qui_n_est_pas_celle_de_l_autorite_est_refusee(
    pdf_horodate: bytes, certificat: Certificat
) -> None:
    autre = _autorite().racine
    info = verifier_signature(
        pdf_horodate, racines_de_confiance=[certificat], racines_horodatage=[autre]
    )
    assert info.horodatage is not None
    assert not info.horodatage_de_confiance and not info.horodatage_valide


def test_une_signature_sans_horodatage_le_dit(pdf_signe: bytes, certificat: Certificat) -> None:
    info = verifier_signature(pdf_signe, racines_de_confiance=[certificat])
    assert info.valide  # B-B, as before
    assert info.horodatage is None and info.autorite_horodatage is None
    assert not info.horodatage_de_confiance and not info.horodatage_valide


# The authority fails: nothing is signed


def test_une_autorite_injoignable_fait_echouer_la_signature(
    pdf_a: bytes, certificat: Certificat
) -> None:
    url = f"http://127.0.0.1:{_port_ferme()}/tsa"
    with pytest.raises(ErreurSignature, match="Horodatage de la signature impossible") as erreur:
        signer_pdf(pdf_a, certificat, motif=MOTIF, lieu=LIEU, nom=NOM,
                   horodateur=horodateur_http(url))  # fmt: skip
    message = str(erreur.value)
    assert url in message and "injoignable" in message and "L'acte n'est pas signé" in message


@pytest.mark.parametrize("reponse", ["refusee", "illisible", "html", "erreur"])
def test_une_autorite_qui_refuse_fait_echouer_la_signature(
    tsa: Autorite, pdf_a: bytes, certificat: Certificat, reponse: str
) -> None:
    tsa.reponse = reponse
    with pytest.raises(
        ErreurSignature, match=r"Horodatage de la signature impossible .* refusé"
    ) as erreur:
        signer_pdf(pdf_a, certificat, motif=MOTIF, lieu=LIEU, nom=NOM,
                   horodateur=horodateur_http(tsa.url))  # fmt: skip
    assert tsa.requetes
    if reponse == "refusee":  # the authority's own words are kept in the message
        assert "politique inconnue" in str(erreur.value)


@pytest.mark.parametrize("url", ["", "tsa.exemple.fr", "ftp://tsa.exemple.fr", "https://"])
def test_une_adresse_d_autorite_invalide_est_refusee(url: str) -> None:
    with pytest.raises(ErreurSignature, match="Adresse du serveur d'horodatage invalide"):
        horodateur_http(url)


# Configuration


def test_l_adresse_de_l_autorite_vient_de_l_environnement(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CLERC_HORODATAGE_URL", raising=False)
    assert horodatage_url() is None
    monkeypatch.setenv("CLERC_HORODATAGE_URL", "  ")
    assert horodatage_url() is None
    monkeypatch.setenv("CLERC_HORODATAGE_URL", " https://tsa.exemple.fr/tsp ")
    assert horodatage_url() == "https://tsa.exemple.fr/tsp"


# The office service: CLERC_HORODATAGE_URL


@pytest.fixture
def office(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Contexte, x509.Certificate]]:
    """An office on a new SQLite database, and the commissaire's certificate configured."""
    from clerc.office.db import creer_moteur, migrer
    from tests.office.conftest import creer_etude

    monkeypatch.setenv("CLERC_DONNEES", str(tmp_path / "donnees"))
    cle = ec.generate_private_key(ec.SECP256R1())
    signataire = _certificat(
        cle, debut=MAINTENANT - timedelta(days=1), fin=MAINTENANT + timedelta(days=365)
    )
    monkeypatch.setenv("CLERC_CERTIFICAT", str(_p12(tmp_path, cle, signataire)))
    monkeypatch.setenv("CLERC_CERTIFICAT_MOT_DE_PASSE", MOT_DE_PASSE.decode())
    moteur = creer_moteur(f"sqlite:///{tmp_path / 'clerc.sqlite3'}")
    migrer(moteur)
    try:
        yield creer_etude(moteur, "TEST", "Étude test"), signataire
    finally:
        moteur.dispose()


def test_le_service_horodate_la_signature_quand_une_autorite_est_configuree(
    office: tuple[Contexte, x509.Certificate], tsa: Autorite, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerc.office.services import actes
    from tests.office.test_services_actes import _commissaire, _denonciation, _dossier

    etude, signataire = office
    monkeypatch.setenv("CLERC_HORODATAGE_URL", tsa.url)
    redige = _denonciation(etude, _dossier(etude))
    signe = actes.signer(_commissaire(etude), int(redige["acte"]))  # type: ignore[call-overload]
    assert signe["statut"] == "signe"
    pdf = actes.fichier(etude, int(redige["acte"]))  # type: ignore[call-overload]
    info = verifier_signature(
        pdf, racines_de_confiance=[signataire], racines_horodatage=[tsa.racine]
    )
    assert info.valide and info.horodatage_valide and info.autorite_horodatage == AUTORITE
    assert b"pdfaid" in pdf


def test_le_service_ne_signe_rien_si_l_autorite_est_injoignable(
    office: tuple[Contexte, x509.Certificate], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerc.office.db import transaction
    from clerc.office.models import Acte
    from clerc.office.services import actes
    from tests.office.test_services_actes import _commissaire, _denonciation, _dossier

    etude, _ = office
    monkeypatch.setenv("CLERC_HORODATAGE_URL", f"http://127.0.0.1:{_port_ferme()}/tsa")
    redige = _denonciation(etude, _dossier(etude))
    with pytest.raises(ErreurSignature, match="Horodatage de la signature impossible"):
        actes.signer(_commissaire(etude), int(redige["acte"]))  # type: ignore[call-overload]
    with transaction(etude, "lire", ecriture=False) as session:
        acte = session.get(Acte, int(redige["acte"]))  # type: ignore[call-overload]
        assert acte is not None
        assert acte.statut != "signe"
        assert acte.sha256 is None and acte.numero_repertoire is None
        assert session.scalar(select(Acte.id).where(Acte.statut == "signe")) is None
    documents = tmp_path / "donnees" / "documents"
    assert not documents.exists() or not any(p.is_file() for p in documents.rglob("*"))
