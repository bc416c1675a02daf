"""The demo's psychosocial follow-up (demo/psychosocial.py): screens scored by the core over
years, an improving and a relapsing trajectory, the long history the trend benchmark draws,
courses of treatment with sessions, recovery plans; only in open cases, never for an alleged
offender, and the answers and notes sealed (no plaintext column holds them)."""
from __future__ import annotations

import json
from datetime import date

import pytest

from barnahus_app.api import open_record
from barnahus_app.demo.build import build_demo_record
from tests.support.records import FAST_KDF, demo_queries

PW = "demo-password-1"
UNTIL = date(2026, 6, 30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo_psychosocial") / "demo.barnahus"
    build_demo_record(path, "admin", PW, 300, 5, FAST_KDF, until=UNTIL)
    return path


@pytest.fixture(scope="module")
def db(demo):
    with demo_queries(demo, PW) as q:
        yield q


def test_screens_follow_open_cases_children_and_are_scored_by_the_bands(db):
    rows = db("""SELECT a.instrument_code, a.instrument_version, a.scores, a.bands, a.at_or_above_cutoff, c.status,
                        a.administered_on
                 FROM psychosocial_administrations a JOIN cases c ON c.id = a.case_id""")
    assert len(rows) > 50
    for code, version, scores, bands, above, status, on in rows:
        total, band = json.loads(scores)["total"], json.loads(bands)["total"]
        # CATS 7-17 bands, by hand: 0-14 below, 15-20 moderate, 21+ probable PTSD; cut-off 21
        expected = "below" if total <= 14 else "moderate" if total <= 20 else "probable_ptsd"
        assert (code, version, band, bool(above), status in ("referred", "open")) == (
            "CATS-7-17", 1, expected, total >= 21, True)
        assert on <= UNTIL.isoformat()
    # every screen at or above the cut-off was followed by a diagnostic assessment
    assert db("""SELECT count(*) FROM psychosocial_administrations
                 WHERE at_or_above_cutoff AND resolution IS NULL""") == [(0,)]


def test_the_long_history_and_a_relapse(db):
    histories = db("""SELECT child_person_id, group_concat(screen_value, ',') FROM
                      (SELECT child_person_id, screen_value FROM psychosocial_administrations
                       ORDER BY child_person_id, administered_on) GROUP BY child_person_id""")
    counts = sorted(len(v.split(",")) for _p, v in histories)
    assert counts[-1] == 60
    relapses = 0
    for _p, values in histories:
        v = [float(x) for x in values.split(",")]
        assert v[-1] < v[0]   # every trajectory ends better than its baseline
        relapses += any(b - a >= 8 for a, b in zip(v, v[1:]))
    assert relapses >= 1


def test_courses_sessions_and_plans(db):
    courses = db("SELECT model, ended_on, end_reason FROM treatment_episodes")
    assert {m for m, _e, _r in courses} <= {"tf_cbt", "family_therapy"}
    assert any(e is None for _m, e, _r in courses) and any(r == "completed" for _m, _e, r in courses)
    per_course = db("SELECT count(*) FROM therapy_sessions GROUP BY episode_id")
    assert max(n for (n,) in per_course) <= 20
    statuses = {s for (s,) in db("SELECT DISTINCT status FROM therapy_sessions")}
    assert statuses == {"attended", "missed", "cancelled"}
    goals = db("SELECT status, count(*) FROM recovery_goals GROUP BY status ORDER BY status")
    assert [s for s, _n in goals] == ["achieved", "open"]
    assert db("""SELECT count(*) FROM treatment_episodes e JOIN case_parties p
                 ON p.case_id = e.case_id AND p.person_id = e.person_id AND p.party_role = 'alleged_offender'""") == [(0,)]


def test_the_therapist_reads_the_notes_and_the_trend(demo, db):
    (case_id, child_id), = db("""SELECT case_id, child_person_id FROM psychosocial_administrations
                                 GROUP BY case_id, child_person_id HAVING count(*) = 60""")
    (session_id,), = db("SELECT min(id) FROM therapy_sessions WHERE status = 'attended'")
    with open_record(demo, "therapist", PW, kdf=FAST_KDF) as t:
        assert t.session_notes(session_id) == ("Worked on the trauma narrative; practised relaxation "
                                               "(demo, fictional).")
        trend = t.trend(case_id, child_id, "CATS-7-17")
    assert (len(trend["points"]), trend["cutoff"]) == (60, 21.0)
    assert trend["episodes"] and all(label == "Trauma-focused CBT (TF-CBT)" for _s, _e, label in trend["episodes"])
