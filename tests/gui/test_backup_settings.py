"""The backup settings dialog (Administration, Backups, "Backup settings…"): an administrator sets
how often and how long, and a second folder; the values land in the record (read back through
the core), the core's own messages show for a value it refuses, and no one else may set them."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from tests.support.gui_shell import answer_modal, wait_answered


def settings_dialog(qtbot, session):
    from ui.admin.backup_settings import BackupSettingsDialog
    dlg = BackupSettingsDialog(session)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()   # its mnemonics work once it is the active window, as for its user
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg and not dlg.loading, timeout=10_000)
    return dlg


def set_spin(qtbot, spin, value: int) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


def press_ok(qtbot, dlg) -> None:
    qtbot.keyClick(dlg.folder, Qt.Key.Key_Return)
    wait_answered(qtbot, dlg, 10_000)


def test_the_button_is_in_the_backups_box_and_opens_the_dialog(qtbot, open_as):
    from ui.admin.panel import AdminPanel
    panel = AdminPanel(open_as("admin"))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: not panel.loading, timeout=10_000)
    button = panel.backups.settings_button
    assert button.isVisible() and button.text() == "Backup se&ttings…"
    seen = answer_modal(lambda dlg: dlg.reject())
    button.click()
    assert seen["dialog"].objectName() == "backupSettingsDialog" and "error" not in seen


def test_an_administrator_sets_them_and_they_are_in_the_record(qtbot, open_as, tmp_path):
    admin = open_as("admin")
    dlg = settings_dialog(qtbot, admin)
    # What the record holds shows first: the test record is made with automatic backups off.
    assert dlg.interval.value() == 0 and dlg.interval.text() == "Never (automatic backups off)"
    assert (dlg.keep_days.text(), dlg.keep_weeks.text()) == ("14 days", "13 weeks")
    assert dlg.folder.text() == "" and dlg.state_label.text() == (
        "No second folder: backups are kept beside the record only.")
    set_spin(qtbot, dlg.interval, 12)
    set_spin(qtbot, dlg.keep_days, 30)
    set_spin(qtbot, dlg.keep_weeks, 1)
    assert dlg.keep_weeks.text() == "1 week"
    offsite = tmp_path / "offsite"
    offsite.mkdir()
    dlg.folder.setFocus()
    qtbot.keyClicks(dlg.folder, str(offsite))
    qtbot.waitUntil(lambda: not dlg.loading, timeout=5000)
    assert dlg.state_label.text() == "The folder is there and can be written to."
    press_ok(qtbot, dlg)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert admin.setting("backup_interval_hours") == 12
    assert admin.setting("backup_keep_days") == 30
    assert admin.setting("backup_keep_weeks") == 1
    assert admin.setting("backup_second_folder") == str(offsite)


def test_none_clears_the_second_folder_and_a_missing_one_is_named(qtbot, open_as, tmp_path):
    admin = open_as("admin")
    admin.set_setting("backup_second_folder", str(tmp_path / "unplugged"))
    dlg = settings_dialog(qtbot, admin)
    assert dlg.folder.text() == str(tmp_path / "unplugged")
    assert dlg.state_label.text().startswith("The folder is not there now (a drive not plugged in?).")
    qtbot.keyClick(dlg.interval, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)   # "&Second folder:"
    assert QApplication.focusWidget() is dlg.folder
    qtbot.keyClick(dlg.folder, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)     # "&None"
    qtbot.waitUntil(lambda: dlg.folder.text() == "", timeout=5000)   # (a mnemonic's click is animated)
    qtbot.waitUntil(lambda: not dlg.loading, timeout=5000)
    assert dlg.state_label.text() == "No second folder: backups are kept beside the record only."
    press_ok(qtbot, dlg)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert admin.setting("backup_second_folder") == ""


def test_a_value_the_core_refuses_shows_its_message_and_saves_nothing(qtbot, open_as):
    admin = open_as("admin")
    dlg = settings_dialog(qtbot, admin)
    set_spin(qtbot, dlg.keep_days, 30)
    dlg.folder.setFocus()
    qtbot.keyClicks(dlg.folder, "relative/folder")
    press_ok(qtbot, dlg)
    assert dlg.isVisible() and dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.field_messages["backup_second_folder"].text() == "Must be a folder's full path, or empty for none."
    assert admin.setting("backup_keep_days") == 14   # one refused value: none saved
    assert admin.setting("backup_second_folder") == ""


def test_no_one_else_sees_the_button_and_the_core_refuses_them(qtbot, open_as):
    from ui.admin.panel import AdminPanel
    coordinator = open_as("coordinator")
    panel = AdminPanel(coordinator)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: not panel.loading, timeout=10_000)
    assert not panel.backups.isVisible() and not panel.backups.settings_button.isVisibleTo(panel.backups)
    # Even with the dialog in hand, the save is the core's to refuse.
    dlg = settings_dialog(qtbot, coordinator)
    set_spin(qtbot, dlg.keep_days, 30)
    press_ok(qtbot, dlg)
    assert dlg.isVisible() and dlg.message.text() == "Your roles do not allow this (record: settings)."
    assert coordinator.setting("backup_keep_days") == 14
