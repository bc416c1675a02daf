"""The canary: a fake child's name and a fake password typed into the app must appear in no file
outside the encrypted record (settings, caches, logs, temporary files).

The whole workflow goes through the GUI: first run, unlock, adding a user, a new case with the
child, a search, an unsaved intake kept as a draft on lock, quit. Then every file under the
test's HOME/XDG folders, its TMPDIR, Qt's temp folder, the record's folder, and every file the
system temp folder got during the test, is read and searched (UTF-8 in NFC and NFD, UTF-16 LE/BE,
ignoring case). Only the record file itself and its key file are skipped: they are encrypted, and
are checked for the plain name separately."""
from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from barnahus_app import paths
from barnahus_app.api import CaseFilter, open_record
from tests.support.gui_shell import find_line_edit, flush_deletes, make_window, type_text, unlock
from tests.support.canary import files_under, needles
from tests.support.records import FAST_KDF
from ui.common import prefs
from ui.admin.panel import AddUserDialog
from ui.shell.first_run import FirstRunWizard

pytestmark = pytest.mark.gui

GIVEN, FAMILY = "Canarybarn", "Zyxwv"
NAME = f"{GIVEN} {FAMILY}"
PASSWORD = "Kanariefågel-Lösen-7391"
SECRETS = (NAME, GIVEN, FAMILY, PASSWORD, "Kanariefågel", "Lösen-7391")


def keyboard_first_run(qtbot) -> Path:
    wiz = FirstRunWizard(FAST_KDF, confirm_group=3)  # the default folder: the data folder in HOME
    qtbot.addWidget(wiz, before_close_func=lambda w: setattr(w, "key_confirmed", True))
    wiz.show()
    qtbot.waitExposed(wiz)
    wiz.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wiz)

    def key(k):
        QTest.keyClick(QApplication.focusWidget() or wiz, k)

    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_Return)
    assert wiz.currentId() == FirstRunWizard.ZONE, (wiz.currentId(), wiz.location_page.message.text())
    key(Qt.Key.Key_Return)   # the preselected time zone
    assert wiz.currentId() == FirstRunWizard.ADMIN, (wiz.currentId(), wiz.location_page.message.text())
    for text in ("Canary Centre", "canaryadmin", "Alex Admin", PASSWORD, PASSWORD):
        type_text(QApplication.focusWidget(), text)
        key(Qt.Key.Key_Tab)
    wiz.admin_page.again_edit.setFocus()
    key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wiz.currentId() == FirstRunWizard.KEY, timeout=30_000)
    key(Qt.Key.Key_Return)
    QTest.keyClicks(QApplication.focusWidget(), wiz.recovery_key_groups()[2])
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_Return)
    assert wiz.result() == FirstRunWizard.DialogCode.Accepted
    return paths.default_record_path()


def type_child(qtbot, ws) -> None:
    editor = ws.add_person("child")
    QTest.keyClicks(find_line_edit(editor, "Given name"), GIVEN)
    QTest.keyClicks(find_line_edit(editor, "Family name"), FAMILY)


def test_canary_name_and_password_stay_inside_the_record(qtbot):
    started = time.time() - 2
    home = Path(os.environ["HOME"])

    # 1. First run, by keyboard, with the canary password for the administrator.
    record = keyboard_first_run(qtbot)
    assert record.exists() and home in record.parents

    # 2. The administrator adds a coordinator (password typed into the dialog).
    window = make_window(qtbot, record)
    unlock(qtbot, window, "canaryadmin", PASSWORD)
    dlg = AddUserDialog(window.session, window.admin)
    qtbot.addWidget(dlg)
    QTest.keyClicks(dlg.username, "canarycoord")
    QTest.keyClicks(dlg.display, "Kim Coordinator")
    dlg.roles.boxes["coordinator"].setChecked(True)
    type_text(dlg.password, PASSWORD)
    type_text(dlg.again, PASSWORD)
    with qtbot.waitSignal(dlg.accepted, timeout=30_000):
        dlg._submit()
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_unlocked()

    # 3. The coordinator opens a new case with the child, typed into the intake, and saves it.
    unlock(qtbot, window, "canarycoord", PASSWORD)
    window.new_case()
    ws = window.open_workspace(None)
    ws.case_form.rows["jurisdiction"].set_value("SE")
    type_child(qtbot, ws)
    assert ws.save(), ws.message.text()

    # 4. Searches for the child, then starts a second intake with the same name, unsaved.
    window.go("cases")
    window.case_list.search.setFocus()
    QTest.keyClicks(window.case_list.search, NAME)
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 1, timeout=5000)
    window.new_case()
    ws2 = window.open_workspace(None)
    type_child(qtbot, ws2)
    assert ws2.is_dirty()

    # 5. Lock (the intake becomes an encrypted draft), then quit.
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_unlocked()
    window.close()
    flush_deletes()

    # The canary really is in the record: in a saved case and in a kept draft.
    with open_record(record, "canarycoord", PASSWORD, kdf=FAST_KDF) as s:
        assert s.list_cases(CaseFilter(text=GIVEN)).total == 1
        assert any(GIVEN in json.dumps(d["payload"], ensure_ascii=False) for d in s.drafts())

    # 6. Read every file the app could have written.
    keys_file = record.with_name(record.name + ".keys")
    skip = {record.resolve(), keys_file.resolve()}
    roots = [(home, None), (record.parent, None), (Path(os.environ["TMPDIR"]), None),
             (Path(QDir.tempPath()), None), (Path(tempfile.gettempdir()), started)]
    # A control: the search must find the name written in another case and encoding.
    control = Path(os.environ["TMPDIR"]) / "canary-control.bin"
    control.write_bytes(NAME.upper().encode("utf-16-be"))
    seen: set[Path] = set()
    found = []
    search = needles(SECRETS)
    for root, since in roots:
        for path in files_under(root, since):
            real = path.resolve()
            if real in seen or real in skip:
                continue
            seen.add(real)
            try:
                data = path.read_bytes().lower()
            except OSError:
                continue
            found += [f"{path}: {what}" for what, needle in search if needle in data]
    assert any(f.startswith(str(control)) for f in found), "the search did not find the control"
    control.unlink()
    assert [f for f in found if not f.startswith(str(control))] == []
    assert prefs.settings_path().resolve() in seen  # the settings file was there and was read
    assert QSettings(str(prefs.settings_path()), QSettings.Format.IniFormat).allKeys()

    # The record and its key file hold no plain name or password either (encrypted / wrapped).
    for f in (record, keys_file):
        data = f.read_bytes().lower()
        assert not [what for what, needle in search if needle in data], f
