"""Unlocking with the recovery key on the unlock screen, by keyboard: the core's checks and
messages (as the command line's --recovery-key-file), a note to set the passwords again, and the
key kept nowhere afterwards."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.support.gui_shell import UNLOCK_TIMEOUT_MS, make_window, type_unlock
from tests.support.records import ADMIN_PASSWORD, make_record
from ui.common import prefs

pytestmark = pytest.mark.gui

AFTER_RECOVERY = ("The record was unlocked with its recovery key. An administrator should now set "
                  "the users' passwords again (Administration, Reset password…), so that everyone "
                  "unlocks with their own password. Lock the recovery key away again.")
NOT_THIS_RECORD = "This recovery key does not open this file: it is the key of another record"
WRONG = "Wrong user name or password."
ANOTHER_KEY = "-".join(["0123ABCD"] * 8)


def recovery_mode_by_keyboard(qtbot, window, username: str):
    """Type the user name, then Alt+Y ("Unlock with the recovery key…"), as a person would."""
    panel = window.unlock_panel
    QTest.keyClicks(panel.user_edit, username)
    QTest.keyClick(panel.user_edit, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(panel.in_recovery_mode)  # a button's mnemonic clicks it after a short delay
    assert QApplication.focusWidget() is panel.recovery_edit
    return panel


def type_key_and_enter(qtbot, panel, key: str) -> None:
    QTest.keyClicks(panel.recovery_edit, key)
    QTest.keyClick(panel.recovery_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=UNLOCK_TIMEOUT_MS)


def test_unlock_with_the_recovery_key_then_set_passwords_again(qtbot, tmp_path):
    record, key = make_record(tmp_path)
    window = make_window(qtbot, record)
    panel = recovery_mode_by_keyboard(qtbot, window, "admin")
    # Masked until asked; Alt+S shows it.
    assert panel.recovery_edit.echoMode() == QLineEdit.EchoMode.Password
    assert not panel.password_edit.isVisible() and panel.recovery_edit.isVisible()
    assert panel.heading.text() == "Unlock the record with its recovery key"
    QTest.keyClick(panel.recovery_edit, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.recovery_edit.echoMode() == QLineEdit.EchoMode.Normal)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)  # back to the key's field
    assert QApplication.focusWidget() is panel.recovery_edit

    # The grouped form with spaces instead of dashes, in lower case, as someone may type it.
    type_key_and_enter(qtbot, panel, key.replace("-", " ").lower())
    assert window.is_unlocked(), panel.message.text()
    assert window.message_bar.text() == AFTER_RECOVERY
    # Nothing of the key is left in the screen, and the next unlock asks for a password again.
    assert panel.recovery_edit.text() == ""
    assert panel.recovery_edit.echoMode() == QLineEdit.EchoMode.Password
    assert not panel.in_recovery_mode()


def test_a_lost_key_file_the_recovery_key_still_opens(qtbot, tmp_path):
    record, key = make_record(tmp_path)
    Path(str(record) + ".keys").unlink()
    window = make_window(qtbot, record)
    panel = recovery_mode_by_keyboard(qtbot, window, "admin")
    type_key_and_enter(qtbot, panel, key)
    assert window.is_unlocked(), panel.message.text()
    assert window.message_bar.text() == AFTER_RECOVERY


def test_a_damaged_key_file_the_password_fails_the_recovery_key_opens(qtbot, tmp_path):
    record, key = make_record(tmp_path)
    keys = Path(str(record) + ".keys")
    keys.write_text("not a key file")
    window = make_window(qtbot, record)
    type_unlock(qtbot, window, "admin", ADMIN_PASSWORD)
    assert not window.is_unlocked()
    assert window.unlock_panel.message.text() == (
        "The key file record.barnahus.keys is damaged or is not a Barnahus key file. Restore it "
        "from a backup, or open the record with its recovery key.")

    window.unlock_panel.user_edit.clear()
    panel = recovery_mode_by_keyboard(qtbot, window, "admin")
    type_key_and_enter(qtbot, panel, key)
    assert window.is_unlocked(), panel.message.text()
    assert window.message_bar.text() == AFTER_RECOVERY
    # The core kept the damaged file aside before writing a new one.
    assert Path(str(keys) + ".damaged").read_text() == "not a key file"


def test_a_wrong_key_and_a_malformed_key_give_the_cores_messages(qtbot, record_path):
    window = make_window(qtbot, record_path)
    panel = recovery_mode_by_keyboard(qtbot, window, "admin")

    type_key_and_enter(qtbot, panel, ANOTHER_KEY)
    assert not window.is_unlocked()
    assert panel.message.text().startswith(NOT_THIS_RECORD)
    assert panel.recovery_edit.text() == ""                    # emptied after a failure
    assert QApplication.focusWidget() is panel.recovery_edit     # ready for the next try
    assert panel.in_recovery_mode()

    type_key_and_enter(qtbot, panel, "0123-4567")               # too short: not a key at all
    assert not window.is_unlocked()
    assert panel.message.text() == WRONG
    assert QApplication.focusWidget() is panel.recovery_edit

    # An empty field is caught before the core is asked.
    QTest.keyClick(panel.recovery_edit, Qt.Key.Key_Return)
    assert panel.message.text() == "Type the recovery key."
    panel.user_edit.clear()
    QTest.keyClicks(panel.recovery_edit, ANOTHER_KEY)
    QTest.keyClick(panel.recovery_edit, Qt.Key.Key_Return)
    assert panel.message.text() == ("Type a user name: an administrator's, to set the passwords "
                                    "again afterwards.")
    assert QApplication.focusWidget() is panel.user_edit
    QTest.keyClicks(panel.user_edit, "admin")

    # Back to the password, by keyboard (Alt+I): the password field is there again, and the key
    # typed is gone.
    QTest.keyClick(panel.user_edit, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not panel.in_recovery_mode())
    assert QApplication.focusWidget() is panel.password_edit
    assert panel.recovery_edit.text() == ""
    assert panel.heading.text() == "Unlock the record"


def test_canary_the_recovery_key_is_written_to_no_settings_file(qtbot, tmp_path, _isolated_home):
    record, key = make_record(tmp_path)
    window = make_window(qtbot, record)
    panel = recovery_mode_by_keyboard(qtbot, window, "admin")
    type_key_and_enter(qtbot, panel, key)
    assert window.is_unlocked(), panel.message.text()
    window.lock()
    prefs.add_recent_record(record)  # the settings file is surely written

    plain = key.replace("-", "")
    needles = [form.encode(enc).lower() for form in (key, plain) for enc in ("utf-8", "utf-16-le")]
    settings = prefs.settings_path()
    assert settings.exists()
    written = [Path(d) / n for d, _, names in os.walk(_isolated_home) for n in names]
    assert settings in written
    found = [str(p) for p in written if any(n in p.read_bytes().lower() for n in needles)]
    assert found == []
