"""Fixity checks of a recording or a medical image: the check itself, and the alarm nobody can
overlook when the contents differ or the file is gone (the stored hash is never changed). The
evidence is a dict with its "label", "sha256", "storage_location" and "file_name"."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QFrame, QHBoxLayout, QLabel, QStyle, QVBoxLayout,
)

from barnahus_app.errors import Cancelled

from ui.common.feedback import bold, open_dialog
from ui.common.field_widgets import PathRow
from ui.interviews.shared import ALARM_BACKGROUND, ActionDialog, selectable_label
from ui.interviews.hashing import HashJob


class FixityAlarmDialog(QDialog):
    """A loud, unmistakable alarm: the recording or image is not what was registered (or is gone)."""

    def __init__(self, result, evidence: dict, parent=None, *, image: bool = False):
        super().__init__(parent)
        self.setObjectName("fixityAlarm")
        self.setModal(True)
        missing = result.status == "missing"
        self.setWindowTitle(self.tr("FIXITY CHECK FAILED"))
        em = self.fontMetrics().height()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, em // 2)
        band = QFrame(self)
        band.setObjectName("fixityAlarmBand")
        band.setAutoFillBackground(True)
        pal = band.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
            pal.setColor(group, QPalette.ColorRole.Window, QColor(ALARM_BACKGROUND))
            pal.setColor(group, QPalette.ColorRole.WindowText, QColor("white"))
        band.setPalette(pal)
        bl = QHBoxLayout(band)
        bl.setContentsMargins(em, em, em, em)
        bl.setSpacing(em)
        icon = QLabel(band)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(em * 3, em * 3))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        bl.addWidget(icon)
        head = QVBoxLayout()
        title = bold(QLabel(self.tr("FIXITY CHECK FAILED"), band), 1.6)
        title.setObjectName("fixityAlarmTitle")
        head.addWidget(title)
        what = (self.tr("The file was not found where it is kept.") if missing else
                self.tr("The file's contents are NOT the contents that were registered."))
        sub = bold(QLabel(what, band), 1.15)
        sub.setWordWrap(True)
        head.addWidget(sub)
        bl.addLayout(head, 1)
        lay.addWidget(band)

        body = QVBoxLayout()
        body.setContentsMargins(em, em // 2, em, 0)
        body.setSpacing(em // 2)
        kept = bold(selectable_label(self.tr("The stored hash was NOT changed. The SHA-256 taken at registration "
                                         "stays the reference; this failure is now an entry in the chain of "
                                         "custody and in the audit trail."), self))
        kept.setObjectName("fixityAlarmKept")
        body.addWidget(kept)
        grid = QFormLayout()
        grid.setHorizontalSpacing(em)
        grid.addRow(self.tr("Image:") if image else self.tr("Recording:"),
                    selectable_label(evidence.get("label") or "", self))
        grid.addRow(self.tr("Checked file:"), selectable_label(result.checked_path, self))
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        exp = selectable_label(result.expected_sha256, self, wrap=False)
        exp.setFont(mono)
        grid.addRow(self.tr("SHA-256 at registration:"), exp)
        got = selectable_label(result.computed_sha256 or self.tr("(no file to hash)"), self, wrap=False)
        got.setFont(mono)
        grid.addRow(self.tr("SHA-256 found now:"), got)
        body.addLayout(grid)
        advice = selectable_label(self.tr("Do not use this copy as evidence. Tell the person responsible for the "
                                     "evidence store, find an intact copy, and check it."), self)
        body.addWidget(advice)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(self.tr("I have &read this"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("fixityAlarmAcknowledge")
        buttons.accepted.connect(self.accept)
        body.addWidget(buttons)
        lay.addLayout(body)
        self.setMinimumWidth(em * 44)
        self.setAccessibleDescription(" ".join([title.text(), what, kept.text()]))


class FixityCheckDialog(ActionDialog):
    """Re-hash a copy of a recording (or, with image=True, a medical image) where it is kept and
    compare with the registered SHA-256."""

    checked = Signal(object)

    def __init__(self, session, evidence: dict, parent=None, *, image: bool = False):
        self.evidence = evidence
        self.image = image
        self.job: HashJob | None = None
        self.result = None
        super().__init__(session, parent)
        self.ok_button.setObjectName("checkButton")

    def build(self) -> None:
        r = self.evidence
        em = self.fontMetrics().height()
        self.setMinimumWidth(em * 40)
        self.setWindowTitle(self.tr("Check fixity"))
        self.ok_text = self.tr("&Check")
        self.intro.setText(self.tr("The copy is hashed again and compared with the SHA-256 taken when it was "
                                   "registered. The result is recorded in the chain of custody; the registered "
                                   "hash never changes."))
        self.add_field("recording", self.tr("Image:") if self.image else self.tr("Recording:"),
                       selectable_label(r["label"], self))
        sha = selectable_label(r["sha256"], self, wrap=False)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        sha.setFont(mono)
        self.add_field("sha", self.tr("Registered SHA-256:"), sha)
        row = PathRow(self, self._browse, name="fixityPath", text=r.get("storage_location") or "")
        self.path, self.browse = row.edit, row.button
        self.path.setAccessibleName(self.tr("File to check"))
        self.add_field("path", self.tr("&File to check:"), row,
                       self.tr("Where this copy is kept now (a removable drive may be mounted elsewhere)."),
                       accessible=self.tr("File to check"))

    def _browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Choose the copy to check"), self.path.text())
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        if self.job is not None and self.job.running:
            return
        self.clear_messages()
        path = self.path.text().strip() or None
        eid = self.evidence["id"]
        check = self.session.check_image_fixity if self.image else self.session.check_fixity
        stopping = self.tr("Stopping…")
        self.job = HashJob(self, lambda progress, cancel: check(eid, path, progress, cancel),
                           title=self.tr("Checking fixity"), what=self.tr("Computing the SHA-256 of %1…")
                           .replace("%1", path or self.evidence.get("file_name") or ""),
                           stopping=stopping, name="hashProgress")
        self.job.finished.connect(self._finished)
        self.job.cancelRequested.connect(lambda: self.general.show_info(stopping))
        self.ok_button.setEnabled(False)
        self.job.start()

    def _finished(self, result, error) -> None:
        self.ok_button.setEnabled(True)
        if error is not None:
            if isinstance(error, Cancelled):
                self.general.show_info(self.tr("Stopped. Nothing was recorded."))
            else:
                self.show_error(error)
            return
        self.result = result
        self.done_ok = True
        QDialog.accept(self)
        self.checked.emit(result)

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
        super().reject()


def report_fixity(parent, message, result, evidence: dict, *, image: bool = False) -> None:
    """Say the check's result in the page's message; a failed check also raises the alarm."""
    label = evidence.get("label") or ""
    if result.ok:
        message.show_info(QCoreApplication.translate(
            "FixityCheckDialog", "Fixity check of %1: unaltered. The SHA-256 matches the one taken at "
            "registration.").replace("%1", label))
        return
    message.show_error(QCoreApplication.translate(
        "FixityCheckDialog", "FIXITY CHECK FAILED for %1. The registered SHA-256 was not changed.").replace("%1", label))
    open_dialog(parent, FixityAlarmDialog(result, evidence, parent, image=image), lambda d: None)
