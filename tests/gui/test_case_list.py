"""The case list: paging through the core, search, filters, sorting, keyboard, clearing."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from barnahus_app.api import CaseFilter, create_record, open_record

from tests.support.gui_shell import type_text
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, ROLE_USERS

pytestmark = pytest.mark.gui

N_CASES = 300
STATUSES = ("referred", "open", "closed")
YEARS = (2024, 2025, 2026)
NAMED = {17: ("Zebulon", "Quixotesson"), 42: ("Ylva", "Marklund"), 250: ("Ylva", "Berglund"),
         99: ("Łucja", "Оленко")}
BORN = {42: "2015-03-07", 250: "2016-11-30"}


def _expected(pred) -> int:
    return sum(1 for i in range(N_CASES) if pred(i))


@pytest.fixture(scope="module")
def big_record(tmp_path_factory):
    """300 cases made through the core once for this module (a few seconds)."""
    home = tmp_path_factory.mktemp("listhome")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(home))
        mp.setenv("XDG_DATA_HOME", str(home / "data"))
        path = home / "centre" / "record.barnahus"
        create_record(path, "admin", ADMIN_PASSWORD, "Administrator", "Test Centre", kdf=FAST_KDF)
        with open_record(path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as s:
            for name, roles in ROLE_USERS.items():
                s.add_user(name, name.title(), roles, STAFF_PASSWORD)
            lead2 = s.add_user("lead2", "Second Lead", ["coordinator"], STAFF_PASSWORD)
        with open_record(path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as s:
            for i in range(N_CASES):
                y = YEARS[i % 3]
                c = s.create_case(
                    referral_received_at=f"{y}-{1 + i % 12:02d}-{1 + i % 28:02d}T10:{i % 60:02d}:00+00:00",
                    jurisdiction="SE", status=STATUSES[i % 5 % 3], emergency=(i % 10 == 0),
                    case_lead_id=lead2 if i % 4 == 0 else s.user_id,
                    abuse_forms=["online_grooming"] if i % 7 == 0 else ["physical_violence"])
                if i in NAMED:
                    g, f = NAMED[i]
                    pid = s.create_person(given_name=g, family_name=f, date_of_birth=BORN.get(i),
                                          acknowledge_duplicates=True)
                    s.add_child(c["id"], pid, "victim")
                    if i == 42:
                        carer = s.create_person(given_name="Anna", family_name="Zetterlund",
                                                acknowledge_duplicates=True)
                        s.add_party(c["id"], carer, "carer", "parent", pid)
    return {"path": path, "lead2": lead2}


@pytest.fixture
def session_for(big_record):
    opened = []

    def _open(user="coordinator"):
        s = open_record(big_record["path"], user, STAFF_PASSWORD, kdf=FAST_KDF)
        opened.append(s)
        return s

    yield _open
    for s in opened:
        s.close()


@pytest.fixture
def panel(qtbot, session_for):
    from ui.cases.case_list import CaseListPanel
    w = CaseListPanel(session_for("coordinator"))
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_first_page_only_then_fetch_more(panel):
    m = panel.model
    assert m.total == N_CASES
    assert m.rowCount() == 100  # one page, never all rows
    assert panel.count_label.text() == "300 cases"
    assert m.canFetchMore()
    m.fetchMore()
    assert m.rowCount() == 200
    m.fetchMore()
    assert m.rowCount() == 300
    assert not m.canFetchMore()
    ids = [m.case_id(r) for r in range(m.rowCount())]
    assert len(set(ids)) == N_CASES


def test_scrolling_to_the_end_fetches_the_next_page(panel, qtbot):
    panel.view.scrollToBottom()
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 200, timeout=3000)


def test_search_by_child_name_is_debounced_and_filters(panel, qtbot):
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "Zebulon")
    assert panel.model.total == N_CASES  # not yet: the search waits for typing to pause
    qtbot.waitUntil(lambda: panel.model.total == 1, timeout=2000)
    m = panel.model
    assert m.data(m.index(0, m.column_of("child_name"))) == "Zebulon Quixotesson"
    assert panel.count_label.text() == "1 case"
    panel.search.setText("ylva")  # prefix, case-insensitive, two cases
    qtbot.waitUntil(lambda: panel.model.total == 2, timeout=2000)
    panel.search.setText("Nobody Atall")
    qtbot.waitUntil(lambda: panel.model.total == 0, timeout=2000)
    assert panel.stack.currentWidget() is panel.empty_label
    assert "No cases match" in panel.empty_label.text()


@pytest.mark.parametrize("attr,value,pred", [
    ("status_filter", "closed", lambda i: STATUSES[i % 5 % 3] == "closed"),
    ("abuse_filter", "online_grooming", lambda i: i % 7 == 0),
    ("year_filter", 2025, lambda i: YEARS[i % 3] == 2025),
    ("emergency_filter", True, lambda i: i % 10 == 0),
    ("emergency_filter", False, lambda i: i % 10 != 0),
])
def test_each_filter(panel, attr, value, pred):
    getattr(panel, attr).set_value(value)
    assert panel.model.total == _expected(pred)
    panel.clear_filters()
    assert panel.model.total == N_CASES


def test_case_lead_filter(panel, big_record):
    combo = panel.lead_filter
    assert combo.findData(big_record["lead2"]) >= 0  # choices come from the core's coordinators
    combo.set_value(big_record["lead2"])
    assert panel.model.total == _expected(lambda i: i % 4 == 0)
    m = panel.model
    assert {m.data(m.index(r, m.column_of("case_lead"))) for r in range(m.rowCount())} == {"Second Lead"}


def test_filters_combine_with_search(panel, qtbot):
    panel.search.setText("Ylva")
    qtbot.waitUntil(lambda: panel.model.total == 2, timeout=2000)
    panel.year_filter.set_value(2025)
    assert panel.model.total == 1  # case 250 only
    assert panel.model.data(panel.model.index(0, 1)) == "Ylva Berglund"


def _click_header(qtbot, panel, key):
    hh = panel.view.horizontalHeader()
    col = panel.model.column_of(key)
    x = hh.sectionViewportPosition(col) + hh.sectionSize(col) // 2
    qtbot.mouseClick(hh.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, hh.height() // 2))


def test_sorting_by_header_uses_the_core_sorts(panel, qtbot):
    m = panel.model
    assert m.sort_name == "received_desc"
    first = m.data(m.index(0, m.column_of("received")))
    assert first.startswith("2026")
    _click_header(qtbot, panel, "reference")
    assert m.sort_name == "reference"
    assert m.data(m.index(0, 0)) == "BH-2024-00001"
    assert panel.view.horizontalHeader().sortIndicatorSection() == m.column_of("reference")
    _click_header(qtbot, panel, "received")
    assert m.sort_name == "received_desc"
    _click_header(qtbot, panel, "received")
    assert m.sort_name == "received_asc"
    assert m.data(m.index(0, m.column_of("received"))).startswith("2024")
    _click_header(qtbot, panel, "status")
    assert m.sort_name == "status"
    core_order = [r["id"] for r in panel.session.list_cases(CaseFilter(), "status", limit=100).rows]
    assert [m.case_id(r) for r in range(100)] == core_order  # the core decides the order
    statuses = [m.data(m.index(r, m.column_of("status"))) for r in range(m.rowCount())]
    assert statuses == sorted(statuses, key=statuses.index)  # grouped by status
    # A column the core cannot sort by leaves the order (and the arrow) as they were.
    _click_header(qtbot, panel, "case_lead")
    assert m.sort_name == "status"
    assert panel.view.horizontalHeader().sortIndicatorSection() == m.column_of("status")
    # The same sorts are reachable from the keyboard.
    panel.sort_choice.set_value("received_asc")
    assert m.sort_name == "received_asc"


def test_enter_and_double_click_emit_case_activated(panel, qtbot):
    m = panel.model
    panel.focus_search()
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)  # from the search field into the list
    assert panel.view.hasFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.caseActivated, timeout=1000) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert blocker.args == [m.case_id(1)]
    rect = panel.view.visualRect(m.index(2, 0))
    with qtbot.waitSignal(panel.caseActivated, timeout=1000) as blocker:
        # a real double click starts with a press: QTest's mouseDClick alone has none
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [m.case_id(2)]


def test_new_case_button_and_shortcut(panel, qtbot):
    assert panel.new_button.isVisible()
    with qtbot.waitSignal(panel.newCaseRequested, timeout=1000):
        qtbot.keyClick(panel.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)


def test_roles_shape_the_list(qtbot, session_for):
    from ui.cases.case_list import CaseListPanel
    w = CaseListPanel(session_for("interviewer"))
    qtbot.addWidget(w)
    w.show()
    assert not w.new_button.isVisible()  # an interviewer opens no cases
    assert w.model.total == N_CASES


def test_clear_drops_rows_and_search_text(panel, qtbot):
    panel.search.setText("Zebulon")
    qtbot.waitUntil(lambda: panel.model.total == 1, timeout=2000)
    panel.search.setText("Ylva")  # pending in the debounce timer
    panel.clear()
    assert panel.model.rowCount() == 0
    assert panel.search.text() == ""
    assert panel.count_label.text() == ""
    qtbot.wait(300)  # the pending search must not bring rows back
    assert panel.model.rowCount() == 0
    panel.refresh()
    assert panel.model.total == N_CASES


def test_list_query_is_audited_without_search_words(panel, qtbot, big_record):
    panel.search.setText("Zebulon")
    qtbot.waitUntil(lambda: panel.model.total == 1, timeout=2000)
    panel.session.close()
    with open_record(big_record["path"], "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as admin:
        entries = [e for e in admin.audit_entries() if e["action"] == "case.list"]
    assert entries and "Zebulon" not in repr(entries)
    assert any("text" in (e["detail"] or {}).get("filters", []) for e in entries)


def test_child_column_only_for_roles_that_read_persons(qtbot, session_for):
    """The view hides the column; the core leaves the names out of the rows as well."""
    from ui.cases.case_list import CaseListPanel

    class NoPersonRead:
        def __init__(self, s):
            self._s = s

        def __getattr__(self, name):
            return getattr(self._s, name)

        def can(self, kind, action):
            return kind != "person" and self._s.can(kind, action)

    w = CaseListPanel(NoPersonRead(session_for("coordinator")))
    qtbot.addWidget(w)
    assert "child_name" not in w.model.columns
    assert "date_of_birth" not in w.model.columns and "matched" not in w.model.columns
    assert w.model.columnCount() == 5


def _column(panel, key) -> list[str]:
    m = panel.model
    return [m.data(m.index(r, m.column_of(key))) for r in range(m.rowCount())]


def test_two_children_called_ylva_are_told_apart_by_date_of_birth_and_age(panel, qtbot):
    from datetime import date
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "Ylva")
    qtbot.waitUntil(lambda: panel.model.total == 2, timeout=2000)
    assert sorted(_column(panel, "date_of_birth")) == ["2015-03-07", "2016-11-30"]
    born = dict(zip(_column(panel, "date_of_birth"), _column(panel, "age")))
    today = date.today()
    assert born["2015-03-07"] == str(today.year - 2015 - ((today.month, today.day) < (3, 7)))
    assert [panel.model.headerData(panel.model.column_of(k), Qt.Orientation.Horizontal)
            for k in ("child_name", "date_of_birth", "age")] == ["Child", "Born", "Age"]


@pytest.mark.parametrize("typed", ["2015-03-07", "7.3.2015", "07/03/2015", "7 March 2015", "7 mars 2015",
                                   "20150307"])
def test_search_by_date_of_birth_typed_in_the_common_forms(panel, qtbot, typed):
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, typed)
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.model.total == 1
    assert _column(panel, "child_name") == ["Ylva Marklund"]
    assert _column(panel, "matched") == [""]


def test_a_match_on_a_parents_name_says_why(panel, qtbot):
    matched = panel.model.column_of("matched")
    assert panel.view.isColumnHidden(matched)   # nothing to say without a search
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "Zetterlund")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.model.total == 1
    assert _column(panel, "child_name") == ["Ylva Marklund"]
    assert _column(panel, "matched") == ["Parent: Anna Zetterlund"]
    assert not panel.view.isColumnHidden(matched)
    assert panel.model.headerData(panel.model.column_of("matched"), Qt.Orientation.Horizontal) == "Matched"


def test_tab_from_the_search_field_lands_in_the_list(panel, qtbot):
    panel.focus_search()
    qtbot.keyClick(panel.search, Qt.Key.Key_Tab)
    assert panel.view.hasFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Tab)
    assert panel.status_filter.hasFocus()


def test_down_from_the_search_field_selects_the_first_row(panel, qtbot):
    panel.focus_search()
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.view.hasFocus()
    assert panel.view.currentIndex().row() == 0


def test_end_and_home_go_to_the_last_and_first_row(panel, qtbot):
    panel.focus_search()
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    qtbot.keyClick(panel.view, Qt.Key.Key_End)
    assert panel.view.currentIndex().row() == 299   # the last case, its pages loaded on the way
    assert panel.view.selectionModel().selectedRows()[0].row() == 299
    qtbot.keyClick(panel.view, Qt.Key.Key_Home)
    assert panel.view.currentIndex().row() == 0


def test_a_name_beyond_latin_1_is_typed_and_found(panel, qtbot):
    """The way bench/gui_bench.py types (QTest.keyClicks aborts on "Ł" in qasciikey.cpp)."""
    panel.search.setFocus()
    type_text(panel.search, "Łucja Оленко")
    assert panel.search.text() == "Łucja Оленко"
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert _column(panel, "child_name") == ["Łucja Оленко"]


def test_the_matched_text_never_hides_an_alleged_offenders_role(panel):
    said = panel.model._matched_text
    assert said({"role": "alleged_offender", "relationship": "family_friend", "name": "Rolf Exempel",
                 "date_of_birth": None}) == "Alleged offender (family friend): Rolf Exempel"
    assert said({"role": "carer", "relationship": "parent", "name": "Anna Berg",
                 "date_of_birth": "1985-06-01"}) == "Parent: Anna Berg, born 1985-06-01"
    assert said({"role": "police_reference", "relationship": None, "name": "5000-K123-26",
                 "date_of_birth": None}) == "Police reference: 5000-K123-26"
