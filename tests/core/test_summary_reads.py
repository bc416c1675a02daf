"""What issuing a court summary reads: the interviewer's notes are never part of it, so they are
not even decrypted (issuing.py _gather asks interview_view for the interviews without notes)."""
from __future__ import annotations

from tests.support.records import login, sample_case

ZONE = "Europe/Stockholm"
NOTES = "Canary notes: the child drew the kitchen."


def test_a_court_summary_decrypts_no_interview_notes(record_path, tmp_path):
    with login(record_path, "admin") as a:
        room = a.create_room("Blue room", "interview")
    with login(record_path, "coordinator") as c:
        case = sample_case(c)
        iv = c.plan_interview(case["id"], case["child_id"], "2026-03-12T10:00", 60, room,
                              c.interviewers()[0]["id"], time_zone=ZONE)
    with login(record_path, "interviewer") as i:
        i.record_interview(iv, actual_start="2026-03-12T10:00", actual_end="2026-03-12T10:50")
        i.set_interview_notes(iv, NOTES)
    with login(record_path, "coordinator") as s:
        assert s.get_interview(iv)["notes"] == NOTES   # this user reads them: the summary could, and must not
        opened = []
        real_read = s.sections.read

        def read(conn, section, *args, **kwargs):
            opened.append(section)
            return real_read(conn, section, *args, **kwargs)

        s.sections.read = read
        try:
            s.write_case_summary(case["id"], tmp_path / "summary.docx", "docx", time_zone=ZONE)
            assert opened == []   # nothing sealed was opened (the first issue made the signing identity)
            s.get_interview(iv)
            assert opened == ["interview_notes"]   # where the notes are shown, they are decrypted
        finally:
            del s.sections.read
