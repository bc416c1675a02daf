"""`barnahus justice --case REF [--json]`: the liaison and the case lead see a case's proceedings
and claims as codes, dates and amounts; the other case roles its summary line only; the
administrator gets the permission error. No free text, no names."""
from __future__ import annotations

import json

import pytest

from tests.support.cli import run_cli
from tests.support.records import ADMIN_PASSWORD, STAFF_PASSWORD, login, make_record, sample_case

SECRET = "Secret-justice-reason"


@pytest.fixture(scope="module")
def rec(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-justice")
    with pytest.MonkeyPatch.context() as mp:   # the conftest isolates HOME per test only
        mp.setenv("HOME", str(folder / "home"))
        path, _ = make_record(folder)
        with login(path, "coordinator") as c:
            case = sample_case(c)
        with login(path, "liaison") as s:
            p = s.open_proceeding(case["id"], case["offender_id"], "criminal")
            s.record_justice_event(p, "reported_to_police", "2026-01-10")
            s.record_justice_event(p, "charge_decision", "2026-02-01", decision="declined", reason=SECRET)
            s.set_child_participation(p, participation="recorded_interview_used", child_view_words=SECRET)
            cl = s.open_claim(case["id"], "state_fund", "child", currency="SEK", amount_claimed=250_000,
                              representative="Lena Lawyer")
    pw = folder / "staff.pw"
    pw.write_text(STAFF_PASSWORD + "\n")
    apw = folder / "admin.pw"
    apw.write_text(ADMIN_PASSWORD + "\n")
    return {"record": path, "pw": pw, "apw": apw, "ref": case["reference"], "proceeding": p, "claim": cl}


def cli(rec, *args, user="liaison"):
    return run_cli("justice", "--record", rec["record"], "--user", user, "--password-file",
                   rec["apw"] if user == "admin" else rec["pw"], "--case", rec["ref"], *args)


@pytest.mark.parametrize("user", ["liaison", "coordinator"])
def test_the_liaison_and_the_case_lead_get_codes_dates_and_amounts(rec, user):
    r = cli(rec, "--json", user=user)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    (p,) = out["proceedings"]
    assert (p["id"], p["kind"], p["status"], p["participation"]) == \
        (rec["proceeding"], "criminal", "declined", "recorded_interview_used")
    assert [(e["kind"], e["on_date"], e["decision"]) for e in p["events"]] == [
        ("reported_to_police", "2026-01-10", None), ("charge_decision", "2026-02-01", "declined")]
    (c,) = out["claims"]
    assert (c["id"], c["route"], c["status"], c["currency"], c["amount_claimed"], c["amount_paid"]) == \
        (rec["claim"], "state_fund", "rights_not_explained", "SEK", 250_000, 0)
    text = cli(rec, user=user)
    assert text.returncode == 0, text.stderr
    assert "charge_decision" in text.stdout and "1 proceeding(s), 1 claim(s)" in text.stdout
    for output in (r.stdout, text.stdout):
        assert SECRET not in output and "Exampleson" not in output and "Lena Lawyer" not in output


@pytest.mark.parametrize("user", ["therapist", "interviewer", "medical"])
def test_other_case_roles_get_the_summary_line_only(rec, user):
    r = cli(rec, "--json", user=user)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"case": rec["ref"],
                                    "counts": {"proceedings": 1, "open": 1, "claims": 1, "paid": 0}}
    text = cli(rec, user=user)
    assert text.returncode == 0, text.stderr
    assert text.stdout == f"1 proceeding(s), 1 open; 1 compensation claim(s), 0 paid. (case {rec['ref']})\n"


def test_the_administrator_gets_the_permission_error(rec):
    r = cli(rec, user="admin")
    assert r.returncode != 0
    assert SECRET not in r.stdout + r.stderr


def test_reminders_name_the_justice_reminders_by_their_subject(tmp_path):
    path, _ = make_record(tmp_path)
    with login(path, "coordinator") as c:
        case = sample_case(c)
    with login(path, "liaison") as s:
        p = s.open_proceeding(case["id"], case["offender_id"], "criminal")
        s.record_justice_event(p, "reported_to_police", "2026-01-10")
        s.record_justice_event(p, "charge_decision", "2026-02-01", decision="charged", charges=["rape_child"])
        hearing = s.schedule_hearing(p, "2027-01-20")
        s.open_claim(case["id"], "state_fund", "child", currency="SEK", deadline_on="2027-01-10")
    pw = tmp_path / "staff.pw"
    pw.write_text(STAFF_PASSWORD + "\n")
    r = run_cli("reminders", "--record", path, "--user", "liaison", "--password-file", pw, "--as-of", "2027-01-01",
                "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)["reminders"]
    assert [(x["kind"], x["subject_kind"], x["due"]) for x in rows] == [
        ("compensation_deadline", "compensation_claim", "2027-01-10"), ("court_date", "justice_hearing", "2027-01-20")]
    text = run_cli("reminders", "--record", path, "--user", "liaison", "--password-file", pw, "--as-of", "2027-01-01")
    assert "court_date (justice_hearing)" in text.stdout and hearing
