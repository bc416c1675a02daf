"""The calendar: bookings placed in their room column and time rows (day and week views, across
daylight-saving changes), keyboard navigation and Enter, moving by keyboard and by dragging
through the core, a clash that needs a written reason, the .ics export, role shaping, and the
main window's navigation. Real SQLCipher records; bookings planned through the core."""
from __future__ import annotations

import os
import stat
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from barnahus_app.api import open_record
from barnahus_app.timeutil import parse_utc
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, sample_case
from ui.calendar.panel import DAY, WEEK, CalendarPanel, ExportDialog
from ui.interviews.conflict_dialog import ConflictDialog

pytestmark = pytest.mark.gui

ZONE = "Europe/Stockholm"
TZ = ZoneInfo(ZONE)
WED = date(2026, 11, 25)
CTRL = Qt.KeyboardModifier.ControlModifier


def at(d: date, h: int, m: int = 0) -> datetime:
    return datetime.combine(d, time(h, m), TZ)


def local(utc_text: str) -> datetime:
    return parse_utc(utc_text).astimezone(TZ)


@pytest.fixture
def booked(record_path):
    """Rooms A, B, C (made by the administrator) and, planned by the coordinator: b1 Wednesday
    09:00-10:00 in Room B, b2 Friday 14:30-16:00 in Room C, b3 Wednesday 11:00-12:00 in Room A,
    each for the child of its own case. The sessions are closed again (one writer at a time):
    each test opens the one it needs with open_as."""
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as admin:
        rooms = {n: admin.create_room(n, "interview") for n in ("Room A", "Room B", "Room C")}
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        iv = s.interviewers()[0]["id"]
        cases = [sample_case(s) for _ in range(3)]
        b1 = s.plan_interview(cases[0]["id"], cases[0]["child_id"], at(WED, 9), 60, rooms["Room B"], iv,
                              time_zone=ZONE)
        b2 = s.plan_interview(cases[1]["id"], cases[1]["child_id"], at(WED + timedelta(days=2), 14, 30), 90,
                              rooms["Room C"], iv, time_zone=ZONE)
        b3 = s.plan_interview(cases[2]["id"], cases[2]["child_id"], at(WED, 11), 60, rooms["Room A"], iv,
                              time_zone=ZONE)
    return {"rooms": rooms, "iv": iv, "cases": cases, "b1": b1, "b2": b2, "b3": b3}


def make_panel(qtbot, session, mode=DAY, day=WED) -> CalendarPanel:
    panel = CalendarPanel(session, time_zone=ZONE, mode=mode, day=day)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    qtbot.waitExposed(panel)
    wait_loaded(qtbot, panel)
    assert panel.rooms(), "the panel reads the record when shown"
    return panel


def wait_loaded(qtbot, panel: CalendarPanel) -> None:
    """Until the bookings asked for (and a move under way) have come back from the record's thread."""
    qtbot.waitUntil(lambda: not panel.loading, timeout=5000)


def assert_placed(panel: CalendarPanel, booking_id: int, day: date, room_id: int, start_min: int, end_min: int):
    g = panel.grid
    g.ensure_booking_visible(booking_id)
    rect = g.booking_rect(booking_id)
    assert not rect.isEmpty()
    x0, x1 = g.column_span(day, room_id)
    assert x0 <= rect.left() and rect.right() <= x1, (rect, x0, x1)
    assert abs(rect.top() - g.time_y(start_min)) <= 2, (rect.top(), g.time_y(start_min))
    assert abs(rect.bottom() - g.time_y(end_min)) <= 3, (rect.bottom(), g.time_y(end_min))
    assert g.booking_at(rect.center()) == booking_id
    cell = g.cell_at(rect.center())
    assert cell[0] == day and cell[1] == room_id


def focus_grid(qtbot, panel: CalendarPanel) -> None:
    panel.activateWindow()
    panel.grid.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(panel.grid.hasFocus)


def answer_conflicts(reason: str | None):
    """Answer the ConflictDialog when it opens (the modal dialog of a move): go back when reason is
    None, else write the reason for every conflict and override. Returns (the dialogs seen, the
    polling timer: stop it when done)."""
    seen = []
    timer = QTimer()
    timer.setInterval(20)

    def poll():
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, ConflictDialog) or dlg in seen:
            return
        seen.append(dlg)
        buttons = {b.text().replace("&", ""): b for b in dlg.findChildren(QPushButton)}
        if reason is None:
            buttons["Go back and change it"].click()
        else:
            for edit in dlg._reasons.values():
                edit.setPlainText(reason)
            buttons["Override and book"].click()

    timer.timeout.connect(poll)
    timer.start()
    return seen, timer


# --- placement ----------------------------------------------------------------------------------
def test_day_and_week_views_place_bookings_in_room_columns_and_time_rows(qtbot, booked, open_as):
    s, rooms = open_as("coordinator"), booked["rooms"]
    panel = make_panel(qtbot, s, DAY)
    assert [r["name"] for r in panel.rooms()] == ["Room A", "Room B", "Room C"]
    assert panel.shown_range() == (WED, WED)
    assert_placed(panel, booked["b1"], WED, rooms["Room B"], 9 * 60, 10 * 60)
    assert_placed(panel, booked["b3"], WED, rooms["Room A"], 11 * 60, 12 * 60)
    assert panel.grid.booking_rect(booked["b2"]).isEmpty()  # Friday is not shown

    panel.week_button.click()
    wait_loaded(qtbot, panel)
    assert panel.mode() == WEEK
    assert panel.shown_range() == (date(2026, 11, 23), date(2026, 11, 29))
    assert_placed(panel, booked["b1"], WED, rooms["Room B"], 9 * 60, 10 * 60)
    assert_placed(panel, booked["b2"], WED + timedelta(days=2), rooms["Room C"], 14 * 60 + 30, 16 * 60)
    assert_placed(panel, booked["b3"], WED, rooms["Room A"], 11 * 60, 12 * 60)
    # Next week holds none of them; Today and Previous/Next move by a week.
    panel.next_button.click()
    wait_loaded(qtbot, panel)
    assert panel.shown_range()[0] == date(2026, 11, 30) and panel.bookings() == []
    panel.prev_button.click()
    wait_loaded(qtbot, panel)
    assert len(panel.bookings()) == 3


def test_only_the_last_of_quick_reloads_is_shown_and_a_lock_drops_a_late_answer(qtbot, booked, open_as):
    panel = make_panel(qtbot, open_as("coordinator"), WEEK)
    shown = []   # the bookings counted each time an answer is shown
    panel.loaded.connect(lambda: shown.append(len(panel.bookings())))
    panel.next_button.click()   # the week after: no bookings
    panel.prev_button.click()   # back, before the first answer came
    wait_loaded(qtbot, panel)
    assert shown == [3]   # the answer for the week after (no bookings) was dropped
    # Locked while a read is under way: its answer shows nothing.
    panel.next_button.click()
    panel.clear()
    wait_loaded(qtbot, panel)
    assert shown == [3]
    assert panel.bookings() == [] and panel.rooms() == []


def test_bookings_across_daylight_saving_changes_are_drawn_at_local_time(qtbot, record_path, open_as):
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as admin:
        room = admin.create_room("Room A", "interview")
    s = open_as("coordinator")
    iv = s.interviewers()[0]["id"]
    spring, autumn = date(2026, 3, 29), date(2026, 10, 25)
    cases = [sample_case(s) for _ in range(4)]
    # 10:00 on the days the clocks change, and a booking over the night the clocks go forward:
    # 01:30 CET for 90 minutes ends at 04:00 CEST on the wall clock.
    ids = {
        "spring": s.plan_interview(cases[0]["id"], cases[0]["child_id"], at(spring, 10), 60, room, iv, time_zone=ZONE),
        "night": s.plan_interview(cases[1]["id"], cases[1]["child_id"], at(spring, 1, 30), 90, room, iv,
                                  time_zone=ZONE),
        "autumn": s.plan_interview(cases[2]["id"], cases[2]["child_id"], at(autumn, 10), 60, room, iv, time_zone=ZONE),
        "before": s.plan_interview(cases[3]["id"], cases[3]["child_id"], at(autumn - timedelta(days=1), 10), 60, room,
                                   iv, time_zone=ZONE),
    }
    assert s.get_interview(ids["spring"])["starts_at_utc"].startswith("2026-03-29T08:00")
    assert s.get_interview(ids["autumn"])["starts_at_utc"].startswith("2026-10-25T09:00")
    panel = make_panel(qtbot, s, DAY, spring)
    assert_placed(panel, ids["spring"], spring, room, 10 * 60, 11 * 60)
    assert_placed(panel, ids["night"], spring, room, 90, 4 * 60)
    panel.set_mode(WEEK)
    panel.set_date(autumn)
    wait_loaded(qtbot, panel)
    assert panel.shown_range() == (date(2026, 10, 19), autumn)
    assert_placed(panel, ids["autumn"], autumn, room, 10 * 60, 11 * 60)
    assert_placed(panel, ids["before"], autumn - timedelta(days=1), room, 10 * 60, 11 * 60)
    # A cell in the hour the clocks skip has no time: nothing can be planned there.
    assert panel.slot_datetime(spring, 2 * 60 + 30) is None
    assert panel.slot_datetime(spring, 3 * 60).utcoffset() == timedelta(hours=2)


# --- keyboard -------------------------------------------------------------------------------------
def test_arrow_keys_reach_a_booking_and_enter_opens_its_case(qtbot, booked, open_as):
    panel = make_panel(qtbot, open_as("coordinator"))
    g = panel.grid
    focus_grid(qtbot, panel)
    g.set_cursor(WED, booked["rooms"]["Room A"], 7 * 60)
    assert g.selected_booking() is None
    QTest.keyClick(g, Qt.Key.Key_Right)            # Room B
    for _ in range(4):                              # 07:30, 08:00, 08:30, 09:00
        QTest.keyClick(g, Qt.Key.Key_Down)
    assert g.selected_booking().id == booked["b1"]
    assert booked["cases"][0]["reference"] in panel.selected_label.text()
    with qtbot.waitSignal(panel.open_case, timeout=2000) as sig:
        QTest.keyClick(g, Qt.Key.Key_Return)
    assert sig.args == [booked["cases"][0]["id"]]
    # Down leaves the booking to the cell after it; Up comes back onto it.
    QTest.keyClick(g, Qt.Key.Key_Down)
    assert g.selected_booking() is None and g.cursor()[2] == 10 * 60
    QTest.keyClick(g, Qt.Key.Key_Up)
    assert g.selected_booking().id == booked["b1"]


def test_enter_on_a_free_cell_opens_the_planning_dialog_there(qtbot, booked, open_as):
    from ui.interviews.plan_dialog import InterviewPlanDialog
    panel = make_panel(qtbot, open_as("coordinator"))
    g = panel.grid
    focus_grid(qtbot, panel)
    g.set_cursor(WED, booked["rooms"]["Room C"], 13 * 60 + 30)
    QTest.keyClick(g, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in panel.findChildren(InterviewPlanDialog)), timeout=5000)
    dlg = next(d for d in panel.findChildren(InterviewPlanDialog) if d.isVisible())
    assert dlg.room.value() == booked["rooms"]["Room C"]
    assert (dlg.start.time().hour(), dlg.start.time().minute()) == (13, 30)
    assert dlg.date.value() == WED.isoformat()
    dlg.reject()


def test_ctrl_arrows_and_enter_move_a_booking_in_the_record(qtbot, booked, open_as):
    s = open_as("coordinator")
    panel = make_panel(qtbot, s)
    g = panel.grid
    focus_grid(qtbot, panel)
    assert g.select_booking(booked["b1"])
    QTest.keyClick(g, Qt.Key.Key_Down, CTRL)   # 09:15
    QTest.keyClick(g, Qt.Key.Key_Down, CTRL)   # 09:30
    QTest.keyClick(g, Qt.Key.Key_Right, CTRL)  # Room C
    assert g.ghost() == (booked["b1"], WED, 9 * 60 + 30, booked["rooms"]["Room C"])
    assert "Moving case" in panel.selected_label.text()
    # Esc cancels: nothing changes.
    QTest.keyClick(g, Qt.Key.Key_Escape)
    assert g.ghost() is None
    assert local(s.get_interview(booked["b1"])["starts_at_utc"]) == at(WED, 9)
    # Again, and Enter moves it.
    QTest.keyClick(g, Qt.Key.Key_Down, CTRL)
    QTest.keyClick(g, Qt.Key.Key_Down, CTRL)
    QTest.keyClick(g, Qt.Key.Key_Right, CTRL)
    QTest.keyClick(g, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: s.get_interview(booked["b1"])["room_id"] == booked["rooms"]["Room C"], timeout=5000)
    iv = s.get_interview(booked["b1"])
    assert local(iv["starts_at_utc"]) == at(WED, 9, 30)
    assert local(iv["ends_at_utc"]) == at(WED, 10, 30)   # the length is kept
    qtbot.waitUntil(lambda: g.ghost() is None)
    wait_loaded(qtbot, panel)
    assert_placed(panel, booked["b1"], WED, booked["rooms"]["Room C"], 9 * 60 + 30, 10 * 60 + 30)
    assert g.selected_booking().id == booked["b1"]
    assert "Moved case" in panel.message.text()


def test_a_move_answered_after_a_lock_shows_nothing(qtbot, booked, open_as):
    s = open_as("coordinator")
    panel = make_panel(qtbot, s)
    panel.move_booking(booked["b1"], WED, 13 * 60, booked["rooms"]["Room C"])
    panel.clear()   # locked before the answer came
    wait_loaded(qtbot, panel)
    assert s.get_interview(booked["b1"])["room_id"] == booked["rooms"]["Room C"]   # the record has it
    assert panel.bookings() == [] and panel.message.text() == "" and panel.grid.ghost() is None


# --- mouse ----------------------------------------------------------------------------------------
def drag(qtbot, panel: CalendarPanel, start: QPoint, end: QPoint, steps: int = 6) -> None:
    vp = panel.grid.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        QTest.mouseMove(vp, p)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_dragging_a_booking_moves_it(qtbot, booked, open_as):
    s, rooms = open_as("coordinator"), booked["rooms"]
    panel = make_panel(qtbot, s)
    g = panel.grid
    g.ensure_booking_visible(booked["b1"])
    rect = g.booking_rect(booked["b1"])
    grab = QPoint(rect.center().x(), g.time_y(9 * 60 + 20))           # 20 minutes into the block
    x0, x1 = g.column_span(WED, rooms["Room A"])
    drop = QPoint((x0 + x1) // 2, g.time_y(14 * 60 + 20) + 3)           # lands at 14:00 (15-minute steps)
    drag(qtbot, panel, grab, drop)
    qtbot.waitUntil(lambda: s.get_interview(booked["b1"])["room_id"] == rooms["Room A"], timeout=5000)
    assert local(s.get_interview(booked["b1"])["starts_at_utc"]) == at(WED, 14)
    qtbot.waitUntil(lambda: g.ghost() is None)
    wait_loaded(qtbot, panel)
    assert_placed(panel, booked["b1"], WED, rooms["Room A"], 14 * 60, 15 * 60)


def test_moving_onto_a_clash_asks_for_reasons_and_go_back_changes_nothing(qtbot, booked, open_as):
    s, rooms = open_as("coordinator"), booked["rooms"]
    panel = make_panel(qtbot, s)
    g = panel.grid
    focus_grid(qtbot, panel)
    before = s.get_interview(booked["b1"])
    # b1 (Room B 09:00) onto b3's time and room (Room A 11:00): the room and the interviewer clash.
    assert g.select_booking(booked["b1"])
    QTest.keyClick(g, Qt.Key.Key_Left, CTRL)
    for _ in range(8):
        QTest.keyClick(g, Qt.Key.Key_Down, CTRL)
    assert g.ghost() == (booked["b1"], WED, 11 * 60, rooms["Room A"])
    seen, timer = answer_conflicts(None)
    QTest.keyClick(g, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen) and g.ghost() is None, timeout=5000)
    wait_loaded(qtbot, panel)
    timer.stop()
    assert {c.code for c in seen[0]._check.conflicts} >= {"room"}
    after = s.get_interview(booked["b1"])
    assert (after["room_id"], after["starts_at_utc"]) == (before["room_id"], before["starts_at_utc"])
    assert_placed(panel, booked["b1"], WED, rooms["Room B"], 9 * 60, 10 * 60)   # snapped back
    assert panel.message.text() == "Nothing was moved."

    # With a written reason the move goes through, and the reason is kept with the booking.
    assert g.select_booking(booked["b1"])
    QTest.keyClick(g, Qt.Key.Key_Left, CTRL)
    for _ in range(8):
        QTest.keyClick(g, Qt.Key.Key_Down, CTRL)
    seen, timer = answer_conflicts("The only room with recording equipment that day.")
    QTest.keyClick(g, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: s.get_interview(booked["b1"])["room_id"] == rooms["Room A"], timeout=5000)
    wait_loaded(qtbot, panel)
    timer.stop()
    overrides = s.get_interview(booked["b1"])["overrides"]
    assert overrides and all(o["reason"] == "The only room with recording equipment that day." for o in overrides)


# --- export ---------------------------------------------------------------------------------------
def test_ics_export_is_owner_only_confidential_and_nameless(qtbot, booked, open_as, tmp_path, monkeypatch):
    import icalendar
    s = open_as("coordinator")
    panel = make_panel(qtbot, s, WEEK)
    path = tmp_path / "week.ics"
    path.write_bytes(b"old")
    os.chmod(path, 0o644)   # an existing file loses its wider permissions
    # Through the buttons: the export dialog, then the file dialog.
    monkeypatch.setattr(ExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr("ui.calendar.panel.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "week"), "iCalendar files (*.ics)"))
    panel.export_button.click()
    assert not panel.export_button.isEnabled()   # until the file is written
    qtbot.waitUntil(panel.export_button.isEnabled, timeout=5000)
    path = tmp_path / "week.ics"
    assert path.exists(), panel.message.text()
    assert panel.message.text().startswith("The calendar was saved to")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = path.read_bytes()
    cal = icalendar.Calendar.from_ical(raw)
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 3
    assert all(str(e["CLASS"]) == "CONFIDENTIAL" for e in events)
    assert {str(e["LOCATION"]) for e in events} == {"Room A", "Room B", "Room C"}
    refs = {c["reference"] for c in booked["cases"]}
    assert all(any(r in str(e["SUMMARY"]) for r in refs) for e in events)
    text = raw.decode("utf-8")
    for name in ("Testa", "Exampledottir", "Alleged", "Exampleson"):
        assert name not in text
    # Only my bookings: the coordinator leads none of them.
    mine = tmp_path / "mine.ics"
    panel.export_ics(mine, only_mine=True)
    qtbot.waitUntil(panel.export_button.isEnabled, timeout=5000)
    assert [c for c in icalendar.Calendar.from_ical(mine.read_bytes()).walk("VEVENT")] == []


# --- roles ----------------------------------------------------------------------------------------
def test_therapist_sees_the_calendar_but_cannot_plan_or_move(qtbot, booked, open_as):
    t = open_as("therapist")
    panel = make_panel(qtbot, t)
    g = panel.grid
    assert panel.plan_button.isHidden() and panel.move_button.isHidden()
    assert not panel.export_button.isHidden()   # therapists may export the calendar
    focus_grid(qtbot, panel)
    assert g.select_booking(booked["b1"])
    QTest.keyClick(g, Qt.Key.Key_Down, CTRL)
    assert g.ghost() is None
    rect = g.booking_rect(booked["b1"])
    drag(qtbot, panel, rect.center(), rect.center() + QPoint(0, 120))
    assert g.ghost() is None
    # Enter on a free cell plans nothing; Enter on the booking still opens its case.
    g.set_cursor(WED, booked["rooms"]["Room C"], 13 * 60)
    QTest.keyClick(g, Qt.Key.Key_Return)
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and isinstance(w, QDialog)]
    assert g.select_booking(booked["b1"])
    with qtbot.waitSignal(panel.open_case, timeout=2000):
        QTest.keyClick(g, Qt.Key.Key_Return)
    iv = t.get_interview(booked["b1"])
    assert local(iv["starts_at_utc"]) == at(WED, 9) and iv["room_id"] == booked["rooms"]["Room B"]


def test_main_window_offers_the_calendar_by_role_and_opens_cases_from_it(qtbot, booked, open_as, record_path):
    from tests.support.gui_shell import make_window, unlock
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    assert "calendar" in window.nav_keys()
    QTest.keyClick(window, Qt.Key.Key_K, CTRL)
    assert window.current_page() == "calendar"
    cal = window.calendar
    qtbot.waitUntil(lambda: cal.isVisible() and cal.grid.hasFocus())
    cal.set_date(WED)
    wait_loaded(qtbot, cal)
    assert cal.grid.select_booking(booked["b1"])
    QTest.keyClick(cal.grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.count() == 1)
    assert window.current_page() == "open"
    window.lock()
    assert window.calendar is None
    unlock(qtbot, window, "admin", ADMIN_PASSWORD)
    assert "calendar" not in window.nav_keys()


def test_ics_export_save_dialog_starts_in_the_export_folder(qtbot, booked, open_as, tmp_path, monkeypatch):
    folder = tmp_path / "exports"
    folder.mkdir()
    with open_as("admin") as a:
        a.set_setting("export_folder", str(folder))
    s = open_as("coordinator")
    panel = make_panel(qtbot, s, WEEK)
    monkeypatch.setattr(ExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    suggested = []
    monkeypatch.setattr("ui.calendar.panel.QFileDialog.getSaveFileName",
                        lambda parent, title, start, filt: suggested.append(start) or ("", ""))
    panel.export_button.click()
    assert len(suggested) == 1 and os.path.dirname(suggested[0]) == str(folder)


def test_a_held_interview_is_drawn_on_the_day_and_at_the_time_it_was_held(qtbot, booked, open_as):
    """b1 was planned on Wednesday 09:00 in Room B and held on Friday 13:00-13:40: the calendar
    shows it on Friday, at its held time, and no longer on Wednesday."""
    s, rooms = open_as("interviewer"), booked["rooms"]
    fri = WED + timedelta(days=2)
    s.record_interview(booked["b1"], actual_start=at(fri, 13), actual_end=at(fri, 13, 40),
                       off_plan_reason="The child was ill on Wednesday.")
    panel = make_panel(qtbot, s, DAY, day=fri)
    assert_placed(panel, booked["b1"], fri, rooms["Room B"], 13 * 60, 13 * 60 + 40)
    assert_placed(panel, booked["b2"], fri, rooms["Room C"], 14 * 60 + 30, 16 * 60)
    panel.close()
    panel = make_panel(qtbot, s, DAY, day=WED)
    assert panel.grid.booking_rect(booked["b1"]).isEmpty()
    assert [b.id for b in panel.bookings()] == [booked["b3"]]


def test_filters_by_interviewer_and_room_through_the_core_by_keyboard(qtbot, booked, open_as, record_path):
    """The Interviewer and Room filter choices are asked of the core (session.calendar's
    parameters): the grid shows what came back, one room's column when a room is chosen."""
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as admin:
        admin.add_user("interviewer2", "Second Interviewer", ["interviewer"], STAFF_PASSWORD)
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        iv2 = next(i["id"] for i in s.interviewers() if i["display_name"] == "Second Interviewer")
        case = sample_case(s)
        b4 = s.plan_interview(case["id"], case["child_id"], at(WED, 13), 60, booked["rooms"]["Room A"], iv2,
                              time_zone=ZONE)
    s = open_as("coordinator")
    asked = []
    real = s.calendar
    s.calendar = lambda *a, **k: asked.append(k) or real(*a, **k)
    panel = make_panel(qtbot, s, WEEK)
    assert sorted(b.id for b in panel.bookings()) == sorted([booked["b1"], booked["b2"], booked["b3"], b4])
    assert [panel.interviewer_combo.itemText(i) for i in range(panel.interviewer_combo.count())] == [
        "Everyone", "Interviewer", "Second Interviewer"]
    assert [panel.room_combo.itemText(i) for i in range(panel.room_combo.count())] == [
        "All rooms", "Room A", "Room B", "Room C"]
    # Alt+I, then Down twice: the second interviewer's bookings only
    QTest.keyClick(panel, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is panel.interviewer_combo
    QTest.keyClick(panel.interviewer_combo, Qt.Key.Key_Down)
    QTest.keyClick(panel.interviewer_combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: not panel.loading and [b.id for b in panel.bookings()] == [b4], timeout=5000)
    assert asked[-1] == {"interviewer_id": iv2, "room_id": None, "include_examinations": True}
    # back to everyone; Alt+F, Down to Room A: one column, Room A's bookings
    panel.interviewer_combo.setCurrentIndex(0)
    wait_loaded(qtbot, panel)
    QTest.keyClick(panel, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is panel.room_combo
    QTest.keyClick(panel.room_combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: not panel.loading and sorted(b.id for b in panel.bookings()) == sorted(
        [booked["b3"], b4]), timeout=5000)
    assert asked[-1] == {"interviewer_id": None, "room_id": booked["rooms"]["Room A"], "include_examinations": True}
    assert [r["name"] for r in panel.rooms()] == ["Room A"]
    assert panel.grid.column_count() == 7            # the week: one column a day
    # the filter stays while the week changes
    panel.next_button.click()
    wait_loaded(qtbot, panel)
    assert asked[-1] == {"interviewer_id": None, "room_id": booked["rooms"]["Room A"], "include_examinations": True}
    assert panel.room_combo.currentText() == "Room A"


def test_compact_week_fits_six_rooms_and_seven_days_and_a_day_keeps_rooms_side_by_side(
        qtbot, booked, open_as, record_path):
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as admin:
        for name in ("Observation room", "Medical room", "Family room"):
            admin.create_room(name, "interview")
    panel = make_panel(qtbot, open_as("coordinator"), WEEK)   # 1280 pixels wide: a 1440 screen less the navigation
    g = panel.grid
    assert panel.is_compact() and panel.compact_box.isChecked()
    assert g.column_count() == 42
    assert g.horizontalScrollBar().maximum() == 0            # the whole week at once
    assert panel.room_legend.isVisible()
    assert panel.room_legend.accessibleName() == ("Rooms: 1: Family room; 2: Medical room; 3: Observation room; "
                                                  "4: Room A; 5: Room B; 6: Room C")
    assert_placed(panel, booked["b1"], WED, booked["rooms"]["Room B"], 9 * 60, 10 * 60)
    assert_placed(panel, booked["b2"], WED + timedelta(days=2), booked["rooms"]["Room C"], 14 * 60 + 30, 16 * 60)
    # The keyboard walks the lanes as it walked the columns; the line below names the room.
    g.select_booking(booked["b3"])
    focus_grid(qtbot, panel)
    QTest.keyClick(g, Qt.Key.Key_Up)
    QTest.keyClick(g, Qt.Key.Key_Up)
    QTest.keyClick(g, Qt.Key.Key_Up)
    QTest.keyClick(g, Qt.Key.Key_Up)     # 09:00, Room A
    QTest.keyClick(g, Qt.Key.Key_Right)  # Room B: b1
    assert g.selected_booking().id == booked["b1"]
    assert "Room B" in panel.selected_label.text()
    # Alt+C: each day's rooms side by side with their names again (scrolled sideways), and back
    QTest.keyClick(panel, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not panel.compact_box.isChecked(), timeout=2000)   # a mnemonic clicks after a moment
    assert not panel.is_compact()
    assert g.horizontalScrollBar().maximum() > 0 and not panel.room_legend.isVisible()
    assert_placed(panel, booked["b1"], WED, booked["rooms"]["Room B"], 9 * 60, 10 * 60)
    QTest.keyClick(panel, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(panel.is_compact, timeout=2000)
    # A day is never compact: its rooms stand side by side, named.
    panel.day_button.click()
    wait_loaded(qtbot, panel)
    assert not panel.is_compact() and not panel.room_legend.isVisible() and not panel.compact_box.isEnabled()
    assert g.column_count() == 6


def test_a_remote_meeting_stands_in_a_remote_column_and_no_interview_moves_there(qtbot, booked, open_as):
    """A team meeting held remotely has no room: it stands in a "Remote" column after the rooms
    (only while the days shown hold one), in the day and in the compact week. An interview moved
    there by keyboard stays where it was."""
    from ui.calendar.layout import REMOTE_ROOM
    s, rooms = open_as("coordinator"), booked["rooms"]
    mid = s.plan_meeting("case_review", at(WED, 13), 90, chair_id=s.user_id, remote=True, time_zone=ZONE)
    panel = make_panel(qtbot, s, DAY)
    assert [r["name"] for r in panel.rooms()] == ["Room A", "Room B", "Room C", "Remote"]
    assert_placed(panel, -mid, WED, REMOTE_ROOM, 13 * 60, 14 * 60 + 30)
    g = panel.grid
    assert g.select_booking(-mid)
    assert panel.selected_label.text() == ("Selected: 13:00\u201314:30, Remote: MDT meeting \u2013 Case review, "
                                           f"chaired by {s.display_name}, planned. Enter opens the meeting.")

    # The interview b1 (09:00, Room B) moved two columns right: Room C, then Remote.
    focus_grid(qtbot, panel)
    assert g.select_booking(booked["b1"])
    QTest.keyClick(g, Qt.Key.Key_Right, CTRL)  # Room C
    QTest.keyClick(g, Qt.Key.Key_Right, CTRL)  # Remote
    assert g.ghost() == (booked["b1"], WED, 9 * 60, REMOTE_ROOM)
    QTest.keyClick(g, Qt.Key.Key_Return)
    wait_loaded(qtbot, panel)
    qtbot.waitUntil(lambda: g.ghost() is None)
    assert panel.message.text() == "An interview is held in a room, not remotely. Nothing was moved."
    iv = s.get_interview(booked["b1"])
    assert iv["room_id"] == rooms["Room B"] and local(iv["starts_at_utc"]) == at(WED, 9)

    panel.week_button.click()
    wait_loaded(qtbot, panel)
    assert panel.is_compact()
    assert panel.room_legend.accessibleName() == "Rooms: 1: Room A; 2: Room B; 3: Room C; 4: Remote"
    assert_placed(panel, -mid, WED, REMOTE_ROOM, 13 * 60, 14 * 60 + 30)
    # A week without a remote meeting has no Remote column.
    panel.next_button.click()
    wait_loaded(qtbot, panel)
    assert [r["name"] for r in panel.rooms()] == ["Room A", "Room B", "Room C"]
