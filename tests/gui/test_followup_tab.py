"""The case workspace's Follow-up tab (issue #16): a coordinator edits the child's plan by keyboard
(a bad interval gets the core's message beside the field and loses nothing; a one-off date added;
a rule ended with its reason in the history; full recovery, then a relapse); Today's reminder
opens the tab on its rule; a liaison reads the plan without buttons to change it. Real SQLCipher
records made through the core; expected values by hand."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from barnahus_app.followup.actions import add_months, local_today
from tests.support.records import login, sample_case
from tests.support.translations import shown_mnemonics

from tests.support.case_tabs import ALT, CTRL, K, accepted, focused, opened, press, wait_read
from tests.support.case_tabs import open_workspace as open_case_workspace

pytestmark = pytest.mark.gui

TODAY = local_today()


def open_workspace(qtbot, session, case_id):
    return open_case_workspace(qtbot, session, case_id, (1100, 760))


@pytest.fixture
def setup(record_path):
    """The coordinator's case (child born 2014-05-06) with a six-monthly review that is overdue
    and the milestones at 15 and 18."""
    with login(record_path, "coordinator") as c:
        case = sample_case(c)
        review = c.add_followup_rule(case["child_id"], "recurring_review", case["id"], interval_months=6,
                                     due_on=(TODAY - timedelta(days=3)).isoformat())
        milestones = c.add_followup_rule(case["child_id"], "age_milestone", case["id"], ages=[15, 18],
                                         due_on="2026-01-01")
    return {"case": case, "review": review, "milestones": milestones}


def open_followup_tab(qtbot, session, case_id):
    """The Follow-up tab, opened with Alt+L."""
    ws = open_workspace(qtbot, session, case_id)
    qtbot.keyClick(focused(), K.Key_L, ALT)
    panel = ws.followup_page
    assert ws.tabs.currentWidget() is panel
    wait_read(qtbot, panel)
    return ws, panel


def column(panel, col: int) -> list[str]:
    return [panel.r_model.item(i, col).text() for i in range(panel.r_model.rowCount())]


def plan_of(s, person_id) -> dict:
    return {r["id"]: r for r in s.followup_plan(person_id)["rules"]}


def test_a_coordinator_edits_the_plan_by_keyboard(qtbot, open_as, setup):
    s = open_as("coordinator")
    case, child = setup["case"], setup["case"]["child_id"]
    ws, panel = open_followup_tab(qtbot, s, case["id"])
    assert column(panel, 0) == ["Recurring review", "Age milestones"]
    assert column(panel, 1)[1] == "At ages 15, 18"
    assert column(panel, 3) == ["Active, overdue", "Active"]   # the review was due 3 days ago
    assert not panel.plan_note.isVisible()   # the child has a date of birth
    # no accelerator on the page clashes with another or with the workspace's tabs
    letters = [m for m, _t in shown_mnemonics(ws)]
    assert sorted(set(letters)) == sorted(letters), shown_mnemonics(ws)

    # Change the review's interval: the keyboard starts in the interval; 0 is refused beside it.
    panel.r_view.setFocus()
    panel.r_view.selectRow(0)
    press(qtbot, K.Key_G)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.interval
    dlg.interval.selectAll()
    qtbot.keyClicks(dlg.interval, "0")
    qtbot.keyClicks(dlg.note, "")
    qtbot.keyClick(focused(), K.Key_Return)
    qtbot.waitUntil(lambda: bool(dlg.error_texts()), timeout=5000)
    assert panel.dialog is dlg
    assert dlg.messages["interval_months"].text() == "Every how many months must be a whole number from 1 to 120."
    assert dlg.interval.text() == "0"   # nothing lost
    assert plan_of(s, child)[setup["review"]]["interval_months"] == 6
    dlg.interval.selectAll()
    qtbot.keyClicks(dlg.interval, "3")
    qtbot.keyClick(focused(), K.Key_Return)
    accepted(qtbot, panel, dlg)
    review = plan_of(s, child)[setup["review"]]
    assert (review["interval_months"], review["due_on"]) == (3, (TODAY - timedelta(days=3)).isoformat())

    # Add a one-off date: Ctrl+N, the kind typed, the date, Alt+A (Add).
    press(qtbot, K.Key_N, CTRL)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.kind
    qtbot.keyClicks(dlg.kind, "Court")
    assert dlg.kind.value() == "court_date"
    assert not dlg.interval.isVisible() and not dlg.ages.isVisible()
    press(qtbot, K.Key_D)
    assert focused() is dlg.due_on
    dlg.due_on.set_value(date(2031, 3, 14))
    press(qtbot, K.Key_N)
    qtbot.keyClicks(focused(), "District court, main hearing")
    press(qtbot, K.Key_A)
    accepted(qtbot, panel, dlg)
    court = dlg.rule_id
    assert plan_of(s, child)[court]["next_due"] == "2031-03-14"
    assert panel.selected()["id"] == court
    assert column(panel, 0)[2] == "Court date"

    # End the milestones: the reason is kept in the history.
    panel.r_view.setFocus()
    panel.r_view.selectRow(1)
    press(qtbot, K.Key_E)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.reason
    qtbot.keyClicks(dlg.reason, "The family moved abroad")
    press(qtbot, K.Key_E)
    accepted(qtbot, panel, dlg)
    assert plan_of(s, child)[setup["milestones"]]["status"] == "declined"
    assert panel.selected()["id"] == setup["milestones"]
    assert column(panel, 3)[1] == "Ended (declined)"
    assert [[panel.h_model.item(i, c).text() for c in (1, 2, 3)] for i in range(panel.h_model.rowCount())] == [
        ["Declined", "Age 15", "The family moved abroad"], ["Declined", "Age 18", "The family moved abroad"]]
    assert not panel.end_button.isEnabled()

    # Full recovery: the review ends, the court date stays.
    assert not panel.relapse_button.isEnabled()
    press(qtbot, K.Key_C)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.meeting
    press(qtbot, K.Key_B)
    qtbot.keyClicks(focused(), "No symptoms for a year")
    press(qtbot, K.Key_R)
    accepted(qtbot, panel, dlg)
    plan = plan_of(s, child)
    assert (plan[setup["review"]]["status"], plan[court]["status"]) == ("recovered", "active")
    assert panel.recoveries.text() == f"Full recovery recorded on {TODAY.isoformat()}. No symptoms for a year"

    # A relapse: reviews every 3 months again.
    assert panel.relapse_button.isEnabled()
    press(qtbot, K.Key_R)
    dlg = opened(qtbot, panel)
    press(qtbot, K.Key_V)
    dlg.interval.selectAll()
    qtbot.keyClicks(dlg.interval, "3")
    press(qtbot, K.Key_R)
    accepted(qtbot, panel, dlg)
    relapse = plan_of(s, child)[dlg.rule_id]
    assert (relapse["kind"], relapse["status"], relapse["interval_months"], relapse["next_due"]) == (
        "recurring_review", "active", 3, add_months(TODAY, 3).isoformat())
    assert panel.selected()["id"] == dlg.rule_id
    assert column(panel, 0)[-1] == "Recurring review after a relapse"


def test_todays_reminder_opens_the_tab_on_its_rule(qtbot, open_as, setup):
    s = open_as("coordinator")
    ws = open_workspace(qtbot, s, setup["case"]["id"])
    # What the main window does for Today's openCaseTab (ui/today/panel.py open_selected).
    assert ws.show_tab(f"followup:{setup['milestones']}:{setup['case']['child_id']}")
    panel = ws.followup_page
    assert ws.tabs.currentWidget() is panel
    wait_read(qtbot, panel)
    qtbot.waitUntil(lambda: (panel.selected() or {}).get("id") == setup["milestones"], timeout=5000)
    assert panel.r_view.hasFocus()


def test_a_child_without_a_date_of_birth_sees_which_milestones_wait(qtbot, open_as, setup):
    s = open_as("coordinator")
    s.update_person(setup["case"]["child_id"], date_of_birth=None)
    ws, panel = open_followup_tab(qtbot, s, setup["case"]["id"])
    assert panel.plan_note.isVisible()
    assert panel.plan_note.text() == ("No date of birth is recorded for Testa Exampledottir: the milestones at "
                                      "ages 15, 18 wait for one. Record it on the Persons tab.")
    assert column(panel, 3)[1] == "Waits for a date of birth"


def test_a_liaison_reads_the_plan_only(qtbot, open_as, setup):
    s = open_as("liaison")
    assert not s.can("followup", "update")
    ws, panel = open_followup_tab(qtbot, s, setup["case"]["id"])
    for b in (panel.add_button, panel.recovery_button, panel.relapse_button, panel.change_button, panel.end_button):
        assert not b.isVisible(), b.objectName()
    assert panel.add_rule() is None and panel.end_rule() is None


@pytest.mark.parametrize("user", ["coordinator", "interviewer", "medical", "therapist", "liaison"])
def test_alt_l_clashes_with_nothing_on_any_tab_page(qtbot, open_as, setup, user):
    """The tab's accelerator against the workspace's tabs and every tab page's buttons and labels,
    as each role sees them."""
    s = open_as(user)
    ws = open_workspace(qtbot, s, setup["case"]["id"])
    titles = [ws.tabs.tabText(i) for i in range(ws.tabs.count())]
    assert "Fo&llow-up" in titles
    for i in range(ws.tabs.count()):
        ws.tabs.setCurrentIndex(i)
        page = ws.tabs.widget(i)
        qtbot.waitUntil(lambda: not getattr(page, "loading", False), timeout=10_000)
        shown = [m for m, _t in shown_mnemonics(ws)]
        assert shown.count("l") == 1, (titles[i], shown_mnemonics(ws))


@pytest.mark.parametrize("user", ["coordinator", "interviewer", "medical", "therapist", "liaison"])
def test_in_swedish_no_tab_titles_letter_clashes_on_any_tab_page(qtbot, open_as, setup, user, swedish):
    """In Swedish the tab titles' letters differ (Uppföl&jning, &Medicinskt...): each belongs to
    its tab only, on every page, for every role."""
    from tests.support.translations import mnemonic
    s = open_as(user)
    ws = open_workspace(qtbot, s, setup["case"]["id"])
    titles = [ws.tabs.tabText(i) for i in range(ws.tabs.count())]
    assert "Uppföl&jning" in titles
    letters = {mnemonic(t) for t in titles} - {None}
    for i in range(ws.tabs.count()):
        ws.tabs.setCurrentIndex(i)
        page = ws.tabs.widget(i)
        qtbot.waitUntil(lambda: not getattr(page, "loading", False), timeout=10_000)
        shown = [m for m, _t in shown_mnemonics(ws)]
        assert [m for m in letters if shown.count(m) != 1] == [], (titles[i], [t for m, t in shown_mnemonics(ws) if shown.count(m) != 1])


def test_full_recovery_decided_at_a_meeting_takes_the_meetings_day(qtbot, open_as, setup):
    s = open_as("coordinator")
    case, child = setup["case"], setup["case"]["child_id"]
    day = TODAY - timedelta(days=2)
    mid = s.plan_meeting("case_review", f"{day.isoformat()}T10:00", 60, chair_id=s.user_id, remote=True,
                         time_zone="Europe/Stockholm")
    s.add_agenda_items(mid, [(case["id"], "review_due")])
    s.hold_meeting(mid)
    ws, panel = open_followup_tab(qtbot, s, case["id"])
    press(qtbot, K.Key_C)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.meeting
    qtbot.keyClick(dlg.meeting, K.Key_Down)   # the one held meeting, after "No meeting chosen"
    assert dlg.meeting.value() == mid
    press(qtbot, K.Key_R)
    accepted(qtbot, panel, dlg)
    assert [(f["recovered_on"], f["meeting_id"]) for f in s.followup_plan(child)["full_recoveries"]] == [
        (day.isoformat(), mid)]
    assert plan_of(s, child)[setup["review"]]["status"] == "recovered"
    assert "decided at the MDT meeting of" in panel.recoveries.text()
