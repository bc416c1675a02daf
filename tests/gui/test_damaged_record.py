"""A damaged record in the desktop app (issue 12, item 1): never a dead end. The unlock screen shows
a banner offering to open it read-only, restore a backup or salvage it; a read-only session shows
the banner and the Backups box and no case content; damage met during a session offers to lock
and reopen read-only. Real records, damaged by flipping one byte of a page."""
from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from barnahus_app.lifecycle import check_record
from tests.core.test_check_read_only import flip_byte, root_page, sha256
from tests.support.gui_shell import make_window, type_text, type_unlock, unlock, widget_texts
from tests.support.records import (
    ADMIN_PASSWORD, FAST_KDF, STAFF_PASSWORD, login, make_record, sample_case,
)
from ui.common.tasks import busy

TIMEOUT = 30_000


@pytest.fixture
def rec(tmp_path):
    """A record with one case (names the read-only view must never show) and one backup."""
    path, recovery = make_record(tmp_path)
    with login(path, "coordinator") as s:
        case = sample_case(s)
    with login(path, "admin") as s:
        s.backup()
    return {"record": path, "recovery": recovery, "case": case}


def damage_where_login_writes(rec) -> None:
    """The audit trail's page: every login appends to it, so unlocking meets the damage."""
    flip_byte(rec["record"], root_page(rec, "audit_log"))


def files_beside(record) -> dict:
    """The record, its key file and anything else beside it (not the opener's .lock), by SHA-256."""
    return {p.name: sha256(p) for p in sorted(record.parent.iterdir()) if p.is_file() and p.suffix != ".lock"}


def when_modal(predicate, handler) -> dict:
    """Run handler(dialog) on the first modal dialog for which predicate(dialog) holds, once it is
    the active window. A handler that fails rejects the dialog (never left blocking the run)."""
    done = {}

    def poll():
        dlg = QApplication.activeModalWidget()
        if dlg is None or not predicate(dlg) or QApplication.activeWindow() is not dlg:
            QTimer.singleShot(20, poll)
            return
        done["dialog"] = dlg
        try:
            handler(dlg)
        except BaseException as e:  # noqa: BLE001
            done["error"] = e
            dlg.reject()
    QTimer.singleShot(0, poll)
    return done


def named(name):
    return lambda dlg: dlg.objectName() == name


def damaged_unlock(qtbot, rec, username="admin", password=ADMIN_PASSWORD):
    window = make_window(qtbot, rec["record"])
    type_unlock(qtbot, window, username, password)
    return window


def test_unlocking_a_damaged_record_shows_the_banner_and_changes_nothing(qtbot, rec):
    damage_where_login_writes(rec)
    before = files_beside(rec["record"])
    window = damaged_unlock(qtbot, rec)
    panel = window.unlock_panel
    assert not window.is_unlocked()
    banner = panel.damaged_banner
    assert banner is not None and banner.isVisible()
    assert banner.title.text() == "The record file is damaged"
    assert banner.text.text() == (
        "A part of the record file failed its check, so it cannot be opened for work. Nothing offered "
        "here changes the damaged file, and your backups are not touched.\n\n"
        "To look at it, type your password again and choose Open read-only: you can check it and see its "
        "backups. To go on working, restore a verified backup to a new file, or salvage every row that "
        "can still be read into a new file.")
    assert [b.text() for b in (banner.read_only_button, banner.restore_button, banner.salvage_button)] == [
        "Open rea&d-only", "Restore a &backup…", "Sal&vage…"]
    assert banner.read_only_button.isEnabled()
    assert panel.message.text() == ""   # the banner says it, once
    assert files_beside(rec["record"]) == before


def test_open_read_only_shows_the_banner_and_no_case_content(qtbot, rec):
    damage_where_login_writes(rec)
    before = files_beside(rec["record"])
    window = damaged_unlock(qtbot, rec, "coordinator", STAFF_PASSWORD)
    panel = window.unlock_panel
    type_text(panel.password_edit, STAFF_PASSWORD)
    qtbot.keyClick(panel, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)   # Open rea&d-only
    qtbot.waitUntil(lambda: window.is_unlocked(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not busy() and not window.read_only_view.backups.loading, timeout=TIMEOUT)
    assert window.session.read_only
    view = window.read_only_view
    assert view.isVisible() and view.banner.isVisible()
    assert view.banner.title.text() == "The record is open read-only"
    assert window.nav_keys() == []                       # no page of case content
    assert not window.go_menu.menuAction().isVisible()
    assert window.status_user.text().endswith(" · read-only")
    assert not view.backups.backup_button.isVisible()    # a damaged record is never backed up
    assert not view.backups.settings_button.isVisible()  # nothing is written read-only
    assert view.backups.table.rowCount() == 1            # the backup beside the record
    texts = " ".join(widget_texts())
    for name in ("Testa", "Exampledottir", "Alleged", "Exampleson"):
        assert name not in texts
    # The check from the Backups box names the damage, and writes nothing.
    view.backups.check_button.click()
    qtbot.waitUntil(lambda: view.backups.report.isVisible(), timeout=TIMEOUT)
    assert view.backups.message.text() == ("The check found a problem. Restore from a backup, or keep "
                                           "this copy for inspection.")
    assert "damaged tables: audit_log" in view.backups.report.text()
    window.lock()
    assert files_beside(rec["record"]) == before


def test_salvage_from_the_banner_makes_a_record_that_passes_its_check(qtbot, rec, tmp_path):
    damage_where_login_writes(rec)
    window = damaged_unlock(qtbot, rec)
    panel = window.unlock_panel
    to = tmp_path / "saved.barnahus"
    seen = {}

    def salvage(dlg):
        dlg.to.clear()
        qtbot.keyClicks(dlg.to, str(to))
        qtbot.keyClicks(dlg.password, ADMIN_PASSWORD)
        qtbot.keyClick(dlg.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dlg.salvaged is not None, timeout=TIMEOUT)
        seen["report"] = dlg.result_text.toPlainText()
        seen["progress"] = dlg.progress.isVisible()
        assert dlg.open_button.isVisible()
        dlg.open_button.click()

    answered = when_modal(named("salvageDialog"), salvage)
    qtbot.keyClick(panel, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)   # Sal&vage…
    qtbot.waitUntil(lambda: "dialog" in answered, timeout=TIMEOUT)
    assert "error" not in answered, answered.get("error")
    assert seen["report"].splitlines() == ["47 rows copied from 74 tables; rows were lost in 1 table(s):",
                                           "audit_log: 0 rows copied, rows lost at rowids start-end",
                                           "audit trail of the salvaged record: empty, every entry was lost"]
    assert not seen["progress"]
    assert check_record(to, "admin", ADMIN_PASSWORD, kdf=FAST_KDF).ok
    assert panel.record_path() == to          # offered, and chosen: the unlock screen of the new record
    assert not panel.damaged_banner.isVisible()
    unlock(qtbot, window, "admin", ADMIN_PASSWORD)
    assert not window.session.read_only


def test_restore_from_the_banner_restores_a_backup_to_a_new_file(qtbot, rec, tmp_path):
    damage_where_login_writes(rec)
    window = damaged_unlock(qtbot, rec)
    panel = window.unlock_panel
    to = tmp_path / "restored.barnahus"
    seen = {}

    def in_restore(dlg):
        qtbot.keyClicks(dlg.to, str(to))
        qtbot.keyClicks(dlg.password, ADMIN_PASSWORD)
        qtbot.keyClick(dlg.password, Qt.Key.Key_Return)

    def in_offer(box):
        seen["offer"] = box.text()
        [b for b in box.buttons() if b.text() == "&Open the new record"][0].click()

    def in_chooser(chooser):
        qtbot.waitUntil(lambda: not chooser.loading, timeout=TIMEOUT)
        seen["rows"] = chooser.table.rowCount()
        seen["restore"] = when_modal(lambda d: type(d).__name__ == "RestoreDialog", in_restore)
        chooser.restore_button.click()

    seen["chooser"] = when_modal(named("backupChooser"), in_chooser)
    seen["offered"] = when_modal(named("offerToOpen"), in_offer)
    qtbot.keyClick(panel, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)   # Restore a &backup…
    qtbot.waitUntil(lambda: "offer" in seen, timeout=TIMEOUT)
    for step in ("chooser", "restore", "offered"):
        assert "error" not in seen[step], seen[step].get("error")
    assert seen["rows"] == 1
    assert seen["offer"].startswith(f"Restored to {to}.\n\nThe backup was written ")
    assert seen["offer"].endswith("It was verified. The damaged record was not changed.")
    assert to.exists() and check_record(to, "admin", ADMIN_PASSWORD, kdf=FAST_KDF).ok
    assert panel.record_path() == to
    unlock(qtbot, window, "admin", ADMIN_PASSWORD)


def test_damage_met_during_a_session_offers_to_lock_and_reopen_read_only(qtbot, rec):
    flip_byte(rec["record"], root_page(rec, "persons"))   # a late page: the unlock does not read it
    window = make_window(qtbot, rec["record"])
    unlock(qtbot, window, "coordinator", STAFF_PASSWORD)
    assert not window.session.read_only
    seen = {}

    def in_offer(box):
        seen["text"] = box.text()
        [b for b in box.buttons() if b.text() == "&Lock and reopen read-only"][0].click()

    seen["answer"] = when_modal(named("damageMetBox"), in_offer)
    window.open_case(rec["case"]["id"])   # the workspace reads the case's persons
    qtbot.waitUntil(lambda: "text" in seen, timeout=TIMEOUT)
    assert "error" not in seen["answer"], seen["answer"].get("error")
    assert seen["text"].startswith("A part of the record file could not be read just now")
    qtbot.waitUntil(lambda: not window.is_unlocked(), timeout=TIMEOUT)
    panel = window.unlock_panel
    assert panel.damaged_banner is not None and panel.damaged_banner.isVisible()
    assert panel.user_edit.text() == "coordinator"
    type_text(panel.password_edit, STAFF_PASSWORD)
    panel.damaged_banner.read_only_button.click()
    qtbot.waitUntil(lambda: window.is_unlocked(), timeout=TIMEOUT)
    assert window.session.read_only and window.read_only_view.isVisible()
    qtbot.waitUntil(lambda: not busy(), timeout=TIMEOUT)
    window.lock()
    assert shiboken6.isValid(window)


def test_cancelling_a_salvage_leaves_nothing_at_its_destination(qtbot, rec, tmp_path, monkeypatch):
    from barnahus_app.record import salvage as core_salvage
    from ui.admin.salvage import SalvageDialog
    copy_table = core_salvage._copy_table

    def slow_copy(*args, **kwargs):   # a large record: each table takes a while
        import time
        time.sleep(0.05)
        return copy_table(*args, **kwargs)

    monkeypatch.setattr(core_salvage, "_copy_table", slow_copy)
    damage_where_login_writes(rec)
    out = tmp_path / "out"
    out.mkdir()
    dlg = SalvageDialog(rec["record"], "admin")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.to.setText(str(out / "saved.barnahus"))
    qtbot.keyClicks(dlg.password, ADMIN_PASSWORD)
    qtbot.keyClick(dlg.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.progress.value() > 0, timeout=TIMEOUT)
    assert dlg.running and dlg.progress.isVisible()
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=TIMEOUT)
    assert not dlg.running and dlg.salvaged is None
    assert list(out.iterdir()) == []


def test_damage_at_the_start_offers_restore_and_salvage_but_not_read_only(qtbot, rec):
    flip_byte(rec["record"], 1, 100)
    window = damaged_unlock(qtbot, rec)
    banner = window.unlock_panel.damaged_banner
    assert banner is not None and banner.isVisible()
    assert not banner.read_only_button.isEnabled()
    assert banner.restore_button.isEnabled() and banner.salvage_button.isEnabled()
    assert banner.text.text() == (
        "The record file is damaged at its start, so it cannot be opened, not even read-only. The file "
        "was left untouched. Restore a backup, or salvage what can still be read.\n\n"
        "Nothing offered here changes the damaged file, and your backups are not touched.")


def test_from_read_only_a_restored_backup_becomes_the_record(qtbot, rec):
    """The way back to work from a damaged record: open it read-only, restore the backup to a new
    file beside it, switch to it; the record's own name then unlocks normally, with the case
    made before the backup, and the damaged file is kept beside it."""
    from PySide6.QtTest import QTest
    damage_where_login_writes(rec)
    record = rec["record"]
    damaged_bytes = sha256(record)
    window = damaged_unlock(qtbot, rec)
    panel = window.unlock_panel
    type_text(panel.password_edit, ADMIN_PASSWORD)
    qtbot.keyClick(panel, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)   # Open rea&d-only
    qtbot.waitUntil(lambda: window.is_unlocked(), timeout=TIMEOUT)
    box = window.read_only_view.backups
    qtbot.waitUntil(lambda: not busy() and not box.loading and box.table.rowCount() == 1, timeout=TIMEOUT)
    box.table.selectRow(0)
    to = record.with_name("restored.barnahus")
    seen = {}

    def in_restore(dlg):
        QTest.keyClicks(dlg.to, str(to))
        QTest.keyClicks(dlg.password, ADMIN_PASSWORD)
        QTest.keyClick(dlg.password, Qt.Key.Key_Return)

    def in_restored(msg):
        seen["switch"] = when_modal(named("switchDialog"), in_switch)
        [b for b in msg.buttons() if b.text() == "&Switch to the restored record…"][0].click()

    def in_switch(dlg):
        QTest.keyClicks(dlg.password, ADMIN_PASSWORD)
        QTest.keyClick(dlg.password, Qt.Key.Key_Return)

    seen["restore"] = when_modal(lambda d: type(d).__name__ == "RestoreDialog", in_restore)
    seen["restored"] = when_modal(lambda d: d.windowTitle() == "Backup restored", in_restored)
    box.restore_button.click()
    qtbot.waitUntil(lambda: window.switch_report is not None, timeout=TIMEOUT)
    for step in ("restore", "restored", "switch"):
        assert "error" not in seen[step], seen[step].get("error")
    assert window.switch_report.text() == "The record is now the restored one. Unlock it to go on."
    window.switch_report.accept()
    assert panel.record_path() == record
    kept = list(record.parent.glob("record.damaged-*.barnahus"))
    assert len(kept) == 1 and sha256(kept[0]) == damaged_bytes
    assert check_record(record, "admin", ADMIN_PASSWORD, kdf=FAST_KDF).ok
    with login(record, "coordinator") as s:
        assert s.get_case(rec["case"]["id"])["reference"] == rec["case"]["reference"]
    unlock(qtbot, window, "admin", ADMIN_PASSWORD)
    assert not window.session.read_only


def test_the_banner_restores_a_backup_and_switches_the_record_to_it(qtbot, rec):
    """From the unlock screen's banner, with no session open: Restore a backup…, then Switch to
    the restored record… makes it the record under the record's own name."""
    from PySide6.QtTest import QTest
    damage_where_login_writes(rec)
    record = rec["record"]
    window = damaged_unlock(qtbot, rec)
    panel = window.unlock_panel
    to = record.with_name("restored.barnahus")
    seen = {}

    def in_restore(dlg):
        QTest.keyClicks(dlg.to, str(to))
        QTest.keyClicks(dlg.password, ADMIN_PASSWORD)
        QTest.keyClick(dlg.password, Qt.Key.Key_Return)

    def in_chooser(chooser):
        qtbot.waitUntil(lambda: not chooser.loading, timeout=TIMEOUT)
        seen["restore"] = when_modal(lambda d: type(d).__name__ == "RestoreDialog", in_restore)
        chooser.restore_button.click()

    def in_offer(box):
        seen["switch"] = when_modal(named("switchDialog"), in_switch)
        [b for b in box.buttons() if b.text() == "&Switch to the restored record…"][0].click()

    def in_switch(dlg):
        QTest.keyClicks(dlg.password, ADMIN_PASSWORD)
        QTest.keyClick(dlg.password, Qt.Key.Key_Return)

    seen["chooser"] = when_modal(named("backupChooser"), in_chooser)
    seen["offered"] = when_modal(named("offerToOpen"), in_offer)
    qtbot.keyClick(panel, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)   # Restore a &backup…
    qtbot.waitUntil(lambda: window.switch_report is not None, timeout=TIMEOUT)
    for step in ("chooser", "restore", "offered", "switch"):
        assert "error" not in seen[step], seen[step].get("error")
    window.switch_report.accept()
    assert panel.record_path() == record and not to.exists()
    assert not panel.damaged_banner.isVisible()   # the record in place is the restored one
    assert len(list(record.parent.glob("record.damaged-*.barnahus"))) == 1
    unlock(qtbot, window, "admin", ADMIN_PASSWORD)
    assert not window.session.read_only
