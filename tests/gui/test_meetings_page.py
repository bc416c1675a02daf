"""The Meetings page on real SQLCipher records: planning a meeting by keyboard through the
conflict dialog, building an agenda from the cases due, minuting two cases with the keyboard
shortcut that saves and moves on, the minute-taker's unsaved case surviving a lock as a draft (and
a save racing the draft timer), approved minutes read-only, a therapist's read-only page, a
meeting opened from the calendar, and issuing the minutes (DOCX, signed PDF, cancelled), with
Tab reaching every control added for that. The record is open in one session at a time."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from barnahus_app.api import open_record
from tests.support.gui_shell import answer_modal, make_window, unlock
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, raw, sample_case

pytestmark = pytest.mark.gui

TZ = "Europe/Stockholm"
ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier
NEXT_WEEK = date.today() + timedelta(days=7)


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0)


@pytest.fixture
def setup(record_path):
    """A room, an agency with a contact, two cases, and a meeting next week with both on its agenda
    (made through the core, then closed)."""
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as a:
        room = a.create_room("Blue room", "meeting")
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        agency = s.create_agency(name="Police Region Nord", kind="police")
        contact = s.add_staff_contact(agency_id=agency, name="Det. Berg")
        first, second = sample_case(s), sample_case(s)
        me = s.user_id
    return {"room": room, "contact": contact, "cases": (first, second), "me": me}


def plan(session, setup, day=NEXT_WEEK, items=True, **kw):
    kw.setdefault("room_id", setup["room"])
    mid = session.plan_meeting("case_review", at(day), 60, chair_id=setup["me"], time_zone=TZ, **kw)
    if items:
        session.add_agenda_items(mid, [(c["id"], "new") for c in setup["cases"]])
    return mid


def make_panel(qtbot, session, meeting_id=None):
    from ui.meetings.panel import MeetingsPanel
    panel = MeetingsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(1080, 760)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()   # mnemonics and shortcuts work in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    qtbot.waitUntil(lambda: not panel.loading)
    if meeting_id is not None:
        panel.show_meeting(meeting_id)
        qtbot.waitUntil(lambda: not panel.loading and (panel.view or {}).get("id") == meeting_id)
    return panel


def kept_overrides(session) -> list[tuple]:
    """The override reasons the record keeps (meeting_overrides), read beside the core."""
    conn = raw(session)
    try:
        return conn.execute("SELECT meeting_id, conflict, reason FROM meeting_overrides").fetchall()
    finally:
        conn.close()


def type_into(widget, text):
    widget.setFocus()
    QTest.keyClicks(widget, text)


def test_building_an_agenda_from_the_cases_due(qtbot, open_as, setup):
    s = open_as("coordinator")
    mid = plan(s, setup, items=False)
    first, second = setup["cases"]
    panel = make_panel(qtbot, s, mid)
    panel.tabs.setCurrentWidget(panel.agenda)
    agenda = panel.agenda
    assert agenda.due_list.count() == 2                # both cases are new
    texts = [agenda.due_list.item(i).text() for i in range(2)]
    assert all("New case" in t for t in texts)
    # tick the first proposed case with Space, add it
    agenda.due_list.setFocus()
    agenda.due_list.setCurrentRow(0)
    QTest.keyClick(agenda.due_list, Qt.Key.Key_Space)
    ticked = agenda.ticked()
    assert len(ticked) == 1
    agenda.add_ticked_button.click()
    qtbot.waitUntil(lambda: not panel.loading and agenda.agenda_list.count() == 1, timeout=5000)
    added = ticked[0][0]
    other = second if added == first["id"] else first
    # the other one by its reference, as urgent, with Enter
    assert agenda.due_list.count() == 1
    type_into(agenda.reference, other["reference"])
    QTest.keyClick(agenda.reference, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.loading and agenda.agenda_list.count() == 2, timeout=5000)
    # a reference that is no case says so
    type_into(agenda.reference, "NO-SUCH-CASE")
    QTest.keyClick(agenda.reference, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "No case has the reference NO-SUCH-CASE." in agenda.message.text())
    # the urgent case first: Ctrl+Up in the agenda
    agenda.agenda_list.setFocus()
    agenda.agenda_list.setCurrentRow(1)
    QTest.keyClick(agenda.agenda_list, Qt.Key.Key_Up, CTRL)
    qtbot.waitUntil(lambda: not panel.loading and panel.view["items"][0]["case_id"] == other["id"], timeout=5000)
    items = s.meeting_view(mid)["items"]
    assert [(i["case_id"], i["reason"], i["position"]) for i in items] == [
        (other["id"], "urgent", 1), (added, "new", 2)]
    assert agenda.agenda_list.currentRow() == 0        # the case moved stays selected


def test_minuting_two_cases_with_the_keyboard(qtbot, open_as, setup):
    s = open_as("coordinator")
    mid = plan(s, setup)
    panel = make_panel(qtbot, s, mid)
    assert panel.tabs.currentWidget() is panel.minutes
    w = panel.minutes
    first, second = [i["id"] for i in panel.view["items"]]
    assert w.current["id"] == first
    w.updates["police"][0].set_value("investigating") if w.updates["police"][0].findData("investigating") >= 0 \
        else w.updates["police"][0].setCurrentIndex(1)
    police_status = w.updates["police"][0].value()
    type_into(w.updates["police"][1], "Suspect interviewed")
    w.child_heard.set_value("directly")
    type_into(w.views, "Wants to stay at her school")
    type_into(w.decisions, "Offer a medical examination")
    QTest.keyClick(w.decisions, Qt.Key.Key_Return)
    QTest.keyClicks(w.decisions, "Refer to therapy")
    QTest.keyClick(w.decisions, Qt.Key.Key_PageDown, CTRL)     # save, on to the second case
    qtbot.waitUntil(lambda: w.current["id"] == second, timeout=5000)
    item = s.meeting_view(mid)["items"][0]
    assert item["decisions"] == ["Offer a medical examination", "Refer to therapy"]
    assert item["updates"]["police"] == {"status": police_status, "note": "Suspect interviewed"}
    assert (item["child_heard"], item["child_views"], item["discussed"]) == (
        "directly", "Wants to stay at her school", True)
    assert w.decisions.toPlainText() == ""                      # the second case's own (empty) minutes

    # Not heard needs a reason: the core refuses, the case stays.
    w.child_heard.set_value("not_heard")
    QTest.keyClick(w.discussed, Qt.Key.Key_N, ALT)              # Alt+N: save and next
    qtbot.waitUntil(lambda: "not heard" in w.message.text(), timeout=5000)
    assert w.current["id"] == second
    type_into(w.views, "Too young to be asked; the carer was heard")
    QTest.keyClick(w.views, Qt.Key.Key_PageUp, CTRL)            # save, back to the first
    qtbot.waitUntil(lambda: w.current["id"] == first, timeout=5000)
    item = s.meeting_view(mid)["items"][1]
    assert (item["child_heard"], item["child_not_heard_reason"]) == (
        "not_heard", "Too young to be asked; the carer was heard")
    assert w.decisions.toPlainText() == "Offer a medical examination\nRefer to therapy"
    assert not w.is_dirty()


def test_approving_the_minutes_makes_them_read_only(qtbot, open_as, setup):
    s = open_as("coordinator")
    mid = plan(s, setup, day=date.today() - timedelta(days=1))
    s.record_item(s.meeting_view(mid)["items"][0]["id"], decisions=["Close the protection investigation"])
    s.hold_meeting(mid)
    panel = make_panel(qtbot, s)
    panel.show_meeting(mid)
    qtbot.waitUntil(lambda: not panel.loading and (panel.view or {}).get("status") == "held")
    assert panel.approve_button.isVisible() and not panel.held_button.isVisible()
    assert not panel.minutes.decisions.isReadOnly()

    answered = answer_modal(lambda box: QTest.keyClick(box, Qt.Key.Key_Return))   # Approve is the default
    panel.approve_button.click()
    qtbot.waitUntil(lambda: "dialog" in answered, timeout=5000)
    qtbot.waitUntil(lambda: not panel.loading and (panel.view or {}).get("status") == "approved", timeout=5000)
    w = panel.minutes
    assert w.decisions.isReadOnly() and w.views.isReadOnly() and not w.child_heard.isEnabled()
    assert not w.save_button.isVisible() and not w.action_bar.isVisible()
    assert not panel.approve_button.isVisible() and panel.addendum_button.isVisible()
    assert not panel.agenda.due_box.isVisible() and not panel.attendees.add_bar.isVisible()
    assert s.meeting_view(mid)["status"] == "approved"


def test_a_therapist_reads_the_page_and_changes_nothing(qtbot, open_as, setup, record_path):
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as c:
        mid = plan(c, setup)
    s = open_as("therapist")
    panel = make_panel(qtbot, s)
    qtbot.waitUntil(lambda: not panel.loading and (panel.view or {}).get("id") == mid)
    assert not panel.plan_button.isVisible()
    assert not any(b.isVisible() for b in (panel.held_button, panel.approve_button, panel.cancel_button,
                                           panel.addendum_button))
    assert "Read-only" in panel.people.text()
    assert panel.view["hidden_items"] == 2 and panel.view["items"] == []   # cases they do not work on
    panel.tabs.setCurrentWidget(panel.agenda)
    assert not panel.agenda.due_box.isVisible() and panel.agenda.hidden_label.isVisible()
    panel.tabs.setCurrentWidget(panel.attendees)
    assert not panel.attendees.add_bar.isVisible()


def test_the_calendar_shows_a_meeting_and_opens_it_on_the_meetings_page(qtbot, record_path, setup):
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        mid = plan(s, setup)
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    window.go("calendar")
    cal = window.page("calendar")
    cal.set_date(NEXT_WEEK)
    qtbot.waitUntil(lambda: not cal.loading and bool(cal.bookings()), timeout=5000)
    meeting = [b for b in cal.bookings() if b.kind == "meeting"]
    assert len(meeting) == 1 and meeting[0].id == -mid and meeting[0].case_id is None
    assert cal.grid.select_booking(-mid)
    assert "Enter opens the meeting" in cal.selected_label.text()
    assert not cal.grid.start_move()                   # a meeting moves on the Meetings page
    QTest.keyClick(cal.grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page() == "meetings", timeout=5000)
    page = window.page("meetings")
    qtbot.waitUntil(lambda: not page.loading and (page.view or {}).get("id") == mid, timeout=5000)
    assert QApplication.activeModalWidget() is None


def test_planning_over_an_interview_by_keyboard_keeps_the_written_reason(qtbot, open_as, setup):
    """Ctrl+N, the fields typed and tabbed through, Enter; the room is taken by an interview: the
    conflict dialog asks why, the reason typed, Override; the meeting is booked with the reason."""
    from ui.interviews.conflict_dialog import ConflictDialog
    s = open_as("coordinator")
    first = setup["cases"][0]
    interviewer = next(u["id"] for u in s.list_users() if u["username"] == "interviewer")
    tomorrow = date.today() + timedelta(days=1)
    iid = s.plan_interview(first["id"], first["child_id"], at(tomorrow, 10), 60, setup["room"], interviewer,
                           time_zone=TZ)
    panel = make_panel(qtbot, s)
    panel.table.setFocus()
    QTest.keyClick(panel.table, Qt.Key.Key_N, CTRL)                 # Plan meeting… (Ctrl+N)
    qtbot.waitUntil(lambda: panel.dialog is not None and QApplication.activeWindow() is panel.dialog)
    dlg = panel.dialog
    assert dlg.kind.hasFocus()
    QTest.keyClicks(dlg.kind, "Case review")                        # a combo finds the kind typed
    QTest.keyClick(dlg.kind, Qt.Key.Key_Tab)
    assert dlg.title_edit.hasFocus()
    QTest.keyClicks(dlg.title_edit, "Autumn review")
    QTest.keyClick(dlg.title_edit, Qt.Key.Key_Tab)
    assert dlg.date.hasFocus()                                      # tomorrow, as proposed
    for _section in range(dlg.date.sectionCount()):                 # Tab goes through day, month, year
        QTest.keyClick(dlg.date, Qt.Key.Key_Tab)
    assert dlg.start.hasFocus()
    QTest.keyClicks(dlg.start, "1030")
    QTest.keyClick(dlg.start, Qt.Key.Key_Tab)
    assert dlg.duration.hasFocus()                                  # 60 minutes, as proposed
    QTest.keyClick(dlg.duration, Qt.Key.Key_Tab)
    assert dlg.room.hasFocus()
    QTest.keyClicks(dlg.room, "Blue")
    assert (dlg.kind.value(), dlg.start.time().hour(), dlg.start.time().minute(), dlg.room.value()) == (
        "case_review", 10, 30, setup["room"])
    QTest.keyClick(dlg.room, Qt.Key.Key_Return)                     # Book
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ConflictDialog), timeout=5000)
    conflict = QApplication.activeModalWidget()
    assert "Blue room" in " ".join(lab.text() for lab in conflict.findChildren(QLabel))
    reason = "The only room with a screen for the police on video"
    QTest.keyClicks(QApplication.focusWidget(), reason)              # the first reason has the focus
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_O, ALT)    # Alt+O: Override and book
    qtbot.waitUntil(lambda: dlg.meeting_id is not None and panel.dialog is None, timeout=5000)
    mid = dlg.meeting_id
    qtbot.waitUntil(lambda: not panel.loading and (panel.view or {}).get("id") == mid, timeout=5000)
    m = s.meeting_view(mid)
    assert (m["kind"], m["title"], m["room_id"], m["chair_id"], m["status"]) == (
        "case_review", "Autumn review", setup["room"], setup["me"], "planned")
    local = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 10, 30, tzinfo=ZoneInfo(TZ))
    assert m["starts_at_utc"][:16] == local.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M")
    kept = kept_overrides(s)
    assert kept == [(mid, f"room:{setup['room']}:{iid}", reason)]


def test_unsaved_minutes_survive_a_lock_and_are_then_saved(qtbot, record_path, setup):
    """The minute-taker types a case's minutes and the record locks (Ctrl+L) before the draft
    timer: the case comes back after unlocking, marked unsaved, and Ctrl+S stores it."""
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        mid = plan(s, setup)
        first_item = s.meeting_view(mid)["items"][0]["id"]
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    window.go("meetings")
    page = window.page("meetings")
    qtbot.waitUntil(lambda: not page.loading and (page.view or {}).get("id") == mid, timeout=5000)
    w = page.minutes
    assert w.current["id"] == first_item
    w.child_heard.set_value("trusted_person")
    type_into(w.views, "Wants her dog to come along to therapy")
    type_into(w.decisions, "Offer therapy at the centre")
    assert w.is_dirty()
    QTest.keyClick(w.decisions, Qt.Key.Key_L, CTRL)                 # lock at once, before the draft timer
    qtbot.waitUntil(lambda: not window.is_unlocked(), timeout=10_000)

    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    window.go("meetings")
    page = window.page("meetings")
    qtbot.waitUntil(lambda: not page.loading and (page.view or {}).get("id") == mid, timeout=5000)
    w = page.minutes
    qtbot.waitUntil(lambda: w.current is not None and w.current["id"] == first_item and w.is_dirty(), timeout=5000)
    assert page.tabs.currentWidget() is w
    assert w.views.toPlainText() == "Wants her dog to come along to therapy"
    assert w.decisions.toPlainText() == "Offer therapy at the centre"
    assert "they are back" in w.message.text()
    assert w.discussed.hasFocus()                                   # the keyboard is in the case that came back
    QTest.keyClick(w.discussed, Qt.Key.Key_S, CTRL)                 # save
    qtbot.waitUntil(lambda: not w.is_dirty() and not page.loading, timeout=5000)
    s = window.session
    item = next(i for i in s.meeting_view(mid)["items"] if i["id"] == first_item)
    assert (item["discussed"], item["child_heard"], item["child_views"], item["decisions"]) == (
        True, "trusted_person", "Wants her dog to come along to therapy", ["Offer therapy at the centre"])
    assert [d for d in s.drafts() if d["kind"] == "meeting_item"] == []   # the draft went with the save


def test_saving_while_a_draft_is_on_its_way_leaves_no_stale_draft(qtbot, open_as, setup):
    """The draft timer fired just before Ctrl+S (its write not answered yet): the save still
    discards it. Typing on while the case is being stored keeps the case unsaved."""
    s = open_as("coordinator")
    mid = plan(s, setup)
    panel = make_panel(qtbot, s, mid)
    w = panel.minutes
    item_id = w.current["id"]
    w.child_heard.set_value("directly")
    type_into(w.views, "Likes the new foster home")
    w.keep_draft()                                                  # as the timer would, a moment after typing
    QTest.keyClick(w.views, Qt.Key.Key_S, CTRL)                     # saved before the draft's answer came back
    qtbot.waitUntil(lambda: not w.is_dirty() and not panel.loading, timeout=5000)
    assert [d for d in s.drafts() if d["kind"] == "meeting_item"] == []
    assert s.meeting_view(mid)["items"][0]["child_views"] == "Likes the new foster home"

    QTest.keyClick(w.views, Qt.Key.Key_End, CTRL)
    QTest.keyClicks(w.views, " and her school")
    w.save()
    QTest.keyClicks(w.views, " and her football team")             # while the save is on its way
    qtbot.waitUntil(lambda: not panel.loading and w.state.text() == "Not saved yet.", timeout=5000)
    assert w.is_dirty()
    QTest.keyClick(w.views, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not w.is_dirty() and not panel.loading, timeout=5000)
    item = next(i for i in s.meeting_view(mid)["items"] if i["id"] == item_id)
    assert item["child_views"] == "Likes the new foster home and her school and her football team"
    assert [d for d in s.drafts() if d["kind"] == "meeting_item"] == []


WORK_MS = 60_000   # rendering and signing on a slow machine


def test_issuing_the_minutes_as_docx_and_signed_pdf(qtbot, open_as, setup, tmp_path):
    """Alt+I on a held meeting: the dialog says the minutes are a DRAFT until approved; a DOCX, then a
    pseudonymised signed PDF, each written, registered for the meeting and listed under it."""
    import hashlib
    s = open_as("coordinator")
    mid = plan(s, setup, day=date.today() - timedelta(days=1))
    s.record_item(s.meeting_view(mid)["items"][0]["id"], decisions=["Offer therapy at the centre"])
    s.hold_meeting(mid)
    panel = make_panel(qtbot, s, mid)
    assert panel.issue_button.isVisible() and panel.view["status"] == "held"
    assert "Alt+I" in panel.issue_button.toolTip()

    QTest.keyClick(panel.table, Qt.Key.Key_I, ALT)                  # Issue minutes…
    qtbot.waitUntil(lambda: panel.dialog is not None and QApplication.activeWindow() is panel.dialog)
    dlg = panel.dialog
    assert dlg.objectName() == "issueMinutesDialog"
    assert dlg.draft_note.isVisible() and "DRAFT" in dlg.draft_note.text()
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    assert dlg.path().endswith(f"minutes-{yesterday}-meeting-{mid}-draft.pdf")   # the default name
    out_docx = tmp_path / "review-minutes.docx"
    dlg.set_path(tmp_path / "review-minutes.pdf")
    QTest.keyClick(dlg, Qt.Key.Key_D, ALT)                          # DOCX: the path's ending follows
    qtbot.waitUntil(lambda: dlg.fmt() == "docx")                    # (a mnemonic clicks a moment later)
    assert dlg.path() == str(out_docx)
    dlg.path_row.edit.setFocus()
    QTest.keyClick(dlg.path_row.edit, Qt.Key.Key_Return)            # Write the minutes
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.objectName() == "issuedDialog",
                    timeout=WORK_MS)
    receipt = panel.dialog
    assert receipt.windowTitle() == "Minutes written"
    docs = s.meeting_documents(mid)
    assert [(d["doc_type"], d["format"], d["pseudonymised"], d["case_reference"]) for d in docs] == [
        ("minutes", "docx", False, None)]
    assert out_docx.is_file() and docs[0]["sha256"] == hashlib.sha256(out_docx.read_bytes()).hexdigest()
    assert receipt.values["document"] == docs[0]["document_id"]
    QTest.keyClick(receipt, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.dialog is None and not panel.loading)
    assert panel.tabs.currentWidget() is panel.issued
    assert docs[0]["document_id"] in panel.issued.item(0).text()

    out_pdf = tmp_path / "review-minutes-pseudonymised.pdf"
    dlg = panel.issue_minutes(path=out_pdf)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg)
    assert dlg.fmt() == "pdf"
    QTest.keyClick(dlg, Qt.Key.Key_U, ALT)                          # Pseudonymise
    qtbot.waitUntil(dlg.pseudonymise.isChecked)
    dlg.path_row.edit.setFocus()
    QTest.keyClick(dlg.path_row.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.objectName() == "issuedDialog",
                    timeout=WORK_MS)
    panel.dialog.reject()
    qtbot.waitUntil(lambda: panel.dialog is None and not panel.loading)
    docs = s.meeting_documents(mid)
    assert [(d["format"], d["pseudonymised"]) for d in docs] == [("pdf", True), ("docx", False)]
    assert out_pdf.read_bytes().startswith(b"%PDF")
    assert docs[0]["sha256"] == hashlib.sha256(out_pdf.read_bytes()).hexdigest()
    assert panel.issued.count() == 2 and docs[0]["document_id"] in panel.issued.item(0).text()
    assert "pseudonymised" in panel.issued.item(0).text()


def test_approved_minutes_are_issued_without_the_draft_word_and_a_therapist_cannot_issue(
        qtbot, open_as, setup, record_path):
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as c:
        mid = plan(c, setup, day=date.today() - timedelta(days=1))
        c.hold_meeting(mid)
        c.approve_minutes(mid)
    s = open_as("therapist")
    panel = make_panel(qtbot, s, mid)
    assert not panel.issue_button.isVisible() and panel.issue_minutes() is None
    panel.close()
    s.close()
    s = open_as("coordinator")
    panel = make_panel(qtbot, s, mid)
    assert panel.issue_button.isVisible()
    dlg = panel.issue_minutes()
    assert not dlg.draft_note.isVisible() and "-draft" not in dlg.path()
    dlg.reject()


# --- the newer controls by keyboard ------------------------------------------------------------
def tab_until(start, target, limit: int = 60, back: bool = False) -> list:
    """Press Tab (Shift+Tab) from start until target has the focus; the widgets passed on the way."""
    key = Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = []
    for _ in range(limit):
        w = QApplication.focusWidget()
        if w is target:
            return seen
        seen.append(w)
        QTest.keyClick(w, key)
    raise AssertionError(f"Tab never reached {target.objectName()}: {[x.objectName() for x in seen]}")


def held_meeting(s, setup):
    mid = plan(s, setup, day=date.today() - timedelta(days=1))
    s.hold_meeting(mid)
    return mid


def test_tab_reaches_the_issue_button_and_the_minutes_issued(qtbot, open_as, setup):
    s = open_as("coordinator")
    mid = held_meeting(s, setup)
    panel = make_panel(qtbot, s, mid)
    tab_until(panel.table, panel.issue_button)
    assert panel.issue_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    panel.tabs.setCurrentWidget(panel.issued)
    tab_until(panel.issue_button, panel.issued)
    assert panel.issued.count() == 1 and panel.issued.item(0).text() == "No minutes issued yet."


def test_the_issue_dialog_is_one_tab_chain_and_escape_stops_the_writing(qtbot, open_as, setup, tmp_path):
    s = open_as("coordinator")
    mid = held_meeting(s, setup)
    panel = make_panel(qtbot, s, mid)
    out = tmp_path / "minutes.pdf"
    dlg = panel.issue_minutes(path=out)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg)
    order = [dlg.pdf, dlg.pseudonymise, dlg.path_row.edit, dlg.path_row.button, dlg.ok_button]
    for a, b in zip(order, order[1:]):
        passed = tab_until(a, b, limit=3)
        assert len(passed) == 1, [w.objectName() for w in passed]   # b is the very next stop after a
    # the DRAFT word is said before anything is written
    assert dlg.draft_note.isVisible() and "DRAFT" in dlg.draft_note.text()

    # Enter writes; Escape at once asks the core to stop: nothing written, nothing registered.
    dlg.path_row.edit.setFocus()
    QTest.keyClick(dlg.path_row.edit, Qt.Key.Key_Return)
    assert dlg.job is not None and dlg.job.running
    QTest.keyClick(dlg, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dlg.job.running, timeout=60_000)
    assert dlg.isVisible()                                      # the dialog stays, and says what happened
    assert "Stopped. Nothing was written and nothing was registered." in dlg.general.text()
    assert not out.exists() and s.meeting_documents(mid) == []
    dlg.reject()


def test_a_lock_while_the_conflict_dialog_asks_books_nothing(qtbot, record_path, setup):
    """Ctrl+L while the clash is shown: both dialogs close, the record locks at once (no event loop
    of a dialog holds it up), and no meeting was booked."""
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        first = setup["cases"][0]
        interviewer = next(u["id"] for u in s.list_users() if u["username"] == "interviewer")
        tomorrow = date.today() + timedelta(days=1)
        s.plan_interview(first["id"], first["child_id"], at(tomorrow, 10), 60, setup["room"], interviewer,
                         time_zone=TZ)
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    window.go("meetings")
    page = window.page("meetings")
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)
    dlg = page.plan_meeting()
    dlg.kind.set_value("case_review")
    dlg.room.set_value(setup["room"])
    dlg.start.setTime(dlg.start.time().fromString("10:00", "HH:mm"))
    dlg.accept()
    qtbot.waitUntil(lambda: dlg.conflicts is not None and dlg.conflicts.isVisible(), timeout=5000)
    QTest.keyClick(dlg.conflicts, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: not window.is_unlocked(), timeout=10_000)
    assert QApplication.activeModalWidget() is None
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        assert s.meetings(tomorrow, tomorrow) == []


def test_asking_a_colleague_busy_in_an_interview_needs_a_reason(qtbot, open_as, setup):
    """The attendees' save over a clash opens the conflict dialog without a nested event loop;
    the reason typed is kept, and going back saves nothing."""
    from ui.interviews.conflict_dialog import ConflictDialog
    s = open_as("coordinator")
    first = setup["cases"][0]
    interviewer = next(u["id"] for u in s.list_users() if u["username"] == "interviewer")
    tomorrow = date.today() + timedelta(days=1)
    iid = s.plan_interview(first["id"], first["child_id"], at(tomorrow, 10), 60, setup["room"], interviewer,
                           time_zone=TZ)
    mid = plan(s, setup, day=tomorrow, room_id=None, remote=True)
    panel = make_panel(qtbot, s, mid)
    panel.tabs.setCurrentWidget(panel.attendees)
    ed = panel.attendees
    ed.add_combo.set_value(f"user:{interviewer}")
    ed.add_button.click()
    ed.rows[-1].discipline.set_value("centre")

    def conflict():
        d = QApplication.activeModalWidget()
        return d if isinstance(d, ConflictDialog) else None

    QTest.keyClick(ed, Qt.Key.Key_S, ALT)                           # Save attendance
    qtbot.waitUntil(lambda: conflict() is not None, timeout=5000)
    QTest.keyClick(conflict(), Qt.Key.Key_G, ALT)                   # Go back and change it
    qtbot.waitUntil(lambda: conflict() is None and "Not saved" in ed.message.text(), timeout=5000)
    assert s.meeting_view(mid)["attendees"] == []
    panel.activateWindow()                                          # (offscreen has no window manager to do it)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)

    QTest.keyClick(ed, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: conflict() is not None, timeout=5000)
    reason_edit = next(iter(conflict()._reasons.values()))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is reason_edit, timeout=5000)   # the dialog puts it there
    reason = "Joins for the first ten minutes only"
    QTest.keyClicks(reason_edit, reason)
    QTest.keyClick(reason_edit, Qt.Key.Key_O, ALT)                  # Override and book

    def saved():   # an assertion, so that a failure says what the editor showed instead
        assert "Attendance saved." in ed.message.text(), (ed.message.text(), conflict(), QApplication.activeWindow())
    qtbot.waitUntil(saved, timeout=5000)
    qtbot.waitUntil(lambda: not panel.loading, timeout=5000)        # the meeting read again after the save
    saved()                                                         # ... keeps what the save said
    assert [a["user_id"] for a in s.meeting_view(mid)["attendees"]] == [interviewer]
    kept = kept_overrides(s)
    assert kept == [(mid, f"staff:{interviewer}:{iid}", reason)]


def test_choosing_another_meeting_saves_the_minutes_being_written_and_shows_the_other(qtbot, open_as, setup):
    """The case being minuted is stored when the user picks another meeting in the list, and the
    meeting picked is the one shown (the save's re-read must not bring the first one back)."""
    s = open_as("coordinator")
    first = plan(s, setup)
    second = plan(s, setup, day=NEXT_WEEK + timedelta(days=1), items=False)
    panel = make_panel(qtbot, s, first)
    w = panel.minutes
    type_into(w.decisions, "Offer a medical examination")
    assert w.is_dirty()
    row = next(i for i, m in enumerate(panel.meetings) if m["id"] == second)
    panel.table.selectRow(row)
    qtbot.waitUntil(lambda: not panel.loading and (panel.view or {}).get("id") == second, timeout=5000)
    qtbot.wait(300)   # any late re-read of the first meeting would land by now
    assert panel.view["id"] == second
    assert panel.meetings[panel.table.currentIndex().row()]["id"] == second
    assert s.meeting_view(first)["items"][0]["decisions"] == ["Offer a medical examination"]
