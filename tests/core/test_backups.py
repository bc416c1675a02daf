"""Verified backups and restore (issue 12, items 2 and 3). On main before this, `backup` copied a
damaged record silently (exit 0), never read the copy back, wrote the files 0644, left a
`.partial` file on a full disk with `record.backup` already in the audit trail, and nothing
restored a backup."""
from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import stat
import subprocess

import pytest

from barnahus_app.errors import DiskFull
from barnahus_app.record import storage
from barnahus_app.record.backups import DamagedSource
from barnahus_app.record.inspection import inspect_record
from barnahus_app.record.keyslots import parse_recovery_key
from tests.support.cli import one_line, run_cli
from tests.support.records import (
    ADMIN_PASSWORD, audit_length, login, make_record, raw_closed, sample_case,
)


@pytest.fixture
def rec(tmp_path):
    path, recovery = make_record(tmp_path)
    with login(path, "coordinator") as c:
        first = sample_case(c)
    pw = tmp_path / "admin.pw"
    pw.write_text(ADMIN_PASSWORD + "\n")
    rk = tmp_path / "recovery.txt"
    rk.write_text(recovery + "\n")
    return {"record": path, "recovery": recovery, "pw": pw, "rk": rk, "first": first,
            "backups": path.parent / "backups"}


def backup_cli(rec):
    return run_cli("backup", "--record", rec["record"], "--user", "admin", "--password-file", rec["pw"])


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def actions(rec) -> list[str]:
    with raw_closed(rec["record"], rec["recovery"]) as conn:
        return [a for (a,) in conn.execute("SELECT action FROM audit_log ORDER BY id")]


def flip_byte(path, page: int) -> None:
    with open(path, "r+b") as f:
        f.seek((page - 1) * storage.PAGE_SIZE + 50)
        byte = f.read(1)[0]
        f.seek(-1, 1)
        f.write(bytes([byte ^ 0x01]))


def root_page(rec, table: str) -> int:
    with raw_closed(rec["record"], rec["recovery"]) as conn:
        return conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]


def test_a_backup_passes_an_independent_check(rec):
    code, out, err = backup_cli(rec)
    assert code == 0, err
    published = sorted(p.name for p in rec["backups"].iterdir())
    assert len(published) == 4, published  # the copy, its key file, seal, manifest; no temporary
    copy = next(rec["backups"].glob("record-*-manual.barnahus"))
    keys = copy.with_name(copy.name + ".keys")
    seal = copy.with_name(copy.name + ".seal")
    manifest = copy.with_name(copy.name + ".sha256")
    assert sorted(published) == sorted([copy.name, keys.name, seal.name, manifest.name])
    assert out.strip() == (f"Backup written to {copy} and verified (audit seal in {copy.name}.seal, "
                           f"SHA-256 manifest in {copy.name}.sha256).")
    # sha256sum's format, computed here with hashlib, not with the code under test
    sha = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (copy, keys, seal)}
    assert manifest.read_text() == (f"{sha[copy]}  {copy.name}\n{sha[keys]}  {keys.name}\n"
                                    f"{sha[seal]}  {seal.name}\n")
    assert keys.read_bytes() == rec["record"].with_name("record.barnahus.keys").read_bytes()
    assert {mode(p) for p in (copy, keys, seal, manifest)} == {0o600}
    assert mode(rec["backups"]) == 0o700
    assert inspect_record(copy, parse_recovery_key(rec["recovery"])).ok
    # the audit entry comes after the copy: the backup holds everything up to the login before it
    assert actions(rec)[-3:] == ["login", "record.backup", "logout"]
    with raw_closed(copy, rec["recovery"]) as conn:
        assert conn.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone() == ("login",)
        head_id, head_hash = conn.execute(
            "SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        (entries,) = conn.execute("SELECT count(*) FROM audit_log").fetchone()
        (record_id,) = conn.execute("SELECT value FROM record_meta WHERE key = 'record_id'").fetchone()
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    sealed = json.loads(seal.read_text())
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", sealed.pop("sealed_at"))
    assert sealed == {"format": "barnahus-audit-seal/1", "record_id": record_id,
                      "audit_head": {"id": head_id, "hash": head_hash}, "audit_entries": entries,
                      "schema": revision, "backup_file": copy.name, "backup_sha256": sha[copy],
                      # no document was issued yet, so the centre has no signing identity
                      "signature": None,
                      "signature_note": "unsigned: the centre had no signing identity when it was made"}


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="no sha256sum on this system")
def test_sha256sum_checks_a_backup_its_key_file_and_its_seal(rec):
    assert backup_cli(rec)[0] == 0
    manifest = next(rec["backups"].glob("record-*-manual.barnahus.sha256"))
    copy = manifest.with_name(manifest.name[:-len(".sha256")])
    done = subprocess.run(["sha256sum", "-c", manifest.name], cwd=rec["backups"],
                          capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, f"{copy.name}: OK\n{copy.name}.keys: OK\n"
                                                 f"{copy.name}.seal: OK\n")
    flip_byte(copy.with_name(copy.name + ".seal"), 1)
    done = subprocess.run(["sha256sum", "-c", manifest.name], cwd=rec["backups"],
                          capture_output=True, text=True)
    assert done.returncode == 1 and f"{copy.name}.seal: FAILED" in done.stdout


def test_a_damaged_record_is_refused_and_nothing_is_written(rec):
    flip_byte(rec["record"], root_page(rec, "cases"))
    entries = audit_length(rec["record"], rec["recovery"])
    with login(rec["record"], "admin") as s:
        with pytest.raises(DamagedSource, match="failed its check, so it was not backed up"):
            s.backup()
    # the copy failed its check with the record's own bytes: nothing beside the other backups
    assert list(rec["backups"].iterdir()) == []
    # the login and logout of the session above, and no record.backup
    assert audit_length(rec["record"], rec["recovery"]) == entries + 2
    assert "record.backup" not in actions(rec)


def test_the_command_line_refuses_a_damaged_record_with_exit_1_and_writes_nothing_to_it(rec):
    flip_byte(rec["record"], root_page(rec, "cases"))
    before = rec["record"].read_bytes()
    code, out, err = backup_cli(rec)
    assert code == 1
    assert one_line(err) == (
        "barnahus: record.barnahus failed its check, so it was not backed up (the backups already "
        "made were left as they are). Run `barnahus check` and restore from a backup.")
    assert not rec["backups"].exists()
    assert rec["record"].read_bytes() == before     # checked before opening: not even a login


def disk_full_at_the_nth_fsync(monkeypatch, folder, n: int):
    """The n-th os.fsync of a file in folder fails as on a full disk (ENOSPC)."""
    real_fsync = os.fsync
    seen = []

    def fsync(fd):
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder) + os.sep):
            seen.append(fd)
            if len(seen) == n:
                raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)
    monkeypatch.setattr(os, "fsync", fsync)


# The backup writes four files in this order: its key file, the copy, its seal, the manifest.
@pytest.mark.parametrize("n", [1, 2, 3, 4], ids=["key-file", "copy", "seal", "manifest"])
def test_a_full_disk_during_the_backup_leaves_nothing_and_no_audit_entry(rec, monkeypatch, n):
    rec["backups"].mkdir(mode=0o700)
    entries = audit_length(rec["record"], rec["recovery"])
    with login(rec["record"], "admin") as s:
        disk_full_at_the_nth_fsync(monkeypatch, rec["backups"], n)
        with pytest.raises(DiskFull):
            s.backup()
        monkeypatch.undo()
    assert list(rec["backups"].iterdir()) == []
    assert audit_length(rec["record"], rec["recovery"]) == entries + 2   # login, logout
    assert "record.backup" not in actions(rec)
    # and the same command simply runs again
    assert backup_cli(rec)[0] == 0


def test_a_copy_that_does_not_read_back_is_not_published(rec, monkeypatch):
    from barnahus_app.record import backups
    real = backups.row_counts
    calls = []

    def one_row_lost_on_the_way(conn):
        counts = real(conn)
        calls.append(conn)
        if len(calls) == 2:          # the copy's
            counts["cases"] -= 1
        return counts
    monkeypatch.setattr(backups, "row_counts", one_row_lost_on_the_way)
    with login(rec["record"], "admin") as s:
        with pytest.raises(Exception, match="did not read back as the record"):
            s.backup()
    assert list(rec["backups"].iterdir()) == []
    assert "record.backup" not in actions(rec)


def restore_cli(rec, backup, to, *secret):
    secret = secret or ("--user", "admin", "--password-file", rec["pw"])
    return run_cli("restore", str(backup), "--to", str(to), *secret)


def test_restore_round_trip_holds_exactly_the_first_case(rec, tmp_path):
    assert backup_cli(rec)[0] == 0
    copy = next(rec["backups"].glob("record-*-manual.barnahus"))
    with login(rec["record"], "coordinator") as c:
        sample_case(c, jurisdiction="NO")
    to = tmp_path / "restored" / "record.barnahus"
    to.parent.mkdir()
    code, out, err = restore_cli(rec, copy, to)
    assert code == 0, err
    assert out.splitlines()[0].startswith(f"Restored {copy.name} (written ")
    assert "bytes, audit head " in out.splitlines()[0]
    assert to.read_bytes() == copy.read_bytes()
    assert to.with_name("record.barnahus.keys").read_bytes() == copy.with_name(copy.name + ".keys").read_bytes()
    assert mode(to) == 0o600
    with login(to, "coordinator") as s:
        assert [c["reference"] for c in s.list_cases().rows] == [rec["first"]["reference"]]
    with login(rec["record"], "coordinator") as s:
        assert s.list_cases().total == 2     # the live record was not touched


def test_restore_with_the_recovery_key_and_no_user(rec, tmp_path):
    assert backup_cli(rec)[0] == 0
    copy = next(rec["backups"].glob("record-*-manual.barnahus"))
    to = tmp_path / "restored.barnahus"
    code, out, err = restore_cli(rec, copy, to, "--recovery-key-file", rec["rk"])
    assert code == 0, err
    assert inspect_record(to, parse_recovery_key(rec["recovery"])).ok


def test_restore_never_writes_over_an_existing_file(rec):
    assert backup_cli(rec)[0] == 0
    copy = next(rec["backups"].glob("record-*-manual.barnahus"))
    before = rec["record"].read_bytes()
    code, out, err = restore_cli(rec, copy, rec["record"])
    assert code == 2
    assert one_line(err) == f"barnahus: --to: {rec['record']} already exists; choose another name."
    assert rec["record"].read_bytes() == before


def test_restore_refuses_a_backup_that_differs_from_its_manifest(rec, tmp_path):
    assert backup_cli(rec)[0] == 0
    copy = next(rec["backups"].glob("record-*-manual.barnahus"))
    flip_byte(copy, 3)
    to = tmp_path / "restored.barnahus"
    code, out, err = restore_cli(rec, copy, to)
    assert code == 2
    assert one_line(err) == (f"barnahus: {copy.name} differs from its SHA-256 manifest: it changed "
                             "after it was written. Choose another backup; nothing was restored.")
    assert not to.exists() and not to.with_name("restored.barnahus.keys").exists()


def test_restore_refuses_a_damaged_backup_without_a_manifest_or_seal(rec, tmp_path):
    assert backup_cli(rec)[0] == 0
    copy = next(rec["backups"].glob("record-*-manual.barnahus"))
    copy.with_name(copy.name + ".sha256").unlink()
    copy.with_name(copy.name + ".seal").unlink()
    flip_byte(copy, root_page(rec, "cases"))
    to = tmp_path / "restored.barnahus"
    code, out, err = restore_cli(rec, copy, to)
    assert code == 1
    assert "failed its check" in err and "Nothing was restored." in err
    assert sorted(os.listdir(tmp_path)) == sorted(["admin.pw", "recovery.txt", "centre"])


SEAL_MISMATCH = ("barnahus: {name} does not match its audit seal (the seal names other bytes, another "
                 "manifest or another audit head): the backup or its seal changed after they were "
                 "written. Choose another backup; nothing was restored.")


def test_restore_refuses_a_backup_whose_seal_names_other_bytes(rec, tmp_path):
    """Both the backup and its manifest changed (so the manifest matches): the seal still holds."""
    assert backup_cli(rec)[0] == 0
    copy = next(rec["backups"].glob("record-*-manual.barnahus"))
    flip_byte(copy, 3)
    manifest = copy.with_name(copy.name + ".sha256")
    lines = manifest.read_text().splitlines()
    lines[0] = f"{hashlib.sha256(copy.read_bytes()).hexdigest()}  {copy.name}"
    manifest.write_text("\n".join(lines) + "\n")
    to = tmp_path / "restored.barnahus"
    code, out, err = restore_cli(rec, copy, to)
    assert (code, one_line(err)) == (2, SEAL_MISMATCH.format(name=copy.name))
    assert sorted(os.listdir(tmp_path)) == sorted(["admin.pw", "recovery.txt", "centre"])


def test_restore_refuses_a_backup_whose_seal_disagrees_with_its_manifest(rec, tmp_path):
    """The seal was rewritten (another audit head) after the manifest listed it."""
    assert backup_cli(rec)[0] == 0
    copy = next(rec["backups"].glob("record-*-manual.barnahus"))
    seal = copy.with_name(copy.name + ".seal")
    sealed = json.loads(seal.read_text())
    sealed["audit_head"]["id"] += 1
    seal.write_text(json.dumps(sealed))
    manifest = copy.with_name(copy.name + ".sha256")
    manifest.write_text("".join(line + "\n" for line in manifest.read_text().splitlines()
                                if not line.endswith(".seal")))   # so the manifest alone matches
    to = tmp_path / "restored.barnahus"
    code, out, err = restore_cli(rec, copy, to)
    assert (code, one_line(err)) == (2, SEAL_MISMATCH.format(name=copy.name))
    assert not to.exists() and not to.with_name("restored.barnahus.keys").exists()


def test_backups_lists_date_size_audit_head_manifest_and_seal_without_credentials(rec):
    assert backup_cli(rec)[0] == 0
    copy = next(rec["backups"].glob("record-*-manual.barnahus"))
    with raw_closed(copy, rec["recovery"]) as conn:
        head_id, head_hash = conn.execute(
            "SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    code, out, err = run_cli("backups", "--record", rec["record"])
    assert code == 0, err
    (line,) = out.splitlines()
    assert line.startswith(copy.name + "  ")
    assert line.endswith(f"audit head {head_id} {head_hash[:16]}  SHA-256 matches  seal present")
    seal = copy.with_name(copy.name + ".seal")
    seal.write_text(seal.read_text().replace('"signature": null', '"signature": "forged"'))
    code, out, err = run_cli("backups", "--record", rec["record"])
    assert out.splitlines() == [line.replace("SHA-256 matches  seal present", "SHA-256 DIFFERS  seal mismatch")]
    seal.unlink()
    copy.with_name(copy.name + ".sha256").unlink()
    code, out, err = run_cli("backups", "--record", rec["record"])
    assert out.splitlines() == [
        line.replace(f"audit head {head_id} {head_hash[:16]}  SHA-256 matches  seal present",
                     "audit head —  SHA-256 no manifest  seal missing"),
        "(audit heads of backups without a seal: give --user and a password, "
        "--recovery-key-file or --recovery-shares, to read them)"]
    code, out, err = run_cli("backups", "--record", rec["record"], "--recovery-key-file", rec["rk"])
    assert out.splitlines() == [line.replace("SHA-256 matches  seal present", "SHA-256 no manifest  seal missing")]


def test_restore_with_a_wrong_password_writes_nothing_and_leaves_the_backup_as_it_was(rec, tmp_path):
    assert backup_cli(rec)[0] == 0
    copy = next(rec["backups"].glob("record-*-manual.barnahus"))
    before = {p.name: p.read_bytes() for p in rec["backups"].iterdir()}
    wrong = tmp_path / "wrong.pw"
    wrong.write_text("not-the-password-1\n")
    to = tmp_path / "restored.barnahus"
    code, out, err = restore_cli(rec, copy, to, "--user", "admin", "--password-file", wrong)
    assert code == 2
    assert one_line(err) == "barnahus: Wrong user name or password."
    assert not to.exists() and not to.with_name("restored.barnahus.keys").exists()
    assert {p.name: p.read_bytes() for p in rec["backups"].iterdir()} == before


def test_the_command_line_refuses_a_record_whose_first_page_is_damaged_and_writes_nothing(rec):
    flip_byte(rec["record"], 1)
    before = rec["record"].read_bytes()
    code, out, err = backup_cli(rec)
    assert code == 1
    assert one_line(err) == (
        "barnahus: record.barnahus failed its check, so it was not backed up (the backups already "
        "made were left as they are). Run `barnahus check` and restore from a backup.")
    assert not rec["backups"].exists()
    assert rec["record"].read_bytes() == before


def test_a_record_whose_audit_chain_was_altered_is_refused_through_its_copy(rec):
    """The record's pages all verify (SQLCipher wrote them), but an entry was changed: the copy's
    chain, recomputed entry by entry, fails with the record's own bytes, so the record is refused."""
    with raw_closed(rec["record"], rec["recovery"]) as conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET action = 'tampered' WHERE id = 2")
        conn.commit()
    with login(rec["record"], "admin") as s:
        with pytest.raises(DamagedSource, match="failed its check, so it was not backed up"):
            s.backup()
    assert list(rec["backups"].iterdir()) == []
    assert "record.backup" not in actions(rec)
