"""The key derivation's cost parameters: named without loading a crypto library, so the unlock
screen can show (and pass on) them before the database and crypto layers are imported.
keyslots.py re-exports KdfParams; this is its only definition."""
from __future__ import annotations

from dataclasses import dataclass

from barnahus_app.errors import RecordFileError


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default takes 0.45 s on the reference machine (2 cores, idle) and up
    to about 0.9 s when it is busy: bench/bench.py measures it."""

    time_cost: int = 3
    memory_kib: int = 262144
    parallelism: int = 2

    def as_dict(self) -> dict:
        return {"alg": "argon2id", "t": self.time_cost, "m": self.memory_kib, "p": self.parallelism}

    @classmethod
    def from_dict(cls, d: dict) -> "KdfParams":
        if not isinstance(d, dict) or d.get("alg") != "argon2id":
            raise RecordFileError("The key file names a key derivation this version does not know.")
        try:
            params = cls(int(d["t"]), int(d["m"]), int(d["p"]))
        except (KeyError, TypeError, ValueError):
            raise RecordFileError("The key file's key derivation settings are damaged.") from None
        # Bounds Argon2 accepts (and memory a desktop has): a damaged or hostile number must
        # give a clear error, not an overflow or an attempt to allocate terabytes.
        if not (1 <= params.parallelism <= 64 and 1 <= params.time_cost <= 64
                and 8 * params.parallelism <= params.memory_kib <= 4 * 1024 * 1024):
            raise RecordFileError("The key file's key derivation settings are out of range.")
        return params
