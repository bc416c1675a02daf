"""Issuing a meeting's minutes: signed PDF (PDF/A) or DOCX, pseudonymised on request, to a file
the user chooses, registered in the document register by the core (Session.issue_minutes).

The Documents page's issue dialog does the work (ui/documents/panel.py PdfOrDocxDialog: the
format, the save-as path with its default name, the worker with progress and Cancel, the core's
messages beside the path); this one only says what the minutes are and calls the core. Minutes
not approved yet are marked DRAFT by the core; the dialog says so before anything is written.
"""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from ui.common.feedback import InlineMessage
from ui.common.vocab_widgets import term_label
from ui.documents.panel import PdfOrDocxDialog, receipt_identity
from ui.meetings.shared import when_text


class IssueMinutesDialog(PdfOrDocxDialog):
    """The minutes of one meeting (its view as meeting_view gave it). After the issue,
    .issue_result holds {entry, identity, path, kind: "minutes", encrypted: False}."""

    def __init__(self, session, view: dict, parent=None, *, path=None):
        self.meeting = view
        self.meeting_id = view["id"]
        self.meeting_day = when_text(view)[:10]
        label = "%s %s" % (term_label("meeting_kinds", view.get("kind")), self.meeting_day)
        super().__init__(session, None, label, parent, path=path)

    @property
    def approved(self) -> bool:
        return self.meeting.get("status") == "approved"

    def build(self) -> None:
        self.setObjectName("issueMinutesDialog")
        self.setWindowTitle(self.tr("Minutes of %1").replace("%1", self.case_reference))
        self.ok_text = self.tr("&Write the minutes")
        self.intro.setText(self.tr(
            "The minutes of the meeting: who attended, and for each case discussed the agencies' updates, the "
            "child's views, the decisions and the actions. They are written to the file you choose and entered "
            "in the document register with their SHA-256."))
        self.draft_note = InlineMessage(self)
        self.draft_note.setObjectName("minutesDraftNote")
        if not self.approved:
            self.draft_note.show_info(self.tr(
                "These minutes are not approved yet: every page is marked DRAFT. Approve them first for the "
                "minutes of record."))
        self.layout().insertWidget(1, self.draft_note)   # under the intro, above the fields
        box, self.pdf, self.docx = self._choice(
            (self.tr("&PDF, signed by the centre (PDF/A)"), "formatPdf"),
            (self.tr("&DOCX, editable and not signed"), "formatDocx"))
        self.add_field("format", self.tr("Format:"), box, accessible=self.tr("Format"))
        self.pseudonymise = QCheckBox(self.tr("Pse&udonymise: no names of the children or of the cases' persons"),
                                      self)
        self.pseudonymise.setObjectName("pseudonymise")
        self.add_field("pseudonymise", "", self.pseudonymise,
                       self.tr("The children are called by pseudonyms; the cases' persons' names are taken out of "
                               "every text."), accessible=self.tr("Pseudonymise"))
        self._add_path_field(self.tr("&Save as:"), "")
        self.pdf.toggled.connect(self._retarget_suffix)
        self.pseudonymise.toggled.connect(self._suggest)

    def default_stem(self) -> str:
        stem = self.tr("minutes-%1-meeting-%2").replace("%1", self.meeting_day).replace("%2", str(self.meeting_id))
        if not self.approved:
            stem += self.tr("-draft")
        return stem + (self.tr("-pseudonymised") if self.pseudonymise.isChecked() else "")

    def save_title(self) -> str:
        return self.tr("Save the minutes as")

    def job_texts(self) -> tuple[str, str]:
        return (self.tr("Writing the minutes"),
                self.tr("Writing and signing the minutes…") if self.fmt() == "pdf" else
                self.tr("Writing the minutes…"))

    def work(self):
        s, mid, path, fmt, pseudo = (self.session, self.meeting_id, self.path(), self.fmt(),
                                     self.pseudonymise.isChecked())

        def run(progress, cancel):   # on the worker: core calls only
            entry = s.issue_minutes(mid, fmt, path, pseudonymise=pseudo, progress=progress, cancel=cancel)
            return {"entry": entry, "identity": receipt_identity(s), "path": path, "kind": "minutes",
                    "encrypted": False}
        return run
