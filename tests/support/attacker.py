"""An attacker with a legitimate account and the files (issue 11), for tests: the record key taken
from the key file with one user's password, using the key file's published format directly (no
Barnahus code), and the record then read with the independent SQLCipher 4 client
(tests/integration/_sqlcipher_client.py, in its own venv: the `independent_python` fixture of
tests/integration/test_independent_client.py).

    key = record_key_from_sidecar(keys_path, "medical", password)
    seen = independent_read(independent_python, record_path, key, tmp_path)
    assert CANARY not in seen.text and CANARY.encode() not in seen.export

Tests that a secret stays sealed use both: seen.text (every row of every table, as the client
returns them) and seen.export (the bytes of the whole database exported to plain SQLite)."""
from __future__ import annotations

import base64
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def _b(s: str) -> bytes:
    return base64.b64decode(s)


def private_key_from_sidecar(keys_path: Path, username: str, password: str) -> X25519PrivateKey:
    """The user's X25519 private key, from the key file's JSON and the password: Argon2id with the
    slot's parameters, AES-256-GCM with the associated data 'barnahus slot v1\\0<user name>'."""
    slot = json.loads(Path(keys_path).read_text("utf-8"))["users"][username]
    kdf = slot["kdf"]
    kek = hash_secret_raw(unicodedata.normalize("NFC", password).encode(), _b(kdf["salt"]), kdf["t"], kdf["m"],
                          kdf["p"], 32, Type.ID)
    raw = AESGCM(kek).decrypt(_b(slot["private_key"]["nonce"]), _b(slot["private_key"]["ct"]),
                              b"barnahus slot v1\x00" + username.encode())
    return X25519PrivateKey.from_private_bytes(raw)


def unseal(sealed: dict, private: X25519PrivateKey) -> bytes:
    """A key sealed to private's public key (ephemeral X25519, HKDF-SHA256, AES-256-GCM)."""
    epk = _b(sealed["epk"])
    upk = private.public_key().public_bytes_raw()
    shared = private.exchange(X25519PublicKey.from_public_bytes(epk))
    k = HKDF(hashes.SHA256(), 32, None, b"barnahus seal v1" + epk + upk).derive(shared)
    return AESGCM(k).decrypt(_b(sealed["nonce"]), _b(sealed["ct"]), sealed["key_id"].encode())


def record_key_from_sidecar(keys_path: Path, username: str, password: str) -> bytes:
    """The record key sealed in username's slot, unsealed with their password."""
    slot = json.loads(Path(keys_path).read_text("utf-8"))["users"][username]
    return unseal(slot["sealed"][0], private_key_from_sidecar(keys_path, username, password))


@dataclass
class Seen:
    text: str       # every row of every table, as the client returned them
    export: bytes   # the whole database exported to a plain SQLite file


def independent_read(python: Path, record_path: Path, record_key: bytes, scratch: Path) -> Seen:
    """Everything the independent client reads in the record with record_key."""
    from tests.integration.test_independent_client import _run_client
    scratch.mkdir(parents=True, exist_ok=True)
    target = scratch / "exported-plain.sqlite"
    target.unlink(missing_ok=True)
    out = _run_client(python, record_path, 1, {"key": {
        "key": "\"x'" + record_key.hex() + "'\"", "dump": True, "export_to": str(target)}}, scratch)
    got = out["attempts"]["key"]
    assert got["ok"], got
    export = target.read_bytes()
    target.unlink()
    return Seen(json.dumps(got["dump"], ensure_ascii=False), export)
