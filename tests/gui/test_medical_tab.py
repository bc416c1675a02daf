"""The case workspace's Medical tab (issue #14): a medical user plans an examination by keyboard,
records the agreement, holds it, adds a finding and orders a test, and the core reads them back; a
declined child is never held (the core's message beside the agreement); a coordinator's workspace
has no Medical tab. Real SQLCipher records, made through the core; expected values by hand."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from tests.support.records import STAFF_PASSWORD, login, sample_case
from ui.common.tasks import wait_for_all

from tests.support.case_tabs import ALT, CTRL, K, accepted, focused, opened, press, wait_read
from tests.support.case_tabs import open_workspace as open_case_workspace

pytestmark = pytest.mark.gui

TZ = "Europe/Stockholm"


def open_workspace(qtbot, session, case_id):
    return open_case_workspace(qtbot, session, case_id, (1060, 760))


@pytest.fixture
def setup(record_path):
    """A medical room and a case (the coordinator's), made through the core."""
    with login(record_path, "admin") as a:
        room = a.create_room("Medical room", "medical")
        a.add_user("reviewer", "Rita Reviewer", ["medical"], STAFF_PASSWORD)
    with login(record_path, "coordinator") as c:
        case = sample_case(c)
    return {"room": room, "case": case}


def open_medical_tab(qtbot, session, case_id):
    """The Medical tab, opened with Alt+M."""
    ws = open_workspace(qtbot, session, case_id)
    qtbot.keyClick(focused(), K.Key_M, ALT)
    panel = ws.medical_page
    assert ws.tabs.currentWidget() is panel
    wait_read(qtbot, panel)
    return ws, panel


def test_a_medical_user_plans_holds_and_documents_an_examination_by_keyboard(qtbot, open_as, setup):
    s = open_as("medical")
    case = setup["case"]
    ws, panel = open_medical_tab(qtbot, s, case["id"])
    assert panel.x_empty.isVisible()

    # Plan: Ctrl+N; the only child is chosen, the examiner is the user; the date is tomorrow 09:00.
    panel.x_empty.setFocus()
    press(qtbot, K.Key_N, CTRL)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.kind
    qtbot.keyClicks(dlg.kind, "Acute")
    press(qtbot, K.Key_R)
    assert focused() is dlg.room
    qtbot.keyClicks(dlg.room, "Medical")
    press(qtbot, K.Key_M)
    qtbot.keyClicks(focused(), "Police")
    press(qtbot, K.Key_P)
    qtbot.keyClicks(focused(), "Urgent")
    assert (dlg.kind.value(), dlg.room.value(), dlg.commissioned.value(), dlg.priority.value(),
            dlg.examiner.value(), dlg.child.value()) == (
        "acute_forensic", setup["room"], "police", "urgent", s.user_id, case["child_id"])
    press(qtbot, K.Key_B)   # Book
    accepted(qtbot, panel, dlg)

    (x,) = s.case_examinations(case["id"])
    tomorrow = date.today() + timedelta(days=1)
    assert (x["kind"], x["status"], x["room_name"], x["examiner_name"], x["commissioned_by"], x["priority"]) == (
        "acute_forensic", "planned", "Medical room", "Medical", "police", "urgent")
    assert x["time_zone"] == TZ   # the centre's zone
    assert panel.x_model.rowCount() == 1
    assert panel.x_model.item(0, 1).text() == "Acute forensic examination"
    assert panel.x_model.item(0, 3).text() == "Planned"
    assert panel.x_model.item(0, 0).text() == f"{tomorrow.isoformat()} 09:00–10:00"

    # The agreement: the child's (Alt+D; Alt+A is the Psychosocial tab) and the guardian's (Alt+G), recorded with Alt+E.
    press(qtbot, K.Key_D)
    assert focused() is panel.agree_child
    qtbot.keyClick(panel.agree_child, K.Key_Down)   # from "Not recorded" to "The child agreed"
    press(qtbot, K.Key_G)
    assert focused() is panel.agree_guardian
    qtbot.keyClick(panel.agree_guardian, K.Key_Down)   # (a space would open the list)
    assert (panel.agree_child.value(), panel.agree_guardian.value()) == ("agreed", "agreed")
    press(qtbot, K.Key_E)
    wait_read(qtbot, panel)
    assert panel.agreement_message.text() == "" and panel.message.text() == ""
    x = s.examination_view(x["id"])
    assert (x["agreement_child"], x["agreement_guardian"]) == ("agreed", "agreed")

    # Who is present (Alt+W): a trusted person, by name.
    press(qtbot, K.Key_W)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.lines[0][0]
    qtbot.keyClick(focused(), K.Key_Down)   # from "Nobody" to "Trusted person"
    qtbot.keyClick(focused(), K.Key_Tab)
    qtbot.keyClicks(focused(), "Tina Trust")
    qtbot.keyClick(focused(), K.Key_S, ALT)   # Save
    accepted(qtbot, panel, dlg)
    assert s.examination_view(x["id"])["presence"] == [{"role": "trusted_person", "person_id": None,
                                                       "name": "Tina Trust"}]
    assert "Present: Tina Trust (Trusted person)" in panel.summary.text()

    # Mark held (Alt+K).
    press(qtbot, K.Key_K)
    wait_read(qtbot, panel)
    assert s.examination_view(x["id"])["status"] == "held"
    assert panel.x_model.item(0, 3).text() == "Held"

    # A finding: Alt+I; the item found by its code; the category is derived and shown.
    press(qtbot, K.Key_I)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.item
    qtbot.keyClicks(dlg.item, "4.05")
    assert dlg.item.value() == "4.05"
    assert dlg.category.text() == "4: Caused by trauma (acute or healing) (needs an expert review)"
    press(qtbot, K.Key_S)
    qtbot.keyClicks(focused(), "Hymen")
    press(qtbot, K.Key_D)
    qtbot.keyClicks(focused(), "Fresh laceration at 6 o'clock")
    qtbot.keyClick(focused(), K.Key_A, ALT)   # Add
    accepted(qtbot, panel, dlg)
    (f,) = s.examination_view(x["id"])["detail"]["findings"]
    assert (f["item_code"], f["category"], f["site"], f["description"]) == (
        "4.05", 4, "hymen", "Fresh laceration at 6 o'clock")
    assert [panel.f_model.item(0, c).text() for c in range(4)] == [
        "4: Caused by trauma (acute or healing)", "4.05 Acute laceration of the hymen", "Hymen",
        "Fresh laceration at 6 o'clock"]

    # A test: Alt+S; the kind typed; ordered today, the result due by default.
    press(qtbot, K.Key_S)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.kind
    qtbot.keyClicks(dlg.kind, "Sexually")
    press(qtbot, K.Key_P)
    qtbot.keyClicks(focused(), "HIV")
    qtbot.keyClick(focused(), K.Key_O, ALT)   # Order
    accepted(qtbot, panel, dlg)
    (t,) = s.examination_view(x["id"])["detail"]["tests"]
    assert (t["kind"], t["prophylaxis"], t["ordered_on"], t["result_status"]) == (
        "sti", "hiv_pep", date.today().isoformat(), "pending")
    assert panel.t_model.item(0, 0).text() == "Sexually transmitted infections"
    assert panel.t_model.item(0, 3).text() == "Pending"

    # Notes and the statement, saved.
    panel.notes.setFocus()
    qtbot.keyClicks(panel.notes, "Calm, a carer present")
    qtbot.keyClick(focused(), K.Key_Tab)
    assert focused() is panel.statement
    qtbot.keyClicks(panel.statement, "The findings are consistent with the account")
    qtbot.keyClick(focused(), K.Key_Tab)
    assert focused() is panel.save_notes_button
    qtbot.keyClick(focused(), K.Key_Space)
    wait_read(qtbot, panel)
    d = s.examination_view(x["id"])["detail"]
    assert (d["notes"], d["statement"]) == ("Calm, a carer present", "The findings are consistent with the account")

    # The statement released for the court summary.
    assert panel.release_statement_button.isEnabled()
    panel.release_statement_button.click()
    dlg = opened(qtbot, panel)
    qtbot.keyClicks(dlg.purpose, "Court")
    qtbot.keyClick(focused(), K.Key_R, ALT)   # Release
    accepted(qtbot, panel, dlg)
    assert s.examination_view(x["id"])["statement_released_for"] == ["case_summary"]
    assert panel.released_label.text() == "The statement is released for: Court summary"

    # The outcome released to the team (Alt+C).
    press(qtbot, K.Key_C)
    dlg = opened(qtbot, panel)
    qtbot.keyClicks(dlg.outcome, "Findings")
    qtbot.keyClick(focused(), K.Key_R, ALT)   # Release
    accepted(qtbot, panel, dlg)
    assert s.examination_view(x["id"])["released_outcome"] == "findings_see_statement"
    panel.detail_scroll.verticalScrollBar().setValue(0)
    screenshot(panel, "medical_tab.png")


def screenshot(widget, name: str) -> None:
    """With SCREENSHOTS=folder set: the widget as shown, saved there for a person to look at."""
    import os
    from pathlib import Path
    if os.environ.get("SCREENSHOTS"):
        folder = Path(os.environ["SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(folder / name))


def test_a_declined_child_is_not_held_and_the_core_says_why(qtbot, open_as, setup, record_path):
    case = setup["case"]
    with login(record_path, "medical") as m:
        xid = m.plan_examination(case["id"], case["child_id"], "non_acute_forensic", "2026-12-20T10:00", 60,
                                 examiner_id=m.user_id, commissioned_by="health", priority="non_urgent",
                                 time_zone=TZ, room_id=setup["room"])
        m.record_agreement(xid, child="declined")
    s = open_as("medical")
    ws, panel = open_medical_tab(qtbot, s, case["id"])
    assert panel.x_model.item(0, 3).text() == "Declined by the child"
    assert panel.agree_child.value() == "declined"
    # The panel offers Mark held only for a planned examination; the core refuses it all the same.
    assert not panel.hold_button.isEnabled()
    panel.hold()
    qtbot.waitUntil(lambda: bool(panel.agreement_message.text()), timeout=5000)
    assert panel.agreement_message.text() == (
        "The child declined this examination: no child is examined by force. Cancel it, or record the "
        "child's agreement if they change their mind.")
    assert s.examination_view(xid)["status"] == "declined"
    screenshot(panel, "medical_declined.png")


def test_a_coordinators_workspace_has_no_medical_tab(qtbot, open_as, setup):
    s = open_as("coordinator")
    ws = open_workspace(qtbot, s, setup["case"]["id"])
    assert ws.medical_page is None
    assert "medical" not in ws.feature_tabs
    assert all(ws.tabs.tabText(i).replace("&", "") != "Medical" for i in range(ws.tabs.count()))


def held_exam(record_path, setup) -> tuple[int, int]:
    """(an examination held by 'medical' with a finding needing review, its pending test)."""
    case = setup["case"]
    with login(record_path, "medical") as m:
        xid = m.plan_examination(case["id"], case["child_id"], "acute_forensic", "2026-11-02T10:00", 60,
                                 examiner_id=m.user_id, commissioned_by="police", priority="urgent", time_zone=TZ,
                                 room_id=setup["room"])
        m.record_agreement(xid, child="agreed", guardian="agreed")
        m.hold_examination(xid)
        m.add_finding(xid, "4.05", "hymen", "A finding")
        tid = m.order_test(xid, "sti", "2026-11-02")
    return xid, tid


def test_a_result_recorded_the_child_told_and_another_medical_user_reviews(qtbot, open_as, setup, record_path):
    xid, tid = held_exam(record_path, setup)
    s = open_as("medical")
    ws, panel = open_medical_tab(qtbot, s, setup["case"]["id"])
    assert panel.reviews_label.text() == "A finding needs an expert review by another medical colleague."
    assert not panel.review_button.isVisible() or not panel.review_button.isEnabled()   # not one's own
    panel.t_view.setFocus()
    panel.t_view.selectRow(0)
    assert panel.result_button.isEnabled()
    panel.result_button.click()
    dlg = opened(qtbot, panel)
    qtbot.keyClicks(dlg.result, "Negative")
    dlg.received.set_value(date(2026, 11, 10))
    dlg.accept()
    accepted(qtbot, panel, dlg)
    (t,) = s.examination_view(xid)["detail"]["tests"]
    assert (t["result_status"], t["result"], t["received_on"]) == ("received", "Negative", "2026-11-10")
    assert panel.t_model.item(0, 3).text() == "Negative"

    press(qtbot, K.Key_H)   # the child told the result
    dlg = opened(qtbot, panel)
    dlg.on.set_value(date(2026, 11, 12))
    assert dlg.by.value() == s.user_id   # the examiner, by default
    dlg.accept()
    accepted(qtbot, panel, dlg)
    x = s.examination_view(xid)
    assert (x["told_result_on"], x["told_result_by"]) == ("2026-11-12", s.user_id)

    ws.discard_changes_on_close()
    ws.close()
    wait_for_all(10_000)
    s.close()   # one session at a time on a record
    r = open_as("reviewer")
    ws2, panel2 = open_medical_tab(qtbot, r, setup["case"]["id"])
    assert panel2.review_button.isEnabled()
    press(qtbot, K.Key_X)
    dlg = opened(qtbot, panel2)
    assert focused() is dlg.agree
    qtbot.keyClick(dlg.agree, K.Key_C, ALT)
    qtbot.keyClicks(focused(), "Agree with the interpretation")
    dlg.on.set_value(date(2026, 11, 20))
    dlg.accept()
    accepted(qtbot, panel2, dlg)
    (rv,) = r.examination_view(xid)["detail"]["reviews"]
    assert (rv["agrees"], rv["comment"], rv["reviewed_on"], rv["reviewer_id"]) == (
        True, "Agree with the interpretation", "2026-11-20", r.user_id)
    assert panel2.reviews_label.text() == "Reviewed on 2026-11-20: agrees. Agree with the interpretation"


def test_a_clash_asks_for_a_reason_and_a_booking_is_cancelled_with_one(qtbot, open_as, setup, record_path):
    case = setup["case"]
    with login(record_path, "medical") as m:
        m.plan_examination(case["id"], case["child_id"], "initial_health_assessment", "2026-12-20T10:00", 60,
                           examiner_id=m.user_id, commissioned_by="health", priority="non_urgent", time_zone=TZ,
                           room_id=setup["room"])
    s = open_as("medical")
    ws, panel = open_medical_tab(qtbot, s, case["id"])
    dlg = panel.plan_examination()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=5000)
    dlg.kind.set_value("follow_up")
    dlg.date.set_value(date(2026, 12, 20))
    dlg.start.setTime(dlg.start.time().fromString("10:30", "HH:mm"))
    dlg.room.set_value(setup["room"])
    dlg.commissioned.set_value("health")
    dlg.priority.set_value("non_urgent")
    dlg.accept()
    qtbot.waitUntil(lambda: dlg.conflicts is not None, timeout=5000)
    conflicts = dlg.conflicts
    assert s.case_examinations(case["id"])[1:] == []   # nothing booked yet
    for box in conflicts.findChildren(QPlainTextEdit):
        box.setPlainText("The only slot before the holidays")
    conflicts.accept()
    accepted(qtbot, panel, dlg)
    kinds = [(x["kind"], x["status"]) for x in s.case_examinations(case["id"])]
    assert kinds == [("initial_health_assessment", "planned"), ("follow_up", "planned")]

    panel.x_view.setFocus()
    panel.x_view.selectRow(1)
    # Edit the booking (Alt+B): the priority raised, the last contact known -> acute (within 72 hours).
    press(qtbot, K.Key_B)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.commissioned
    dlg.priority.set_value("urgent")
    dlg.last_contact.check.setChecked(True)
    dlg.last_contact.editor.setDateTime(QDateTime(QDate(2026, 12, 19), QTime(18, 0)))
    dlg.accept()
    accepted(qtbot, panel, dlg)
    x = s.case_examinations(case["id"])[1]
    assert (x["priority"], x["acute"], x["commissioned_by"]) == ("urgent", True, "health")
    assert panel.x_model.item(1, 4).text() == "Yes"

    press(qtbot, K.Key_N)   # Cancel…
    dlg = opened(qtbot, panel)
    assert focused() is dlg.reason
    qtbot.keyClicks(dlg.reason, "Booked twice by mistake")
    dlg.accept()
    accepted(qtbot, panel, dlg)
    x = s.case_examinations(case["id"])[1]
    assert (x["status"], x["cancel_reason"]) == ("cancelled", "Booked twice by mistake")
    assert panel.x_model.item(1, 3).text() == "Cancelled"


def test_a_sample_registered_sealed_and_handed_to_the_police(qtbot, open_as, setup, record_path):
    xid, _tid = held_exam(record_path, setup)
    s = open_as("medical")
    ws, panel = open_medical_tab(qtbot, s, setup["case"]["id"])
    panel.sample_button.click()
    dlg = opened(qtbot, panel)
    assert focused() is dlg.kit
    qtbot.keyClicks(dlg.kit, "KIT-0042")
    qtbot.keyClick(focused(), K.Key_T, ALT)
    qtbot.keyClicks(focused(), "Genital")
    qtbot.keyClick(focused(), K.Key_W, ALT)
    qtbot.keyClicks(focused(), "Examination room")
    dlg.accept()
    accepted(qtbot, panel, dlg)
    qtbot.waitUntil(lambda: panel.s_model.rowCount() == 1, timeout=5000)
    assert [panel.s_model.item(0, c).text() for c in range(5)] == ["KIT-0042", "Genital swab", "", "", "Collected"]

    # Handed to the police before it is sealed: the core refuses, its message beside the event.
    panel.sample_event_button.click()
    dlg = opened(qtbot, panel)
    dlg.event.set_value("handed_to_police")
    dlg.location.setText("Reception")
    dlg.counterpart.setText("Officer Berg, Police Region South")
    dlg.receipt.setText("R-19")
    dlg.accept()
    qtbot.waitUntil(lambda: not dlg.running and bool(dlg.error_texts()), timeout=5000)
    assert dlg.error_texts() == ["Seal the sample before it leaves the centre (record its seal number)."]
    dlg.event.set_value("sealed")
    dlg.seal.setText("SEAL-7")
    dlg.accept()
    accepted(qtbot, panel, dlg)
    qtbot.waitUntil(lambda: panel.s_model.rowCount() == 1 and panel.s_model.item(0, 4).text() == "Sealed",
                    timeout=5000)
    panel.sample_event_button.click()
    dlg = opened(qtbot, panel)
    dlg.event.set_value("handed_to_police")
    dlg.location.setText("Reception")
    dlg.counterpart.setText("Officer Berg, Police Region South")
    dlg.receipt.setText("R-19")
    dlg.accept()
    accepted(qtbot, panel, dlg)
    qtbot.waitUntil(lambda: panel.s_model.rowCount() == 1 and panel.s_model.item(0, 4).text() ==
                    "Handed to the police", timeout=5000)
    (sm,) = s.examination_samples(xid)
    assert (sm["kit_id"], sm["sample_type"], sm["seal_number"]) == ("KIT-0042", "genital_swab", "SEAL-7")
    assert [e["event"] for e in sm["custody"]] == ["collected", "sealed", "handed_to_police"]
    assert s.examination_view(xid)["samples_handed_to_police"] is True
    assert "Officer Berg, Police Region South" in panel.custody_label.text()
    panel.detail_scroll.verticalScrollBar().setValue(0)
    screenshot(panel, "medical_samples.png")


def test_an_image_registered_by_its_hash_viewed_and_released(qtbot, open_as, setup, record_path, tmp_path):
    import hashlib
    xid, _tid = held_exam(record_path, setup)
    photo = tmp_path / "photos" / "IMG_0001.CR2"
    photo.parent.mkdir()
    photo.write_bytes(b"not really a raw image " * 1000)
    s = open_as("medical")
    ws, panel = open_medical_tab(qtbot, s, setup["case"]["id"])
    panel.image_button.click()
    dlg = opened(qtbot, panel)
    assert focused() is dlg.path
    qtbot.keyClicks(dlg.path, str(photo))
    qtbot.keyClick(focused(), K.Key_D, ALT)
    qtbot.keyClicks(focused(), "Colposcope camera")
    dlg.accept()
    qtbot.waitUntil(lambda: panel.dialog is None, timeout=10_000)
    wait_read(qtbot, panel)
    qtbot.waitUntil(lambda: panel.i_model.rowCount() == 1, timeout=5000)
    (im,) = s.examination_images(xid)
    assert (im["file_name"], im["device"], im["sha256"], im["size_bytes"]) == (
        "IMG_0001.CR2", "Colposcope camera", hashlib.sha256(photo.read_bytes()).hexdigest(), 23_000)
    assert panel.i_model.item(0, 0).text() == "IMG_0001.CR2"
    assert panel.i_model.item(0, 3).text() == "Acquired"

    panel.viewing_button.click()
    dlg = opened(qtbot, panel)
    qtbot.keyClicks(dlg.purpose, "Second opinion")
    dlg.location.setText("Medical room")
    dlg.accept()
    accepted(qtbot, panel, dlg)
    qtbot.waitUntil(lambda: panel.i_model.rowCount() == 1 and panel.i_model.item(0, 3).text() == "Viewed",
                    timeout=5000)

    panel.release_image_button.click()
    dlg = opened(qtbot, panel)
    dlg.requester.setText("Prosecutor Holm")
    dlg.legal_basis.set_value("court_order")
    dlg.purpose.set_value("prosecutor_bundle")
    dlg.location.setText("Medical room")
    dlg.accept()   # no receipt: the core refuses, beside the field
    qtbot.waitUntil(lambda: not dlg.running and bool(dlg.error_texts()), timeout=5000)
    assert dlg.error_texts() == ["Give the receipt details (number, signature, date)."]
    dlg.receipt.setText("Signed receipt 2026-11-30")
    dlg.accept()
    accepted(qtbot, panel, dlg)
    (im,) = s.examination_images(xid)
    released = [e for e in im["custody"] if e["event"] == "released"]
    assert [(e["counterpart"], e["legal_basis"], e["receipt"], e["purpose"]) for e in released] == [
        ("Prosecutor Holm", "court_order", "Signed receipt 2026-11-30", "prosecutor_bundle")]
    bar = panel.detail_scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    screenshot(panel, "medical_images.png")

    # Fixity (Alt+Y): unaltered; then the file is edited and the alarm cannot be missed.
    press(qtbot, K.Key_Y)
    dlg = opened(qtbot, panel)
    assert dlg.path.text() == str(photo)   # where it is kept
    dlg.accept()
    qtbot.waitUntil(lambda: panel.dialog is None and "unaltered" in panel.message.text(), timeout=10_000)
    assert panel.message.text() == ("Fixity check of IMG_0001.CR2: unaltered. The SHA-256 matches the one taken "
                                    "at registration.")
    photo.write_bytes(b"edited")
    panel.image_fixity_button.click()
    dlg = opened(qtbot, panel)
    dlg.accept()
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.objectName() == "fixityAlarm", timeout=10_000)
    assert panel.message.text() == "FIXITY CHECK FAILED for IMG_0001.CR2. The registered SHA-256 was not changed."
    panel.dialog.accept()
    (im,) = s.examination_images(xid)
    assert [e["event"] for e in im["custody"]][-2:] == ["fixity_ok", "fixity_mismatch"]
    wait_read(qtbot, panel)
