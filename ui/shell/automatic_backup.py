"""The automatic backup in the desktop app: when the record is locked or the app quits, and every
hour while it is unlocked, the core's automatic backup (Session.automatic_backup: only when one
is due) runs on the long-job thread instead of inside the session's close on the GUI thread.

At a lock or quit the screen's content is gone first (the pages dropped their views, the unlock
screen shows); then a small window-modal dialog shows the backup's progress with "Skip this
backup", and the session is closed (close(automatic_backup=False)) once the backup ended, made,
skipped or failed. The core audits a failure and tells the next administrator.

The hourly check runs a due backup in the background while nobody uses the app: it starts only
when no other call is under way, and the first key or mouse press stops it again (nothing is
left of it) for a later hour or the lock. The core checks the copy against the record as it was
when the backup began, so work saved meanwhile would make the copy fail that check."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from barnahus_app.api import BarnahusError
from barnahus_app.errors import Cancelled

from ui.common.tasks import ProgressJob, busy

HOUR_MS = 3_600_000
_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                    QEvent.Type.TouchBegin, QEvent.Type.TabletPress, QEvent.Type.InputMethod})


def _cancelled(error) -> bool:
    return isinstance(error, Cancelled)


class AutomaticBackup(QObject):
    """Owned by the main window. start() after an unlock; close_session(session, then) from the
    lock instead of session.close()."""

    ended = Signal(object, object)      # result (the backup's path, None if none was due), error
    progressed = Signal(object, object)  # done, total bytes: while the dialog shows

    def __init__(self, window: QWidget, check_ms: int = HOUR_MS):
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, int(check_ms)))
        self.timer.timeout.connect(self.check_now)
        self.job: ProgressJob | None = None
        self.session = None                 # the session the job backs up
        self.closing = False                # close that session when the job ends (a lock or quit)
        self._then: list[Callable[[], None]] = []
        self._skipped = False               # the user chose "Skip this backup"
        self._gave_up = False               # a background backup failed: the next one is at the lock
        self._watching = False
        self.dialog: QProgressDialog | None = None

    @property
    def running(self) -> bool:
        return self.job is not None

    # --- while unlocked ----------------------------------------------------------------------
    def start(self) -> None:
        """After an unlock: check hourly (the window's session of the moment)."""
        self._gave_up = False
        self.timer.start()

    def check_now(self) -> None:
        """The hourly check: a due backup, in the background, if nobody is using the app."""
        session = getattr(self.window, "session", None)
        if session is None or self.job is not None or self._gave_up or busy():
            return
        self._run(session, closing=False)
        self._watch_input(True)
        bar = self.window.statusBar() if hasattr(self.window, "statusBar") else None
        if bar is not None:
            bar.showMessage(self.tr("Backing up the record in the background…"))

    def _watch_input(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None or on == self._watching:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = on

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() in _INPUT and self.job is not None and not self.closing:
            self.job.cancel()   # someone is working again: their saves would fail the backup's check
            self._watch_input(False)
        return False

    # --- at a lock or quit -------------------------------------------------------------------
    def close_session(self, session, then: Callable[[], None] | None = None) -> None:
        """Close the session (its views are gone already), after the automatic backup if one is
        due or under way, with the progress dialog; then `then()`."""
        self.timer.stop()
        self._watch_input(False)
        if then is not None:
            self._then.append(then)
        if self.job is not None and self.session is session:
            self.closing = True          # the background backup under way becomes the closing one
            self._show_dialog()
            return
        try:
            due = session.automatic_backup_due()
        except Exception:  # noqa: BLE001 - a record that cannot say still closes
            due = False
        if not due:
            self._close(session)
            self._finish()
            return
        self._run(session, closing=True)
        self._show_dialog()

    def skip(self) -> None:
        """The dialog's "Skip this backup": stop it; nothing of it is left."""
        if self.job is None:
            return
        self._skipped = True
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Stopping the backup…"))
            for button in self.dialog.findChildren(QPushButton):
                button.setEnabled(False)   # once is enough
        self.job.cancel()

    # --- the job -----------------------------------------------------------------------------
    def _run(self, session, closing: bool) -> None:
        self.session, self.closing, self._skipped = session, closing, False

        def work(progress, cancel):   # on the long-job thread: only the core
            return session.automatic_backup(progress, cancel)

        self.job = ProgressJob(self, work, lock_waits=False)
        self.job.ticked.connect(self._ticked)
        self.job.finished.connect(self._ended)
        self.job.start()

    def _show_dialog(self) -> None:
        if self.dialog is None:
            dlg = self.dialog = QProgressDialog(self.window)
            dlg.setObjectName("automaticBackupDialog")
            dlg.setWindowTitle(self.tr("Automatic backup"))
            dlg.setAccessibleName(self.tr("Automatic backup"))
            dlg.setRange(0, 1000)
            dlg.setAutoReset(False)
            dlg.setAutoClose(False)
            dlg.setMinimumDuration(0)
            dlg.setWindowModality(Qt.WindowModality.WindowModal)
            dlg.setMinimumWidth(self.window.fontMetrics().height() * 28)
            dlg.canceled.connect(self.skip)
        dlg = self.dialog
        dlg.setCancelButtonText(self.tr("&Skip this backup"))
        for button in dlg.findChildren(QPushButton):
            button.setEnabled(True)
        dlg.setLabelText(self.tr("Backing up the record…"))
        dlg.setValue(self.job.value() if self.job is not None else 0)
        dlg.show()

    def _ticked(self, done, total) -> None:
        if not self.closing or self.dialog is None or self._skipped:
            return
        self.dialog.setValue(self.job.value())
        if total and done >= total:
            self.dialog.setLabelText(self.tr("Checking the copy…"))
        self.progressed.emit(done, total)

    def _ended(self, result, error) -> None:
        job, session, closing, skipped = self.job, self.session, self.closing, self._skipped
        self.job, self.session, self.closing = None, None, False
        job.deleteLater()
        self._watch_input(False)
        bar = self.window.statusBar() if hasattr(self.window, "statusBar") else None
        if bar is not None:
            bar.clearMessage()
        if closing and _cancelled(error) and not skipped:
            # A background backup stopped by a key press just before the lock: the lock's own.
            self._run(session, closing=True)
            return
        if self.dialog is not None and self.dialog.isVisible():
            was_active = QApplication.activeWindow() is self.dialog
            self.dialog.blockSignals(True)
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.blockSignals(False)
            if was_active or QApplication.activeWindow() is None:
                self.window.activateWindow()   # the keyboard goes back to the unlock screen
        if closing:
            self._close(session)
        elif error is not None and not _cancelled(error):
            self._gave_up = True   # audited, and the next administrator is told; no retry every hour
        self.ended.emit(result, error)
        if closing:
            self._finish()

    def _close(self, session) -> None:
        try:
            session.close(automatic_backup=False)
        except BarnahusError:
            pass  # the record file is gone or full: the session is closed all the same

    def _finish(self) -> None:
        then, self._then = self._then, []
        for fn in then:
            fn()
