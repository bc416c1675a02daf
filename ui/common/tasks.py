"""Running core calls off the GUI thread.

The worker only calls the core; it never touches a widget. Its result or error comes back to the
GUI thread through a queued signal, where the callbacks run. ProgressJob adds progress and a
Cancel that works, for core calls that report how far they are and stop when asked.

Which threads: calls on an open record run on its own two threads, one for quick calls (reads,
saves: one at a time, as the record's BEGIN IMMEDIATE would have them anyway) and one for long jobs
(hashing, issuing, verifying), so that a long job does not hold up the quick ones. Neither thread
ever ends. That bound matters: the core's engine keeps one SQLite connection per thread and, past
five threads, closes the oldest at random (SQLAlchemy's SingletonThreadPool), which could be a
connection another thread is using; the global pool's threads end after 30 s idle and come back
as new threads with new connections. Calls before there is a record (key derivation, creating
one) use the global pool.

A lock waits for every call still running (lock_must_wait()): the session is never closed under a
call. The one exception, the automatic backup (lock_waits=False), closes the session itself when
it ends.
"""
from __future__ import annotations

import itertools
from typing import Any, Callable, Iterable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


_live: dict[int, Callable[[Any, Any], None]] = {}   # call id -> what to do with its result on the GUI thread
_unwaited: set[int] = set()   # of _live: calls a lock need not wait for (see run_in_background's lock_waits)
_pools: dict[str, QThreadPool] = {}
_call_ids = itertools.count()

RECORD, LONG_JOB = "record", "long job"


def pool(name: str | None) -> QThreadPool:
    """The thread pool of calls on the record (RECORD, LONG_JOB: one thread each, never ending),
    or the global one (None)."""
    if name is None:
        return QThreadPool.globalInstance()
    if name not in _pools:
        p = _pools[name] = QThreadPool()
        p.setObjectName(name)
        p.setMaxThreadCount(1)
        p.setExpiryTimeout(-1)
    return _pools[name]


def wait_for_all(ms: int, *, but: tuple[str, ...] = ()) -> bool:
    """Wait up to ms for every background call (e.g. before the window closes), except those on
    the pools named in `but` (e.g. LONG_JOB while a backup the window itself waits for runs there)."""
    pools = [QThreadPool.globalInstance(), *(p for name, p in _pools.items() if name not in but)]
    return all([p.waitForDone(ms) for p in pools])


class _Relay(QObject):
    """Carries every call's result to the GUI thread. One for the whole process, never deleted:
    a worker may still be inside emit() when the GUI thread already runs the callback, and a
    relay deleted then (one per call, as it once was) crashed the process now and again."""
    done = Signal(object, object, object)  # call id, result, error


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:   # made on the GUI thread, by the first call: its callbacks run there
        _relay = _Relay()
        _relay.done.connect(_report, Qt.ConnectionType.QueuedConnection)
    return _relay


def _report(call_id: int, result, error) -> None:
    _unwaited.discard(call_id)
    finish = _live.pop(call_id, None)
    if finish is not None:
        finish(result, error)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], call_id: int, relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._call_id = call_id
        self._relay = relay

    def run(self) -> None:
        try:
            result, error = self._fn(), None
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, shown there
            result, error = None, exc
        self._relay.done.emit(self._call_id, result, error)


def run_in_background(fn: Callable[[], Any], on_success: Callable[[Any], None],
                      on_failure: Callable[[BaseException], None], *, owner: QObject | None = None,
                      on_orphan: Callable[[Any], None] | None = None, on: str | None = RECORD,
                      lock_waits: bool = True) -> None:
    """Run fn() on the pool named `on` (see pool()). If `owner` was deleted meanwhile, neither
    callback runs; on_orphan(result) may release what fn() made (e.g. close a session nobody will
    use). lock_waits=False: a lock goes ahead while this runs (lock_must_wait()), because its
    owner closes the session itself once it ends (the automatic backup)."""
    def finish(result, error) -> None:
        if owner is not None and not shiboken6.isValid(owner):
            if error is None and on_orphan is not None:
                on_orphan(result)
            return
        if error is None:
            on_success(result)
        else:
            on_failure(error)

    relay = _the_relay()
    call_id = next(_call_ids)
    _live[call_id] = finish
    if not lock_waits:
        _unwaited.add(call_id)
    pool(on).start(_Job(fn, call_id, relay))


def run_operation(owner: QObject, fn: Callable[[], Any], on_success: Callable[[Any], None] | None = None, *,
                  errors=None, on_failure: Callable[[BaseException], None] | None = None,
                  hold: Iterable[QWidget] = (), on_finished: Callable[[], None] | None = None) -> None:
    """Run a core call that touches the record off the GUI thread (on the record's thread), then
    on_success(result) on the GUI thread. How the dialogs and panels call the core.

    fn runs on the worker: it must only call the core, with values read from the widgets before.
    An error is shown by `errors` (anything with show_failure(exc): a form dialog, an inline
    message, the message bar, each the one way it shows errors), or handed to on_failure. The widgets in `hold` are disabled while it runs, so
    that a second click does not start a second call. If the owner is deleted meanwhile (its dialog
    closed), nothing comes back. A lock waits for the call to end (busy()). Long work that reports
    progress and can be cancelled runs as a ProgressJob instead, on the same mechanism."""
    held = [w for w in hold if w.isEnabled()]
    for w in held:
        w.setEnabled(False)

    def release() -> None:
        for w in held:
            if shiboken6.isValid(w):
                w.setEnabled(True)
        if on_finished is not None:
            on_finished()

    def succeeded(result) -> None:
        release()
        if on_success is not None:
            on_success(result)

    def failed(error: BaseException) -> None:
        release()
        if on_failure is not None:
            on_failure(error)
        elif errors is not None:
            errors.show_failure(error)
        else:
            raise error

    run_in_background(fn, succeeded, failed, owner=owner, on=RECORD)


def busy() -> bool:
    """True while a background call has not reported back yet."""
    return bool(_live)


def lock_must_wait() -> bool:
    """True while a call runs that a lock must wait for before it closes the session: busy(),
    but for calls started with lock_waits=False."""
    return bool(_live.keys() - _unwaited)


class ProgressJob(QObject):
    """Runs fn(progress, cancel), a core call that reports progress(done, total) and stops when
    cancel() turns true, on a worker. The worker only calls the core: its progress lands in a plain
    dict that a timer on the GUI thread reads, and cancel() sets a flag in it that the core reads
    between two steps (it then raises Cancelled and leaves nothing behind).

    With a title, a window-modal progress dialog shows the bar, `what` as its text (or
    label_text(), e.g. with the bytes done) and Qt's own Cancel button; `stopping` replaces the
    text once Cancel was pressed. Without a title there is no dialog: the owner shows the
    progress itself from `ticked` and calls cancel()."""

    finished = Signal(object, object)   # result, error
    cancelRequested = Signal()
    ticked = Signal(object, object)     # done, total (may pass 2**31): every 100 ms until cancelled

    width_em = 30   # the progress dialog's least width, in line heights

    def __init__(self, parent: QWidget, fn: Callable[[Callable[[int, int], None], Callable[[], bool]], Any], *,
                 title: str = "", what: str = "", stopping: str = "", name: str = "progressDialog",
                 lock_waits: bool = True):
        super().__init__(parent)
        self._fn = fn
        self._lock_waits = lock_waits
        self.what = what
        self._stopping = stopping
        # Shared with the worker as plain data (it may outlive this object if the dialog closes).
        self._state = {"done": 0, "total": 0, "cancel": False}
        self.running = False
        self.dialog: QProgressDialog | None = None
        if title:
            self.dialog = dialog = QProgressDialog(parent)
            dialog.setObjectName(name)
            dialog.setWindowTitle(title)
            dialog.setAccessibleName(title)
            dialog.setLabelText(what)
            dialog.setRange(0, 1000)
            dialog.setAutoReset(False)
            dialog.setAutoClose(False)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setMinimumWidth(parent.fontMetrics().height() * self.width_em)
            dialog.canceled.connect(self.cancel)
            dialog.rejected.connect(self.cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.running = True
        state = self._state
        state.update(done=0, total=0, cancel=False)
        if self.dialog is not None:
            self.dialog.setValue(0)
        self._timer.start()

        def progress(done: int, total: int) -> None:   # on the worker: no widget here
            state["done"], state["total"] = done, total

        fn = self._fn
        run_in_background(lambda: fn(progress, lambda: state["cancel"]), self._ok, self._failed, owner=self,
                          on=LONG_JOB, lock_waits=self._lock_waits)

    def cancel(self) -> None:
        """Ask the core to stop at its next step (once; nothing if it is not running)."""
        if self.running and not self._state["cancel"]:
            self._state["cancel"] = True
            if self.dialog is not None and self._stopping:
                self.dialog.setLabelText(self._stopping)
            self.cancelRequested.emit()

    @property
    def cancel_requested(self) -> bool:
        return self._state["cancel"]

    def amount_done(self) -> int:
        """What the core reported done so far (bytes, steps: its unit)."""
        return self._state["done"]

    def value(self) -> int:
        """Progress so far, 0 to 1000."""
        done, total = self._state["done"], self._state["total"]
        return min(1000, int(done * 1000 / total)) if total else 0

    def label_text(self, done: int, total: int) -> str:
        """The dialog's text while running, once the total is known; "" keeps `what`."""
        return ""

    def _tick(self) -> None:
        state = self._state
        if state["cancel"]:
            return
        done, total = state["done"], state["total"]
        if self.dialog is not None:
            self.dialog.setValue(self.value())
            text = self.label_text(done, total) if total else ""
            if text:
                self.dialog.setLabelText(text)
        self.ticked.emit(done, total)

    def _end(self) -> None:
        self.running = False
        self._timer.stop()
        if self.dialog is not None:
            self.dialog.blockSignals(True)
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.blockSignals(False)

    def _ok(self, result) -> None:
        self._end()
        self.finished.emit(result, None)

    def _failed(self, error) -> None:
        self._end()
        self.finished.emit(None, error)
