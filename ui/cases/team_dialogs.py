"""The dialogs of a case's "Team and referrals" tab, each running ONE core call: a new referral,
a referral's next step (only the steps the core allows from its status, each with the fields it
needs), what a referral shared with the receiving agency, an action marked done or cancelled,
and the case's review interval. Also the words for the core's codes shown on the tab.

The core checks every value and every step (referrals/actions.py, meetings/actions.py); these
dialogs show its message beside the field it names and decide nothing themselves.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QRadioButton,
    QSpinBox, QVBoxLayout, QWidget,
)

from barnahus_app import vocab

from ui.common.dates import DateField, local_datetime_text
from ui.common.vocab_widgets import ChoiceCombo, VocabChecklist, VocabCombo, label_language
from ui.interviews.shared import ActionDialog, text_box
from ui.meetings.shared import ACTION_STATUS, CHILD_HEARD, STATUS, word

ID_ROLE = Qt.ItemDataRole.UserRole


def term_text(vocab_name: str, code: str | None) -> str:
    """A code's label in the user's language; the code itself if the vocabulary does not know it."""
    if not code:
        return ""
    try:
        return vocab.vocabulary(vocab_name).label(code, label_language())
    except Exception:   # noqa: BLE001 - a vocabulary a centre removed: show the stored code
        return str(code)


# --- the words for the core's codes --------------------------------------------------------------
class TeamWords(QObject):
    """The words for the codes the tab shows, in one place (lupdate sees each self.tr)."""

    def referral_status(self, code: str) -> str:
        return {"draft": self.tr("Draft"), "sent": self.tr("Sent"), "accepted": self.tr("Accepted"),
                "rejected": self.tr("Rejected"), "revoked": self.tr("Revoked"), "engaged": self.tr("Engaged"),
                "done": self.tr("Done", "a referral's status"),
                "lost_to_follow_up": self.tr("Lost to follow-up")}.get(code, code)

    def direction(self, code: str) -> str:
        return {"out": self.tr("Out"), "in": self.tr("In")}.get(code, code)

    def outcome(self, code: str | None) -> str:
        return {"successful": self.tr("Successful"), "not_successful": self.tr("Not successful")}.get(
            code or "", code or "")

    def step_button(self, code: str) -> str:
        """The next-step buttons. Their mnemonics stay clear of the main window's menus (R, A, G,
        H), the workspace's tabs and the page's other buttons; the steps offered together never
        share one (sent, accepted and engaged are each the E of their status)."""
        return {"sent": self.tr("Record as s&ent…"), "accepted": self.tr("Acc&epted…"),
                "rejected": self.tr("Re&jected…"), "revoked": self.tr("Re&voked…"),
                "engaged": self.tr("&Engaged…"), "done": self.tr("Close with the outco&me…"),
                "lost_to_follow_up": self.tr("&Lost to follow-up…")}.get(code, code)

    def step_title(self, code: str) -> str:
        return {"sent": self.tr("The referral was sent"), "accepted": self.tr("The referral was accepted"),
                "rejected": self.tr("The referral was rejected"), "revoked": self.tr("The referral is revoked"),
                "engaged": self.tr("The child and family engaged with the service"),
                "done": self.tr("Close the referral with its outcome"),
                "lost_to_follow_up": self.tr("The referral was lost to follow-up")}.get(code, code)

    # The meetings' codes have their words in ui/meetings/shared.py (one table per idea).
    def meeting_status(self, code: str) -> str:
        return word(STATUS, code)

    def action_status(self, code: str, overdue: bool = False) -> str:
        if code == "open" and overdue:
            return self.tr("Open, overdue")
        return word(ACTION_STATUS, code)

    def child_heard(self, code: str | None) -> str:
        return word(CHILD_HEARD, code) if code else self.tr("Not recorded")


_words: TeamWords | None = None


def words() -> TeamWords:
    global _words
    if _words is None:
        _words = TeamWords(QCoreApplication.instance())
    return _words


# --- the next steps of a referral --------------------------------------------------------------
# What each step asks for: the fields of set_referral_status the dialog shows (the core checks
# them: a rejection needs its reason, a closing its outcome, an unsuccessful one its reason).
STEP_FIELDS = {
    "sent": ("on", "due_on", "note"),
    "accepted": ("on", "due_on", "note"),
    "rejected": ("on", "rejection_reason", "note"),
    "revoked": ("on", "note"),
    "engaged": ("on", "due_on", "note"),
    "done": ("on", "outcome", "outcome_reason", "outcome_note"),
    "lost_to_follow_up": ("on", "note"),
}


def next_statuses(view: dict | None) -> list[str]:
    """The steps this user may take now: those the core's flow allows from the referral's status,
    if the core says this user may change it (referral_view's next_statuses and may_update)."""
    if not view or not view.get("may_update"):
        return []
    return list(view.get("next_statuses") or ())


def _agency_choices(agencies: list[dict]) -> list[tuple[int, str]]:
    return [(a["id"], a["name"]) for a in agencies if a.get("active", True)]


class NewReferralDialog(ActionDialog):
    """A referral out to a service, or in from an agency: it starts as the core decides (out: a
    draft; in: received)."""

    ALIASES = {"agency": "agency_id", "contact": "contact_id", "child": "child_person_id"}
    width_em = 36

    def __init__(self, session, case_id: int, agencies: list[dict], children: list[dict], parent=None):
        self.case_id = case_id
        self.agencies = agencies
        self.children = children
        self.referral_id: int | None = None
        super().__init__(session, parent)

    def build(self) -> None:
        self.setObjectName("newReferralDialog")
        self.setWindowTitle(self.tr("New referral"))
        self.ok_text = self.tr("&Create the referral")
        self.intro.setText(self.tr("A referral out to a service for the child, or one that came in from another "
                                   "agency. Its steps (sent, accepted, engaged, done) are recorded later."))
        box = QWidget(self)
        row = QVBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.out_radio = QRadioButton(self.tr("&Out: the centre refers the child"), box)
        self.in_radio = QRadioButton(self.tr("&In: another agency referred the child"), box)
        self.out_radio.setObjectName("referralOut")
        self.in_radio.setObjectName("referralIn")
        self.out_radio.setChecked(True)
        self.direction = QButtonGroup(self)
        self.direction.addButton(self.out_radio)
        self.direction.addButton(self.in_radio)
        row.addWidget(self.out_radio)
        row.addWidget(self.in_radio)
        box.setFocusProxy(self.out_radio)
        self.add_field("direction", self.tr("Direction:"), box, accessible=self.tr("Direction"), top=True)
        self.service = VocabCombo("referral_services", self, placeholder_text=self.tr("Choose a service"))
        self.service.setObjectName("referralService")
        self.add_field("service", self.tr("Ser&vice:"), self.service, accessible=self.tr("Service"))
        if len(self.children) > 1:
            self.child = ChoiceCombo([(c["person_id"], f"{c.get('given_name') or ''} {c.get('family_name') or ''}".strip())
                                      for c in self.children], self, placeholder_text=self.tr("Choose the child"))
            self.child.setObjectName("referralChild")
            self.add_field("child_person_id", self.tr("C&hild:"), self.child, accessible=self.tr("Child"))
        else:
            self.child = None
        self.agency = ChoiceCombo(_agency_choices(self.agencies), self, empty_text=self.tr("Not named yet"))
        self.agency.setObjectName("referralAgency")
        self.add_field("agency_id", self.tr("A&gency:"), self.agency,
                       self.tr("The agency register (Administration) lists them."), accessible=self.tr("Agency"))
        self.contact = ChoiceCombo((), self, empty_text=self.tr("Nobody named"))
        self.contact.setObjectName("referralContact")
        self.add_field("contact_id", self.tr("Co&ntact:"), self.contact, accessible=self.tr("Contact at the agency"))
        self.agency.valueChanged.connect(self._agency_changed)
        self.reason = text_box(self, 3)
        self.reason.setObjectName("referralReason")
        self.add_field("reason", self.tr("&Why:"), self.reason, accessible=self.tr("Reason for the referral"),
                       top=True)
        self.due = DateField(self, empty_text=self.tr("No date"), earliest=date.today())
        self.due.setObjectName("referralDue")
        self.add_field("due_on", self.tr("Next step &due by:"), self.due,
                       self.tr("Optional. Past this date the referral shows as overdue to the case lead."),
                       accessible=self.tr("Next step due by"))

    def _agency_changed(self, agency_id) -> None:
        staff = next((a.get("staff") or [] for a in self.agencies if a["id"] == agency_id), [])
        self.contact.set_choices([(c["id"], c["name"] + (f", {c['title']}" if c.get("title") else ""))
                                  for c in staff], keep_value=False)

    def operation(self):
        s, cid = self.session, self.case_id
        direction = "in" if self.in_radio.isChecked() else "out"
        service = self.service.value()
        kwargs = dict(child_person_id=self.child.value() if self.child is not None else None,
                      agency_id=self.agency.value(), contact_id=self.contact.value(),
                      reason=self.reason.toPlainText() or None, due_on=self.due.value())
        return lambda: s.create_referral(cid, direction, service, **kwargs)

    def succeeded(self, result) -> None:
        self.referral_id = result


class ReferralStepDialog(ActionDialog):
    """One step of a referral's flow, with the fields that step needs."""

    def __init__(self, session, referral: dict, to_status: str, summary: str, parent=None):
        self.referral = referral
        self.to_status = to_status
        self.summary = summary
        super().__init__(session, parent)

    def build(self) -> None:
        w = words()
        self.setObjectName("referralStepDialog")
        self.setWindowTitle(w.step_title(self.to_status))
        self.ok_text = self.tr("&Record")
        self.intro.setText(self.tr("{referral}\nStatus: {old} → {new}").format(
            referral=self.summary, old=w.referral_status(self.referral["status"]),
            new=w.referral_status(self.to_status)))
        wanted = STEP_FIELDS.get(self.to_status, ("on", "note"))
        self.on = DateField(self, latest=date.today())
        self.on.setObjectName("stepOn")
        self.add_field("on", self.tr("&On:"), self.on, accessible=self.tr("Date of this step"))
        self.due = self.rejection = self.note = self.outcome_note = None
        self.successful = self.not_successful = self.outcome_reason = None
        if "due_on" in wanted:
            self.due = DateField(self, empty_text=self.tr("No date"), earliest=date.today())
            self.due.setObjectName("stepDue")
            self.add_field("due_on", self.tr("Next step &due by:"), self.due,
                           self.tr("Optional. Past this date the referral shows as overdue to the case lead."),
                           accessible=self.tr("Next step due by"))
        if "rejection_reason" in wanted:
            self.rejection = text_box(self, 3)
            self.rejection.setObjectName("stepRejectionReason")
            self.add_field("rejection_reason", self.tr("&Why rejected:"), self.rejection, self.tr("Required."),
                           accessible=self.tr("Reason for the rejection"), top=True)
        if "outcome" in wanted:
            box = QWidget(self)
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            self.successful = QRadioButton(self.tr("&Successful"), box)
            self.successful.setObjectName("outcomeSuccessful")
            self.not_successful = QRadioButton(self.tr("&Not successful"), box)
            self.not_successful.setObjectName("outcomeNotSuccessful")
            group = QButtonGroup(self)
            group.addButton(self.successful)
            group.addButton(self.not_successful)
            row.addWidget(self.successful)
            row.addWidget(self.not_successful)
            row.addStretch(1)
            box.setFocusProxy(self.successful)
            self.add_field("outcome", self.tr("Outcome:"), box, self.tr("Required: a referral is not closed "
                                                                          "without its outcome."),
                           accessible=self.tr("Outcome"))
            self.outcome_reason = VocabCombo("referral_outcome_reasons", self,
                                             placeholder_text=self.tr("Choose why"))
            self.outcome_reason.setObjectName("outcomeReason")
            self.add_field("outcome_reason", self.tr("W&hy not:"), self.outcome_reason,
                           accessible=self.tr("Why it was not successful"))
            self.set_row_visible("outcome_reason", False)
            self.not_successful.toggled.connect(self._outcome_changed)
            self.outcome_note = text_box(self, 2)
            self.outcome_note.setObjectName("outcomeNote")
            self.add_field("outcome_note", self.tr("No&te (optional):"), self.outcome_note,
                           accessible=self.tr("Note on the outcome"), top=True)
        if "note" in wanted:
            self.note = text_box(self, 2)
            self.note.setObjectName("stepNote")
            self.add_field("note", self.tr("No&te (optional):"), self.note, accessible=self.tr("Note"), top=True)

    def _outcome_changed(self, on: bool) -> None:
        self.set_row_visible("outcome_reason", on)
        self.grow_to_fit()

    def operation(self):
        s, rid, to = self.session, self.referral["id"], self.to_status
        kwargs = {"on": self.on.value()}
        if self.due is not None:
            kwargs["due_on"] = self.due.value()
        if self.note is not None:
            kwargs["note"] = self.note.toPlainText() or None
        if self.rejection is not None:
            kwargs["rejection_reason"] = self.rejection.toPlainText()
        if self.successful is not None:
            kwargs["outcome"] = ("successful" if self.successful.isChecked() else
                                 "not_successful" if self.not_successful.isChecked() else None)
            kwargs["outcome_reason"] = self.outcome_reason.value() if self.not_successful.isChecked() else None
            kwargs["outcome_note"] = self.outcome_note.toPlainText() or None
        return lambda: s.set_referral_status(rid, to, **kwargs)


class SharingDialog(ActionDialog):
    """What a referral shared with the receiving agency: data items and documents of the case,
    the legal basis for sharing (law, the guardian's agreement, a court order: never the child's
    consent), to whom and on what undertaking. It goes into the disclosure register."""

    width_em = 36

    def __init__(self, session, referral: dict, summary: str, documents: list[dict], parent=None):
        self.referral = referral
        self.summary = summary
        self.documents = documents
        super().__init__(session, parent)

    def build(self) -> None:
        self.setObjectName("sharingDialog")
        self.setWindowTitle(self.tr("Record what was shared"))
        self.ok_text = self.tr("&Record")
        self.intro.setText(self.tr("{referral}: what the receiving agency was given, on what legal basis and "
                                   "undertaking. It goes into the case's disclosure register.").format(
            referral=self.summary))
        self.items = VocabChecklist("shareable_items", self, visible_rows=6)
        self.items.setObjectName("sharedItems")
        self.add_field("items", self.tr("&Information:"), self.items, accessible=self.tr("Information shared"))
        from ui.documents.words import DocumentWords   # the register's words for its codes
        dw = DocumentWords(self)
        self.docs = QListWidget(self)
        self.docs.setObjectName("sharedDocuments")
        for d in self.documents:
            item = QListWidgetItem(self.tr("{id}: {type}, {format}, issued {date}").format(
                id=d["document_id"], type=dw.doc_type(d.get("doc_type", "")), format=dw.fmt(d.get("format", "")),
                date=local_datetime_text(d.get("issued_at"), style="date")), self.docs)
            item.setData(ID_ROLE, d["document_id"])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.docs.setFixedHeight(self.docs.fontMetrics().height() * (min(max(len(self.documents), 1), 4) + 1) + 8)
        self.add_field("document_ids", self.tr("Doc&uments:"), self.docs,
                       self.tr("The documents issued for this case that went with it.") if self.documents
                       else self.tr("No document was issued for this case."), accessible=self.tr("Documents shared"))
        self.docs.setVisible(bool(self.documents))
        self.basis = VocabCombo("sharing_legal_bases", self, placeholder_text=self.tr("Choose the legal basis"))
        self.basis.setObjectName("sharingLegalBasis")
        self.add_field("legal_basis", self.tr("Legal &basis:"), self.basis,
                       self.tr("Why the information could be shared: the law, the guardian's agreement or a court "
                               "order."), accessible=self.tr("Legal basis for sharing"))
        self.recipient = QLineEdit(self)
        self.recipient.setObjectName("sharingRecipient")
        self.recipient.setMaxLength(200)
        self.recipient.setText(", ".join(p for p in (self.referral.get("contact"), self.referral.get("agency")) if p))
        self.add_field("recipient", self.tr("&To whom:"), self.recipient, accessible=self.tr("Recipient"))
        self.undertaking = text_box(self, 3)
        self.undertaking.setObjectName("sharingUndertaking")
        self.add_field("undertaking", self.tr("U&ndertaking:"), self.undertaking,
                       self.tr("Required: what the recipient undertook, e.g. to use it only for this service."),
                       accessible=self.tr("Undertaking"), top=True)
        self.method = QLineEdit(self)
        self.method.setObjectName("sharingMethod")
        self.method.setMaxLength(100)
        self.add_field("method", self.tr("&How:"), self.method, self.tr("Optional. E.g. secure e-mail."),
                       accessible=self.tr("Method"))

    def document_ids(self) -> list[str]:
        return [self.docs.item(i).data(ID_ROLE) for i in range(self.docs.count())
                if self.docs.item(i).checkState() == Qt.CheckState.Checked]

    def operation(self):
        s, rid = self.session, self.referral["id"]
        kwargs = dict(items=self.items.values(), legal_basis=self.basis.value(), recipient=self.recipient.text(),
                      recipient_agency_id=self.referral.get("agency_id"), document_ids=self.document_ids(),
                      undertaking=self.undertaking.toPlainText(), method=self.method.text() or None)
        return lambda: s.record_referral_sharing(rid, **kwargs)


class ActionDoneDialog(ActionDialog):
    def __init__(self, session, action: dict, summary: str, parent=None):
        self.action = action
        self.summary = summary
        super().__init__(session, parent)

    def build(self) -> None:
        self.setObjectName("actionDoneDialog")
        self.setWindowTitle(self.tr("Mark an action as done"))
        self.ok_text = self.tr("&Done")
        self.intro.setText(self.summary)
        self.on = DateField(self, latest=date.today())
        self.on.setObjectName("actionDoneOn")
        self.add_field("on", self.tr("Done &on:"), self.on, accessible=self.tr("Done on"))

    def operation(self):
        s, aid, on = self.session, self.action["id"], self.on.value()
        return lambda: s.set_team_action_status(aid, "done", on=on)


class ActionCancelDialog(ActionDialog):
    def __init__(self, session, action: dict, summary: str, parent=None):
        self.action = action
        self.summary = summary
        super().__init__(session, parent)

    def build(self) -> None:
        self.setObjectName("actionCancelDialog")
        self.setWindowTitle(self.tr("Cancel an action"))
        self.ok_text = self.tr("Cancel the &action")
        self.intro.setText(self.tr("{action}\nThe action stays in the record as cancelled, with your reason.").format(
            action=self.summary))
        self.reason = text_box(self, 3)
        self.reason.setObjectName("actionCancelReason")
        self.add_field("reason", self.tr("&Reason:"), self.reason, self.tr("Required."),
                       accessible=self.tr("Reason"), top=True)

    def operation(self):
        s, aid, reason = self.session, self.action["id"], self.reason.toPlainText()
        return lambda: s.set_team_action_status(aid, "cancelled", reason=reason)


class ReviewIntervalDialog(ActionDialog):
    """How often the team reviews this case: the centre's default, or a number of days of its own."""

    def __init__(self, session, case_id: int, review: dict, parent=None):
        self.case_id = case_id
        self.review = review
        super().__init__(session, parent)

    def build(self) -> None:
        self.setObjectName("reviewIntervalDialog")
        self.setWindowTitle(self.tr("Review interval"))
        self.ok_text = self.tr("&Save")
        default = self.review.get("default_interval_days")
        self.intro.setText(self.tr("The team reviews the case again this many days after its last review. "
                                   "The centre's default is {n} days.").format(n=default))
        self.use_default = QCheckBox(self.tr("Use the centre's &default"), self)
        self.use_default.setObjectName("reviewUseDefault")
        own = self.review.get("interval_days")
        self.use_default.setChecked(own is None)
        self.add_field("default", "", self.use_default, accessible=self.tr("Use the centre's default"))
        self.days = QSpinBox(self)
        self.days.setObjectName("reviewDays")
        self.days.setRange(1, 9999)   # the core says which numbers of days it takes
        self.days.setValue(int(own or default or 90))
        self.days.setSuffix(self.tr(" days"))
        self.days.setEnabled(own is not None)
        self.use_default.toggled.connect(lambda on: self.days.setEnabled(not on))
        self.add_field("days", self.tr("&Every:"), self.days, accessible=self.tr("Review interval in days"))

    def operation(self):
        s, cid = self.session, self.case_id
        days = None if self.use_default.isChecked() else self.days.value()
        return lambda: s.set_review_interval(cid, days)
