"""The Medical tab in Swedish (issue #14): every string of ui/medical/ has its Swedish (a new one
left untranslated fails here), the tab shows it, and the accelerators (Alt+letter) of what is on
screen at one time never clash: the workspace's tabs with the tab's buttons and labels, and each
dialog the tab opens. Real SQLCipher record; the examinations are made through the core."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from barnahus_app.api import open_record
from tests.support.records import ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, sample_case
from tests.support.translations import shown_mnemonics, untranslated_in

pytestmark = pytest.mark.gui

ZONE = "Europe/Stockholm"


def test_every_string_of_the_medical_tab_is_translated_to_swedish():
    checked, untranslated = untranslated_in(lambda f: f.startswith("medical/"))
    assert checked > 300 and untranslated == []


@pytest.fixture
def examinations(record_path, tmp_path):
    """A case whose child had an examination last week (held: a finding that needs an expert
    review, a test, a sample, an image) and has another planned next week."""
    image = tmp_path / "IMG_0001.CR3"
    image.write_bytes(b"raw image bytes")
    with open_record(record_path, "admin", ADMIN_PASSWORD, kdf=FAST_KDF) as admin:
        room = admin.create_room("Medical room", "medical")
    with open_record(record_path, "coordinator", STAFF_PASSWORD, kdf=FAST_KDF) as c:
        case = sample_case(c)
    with open_record(record_path, "medical", STAFF_PASSWORD, kdf=FAST_KDF) as m:
        held = m.plan_examination(case["id"], case["child_id"], "non_acute_forensic",
                                  datetime.combine(date.today() - timedelta(days=7), time(10)), 60,
                                  examiner_id=m.user_id, commissioned_by="police", priority="non_urgent",
                                  time_zone=ZONE, room_id=room)
        m.record_agreement(held, child="agreed", guardian="agreed")
        m.hold_examination(held)
        m.add_finding(held, "4.05", "hymen", "finding")
        m.order_test(held, "sti", date.today().isoformat())
        m.register_sample(held, kit_id="KIT-1", sample_type="genital_swab", seal_number="SEAL-1",
                          location="Medical room")
        m.register_image(held, image)
        m.plan_examination(case["id"], case["child_id"], "follow_up",
                           datetime.combine(date.today() + timedelta(days=7), time(9)), 45,
                           examiner_id=m.user_id, commissioned_by="health", priority="non_urgent",
                           time_zone=ZONE, room_id=room)
    return case


def clashes(widget) -> list[tuple[str, str]]:
    shown = shown_mnemonics(widget)
    letters = [letter for letter, _t in shown]
    return sorted({(letter, t) for letter, t in shown if letters.count(letter) > 1})


def test_the_medical_tab_speaks_swedish_and_no_two_accelerators_clash(qtbot, open_as, examinations, swedish):
    from ui.cases.workspace import CaseWorkspace
    ws = CaseWorkspace(open_as("medical"), examinations["id"])
    qtbot.addWidget(ws, before_close_func=lambda w: w.discard_changes_on_close())
    ws.resize(1280, 900)
    ws.show()
    ws.tabs.setCurrentWidget(ws.medical_page)
    panel = ws.medical_page
    qtbot.waitUntil(lambda: not panel.loading and panel.x_model.rowCount() == 2, timeout=10_000)
    assert ws.tabs.tabText(ws.tabs.currentIndex()) == "&Medicinskt"
    assert panel.plan_button.text() == "P&lanera en undersökning…"

    dialogs = {
        "planned": ("plan_examination", "move", "edit", "cancel", "presence"),
        "held": ("release_outcome", "result_told", "review", "add_finding", "order_test", "record_result",
                 "register_sample", "add_sample_event", "register_image", "log_viewing", "release_image",
                 "release_statement", "check_image_fixity"),
    }
    titles = {}
    for row in range(2):
        panel.x_view.selectRow(row)
        status = panel.selected()["status"]
        assert panel.x_model.item(row, 3).text() == {"planned": "Planerad", "held": "Genomförd"}[status]
        panel.t_view.selectRow(0)
        assert clashes(ws) == [], status
        for name in dialogs[status]:
            dlg = getattr(panel, name)()
            assert dlg is not None, name
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=5000)
            assert clashes(dlg) == [], name
            titles[name] = (dlg.windowTitle(), dlg.ok_button.text())
            dlg.reject()
            qtbot.waitUntil(lambda: panel.dialog is None, timeout=5000)
    assert titles["plan_examination"] == ("Planera en undersökning", "B&oka")
    assert titles["add_sample_event"] == ("Lägg till i beviskedjan", "&Lägg till")
    assert titles["release_statement"] == ("Lämna ut rättsintyget", "&Lämna ut")
    assert panel.remove_finding_button.text() == "Ta bort fyndet"   # every letter of it is taken on this page
