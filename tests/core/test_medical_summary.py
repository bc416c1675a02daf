"""The court summary's "Medical examinations" section: the coordination facts for everyone who
may read the case; the examiner's statement only when released for the court summary AND the
issuer holds the medical section, else a note that medical staff hold it. Never a finding."""
from __future__ import annotations

import pytest

from barnahus_app.documents import issuing
from tests.support.records import STAFF_PASSWORD, login, sample_case

TZ = "Europe/Stockholm"
STATEMENT = "Statement-7731: findings consistent with the history given."


def _section(doc, heading):
    return next(s for s in doc.sections if s.heading == heading)


@pytest.fixture
def world(record_path, monkeypatch, tmp_path):
    given = []
    real = issuing._render
    monkeypatch.setattr(issuing, "_render", lambda doc, *a: given.append(doc) or real(doc, *a))
    with login(record_path, "admin") as a:
        a.add_user("medlead", "Medical Coordinator", ["medical", "coordinator"], STAFF_PASSWORD)
    with login(record_path, "coordinator") as c:
        case = sample_case(c)
    with login(record_path, "medical") as m:
        x = m.plan_examination(case["id"], case["child_id"], "non_acute_forensic", "2026-11-02T10:00", 60,
                               examiner_id=m.user_id, commissioned_by="prosecution", priority="non_urgent",
                               time_zone=TZ)
        m.record_agreement(x, child="agreed", guardian="agreed")
        m.hold_examination(x)
        m.add_finding(x, "4.06", "hymen", "Finding-text-7731")
        m.set_medical_notes(x, "Notes-text-7731", STATEMENT)
        m.release_outcome(x, "findings_see_statement")
    return {"path": record_path, "case": case, "exam": x, "docs": given, "out": tmp_path}


def _summary(world, user):
    with login(world["path"], user) as s:
        s.write_case_summary(world["case"]["id"], world["out"] / f"{user}.docx", "docx", time_zone=TZ)
    return world["docs"][-1]


def _texts(section) -> str:
    return repr(section.blocks)


def test_the_summary_shows_the_coordination_facts_and_no_finding(world):
    sec = _section(_summary(world, "coordinator"), "Medical examinations")
    table = sec.blocks[0]
    assert table.rows == (("2026-11-02 10:00", "Non-acute forensic examination",
                           "Prosecution", "Medical", "Held", "Findings: see the medical statement", "No"),)
    for secret in ("Finding-text", "Notes-text", "Statement-7731", "4.06"):
        assert secret not in _texts(sec)
    assert len(sec.blocks) == 1          # not released: nothing about the statement


def test_a_released_statement_is_in_it_only_for_an_issuer_holding_the_medical_section(world):
    with login(world["path"], "medical") as m:
        m.release_statement(world["exam"], "case_summary")
    sec = _section(_summary(world, "coordinator"), "Medical examinations")
    assert "Statement-7731" not in _texts(sec)
    assert "held by medical staff" in _texts(sec)
    sec = _section(_summary(world, "medlead"), "Medical examinations")
    assert "Statement-7731" in _texts(sec)
    assert "Finding-text" not in _texts(sec) and "Notes-text" not in _texts(sec)


def test_a_statement_released_for_another_disclosure_stays_out(world):
    with login(world["path"], "medical") as m:
        m.release_statement(world["exam"], "referral")
    sec = _section(_summary(world, "medlead"), "Medical examinations")
    assert "Statement-7731" not in _texts(sec) and len(sec.blocks) == 1
