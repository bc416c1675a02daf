"""Switching to a restored record: the record's file and key file are replaced by a restored
backup's pair, the old pair kept beside them as `<stem>.damaged-<UTC stamp><suffix>` (and its
`.keys`), and what the old record held after the backup (its audit entries past the restored
head) is counted first. lifecycle.switch_to_restored checks the files and the user; this module
holds the plain steps.

Crash safety: the record's name never points at nothing. The plan is written first (a hidden
`.<record>.switching` file); the old files are kept by a hard link (a copy where links are not
possible) before anything replaces them; then the restored key file and the restored record
each replace the record's in one rename (os.replace), the folder fsynced after each step. After
a crash the record opens as the old one (nothing replaced yet) or the restored one, or, between
the two renames, with the restored key file beside the old record; finish_interrupted (run by
`barnahus switch-to-restored` again; the command line names the plan at start-up) redoes the
steps still to do, each only if it is not done yet. The plan is removed last, once
`record.restored` is written, so running the switch again after a crash at any point also writes
that entry (twice only if the crash came between the entry and the plan's removal)."""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import sqlcipher3

from barnahus_app.files import copy_file_safely, fsync_folder, write_file_safely
from barnahus_app.record import salvage, storage
from barnahus_app.record.backups import STAMP_FORMAT
from barnahus_app.record.keyslots import KeyFile

UNKNOWN = "unknown (the record does not read)"


@dataclass(frozen=True)
class LostEntries:
    """The old record's audit entries after the restored head: lost with the switch."""
    known: bool                       # False: the old record does not read (UNKNOWN)
    count: int = 0                    # entries read past the head
    first_id: int | None = None
    last_id: int | None = None
    actions: dict = field(default_factory=dict)   # action -> how many (no case content)
    unreadable: tuple = ()            # (first id, last id or None: to the end) that could not be read

    def detail(self) -> dict:
        if not self.known:
            return {"entries_lost": UNKNOWN}
        out = {"entries_lost": self.count}
        if self.count:
            out.update(lost_ids=[self.first_id, self.last_id], lost_actions=dict(sorted(self.actions.items())))
        if self.unreadable:
            out["unreadable_ids"] = [list(r) for r in self.unreadable]
        return out

    @classmethod
    def from_detail(cls, detail: dict | None) -> "LostEntries":
        """The same, from detail() (kept in a switch's plan, for finishing it after a crash)."""
        if not detail or not isinstance(detail.get("entries_lost"), int):
            return cls(False)
        first, last = detail.get("lost_ids") or (None, None)
        return cls(True, detail["entries_lost"], first, last, dict(detail.get("lost_actions") or {}),
                   tuple(tuple(r) for r in detail.get("unreadable_ids") or ()))

    def lines(self) -> list[str]:
        if not self.known:
            return [f"entries after the backup's head: {UNKNOWN}"]
        if not self.count and not self.unreadable:
            return ["entries after the backup's head: none, nothing was lost"]
        out = []
        if self.count:
            actions = ", ".join(f"{a} {n}" for a, n in sorted(self.actions.items()))
            out.append(f"entries after the backup's head, lost with the switch: {self.count} "
                       f"(entries {self.first_id}-{self.last_id}: {actions})")
        for a, b in self.unreadable:
            out.append(f"entries {a}-{b if b is not None else 'end'} of the old record could not be "
                       "read (damaged pages): more were lost than counted")
        return out


@dataclass(frozen=True)
class SwitchReport:
    record: Path
    restored_from: str                # the restored file's name
    restored_head: int | None
    lost: LostEntries
    kept_as: Path | None              # the old record, kept; None: there was none
    audited: bool = True
    problem: str | None = None        # why record.restored could not be written

    def detail(self) -> dict:
        return {"restored_file": self.restored_from, "restored_head": self.restored_head,
                "old_file_kept_as": self.kept_as.name if self.kept_as else None, **self.lost.detail()}

    def lines(self) -> list[str]:
        out = [f"{self.record} now holds the restored record {self.restored_from} "
               f"(audit head {self.restored_head})."]
        if self.kept_as:
            out.append(f"The record it replaced was kept as {self.kept_as.name} (with its key file, if it "
                       "had one); it is no longer used.")
        out += self.lost.lines()
        out.append("The switch is in the audit trail (record.restored)." if self.audited else
                   f"The switch is NOT in the audit trail: {self.problem}")
        return out


def lost_entries(record: Path, record_key: bytes | None, after_id: int | None) -> LostEntries:
    """The audit entries of the (perhaps damaged) record with id > after_id, read only, past
    damaged pages with salvage's reader; not known if the record does not read with the key."""
    if record_key is None or not Path(record).is_file():
        return LostEntries(False)
    try:
        conn = storage.key_connection(Path(record), record_key)
        try:
            columns = [r[1] for r in conn.execute('PRAGMA table_info("audit_log")')]
        finally:
            conn.close()
        action = columns.index("action") + 1   # rows come as (rowid, *columns)
    except (sqlcipher3.DatabaseError, ValueError):
        return LostEntries(False)
    unreadable: list = []
    ids, actions = [], Counter()
    for rows in salvage.readable_rows(Path(record), record_key, '"audit_log"', after_id or 0, unreadable):
        for row in rows:
            ids.append(row[0])
            actions[row[action]] += 1
    if not ids and unreadable:
        return LostEntries(False)   # not one row past the head reads: the table cannot be found
    return LostEntries(True, len(ids), ids[0] if ids else None, ids[-1] if ids else None, dict(actions),
                       tuple(unreadable))


def kept_name(record: Path, now: datetime) -> Path:
    """`<stem>.damaged-<UTC stamp><suffix>` beside the record, a new name (with its .keys)."""
    record = Path(record)
    stamp = now.astimezone(timezone.utc).strftime(STAMP_FORMAT)
    target = record.with_name(f"{record.stem}.damaged-{stamp}{record.suffix}")
    n = 1
    while os.path.lexists(target) or os.path.lexists(KeyFile.path_for(target)):
        target = record.with_name(f"{record.stem}.damaged-{stamp}-{n}{record.suffix}")
        n += 1
    return target


def plan_path(record: Path) -> Path:
    """The plan of a switch under way: hidden, beside the record."""
    return Path(record).with_name(f".{Path(record).name}.switching")


def interrupted_switch(record: Path) -> dict | None:
    """The plan of a switch that was interrupted (a crash, a kill), or None."""
    try:
        return json.loads(plan_path(record).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"restored": None, "kept_as": None, "keys": False}


def swap(record: Path, restored: Path, kept: Path, restored_head: int | None = None,
         lost: LostEntries | None = None) -> None:
    """Keep the record (and key file, and a hot journal) as `kept`, then move the restored pair
    into the record's place. The caller holds the writer lock of both. The plan keeps the
    restored head and what was lost, for the report of a switch finished after a crash."""
    record, restored = Path(record), Path(restored)
    plan = {"restored": str(restored.absolute()), "kept_as": kept.name,
            "keys": KeyFile.path_for(restored).exists(), "restored_head": restored_head,
            "lost": (lost or LostEntries(False)).detail()}
    write_file_safely(plan_path(record), json.dumps(plan), "record")
    finish_interrupted(record)


def finish_interrupted(record: Path) -> dict | None:
    """Do the steps of the planned switch not done yet, in order; returns the plan (None: there
    was none). Each step is checked before it is done, so this can run again after any crash.
    The plan stays until done()."""
    record = Path(record)
    plan = interrupted_switch(record)
    if plan is None:
        return None
    if not plan.get("restored") or not plan.get("kept_as"):
        raise OSError(f"the plan of an interrupted switch ({plan_path(record).name}) is unreadable")
    restored = Path(plan["restored"])
    kept = record.with_name(plan["kept_as"])
    folder = record.parent
    if restored.exists():                               # the record is not replaced yet
        _keep(record, kept)
        _keep(KeyFile.path_for(record), KeyFile.path_for(kept))
        journal = record.with_name(record.name + "-journal")
        if journal.exists():                            # the old record's hot journal goes with it
            os.replace(journal, kept.with_name(kept.name + "-journal"))
        fsync_folder(folder)
        restored_keys, record_keys = KeyFile.path_for(restored), KeyFile.path_for(record)
        if plan["keys"] and restored_keys.exists():
            os.replace(restored_keys, record_keys)
        elif not plan["keys"]:
            record_keys.unlink(missing_ok=True)         # kept above; the recovery key opens the record
        fsync_folder(folder)
        os.replace(restored, record)
        fsync_folder(folder)
        fsync_folder(restored.parent)
    return plan


def done(record: Path) -> None:
    """The switch is done and audited: its plan goes (last, so that a crash before the audit
    entry was written leaves the plan, and running the switch again writes it)."""
    plan_path(record).unlink(missing_ok=True)
    fsync_folder(Path(record).parent)


def _keep(src: Path, kept: Path) -> None:
    """kept names the same bytes as src (a hard link; a copy where links are not possible)."""
    if not src.exists() or kept.exists():
        return
    try:
        os.link(src, kept)
    except OSError:
        copy_file_safely(src, kept, "record")
