"""The Today view: overdue / this week / upcoming reminders made through the core, opening the
case, Complete / Decline / Snooze through dialogs that show the core's messages, scoping by
role, the navigation count, and nothing left behind on Ctrl+L."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from barnahus_app.api import open_record
from barnahus_app.followup.actions import add_years
from tests.support.gui_shell import flush_deletes, make_window, unlock, wait_answered, widget_texts
from tests.support.translations import untranslated_in
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD
from ui.today.panel import CompleteDialog, DeclineDialog, SnoozeDialog, TodayPanel

pytestmark = pytest.mark.gui

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CHILD = ("Tilda", "Remindersdottir")
TODAY = date.today()


def _iso(d: date) -> str:
    return d.isoformat()


@pytest.fixture
def plan(record_path):
    """A child of 12 years and 10 days in a case, with a plan made through the core:
    an age milestone (12: overdue), a recurring review due 40 years ago, an action item this
    week, a court date next month, a recording fixity check (interviewer), a therapist's
    follow-up, and a carer survey of the child without a case."""
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        dob = add_years(TODAY - timedelta(days=10), -12)
        child = s.create_person(given_name=CHILD[0], family_name=CHILD[1], date_of_birth=_iso(dob),
                                dob_status="verified", acknowledge_duplicates=True)
        case = s.create_case(referral_received_at="2026-03-04T09:30:00+01:00", jurisdiction="SE",
                             abuse_forms=["sexual_abuse_extrafamilial"], triage_level="urgent")
        s.add_child(case["id"], child, "victim")
        cid = case["id"]
        rules = {
            "milestone": s.add_followup_rule(child, "age_milestone", cid, due_on=_iso(dob)),
            "old_review": s.add_followup_rule(child, "recurring_review", cid,
                                              due_on=_iso(add_years(TODAY, -40))),
            "action": s.add_followup_rule(child, "action_item", cid, due_on=_iso(TODAY + timedelta(days=2))),
            "court": s.add_followup_rule(child, "court_date", cid, due_on=_iso(TODAY + timedelta(days=30))),
            "fixity": s.add_followup_rule(child, "fixity_check", cid, due_on=_iso(TODAY - timedelta(days=3))),
            "therapy": s.add_followup_rule(child, "other", cid, discipline="therapist",
                                           due_on=_iso(TODAY + timedelta(days=1))),
            "survey": s.add_followup_rule(child, "carer_survey", None, due_on=_iso(TODAY - timedelta(days=1))),
        }
    return {"case_id": cid, "reference": case["reference"], "child": child, "rules": rules}


def open_today(qtbot, record_path, user="coordinator"):
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, user, ADMIN_PASSWORD if user == "admin" else STAFF_PASSWORD)
    if window.today is not None:
        wait_loaded(qtbot, window.today)
    if window.message_bar is not None:
        window.message_bar.dismiss()
    return window


def wait_loaded(qtbot, panel: TodayPanel) -> None:
    qtbot.waitUntil(lambda: not panel.is_loading() and panel.counts() is not None, timeout=10_000)


def rows(panel: TodayPanel, bucket: str) -> list:
    m = panel.model(bucket)
    return [m.reminder(i) for i in range(m.rowCount())]


def rule_ids(panel: TodayPanel, bucket: str) -> list[int]:
    return [r.rule_id for r in rows(panel, bucket)]


def cell(panel: TodayPanel, bucket: str, row: int, key: str) -> str:
    m = panel.model(bucket)
    return m.data(m.index(row, m.column_of(key)))


def row_of(panel: TodayPanel, bucket: str, rule_id: int) -> int:
    ids = rule_ids(panel, bucket)
    assert rule_id in ids, (bucket, rule_id, ids)
    return ids.index(rule_id)


def nav_text(window) -> str:
    return window.nav.item(0).text()


def open_dialog(qtbot, panel, kind):
    qtbot.waitUntil(lambda: any(d.isVisible() for d in panel.findChildren(kind)), timeout=3000)
    dlg = next(d for d in panel.findChildren(kind) if d.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=3000)  # keys go to it
    return dlg


def test_coordinator_sees_overdue_this_week_and_upcoming(qtbot, record_path, plan):
    window = open_today(qtbot, record_path)
    panel = window.today
    r = plan["rules"]
    assert window.nav_keys()[:2] == ["today", "cases"]
    assert window.current_page() == "today"  # the first screen after unlock

    overdue = rule_ids(panel, "overdue")
    assert set(overdue) == {r["old_review"], r["milestone"], r["fixity"], r["survey"]}
    assert overdue[0] == r["old_review"]  # the oldest first: forty years on, it is still there
    assert set(rule_ids(panel, "this_week")) == {r["action"], r["therapy"]}
    assert rule_ids(panel, "upcoming") == [r["court"]]
    assert panel.counts() == {"overdue": 4, "this_week": 2, "upcoming": 1}

    i = row_of(panel, "overdue", r["old_review"])
    assert cell(panel, "overdue", i, "when") == "40 years overdue"
    assert cell(panel, "overdue", i, "what") == "Follow-up review"
    assert cell(panel, "overdue", i, "case") == plan["reference"]
    assert cell(panel, "overdue", i, "child") == " ".join(CHILD)
    assert cell(panel, "overdue", i, "due") == panel.model("overdue").date_text(add_years(TODAY, -40))
    j = row_of(panel, "overdue", r["milestone"])
    assert cell(panel, "overdue", j, "what") == "Turns 12: age milestone"
    assert cell(panel, "overdue", j, "when") == "10 days overdue"
    assert cell(panel, "this_week", row_of(panel, "this_week", r["action"]), "when") == "In 2 days"
    assert cell(panel, "upcoming", 0, "what") == "Court date"
    assert "4 overdue, 2 due this week, 1 upcoming" in panel.summary.text()
    assert panel.sections["overdue"].heading.text().replace("&", "") == "Overdue (4)"

    assert nav_text(window) == "Today (6)"  # overdue + this week
    # The keyboard starts on the list, on the first reminder, ready for an action.
    qtbot.waitUntil(lambda: panel.view("overdue").hasFocus(), timeout=3000)
    assert panel.selected()[2].rule_id == overdue[0]
    assert panel.complete_button.isEnabled() and panel.snooze_button.isVisible()


def test_enter_opens_the_case_workspace(qtbot, record_path, plan):
    window = open_today(qtbot, record_path)
    panel = window.today
    view = panel.view("upcoming")
    view.setFocus()
    panel.select("upcoming", 0)
    r = panel.selected()[2]
    with qtbot.waitSignal(panel.openCaseTab, timeout=3000) as blocker:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [plan["case_id"], f"followup:{r.rule_id}:{r.person_id}"]   # on that rule
    assert [e.case_id for e in window.workspace_entries()] == [plan["case_id"]]
    assert window.current_page() == "open"
    ws = window.workspace_entries()[0].workspace
    assert ws.tabs.currentWidget() is ws.followup_page
    qtbot.waitUntil(lambda: (ws.followup_page.selected() or {}).get("id") == r.rule_id, timeout=5000)

    # A follow-up of the child without a case opens the child's most recent case.
    window.go("today")
    panel.select("overdue", row_of(panel, "overdue", plan["rules"]["survey"]))
    assert panel.selected()[2].case_id is None
    with qtbot.waitSignal(panel.openCaseTab, timeout=3000) as blocker:
        QTest.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == plan["case_id"]
    assert blocker.args[1].startswith(f"followup:{plan['rules']['survey']}:")
    assert window.current_page() == "open"


def test_decline_needs_a_reason_and_then_ends_the_reminder(qtbot, record_path, plan):
    window = open_today(qtbot, record_path)
    panel = window.today
    rid = plan["rules"]["action"]
    panel.view("this_week").setFocus()
    panel.select("this_week", row_of(panel, "this_week", rid))
    QTest.keyClick(window, Qt.Key.Key_D, ALT)  # Decline…
    dlg = open_dialog(qtbot, panel, DeclineDialog)
    assert dlg.reminder.rule_id == rid

    dlg.ok_button.click()  # no reason
    wait_answered(qtbot, dlg)
    assert dlg.isVisible()
    assert "Reason is required." in dlg.error_texts()
    plan_now = window.session.followup_plan(plan["child"])
    assert [ru["events"] for ru in plan_now["rules"] if ru["id"] == rid] == [[]]  # nothing changed
    assert rid in rule_ids(panel, "this_week")

    QTest.keyClicks(dlg.reason, "declined further contact")
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dlg) or not dlg.isVisible(), timeout=3000)
    wait_loaded(qtbot, panel)
    qtbot.waitUntil(lambda: rid not in rule_ids(panel, "this_week"), timeout=5000)
    assert panel.counts()["this_week"] == 1
    assert nav_text(window) == "Today (5)"  # the navigation count follows
    (rule,) = [ru for ru in window.session.followup_plan(plan["child"])["rules"] if ru["id"] == rid]
    assert [e["action"] for e in rule["events"]] == ["declined"]
    assert rule["events"][0]["reason"] == "declined further contact"


def test_decline_with_a_date_to_offer_again(qtbot, record_path, plan):
    window = open_today(qtbot, record_path)
    panel = window.today
    rid = plan["rules"]["fixity"]
    panel.select("overdue", row_of(panel, "overdue", rid))
    panel.decline_selected()
    dlg = open_dialog(qtbot, panel, DeclineDialog)
    QTest.keyClicks(dlg.reason, "the recording is with the court")
    dlg.offer.setChecked(True)
    dlg.offer_date.set_value(TODAY + timedelta(days=20))
    dlg.ok_button.click()
    wait_loaded(qtbot, panel)
    qtbot.waitUntil(lambda: rid in rule_ids(panel, "upcoming"), timeout=5000)
    i = row_of(panel, "upcoming", rid)
    assert "offer again" in cell(panel, "upcoming", i, "what")


def test_snooze_needs_a_new_date(qtbot, record_path, plan):
    window = open_today(qtbot, record_path)
    panel = window.today
    rid = plan["rules"]["old_review"]
    panel.select("overdue", row_of(panel, "overdue", rid))
    QTest.mouseClick(panel.snooze_button, Qt.MouseButton.LeftButton)
    dlg = open_dialog(qtbot, panel, SnoozeDialog)
    assert dlg.new_date.value() is None  # no date until one is chosen
    dlg.ok_button.click()
    wait_answered(qtbot, dlg)
    assert dlg.isVisible()
    assert any("Snoozing needs a new date" in t for t in dlg.error_texts())
    assert rid in rule_ids(panel, "overdue")

    QTest.mouseClick(dlg.quick_buttons[1], Qt.MouseButton.LeftButton)  # in 1 month
    assert dlg.new_date.value() is not None
    dlg.ok_button.click()
    wait_loaded(qtbot, panel)
    qtbot.waitUntil(lambda: rid in rule_ids(panel, "upcoming"), timeout=5000)
    assert rid not in rule_ids(panel, "overdue")
    assert "snoozed" in cell(panel, "upcoming", row_of(panel, "upcoming", rid), "what")
    assert nav_text(window) == "Today (5)"


def test_complete_removes_the_reminder(qtbot, record_path, plan):
    window = open_today(qtbot, record_path)
    panel = window.today
    rid = plan["rules"]["action"]
    panel.select("this_week", row_of(panel, "this_week", rid))
    panel.complete_selected()
    dlg = open_dialog(qtbot, panel, CompleteDialog)
    assert dlg.on.value() == TODAY.isoformat() or dlg.on.value() is not None
    dlg.ok_button.click()
    wait_loaded(qtbot, panel)
    qtbot.waitUntil(lambda: rid not in rule_ids(panel, "this_week"), timeout=5000)
    assert nav_text(window) == "Today (5)"
    # The selection stays in the section, so the next one can be handled at once.
    assert panel.selected() is not None and panel.selected()[0] == "this_week"

    # A recurring review completed today falls due again in six months: off the list for now.
    old = plan["rules"]["old_review"]
    panel.select("overdue", row_of(panel, "overdue", old))
    panel.complete_selected()
    open_dialog(qtbot, panel, CompleteDialog).ok_button.click()
    wait_loaded(qtbot, panel)
    qtbot.waitUntil(lambda: old not in rule_ids(panel, "overdue"), timeout=5000)
    assert nav_text(window) == "Today (4)"


def test_admin_has_no_today(qtbot, record_path, plan):
    window = open_today(qtbot, record_path, "admin")
    assert window.nav_keys() == ["admin"]
    assert window.today is None
    assert not window.go_today_action.isEnabled()


def test_interviewer_sees_only_their_disciplines_reminders(qtbot, record_path, plan):
    window = open_today(qtbot, record_path, "interviewer")
    panel = window.today
    assert window.nav_keys()[0] == "today"
    everything = [r for b in ("overdue", "this_week", "upcoming") for r in rows(panel, b)]
    assert [r.rule_id for r in everything] == [plan["rules"]["fixity"]]
    assert {r.discipline for r in everything} == {"interviewer"}
    assert cell(panel, "overdue", 0, "what") == "Fixity check of a recording"
    assert nav_text(window) == "Today (1)"
    # The same as the core gives this user (the view adds and drops nothing).
    assert [r.rule_id for r in window.session.reminders(panel.as_of())] == [plan["rules"]["fixity"]]


def test_liaison_reads_court_dates_without_actions(qtbot, record_path, plan):
    window = open_today(qtbot, record_path, "liaison")
    panel = window.today
    assert rule_ids(panel, "upcoming") == [plan["rules"]["court"]]
    assert rule_ids(panel, "overdue") == [] and rule_ids(panel, "this_week") == []
    assert panel.sections["overdue"].empty.text() == "Nothing is overdue."
    assert not panel.complete_button.isVisible() and not panel.decline_button.isVisible()
    assert panel.open_button.isVisible()


def test_as_of_another_date(qtbot, record_path, plan):
    window = open_today(qtbot, record_path)
    panel = window.today
    panel.set_as_of(TODAY + timedelta(days=28))
    wait_loaded(qtbot, panel)
    qtbot.waitUntil(lambda: plan["rules"]["court"] in rule_ids(panel, "this_week"), timeout=5000)
    assert "not today" in panel.summary.text()
    panel.back_to_today()
    wait_loaded(qtbot, panel)
    qtbot.waitUntil(lambda: plan["rules"]["court"] in rule_ids(panel, "upcoming"), timeout=5000)
    assert "not today" not in panel.summary.text()


def test_ctrl_l_leaves_no_reminder_text_in_any_widget(qtbot, record_path, plan):
    window = open_today(qtbot, record_path)
    panel = window.today
    i = row_of(panel, "overdue", plan["rules"]["old_review"])
    panel.select("overdue", i)
    needles = [plan["reference"], CHILD[1], "40 years overdue", "Follow-up review", "Turns 12",
               "Court date", "private words about the family"]
    panel.decline_selected()
    dlg = open_dialog(qtbot, panel, DeclineDialog)
    QTest.keyClicks(dlg.reason, "private words about the family")
    texts = widget_texts()
    assert all(any(n in t for t in texts) for n in needles)  # the test can see them

    QTest.keyClick(dlg.reason, Qt.Key.Key_L, CTRL)  # from inside the open dialog
    qtbot.waitUntil(lambda: not window.is_unlocked(), timeout=5000)
    flush_deletes()
    texts = widget_texts()
    assert [n for n in needles if any(n in t for t in texts)] == []
    assert window.today is None

    # Unlocking again shows Today first, fresh from the core.
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    wait_loaded(qtbot, window.today)
    assert window.current_page() == "today"
    assert window.today.counts()["overdue"] == 4


def test_panel_clear_drops_everything(qtbot, record_path, plan, open_as):
    panel = TodayPanel(open_as("coordinator"))
    qtbot.addWidget(panel)
    wait_loaded(qtbot, panel)
    assert panel.model("overdue").rowCount() == 4
    panel.clear()
    assert all(panel.model(b).rowCount() == 0 for b in ("overdue", "this_week", "upcoming"))
    assert panel.counts() is None and panel.summary.text() == "" and panel.selected_label.text() == ""
    assert not panel.complete_button.isEnabled()


def test_a_closed_case_keeps_its_reminders(qtbot, record_path, plan):
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        s.update_case(plan["case_id"], status="closed")
    window = open_today(qtbot, record_path)
    assert window.today.counts() == {"overdue": 4, "this_week": 2, "upcoming": 1}


def test_every_string_of_the_today_view_is_translated_to_swedish():
    checked, untranslated = untranslated_in(lambda f: f.startswith("today/"))
    assert checked > 100 and untranslated == []


def test_f5_reads_again_and_keeps_the_selected_reminder(qtbot, record_path, plan):
    window = open_today(qtbot, record_path)
    panel = window.today
    rid = plan["rules"]["fixity"]
    view = panel.view("overdue")
    view.setFocus()
    panel.select("overdue", row_of(panel, "overdue", rid))
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        QTest.keyClick(view, Qt.Key.Key_F5)
    assert panel.selected()[2].rule_id == rid
    assert view.hasFocus()


# --- my interviews and the "Only mine" filter (issue 17) -------------------------------------------

@pytest.fixture
def interviews(record_path, plan):
    """Room A; the interviewer leads an interview the day after tomorrow and one held three days
    ago without notes, and one held four days ago with notes."""
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as a:
        room = a.create_room("Room A", "interview")
        interviewer = next(u["id"] for u in a.list_users() if u["username"] == "interviewer")
    zone = "Europe/Stockholm"
    with open_record(record_path, "interviewer", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        def at(days: int) -> str:
            return f"{_iso(TODAY + timedelta(days=days))}T10:00"
        coming = s.plan_interview(plan["case_id"], plan["child"], at(2), 60, room, interviewer, time_zone=zone)
        held = s.plan_interview(plan["case_id"], plan["child"], at(-3), 60, room, interviewer, time_zone=zone,
                                justification="More to tell.")
        written = s.plan_interview(plan["case_id"], plan["child"], at(-4), 60, room, interviewer, time_zone=zone,
                                   justification="First part.")
        for iid, days in ((held, -3), (written, -4)):
            s.record_interview(iid, actual_start=at(days), actual_end=f"{_iso(TODAY + timedelta(days=days))}T10:50")
        s.set_interview_notes(written, "Notes written the same day.")
    return {"coming": coming, "held": held, "written": written}


def test_interviewer_sees_my_interviews_and_opens_one_by_keyboard(qtbot, record_path, plan, interviews):
    window = open_today(qtbot, record_path, "interviewer")
    panel = window.today
    m = panel.mine_model()
    assert [(m.item(i).id, m.item(i).notes_missing) for i in range(m.rowCount())] == [
        (interviews["coming"], False), (interviews["held"], True)]
    assert [m.data(m.index(i, m.column_of("what"))) for i in range(2)] == [
        "Planned: you lead it", "Held: the notes are not written yet"]
    assert m.data(m.index(0, m.column_of("case"))) == plan["reference"]
    assert m.data(m.index(0, m.column_of("room"))) == "Room A"
    assert panel.mine.heading.text() == "My &interviews (1 coming, 1 without notes)"
    assert not panel.filter_combo.isVisible()   # an interviewer sees only their own follow-up anyway
    # Alt+I goes to the list; Down, then Enter opens the case of the held interview.
    panel.as_of_edit.setFocus()
    QTest.keyClick(window, Qt.Key.Key_I, ALT)
    assert QApplication.focusWidget() is panel.mine.view
    assert panel.mine.selected_row() == 0
    QTest.keyClick(panel.mine.view, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.openCase, timeout=3000) as blocker:
        QTest.keyClick(panel.mine.view, Qt.Key.Key_Return)
    assert blocker.args == [plan["case_id"]]
    assert window.current_page() == "open"


def test_coordinator_chooses_only_mine_by_keyboard_and_it_is_remembered(qtbot, record_path, plan):
    window = open_today(qtbot, record_path)
    panel = window.today
    r = plan["rules"]
    assert not panel.mine.isVisible()          # a coordinator leads no interviews
    assert panel.filter_combo.isVisible() and panel.filter_combo.currentText() == "Everyone's follow-up"
    assert set(rule_ids(panel, "overdue")) == {r["old_review"], r["milestone"], r["fixity"], r["survey"]}
    QTest.keyClick(window, Qt.Key.Key_W, ALT)   # Sho&w:
    assert QApplication.focusWidget() is panel.filter_combo
    QTest.keyClick(panel.filter_combo, Qt.Key.Key_Down)
    assert panel.filter_combo.currentText() == "Only mine"
    qtbot.waitUntil(lambda: not panel.is_loading() and r["fixity"] not in rule_ids(panel, "overdue"), timeout=10_000)
    # the interviewer's fixity check and the therapist's follow-up go; the coordinator's stay
    assert set(rule_ids(panel, "overdue")) == {r["old_review"], r["milestone"], r["survey"]}
    assert rule_ids(panel, "this_week") == [r["action"]]
    assert panel.counts() == {"overdue": 3, "this_week": 1, "upcoming": 1}
    assert nav_text(window) == "Today (4)"
    assert "Only your own discipline's follow-up is shown." in panel.summary.text()
    window.close()
    # The next unlock of the same user on this computer starts with "Only mine".
    again = open_today(qtbot, record_path)
    assert again.today.only_mine() and again.today.filter_combo.currentText() == "Only mine"
    assert set(rule_ids(again.today, "overdue")) == {r["old_review"], r["milestone"], r["survey"]}
    from ui.common import prefs
    stored = prefs._settings().value("today/only_mine")
    assert "coordinator" not in repr(stored) and str(record_path) not in repr(stored)


def test_a_team_actions_reminder_says_what_is_to_be_done(qtbot, record_path, plan, open_as):
    """A user's MDT team action becomes a follow-up reminder: Today shows its text, on one line;
    an action item made by hand still says only "Action item"."""
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        s.add_team_action(plan["case_id"], "Book the medical\nexamination  with the family",
                          _iso(TODAY + timedelta(days=3)), owner_user_id=s.user_id)
    panel = TodayPanel(open_as("coordinator"))
    qtbot.addWidget(panel)
    wait_loaded(qtbot, panel)
    m = panel.model("this_week")
    whats = {m.reminder(i).rule_id: cell(panel, "this_week", i, "what") for i in range(m.rowCount())}
    assert whats.pop(plan["rules"]["action"]) == "Action item"
    assert whats.pop(plan["rules"]["therapy"]) == "Other follow-up"
    assert list(whats.values()) == ["Action item: Book the medical examination with the family"]


def test_my_interviews_empty_state_names_the_cores_days_ahead(qtbot, record_path, plan, open_as):
    panel = TodayPanel(open_as("interviewer"))
    qtbot.addWidget(panel)
    wait_loaded(qtbot, panel)
    qtbot.waitUntil(lambda: panel.mine.empty.text() != "Loading…", timeout=5000)
    assert panel.mine.empty.text() == "No interviews of yours in the next 14 days, and no notes waiting."


def test_a_therapists_recovery_goal_review_and_re_screen_open_the_psychosocial_tab(qtbot, record_path, plan,
                                                                                     open_as):
    """A recovery goal's review date and a re-screen every N months are reminders of the
    therapist's discipline: Today says "Recovery plan review" and "Re-screen", and opening one
    shows the case's Psychosocial tab, where the goal and the screens are."""
    with open_record(record_path, "therapist", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        s.add_recovery_goal(plan["case_id"], plan["child"], domain="education", goal="Back at school",
                            review_on=_iso(TODAY + timedelta(days=2)))
        rescreen = s.set_rescreen(plan["case_id"], plan["child"], "CATS-7-17", every_months=1)
    panel = TodayPanel(open_as("therapist"))
    qtbot.addWidget(panel)
    wait_loaded(qtbot, panel)
    m = panel.model("this_week")
    whats = [cell(panel, "this_week", i, "what") for i in range(m.rowCount())]
    assert whats == ["Other follow-up", "Recovery plan review"]
    panel.select("this_week", 1)
    with qtbot.waitSignal(panel.openCaseTab, timeout=3000) as blocker:
        panel.open_selected()
    assert blocker.args == [plan["case_id"], "psychosocial"]
    m = panel.model("upcoming")
    row = [m.reminder(i).rule_id for i in range(m.rowCount())].index(rescreen)   # a month from today
    assert cell(panel, "upcoming", row, "what") == "Re-screen"
    panel.select("upcoming", row)
    with qtbot.waitSignal(panel.openCaseTab, timeout=3000) as blocker:
        panel.open_selected()
    assert blocker.args == [plan["case_id"], "psychosocial"]
