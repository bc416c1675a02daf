"""Forensic interviews (DOMAIN.md item 4): planning, conflicts, no-contact buffers, daylight
saving, jurisdiction rules, state changes, notes, the calendar and its .ics export. Real
SQLCipher records through the public Session API; who may call what is test_policy_matrix's."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from barnahus_app.api import PermissionDenied, ValidationError
from barnahus_app.errors import ConflictsFound
from barnahus_app.timeutil import parse_utc
from tests.support.records import (
    STAFF_PASSWORD, copy_record_folder, login, make_record, raw, sample_case, table_counts,
)

TZ = "Europe/Stockholm"
STOCKHOLM = ZoneInfo(TZ)
NAMES = ("Testa", "Exampledottir", "Exampleson", "Othera", "Childsdottir")
REFERRAL = dict(referral_received_at="2026-03-04T09:30:00+01:00", abuse_forms=["sexual_abuse_extrafamilial"],
                triage_level="urgent")


# --- the record every test starts from ----------------------------------------------------------

@dataclass(frozen=True)
class World:
    path: Path
    case1: int            # SE: child1 (born 2014-05-06) and the alleged offender, under a no-contact flag
    case1_ref: str
    case2: int            # SE: the same child1 in another case
    case2_ref: str
    case3: int            # SE: another child, child2
    case3_ref: str
    child1: int
    offender: int
    child2: int
    room_a: int
    room_b: int
    room_c: int
    admin: int
    coordinator: int
    interviewer: int
    interviewer2: int
    therapist: int
    liaison: int


@pytest.fixture(scope="module")
def _template(tmp_path_factory):
    return {"dir": tmp_path_factory.mktemp("interviews-template"), "world": None}


@pytest.fixture
def w(_template, tmp_path, _isolated_home) -> World:
    """A fresh copy of one prepared record (built once per module)."""
    if _template["world"] is None:
        path, _ = make_record(_template["dir"])
        with login(path, "admin") as a:
            a.add_user("interviewer2", "Second Interviewer", ["interviewer"], STAFF_PASSWORD)
            rooms = [a.create_room(n, "interview") for n in ("Room A", "Room B", "Room C")]
            users = {u["username"]: u["id"] for u in a.list_users()}
        with login(path, "coordinator") as c:
            case1 = sample_case(c)
            case2 = c.create_case(jurisdiction="SE", **REFERRAL)
            c.add_child(case2["id"], case1["child_id"], "victim")
            child2 = c.create_person(given_name="Othera", family_name="Childsdottir", date_of_birth="2015-02-02",
                                     acknowledge_duplicates=True)
            case3 = c.create_case(jurisdiction="SE", **REFERRAL)
            c.add_child(case3["id"], child2, "victim")
        _template["world"] = dict(
            case1=case1["id"], case1_ref=case1["reference"], case2=case2["id"], case2_ref=case2["reference"],
            case3=case3["id"], case3_ref=case3["reference"], child1=case1["child_id"],
            offender=case1["offender_id"], child2=child2, room_a=rooms[0], room_b=rooms[1], room_c=rooms[2],
            admin=users["admin"], coordinator=users["coordinator"], interviewer=users["interviewer"],
            interviewer2=users["interviewer2"], therapist=users["therapist"], liaison=users["liaison"])
    dst = tmp_path / "copy"
    copy_record_folder(_template["dir"], dst)
    return World(path=dst / "centre" / "record.barnahus", **_template["world"])


def audit(session, prefix: str = "") -> list[tuple[str, str | None]]:
    conn = raw(session)
    try:
        return [(a, d) for a, d in conn.execute("SELECT action, detail FROM audit_log ORDER BY id")
                if a.startswith(prefix)]
    finally:
        conn.close()


def plan(s, w: World, start, *, case=None, child=None, minutes=60, room=None, who=None, **kw) -> int:
    return s.plan_interview(case or w.case1, child or w.child1, start, minutes, room or w.room_a,
                            who or w.interviewer, time_zone=TZ, **kw)


def check(s, w: World, start, *, case=None, child=None, minutes=60, room=None, who=None, **kw):
    return s.check_interview_plan(case or w.case1, child or w.child1, start, minutes, room or w.room_a,
                                  who or w.interviewer, time_zone=TZ, **kw)


def conflicts_of(call) -> list:
    with pytest.raises(ConflictsFound) as e:
        call()
    return list(e.value.check.conflicts)


def stored_utc(s, iid) -> tuple[datetime, datetime]:
    iv = s.get_interview(iid)
    return parse_utc(iv["starts_at_utc"]), parse_utc(iv["ends_at_utc"])


# --- planning and the count of interviews -------------------------------------------------------

def test_second_interview_of_a_child_needs_a_justification_across_cases(w):
    with login(w.path, "coordinator") as s:
        first = plan(s, w, "2026-12-01T10:00")
        iv = s.get_interview(first)
        assert iv["number"] == 1 and iv["justification"] is None and iv["status"] == "planned"
        assert iv["starts_at_utc"] == "2026-12-01T09:00:00.000000Z"       # CET is UTC+1 in December
        assert s.interview_count(w.child1) == 1

        before = table_counts(s)
        for blank in (None, "", "   \n "):
            with pytest.raises(ValidationError) as e:
                plan(s, w, "2026-12-03T10:00", case=w.case2, justification=blank)
            assert e.value.field == "justification" and "number 2" in e.value.message
        assert table_counts(s) == before, "a refused plan wrote something"

        second = plan(s, w, "2026-12-03T10:00", case=w.case2, justification="The child disclosed more abuse.")
        iv2 = s.get_interview(second)
        assert iv2["case_reference"] == w.case2_ref and iv2["case_id"] == w.case2
        assert iv2["number"] == 2 and iv2["child_interviews_total"] == 2
        assert iv2["justification"] == "The child disclosed more abuse."
        assert s.get_interview(first)["number"] == 1
        assert s.interview_count(w.child1) == 2
        assert [i["id"] for i in s.case_interviews(w.case2)] == [second]
        # The number is the place among the child's interviews by time, whatever the case.
        third = plan(s, w, "2026-11-30T10:00", case=w.case1, justification="Earlier slot for a follow-up.")
        assert [s.get_interview(i)["number"] for i in (third, first, second)] == [1, 2, 3]
        # Another child's count is their own.
        assert s.interview_count(w.child2) == 0
        assert plan(s, w, "2026-12-01T10:00", case=w.case3, child=w.child2, room=w.room_b, who=w.interviewer2)
        assert s.interview_count(w.child2) == 1 and s.interview_count(w.child1) == 3


def test_the_child_must_be_a_child_of_the_case(w):
    with login(w.path, "coordinator") as s:
        before = table_counts(s)
        with pytest.raises(ValidationError) as e:
            plan(s, w, "2026-12-01T10:00", case=w.case3, child=w.child1)
        assert e.value.field == "child_person_id"
        with pytest.raises(ValidationError) as e:
            plan(s, w, "2026-12-01T10:00", child=w.offender)     # a party, not a child of the case
        assert e.value.field == "child_person_id"
        assert table_counts(s) == before


def test_cancelled_and_declined_interviews_do_not_count(w):
    with login(w.path, "coordinator") as s:
        first = plan(s, w, "2026-12-01T10:00")
        s.cancel_interview(first, "The child is ill.")
        assert s.interview_count(w.child1) == 0
        assert s.get_interview(first)["number"] is None
        assert s.get_interview(first)["cancel_reason"] == "The child is ill."
        # No justification needed: the cancelled one did not happen.
        again = plan(s, w, "2026-12-02T10:00")
        assert s.get_interview(again)["number"] == 1
        s.record_child_declined(again, "Did not want to talk today.")
        assert s.interview_count(w.child1) == 0
        third = plan(s, w, "2026-12-03T10:00")
        assert s.get_interview(third)["number"] == 1 and s.interview_count(w.child1) == 1
        # The cancelled booking frees its room: the same slot books without a conflict.
        plan(s, w, "2026-12-01T10:00", case=w.case3, child=w.child2, who=w.interviewer2)


def test_a_different_interviewer_from_last_time_is_a_warning_not_a_block(w):
    with login(w.path, "coordinator") as s:
        plan(s, w, "2026-12-01T10:00")
        same = check(s, w, "2026-12-08T10:00")
        assert same.earlier_interviews == 1 and same.justification_required
        assert same.earlier_interviewers == (w.interviewer,)
        assert not any("someone else" in x for x in same.warnings)
        other = check(s, w, "2026-12-08T10:00", who=w.interviewer2)
        assert [x for x in other.warnings if "someone else" in x and "same interviewer" in x]
        assert other.conflicts == ()
        iid = plan(s, w, "2026-12-08T10:00", who=w.interviewer2, justification="New disclosure.")
        assert s.get_interview(iid)["interviewer_id"] == w.interviewer2
        # A first interview has no such warning.
        first_of_child2 = check(s, w, "2026-12-08T10:00", case=w.case3, child=w.child2, room=w.room_b)
        assert first_of_child2.warnings == () and not first_of_child2.justification_required


def test_only_an_active_interviewer_leads_and_only_in_a_room_in_use(w):
    with login(w.path, "coordinator") as s:
        assert {u["id"] for u in s.interviewers()} == {w.interviewer, w.interviewer2}
        before = table_counts(s)
        with pytest.raises(ValidationError) as e:
            plan(s, w, "2026-12-01T10:00", who=w.coordinator)
        assert e.value.field == "interviewer_id" and "interviewer role" in e.value.message
        with pytest.raises(ValidationError) as e:
            plan(s, w, "2026-12-01T10:00", who=999)
        assert e.value.field == "interviewer_id"
        with pytest.raises(ValidationError) as e:
            plan(s, w, "2026-12-01T10:00", room=999)
        assert e.value.field == "room_id"
        assert table_counts(s) == before
    with login(w.path, "admin") as a:
        a.set_active("interviewer2", False)
        a.update_room(w.room_c, active=False)
        assert w.room_c not in {r["id"] for r in a.list_rooms()}
        assert w.room_c in {r["id"] for r in a.list_rooms(include_retired=True)}
    with login(w.path, "coordinator") as s:
        assert {u["id"] for u in s.interviewers()} == {w.interviewer}
        before = table_counts(s)
        with pytest.raises(ValidationError) as e:
            plan(s, w, "2026-12-01T10:00", who=w.interviewer2)
        assert e.value.field == "interviewer_id"
        with pytest.raises(ValidationError) as e:
            plan(s, w, "2026-12-01T10:00", room=w.room_c)
        assert e.value.field == "room_id"
        assert table_counts(s) == before
        assert plan(s, w, "2026-12-01T10:00", room=w.room_a)


# --- conflicts ----------------------------------------------------------------------------------

def _assert_override_audited(s, w: World, iid: int, codes: list[str], reasons: list[str]) -> None:
    entries = [json.loads(d) for a, d in audit(s, "interview.planned") if json.loads(d)["interview"] == iid]
    assert len(entries) == 1 and entries[0]["overridden"] == sorted(codes)
    everything = json.dumps(audit(s), ensure_ascii=False)
    for text in reasons + list(NAMES):
        assert text not in everything, f"the audit trail holds {text!r}"


def test_a_double_booked_room_blocks_until_overridden_and_back_to_back_is_fine(w):
    with login(w.path, "coordinator") as s:
        first = plan(s, w, "2026-12-01T10:00")
        before = table_counts(s)
        found = conflicts_of(lambda: plan(s, w, "2026-12-01T10:30", case=w.case3, child=w.child2,
                                          who=w.interviewer2))
        assert [(c.code, c.key) for c in found] == [("room", f"room:{w.room_a}:{first}")]
        assert "Room A" in found[0].message and w.case1_ref in found[0].message
        assert "10:00" in found[0].message            # shown in the centre's local time
        assert table_counts(s) == before
        # End == start is no clash, on either side.
        plan(s, w, "2026-12-01T11:00", case=w.case3, child=w.child2, who=w.interviewer2)
        plan(s, w, "2026-12-01T09:00", case=w.case3, child=w.child2, who=w.interviewer2,
             justification="Split session.")
        # With a written reason for the one conflict it books, and the reason is kept.
        reason = "Room B is flooded; the other family agreed to wait in the garden."
        iid = plan(s, w, "2026-12-01T10:15", minutes=30, case=w.case3, child=w.child2, who=w.interviewer2,
                   justification="Third session.", overrides={found[0].key: reason})
        iv = s.get_interview(iid)
        assert [(o["conflict"], o["detail"], o["reason"], o["by_name"]) for o in iv["overrides"]] == [
            ("room", found[0].key, reason, "Coordinator")]
    with login(w.path, "coordinator") as s:
        _assert_override_audited(s, w, iid, ["room"], [reason])


def test_a_booking_touching_another_is_still_checked_by_the_minute(w):
    with login(w.path, "coordinator") as s:
        first = plan(s, w, "2026-12-01T10:00")
        # 10:59 start overlaps by one minute; 11:00 does not.
        found = check(s, w, "2026-12-01T10:59", case=w.case3, child=w.child2, who=w.interviewer2).conflicts
        assert [c.key for c in found] == [f"room:{w.room_a}:{first}"]
        assert check(s, w, "2026-12-01T11:00", case=w.case3, child=w.child2, who=w.interviewer2).conflicts == ()
        assert check(s, w, "2026-12-01T09:00", case=w.case3, child=w.child2, who=w.interviewer2).conflicts == ()
        found = check(s, w, "2026-12-01T09:00", minutes=61, case=w.case3, child=w.child2,
                      who=w.interviewer2).conflicts
        assert [c.code for c in found] == ["room"]


def test_staff_booked_twice_interviewer_and_user_participant(w):
    observer = [{"role": "observer_social_services", "user_id": w.coordinator}]
    with login(w.path, "coordinator") as s:
        first = plan(s, w, "2026-12-01T10:00", participants=observer)
        before = table_counts(s)
        # The same interviewer in another room at an overlapping time.
        found = conflicts_of(lambda: plan(s, w, "2026-12-01T10:30", case=w.case3, child=w.child2, room=w.room_b))
        assert [(c.code, c.key) for c in found] == [("staff", f"staff:{w.interviewer}:{first}")]
        assert "Interviewer" in found[0].message
        # A user taking part (not leading) is booked too.
        found = conflicts_of(lambda: plan(s, w, "2026-12-01T10:45", case=w.case3, child=w.child2, room=w.room_b,
                                          who=w.interviewer2, participants=observer))
        assert [(c.code, c.key) for c in found] == [("staff", f"staff:{w.coordinator}:{first}")]
        # ... and leading one while taking part in the other is a clash as well.
        second_obs = [{"role": "technician", "user_id": w.interviewer2}]
        found = conflicts_of(lambda: plan(s, w, "2026-12-01T10:45", case=w.case3, child=w.child2, room=w.room_b,
                                          who=w.interviewer, participants=second_obs))
        assert {c.key for c in found} == {f"staff:{w.interviewer}:{first}"}
        assert table_counts(s) == before
        reason = "Coordinator observes both from the shared observation room."
        iid = plan(s, w, "2026-12-01T10:45", case=w.case3, child=w.child2, room=w.room_b, who=w.interviewer2,
                   participants=observer, overrides={f"staff:{w.coordinator}:{first}": reason})
        assert [o["reason"] for o in s.get_interview(iid)["overrides"]] == [reason]
        assert [p["display"] for p in s.get_interview(iid)["participants"]] == ["Coordinator"]
        # A disabled user cannot be planned as a participant.
        with pytest.raises(ValidationError) as e:
            plan(s, w, "2026-12-05T10:00", case=w.case3, child=w.child2, participants=[
                {"role": "observer_police", "user_id": 999}], justification="x")
        assert e.value.field == "participants"
    with login(w.path, "coordinator") as s:
        _assert_override_audited(s, w, iid, ["staff"], [reason])


def test_no_contact_within_the_buffer_and_its_edges(w):
    offender_in = [{"role": "other", "person_id": w.offender}]
    with login(w.path, "coordinator") as s:
        # The alleged offender comes to the building for another child's case, 10:00-11:00.
        other = plan(s, w, "2026-12-01T10:00", case=w.case3, child=w.child2, room=w.room_b, who=w.interviewer2,
                     participants=offender_in)
        key = f"no_contact:{w.offender}:{other}"

        def keys(start, minutes=60):
            return [c.key for c in check(s, w, start, minutes=minutes).conflicts]

        # Default buffer 60 minutes: child1 may start at 12:00 at the earliest, end by 09:00.
        assert keys("2026-12-01T10:30") == [key]        # overlapping
        assert keys("2026-12-01T11:59") == [key]        # a minute inside the buffer
        assert keys("2026-12-01T12:00") == []           # exactly at the boundary
        assert keys("2026-12-01T08:01") == [key]        # ends 09:01: a minute inside
        assert keys("2026-12-01T08:00") == []           # ends 09:00: at the boundary
        found = [c for c in check(s, w, "2026-12-01T11:30").conflicts]
        assert found[0].code == "no_contact" and "60 minutes" in found[0].message
        assert "Exampleson" in found[0].message and w.case3_ref in found[0].message

        before = table_counts(s)
        with pytest.raises(ConflictsFound) as e:
            plan(s, w, "2026-12-01T11:59")
        assert "no-contact" in str(e.value)
        for name in NAMES:
            assert name not in str(e.value)          # str(e) may reach a log: no names
        assert table_counts(s) == before
    with login(w.path, "admin") as a:
        a.set_setting("no_contact_buffer_minutes", 15)
    with login(w.path, "coordinator") as s:
        assert [c.key for c in check(s, w, "2026-12-01T11:14").conflicts] == [key]
        assert check(s, w, "2026-12-01T11:15").conflicts == ()
        assert [c.key for c in check(s, w, "2026-12-01T08:46").conflicts] == [key]
        assert check(s, w, "2026-12-01T08:45").conflicts == ()
        assert "15 minutes" in check(s, w, "2026-12-01T11:14").conflicts[0].message
        reason = "Police escort the alleged offender out through the back; agreed with the unit."
        iid = plan(s, w, "2026-12-01T11:10", overrides={key: reason})
        assert [(o["conflict"], o["reason"]) for o in s.get_interview(iid)["overrides"]] == [("no_contact", reason)]
    with login(w.path, "admin") as a:
        a.set_setting("no_contact_buffer_minutes", 0)
    with login(w.path, "coordinator") as s:
        # Buffer 0: only a real overlap; the offender's side is checked too (the child is booked).
        assert check(s, w, "2026-12-01T09:00", room=w.room_c).conflicts == ()
        assert [c.key for c in check(s, w, "2026-12-01T09:01", room=w.room_c).conflicts] == [key]
        found = check(s, w, "2026-12-01T11:30", case=w.case3, child=w.child2, room=w.room_c,
                      who=w.interviewer2, participants=offender_in).conflicts
        assert [c.key for c in found] == [f"no_contact:{w.child1}:{iid}"]
    with login(w.path, "coordinator") as s:
        _assert_override_audited(s, w, iid, ["no_contact"], [reason])


def test_the_offender_planned_into_the_childs_own_interview(w):
    with login(w.path, "coordinator") as s:
        parts = [{"role": "other", "person_id": w.offender}]
        before = table_counts(s)
        found = conflicts_of(lambda: plan(s, w, "2026-12-01T10:00", participants=parts))
        a, b = sorted((w.child1, w.offender))
        assert [(c.code, c.key) for c in found] == [("no_contact", f"no_contact:{a}:{b}:same")]
        assert "never meet" in found[0].message
        assert table_counts(s) == before
        reason = "Confrontation ordered by the court via video link; they are in different rooms."
        iid = plan(s, w, "2026-12-01T10:00", participants=parts, overrides={found[0].key: reason})
        assert s.get_interview(iid)["overrides"][0]["reason"] == reason
    with login(w.path, "coordinator") as s:
        _assert_override_audited(s, w, iid, ["no_contact"], [reason])


def test_an_override_covers_only_its_own_conflict(w):
    with login(w.path, "coordinator") as s:
        first = plan(s, w, "2026-12-01T10:00")
        second = plan(s, w, "2026-12-01T11:00", case=w.case3, child=w.child2, who=w.interviewer2)
        room1, room2 = f"room:{w.room_a}:{first}", f"room:{w.room_a}:{second}"
        staff2 = f"staff:{w.interviewer2}:{second}"
        child1 = f"child:{w.child1}:{first}"  # the same child cannot be in two interviews at once
        # 10:30-11:30 in room A by interviewer2 clashes with both bookings (room) and interviewer2.
        found = conflicts_of(lambda: plan(s, w, "2026-12-01T10:30", case=w.case2, who=w.interviewer2,
                                          justification="x"))
        assert {c.key for c in found} == {room1, room2, staff2, child1}
        before = table_counts(s)
        for given in ({room1: "ok"}, {room1: "ok", room2: "ok"}, {room1: "ok", staff2: "ok", child1: "ok"},
                      {f"room:{w.room_a}:{first + 100}": "ok", room2: "ok", staff2: "ok", child1: "ok"},
                      {"room": "ok", "staff": "ok", "*": "ok"}):
            with pytest.raises(ConflictsFound) as e:
                plan(s, w, "2026-12-01T10:30", case=w.case2, who=w.interviewer2, justification="x", overrides=given)
            assert {c.key for c in e.value.check.unresolved(given)} == {room1, room2, staff2, child1} - set(given)
        # A blank reason is no reason.
        with pytest.raises(ValidationError) as e:
            plan(s, w, "2026-12-01T10:30", case=w.case2, who=w.interviewer2, justification="x",
                 overrides={room1: "  ", room2: "ok", staff2: "ok", child1: "ok"})
        assert e.value.field == "override_reason"
        assert table_counts(s) == before
        iid = plan(s, w, "2026-12-01T10:30", case=w.case2, who=w.interviewer2, justification="x",
                   overrides={room1: "r1", room2: "r2", staff2: "s2", child1: "c1"})
        assert sorted((o["detail"], o["reason"]) for o in s.get_interview(iid)["overrides"]) == sorted(
            [(room1, "r1"), (room2, "r2"), (staff2, "s2"), (child1, "c1")])


# --- daylight saving (Europe/Stockholm) -----------------------------------------------------------

def test_a_time_that_does_not_exist_or_happens_twice_is_refused(w):
    with login(w.path, "coordinator") as s:
        before = table_counts(s)
        with pytest.raises(ValidationError) as e:
            plan(s, w, "2026-03-29T02:30")
        assert e.value.field == "starts_at"
        assert "2026-03-29 02:30 does not exist in Europe/Stockholm" in e.value.message
        with pytest.raises(ValidationError) as e:
            plan(s, w, datetime(2026, 10, 25, 2, 30))
        assert e.value.field == "starts_at"
        assert "happens twice" in e.value.message and "UTC offset" in e.value.message
        with pytest.raises(ValidationError) as e:
            check(s, w, "2026-10-25 02:30")
        assert "happens twice" in e.value.message
        assert table_counts(s) == before
        # Aware times in the repeated hour are what they say, either way they are given.
        first = plan(s, w, "2026-10-25T02:30+02:00", minutes=20)
        assert s.get_interview(first)["starts_at_utc"] == "2026-10-25T00:30:00.000000Z"
        second = plan(s, w, datetime(2026, 10, 25, 2, 30, tzinfo=STOCKHOLM, fold=1), minutes=20,
                      case=w.case3, child=w.child2, who=w.interviewer2)
        assert s.get_interview(second)["starts_at_utc"] == "2026-10-25T01:30:00.000000Z"
        # Just outside the changes, naive times are fine.
        assert s.get_interview(plan(s, w, "2026-03-29T03:00", case=w.case3, child=w.child2,
                                    justification="x"))["starts_at_utc"] == "2026-03-29T01:00:00.000000Z"


def test_overlaps_across_the_fall_back_change_are_judged_in_real_time(w):
    with login(w.path, "coordinator") as s:
        # A: 02:40 summer time (00:40 UTC) for 40 minutes: ends 01:20 UTC, which is 02:20 winter time.
        a = plan(s, w, "2026-10-25T02:40+02:00", minutes=40)
        assert stored_utc(s, a) == (datetime(2026, 10, 25, 0, 40, tzinfo=timezone.utc),
                                    datetime(2026, 10, 25, 1, 20, tzinfo=timezone.utc))
        # B: 02:00-02:15 winter time looks like it ends before A's 02:40 on the wall clock, but
        # is 01:00-01:15 UTC: inside A.
        found = check(s, w, "2026-10-25T02:00+01:00", minutes=15, case=w.case3, child=w.child2,
                      who=w.interviewer2).conflicts
        assert [c.key for c in found] == [f"room:{w.room_a}:{a}"]
        # C: 02:10-02:40 summer time and D: 02:20-02:50 winter time overlap on the wall clock
        # but are 00:10-00:40 and 01:20-01:50 UTC: no clash.
        c = plan(s, w, "2026-10-25T02:10+02:00", minutes=30, room=w.room_b, case=w.case3, child=w.child2,
                 who=w.interviewer2)
        d = plan(s, w, "2026-10-25T02:20+01:00", minutes=30, room=w.room_b, case=w.case2,
                 justification="Second session after the break.")
        assert stored_utc(s, c)[1] < stored_utc(s, d)[0]
        # The same two as seen in the calendar and its export, in local time with their offsets.
        cal = s.calendar(date(2026, 10, 25), date(2026, 10, 25), TZ)
        assert {b.id for b in cal} == {a, c, d}
        ics = icalendar.Calendar.from_ical(s.calendar_ics(date(2026, 10, 25), date(2026, 10, 25), TZ))
        starts = {str(e["uid"]).split("@")[0]: e.decoded("dtstart") for e in ics.walk("VEVENT")}
        assert starts[f"interview-{d}"].astimezone(timezone.utc) == datetime(2026, 10, 25, 1, 20, tzinfo=timezone.utc)
        assert starts[f"interview-{c}"].astimezone(timezone.utc) == datetime(2026, 10, 25, 0, 10, tzinfo=timezone.utc)


def test_a_booking_over_the_spring_forward_change_lasts_its_real_duration(w):
    with login(w.path, "coordinator") as s:
        # 01:30 winter time for two hours: 00:30-02:30 UTC, that is until 04:30 summer time.
        iid = plan(s, w, "2026-03-29T01:30", minutes=120)
        start, end = stored_utc(s, iid)
        assert end - start == timedelta(minutes=120)
        assert start == datetime(2026, 3, 29, 0, 30, tzinfo=timezone.utc)
        assert end.astimezone(STOCKHOLM).strftime("%H:%M") == "04:30"
        # 04:00 summer time is 02:00 UTC: still inside; 04:30 is not.
        assert [c.code for c in check(s, w, "2026-03-29T04:00", case=w.case3, child=w.child2,
                                      who=w.interviewer2).conflicts] == ["room"]
        assert check(s, w, "2026-03-29T04:30", case=w.case3, child=w.child2, who=w.interviewer2).conflicts == ()
        ics = icalendar.Calendar.from_ical(s.calendar_ics(date(2026, 3, 29), date(2026, 3, 29), TZ))
        (ev,) = ics.walk("VEVENT")
        utc = [ev.decoded(k).astimezone(timezone.utc) for k in ("dtstart", "dtend")]
        assert utc == [start, end]
        assert ev.decoded("dtend").replace(tzinfo=None) == datetime(2026, 3, 29, 4, 30)


# --- jurisdiction rules -------------------------------------------------------------------------

def _case_with_child(s, jurisdiction: str, dob: str | None) -> tuple[int, int]:
    child = s.create_person(given_name="Testa", family_name="Exampledottir", date_of_birth=dob,
                            acknowledge_duplicates=True)
    case = s.create_case(jurisdiction=jurisdiction, **REFERRAL)
    s.add_child(case["id"], child, "victim")
    return case["id"], child


def test_spain_under_14_testifies_once_as_pre_constituted_evidence(w):
    with login(w.path, "coordinator") as s:
        case, child = _case_with_child(s, "ES", "2014-05-06")          # 12 in December 2026
        first = check(s, w, "2026-12-01T10:00", case=case, child=child)
        assert first.pre_constituted and first.conflicts == ()
        (warning,) = first.warnings
        assert "Pre-constituted" in warning and "ES" in warning
        for label in ("Observer: judge", "Observer: prosecutor", "Observer: defence"):
            assert label in warning
        with_judge = check(s, w, "2026-12-01T10:00", case=case, child=child,
                           participants=[{"role": "observer_judge", "name": "Judge Example"},
                                         {"role": "observer_defence", "name": "Counsel Example"}])
        (warning,) = with_judge.warnings
        assert "Observer: prosecutor" in warning and "judge" not in warning and "defence" not in warning
        iid = plan(s, w, "2026-12-01T10:00", case=case, child=child)
        assert s.get_interview(iid)["pre_constituted"] is True

        before = table_counts(s)
        found = conflicts_of(lambda: plan(s, w, "2026-12-10T10:00", case=case, child=child,
                                          justification="The court asks for more."))
        assert [(c.code, c.key) for c in found] == [("testify_once", f"testify_once:{child}")]
        assert "under 14" in found[0].message and "ES" in found[0].message
        assert table_counts(s) == before
        again = plan(s, w, "2026-12-10T10:00", case=case, child=child, justification="The court asks for more.",
                     overrides={found[0].key: "Ordered by the investigating judge."})
        assert s.get_interview(again)["overrides"][0]["conflict"] == "testify_once"
        # The rule follows the child into any case of theirs in Spain (the count is across cases).
        case2 = s.create_case(jurisdiction="ES", **REFERRAL)["id"]
        s.add_child(case2, child, "witness")
        assert [c.code for c in check(s, w, "2026-12-15T10:00", case=case2, child=child).conflicts] == [
            "testify_once"]


def test_spain_15_year_old_and_sweden_have_no_such_rule(w):
    with login(w.path, "coordinator") as s:
        case15, child15 = _case_with_child(s, "ES", "2011-01-01")       # 15 in December 2026
        plan(s, w, "2026-12-01T10:00", case=case15, child=child15)
        second = check(s, w, "2026-12-10T10:00", case=case15, child=child15)
        assert second.conflicts == () and not second.pre_constituted and second.warnings == ()
        assert second.justification_required
        # Sweden: no rule set, even for a 12-year-old.
        plan(s, w, "2026-12-02T10:00")
        se = check(s, w, "2026-12-10T10:00")
        assert se.conflicts == () and not se.pre_constituted and se.warnings == ()


def test_spain_the_age_is_judged_on_the_local_date_of_the_interview(w):
    """00:30 on the child's 14th birthday in Stockholm is still the day before in UTC."""
    with login(w.path, "coordinator") as s:
        case, child = _case_with_child(s, "ES", "2012-12-10")
        day_before = check(s, w, "2026-12-09T23:30", case=case, child=child)
        assert day_before.pre_constituted
        birthday = check(s, w, "2026-12-10T00:30", case=case, child=child)
        assert not birthday.pre_constituted and birthday.warnings == ()


def test_spain_unknown_date_of_birth_is_a_warning(w):
    with login(w.path, "coordinator") as s:
        case, child = _case_with_child(s, "ES", None)
        result = check(s, w, "2026-12-01T10:00", case=case, child=child)
        assert not result.pre_constituted and result.conflicts == ()
        assert [x for x in result.warnings if "date of birth is not known" in x and "ES" in x]
        se_case, se_child = _case_with_child(s, "SE", None)
        assert check(s, w, "2026-12-01T10:00", case=se_case, child=se_child).warnings == ()


# --- moving and the states of an interview ------------------------------------------------------

def test_moving_rechecks_conflicts_and_leaves_the_row_on_refusal(w):
    with login(w.path, "coordinator") as s:
        busy = plan(s, w, "2026-12-01T10:00", case=w.case3, child=w.child2, room=w.room_b, who=w.interviewer2)
        iid = plan(s, w, "2026-12-02T10:00")
        row = s.get_interview(iid)
        before = table_counts(s)
        assert before["interviews"] == 2
        found = conflicts_of(lambda: s.move_interview(iid, "2026-12-01T10:15", room_id=w.room_b))
        assert {c.key for c in found} == {f"room:{w.room_b}:{busy}"}
        found = conflicts_of(lambda: s.move_interview(iid, "2026-12-01T10:15", interviewer_id=w.interviewer2))
        assert {c.key for c in found} == {f"staff:{w.interviewer2}:{busy}"}
        assert table_counts(s) == before and s.get_interview(iid) == row
        # Moving within its own old slot is no clash with itself; the duration is kept.
        s.move_interview(iid, "2026-12-02T10:30")
        start, end = stored_utc(s, iid)
        assert start == datetime(2026, 12, 2, 9, 30, tzinfo=timezone.utc) and end - start == timedelta(minutes=60)
        s.move_interview(iid, "2026-12-01T10:15", duration_minutes=30, room_id=w.room_b,
                         overrides={f"room:{w.room_b}:{busy}": "Shared with the technician's consent."})
        moved = s.get_interview(iid)
        assert moved["room_id"] == w.room_b and moved["ends_at_utc"] == "2026-12-01T09:45:00.000000Z"
        assert [o["conflict"] for o in moved["overrides"]] == ["room"]
        assert [json.loads(d)["overridden"] for _a, d in audit(s, "interview.moved")] == [[], ["room"]]
        with pytest.raises(ValidationError) as e:
            s.move_interview(iid, "2026-03-29T02:30")
        assert e.value.field == "starts_at"


def test_state_rules_of_cancel_decline_and_record(w):
    with login(w.path, "coordinator") as s:
        parts = [{"role": "observer_police", "name": "Officer Example"},
                 {"role": "interpreter", "name": "Interpreter Example", "language": "ar"}]
        iid = plan(s, w, "2026-11-02T10:00", participants=parts, language="sv", interpreter_language="ar",
                   protocol="nichd")
        p_ids = [p["id"] for p in s.get_interview(iid)["participants"]]
        before = table_counts(s)
        for bad, field in (
                (dict(actual_start="2026-11-02T10:05", actual_end="2026-11-02T10:00"), "actual_end"),
                (dict(actual_start="2026-11-02T10:05", actual_end="2026-11-02T10:55",
                      breaks=[("2026-11-02T10:50", "2026-11-02T11:05")]), "breaks"),
                (dict(actual_start="2026-11-02T10:05", actual_end="2026-11-02T10:55",
                      breaks=[("2026-11-02T10:00", "2026-11-02T10:10")]), "breaks"),
                (dict(actual_start="2026-11-02T10:05", actual_end="2026-11-02T10:55",
                      breaks=[("2026-11-02T10:30",)]), "breaks"),
                (dict(actual_start="2026-11-02T10:05", actual_end="2026-11-02T10:55",
                      present={p_ids[0] + 1000: True}), "present"),
                (dict(actual_start="2026-11-02T10:05", actual_end="2026-11-02T10:55",
                      present={p_ids[0]: "yes"}), "present"),
                (dict(actual_start="2026-11-02T10:05", actual_end="2026-11-02T10:55",
                      language_used="Swedish"), "language_used")):
            with pytest.raises(ValidationError) as e:
                s.record_interview(iid, **bad)
            assert e.value.field == field, bad
        with pytest.raises(ValidationError) as e:  # recorded as held only after it ended
            s.record_interview(iid, actual_start="2099-01-01T10:00", actual_end="2099-01-01T11:00")
        assert e.value.field == "actual_start"
        assert table_counts(s) == before
        s.record_interview(iid, actual_start="2026-11-02T10:05", actual_end="2026-11-02T10:55",
                           breaks=[("2026-11-02T10:30", "2026-11-02T10:40")],
                           present={p_ids[0]: True, p_ids[1]: False}, language_used="ar")
        held = s.get_interview(iid)
        assert held["status"] == "held" and held["child_participation"] == "chose_to_take_part"
        assert held["actual_start_utc"] == "2026-11-02T09:05:00.000000Z"
        assert [(b["started_at_utc"], b["ended_at_utc"]) for b in held["breaks"]] == [
            ("2026-11-02T09:30:00.000000Z", "2026-11-02T09:40:00.000000Z")]
        assert [p["present"] for p in held["participants"]] == [True, False]
        assert held["number"] == 1 and s.interview_count(w.child1) == 1
        # A held interview is history: it cannot be moved, cancelled or declined.
        for call in (lambda: s.move_interview(iid, "2026-12-05T10:00"),
                     lambda: s.cancel_interview(iid, "mistake"),
                     lambda: s.record_child_declined(iid)):
            with pytest.raises(ValidationError) as e:
                call()
            assert e.value.field == "status" and "held" in e.value.message
        # Declined: not held, and the child's choice is recorded.
        other = plan(s, w, "2026-12-08T10:00", justification="Follow-up on new details.")
        s.record_child_declined(other, "Chose not to talk today 😊.")
        declined = s.get_interview(other)
        assert declined["status"] == "not_held" and declined["child_participation"] == "chose_not_to"
        assert declined["cancel_reason"] == "Chose not to talk today 😊." and declined["number"] is None
        with pytest.raises(ValidationError) as e:
            s.record_interview(other, actual_start="2026-12-08T10:00", actual_end="2026-12-08T11:00")
        assert e.value.field == "status"
        # Cancelled: nothing more happens to it.
        third = plan(s, w, "2026-12-09T10:00", justification="Rescheduled.")
        with pytest.raises(ValidationError):
            s.cancel_interview(third, "   ")
        s.cancel_interview(third, "Family moved.")
        for call in (lambda: s.cancel_interview(third, "again"),
                     lambda: s.move_interview(third, "2026-12-10T10:00"),
                     lambda: s.record_interview(third, actual_start="2026-12-09T10:00",
                                                actual_end="2026-12-09T11:00")):
            with pytest.raises(ValidationError) as e:
                call()
            assert e.value.field == "status"


def test_child_participation_values(w):
    with login(w.path, "coordinator") as s:
        iid = plan(s, w, "2026-12-01T10:00", child_participation="chose_to_take_part")
        assert s.get_interview(iid)["child_participation"] == "chose_to_take_part"
        before = table_counts(s)
        for bad in ("maybe", None, "", "CHOSE_NOT_TO"):
            with pytest.raises(ValidationError) as e:
                plan(s, w, "2026-12-08T10:00", justification="x", child_participation=bad)
            assert e.value.field == "child_participation"
        assert table_counts(s) == before
        assert s.get_interview(plan(s, w, "2026-12-08T10:00", justification="x"))["child_participation"] == \
            "not_yet_asked"


# --- notes --------------------------------------------------------------------------------------

def test_interviewer_notes_are_shown_only_to_those_who_may_read_them(w):
    secret = "Child used the word 'game' for the abuse; avoid it."
    with login(w.path, "interviewer") as s:
        iid = plan(s, w, "2026-12-01T10:00")
        s.set_interview_notes(iid, secret)
        assert s.get_interview(iid)["notes"] == secret
    with login(w.path, "therapist") as s:
        iv = s.get_interview(iid)
        assert "notes" not in iv and secret not in repr(iv)
        assert all("notes" not in i for i in s.case_interviews(w.case1))
    for user in ("coordinator", "liaison"):
        with login(w.path, user) as s:
            assert s.get_interview(iid)["notes"] == secret
    with login(w.path, "coordinator") as s:
        with pytest.raises(PermissionDenied):
            s.set_interview_notes(iid, "overwritten")
        assert s.get_interview(iid)["notes"] == secret
        assert secret not in json.dumps(audit(s))


# --- the calendar -------------------------------------------------------------------------------

def test_calendar_shows_bookings_overlapping_the_local_days_without_names(w):
    with login(w.path, "coordinator") as s:
        late = plan(s, w, "2026-12-01T23:30")                 # 22:30 UTC on 1 Dec, until 00:30 on 2 Dec
        early = plan(s, w, "2026-12-03T00:30", case=w.case3, child=w.child2, who=w.interviewer2)  # 23:30 UTC 2 Dec
        noon = plan(s, w, "2026-12-02T12:00", room=w.room_b, case=w.case2, justification="x")
        gone = plan(s, w, "2026-12-02T15:00", room=w.room_c, case=w.case3, child=w.child2, justification="x",
                    who=w.interviewer2)
        s.cancel_interview(gone, "Not needed.")

        def ids(a, b, zone=TZ):
            return [x.id for x in s.calendar(a, b, zone)]

        assert ids(date(2026, 12, 1), date(2026, 12, 1)) == [late]
        assert ids(date(2026, 12, 2), date(2026, 12, 2)) == [late, noon]
        assert ids(date(2026, 12, 3), date(2026, 12, 3)) == [early]
        assert ids(date(2026, 11, 30), date(2026, 11, 30)) == []
        assert ids(date(2026, 12, 1), date(2026, 12, 3)) == [late, noon, early]
        # In UTC the same bookings fall on other days.
        assert ids(date(2026, 12, 1), date(2026, 12, 1), "UTC") == [late]
        assert ids(date(2026, 12, 2), date(2026, 12, 2), "UTC") == [noon, early]
        assert ids(date(2026, 12, 3), date(2026, 12, 3), "UTC") == [early]
        bookings = s.calendar(date(2026, 12, 1), date(2026, 12, 3), TZ)
        assert {b.case_reference for b in bookings} == {w.case1_ref, w.case2_ref, w.case3_ref}
        assert {b.status for b in bookings} == {"planned"}
        text = repr([asdict(b) for b in bookings])
        for name in NAMES:
            assert name not in text
        assert bookings[0].room_name == "Room A" and w.case1_ref in bookings[0].title
        for a, b, zone, field in ((date(2026, 12, 2), date(2026, 12, 1), TZ, "end"),
                                  (date(2026, 1, 1), date(2027, 1, 3), TZ, "end"),
                                  ("2026-12-01", date(2026, 12, 1), TZ, "end"),
                                  (date(2026, 12, 1), date(2026, 12, 1), "Mars/Olympus", "time_zone")):
            with pytest.raises(ValidationError) as e:
                s.calendar(a, b, zone)
            assert e.value.field == field


def test_calendar_filters_by_interviewer_and_by_room_in_the_query(w):
    observer = [{"role": "technician", "user_id": w.interviewer2}]
    with login(w.path, "coordinator") as s:
        a = plan(s, w, "2026-12-01T10:00")                                          # interviewer, room A
        b = plan(s, w, "2026-12-01T10:00", case=w.case3, child=w.child2, room=w.room_b, who=w.interviewer2)
        c = plan(s, w, "2026-12-02T13:00", room=w.room_c, justification="x", participants=observer)
        d = plan(s, w, "2026-12-03T09:00", case=w.case3, child=w.child2, room=w.room_a, who=w.interviewer2,
                 justification="x")
        week = (date(2026, 11, 30), date(2026, 12, 6), TZ)

        def ids(**kw):
            return [x.id for x in s.calendar(*week, **kw)]

        assert ids() == [a, b, c, d]
        assert ids(interviewer_id=w.interviewer) == [a, c]
        assert ids(interviewer_id=w.interviewer2) == [b, c, d]     # c: taking part, not leading
        assert ids(room_id=w.room_a) == [a, d]
        assert ids(room_id=w.room_c) == [c]
        assert ids(interviewer_id=w.interviewer2, room_id=w.room_a) == [d]
        assert ids(interviewer_id=w.therapist) == []
        ids(interviewer_id=w.interviewer2, room_id=w.room_a)
        assert audit(s, "calendar.viewed")[-1] == (
            "calendar.viewed", '{"from":"2026-11-30","interviewer":%d,"room":%d,"to":"2026-12-06"}'
            % (w.interviewer2, w.room_a))
        for bad, field in (({"room_id": 0}, "room_id"), ({"room_id": "1"}, "room_id"),
                           ({"interviewer_id": True}, "interviewer_id"), ({"interviewer_id": -3}, "interviewer_id")):
            with pytest.raises(ValidationError) as e:
                s.calendar(*week, **bad)
            assert e.value.field == field


def test_my_interviews_coming_and_held_without_notes(w):
    now = datetime(2026, 12, 5, 9, 0, tzinfo=timezone.utc)
    observer = [{"role": "technician", "user_id": w.interviewer}]
    with login(w.path, "interviewer") as s:
        coming = plan(s, w, "2026-12-08T10:00")                                     # leads it, in 3 days
        later = plan(s, w, "2026-12-30T10:00", justification="x")                   # beyond two weeks
        cancelled = plan(s, w, "2026-12-09T10:00", justification="x")
        s.cancel_interview(cancelled, "Not needed.")
        taking_part = plan(s, w, "2026-12-18T14:00", case=w.case3, child=w.child2, room=w.room_b,
                           who=w.interviewer2, participants=observer)                # another leads it
        not_mine = plan(s, w, "2026-12-10T10:00", case=w.case3, child=w.child2, room=w.room_c,
                        who=w.interviewer2, justification="x")
        no_notes = plan(s, w, "2026-11-02T10:00", justification="x")
        with_notes = plan(s, w, "2026-11-03T10:00", justification="x")
        too_old = plan(s, w, "2026-09-01T10:00", justification="x")
        others = plan(s, w, "2026-11-04T10:00", case=w.case3, child=w.child2, who=w.interviewer2,
                      justification="x")
        for iid, day in ((no_notes, "2026-11-02"), (with_notes, "2026-11-03"), (too_old, "2026-09-01"),
                         (others, "2026-11-04")):
            s.record_interview(iid, actual_start=f"{day}T10:05", actual_end=f"{day}T10:55")
        s.set_interview_notes(with_notes, "Written the same day.")
        mine = s.my_interviews(now)
        assert [(m.id, m.role, m.notes_missing) for m in mine["coming"]] == [
            (coming, "interviewer", False), (taking_part, "participant", False)]
        assert [(m.id, m.status, m.notes_missing) for m in mine["unwritten_notes"]] == [(no_notes, "held", True)]
        first = mine["coming"][0]
        assert (first.case_reference, first.room_name, first.starts_at_utc, first.child_name) == (
            w.case1_ref, "Room A", "2026-12-08T09:00:00.000000Z", "Testa Exampledottir")
        assert mine["unwritten_notes"][0].actual_start_utc == "2026-11-02T09:05:00.000000Z"
        assert {later, cancelled, not_mine, too_old, others, with_notes}.isdisjoint(
            {m.id for part in mine.values() for m in part})
        # a longer look ahead and back
        wide = s.my_interviews(now, ahead_days=30, notes_days=120)
        assert [m.id for m in wide["coming"]] == [coming, taking_part, later]
        assert [m.id for m in wide["unwritten_notes"]] == [too_old, no_notes]
        # whether notes were written is told without the notes section's key
        s.sections.drop("interview_notes")
        assert [m.id for m in s.my_interviews(now)["unwritten_notes"]] == [no_notes]
        assert audit(s, "interview.mine_listed")[-1] == (
            "interview.mine_listed", '{"coming":2,"unwritten_notes":1}')
        for bad, field in (({"now": datetime(2026, 12, 5, 9, 0)}, "now"), ({"ahead_days": 400}, "ahead_days"),
                           ({"notes_days": -1}, "notes_days")):
            with pytest.raises(ValidationError) as e:
                s.my_interviews(**bad)
            assert e.value.field == field
    with login(w.path, "interviewer2") as s:
        mine = s.my_interviews(now)
        assert [m.id for m in mine["coming"]] == [not_mine, taking_part]
        assert [m.id for m in mine["unwritten_notes"]] == [others]
    with login(w.path, "therapist") as s:   # reads the calendar, leads and takes part in nothing
        mine = s.my_interviews(now)
        assert mine == {"coming": [], "unwritten_notes": []}


def test_calendar_ics_confidential_local_times_and_no_names(w):
    with login(w.path, "coordinator") as s:
        a = plan(s, w, "2026-12-01T10:00", participants=[{"role": "trusted_person", "person_id": w.child2}])
        b = plan(s, w, "2026-12-01T13:00", room=w.room_b, case=w.case3, child=w.child2, who=w.interviewer2,
                 participants=[{"role": "observer_social_services", "user_id": w.therapist}])
        c = plan(s, w, "2026-12-02T09:00", room=w.room_c, case=w.case2, justification="x")
        cancelled = plan(s, w, "2026-12-01T15:00", room=w.room_c, case=w.case2, justification="x")
        s.cancel_interview(cancelled, "no")
        data = s.calendar_ics(date(2026, 12, 1), date(2026, 12, 2), TZ)
    for name in NAMES + ("Exampleson", "trusted"):
        assert name.encode() not in data, name
    cal = icalendar.Calendar.from_ical(data)
    events = {str(e["uid"]).split("@")[0]: e for e in cal.walk("VEVENT")}
    assert set(events) == {f"interview-{a}", f"interview-{b}", f"interview-{c}"}
    assert [str(t["tzid"]) for t in cal.walk("VTIMEZONE")] == [TZ]
    ev = events[f"interview-{a}"]
    assert str(ev["class"]) == "CONFIDENTIAL"
    assert all(str(e["class"]) == "CONFIDENTIAL" for e in events.values())
    assert ev["dtstart"].params["TZID"] == TZ
    start = ev.decoded("dtstart")
    assert (start.replace(tzinfo=None), start.utcoffset()) == (datetime(2026, 12, 1, 10, 0), timedelta(hours=1))
    assert ev.decoded("dtend").replace(tzinfo=None) == datetime(2026, 12, 1, 11, 0)
    assert w.case1_ref in str(ev["summary"]) and str(ev["location"]) == "Room A"
    assert str(events[f"interview-{c}"]["location"]) == "Room C"
    assert b"DTSTART;TZID=Europe/Stockholm:20261201T100000" in data

    def mine(user):
        with login(w.path, user) as s:
            return {str(e["uid"]).split("@")[0] for e in icalendar.Calendar.from_ical(
                s.calendar_ics(date(2026, 12, 1), date(2026, 12, 2), TZ, only_mine=True)).walk("VEVENT")}

    assert mine("interviewer") == {f"interview-{a}", f"interview-{c}"}
    assert mine("interviewer2") == {f"interview-{b}"}
    assert mine("therapist") == {f"interview-{b}"}          # a participant, not the lead
    assert mine("liaison") == set()
    with login(w.path, "coordinator") as s:
        empty = icalendar.Calendar.from_ical(s.calendar_ics(date(2027, 1, 1), date(2027, 1, 1), TZ))
        assert empty.walk("VEVENT") == []
        assert [e for e in audit(s, "calendar.exported")]


# --- huge and odd text --------------------------------------------------------------------------

def test_huge_and_odd_text(w):
    with login(w.path, "coordinator") as s:
        plan(s, w, "2026-12-01T10:00")
        before = table_counts(s)
        with pytest.raises(ValidationError) as e:
            plan(s, w, "2026-12-08T10:00", justification="x" * 10_000)
        assert e.value.field == "justification"
        assert e.value.message == "is 10000 characters long; at most 4000 fit."
        assert table_counts(s) == before
        busy = plan(s, w, "2026-12-08T10:00", justification="y" * 4000)
        assert len(s.get_interview(busy)["justification"]) == 4000
        key = f"room:{w.room_a}:{busy}"
        before = table_counts(s)
        for bad in ("ok\u202egnp.exe", "reason\x00", "a\x1bb", "\u2066isolated\u2069"):
            with pytest.raises(ValidationError) as e:
                plan(s, w, "2026-12-08T10:30", case=w.case3, child=w.child2, who=w.interviewer2,
                     overrides={key: bad})
            assert e.value.field == "override_reason" and "control characters" in e.value.message
        with pytest.raises(ValidationError) as e:
            plan(s, w, "2026-12-08T10:30", case=w.case3, child=w.child2, who=w.interviewer2,
                 overrides={key: "z" * 2001})
        assert e.value.field == "override_reason" and "2000" in e.value.message
        assert table_counts(s) == before
        nordic = "Barnet är trött; ÅÄÖ æøå ðþ – 🧸 tålamod.\nRad två."
        iid = plan(s, w, "2026-12-08T10:30", case=w.case3, child=w.child2, who=w.interviewer2,
                   overrides={key: nordic})
        assert s.get_interview(iid)["overrides"][0]["reason"] == nordic
        iid2 = plan(s, w, "2026-12-15T10:00", justification="Ny uppgift från skolan: 🏫 Ærø, Þórshöfn.")
        assert s.get_interview(iid2)["justification"] == "Ny uppgift från skolan: 🏫 Ærø, Þórshöfn."
        with pytest.raises(ValidationError) as e:
            plan(s, w, "2026-12-20T10:00", justification="x", minutes=4)
        assert e.value.field == "duration_minutes"
        with pytest.raises(ValidationError) as e:
            plan(s, w, "2026-12-20T10:00", justification="x", minutes=8 * 60 + 1)
        assert e.value.field == "duration_minutes"
        with pytest.raises(ValidationError) as e:
            s.plan_interview(w.case1, w.child1, "2026-12-20T10:00", 60, w.room_a, w.interviewer,
                             time_zone="Europe/Atlantis", justification="x")
        assert e.value.field == "time_zone"


# --- recording an interview as held: the referral, the plan, now; the case status ------------------

def test_a_held_start_lies_after_the_referral_and_not_in_the_future(w):
    with login(w.path, "coordinator") as s:
        iid = plan(s, w, "2026-03-04T10:00")   # the referral came in at 09:30 that morning (REFERRAL)
        before = table_counts(s)
        with pytest.raises(ValidationError) as e:
            s.record_interview(iid, actual_start="2026-03-04T09:00", actual_end="2026-03-04T09:50")
        assert (e.value.field, e.value.message) == (
            "actual_start", "The interview cannot start before the referral was received (2026-03-04 09:30).")
        now = datetime.now(timezone.utc)
        with pytest.raises(ValidationError) as e:
            s.record_interview(iid, actual_start=now + timedelta(minutes=5), actual_end=now + timedelta(minutes=50))
        assert (e.value.field, e.value.message) == (
            "actual_start", "This start is in the future: record an interview as held after it ended.")
        with pytest.raises(ValidationError) as e:
            s.record_interview(iid, actual_start=now - timedelta(minutes=10), actual_end=now + timedelta(minutes=50),
                               off_plan_reason="Held today")
        assert (e.value.field, e.value.message) == (
            "actual_end", "This end is in the future: record an interview as held after it ended.")
        assert table_counts(s) == before
        s.record_interview(iid, actual_start="2026-03-04T09:30", actual_end="2026-03-04T10:20")  # at the referral
        assert s.get_interview(iid)["actual_start_utc"] == "2026-03-04T08:30:00.000000Z"


def test_a_held_time_beyond_the_tolerance_needs_a_reason_kept_and_audited_without_it(w):
    with login(w.path, "coordinator") as s:
        iid = plan(s, w, "2026-11-02T10:00")
        other = plan(s, w, "2026-11-10T10:00", justification="New details came up.")
        before = table_counts(s)
        for blank in (None, "  "):   # 24 hours and a minute after the planned start
            with pytest.raises(ValidationError) as e:
                s.record_interview(iid, actual_start="2026-11-03T10:01", actual_end="2026-11-03T10:50",
                                   off_plan_reason=blank)
            assert (e.value.field, e.value.message) == (
                "off_plan_reason", "This is more than 24 hours from the planned start (2026-11-02 10:00): write why.")
        with pytest.raises(ValidationError) as e:   # a day and a minute early
            s.record_interview(iid, actual_start="2026-11-01T09:59", actual_end="2026-11-01T10:50")
        assert e.value.field == "off_plan_reason"
        assert table_counts(s) == before
        s.record_interview(iid, actual_start="2026-11-03T10:01", actual_end="2026-11-03T10:50",
                           off_plan_reason="The child was ill on the planned day.")
        held = s.get_interview(iid)
        assert [(o["conflict"], o["reason"]) for o in held["overrides"]] == [
            ("held_off_plan", "The child was ill on the planned day.")]
        s.record_interview(other, actual_start="2026-11-11T10:00", actual_end="2026-11-11T10:40")  # exactly 24 h
        assert s.get_interview(other)["overrides"] == []
        details = [json.loads(d) for _a, d in audit(s, "interview.recorded")]
        assert details == [{"interview": iid, "off_plan": True}, {"interview": other, "off_plan": False}]
        assert "ill" not in json.dumps(audit(s))
    with login(w.path, "admin") as a:
        a.set_setting("held_time_tolerance_hours", 72)
    with login(w.path, "coordinator") as s:
        third = plan(s, w, "2026-11-20T10:00", justification="Another disclosure.")
        s.record_interview(third, actual_start="2026-11-23T09:00", actual_end="2026-11-23T09:45")  # 71 h
        assert s.get_interview(third)["overrides"] == []


def test_holding_an_interview_opens_a_referred_case_once_and_leaves_others(w):
    with login(w.path, "coordinator") as s:
        assert s.get_case(w.case1)["status"] == "referred"
        iid = plan(s, w, "2026-11-02T10:00")
        s.record_interview(iid, actual_start="2026-11-02T10:05", actual_end="2026-11-02T10:55")
        assert s.get_case(w.case1)["status"] == "open"
        assert json.loads(audit(s, "case.updated")[-1][1]) == {
            "fields": ["status"], "status": "open", "because": "interview.recorded"}
        with pytest.raises(ValidationError) as e:   # once only: the button is greyed out for this
            s.record_interview(iid, actual_start="2026-11-02T10:05", actual_end="2026-11-02T10:55")
        assert (e.value.field, e.value.message) == ("status", "This interview is already recorded as held.")
        s.update_case(w.case3, status="closed")
        closed = plan(s, w, "2026-11-04T10:00", case=w.case3, child=w.child2)
        updates = len(audit(s, "case.updated"))
        s.record_interview(closed, actual_start="2026-11-04T10:00", actual_end="2026-11-04T10:30")
        assert s.get_case(w.case3)["status"] == "closed"   # reopening is the case lead's decision
        assert len(audit(s, "case.updated")) == updates


# --- a held interview is shown when it was held ---------------------------------------------------

def test_the_calendar_case_list_and_summary_show_a_held_interview_when_it_was_held(w, tmp_path):
    import re
    import zipfile
    with login(w.path, "coordinator") as s:
        first = plan(s, w, "2026-11-02T10:00")
        second = plan(s, w, "2026-11-03T13:00", room=w.room_b, justification="New details came up.")
        s.record_interview(first, actual_start="2026-11-05T14:00", actual_end="2026-11-05T14:40",
                           off_plan_reason="The child was ill on the planned day.")
        s.record_interview(second, actual_start="2026-11-03T13:05", actual_end="2026-11-03T13:50")
        on = lambda day: [(b.id, b.starts_at_utc, b.ends_at_utc, b.status)   # noqa: E731
                          for b in s.calendar(day, day, TZ)]
        assert on(date(2026, 11, 2)) == []   # nothing where it was planned
        assert on(date(2026, 11, 5)) == [(first, "2026-11-05T13:00:00.000000Z", "2026-11-05T13:40:00.000000Z", "held")]
        assert on(date(2026, 11, 3)) == [(second, "2026-11-03T12:05:00.000000Z", "2026-11-03T12:50:00.000000Z", "held")]
        # Room A is free where the first was planned (no clash to override), and a planned one is
        # shown where it is planned.
        planned = plan(s, w, "2026-11-02T10:00", justification="A third.")
        assert [b[0] for b in on(date(2026, 11, 2))] == [planned]
        assert [c.code for c in check(s, w, "2026-11-05T14:30", room=w.room_c, who=w.interviewer2).conflicts] \
            == ["child"]   # ...and the child is busy when the first was really held
        s.cancel_interview(planned, "Not needed.")
        # The case's list and the numbers follow when they were held: the second planned was held first.
        assert [(iv["id"], iv["number"]) for iv in s.case_interviews(w.case1)] == [
            (planned, None), (second, 1), (first, 2)]
        s.write_case_summary(w.case1_ref, tmp_path / "summary.docx", "docx", time_zone=TZ)
    xml = zipfile.ZipFile(tmp_path / "summary.docx").read("word/document.xml").decode()
    text = re.sub(r"<[^>]+>", "", xml)
    timeline = text[text.index("Referral timeline"):]   # (page one's tables name the same times)
    order = [timeline.index(x) for x in ("Referral received", "2026-11-03 13:05", "Forensic interview held (no. 1)",
                                         "2026-11-05 14:00", "Forensic interview held (no. 2)")]
    assert order == sorted(order)
    assert text.index("Interview 1: 2026-11-03") < text.index("Interview 2: 2026-11-05")
    assert "Held far from the planned time" in text and "The child was ill on the planned day." in text
