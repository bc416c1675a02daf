"""The main window's menus take no Alt letter: every Alt letter belongs to the page (a tab, a
button, a field), so it always does what its underline says. A menu's letter used to win over the
page's: Alt+A opened the Case menu instead of the Psychosocial tab, Alt+H (Swedish) the Help menu
instead of the interviews tab. F10 opens the menus."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.support.gui_shell import make_window, unlock
from tests.support.records import STAFF_PASSWORD, login, sample_case
from tests.support.translations import mnemonic

pytestmark = pytest.mark.gui
K = Qt.Key

MENUS = {"English": ["Record", "Case", "Go", "Help"], "Swedish": ["Register", "Ärende", "Gå till", "Hjälp"]}


def focused():
    return QApplication.focusWidget()


@pytest.mark.parametrize("language", ["English", "Swedish"])
def test_the_menus_take_no_alt_letter_and_f10_opens_them(qtbot, record_path, language, request):
    if language == "Swedish":
        request.getfixturevalue("swedish")
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert titles == MENUS[language]
    assert [mnemonic(t) for t in titles] == [None] * 4
    qtbot.keyClick(focused(), K.Key_F10)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=3000)
    assert QApplication.activePopupWidget().title() == MENUS[language][0]
    qtbot.keyClick(QApplication.activePopupWidget(), K.Key_Escape)


@pytest.mark.parametrize("language,key,title", [("English", "A", "Psychosoci&al"), ("Swedish", "H", "Barnför&hör")])
def test_a_tabs_alt_letter_reaches_its_tab_in_the_main_window(qtbot, record_path, language, key, title, request):
    if language == "Swedish":
        request.getfixturevalue("swedish")
    with login(record_path, "coordinator") as c:
        case = sample_case(c)
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "therapist", STAFF_PASSWORD)
    window.open_case(case["id"], "justice")
    ws = window.workspace_entries()[0].workspace
    qtbot.waitUntil(lambda: ws.tabs.tabText(ws.tabs.currentIndex()) != title and focused() is not None,
                    timeout=5000)
    qtbot.keyClick(focused(), getattr(K, f"Key_{key}"), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: ws.tabs.tabText(ws.tabs.currentIndex()) == title, timeout=3000)
    assert QApplication.activePopupWidget() is None
