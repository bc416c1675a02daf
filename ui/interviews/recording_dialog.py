"""Registering a recording of an interview: where it is kept, its hash (computed on a worker)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QFileDialog, QHBoxLayout, QLineEdit, QRadioButton, QVBoxLayout, QWidget,
)

from barnahus_app.errors import Cancelled, ValidationError

from ui.common.feedback import core_message
from ui.common.field_widgets import PathRow
from ui.common.vocab_widgets import ChoiceCombo
from ui.interviews.shared import ActionDialog, text_box
from ui.interviews.hashing import HashJob


class RegisterRecordingDialog(ActionDialog):
    """Register a recording of the interview: the file is hashed (SHA-256) on a worker, with
    progress and cancel, and registered with where it is kept."""

    registered = Signal(int)

    def __init__(self, session, interview: dict, recordings: list[dict], parent=None):
        self.interview = interview
        self.masters = [r for r in recordings if r["copy_kind"] == "master"]
        self.job: HashJob | None = None
        self.recording_id: int | None = None
        super().__init__(session, parent)
        self.ok_button.setObjectName("registerButton")

    def build(self) -> None:
        em = self.fontMetrics().height()
        self.setMinimumWidth(em * 40)
        self.setWindowTitle(self.tr("Register a recording"))
        self.ok_text = self.tr("&Register")
        self.intro.setText(self.tr("The file stays where the centre keeps evidence. Its SHA-256 is computed now "
                                   "and never changes afterwards; later checks compare against it. A large "
                                   "file takes a few minutes."))
        row = PathRow(self, self._browse, name="recordingPath")
        self.path, self.browse = row.edit, row.button
        self.path.setAccessibleName(self.tr("File"))
        self.add_field("path", self.tr("&File:"), row, accessible=self.tr("File"))

        self.label = QLineEdit(self)
        self.label.setObjectName("recordingLabel")
        self.label.setMaxLength(200)
        self.add_field("label", self.tr("&Label:"), self.label, self.tr("Required, e.g. Master recording, camera 1."),
                       accessible=self.tr("Label"))
        self.storage = QLineEdit(self)
        self.storage.setObjectName("storageLocation")
        self.add_field("storage_location", self.tr("&Kept at:"), self.storage,
                       self.tr("Where the evidence is kept: a path, or the label of a removable drive. "
                               "Empty: the file's path."), accessible=self.tr("Storage location"))
        self.device = QLineEdit(self)
        self.device.setMaxLength(200)
        self.add_field("capture_device", self.tr("Capture &device:"), self.device, accessible=self.tr("Capture device"))

        kind = QWidget(self)
        kl = QVBoxLayout(kind)
        kl.setContentsMargins(0, 0, 0, 0)
        kl.setSpacing(2)
        self.as_master = QRadioButton(self.tr("&Master: the original from the recording equipment"), kind)
        self.as_working = QRadioButton(self.tr("&Working copy of:"), kind)
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.as_master)
        self.kind_group.addButton(self.as_working)
        self.as_master.setChecked(True)
        self.master = ChoiceCombo([(m["id"], m["label"]) for m in self.masters],
                                  placeholder_text=self.tr("Choose the master"))
        self.master.setAccessibleName(self.tr("Master it was copied from"))
        wl = QHBoxLayout()
        wl.addWidget(self.as_working)
        wl.addWidget(self.master, 1)
        kl.addWidget(self.as_master)
        kl.addLayout(wl)
        self.as_working.setEnabled(bool(self.masters))
        self.master.setEnabled(False)
        self.as_working.toggled.connect(self.master.setEnabled)
        kind.setFocusProxy(self.as_master)
        self.add_field("copy_kind", self.tr("Copy:"), kind, accessible=self.tr("Master or working copy"), top=True)
        self.messages["master_id"] = self.messages["copy_kind"]
        self.names["master_id"] = self.tr("Master")

        self.purpose = text_box(self, 2)
        self.add_field("purpose", self.tr("&Purpose:"), self.purpose,
                       self.tr("For a working copy that differs from its master: what was done to it "
                               "(e.g. redaction, conversion), so it can be repeated."),
                       accessible=self.tr("Purpose"), top=True)
        self.path.textChanged.connect(self._path_changed)

    def _browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Choose the recording"), self.path.text())
        if path:
            self.path.setText(path)

    def _path_changed(self, text: str) -> None:
        from pathlib import Path
        if text and not self.label.isModified() and not self.label.text():
            self.label.setText(Path(text).stem[:200])

    def accept(self) -> None:
        """Start the hashing; the dialog closes when the core has registered the recording."""
        if self.job is not None and self.job.running:
            return
        self.clear_messages()
        path = self.path.text().strip()
        if not path:
            self.messages["path"].show_error(self.tr("Choose the file of the recording."))
            self.path.setFocus()
            return
        working = self.as_working.isChecked()
        kwargs = dict(label=self.label.text(), storage_location=self.storage.text().strip() or None,
                      copy_kind="working" if working else "master",
                      master_id=self.master.value() if working else None,
                      capture_device=self.device.text() or None,
                      purpose=self.purpose.toPlainText() or None)
        iid = self.interview["id"]
        session = self.session

        def work(progress, cancel):
            return session.register_recording(iid, path, progress=progress, cancel=cancel, **kwargs)

        from pathlib import Path
        stopping = self.tr("Stopping…")
        self.job = HashJob(self, work, title=self.tr("Registering the recording"),
                           what=self.tr("Computing the SHA-256 of %1…").replace("%1", Path(path).name),
                           stopping=stopping, name="hashProgress")
        self.job.finished.connect(self._finished)
        self.job.cancelRequested.connect(lambda: self.general.show_info(stopping))
        self._set_busy(True)
        self.job.start()

    def _set_busy(self, busy: bool) -> None:
        for w in (self.ok_button, self.path, self.browse, self.label, self.storage, self.device, self.as_master,
                  self.as_working, self.purpose):
            w.setEnabled(not busy)
        self.master.setEnabled(not busy and self.as_working.isChecked())

    def _finished(self, result, error) -> None:
        self._set_busy(False)
        if error is None:
            self.recording_id = result
            self.done_ok = True
            QDialog.accept(self)
            self.registered.emit(result)
            return
        if isinstance(error, Cancelled):
            self.general.show_info(self.tr("Stopped. Nothing was registered."))
        elif isinstance(error, ValidationError) and error.field in self.messages:
            self.show_error(error)
        else:
            self.general.show_error(core_message(error))

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()  # the worker stops between two reads; nothing is written
        super().reject()


class CorrectLabelDialog(ActionDialog):
    """Correct a recording's label: an amendment kept beside the original (who, when, why); the
    SHA-256 and size stay as registered."""

    def __init__(self, session, recording: dict, parent=None):
        self.recording = recording
        super().__init__(session, parent)

    def build(self) -> None:
        self.setWindowTitle(self.tr("Correct the label"))
        self.ok_text = self.tr("&Correct")
        self.intro.setText(self.tr("The label it has now stays in its history, with who corrected it, when and "
                                   "why. The SHA-256 and the size never change."))
        self.label = QLineEdit(self.recording["label"], self)
        self.label.setObjectName("correctedLabel")
        self.label.setMaxLength(200)
        self.label.selectAll()
        self.add_field("label", self.tr("&Label:"), self.label, accessible=self.tr("Corrected label"))
        self.reason = text_box(self, 2)
        self.reason.setObjectName("correctionReason")
        self.add_field("reason", self.tr("&Why:"), self.reason, self.tr("Required, e.g. a typing error."),
                       accessible=self.tr("Why it is corrected"), top=True)

    def operation(self):
        s, rid = self.session, self.recording["id"]
        label, reason = self.label.text(), self.reason.toPlainText()
        return lambda: s.correct_recording_label(rid, label, reason)
