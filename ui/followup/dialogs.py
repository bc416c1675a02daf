"""The Follow-up tab's dialogs: add or change a rule, end one, record full recovery and a relapse.
Each is one core call (FormDialog: the core's message beside the field it names, nothing decided
here; what was typed stays when the core refuses it)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLineEdit

from barnahus_app.errors import BarnahusError
from barnahus_app.followup.actions import CREATABLE_KINDS, DISCIPLINES

from ui.common.dates import DateField, date_text
from ui.common.feedback import FormDialog
from ui.common.vocab_widgets import ChoiceCombo
from ui.medical.dialogs import named_text_box

CONTEXT = "FollowUpPanel"
KINDS = {
    "recurring_review": QT_TRANSLATE_NOOP("FollowUpPanel", "Recurring review"),
    "age_milestone": QT_TRANSLATE_NOOP("FollowUpPanel", "Age milestones"),
    "court_date": QT_TRANSLATE_NOOP("FollowUpPanel", "Court date"),
    "action_item": QT_TRANSLATE_NOOP("FollowUpPanel", "Action item"),
    "compensation_deadline": QT_TRANSLATE_NOOP("FollowUpPanel", "Compensation deadline"),
    "carer_survey": QT_TRANSLATE_NOOP("FollowUpPanel", "Carers' survey"),
    "other": QT_TRANSLATE_NOOP("FollowUpPanel", "Other date"),
    "guardian_review": QT_TRANSLATE_NOOP("FollowUpPanel", "Guardian review"),
    "fixity_check": QT_TRANSLATE_NOOP("FollowUpPanel", "Fixity check of a recording"),
    "statute_warning": QT_TRANSLATE_NOOP("FollowUpPanel", "Statute-of-limitation warning"),
}
DISCIPLINE_WORDS = {
    "coordinator": QT_TRANSLATE_NOOP("FollowUpPanel", "Coordinator"),
    "therapist": QT_TRANSLATE_NOOP("FollowUpPanel", "Therapist"),
    "medical": QT_TRANSLATE_NOOP("FollowUpPanel", "Medical"),
    "interviewer": QT_TRANSLATE_NOOP("FollowUpPanel", "Interviewer"),
    "liaison": QT_TRANSLATE_NOOP("FollowUpPanel", "Liaison"),
}
INTERVAL_KINDS = ("recurring_review", "guardian_review", "fixity_check")
EARLIEST = date(1950, 1, 1)   # a plan may hold old dates (an overdue review stays overdue)


def word(table: dict, code: str | None) -> str:
    return QCoreApplication.translate(CONTEXT, table[code]) if code in table else (code or "")


def number_or_text(text: str):
    """A whole number as typed, else the text itself: the core says what is wrong with it."""
    t = text.strip()
    if not t:
        return None
    return int(t) if t.isdigit() else t


class RuleDialog(FormDialog):
    """Add a rule to a child's plan (rule None) or change one: only what was changed is sent, so a
    court date's time or an unchanged date is kept."""

    width_em = 34
    ALIASES = {"due_at": "due_on", "time_zone": "due_on"}

    def __init__(self, session, person_id: int, case_id: int, rule: dict | None = None, parent=None):
        self.person_id = person_id
        self.case_id = case_id
        self.rule = rule
        self.rule_id: int | None = rule["id"] if rule else None
        super().__init__(session, parent)
        self.setObjectName("followupRuleDialog")
        if rule is None:
            self.setWindowTitle(self.tr("Add a follow-up rule"))
            self.ok_button.setText(self.tr("&Add"))
            self.kind.setFocus()
        else:
            self.setWindowTitle(self.tr("Change the follow-up rule"))
            self.ok_button.setText(self.tr("&Save"))
            self.intro.setText(word(KINDS, rule["kind"]))
            first = {"age_milestone": self.ages}.get(rule["kind"])
            (first or (self.interval if rule["kind"] in INTERVAL_KINDS else self.due_on)).setFocus()
        self.ok_button.setObjectName("followupRuleOk")
        self._kind_changed()

    def build(self) -> None:
        self.kind = ChoiceCombo([(k, word(KINDS, k)) for k in CREATABLE_KINDS], self)   # owned: not in a row
        self.kind.setObjectName("followupKindCombo")
        r = self.rule or {}
        if self.rule is None:
            self.kind.set_value("recurring_review")
            self.add_field("kind", self.tr("&Kind:"), self.kind, accessible=self.tr("Kind of follow-up"))
            self.kind.valueChanged.connect(lambda _v: self._kind_changed())
        else:
            self.kind.hide()   # a rule's kind does not change
        self.due_on = DateField(empty_text=self.tr("Not chosen"), earliest=EARLIEST)
        self.due_on.setObjectName("followupDueOn")
        if r.get("due_on"):
            self.due_on.set_value(date.fromisoformat(r["due_on"]))
        self.add_field("due_on", self.tr("&Date:"), self.due_on, accessible=self.tr("Date"))
        self.interval = QLineEdit(str(r["interval_months"]) if r.get("interval_months") else "")
        self.interval.setObjectName("followupInterval")
        self.add_field("interval_months", self.tr("E&very (months):"), self.interval,
                       accessible=self.tr("Every how many months"))
        self.ages = QLineEdit(", ".join(map(str, r.get("ages") or [])))
        self.ages.setObjectName("followupAges")
        self.ages.setPlaceholderText("12, 15, 18")
        self.add_field("ages", self.tr("A&ges:"), self.ages, accessible=self.tr("Ages"))
        self.discipline = ChoiceCombo([(d, word(DISCIPLINE_WORDS, d)) for d in DISCIPLINES])
        self.discipline.setObjectName("followupDiscipline")
        self.discipline.set_value(r.get("discipline") or "coordinator")
        self.add_field("discipline", self.tr("D&iscipline:"), self.discipline, accessible=self.tr("Discipline"))
        self.note = named_text_box(self, "followupNote", 3)
        self.note.setPlainText(r.get("note") or "")
        self.add_field("note", self.tr("&Note:"), self.note, accessible=self.tr("Note"))

    def current_kind(self) -> str:
        return self.rule["kind"] if self.rule else (self.kind.value() or "recurring_review")

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        self.set_row_visible("interval_months", kind in INTERVAL_KINDS)
        self.set_row_visible("ages", kind == "age_milestone")
        hint = {"recurring_review": self.tr("The first review (empty: in as many months as the interval)."),
                "age_milestone": self.tr("Milestones count from this day (empty: today).")}.get(kind, "")
        self.due_on.setToolTip(hint)
        self.grow_to_fit()

    def values(self) -> dict:
        kind = self.current_kind()
        out = {"due_on": self.due_on.value(), "discipline": self.discipline.value(),
               "note": self.note.toPlainText().strip() or None}
        if kind in INTERVAL_KINDS:
            out["interval_months"] = number_or_text(self.interval.text())
        if kind == "age_milestone":
            out["ages"] = self.ages.text().strip() or None
        return out

    def operation(self):
        s, values = self.session, self.values()
        if self.rule is None:
            kind, pid, cid = self.current_kind(), self.person_id, self.case_id
            return lambda: s.add_followup_rule(pid, kind, cid, **values)
        r = self.rule
        current = {"due_on": r.get("due_on"), "discipline": r.get("discipline"), "note": r.get("note"),
                   "interval_months": r.get("interval_months"), "ages": ", ".join(map(str, r.get("ages") or []))
                   or None}
        changed = {k: v for k, v in values.items() if v != current[k]}
        rid = self.rule_id
        return lambda: s.update_followup_rule(rid, **changed)

    def succeeded(self, result) -> None:
        if self.rule is None:
            self.rule_id = result


class EndRuleDialog(FormDialog):
    width_em = 30

    def __init__(self, session, rule: dict, parent=None):
        self.rule = rule
        super().__init__(session, parent)
        self.setObjectName("followupEndDialog")
        self.setWindowTitle(self.tr("End the follow-up rule"))
        self.intro.setText(self.tr("Every open date of this rule is declined with the reason; its history "
                                   "keeps what was done."))
        self.ok_button.setText(self.tr("&End the rule"))
        self.reason.setFocus()

    def build(self) -> None:
        self.reason = named_text_box(self, "followupEndReason", 3)
        self.add_field("reason", self.tr("&Reason:"), self.reason, accessible=self.tr("Reason"))

    def operation(self):
        s, rid, reason = self.session, self.rule["id"], self.reason.toPlainText()
        return lambda: s.end_followup_rule(rid, reason)


class FullRecoveryDialog(FormDialog):
    """The MDT's decision that the child has fully recovered, with the meeting when one is chosen."""

    width_em = 34
    ALIASES = {"meeting_id": "meeting"}

    def __init__(self, session, person_id: int, case_id: int, child_name: str, parent=None):
        self.person_id = person_id
        self.case_id = case_id
        super().__init__(session, parent)
        self.setObjectName("fullRecoveryDialog")
        self.setWindowTitle(self.tr("Record full recovery"))
        self.intro.setText(self.tr("The team's decision that %1 has fully recovered ends the recurring reviews "
                                   "planned before it. Age milestones and dates stay.").replace("%1", child_name))
        self.ok_button.setText(self.tr("&Record"))
        self.meeting.setFocus()

    def build(self) -> None:
        self.meeting = ChoiceCombo(self._meetings(), empty_text=self.tr("No meeting chosen"))
        self.meeting.setObjectName("recoveryMeetingCombo")
        self.add_field("meeting", self.tr("&Meeting:"), self.meeting, accessible=self.tr("The team meeting"),
                       hint=self.tr("A held meeting with the case on its agenda."))
        self.on = DateField(empty_text=self.tr("The meeting's day, or today"), earliest=EARLIEST)
        self.on.setObjectName("recoveryOn")
        self.add_field("on", self.tr("&Date:"), self.on, accessible=self.tr("Date of the decision"))
        self.basis = named_text_box(self, "recoveryBasis", 3)
        self.add_field("basis", self.tr("&Basis:"), self.basis, accessible=self.tr("Basis of the decision"))

    def _meetings(self) -> list[tuple[int, str]]:
        try:
            team = self.session.case_team(self.case_id)
        except BarnahusError:
            return []
        return [(m["id"], date_text(m.get("date"))) for m in reversed(team.get("meetings") or [])
                if m.get("status") in ("held", "approved")]

    def operation(self):
        s, pid = self.session, self.person_id
        on, basis, meeting = self.on.value(), self.basis.toPlainText().strip() or None, self.meeting.value()
        return lambda: s.record_full_recovery(pid, on=on, basis=basis, meeting_id=meeting)


class RelapseDialog(FormDialog):
    """A relapse after full recovery: recurring reviews start again."""

    width_em = 32

    def __init__(self, session, person_id: int, case_id: int, parent=None):
        self.person_id = person_id
        self.case_id = case_id
        self.rule_id: int | None = None
        super().__init__(session, parent)
        self.setObjectName("relapseDialog")
        self.setWindowTitle(self.tr("Record a relapse"))
        self.intro.setText(self.tr("Recurring reviews start again, until the team records full recovery again."))
        self.ok_button.setText(self.tr("&Record"))
        self.first.setFocus()

    def build(self) -> None:
        self.first = DateField(empty_text=self.tr("In as many months as the interval"))
        self.first.setObjectName("relapseFirstReview")
        self.add_field("first_review_on", self.tr("&First review:"), self.first,
                       accessible=self.tr("Date of the first review"))
        self.interval = QLineEdit("6")
        self.interval.setObjectName("relapseInterval")
        self.add_field("interval_months", self.tr("E&very (months):"), self.interval,
                       accessible=self.tr("Every how many months"))
        self.note = named_text_box(self, "relapseNote", 3)
        self.add_field("note", self.tr("&Note:"), self.note, accessible=self.tr("Note"))

    def operation(self):
        s, pid, cid = self.session, self.person_id, self.case_id
        first, interval = self.first.value(), number_or_text(self.interval.text())
        note = self.note.toPlainText().strip() or None
        return lambda: s.record_relapse(pid, cid, first_review_on=first, interval_months=interval, note=note)

    def succeeded(self, result) -> None:
        self.rule_id = result


