"""kill -9 while a command writes a file (issue 12, "Done means"): restore, salvage, every export
and demo. The real command line runs in its own process (tests/core/_stalling_cli.py) and stalls
at a chosen point of its writing, with its work under the temporary name on disk; the test kills it
there with SIGKILL, then:
- the destination does not exist (a restored or salvaged record: nor its key file);
- everything it left is a leftover find_leftovers recognises by name, and the next command
  removes it (those not named after the record once they are older than MIN_AGE_SECONDS);
- no file left anywhere in the test's folder holds the child's name in plaintext;
- `check` passes on the record, and the same command, run again, succeeds.
On main before this, restore and salvage wrote the new record's key file before the record (a kill
left `<to>.keys` under its final name, so the retry failed "already exists"), salvage left a
`-journal` beside its temporary record, and an interrupted `demo` left a `.building-` folder that
nothing removed (leftovers were removed only beside an existing record).

The same commands on a full disk (the ones test_safe_files.py and test_backups.py do not cover
already) leave nothing either; on main before this a full disk during salvage ended in "internal
error (OperationalError)".

Each run is deterministic (the stall point is a function's N-th return, not a timer) and costs
one process start (~1 s) plus the checks; the world (record, case, interview, recording, backup)
is made once for the module and copied per test."""
from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from barnahus_app.record.leftovers import MIN_AGE_SECONDS, find_leftovers
from tests.support.cli import run_cli
from tests.support.records import (
    ADMIN_PASSWORD, STAFF_PASSWORD, cheap_argon2, copy_record_folder, login, make_record, sample_case,
)

if os.name != "posix":  # pragma: no cover
    pytest.skip("SIGKILL harness needs POSIX", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[2]
STALLER = Path(__file__).with_name("_stalling_cli.py")
CANARY = "Qwyxzabelle"          # the child's given name: must never be found in plaintext on disk
ZONE = "Europe/Stockholm"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kill-world")
    record, recovery = make_record(folder)
    with login(record, "admin") as a:
        room = a.create_room("Blue room", "interview")
    with login(record, "coordinator") as c:
        case = sample_case(c)
        child = c.create_person(given_name=CANARY, family_name="Canarydottir", date_of_birth="2015-07-19",
                                acknowledge_duplicates=True)
        c.add_child(case["id"], child, "victim")
        iv_user = next(u["id"] for u in c.interviewers())
    with login(record, "interviewer") as s:
        iv = s.plan_interview(case["id"], child, "2026-03-10T10:00", 60, room, iv_user, time_zone=ZONE)
        s.record_interview(iv, actual_start="2026-03-10T10:05", actual_end="2026-03-10T10:58")
        evidence = folder / "evidence"
        evidence.mkdir()
        (evidence / "interview.mp4").write_bytes(os.urandom(200_000))
        s.register_recording(iv, evidence / "interview.mp4", label="Master recording")
    with login(record, "admin") as a:
        backup = Path(a.backup())
    return {"folder": folder, "record": record, "case": case["reference"], "backup_name": backup.name,
            "recovery": recovery}


@pytest.fixture
def rec(world, tmp_path):
    """A copy of the world: the record folder (the exports go there too, so find_leftovers looks
    where they are written), the recording, password files outside the record's folder."""
    record = copy_record_folder(world["record"].parent, tmp_path / "centre") / world["record"].name
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "admin.pw").write_text(ADMIN_PASSWORD + "\n")
    (secrets / "staff.pw").write_text(STAFF_PASSWORD + "\n")
    (tmp_path / "tmp").mkdir()
    return {"record": record, "folder": record.parent, "case": world["case"], "tmp": tmp_path,
            "recovery": world["recovery"],
            "backup": record.parent / "backups" / world["backup_name"], "secrets": secrets}


def _as(rec, user):
    return ["--user", user, "--password-file",
            str(rec["secrets"] / ("admin.pw" if user == "admin" else "staff.pw"))]


def _opening(rec, user):
    return ["--record", str(rec["record"]), *_as(rec, user)]


# name: (arguments, the function whose N-th return the command stalls after, destinations)
def _cases(rec):
    f, ref = rec["folder"], rec["case"]
    coordinator = _opening(rec, "coordinator")
    write = "barnahus_app.files:write_new_file:1"     # the whole file, under its temporary name
    bag = "barnahus_app.documents.bundle:_tag_files:1"  # every payload file written, before the tags
    return {
        "restore": (["restore", str(rec["backup"]), "--to", str(f / "restored.barnahus"), *_as(rec, "admin")],
                    "barnahus_app.files:copy_new_file:1", ["restored.barnahus", "restored.barnahus.keys"]),
        "salvage": (["salvage", *_opening(rec, "admin"), "--to", str(f / "salvaged.barnahus")],
                    "barnahus_app.record.salvage:_copy_table:5", ["salvaged.barnahus", "salvaged.barnahus.keys"]),
        "export-case": (["export-case", *coordinator, "--case", ref, "--out", str(f / "case.json")],
                        write, ["case.json"]),
        "audit --export": (["audit", *_opening(rec, "admin"), "--export", str(f / "audit.json")],
                           write, ["audit.json"]),
        "ics": (["ics", *coordinator, "--from", "2026-03-01", "--to", "2026-03-31", "--time-zone", ZONE,
                 "--out", str(f / "bookings.ics")], write, ["bookings.ics"]),
        "summary pdf": (["summary", *coordinator, "--case", ref, "--format", "pdf", "--time-zone", ZONE,
                         "--out", str(f / "summary.pdf")], write, ["summary.pdf"]),
        "summary docx": (["summary", *coordinator, "--case", ref, "--format", "docx", "--time-zone", ZONE,
                          "--out", str(f / "summary.docx")], write, ["summary.docx"]),
        "bundle folder": (["export-bundle", *coordinator, "--case", ref, "--time-zone", ZONE,
                           "--out", str(f / "bundle")], bag, ["bundle"]),
        "bundle zip": (["export-bundle", *coordinator, "--case", ref, "--time-zone", ZONE, "--zip",
                        "--out", str(f / "bundle.zip")], bag, ["bundle.zip"]),
        "bundle --recordings": (["export-bundle", *coordinator, "--case", ref, "--time-zone", ZONE,
                                 "--recordings", "--out", str(f / "bundle-rec")], bag, ["bundle-rec"]),
        "demo": (["demo", "--record", str(f / "demo.barnahus"), "--admin", "boss", "--cases", "3",
                  "--password-file", str(rec["secrets"] / "admin.pw")],
                 "barnahus_app.demo.build:add_demo_interviews:1", ["demo.barnahus", "demo.barnahus.keys"]),
    }


NAMES = list(_cases({"folder": Path("."), "case": "", "backup": Path("."), "record": Path("."),
                     "secrets": Path(".")}))


def _run_until_stalled(rec, args: list[str], hook: str, cheap: bool) -> None:
    """Start the command, wait until it stalls at its hook, SIGKILL it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BARNAHUS_")}
    env["PYTHONPATH"] = str(ROOT)
    env["TMPDIR"] = str(rec["tmp"] / "tmp")   # anything it puts in a temporary folder is grepped too
    child = subprocess.Popen([sys.executable, str(STALLER), hook, "1" if cheap else "0", "--", *args],
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=env, cwd=ROOT)
    try:
        out = b""
        deadline = time.monotonic() + 120
        while b"STALLED\n" not in out:
            left = deadline - time.monotonic()
            ready = select.select([child.stdout], [], [], max(left, 0))[0]
            chunk = os.read(child.stdout.fileno(), 4096) if ready else b""
            if not chunk:
                child.kill()
                child.wait(30)
                pytest.fail(f"the command ended or hung before its stall point ({child.returncode}):\n"
                            f"{out.decode(errors='replace')}\n{child.stderr.read().decode(errors='replace')[-3000:]}")
            out += chunk
        os.kill(child.pid, signal.SIGKILL)   # our own child, not reaped yet
        assert child.wait(30) == -signal.SIGKILL
    finally:
        if child.returncode is None:
            child.kill()
            child.wait(30)
        child.stdout.close()
        child.stderr.close()


def _entries(folder: Path) -> set[str]:
    names = {p.name for p in folder.iterdir()}
    if (folder / "backups").is_dir():
        names |= {f"backups/{p.name}" for p in (folder / "backups").iterdir()}
    return names


def _files_holding(root: Path, text: str) -> list[str]:
    needles = [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    found = []
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            data = (Path(dirpath) / name).read_bytes()
            if any(n in data for n in needles):
                found.append(str((Path(dirpath) / name).relative_to(root)))
    return found


@pytest.mark.parametrize("name", NAMES)
def test_a_kill_while_writing_leaves_only_leftovers_the_next_command_removes(rec, name):
    args, hook, dests = _cases(rec)[name]
    folder = rec["folder"]
    before = _entries(folder)
    _run_until_stalled(rec, args, hook, cheap=name == "demo")

    # 1. Nothing under the destination's name.
    assert [d for d in dests if os.path.lexists(folder / d)] == []

    # 2. Everything new is a leftover, recognised by its name (young ones too, with age 0).
    record = folder / "demo.barnahus" if name == "demo" else rec["record"]
    new = _entries(folder) - before - {"demo.barnahus.lock", "record.barnahus.lock"}
    leftovers = find_leftovers(record, min_age_seconds=0)
    assert new, "the kill came before anything was written: the stall point is wrong"
    assert sorted(new) == sorted(str(i.path.relative_to(folder)) for i in leftovers)
    assert all(i.size > 0 or i.kind == "demo build" for i in leftovers), leftovers
    held = _files_holding(rec["tmp"], CANARY)
    if name == "export-case":
        assert held, "the canary grep finds nothing even in the plaintext export: it is blind"
    # Not named after the record: perhaps another program's work in progress, left for an hour.
    young = {str(i.path.relative_to(folder)) for i in find_leftovers(record)}
    named_after_record = {n for n in new if record.name in n}
    assert young == named_after_record
    old = time.time() - MIN_AGE_SECONDS - 60
    for item in leftovers:
        os.utime(item.path, (old, old), follow_symlinks=False)

    # 3. The next command removes them, one line each, and the folder is as it was.
    with cheap_argon2():
        if name == "demo":
            retry = run_cli(*args)
            assert retry.returncode == 0, retry.stderr
            assert retry.stderr.startswith("barnahus: removed a leftover of interrupted work (demo build): "
                                           ".demo.barnahus.building-"), retry.stderr
            assert _files_holding(rec["tmp"], CANARY) == []
        else:
            listing = run_cli("users", "list", *_opening(rec, "admin"))
            assert listing.returncode == 0, listing.stderr
            assert len(listing.stderr.splitlines()) == len(leftovers), listing.stderr
            assert all(line.startswith("barnahus: removed a leftover of interrupted work (")
                       for line in listing.stderr.splitlines()), listing.stderr
            assert _entries(folder) - {"record.barnahus.lock"} == before - {"record.barnahus.lock"}
            # 4. No plaintext of the child anywhere in the test's folder.
            assert _files_holding(rec["tmp"], CANARY) == []
            # 5. The same command simply runs again.
            retry = run_cli(*args)
            assert retry.returncode == 0, retry.stderr
        assert find_leftovers(record, min_age_seconds=0) == []
        assert all(os.path.lexists(folder / d) for d in dests)
        check = run_cli("check", "--record", str(record), *(
            ["--user", "boss", "--password-file", str(rec["secrets"] / "admin.pw")] if name == "demo"
            else _as(rec, "admin")))
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.splitlines()[-1] == "ok"


# --- a full disk ---------------------------------------------------------------------------------
# export-case, audit --export and ics: test_safe_files.py; summary DOCX: test_safe_files.py;
# backup: test_backups.py. Here the others, the same way: the destination's folder refuses the
# fsync (ENOSPC) of the n-th file written in it, or (for SQLite's own writes) the new record
# cannot grow (max_page_count). Then: one line on stderr, exit 2, nothing in the folder, and the
# same command runs again.
@pytest.fixture
def out(rec):
    folder = rec["tmp"] / "out"
    folder.mkdir()
    return folder


def _full_disk_cases(rec, out):
    coordinator = _opening(rec, "coordinator")
    ref = rec["case"]
    bundle = ["export-bundle", *coordinator, "--case", ref, "--time-zone", ZONE]
    full = f"barnahus: The disk holding {out} is full; "
    return {
        "summary pdf": (["summary", *coordinator, "--case", ref, "--format", "pdf", "--time-zone", ZONE,
                         "--out", str(out / "summary.pdf")], 1, full + "nothing was written."),
        "bundle folder": ([*bundle, "--out", str(out / "bundle")], 1, full + "no bundle was written."),
        "bundle zip": ([*bundle, "--zip", "--out", str(out / "bundle.zip")], 1, full + "no bundle was written."),
        "bundle --recordings": ([*bundle, "--recordings", "--out", str(out / "bundle")], 3,
                                full + "no bundle was written."),   # the 3rd file: the recording
        "restore, the copy": (["restore", str(rec["backup"]), "--to", str(out / "restored.barnahus"),
                               *_as(rec, "admin")], 1, full + "nothing was written."),
        "restore, its key file": (["restore", str(rec["backup"]), "--to", str(out / "restored.barnahus"),
                                   *_as(rec, "admin")], 2, full + "nothing was written."),
    }


FULL_DISK_NAMES = list(_full_disk_cases({"case": "", "backup": Path("."), "record": Path("."),
                                         "secrets": Path(".")}, Path(".")))


@pytest.mark.parametrize("name", FULL_DISK_NAMES)
def test_a_full_disk_leaves_nothing_and_the_retry_succeeds(rec, out, name):
    from tests.core.test_backups import disk_full_at_the_nth_fsync
    args, n, message = _full_disk_cases(rec, out)[name]
    with pytest.MonkeyPatch.context() as mp:
        disk_full_at_the_nth_fsync(mp, out, n)
        code, stdout, err = run_cli(*args)
    assert (code, stdout) == (2, ""), err
    assert err.strip() == message
    assert list(out.iterdir()) == []
    code, stdout, err = run_cli(*args)
    assert (code, err) == (0, ""), err
    assert find_leftovers(rec["record"], min_age_seconds=0) == []


def _record_cannot_grow(mp, inside: str) -> None:
    """Every engine made for a file whose path holds `inside`, once the file exists, cannot grow
    its file (tests.support.records.fill_the_disk), as on a full disk."""
    from barnahus_app.record import storage
    from tests.support.records import fill_the_disk
    real = storage.make_engine

    def make_engine(path, record_key, read_only=False):
        engine = real(path, record_key, read_only)
        if inside in str(path) and Path(path).exists() and Path(path).stat().st_size:
            fill_the_disk(engine)
        return engine
    mp.setattr(storage, "make_engine", make_engine)


def test_a_full_disk_during_salvage_leaves_nothing_and_the_retry_succeeds(rec, out):
    from barnahus_app.record import storage
    real = storage.key_connection

    def key_connection(path, record_key, mode="ro"):
        conn = real(path, record_key, mode)
        if mode == "rwc":                       # the new record salvage writes: 4 pages at most
            conn.execute("PRAGMA max_page_count = 4")
        return conn
    args = ["salvage", *_opening(rec, "admin"), "--to", str(out / "salvaged.barnahus")]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(storage, "key_connection", key_connection)
        code, stdout, err = run_cli(*args)
    assert (code, stdout) == (2, ""), err
    assert err.strip() == f"barnahus: The disk holding {out} is full; nothing was salvaged."
    assert list(out.iterdir()) == []
    code, stdout, err = run_cli(*args)
    assert (code, err) == (0, ""), err
    assert sorted(p.name for p in out.iterdir()) == ["salvaged.barnahus", "salvaged.barnahus.keys"]


def test_a_full_disk_during_demo_leaves_nothing_and_the_retry_succeeds(rec, out):
    args = ["demo", "--record", str(out / "demo.barnahus"), "--admin", "boss", "--cases", "30",
            "--password-file", str(rec["secrets"] / "admin.pw")]
    with cheap_argon2():
        with pytest.MonkeyPatch.context() as mp:
            _record_cannot_grow(mp, ".demo.barnahus.building-")
            code, stdout, err = run_cli(*args)
        assert (code, stdout) == (2, ""), err
        assert err.strip() == ("barnahus: The disk is full. Nothing was saved from this change; free "
                               "some space and try again.")
        assert list(out.iterdir()) == []
        code, stdout, err = run_cli(*args)
    assert (code, err) == (0, ""), err
    # beside the record: the demo examinations' photographs (kept outside the record, as real ones are)
    assert sorted(p.name for p in out.iterdir()) == ["demo-medical-images", "demo.barnahus", "demo.barnahus.keys",
                                                     "demo.barnahus.lock"]


# --- key rotation ----------------------------------------------------------------------------------
# `rotate-key --new-recovery-key-file F` killed at each step of record/rotation.py. On main before
# this, the new key was written to F before the switch: a kill before the re-encryption left F
# holding a key that does not open the record, and nothing said so.
UNDONE = ("Note: A key rotation interrupted earlier was undone at this unlock: the record key was not "
          "replaced, and the previous recovery key still opens the record. ")
ROTATION_KILLS = {
    # step: (hook, what the next unlock says, F, F.unused exist afterwards, audited)
    "keys sealed": ("barnahus_app.record.rotation:begin:1",
                    UNDONE + "A recovery key it issued does NOT open the record.", False, False,
                    "record.key_rotation_rolled_back"),
    "key being written": ("barnahus_app.files:write_new_file:1",
                          UNDONE + "A recovery key it issued does NOT open the record.", False, False,
                          "record.key_rotation_rolled_back"),
    "key written": ("barnahus_app.record.rotation:write_file_safely:1",
                    UNDONE + "The recovery key it wrote, now {F}.unused, does NOT open the record: "
                             "delete it.", False, True, "record.key_rotation_rolled_back"),
    "file re-encrypted": ("barnahus_app.session:rekey_file:1",
                          "Note: A key rotation interrupted earlier was finished at this unlock: the new "
                          "recovery key in {F} opens the record; the previous recovery key no longer does.",
                          True, False, "record.key_rotation_finished_at_unlock"),
    "key file in place": ("barnahus_app.record.rotation:publish_new:1",
                          "Note: A key rotation interrupted earlier was finished at this unlock: the new "
                          "recovery key in {F} opens the record; the previous recovery key no longer does.",
                          True, False, "record.key_rotation_finished_at_unlock"),
}


@pytest.mark.parametrize("step", list(ROTATION_KILLS))
def test_a_rotation_killed_at_each_step_leaves_a_recovery_key_file_that_opens_or_one_named_unused(
        rec, world, step):
    from barnahus_app.record import storage
    from barnahus_app.record.keyslots import parse_recovery_key
    from tests.support.records import raw_closed
    hook, note, f_exists, unused_exists, action = ROTATION_KILLS[step]
    folder, record = rec["folder"], rec["record"]
    target = folder / "new-recovery.txt"
    old_key_text = world["recovery"]
    _run_until_stalled(rec, ["rotate-key", *_opening(rec, "admin"), "--new-recovery-key-file", str(target)],
                       hook, cheap=False)

    result = run_cli("users", "list", *_opening(rec, "coordinator"))
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if line.startswith("Note: ")]
    assert notes == [note.format(F=target)]
    assert target.exists() == f_exists
    unused = folder / "new-recovery.txt.unused"
    assert unused.exists() == unused_exists
    assert not (folder / "new-recovery.txt.pending").exists()
    # The key in F opens the record; the one in F.unused does not, and the old one then still does.
    if f_exists:
        assert storage.probe_key(record, parse_recovery_key(target.read_text()))
        assert not storage.probe_key(record, parse_recovery_key(old_key_text))
        recovery_file = target
    else:
        assert storage.probe_key(record, parse_recovery_key(old_key_text))
        recovery_file = rec["secrets"] / "old-recovery.txt"
        recovery_file.write_text(old_key_text + "\n")
    if unused_exists:
        assert not storage.probe_key(record, parse_recovery_key(unused.read_text()))
    # Settled once: the next unlock says nothing; every password and that recovery key open it.
    again = run_cli("users", "list", *_opening(rec, "admin"))
    assert (again.returncode, again.stderr) == (0, ""), again.stderr
    check = run_cli("check", "--record", str(record), "--user", "admin", "--recovery-key-file", str(recovery_file))
    assert check.returncode == 0 and check.stdout.splitlines()[-1] == "ok", check.stdout + check.stderr
    key = target.read_text() if f_exists else old_key_text
    with raw_closed(record, key) as conn:
        actions = [a for (a,) in conn.execute("SELECT action FROM audit_log ORDER BY id")]
    assert actions.count(action) == 1
    assert actions.index("record.key_rotation_started") < actions.index(action)
    assert "record.key_rotated" not in actions
    # A kill inside the safe write of F.pending leaves its temporary: a leftover (removed by the
    # next command once it is an hour old, as every export's), holding the unused key.
    left = find_leftovers(record, min_age_seconds=0)
    if step == "key being written":
        assert [(i.path.name.startswith(".new-recovery.txt.pending.partial-"), i.kind) for i in left] == [
            (True, "safe-write temporary")]
        assert not storage.probe_key(record, parse_recovery_key(left[0].path.read_text()))
    else:
        assert left == []


def test_a_rotation_that_completes_leaves_only_the_new_key_file(rec, world):
    target = rec["folder"] / "new-recovery.txt"
    result = run_cli("rotate-key", *_opening(rec, "admin"), "--new-recovery-key-file", str(target))
    assert result.returncode == 0, result.stderr
    from barnahus_app.record import storage
    from barnahus_app.record.keyslots import KeyFile, parse_recovery_key
    assert storage.probe_key(rec["record"], parse_recovery_key(target.read_text()))
    assert sorted(p.name for p in rec["folder"].iterdir() if "recovery" in p.name) == ["new-recovery.txt"]
    assert "rotation" not in KeyFile.load(rec["record"]).data
    again = run_cli("users", "list", *_opening(rec, "admin"))
    assert (again.returncode, again.stderr) == (0, "")


def test_a_full_disk_while_writing_the_new_recovery_key_changes_nothing(rec, world, out):
    from barnahus_app.record import storage
    from barnahus_app.record.keyslots import KeyFile, parse_recovery_key
    from tests.core.test_backups import disk_full_at_the_nth_fsync
    args = ["rotate-key", *_opening(rec, "admin"), "--new-recovery-key-file", str(out / "new-recovery.txt")]
    with pytest.MonkeyPatch.context() as mp:
        disk_full_at_the_nth_fsync(mp, out, 1)
        code, stdout, err = run_cli(*args)
    assert (code, stdout) == (2, "")
    assert err.strip() == f"barnahus: The disk holding {out} is full; nothing was written."
    assert list(out.iterdir()) == []
    keyfile = KeyFile.load(rec["record"])
    assert not keyfile.rotation_pending() and "rotation" not in keyfile.data
    assert storage.probe_key(rec["record"], parse_recovery_key(world["recovery"]))
    code, stdout, err = run_cli(*args)
    assert (code, err) == (0, ""), err
    assert [p.name for p in out.iterdir()] == ["new-recovery.txt"]


def test_an_existing_recovery_key_file_is_refused_before_unlocking(rec, out):
    from tests.support.cli import one_line
    from tests.support.records import audit_length
    target = out / "new-recovery.txt"
    for taken in (target, out / "new-recovery.txt.pending"):
        taken.write_text("someone's file\n")
        before = audit_length(rec["record"], rec["recovery"])
        code, stdout, err = run_cli("rotate-key", *_opening(rec, "admin"), "--new-recovery-key-file", str(target))
        assert code == 2
        assert one_line(err) == f"barnahus: --new-recovery-key-file: {taken} already exists; choose another name."
        assert audit_length(rec["record"], rec["recovery"]) == before
        taken.unlink()


@pytest.mark.parametrize("step, command", [("key written", "check"), ("file re-encrypted", "backup")])
def test_check_and_backup_say_what_the_unlock_settled(rec, step, command):
    """They unlock inside the core (lifecycle.check_record, backup_record) and say the same."""
    hook, note, *_ = ROTATION_KILLS[step]
    target = rec["folder"] / "new-recovery.txt"
    _run_until_stalled(rec, ["rotate-key", *_opening(rec, "admin"), "--new-recovery-key-file", str(target)],
                       hook, cheap=False)
    result = run_cli(command, *_opening(rec, "admin"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [note.format(F=target)]
