"""The centre's time zone on screen (issue 17): the administrator sets it by keyboard in Record
settings; on a workstation whose clock is in UTC, an interview planned at 13:00 in Stockholm shows
13:00 with the zone named, and its custody log tells "Acquired" in the interview's zone."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from barnahus_app.api import open_record
from tests.support.gui_shell import make_window, unlock
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, sample_case
from ui.common import dates

pytestmark = pytest.mark.gui
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def utc_machine(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setattr(dates, "_centre_zone", None)   # put back after the test
    yield
    monkeypatch.undo()
    time.tzset()


def focused():
    return QApplication.focusWidget()


def test_the_administrator_sets_the_zone_by_keyboard(qtbot, record_path, utc_machine):
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as a:
        a.set_setting("time_zone", "Europe/Stockholm")
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "admin", ADMIN_PASSWORD)
    assert dates.centre_zone() == "Europe/Stockholm"
    panel = window.admin
    qtbot.waitUntil(lambda: panel.apply_button.isEnabled() and not panel.loading, timeout=5000)
    assert panel.zone_combo.value() == "Europe/Stockholm"

    QTest.keyClick(panel, Qt.Key.Key_Z, ALT)                 # "Centre's time &zone:"
    assert focused() in (panel.zone_combo, panel.zone_combo.lineEdit())
    QTest.keySequence(focused(), QKeySequence.StandardKey.SelectAll)
    QTest.keyClicks(focused(), "Mars/Olympus")
    QTest.keyClick(panel, Qt.Key.Key_V, ALT)                 # "Sa&ve settings"
    qtbot.waitUntil(lambda: panel.settings_message.text() != "", timeout=5000)
    assert "'Mars/Olympus' is not a time zone name" in panel.settings_message.text()
    assert window.session.setting("time_zone") == "Europe/Stockholm"

    QTest.keyClick(panel, Qt.Key.Key_Z, ALT)
    QTest.keySequence(focused(), QKeySequence.StandardKey.SelectAll)
    QTest.keyClicks(focused(), "lisbon")
    popup = panel.zone_combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert panel.zone_combo.value() == "Europe/Lisbon"
    with qtbot.waitSignal(panel.settingsChanged, timeout=5000):
        QTest.keyClick(panel, Qt.Key.Key_V, ALT)
    assert window.session.setting("time_zone") == "Europe/Lisbon"
    assert dates.centre_zone() == "Europe/Lisbon"               # what the screens tell times in now
    window.lock()


def test_a_utc_workstation_shows_stockholm_times_with_the_zone(qtbot, record_path, tmp_path, utc_machine):
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as a:
        a.set_setting("time_zone", "Europe/Stockholm")
        room = a.create_room("Blue room", "interview")
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as c:
        case = sample_case(c, referral_received_at="2026-02-20T09:30:00+01:00")
        iv_user = c.interviewers()[0]["id"]
    with open_record(record_path, "interviewer", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        iid = s.plan_interview(case["id"], case["child_id"], "2026-03-02T13:00", 80, room, iv_user)
        s.record_interview(iid, actual_start="2026-03-02T13:06", actual_end="2026-03-02T14:25")
        media = tmp_path / "interview.mp4"
        media.write_bytes(b"\0" * 4096)
        s.register_recording(iid, media, label="Master", acquired_at="2026-03-02T14:36:00+01:00")

    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "interviewer", STAFF_PASSWORD)
    from ui.interviews.panel import InterviewsPanel
    panel = InterviewsPanel(window.session, case["id"])
    qtbot.addWidget(panel)
    panel.resize(1400, 900)
    panel.show()
    qtbot.waitUntil(lambda: not panel.loading and panel.i_model.rowCount() == 1, timeout=5000)
    assert panel.i_model.horizontalHeaderItem(1).text() == "Date and time (Europe/Stockholm)"
    assert panel.i_model.item(0, 1).text() == "2026-03-02 13:06–14:25"   # a held one: when it was held
    panel.i_view.setCurrentIndex(panel.i_model.index(0, 0))
    qtbot.waitUntil(lambda: not panel.loading and panel.r_model.rowCount() == 1, timeout=5000)
    shown = {lab.accessibleName(): lab.text() for lab in panel.findChildren(QLabel) if lab.accessibleName()}
    assert shown["Planned"] == "2026-03-02 13:00–14:20 (Europe/Stockholm)"
    assert shown["Held"] == "2026-03-02 13:06–14:25 (Europe/Stockholm)"

    panel.r_view.setFocus()
    panel.r_view.setCurrentIndex(panel.r_model.index(0, 0))
    dlg = panel.show_custody_log()
    qtbot.waitUntil(lambda: not dlg.loading and dlg.model.rowCount() == 1, timeout=5000)
    assert dlg.model.horizontalHeaderItem(0).text() == "When (Europe/Stockholm)"
    assert [dlg.model.item(0, c).text() for c in (0, 1)] == ["2026-03-02 14:36", "Acquired"]
    dlg.reject()
    window.lock()
