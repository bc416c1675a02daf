"""The page registry: a feature adds a main-window page or a case tab by registering it, without
editing MainWindow or CaseWorkspace; the host builds, orders, clears and drops it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from barnahus_app.api import open_record
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, sample_case
from tests.support.gui_shell import make_window, unlock
from ui.common.pages import CaseTab, MainPage, case_tabs, main_pages

pytestmark = pytest.mark.gui


class NotesPage(QLabel):
    """A stand-in feature page that counts how often the host cleared it."""

    def __init__(self, parent=None):
        super().__init__("notes", parent)
        self.cleared = 0

    def clear(self) -> None:
        self.cleared += 1
        super().clear()


@pytest.fixture
def notes_feature():
    built = []

    def build(host, parent):
        page = NotesPage(parent)
        built.append(page)
        return page

    main_pages.register(MainPage(
        key="notes", order=35, nav_text=QT_TRANSLATE_NOOP("MainWindow", "Notes"),
        action_text=QT_TRANSLATE_NOOP("MainWindow", "&Notes"), icon="cases", shortcut="Ctrl+9",
        shown=lambda s, host: s.can("case", "read"), build=build))
    case_tabs.register(CaseTab(
        key="notes", order=30, title=QT_TRANSLATE_NOOP("CaseWorkspace", "&Notes"),
        shown=lambda s: s.can("case", "read"), build=lambda ws: QLabel(f"notes of {ws.case['reference']}")))
    yield built
    main_pages.unregister("notes")
    case_tabs.unregister("notes")


def test_the_registered_pages_keep_their_order_and_shortcuts():
    assert [(e.key, e.shortcut) for e in main_pages] == [
        ("today", "Ctrl+T"), ("cases", "Ctrl+1"), ("open", "Ctrl+2"), ("calendar", "Ctrl+K"), ("meetings", "Ctrl+M"),
        ("admin", "Ctrl+3")]
    assert [e.key for e in case_tabs] == ["interviews", "team", "followup", "medical", "psychosocial", "justice",
                                         "documents"]


def test_a_page_may_be_registered_once():
    with pytest.raises(ValueError):
        main_pages.register(main_pages["today"])


def test_a_registered_page_and_tab_appear_without_editing_the_hosts(qtbot, record_path, notes_feature):
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        case = sample_case(s)
    window = make_window(qtbot, record_path)
    assert window.go_notes_action.shortcut() == QKeySequence("Ctrl+9")
    assert not window.go_notes_action.isEnabled()           # locked
    assert [a.text() for a in window.go_menu.actions()] == [
        "&Today", "&Cases", "&Open cases", "&Notes", "Ca&lendar", "&Meetings", "&Administration"]

    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    assert window.nav_keys() == ["today", "cases", "notes", "calendar", "meetings"]   # "open": only with a case open
    page = window.notes
    assert page is notes_feature[0] and window.page("notes") is page
    assert window.go_notes_action.isEnabled()
    window.go_notes_action.trigger()
    assert window.current_page() == "notes"

    ws = window.open_workspace(case["id"])
    titles = [ws.tabs.tabText(i) for i in range(ws.tabs.count())]
    assert titles[-6:] == ["Team and re&ferrals", "Fo&llow-up", "Psychosoci&al", "&Justice", "Doc&uments", "&Notes"]
    assert ws.notes_page.text() == f"notes of {case['reference']}"

    window.lock()
    assert page.cleared == 1 and page.text() == ""          # cleared on lock, then dropped
    assert window.notes is None and window.page("notes") is None
    assert not window.go_notes_action.isEnabled()


def test_a_page_the_roles_do_not_show_is_not_built(qtbot, record_path, notes_feature):
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "admin", ADMIN_PASSWORD)
    assert window.nav_keys() == ["admin"]
    assert notes_feature == [] and window.notes is None
    assert not window.go_notes_action.isEnabled()
