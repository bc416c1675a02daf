"""The recovery key in shares on screen (issue 11, item 8): Administration -> "Split the recovery
key…" shows one share per page (never two at once), to print or save for its holder; the unlock
screen's recovery-key mode takes k shares typed in ("Use shares…") and unlocks with them."""
from __future__ import annotations

import os
import stat
from itertools import combinations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from barnahus_app.record import shares
from tests.gui.test_recovery_unlock import AFTER_RECOVERY, recovery_mode_by_keyboard
from tests.support.gui_shell import UNLOCK_TIMEOUT_MS, answer_modal, make_window, widget_texts
from tests.support.records import make_record
from ui.admin.panel import AdminPanel
from ui.admin.shares import SplitRecoveryKeyDialog
from ui.shell.shares_entry import SharesEntryDialog

pytestmark = pytest.mark.gui

SHOTS = os.environ.get("BARNAHUS_SHOTS")   # a folder: save screenshots there to look at
ORDINALS = ["first", "second", "third", "fourth", "fifth"]


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, name))


def _open_split_dialog(qtbot, session) -> SplitRecoveryKeyDialog:
    dlg = SplitRecoveryKeyDialog(session)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg)   # keys go there, as a person's would
    return dlg


def _words_on_screen(dlg) -> list[str]:
    """The share's words as the page shows them: "1. word   2. word   3. word" per line."""
    parts = dlg.words.text().split()
    return [w for w in parts if not w.endswith(".")]


def _recovery_key(tmp_path) -> str:
    """The recovery key of open_as's record (every make_record copy has the same)."""
    return make_record(tmp_path / "same-key")[1]


def test_split_shows_one_share_per_page_to_print_or_save(qtbot, tmp_path, monkeypatch, open_as):
    session = open_as("admin")
    dlg = _open_split_dialog(qtbot, session)
    _shot(dlg, "split-choice.png")
    dlg.n_spin.setValue(5)
    dlg.k_spin.setValue(3)
    printed = []
    monkeypatch.setattr("ui.admin.shares.print_with_dialog",
                        lambda parent, doc, name, title: printed.append(doc.toPlainText()) or True)
    QTest.keyClick(dlg, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)   # &Split
    qtbot.waitUntil(lambda: dlg.stack.currentIndex() == 1, timeout=10_000)
    seen = []
    for i in range(1, 6):
        assert dlg.share_title.text() == f"Share {i} of 5 — give it to the {ORDINALS[i - 1]} holder"
        words = _words_on_screen(dlg)
        assert len(words) == 33
        share = " ".join(words)
        # only this share is on the screen: no other share's last words anywhere
        texts = "\n".join(widget_texts())
        assert all(" ".join(s.split()[-6:]) not in texts for s in seen)
        assert texts.count("33. ") == 1
        if i == 1:
            _shot(dlg, "split-share-1.png")
        if i % 2:
            QTest.keyClick(dlg, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)   # &Print…
            qtbot.waitUntil(lambda: len(printed) == (i + 1) // 2)
            assert printed[-1].startswith(f"Barnahus Case Record: recovery key share {i} of 5")
            assert "Any 3 of the 5 shares together open the record" in printed[-1]
            assert all(w in printed[-1] for w in words)
        else:
            target = tmp_path / f"holder-{i}.txt"
            monkeypatch.setattr(dlg, "choose_file", lambda t=target: str(t))
            QTest.keyClick(dlg, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)   # Sa&ve to a file…
            qtbot.waitUntil(target.exists)
            assert stat.S_IMODE(target.stat().st_mode) == 0o600
            assert target.read_text().startswith(f"# Barnahus Case Record - recovery key share {i} of 5\n")
            assert shares.normalise_share(target.read_text()) == share
        seen.append(share)
        if i < 5:
            assert dlg.next_button.isVisible() and not dlg.finish_button.isVisible()
            QTest.keyClick(dlg, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)   # &Next share
            qtbot.waitUntil(lambda: dlg.share_title.text().startswith(f"Share {i + 1} of 5"))
    assert dlg.finish_button.isVisible()
    dlg.finish_button.click()
    assert dlg.shares == [] and dlg.words.text() == "" and not dlg.isVisible()
    recovery = _recovery_key(tmp_path)
    for chosen in combinations(seen, 3):
        assert shares.combine(list(chosen)) == recovery
    entries = [e for e in session.audit_entries() if e["action"] == "record.recovery_key_split"]
    assert [e["detail"] for e in entries] == [{"k": 3, "n": 5}]


def test_closing_before_every_share_is_handed_out_asks_first(qtbot, open_as):
    session = open_as("admin")
    dlg = _open_split_dialog(qtbot, session)
    dlg.n_spin.setValue(2)
    dlg.k_spin.setValue(2)
    dlg.split_button.click()
    qtbot.waitUntil(lambda: dlg.stack.currentIndex() == 1, timeout=10_000)
    asked = answer_modal(lambda box: box.button(QMessageBox.StandardButton.No).click(),
                         passing_over=dlg.objectName())
    QTest.keyClick(dlg, Qt.Key.Key_Escape)
    assert asked.get("dialog") is not None and "error" not in asked
    assert dlg.isVisible() and len(_words_on_screen(dlg)) == 33
    asked = answer_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    dlg.cancel_button.click()
    qtbot.waitUntil(lambda: not dlg.isVisible())
    assert dlg.shares == []


def test_k_and_n_outside_the_rules_cannot_be_chosen(qtbot, open_as):
    session = open_as("admin")
    dlg = _open_split_dialog(qtbot, session)
    assert (dlg.n_spin.minimum(), dlg.n_spin.maximum()) == (2, 16)
    dlg.n_spin.setValue(4)
    assert dlg.k_spin.maximum() == 4
    dlg.k_spin.setValue(9)
    assert dlg.k_spin.value() == 4
    dlg.reject()


def test_administration_offers_the_split_to_administrators_only(qtbot, open_as):
    panel = AdminPanel(open_as("admin"))
    qtbot.addWidget(panel)
    panel.show()
    assert panel.split_key_button.isVisible()
    assert panel.split_key_button.text() == "Split the recovery ke&y…"
    panel.split_key_button.click()
    assert isinstance(panel.dialog, SplitRecoveryKeyDialog) and panel.dialog.isVisible()
    panel.dialog.reject()
    assert panel.dialog is None


def test_the_split_is_not_offered_to_others(qtbot, open_as):
    other = AdminPanel(open_as("coordinator"))
    qtbot.addWidget(other)
    other.show()
    assert not other.split_key_button.isVisibleTo(other)


# --- unlocking with shares ---------------------------------------------------------------------
def _use_shares(qtbot, window, username: str) -> SharesEntryDialog:
    panel = recovery_mode_by_keyboard(qtbot, window, username)
    QTest.keyClick(panel.recovery_edit, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)   # Use shar&es…
    qtbot.waitUntil(lambda: isinstance(panel.dialog, SharesEntryDialog) and panel.dialog.isVisible())
    dlg = panel.dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.boxes[0])
    return dlg


def _type_share(box, share: str) -> None:
    QTest.keyClicks(box, share)


def test_unlock_with_three_shares_typed_in(qtbot, tmp_path):
    record, recovery = make_record(tmp_path)
    made = shares.split(recovery, 3, 5)
    window = make_window(qtbot, record)
    dlg = _use_shares(qtbot, window, "admin")
    assert len(dlg.boxes) == 2
    _type_share(dlg.boxes[0], made[4])
    # the first share tells how many are needed: a third box appears
    assert len(dlg.boxes) == 3 and dlg.needed.text() == "These shares need 3 of them to open the record."
    QTest.keyClick(dlg.boxes[0], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dlg.boxes[1]
    _type_share(dlg.boxes[1], " ".join(w[:4] for w in made[0].split()))   # four letters a word
    QTest.keyClick(dlg.boxes[1], Qt.Key.Key_Tab)
    _type_share(dlg.boxes[2], made[2].upper())
    _shot(dlg, "unlock-shares.png")
    dlg.unlock_button.click()   # (Alt+L: the next test)
    assert not dlg.isVisible() and all(b.toPlainText() == "" for b in dlg.boxes)
    panel = window.unlock_panel
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=UNLOCK_TIMEOUT_MS)
    assert window.is_unlocked(), panel.message.text()
    assert window.message_bar.text() == AFTER_RECOVERY
    assert not any(made[0].split()[-1] + " " in t for t in widget_texts())


def test_a_wrong_share_is_named_beside_its_box_and_nothing_unlocks(qtbot, tmp_path):
    record, recovery = make_record(tmp_path)
    made = shares.split(recovery, 2, 3)
    other = shares.split(recovery, 2, 3)
    window = make_window(qtbot, record)
    dlg = _use_shares(qtbot, window, "admin")
    words = made[1].split()
    words[6] = "wxyz"
    _type_share(dlg.boxes[0], made[0])
    _type_share(dlg.boxes[1], " ".join(words))
    QTest.keyClick(dlg.boxes[1], Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)   # Un&lock
    qtbot.waitUntil(lambda: dlg.box_messages[1].text() != "")
    assert dlg.isVisible() and not window.is_unlocked()
    assert dlg.box_messages[1].text() == ("Share 2: word 7 is not a share word; check its spelling "
                                          "against the holder's copy.")
    assert QApplication.focusWidget() is dlg.boxes[1]
    dlg.boxes[1].setPlainText(other[1])
    dlg.unlock_button.click()
    assert dlg.box_messages[0].text() == "" and dlg.box_messages[1].text().startswith(
        "Share 2 is from a different split than share 1")
    dlg.boxes[1].clear()
    dlg.unlock_button.click()
    assert dlg.message.text().startswith("These shares need 2 of them to be combined; 1 was given.")
    dlg.reject()
    qtbot.waitUntil(lambda: not dlg.isVisible())
    assert not window.is_unlocked()
