"""Key slots: the sidecar file that lets each user unlock the record with their own password.

The record is encrypted with one random 256-bit record key (SQLCipher raw key). Each user has an
X25519 key pair. Their private key is wrapped with AES-256-GCM under a key derived from their
password with Argon2id; the record key is sealed to their public key. So:
- changing a password makes the user a new key pair (a private key stolen before the change opens
  nothing sealed after it) and seals their record keys to it; nobody else's slot changes;
- rotating the record key seals the new key to every user's public key, without their passwords;
- a crash during rotation leaves both keys sealed, and the opener tries each (see storage.py).

The sidecar holds no case content. It also keeps the failed unlock attempts (for the growing
delay and the report at the next login); it never stores what was typed as a user name if that
user is unknown.

Failed unlock attempts
----------------------
Each wrong password or recovery key appends one entry to `failure_log.entries` in the key file:
{seq, at, name, by, hash}. `seq` counts up by one and never goes back; `hash` is SHA-256 over the
previous entry's hash and this entry, so the list is a hash chain from `base_hash` (random for a
new list). `name` is the normalised user name if it has a slot, else "?" and 32 bits of an HMAC
under the list's random salt: distinct unknown names get distinct delays, yet a password typed
into the name field is not kept (32 bits match a great many strings).

Delay, per name: none for a name's first three failures since its last successful unlock, then
1, 2, 4 ... up to 30 s from its last failure (the numbers the single counter had). Failures under
other names never slow a name, so an attacker trying "mallory" or anyone's name cannot keep the
others out. The wait and the password check run before the writer lock is taken
(lifecycle.open_record): while one program waits, another unlocks. An entry is appended by
note_failure under a short lock of its own (storage.key_file_lock); KeyFile.save keeps the list on
disk, so a session's writes never drop attempts made while it was open.

Tamper evidence. A failure cannot be signed when it happens: no one has unlocked, so no key is at
hand. Instead the record (encrypted, out of an attacker's reach) remembers where it last consumed
the list: `login.failure_anchor` in record_meta, the (seq, hash) of the list's head at the last
writable unlock. At the next one, take_failure_report checks the chain (verify_failure_log): a
counter behind the anchor ("reset"), entries after the anchor missing from the start ("cut": also
what a flood beyond FAILURES_KEPT entries leaves), or a chain that is broken or does not pass
through the anchor's hash ("rewritten": the list edited, deleted, or replaced by a new one) is
audited as `login.failures_tampered` and shown to the administrators at their next login
(Session.failure_tampering). The entries since the anchor become `login.failed` audit entries,
then the anchor moves to the head. A MAC under a key derived from the record key would add
nothing here: it can only be written at an unlock, and what it would protect is the anchor, which
already lives inside the record.

What this cannot see: the list rolled back to exactly the state the record last consumed (a copy
of the key file taken right after an unlock put back, or the newest entries cut off the end).
Only a witness outside the attacker's reach at the time of the attempt could show those, and a
failed attempt has none; the administrators' report still shows every attempt that was left.
"""
from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import json
import os
import secrets
import tempfile
import unicodedata
from datetime import datetime
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from barnahus_app.errors import RecordFileError, WrongCredentials
from barnahus_app.files import fsync_folder
from barnahus_app.record import storage
from barnahus_app.record.kdf import (  # noqa: F401 (re-exported; its one definition is in kdf.py)
    KdfParams,
)
from barnahus_app.timeutil import to_utc_iso

FORMAT = "barnahus-keyslots/1"
UNKNOWN_USER = "*"  # failed attempts under a name that has no slot are counted here, nameless


def normalise_secret(text: str) -> bytes:
    """NFC, so that the same password typed on any keyboard or system gives the same key."""
    return unicodedata.normalize("NFC", text).encode("utf-8")


def normalise_username(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip().casefold()


def key_id(record_key: bytes) -> str:
    return hashlib.sha256(b"barnahus key id\x00" + record_key).hexdigest()[:16]


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: str) -> bytes:
    return base64.b64decode(s.encode("ascii"), validate=True)


def _derive_kek(password: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        normalise_secret(password), salt, params.time_cost, params.memory_kib,
        params.parallelism, 32, Type.ID,
    )


def _seal_key(record_key: bytes, public: X25519PublicKey) -> dict:
    ephemeral = X25519PrivateKey.generate()
    epk = ephemeral.public_key().public_bytes_raw()
    upk = public.public_bytes_raw()
    shared = ephemeral.exchange(public)
    k = HKDF(hashes.SHA256(), 32, None, b"barnahus seal v1" + epk + upk).derive(shared)
    nonce = secrets.token_bytes(12)
    kid = key_id(record_key)
    ct = AESGCM(k).encrypt(nonce, record_key, kid.encode())
    return {"key_id": kid, "epk": _b64(epk), "nonce": _b64(nonce), "ct": _b64(ct)}


def _unseal_key(sealed: dict, private: X25519PrivateKey) -> bytes:
    epk = _unb64(sealed["epk"])
    upk = private.public_key().public_bytes_raw()
    shared = private.exchange(X25519PublicKey.from_public_bytes(epk))
    k = HKDF(hashes.SHA256(), 32, None, b"barnahus seal v1" + epk + upk).derive(shared)
    return AESGCM(k).decrypt(_unb64(sealed["nonce"]), _unb64(sealed["ct"]), sealed["key_id"].encode())


def new_slot(username: str, password: str, record_keys: list[bytes], params: KdfParams) -> dict:
    private = X25519PrivateKey.generate()
    slot = _wrap_private(username, password, private, params)
    slot["sealed"] = [_seal_key(k, private.public_key()) for k in record_keys]
    return slot


def _wrap_private(username: str, password: str, private: X25519PrivateKey, params: KdfParams) -> dict:
    salt = secrets.token_bytes(16)
    kek = _derive_kek(password, salt, params)
    nonce = secrets.token_bytes(12)
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    ct = AESGCM(kek).encrypt(nonce, raw, _slot_aad(username))
    return {
        "kdf": {**params.as_dict(), "salt": _b64(salt)},
        "public_key": _b64(private.public_key().public_bytes_raw()),
        "private_key": {"nonce": _b64(nonce), "ct": _b64(ct)},
    }


def slot_public_key(slot: dict) -> X25519PublicKey | None:
    """The public key a slot (new_slot's dict) names; None if it is damaged."""
    try:
        return X25519PublicKey.from_public_bytes(_unb64(slot["public_key"]))
    except (KeyError, ValueError, TypeError, AttributeError):
        return None


def _slot_aad(username: str) -> bytes:
    return b"barnahus slot v1\x00" + normalise_username(username).encode("utf-8")


class KeyFile:
    """The sidecar `<record>.keys`, read whole and written atomically."""

    def __init__(self, path: Path, data: dict, fresh: bool = False):
        self.path = Path(path)
        self.data = data
        self.fresh = fresh   # made anew (KeyFile.new), not read from disk
        # The private key of the last successful unwrap, in memory only (never saved): the
        # opener hands it to the session (take_private), which unseals its section keys with it.
        self._unwrapped: X25519PrivateKey | None = None

    @classmethod
    def path_for(cls, record_path: Path) -> Path:
        record_path = Path(record_path)
        return record_path.with_name(record_path.name + ".keys")

    @classmethod
    def new(cls, record_path: Path) -> "KeyFile":
        return cls(cls.path_for(record_path), {"format": FORMAT, "users": {},
                                                "failure_log": new_failure_log()}, fresh=True)

    @classmethod
    def load(cls, record_path: Path) -> "KeyFile":
        path = cls.path_for(record_path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise RecordFileError(
                f"The key file {path.name} is missing next to the record. Put it back from a backup, "
                "or open the record with its recovery key and set the users' passwords again."
            ) from None
        except OSError as e:
            raise RecordFileError(f"The key file {path.name} cannot be read ({e.strerror}).") from None
        try:
            data = json.loads(raw.decode("utf-8"))
            _check_shape(data)
        except (ValueError, UnicodeDecodeError, AttributeError, TypeError):
            raise RecordFileError(
                f"The key file {path.name} is damaged or is not a Barnahus key file. Restore it from "
                "a backup, or open the record with its recovery key."
            ) from None
        return cls(path, data)

    def save(self) -> None:
        """Atomic: a crash leaves either the old file or the new one, never half of either.
        The failure list is the one on disk (other programs append to it without the writer
        lock, see note_failure); this object's own copy is written only if there is none."""
        with storage.key_file_lock(self.path.with_name(self.path.name[:-len(".keys")])):
            self._write(keep_failures_on_disk=True)

    def _write(self, keep_failures_on_disk: bool) -> None:
        if keep_failures_on_disk:
            try:
                self.data["failure_log"] = KeyFile.load(
                    self.path.with_name(self.path.name[:-len(".keys")])).data["failure_log"]
            except RecordFileError:
                pass   # lost or damaged: this one's list replaces it
        payload = json.dumps(self.data, indent=1, sort_keys=True).encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(payload)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        fsync_folder(self.path.parent)

    # --- slots -----------------------------------------------------------------------------
    def has_user(self, username: str) -> bool:
        return normalise_username(username) in self.data["users"]

    def usernames(self) -> list[str]:
        return sorted(self.data["users"])

    def set_slot(self, username: str, slot: dict) -> None:
        self.data["users"][normalise_username(username)] = slot

    def remove_slot(self, username: str) -> None:
        self.data["users"].pop(normalise_username(username), None)

    def unwrap(self, username: str, password: str) -> tuple[X25519PrivateKey, list[bytes]]:
        """The user's private key and every record key sealed to it (two during a rotation)."""
        try:
            normalise_secret(password)
        except UnicodeEncodeError:
            # Not valid text (a lone surrogate): no slot was made with such a password
            # (check_password refuses it). Same work and same answer as any wrong password.
            password = "\ufffd"
        slot = self.data["users"].get(normalise_username(username))
        if slot is None:
            # Same work and same answer as a wrong password: a name's existence is not revealed.
            # The cost is the one the existing slots use (not the default), or the timing of the
            # answer would tell a known name from an unknown one.
            _derive_kek(password, b"\x00" * 16, self._decoy_params())
            raise WrongCredentials()
        try:
            params = KdfParams.from_dict(slot["kdf"])
            kek = _derive_kek(password, _unb64(slot["kdf"]["salt"]), params)
            wrapped = slot["private_key"]
            raw = AESGCM(kek).decrypt(_unb64(wrapped["nonce"]), _unb64(wrapped["ct"]), _slot_aad(username))
        except InvalidTag:
            raise WrongCredentials() from None
        except (KeyError, ValueError, TypeError, AttributeError):
            raise RecordFileError(f"The key slot of this user in {self.path.name} is damaged.") from None
        private = X25519PrivateKey.from_private_bytes(raw)
        self._unwrapped = private
        keys = []
        sealed_keys = slot.get("sealed", [])
        for sealed in sealed_keys if isinstance(sealed_keys, list) else []:
            try:
                keys.append(_unseal_key(sealed, private))
            except (InvalidTag, KeyError, ValueError, TypeError, AttributeError):
                continue  # damaged: the opener then says the key does not open the file
        return private, keys

    def _decoy_params(self) -> KdfParams:
        for slot in self.data["users"].values():
            try:
                return KdfParams.from_dict(slot["kdf"])
            except (KeyError, ValueError, TypeError, RecordFileError):
                continue
        return KdfParams()

    def take_private(self) -> X25519PrivateKey | None:
        """The private key the last unwrap found, once (then forgotten here)."""
        private, self._unwrapped = self._unwrapped, None
        return private

    def public_key(self, username: str) -> X25519PublicKey | None:
        """The public key of username's slot; None without a slot (or a damaged one)."""
        slot = self.data["users"].get(normalise_username(username))
        return slot_public_key(slot) if slot is not None else None

    def change_password(self, username: str, old_password: str, new_password: str,
                        params: KdfParams) -> X25519PrivateKey:
        """A new key pair for the user, wrapped under the new password, with every record key the
        old one held sealed to it. Returns the new private key (the caller reseals what else was
        sealed to the old one: the section keys)."""
        _, keys = self.unwrap(username, old_password)
        self._unwrapped = None
        private = X25519PrivateKey.generate()
        slot = _wrap_private(username, new_password, private, params)
        slot["sealed"] = [_seal_key(k, private.public_key()) for k in keys]
        self.data["users"][normalise_username(username)].update(slot)
        return private

    def seal_for_all(self, record_key: bytes) -> None:
        """Add record_key to every slot (the first half of a rotation)."""
        kid = key_id(record_key)
        for slot in self.data["users"].values():
            if any(s["key_id"] == kid for s in slot.get("sealed", [])):
                continue
            public = X25519PublicKey.from_public_bytes(_unb64(slot["public_key"]))
            slot.setdefault("sealed", []).append(_seal_key(record_key, public))

    def keep_only(self, record_key: bytes) -> bool:
        """Drop every sealed key but record_key. True if anything changed."""
        kid = key_id(record_key)
        changed = False
        for slot in self.data["users"].values():
            kept = [s for s in slot.get("sealed", []) if s["key_id"] == kid]
            if len(kept) != len(slot.get("sealed", [])):
                changed = True
            slot["sealed"] = kept
        return changed

    def rotation_pending(self) -> bool:
        return any(len(s.get("sealed", [])) > 1 for s in self.data["users"].values())

    # --- failed unlock attempts (see "Failed unlock attempts" in the module docstring) -------
    def failure_bucket(self, username: str) -> str:
        """Where a failure under this name is counted: the normalised name if it has a slot, else
        '?' and 32 bits of a keyed hash (never the typed text: it may be a mistyped password)."""
        name = normalise_username(username)
        if name in self.data["users"]:
            return name
        salt = _unb64(self.data["failure_log"]["salt"])
        return "?" + hmac.new(salt, name.encode("utf-8"), hashlib.sha256).hexdigest()[:8]

    def record_failure(self, username: str, when: datetime, by_recovery_key: bool = False) -> None:
        """Append one failed attempt to the hash-chained list (in memory; see note_failure)."""
        _append_failure(self.data["failure_log"], to_utc_iso(when), self.failure_bucket(username),
                        "recovery_key" if by_recovery_key else "password")

    def unlock_delay(self, username: str, now: datetime) -> float:
        """Seconds to wait before checking a password for this name: none for its first three
        failures since its last successful unlock, then 1, 2, 4 ... up to 30 s, counted from its
        last failure. Failures under other names (known or not) do not count."""
        mine = self._failures_since_seen(self.failure_bucket(username))
        n = len(mine)
        if n < 3:
            return 0.0
        delay = min(30.0, 2.0 ** (n - 3))
        elapsed = (now - datetime.fromisoformat(mine[-1]["at"])).total_seconds()
        return max(0.0, delay - elapsed)

    def _failures_since_seen(self, bucket: str) -> list[dict]:
        log = self.data["failure_log"]
        seen = log["seen"].get(bucket, 0)
        if seen > log_head(log)[0]:
            seen = 0   # the list was reset since: count what it holds
        return [e for e in log["entries"] if e["name"] == bucket and e["seq"] > seen]

    def take_failure_report(self, username: str, is_admin: bool,
                            anchor: tuple[int, str] | None) -> "FailureReport":
        """At a successful (writable) unlock: the entries the record has not consumed yet (after
        anchor = (seq, hash) the record stored at its last unlock), whether the list was tampered
        with since, this user's failures not yet shown to them, and for an administrator those
        under unknown names not yet shown to an administrator. Marks what it shows as seen."""
        log = self.data["failure_log"]
        tampered = verify_failure_log(log, anchor)
        head = log_head(log)
        since = 0 if anchor is None or tampered == "reset" else anchor[0]
        new = [e for e in log["entries"] if e["seq"] > since]
        bucket = self.failure_bucket(username)
        own = [e["at"] for e in self._failures_since_seen(bucket)]
        if own:
            log["seen"][bucket] = head[0]
        nameless = []
        if is_admin:
            nameless = [e["at"] for e in log["entries"]
                        if e["name"].startswith("?") and e["seq"] > log["seen"].get("?", 0)]
            if nameless:
                log["seen"]["?"] = head[0]
        return FailureReport(new, tampered, head, sorted(own), sorted(nameless))


FAILURES_KEPT = 1000    # entries kept in the key file; the audit trail keeps them all once consumed


@dataclasses.dataclass(frozen=True)
class FailureReport:
    new: list[dict]                 # entries the record had not consumed: audit them
    tampered: str | None            # None, or "reset" / "cut" / "rewritten" (verify_failure_log)
    head: tuple[int, str]           # (seq, hash) to store in the record as its new anchor
    own: list[str]                  # this user's failed attempts not shown to them yet (times)
    nameless: list[str]             # for an administrator: attempts under unknown names (times)


def new_failure_log() -> dict:
    """Empty, from a random base hash: a list deleted or replaced by a new one does not pass
    through the hash the record remembers, even if no attempt had been made yet."""
    return {"salt": _b64(secrets.token_bytes(16)), "base_seq": 0, "base_hash": secrets.token_hex(32),
            "entries": [], "seen": {}}


def log_head(log: dict) -> tuple[int, str]:
    """(sequence number, hash) of the last failure appended (the base if none is kept)."""
    if log["entries"]:
        return log["entries"][-1]["seq"], log["entries"][-1]["hash"]
    return log["base_seq"], log["base_hash"]


def _failure_hash(prev: str, entry: dict) -> str:
    body = {k: entry[k] for k in ("seq", "at", "name", "by")}
    return hashlib.sha256(b"barnahus failure v1\x00" + prev.encode("ascii") + b"\x00"
                          + json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")).hexdigest()


def verify_failure_log(log: dict, anchor: tuple[int, str] | None) -> str | None:
    """None if the list continues what the record consumed last (anchor = (seq, hash); None
    for a record that never consumed any: nothing to compare with, the list is taken as found):
    "reset" if its counter is behind the anchor (reset, or the key file replaced), "cut" if
    entries after the anchor are missing from its start, "rewritten" if it does not pass through
    the anchor's hash or its chain after the anchor is broken. Entries the record consumed
    already (up to the anchor) are in the audit trail; what became of them here does not count."""
    if anchor is None:
        return None
    if log_head(log)[0] < anchor[0]:
        return "reset"
    if log["base_seq"] > anchor[0]:
        return "cut"
    seq, prev = log["base_seq"], log["base_hash"]
    through_anchor = (seq, prev) == tuple(anchor)
    for e in log["entries"]:
        if e["seq"] == anchor[0]:
            through_anchor = e["hash"] == anchor[1]
        elif e["seq"] > anchor[0] and (e["seq"] != seq + 1 or e["hash"] != _failure_hash(prev, e)):
            return "rewritten"
        seq, prev = e["seq"], e["hash"]
    return None if through_anchor else "rewritten"


def note_failure(record_path: Path, username: str, when: datetime, by_recovery_key: bool = False) -> None:
    """Count one failed attempt in the key file on disk: read, append, write, under the key file's
    short lock (storage.key_file_lock), never the writer lock, so that attempts from several
    programs at once are all kept and a session's own writes keep them too (KeyFile.save)."""
    with storage.key_file_lock(record_path):
        keyfile = KeyFile.load(record_path)
        keyfile.record_failure(username, when, by_recovery_key)
        keyfile._write(keep_failures_on_disk=False)


def take_failure_report(record_path: Path, username: str, is_admin: bool,
                        anchor: tuple[int, str] | None) -> FailureReport:
    """KeyFile.take_failure_report on the key file on disk, under its short lock."""
    with storage.key_file_lock(record_path):
        keyfile = KeyFile.load(record_path)
        seen = dict(keyfile.data["failure_log"]["seen"])
        report = keyfile.take_failure_report(username, is_admin, anchor)
        if keyfile.data["failure_log"]["seen"] != seen:
            keyfile._write(keep_failures_on_disk=False)
    return report


def _check_shape(data) -> None:
    """Raise ValueError unless data has the shape of a key file. Slots are checked when used;
    the failure bookkeeping here, because every unlock attempt reads and writes it."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a key file")
    users = data.get("users")
    if not isinstance(users, dict) or not all(isinstance(s, dict) for s in users.values()):
        raise ValueError("users")
    _check_legacy_failures(data)
    _failure_log_in_shape(data)


def _check_legacy_failures(data: dict) -> None:
    """The bookkeeping of key files written before the failure list (one global counter):
    checked, then moved into the list, nameless attempts under '?' (see _failure_log_in_shape)."""
    failures = data.get("failures", {})
    if not isinstance(failures, dict) or not all(
            isinstance(v, list) and all(isinstance(t, str) for t in v) for v in failures.values()):
        raise ValueError("failures")
    n = data.get("consecutive_failures", 0)
    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
        raise ValueError("consecutive_failures")
    if "last_failure" in data:
        last = data["last_failure"]
        if not isinstance(last, str) or datetime.fromisoformat(last).tzinfo is None:
            raise ValueError("last_failure")


def _failure_log_in_shape(data: dict) -> None:
    """A failure list that is not well formed is replaced by an empty one (not a damaged key file:
    that would shut every password out); the next unlock then reports it (verify_failure_log)."""
    log = data.get("failure_log")
    try:
        if not (isinstance(log, dict) and isinstance(log.get("entries"), list)
                and isinstance(log.get("seen"), dict) and isinstance(log.get("base_seq"), int)
                and isinstance(log.get("base_hash"), str) and len(_unb64(log["salt"])) == 16
                and all(isinstance(v, int) for v in log["seen"].values())
                and all(isinstance(e, dict) and isinstance(e.get("seq"), int)
                        and all(isinstance(e.get(k), str) for k in ("at", "name", "by", "hash"))
                        and datetime.fromisoformat(e["at"]).tzinfo is not None
                        for e in log["entries"])):
            raise ValueError
    except (ValueError, TypeError, KeyError, AttributeError):
        log = data["failure_log"] = new_failure_log()
    legacy = data.pop("failures", {})
    data.pop("consecutive_failures", None)
    data.pop("last_failure", None)
    times = sorted((t, "?" if name == UNKNOWN_USER else name) for name, ts in legacy.items() for t in ts)
    for when, name in times:
        _append_failure(log, when, name, "password")


def _append_failure(log: dict, at: str, name: str, by: str) -> None:
    """One failed attempt chained to the list's head. The list is bounded: the chain goes on
    from the last entry dropped."""
    seq, head = log_head(log)
    entry = {"seq": seq + 1, "at": at, "name": name, "by": by}
    entry["hash"] = _failure_hash(head, entry)
    log["entries"].append(entry)
    dropped = log["entries"][:-FAILURES_KEPT]
    if dropped:
        log["base_seq"], log["base_hash"] = dropped[-1]["seq"], dropped[-1]["hash"]
        del log["entries"][:-FAILURES_KEPT]


def format_recovery_key(record_key: bytes) -> str:
    h = record_key.hex().upper()
    return "-".join(h[i:i + 8] for i in range(0, 64, 8))


def parse_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text if ch not in " -\t\r\n").lower()
    if cleaned.startswith("x'") and cleaned.endswith("'"):
        cleaned = cleaned[2:-1]
    if len(cleaned) != 64 or any(c not in "0123456789abcdef" for c in cleaned):
        raise WrongCredentials()
    return bytes.fromhex(cleaned)
