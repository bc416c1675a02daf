"""The Meetings page and the case workspace in Swedish: every string of ui/meetings/ and
ui/cases/ has its Swedish (a new one left untranslated fails here), the page shows it, and the
accelerators (Alt+letter) of what is on the page at one time never clash, with each other or with
the minute-taker's Alt+N / Alt+P (next / previous case)."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from barnahus_app.api import open_record
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, sample_case
from tests.support.translations import TS, shown_mnemonics, untranslated_in

pytestmark = pytest.mark.gui

TZ = "Europe/Stockholm"
NEXT_WEEK = date.today() + timedelta(days=7)
EXPLICIT = {"n", "p"}   # MinutesWorkspace's own Alt+N / Alt+P shortcuts


def test_every_string_of_the_meetings_page_is_translated_to_swedish():
    checked, untranslated = untranslated_in(lambda f: f.startswith("meetings/"))
    assert checked > 200 and untranslated == []


def test_every_string_of_the_case_workspace_is_translated_to_swedish():
    checked, untranslated = untranslated_in(lambda f: f.startswith("cases/"))
    assert checked > 350 and untranslated == []


def test_every_string_of_the_follow_up_tab_is_translated_to_swedish():
    checked, untranslated = untranslated_in(lambda f: f.startswith("followup/"))
    assert checked > 100 and untranslated == []


def test_every_string_of_the_psychosocial_tab_is_translated_to_swedish():
    checked, untranslated = untranslated_in(lambda f: f.startswith("psychosocial/"))
    assert checked > 180 and untranslated == []


def test_every_string_of_the_justice_tab_is_translated_to_swedish():
    checked, untranslated = untranslated_in(lambda f: f.startswith("justice/"))
    assert checked > 150 and untranslated == []


def test_every_context_in_the_translation_source_is_one_qt_looks_up():
    names = {ctx.findtext("name") or "" for ctx in ET.parse(TS).getroot().iter("context")}
    assert sorted(n for n in names if not re.fullmatch(r"_?[A-Z]\w*", n)) == []


def test_every_translate_call_names_its_context_in_letters():
    """lupdate collects translate("Context", "text") only: a literal text under a variable context
    never reaches the translation source and stays English. (A variable text is a table's entry,
    marked with QT_TRANSLATE_NOOP("Context", ...) where it is written.)"""
    ui = Path(__file__).resolve().parents[2] / "ui"
    calls = re.compile(r"\btranslate\(\s*([^,\s)]+)\s*,\s*[\"']")
    found = [f"{p.relative_to(ui)}: {m.group(0)}" for p in sorted(ui.rglob("*.py"))
             for m in calls.finditer(p.read_text(encoding="utf-8")) if not m.group(1).startswith('"')]
    assert found == []


# --- the page itself, in Swedish ------------------------------------------------------------------

@pytest.fixture
def meetings(record_path):
    """A meeting room, a police contact, and three meetings next week or before, each with two
    cases on its agenda: one planned, one held, one whose minutes are approved (made through the
    core, then closed)."""
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as a:
        room = a.create_room("Blue room", "meeting")
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
        agency = s.create_agency(name="Police Region Nord", kind="police")
        contact = s.add_staff_contact(agency_id=agency, name="Det. Berg")
        cases = [sample_case(s), sample_case(s)]
        out = {}
        for status, day in (("planned", NEXT_WEEK), ("held", date.today() - timedelta(days=7)),
                            ("approved", date.today() - timedelta(days=14))):
            mid = s.plan_meeting("case_review", datetime(day.year, day.month, day.day, 10, 0), 60,
                                 chair_id=s.user_id, minute_taker_id=s.user_id, room_id=room, time_zone=TZ)
            s.add_agenda_items(mid, [(c["id"], "new") for c in cases])
            s.set_attendees(mid, [{"user_id": s.user_id, "discipline": "centre", "attendance": "expected"},
                                  {"contact_id": contact, "discipline": "police", "attendance": "expected"}])
            if status != "planned":
                s.hold_meeting(mid)
            if status == "approved":
                s.approve_minutes(mid)
            out[status] = mid
    return out


def assert_no_clash(panel, where: str) -> None:
    shown = shown_mnemonics(panel)
    letters = [letter for letter, _t in shown]
    clashes = sorted({(letter, t) for letter, t in shown if letters.count(letter) > 1})
    assert clashes == [], where
    if panel.tabs.currentWidget() is panel.minutes:
        assert [t for letter, t in shown if letter in EXPLICIT and t not in (
            panel.minutes.prev_button.text(), panel.minutes.next_button.text())] == [], where


def test_the_meetings_page_speaks_swedish_and_its_accelerators_do_not_clash(qtbot, open_as, meetings, swedish):
    from ui.meetings.panel import MeetingsPanel
    panel = MeetingsPanel(open_as("coordinator"))
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    qtbot.waitUntil(lambda: not panel.loading)

    assert [panel.tabs.tabText(i) for i in range(panel.tabs.count())] == [
        "Proto&koll", "&Dagordning", "D&eltagare", "Tillägg", "Utfärdade protokoll"]
    assert panel.plan_button.text() == "Planera &möte…"

    for status in ("held", "approved", "planned"):
        panel.show_meeting(meetings[status])
        qtbot.waitUntil(lambda: not panel.loading and (panel.view or {}).get("id") == meetings[status])
        for tab in (panel.minutes, panel.agenda, panel.attendees):
            panel.tabs.setCurrentWidget(tab)
            assert_no_clash(panel, f"{status}, {panel.tabs.tabText(panel.tabs.currentIndex())}")
        if status == "held":
            assert panel.approve_button.text() == "G&odkänn protokollet…"
            assert panel.issue_button.text() == "E&xportera protokollet…"
            assert "Genomfört, ej godkänt" in panel.facts.text()
        if status == "approved":
            assert panel.addendum_button.text() == "Lägg till t&illägg…"
            assert "Protokollet godkänt" in panel.people.text()
    assert panel.held_button.text() == "Markera som genomför&t"
    rows = {r.who.partition(":")[0]: r for r in panel.attendees.rows}
    assert (rows["user"].remote.text(), rows["user"].remove.text(), rows["user"].undertaking.text()) == (
        "På distans", "Ta bort", "Personal")
    assert rows["contact"].undertaking.text() == "Inte undertecknad ännu"
    assert rows["contact"].undertaking_button.text() == "Registrera förbindelse…"
    assert panel.cancel_button.text() == "Ställ &in mötet…"
    panel.tabs.setCurrentWidget(panel.minutes)
    panel.minutes.child_heard.set_value("not_heard")   # the views' label asks why not heard instead
    assert panel.minutes.views_label.text() == "Varför inte h&örd:"
    assert_no_clash(panel, "planned, the child not heard")
    panel.minutes.child_heard.set_value(None)
    panel.minutes.save()   # nothing is left unsaved when the page closes
    qtbot.waitUntil(lambda: not panel.minutes.is_dirty() and not panel.loading)


def test_a_cancelled_meeting_and_a_cancelled_action_agree_with_their_nouns(qapp, swedish):
    """'Cancelled' is one English word and two Swedish ones (ett möte: inställt; en åtgärd:
    inställd); the Meetings page and the case's team tab say them from the same tables."""
    from ui.cases.team_dialogs import words
    from ui.meetings.shared import ACTION_STATUS, STATUS, word
    assert (word(STATUS, "cancelled"), word(ACTION_STATUS, "cancelled")) == ("Inställt", "Inställd")
    assert (words().meeting_status("cancelled"), words().action_status("cancelled")) == ("Inställt", "Inställd")
    assert words().action_status("open", overdue=True) == "Öppen, försenad"
