"""One way to write a file (barnahus_app.files.write_file_safely): owner-only, under a hidden
temporary name, renamed into place; a failure (a full disk, Ctrl+C) leaves neither the file nor
the temporary, so the same command simply runs again. Issue 12: summaries were 0644, a full disk
left `export-case` a 0-byte file (and its retry failed "already exists") and `audit --export` a
truncated one."""
from __future__ import annotations

import errno
import json
import os
import re
import stat

import pytest

from barnahus_app import files
from barnahus_app.errors import DiskFull
from tests.support.cli import one_line, run_cli
from tests.support.records import (
    ADMIN_PASSWORD, STAFF_PASSWORD, audit_length, login, make_record, sample_case,
)


@pytest.fixture
def rec(tmp_path):
    path, recovery = make_record(tmp_path)
    with login(path, "coordinator") as c:
        case = sample_case(c)
    pw = {"admin": tmp_path / "admin.pw", "staff": tmp_path / "staff.pw"}
    pw["admin"].write_text(ADMIN_PASSWORD + "\n")
    pw["staff"].write_text(STAFF_PASSWORD + "\n")
    out = tmp_path / "out"
    out.mkdir()
    return {"record": path, "recovery": recovery, "pw": pw, "case": case, "out": out}


def cli(rec, command, user, *args):
    return run_cli(command, "--record", rec["record"], "--user", user,
                   "--password-file", rec["pw"]["admin" if user == "admin" else "staff"], *args)


def disk_full_at_fsync(monkeypatch, folder):
    """os.fsync of a file in folder fails as on a full disk (ENOSPC), after the data went to the
    page cache; the record's own key file (saved at login) is elsewhere and still syncs."""
    real_fsync = os.fsync

    def fsync(fd):
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder) + os.sep):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)
    monkeypatch.setattr(os, "fsync", fsync)


def audit_entries(rec) -> int:
    return audit_length(rec["record"], rec["recovery"])


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_summary_is_written_owner_only(rec, fmt):
    out = rec["out"] / f"summary.{fmt}"
    with login(rec["record"], "coordinator") as c:
        c.write_case_summary(rec["case"]["id"], out, fmt)
    assert mode(out) == 0o600
    assert sorted(p.name for p in rec["out"].iterdir()) == [f"summary.{fmt}"]


COMMANDS = {
    "export-case": ("coordinator", "--out", "--case"),
    "audit --export": ("admin", "--export", None),
    "ics": ("coordinator", "--out", None),
}


def _command(rec, name, target):
    user, out_flag, case_flag = COMMANDS[name]
    args = [name.split()[0], user, out_flag, target]
    if case_flag:
        args += [case_flag, rec["case"]["reference"]]
    if name == "ics":
        args += ["--from", "2026-12-01"]
    return cli(rec, *args)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_full_disk_leaves_nothing_and_the_retry_succeeds(rec, monkeypatch, name):
    target = rec["out"] / "export.file"
    with pytest.MonkeyPatch.context() as mp:
        disk_full_at_fsync(mp, rec["out"])
        code, out, err = _command(rec, name, target)
    assert code == 2 and out == ""
    assert one_line(err) == f"barnahus: The disk holding {rec['out']} is full; nothing was written."
    assert list(rec["out"].iterdir()) == []          # no file, no hidden temporary
    code, out, err = _command(rec, name, target)
    assert (code, err) == (0, ""), err
    assert mode(target) == 0o600
    assert [p.name for p in rec["out"].iterdir()] == ["export.file"]
    if name != "ics":
        json.loads(target.read_text(encoding="utf-8"))   # whole, not truncated


@pytest.mark.parametrize("name", list(COMMANDS))
def test_an_existing_destination_is_still_refused(rec, name):
    """... and now before the record is unlocked: the refused command leaves no audit entry."""
    target = rec["out"] / "taken.file"
    target.write_bytes(b"not ours")
    before = audit_entries(rec)
    code, out, err = _command(rec, name, target)
    assert audit_entries(rec) == before
    flag = COMMANDS[name][1]
    flag = "out" if flag == "--out" else flag
    assert code == 2 and out == ""
    assert one_line(err) == f"barnahus: {flag}: {target} already exists; choose another name."
    assert target.read_bytes() == b"not ours"
    assert [p.name for p in rec["out"].iterdir()] == ["taken.file"]


def test_a_summary_on_a_full_disk_leaves_nothing(rec, monkeypatch):
    out = rec["out"] / "summary.docx"
    with login(rec["record"], "coordinator") as c:
        with pytest.MonkeyPatch.context() as mp:
            disk_full_at_fsync(mp, rec["out"])
            with pytest.raises(DiskFull, match="is full; nothing was written"):
                c.write_case_summary(rec["case"]["id"], out, "docx")
        assert list(rec["out"].iterdir()) == []
        c.write_case_summary(rec["case"]["id"], out, "docx")
    assert mode(out) == 0o600


def test_ctrl_c_while_writing_removes_the_temporary(tmp_path, monkeypatch):
    def interrupted(_fd):
        raise KeyboardInterrupt
    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        files.write_file_safely(tmp_path / "key.txt", "secret\n")
    assert list(tmp_path.iterdir()) == []


def test_recovery_key_files_are_written_the_same_way(tmp_path):
    from tests.support.records import cheap_argon2
    record, key_file = tmp_path / "r.barnahus", tmp_path / "keys" / "recovery.txt"
    key_file.parent.mkdir()
    pw = tmp_path / "pw"
    pw.write_text(ADMIN_PASSWORD + "\n")
    with cheap_argon2():
        with pytest.MonkeyPatch.context() as mp:
            disk_full_at_fsync(mp, key_file.parent)
            mp.setattr("barnahus_app.lifecycle.create_record", lambda *a, **k: "RK-TEST")
            code, _, err = run_cli("init", "--record", record, "--admin", "boss", "--password-file", pw,
                                   "--recovery-key-file", key_file)
        assert code == 2 and one_line(err) == (
            f"barnahus: The disk holding {key_file.parent} is full; nothing was written.")
        assert list(key_file.parent.iterdir()) == []
        code, _, err = run_cli("init", "--record", record, "--admin", "boss", "--password-file", pw,
                               "--recovery-key-file", key_file)
    assert (code, err) == (0, "")
    # The retry made the record for real: its recovery key, one line, owner-only.
    assert re.fullmatch(r"([0-9A-F]{8}-){7}[0-9A-F]{8}\n", key_file.read_text())
    assert mode(key_file) == 0o600


def test_replace_swaps_a_whole_file_in_one_rename(tmp_path):
    """For a save dialog that already asked: the old file stays whole until the new one is."""
    target = tmp_path / "bookings.ics"
    target.write_bytes(b"old calendar")
    os.chmod(target, 0o644)
    with pytest.MonkeyPatch.context() as mp:
        disk_full_at_fsync(mp, tmp_path)
        with pytest.raises(DiskFull):
            files.write_file_safely(target, b"new calendar", replace=True)
    assert target.read_bytes() == b"old calendar"
    assert [p.name for p in tmp_path.iterdir()] == ["bookings.ics"]
    files.write_file_safely(target, b"new calendar", replace=True)
    assert target.read_bytes() == b"new calendar" and mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["bookings.ics"]


# sha256 of 10 MiB of the byte 0x61 ("a"), from `head -c 10485760 /dev/zero | tr '\0' a | sha256sum`
TEN_MIB_OF_A_SHA256 = "b5eec3f68ef64d15e82dad91ff908582c5f081e61a62e22427af9bec2cd35f8d"


def test_a_copy_is_hashed_in_the_same_pass_verified_then_published_owner_only(tmp_path):
    src = tmp_path / "source.bin"
    src.write_bytes(b"a" * 10 * 1024 * 1024)
    os.chmod(src, 0o644)
    seen, progress = [], []

    def verify(copy, sha):
        seen.append((copy.name.startswith(".copy.bin.partial-"), sha, copy.read_bytes() == src.read_bytes()))
    sha = files.copy_file_safely(src, tmp_path / "copy.bin", verify=verify,
                                 progress=lambda done, total: progress.append((done, total)))
    assert sha == TEN_MIB_OF_A_SHA256
    assert seen == [(True, TEN_MIB_OF_A_SHA256, True)]
    assert progress == [(4194304, 10485760), (8388608, 10485760), (10485760, 10485760)]
    assert mode(tmp_path / "copy.bin") == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.bin", "source.bin"]


def test_a_cancelled_copy_leaves_nothing(tmp_path):
    from barnahus_app.errors import Cancelled
    src = tmp_path / "source.bin"
    src.write_bytes(b"a" * 10 * 1024 * 1024)
    progress = []
    with pytest.raises(Cancelled, match="Cancelled. Nothing was written."):
        files.copy_file_safely(src, tmp_path / "copy.bin", progress=lambda d, t: progress.append(d),
                               cancel=lambda: len(progress) == 2)
    assert progress == [4194304, 8388608]
    assert [p.name for p in tmp_path.iterdir()] == ["source.bin"]
