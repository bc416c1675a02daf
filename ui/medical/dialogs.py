"""The Medical tab's dialogs: plan, move and cancel an examination; a finding; a test ordered and its
result; an expert review; the outcome released; the child told the result. Each is one core call
(FormDialog: the core's message beside the field it names, nothing decided here)."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPlainTextEdit, QRadioButton, QWidget

from barnahus_app.errors import BarnahusError, ConflictsFound
from barnahus_app.medical import findings as classification
from barnahus_app.timeutil import zone_info

from ui.common.booking_fields import BookingTimeFields
from ui.common.dates import DateField, centre_zone, parse_utc
from ui.common.feedback import FormDialog, muted
from ui.common.field_widgets import OptionalDateTimeEdit
from ui.common.vocab_widgets import ChoiceCombo, VocabCombo, label_language
from ui.interviews.conflict_dialog import open_override_reasons
from ui.interviews.shared import text_box
from ui.meetings.shared import staff_choices

DEFAULT_MINUTES = 60


def named_text_box(parent: QWidget, name: str, lines: int = 4) -> QPlainTextEdit:
    """The interviews' plain text box (Tab leaves it), named for tests."""
    box = text_box(parent, lines)
    box.setObjectName(name)
    return box


def medical_staff(session) -> list[tuple[int, str]]:
    """Active users with the medical role, by name (the examiners the core accepts)."""
    try:
        return [(u["id"], u["display_name"]) for u in session.users_with_role("medical")]
    except BarnahusError:
        return []


def medical_rooms(session) -> list[tuple[int, str]]:
    try:
        return [(r["id"], r["name"]) for r in session.list_rooms() if r.get("kind") == "medical"]
    except BarnahusError:
        return []


class _BookingDialog(BookingTimeFields, FormDialog):
    """What planning, moving and editing share: the conflict engine's answer asked for reasons,
    the booking asked again with them (the meetings' plan dialog does the same)."""

    width_em = 36
    muted_hints = True

    def __init__(self, session, parent=None, *, time_zone: str | None = None):
        self.exam_id: int | None = None
        self.conflicts = None
        self._overrides: dict[str, str] = {}
        self.time_zone = time_zone or centre_zone()
        super().__init__(session, parent)

    def show_failure(self, exc: BaseException) -> None:
        if not isinstance(exc, ConflictsFound):
            super().show_failure(exc)
            return
        self.conflicts = open_override_reasons(exc.check, self, self._answered)   # non-blocking

    def _answered(self, reasons: dict[str, str] | None) -> None:
        self.conflicts = None
        if reasons is None:
            self.general.show_info(self.tr("Not booked. Change the time, the room or the examiner, or book again "
                                           "and give your reasons."))
            self.grow_to_fit()
            return
        self._overrides.update(reasons)
        self.accept()   # asked again, with the written reasons


class PlanExaminationDialog(_BookingDialog):
    """Plan an examination of one of the case's children. .exam_id holds its id afterwards."""

    ALIASES = {"starts_at": "when", "duration_minutes": "duration", "child_person_id": "child",
               "examiner_id": "examiner", "second_examiner_id": "second_examiner", "room_id": "room",
               "last_contact_at": "last_contact"}

    def __init__(self, session, case_id: int, children: list, parent=None):
        self.case_id = case_id
        self.children = children
        super().__init__(session, parent)
        self.setObjectName("examPlanDialog")
        self.setWindowTitle(self.tr("Plan an examination"))
        self.ok_button.setText(self.tr("&Book"))
        self.ok_button.setObjectName("bookExamButton")
        self.intro.setText(self.tr("The room, the examiners and the child are checked against interviews, meetings "
                                   "and other examinations, with the no-contact buffer."))
        (self.child if len(children) > 1 else self.kind).setFocus()

    def build(self) -> None:
        self.child = ChoiceCombo([(c["person_id"], c.get("name") or "") for c in self.children],
                                 placeholder_text=self.tr("Choose the child"))
        self.child.setObjectName("examChildCombo")
        if len(self.children) == 1:
            self.child.set_value(self.children[0]["person_id"])
        self.add_field("child", self.tr("C&hild:"), self.child, accessible=self.tr("Child"))
        self.kind = VocabCombo("medical_examination_kinds", placeholder_text=self.tr("Choose the kind"))
        self.kind.setObjectName("examKindCombo")
        self.add_field("kind", self.tr("&Kind:"), self.kind, accessible=self.tr("Kind of examination"))
        self.add_time_fields("exam", None, DEFAULT_MINUTES)
        self.room = ChoiceCombo(medical_rooms(self.session), empty_text=self.tr("No room yet"))
        self.room.setObjectName("examRoomCombo")
        self.add_field("room", self.tr("&Room:"), self.room, accessible=self.tr("Room"))
        staff = medical_staff(self.session)
        self.examiner = ChoiceCombo(staff, placeholder_text=self.tr("Choose the examiner"))
        self.examiner.setObjectName("examExaminerCombo")
        if any(uid == self.session.user_id for uid, _n in staff):
            self.examiner.set_value(self.session.user_id)
        self.add_field("examiner", self.tr("E&xaminer:"), self.examiner, accessible=self.tr("Examiner"))
        self.second = ChoiceCombo(staff_choices(self.session), empty_text=self.tr("None"))
        self.second.setObjectName("examSecondCombo")
        self.add_field("second_examiner", self.tr("Seco&nd examiner:"), self.second,
                       self.tr("A second examiner or a nurse."), accessible=self.tr("Second examiner or nurse"))
        self.commissioned = VocabCombo("medical_commissioners", placeholder_text=self.tr("Who asked for it"))
        self.commissioned.setObjectName("examCommissionedCombo")
        self.add_field("commissioned_by", self.tr("Co&mmissioned by:"), self.commissioned,
                       accessible=self.tr("Commissioned by"))
        self.priority = VocabCombo("medical_priorities", placeholder_text=self.tr("Choose the priority"))
        self.priority.setObjectName("examPriorityCombo")
        self.add_field("priority", self.tr("&Priority:"), self.priority, accessible=self.tr("Priority"))
        self.last_contact = OptionalDateTimeEdit(self, check_text=self.tr("Known"))
        self.last_contact.setObjectName("examLastContact")
        self.add_field("last_contact", self.tr("&Last contact:"), self.last_contact,
                       self.tr("The last contact with the alleged offender; the core derives whether the "
                               "examination is acute."), accessible=self.tr("Last contact"))

    def operation(self):
        s, cid = self.session, self.case_id
        a = dict(child=self.child.value(), kind=self.kind.value(), starts=self.starts_at(),
                 minutes=self.duration.value(), examiner_id=self.examiner.value(),
                 commissioned_by=self.commissioned.value(), priority=self.priority.value(),
                 time_zone=self.time_zone, room_id=self.room.value(), last=self.last_contact.value(),
                 second=self.second.value(), overrides=dict(self._overrides) or None)
        return lambda: s.plan_examination(
            cid, a["child"], a["kind"], a["starts"], a["minutes"], examiner_id=a["examiner_id"],
            commissioned_by=a["commissioned_by"], priority=a["priority"], time_zone=a["time_zone"],
            room_id=a["room_id"], last_contact_at=a["last"], second_examiner_id=a["second"],
            overrides=a["overrides"])

    def succeeded(self, result) -> None:
        self.exam_id = int(result)


class MoveExaminationDialog(_BookingDialog):
    """Another time, room or examiner for a planned examination."""

    ALIASES = {"starts_at": "when", "duration_minutes": "duration", "examiner_id": "examiner", "room_id": "room"}

    def __init__(self, session, exam: dict, parent=None):
        self.exam = exam
        super().__init__(session, parent, time_zone=exam.get("time_zone"))
        self.setObjectName("examMoveDialog")
        self.setWindowTitle(self.tr("Move the examination"))
        self.ok_button.setText(self.tr("&Move"))
        self.date.setFocus()

    def build(self) -> None:
        x = self.exam
        start = parse_utc(x["starts_at_utc"]).astimezone(zone_info(self.time_zone)).replace(tzinfo=None)
        self.add_time_fields("exam", start, DEFAULT_MINUTES)
        minutes = int((parse_utc(x["ends_at_utc"]) - parse_utc(x["starts_at_utc"])).total_seconds() // 60)
        self.duration.setValue(minutes)
        self.room = ChoiceCombo(medical_rooms(self.session), placeholder_text=self.tr("No room"))
        self.room.setObjectName("examRoomCombo")
        if x.get("room_id"):
            self.room.set_value(x["room_id"])
        self.add_field("room", self.tr("&Room:"), self.room, accessible=self.tr("Room"))
        self.examiner = ChoiceCombo(medical_staff(self.session))
        self.examiner.setObjectName("examExaminerCombo")
        self.examiner.set_value(x.get("examiner_id"))
        self.add_field("examiner", self.tr("E&xaminer:"), self.examiner, accessible=self.tr("Examiner"))

    def operation(self):
        s, xid = self.session, self.exam["id"]
        a = dict(starts=self.starts_at(), minutes=self.duration.value(), room_id=self.room.value(),
                 examiner_id=self.examiner.value(), overrides=dict(self._overrides) or None)
        return lambda: s.move_examination(xid, a["starts"], a["minutes"], room_id=a["room_id"],
                                          examiner_id=a["examiner_id"], overrides=a["overrides"])


class CancelExaminationDialog(FormDialog):
    width_em = 30

    def __init__(self, session, exam: dict, parent=None):
        self.exam = exam
        super().__init__(session, parent)
        self.setObjectName("examCancelDialog")
        self.setWindowTitle(self.tr("Cancel the examination"))
        self.ok_button.setText(self.tr("Cancel the e&xamination"))
        self.reason.setFocus()

    def build(self) -> None:
        self.reason = named_text_box(self, "examCancelReason", 3)
        self.add_field("reason", self.tr("&Reason:"), self.reason, accessible=self.tr("Reason"))

    def operation(self):
        s, xid, reason = self.session, self.exam["id"], self.reason.toPlainText()
        return lambda: s.cancel_examination(xid, reason)


def item_choices() -> list[tuple[str, str]]:
    """The current classification's items by category (a code begins with its group): "3.02 label"; typing
    the code finds the item."""
    t = classification.current()
    lang = label_language()
    items = sorted(t.items.values(), key=lambda it: (it.group, it.code))
    return [(it.code, f"{it.code} {it.label(lang)}") for it in items]


def category_text(table_version: str, category: int | None) -> str:
    """The label of a category (group) of a classification table, in the user's language."""
    t = classification.tables().get(table_version)
    group = (t.groups.get(category) if t and category is not None else None) or {}
    label = group.get("label") or {}
    return label.get(label_language()) or label.get("en") or ""


class FindingDialog(FormDialog):
    """A finding coded against the current classification; its category is derived, shown here."""

    width_em = 40
    ALIASES = {"item_code": "item", "table_version": "item"}

    def __init__(self, session, exam: dict, parent=None):
        self.exam = exam
        super().__init__(session, parent)
        self.setObjectName("findingDialog")
        self.setWindowTitle(self.tr("Add a finding"))
        self.ok_button.setText(self.tr("&Add"))
        self.intro.setText(self.tr("Coded under %1.").replace("%1", classification.current().version))
        self.item.setFocus()

    def build(self) -> None:
        self.item = ChoiceCombo(item_choices(), placeholder_text=self.tr("Choose the item"))
        self.item.setObjectName("findingItemCombo")
        self.add_field("item", self.tr("&Item:"), self.item, accessible=self.tr("Finding"))
        self.category = muted(QLabel(self))
        self.category.setObjectName("findingCategory")
        self.category.setWordWrap(True)
        self.add_field("category", self.tr("Category:"), self.category, accessible=self.tr("Category"))
        self.item.valueChanged.connect(lambda _v: self._show_category())
        self.site = VocabCombo("medical_sites", placeholder_text=self.tr("Choose the site"))
        self.site.setObjectName("findingSiteCombo")
        self.add_field("site", self.tr("&Site:"), self.site, accessible=self.tr("Site"))
        self.description = named_text_box(self, "findingDescription", 4)
        self.add_field("description", self.tr("&Description:"), self.description, accessible=self.tr("Description"))
        self._show_category()

    def _show_category(self) -> None:
        code = self.item.value()
        t = classification.current()
        if code is None or code not in t.items:
            self.category.setText(self.tr("Derived from the item."))
            return
        it = t.items[code]
        text = self.tr("%1: %2").replace("%1", str(it.group)).replace("%2", category_text(t.version, it.group))
        if it.needs_expert_review:
            text += " " + self.tr("(needs an expert review)")
        self.category.setText(text)

    def operation(self):
        s, xid = self.session, self.exam["id"]
        code, site, desc = self.item.value(), self.site.value(), self.description.toPlainText()
        return lambda: s.add_finding(xid, code, site, desc)


class OrderTestDialog(FormDialog):
    ALIASES = {"ordered_on": "ordered_on", "result_due_on": "result_due_on"}

    def __init__(self, session, exam: dict, parent=None):
        self.exam = exam
        super().__init__(session, parent)
        self.setObjectName("orderTestDialog")
        self.setWindowTitle(self.tr("Order a test"))
        self.ok_button.setText(self.tr("&Order"))
        self.kind.setFocus()

    def build(self) -> None:
        self.kind = VocabCombo("medical_test_kinds", placeholder_text=self.tr("Choose the test"))
        self.kind.setObjectName("testKindCombo")
        self.add_field("kind", self.tr("&Test:"), self.kind, accessible=self.tr("Test"))
        self.prophylaxis = VocabCombo("medical_prophylaxis", empty_text=self.tr("Not recorded"))
        self.prophylaxis.setObjectName("testProphylaxisCombo")
        self.add_field("prophylaxis", self.tr("&Prophylaxis:"), self.prophylaxis,
                       accessible=self.tr("Prophylaxis given"))
        self.ordered = DateField(self)
        self.ordered.setObjectName("testOrderedEdit")
        self.add_field("ordered_on", self.tr("Or&dered on:"), self.ordered, accessible=self.tr("Ordered on"))
        self.due = DateField(self, empty_text=self.tr("In 14 days"))
        self.due.setObjectName("testDueEdit")
        self.add_field("result_due_on", self.tr("Result d&ue:"), self.due,
                       self.tr("A pending result is a reminder for medical staff."), accessible=self.tr("Result due"))

    def operation(self):
        s, xid = self.session, self.exam["id"]
        a = (self.kind.value(), self.ordered.value(), self.prophylaxis.value(), self.due.value())
        return lambda: s.order_test(xid, a[0], a[1], a[2], result_due_on=a[3])


class TestResultDialog(FormDialog):
    def __init__(self, session, test: dict, parent=None):
        self.test = test
        super().__init__(session, parent)
        self.setObjectName("testResultDialog")
        self.setWindowTitle(self.tr("Record the result"))
        self.ok_button.setText(self.tr("&Record"))
        self.result.setFocus()

    def build(self) -> None:
        self.result = named_text_box(self, "testResultEdit", 4)
        self.add_field("result", self.tr("&Result:"), self.result, accessible=self.tr("Result"))
        self.received = DateField(self, latest=date.today())
        self.received.setObjectName("testReceivedEdit")
        self.add_field("received_on", self.tr("Recei&ved on:"), self.received, accessible=self.tr("Received on"))

    def operation(self):
        s, tid, result, on = self.session, self.test["id"], self.result.toPlainText(), self.received.value()
        return lambda: s.record_test_result(tid, result, on)


class ReviewDialog(FormDialog):
    """An expert review of another examiner's findings."""

    def __init__(self, session, exam: dict, parent=None):
        self.exam = exam
        super().__init__(session, parent)
        self.setObjectName("reviewDialog")
        self.setWindowTitle(self.tr("Expert review"))
        self.ok_button.setText(self.tr("&Save the review"))
        self.agree.setFocus()

    def build(self) -> None:
        box = QWidget(self)
        bl = QHBoxLayout(box)
        bl.setContentsMargins(0, 0, 0, 0)
        self.agree = QRadioButton(self.tr("A&grees"), box)
        self.agree.setObjectName("reviewAgrees")
        self.disagree = QRadioButton(self.tr("Does &not agree"), box)
        self.disagree.setObjectName("reviewDisagrees")
        self.agree.setChecked(True)
        group = QButtonGroup(box)
        group.addButton(self.agree)
        group.addButton(self.disagree)
        bl.addWidget(self.agree)
        bl.addWidget(self.disagree)
        bl.addStretch(1)
        box.setFocusProxy(self.agree)
        self.add_field("agrees", self.tr("With the findings:"), box, accessible=self.tr("Agrees with the findings"))
        self.comment = named_text_box(self, "reviewComment", 4)
        self.add_field("comment", self.tr("&Comment:"), self.comment, accessible=self.tr("Comment"))
        self.on = DateField(self, latest=date.today())
        self.on.setObjectName("reviewDateEdit")
        self.add_field("reviewed_on", self.tr("Revie&wed on:"), self.on, accessible=self.tr("Reviewed on"))

    def operation(self):
        s, xid = self.session, self.exam["id"]
        a = (self.agree.isChecked(), self.comment.toPlainText(), self.on.value())
        return lambda: s.review_examination(xid, *a)


class OutcomeDialog(FormDialog):
    """The short outcome the case team reads."""

    def __init__(self, session, exam: dict, parent=None):
        self.exam = exam
        super().__init__(session, parent)
        self.setObjectName("outcomeDialog")
        self.setWindowTitle(self.tr("Release the outcome"))
        self.ok_button.setText(self.tr("&Release"))
        self.intro.setText(self.tr("The whole case team reads the outcome; the findings stay with medical staff."))
        if exam.get("released_outcome"):
            self.outcome.set_value(exam["released_outcome"])
        self.outcome.setFocus()

    def build(self) -> None:
        self.outcome = VocabCombo("medical_outcomes", placeholder_text=self.tr("Choose the outcome"))
        self.outcome.setObjectName("outcomeCombo")
        self.add_field("outcome", self.tr("&Outcome:"), self.outcome, accessible=self.tr("Outcome"))
        self.due = DateField(self, empty_text=self.tr("In 28 days"))
        self.due.setObjectName("followUpDueEdit")
        self.add_field("follow_up_due", self.tr("&Follow-up due:"), self.due,
                       self.tr("Only when a follow-up examination is needed: a reminder for medical staff."),
                       accessible=self.tr("Follow-up examination due"))
        self.outcome.valueChanged.connect(lambda v: self.set_row_visible("follow_up_due", v == "follow_up_needed"))
        self.set_row_visible("follow_up_due", False)

    def operation(self):
        s, xid, outcome = self.session, self.exam["id"], self.outcome.value()
        due = self.due.value() if outcome == "follow_up_needed" else None
        return lambda: s.release_outcome(xid, outcome, follow_up_due=due)


class ResultToldDialog(FormDialog):
    """When and by whom the child was told the result."""

    ALIASES = {"on": "on", "by_user_id": "by"}

    def __init__(self, session, exam: dict, parent=None):
        self.exam = exam
        super().__init__(session, parent)
        self.setObjectName("resultToldDialog")
        self.setWindowTitle(self.tr("The child was told the result"))
        self.ok_button.setText(self.tr("&Record"))
        self.on.setFocus()

    def build(self) -> None:
        self.on = DateField(self, latest=date.today())
        self.on.setObjectName("toldOnEdit")
        self.add_field("on", self.tr("&On:"), self.on, accessible=self.tr("Told on"))
        self.by = ChoiceCombo(staff_choices(self.session), placeholder_text=self.tr("Who told the child"))
        self.by.setObjectName("toldByCombo")
        self.by.set_value(self.exam.get("examiner_id"))
        self.add_field("by", self.tr("&By:"), self.by, accessible=self.tr("Told by"))

    def operation(self):
        s, xid, on, by = self.session, self.exam["id"], self.on.value(), self.by.value()
        return lambda: s.record_result_told(xid, on, by)


class PresenceDialog(FormDialog):
    """Who was (or will be) present besides the examiners: a role and a name on each line. The
    whole list replaces the one before (the core's set_presence); persons of the record named
    there before are kept as they are."""

    ROWS = 5
    width_em = 34
    ALIASES = {"present": "present", "role": "present", "name": "present", "person_id": "present"}

    def __init__(self, session, exam: dict, parent=None):
        self.exam = exam
        super().__init__(session, parent)
        self.setObjectName("presenceDialog")
        self.setWindowTitle(self.tr("Who is present"))
        self.ok_button.setText(self.tr("&Save"))
        self.intro.setText(self.tr("Besides the examiners: a trusted person, a carer, a chaperone, an interpreter."))
        named = [p for p in exam.get("presence") or [] if p.get("person_id") is None]
        for (role, name), p in zip(self.lines, named):
            role.set_value(p.get("role"))
            name.setText(p.get("name") or "")
        self.lines[0][0].setFocus()

    def build(self) -> None:
        from PySide6.QtWidgets import QGridLayout, QLineEdit
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.lines: list[tuple[VocabCombo, QLineEdit]] = []
        for i in range(self.ROWS):
            role = VocabCombo("medical_presence_roles", box, empty_text=self.tr("Nobody"))
            role.setObjectName(f"presenceRole{i}")
            role.setAccessibleName(self.tr("Role %1").replace("%1", str(i + 1)))
            name = QLineEdit(box)
            name.setObjectName(f"presenceName{i}")
            name.setMaxLength(200)
            name.setAccessibleName(self.tr("Name %1").replace("%1", str(i + 1)))
            grid.addWidget(role, i, 0)
            grid.addWidget(name, i, 1)
            self.lines.append((role, name))
        box.setFocusProxy(self.lines[0][0])
        self.add_field("present", self.tr("&Present:"), box, accessible=self.tr("Who is present"), top=True)

    def operation(self):
        s, xid = self.session, self.exam["id"]
        present = [{"role": p["role"], "person_id": p["person_id"]} for p in self.exam.get("presence") or []
                   if p.get("person_id") is not None]
        for role, name in self.lines:
            if role.value() is not None or name.text().strip():
                present.append({"role": role.value(), "name": name.text().strip() or None})
        return lambda: s.set_presence(xid, present)


class EditExaminationDialog(_BookingDialog):
    """Who commissioned it, its priority, the second examiner and the last contact (acute follows):
    only what was changed is sent (update_examination)."""

    ALIASES = {"second_examiner_id": "second_examiner", "last_contact_at": "last_contact"}

    def __init__(self, session, exam: dict, parent=None):
        self.exam = exam
        super().__init__(session, parent, time_zone=exam.get("time_zone"))
        self.setObjectName("examEditDialog")
        self.setWindowTitle(self.tr("Edit the booking"))
        self.ok_button.setText(self.tr("&Save"))
        self.commissioned.setFocus()

    def build(self) -> None:
        x = self.exam
        self.commissioned = VocabCombo("medical_commissioners")
        self.commissioned.setObjectName("examCommissionedCombo")
        self.commissioned.set_value(x.get("commissioned_by"))
        self.add_field("commissioned_by", self.tr("Co&mmissioned by:"), self.commissioned,
                       accessible=self.tr("Commissioned by"))
        self.priority = VocabCombo("medical_priorities")
        self.priority.setObjectName("examPriorityCombo")
        self.priority.set_value(x.get("priority"))
        self.add_field("priority", self.tr("&Priority:"), self.priority, accessible=self.tr("Priority"))
        self.second = ChoiceCombo(staff_choices(self.session), empty_text=self.tr("None"))
        self.second.setObjectName("examSecondCombo")
        self.second.set_value(x.get("second_examiner_id"))
        self.add_field("second_examiner", self.tr("Seco&nd examiner:"), self.second,
                       accessible=self.tr("Second examiner or nurse"))
        self.last_contact = OptionalDateTimeEdit(self, check_text=self.tr("Known"))
        self.last_contact.setObjectName("examLastContact")
        self.last_contact.set_value(x.get("last_contact_at_utc"))
        self.add_field("last_contact", self.tr("&Last contact:"), self.last_contact,
                       self.tr("The core derives whether the examination is acute."),
                       accessible=self.tr("Last contact"))

    def changes(self) -> dict:
        x, out = self.exam, {}
        for key, value in (("commissioned_by", self.commissioned.value()), ("priority", self.priority.value()),
                           ("second_examiner_id", self.second.value())):
            if value != x.get(key):
                out[key] = value
        last = self.last_contact.value()
        if (last is None) != (x.get("last_contact_at_utc") is None) or (
                last is not None and parse_utc(last) != parse_utc(x["last_contact_at_utc"])):
            out["last_contact_at"] = last
        return out

    def operation(self):
        s, xid, fields = self.session, self.exam["id"], self.changes()
        if not fields:
            return lambda: None   # nothing changed: nothing to ask the core
        overrides = dict(self._overrides) or None
        return lambda: s.update_examination(xid, overrides=overrides, **fields)


class ReleaseStatementDialog(FormDialog):
    """The examiner releases the written statement for one disclosure (a court summary then
    carries its text)."""

    def __init__(self, session, exam: dict, parent=None):
        self.exam = exam
        super().__init__(session, parent)
        self.setObjectName("releaseStatementDialog")
        self.setWindowTitle(self.tr("Release the statement"))
        self.ok_button.setText(self.tr("&Release"))
        self.intro.setText(self.tr("The statement as saved goes into the document made for this purpose."))
        self.purpose.setFocus()

    def build(self) -> None:
        self.purpose = VocabCombo("medical_release_purposes", placeholder_text=self.tr("Choose the purpose"))
        self.purpose.setObjectName("statementPurposeCombo")
        self.add_field("purpose", self.tr("&For:"), self.purpose, accessible=self.tr("Released for"))

    def operation(self):
        s, xid, purpose = self.session, self.exam["id"], self.purpose.value()
        return lambda: s.release_statement(xid, purpose)
