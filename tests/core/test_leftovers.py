"""Leftovers of interrupted work (issue 12, item 5): found by name beside a record and in its
backups folder, removed when no program has the record open, one stderr line each on the command
line (names and sizes, never content). The kill -9 test interrupts a real backup mid-copy."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from barnahus_app.record import storage
from barnahus_app.record.leftovers import find_leftovers, remove_leftovers
from tests.support.cli import run_cli
from tests.support.records import ADMIN_PASSWORD, make_record

ROOT = Path(__file__).resolve().parents[2]

# A backup that stalls once its copy is written (still under its .partial- name), to be killed there.
STALLING_BACKUP = """
import sys, time
from pathlib import Path
from barnahus_app import files
from barnahus_app.lifecycle import backup_record
from barnahus_app.record.keyslots import KdfParams
original = files.copy_new_file
def stall(*args):
    original(*args)
    print("COPIED", flush=True)
    time.sleep(60)
files.copy_new_file = stall
backup_record(Path(sys.argv[1]), "admin", sys.argv[2])
"""


@pytest.fixture
def rec(tmp_path):
    path, recovery = make_record(tmp_path)
    pw = tmp_path / "admin.pw"
    pw.write_text(ADMIN_PASSWORD + "\n")
    return {"record": path, "pw": pw}


def names(items):
    return sorted((i.path.relative_to(i.path.parent.parent).as_posix() if i.path.parent.name == "backups"
                   else i.path.name, i.kind, i.size) for i in items)


def test_each_kind_is_found_by_its_name_and_removed(rec):
    folder = rec["record"].parent
    (folder / "backups").mkdir()
    (folder / ".bundle-BH-1.partial-0123456789ab").mkdir()
    (folder / ".bundle-BH-1.partial-0123456789ab" / "a.pdf").write_bytes(b"x" * 10)
    (folder / f".{rec['record'].name}.building-abc_123").mkdir()
    (folder / f"{rec['record'].name}.creating").write_bytes(b"y" * 7)
    (folder / f".{rec['record'].name}.salvaging").write_bytes(b"z" * 3)
    (folder / "backups" / ".r-20261204T180000Z-manual.db.partial-00000000abcd").write_bytes(b"w" * 5)
    (folder / "backups" / "r-20261204T180000Z-manual.db.keys").write_bytes(b"k" * 4)
    (folder / "notes.partial-x").write_bytes(b"not ours")          # not the safe-write pattern
    (folder / ".other.partial-0123456789ab").write_bytes(b"new")   # young, not named after the record
    old = time.time() - 7200
    os.utime(folder / ".bundle-BH-1.partial-0123456789ab", (old, old))
    expected = [
        (".bundle-BH-1.partial-0123456789ab", "safe-write temporary", 10),
        (".record.barnahus.building-abc_123", "demo build", 0),
        (".record.barnahus.salvaging", "salvage", 3),
        ("backups/.r-20261204T180000Z-manual.db.partial-00000000abcd", "safe-write temporary", 5),
        ("backups/r-20261204T180000Z-manual.db.keys", "backup key file without its backup", 4),
        ("record.barnahus.creating", "record being created", 7),
    ]
    assert rec["record"].name == "record.barnahus"  # the names above are built from it
    assert names(find_leftovers(rec["record"])) == expected
    assert names(remove_leftovers(rec["record"])) == expected
    assert find_leftovers(rec["record"]) == []
    assert sorted(p.name for p in folder.iterdir()) == [
        ".other.partial-0123456789ab", "backups", "notes.partial-x", "record.barnahus",
        "record.barnahus.keys", "record.barnahus.lock"]


def test_nothing_is_removed_while_another_program_has_the_record_open(rec):
    (rec["record"].parent / f".{rec['record'].name}.salvaging").write_bytes(b"z")
    lock = storage.WriterLock(rec["record"])
    lock.acquire()
    try:
        assert remove_leftovers(rec["record"]) == []
    finally:
        lock.release()
    assert (rec["record"].parent / ".record.barnahus.salvaging").exists()


def test_a_backup_killed_mid_copy_leaves_leftovers_the_next_command_removes(rec, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("BARNAHUS_")}
    env["PYTHONPATH"] = str(ROOT)
    child = subprocess.Popen([sys.executable, "-c", STALLING_BACKUP, str(rec["record"]), ADMIN_PASSWORD],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    try:
        assert child.stdout.readline().strip() == b"COPIED", child.stderr.read().decode()[-2000:]
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(30)
        child.stdout.close()
        child.stderr.close()
    # the copy under its hidden name (as long as the record), and the key file written before it
    found = sorted((i.kind, i.path.name.startswith(".record-") and ".partial-" in i.path.name
                    or i.path.name.startswith("record-") and i.path.name.endswith(".keys"),
                    i.size == (rec["record"].stat().st_size if ".partial-" in i.path.name
                               else (rec["record"].parent / "record.barnahus.keys").stat().st_size))
                   for i in find_leftovers(rec["record"]))
    assert found == [("backup key file without its backup", True, True),
                     ("safe-write temporary", True, True)]
    result = run_cli("backups", "--record", rec["record"], "--user", "admin", "--password-file", rec["pw"])
    assert result.returncode == 0
    result = run_cli("users", "list", "--record", rec["record"], "--user", "admin", "--password-file", rec["pw"])
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith("barnahus: removed a leftover of interrupted work (safe-write temporary): .record-")
    assert lines[1].startswith("barnahus: removed a leftover of interrupted work (backup key file without its backup): record-")
    assert list((rec["record"].parent / "backups").iterdir()) == []
    check = run_cli("check", "--record", rec["record"], "--user", "admin", "--password-file", rec["pw"])
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.splitlines()[-1] == "ok"
