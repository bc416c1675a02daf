"""A damaged record (issue 12): what the unlock screen and the main window show instead of a dead
end. The banner says calmly what happened and what to do: open the record read-only, restore a
verified backup to a new file, or salvage what can still be read into a new file. The damaged
file itself is never changed by any of them.

A read-only session shows no case content (the core refuses every audited action there: it cannot
write the audit entry), so the main window shows only this banner and the Backups box: the
listing, the check, restore and salvage. Imported only once a record turned out to be damaged."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
    QPushButton, QStyle, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ui.admin.backups import BackupsBox, RestoreDialog, head_text
from ui.admin.salvage import SalvageDialog
from ui.common.feedback import InlineMessage, bold, core_message, tinted_box
from ui.common.tasks import run_operation


class DamagedBanner(QFrame):
    """The notice about a damaged record. On the unlock screen (`actions=True`) it offers Open
    read-only, Restore a backup… and Salvage…; in the main window's read-only view it only says
    where the record stands (the Backups box below it holds the actions)."""

    openReadOnly = Signal()
    restoreRequested = Signal()
    salvageRequested = Signal()

    def __init__(self, parent=None, *, actions: bool = True):
        super().__init__(parent)
        self.setObjectName("damagedBanner")
        box, col = tinted_box(self, "damagedBannerBox")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(box)
        em = self.fontMetrics().height()
        top = QHBoxLayout()
        top.setSpacing(em // 2)
        sign = QLabel(box)
        sign.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(em * 3 // 2))
        sign.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(sign, 0)
        texts = QVBoxLayout()
        self.title = bold(QLabel(box), 1.1)
        self.title.setWordWrap(True)
        self.text = QLabel(box)
        self.text.setObjectName("damagedText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts.addWidget(self.title)
        texts.addWidget(self.text)
        top.addLayout(texts, 1)
        col.addLayout(top)
        self.read_only_button = QPushButton(self.tr("Open rea&d-only"), box)
        self.read_only_button.setObjectName("openReadOnlyButton")
        self.restore_button = QPushButton(self.tr("Restore a &backup…"), box)
        self.restore_button.setObjectName("restoreBackupButton")
        self.salvage_button = QPushButton(self.tr("Sal&vage…"), box)
        self.salvage_button.setObjectName("salvageButton")
        row = QHBoxLayout()
        for b in (self.read_only_button, self.restore_button, self.salvage_button):
            b.setAutoDefault(False)
            row.addWidget(b)
            b.setVisible(actions)
        row.addStretch(1)
        col.addLayout(row)
        self.read_only_button.clicked.connect(self.openReadOnly)
        self.restore_button.clicked.connect(self.restoreRequested)
        self.salvage_button.clicked.connect(self.salvageRequested)
        self.setAccessibleName(self.tr("The record is damaged"))
        self.hide()

    def show_damage(self, error: BaseException | None = None) -> None:
        """On the unlock screen: the core's message, and whether opening read-only can help."""
        opens = getattr(error, "opens_read_only", True)
        self.title.setText(self.tr("The record file is damaged"))
        if opens:
            text = self.tr(
                "A part of the record file failed its check, so it cannot be opened for work. Nothing "
                "offered here changes the damaged file, and your backups are not touched.\n\n"
                "To look at it, type your password again and choose Open read-only: you can check it and "
                "see its backups. To go on working, restore a verified backup to a new file, or salvage "
                "every row that can still be read into a new file.")
        else:
            text = (core_message(error) + "\n\n" + self.tr(
                "Nothing offered here changes the damaged file, and your backups are not touched."))
        self.text.setText(text)
        self.read_only_button.setEnabled(opens)
        self.setAccessibleDescription(self.text.text())
        self.show()

    def show_read_only(self) -> None:
        """In the main window, while the session is read-only."""
        self.title.setText(self.tr("The record is open read-only"))
        self.text.setText(self.tr(
            "Its file is damaged, so nothing is written to it, and nothing about cases or persons is "
            "shown (every reading must be written to the audit trail). Check the record to see what is "
            "damaged, then restore a verified backup or salvage what can still be read: each makes a new "
            "file, which you can then open, and leaves this one as it is."))
        self.setAccessibleDescription(self.text.text())
        self.show()


class BackupChooser(QDialog):
    """The backups beside a record (the core's listing, read-only, without the record's key):
    choose one and restore it to a new file (RestoreDialog, through the core). `restored` is the
    core's description of the restored file, if one was."""

    def __init__(self, record: Path, username: str, parent=None):
        super().__init__(parent)
        self.setObjectName("backupChooser")
        self.setWindowTitle(self.tr("Restore a backup"))
        self.record, self.username = Path(record), username
        self.restored = None
        self.loading = True
        self._backups: list = []
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("The backups in the folder “backups” beside {name}, newest last. Each was "
                               "verified when it was written. The one you choose is verified again and "
                               "copied to a new file; nothing is written over a record.").format(
            name=self.record.name), self)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("backupChooserTable")
        self.table.setHorizontalHeaderLabels([self.tr("Made (UTC)"), self.tr("Size"), self.tr("SHA-256 manifest"),
                                              self.tr("File")])
        self.table.setAccessibleName(self.tr("Backups beside the record"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)   # a file name on one line
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.table, 1)
        self.message = InlineMessage(self)
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = self.buttons.addButton(self.tr("R&estore…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setObjectName("chooserRestoreButton")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.selected_backup() is not None))
        self.table.doubleClicked.connect(lambda _i: self.restore())
        em = self.fontMetrics().height()
        self.resize(em * 50, em * 20)
        record_path = self.record

        def read():
            from barnahus_app.lifecycle import describe_backups
            return describe_backups(record_path)

        run_operation(self, read, self._show, errors=self.message, on_finished=self._read_done)

    def _read_done(self) -> None:
        self.loading = False

    def _show(self, rows: list) -> None:
        self._backups = rows
        self.table.setRowCount(len(rows))
        manifest = {"matches": self.tr("matches"), "DIFFERS": self.tr("DIFFERS — do not restore"),
                    "no manifest": self.tr("no manifest")}
        for r, info in enumerate(rows):
            values = (info.made_at, self.tr("{n} KiB").format(n=info.size // 1024),
                      manifest.get(info.manifest, info.manifest), info.path.name)
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(v))
        if rows:
            self.table.selectRow(len(rows) - 1)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.message.show_info(self.tr("There are no backups beside this record. Salvage what can "
                                           "still be read instead."))

    def selected_backup(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._backups):
            return None
        return self._backups[rows[0].row()]

    def restore(self) -> None:
        backup = self.selected_backup()
        if backup is None:
            return
        dlg = RestoreDialog(backup.path, self.username, self)
        if dlg.exec() != QDialog.DialogCode.Accepted or dlg.info is None:
            return
        self.restored = dlg.info
        self.accept()


def offer_restored(parent: QWidget, text: str) -> str | None:
    """Say what was restored and offer to open it, or to switch the damaged record to it:
    "open", "switch" or None."""
    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("DamagedRecord", "A new record was made"), text,
                      QMessageBox.StandardButton.Close, parent)
    box.setObjectName("offerToOpen")
    open_button = box.addButton(QCoreApplication.translate("DamagedRecord", "&Open the new record"),
                                QMessageBox.ButtonRole.AcceptRole)
    switch_button = box.addButton(QCoreApplication.translate("DamagedRecord", "&Switch to the restored record…"),
                                  QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(open_button)
    box.exec()
    clicked = box.clickedButton()
    return "open" if clicked is open_button else "switch" if clicked is switch_button else None


def restored_text(info) -> str:
    return QCoreApplication.translate(
        "DamagedRecord", "Restored to {path}.\n\nThe backup was written {made}; its audit head is {head}. It "
        "was verified. The damaged record was not changed.").format(
        path=str(info.path), made=info.made_at, head=head_text(info))


class ReadOnlyView(QWidget):
    """The main window's content while the session is read-only: the banner, then the Backups box
    (no Back up now: a damaged record is never backed up over good backups; no Backup settings:
    nothing is written read-only)."""

    openRecord = Signal(str)
    switchRecord = Signal(str, str)   # as BackupsBox's: a restored record, and its password

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("readOnlyView")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.banner = DamagedBanner(self, actions=False)
        self.banner.show_read_only()
        lay.addWidget(self.banner)
        self.backups = BackupsBox(session, self)
        self.backups.backup_button.hide()
        self.backups.settings_button.hide()   # a read-only session saves no setting
        self.backups.openRecord.connect(self.openRecord)
        self.backups.switchRecord.connect(self.switchRecord)   # restore, then switch: the way back to work
        lay.addWidget(self.backups)
        lay.addStretch(1)
        self.backups.refresh()

    def clear(self) -> None:
        self.backups.clear()
