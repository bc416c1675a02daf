"""The agenda builder: the cases the core proposes (new since the last meeting, review due, each
with its reason), ticked to add; an urgent case added by its reference; the agenda's order."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget,
)


from ui.common.feedback import InlineMessage, bold
from ui.common.tasks import run_operation
from ui.common.vocab_widgets import ChoiceCombo
from ui.meetings.shared import REASONS, word

ID_ROLE = Qt.ItemDataRole.UserRole


def due_text(d: dict) -> str:
    text = "%s · %s" % (d.get("case_reference") or "", word(REASONS, d.get("reason")))
    if d.get("reason") == "review_due" and d.get("next_review_on"):
        text += " " + QCoreApplication.translate("AgendaBuilder", "(due %1)").replace("%1", d["next_review_on"])
    return text


class AgendaBuilder(QWidget):
    changed = Signal()   # the agenda changed in the core: read the meeting again

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("agendaBuilder")
        self.session = session
        self.meeting_id: int | None = None
        self.items: list[dict] = []
        self.editable = False
        em = self.fontMetrics().height()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, em // 3, 0, 0)
        grid.setHorizontalSpacing(em)
        grid.setVerticalSpacing(em // 4)

        # the proposal
        self.due_box = QWidget(self)
        dl = QVBoxLayout(self.due_box)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.setSpacing(em // 4)
        due_head = bold(QLabel(self.tr("Cases due"), self.due_box))
        dl.addWidget(due_head)
        self.due_list = QListWidget(self.due_box)
        self.due_list.setObjectName("casesDueList")
        self.due_list.setAccessibleName(self.tr("Cases due: tick to add to the agenda"))
        due_head.setBuddy(self.due_list)
        dl.addWidget(self.due_list, 1)
        self.due_empty = QLabel(self.tr("No case is new or due for review."), self.due_box)
        self.due_empty.setWordWrap(True)
        # in the list's place (it is hidden then): at the top, under the heading
        self.due_empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        dl.addWidget(self.due_empty, 1)
        row = QHBoxLayout()
        self.tick_all_button = QPushButton(self.tr("Tic&k all"), self.due_box)
        self.tick_all_button.setAutoDefault(False)
        self.tick_all_button.clicked.connect(self.tick_all)
        self.add_ticked_button = QPushButton(self.tr("Add ticked to the agenda"), self.due_box)
        self.add_ticked_button.setObjectName("addTickedButton")
        self.add_ticked_button.setAutoDefault(False)
        self.add_ticked_button.clicked.connect(self.add_ticked)
        row.addWidget(self.tick_all_button)
        row.addWidget(self.add_ticked_button)
        row.addStretch(1)
        dl.addLayout(row)
        ref_row = QHBoxLayout()
        ref_label = QLabel(self.tr("Case &reference:"), self.due_box)
        self.reference = QLineEdit(self.due_box)
        self.reference.setObjectName("agendaReferenceEdit")
        self.reference.setPlaceholderText(self.tr("e.g. 2026-0042"))
        self.reference.setMaxLength(64)
        self.reference.setMinimumWidth(em * 7)   # a reference stays readable in a narrow window
        ref_label.setBuddy(self.reference)
        self.reason = ChoiceCombo([("urgent", word(REASONS, "urgent")), ("added", word(REASONS, "added"))])
        self.reason.setObjectName("agendaReasonCombo")
        self.reason.setAccessibleName(self.tr("Why it is on the agenda"))
        self.reason.set_value("urgent")
        self.reason.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.add_ref_button = QPushButton(self.tr("Add &case"), self.due_box)
        self.add_ref_button.setObjectName("addCaseButton")
        self.add_ref_button.setAutoDefault(False)
        self.add_ref_button.clicked.connect(self.add_by_reference)
        self.reference.returnPressed.connect(self.add_by_reference)
        ref_row.addWidget(ref_label)
        ref_row.addWidget(self.reference, 1)
        ref_row.addWidget(self.reason)
        ref_row.addWidget(self.add_ref_button)
        dl.addLayout(ref_row)
        grid.addWidget(self.due_box, 0, 0)

        # the agenda
        box = QWidget(self)
        al = QVBoxLayout(box)
        al.setContentsMargins(0, 0, 0, 0)
        al.setSpacing(em // 4)
        agenda_head = bold(QLabel(self.tr("Agenda, in order"), box))
        al.addWidget(agenda_head)
        self.agenda_list = QListWidget(box)
        self.agenda_list.setObjectName("agendaList")
        self.agenda_list.setAccessibleName(self.tr("Agenda: Ctrl+Up and Ctrl+Down move the case selected"))
        agenda_head.setBuddy(self.agenda_list)
        al.addWidget(self.agenda_list, 1)
        self.order_bar = QWidget(box)
        ob = QHBoxLayout(self.order_bar)
        ob.setContentsMargins(0, 0, 0, 0)
        self.up_button = QPushButton(self.tr("Move &up"), self.order_bar)
        self.up_button.setToolTip(self.tr("Ctrl+Up in the agenda"))
        self.down_button = QPushButton(self.tr("Move dow&n"), self.order_bar)
        self.down_button.setToolTip(self.tr("Ctrl+Down in the agenda"))
        self.remove_button = QPushButton(self.tr("Remo&ve from the agenda"), self.order_bar)
        self.remove_button.setObjectName("removeAgendaItemButton")
        for b in (self.up_button, self.down_button, self.remove_button):
            b.setAutoDefault(False)
            ob.addWidget(b)
        ob.addStretch(1)
        al.addWidget(self.order_bar)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button.clicked.connect(self.remove_selected)
        for key, step in ((QKeySequence("Ctrl+Up"), -1), (QKeySequence("Ctrl+Down"), 1)):
            sc = QShortcut(key, self.agenda_list)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(lambda step=step: self.move_selected(step))
        self.hidden_label = QLabel(box)
        self.hidden_label.setWordWrap(True)
        al.addWidget(self.hidden_label)
        grid.addWidget(box, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.message = InlineMessage(self)
        self.message.setObjectName("agendaMessage")
        grid.addWidget(self.message, 1, 0, 1, 2)

    # the meeting shown ------------------------------------------------------------------------
    def set_meeting(self, view: dict | None, due: list[dict] | None, editable: bool) -> None:
        if view is None or view["id"] != self.meeting_id:   # read again after a change: its message stays
            self.message.clear()
        self.meeting_id = view["id"] if view else None
        self.editable = editable
        self.items = sorted((view or {}).get("items") or [], key=lambda i: i.get("position") or 0)
        keep = self.agenda_list.currentRow()
        self.agenda_list.clear()
        for n, it in enumerate(self.items, 1):
            li = QListWidgetItem("%d. %s · %s" % (n, it.get("case_reference") or "", word(REASONS, it.get("reason"))),
                                 self.agenda_list)
            li.setData(ID_ROLE, it["id"])
        if self.items:
            self.agenda_list.setCurrentRow(min(max(keep, 0), len(self.items) - 1))
        hidden = (view or {}).get("hidden_items") or 0
        self.hidden_label.setText(self.tr("%1 more case(s) on the agenda are not shown: you do not work on them.")
                                  .replace("%1", str(hidden)) if hidden else "")
        self.hidden_label.setVisible(bool(hidden))
        self.due_box.setVisible(editable)
        self.order_bar.setVisible(editable)
        self.due_list.clear()
        on_agenda = {it.get("case_id") for it in self.items}
        for d in due or []:
            if d.get("case_id") in on_agenda:
                continue
            li = QListWidgetItem(due_text(d), self.due_list)
            li.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            li.setCheckState(Qt.CheckState.Unchecked)
            li.setData(ID_ROLE, (d["case_id"], d.get("reason") or "added"))
        if self.due_list.count():
            self.due_list.setCurrentRow(0)
        self.due_list.setVisible(self.due_list.count() > 0)
        self.due_empty.setVisible(self.due_list.count() == 0)
        self.add_ticked_button.setEnabled(self.due_list.count() > 0)
        self.tick_all_button.setEnabled(self.due_list.count() > 0)

    def selected_item_id(self) -> int | None:
        li = self.agenda_list.currentItem()
        return li.data(ID_ROLE) if li is not None else None

    # changes ----------------------------------------------------------------------------------------
    def ticked(self) -> list[tuple[int, str]]:
        out = []
        for i in range(self.due_list.count()):
            li = self.due_list.item(i)
            if li.checkState() == Qt.CheckState.Checked:
                out.append(tuple(li.data(ID_ROLE)))
        return out

    def tick_all(self) -> None:
        for i in range(self.due_list.count()):
            self.due_list.item(i).setCheckState(Qt.CheckState.Checked)

    def add_ticked(self) -> None:
        items = self.ticked()
        if not items:
            self.message.show_info(self.tr("Tick the cases to add first (Space ticks the case selected)."))
            self.due_list.setFocus()
            return
        s, mid = self.session, self.meeting_id
        run_operation(self, lambda: s.add_agenda_items(mid, items), lambda _ids: self._done(),
                      errors=self.message, hold=(self.add_ticked_button,))

    def add_by_reference(self) -> None:
        ref = self.reference.text().strip()
        if not ref or self.meeting_id is None:
            self.message.show_info(self.tr("Type the case's reference first."))
            self.reference.setFocus()
            return
        s, mid, reason = self.session, self.meeting_id, self.reason.value() or "urgent"

        def add():   # on the record's thread
            from barnahus_app.api import CaseFilter
            rows = s.list_cases(CaseFilter(text=ref), "received_desc", limit=10, count=False).rows
            match = [r["id"] for r in rows if (r.get("reference") or "").casefold() == ref.casefold()]
            if not match:
                return None
            return s.add_agenda_items(mid, [(match[0], reason)])

        def added(result) -> None:
            if result is None:
                self.message.show_error(self.tr("No case has the reference %1.").replace("%1", ref))
                self.reference.setFocus()
                return
            self.reference.clear()
            self._done()

        run_operation(self, add, added, errors=self.message, hold=(self.add_ref_button,))

    def move_selected(self, step: int) -> None:
        row = self.agenda_list.currentRow()
        target = row + step
        if not self.editable or row < 0 or not 0 <= target < len(self.items):
            return
        s, item_id = self.session, self.items[row]["id"]
        position = self.items[target].get("position", target + 1)

        def moved(_r) -> None:
            self._select_after = item_id
            self._done()

        run_operation(self, lambda: s.move_agenda_item(item_id, position), moved, errors=self.message)

    def remove_selected(self) -> None:
        item_id = self.selected_item_id()
        if item_id is None or not self.editable:
            return
        s = self.session
        run_operation(self, lambda: s.remove_agenda_item(item_id), lambda _r: self._done(), errors=self.message,
                      hold=(self.remove_button,))

    _select_after: int | None = None

    def _done(self) -> None:
        self.changed.emit()

    def reselect(self) -> None:
        """After the meeting was read again: the item just moved stays selected."""
        if self._select_after is None:
            return
        for i in range(self.agenda_list.count()):
            if self.agenda_list.item(i).data(ID_ROLE) == self._select_after:
                self.agenda_list.setCurrentRow(i)
                self.agenda_list.setFocus()
        self._select_after = None
