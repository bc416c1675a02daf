"""The case workspace's Psychosocial tab (issue #15): a therapist records a CATS screen by keyboard
and sees its score, band and cut-off prompt, resolves the prompt, starts a treatment episode and
records a session with a note; a coordinator sees the facts but no notes, no scores and no record
buttons; the liaison has no tab. The tab's letter (Alt+A) is taken by no button of any tab page for
any role, and nothing on the tab or in its dialogs clashes. Real SQLCipher records, made through the
core; expected values by hand."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.support.records import login, sample_case
from tests.support.translations import shown_mnemonics

from tests.support.case_tabs import ALT, CTRL, K, accepted, focused, opened, press, wait_read
from tests.support.case_tabs import open_workspace as open_case_workspace

pytestmark = pytest.mark.gui

TODAY = date.today()
CATS = "Child and Adolescent Trauma Screen, 7-17 (self and carer report)"
# CATS 7-17, items 1-20 (0-3 each): 8 intrusion + 3 avoidance + 8 cognition and mood + 6 arousal = 25,
# "Probable PTSD" (21 and above), at or above the cut-off of 21.
ANSWERS = [2, 2, 1, 2, 1, 1, 2, 0, 1, 1, 2, 1, 1, 2, 1, 0, 2, 1, 1, 1]
# A later screen: 1 on every item but the last five (0): 15, "Moderate trauma-related distress".
LATER = [1] * 15 + [0] * 5


def open_workspace(qtbot, session, case_id):
    return open_case_workspace(qtbot, session, case_id, (1280, 900))


@pytest.fixture
def case(record_path):
    """The coordinator's case: one child, Testa Exampledottir (born 2014), and an alleged offender."""
    with login(record_path, "coordinator") as c:
        return sample_case(c)


def answers(values) -> dict:
    return {f"s{i}": v for i, v in enumerate(values, 1)}


def open_tab(qtbot, session, case_id, key=K.Key_A):
    """The Psychosocial tab, opened with Alt+A (Alt+C in Swedish)."""
    ws = open_workspace(qtbot, session, case_id)
    qtbot.keyClick(focused(), key, ALT)
    panel = ws.psychosocial_page
    assert panel is not None and ws.tabs.currentWidget() is panel
    wait_read(qtbot, panel)
    return ws, panel


def cells(model, row) -> list[str]:
    return [model.item(row, c).text() for c in range(model.columnCount())]


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_a_therapist_records_a_screen_resolves_it_and_treats_by_keyboard(qtbot, open_as, case):
    s = open_as("therapist")
    ws, panel = open_tab(qtbot, s, case["id"])
    assert panel.a_empty.isVisible() and panel.e_empty.isVisible()
    assert panel.facts_label.text() == "Not in treatment now.\nNo review of the recovery plan is set."

    # Record a screen: Ctrl+N; the only child is chosen; the instrument by typing its name.
    panel.a_empty.setFocus()
    press(qtbot, K.Key_N, CTRL)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.instrument
    qtbot.keyClicks(dlg.instrument, "CATS-7")   # the code begins each choice
    assert dlg.instrument.value() == "CATS-7-17"
    press(qtbot, K.Key_T)
    assert focused() is dlg.time_point
    qtbot.keyClicks(dlg.time_point, "Baseline")
    press(qtbot, K.Key_P)
    qtbot.keyClicks(focused(), "The")   # "The child" (a space would open the list)
    assert (dlg.child.value(), dlg.time_point.value(), dlg.respondent.value(), dlg.on.value()) == (
        case["child_id"], "baseline", "child", TODAY.isoformat())
    # The items follow the date (Tab goes through its day, month and year first): type each answer.
    press(qtbot, K.Key_D)
    for _ in range(3):
        qtbot.keyClick(focused(), K.Key_Tab)
    for i, value in enumerate(ANSWERS, 1):
        assert focused().objectName() == f"item_s{i}"
        qtbot.keyClicks(focused(), str(value))
        qtbot.keyClick(focused(), K.Key_Tab)
    press(qtbot, K.Key_R)   # Record
    accepted(qtbot, panel, dlg)

    (a,) = s.case_psychosocial(case["id"])["administrations"]
    assert (a["instrument"], a["version"], a["time_point"], a["respondent"], a["scores"]["total"],
            a["screen_band"], a["at_or_above_cutoff"], a["resolution"]) == (
        "CATS-7-17", 1, "baseline", "child", 25, "probable_ptsd", True, None)
    assert a["scores"]["intrusion"] == 8 and a["scores"]["arousal"] == 6
    assert s.administration_answers(a["id"]) == answers(ANSWERS)
    assert headers(panel.a_model) == ["Date", "Child", "Instrument", "Time point", "Score", "Band", "Cut-off prompt"]
    assert cells(panel.a_model, 0)[1:] == ["Testa Exampledottir", "CATS-7-17", "Baseline", "25", "Probable PTSD",
                                           "Open: assess or refer"]
    assert panel.a_model.item(0, 2).toolTip() == CATS
    assert panel.a_view.isColumnHidden(1)   # one child
    assert panel.message.text() == (f"{CATS}: 25, Probable PTSD. At or above the cut-off: a diagnostic "
                                    "assessment or a referral is due (Resolve…).")
    assert f"Latest {CATS} of Testa Exampledottir on {date_text_of(TODAY)}: Probable PTSD." in panel.facts_label.text()
    assert ("Screens at or above the cut-off waiting for an assessment or a referral: 1."
            in panel.facts_label.text())
    # The trend of that screen: one point, the cut-off 21.
    qtbot.waitUntil(lambda: panel.chart.trend is not None and not panel.loading, timeout=5000)
    assert panel.trend_combo.currentText() == CATS
    assert [p[1] for p in panel.chart.trend.points] == [25]
    assert panel.chart.trend.cutoff == 21

    # Resolve (Alt+V): a diagnostic assessment; Save with Alt+S.
    press(qtbot, K.Key_V)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.action
    qtbot.keyClicks(dlg.action, "Diagnostic")
    assert dlg.action.value() == "diagnostic_assessment"
    assert not dlg.reason.isVisible()
    press(qtbot, K.Key_S)
    accepted(qtbot, panel, dlg)
    (a,) = s.case_psychosocial(case["id"])["administrations"]
    assert (a["resolution"], a["resolved_on"]) == ("diagnostic_assessment", TODAY.isoformat())
    assert cells(panel.a_model, 0)[6].startswith("Diagnostic assessment done (")
    assert "cut-off waiting" not in panel.facts_label.text()

    # Start an episode (Alt+E): TF-CBT for the child, by this therapist, at the centre, today.
    press(qtbot, K.Key_E)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.person and dlg.person.value() == case["child_id"]
    press(qtbot, K.Key_M)
    qtbot.keyClicks(focused(), "Trauma")
    assert (dlg.model.value(), dlg.therapist.value(), dlg.provider.value()) == ("tf_cbt", s.user_id, None)
    press(qtbot, K.Key_S)
    accepted(qtbot, panel, dlg)
    (ep,) = s.case_psychosocial(case["id"])["episodes"]
    assert (ep["person_id"], ep["model"], ep["therapist_id"], ep["started_on"], ep["ended_on"]) == (
        case["child_id"], "tf_cbt", s.user_id, TODAY.isoformat(), None)
    assert cells(panel.e_model, 0)[:4] == ["Testa Exampledottir", "Trauma-focused CBT (TF-CBT)", "This centre",
                                           "Therapist"]
    assert cells(panel.e_model, 0)[5] == "Ongoing"
    assert panel.facts_label.text().startswith("In treatment now.")

    # A session (Alt+N): attended, a carer took part (Alt+C), with a note (sealed).
    press(qtbot, K.Key_N)
    dlg = opened(qtbot, panel)
    assert focused() is dlg.held
    press(qtbot, K.Key_S)
    qtbot.keyClicks(focused(), "Attended")
    press(qtbot, K.Key_C)
    assert dlg.carer.isChecked()
    press(qtbot, K.Key_N)
    assert focused() is dlg.notes
    qtbot.keyClicks(dlg.notes, "Talked about school.")
    press(qtbot, K.Key_R)
    accepted(qtbot, panel, dlg)
    (ep,) = s.case_psychosocial(case["id"])["episodes"]
    (x,) = ep["sessions"]
    assert (x["held_on"], x["status"], x["carer_took_part"], x["notes_written"]) == (
        TODAY.isoformat(), "attended", True, True)
    assert s.session_notes(x["id"]) == "Talked about school."
    assert cells(panel.s_model, 0)[1:] == ["Attended", "Yes", "Written"]
    qtbot.waitUntil(lambda: panel.notes.toPlainText() == "Talked about school.", timeout=5000)


def test_a_refused_screen_keeps_the_dialog_open_with_the_cores_word_beside_the_item(qtbot, open_as, case):
    """Three items of CATS 7-17 unanswered (two may be): nothing is recorded, the dialog stays."""
    s = open_as("therapist")
    ws, panel = open_tab(qtbot, s, case["id"])
    dlg = panel.record_screen()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=5000)
    dlg.instrument.set_value("CATS-7-17")
    dlg.time_point.set_value("baseline")
    dlg.respondent.set_value("carer")
    boxes = dlg.pages["CATS-7-17"][1]
    for i, value in enumerate(ANSWERS[:17], 1):
        boxes[f"answers.s{i}"][0].setValue(value)
    dlg.accept()
    qtbot.waitUntil(lambda: not dlg.running and bool(dlg.error_texts()), timeout=5000)
    assert dlg.error_texts() == ["3 items of CATS-7-17 version 1 are unanswered; it is scored with at most 2 missing."]
    assert panel.dialog is dlg
    assert s.case_psychosocial(case["id"])["administrations"] == []
    dlg.reject()


@pytest.fixture
def treated(record_path, case):
    """The therapist's work on the case, through the core: a CATS screen two months ago (25, its
    prompt left open) and one five days ago (15), an episode with an attended session with a note
    and a missed one, a crisis contact with a note, a goal with a review date in 30 days."""
    with login(record_path, "therapist") as t:
        cid, child = case["id"], case["child_id"]
        t.record_administration(cid, child, "CATS-7-17", time_point="baseline", respondent="child",
                                administered_on=(TODAY - timedelta(days=60)).isoformat(), answers=answers(ANSWERS))
        t.record_administration(cid, child, "CATS-7-17", time_point="during_treatment", respondent="child",
                                administered_on=(TODAY - timedelta(days=5)).isoformat(), answers=answers(LATER))
        ep = t.start_episode(cid, child, "tf_cbt", started_on=(TODAY - timedelta(days=50)).isoformat(),
                             therapist_id=t.user_id)
        t.record_session(ep, held_on=(TODAY - timedelta(days=40)).isoformat(), status="attended",
                         notes="CANARY-NOTE about the child")
        t.record_session(ep, held_on=(TODAY - timedelta(days=33)).isoformat(), status="missed")
        t.record_crisis_contact(cid, child, occurred_at=datetime.combine(TODAY - timedelta(days=20), time(21, 30))
                                .astimezone().isoformat(), notes="CANARY-CRISIS")
        t.add_recovery_goal(cid, child, domain="education", goal="Back at school full days",
                            helper="School counsellor", review_on=(TODAY + timedelta(days=30)).isoformat())
    return case


def test_a_coordinator_sees_the_facts_but_no_notes_no_scores_and_no_record_buttons(qtbot, open_as, treated):
    s = open_as("coordinator")
    ws, panel = open_tab(qtbot, s, treated["id"])
    facts = panel.facts_label.text()
    review = date_text_of(TODAY + timedelta(days=30))
    assert facts == ("In treatment now.\n"
                     f"Latest {CATS} of Testa Exampledottir on {date_text_of(TODAY - timedelta(days=5))}: "
                     "Moderate trauma-related distress.\n"
                     "Screens at or above the cut-off waiting for an assessment or a referral: 1.\n"
                     f"Next review of the recovery plan: {review}.")
    assert headers(panel.a_model) == ["Date", "Child", "Instrument", "Time point", "Band", "Cut-off prompt"]
    assert [cells(panel.a_model, r)[3:] for r in range(2)] == [   # the newest first
        ["During treatment", "Moderate trauma-related distress", ""],
        ["Baseline", "Probable PTSD", "Open: assess or refer"]]
    assert [cells(panel.s_model, r)[1:] for r in range(2)] == [["Missed", "No", ""], ["Attended", "No", "Written"]]
    assert cells(panel.g_model, 0)[1:] == ["Education", "Back at school full days", "School counsellor", "Open",
                                           review]
    assert panel.c_model.rowCount() == 1
    everything = " ".join(w.text() for w in panel.findChildren(type(panel.facts_label)))
    assert "CANARY" not in everything and "25" not in everything.split()
    assert not panel.notes.isVisibleTo(panel) and panel.notes.toPlainText() == ""
    assert not panel.crisis_notes.isVisibleTo(panel) and panel.crisis_notes.toPlainText() == ""
    assert not panel.trend_box.isVisibleTo(panel)
    for b in (panel.record_button, panel.resolve_button, panel.rescreen_button, panel.start_button,
              panel.end_button, panel.session_button, panel.crisis_button):
        assert not b.isVisibleTo(panel), b.text()
    # the recovery plan is the case lead's too
    assert panel.goal_button.isVisibleTo(panel) and panel.change_goal_button.isVisibleTo(panel)
    assert panel.record_screen() is None


def test_a_therapist_reads_the_trend_and_the_sealed_notes_of_the_treated_case(qtbot, open_as, treated):
    s = open_as("therapist")
    ws, panel = open_tab(qtbot, s, treated["id"])
    qtbot.waitUntil(lambda: panel.chart.trend is not None and not panel.loading, timeout=5000)
    t = panel.chart.trend
    assert (t.instrument, t.scale, t.cutoff) == (CATS, "Total symptom score", 21)
    assert [(p[1], p[2]) for p in t.points] == [(25, "Probable PTSD"), (15, "Moderate trauma-related distress")]
    assert [e[2] for e in t.episodes] == ["Trauma-focused CBT (TF-CBT)"]
    assert [cells(panel.a_model, r)[4] for r in range(2)] == ["15", "25"]   # scores, the newest first
    # the newest session (missed) has no notes; the older one's are read when it is chosen
    assert panel.notes.isVisibleTo(panel) and panel.notes.toPlainText() == ""
    panel.s_view.selectRow(1)
    qtbot.waitUntil(lambda: panel.notes.toPlainText() == "CANARY-NOTE about the child", timeout=5000)
    qtbot.waitUntil(lambda: panel.crisis_notes.toPlainText() == "CANARY-CRISIS", timeout=5000)


def date_text_of(d: date) -> str:
    from ui.common.dates import date_text
    return date_text(d.isoformat())


def test_the_liaison_has_no_psychosocial_tab(qtbot, open_as, case):
    s = open_as("liaison")
    assert not s.can("psychosocial", "read")
    ws = open_workspace(qtbot, s, case["id"])
    assert ws.psychosocial_page is None
    assert "Psychosoci&al" not in [ws.tabs.tabText(i) for i in range(ws.tabs.count())]


# --- accelerators -------------------------------------------------------------------------------------

def clashes(widget) -> list[tuple[str, str]]:
    shown = shown_mnemonics(widget)
    letters = [letter for letter, _t in shown]
    return sorted({(letter, t) for letter, t in shown if letters.count(letter) > 1})


@pytest.fixture
def everything(record_path, treated):
    """The treated case with a held medical examination too (the Medical tab's buttons shown)."""
    with login(record_path, "admin") as a:
        room = a.create_room("Medical room", "medical")
    with login(record_path, "medical") as m:
        held = m.plan_examination(treated["id"], treated["child_id"], "non_acute_forensic",
                                  datetime.combine(TODAY - timedelta(days=7), time(10)), 60, examiner_id=m.user_id,
                                  commissioned_by="police", priority="non_urgent", time_zone="Europe/Stockholm",
                                  room_id=room)
        m.record_agreement(held, child="agreed", guardian="agreed")
        m.hold_examination(held)
        m.order_test(held, "sti", TODAY.isoformat())
    return treated


@pytest.mark.parametrize("role", ["coordinator", "interviewer", "medical", "therapist"])
def test_no_button_of_any_tab_takes_the_psychosocial_tabs_letter(qtbot, open_as, everything, role):
    ws = open_workspace(qtbot, open_as(role), everything["id"])
    title = next(ws.tabs.tabText(i) for i in range(ws.tabs.count()) if ws.tabs.widget(i) is ws.psychosocial_page)
    assert title == "Psychosoci&al"
    for i in range(ws.tabs.count()):
        ws.tabs.setCurrentIndex(i)
        page = ws.tabs.widget(i)
        if hasattr(page, "loading"):
            qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
        for name in ("x_view", "t_view", "a_view", "e_view", "g_view"):   # a row chosen: its buttons shown
            view = getattr(page, name, None)
            if view is not None:
                view.selectRow(0)
        # buttons and labels alike: a label's letter takes its buddy's focus before the tab's
        assert [t for m, t in shown_mnemonics(ws) if m == "a"] == [title], (role, ws.tabs.tabText(i))
        if page is ws.psychosocial_page:
            qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
            assert clashes(ws) == [], role


def dialogs_checked(qtbot, panel) -> dict:
    """Open every dialog of the tab, check its accelerators, close it: {name: (title, OK text)}."""
    panel.a_view.selectRow(1)   # the screen at or above the cut-off (the older one)
    panel.g_view.selectRow(0)
    titles = {}
    for name in ("record_screen", "resolve", "rescreen", "start_episode", "end_episode", "record_session",
                 "crisis_contact", "add_goal", "change_goal"):
        dlg = getattr(panel, name)()
        assert dlg is not None, name
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=5000)
        if name == "record_screen":
            dlg.instrument.set_value("CATS-7-17")
        if name == "resolve":
            dlg.action.set_value("not_done")
        assert clashes(dlg) == [], name
        titles[name] = (dlg.windowTitle(), dlg.ok_button.text())
        dlg.reject()
        qtbot.waitUntil(lambda: panel.dialog is None, timeout=5000)
    return titles


def test_the_psychosocial_dialogs_have_no_clashing_accelerators(qtbot, open_as, treated):
    ws, panel = open_tab(qtbot, open_as("therapist"), treated["id"])
    titles = dialogs_checked(qtbot, panel)
    assert titles["record_screen"] == ("Record a screen", "&Record")
    assert titles["change_goal"] == ("Review the recovery goal", "&Save")


def test_in_swedish_the_tab_and_its_dialogs_have_no_clashing_accelerators(qtbot, open_as, everything, swedish):
    ws, panel = open_tab(qtbot, open_as("therapist"), everything["id"], K.Key_C)
    assert ws.tabs.tabText(ws.tabs.currentIndex()) == "Psykoso&cialt"
    for name in ("a_view", "e_view", "g_view"):
        getattr(panel, name).selectRow(0)
    assert clashes(ws) == []
    titles = dialogs_checked(qtbot, panel)
    assert titles["record_screen"] == ("Registrera en screening", "&Registrera")
    assert titles["resolve"] == ("Åtgärda screeningen", "&Spara")


def test_a_coordinator_adds_a_recovery_goal_and_marks_it_achieved_by_keyboard(qtbot, open_as, case):
    """The case lead plans the recovery with the team: a goal with who helps (a colleague) and a
    review date, then achieved, which ends its review."""
    s = open_as("coordinator")
    ws, panel = open_tab(qtbot, s, case["id"])
    press(qtbot, K.Key_G)   # Add a goal…
    dlg = opened(qtbot, panel)
    assert focused() is dlg.person and dlg.person.value() == case["child_id"]
    press(qtbot, K.Key_D)
    qtbot.keyClicks(focused(), "Education")
    press(qtbot, K.Key_G)
    assert focused() is dlg.goal
    qtbot.keyClicks(dlg.goal, "Back at school full days")
    press(qtbot, K.Key_O)   # Or by name
    qtbot.keyClicks(focused(), "School counsellor")
    dlg.review.set_value(TODAY + timedelta(days=14))
    press(qtbot, K.Key_A)   # Add
    accepted(qtbot, panel, dlg)
    (g,) = s.case_psychosocial(case["id"])["goals"]
    review = (TODAY + timedelta(days=14)).isoformat()
    assert (g["person_id"], g["domain"], g["goal"], g["helper"], g["status"], g["review_on"]) == (
        case["child_id"], "education", "Back at school full days", "School counsellor", "open", review)
    assert panel.facts_label.text().endswith(f"Next review of the recovery plan: {date_text_of(TODAY + timedelta(days=14))}.")

    press(qtbot, K.Key_W)   # Review the goal…
    dlg = opened(qtbot, panel)
    assert focused() is dlg.status
    qtbot.keyClicks(dlg.status, "Achieved")
    press(qtbot, K.Key_S)
    accepted(qtbot, panel, dlg)
    (g,) = s.case_psychosocial(case["id"])["goals"]
    assert (g["status"], g["helper"], g["review_on"]) == ("achieved", "School counsellor", review)
    assert cells(panel.g_model, 0)[4] == "Achieved"
    assert panel.facts_label.text().endswith("No review of the recovery plan is set.")


def test_a_therapist_ends_an_episode_and_records_a_crisis_contact(qtbot, open_as, treated):
    s = open_as("therapist")
    ws, panel = open_tab(qtbot, s, treated["id"])
    press(qtbot, K.Key_H)   # End the episode…
    dlg = opened(qtbot, panel)
    assert focused() is dlg.ended
    press(qtbot, K.Key_R)
    qtbot.keyClicks(focused(), "Completed")
    press(qtbot, K.Key_E)   # End
    accepted(qtbot, panel, dlg)
    (ep,) = s.case_psychosocial(treated["id"])["episodes"]
    assert (ep["ended_on"], ep["end_reason"]) == (TODAY.isoformat(), "completed")
    assert panel.facts_label.text().startswith("Not in treatment now.")
    assert not panel.end_button.isEnabled()

    press(qtbot, K.Key_C)   # Record a crisis contact…
    dlg = opened(qtbot, panel)
    assert focused() is dlg.person
    press(qtbot, K.Key_N)
    qtbot.keyClicks(dlg.notes, "Called after a nightmare.")
    press(qtbot, K.Key_R)
    accepted(qtbot, panel, dlg)
    contacts = s.case_psychosocial(treated["id"])["crisis_contacts"]
    assert len(contacts) == 2 and contacts[-1]["by_user"] == s.user_id
    assert s.crisis_contact_notes(contacts[-1]["id"]) == "Called after a nightmare."
    assert panel.c_model.rowCount() == 2
    qtbot.waitUntil(lambda: panel.crisis_notes.toPlainText() == "Called after a nightmare.", timeout=5000)


def test_a_screen_is_resolved_by_a_referral_and_re_screening_is_set_by_keyboard(qtbot, record_path, open_as, treated):
    """The open prompt of the baseline screen: referred (the case's referral to child psychiatry,
    made on the Team and referrals tab); then re-screening every 6 months."""
    with login(record_path, "coordinator") as c:
        agency = c.create_agency(name="BUP Malmö", kind="mental_health")
        referral = c.create_referral(treated["id"], "out", "child_psychiatry", agency_id=agency,
                                     child_person_id=treated["child_id"])
    s = open_as("therapist")
    ws, panel = open_tab(qtbot, s, treated["id"])
    panel.a_view.selectRow(1)   # the baseline screen (25), the older one
    panel.a_view.setFocus()
    press(qtbot, K.Key_V)   # Resolve…
    dlg = opened(qtbot, panel)
    qtbot.keyClicks(dlg.action, "Referred")
    assert dlg.referral.isVisible() and not dlg.reason.isVisible()
    press(qtbot, K.Key_F)
    assert focused() is dlg.referral
    qtbot.waitUntil(lambda: dlg.referral.count() == 1, timeout=5000)   # read after the dialog opened
    assert dlg.referral.itemText(0).startswith("Child and adolescent psychiatry (BUP Malmö)")
    qtbot.keyClick(dlg.referral, K.Key_Down)
    assert dlg.referral.value() == referral
    press(qtbot, K.Key_S)
    accepted(qtbot, panel, dlg)
    a = next(a for a in s.case_psychosocial(treated["id"])["administrations"] if a["at_or_above_cutoff"])
    assert (a["resolution"], a["referral_id"]) == ("referral", referral)
    assert cells(panel.a_model, 1)[-1].startswith("Referred (")
    assert s.case_psychosocial(treated["id"])["open_prompts"] == []

    press(qtbot, K.Key_Y)   # Re-screen every…
    dlg = opened(qtbot, panel)
    assert focused() is dlg.instrument and dlg.instrument.value() == "CATS-7-17"   # the chosen screen's
    press(qtbot, K.Key_E)
    assert focused() is dlg.months and dlg.months.value() == 6
    press(qtbot, K.Key_S)
    accepted(qtbot, panel, dlg)
    (rule,) = [r for r in s.followup_plan(treated["child_id"])["rules"]
               if r.get("subject_kind") == "psychosocial_rescreen"]
    assert (rule["kind"], rule["interval_months"], rule["discipline"]) == ("recurring_review", 6, "therapist")


def test_a_session_outside_its_episode_is_refused_beside_its_date(qtbot, open_as, treated):
    s = open_as("therapist")
    ws, panel = open_tab(qtbot, s, treated["id"])
    dlg = panel.record_session()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=5000)
    started = TODAY - timedelta(days=50)
    dlg.held.set_value(TODAY - timedelta(days=60))
    dlg.status.set_value("attended")
    dlg.accept()
    qtbot.waitUntil(lambda: not dlg.running and bool(dlg.error_texts()), timeout=5000)
    assert dlg.messages["held_on"].text() == f"Date of the session is outside the episode ({started.isoformat()} to now)."
    assert panel.dialog is dlg
    (ep,) = s.case_psychosocial(treated["id"])["episodes"]
    assert len(ep["sessions"]) == 2
    dlg.reject()


# --- the psychosocial summary ------------------------------------------------------------------------

def test_a_therapist_issues_the_psychosocial_summary_by_keyboard(qtbot, open_as, treated, tmp_path):
    """Tab to "Issue summary…", Space; DOCX by the arrow key, pseudonymised by Space, the path typed,
    Enter: the file is written and registered, and the receipt dialog follows."""
    import hashlib
    import zipfile
    from ui.documents.panel import IssuedDialog
    from ui.documents.words import DocumentWords
    s = open_as("therapist")
    ws, panel = open_tab(qtbot, s, treated["id"])
    assert panel.issue_button.isVisibleTo(panel) and panel.issue_button.text() == "Issue summary…"
    panel.a_view.setFocus()
    for _ in range(60):   # the button is in the tab chain
        if focused() is panel.issue_button:
            break
        qtbot.keyClick(focused(), K.Key_Backtab)
    assert focused() is panel.issue_button
    qtbot.keyClick(focused(), K.Key_Space)
    dlg = opened(qtbot, panel)
    assert dlg.windowTitle() == f"Psychosocial summary of {treated['reference']}"
    assert "stay sealed" in dlg.intro.text()
    assert focused() is dlg.pdf
    qtbot.keyClick(focused(), K.Key_Down)
    assert dlg.docx.isChecked() and focused() is dlg.docx
    qtbot.keyClick(focused(), K.Key_Tab)
    assert focused() is dlg.pseudonymise
    qtbot.keyClick(focused(), K.Key_Space)
    assert dlg.pseudonymise.isChecked()
    qtbot.keyClick(focused(), K.Key_Tab)
    assert focused() is dlg.path_row.edit
    out = tmp_path / "summary.docx"
    qtbot.keyClick(focused(), K.Key_A, CTRL)
    qtbot.keyClicks(focused(), str(out))
    qtbot.keyClick(focused(), K.Key_Return)
    qtbot.waitUntil(lambda: out.exists() and isinstance(panel.dialog, IssuedDialog), timeout=60_000)
    receipt = panel.dialog
    assert receipt.windowTitle() == "Psychosocial summary written"
    (entry,) = [d for d in s.document_register(treated["id"]) if d["doc_type"] == "psychosocial_summary"]
    assert (entry["format"], entry["pseudonymised"], entry["file_name"]) == ("docx", True, "summary.docx")
    assert entry["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert DocumentWords().doc_type(entry["doc_type"]) == "Psychosocial summary"   # as the register shows it
    assert panel.message.text() == f"Psychosocial summary {entry['document_id']} was written and registered."
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "Probable PTSD" in xml and "Child A" in xml
    assert "Testa" not in xml and "Exampledottir" not in xml and "CANARY" not in xml
    receipt.reject()
    qtbot.waitUntil(lambda: panel.dialog is None, timeout=5000)


def test_a_coordinator_has_no_issue_summary_button(qtbot, open_as, treated):
    ws, panel = open_tab(qtbot, open_as("coordinator"), treated["id"])
    assert not panel.issue_button.isVisibleTo(panel)
    assert panel.issue_summary() is None


def test_a_case_with_two_children_is_summarised_for_the_one_chosen(qtbot, open_as, record_path, case, tmp_path):
    import zipfile
    from ui.documents.panel import IssuedDialog
    with login(record_path, "coordinator") as c:
        second = c.create_person(given_name="Sigge", family_name="Secondsson", date_of_birth="2012-03-04",
                                 acknowledge_duplicates=True)
        c.add_child(case["id"], second, "victim")
    with login(record_path, "therapist") as t:
        for child, values in ((case["child_id"], ANSWERS), (second, LATER)):
            t.record_administration(case["id"], child, "CATS-7-17", time_point="baseline", respondent="child",
                                    administered_on=(TODAY - timedelta(days=3)).isoformat(), answers=answers(values))
    s = open_as("therapist")
    ws, panel = open_tab(qtbot, s, case["id"])
    out = tmp_path / "sigge.docx"
    dlg = panel.issue_summary(path=out)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=5000)
    assert dlg.child.currentText() == "All the children of the case"
    assert focused() is dlg.pdf
    qtbot.keyClick(focused(), K.Key_Down)   # DOCX
    assert dlg.docx.isChecked()
    qtbot.keyClick(focused(), K.Key_Tab)
    assert focused() is dlg.child
    qtbot.keyClicks(focused(), "Sig")
    assert dlg.child.value() == second
    dlg.path_row.edit.setFocus()
    qtbot.keyClick(focused(), K.Key_Return)
    qtbot.waitUntil(lambda: out.exists() and isinstance(panel.dialog, IssuedDialog), timeout=60_000)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "Sigge Secondsson" in xml and "Moderate trauma-related distress" in xml
    assert "Testa" not in xml and "Probable PTSD" not in xml   # the other child's screen is not in it
    panel.dialog.reject()
    qtbot.waitUntil(lambda: panel.dialog is None, timeout=5000)
