"""Running slow core calls (Argon2 key derivation, creating a record, hashing, signing) off the
GUI thread.

The worker only calls the core; it never touches a widget. Its result or error comes back to the
GUI thread through a queued signal, where the callbacks run. ProgressJob adds progress and a
Cancel that works, for core calls that report how far they are and stop when asked.
"""
from __future__ import annotations

from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

_live: set = set()


class _Relay(QObject):
    done = Signal(object, object)  # result, error


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result, error = self._fn(), None
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, shown there
            result, error = None, exc
        self._relay.done.emit(result, error)


def run_in_background(fn: Callable[[], Any], on_success: Callable[[Any], None],
                      on_failure: Callable[[BaseException], None], *, owner: QObject | None = None,
                      on_orphan: Callable[[Any], None] | None = None) -> None:
    """Run fn() on the thread pool. If `owner` was deleted meanwhile, neither callback runs;
    on_orphan(result) may release what fn() made (e.g. close a session nobody will use)."""
    relay = _Relay()
    _live.add(relay)

    def finish(result, error) -> None:
        _live.discard(relay)
        relay.deleteLater()
        if owner is not None and not shiboken6.isValid(owner):
            if error is None and on_orphan is not None:
                on_orphan(result)
            return
        if error is None:
            on_success(result)
        else:
            on_failure(error)

    relay.done.connect(finish, Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(_Job(fn, relay))


def busy() -> bool:
    """True while a background call has not reported back yet."""
    return bool(_live)


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
                 title: str = "", what: str = "", stopping: str = "", name: str = "progressDialog"):
        super().__init__(parent)
        self._fn = fn
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
        run_in_background(lambda: fn(progress, lambda: state["cancel"]), self._ok, self._failed, owner=self)

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
