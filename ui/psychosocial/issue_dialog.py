"""Issuing a case's psychosocial summary (therapists): signed PDF (PDF/A) or DOCX, pseudonymised on
request, to a file the user chooses, registered in the document register by the core
(Session.issue_psychosocial_summary).

The Documents page's issue dialog does the work (ui/documents/panel.py PdfOrDocxDialog: the format,
the save-as path with its default name, the worker with progress and Cancel, the core's messages
beside the path), as for the minutes (ui/meetings/issue_dialog.py); this one only says what the
summary holds, and what it never holds, lets a case with two or more children be summarised for one
of them, and calls the core.

Its Alt letters are the minutes dialog's (a modal dialog: the tab titles' letters do not reach it).
"""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox

from ui.common.vocab_widgets import ChoiceCombo
from ui.documents.panel import PdfOrDocxDialog, receipt_identity


class PsychosocialSummaryDialog(PdfOrDocxDialog):
    """The psychosocial summary of one case. After the issue, .issue_result holds {entry,
    identity, path, kind: "psychosocial", encrypted: False}."""

    def __init__(self, session, case_id: int, case_reference: str, parent=None, *, children=(), path=None):
        self.children = list(children)   # [{person_id, name}]: with two or more, one may be chosen
        self.child = None
        super().__init__(session, case_id, case_reference, parent, path=path)

    def build(self) -> None:
        self.setObjectName("psychosocialSummaryDialog")
        self.setWindowTitle(self.tr("Psychosocial summary of %1").replace("%1", self.case_reference))
        self.ok_text = self.tr("&Write the summary")
        self.intro.setText(self.tr(
            "The psychosocial summary of the case for the team or an onward referral: the treatment episodes "
            "and their attendance, every screen with its score, band and cut-off and the trend of each "
            "instrument, what was done about a screen at or above the cut-off, the recovery plan and the "
            "re-screening. The session notes, the crisis contacts' notes and the item answers stay sealed: "
            "they are not in it. It is written to the file you choose and entered in the document register "
            "with its SHA-256."))
        box, self.pdf, self.docx = self._choice(
            (self.tr("&PDF, signed by the centre (PDF/A)"), "formatPdf"),
            (self.tr("&DOCX, editable and not signed"), "formatDocx"))
        self.add_field("format", self.tr("Format:"), box, accessible=self.tr("Format"))
        if len(self.children) > 1:
            self.child = ChoiceCombo([(c["person_id"], c["name"]) for c in self.children], self,
                                     empty_text=self.tr("All the children of the case"))
            self.child.setObjectName("summaryChildCombo")
            self.add_field("child_person_id", self.tr("&Children:"), self.child, accessible=self.tr("Children"))
        self.pseudonymise = QCheckBox(self.tr("Pse&udonymise: no names, dates of birth or addresses"), self)
        self.pseudonymise.setObjectName("pseudonymise")
        self.add_field("pseudonymise", "", self.pseudonymise,
                       self.tr("The children are called Child A, Child B...; family members by their role in the "
                               "case; the case's persons' names are taken out of every text."),
                       accessible=self.tr("Pseudonymise"))
        self._add_path_field(self.tr("&Save as:"), "")
        self.pdf.toggled.connect(self._retarget_suffix)
        self.pseudonymise.toggled.connect(self._suggest)

    def default_stem(self) -> str:
        stem = self.tr("%1-psychosocial-summary-%2").replace("%1", self.case_reference).replace(
            "%2", date.today().isoformat())
        return stem + (self.tr("-pseudonymised") if self.pseudonymise.isChecked() else "")

    def save_title(self) -> str:
        return self.tr("Save the psychosocial summary as")

    def job_texts(self) -> tuple[str, str]:
        return (self.tr("Writing the psychosocial summary"),
                self.tr("Writing and signing the psychosocial summary…") if self.fmt() == "pdf" else
                self.tr("Writing the psychosocial summary…"))

    def work(self):
        s, cid, path, fmt, pseudo = (self.session, self.case_id, self.path(), self.fmt(),
                                     self.pseudonymise.isChecked())
        child = self.child.value() if self.child is not None else None

        def run(progress, cancel):   # on the worker: core calls only
            entry = s.issue_psychosocial_summary(cid, fmt, path, child_person_id=child, pseudonymise=pseudo,
                                                 progress=progress, cancel=cancel)
            return {"entry": entry, "identity": receipt_identity(s), "path": path, "kind": "psychosocial",
                    "encrypted": False}
        return run
