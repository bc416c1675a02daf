"""Sealed sections: content encrypted inside the record under a key the record key does not give.

The record key (SQLCipher) opens the whole file, and every user's password yields it. A section
(the interviewer's notes, the signing keys; later medical and therapy detail) is a second layer:
- it has its own random 256-bit section key; each of its values is AES-256-GCM ciphertext in
  `section_values`, the associated data naming the section, table, row and column, so a
  ciphertext cannot be moved to another row or column;
- the section key is sealed (keyslots._seal_key, as the record key is sealed in the key file) to
  the public key of each user whose roles grant the section (policy.SECTIONS), one row each in
  `section_keys`, and to a section recovery key shown once to the first holder (row '#recovery');
- a user newly granted the section gets the key from a holder: at once if the granting user holds
  it, else by a request in `section_requests` that the next holder's unlock completes;
- a user who loses the section (role removed, account disabled) loses their row, and the section
  is re-keyed (new key, every value re-encrypted, sealed to the remaining holders) in ONE
  transaction: after a crash exactly one key opens every value. Who holds no key asks for the
  re-key with a request, done at the next holder's unlock.

The functions here take a connection inside the caller's transaction and write no audit entry:
the session's actions audit. SectionKeys is what a session holds: the keys its user unsealed.
"""
from __future__ import annotations

import base64
import json
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import delete, insert, select, text, update

from barnahus_app.errors import RecordFileError, SectionLocked, WrongCredentials
from barnahus_app.record.keyslots import (
    _seal_key, _unseal_key, format_recovery_key, key_id, parse_recovery_key,
)
from barnahus_app.tables import SectionKey, SectionRequest, SectionValue
from barnahus_app.timeutil import utc_now_iso

RECOVERY_HOLDER = "#recovery"   # not a valid user name (users/accounts.USERNAME)
SEAL, REKEY = "seal", "rekey"
K, RQ, V = SectionKey.__table__, SectionRequest.__table__, SectionValue.__table__

# Plaintext a section took over from an earlier schema: (table, column) moved into the section,
# and set to NULL, when the section is created (the first holder's unlock after the upgrade).
LEGACY_PLAINTEXT: dict[str, list[tuple[str, str]]] = {
    "interview_notes": [("interviews", "notes")],
    # private keys an older record kept in plaintext (the signing key; the CA key until exported)
    "signing_keys": [("signing_credentials", "private_key_pem")],
}

_TEXT, _BYTES = b"s", b"b"


# --- values ---------------------------------------------------------------------------------------

def _aad(section: str, table: str, row_id: int, column: str) -> bytes:
    return "\x00".join(("barnahus section value v1", section, table, str(int(row_id)), column)).encode()


def encrypt_value(key: bytes, section: str, table: str, row_id: int, column: str,
                  plaintext: bytes) -> tuple[bytes, bytes]:
    """(nonce, ciphertext) of plaintext under the section key, bound to its place."""
    nonce = secrets.token_bytes(12)
    return nonce, AESGCM(key).encrypt(nonce, plaintext, _aad(section, table, row_id, column))


def decrypt_value(key: bytes, section: str, table: str, row_id: int, column: str,
                  nonce: bytes, ct: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(nonce, ct, _aad(section, table, row_id, column))
    except InvalidTag:
        raise RecordFileError(f"A value of section {section} does not decrypt with its key (it was "
                              "changed or moved outside Barnahus).") from None


def write_value(conn, key: bytes, section: str, table: str, row_id: int, column: str,
                value: str | bytes | None) -> None:
    """Store (or, for None, remove) a value of the section at (table, row_id, column)."""
    conn.execute(delete(V).where(V.c.tbl == table, V.c.row_id == row_id, V.c.col == column))
    if value is None:
        return
    raw = (_TEXT + value.encode("utf-8")) if isinstance(value, str) else (_BYTES + bytes(value))
    nonce, ct = encrypt_value(key, section, table, row_id, column, raw)
    conn.execute(insert(V).values(tbl=table, row_id=row_id, col=column, section=section,
                                  key_id=key_id(key), nonce=nonce, ct=ct))


def read_value(conn, key: bytes | None, section: str, table: str, row_id: int,
               column: str) -> str | bytes | None:
    """The value at (table, row_id, column), or None if there is none. A value exists but key is
    None (not held): SectionLocked."""
    row = conn.execute(select(V.c.section, V.c.nonce, V.c.ct).where(
        V.c.tbl == table, V.c.row_id == row_id, V.c.col == column)).first()
    if row is None:
        return None
    if row.section != section:
        raise RecordFileError(f"A value of section {row.section} sits where section {section} was "
                              "expected (it was moved outside Barnahus).")
    if key is None:
        raise SectionLocked(section)
    raw = decrypt_value(key, section, table, row_id, column, row.nonce, row.ct)
    return raw[1:].decode("utf-8") if raw[:1] == _TEXT else raw[1:]


def read_values(conn, key: bytes | None, section: str, table: str, row_ids) -> dict[tuple[int, str], str | bytes]:
    """Every value of these rows of table, {(row_id, column): value}, in one query per 500 rows
    (read_value's rules: a value of another section there is an error; one that exists while
    key is None raises SectionLocked)."""
    ids = sorted({int(i) for i in row_ids})
    out: dict[tuple[int, str], str | bytes] = {}
    for i in range(0, len(ids), 500):
        for row in conn.execute(select(V.c.row_id, V.c.col, V.c.section, V.c.nonce, V.c.ct).where(
                V.c.tbl == table, V.c.row_id.in_(ids[i:i + 500]))):
            if row.section != section:
                raise RecordFileError(f"A value of section {row.section} sits where section {section} was "
                                      "expected (it was moved outside Barnahus).")
            if key is None:
                raise SectionLocked(section)
            raw = decrypt_value(key, section, table, row.row_id, row.col, row.nonce, row.ct)
            out[(row.row_id, row.col)] = raw[1:].decode("utf-8") if raw[:1] == _TEXT else raw[1:]
    return out


def rows_with_values(conn, table: str, column: str, row_ids) -> set[int]:
    """Which of these rows of table hold a sealed value in column (of any section): whether
    something was written, told without its key and without reading its ciphertext."""
    ids = sorted({int(i) for i in row_ids})
    found: set[int] = set()
    for i in range(0, len(ids), 500):
        found.update(r for (r,) in conn.execute(select(V.c.row_id).where(
            V.c.tbl == table, V.c.col == column, V.c.row_id.in_(ids[i:i + 500]))))
    return found


# --- keys -----------------------------------------------------------------------------------------

def exists(conn, section: str) -> bool:
    return conn.execute(select(K.c.section).where(K.c.section == section).limit(1)).first() is not None


def seal_to(conn, section: str, key: bytes, username: str, public: X25519PublicKey) -> None:
    """The section key sealed to username's public key (replacing any earlier seal for them)."""
    conn.execute(delete(K).where(K.c.section == section, K.c.username == username))
    sealed = _seal_key(key, public)
    conn.execute(insert(K).values(section=section, username=username, key_id=sealed["key_id"],
                                  sealed=json.dumps(sealed, sort_keys=True)))


def remove_holder(conn, section: str, username: str) -> bool:
    """username's seal of the section removed; True if there was one."""
    return conn.execute(delete(K).where(K.c.section == section, K.c.username == username)).rowcount > 0


def _seal_recovery(conn, section: str, key: bytes, recovery_public: X25519PublicKey) -> None:
    sealed = _seal_key(key, recovery_public)
    sealed["public_key"] = base64.b64encode(recovery_public.public_bytes_raw()).decode("ascii")
    conn.execute(delete(K).where(K.c.section == section, K.c.username == RECOVERY_HOLDER))
    conn.execute(insert(K).values(section=section, username=RECOVERY_HOLDER, key_id=sealed["key_id"],
                                  sealed=json.dumps(sealed, sort_keys=True)))


def create(conn, section: str, holders_public: dict[str, X25519PublicKey]) -> tuple[bytes, str]:
    """A new section: its key sealed to every holder and to a new section recovery key.
    Returns (section key, recovery key text to show once). Plaintext of LEGACY_PLAINTEXT is
    the caller's to move (move_plaintext), in the same transaction."""
    if exists(conn, section):
        raise RecordFileError(f"Section {section} exists already.")
    key = secrets.token_bytes(32)
    recovery = secrets.token_bytes(32)
    for username, public in sorted(holders_public.items()):
        seal_to(conn, section, key, username, public)
    _seal_recovery(conn, section, key, X25519PrivateKey.from_private_bytes(recovery).public_key())
    conn.execute(delete(RQ).where(RQ.c.section == section))   # everyone eligible holds it now
    return key, format_recovery_key(recovery)


def new_recovery(conn, section: str, key: bytes) -> str:
    """A new section recovery key, the section key (the one held: key) sealed to it in place of
    the old one, which opens nothing from now on. Returns its text, to show once."""
    held = conn.execute(select(K.c.key_id).where(K.c.section == section)).scalars().all()
    if set(held) != {key_id(key)}:
        raise RecordFileError(f"Section {section} is sealed under another key than the one given.")
    recovery = secrets.token_bytes(32)
    _seal_recovery(conn, section, key, X25519PrivateKey.from_private_bytes(recovery).public_key())
    return format_recovery_key(recovery)


def unseal_held(conn, username: str, private: X25519PrivateKey) -> dict[str, bytes]:
    """The keys of every section sealed to username that private opens (a seal made for an older
    key pair of theirs opens nothing: the unlock then asks for a new seal)."""
    out = {}
    for section, sealed in conn.execute(select(K.c.section, K.c.sealed).where(K.c.username == username)):
        try:
            out[section] = _unseal_key(json.loads(sealed), private)
        except (InvalidTag, KeyError, ValueError, TypeError, AttributeError):
            continue
    return out


def unseal_with_recovery(conn, section: str, recovery_key: str) -> bytes:
    """The section key the section recovery key opens; WrongCredentials if it does not."""
    row = conn.execute(select(K.c.sealed).where(K.c.section == section,
                                                K.c.username == RECOVERY_HOLDER)).first()
    if row is None:
        raise WrongCredentials()
    try:
        private = X25519PrivateKey.from_private_bytes(parse_recovery_key(recovery_key))
        return _unseal_key(json.loads(row.sealed), private)
    except (InvalidTag, KeyError, ValueError, TypeError):
        raise WrongCredentials() from None


def rekey(conn, section: str, old_key: bytes, holders_public: dict[str, X25519PublicKey]) -> bytes:
    """A new key for the section: every value re-encrypted, sealed to holders_public and the
    (same) section recovery key, all other seals removed. Inside the caller's transaction, so a
    crash leaves either the old key with the old values or the new key with the new ones."""
    old_id = key_id(old_key)
    held = conn.execute(select(K.c.key_id).where(K.c.section == section)).scalars().all()
    if held and set(held) != {old_id}:
        raise RecordFileError(f"Section {section} is sealed under another key than the one given.")
    new_key = secrets.token_bytes(32)
    new_id = key_id(new_key)
    for row in conn.execute(select(V).where(V.c.section == section)).all():
        raw = decrypt_value(old_key, section, row.tbl, row.row_id, row.col, row.nonce, row.ct)
        nonce, ct = encrypt_value(new_key, section, row.tbl, row.row_id, row.col, raw)
        conn.execute(update(V).where(V.c.tbl == row.tbl, V.c.row_id == row.row_id, V.c.col == row.col)
                     .values(key_id=new_id, nonce=nonce, ct=ct))
    recovery = conn.execute(select(K.c.sealed).where(K.c.section == section,
                                                     K.c.username == RECOVERY_HOLDER)).scalar()
    conn.execute(delete(K).where(K.c.section == section))
    for username, public in sorted(holders_public.items()):
        seal_to(conn, section, new_key, username, public)
    if recovery is not None:
        public = X25519PublicKey.from_public_bytes(base64.b64decode(json.loads(recovery)["public_key"]))
        _seal_recovery(conn, section, new_key, public)
    conn.execute(delete(RQ).where(RQ.c.section == section, RQ.c.kind == REKEY))
    return new_key


def move_plaintext(conn, section: str, key: bytes) -> int:
    """The plaintext LEGACY_PLAINTEXT names for section sealed into it and cleared from its
    column. Returns how many values were moved."""
    moved = 0
    for table, column in LEGACY_PLAINTEXT.get(section, []):
        rows = conn.execute(text(f'SELECT id, "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL')).all()
        for row_id, value in rows:
            write_value(conn, key, section, table, row_id, column, value)
            moved += 1
        if rows:
            conn.execute(text(f'UPDATE "{table}" SET "{column}" = NULL WHERE "{column}" IS NOT NULL'))
    return moved


# --- requests -------------------------------------------------------------------------------------

def request(conn, section: str, username: str, kind: str, requested_by: str | None) -> bool:
    """Ask the next holder to seal the key to username (SEAL) or to re-key the section because
    username lost it (REKEY). True if the request is new."""
    if kind not in (SEAL, REKEY):
        raise ValueError(kind)
    if conn.execute(select(RQ.c.id).where(RQ.c.section == section, RQ.c.username == username,
                                          RQ.c.kind == kind)).first():
        return False
    conn.execute(insert(RQ).values(section=section, username=username, kind=kind,
                                   requested_by=requested_by, requested_at=utc_now_iso()))
    return True


def requests(conn, section: str) -> list:
    """The open requests of a section, oldest first (rows: id, username, kind, requested_by)."""
    return conn.execute(select(RQ).where(RQ.c.section == section).order_by(RQ.c.id)).all()


def drop_request(conn, request_id: int) -> None:
    conn.execute(delete(RQ).where(RQ.c.id == request_id))


def drop_requests_of(conn, section: str, username: str, kind: str = SEAL) -> None:
    conn.execute(delete(RQ).where(RQ.c.section == section, RQ.c.username == username, RQ.c.kind == kind))


# --- what a session holds -------------------------------------------------------------------------

class SectionKeys:
    """The section keys one session's user unsealed; kept in memory only, for the session."""

    def __init__(self, keys: dict[str, bytes] | None = None):
        self._keys = dict(keys or {})

    def holds(self, section: str) -> bool:
        return section in self._keys

    def key(self, section: str) -> bytes:
        try:
            return self._keys[section]
        except KeyError:
            raise SectionLocked(section) from None

    def set(self, section: str, key: bytes) -> None:
        self._keys[section] = key

    def drop(self, section: str) -> None:
        self._keys.pop(section, None)

    def items(self) -> list[tuple[str, bytes]]:
        return sorted(self._keys.items())

    def forget(self) -> None:
        self._keys.clear()

    def write(self, conn, section: str, table: str, row_id: int, column: str,
              value: str | bytes | None) -> None:
        """Store a value in the section; SectionLocked (before anything is written) if not held."""
        write_value(conn, self.key(section), section, table, row_id, column, value)

    def read(self, conn, section: str, table: str, row_id: int, column: str) -> str | bytes | None:
        """The value, None if there is none, SectionLocked if there is one this session cannot open."""
        return read_value(conn, self._keys.get(section), section, table, row_id, column)


__all__ = ["SectionKeys", "RECOVERY_HOLDER", "SEAL", "REKEY", "LEGACY_PLAINTEXT", "encrypt_value",
           "decrypt_value", "write_value", "read_value", "read_values", "rows_with_values", "exists", "seal_to", "remove_holder",
           "create", "new_recovery", "unseal_held", "unseal_with_recovery", "rekey", "move_plaintext", "request",
           "requests", "drop_request", "drop_requests_of"]
