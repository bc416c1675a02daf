"""Verified backups: a damaged record is never backed up, and a copy is published under its final
name only after it was read back and found to be the same record (cipher integrity of every
page, the audit chain, the schema, and the same number of rows in every table as the source).
Beside it: its key file (`<name>.keys`) and a SHA-256 manifest (`<name>.sha256`, in sha256sum's
format), all owner-only and written through the one safe-write helper."""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

from sqlalchemy.exc import DBAPIError

from barnahus_app import audit

from barnahus_app.errors import Cancelled, RecordFileError
from barnahus_app.files import copy_file_safely, write_file_safely
from barnahus_app.record import storage
from barnahus_app.record.inspection import CheckReport, inspect_record
from barnahus_app.record.keyslots import KeyFile

MANIFEST_SUFFIX = ".sha256"
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"   # in a backup's name: <record stem>-<stamp>-<reason><suffix>


class DamagedSource(RecordFileError):
    """The record failed its check, so it was not backed up (a check failure: exit 1)."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: str                        # when the file was written, UTC
    size: int                           # bytes
    manifest: str                       # see manifest_state
    audit_head: tuple | None = None     # (entry id, hash); None: no key to read it with

    def line(self) -> str:
        head = f"audit head {self.audit_head[0]} {self.audit_head[1][:16]}" if self.audit_head else "audit head —"
        return (f"{self.path.name}  {self.made_at}  {self.size // 1024} KiB  {head}  "
                f"SHA-256 {self.manifest}")


def describe(backup: Path, record_key: bytes | None) -> BackupInfo:
    """What a backup is, read-only; its audit head only with a key that opens it."""
    st = Path(backup).stat()
    made = datetime.fromtimestamp(st.st_mtime, timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ")
    head = audit_head(backup, record_key) if record_key else None
    return BackupInfo(Path(backup), made, st.st_size, manifest_state(backup), head)


def audit_head(path: Path, record_key: bytes) -> tuple | None:
    """The last audit entry's (id, hash), read-only; None if the key does not open the file."""
    if not storage.probe_key(Path(path), record_key):
        return None
    engine = storage.make_engine(Path(path), record_key, read_only=True)
    try:
        with engine.connect() as conn:
            return audit.head(conn)
    except DBAPIError:
        return None
    finally:
        engine.dispose()


def refused(path: Path) -> DamagedSource:
    return DamagedSource(
        f"{Path(path).name} failed its check, so it was not backed up (the backups already made "
        "were left as they are). Run `barnahus check` and restore from a backup.")


def backups_folder(record_path: Path) -> Path:
    return Path(record_path).parent / "backups"


def manifest_path(backup: Path) -> Path:
    return Path(backup).with_name(Path(backup).name + MANIFEST_SUFFIX)


def sound(report: CheckReport) -> bool:
    """Every page verifies and the audit chain holds. Unlike report.ok, an older schema is sound:
    the copy made before an upgrade is of an older schema by design."""
    return (not report.unreadable and not report.cipher_problems and report.chain is not None
            and report.chain.ok and report.schema_revision is not None)


def row_counts(path: Path, record_key: bytes) -> dict[str, int]:
    conn = storage.key_connection(Path(path), record_key)
    try:
        names = [n for (n,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: conn.execute('SELECT count(*) FROM "' + n.replace('"', '""') + '"').fetchone()[0]
                for n in names}
    finally:
        conn.close()


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def manifest_state(backup: Path) -> str:
    """'matches', 'DIFFERS' or 'no manifest': the published file against its SHA-256 manifest."""
    try:
        line = manifest_path(backup).read_text(encoding="ascii").split()
    except (OSError, UnicodeDecodeError):
        return "no manifest"
    return "matches" if line and line[0] == sha256_of(backup) else "DIFFERS"


def make_backup(path: Path, record_key: bytes, reason: str, now: datetime | None = None, *,
                progress: Callable[[int, int], None] | None = None,
                cancel: Callable[[], bool] | None = None) -> Path:
    """A verified copy of the record (and its key file) in `backups/` beside it; the caller holds
    the writer lock, so nothing changes the record while it is copied. progress(done_bytes,
    total_bytes) follows the copy; cancel() is asked while copying and before publishing, and
    True stops with Cancelled. Raises DamagedSource for a record that fails its check, DiskFull
    or RecordFileError if the copy cannot be written or does not verify, Cancelled; then nothing
    new is in the backups folder."""
    path = Path(path)
    source = inspect_record(path, record_key)
    if not sound(source):
        raise refused(path)
    counts = row_counts(path, record_key)
    folder = backups_folder(path)
    folder.mkdir(mode=0o700, exist_ok=True)
    target = _new_name(folder, path, reason, now or datetime.now(timezone.utc))

    def verify(copy: Path, digest: str) -> None:
        report = inspect_record(copy, record_key)
        if not (sound(report) and report.schema_revision == source.schema_revision
                and report.chain.head_hash == source.chain.head_hash
                and row_counts(copy, record_key) == counts and sha256_of(copy) == digest):
            raise RecordFileError(f"The copy in {folder} did not read back as the record (the "
                                  "disk may be failing); no backup was made.")
        if cancel is not None and cancel():
            raise Cancelled()

    keys = KeyFile.path_for(path)
    keys_target = KeyFile.path_for(target)
    written: list[Path] = []
    try:
        if keys.exists():
            write_file_safely(keys_target, keys.read_bytes(), "backup")
            written.append(keys_target)
        digest = copy_file_safely(path, target, "backup", verify=verify, progress=progress,
                                  cancel=cancel)
        written.append(target)
        write_file_safely(manifest_path(target), f"{digest}  {target.name}\n", "backup")
    except BaseException:
        for done in written:
            done.unlink(missing_ok=True)
        raise
    return target


def _new_name(folder: Path, path: Path, reason: str, now: datetime) -> Path:
    stamp = now.astimezone(timezone.utc).strftime(STAMP_FORMAT)
    target = folder / f"{path.stem}-{stamp}-{reason}{path.suffix}"
    n = 1
    while target.exists() or KeyFile.path_for(target).exists():
        target = folder / f"{path.stem}-{stamp}-{reason}-{n}{path.suffix}"
        n += 1
    return target


def list_backups(record_path: Path) -> list[Path]:
    """The backups beside a record, oldest first (their names start with the time, in UTC)."""
    folder = backups_folder(record_path)
    if not folder.is_dir():
        return []
    suffix = Path(record_path).suffix
    return sorted(p for p in folder.glob("*" + suffix) if p.is_file() and not p.name.startswith(".")
                  and not p.name.endswith((".keys", MANIFEST_SUFFIX)))


def made_at(record_path: Path, backup: Path) -> datetime | None:
    """When a backup of this record was made, from its name; None for a file whose name is not
    that of a backup of this record."""
    parts = _name_parts(record_path, backup)
    return parts[0] if parts else None


def _name_parts(record_path: Path, backup: Path) -> tuple[datetime, str] | None:
    """(when made, reason) from a name <record stem>-<stamp>-<reason><suffix>."""
    record_path = Path(record_path)
    m = re.fullmatch(re.escape(record_path.stem) + r"-(\d{8}T\d{6}Z)-(.+)" + re.escape(record_path.suffix),
                     Path(backup).name)
    if not m:
        return None
    return datetime.strptime(m.group(1), STAMP_FORMAT).replace(tzinfo=timezone.utc), m.group(2)


def last_backup_at(record_path: Path) -> datetime | None:
    times = [t for t in (made_at(record_path, b) for b in list_backups(record_path)) if t]
    return max(times, default=None)


def backups_to_keep(made: dict[str, datetime], now: datetime, keep_days: int, keep_weeks: int) -> set[str]:
    """The names to keep among backups made at these times: all from the last keep_days days, the
    newest of each ISO week in the last keep_weeks weeks, and the newest of every month."""
    keep = {name for name, at in made.items() if at >= now - timedelta(days=keep_days)}
    newest: dict[tuple, tuple[datetime, str]] = {}
    for name, at in made.items():
        buckets = [("month", at.year, at.month)]
        if at >= now - timedelta(weeks=keep_weeks):
            buckets.append(("week",) + tuple(at.isocalendar()[:2]))
        for bucket in buckets:
            if bucket not in newest or newest[bucket] < (at, name):
                newest[bucket] = (at, name)
    return keep | {name for _, name in newest.values()}


def prune(record_path: Path, just_made: Path, now: datetime, keep_days: int, keep_weeks: int) -> int:
    """Delete the backups of this record that backups_to_keep does not keep, each with its key
    file and manifest; never the one just made, a before-upgrade copy or any other file. Returns
    how many backups were deleted."""
    made = {}
    for backup in list_backups(record_path):
        parts = _name_parts(record_path, backup)
        if parts is None or backup.name == Path(just_made).name or parts[1].startswith("before-upgrade-"):
            continue
        made[backup.name] = parts[0]
    keep = backups_to_keep(made, now, keep_days, keep_weeks)
    folder = backups_folder(record_path)
    gone = sorted(set(made) - keep)
    for name in gone:
        for f in (folder / name, KeyFile.path_for(folder / name), manifest_path(folder / name)):
            f.unlink(missing_ok=True)
    return len(gone)


def copy_to_second_folder(backup: Path, folder: Path) -> Path:
    """The published backup with its key file and manifest, copied into folder (which must
    exist: a missing one is a backup drive not plugged in), each verified by SHA-256 after
    copying, the manifest last. Raises FileNotFoundError for a missing folder, DiskFull or
    OSError/RecordFileError for a failed copy; then nothing of this backup is left there."""
    backup, folder = Path(backup), Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(str(folder))
    copied: list[Path] = []
    try:
        for src in (KeyFile.path_for(backup), backup, manifest_path(backup)):
            if not src.exists():
                continue
            def verify(copy: Path, expected: str) -> None:
                if sha256_of(copy) != expected:
                    raise RecordFileError(f"The copy in {folder} differs from the backup (the disk "
                                          "may be failing).")
            copy_file_safely(src, folder / src.name, "backup_second_folder", verify=verify)
            copied.append(folder / src.name)
    except BaseException:
        for done in copied:
            done.unlink(missing_ok=True)
        raise
    return folder / backup.name


SECOND_FOLDER_STATES = ("none", "exists", "missing", "not a folder", "not writable")


def second_folder_state(folder: str | Path | None) -> str:
    """Whether backups can be copied into a second folder now, one of SECOND_FOLDER_STATES:
    "none" (no folder set), "exists" (a folder this program may write into), "missing" (e.g. a
    backup drive not plugged in), "not a folder", "not writable". Read-only: writes nothing there."""
    text = "" if folder is None else str(folder).strip()
    if not text:
        return "none"
    path = Path(text)
    if not path.exists():
        return "missing"
    if not path.is_dir():
        return "not a folder"
    return "exists" if os.access(path, os.W_OK | os.X_OK) else "not writable"
