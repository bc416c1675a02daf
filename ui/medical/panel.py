"""The case workspace's "Medical" tab, for medical staff: the case's examinations and, for the one
selected, its workspace: the agreement to it, who was present, Mark held; the findings coded
against the classification, the notes and the statement, the tests and their results, the expert
review, the outcome released to the team and when the child was told the result.

Everything shown comes from the core (case_medical: the examinations' coordination facts and
their sealed "detail", for medical staff holding the section key; without it the core's message is
shown); every change is one core call, made by a
dialog (dialogs.py) or a button here. session.can() only shapes the view; the core decides. Reads
run off the GUI thread (run_operation); `loading` is true while one is under way.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog, QGridLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSplitter,
    QVBoxLayout, QWidget,
)

from barnahus_app.errors import ValidationError
from barnahus_app.persons.actions import display_name

from ui.common.dates import date_text
from ui.common.feedback import (
    InlineMessage, bold, core_message, empty_label, muted, read_only_table, row_items, scroll_area,
)
from ui.common.tasks import run_operation
from ui.common.case_tab import CaseTabPanel
from ui.common.vocab_widgets import VocabCombo, term_label
from ui.interviews.fixity import FixityCheckDialog, report_fixity
from ui.interviews.shared import SHORT_HASH, labels
from ui.meetings.shared import when_text
from ui.medical.dialogs import (
    CancelExaminationDialog, EditExaminationDialog, FindingDialog, MoveExaminationDialog, OrderTestDialog,
    OutcomeDialog, PlanExaminationDialog, PresenceDialog, ReleaseStatementDialog, ResultToldDialog, ReviewDialog,
    TestResultDialog, category_text,
)
from ui.medical.images import ImageViewingDialog, RegisterImageDialog, ReleaseImageDialog, image_label
from ui.medical.samples import RegisterSampleDialog, SampleEventDialog, custody_text, event_text

CONTEXT = "MedicalPanel"
STATUS = {
    "planned": QT_TRANSLATE_NOOP("MedicalPanel", "Planned"),
    "held": QT_TRANSLATE_NOOP("MedicalPanel", "Held"),
    "declined": QT_TRANSLATE_NOOP("MedicalPanel", "Declined by the child"),
    "cancelled": QT_TRANSLATE_NOOP("MedicalPanel", "Cancelled"),
}
RESULT_STATUS = {
    "pending": QT_TRANSLATE_NOOP("MedicalPanel", "Pending"),
    "received": QT_TRANSLATE_NOOP("MedicalPanel", "Received"),
}


def _word(table: dict, code: str | None) -> str:
    return QCoreApplication.translate(CONTEXT, table[code]) if code in table else (code or "")


def image_event_text(code: str | None, fallback: str = "") -> str:
    """An image's custody event: "acquired", "viewed", "released" and the fixity checks, in the
    interviews' words (the one chain of custody)."""
    if code == "released":
        return QCoreApplication.translate("MedicalPanel", "Released")
    return labels().event(code, fallback) if code else ""


def child_name(c: dict) -> str:
    return display_name((c.get("given_name") or "").strip(), (c.get("family_name") or "").strip() or None)


class MedicalPanel(CaseTabPanel):
    """The "Medical" page of a saved case."""

    def __init__(self, session, case_id: int, case_reference: str = "", children: list | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("medicalPanel")
        self.session = session
        self.case_id = case_id
        self.case_reference = case_reference
        self.children = [{"person_id": c["person_id"], "name": child_name(c)} for c in children or []]
        self.exams: list[dict] = []
        self.dialog: QDialog | None = None
        self.samples: list[dict] = []
        self.images: list[dict] = []
        self._samples_asked = 0
        s = session
        self.can_plan = s.can("examination", "create")
        self.can_update = s.can("examination", "update")
        self.can_detail = s.can("medical", "update")
        self.can_review = s.can("medical", "review")
        self.can_release = s.can("medical", "release")
        self._build()

    # construction ------------------------------------------------------------------------------
    def _build(self) -> None:
        em = self.fontMetrics().height()
        outer, top = self._page(self.tr("Medical examinations"))
        top.addStretch(1)
        self.plan_button = QPushButton(self.tr("Plan an examination…"), self)   # Ctrl+N: Alt+L is the Follow-up tab
        self.plan_button.setObjectName("planExamButton")
        self.plan_button.setAutoDefault(False)
        self.plan_button.setToolTip(self.tr("Plan a new examination (Ctrl+N)"))
        self.plan_button.setVisible(self.can_plan)
        self.plan_button.clicked.connect(self.plan_examination)
        plan_key = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        plan_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        plan_key.activated.connect(self.plan_examination)
        top.addWidget(self.plan_button)
        self.message = InlineMessage(self)
        self.message.setObjectName("medicalMessage")
        outer.addWidget(self.message)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        self.split = split
        outer.addWidget(split, 1)
        listing = QWidget()
        ll = QVBoxLayout(listing)
        ll.setContentsMargins(0, 0, 0, 0)
        self.x_view, self.x_model = read_only_table(
            listing, "examinationsTable",
            [self.tr("When"), self.tr("Kind"), self.tr("Examiner"), self.tr("Status"), self.tr("Acute"),
             self.tr("Outcome released")],
            self.tr("The case's medical examinations"), [em * 12, em * 14, em * 9, em * 11, em * 3], stretch=None)
        self.x_view.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show_exam())
        ll.addWidget(self.x_view, 1)
        self.x_empty = empty_label(listing)
        self.x_empty.setText(self.tr("No examination is planned in this case."))
        ll.addWidget(self.x_empty)
        split.addWidget(listing)

        # --- the examination's workspace ---------------------------------------------------------
        body = QWidget()
        self.detail_body = body
        bl = QVBoxLayout(body)
        bl.setContentsMargins(0, em // 2, 0, 0)
        bl.setSpacing(em // 3)
        self.summary = QLabel(body)
        self.summary.setObjectName("examSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bl.addWidget(self.summary)

        bar = QHBoxLayout()
        self.hold_button = self._button(body, self.tr("Mar&k held"), "holdExamButton", self.hold, bar)
        self.move_button = self._button(body, self.tr("Mo&ve…"), "moveExamButton", self.move, bar)
        self.edit_button = self._button(body, self.tr("Edit the &booking…"), "editExamButton", self.edit, bar)
        self.cancel_button = self._button(body, self.tr("Ca&ncel…"), "cancelExamButton", self.cancel, bar)
        self.outcome_button = self._button(body, self.tr("Release the out&come…"), "releaseOutcomeButton",
                                           self.release_outcome, bar)
        self.presence_button = self._button(body, self.tr("&Who is present…"), "presenceButton", self.presence,
                                            bar)
        self.told_button = self._button(body, self.tr("C&hild told…"), "resultToldButton", self.result_told, bar)
        self.review_button = self._button(body, self.tr("E&xpert review…"), "reviewExamButton", self.review, bar)
        bar.addStretch(1)
        bl.addLayout(bar)

        grid = QGridLayout()
        grid.setColumnStretch(4, 1)
        self.agree_child = VocabCombo("medical_child_agreement", body, empty_text=self.tr("Not recorded"))
        self.agree_child.setObjectName("agreementChildCombo")
        self.agree_child.setAccessibleName(self.tr("The child's agreement to the examination"))
        self.agree_guardian = VocabCombo("medical_guardian_agreement", body, empty_text=self.tr("Not recorded"))
        self.agree_guardian.setObjectName("agreementGuardianCombo")
        self.agree_guardian.setAccessibleName(self.tr("The guardian's agreement to the examination"))
        lab_c = QLabel(self.tr("Chil&d's agreement:"), body)
        lab_c.setBuddy(self.agree_child)
        lab_g = QLabel(self.tr("&Guardian's agreement:"), body)
        lab_g.setBuddy(self.agree_guardian)
        self.agree_button = QPushButton(self.tr("Record agr&eement"), body)
        self.agree_button.setObjectName("recordAgreementButton")
        self.agree_button.setAutoDefault(False)
        self.agree_button.clicked.connect(self.record_agreement)
        grid.addWidget(lab_c, 0, 0)
        grid.addWidget(self.agree_child, 0, 1)
        grid.addWidget(lab_g, 0, 2)
        grid.addWidget(self.agree_guardian, 0, 3)
        grid.addWidget(self.agree_button, 0, 5)
        self.agreement_message = InlineMessage(body)
        self.agreement_message.setObjectName("agreementMessage")
        grid.addWidget(self.agreement_message, 1, 0, 1, 6)
        bl.addLayout(grid)
        note = muted(QLabel(self.tr("Agreement to this medical examination only. No child is examined by force."),
                            body))
        note.setWordWrap(True)
        bl.addWidget(note)

        cols = QHBoxLayout()   # findings and tests | notes, statement and reviews
        cols.setSpacing(em)
        left, right = QVBoxLayout(), QVBoxLayout()
        cols.addLayout(left, 3)
        cols.addLayout(right, 2)
        bl.addLayout(cols, 1)
        # findings
        fhead = QHBoxLayout()
        fhead.addWidget(bold(QLabel(self.tr("Findings"), body)))
        fhead.addStretch(1)
        self.add_finding_button = self._button(body, self.tr("Add a f&inding…"), "addFindingButton",
                                               self.add_finding, fhead)
        self.remove_finding_button = self._button(body, self.tr("&Remove the finding"), "removeFindingButton",
                                                  self.remove_finding, fhead)
        left.addLayout(fhead)
        self.f_view, self.f_model = read_only_table(
            body, "findingsTable", [self.tr("Category"), self.tr("Item"), self.tr("Site"), self.tr("Description")],
            self.tr("Findings"), [em * 12, em * 14, em * 7])
        self.f_view.setMinimumHeight(em * 6)
        self.f_view.setMaximumHeight(em * 10)
        self.f_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        left.addWidget(self.f_view)

        # tests
        thead = QHBoxLayout()
        thead.addWidget(bold(QLabel(self.tr("Tests"), body)))
        thead.addStretch(1)
        self.order_button = self._button(body, self.tr("Order a te&st…"), "orderTestButton", self.order_test, thead)
        self.result_button = self._button(body, self.tr("Record the result…"), "testResultButton",
                                          self.record_result, thead)
        left.addLayout(thead)
        self.t_view, self.t_model = read_only_table(
            body, "testsTable", [self.tr("Test"), self.tr("Ordered"), self.tr("Prophylaxis"), self.tr("Result"),
                                 self.tr("Received")],
            self.tr("Tests"), [em * 8, em * 6, em * 10, em * 6])
        self.t_view.setMinimumHeight(em * 5)
        self.t_view.setMaximumHeight(em * 8)
        self.t_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        left.addWidget(self.t_view)

        # forensic samples and their chain of custody
        shead = QHBoxLayout()
        shead.addWidget(bold(QLabel(self.tr("Forensic samples"), body)))
        shead.addStretch(1)
        self.sample_button = self._button(body, self.tr("Register a sample…"), "registerSampleButton",
                                          self.register_sample, shead)
        self.sample_event_button = self._button(body, self.tr("Add to the chain of custody…"), "sampleEventButton",
                                                self.add_sample_event, shead)
        left.addLayout(shead)
        self.s_view, self.s_model = read_only_table(
            body, "samplesTable", [self.tr("Kit ID"), self.tr("Type"), self.tr("Site"), self.tr("Seal"),
                                   self.tr("Last event")],
            self.tr("Forensic samples"), [em * 7, em * 9, em * 7, em * 6])
        self.s_view.setMinimumHeight(em * 5)
        self.s_view.setMaximumHeight(em * 8)
        self.s_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_custody())
        left.addWidget(self.s_view)
        self.custody_label = QLabel(body)
        self.custody_label.setObjectName("sampleCustodyLabel")
        self.custody_label.setWordWrap(True)
        self.custody_label.setTextFormat(Qt.TextFormat.PlainText)
        self.custody_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(self.custody_label)

        # photo documentation: images kept elsewhere, registered by their hash
        ihead = QHBoxLayout()
        ihead.addWidget(bold(QLabel(self.tr("Images"), body)))
        ihead.addStretch(1)
        self.image_button = self._button(body, self.tr("Register an image…"), "registerImageButton",
                                         self.register_image, ihead)
        self.viewing_button = self._button(body, self.tr("Log a viewing…"), "imageViewingButton",
                                           self.log_viewing, ihead)
        self.release_image_button = self._button(body, self.tr("Release…"), "releaseImageButton",
                                                 self.release_image, ihead)
        self.image_fixity_button = self._button(body, self.tr("Check fixit&y…"), "imageFixityButton",
                                                self.check_image_fixity, ihead)
        left.addLayout(ihead)
        self.i_view, self.i_model = read_only_table(
            body, "imagesTable", [self.tr("File"), self.tr("SHA-256"), self.tr("Derived from"), self.tr("Last event")],
            self.tr("Images"), [em * 10, em * 8, em * 8])
        self.i_view.setMinimumHeight(em * 5)
        self.i_view.setMaximumHeight(em * 8)
        self.i_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        left.addWidget(self.i_view)

        # notes and statement
        nhead = QHBoxLayout()
        nhead.addWidget(bold(QLabel(self.tr("Notes and statement"), body)))
        nhead.addStretch(1)
        self.save_notes_button = self._button(body, self.tr("Save the notes and statement"), "saveNotesButton",
                                              self.save_notes, nhead)
        right.addLayout(nhead)
        self.released_label = muted(QLabel(body))
        self.released_label.setObjectName("statementReleasedLabel")
        self.released_label.setWordWrap(True)
        right.addWidget(self.released_label)
        self.notes = self._text(body, "examNotesEdit", self.tr("Notes"))
        self.statement = self._text(body, "examStatementEdit", self.tr("Statement"))
        lab_n = QLabel(self.tr("Notes:"), body)
        lab_n.setBuddy(self.notes)
        lab_s = QLabel(self.tr("Statement:"), body)
        lab_s.setBuddy(self.statement)
        for w in (lab_n, self.notes, lab_s, self.statement):
            right.addWidget(w)
        QWidget.setTabOrder(self.notes, self.statement)   # then Save, after what it saves
        QWidget.setTabOrder(self.statement, self.save_notes_button)
        self.release_statement_button = QPushButton(self.tr("Release the statement…"), body)
        self.release_statement_button.setObjectName("releaseStatementButton")
        self.release_statement_button.setAutoDefault(False)
        self.release_statement_button.setToolTip(self.tr("For a court summary, a prosecutor bundle or a referral"))
        self.release_statement_button.clicked.connect(lambda _c=False: self.release_statement())
        right.addWidget(self.release_statement_button, 0, Qt.AlignmentFlag.AlignRight)
        QWidget.setTabOrder(self.save_notes_button, self.release_statement_button)
        self.notes_message = InlineMessage(body)
        self.notes_message.setObjectName("notesMessage")
        right.addWidget(self.notes_message)
        self.reviews_label = QLabel(body)
        self.reviews_label.setObjectName("reviewsLabel")
        self.reviews_label.setWordWrap(True)
        self.reviews_label.setTextFormat(Qt.TextFormat.PlainText)
        right.addWidget(self.reviews_label)
        right.addStretch(1)
        left.addStretch(1)
        self.detail_scroll = scroll_area(body)
        split.addWidget(self.detail_scroll)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([em * 8, em * 30])
        self._show_exam()


    def _text(self, parent: QWidget, name: str, accessible: str) -> QPlainTextEdit:
        box = QPlainTextEdit(parent)
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setTabChangesFocus(True)
        box.setMinimumHeight(box.fontMetrics().lineSpacing() * 5)
        box.setMaximumHeight(box.fontMetrics().lineSpacing() * 9)
        return box

    # reading -------------------------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        """Read the case's examinations again (off the GUI thread)."""
        s, cid = self.session, self.case_id
        keep = select if select is not None else (self.selected() or {}).get("id")
        self._read(lambda: s.case_medical(cid), lambda exams: self._loaded(exams, keep))

    def _loaded(self, exams: list, keep: int | None) -> None:
        self.exams = list(exams or [])
        self.x_view.selectionModel().blockSignals(True)
        self.x_model.removeRows(0, self.x_model.rowCount())
        for x in self.exams:
            self.x_model.appendRow(row_items([
                when_text(x), term_label("medical_examination_kinds", x.get("kind")), x.get("examiner_name") or "",
                _word(STATUS, x.get("status")), self.tr("Yes") if x.get("acute") else self.tr("No"),
                term_label("medical_outcomes", x.get("released_outcome")) or self.tr("Not yet")], x["id"]))
        self.x_view.selectionModel().blockSignals(False)
        row = next((i for i, x in enumerate(self.exams) if x["id"] == keep), len(self.exams) - 1)
        if row >= 0:
            self.x_view.selectRow(row)
        self.x_view.setVisible(bool(self.exams))
        self.x_empty.setVisible(not self.exams)
        if row >= 0:
            self.x_view.scrollTo(self.x_model.index(row, 0))   # the one shown below is in sight
        self._show_exam()
        if self._want_focus:
            self.focus_first()

    # the selected examination --------------------------------------------------------------------
    def selected(self) -> dict | None:
        idx = self.x_view.currentIndex()
        if not idx.isValid() or not 0 <= idx.row() < len(self.exams):
            return None
        return self.exams[idx.row()]

    def selected_finding(self) -> dict | None:
        rows = ((self.selected() or {}).get("detail") or {}).get("findings") or []
        idx = self.f_view.currentIndex()
        return rows[idx.row()] if idx.isValid() and idx.row() < len(rows) else None

    def selected_test(self) -> dict | None:
        rows = ((self.selected() or {}).get("detail") or {}).get("tests") or []
        idx = self.t_view.currentIndex()
        return rows[idx.row()] if idx.isValid() and idx.row() < len(rows) else None

    def summary_text(self, x: dict) -> str:
        lines = [self.tr("%1, %2: %3").replace("%1", term_label("medical_examination_kinds", x.get("kind")))
                 .replace("%2", when_text(x)).replace("%3", _word(STATUS, x.get("status")))]
        who = x.get("examiner_name") or ""
        if x.get("second_examiner_name"):
            who = self.tr("%1 with %2").replace("%1", who).replace("%2", x["second_examiner_name"])
        lines.append(self.tr("Examiner: %1").replace("%1", who))
        if x.get("room_name"):
            lines.append(self.tr("Room: %1").replace("%1", x["room_name"]))
        lines.append(self.tr("Commissioned by %1, priority %2.")
                     .replace("%1", term_label("medical_commissioners", x.get("commissioned_by")))
                     .replace("%2", term_label("medical_priorities", x.get("priority")).lower()))
        if x.get("acute"):
            lines.append(self.tr("Acute: the last contact was within the acute window."))
        if x.get("presence"):
            present = [self.tr("%1 (%2)").replace("%1", p.get("name") or self.tr("a person of the record")).replace(
                "%2", term_label("medical_presence_roles", p.get("role"))) for p in x["presence"]]
            lines.append(self.tr("Present: %1").replace("%1", ", ".join(present)))
        if x.get("released_outcome"):
            lines.append(self.tr("Outcome released: %1").replace(
                "%1", term_label("medical_outcomes", x["released_outcome"])))
        if x.get("told_result_on"):
            lines.append(self.tr("The child was told the result on %1 by %2.")
                         .replace("%1", date_text(x["told_result_on"]))
                         .replace("%2", x.get("told_result_by_name") or ""))
        if x.get("status") == "cancelled" and x.get("cancel_reason"):
            lines.append(self.tr("Cancelled: %1").replace("%1", x["cancel_reason"]))
        return "\n".join(lines)

    def _show_exam(self) -> None:
        x = self.selected()
        self.detail_scroll.setVisible(x is not None)
        self.agreement_message.clear()
        self.notes_message.clear()
        self.f_model.removeRows(0, self.f_model.rowCount())
        self.t_model.removeRows(0, self.t_model.rowCount())
        if x is None:
            self._update_buttons()
            return
        self.summary.setText(self.summary_text(x))
        self.agree_child.set_value(x.get("agreement_child"))
        self.agree_guardian.set_value(x.get("agreement_guardian"))
        d = x.get("detail") or {}
        for f in d.get("findings") or []:
            cat = f.get("category")
            cat_text = self.tr("%1: %2").replace("%1", str(cat)).replace(
                "%2", category_text(f.get("table_version"), cat)) if cat is not None else self.tr("Unknown")
            self.f_model.appendRow(row_items([cat_text, f"{f.get('item_code')} {f.get('label') or ''}",
                                           term_label("medical_sites", f.get("site")), f.get("description") or ""],
                                          f["id"]))
        for t in d.get("tests") or []:
            self.t_model.appendRow(row_items([
                term_label("medical_test_kinds", t.get("kind")), date_text(t.get("ordered_on")),
                term_label("medical_prophylaxis", t.get("prophylaxis")),
                t.get("result") or _word(RESULT_STATUS, t.get("result_status")), date_text(t.get("received_on"))],
                t["id"]))
        self.notes.setPlainText(d.get("notes") or "")
        self.statement.setPlainText(d.get("statement") or "")
        self._read_samples(x)
        released = [term_label("medical_release_purposes", p) for p in x.get("statement_released_for") or []]
        self.released_label.setText(self.tr("The statement is released for: %1").replace("%1", ", ".join(released))
                                    if released else "")
        self.released_label.setVisible(bool(released))
        reviews = d.get("reviews") or []
        if reviews:
            self.reviews_label.setText("\n".join(
                self.tr("Reviewed on %1: %2. %3").replace("%1", date_text(r.get("reviewed_on"))).replace(
                    "%2", self.tr("agrees") if r.get("agrees") else self.tr("does not agree")).replace(
                    "%3", r.get("comment") or "") for r in reviews))
        elif d.get("needs_review"):
            self.reviews_label.setText(self.tr("A finding needs an expert review by another medical colleague."))
        else:
            self.reviews_label.setText("")
        self.reviews_label.setVisible(bool(self.reviews_label.text()))
        self._update_buttons()

    def _read_samples(self, x: dict | None) -> None:
        """The selected examination's samples with their custody (a read of its own, audited)."""
        self._samples_asked += 1
        asked = self._samples_asked
        self.samples, self.images = [], []
        self.s_model.removeRows(0, self.s_model.rowCount())
        self.i_model.removeRows(0, self.i_model.rowCount())
        self._show_custody()
        if x is None or not self.can_detail or x.get("detail") is None or x.get("status") in ("cancelled", "declined"):
            return
        s, xid = self.session, x["id"]

        def shown(result) -> None:
            if asked == self._samples_asked:
                self._show_samples(*result)

        self._reads += 1
        self.loading = True
        run_operation(self, lambda: (s.examination_samples(xid), s.examination_images(xid)), shown,
                      errors=self.message, on_finished=self._read_done)

    def _show_samples(self, samples: list, images: list) -> None:
        self.images = list(images)
        names = {i["id"]: image_label(i) for i in self.images}
        for im in self.images:
            last = (im.get("custody") or [{}])[-1]
            self.i_model.appendRow(row_items([
                image_label(im), (im.get("sha256") or "")[:SHORT_HASH] + "…", names.get(im.get("derived_from"), ""),
                image_event_text(last.get("event"), last.get("label") or "")], im["id"]))
        if self.images:
            self.i_view.selectRow(len(self.images) - 1)
        self.samples = list(samples)
        for sm in self.samples:
            last = (sm.get("custody") or [{}])[-1].get("event")
            self.s_model.appendRow(row_items([
                sm.get("kit_id") or "", term_label("forensic_sample_types", sm.get("sample_type")),
                term_label("medical_sites", sm.get("site")), sm.get("seal_number") or "", event_text(last)], sm["id"]))
        if self.samples:
            self.s_view.selectRow(len(self.samples) - 1)
        self._show_custody()

    def selected_sample(self) -> dict | None:
        idx = self.s_view.currentIndex()
        return self.samples[idx.row()] if idx.isValid() and idx.row() < len(self.samples) else None

    def selected_image(self) -> dict | None:
        idx = self.i_view.currentIndex()
        return self.images[idx.row()] if idx.isValid() and idx.row() < len(self.images) else None

    def _show_custody(self) -> None:
        sm = self.selected_sample()
        self.custody_label.setText(custody_text(sm, (self.selected() or {}).get("time_zone")) if sm else "")
        self.custody_label.setVisible(sm is not None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        x = self.selected() or {}
        status = x.get("status")
        mine = self.session.user_id in (x.get("examiner_id"), x.get("second_examiner_id"))
        has_detail = x.get("detail") is not None
        upd = self.can_update
        for b, show, on in (
                (self.hold_button, upd, status == "planned"),
                (self.move_button, upd, status == "planned"),
                (self.edit_button, upd, status in ("planned", "held", "declined")),
                (self.cancel_button, upd, status in ("planned", "declined")),
                (self.agree_button, upd, status in ("planned", "declined")),
                (self.presence_button, upd, status in ("planned", "held")),
                (self.outcome_button, self.can_release, status == "held"),
                (self.told_button, self.can_detail, status == "held"),
                (self.review_button, self.can_review, status == "held" and not mine and has_detail),
                (self.add_finding_button, self.can_detail, status in ("planned", "held") and has_detail),
                (self.remove_finding_button, self.can_detail, self.selected_finding() is not None),
                (self.order_button, self.can_detail, status in ("planned", "held") and has_detail),
                (self.result_button, self.can_detail, (self.selected_test() or {}).get("result_status") == "pending"),
                (self.save_notes_button, self.can_detail, has_detail),
                (self.sample_button, self.can_detail, status in ("planned", "held") and has_detail),
                (self.sample_event_button, self.can_detail, self.selected_sample() is not None),
                (self.image_button, self.can_detail, status in ("planned", "held") and has_detail),
                (self.viewing_button, self.can_detail, self.selected_image() is not None),
                (self.release_image_button, self.can_release, self.selected_image() is not None),
                (self.image_fixity_button, self.can_detail, self.selected_image() is not None),
                (self.release_statement_button, self.can_release,
                 status == "held" and bool(x.get("statement_written")))):
            b.setVisible(show)
            b.setEnabled(on)
        for w in (self.agree_child, self.agree_guardian):
            w.setEnabled(upd and status in ("planned", "declined"))
        for w in (self.notes, self.statement):
            w.setReadOnly(not (self.can_detail and has_detail))

    # actions -----------------------------------------------------------------------------------

    def focus_order(self) -> tuple:
        return (self.x_view, self.plan_button)

    def _call(self, fn, button: QPushButton, errors=None, on_failure=None) -> None:
        """One core call from a button of the examination's workspace, then read again."""
        xid = (self.selected() or {}).get("id")
        self._reads += 1   # `loading` until the call and the read after it are done
        self.loading = True
        run_operation(self, fn, lambda _r: self._after(xid), errors=errors or self.message, on_failure=on_failure,
                      hold=(button,), on_finished=self._read_done)

    def plan_examination(self) -> QDialog | None:
        if not self.can_plan or self.dialog is not None:
            return None
        return self._open(PlanExaminationDialog(self.session, self.case_id, self.children, self),
                          lambda d: self._after(d.exam_id))

    def move(self) -> QDialog | None:
        x = self.selected()
        if x is None or x.get("status") != "planned":
            return None
        return self._open(MoveExaminationDialog(self.session, x, self), lambda d: self._after(x["id"]))

    def edit(self) -> QDialog | None:
        return self._exam_dialog(EditExaminationDialog)

    def cancel(self) -> QDialog | None:
        x = self.selected()
        if x is None:
            return None
        return self._open(CancelExaminationDialog(self.session, x, self), lambda d: self._after(x["id"]))

    def _exam_dialog(self, cls) -> QDialog | None:
        x = self.selected()
        if x is None:
            return None
        return self._open(cls(self.session, x, self), lambda d: self._after(x["id"]))

    def release_outcome(self) -> QDialog | None:
        return self._exam_dialog(OutcomeDialog)

    def register_sample(self) -> QDialog | None:
        return self._exam_dialog(RegisterSampleDialog)

    def add_sample_event(self) -> QDialog | None:
        x, sm = self.selected(), self.selected_sample()
        if x is None or sm is None:
            return None
        return self._open(SampleEventDialog(self.session, sm, x.get("time_zone"), self),
                          lambda d: self._after(x["id"]))

    def register_image(self) -> QDialog | None:
        x = self.selected()
        if x is None:
            return None
        return self._open(RegisterImageDialog(self.session, x, self.images, self), lambda d: self._after(x["id"]))

    def _image_dialog(self, cls) -> QDialog | None:
        x, im = self.selected(), self.selected_image()
        if x is None or im is None:
            return None
        return self._open(cls(self.session, im, self), lambda d: self._after(x["id"]))

    def log_viewing(self) -> QDialog | None:
        return self._image_dialog(ImageViewingDialog)

    def release_image(self) -> QDialog | None:
        return self._image_dialog(ReleaseImageDialog)

    def check_image_fixity(self) -> QDialog | None:
        """Hash the selected image again where it is kept (or where the user points) and compare."""
        x, im = self.selected(), self.selected_image()
        if x is None or im is None or self.dialog is not None:
            return None
        evidence = dict(im, label=image_label(im))
        dlg = FixityCheckDialog(self.session, evidence, self, image=True)
        dlg.checked.connect(lambda result: (self._after(x["id"]), report_fixity(self, self.message, result, evidence,
                                                                                  image=True)))
        return self._open(dlg, lambda d: None)

    def release_statement(self) -> QDialog | None:
        return self._exam_dialog(ReleaseStatementDialog)

    def presence(self) -> QDialog | None:
        return self._exam_dialog(PresenceDialog)

    def result_told(self) -> QDialog | None:
        return self._exam_dialog(ResultToldDialog)

    def review(self) -> QDialog | None:
        return self._exam_dialog(ReviewDialog)

    def add_finding(self) -> QDialog | None:
        return self._exam_dialog(FindingDialog)

    def order_test(self) -> QDialog | None:
        return self._exam_dialog(OrderTestDialog)

    def record_result(self) -> QDialog | None:
        x, t = self.selected(), self.selected_test()
        if x is None or t is None:
            return None
        return self._open(TestResultDialog(self.session, t, self), lambda d: self._after(x["id"]))

    def hold(self) -> None:
        """Mark held. The core refuses an examination the child declined: its message is shown
        beside the child's agreement."""
        x = self.selected()
        if x is None:
            return
        s, xid = self.session, x["id"]

        def refused(exc: BaseException) -> None:
            if isinstance(exc, ValidationError) and exc.field == "agreement_child":
                self.agreement_message.show_error(core_message(exc))
                self.agree_child.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.message.show_failure(exc)

        self.message.clear()
        self.agreement_message.clear()
        self._call(lambda: s.hold_examination(xid), self.hold_button, on_failure=refused)

    def record_agreement(self) -> None:
        x = self.selected()
        if x is None:
            return
        s, xid = self.session, x["id"]
        child, guardian = self.agree_child.value(), self.agree_guardian.value()
        self.agreement_message.clear()
        self._call(lambda: s.record_agreement(xid, child=child, guardian=guardian), self.agree_button,
                   errors=self.agreement_message)

    def remove_finding(self) -> None:
        f = self.selected_finding()
        if f is None:
            return
        s, fid = self.session, f["id"]
        self._call(lambda: s.remove_finding(fid), self.remove_finding_button)

    def save_notes(self) -> None:
        x = self.selected()
        if x is None:
            return
        s, xid = self.session, x["id"]
        notes, statement = self.notes.toPlainText(), self.statement.toPlainText()
        self.notes_message.clear()
        self._call(lambda: s.set_medical_notes(xid, notes, statement), self.save_notes_button,
                   errors=self.notes_message)


