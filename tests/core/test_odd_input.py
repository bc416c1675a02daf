"""Odd input on the command line is refused in one line, exit 2, before the record is unlocked,
so the refused command leaves no audit entry; the core refuses the same values itself. Issue 12:
each of these ended in "internal error" (exit 70), and --password-file /dev/zero read until
memory ran out."""
from __future__ import annotations

from datetime import date

import pytest

from barnahus_app.errors import NotFound, ValidationError
from tests.support.cli import one_line, run_cli
from tests.support.records import ADMIN_PASSWORD, STAFF_PASSWORD, audit_length, login, make_record

BIG = str(10**20)
MAX = "9223372036854775807"


@pytest.fixture
def rec(tmp_path):
    path, recovery = make_record(tmp_path)
    pw = {"admin": tmp_path / "admin.pw", "staff": tmp_path / "staff.pw"}
    pw["admin"].write_text(ADMIN_PASSWORD + "\n")
    pw["staff"].write_text(STAFF_PASSWORD + "\n")
    return {"record": path, "recovery": recovery, "pw": pw, "folder": tmp_path}


def audit_entries(rec) -> int:
    return audit_length(rec["record"], rec["recovery"])


REFUSED = [
    (("ics", "coordinator", "--from", "0001-01-01"), "barnahus: --from: is outside the years 1900-2200."),
    (("ics", "coordinator", "--from", "9999-12-30"), "barnahus: --from: is outside the years 1900-2200."),
    (("ics", "coordinator", "--from", "2026-12-01", "--to", "9999-12-31"),
     "barnahus: --to: is outside the years 1900-2200."),
    (("cases", "coordinator", "--offset", BIG), f"barnahus: --offset: takes a whole number from 0 to {MAX}."),
    (("audit", "admin", "--limit", BIG), f"barnahus: --limit: takes a whole number from 0 to {MAX}."),
    (("fixity", "interviewer", "--recording", BIG),
     f"barnahus: --recording: takes a whole number from 1 to {MAX}."),
]


@pytest.mark.parametrize("args, message", REFUSED, ids=lambda v: " ".join(v) if isinstance(v, tuple) else None)
def test_odd_numbers_and_dates_are_one_line_and_leave_no_audit_entry(rec, args, message):
    command, user, *rest = args
    if command == "ics":
        rest += ["--out", rec["folder"] / "out.ics"]
    before = audit_entries(rec)
    code, out, err = run_cli(command, "--record", rec["record"], "--user", user, "--password-file",
                             rec["pw"]["admin" if user == "admin" else "staff"], *rest)
    assert (code, out) == (2, "")
    assert one_line(err) == message
    assert audit_entries(rec) == before
    assert not (rec["folder"] / "out.ics").exists()


@pytest.mark.parametrize("option, what", [("--password-file", "password"),
                                          ("--recovery-key-file", "recovery key")])
def test_a_binary_or_endless_secret_file_is_refused(rec, tmp_path, option, what):
    binary = tmp_path / "binary"
    binary.write_bytes(b"\xff\xfe\x00admin")
    long = tmp_path / "long"
    long.write_bytes(b"a" * 4097)
    exact = tmp_path / "exact"
    exact.write_bytes(b"a" * 4096)   # at the bound: read, and then simply wrong
    before = audit_entries(rec)
    for path, message in (
            (binary, f"barnahus: The {what} file {binary} is not text (UTF-8); it holds no {what}."),
            (long, f"barnahus: The {what} file {long} is longer than 4096 bytes; it holds no {what}."),
            ("/dev/zero", f"barnahus: The {what} file /dev/zero is longer than 4096 bytes; it holds no {what}.")):
        code, out, err = run_cli("check", "--record", rec["record"], "--user", "admin", option, path)
        assert (code, out) == (2, ""), path
        assert one_line(err) == message
    assert audit_entries(rec) == before
    code, _, err = run_cli("check", "--record", rec["record"], "--user", "admin", option, exact)
    assert code == 2 and "Traceback" not in err and "internal error" not in err


def test_the_core_refuses_the_same_values(rec):
    with login(rec["record"], "coordinator") as s:
        with pytest.raises(ValidationError, match=f"^offset: takes a whole number from 0 to {MAX}.$"):
            s.list_cases(offset=10**20)
        with pytest.raises(ValidationError, match="^start: is outside the years 1900-2200.$"):
            s.calendar_ics(date(1, 1, 1), date(1, 1, 2), "Europe/Stockholm")
        with pytest.raises(ValidationError, match="^end: is outside the years 1900-2200.$"):
            s.calendar(date(2200, 12, 30), date(2201, 1, 1), "Pacific/Kiritimati")
    with login(rec["record"], "admin") as s:
        with pytest.raises(ValidationError, match=f"^limit: takes a whole number from 0 to {MAX}.$"):
            s.audit_entries(limit=10**20)
    with login(rec["record"], "interviewer") as s:
        with pytest.raises(NotFound, match=f"^There is no recording {10**20}.$"):
            s.check_fixity(10**20)
