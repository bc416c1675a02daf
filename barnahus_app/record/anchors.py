"""Audit anchors outside the record: the heads of the audit chain that something outside it
quoted (issue 11). An issued document keeps the head it quoted in `issued_documents`; a backup
keeps its head in its seal (`<backup>.seal`); `barnahus audit --seal FILE` writes a seal on
demand. Someone with the record key can delete the last entries or rewrite the whole chain
consistently, and the chain alone still verifies; it no longer holds the heads quoted before.

A seal is canonical JSON: the head, the entry count, the record id and the time, and (once the
centre has a signing identity) a detached signature over the canonical JSON of every other field
by the centre's document-signing key, with the signer's certificate chain, so it verifies offline
against the centre's CA certificate alone. A seal made before the centre had a signing identity
is unsigned and says so.

Pure functions: the caller (record/inspection.py, the Session) gives the connection, the files
and the keys."""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from barnahus_app.settings import setting_in
from barnahus_app.timeutil import parse_utc

SEAL_SUFFIX = ".seal"
SEAL_FORMAT = "barnahus-audit-seal/1"
UNSIGNED = "unsigned: the centre had no signing identity when it was made"


def backups_folder(record_path: Path) -> Path:
    return Path(record_path).parent / "backups"


# --- seals ------------------------------------------------------------------------------------

def seal_payload(record_id: str | None, head: tuple, entries: int, sealed_at: str, **extra) -> dict:
    """A seal's fields before its signature: the head (entry id, hash), the entry count, the
    record id and the time (UTC ISO); extra: a backup's file name, SHA-256 and schema."""
    return {"format": SEAL_FORMAT, "record_id": record_id,
            "audit_head": {"id": head[0], "hash": head[1]}, "audit_entries": entries,
            "sealed_at": sealed_at, **extra}


def canonical(seal: dict) -> bytes:
    """The bytes a seal's signature covers: every field but the signature, canonical JSON."""
    fields = {k: v for k, v in seal.items() if k != "signature"}
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def sign_seal(payload: dict, key_pem: str | None, cert_pem: str | None, chain_pems=()) -> dict:
    """The seal with its signature by key_pem (the centre's document-signing key), the signer's
    certificate and its chain up to the CA; without a key, the seal with signature None and a
    note that it is unsigned."""
    if not key_pem or not cert_pem:
        return {**payload, "signature": None, "signature_note": UNSIGNED}
    key = serialization.load_pem_private_key(key_pem.encode("ascii"), None)
    data = canonical(payload)
    if isinstance(key, ec.EllipticCurvePrivateKey):
        algorithm, value = "ecdsa-sha256", key.sign(data, ec.ECDSA(hashes.SHA256()))
    elif isinstance(key, rsa.RSAPrivateKey):
        algorithm, value = "rsa-pkcs1v15-sha256", key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    else:
        raise ValueError("the signing key is neither EC nor RSA")
    return {**payload, "signature": {"algorithm": algorithm,
                                     "value": base64.b64encode(value).decode("ascii"),
                                     "certificates": [cert_pem, *chain_pems]}}


def seal_text(seal: dict) -> str:
    return json.dumps(seal, indent=2, sort_keys=True) + "\n"


def read_seal_file(path: Path) -> dict | None:
    """A seal file's fields, if it is a seal (of the format this version writes); else None."""
    try:
        seal = json.loads(Path(path).read_text(encoding="utf-8"))
        ok = (seal.get("format") == SEAL_FORMAT and isinstance(seal.get("audit_head"), dict)
              and isinstance(seal["audit_head"].get("hash"), str)
              and (seal["audit_head"].get("id") is None or isinstance(seal["audit_head"].get("id"), int)))
    except (OSError, ValueError, AttributeError):
        return None
    return seal if ok else None


def verify_seal_signature(seal: dict, ca_pems) -> str | None:
    """None if the seal is signed by a certificate that chains up to one of ca_pems (the
    centre's CA certificates) and the signature covers its fields as they are; else the problem,
    in plain words."""
    sig = seal.get("signature")
    if not sig:
        return "the seal is not signed, so it proves nothing by itself"
    try:
        certs = [x509.load_pem_x509_certificate(p.encode("ascii")) for p in sig["certificates"]]
        value = base64.b64decode(sig["value"], validate=True)
        algorithm = sig["algorithm"]
        cas = [x509.load_pem_x509_certificate(p.encode("ascii")) for p in ca_pems]
    except (KeyError, TypeError, ValueError, AttributeError):
        return "the seal's signature cannot be read"
    if not certs:
        return "the seal's signature names no certificate"
    # Each certificate issued by the next; the last one is (or is issued by) one of the CAs.
    try:
        for child, parent in zip(certs, certs[1:]):
            child.verify_directly_issued_by(parent)
    except (ValueError, TypeError, InvalidSignature):
        return "the seal was NOT signed by this centre: its certificate chain does not verify"
    if not any(_is_or_issued_by(certs[-1], ca) for ca in cas):
        return "the seal was NOT signed by this centre: its certificate is not issued by the centre's CA"
    public = certs[0].public_key()
    data = canonical(seal)
    try:
        if algorithm == "ecdsa-sha256" and isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(value, data, ec.ECDSA(hashes.SHA256()))
        elif algorithm == "rsa-pkcs1v15-sha256" and isinstance(public, rsa.RSAPublicKey):
            public.verify(value, data, padding.PKCS1v15(), hashes.SHA256())
        else:
            return "the seal's signature uses an algorithm this version does not know"
    except InvalidSignature:
        return "the seal's signature does not match its contents: it was changed after it was signed"
    return None


def _is_or_issued_by(cert, ca) -> bool:
    if cert.fingerprint(hashes.SHA256()) == ca.fingerprint(hashes.SHA256()):
        return True
    try:
        cert.verify_directly_issued_by(ca)
        return True
    except (ValueError, TypeError, InvalidSignature):
        return False


# --- comparing the chain with the heads quoted outside it --------------------------------------

@dataclass(frozen=True)
class Anchor:
    source: str            # in plain words: "document D-…", "the seal of backup …"
    head_id: int | None    # None: the chain was empty
    head_hash: str
    entries: int | None    # how many entries the chain had (seals); None: not said
    at: str | None         # when it was quoted, UTC ISO
    # False for a seal given to `check --seal`: it must be in the chain as it is; a restore the
    # chain records (which someone with the key could also write) is named, never an excuse.
    restore_explains: bool = True


@dataclass(frozen=True)
class AnchorReport:
    documents: int                  # issued documents compared
    seals: int                      # seals compared
    mismatch: str | None            # the first head the chain no longer holds, in plain words
    lost_in_restores: tuple = ()    # anchors whose entries a recorded restore lost (not a failure)

    @property
    def ok(self) -> bool:
        return self.mismatch is None

    def lines(self) -> list[str]:
        """Nothing when there was nothing to compare (no document issued, no seal)."""
        if self.mismatch is None and not self.documents and not self.seals:
            return []
        if self.mismatch:
            out = [f"audit anchors: MISMATCH: {self.mismatch}"]
        else:
            out = [f"audit anchors: ok, the chain holds the heads quoted by {self.documents} issued "
                   f"document(s) and {self.seals} seal(s)"]
        for note in self.lost_in_restores[:3]:
            out.append(f"  ({note})")
        if len(self.lost_in_restores) > 3:
            out.append(f"  (and {len(self.lost_in_restores) - 3} more quoted entries lost in restores)")
        return out


def document_anchors(conn) -> list[Anchor]:
    """The heads quoted by the documents this record issued (none before documents existed)."""
    if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                            "AND name = 'issued_documents'").first() is None:
        return []
    return [Anchor(f"document {d}", i, h, None, at) for d, i, h, at in conn.exec_driver_sql(
        "SELECT document_id, audit_head_id, audit_head_hash, issued_at FROM issued_documents ORDER BY id")]


def seal_anchor(seal: dict, source: str, restore_explains: bool = True) -> Anchor:
    entries = seal.get("audit_entries")
    return Anchor(source, seal["audit_head"]["id"], seal["audit_head"]["hash"],
                  entries if isinstance(entries, int) else None, seal.get("sealed_at"), restore_explains)


def backup_seal_anchors(folder: Path, record_id: str | None, where: str = "") -> list[Anchor]:
    """The heads in the seals of this record's backups in folder (seals of another record's
    backups, or files that are no seal, are left out); where: said after each one's name."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    out = []
    for f in sorted(folder.glob("*" + SEAL_SUFFIX)):
        seal = read_seal_file(f)
        if seal is None or (record_id and seal.get("record_id") not in (None, record_id)):
            continue
        name = seal.get("backup_file") or f.name[:-len(SEAL_SUFFIX)]
        out.append(seal_anchor(seal, f"the seal of backup {name}{where}"))
    return out


def record_id_of(conn) -> str | None:
    return conn.exec_driver_sql("SELECT value FROM record_meta WHERE key = 'record_id'").scalar()


def compare(conn, anchors: list[Anchor], documents: int = 0, seals: int = 0) -> AnchorReport:
    """Does the chain on conn still hold every anchor's head (that hash at that id, and at least
    that many entries)? The first one it does not, lowest entry first, is the mismatch; a head
    lost by a restore from a backup the chain records (`record.restored`, made after the head was
    quoted, from a backup older than it) is noted, not a failure."""
    entries = conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar()
    restores = _restores(conn)
    lost = []
    for a in sorted(anchors, key=lambda a: (a.head_id or 0, a.source)):
        problem = _problem(conn, a, entries)
        if problem is None:
            continue
        restore = _restore_explaining(a, restores)
        if restore is None or not a.restore_explains:
            if restore is not None:
                problem += (f" (the audit trail records a restore from a backup after it was sealed, "
                            f"record.restored, entry {restore})")
            return AnchorReport(documents, seals, problem, tuple(lost))
        lost.append(f"entry {a.head_id} that {a.source} quoted was lost when the record was restored "
                    f"from a backup (record.restored, entry {restore})")
    return AnchorReport(documents, seals, None, tuple(lost))


def check_record_anchors(conn, record_path: Path, given: list[Anchor] = ()) -> AnchorReport:
    """compare() for every document the record issued, every seal of its backups beside it and
    in the second backup folder (if one is set and there), and the given anchors (a seal given
    to `check --seal`)."""
    record_id = record_id_of(conn)
    docs = document_anchors(conn)
    seals = backup_seal_anchors(backups_folder(record_path), record_id)
    second = str(setting_in(conn, "backup_second_folder") or "").strip()
    if second:
        # The copies there outlive the backups folder beside the record. A copy with the same
        # head as the seal beside the record is counted once; one that differs is compared too.
        where = " in the second backup folder"
        seen = {(a.source + where, a.head_id, a.head_hash) for a in seals}
        seals += [a for a in backup_seal_anchors(Path(second), record_id, where)
                  if (a.source, a.head_id, a.head_hash) not in seen]
    seals += list(given)
    return compare(conn, docs + seals, len(docs), len(seals))


def centre_ca_pems(conn) -> list[str]:
    """Every CA certificate the record knows for the centre (each identity it created, the
    roots of imported ones), PEM: what a seal's signature must chain up to."""
    if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                            "AND name = 'signing_credentials'").first() is None:
        return []
    out = []
    for kind, cert, chain in conn.exec_driver_sql(
            "SELECT kind, certificate_pem, chain_pem FROM signing_credentials ORDER BY id"):
        if kind == "ca" and cert:
            out.append(cert)
        elif chain:
            root = x509.load_pem_x509_certificates(chain.encode("ascii"))[-1]
            out.append(root.public_bytes(serialization.Encoding.PEM).decode("ascii"))
    return list(dict.fromkeys(out))


def signer_of(seal: dict) -> str:
    """The signer's common name (its whole subject if it has none)."""
    cert = x509.load_pem_x509_certificate(seal["signature"]["certificates"][0].encode("ascii"))
    names = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    return str(names[0].value) if names else cert.subject.rfc4514_string()


def ca_fingerprint_of(seal: dict) -> str:
    """The SHA-256 fingerprint (hex) of the certificate at the end of the seal's chain."""
    cert = x509.load_pem_x509_certificate(seal["signature"]["certificates"][-1].encode("ascii"))
    return cert.fingerprint(hashes.SHA256()).hex()


def _problem(conn, a: Anchor, entries: int) -> str | None:
    if a.head_id is None:
        return None
    row = conn.exec_driver_sql("SELECT entry_hash FROM audit_log WHERE id = ?", (a.head_id,)).first()
    if row is None:
        return (f"the audit trail no longer holds entry {a.head_id} that {a.source} quoted: "
                "it was truncated or rewritten")
    if row[0] != a.head_hash:
        return (f"entry {a.head_id} of the audit trail is not the one {a.source} quoted (its hash "
                "differs): the audit trail was rewritten")
    if a.entries is not None and entries < a.entries:
        return (f"the audit trail has {entries} entries, fewer than the {a.entries} that {a.source} "
                "sealed: it was truncated")
    return None


def _restores(conn) -> list[tuple[int, str, int | None]]:
    out = []
    for entry_id, at, detail in conn.exec_driver_sql(
            "SELECT id, at_utc, detail FROM audit_log WHERE action = 'record.restored' ORDER BY id"):
        try:
            head = json.loads(detail or "{}").get("restored_head")
        except ValueError:
            head = None
        out.append((entry_id, at, head if isinstance(head, int) else None))
    return out


def _restore_explaining(a: Anchor, restores) -> int | None:
    """The restore entry that lost a's head: made after a was quoted, from a backup whose head
    came before a's."""
    if not a.at:
        return None
    try:
        quoted = parse_utc(a.at)
    except ValueError:
        return None
    for entry_id, at, restored_head in restores:
        try:
            after = parse_utc(at) >= quoted
        except ValueError:
            continue
        if after and (restored_head or 0) < a.head_id:
            return entry_id
    return None
