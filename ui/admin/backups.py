"""The Administration page's Backups box: back up now, the backups beside the record, restore one
to a new file, and the read-only check. Every action is a core call off the GUI thread."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QMessageBox, QProgressBar, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from barnahus_app.lifecycle import describe_backups, restore_backup
from barnahus_app.record.switching import interrupted_switch

from ui.admin.core_dialog import _CoreDialog
from ui.common.feedback import InlineMessage
from ui.common.field_widgets import PathRow
from ui.common.folders import export_folder
from ui.common.tasks import run_operation


def head_text(info) -> str:
    """An audit head as the CLI shows it: entry id and the first 16 hex digits of its hash."""
    return f"{info.audit_head[0]} {info.audit_head[1][:16]}" if info.audit_head else "—"


class RestoreDialog(_CoreDialog):
    """Restore one backup to a new file: the backup's own key file unlocks with the password."""

    def __init__(self, backup: Path, username: str, parent=None):
        super().__init__(self.tr("Restore a backup"), parent)
        self.backup, self.username, self.info = backup, username, None
        intro = QLabel(self.tr("The backup {name} is verified and copied to a new file. The record you have "
                               "open is not changed.").format(name=backup.name), self)
        intro.setWordWrap(True)
        self.form.add_wide(intro)
        row = PathRow(self, self._browse, name="restoreTo")
        self.to = row.edit
        self.add_field(self.tr("&New file:"), row, "--to", self.tr("New file"),
                       self.tr("A new name, never the record you have open."))
        self.password = self.own_password("restorePassword", self.tr(
            "The backup's key file unlocks with the password you had when it was made."))

    def _browse(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Restore to a new file"), self.to.text(),
                                               self.tr("Barnahus records (*.barnahus);;All files (*)"))
        if path:
            self.to.setText(path)

    def _submit(self) -> None:
        self.clear_messages()
        to = self.to.text().strip()
        if not to:
            self.field_messages["--to"].show_error(self.tr("Choose a new file name."))
            return
        backup, username, password = self.backup, self.username, self.password.text()

        def restore():
            return restore_backup(backup, Path(to), username, password)

        self.run(restore)

    def _done(self, info) -> None:
        self.info = info
        super()._done(info)


class SwitchDialog(_CoreDialog):
    """Confirm the switch to a restored record, saying what happens, and take the password that
    unlocks the restored file's key file. The switch itself runs after the record is locked
    (MainWindow.switch_to_restored): here nothing is changed."""

    def __init__(self, restored: Path, record: Path, parent=None):
        super().__init__(self.tr("Switch to the restored record"), parent)
        self.setObjectName("switchDialog")
        self.restored = restored
        text = self.tr(
            "The record {record} will be replaced by the restored record {name}.\n\n"
            "• This record is locked first; everyone must have closed it elsewhere.\n"
            "• The restored record is verified again, and only its administrator may switch to it.\n"
            "• The record now in use is not deleted: it is kept beside it as "
            "“{stem}.damaged-<date and time>{suffix}”, with its key file.\n"
            "• Whatever was entered after the backup was made is not in the restored record. How many "
            "audit entries that is is counted, shown to you and written in the audit trail.\n\n"
            "Then you unlock the record again.").format(
            record=record.name, name=restored.name, stem=record.stem, suffix=record.suffix)
        intro = QLabel(text, self)
        intro.setObjectName("switchExplanation")
        intro.setWordWrap(True)
        self.form.add_wide(intro)
        self.password = self.own_password("switchPassword", self.tr(
            "The restored record's key file unlocks with the password you had when the backup was made."))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Switch"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(False)
        self.setMinimumWidth(self.fontMetrics().height() * 36)

    def _submit(self) -> None:
        self.clear_messages()
        if not self.password.text():
            self.field_messages["password"].show_error(self.tr("Type your password."))
            return
        self.accept()


class BackupsBox(QGroupBox):
    openRecord = Signal(str)   # the path of a restored record the administrator chose to open
    switchRecord = Signal(str, str)   # a restored record to switch to, and the password that unlocks it

    def __init__(self, session, parent=None):
        super().__init__(self.tr("Backups"), parent)
        self.setObjectName("backupsBox")
        self.session = session
        self._backups: list = []
        self._select_name = ""   # after a backup: the file just made
        self._record_path: Path | None = None
        self._interrupted: dict | None = None   # the plan of a switch a crash interrupted
        self._reads = 0
        self._generation = 0
        bl = QVBoxLayout(self)
        note = QLabel(self.tr("Backups are encrypted copies in the folder “backups” beside the record, each "
                              "verified when it is written. Copy that folder to safe storage."), self)
        note.setWordWrap(True)
        bl.addWidget(note)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("backupsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Made (UTC)"), self.tr("Size"), self.tr("Audit head"),
                                              self.tr("SHA-256 manifest"), self.tr("File")])
        # The listing reads each audit head from the backup's seal, without the record's key.
        self.table.horizontalHeaderItem(2).setToolTip(self.tr("From the backup's audit seal (none for a "
                                                              "backup made before seals)."))
        self.table.setAccessibleName(self.tr("Backups beside the record"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        # A few rows: the users table above keeps the page's spare height.
        self.table.setMinimumHeight(self.fontMetrics().height() * 5)
        self.table.setMaximumHeight(self.fontMetrics().height() * 10)
        bl.addWidget(self.table)
        self.empty = QLabel(self.tr("No backups beside the record yet."), self)
        bl.addWidget(self.empty)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("&Back up now"), self)
        self.backup_button.setObjectName("backupNowButton")
        self.restore_button = QPushButton(self.tr("R&estore…"), self)
        self.restore_button.setObjectName("restoreButton")
        self.check_button = QPushButton(self.tr("C&heck the record"), self)
        self.check_button.setObjectName("checkRecordButton")
        self.salvage_button = QPushButton(self.tr("&Salvage…"), self)
        self.salvage_button.setObjectName("salvageRecordButton")
        self.switch_button = QPushButton(self.tr("S&witch to a restored record…"), self)
        self.switch_button.setObjectName("switchRestoredButton")
        self.switch_button.setToolTip(self.tr("Make a file restored from a backup the record; the record "
                                              "now in use is kept beside it."))
        self.seal_button = QPushButton(self.tr("Sea&l the audit trail…"), self)
        self.seal_button.setObjectName("sealAuditButton")
        self.seal_button.setToolTip(self.tr("Save the audit trail's current head, signed by the centre, to a "
                                            "file kept outside the record: a later check against it shows "
                                            "whether entries were removed or rewritten."))
        self.seal_button.setVisible(session.can("audit", "export"))
        self.check_seal_button = QPushButton(self.tr("Check a&gainst a seal…"), self)
        self.check_seal_button.setObjectName("checkSealButton")
        self.check_seal_button.setToolTip(self.tr("Check the record and prove that its audit trail still "
                                                  "holds the head in an audit seal kept outside it."))
        self.settings_button = QPushButton(self.tr("Backup se&ttings…"), self)
        self.settings_button.setObjectName("backupSettingsButton")
        self.settings_button.setVisible(session.can("record", "settings"))
        # Two rows, so the page fits a 1280-pixel screen: the backups, then the record file's checks.
        file_row = QHBoxLayout()
        for line, buttons in ((row, (self.backup_button, self.restore_button, self.switch_button, None,
                                     self.settings_button)),
                              (file_row, (self.check_button, self.check_seal_button, self.seal_button,
                                          self.salvage_button, None))):
            for b in buttons:
                if b is None:
                    line.addStretch(1)
                    continue
                b.setAutoDefault(False)
                line.addWidget(b)
            bl.addLayout(line)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)   # busy: the core reports no steps
        self.progress.setTextVisible(False)
        self.progress.hide()
        bl.addWidget(self.progress)
        self.message = InlineMessage(self)
        bl.addWidget(self.message)
        self.report = QLabel(self)
        self.report.setObjectName("checkReport")
        self.report.setWordWrap(True)
        self.report.hide()
        bl.addWidget(self.report)
        self.buttons = (self.backup_button, self.restore_button, self.check_button, self.switch_button,
                        self.salvage_button, self.seal_button, self.check_seal_button)
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.restore)
        self.check_button.clicked.connect(lambda: self.check())
        self.check_seal_button.clicked.connect(self.check_against_seal)
        self.switch_button.clicked.connect(self.choose_restored)
        self.salvage_button.clicked.connect(self.salvage)
        self.seal_button.clicked.connect(self.seal)
        self.settings_button.clicked.connect(self.open_settings)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self._selection_changed()

    # --- data ------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self._reads > 0

    def refresh(self) -> None:
        """Read the list of backups again (read-only, off the GUI thread)."""
        s, generation = self.session, self._generation

        def read():
            path = Path(s.record_info()["path"])
            return path, describe_backups(path), interrupted_switch(path)

        def shown(answer) -> None:
            if generation == self._generation:
                self._record_path, rows, self._interrupted = answer
                self._show(rows)

        self._reads += 1
        run_operation(self, read, shown, errors=self.message, on_finished=self._read_done)

    def _read_done(self) -> None:
        self._reads -= 1

    def _show(self, rows: list) -> None:
        self._backups = rows
        self.table.setRowCount(len(rows))
        for r, info in enumerate(rows):
            values = (info.made_at, self.tr("{n} KiB").format(n=info.size // 1024), head_text(info),
                      self._manifest_text(info.manifest), info.path.name)
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(v))
        self.empty.setVisible(not rows)
        made = [r for r, info in enumerate(rows) if info.path.name == self._select_name]
        if made:
            self.table.selectRow(made[0])
        elif rows and not self.table.selectionModel().selectedRows():
            self.table.selectRow(len(rows) - 1)   # the list is oldest first
        self._select_name = ""
        self._selection_changed()

    def _manifest_text(self, state: str) -> str:
        return {"matches": self.tr("matches"), "DIFFERS": self.tr("DIFFERS — do not restore"),
                "no manifest": self.tr("no manifest")}.get(state, state)

    def clear(self) -> None:
        self._generation += 1
        self._backups = []
        self.table.setRowCount(0)
        self.report.clear()
        self.report.hide()
        self.message.clear()

    def selected_backup(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._backups):
            return None
        return self._backups[rows[0].row()]

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)

    # --- actions ---------------------------------------------------------------------------
    def _busy(self, text: str) -> None:
        self.message.show_info(text)
        self.report.hide()
        self.progress.show()

    def _idle(self) -> None:
        self.progress.hide()
        self._selection_changed()

    def back_up(self) -> None:
        self._busy(self.tr("Backing up and verifying the copy…"))

        def done(target: str) -> None:
            self.message.show_info(self.tr("Backed up to {name}. The copy was verified.").format(
                name=Path(target).name))
            self._select_name = Path(target).name
            self.refresh()

        run_operation(self, self.session.backup, done, errors=self.message, hold=self.buttons,
                      on_finished=self._idle)

    def check_against_seal(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Check against an audit seal"), str(Path.home()),
                                               self.tr("Audit seals (*.seal);;All files (*)"))
        if path:
            self.check(Path(path))

    def check(self, seal: Path | None = None) -> None:
        """The read-only check (with seal: also against that audit seal), off the GUI thread."""
        self._busy(self.tr("Checking the record (read-only)…"))

        def shown(report) -> None:
            if report.ok:
                self.message.show_info(self.tr("The check found no problem."))
            elif not report.anchored:
                self.message.show_error(self.tr("The audit trail does not match what was sealed or quoted outside "
                                                "the record, or the seal is not the centre's (see below). Keep "
                                                "this copy for inspection and report it."))
            else:
                self.message.show_error(self.tr("The check found a problem. Restore from a backup, or keep "
                                                "this copy for inspection."))
            self.report.setText("\n".join(report.lines()))
            self.report.show()

        session = self.session
        run_operation(self, lambda: session.check(seal), shown, errors=self.message, hold=self.buttons,
                      on_finished=self._idle)

    def seal(self) -> None:
        """An audit seal in a file the administrator chooses (the save dialog asks before
        replacing one), written by the core off the GUI thread."""
        from datetime import datetime, timezone
        suggested = str(export_folder(self.session) / f"audit-seal-{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}.seal")
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Seal the audit trail"), suggested,
                                               self.tr("Audit seals (*.seal);;All files (*)"))
        if not path:
            return
        self._busy(self.tr("Sealing the audit trail…"))
        session, target = self.session, Path(path)

        def done(seal: dict) -> None:
            head = seal["audit_head"]
            text = self.tr("Sealed the audit trail in {name}: entry {id}, {count} entries.").format(
                name=target.name, id=head["id"], count=seal["audit_entries"])
            if seal.get("signature"):
                text += " " + self.tr("Signed by the centre. Keep the file outside the record (another drive, "
                                      "a letter); a check against it shows whether entries were removed or "
                                      "rewritten since.")
                self.message.show_info(text)
            else:
                text += " " + self.tr("It is NOT signed: the centre has no signing certificate yet, so it "
                                      "proves nothing by itself.")
                self.message.show_error(text)

        run_operation(self, lambda: session.seal_audit_trail(target, replace=True), done,
                      errors=self.message, hold=self.buttons, on_finished=self._idle)

    def open_settings(self) -> None:
        from ui.admin.backup_settings import BackupSettingsDialog
        dlg = BackupSettingsDialog(self.session, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.message.show_info(self.tr("The backup settings were saved."))

    def restore(self) -> None:
        backup = self.selected_backup()
        if backup is None:
            return
        dlg = RestoreDialog(backup.path, self.session.username, self)
        if dlg.exec() != QDialog.DialogCode.Accepted or dlg.info is None:
            return
        self.restored(dlg.info)

    def restored(self, info) -> None:
        """Say what was restored, that the live record was not changed, and offer to open it."""
        text = self.tr("Restored to {path}.\n\nThe backup was written {made}; its audit head is {head}. It was "
                       "verified. The record you have open was not changed.").format(
            path=str(info.path), made=info.made_at, head=head_text(info))
        self.message.show_info(self.tr("Restored to {name}. The record you have open was not changed.")
                               .format(name=info.path.name))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Backup restored"), text,
                          QMessageBox.StandardButton.Close, self)
        open_button = box.addButton(self.tr("&Open the restored record"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Close)
        switch_button = box.addButton(self.tr("&Switch to the restored record…"), QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if box.clickedButton() is open_button:
            self.openRecord.emit(str(info.path))
        elif box.clickedButton() is switch_button:
            self.confirm_switch(info.path)

    def record_path(self) -> Path | None:
        """The record's file, as the last read of the list found it (None before it)."""
        return self._record_path

    def choose_restored(self) -> None:
        """Choose a file restored earlier (in the record's folder) and confirm the switch."""
        if self.record_path() is None:
            return
        if self._interrupted and self._interrupted.get("restored"):
            self.confirm_switch(Path(self._interrupted["restored"]))   # finish it: the same file
            return
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Switch to a restored record"),
                                               str(self.record_path().parent),
                                               self.tr("Barnahus records (*.barnahus);;All files (*)"))
        if path:
            self.confirm_switch(Path(path))

    def confirm_switch(self, restored: Path) -> None:
        if self.record_path() is None:
            return
        dlg = SwitchDialog(Path(restored), self.record_path(), self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.switchRecord.emit(str(restored), dlg.password.text())

    def salvage(self) -> None:
        """Every readable row of this record into a new file (ui/admin/salvage.py), then offer it."""
        from ui.admin.salvage import SalvageDialog
        dlg = SalvageDialog(Path(self.session.record_info()["path"]), self.session.username, self)
        dlg.exec()
        if dlg.salvaged is not None and dlg.open_requested:
            self.openRecord.emit(str(dlg.salvaged))
