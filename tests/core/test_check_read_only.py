"""`barnahus check` inspects read-only: it writes nothing to a record it has not verified, not
even its own login, `record.checked` and logout entries, and a damaged file is left byte for byte
as found. Its report is a short summary; the integrity check's own lines only with --verbose.
Issue 12: with one flipped byte, check appended three audit entries to the damaged file, printed
about 100 raw lines, and damage in page 2 ended in "internal error (DatabaseError)".

What a check records: of a record it found healthy, and only after verifying it, the usual login,
`record.checked` and logout (in the audit trail as before); of a damaged one, nothing."""
from __future__ import annotations

import hashlib

import pytest

from barnahus_app.record import storage
from tests.support.cli import one_line, run_cli
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, login, make_record, raw_closed
from barnahus_app.api import open_record

PROBLEM = ("barnahus: the check found a problem (see above). Restore from a backup in the 'backups' "
           "folder beside the record, or keep this copy for inspection.")


@pytest.fixture
def rec(tmp_path):
    path, recovery = make_record(tmp_path)
    pw = tmp_path / "admin.pw"
    pw.write_text(ADMIN_PASSWORD + "\n")
    rk = tmp_path / "recovery.txt"
    rk.write_text(recovery + "\n")
    return {"record": path, "recovery": recovery, "pw": pw, "rk": rk}


def flip_byte(path, page: int, offset_in_page: int = 50) -> None:
    with open(path, "r+b") as f:
        f.seek((page - 1) * storage.PAGE_SIZE + offset_in_page)
        byte = f.read(1)[0]
        f.seek(-1, 1)
        f.write(bytes([byte ^ 0x01]))


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(path) -> dict:
    """Every file beside the record with its SHA-256: no -journal, -wal or .lock may appear."""
    return {p.name: sha256(p) for p in sorted(path.parent.iterdir())}


def pages(path) -> int:
    return path.stat().st_size // storage.PAGE_SIZE


def check(rec, *extra, recovery=False):
    secret = ("--recovery-key-file", rec["rk"]) if recovery else ("--password-file", rec["pw"])
    return run_cli("check", "--record", rec["record"], "--user", "admin", *secret, *extra)


def actions(rec) -> list[str]:
    with raw_closed(rec["record"], rec["recovery"]) as conn:
        return [a for (a,) in conn.execute("SELECT action FROM audit_log ORDER BY id")]


def root_page(rec, table: str) -> int:
    """Where the table's b-tree starts, read from the intact file before the damage."""
    with raw_closed(rec["record"], rec["recovery"]) as conn:
        return conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]


@pytest.mark.parametrize("recovery", [False, True], ids=["password", "recovery-key"])
def test_a_damaged_page_is_reported_and_the_file_is_left_byte_identical(rec, recovery):
    n = pages(rec["record"])
    audit_root = root_page(rec, "audit_log")
    flip_byte(rec["record"], audit_root)
    before = folder_state(rec["record"])
    code, out, err = check(rec, recovery=recovery)
    assert code == 1
    assert out.splitlines() == [
        f"file integrity: 1 of {n} pages damaged (page {audit_root})",
        "damaged tables: audit_log",
        "audit trail: could not be read",
        "schema: 0015 (this version's newest: 0015)",
        "(the integrity check's own lines: add --verbose)",
    ]
    assert one_line(err) == PROBLEM
    assert folder_state(rec["record"]) == before   # the record, its key file, and nothing new


def test_damage_in_page_2_is_a_report_not_an_internal_error(rec):
    n = pages(rec["record"])
    flip_byte(rec["record"], 2)
    before = folder_state(rec["record"])
    code, out, err = check(rec)
    assert code == 1
    assert out.splitlines()[0] == f"file integrity: 1 of {n} pages damaged (page 2)"
    assert one_line(err) == PROBLEM
    assert folder_state(rec["record"]) == before


def test_damage_in_the_first_page_the_header_and_the_list_of_tables(rec):
    n = pages(rec["record"])
    flip_byte(rec["record"], 1, 100)
    before = folder_state(rec["record"])
    code, out, err = check(rec)
    assert code == 1
    assert out.splitlines() == [
        f"file integrity: 1 of {n} pages damaged (page 1)",
        "damaged tables: cannot be named (the list of tables itself is damaged)",
        "audit trail: could not be read",
        "schema: could not be read (this version's newest: 0015)",
        "(the integrity check's own lines: add --verbose)",
    ]
    assert one_line(err) == PROBLEM
    assert folder_state(rec["record"]) == before


def test_damage_in_the_salt_no_page_verifies(rec):
    flip_byte(rec["record"], 1, 5)
    before = folder_state(rec["record"])
    code, out, err = check(rec)
    assert code == 1
    assert out.splitlines() == [
        "file integrity: no page of the file verifies with the record key: the file is damaged "
        "from its first bytes, or the key file belongs to another record."]
    assert one_line(err) == PROBLEM
    assert folder_state(rec["record"]) == before
    # With the recovery key it may as well be another record's key: refused as at unlock (and
    # counted as a failed attempt in the key file, as at unlock; the record is not written).
    code, out, err = check(rec, recovery=True)
    assert (code, out) == (2, "")
    assert one_line(err).startswith("barnahus: This recovery key does not open this file")
    after = folder_state(rec["record"])
    assert after.keys() == before.keys() and after["record.barnahus"] == before["record.barnahus"]


def test_verbose_adds_the_integrity_check_lines(rec):
    flip_byte(rec["record"], 2)
    code, out, _ = check(rec, "--verbose")
    assert code == 1
    assert "  HMAC verification failed for page 2" in out.splitlines()
    assert "(the integrity check's own lines: add --verbose)" not in out


def test_a_healthy_record_is_audited_after_it_verified(rec):
    before, size = actions(rec), pages(rec["record"])   # the pages checked: before the check's own entries
    code, out, err = check(rec)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"file integrity: ok, {size} pages"
    assert lines[-2] == "schema: 0015 (this version's newest: 0015)" and lines[-1] == "ok"
    assert actions(rec) == before + ["login", "record.checked", "logout"]


def test_a_healthy_record_open_elsewhere_is_checked_without_an_audit_entry(rec):
    with login(rec["record"], "coordinator"):   # holds the writer lock, as the desktop app does
        before = actions(rec)
        code, out, err = check(rec)
        assert actions(rec) == before
    assert (code, err) == (0, "")
    assert "(not in the audit trail: the record is open in another program)" in out.splitlines()


def test_a_session_check_writes_nothing_to_a_damaged_record(rec):
    """The same rule for a session already open (the desktop app's check)."""
    flip_byte(rec["record"], root_page(rec, "interviews"))
    with open_record(rec["record"], "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        before = actions(rec)
        report = s.check()
        assert not report.ok and report.damaged_tables == ("interviews",)
        assert actions(rec) == before
