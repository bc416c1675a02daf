"""The first-run wizard, driven by the keyboard as a person would."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard

from barnahus_app.api import open_record
from barnahus_app.paths import RECORD_FILENAME
from tests.support.gui_shell import make_window, unlock
from tests.support.records import FAST_KDF
from ui.common import prefs
from ui.shell.first_run import FirstRunWizard

pytestmark = pytest.mark.gui
PASSWORD = "a long enough password"


def focused():
    return QApplication.focusWidget()


def type_and_tab(text: str) -> None:
    if text:
        QTest.keyClicks(focused(), text)
    QTest.keyClick(focused(), Qt.Key.Key_Tab)


def make_wizard(qtbot, folder: Path) -> FirstRunWizard:
    wiz = FirstRunWizard(FAST_KDF, default_folder=folder, confirm_group=3)
    # At the end of a test, close without the "did you keep the key?" question (a modal box).
    qtbot.addWidget(wiz, before_close_func=lambda w: setattr(w, "key_confirmed", True))
    wiz.show()
    qtbot.waitExposed(wiz)
    wiz.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wiz)
    return wiz


def fill_admin_page(wiz: FirstRunWizard, user: str, password: str, again: str | None = None) -> None:
    """From the top of the administrator page: centre, user name, full name, password, again."""
    page = wiz.admin_page
    for edit in (page.centre_edit, page.username_edit, page.fullname_edit, page.password_edit, page.again_edit):
        edit.clear()
    page.centre_edit.setFocus()
    type_and_tab("Barnahus Testby")
    type_and_tab(user)
    type_and_tab("Alex Admin")
    type_and_tab(password)
    QTest.keyClicks(focused(), password if again is None else again)


def go_to_admin_page(qtbot, wiz: FirstRunWizard) -> None:
    QTest.keyClick(focused() or wiz, Qt.Key.Key_Return)        # welcome -> where
    assert wiz.currentId() == FirstRunWizard.LOCATION
    QTest.keyClick(focused() or wiz, Qt.Key.Key_Return)        # default data folder -> time zone
    assert wiz.currentId() == FirstRunWizard.ZONE
    QTest.keyClick(focused() or wiz, Qt.Key.Key_Return)        # the preselected zone -> administrator
    assert wiz.currentId() == FirstRunWizard.ADMIN
    assert focused() is wiz.admin_page.centre_edit


def create_by_keyboard(qtbot, wiz: FirstRunWizard, user="admin", password=PASSWORD) -> None:
    go_to_admin_page(qtbot, wiz)
    fill_admin_page(wiz, user, password)
    QTest.keyClick(focused(), Qt.Key.Key_Return)               # "Create the record"
    qtbot.waitUntil(lambda: wiz.currentId() == FirstRunWizard.KEY, timeout=30_000)


def test_first_run_end_to_end_by_keyboard(qtbot, tmp_path):
    folder = tmp_path / "data"
    wiz = make_wizard(qtbot, folder)
    create_by_keyboard(qtbot, wiz)
    path = folder / RECORD_FILENAME
    assert path.exists() and Path(str(path) + ".keys").exists()
    assert str(path) in prefs.recent_records()

    # The key: eight groups of eight, shown large; the password fields are emptied.
    groups = wiz.recovery_key_groups()
    assert len(groups) == 8 and all(len(g) == 8 for g in groups)
    assert [lab.text() for lab in wiz.key_page.group_labels] == groups
    assert wiz.admin_page.password_edit.text() == "" and wiz.admin_page.again_edit.text() == ""
    # After the record exists there is no way back to the creation pages.
    assert not wiz.button(QWizard.WizardButton.BackButton).isVisible() or \
        not wiz.button(QWizard.WizardButton.BackButton).isEnabled()

    QTest.keyClick(focused() or wiz, Qt.Key.Key_Return)        # key -> confirm
    assert wiz.currentId() == FirstRunWizard.CONFIRM
    assert focused() is wiz.confirm_page.group_edit

    # A wrong group is refused, with a message, and the wizard stays.
    wrong = groups[3] if groups[3] != groups[2] else "00000000"
    QTest.keyClicks(focused(), wrong)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert wiz.currentId() == FirstRunWizard.CONFIRM
    assert "group 3" in wiz.confirm_page.message.text()

    # The right group (typed in lower case, with a space) is accepted.
    wiz.confirm_page.group_edit.clear()
    QTest.keyClicks(focused(), groups[2][:4].lower() + " " + groups[2][4:].lower())
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert wiz.currentId() == FirstRunWizard.DONE
    assert "admin" in wiz.done_page.text.text()

    with qtbot.waitSignal(wiz.recordCreated, timeout=5000) as signal:
        QTest.keyClick(focused() or wiz, Qt.Key.Key_Return)    # Finish
    assert signal.args == [str(path), "admin"]
    assert wiz.result() == QWizard.DialogCode.Accepted
    assert all(lab.text() == "" for lab in wiz.key_page.group_labels)  # the key is off the screen

    # The record opens with what was typed: by the core, and through the unlock screen.
    with open_record(path, "admin", PASSWORD, kdf=FAST_KDF) as s:
        assert s.roles == ["admin"]
        assert s.record_info()["centre_name"] == "Barnahus Testby"
        assert s.display_name == "Alex Admin"
    window = make_window(qtbot, path)
    unlock(qtbot, window, "admin", PASSWORD)
    assert window.nav_keys() == ["admin"]


def test_core_validation_messages_show_inline(qtbot, tmp_path):
    wiz = make_wizard(qtbot, tmp_path / "data")
    go_to_admin_page(qtbot, wiz)
    page = wiz.admin_page

    fill_admin_page(wiz, "no spaces allowed", "short")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert wiz.currentId() == FirstRunWizard.ADMIN
    assert page.messages["user name"].text().startswith("Use 1 to 64 letters")
    assert page.messages["password"].text() == "Must be at least 10 characters long."

    fill_admin_page(wiz, "admin", PASSWORD, again=PASSWORD + "x")
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert wiz.currentId() == FirstRunWizard.ADMIN
    assert page.messages["user name"].text() == ""
    assert "not the same" in page.messages["password again"].text()
    assert not (tmp_path / "data").exists()  # nothing was created


def test_location_refuses_a_folder_that_has_a_record(qtbot, tmp_path, record_path):
    wiz = make_wizard(qtbot, record_path.parent)
    QTest.keyClick(focused() or wiz, Qt.Key.Key_Return)
    page = wiz.location_page
    assert not page.isComplete()
    assert "already a record" in page.message.text()
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    page.custom_radio.setChecked(True)
    page.folder_edit.setFocus()
    QTest.keyClicks(page.folder_edit, str(tmp_path / "elsewhere"))
    assert page.isComplete()
    assert page.chosen_path() == tmp_path / "elsewhere" / RECORD_FILENAME


def test_recovery_key_saved_as_pdf_where_the_user_chooses(qtbot, tmp_path, monkeypatch):
    wiz = make_wizard(qtbot, tmp_path / "data")
    create_by_keyboard(qtbot, wiz)
    target = tmp_path / "usb" / "my key"
    target.parent.mkdir()
    monkeypatch.setattr(wiz, "choose_pdf_path", lambda: str(target))
    QTest.mouseClick(wiz.key_page.pdf_button, Qt.MouseButton.LeftButton)
    pdf = target.with_name("my key.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    if os.name == "posix":
        assert pdf.stat().st_mode & 0o077 == 0
    assert str(pdf) in wiz.key_page.message.text()
    assert wiz.currentId() == FirstRunWizard.KEY
    # The key document holds the key; nothing else was written beside the record.
    assert all(g in wiz.key_document().toPlainText() for g in wiz.recovery_key_groups())
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["record.barnahus", "record.barnahus.keys"]


def test_closing_before_the_key_is_confirmed_asks_first(qtbot, tmp_path, monkeypatch):
    wiz = make_wizard(qtbot, tmp_path / "data")
    create_by_keyboard(qtbot, wiz)
    asked = []
    monkeypatch.setattr(wiz, "confirm_close", lambda: asked.append(1) or False)
    wiz.reject()
    assert asked and wiz.isVisible()
    monkeypatch.setattr(wiz, "confirm_close", lambda: True)
    with qtbot.waitSignal(wiz.recordCreated, timeout=5000):
        wiz.reject()
    assert not wiz.isVisible()


def test_time_zone_page_by_keyboard(qtbot, tmp_path, monkeypatch):
    """The machine's clock is in UTC: the page preselects Europe/Stockholm (a UTC machine is not
    where children are interviewed); a wrong name is refused beside the field; typing part of a
    city's name and picking it from the list sets the zone the record is created with."""
    monkeypatch.setenv("TZ", "Etc/UTC")
    folder = tmp_path / "data"
    wiz = make_wizard(qtbot, folder)
    QTest.keyClick(focused() or wiz, Qt.Key.Key_Return)        # welcome -> where
    QTest.keyClick(focused() or wiz, Qt.Key.Key_Return)        # where -> time zone
    assert wiz.currentId() == FirstRunWizard.ZONE
    combo = wiz.zone_page.zone_combo
    assert focused() is combo.lineEdit() or focused() is combo
    assert combo.value() == "Europe/Stockholm"

    QTest.keySequence(focused(), QKeySequence.StandardKey.SelectAll)
    QTest.keyClicks(focused(), "Mars/Olympus")
    assert not combo.completer().popup().isVisible()   # no zone contains it
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert wiz.currentId() == FirstRunWizard.ZONE
    assert wiz.zone_page.message.text() == "'Mars/Olympus' is not a time zone name such as Europe/Stockholm."

    QTest.keySequence(focused(), QKeySequence.StandardKey.SelectAll)
    QTest.keyClicks(focused(), "helsin")
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert combo.value() == "Europe/Helsinki"
    assert wiz.zone_page.message.text() == ""
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    assert wiz.currentId() == FirstRunWizard.ADMIN
    fill_admin_page(wiz, "admin", PASSWORD)
    QTest.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wiz.currentId() == FirstRunWizard.KEY, timeout=30_000)
    with open_record(folder / RECORD_FILENAME, "admin", PASSWORD, kdf=FAST_KDF) as s:
        assert s.setting("time_zone") == "Europe/Helsinki"
        assert s.centre_zone() == "Europe/Helsinki"
