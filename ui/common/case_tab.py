"""What the case workspace's feature tabs (Medical, Follow-up, Psychosocial) share: their buttons,
their dialogs opened window-modally with the keyboard given back to the tab afterwards, a read
again after every change, the first focus, and a read each time the tab is shown. A tab defines
refresh(select=None), focus_order() (the widgets the keyboard goes to first: the first shown and
enabled wins) and sets self.loading and self._want_focus."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from ui.common.feedback import open_dialog


class CaseTabPanel(QWidget):
    changed = Signal()

    def _button(self, parent: QWidget, text: str, name: str, slot, layout, shown: bool = True) -> QPushButton:
        b = QPushButton(text, parent)
        b.setObjectName(name)
        b.setAutoDefault(False)
        b.clicked.connect(lambda _c=False: slot())
        b.setVisible(shown)
        layout.addWidget(b)
        return b

    def _open(self, dialog: QDialog, on_accepted=None) -> QDialog:
        def back(_code: int) -> None:
            self._want_focus = True
        dialog.finished.connect(back)
        return open_dialog(self, dialog, on_accepted or (lambda d: self._after()))

    def _after(self, select: int | None = None) -> None:
        self.refresh(select)
        self.changed.emit()

    def focus_first(self) -> None:
        """The keyboard to the first of focus_order() shown (once read)."""
        if self.loading:
            self._want_focus = True
            return
        self._want_focus = False
        for w in self.focus_order():
            if w.isVisible() and w.isEnabled():
                w.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def showEvent(self, event):  # noqa: N802 (Qt name)
        """Read when first shown, and again on each return to the page."""
        super().showEvent(event)
        if not self.loading:
            self.refresh()
