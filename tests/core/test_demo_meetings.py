"""The demo's MDT meetings and referrals (demo/meetings.py): a case review every two weeks,
referrals in every status, nobody double-booked, the review schedule as the core derives it, and a
record that passes the check."""
from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import text

from barnahus_app import vocab
from barnahus_app.api import open_record
from barnahus_app.demo.build import build_demo_record
from barnahus_app.interviews.actions import meeting_staff, room_staff_conflicts
from tests.support.records import FAST_KDF, demo_queries

PW = "demo-password-1"
UNTIL = date(2026, 6, 30)
CORE_DISCIPLINES = ("police", "prosecution", "social_services", "health", "centre")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo_meetings") / "demo.barnahus"
    build_demo_record(path, "admin", PW, 300, 5, FAST_KDF, until=UNTIL)
    return path


@pytest.fixture(scope="module")
def db(demo):
    with demo_queries(demo, PW) as q:
        yield q


def test_a_case_review_every_two_weeks_across_the_demos_years(db):
    starts = [date.fromisoformat(s[:10]) for (s,) in db(
        "SELECT starts_at_utc FROM meetings WHERE kind = 'case_review' ORDER BY starts_at_utc")]
    assert starts[0] <= date(2000, 1, 31) and starts[-1] > UNTIL
    assert {(b - a).days for a, b in zip(starts, starts[1:])} == {14}
    assert all(d.weekday() == 1 for d in starts)  # Tuesdays
    kinds = {k for (k,) in db("SELECT DISTINCT kind FROM meetings")}
    assert kinds == {"case_review", "planning", "urgent"}
    for (k,) in db("SELECT DISTINCT kind FROM meetings"):
        vocab.check_code("meeting_kinds", "kind", k)
    statuses = dict(db("SELECT status, count(*) FROM meetings GROUP BY status"))
    assert set(statuses) == {"planned", "held", "approved", "cancelled"}
    # past meetings are held or approved (approved ones by whom and when); future ones planned
    (bad,), = db("""SELECT count(*) FROM meetings WHERE
        (starts_at_utc >= :u AND status != 'planned') OR (starts_at_utc < :u AND status = 'planned')
        OR (status = 'approved') != (approved_by IS NOT NULL AND approved_at > ends_at_utc)
        OR (status = 'cancelled') != (cancel_reason IS NOT NULL)""", u=UNTIL.isoformat())
    assert bad == 0
    # the next review has its agenda; a meeting in a room or remote
    (agenda,), = db("""SELECT count(*) FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id
                       WHERE m.status = 'planned' AND m.kind = 'case_review'""")
    assert agenda > 0
    rooms = {r for (r,) in db("""SELECT DISTINCT r.kind FROM meetings m JOIN rooms r ON r.id = m.room_id""")}
    assert rooms == {"meeting"}


def test_referrals_in_every_status_with_their_history(db):
    statuses = {s for (s,) in db("SELECT DISTINCT status FROM referrals")}
    assert statuses == {"draft", "sent", "accepted", "rejected", "revoked", "engaged", "done", "lost_to_follow_up"}
    assert {d for (d,) in db("SELECT DISTINCT direction FROM referrals")} == {"in", "out"}
    (bad,), = db("""SELECT count(*) FROM referrals WHERE
        (status = 'done' AND outcome IS NULL) OR (outcome = 'not_successful' AND outcome_reason IS NULL)
        OR (status = 'rejected' AND rejection_reason IS NULL)
        OR ((status IN ('done', 'rejected', 'revoked', 'lost_to_follow_up')) != (closed_on IS NOT NULL))
        OR (status NOT IN ('draft') AND sent_on IS NULL)""")
    assert bad == 0
    assert db("SELECT count(*) FROM referrals WHERE outcome = 'not_successful'")[0][0] > 0
    allowed = {(None, "draft"), (None, "sent"), ("draft", "sent"), ("draft", "revoked"), ("sent", "accepted"), ("sent", "rejected"),
               ("sent", "revoked"), ("accepted", "engaged"), ("accepted", "revoked"), ("engaged", "done"),
               ("engaged", "lost_to_follow_up")}
    history: dict[int, list] = {}
    for rid, frm, to, on in db("SELECT referral_id, from_status, to_status, on_date FROM referral_events ORDER BY id"):
        history.setdefault(rid, []).append((frm, to, on))
    for rid, status in db("SELECT id, status FROM referrals"):
        steps = history[rid]
        assert steps[0][0] is None and steps[-1][1] == status
        assert all((frm, to) in allowed for frm, to, _ in steps)
        assert all(a[1] == b[0] and a[2] <= b[2] for a, b in zip(steps, steps[1:]))
        assert steps[-1][2] < UNTIL.isoformat()
    for (reason,) in db("SELECT DISTINCT outcome_reason FROM referrals WHERE outcome_reason IS NOT NULL"):
        vocab.check_code("referral_outcome_reasons", "outcome_reason", reason)
    for (service,) in db("SELECT DISTINCT service FROM referrals"):
        vocab.check_code("referral_services", "service", service)
    # what a referral shared: data items and the legal basis for sharing (never the child's consent)
    shared = db("""SELECT d.items, d.legal_basis, r.sent_on, d.disclosed_at FROM disclosures d
                   JOIN referrals r ON r.id = d.referral_id""")
    assert shared
    for items, basis, sent_on, at in shared:
        assert basis in ("law", "guardian_agreement", "court_order")
        assert json.loads(items) and all(vocab.check_code("shareable_items", "items", i) for i in json.loads(items))
        assert at[:10] == sent_on
    (from_action,), = db("""SELECT count(*) FROM referrals r JOIN team_actions a ON a.id = r.from_action_id
                            WHERE a.case_id = r.case_id""")
    assert from_action > 0


def test_nobody_and_no_room_is_double_booked(db):
    # meetings against meetings: the same room, a user or an agency contact in both
    (clash,), = db("""SELECT count(*) FROM meetings a JOIN meetings b ON a.id < b.id
        AND a.starts_at_utc < b.ends_at_utc AND b.starts_at_utc < a.ends_at_utc
        WHERE a.status != 'cancelled' AND b.status != 'cancelled' AND (a.room_id = b.room_id
           OR EXISTS (SELECT 1 FROM meeting_attendees x JOIN meeting_attendees y ON y.meeting_id = b.id
                      AND (x.user_id = y.user_id OR x.contact_id = y.contact_id) WHERE x.meeting_id = a.id)
           OR a.chair_id IN (b.chair_id, b.minute_taker_id) OR a.minute_taker_id IN (b.chair_id, b.minute_taker_id))""")
    assert clash == 0
    # meetings against interviews (planned at their plan, held when held): room and staff
    (clash,), = db("""SELECT count(*) FROM meetings m JOIN interviews i
        ON coalesce(i.actual_start_utc, i.starts_at_utc) < m.ends_at_utc
       AND m.starts_at_utc < coalesce(i.actual_end_utc, i.ends_at_utc)
        WHERE m.status != 'cancelled' AND i.status IN ('planned', 'held') AND (i.room_id = m.room_id
           OR i.interviewer_id IN (m.chair_id, m.minute_taker_id)
           OR i.interviewer_id IN (SELECT user_id FROM meeting_attendees WHERE meeting_id = m.id)
           OR EXISTS (SELECT 1 FROM interview_participants p JOIN meeting_attendees a ON a.meeting_id = m.id
                      AND a.user_id = p.user_id WHERE p.interview_id = i.id))""")
    assert clash == 0
    (interviewers,), = db("""SELECT count(*) FROM meeting_attendees a JOIN user_roles r ON r.user_id = a.user_id
                            WHERE r.role = 'interviewer'""")
    assert interviewers > 0  # they do come, when free


def test_the_cores_conflict_engine_finds_no_clash(demo):
    with open_record(demo, "coordinator", PW, kdf=FAST_KDF) as s:
        with s.record.engine.connect() as conn:
            rows = conn.execute(text("SELECT id, room_id, starts_at_utc, ends_at_utc, time_zone FROM meetings "
                                     "WHERE status != 'cancelled'")).all()
            staff = meeting_staff(conn, [r.id for r in rows])
            for mid, room, lo, hi, zone in rows:
                assert room_staff_conflicts(conn, lo, hi, room, staff[mid], zone, meeting_id=mid) == [], mid


def test_attendance_by_discipline_with_a_core_discipline_sometimes_missing(db):
    for (d,) in db("SELECT DISTINCT discipline FROM meeting_attendees"):
        vocab.check_code("mdt_disciplines", "discipline", d)
    (contacts,), = db("SELECT count(*) FROM meeting_attendees WHERE contact_id IS NOT NULL")
    assert contacts > 0
    assert {a for (a,) in db("SELECT DISTINCT attendance FROM meeting_attendees")} == {
        "expected", "present", "absent", "excused"}
    missing = db(f"""SELECT m.id FROM meetings m WHERE m.status IN ('held', 'approved') AND EXISTS (
        SELECT 1 FROM (SELECT {" AS d UNION SELECT ".join(f"'{d}'" for d in CORE_DISCIPLINES)} AS d) core
        WHERE NOT EXISTS (SELECT 1 FROM meeting_attendees a WHERE a.meeting_id = m.id
                          AND a.discipline = core.d AND a.attendance IN ('expected', 'present')))""")
    (held,), = db("SELECT count(*) FROM meetings WHERE status IN ('held', 'approved')")
    assert 0 < len(missing) < held
    # every outside attendee's undertaking, once, before their first meeting
    (without,), = db("""SELECT count(*) FROM meeting_attendees a LEFT JOIN contact_undertakings u
        ON u.contact_id = a.contact_id WHERE a.contact_id IS NOT NULL AND u.contact_id IS NULL""")
    assert without == 0
    (late,), = db("""SELECT count(*) FROM contact_undertakings u WHERE u.signed_on >
        (SELECT min(substr(m.starts_at_utc, 1, 10)) FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id
         WHERE a.contact_id = u.contact_id)""")
    assert late == 0


def test_case_reviews_as_the_core_derives_them(db):
    # last_reviewed_on: the local date of the last held meeting that discussed the case (13:00 in
    # Stockholm: the same date as in UTC); next_review_on: that plus the case's interval or 90 days
    rows = db("""SELECT cr.case_id, cr.interval_days, cr.last_reviewed_on, cr.next_review_on,
        (SELECT max(substr(m.starts_at_utc, 1, 10)) FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id
         WHERE i.case_id = cr.case_id AND i.discussed AND m.status IN ('held', 'approved'))
        FROM case_reviews cr""")
    assert rows
    for cid, interval, last, nxt, expected_last in rows:
        assert last == expected_last, cid
        assert nxt == date.fromordinal(date.fromisoformat(last).toordinal() + (interval or 90)).isoformat()
    assert any(interval for _, interval, *_ in rows)  # some cases reviewed less often
    (unreviewed,), = db("""SELECT count(*) FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id
        WHERE i.discussed AND m.status IN ('held', 'approved')
        AND i.case_id NOT IN (SELECT case_id FROM case_reviews)""")
    assert unreviewed == 0
    # a new case comes to the first review after its referral; later ones are review_due
    reasons = {r for (r,) in db("SELECT DISTINCT reason FROM meeting_items")}
    assert {"new", "review_due", "urgent"} <= reasons
    (twice_new,), = db("""SELECT count(*) FROM (SELECT case_id FROM meeting_items i JOIN meetings m
        ON m.id = i.meeting_id WHERE reason = 'new' AND discussed GROUP BY case_id HAVING count(*) > 1)""")
    assert twice_new == 0
    (early,), = db("""SELECT count(*) FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id
        JOIN cases c ON c.id = i.case_id WHERE m.starts_at_utc < c.referral_received_at""")
    assert early == 0


def test_items_actions_and_their_reminders(db):
    heard = dict(db("SELECT child_heard, count(*) FROM meeting_items WHERE discussed GROUP BY child_heard"))
    assert set(heard) == {"directly", "trusted_person", "not_heard"}
    (bad,), = db("""SELECT count(*) FROM meeting_items WHERE discussed AND (
        (child_heard = 'not_heard') != (child_not_heard_reason IS NOT NULL)
        OR (child_heard != 'not_heard') != (child_views IS NOT NULL))""")
    assert bad == 0
    (bad,), = db("""SELECT count(*) FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id
        WHERE NOT i.discussed AND (i.child_heard IS NOT NULL OR EXISTS (
            SELECT 1 FROM meeting_decisions d WHERE d.item_id = i.id))""")
    assert bad == 0
    for agency, code in db("SELECT DISTINCT agency, status FROM meeting_item_updates"):
        vocab.check_code({"police": "police_investigation_statuses", "prosecution": "prosecution_decision_stages",
                          "social_services": "protection_statuses", "health": "medical_examination_statuses",
                          "therapy": "therapy_engagement_statuses"}[agency], agency, code)
    assert db("SELECT count(*) FROM meeting_decisions")[0][0] > 0
    assert db("SELECT count(*) FROM meeting_items WHERE outcome_explained_on IS NOT NULL")[0][0] > 0
    kinds = dict(db(f"""SELECT CASE WHEN status = 'open' AND due_on < '{UNTIL}' THEN 'overdue' ELSE status END,
                        count(*) FROM team_actions GROUP BY 1"""))
    assert {"done", "open", "overdue"} <= set(kinds)
    # a user's action has its follow-up reminder (action_item, subject team_action); a contact's has none
    (bad,), = db("""SELECT count(*) FROM team_actions a LEFT JOIN followup_rules r ON r.id = a.followup_rule_id
        WHERE (a.owner_user_id IS NOT NULL) != (r.id IS NOT NULL)
        OR (r.id IS NOT NULL AND (r.kind != 'action_item' OR r.subject_kind != 'team_action'
            OR r.subject_id != a.id OR r.case_id != a.case_id OR r.due_on != a.due_on
            OR r.person_id != (SELECT person_id FROM case_children WHERE case_id = a.case_id
                               ORDER BY role != 'victim', person_id LIMIT 1) OR r.note != a.text
            OR (a.status = 'open') != (r.next_due IS NOT NULL)
            OR (a.status = 'done' AND r.status != 'done') OR (a.status = 'cancelled' AND r.status != 'declined')))""")
    assert bad == 0
    assert db("SELECT count(*) FROM team_actions WHERE owner_contact_id IS NOT NULL")[0][0] > 0


def test_fictional_words(db):
    texts = [t for (t,) in db("""SELECT text FROM meeting_decisions UNION SELECT text FROM team_actions
        UNION SELECT child_views FROM meeting_items UNION SELECT child_not_heard_reason FROM meeting_items
        UNION SELECT note FROM meeting_item_updates UNION SELECT reason FROM referrals
        UNION SELECT name FROM staff_contacts UNION SELECT name FROM agencies UNION SELECT text FROM minutes_addenda""")
        if t]
    assert texts and all("demo" in t.lower() or "fictional" in t.lower() for t in texts)
    assert not any("prostitut" in t.lower() or "consent" in t.lower() for t in texts)


def test_the_record_passes_the_check(demo):
    s = open_record(demo, "admin", PW, kdf=FAST_KDF)
    try:
        with s.record.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        report = s.check()
        assert report.ok, report.lines()
    finally:
        s.close()


def test_the_core_reads_the_demo(demo, db):
    (planned,), = db("""SELECT id FROM meetings WHERE kind = 'case_review' AND status = 'planned'
                        ORDER BY starts_at_utc LIMIT 1""")
    (approved,), = db("SELECT id FROM meetings WHERE status = 'approved' ORDER BY id DESC LIMIT 1")
    (busy_case,), = db("SELECT case_id FROM meeting_items GROUP BY case_id ORDER BY count(*) DESC, case_id LIMIT 1")
    with open_record(demo, "coordinator", PW, kdf=FAST_KDF) as s:
        assert s.cases_due(planned) == []  # its agenda holds every case the core finds due
        view = s.meeting_view(approved)
        assert view["attendees"] and view["status"] == "approved"
        team = s.case_team(busy_case)
        assert team["meetings"] and team["decisions"]
        assert team["review"]["last_reviewed_on"] is not None
        assert s.meetings(UNTIL, UNTIL.replace(month=UNTIL.month + 1))
        rid = db("SELECT id FROM referrals WHERE status = 'done' ORDER BY id LIMIT 1")[0][0]
        assert s.referral_view(rid)["events"]
        s.overdue_referrals(UNTIL)
        s.overdue_team_actions(UNTIL)
