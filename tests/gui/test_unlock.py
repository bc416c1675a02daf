"""The unlock screen, the main window's role-shaped navigation, start-up and settings."""
from __future__ import annotations

import re


import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from barnahus_app import paths
from barnahus_app.api import open_record
from tests.support.gui_shell import make_window, type_unlock, unlock
from tests.support.translations import TS, untranslated_in
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, sample_case
from ui.common import prefs

pytestmark = pytest.mark.gui
WRONG = "Wrong user name or password."


def test_wrong_then_right_unlock(qtbot, record_path):
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        case = sample_case(s)
    window = make_window(qtbot, record_path)
    panel = window.unlock_panel
    assert QApplication.focusWidget() is panel.user_edit
    assert window.windowTitle() == "Barnahus Case Record"

    type_unlock(qtbot, window, "coordinator", "not the password")
    assert not window.is_unlocked()
    assert panel.message.text() == WRONG
    assert panel.password_edit.text() == ""                # emptied after a failure
    assert panel.user_edit.text() == "coordinator"          # the name stays
    assert QApplication.focusWidget() is panel.password_edit

    type_unlock(qtbot, window, "nobody-here", "not the password")
    assert panel.message.text() == WRONG                    # an unknown name: the same words

    type_unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    assert window.is_unlocked()
    assert window.nav_keys() == ["today", "cases", "calendar", "meetings"]
    assert window.current_page() == "today"  # the Today view comes first for follow-up readers
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 1, timeout=5000)
    assert "Coordinator" in window.status_user.text()
    assert "Test Centre" in window.status_record.text() and "record.barnahus" in window.status_record.text()
    # The failed attempts are reported once, calmly, after login (to a non-administrator, the
    # core reports only the attempts under their own name).
    bar = window.message_bar
    assert "Attempts: 1" in bar.text()
    # told in the centre's zone, named, as every time on screen (not the workstation's clock)
    assert re.search(r"the most recent at \d{4}-\d\d-\d\d \d\d:\d\d \([A-Za-z_]+/[A-Za-z_]+\)\.", bar.text())
    assert "tell your administrator" in bar.text()
    QTest.mouseClick(bar._close, Qt.MouseButton.LeftButton)
    assert bar.text() == "" and bar.isHidden()

    # Opening the case from the list (Enter on the row) gives a workspace tab.
    with qtbot.waitSignal(window.case_list.caseActivated, timeout=5000):
        window.case_list.focus_table()
        QTest.keyClick(window.case_list.view, Qt.Key.Key_Return)
    assert [e.case_id for e in window.workspace_entries()] == [case["id"]]
    assert window.current_page() == "open"
    assert window.tabs.tabText(0) == case["reference"]

    # A second login gets no report: the core reported the attempts once.
    window.lock()
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    assert window.message_bar.text() == ""


def test_unlock_removes_the_leftovers_of_interrupted_work_and_says_so(qtbot, record_path):
    building = record_path.parent / f".{record_path.name}.building-abc_123"   # a demo build killed part-way
    building.mkdir()
    (building / "record.barnahus").write_bytes(b"x" * 10)
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    assert not building.exists()
    assert window.message_bar.text() == (
        "Leftovers of interrupted work beside the record (a backup or an export stopped part-way) "
        "were removed: .record.barnahus.building-abc_123")


def test_busy_state_while_the_key_is_derived(qtbot, record_path):
    window = make_window(qtbot, record_path)
    panel = window.unlock_panel
    QTest.keyClicks(panel.user_edit, "admin")
    QTest.keyClicks(panel.password_edit, ADMIN_PASSWORD)
    QTest.keyClick(panel.password_edit, Qt.Key.Key_Return)
    # The derivation runs on a worker: the screen says so, and takes no second submit.
    assert panel.is_busy()
    assert not panel.user_edit.isEnabled() and not panel.unlock_button.isEnabled()
    assert panel.progress.isVisible()
    assert panel.message.text() == "Unlocking the record…"
    panel.submit()
    qtbot.waitUntil(window.is_unlocked, timeout=30_000)
    assert not panel.is_busy() and panel.user_edit.isEnabled()


def test_empty_fields_are_named(qtbot, record_path):
    window = make_window(qtbot, record_path)
    panel = window.unlock_panel
    QTest.keyClick(panel.user_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is panel.password_edit  # Enter in the name goes on to the password
    QTest.keyClick(panel.password_edit, Qt.Key.Key_Return)
    assert panel.message.text() == "Type your user name."
    QTest.keyClicks(panel.user_edit, "admin")
    panel.submit()
    assert panel.message.text() == "Type your password."
    assert not panel.is_busy()


@pytest.mark.parametrize("damage, expected", [
    ("missing", "There is no record at"),
    ("truncated", "is truncated or is not a Barnahus record"),
    ("empty", "is empty. Restore it from a backup."),
])
def test_file_problems_show_the_core_message(qtbot, record_path, damage, expected):
    if damage == "missing":
        target = record_path.with_name("gone.barnahus")
    else:
        target = record_path
        data = record_path.read_bytes()
        record_path.write_bytes(b"" if damage == "empty" else data[: len(data) - 100])
    window = make_window(qtbot, target)
    type_unlock(qtbot, window, "admin", ADMIN_PASSWORD)
    assert not window.is_unlocked()
    assert expected in window.unlock_panel.message.text()


def test_locked_record_message(qtbot, record_path):
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF):
        window = make_window(qtbot, record_path)
        type_unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
        assert not window.is_unlocked()
        assert window.unlock_panel.message.text()  # the core's words about the other writer


@pytest.mark.parametrize("user, nav, new_case", [
    ("admin", ["admin"], False),
    ("coordinator", ["today", "cases", "calendar", "meetings"], True),
    ("interviewer", ["today", "cases", "calendar", "meetings"], False),
    ("medical", ["today", "cases", "calendar", "meetings"], False),
    ("therapist", ["today", "cases", "calendar", "meetings"], False),
    ("liaison", ["today", "cases", "calendar", "meetings"], False),
])
def test_navigation_follows_roles(qtbot, record_path, user, nav, new_case):
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, user, ADMIN_PASSWORD if user == "admin" else STAFF_PASSWORD)
    assert window.nav_keys() == nav
    assert window.new_case_action.isEnabled() is new_case
    assert window.go_admin_action.isEnabled() is (user == "admin")
    assert (window.admin is not None) is (user == "admin")
    assert (window.case_list is not None) is (user != "admin")
    assert window.lock_action.isEnabled()


def test_admin_can_add_a_user_and_set_the_idle_time(qtbot, record_path):
    from ui.admin.panel import AddUserDialog

    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "admin", ADMIN_PASSWORD)
    panel = window.admin
    qtbot.waitUntil(lambda: panel.table.rowCount() == 6, timeout=5000)

    dlg = AddUserDialog(window.session, panel)
    qtbot.addWidget(dlg)
    QTest.keyClicks(dlg.username, "new.person")
    QTest.keyClicks(dlg.display, "New Person")
    dlg.roles.boxes["therapist"].setChecked(True)
    QTest.keyClicks(dlg.password, "short")
    QTest.keyClicks(dlg.again, "short")
    dlg._submit()
    qtbot.waitUntil(lambda: dlg.buttons.isEnabled(), timeout=10_000)
    assert dlg.field_messages["password"].text() == "Must be at least 10 characters long."
    for edit in (dlg.password, dlg.again):
        edit.clear()
        QTest.keyClicks(edit, "therapist-password-1")
    with qtbot.waitSignal(dlg.accepted, timeout=30_000):
        dlg._submit()
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.loading, timeout=5000)   # read off the GUI thread
    assert panel.table.rowCount() == 7

    panel.idle_spin.setValue(3)
    with qtbot.waitSignal(panel.settingsChanged, timeout=5000):   # saved on the record's thread
        QTest.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert "3 minutes" in panel.settings_message.text()
    assert window.session.setting("idle_lock_minutes") == 3
    assert window.locker.idle.interval_ms() == 3 * 60_000
    window.lock()
    with open_record(record_path, "new.person", "therapist-password-1", kdf=FAST_KDF) as s:
        assert s.roles == ["therapist"]


def test_administration_saves_settings_only_once_read_and_drops_a_read_after_a_lock(qtbot, open_as):
    from ui.admin.panel import AdminPanel
    s = open_as("admin")
    s.set_setting("idle_lock_minutes", 7)
    panel = AdminPanel(s)
    qtbot.addWidget(panel)
    panel.show()   # starts the read off the GUI thread
    assert not panel.apply_button.isEnabled()   # the spin boxes hold their minimums until then
    qtbot.waitUntil(lambda: not panel.loading, timeout=5000)
    assert panel.apply_button.isEnabled() and panel.idle_spin.value() == 7
    assert panel.table.rowCount() == 6
    panel.refresh()
    panel.clear()   # locked before the answer came
    qtbot.waitUntil(lambda: not panel.loading, timeout=5000)
    assert panel.table.rowCount() == 0


def test_recent_records_keep_paths_only(qtbot, record_path, tmp_path):
    other = tmp_path / "missing" / "old.barnahus"
    prefs.add_recent_record(other)
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    window.lock()
    assert prefs.recent_records()[:2] == [str(record_path), str(other)]
    panel = window.unlock_panel
    texts = [panel.recent_list.item(i).text() for i in range(panel.recent_list.count())]
    assert texts == [str(record_path), f"{other} (not found)"]
    window.close()
    settings = QSettings(str(prefs.settings_path()), QSettings.Format.IniFormat)
    assert set(settings.allKeys()) <= set(prefs.ALLOWED_KEYS)
    raw = prefs.settings_path().read_text(encoding="utf-8")
    assert "coordinator" not in raw and STAFF_PASSWORD not in raw


def test_choosing_another_record(qtbot, record_path, tmp_path, monkeypatch):
    window = make_window(qtbot, tmp_path / "nothing.barnahus")
    monkeypatch.setattr(window.unlock_panel, "choose_record_file", lambda: str(record_path))
    QTest.mouseClick(window.unlock_panel.open_button, Qt.MouseButton.LeftButton)
    assert window.unlock_panel.record_path() == record_path
    unlock(qtbot, window, "admin", ADMIN_PASSWORD)


def test_start_up_picks_the_record(tmp_path, record_path):
    import main
    from ui.shell.app import starting_record

    assert main.wants_gui([]) and main.wants_gui(["--record", "x"]) and main.wants_gui(["--lang=sv"])
    assert not main.wants_gui(["users", "list"]) and not main.wants_gui(["--help"])
    assert starting_record(str(record_path)) == record_path
    assert starting_record(None) is None                     # no record anywhere: the wizard
    prefs.add_recent_record(record_path)
    assert starting_record(None) == record_path              # the last one used
    default = paths.default_record_path()
    default.parent.mkdir(parents=True)
    default.write_bytes(b"")
    assert starting_record(None) == default                  # the default record comes first


def test_cli_subcommand_goes_to_the_cli(capsys):
    import main

    with pytest.raises(SystemExit) as exc:
        main.main(["--version"])
    assert exc.value.code == 0
    assert "barnahus" in capsys.readouterr().out


def test_swedish_translation_and_language_setting(qtbot, record_path):
    from ui.shell.app import install_translators
    from ui.shell.main_window import SettingsDialog

    dlg = SettingsDialog()
    qtbot.addWidget(dlg)
    dlg.language.setCurrentIndex(dlg.language.findData("sv"))
    dlg.accept()
    assert prefs.language() == "sv"

    app = QCoreApplication.instance()
    locale_before = QLocale()
    assert install_translators(app, "sv") == "sv"
    try:
        window = make_window(qtbot, record_path)
        assert window.unlock_panel.heading.text() == "Lås upp registret"
        assert window.unlock_panel.unlock_button.text() == "Lås &upp"
    finally:
        for t in app.findChildren(QTranslator):
            app.removeTranslator(t)
            t.deleteLater()
        QLocale.setDefault(locale_before)


def test_app_controller_opens_the_unlock_screen_or_the_wizard(qtbot, record_path, monkeypatch):
    from ui.shell.app import AppController

    quits = []
    c = AppController(FAST_KDF)
    monkeypatch.setattr(c, "_quit", lambda: quits.append("window"))
    c.start(record_path)
    qtbot.addWidget(c.window)
    assert c.window.isVisible() and c.window.unlock_panel.record_path() == record_path
    c.window.close()
    assert quits == ["window"]

    c2 = AppController(FAST_KDF)
    monkeypatch.setattr(c2, "_quit", lambda: quits.append("wizard"))
    c2.start(None)
    assert c2.window is None and c2.wizard.isVisible()
    c2.wizard.reject()  # nothing was created: closing the wizard ends the app
    assert quits == ["window", "wizard"]


def test_every_string_of_the_shell_is_translated_to_swedish():
    shell = {"admin/panel.py", "admin/core_dialog.py", "admin/backups.py", "common/feedback.py", "common/prefs.py", "common/tasks.py", "common/icons.py"}
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= TS.stat().st_mtime - 5
    checked, untranslated = untranslated_in(lambda f: f.startswith("shell/") or f in shell)
    assert checked > 150 and untranslated == []

def test_the_wait_after_wrong_passwords_is_for_that_name_only_and_said_calmly(qtbot, record_path):
    """Three wrong passwords under "mallory" (no such user): the fourth waits (1 s), and the
    screen says so while it waits; the coordinator then signs in without waiting."""
    from barnahus_app.api import WrongCredentials
    for _ in range(3):
        with pytest.raises(WrongCredentials):
            open_record(record_path, "mallory", "a-guess", kdf=FAST_KDF)
    window = make_window(qtbot, record_path)
    panel = window.unlock_panel
    seen = []
    panel._waiting.connect(lambda seconds: seen.append(panel.message.text()))
    type_unlock(qtbot, window, "mallory", "another-guess")
    assert seen == ["Several wrong passwords were given for this user name, so Barnahus checks this one "
                    "after a short wait (1 s). Other users can sign in as usual."]
    assert panel.message.text() == WRONG
    waits = []
    panel._waiting.connect(waits.append)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    assert waits == []


def test_an_administrator_is_told_after_sign_in_that_the_failed_attempts_list_was_changed(qtbot, record_path):
    import json
    from barnahus_app.api import WrongCredentials
    from barnahus_app.record.keyslots import KeyFile
    for _ in range(2):
        with pytest.raises(WrongCredentials):
            open_record(record_path, "coordinator", "a-guess", kdf=FAST_KDF)
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF):
        pass
    keys = KeyFile.path_for(record_path)
    data = json.loads(keys.read_text("utf-8"))
    data["failure_log"]["entries"] = []          # the evidence "reset" by hand
    keys.write_text(json.dumps(data), "utf-8")
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "admin", ADMIN_PASSWORD)
    assert window.message_bar.text().startswith(
        "The list of failed unlock attempts kept beside the record (in its key file) was changed "
        "outside Barnahus: entries were removed or rewritten since the record last read it.")
