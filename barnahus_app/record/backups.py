"""Verified backups: a damaged record is never backed up, and a copy is published under its final
name only after it was read back and found to be the same record. Beside it: its key file
(`<name>.keys`), its audit seal (`<name>.seal`: the audit head, entry count and schema the copy
was verified to hold, and its SHA-256) and a SHA-256 manifest of all three (`<name>.sha256`, in
sha256sum's format, so `sha256sum -c` checks them), all owner-only and written through the one
safe-write helper.

The checks, each file inspected once: the source's audit head and length, schema and row counts
as stored; the copy, streamed and hashed in one pass, fsynced and dropped from the page cache (so
it is read back from the disk), must have the same, every one of its pages must pass its HMAC,
its audit chain must hold entry by entry, and its bytes, hashed again, must be those read from
the source (so a page or an entry that fails there failed in the record: DamagedSource). `barnahus backup` also checks the record's pages before it logs in, so
nothing is written to a damaged record. SQLite's structural integrity_check is left to `barnahus
check`: it costs ten times the rest."""
from __future__ import annotations

import hashlib
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

from sqlalchemy import select

from barnahus_app import audit

from barnahus_app.errors import Cancelled, RecordFileError
from barnahus_app.files import copy_file_safely, write_file_safely
from barnahus_app.record import anchors, schema, storage
from barnahus_app.record.anchors import SEAL_FORMAT, SEAL_SUFFIX, backups_folder  # noqa: F401 - the backups' own names
from barnahus_app.record.inspection import CheckReport, ask
from barnahus_app.record.keyslots import KeyFile
from barnahus_app.tables import RecordMeta
from barnahus_app.timeutil import to_utc_iso

MANIFEST_SUFFIX = ".sha256"
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"   # in a backup's name: <record stem>-<stamp>-<reason><suffix>


class DamagedSource(RecordFileError):
    """The record failed its check, so it was not backed up (a check failure: exit 1)."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: str                        # when the file was written, UTC
    size: int                           # bytes
    manifest: str                       # see manifest_state: matches, DIFFERS, no manifest
    audit_head: tuple | None = None     # (entry id, hash) from its seal; None: no seal to read
    seal: str = "missing"               # see seal_state: present, missing, mismatch

    def line(self) -> str:
        head = f"audit head {self.audit_head[0]} {self.audit_head[1][:16]}" if self.audit_head else "audit head —"
        return (f"{self.path.name}  {self.made_at}  {self.size // 1024} KiB  {head}  "
                f"SHA-256 {self.manifest}  seal {self.seal}")


def describe(backup: Path, record_key: bytes | None = None) -> BackupInfo:
    """What a backup is, read-only and without a key: its audit head from its seal, and whether
    its manifest and seal agree with its bytes. A backup made before seals existed shows its
    audit head only with a key that opens it."""
    backup = Path(backup)
    st = backup.stat()
    made = datetime.fromtimestamp(st.st_mtime, timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ")
    digest = sha256_of(backup)
    seal = read_seal(backup)
    head = (seal["audit_head"]["id"], seal["audit_head"]["hash"]) if seal else (
        audit_head(backup, record_key) if record_key else None)
    return BackupInfo(backup, made, st.st_size, manifest_state(backup, digest), head,
                      seal_state(backup, digest))


def audit_head(path: Path, record_key: bytes) -> tuple | None:
    """The last audit entry's (id, hash), read-only; None if the key does not open the file."""
    if not storage.probe_key(Path(path), record_key):
        return None
    return ask(Path(path), record_key, audit.head)


def refused(path: Path) -> DamagedSource:
    return DamagedSource(
        f"{Path(path).name} failed its check, so it was not backed up (the backups already made "
        "were left as they are). Run `barnahus check` and restore from a backup.")


def manifest_path(backup: Path) -> Path:
    return Path(backup).with_name(Path(backup).name + MANIFEST_SUFFIX)


def seal_path(backup: Path) -> Path:
    return Path(backup).with_name(Path(backup).name + SEAL_SUFFIX)


def sound(report: CheckReport) -> bool:
    """Every page verifies and the audit chain holds. Unlike report.ok, an older schema is sound:
    the copy made before an upgrade is of an older schema by design."""
    return (not report.unreadable and not report.cipher_problems and report.chain is not None
            and report.chain.ok and report.schema_revision is not None)


@dataclass(frozen=True)
class SoundState:
    """What a sound record file holds, as the backup compares it between source and copy."""
    record_id: str | None
    schema_revision: str
    audit_entries: int
    audit_head: tuple               # (entry id or None, hash)
    counts: dict                    # table name -> rows


def sound_state(path: Path, record_key: bytes, verify: bool = True) -> SoundState | None:
    """The file's SoundState, on one read-only connection: its audit head and length, schema
    revision and the rows of every table; with verify (a copy), also every page's HMAC and the
    whole audit chain recomputed. None if any of it fails (a damaged file). Without verify (the
    source, whose bytes are verified through its copy) the head and length are read as stored."""
    def state(conn) -> SoundState | None:
        if verify:
            if not _pages_sound(conn):
                return None
            chain = audit.verify_chain(conn)
            if not chain.ok:
                return None
            entries, head = chain.entries, (chain.head_id, chain.head_hash)
        else:
            entries, head = None, audit.head(conn)
        revision = schema.current_revision(conn)
        if revision is None:
            return None
        record_id = conn.execute(select(RecordMeta.value).where(RecordMeta.key == "record_id")).scalar()
        counts = row_counts(conn)
        return SoundState(record_id, revision, counts["audit_log"] if entries is None else entries,
                          head, counts)
    return ask(Path(path), record_key, state)


def pages_sound(path: Path, record_key: bytes) -> bool:
    """Every page of the file passes its HMAC (and page 1 opens), read-only."""
    return ask(Path(path), record_key, _pages_sound) is True


def _pages_sound(conn) -> bool:
    return conn.exec_driver_sql("PRAGMA cipher_integrity_check").first() is None


def row_counts(conn) -> dict[str, int]:
    """Rows in every table (virtual tables' rows are counted in their shadow tables)."""
    names = [n for (n,) in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "ORDER BY name")]
    return {n: conn.exec_driver_sql('SELECT count(*) FROM "' + n.replace('"', '""') + '"').scalar()
            for n in names}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 22), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(backup: Path) -> dict[str, str] | None:
    """The manifest's lines as {file name: SHA-256}; None without a readable manifest."""
    try:
        text = manifest_path(backup).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return None
    entries = {}
    for line in text.splitlines():
        digest, sep, name = line.partition("  ")
        if sep:
            entries[name.lstrip("*")] = digest
    return entries


def manifest_state(backup: Path, digest: str | None = None) -> str:
    """'matches', 'DIFFERS' or 'no manifest': every file the manifest lists (the backup among
    them) against its SHA-256, as `sha256sum -c` would. digest: the backup's, if known."""
    backup = Path(backup)
    entries = read_manifest(backup)
    if entries is None:
        return "no manifest"
    if backup.name not in entries:
        return "DIFFERS"
    for name, expected in entries.items():
        f = backup.with_name(name)
        try:
            actual = digest if f == backup and digest else sha256_of(f)
        except OSError:
            return "DIFFERS"
        if actual != expected:
            return "DIFFERS"
    return "matches"


def read_seal(backup: Path) -> dict | None:
    """The backup's seal, if it has one that is a seal (of the format this version writes)."""
    return anchors.read_seal_file(seal_path(backup))


def seal_state(backup: Path, digest: str | None = None) -> str:
    """'present' (it names this backup and its SHA-256, and the manifest, if any, lists the
    same), 'missing' or 'mismatch'. digest: the backup's, if known."""
    backup = Path(backup)
    if not seal_path(backup).exists():
        return "missing"
    seal = read_seal(backup)
    digest = digest or sha256_of(backup)
    if seal is None or seal.get("backup_file") != backup.name or seal.get("backup_sha256") != digest:
        return "mismatch"
    entries = read_manifest(backup)
    if entries is not None and (entries.get(backup.name) != digest
                                or entries.get(seal_path(backup).name) != sha256_of(seal_path(backup))):
        return "mismatch"
    return "present"


Signer = Callable[[dict], dict]   # a seal's fields -> the seal, signed (anchors.sign_seal)


def seal_text(state: SoundState, backup_name: str, backup_sha256: str, now: datetime,
              sign: Signer | None = None) -> str:
    """The audit seal of a verified backup, signed by sign (the Session's: the centre's
    document-signing key); without it, or before the centre has a signing identity, unsigned."""
    payload = anchors.seal_payload(state.record_id, state.audit_head, state.audit_entries,
                                   to_utc_iso(now), schema=state.schema_revision,
                                   backup_file=backup_name, backup_sha256=backup_sha256)
    return anchors.seal_text(sign(payload) if sign else anchors.sign_seal(payload, None, None))


def make_backup(path: Path, record_key: bytes, reason: str, now: datetime | None = None, *,
                progress: Callable[[int, int], None] | None = None,
                cancel: Callable[[], bool] | None = None, sign: Signer | None = None) -> Path:
    """A verified copy of the record (and its key file) in `backups/` beside it, with its seal
    and manifest; the caller holds the writer lock, so nothing changes the record while it is
    copied. progress(done_bytes, total_bytes) follows the copy; cancel() is asked while copying
    and before publishing, and True stops with Cancelled. Raises DamagedSource for a record that
    fails its check, DiskFull or RecordFileError if the copy cannot be written or does not
    verify, Cancelled; then nothing new is in the backups folder. sign: signs the seal (seal_text)."""
    path = Path(path)
    now = now or datetime.now(timezone.utc)
    # The source's pages and chain are checked through the copy: the same bytes (by SHA-256).
    source = sound_state(path, record_key, verify=False)
    if source is None:
        raise refused(path)
    folder = backups_folder(path)
    folder.mkdir(mode=0o700, exist_ok=True)
    target = _new_name(folder, path, reason, now)
    keys = KeyFile.path_for(path)
    keys_target = KeyFile.path_for(target)
    written: list[Path] = []

    def verify(copy: Path, digest: str) -> None:
        """The copy, read back from the disk, is the source; then its seal, before it is published."""
        if cancel is not None and cancel():
            raise Cancelled()
        with ThreadPoolExecutor(1) as pool:    # both read the copy from the disk once, together
            reread = pool.submit(sha256_of, copy)
            state = sound_state(copy, record_key)
            same_bytes = reread.result() == digest
        if state is None and same_bytes:
            raise refused(path)                # the record's own pages fail: not the copying
        if state != source or not same_bytes:
            raise RecordFileError(f"The copy in {folder} did not read back as the record (the "
                                  "disk may be failing); no backup was made.")
        if cancel is not None and cancel():
            raise Cancelled()
        write_file_safely(seal_path(target), seal_text(source, target.name, digest, now, sign), "backup")
        written.append(seal_path(target))

    try:
        listed = []
        if keys.exists():
            key_bytes = keys.read_bytes()
            write_file_safely(keys_target, key_bytes, "backup")
            written.append(keys_target)
            listed.append((hashlib.sha256(key_bytes).hexdigest(), keys_target.name))
        digest = copy_file_safely(path, target, "backup", verify=verify, progress=progress,
                                  cancel=cancel)
        written.append(target)
        listed.insert(0, (digest, target.name))
        listed.append((sha256_of(seal_path(target)), seal_path(target).name))
        write_file_safely(manifest_path(target), "".join(f"{d}  {n}\n" for d, n in listed), "backup")
    except BaseException:
        for done in written:
            done.unlink(missing_ok=True)
        raise
    return target


def _new_name(folder: Path, path: Path, reason: str, now: datetime) -> Path:
    stamp = now.astimezone(timezone.utc).strftime(STAMP_FORMAT)
    target = folder / f"{path.stem}-{stamp}-{reason}{path.suffix}"
    n = 1
    while any(f.exists() for f in (target, KeyFile.path_for(target), seal_path(target))):
        target = folder / f"{path.stem}-{stamp}-{reason}-{n}{path.suffix}"
        n += 1
    return target


def list_backups(record_path: Path, folder: Path | None = None) -> list[Path]:
    """The backups beside a record (or in folder, e.g. the second one), oldest first (their
    names start with the time, in UTC)."""
    folder = backups_folder(record_path) if folder is None else Path(folder)
    if not folder.is_dir():
        return []
    suffix = Path(record_path).suffix
    return sorted(p for p in folder.glob("*" + suffix) if p.is_file() and not p.name.startswith(".")
                  and not p.name.endswith((".keys", MANIFEST_SUFFIX, SEAL_SUFFIX)))


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


def backup_files(backup: Path) -> tuple[Path, ...]:
    """A backup and the files that go with it, in the order they are written."""
    return (KeyFile.path_for(backup), Path(backup), seal_path(backup), manifest_path(backup))


def prune(record_path: Path, just_made: Path, now: datetime, keep_days: int, keep_weeks: int,
          folder: Path | None = None) -> int:
    """Delete the backups of this record that backups_to_keep does not keep, each with its key
    file, seal and manifest; never the one just made, a before-upgrade copy or any other file.
    folder: where (default the backups folder beside the record; the second folder is pruned by
    the same rule). Returns how many backups were deleted."""
    made = {}
    for backup in list_backups(record_path, folder):
        parts = _name_parts(record_path, backup)
        if parts is None or backup.name == Path(just_made).name or parts[1].startswith("before-upgrade-"):
            continue
        made[backup.name] = parts[0]
    keep = backups_to_keep(made, now, keep_days, keep_weeks)
    folder = backups_folder(record_path) if folder is None else Path(folder)
    gone = sorted(set(made) - keep)
    for name in gone:
        # the manifest first, the backup before its seal: an interrupted prune leaves files that
        # leftovers.py knows, never a backup whose seal is gone
        for f in (manifest_path(folder / name), folder / name, seal_path(folder / name),
                  KeyFile.path_for(folder / name)):
            f.unlink(missing_ok=True)
    return len(gone)


def copy_to_second_folder(backup: Path, folder: Path) -> Path:
    """The published backup with its key file, seal and manifest, copied into folder (which
    must exist: a missing one is a backup drive not plugged in), each verified by SHA-256 after
    copying (read back from the disk), the manifest last. Raises FileNotFoundError for a missing
    folder, DiskFull or OSError/RecordFileError for a failed copy; then nothing of this backup is
    left there."""
    backup, folder = Path(backup), Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(str(folder))
    copied: list[Path] = []
    try:
        for src in backup_files(backup):
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
