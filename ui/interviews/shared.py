"""What the Interviews page and its dialogs share: the words for the core's codes, times and sizes
as shown, the alarm colours of a failed fixity check, and the base of the dialogs that run one core
call."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication, QLabel, QPlainTextEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
)

from ui.common.feedback import FormDialog
from ui.common.dates import local_datetime_text


ID_ROLE = Qt.ItemDataRole.UserRole
ALARM_ROLE = Qt.ItemDataRole.UserRole + 1
ALARM_BACKGROUND = "#8b0000"   # the same dark red as the no-contact banner: white on it reads ~10:1
SHORT_HASH = 16


def local_time_text(utc_text: str | None, zone: str, with_date: bool = True) -> str:
    return local_datetime_text(utc_text, zone, style="datetime" if with_date else "time")


def duration_text(ms: int | None) -> str:
    if not ms:
        return ""
    s = int(ms // 1000)
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def size_text(n: int | None) -> str:
    return QLocale().formattedDataSize(int(n)) if n is not None else ""


def selectable_label(text: str, parent=None, wrap: bool = True) -> QLabel:
    lab = QLabel(text, parent)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setWordWrap(wrap)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return lab


class _Labels(QObject):
    """The words for the core's codes, in one place (lupdate sees each self.tr)."""

    def status(self, code: str) -> str:
        return {"planned": self.tr("Planned"), "held": self.tr("Held"),
                "not_held": self.tr("Not held: the child chose not to take part"),
                "cancelled": self.tr("Cancelled")}.get(code, code)

    def participation(self, code: str) -> str:
        return {"not_yet_asked": self.tr("Not asked yet"), "chose_to_take_part": self.tr("Chose to take part"),
                "chose_not_to": self.tr("Chose not to take part")}.get(code, code)

    def conflict(self, code: str) -> str:
        return {"room": self.tr("Room already booked"), "staff": self.tr("Staff member already booked"),
                "no_contact": self.tr("No-contact: these persons must never meet"),
                "testify_once": self.tr("The child testifies once"),
                "held_off_plan": self.tr("Held far from the planned time")}.get(code, code)

    def fixity(self, code: str) -> str:
        return {"unchecked": self.tr("Not checked yet"), "ok": self.tr("Unaltered"),
                "mismatch": self.tr("FAILED: contents differ"), "missing": self.tr("FAILED: file not found"),
                "destroyed": self.tr("Destroyed")}.get(code, code)

    def event(self, code: str, fallback: str = "") -> str:
        return {"acquired": self.tr("Acquired"), "copied_to": self.tr("Copied to"),
                "handed_to_police": self.tr("Handed to police"),
                "handed_to_prosecution": self.tr("Handed to prosecution"),
                "handed_to_court": self.tr("Handed to court"), "viewed": self.tr("Viewed"),
                "returned": self.tr("Returned"), "destroyed": self.tr("Destroyed"),
                "fixity_ok": self.tr("Fixity check: unaltered"),
                "fixity_mismatch": self.tr("FIXITY CHECK FAILED: contents differ"),
                "fixity_missing": self.tr("FIXITY CHECK FAILED: file not found")}.get(code, fallback or code)


_labels: _Labels | None = None


class AlarmDelegate(QStyledItemDelegate):
    """A cell of a failed fixity check stays white on dark red whether selected or not; the
    selection shows as a white frame, so the alarm never turns into an ordinary blue row."""

    def paint(self, painter, option, index):
        if not index.data(ALARM_ROLE):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        opt.state &= ~QStyle.StateFlag.State_Selected
        opt.backgroundBrush = QBrush(QColor(ALARM_BACKGROUND))
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            opt.palette.setColor(group, QPalette.ColorRole.Text, QColor("white"))
        painter.save()
        painter.fillRect(option.rect, QColor(ALARM_BACKGROUND))
        widget = opt.widget
        (widget.style() if widget is not None else QApplication.style()).drawControl(
            QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if selected:
            pen = QPen(QColor("white"))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawLine(option.rect.topLeft(), option.rect.topRight())
            painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        painter.restore()


def labels() -> _Labels:
    global _labels
    if _labels is None:
        _labels = _Labels(QCoreApplication.instance())
    return _labels


# --- dialogs that run one core call --------------------------------------------------------------
class ActionDialog(FormDialog):
    """The dialogs of the Interviews page, each running one core call: hints in a quieter colour."""

    muted_hints = True
    row_gap = 3


def text_box(parent, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box
