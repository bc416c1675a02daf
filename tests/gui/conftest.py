"""Fixtures of the GUI tests."""
from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from tests.support.gui_shell import flush_deletes
from ui.common.tasks import wait_for_all


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_gui_thread():
    """Python's cyclic garbage collector runs on whichever thread crosses its threshold, a
    QThreadPool worker running a core call included. A Python-owned widget left in a reference
    cycle (ui/field_widgets.py Form.add keeps a parentless QLabel for every span row) is then
    destroyed on that worker, racing the GUI thread: the "Fatal Python error: Segmentation fault"
    that aborted one run of tests/gui in three. During a GUI test nothing is collected
    automatically; afterwards, with the pool idle, what the test left is collected here, on the
    GUI thread, and between tests only the GUI thread runs. (Set up before qtbot, so this runs
    after qtbot has closed the test's widgets.) It also saves the full collections of a large
    heap that the tests triggered before: tests/gui takes about a third less time."""
    gc.disable()
    try:
        yield
    finally:
        wait_for_all(30_000)   # every pool: the global one and the record's own threads
        flush_deletes()
        gc.collect(0)  # all the test made is in the youngest generation: no collection ran since
        gc.enable()


@pytest.fixture
def open_as(open_as):
    """The sessions of tests/conftest.py's open_as, closed only once no core call runs on them any
    more: a panel shown at the end of a test may still be reading on the record's thread, and a
    session closed under that read crashes the process (SQLCipher)."""
    yield open_as
    wait_for_all(30_000)


@pytest.fixture
def swedish():
    """The app in Swedish for the test, as the shell installs it; English again afterwards."""
    from ui.shell.app import install_translators
    app = QCoreApplication.instance()
    locale_before = QLocale()
    assert install_translators(app, "sv") == "sv"
    yield
    for t in app.findChildren(QTranslator):
        app.removeTranslator(t)
        t.deleteLater()
    QLocale.setDefault(locale_before)
