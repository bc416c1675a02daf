"""Interviews in the case workspace: planning through the dialog (the child's interview number,
the justification a further interview needs, the blocking conflict dialog and the stored override
reason), roles shaping the Interviews page, and recordings: registering (the same SHA-256 as
hashlib), cancelling a slow registration (nothing registered), the fixity alarm (the stored
hash unchanged), and the recordings and custody log read for the interview selected last. Real
SQLCipher records; the record is open in one session at a time."""
from __future__ import annotations

import hashlib
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QPushButton

from barnahus_app.api import open_record
from tests.support.gui_shell import answer_modal
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, sample_case

pytestmark = pytest.mark.gui

TZ = "Europe/Stockholm"
START = datetime(2030, 5, 6, 10, 0, tzinfo=ZoneInfo(TZ))
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def setup(record_path):
    """Two interview rooms, a second interviewer, and a case with a child (made through the core,
    then closed: the record is open in one session at a time)."""
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as a:
        rooms = (a.create_room("Blue room", "interview"), a.create_room("Green room", "interview"))
        a.add_user("interviewer2", "Ingrid Second", ["interviewer"], STAFF_PASSWORD)
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        case = sample_case(s)
        ids = {u["username"]: u["id"] for u in s.interviewers()}
    return {"rooms": rooms, "case": case, "interviewers": ids}


def plan_dialog(qtbot, session, setup, **kw):
    from ui.interviews.plan_dialog import InterviewPlanDialog
    kw.setdefault("case_id", setup["case"]["id"])
    kw.setdefault("starts_at", START)
    kw.setdefault("room_id", setup["rooms"][0])
    dlg = InterviewPlanDialog(session, None, time_zone=TZ, **kw)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def make_panel(qtbot, session, case_id):
    from ui.interviews.panel import InterviewsPanel
    panel = InterviewsPanel(session, case_id)
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: not panel.loading)   # the interviews are read off the GUI thread
    return panel


def core_plan(session, setup, start=START, room=0, who="interviewer", **kw):
    c = setup["case"]
    return session.plan_interview(c["id"], c["child_id"], start, 60, setup["rooms"][room],
                                  setup["interviewers"][who], time_zone=TZ, **kw)


def test_planning_through_the_dialog_creates_the_interview(qtbot, open_as, setup):
    s = open_as("coordinator")
    dlg = plan_dialog(qtbot, s, setup)
    assert dlg.child.value() == setup["case"]["child_id"]  # the case's only child
    assert dlg.count_label.text() == "Interview 1 of this child (across all cases)"
    assert dlg.justification_box.isHidden()
    dlg.interviewer.set_value(setup["interviewers"]["interviewer"])
    dlg.protocol.set_value("nichd")
    dlg.language.setText("sv")
    row = dlg.participants.add_row()
    row.role.set_value("observer_police")
    row.who.set_value("name")
    qtbot.keyClicks(row.name, "Officer Demo")
    qtbot.mouseClick(dlg.book_button, LEFT)
    assert dlg.error_texts() == []
    assert dlg.result() == dlg.DialogCode.Accepted and dlg.interview_id
    iv = s.get_interview(dlg.interview_id)
    assert (iv["room_id"], iv["interviewer_id"], iv["protocol"], iv["language"]) == (
        setup["rooms"][0], setup["interviewers"]["interviewer"], "nichd", "sv")
    assert iv["starts_at_utc"].startswith("2030-05-06T08:00:00")  # 10:00 in Stockholm (summer time)
    assert [(p["role"], p["display"]) for p in iv["participants"]] == [("observer_police", "Officer Demo")]


def test_from_the_calendar_the_dialog_first_asks_for_the_case(qtbot, open_as, setup):
    s = open_as("coordinator")
    other = sample_case(s)
    dlg = plan_dialog(qtbot, s, setup, case_id=None)
    assert dlg.child.value() is None and "choose the child first" in dlg.count_label.text()
    qtbot.keyClicks(dlg.case_search, setup["case"]["reference"])
    qtbot.waitUntil(lambda: dlg.case_results.count() == 1
                    and dlg.case_results.item(0).data(Qt.ItemDataRole.UserRole) == setup["case"]["id"])
    dlg.case_results.setCurrentRow(0)
    assert dlg.case_id == setup["case"]["id"] != other["id"]
    assert dlg.child.value() == setup["case"]["child_id"]
    dlg.interviewer.set_value(setup["interviewers"]["interviewer"])
    qtbot.mouseClick(dlg.book_button, LEFT)
    assert dlg.interview_id and s.get_interview(dlg.interview_id)["case_id"] == setup["case"]["id"]


def test_a_second_interview_needs_a_justification(qtbot, open_as, setup):
    s = open_as("coordinator")
    core_plan(s, setup)
    dlg = plan_dialog(qtbot, s, setup, starts_at=START.replace(day=20))
    dlg.interviewer.set_value(setup["interviewers"]["interviewer"])
    assert dlg.count_label.text() == "Interview 2 of this child (across all cases)"
    assert dlg.justification_box.isVisibleTo(dlg)
    assert dlg.justification_label.text() == "&Why is another interview needed?"

    qtbot.mouseClick(dlg.book_button, LEFT)  # refused without a reason
    assert dlg.interview_id is None and dlg.isVisible()
    assert "write why another interview is needed" in dlg.justification_message.text()
    assert len(s.case_interviews(setup["case"]["id"])) == 1

    qtbot.keyClicks(dlg.justification, "The child disclosed a further event.")
    qtbot.mouseClick(dlg.book_button, LEFT)
    assert dlg.interview_id is not None
    assert s.get_interview(dlg.interview_id)["justification"] == "The child disclosed a further event."

    panel = make_panel(qtbot, s, setup["case"]["id"])
    assert panel.count_label.text() == "Testa Exampledottir: 2 interviews (across all cases)"
    assert panel.i_model.rowCount() == 2


def test_moving_a_planned_interview(qtbot, open_as, setup):
    s = open_as("coordinator")
    iid = core_plan(s, setup, participants=[{"role": "observer_police", "name": "Officer Demo"}])
    dlg = plan_dialog(qtbot, s, setup, case_id=None, starts_at=None, room_id=None, interview_id=iid)
    assert dlg.book_button.text() == "&Move" and not dlg.child.isEnabled()
    assert dlg.room.value() == setup["rooms"][0] and dlg.start.time().hour() == 10
    dlg.room.set_value(setup["rooms"][1])
    dlg.duration.setValue(90)
    qtbot.mouseClick(dlg.book_button, LEFT)
    assert dlg.interview_id == iid, dlg.error_texts()
    iv = s.get_interview(iid)
    assert iv["room_id"] == setup["rooms"][1] and iv["ends_at_utc"].startswith("2030-05-06T09:30:00")
    assert [p["display"] for p in iv["participants"]] == ["Officer Demo"]


def test_a_room_conflict_needs_a_written_override(qtbot, open_as, setup):
    s = open_as("coordinator")
    other = sample_case(s)  # another child, booked in the same room at the same time
    s.plan_interview(other["id"], other["child_id"], START, 60, setup["rooms"][0],
                     setup["interviewers"]["interviewer2"], time_zone=TZ)
    dlg = plan_dialog(qtbot, s, setup)
    dlg.interviewer.set_value(setup["interviewers"]["interviewer"])
    dlg.run_check()
    assert "This booking clashes" in dlg.conflicts_message.text()  # shown before Book, inline
    reason = "The only room with working recording equipment this week."

    def override(conflict):
        from ui.interviews.conflict_dialog import ConflictDialog
        assert isinstance(conflict, ConflictDialog)
        button = next(b for b in conflict.findChildren(QPushButton) if "Override" in b.text())
        boxes = conflict.findChildren(QPlainTextEdit)
        assert len(boxes) == 1  # one conflict: the room
        assert not button.isEnabled()
        qtbot.keyClicks(boxes[0], reason)
        assert button.isEnabled()
        qtbot.mouseClick(button, LEFT)

    done = answer_modal(override, passing_over="interviewPlanDialog")
    qtbot.mouseClick(dlg.book_button, LEFT)
    assert "error" not in done, done.get("error")
    assert done.get("dialog") is not None
    assert dlg.interview_id is not None
    overrides = s.get_interview(dlg.interview_id)["overrides"]
    assert [(o["conflict"], o["reason"]) for o in overrides] == [("room", reason)]


def test_roles_shape_the_interviews_page(qtbot, open_as, setup, record_path):
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as c:
        iid = core_plan(c, setup)
    t = open_as("therapist")
    panel = make_panel(qtbot, t, setup["case"]["id"])
    assert panel.i_model.rowCount() == 1
    assert not panel.plan_button.isVisibleTo(panel)
    assert not panel.notes_box.isVisibleTo(panel) and not panel.notes.isVisibleTo(panel)
    assert not panel.rec_box.isVisibleTo(panel)
    assert not any(b.isVisibleTo(panel) for b in (panel.held_button, panel.cancel_button))
    panel.close()
    t.close()

    s = open_as("interviewer")
    panel = make_panel(qtbot, s, setup["case"]["id"])
    assert panel.plan_button.isVisibleTo(panel)
    assert panel.notes.isVisibleTo(panel) and not panel.notes.isReadOnly()
    assert not panel.save_notes_button.isEnabled()
    qtbot.keyClicks(panel.notes, "Calm; answered in her own words.")
    assert panel.save_notes_button.isEnabled()
    qtbot.mouseClick(panel.save_notes_button, LEFT)
    assert s.get_interview(iid)["notes"] == "Calm; answered in her own words."
    assert not panel.save_notes_button.isEnabled()


def _panel_with_interview(qtbot, open_as, setup, record_path):
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as c:
        iid = core_plan(c, setup)
    s = open_as("interviewer")
    return s, iid, make_panel(qtbot, s, setup["case"]["id"])


def _start_registration(qtbot, panel, path, label):
    from ui.interviews.recording_dialog import RegisterRecordingDialog
    qtbot.mouseClick(panel.register_button, LEFT)
    dlg = panel.dialog
    assert isinstance(dlg, RegisterRecordingDialog)
    dlg.path.setText(str(path))
    dlg.label.setText(label)
    qtbot.mouseClick(dlg.ok_button, LEFT)
    return dlg


def test_registering_a_recording_shows_its_sha256(qtbot, open_as, setup, record_path, tmp_path):
    s, iid, panel = _panel_with_interview(qtbot, open_as, setup, record_path)
    f = tmp_path / "interview.mp4"
    f.write_bytes(bytes(range(256)) * 4000 + b"the end")
    expected = hashlib.sha256(f.read_bytes()).hexdigest()
    _start_registration(qtbot, panel, f, "Master, camera 1")
    qtbot.waitUntil(lambda: panel.r_model.rowCount() == 1, timeout=10_000)
    assert panel.dialog is None
    [rec] = s.interview_recordings(iid)
    assert rec["sha256"] == expected and rec["size_bytes"] == f.stat().st_size
    sha_cell = panel.r_model.item(0, 3)
    assert sha_cell.text() == expected[:16] + "…"
    assert sha_cell.toolTip() == expected  # the full hash, and copyable:
    panel.r_view.selectRow(0)
    qtbot.mouseClick(panel.copy_button, LEFT)
    assert QApplication.clipboard().text() == expected


def test_cancelling_a_slow_registration_registers_nothing(qtbot, open_as, setup, record_path, tmp_path):
    s, iid, panel = _panel_with_interview(qtbot, open_as, setup, record_path)
    big = tmp_path / "huge.mp4"
    with open(big, "wb") as fh:
        fh.truncate(8 * 1024 ** 3)  # sparse: 8 GiB to hash, nothing on disk
    dlg = _start_registration(qtbot, panel, big, "Huge")
    job = dlg.job
    qtbot.waitUntil(lambda: job.amount_done() > 0 and job.dialog.isVisible(), timeout=10_000)
    assert not dlg.ok_button.isEnabled()  # the GUI runs (this wait), the dialog waits for the hash
    cancel = job.dialog.findChild(QPushButton)
    qtbot.mouseClick(cancel, LEFT)
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    assert job.amount_done() < big.stat().st_size
    assert "Stopped. Nothing was registered." in dlg.error_texts()
    assert s.interview_recordings(iid) == []
    dlg.reject()


def test_a_fixity_mismatch_raises_the_alarm_and_keeps_the_hash(qtbot, open_as, setup, record_path, tmp_path):
    from ui.interviews.fixity import FixityAlarmDialog, FixityCheckDialog
    s, iid, panel = _panel_with_interview(qtbot, open_as, setup, record_path)
    f = tmp_path / "interview.wav"
    f.write_bytes(b"\x00\x01" * 50_000)
    registered = hashlib.sha256(f.read_bytes()).hexdigest()
    s.register_recording(iid, f, label="Master")
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.loading)
    with open(f, "r+b") as fh:  # one byte changes
        fh.seek(1234)
        fh.write(b"\xff")
    panel.r_view.selectRow(0)
    qtbot.mouseClick(panel.fixity_button, LEFT)
    check = panel.dialog
    assert isinstance(check, FixityCheckDialog)
    assert check.path.text() == str(f)
    qtbot.mouseClick(check.ok_button, LEFT)
    qtbot.waitUntil(lambda: isinstance(panel.dialog, FixityAlarmDialog), timeout=10_000)
    alarm = panel.dialog
    texts = alarm.accessibleDescription()
    assert "FIXITY CHECK FAILED" in texts and "The stored hash was NOT changed." in texts
    [rec] = s.interview_recordings(iid)
    assert rec["fixity_status"] == "mismatch" and rec["sha256"] == registered
    qtbot.waitUntil(lambda: not panel.loading)   # the page reads the interviews again
    assert panel.alarm.isVisibleTo(panel) and "FIXITY CHECK FAILED" in panel.alarm.text()
    assert panel.r_model.item(0, 5).text() == "FAILED: contents differ"


def test_the_recordings_follow_the_last_interview_selected_and_the_custody_log_opens(qtbot, open_as, setup,
                                                                                   record_path, tmp_path):
    from ui.interviews.custody import CustodyLogDialog
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as c:
        first = core_plan(c, setup)
        second = core_plan(c, setup, start=START.replace(day=20), justification="A further disclosure.")
    s = open_as("interviewer")
    f = tmp_path / "first.wav"
    f.write_bytes(b"\x00\x01" * 5000)
    s.register_recording(first, f, label="Master, first")
    panel = make_panel(qtbot, s, setup["case"]["id"])
    row = {iv["id"]: i for i, iv in enumerate(panel.interviews)}
    # The first, then at once the second: the first's recordings (read meanwhile) are not shown.
    panel.i_view.setCurrentIndex(panel.i_model.index(row[first], 0))
    panel.i_view.setCurrentIndex(panel.i_model.index(row[second], 0))
    qtbot.waitUntil(lambda: not panel.loading)
    assert panel.selected_id() == second
    assert panel.r_model.rowCount() == 0 and panel.recordings == []
    assert not panel.custody_button.isEnabled()
    panel.i_view.setCurrentIndex(panel.i_model.index(row[first], 0))
    assert panel.r_model.rowCount() == 0   # until the read comes back
    qtbot.waitUntil(lambda: not panel.loading)
    assert [panel.r_model.item(0, 0).text()] == ["Master, first"]
    assert panel.custody_button.isEnabled()
    # The custody log, read off the GUI thread too.
    qtbot.mouseClick(panel.custody_button, LEFT)
    dlg = panel.dialog
    assert isinstance(dlg, CustodyLogDialog)
    qtbot.waitUntil(lambda: not dlg.loading)
    assert [dlg.model.item(r, 1).text() for r in range(dlg.model.rowCount())] == ["Acquired"]
    assert dlg.view.hasFocus()
    dlg.reject()


# --- recording as held, the case status, label corrections, who may register ----------------------
PAST = datetime(2026, 11, 2, 10, 0, tzinfo=ZoneInfo(TZ))   # after sample_case's referral (2026-03-04)


def _step_date(qtbot, field, section_key, key, times: int) -> None:
    """As a user steps a date field: Home (the year) or End (the day), then Up/Page Up."""
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(field, section_key)
    for _ in range(times):
        qtbot.keyClick(field, key)


def _held_dialog(qtbot, panel):
    from ui.interviews.held_dialog import RecordHeldDialog
    panel.held_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(panel.held_button, Qt.Key.Key_Space)
    dlg = panel.dialog
    assert isinstance(dlg, RecordHeldDialog)
    qtbot.waitExposed(dlg)
    return dlg


def test_record_as_held_by_keyboard_refuses_in_full_asks_why_then_is_greyed_out(qtbot, open_as, setup,
                                                                                 record_path):
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as c:
        iid = core_plan(c, setup, start=PAST)
    s = open_as("interviewer")
    panel = make_panel(qtbot, s, setup["case"]["id"])
    assert panel.held_button.isEnabled()
    dlg = _held_dialog(qtbot, panel)
    # A future time: the whole sentence shows, wrapped, and pushes the rows below it down.
    _step_date(qtbot, dlg.day, Qt.Key.Key_Home, Qt.Key.Key_PageUp, 8)   # the year 2106
    assert dlg.day.date().year() == 2106
    qtbot.keyClick(dlg.ok_button, Qt.Key.Key_Space)
    message = dlg.messages["actual_start"]
    qtbot.waitUntil(lambda: message.text() != "")
    assert message.text() == "This start is in the future: record an interview as held after it ended."
    text = message._text
    assert text.height() >= text.heightForWidth(text.width()) > text.fontMetrics().height()
    breaks_caption = dlg.rows["breaks"][0]
    assert message.geometry().bottom() < breaks_caption.geometry().top()
    assert not dlg.reason.isVisible()
    # Three days after the plan: the reason is asked for, with the core's words, and typed.
    _step_date(qtbot, dlg.day, Qt.Key.Key_Home, Qt.Key.Key_PageDown, 8)
    _step_date(qtbot, dlg.day, Qt.Key.Key_End, Qt.Key.Key_Up, 3)   # the 5th
    assert dlg.day.value() == "2026-11-05"
    qtbot.keyClick(dlg.ok_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dlg.reason.isVisible())
    assert dlg.messages["off_plan_reason"].text() == (
        "This is more than 24 hours from the planned start (2026-11-02 10:00): write why.")
    assert dlg.reason.hasFocus()
    qtbot.keyClicks(dlg.reason, "The child was ill on the planned day.")
    qtbot.keyClick(dlg.ok_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.dialog is None and not panel.loading, timeout=5000)
    held = s.get_interview(iid)
    assert (held["status"], held["actual_start_utc"]) == ("held", "2026-11-05T09:00:00.000000Z")
    assert [(o["conflict"], o["reason"]) for o in held["overrides"]] == [
        ("held_off_plan", "The child was ill on the planned day.")]
    assert s.get_case(setup["case"]["id"])["status"] == "open"   # a held interview opens a referred case
    # Once held: greyed out, saying why; the list shows when it was held.
    assert not panel.held_button.isEnabled()
    assert panel.held_button.toolTip().startswith("Already recorded as held: 2026-11-05 10:00–11:00")
    assert panel.i_model.item(0, 1).text().startswith("2026-11-05 10:00–11:00")
    texts = [lab.text() for lab in panel.findChildren(QLabel, "overrideText")]
    assert texts and texts[0].startswith("Held far from the planned time — reason: The child was ill")


def test_the_case_status_badge_follows_an_interview_held(qtbot, open_as, setup, record_path):
    from ui.cases.workspace import CaseWorkspace
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as c:
        iid = core_plan(c, setup, start=PAST)
    s = open_as("coordinator")
    ws = CaseWorkspace(s, case_id=setup["case"]["id"])
    qtbot.addWidget(ws)
    ws.show()
    qtbot.waitExposed(ws)
    assert ws.status_badge.text() == "Status: Referred"
    s.record_interview(iid, actual_start="2026-11-02T10:05", actual_end="2026-11-02T10:55")
    panel = ws.feature_tabs["interviews"]
    panel.changed.emit()
    assert ws.status_badge.text() == "Status: Open"
    assert not ws.is_dirty()


def test_correcting_a_label_by_keyboard_keeps_the_original_in_the_custody_log(qtbot, open_as, setup,
                                                                            record_path, tmp_path):
    from ui.interviews.recording_dialog import CorrectLabelDialog
    s, iid, panel = _panel_with_interview(qtbot, open_as, setup, record_path)
    f = tmp_path / "interview.mp4"
    f.write_bytes(bytes(range(256)) * 100)
    rid = s.register_recording(iid, f, label="tMaster recording")
    panel.refresh(iid)
    qtbot.waitUntil(lambda: panel.r_model.rowCount() == 1 and not panel.loading, timeout=5000)
    panel.r_view.selectRow(0)
    assert panel.label_button.isVisible() and panel.label_button.isEnabled()
    panel.label_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(panel.label_button, Qt.Key.Key_Space)
    dlg = panel.dialog
    assert isinstance(dlg, CorrectLabelDialog)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    dlg.label.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(dlg.label, Qt.Key.Key_Home)
    qtbot.keyClick(dlg.label, Qt.Key.Key_Delete)   # the stray "t"
    qtbot.keyClick(dlg.label, Qt.Key.Key_Tab)
    assert dlg.reason.hasFocus()
    qtbot.keyClicks(dlg.reason, "A stray letter typed at registration.")
    qtbot.keyClick(dlg.ok_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.dialog is None and not panel.loading, timeout=5000)
    qtbot.waitUntil(lambda: panel.r_model.rowCount() == 1 and panel.r_model.item(0, 0).text() == "Master recording",
                    timeout=5000)
    [rec] = s.interview_recordings(iid)
    assert rec["sha256"] == hashlib.sha256(f.read_bytes()).hexdigest()
    panel.r_view.selectRow(0)
    panel.custody_button.click()
    log = panel.dialog
    assert log.label_history.text().splitlines()[0] == "Registered as “tMaster recording”."
    assert log.label_history.text().splitlines()[1].startswith("Corrected to “Master recording” by Interviewer, ")
    assert log.label_history.text().endswith(": A stray letter typed at registration.")
    assert rid == rec["id"]


def test_a_coordinator_sees_register_greyed_out_with_who_may(qtbot, open_as, setup, record_path):
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as c:
        core_plan(c, setup)
    s = open_as("coordinator")
    panel = make_panel(qtbot, s, setup["case"]["id"])
    panel.i_view.selectRow(0)
    assert panel.register_button.isVisible() and not panel.register_button.isEnabled()
    assert panel.register_hint.isVisible()
    assert panel.register_hint.text() == "Recordings are registered by: Forensic interviewer"
    assert panel.register_button.toolTip() == "Recordings are registered by: Forensic interviewer"
    assert not panel.label_button.isVisible()   # correcting a label is for who registers


def test_four_participants_fit_the_planning_dialog_without_sideways_scrolling(qtbot, open_as, setup):
    s = open_as("coordinator")
    dlg = plan_dialog(qtbot, s, setup)
    for i in range(4):
        dlg.participants.add_button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(dlg.participants.add_button, Qt.Key.Key_Space)
        row = dlg.participants.rows[-1]
        row.who.set_value("name")
        qtbot.keyClicks(row.name, f"Observer with a rather long name {i}")
    for size in (None, (1280, 820)):
        if size:
            dlg.resize(*size)
        qtbot.wait(50)
        assert dlg.scroll.horizontalScrollBar().maximum() == 0, size
        viewport = dlg.scroll.viewport()
        for row in dlg.participants.rows:
            right = row.remove.mapTo(viewport, row.remove.rect().topRight()).x()
            assert right <= viewport.width(), (size, right, viewport.width())
