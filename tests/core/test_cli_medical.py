"""`barnahus medical --case REF`: medical staff see a case's examinations as codes and dates;
every other role gets the permission error. No free text and no names."""
from __future__ import annotations

import json

import pytest

from tests.support.cli import run_cli
from tests.support.records import STAFF_PASSWORD, login, make_record, sample_case

SECRET = "Secret-medical-text"


@pytest.fixture(scope="module")
def rec(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-medical")
    with pytest.MonkeyPatch.context() as mp:   # the conftest isolates HOME per test only
        mp.setenv("HOME", str(folder / "home"))
        path, _ = make_record(folder)
        with login(path, "coordinator") as c:
            case = sample_case(c)
        with login(path, "medical") as m:
            x = m.plan_examination(case["id"], case["child_id"], "acute_forensic", "2026-11-02T10:00", 60,
                                   examiner_id=m.user_id, commissioned_by="police", priority="emergent",
                                   time_zone="Europe/Stockholm", last_contact_at="2026-11-01T22:00:00+01:00")
            m.record_agreement(x, child="agreed", guardian="agreed")
            m.hold_examination(x)
            m.add_finding(x, "5.03", "vagina", f"{SECRET} finding")
            m.set_medical_notes(x, f"{SECRET} notes", None)
            m.order_test(x, "sti", "2026-11-02")
    pw = folder / "staff.pw"
    pw.write_text(STAFF_PASSWORD + "\n")
    return {"record": path, "pw": pw, "ref": case["reference"], "exam": x}


def cli(rec, *args, user="medical"):
    return run_cli("medical", "--record", rec["record"], "--user", user, "--password-file", rec["pw"],
                   "--case", rec["ref"], *args)


def test_medical_staff_get_codes_and_dates(rec):
    r = cli(rec, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    (x,) = out["examinations"]
    assert (x["id"], x["kind"], x["status"], x["acute"], x["priority"]) == \
        (rec["exam"], "acute_forensic", "held", True, "emergent")
    assert x["findings"] == [{"id": 1, "table_version": "adams-2018-v1", "item_code": "5.03", "category": 5,
                              "needs_expert_review": True, "site": "vagina"}]
    assert [(t["kind"], t["result_status"]) for t in x["tests"]] == [("sti", "pending")]
    assert x["needs_review"] is True and x["notes_written"] is True
    text = cli(rec)
    assert text.returncode == 0
    assert "finding 5.03" in text.stdout and "waiting for an expert review" in text.stdout
    for output in (r.stdout, text.stdout):
        assert SECRET not in output and "Exampledottir" not in output


@pytest.mark.parametrize("user", ["coordinator", "therapist", "liaison", "interviewer"])
def test_other_roles_get_the_permission_error(rec, user):
    r = cli(rec, user=user)
    assert r.returncode != 0
    assert "medical: read" in r.stderr
    assert SECRET not in r.stdout + r.stderr
