"""MDT meetings and case review (issue 13): planning through the interviews' conflict engine (both
ways), attendance and the missing-discipline warning, undertakings, the agenda proposal, one
case's minutes and the child's views, team actions as follow-up reminders, outside actions overdue
to the case lead, approval locking, addenda and who reads which items. Real SQLCipher records
through the public Session API; who may call what is test_policy_matrix's."""
from __future__ import annotations

import json

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from barnahus_app.api import PermissionDenied, ValidationError
from barnahus_app.errors import ConflictsFound
from barnahus_app.meetings.actions import case_decisions, meeting_data, works_on
from tests.support.records import STAFF_PASSWORD, copy_record_folder, login, make_record, raw, sample_case

TZ = "Europe/Stockholm"


@dataclass(frozen=True)
class World:
    path: Path
    case1: int            # sample case: child, alleged offender; led by coordinator
    case1_ref: str
    case2: int            # a second case with a child, led by coordinator
    case2_ref: str
    child1: int
    child2: int
    room_a: int
    room_b: int
    coordinator: int
    coordinator2: int
    interviewer: int
    interviewer2: int
    therapist: int
    liaison: int
    contact: int          # Officer Example, Regional Police (an outside contact)


@pytest.fixture(scope="module")
def _template(tmp_path_factory):
    return {"dir": tmp_path_factory.mktemp("meetings-template"), "world": None}


@pytest.fixture
def w(_template, tmp_path, _isolated_home) -> World:
    if _template["world"] is None:
        path, _ = make_record(_template["dir"])
        with login(path, "admin") as a:
            a.add_user("interviewer2", "Second Interviewer", ["interviewer"], STAFF_PASSWORD)
            a.add_user("coordinator2", "Second Coordinator", ["coordinator"], STAFF_PASSWORD)
            rooms = [a.create_room(n, "meeting") for n in ("Room A", "Room B")]
            users = {u["username"]: u["id"] for u in a.list_users()}
        with login(path, "coordinator") as c:
            case1 = sample_case(c)
            case2 = c.create_case(jurisdiction="SE", referral_received_at="2026-05-04T09:30:00+02:00")
            child2 = c.create_person(given_name="Othera", family_name="Childsdottir", date_of_birth="2015-02-02",
                                     acknowledge_duplicates=True)
            c.add_child(case2["id"], child2, "victim")
            agency = c.create_agency(name="Regional Police", kind="police")
            contact = c.add_staff_contact(agency_id=agency, name="Officer Example")
        _template["world"] = dict(
            case1=case1["id"], case1_ref=case1["reference"], case2=case2["id"], case2_ref=case2["reference"],
            child1=case1["child_id"], child2=child2, room_a=rooms[0], room_b=rooms[1],
            coordinator=users["coordinator"], coordinator2=users["coordinator2"], interviewer=users["interviewer"],
            interviewer2=users["interviewer2"], therapist=users["therapist"], liaison=users["liaison"],
            contact=contact)
    dst = tmp_path / "copy"
    copy_record_folder(_template["dir"], dst)
    return World(path=dst / "centre" / "record.barnahus", **_template["world"])


def conflict_keys(call) -> list[str]:
    with pytest.raises(ConflictsFound) as e:
        call()
    return [c.key for c in e.value.check.conflicts]


def meeting(s, w: World, start="2026-11-10T09:00", kind="case_review", **kw) -> int:
    kw.setdefault("room_id", w.room_a)
    return s.plan_meeting(kind, start, 90, chair_id=w.coordinator, time_zone=TZ, **kw)


def audit_actions(s, prefix: str) -> list[tuple[str, str | None]]:
    conn = raw(s)
    try:
        return [(a, d) for a, d in conn.execute("SELECT action, detail FROM audit_log ORDER BY id")
                if a.startswith(prefix)]
    finally:
        conn.close()


# --- planning: one conflict engine for interviews and meetings ------------------------------------

def test_meetings_and_interviews_conflict_both_ways_over_rooms_and_staff(w):
    with login(w.path, "coordinator") as s:
        iid = s.plan_interview(w.case1, w.child1, "2027-01-12T10:00", 60, w.room_a, w.interviewer, time_zone=TZ)
        # a meeting over the interview's room, and over its interviewer (the minute-taker)
        assert conflict_keys(lambda: meeting(s, w, "2027-01-12T10:30")) == [f"room:{w.room_a}:{iid}"]
        assert conflict_keys(lambda: meeting(s, w, "2027-01-12T09:00", room_id=w.room_b,
                                             minute_taker_id=w.interviewer)) == [f"staff:{w.interviewer}:{iid}"]
        with pytest.raises(ValidationError) as e:       # an override needs a written reason
            meeting(s, w, "2027-01-12T10:30", overrides={f"room:{w.room_a}:{iid}": "  "})
        assert e.value.field == "override_reason"
        assert s.meetings(date(2027, 1, 12), date(2027, 1, 12)) == []
        # no conflict: next door, and the interviewer busy only after
        mid = meeting(s, w, "2027-01-12T08:00", room_id=w.room_b, minute_taker_id=w.interviewer)
        s.set_attendees(mid, [{"user_id": w.interviewer2, "discipline": "centre"},
                              {"contact_id": w.contact, "discipline": "police", "remote": True}])
        # an interview over the meeting's room, and over a user attending it
        keys = conflict_keys(lambda: s.plan_interview(w.case2, w.child2, "2027-01-12T09:00", 60, w.room_b,
                                                      w.interviewer2, time_zone=TZ))
        assert keys == [f"room:{w.room_b}:m{mid}", f"staff:{w.interviewer2}:m{mid}"]
        with pytest.raises(ConflictsFound) as e:
            s.plan_interview(w.case2, w.child2, "2027-01-12T09:00", 60, w.room_b, w.interviewer2, time_zone=TZ)
        assert [c.message for c in e.value.check.conflicts] == [
            "Room B is booked 2027-01-12 08:00–09:30 (Europe/Stockholm) (MDT meeting).",
            "Second Interviewer is booked 2027-01-12 08:00–09:30 (Europe/Stockholm) (MDT meeting)."]
        # a meeting moved onto the interview: the room and the minute-taker
        assert conflict_keys(lambda: s.move_meeting(mid, "2027-01-12T10:00", room_id=w.room_a)) == [
            f"room:{w.room_a}:{iid}", f"staff:{w.interviewer}:{iid}"]
        # remote only: no room, and the no-contact rule never applies to meetings
        remote = s.plan_meeting("urgent", "2027-01-12T10:00", 30, chair_id=w.coordinator, remote=True, time_zone=TZ)
        # another meeting's chair is busy
        assert conflict_keys(lambda: meeting(s, w, "2027-01-12T10:15", room_id=w.room_b)) == [
            f"staff:{w.coordinator}:m{remote}"]
        s.cancel_meeting(remote, "Not needed after all")
        meeting(s, w, "2027-01-12T10:15", room_id=w.room_b)    # a cancelled meeting frees its people
        assert [(a, d) for a, d in audit_actions(s, "meeting.planned")][0] == (
            "meeting.planned", '{"kind":"case_review","overridden":[]}')


def test_the_calendar_and_its_export_show_meetings_without_case_content(w):
    with login(w.path, "coordinator") as s:
        iid = s.plan_interview(w.case1, w.child1, "2027-01-12T10:00", 60, w.room_a, w.interviewer, time_zone=TZ)
        mid = meeting(s, w, "2027-01-12T13:00")
        s.add_agenda_items(mid, [(w.case1, "new")])
        rid = s.plan_meeting("planning", "2027-01-13T09:00", 60, chair_id=w.coordinator, remote=True, time_zone=TZ)
        got = [(b.kind, b.id, b.case_id, b.case_reference, b.room_id, b.room_name, b.staff_name, b.title)
               for b in s.calendar(date(2027, 1, 12), date(2027, 1, 13), TZ)]
        assert got == [
            ("interview", iid, w.case1, w.case1_ref, w.room_a, "Room A", "Interviewer",
             f"Forensic interview – case {w.case1_ref}"),
            ("meeting", mid, None, None, w.room_a, "Room A", "Coordinator", "MDT meeting – Case review"),
            ("meeting", rid, None, None, None, "Remote", "Coordinator", "MDT meeting – Planning meeting"),
        ]
        assert [b.id for b in s.calendar(date(2027, 1, 12), date(2027, 1, 13), TZ, room_id=w.room_a)] == [iid, mid]
        assert [b.id for b in s.calendar(date(2027, 1, 12), date(2027, 1, 13), TZ,
                                         interviewer_id=w.interviewer)] == [iid]
        ics = s.calendar_ics(date(2027, 1, 12), date(2027, 1, 13), TZ).decode()
        assert ics.count("BEGIN:VEVENT") == 3
        assert "SUMMARY:MDT meeting – Case review" in ics and "LOCATION:Remote" in ics
        assert f"UID:meeting-{mid}@" in ics
        assert ics.count(w.case1_ref) == 1          # the interview's; never the meeting's agenda
        assert "Exampledottir" not in ics


# --- attendance and undertakings -------------------------------------------------------------------

def test_attendance_warns_of_missing_core_disciplines_and_undertakings_once_per_contact(w):
    with login(w.path, "coordinator") as s:
        mid = meeting(s, w)
        assert s.missing_disciplines(mid) == ["police", "prosecution", "social_services", "health", "centre"]
        check = s.set_attendees(mid, [
            {"user_id": w.coordinator, "discipline": "social_services", "attendance": "present"},
            {"user_id": w.therapist, "discipline": "health", "attendance": "absent"},
            {"user_id": w.interviewer, "discipline": "centre"},
            {"contact_id": w.contact, "discipline": "police", "remote": True},
        ])
        assert check.missing_disciplines == ("prosecution", "health")     # absent does not count
        assert check.warnings == ("Nobody is expected for: Prosecution, Health.",
                                  "Officer Example has no confidentiality undertaking recorded yet.")
        assert s.missing_disciplines(mid) == ["prosecution", "health"]
        for bad, field in (([{"discipline": "police"}], "attendees"),
                           ([{"user_id": w.therapist, "contact_id": w.contact, "discipline": "police"}], "attendees"),
                           ([{"user_id": w.therapist, "discipline": "astrology"}], "discipline"),
                           ([{"user_id": w.therapist, "discipline": "health", "attendance": "maybe"}], "attendance"),
                           ([{"user_id": w.therapist, "discipline": "health"}] * 2, "attendees")):
            with pytest.raises(ValidationError) as e:
                s.set_attendees(mid, bad)
            assert e.value.field == field
        assert s.missing_disciplines(mid) == ["prosecution", "health"]   # a refused list changed nothing

        assert s.undertaking_of(w.contact) is None
        with pytest.raises(ValidationError):
            s.record_undertaking(w.contact, "2099-01-01")                  # not in the future
        s.record_undertaking(w.contact, "2026-10-01", note="Signed on paper, filed")
        with pytest.raises(ValidationError) as e:
            s.record_undertaking(w.contact, "2026-10-02")
        assert e.value.field == "contact_id" and "once per contact" in e.value.message
        u = s.undertaking_of(w.contact)
        assert (u["signed_on"], u["note"], u["recorded_by_name"]) == ("2026-10-01", "Signed on paper, filed",
                                                                     "Coordinator")
        view = s.meeting_view(mid)
        assert [(a["name"], a["agency"], a["discipline"], a["attendance"], a["remote"], a["undertaking_on"])
                for a in view["attendees"]] == [
            ("Coordinator", None, "social_services", "present", False, None),
            ("Therapist", None, "health", "absent", False, None),
            ("Interviewer", None, "centre", "expected", False, None),
            ("Officer Example", "Regional Police", "police", "expected", True, "2026-10-01"),
        ]
        consult = meeting(s, w, "2026-11-11T09:00", kind="clinical_consultation")
        assert s.missing_disciplines(consult) == []        # it advises, it does not decide


# --- the agenda proposal and the review cycle ------------------------------------------------------

def _close(s, case_id):
    s.update_case(case_id, status="closed")


def _open_referral(s, case_id, status="accepted"):
    conn = raw(s)
    try:
        cur = conn.execute(
            "INSERT INTO referrals (case_id, direction, service, status, created_by, created_at, updated_at) "
            "VALUES (?, 'out', 'child_psychiatry', ?, ?, '2026-10-01T00:00:00.000000Z', "
            "'2026-10-01T00:00:00.000000Z')", (case_id, status, s.user_id))
        conn.commit()
        return cur.lastrowid
    finally:
        conn.close()


def test_agenda_proposal_new_cases_reviews_due_and_cases_still_followed_after_closing(w):
    with login(w.path, "coordinator") as s:
        def case(received):
            c = s.create_case(jurisdiction="SE", referral_received_at=received)
            return c["id"], c["reference"]
        due, due_ref = case("2026-06-01T10:00:00+02:00")          # reviewed, review falls due
        later, _ = case("2026-06-02T10:00:00+02:00")              # reviewed, its own interval is longer
        referred, referred_ref = case("2026-06-03T10:00:00+02:00")  # reviewed, closed, a referral runs
        idle, _ = case("2026-06-04T10:00:00+02:00")               # reviewed, closed, nothing runs
        action, action_ref = case("2026-06-05T10:00:00+02:00")    # never reviewed, closed, an action open
        first = meeting(s, w, "2026-08-31T09:00")
        items = s.add_agenda_items(first, [(due, "new"), (later, "new"), (referred, "new"), (idle, "new")])
        for item in items:
            s.record_item(item, decisions=["Review again at the next meeting"])
        s.hold_meeting(first)
        assert s.case_team(due)["review"] == {"interval_days": None, "default_interval_days": 90,
                                              "last_reviewed_on": "2026-08-31", "next_review_on": "2026-11-29"}
        s.set_review_interval(later, 180)
        assert s.case_team(later)["review"]["next_review_on"] == "2027-02-27"
        _close(s, referred)
        _open_referral(s, referred)
        _close(s, idle)
        s.add_team_action(action, "Police to send the report", "2026-12-20", owner_contact_id=w.contact)
        _close(s, action)
        fresh, fresh_ref = case("2026-11-30T10:00:00+01:00")          # new since the last meeting
        case("2026-12-02T10:00:00+01:00")                             # received after the meeting starts

        second = meeting(s, w, "2026-12-01T09:00")
        proposal = s.cases_due(second)
        # new ones first (oldest referral first; sample cases received before too), then by review date
        assert [(p["case_reference"], p["reason"], p["next_review_on"], p["status"]) for p in proposal] == [
            (w.case1_ref, "new", None, "referred"),
            (w.case2_ref, "new", None, "referred"),
            (action_ref, "new", None, "closed"),
            (fresh_ref, "new", None, "referred"),
            (due_ref, "review_due", "2026-11-29", "referred"),
            (referred_ref, "review_due", "2026-11-29", "closed"),
        ]
        s.add_agenda_items(second, [(w.case1, "new")])
        assert w.case1 not in [p["case_id"] for p in s.cases_due(second)]   # on the agenda already

        # the referral ends: the closed case leaves the list; an open follow-up keeps one there
        conn = raw(s)
        conn.execute("UPDATE referrals SET status = 'lost_to_follow_up' WHERE case_id = ?", (referred,))
        conn.commit()
        conn.close()
        assert referred not in [p["case_id"] for p in s.cases_due(second)]
        child = s.create_person(given_name="Followa", family_name="Upsdottir", date_of_birth="2016-01-01",
                                acknowledge_duplicates=True)
        s.add_child(idle, child, "victim")
        s.add_followup_rule(child, "recurring_review", idle, due_on="2027-03-01", interval_months=6)
        assert [p["reason"] for p in s.cases_due(second) if p["case_id"] == idle] == ["review_due"]

    # the default interval follows the record setting for the cases on it
    with login(w.path, "admin") as a:
        a.set_setting("review_interval_days", 30)
    with login(w.path, "coordinator") as s:
        assert s.case_team(due)["review"]["next_review_on"] == "2026-09-30"
        assert s.case_team(later)["review"]["next_review_on"] == "2027-02-27"
        with pytest.raises(ValidationError):
            s.set_review_interval(later, 5)


# --- one case's minutes ------------------------------------------------------------------------------

def test_recording_an_item_the_childs_views_agency_updates_and_decisions(w):
    with login(w.path, "coordinator") as s:
        mid = meeting(s, w, minute_taker_id=w.coordinator)
        item, item2 = s.add_agenda_items(mid, [(w.case1, "new"), (w.case2, "urgent")])
        with pytest.raises(ValidationError) as e:
            s.record_item(item, child_heard="not_heard")
        assert e.value.field == "child_not_heard_reason"
        with pytest.raises(ValidationError) as e:
            s.record_item(item, child_views="Wants to stay at school")        # heard how?
        assert e.value.field == "child_heard"
        with pytest.raises(ValidationError) as e:
            s.record_item(item, child_heard="not_heard", child_not_heard_reason="Too young",
                          child_views="Something")
        assert e.value.field == "child_views"
        with pytest.raises(ValidationError) as e:
            s.record_item(item, child_heard="maybe")
        assert e.value.field == "child_heard"
        with pytest.raises(ValidationError) as e:
            s.record_item(item, updates={"police": {"status": "handed_to_court"}})
        assert e.value.field == "updates.police.status"
        with pytest.raises(ValidationError) as e:
            s.record_item(item, updates={"astrology": {"status": None}})
        assert e.value.field == "updates"
        with pytest.raises(ValidationError):
            s.record_item(item, decisions=["  "])
        assert s.meeting_view(mid)["items"][0]["discussed"] is False      # refused saves wrote nothing

        s.record_item(item, child_heard="not_heard", child_not_heard_reason="In hospital this week")
        s.record_item(item, child_heard="trusted_person", child_views="Wants to stay with grandmother",
                      updates={"police": {"status": "investigating", "note": "Two witnesses heard"},
                               "health": {"status": "needed", "note": None}},
                      decisions=["Medical examination this week", "Offer therapy"])
        s.record_item(item, updates={"health": {"status": None, "note": None}})      # removed
        s.record_item(item2, discussed=False, decisions=["Wait for the police"])
        s.record_outcome_explained(item, "2026-11-12", "both")
        with pytest.raises(ValidationError):
            s.record_outcome_explained(item, "2026-11-12", "teacher")
        s.move_agenda_item(item2, 1)
        view = s.meeting_view(mid)
        first, second = view["items"]
        assert (first["case_id"], first["position"], first["reason"], first["discussed"]) == (w.case2, 1, "urgent",
                                                                                             False)
        assert (second["case_reference"], second["position"], second["discussed"], second["child_heard"],
                second["child_views"], second["child_not_heard_reason"]) == (
            w.case1_ref, 2, True, "trusted_person", "Wants to stay with grandmother", None)
        assert second["updates"] == {"police": {"status": "investigating", "note": "Two witnesses heard"}}
        assert second["decisions"] == ["Medical examination this week", "Offer therapy"]
        assert (second["outcome_explained_on"], second["outcome_explained_to"],
                second["outcome_explained_by_name"]) == ("2026-11-12", "both", "Coordinator")
        conn = s.record.engine.connect()
        try:
            assert case_decisions(conn, w.case1) == [
                {"meeting_id": mid, "on": "2026-11-10", "kind": "case_review", "text": "Medical examination this week"},
                {"meeting_id": mid, "on": "2026-11-10", "kind": "case_review", "text": "Offer therapy"}]
            assert meeting_data(conn, mid)["items"][1]["decisions"] == second["decisions"]
        finally:
            conn.close()
        team = s.case_team(w.case1)
        assert team["decisions"] == [
            {"date": "2026-11-10", "meeting_id": mid, "kind": "case_review", "text": "Medical examination this week"},
            {"date": "2026-11-10", "meeting_id": mid, "kind": "case_review", "text": "Offer therapy"}]
        assert team["child_views"] == [{"date": "2026-11-10", "meeting_id": mid, "child_heard": "trusted_person",
                                        "views": "Wants to stay with grandmother", "reason": None}]
        # the audit trail names fields, never what was written
        details = [d for a, d in audit_actions(s, "meeting.item_recorded")]
        assert all("grandmother" not in d and "witnesses" not in d for d in details)
        # a minute-taker's unsaved item survives a lock as a draft
        s.save_draft("meeting_item", item, {"child_views": "Half typed"})
        assert [(d["kind"], d["subject_id"]) for d in s.drafts()] == [("meeting_item", item)]
        s.remove_agenda_item(item2)
        assert [i["case_id"] for i in s.meeting_view(mid)["items"]] == [w.case1]
    with login(w.path, "therapist") as t:
        with pytest.raises(PermissionDenied):
            t.save_draft("meeting_item", item, {"child_views": "Not theirs"})


# --- team actions --------------------------------------------------------------------------------------

def test_user_actions_become_reminders_that_leave_when_done_and_outside_actions_go_to_the_lead(w):
    with login(w.path, "coordinator") as s:
        mid = meeting(s, w)
        item = s.add_agenda_items(mid, [(w.case1, "new")])[0]
        therapy = s.add_team_action(w.case1, "Offer therapy to the child", "2026-12-10",
                                    owner_user_id=w.therapist, item_id=item)
        report = s.add_team_action(w.case1, "Send the police report", "2026-11-20", owner_contact_id=w.contact,
                                   item_id=item)
        school = s.add_team_action(w.case2, "Talk to the school", "2026-12-12", owner_user_id=w.therapist)
        with pytest.raises(ValidationError) as e:
            s.add_team_action(w.case1, "Nobody's", "2026-12-10")
        assert e.value.field == "owner"
        with pytest.raises(ValidationError) as e:
            s.add_team_action(w.case2, "Wrong item", "2026-12-10", owner_user_id=w.therapist, item_id=item)
        assert e.value.field == "item_id"
        assert s.overdue_team_actions("2026-12-05") == [
            {"id": report, "case_id": w.case1, "case_reference": w.case1_ref, "due_on": "2026-11-20",
             "owner": "Officer Example", "agency": "Regional Police"}]
        assert s.overdue_team_actions("2026-11-20") == []          # due that day: not overdue yet
        actions = s.meeting_view(mid)["items"][0]["actions"]
        assert [(a["id"], a["owner_name"], a["agency"], a["status"], a["overdue"]) for a in actions] == [
            (report, "Officer Example", "Regional Police", "open", True),
            (therapy, "Therapist", None, "open", False)]
    with login(w.path, "coordinator2") as other:
        assert other.overdue_team_actions("2026-12-05") == []      # not the case lead
    with login(w.path, "therapist") as t:
        mine = [(r.kind, r.case_reference, r.due.isoformat(), r.discipline)
                for r in t.reminders("2026-12-05") if r.kind == "action_item"]
        assert mine == [("action_item", w.case1_ref, "2026-12-10", "therapist"),
                        ("action_item", w.case2_ref, "2026-12-12", "therapist")]
        # done from Today: the action is done with it
        rule = next(r.rule_id for r in t.reminders("2026-12-05") if r.case_id == w.case2)
        t.complete_reminder(rule, on="2026-12-04")
    with login(w.path, "coordinator") as s:
        assert [(a["id"], a["status"], a["done_on"]) for a in s.case_team(w.case2)["actions"]] == [
            (school, "done", "2026-12-04")]
        s.set_team_action_status(therapy, "done", on="2026-12-03")
        with pytest.raises(ValidationError):
            s.set_team_action_status(therapy, "done")
        with pytest.raises(ValidationError) as e:
            s.set_team_action_status(report, "cancelled")
        assert e.value.field == "reason"
        s.set_team_action_status(report, "cancelled", reason="The police sent it another way")
        assert s.overdue_team_actions("2026-12-05") == []
    with login(w.path, "therapist") as t:
        assert [r for r in t.reminders("2026-12-05") if r.kind == "action_item"] == []
    with login(w.path, "coordinator") as s:
        s.set_team_action_status(therapy, "open")                    # reopened: reminded again
        team = s.case_team(w.case1)
        assert [(a["id"], a["status"], a["done_on"], a["cancel_reason"]) for a in team["actions"]] == [
            (report, "cancelled", None, "The police sent it another way"),
            (therapy, "open", None, None)]
    with login(w.path, "therapist") as t:
        assert [r.case_id for r in t.reminders("2026-12-05") if r.kind == "action_item"] == [w.case1]


# --- approval locks; addenda ---------------------------------------------------------------------------

def test_approving_locks_the_meeting_and_corrections_are_addenda(w):
    with login(w.path, "coordinator") as s:
        mid = meeting(s, w)
        item = s.add_agenda_items(mid, [(w.case1, "new")])[0]
        s.record_item(item, decisions=["Offer therapy"])
        with pytest.raises(ValidationError) as e:
            s.add_minutes_addendum(mid, "Too early")
        assert e.value.field == "status"
        with pytest.raises(ValidationError):
            s.approve_minutes(mid)                                    # not held yet
        future = meeting(s, w, "2027-03-01T09:00")
        with pytest.raises(ValidationError):
            s.hold_meeting(future)                                    # has not started
        s.hold_meeting(mid)
        s.record_item(item, decisions=["Offer therapy", "Review in a month"])   # held: still editable
        s.approve_minutes(mid)
        locked = [
            lambda: s.record_item(item, decisions=["Changed"]),
            lambda: s.add_agenda_items(mid, [(w.case2, "added")]),
            lambda: s.remove_agenda_item(item),
            lambda: s.move_agenda_item(item, 1),
            lambda: s.set_attendees(mid, []),
            lambda: s.update_meeting(mid, title="Renamed"),
            lambda: s.move_meeting(mid, "2026-11-11T09:00"),
            lambda: s.cancel_meeting(mid, "No"),
            lambda: s.hold_meeting(mid),
            lambda: s.approve_minutes(mid),
            lambda: s.record_outcome_explained(item, "2026-11-12", "carer"),
            lambda: s.add_team_action(w.case1, "Late", "2026-12-20", owner_user_id=w.therapist, item_id=item),
        ]
        for call in locked:
            with pytest.raises(ValidationError) as e:
                call()
            assert e.value.field == "status"
        view = s.meeting_view(mid)
        assert view["status"] == "approved" and view["approved_by_name"] == "Coordinator"
        assert view["items"][0]["decisions"] == ["Offer therapy", "Review in a month"]
        a1 = s.add_minutes_addendum(mid, "The second decision was for one month, not two.")
        assert [(a["id"], a["text"], a["by_name"]) for a in s.meeting_view(mid)["addenda"]] == [
            (a1, "The second decision was for one month, not two.", "Coordinator")]
        # append-only in the record itself
        conn = raw(s)
        try:
            with pytest.raises(Exception):
                conn.execute("UPDATE minutes_addenda SET text = 'edited' WHERE id = ?", (a1,))
        finally:
            conn.close()
        assert s.meetings(date(2026, 11, 10), date(2026, 11, 10))[0]["status"] == "approved"


# --- who reads which items -------------------------------------------------------------------------------

def test_an_interviewer_reads_the_items_of_cases_they_work_on_the_liaison_all_the_admin_none(w):
    with login(w.path, "coordinator") as s:
        s.plan_interview(w.case1, w.child1, "2026-11-02T10:00", 60, w.room_a, w.interviewer, time_zone=TZ)
        mid = meeting(s, w)
        s.add_agenda_items(mid, [(w.case1, "new"), (w.case2, "new")])
        conn = s.record.engine.connect()
        try:
            assert works_on(conn, w.interviewer) == {w.case1}
            assert works_on(conn, w.coordinator) == {w.case1, w.case2}     # leads both
            assert works_on(conn, w.therapist) == set()
        finally:
            conn.close()
    with login(w.path, "interviewer") as i:
        view = i.meeting_view(mid)
        assert [x["case_id"] for x in view["items"]] == [w.case1] and view["hidden_items"] == 1
        assert i.case_team(w.case2)["hidden"] is True and i.case_team(w.case2)["decisions"] == []
        assert i.case_team(w.case1)["hidden"] is False
        with pytest.raises(PermissionDenied):
            i.record_item(view["items"][0]["id"], discussed=True)
    with login(w.path, "liaison") as li:
        view = li.meeting_view(mid)
        assert [x["case_id"] for x in view["items"]] == [w.case1, w.case2] and view["hidden_items"] == 0
    with login(w.path, "therapist") as t:
        assert t.meeting_view(mid)["hidden_items"] == 2
    with login(w.path, "admin") as a:
        for call in (lambda: a.meeting_view(mid), lambda: a.meetings(date(2026, 11, 1), date(2026, 11, 30)),
                     lambda: a.case_team(w.case1), lambda: a.cases_due(mid)):
            with pytest.raises(PermissionDenied):
                call()


def test_a_meeting_booked_over_a_conflict_keeps_the_reason_given(w):
    with login(w.path, "coordinator") as s:
        iid = s.plan_interview(w.case1, w.child1, "2027-02-02T10:00", 60, w.room_a, w.interviewer, time_zone=TZ)
        key = f"room:{w.room_a}:{iid}"
        mid = meeting(s, w, "2027-02-02T10:30", overrides={key: "The only room with a screen"})
        conn = raw(s)
        try:
            kept = conn.execute("SELECT meeting_id, conflict, reason FROM meeting_overrides").fetchall()
            with pytest.raises(Exception):      # append-only: a reason is never rewritten
                conn.execute("UPDATE meeting_overrides SET reason = 'x'")
        finally:
            conn.close()
        assert kept == [(mid, key, "The only room with a screen")]
        # the audit trail names the conflict, never the reason
        assert [json.loads(d)["overridden"] for a, d in audit_actions(s, "meeting.planned")] == [[key]]
