"""Administration without a terminal (issue 17): every user changes their own password from the
Record menu; the administrator keeps the rooms and the record settings the command line alone
could set (the no-contact buffer). By keyboard, as their users would; what lands in the record is
read back through the core."""
from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from barnahus_app.api import WrongCredentials, open_record
from tests.support.gui_shell import answer_modal, make_window, type_text, unlock
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, sample_case

pytestmark = pytest.mark.gui

ALT = Qt.KeyboardModifier.AltModifier
NOTES = "Sealed notes the interviewer wrote."
NEW_PASSWORD = "a new passphrase of mine"


def interview_with_notes(record_path) -> int:
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as a:
        room = a.create_room("Blue room", "interview")
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as c:
        case = sample_case(c)
    with open_record(record_path, "interviewer", STAFF_PASSWORD, kdf=FAST_KDF) as i:
        iid = i.plan_interview(case["id"], case["child_id"], "2026-11-02T10:00", 60, room, i.user_id,
                               time_zone="Europe/Stockholm")
        i.set_interview_notes(iid, NOTES)
    return iid


def open_password_dialog(qtbot, window):
    """F10 opens the menus on the first, Record; P its "Change my &password…"."""
    qtbot.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_P)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None
                    and QApplication.activeModalWidget().objectName() == "changeOwnPasswordDialog")
    dlg = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg)
    return dlg


def answered(qtbot, dlg) -> None:
    """The core call OK started has come back (its progress bar is hidden, or the dialog closed)."""
    qtbot.waitUntil(lambda: not shiboken6.isValid(dlg) or dlg.progress.isHidden(), timeout=20_000)


def fill(qtbot, dlg, current: str, new: str, again: str) -> None:
    for edit in (dlg.current, dlg.password, dlg.again):
        edit.clear()
    dlg.current.setFocus()
    type_text(dlg.current, current)
    qtbot.keyClick(dlg.current, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dlg.password
    type_text(dlg.password, new)
    qtbot.keyClick(dlg.password, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dlg.again
    type_text(dlg.again, again)
    qtbot.keyClick(dlg.again, Qt.Key.Key_Return)
    answered(qtbot, dlg)


def test_an_interviewer_changes_their_password_and_still_reads_their_sealed_notes(qtbot, record_path, tmp_path):
    iid = interview_with_notes(record_path)
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "interviewer", STAFF_PASSWORD)
    dlg = open_password_dialog(qtbot, window)
    assert dlg.windowTitle() == "Change my password"
    assert QApplication.focusWidget() is dlg.current
    dlg.grab().save(str(tmp_path / "change-password.png"))

    # A wrong current password: said beside it, and nothing changed.
    fill(qtbot, dlg, "not my password 9", NEW_PASSWORD, NEW_PASSWORD)
    assert dlg.isVisible() and dlg.field_messages["current password"].text() == (
        "This is not your current password. Nothing was changed.")
    assert QApplication.focusWidget() is dlg.current
    # The two new ones differ: said beside the second; the core is not asked.
    fill(qtbot, dlg, STAFF_PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x")
    assert dlg.field_messages["password again"].text() == "The two passwords are not the same. Type them again."
    assert dlg.field_messages["current password"].text() == ""
    # Too short: the core's rule, beside the new password (the rule is shown under it all along).
    fill(qtbot, dlg, STAFF_PASSWORD, "short", "short")
    assert dlg.field_messages["password"].text() == "Must be at least 10 characters long."
    assert dlg.password.accessibleDescription() == (
        "At least 10 characters. A few unrelated words are easy to remember and hard to guess.")
    assert dlg.isVisible()

    # Escape while a change is under way does not hide its outcome: the dialog waits for it.
    dlg.progress.show()
    qtbot.keyClick(dlg.current, Qt.Key.Key_Escape)
    assert dlg.isVisible()
    dlg.progress.hide()

    fill(qtbot, dlg, STAFF_PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
    qtbot.waitUntil(lambda: window.message_bar.text() != "")
    assert window.message_bar.text() == "Your password was changed. Use the new one from now on."

    window.lock()
    qtbot.waitUntil(lambda: not window.is_unlocked())
    with pytest.raises(WrongCredentials):
        open_record(record_path, "interviewer", STAFF_PASSWORD, kdf=FAST_KDF)
    unlock(qtbot, window, "interviewer", NEW_PASSWORD)
    assert window.session.get_interview(iid)["notes"] == NOTES
    window.lock()
    qtbot.waitUntil(lambda: not window.is_unlocked())
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as a:
        assert [(e["username"], e["action"]) for e in a.audit_entries()
                if e["action"].startswith("user.password")] == [
            ("interviewer", "user.password_change_refused"), ("interviewer", "user.password_changed")]


def test_the_entry_is_there_for_every_role(qtbot, record_path):
    window = make_window(qtbot, record_path)
    for user, password in (("admin", ADMIN_PASSWORD), ("medical", STAFF_PASSWORD)):
        unlock(qtbot, window, user, password)
        assert window.password_action.isEnabled() and window.password_action.text() == "Change my &password…"
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not window.is_unlocked())
        assert not window.password_action.isEnabled()


# --- rooms -------------------------------------------------------------------------------------
def admin_panel(qtbot, session):
    from ui.admin.panel import AdminPanel
    panel = AdminPanel(session)
    qtbot.addWidget(panel)
    panel.resize(1100, 760)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel and not panel.loading, timeout=10_000)
    return panel


def open_rooms(qtbot, panel):
    from ui.admin.rooms import RoomsDialog
    qtbot.keyClick(panel.table, Qt.Key.Key_M, ALT)   # "Roo&ms…"
    qtbot.waitUntil(lambda: isinstance(panel.dialog, RoomsDialog) and panel.dialog.isVisible())
    dlg = panel.dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg and not dlg.loading)
    return dlg


def table_rows(table) -> list[tuple[str, ...]]:
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def room_form(qtbot, rooms_dlg, key, steps) -> dict:
    """Alt+key on the rooms dialog opens the room form (modal, exec()); steps(form) types into it."""
    rooms_dlg.activateWindow()   # back from the form before, as its user is
    qtbot.waitUntil(lambda: QApplication.activeWindow() is rooms_dlg)
    seen = answer_modal(steps, passing_over="roomsDialog")
    qtbot.keyClick(rooms_dlg.table, key, ALT)   # (a mnemonic's click is animated: it comes a little later)
    qtbot.waitUntil(lambda: "dialog" in seen and not seen["dialog"].isVisible(), timeout=10_000)
    assert "error" not in seen, seen.get("error")
    qtbot.waitUntil(lambda: not rooms_dlg.loading)
    return seen


def test_an_administrator_adds_renames_retires_and_brings_back_a_room_by_keyboard(qtbot, open_as, tmp_path):
    admin = open_as("admin")
    panel = admin_panel(qtbot, admin)
    assert panel.rooms_button.text() == "Roo&ms…"
    dlg = open_rooms(qtbot, panel)
    assert dlg.windowTitle() == "Rooms of the centre" and table_rows(dlg.table) == []

    def add_blue(form):
        assert form.windowTitle() == "Add a room" and QApplication.focusWidget() is form.name
        assert form.kind.currentText() == "Interview room"
        type_text(form.name, "Blue room")
        qtbot.keyClick(form.name, Qt.Key.Key_Return)
    room_form(qtbot, dlg, Qt.Key.Key_A, add_blue)
    assert table_rows(dlg.table) == [("Blue room", "Interview room", "In use")]
    assert dlg.message.text() == "The room Blue room was added: interviews can be planned in it."

    def add_twice_then_garden(form):
        type_text(form.name, "blue ROOM")
        qtbot.keyClick(form.name, Qt.Key.Key_Return)
        answered(qtbot, form)
        assert form.isVisible() and form.field_messages["name"].text() == "A room with this name exists already."
        qtbot.keyClick(form.name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(form.name, "Garden room")
        qtbot.keyClick(form.name, Qt.Key.Key_K, ALT)   # "&Kind:"
        assert QApplication.focusWidget() is form.kind
        qtbot.keyClick(form.kind, Qt.Key.Key_Down)
        assert form.kind.currentText() == "Observation room"
        qtbot.keyClick(form.name, Qt.Key.Key_Return)
    room_form(qtbot, dlg, Qt.Key.Key_A, add_twice_then_garden)
    assert table_rows(dlg.table) == [("Blue room", "Interview room", "In use"),
                                     ("Garden room", "Observation room", "In use")]
    assert dlg.selected_room()["name"] == "Garden room"   # the new one is selected

    dlg.table.setFocus()
    qtbot.keyClick(dlg.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert dlg.selected_room()["name"] == "Blue room"

    def rename(form):
        assert form.windowTitle() == "Rename Blue room" and form.name.text() == "Blue room"
        type_text(form.name, "Sky room")   # the name is selected: typing replaces it
        qtbot.keyClick(form.name, Qt.Key.Key_Return)
    room_form(qtbot, dlg, Qt.Key.Key_R, rename)
    assert table_rows(dlg.table) == [("Garden room", "Observation room", "In use"),
                                     ("Sky room", "Interview room", "In use")]
    assert dlg.selected_room()["name"] == "Sky room"

    assert dlg.retire_button.text() == "Re&tire"
    dlg.activateWindow()   # back from the form, as its user is
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg)
    qtbot.keyClick(dlg.table, Qt.Key.Key_T, ALT)
    qtbot.waitUntil(lambda: not dlg.loading and dlg.message.text() != "")
    qtbot.waitUntil(lambda: table_rows(dlg.table)[1] == ("Sky room", "Interview room", "Retired"))
    assert dlg.message.text() == "Sky room is retired: no new interviews are planned in it; its bookings keep its name."
    assert dlg.retire_button.text() == "Bring back &into use"
    assert [r["name"] for r in admin.list_rooms()] == ["Garden room"]
    dlg.grab().save(str(tmp_path / "rooms.png"))
    qtbot.keyClick(dlg.table, Qt.Key.Key_I, ALT)
    qtbot.waitUntil(lambda: table_rows(dlg.table)[1] == ("Sky room", "Interview room", "In use"))
    assert [r["name"] for r in admin.list_rooms()] == ["Garden room", "Sky room"]
    qtbot.keyClick(dlg.table, Qt.Key.Key_Escape)
    assert panel.dialog is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(dlg))   # deleted on close, before the panel is


def test_a_room_with_an_interview_ahead_is_not_retired_and_the_dialog_says_why(qtbot, record_path, open_as):
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as a:
        room = a.create_room("Blue room", "interview")
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as c:
        case = sample_case(c)
        iv = next(u["id"] for u in c.interviewers() if u["username"] == "interviewer")
        c.plan_interview(case["id"], case["child_id"], "2031-05-06T10:00", 60, room, iv, time_zone="Europe/Stockholm")
    panel = admin_panel(qtbot, open_as("admin"))
    dlg = open_rooms(qtbot, panel)
    qtbot.keyClick(dlg.table, Qt.Key.Key_T, ALT)
    qtbot.waitUntil(lambda: dlg.message.text() != "")
    assert dlg.message.text() == ("1 planned interview is still booked in this room. "
                                  "Have them moved to another room first.")
    assert table_rows(dlg.table) == [("Blue room", "Interview room", "In use")]


def test_no_one_else_is_offered_the_rooms(qtbot, open_as):
    panel = admin_panel(qtbot, open_as("coordinator"))
    assert not panel.rooms_button.isVisibleTo(panel)


# --- the no-contact buffer -----------------------------------------------------------------------
def test_the_no_contact_buffer_is_set_in_the_record_settings_by_keyboard(qtbot, open_as):
    admin = open_as("admin")
    panel = admin_panel(qtbot, admin)
    assert panel.buffer_spin.text() == "60 min"   # the record's value (the default) is shown first
    qtbot.keyClick(panel.table, Qt.Key.Key_U, ALT)   # "No-contact b&uffer between visits:"
    assert QApplication.focusWidget() is panel.buffer_spin
    panel.buffer_spin.selectAll()
    qtbot.keyClicks(panel.buffer_spin, "90")
    qtbot.keyClick(panel.buffer_spin, Qt.Key.Key_V, ALT)   # "Sa&ve settings"
    qtbot.waitUntil(lambda: panel.settings_message.text() != "", timeout=10_000)
    assert panel.settings_message.text() == "Saved. The record now locks after 10 minutes without use."
    assert admin.setting("no_contact_buffer_minutes") == 90
    assert admin.setting("idle_lock_minutes") == 10
    # The spin box ends where the core's rule does (480): a third 9 is not taken.
    panel.buffer_spin.selectAll()
    qtbot.keyClicks(panel.buffer_spin, "999")
    assert panel.buffer_spin.value() == 99


# --- the case review interval --------------------------------------------------------------------
def test_the_review_interval_is_a_record_setting_reached_by_tab(qtbot, open_as):
    admin = open_as("admin")
    panel = admin_panel(qtbot, admin)
    assert panel.review_spin.text() == "90 days"   # the default: a case comes back every 90 days
    panel.buffer_spin.setFocus()
    qtbot.keyClick(panel.buffer_spin, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.review_spin
    panel.review_spin.selectAll()
    qtbot.keyClicks(panel.review_spin, "60")
    qtbot.keyClick(panel.review_spin, Qt.Key.Key_V, ALT)   # "Sa&ve settings"
    qtbot.waitUntil(lambda: panel.settings_message.text() != "", timeout=10_000)
    assert admin.setting("review_interval_days") == 60
    panel.review_spin.selectAll()
    qtbot.keyClicks(panel.review_spin, "5")                # below the core's least (7): not taken
    assert panel.review_spin.value() != 5


# --- the acute window of a medical examination ----------------------------------------------------
def test_the_acute_window_is_a_record_setting_reached_by_tab(qtbot, open_as):
    admin = open_as("admin")
    panel = admin_panel(qtbot, admin)
    assert panel.acute_spin.text() == "72 hours"   # the default: acute within 72 hours of the last contact
    panel.review_spin.setFocus()
    qtbot.keyClick(panel.review_spin, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.acute_spin
    panel.acute_spin.selectAll()
    qtbot.keyClicks(panel.acute_spin, "48")
    qtbot.keyClick(panel.acute_spin, Qt.Key.Key_V, ALT)   # "Sa&ve settings"
    qtbot.waitUntil(lambda: panel.settings_message.text() != "", timeout=10_000)
    assert admin.setting("medical_acute_hours") == 48
    assert admin.setting("review_interval_days") == 90   # the others kept
