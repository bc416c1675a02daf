"""Switching to a restored record (issue 12, item 3): "the administrator switches to it
explicitly; the switch and what was lost since the backup (entries after the backup's head, when
the damaged record still reads) are audited and shown". Before this, README told the
administrator to move the files by hand, and nothing recorded the switch or what it lost."""
from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from barnahus_app.api import create_record
from barnahus_app.errors import Cancelled, PermissionDenied, RecordFileError, RecordLocked
from barnahus_app.lifecycle import restore_backup, switch_to_restored
from barnahus_app.record import switching
from barnahus_app.record.backups import DamagedSource
from tests.core.test_backups import flip_byte
from tests.support.cli import run_cli
from tests.support.records import (
    ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, login, make_record, raw_closed,
)

WHEN = datetime(2026, 12, 5, 8, 0, tzinfo=timezone.utc)
KEPT = "record.damaged-20261205T080000Z.barnahus"


def clock():
    return WHEN


@pytest.fixture
def rec(tmp_path):
    """A record with a person, a backup, a later person; the backup restored beside it."""
    path, recovery = make_record(tmp_path)
    with login(path, "coordinator") as c:
        first = c.create_person(given_name="First", family_name="Backedup", acknowledge_duplicates=True)
    with login(path, "admin") as a:
        backup = Path(a.backup())
    with login(path, "coordinator") as c:
        later = c.create_person(given_name="Later", family_name="Lost", acknowledge_duplicates=True)
    restored = path.with_name("restored.barnahus")
    restore_backup(backup, restored, "admin", ADMIN_PASSWORD)
    rk = tmp_path / "recovery.txt"
    rk.write_text(recovery + "\n")
    pw = tmp_path / "admin.pw"
    pw.write_text(ADMIN_PASSWORD + "\n")
    return {"record": path, "recovery": recovery, "restored": restored, "backup": backup,
            "first": first, "later": later, "rk": rk, "pw": pw}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files(rec) -> dict:
    folder = rec["record"].parent
    return {p.name: digest(p) for p in folder.iterdir() if p.is_file() and not p.name.endswith(".lock")}


def last_entries(path, recovery, n):
    with raw_closed(path, recovery) as conn:
        rows = conn.execute("SELECT id, action, username, detail FROM audit_log ORDER BY id DESC LIMIT ?",
                            (n,)).fetchall()
    return [(i, a, u, json.loads(d) if d else None) for i, a, u, d in reversed(rows)]


def person_names(path, recovery):
    with raw_closed(path, recovery) as conn:
        return sorted(g for (g,) in conn.execute("SELECT given_name FROM persons"))


def test_switch_round_trip(rec):
    restored_bytes = digest(rec["restored"])
    old_bytes = digest(rec["record"])
    report = switch_to_restored(rec["record"], rec["restored"], "admin", ADMIN_PASSWORD, kdf=FAST_KDF,
                                clock=clock)
    assert report.lines() == [
        f"{rec['record']} now holds the restored record restored.barnahus (audit head 21).",
        f"The record it replaced was kept as {KEPT} (with its key file, if it had one); it is no longer used.",
        "entries after the backup's head, lost with the switch: 5 (entries 22-26: login 1, logout 2, "
        "person.created 1, record.backup 1)",
        "The switch is in the audit trail (record.restored).",
    ]
    folder = rec["record"].parent
    assert sorted(p.name for p in folder.iterdir()) == sorted([
        "backups", "record.barnahus", "record.barnahus.keys", "record.barnahus.lock", KEPT, KEPT + ".keys"])
    assert digest(folder / KEPT) == old_bytes                    # the old record, byte for byte
    assert person_names(rec["record"], rec["recovery"]) == ["First"]
    assert person_names(folder / KEPT, rec["recovery"]) == ["First", "Later"]
    assert digest(rec["record"]) != restored_bytes               # it gained its audit entries
    assert last_entries(rec["record"], rec["recovery"], 3) == [
        (22, "login", "admin", None),
        (23, "record.restored", "admin", {
            "entries_lost": 5, "lost_ids": [22, 26],
            "lost_actions": {"login": 1, "logout": 2, "person.created": 1, "record.backup": 1},
            "old_file_kept_as": KEPT, "restored_file": "restored.barnahus", "restored_head": 21}),
        (24, "logout", "admin", None),
    ]
    with login(rec["record"], "admin") as s:
        assert s.check().ok


def test_the_command_line_switches_with_the_recovery_key_alone(rec):
    result = run_cli("switch-to-restored", str(rec["restored"]), "--record", str(rec["record"]),
                     "--recovery-key-file", str(rec["rk"]))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        f"{rec['record']} now holds the restored record restored.barnahus (audit head 21).")
    assert "entries after the backup's head, lost with the switch: 5 " in result.stdout
    (i, action, user, detail), = last_entries(rec["record"], rec["recovery"], 1)
    assert (i, action, user, detail["by"], detail["entries_lost"]) == (
        22, "record.restored", None, "recovery key", 5)


def test_a_user_is_needed_or_the_recovery_key(rec):
    result = run_cli("switch-to-restored", str(rec["restored"]), "--record", str(rec["record"]))
    assert result.returncode == 2
    assert result.stderr.strip() == ("barnahus: Give --user NAME (and your password), --recovery-key-file or "
                                     "--recovery-shares.")


def assert_nothing_changed(rec, before):
    assert files(rec) == before
    assert not list(rec["record"].parent.glob("*.damaged-*"))
    assert not switching.plan_path(rec["record"]).exists()


def test_a_copy_of_another_record_is_refused(rec, tmp_path):
    other = rec["record"].with_name("other.barnahus")
    create_record(other, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    before = files(rec)
    with pytest.raises(RecordFileError) as e:
        switch_to_restored(rec["record"], other, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    assert str(e.value) == ("other.barnahus is a copy of another record (its record id differs); "
                            "nothing was switched.")
    assert_nothing_changed(rec, before)


def test_a_user_who_may_not_back_up_is_refused(rec):
    before = files(rec)
    with pytest.raises(PermissionDenied) as e:
        switch_to_restored(rec["record"], rec["restored"], "coordinator", STAFF_PASSWORD, kdf=FAST_KDF)
    assert str(e.value) == ("Only an administrator of the restored record may switch to it "
                            "(coordinator may not back it up); nothing was switched.")
    assert_nothing_changed(rec, before)


@pytest.mark.parametrize("which", ["record", "restored"])
def test_a_record_open_elsewhere_is_refused(rec, which):
    with login(rec[which], "admin"):
        before = files(rec)
        with pytest.raises(RecordLocked) as e:
            switch_to_restored(rec["record"], rec["restored"], "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
        assert_nothing_changed(rec, before)   # while the other session is open (it logs out after)
        assert rec[which].with_name(rec[which].name + ".lock").exists()   # the other program's lock stays
    name = {"record": "record.barnahus (the record)", "restored": "restored.barnahus (the restored record)"}[which]
    assert str(e.value) == (f"{name} is open in another Barnahus window or program. Close it there "
                            "first; nothing was switched.")


def test_a_damaged_restored_file_is_refused(rec):
    with raw_closed(rec["restored"], rec["recovery"]) as conn:
        page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'persons'").fetchone()[0]
    flip_byte(rec["restored"], page)
    before = files(rec)
    with pytest.raises(DamagedSource) as e:
        switch_to_restored(rec["record"], rec["restored"], "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    assert str(e.value).startswith("restored.barnahus failed its check (file integrity: 1 of ")
    assert str(e.value).endswith("restore the backup again, or another one. Nothing was switched.")
    assert_nothing_changed(rec, before)


def test_entries_lost_are_counted_in_a_damaged_record(tmp_path):
    """60 logins after the backup fill the audit trail to page 212; a flipped byte there loses
    entries 122 on, and the entries before it are still counted."""
    path, recovery = make_record(tmp_path)
    with login(path, "admin") as a:
        backup = Path(a.backup())
    for _ in range(60):
        with login(path, "admin"):
            pass
    restored = path.with_name("restored.barnahus")
    restore_backup(backup, restored, "admin", ADMIN_PASSWORD)
    flip_byte(path, 212)
    report = switch_to_restored(path, restored, "admin", ADMIN_PASSWORD, kdf=FAST_KDF, clock=clock)
    assert report.lines()[2:] == [
        "entries after the backup's head, lost with the switch: 103 (entries 19-121: login 51, logout 51, "
        "record.backup 1)",
        "entries 122-end of the old record could not be read (damaged pages): more were lost than counted",
        "The switch is in the audit trail (record.restored).",
    ]
    (_, action, _, detail), = last_entries(path, recovery, 2)[:1]
    assert action == "record.restored"
    assert (detail["entries_lost"], detail["lost_ids"], detail["unreadable_ids"]) == (103, [19, 121], [[122, None]])


def test_a_record_that_does_not_read_loses_an_unknown_number(rec):
    with open(rec["record"], "r+b") as f:        # every page's HMAC fails: nothing reads
        size = os.path.getsize(rec["record"])
        for page in range(size // 4096):
            f.seek(page * 4096 + 100)
            f.write(b"\xff" * 8)
    report = switch_to_restored(rec["record"], rec["restored"], "admin", ADMIN_PASSWORD, kdf=FAST_KDF,
                                clock=clock)
    assert report.lines()[2] == "entries after the backup's head: unknown (the record does not read)"
    (_, action, _, detail), = last_entries(rec["record"], rec["recovery"], 2)[:1]
    assert detail["entries_lost"] == "unknown (the record does not read)"


def test_a_switch_interrupted_between_the_renames_is_finished_by_running_it_again(rec, monkeypatch):
    replace = os.replace
    calls = []

    def crash_after_the_key_file(src, dst):
        calls.append(Path(dst).name)
        if Path(dst).name == "record.barnahus":
            raise KeyboardInterrupt   # as a kill between the two renames
        replace(src, dst)

    monkeypatch.setattr(switching.os, "replace", crash_after_the_key_file)
    with pytest.raises(KeyboardInterrupt):
        switch_to_restored(rec["record"], rec["restored"], "admin", ADMIN_PASSWORD, kdf=FAST_KDF, clock=clock)
    monkeypatch.setattr(switching.os, "replace", replace)
    assert calls == ["record.barnahus.keys", "record.barnahus"]
    assert rec["record"].exists() and rec["restored"].exists()   # the record's name never points at nothing
    assert switching.interrupted_switch(rec["record"])["kept_as"] == KEPT
    # the next command that opens the record says so
    result = run_cli("audit", "--record", str(rec["record"]), "--recovery-key-file", str(rec["rk"]),
                     "--user", "admin", "--limit", "1")
    assert (f"barnahus: a switch to the restored record {rec['restored']} was interrupted; run "
            "`barnahus switch-to-restored` with that file again to finish it.") in result.stderr
    report = switch_to_restored(rec["record"], rec["restored"], "admin", ADMIN_PASSWORD, kdf=FAST_KDF,
                                clock=clock)
    assert report.lines()[:3] == [
        f"{rec['record']} now holds the restored record restored.barnahus (audit head 21).",
        f"The record it replaced was kept as {KEPT} (with its key file, if it had one); it is no longer used.",
        "entries after the backup's head, lost with the switch: 5 (entries 22-26: login 1, logout 2, "
        "person.created 1, record.backup 1)"]   # counted before the crash, kept in the plan
    assert not rec["restored"].exists() and not switching.plan_path(rec["record"]).exists()
    assert person_names(rec["record"], rec["recovery"]) == ["First"]
    assert person_names(rec["record"].with_name(KEPT), rec["recovery"]) == ["First", "Later"]


def test_cancel_before_the_files_are_touched_switches_nothing(rec):
    before = files(rec)
    steps = []
    with pytest.raises(Cancelled):
        switch_to_restored(rec["record"], rec["restored"], "admin", ADMIN_PASSWORD, kdf=FAST_KDF,
                           progress=lambda done, total: steps.append((done, total)),
                           cancel=lambda: len(steps) == 4)
    assert steps == [(0, 5), (1, 5), (2, 5), (3, 5)]
    assert_nothing_changed(rec, before)


# --- kill -9 at each step ---------------------------------------------------------------------
KILLER = r"""
import os, signal, sys
from pathlib import Path
from barnahus_app.lifecycle import switch_to_restored
from barnahus_app.record import switching
from barnahus_app.session import Session
from tests.support.records import ADMIN_PASSWORD, FAST_KDF

record, restored, kill_at = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
seen = [0]

def killing(name, real):
    def step(*args, **kwargs):
        seen[0] += 1
        if seen[0] == kill_at:
            print(name, flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return step

# every file-system step of the switch, and the audit entry after it
switching.write_file_safely = killing("write plan", switching.write_file_safely)
switching.os.link = killing("link", os.link)
switching.os.replace = killing("replace", os.replace)
switching.fsync_folder = killing("fsync folder", switching.fsync_folder)
Session._note_restored = killing("audit", Session._note_restored)
switch_to_restored(record, restored, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
print("done", flush=True)
"""


def test_kill_9_at_each_step_leaves_a_record_in_place_and_running_again_finishes(rec, tmp_path):
    import shutil
    import subprocess
    import sys
    from tests.support.cli import ROOT
    folder = rec["record"].parent
    template = tmp_path / "template"
    shutil.copytree(folder, template)
    killed_at = []
    from barnahus_app.record.leftovers import find_leftovers
    for kill_at in range(1, 40):
        shutil.rmtree(folder)
        shutil.copytree(template, folder)
        run = subprocess.run([sys.executable, "-c", KILLER, str(rec["record"]), str(rec["restored"]),
                              str(kill_at)], capture_output=True, text=True, cwd=ROOT, timeout=120,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
        if run.returncode == 0:
            assert run.stdout.strip() == "done"
            break
        assert run.returncode == -9, run.stderr
        killed_at.append(run.stdout.strip())
        # the record's name never points at nothing, and it opens (old or new, or the new key file
        # beside the old record: then only with the recovery key, which opens both)
        assert rec["record"].is_file() and rec["record"].with_name("record.barnahus.keys").is_file()
        with raw_closed(rec["record"], rec["recovery"]) as conn:
            assert conn.execute("SELECT count(*) FROM persons").fetchone()[0] in (1, 2)
        plan = switching.interrupted_switch(rec["record"])
        if plan is None and rec["restored"].exists():   # killed before the plan was published
            assert not list(folder.glob("*.damaged-*"))
        if plan is not None or rec["restored"].exists():   # else killed after the plan was removed
            report = switch_to_restored(rec["record"], rec["restored"], "admin", ADMIN_PASSWORD,
                                        kdf=FAST_KDF)
            assert report.audited
        assert not rec["restored"].exists() and not switching.plan_path(rec["record"]).exists()
        kept, = folder.glob("record.damaged-*.barnahus")
        assert person_names(rec["record"], rec["recovery"]) == ["First"]
        assert person_names(kept, rec["recovery"]) == ["First", "Later"]
        with raw_closed(rec["record"], rec["recovery"]) as conn:
            restored_entries = [json.loads(d) for (d,) in conn.execute(
                "SELECT detail FROM audit_log WHERE action = 'record.restored'")]
        assert [d["entries_lost"] for d in restored_entries] == [5], (kill_at, restored_entries)
        with login(rec["record"], "admin") as s:
            assert s.check().ok
        # a kill inside the plan's own safe write leaves its temporary: a leftover the next
        # command removes (tests/core/test_leftovers.py), nothing else
        hidden = {p.name for p in folder.iterdir() if p.name.startswith(".")}
        assert hidden <= {item.path.name for item in find_leftovers(rec["record"], 0)}, (kill_at, hidden)
    # the kill points, in order: the plan's safe write (then its publishing link), keeping the old
    # record and key file (links), the restored key file and record moved in (each rename then its
    # fsync), the login's key file save, the audit entry, and the plan's removal
    assert killed_at == [
        "write plan", "link", "link", "link", "fsync folder", "replace", "fsync folder", "replace",
        "fsync folder", "fsync folder", "replace", "audit", "fsync folder"]
