"""Administration without a terminal (issue 17): every user changes their own password from the
Record menu; the administrator keeps the rooms and the record settings the command line alone
could set (the no-contact buffer). By keyboard, as their users would; what lands in the record is
read back through the core."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from barnahus_app.api import WrongCredentials, open_record
from tests.support.gui_shell import make_window, type_text, unlock, wait_answered
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
    """Alt+R opens the Record menu, P its "Change my &password…"."""
    qtbot.keyClick(window, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_P)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None
                    and QApplication.activeModalWidget().objectName() == "changeOwnPasswordDialog")
    dlg = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg)
    return dlg


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
    wait_answered(qtbot, dlg, 20_000)


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
