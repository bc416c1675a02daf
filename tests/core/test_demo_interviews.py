"""Demo interviews, recordings and chains of custody: no double bookings, custody by the rules,
readable through the core, reproducible."""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from barnahus_app.api import open_record
from barnahus_app.demo.build import build_demo_record
from barnahus_app.demo.interviews import SLOTS, _BLOCK, _Calendar
from barnahus_app.interviews.actions import ACTIVE, interview_rules, room_staff_conflicts
from barnahus_app.recordings.actions import EVENT_LABELS, HAND_OVERS
from barnahus_app.timeutil import parse_utc, to_utc_iso
from tests.support.records import DEMO_BULK_RULES, FAST_KDF, demo_queries

PW = "demo-password-1"
UNTIL = date(2026, 6, 30)
UNTIL_ISO = f"{UNTIL.isoformat()}T00:00:00.000000Z"
TABLES = ("rooms", "interviews", "interview_participants", "interview_breaks", "conflict_overrides",
          "recordings", "custody_events")
MAIN_LANGUAGE = {"SE": "sv", "NO": "no", "ES": "es", "IS": "is", "UA": "uk", "OTHER": "en"}


def _build(folder, seed=5, cases=300):
    path = folder / "demo.barnahus"
    build_demo_record(path, "admin", PW, cases, seed, FAST_KDF, until=UNTIL)
    return path


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("demo_interviews"))


@pytest.fixture(scope="module")
def db(demo):
    with demo_queries(demo, PW) as q:
        yield q


def _age(dob: str, on: date) -> int:
    born = date.fromisoformat(dob)
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def test_every_table_has_rows(db):
    for table in TABLES:
        (n,), = db(f"SELECT count(*) FROM {table}")
        assert n > 0, table
    (cases,), = db("SELECT count(*) FROM cases")
    (interviewed,), = db("SELECT count(DISTINCT case_id) FROM interviews")
    assert 0.6 * cases < interviewed < cases
    statuses = dict(db("SELECT status, count(*) FROM interviews GROUP BY status"))
    assert set(statuses) == {"planned", "held", "not_held", "cancelled"}
    assert statuses["held"] > 0.8 * sum(statuses.values())
    names = [r[0] for r in db("SELECT name FROM rooms ORDER BY id")]
    assert names[0] == "Interview room 1 (Lilla rummet)" and len(names) == 7
    assert names[-1] == "Meeting room (Stora rummet)"  # demo/meetings.py's: no interview uses it


def test_no_room_or_interviewer_is_double_booked(db):
    clashes = db(f"""
        SELECT a.id, b.id FROM interviews a JOIN interviews b ON a.id < b.id
         AND a.starts_at_utc < b.ends_at_utc AND b.starts_at_utc < a.ends_at_utc
         AND (a.room_id = b.room_id OR a.interviewer_id = b.interviewer_id)
        WHERE a.status IN {ACTIVE} AND b.status IN {ACTIVE}""")
    assert clashes == []


def test_the_cores_conflict_queries_find_no_clash(demo):
    with open_record(demo, "coordinator", PW, kdf=FAST_KDF) as s:
        with s.record.engine.connect() as conn:
            rows = conn.execute(text(f"SELECT id, room_id, interviewer_id, starts_at_utc, ends_at_utc "
                                     f"FROM interviews WHERE status IN {ACTIVE}")).all()
            assert len(rows) > 100
            for iid, room, who, lo, hi in rows:  # the engine interviews and MDT meetings share
                assert room_staff_conflicts(conn, lo, hi, room, {who}, "Europe/Stockholm", interview_id=iid) == []


def test_rooms_pair_with_interviewers_and_slots_are_local_weekday_times(db):
    pairs = db("""SELECT DISTINCT r.name, u.username FROM interviews i JOIN rooms r ON r.id = i.room_id
                  JOIN users u ON u.id = i.interviewer_id ORDER BY r.name""")
    assert pairs == [("Interview room 1 (Lilla rummet)", "interviewer"), ("Interview room 2", "interviewer2"),
                     ("Interview room 3", "interviewer3")]
    zones = {"SE": "Europe/Stockholm", "NO": "Europe/Oslo", "ES": "Europe/Madrid", "IS": "Atlantic/Reykjavik",
             "UA": "Europe/Kyiv", "OTHER": "Europe/London"}
    for jur, zone, start, end, received in db("""
            SELECT c.jurisdiction, i.time_zone, i.starts_at_utc, i.ends_at_utc, c.referral_received_at
            FROM interviews i JOIN cases c ON c.id = i.case_id"""):
        assert zone == zones[jur]
        local = parse_utc(start).astimezone(ZoneInfo(zone))
        assert local.weekday() < 5 and (local.hour, local.minute) in SLOTS
        minutes = (parse_utc(end) - parse_utc(start)).total_seconds() / 60
        assert 45 <= minutes <= 100
        assert parse_utc(start) - parse_utc(received) >= timedelta(days=2)
        assert to_utc_iso(parse_utc(start)) == start  # the core's own time format


def test_statuses_follow_until(db):
    assert db("SELECT count(*) FROM interviews WHERE status IN ('held', 'not_held') AND starts_at_utc >= :u",
              u=UNTIL_ISO) == [(0,)]
    (future,), = db("SELECT count(*) FROM interviews WHERE status = 'planned' AND starts_at_utc >= :u", u=UNTIL_ISO)
    assert future > 0
    for status, part, a_s, a_e, start, end, reason, created, updated in db("""
            SELECT status, child_participation, actual_start_utc, actual_end_utc, starts_at_utc, ends_at_utc,
                   cancel_reason, created_at, updated_at FROM interviews"""):
        assert created <= updated and created <= UNTIL_ISO and created < start
        if status == "held":
            assert part == "chose_to_take_part" and start <= a_s < a_e
            assert parse_utc(a_e) <= parse_utc(end) + timedelta(minutes=5)
        else:
            assert a_s is None and a_e is None
        if status == "not_held":
            assert part == "chose_not_to"
        if status == "cancelled":
            assert reason == "Rescheduled (demo)" and updated <= UNTIL_ISO
    bad_breaks = db("""SELECT b.id FROM interview_breaks b JOIN interviews i ON i.id = b.interview_id
                       WHERE i.status != 'held' OR b.started_at_utc < i.actual_start_utc
                          OR b.ended_at_utc > i.actual_end_utc OR b.ended_at_utc <= b.started_at_utc""")
    assert bad_breaks == []


def test_further_interviews_are_justified_and_spanish_rules_apply(db):
    rules = interview_rules()
    rows = db("""SELECT i.id, i.child_person_id, i.status, i.starts_at_utc, i.time_zone, i.justification,
                        i.pre_constituted, c.jurisdiction, p.date_of_birth
                 FROM interviews i JOIN cases c ON c.id = i.case_id JOIN persons p ON p.id = i.child_person_id
                 ORDER BY i.starts_at_utc, i.id""")
    overrides = {iid: (conflict, detail) for iid, conflict, detail in
                 db("SELECT interview_id, conflict, detail FROM conflict_overrides")}
    roles = {}
    for iid, role in db("SELECT interview_id, role FROM interview_participants"):
        roles.setdefault(iid, set()).add(role)
    seen: dict[int, int] = {}
    seconds = pre_seen = 0
    for iid, child, status, start, zone, just, pre, jur, dob in rows:
        earlier = seen.get(child, 0)
        on = parse_utc(start).astimezone(ZoneInfo(zone)).date()
        age = _age(dob, on) if dob else None
        rule = rules.get(jur) or {}
        under = rule.get("pre_constituted_under_age")
        assert bool(pre) == bool(under and age is not None and age < under), iid
        if earlier and status in ACTIVE:
            seconds += 1
            assert just and just.strip(), iid
            once = rule.get("testify_once_under_age")
            if once and age is not None and age < once:
                assert overrides.get(iid) == ("testify_once", f"testify_once:{child}")
        if pre and status in ACTIVE:
            pre_seen += 1
            assert "observer_prosecutor" in roles[iid]
        if status in ACTIVE:
            seen[child] = earlier + 1
    assert seconds > 0 and pre_seen > 0
    assert set(overrides) <= {r[0] for r in rows}


def test_participants_and_languages(db):
    for iid, status, lang, interp, jur, child_langs in db("""
            SELECT i.id, i.status, i.language, i.interpreter_language, c.jurisdiction, p.languages
            FROM interviews i JOIN cases c ON c.id = i.case_id JOIN persons p ON p.id = i.child_person_id"""):
        parts = db("SELECT role, name, language, present, user_id, person_id FROM interview_participants "
                   "WHERE interview_id = :i", i=iid)
        roles = [p[0] for p in parts]
        assert "observer_police" in roles
        assert lang == child_langs.split(",")[0]
        assert interp == (lang if lang != MAIN_LANGUAGE[jur] else None)
        if interp:
            assert ("interpreter", interp) in {(p[0], p[2]) for p in parts}
        for role, name, _language, present, user_id, person_id in parts:
            assert name and "Demo" in name and user_id is None and person_id is None
            if status == "held":
                assert present is not None
            else:
                assert present is None


def test_held_interviews_have_a_master_and_a_bit_identical_working_copy(demo, db):
    held = db("SELECT id FROM interviews WHERE status = 'held'")
    with open_record(demo, "interviewer", PW, kdf=FAST_KDF) as s:   # the notes are sealed: read as a holder
        notes_of = {iid: s.get_interview(iid)["notes"] for iid, in held
                    if not db("SELECT id FROM recordings WHERE interview_id = :i", i=iid)}
    with_master = 0
    for iid, in held:
        recs = db("SELECT id, copy_kind, master_id, sha256, file_name, duration_ms, size_bytes FROM recordings "
                  "WHERE interview_id = :i ORDER BY id", i=iid)
        if not recs:
            assert "recording equipment failed" in (notes_of[iid] or "")
            continue
        with_master += 1
        (mid, kind, master_of, sha, name, duration, size), (wid, wkind, wmaster, wsha, *_rest) = recs
        assert kind == "master" and master_of is None and wkind == "working" and wmaster == mid and wsha == sha
        assert len(sha) == 64 and int(sha, 16) >= 0
        assert name.endswith("-master.mp4") and "-interview-" in name
        assert duration > 30 * 60_000 and 500_000_000 <= size <= 4_000_000_000
        master_events = [r[0] for r in db("SELECT event FROM custody_events WHERE recording_id = :r", r=mid)]
        assert master_events[:2] == ["acquired", "copied_to"]
        assert db("SELECT copy_id, computed_sha256 FROM custody_events WHERE recording_id = :r AND event = 'copied_to'",
                  r=mid) == [(wid, sha)]
        first = db("SELECT event FROM custody_events WHERE recording_id = :r ORDER BY id LIMIT 1", r=wid)
        assert first == [("acquired",)]
    assert with_master >= 0.85 * len(held)
    assert db("SELECT count(*) FROM recordings r JOIN interviews i ON i.id = r.interview_id "
              "WHERE i.status != 'held'") == [(0,)]


def test_custody_events_obey_the_rules(db):
    interviewers = {r[0] for r in db("SELECT user_id FROM user_roles WHERE role = 'interviewer'")}
    events = db("""SELECT e.id, e.recording_id, e.event, e.occurred_at_utc, e.actor, e.location, e.purpose,
                          e.counterpart, e.receipt, e.order_reference, e.computed_sha256, e.by_user, e.recorded_at,
                          r.sha256, r.acquired_at_utc
                   FROM custody_events e JOIN recordings r ON r.id = e.recording_id ORDER BY e.recording_id, e.id""")
    kinds = {e[2] for e in events}
    assert {"acquired", "copied_to", "handed_to_police", "handed_to_prosecution", "handed_to_court", "viewed",
            "fixity_ok", "fixity_mismatch"} <= kinds <= set(EVENT_LABELS)
    last: dict[int, str] = {}
    for (eid, rec, event, at, actor, location, purpose, counterpart, receipt, order, computed, by, recorded,
         sha, acquired) in events:
        assert at == recorded and at <= UNTIL_ISO and at >= acquired
        assert at >= last.get(rec, ""), f"events of recording {rec} out of order"
        last[rec] = at
        assert actor and location and purpose
        if event in HAND_OVERS or event == "returned":
            assert counterpart and receipt and by in interviewers  # the liaison updates nothing
            assert "(demo)" in receipt and "fictional" in counterpart
        else:
            assert by in interviewers
        if event == "destroyed":
            assert order
        if event in ("acquired", "copied_to", "fixity_ok"):
            assert computed == sha
        if event == "fixity_mismatch":
            assert computed and computed != sha
    mismatched = db("SELECT r.id, r.fixity_status FROM custody_events e JOIN recordings r ON r.id = e.recording_id "
                    "WHERE e.event = 'fixity_mismatch'")
    assert 1 <= len(mismatched) <= 2 and all(status == "mismatch" for _, status in mismatched)
    assert db("SELECT count(*) FROM recordings WHERE fixity_status = 'mismatch'") == [(len(mismatched),)]
    # 'ok' exactly when the last check was fine
    for rid, status, checked in db("SELECT id, fixity_status, fixity_checked_at FROM recordings"):
        fix = db("SELECT event, occurred_at_utc FROM custody_events WHERE recording_id = :r AND event LIKE 'fixity%' "
                 "ORDER BY occurred_at_utc DESC, id DESC LIMIT 1", r=rid)
        if status in ("ok", "mismatch"):
            assert fix == [(f"fixity_{status}", checked)]
        elif status == "unchecked":
            assert fix == [] and checked is None


def test_fixity_follow_up_rules_point_to_master_recordings(db):
    rules = db("SELECT id, case_id, subject_kind, subject_id FROM followup_rules WHERE kind = 'fixity_check'")
    assert rules
    for rid, case_id, kind, subject in rules:
        assert kind == "recording" and subject is not None
        assert db("SELECT r.copy_kind, i.case_id FROM recordings r JOIN interviews i ON i.id = r.interview_id "
                  "WHERE r.id = :r", r=subject) == [("master", case_id)]


def test_the_core_reads_the_demo(demo, db):
    case_ids = [r[0] for r in db("SELECT DISTINCT case_id FROM interviews ORDER BY case_id LIMIT 40")]
    held = [r[0] for r in db("SELECT DISTINCT interview_id FROM recordings ORDER BY interview_id LIMIT 20")]
    with open_record(demo, "coordinator", PW, kdf=FAST_KDF) as s:
        for cid in case_ids:
            views = s.case_interviews(cid)
            assert views and all(v["participants"] for v in views)
            assert all(v["number"] >= 1 for v in views if v["status"] in ACTIVE)
        week = s.calendar(UNTIL - timedelta(days=7), UNTIL + timedelta(days=21), "Europe/Stockholm")
        assert any(b.status == "planned" and b.starts_at_utc >= UNTIL_ISO for b in week)
        assert all(b.case_reference for b in week if b.kind == "interview")  # meetings have none
        s.calendar_ics(UNTIL - timedelta(days=7), UNTIL + timedelta(days=21), "Europe/Stockholm")
        assert len(s.list_rooms()) == 7  # and the meeting room of demo/meetings.py
    with open_record(demo, "interviewer", PW, kdf=FAST_KDF) as s:
        for iid in held:
            recs = s.interview_recordings(iid)
            assert [r["copy_kind"] for r in recs] == ["master", "working"]
            assert recs[0]["custody"][0]["label"] == "Acquired"
            assert s.get_interview(iid)["recordings"] == [r["id"] for r in recs]
        assert s.check().ok


def test_same_seed_same_rows(demo, db, tmp_path):
    again = _build(tmp_path)
    s = open_record(again, "admin", PW, kdf=FAST_KDF)
    try:
        with s.record.engine.connect() as conn:
            for sql in [f"SELECT * FROM {table} ORDER BY id" for table in TABLES] + [DEMO_BULK_RULES]:
                assert conn.execute(text(sql)).all() == db(sql), sql
    finally:
        s.close()


def test_the_slot_allocator_never_double_books_even_when_full():
    cal = _Calendar(3)
    rng = random.Random(1)
    zones = ("Europe/Stockholm", "Atlantic/Reykjavik", "Europe/Kyiv", "Europe/London")
    day0 = date(2025, 3, 24).toordinal()  # across the change to summer time
    taken: list[tuple[int, int]] = []
    misses = 0
    for _ in range(900):
        found = cal.find(zones[int(rng.random() * 4)], day0 + int(rng.random() * 10), int(rng.random() * 4),
                         [0, 1, 2] if rng.random() < 0.7 else [int(rng.random() * 3)])
        if found is None:
            misses += 1
            continue
        pair, s, day = found
        local = datetime.fromtimestamp(s, timezone.utc)
        assert date.fromordinal(day).weekday() < 5 and local.date().toordinal() == day
        cal.take(pair, s)
        taken.append((pair, s))
    assert misses > 0  # more wanted than the centre can hold
    taken.sort()
    for (p1, s1), (p2, s2) in zip(taken, taken[1:]):
        assert p1 != p2 or s2 >= s1 + _BLOCK
