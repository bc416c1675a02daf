"""run_operation: a core call off the GUI thread, its answer back on it, its error shown the one
way, the buttons held meanwhile, and nothing back for an owner that is gone."""
from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QPushButton, QWidget

from barnahus_app.errors import ValidationError
from ui.common.feedback import InlineMessage
from ui.common.tasks import RECORD, busy, pool, run_operation

pytestmark = pytest.mark.gui


@pytest.fixture
def owner(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    return w


def test_the_call_runs_on_the_record_thread_and_answers_on_the_gui_thread(qtbot, owner):
    button = QPushButton("OK", owner)
    seen = {}

    def call():
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return 42

    def done(result):
        seen["result"], seen["gui"] = result, threading.current_thread() is threading.main_thread()

    run_operation(owner, call, done, hold=(button,))
    assert not button.isEnabled()          # no second click while the call runs
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen == {"worker": True, "result": 42, "gui": True}
    assert button.isEnabled() and not busy()


def test_a_refusal_is_shown_in_the_message_in_the_core_s_words(qtbot, owner):
    message = InlineMessage(owner)

    def refuse():
        raise ValidationError("reason", "is required.")

    run_operation(owner, refuse, lambda _r: pytest.fail("no success"), errors=message)
    qtbot.waitUntil(lambda: message.text() != "")
    assert message.text() == "Is required."


def test_an_unexpected_error_says_nothing_of_its_arguments(qtbot, owner):
    message = InlineMessage(owner)

    def fail():
        raise KeyError("Anna Exampledottir")

    run_operation(owner, fail, errors=message)
    qtbot.waitUntil(lambda: message.text() != "")
    assert "Anna" not in message.text() and "(KeyError)" in message.text()


def test_nothing_comes_back_to_an_owner_that_is_gone(qtbot):
    owner = QWidget()
    gate = threading.Event()
    answers = []
    run_operation(owner, lambda: gate.wait(5), answers.append, on_finished=lambda: answers.append("finished"))
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner))
    gate.set()
    qtbot.waitUntil(lambda: not busy())
    assert answers == []


def test_record_calls_share_one_thread_that_never_ends():
    p = pool(RECORD)
    assert p is pool(RECORD)
    assert p.maxThreadCount() == 1 and p.expiryTimeout() == -1
