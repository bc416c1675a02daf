"""The clipboard guard: an identifier copied from the record (a case reference, a hash) is taken
off the clipboard again after the record's clipboard_clear_seconds, unless the user has copied
something else meanwhile; locking clears it at once."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication


class ClipboardGuard(QObject):
    """Puts an identifier on the clipboard and takes it off again after a while, unless the
    user has copied something else meanwhile."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.clear_after_ms = 30_000
        self._text: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_if_unchanged)

    def copy(self, text: str) -> None:
        data = QMimeData()
        data.setText(text)
        # Clipboard managers (Klipper, and others that honour it) keep this out of their history.
        data.setData("x-kde-passwordManagerHint", b"secret")
        QGuiApplication.clipboard().setMimeData(data)
        self._text = text
        self._timer.start(self.clear_after_ms)

    def holds_ours(self) -> bool:
        return self._text is not None and QGuiApplication.clipboard().text() == self._text

    def clear_if_unchanged(self) -> None:
        self._timer.stop()
        if self.holds_ours():
            QGuiApplication.clipboard().clear()
        self._text = None


_guard: ClipboardGuard | None = None


def clipboard_guard() -> ClipboardGuard:
    global _guard
    if _guard is None:
        _guard = ClipboardGuard(QApplication.instance())
    return _guard


def configure_clipboard(seconds: int) -> None:
    """Called after unlock with session.setting('clipboard_clear_seconds')."""
    clipboard_guard().clear_after_ms = int(seconds) * 1000


def copy_identifier(text: str) -> None:
    """Copy an identifier (a case reference, an outside reference) for pasting elsewhere. It is
    cleared from the clipboard after the record's clipboard_clear_seconds, if still there."""
    clipboard_guard().copy(text)
