"""Referrals between agencies (referrals/actions.py) on a real record: where they start, every step
of the status flow the design allows and every one it refuses (written out by hand here), the
outcome and rejection rules, due dates and overdue for the case lead only, what a referral shared
landing in the disclosure register with its legal basis, who may do what, and bad input refused
with a clear error and nothing written."""
from __future__ import annotations

import json

import pytest

from barnahus_app.api import NotFound, PermissionDenied, ValidationError
from barnahus_app.referrals.actions import case_referral_rows
from tests.support.records import STAFF_PASSWORD, copy_record_folder, login, make_record, raw, sample_case

# The flow of the design (mdt_spec.md, issue 13), by hand: (from, to) -> allowed.
STATUSES = ["draft", "sent", "accepted", "rejected", "revoked", "engaged", "done", "lost_to_follow_up"]
ALLOWED = {
    ("draft", "sent"), ("draft", "revoked"),
    ("sent", "accepted"), ("sent", "rejected"), ("sent", "revoked"),
    ("accepted", "engaged"), ("accepted", "revoked"),
    ("engaged", "done"), ("engaged", "lost_to_follow_up"),
}
REFUSED = [(a, b) for a in STATUSES for b in STATUSES if (a, b) not in ALLOWED]
# How an out referral reaches each status, step by step (with what each step needs).
PATH = {
    "draft": [],
    "sent": [("sent", {})],
    "accepted": [("sent", {}), ("accepted", {})],
    "rejected": [("sent", {}), ("rejected", {"rejection_reason": "No capacity this term"})],
    "revoked": [("revoked", {})],
    "engaged": [("sent", {}), ("accepted", {}), ("engaged", {})],
    "done": [("sent", {}), ("accepted", {}), ("engaged", {}), ("done", {"outcome": "successful"})],
    "lost_to_follow_up": [("sent", {}), ("accepted", {}), ("engaged", {}), ("lost_to_follow_up", {})],
}
NEEDS = {"rejected": {"rejection_reason": "Not our area"}, "done": {"outcome": "successful"}}


@pytest.fixture(scope="module")
def _template(tmp_path_factory):
    """A record with two cases (A led by coordinator, B by coord2), an agency with a contact and
    another agency with one, a DOCX summary issued for each case, and a team action in each case
    (written straight into the record: the meetings API is another module's)."""
    folder = tmp_path_factory.mktemp("referrals")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(folder / "home"))
        path, _ = make_record(folder)
        with login(path, "admin") as a:
            coord2 = a.add_user("coord2", "Coord Two", ["coordinator"], STAFF_PASSWORD)
        with login(path, "coordinator") as c:
            case_a = sample_case(c)
            case_b = sample_case(c)
            c.update_case(case_b["id"], case_lead_id=coord2)
            bup = c.create_agency(name="Child Psychiatry North", kind="mental_health")
            bup_contact = c.add_staff_contact(agency_id=bup, name="Dr Contact")
            school = c.create_agency(name="Hillside School", kind="school")
            school_contact = c.add_staff_contact(agency_id=school, name="Head Teacher")
            doc_a = c.write_case_summary(case_a["id"], folder / "a.docx", "docx")["document_id"]
            doc_b = c.write_case_summary(case_b["id"], folder / "b.docx", "docx")["document_id"]
            conn = raw(c)
            actions = []
            for cid in (case_a["id"], case_b["id"]):
                cur = conn.execute(
                    "INSERT INTO team_actions (case_id, text, owner_contact_id, due_on, status, created_by, "
                    "created_at, updated_at) VALUES (?, 'Refer to child psychiatry', ?, '2026-04-01', 'open', ?, "
                    "'2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z')", (cid, bup_contact, c.user_id))
                actions.append(cur.lastrowid)
            conn.commit()
            conn.close()
    return {"folder": path.parent, "a": case_a, "b": case_b, "bup": bup, "bup_contact": bup_contact,
            "school": school, "school_contact": school_contact, "doc_a": doc_a, "doc_b": doc_b,
            "action_a": actions[0], "action_b": actions[1]}


@pytest.fixture
def w(_template, tmp_path):
    folder = copy_record_folder(_template["folder"], tmp_path / "centre")
    sessions = []

    def as_(username):
        """A session as username; the one open before is closed (one writer at a time)."""
        for old in sessions:
            if not old.closed:
                old.close()
        s = login(folder / "record.barnahus", username)
        sessions.append(s)
        return s

    yield {**_template, "as": as_}
    for s in sessions:
        s.close()


def counts(s) -> dict:
    conn = raw(s)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("referrals", "referral_events", "disclosures", "audit_log")}
    finally:
        conn.close()


def events(s, rid) -> list[tuple]:
    conn = raw(s)
    try:
        return conn.execute("SELECT from_status, to_status, on_date, note FROM referral_events "
                            "WHERE referral_id = ? ORDER BY id", (rid,)).fetchall()
    finally:
        conn.close()


def referral_row(s, rid) -> dict:
    conn = raw(s)
    try:
        cur = conn.execute("SELECT * FROM referrals WHERE id = ?", (rid,))
        return dict(zip([d[0] for d in cur.description], cur.fetchone()))
    finally:
        conn.close()


def out_referral(s, w, status="draft", **kw):
    rid = s.create_referral(w["a"]["id"], "out", "child_psychiatry", agency_id=w["bup"], on="2026-03-10", **kw)
    for to, extra in PATH[status]:
        s.set_referral_status(rid, to, on="2026-03-11", **extra)
    return rid


# --- where a referral starts ----------------------------------------------------------------------

def test_an_out_referral_starts_as_a_draft_and_an_in_referral_as_received(w):
    c = w["as"]("coordinator")
    out = c.create_referral(w["a"]["id"], "out", "child_psychiatry", child_person_id=w["a"]["child_id"],
                            contact_id=w["bup_contact"], reason="Needs assessment", risk_level="medium",
                            due_on="2026-03-20", on="2026-03-10")
    inn = c.create_referral(w["a"]["reference"], "in", "other", agency_id=w["school"], on="2026-03-02")
    r = referral_row(c, out)
    assert (r["status"], r["direction"], r["sent_on"], r["due_on"], r["risk_level"]) == (
        "draft", "out", None, "2026-03-20", "medium")
    assert r["agency_id"] == w["bup"]            # from the contact
    assert events(c, out) == [(None, "draft", "2026-03-10", None)]
    r = referral_row(c, inn)
    assert (r["status"], r["direction"], r["sent_on"], r["case_id"]) == ("sent", "in", "2026-03-02", w["a"]["id"])
    assert events(c, inn) == [(None, "sent", "2026-03-02", None)]
    view = c.referral_view(out)
    assert (view["case_reference"], view["agency"], view["contact"], view["child_name"]) == (
        w["a"]["reference"], "Child Psychiatry North", "Dr Contact", "Testa Exampledottir")
    assert view["next_statuses"] == ["sent", "revoked"] and view["may_update"] is True
    assert c.referral_view(inn)["next_statuses"] == ["accepted", "rejected", "revoked"]


def test_a_referral_from_a_team_action_of_the_same_case_only(w):
    c = w["as"]("coordinator")
    rid = c.create_referral(w["a"]["id"], "out", "child_psychiatry", from_action_id=w["action_a"])
    assert referral_row(c, rid)["from_action_id"] == w["action_a"]
    before = counts(c)
    with pytest.raises(ValidationError) as e:
        c.create_referral(w["a"]["id"], "out", "child_psychiatry", from_action_id=w["action_b"])
    assert e.value.field == "from_action_id"
    with pytest.raises(NotFound):
        c.create_referral(w["a"]["id"], "out", "child_psychiatry", from_action_id=999_999)
    assert counts(c) == before


# --- the status flow ------------------------------------------------------------------------------

def test_every_allowed_step_is_taken_and_written_as_history(w):
    c = w["as"]("coordinator")
    for frm, to in sorted(ALLOWED):
        rid = out_referral(c, w, frm)
        c.set_referral_status(rid, to, on="2026-03-12", note=f"step {frm}->{to}", **NEEDS.get(to, {}))
        r = referral_row(c, rid)
        assert r["status"] == to
        assert events(c, rid)[-1] == (frm, to, "2026-03-12", f"step {frm}->{to}")
        assert len(events(c, rid)) == 1 + len(PATH[frm]) + 1
        closed = to in ("done", "rejected", "revoked", "lost_to_follow_up")
        assert r["closed_on"] == ("2026-03-12" if closed else None)
        if to == "sent":
            assert r["sent_on"] == "2026-03-12"


def test_every_other_step_is_refused_and_changes_nothing(w):
    c = w["as"]("coordinator")
    assert len(REFUSED) == 64 - 9
    at = {status: out_referral(c, w, status) for status in STATUSES}
    before = counts(c)
    for frm, to in REFUSED:
        with pytest.raises(ValidationError) as e:
            c.set_referral_status(at[frm], to, on="2026-03-12", **NEEDS.get(to, {}))
        assert e.value.field == "to_status", (frm, to)
        assert referral_row(c, at[frm])["status"] == frm
    assert counts(c) == before
    with pytest.raises(ValidationError, match="is closed"):
        c.set_referral_status(at["done"], "engaged")
    with pytest.raises(ValidationError, match="'finished' is not a referral status"):
        c.set_referral_status(at["engaged"], "finished")


def test_closing_needs_an_outcome_and_not_successful_a_reason(w):
    c = w["as"]("coordinator")
    rid = out_referral(c, w, "engaged", due_on="2026-03-30")
    before = counts(c)
    refusals = [
        ({}, "outcome"),                                                          # no outcome
        ({"outcome": "partly"}, "outcome"),                                       # not an outcome
        ({"outcome": "not_successful"}, "outcome_reason"),                        # no reason
        ({"outcome": "not_successful", "outcome_reason": "bad_weather"}, "outcome_reason"),  # not a code
        ({"outcome": "successful", "outcome_reason": "no_capacity"}, "outcome_reason"),
        ({"outcome": "successful", "due_on": "2026-05-01"}, "due_on"),            # closed: no due date
        ({"outcome": "successful", "rejection_reason": "why"}, "rejection_reason"),
    ]
    for kw, field in refusals:
        with pytest.raises(ValidationError) as e:
            c.set_referral_status(rid, "done", on="2026-03-20", **kw)
        assert e.value.field == field, kw
    assert counts(c) == before
    c.set_referral_status(rid, "done", on="2026-03-20", outcome="not_successful",
                          outcome_reason="family_declined", outcome_note="They moved away")
    r = referral_row(c, rid)
    assert (r["status"], r["outcome"], r["outcome_reason"], r["outcome_note"], r["closed_on"], r["due_on"]) == (
        "done", "not_successful", "family_declined", "They moved away", "2026-03-20", None)


def test_only_done_takes_an_outcome_and_only_rejected_a_rejection_reason(w):
    c = w["as"]("coordinator")
    sent = out_referral(c, w, "sent")
    engaged = out_referral(c, w, "engaged")
    before = counts(c)
    for rid, to, kw, field in [
        (sent, "rejected", {}, "rejection_reason"),
        (sent, "rejected", {"rejection_reason": "   "}, "rejection_reason"),
        (sent, "accepted", {"rejection_reason": "no"}, "rejection_reason"),
        (sent, "accepted", {"outcome": "successful"}, "outcome"),
        (engaged, "lost_to_follow_up", {"outcome": "not_successful", "outcome_reason": "other"}, "outcome"),
    ]:
        with pytest.raises(ValidationError) as e:
            c.set_referral_status(rid, to, on="2026-03-12", **kw)
        assert e.value.field == field, (to, kw)
    assert counts(c) == before
    c.set_referral_status(sent, "rejected", on="2026-03-12", rejection_reason="Outside our catchment")
    assert referral_row(c, sent)["rejection_reason"] == "Outside our catchment"


def test_a_step_is_not_dated_before_the_last_one_nor_in_the_future(w):
    c = w["as"]("coordinator")
    rid = out_referral(c, w, "sent")   # sent on 2026-03-11
    before = counts(c)
    with pytest.raises(ValidationError) as e:
        c.set_referral_status(rid, "accepted", on="2026-03-10")
    assert e.value.field == "on" and "2026-03-11" in e.value.message
    with pytest.raises(ValidationError) as e:
        c.set_referral_status(rid, "accepted", on="2199-01-01")
    assert e.value.field == "on"
    assert counts(c) == before
    c.set_referral_status(rid, "accepted", on="2026-03-11")
    assert referral_row(c, rid)["status"] == "accepted"


# --- due dates and overdue -------------------------------------------------------------------------

def test_each_step_sets_the_next_due_date_and_overdue_is_open_and_past_it(w):
    c = w["as"]("coordinator")
    rid = c.create_referral(w["a"]["id"], "out", "school_support", on="2026-03-01", due_on="2026-03-05")
    c.set_referral_status(rid, "sent", on="2026-03-04", due_on="2026-03-18")    # answer expected by
    assert referral_row(c, rid)["due_on"] == "2026-03-18"
    assert [r["id"] for r in c.referrals(overdue=True, as_of="2026-03-18")] == []       # due that day
    assert [r["id"] for r in c.referrals(overdue=True, as_of="2026-03-19")] == [rid]
    assert c.referrals(as_of="2026-03-19", case_id=w["a"]["id"])[0]["overdue"] is True
    c.set_referral_status(rid, "accepted", on="2026-03-19")                     # no new due date
    assert referral_row(c, rid)["due_on"] is None
    assert c.referrals(overdue=True, as_of="2026-12-01") == []


def test_overdue_referrals_are_the_case_leads_only(w):
    t = w["as"]("therapist")
    a = t.create_referral(w["a"]["id"], "out", "therapy_elsewhere", on="2026-03-01", due_on="2026-03-10")
    assert t.overdue_referrals("2026-04-01") == []          # made it, leads nothing
    c = w["as"]("coordinator")
    b = c.create_referral(w["b"]["id"], "out", "legal_aid", agency_id=w["school"], on="2026-03-01",
                          due_on="2026-03-09")
    closed = c.create_referral(w["a"]["id"], "out", "shelter", on="2026-03-01", due_on="2026-03-02")
    c.set_referral_status(closed, "revoked", on="2026-03-02")
    later = c.create_referral(w["a"]["id"], "out", "shelter", on="2026-03-01", due_on="2026-04-30")
    assert c.overdue_referrals("2026-04-01") == [
        {"id": a, "case_id": w["a"]["id"], "case_reference": w["a"]["reference"], "due_on": "2026-03-10",
         "service": "therapy_elsewhere", "status": "draft", "agency": None}]
    assert [r["id"] for r in c.overdue_referrals("2026-05-01")] == [a, later]
    with pytest.raises(ValidationError):
        c.overdue_referrals("someday")
    c2 = w["as"]("coord2")
    assert c2.overdue_referrals("2026-04-01") == [
        {"id": b, "case_id": w["b"]["id"], "case_reference": w["b"]["reference"], "due_on": "2026-03-09",
         "service": "legal_aid", "status": "draft", "agency": "Hillside School"}]


# --- what a referral shared: the disclosure register ---------------------------------------------------

def test_sharing_lands_in_the_disclosure_register_with_its_legal_basis(w):
    c = w["as"]("coordinator")
    rid = out_referral(c, w, "sent")
    c.record_disclosure(w["doc_a"], recipient="Prosecutor", undertaking="Court use only",
                        disclosed_at="2026-03-05T10:00:00Z")
    ids = c.record_referral_sharing(
        rid, items=["case_summary", "risk_assessment"], legal_basis="guardian_agreement",
        recipient="Child Psychiatry North, intake", recipient_agency_id=w["bup"], document_ids=[w["doc_a"]],
        undertaking="For the assessment only", method="secure email", disclosed_at="2026-03-11T09:00:00Z")
    assert len(ids) == 2
    conn = raw(c)
    rows = conn.execute("SELECT id, document_id IS NOT NULL, referral_id, items, legal_basis, recipient_agency_id "
                        "FROM disclosures WHERE referral_id = ? ORDER BY id", (rid,)).fetchall()
    conn.close()
    assert rows == [(ids[0], 1, rid, None, "guardian_agreement", w["bup"]),
                    (ids[1], 0, rid, json.dumps(["case_summary", "risk_assessment"]), "guardian_agreement",
                     w["bup"])]
    register = c.disclosure_register(w["a"]["reference"])
    # newest first; the two of one sharing (same time) the later recorded first
    assert [(d["id"], d["kind"], d["document_id"], d["items"], d["legal_basis"], d["disclosed_at"][:10])
            for d in register] == [
        (ids[1], "referral", None, ["case_summary", "risk_assessment"], "guardian_agreement", "2026-03-11"),
        (ids[0], "referral", w["doc_a"], [], "guardian_agreement", "2026-03-11"),
        (ids[0] - 1, "document", w["doc_a"], [], None, "2026-03-05")]
    assert register[0]["service"] == "child_psychiatry" and register[0]["recipient_agency"] == "Child Psychiatry North"
    assert c.disclosure_register(w["b"]["id"]) == []
    # the document register still lists the document, now with both disclosures of it
    entry = next(d for d in c.document_register(w["a"]["id"]) if d["document_id"] == w["doc_a"])
    assert [(d["referral_id"], d["legal_basis"]) for d in entry["disclosures"]] == [
        (None, None), (rid, "guardian_agreement")]
    view = c.referral_view(rid)
    assert [(d["document_id"], d["items"]) for d in view["disclosures"]] == [
        (w["doc_a"], []), (None, ["case_summary", "risk_assessment"])]


def test_bad_sharing_is_refused_and_writes_nothing(w):
    c = w["as"]("coordinator")
    rid = out_referral(c, w, "sent")
    ok = dict(items=["case_summary"], legal_basis="law", recipient="Intake", undertaking="Assessment only")
    before = counts(c)
    for change, error, field in [
        ({"legal_basis": "child_consent"}, ValidationError, "legal_basis"),
        ({"legal_basis": None}, ValidationError, "legal_basis"),
        ({"items": ["diary"]}, ValidationError, "items"),
        ({"items": "case_summary"}, ValidationError, "items"),
        ({"items": []}, ValidationError, "items"),                          # nothing shared
        ({"document_ids": [w["doc_b"]]}, ValidationError, "document_ids"),   # another case's document
        ({"document_ids": [w["doc_a"], w["doc_b"]]}, ValidationError, "document_ids"),
        ({"document_ids": ["D-20990101-00000000"]}, NotFound, None),
        ({"recipient": ""}, ValidationError, "recipient"),
        ({"undertaking": "x" * 4001}, ValidationError, "undertaking"),
        ({"recipient_agency_id": 999_999}, NotFound, None),
        ({"disclosed_at": "yesterday"}, ValidationError, "disclosed_at"),
    ]:
        with pytest.raises(error) as e:
            c.record_referral_sharing(rid, **{**ok, **change})
        if field:
            assert e.value.field == field, change
    with pytest.raises(NotFound):
        c.record_referral_sharing(999_999, **ok)
    assert counts(c) == before


# --- bad input when creating ---------------------------------------------------------------------------

def test_bad_referrals_are_refused_and_write_nothing(w):
    c = w["as"]("coordinator")
    case = w["a"]["id"]
    before = counts(c)
    for args, kw, error, field in [
        ((case, "sideways", "shelter"), {}, ValidationError, "direction"),
        ((case, "out", "astrology"), {}, ValidationError, "service"),
        ((case, "out", None), {}, ValidationError, "service"),
        ((case, "out", "shelter"), {"reason": "x" * 4001}, ValidationError, "reason"),
        ((case, "out", "shelter"), {"risk_level": "extreme"}, ValidationError, "risk_level"),
        ((case, "out", "shelter"), {"due_on": "31/12/2026"}, ValidationError, "due_on"),
        ((case, "in", "shelter"), {"on": "2199-01-01"}, ValidationError, "on"),
        ((case, "out", "shelter"), {"child_person_id": w["b"]["child_id"]}, ValidationError, "child_person_id"),
        ((case, "out", "shelter"), {"child_person_id": w["a"]["offender_id"]}, ValidationError, "child_person_id"),
        ((case, "out", "shelter"), {"agency_id": w["bup"], "contact_id": w["school_contact"]},
         ValidationError, "contact_id"),
        ((case, "out", "shelter"), {"agency_id": 999_999}, NotFound, None),
        ((case, "out", "shelter"), {"contact_id": 999_999}, NotFound, None),
        ((999_999, "out", "shelter"), {}, NotFound, None),
        (("BH-1999-99999", "out", "shelter"), {}, NotFound, None),
    ]:
        with pytest.raises(error) as e:
            c.create_referral(*args, **kw)
        if field:
            assert e.value.field == field, (args, kw)
    with pytest.raises(NotFound):
        c.set_referral_status(999_999, "sent")
    with pytest.raises(ValidationError):
        c.set_referral_status(out_referral(c, w), "sent", note="n" * 2001)
    with pytest.raises(ValidationError):
        c.referrals(status="pending")
    assert counts(c)["referrals"] == before["referrals"] + 1     # only out_referral's
    assert counts(c)["referral_events"] == before["referral_events"] + 1


# --- who may do what ----------------------------------------------------------------------------------

def test_therapists_and_medical_staff_change_only_their_own_referrals(w):
    theirs = w["as"]("coordinator").create_referral(w["a"]["id"], "out", "shelter", on="2026-03-10")
    t = w["as"]("therapist")
    mine = t.create_referral(w["a"]["id"], "out", "therapy_elsewhere", on="2026-03-10")
    t.set_referral_status(mine, "sent", on="2026-03-11")
    t.record_referral_sharing(mine, items=["case_summary"], legal_basis="law", recipient="Clinic",
                              undertaking="Treatment only")
    assert t.referral_view(mine)["may_update"] is True
    assert t.referral_view(theirs)["may_update"] is False
    before = counts(t)
    with pytest.raises(PermissionDenied):
        t.set_referral_status(theirs, "sent", on="2026-03-11")
    with pytest.raises(PermissionDenied):
        t.record_referral_sharing(theirs, items=["case_summary"], legal_basis="law", recipient="X",
                                  undertaking="Y")
    assert counts(t) == before
    m = w["as"]("medical")
    before = counts(m)      # (logging out and in is audited)
    with pytest.raises(PermissionDenied):
        m.set_referral_status(mine, "accepted", on="2026-03-11")
    assert counts(m) == before
    c = w["as"]("coordinator")
    c.set_referral_status(mine, "accepted", on="2026-03-12")    # a coordinator changes any
    assert referral_row(c, mine)["status"] == "accepted"


@pytest.mark.parametrize("who", ["interviewer", "liaison"])
def test_interviewers_and_the_liaison_read_and_change_nothing(w, who):
    c = w["as"]("coordinator")
    rid = c.create_referral(w["a"]["id"], "out", "shelter", on="2026-03-10")
    s = w["as"](who)
    assert [r["id"] for r in s.referrals()] == [rid]
    assert s.referral_view(rid)["may_update"] is False
    assert [r["id"] for r in s.case_referrals(w["a"]["id"])] == [rid]
    before = counts(s)
    with pytest.raises(PermissionDenied):
        s.create_referral(w["a"]["id"], "out", "shelter")
    with pytest.raises(PermissionDenied):
        s.set_referral_status(rid, "sent")
    assert counts(s) == before


def test_the_administrator_sees_no_referral(w):
    w["as"]("coordinator").create_referral(w["a"]["id"], "out", "shelter", on="2026-03-10")
    a = w["as"]("admin")
    for call in (a.referrals, lambda: a.referral_view(1), lambda: a.overdue_referrals(),
                 lambda: a.disclosure_register(w["a"]["id"])):
        with pytest.raises(PermissionDenied):
            call()


# --- listings -------------------------------------------------------------------------------------------

def test_case_referrals_and_the_summary_rows(w):
    c = w["as"]("coordinator")
    first = out_referral(c, w, "done")
    second = c.create_referral(w["a"]["id"], "in", "other", agency_id=w["school"], on="2026-03-02")
    c.create_referral(w["b"]["id"], "out", "shelter", on="2026-03-02")
    assert [r["id"] for r in c.case_referrals(w["a"]["id"])] == [first, second]
    assert [r["id"] for r in c.referrals(status="sent")] == [second]
    conn = c.record.engine.connect()
    try:
        rows = case_referral_rows(conn, w["a"]["id"])
    finally:
        conn.close()
    assert rows == [
        {"service": "child_psychiatry", "direction": "out", "agency": "Child Psychiatry North", "status": "done",
         "sent_on": "2026-03-11", "closed_on": "2026-03-11", "outcome": "successful", "outcome_reason": None},
        {"service": "other", "direction": "in", "agency": "Hillside School", "status": "sent",
         "sent_on": "2026-03-02", "closed_on": None, "outcome": None, "outcome_reason": None}]


def test_referral_actions_are_audited_with_ids_and_codes_only(w):
    c = w["as"]("coordinator")
    rid = c.create_referral(w["a"]["id"], "out", "shelter", reason="Secret reason text", on="2026-03-10")
    c.set_referral_status(rid, "sent", on="2026-03-11", note="Secret note text")
    c.record_referral_sharing(rid, items=["contact_details"], legal_basis="court_order",
                              recipient="Secret recipient", undertaking="Secret undertaking")
    entries = [e for e in c.audit_entries() if e["action"].startswith("referral.")]
    assert [e["action"] for e in entries] == ["referral.created", "referral.status_set", "referral.shared"]
    assert all(e["subject_kind"] == "case" and e["subject_id"] == w["a"]["id"] for e in entries)
    assert "Secret" not in repr(entries)
