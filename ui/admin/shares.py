"""Administration: split the recovery key into k-of-n word shares (barnahus_app/record/shares.py).

How many shares, and how many are needed -> the core call (Session.split_recovery_key, audited)
-> one page per holder: "Share 2 of 5", its 33 words, Print… and Save to a file…, then the next.
Only one share is ever on the screen; the shares are forgotten when the dialog closes."""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QTextDocument
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QProgressBar,
    QPushButton, QSpinBox, QStackedWidget, QVBoxLayout, QWidget,
)

from barnahus_app.errors import BarnahusError
from barnahus_app.files import write_file_safely
from barnahus_app.record.shares import MAX_SHARES, MIN_SHARES, numbered_rows, share_file_text

from ui.common.feedback import FieldGrid, InlineMessage, allow_lock, bold, core_message
from ui.common.icons import icon
from ui.common.printing import print_with_dialog
from ui.common.tasks import run_operation


def _plain(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class SplitRecoveryKeyDialog(QDialog):
    """k and n, then each share on a page of its own."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.shares: list[str] = []
        self.index = 0
        self.handed: set[int] = set()   # shares printed or saved
        self.running = False
        self.setWindowTitle(self.tr("Split the recovery key"))
        self.setModal(True)
        em = self.fontMetrics().height()
        self.setMinimumWidth(em * 38)
        lay = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        lay.addWidget(self.stack)
        self.stack.addWidget(self._build_choice())
        self.stack.addWidget(self._build_share_page())
        self.message = InlineMessage(self)
        lay.addWidget(self.message)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        lay.addWidget(self.progress)
        self.buttons = QDialogButtonBox(self)
        self.split_button = self.buttons.addButton(self.tr("&Split"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.next_button = self.buttons.addButton(self.tr("&Next share"), QDialogButtonBox.ButtonRole.ActionRole)
        self.finish_button = self.buttons.addButton(self.tr("&Finish"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        lay.addWidget(self.buttons)
        self.split_button.clicked.connect(self.split)
        self.next_button.clicked.connect(self.next_share)
        self.finish_button.clicked.connect(self.finish)
        self.cancel_button.clicked.connect(self.close_asking)
        self._show_buttons()
        allow_lock(self, parent)
        self.finished.connect(self._forget)
        self.n_spin.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building ----------------------------------------------------------------------------
    def _build_choice(self) -> QWidget:
        page = QWidget(self)
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(bold(QLabel(self.tr("Split the recovery key into shares"), page), 1.2))
        v.addWidget(_plain(self.tr(
            "Give each of several trusted people one share of the recovery key, so that no single "
            "person holds the whole record. Any number of them you choose together open the record "
            "(with the shares typed on the unlock screen); fewer reveal nothing. Each share is a list "
            "of 33 words, shown here one at a time, to print or save for its holder."), page))
        grid = FieldGrid()
        self.n_spin = QSpinBox(page)
        self.n_spin.setRange(MIN_SHARES, MAX_SHARES)
        self.n_spin.setValue(5)
        self.k_spin = QSpinBox(page)
        self.k_spin.setRange(MIN_SHARES, MAX_SHARES)
        self.k_spin.setValue(3)
        for w in (self.n_spin, self.k_spin):
            w.setFixedWidth(self.fontMetrics().height() * 5)
        self.n_message = grid.add_field(self.tr("Shares to &make:"), self.n_spin, self.tr(
            "One for each holder, at most {max}.").format(max=MAX_SHARES), self.tr("Shares to make"))
        self.k_message = grid.add_field(self.tr("Shares nee&ded to open the record:"), self.k_spin, self.tr(
            "At least {min}. With 3 of 5, any two holders may be away or lose their share.")
            .format(min=MIN_SHARES), self.tr("Shares needed to open the record"))
        v.addLayout(grid)
        v.addWidget(_plain(self.tr(
            "The recovery key itself keeps opening the record: lock it away or destroy it, as the "
            "centre decides. Replacing the record key (a key rotation) makes the shares useless; "
            "split the new recovery key again then."), page))
        v.addStretch(1)
        self.n_spin.valueChanged.connect(lambda n: self.k_spin.setMaximum(n))
        return page

    def _build_share_page(self) -> QWidget:
        page = QWidget(self)
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        self.share_title = bold(QLabel(page), 1.2)
        self.share_title.setObjectName("shareTitle")
        v.addWidget(self.share_title)
        self.share_note = _plain("", page)
        v.addWidget(self.share_note)
        self.words = QLabel(page)
        self.words.setObjectName("shareWords")
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(self.font().pointSizeF() * 1.15)
        self.words.setFont(font)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        centred = QHBoxLayout()   # the block in the middle, its columns aligned
        centred.addStretch(1)
        centred.addWidget(self.words)
        centred.addStretch(1)
        v.addSpacing(self.fontMetrics().height() // 2)
        v.addLayout(centred)
        v.addSpacing(self.fontMetrics().height() // 2)
        row = QHBoxLayout()
        self.print_button = QPushButton(icon("print"), self.tr("&Print…"), page)
        self.save_button = QPushButton(icon("save"), self.tr("Sa&ve to a file…"), page)
        for b in (self.print_button, self.save_button):
            b.setAutoDefault(False)
            row.addWidget(b)
        row.addStretch(1)
        v.addLayout(row)
        v.addStretch(1)
        self.print_button.clicked.connect(self.print_share)
        self.save_button.clicked.connect(self.save_share)
        return page

    def _show_buttons(self) -> None:
        choosing = self.stack.currentIndex() == 0
        last = bool(self.shares) and self.index == len(self.shares) - 1
        self.split_button.setVisible(choosing)
        self.next_button.setVisible(not choosing and not last)
        self.finish_button.setVisible(not choosing and last)
        default = self.split_button if choosing else self.finish_button if last else self.next_button
        default.setDefault(True)

    # --- splitting -----------------------------------------------------------------------------
    def split(self) -> None:
        if self.running:
            return
        k, n = self.k_spin.value(), self.n_spin.value()
        self.message.clear()
        self.running = True
        self.progress.show()
        run_operation(self, lambda: self.session.split_recovery_key(k, n), self._split_done,
                      on_failure=self._split_failed, hold=(self.split_button, self.k_spin, self.n_spin),
                      on_finished=self._finished)

    def _finished(self) -> None:
        self.running = False
        self.progress.hide()

    def _split_done(self, shares: list[str]) -> None:
        self.shares = list(shares)
        self.k = self.k_spin.value()
        self.index = 0
        self.stack.setCurrentIndex(1)
        self._show_share()
        self.adjustSize()   # the share's page is taller than the choice

    def _split_failed(self, error: BaseException) -> None:
        self.message.show_error(core_message(error))

    def ordinal(self, n: int) -> str:
        words = (self.tr("first"), self.tr("second"), self.tr("third"), self.tr("fourth"), self.tr("fifth"),
                 self.tr("sixth"), self.tr("seventh"), self.tr("eighth"), self.tr("ninth"), self.tr("tenth"),
                 self.tr("eleventh"), self.tr("twelfth"), self.tr("thirteenth"), self.tr("fourteenth"),
                 self.tr("fifteenth"), self.tr("sixteenth"))
        return words[n - 1]

    def _show_share(self) -> None:
        number, n = self.index + 1, len(self.shares)
        self.share_title.setText(self.tr("Share {i} of {n} — give it to the {ordinal} holder").format(
            i=number, n=n, ordinal=self.ordinal(number)))
        self.share_note.setText(self.tr(
            "Any {k} of the {n} shares together open the record. Print this share or save it for "
            "its holder, then go on to the next: it replaces this one on the screen.").format(k=self.k, n=n))
        self.words.setText("\n".join(numbered_rows(self.shares[self.index], 3)))
        self.words.setAccessibleName(self.tr("The words of share {i}").format(i=number))
        self.message.clear()
        self._show_buttons()
        self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def next_share(self) -> None:
        if self.index + 1 < len(self.shares):
            self.index += 1
            self._show_share()

    # --- handing a share over ----------------------------------------------------------------
    def share_document(self) -> QTextDocument:
        esc = html.escape
        number, n = self.index + 1, len(self.shares)
        mono = esc(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family())
        title = self.tr("Barnahus Case Record: recovery key share {i} of {n}").format(i=number, n=n)
        need = self.tr("Any {k} of the {n} shares together open the record; fewer reveal nothing.").format(
            k=self.k, n=n)
        keep = self.tr("Keep this page locked away, apart from the computer that holds the record. Hand "
                       "it over only when the record has to be recovered. Do not photograph it or e-mail it.")
        rows = "<br/>".join(esc(r).replace(" ", "&nbsp;") for r in numbered_rows(self.shares[self.index], 3))
        doc = QTextDocument()
        doc.setHtml(f"<h1>{esc(title)}</h1><p>{esc(need)}</p>"
                    f"<p style=\"font-family: '{mono}'; font-size: 14pt; margin-top: 18px; "
                    f"margin-bottom: 18px;\">{rows}</p><p>{esc(keep)}</p>")
        return doc

    def print_share(self) -> None:
        number = self.index + 1
        if print_with_dialog(self, self.share_document(),
                             self.tr("Barnahus recovery key share {i}").format(i=number),
                             self.tr("Print share {i}").format(i=number)):
            self.handed.add(self.index)
            self.message.show_info(self.tr("Share {i} was sent to the printer. Check that the page came "
                                           "out whole.").format(i=number))

    def choose_file(self) -> str:
        number, n = self.index + 1, len(self.shares)
        start = str(Path.home() / f"share-{number}-of-{n}.txt")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save share {i}").format(i=number), start,
                                              self.tr("Text files (*.txt)"))
        return path

    def save_share(self) -> None:
        path = self.choose_file()
        if not path:
            return
        number, n = self.index + 1, len(self.shares)
        try:
            write_file_safely(path, share_file_text(self.shares[self.index], number, self.k, n), "file",
                              replace=True)   # the save dialog asked before replacing
        except (BarnahusError, OSError) as e:
            self.message.show_error(core_message(e))
            return
        self.handed.add(self.index)
        self.message.show_info(self.tr(
            "Share {i} was saved to {path} (readable by you only). Give the file to its holder, "
            "then delete it here.").format(i=number, path=path))

    # --- leaving -------------------------------------------------------------------------------
    def finish(self) -> None:
        if len(self.handed) < len(self.shares):
            self.close_asking()
        else:
            self.accept()

    def _forget(self, _result: int = 0) -> None:
        """However the dialog closes (a lock too, which rejects without asking), the shares are
        forgotten (a slot of `finished`)."""
        self.shares = []
        self.words.clear()

    def close_asking(self) -> None:
        """Cancel, Esc, or Finish before every share was printed or saved: ask first."""
        if self.shares and len(self.handed) < len(self.shares):
            answer = QMessageBox.question(
                self, self.tr("Close before every share is handed out?"),
                self.tr("Not every share was printed or saved, and the shares are not shown again. "
                        "To give every holder a share, split the recovery key again and hand out "
                        "that new set: shares of two splits cannot be combined.\n\nClose anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.reject()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.key() == Qt.Key.Key_Escape:
            self.close_asking()
            return
        super().keyPressEvent(event)
