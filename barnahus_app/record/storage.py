"""The encrypted file: connections, PRAGMAs, the single-writer lock, checks and rekeying (backups: backups.py).

SQLCipher 4 with its default cipher settings, keyed with the raw 256-bit record key, so any
SQLCipher 4 client opens the file with PRAGMA key = "x'<recovery key hex>'".
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3
from sqlalchemy import URL, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import SingletonThreadPool

from barnahus_app.errors import DiskFull, RecordDamaged, RecordFileError, RecordLocked, RecordReadOnly

APPLICATION_ID = 0x42484331  # "BHC1" in the SQLite header's application_id field
PAGE_SIZE = 4096  # SQLCipher 4 default
PLAIN_SQLITE_MAGIC = b"SQLite format 3\x00"

# Asserted by tests on every connection.
CONNECTION_PRAGMAS = (
    ("foreign_keys", "ON"),
    ("synchronous", "FULL"),
    ("temp_store", "MEMORY"),
    ("secure_delete", "ON"),
    ("busy_timeout", "5000"),
    ("cache_size", "-65536"),  # 64 MiB of decrypted pages, in memory only
)


def raw_key_literal(record_key: bytes) -> str:
    """The SQLCipher raw-key form x'<64 hex>'. Built from bytes.hex(), never from user text."""
    if len(record_key) != 32:
        raise ValueError("record key must be 32 bytes")
    return "x'" + record_key.hex() + "'"


def file_uri(path: Path, mode: str = "ro") -> str:
    """A SQLite URI for path. Percent-encoded, so a folder named e.g. "Case #12" or "50% done"
    is the folder it says (unescaped, '#' and '?' would cut the path short and SQLite would
    open, or even create, some other file)."""
    return Path(path).absolute().as_uri() + "?mode=" + mode


def make_engine(path: Path, record_key: bytes, read_only: bool = False) -> Engine:
    query = {"mode": "ro", "uri": "true"} if read_only else {}
    url = URL.create("sqlite+pysqlcipher", password=raw_key_literal(record_key),
                     database=str(path) if not read_only else Path(path).absolute().as_uri(),
                     query=query)
    # hide_parameters: an error message must never carry the values typed about a child.
    # One connection per thread, kept while the record is open: its page cache spares decrypting
    # the same pages on every call (dispose() on close drops them). Past pool_size threads the pool
    # closes some other thread's connection, perhaps in use: the desktop app uses three threads,
    # so the bound is far above what any front end reaches.
    engine = create_engine(url, module=sqlcipher3, poolclass=SingletonThreadPool, pool_size=32,
                           hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA cipher_log_level = NONE")
        for name, value in CONNECTION_PRAGMAS:
            cur.execute("PRAGMA " + name + " = " + value)
        cur.close()
        # Let SQLAlchemy's "BEGIN" be the only transaction control (pysqlite quirk).
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if not read_only else "BEGIN")

    return engine


def describe_file_problem(path: Path) -> str | None:
    """A reason the file cannot be a record, decided from its size and header alone."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return f"There is no record at {path}."
    except OSError as e:
        return f"The record {path} cannot be read ({e.strerror})."
    if not path.is_file():
        return f"{path} is not a file."
    if st.st_size == 0:
        return f"The record file {path.name} is empty. Restore it from a backup."
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError as e:
        return f"The record {path} cannot be read ({e.strerror})."
    if head == PLAIN_SQLITE_MAGIC:
        return (f"{path.name} is an unencrypted SQLite database, not a Barnahus record. "
                "It was left untouched.")
    if st.st_size % PAGE_SIZE:
        return (f"The record file {path.name} is truncated or is not a Barnahus record "
                f"({st.st_size} bytes is not a whole number of pages). It was left untouched; "
                "restore it from a backup.")
    return None


def key_connection(path: Path, record_key: bytes, mode: str = "ro"):
    """A plain sqlcipher3 connection to path keyed with record_key, read-only unless mode="rw"."""
    conn = sqlcipher3.connect(file_uri(path, mode), uri=True)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute('PRAGMA key = "' + raw_key_literal(record_key) + '"')
    except BaseException:
        conn.close()
        raise
    return conn


def probe_key(path: Path, record_key: bytes, writable: bool = False) -> bool:
    """True if record_key opens path as a SQLCipher database. Reads only, except that with
    writable=True (the caller holds the writer lock) SQLite may roll back a hot journal left by
    a crash: a read-only connection cannot, and then no key would seem to open the file."""
    conn = key_connection(path, record_key, "rw" if writable else "ro")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def has_leftover_journal(path: Path) -> bool:
    """A rollback journal beside the record: a write was interrupted (or is in progress)."""
    journal = Path(path).with_name(Path(path).name + "-journal")
    try:
        return journal.stat().st_size > 0
    except OSError:
        return False


def application_id(path: Path, record_key: bytes) -> int:
    conn = key_connection(path, record_key)
    try:
        return conn.execute("PRAGMA application_id").fetchone()[0]
    finally:
        conn.close()


def cipher_integrity_problems(path: Path, record_key: bytes) -> list[str]:
    """PRAGMA cipher_integrity_check (HMAC of every page) and integrity_check (b-trees)."""
    conn = key_connection(path, record_key)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        except sqlcipher3.DatabaseError as e:
            rows = [f"integrity_check could not run: {e}"]
        problems += [r for r in rows if r != "ok"]
        return problems
    finally:
        conn.close()


class WriterLock:
    """One writer at a time: an OS lock on `<record>.lock`, released by the OS if we crash."""

    def __init__(self, record_path: Path):
        self.path = Path(record_path).with_name(Path(record_path).name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as e:
            raise RecordReadOnly(
                f"The folder of the record cannot be written to ({e.strerror}). Barnahus must write "
                "to the record to keep its audit trail; copy it to a writable place."
            ) from None
        try:
            _lock_fd(fd)
        except OSError:
            os.close(fd)
            raise RecordLocked(
                "This record is already open in another Barnahus window or program. "
                "Close it there first."
            ) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


_KEY_FILE_THREADS = threading.Lock()


@contextmanager
def key_file_lock(record_path: Path):
    """A short lock for reading and rewriting the key file `<record>.keys` (a failed attempt
    counted by one program while another has the record open), waited for, never held across a
    delay or a password check. On POSIX: flock on the key file itself, taken again if the file
    was replaced meanwhile (it is written by rename); no key file, no one to race with. On
    Windows, where an open file cannot be replaced: byte 1 of `<record>.lock` (the WriterLock
    has byte 0)."""
    record_path = Path(record_path)
    with _KEY_FILE_THREADS:
        if os.name == "nt":  # pragma: no cover - exercised on Windows builds only
            import msvcrt
            fd = os.open(record_path.with_name(record_path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
            try:
                os.lseek(fd, 1, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                yield
            finally:
                os.close(fd)
            return
        import fcntl
        keys = record_path.with_name(record_path.name + ".keys")
        while True:
            try:
                fd = os.open(keys, os.O_RDONLY)
            except FileNotFoundError:
                fd = None
                break
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                if os.fstat(fd).st_ino == os.stat(keys).st_ino:
                    break
            except FileNotFoundError:
                pass
            os.close(fd)
        try:
            yield
        finally:
            if fd is not None:
                os.close(fd)   # releases the lock


def _lock_fd(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover - exercised on Windows builds only
        import msvcrt
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def friendly_db_error(exc: BaseException) -> Exception | None:
    """Map SQLite errors a user can meet to our errors; None if it is a programming error."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    msg = str(orig).lower()
    if "database or disk is full" in msg or "disk is full" in msg:
        return DiskFull("The disk is full. Nothing was saved from this change; free some space "
                        "and try again.")
    if "readonly" in msg or "read-only" in msg:
        return RecordReadOnly("The record is open read-only here; this change was not saved.")
    if "database is locked" in msg or "database is busy" in msg:
        return RecordLocked("The record is busy in another program; this change was not saved.")
    if "disk i/o error" in msg:
        return RecordFileError("The disk reported an error while writing. Nothing from this "
                               "change was saved; check the drive and run `barnahus check`.")
    if "file is not a database" in msg or "malformed" in msg:
        return RecordDamaged("The record file is damaged: a part of it could not be read. Nothing "
                             "from this action was saved. Restore a backup, or salvage what can still "
                             "be read (`barnahus check` names the damaged part).")
    return None


def _copy_durably(src: Path, dst: Path) -> None:
    tmp = dst.with_name(dst.name + ".partial")
    with open(src, "rb") as fin, open(tmp, "wb") as fout:
        shutil.copyfileobj(fin, fout, 1 << 20)
        fout.flush()
        os.fsync(fout.fileno())
    os.replace(tmp, dst)


def plain_sqlite_copy(path: Path, record_key: bytes, target: Path) -> None:
    """An UNENCRYPTED copy, for benchmarks' plain-SQLite floor only. Never used by the app."""
    if target.exists():
        target.unlink()
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute('PRAGMA key = "' + raw_key_literal(record_key) + '"')
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    # Sanity: it is a plain SQLite file now.
    sqlite3.connect(target).execute("SELECT count(*) FROM sqlite_master").fetchone()
