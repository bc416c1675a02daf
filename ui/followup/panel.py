"""The case workspace's "Follow-up" tab: each child's follow-up plan (followup_plan): every rule
with what it is, when, its next due date and status; for the one selected, its open dates and
its history (completed, declined with the reason, snoozed). A coordinator adds, changes and ends
rules and records full recovery (with the MDT meeting) and a relapse; a role that may not update
follow-up reads the plan. session.can() only shapes the view; the core decides. Reads run off
the GUI thread (run_operation); `loading` is true while one is under way."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel

from barnahus_app.followup.actions import local_today

from ui.common.dates import date_text
from ui.common.feedback import InlineMessage, bold, empty_label, muted, read_only_table, row_items
from ui.common.case_tab import CaseTabPanel
from ui.common.vocab_widgets import ChoiceCombo
from ui.followup.dialogs import (
    DISCIPLINE_WORDS, KINDS, EndRuleDialog, FullRecoveryDialog, RelapseDialog, RuleDialog, word,
)
from ui.medical.panel import child_name

STATUS = {
    "active": QT_TRANSLATE_NOOP("FollowUpPanel", "Active"),
    "done": QT_TRANSLATE_NOOP("FollowUpPanel", "Done"),
    "declined": QT_TRANSLATE_NOOP("FollowUpPanel", "Ended (declined)"),
    "recovered": QT_TRANSLATE_NOOP("FollowUpPanel", "Ended by full recovery"),
    "needs_date_of_birth": QT_TRANSLATE_NOOP("FollowUpPanel", "Waits for a date of birth"),
    "needs_due_date": QT_TRANSLATE_NOOP("FollowUpPanel", "Needs a date"),
}
EVENTS = {
    "completed": QT_TRANSLATE_NOOP("FollowUpPanel", "Completed"),
    "declined": QT_TRANSLATE_NOOP("FollowUpPanel", "Declined"),
    "snoozed": QT_TRANSLATE_NOOP("FollowUpPanel", "Snoozed"),
}


class FollowUpPanel(CaseTabPanel):
    """The "Follow-up" page of a saved case."""

    def __init__(self, session, case_id: int, children: list | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("followupPanel")
        self.session = session
        self.case_id = case_id
        self.children = [{"person_id": c["person_id"], "name": child_name(c)} for c in children or []]
        self.plan: dict = {}
        self.rules: list[dict] = []
        self.dialog: QDialog | None = None
        self._select: int | None = None
        self.can_create = session.can("followup", "create")
        self.can_update = session.can("followup", "update")
        self._build()

    # construction ------------------------------------------------------------------------------
    def _build(self) -> None:
        em = self.fontMetrics().height()
        outer, top = self._page(self.tr("Follow-up plan"))
        self.child = ChoiceCombo([(c["person_id"], c["name"]) for c in self.children])
        self.child.setObjectName("followupChildCombo")
        self.child.setAccessibleName(self.tr("Child"))
        child_label = QLabel(self.tr("C&hild:"), self)
        child_label.setBuddy(self.child)
        for w in (child_label, self.child):
            w.setVisible(len(self.children) > 1)
            top.addWidget(w)
        if self.children:
            self.child.set_value(self.children[0]["person_id"])
        self.child.valueChanged.connect(lambda _v: self.refresh())
        top.addStretch(1)
        self.add_button = self._button(self, self.tr("&New rule…"), "addRuleButton", self.add_rule, top)
        self.add_button.setToolTip(self.tr("Add a rule to the plan (Ctrl+N)"))
        self.recovery_button = self._button(self, self.tr("Full re&covery…"), "fullRecoveryButton",
                                            self.full_recovery, top)
        self.relapse_button = self._button(self, self.tr("&Relapse…"), "relapseButton", self.relapse, top)
        for b in (self.add_button, self.recovery_button, self.relapse_button):
            b.setVisible(self.can_create)
        add_key = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        add_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_key.activated.connect(self.add_rule)
        self.message = InlineMessage(self)
        self.message.setObjectName("followupMessage")
        outer.addWidget(self.message)
        self.plan_note = QLabel(self)
        self.plan_note.setObjectName("followupPlanNote")
        self.plan_note.setWordWrap(True)
        self.plan_note.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.plan_note)

        self.r_view, self.r_model = read_only_table(
            self, "followupRulesTable",
            [self.tr("Follow-up"), self.tr("When"), self.tr("Next due"), self.tr("Status"), self.tr("For"),
             self.tr("Note")],
            self.tr("The child's follow-up rules"), [em * 14, em * 16, em * 7, em * 11, em * 7])
        self.r_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_rule())
        outer.addWidget(self.r_view, 3)
        self.r_empty = empty_label(self)
        self.r_empty.setText(self.tr("No follow-up is planned for this child yet."))
        outer.addWidget(self.r_empty)

        bar = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setObjectName("followupRuleSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addWidget(self.summary, 1)
        self.change_button = self._button(self, self.tr("Chan&ge…"), "changeRuleButton", self.change_rule, bar)
        self.end_button = self._button(self, self.tr("&End the rule…"), "endRuleButton", self.end_rule, bar)
        outer.addLayout(bar)
        hist = bold(QLabel(self.tr("History"), self))
        outer.addWidget(hist)
        self.h_view, self.h_model = read_only_table(
            self, "followupHistoryTable", [self.tr("On"), self.tr("What"), self.tr("Of"), self.tr("Reason or note")],
            self.tr("What was done about this rule"), [em * 7, em * 16, em * 9])
        outer.addWidget(self.h_view, 2)
        self.h_empty = muted(empty_label(self))
        self.h_empty.setText(self.tr("Nothing was done about this rule yet."))
        outer.addWidget(self.h_empty)
        self.recoveries = QLabel(self)
        self.recoveries.setObjectName("followupRecoveries")
        self.recoveries.setWordWrap(True)
        self.recoveries.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.recoveries)
        self._show_rule()


    # reading -------------------------------------------------------------------------------------
    def person_id(self) -> int | None:
        return self.child.value()

    def child_text(self) -> str:
        pid = self.person_id()
        return next((c["name"] for c in self.children if c["person_id"] == pid), "")

    def focus_order(self) -> tuple:
        return (self.r_view, self.add_button)

    def refresh(self, select: int | None = None) -> None:
        pid = self.person_id()
        if pid is None:
            self._loaded({}, None)
            return
        s = self.session
        keep = select if select is not None else (self.selected() or {}).get("id")
        self._read(lambda: s.followup_plan(pid), lambda plan: self._loaded(plan, keep))

    def _loaded(self, plan: dict, keep: int | None) -> None:
        if self._select is not None:   # a rule asked for while reading (select_rule)
            keep, self._select = self._select, None
        self.plan = plan or {}
        self.rules = list(self.plan.get("rules") or [])
        self.r_view.selectionModel().blockSignals(True)
        self.r_model.removeRows(0, self.r_model.rowCount())
        for r in self.rules:
            self.r_model.appendRow(row_items([
                self.kind_text(r), self.schedule_text(r), date_text(r.get("next_due")), self.status_text(r),
                word(DISCIPLINE_WORDS, r.get("discipline")), (r.get("note") or "").replace("\n", " ")], r["id"]))
        self.r_view.selectionModel().blockSignals(False)
        row = next((i for i, r in enumerate(self.rules) if r["id"] == keep), 0 if self.rules else -1)
        if row >= 0:
            self.r_view.selectRow(row)
            self.r_view.scrollTo(self.r_model.index(row, 0))
        self.r_view.setVisible(bool(self.rules))
        self.r_empty.setVisible(not self.rules)
        waiting = sorted({a for r in self.rules if r.get("status") == "needs_date_of_birth" for a in r.get("ages") or []})
        self.plan_note.setText(self.tr("No date of birth is recorded for %1: the milestones at ages %2 wait for "
                                       "one. Record it on the Persons tab.")
                               .replace("%1", self.child_text()).replace("%2", ", ".join(map(str, waiting)))
                               if waiting else "")
        self.plan_note.setVisible(bool(waiting))
        recs = self.plan.get("full_recoveries") or []
        self.recoveries.setText("\n".join(
            (self.tr("Full recovery recorded on %1, decided at the MDT meeting of %2.")
             .replace("%1", date_text(f.get("recovered_on"))).replace("%2", date_text(f["meeting_on"]))
             if f.get("meeting_on") else
             self.tr("Full recovery recorded on %1.").replace("%1", date_text(f.get("recovered_on"))))
            + (" " + f["basis"] if f.get("basis") else "") for f in recs))
        self.recoveries.setVisible(bool(recs))
        self._show_rule()

    # texts -----------------------------------------------------------------------------------------
    def kind_text(self, r: dict) -> str:
        if r.get("subject_kind") == "full_recovery":
            return self.tr("Recurring review after a relapse")
        return word(KINDS, r.get("kind"))

    def schedule_text(self, r: dict) -> str:
        kind = r.get("kind")
        if kind == "age_milestone":
            return self.tr("At ages %1").replace("%1", ", ".join(map(str, r.get("ages") or [])))
        if kind == "statute_warning":
            return self.tr("Before the limitation period ends")
        if r.get("interval_months"):
            return self.tr("Every %1 months from %2").replace("%1", str(r["interval_months"])).replace(
                "%2", date_text(r.get("due_on")))
        return self.tr("Once, on %1").replace("%1", date_text(r.get("due_on")))

    def status_text(self, r: dict) -> str:
        st = r.get("status")
        if st == "active" and (r.get("next_due") or "9") < local_today().isoformat():
            return self.tr("Active, overdue")
        if st in STATUS:
            return word(STATUS, st)
        return self.tr("Not computed: see the statute of limitations")

    def occurrence_text(self, key: str) -> str:
        kind, _s, rest = (key or "").partition(":")
        if kind == "age":
            return self.tr("Age %1").replace("%1", rest)
        if kind == "expiry":
            return self.tr("Limitation ends %1").replace("%1", date_text(rest))
        return date_text(rest)

    def event_text(self, e: dict) -> str:
        what = word(EVENTS, e.get("action"))
        if e.get("action") == "snoozed":
            return self.tr("Snoozed to %1").replace("%1", date_text(e.get("new_due")))
        if e.get("action") == "declined" and e.get("new_due"):
            return self.tr("Declined; offer again on %1").replace("%1", date_text(e.get("new_due")))
        return what

    def pending_text(self, p: dict) -> str:
        """One open date: "Age 15 on 5/6/2029", "due 3/14/2031", "2/18/2025, snoozed to 2/18/2027"."""
        occ, due, flag = p.get("occurrence") or "", date_text(p.get("due")), p.get("flag")
        if occ.startswith("age:"):
            return self.tr("age %1 on %2").replace("%1", occ[4:]).replace("%2", due)
        if occ.startswith("expiry:"):
            return self.tr("the warning on %1").replace("%1", due)
        if flag == "snoozed":
            return self.tr("%1, snoozed to %2").replace("%1", self.occurrence_text(occ)).replace("%2", due)
        if flag == "offer_again":
            return self.tr("%1, offered again on %2").replace("%1", self.occurrence_text(occ)).replace("%2", due)
        return self.tr("due %1").replace("%1", due)

    # the selected rule -------------------------------------------------------------------------------
    def selected(self) -> dict | None:
        idx = self.r_view.currentIndex()
        return self.rules[idx.row()] if idx.isValid() and 0 <= idx.row() < len(self.rules) else None

    def select_rule(self, rule_id: int, person_id: int | None = None) -> None:
        """Show this rule (Today opens the tab on it): its child's plan, the rule selected."""
        if person_id is not None and person_id != self.person_id() and any(
                c["person_id"] == person_id for c in self.children):
            self._select = rule_id
            self.child.set_value(person_id)   # reads that child's plan
            return
        row = next((i for i, r in enumerate(self.rules) if r["id"] == rule_id), None)
        if row is None or self.loading:
            self._select = rule_id
            if not self.loading:
                self.refresh(rule_id)
            return
        self.r_view.selectRow(row)

    def _show_rule(self) -> None:
        r = self.selected()
        self.h_model.removeRows(0, self.h_model.rowCount())
        if r is None:
            self.summary.setText("")
        else:
            pending = r.get("pending") or []
            lines = [self.tr("Open: %1").replace("%1", "; ".join(self.pending_text(p) for p in pending))
                     if pending else self.tr("Nothing is open.")]
            if r.get("case_reference"):
                lines.append(self.tr("Case %1").replace("%1", r["case_reference"]))
            self.summary.setText("  ".join(lines))
            for e in r.get("events") or []:
                self.h_model.appendRow(row_items([date_text(e.get("on_date")), self.event_text(e),
                                                  self.occurrence_text(e.get("occurrence")),
                                                  (e.get("reason") or "").replace("\n", " ")], e["id"]))
            self.h_view.scrollToBottom()   # the latest first in sight
        has_history = bool(r and r.get("events"))
        self.h_view.setVisible(has_history)
        self.h_empty.setVisible(r is not None and not has_history)
        mine = r is not None and ("coordinator" in self.session.roles or r.get("discipline") in self.session.roles)
        editable = mine and r.get("kind") != "statute_warning"
        self.change_button.setVisible(self.can_update)
        self.end_button.setVisible(self.can_update)
        self.change_button.setEnabled(bool(editable))
        self.end_button.setEnabled(bool(editable and r.get("pending")))
        self.relapse_button.setEnabled(bool(self.plan.get("full_recoveries")))
        self.recovery_button.setEnabled(self.person_id() is not None)
        self.add_button.setEnabled(self.person_id() is not None)

    # actions ---------------------------------------------------------------------------------------


    def add_rule(self) -> QDialog | None:
        pid = self.person_id()
        if not self.can_create or self.dialog is not None or pid is None:
            return None
        return self._open(RuleDialog(self.session, pid, self.case_id, None, self), lambda d: self._after(d.rule_id))

    def change_rule(self) -> QDialog | None:
        r = self.selected()
        if r is None or not self.change_button.isEnabled() or self.dialog is not None:
            return None
        return self._open(RuleDialog(self.session, r["person_id"], self.case_id, r, self),
                          lambda d: self._after(r["id"]))

    def end_rule(self) -> QDialog | None:
        r = self.selected()
        if r is None or not self.end_button.isEnabled() or self.dialog is not None:
            return None
        return self._open(EndRuleDialog(self.session, r, self), lambda d: self._after(r["id"]))

    def full_recovery(self) -> QDialog | None:
        pid = self.person_id()
        if not self.can_create or self.dialog is not None or pid is None:
            return None
        return self._open(FullRecoveryDialog(self.session, pid, self.case_id, self.child_text(), self),
                          lambda d: self._after())

    def relapse(self) -> QDialog | None:
        pid = self.person_id()
        if not self.can_create or self.dialog is not None or pid is None or not self.relapse_button.isEnabled():
            return None
        return self._open(RelapseDialog(self.session, pid, self.case_id, self), lambda d: self._after(d.rule_id))


