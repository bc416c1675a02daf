"""`barnahus rooms`, `barnahus ics` and `barnahus fixity`: the command line over real records and
real files, run in-process through barnahus_app.cli.main (and once as a real process for the
exit code of a failed fixity check)."""
from __future__ import annotations

import os
import stat
import subprocess

import icalendar
import pytest

from tests.support.cli import one_line, run_cli, run_cli_process
from tests.support.records import ADMIN_PASSWORD, STAFF_PASSWORD, login, make_record, sample_case

TZ = "Europe/Stockholm"
NAMES = (b"Testa", b"Exampledottir", b"Exampleson")


@pytest.fixture
def rec(tmp_path):
    path, _ = make_record(tmp_path)
    pw = {}
    for user, secret in (("admin", ADMIN_PASSWORD), ("staff", STAFF_PASSWORD)):
        f = tmp_path / f"{user}.pw"
        f.write_text(secret + "\n")
        pw[user] = f
    return path, pw


def run(rec, command, user, *args):
    path, pw = rec
    return run_cli(command, "--record", path, "--user", user,
                   "--password-file", pw["admin" if user == "admin" else "staff"], *args)


def _booked(rec) -> dict:
    path, _ = rec
    with login(path, "admin") as a:
        room = a.create_room("Room A", "interview")
    with login(path, "coordinator") as c:
        case = sample_case(c)
    with login(path, "interviewer") as s:
        iid = s.plan_interview(case["id"], case["child_id"], "2026-12-01T10:00", 60, room, s.user_id, time_zone=TZ)
    return dict(case, room=room, interview=iid)


def test_rooms_add_and_list(rec):
    code, out, err = run(rec, "rooms", "admin", "--add", "Interview room 1")
    assert (code, err) == (0, "") and out.strip() == "Added room 1: Interview room 1."
    code, out, _ = run(rec, "rooms", "admin", "--add", "Observation – Ö", "--kind", "observation")
    assert code == 0 and "Added room 2" in out
    code, _, err = run(rec, "rooms", "admin", "--add", "interview ROOM 1")
    assert code == 2 and "exists already" in one_line(err)
    code, _, err = run(rec, "rooms", "admin", "--add", "Garage", "--kind", "garage")
    assert code == 2 and one_line(err).startswith("barnahus: kind")
    code, _, err = run(rec, "rooms", "coordinator", "--add", "Kitchen")
    assert code == 2 and "roles do not allow" in one_line(err)
    with login(rec[0], "admin") as a:
        a.update_room(2, active=False)
    code, out, err = run(rec, "rooms", "coordinator")
    assert code == 0 and err == ""
    lines = out.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].split() == ["1", "interview", "Interview", "room", "1"]
    assert lines[1].split()[:3] == ["2", "observation", "(retired)"] and lines[1].endswith("Observation – Ö")


def test_ics_writes_an_owner_only_calendar_without_names(rec, tmp_path, monkeypatch):
    b = _booked(rec)
    out_file = tmp_path / "bookings.ics"
    code, out, err = run(rec, "ics", "coordinator", "--from", "2026-12-01", "--to", "2026-12-02",
                         "--time-zone", TZ, "--out", out_file)
    assert (code, err) == (0, "")
    assert f"Wrote 1 booking(s) from 2026-12-01 to 2026-12-02 to {out_file}" in out
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    data = out_file.read_bytes()
    for name in NAMES:
        assert name not in data
    cal = icalendar.Calendar.from_ical(data)
    (ev,) = cal.walk("VEVENT")
    assert str(ev["class"]) == "CONFIDENTIAL" and b["reference"] in str(ev["summary"])
    assert str(ev["location"]) == "Room A" and ev["dtstart"].params["TZID"] == TZ
    assert ev.decoded("dtstart").strftime("%Y-%m-%d %H:%M") == "2026-12-01 10:00"
    assert [str(t["tzid"]) for t in cal.walk("VTIMEZONE")] == [TZ]
    # Never over an existing file.
    before = out_file.read_bytes()
    code, _, err = run(rec, "ics", "coordinator", "--from", "2026-12-01", "--time-zone", TZ,
                       "--out", out_file)
    assert code == 2 and "already exists" in one_line(err) and out_file.read_bytes() == before
    # --to defaults to --from; the machine's zone (TZ) is the default zone; --mine filters.
    monkeypatch.setenv("TZ", TZ)
    code, out, _ = run(rec, "ics", "interviewer", "--from", "2026-12-01", "--mine", "--out",
                       tmp_path / "mine.ics")
    assert code == 0 and "Wrote 1 booking(s) from 2026-12-01 to 2026-12-01" in out
    mine = icalendar.Calendar.from_ical((tmp_path / "mine.ics").read_bytes())
    assert mine.walk("VEVENT")[0]["dtstart"].params["TZID"] == TZ
    code, out, _ = run(rec, "ics", "liaison", "--from", "2026-12-01", "--mine", "--out",
                       tmp_path / "liaison.ics")
    assert code == 0 and "Wrote 0 booking(s)" in out
    assert icalendar.Calendar.from_ical((tmp_path / "liaison.ics").read_bytes()).walk("VEVENT") == []


def test_ics_bad_dates_and_zones_are_one_line_errors(rec, tmp_path):
    _booked(rec)
    target = tmp_path / "x.ics"
    for args, expected in ((("--from", "2026-13-01"), "barnahus: --from takes a date such as 2026-11-23."),
                           (("--from", "2026-12-01", "--to", "02/12/2026"), "barnahus: --to takes a date such as"),
                           (("--from", "2026-12-02", "--to", "2026-12-01"), "barnahus: end: The calendar range"),
                           (("--from", "2026-12-01", "--time-zone", "Mars/Olympus"), "barnahus: time_zone: ")):
        code, out, err = run(rec, "ics", "coordinator", *args, "--out", target)
        assert code == 2 and out == "", args
        assert one_line(err).startswith(expected), err
        assert not target.exists()


def test_fixity_exit_codes_and_messages(rec, tmp_path):
    b = _booked(rec)
    evidence = tmp_path / "evidence" / "master.mp4"
    evidence.parent.mkdir()
    evidence.write_bytes(os.urandom(1024 * 1024 + 3))
    with login(rec[0], "interviewer") as s:
        rid = s.register_recording(b["interview"], evidence, label="Master")
        registered = s.interview_recordings(b["interview"])[0]["sha256"]
    code, out, err = run(rec, "fixity", "interviewer", "--recording", rid)
    assert (code, err) == (0, "")
    assert out.strip() == f"recording {rid}: unaltered (SHA-256 {registered}) at {evidence}"

    good_copy = tmp_path / "copy.mp4"
    good_copy.write_bytes(evidence.read_bytes())
    data = bytearray(evidence.read_bytes())
    data[len(data) // 2] ^= 0xFF
    evidence.write_bytes(bytes(data))
    found = subprocess.run(["sha256sum", str(evidence)], capture_output=True, text=True).stdout.split()[0]
    code, out, err = run(rec, "fixity", "interviewer", "--recording", rid)
    assert code == 1 and out == ""
    assert f"recording {rid}: FIXITY CHECK FAILED, CONTENTS DIFFER at {evidence}" in err
    assert f"registered SHA-256: {registered}" in err and f"found SHA-256:      {found}" in err
    assert "The stored hash was not changed" in err and "Traceback" not in err
    # The good copy elsewhere is unaltered.
    code, out, _ = run(rec, "fixity", "interviewer", "--recording", rid, "--path", good_copy)
    assert code == 0 and "unaltered" in out
    evidence.unlink()
    code, out, err = run(rec, "fixity", "interviewer", "--recording", rid)
    assert code == 1 and "FILE NOT FOUND" in err and "found SHA-256:      -" in err
    code, _, err = run(rec, "fixity", "interviewer", "--recording", 99)
    assert code == 2 and one_line(err) == "barnahus: There is no recording 99."
    code, _, err = run(rec, "fixity", "coordinator", "--recording", rid)
    assert code == 2 and "roles do not allow" in one_line(err)
    with login(rec[0], "interviewer") as s:
        assert [e["event"] for e in s.custody_log(rid)] == [
            "acquired", "fixity_ok", "fixity_mismatch", "fixity_ok", "fixity_missing"]


def test_fixity_as_a_real_process_exits_1_on_a_changed_byte(rec, tmp_path):
    b = _booked(rec)
    evidence = tmp_path / "master.wav"
    evidence.write_bytes(b"RIFF" + os.urandom(4096))
    with login(rec[0], "interviewer") as s:
        rid = s.register_recording(b["interview"], evidence, label="Master")
    path, pw = rec
    args = ["fixity", "--record", path, "--user", "interviewer", "--password-file", pw["staff"], "--recording", rid]
    r = run_cli_process(*args)
    assert r.returncode == 0, r.stderr
    data = bytearray(evidence.read_bytes())
    data[2048] ^= 0x01
    evidence.write_bytes(bytes(data))
    r = run_cli_process(*args)
    assert r.returncode == 1 and "CONTENTS DIFFER" in r.stderr and r.stdout == ""
