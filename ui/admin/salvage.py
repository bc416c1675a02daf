"""Salvage a damaged record into a new file: every row that can still be read is copied, and the
core's report says what could not be. The damaged record is only read. The work runs as a
ProgressJob (progress by table, Cancel leaves nothing at the destination)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox, QFileDialog, QLabel, QPlainTextEdit,
)

from ui.admin.core_dialog import _CoreDialog
from ui.common.field_widgets import PathRow
from ui.common.tasks import ProgressJob


class SalvageDialog(_CoreDialog):
    """Destination, the user's password (the record's key file unlocks with it, as for the
    command line's salvage), a progress bar with Cancel, and the report at the end. After a
    salvage, `salvaged` is the new record's path and `open_requested` whether the user chose to
    open it."""

    def __init__(self, record: Path, username: str, parent=None):
        super().__init__(self.tr("Salvage the record"), parent)
        self.setObjectName("salvageDialog")
        self.record, self.username = Path(record), username
        self.salvaged: Path | None = None
        self.report = None
        self.open_requested = False
        self.job: ProgressJob | None = None
        intro = QLabel(self.tr(
            "Every row of {name} that can still be read is copied into a new record, which opens with "
            "the same passwords and recovery key. The damaged file is only read, never changed. At "
            "the end you see exactly what could not be read.").format(name=self.record.name), self)
        intro.setWordWrap(True)
        self.form.add_wide(intro)
        row = PathRow(self, self._browse, name="salvageTo",
                      text=str(self.record.with_name(self.record.stem + "-salvaged" + self.record.suffix)))
        self.to = row.edit
        self.add_field(self.tr("&New file:"), row, "--to", self.tr("New file"),
                       self.tr("A new name, never the damaged record itself."))
        self.password = self.own_password("salvagePassword", self.tr("Signed in as {user}.").format(user=username))
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.setAccessibleName(self.tr("Salvage progress"))
        self.result_text = QPlainTextEdit(self)
        self.result_text.setObjectName("salvageReport")
        self.result_text.setReadOnly(True)
        self.result_text.setAccessibleName(self.tr("What the salvage copied and lost"))
        self.result_text.setMinimumHeight(self.fontMetrics().height() * 7)
        self.result_text.hide()
        self._layout.insertWidget(self._layout.indexOf(self.buttons), self.result_text)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Salvage"))
        ok.setObjectName("salvageButton")
        self.open_button = self.buttons.addButton(self.tr("&Open the new record"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setObjectName("openSalvagedButton")
        self.open_button.hide()
        self.open_button.clicked.connect(self._open_new)
        self.setMinimumWidth(self.fontMetrics().height() * 36)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def _browse(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Salvage into a new file"), self.to.text(),
                                               self.tr("Barnahus records (*.barnahus);;All files (*)"))
        if path:
            self.to.setText(path)

    def _submit(self) -> None:
        if self.running:
            return
        if self.salvaged is not None:   # the report is shown: OK is Close now
            self.accept()
            return
        self.clear_messages()
        to = self.to.text().strip()
        if not to:
            self.field_messages["--to"].show_error(self.tr("Choose a new file name."))
            return
        if not self.password.text():
            self.field_messages["password"].show_error(self.tr("Type your password."))
            return
        record, username, password, dest = self.record, self.username, self.password.text(), Path(to)

        def salvage(progress, cancel):   # on the worker: only the core
            from barnahus_app import api
            return api.salvage_record_file(record, dest, username, password, progress=progress, cancel=cancel)

        self.job = ProgressJob(self, salvage)
        self.job.ticked.connect(lambda _d, _t: self.progress.setValue(self.job.value()))
        self.job.finished.connect(lambda result, error: self._ended(dest, result, error))
        self.message.show_info(self.tr("Salvaging: reading every table of the damaged record…"))
        self.progress.setValue(0)
        self.progress.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        for w in (self.to, self.password):
            w.setEnabled(False)
        self.job.start()

    def _ended(self, dest: Path, report, error) -> None:
        self.progress.hide()
        self.password.clear()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(True)
        if error is not None:
            for w in (self.to, self.password):
                w.setEnabled(True)
            self.show_error(error)
            return
        self.salvaged, self.report = dest, report
        self.message.show_info(self.tr("Salvaged into {name}. The damaged record was not changed.").format(
            name=dest.name) if report.complete else self.tr(
            "Salvaged into {name}, but some rows could not be read (below). The damaged record was not "
            "changed.").format(name=dest.name))
        self.result_text.setPlainText("\n".join(report.lines()))
        self.result_text.show()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))   # room for the report
        ok.setText(self.tr("&Close"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.open_button.show()
        self.open_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_new(self) -> None:
        self.open_requested = True
        self.accept()

    def reject(self) -> None:
        """Cancel: while salvaging, ask the core to stop (it removes what it began); the dialog
        closes once it has."""
        if self.running:
            self.message.show_info(self.tr("Stopping the salvage…"))
            self.job.finished.connect(lambda _r, _e: super(SalvageDialog, self).reject())
            self.job.cancel()
            return
        super().reject()
