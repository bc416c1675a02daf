"""The justice track and compensation (issue #16, core): each status flow of a proceeding and of a
compensation claim, hearings and release dates as reminders, the rights-explained checkpoints,
the child's part (a right, not a duty), and support that never ends with the justice track.
Real SQLCipher records; every expected value is written out by hand."""
from __future__ import annotations

import json

import pytest

from barnahus_app.errors import NotFound, PermissionDenied, ValidationError
from tests.support.records import login, raw, sample_case

TZ = "Europe/Stockholm"
DECLINE_REASON = "Insufficient evidence CANARY-JUSTICE-5521"
CHILD_WORDS = "They listened to me CANARY-JUSTICE-5522"


@pytest.fixture
def jt(record_path):
    """A case (child, alleged offender, a carer as party) with an alleged offence; the ids."""
    with login(record_path, "coordinator") as c:
        case = sample_case(c)
        carer = c.create_person(given_name="Carla", family_name="Carer", date_of_birth="1980-01-01",
                                acknowledge_duplicates=True)
        c.add_party(case["id"], carer, "carer", "parent", case["child_id"])
        offence = c.add_alleged_offence(case["id"], "sexual_abuse_child", "2025-06-01")
        coordinator = c.user_id
    return {"path": record_path, "case": case["id"], "ref": case["reference"], "child": case["child_id"],
            "offender": case["offender_id"], "carer": carer, "offence": offence, "coordinator": coordinator}


def _open(s, jt, kind="criminal", **kw):
    return s.open_proceeding(jt["case"], jt["offender"], kind, **kw)


def _status(s, jt, pid):
    return next(p for p in s.justice_summary(jt["case"])["proceedings"] if p["id"] == pid)


def _rule(s, rule_id):
    conn = raw(s)
    try:
        return conn.execute("SELECT kind, discipline, subject_kind, due_on, next_due, person_id, case_id "
                            "FROM followup_rules WHERE id = ?", (rule_id,)).fetchone()
    finally:
        conn.close()


def _rules(s):
    conn = raw(s)
    try:
        return conn.execute("SELECT id, kind, next_due, status FROM followup_rules ORDER BY id").fetchall()
    finally:
        conn.close()


# --- the criminal flow ---------------------------------------------------------------------------

def test_a_criminal_proceeding_from_report_to_release_and_closing(jt):
    with login(jt["path"], "liaison") as s:
        pid = _open(s, jt, offence_id=jt["offence"], police_reference="POL-2026-17")
        steps = []
        s.record_justice_event(pid, "reported_to_police", "2026-01-10")
        steps.append(_status(s, jt, pid)["status"])
        s.record_justice_event(pid, "investigation_opened", "2026-01-15")
        steps.append(_status(s, jt, pid)["status"])
        s.record_justice_event(pid, "charge_decision", "2026-03-01", decision="charged",
                               charges=[{"category": "sexual_abuse_child", "offence_id": jt["offence"]},
                                        "online_grooming"])
        steps.append(_status(s, jt, pid)["status"])
        s.record_justice_event(pid, "indictment", "2026-03-10")
        steps.append(_status(s, jt, pid)["status"])
        c1, c2 = (c["id"] for c in _status(s, jt, pid)["charges"])
        s.record_justice_event(pid, "verdict", "2026-05-01", charge_id=c1, verdict="convicted")
        s.record_justice_event(pid, "verdict", "2026-05-01", charge_id=c2, verdict="acquitted")
        steps.append(_status(s, jt, pid)["status"])
        s.record_justice_event(pid, "sentence", "2026-05-20", release_on="2027-03-01")
        steps.append(_status(s, jt, pid)["status"])
        assert steps == ["reported", "investigating", "charged", "indicted", "decided", "sentenced"]
        p = _status(s, jt, pid)
        assert [(c["category"], c["offence_id"], c["verdict"], c["verdict_on"]) for c in p["charges"]] == [
            ("sexual_abuse_child", jt["offence"], "convicted", "2026-05-01"),
            ("online_grooming", None, "acquitted", "2026-05-01")]
        # 2027-03-01 less 30 days (February 2027 has 28): 30 January
        assert p["release"] == {"release_on": "2027-03-01", "inform_by": "2027-01-30", "informed_on": None}
        conn = raw(s)
        rule_id = conn.execute("SELECT release_rule_id FROM justice_proceedings WHERE id = ?", (pid,)).fetchone()[0]
        conn.close()
        assert _rule(s, rule_id) == ("action_item", "liaison", "justice_release", "2027-01-30", "2027-01-30",
                                     jt["child"], jt["case"])
        s.record_release_informed(pid, "2026-12-01")
        assert _status(s, jt, pid)["release"] == {"release_on": "2027-03-01", "inform_by": None,
                                                  "informed_on": "2026-12-01"}
        s.record_justice_event(pid, "final_disposition", "2026-06-01", outcome="partly_convicted")
        p = _status(s, jt, pid)
        assert (p["status"], p["closed_on"]) == ("closed", "2026-06-01")
        assert [e["kind"] for e in p["events"]] == [
            "reported_to_police", "investigation_opened", "charge_decision", "indictment", "verdict", "verdict",
            "sentence", "final_disposition"]
        with pytest.raises(ValidationError) as e:
            s.record_justice_event(pid, "appeal", "2026-06-02")
        assert e.value.field == "status"
    with login(jt["path"], "coordinator") as c:
        # the limitation warning of the alleged offence attaches to the proceeding
        lim = _status(c, jt, pid)["limitation"]
        assert (lim["offence_id"], lim["category"]) == (jt["offence"], "sexual_abuse_child")


def test_no_verdict_before_a_charge_and_a_declined_decision_needs_its_reason(jt):
    with login(jt["path"], "coordinator") as s:
        pid = _open(s, jt)
        for kind, kw in (("verdict", {"charge_id": 1, "verdict": "convicted"}), ("indictment", {}),
                         ("sentence", {}), ("appeal", {})):
            with pytest.raises(ValidationError) as e:
                s.record_justice_event(pid, kind, "2026-02-01", **kw)
            assert e.value.field == "kind", kind
        s.record_justice_event(pid, "reported_to_police", "2026-02-01")
        with pytest.raises(ValidationError) as e:
            s.record_justice_event(pid, "charge_decision", "2026-04-01", decision="declined")
        assert e.value.field == "reason"
        with pytest.raises(ValidationError) as e:
            s.record_justice_event(pid, "charge_decision", "2026-04-01", decision="charged")
        assert e.value.field == "charges"
        with pytest.raises(ValidationError) as e:
            s.record_justice_event(pid, "charge_decision", "2026-01-01", decision="no_further_action")
        assert e.value.field == "on"   # before the report
        s.record_justice_event(pid, "charge_decision", "2026-04-01", decision="declined", reason=DECLINE_REASON)
        p = _status(s, jt, pid)
        assert (p["status"], p["events"][-1]["decision"], p["events"][-1]["reason"]) == \
            ("declined", "declined", DECLINE_REASON)
        with pytest.raises(ValidationError):
            s.record_justice_event(pid, "indictment", "2026-04-02")
        # a review of the declined decision: charged after all
        s.record_justice_event(pid, "charge_decision", "2026-05-01", decision="charged", charges=["rape_child"])
        assert _status(s, jt, pid)["status"] == "charged"
        with pytest.raises(ValidationError) as e:   # charged, not yet indicted
            s.record_justice_event(pid, "verdict", "2026-05-02", charge_id=1, verdict="plea")
        assert e.value.field == "kind"
        assert "CANARY-JUSTICE" not in json.dumps(s.export_case_audit(jt["case"]), default=str)


def test_a_verdict_is_given_once_per_charge_and_again_after_an_appeal(jt):
    with login(jt["path"], "liaison") as s:
        pid = _open(s, jt)
        s.record_justice_event(pid, "reported_to_police", "2026-01-10")
        s.record_justice_event(pid, "charge_decision", "2026-02-01", decision="charged", charges=["rape_child"])
        s.record_justice_event(pid, "indictment", "2026-02-10")
        (charge,) = _status(s, jt, pid)["charges"]
        s.record_justice_event(pid, "verdict", "2026-04-01", charge_id=charge["id"], verdict="acquitted")
        with pytest.raises(ValidationError) as e:
            s.record_justice_event(pid, "verdict", "2026-04-02", charge_id=charge["id"], verdict="convicted")
        assert e.value.field == "charge_id"
        with pytest.raises(ValidationError) as e:   # no conviction: no sentence
            s.record_justice_event(pid, "sentence", "2026-04-03")
        assert e.value.field == "kind"
        s.record_justice_event(pid, "appeal", "2026-04-10")
        assert _status(s, jt, pid)["status"] == "appealed"
        s.record_justice_event(pid, "verdict", "2026-08-01", charge_id=charge["id"], verdict="convicted")
        p = _status(s, jt, pid)
        assert (p["status"], p["charges"][0]["verdict"], p["charges"][0]["verdict_on"]) == \
            ("decided", "convicted", "2026-08-01")
        with pytest.raises(ValidationError) as e:
            s.record_justice_event(pid, "verdict", "2026-08-01", charge_id=999, verdict="convicted")
        assert e.value.field == "charge_id"
        s.record_justice_event(pid, "sentence", "2026-08-15")
        assert _status(s, jt, pid)["status"] == "sentenced"


def test_child_protection_and_civil_proceedings_have_hearings_and_a_final_disposition_only(jt):
    with login(jt["path"], "coordinator") as s:
        pid = _open(s, jt, "child_protection")
        for kind in ("reported_to_police", "charge_decision", "verdict", "sentence", "appeal"):
            with pytest.raises(ValidationError) as e:
                s.record_justice_event(pid, kind, "2026-02-01", **({"decision": "charged", "charges": ["other"]}
                                                                   if kind == "charge_decision" else
                                                                   {"charge_id": 1, "verdict": "plea"}
                                                                   if kind == "verdict" else {}))
            assert e.value.field == "kind", kind
        s.schedule_hearing(pid, "2026-03-01")
        with pytest.raises(ValidationError) as e:
            s.record_justice_event(pid, "final_disposition", "2026-03-02", outcome="no_such_outcome")
        assert e.value.field == "outcome"
        s.record_justice_event(pid, "final_disposition", "2026-03-02", outcome="order_made")
        assert _status(s, jt, pid)["status"] == "closed"


def test_a_proceeding_takes_its_references_and_offence_later(jt):
    with login(jt["path"], "liaison") as s:
        pid = _open(s, jt)
        s.update_proceeding(pid, police_reference="POL-1", court_reference="T 123-26", offence_id=jt["offence"])
        p = _status(s, jt, pid)
        assert (p["police_reference"], p["court_reference"], p["offence_id"], p["limitation"]["offence_id"]) == \
            ("POL-1", "T 123-26", jt["offence"], jt["offence"])
        s.update_proceeding(pid, offence_id=None, court_reference="")
        p = _status(s, jt, pid)
        assert (p["police_reference"], p["court_reference"], p["offence_id"], p["limitation"]) == \
            ("POL-1", None, None, None)
        for field, value in (("offence_id", 4242), ("police_reference", "x" * 101), ("status", "closed")):
            with pytest.raises(ValidationError) as e:
                s.update_proceeding(pid, **{field: value})
            assert e.value.field == field


def test_the_offender_is_an_alleged_offender_of_the_case_and_never_a_child(jt):
    with login(jt["path"], "liaison") as s:
        for who, field in ((jt["child"], "offender_person_id"), (jt["carer"], "offender_person_id"),
                           (True, "offender_person_id")):
            with pytest.raises(ValidationError) as e:
                s.open_proceeding(jt["case"], who, "criminal")
            assert e.value.field == field
        with pytest.raises(ValidationError) as e:
            s.open_proceeding(jt["case"], jt["offender"], "criminal_court")
        assert e.value.field == "kind"
        with pytest.raises(ValidationError) as e:
            s.open_proceeding(jt["case"], jt["offender"], "criminal", offence_id=9999)
        assert e.value.field == "offence_id"
        with pytest.raises(NotFound):
            s.record_justice_event(4242, "reported_to_police", "2026-01-01")
        assert s.justice_summary(jt["case"])["proceedings"] == []


# --- hearings, reminders, support ------------------------------------------------------------------

def test_a_hearing_is_a_court_date_for_the_liaison_and_the_case_lead_and_moves_with_its_reminder(jt):
    with login(jt["path"], "liaison") as s:
        pid = _open(s, jt)
        s.record_justice_event(pid, "reported_to_police", "2026-01-10")
        s.record_justice_event(pid, "charge_decision", "2026-02-01", decision="charged", charges=["rape_child"])
        eid = s.schedule_hearing(pid, at="2027-01-15T09:30", time_zone=TZ)
        (hearing,) = [e for e in _status(s, jt, pid)["events"] if e["kind"] == "hearing"]
        assert (hearing["on_date"], hearing["at_utc"], hearing["time_zone"]) == \
            ("2027-01-15", "2027-01-15T08:30:00.000000Z", TZ)
        rid = hearing["followup_rule_id"]
        assert _rule(s, rid) == ("court_date", "liaison", "justice_hearing", "2027-01-15", "2027-01-15",
                                 jt["child"], jt["case"])
        assert [(r.kind, r.due.isoformat(), r.opens) for r in s.reminders("2027-01-01") if r.rule_id == rid] == \
            [("court_date", "2027-01-15", ("case", jt["case"], "justice"))]
        s.move_hearing(eid, "2027-02-01")
        assert _rule(s, rid)[3:5] == ("2027-02-01", "2027-02-01")
        with pytest.raises(ValidationError) as e:
            s.schedule_hearing(pid, "2027-03-01", at="2027-03-01T10:00")
        assert e.value.field == "on"
    with login(jt["path"], "coordinator") as c:   # the case lead
        assert [r.due.isoformat() for r in c.reminders("2027-01-20") if r.rule_id == rid] == ["2027-02-01"]
    with login(jt["path"], "therapist") as t:     # the court date is not theirs
        assert [r for r in t.reminders("2027-01-20") if r.rule_id == rid] == []


def test_closing_a_proceeding_ends_no_service_and_no_reminder(jt):
    """Support never depends on the justice track (001 para 80)."""
    with login(jt["path"], "coordinator") as c:
        review = c.add_followup_rule(jt["child"], "recurring_review", jt["case"], due_on="2027-01-10",
                                     interval_months=6)
        referral = c.create_referral(jt["case"], "out", "therapy_elsewhere", on="2026-03-10", due_on="2026-12-20")
        pid = _open(c, jt)
        c.record_justice_event(pid, "reported_to_police", "2026-01-10")
        c.record_justice_event(pid, "charge_decision", "2026-02-01", decision="charged", charges=["rape_child"])
        c.record_justice_event(pid, "indictment", "2026-02-10")
        c.schedule_hearing(pid, "2027-02-15")
        (charge,) = _status(c, jt, pid)["charges"]
        c.record_justice_event(pid, "verdict", "2026-04-01", charge_id=charge["id"], verdict="convicted")
        c.record_justice_event(pid, "sentence", "2026-04-15", release_on="2027-06-30")
        before_rules = _rules(c)
        before_referral = c.referral_view(referral)["status"]
        c.record_justice_event(pid, "final_disposition", "2026-05-01", outcome="convicted")
        assert _status(c, jt, pid)["status"] == "closed"
        assert _rules(c) == before_rules
        assert c.referral_view(referral)["status"] == before_referral
        kinds = {r.rule_id: r.kind for r in c.reminders("2027-06-30", upcoming_days=0)}
        assert kinds[review] == "recurring_review"
        # the release notice, the rights checkpoint at the verdict, the hearing, the review (the
        # statute warning of a child born 2014 falls due years later)
        assert sorted(kinds.values()) == ["action_item", "action_item", "court_date", "recurring_review"]
        # the release date can still be set and the family informed after closing
        c.set_release_date(pid, "2027-07-31")
        assert _status(c, jt, pid)["release"] == {"release_on": "2027-07-31", "inform_by": "2027-07-01",
                                                  "informed_on": None}


def test_the_childs_part_is_a_right_and_not_taking_part_is_no_failure(jt):
    with login(jt["path"], "liaison") as s:
        pid = _open(s, jt)
        before = _rules(s)
        s.set_child_participation(pid, participation="not_at_all", special_measures=["companion_present", "screen"],
                                  support_person_id=jt["carer"], legal_representative="Lena Lawyer",
                                  child_view="satisfied", child_view_words=CHILD_WORDS, child_view_on="2026-06-01")
        part = _status(s, jt, pid)["child_part"]
        assert part == {"participation": "not_at_all", "special_measures": ["companion_present", "screen"],
                        "support_person_id": jt["carer"], "support_person_name": "Carla Carer",
                        "legal_representative": "Lena Lawyer", "child_view": "satisfied",
                        "child_view_words": CHILD_WORDS, "child_view_on": "2026-06-01"}
        assert _rules(s) == before   # no reminder, no flag, nothing to chase
        assert s.justice_summary(jt["case"])["line"] == "1 proceeding(s), 1 open."
        assert s.justice_summary(jt["case"])["counts"] == {"proceedings": 1, "open": 1, "claims": 0, "paid": 0}
        for field, value in (("participation", "refused"), ("special_measures", ["no_such"]),
                             ("special_measures", "screen"), ("child_view", "angry"),
                             ("support_person_id", jt["offender"]), ("child_view_on", "2999-01-01")):
            with pytest.raises(ValidationError) as e:
                s.set_child_participation(pid, **{field: value})
            assert e.value.field == field
        with pytest.raises(ValidationError):
            s.set_child_participation(pid, consent=True)
        s.set_child_participation(pid, special_measures=[], participation="live_link")
        part = _status(s, jt, pid)["child_part"]
        assert (part["participation"], part["special_measures"], part["child_view"]) == \
            ("live_link", [], "satisfied")
    with login(jt["path"], "coordinator") as c:
        trail = repr(c.export_case_audit(jt["case"]))
        assert "CANARY-JUSTICE" not in trail and "Lena Lawyer" not in trail


# --- compensation ---------------------------------------------------------------------------------

def _claim(s, jt, cid):
    return next(c for c in s.justice_summary(jt["case"])["claims"] if c["id"] == cid)


def test_a_claim_through_to_payment(jt):
    with login(jt["path"], "liaison") as s:
        cid = s.open_claim(jt["case"], "criminal_case", "guardian", currency="SEK", claimant_person_id=jt["carer"],
                           representative="Lena Lawyer")
        assert _claim(s, jt, cid)["status"] == "rights_not_explained"
        with pytest.raises(ValidationError) as e:
            s.set_claim_status(cid, "filed", "2026-03-01", amount=5_000_000)
        assert e.value.field == "status"
        s.record_rights_explained(jt["case"], "after_interview", "2026-03-02")
        assert _claim(s, jt, cid)["status"] == "explained"
        with pytest.raises(ValidationError) as e:
            s.set_claim_status(cid, "filed", "2026-03-05")
        assert e.value.field == "amount"
        s.set_claim_status(cid, "filed", "2026-03-05", amount=5_000_000)
        s.set_claim_status(cid, "pending", "2026-03-20")
        with pytest.raises(ValidationError) as e:
            s.set_claim_status(cid, "partly_awarded", "2026-05-01", amount=5_000_000)
        assert e.value.field == "amount"
        s.set_claim_status(cid, "partly_awarded", "2026-05-01", amount=3_000_000)
        s.record_payment(cid, 1_000_000, "2026-06-01")
        assert _claim(s, jt, cid)["status"] == "partly_paid"
        with pytest.raises(ValidationError) as e:
            s.record_payment(cid, 2_500_000, "2026-07-01")
        assert e.value.field == "amount"
        s.record_payment(cid, 2_000_000, "2026-07-01")
        c = _claim(s, jt, cid)
        assert (c["status"], c["currency"], c["amount_claimed"], c["amount_awarded"], c["amount_paid"],
                c["filed_on"], c["decided_on"], c["paid_on"]) == \
            ("paid", "SEK", 5_000_000, 3_000_000, 3_000_000, "2026-03-05", "2026-05-01", "2026-07-01")
        assert [(x["status"], x["on"], x["amount"]) for x in c["steps"]][1:] == [
            ("explained", "2026-03-02", None), ("filed", "2026-03-05", 5_000_000), ("pending", "2026-03-20", None),
            ("partly_awarded", "2026-05-01", 3_000_000), ("partly_paid", "2026-06-01", 1_000_000),
            ("paid", "2026-07-01", 2_000_000)]
        for status in ("appealed", "unenforceable", "pending"):
            with pytest.raises(ValidationError) as e:
                s.set_claim_status(cid, status, "2026-07-02")
            assert e.value.field == "status"
        with pytest.raises(ValidationError):
            s.record_payment(cid, 1, "2026-07-02")


def test_a_rejected_claim_appealed_and_an_unenforceable_award_goes_to_the_state_fund(jt):
    with login(jt["path"], "coordinator") as s:
        s.record_rights_explained(jt["case"], "other", "2026-02-01")
        cid = s.open_claim(jt["case"], "civil_claim", "child", currency="EUR", amount_claimed=800_000)
        assert _claim(s, jt, cid)["status"] == "explained"
        s.set_claim_status(cid, "filed", "2026-02-10")
        s.set_claim_status(cid, "rejected", "2026-04-01")
        s.set_claim_status(cid, "appealed", "2026-04-20")
        s.set_claim_status(cid, "awarded", "2026-09-01", amount=800_000)
        with pytest.raises(ValidationError) as e:
            s.set_claim_status(cid, "paid", "2026-09-02")
        assert e.value.field == "status"
        s.set_claim_status(cid, "unenforceable", "2026-10-01")
        assert [x["status"] for x in _claim(s, jt, cid)["steps"]] == [
            "explained", "filed", "rejected", "appealed", "awarded", "unenforceable"]
        fund = s.open_claim(jt["case"], "state_fund", "child", currency="EUR", amount_claimed=800_000)
        s.set_claim_status(fund, "filed", "2026-10-05")
        s.set_claim_status(fund, "awarded", "2026-11-20", amount=750_000)
        s.record_payment(fund, 750_000, "2026-12-01")
        assert _claim(s, jt, fund)["status"] == "paid"
        assert s.justice_summary(jt["case"])["line"] == "2 compensation claim(s), 1 paid."


@pytest.mark.parametrize("field,kw", [
    ("currency", {"currency": "sek"}), ("currency", {"currency": "KRONA"}), ("currency", {"currency": None}),
    ("amount_claimed", {"amount_claimed": -5}), ("amount_claimed", {"amount_claimed": 12.5}),
    ("amount_claimed", {"amount_claimed": True}), ("route", {"route": "lottery"}),
    ("claimant", {"claimant": "offender"}), ("deadline_on", {"deadline_on": "31/12/2026"}),
    ("child_person_id", {"child_person_id": 4242}),
])
def test_bad_claims_are_refused_with_the_field_and_nothing_is_written(jt, field, kw):
    values = dict(route="state_fund", claimant="child", currency="SEK")
    values.update(kw)
    route, claimant = values.pop("route"), values.pop("claimant")
    with login(jt["path"], "liaison") as s:
        with pytest.raises(ValidationError) as e:
            s.open_claim(jt["case"], route, claimant, **values)
        assert e.value.field == field
        assert s.justice_summary(jt["case"])["claims"] == []


def test_a_claim_deadline_is_a_reminder_completed_by_the_next_step(jt):
    with login(jt["path"], "liaison") as s:
        cid = s.open_claim(jt["case"], "state_fund", "child", currency="SEK", amount_claimed=100_000,
                           deadline_on="2027-01-31")
        c = _claim(s, jt, cid)
        assert (c["deadline_on"], c["deadline_due"]) == ("2027-01-31", "2027-01-31")
        assert _rule(s, c["deadline_rule_id"])[:4] == ("compensation_deadline", "liaison", "compensation_claim",
                                                       "2027-01-31")
        s.set_claim_deadline(cid, "2027-02-28")
        assert _claim(s, jt, cid)["deadline_due"] == "2027-02-28"
        s.record_rights_explained(jt["case"], "after_interview", "2026-12-01")
        s.set_claim_status(cid, "filed", "2026-12-02")
        assert _claim(s, jt, cid)["deadline_due"] is None


def test_rights_explained_checkpoints_after_the_interview_and_at_the_verdict(jt):
    with login(jt["path"], "admin") as a:
        room = a.create_room("Interview room", "interview")
    with login(jt["path"], "interviewer") as i:
        iid = i.plan_interview(jt["case"], jt["child"], "2026-04-02T10:00", 60, room, i.user_id, time_zone=TZ)
        i.record_interview(iid, actual_start="2026-04-02T10:05", actual_end="2026-04-02T10:50")
    with login(jt["path"], "liaison") as s:
        due = [(r.kind, r.subject_kind, r.due.isoformat()) for r in s.reminders("2026-04-01")
               if r.subject_kind and r.subject_kind.startswith("rights")]
        assert due == [("action_item", "rights_after_interview", "2026-04-16")]
        pid = _open(s, jt)
        s.record_justice_event(pid, "reported_to_police", "2026-04-03")
        s.record_justice_event(pid, "charge_decision", "2026-05-01", decision="charged", charges=["rape_child"])
        s.record_justice_event(pid, "indictment", "2026-05-10")
        (charge,) = _status(s, jt, pid)["charges"]
        s.record_justice_event(pid, "verdict", "2026-09-01", charge_id=charge["id"], verdict="convicted")
        due = sorted((r.subject_kind, r.due.isoformat()) for r in s.reminders("2026-09-01")
                     if r.subject_kind and r.subject_kind.startswith("rights"))
        assert due == [("rights_after_interview", "2026-04-16"), ("rights_at_verdict", "2026-09-15")]
        s.record_rights_explained(jt["case"], "after_interview", "2026-04-10")
        due = [(r.subject_kind, r.due.isoformat()) for r in s.reminders("2026-09-01")
               if r.subject_kind and r.subject_kind.startswith("rights")]
        assert due == [("rights_at_verdict", "2026-09-15")]
        s.record_rights_explained(jt["case"], "at_verdict", "2026-09-05")
        assert [r for r in s.reminders("2026-09-01") if r.subject_kind and r.subject_kind.startswith("rights")] == []
        assert [(r["stage"], r["on"]) for r in s.justice_summary(jt["case"])["rights_explained"]] == [
            ("after_interview", "2026-04-10"), ("at_verdict", "2026-09-05")]


# --- the liaison's Today, and who may --------------------------------------------------------------

def test_liaison_today(jt):
    with login(jt["path"], "liaison") as s:
        waiting = _open(s, jt)
        s.record_justice_event(waiting, "reported_to_police", "2026-02-01")
        court = _open(s, jt, "civil")
        hearing = s.schedule_hearing(court, "2027-01-20")
        s.schedule_hearing(court, "2027-06-01")            # beyond the window
        done = _open(s, jt)
        s.record_justice_event(done, "reported_to_police", "2026-01-10")
        s.record_justice_event(done, "charge_decision", "2026-02-01", decision="charged", charges=["rape_child"])
        s.record_justice_event(done, "indictment", "2026-02-10")
        (charge,) = _status(s, jt, done)["charges"]
        s.record_justice_event(done, "verdict", "2026-03-01", charge_id=charge["id"], verdict="plea")
        s.record_justice_event(done, "sentence", "2026-03-15", release_on="2027-01-25")
        claim = s.open_claim(jt["case"], "state_fund", "child", currency="SEK", deadline_on="2026-12-31")
        today = s.liaison_today("2026-12-10", days=60)
        for bad in (-1, 3661, True, "60"):
            with pytest.raises(ValidationError, match="^days: takes a whole number from 0 to 3660.$"):
                s.liaison_today("2026-12-10", days=bad)
    assert today["until"] == "2027-02-08"
    assert [(h["event_id"], h["on"], h["case_reference"], h["kind"]) for h in today["hearings"]] == \
        [(hearing, "2027-01-20", jt["ref"], "civil")]
    assert [(d["proceeding_id"], d["waiting_for"], d["since"]) for d in today["decisions_due"]] == \
        [(waiting, "charge_decision", "2026-02-01")]
    assert [(r["proceeding_id"], r["release_on"], r["inform_by"]) for r in today["release_dates"]] == \
        [(done, "2027-01-25", "2026-12-26")]
    kinds = sorted((d["kind"], d["due"]) for d in today["compensation_deadlines"])
    assert kinds == [("claim_deadline", "2026-12-31"), ("rights_at_verdict", "2026-03-15")]
    assert next(d for d in today["compensation_deadlines"] if d["kind"] == "claim_deadline")["claim_id"] == claim


@pytest.mark.parametrize("role", ["interviewer", "medical", "therapist"])
def test_other_case_roles_read_the_summary_line_only_and_change_nothing(jt, role):
    with login(jt["path"], "liaison") as s:
        pid = _open(s, jt)
        s.open_claim(jt["case"], "state_fund", "child", currency="SEK")
    with login(jt["path"], role) as s:
        assert s.justice_status(jt["case"]) == {
            "case_id": jt["case"], "counts": {"proceedings": 1, "open": 1, "claims": 1, "paid": 0},
            "line": "1 proceeding(s), 1 open; 1 compensation claim(s), 0 paid."}
        with pytest.raises(PermissionDenied):
            s.justice_summary(jt["case"])
        with pytest.raises(PermissionDenied):
            s.liaison_today("2026-12-01")
        with pytest.raises(NotFound):
            s.justice_status(jt["case"] + 1000)
        with pytest.raises(PermissionDenied):
            s.record_justice_event(pid, "reported_to_police", "2026-01-01")
        with pytest.raises(PermissionDenied):
            s.open_claim(jt["case"], "state_fund", "child", currency="SEK")
    with login(jt["path"], "admin") as a:
        with pytest.raises(PermissionDenied):
            a.justice_summary(jt["case"])
        with pytest.raises(PermissionDenied):
            a.justice_status(jt["case"])


# --- release notification: the family's choice (004 para 59) ----------------------------------------

NOT_WANTED_REASON = "The child and family do not wish to be told of the release."


def _sentenced(s, jt, **sentence):
    pid = _open(s, jt)
    s.record_justice_event(pid, "reported_to_police", "2026-01-10")
    s.record_justice_event(pid, "charge_decision", "2026-03-01", decision="charged", charges=["online_grooming"])
    s.record_justice_event(pid, "indictment", "2026-03-10")
    (charge,) = (c["id"] for c in _status(s, jt, pid)["charges"])
    s.record_justice_event(pid, "verdict", "2026-05-01", charge_id=charge, verdict="convicted")
    s.record_justice_event(pid, "sentence", "2026-05-20", **sentence)
    return pid


def _release_rule(s, pid):
    conn = raw(s)
    try:
        return conn.execute("SELECT release_rule_id FROM justice_proceedings WHERE id = ?", (pid,)).fetchone()[0]
    finally:
        conn.close()


def _rule_events(s, rule_id):
    conn = raw(s)
    try:
        return conn.execute("SELECT action, on_date, reason FROM followup_events WHERE rule_id = ? ORDER BY id",
                            (rule_id,)).fetchall()
    finally:
        conn.close()


def test_a_family_that_does_not_wish_to_be_told_gets_no_release_reminder(jt):
    with login(jt["path"], "liaison") as s:
        pid = _sentenced(s, jt)
        assert _status(s, jt, pid)["release_wish"] is None          # not asked yet
        s.set_release_wish(pid, "not_wanted", "2026-05-20")
        s.set_release_date(pid, "2027-03-01")
        p = _status(s, jt, pid)
        assert p["release_wish"] == {"wish": "not_wanted", "on": "2026-05-20"}
        assert p["release"] == {"release_on": "2027-03-01", "inform_by": None, "informed_on": None}
        assert _release_rule(s, pid) is None
        assert s.liaison_today("2027-01-15")["release_dates"] == []
        with pytest.raises(ValidationError) as e:
            s.record_release_informed(pid, "2026-12-01")
        assert e.value.field == "on"
        # They wish it after all: the reminder falls due 30 days before the release.
        s.set_release_wish(pid, "wanted", "2026-12-01")
        rid = _release_rule(s, pid)
        assert _rule(s, rid)[:5] == ("action_item", "liaison", "justice_release", "2027-01-30", "2027-01-30")
        assert [(r["proceeding_id"], r["inform_by"], r["wish"])
                for r in s.liaison_today("2027-01-15")["release_dates"]] == [(pid, "2027-01-30", "wanted")]
        assert _status(s, jt, pid)["release"]["inform_by"] == "2027-01-30"


def test_a_change_of_mind_declines_the_open_reminder_and_a_new_wish_brings_a_new_one(jt):
    with login(jt["path"], "liaison") as s:
        pid = _sentenced(s, jt, release_on="2027-03-01")       # not asked yet: the reminder is made
        first = _release_rule(s, pid)
        assert _rule(s, first)[3:5] == ("2027-01-30", "2027-01-30")
        assert [(r["proceeding_id"], r["wish"]) for r in s.liaison_today("2027-01-15")["release_dates"]] == \
            [(pid, None)]                                      # whoever tells them asks them first
        s.set_release_wish(pid, "not_wanted", "2026-12-02")
        assert _rule_events(s, first) == [("declined", "2026-12-02", NOT_WANTED_REASON)]
        assert [r for r in s.reminders("2027-01-30") if r.rule_id == first] == []
        assert s.liaison_today("2027-01-15")["release_dates"] == []
        s.set_release_date(pid, "2027-04-01")                  # a new date makes no reminder either
        assert _release_rule(s, pid) == first and _rule_events(s, first) == [
            ("declined", "2026-12-02", NOT_WANTED_REASON)]
        s.set_release_wish(pid, "wanted", "2026-12-03")
        second = _release_rule(s, pid)
        assert second != first
        assert _rule(s, second)[3:5] == ("2027-03-02", "2027-03-02")   # 2027-04-01 less 30 days
        s.record_release_informed(pid, "2026-12-04")
        assert _rule_events(s, second) == [("completed", "2026-12-04", None)]


def _open_release_reminders(s, as_of="2027-12-31"):
    return [r.due.isoformat() for r in s.reminders(as_of) if r.subject_kind == "justice_release"]


def test_a_wish_for_a_past_release_reminds_at_once_and_after_they_were_told_of_nothing(jt):
    with login(jt["path"], "liaison") as s:
        pid = _sentenced(s, jt, release_on="2026-11-01")       # released already; nobody told them
        first = _release_rule(s, pid)
        s.set_release_wish(pid, "not_wanted", "2026-06-01")
        s.set_release_wish(pid, "wanted", "2026-12-01")        # they still wish to know: overdue at once
        second = _release_rule(s, pid)
        assert second != first and _rule(s, second)[3:5] == ("2026-10-02", "2026-10-02")
        assert _open_release_reminders(s) == ["2026-10-02"]
        s.record_release_informed(pid, "2026-12-02")
        s.set_release_wish(pid, "wanted", "2026-12-03")        # told already: nothing more to remind of
        assert _release_rule(s, pid) == second and _open_release_reminders(s) == []
        assert _rule_events(s, second) == [("completed", "2026-12-02", None)]
    with login(jt["path"], "coordinator") as c:                # the answer is not in the audit trail
        entries = [e["detail"] for e in c.audit_entries() if e["action"] == "justice.release_wish_set"]
    assert entries == [{"proceeding": pid, "fields": ["release_wish", "release_wish_on"]}] * 3


def test_told_then_not_wanted_then_a_new_date_then_wanted_reminds_once_of_the_new_date(jt):
    with login(jt["path"], "liaison") as s:
        pid = _sentenced(s, jt, release_on="2027-03-01")
        s.record_release_informed(pid, "2026-12-01")
        s.set_release_wish(pid, "not_wanted", "2026-12-02")
        s.set_release_date(pid, "2027-04-01")
        assert _status(s, jt, pid)["release"] == {"release_on": "2027-04-01", "inform_by": None, "informed_on": None}
        assert _open_release_reminders(s) == []
        s.set_release_wish(pid, "wanted", "2026-12-03")
        assert _open_release_reminders(s) == ["2027-03-02"]     # 2027-04-01 less 30 days
        assert _status(s, jt, pid)["release"]["inform_by"] == "2027-03-02"


def test_a_reminder_declined_until_later_moves_with_a_new_date_and_is_never_doubled(jt):
    with login(jt["path"], "liaison") as s:
        pid = _sentenced(s, jt, release_on="2027-03-01")
        rid = _release_rule(s, pid)
    with login(jt["path"], "coordinator") as c:                # the case lead, from Today
        c.decline_reminder(rid, "The family are away until January", offer_again="2027-01-20")
    with login(jt["path"], "liaison") as s:
        assert _open_release_reminders(s) == ["2027-01-20"]
        s.set_release_date(pid, "2027-04-01")
        assert _release_rule(s, pid) == rid and _open_release_reminders(s) == ["2027-03-02"]
        s.set_release_wish(pid, "wanted", "2026-12-01")
        assert _open_release_reminders(s) == ["2027-03-02"]
        s.set_release_wish(pid, "not_wanted", "2026-12-02")
        assert _open_release_reminders(s) == []


@pytest.mark.parametrize("kind,wish,on,field", [
    ("criminal", "maybe", "2026-12-01", "wish"),
    ("criminal", None, "2026-12-01", "wish"),
    ("criminal", "wanted", "2999-01-01", "on"),               # they said so: not in the future
    ("criminal", "wanted", None, "on"),
    ("civil", "wanted", "2026-12-01", "wish"),                # release follows a criminal sentence
])
def test_a_release_wish_is_checked(jt, kind, wish, on, field):
    with login(jt["path"], "liaison") as s:
        pid = _open(s, jt, kind)
        with pytest.raises(ValidationError) as e:
            s.set_release_wish(pid, wish, on)
        assert e.value.field == field
        assert _status(s, jt, pid)["release_wish"] is None


# --- old records ------------------------------------------------------------------------------------

def test_a_0011_record_upgrades_keeps_its_treatment_episode_and_takes_a_proceeding(tmp_path):
    """The v0011 fixture (tests/fixtures/records) upgraded to 0012: the justice tables are empty,
    the psychosocial rows of 0011 are kept, and the case's alleged offender can be taken to court."""
    from barnahus_app.api import open_record
    from tests.support.records import FAST_KDF, old_fixture
    path, m = old_fixture("0011", tmp_path)
    with open_record(path, "coordinator", m["users"]["coordinator"]["password"], kdf=FAST_KDF) as s:
        assert s.upgraded_from == "0011"
        assert s.justice_summary(1) == {"case_id": 1, "proceedings": [], "claims": [], "rights_explained": [],
                                        "counts": {"proceedings": 0, "open": 0, "claims": 0, "paid": 0},
                                        "line": "No proceedings or compensation claims recorded."}
        pid = s.open_proceeding(1, 4, "criminal")
        s.record_justice_event(pid, "reported_to_police", "2025-03-05")
        assert s.justice_summary(1)["proceedings"][0]["status"] == "reported"
        conn = raw(s)
        try:
            assert conn.execute("SELECT case_id, person_id, model, started_on FROM treatment_episodes").fetchall() == \
                [(1, 1, "tf_cbt", "2025-04-01")]
            assert conn.execute("SELECT held_on, status FROM therapy_sessions").fetchall() == \
                [("2025-04-08", "attended")]
        finally:
            conn.close()


def test_a_0014_record_upgrades_with_the_family_not_asked_yet_and_its_release_reminder_kept(tmp_path):
    """The v0014 fixture (a sentenced proceeding, release 2027-06-01, its reminder due 2027-05-02)
    upgraded to 0015: the wish is "not asked yet" and the reminder stays; the family's answer then
    takes effect like on a new record."""
    from barnahus_app.api import open_record
    from tests.support.records import FAST_KDF, old_fixture
    path, m = old_fixture("0014", tmp_path)
    ((pid, old),) = ((int(k), v) for k, v in m["proceedings"].items())
    with open_record(path, "coordinator", m["users"]["coordinator"]["password"], kdf=FAST_KDF) as s:
        assert s.upgraded_from == "0014"
        (p,) = s.justice_summary(1)["proceedings"]
        assert (p["id"], p["status"], p["release_wish"]) == (pid, "sentenced", None)
        assert p["release"] == {"release_on": "2027-06-01", "inform_by": "2027-05-02", "informed_on": None}
        assert [r.due.isoformat() for r in s.reminders("2027-05-02") if r.rule_id == old["release_rule"]] == \
            ["2027-05-02"]
        s.set_release_wish(pid, "not_wanted", "2026-12-01")
        assert [r for r in s.reminders("2027-05-02") if r.rule_id == old["release_rule"]] == []
        assert _rule_events(s, old["release_rule"]) == [("declined", "2026-12-01", NOT_WANTED_REASON)]


# --- the court summary -----------------------------------------------------------------------------

@pytest.fixture
def rendered(monkeypatch):
    """Every Document the court summary renders, in order."""
    from barnahus_app.documents import issuing
    given = []
    real = issuing._render
    monkeypatch.setattr(issuing, "_render", lambda doc, *a: given.append(doc) or real(doc, *a))
    return given


def test_the_court_summary_has_the_proceedings_and_compensation_sections(jt, rendered, tmp_path):
    from barnahus_app.documents.summary import money
    with login(jt["path"], "liaison") as s:
        pid = _open(s, jt, police_reference="POL-77")
        s.record_justice_event(pid, "reported_to_police", "2026-01-10")
        s.record_justice_event(pid, "charge_decision", "2026-02-01", decision="declined", reason=DECLINE_REASON)
        s.set_child_participation(pid, participation="not_at_all", child_view="partly_satisfied",
                                  child_view_words=CHILD_WORDS)
        s.record_rights_explained(jt["case"], "after_interview", "2026-02-02")
        cid = s.open_claim(jt["case"], "state_fund", "child", currency="SEK", amount_claimed=1_234_550)
        s.set_claim_status(cid, "filed", "2026-02-10")
        s.set_claim_status(cid, "awarded", "2026-04-01", amount=1_000_000)
        s.record_payment(cid, 1_000_000, "2026-05-01")
        s.write_case_summary(jt["case"], tmp_path / "summary.docx", "docx", time_zone=TZ)
    doc = rendered[-1]
    sections = {sec.heading: sec for sec in doc.sections}
    (proc,) = sections["Proceedings"].blocks
    assert proc.heading == "Criminal proceedings: Alleged Exampleson"
    facts, events = proc.blocks
    assert dict(facts.pairs) == {
        "Alleged offender": "Alleged Exampleson", "Child": "Testa Exampledottir", "Kind": "Criminal proceedings",
        "Where it stands": "Prosecution declined", "Police reference": "POL-77",
        "How the child took part": "Did not take part", "The child's view of the outcome": "Partly satisfied"}
    assert events.rows == (("2026-01-10", "Reported to the police", ""),
                           ("2026-02-01", "Charge decision", "Declined"))
    comp = sections["Compensation"].blocks
    assert dict(comp[0].pairs) == {"Right to compensation explained": "2026-02-02 (After the forensic interview)"}
    assert comp[1].rows == (("State compensation fund", "Paid", "SEK 12,345.50", "SEK 10,000.00", "SEK 10,000.00",
                             "2026-02-10", "2026-04-01", "2026-05-01"),)
    text = repr(doc)
    assert "CANARY-JUSTICE" not in text
    assert (money(5, "SEK"), money(125_000, "ISK"), money(None, "EUR")) == ("SEK 0.05", "ISK 125,000", "")


def test_the_court_summary_says_the_familys_wish(jt, rendered, tmp_path):
    with login(jt["path"], "liaison") as s:
        pid = _sentenced(s, jt, release_on="2027-03-01")
        s.set_release_wish(pid, "not_wanted", "2026-06-01")
        s.write_case_summary(jt["case"], tmp_path / "summary.docx", "docx", time_zone=TZ)
    (proc,) = {sec.heading: sec for sec in rendered[-1].sections}["Proceedings"].blocks
    facts = dict(proc.blocks[0].pairs)
    assert facts["Release notification"] == "Do not wish to be told (said on 2026-06-01)"
    assert facts["Release"] == "2027-03-01; child and family do not wish to be told"


@pytest.mark.parametrize("field,kind,kw", [
    ("kind", "arrest", {}),
    ("kind", "hearing", {}),                                  # a hearing is scheduled, with its reminder
    ("on", "reported_to_police", {"on": "2999-01-01"}),       # an event that happened: not in the future
    ("on", "reported_to_police", {"on": "10/01/2026"}),
    ("decision", "charge_decision", {"decision": "maybe"}),
    ("decision", "reported_to_police", {"decision": "charged"}),
    ("charges", "charge_decision", {"decision": "charged", "charges": [{"category": "rape_child", "x": 1}]}),
    ("charges", "charge_decision", {"decision": "charged", "charges": ["child_prostitution"]}),
    ("verdict", "reported_to_police", {"verdict": "convicted"}),
    ("outcome", "reported_to_police", {"outcome": "convicted"}),
    ("release_on", "reported_to_police", {"release_on": "2027-01-01"}),
])
def test_bad_events_are_refused_with_the_field_and_nothing_is_written(jt, field, kind, kw):
    with login(jt["path"], "liaison") as s:
        pid = _open(s, jt)
        on = kw.pop("on", "2026-01-10")
        with pytest.raises(ValidationError) as e:
            s.record_justice_event(pid, kind, on, **kw)
        assert e.value.field == field
        p = _status(s, jt, pid)
        assert (p["status"], p["events"], p["charges"]) == ("open", [], [])
