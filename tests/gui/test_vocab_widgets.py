"""Vocabulary pickers: terms from barnahus_app.vocab, retired terms hidden unless already set."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from barnahus_app import vocab

pytestmark = pytest.mark.gui


@pytest.fixture
def retired_terms():
    """A centre's vocabulary file that retires one form of abuse and one gender term."""
    folder = Path(os.environ["XDG_DATA_HOME"]) / "Barnahus" / "vocabularies"
    folder.mkdir(parents=True)
    (folder / "centre.json").write_text(json.dumps({"vocabulary": "abuse_forms", "multi": True, "terms": [
        {"code": "trafficking", "label": {"en": "Trafficking"}, "retired": True}]}))
    (folder / "genders.json").write_text(json.dumps({"vocabulary": "genders", "terms": [
        {"code": "not_known", "label": {"en": "Not known"}, "retired": True}]}))
    vocab.load_all.cache_clear()
    yield
    vocab.load_all.cache_clear()


def test_checklist_offers_current_terms_and_keeps_a_retired_one_that_is_set(qtbot, retired_terms):
    from ui.common.vocab_widgets import VocabChecklist
    w = VocabChecklist("abuse_forms")
    qtbot.addWidget(w)
    codes = [w.item(i).data(Qt.ItemDataRole.UserRole) for i in range(w.count())]
    assert "trafficking" not in codes and "online_grooming" in codes
    w.set_values(["online_grooming", "trafficking"])
    assert w.values() == ["online_grooming", "trafficking"]
    assert "Trafficking (no longer offered)" in w.display_text()


def test_combo_hides_retired_terms_unless_set(qtbot, retired_terms):
    from ui.common.vocab_widgets import VocabCombo
    w = VocabCombo("genders", empty_text="Not recorded")
    qtbot.addWidget(w)
    assert w.findData("not_known") < 0
    assert w.value() is None and w.currentText() == "Not recorded"
    w.set_value("not_known")
    assert w.value() == "not_known" and w.currentText() == "Not known (no longer offered)"


def test_keyboard_ticks_terms(qtbot):
    from ui.common.vocab_widgets import VocabChecklist
    w = VocabChecklist("risk_factors")
    qtbot.addWidget(w)
    w.show()
    w.setFocus()
    with qtbot.waitSignal(w.valuesChanged) as changed:
        qtbot.keyClick(w, Qt.Key.Key_Home)
        qtbot.keyClick(w, Qt.Key.Key_Space)
    assert changed.args == [["domestic_violence"]]
    w.set_read_only(True)
    qtbot.keyClick(w, Qt.Key.Key_Space)
    assert w.values() == ["domestic_violence"]  # read-only: Space changes nothing


def test_labels_never_use_forbidden_words(qtbot):
    from ui.common.vocab_widgets import VocabChecklist
    w = VocabChecklist("abuse_forms")
    qtbot.addWidget(w)
    text = " ".join(w.item(i).text() for i in range(w.count())).lower()
    assert "prostitution" not in text and "client" not in text
