"""The open record file: its engine, key, key file and writer lock (`Record`), and re-encrypting
the file under a new key. Creating and unlocking a record is lifecycle.py's work."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from barnahus_app.errors import RecordDamaged, ValidationError
from barnahus_app.record import storage
from barnahus_app.record.keyslots import KdfParams, KeyFile


@dataclass
class Record:
    """The open file: its engine, key, key file and writer lock."""

    path: Path
    engine: Engine
    key: bytes
    keyfile: KeyFile
    lock: storage.WriterLock | None
    read_only: bool = False
    kdf: KdfParams = field(default_factory=KdfParams)

    def __post_init__(self) -> None:
        watch_for_damage(self.engine)

    def close(self) -> None:
        self.engine.dispose()
        if self.lock:
            self.lock.release()
            self.lock = None

    @contextmanager
    def transaction(self):
        """One transaction; SQLite errors a user can meet become clear errors, and the
        transaction is rolled back whole."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except DBAPIError as e:
            friendly = storage.friendly_db_error(e)
            if friendly is not None:
                raise friendly from None
            if "never recorded as an offender" in str(e.orig):
                raise ValidationError("role", "A child is never recorded as an offender.") from None
            raise

    def reconnect(self, key: bytes) -> None:
        self.engine.dispose()
        self.key = key
        self.engine = storage.make_engine(self.path, key, self.read_only)
        watch_for_damage(self.engine)


def watch_for_damage(engine: Engine) -> None:
    """Any statement on engine that meets a damaged page (a read as much as a write, inside
    Record.transaction or not) raises RecordDamaged, and the connection that met it is dropped:
    a page that failed its HMAC leaves its connection in an error state, and the next call on this
    thread gets a fresh one."""

    def damaged(ctx) -> None:
        friendly = storage.friendly_db_error(ctx.original_exception)
        if isinstance(friendly, RecordDamaged):
            ctx.is_disconnect = True   # SQLAlchemy invalidates the connection
            raise friendly

    event.listen(engine, "handle_error", damaged)


def rekey_file(path: Path, old_key: bytes, new_key: bytes) -> None:
    """Re-encrypt every page in one transaction: after a crash exactly one key opens the file."""
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute('PRAGMA key = "' + storage.raw_key_literal(old_key) + '"')
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute('PRAGMA rekey = "' + storage.raw_key_literal(new_key) + '"')
    finally:
        conn.close()


__all__ = ["Record", "rekey_file", "watch_for_damage"]
