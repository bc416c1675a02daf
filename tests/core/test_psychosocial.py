"""Psychosocial assessment and treatment (issue #15, core): treatment episodes of a child or a
non-offending family member and their sessions, crisis contacts, the recovery plan and its
reminders, what each role reads. Real SQLCipher records; every expected value is written out by
hand."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from barnahus_app.errors import NotFound, PermissionDenied, ValidationError
from tests.support.records import login, raw, sample_case

CANARY = "CANARY-THERAPY-4417"
TOMORROW = (date.today() + timedelta(days=1)).isoformat()


@pytest.fixture
def psy(record_path):
    """The test record with a case (a child, an alleged offender), the child's mother as a carer,
    an outside agency with a staff contact; the therapist's first unlock made the therapy section."""
    with login(record_path, "coordinator") as c:
        case = sample_case(c)
        mother = c.create_person(given_name="Mona", family_name="Exampledottir", date_of_birth="1984-02-03",
                                 acknowledge_duplicates=True)
        c.add_party(case["id"], mother, "carer", "parent", case["child_id"])
        agency = c.create_agency(name="Child psychiatry clinic", kind="mental_health")
        contact = c.add_staff_contact(agency_id=agency, name="Sara Socionom")
        coordinator = c.user_id
    with login(record_path, "therapist") as t:
        therapist = t.user_id
        recovery = t.section_recovery_keys["therapy"]
    return {"path": record_path, "case": case, "case_id": case["id"], "child": case["child_id"],
            "offender": case["offender_id"], "mother": mother, "agency": agency, "contact": contact,
            "therapist": therapist, "coordinator": coordinator, "recovery": recovery}


def episode_with_sessions(psy) -> int:
    with login(psy["path"], "therapist") as t:
        e = t.start_episode(psy["case_id"], psy["child"], "tf_cbt", started_on="2026-09-01",
                            therapist_id=psy["therapist"])
        t.record_session(e, held_on="2026-09-08", status="attended", carer_took_part=True,
                         notes=f"{CANARY} session one")
        t.record_session(e, held_on="2026-09-15", status="missed")
        t.record_session(e, held_on="2026-09-22", status="cancelled")
    return e


# --- episodes and sessions -------------------------------------------------------------------------

def test_an_episode_with_its_sessions_is_what_the_team_reads(psy):
    e = episode_with_sessions(psy)
    with login(psy["path"], "coordinator") as c:
        out = c.case_psychosocial(psy["case_id"])
    (ep,) = out["episodes"]
    assert (ep["id"], ep["person_id"], ep["person_name"], ep["model"], ep["provider_agency_id"], ep["provider_name"],
            ep["therapist_id"], ep["therapist_name"], ep["started_on"], ep["ended_on"], ep["end_reason"]) == \
        (e, psy["child"], "Testa Exampledottir", "tf_cbt", None, None, psy["therapist"], "Therapist",
         "2026-09-01", None, None)
    assert [(s["held_on"], s["status"], s["carer_took_part"], s["notes_written"]) for s in ep["sessions"]] == [
        ("2026-09-08", "attended", True, True), ("2026-09-15", "missed", False, False),
        ("2026-09-22", "cancelled", False, False)]
    assert out["engaged"] is True
    assert "notes" not in str(out).replace("notes_written", "")


def test_ending_an_episode_and_its_rules(psy):
    e = episode_with_sessions(psy)
    with login(psy["path"], "therapist") as t:
        with pytest.raises(ValidationError) as err:
            t.end_episode(e, ended_on="2026-09-20", end_reason="completed")
        assert err.value.field == "ended_on"            # before the last session (22 Sep)
        with pytest.raises(ValidationError) as err:
            t.end_episode(e, ended_on=TOMORROW, end_reason="completed")
        assert err.value.field == "ended_on"
        with pytest.raises(ValidationError) as err:
            t.end_episode(e, ended_on="2026-10-01", end_reason="cured")
        assert err.value.field == "end_reason"
        t.end_episode(e, ended_on="2026-10-01", end_reason="completed")
        with pytest.raises(ValidationError) as err:
            t.end_episode(e, ended_on="2026-10-02", end_reason="moved")
        assert err.value.field == "ended_on"
        with pytest.raises(ValidationError) as err:   # after the end
            t.record_session(e, held_on="2026-10-05", status="attended")
        assert err.value.field == "held_on"
        out = t.case_psychosocial(psy["case_id"])
    assert (out["episodes"][0]["ended_on"], out["episodes"][0]["end_reason"], out["engaged"]) == \
        ("2026-10-01", "completed", False)


def test_a_non_offending_family_member_has_an_episode_with_an_outside_provider_and_an_offender_none(psy):
    with login(psy["path"], "therapist") as t:
        e = t.start_episode(psy["case_id"], psy["mother"], "family_therapy", started_on="2026-10-01",
                            provider_agency_id=psy["agency"])
        with pytest.raises(ValidationError) as err:
            t.start_episode(psy["case_id"], psy["offender"], "cbt", started_on="2026-10-01")
        assert err.value.field == "person_id"
        with pytest.raises(ValidationError) as err:
            t.record_crisis_contact(psy["case_id"], psy["offender"], occurred_at="2026-10-02T21:00:00+02:00")
        assert err.value.field == "person_id"
        (ep,) = t.case_psychosocial(psy["case_id"])["episodes"]
    assert (ep["id"], ep["person_id"], ep["provider_name"], ep["therapist_id"]) == \
        (e, psy["mother"], "Child psychiatry clinic", None)


@pytest.mark.parametrize("kwargs, field", [
    ({"model": "hypnosis"}, "model"),
    ({"started_on": "2026-13-01"}, "started_on"),
    ({"started_on": TOMORROW}, "started_on"),
    ({"provider_agency_id": 999}, "provider_agency_id"),
    ({"therapist_id": "coordinator"}, "therapist_id"),
])
def test_bad_episodes_are_refused_with_the_field(psy, kwargs, field):
    values = {"model": "tf_cbt", "started_on": "2026-09-01", **kwargs}
    if kwargs.get("therapist_id") == "coordinator":
        values["therapist_id"] = psy["coordinator"]   # not a therapist
    with login(psy["path"], "therapist") as t:
        with pytest.raises(ValidationError) as err:
            t.start_episode(psy["case_id"], psy["child"], values.pop("model"), **values)
        assert err.value.field == field
        assert t.case_psychosocial(psy["case_id"])["episodes"] == []


def test_bad_sessions_are_refused_with_the_field(psy):
    e = episode_with_sessions(psy)
    with login(psy["path"], "therapist") as t:
        for kwargs, field in (({"held_on": "2026-08-31", "status": "attended"}, "held_on"),   # before the start
                              ({"held_on": TOMORROW, "status": "attended"}, "held_on"),
                              ({"held_on": "2026-09-29", "status": "late"}, "status"),
                              ({"held_on": "2026-09-29", "status": "attended", "carer_took_part": "yes"},
                               "carer_took_part")):
            with pytest.raises(ValidationError) as err:
                t.record_session(e, **kwargs)
            assert err.value.field == field
        with pytest.raises(NotFound):
            t.record_session(999, held_on="2026-09-29", status="attended")
        assert len(t.case_psychosocial(psy["case_id"])["episodes"][0]["sessions"]) == 3


def test_session_notes_are_the_therapists_only(psy):
    episode_with_sessions(psy)
    with login(psy["path"], "therapist") as t:
        first, second = t.case_psychosocial(psy["case_id"])["episodes"][0]["sessions"][:2]
        assert t.session_notes(first["id"]) == f"{CANARY} session one"
        assert t.session_notes(second["id"]) is None
    for role in ("coordinator", "interviewer", "medical", "liaison"):
        with login(psy["path"], role) as s:
            with pytest.raises(PermissionDenied):
                s.session_notes(first["id"])


# --- crisis contacts -------------------------------------------------------------------------------

def test_a_crisis_contact_is_a_fact_for_the_team_and_its_notes_sealed(psy):
    with login(psy["path"], "therapist") as t:
        cid = t.record_crisis_contact(psy["case_id"], psy["child"], occurred_at="2026-10-02T21:15:00+02:00",
                                      notes=f"{CANARY} crisis")
        with pytest.raises(ValidationError) as err:
            t.record_crisis_contact(psy["case_id"], psy["child"], occurred_at=f"{TOMORROW}T10:00:00+00:00")
        assert err.value.field == "occurred_at"
        with pytest.raises(ValidationError) as err:
            t.record_crisis_contact(psy["case_id"], psy["child"], occurred_at="2026-10-02 21:15")
        assert err.value.field == "occurred_at"
        assert t.crisis_contact_notes(cid) == f"{CANARY} crisis"
        with pytest.raises(NotFound):
            t.crisis_contact_notes(999)
    with login(psy["path"], "medical") as m:
        with pytest.raises(PermissionDenied):
            m.crisis_contact_notes(cid)
        assert m.case_psychosocial(psy["case_id"])["crisis_contacts"] == [
            {"id": cid, "person_id": psy["child"], "occurred_at_utc": "2026-10-02T19:15:00.000000Z",
             "by_user": psy["therapist"], "by_name": "Therapist"}]


# --- the recovery plan -----------------------------------------------------------------------------

def _goal_rule(s, psy, goal_id, person="child"):
    (rule,) = [r for r in s.followup_plan(psy[person])["rules"] if r["subject_kind"] == "recovery_goal"
               and r["subject_id"] == goal_id]
    return rule


def test_a_coordinator_plans_goals_and_their_reviews_are_reminders(psy):
    with login(psy["path"], "coordinator") as c:
        g1 = c.add_recovery_goal(psy["case_id"], psy["child"], domain="education", goal="Back at school full days",
                                 helper={"contact_id": psy["contact"]}, review_on="2027-01-15")
        g2 = c.add_recovery_goal(psy["case_id"], psy["mother"], domain="family", goal="Parenting support",
                                 helper="Aunt Lena")
        g3 = c.add_recovery_goal(psy["case_id"], psy["child"], domain="vocational_life_skills",
                                 goal="Swimming lessons", helper={"user_id": psy["therapist"]}, review_on="2027-02-01")
        out = c.case_psychosocial(psy["case_id"])
        assert [(g["id"], g["person_id"], g["domain"], g["goal"], g["helper"], g["status"], g["review_on"])
                for g in out["goals"]] == [
            (g1, psy["child"], "education", "Back at school full days", "Sara Socionom", "open", "2027-01-15"),
            (g2, psy["mother"], "family", "Parenting support", "Aunt Lena", "open", None),
            (g3, psy["child"], "vocational_life_skills", "Swimming lessons", "Therapist", "open", "2027-02-01")]
        assert out["next_review"] == date(2027, 1, 15)
        rule = _goal_rule(c, psy, g1)
        assert (rule["kind"], rule["discipline"], rule["case_id"], rule["next_due"]) == \
            ("action_item", "coordinator", psy["case_id"], "2027-01-15")
        # moved: the reminder moves with it
        c.update_recovery_goal(g1, review_on="2027-03-01")
        assert _goal_rule(c, psy, g1)["next_due"] == "2027-03-01"
        # achieved: the review is done, the next review is the other goal's
        c.update_recovery_goal(g1, status="achieved")
        assert _goal_rule(c, psy, g1)["next_due"] is None
        out = c.case_psychosocial(psy["case_id"])
        assert [g["status"] for g in out["goals"]] == ["achieved", "open", "open"]
        assert out["next_review"] == date(2027, 2, 1)
        # a review date given later makes its reminder then
        c.update_recovery_goal(g2, review_on="2027-04-01", goal="Parenting support group", helper=None)
        assert _goal_rule(c, psy, g2, "mother")["next_due"] == "2027-04-01"   # on the mother's plan
        g = c.case_psychosocial(psy["case_id"])["goals"][1]
        assert (g["goal"], g["helper"]) == ("Parenting support group", None)


def test_a_therapists_goal_review_is_a_therapist_reminder(psy):
    with login(psy["path"], "therapist") as t:
        g = t.add_recovery_goal(psy["case_id"], psy["child"], domain="mental_health", goal="Sleeps through",
                                review_on="2027-01-10")
        assert _goal_rule(t, psy, g)["discipline"] == "therapist"


@pytest.mark.parametrize("kwargs, field", [
    ({"domain": "spiritual"}, "domain"),
    ({"goal": "  "}, "goal"),
    ({"helper": {"user_id": 999}}, "helper"),
    ({"helper": {"contact_id": 999}}, "helper"),
    ({"helper": {"user_id": 1, "text": "both"}}, "helper"),
    ({"review_on": "someday"}, "review_on"),
])
def test_bad_goals_are_refused_with_the_field(psy, kwargs, field):
    values = {"domain": "health", "goal": "Dentist visit", **kwargs}
    with login(psy["path"], "coordinator") as c:
        with pytest.raises(ValidationError) as err:
            c.add_recovery_goal(psy["case_id"], psy["child"], **values)
        assert err.value.field == field
        g = c.add_recovery_goal(psy["case_id"], psy["child"], domain="health", goal="Dentist visit")
        for changes, f in (({"status": "won"}, "status"), ({"priority": 1}, "priority"), ({}, "changes")):
            with pytest.raises(ValidationError) as err:
                c.update_recovery_goal(g, **changes)
            assert err.value.field == f
        assert [x["goal"] for x in c.case_psychosocial(psy["case_id"])["goals"]] == ["Dentist visit"]


# --- who may do what ------------------------------------------------------------------------------

def test_only_therapists_record_treatment_and_the_liaison_reads_none_of_it(psy):
    episode_with_sessions(psy)
    for role in ("coordinator", "interviewer", "medical", "liaison"):
        with login(psy["path"], role) as s:
            with pytest.raises(PermissionDenied):
                s.start_episode(psy["case_id"], psy["child"], "cbt", started_on="2026-09-01")
            with pytest.raises(PermissionDenied):
                s.record_crisis_contact(psy["case_id"], psy["child"], occurred_at="2026-10-02T21:15:00+02:00")
    for role in ("interviewer", "medical", "liaison"):
        with login(psy["path"], role) as s:
            with pytest.raises(PermissionDenied):
                s.add_recovery_goal(psy["case_id"], psy["child"], domain="health", goal="x")
    with login(psy["path"], "liaison") as s:
        with pytest.raises(PermissionDenied):
            s.case_psychosocial(psy["case_id"])


def test_the_audit_trail_holds_no_content(psy):
    episode_with_sessions(psy)
    with login(psy["path"], "therapist") as t:
        t.record_crisis_contact(psy["case_id"], psy["child"], occurred_at="2026-10-02T21:15:00+02:00",
                                notes=f"{CANARY} crisis")
        t.add_recovery_goal(psy["case_id"], psy["child"], domain="health", goal=f"{CANARY} goal")
        with raw(t) as conn:
            details = [d for (d,) in conn.execute("SELECT detail FROM audit_log WHERE action LIKE 'psychosocial.%' "
                                                  "OR action LIKE 'recovery_plan.%' OR action LIKE 'therapy.%'")]
    assert len(details) == 6 and not any(CANARY in (d or "") for d in details)


# --- administrations, prompts, re-screens and the trend ------------------------------------------

def cats(value: int, missing: int = 0) -> dict:
    """CATS 7-17 answers: every one of its 20 symptom items answered `value`, the last `missing`
    unanswered."""
    return {f"s{n}": (None if n > 20 - missing else value) for n in range(1, 21)}


def test_a_bundled_screen_is_scored_by_the_core_and_the_team_reads_only_its_band(psy):
    with login(psy["path"], "therapist") as t:
        a1 = t.record_administration(psy["case_id"], psy["child"], "CATS-7-17", time_point="baseline",
                                     respondent="child", administered_on="2026-09-01", answers=cats(1))
        # 18 answered 2 and 2 missing: each scale prorated (CATS allows 2 missing), the total
        # 36 x 20 / 18 = 40, at or above the cut-off 21
        a2 = t.record_administration(psy["case_id"], psy["child"], "CATS-7-17", time_point="during_treatment",
                                     respondent="carer", administered_on="2026-10-01", answers=cats(2, missing=2))
        assert t.administration_answers(a1) == {f"s{n}": 1 for n in range(1, 21)}
        assert t.administration_answers(a2) == {f"s{n}": 2 for n in range(1, 19)}
        mine = t.case_psychosocial(psy["case_id"])["administrations"]
    assert [(a["id"], a["instrument"], a["version"], a["time_point"], a["respondent"], a["administered_on"],
             a["screen_band"], a["at_or_above_cutoff"], a["scores"], a["screen_value"]) for a in mine] == [
        (a1, "CATS-7-17", 1, "baseline", "child", "2026-09-01", "moderate", False,
         {"total": 20, "intrusion": 5, "avoidance": 2, "cognition_mood": 7, "arousal": 6}, 20),
        (a2, "CATS-7-17", 1, "during_treatment", "carer", "2026-10-01", "probable_ptsd", True,
         {"total": 40, "intrusion": 10, "avoidance": 4, "cognition_mood": 14, "arousal": 12}, 40)]
    for role in ("coordinator", "interviewer", "medical"):
        with login(psy["path"], role) as s:
            out = s.case_psychosocial(psy["case_id"])
            assert [(a["id"], a["screen_band"], a["bands"]["total"]) for a in out["administrations"]] == [
                (a1, "moderate", "moderate"), (a2, "probable_ptsd", "probable_ptsd")]
            assert not any("scores" in a or "screen_value" in a or "answers" in a for a in out["administrations"])
            assert out["open_prompts"] == [{"administration_id": a2, "child_person_id": psy["child"],
                                            "instrument": "CATS-7-17", "administered_on": "2026-10-01"}]
            with pytest.raises(PermissionDenied):
                s.administration_answers(a1)
            with pytest.raises(PermissionDenied):
                s.trend(psy["case_id"], psy["child"], "CATS-7-17")


def test_the_childs_age_on_the_day_picks_the_instrument(psy):
    """The child was born 2014-05-06: 7 from 2021-05-06 (CATS 7-17), 6 the day before (CATS 3-6)."""
    with login(psy["path"], "therapist") as t:
        t.record_administration(psy["case_id"], psy["child"], "CATS-7-17", time_point="baseline",
                                respondent="child", administered_on="2021-05-06", answers=cats(1))
        t.record_administration(psy["case_id"], psy["child"], "CATS-3-6", time_point="baseline",
                                respondent="carer", administered_on="2021-05-05",
                                answers={f"s{n}": 1 for n in range(1, 17)})
        assert [a["instrument"] for a in t.case_psychosocial(psy["case_id"])["administrations"]] == \
            ["CATS-3-6", "CATS-7-17"]


def test_a_scores_only_screen_keeps_the_typed_scores_and_holds_no_answers(psy):
    with login(psy["path"], "therapist") as t:
        a = t.record_administration(psy["case_id"], psy["child"], "UCLA-PTSD-RI-5", time_point="baseline",
                                    respondent="child", administered_on="2026-09-02", scores={"total": 38})
        (row,) = t.case_psychosocial(psy["case_id"])["administrations"]
        assert (row["scores"]["total"], row["screen_band"], row["at_or_above_cutoff"]) == (38, "probable_ptsd", True)
        assert t.administration_answers(a) == {}


@pytest.mark.parametrize("instrument, kwargs, field", [
    ("CATS-7-17", {"answers": {**cats(1), "s3": 4}}, "answers.s3"),          # answers are 0-3
    ("CATS-7-17", {"answers": cats(1, missing=3)}, "answers"),               # at most 2 missing
    ("CATS-7-17", {"scores": {"total": 20}}, "scores"),                      # bundled: scored by the app
    ("UCLA-PTSD-RI-5", {"scores": {"total": 81}}, "scores.total"),           # 0-80
    ("UCLA-PTSD-RI-5", {"answers": {"s1": 1}}, "answers"),                   # scores only: no answers
    ("NO-SUCH", {"answers": cats(1)}, "instrument"),
    (["CATS-7-17"], {"answers": cats(1)}, "instrument"),
    ("CATS-7-17", {"answers": cats(1), "version": "1"}, "instrument"),
    ("CATS-7-17", {"answers": cats(1), "version": 9}, "instrument"),
    ("CATS-7-17", {"answers": cats(1), "time_point": "someday"}, "time_point"),
    ("SDQ-P", {"scores": {"total": 10}, "respondent": "child"}, "respondent"),   # carer report only
    ("CATS-7-17", {"answers": cats(1), "administered_on": TOMORROW}, "administered_on"),
    # the child, born 2014-05-06, was 6 on 2021-05-05 (CATS 7-17 too young) and is 12 now (CATS 3-6 too old)
    ("CATS-7-17", {"answers": cats(1), "administered_on": "2021-05-05"}, "instrument"),
    ("CATS-3-6", {"answers": {f"s{n}": 1 for n in range(1, 17)}, "respondent": "carer",
                  "administered_on": "2026-09-01"}, "instrument"),
])
def test_bad_administrations_are_refused_with_the_field(psy, instrument, kwargs, field):
    values = {"time_point": "baseline", "respondent": "child", "administered_on": "2026-09-01", **kwargs}
    with login(psy["path"], "therapist") as t:
        with pytest.raises(ValidationError) as err:
            t.record_administration(psy["case_id"], psy["child"], instrument, **values)
        assert err.value.field == field
        with pytest.raises(ValidationError) as err:   # a carer is not screened as a child of the case
            t.record_administration(psy["case_id"], psy["mother"], "CATS-7-17", time_point="baseline",
                                    respondent="carer", administered_on="2026-09-01", answers=cats(1))
        assert err.value.field == "person_id"
        assert t.case_psychosocial(psy["case_id"])["administrations"] == []


def test_a_screen_at_the_cut_off_is_resolved_by_an_assessment_a_referral_or_a_reason(psy):
    with login(psy["path"], "coordinator") as c:
        referral = c.create_referral(psy["case_id"], "out", "child_psychiatry", on="2026-10-05")
        other = c.create_case(referral_received_at="2026-05-01T10:00:00+02:00", jurisdiction="SE")
        elsewhere = c.create_referral(other["id"], "out", "child_psychiatry", on="2026-10-05")
    with login(psy["path"], "therapist") as t:
        low = t.record_administration(psy["case_id"], psy["child"], "CATS-7-17", time_point="baseline",
                                      respondent="child", administered_on="2026-09-01", answers=cats(1))
        high = t.record_administration(psy["case_id"], psy["child"], "CATS-7-17", time_point="follow_up",
                                       respondent="child", administered_on="2026-10-01", answers=cats(2))
        for kwargs, field in (({"action": "referral"}, "referral_id"),
                              ({"action": "referral", "referral_id": elsewhere}, "referral_id"),
                              ({"action": "not_done"}, "reason"),
                              ({"action": "diagnostic_assessment", "reason": "why"}, "reason"),
                              ({"action": "ignored"}, "action")):
            with pytest.raises(ValidationError) as err:
                t.resolve_screen(high, **kwargs)
            assert err.value.field == field
        with pytest.raises(ValidationError) as err:
            t.resolve_screen(low, action="diagnostic_assessment")
        assert err.value.field == "action"
        t.resolve_screen(high, action="not_done", reason="The family moved abroad")
        t.resolve_screen(high, action="referral", referral_id=referral)
        out = t.case_psychosocial(psy["case_id"])
    a = out["administrations"][1]
    assert (a["resolution"], a["referral_id"], a["resolution_reason"], out["open_prompts"]) == \
        ("referral", referral, None, [])


def test_a_rescreen_is_a_reminder_with_no_end_completed_by_the_next_screen(psy):
    today = date.today()
    with login(psy["path"], "therapist") as t:
        rid = t.set_rescreen(psy["case_id"], psy["child"], "CATS-7-17", every_months=6)
        assert t.set_rescreen(psy["case_id"], psy["child"], "CATS-7-17", every_months=3) == rid
        with pytest.raises(ValidationError) as err:
            t.set_rescreen(psy["case_id"], psy["child"], "CATS-7-17", every_months=0)
        assert err.value.field == "every_months"
        (rule,) = [r for r in t.followup_plan(psy["child"])["rules"] if r["id"] == rid]
        assert (rule["kind"], rule["discipline"], rule["interval_months"], rule["until_recovery"],
                rule["subject_kind"]) == ("recurring_review", "therapist", 3, False, "psychosocial_rescreen")
        t.record_administration(psy["case_id"], psy["child"], "CATS-7-17", time_point="follow_up",
                                respondent="child", administered_on=today.isoformat(), answers=cats(1))
        (rule,) = [r for r in t.followup_plan(psy["child"])["rules"] if r["id"] == rid]
        assert [e["action"] for e in rule["events"]] == ["completed"]
        assert rule["status"] == "active" and rule["next_due"] > today.isoformat()   # it goes on


def test_the_trend_has_each_screen_by_its_own_version_and_the_episodes(psy):
    with login(psy["path"], "therapist") as t:
        e = t.start_episode(psy["case_id"], psy["child"], "tf_cbt", started_on="2026-09-10")
        t.end_episode(e, ended_on="2026-11-20", end_reason="completed")
        t.start_episode(psy["case_id"], psy["mother"], "family_therapy", started_on="2026-09-10")   # not hers
        for on, value in (("2026-09-01", 2), ("2026-10-15", 1), ("2026-11-25", 0)):
            t.record_administration(psy["case_id"], psy["child"], "CATS-7-17", time_point="baseline",
                                    respondent="child", administered_on=on, answers=cats(value))
        t.record_administration(psy["case_id"], psy["child"], "UCLA-PTSD-RI-5", time_point="baseline",
                                respondent="child", administered_on="2026-09-02", scores={"total": 38})
        out = t.trend(psy["case_id"], psy["child"], "CATS-7-17")
        with pytest.raises(ValidationError) as err:
            t.trend(psy["case_id"], psy["mother"], "CATS-7-17")
        assert err.value.field == "person_id"
        for code in ("NO-SUCH", None):
            with pytest.raises(ValidationError) as err:
                t.trend(psy["case_id"], psy["child"], code)
            assert err.value.field == "instrument"
        assert t.trend(psy["case_id"], psy["child"], "SDQ-P")["points"] == []
    assert out == {"instrument": "CATS-7-17", "name": "Child and Adolescent Trauma Screen, 7-17 (self and carer report)",
                   "scale": "total", "cutoff": 21,
                   "points": [("2026-09-01", 40, "probable_ptsd"), ("2026-10-15", 20, "moderate"),
                              ("2026-11-25", 0, "below")],
                   "episodes": [("2026-09-10", "2026-11-20", "Trauma-focused CBT (TF-CBT)")]}


# --- migration ---------------------------------------------------------------------------------------

def test_a_0010_record_upgrades_and_its_first_therapist_unlock_makes_the_therapy_section(tmp_path):
    """0011 holds no key: the first unlock by a therapist after the upgrade makes the therapy
    section (its recovery key shown to them once); the fixture's examination is intact, and what
    is recorded then survives reopening."""
    import shutil
    from barnahus_app.api import open_record
    from tests.core.test_schema import RECORDS, manifest
    from tests.support.records import FAST_KDF
    folder = RECORDS / "v0010"
    m = manifest(folder)
    target = tmp_path / "old-centre"
    target.mkdir()
    for f in (m["record"], m["record"] + ".keys"):
        shutil.copyfile(folder / f, target / f)
    path = target / m["record"]
    users = m["users"]
    with open_record(path, "coordinator", users["coordinator"]["password"], kdf=FAST_KDF) as c:
        assert c.upgraded_from == "0010"
        assert "therapy" not in c.section_recovery_keys
        (x,) = c.case_examinations(1)
        assert (x["id"], x["status"], x["released_outcome"]) == (1, "held", "no_findings")
        assert c.case_psychosocial(1) == {"episodes": [], "administrations": [], "goals": [], "crisis_contacts": [],
                                          "open_prompts": [], "next_review": None, "engaged": False}
    with open_record(path, "therapist", users["therapist"]["password"], kdf=FAST_KDF) as t:
        assert list(t.section_recovery_keys) == ["therapy"]
        e = t.start_episode(1, 1, "emdr", started_on="2026-09-01")
        s = t.record_session(e, held_on="2026-09-08", status="attended", notes=f"{CANARY} old record")
    with open_record(path, "therapist", users["therapist"]["password"], kdf=FAST_KDF) as t:
        assert t.session_notes(s) == f"{CANARY} old record"


def test_todays_list_names_a_rescreen_and_a_goal_review_by_their_subject(psy):
    with login(psy["path"], "therapist") as t:
        rid = t.set_rescreen(psy["case_id"], psy["child"], "CATS-7-17", every_months=1)
        g = t.add_recovery_goal(psy["case_id"], psy["child"], domain="health", goal="Dentist",
                                review_on=(date.today() + timedelta(days=3)).isoformat())
        gid = _goal_rule(t, psy, g)["id"]
        got = {r.rule_id: (r.subject_kind, r.opens) for r in t.reminders(date.today(), 60)}
    place = ("case", psy["case_id"], "psychosocial")   # both are acted on on the Psychosocial tab
    assert (got[rid], got[gid]) == (("psychosocial_rescreen", place), ("recovery_goal", place))


# --- missed sessions: the therapist's Today ---------------------------------------------------------

def _ago(n: int) -> str:
    return (date.today() - timedelta(days=n)).isoformat()


def test_missed_sessions_lists_only_the_follow_up_still_owed(psy):
    """Four episodes of the case: the child's (missed 12 days ago, attended 5 days ago: made up),
    the mother's (missed 20 and 3 days ago, a cancelled one between: owed, counted twice), a
    second of the child's (missed 40 days ago: outside 30 days, inside 45) and a third ended 2
    days ago after a session missed 8 days ago (owed only as of a day before it ended)."""
    with login(psy["path"], "therapist") as t:
        made_up = t.start_episode(psy["case_id"], psy["child"], "tf_cbt", started_on=_ago(60))
        t.record_session(made_up, held_on=_ago(12), status="missed")
        t.record_session(made_up, held_on=_ago(5), status="attended")
        mother = t.start_episode(psy["case_id"], psy["mother"], "tf_cbt", started_on=_ago(60))
        t.record_session(mother, held_on=_ago(25), status="attended")
        t.record_session(mother, held_on=_ago(20), status="missed")
        t.record_session(mother, held_on=_ago(10), status="cancelled")
        t.record_session(mother, held_on=_ago(3), status="missed")
        old = t.start_episode(psy["case_id"], psy["child"], "emdr", started_on=_ago(50))
        t.record_session(old, held_on=_ago(40), status="missed")
        ended = t.start_episode(psy["case_id"], psy["child"], "other", started_on=_ago(30))
        t.record_session(ended, held_on=_ago(8), status="missed")
        t.end_episode(ended, ended_on=_ago(2), end_reason="completed")
        ref = psy["case"]["reference"]
        assert t.missed_sessions(date.today().isoformat()) == [
            {"case_id": psy["case_id"], "case_reference": ref, "episode_id": mother, "person_id": psy["mother"],
             "therapist_id": None, "held_on": _ago(3), "missed": 2}]
        assert [(r["episode_id"], r["held_on"], r["missed"]) for r in t.missed_sessions(_ago(0), days=45)] == [
            (old, _ago(40), 1), (mother, _ago(3), 2)]
        # as of 4 days ago: the ended episode was still running, the mother's second miss not yet held
        assert [(r["episode_id"], r["held_on"], r["missed"]) for r in t.missed_sessions(_ago(4))] == [
            (mother, _ago(20), 1), (ended, _ago(8), 1)]
        assert t.missed_sessions(_ago(0), days=0) == []
        with pytest.raises(ValidationError) as err:
            t.missed_sessions(_ago(0), days=-1)
        assert err.value.field == "days"
        with raw(t) as conn:
            (detail,) = conn.execute("SELECT detail FROM audit_log WHERE action = 'psychosocial.missed_sessions_read' "
                                     "ORDER BY id LIMIT 1").fetchone()
        assert detail == '{"as_of":"%s","days":30,"episodes":1}' % date.today().isoformat()


def test_missed_sessions_are_the_therapists_alone(psy):
    for user in ("coordinator", "interviewer", "medical", "liaison", "admin"):
        with login(psy["path"], user) as s:
            with pytest.raises(PermissionDenied):
                s.missed_sessions(date.today().isoformat())
