"""`barnahus referrals`: the command line over a real record, run in-process through
barnahus_app.cli.main. It shows case references, codes and dates, never a name or free text."""
from __future__ import annotations

import json

import pytest

from tests.support.cli import run_cli
from tests.support.records import STAFF_PASSWORD, login, make_record, sample_case


@pytest.fixture(scope="module")
def rec(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-referrals")
    with pytest.MonkeyPatch.context() as mp:   # the conftest isolates HOME per test only
        mp.setenv("HOME", str(folder / "home"))
        path, _ = make_record(folder)
        with login(path, "coordinator") as c:
            case = sample_case(c)
            agency = c.create_agency(name="Child Psychiatry North", kind="mental_health")
            late = c.create_referral(case["id"], "out", "child_psychiatry", agency_id=agency, on="2026-03-01",
                                     reason="Secret reason", due_on="2026-03-10")
            c.set_referral_status(late, "sent", on="2026-03-02", note="Secret note", due_on="2026-03-20")
            done = c.create_referral(case["id"], "in", "other", on="2026-03-01")
            c.set_referral_status(done, "accepted", on="2026-03-02")
            c.set_referral_status(done, "engaged", on="2026-03-03")
            c.set_referral_status(done, "done", on="2026-03-04", outcome="not_successful",
                                  outcome_reason="no_capacity", outcome_note="Secret outcome note")
    pw = folder / "staff.pw"
    pw.write_text(STAFF_PASSWORD + "\n")
    return {"record": path, "pw": pw, "ref": case["reference"], "late": late, "done": done}


def cli(rec, *args, user="coordinator"):
    return run_cli("referrals", "--record", rec["record"], "--user", user, "--password-file", rec["pw"], *args)


SECRETS = ("Secret", "Testa", "Exampledottir", "Child Psychiatry North", "Coordinator")


def test_referrals_json_has_codes_and_dates_and_no_names(rec):
    code, out, err = cli(rec, "--json", "--as-of", "2026-03-21")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["as_of"], data["status"], data["overdue"]) == ("2026-03-21", None, False)
    assert data["referrals"] == [
        {"id": rec["done"], "case_reference": rec["ref"], "direction": "in", "service": "other", "status": "done",
         "due_on": None, "overdue": False, "sent_on": "2026-03-01", "closed_on": "2026-03-04",
         "outcome": "not_successful", "outcome_reason": "no_capacity"},
        {"id": rec["late"], "case_reference": rec["ref"], "direction": "out", "service": "child_psychiatry",
         "status": "sent", "due_on": "2026-03-20", "overdue": True, "sent_on": "2026-03-02", "closed_on": None,
         "outcome": None, "outcome_reason": None}]
    assert not [s for s in SECRETS if s in out]


def test_referrals_by_status_and_overdue(rec):
    code, out, err = cli(rec, "--overdue", "--as-of", "2026-03-21")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 3 and lines[-1] == "1 referral(s) as of 2026-03-21"
    assert lines[1].split() == [str(rec["late"]), rec["ref"], "out", "child_psychiatry", "sent", "2026-03-20", "yes"]
    assert not [s for s in SECRETS if s in out]
    code, out, _ = cli(rec, "--overdue", "--as-of", "2026-03-20", "--json")
    assert json.loads(out)["referrals"] == []
    code, out, _ = cli(rec, "--status", "done", "--json", user="liaison")
    assert code == 0 and [r["id"] for r in json.loads(out)["referrals"]] == [rec["done"]]


def test_referrals_refuses_bad_input_and_the_administrator(rec):
    code, _, err = cli(rec, "--status", "pending")
    assert code == 2 and "invalid choice" in err
    code, _, err = cli(rec, "--as-of", "21/03/2026")
    assert code == 2 and "--as-of takes a date" in err
    admin_pw = rec["pw"].parent / "admin.pw"
    admin_pw.write_text("admin-password-1\n")
    code, _, err = run_cli("referrals", "--record", rec["record"], "--user", "admin", "--password-file", admin_pw)
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
