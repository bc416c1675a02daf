"""The unlock screen's "Use shares…": type or paste k shares of the recovery key (one box each,
boxes added as needed); the core combines them (barnahus_app/record/shares.py) into the recovery
key, which then unlocks as a typed recovery key does. A wrong share is named beside its box."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from ui.common.feedback import InlineMessage, muted, validation_text

MAX_BOXES = 16   # SLIP-39 makes at most 16 shares


class SharesEntryDialog(QDialog):
    """recovery_key: the key the shares combined into, once accepted (then the boxes are empty)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unlock with shares of the recovery key"))
        self.setModal(True)
        self.recovery_key: str | None = None
        self.boxes: list[QPlainTextEdit] = []
        self.box_messages: list[InlineMessage] = []
        em = self.fontMetrics().height()
        self.setMinimumWidth(em * 36)
        self.resize(em * 40, em * 36)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Type or paste the shares, one in each box: 33 words each, in their order. The first "
            "four letters of each word are enough. The holders of the shares may type their own."), self)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.needed = muted(QLabel(self))
        self.needed.setWordWrap(True)
        lay.addWidget(self.needed)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        holder = QWidget(scroll)
        self.box_layout = QVBoxLayout(holder)
        self.box_layout.addStretch(1)
        scroll.setWidget(holder)
        lay.addWidget(scroll, 1)
        self.add_button = QPushButton(self.tr("&Add another share"), self)
        self.add_button.setAutoDefault(False)
        lay.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.message = InlineMessage(self)
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.unlock_button = self.buttons.addButton(self.tr("Un&lock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        lay.addWidget(self.buttons)
        self.buttons.accepted.connect(self.combine)
        self.buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(lambda: self.add_box(focus=True))
        self.finished.connect(self._clear)
        for _ in range(2):   # at least two are always needed
            self.add_box()
        self.boxes[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def add_box(self, focus: bool = False) -> QPlainTextEdit | None:
        if len(self.boxes) >= MAX_BOXES:
            return None
        n = len(self.boxes) + 1
        label = QLabel(self.tr("Share &{n}:").format(n=n) if n <= 9 else self.tr("Share {n}:").format(n=n), self)
        box = QPlainTextEdit(self)
        box.setTabChangesFocus(True)   # Tab goes on to the next share, as in a form
        box.setAccessibleName(self.tr("Share {n}").format(n=n))
        box.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + self.fontMetrics().height() * 3 // 2)
        box.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText | Qt.InputMethodHint.ImhSensitiveData)
        label.setBuddy(box)
        message = InlineMessage(self)
        at = self.box_layout.count() - 1   # before the stretch
        for i, w in enumerate((label, box, message)):
            self.box_layout.insertWidget(at + i, w)
        self.boxes.append(box)
        self.box_messages.append(message)
        if len(self.boxes) > 1:
            QWidget.setTabOrder(self.boxes[-2], box)
        QWidget.setTabOrder(box, self.add_button)
        if len(self.boxes) == 1:
            box.textChanged.connect(self._first_share_changed)
        self.add_button.setEnabled(len(self.boxes) < MAX_BOXES)
        if focus:
            box.setFocus(Qt.FocusReason.OtherFocusReason)
        return box

    def _first_share_changed(self) -> None:
        """Once the first share is whole, it tells how many are needed: that many boxes."""
        from barnahus_app.record.shares import threshold
        k = threshold(self.boxes[0].toPlainText())
        if k is None:
            self.needed.clear()
            return
        self.needed.setText(self.tr("These shares need {k} of them to open the record.").format(k=k))
        while len(self.boxes) < k:
            self.add_box()

    def texts(self) -> list[str]:
        return [b.toPlainText() for b in self.boxes]

    def combine(self) -> None:
        from barnahus_app.record.shares import ShareError, combine
        self.message.clear()
        for m in self.box_messages:
            m.clear()
        try:
            key = combine(self.texts())
        except ShareError as e:
            if e.position is not None:
                self.box_messages[e.position - 1].show_error(validation_text(e))
                self.boxes[e.position - 1].setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.message.show_error(validation_text(e))
            return
        self.recovery_key = key
        self.accept()

    def _clear(self, _result: int = 0) -> None:
        """However it closes (a lock too), no share stays in the boxes (a slot of `finished`)."""
        for b in self.boxes:
            b.clear()
