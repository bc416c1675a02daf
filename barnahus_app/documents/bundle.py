"""Prosecutor bundles: a BagIt bag (RFC 8493) that anyone can check without our software.

The bag's tag manifest is signed by the centre (detached CMS, DER), and the signing and CA
certificates travel in the payload, so a recipient needs only `bagit.py --validate` and
`openssl cms -verify` (data/HOW-TO-VERIFY.txt spells both out). Trust comes from comparing the CA
fingerprint with one the centre gave out of band; everything inside the bag only proves that
nothing changed after signing.

A bundle is written into a hidden sibling of its destination and renamed into place only when it
is complete and signed, so a cancelled or failed run leaves nothing behind."""
from __future__ import annotations

import csv
import datetime as dt
import errno
import hashlib
import io
import os
import re
import shutil
import stat
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

import pyzipper
from asn1crypto import cms as asn1_cms
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID

from barnahus_app import __version__
from barnahus_app.recordings import hashing
from barnahus_app.documents import pki
from barnahus_app.errors import Cancelled, DiskFull, EvidenceAltered, RecordFileError, ValidationError
from barnahus_app.files import fsync_folder, partial_name, publish_new, remove_partial, write_new_file

BAGIT_TXT = "bagit.txt"
BAG_INFO = "bag-info.txt"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
SIGNATURE = "tagmanifest-sha256.txt.p7s"
SIGNING_CERT = "data/certificates/centre-signing-certificate.pem"
CA_CERT = "data/certificates/centre-ca-certificate.pem"
HOW_TO = "data/HOW-TO-VERIFY.txt"
# The registered SHA-256 of every recording, beside the copies in the bundle: each copy is known
# twice (here and in manifest-sha256.txt), and verify_bundle fails when the two disagree.
RECORDINGS_MANIFEST = "data/recordings/recordings-manifest.csv"
# Medical images never travel in a bundle, and a bundle never names one that was not released for
# it: only the case's images with a release for the prosecutor bundle (a custody event with the
# requester, legal basis and receipt: medical.evidence.released_images) are listed, with their
# registered SHA-256. Unreleased images are left out (export_bundle counts them). The file is
# there only when the case has images.
IMAGES_MANIFEST = "data/images/images-released.csv"
IMAGES_PURPOSE = "prosecutor_bundle"
IMAGES_COLUMNS = ("image", "examination", "derived_from", "sha256", "size_bytes", "released", "released_to",
                  "legal_basis", "receipt", "release_event", "time_zone")

BAGIT_VALIDATE = "bagit.py --validate ."
OPENSSL_VERIFY = ("openssl cms -verify -binary -inform DER -in tagmanifest-sha256.txt.p7s "
                  "-content tagmanifest-sha256.txt -CAfile data/certificates/centre-ca-certificate.pem "
                  "-purpose any")

RESERVED_INFO = ("Bagging-Date", "Payload-Oxum", "Bag-Software-Agent", "Bag-Size")
# WinZip AES derives its key with only 1000 PBKDF2-SHA1 rounds, so the passphrase carries the
# strength against guessing.
MIN_PASSPHRASE = 12
# Tag files and certificates are read into memory; a hostile bag must not exhaust it.
MAX_TAG_FILE = 64 * 1024 * 1024
# pyzipper decides on ZIP64 headers when an entry is opened; above this, ask for them up front.
ZIP64_FROM = 1 << 31


@dataclass(frozen=True)
class BundleFile:
    arcname: str                  # path under data/, posix, e.g. "summary/case-summary.pdf"
    source: bytes | Path          # bytes in memory, or a file to copy (recordings, maybe GBs)
    # Evidence: the SHA-256 registered for it. The copy is hashed while it is written (one pass)
    # and the whole bundle is refused (EvidenceAltered, nothing left) when the two differ.
    expected_sha256: str | None = None
    label: str = ""               # how the refusal names it ("recording 7")
    key: object = None            # handed back in EvidenceAltered.key


@dataclass(frozen=True)
class BundleResult:
    path: Path
    sha256: str                   # of the zip file, or of tagmanifest-sha256.txt for a folder
    payload_bytes: int
    payload_files: int


@dataclass(frozen=True)
class BundleReport:
    ok: bool
    problems: tuple[str, ...]     # each "<file in the bag>: what is wrong"
    files_checked: int            # payload files whose SHA-256 was compared
    signer: str
    ca_fingerprint: str           # SHA-256 of data/certificates/centre-ca-certificate.pem, hex
    signed_at: str | None         # the signature's signingTime, ISO 8601 UTC
    ca_name: str = ""             # the CA certificate's organisation (or common) name


# ---------------------------------------------------------------------------------------------
# Names

_WINDOWS_FORBIDDEN = set('<>:"|?*')
_WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                    *(f"LPT{i}" for i in range(1, 10))}
# Bidirectional controls can make "gpj.exe" display as "exe.jpg".
_BIDI = set("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _bad_char(ch: str) -> bool:
    # Zl/Zp: some readers split lines on U+2028/U+2029, which would break a manifest line.
    return unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or ch in _BIDI


def _component_problem(part: str) -> str | None:
    """Why one path component would not survive the trip to a recipient's computer, or None."""
    if part in ("", ".", ".."):
        return "has an empty, '.' or '..' part"
    if any(_bad_char(ch) for ch in part):
        return "contains a control character"
    if "%" in part:
        # RFC 8493 wants '%' written as %25 in manifests, but bagit-python does not decode it,
        # so a recipient's check would fail either way.
        return "contains '%', which BagIt tools do not agree on"
    if any(ch in _WINDOWS_FORBIDDEN for ch in part):
        return 'contains one of < > : " | ? *, which Windows cannot store'
    if part != part.strip() or part.endswith("."):
        # bagit-python strips manifest lines; Windows drops trailing dots and spaces.
        return "starts or ends with a space, or ends with a dot"
    if part.split(".")[0].upper() in _WINDOWS_DEVICES:
        return "is a reserved device name on Windows"
    return None


def safe_name(text: str, fallback: str = "file", limit: int = 120) -> str:
    """text made into one path component that write_bundle accepts, for names that come from
    outside (a recording's original file name): refused characters become '_'."""
    name = unicodedata.normalize("NFC", text or "")
    name = "".join("_" if _bad_char(c) or c in _WINDOWS_FORBIDDEN or c in "/\\%" else c for c in name)
    if len(name) > limit:   # long names break Windows paths; keep the extension
        stem, ext = os.path.splitext(name)
        ext = ext if len(ext) <= 16 else ""
        name = stem[:limit - len(ext)] + ext
    while name != name.strip() or name.endswith("."):
        name = name.strip().rstrip(".")
    if not name:
        name = fallback
    if name.split(".")[0].upper() in _WINDOWS_DEVICES:
        name = "_" + name
    return name


def _check_arcname(name) -> str:
    if not isinstance(name, str):
        raise ValidationError("arcname", f"{name!r} is not text.")
    shown = repr(name)
    if not name:
        raise ValidationError("arcname", "a bundle file has an empty name.")
    if "\\" in name:
        raise ValidationError("arcname", f"{shown} contains a backslash; use '/' between folders.")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise ValidationError("arcname", f"{shown} is an absolute path; give a path under data/.")
    for part in name.split("/"):
        why = _component_problem(part)
        if why:
            raise ValidationError("arcname", f"{shown} {why}.")
    return name


def _same_name_key(name: str) -> str:
    # Windows and macOS treat names differing only in case or Unicode form as one file.
    return unicodedata.normalize("NFC", name).casefold()


def _check_unique(names: list[str], reserved: set[str]) -> None:
    seen: dict[str, str] = {}
    for name in names:
        key = _same_name_key(name)
        if key in seen:
            if name in reserved or seen[key] in reserved:
                raise ValidationError("arcname", f"{name!r} is used by the bundle itself; choose "
                                                 "another name.")
            raise ValidationError("arcname", f"{name!r} appears twice (names differing only in "
                                             "case count as the same on Windows and macOS).")
        seen[key] = name
    # A file and a folder of the same name cannot both exist.
    for key, name in seen.items():
        parts = key.split("/")
        for i in range(1, len(parts)):
            if "/".join(parts[:i]) in seen:
                raise ValidationError("arcname", f"{seen['/'.join(parts[:i])]!r} is both a file and "
                                                 f"the folder holding {name!r}.")


def _check_bag_info(bag_info: dict[str, str]) -> list[tuple[str, str]]:
    fields = []
    reserved = {r.casefold() for r in RESERVED_INFO}
    for label, value in (bag_info or {}).items():
        if not isinstance(label, str) or not isinstance(value, str):
            raise ValidationError("bag_info", f"{label!r}: labels and values must be text.")
        if not label or label != label.strip() or ":" in label or any(_bad_char(c) for c in label):
            raise ValidationError("bag_info", f"{label!r} is not a usable label (no colon, no "
                                              "line break, no space at either end).")
        if label.casefold() in reserved:
            raise ValidationError("bag_info", f"{label!r} is written by the bundle itself.")
        if any(_bad_char(c) for c in value):
            raise ValidationError("bag_info", f"{label}: the value must be one line without "
                                              "control characters.")
        fields.append((label, value.strip()))
    return fields


def _encode_path(path: str) -> str:
    """RFC 8493 2.1.3: only CR, LF and % are percent-encoded in manifest file paths."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _decode_path(path: str) -> str:
    return re.sub(r"%(0[AaDd]|25)", lambda m: chr(int(m.group(1), 16)), path)


def _human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if n < 1000 or unit == "TB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    raise AssertionError


def _how_to_verify(ca_fingerprint: str) -> bytes:
    text = f"""How to check this bundle without Barnahus Case Record
=====================================================

This folder is a BagIt bag (RFC 8493). manifest-sha256.txt lists every file under data/ with its
SHA-256 hash; tagmanifest-sha256.txt lists the hashes of bagit.txt, bag-info.txt and
manifest-sha256.txt; and tagmanifest-sha256.txt.p7s is the centre's signature (CMS, DER) over
tagmanifest-sha256.txt. A change to any file breaks a hash, and a change to a hash list breaks the
signature.

If you received a .zip file, extract it first (7-Zip asks for the passphrase if it is encrypted).
Then open a terminal in the bundle folder, the one holding bagit.txt, and run:

1. The files against the manifests (needs Python and bagit: pip install bagit):

   {BAGIT_VALIDATE}

   ("bagit.py --validate <bundle folder>" from anywhere else.) It ends with "is valid".

2. The centre's signature over the manifests (needs OpenSSL 1.1 or later):

   {OPENSSL_VERIFY}

   It prints the signed list and "CMS Verification successful". If the centre's certificate has
   expired since the bundle was signed, add "-attime <signing time in seconds since 1970>"; the
   signing time is shown by: openssl cms -cmsout -print -inform DER -in tagmanifest-sha256.txt.p7s

3. That the signature is the centre's and not someone else's. Anyone who changes this bundle
   can sign it again with a certificate of their own that bears the centre's name, and rewrite
   this very text too: NOTHING WRITTEN INSIDE THIS BUNDLE CAN BE TRUSTED, including this file.
   Only the fingerprint of the centre's CA certificate that the centre gave you by letter or by
   phone (never by the e-mail or the medium that brought this bundle) tells the two apart.
   Print the fingerprint of the CA certificate in this bundle

   openssl x509 -in data/certificates/centre-ca-certificate.pem -noout -fingerprint -sha256

   and compare every digit with the one the centre gave you. With Barnahus Case Record, put that
   fingerprint in a trust file (one line: the fingerprint, then the centre's name) and run

   barnahus verify-bundle <bundle> --trust <trust file>

   which answers "Signed by <centre>, whose certificate matches your trusted fingerprint" or
   "NOT signed by a centre you trust". This bundle claims its CA fingerprint is

   {pki.colon_fingerprint(ca_fingerprint)}

   which proves nothing by itself: only the comparison with the value given separately does.
"""
    return text.encode("utf-8")


# ---------------------------------------------------------------------------------------------
# Certificates and the CMS signature

def _common_name(cert: x509.Certificate) -> str:
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else cert.subject.rfc4514_string()


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        if not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca:
            return False
    except x509.ExtensionNotFound:
        return False
    try:
        return cert.extensions.get_extension_for_class(x509.KeyUsage).value.key_cert_sign
    except x509.ExtensionNotFound:
        return True


def _issued_by(child: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        child.verify_directly_issued_by(issuer)
        return True
    except (ValueError, TypeError, InvalidSignature):
        return False


def _chain_to(leaf: x509.Certificate, pool: list[x509.Certificate],
              ca: x509.Certificate) -> list[x509.Certificate] | None:
    """leaf, any intermediates from pool, ca; or None when leaf does not lead to ca. leaf == ca
    is a self-signed certificate imported as the centre's own."""
    chain, current = [leaf], leaf
    for _ in range(8):
        if current == ca:
            return chain
        if _is_ca(ca) and _issued_by(current, ca):
            return chain + [ca]
        nxt = next((c for c in pool if c not in chain and c != ca and _is_ca(c)
                    and _issued_by(current, c)), None)
        if nxt is None:
            return None
        chain.append(nxt)
        current = nxt
    return None


def _valid_at(cert: x509.Certificate, when: dt.datetime) -> bool:
    return cert.not_valid_before_utc <= when <= cert.not_valid_after_utc


@dataclass
class _Signer:
    key: object
    cert: x509.Certificate
    extra: list[x509.Certificate]
    ca: x509.Certificate
    ca_pem: str


def _load_signer(credentials: pki.Credentials) -> _Signer:
    """The credentials, checked now so that a bundle we make also passes verify_bundle."""
    try:
        key = serialization.load_pem_private_key(credentials.key_pem.encode(), None)
        cert = credentials.cert
        extra = [x509.load_pem_x509_certificate(p.encode()) for p in credentials.chain_pems]
        ca = x509.load_pem_x509_certificate(credentials.root_pem.encode())
    except (ValueError, TypeError, AttributeError):
        raise ValidationError("credentials", "the centre's signing key or certificates cannot be "
                                             "read.") from None
    if not isinstance(key, (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey)):
        raise ValidationError("credentials", "the signing key is neither RSA nor EC.")
    if key.public_key().public_numbers() != cert.public_key().public_numbers():
        raise ValidationError("credentials", "the signing key does not belong to the signing "
                                             "certificate.")
    now = dt.datetime.now(dt.timezone.utc)
    chain = _chain_to(cert, extra, ca)
    if chain is None:
        raise ValidationError("credentials", "the signing certificate was not issued by the "
                                             "centre's CA certificate.")
    for c in chain:
        if not _valid_at(c, now):
            raise ValidationError("credentials", f"the certificate '{_common_name(c)}' is not valid "
                                                 f"today (valid {c.not_valid_before_utc:%Y-%m-%d} to "
                                                 f"{c.not_valid_after_utc:%Y-%m-%d}).")
    return _Signer(key, cert, [c for c in extra if c != cert], ca, credentials.root_pem)


def _sign(data: bytes, signer: _Signer) -> bytes:
    """Detached CMS SignedData over the exact bytes (Binary: no MIME line-ending conversion)."""
    builder = pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(
        signer.cert, signer.key, hashes.SHA256())
    for cert in signer.extra:
        builder = builder.add_certificate(cert)
    return builder.sign(serialization.Encoding.DER,
                        [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary,
                         pkcs7.PKCS7Options.NoCapabilities])


_HASHES = {"sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}


def _check_signature(sig: bytes, content: bytes, signing_pem: bytes | None,
                     ca_pem: bytes | None) -> tuple[list[str], str, str, str | None]:
    """(problems, signer name, CA fingerprint, signing time) for a detached CMS signature over
    content, checked offline against the two certificate files of the payload."""
    problems: list[str] = []
    signer_name, ca_fp, signed_at = "", "", None

    def load_pem(data: bytes | None, name: str) -> x509.Certificate | None:
        if data is None:
            return None
        try:
            return x509.load_pem_x509_certificate(data)
        except ValueError:
            problems.append(f"{name}: not a PEM certificate")
            return None

    ca = load_pem(ca_pem, CA_CERT)
    if ca is not None:
        ca_fp = ca.fingerprint(hashes.SHA256()).hex()
    file_cert = load_pem(signing_pem, SIGNING_CERT)

    # asn1crypto parses lazily, so a malformed signature can fail at any access below.
    try:
        info = asn1_cms.ContentInfo.load(sig)
        if info["content_type"].native != "signed_data":
            raise ValueError
        sd = info["content"]
        if sd["encap_content_info"]["content"].native is not None:
            problems.append(f"{SIGNATURE}: embeds its content instead of signing "
                            f"{TAGMANIFEST} separately")
        signer_infos = list(sd["signer_infos"])
        pool = [x509.load_der_x509_certificate(c.chosen.dump()) for c in sd["certificates"]
                if c.name == "certificate"]
        if len(signer_infos) != 1:
            problems.append(f"{SIGNATURE}: holds {len(signer_infos)} signatures instead of one")
            return problems, signer_name, ca_fp, signed_at
        si = signer_infos[0]
        sid = si["sid"]
        if sid.name == "issuer_and_serial_number":
            issuer, serial = sid.chosen["issuer"].dump(), sid.chosen["serial_number"].native
            cms_cert = next((c for c in pool if c.serial_number == serial
                             and c.issuer.public_bytes() == issuer), None)
        else:
            ski = sid.chosen.native
            cms_cert = next((c for c in pool if _ski(c) == ski), None)
        digest_name = si["digest_algorithm"]["algorithm"].native
        if si["signed_attrs"].native is None:
            attrs, signed_attrs = {}, b""
        else:
            attrs = {a["type"].native: a["values"][0] for a in si["signed_attrs"]}
            signed_attrs = b"\x31" + si["signed_attrs"].dump()[1:]   # signed as SET OF, not [0]
        signature = si["signature"].native
        sig_alg = si["signature_algorithm"]
    except Exception:  # noqa: BLE001 - any parse failure means the same to the recipient
        problems.append(f"{SIGNATURE}: not a readable CMS signature")
        return problems, signer_name, ca_fp, signed_at

    if cms_cert is None:
        problems.append(f"{SIGNATURE}: does not hold the certificate of its signer")
        return problems, signer_name, ca_fp, signed_at
    signer_name = _common_name(cms_cert)
    if digest_name not in _HASHES or "message_digest" not in attrs or "content_type" not in attrs:
        problems.append(f"{SIGNATURE}: not a SHA-256 CMS signature with signed attributes")
        return problems, signer_name, ca_fp, signed_at
    digest = hashlib.new(digest_name, content).digest()
    if attrs["content_type"].native != "data":
        problems.append(f"{SIGNATURE}: signs content of type {attrs['content_type'].native}")
    if attrs["message_digest"].native != digest:
        # Either file may be the changed one; a hand edit of the text file is the likely case.
        problems.append(f"{TAGMANIFEST}: does not match its signature {SIGNATURE} (one of the two "
                        "was changed after signing)")
    elif not _signature_valid(cms_cert, signature, signed_attrs, sig_alg, _HASHES[digest_name]()):
        problems.append(f"{SIGNATURE}: the signature value is not valid for its certificate")
    when = None
    if "signing_time" in attrs:
        when = attrs["signing_time"].native
        signed_at = when.astimezone(dt.timezone.utc).isoformat()
    else:
        problems.append(f"{SIGNATURE}: holds no signing time, so the certificates' validity "
                        "cannot be checked")

    if file_cert is not None and cms_cert != file_cert:
        problems.append(f"{SIGNATURE}: signed by '{signer_name}', not by the certificate in "
                        f"{SIGNING_CERT}")
        return problems, signer_name, ca_fp, signed_at
    leaf_file = SIGNING_CERT if file_cert is not None else SIGNATURE
    if ca is None:
        return problems, signer_name, ca_fp, signed_at
    chain = _chain_to(cms_cert, pool, ca)
    if chain is None:
        problems.append(f"{leaf_file}: not issued by the CA certificate in {CA_CERT}")
        return problems, signer_name, ca_fp, signed_at
    if when is not None:
        for i, cert in enumerate(chain):
            name = leaf_file if i == 0 else CA_CERT if cert == ca else SIGNATURE
            if not _valid_at(cert, when):
                problems.append(f"{name}: '{_common_name(cert)}' was not valid at the signing time "
                                f"{signed_at} (valid {cert.not_valid_before_utc:%Y-%m-%d} to "
                                f"{cert.not_valid_after_utc:%Y-%m-%d})")
    return problems, signer_name, ca_fp, signed_at


def _organisation(ca_pem: bytes | None) -> str:
    try:
        return pki.organisation_of(ca_pem.decode("ascii"))
    except (ValueError, TypeError, AttributeError, UnicodeDecodeError):
        return ""


def _cross_check_recordings(manifest: dict[str, str], csv_bytes: bytes | None) -> list[str]:
    """Each recording copied into the bundle is known twice: its registered SHA-256 in the
    recordings manifest and the SHA-256 of the copy in manifest-sha256.txt. A copy altered before
    it was bundled (and hashed as altered) shows only here."""
    if csv_bytes is None:
        return []
    problems = []
    try:
        rows = list(csv.DictReader(io.StringIO(csv_bytes.decode("utf-8-sig"))))
    except (UnicodeDecodeError, csv.Error):
        return [f"{RECORDINGS_MANIFEST}: not a readable CSV file"]
    for row in rows:
        copy = (row.get("copy_in_bundle") or "").strip()
        if not copy:
            continue
        registered = (row.get("sha256") or "").strip().lower()
        listed = manifest.get(copy) or manifest.get(unicodedata.normalize("NFC", copy))
        if listed is None:
            problems.append(f"{copy}: named in {RECORDINGS_MANIFEST} (recording "
                            f"{row.get('recording', '?')}) but not listed in {MANIFEST}")
        elif listed != registered:
            problems.append(f"{copy}: its SHA-256 in {MANIFEST} differs from the registered SHA-256 "
                            f"in {RECORDINGS_MANIFEST} (recording {row.get('recording', '?')})")
    return problems


def _ski(cert: x509.Certificate) -> bytes | None:
    try:
        return cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    except x509.ExtensionNotFound:
        return None


def _signature_valid(cert, signature: bytes, data: bytes, sig_alg, hash_alg) -> bool:
    key = cert.public_key()
    try:
        if isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, data, ec.ECDSA(hash_alg))
        elif isinstance(key, rsa.RSAPublicKey):
            if sig_alg["algorithm"].native == "rsassa_pss":
                params = sig_alg["parameters"]
                mgf_hash = _HASHES[params["mask_gen_algorithm"]["parameters"]["algorithm"].native]()
                key.verify(signature, data, padding.PSS(padding.MGF1(mgf_hash),
                                                        params["salt_length"].native), hash_alg)
            else:
                key.verify(signature, data, padding.PKCS1v15(), hash_alg)
        else:
            return False
        return True
    except (InvalidSignature, KeyError, ValueError, TypeError):
        return False


# ---------------------------------------------------------------------------------------------
# Writing

class _Meter:
    """Whole-job progress from per-file progress."""

    def __init__(self, total: int, progress):
        self.total, self.done, self.progress = total, 0, progress

    def at(self, base: int):
        if self.progress is None:
            return None
        return lambda done, _file_total: self.progress(min(base + done, self.total), self.total)

    def add(self, n: int) -> None:
        self.done += n
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def _check_cancel(cancel) -> None:
    if cancel is not None and cancel():
        raise Cancelled("Stopped; no bundle was written.")


def _pump(src, digest, out, cancel, advance, src_name: str) -> None:
    """Stream src into digest (and out) in hashing.CHUNK pieces. hashing.sha256_file can copy only
    to a new file path, not into a zip entry or out of one; this serves those two cases, so a
    recording is still read once and never lands unencrypted beside an encrypted zip."""
    buf = bytearray(hashing.CHUNK)
    view = memoryview(buf)
    while True:
        _check_cancel(cancel)
        try:
            n = src.readinto(buf)
        except OSError as e:
            raise RecordFileError(f"The file {src_name} cannot be read: {e.strerror or e}.") from None
        if not n:
            return
        digest.update(view[:n])
        if out is not None:
            out.write(view[:n])
        advance(n)


@dataclass
class _Entry:
    arcname: str
    data: bytes | None
    path: Path | None
    size: int
    source: BundleFile | None = None

    def check(self, digest: str) -> None:
        """Refuse evidence whose copy differs from its registered SHA-256."""
        f = self.source
        if f is None or f.expected_sha256 is None or digest == f.expected_sha256.lower():
            return
        raise EvidenceAltered(
            f"{f.label or self.arcname} differs from the SHA-256 registered for it (registered "
            f"{f.expected_sha256}, found {digest}): it was changed since. No bundle was written.",
            f.key, f.expected_sha256, digest)


def _plan(files: list[BundleFile], signer: _Signer) -> list[_Entry]:
    ours = [BundleFile(SIGNING_CERT[5:], signer.cert.public_bytes(serialization.Encoding.PEM)),
            BundleFile(CA_CERT[5:], signer.ca_pem.encode()),
            BundleFile(HOW_TO[5:], _how_to_verify(pki.fingerprint(signer.ca_pem)))]
    names = [_check_arcname(f.arcname) for f in files]
    _check_unique(names + [f.arcname for f in ours], {f.arcname for f in ours})
    entries = []
    for f in list(files) + ours:
        if isinstance(f.source, (bytes, bytearray, memoryview)):
            data = bytes(f.source)
            entries.append(_Entry(f.arcname, data, None, len(data), f))
            continue
        path = Path(f.source)
        try:
            st = os.stat(path)
        except OSError as e:
            raise RecordFileError(f"The file {path} cannot be read: {e.strerror or e}.") from None
        if not stat.S_ISREG(st.st_mode):
            raise RecordFileError(f"The file {path} cannot be read: it is not a regular file.")
        entries.append(_Entry(f.arcname, None, path, st.st_size, f))
    return entries


def _tag_files(digests: dict[str, tuple[str, int]], info: list[tuple[str, str]],
               signer: _Signer) -> tuple[list[tuple[str, bytes]], int]:
    """[(name, bytes)] of the four tag files and the signature, and the payload byte count."""
    octets = sum(size for _, size in digests.values())
    manifest = "".join(f"{digests[a][0]}  {_encode_path('data/' + a)}\n" for a in sorted(digests))
    lines = [("Bagging-Date", dt.date.today().isoformat()),
             ("Payload-Oxum", f"{octets}.{len(digests)}"),
             ("Bag-Software-Agent", f"Barnahus Case Record {__version__}"),
             ("Bag-Size", _human_size(octets))] + info
    tags = [(BAGIT_TXT, b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"),
            (BAG_INFO, "".join(f"{k}: {v}\n" for k, v in lines).encode("utf-8")),
            (MANIFEST, manifest.encode("utf-8"))]
    tagmanifest = "".join(f"{hashing.sha256_bytes(data)}  {name}\n" for name, data in tags).encode()
    return tags + [(TAGMANIFEST, tagmanifest), (SIGNATURE, _sign(tagmanifest, signer))], octets


def _write_folder(root: Path, entries: list[_Entry], info, signer: _Signer, meter: _Meter,
                  cancel) -> tuple[str, int]:
    os.mkdir(root, 0o700)
    digests: dict[str, tuple[str, int]] = {}
    folders = {root}
    for e in entries:
        _check_cancel(cancel)
        target = root.joinpath("data", *e.arcname.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        folders.update(p for p in target.parents if root in p.parents or p == root)
        if e.data is not None:
            digests[e.arcname] = (hashing.sha256_bytes(e.data), len(e.data))
            e.check(digests[e.arcname][0])
            write_new_file(target, e.data)
            meter.add(len(e.data))
        else:
            digests[e.arcname] = hashing.sha256_file(e.path, meter.at(meter.done), cancel,
                                                     copy_to=target)
            e.check(digests[e.arcname][0])
            meter.add(digests[e.arcname][1])
    _check_cancel(cancel)
    tags, octets = _tag_files(digests, info, signer)
    for name, data in tags:
        write_new_file(root / name, data)
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        fsync_folder(folder)
    return hashing.sha256_bytes(dict(tags)[TAGMANIFEST]), octets


def _write_zip(target: Path, bag_name: str, entries: list[_Entry], info, signer: _Signer,
               passphrase: str | None, meter: _Meter, cancel) -> tuple[str, int]:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    fh = os.fdopen(fd, "wb")
    zf = None
    try:
        zf = pyzipper.AESZipFile(fh, "w", compression=pyzipper.ZIP_DEFLATED, allowZip64=True)
        if passphrase is not None:
            zf.setpassword(passphrase.encode("utf-8"))
            zf.setencryption(pyzipper.WZ_AES, nbits=256)
        stamp = dt.datetime.now().timetuple()[:6]

        def info_for(name: str, compress: int, size: int = 0):
            zi = zf.zipinfo_cls(f"{bag_name}/{name}", stamp)
            zi.compress_type = compress
            zi.external_attr = 0o600 << 16
            zi.file_size = size
            return zi

        digests: dict[str, tuple[str, int]] = {}
        for e in entries:
            _check_cancel(cancel)
            name = f"data/{e.arcname}"
            if e.data is not None:
                digests[e.arcname] = (hashing.sha256_bytes(e.data), len(e.data))
                e.check(digests[e.arcname][0])
                zf.writestr(info_for(name, pyzipper.ZIP_DEFLATED), e.data)
                meter.add(len(e.data))
                continue
            # Recordings are already compressed: store them, which also keeps the copy at disk speed.
            digest = hashlib.sha256()
            try:
                src = open(e.path, "rb", buffering=0)
            except OSError as err:
                raise RecordFileError(f"The file {e.path} cannot be read: {err.strerror or err}.") from None
            with src:
                size = os.fstat(src.fileno()).st_size
                with zf.open(info_for(name, pyzipper.ZIP_STORED, size), "w",
                             force_zip64=size >= ZIP64_FROM) as out:
                    copied = 0

                    def advance(n):
                        nonlocal copied
                        copied += n
                        meter.add(n)
                    _pump(src, digest, out, cancel, advance, str(e.path))
            digests[e.arcname] = (digest.hexdigest(), copied)
            e.check(digests[e.arcname][0])
        _check_cancel(cancel)
        tags, octets = _tag_files(digests, info, signer)
        for name, data in tags:
            zf.writestr(info_for(name, pyzipper.ZIP_DEFLATED), data)
        zf.close()
        fh.flush()
        os.fsync(fh.fileno())
    except BaseException:
        if zf is not None:
            zf.fp = None  # the zip is abandoned: skip writing its central directory on close
        raise
    finally:
        fh.close()
    # The hash of the finished file, by the shared loop; the second half of the progress bar.
    half = meter.done
    hex_digest, _ = hashing.sha256_file(
        target, None if meter.progress is None else
        lambda d, t: meter.progress(min(half + (d * half // t if t else half), meter.total), meter.total),
        cancel)
    return hex_digest, octets


def check_passphrase(passphrase: str | None, as_zip: bool) -> None:
    """A transport passphrase, if any, for a zip only, and long enough (WinZip AES derives its key
    with only 1000 PBKDF2 rounds)."""
    if passphrase is None:
        return
    if not as_zip:
        raise ValidationError("passphrase", "only a zip bundle can be encrypted.")
    if not isinstance(passphrase, str) or len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError("passphrase", f"use at least {MIN_PASSPHRASE} characters.")


def write_bundle(dest: Path, files: list[BundleFile], bag_info: dict[str, str],
                 credentials: pki.Credentials, *, as_zip: bool = False,
                 passphrase: str | None = None, progress=None, cancel=None) -> BundleResult:
    """Write a signed BagIt bag at dest: a folder, or with as_zip a zip holding the bag folder
    (AES-256 encrypted when a passphrase is given). dest must not exist; nothing is written outside
    dest's folder, and nothing stays there unless the whole bundle was written and signed."""
    dest = Path(dest)
    parent = dest.parent
    if os.path.lexists(dest):
        raise ValidationError("dest", f"{dest} already exists; choose another name.")
    if not parent.is_dir():
        raise ValidationError("dest", f"the folder {parent} does not exist.")
    check_passphrase(passphrase, as_zip)
    bag_name = dest.stem if as_zip and dest.suffix.lower() == ".zip" else dest.name
    if as_zip and _component_problem(bag_name):
        raise ValidationError("dest", f"the name {bag_name!r} {_component_problem(bag_name)}.")
    signer = _load_signer(credentials)
    info = _check_bag_info(bag_info)
    entries = _plan(files, signer)
    payload = sum(e.size for e in entries)
    need = payload + 1024 * 1024
    if shutil.disk_usage(parent).free < need:
        raise DiskFull(f"The disk holding {parent} has too little free space for this bundle "
                       f"({_human_size(need)} needed); nothing was written.")
    meter = _Meter(payload * 2 if as_zip else payload, progress)
    partial = partial_name(dest)
    try:
        _check_cancel(cancel)
        if as_zip:
            digest, octets = _write_zip(partial, bag_name, entries, info, signer, passphrase,
                                        meter, cancel)
        else:
            digest, octets = _write_folder(partial, entries, info, signer, meter, cancel)
        _check_cancel(cancel)
        publish_new(partial, dest)
    except Cancelled:
        remove_partial(partial)
        raise Cancelled("Stopped; no bundle was written.") from None
    except DiskFull:
        remove_partial(partial)
        raise DiskFull(f"The disk holding {parent} is full; no bundle was written.") from None
    except RecordFileError as e:
        remove_partial(partial)
        raise RecordFileError(f"{str(e).replace(str(partial), str(dest))} No bundle was written.") from None
    except OSError as e:
        remove_partial(partial)
        if e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            raise DiskFull(f"The disk holding {parent} is full; no bundle was written.") from None
        if e.errno == errno.EFBIG:
            raise RecordFileError(f"A file is too large for the disk holding {parent} (FAT32 holds "
                                  "at most 4 GB per file); no bundle was written.") from None
        raise RecordFileError(f"The bundle cannot be written in {parent}: {e.strerror or e}. "
                              "No bundle was written.") from None
    except BaseException:
        remove_partial(partial)
        raise
    if progress is not None:
        progress(meter.total, meter.total)
    return BundleResult(dest, digest, octets, len(entries))


# ---------------------------------------------------------------------------------------------
# Reading a bag: a folder or a zip

class _FolderBag:
    def __init__(self, root: Path):
        self.root = root
        self.files: dict[str, int] = {}
        self.problems: list[str] = []
        for dirpath, dirnames, filenames in os.walk(root):
            rel_dir = Path(dirpath).relative_to(root).as_posix()
            for name in sorted(dirnames + filenames):
                rel = name if rel_dir == "." else f"{rel_dir}/{name}"
                st = os.lstat(os.path.join(dirpath, name))
                if stat.S_ISLNK(st.st_mode):
                    # Never followed: a link could point at any file on the recipient's computer.
                    self.problems.append(f"{rel}: a symbolic link, not a file of the bundle")
                elif stat.S_ISREG(st.st_mode):
                    self.files[rel] = st.st_size
                elif not stat.S_ISDIR(st.st_mode):
                    self.problems.append(f"{rel}: not a regular file")

    def read(self, rel: str) -> bytes:
        with open(self.root / rel, "rb") as f:
            return f.read(MAX_TAG_FILE + 1)

    def sha256(self, rel: str, progress, cancel) -> str:
        return hashing.sha256_file(self.root / rel, progress, cancel)[0]

    def close(self) -> None:
        pass


class _ZipBag:
    def __init__(self, path: Path, passphrase: str | None):
        self.path = path
        self.files: dict[str, int] = {}
        self.problems: list[str] = []
        try:
            self.zf = pyzipper.AESZipFile(path)
            infos = self.zf.infolist()
        except (pyzipper.BadZipFile, OSError, ValueError, EOFError):
            raise RecordFileError(f"{path} is neither a bundle folder nor a readable zip file.") from None
        names = [i.filename for i in infos if not i.is_dir()]
        if "bagit.txt" in names:
            prefix = ""
        else:
            tops = {n.split("/", 1)[0] for n in names if n.count("/") == 1 and n.endswith("/bagit.txt")}
            prefix = f"{tops.pop()}/" if len(tops) == 1 else ""
        self.infos = {}
        for info in infos:
            if info.is_dir():
                continue
            name = info.filename
            if not name.startswith(prefix):
                self.problems.append(f"{name}: outside the bundle folder of the zip")
                continue
            rel = name[len(prefix):]
            parts = rel.split("/")
            if "\\" in rel or rel.startswith("/") or any(p in ("", ".", "..") for p in parts):
                self.problems.append(f"{name}: a path that leaves the bundle folder")
                continue
            if rel in self.infos:
                self.problems.append(f"{rel}: appears twice in the zip")
                continue
            self.infos[rel] = info
            self.files[rel] = info.file_size
        self.pwd = None
        encrypted = [i for i in self.infos.values() if i.flag_bits & 0x1]
        if encrypted:
            if not passphrase:
                self.zf.close()
                raise ValidationError("passphrase", "this bundle is encrypted; enter its passphrase "
                                                    "to check it.")
            self.pwd = passphrase.encode("utf-8")
            probe = min(encrypted, key=lambda i: i.file_size)
            try:
                with self.zf.open(probe, pwd=self.pwd) as f:
                    while f.read(1 << 20):
                        pass
            except (RuntimeError, pyzipper.BadZipFile, zlib.error):
                # AES checks the passphrase with 2 bytes, then the full HMAC at the end of the entry
                self.zf.close()
                raise ValidationError("passphrase", "the passphrase is wrong; the bundle was not "
                                                    "checked.") from None

    def read(self, rel: str) -> bytes:
        try:
            with self.zf.open(self.infos[rel], pwd=self.pwd) as f:
                return f.read(MAX_TAG_FILE + 1)
        except (RuntimeError, pyzipper.BadZipFile, zlib.error, EOFError, NotImplementedError) as e:
            raise RecordFileError(f"damaged in the zip ({e})") from None

    def sha256(self, rel: str, progress, cancel) -> str:
        info = self.infos[rel]
        digest = hashlib.sha256()
        done = 0

        def advance(n):
            nonlocal done
            done += n
            if progress is not None:
                progress(done, info.file_size)
        try:
            with self.zf.open(info, pwd=self.pwd) as f:
                _pump(f, digest, None, cancel, advance, rel)
        except (RuntimeError, pyzipper.BadZipFile, zlib.error, EOFError, NotImplementedError) as e:
            raise RecordFileError(f"damaged in the zip ({e})") from None
        return digest.hexdigest()

    def close(self) -> None:
        self.zf.close()


def _parse_tags(text: str) -> list[tuple[str, str]] | None:
    """'Label: value' lines, with RFC 8493 continuation lines; None if a line is neither."""
    out: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line[0] in " \t" and out:
            out[-1] = (out[-1][0], out[-1][1] + " " + line.strip())
            continue
        if ":" not in line:
            return None
        label, value = line.split(":", 1)
        out.append((label.strip(), value.strip()))
    return out


def _parse_manifest(name: str, text: str, problems: list[str]) -> dict[str, str]:
    """{path: lower-case hex} from a sha256 manifest; bad lines become problems."""
    entries: dict[str, str] = {}
    seen: set[str] = set()
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        m = re.match(r"^([0-9A-Fa-f]{64})[ \t]+(.+)$", line)
        if not m:
            problems.append(f"{name}: line {number} is not '<SHA-256> <file>'")
            continue
        path = _decode_path(m.group(2).lstrip("*"))  # '*' marks binary mode in sha256sum output
        parts = path.split("/")
        if path.startswith("/") or any(p in ("", ".", "..") for p in parts):
            problems.append(f"{name}: line {number} names {path!r}, a path outside the bag")
            continue
        key = unicodedata.normalize("NFC", path)
        if key in seen:
            problems.append(f"{name}: lists {path} twice")
            continue
        seen.add(key)
        entries[path] = m.group(1).lower()
    return entries


def verify_bundle(path: Path, passphrase: str | None = None, progress=None,
                  cancel=None) -> BundleReport:
    """Check a bundle folder or zip offline: the BagIt structure, every hash, that every payload
    file is listed, and the centre's signature with the certificates in the payload. Each problem
    names the file that is wrong. Raises ValidationError (field "passphrase") for an encrypted zip
    without the right passphrase, RecordFileError when path is neither a folder nor a zip."""
    path = Path(path)
    if path.is_dir() and not (path / BAGIT_TXT).exists():
        # The folder 7-Zip extracts into holds the bag folder; accept it when that is unambiguous.
        inner = [d for d in path.iterdir() if d.is_dir() and (d / BAGIT_TXT).is_file()]
        path = inner[0] if len(inner) == 1 else path
    if path.is_dir():
        bag = _FolderBag(path)
    elif path.is_file():
        bag = _ZipBag(path, passphrase)
    else:
        raise RecordFileError(f"{path} does not exist.")
    try:
        return _verify(bag, progress, cancel)
    finally:
        bag.close()


def _verify(bag, progress, cancel) -> BundleReport:
    problems = list(bag.problems)
    # The filesystem may hold names in another Unicode form (macOS); match as bagit-python does.
    on_disk = {unicodedata.normalize("NFC", rel): rel for rel in bag.files}

    def find(rel: str) -> str | None:
        return on_disk.get(unicodedata.normalize("NFC", rel))

    def read(rel: str, required: bool = True) -> bytes | None:
        actual = find(rel)
        if actual is None:
            if required:
                problems.append(f"{rel}: missing")
            return None
        try:
            data = bag.read(actual)
        except (OSError, RecordFileError) as e:
            problems.append(f"{rel}: cannot be read ({getattr(e, 'strerror', None) or e})")
            return None
        if len(data) > MAX_TAG_FILE:
            problems.append(f"{rel}: larger than any tag file or certificate should be")
            return None
        return data

    def text(rel: str, data: bytes | None) -> str | None:
        if data is None:
            return None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            problems.append(f"{rel}: not UTF-8 text")
            return None

    tag_bytes = {name: read(name) for name in (BAGIT_TXT, BAG_INFO, MANIFEST, TAGMANIFEST)}
    signature = read(SIGNATURE)

    bagit_text = text(BAGIT_TXT, tag_bytes[BAGIT_TXT])
    if bagit_text is not None:
        fields = dict(_parse_tags(bagit_text) or [])
        if not re.fullmatch(r"\d+\.\d+", fields.get("BagIt-Version", "")):
            problems.append(f"{BAGIT_TXT}: no BagIt-Version line")
        if fields.get("Tag-File-Character-Encoding", "").upper() not in ("UTF-8", "UTF8"):
            problems.append(f"{BAGIT_TXT}: Tag-File-Character-Encoding is not UTF-8")

    payload = {rel: size for rel, size in bag.files.items() if rel.startswith("data/")}
    info_text = text(BAG_INFO, tag_bytes[BAG_INFO])
    if info_text is not None:
        info = _parse_tags(info_text)
        oxum = dict(info or []).get("Payload-Oxum")
        if info is None:
            problems.append(f"{BAG_INFO}: a line is not 'Label: value'")
        elif oxum is None or not re.fullmatch(r"\d+\.\d+", oxum):
            problems.append(f"{BAG_INFO}: no valid Payload-Oxum line")
        else:
            octets, count = map(int, oxum.split("."))
            actual = (sum(payload.values()), len(payload))
            if (octets, count) != actual:
                problems.append(f"{BAG_INFO}: Payload-Oxum says {octets} bytes in {count} files, "
                                f"but data/ holds {actual[0]} bytes in {actual[1]} files")

    manifest_text = text(MANIFEST, tag_bytes[MANIFEST])
    manifest = {} if manifest_text is None else _parse_manifest(MANIFEST, manifest_text, problems)
    for rel in list(manifest):
        if not rel.startswith("data/"):
            problems.append(f"{MANIFEST}: lists {rel}, which is not under data/")
            del manifest[rel]
    listed = {unicodedata.normalize("NFC", rel) for rel in manifest}
    for rel in sorted(payload):
        if unicodedata.normalize("NFC", rel) not in listed:
            problems.append(f"{rel}: not listed in {MANIFEST}")

    tagmanifest_text = text(TAGMANIFEST, tag_bytes[TAGMANIFEST])
    tagmanifest = ({} if tagmanifest_text is None
                   else _parse_manifest(TAGMANIFEST, tagmanifest_text, problems))
    if tagmanifest_text is not None:
        for name in (BAGIT_TXT, BAG_INFO, MANIFEST):
            if name not in tagmanifest:
                problems.append(f"{TAGMANIFEST}: does not list {name}")
    covered = {unicodedata.normalize("NFC", rel) for rel in tagmanifest} | {TAGMANIFEST, SIGNATURE}
    for rel in sorted(bag.files):
        if not rel.startswith("data/") and unicodedata.normalize("NFC", rel) not in covered:
            problems.append(f"{rel}: an extra file, not covered by the signature")

    # Tag files are hashed from the very bytes parsed above, so none can change in between.
    for rel, expected in sorted(tagmanifest.items()):
        if rel.startswith("data/"):
            continue  # hashed with the payload below
        data = tag_bytes[rel] if rel in tag_bytes else read(rel)
        if data is not None and hashing.sha256_bytes(data) != expected:
            problems.append(f"{rel}: its SHA-256 differs from {TAGMANIFEST}")
    todo = [(rel, hexd, find(rel), MANIFEST) for rel, hexd in sorted(manifest.items())]
    todo += [(rel, hexd, find(rel), TAGMANIFEST) for rel, hexd in sorted(tagmanifest.items())
             if rel.startswith("data/")]
    meter = _Meter(sum(bag.files[actual] for _, _, actual, _ in todo if actual is not None), progress)
    checked = 0
    for rel, expected, actual, source in todo:
        if actual is None:
            problems.append(f"{rel}: listed in {source} but missing")
            continue
        if cancel is not None and cancel():
            raise Cancelled("Stopped; the check was not finished.")
        try:
            got = bag.sha256(actual, meter.at(meter.done), cancel)
        except Cancelled:
            raise Cancelled("Stopped; the check was not finished.") from None
        except RecordFileError as e:
            problems.append(f"{rel}: cannot be read ({e})")
            continue
        meter.add(bag.files[actual])
        checked += source == MANIFEST
        if got != expected:
            problems.append(f"{rel}: its SHA-256 differs from {source}")

    problems.extend(_cross_check_recordings(manifest, read(RECORDINGS_MANIFEST, required=False)
                                            if find(RECORDINGS_MANIFEST) else None))

    signer, ca_fp, signed_at, ca_name = "", "", None, ""
    if signature is not None and tag_bytes[TAGMANIFEST] is not None:
        signing_pem = read(SIGNING_CERT, required=False)
        ca_pem = read(CA_CERT, required=False)
        for name, data in ((SIGNING_CERT, signing_pem), (CA_CERT, ca_pem)):
            if data is None and find(name) is None and name not in manifest:
                problems.append(f"{name}: missing, so the signature cannot be traced to the centre")
        sig_problems, signer, ca_fp, signed_at = _check_signature(
            signature, tag_bytes[TAGMANIFEST], signing_pem, ca_pem)
        problems.extend(sig_problems)
        ca_name = _organisation(ca_pem)
    elif signature is not None:
        problems.append(f"{SIGNATURE}: cannot be checked without {TAGMANIFEST}")
    if progress is not None:
        progress(meter.total, meter.total)
    return BundleReport(not problems, tuple(problems), checked, signer, ca_fp, signed_at, ca_name)
