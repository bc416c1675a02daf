"""Medical examinations where the rest of the team works (issue #14): the coordination facts in the
case overview, the examination in the calendar without any detail and not movable there, and the
medical role's Today (a pending result and a follow-up examination as reminders, the expert
reviews waiting). Real SQLCipher records; the examination is made through the core."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from barnahus_app.api import open_record
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, sample_case

pytestmark = pytest.mark.gui

ZONE = "Europe/Stockholm"
TZ = ZoneInfo(ZONE)
WED = date(2026, 11, 25)
CANARY = "CANARY-MEDICAL-GUI-5521"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def examined(record_path):
    """A medical room and an interview room; a case (made by the coordinator) whose child had an
    acute forensic examination on Wednesday 10:00-11:00 by the medical user: held, a finding and
    notes with a canary, a sample handed to the police, a pending test ordered 20 days ago, the
    outcome "no findings" released. And a second examination of the child, planned Friday."""
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as admin:
        room = admin.create_room("Medical room", "medical")
        admin.create_room("Interview room", "interview")
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as c:
        case = sample_case(c)
    with open_record(record_path, "medical", STAFF_PASSWORD, kdf=FAST_KDF) as m:
        start = datetime.combine(WED, time(10), TZ)
        x = m.plan_examination(case["id"], case["child_id"], "acute_forensic", start.replace(tzinfo=None), 60,
                               examiner_id=m.user_id, commissioned_by="police", priority="emergent",
                               time_zone=ZONE, room_id=room, last_contact_at=start - timedelta(hours=20))
        m.record_agreement(x, child="agreed", guardian="agreed")
        m.hold_examination(x)
        m.add_finding(x, "4.05", "hymen", f"{CANARY} finding")
        m.set_medical_notes(x, f"{CANARY} notes", None)
        sid = m.register_sample(x, kit_id="KIT-1", sample_type="genital_swab", seal_number="SEAL-1",
                                location="Medical room")
        m.add_sample_event(sid, "handed_to_police", location="Reception", counterpart="Officer Test",
                           receipt="R-1")
        test = m.order_test(x, "sti", (date.today() - timedelta(days=20)).isoformat())
        m.release_outcome(x, "no_findings")
        friday = datetime.combine(WED + timedelta(days=2), time(9)).isoformat(timespec="minutes")
        y = m.plan_examination(case["id"], case["child_id"], "follow_up", friday, 45, examiner_id=m.user_id,
                               commissioned_by="health", priority="non_urgent", time_zone=ZONE, room_id=room)
        medic = m.display_name
    return {"case": case, "room": room, "x": x, "y": y, "test": test, "medic": medic}


def label_texts(widget) -> list[str]:
    return [lab.text() for lab in widget.findChildren(QLabel)]


# --- the overview ---------------------------------------------------------------------------------
def test_the_overview_shows_the_coordination_facts_and_no_medical_detail(qtbot, examined, open_as):
    from ui.cases.workspace import CaseWorkspace
    s = open_as("coordinator")
    ws = CaseWorkspace(s, examined["case"]["id"])
    qtbot.addWidget(ws, before_close_func=lambda w: w.discard_changes_on_close())
    ws.resize(1200, 800)
    ws.show()
    qtbot.waitExposed(ws)
    qtbot.waitUntil(lambda: ws.overview is not None, timeout=5000)
    texts = label_texts(ws.overview)
    assert "Medical examinations" in texts
    medic = examined["medic"]
    assert (f"Medical examination: held 2026-11-25 10:00, acute forensic examination, {medic}; "
            "outcome: no findings; samples handed to police") in texts, texts
    assert f"Medical examination: planned 2026-11-27 09:00, follow-up examination, {medic}" in texts, texts
    # the value labels are reachable by keyboard for a screen reader's user (selectable text)
    facts = [lab for lab in ws.overview.findChildren(QLabel) if lab.text().startswith("Medical examination:")]
    assert facts and all(lab.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
                         for lab in facts)
    assert not any(CANARY in t for t in label_texts(ws))


# --- the calendar ---------------------------------------------------------------------------------
def test_the_calendar_shows_the_examination_without_detail_and_does_not_move_it(qtbot, examined, open_as):
    from ui.calendar.panel import DAY, EXAMINATION_IDS, CalendarPanel
    s = open_as("coordinator")
    panel = CalendarPanel(s, time_zone=ZONE, mode=DAY, day=WED)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: not panel.loading and bool(panel.rooms()), timeout=5000)
    g = panel.grid
    bid = EXAMINATION_IDS + examined["x"]
    assert g.select_booking(bid)
    ref = examined["case"]["reference"]
    assert panel.selected_label.text() == (
        f"Selected: 10:00\u201311:00, Medical room: medical examination, case {ref}, {examined['medic']}, held. "
        "Enter opens the case. It is moved in the case's Medical tab.")
    assert not panel.move_button.isEnabled()
    rect = g.booking_rect(bid)
    assert not rect.isEmpty() and g.booking_at(rect.center()) == bid
    assert CANARY not in panel.selected_label.text()
    # Ctrl+arrow on the planned Friday one (week view) does not move it: the calendar says where it is moved
    panel.week_button.click()
    qtbot.waitUntil(lambda: not panel.loading, timeout=5000)
    fri = EXAMINATION_IDS + examined["y"]
    panel.activateWindow()
    g.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(g.hasFocus)
    assert g.select_booking(fri)
    with qtbot.waitSignal(g.notice, timeout=2000) as sig:
        QTest.keyClick(g, Qt.Key.Key_Down, CTRL)
    assert sig.args == ["A medical examination is moved in the case's Medical tab."]
    assert g.ghost() is None
    # Enter opens the case
    with qtbot.waitSignal(panel.open_case, timeout=2000) as opened:
        QTest.keyClick(g, Qt.Key.Key_Return)
    assert opened.args == [examined["case"]["id"]]


# --- Today of the medical role --------------------------------------------------------------------
def test_today_of_the_medical_role(qtbot, examined, open_as):
    from ui.today.panel import TodayPanel
    s = open_as("medical")
    s.release_outcome(examined["x"], "follow_up_needed", follow_up_due=(date.today() + timedelta(days=3)).isoformat())
    panel = TodayPanel(s)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    qtbot.waitUntil(lambda: not panel.is_loading() and panel.counts() is not None, timeout=10_000)
    overdue, week = panel.model("overdue"), panel.model("this_week")
    what = overdue.column_of("what")
    assert [overdue.data(overdue.index(i, what)) for i in range(overdue.rowCount())] == ["Test result pending"]
    assert [week.data(week.index(i, what)) for i in range(week.rowCount())] == ["Follow-up examination"]
    # the finding 4.05 needs an expert review and nobody reviewed it yet
    assert "1 examination waiting for an expert review (the review queue)." in panel.summary.text()
    # and the share the standard asks (at least half of those needing one reviewed): none yet
    assert ("Expert reviews in the last 12 months: 0 of the 1 examinations that needed one (at least half is "
            "the standard).") in panel.summary.text()
    assert CANARY not in panel.summary.text()
    QApplication.processEvents()
