"""The minute-taker's workspace: one case of the agenda at a time.

Per case: each agency's update (a status from its vocabulary and a note), the child's views (heard
directly, through the trusted person, or not heard and why), the decisions (a line each), the
team's actions (owner: a colleague or an agency contact, a due date) and whether the outcome was
explained to the child or carer. Ctrl+PgDown / Ctrl+PgUp (or Alt+N / Alt+P) save the case and go
to the next / previous one; Ctrl+S saves. What is typed is kept as a draft in the record a moment
after each change (the drafts API), so that a lock, a crash or the idle timer loses nothing; saving
the case discards the draft. Once the minutes are approved everything here is read-only.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget,
)

from barnahus_app.errors import BarnahusError

from ui.common.dates import DateField
from ui.common.feedback import InlineMessage, bold, core_message, muted
from ui.common.tasks import run_operation
from ui.common.vocab_widgets import ChoiceCombo, VocabCombo
from ui.meetings.shared import (
    ACTION_STATUS, AGENCIES, CHILD_HEARD, CONTEXT, DRAFT_KIND, DRAFT_VERSION, EXPLAINED_TO, REASONS, choices,
    contact_choices, staff_choices, word,
)

DRAFT_DELAY_MS = 1500
ID_ROLE = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication
    return QCoreApplication.translate(CONTEXT, text)


class MinutesWorkspace(QWidget):
    """The agenda's cases on the left, the case being minuted on the right."""

    changed = Signal()          # something was stored: the page reads the meeting again

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("minutesWorkspace")
        self.session = session
        self.meeting_id: int | None = None
        self.items: list[dict] = []
        self.current: dict | None = None
        self.editable = False
        self._dirty = False
        self._filling = False
        self._owners: list[tuple[str, str]] | None = None
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.keep_draft)
        self._build()

    # construction --------------------------------------------------------------------------------
    def _build(self) -> None:
        em = self.fontMetrics().height()
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, em // 3, 0, 0)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        outer.addWidget(split)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        head = bold(QLabel(self.tr("Cases"), left))
        ll.addWidget(head)
        self.case_list = QListWidget(left)
        self.case_list.setObjectName("minutesCaseList")
        self.case_list.setAccessibleName(self.tr("Cases of the agenda"))
        head.setBuddy(self.case_list)
        self.case_list.currentRowChanged.connect(self._row_changed)
        ll.addWidget(self.case_list, 1)
        left.setMinimumWidth(em * 9)
        split.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(em // 2, 0, 0, 0)
        rl.setSpacing(em // 4)
        top = QHBoxLayout()
        self.case_head = bold(QLabel(right), 1.15)
        self.case_head.setObjectName("minutesCaseHead")
        self.case_head.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.case_head, 1)
        self.prev_button = QPushButton(self.tr("◀ &Previous"), right)
        self.prev_button.setObjectName("previousCaseButton")
        self.prev_button.setToolTip(self.tr("Save and go to the previous case (Ctrl+PgUp, Alt+P)"))
        self.save_button = QPushButton(self.tr("Save"), right)
        self.save_button.setObjectName("saveCaseButton")
        self.save_button.setToolTip(self.tr("Save this case (Ctrl+S)"))
        self.next_button = QPushButton(self.tr("&Next ▶"), right)
        self.next_button.setObjectName("nextCaseButton")
        self.next_button.setToolTip(self.tr("Save and go to the next case (Ctrl+PgDown, Alt+N)"))
        for b in (self.prev_button, self.save_button, self.next_button):
            b.setAutoDefault(False)
            top.addWidget(b)
        self.prev_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        self.save_button.clicked.connect(lambda: self.save())
        rl.addLayout(top)
        self.state = QLabel(right)
        self.state.setObjectName("minutesState")
        muted(self.state)
        rl.addWidget(self.state)
        self.message = InlineMessage(right)
        self.message.setObjectName("minutesMessage")
        rl.addWidget(self.message)

        body = QWidget()
        self.body = body
        g = QGridLayout(body)
        g.setContentsMargins(0, 0, em // 2, 0)
        g.setHorizontalSpacing(em // 2)
        g.setVerticalSpacing(em // 4)
        g.setColumnStretch(2, 1)
        r = 0
        self.discussed = QCheckBox(self.tr("Dis&cussed at this meeting"), body)
        self.discussed.setObjectName("discussedCheck")
        g.addWidget(self.discussed, r, 0, 1, 3)
        r += 1
        g.addWidget(bold(QLabel(self.tr("Agencies' updates"), body)), r, 0, 1, 3)
        r += 1
        self.updates: dict[str, tuple[VocabCombo, QLineEdit]] = {}
        for agency, label, vocab in AGENCIES:
            caption = QLabel(_tr(label) + ":", body)
            status = VocabCombo(vocab, empty_text=self.tr("Not reported"))
            status.setObjectName(f"{agency}StatusCombo")
            status.setAccessibleName(self.tr("%1: status").replace("%1", _tr(label)))
            status.setMinimumContentsLength(18)
            note = QLineEdit(body)
            note.setObjectName(f"{agency}NoteEdit")
            note.setAccessibleName(self.tr("%1: note").replace("%1", _tr(label)))
            note.setPlaceholderText(self.tr("Note"))
            caption.setBuddy(status)
            g.addWidget(caption, r, 0)
            g.addWidget(status, r, 1)
            g.addWidget(note, r, 2)
            self.updates[agency] = (status, note)
            r += 1
        heard_label = QLabel(self.tr("The c&hild's views:"), body)
        bold(heard_label)
        self.child_heard = ChoiceCombo(choices(CHILD_HEARD), empty_text=self.tr("Not recorded"))
        self.child_heard.setObjectName("childHeardCombo")
        self.child_heard.setAccessibleName(self.tr("How the child was heard"))
        heard_label.setBuddy(self.child_heard)
        g.addWidget(heard_label, r, 0)
        g.addWidget(self.child_heard, r, 1)
        r += 1
        self.views_label = QLabel(body)
        g.addWidget(self.views_label, r, 0, Qt.AlignmentFlag.AlignTop)
        self.views = QPlainTextEdit(body)
        self.views.setObjectName("childViewsEdit")
        self.views.setTabChangesFocus(True)
        self.views.setFixedHeight(em * 4)
        g.addWidget(self.views, r, 1, 1, 2)
        r += 1
        dec_label = QLabel(self.tr("Deci&sions:"), body)
        bold(dec_label)
        self.decisions = QPlainTextEdit(body)
        self.decisions.setObjectName("decisionsEdit")
        self.decisions.setAccessibleName(self.tr("Decisions, one a line"))
        self.decisions.setPlaceholderText(self.tr("One decision a line"))
        self.decisions.setTabChangesFocus(True)
        self.decisions.setFixedHeight(em * 4)
        dec_label.setBuddy(self.decisions)
        g.addWidget(dec_label, r, 0, Qt.AlignmentFlag.AlignTop)
        g.addWidget(self.decisions, r, 1, 1, 2)
        r += 1

        g.addWidget(bold(QLabel(self.tr("Actions"), body)), r, 0, 1, 3)
        r += 1
        self.actions_label = QLabel(body)
        self.actions_label.setObjectName("actionsLabel")
        self.actions_label.setTextFormat(Qt.TextFormat.PlainText)
        self.actions_label.setWordWrap(True)
        self.actions_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        g.addWidget(self.actions_label, r, 0, 1, 3)
        r += 1
        self.action_bar = QWidget(body)
        ab = QHBoxLayout(self.action_bar)
        ab.setContentsMargins(0, 0, 0, 0)
        self.action_text = QLineEdit(self.action_bar)
        self.action_text.setObjectName("actionTextEdit")
        self.action_text.setAccessibleName(self.tr("New action: what"))
        self.action_text.setPlaceholderText(self.tr("New action: who does what"))
        self.action_owner = ChoiceCombo(placeholder_text=self.tr("Owner"))
        self.action_owner.setObjectName("actionOwnerCombo")
        self.action_owner.setAccessibleName(self.tr("New action: owner"))
        self.action_owner.setMinimumContentsLength(14)
        self.action_due = DateField(self.action_bar, initial=date.today())
        self.action_due.setObjectName("actionDueEdit")
        self.action_due.setAccessibleName(self.tr("New action: due on"))
        self.action_button = QPushButton(self.tr("Add ac&tion"), self.action_bar)
        self.action_button.setObjectName("addActionButton")
        self.action_button.setAutoDefault(False)
        self.action_button.clicked.connect(self.add_action)
        ab.addWidget(self.action_text, 2)
        ab.addWidget(self.action_owner, 1)
        ab.addWidget(self.action_due)
        ab.addWidget(self.action_button)
        g.addWidget(self.action_bar, r, 0, 1, 3)
        r += 1

        g.addWidget(bold(QLabel(self.tr("Outcome explained"), body)), r, 0, 1, 3)
        r += 1
        self.explained_label = QLabel(body)
        self.explained_label.setObjectName("explainedLabel")
        self.explained_label.setTextFormat(Qt.TextFormat.PlainText)
        g.addWidget(self.explained_label, r, 0, 1, 3)
        r += 1
        self.explain_bar = QWidget(body)
        eb = QHBoxLayout(self.explain_bar)
        eb.setContentsMargins(0, 0, 0, 0)
        self.explained_to = ChoiceCombo(choices(EXPLAINED_TO), placeholder_text=self.tr("To whom"))
        self.explained_to.setObjectName("explainedToCombo")
        self.explained_to.setAccessibleName(self.tr("Outcome explained to"))
        self.explained_on = DateField(self.explain_bar, latest=date.today())
        self.explained_on.setAccessibleName(self.tr("Outcome explained on"))
        self.explain_button = QPushButton(self.tr("Record e&xplained"), self.explain_bar)
        self.explain_button.setObjectName("recordExplainedButton")
        self.explain_button.setAutoDefault(False)
        self.explain_button.clicked.connect(self.record_explained)
        eb.addWidget(self.explained_to, 1)
        eb.addWidget(self.explained_on)
        eb.addWidget(self.explain_button)
        eb.addStretch(1)
        g.addWidget(self.explain_bar, r, 0, 1, 3)
        r += 1
        g.setRowStretch(r, 1)

        scroll = QScrollArea(right)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll = scroll
        rl.addWidget(scroll, 1)
        self.empty = QLabel(self.tr("The agenda is empty: add cases on the Agenda tab."), right)
        self.empty.setWordWrap(True)
        rl.addWidget(self.empty)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([em * 11, em * 60])

        # changes mark the case unsaved and keep a draft a moment later
        self.discussed.toggled.connect(self._edited)
        for status, note in self.updates.values():
            status.valueChanged.connect(self._edited)
            note.textChanged.connect(self._edited)
        self.child_heard.valueChanged.connect(self._heard_changed)
        for edit in (self.views, self.decisions):
            edit.textChanged.connect(self._edited)

        # the keyboard: next / previous case (and save), save
        for keys, step in ((("Ctrl+PgDown", "Alt+N"), 1), (("Ctrl+PgUp", "Alt+P"), -1)):
            for k in keys:
                sc = QShortcut(QKeySequence(k), self)
                sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                sc.activated.connect(lambda step=step: self.go(step))
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(lambda: self.save())
        self._heard_changed(None)

    # the meeting shown ------------------------------------------------------------------------------
    def set_meeting(self, view: dict | None, editable: bool, drafts: dict[int, dict] | None = None) -> None:
        """Show a meeting's agenda. A case with unsaved edits stays as it is when the same
        meeting is read again (e.g. after an action was added); drafts {item id: payload} kept in
        the record come back into their cases."""
        same = view is not None and self.meeting_id == view.get("id")
        current_id = self.current["id"] if (same and self.current) else None
        self.meeting_id = view["id"] if view else None
        self.editable = editable
        self.items = sorted((view or {}).get("items") or [], key=lambda i: i.get("position") or 0)
        self._restored: dict[int, dict] = dict(drafts or {})
        if not same:
            self.message.clear()
            self._dirty = False
        self._fill_list()
        for w in (self.action_bar, self.explain_bar):
            w.setVisible(editable)
        self.save_button.setVisible(editable)
        self._set_read_only(not editable)
        if not self.items:
            self.current = None
            self.scroll.hide()
            self.empty.setVisible(view is not None)
            self.case_head.setText("")
            self.state.setText("")
            self._update_buttons()
            return
        self.scroll.show()
        self.empty.hide()
        row = next((i for i, it in enumerate(self.items) if it["id"] == current_id), None)
        if row is None and self._restored:
            row = next((i for i, it in enumerate(self.items) if it["id"] in self._restored), 0)
        if row is None:
            row = 0
        if current_id is not None and row is not None and self.items[row]["id"] == current_id and self._dirty:
            self.current = self.items[row]
            self._fill_derived(self.current)   # keep what is being typed; actions and outcome are new
            self.case_list.blockSignals(True)
            self.case_list.setCurrentRow(row)
            self.case_list.blockSignals(False)
            self._update_buttons()
            return
        self.case_list.blockSignals(True)
        self.case_list.setCurrentRow(row)
        self.case_list.blockSignals(False)
        self._show_item(row)

    def _fill_list(self) -> None:
        self.case_list.blockSignals(True)
        self.case_list.clear()
        for n, it in enumerate(self.items, 1):
            mark = " ✓" if it.get("discussed") else ""
            li = QListWidgetItem("%d. %s%s" % (n, it.get("case_reference") or "", mark), self.case_list)
            li.setData(ID_ROLE, it["id"])
            li.setToolTip(word(REASONS, it.get("reason")))
        self.case_list.blockSignals(False)

    def _row_changed(self, row: int) -> None:
        if self._filling or row < 0 or row >= len(self.items):
            return
        if self.current is not None and self.items[row]["id"] == self.current["id"]:
            return
        if self._dirty and self.editable:
            target = row
            # back to the case being written until it is saved; then on to the one chosen
            self.case_list.blockSignals(True)
            self.case_list.setCurrentRow(self._index())
            self.case_list.blockSignals(False)
            self.save(then=lambda: self._goto(target))
            return
        self._show_item(row)

    def _index(self) -> int:
        if self.current is None:
            return -1
        return next((i for i, it in enumerate(self.items) if it["id"] == self.current["id"]), -1)

    def _goto(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.case_list.blockSignals(True)
            self.case_list.setCurrentRow(row)
            self.case_list.blockSignals(False)
            self._show_item(row)

    def _show_item(self, row: int) -> None:
        it = self.items[row]
        self.current = it
        restored = self._restored.pop(it["id"], None)
        values = dict(it)
        if restored is not None:
            values.update(restored)
        self._fill(values)
        self._fill_derived(it)
        self._dirty = restored is not None
        if restored is not None:
            self.message.show_info(self.tr("Your unsaved minutes of this case were kept in the record when it "
                                           "locked; they are back. Save them, or go on writing."))
        self.state.setText(self.tr("Not saved yet: a draft is kept.") if self._dirty else "")
        self._update_buttons()

    def _fill(self, v: dict) -> None:
        self._filling = True
        try:
            self.discussed.setChecked(bool(v.get("discussed")))
            ups = v.get("updates") or {}
            for agency, (status, note) in self.updates.items():
                u = ups.get(agency) or {}
                status.set_value(u.get("status"))
                note.setText(u.get("note") or "")
            self.child_heard.set_value(v.get("child_heard"))
            text = v.get("child_not_heard_reason") if v.get("child_heard") == "not_heard" else v.get("child_views")
            self.views.setPlainText(text or "")
            self.decisions.setPlainText("\n".join(v.get("decisions") or []))
            self._heard_changed(None)
        finally:
            self._filling = False

    def _fill_derived(self, it: dict) -> None:
        n = self._index() + 1
        self.case_head.setText(self.tr("Case %1 · %2 of %3 · %4").replace("%1", it.get("case_reference") or "")
                               .replace("%2", str(n)).replace("%3", str(len(self.items)))
                               .replace("%4", word(REASONS, it.get("reason"))))
        lines = []
        for a in it.get("actions") or []:
            owner = a.get("owner_name") or ""
            if a.get("agency"):
                owner = "%s (%s)" % (owner, a["agency"])
            line = self.tr("• %1: %2, due %3, %4").replace("%1", a.get("text") or "").replace("%2", owner).replace(
                "%3", a.get("due_on") or "").replace("%4", word(ACTION_STATUS, a.get("status")).lower())
            if a.get("overdue"):
                line += " " + self.tr("(overdue)")
            lines.append(line)
        self.actions_label.setText("\n".join(lines) if lines else self.tr("No action for this case yet."))
        if it.get("outcome_explained_on"):
            self.explained_label.setText(self.tr("Explained to %1 on %2 by %3.")
                                         .replace("%1", word(EXPLAINED_TO, it.get("outcome_explained_to")).lower())
                                         .replace("%2", it["outcome_explained_on"])
                                         .replace("%3", it.get("outcome_explained_by_name") or ""))
        else:
            self.explained_label.setText(self.tr("Not explained to the child or carer yet."))
        if self.editable and self._owners is None:
            self._owners = ([(f"user:{uid}", n) for uid, n in staff_choices(self.session)]
                            + [(f"contact:{cid}", n) for cid, n in contact_choices(self.session)])
            self.action_owner.set_choices(self._owners)

    def _heard_changed(self, _value) -> None:
        if self.child_heard.value() == "not_heard":
            self.views_label.setText(self.tr("Why not hea&rd:"))
            self.views.setAccessibleName(self.tr("Why the child was not heard"))
            self.views.setPlaceholderText(self.tr("Required: why the child's views were not heard"))
        else:
            self.views_label.setText(self.tr("&Views:"))
            self.views.setAccessibleName(self.tr("The child's views"))
            self.views.setPlaceholderText(self.tr("The child's views, in their words where possible"))
        self.views_label.setBuddy(self.views)
        self._edited()

    def _set_read_only(self, ro: bool) -> None:
        self.discussed.setEnabled(not ro)
        for status, note in self.updates.values():
            status.setEnabled(not ro)
            note.setReadOnly(ro)
        self.child_heard.setEnabled(not ro)
        self.views.setReadOnly(ro)
        self.decisions.setReadOnly(ro)

    def _update_buttons(self) -> None:
        i = self._index()
        self.prev_button.setEnabled(i > 0)
        self.next_button.setEnabled(0 <= i < len(self.items) - 1)
        self.save_button.setEnabled(self.editable and self._dirty)

    # edits and drafts -------------------------------------------------------------------------------------
    def _edited(self, *_a) -> None:
        if self._filling or not self.editable or self.current is None:
            return
        if self.sender() is not self.discussed and not self.discussed.isChecked():
            # writing about a case means it was discussed (the box can still be unticked)
            self.discussed.blockSignals(True)
            self.discussed.setChecked(True)
            self.discussed.blockSignals(False)
        self._dirty = True
        self.state.setText(self.tr("Not saved yet."))
        self.save_button.setEnabled(True)
        self._draft_timer.start()

    def is_dirty(self) -> bool:
        return self._dirty and self.editable and self.current is not None

    def values(self) -> dict:
        """What record_item takes: every part as shown (an emptied part is emptied; the views, or
        why the child was not heard, as the choice above says)."""
        heard = self.child_heard.value()
        text = self.views.toPlainText().strip()
        return {
            "discussed": self.discussed.isChecked(),
            "child_heard": heard,
            "child_views": text if heard in ("directly", "trusted_person") else None,
            "child_not_heard_reason": text if heard == "not_heard" else None,
            "updates": {a: {"status": s.value(), "note": n.text().strip() or None}
                        for a, (s, n) in self.updates.items()},
            "decisions": [line.strip() for line in self.decisions.toPlainText().splitlines() if line.strip()],
        }

    def draft_payload(self) -> dict:
        return {"version": DRAFT_VERSION, "meeting_id": self.meeting_id, "item_id": self.current["id"],
                **self.values()}

    def keep_draft(self) -> None:
        """A moment after the last change: the case as typed, kept in the record (off the GUI thread)."""
        if not self.is_dirty():
            return
        s, item_id, payload = self.session, self.current["id"], self.draft_payload()

        def kept(_r) -> None:
            if self.is_dirty() and self.current and self.current["id"] == item_id:
                self.state.setText(self.tr("Not saved yet: a draft is kept."))

        run_operation(self, lambda: s.save_draft(DRAFT_KIND, item_id, payload), kept, errors=self.message)

    def keep_draft_now(self) -> bool:
        """On lock: the unsaved case kept as a draft at once, on the GUI thread (the session
        closes right after). False if the record refused it (the message says why)."""
        self._draft_timer.stop()
        if not self.is_dirty():
            return True
        try:
            self.session.save_draft(DRAFT_KIND, self.current["id"], self.draft_payload())
        except BarnahusError as e:
            self.message.show_error(core_message(e))
            return False
        return True

    def save(self, then=None) -> None:
        """Store the case through the core (record_item); the draft goes. then() runs once it is
        stored (e.g. the next case is shown); nothing moves if the core refuses."""
        if not self.editable or self.current is None:
            if then is not None:
                then()
            return
        if not self._dirty:
            self._draft_timer.stop()
            if then is not None:
                then()
            return
        self._draft_timer.stop()
        s, item_id, v = self.session, self.current["id"], self.values()

        def store():   # on the record's thread
            s.record_item(item_id, **v)
            # Always: a draft of this case may be on its way to the record (keep_draft runs on
            # this thread before us, but its answer, which marks it kept, comes after our call).
            # discard_draft is a no-op when there is none.
            s.discard_draft(DRAFT_KIND, item_id)

        def stored(_r) -> None:
            if self.current is not None and self.current["id"] == item_id:
                self.current.update(v)
                self.message.clear()
                if self.values() == v:
                    self._dirty = False
                    self.state.setText(self.tr("Saved."))
                else:   # typed on while it was being stored: that is not saved yet (its draft follows)
                    self.state.setText(self.tr("Not saved yet."))
            for n, it in enumerate(self.items):
                if it["id"] == item_id:
                    it.update(v)
                    li = self.case_list.item(n)
                    if li is not None:
                        li.setText("%d. %s%s" % (n + 1, it.get("case_reference") or "", " ✓" if v["discussed"] else ""))
            self._update_buttons()
            if then is not None:
                then()
            self.changed.emit()

        run_operation(self, store, stored, errors=self.message, hold=(self.save_button,))

    def focus_case(self) -> None:
        """The keyboard into the case shown (e.g. one whose unsaved minutes came back), so that
        Ctrl+S and the next/previous keys work at once."""
        if self.current is not None:
            (self.discussed if self.editable else self.case_list).setFocus(Qt.FocusReason.OtherFocusReason)

    def go(self, step: int) -> None:
        """Save this case, then show the next (1) or previous (-1) one."""
        i = self._index()
        target = i + step
        if i < 0 or not 0 <= target < len(self.items):
            self.save()
            return
        self.save(then=lambda: (self._goto(target), self.discussed.setFocus()))

    def clear(self) -> None:
        self._draft_timer.stop()
        self.meeting_id = None
        self.items = []
        self.current = None
        self._dirty = False
        self.case_list.clear()
        self._fill({})
        self.actions_label.clear()
        self.explained_label.clear()
        self.case_head.clear()
        self.message.clear()

    # actions and outcome -------------------------------------------------------------------------------------
    def add_action(self) -> None:
        if self.current is None:
            return
        text, owner, due = self.action_text.text().strip(), self.action_owner.value(), self.action_due.value()
        if not text:
            self.message.show_error(self.tr("Write what is to be done first."))
            self.action_text.setFocus()
            return
        if owner is None:
            self.message.show_error(self.tr("Choose who does it."))
            self.action_owner.setFocus()
            return
        kind, _sep, ident = owner.partition(":")
        who = {"owner_user_id": int(ident)} if kind == "user" else {"owner_contact_id": int(ident)}
        s, case_id, item_id = self.session, self.current["case_id"], self.current["id"]

        def added(_id) -> None:
            self.action_text.clear()
            self.message.show_info(self.tr("Action added."))
            self.action_text.setFocus()
            self.changed.emit()

        run_operation(self, lambda: s.add_team_action(case_id, text, due, item_id=item_id, **who), added,
                      errors=self.message, hold=(self.action_button,))

    def record_explained(self) -> None:
        if self.current is None:
            return
        to, on = self.explained_to.value(), self.explained_on.value()
        if to is None:
            self.message.show_error(self.tr("Choose to whom the outcome was explained."))
            self.explained_to.setFocus()
            return
        s, item_id = self.session, self.current["id"]
        run_operation(self, lambda: s.record_outcome_explained(item_id, on, to), lambda _r: self.changed.emit(),
                      errors=self.message, hold=(self.explain_button,))
