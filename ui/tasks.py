"""Running slow core calls (Argon2 key derivation, creating a record) off the GUI thread.

The worker only calls the core; it never touches a widget. Its result or error comes back to the
GUI thread through a queued signal, where the callbacks run.
"""
from __future__ import annotations

from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

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
