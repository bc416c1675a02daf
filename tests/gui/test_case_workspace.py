"""The case workspace: intake end to end by keyboard, duplicates, validation, the no-contact
banner, the unsaved-changes guard, drafts, and views shaped by roles."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from barnahus_app.api import CaseFilter, PermissionDenied

from tests.support.gui_shell import answer_modal
from tests.support.records import sample_case

pytestmark = pytest.mark.gui

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def make_ws(qtbot):
    from ui.cases.workspace import CaseWorkspace

    def _make(session, case_id=None):
        ws = CaseWorkspace(session, case_id)
        # qtbot closes it after the test: no unsaved-changes question then
        qtbot.addWidget(ws, before_close_func=lambda w: w.discard_changes_on_close())
        ws.resize(1200, 800)
        ws.show()
        qtbot.waitExposed(ws)
        ws.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is ws, timeout=2000)
        return ws
    return _make


def focused():
    w = QApplication.focusWidget()
    assert w is not None, "nothing has the keyboard focus"
    return w


def type_into(qtbot, widget, text):
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_create_a_case_end_to_end_by_keyboard(qtbot, open_as, make_ws):
    s = open_as("coordinator")
    known = s.create_person(given_name="Testa", family_name="Exampledottir", date_of_birth="2014-05-06",
                            acknowledge_duplicates=True)
    ws = make_ws(s, None)
    assert ws.title() == "New case"
    assert not ws.is_dirty()
    rows = ws.case_form.rows

    # Case details: jurisdiction by typing into the combo, then Tab onwards to the police reference.
    type_into(qtbot, rows["jurisdiction"].editor, "Sweden")
    assert rows["jurisdiction"].value() == "SE"
    qtbot.keyClick(focused(), K.Key_Tab)
    assert focused() is rows["police_reference"].editor
    qtbot.keyClicks(focused(), "5000-K99-26")
    type_into(qtbot, rows["triage_level"].editor, "Urgent")
    rows["emergency"].editor.setFocus()
    qtbot.keyClick(focused(), K.Key_Space)
    checklist = rows["abuse_forms"].editor
    checklist.setFocus()
    qtbot.keyClick(checklist, K.Key_Home)
    qtbot.keyClick(checklist, K.Key_Down)
    qtbot.keyClick(checklist, K.Key_Space)  # Sexual abuse (extra-familial)
    assert rows["abuse_forms"].value() == ["sexual_abuse_extrafamilial"]
    assert ws.is_dirty()
    assert ws.emergency_badge.isVisible()

    # The child: Alt+P opens the Persons tab, Alt+I adds a child with the cursor in the given name.
    qtbot.keyClick(focused(), K.Key_P, ALT)
    assert ws.tabs.currentWidget() is ws.persons_page
    qtbot.keyClick(focused(), K.Key_I, ALT)
    qtbot.waitUntil(lambda: len(ws.editors) == 1, timeout=1000)  # a mnemonic "animates" its click
    child = ws.editors[0]
    assert focused() is child.form.rows["given_name"].editor
    # A child's roles are victim, witness and at risk; nothing else is offered.
    role_combo = child.form.rows["role"].editor
    assert [role_combo.itemData(i) for i in range(role_combo.count())] == ["victim", "witness", "at_risk"]
    qtbot.keyClicks(focused(), "Testa")
    qtbot.keyClick(focused(), K.Key_Tab)
    qtbot.keyClicks(focused(), "Exampledottir")
    qtbot.keyClick(focused(), K.Key_Tab)
    assert focused() is child.find_button  # "Look for this person in the record…" comes next
    qtbot.keyClick(focused(), K.Key_Tab)  # other names
    qtbot.keyClick(focused(), K.Key_Tab)
    assert focused() is child.form.rows["date_of_birth"].editor
    qtbot.keyClicks(focused(), "2014-05-07")
    assert child.form.rows["date_of_birth"].value() == "2014-05-07"
    type_into(qtbot, child.form.rows["languages"].editor, "sv, ar")

    # The alleged offender: Alt+E, the role first.
    qtbot.keyClick(focused(), K.Key_E, ALT)
    qtbot.waitUntil(lambda: len(ws.editors) == 2, timeout=1000)
    other = ws.editors[1]
    assert focused() is other.form.rows["role"].editor
    qtbot.keyClicks(focused(), "Alleged")
    assert other.form.rows["role"].value() == "alleged_offender"
    qtbot.keyClick(focused(), K.Key_Tab)
    qtbot.keyClicks(focused(), "Family friend")
    assert other.form.rows["relationship"].value() == "family_friend"
    type_into(qtbot, other.form.rows["given_name"].editor, "Alleged")
    qtbot.keyClick(focused(), K.Key_Tab)
    qtbot.keyClicks(focused(), "Exampleson")
    nc = other.form.rows["no_contact"].editor
    nc.setFocus()
    qtbot.keyClick(nc, K.Key_Space)
    type_into(qtbot, other.form.rows["no_contact_reason"].editor, "alleged offender")

    # Save with Ctrl+S. The child's name is like a person already in the record: the dialog
    # lists them, and the keyboard chooses "Create a new person" (Alt+N).
    def choose_new(dlg):
        assert dlg.objectName() == "duplicatePersonDialog"
        assert dlg.list.count() == 1 and dlg.selected_person_id() == known
        qtbot.keyClick(dlg, K.Key_N, ALT)
    seen = answer_modal(choose_new)
    with qtbot.waitSignal(ws.titleChanged, timeout=5000) as retitled, \
            qtbot.waitSignal(ws.saved, timeout=5000) as saved:
        qtbot.keyClick(focused(), K.Key_S, CTRL)
    assert "dialog" in seen and "error" not in seen, seen.get("error")
    case_id = saved.args[0]
    assert ws.case_id == case_id and not ws.is_dirty()
    assert ws.title().startswith("BH-") and retitled.args == [ws.title()]

    # The banner no one can miss.
    assert ws.banner.isVisible()
    text = ws.banner.text.text()
    assert "Testa Exampledottir" in text and "Alleged Exampleson" in text
    assert "must never be in the building at the same time" in text

    # What the core holds, read by a fresh session.
    s.close()
    s2 = open_as("coordinator")
    case = s2.get_case(case_id)
    assert case["jurisdiction"] == "SE" and case["police_reference"] == "5000-K99-26"
    assert case["emergency"] is True and case["triage_level"] == "urgent"
    assert case["abuse_forms"] == ["sexual_abuse_extrafamilial"]
    assert [(c["given_name"], c["role"]) for c in case["children"]] == [("Testa", "victim")]
    child_id = case["children"][0]["person_id"]
    assert child_id != known  # the user confirmed a new person
    assert s2.get_person(child_id)["languages"] == "sv,ar"
    assert s2.get_person(child_id)["date_of_birth"] == "2014-05-07"
    (party,) = case["parties"]
    assert (party["party_role"], party["relationship_to_child"], party["child_person_id"]) == \
        ("alleged_offender", "family_friend", child_id)
    (pair,) = case["no_contact"]
    assert {pair["person_a"], pair["person_b"]} == {child_id, party["person_id"]}
    assert pair["reason"] == "alleged offender"


def test_duplicate_dialog_can_pick_the_existing_person(qtbot, open_as, make_ws):
    s = open_as("coordinator")
    known = s.create_person(given_name="Ásta", family_name="Jónsdóttir", date_of_birth="2013-01-01",
                            acknowledge_duplicates=True)
    ws = make_ws(s, None)
    ws.case_form.rows["jurisdiction"].set_value("IS")
    child = ws.add_person("child")
    child.form.rows["given_name"].set_value("Jonsdottir")  # other order, no accents
    child.form.rows["family_name"].set_value("Asta")

    def use_existing(dlg):
        assert dlg.selected_person_id() == known
        dlg.use_button.click()
    answer_modal(use_existing)
    assert ws.save()
    case = s.get_case(ws.case_id)
    assert [c["person_id"] for c in case["children"]] == [known]
    # The editor now shows the stored person, not what was typed.
    assert child.form.rows["given_name"].value() == "Ásta"


def test_cancelling_the_duplicate_question_writes_nothing(qtbot, open_as, make_ws):
    s = open_as("coordinator")
    s.create_person(given_name="Mira", family_name="Koski", acknowledge_duplicates=True)
    ws = make_ws(s, None)
    ws.case_form.rows["jurisdiction"].set_value("SE")
    ws.add_person("child").form.rows["given_name"].set_value("Mira Koski")
    answer_modal(lambda dlg: dlg.reject())
    assert not ws.save()
    assert ws.case_id is None and ws.is_dirty()
    assert s.list_cases(CaseFilter()).total == 0
    assert "Not saved" in ws.message.text()


def test_validation_message_beside_the_field_and_nothing_written(qtbot, open_as, make_ws):
    s = open_as("coordinator")
    ws = make_ws(s, None)
    ws.case_form.rows["jurisdiction"].set_value("SE")
    child = ws.add_person("child")
    child.form.rows["given_name"].set_value("N" * 300)
    assert not ws.save()
    row = child.form.rows["given_name"]
    assert row.error.isVisible()
    assert row.error.text() == "Given name is 300 characters long; at most 200 fit."
    assert focused() is row.editor
    assert ws.tabs.currentWidget() is ws.persons_page
    assert s.list_cases(CaseFilter()).total == 0  # checked before anything was written
    # Fixing it clears the message on the next save.
    row.set_value("Nora")
    assert ws.save()
    assert not row.error.isVisible()


def test_case_field_message_and_core_only_rules(qtbot, open_as, make_ws):
    s = open_as("coordinator")
    ws = make_ws(s, None)
    child = ws.add_person("child")
    child.form.rows["given_name"].set_value("Liv")
    other = ws.add_person("party")
    other.form.rows["role"].set_value("alleged_offender")
    other.form.rows["given_name"].set_value("Young")
    other.form.rows["date_of_birth"].set_value("2015-02-02")
    assert not ws.save()
    jur = ws.case_form.rows["jurisdiction"]
    assert jur.error.isVisible() and jur.error.text() == "Jurisdiction is required."
    assert focused() is jur.editor
    jur.set_value("SE")
    # A child is never recorded as an offender: the core refuses, the message sits at the role.
    assert not ws.save()
    role = other.form.rows["role"]
    assert role.error.isVisible() and "never recorded as an offender" in role.error.text()
    assert ws.person_list.currentRow() == 1
    role.set_value("witness")
    assert ws.save()
    roles = [p["party_role"] for p in s.get_case(ws.case_id)["parties"]]
    assert roles == ["witness"]


def _record_state(session) -> dict:
    """Row counts of every table, and the whole audit trail, read straight from the file."""
    import sqlcipher3
    from barnahus_app.record import storage
    conn = sqlcipher3.connect(str(session.record.path))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute('PRAGMA key = "' + storage.raw_key_literal(session.record.key) + '"')
        tables = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {"counts": {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables},
                "audit": conn.execute("SELECT * FROM audit_log ORDER BY id").fetchall()}
    finally:
        conn.close()


def test_a_save_refused_by_the_core_writes_nothing(qtbot, open_as, make_ws):
    """The core refuses the last step of an intake (a child as alleged offender): nothing of it
    is stored, not even the audit entries; the edits stay, and saving again stores it all once."""
    s = open_as("coordinator")
    sample_case(s)  # a record with something in it already
    ws = make_ws(s, None)
    ws.case_form.rows["jurisdiction"].set_value("SE")
    ws.case_form.rows["abuse_forms"].set_value(["physical_violence"])
    ws.add_person("child").form.rows["given_name"].set_value("Ebba")
    other = ws.add_person("party")
    other.form.rows["role"].set_value("alleged_offender")
    other.form.rows["given_name"].set_value("Teen")
    other.form.rows["date_of_birth"].set_value("2012-01-01")
    other.form.rows["no_contact"].set_value(True)
    before = _record_state(s)
    assert not ws.save()
    assert _record_state(s) == before  # no person, no case, no link, no audit entry
    role = other.form.rows["role"]
    assert role.error.isVisible() and "never recorded as an offender" in role.error.text()
    assert ws.case_id is None and ws.is_dirty() and ws.title() == "New case"
    assert all(e.person_id is None and not e.linked for e in ws.editors)
    assert "Overview" not in [ws.tabs.tabText(i).replace("&", "") for i in range(ws.tabs.count())]

    # Kept as a draft (the app locks) and restored: still a new case.
    payload = ws.draft_payload()
    assert payload["case_id"] is None
    ws2 = make_ws(s, None)
    ws2.restore_draft(payload)
    assert ws2.case_id is None and [e.kind for e in ws2.editors] == ["child", "party"]
    party = next(e for e in ws2.editors if e.kind == "party")
    party.form.rows["role"].set_value("witness")
    assert ws2.save()
    assert s.list_cases(CaseFilter()).total == 2  # the sample case and this one
    case = s.get_case(ws2.case_id)
    assert [c["given_name"] for c in case["children"]] == ["Ebba"]
    assert [p["party_role"] for p in case["parties"]] == ["witness"]
    assert len(case["no_contact"]) == 1


def test_unsaved_changes_guard(qtbot, open_as, make_ws, monkeypatch):
    s = open_as("coordinator")
    case = sample_case(s)
    ws = make_ws(s, case["id"])
    assert not ws.is_dirty() and ws.close()
    ws = make_ws(s, case["id"])
    ws.case_form.rows["prosecution_reference"].set_value("AM-1234-26")
    assert ws.is_dirty() and ws.save_button.isEnabled()
    # The real question: Escape is Cancel, and the workspace stays open.
    answer_modal(lambda box: qtbot.keyClick(box, K.Key_Escape))
    assert not ws.close()
    assert ws.isVisible()
    # Save from the question stores the change.
    monkeypatch.setattr(ws, "_ask_unsaved_changes", lambda: QMessageBox.StandardButton.Save)
    assert ws.close()
    assert s.get_case(case["id"])["prosecution_reference"] == "AM-1234-26"
    # Discard closes without storing.
    ws = make_ws(s, case["id"])
    ws.case_form.rows["prosecution_reference"].set_value("changed")
    monkeypatch.setattr(ws, "_ask_unsaved_changes", lambda: QMessageBox.StandardButton.Discard)
    assert ws.close()
    assert s.get_case(case["id"])["prosecution_reference"] == "AM-1234-26"


def test_draft_round_trip_for_a_new_case(qtbot, open_as, make_ws):
    s = open_as("coordinator")
    ws = make_ws(s, None)
    ws.case_form.rows["jurisdiction"].set_value("NO")
    ws.case_form.rows["abuse_forms"].set_value(["online_grooming", "trafficking"])
    ws.case_form.rows["screened_at"].set_value("2026-02-01T10:00:00.000000Z")
    child = ws.add_person("child")
    child.form.rows["given_name"].set_value("Sunniva")
    child.form.rows["risk_factors"].set_value(["isolation"])
    other = ws.add_person("party")
    other.form.rows["role"].set_value("carer")
    other.form.rows["given_name"].set_value("Kari")
    child.form.rows["guardian_person_id"].set_value(other.uid)
    payload = ws.draft_payload()
    assert json.loads(json.dumps(payload)) == payload  # plain JSON-able data

    ws2 = make_ws(s, None)
    assert not ws2.is_dirty()
    ws2.restore_draft(payload)
    assert ws2.is_dirty()
    assert ws2.draft_payload() == payload
    assert ws2.case_form.rows["abuse_forms"].value() == ["online_grooming", "trafficking"]
    assert ws2.save()
    case = s.get_case(ws2.case_id)
    assert case["jurisdiction"] == "NO" and case["screened_at"] == "2026-02-01T10:00:00.000000Z"
    kid = s.get_person(case["children"][0]["person_id"])
    carer = case["parties"][0]
    assert kid["terms"]["risk_factors"] == ["isolation"]
    assert kid["guardian_person_id"] == carer["person_id"]


def test_draft_round_trip_for_an_existing_case(qtbot, open_as, make_ws):
    s = open_as("coordinator")
    case = sample_case(s)
    ws = make_ws(s, case["id"])
    ws.case_form.rows["status"].set_value("open")
    ws.person_list.setCurrentRow(0)
    ws.editors[0].form.rows["nationality"].set_value("Norwegian")
    payload = ws.draft_payload()
    assert [p["person_id"] for p in payload["persons"]] == [case["child_id"]]
    ws2 = make_ws(s, case["id"])
    ws2.restore_draft(payload)
    assert ws2.is_dirty()
    assert ws2.editors[0].form.rows["nationality"].value() == "Norwegian"
    assert ws2.save()
    assert s.get_case(case["id"])["status"] == "open"
    assert s.get_person(case["child_id"])["nationality"] == "Norwegian"


def test_every_view_is_audited(qtbot, open_as, make_ws):
    s = open_as("coordinator")
    case = sample_case(s)
    make_ws(s, case["id"])
    s.close()
    admin = open_as("admin")
    reads = [e for e in admin.audit_entries("case", case["id"]) if e["action"] == "case.read"]
    assert len(reads) == 1 and reads[0]["username"] == "coordinator"


def test_interviewer_sees_the_case_read_only(qtbot, open_as, make_ws):
    s = open_as("coordinator")
    case = sample_case(s, emergency=True)
    s.close()
    s = open_as("interviewer")
    ws = make_ws(s, case["id"])
    tabs = [ws.tabs.tabText(i).replace("&", "") for i in range(ws.tabs.count())]
    assert tabs == ["Overview", "Persons", "Interviews", "Team and referrals", "Follow-up", "Psychosocial", "Justice",
                    "Documents"]  # no case editing for an interviewer
    assert ws.banner.isVisible() and ws.emergency_badge.isVisible()
    assert not ws.add_child_button.isVisible() and not ws.add_party_button.isVisible()
    ws.person_list.setCurrentRow(1)
    party = ws.editors[1]
    assert party.form.rows["role"].read_only and party.form.rows["relationship"].read_only
    child = ws.editors[0]
    assert child.form.rows["risk_factors"].read_only  # reads vulnerability, cannot change it
    with pytest.raises(PermissionDenied):  # the core still enforces it
        s.update_case(case["id"], status="open")


def test_liaison_sees_no_child_vulnerability_and_nothing_to_edit(qtbot, open_as, make_ws):
    s = open_as("coordinator")
    case = sample_case(s)
    s.update_person(case["child_id"], disability="uses a wheelchair", terms={"risk_factors": ["isolation"]})
    s.close()
    s = open_as("liaison")
    ws = make_ws(s, case["id"])
    assert not ws.save_button.isVisible()
    assert "Case details" not in [ws.tabs.tabText(i).replace("&", "") for i in range(ws.tabs.count())]
    ws.person_list.setCurrentRow(0)
    child = ws.editors[0]
    for name in ("disability", "risk_factors", "protective_factors", "special_protection_needs"):
        assert name not in child.form.rows
    assert all(r.read_only for r in child.form.rows.values())
    assert child.form.rows["given_name"].view.text() == "Testa"
    texts = " ".join(w.text() for w in ws.findChildren(type(ws.title_label)))
    assert "wheelchair" not in texts and "isolation" not in texts.lower()


def test_coordinator_sees_and_edits_vulnerability(qtbot, open_as, make_ws):
    s = open_as("coordinator")
    case = sample_case(s)
    ws = make_ws(s, case["id"])
    ws.person_list.setCurrentRow(0)
    child = ws.editors[0]
    child.form.rows["protective_factors"].set_value(["trusted_adult"])
    child.form.rows["disability"].set_value("hearing aid")
    assert ws.save()
    p = s.get_person(case["child_id"])
    assert p["terms"]["protective_factors"] == ["trusted_adult"] and p["disability"] == "hearing aid"


def test_banner_follows_the_palette_free_high_contrast(qtbot, open_as, make_ws):
    from PySide6.QtGui import QPalette
    s = open_as("coordinator")
    case = sample_case(s)
    ws = make_ws(s, case["id"])
    pal = ws.banner.palette()
    bg = pal.color(QPalette.ColorRole.Window)
    fg = pal.color(QPalette.ColorRole.WindowText)

    def lum(c):
        def ch(v):
            v = v / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.red()) + 0.7152 * ch(c.green()) + 0.0722 * ch(c.blue())
    ratio = (max(lum(bg), lum(fg)) + 0.05) / (min(lum(bg), lum(fg)) + 0.05)
    assert ratio >= 7  # WCAG AAA, whatever the system palette is
    assert ws.banner.accessibleName() == "No-contact warning"


def test_saved_moves_nothing_so_the_next_click_lands_on_the_tab_aimed_at(qtbot, open_as, make_ws):
    """Issue 17: "Saved." pushed the tabs down a row and, 5 s later, up again."""
    from PySide6.QtCore import QPoint
    s = open_as("coordinator")
    case = sample_case(s)
    ws = make_ws(s, case["id"])
    bar = ws.tabs.tabBar()

    def where():
        return bar.mapTo(ws, QPoint(0, 0)), bar.size(), ws.tabs.mapTo(ws, QPoint(0, 0))

    before = where()
    aim = bar.tabRect(2).center()   # where the user is about to click: the third tab
    ws.case_form.rows["prosecution_reference"].set_value("AM-1234-26")
    qtbot.keyClick(ws, Qt.Key.Key_S, CTRL)
    assert s.get_case(case["id"])["prosecution_reference"] == "AM-1234-26"
    QApplication.processEvents()
    assert where() == before
    assert ws.saved_label.text() == "Saved."
    assert not ws.message.isVisible()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=aim)
    assert ws.tabs.currentIndex() == 2
    ws._message_timer.timeout.emit()   # the 5 s are over: the word goes, nothing moves back
    QApplication.processEvents()
    assert ws.saved_label.text() == ""
    assert where() == before
