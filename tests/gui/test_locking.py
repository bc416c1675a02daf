"""Locking: Ctrl+L and idle time clear every view of case data; unsaved edits are kept as
encrypted drafts and come back for the same user only; the clipboard guard."""
from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from barnahus_app.api import DiskFull, open_record
from tests.support.gui_shell import find_line_edit, flush_deletes, make_window, unlock, widget_texts
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, sample_case
from ui.common.clipboard import clipboard_guard, copy_identifier

pytestmark = pytest.mark.gui


@pytest.fixture
def case(record_path):
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        return sample_case(s, police_reference="POLREF-4711")


def case_strings(case) -> list[str]:
    return [case["reference"], "Exampledottir", "Exampleson", "POLREF-4711"]


def leaks(needles) -> list[str]:
    texts = widget_texts()
    return [n for n in needles if any(n in t for t in texts)]


def drafts_of(record_path, user):
    with open_record(record_path, user, STAFF_PASSWORD, kdf=FAST_KDF) as s:
        return s.drafts()


def test_ctrl_l_locks_and_clears_case_data_from_every_widget(qtbot, record_path, case):
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 1, timeout=5000)
    window.open_case(case["id"])
    window.case_list.search.setText("Exampledottir")
    assert set(leaks(case_strings(case))) == set(case_strings(case))  # the test can see them

    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_unlocked()
    flush_deletes()
    assert leaks(case_strings(case)) == []
    assert window.unlock_panel.isVisible()
    assert window.unlock_panel.user_edit.text() == "coordinator"
    assert window.unlock_panel.heading.text().startswith("The record is locked")
    assert window.status_user.text() == "Locked"
    assert not window.lock_action.isEnabled()
    assert drafts_of(record_path, "coordinator") == []  # nothing was unsaved, nothing kept

    # The same user gets back what they had open; the list is fresh.
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    assert [e.case_id for e in window.workspace_entries()] == [case["id"]]


def test_idle_lock_keeps_a_draft_and_restores_it_for_the_same_user(qtbot, record_path, case):
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        s.set_setting("idle_lock_minutes", 1)
    # One "minute" of the idle timer lasts 300 ms in this test.
    window = make_window(qtbot, record_path, idle_ms_per_minute=300)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    assert window.locker.idle.interval_ms() == 300

    ws = window.open_workspace(case["id"])
    police = find_line_edit(ws, "Police reference")
    police.setFocus()
    police.selectAll()
    QTest.keyClicks(police, "POLREF-CHANGED")
    window.new_case()
    intake = window.open_workspace(None)
    summary_edits = [e for e in intake.findChildren(QLineEdit) if e.accessibleName() == "Prosecution reference"]
    QTest.keyClicks(summary_edits[0], "PROS-NEW-1")
    assert ws.is_dirty() and intake.is_dirty()

    qtbot.waitUntil(lambda: not window.is_unlocked(), timeout=10_000)  # nobody touches anything
    flush_deletes()
    assert leaks(["POLREF-CHANGED", "PROS-NEW-1", case["reference"], "Exampledottir"]) == []
    window.locker.idle.ms_per_minute = 60_000  # no second idle lock while the test looks around

    kept = {d["subject_id"]: d["payload"] for d in drafts_of(record_path, "coordinator")}
    assert set(kept) == {case["id"], None}
    assert "POLREF-CHANGED" in str(kept[case["id"]]) and "PROS-NEW-1" in str(kept[None])

    # Another user unlocking gets none of the first user's drafts.
    unlock(qtbot, window, "interviewer", STAFF_PASSWORD)
    assert window.workspace_entries() == []
    assert leaks(["POLREF-CHANGED", "PROS-NEW-1"]) == []
    window.lock()

    # The same user gets both edits back, marked as not saved, with a calm word about it.
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    entries = {e.case_id: e for e in window.workspace_entries()}
    assert set(entries) == {case["id"], None}
    restored = entries[case["id"]].workspace
    assert find_line_edit(restored, "Police reference").text() == "POLREF-CHANGED"
    assert restored.is_dirty() and entries[case["id"]].has_draft
    assert "not saved" in window.tabs.tabText(window.tabs.indexOf(restored))
    assert "kept safely in the record" in window.message_bar.text()
    assert window.current_page() == "open"

    # Saving discards that draft; the other stays until it is saved or discarded.
    assert restored.save()
    assert not entries[case["id"]].has_draft
    assert [d["subject_id"] for d in window.session.drafts()] == [None]
    assert window.session.get_case(case["id"])["police_reference"] == "POLREF-CHANGED"


class StandInWorkspace(QWidget):
    """The workspace contract, minimal: one field, to test the shell's own close logic."""

    saved = Signal(int)
    titleChanged = Signal(str)

    def __init__(self, session, case_id, parent=None):
        super().__init__(parent)
        self.session, self.case_id = session, case_id
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName("Summary")
        QVBoxLayout(self).addWidget(self.edit)
        self.baseline = ""
        if case_id is not None:
            self.baseline = session.get_case(case_id).get("summary") or ""
            self.edit.setText(self.baseline)

    def title(self):
        return "Stand-in" if self.case_id is None else f"Case {self.case_id}"

    def is_dirty(self):
        return self.edit.text() != self.baseline

    def draft_payload(self):
        return {"summary": self.edit.text()}

    def restore_draft(self, payload):
        self.edit.setText(payload["summary"])

    def save(self):
        self.session.update_case(self.case_id, summary=self.edit.text())
        self.baseline = self.edit.text()
        self.saved.emit(self.case_id)
        return True


def test_closing_a_restored_tab_and_discarding_drops_the_draft(qtbot, record_path, case):
    window = make_window(qtbot, record_path, workspace_factory=StandInWorkspace)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    ws = window.open_workspace(case["id"])
    QTest.keyClicks(ws.edit, " and more")
    window.lock()
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    ws = window.workspace_entries()[0].workspace
    assert ws.edit.text().endswith(" and more")

    answers = iter(["cancel", "discard"])
    window.ask_unsaved = lambda title: next(answers)
    QTest.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)  # Cancel: stays open
    assert len(window.workspace_entries()) == 1
    assert len(window.session.drafts()) == 1
    QTest.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)  # Discard
    assert window.workspace_entries() == []
    assert window.session.drafts() == []
    assert window.nav_keys() == ["today", "cases", "calendar", "meetings"]  # "Open cases" goes away with the last tab


def test_a_draft_the_record_refuses_is_held_in_memory_for_the_same_user(qtbot, record_path, case, monkeypatch):
    window = make_window(qtbot, record_path, workspace_factory=StandInWorkspace)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    ws = window.open_workspace(case["id"])
    QTest.keyClicks(ws.edit, "unsaved words")

    def full(*_a, **_k):
        raise DiskFull("The disk is full. Nothing was changed.")
    monkeypatch.setattr(window.session, "save_draft", full)
    window.lock()
    assert not window.is_unlocked()
    assert "could not be kept" in window.unlock_panel.message.text()
    assert drafts_of(record_path, "coordinator") == []

    unlock(qtbot, window, "interviewer", STAFF_PASSWORD)
    assert window.workspace_entries() == []
    window.lock()
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    (entry,) = window.workspace_entries()
    assert entry.workspace.edit.text().endswith("unsaved words")


def test_input_keeps_the_record_unlocked(qtbot, record_path):
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        s.set_setting("idle_lock_minutes", 1)
    window = make_window(qtbot, record_path, idle_ms_per_minute=400)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    for _ in range(8):  # 8 x 100 ms = twice the idle time, with a key press every 100 ms
        qtbot.wait(100)
        QTest.keyClick(window.case_list.search, Qt.Key.Key_A)
    assert window.is_unlocked()
    qtbot.waitUntil(lambda: not window.is_unlocked(), timeout=5000)


def test_clipboard_is_cleared_after_the_timeout_only_if_unchanged(qtbot):
    clipboard = QGuiApplication.clipboard()
    guard = clipboard_guard()
    guard.clear_after_ms = 200

    copy_identifier("BH-2026-00042")
    assert clipboard.text() == "BH-2026-00042"
    assert clipboard.mimeData().data("x-kde-passwordManagerHint").data() == b"secret"
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3000)

    copy_identifier("BH-2026-00043")
    clipboard.setText("something the user copied")
    qtbot.wait(400)
    assert clipboard.text() == "something the user copied"


def test_settings_from_the_record_drive_the_clipboard_and_lock_clears_it(qtbot, record_path):
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        s.set_setting("clipboard_clear_seconds", 45)
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    assert clipboard_guard().clear_after_ms == 45_000
    copy_identifier("BH-2026-00099")
    window.lock()
    assert QGuiApplication.clipboard().text() == ""


def test_lock_closes_a_dialog_open_over_the_window(qtbot, record_path):
    from ui.admin.panel import AddUserDialog

    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "admin", ADMIN_PASSWORD)
    dlg = AddUserDialog(window.session, window.admin)
    dlg.open()
    QTest.keyClicks(dlg.username, "someone")
    window.lock()
    qtbot.waitUntil(lambda: not window.is_unlocked(), timeout=5000)
    assert not shiboken6.isValid(dlg) or not dlg.isVisible()


def test_idle_lock_while_a_dialog_runs_its_own_loop(qtbot, record_path):
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        s.set_setting("idle_lock_minutes", 1)
    window = make_window(qtbot, record_path, idle_ms_per_minute=300)
    unlock(qtbot, window, "admin", ADMIN_PASSWORD)
    window.admin.add_user()  # exec(): returns only when the idle lock has closed the dialog
    qtbot.waitUntil(lambda: not window.is_unlocked(), timeout=5000)
    flush_deletes()
    assert window.unlock_panel.isVisible()
    window.locker.idle.ms_per_minute = 60_000
    unlock(qtbot, window, "admin", ADMIN_PASSWORD)
    assert window.nav_keys() == ["admin"]


def test_a_draft_that_does_not_fit_does_not_bar_the_way_in(qtbot, record_path, case):
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        s.save_draft("case", case["id"], {"from": "an older version"})  # StandInWorkspace wants "summary"
    window = make_window(qtbot, record_path, workspace_factory=StandInWorkspace)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    assert window.workspace_entries() == []
    assert "could not be opened" in window.message_bar.text()
    assert len(window.session.drafts()) == 1  # kept, not discarded


def test_the_screen_locking_locks_the_record(qtbot, record_path):
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    window.locker.screen.active_changed(False)  # the screen saver turning off: nothing happens
    assert window.is_unlocked()
    window.locker.screen.active_changed(True)   # as the desktop's D-Bus signal would call it
    assert not window.is_unlocked()
