"""What the case workspace's feature tabs (Medical, Follow-up, Psychosocial) share: their buttons,
their dialogs opened window-modally with the keyboard given back to the tab afterwards, a read
again after every change, the first focus, a read each time the tab is shown, and reading off the
GUI thread (_read: only the answer to the last read asked for is shown; `loading` is true while
any read or change is under way). A tab defines refresh(select=None), which calls _read, and
focus_order() (the widgets the keyboard goes to first: the first shown and enabled wins), and has
self.message (where a read's error is told)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common.feedback import bold, open_dialog
from ui.common.tasks import run_operation


class CaseTabPanel(QWidget):
    changed = Signal()
    loading = False
    _reads = 0          # reads and changes under way
    _generation = 0     # the last read asked for
    _want_focus = False

    def _read(self, fetch, show) -> None:
        """fetch() off the GUI thread, then show(result) if no later read was asked for meanwhile."""
        self._reads += 1
        self._generation += 1
        generation = self._generation
        self.loading = True

        def loaded(result) -> None:
            if generation == self._generation:
                show(result)

        run_operation(self, fetch, loaded, errors=self.message, on_finished=self._read_done)

    def _read_done(self) -> None:
        self._reads -= 1
        self.loading = self._reads > 0
        if not self.loading and self._want_focus:
            self.focus_first()

    def _page(self, title: str) -> tuple[QVBoxLayout, QHBoxLayout]:
        """The tab's layout, the same on every tab: (the page's column, its heading row, which
        holds the title and is the column's first row)."""
        em = self.fontMetrics().height()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 12)
        outer.setSpacing(em // 2)
        top = QHBoxLayout()
        top.addWidget(bold(QLabel(title, self), 1.1))
        outer.addLayout(top)
        return outer, top

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
