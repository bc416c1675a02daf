"""Helpers for the GUI tests: the desktop shell (first run, unlock, locking, canary) and answering
the modal dialogs that screens open."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QApplication, QComboBox, QGroupBox, QLabel, QLineEdit,
    QPlainTextEdit, QTabBar, QTextEdit,
)

from tests.support.records import FAST_KDF
from ui.shell.main_window import MainWindow
from ui.common.tasks import busy, wait_for_all

UNLOCK_TIMEOUT_MS = 30_000


def make_window(qtbot, record_path, **kwargs) -> MainWindow:
    window = MainWindow(record_path, FAST_KDF, **kwargs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def type_unlock(qtbot, window: MainWindow, username: str, password: str) -> None:
    """Type user name and password on the unlock screen and press Enter, as a person would
    (once the automatic backup of a lock just before has ended: its dialog keeps a person out)."""
    wait_for_lock_backup(qtbot, window)
    panel = window.unlock_panel
    panel.user_edit.clear()
    QTest.keyClicks(panel.user_edit, username)
    QTest.keyClick(panel.user_edit, Qt.Key.Key_Tab)
    type_text(panel.password_edit, password)
    QTest.keyClick(panel.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=UNLOCK_TIMEOUT_MS)
    QCoreApplication.processEvents()


def unlock(qtbot, window: MainWindow, username: str, password: str) -> None:
    type_unlock(qtbot, window, username, password)
    assert window.is_unlocked(), window.unlock_panel.message.text()
    # The first screen reads its contents off the GUI thread (the Today view): let it finish, so
    # that a test's lock is not deferred behind it (LockController waits for background calls).
    qtbot.waitUntil(lambda: not busy(), timeout=UNLOCK_TIMEOUT_MS)


def wait_for_lock_backup(qtbot, window: MainWindow, timeout: int = 30_000) -> None:
    """Wait until the automatic backup a lock or quit started (ui/shell/automatic_backup.py) has
    ended and the session it backed up is closed. (Test records have automatic backups off:
    then a lock closes the session at once.)"""
    qtbot.waitUntil(lambda: not window.autobackup.running, timeout=timeout)


def type_text(widget, text: str) -> None:
    """Type text into a widget key by key. QTest.keyClicks only knows ASCII (it aborts on "å"),
    so other characters are sent as key events carrying their text, as a keyboard layout does."""
    for ch in text:
        if ch.isascii():
            QTest.keyClick(widget, ch)
            continue
        code = ord(ch.upper()) if ord(ch.upper()) < 256 else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, ch))


def answer_modal(handler, passing_over: str = "") -> dict:
    """Run handler(dialog) on the next modal dialog once it is the active window (keys go there).
    It blocks in exec(), so a timer polls for it; a modal dialog named passing_over (the one that
    opens it) is passed over. Returns {"dialog": the dialog answered, "error": what the handler
    raised}; a handler that fails rejects the dialog, never leaving it to block the test run."""
    done = {}

    def poll():
        dlg = QApplication.activeModalWidget()
        passed_over = passing_over and dlg is not None and dlg.objectName() == passing_over
        if dlg is None or passed_over or QApplication.activeWindow() is not dlg:
            QTimer.singleShot(20, poll)
            return
        done["dialog"] = dlg
        try:
            handler(dlg)
        except BaseException as e:  # never leave a modal dialog blocking the test run
            done["error"] = e
            dlg.reject()
    QTimer.singleShot(0, poll)
    return done


def flush_deletes() -> None:
    """Let deleteLater() happen (Qt deletes at the next return to the event loop)."""
    wait_for_all(10_000)
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        QCoreApplication.processEvents()


def _model_texts(view: QAbstractItemView, limit: int = 500) -> list[str]:
    model = view.model()
    out = []
    if model is None:
        return out
    root = QModelIndex()
    rows = min(model.rowCount(root), limit)
    for r in range(rows):
        for c in range(100):  # columnCount() is private on list models; walk until invalid
            index = model.index(r, c, root)
            if not index.isValid():
                break
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.AccessibleTextRole):
                v = model.data(index, role)
                if isinstance(v, str):
                    out.append(v)
    return out


def widget_texts() -> list[str]:
    """Every string any live widget of the application shows or tells a screen reader."""
    out: list[str] = []
    for w in QApplication.allWidgets():
        if not shiboken6.isValid(w):
            continue
        out += [w.windowTitle(), w.toolTip(), w.accessibleName(), w.accessibleDescription(), w.statusTip()]
        if isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QLineEdit):
            out += [w.text(), w.placeholderText()]
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            out.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QTabBar):
            out += [w.tabText(i) for i in range(w.count())] + [w.tabToolTip(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView):
            out += _model_texts(w)
    return [t for t in out if t]


def find_line_edit(root, accessible_name: str) -> QLineEdit:
    for edit in root.findChildren(QLineEdit):
        if edit.accessibleName() == accessible_name:
            return edit
    raise LookupError(accessible_name)


def wait_answered(qtbot, dialog, timeout: int = 5000) -> None:
    """Wait until the core call a form dialog's OK started has come back (it runs off the GUI
    thread): its message is shown, or the dialog has closed."""
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.running, timeout=timeout)
