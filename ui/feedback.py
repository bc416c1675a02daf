"""Messages shown to the user: the core's errors (translated where a translation exists), inline
messages under a form, and a calm dismissible message bar."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QStyle, QTableView, QWidget,
)

from barnahus_app.api import BarnahusError, ValidationError

# Fixed messages of the core, listed here so that lupdate offers them to translators. A message
# the list does not know is shown as the core wrote it (in English).
CORE_MESSAGES = (
    QT_TRANSLATE_NOOP("CoreMessages", "Wrong user name or password."),
    QT_TRANSLATE_NOOP("CoreMessages", "This session is closed; unlock the record again."),
    QT_TRANSLATE_NOOP("CoreMessages", "use 1 to 64 letters, digits, dots, hyphens or underscores."),
    QT_TRANSLATE_NOOP("CoreMessages", "must be at least 10 characters long."),
    QT_TRANSLATE_NOOP("CoreMessages", "must be at most 1024 characters long."),
    QT_TRANSLATE_NOOP("CoreMessages", "give at least one role."),
    QT_TRANSLATE_NOOP("CoreMessages", "give at least one role; disable the user instead."),
    QT_TRANSLATE_NOOP("CoreMessages", "the record must keep at least one active administrator."),
    QT_TRANSLATE_NOOP("CoreMessages", "is required."),
)

ROLE_LABELS = {
    "coordinator": QT_TRANSLATE_NOOP("Roles", "Coordinator / social worker"),
    "interviewer": QT_TRANSLATE_NOOP("Roles", "Forensic interviewer"),
    "medical": QT_TRANSLATE_NOOP("Roles", "Medical staff"),
    "therapist": QT_TRANSLATE_NOOP("Roles", "Therapist / psychologist"),
    "liaison": QT_TRANSLATE_NOOP("Roles", "Police / prosecution liaison"),
    "admin": QT_TRANSLATE_NOOP("Roles", "Administrator"),
}


def role_label(code: str) -> str:
    return QCoreApplication.translate("Roles", ROLE_LABELS.get(code, code))


def roles_text(codes) -> str:
    return ", ".join(role_label(c) for c in codes)


def _core(text: str) -> str:
    return QCoreApplication.translate("CoreMessages", text)


def validation_text(exc: ValidationError) -> str:
    """The message part of a ValidationError ("password: must be ..." -> "Must be ...")."""
    text = str(exc)
    prefix = f"{exc.field}: "
    if text.startswith(prefix):
        text = text[len(prefix):]
    text = _core(text)
    return text[:1].upper() + text[1:]


def core_message(exc: BaseException) -> str:
    """One calm line for any error a core call raised. Never the exception's arguments for
    errors outside the core's own (they might carry what was typed)."""
    if isinstance(exc, ValidationError):
        return validation_text(exc)
    if isinstance(exc, BarnahusError):
        return _core(str(exc))
    if isinstance(exc, OSError):
        return QCoreApplication.translate(
            "Messages", "The file could not be used ({reason}). Nothing was changed.").format(
            reason=exc.strerror or type(exc).__name__)
    return QCoreApplication.translate(
        "Messages", "Something unexpected went wrong ({kind}). Nothing was changed. If it happens "
        "again, tell your administrator what you were doing.").format(kind=type(exc).__name__)


class InlineMessage(QWidget):
    """A message under a form or a field: an icon and wrapped text; hidden while empty."""

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self._icon = QLabel(self)
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._text = QLabel(self)
        self._text.setWordWrap(True)
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        lay.addWidget(self._icon, 0)
        lay.addWidget(self._text, 1)
        self.setAccessibleName(self.tr("Message"))
        self.hide()

    def _show(self, text: str, pixmap: QStyle.StandardPixmap, bold: bool) -> None:
        size = self.fontMetrics().height()
        self._icon.setPixmap(self.style().standardIcon(pixmap).pixmap(size, size))
        font = QFont(self.font())
        font.setBold(bold)
        self._text.setFont(font)
        self._text.setText(text)
        self.setAccessibleDescription(text)
        self.show()

    def show_error(self, text: str) -> None:
        self._show(text, QStyle.StandardPixmap.SP_MessageBoxWarning, True)

    def show_info(self, text: str) -> None:
        self._show(text, QStyle.StandardPixmap.SP_MessageBoxInformation, False)

    def clear(self) -> None:
        self._text.clear()
        self.setAccessibleDescription("")
        self.hide()

    def text(self) -> str:
        return self._text.text() if not self.isHidden() else ""


class MessageBar(QFrame):
    """A calm notice at the top of the window, until the user dismisses it."""

    dismissed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        lay = QHBoxLayout(self)
        m = self.fontMetrics().height() // 2
        lay.setContentsMargins(m, m, m, m)
        lay.setSpacing(m)
        self._icon = QLabel(self)
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._text = QLabel(self)
        self._text.setWordWrap(True)
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        self._text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._close = QPushButton(self.tr("&Dismiss"), self)
        self._close.setAccessibleName(self.tr("Dismiss this message"))
        self._close.clicked.connect(self.dismiss)
        lay.addWidget(self._icon, 0)
        lay.addWidget(self._text, 1)
        lay.addWidget(self._close, 0, Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName(self.tr("Notice"))
        self.hide()

    def show_message(self, text: str) -> None:
        size = self.fontMetrics().height() * 3 // 2
        self._icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(size, size))
        self._text.setText(text)
        self.setAccessibleDescription(text)
        self.show()

    def text(self) -> str:
        return self._text.text() if not self.isHidden() else ""

    def dismiss(self) -> None:
        self._text.clear()
        self.hide()
        self.dismissed.emit()


class FieldGrid(QGridLayout):
    """Label | field rows, each with an optional hint and an inline message under the field.
    (A grid, not a QFormLayout: wrapped hints and messages under a field get their full height.)"""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setColumnStretch(1, 1)
        self._row = 0

    def add_field(self, label: str, widget: QWidget, hint: str = "", accessible: str = "") -> InlineMessage:
        owner = self.parentWidget()
        caption = QLabel(label, owner)
        caption.setBuddy(widget)
        widget.setAccessibleName(accessible or label.replace("&", "").rstrip(":"))
        tall = widget.sizeHint().height() > 2 * caption.sizeHint().height()  # e.g. a list of checkboxes
        self.addWidget(caption, self._row, 0, Qt.AlignmentFlag.AlignLeft
                       | (Qt.AlignmentFlag.AlignTop if tall else Qt.AlignmentFlag.AlignVCenter))
        self.addWidget(widget, self._row, 1)
        self._row += 1
        if hint:
            note = QLabel(hint, owner)
            note.setWordWrap(True)
            note.setTextFormat(Qt.TextFormat.PlainText)
            widget.setAccessibleDescription(hint)
            self.addWidget(note, self._row, 1)
            self._row += 1
        message = InlineMessage(owner)
        self.addWidget(message, self._row, 1)
        self._row += 1
        return message

    def add_wide(self, widget: QWidget) -> None:
        self.addWidget(widget, self._row, 0, 1, 2)
        self._row += 1


def setup_list_table(view: QTableView, row_height: int) -> None:
    """The read-only, one-row-at-a-time look every list of records shares (case list, Today)."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    view.setShowGrid(False)
    view.verticalHeader().hide()
    vh = view.verticalHeader()
    vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vh.setDefaultSectionSize(row_height)
