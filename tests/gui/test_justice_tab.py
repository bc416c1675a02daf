"""The case workspace's Justice tab (issue #16), by keyboard: a liaison opens a criminal
proceeding and follows it from the report to a verdict on each charge (each dialog offering only
the events the flow allows); a compensation claim from the rights explained to an award and its
payments, partly paid then paid; a therapist reads the summary line and tables without a button
to change them, and the core refuses them a write. Real SQLCipher records made through the core;
expected values written by hand."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QScrollArea

from barnahus_app.errors import PermissionDenied
from tests.support.records import login, sample_case

from tests.support.case_tabs import CTRL, K, accepted, focused, open_workspace, opened, press, wait_read

pytestmark = pytest.mark.gui


@pytest.fixture
def setup(record_path):
    with login(record_path, "coordinator") as c:
        case = sample_case(c)
    return {"case": case}


@pytest.fixture
def english_numbers():
    """Amounts as an English (US) locale writes them, whatever this machine's locale is."""
    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    yield
    QLocale.setDefault(before)


def open_justice_tab(qtbot, session, case_id):
    """The Justice tab, as Today opens a case's tab (its Alt letter is the lead's to deal)."""
    ws = open_workspace(qtbot, session, case_id, (1100, 800))
    assert ws.show_tab("justice")
    panel = ws.justice_page
    assert ws.tabs.currentWidget() is panel
    wait_read(qtbot, panel)
    return ws, panel


def click_by_tab(qtbot, button, limit: int = 80) -> None:
    """Tab along the page to the button (every control is reachable so) and press Space."""
    for _ in range(limit):
        if focused() is button:
            break
        qtbot.keyClick(focused(), K.Key_Tab)
    assert focused() is button, focused().objectName()
    qtbot.keyClick(button, K.Key_Space)


def cells(model, col: int) -> list[str]:
    return [model.item(i, col).text() for i in range(model.rowCount())]


def record_event(qtbot, panel, kinds: list[str], on: date, fill=None):
    """Record event…: the dialog offers exactly `kinds` (labels); the first is taken."""
    click_by_tab(qtbot, panel.event_button)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.kind
    assert [dlg.kind.itemText(i) for i in range(dlg.kind.count())] == kinds
    dlg.on.set_value(on)
    if fill:
        fill(dlg)
    press(qtbot, K.Key_R)   # &Record
    accepted(qtbot, panel, dlg)


def test_a_liaison_follows_a_proceeding_to_a_verdict_on_each_charge(qtbot, open_as, setup):
    s = open_as("liaison")
    case = setup["case"]
    ws, panel = open_justice_tab(qtbot, s, case["id"])
    assert panel.line.text() == "No proceedings or compensation claims recorded."
    assert not panel.event_button.isEnabled()   # nothing selected yet

    click_by_tab(qtbot, panel.new_button)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.kind and dlg.kind.value() == "criminal"
    assert dlg.offender.value() == case["offender_id"]   # the case's one alleged offender
    press(qtbot, K.Key_P)
    assert focused() is dlg.police
    qtbot.keyClicks(dlg.police, "PR-2026-17")
    press(qtbot, K.Key_O)   # &Open
    accepted(qtbot, panel, dlg)
    pid = dlg.proceeding_id
    assert panel.selected()["id"] == pid
    assert [cells(panel.p_model, c) for c in range(6)] == [
        ["Alleged Exampleson"], ["Criminal proceedings"], ["Opened"], [""], [""], ["PR-2026-17"]]

    record_event(qtbot, panel, ["Reported to the police", "Investigation opened", "Final disposition"],
                 date(2026, 3, 5))
    record_event(qtbot, panel, ["Investigation opened", "Charge decision", "Final disposition"], date(2026, 3, 10))

    def charged(dlg):
        press(qtbot, K.Key_C)   # De&cision
        assert focused() is dlg.decision
        qtbot.keyClicks(dlg.decision, "Ch")
        assert dlg.decision.value() == "charged"
        assert dlg.charges.isVisible() and not dlg.reason.isVisible()
        press(qtbot, K.Key_H)   # C&harges
        assert focused() is dlg.charges
        qtbot.keyClick(dlg.charges, K.Key_Home)
        qtbot.keyClick(dlg.charges, K.Key_Space)   # Rape of a child
        qtbot.keyClick(dlg.charges, K.Key_Down)
        qtbot.keyClick(dlg.charges, K.Key_Space)   # Sexual abuse of a child
        assert dlg.charges.values() == ["rape_child", "sexual_abuse_child"]
    record_event(qtbot, panel, ["Charge decision", "Final disposition"], date(2026, 4, 1), charged)
    assert cells(panel.p_model, 2) == ["Charged"]
    record_event(qtbot, panel, ["Indictment", "Final disposition"], date(2026, 4, 20))

    def verdict(word, charge_label):
        def fill(dlg):
            assert dlg.charge.currentText() == charge_label   # the first charge still without a verdict
            press(qtbot, K.Key_V)   # &Verdict
            assert focused() is dlg.verdict
            qtbot.keyClicks(dlg.verdict, word)
        return fill
    record_event(qtbot, panel, ["Verdict", "Final disposition"], date(2026, 6, 1),
                 verdict("Conv", "Rape of a child"))
    record_event(qtbot, panel, ["Verdict", "Sentence", "Appeal", "Final disposition"], date(2026, 6, 1),
                 verdict("Acq", "Sexual abuse of a child"))

    p = s.justice_summary(case["id"])["proceedings"][0]
    assert (p["id"], p["status"], p["police_reference"]) == (pid, "decided", "PR-2026-17")
    assert [(e["kind"], e["on_date"], e["decision"], e["outcome"]) for e in p["events"]] == [
        ("reported_to_police", "2026-03-05", None, None), ("investigation_opened", "2026-03-10", None, None),
        ("charge_decision", "2026-04-01", "charged", None), ("indictment", "2026-04-20", None, None),
        ("verdict", "2026-06-01", None, "convicted"), ("verdict", "2026-06-01", None, "acquitted")]
    assert [(c["category"], c["verdict"], c["verdict_on"]) for c in p["charges"]] == [
        ("rape_child", "convicted", "2026-06-01"), ("sexual_abuse_child", "acquitted", "2026-06-01")]
    assert cells(panel.p_model, 2) == ["Verdict given"]
    assert cells(panel.e_model, 2) == ["", "", "Charged", "", "Rape of a child: Convicted",
                                      "Sexual abuse of a child: Acquitted"]
    assert panel.details.text().splitlines()[0] == "Charges: Rape of a child (Convicted); Sexual abuse of a child " \
                                                   "(Acquitted)"
    assert panel.line.text() == "1 proceeding, 1 open."


def test_a_compensation_claim_to_payment(qtbot, open_as, setup, english_numbers):
    s = open_as("liaison")
    case = setup["case"]
    ws, panel = open_justice_tab(qtbot, s, case["id"])
    click_by_tab(qtbot, panel.claim_button)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.route
    qtbot.keyClicks(dlg.route, "In")   # no space: Space opens a combo box's list
    press(qtbot, K.Key_L)   # C&laimant
    qtbot.keyClicks(dlg.claimant, "T")   # the first of "The child", "The child's legal counsel"
    assert (dlg.route.value(), dlg.claimant.value(), dlg.currency.text()) == ("criminal_case", "child", "SEK")
    press(qtbot, K.Key_A)   # &Amount claimed
    qtbot.keyClicks(focused(), "25,000")
    press(qtbot, K.Key_O)
    accepted(qtbot, panel, dlg)
    assert [cells(panel.c_model, c) for c in range(4)] == [
        ["In the criminal case"], ["The child"], ["Rights not yet explained"], ["25,000.00 SEK"]]

    click_by_tab(qtbot, panel.rights_button)   # the claim waits for it
    dlg = opened(qtbot, panel)
    assert focused() is dlg.stage and dlg.stage.value() == "after_interview"
    dlg.on.set_value(date(2026, 3, 20))
    press(qtbot, K.Key_R)
    accepted(qtbot, panel, dlg)
    assert cells(panel.c_model, 2) == ["Rights explained"]

    def set_status(word, amount, on):
        click_by_tab(qtbot, panel.status_button)
        dlg = opened(qtbot, panel)
        assert focused() is dlg.status
        if word:
            qtbot.keyClicks(dlg.status, word)
        dlg.on.set_value(on)
        if amount is not None:
            press(qtbot, K.Key_A)
            dlg.amount.selectAll()
            qtbot.keyClicks(dlg.amount, amount)
        press(qtbot, K.Key_S)   # &Save
        accepted(qtbot, panel, dlg)
    set_status(None, None, date(2026, 4, 2))   # filed, with the sum claimed
    set_status("Aw", "12,500", date(2026, 6, 1))
    assert [cells(panel.c_model, c) for c in (2, 4, 5)] == [["Awarded"], ["12,500.00 SEK"], [""]]

    def pay(amount, on):
        click_by_tab(qtbot, panel.payment_button)
        dlg = opened(qtbot, panel)
        assert focused() is dlg.amount
        qtbot.keyClicks(dlg.amount, amount)
        dlg.on.set_value(on)
        press(qtbot, K.Key_R)
        accepted(qtbot, panel, dlg)
    pay("5000.50", date(2026, 7, 1))
    assert [cells(panel.c_model, c) for c in (2, 5)] == [["Partly paid"], ["5,000.50 SEK"]]
    claim = s.justice_summary(case["id"])["claims"][0]
    assert (claim["status"], claim["amount_claimed"], claim["amount_awarded"], claim["amount_paid"]) == (
        "partly_paid", 2500000, 1250000, 500050)
    pay("7,499.50", date(2026, 8, 1))
    claim = s.justice_summary(case["id"])["claims"][0]
    assert (claim["status"], claim["amount_paid"], claim["paid_on"]) == ("paid", 1250000, "2026-08-01")
    assert [cells(panel.c_model, c) for c in (2, 5)] == [["Paid"], ["12,500.00 SEK"]]
    assert not panel.payment_button.isEnabled() and not panel.status_button.isEnabled()
    assert panel.line.text() == "1 compensation claim, 1 paid."


def test_a_payment_over_the_award_is_refused_beside_the_amount(qtbot, open_as, setup, english_numbers):
    s = open_as("liaison")
    case = setup["case"]
    s.record_rights_explained(case["id"], "after_interview", "2026-03-20")
    cid = s.open_claim(case["id"], "state_fund", "guardian", currency="SEK", amount_claimed=1000000)
    s.set_claim_status(cid, "filed", "2026-04-01")
    s.set_claim_status(cid, "awarded", "2026-05-01", amount=800000)
    ws, panel = open_justice_tab(qtbot, s, case["id"])
    click_by_tab(qtbot, panel.payment_button)
    dlg = opened(qtbot, panel)
    qtbot.keyClicks(dlg.amount, "9000")
    press(qtbot, K.Key_R)
    qtbot.waitUntil(lambda: bool(dlg.error_texts()), timeout=5000)
    assert dlg.messages["amount"].text() == ("Amount paid: would make the payments 900000 of an award of 800000 "
                                             "(SEK minor units).")
    dlg.amount.selectAll()
    qtbot.keyClicks(dlg.amount, "12.345")   # not an amount of SEK: refused before any call
    press(qtbot, K.Key_R)
    qtbot.waitUntil(lambda: dlg.messages["amount"].text().startswith("Type"), timeout=5000)
    assert dlg.messages["amount"].text() == "Type the amount in SEK, e.g. 12,500.00."
    assert s.justice_summary(case["id"])["claims"][0]["amount_paid"] == 0


@pytest.mark.parametrize("role", ["therapist", "interviewer", "medical"])
def test_other_case_roles_read_the_summary_line_and_the_offences_only(qtbot, open_as, setup, record_path, role):
    case = setup["case"]
    with login(record_path, "coordinator") as c:
        c.add_alleged_offence(case["id"], "sexual_abuse_child", "2024-06-01")
    with login(record_path, "liaison") as li:
        pid = li.open_proceeding(case["id"], case["offender_id"], "criminal")
        li.record_justice_event(pid, "reported_to_police", "2026-03-05")
        li.set_child_participation(pid, participation="not_at_all")
    s = open_as(role)
    assert not s.can("justice", "read")
    ws, panel = open_justice_tab(qtbot, s, case["id"])
    assert panel.line.text() == "1 proceeding, 1 open."
    assert panel.track_note.isVisible()
    assert panel.proceedings == [] and panel.claims == []
    for w in (panel.p_heading, panel.p_view, panel.p_empty, panel.details, panel.e_view, panel.c_heading,
              panel.c_view, panel.c_empty, panel.rights):
        assert not w.isVisible(), w.objectName() or w.text()
    assert cells(panel.o_model, 0) == ["Sexual abuse of a child"]
    assert panel.o_view.isVisible()
    for b in (panel.new_button, panel.event_button, panel.hearing_button, panel.part_button, panel.release_button,
              panel.wish_button,
              panel.informed_button, panel.claim_button, panel.status_button, panel.payment_button,
              panel.deadline_button, panel.rights_button, panel.p_offence_button, panel.offence_button,
              panel.change_offence_button):
        assert not b.isVisible(), b.objectName()
    assert panel.new_proceeding() is None and panel.record_event() is None and panel.new_claim() is None
    assert ws.focusWidget() is panel.o_view
    with pytest.raises(PermissionDenied):
        s.record_justice_event(pid, "investigation_opened", "2026-03-10")


def test_the_liaison_reads_the_whole_track_without_the_note(qtbot, open_as, setup, record_path):
    case = setup["case"]
    with login(record_path, "liaison") as li:
        pid = li.open_proceeding(case["id"], case["offender_id"], "criminal")
        li.record_justice_event(pid, "reported_to_police", "2026-03-05")
        li.set_child_participation(pid, participation="not_at_all")
    s = open_as("liaison")
    ws, panel = open_justice_tab(qtbot, s, case["id"])
    assert not panel.track_note.isVisible()
    assert cells(panel.p_model, 2) == ["Reported to the police"]
    assert cells(panel.e_model, 1) == ["Reported to the police"]
    # not taking part is one answer among the others: said plainly, not flagged
    assert panel.details.text() == "How the child took part: Did not take part."


def test_the_workspace_opens_the_tab_on_a_proceeding(qtbot, open_as, setup):
    s = open_as("coordinator")
    case = setup["case"]
    first = s.open_proceeding(case["id"], case["offender_id"], "criminal")
    second = s.open_proceeding(case["id"], case["offender_id"], "civil")
    ws = open_workspace(qtbot, s, case["id"], (1100, 800))
    assert ws.show_tab(f"justice:{second}")
    panel = ws.justice_page
    wait_read(qtbot, panel)
    qtbot.waitUntil(lambda: (panel.selected() or {}).get("id") == second, timeout=5000)
    assert first != second
    assert panel.p_view.hasFocus()
    # a civil proceeding takes hearings and a final disposition only
    assert panel.hearing_button.isEnabled() and panel.event_button.isEnabled()
    assert not panel.release_button.isEnabled()


@pytest.mark.parametrize("language", ["English", "Swedish"])
def test_no_dialog_has_two_fields_on_one_alt_letter(qtbot, open_as, setup, language, request):
    """Every dialog of the tab, each event kind and charge decision of the event dialog shown in
    turn, in both languages: each Alt letter shown reaches one field or button."""
    from tests.support.translations import shown_mnemonics
    from ui.justice import dialogs as d
    if language == "Swedish":
        request.getfixturevalue("swedish")
    s = open_as("liaison")
    case = setup["case"]
    pid = s.open_proceeding(case["id"], case["offender_id"], "criminal")
    s.record_justice_event(pid, "reported_to_police", "2026-03-05")
    cid = s.open_claim(case["id"], "state_fund", "guardian", currency="SEK", amount_claimed=1000000)
    summary = s.justice_summary(case["id"])
    p = {**summary["proceedings"][0], "status": "decided", "release": {"release_on": "2030-01-01"}}
    claim = {**summary["claims"][0], "status": "filed"}
    children = [(case["child_id"], "Testa"), (99, "Another")]   # the child rows shown too
    made = [d.ProceedingDialog(s, case["id"], [(case["offender_id"], "A")], children),
            d.HearingDialog(s, pid), d.ChildPartDialog(s, p), d.ReleaseDateDialog(s, p),
            d.ReleaseInformedDialog(s, p), d.ReleaseWishDialog(s, p),
            d.ClaimDialog(s, case["id"], children, [(pid, "P")]),
            d.ClaimStatusDialog(s, claim), d.PaymentDialog(s, claim), d.DeadlineDialog(s, claim),
            d.RightsDialog(s, case["id"], children),
            d.ProceedingDialog(s, case["id"], [(case["offender_id"], "A")], children, None, [(1, "O")]),
            d.OffenceDialog(s, case["id"], children), d.ProceedingOffenceDialog(s, p, [(1, "O")]),
            d.OffenceDialog(s, case["id"], children, offence={"offence_id": 1, "category": "other"})]
    event = d.EventDialog(s, {**p, "status": "investigating"})
    for dlg in (*made, event):
        qtbot.addWidget(dlg)
        dlg.show()

    def unique(dlg) -> None:
        letters = [m for m, _t in shown_mnemonics(dlg)]
        assert sorted(set(letters)) == sorted(letters), (dlg.objectName(), shown_mnemonics(dlg))
    for dlg in made:
        unique(dlg)
    for decision in ("charged", "declined", "no_further_action"):
        event.decision.set_value(decision)
        unique(event)
    for kind in ("verdict", "sentence", "final_disposition"):
        event.kind.set_choices([(kind, kind)])
        event.kind.set_value(kind)
        event._changed()
        unique(event)
    assert cid


def test_the_case_lead_opens_a_civil_proceeding_with_ctrl_n_a_hearing_and_the_childs_part(qtbot, open_as, setup):
    s = open_as("coordinator")
    case = setup["case"]
    ws, panel = open_justice_tab(qtbot, s, case["id"])
    qtbot.keyClick(focused(), K.Key_N, CTRL)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.kind
    qtbot.keyClicks(dlg.kind, "Ci")
    assert dlg.kind.value() == "civil"
    press(qtbot, K.Key_O)
    accepted(qtbot, panel, dlg)
    pid = dlg.proceeding_id

    click_by_tab(qtbot, panel.hearing_button)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.on
    dlg.on.set_value(date(2030, 2, 15))
    press(qtbot, K.Key_S)   # &Schedule
    accepted(qtbot, panel, dlg)
    assert cells(panel.p_model, 3) == ["2030-02-15"]
    p = s.justice_summary(case["id"])["proceedings"][0]
    assert [(e["kind"], e["on_date"]) for e in p["events"]] == [("hearing", "2030-02-15")]

    # The hearing is adjourned: it moves to a time of another day, and its court-date reminder with it.
    assert panel.move_hearing_button.isEnabled()
    click_by_tab(qtbot, panel.move_hearing_button)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.on and dlg.on.value() == "2030-02-15"
    dlg.on.set_value(date(2030, 3, 1))
    press(qtbot, K.Key_T)   # &Time
    qtbot.keyClicks(dlg.time, "13:30")
    press(qtbot, K.Key_M)   # &Move
    accepted(qtbot, panel, dlg)
    p = s.justice_summary(case["id"])["proceedings"][0]
    assert [(e["kind"], e["on_date"], e["at_utc"]) for e in p["events"]] == [
        ("hearing", "2030-03-01", "2030-03-01T12:30:00.000000Z")]   # 13:30 in Stockholm, winter time
    assert [(r.kind, r.due.isoformat()) for r in s.reminders("2030-02-20") if r.subject_kind == "justice_hearing"] \
        == [("court_date", "2030-03-01")]

    # Taking part is the child's right: "did not take part" is an answer like the others.
    click_by_tab(qtbot, panel.part_button)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.participation
    qtbot.keyClicks(dlg.participation, "Di")
    press(qtbot, K.Key_V)   # The child's &view
    assert focused() is dlg.view
    qtbot.keyClicks(dlg.view, "Di")
    press(qtbot, K.Key_S)   # &Save
    accepted(qtbot, panel, dlg)
    part = s.justice_summary(case["id"])["proceedings"][0]["child_part"]
    assert (part["participation"], part["child_view"], part["special_measures"]) == (
        "not_at_all", "did_not_want_to_say", [])
    assert panel.details.text() == "How the child took part: Did not take part; the child's view: Did not want to say."

    # A civil proceeding takes a final disposition only (hearings: Schedule hearing…).
    click_by_tab(qtbot, panel.event_button)
    dlg = opened(qtbot, panel)
    assert [dlg.kind.itemText(i) for i in range(dlg.kind.count())] == ["Final disposition"]
    qtbot.keyClick(dlg, K.Key_Escape)
    qtbot.waitUntil(lambda: panel.dialog is None, timeout=5000)
    assert s.justice_summary(case["id"])["proceedings"][0]["id"] == pid


def test_a_declined_charge_decision_needs_its_reason_beside_the_field(qtbot, open_as, setup):
    s = open_as("liaison")
    case = setup["case"]
    pid = s.open_proceeding(case["id"], case["offender_id"], "criminal")
    s.record_justice_event(pid, "reported_to_police", "2026-03-05")
    ws, panel = open_justice_tab(qtbot, s, case["id"])
    click_by_tab(qtbot, panel.event_button)
    dlg = opened(qtbot, panel)
    qtbot.keyClicks(dlg.kind, "Ch")
    assert dlg.kind.value() == "charge_decision"
    dlg.on.set_value(date(2026, 4, 1))
    press(qtbot, K.Key_C)
    qtbot.keyClicks(dlg.decision, "De")
    assert dlg.reason.isVisible() and not dlg.charges.isVisible()
    press(qtbot, K.Key_R)   # &Record, without the reason
    qtbot.waitUntil(lambda: bool(dlg.error_texts()), timeout=5000)
    assert dlg.messages["reason"].text() == "Reason is required."
    assert s.justice_summary(case["id"])["proceedings"][0]["status"] == "reported"
    press(qtbot, K.Key_S)   # Rea&son
    assert focused() is dlg.reason
    qtbot.keyClicks(dlg.reason, "Insufficient evidence")
    press(qtbot, K.Key_R)
    accepted(qtbot, panel, dlg)
    p = s.justice_summary(case["id"])["proceedings"][0]
    assert (p["status"], p["events"][-1]["decision"], p["events"][-1]["reason"]) == (
        "declined", "declined", "Insufficient evidence")
    assert cells(panel.e_model, 2)[-1] == "Declined: Insufficient evidence"


def test_a_coordinator_records_an_alleged_offence_and_names_it_in_a_proceeding(qtbot, open_as, setup):
    s = open_as("coordinator")
    case = setup["case"]
    ws, panel = open_justice_tab(qtbot, s, case["id"])
    assert panel.o_empty.isVisible() and panel.o_empty.text() == "No alleged offence is recorded for this case."
    assert not panel.change_offence_button.isEnabled()
    click_by_tab(qtbot, panel.offence_button)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.category
    assert not dlg.victim.isVisible()   # the case's one child
    qtbot.keyClicks(dlg.category, "R")
    assert dlg.category.value() == "rape_child"
    press(qtbot, K.Key_D)   # &Date of the offence
    assert focused() is dlg.on and dlg.on.value() is None   # "Not known" until a date is chosen
    dlg.on.set_value(date(2025, 1, 1))
    press(qtbot, K.Key_J)   # &Jurisdiction: the case's (Sweden) unless chosen
    assert focused() is dlg.jurisdiction and dlg.jurisdiction.currentText() == "The case's"
    qtbot.keyClicks(dlg.jurisdiction, "U")
    assert dlg.jurisdiction.value() == "UA"
    press(qtbot, K.Key_A)   # &Add
    accepted(qtbot, panel, dlg)
    oid = dlg.offence_id
    assert [cells(panel.o_model, c) for c in range(4)] == [
        ["Rape of a child"], ["2025-01-01"], ["Testa Exampledottir"],
        ["No limitation"]]
    assert panel.o_model.item(0, 3).toolTip() == (
        "In Ukraine there is no statute of limitations for Rape of a child. No warning is needed.")

    # Change offence…: only what changed is sent; the limitation is worked out again.
    click_by_tab(qtbot, panel.change_offence_button)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.category and dlg.on.value() == "2025-01-01" and dlg.jurisdiction.value() == "UA"
    qtbot.keyClicks(dlg.category, "Ph")
    press(qtbot, K.Key_S)   # &Save
    accepted(qtbot, panel, dlg)
    assert dlg.offence_id == oid
    assert cells(panel.o_model, 0) == ["Physical violence (assault)"]
    assert cells(panel.o_model, 3) == ["For the centre's legal adviser to fill in"]
    assert panel.o_model.item(0, 3).toolTip() == (
        "When the limitation period for Physical violence (assault) starts in Ukraine, and how long it is, is not "
        "filled in. This is for the centre's legal adviser to fill in; no warning can be given until it is. No case "
        "is ever purged because a limitation period ended.")

    # A proceeding names the offence: its limitation attaches to the proceeding.
    qtbot.keyClick(focused(), K.Key_N, CTRL)
    dlg = opened(qtbot, panel)
    assert dlg.offence.currentText() == "None"
    press(qtbot, K.Key_F)   # Alleged o&ffence
    assert focused() is dlg.offence
    qtbot.keyClicks(dlg.offence, "P")
    assert dlg.offence.currentText() == "Physical violence (assault), 2025-01-01"
    press(qtbot, K.Key_O)   # &Open
    accepted(qtbot, panel, dlg)
    assert s.justice_summary(case["id"])["proceedings"][0]["limitation"]["offence_id"] == oid

    # Offence…: the proceeding is about no alleged offence after all.
    click_by_tab(qtbot, panel.p_offence_button)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.offence and dlg.offence.value() == oid
    qtbot.keyClick(dlg.offence, K.Key_Home)
    assert dlg.offence.currentText() == "None"
    press(qtbot, K.Key_S)   # &Save
    accepted(qtbot, panel, dlg)
    p = s.justice_summary(case["id"])["proceedings"][0]
    assert (p["offence_id"], p["limitation"]) == (None, None)


def test_a_liaison_reads_the_offences_without_changing_them(qtbot, open_as, setup, record_path):
    case = setup["case"]
    with login(record_path, "coordinator") as co:
        co.add_alleged_offence(case["id"], "sexual_abuse_child", "2024-06-01")
    s = open_as("liaison")
    assert s.can("case", "read") and not s.can("case", "update")
    ws, panel = open_justice_tab(qtbot, s, case["id"])
    assert panel.o_view.isVisible()
    assert [cells(panel.o_model, c) for c in range(3)] == [
        ["Sexual abuse of a child"], ["2024-06-01"], ["Testa Exampledottir"]]
    assert cells(panel.o_model, 3) == ["For the centre's legal adviser to fill in"]   # Sweden's periods are theirs
    assert panel.o_model.item(0, 3).toolTip().startswith(
        "When the limitation period for Sexual abuse of a child starts in Sweden")
    assert not panel.offence_button.isVisible() and not panel.change_offence_button.isVisible()
    assert panel.add_offence() is None and panel.change_offence() is None


RUNNING = {"state": "running", "category_label": "Sexual abuse of a child", "jurisdiction_label": "Spain",
           "period_years": 10, "starts_on": "2049-05-06", "expires_on": "2059-05-06", "warn_on": "2058-05-06"}


def test_the_limitation_tooltip_says_the_whole_limitation(qtbot, open_as, setup):
    ws, panel = open_justice_tab(qtbot, open_as("liaison"), setup["case"]["id"])
    assert panel.limitation_sentence(RUNNING) == (
        "The limitation period for Sexual abuse of a child in Spain runs 10 years from 2049-05-06 and ends on "
        "2059-05-06; a warning appears among the reminders on 2058-05-06.")
    assert panel.limitation_sentence({**RUNNING, "state": "expired", "period_years": 1}) == (
        "The limitation period for Sexual abuse of a child in Spain ended on 2059-05-06, 1 year from 2049-05-06. "
        "No case is ever purged because a limitation period ended.")
    assert panel.limitation_sentence({**RUNNING, "state": "needs_date_of_birth", "clock_age": 35}) == (
        "In Spain the period for Sexual abuse of a child starts when the child turns 35, but the child's date of "
        "birth is not recorded: record it so that the period can be worked out.")


def test_the_limitation_tooltip_is_in_swedish(qtbot, open_as, setup, swedish):
    s = open_as("coordinator")
    s.add_alleged_offence(setup["case"]["id"], "rape_child", "2025-01-01", jurisdiction="UA")
    ws, panel = open_justice_tab(qtbot, s, setup["case"]["id"])
    assert panel.o_model.item(0, 3).toolTip() == (
        "I Ukraina finns ingen preskriptionstid för Våldtäkt mot barn. Ingen varning behövs.")
    assert panel.limitation_sentence({**RUNNING, "category_label": "sexuella övergrepp mot barn",
                                      "jurisdiction_label": "Spanien"}) == (
        "Preskriptionstiden för sexuella övergrepp mot barn i Spanien gäller 10 år från den 2049-05-06 och löper ut "
        "den 2059-05-06; en varning visas bland påminnelserna den 2058-05-06.")


def test_a_full_tab_scrolls_in_a_low_window_instead_of_growing_it(qtbot, open_as, setup):
    """Every table filled (proceeding, events, offence, claim): on a laptop's 1366 x 768 screen the
    window keeps its height and the tab scrolls; in a tall window it needs no scroll bar."""
    s = open_as("coordinator")
    case = setup["case"]
    s.add_alleged_offence(case["id"], "rape_child", None, jurisdiction="UA")
    pid = s.open_proceeding(case["id"], case["offender_id"], "criminal")
    for kind, on in (("reported_to_police", "2026-01-05"), ("investigation_opened", "2026-01-20")):
        s.record_justice_event(pid, kind, on)
    s.open_claim(case["id"], "state_fund", "guardian", currency="SEK", amount_claimed=1000000)
    ws = open_workspace(qtbot, s, case["id"], (1300, 640))
    assert ws.show_tab("justice")
    panel = ws.justice_page
    wait_read(qtbot, panel)
    assert panel.o_model.rowCount() == 1 and cells(panel.o_model, 1) == ["Not known"]
    assert ws.height() == 640
    bar = panel.findChild(QScrollArea).verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    ws.resize(1300, 1100)
    qtbot.waitUntil(lambda: bar.maximum() == 0)
    assert panel.c_view.isVisible() and panel.rights_button.isVisible()


def test_a_charge_names_the_recorded_offence_its_proceeding_is_about(qtbot, open_as, setup):
    """The charge decision offers the case's recorded offences against the proceeding's child
    before the bare categories, the proceeding's own offence already ticked: a charge naming it
    keeps its date (and limitation). An offence against another child of the case is not offered."""
    s = open_as("coordinator")
    case = setup["case"]
    sibling = s.create_person(given_name="Sibla", family_name="Exampledottir", date_of_birth="2016-02-03",
                              dob_status="claimed")
    s.add_child(case["id"], sibling, "witness")
    s.add_alleged_offence(case["id"], "online_grooming", date(2025, 1, 1), victim_person_id=sibling)
    oid = s.add_alleged_offence(case["id"], "sexual_abuse_child", date(2025, 3, 3),
                                victim_person_id=case["child_id"])
    pid = s.open_proceeding(case["id"], case["offender_id"], "criminal", offence_id=oid,
                            child_person_id=case["child_id"])
    s.record_justice_event(pid, "reported_to_police", date(2026, 3, 5))
    s.record_justice_event(pid, "investigation_opened", date(2026, 3, 10))
    ws, panel = open_justice_tab(qtbot, s, case["id"])
    assert panel.selected()["id"] == pid

    def charged(dlg):
        press(qtbot, K.Key_C)   # De&cision
        qtbot.keyClicks(dlg.decision, "Ch")
        press(qtbot, K.Key_H)   # C&harges
        assert focused() is dlg.charges
        assert [dlg.charges.item(i).text() for i in range(3)] == [
            "Sexual abuse of a child, 2025-03-03 (recorded alleged offence)", "Rape of a child",
            "Sexual abuse of a child"]
        assert dlg.charges.values() == [oid]   # the proceeding's offence
        qtbot.keyClick(dlg.charges, K.Key_Home)
        qtbot.keyClick(dlg.charges, K.Key_Down)
        qtbot.keyClick(dlg.charges, K.Key_Space)   # Rape of a child, not recorded
        assert dlg.charges.values() == [oid, "rape_child"]
    record_event(qtbot, panel, ["Charge decision", "Final disposition"], date(2026, 4, 1), charged)
    p = s.justice_summary(case["id"])["proceedings"][0]
    assert [(c["category"], c["offence_id"]) for c in p["charges"]] == [
        ("sexual_abuse_child", oid), ("rape_child", None)]

    def convicted(dlg):
        assert [dlg.charge.itemText(i) for i in range(dlg.charge.count())][-2:] == [
            "Sexual abuse of a child, 2025-03-03", "Rape of a child"]
        assert dlg.charge.currentText() == "Sexual abuse of a child, 2025-03-03"
        press(qtbot, K.Key_V)   # &Verdict
        qtbot.keyClicks(dlg.verdict, "Conv")
    record_event(qtbot, panel, ["Indictment", "Final disposition"], date(2026, 4, 20))
    record_event(qtbot, panel, ["Verdict", "Final disposition"], date(2026, 6, 1), convicted)
    assert cells(panel.e_model, 2)[-1] == "Sexual abuse of a child, 2025-03-03: Convicted"
    assert "Charges: Sexual abuse of a child, 2025-03-03 (Convicted); Rape of a child" in panel.details_text(
        panel.selected())


def test_the_liaison_records_that_the_family_do_not_wish_to_be_told_of_the_release(qtbot, open_as, setup):
    case = setup["case"]
    s = open_as("liaison")
    pid = s.open_proceeding(case["id"], case["offender_id"], "criminal")
    s.record_justice_event(pid, "reported_to_police", "2026-01-10")
    s.record_justice_event(pid, "charge_decision", "2026-03-01", decision="charged", charges=["online_grooming"])
    s.record_justice_event(pid, "indictment", "2026-03-10")
    (charge,) = (c["id"] for c in s.justice_summary(case["id"])["proceedings"][0]["charges"])
    s.record_justice_event(pid, "verdict", "2026-05-01", charge_id=charge, verdict="convicted")
    s.record_justice_event(pid, "sentence", "2026-05-20", release_on="2027-03-01")
    ws, panel = open_justice_tab(qtbot, s, case["id"])
    assert panel.details.text().splitlines()[-1] == "Release on 2027-03-01; inform the child and family by 2027-01-30."
    assert panel.informed_button.isEnabled()

    click_by_tab(qtbot, panel.wish_button)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.wish and dlg.wish.value() is None
    press(qtbot, K.Key_S)   # &Save without an answer: said beside the field, nothing stored
    qtbot.waitUntil(lambda: bool(dlg.error_texts()), timeout=5000)
    assert dlg.messages["wish"].text() == "Their answer is required."
    assert s.justice_summary(case["id"])["proceedings"][0]["release_wish"] is None
    dlg.wish.setFocus()
    qtbot.keyClicks(dlg.wish, "Do")
    assert dlg.wish.value() == "not_wanted"
    press(qtbot, K.Key_O)   # Said &on
    dlg.on.set_value(date(2026, 5, 20))
    press(qtbot, K.Key_S)   # &Save
    accepted(qtbot, panel, dlg)

    p = s.justice_summary(case["id"])["proceedings"][0]
    assert p["release_wish"] == {"wish": "not_wanted", "on": "2026-05-20"}
    assert p["release"]["inform_by"] is None
    assert panel.details.text().splitlines()[-2:] == [
        "Release notification: Do not wish to be told (said on 2026-05-20).",
        "Release on 2027-03-01; the child and family do not wish to be told."]
    assert not panel.informed_button.isEnabled()
    assert s.liaison_today("2027-01-15")["release_dates"] == []


BUTTON_LETTERS = {
    "English": {"new_button": "n", "event_button": "r", "hearing_button": "h", "move_hearing_button": "v",
                "p_offence_button": "c", "part_button": "i", "wish_button": "e", "release_button": None,
                "informed_button": "m", "offence_button": None, "change_offence_button": "g", "claim_button": "w",
                "status_button": None, "payment_button": "y", "deadline_button": None, "rights_button": "x"},
    "Swedish": {"new_button": "n", "event_button": "r", "hearing_button": "b", "move_hearing_button": "y",
                "p_offence_button": None, "part_button": "m", "wish_button": "i", "release_button": "g",
                "informed_button": "ä", "offence_button": None, "change_offence_button": None, "claim_button": "k",
                "status_button": "a", "payment_button": "l", "deadline_button": None, "rights_button": "e"},
}


@pytest.mark.parametrize("language", ["English", "Swedish"])
@pytest.mark.parametrize("user", ["coordinator", "liaison"])
def test_the_tabs_buttons_take_alt_letters_of_their_own(qtbot, open_as, setup, user, language, request):
    """The letters the workspace's tab titles, Save and the alleged offences leave free: each
    button's own, none twice on the page; Alt+R records an event (Registrera händelse too)."""
    from tests.support.case_tabs import ALT
    from tests.support.translations import mnemonic, shown_mnemonics
    if language == "Swedish":
        request.getfixturevalue("swedish")
    s = open_as(user)
    case = setup["case"]
    s.open_proceeding(case["id"], case["offender_id"], "criminal")
    s.open_claim(case["id"], "state_fund", "child", currency="SEK")
    ws, panel = open_justice_tab(qtbot, s, case["id"])
    letters = BUTTON_LETTERS[language]
    assert {name: mnemonic(getattr(panel, name).text()) for name in letters} == letters
    shown = [m for m, _t in shown_mnemonics(ws)]
    assert [t for m, t in shown_mnemonics(ws) if shown.count(m) > 1] == []
    qtbot.keyClick(focused(), K.Key_R, ALT)
    dlg = opened(qtbot, panel)
    assert dlg.objectName() == "justiceEventDialog"
    dlg.reject()
