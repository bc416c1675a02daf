"""Dialogs that change an interview's status through one core call: cancel it, or record that the
child chose not to take part."""
from __future__ import annotations

from ui.interviews.shared import ActionDialog, text_box


class CancelInterviewDialog(ActionDialog):
    def __init__(self, session, interview: dict, parent=None):
        self.interview = interview
        super().__init__(session, parent)

    def build(self) -> None:
        self.setWindowTitle(self.tr("Cancel an interview"))
        self.ok_text = self.tr("Cancel the &interview")
        self.intro.setText(self.tr("The interview stays in the record as cancelled, with your reason. "
                                   "It no longer counts as one of the child's interviews."))
        self.reason = text_box(self, 4)
        self.reason.setObjectName("cancelReason")
        self.add_field("reason", self.tr("&Reason:"), self.reason, self.tr("Required."),
                       accessible=self.tr("Reason"), top=True)

    def operation(self):
        s, interview_id, reason = self.session, self.interview["id"], self.reason.toPlainText()
        return lambda: s.cancel_interview(interview_id, reason)


class DeclinedDialog(ActionDialog):
    def __init__(self, session, interview: dict, parent=None):
        self.interview = interview
        super().__init__(session, parent)

    def build(self) -> None:
        self.setWindowTitle(self.tr("The child chose not to take part"))
        self.ok_text = self.tr("&Record")
        self.intro.setText(self.tr("Taking part is the child's right, not a duty. The interview is recorded as "
                                   "not held because the child chose not to take part."))
        self.note = text_box(self, 3)
        self.note.setObjectName("declinedNote")
        self.add_field("note", self.tr("&Note (optional):"), self.note, accessible=self.tr("Note"), top=True)

    def operation(self):
        s, interview_id, note = self.session, self.interview["id"], self.note.toPlainText() or None
        return lambda: s.record_child_declined(interview_id, note)
