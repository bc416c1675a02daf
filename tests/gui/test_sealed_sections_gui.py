"""Sealed sections in the desktop app (issue 11): the first user to unlock who may read the
interviewer's notes is told the section's recovery key once; a notes reader whose key slot does
not hold the notes' key yet sees why instead of the notes; the administration's Disable offers to
replace the record key (a new recovery key into a new file)."""
from __future__ import annotations

import pytest

from barnahus_app.api import create_record, open_record
from barnahus_app.record import storage
from barnahus_app.record.keyslots import KeyFile, parse_recovery_key
from PySide6.QtCore import Qt

from tests.support.gui_shell import answer_modal, make_window, unlock
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, sample_case, section_recovery_key

pytestmark = pytest.mark.gui


def test_the_first_notes_reader_is_told_the_sections_recovery_key_once(qtbot, tmp_path):
    path = tmp_path / "centre" / "record.barnahus"
    create_record(path, "admin", ADMIN_PASSWORD, "Administrator", "Test Centre", kdf=FAST_KDF)
    with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as a:
        a.add_user("liaison", "Liaison", ["liaison"], STAFF_PASSWORD)
        a.set_setting("backup_interval_hours", 0)
    window = make_window(qtbot, path)
    unlock(qtbot, window, "liaison", STAFF_PASSWORD)
    text = window.message_bar.text()
    assert text.startswith("You are the first to unlock the record who may read the interviewer's notes, so "
                           "they are now sealed with a key of their own. Its recovery key, shown only now: ")
    window.grab().save(str(tmp_path / "first-holder.png"))
    key = window.session.section_recovery_keys["interview_notes"]
    assert key in text and len(parse_recovery_key(key)) == 32


def test_a_notes_reader_without_the_key_sees_why(qtbot, record_path, open_as):
    from ui.interviews.panel import InterviewsPanel
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as a:
        room = a.create_room("Blue room", "interview")
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as c:
        case = sample_case(c)
        iv = next(u["id"] for u in c.interviewers() if u["username"] == "interviewer")
        iid = c.plan_interview(case["id"], case["child_id"], "2030-05-06T10:00", 60, room, iv,
                               time_zone="Europe/Stockholm")
    with open_record(record_path, "interviewer", STAFF_PASSWORD, kdf=FAST_KDF) as i:
        i.set_interview_notes(iid, "Sealed notes, read with the recovery key.")
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as a:
        # The administrator holds no notes key: the new interviewer's key is requested, sealed at
        # the next unlock of a colleague who holds it.
        a.add_user("interviewer2", "Ingrid Second", ["interviewer"], STAFF_PASSWORD)
    s = open_as("interviewer2")
    panel = InterviewsPanel(s, case["id"])
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: not panel.loading)
    panel.i_view.selectRow(0)
    qtbot.waitUntil(lambda: panel.notes_box.isVisibleTo(panel))
    assert panel.notes.isReadOnly() and not panel.save_notes_button.isEnabled()
    assert panel.notes_state.text() == ("The notes are sealed, and you do not hold their key yet. It is sealed "
                                        "to you the next time a colleague who holds it unlocks the record.")
    assert panel.notes.toPlainText() == ""
    panel.grab().save(str(record_path.parent.parent / "notes-locked.png"))
    # The section's recovery key (the sheet its first holder was shown) opens them.
    assert panel.notes_recovery_button.isVisibleTo(panel)

    def type_key(dlg):
        dlg.setTextValue(section_recovery_key(record_path, "interview_notes"))
        dlg.accept()
    done = answer_modal(type_key)
    qtbot.mouseClick(panel.notes_recovery_button, Qt.MouseButton.LeftButton)
    assert "error" not in done, done.get("error")
    qtbot.waitUntil(lambda: panel.notes.toPlainText() == "Sealed notes, read with the recovery key.", timeout=10000)
    assert not panel.notes.isReadOnly() and not panel.notes_recovery_button.isVisibleTo(panel)


def test_disable_with_a_new_record_key(qtbot, record_path, open_as, tmp_path):
    from ui.admin.disable import DisableDialog
    s = open_as("admin")
    user = next(u for u in s.list_users() if u["username"] == "medical")
    dlg = DisableDialog(s, user)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert not dlg.key_row.isEnabled()
    qtbot.mouseClick(dlg.rotate, Qt.MouseButton.LeftButton)
    assert dlg.key_row.isEnabled()
    target = tmp_path / "new-recovery.txt"
    dlg.to.setText(str(target))
    dlg.grab().save(str(tmp_path / "disable-dialog.png"))
    old_key = s.record.key
    qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.result() == dlg.DialogCode.Accepted, timeout=20000)
    assert dlg.rotated_to == target
    assert not KeyFile.load(record_path).has_user("medical")
    assert s.record.key != old_key
    assert storage.probe_key(record_path, parse_recovery_key(target.read_text()))
    assert not storage.probe_key(record_path, old_key)


def _held_at(monkeypatch, session, method: str):
    """Hold the core call `method` of session (on the worker) until the test lets it go, so that
    Cancel can be pressed at a known step. The call itself is the real one."""
    import threading
    started, go = threading.Event(), threading.Event()
    real = getattr(session, method)

    def held(*args, **kwargs):
        started.set()
        go.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(session, method, held)
    return started, go


def _disable_dialog(qtbot, s, tmp_path):
    from ui.admin.disable import DisableDialog
    user = next(u for u in s.list_users() if u["username"] == "medical")
    dlg = DisableDialog(s, user)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    qtbot.mouseClick(dlg.rotate, Qt.MouseButton.LeftButton)
    target = tmp_path / "new-recovery.txt"
    dlg.to.setText(str(target))
    return dlg, target


def test_cancel_once_the_rotation_began_still_names_the_new_recovery_key(qtbot, record_path, open_as,
                                                                          tmp_path, monkeypatch):
    s = open_as("admin")
    old_key = s.record.key
    started, go = _held_at(monkeypatch, s, "rotate_record_key")
    dlg, target = _disable_dialog(qtbot, s, tmp_path)
    qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=20000)
    dlg.reject()                 # Cancel, too late: the rotation is under way
    go.set()
    qtbot.waitUntil(lambda: not dlg.running, timeout=20000)
    qtbot.wait(50)               # the queued slots of the job's end
    assert dlg.result() == dlg.DialogCode.Accepted
    assert dlg.rotated_to == target and target.exists()
    assert s.record.key != old_key


def test_cancel_before_the_rotation_leaves_the_key_and_closes_the_dialog(qtbot, record_path, open_as,
                                                                         tmp_path, monkeypatch):
    s = open_as("admin")
    old_key = s.record.key
    started, go = _held_at(monkeypatch, s, "set_active")
    dlg, target = _disable_dialog(qtbot, s, tmp_path)
    qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=20000)
    dlg.reject()                 # Cancel while the account is being disabled
    go.set()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=20000)
    assert dlg.result() == dlg.DialogCode.Rejected
    assert dlg.rotated_to is None and not target.exists()
    assert s.record.key == old_key
    assert not KeyFile.load(record_path).has_user("medical")   # the disable stays done
