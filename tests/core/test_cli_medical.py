"""`barnahus medical --case REF [--json]`: a case's examinations with their sealed detail, for medical
staff only; every other role gets the permission error and reads nothing."""
from __future__ import annotations

import json

import pytest

from tests.core.test_medical import CANARY, canary_exam, med  # noqa: F401 (the fixture)
from tests.support.cli import one_line, run_cli
from tests.support.records import STAFF_PASSWORD, login


@pytest.fixture
def rec(med, tmp_path):  # noqa: F811
    x = canary_exam(med)
    pw = tmp_path / "staff.pw"
    pw.write_text(STAFF_PASSWORD + "\n")
    with login(med["path"], "medical") as m:
        m.register_sample(x, kit_id="KIT-42", sample_type="oral_swab", seal_number="SEAL-42", location="Room")
    return med, pw, x


def run(rec, user, *args):
    med, pw, _x = rec
    return run_cli("medical", "--record", med["path"], "--user", user, "--password-file", pw,
                   "--case", med["case"]["reference"], *args)


def test_medical_staff_read_the_examinations_with_their_detail(rec):
    med, _pw, x = rec
    code, out, err = run(rec, "medical", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["case"] == med["case"]["reference"]
    (e,) = data["examinations"]
    assert (e["id"], e["kind"], e["status"]) == (x, "acute_forensic", "held")
    assert e["detail"]["notes"] == f"{CANARY} notes"
    assert [(f["item_code"], f["category"]) for f in e["detail"]["findings"]] == [("4.05", 4)]
    assert [(s["kit_id"], s["sample_type"]) for s in e["samples"]] == [("KIT-42", "oral_swab")]
    code, out, err = run(rec, "reviewer")
    assert (code, err) == (0, "")
    lines = out.strip().splitlines()
    assert lines[0].split()[0] == str(x) and "acute_forensic" in lines[0] and "held" in lines[0]
    assert "finding 4.05 (group 4, adams-2018-v1) at hymen  needs expert review" in out
    assert "sample KIT-42 (oral_swab), seal SEAL-42: sealed" in out
    assert lines[-1] == f"1 examination(s) in case {med['case']['reference']}"


@pytest.mark.parametrize("user", ["coordinator", "interviewer", "therapist", "liaison"])
def test_every_other_role_gets_the_permission_error(rec, user):
    code, out, err = run(rec, user, "--json")
    assert code == 2 and "roles do not allow" in one_line(err), (code, err)
    assert out == "" and CANARY not in err
