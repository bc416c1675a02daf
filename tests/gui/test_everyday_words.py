"""Issue 17's smaller words: plural forms ("1 minute", not "1 minutes") and the kept-changes note
that says what really happened (the record locked, or Barnahus closed)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from barnahus_app.api import open_record
from tests.support.gui_shell import find_line_edit, make_window, unlock, wait_for_lock_backup
from tests.support.records import FAST_KDF, STAFF_PASSWORD, sample_case

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("minutes,said", [
    (1, "Saved. The record now locks after 1 minute without use."),
    (2, "Saved. The record now locks after 2 minutes without use."),
])
def test_the_idle_lock_is_said_in_the_right_plural(qtbot, open_as, minutes, said):
    from ui.admin.panel import AdminPanel
    panel = AdminPanel(open_as("admin"))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: not panel.loading, timeout=5000)
    panel.idle_spin.setFocus()
    panel.idle_spin.selectAll()
    QTest.keyClicks(panel.idle_spin, str(minutes))
    with qtbot.waitSignal(panel.settingsChanged, timeout=5000):
        QTest.keyClick(panel, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)   # Sa&ve settings
    assert panel.settings_message.text() == said


@pytest.fixture
def case(record_path):
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        return sample_case(s)


def _change_the_police_reference(window, case):
    ws = window.open_workspace(case["id"])
    police = find_line_edit(ws, "Police reference")
    police.setFocus()
    police.selectAll()
    QTest.keyClicks(police, "POLREF-KEPT")
    assert ws.is_dirty()


def test_changes_kept_by_a_lock_are_said_to_be_from_before_the_lock(qtbot, record_path, case):
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    _change_the_police_reference(window, case)
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.is_unlocked(), timeout=10_000)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    assert window.message_bar.text() == (
        "Your unsaved changes from before the record was locked were kept safely in the record. "
        "They are open again: save them, or close them to discard them. Open cases with kept changes: 1.")


def test_changes_kept_when_barnahus_closed_are_said_to_be_from_before_it_closed(qtbot, record_path, case):
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    _change_the_police_reference(window, case)
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)   # Quit
    wait_for_lock_backup(qtbot, window)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    again = make_window(qtbot, record_path)
    unlock(qtbot, again, "coordinator", STAFF_PASSWORD)
    assert again.message_bar.text() == (
        "Your unsaved changes from before Barnahus was closed were kept safely in the record. "
        "They are open again: save them, or close them to discard them. Open cases with kept changes: 1.")
