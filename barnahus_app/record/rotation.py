"""A key rotation and its new recovery-key file, and an interrupted rotation settled at the next
unlock, so that a recovery-key file under the name the user chose always opens the record.

Session.rotate_record_key runs:
  begin    the new record key sealed beside the old one in the key file, with this rotation's
           note (the new key's id, and the recovery-key file F the user chose, if any): one save
  deliver  the new recovery key written to F.pending (a safe write: owner-only, fsynced)
           -- the record file re-encrypted with the new key (one transaction) --
  end      the old key dropped from the key file, F.pending renamed to F, the note removed

A kill at any point leaves the note in the key file. The next unlock (lifecycle.open_record), with
the key that opened the record, calls settle_at_unlock:
  - the new key opens (the rotation got as far as re-encrypting): F.pending is renamed to F;
    audited record.key_rotation_finished_at_unlock;
  - the old key opens (it did not): F.pending does not open the record and is renamed F.unused
    (F.unused-2 ... if that name is taken), never left under a name that looks like a key in use;
    audited record.key_rotation_rolled_back.
The session shows what happened once (Session.rotation: a Settled; the command line prints its
note(), the desktop app its own translated text). A read-only open settles nothing.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from barnahus_app.errors import ValidationError
from barnahus_app.files import check_destination, fsync_folder, publish_new, write_file_safely
from barnahus_app.record.keyslots import KeyFile, key_id

NOTE = "rotation"          # the key file's entry for a rotation in progress
PENDING, UNUSED = ".pending", ".unused"


def pending_path(target: Path) -> Path:
    target = Path(target)
    return target.with_name(target.name + PENDING)


def check_target(target, field: str) -> None:
    """Before unlocking: F and F.pending are new names in a folder that exists."""
    check_destination(target, field)
    check_destination(pending_path(Path(target)), field)


def in_progress(keyfile: KeyFile) -> bool:
    return isinstance(keyfile.data.get(NOTE), dict)


def begin(keyfile: KeyFile, new_key: bytes, target: Path | None) -> None:
    keyfile.seal_for_all(new_key)
    keyfile.data[NOTE] = {"new_key_id": key_id(new_key),
                          "recovery_key_file": str(Path(target).absolute()) if target else None}
    keyfile.save()


def deliver(target: Path, recovery: str, field: str) -> None:
    write_file_safely(pending_path(target), recovery + "\n", field)


def end(keyfile: KeyFile, new_key: bytes, target: Path | None) -> None:
    keyfile.keep_only(new_key)
    keyfile.save()               # the note stays until F is in place
    if target:
        publish_new(pending_path(target), Path(target))
    keyfile.data.pop(NOTE, None)
    keyfile.save()


def abandon(keyfile: KeyFile, old_key: bytes, target: Path | None) -> None:
    """The new key could not be delivered, before anything was switched: the key file as before."""
    if target:
        try:
            pending_path(target).unlink(missing_ok=True)
        except OSError:
            pass   # the note below is dropped either way; the name .pending says it is not in use
    keyfile.keep_only(old_key)
    keyfile.data.pop(NOTE, None)
    keyfile.save()


@dataclass(frozen=True)
class Settled:
    """An interrupted rotation, settled: finished (the new key is in use) or rolled back."""
    finished: bool
    recovery_key_file: str | None   # F, where the user asked for the new recovery key
    file: str | None                # where that key now is: F (finished), F.unused (rolled back),
                                    # F.pending if it could not be renamed; None: never written

    @property
    def action(self) -> str:
        return "record.key_rotation_finished_at_unlock" if self.finished else "record.key_rotation_rolled_back"

    def detail(self) -> dict:
        return {"file": Path(self.file).name if self.file else None}

    def note(self) -> str:
        if self.finished:
            where = (f"the new recovery key in {self.file} opens the record" if self.file
                     else "the recovery key it issued opens the record")
            return (f"A key rotation interrupted earlier was finished at this unlock: {where}; the "
                    "previous recovery key no longer does.")
        where = (f"The recovery key it wrote, now {self.file}, does NOT open the record: delete it."
                 if self.file else "A recovery key it issued does NOT open the record.")
        return ("A key rotation interrupted earlier was undone at this unlock: the record key was not "
                f"replaced, and the previous recovery key still opens the record. {where}")


def settle_at_unlock(keyfile: KeyFile, opening_key: bytes) -> Settled | None:
    """The files of an interrupted rotation put right, and its note dropped from keyfile (the
    caller saves it); None if no rotation was interrupted."""
    note = keyfile.data.get(NOTE)
    if not isinstance(note, dict):
        return None
    finished = note.get("new_key_id") == key_id(opening_key)
    raw = note.get("recovery_key_file")
    target = Path(raw) if isinstance(raw, str) and raw else None
    file = None
    if target is not None:
        pending = pending_path(target)
        try:
            if not os.path.lexists(pending):
                file = str(target) if finished and target.exists() else None
            elif finished:
                try:
                    publish_new(pending, target)
                    file = str(target)
                except ValidationError:  # a file appeared under F meanwhile: left as it is
                    file = str(pending)
            else:
                unused = _free_name(target.with_name(target.name + UNUSED))
                os.rename(pending, unused)
                fsync_folder(unused.parent)
                file = str(unused)
        except OSError:   # e.g. its drive is not plugged in: said in the note, tried no more
            file = str(pending)
    keyfile.data.pop(NOTE, None)
    return Settled(finished, str(target) if target else None, file)


def _free_name(path: Path) -> Path:
    candidate, n = path, 2
    while os.path.lexists(candidate):
        candidate = path.with_name(f"{path.name}-{n}")
        n += 1
    return candidate
