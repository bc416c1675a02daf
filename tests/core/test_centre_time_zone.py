"""The centre's time zone (issue 17, "Time is told three ways"): on a workstation whose clock is
in UTC, a centre in Europe/Stockholm plans, sees, prints and exports an interview at 13:00 as
13:00, with the zone named; CSV files give ISO 8601 with the offset of the day (+01:00 in winter,
+02:00 in summer). A booking planned in another zone keeps its zone and names it."""
from __future__ import annotations

import csv
import io
import time
import zipfile

import pytest

from barnahus_app.errors import ValidationError
from barnahus_app.lifecycle import create_record, open_record
from barnahus_app.timeutil import centre_zone_default
from tests.support.document_tools import pdf_text
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, login, sample_case


@pytest.fixture
def utc_machine(monkeypatch):
    """This workstation's clock is in UTC (a fresh install, a server image)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def stockholm_centre(record_path):
    """A centre in Europe/Stockholm with a room, a case received 2026-02-20 and an interviewer:
    (room id, case, interviewer's user id)."""
    with login(record_path, "admin") as a:
        a.set_setting("time_zone", "Europe/Stockholm")
        room = a.create_room("Blue room", "interview")
    with login(record_path, "coordinator") as c:
        case = sample_case(c, referral_received_at="2026-02-20T09:30:00+01:00")
        iv_user = c.interviewers()[0]["id"]
    return room, case, iv_user


def docx_text(path) -> str:
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    return xml


def csv_rows(path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_the_setting_is_an_iana_zone_and_only_an_administrator_sets_it(record_path):
    with login(record_path, "admin") as a:
        a.set_setting("time_zone", "Europe/Oslo")
        assert a.setting("time_zone") == "Europe/Oslo" and a.centre_zone() == "Europe/Oslo"
        for wrong in ("Mars/Olympus", "", "europe/oslo", "+01:00"):
            with pytest.raises(ValidationError) as e:
                a.set_setting("time_zone", wrong)
            assert e.value.field == "time_zone"
        assert a.setting("time_zone") == "Europe/Oslo"
    with login(record_path, "coordinator") as c:
        assert c.centre_zone() == "Europe/Oslo"   # every user reads it
        with pytest.raises(Exception):
            c.set_setting("time_zone", "Europe/Stockholm")


def test_a_new_record_takes_the_zone_asked_and_an_older_one_a_default(tmp_path, utc_machine, monkeypatch):
    path = tmp_path / "r" / "record.barnahus"
    create_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF, time_zone="Europe/Helsinki")
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        assert s.centre_zone() == "Europe/Helsinki"
    # A record made before the setting existed: the workstation's zone if it names a place, else
    # Europe/Stockholm (a machine kept in UTC is not where children are interviewed).
    assert centre_zone_default() == "Europe/Stockholm"
    monkeypatch.setenv("TZ", "Etc/UTC")
    assert centre_zone_default() == "Europe/Stockholm"
    monkeypatch.setenv("TZ", "America/Chicago")
    assert centre_zone_default() == "America/Chicago"
    with pytest.raises(ValidationError):
        create_record(tmp_path / "s" / "record.barnahus", "admin", ADMIN_PASSWORD, kdf=FAST_KDF,
                      time_zone="Nowhere/Special")


def test_a_utc_workstation_tells_stockholm_times_everywhere(record_path, tmp_path, utc_machine):
    room, case, iv_user = stockholm_centre(record_path)
    with login(record_path, "interviewer") as s:
        # Planned without a zone: the centre's, not the workstation's UTC.
        winter = s.plan_interview(case["id"], case["child_id"], "2026-03-02T13:00", 80, room, iv_user)
        summer = s.plan_interview(case["id"], case["child_id"], "2026-07-06T13:00", 60, room, iv_user,
                                  justification="A second interview: new facts came up.")
        views = {i["id"]: i for i in s.case_interviews(case["id"])}
        assert views[winter]["time_zone"] == "Europe/Stockholm"
        assert views[winter]["starts_at_utc"] == "2026-03-02T12:00:00.000000Z"
        assert views[summer]["starts_at_utc"] == "2026-07-06T11:00:00.000000Z"
        s.record_interview(winter, actual_start="2026-03-02T13:06", actual_end="2026-03-02T14:25")
        media = tmp_path / "interview.mp4"
        media.write_bytes(b"\0" * 4096)
        s.register_recording(winter, media, label="Master", acquired_at="2026-03-02T14:36:00+01:00")

    with login(record_path, "coordinator") as c:
        pdf = tmp_path / "summary.pdf"
        c.write_case_summary(case["id"], pdf, "pdf")
        text = " ".join(pdf_text(pdf).split())
        assert "2026-03-02 13:00–14:20 (Europe/Stockholm)" in text
        assert "2026-03-02 13:06–14:25 (Europe/Stockholm)" in text
        assert "2026-07-06 13:00–14:00 (Europe/Stockholm)" in text
        assert "2026-03-02 14:36 (Europe/Stockholm)" in text     # Acquired, in the interview's zone
        assert "2026-02-20 09:30 (Europe/Stockholm)" in text     # Referral received
        assert "Referral timeline (times in Europe/Stockholm)" in text
        assert "Chain of custody, times in Europe/Stockholm:" in text
        assert "11:00–12:20" not in text and "12:00–13:20" not in text

        docx = tmp_path / "summary.docx"
        c.write_case_summary(case["id"], docx, "docx")
        xml = docx_text(docx)
        assert "2026-03-02 13:00–14:20 (Europe/Stockholm)" in xml
        assert "2026-03-02 14:36 (Europe/Stockholm)" in xml

        out = tmp_path / "bundle"
        c.export_bundle(case["id"], out)
    index = {r["planned_start"][:10]: r for r in csv_rows(out / "data" / "interviews" / "interview-index.csv")}
    assert index["2026-03-02"]["planned_start"] == "2026-03-02T13:00:00+01:00"
    assert index["2026-03-02"]["planned_end"] == "2026-03-02T14:20:00+01:00"
    assert index["2026-03-02"]["held_start"] == "2026-03-02T13:06:00+01:00"
    assert index["2026-03-02"]["time_zone"] == "Europe/Stockholm"
    assert index["2026-07-06"]["planned_start"] == "2026-07-06T13:00:00+02:00"
    assert index["2026-07-06"]["held_start"] == ""
    custody = csv_rows(out / "data" / "custody" / "custody-log.csv")
    acquired = next(r for r in custody if r["event"] == "acquired")
    assert acquired["occurred"] == "2026-03-02T14:36:00+01:00" and acquired["time_zone"] == "Europe/Stockholm"
    manifest = csv_rows(out / "data" / "recordings" / "recordings-manifest.csv")
    assert manifest[0]["acquired"] == "2026-03-02T14:36:00+01:00"


def test_a_booking_planned_in_another_zone_keeps_it_and_names_it(record_path, tmp_path, utc_machine):
    room, case, iv_user = stockholm_centre(record_path)
    with login(record_path, "interviewer") as s:
        iid = s.plan_interview(case["id"], case["child_id"], "2026-03-03T10:00", 60, room, iv_user,
                               time_zone="Europe/London")
        assert s.case_interviews(case["id"])[0]["time_zone"] == "Europe/London"
    with login(record_path, "coordinator") as c:
        pdf = tmp_path / "summary.pdf"
        c.write_case_summary(case["id"], pdf, "pdf")
        assert "2026-03-03 10:00–11:00 (Europe/London)" in " ".join(pdf_text(pdf).split())
        c.export_bundle(case["id"], tmp_path / "bundle")
    row = csv_rows(tmp_path / "bundle" / "data" / "interviews" / "interview-index.csv")[0]
    assert row["planned_start"] == "2026-03-03T10:00:00+00:00" and row["time_zone"] == "Europe/London"
    assert iid


def test_the_command_line_asks_and_sets_the_zone(tmp_path, cheap_argon2):
    from tests.support.cli import run_cli

    def run(*args):
        return run_cli(*args, env_extra={"BARNAHUS_PASSWORD": "cli-password-123"})

    record = tmp_path / "z.barnahus"
    assert run("init", "--record", record, "--admin", "boss", "--time-zone", "Europe/Oslo").returncode == 0
    r = run("settings", "--record", record, "--user", "boss")
    assert "time_zone                  Europe/Oslo  The centre's time zone" in r.stdout.splitlines()
    r = run("settings", "--record", record, "--user", "boss", "--set", "time_zone=Mars/Olympus")
    assert r.returncode == 2
    assert r.stderr.strip() == "barnahus: time_zone: 'Mars/Olympus' is not a time zone name such as Europe/Stockholm."
    r = run("init", "--record", tmp_path / "y.barnahus", "--admin", "boss", "--time-zone", "Nowhere")
    assert r.returncode == 2 and not (tmp_path / "y.barnahus").exists()
