"""A damaged record opened read-only (issue 12, item 1): the session is safe on the damaged file.

The rule a read-only session follows: every action that reads case content writes an audit entry
in the same transaction, and a read-only session cannot write one, so it refuses every such action
(RecordReadOnly) before reading anything. It offers only what concerns the record as a file: the
check, the backups, salvage and restore, none of which writes to it. Any statement that meets a
damaged page, a read as much as a write, raises RecordDamaged (never an internal error), and the
next call gets a fresh connection. A salvage reports its progress and can be cancelled, leaving
nothing at its destination."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from barnahus_app.errors import Cancelled, RecordDamaged, RecordReadOnly
from barnahus_app.lifecycle import check_record, salvage_record_file
from tests.core.test_check_read_only import flip_byte, folder_state, root_page
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, login, make_record, sample_case
from barnahus_app.api import open_record


@pytest.fixture
def rec(tmp_path):
    path, recovery = make_record(tmp_path)
    with login(path, "coordinator") as s:
        case = sample_case(s)
    return {"record": path, "recovery": recovery, "case": case}


def damage_persons(rec) -> None:
    """One flipped byte in the persons table: a page late in the file, no login reads it."""
    page = root_page(rec, "persons")
    assert page > 2
    flip_byte(rec["record"], page)


def test_a_damaged_record_opens_read_only_shows_no_case_content_and_stays_byte_identical(rec):
    damage_persons(rec)
    before = folder_state(rec["record"])
    with open_record(rec["record"], "coordinator", STAFF_PASSWORD, read_only=True, kdf=FAST_KDF) as s:
        assert s.read_only
        for read in (lambda: s.get_person(rec["case"]["child_id"]), lambda: s.get_case(rec["case"]["id"]),
                     lambda: s.list_cases()):
            with pytest.raises(RecordReadOnly) as ei:
                read()
            assert str(ei.value) == (
                "The record is open read-only, so this was not done (not saved, not shown): every action, "
                "reading included, writes to the audit trail, which cannot be written now. Restore a "
                "backup, or salvage the record into a new file.")
        # What concerns the file itself still works, and writes nothing.
        report = s.check()
        assert not report.ok and report.damaged_tables == ("persons",)
        assert s.record_info()["centre_name"] == "Test Centre"
    assert folder_state(rec["record"]) == before


def test_any_read_that_meets_the_damage_is_record_damaged_and_the_next_call_works(rec):
    damage_persons(rec)
    before = folder_state(rec["record"])
    with open_record(rec["record"], "admin", ADMIN_PASSWORD, read_only=True, kdf=FAST_KDF) as s:
        with pytest.raises(RecordDamaged) as ei:   # a plain read, outside Record.transaction
            with s.record.engine.connect() as conn:
                conn.execute(text("SELECT * FROM persons")).all()
        assert ei.value.opens_read_only is True
        # The spoiled connection was dropped: the same thread reads again.
        assert s.record_info()["centre_name"] == "Test Centre"
    assert folder_state(rec["record"]) == before


def test_damage_met_in_a_writable_session_is_record_damaged_not_an_internal_error(rec):
    damage_persons(rec)
    with open_record(rec["record"], "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        assert not s.read_only
        with pytest.raises(RecordDamaged) as ei:
            s.get_person(rec["case"]["child_id"])
        assert str(ei.value) == (
            "The record file is damaged: a part of it could not be read. Nothing from this action was "
            "saved. Restore a backup, or salvage what can still be read (`barnahus check` names the "
            "damaged part).")
        assert s.record_info()["centre_name"] == "Test Centre"


def test_damage_where_the_login_writes_stops_the_unlock_and_read_only_still_opens(rec):
    flip_byte(rec["record"], root_page(rec, "audit_log"))
    before = folder_state(rec["record"])
    with pytest.raises(RecordDamaged) as ei:
        open_record(rec["record"], "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    assert ei.value.opens_read_only is True
    with open_record(rec["record"], "admin", ADMIN_PASSWORD, read_only=True, kdf=FAST_KDF) as s:
        assert s.read_only
    before.pop("record.barnahus.lock")   # the refused writable open took the writer lock file
    after = folder_state(rec["record"])
    after.pop("record.barnahus.lock")
    assert after == before


def test_damage_in_page_1_cannot_be_opened_read_only(rec):
    flip_byte(rec["record"], 1, 100)
    with pytest.raises(RecordDamaged) as ei:
        open_record(rec["record"], "admin", ADMIN_PASSWORD, read_only=True, kdf=FAST_KDF)
    assert ei.value.opens_read_only is False


def test_salvage_reports_progress_by_table(rec, tmp_path):
    damage_persons(rec)
    calls = []
    report = salvage_record_file(rec["record"], tmp_path / "saved.barnahus", "admin", ADMIN_PASSWORD,
                                 progress=lambda done, total: calls.append((done, total)))
    total = len(report.tables)
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert [d for d, _ in calls] == list(range(total + 1))
    assert check_record(tmp_path / "saved.barnahus", "admin", ADMIN_PASSWORD, kdf=FAST_KDF).ok


@pytest.mark.parametrize("after_tables", [0, 3])
def test_a_cancelled_salvage_leaves_nothing_at_its_destination(rec, tmp_path, after_tables):
    damage_persons(rec)
    before = folder_state(rec["record"])
    out = tmp_path / "out"
    out.mkdir()
    done = []
    with pytest.raises(Cancelled) as ei:
        salvage_record_file(rec["record"], out / "saved.barnahus", "admin", ADMIN_PASSWORD,
                            progress=lambda d, _t: done.append(d), cancel=lambda: done[-1] >= after_tables)
    assert str(ei.value) == "Salvage cancelled. No new record was made."
    assert list(out.iterdir()) == []          # no record, no key file, no temporary file
    assert folder_state(rec["record"]) == before
