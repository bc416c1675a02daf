"""Recordings of interviews: hashing (checked against sha256sum), media probing, working copies,
the chain of custody, append-only triggers and fixity checks. Real SQLCipher records, real files
on disk (a 2 GiB sparse file among them) and the real sha256sum."""
from __future__ import annotations

import json
import random
import shutil
import subprocess
import wave
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlcipher3

from barnahus_app.recordings import hashing
from barnahus_app.api import ValidationError
from barnahus_app.errors import Cancelled, NotFound, RecordFileError
from barnahus_app.followup.actions import add_months
from tests.support.records import copy_record_folder, login, make_record, raw, sample_case, table_counts

TZ = "Europe/Stockholm"
GIB2 = 2 * 1024 ** 3
# sha256sum of 2 GiB of zero bytes (`truncate -s 2G f && sha256sum f`).
ZEROS_2GIB_SHA256 = "a7c744c13cc101ed66c29f672f92455547889cc586ce6d44fe76ae824958ea51"
FREE_TEXT = ("Evidence safe 3, shelf B", "Court viewing for the defence", "Receipt PX-4471 signed by",
             "Sergeant Example", "Order 2026/123 of the district court", "Strongroom", "Redacted faces")


@dataclass(frozen=True)
class World:
    path: Path
    files: Path
    case: int
    child: int
    interview: int
    other_interview: int


@pytest.fixture(scope="module")
def _template(tmp_path_factory):
    return {"dir": tmp_path_factory.mktemp("recordings-template"), "ids": None}


@pytest.fixture
def w(_template, tmp_path, _isolated_home) -> World:
    if _template["ids"] is None:
        path, _ = make_record(_template["dir"])
        with login(path, "admin") as a:
            room = a.create_room("Room A", "interview")
            room2 = a.create_room("Room B", "interview")
        with login(path, "coordinator") as c:
            case = sample_case(c)
            other = sample_case(c)
        with login(path, "interviewer") as s:
            iid = s.plan_interview(case["id"], case["child_id"], "2026-11-02T10:00", 60, room, s.user_id,
                                   time_zone=TZ)
            iid2 = s.plan_interview(other["id"], other["child_id"], "2026-11-02T10:00", 60, room2, s.user_id,
                                    time_zone=TZ, overrides={f"staff:{s.user_id}:{iid}": "Two rooms, one interviewer: "
                                                                                         "test data"})
        _template["ids"] = dict(case=case["id"], child=case["child_id"], interview=iid, other_interview=iid2)
    dst = tmp_path / "copy"
    copy_record_folder(_template["dir"], dst)
    files = tmp_path / "evidence"
    files.mkdir()
    return World(path=dst / "centre" / "record.barnahus", files=files, **_template["ids"])


def audit(session, prefix: str = "") -> list[tuple[str, dict | None]]:
    conn = raw(session)
    try:
        return [(a, json.loads(d) if d else None) for a, d in
                conn.execute("SELECT action, detail FROM audit_log ORDER BY id") if a.startswith(prefix)]
    finally:
        conn.close()


def recording(session, rid: int) -> dict:
    conn = raw(session)
    conn.row_factory = sqlcipher3.Row
    try:
        return dict(conn.execute("SELECT * FROM recordings WHERE id = ?", (rid,)).fetchone())
    finally:
        conn.close()


def sha256sum(path: Path) -> str:
    out = subprocess.run(["sha256sum", "--", str(path)], capture_output=True, text=True, check=True).stdout
    return out.split()[0]


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def random_bytes(n: int, seed: int = 1) -> bytes:
    return random.Random(seed).randbytes(n)


def make_wav(path: Path, seconds: float, rate: int = 16000, channels: int = 1) -> Path:
    with wave.open(str(path), "wb") as f:
        f.setnchannels(channels)
        f.setsampwidth(2)
        f.setframerate(rate)
        f.writeframes(random_bytes(int(seconds * rate) * channels * 2, seed=3))
    return path


def tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


# --- hashing --------------------------------------------------------------------------------------

def test_our_hash_is_sha256sum_and_the_size_is_recorded(w):
    small = write(w.files / "small.bin", b"interview 2026-11-02\n")
    big = write(w.files / "big.bin", random_bytes(5 * 1024 * 1024 + 7))
    with login(w.path, "interviewer") as s:
        ids = [s.register_recording(w.interview, f, label=f.name) for f in (small, big)]
        rows = {r["id"]: r for r in s.interview_recordings(w.interview)}
    for rid, f in zip(ids, (small, big)):
        assert rows[rid]["sha256"] == sha256sum(f)
        assert rows[rid]["size_bytes"] == f.stat().st_size
        assert rows[rid]["file_name"] == f.name and rows[rid]["storage_location"] == str(f)
        assert rows[rid]["fixity_status"] == "unchecked" and rows[rid]["copy_kind"] == "master"
        assert [(e["event"], e["computed_sha256"]) for e in rows[rid]["custody"]] == [("acquired", sha256sum(f))]
    # Chunk boundaries of the read loop, and the empty file.
    for n in (0, 1, hashing.CHUNK - 1, hashing.CHUNK, hashing.CHUNK + 1, 2 * hashing.CHUNK):
        f = write(w.files / f"n{n}.bin", random_bytes(n, seed=n))
        assert hashing.sha256_file(f) == (sha256sum(f), n)


def test_a_real_wav_is_probed_for_container_and_duration(w):
    f = make_wav(w.files / "interview.wav", 1.5)
    with login(w.path, "interviewer") as s:
        rid = s.register_recording(w.interview, f, label="Room A microphone", capture_device="Zoom H5",
                                   acquired_at="2026-11-02T11:05:00+01:00", location="Recording PC, room A")
        (row,) = s.interview_recordings(w.interview)
    assert row["id"] == rid and row["container"] == "wav" and row["duration_ms"] == 1500
    assert "16000" in (row["media_format"] or "") and row["capture_device"] == "Zoom H5"
    assert row["acquired_at_utc"] == "2026-11-02T10:05:00.000000Z"
    assert row["custody"][0]["occurred_at_utc"] == "2026-11-02T10:05:00.000000Z"
    assert row["custody"][0]["location"] == "Recording PC, room A"
    assert row["sha256"] == sha256sum(f)


def test_a_2gib_sparse_file_with_progress_and_cancel(w):
    big = w.files / "sparse.mp4"
    subprocess.run(["truncate", "-s", str(GIB2), str(big)], check=True)
    with login(w.path, "interviewer") as s:
        # Cancelled after a few progress calls: nothing written, no file left behind.
        before, files_before, record_files = table_counts(s), tree(w.files), tree(w.path.parent)
        calls = []
        with pytest.raises(Cancelled) as e:
            s.register_recording(w.interview, big, label="Master", progress=lambda d, t: calls.append((d, t)),
                                 cancel=lambda: len(calls) >= 3)
        assert len(calls) == 3 and "nothing" in str(e.value).lower()
        assert table_counts(s) == before
        assert tree(w.files) == files_before and tree(w.path.parent) == record_files
        assert s.interview_recordings(w.interview) == []
        # The whole file, with progress called for every chunk, in order, ending at the total.
        calls = []
        rid = s.register_recording(w.interview, big, label="Master", progress=lambda d, t: calls.append((d, t)),
                                   cancel=lambda: False)
        done = [d for d, _t in calls]
        assert len(calls) == GIB2 // hashing.CHUNK
        assert {t for _d, t in calls} == {GIB2}
        assert done == sorted(set(done)) and done[-1] == GIB2
        row = recording(s, rid)
        assert (row["sha256"], row["size_bytes"]) == (ZEROS_2GIB_SHA256, GIB2)


def test_copy_while_hashing_cancel_and_refusals(w):
    src = write(w.files / "master.mp4", random_bytes(3 * hashing.CHUNK + 123))
    dst = w.files / "copy.mp4"
    progress = []
    assert hashing.sha256_file(src, lambda d, t: progress.append(d), copy_to=dst) == (sha256sum(src), src.stat().st_size)
    assert dst.read_bytes() == src.read_bytes() and progress[-1] == src.stat().st_size
    # Cancel half-way: the partial copy is removed.
    partial = w.files / "partial.mp4"
    seen = []
    with pytest.raises(Cancelled):
        hashing.sha256_file(src, lambda d, t: seen.append(d), lambda: len(seen) >= 2, copy_to=partial)
    assert seen == [hashing.CHUNK, 2 * hashing.CHUNK] and not partial.exists()
    # Never over an existing file; that file is left as it was.
    keep = write(w.files / "keep.mp4", b"do not overwrite")
    with pytest.raises(RecordFileError) as e:
        hashing.sha256_file(src, copy_to=keep)
    assert str(keep) in str(e.value) and keep.read_bytes() == b"do not overwrite"
    with pytest.raises(RecordFileError) as e:
        hashing.sha256_file(src, copy_to=w.files / "no-such-dir" / "x.mp4")
    assert "no-such-dir" in str(e.value)
    # A missing or unreadable source names its path; no copy is started.
    missing = w.files / "gone.mp4"
    with pytest.raises(RecordFileError) as e:
        hashing.sha256_file(missing, copy_to=w.files / "never.mp4")
    assert str(missing) in str(e.value) and not (w.files / "never.mp4").exists()
    with pytest.raises(RecordFileError) as e:
        hashing.sha256_file(w.files)                     # a folder cannot be read as a file
    assert str(w.files) in str(e.value)
    with login(w.path, "interviewer") as s:
        before = table_counts(s)
        with pytest.raises(RecordFileError) as e:
            s.register_recording(w.interview, missing, label="Gone")
        assert str(missing) in str(e.value)
        with pytest.raises(RecordFileError):
            s.register_recording(w.interview, w.files, label="A folder")
        with pytest.raises(NotFound):
            s.register_recording(999, src, label="No interview")
        assert table_counts(s) == before


# --- working copies -------------------------------------------------------------------------------

def test_working_copies_identical_or_described(w):
    master_file = write(w.files / "master.mp4", random_bytes(200_000))
    same = w.files / "copy-for-police.mp4"
    shutil.copyfile(master_file, same)
    redacted = write(w.files / "redacted.mp4", random_bytes(200_000, seed=9))
    with login(w.path, "interviewer") as s:
        master = s.register_recording(w.interview, master_file, label="Master")
        copy = s.register_recording(w.interview, same, label="Police copy", copy_kind="working", master_id=master,
                                    storage_location="USB drive P-17")
        log = s.custody_log(master)
        assert [e["event"] for e in log] == ["acquired", "copied_to"]
        assert log[1]["copy_id"] == copy and log[1]["location"] == "USB drive P-17"
        assert log[1]["computed_sha256"] == sha256sum(same) and log[1]["label"] == "Copied to"
        assert recording(s, copy)["master_id"] == master
        assert audit(s, "recording.registered")[-1][1]["identical_to_master"] is True

        before = table_counts(s)
        with pytest.raises(ValidationError) as e:
            s.register_recording(w.interview, redacted, label="Redacted", copy_kind="working", master_id=master)
        assert e.value.field == "purpose"
        for bad, field in ((dict(copy_kind="working"), "master_id"),
                           (dict(copy_kind="master", master_id=master), "master_id"),
                           (dict(copy_kind="extract"), "copy_kind"),
                           (dict(acquired_at="2026-11-02T10:00"), "acquired_at"),
                           (dict(acquired_at=datetime.now(timezone.utc) + timedelta(days=2)), "acquired_at")):
            with pytest.raises(ValidationError) as e:
                s.register_recording(w.interview, redacted, label="Redacted", **bad)
            assert e.value.field == field, bad
        with pytest.raises(ValidationError) as e:      # the master belongs to another interview
            s.register_recording(w.other_interview, same, label="x", copy_kind="working", master_id=master)
        assert e.value.field == "master_id"
        assert table_counts(s) == before

        described = s.register_recording(w.interview, redacted, label="Redacted", copy_kind="working",
                                         master_id=master, purpose="Redacted faces with the standard blur filter")
        assert recording(s, described)["sha256"] == sha256sum(redacted)
        assert [(e["event"], e["copy_id"]) for e in s.custody_log(master)][-1] == ("copied_to", described)
        assert audit(s, "recording.registered")[-1][1]["identical_to_master"] is False


# --- chain of custody -----------------------------------------------------------------------------

def test_custody_events_need_their_details_and_end_with_destruction(w):
    f = write(w.files / "master.mp4", random_bytes(50_000))
    with login(w.path, "interviewer") as s:
        rid = s.register_recording(w.interview, f, label="Master", acquired_at="2026-11-02T11:05:00+01:00",
                                   location="Strongroom")
        before = table_counts(s)
        future = (datetime.now(timezone.utc) + timedelta(hours=1)).isoformat()
        for event, kw, field in (
                ("handed_to_police", dict(location="Front desk", receipt="R-1"), "counterpart"),
                ("handed_to_court", dict(location="Front desk", counterpart="Clerk"), "receipt"),
                ("destroyed", dict(location="Shredder room"), "order_reference"),
                ("viewed", dict(location="Viewing room"), "purpose"),
                ("returned", dict(), "location"),
                ("acquired", dict(location="x"), "event"),
                ("fixity_ok", dict(location="x"), "event"),
                ("viewed", dict(location="Viewing room", purpose="p", occurred_at=future), "occurred_at"),
                ("viewed", dict(location="Viewing room", purpose="p", occurred_at="2026-11-03 10:00"), "occurred_at"),
                ("viewed", dict(location="Viewing\u202eroom", purpose="p"), "location")):
            with pytest.raises(ValidationError) as e:
                s.add_custody_event(rid, event, **kw)
            assert e.value.field == field, (event, kw)
        assert table_counts(s) == before
        # Recorded out of order, listed by when they happened.
        e1 = s.add_custody_event(rid, "handed_to_police", occurred_at="2026-11-05T09:00:00+01:00",
                                 location="Evidence safe 3, shelf B", counterpart="Sergeant Example",
                                 receipt="Receipt PX-4471 signed by the sergeant")
        e2 = s.add_custody_event(rid, "viewed", occurred_at="2026-11-03T14:00:00+01:00", location="Strongroom",
                                 purpose="Court viewing for the defence", actor="Defence counsel Example")
        e3 = s.add_custody_event(rid, "returned", occurred_at="2026-11-06T09:00:00+01:00",
                                 location="Evidence safe 3, shelf B", counterpart="Sergeant Example")
        e4 = s.add_custody_event(rid, "destroyed", location="Shredder room",
                                 order_reference="Order 2026/123 of the district court")
        log = s.custody_log(rid)
        assert [(e["event"], e["label"]) for e in log] == [
            ("acquired", "Acquired"), ("viewed", "Viewed by"), ("handed_to_police", "Handed to police"),
            ("returned", "Returned"), ("destroyed", "Destroyed")]
        assert [e["id"] for e in log[1:]] == [e2, e1, e3, e4]
        assert log[1]["actor"] == "Defence counsel Example" and log[2]["actor"] == "Interviewer"
        assert log[2]["counterpart"] == "Sergeant Example" and log[2]["receipt"].startswith("Receipt PX-4471")
        assert all(e["recorded_by_name"] == "Interviewer" for e in log)
        assert recording(s, rid)["fixity_status"] == "destroyed"
        # Destroyed: the chain is closed and there is nothing to check.
        before = table_counts(s)
        with pytest.raises(ValidationError) as e:
            s.add_custody_event(rid, "viewed", location="x", purpose="y")
        assert "destroyed" in e.value.message
        with pytest.raises(ValidationError) as e:
            s.check_fixity(rid)
        assert "destroyed" in e.value.message
        assert table_counts(s) == before
        with pytest.raises(NotFound):
            s.add_custody_event(999, "viewed", location="x", purpose="y")

        # Every event is one audit entry naming the recording and event, with no free text.
        entries = audit(s, "recording.")
        by_event = {(a, d["event"]) for a, d in entries if d and "event" in d}
        assert {("recording.handed_to_police", e1), ("recording.viewed", e2), ("recording.returned", e3),
                ("recording.destroyed", e4)} <= by_event
        for action, detail in entries:
            assert set(detail or {}) <= {"recording", "event", "interview", "copy_kind", "identical_to_master",
                                         "result", "rule"}, action
        everything = json.dumps(audit(s), ensure_ascii=False)
        for text in FREE_TEXT + ("Defence counsel", "Shredder", "Testa", "Exampledottir"):
            assert text not in everything, text


def test_custody_events_and_the_hash_cannot_be_changed_in_sql(w):
    f = write(w.files / "master.mp4", random_bytes(10_000))
    with login(w.path, "interviewer") as s:
        rid = s.register_recording(w.interview, f, label="Master")
        s.add_custody_event(rid, "viewed", location="Strongroom", purpose="Check")
        conn = raw(s)
        try:
            events = conn.execute("SELECT * FROM custody_events ORDER BY id").fetchall()
            rec = conn.execute("SELECT * FROM recordings").fetchall()
            for sql in ("UPDATE custody_events SET location = 'elsewhere'",
                        "UPDATE custody_events SET computed_sha256 = NULL",
                        "DELETE FROM custody_events",
                        f"DELETE FROM custody_events WHERE id = {events[-1][0]}"):
                with pytest.raises(sqlcipher3.DatabaseError, match="custody events are append-only"):
                    conn.execute(sql)
            for sql in ("UPDATE recordings SET sha256 = '" + "0" * 64 + "'",
                        "UPDATE recordings SET size_bytes = size_bytes + 1"):
                with pytest.raises(sqlcipher3.DatabaseError, match="keeps the hash taken at registration"):
                    conn.execute(sql)
            conn.rollback()
            assert conn.execute("SELECT * FROM custody_events ORDER BY id").fetchall() == events
            assert conn.execute("SELECT * FROM recordings").fetchall() == rec
            # The trigger is about the hash: other columns (the fixity status) change as designed.
            conn.execute("UPDATE recordings SET sha256 = sha256, fixity_status = 'ok'")
            conn.rollback()
            # The label changes only together with an amendment that names it (correct_recording_label).
            with pytest.raises(sqlcipher3.DatabaseError, match="corrected only by an amendment"):
                conn.execute("UPDATE recordings SET label = 'Relabelled'")
            conn.rollback()
        finally:
            conn.close()


# --- fixity ---------------------------------------------------------------------------------------

def test_fixity_ok_mismatch_and_missing(w):
    f = write(w.files / "master.mp4", random_bytes(3 * 1024 * 1024 + 11))
    with login(w.path, "interviewer") as s:
        rid = s.register_recording(w.interview, f, label="Master")
        registered = sha256sum(f)
        ok = s.check_fixity(rid)
        assert (ok.ok, ok.status, ok.expected_sha256, ok.computed_sha256, ok.checked_path) == (
            True, "ok", registered, registered, str(f))
        row = recording(s, rid)
        assert row["fixity_status"] == "ok" and row["fixity_checked_at"]
        assert s.custody_log(rid)[-1]["event"] == "fixity_ok"
        assert audit(s, "recording.fixity_ok")[-1][1] == {"recording": rid, "event": ok.event_id, "result": "ok"}

        # Change one byte in the middle.
        original = f.read_bytes()
        data = bytearray(original)
        data[len(data) // 2] ^= 0x01
        f.write_bytes(bytes(data))
        changed = sha256sum(f)
        bad = s.check_fixity(rid)
        assert (bad.ok, bad.status, bad.expected_sha256, bad.computed_sha256) == (False, "mismatch", registered, changed)
        ev = s.custody_log(rid)[-1]
        assert (ev["event"], ev["computed_sha256"], ev["id"]) == ("fixity_mismatch", changed, bad.event_id)
        assert ev["label"].startswith("FIXITY CHECK FAILED")
        row = recording(s, rid)
        assert row["sha256"] == registered and row["fixity_status"] == "mismatch"
        alarms = audit(s, "recording.FIXITY_ALARM")
        assert alarms == [("recording.FIXITY_ALARM", {"recording": rid, "event": bad.event_id, "result": "mismatch"})]

        # A good copy elsewhere still checks out; the stored hash never moved.
        good = write(w.files / "backup-copy.mp4", original)
        assert s.check_fixity(rid, good).ok and recording(s, rid)["fixity_status"] == "ok"

        # Moved away, then deleted: missing.
        moved = f.with_name("moved.mp4")
        f.rename(moved)
        gone = s.check_fixity(rid)
        assert (gone.ok, gone.status, gone.computed_sha256) == (False, "missing", None)
        assert s.custody_log(rid)[-1]["event"] == "fixity_missing"
        moved.unlink()
        assert s.check_fixity(rid, moved).status == "missing"
        assert recording(s, rid)["fixity_status"] == "missing"
        assert [d["result"] for _a, d in audit(s, "recording.FIXITY_ALARM")] == ["mismatch", "missing", "missing"]
        assert recording(s, rid)["sha256"] == registered

        # A cancelled check writes nothing.
        before = table_counts(s)
        seen = []
        with pytest.raises(Cancelled):
            s.check_fixity(rid, good, progress=lambda d, t: seen.append(d), cancel=lambda: bool(seen))
        assert table_counts(s) == before


def test_scheduled_fixity_checks_are_reminders_completed_by_a_good_check(w):
    f = write(w.files / "master.mp4", random_bytes(100_000))
    today = date.today()
    with login(w.path, "interviewer") as s:
        rid = s.register_recording(w.interview, f, label="Master")
        later = s.register_recording(w.interview, write(w.files / "second.mp4", b"second"), label="Second")
        rule = s.schedule_fixity_checks(rid, 12, first_due=today - timedelta(days=3))
        future_rule = s.schedule_fixity_checks(later, 6, first_due=today + timedelta(days=20))
        conn = raw(s)
        try:
            got = conn.execute("SELECT kind, subject_kind, subject_id, discipline, interval_months, case_id, "
                               "person_id FROM followup_rules WHERE id = ?", (rule,)).fetchone()
        finally:
            conn.close()
        assert got == ("fixity_check", "recording", rid, "interviewer", 12, w.case, w.child)

        mine = {(r.rule_id, r.kind, r.bucket, r.due) for r in s.reminders(today)}
        assert (rule, "fixity_check", "overdue", today - timedelta(days=3)) in mine
        assert (future_rule, "fixity_check", "upcoming", today + timedelta(days=20)) in mine
        assert rule not in {r.rule_id for r in s.reminders(today - timedelta(days=70))}
        # A failed check leaves it due.
        other = write(w.files / "tampered.mp4", random_bytes(100_000, seed=5))
        assert not s.check_fixity(rid, other).ok
        assert rule in {r.rule_id for r in s.reminders(today)}
        # A good one completes it; the next falls due a year on.
        assert s.check_fixity(rid).ok
        assert rule not in {r.rule_id for r in s.reminders(today)}
        assert future_rule in {r.rule_id for r in s.reminders(today)}
        next_due = add_months(today, 12)
        assert [r.due for r in s.reminders(next_due) if r.rule_id == rule] == [next_due]
        assert [d["rule"] for _a, d in audit(s, "followup.completed")] == [rule]
    with login(w.path, "therapist") as s:
        assert rule not in {r.rule_id for r in s.reminders(today)}     # another discipline's reminder
    with login(w.path, "coordinator") as s:
        assert future_rule in {r.rule_id for r in s.reminders(today)}  # the case lead sees every discipline


# --- correcting a label ---------------------------------------------------------------------------

def test_a_label_is_corrected_by_audited_amendments_that_keep_the_original(w):
    f = write(w.files / "master.mp4", random_bytes(20_000))
    with login(w.path, "interviewer") as s:
        rid = s.register_recording(w.interview, f, label="tMaster recording")
        before = recording(s, rid)
        for bad_label, bad_reason, field in (("", "typo", "label"), ("tMaster recording", "typo", "label"),
                                             ("Master recording", "  ", "reason")):
            with pytest.raises(ValidationError) as e:
                s.correct_recording_label(rid, bad_label, bad_reason)
            assert e.value.field == field
        a1 = s.correct_recording_label(rid, "Master recording", "A stray letter typed at registration.")
        a2 = s.correct_recording_label(rid, "Master recording, camera 1", "Which camera it came from.")
        [rec] = s.interview_recordings(w.interview)
        assert rec["label"] == "Master recording, camera 1"
        assert (rec["sha256"], rec["size_bytes"]) == (before["sha256"], before["size_bytes"]) == (
            sha256sum(f), 20_000)
        assert [(a["id"], a["old_label"], a["new_label"], a["reason"], a["by_name"])
                for a in rec["label_amendments"]] == [
            (a1, "tMaster recording", "Master recording", "A stray letter typed at registration.", "Interviewer"),
            (a2, "Master recording", "Master recording, camera 1", "Which camera it came from.", "Interviewer")]
        assert [d for _a, d in audit(s, "recording.label_corrected")] == [
            {"recording": rid, "amendment": a1}, {"recording": rid, "amendment": a2}]
        assert "stray" not in json.dumps(audit(s)) and "camera 1" not in json.dumps(audit(s))
        conn = raw(s)
        try:
            for sql in ("UPDATE recording_label_amendments SET reason = 'other'",
                        "DELETE FROM recording_label_amendments"):
                with pytest.raises(sqlcipher3.DatabaseError, match="recording label amendments are append-only"):
                    conn.execute(sql)
            conn.rollback()
        finally:
            conn.close()
    with login(w.path, "coordinator") as c:
        from barnahus_app.api import PermissionDenied
        with pytest.raises(PermissionDenied):
            c.correct_recording_label(rid, "Anything", "Not theirs to correct")
