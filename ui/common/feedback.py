"""Messages shown to the user: the core's errors (translated where a translation exists), inline
messages under a form, and a calm dismissible message bar; the form dialog built on them, and the
small pieces of look and behaviour the screens share."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSize, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QFont, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QScrollArea, QSizePolicy, QTableView, QVBoxLayout, QWidget,
)

from barnahus_app.api import BarnahusError, RecordDamaged, ValidationError

from ui.common.tasks import run_operation


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


class DamageNotice(QObject):
    """Emits met() whenever an error shown to the user says the record file is damaged, from
    whichever page's core call it came: the main window then offers to lock and reopen the record
    read-only (ui/shell/damaged.py)."""

    met = Signal()


_damage_notice: list[DamageNotice] = []


def damage_notice() -> DamageNotice:
    if not _damage_notice:
        _damage_notice.append(DamageNotice())
    return _damage_notice[0]


def core_message(exc: BaseException) -> str:
    """One calm line for any error a core call raised. Never the exception's arguments for
    errors outside the core's own (they might carry what was typed). Every error shown passes
    here, so a damaged record is noticed here too (damage_notice)."""
    if isinstance(exc, RecordDamaged):
        damage_notice().met.emit()
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


def scroll_area(widget: QWidget) -> QScrollArea:
    """widget in a frameless scroll area that resizes it, so that a page or a dialog's body fits
    a small screen. The area itself is no stop of the Tab key (the widget's fields are)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(widget)
    return area


class FillingPage(QWidget):
    """A page for scroll_area() that fills the area and scrolls only below its least height. A
    plain widget with wrapped labels is laid out at its preferred height instead, which puts
    most of a page of tables out of sight at once."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())

    def heightForWidth(self, width: int) -> int:
        lay = self.layout()
        return lay.totalMinimumHeightForWidth(width) if lay is not None else super().heightForWidth(width)


def plural(text: str, n: int) -> str:
    """English without a translation keeps lupdate's "(s)": "1 day", "3 days". A translation
    gives its own numerus forms and has no "(s)" left."""
    return text.replace("(s)", "" if n == 1 else "s") if "(s)" in text else text


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

    def show_failure(self, exc: BaseException) -> None:
        """A core call's error, as one calm line (run_operation's `errors`)."""
        self.show_error(core_message(exc))

    def show_error(self, text: str) -> None:
        from PySide6.QtWidgets import QStyle   # not at start-up: its enums cost 3.5 ms
        self._show(text, QStyle.StandardPixmap.SP_MessageBoxWarning, True)

    def show_info(self, text: str) -> None:
        from PySide6.QtWidgets import QStyle
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

    def show_failure(self, exc: BaseException) -> None:
        """A core call's error, as one calm line (run_operation's `errors`)."""
        self.show_message(core_message(exc))

    def show_message(self, text: str) -> None:
        from PySide6.QtWidgets import QStyle
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
    (A grid, not a QFormLayout: wrapped hints and messages under a field get their full height.)
    muted_hints: hints in the placeholder colour, quieter than the labels."""

    def __init__(self, parent=None, *, muted_hints: bool = False):
        super().__init__(parent)
        self.setColumnStretch(1, 1)
        self._row = 0
        self._muted = muted_hints
        self.last_row: list[QWidget] = []   # the caption, the field and its hint, if any, just added

    def add_field(self, label: str, widget: QWidget, hint: str = "", accessible: str = "",
                  top: bool | None = None) -> InlineMessage:
        """top: the label beside the field's first line (True) or its middle (False); None: the
        first line if the field is taller than two lines (e.g. a list of checkboxes)."""
        caption = QLabel(label, self.parentWidget())
        caption.setBuddy(focus_target(widget))
        return self.add_row(caption, widget, hint, accessible or label.replace("&", "").rstrip(":"), top)

    def add_row(self, caption: QLabel, widget: QWidget, hint: str, accessible: str,
                top: bool | None = None) -> InlineMessage:
        """A row whose caption the caller made (e.g. a field of two editors, each with its label)."""
        owner = self.parentWidget()
        widget.setAccessibleName(accessible)
        if top is None:
            top = widget.sizeHint().height() > 2 * caption.sizeHint().height()
        self.addWidget(caption, self._row, 0, Qt.AlignmentFlag.AlignLeft
                       | (Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignVCenter))
        self.addWidget(widget, self._row, 1)
        self._row += 1
        self.last_row = [caption, widget]
        if hint:
            note = QLabel(hint, owner)
            note.setWordWrap(True)
            note.setTextFormat(Qt.TextFormat.PlainText)
            if self._muted:
                muted(note)
            widget.setAccessibleDescription(hint)
            self.addWidget(note, self._row, 1)
            self._row += 1
            self.last_row.append(note)
        message = InlineMessage(owner)
        self.addWidget(message, self._row, 1)
        self._row += 1
        return message

    def add_wide(self, widget: QWidget) -> None:
        self.addWidget(widget, self._row, 0, 1, 2)
        self._row += 1


def focus_target(widget: QWidget) -> QWidget:
    """The widget that takes the focus for widget: a label's mnemonic goes to its buddy
    itself, not through a row's focus proxy."""
    while widget.focusProxy() is not None:
        widget = widget.focusProxy()
    return widget


def muted(label: QLabel) -> QLabel:
    """A hint's quieter colour: the palette's placeholder text."""
    pal = label.palette()
    pal.setColor(QPalette.ColorRole.WindowText, pal.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(pal)
    return label


def field_message(label: str, message: str) -> str:
    """The core's message put after the field's label: "Given name is required.",
    or "Languages: 'xx' is not a language code such as sv, ar or uk."
    """
    if message.startswith(("is ", "must ", "contains ", "needs ", "takes ")):
        return f"{label} {message}"
    return f"{label}: {message}"


def bold(label: QLabel, scale: float = 1.0) -> QLabel:
    f = QFont(label.font())
    f.setBold(True)
    if scale != 1.0:
        f.setPointSizeF(f.pointSizeF() * scale)
    label.setFont(f)
    return label


def begin_page(page: QWidget, title: str) -> tuple[QVBoxLayout, QHBoxLayout, QLabel]:
    """The top of a main page (Today, Calendar): its layout, and the first row with the page's
    title in large bold type. Returns (the page's layout, that row, the title)."""
    em = page.fontMetrics().height()
    outer = QVBoxLayout(page)
    outer.setContentsMargins(12, 12, 12, 8)
    outer.setSpacing(em // 2)
    top = QHBoxLayout()
    heading = bold(QLabel(title, page), 1.35)
    top.addWidget(heading)
    return outer, top, heading


def tinted_box(parent: QWidget, name: str = "") -> tuple[QFrame, QVBoxLayout]:
    """A framed panel in the alternate base colour that stays calm in light and dark mode (e.g.
    the child's interview count, always in view), and its column layout."""
    box = QFrame(parent)
    box.setObjectName(name)
    box.setFrameShape(QFrame.Shape.StyledPanel)
    box.setAutoFillBackground(True)
    box.setBackgroundRole(QPalette.ColorRole.AlternateBase)
    em = box.fontMetrics().height()
    col = QVBoxLayout(box)
    col.setContentsMargins(em * 2 // 3, em // 2, em * 2 // 3, em // 2)
    return box, col


def allow_lock(dialog: QDialog, parent: QWidget | None) -> None:
    """Ctrl+L locks from inside the dialog as well (the lock closes it first). The main window's
    lock action is looked for up the windows, so a dialog opened over another dialog has it too."""
    top = parent.window() if parent is not None else None
    while top is not None:
        lock = top.findChild(QAction, "lockAction")
        if lock is not None:
            dialog.addAction(lock)
            return
        above = top.parentWidget()
        top = above.window() if above is not None else None


def open_dialog(owner: QWidget, dialog: QDialog, on_accepted: Callable[[QDialog], None]) -> QDialog:
    """Show a dialog window-modally (open(), not exec(): the app's event loop keeps running),
    deleted when it closes. owner.dialog names it while it is open (tests and the lock find it
    there); on_accepted(dialog) runs if it was accepted."""
    owner.dialog = dialog
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(code: int) -> None:
        if owner.dialog is dialog:
            owner.dialog = None
        if code == QDialog.DialogCode.Accepted:
            on_accepted(dialog)

    dialog.finished.connect(finished)
    dialog.open()
    return dialog


class FormDialog(QDialog):
    """Fields with inline messages under them, a message for the whole form, OK and Cancel.
    build() adds the fields (add_field) and sets ok_text. OK calls operation(), which reads the
    fields and returns the core call to make; that call runs off the GUI thread (run_operation),
    with OK and Cancel held meanwhile, and the dialog closes only when the core accepts it: if the
    core refuses, it stays open with the core's message beside the field it names, or under the
    fields."""

    ok_text = ""
    width_em = 32       # the least width, in line heights
    spaced = True       # half a line between the parts, a line between label and field (else the style's)
    row_gap = 4         # (spaced) the grid's rows a line / row_gap apart
    muted_hints = False
    ALIASES: dict[str, str] = {}   # ValidationError.field names of the core shown beside another field
    REFUSALS: tuple[type[BaseException], ...] = (BarnahusError,)   # run() errors shown, not raised

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.done_ok = False
        self.running = False   # the core call of OK is under way
        em = self.fontMetrics().height()
        self.setMinimumWidth(em * self.width_em)
        self.setModal(True)
        lay = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.intro)
        self.grid = FieldGrid(muted_hints=self.muted_hints)
        if self.spaced:
            lay.setSpacing(em // 2)
            self.grid.setHorizontalSpacing(em)
            self.grid.setVerticalSpacing(em // self.row_gap)
        lay.addLayout(self.grid)
        self.messages: dict[str, InlineMessage] = {}
        self.names: dict[str, str] = {}
        self.rows: dict[str, list[QWidget]] = {}
        self.general = InlineMessage(self)
        self.general.setObjectName("dialogMessage")
        self.build()
        lay.addWidget(self.general)
        lay.addStretch(1)
        from PySide6.QtWidgets import QDialogButtonBox   # not at start-up: 1.6 ms of enums
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        allow_lock(self, parent)

    def build(self) -> None:
        raise NotImplementedError

    def operation(self) -> Callable[[], object]:
        """Read the fields (on the GUI thread) and return the core call to make with them (run on
        the record's thread: it must not touch a widget). May raise a refusal (e.g. a
        ValidationError about a field) to stop before any call."""
        raise NotImplementedError

    def succeeded(self, result) -> None:
        """The core accepted the call (result: what it returned); the dialog closes after this."""

    def add_field(self, name: str, label: str, widget: QWidget, hint: str = "", accessible: str = "",
                  top: bool | None = None) -> None:
        self.names[name] = accessible or label.replace("&", "").rstrip(":")
        self.messages[name] = self.grid.add_field(label, widget, hint, accessible, top)
        self.rows[name] = self.grid.last_row

    def set_row_visible(self, name: str, visible: bool) -> None:
        for w in self.rows[name]:
            w.setVisible(visible)
        if not visible:
            self.messages[name].clear()

    def clear_messages(self) -> None:
        for m in (*self.messages.values(), self.general):
            m.clear()

    def show_failure(self, exc: BaseException) -> None:
        """A core call's error (run_operation's `errors`): beside the field it names."""
        self.show_error(exc)

    def show_error(self, exc: BaseException) -> None:
        """The core's message beside the field it names ("Reason is required."), or under the
        form for anything else."""
        field = getattr(exc, "field", None)
        field = self.ALIASES.get(field, field)
        if isinstance(exc, ValidationError) and field in self.messages:
            raw = exc.message
            text = _core(raw)
            if raw[:1].islower():
                text = field_message(self.names[field], text)
            self.messages[field].show_error(text)
        else:
            self.general.show_error(core_message(exc))
        self.grow_to_fit()

    def grow_to_fit(self) -> None:
        """Taller if what is shown now (a message wrapped over lines, a row shown) needs it: a
        dialog already on screen does not grow by itself, and its rows would overlap."""
        lay = self.layout()
        lay.activate()
        need = lay.totalHeightForWidth(self.width()) if lay.hasHeightForWidth() else lay.totalSizeHint().height()
        if need > self.height():
            self.resize(self.width(), need)

    def error_texts(self) -> list[str]:
        return [m.text() for m in (*self.messages.values(), self.general) if m.text()]

    def accept(self) -> None:
        if self.running:
            return
        self.clear_messages()
        try:
            call = self.operation()
        except self.REFUSALS as exc:   # shown calmly; the core changed nothing
            self.show_error(exc)
            return
        self.running = True
        run_operation(self, call, self._accepted, errors=self, hold=(self.buttons,),
                      on_finished=self._finished)

    def reject(self) -> None:
        if not self.running:   # the call goes on either way: the dialog waits for its answer
            super().reject()

    def _finished(self) -> None:
        self.running = False

    def _accepted(self, result) -> None:
        self.succeeded(result)
        self.done_ok = True
        super().accept()


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


ID_ROLE = Qt.ItemDataRole.UserRole   # the row's record id on each of its cells


def row_items(values: list[str], row_id=None) -> list[QStandardItem]:
    """Read-only cells of one row, each carrying the row's id (ID_ROLE)."""
    out = []
    for v in values:
        it = QStandardItem(v)
        it.setEditable(False)
        it.setData(row_id, ID_ROLE)
        it.setToolTip(v if len(v) > 24 else "")   # a cell may be cut short
        out.append(it)
    return out


def read_only_table(parent: QWidget, name: str, headers: list[str], accessible: str, widths: list[int],
           stretch: int | None = None) -> tuple[QTableView, QStandardItemModel]:
    """A read-only list of rows; widths: of the columns before the last (at least the header's);
    stretch: the column that takes what is left (default: the last)."""
    em = parent.fontMetrics().height()
    fm = parent.fontMetrics()
    model = QStandardItemModel(0, len(headers), parent)
    model.setHorizontalHeaderLabels(headers)
    view = QTableView(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    setup_list_table(view, em + 12)
    hh = view.horizontalHeader()
    hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    hh.setHighlightSections(False)
    hh.setStretchLastSection(stretch is None)
    for col, w in enumerate(widths):
        hh.resizeSection(col, max(w, fm.horizontalAdvance(headers[col]) + em))
    if stretch is not None:
        hh.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view, model


def empty_label(parent: QWidget) -> QLabel:
    """The muted sentence that stands where a list has no rows."""
    lab = QLabel(parent)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    muted(lab)
    return lab
