"""Today's "Justice" section (issue #16) and "Missed sessions" (issue #15): what the liaison follows
in the justice track across cases, and the therapist's missed sessions still owed a follow-up,
read through the core (liaison_today, missed_sessions), shown only to whom they concern, opened by
keyboard on the case's Justice or Psychosocial tab, never with a name. Every expected text is
written out by hand; dates in the C locale (ISO), so they read the same on every machine."""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from tests.support.records import login, sample_case
from ui.common.tasks import wait_for_all
from ui.today.panel import TodayPanel

pytestmark = pytest.mark.gui

K = Qt.Key
AS_OF = date(2026, 12, 10)
NAMES = ("Testa", "Exampledottir", "Alleged", "Exampleson", "Mona")


@pytest.fixture(autouse=True)
def iso_dates():
    before = QLocale()
    QLocale.setDefault(QLocale.c())
    yield
    QLocale.setDefault(before)


@pytest.fixture
def track(record_path):
    """One case, through the core: a criminal proceeding waiting for a charge decision since
    1 Feb 2026; a civil one with a hearing on 20 Jan 2027 and another on 1 Jun 2027 (beyond 60
    days of 10 Dec 2026); a convicted offender released on 25 Jan 2027 (the family to be told by
    26 Dec 2026; the verdict of 1 Mar 2026 made the rights-at-verdict checkpoint due 15 Mar 2026);
    a compensation claim whose deadline is 31 Dec 2026."""
    with login(record_path, "coordinator") as c:
        case = sample_case(c)
    cid, offender = case["id"], case["offender_id"]
    with login(record_path, "liaison") as s:
        waiting = s.open_proceeding(cid, offender, "criminal")
        s.record_justice_event(waiting, "reported_to_police", "2026-02-01")
        court = s.open_proceeding(cid, offender, "civil")
        s.schedule_hearing(court, "2027-01-20")
        s.schedule_hearing(court, "2027-06-01")
        done = s.open_proceeding(cid, offender, "criminal")
        s.record_justice_event(done, "reported_to_police", "2026-01-10")
        s.record_justice_event(done, "charge_decision", "2026-02-01", decision="charged", charges=["rape_child"])
        s.record_justice_event(done, "indictment", "2026-02-10")
        (charge,) = next(p for p in s.justice_summary(cid)["proceedings"] if p["id"] == done)["charges"]
        s.record_justice_event(done, "verdict", "2026-03-01", charge_id=charge["id"], verdict="plea")
        s.record_justice_event(done, "sentence", "2026-03-15", release_on="2027-01-25")
        s.open_claim(cid, "state_fund", "child", currency="SEK", deadline_on="2026-12-31")
    return {"case_id": cid, "reference": case["reference"], "child": case["child_id"]}


@contextmanager
def today_as(qtbot, record_path, user: str, as_of=AS_OF):
    """The Today panel of a user logged in, shown; logged out after (one user at a time: the record
    has one writer)."""
    session = login(record_path, user)
    try:
        panel = shown_panel(qtbot, session, as_of)
        yield panel
        panel.clear()
        panel.close()
    finally:
        wait_for_all(30_000)
        session.close()


def shown_panel(qtbot, session, as_of=AS_OF) -> TodayPanel:
    panel = TodayPanel(session, as_of=as_of)
    qtbot.addWidget(panel)
    panel.resize(1100, 900)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: not panel.is_loading() and panel.counts() is not None, timeout=10_000)
    return panel


def table(section) -> list[tuple]:
    m = section.model
    return [tuple(m.data(m.index(r, c)) for c in range(m.columnCount())) for r in range(m.rowCount())]


def headers(section) -> list[str]:
    m = section.model
    return [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]


def test_the_liaison_follows_the_justice_track_by_date_and_opens_its_tab_by_keyboard(qtbot, open_as, track):
    panel = shown_panel(qtbot, open_as("liaison"))
    sec = panel.justice
    assert sec.isVisible() and panel._parts[0] is sec       # the liaison's own list: at the top
    assert not panel.missed.isVisible()
    assert sec.heading.text() == "Justice (5)"
    assert sec.hint.text() == ("Hearings in the next 60 days, decisions awaited, release dates to tell the family "
                               "of, compensation deadlines.")
    assert headers(sec) == ["Date", "When", "Case", "What"]
    ref = track["reference"]
    assert table(sec) == [
        ("2026-02-01", "Waiting 10 months", ref, "Charge decision awaited since 2026-02-01"),
        ("2026-03-15", "8 months overdue", ref, "Explain the right to compensation (at the verdict)"),
        ("2026-12-26", "In 2 weeks", ref,
         "Release on 2027-01-25: ask the child and family whether they wish to be told, by 2026-12-26"),
        ("2026-12-31", "In 3 weeks", ref, "Compensation claim deadline"),
        ("2027-01-20", "In 5 weeks", ref, "Hearing (Civil proceedings)"),
    ]
    # by keyboard: into the table (its first row is selected), two rows down, Enter
    sec.view.setFocus(Qt.FocusReason.TabFocusReason)
    assert sec.selected_row() == 0
    assert panel.selected_label.text() == (f"Selected: Charge decision awaited since 2026-02-01, {ref} "
                                           f"(Waiting 10 months)")
    qtbot.keyClick(sec.view, K.Key_Down)
    qtbot.keyClick(sec.view, K.Key_Down)
    assert sec.selected_row() == 2
    assert panel.selected_label.text() == (
        f"Selected: Release on 2027-01-25: ask the child and family whether they wish to be told, by 2026-12-26, "
        f"{ref}; 2026-12-26 (In 2 weeks)")
    assert panel.open_button.isEnabled()
    with qtbot.waitSignal(panel.openCaseTab, timeout=3000) as blocker:
        qtbot.keyClick(sec.view, K.Key_Return)
    assert blocker.args == [track["case_id"], "justice"]
    # one selection on the page: a reminder chosen unselects the justice row
    panel.select("upcoming", 0)
    assert sec.selected_row() == -1
    # the justice track's reminders open its Justice tab too (the release reminder, the rights checkpoint)
    for bucket in ("upcoming", "overdue"):
        panel.select(bucket, 0)
        with qtbot.waitSignal(panel.openCaseTab, timeout=3000) as blocker:
            panel.open_selected()
        assert blocker.args == [track["case_id"], "justice"], bucket


def test_once_the_family_wish_to_be_told_the_release_row_says_to_tell_them(qtbot, record_path, track):
    with login(record_path, "liaison") as s:
        (done,) = (p["id"] for p in s.justice_summary(track["case_id"])["proceedings"] if p["status"] == "sentenced")
        s.set_release_wish(done, "wanted", "2026-03-15")
    with today_as(qtbot, record_path, "liaison") as panel:
        assert [r[3] for r in table(panel.justice) if r[0] == "2026-12-26"] == [
            "Release on 2027-01-25: inform the child and family by 2026-12-26"]


def test_a_case_lead_sees_the_justice_track_under_the_reminders_and_a_therapist_not_at_all(qtbot, record_path,
                                                                                           track):
    with today_as(qtbot, record_path, "coordinator") as lead:
        assert lead.justice.isVisible() and lead._parts[-1] is lead.justice
        assert lead.justice.heading.text() == "Justice (5)"
    with today_as(qtbot, record_path, "therapist") as therapist:
        assert not therapist.justice.isVisible() and therapist.justice not in therapist._parts
        assert therapist.justice.model.rowCount() == 0
    with today_as(qtbot, record_path, "interviewer") as interviewer:
        assert not interviewer.justice.isVisible() and not interviewer.missed.isVisible()


def test_an_empty_justice_track_says_so_calmly(qtbot, open_as):
    panel = shown_panel(qtbot, open_as("liaison"))
    assert panel.justice.heading.text() == "Justice (0)"
    assert not panel.justice.view.isVisible()
    assert panel.justice.empty.text() == ("No hearing in the next 60 days, no decision awaited, no release date or "
                                          "compensation deadline to follow.")


def _ago(n: int) -> str:
    return (date.today() - timedelta(days=n)).isoformat()


@pytest.fixture
def missed(record_path, track):
    """The child's episode: attended 25 days ago, missed 20 and 3 days ago (owed); the mother's:
    missed 12 days ago and attended 5 days ago (made up)."""
    with login(record_path, "coordinator") as c:
        mother = c.create_person(given_name="Mona", family_name="Exampledottir", date_of_birth="1984-02-03",
                                 acknowledge_duplicates=True)
        c.add_party(track["case_id"], mother, "carer", "parent", track["child"])
    with login(record_path, "therapist") as t:
        child_ep = t.start_episode(track["case_id"], track["child"], "tf_cbt", started_on=_ago(60))
        t.record_session(child_ep, held_on=_ago(25), status="attended")
        t.record_session(child_ep, held_on=_ago(20), status="missed")
        t.record_session(child_ep, held_on=_ago(3), status="missed")
        mother_ep = t.start_episode(track["case_id"], mother, "tf_cbt", started_on=_ago(60))
        t.record_session(mother_ep, held_on=_ago(12), status="missed")
        t.record_session(mother_ep, held_on=_ago(5), status="attended")
    return {"episode": child_ep}


def test_the_therapist_sees_missed_sessions_and_opens_the_psychosocial_tab_by_keyboard(qtbot, open_as, track,
                                                                                       missed):
    panel = shown_panel(qtbot, open_as("therapist"), as_of=date.today())
    assert not panel.justice.isVisible()
    sec = panel.missed
    assert sec.isVisible() and sec in panel._parts
    assert panel._parts.index(sec) == panel._parts.index(panel.sections["overdue"]) + 1   # after Overdue
    assert sec.heading.text() == "Missed sessions (1)"
    assert sec.hint.text() == "Missed in the last 30 days, with no session attended since."
    assert headers(sec) == ["Last missed", "Case", "What"]
    assert table(sec) == [(_ago(3), track["reference"], "2 sessions missed, none attended since: follow up")]
    sec.view.setFocus(Qt.FocusReason.TabFocusReason)
    assert sec.selected_row() == 0
    assert panel.selected_label.text() == (f"Selected: 2 sessions missed, none attended since: follow up, "
                                           f"{track['reference']}; last missed {_ago(3)}")
    with qtbot.waitSignal(panel.openCaseTab, timeout=3000) as blocker:
        qtbot.keyClick(sec.view, K.Key_Enter)
    assert blocker.args == [track["case_id"], "psychosocial"]


def test_a_case_lead_does_not_get_the_therapists_missed_sessions(qtbot, open_as, track, missed):
    lead = shown_panel(qtbot, open_as("coordinator"), as_of=date.today())
    assert not lead.missed.isVisible() and lead.missed not in lead._parts and lead.missed.model.rowCount() == 0


def test_no_name_in_the_justice_and_missed_sessions_sections(qtbot, record_path, track, missed):
    """The child, the mother and the alleged offender are named in the record; these sections show
    case references, codes and dates only (the reminders' Child column is another matter)."""
    for user, shown in (("liaison", 5), ("coordinator", 5), ("therapist", 1)):
        with today_as(qtbot, record_path, user, as_of=date.today() if user == "therapist" else AS_OF) as panel:
            counted = 0
            for sec in (panel.justice, panel.missed):
                counted += sec.model.rowCount()
                sec.view.setFocus(Qt.FocusReason.TabFocusReason)
                texts = [str(v) for row in table(sec) for v in row] + [
                    sec.heading.text(), sec.hint.text(), sec.empty.text(), panel.selected_label.text(),
                    sec.view.accessibleName(), sec.view.accessibleDescription()]
                assert [t for t in texts if any(n in t for n in NAMES)] == [], user
            assert counted == shown, user


def test_clear_drops_the_justice_and_missed_rows(qtbot, record_path, track, missed):
    with today_as(qtbot, record_path, "coordinator") as panel:
        assert panel.justice.model.rowCount() == 5
        panel.clear()
        assert panel.justice.model.rowCount() == 0 and panel.justice.heading.text() == "Justice"
    with today_as(qtbot, record_path, "therapist", as_of=date.today()) as therapist:
        assert therapist.missed.model.rowCount() == 1
        therapist.clear()
        assert therapist.missed.model.rowCount() == 0 and therapist.missed.heading.text() == "Missed sessions"


def test_the_liaisons_keyboard_starts_on_the_justice_track_and_its_reminders_say_what_they_are(qtbot, open_as,
                                                                                                track):
    panel = shown_panel(qtbot, open_as("liaison"))
    panel.focus_list()
    assert QApplication.focusWidget() is panel.justice.view and panel.justice.selected_row() == 0
    whats = {b: [panel.model(b).data(panel.model(b).index(i, panel.model(b).column_of("what")))
                 for i in range(panel.model(b).rowCount())] for b in ("overdue", "this_week", "upcoming")}
    # the release reminder and the rights checkpoint, in the liaison's reminders (not "Action item")
    assert whats == {"overdue": ["Explain the right to compensation (at the verdict)"], "this_week": [],
                     "upcoming": ["Release date: inform the child and family if they wish it", "Compensation deadline",
                                  "Court date"]}


def test_the_liaison_unlocks_on_today_and_enter_opens_the_case_from_the_justice_track(qtbot, record_path, track):
    """In the main window: the liaison types their password, Today is the first page with the
    keyboard on the justice track's first row; Enter on the hearing opens the case's workspace
    (on its Justice tab, where one is registered); Ctrl+L leaves none of it in any widget."""
    from tests.support.gui_shell import flush_deletes, make_window, unlock, widget_texts
    from tests.support.records import STAFF_PASSWORD
    window = make_window(qtbot, record_path)
    unlock(qtbot, window, "liaison", STAFF_PASSWORD)
    panel = window.today
    assert window.current_page() == "today"
    panel.set_as_of(AS_OF)
    qtbot.waitUntil(lambda: not panel.is_loading() and panel.justice.model.rowCount() == 5, timeout=10_000)
    panel.focus_list()
    assert QApplication.focusWidget() is panel.justice.view and panel.justice.selected_row() == 0
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), K.Key_Down)
    assert panel.justice.model.data(panel.justice.model.index(4, 3)) == "Hearing (Civil proceedings)"
    opened = []
    panel.openCaseTab.connect(lambda case_id, tab: opened.append((case_id, tab)))
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=3000)
    assert opened == [(track["case_id"], "justice")]
    qtbot.waitUntil(lambda: any(e.case_id == track["case_id"] for e in window.workspace_entries()), timeout=5000)
    qtbot.keyClick(QApplication.focusWidget(), K.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.is_unlocked(), timeout=5000)
    flush_deletes()
    texts = widget_texts()
    assert [t for t in texts if track["reference"] in t or "Hearing (" in t or "awaited since" in t] == []
