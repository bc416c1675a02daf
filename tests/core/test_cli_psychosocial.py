"""`barnahus assessments --case REF`: therapists see a case's screens as codes, dates, scores and
bands; every other role gets the permission error. No answers, no free text and no names."""
from __future__ import annotations

import json

import pytest

from tests.support.cli import run_cli
from tests.support.records import STAFF_PASSWORD, login, make_record, sample_case

SECRET = "Secret-therapy-text"


@pytest.fixture(scope="module")
def rec(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-psychosocial")
    with pytest.MonkeyPatch.context() as mp:   # the conftest isolates HOME per test only
        mp.setenv("HOME", str(folder / "home"))
        path, _ = make_record(folder)
        with login(path, "coordinator") as c:
            case = sample_case(c)
        with login(path, "therapist") as t:
            low = t.record_administration(case["id"], case["child_id"], "CATS-7-17", time_point="baseline",
                                          respondent="child", administered_on="2026-09-01",
                                          answers={f"s{n}": 1 for n in range(1, 21)})
            high = t.record_administration(case["id"], case["child_id"], "UCLA-PTSD-RI-5", time_point="baseline",
                                           respondent="carer", administered_on="2026-09-02", scores={"total": 38})
            t.resolve_screen(high, action="not_done", reason=f"{SECRET} reason")
            e = t.start_episode(case["id"], case["child_id"], "tf_cbt", started_on="2026-09-03")
            t.record_session(e, held_on="2026-09-10", status="attended", notes=f"{SECRET} notes")
    pw = folder / "staff.pw"
    pw.write_text(STAFF_PASSWORD + "\n")
    return {"record": path, "pw": pw, "ref": case["reference"], "low": low, "high": high, "child": case["child_id"]}


def cli(rec, *args, user="therapist"):
    return run_cli("assessments", "--record", rec["record"], "--user", user, "--password-file", rec["pw"],
                   "--case", rec["ref"], *args)


def test_therapists_get_codes_scores_and_bands(rec):
    r = cli(rec, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["case"] == rec["ref"]
    low, high = out["administrations"]
    assert low == {"id": rec["low"], "child_person_id": rec["child"], "instrument": "CATS-7-17", "version": 1,
                   "time_point": "baseline", "respondent": "child", "administered_on": "2026-09-01",
                   "scores": {"total": 20, "intrusion": 5, "avoidance": 2, "cognition_mood": 7, "arousal": 6},
                   "bands": {"total": "moderate", "intrusion": None, "avoidance": None, "cognition_mood": None,
                             "arousal": None},
                   "screen_value": 20, "screen_band": "moderate", "at_or_above_cutoff": False, "resolution": None,
                   "referral_id": None, "resolved_on": None}
    assert (high["instrument"], high["screen_value"], high["screen_band"], high["at_or_above_cutoff"],
            high["resolution"]) == ("UCLA-PTSD-RI-5", 38, "probable_ptsd", True, "not_done")
    text = cli(rec)
    assert text.returncode == 0
    lines = text.stdout.splitlines()
    assert lines[0].split() == [str(rec["low"]), "2026-09-01", "CATS-7-17", "v1", "baseline", "child", "screen",
                                "20", "moderate"]
    assert lines[1].split() == [str(rec["high"]), "2026-09-02", "UCLA-PTSD-RI-5", "v1", "baseline", "carer",
                                "screen", "38", "probable_ptsd", "at", "or", "above", "the", "cut-off:", "not_done"]
    assert lines[-1] == f"2 administration(s) in case {rec['ref']}"
    for output in (r.stdout, text.stdout):
        assert SECRET not in output and "Exampledottir" not in output and '"s1"' not in output


@pytest.mark.parametrize("user", ["coordinator", "medical", "liaison", "interviewer"])
def test_other_roles_get_the_permission_error(rec, user):
    r = cli(rec, user=user)
    assert r.returncode != 0
    assert "therapy: read" in r.stderr
    assert SECRET not in r.stdout + r.stderr
