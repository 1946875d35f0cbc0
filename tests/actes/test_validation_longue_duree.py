"""PAdES B-LT: the signature, its timestamp, and their validation data kept in the document.

A small test PKI, made at test time with ``cryptography``: a certification authority (the
profession's, say) issues the commissaire's certificate and the time-stamping authority's,
both declaring a CRL distribution point on 127.0.0.1, where a tiny ``http.server`` serves the
authority's CRL (listing one revoked certificate). The TSA is pyHanko's ``DummyTimeStamper``
behind the same server. Nothing goes to the internet.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import tsp
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.timestamps import DummyTimeStamper

from clerc.actes.demonstration import donnees_demonstration
from clerc.actes.rendu import rendre_pdf
from clerc.actes.signature import (
    Certificat,
    DonneesValidation,
    ErreurSignature,
    charger_certificat,
    charger_racines,
    horodateur_http,
    signer_pdf,
    verifier_signature,
)
from clerc.office.db import Contexte
from tests.actes.serveur_local import Gestionnaire, servir
from tests.actes.test_horodatage import _asn1
from tests.actes.test_signature import LIEU, MAINTENANT, MOMENT, MOT_DE_PASSE, MOTIF, NOM, _xmp

AC = "AC de test des commissaires de justice"
TITULAIRE = "Maître Claire MARTIN, commissaire de justice"
AUTORITE = "Autorité d'horodatage de test"
APRES_EXPIRATION = MAINTENANT + timedelta(days=800)  # the signer's certificate lasts a year


def _nom(texte: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, texte)])


def _usages(*, signature: bool = False, ac: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signature,
        content_commitment=signature,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ac,
        crl_sign=ac,
        encipher_only=False,
        decipher_only=False,
    )


@dataclass
class Pki:
    """The test PKI and its HTTP server (CRL at /ac.crl, TSA at /tsa)."""

    url: str
    cle_ac: rsa.RSAPrivateKey
    ac: x509.Certificate
    revoques: list[int] = field(default_factory=list)
    horodateur: DummyTimeStamper | None = None
    chemins: list[str] = field(default_factory=list)  # what the server was asked, in order

    @property
    def url_crl(self) -> str:
        return f"{self.url}/ac.crl"

    def crl(self) -> bytes:
        constructeur = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.ac.subject)
            .last_update(MAINTENANT - timedelta(days=1))
            .next_update(MAINTENANT + timedelta(days=7))
        )
        for numero in self.revoques:
            constructeur = constructeur.add_revoked_certificate(
                x509.RevokedCertificateBuilder()
                .serial_number(numero)
                .revocation_date(MAINTENANT - timedelta(days=2))
                .build()
            )
        return constructeur.sign(self.cle_ac, hashes.SHA256()).public_bytes(
            serialization.Encoding.DER
        )

    def emettre(
        self,
        nom: str,
        cle: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey,
        *,
        horodatage: bool = False,
        jours: int = 365,
    ) -> x509.Certificate:
        """A certificate of the AC, declaring the AC's CRL (for signing or timestamping)."""
        constructeur = (
            x509.CertificateBuilder()
            .subject_name(_nom(nom))
            .issuer_name(self.ac.subject)
            .public_key(cle.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(MAINTENANT - timedelta(days=1))
            .not_valid_after(MAINTENANT + timedelta(days=jours))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.CRLDistributionPoints(
                    [
                        x509.DistributionPoint(
                            full_name=[x509.UniformResourceIdentifier(self.url_crl)],
                            relative_name=None,
                            reasons=None,
                            crl_issuer=None,
                        )
                    ]
                ),
                critical=False,
            )
        )
        if horodatage:
            constructeur = constructeur.add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
            )
        else:
            constructeur = constructeur.add_extension(_usages(signature=True), critical=True)
        return constructeur.sign(self.cle_ac, hashes.SHA256())


def _gestionnaire(pki: Pki) -> type[BaseHTTPRequestHandler]:
    class GestionnairePki(Gestionnaire):
        def do_GET(self) -> None:
            pki.chemins.append(self.path)
            if self.path != "/ac.crl":
                self.send_error(404)
                return
            self._repondre(pki.crl(), "application/pkix-crl")

        def do_POST(self) -> None:
            pki.chemins.append(self.path)
            requete = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            assert pki.horodateur is not None
            corps = pki.horodateur.request_tsa_response(requete).dump()
            self._repondre(corps, "application/timestamp-reply")

    return GestionnairePki


@pytest.fixture(scope="module")
def pki() -> Iterator[Pki]:
    """The AC, its TSA and its CRL, served on 127.0.0.1 for the whole module."""
    cle_ac = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ac = (
        x509.CertificateBuilder()
        .subject_name(_nom(AC))
        .issuer_name(_nom(AC))
        .public_key(cle_ac.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(MAINTENANT - timedelta(days=30))
        .not_valid_after(MAINTENANT + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_usages(ac=True), critical=True)
        .sign(cle_ac, hashes.SHA256())
    )
    infra = Pki(url="", cle_ac=cle_ac, ac=ac)
    with servir(_gestionnaire(infra)) as serveur:
        infra.url = f"http://127.0.0.1:{serveur.server_address[1]}"
        cle_tsa = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        tsa = infra.emettre(AUTORITE, cle_tsa, horodatage=True, jours=3650)
        cle_der = cle_tsa.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        infra.horodateur = DummyTimeStamper(
            tsa_cert=_asn1(tsa), tsa_key=asn1_keys.PrivateKeyInfo.load(cle_der)
        )
        yield infra


def _p12(dossier: Path, cle: ec.EllipticCurvePrivateKey, certificat: x509.Certificate) -> Path:
    chemin = dossier / "martin.p12"
    chemin.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"martin", cle, certificat, None, serialization.BestAvailableEncryption(MOT_DE_PASSE)
        )
    )
    return chemin


@pytest.fixture(scope="module")
def certificat(pki: Pki, tmp_path_factory: pytest.TempPathFactory) -> Certificat:
    """The commissaire's certificate, issued by the AC, read from its PKCS#12 file."""
    cle = ec.generate_private_key(ec.SECP256R1())
    chemin = _p12(tmp_path_factory.mktemp("martin"), cle, pki.emettre(TITULAIRE, cle))
    return charger_certificat(chemin, MOT_DE_PASSE)


@pytest.fixture(scope="module")
def pdf_a() -> bytes:
    return rendre_pdf("demonstration", donnees_demonstration(), pdfa=True)


def _signer(pdf: bytes, certificat: Certificat, pki: Pki, **validation: object) -> bytes:
    return signer_pdf(
        pdf,
        certificat,
        motif=MOTIF,
        lieu=LIEU,
        nom=NOM,
        moment=MOMENT,
        horodateur=horodateur_http(f"{pki.url}/tsa"),
        validation=DonneesValidation(racines=(pki.ac,), **validation),  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def pdf_lt(pdf_a: bytes, certificat: Certificat, pki: Pki) -> bytes:
    """The demonstration act signed PAdES B-LT, the CRL fetched from the AC's address."""
    pki.chemins.clear()
    return _signer(pdf_a, certificat, pki)


def test_la_signature_b_lt_est_valide_et_le_dit(pdf_lt: bytes, pki: Pki) -> None:
    info = verifier_signature(pdf_lt, racines_de_confiance=[pki.ac])
    assert info.niveau == "B-LT"
    assert info.valide and info.intacte and info.de_confiance and info.horodatage_valide
    assert info.valide_long_terme
    assert info.nom_signataire == TITULAIRE and info.autorite_horodatage == AUTORITE


def test_les_listes_de_revocation_sont_cherchees_aux_adresses_des_certificats(
    pdf_lt: bytes, pki: Pki
) -> None:
    # Two timestamp requests (pyHanko sizes the signature first), then the CRL the signer's
    # and the authority's certificates both declare.
    assert pki.chemins[:2] == ["/tsa", "/tsa"]
    assert "/ac.crl" in pki.chemins[2:]


def test_le_dss_contient_les_certificats_et_la_crl_de_la_signature(
    pdf_lt: bytes, pki: Pki, certificat: Certificat
) -> None:
    lecteur = PdfFileReader(io.BytesIO(pdf_lt))
    dss = lecteur.root["/DSS"]
    crls = [c.get_object().data for c in dss["/CRLs"]]
    assert crls == [pki.crl()]  # the AC's CRL, as served (deterministic RSA signature)
    certificats = {c.get_object().data for c in dss["/Certs"]}
    assert certificat.certificat.public_bytes(serialization.Encoding.DER) in certificats
    assert pki.ac.public_bytes(serialization.Encoding.DER) in certificats
    (signature,) = lecteur.embedded_regular_signatures
    assert len(dss["/VRI"]) == 1  # the entry tied to this signature's value
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"


def test_le_pdf_b_lt_reste_pdf_a_2b_en_pdf_1_7(pdf_a: bytes, pdf_lt: bytes) -> None:
    assert pdf_lt.startswith(pdf_a)  # two incremental updates: signature, then DSS
    assert pdf_lt.count(b"%%EOF") == pdf_a.count(b"%%EOF") + 2
    assert _xmp(pdf_lt) == _xmp(pdf_a)
    assert b"/Version /2.0" not in pdf_lt


def test_apres_expiration_du_certificat_seule_la_b_lt_reste_verifiable(
    pdf_a: bytes, pdf_lt: bytes, certificat: Certificat, pki: Pki
) -> None:
    info = verifier_signature(pdf_lt, racines_de_confiance=[pki.ac], le=APRES_EXPIRATION)
    assert not info.valide  # today the certificate has expired...
    assert info.valide_long_terme  # ...but it was valid, and not revoked, when timestamped
    b_t = signer_pdf(pdf_a, certificat, motif=MOTIF, lieu=LIEU, nom=NOM, moment=MOMENT,
                     horodateur=horodateur_http(f"{pki.url}/tsa"))  # fmt: skip
    info_b_t = verifier_signature(b_t, racines_de_confiance=[pki.ac], le=APRES_EXPIRATION)
    assert info_b_t.niveau == "B-T"
    assert not info_b_t.valide and not info_b_t.valide_long_terme


def test_les_crl_fournies_suffisent_sans_reseau(
    pdf_a: bytes, certificat: Certificat, pki: Pki
) -> None:
    pki.chemins.clear()
    pdf = _signer(pdf_a, certificat, pki, crls=(pki.crl(),), rechercher=False)
    assert "/ac.crl" not in pki.chemins
    assert verifier_signature(pdf, racines_de_confiance=[pki.ac]).valide_long_terme


def test_sans_donnees_de_revocation_rien_n_est_signe(
    pdf_a: bytes, certificat: Certificat, pki: Pki
) -> None:
    with pytest.raises(ErreurSignature, match="Données de validation incomplètes"):
        _signer(pdf_a, certificat, pki, rechercher=False)


def test_un_certificat_revoque_n_est_pas_signe(pdf_a: bytes, pki: Pki, tmp_path: Path) -> None:
    cle = ec.generate_private_key(ec.SECP256R1())
    revoque = pki.emettre(TITULAIRE, cle)
    pki.revoques.append(revoque.serial_number)
    try:
        certificat = charger_certificat(_p12(tmp_path, cle, revoque), MOT_DE_PASSE)
        with pytest.raises(ErreurSignature, match="Certificat révoqué"):
            _signer(pdf_a, certificat, pki)
    finally:
        pki.revoques.clear()


def test_une_racine_etrangere_ne_permet_pas_la_b_lt(
    pdf_a: bytes, certificat: Certificat, pki: Pki
) -> None:
    cle = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    autre = (
        x509.CertificateBuilder()
        .subject_name(_nom("Autre AC"))
        .issuer_name(_nom("Autre AC"))
        .public_key(cle.public_key())
        .serial_number(1)
        .not_valid_before(MAINTENANT - timedelta(days=1))
        .not_valid_after(MAINTENANT + timedelta(days=10))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(cle, hashes.SHA256())
    )
    with pytest.raises(ErreurSignature, match="Données de validation incomplètes"):
        signer_pdf(pdf_a, certificat, motif=MOTIF, lieu=LIEU, nom=NOM, moment=MOMENT,
                   horodateur=horodateur_http(f"{pki.url}/tsa"),
                   validation=DonneesValidation(racines=(autre,)))  # fmt: skip


def test_la_b_lt_exige_un_horodatage(pdf_a: bytes, certificat: Certificat, pki: Pki) -> None:
    with pytest.raises(ErreurSignature, match="doit être horodatée"):
        signer_pdf(pdf_a, certificat, motif=MOTIF, lieu=LIEU, nom=NOM,
                   validation=DonneesValidation(racines=(pki.ac,)))  # fmt: skip


def test_un_octet_modifie_apres_signature_b_lt_est_vu(pdf_lt: bytes, pki: Pki) -> None:
    # One byte in the middle of the longest stream of the original act (an embedded font):
    # signed, before the DSS, and the file still parses.
    blocs = re.finditer(rb"stream\n(.*?)\nendstream", pdf_lt, re.DOTALL)
    plus_long = max(blocs, key=lambda bloc: len(bloc.group(1)))
    altere = bytearray(pdf_lt)
    altere[(plus_long.start(1) + plus_long.end(1)) // 2] ^= 0x01
    info = verifier_signature(bytes(altere), racines_de_confiance=[pki.ac])
    assert not info.intacte and not info.valide and not info.valide_long_terme


# The roots file (PEM) and the office service: CLERC_SIGNATURE_RACINES


def test_les_racines_sont_lues_d_un_fichier_pem(pki: Pki, tmp_path: Path) -> None:
    chemin = tmp_path / "racines.pem"
    chemin.write_bytes(pki.ac.public_bytes(serialization.Encoding.PEM))
    assert charger_racines(chemin) == (pki.ac,)
    with pytest.raises(ErreurSignature, match="introuvable"):
        charger_racines(tmp_path / "absent.pem")
    (tmp_path / "vide.pem").write_text("rien")
    with pytest.raises(ErreurSignature, match="aucun certificat"):
        charger_racines(tmp_path / "vide.pem")


@pytest.fixture
def office(pki: Pki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Contexte]:
    """An office whose commissaire's certificate, TSA and roots are configured."""
    from clerc.office.db import creer_moteur, migrer
    from tests.office.conftest import creer_etude

    monkeypatch.setenv("CLERC_DONNEES", str(tmp_path / "donnees"))
    cle = ec.generate_private_key(ec.SECP256R1())
    monkeypatch.setenv("CLERC_CERTIFICAT", str(_p12(tmp_path, cle, pki.emettre(TITULAIRE, cle))))
    monkeypatch.setenv("CLERC_CERTIFICAT_MOT_DE_PASSE", MOT_DE_PASSE.decode())
    monkeypatch.setenv("CLERC_HORODATAGE_URL", f"{pki.url}/tsa")
    racines = tmp_path / "racines.pem"
    racines.write_bytes(pki.ac.public_bytes(serialization.Encoding.PEM))
    monkeypatch.setenv("CLERC_SIGNATURE_RACINES", str(racines))
    moteur = creer_moteur(f"sqlite:///{tmp_path / 'clerc.sqlite3'}")
    migrer(moteur)
    try:
        yield creer_etude(moteur, "TEST", "Étude test")
    finally:
        moteur.dispose()


def test_le_service_signe_en_b_lt_quand_les_racines_sont_configurees(
    office: Contexte, pki: Pki
) -> None:
    from clerc.office.services import actes
    from tests.office.test_services_actes import _commissaire, _denonciation, _dossier

    redige = _denonciation(office, _dossier(office))
    actes.signer(_commissaire(office), int(redige["acte"]))  # type: ignore[call-overload]
    pdf = actes.fichier(office, int(redige["acte"]))  # type: ignore[call-overload]
    info = verifier_signature(pdf, racines_de_confiance=[pki.ac])
    assert info.niveau == "B-LT" and info.valide and info.valide_long_terme


def test_des_racines_sans_horodatage_sont_refusees(
    office: Contexte, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerc.office.services import actes
    from tests.office.test_services_actes import _commissaire, _denonciation, _dossier

    monkeypatch.delenv("CLERC_HORODATAGE_URL")
    redige = _denonciation(office, _dossier(office))
    with pytest.raises(ErreurSignature, match="doit être horodatée"):
        actes.signer(_commissaire(office), int(redige["acte"]))  # type: ignore[call-overload]
