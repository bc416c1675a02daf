"""The case workspace's "Team and referrals" tab and Today's "Overdue with other agencies": a
referral made and taken through its flow by keyboard (a step the flow refuses is never offered),
what a referral shared shown in its list, an action of another agency overdue and marked done,
an overdue referral in Today for the case lead only (opening the case's team tab), and the tab
read-only where the policy says so. Real SQLCipher records, made through the core."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from barnahus_app.api import open_record
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, sample_case

pytestmark = pytest.mark.gui

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
TODAY = date.today()


@pytest.fixture
def setup(record_path):
    """A second coordinator; an agency with a contact; a case led by 'coordinator' (made through
    the core, then closed)."""
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as a:
        a.add_user("coordinator2", "Cora Second", ["coordinator"], STAFF_PASSWORD)
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        case = sample_case(s)
        agency = s.create_agency(name="BUP Malmö", kind="mental_health")
        contact = s.add_staff_contact(agency_id=agency, name="Dr Ek", title="Psychiatrist")
    return {"case": case, "agency": agency, "contact": contact}


def focused():
    w = QApplication.focusWidget()
    assert w is not None, "nothing has the keyboard focus"
    return w


def open_team_tab(qtbot, session, case_id):
    """The case's workspace at the window size of the app, its team tab opened with Alt+F."""
    from ui.cases.workspace import CaseWorkspace
    ws = CaseWorkspace(session, case_id)
    qtbot.addWidget(ws, before_close_func=lambda w: w.discard_changes_on_close())
    ws.resize(1060, 700)   # the workspace's share of a 1280x820 window
    ws.show()
    qtbot.waitExposed(ws)
    ws.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ws, timeout=2000)
    qtbot.keyClick(focused(), K.Key_F, ALT)
    panel = ws.team_page
    assert ws.tabs.currentWidget() is panel
    wait_read(qtbot, panel)
    return ws, panel


def wait_read(qtbot, panel):
    qtbot.waitUntil(lambda: not panel.loading and panel.dialog is None, timeout=10_000)


def statuses(panel) -> list[str]:
    return [panel.r_model.item(i, 3).text() for i in range(panel.r_model.rowCount())]


def accepted(qtbot, panel, dlg) -> None:
    """The dialog's core call came back and the dialog closed (else: the core's message)."""
    qtbot.waitUntil(lambda: panel.dialog is None or (not dlg.running and bool(dlg.error_texts())), timeout=5000)
    assert panel.dialog is None, dlg.error_texts()
    wait_read(qtbot, panel)
    window = panel.window()   # offscreen, no window manager gives the window back its activation
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def opened(qtbot, panel):
    """The dialog the panel opened, once it is the active window (keys go there)."""
    qtbot.waitUntil(lambda: panel.dialog is not None and QApplication.activeWindow() is panel.dialog, timeout=5000)
    return panel.dialog


def step(qtbot, panel, key, status_after: str, *keys):
    """A next-step button by its mnemonic, the dialog answered by keys, then Enter (OK)."""
    qtbot.keyClick(focused(), key, ALT)
    dlg = opened(qtbot, panel)
    for k in keys:
        qtbot.keyClick(focused(), k, ALT)
        qtbot.wait(200)   # a button's mnemonic clicks it after a short animation
    qtbot.keyClick(focused(), K.Key_Return)
    accepted(qtbot, panel, dlg)
    assert statuses(panel) == [status_after]


def test_a_referral_made_and_taken_through_its_flow_by_keyboard(qtbot, open_as, setup):
    s = open_as("coordinator")
    ws, panel = open_team_tab(qtbot, s, setup["case"]["id"])
    assert panel.r_empty.isVisible()

    # New referral: Alt+W; the service typed into its box, the agency and its contact chosen.
    qtbot.keyClick(focused(), K.Key_W, ALT)
    dlg = opened(qtbot, panel)
    assert dlg.out_radio.isChecked()
    qtbot.keyClick(focused(), K.Key_V, ALT)
    assert focused() is dlg.service
    qtbot.keyClicks(dlg.service, "Child")   # (a space would open the list)
    qtbot.keyClick(focused(), K.Key_G, ALT)
    qtbot.keyClicks(dlg.agency, "BUP")
    assert dlg.agency.value() == setup["agency"]
    qtbot.keyClick(focused(), K.Key_N, ALT)
    qtbot.keyClicks(dlg.contact, "Dr")
    assert dlg.contact.value() == setup["contact"]
    qtbot.keyClick(focused(), K.Key_W, ALT)
    qtbot.keyClicks(focused(), "Sleep problems since the events")
    qtbot.keyClick(focused(), K.Key_C, ALT)   # Create the referral
    accepted(qtbot, panel, dlg)
    assert statuses(panel) == ["Draft"]
    assert panel.r_model.item(0, 1).text() == "Child and adolescent psychiatry"
    assert panel.r_model.item(0, 2).text() == "BUP Malmö"

    # A draft is sent or withdrawn, never accepted: the steps the flow refuses are not offered.
    assert set(panel.step_buttons) == {"sent", "revoked"}
    step(qtbot, panel, K.Key_E, "Sent")
    assert set(panel.step_buttons) == {"accepted", "rejected", "revoked"}   # not engaged, not done
    step(qtbot, panel, K.Key_E, "Accepted")
    assert set(panel.step_buttons) == {"engaged", "revoked"}
    step(qtbot, panel, K.Key_E, "Engaged")
    assert set(panel.step_buttons) == {"done", "lost_to_follow_up"}
    step(qtbot, panel, K.Key_M, "Done", K.Key_S)   # closed with its outcome: Successful (Alt+S)
    assert panel.step_buttons == {}

    [r] = s.case_referrals(setup["case"]["id"])
    assert (r["status"], r["service"], r["direction"], r["outcome"]) == ("done", "child_psychiatry", "out",
                                                                         "successful")
    assert [e["to_status"] for e in s.referral_view(r["id"])["events"]] == [
        "draft", "sent", "accepted", "engaged", "done"]
    assert [panel.e_model.item(i, 1).text() for i in range(panel.e_model.rowCount())] == [
        "Draft", "Sent", "Accepted", "Engaged", "Done"]


def test_closing_without_an_outcome_is_refused_beside_the_field(qtbot, open_as, setup):
    s = open_as("coordinator")
    rid = s.create_referral(setup["case"]["id"], "out", "shelter")
    for to in ("sent", "accepted", "engaged"):
        s.set_referral_status(rid, to)
    ws, panel = open_team_tab(qtbot, s, setup["case"]["id"])
    dlg = panel.referral_step("done")
    qtbot.waitExposed(dlg)
    dlg.accept()
    qtbot.waitUntil(lambda: not dlg.running, timeout=5000)
    assert dlg.isVisible() and dlg.messages["outcome"].text()
    assert s.case_referrals(setup["case"]["id"])[0]["status"] == "engaged"
    dlg.reject()


def test_what_a_referral_shared_appears_in_its_list(qtbot, open_as, setup):
    s = open_as("coordinator")
    rid = s.create_referral(setup["case"]["id"], "out", "child_psychiatry", agency_id=setup["agency"],
                            contact_id=setup["contact"])
    s.set_referral_status(rid, "sent")
    ws, panel = open_team_tab(qtbot, s, setup["case"]["id"])
    assert panel.s_empty.isVisible()
    panel.r_view.setFocus()
    qtbot.keyClick(focused(), K.Key_C, ALT)   # Record what was shared
    dlg = opened(qtbot, panel)
    assert dlg.recipient.text() == "Dr Ek, BUP Malmö"   # the referral's contact and agency
    qtbot.keyClick(focused(), K.Key_I, ALT)
    qtbot.keyClick(dlg.items, K.Key_Home)
    qtbot.keyClick(dlg.items, K.Key_Space)   # the first shareable item
    first_item = dlg.items.values()
    assert len(first_item) == 1
    qtbot.keyClick(focused(), K.Key_B, ALT)
    qtbot.keyClicks(dlg.basis, "The")
    assert dlg.basis.value() == "guardian_agreement"
    qtbot.keyClick(focused(), K.Key_N, ALT)
    qtbot.keyClicks(focused(), "To be used only for the child's treatment")
    qtbot.keyClick(focused(), K.Key_R, ALT)   # Record
    accepted(qtbot, panel, dlg)
    qtbot.waitUntil(lambda: panel.s_model.rowCount() == 1, timeout=5000)
    assert panel.s_view.isVisible()
    assert "BUP Malmö" in panel.s_model.item(0, 1).text()
    assert panel.s_model.item(0, 2).text() == "The guardian's agreement to share"
    [shared] = s.referral_view(rid)["disclosures"]
    assert shared["legal_basis"] == "guardian_agreement"


def test_an_overdue_outside_action_is_marked_and_marked_done(qtbot, open_as, setup):
    s = open_as("coordinator")
    cid = setup["case"]["id"]
    late = s.add_team_action(cid, "Send the protection assessment", (TODAY - timedelta(days=3)).isoformat(),
                             owner_contact_id=setup["contact"])
    s.add_team_action(cid, "Offer therapy to the mother", (TODAY + timedelta(days=20)).isoformat(),
                      owner_user_id=s.user_id)
    ws, panel = open_team_tab(qtbot, s, cid)
    texts = [panel.a_model.item(i, 0).text() for i in range(panel.a_model.rowCount())]
    assert set(texts) == {"Send the protection assessment", "Offer therapy to the mother"}
    row = texts.index("Send the protection assessment")
    assert panel.a_model.item(row, 3).text() == "Open, overdue"
    assert panel.a_model.item(1 - row, 3).text() == "Open"
    panel.a_view.setFocus()
    panel.a_view.selectRow(row)
    qtbot.keyClick(focused(), K.Key_K, ALT)   # Mark as done
    dlg = opened(qtbot, panel)
    qtbot.keyClick(focused(), K.Key_Return)
    accepted(qtbot, panel, dlg)
    assert [panel.a_model.item(i, 0).text() for i in range(panel.a_model.rowCount())] == [
        "Offer therapy to the mother"]
    assert next(a for a in s.case_team(cid)["actions"] if a["id"] == late)["status"] == "done"


def test_an_overdue_referral_shows_in_today_for_the_lead_only(qtbot, record_path, setup):
    from ui.today.panel import TodayPanel
    cid = setup["case"]["id"]
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        rid = s.create_referral(cid, "out", "school_support", agency_id=setup["agency"],
                                due_on=(TODAY + timedelta(days=2)).isoformat())
        s.set_referral_status(rid, "sent", due_on=(TODAY + timedelta(days=2)).isoformat())
    as_of = TODAY + timedelta(days=9)   # a week past its date

    def today_of(session):
        panel = TodayPanel(session, as_of=as_of)
        qtbot.addWidget(panel)
        panel.resize(1060, 700)
        panel.show()
        qtbot.waitUntil(lambda: not panel.is_loading() and panel.counts() is not None, timeout=10_000)
        return panel

    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        panel = today_of(s)
        assert panel.agencies.isVisible()
        m = panel.agencies.model
        assert m.rowCount() == 1
        assert m.data(m.index(0, 2)) == setup["case"]["reference"]
        assert m.data(m.index(0, 3)) == "Referral: School support, BUP Malmö (Sent)"
        assert m.data(m.index(0, 1)) == "7 days overdue"   # (weeks from the 14th day on)
        assert "(1)" in panel.agencies.heading.text()
        panel.agencies.view.setFocus(Qt.FocusReason.ShortcutFocusReason)   # selects the first row
        assert not panel.complete_button.isEnabled() and panel.open_button.isEnabled()
        with qtbot.waitSignal(panel.openCaseTab, timeout=2000) as opened:
            qtbot.keyClick(panel.agencies.view, K.Key_Return)
        assert opened.args == [cid, "team"]
        panel.clear()
        QApplication.processEvents()

    with open_record(record_path, "coordinator2", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        other = today_of(s)
        assert other.agencies.model.rowCount() == 0
        assert other.agencies.empty.isVisible()
        other.clear()
        QApplication.processEvents()


@pytest.mark.parametrize("user", ["therapist", "liaison"])
def test_the_tab_follows_the_policy(qtbot, open_as, setup, user):
    with open_as("coordinator") as c:
        rid = c.create_referral(setup["case"]["id"], "out", "therapy_elsewhere")
        c.set_referral_status(rid, "sent")
    s = open_as(user)
    if user == "therapist":   # therapists refer within their field and follow their own referrals
        own = s.create_referral(setup["case"]["id"], "out", "child_psychiatry")
    ws, panel = open_team_tab(qtbot, s, setup["case"]["id"])
    assert statuses(panel)[0] == "Sent"
    # Neither changes the team's actions or the review schedule (meeting: read only).
    for b in (panel.done_button, panel.cancel_button, panel.interval_button):
        assert b.isHidden()
    assert panel.step_buttons == {}   # the coordinator's referral: theirs to change
    if user == "therapist":
        assert panel.new_button.isVisible() and panel.share_button.isVisible()
        assert not panel.share_button.isEnabled()
        panel.r_view.selectRow(1)
        wait_read(qtbot, panel)
        assert panel.referral["id"] == own
        assert set(panel.step_buttons) == {"sent", "revoked"} and panel.share_button.isEnabled()
    else:                     # the liaison reads them
        assert panel.new_button.isHidden() and panel.share_button.isHidden()
