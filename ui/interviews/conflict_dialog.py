"""The blocking warning for a booking that clashes (room, staff, no-contact, testify once).

The core decides what is a conflict (barnahus_app.interviews.actions); this dialog only shows its
messages and collects one written reason per conflict the planner overrides. No button is the
default: Enter must never override a no-contact warning by accident.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFrame, QLabel, QPlainTextEdit, QStyle, QVBoxLayout,
    QWidget,
)

from ui.common.feedback import InlineMessage, allow_lock, scroll_area

MAX_REASON = 2000


class ConflictDialog(QDialog):
    def __init__(self, check, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("This booking clashes"))
        self.setModal(True)
        self._check = check
        self._reasons: dict[str, QPlainTextEdit] = {}
        outer = QVBoxLayout(self)
        intro = QLabel(self.tr("Nothing has been booked. Move the booking, or write why it must go ahead "
                               "despite each warning below. Your reasons are kept with the booking and "
                               "in the audit trail."))
        intro.setWordWrap(True)
        outer.addWidget(intro)
        body = QWidget()
        lay = QVBoxLayout(body)
        titles = {
            "room": self.tr("Room already booked"),
            "staff": self.tr("Staff member already booked"),
            "child": self.tr("The child is already booked"),
            "no_contact": self.tr("No-contact: these persons must never meet"),
            "testify_once": self.tr("The child testifies once"),
        }
        for conflict in check.conflicts:
            box = QFrame()
            box.setFrameShape(QFrame.Shape.StyledPanel)
            bl = QVBoxLayout(box)
            head = QLabel(titles.get(conflict.code, conflict.code))
            f = head.font()
            f.setBold(True)
            head.setFont(f)
            bl.addWidget(head)
            msg = QLabel(conflict.message)
            msg.setWordWrap(True)
            msg.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            bl.addWidget(msg)
            reason = QPlainTextEdit()
            reason.setPlaceholderText(self.tr("Why this booking must go ahead anyway (required to override)"))
            reason.setAccessibleName(self.tr("Reason to override: {title}").format(
                title=titles.get(conflict.code, conflict.code)))
            reason.setTabChangesFocus(True)
            reason.setFixedHeight(reason.fontMetrics().lineSpacing() * 4)
            reason.textChanged.connect(self._update)
            bl.addWidget(reason)
            self._reasons[conflict.key] = reason
            lay.addWidget(box)
        for text in check.warnings:
            w = QLabel(text)
            w.setWordWrap(True)
            lay.addWidget(w)
        lay.addStretch(1)
        outer.addWidget(scroll_area(body), 1)
        self._message = InlineMessage()
        outer.addWidget(self._message)
        self._buttons = QDialogButtonBox()
        self._override = self._buttons.addButton(self.tr("&Override and book"), QDialogButtonBox.ButtonRole.AcceptRole)
        self._override.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        back = self._buttons.addButton(self.tr("&Go back and change it"), QDialogButtonBox.ButtonRole.RejectRole)
        for b in (self._override, back):
            b.setAutoDefault(False)
            b.setDefault(False)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        outer.addWidget(self._buttons)
        self.resize(620, 420)
        allow_lock(self, parent)   # Ctrl+L here too (the lock closes the dialog first)
        self._update()
        if self._reasons:
            next(iter(self._reasons.values())).setFocus()

    def _update(self) -> None:
        missing = [k for k, w in self._reasons.items() if not w.toPlainText().strip()]
        too_long = any(len(w.toPlainText()) > MAX_REASON for w in self._reasons.values())
        self._override.setEnabled(not missing and not too_long)
        if too_long:
            self._message.show_error(self.tr("A reason is at most {n} characters long.").format(n=MAX_REASON))
        else:
            self._message.clear()

    def reasons(self) -> dict[str, str]:
        return {k: w.toPlainText().strip() for k, w in self._reasons.items()}


def ask_override_reasons(check, parent=None) -> dict[str, str] | None:
    """Show the conflicts of a core PlanCheck; the reasons {conflict key: reason} when the user
    overrides every one, None when they go back."""
    dialog = ConflictDialog(check, parent)
    try:
        return dialog.reasons() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def open_override_reasons(check, parent, answered) -> ConflictDialog:
    """The same question without a nested event loop (open(), not exec()): for a booking whose
    core call came back through the event loop (run_operation), where a nested exec() would
    hold everything that called into that loop (a test's waitUntil, a lock's wait) until the user
    answers. answered(reasons) runs when the user overrides every conflict, answered(None) when
    they go back (or the dialog is closed, e.g. by a lock). The dialog is deleted after."""
    dialog = ConflictDialog(check, parent)
    dialog.setObjectName("conflictDialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(code: int) -> None:
        answered(dialog.reasons() if code == QDialog.DialogCode.Accepted else None)

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
