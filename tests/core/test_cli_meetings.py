"""`barnahus meetings`: the MDT meetings of a date range over a real record, as text and JSON,
without case content or children's names."""
from __future__ import annotations

import json

import pytest

from tests.support.cli import one_line, run_cli
from tests.support.records import STAFF_PASSWORD, login, make_record, sample_case

TZ = "Europe/Stockholm"


@pytest.fixture
def rec(tmp_path):
    path, _ = make_record(tmp_path)
    pw = tmp_path / "staff.pw"
    pw.write_text(STAFF_PASSWORD + "\n")
    with login(path, "admin") as a:
        room = a.create_room("Room A", "meeting")
    with login(path, "coordinator") as c:
        case = sample_case(c)
        mid = c.plan_meeting("case_review", "2026-11-10T09:00", 90, chair_id=c.user_id, room_id=room, time_zone=TZ)
        c.add_agenda_items(mid, [(case["id"], "new")])
        remote = c.plan_meeting("urgent", "2026-11-11T14:00", 30, chair_id=c.user_id, remote=True, time_zone=TZ)
    return path, pw, case, mid, remote


def run(rec, user, *args):
    path, pw = rec[0], rec[1]
    return run_cli("meetings", "--record", path, "--user", user, "--password-file", pw, *args)


def test_meetings_lists_a_range_as_text_and_json_without_case_content(rec):
    _path, _pw, case, mid, remote = rec
    code, out, err = run(rec, "coordinator", "--from", "2026-11-10", "--to", "2026-11-11")
    assert (code, err) == (0, "")
    lines = out.strip().splitlines()
    assert lines[0].split()[:2] == [str(mid), "2026-11-10"] and "case_review" in lines[0]
    assert "1 case(s)" in lines[0] and "Room A" in lines[0] and "chair: Coordinator" in lines[0]
    assert lines[1].split()[:2] == [str(remote), "2026-11-11"] and "Remote" in lines[1]
    assert lines[2] == "2 meeting(s) from 2026-11-10 to 2026-11-11"
    code, out, err = run(rec, "liaison", "--from", "2026-11-10", "--to", "2026-11-10", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["from"] == data["to"] == "2026-11-10"
    assert [(m["id"], m["kind"], m["status"], m["items"], m["room_name"], m["remote"]) for m in data["meetings"]] == [
        (mid, "case_review", "planned", 1, "Room A", False)]
    for text in (out, lines[0]):
        assert case["reference"] not in text and "Exampledottir" not in text and "Testa" not in text


def test_meetings_is_refused_to_the_administrator_and_checks_its_dates(rec, tmp_path):
    code, _out, err = run(rec, "coordinator", "--from", "2026-13-01")
    assert code == 2 and "--from takes a date" in one_line(err)
    apw = tmp_path / "admin.pw"
    from tests.support.records import ADMIN_PASSWORD
    apw.write_text(ADMIN_PASSWORD + "\n")
    code, _out, err = run_cli("meetings", "--record", rec[0], "--user", "admin", "--password-file", apw,
                              "--from", "2026-11-10")
    assert code == 2 and "roles do not allow" in one_line(err)
