"""Qt objects die on the GUI thread, even when Python's cyclic garbage collector is what frees
them: in the GUI tests (tests/gui/conftest.py) and in the application (ui/common/collector.py)."""
from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from ui.common.collector import GuiThreadCollector

from ui.common.tasks import busy, run_in_background

pytestmark = pytest.mark.gui


class _Cycle:
    """A parentless, Python-owned widget that only the cyclic collector can free."""

    def __init__(self):
        self.label = QLabel("left in a reference cycle")
        self.me = self


def test_a_widget_in_a_reference_cycle_is_not_freed_by_a_pool_worker(qtbot):
    died_on = []
    cycle = _Cycle()
    weakref.finalize(cycle.label, lambda: died_on.append(threading.current_thread() is threading.main_thread()))
    del cycle
    # A core call that allocates enough to cross every collector threshold several times.
    run_in_background(lambda: [[n] for n in range(300_000)], lambda _: None, lambda _: None)
    qtbot.waitUntil(lambda: not busy(), timeout=30_000)
    assert died_on == []    # not collected on the worker
    gc.collect()
    assert died_on == [True]


def test_the_application_collects_on_the_gui_thread_only(qtbot):
    gc.enable()   # as Python starts; the application's collector turns it off
    owner = QObject()
    GuiThreadCollector(owner)
    try:
        assert not gc.isenabled()
        died_on = []
        cycle = _Cycle()
        weakref.finalize(cycle.label, lambda: died_on.append(threading.current_thread() is threading.main_thread()))
        del cycle
        kept = []   # what the call returns stays: more new objects than the collector's threshold
        run_in_background(lambda: [[n] for n in range(300_000)], kept.append, lambda _: None)
        qtbot.waitUntil(lambda: not busy(), timeout=30_000)
        qtbot.waitUntil(lambda: died_on != [], timeout=5_000)   # the collector's timer, on the GUI thread
        assert died_on == [True]
    finally:
        owner.deleteLater()
