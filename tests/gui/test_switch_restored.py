"""Switching to a restored record from the Administration page (issue 12, item 3): the
confirmation says what happens, the record is locked, the switch runs off the GUI thread, the
same record's unlock screen comes back and a report says what was lost."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from barnahus_app.lifecycle import restore_backup
from tests.support.gui_shell import answer_modal, make_window, unlock
from tests.support.records import ADMIN_PASSWORD, login

SHOTS = os.environ.get("BARNAHUS_SHOTS")   # a folder: save screenshots there to look at


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / name))


def restored_beside(record_path: Path) -> Path:
    """A backup made, a person added after it, the backup restored beside the record."""
    with login(record_path, "admin") as a:
        backup = Path(a.backup())
    with login(record_path, "coordinator") as c:
        c.create_person(given_name="Later", family_name="Lost", acknowledge_duplicates=True)
    restored = record_path.with_name("restored.barnahus")
    restore_backup(backup, restored, "admin", ADMIN_PASSWORD)
    return restored


def admin_window(qtbot, record_path):
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "admin", ADMIN_PASSWORD)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)   # Go to Administration
    qtbot.waitUntil(lambda: window.admin is not None and not window.admin.loading
                    and window.admin.backups.record_path() is not None, timeout=10_000)
    return window


def test_switch_from_the_backups_box_locks_switches_and_reports(qtbot, record_path):
    restored = restored_beside(record_path)
    window = admin_window(qtbot, record_path)
    seen = {}

    def confirm(dlg):
        seen["title"] = dlg.windowTitle()
        seen["label"] = dlg.findChild(QLabel, "switchExplanation").text()
        shot(dlg, "switch_dialog.png")
        QTest.keyClicks(dlg.password, ADMIN_PASSWORD)
        QTest.keyClick(dlg.password, Qt.Key.Key_Return)

    answered = answer_modal(confirm)
    window.admin.backups.confirm_switch(restored)
    assert "error" not in answered, answered.get("error")
    assert seen["title"] == "Switch to the restored record"
    assert seen["label"].startswith("The record record.barnahus will be replaced by the restored record "
                                    "restored.barnahus.")
    assert "kept beside it as “record.damaged-<date and time>.barnahus”, with its key file." in seen["label"]
    qtbot.waitUntil(lambda: window.switch_report is not None, timeout=30_000)
    assert not window.is_unlocked()
    assert window.unlock_panel.record_path() == record_path
    assert window.switch_report.text() == "The record is now the restored one. Unlock it to go on."
    text = window.switch_report.informativeText()
    shot(window, "switch_unlock.png")
    shot(window.switch_report, "switch_report.png")
    assert text.startswith(f"{record_path} now holds the restored record restored.barnahus (audit head ")
    # after the backup: its own entry and logout, the coordinator's three, this window's three
    assert ("\n\nentries after the backup's head, lost with the switch: 8 (entries 19-26: login 2, logout 3, "
            "person.created 1, record.backup 1, user.list 1)\n\n") in text
    assert text.endswith("The switch is in the audit trail (record.restored).")
    assert not restored.exists()
    assert len(list(record_path.parent.glob("record.damaged-*.barnahus"))) == 1
    window.switch_report.accept()
    unlock(qtbot, window, "admin", ADMIN_PASSWORD)   # the same path, now the restored record
    window.lock()
    with login(record_path, "admin") as s:
        actions = [e["action"] for e in s.audit_entries()]
    # the switch's own login, entry and logout, then this window's session after the unlock
    assert actions[-7:] == ["login", "record.restored", "logout", "login", "user.list", "logout", "login"]


def test_a_wrong_password_switches_nothing_and_says_so_on_the_unlock_screen(qtbot, record_path):
    restored = restored_beside(record_path)
    before = restored.read_bytes()
    window = admin_window(qtbot, record_path)
    window.admin.backups.switchRecord.emit(str(restored), "not-the-password")
    qtbot.waitUntil(lambda: window._switch is None and not window.is_unlocked(), timeout=30_000)
    qtbot.waitUntil(lambda: window.unlock_panel.message.text() != "", timeout=30_000)
    assert window.unlock_panel.message.text() == "Wrong user name or password."
    assert restored.read_bytes() == before
    assert not list(record_path.parent.glob("record.damaged-*"))
    assert window.switch_report is None


def test_an_interrupted_switch_is_named_at_unlock_and_finished_from_the_backups_box(qtbot, record_path,
                                                                                   monkeypatch):
    from barnahus_app.lifecycle import switch_to_restored
    from barnahus_app.record import switching
    from tests.support.records import FAST_KDF
    restored = restored_beside(record_path)
    replace = os.replace

    def killed_before_the_record(src, dst):
        if Path(dst).name == "record.barnahus":
            raise KeyboardInterrupt   # as a crash between the key file's rename and the record's
        replace(src, dst)

    monkeypatch.setattr(switching.os, "replace", killed_before_the_record)
    try:
        switch_to_restored(record_path, restored, "admin", ADMIN_PASSWORD, kdf=FAST_KDF)
    except KeyboardInterrupt:
        pass
    monkeypatch.setattr(switching.os, "replace", replace)
    window = admin_window(qtbot, record_path)
    assert ("A switch to the restored record restored.barnahus was interrupted (a crash or power cut). An "
            "administrator finishes it under Administration, Backups: Switch to a restored record…"
            ) in window.message_bar.text()
    seen = {}

    def confirm(dlg):
        seen["label"] = dlg.findChild(QLabel, "switchExplanation").text()
        QTest.keyClicks(dlg.password, ADMIN_PASSWORD)
        QTest.keyClick(dlg.password, Qt.Key.Key_Return)

    answer_modal(confirm)
    window.admin.backups.switch_button.click()   # no file to choose: the interrupted one is finished
    qtbot.waitUntil(lambda: window.switch_report is not None, timeout=30_000)
    assert "restored.barnahus" in seen["label"]
    assert "lost with the switch: 5 (" in window.switch_report.informativeText()
    assert not restored.exists() and switching.interrupted_switch(record_path) is None
    window.switch_report.accept()
