"""Disable an account, and offer to replace the record key with it (issue 11: revocation that
revokes). Disabling removes the user's key slot and takes them out of every sealed section they
held; old copies of the key file (in backups) still unlock the record key with their password
until the record key is replaced. The work runs as a ProgressJob: first the disable, then the
rotation, whose new recovery key goes to a new file (written as `F.pending`, renamed to `F` once
the rotation is done). Cancel before the rotation began leaves the account disabled and the key
as it was."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QFileDialog, QLabel

from barnahus_app.errors import Cancelled

from ui.admin.core_dialog import _CoreDialog
from ui.common.field_widgets import PathRow
from ui.common.tasks import ProgressJob


class DisableDialog(_CoreDialog):
    """After it is accepted, `rotated_to` is the new recovery key's file if the key was replaced."""

    def __init__(self, session, user: dict, parent=None):
        super().__init__(self.tr("Disable an account"), parent)
        self.setObjectName("disableDialog")
        self.session, self.user = session, user
        self.rotated_to: Path | None = None
        self.job: ProgressJob | None = None
        intro = QLabel(self.tr(
            "{name} will no longer be able to unlock the record, and no longer holds the keys of the "
            "sealed parts of the record (such as the interviewer's notes), which get new keys. To "
            "enable the account again you will give them a new password.").format(name=user["display_name"]), self)
        intro.setWordWrap(True)
        self.form.add_wide(intro)
        why = QLabel(self.tr(
            "Copies of the key file in older backups still open the record with this account's "
            "password until the record key is replaced. Replace it if the account may be misused: "
            "a new recovery key is issued, and the old one no longer opens the record."), self)
        why.setWordWrap(True)
        self.form.add_wide(why)
        self.rotate = QCheckBox(self.tr("Also &replace the record key"), self)
        self.rotate.setObjectName("rotateKeyCheck")
        self.add_field("", self.rotate, "rotate", self.tr("Also replace the record key"))
        row = PathRow(self, self._browse, name="newRecoveryKeyFile",
                      text=str(Path.home() / "barnahus-new-recovery-key.txt"))
        self.to = row.edit
        self.key_row = row
        self.add_field(self.tr("New recovery key &file:"), row, "recovery_key_file", self.tr("New recovery key file"),
                       self.tr("A new file, readable by you only. Print it, lock the sheet away, then "
                               "delete the file."))
        row.setEnabled(False)
        self.rotate.toggled.connect(row.setEnabled)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Disable"))
        ok.setObjectName("disableButton")
        self.progress.setRange(0, 1000)
        self.setMinimumWidth(self.fontMetrics().height() * 34)
        self.rotate.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def _browse(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Save the new recovery key"), self.to.text(),
                                               self.tr("Text files (*.txt);;All files (*)"))
        if path:
            self.to.setText(path)

    def _submit(self) -> None:
        if self.running:
            return
        self.clear_messages()
        rotate = self.rotate.isChecked()
        target = self.to.text().strip() if rotate else None
        if rotate and not target:
            self.field_messages["recovery_key_file"].show_error(self.tr("Choose a file for the new recovery key."))
            return
        s, username = self.session, self.user["username"]

        def work(progress, cancel):   # on the worker: only the core
            if target is not None:
                from barnahus_app.record import rotation
                rotation.check_target(Path(target), "recovery_key_file")   # before anything is changed
            progress(0, 2)
            s.set_active(username, False)
            progress(1, 2)
            if target is None:
                return None
            if cancel():
                raise Cancelled("The account is disabled; the record key was not replaced.")
            s.rotate_record_key(recovery_key_file=target)
            progress(2, 2)
            return Path(target)

        self.job = ProgressJob(self, work)
        self.job.ticked.connect(lambda _d, _t: self.progress.setValue(self.job.value()))
        self.job.finished.connect(self._ended)
        self.message.show_info(self.tr("Disabling the account and replacing the record key…") if rotate
                               else self.tr("Disabling the account…"))
        self.progress.setValue(0)
        self.progress.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        for w in (self.rotate, self.key_row):
            w.setEnabled(False)
        self.job.start()

    def _ended(self, result, error) -> None:
        self.progress.hide()
        if isinstance(error, Cancelled):
            return   # reject() closes the dialog
        if error is not None:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
            self.rotate.setEnabled(True)
            self.key_row.setEnabled(self.rotate.isChecked())
            self.show_error(error)
            return
        self.rotated_to = result
        self.accept()

    def reject(self) -> None:
        """Cancel while working: the rotation is not begun (a disable already done stays done).
        A rotation already under way finishes: the dialog then ends accepted (_ended), so that
        the new recovery key's file is named, and is not closed again as cancelled."""
        if self.running:
            self.message.show_info(self.tr("Stopping before the record key is replaced…"))
            self.job.finished.connect(self._close_if_stopped)
            self.job.cancel()
            return
        super().reject()

    def _close_if_stopped(self, _result, _error) -> None:
        # A bound slot of this dialog: it runs on the GUI thread, after _ended.
        if self.isVisible():
            super().reject()
