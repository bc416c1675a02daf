"""Long-term follow-up without a time limit (issue 5, DOMAIN.md item 11): reminders derived from
record data that never expire, on real SQLCipher records through the public Session API.

Dates: reminders as of dates decades ahead are asked for directly (as_of); what people do
(complete, decline, snooze) happens today or before, as it would."""
from __future__ import annotations

import calendar
import json
import random
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import sqlcipher3
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from barnahus_app.followup import actions as fu
from barnahus_app.record import storage
from barnahus_app.api import NotFound, PermissionDenied, ValidationError
from barnahus_app.demo.followup import add_demo_followup
from tests.support.records import ADMIN_PASSWORD, STAFF_PASSWORD, sample_case

TODAY = fu.local_today()
SOON = TODAY + timedelta(days=30)
DATES = st.dates(date(1990, 1, 1), date(2100, 12, 31))


# --- date arithmetic that holds for a century -------------------------------------------------

@settings(max_examples=2000, deadline=None)
@given(dob=DATES, age=st.integers(0, 110))
def test_birthday_rule_feb_29_falls_on_1_march_in_common_years(dob, age):
    b = fu.birthday(dob, age)
    assert b.year == dob.year + age
    if (dob.month, dob.day) != (2, 29):
        assert (b.month, b.day) == (dob.month, dob.day)
    elif calendar.isleap(b.year):
        assert (b.month, b.day) == (2, 29)
    else:
        assert (b.month, b.day) == (3, 1)
    # ages agree with birthdays: the day before a birthday one is a year younger
    assert fu.age_on(dob, b) == age
    if age:
        assert fu.age_on(dob, b - timedelta(days=1)) == age - 1


def test_birthday_rule_examples():
    leapling = date(2024, 2, 29)
    assert fu.birthday(leapling, 1) == date(2025, 3, 1)
    assert fu.birthday(leapling, 4) == date(2028, 2, 29)
    assert fu.birthday(leapling, 76) == date(2100, 3, 1)  # 2100 is not a leap year
    assert fu.age_on(leapling, date(2025, 2, 28)) == 0
    assert fu.age_on(leapling, date(2025, 3, 1)) == 1
    assert "29 February" in fu.__doc__ and "1 March" in fu.__doc__


@settings(max_examples=2000, deadline=None)
@given(d=DATES, months=st.integers(-1320, 1320))
def test_adding_months_clamps_to_the_month_end(d, months):
    r = fu.add_months(d, months)
    assert (r.year * 12 + r.month) - (d.year * 12 + d.month) == months
    assert r.day == min(d.day, calendar.monthrange(r.year, r.month)[1])
    if d.day <= 28:
        assert fu.add_months(r, -months) == d


@settings(max_examples=500, deadline=None)
@given(anchor=DATES, interval=st.integers(1, 24), steps=st.integers(1, 60))
def test_a_review_series_completed_on_time_never_drifts(anchor, interval, steps):
    """Completed on each due date, occurrence k falls on add_months(anchor, k * interval): the day
    of the month of the first date, clamped, never the clamped day of an earlier month."""
    events, due = [], anchor
    for _ in range(steps):
        events.append(("completed", f"due:{due.isoformat()}", due, None))
        status, pending = fu.compute_state("recurring_review", anchor, interval, (), True, "x", events, None)
        assert status == "active" and len(pending) == 1
        due = pending[0][1]
    assert due == fu.add_months(anchor, steps * interval)
    assert due.day == min(anchor.day, calendar.monthrange(due.year, due.month)[1])


def test_31_january_plus_months():
    jan31 = date(2027, 1, 31)
    assert fu.add_months(jan31, 1) == date(2027, 2, 28)
    assert fu.add_months(jan31, 2) == date(2027, 3, 31)
    assert fu.add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert fu.add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)


ZONES = ("Europe/Stockholm", "Europe/Kyiv", "Europe/Madrid", "Atlantic/Reykjavik", "America/New_York",
         "Australia/Sydney", "Asia/Kolkata")


@settings(max_examples=1000, deadline=None)
@given(day=DATES, hour=st.integers(7, 19), minute=st.integers(0, 59), zone=st.sampled_from(ZONES))
def test_a_time_is_stored_in_utc_and_its_local_date_survives_dst(day, hour, minute, zone):
    local = datetime.combine(day, time(hour, minute), ZoneInfo(zone))
    stored = fu.check_datetime("due_at", local)
    assert stored.endswith("Z")
    back = datetime.fromisoformat(stored.replace("Z", "+00:00")).astimezone(ZoneInfo(zone))
    assert (back.date(), back.hour, back.minute) == (day, hour, minute)
    assert fu.local_date(stored, zone) == day


# --- a record with a child -------------------------------------------------------------------

@pytest.fixture
def child(open_as):
    """A coordinator's case with a child born 3 years before its referral."""
    s = open_as("coordinator")
    dob = date(TODAY.year - 3, TODAY.month, 1)
    pid = s.create_person(given_name="Followa", family_name="Longterm", date_of_birth=dob.isoformat(),
                          dob_status="verified", acknowledge_duplicates=True)
    case = s.create_case(referral_received_at=datetime.combine(TODAY, time(9), timezone.utc), jurisdiction="SE")
    s.add_child(case["id"], pid, "victim")
    return s, pid, case, dob


def kinds_due(s, as_of, upcoming_days=fu.UPCOMING_DAYS):
    return [(r.kind, r.due, r.bucket, r.age) for r in s.reminders(as_of, upcoming_days)]


def test_forty_year_timeline_closed_case_reminders_at_12_15_18_and_still_overdue(child):
    s, pid, case, dob = child
    assert fu.age_on(dob, TODAY) == 3
    ms = s.add_followup_rule(pid, "age_milestone", case["id"], ages=[12, 15, 18])
    review = s.add_followup_rule(pid, "recurring_review", case["id"], interval_months=6, due_on=SOON)
    s.update_case(case["id"], status="closed")  # closed at 5, or any time: nothing changes
    assert s.get_case(case["id"])["closed_at"]

    for age in (12, 15, 18):
        day = fu.birthday(dob, age)
        got = [r for r in s.reminders(day) if r.rule_id == ms]
        mine = [r for r in got if r.age == age]
        assert len(mine) == 1 and mine[0].due == day and mine[0].bucket == "this_week"
        assert mine[0].case_reference == case["reference"] and mine[0].kind == "age_milestone"
        # the milestones before it were never done: still there, overdue
        assert sorted(r.age for r in got if r.bucket == "overdue") == [a for a in (12, 15, 18) if a < age]

    forty = fu.add_years(TODAY, 40)
    late = s.reminders(forty)
    rev = [r for r in late if r.rule_id == review]
    assert [(r.due, r.bucket) for r in rev] == [(SOON, "overdue")]
    assert sorted(r.age for r in late if r.rule_id == ms) == [12, 15, 18]
    assert all(r.bucket == "overdue" for r in late)
    assert s.reminders(fu.add_years(TODAY, 80))  # nor after eighty


def test_completion_ends_it_and_a_recurring_review_goes_on_from_the_completion_date(child):
    s, pid, case, _ = child
    past = TODAY - timedelta(days=400)
    rid = s.add_followup_rule(pid, "recurring_review", case["id"], interval_months=6, due_on=past)
    done_on = past + timedelta(days=20)
    s.complete_reminder(rid, on=done_on)
    nxt = fu.add_months(done_on, 6)
    assert [(r.due, r.occurrence) for r in s.reminders(TODAY) if r.rule_id == rid] == [(nxt, f"due:{nxt}")]
    with pytest.raises(ValidationError, match="future"):
        s.complete_reminder(rid, on=TODAY + timedelta(days=1))

    court = s.add_followup_rule(pid, "court_date", case["id"], due_on=TODAY - timedelta(days=2))
    assert [r.bucket for r in s.reminders(TODAY) if r.rule_id == court] == ["overdue"]
    s.complete_reminder(court)
    assert [r for r in s.reminders(fu.add_years(TODAY, 40)) if r.rule_id == court] == []
    plan = s.followup_plan(pid)
    assert {r["id"]: r["status"] for r in plan["rules"]}[court] == "done"
    with pytest.raises(ValidationError, match="no open reminder"):
        s.complete_reminder(court)


def test_a_moved_court_date_is_a_new_reminder(child):
    s, pid, case, _ = child
    court = s.add_followup_rule(pid, "court_date", case["id"], due_on=TODAY - timedelta(days=1))
    s.complete_reminder(court)
    s.update_followup_rule(court, due_on=TODAY + timedelta(days=3))
    assert [(r.due, r.bucket) for r in s.reminders(TODAY) if r.rule_id == court] == [
        (TODAY + timedelta(days=3), "this_week")]


def test_snoozing_needs_a_new_date_after_today(child):
    s, pid, case, _ = child
    rid = s.add_followup_rule(pid, "action_item", case["id"], due_on=TODAY - timedelta(days=5),
                              note="Call the school")
    for bad in (None, ""):
        with pytest.raises(ValidationError, match="new date"):
            s.snooze_reminder(rid, bad)
    with pytest.raises(ValidationError, match="new date"):
        s.snooze_reminder(rid)
    for bad in (TODAY, TODAY - timedelta(days=1)):
        with pytest.raises(ValidationError, match="after today"):
            s.snooze_reminder(rid, bad)
    s.snooze_reminder(rid, TODAY + timedelta(days=10))
    got = [r for r in s.reminders(TODAY) if r.rule_id == rid]
    assert [(r.due, r.flag, r.bucket) for r in got] == [(TODAY + timedelta(days=10), "snoozed", "upcoming")]
    # snoozed is not done: forty years later it is still there
    assert [r.bucket for r in s.reminders(fu.add_years(TODAY, 40)) if r.rule_id == rid] == ["overdue"]


def test_the_file_itself_refuses_a_snooze_without_a_date_and_a_decline_without_a_reason(child):
    s, pid, case, _ = child
    rid = s.add_followup_rule(pid, "other", case["id"], due_on=TODAY)
    s.complete_reminder(rid)
    conn = sqlcipher3.connect(str(s.record.path))
    try:
        conn.execute('PRAGMA key = "' + storage.raw_key_literal(s.record.key) + '"')
        for action, new_due, reason in (("snoozed", None, None), ("declined", None, None), ("declined", None, "  ")):
            with pytest.raises(sqlcipher3.IntegrityError):
                conn.execute("INSERT INTO followup_events(rule_id, action, occurrence, on_date, new_due, reason, "
                             "by_user, at_utc) VALUES (?, ?, 'once:x', '2026-01-01', ?, ?, 1, 'x')",
                             (rid, action, new_due, reason))
        for sql in ("DELETE FROM followup_events", "UPDATE followup_events SET on_date = '2020-01-01'"):
            with pytest.raises(sqlcipher3.DatabaseError, match="append-only"):
                conn.execute(sql)
    finally:
        conn.close()


def test_declining_needs_a_reason_and_may_offer_again(child):
    s, pid, case, _ = child
    rid = s.add_followup_rule(pid, "recurring_review", case["id"], interval_months=6,
                              due_on=TODAY - timedelta(days=3))
    for bad in ("", "   ", None):
        with pytest.raises(ValidationError, match="reason"):
            s.decline_reminder(rid, bad)
    with pytest.raises(ValidationError, match="after today"):
        s.decline_reminder(rid, "Declined further contact", offer_again=TODAY)
    again = fu.add_years(TODAY, 2)
    s.decline_reminder(rid, "Declined further contact", offer_again=again)
    assert [r for r in s.reminders(TODAY) if r.rule_id == rid] == []
    got = [r for r in s.reminders(again) if r.rule_id == rid]
    assert [(r.due, r.flag, r.bucket) for r in got] == [(again, "offer_again", "this_week")]
    assert [r.bucket for r in s.reminders(fu.add_years(TODAY, 40)) if r.rule_id == rid] == ["overdue"]

    ended = s.add_followup_rule(pid, "recurring_review", case["id"], due_on=TODAY - timedelta(days=1))
    s.decline_reminder(ended, "Declined further contact")
    assert [r for r in s.reminders(fu.add_years(TODAY, 40), 40_000) if r.rule_id == ended] == []
    plan = {r["id"]: r for r in s.followup_plan(pid)["rules"]}
    assert plan[ended]["status"] == "declined"
    assert plan[ended]["events"][-1]["reason"] == "Declined further contact"


def test_declining_a_milestone_ends_only_that_milestone(child):
    s, pid, case, dob = child
    rid = s.add_followup_rule(pid, "age_milestone", case["id"], ages=[4, 12, 18],
                              due_on=TODAY - timedelta(days=400))
    assert [r.age for r in s.reminders(TODAY, 40_000) if r.rule_id == rid] == [4, 12, 18]
    s.decline_reminder(rid, "Family moved abroad")  # the first open one: age 4
    assert [r.age for r in s.reminders(TODAY, 40_000) if r.rule_id == rid] == [12, 18]
    with pytest.raises(ValidationError, match="not an open reminder"):
        s.complete_reminder(rid, occurrence="age:4")
    s.complete_reminder(rid, occurrence="age:18")  # done early, on purpose
    assert [r.age for r in s.reminders(TODAY, 40_000) if r.rule_id == rid] == [12]


def test_full_recovery_ends_recurring_reviews_but_not_milestones_or_dates(child):
    s, pid, case, dob = child
    review = s.add_followup_rule(pid, "recurring_review", case["id"], due_on=TODAY - timedelta(days=10))
    therapy = s.add_followup_rule(pid, "recurring_review", case["id"], due_on=SOON, discipline="therapist")
    ms = s.add_followup_rule(pid, "age_milestone", case["id"])
    court = s.add_followup_rule(pid, "court_date", case["id"], due_on=SOON)
    guardian = s.add_followup_rule(pid, "guardian_review", case["id"], due_on=SOON, interval_months=12)
    s.record_full_recovery(pid, on=TODAY, basis="MDT review: no symptoms for a year")
    later = {r.rule_id for r in s.reminders(fu.add_years(TODAY, 40))}
    assert review not in later and therapy not in later
    assert {ms, court, guardian} <= later
    plan = {r["id"]: r["status"] for r in s.followup_plan(pid)["rules"]}
    assert plan[review] == plan[therapy] == "recovered"
    # a relapse: a new review is planned after the recovery, and the old recovery does not end it
    relapse = s.add_followup_rule(pid, "recurring_review", case["id"], due_on=SOON)
    assert relapse in {r.rule_id for r in s.reminders(fu.add_years(TODAY, 40))}
    with pytest.raises(ValidationError, match="no open reminder"):
        s.complete_reminder(review)


def test_date_of_birth_changes_move_milestones(child):
    s, pid, case, dob = child
    ms = s.add_followup_rule(pid, "age_milestone", case["id"], ages=[12])
    assert [r.due for r in s.reminders(TODAY, 40_000) if r.rule_id == ms] == [fu.birthday(dob, 12)]
    s.update_person(pid, date_of_birth="2024-02-29")
    assert [r.due for r in s.reminders(TODAY, 40_000) if r.rule_id == ms] == [date(2036, 2, 29)]
    s.update_person(pid, date_of_birth=None)
    assert [r for r in s.reminders(TODAY, 40_000) if r.rule_id == ms] == []
    assert {r["id"]: r["status"] for r in s.followup_plan(pid)["rules"]}[ms] == "needs_date_of_birth"
    s.update_person(pid, date_of_birth="2023-02-28")
    s.update_person(pid, notes="no date change: nothing recomputed")
    assert [r.due for r in s.reminders(TODAY, 40_000) if r.rule_id == ms] == [date(2035, 2, 28)]


def test_buckets_and_horizon(child):
    s, pid, case, _ = child
    ids = {d: s.add_followup_rule(pid, "other", case["id"], due_on=TODAY + timedelta(days=d))
           for d in (-1, 0, 6, 7, 60, 61)}
    got = {r.rule_id: r.bucket for r in s.reminders(TODAY)}
    assert [got.get(ids[d]) for d in (-1, 0, 6, 7, 60, 61)] == [
        "overdue", "this_week", "this_week", "upcoming", "upcoming", None]
    assert fu.bucket_counts(s.reminders(TODAY)) == {"overdue": 1, "this_week": 2, "upcoming": 2}


def test_a_court_date_with_a_time_keeps_its_zone_across_dst():
    # 2027-03-28: clocks go forward in Stockholm at 02:00; 00:30 local is still the 28th there
    # but the 27th in UTC
    local = datetime(2027, 3, 28, 0, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
    stored = fu.check_datetime("due_at", local)
    assert stored.startswith("2027-03-27T23:30")
    assert fu.local_date(stored, "Europe/Stockholm") == date(2027, 3, 28)


def test_court_date_with_time_zone(child):
    s, pid, case, _ = child
    rid = s.add_followup_rule(pid, "court_date", case["id"], due_at="2027-10-31T00:30:00+02:00",
                              time_zone="Europe/Stockholm")  # the night summer time ends
    rule = next(r for r in s.followup_plan(pid)["rules"] if r["id"] == rid)
    assert rule["due_at_utc"] == "2027-10-30T22:30:00.000000Z" and rule["time_zone"] == "Europe/Stockholm"
    assert rule["due_on"] == "2027-10-31"
    with pytest.raises(ValidationError, match="time zone"):
        s.add_followup_rule(pid, "court_date", case["id"], due_at="2027-10-31T09:00:00+01:00")
    with pytest.raises(ValidationError, match="time zone"):
        s.add_followup_rule(pid, "court_date", case["id"], due_at="2027-10-31T09:00:00+01:00",
                            time_zone="Mars/Olympus")


def test_rule_validation(child):
    s, pid, case, _ = child
    with pytest.raises(ValidationError, match="kind"):
        s.add_followup_rule(pid, "statute_warning", case["id"], due_on=SOON)
    with pytest.raises(ValidationError, match="due_on"):
        s.add_followup_rule(pid, "court_date", case["id"])
    with pytest.raises(ValidationError, match="ages"):
        s.add_followup_rule(pid, "age_milestone", case["id"], ages=[0])
    with pytest.raises(ValidationError, match="interval_months"):
        s.add_followup_rule(pid, "court_date", case["id"], due_on=SOON, interval_months=6)
    with pytest.raises(ValidationError, match="discipline"):
        s.add_followup_rule(pid, "other", case["id"], due_on=SOON, discipline="admin")
    other = s.create_person(given_name="Notachild", family_name="Inanycase", acknowledge_duplicates=True)
    with pytest.raises(ValidationError, match="not a child"):
        s.add_followup_rule(other, "other", None, due_on=SOON)
    with pytest.raises(NotFound):
        s.complete_reminder(999_999)
    fixity = s.add_followup_rule(pid, "fixity_check", case["id"], due_on=SOON, interval_months=12,
                                 subject_id=17)
    rule = next(r for r in s.followup_plan(pid)["rules"] if r["id"] == fixity)
    assert (rule["discipline"], rule["subject_kind"], rule["subject_id"]) == ("interviewer", "recording", 17)
    assert fu.carer_survey_dates(date(2026, 12, 31)) == (date(2027, 1, 10), date(2027, 2, 28))


# --- scope and permissions ------------------------------------------------------------------------

@pytest.fixture
def team(record_path, open_as):
    """Rules of every discipline in a case led by 'coordinator', a person-level rule, and a second
    coordinator who leads another case."""
    from barnahus_app.api import open_record
    from tests.support.records import FAST_KDF
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as a:
        a.add_user("coordinator2", "Coordinator Two", ["coordinator"], STAFF_PASSWORD)
        a.add_user("cotherapist", "Coord Therapist", ["coordinator", "therapist"], STAFF_PASSWORD)
        a.add_user("liaisonmed", "Liaison Medical", ["liaison", "medical"], STAFF_PASSWORD)
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        case = sample_case(s)
        pid, cid = case["child_id"], case["id"]
        ids = {d: s.add_followup_rule(pid, "recurring_review", cid, discipline=d, due_on=SOON)
               for d in ("coordinator", "therapist", "medical", "interviewer", "liaison")}
        ids["court"] = s.add_followup_rule(pid, "court_date", cid, due_on=SOON)
        ids["person"] = s.add_followup_rule(pid, "action_item", None, due_on=SOON)
    with open_record(record_path, "coordinator2", STAFF_PASSWORD, kdf=FAST_KDF) as s2:
        other = sample_case(s2, referral_received_at="2026-05-04T09:30:00+01:00")
        ids["other"] = s2.add_followup_rule(other["child_id"], "other", other["id"], due_on=SOON)
    return ids, case, other


def visible(open_as, username):
    s = open_as(username)
    ids = {r.rule_id for r in s.reminders(TODAY)}
    s.close()
    return ids


def test_today_scope_per_role(team, open_as):
    ids, case, other = team
    mine = {ids[k] for k in ("coordinator", "therapist", "medical", "interviewer", "liaison", "court", "person")}
    assert visible(open_as, "coordinator") == mine
    assert visible(open_as, "coordinator2") == {ids["other"]}
    assert visible(open_as, "therapist") == {ids["therapist"]}
    assert visible(open_as, "medical") == {ids["medical"]}
    assert visible(open_as, "interviewer") == {ids["interviewer"]}
    assert visible(open_as, "liaison") == {ids["liaison"], ids["court"]}
    # several roles: the union (coordinator of no case here, and therapist)
    assert visible(open_as, "cotherapist") == {ids["therapist"]}
    with pytest.raises(PermissionDenied):
        open_as("admin").reminders(TODAY)


def test_only_mine_leaves_the_other_disciplines_out(team, open_as):
    ids, case, other = team

    def only_mine(username):
        s = open_as(username)
        try:
            return {r.rule_id for r in s.reminders(TODAY, only_mine=True)}
        finally:
            s.close()

    # the coordinator leads the case: everyone's follow-up in it, or only the coordinator's own
    assert only_mine("coordinator") == {ids["coordinator"], ids["court"], ids["person"]}
    assert only_mine("therapist") == {ids["therapist"]}
    assert only_mine("liaison") == {ids["liaison"]}            # the court date is the coordinator's
    assert only_mine("cotherapist") == {ids["therapist"]}
    s = open_as("coordinator")
    try:
        with pytest.raises(ValidationError) as e:
            s.reminders(TODAY, only_mine="yes")
        assert e.value.field == "only_mine"
        s.reminders(TODAY, only_mine=True)
        last = [e for e in s.audit_entries() if e["action"] == "followup.reminders_read"][-1]
        assert last["detail"] == {"as_of": TODAY.isoformat(), "only_mine": True, "reminders": 3}
    finally:
        s.close()


def test_person_level_rules_show_the_childs_case_reference(team, open_as):
    ids, case, other = team
    s = open_as("coordinator")
    r = next(r for r in s.reminders(TODAY) if r.rule_id == ids["person"])
    assert r.case_id is None and r.case_reference == case["reference"]
    assert r.opens == ("person", case["child_id"], "followup")
    assert next(x for x in s.reminders(TODAY) if x.rule_id == ids["court"]).opens == ("case", case["id"], "followup")


def test_acting_on_another_disciplines_follow_up_is_refused(team, open_as):
    ids, case, other = team
    m = open_as("medical")
    with pytest.raises(PermissionDenied):
        m.snooze_reminder(ids["therapist"], TODAY + timedelta(days=9))
    m.snooze_reminder(ids["medical"], TODAY + timedelta(days=9))
    with pytest.raises(PermissionDenied):
        m.add_followup_rule(case["child_id"], "other", case["id"], due_on=SOON)
    with pytest.raises(PermissionDenied):
        m.record_full_recovery(case["child_id"])
    with pytest.raises(PermissionDenied):
        m.update_followup_rule(ids["medical"], discipline="therapist")
    # the plan: the medical user sees the medical follow-up only; a coordinator sees all of it
    assert {r["id"] for r in m.followup_plan(case["child_id"])["rules"]} == {ids["medical"]}
    m.close()
    lia = open_as("liaison")
    with pytest.raises(PermissionDenied):
        lia.complete_reminder(ids["court"])
    lia.close()
    # several roles: a liaison who is also medical staff acts on medical follow-up, and reads the
    # liaison's, but the liaison role updates nothing
    lm = open_as("liaisonmed")
    assert {r.rule_id for r in lm.reminders(TODAY)} == {ids["medical"], ids["liaison"], ids["court"]}
    lm.complete_reminder(ids["medical"], on=TODAY)
    for rid in (ids["liaison"], ids["court"]):
        with pytest.raises(PermissionDenied):
            lm.complete_reminder(rid, on=TODAY)
    lm.close()
    c2 = open_as("coordinator2")
    assert ids["therapist"] in {r["id"] for r in c2.followup_plan(case["child_id"])["rules"]}
    c2.complete_reminder(ids["coordinator"], on=TODAY)  # coordinators may act on any follow-up


def test_every_action_is_audited_without_content(child):
    s, pid, case, _ = child
    note, reason = "Note about the child's school XYZZY", "Declined: mother moved to QWERTY"
    a = s.add_followup_rule(pid, "action_item", case["id"], due_on=TODAY - timedelta(days=1), note=note)
    b = s.add_followup_rule(pid, "recurring_review", case["id"], due_on=TODAY - timedelta(days=1))
    c = s.add_followup_rule(pid, "other", None, due_on=TODAY - timedelta(days=1))
    s.complete_reminder(a)
    s.snooze_reminder(b, TODAY + timedelta(days=12))
    s.decline_reminder(c, reason, offer_again=TODAY + timedelta(days=400))
    s.update_followup_rule(b, interval_months=3)
    s.record_full_recovery(pid, basis="Basis text ASDFGH")
    s.reminders(TODAY)
    s.followup_plan(pid)
    entries = s.audit_entries()
    actions = [e["action"] for e in entries]
    for expected in ("followup.rule_added", "followup.completed", "followup.snoozed", "followup.declined",
                     "followup.rule_updated", "followup.full_recovery_recorded", "followup.reminders_read",
                     "followup.plan_read"):
        assert expected in actions, expected
    dumped = json.dumps(entries)
    for secret in ("XYZZY", "QWERTY", "ASDFGH", "Followa", "Longterm", str(TODAY + timedelta(days=12)),
                   str(TODAY + timedelta(days=400))):
        assert secret not in dumped, secret
    added = [e for e in entries if e["action"] == "followup.rule_added"]
    assert [(e["subject_kind"], e["subject_id"]) for e in added] == [
        ("case", case["id"]), ("case", case["id"]), ("person", pid)]
    assert s.audit_entries() and s.check().ok


def test_reminders_read_is_one_covering_index_scan_and_key_lookups(child):
    s, pid, case, _ = child
    s.add_followup_rule(pid, "other", case["id"], due_on=SOON)
    with s.record.engine.connect() as conn:
        def plan(sql, *params):
            return " ".join(r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params))
        assert "COVERING INDEX ix_followup_next_due (next_due<?)" in plan(fu.DUE_SQL, "2030-01-01")
        assert "COVERING INDEX ix_case_lead_received (case_lead_id=?)" in plan(fu.LED_SQL, 1)
        for sql in (fu.REFS_SQL, fu.NAMES_SQL):
            assert "INTEGER PRIMARY KEY (rowid=?)" in plan(sql, "[1]")
        assert "ix_case_child_person" in plan(fu.CASES_OF_SQL, "[1]")


def test_the_today_scope_in_python_is_the_scope_in_sql(team, open_as):
    """reminders() scopes rows in Python; _followup_scope(True) says the same in SQL."""
    from sqlalchemy.orm import aliased
    for user in ("coordinator", "coordinator2", "therapist", "medical", "interviewer", "liaison",
                 "cotherapist", "liaisonmed"):
        s = open_as(user)
        c = aliased(fu.C)
        with s.record.engine.connect() as conn:
            by_sql = set(conn.execute(select(fu.R.c.id).select_from(fu.R.outerjoin(c, c.c.id == fu.R.c.case_id))
                                      .where(fu.R.c.next_due <= "2100-01-01", s._followup_scope(True, c))).scalars())
        assert {r.rule_id for r in s.reminders(TODAY, 40_000)} == by_sql, user
        s.close()


def test_reminders_as_json_has_no_names(child):
    s, pid, case, _ = child
    s.add_followup_rule(pid, "court_date", case["id"], due_on=SOON)
    rs = s.reminders(TODAY)
    assert rs[0].child_name == "Followa Longterm"
    out = fu.reminders_as_json(rs)
    assert out == [{"case_reference": case["reference"], "kind": "court_date", "subject_kind": None,
                    "due": SOON.isoformat(),
                    "bucket": "upcoming", "occurrence": f"once:{SOON}", "rule_id": rs[0].rule_id,
                    "case_id": case["id"], "person_id": pid}]
    assert "Followa" not in json.dumps(out)


def test_a_team_actions_reminder_says_what_is_to_be_done(child):
    """The reminder of an MDT team action owned by a user carries the action's text (the reminder
    links to the action: subject team_action), for users who may read meetings; a hand-made action
    item carries none, and the CLI's JSON never any text."""
    s, pid, case, _ = child
    s.add_followup_rule(pid, "action_item", case["id"], due_on=SOON, note="A coordinator's own note.")
    aid = s.add_team_action(case["id"], "Book the medical\nexamination", SOON, owner_user_id=s.user_id)
    rs = [r for r in s.reminders(TODAY) if r.kind == "action_item"]
    assert sorted((r.subject or "") for r in rs) == ["", "Book the medical\nexamination"]
    team = next(r for r in rs if r.subject)
    assert team.due == SOON and team.discipline == "coordinator" and team.case_id == case["id"]
    assert "Book" not in json.dumps(fu.reminders_as_json(rs)) and "own note" not in json.dumps(fu.reminders_as_json(rs))
    s.set_team_action_status(aid, "done", on=TODAY)
    assert [r.subject for r in s.reminders(TODAY) if r.kind == "action_item"] == [None]


# --- demo data ------------------------------------------------------------------------------------

def test_demo_followup_matches_what_the_core_computes(tmp_path):
    from barnahus_app.api import open_record
    from barnahus_app.demo.build import build_demo_record
    from tests.support.records import FAST_KDF

    path = tmp_path / "demo.barnahus"
    until = date(2026, 11, 1)
    build_demo_record(path, "admin", ADMIN_PASSWORD, 600, 3, kdf=FAST_KDF, until=until)
    with open_record(path, "coordinator", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        with s.record.engine.connect() as conn:
            already = conn.execute(text("SELECT count(*) FROM followup_rules")).scalar()
        if not already:  # demo.py does not call add_demo_followup yet
            counts = add_demo_followup(s, random.Random(5), until)
            assert counts["followup_rules"] > 600 and counts["alleged_offences"] > 100
        with s.record.engine.connect() as conn:
            q = "SELECT id, status, next_due, pending FROM followup_rules ORDER BY id"
            before = conn.execute(text(q)).all()
            kinds = dict(conn.execute(text("SELECT kind, count(*) FROM followup_rules GROUP BY kind")).all())
            statuses = {r.status for r in before}
            fu.recompute(conn, fu.R.c.id > 0)
            after = conn.execute(text(q)).all()
            conn.rollback()
            closed_running = conn.execute(text(
                "SELECT count(*) FROM followup_rules r JOIN cases c ON c.id = r.case_id "
                "WHERE c.status = 'closed' AND r.next_due IS NOT NULL AND r.kind = 'recurring_review'")).scalar()
            jurisdictions = {j for (j,) in conn.execute(text("SELECT DISTINCT jurisdiction FROM alleged_offences"))}
        assert before == after, "the demo's derived columns differ from the core's"
        assert set(fu.CREATABLE_KINDS) - set(kinds) <= {"other"} and "statute_warning" in kinds
        assert {"active", "done", "declined", "recovered"} <= statuses
        assert closed_running > 10
        assert len(jurisdictions) >= 4
        rs = s.reminders(until)
        assert {r.bucket for r in rs} >= {"overdue", "upcoming"}
        assert s.check().ok


# --- the coordinator's plan: ending a rule, a relapse, the deciding meeting -------------------------

def test_ending_a_rule_declines_every_open_occurrence_with_the_reason(child):
    s, pid, case, dob = child
    ms = s.add_followup_rule(pid, "age_milestone", case["id"], ages=[12, 15, 18])
    review = s.add_followup_rule(pid, "recurring_review", case["id"], due_on=SOON)
    with pytest.raises(ValidationError, match="reason"):
        s.end_followup_rule(ms, "  ")
    assert s.end_followup_rule(ms, "The family moved abroad") == 3
    plan = {r["id"]: r for r in s.followup_plan(pid)["rules"]}
    assert plan[ms]["status"] == "declined" and plan[ms]["next_due"] is None
    assert [(e["action"], e["occurrence"], e["reason"]) for e in plan[ms]["events"]] == [
        ("declined", "age:12", "The family moved abroad"), ("declined", "age:15", "The family moved abroad"),
        ("declined", "age:18", "The family moved abroad")]
    assert plan[review]["status"] == "active"   # the other rules stay
    assert ms not in {r.rule_id for r in s.reminders(fu.add_years(TODAY, 40), 40_000)}
    with pytest.raises(ValidationError, match="no open reminder"):
        s.end_followup_rule(ms, "Again")
    entries = [e for e in s.audit_entries() if e["action"] == "followup.rule_ended"]
    assert [(e["subject_kind"], e["subject_id"]) for e in entries] == [("case", case["id"])]
    assert "moved abroad" not in json.dumps(s.audit_entries())


def test_a_statute_warning_cannot_be_ended_by_hand(child):
    s, pid, case, _ = child
    s.add_alleged_offence(case["id"], "sexual_abuse_child", "2025-06-01")
    warning = next(r["id"] for r in s.followup_plan(pid)["rules"] if r["kind"] == "statute_warning")
    with pytest.raises(ValidationError, match="alleged offence"):
        s.end_followup_rule(warning, "Not needed")


def test_a_relapse_after_full_recovery_starts_reviews_again(child):
    s, pid, case, _ = child
    with pytest.raises(ValidationError, match="No full recovery"):
        s.record_relapse(pid, case["id"])
    old = s.add_followup_rule(pid, "recurring_review", case["id"], due_on=SOON)
    fid = s.record_full_recovery(pid, on=TODAY, basis="No symptoms for a year")
    rid = s.record_relapse(pid, case["id"], first_review_on=SOON, interval_months=3, note="Nightmares again")
    plan = {r["id"]: r for r in s.followup_plan(pid)["rules"]}
    assert plan[old]["status"] == "recovered"
    new = plan[rid]
    assert (new["kind"], new["status"], new["next_due"], new["interval_months"], new["until_recovery"],
            new["subject_kind"], new["subject_id"], new["note"]) == (
        "recurring_review", "active", SOON.isoformat(), 3, True, "full_recovery", fid, "Nightmares again")
    with pytest.raises(ValidationError, match="interval_months"):
        s.record_relapse(pid, case["id"], interval_months=0)
    # a later full recovery ends the relapse's reviews too
    s.record_full_recovery(pid)
    assert {r["id"]: r["status"] for r in s.followup_plan(pid)["rules"]}[rid] == "recovered"


def test_full_recovery_decided_at_a_held_meeting_takes_its_date(child, open_as):
    s, pid, case, _ = child
    start = datetime.combine(TODAY - timedelta(days=2), time(10))
    mid = s.plan_meeting("case_review", start.isoformat(timespec="minutes"), 60, chair_id=s.user_id,
                         remote=True, time_zone="Europe/Stockholm")
    other = s.plan_meeting("case_review", (start - timedelta(days=7)).isoformat(timespec="minutes"), 60,
                           chair_id=s.user_id, remote=True, time_zone="Europe/Stockholm")
    with pytest.raises(ValidationError, match="was not") as e:
        s.record_full_recovery(pid, meeting_id=mid)
    assert e.value.field == "meeting_id"
    s.add_agenda_items(mid, [(case["id"], "review_due")])
    s.hold_meeting(mid)
    s.hold_meeting(other)
    with pytest.raises(ValidationError, match="agenda"):
        s.record_full_recovery(pid, meeting_id=other)
    s.record_full_recovery(pid, meeting_id=mid, basis="The team agreed")
    rec = s.followup_plan(pid)["full_recoveries"][-1]
    assert (rec["recovered_on"], rec["basis"]) == ((TODAY - timedelta(days=2)).isoformat(), "The team agreed")
    # The deciding meeting is stored with the recovery, not only named in the audit entry.
    assert (rec["meeting_id"], rec["meeting_on"]) == (mid, (TODAY - timedelta(days=2)).isoformat())
    s.record_full_recovery(pid, basis="Recorded without a meeting")
    assert [(r["meeting_id"], r["meeting_on"]) for r in s.followup_plan(pid)["full_recoveries"]] == [
        (mid, (TODAY - timedelta(days=2)).isoformat()), (None, None)]


def test_a_0012_record_keeps_the_meeting_that_decided_a_full_recovery(tmp_path):
    """The v0012 fixture named the deciding meeting only in the audit entry; 0013 stores it with
    the recovery, and the old proceeding is kept."""
    from barnahus_app.api import open_record
    from tests.support.records import FAST_KDF, old_fixture
    path, m = old_fixture("0012", tmp_path)
    with open_record(path, "coordinator", m["users"]["coordinator"]["password"], kdf=FAST_KDF) as s:
        assert s.upgraded_from == "0012"
        recs = s.followup_plan(1)["full_recoveries"]
        assert [(r["recovered_on"], r["meeting_id"], r["meeting_on"]) for r in recs] == [("2025-03-12", 1, "2025-03-12")]
        assert [(p["status"], p["kind"]) for p in s.justice_summary(1)["proceedings"]] == [("reported", "criminal")]
