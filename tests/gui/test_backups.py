"""The Administration page's Backups box: back up now, the list, restore to a new file, the check."""
from __future__ import annotations

import os
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from barnahus_app.lifecycle import open_record
from tests.support.records import ADMIN_PASSWORD, FAST_KDF


def admin_page(qtbot, open_as):
    from ui.admin.panel import AdminPanel
    panel = AdminPanel(open_as("admin"))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: not panel.loading, timeout=10_000)
    return panel


def backed_up(qtbot, box) -> None:
    box.backup_button.setFocus()
    qtbot.keyClick(box.backup_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: box.table.rowCount() == 1 and not box.loading, timeout=20_000)


def test_back_up_now_lists_one_verified_backup(qtbot, open_as):
    panel = admin_page(qtbot, open_as)
    box = panel.backups
    assert box.isVisible() and box.table.rowCount() == 0 and box.empty.isVisible()
    backed_up(qtbot, box)
    assert box.message.text().startswith("Backed up to ") and box.message.text().endswith(
        ".barnahus. The copy was verified.")
    assert box.table.item(0, 3).text() == "matches"
    # the audit head, read from the backup's seal without the record's key: "<entry id> <16 hex>"
    assert re.fullmatch(r"\d+ [0-9a-f]{16}", box.table.item(0, 2).text())
    assert box.table.horizontalHeaderItem(2).toolTip() == (
        "From the backup's audit seal (none for a backup made before seals).")
    assert box.message.text() == f"Backed up to {box.table.item(0, 4).text()}. The copy was verified."
    first = box.table.item(0, 4).text()
    box.back_up()
    qtbot.waitUntil(lambda: box.table.rowCount() == 2 and not box.loading, timeout=20_000)
    assert box.selected_backup().path.name != first   # the one just made is selected
    assert box.message.text() == f"Backed up to {box.selected_backup().path.name}. The copy was verified."
    assert not box.empty.isVisible() and not box.progress.isVisible()
    assert box.restore_button.isEnabled()   # the new backup is selected


def test_the_backups_box_is_for_administrators_only(qtbot, open_as):
    from ui.admin.panel import AdminPanel
    panel = AdminPanel(open_as("coordinator"))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: not panel.loading, timeout=10_000)
    assert not panel.backups.isVisible()


def restore_dialog(qtbot, box, to, password=ADMIN_PASSWORD):
    from ui.admin.backups import RestoreDialog
    dlg = RestoreDialog(box.selected_backup().path, "admin", box)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.to, str(to))
    qtbot.keyClicks(dlg.password, password)
    qtbot.keyClick(dlg.password, Qt.Key.Key_Return)
    return dlg


def test_restore_to_a_new_file_that_opens(qtbot, open_as, tmp_path, monkeypatch):
    panel = admin_page(qtbot, open_as)
    box = panel.backups
    backed_up(qtbot, box)
    to = tmp_path / "restored.barnahus"
    dlg = restore_dialog(qtbot, box, to)
    qtbot.waitUntil(lambda: dlg.result() == QDialog.DialogCode.Accepted, timeout=20_000)
    assert to.exists() and dlg.info.path == to
    with open_record(to, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        assert s.username == "admin"
    shown, opened = [], []

    def choose_open(message_box):
        shown.append(message_box.text())
        [b for b in message_box.buttons() if b.text() == "&Open the restored record"][0].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_open)
    box.openRecord.connect(opened.append)
    box.restored(dlg.info)
    assert opened == [str(to)]
    assert shown[0].startswith(f"Restored to {to}.\n\nThe backup was written ")
    assert shown[0].endswith("It was verified. The record you have open was not changed.")
    assert box.message.text() == "Restored to restored.barnahus. The record you have open was not changed."


def test_restore_refuses_an_existing_file_beside_the_field(qtbot, open_as, tmp_path):
    panel = admin_page(qtbot, open_as)
    box = panel.backups
    backed_up(qtbot, box)
    existing = tmp_path / "taken.barnahus"
    existing.write_bytes(b"keep me")
    dlg = restore_dialog(qtbot, box, existing)
    qtbot.waitUntil(lambda: dlg.field_messages["--to"].text() != "", timeout=20_000)
    assert dlg.field_messages["--to"].text() == f"{existing} already exists; choose another name."
    assert dlg.isVisible() and existing.read_bytes() == b"keep me"


def test_check_the_record_shows_the_report(qtbot, open_as):
    panel = admin_page(qtbot, open_as)
    box = panel.backups
    box.check_button.setFocus()
    qtbot.keyClick(box.check_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: box.report.isVisible(), timeout=20_000)
    assert box.message.text() == "The check found no problem."
    assert "file integrity: ok" in box.report.text()


def test_opening_the_restored_record_locks_and_shows_its_unlock_screen(qtbot, record_path, tmp_path):
    from tests.support.gui_shell import make_window, unlock
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "admin", ADMIN_PASSWORD)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)   # Go to Administration
    qtbot.waitUntil(lambda: window.admin is not None and not window.admin.loading, timeout=10_000)
    restored = tmp_path / "restored.barnahus"
    window.admin.backups.openRecord.emit(str(restored))
    assert not window.is_unlocked()
    assert window.unlock_panel.record_path() == restored


def test_restore_with_a_wrong_password_says_so_and_writes_nothing(qtbot, open_as, tmp_path):
    panel = admin_page(qtbot, open_as)
    box = panel.backups
    backed_up(qtbot, box)
    to = tmp_path / "restored.barnahus"
    dlg = restore_dialog(qtbot, box, to, password="not-the-password")
    qtbot.waitUntil(lambda: dlg.message.text() != "", timeout=20_000)
    assert dlg.message.text() == "Wrong user name or password."
    assert dlg.isVisible() and not to.exists() and not dlg.progress.isVisible()


def test_an_administrator_is_told_at_unlock_that_an_automatic_backup_failed(qtbot, record_path, tmp_path):
    from tests.support.gui_shell import make_window, unlock
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
        s.set_setting("backup_interval_hours", 24)
        s.set_setting("backup_second_folder", str(tmp_path / "unplugged-drive"))
    # closing made the day's backup; its copy to the missing second folder failed
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "admin", ADMIN_PASSWORD)
    text = window.message_bar.text()
    assert text.startswith("Backups failed since an administrator last signed in: 1; the most recent at ")
    assert text.endswith(": the second backup folder was not there (a drive not plugged in?). "
                         "Check the backups under Administration.")


def test_new_file_mnemonic_puts_the_cursor_in_the_file_name(qtbot, open_as):
    """Alt+N (the label "&New file:") reaches the line edit inside the file-name row, as Alt+P
    reaches the password: a label's buddy is what takes the focus, not the row around it."""
    from PySide6.QtWidgets import QApplication
    panel = admin_page(qtbot, open_as)
    box = panel.backups
    backed_up(qtbot, box)
    from ui.admin.backups import RestoreDialog
    dlg = RestoreDialog(box.selected_backup().path, "admin", box)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=5000)
    dlg.password.setFocus()
    qtbot.keyClick(dlg, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.to, timeout=2000)
    qtbot.keyClick(dlg, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.password, timeout=2000)


def test_seal_the_audit_trail_writes_the_chosen_file_and_says_so(qtbot, open_as, tmp_path, monkeypatch):
    import json
    panel = admin_page(qtbot, open_as)
    box = panel.backups
    assert box.seal_button.isVisible() and box.seal_button.text() == "Sea&l the audit trail…"
    target = tmp_path / "kept.seal"
    monkeypatch.setattr("ui.admin.backups.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    box.seal_button.setFocus()
    qtbot.keyClick(box.seal_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: target.exists() and box.message.text() != "", timeout=20_000)
    qtbot.waitUntil(lambda: box.seal_button.isEnabled(), timeout=5_000)
    head = json.loads(target.read_text())["audit_head"]
    # The test record issued no document yet: no signing certificate, so the seal says it is unsigned.
    assert box.message.text() == (
        f"Sealed the audit trail in kept.seal: entry {head['id']}, {head['id']} entries. It is NOT signed: the "
        "centre has no signing certificate yet, so it proves nothing by itself.")


def test_check_against_a_seal_shows_who_signed_it_then_a_forged_one_fails(qtbot, open_as, tmp_path, monkeypatch):
    import json
    panel = admin_page(qtbot, open_as)
    box = panel.backups
    box.session.create_signing_identity(tmp_path / "centre-ca.p12", "for the centre's safe")
    kept = tmp_path / "kept.seal"
    box.session.seal_audit_trail(kept)
    chosen = {"path": kept}
    monkeypatch.setattr("ui.admin.backups.QFileDialog.getOpenFileName",
                        lambda *a, **k: (str(chosen["path"]), ""))
    box.check_seal_button.setFocus()
    qtbot.keyClick(box.check_seal_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: box.report.isVisible() and box.check_seal_button.isEnabled(), timeout=20_000)
    assert box.message.text() == "The check found no problem."
    assert re.search(r"^audit seal: kept\.seal signed by .+, CA fingerprint [0-9a-f]{64}; head \d+, \d+ entries$",
                     box.report.text(), re.M), box.report.text()
    forged = tmp_path / "forged.seal"
    seal = json.loads(kept.read_text())
    seal["audit_entries"] += 1
    forged.write_text(json.dumps(seal))
    chosen["path"] = forged
    box.report.hide()
    qtbot.keyClick(box.check_seal_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: box.report.isVisible() and box.check_seal_button.isEnabled(), timeout=20_000)
    assert box.message.text().startswith("The audit trail does not match what was sealed or quoted outside the record")
    assert ("audit seal: forged.seal: the seal's signature does not match its contents: it was changed after "
            "it was signed") in box.report.text()


def test_the_export_folder_is_one_row_of_the_record_settings_typed_and_saved_by_keyboard(qtbot, tmp_path,
                                                                                         open_as, monkeypatch):
    panel = admin_page(qtbot, open_as)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel.window(), timeout=5000)
    assert panel.export_row.edit.text() == "" and panel.export_row.edit.placeholderText() == \
        "Each user's documents folder"
    # Alt+I goes to the folder's field; a relative path is refused beside the settings.
    panel.idle_spin.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.export_row.edit, timeout=2000)
    qtbot.keyClicks(panel.export_row.edit, "exports")
    qtbot.keyClick(panel, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.settings_message.text() != "", timeout=5000)
    assert panel.settings_message.text() == "Must be a folder's full path, or empty for none."
    assert panel.session.setting("export_folder") == ""
    folder = tmp_path / "exports"
    folder.mkdir()
    panel.export_row.edit.clear()
    qtbot.keyClicks(panel.export_row.edit, str(folder))
    with qtbot.waitSignal(panel.settingsChanged, timeout=5000):
        qtbot.keyClick(panel, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    assert panel.session.setting("export_folder") == str(folder)
    # Choose… opens the folder dialog where the field points.
    asked = []
    monkeypatch.setattr("ui.admin.panel.QFileDialog.getExistingDirectory",
                        lambda parent, title, start: asked.append(start) or str(tmp_path))
    panel.export_row.button.click()
    assert asked == [str(folder)] and panel.export_row.edit.text() == str(tmp_path)
    # The audit seal's save dialog starts there too.
    suggested = []
    monkeypatch.setattr("ui.admin.backups.QFileDialog.getSaveFileName",
                        lambda parent, title, start, filt: suggested.append(start) or ("", ""))
    panel.backups.seal_button.click()
    assert len(suggested) == 1 and os.path.dirname(suggested[0]) == str(folder)
