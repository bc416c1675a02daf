"""The automatic backup in the desktop app (ui/shell/automatic_backup.py): made on the long-job
thread after a lock has hidden the record, with progress and "Skip this backup"; and every hour
(here: every few hundred ms) while the record is unlocked and nobody uses it."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from barnahus_app.session import Session
from tests.support.gui_shell import make_window, unlock, wait_for_lock_backup
from tests.support.records import STAFF_PASSWORD, login, make_record, raw_closed

NEVER_MS = 3_600_000


@pytest.fixture
def rec(tmp_path):
    """A record with automatic backups on (a day), none made yet: the next closing makes one."""
    path, recovery = make_record(tmp_path)   # made with automatic backups off
    s = login(path, "admin")
    s.set_setting("backup_interval_hours", 24)
    s.close(automatic_backup=False)
    return {"record": path, "recovery": recovery, "backups": path.parent / "backups"}


@pytest.fixture
def held(monkeypatch):
    """The real automatic backup, held still after its first block is copied until the test lets
    it go (held.set()) or it is cancelled: so that a test sees the dialog and presses Skip while
    the copy is part-way, however fast this machine copies a small record."""
    gate = threading.Event()
    state = {"held": False}
    real = Session.automatic_backup

    def holding(self, progress=None, cancel=None):
        def reported(done, total):
            progress(done, total)
            if done and not state["held"]:
                state["held"] = True
                deadline = time.monotonic() + 20
                while not (gate.is_set() or cancel()) and time.monotonic() < deadline:
                    time.sleep(0.01)
        return real(self, reported, cancel)

    monkeypatch.setattr(Session, "automatic_backup", holding)
    gate.state = state
    return gate


def files(folder) -> list[str]:
    """Every name in the backups folder, hidden ones (a temporary copy) included."""
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def backups_made(folder) -> list[str]:
    return [n for n in files(folder) if n.endswith(".barnahus")]


def actions(rec) -> list[str]:
    with raw_closed(rec["record"], rec["recovery"]) as conn:
        return [a for (a,) in conn.execute("SELECT action FROM audit_log ORDER BY id")]


def unlocked_window(qtbot, rec, **kwargs):
    window = make_window(qtbot, rec["record"], **kwargs)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    return window


def the_dialog(qtbot, window):
    qtbot.waitUntil(lambda: window.autobackup.dialog is not None and window.autobackup.dialog.isVisible(),
                    timeout=10_000)
    return window.autobackup.dialog


def test_a_lock_with_a_backup_due_makes_one_with_progress_after_hiding_the_record(qtbot, rec, held):
    window = unlocked_window(qtbot, rec, backup_check_ms=NEVER_MS)
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = the_dialog(qtbot, window)
    qtbot.waitUntil(lambda: held.state["held"], timeout=10_000)
    # The record is out of sight before the backup starts: the unlock screen, no pages, no session.
    assert window.session is None and window.work is None
    assert window.pages.currentWidget() is window.unlock_panel
    assert dialog.windowTitle() == "Automatic backup"
    assert dialog.labelText() in ("Backing up the record…", "Checking the copy…")
    assert [b.text() for b in dialog.findChildren(QPushButton)] == ["&Skip this backup"]
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=5000)   # the bar moved
    assert window.autobackup.running and backups_made(rec["backups"]) == []
    held.set()
    wait_for_lock_backup(qtbot, window)
    assert not dialog.isVisible()
    made = backups_made(rec["backups"])
    assert len(made) == 1 and made[0].endswith("-auto.barnahus")
    assert files(rec["backups"]) == sorted([made[0], made[0] + ".keys", made[0] + ".seal", made[0] + ".sha256"])
    # The session was closed after the backup: its logout follows the backup's entry.
    assert actions(rec)[-2:] == ["record.backup", "logout"]
    with login(rec["record"], "coordinator"):   # nothing holds the record any more
        pass


def test_skip_leaves_no_backup_and_nothing_half_written(qtbot, rec, held):
    window = unlocked_window(qtbot, rec, backup_check_ms=NEVER_MS)
    window.lock()
    dialog = the_dialog(qtbot, window)
    qtbot.waitUntil(lambda: held.state["held"], timeout=10_000)   # the copy is part-way
    skip = dialog.findChildren(QPushButton)[0]
    skip.click()
    wait_for_lock_backup(qtbot, window)
    assert not dialog.isVisible()
    assert files(rec["backups"]) == []     # no backup, no key file, no temporary copy
    trail = actions(rec)
    assert trail[-1] == "logout" and "record.backup" not in trail and "record.backup_failed" not in trail
    assert window.unlock_panel.message.text() == ""   # skipping is not a failure
    with login(rec["record"], "coordinator"):
        pass


def test_no_backup_when_none_is_due(qtbot, rec):
    with login(rec["record"], "admin") as s:
        made = s.backup()   # a backup from a minute ago: the next automatic one is a day away
    window = unlocked_window(qtbot, rec, backup_check_ms=NEVER_MS)
    window.lock()
    assert not window.autobackup.running and window.autobackup.dialog is None   # closed at once
    assert backups_made(rec["backups"]) == [Path(made).name]
    assert actions(rec)[-1] == "logout"


def test_the_idle_lock_hides_the_record_at_once_while_its_backup_runs(qtbot, rec, held):
    with login(rec["record"], "admin") as s:
        s.set_setting("idle_lock_minutes", 1)
        s.close(automatic_backup=False)
    window = unlocked_window(qtbot, rec, backup_check_ms=NEVER_MS, idle_ms_per_minute=300)
    qtbot.waitUntil(lambda: held.state["held"], timeout=10_000)   # locked by itself, backing up
    assert window.session is None and window.work is None
    assert window.pages.currentWidget() is window.unlock_panel
    held.set()
    wait_for_lock_backup(qtbot, window)
    assert len(backups_made(rec["backups"])) == 1


def test_quitting_waits_for_the_backup_then_closes(qtbot, rec, held):
    window = unlocked_window(qtbot, rec, backup_check_ms=NEVER_MS)
    window.close()
    the_dialog(qtbot, window)
    assert window.isVisible()          # still open: the backup is under way
    held.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    assert len(backups_made(rec["backups"])) == 1
    assert actions(rec)[-2:] == ["record.backup", "logout"]


def test_the_hourly_check_backs_up_in_the_background_once_when_due(qtbot, rec):
    window = unlocked_window(qtbot, rec, backup_check_ms=300)
    qtbot.waitUntil(lambda: len(backups_made(rec["backups"])) == 1 and not window.autobackup.running,
                    timeout=20_000)
    assert window.is_unlocked() and window.autobackup.dialog is None   # no dialog, no lock
    qtbot.wait(1500)                   # several more checks: the next is not due for a day
    assert len(backups_made(rec["backups"])) == 1
    window.lock()                      # and the lock makes none either
    wait_for_lock_backup(qtbot, window)   # (a check under way at that moment is the lock's now)
    assert len(backups_made(rec["backups"])) == 1
    assert actions(rec)[-1] == "logout"


def test_a_key_press_stops_a_background_backup_and_leaves_nothing(qtbot, rec, held):
    window = unlocked_window(qtbot, rec, backup_check_ms=300)
    qtbot.waitUntil(lambda: held.state["held"], timeout=20_000)
    assert window.autobackup.running and window.autobackup.dialog is None
    window.autobackup.timer.stop()             # (no next check while the test looks)
    QTest.keyClick(window, Qt.Key.Key_Shift)   # someone is working again
    qtbot.waitUntil(lambda: not window.autobackup.running, timeout=10_000)
    assert files(rec["backups"]) == [] and window.is_unlocked()


def test_a_failed_backup_still_closes_and_says_so_calmly(qtbot, rec, monkeypatch):
    from barnahus_app.errors import DiskFull
    from barnahus_app.record import backups

    def full(*_a, **_k):
        raise DiskFull("The disk is full.")

    monkeypatch.setattr(backups, "make_backup", full)
    window = unlocked_window(qtbot, rec, backup_check_ms=NEVER_MS)
    window.lock()
    wait_for_lock_backup(qtbot, window)
    assert window.unlock_panel.message.text() == (
        "The automatic backup could not be made. An administrator is told when they next unlock the record.")
    assert files(rec["backups"]) == []
    assert actions(rec)[-2:] == ["record.backup_failed", "logout"]   # audited, then closed


def test_a_lock_during_a_background_backup_hides_the_record_and_lets_it_finish(qtbot, rec, held):
    window = unlocked_window(qtbot, rec, backup_check_ms=300)
    qtbot.waitUntil(lambda: held.state["held"], timeout=20_000)   # the hourly one, part-way
    # Ctrl+L: the key press stops the background copy, the lock goes ahead at once, and the
    # lock's own backup starts again from the beginning, with its dialog.
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session is None and window.pages.currentWidget() is window.unlock_panel
    dialog = the_dialog(qtbot, window)
    assert dialog.labelText() in ("Backing up the record…", "Checking the copy…")
    held.set()
    wait_for_lock_backup(qtbot, window)
    assert len(backups_made(rec["backups"])) == 1
    assert actions(rec)[-2:] == ["record.backup", "logout"]


def test_a_switch_to_a_restored_record_waits_for_the_locks_backup(qtbot, rec, held):
    import shutil
    from tests.gui.test_switch_restored import admin_window, restored_beside
    restored = restored_beside(rec["record"])
    shutil.rmtree(rec["backups"])            # so that the lock before the switch has a backup to make
    window = admin_window(qtbot, rec["record"])
    window.switch_to_restored(str(restored), "admin-password-1")
    qtbot.waitUntil(lambda: held.state["held"], timeout=10_000)
    assert window.session is None and window.switch_report is None   # the switch waits for it
    held.set()
    qtbot.waitUntil(lambda: window.switch_report is not None, timeout=30_000)
    assert window.switch_report.text() == "The record is now the restored one. Unlock it to go on."
    assert len(backups_made(rec["backups"])) == 1    # the record as it was, backed up before the switch
