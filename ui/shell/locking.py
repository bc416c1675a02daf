"""Locking: after idle time, when the screen locks, and on Ctrl+L.

On lock, unsaved edits go into the record as encrypted drafts (Session.save_draft), every view of
case data is closed, and the session is closed (after the automatic backup, if one is due: see
automatic_backup.py). After the same user unlocks again, their drafts
(the core keeps drafts per user) come back into workspaces, and stay in the record until the user
saves or discards the edit. If the record cannot take a draft (e.g. the disk is full), the edit is
held in memory only, for the same user, and never written anywhere else.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer, SLOT, Signal, Slot
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from barnahus_app.api import BarnahusError

from ui.common.clipboard import clipboard_guard, configure_clipboard
from ui.common.feedback import core_message
from ui.common.tasks import lock_must_wait

CASE = "case"
_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress, QEvent.Type.InputMethod,
})


class IdleWatcher(QObject):
    """Emits idle() after `minutes` without keyboard or mouse input anywhere in the application.
    ms_per_minute is there for tests (e.g. 50: one "minute" lasts 50 ms)."""

    idle = Signal()

    def __init__(self, ms_per_minute: int = 60_000, parent=None):
        super().__init__(parent)
        self.ms_per_minute = ms_per_minute
        self._interval = 0
        self._since_input = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        self._filtering = False

    def start(self, minutes: int) -> None:
        self._interval = max(1, int(minutes)) * self.ms_per_minute
        self._since_input.start()
        self._timer.start(self._interval)
        app = QApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
        self._filtering = False

    def is_running(self) -> bool:
        return self._timer.isActive()

    def interval_ms(self) -> int:
        return self._interval

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() in _ACTIVITY:
            self._since_input.restart()
        return False

    def _check(self) -> None:
        remaining = self._interval - self._since_input.elapsed()
        if remaining > 0:
            self._timer.start(remaining)
            return
        self.stop()
        self.idle.emit()


class ScreenLockWatcher(QObject):
    """Emits screenLocked() when the desktop's screen locker turns on (the freedesktop and GNOME
    screen-saver signals on the session D-Bus). Where there is no such bus it does nothing; the
    idle lock still applies."""

    screenLocked = Signal()
    _SOURCES = (("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
                ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
                ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.listening = False
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return
        for path, interface in self._SOURCES:
            if bus.connect("", path, interface, "ActiveChanged", self, SLOT("active_changed(bool)")):
                self.listening = True

    @Slot(bool)
    def active_changed(self, active: bool) -> None:
        if active:
            self.screenLocked.emit()


@dataclass
class Stash:
    """What a lock left behind, for the next unlock."""

    kept: int = 0                          # drafts written into the record
    failed: list = field(default_factory=list)  # core messages for drafts the record refused


class LockController(QObject):
    """The lock and restore sequence. `host` is the main window; it provides session, lock(),
    can_open_workspaces(), workspace_entries(), open_workspace(), update_tab(),
    close_workspace_keeping_draft(), close_all_workspaces(),
    clear_case_views(), drop_session_views(), show_unlock(username, locked) and
    close_session(session) (after the views are gone: the automatic backup, then close)."""

    locked = Signal()

    def __init__(self, host, ms_per_minute: int = 60_000):
        super().__init__(host)
        self.host = host
        self.idle = IdleWatcher(ms_per_minute, self)
        self.idle.idle.connect(self._idle_lock)
        self.screen = ScreenLockWatcher(self)
        self.screen.screenLocked.connect(self._idle_lock)
        # Keyed by (record id, user name): only the same user of the same record gets them back.
        self._memory: dict[tuple, list[tuple[str, int | None, dict]]] = {}
        self._reopen: dict[tuple, list[int]] = {}
        self.kept_when: set = set()   # how the drafts restored at the last unlock were kept
        self._deferred = 0

    # --- after unlock ------------------------------------------------------------------------
    def start(self, session) -> None:
        self.idle.start(session.setting("idle_lock_minutes"))
        configure_clipboard(session.setting("clipboard_clear_seconds"))

    def restart_idle(self, session) -> None:
        self.idle.start(session.setting("idle_lock_minutes"))

    def restore(self, session) -> tuple[int, list[str]]:
        """Reopen this user's drafts (and what they had open when the record locked). Returns
        (edits restored, messages about drafts that could not be reopened). A draft that cannot
        be reopened stays in the record: nothing is discarded here."""
        restored, problems = 0, []
        self.kept_when = set()   # "lock", "quit", "" (a draft kept before this was noted)
        opened: set = set()
        who = _who(session)
        if not self.host.can_open_workspaces():
            return restored, problems  # drafts stay in the record for when the user may open them
        kept = [(d["subject_id"], d["payload"], True) for d in session.drafts() if d["kind"] == CASE]
        held = [(subject_id, payload, False) for _kind, subject_id, payload in self._memory.pop(who, [])]
        for subject_id, payload, in_record in kept + held:
            ws = None
            try:
                ws = self.host.open_workspace(subject_id, select=False, has_draft=in_record)
                ws.restore_draft(payload)
                self.host.update_tab(ws)
            except Exception as e:  # noqa: BLE001 - a draft that does not fit must not bar the way in
                problems.append(core_message(e))
                if ws is not None:
                    self.host.close_workspace_keeping_draft(ws)
                if not in_record:
                    self._memory.setdefault(who, []).append((CASE, subject_id, payload))
                continue
            opened.add(subject_id)
            restored += 1
            self.kept_when.add(payload.get("kept_when", "") if isinstance(payload, dict) else "")
        for case_id in self._reopen.pop(who, []):
            if case_id not in opened:
                try:
                    self.host.open_workspace(case_id, select=False)
                except Exception:  # noqa: BLE001 - e.g. the user's roles changed meanwhile
                    pass
        return restored, problems

    # --- lock --------------------------------------------------------------------------------
    def _idle_lock(self) -> None:
        self.host.lock()

    def lock(self, quitting: bool = False) -> Stash:
        """Keep unsaved edits as drafts, drop every view of case data, close the session and
        show the unlock screen. Safe to call when already locked."""
        session = self.host.session
        stash = Stash()
        if session is None:
            self.idle.stop()
            return stash
        if lock_must_wait() and not quitting:
            # A core call is running on a worker (e.g. a new password): lock right after it.
            QTimer.singleShot(250, self.host.lock)
            return stash
        if _close_dialogs(self.host) and not quitting and self._deferred < 5:
            # A dialog was open, perhaps running its own event loop inside some action: let that
            # loop end first, then lock (a moment later, from the main loop).
            self._deferred += 1
            QTimer.singleShot(0, self.host.lock)
            return stash
        self._deferred = 0
        self.idle.stop()
        who = _who(session)
        reopen = []
        for entry in self.host.workspace_entries():
            ws = entry.workspace
            try:
                dirty = ws.is_dirty()
                if dirty:
                    # Whether the record was locked or the application closed: said after unlock.
                    payload = {**ws.draft_payload(), "kept_when": "quit" if quitting else "lock"}
                    try:
                        session.save_draft(CASE, entry.case_id, payload)
                        stash.kept += 1
                    except BarnahusError as e:
                        stash.failed.append(core_message(e))
                        self._memory.setdefault(who, []).append((CASE, entry.case_id, payload))
                elif entry.has_draft:
                    session.discard_draft(CASE, entry.case_id)
                if not dirty and entry.case_id is not None:
                    reopen.append(entry.case_id)
            except BarnahusError as e:
                stash.failed.append(core_message(e))
        username = session.username
        self._reopen[who] = reopen
        try:
            self.host.close_all_workspaces()
            self.host.clear_case_views()
            if clipboard_guard().holds_ours():
                clipboard_guard().clear_if_unchanged()
        finally:
            try:
                self.host.drop_session_views()
                if not quitting:
                    self.host.show_unlock(username, locked=True)
            finally:
                # Only now, with nothing of the record on the screen: the automatic backup, if one
                # is due (on a worker, with progress), then the session is closed.
                self.host.close_session(session)
        self.locked.emit()
        return stash


def _who(session) -> tuple:
    try:
        record_id = session.record_info().get("record_id")
    except BarnahusError:
        record_id = None
    return record_id, session.username


def _close_dialogs(host: QWidget) -> bool:
    """Close every dialog open over the window (it might show case data). True if there was one."""
    closed = False
    for _ in range(20):
        modal = QApplication.activeModalWidget()
        if modal is None or modal is host:
            break
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()
        closed = True
    for dlg in host.findChildren(QDialog):
        if dlg.isVisible():
            dlg.reject()
            closed = True
    return closed
