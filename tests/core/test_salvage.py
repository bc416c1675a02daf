"""`barnahus salvage --to PATH` (issue 12, item 4): every row of a damaged record that can still
be read is copied into a new record with the same record key and key file, and the report names
per table the rows copied and the rowid ranges lost. The damaged record is only read."""
from __future__ import annotations

import hashlib
import shutil

import pytest

from barnahus_app.api import open_record
from barnahus_app.lifecycle import check_record, salvage_record_file
from tests.core.test_check_read_only import flip_byte
from tests.support.cli import run_cli
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, make_record, raw_closed

# With 60 more logins the audit trail fills pages 203-212; page 209 holds rowids 60-82 of it.
AUDIT_PAGE = 209


@pytest.fixture
def rec(tmp_path):
    path, recovery = make_record(tmp_path)
    for _ in range(60):
        with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF):
            pass
    rk = tmp_path / "recovery.txt"
    rk.write_text(recovery + "\n")
    pw = tmp_path / "admin.pw"
    pw.write_text(ADMIN_PASSWORD + "\n")
    return {"record": path, "recovery": recovery, "rk": rk, "pw": pw}


def audit_rowids(path, recovery):
    with raw_closed(path, recovery) as conn:
        return [r for (r,) in conn.execute("SELECT rowid FROM audit_log ORDER BY rowid")]


def test_an_undamaged_record_salvages_with_nothing_lost(rec, tmp_path):
    report = salvage_record_file(rec["record"], tmp_path / "copy.db", "admin", ADMIN_PASSWORD)
    assert report.complete
    assert report.lines() == ["169 rows copied from 74 tables; nothing was lost."]
    assert audit_rowids(tmp_path / "copy.db", rec["recovery"]) == list(range(1, 138))
    assert check_record(tmp_path / "copy.db", "admin", ADMIN_PASSWORD, kdf=FAST_KDF).ok


def test_a_damaged_page_loses_only_its_rows_and_the_report_names_them(rec, tmp_path):
    assert audit_rowids(rec["record"], rec["recovery"]) == list(range(1, 138))  # the healthy original
    flip_byte(rec["record"], AUDIT_PAGE)
    before = hashlib.sha256(rec["record"].read_bytes()).hexdigest()
    result = run_cli("salvage", "--record", rec["record"], "--user", "admin",
                     "--password-file", rec["pw"], "--to", tmp_path / "salvaged.db")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "146 rows copied from 74 tables; rows were lost in 1 table(s):",
        "audit_log: 114 rows copied, rows lost at rowids 60-82",
        "audit trail of the salvaged record: BROKEN at entry 83 (rows were lost; `barnahus check` "
        "on it names the same place)",
        f"The salvaged record is {tmp_path / 'salvaged.db'}: the same passwords and recovery key "
        "open it. The damaged record was only read.",
    ]
    assert hashlib.sha256(rec["record"].read_bytes()).hexdigest() == before
    # 137 entries less the 23 (rowids 60-82) on the damaged page
    assert audit_rowids(tmp_path / "salvaged.db", rec["recovery"]) == list(range(1, 60)) + list(range(83, 138))
    # the recovery key and the copied key file open it; check names where the chain breaks
    report = check_record(tmp_path / "salvaged.db", "admin", recovery_key=rec["recovery"])
    assert report.lines() == ["file integrity: ok, 210 pages",
                              "audit trail: BROKEN at entry 83: entry 60 is missing",
                              "schema: 0015 (this version's newest: 0015)"]
    check_cli = run_cli("check", "--record", tmp_path / "salvaged.db", "--user", "admin",
                        "--password-file", rec["pw"])
    assert "audit trail: BROKEN at entry 83: entry 60 is missing" in check_cli.stdout


def test_damage_in_the_last_page_of_the_audit_trail_is_named_though_the_chain_verifies(rec, tmp_path):
    flip_byte(rec["record"], 212)
    report = salvage_record_file(rec["record"], tmp_path / "salvaged.db", "admin", ADMIN_PASSWORD)
    assert report.lines() == [
        "154 rows copied from 74 tables; rows were lost in 1 table(s):",
        "audit_log: 122 rows copied, rows lost at rowids 123-end",
        "audit trail of the salvaged record: verifies up to entry 122, but entries after it were "
        "lost (check cannot see entries missing at the end)",
    ]
    assert audit_rowids(tmp_path / "salvaged.db", rec["recovery"]) == list(range(1, 123))


def test_an_existing_destination_is_refused_before_anything_is_read(rec, tmp_path):
    (tmp_path / "taken.db").write_bytes(b"keep")
    result = run_cli("salvage", "--record", rec["record"], "--user", "admin",
                     "--password-file", rec["pw"], "--to", tmp_path / "taken.db")
    assert result.returncode == 2
    assert (tmp_path / "taken.db").read_bytes() == b"keep"
    assert not (tmp_path / "taken.db.keys").exists()
