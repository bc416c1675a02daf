"""Trust anchors: whose signature a recipient accepts, pinned by the SHA-256 fingerprint of the
centre's CA certificate, which the centre sends by letter or reads out by phone.

Everything inside a bundle or a PDF (the certificates, their names, HOW-TO-VERIFY.txt) can be
rewritten by whoever re-signs it with a look-alike CA of the same names; only a fingerprint that
came by another channel tells the centre's CA from such a copy. A trust file holds one line per
centre: the fingerprint in hex (plain, or with colons as `openssl x509 -fingerprint -sha256` and
this program print it), optionally followed by the centre's name; '#' starts a comment.

Pure: no record, no Qt. The front ends say the verdict first, in these words."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from barnahus_app.errors import ValidationError

TRUSTED = "Signed by {centre}, whose certificate matches your trusted fingerprint"
NOT_TRUSTED = "NOT signed by a centre you trust"
UNVERIFIED = ("signature intact, but the signer is NOT verified: give --trust FILE or "
              "--ca-fingerprint")
# Why a verdict is not "trusted", in the words the front ends show after NOT_TRUSTED (the desktop
# app translates them: ui/documents/verify_dialog.py TRUST_CORE_MESSAGES lists them).
WHY_BROKEN = "the signature does not check out or files were changed (see the problems listed)"
WHY_NOT_PINNED = "its CA certificate does not match any fingerprint you trust"
WHY_NO_CENTRE = "the file carries no signature of a centre"
WHY_UNSIGNED = ("this file carries no signature (a DOCX is not signed; only the register of the record that "
                "issued it vouches for it)")
UNNAMED_CENTRE = "the centre"   # a trusted signer whom neither the trust file nor the certificate names
MAX_TRUST_FILE = 1024 * 1024


@dataclass(frozen=True)
class Anchor:
    fingerprint: str   # 64 lower-case hex digits
    name: str          # the centre's name as the trust file gives it, or ""


@dataclass(frozen=True)
class Verdict:
    trusted: bool | None   # None: no trust anchor was given
    centre: str            # the trusted centre's name (trusted only)
    headline: str          # the first line of the answer, in plain words
    why: str = ""          # not trusted: why (a WHY_ constant, or the signature check's own problem)
    unsigned: bool = False  # the file carries no signature at all (a DOCX, a plain PDF): nothing to judge


def parse_fingerprint(text: str) -> str | None:
    """'AB:12:…' or 'ab12…' (64 hex digits, colons or spaces between pairs allowed) -> 'ab12…';
    None when it is not a SHA-256 fingerprint."""
    hex_digits = re.sub(r"[\s:]", "", text or "")
    return hex_digits.lower() if re.fullmatch(r"[0-9A-Fa-f]{64}", hex_digits) else None


def parse_trust_text(text: str, source: str = "trust file") -> list[Anchor]:
    anchors = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        # 64 hex digits, or 32 pairs each apart by one colon or space; then the name, if any.
        m = re.match(r"^([0-9A-Fa-f]{64}|[0-9A-Fa-f]{2}(?:[: ][0-9A-Fa-f]{2}){31})(?:\s+(.*))?$", line)
        if m is None:
            raise ValidationError(source, f"line {number} does not start with a SHA-256 fingerprint "
                                          "(64 hex digits, with or without colons).")
        fp, rest = parse_fingerprint(m.group(1)), m.group(2) or ""
        anchors.append(Anchor(fp, rest.strip()))
    if not anchors:
        raise ValidationError(source, "holds no fingerprint.")
    return anchors


def load_trust_file(path) -> list[Anchor]:
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_TRUST_FILE + 1)
    except OSError as e:
        raise ValidationError("trust", f"{path} cannot be read: {e.strerror or e}.") from None
    if len(data) > MAX_TRUST_FILE:
        raise ValidationError("trust", f"{path} is too large for a trust file.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError("trust", f"{path} is not UTF-8 text.") from None
    return parse_trust_text(text, f"trust file {Path(path).name}")


def anchors_from(trust_file=None, ca_fingerprint: str | None = None) -> list[Anchor]:
    """The anchors a command was given: a trust file, a fingerprint, both, or neither ([])."""
    anchors = load_trust_file(trust_file) if trust_file else []
    if ca_fingerprint:
        fp = parse_fingerprint(ca_fingerprint)
        if fp is None:
            raise ValidationError("ca-fingerprint", "is not a SHA-256 fingerprint (64 hex digits, "
                                                    "with or without colons).")
        anchors.append(Anchor(fp, ""))
    return anchors


def judge(intact: bool, ca_fingerprint: str, anchors: list[Anchor], ca_name: str = "",
          why_not: str = "", unsigned: bool = False) -> Verdict:
    """The verdict on something whose signature checked out (intact) or not, signed under the CA
    with this fingerprint. ca_name (from the certificate) names the centre only when the trust
    file gives no name: the certificate is then the one whose fingerprint the recipient pinned."""
    fp = parse_fingerprint(ca_fingerprint or "")
    match = next((a for a in anchors if fp is not None and a.fingerprint == fp), None)
    if intact and match is not None:
        centre = match.name or ca_name or UNNAMED_CENTRE
        return Verdict(True, centre, TRUSTED.format(centre=centre))
    if intact and not anchors:
        return Verdict(None, "", UNVERIFIED)
    why = (why_not or WHY_BROKEN) if not intact else WHY_NOT_PINNED
    return Verdict(False, "", f"{NOT_TRUSTED}: {why}", why, unsigned)


def judge_bundle(report, anchors: list[Anchor]) -> Verdict:
    """The verdict on a verify_bundle report."""
    return judge(report.ok, report.ca_fingerprint, anchors, report.ca_name)


def judge_pdf(pdf_bytes: bytes, anchors: list[Anchor]) -> Verdict:
    """The verdict on a signed PDF: its signature checked against the CA certificate it carries
    whose fingerprint a recipient pinned (without anchors: against the root it carries, which
    says only that the signature is intact)."""
    from barnahus_app.documents.pdf_sign import embedded_ca_pems, validate_pdf
    from barnahus_app.documents.pki import fingerprint, organisation_of
    cas = embedded_ca_pems(pdf_bytes)
    if not cas:
        return judge(False, "", anchors, why_not=WHY_NO_CENTRE, unsigned=True)
    pinned = {a.fingerprint for a in anchors}
    chosen = next((pem for pem in cas if fingerprint(pem) in pinned), cas[-1])
    check = validate_pdf(pdf_bytes, chosen)
    return judge(check.ok, fingerprint(chosen), anchors, organisation_of(chosen),
                 why_not=(check.problem or "").rstrip("."))


def judge_file(path, anchors: list[Anchor], passphrase: str | None = None, progress=None,
               cancel=None) -> Verdict:
    """The verdict on a document or bundle given by path: a bundle folder or zip, a signed PDF;
    anything else (a DOCX) carries no signature and is never trusted by signature."""
    path = Path(path)
    if path.is_dir() or path.suffix.lower() == ".zip":
        from barnahus_app.documents.bundle import verify_bundle
        return judge_bundle(verify_bundle(path, passphrase, progress, cancel), anchors)
    try:
        with open(path, "rb") as f:
            head = f.read(1024)
    except OSError as e:
        raise ValidationError("file", f"{path} cannot be read: {e.strerror or e}.") from None
    if head.lstrip().startswith(b"%PDF-"):
        return judge_pdf(path.read_bytes(), anchors)
    return judge(False, "", anchors, why_not=WHY_UNSIGNED, unsigned=True)


def anchors_from_text(text: str) -> list[Anchor]:
    """What the desktop app's verify dialog was given: a fingerprint (plain or with colons), or
    the path of a trust file; [] for nothing."""
    text = (text or "").strip()
    if not text:
        return []
    fp = parse_fingerprint(text)
    if fp is not None:
        return [Anchor(fp, "")]
    if re.fullmatch(r"[0-9A-Fa-f:\s]+", text):
        raise ValidationError("trust", "is not a SHA-256 fingerprint (64 hex digits, with or without colons).")
    return load_trust_file(Path(text).expanduser())
