"""Electronic signature of acts: PAdES baseline B-B, or B-T with a time-stamping authority,
with pyHanko, PDF/A kept (design.md §6).

``charger_certificat`` reads the commissaire de justice's certificate and private key from a
PKCS#12 file (.p12/.pfx); ``signer_pdf`` signs a PDF with it; ``verifier_signature`` reads the
signature back and checks it. Pure functions, no database. The network is reached only when
the caller passes a timestamper (``horodateur_http``: the office's RFC 3161 time-stamping
authority); never an OCSP responder, a CRL or the system trust store.

Signature (``signer_pdf``):

- PAdES baseline B-B: CMS ``SubFilter /ETSI.CAdES.detached``, SHA-256, the ESS
  signing-certificate-v2 attribute (pyHanko adds it, and leaves out the CMS signing-time
  attribute, as PAdES asks: the time is the ``/M`` entry of the signature dictionary), reason
  (``/Reason``), location (``/Location``) and signer's name (``/Name``); an invisible signature
  field (``/Rect [0 0 0 0]``, printable, locked), so the pages of the act are not touched.
- Appended as an incremental update: the bytes of the input are the first bytes of the output,
  unchanged, so a PDF/A-2b act (``rendre_pdf(..., pdfa=True)``) stays PDF/A-2b. Two pyHanko
  defaults are turned off for that:
  * pyHanko rewrites the XMP packet and the Info dictionary of every incremental update
    (producer, modification date) through its own XMP serialiser, which has broken PDF/A
    conformance before (pyHanko issue #755, fixed in 0.38); with 0.38, PDFBox's XMP parser
    still no longer finds the PDF/A extension schemas in the rewritten packet. The update
    here leaves the metadata as Typst wrote it, which keeps the XMP packet (``pdfaid:part``
    2, ``pdfaid:conformance`` B) and the Info dictionary consistent by construction. This
    overrides ``_update_meta``, the hook pyHanko's maintainer points to for it (issue #223);
    ``test_signature.py`` checks the XMP stays byte-identical, so a pyHanko upgrade that
    renames the hook is caught.
  * pyHanko declares PDF 2.0 (``/Version /2.0`` and the ISO 32002 extension) when the key is
    ECDSA. PDF/A-2 is built on PDF 1.7, so only the ESIC extension of PAdES (PDF 1.7) is
    declared, whatever the key.
- ``moment`` fixes the signing time (``/M``); by default the current time.
- PAdES baseline B-T when ``horodateur`` is given: pyHanko asks the time-stamping authority
  (RFC 3161) for a token over the signature value and stores it as the unsigned CMS attribute
  ``signature-time-stamp-token``; the PDF structure is the same as for B-B (the token is inside
  ``/Contents``), so PDF/A is kept. pyHanko sends two requests: one to size the signature
  placeholder, then the real one. If the authority cannot be reached, refuses, or answers
  something else than a timestamp, signing fails (``ErreurSignature``): no act is ever signed
  without the timestamp the office configured.
- PAdES baseline B-LT when ``validation`` is given as well (``DonneesValidation``): once the
  B-T signature is made, the certificates of the signer's chain and of the time-stamping
  authority's chain are validated up to the roots given, with revocation data for each of
  them (CRLs or OCSP responses passed in, or fetched from the addresses the certificates
  declare when ``rechercher``), and all of it is stored in the document security store
  (``/DSS``, with its ``/VRI`` entry for the signature) in a second incremental update, written
  with the same metadata-preserving writer, so PDF/A is kept (ETSI EN 319 142-1, 6.3: B-LT is
  B-T plus the validation data in the DSS). Validation data must be complete ("require"
  mode): a certificate without revocation data, revoked, or not chaining to the roots given
  makes signing fail, nothing half-signed is returned.

Verification (``verifier_signature``): pyHanko's validation of the last signature, trust
settings stated once, here:

- trust roots: only the certificates passed as ``racines_de_confiance`` (for instance the
  office's certificate itself, or the certification authority of the profession). Never the
  operating system's store (pyHanko's fallback is deprecated and means nothing for a signed act);
  with no root given, ``de_confiance`` is False but integrity is still checked;
- no fetching (``allow_fetching=False``): revocation is checked only from what the document
  embeds, in pyHanko's "soft-fail" mode (missing revocation data is not an error); a B-B
  signature embeds none, so revocation is in fact not checked;
- key usage of the signer's certificate: digital signature or non-repudiation (either);
- validation time: ``le``, by default now (``/M`` is the signer's claim), so once the
  certificate has expired its signatures are no longer judged ``valide``, even with a
  timestamp;
- long-term validation (B-LT, ``niveau == "B-LT"``): when the document carries a DSS and a
  valid timestamp, the signer's certificate is validated a second time, at the time of the
  timestamp, with the revocation data of the DSS only (nothing fetched, revocation data
  required for every certificate, data issued after the timestamp accepted, as the DSS is
  filled just after it): ``valide_long_terme`` says whether the signature was valid when it
  was timestamped, which stays checkable after the certificate has expired;
- signature timestamp (B-T): its token is checked (intact, signed by a certificate with the
  ``timeStamping`` extended key usage, over this signature value) against
  ``racines_horodatage``, by default the same roots as the signer. A timestamp that does not
  check makes the signature not ``valide`` (pyHanko's bottom line); its time, its authority
  and its own status are reported (``horodatage``...). No timestamp: ``horodatage`` is None.

Left for later: archive timestamps (B-LTA, renewed before the algorithms age), a visible
signature block. pyHanko runs its signing and validation through ``asyncio.run``: call these
functions from a thread (``asyncio.to_thread``), not from inside a running event loop.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

from asn1crypto import cms as asn1_cms
from asn1crypto import core as asn1_core
from asn1crypto import keys as asn1_keys
from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import tsp as asn1_tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner, SimpleSigner
from pyhanko.sign.signers.constants import ESIC_EXTENSION_1
from pyhanko.sign.timestamps import HTTPTimeStamper, TimeStamper, TimestampRequestError
from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore, collect_validation_info
from pyhanko.sign.validation.errors import ValidationInfoReadingError
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.errors import (
    CRLValidationError,
    OCSPValidationError,
    PathBuildingError,
    PathValidationError,
    RevokedError,
    ValidationError,
)
from pyhanko_certvalidator.registry import SimpleCertificateStore

from clerc.actes.texte import date_longue
from clerc.rules.erreurs import ErreurClerc

__all__ = [
    "Certificat",
    "DonneesValidation",
    "ErreurSignature",
    "InfoSignature",
    "charger_certificat",
    "charger_racines",
    "horodateur_http",
    "signer_pdf",
    "verifier_signature",
]

ALGORITHME_CONDENSAT: Final = "sha256"
# Key usages accepted for the signer's certificate (either one is enough).
USAGES_SIGNATURE: Final = frozenset({"digital_signature", "non_repudiation"})
# Seconds allowed for each request to the time-stamping authority.
DELAI_HORODATAGE: Final = 10.0


class ErreurSignature(ErreurClerc):
    """A certificate cannot be used, or a PDF cannot be signed or verified (French message)."""


@dataclass(frozen=True)
class Certificat:
    """The signer's certificate with its private key (RSA or EC) and the rest of its chain."""

    certificat: x509.Certificate
    cle_privee: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey = field(repr=False)
    chaine: tuple[x509.Certificate, ...] = ()

    @property
    def nom(self) -> str:
        """Common name of the holder ("Maître Claire MARTIN, commissaire de justice")."""
        return _nom_commun(self.certificat)

    @property
    def debut_validite(self) -> datetime:
        return self.certificat.not_valid_before_utc

    @property
    def fin_validite(self) -> datetime:
        return self.certificat.not_valid_after_utc

    def verifier_validite(self, moment: datetime) -> None:
        """Raise ErreurSignature unless the certificate is valid at ``moment``."""
        if moment < self.debut_validite:
            raise ErreurSignature(
                f"Le certificat de « {self.nom} » n'est pas encore valide le "
                f"{date_longue(moment)} : il ne l'est qu'à partir du "
                f"{date_longue(self.debut_validite)}."
            )
        if moment > self.fin_validite:
            raise ErreurSignature(
                f"Le certificat de « {self.nom} » a expiré le {date_longue(self.fin_validite)} : "
                f"il n'est plus valide le {date_longue(moment)}. Renouvelez-le avant de signer."
            )


@dataclass(frozen=True)
class DonneesValidation:
    """What a PAdES B-LT signature needs to gather its long-term validation data.

    ``racines``: the roots the signer's chain and the time-stamping authority's chain end at
    (the certification authority of the commissaire's certificate, the authority's root);
    ``intermediaires``: intermediate certificates not carried by the PKCS#12 file or the
    timestamp; ``crls`` and ``ocsp``: revocation data already at hand (DER); ``rechercher``:
    fetch the missing revocation data from the addresses the certificates declare (CRL
    distribution points, OCSP responders) at signing time.
    """

    racines: tuple[x509.Certificate, ...]
    intermediaires: tuple[x509.Certificate, ...] = ()
    crls: tuple[bytes, ...] = ()
    ocsp: tuple[bytes, ...] = ()
    rechercher: bool = True


@dataclass(frozen=True)
class InfoSignature:
    """What ``verifier_signature`` reads and checks in the last signature of a PDF.

    ``intacte``: the signed bytes are those the signature was made on (a changed byte makes it
    False). ``couvre_tout_le_document``: nothing was appended after the signature.
    ``de_confiance``: the signer's certificate chains up to one of the trust roots given.
    ``valide``: pyHanko's bottom line: intact, cryptographically sound, trusted, with the right
    key usage and no forbidden change after signing, and its timestamp valid if it has one.
    ``horodatage``: time of the signature timestamp (PAdES B-T), None without one;
    ``autorite_horodatage``: the time-stamping authority (common name of its certificate);
    ``horodatage_de_confiance``: its certificate chains up to one of the timestamp trust roots;
    ``horodatage_valide``: the token is intact, sound, over this signature, and trusted.
    ``niveau``: the PAdES baseline level the document shows: "B-B", "B-T" (a signature
    timestamp) or "B-LT" (and a document security store); ``valide_long_terme``: B-LT only,
    the signature was valid at the time of its timestamp, judged on the data of the DSS alone.
    """

    nom_signataire: str
    moment: datetime | None
    intacte: bool
    couvre_tout_le_document: bool
    de_confiance: bool
    valide: bool
    motif: str | None
    lieu: str | None
    nom: str | None
    horodatage: datetime | None = None
    autorite_horodatage: str | None = None
    horodatage_de_confiance: bool = False
    horodatage_valide: bool = False
    niveau: str = "B-B"
    valide_long_terme: bool = False


def _nom_commun(certificat: x509.Certificate) -> str:
    noms = certificat.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    if noms:
        valeur = noms[0].value
        return valeur.decode() if isinstance(valeur, bytes) else valeur
    return certificat.subject.rfc4514_string()


def _maintenant() -> datetime:
    return datetime.now(UTC)


def _verifier_moment(moment: datetime) -> datetime:
    if moment.utcoffset() is None:
        raise ErreurSignature(
            f"Date de signature sans fuseau horaire ({moment.isoformat()}) : indiquez-le "
            "(par exemple datetime.now(UTC))."
        )
    return moment


def _est_pkcs12(donnees: bytes) -> bool:
    """The bytes are a well-formed PKCS#12 structure (whatever the password)."""
    try:
        asn1_pkcs12.Pfx.load(donnees, strict=True).native  # noqa: B018 (parses it all)
    except (ValueError, TypeError, KeyError):
        return False
    return True


def charger_certificat(
    chemin: Path, mot_de_passe: bytes | None, *, le: datetime | None = None
) -> Certificat:
    """Read a PKCS#12 file (.p12, .pfx): the certificate, its private key, its chain.

    ``le``: the day the certificate must be valid (by default now): an expired certificate
    is refused here already, not at signing time.
    Raises ErreurSignature (French) for a missing or unreadable file, a wrong password, a
    file without certificate or without private key, a key not matching the certificate, an
    unsupported key type, a certificate not meant for signing, or not valid on that day.
    """
    moment = _verifier_moment(le) if le is not None else _maintenant()
    chemin = Path(chemin)
    try:
        donnees = chemin.read_bytes()
    except FileNotFoundError as erreur:
        raise ErreurSignature(f"Fichier de certificat introuvable : « {chemin} ».") from erreur
    except OSError as erreur:
        raise ErreurSignature(
            f"Fichier de certificat illisible : « {chemin} » ({erreur.strerror or erreur})."
        ) from erreur
    try:
        cle, certificat, chaine = pkcs12.load_key_and_certificates(donnees, mot_de_passe)
    except ValueError as erreur:
        if not _est_pkcs12(donnees):
            raise ErreurSignature(
                f"« {chemin.name} » n'est pas un certificat au format PKCS#12 (.p12 ou .pfx)."
            ) from erreur
        if mot_de_passe is None:
            raise ErreurSignature(
                f"Le certificat « {chemin.name} » est protégé par un mot de passe : indiquez-le."
            ) from erreur
        raise ErreurSignature(
            f"Mot de passe incorrect pour le certificat « {chemin.name} »."
        ) from erreur
    if certificat is None and cle is None and chaine:
        certificat, *chaine = chaine  # a certificate alone is stored among the "other" ones
    if certificat is None:
        raise ErreurSignature(f"Le fichier « {chemin.name} » ne contient aucun certificat.")
    nom = _nom_commun(certificat)
    if cle is None:
        raise ErreurSignature(
            f"Le fichier « {chemin.name} » contient le certificat de « {nom} » sans sa clé "
            "privée : il ne permet pas de signer. Exportez le certificat avec sa clé privée."
        )
    if not isinstance(cle, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise ErreurSignature(
            f"Type de clé non pris en charge pour le certificat de « {nom} » "
            f"({type(cle).__name__}) : seules les clés RSA et à courbe elliptique le sont."
        )
    public = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    if cle.public_key().public_bytes(*public) != certificat.public_key().public_bytes(*public):
        raise ErreurSignature(
            f"La clé privée de « {chemin.name} » ne correspond pas au certificat de « {nom} »."
        )
    try:
        usages = certificat.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        pass
    else:
        if not (usages.digital_signature or usages.content_commitment):
            raise ErreurSignature(
                f"Le certificat de « {nom} » n'est pas destiné à la signature (usages de la "
                "clé : ni signature numérique, ni non-répudiation)."
            )
    resultat = Certificat(certificat=certificat, cle_privee=cle, chaine=tuple(chaine))
    resultat.verifier_validite(moment)
    return resultat


def charger_racines(chemin: Path) -> tuple[x509.Certificate, ...]:
    """Read the root certificates of a PEM file (the profession's CA, the TSA's root...).

    Raises ErreurSignature (French) for a missing or unreadable file, or one without any
    PEM certificate.
    """
    chemin = Path(chemin)
    try:
        donnees = chemin.read_bytes()
    except FileNotFoundError as erreur:
        raise ErreurSignature(f"Fichier des certificats racines introuvable : « {chemin} ».") from (
            erreur
        )
    except OSError as erreur:
        raise ErreurSignature(
            f"Fichier des certificats racines illisible : « {chemin} » "
            f"({erreur.strerror or erreur})."
        ) from erreur
    try:
        racines = tuple(x509.load_pem_x509_certificates(donnees))
    except ValueError as erreur:
        raise ErreurSignature(
            f"« {chemin.name} » ne contient aucun certificat au format PEM "
            "(« -----BEGIN CERTIFICATE----- »)."
        ) from erreur
    return racines


class _ReponseHorodatage(asn1_core.Sequence):  # type: ignore[misc]
    """RFC 3161 TimeStampResp, with the token optional as in the RFC (not in asn1crypto)."""

    _fields = [  # noqa: RUF012 (asn1crypto's declaration style)
        ("status", asn1_tsp.PKIStatusInfo),
        ("time_stamp_token", asn1_cms.ContentInfo, {"optional": True}),
    ]


class _HorodateurHttp(HTTPTimeStamper):
    """pyHanko's HTTP client, which also reads a refusal of the authority.

    A refusal carries no token (RFC 3161, 2.4.2), which asn1crypto's TimeStampResp requires:
    pyHanko would fail on it with a parsing error instead of the authority's reason. An
    unparsable answer becomes a TimestampRequestError as well, like the network errors.
    """

    async def async_request_tsa_response(self, req: Any) -> Any:
        try:
            reponse = await super().async_request_tsa_response(req)
            lue = _ReponseHorodatage.load(reponse.dump())
            statut = lue["status"]
            etat = statut["status"].native
            motifs = "; ".join(statut["status_string"].native or [])
            defauts = "; ".join(statut["fail_info"].native or [])
        except (ValueError, TypeError, KeyError) as erreur:
            raise TimestampRequestError(f"réponse illisible ({erreur})") from erreur
        if etat not in ("granted", "granted_with_mods"):
            precisions = " ; ".join(f"« {t} »" for t in (motifs, defauts) if t)
            raise TimestampRequestError(
                f"refus de l'autorité, statut {etat}" + (f" : {precisions}" if precisions else "")
            )
        return reponse


def horodateur_http(url: str, *, delai: float = DELAI_HORODATAGE) -> TimeStamper:
    """The timestamper of an RFC 3161 time-stamping authority reached over HTTP(S) at ``url``.

    Nothing is sent here; ``signer_pdf`` sends the requests. Raises ErreurSignature (French)
    for an address that is not an http:// or https:// URL.
    """
    adresse = url.strip()
    parties = urlsplit(adresse)
    if parties.scheme not in ("http", "https") or not parties.netloc:
        raise ErreurSignature(
            f"Adresse du serveur d'horodatage invalide : « {url} » (attendu : une adresse "
            "http:// ou https://, celle que l'autorité d'horodatage indique)."
        )
    return _HorodateurHttp(adresse, timeout=delai)


def _asn1_certificat(certificat: x509.Certificate) -> Any:
    return asn1_x509.Certificate.load(certificat.public_bytes(serialization.Encoding.DER))


def _signataire_pyhanko(certificat: Certificat) -> SimpleSigner:
    cle = certificat.cle_privee.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    autres = SimpleCertificateStore()  # type: ignore[no-untyped-call]
    autres.register_multiple(_asn1_certificat(c) for c in certificat.chaine)
    return SimpleSigner(
        signing_cert=_asn1_certificat(certificat.certificat),
        signing_key=asn1_keys.PrivateKeyInfo.load(cle),
        cert_registry=autres,
    )


class _MiseAJourIncrementale(IncrementalPdfFileWriter):
    """An incremental update that leaves the XMP packet and the Info dictionary untouched."""

    def _update_meta(self) -> None:
        # pyHanko would rewrite the XMP (and Info) of the document here: see the module doc.
        return


class _SignatairePdf(PdfSigner):
    """pyHanko's PdfSigner with a fixed signing time and the PDF version left as it is."""

    def __init__(
        self,
        metadonnees: PdfSignatureMetadata,
        signataire: SimpleSigner,
        moment: datetime,
        horodateur: TimeStamper | None = None,
    ) -> None:
        super().__init__(metadonnees, signataire, timestamper=horodateur)
        self._moment = moment

    def init_signing_session(self, pdf_out: Any, existing_fields_only: bool = False) -> Any:
        session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
        session.system_time = self._moment  # /M of the signature dictionary
        return session

    def register_extensions(self, pdf_out: Any, *, md_algorithm: str) -> None:
        # PAdES in PDF 1.7 is declared by the ESIC extension; no PDF 2.0 extension (ISO 32001,
        # 32002), which would make the document claim PDF 2.0 and so leave PDF/A-2.
        if pdf_out.output_version < (2, 0):
            pdf_out.ensure_output_version((1, 7))
            pdf_out.register_extension(ESIC_EXTENSION_1)


def signer_pdf(
    pdf: bytes,
    certificat: Certificat,
    *,
    motif: str,
    lieu: str,
    nom: str,
    moment: datetime | None = None,
    horodateur: TimeStamper | None = None,
    validation: DonneesValidation | None = None,
) -> bytes:
    """Sign ``pdf`` (PAdES baseline B-B, B-T with ``horodateur``, B-LT with ``validation``
    as well) with ``certificat``.

    ``motif``, ``lieu``, ``nom``: reason, location and signer's name written in the signature;
    ``moment``: signing time (timezone-aware; by default now), at which the certificate must be
    valid; ``horodateur``: the time-stamping authority that timestamps the signature
    (``horodateur_http``), none by default; ``validation``: where the validation data of a
    B-LT signature come from (it needs ``horodateur``). The signature (and the validation
    data) are appended as incremental updates: a PDF/A input stays PDF/A. Returns the signed
    PDF.
    Raises ErreurSignature (French) when the certificate is not valid then, the PDF cannot be
    signed (unreadable, encrypted...), the timestamp cannot be obtained, or the validation
    data are incomplete or show a revoked certificate.
    """
    if validation is not None and horodateur is None:
        raise ErreurSignature(
            "Une signature longue durée (PAdES B-LT) doit être horodatée : configurez "
            "l'autorité d'horodatage de l'étude."
        )
    moment = _verifier_moment(moment) if moment is not None else _maintenant()
    certificat.verifier_validite(moment)
    try:
        ecrivain = _MiseAJourIncrementale(io.BytesIO(pdf))
    except (PdfError, ValueError) as erreur:
        raise ErreurSignature(f"Le PDF à signer est illisible : {erreur}.") from erreur
    if ecrivain.prev.encrypted:
        raise ErreurSignature("Le PDF à signer est chiffré : un acte ne peut pas l'être.")
    nombre_signatures = len(ecrivain.prev.embedded_signatures)
    metadonnees = PdfSignatureMetadata(
        field_name=f"Signature{nombre_signatures + 1}",
        md_algorithm=ALGORITHME_CONDENSAT,
        subfilter=SigSeedSubFilter.PADES,
        reason=motif,
        location=lieu,
        name=nom,
    )
    signataire = _SignatairePdf(metadonnees, _signataire_pyhanko(certificat), moment, horodateur)
    try:
        sortie = signataire.sign_pdf(ecrivain)
    except (SigningError, PdfError, ValueError) as erreur:
        raise ErreurSignature(f"La signature du PDF a échoué : {erreur}.") from erreur
    except OSError as erreur:
        # pyHanko wraps network errors and refusals of the authority in TimestampRequestError
        # (an OSError); the timestamper of a test or another client may raise a bare OSError.
        if horodateur is None:
            raise
        raise ErreurSignature(_echec_horodatage(horodateur, erreur)) from erreur
    resultat: bytes = sortie.getvalue()
    if validation is not None:
        resultat = asyncio.run(_ajouter_donnees_validation(resultat, certificat, validation))
    return resultat


def _contexte_collecte(certificat: Certificat, validation: DonneesValidation) -> ValidationContext:
    return ValidationContext(
        trust_roots=[_asn1_certificat(r) for r in validation.racines],
        other_certs=[_asn1_certificat(c) for c in (*certificat.chaine, *validation.intermediaires)],
        crls=list(validation.crls),
        ocsps=list(validation.ocsp),
        allow_fetching=validation.rechercher,
        revocation_mode="require",  # B-LT: revocation data for every certificate, or nothing
    )


async def _ajouter_donnees_validation(
    pdf: bytes, certificat: Certificat, validation: DonneesValidation
) -> bytes:
    """Append the DSS of the last signature of ``pdf`` (PAdES B-LT), keeping PDF/A."""
    lecteur = PdfFileReader(io.BytesIO(pdf))
    signature = max(lecteur.embedded_regular_signatures, key=lambda s: s.signed_revision)
    contexte = _contexte_collecte(certificat, validation)
    try:
        chemins = await collect_validation_info(signature, contexte)
        ecrivain = _MiseAJourIncrementale.from_reader(lecteur)
        DocumentSecurityStore.supply_dss_in_writer(
            ecrivain,
            signature.pkcs7_content.hex().encode("ascii"),
            validation_context=contexte,
            paths=chemins,
        )
    except RevokedError as erreur:
        raise ErreurSignature(
            f"Certificat révoqué : {erreur}. L'acte n'est pas signé ; la signature longue "
            "durée (PAdES B-LT) exige des certificats non révoqués."
        ) from erreur
    except (PathBuildingError, PathValidationError, ValidationError) as erreur:
        raise ErreurSignature(
            "Données de validation incomplètes pour la signature longue durée (PAdES B-LT) : "
            f"{erreur}. L'acte n'est pas signé ; vérifiez les certificats racines configurés et "
            "l'accès aux listes de révocation (CRL) ou aux répondeurs OCSP."
        ) from erreur
    except (CRLValidationError, OCSPValidationError, OSError) as erreur:
        raise ErreurSignature(
            f"Listes de révocation injoignables ou illisibles : {erreur}. L'acte n'est pas "
            "signé (PAdES B-LT)."
        ) from erreur
    finally:
        await contexte.aclose()  # type: ignore[no-untyped-call]
    sortie = io.BytesIO()
    ecrivain.write(sortie)  # type: ignore[no-untyped-call]
    return sortie.getvalue()


def _echec_horodatage(horodateur: TimeStamper, erreur: BaseException) -> str:
    url = getattr(horodateur, "url", None)
    serveur = f"le serveur d'horodatage « {url} »" if url else "le serveur d'horodatage"
    details = [str(erreur)]
    cause = str(erreur.__cause__ or "")
    if cause and cause not in details[0]:
        details.append(cause)  # the network or HTTP error pyHanko wrapped
    return (
        f"Horodatage de la signature impossible : {serveur} est injoignable ou a refusé la "
        f"demande ({' : '.join(details)}). L'acte n'est pas signé ; réessayez, ou vérifiez "
        "l'adresse de l'autorité d'horodatage."
    )


def _chaine(valeur: Any) -> str | None:
    return None if valeur is None else str(valeur)


def _nom_du_certificat(certificat: Any) -> str:
    sujet = certificat.subject
    return str(sujet.native.get("common_name") or sujet.human_friendly)


def _contexte(racines: list[Any], le: datetime | None) -> ValidationContext:
    return ValidationContext(
        trust_roots=racines, moment=le, allow_fetching=False, revocation_mode="soft-fail"
    )


def _dss(lecteur: PdfFileReader) -> DocumentSecurityStore | None:
    try:
        return DocumentSecurityStore.read_dss(lecteur)
    except ValidationInfoReadingError:
        return None


def _valide_long_terme(
    signature: Any,
    dss: DocumentSecurityStore,
    racines: list[Any],
    racines_tsa: list[Any],
    horodatage: datetime,
) -> bool:
    """The signature was valid at the time of its timestamp, on the DSS's data alone (B-LT)."""

    def contexte(racines_: list[Any]) -> ValidationContext:
        return dss.as_validation_context(
            {
                "trust_roots": racines_,
                "moment": horodatage,
                "allow_fetching": False,
                "revocation_mode": "require",
                "retroactive_revinfo": True,  # the DSS is filled just after the timestamp
            }
        )

    etat = validate_pdf_signature(
        signature,
        signer_validation_context=contexte(racines),
        ts_validation_context=contexte(racines_tsa),
        key_usage_settings=KeyUsageConstraints(key_usage=set(USAGES_SIGNATURE)),
    )
    return bool(etat.bottom_line)


def _racines(racines: Iterable[x509.Certificate | Certificat]) -> list[Any]:
    return [_asn1_certificat(r.certificat if isinstance(r, Certificat) else r) for r in racines]


def verifier_signature(
    pdf: bytes,
    *,
    racines_de_confiance: Iterable[x509.Certificate | Certificat] = (),
    racines_horodatage: Iterable[x509.Certificate] | None = None,
    le: datetime | None = None,
) -> InfoSignature:
    """Check the last signature of ``pdf`` and read it back.

    ``racines_de_confiance``: the only certificates trusted (see the module doc for every
    trust setting); none by default. ``racines_horodatage``: the only certificates trusted for
    the signature timestamp, if any (the time-stamping authority's root); by default the
    same as ``racines_de_confiance``. ``le``: the time the signature is judged at (by default
    now). A changed byte does not raise: ``intacte`` is False.
    Raises ErreurSignature (French) when the PDF is unreadable, carries no signature, or its
    signature cannot be analysed at all.
    """
    racines = _racines(racines_de_confiance)
    racines_tsa = racines if racines_horodatage is None else _racines(racines_horodatage)
    try:
        lecteur = PdfFileReader(io.BytesIO(pdf))
        signatures = lecteur.embedded_regular_signatures
    except (PdfError, ValueError, KeyError) as erreur:
        raise ErreurSignature(f"Le PDF signé est illisible : {erreur}.") from erreur
    if not signatures:
        raise ErreurSignature("Ce PDF ne porte aucune signature.")
    signature = max(signatures, key=lambda s: s.signed_revision)
    try:
        etat = validate_pdf_signature(
            signature,
            signer_validation_context=_contexte(racines, le),
            ts_validation_context=_contexte(racines_tsa, le),
            key_usage_settings=KeyUsageConstraints(key_usage=set(USAGES_SIGNATURE)),
        )
        jeton = etat.timestamp_validity  # the signature timestamp (B-T), if any
        dss = _dss(lecteur) if jeton is not None else None
        long_terme = (
            jeton is not None
            and dss is not None
            and bool(jeton.intact and jeton.valid and jeton.trusted)
            and _valide_long_terme(signature, dss, racines, racines_tsa, jeton.timestamp)
        )
    except (PdfError, ValueError, KeyError) as erreur:
        raise ErreurSignature(f"La signature du PDF ne peut pas être vérifiée : {erreur}.") from (
            erreur
        )
    dictionnaire = signature.sig_object
    return InfoSignature(
        nom_signataire=_nom_du_certificat(etat.signing_cert),
        moment=etat.signer_reported_dt,
        intacte=bool(etat.intact),
        couvre_tout_le_document=etat.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        de_confiance=bool(etat.trusted),
        valide=bool(etat.bottom_line),
        motif=_chaine(dictionnaire.get("/Reason")),
        lieu=_chaine(dictionnaire.get("/Location")),
        nom=_chaine(dictionnaire.get("/Name")),
        horodatage=None if jeton is None else jeton.timestamp,
        autorite_horodatage=None if jeton is None else _nom_du_certificat(jeton.signing_cert),
        horodatage_de_confiance=jeton is not None and bool(jeton.trusted),
        horodatage_valide=jeton is not None
        and bool(jeton.intact and jeton.valid and jeton.trusted),
        niveau="B-B" if jeton is None else ("B-T" if dss is None else "B-LT"),
        valide_long_terme=long_terme,
    )
