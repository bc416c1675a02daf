"""Pickers for the controlled vocabularies (barnahus_app.vocab) and other fixed choices.

Single choice: VocabCombo (a combo box). Several choices: VocabChecklist (a list of checkable
terms; Space toggles the current term). Retired terms are hidden from both, except a retired term
that is already set on the record: it stays visible, marked "(no longer offered)", so that opening
and saving a record never silently drops a value.

These widgets hold codes, never labels: the core validates the codes when the record is saved.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QListWidget, QListWidgetItem

from barnahus_app import vocab

CODE_ROLE = Qt.ItemDataRole.UserRole


def label_language() -> str:
    """The language for vocabulary labels: the application's locale (set when the user picks a
    language in settings), falling back to English inside Term.label()."""
    return QLocale().name().split("_")[0] or "en"


def term_label(vocab_name: str, code: str | None) -> str:
    """The label of a code in the user's language ("" for no value)."""
    if not code:
        return ""
    return vocab.vocabulary(vocab_name).label(code, label_language())


def jurisdiction_choices() -> list[tuple[str, str]]:
    lang = label_language()
    return [(j["code"], j["label"].get(lang) or j["label"].get("en") or j["code"])
            for j in vocab.jurisdictions()]


def _retired_suffix() -> str:
    return QCoreApplication.translate("VocabWidgets", "(no longer offered)")


class ChoiceCombo(QComboBox):
    """A combo box of (value, label) choices.

    empty_text: the label of the "no value" entry (e.g. "Not recorded"); None means a value is
    required: the box then starts on a placeholder (placeholder_text) until the user chooses.
    """

    valueChanged = Signal(object)

    def __init__(self, choices=(), parent=None, *, empty_text: str | None = None,
                 placeholder_text: str = ""):
        super().__init__(parent)
        self._empty_text = empty_text
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        if placeholder_text:
            self.setPlaceholderText(placeholder_text)
        self.set_choices(choices)
        self.currentIndexChanged.connect(lambda _i: self.valueChanged.emit(self.value()))

    def set_choices(self, choices, keep_value: bool = True) -> None:
        before = self.value() if self.count() else None
        current = before if keep_value else None
        was_blocked = self.blockSignals(True)
        self.clear()
        if self._empty_text is not None:
            self.addItem(self._empty_text, None)
        for value, label in choices:
            self.addItem(label, value)
        self.set_value(current)
        self.blockSignals(was_blocked)
        if self.value() != before and not was_blocked:
            self.valueChanged.emit(self.value())

    def value(self):
        i = self.currentIndex()
        return self.itemData(i) if i >= 0 else None

    def set_value(self, value) -> None:
        if value is None:
            self.setCurrentIndex(0 if self._empty_text is not None else -1)
            return
        i = self.findData(value)
        if i < 0:
            i = self._add_unlisted(value)
        self.setCurrentIndex(i)

    def _add_unlisted(self, value) -> int:
        self.addItem(str(value), value)
        return self.count() - 1

    def display_text(self) -> str:
        return self.currentText() if self.value() is not None else ""


class VocabCombo(ChoiceCombo):
    """Single choice from one vocabulary (vocab.multi is False)."""

    def __init__(self, vocab_name: str, parent=None, *, empty_text: str | None = None,
                 placeholder_text: str = ""):
        self.vocab_name = vocab_name
        lang = label_language()
        terms = vocab.vocabulary(vocab_name).terms
        choices = [(t.code, t.label(lang)) for t in terms if not t.retired]
        super().__init__(choices, parent, empty_text=empty_text, placeholder_text=placeholder_text)

    def _add_unlisted(self, value) -> int:
        # A retired term (or one a centre removed from its files) that the record already holds.
        label = term_label(self.vocab_name, value)
        self.addItem(f"{label} {_retired_suffix()}", value)
        return self.count() - 1


class VocabChecklist(QListWidget):
    """Several choices from one vocabulary: checkable terms. Space or a click toggles a term."""

    valuesChanged = Signal(list)

    def __init__(self, vocab_name: str, parent=None, *, visible_rows: int = 8):
        super().__init__(parent)
        self.vocab_name = vocab_name
        self._visible_rows = visible_rows
        self._read_only = False
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Long labels wrap rather than end in "…": "payment in money" and "payment in
        # lodging" must stay distinguishable at any width.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        lang = label_language()
        for t in vocab.vocabulary(vocab_name).terms:
            if not t.retired:
                self._add(t.code, t.label(lang))
        self.itemChanged.connect(lambda _item: self.valuesChanged.emit(self.values()))

    def _add(self, code, label: str, row: int | None = None) -> QListWidgetItem:
        item = QListWidgetItem(label)
        self.insertItem(self.count() if row is None else row, item)
        item.setData(CODE_ROLE, code)
        item.setCheckState(Qt.CheckState.Unchecked)
        self._apply_flags(item)
        return item

    def insert_choice(self, row: int, code, label: str, checked: bool = False) -> None:
        """A choice from outside the vocabulary (a record the case holds), at `row`; its code is
        what values() gives for it."""
        self._add(code, label, row).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _apply_flags(self, item: QListWidgetItem) -> None:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._read_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        item.setFlags(flags)

    def values(self) -> list[str]:
        return [self.item(i).data(CODE_ROLE) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_values(self, codes) -> None:
        codes = list(codes or [])
        was_blocked = self.blockSignals(True)
        present = {self.item(i).data(CODE_ROLE): self.item(i) for i in range(self.count())}
        for code in codes:
            if code not in present:
                present[code] = self._add(code, f"{term_label(self.vocab_name, code)} {_retired_suffix()}")
        for code, item in present.items():
            item.setCheckState(Qt.CheckState.Checked if code in codes else Qt.CheckState.Unchecked)
        self.blockSignals(was_blocked)
        if not was_blocked:
            self.valuesChanged.emit(self.values())

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for i in range(self.count()):
            self._apply_flags(self.item(i))

    def display_text(self) -> str:
        return "\n".join(self.item(i).text() for i in range(self.count())
                         if self.item(i).checkState() == Qt.CheckState.Checked)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        rows = min(max(self.count(), 3), self._visible_rows)
        row_h = self.sizeHintForRow(0) if self.count() else self.fontMetrics().height() + 6
        frame = 2 * self.frameWidth()
        return QSize(super().sizeHint().width(), rows * row_h + frame + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())
