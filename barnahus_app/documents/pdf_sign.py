"""Sign an issued PDF in the centre's name (PAdES baseline B-B) and check such a signature.

Signing is the last thing that happens to a file: any re-save afterwards breaks the signature,
so the signature goes in as an incremental update and nothing touches the bytes after it.

The signed file stays PDF/A-1b: PDF/A-1 wants an appearance on every widget, and pyHanko gives
a zero-size (invisible) field none, so the widget is a 1x1 box with an empty one; and pyHanko's own
metadata update must keep Info and XMP in step: it rewrites /Producer in both and the XMP
modification date, so the Info /Producer, /ModDate and /Trapped go before it does.

No network: no timestamp server, no revocation fetching. The certificate chain is embedded in
the signature so a recipient can check it against the centre's CA certificate alone."""
from __future__ import annotations

import asyncio
import io
import threading
from dataclasses import dataclass

from barnahus_app.errors import ValidationError
from barnahus_app.documents.pki import Credentials

# The signed metadata pyHanko writes into Info and XMP itself (see module docstring).
_INFO_KEYS_PYHANKO_REWRITES = ("/Producer", "/ModDate", "/Trapped")


@dataclass(frozen=True)
class SignatureCheck:
    signed: bool
    intact: bool  # the signed bytes are unchanged
    valid: bool  # the cryptographic signature is correct for them
    trusted: bool  # the signer's certificate chains up to the given root
    covers_whole_file: bool  # nothing was appended after the (last) signature
    signer_subject: str
    signing_time: str | None  # ISO 8601, as the signer's clock claimed (no timestamp server)
    problem: str | None  # a sentence for the user when something is not right

    @property
    def ok(self) -> bool:
        return (self.signed and self.intact and self.valid and self.trusted
                and self.covers_whole_file and self.problem is None)


def _run(coro):
    """Run a pyHanko coroutine to completion, also from a thread whose event loop is running
    (where asyncio.run would refuse)."""
    try:
        asyncio.get_running_loop()
        busy = True
    except RuntimeError:
        busy = False
    if not busy:  # outside the except clause, so pyHanko's errors do not chain to this one
        return asyncio.run(coro)
    box: dict = {}

    def worker():
        try:
            box["result"] = asyncio.run(coro)
        except BaseException as e:  # re-raised in the caller's thread
            box["error"] = e
    t = threading.Thread(target=worker, name="pdf-sign")
    t.start()
    t.join()
    if "error" in box:
        raise box["error"]
    return box["result"]


def _certs(pem_text: str) -> list:
    from pyhanko.keys import load_certs_from_pemder_data
    return list(load_certs_from_pemder_data(pem_text.encode("ascii")))


def _refresh_asn1_names() -> None:
    """asn1crypto caches each OID class's name map the first time it is used; modules imported
    later (asn1crypto.tsp, pyHanko's CAdES attributes) add names to the map but not to the cache.
    If anything parsed CMS before pyHanko was imported (bundle verification does), pyHanko then
    fails on 'signing_certificate_v2'. Dropping the cache makes asn1crypto rebuild it."""
    import asn1crypto.core
    for cls in list(asn1crypto.core._SETUP_CLASSES):
        if getattr(cls, "_map", None) is not None and getattr(cls, "_reverse_map", None) is not None:
            cls._reverse_map = None
    asn1crypto.core._SETUP_CLASSES.clear()


def sign_pdf(pdf_bytes: bytes, credentials: Credentials, *, reason: str, location: str,
             field_name: str = "CentreSignature") -> bytes:
    """pdf_bytes with a PAdES B-B signature by credentials appended. Raises ValidationError if
    the bytes are not a PDF that can take the signature (or the field name is taken)."""
    from pyhanko.keys import load_private_key_from_pemder_data
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigFieldSpec, SigSeedSubFilter, append_signature_field
    from pyhanko.stamp import NoOpStampStyle
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    _refresh_asn1_names()
    try:
        key = load_private_key_from_pemder_data(credentials.key_pem.encode("ascii"), None)
        cert = _certs(credentials.cert_pem)[0]
        chain = [c for p in credentials.chain_pems for c in _certs(p)]
    except Exception:
        raise ValidationError("credentials", "the signing key or certificate cannot be read.") from None
    signer = signers.SimpleSigner(signing_cert=cert, signing_key=key,
                                  cert_registry=SimpleCertificateStore.from_certs([cert, *chain]))
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, reason=reason or None, location=location or None,
        subfilter=SigSeedSubFilter.PADES, md_algorithm="sha256",
        embed_validation_info=False, use_pades_lta=False)
    pdf_signer = signers.PdfSigner(meta, signer, stamp_style=NoOpStampStyle())
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
        _drop_rewritten_info(writer)
        # Made here rather than by the signer, which would give the widget no appearance
        # at all; append_signature_field gives a sized box an empty one. Same revision.
        append_signature_field(writer, SigFieldSpec(field_name, on_page=0, box=(0, 0, 1, 1)))
        out = io.BytesIO()
        _run(pdf_signer.async_sign_pdf(writer, existing_fields_only=True, output=out))
    except (PdfError, ValueError, KeyError, TypeError) as e:
        raise ValidationError("document", f"cannot be signed: {e}") from None
    return out.getvalue()


def _drop_rewritten_info(writer) -> None:
    try:
        info_ref = writer.trailer.raw_get("/Info")
    except KeyError:
        return
    info = info_ref.get_object()
    if any(k in info for k in _INFO_KEYS_PYHANKO_REWRITES):
        for k in _INFO_KEYS_PYHANKO_REWRITES:
            info.pop(k, None)
        writer.mark_update(info_ref)


def _unsigned(problem: str) -> SignatureCheck:
    return SignatureCheck(False, False, False, False, False, "", None, problem)


def validate_pdf(pdf_bytes: bytes, trust_root_pem: str) -> SignatureCheck:
    """Check every signature in the file against trust_root_pem (the centre's CA certificate).
    The answer describes all of them together (intact/valid/trusted only if each one is) and
    names the last signer. Never raises: unreadable input is reported as not signed."""
    # Imported outside the catch-all below: a broken installation is a bug to see, not a
    # "file cannot be read".
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.general import ValueErrorWithMessage
    from pyhanko.sign.validation import async_validate_pdf_signature
    _refresh_asn1_names()
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        return _validate(pdf_bytes, trust_root_pem, PdfFileReader, ValueErrorWithMessage,
                         async_validate_pdf_signature, SignatureCoverageLevel, ValidationContext)
    except Exception as e:  # garbage in must not crash the caller's dialog
        return _unsigned(f"The file cannot be read as a signed PDF ({type(e).__name__}).")


def _validate(pdf_bytes, trust_root_pem, PdfFileReader, ValueErrorWithMessage,
              async_validate_pdf_signature, SignatureCoverageLevel,
              ValidationContext) -> SignatureCheck:
    if not isinstance(pdf_bytes, (bytes, bytearray, memoryview)) or not bytes(pdf_bytes[:1024]).lstrip().startswith(b"%PDF-"):
        return _unsigned("The file is not a PDF.")
    try:
        roots = _certs(trust_root_pem or "")
    except Exception:
        roots = []
    reader = PdfFileReader(io.BytesIO(bytes(pdf_bytes)), strict=False)
    signatures = reader.embedded_signatures
    if not signatures:
        return _unsigned("The file has no signature.")

    intact = valid = trusted = True
    problems: list[str] = []
    last = signatures[-1]
    for sig in signatures:
        # No fetching: a court or archive checks years later, offline. Our certificates name
        # no revocation service, so soft-fail is the honest setting.
        context = ValidationContext(trust_roots=roots, allow_fetching=False,
                                    revocation_mode="soft-fail")
        try:
            status = _run(async_validate_pdf_signature(sig, signer_validation_context=context))
        except ValueErrorWithMessage as e:
            intact = valid = trusted = False
            problems.append(f"A signature cannot be checked: {e.failure_message}")
            continue
        intact &= bool(status.intact)
        valid &= bool(status.valid)
        trusted &= bool(status.trusted)
        if not status.intact:
            problems.append("The document was changed after it was signed.")
        elif not status.valid:
            problems.append("A signature does not match its certificate.")
        elif not status.trusted:
            problems.append("The signing certificate is not issued by the trusted centre CA.")

    last_coverage = None
    try:
        last_coverage = last.evaluate_signature_coverage()
    except Exception:
        pass
    whole = last_coverage == SignatureCoverageLevel.ENTIRE_FILE
    if not whole:
        problems.append("Something was added to the file after the last signature.")
    try:
        subject = last.signer_cert.subject.human_friendly
    except Exception:
        subject = ""
    when = last.self_reported_timestamp
    return SignatureCheck(
        signed=True, intact=intact, valid=valid, trusted=trusted, covers_whole_file=whole,
        signer_subject=subject, signing_time=when.isoformat() if when else None,
        problem=" ".join(dict.fromkeys(problems)) or None)


def embedded_ca_pems(pdf_bytes: bytes) -> list[str]:
    """The PEM of every CA certificate the PDF's signatures carry (the chain the signer put in):
    candidates for the root a recipient pins by fingerprint. [] when there are none or the file
    is not a signed PDF."""
    from asn1crypto import pem as asn1_pem
    from pyhanko.pdf_utils.reader import PdfFileReader
    _refresh_asn1_names()
    out: list[str] = []
    try:
        reader = PdfFileReader(io.BytesIO(bytes(pdf_bytes)), strict=False)
        for sig in reader.embedded_signatures:
            for cert in sig.signed_data["certificates"]:
                c = cert.chosen
                if c.ca or c.self_signed != "no":
                    text = asn1_pem.armor("CERTIFICATE", c.dump()).decode("ascii")
                    if text not in out:
                        out.append(text)
    except Exception:  # not a signed PDF: no candidates
        return []
    return out
