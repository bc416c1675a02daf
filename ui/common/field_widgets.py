"""Form building blocks for the case workspace: optional dates, a field row with its inline
validation message and a read-only view, and a Form that ties a set of rows together.

No rule about what a value may be lives here: the core's ValidationError decides, and Form only
shows its message beside the field it names.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QObject, Qt, QTime, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox, QDateTimeEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from barnahus_app.timeutil import zone_info

from ui.common.dates import centre_zone, zone_qdatetime
from ui.common.feedback import field_message
from ui.common.vocab_widgets import ChoiceCombo, VocabChecklist

DATETIME_FORMAT = "yyyy-MM-dd HH:mm"


def _qdatetime_from_utc_iso(utc_iso: str) -> QDateTime:
    return zone_qdatetime(utc_iso)   # the centre's wall clock


def _iso_from_qdatetime(qdt: QDateTime) -> str:
    d, t = qdt.date(), qdt.time()
    naive = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())
    return naive.replace(tzinfo=zone_info(centre_zone())).isoformat()  # the centre's wall clock, with its offset


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_color(palette: QPalette) -> QColor:
    """A red that reads on the current window colour (WCAG AA on both light and dark)."""
    return QColor("#ff8a80") if is_dark(palette) else QColor("#a4000f")


# --- optional dates -------------------------------------------------------------------------
class _OptionalTime(QWidget):
    """A check box (e.g. "Done") that switches a date-and-time editor on. Off = no value."""

    valueChanged = Signal(object)

    def __init__(self, editor: QDateTimeEdit, check_text: str, parent=None,
                 required: bool = False):
        super().__init__(parent)
        self.editor = editor
        self.required = required

        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(check_text, self)
        if required:
            self.check.setChecked(True)
            self.check.hide()
        lay.addWidget(self.check)
        lay.addWidget(editor, 1)
        self.now_button = QPushButton(self)
        self.now_button.setAutoDefault(False)
        lay.addWidget(self.now_button)
        editor.setCalendarPopup(True)
        # Off: no date is shown at all, so nobody reads a greyed-out date as a recorded one.
        editor.setVisible(self.check.isChecked())
        self.now_button.setVisible(self.check.isChecked())
        lay.addStretch(0)
        self.check.toggled.connect(self._toggled)
        self.now_button.clicked.connect(self.set_now)
        editor.dateTimeChanged.connect(lambda _v: self._emit())
        self.setFocusProxy(self.check if not required else editor)

    def _toggled(self, on: bool) -> None:
        self.editor.setVisible(on)
        self.now_button.setVisible(on)
        if on and self.check.hasFocus():  # the user ticked it: go on to the date
            self.editor.setFocus()
        self._emit()

    def _emit(self) -> None:
        self.valueChanged.emit(self.value())

    def set_now(self) -> None:
        raise NotImplementedError

    def value(self):
        raise NotImplementedError

    def set_accessible_name(self, name: str) -> None:
        self.editor.setAccessibleName(name)
        self.check.setAccessibleName(name)


class OptionalDateTimeEdit(_OptionalTime):
    """Date and time at the centre; value() is ISO 8601 with the centre's UTC offset (the core stores UTC)."""

    def __init__(self, parent=None, *, check_text: str = "", required: bool = False):
        editor = QDateTimeEdit()
        editor.setDisplayFormat(DATETIME_FORMAT)
        super().__init__(editor, check_text, parent, required)
        self.now_button.setText(self.tr("Now"))
        self.now_button.setToolTip(self.tr("Set to the current date and time"))
        self.set_now() if required else editor.setDateTime(zone_qdatetime())

    def set_now(self) -> None:
        now = zone_qdatetime()
        self.editor.setDateTime(QDateTime(now.date(), QTime(now.time().hour(), now.time().minute())))

    def value(self) -> str | None:
        if not self.check.isChecked():
            return None
        return _iso_from_qdatetime(self.editor.dateTime())

    def set_value(self, utc_iso: str | None) -> None:
        self.blockSignals(True)
        if utc_iso:
            try:
                self.editor.setDateTime(_qdatetime_from_utc_iso(utc_iso))
            except ValueError:
                pass
        self.check.setChecked(bool(utc_iso) or self.required)
        self.blockSignals(False)
        self._emit()

    def display_text(self) -> str:
        v = self.value()
        return self.editor.dateTime().toString(DATETIME_FORMAT) if v else ""


# --- one field: editor, read-only view, inline message ----------------------------------------
class FieldRow(QWidget):
    """The right-hand side of a form row: the editor (or, read-only, a selectable label), an
    optional hint under it, and the validation message for this field when there is one."""

    changed = Signal()

    def __init__(self, name: str, label: str, editor: QWidget, hint: str = "", parent=None):
        super().__init__(parent)
        self.name = name
        self.label_text = label
        self.editor = editor
        self.read_only = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(editor)
        self.view = QLabel(self)
        self.view.setWordWrap(True)
        self.view.setTextFormat(Qt.TextFormat.PlainText)
        self.view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.view.setAccessibleName(label)
        self.view.hide()
        lay.addWidget(self.view)
        self.hint = QLabel(hint, self)
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        hp = self.hint.palette()
        hp.setColor(QPalette.ColorRole.WindowText, hp.color(QPalette.ColorRole.PlaceholderText))
        self.hint.setPalette(hp)
        self.hint.setVisible(bool(hint))
        lay.addWidget(self.hint)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setObjectName("fieldError")
        self.error.hide()
        f = self.error.font()
        f.setBold(True)
        self.error.setFont(f)
        lay.addWidget(self.error)
        self._paint_error()
        self._set_accessible(label)
        self._connect()
        self.setFocusProxy(editor)

    # editor adapters ---------------------------------------------------------------------------
    def _set_accessible(self, label: str) -> None:
        if hasattr(self.editor, "set_accessible_name"):
            self.editor.set_accessible_name(label)
        elif isinstance(self.editor, QCheckBox) and self.editor.text():
            # "Emergency: Remove the child from harm at once", not just "Emergency"
            self.editor.setAccessibleName(f"{label}: {self.editor.text()}")
        else:
            self.editor.setAccessibleName(label)

    def _connect(self) -> None:
        e = self.editor
        if isinstance(e, QLineEdit):
            e.textChanged.connect(self.changed)
        elif isinstance(e, QPlainTextEdit):
            e.textChanged.connect(self.changed)
        elif isinstance(e, QCheckBox):
            e.toggled.connect(self.changed)
        elif isinstance(e, ChoiceCombo) or isinstance(e, _OptionalTime):
            e.valueChanged.connect(self.changed)
        elif isinstance(e, VocabChecklist):
            e.valuesChanged.connect(self.changed)

    def value(self):
        e = self.editor
        if isinstance(e, QLineEdit):
            return e.text() or None
        if isinstance(e, QPlainTextEdit):
            return e.toPlainText() or None
        if isinstance(e, QCheckBox):
            return e.isChecked()
        if isinstance(e, VocabChecklist):
            return e.values()
        return e.value()

    def set_value(self, value) -> None:
        e = self.editor
        if isinstance(e, QLineEdit):
            e.setText(value or "")
            e.setCursorPosition(0)
        elif isinstance(e, QPlainTextEdit):
            e.setPlainText(value or "")
        elif isinstance(e, QCheckBox):
            e.setChecked(bool(value))
        elif isinstance(e, VocabChecklist):
            e.set_values(value or [])
        else:
            e.set_value(value)
        self._refresh_view()

    def display_text(self) -> str:
        e = self.editor
        if isinstance(e, QCheckBox):
            return self.tr("Yes") if e.isChecked() else self.tr("No")
        if isinstance(e, (QLineEdit, QPlainTextEdit)):
            return self.value() or ""
        return e.display_text()

    # read-only and errors -----------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.editor.setVisible(not read_only)
        self.view.setVisible(read_only)
        self.hint.setVisible(bool(self.hint.text()) and not read_only)
        self.setFocusProxy(self.view if read_only else self.editor)
        self._refresh_view()

    def _refresh_view(self) -> None:
        if self.read_only:
            self.view.setText(self.display_text() or self.tr("Not recorded"))

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.editor.setAccessibleDescription(message)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
        self.editor.setAccessibleDescription("")

    def has_error(self) -> bool:
        return not self.error.isHidden()

    def _paint_error(self) -> None:
        pal = self.error.palette()
        pal.setColor(QPalette.ColorRole.WindowText, error_color(self.palette()))
        self.error.setPalette(pal)

    def changeEvent(self, event):  # noqa: N802 (Qt name): follow a light/dark switch
        if event.type() == event.Type.PaletteChange:
            self._paint_error()
        super().changeEvent(event)

    def focus_editor(self) -> None:
        target = self.view if self.read_only else self.editor
        target.setFocus(Qt.FocusReason.OtherFocusReason)


class Form(QObject):
    """Named FieldRows laid out in a QFormLayout (labels wrap above fields when narrow)."""

    changed = Signal()

    def __init__(self, layout: QFormLayout | None = None, parent=None):
        super().__init__(parent)
        self.layout = layout or QFormLayout()
        # Set explicitly: a form inherits its parent layout's spacing otherwise.
        self.layout.setVerticalSpacing(8)
        self.layout.setHorizontalSpacing(16)
        self.layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.rows: dict[str, FieldRow] = {}
        self.labels: dict[str, QLabel] = {}

    def add(self, name: str, label: str, editor: QWidget, hint: str = "", span: bool = False) -> FieldRow:
        """span: the field takes the whole row (a heading above already names it); the label
        text stays its accessible name and prefixes its messages."""
        row = FieldRow(name, label, editor, hint)
        lab = QLabel(label, row)   # owned by Qt, so never destroyed by a collection on a worker thread
        lab.setBuddy(editor)
        lab.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        if span:
            lab.hide()
            self.layout.addRow(row)
        else:
            self.layout.addRow(lab, row)
        self.rows[name] = row
        self.labels[name] = lab
        row.changed.connect(self.changed)
        return row

    def add_heading(self, text: str) -> QLabel:
        lab = QLabel(text)
        f = lab.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.1)
        lab.setFont(f)
        lab.setContentsMargins(0, 12, 0, 2)
        lab.setAccessibleName(text)
        self.layout.addRow(lab)
        return lab

    def set_row_visible(self, name: str, visible: bool) -> None:
        self.layout.setRowVisible(self.rows[name], visible)

    def values(self, names=None) -> dict:
        return {n: r.value() for n, r in self.rows.items() if names is None or n in names}

    def set_values(self, values: dict) -> None:
        for n, v in values.items():
            if n in self.rows:
                self.rows[n].set_value(v)

    def set_read_only(self, read_only: bool, names=None) -> None:
        for n, r in self.rows.items():
            if names is None or n in names:
                r.set_read_only(read_only)

    def show_error(self, name: str, message: str) -> FieldRow | None:
        row = self.rows.get(name)
        if row is not None:
            row.show_error(field_message(self.labels[name].text().replace("&", ""), message))
        return row

    def clear_errors(self) -> None:
        for r in self.rows.values():
            r.clear_error()


class PathRow(QWidget):
    """A file path with a Browse… button beside it; the row hands the focus to the path."""

    def __init__(self, parent, browse, *, name: str = "", text: str = ""):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(text, self)
        self.edit.setObjectName(name)
        # (the translation context of the documents' path row, where this began)
        self.button = QPushButton(QCoreApplication.translate("_PathRow", "&Browse…"), self)
        self.button.setAutoDefault(False)
        self.button.clicked.connect(browse)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.button)
        self.setFocusProxy(self.edit)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt name): the edit is what is read
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def setAccessibleDescription(self, text: str) -> None:  # noqa: N802
        super().setAccessibleDescription(text)
        self.edit.setAccessibleDescription(text)
