"""The backup settings (administrators): how often the record backs itself up, how long backups
are kept, and a second folder (a drive or network folder) that gets a copy of each. The values
are read and saved off the GUI thread; the core checks them and says what is wrong."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpinBox, QWidget

from barnahus_app import settings as record_settings
from barnahus_app.record.backups import second_folder_state

from ui.admin.core_dialog import _CoreDialog
from ui.common.feedback import plural
from ui.common.tasks import run_in_background, run_operation

INTERVAL, KEEP_DAYS, KEEP_WEEKS, SECOND_FOLDER = (
    "backup_interval_hours", "backup_keep_days", "backup_keep_weeks", "backup_second_folder")
NAMES = (INTERVAL, KEEP_DAYS, KEEP_WEEKS, SECOND_FOLDER)


class _CountSpin(QSpinBox):
    """A spin box of a whole number with its unit after it ("14 days", "1 day"), its range the
    core's for that setting (the core checks the value again when it is saved)."""

    def __init__(self, name: str, unit, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        spec = record_settings.spec(name)
        self.setRange(spec.minimum, spec.maximum)
        self._unit = unit
        self.valueChanged.connect(self._unit_changed)
        self._unit_changed(self.value())
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)   # not the whole row wide

    def _unit_changed(self, n: int) -> None:
        self.setSuffix(self._unit(n))


class BackupSettingsDialog(_CoreDialog):
    """Opened from the Backups box. OK saves the values that changed, in one core call."""

    def __init__(self, session, parent=None):
        super().__init__(self.tr("Backup settings"), parent)
        self.setObjectName("backupSettingsDialog")
        self.session = session
        self.read_values: dict | None = None   # as read from the record; None until read
        self.folder_state = ""                   # the second folder's, as last checked
        self._reads = 0
        self._checks = 0                        # folder checks asked for (the last one's answer is shown)
        self.running = False                    # a save is under way

        intro = QLabel(self.tr("Barnahus backs the record up by itself into the folder “backups” beside it: "
                               "when the record is locked or closed, and every hour while it is open, once "
                               "the newest backup is older than the time below. Each backup is verified "
                               "before it is kept."), self)
        intro.setWordWrap(True)
        self.form.add_wide(intro)

        self.interval = _CountSpin(INTERVAL, lambda n: plural(self.tr(" hour(s)", "", n), n), self)
        self.interval.setSpecialValueText(self.tr("Never (automatic backups off)"))
        self.add_field(self.tr("Back up &every:"), self.interval, INTERVAL, self.tr("Back up every"),
                       self.tr("24 hours is a backup a day. Backups you make with “Back up now” are not "
                               "affected."))
        self.keep_days = _CountSpin(KEEP_DAYS, lambda n: plural(self.tr(" day(s)", "", n), n), self)
        self.add_field(self.tr("&Keep every backup for:"), self.keep_days, KEEP_DAYS,
                       self.tr("Keep every backup for"))
        self.keep_weeks = _CountSpin(KEEP_WEEKS, lambda n: plural(self.tr(" week(s)", "", n), n), self)
        self.add_field(self.tr("Then keep one a &week for:"), self.keep_weeks, KEEP_WEEKS,
                       self.tr("Then keep one backup a week for"),
                       self.tr("After that, one backup a month is kept for ever. Backups made before an "
                               "upgrade are never deleted."))

        row = QWidget(self)
        rl = QHBoxLayout(row)
        rl.setContentsMargins(0, 0, 0, 0)
        self.folder = QLineEdit(row)
        self.folder.setObjectName("secondFolder")
        self.folder.setPlaceholderText(self.tr("None"))
        self.choose_button = QPushButton(self.tr("C&hoose…"), row)
        self.choose_button.setObjectName("chooseSecondFolder")
        self.none_button = QPushButton(self.tr("&None"), row)
        self.none_button.setObjectName("noSecondFolder")
        self.none_button.setToolTip(self.tr("Copy backups to no second folder"))
        for b in (self.choose_button, self.none_button):
            b.setAutoDefault(False)
        rl.addWidget(self.folder, 1)
        rl.addWidget(self.choose_button)
        rl.addWidget(self.none_button)
        caption = QLabel(self.tr("&Second folder:"), self)
        caption.setBuddy(self.folder)
        self.field_messages[SECOND_FOLDER] = self.form.add_row(
            caption, row, self.tr("A drive or network folder that gets a verified copy of each backup, "
                                  "ideally kept in another building."), self.tr("Second folder"))
        self.folder.setAccessibleName(self.tr("Second folder"))
        self.state_label = QLabel(self)
        self.state_label.setObjectName("secondFolderState")
        self.state_label.setWordWrap(True)
        self.form.addWidget(self.state_label, self.form.rowCount(), 1)

        self._check_timer = QTimer(self)   # the folder is checked once typing pauses
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(400)
        self._check_timer.timeout.connect(self.check_folder)
        self.folder.textChanged.connect(lambda _t: self._check_timer.start())
        self.choose_button.clicked.connect(self.choose_folder)
        self.none_button.clicked.connect(self.folder.clear)
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(False)   # until the values are read
        self.setMinimumWidth(self.fontMetrics().height() * 40)
        self.refresh()

    # --- reading -------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        """True while the settings or the folder's state are being read."""
        return self._reads > 0 or self._check_timer.isActive()

    def refresh(self) -> None:
        """Read the settings from the record (off the GUI thread)."""
        s = self.session

        def read() -> dict:
            return {name: s.setting(name) for name in NAMES}

        def done() -> None:
            self._reads -= 1

        self._reads += 1
        run_operation(self, read, self._show, errors=self.message, on_finished=done)

    def _show(self, values: dict) -> None:
        self.read_values = values
        self.interval.setValue(values[INTERVAL])
        self.keep_days.setValue(values[KEEP_DAYS])
        self.keep_weeks.setValue(values[KEEP_WEEKS])
        self.folder.setText(values[SECOND_FOLDER])
        self.check_folder()
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(True)

    def check_folder(self) -> None:
        """Whether the second folder is there and writable now (off the GUI thread: a network
        folder may take long to answer)."""
        self._check_timer.stop()
        path = self.folder.text()
        self._checks += 1
        asked = self._checks
        self._reads += 1

        def shown(state: str) -> None:
            self._reads -= 1
            if asked == self._checks:
                self._show_state(state)

        def failed(_error: BaseException) -> None:
            self._reads -= 1

        run_in_background(lambda: second_folder_state(path), shown, failed, owner=self, on=None)

    def _show_state(self, state: str) -> None:
        self.folder_state = state
        self.state_label.setText({
            "none": self.tr("No second folder: backups are kept beside the record only."),
            "exists": self.tr("The folder is there and can be written to."),
            "missing": self.tr("The folder is not there now (a drive not plugged in?). Backups are still "
                               "made beside the record, and administrators are told when a copy could "
                               "not be made."),
            "not a folder": self.tr("This is a file, not a folder."),
            "not writable": self.tr("Barnahus may not write into this folder. Ask whoever manages the "
                                    "computer to allow it, or choose another."),
        }.get(state, state))

    # --- actions -------------------------------------------------------------------------------
    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Choose the second backup folder"),
                                                self.folder.text())
        if path:
            self.folder.setText(path)

    def values(self) -> dict:
        return {INTERVAL: self.interval.value(), KEEP_DAYS: self.keep_days.value(),
                KEEP_WEEKS: self.keep_weeks.value(), SECOND_FOLDER: self.folder.text().strip()}

    def _submit(self) -> None:
        self.clear_messages()
        if self.read_values is None:
            return
        changed = {k: v for k, v in self.values().items() if v != self.read_values[k]}
        if not changed:
            self.accept()
            return
        s = self.session
        self.running = True
        self.run(lambda: s.set_settings(changed))

    def _done(self, result) -> None:
        self.running = False
        super()._done(result)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        super()._failed(error)
