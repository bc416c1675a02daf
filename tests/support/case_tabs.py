"""What the GUI tests of a case workspace's tabs share: the workspace opened and active, the
keyboard's focus, a tab's read awaited, a dialog opened and accepted, an Alt key pressed."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def focused():
    w = QApplication.focusWidget()
    assert w is not None, "nothing has the keyboard focus"
    return w


def wait_read(qtbot, panel):
    qtbot.waitUntil(lambda: not panel.loading and panel.dialog is None, timeout=10_000)


def open_workspace(qtbot, session, case_id, size=(1060, 760)):
    from ui.cases.workspace import CaseWorkspace
    ws = CaseWorkspace(session, case_id)
    qtbot.addWidget(ws, before_close_func=lambda w: w.discard_changes_on_close())
    ws.resize(*size)
    ws.show()
    qtbot.waitExposed(ws)
    ws.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ws, timeout=2000)
    return ws


def opened(qtbot, panel):
    qtbot.waitUntil(lambda: panel.dialog is not None and QApplication.activeWindow() is panel.dialog, timeout=5000)
    return panel.dialog


def accepted(qtbot, panel, dlg) -> None:
    qtbot.waitUntil(lambda: panel.dialog is None or (not dlg.running and bool(dlg.error_texts())), timeout=5000)
    assert panel.dialog is None, dlg.error_texts()
    wait_read(qtbot, panel)
    window = panel.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def press(qtbot, key, modifier=ALT):
    qtbot.keyClick(focused(), key, modifier)
    qtbot.wait(200)   # a button's mnemonic clicks it after a short animation
