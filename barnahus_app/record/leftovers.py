"""Leftovers of interrupted work beside a record and in its backups folder: what a crash, a
kill or a power cut left of a safe write, a bundle export, a backup, a demo build, a record
being created or salvaged. Each is recognised by its name alone (never by its content):

  .<name>.partial-<12 hex>   files.partial_name: every safe write, bundle export (a folder),
                             backup copy, its key file and manifest
  .<name>.building-<random>  demo/build.py: a demo record being built (a folder)
  <record>.creating          lifecycle.create_record: the record being created
  .<name>.salvaging          record/salvage.py: the record being salvaged
  backups/<backup>.keys      a backup's key file without the backup (written first, so a backup
                             interrupted while copying leaves it)
  backups/<backup>.seal      a backup's seal without the backup (written before the copy is
                             published: a backup interrupted there leaves it)
  backups/<backup>.sha256    a backup's manifest without the backup (a prune interrupted)

Not here: the new recovery key of an interrupted key rotation, `F.pending` beside the file F the
user chose, anywhere; the next unlock renames it to F or to `F.unused`, whichever it is
(record/rotation.py). A kill while that key was being written leaves the safe write's temporary
`.F.pending.partial-*`, found here when F is beside the record.

Removal only runs when no program holds the record open (its writer lock is free): a backup,
an export or a key rotation in progress holds it, and so does a demo build for a record of that
name (so an interrupted build's folder is removed before the next `demo` or `init` there).
Leftovers not named after this record (an export's into the record's folder) are removed only
once older than MIN_AGE_SECONDS, so a build or export for another record in the same folder is
never cut short."""
from __future__ import annotations

import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from barnahus_app.errors import RecordLocked, RecordReadOnly
from barnahus_app.record import storage
from barnahus_app.record.backups import backups_folder

MIN_AGE_SECONDS = 3600

_PARTIAL = re.compile(r"^\.(?P<dest>.+)\.partial-[0-9a-f]{12}$")
_BUILDING = re.compile(r"^\.(?P<dest>.+)\.building-[A-Za-z0-9_]+$")
_SALVAGING = re.compile(r"^\.(?P<dest>.+)\.salvaging$")


@dataclass(frozen=True)
class Leftover:
    path: Path
    kind: str        # "safe-write temporary", "demo build", "record being created", "salvage"
    size: int        # bytes, a folder's files summed

    def line(self) -> str:
        return f"removed a leftover of interrupted work ({self.kind}): {self.path.name}, {self.size} bytes"


def find_leftovers(record_path: Path, min_age_seconds: float = MIN_AGE_SECONDS) -> list[Leftover]:
    """The leftovers beside record_path and in its backups folder, by name, read-only."""
    record_path = Path(record_path)
    now = time.time()
    found = []
    for folder, ours in ((record_path.parent, False), (backups_folder(record_path), True)):
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue
        for p in entries:
            kind, dest = _kind(p.name, record_path.name)
            if kind is None and ours:
                kind = _orphan_kind(p)
            if kind is None:
                continue
            try:
                age = now - p.lstat().st_mtime
            except OSError:
                continue
            if not (ours or dest == record_path.name) and age < min_age_seconds:
                continue  # perhaps another record's export or build, still running
            found.append(Leftover(p, kind, _size(p)))
    return found


def remove_leftovers(record_path: Path, min_age_seconds: float = MIN_AGE_SECONDS) -> list[Leftover]:
    """Remove the leftovers find_leftovers finds, if no program has the record open; returns
    what was removed (nothing while the record is open elsewhere)."""
    if not Path(record_path).is_file() and not find_leftovers(record_path, min_age_seconds):
        return []   # no record and nothing left: no lock file is made for it
    lock = storage.WriterLock(Path(record_path))
    try:
        lock.acquire()
    except (RecordLocked, RecordReadOnly):
        return []
    removed = []
    try:
        for item in find_leftovers(record_path, min_age_seconds):
            try:
                if item.path.is_dir() and not item.path.is_symlink():
                    shutil.rmtree(item.path)
                else:
                    item.path.unlink()
            except OSError:
                continue  # e.g. read-only media: left, and found again next time
            removed.append(item)
    finally:
        lock.release()
    return removed


_ORPHANS = ((".keys", "backup key file without its backup"),   # a backup interrupted after its key file
            (".seal", "backup seal without its backup"),         # ... after its seal
            (".sha256", "backup manifest without its backup"))   # a prune interrupted


def _orphan_kind(p: Path) -> str | None:
    for suffix, kind in _ORPHANS:
        if p.name.endswith(suffix) and not p.with_name(p.name[:-len(suffix)]).exists():
            return kind
    return None


def _kind(name: str, record_name: str) -> tuple[str | None, str | None]:
    if name == record_name + ".creating":
        return "record being created", record_name
    for pattern, kind in ((_PARTIAL, "safe-write temporary"), (_BUILDING, "demo build"),
                          (_SALVAGING, "salvage")):
        m = pattern.match(name)
        if m:
            return kind, m.group("dest")
    return None, None


def _size(path: Path) -> int:
    if path.is_symlink() or not path.is_dir():
        try:
            return path.lstat().st_size
        except OSError:
            return 0
    total = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            try:
                total += os.lstat(os.path.join(root, f)).st_size
            except OSError:
                pass
    return total
