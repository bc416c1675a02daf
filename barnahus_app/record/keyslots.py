"""Key slots: the sidecar file that lets each user unlock the record with their own password.

The record is encrypted with one random 256-bit record key (SQLCipher raw key). Each user has an
X25519 key pair. Their private key is wrapped with AES-256-GCM under a key derived from their
password with Argon2id; the record key is sealed to their public key. So:
- changing a password makes the user a new key pair (a private key stolen before the change opens
  nothing sealed after it) and seals their record keys to it; nobody else's slot changes;
- rotating the record key seals the new key to every user's public key, without their passwords;
- a crash during rotation leaves both keys sealed, and the opener tries each (see storage.py).

The sidecar holds no case content. It also counts failed unlocks (for the growing delay and the
report at the next login); it never stores what was typed as a user name if that user is unknown.
"""
from __future__ import annotations

import base64
import hashlib
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

    def __init__(self, path: Path, data: dict):
        self.path = Path(path)
        self.data = data
        # The private key of the last successful unwrap, in memory only (never saved): the
        # opener hands it to the session (take_private), which unseals its section keys with it.
        self._unwrapped: X25519PrivateKey | None = None

    @classmethod
    def path_for(cls, record_path: Path) -> Path:
        record_path = Path(record_path)
        return record_path.with_name(record_path.name + ".keys")

    @classmethod
    def new(cls, record_path: Path) -> "KeyFile":
        return cls(cls.path_for(record_path), {"format": FORMAT, "users": {}, "failures": {}})

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
        """Atomic: a crash leaves either the old file or the new one, never half of either."""
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

    # --- failed unlock attempts ------------------------------------------------------------
    def record_failure(self, username: str, when: datetime) -> None:
        name = normalise_username(username)
        bucket = name if name in self.data["users"] else UNKNOWN_USER
        times = self.data["failures"].setdefault(bucket, [])
        times.append(to_utc_iso(when))
        del times[:-100]  # bounded: the audit trail keeps the full history after the next login
        self.data["consecutive_failures"] = int(self.data.get("consecutive_failures", 0)) + 1
        self.data["last_failure"] = to_utc_iso(when)

    def take_failures(self, username: str) -> tuple[list[str], list[str]]:
        """(failures against this user, failures under names that have no slot), cleared once
        reported: the caller writes them to the audit trail."""
        own = self.data["failures"].pop(normalise_username(username), [])
        nameless = self.data["failures"].pop(UNKNOWN_USER, [])
        self.data["consecutive_failures"] = 0
        return sorted(own), sorted(nameless)

    def unlock_delay(self, now: datetime) -> float:
        """Seconds to wait before the next attempt: none for the first three failures in a row,
        then 1, 2, 4 ... up to 30 s, counted from the last failure."""
        n = int(self.data.get("consecutive_failures", 0))
        if n < 3 or "last_failure" not in self.data:
            return 0.0
        delay = min(30.0, 2.0 ** (n - 3))
        elapsed = (now - datetime.fromisoformat(self.data["last_failure"])).total_seconds()
        return max(0.0, delay - elapsed)


def _check_shape(data) -> None:
    """Raise ValueError unless data has the shape of a key file. Slots are checked when used;
    the failure bookkeeping here, because every unlock attempt reads and writes it."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a key file")
    users = data.get("users")
    if not isinstance(users, dict) or not all(isinstance(s, dict) for s in users.values()):
        raise ValueError("users")
    failures = data.setdefault("failures", {})
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
