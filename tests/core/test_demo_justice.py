"""The demo's justice track (demo/justice.py): proceedings in every state (declined, convicted
with release dates, acquitted, appealed, child protection), claims through to payment and to
rejection, read back through the core as the liaison reads them."""
from __future__ import annotations

from datetime import date

import pytest

from barnahus_app.api import open_record
from barnahus_app.demo.build import build_demo_record
from tests.support.records import FAST_KDF

PW = "demo-password-1"
UNTIL = date(2026, 6, 30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo_justice") / "demo.barnahus"
    build_demo_record(path, "admin", PW, 150, 5, FAST_KDF, until=UNTIL)
    return path


def test_proceedings_in_every_state_and_claims_to_payment_and_rejection(demo):
    with open_record(demo, "liaison", PW, kdf=FAST_KDF) as s:
        conn = s.record.engine.raw_connection()
        try:
            # the six patterns' cases (the bulk proceedings' police references say the year)
            cases = [r[0] for r in conn.execute(
                "SELECT DISTINCT case_id FROM justice_proceedings WHERE police_reference IS NULL "
                "OR police_reference LIKE 'POL-DEMO-%' ORDER BY case_id").fetchall()]
        finally:
            conn.close()
        summaries = [s.justice_summary(c) for c in cases]
        procs = [p for j in summaries for p in j["proceedings"]]
        claims = [c for j in summaries for c in j["claims"]]
        today = s.liaison_today(UNTIL.isoformat(), days=365)
    assert sorted((p["kind"], p["status"]) for p in procs) == [
        ("child_protection", "closed"), ("criminal", "appealed"), ("criminal", "closed"), ("criminal", "closed"),
        ("criminal", "declined"), ("criminal", "sentenced")]
    verdicts = sorted(c["verdict"] for p in procs for c in p["charges"])
    assert verdicts == ["acquitted", "convicted", "convicted", "convicted"]
    releases = sorted((p["release"]["informed_on"] is not None, p["release"]["release_on"] > UNTIL.isoformat())
                      for p in procs if p["release"])
    assert releases == [(False, True), (True, False)]
    # both families were asked at the sentence and wish to be told; the others were never asked
    assert sorted((p["release_wish"] or {}).get("wish", "") for p in procs) == ["", "", "", "", "wanted", "wanted"]
    assert sorted((c["route"], c["status"]) for c in claims) == [
        ("civil_claim", "rejected"), ("criminal_case", "paid"), ("state_fund", "filed")]
    paid = next(c for c in claims if c["status"] == "paid")
    assert (paid["amount_claimed"], paid["amount_awarded"], paid["amount_paid"], paid["currency"]) == \
        (4_000_000, 3_000_000, 3_000_000, "SEK")
    assert [x["status"] for x in paid["steps"]] == ["rights_not_explained", "explained", "filed", "awarded",
                                                     "partly_paid", "paid"]
    # the convicted offender released after `until`: the liaison is reminded to inform the family
    assert [r["release_on"] for r in today["release_dates"]] == ["2027-01-16"]
    # every event lies between the referral and `until`
    assert max(e["on_date"] for p in procs for e in p["events"]) <= UNTIL.isoformat()
    # a criminal proceeding names the case's alleged offence, its limitation shown with it
    criminal = [p for p in procs if p["kind"] == "criminal"]
    assert [p["offence_id"] is not None and p["limitation"]["offence_id"] == p["offence_id"]
            for p in criminal] == [True] * 5
    assert [c["offence_id"] == p["offence_id"] for p in criminal for c in p["charges"]] == [True] * 4


# What each event leaves the proceeding at (written out here, not taken from the core).
AFTER = {"reported_to_police": "reported", "investigation_opened": "investigating", "indictment": "indicted",
         "verdict": "decided", "sentence": "sentenced", "appeal": "appealed", "final_disposition": "closed"}


def test_a_third_of_the_cases_have_a_criminal_proceeding_that_follows_the_flow(demo):
    with open_record(demo, "liaison", PW, kdf=FAST_KDF) as s:
        conn = s.record.engine.raw_connection()
        try:
            cases = [r[0] for r in conn.execute(
                "SELECT DISTINCT case_id FROM justice_proceedings WHERE police_reference LIKE 'POL-2%' "
                "ORDER BY case_id").fetchall()]
            (n,) = conn.execute("SELECT count(*) FROM cases").fetchone()
        finally:
            conn.close()
        procs = [p for c in cases for p in s.justice_summary(c)["proceedings"]]
        today = s.liaison_today(UNTIL.isoformat(), days=90)
    assert n == 150 and 40 <= len(cases) <= 60           # about a third of 150
    assert {p["kind"] for p in procs} == {"criminal"}
    statuses = set()
    for p in procs:
        status = "open"
        for e in p["events"]:
            status = e["decision"] if e["kind"] == "charge_decision" else AFTER.get(e["kind"], status)
            # only a hearing already scheduled lies after `until`, and at most 90 days after it
            assert e["on_date"] <= UNTIL.isoformat() or (e["kind"] == "hearing" and e["on_date"] <= "2026-09-28")
        assert p["status"] == status, p
        assert (p["closed_on"] is not None) == (status == "closed")
        statuses.add(status)
    assert {"closed", "declined"} <= statuses and statuses & {"reported", "investigating", "indicted"}
    # the liaison's Today sees them: proceedings waiting for a decision, hearings ahead
    waiting = sorted(d["proceeding_id"] for d in today["decisions_due"])
    assert waiting and set(waiting) <= {p["id"] for p in procs} | set(range(1, 7))
