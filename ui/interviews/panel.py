"""The case workspace's Interviews page: the child's interview count, the case's interviews, the
selected one in detail, and its recordings with their chain of custody and fixity checks.

Everything shown comes from the core (case_interviews, interview_count, interview_recordings,
custody_log: each read is audited); every change goes through it. session.can() only shapes the
view: buttons a role may never use are not shown, the core still checks every call.

Hashing a recording takes minutes for a large file: it runs on a worker (ui/common/tasks.py) that only
calls the core, with a progress dialog showing the bytes done and a Cancel that stops it between
two reads; nothing is written when it is cancelled. A fixity check that finds other contents, or
no file, is an alarm nobody can overlook, and says plainly that the stored hash was not changed.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QBrush, QColor, QFont, QKeySequence, QPalette, QShortcut, QStandardItem, QStandardItemModel,
)
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QInputDialog, QLabel, QMenu, QMessageBox, QPlainTextEdit, QPushButton,
    QSizePolicy, QSplitter, QStyle, QTableView, QVBoxLayout, QWidget,
)

from barnahus_app import policy
from barnahus_app.errors import BarnahusError
from barnahus_app.persons.actions import display_name
from barnahus_app.timeutil import zone_span_text

from ui.common.feedback import (
    InlineMessage, bold, core_message, muted, open_dialog, roles_text, scroll_area, setup_list_table, tinted_box,
)
from ui.common.dates import centre_zone, local_datetime_text
from ui.common.tasks import run_operation
from ui.common.vocab_widgets import term_label
from ui.interviews.shared import (
    ALARM_BACKGROUND, ALARM_ROLE, AlarmDelegate, ID_ROLE, SHORT_HASH, duration_text, labels,
    local_time_text, selectable_label, size_text,
)
from ui.interviews.custody import CustodyLogDialog
from ui.interviews.fixity import FixityCheckDialog, report_fixity
from ui.interviews.held_dialog import RecordHeldDialog
from ui.interviews.recording_dialog import CorrectLabelDialog, RegisterRecordingDialog
from ui.interviews.status_dialogs import CancelInterviewDialog, DeclinedDialog


# --- the panel -----------------------------------------------------------------------------------
class InterviewsPanel(QWidget):
    """The Interviews page of a saved case."""

    changed = Signal()

    I_COLUMNS = ("number", "when", "room", "interviewer", "status", "participation")
    R_COLUMNS = ("label", "copy", "size", "sha256", "duration", "fixity")

    def __init__(self, session, case_id: int, parent=None):
        super().__init__(parent)
        self.setObjectName("interviewsPanel")
        self.session = session
        self.case_id = case_id
        self.interviews: list[dict] = []
        self.recordings: list[dict] = []
        self.children: list[dict] = []
        self.dialog: QDialog | None = None   # the dialog open now (tests and the lock find it here)
        s = session
        self.can_plan = s.can("interview", "create")
        self.can_update = s.can("interview", "update")
        self.can_notes_read = s.can("interview_notes", "read")
        self.can_notes_write = s.can("interview_notes", "update")
        self.can_rec_read = s.can("recording", "read")
        self.can_rec_create = s.can("recording", "create")
        self.can_rec_update = s.can("recording", "update")
        self._notes_baseline = ""
        self._notes_locked = False   # the notes section's key not held yet (see the interview view)
        self._zone = centre_zone()
        self._shown_once = False
        self._reads = 0   # reads of the interviews, or of an interview's recordings, under way
        self._recordings_asked = 0   # which read of the recordings is the last one asked for
        self._build()   # the contents are read when the page is first shown (refresh())

    # construction ------------------------------------------------------------------------------
    def _build(self) -> None:
        em = self.fontMetrics().height()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 12)
        outer.setSpacing(em // 2)

        self.count_box, cl = tinted_box(self, "interviewCountBox")
        cl.setSpacing(2)
        self.count_label = bold(selectable_label("", self.count_box), 1.15)
        self.count_label.setObjectName("interviewCountLabel")
        cl.addWidget(self.count_label)
        note = QLabel(self.tr("Planned and held interviews of the child across all their cases. As few interviews "
                              "as possible: each further one needs a written reason."), self.count_box)
        note.setWordWrap(True)
        cl.addWidget(note)
        outer.addWidget(self.count_box)

        bar = QHBoxLayout()
        bar.setSpacing(em // 2)
        self.plan_button = QPushButton(self.tr("Plan &interview…"), self)
        self.plan_button.setObjectName("planInterviewButton")
        self.held_button = QPushButton(self.tr("Record as h&eld…"), self)
        self.held_button.setObjectName("recordHeldButton")
        self.declined_button = QPushButton(self.tr("Child de&clined…"), self)
        self.declined_button.setObjectName("childDeclinedButton")
        self.declined_button.setToolTip(self.tr("The child chose not to take part: a right, not a duty"))
        self.move_button = QPushButton(self.tr("&Move…"), self)
        self.move_button.setObjectName("moveInterviewButton")
        self.move_button.setToolTip(self.tr("Another time, room or interviewer"))
        self.cancel_button = QPushButton(self.tr("Cancel inte&rview…"), self)   # Alt+L: Follow-up; Alt+A: Psychosocial
        self.cancel_button.setObjectName("cancelInterviewButton")
        for b in (self.plan_button, self.held_button, self.declined_button, self.move_button, self.cancel_button):
            b.setAutoDefault(False)
            bar.addWidget(b)
        bar.addStretch(1)
        self.plan_button.setVisible(self.can_plan)
        for b in (self.held_button, self.declined_button, self.move_button, self.cancel_button):
            b.setVisible(self.can_update)
        self.plan_button.clicked.connect(self.plan_interview)
        self.held_button.clicked.connect(self.record_held)
        self.declined_button.clicked.connect(self.record_declined)
        self.move_button.clicked.connect(self.move_interview)
        self.cancel_button.clicked.connect(self.cancel_interview)
        outer.addLayout(bar)

        self.message = InlineMessage(self)
        self.message.setObjectName("interviewsMessage")
        outer.addWidget(self.message)

        self.vsplit = QSplitter(Qt.Orientation.Vertical, self)
        self.vsplit.setChildrenCollapsible(False)
        outer.addWidget(self.vsplit, 1)

        top = QSplitter(Qt.Orientation.Horizontal)
        top.setChildrenCollapsible(False)
        self.hsplit = top
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.setSpacing(em // 4)
        list_head = bold(QLabel(self.tr("Interviews in this case"), left))
        ll.addWidget(list_head)
        self.i_model = QStandardItemModel(0, len(self.I_COLUMNS), self)
        self.i_model.setHorizontalHeaderLabels([self.tr("No."), self.tr("Date and time (%1)").replace("%1", centre_zone()),
                                                self.tr("Room"),
                                                self.tr("Interviewer"), self.tr("Status"),
                                                self.tr("Participation")])
        self.i_model.horizontalHeaderItem(5).setToolTip(self.tr("The child's choice to take part"))
        self.i_view = QTableView(left)
        self.i_view.setObjectName("interviewsTable")
        self.i_view.setAccessibleName(self.tr("Interviews in this case"))
        self.i_view.setModel(self.i_model)
        setup_list_table(self.i_view, em + 12)
        hh = self.i_view.horizontalHeader()
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setHighlightSections(False)
        hh.setStretchLastSection(True)
        fm = self.fontMetrics()
        for col, w in enumerate((fm.horizontalAdvance("No.") + 24,
                                 fm.horizontalAdvance("0000-00-00 00:00–00:00") + 24,
                                 em * 8, em * 9, em * 8)):
            hh.resizeSection(col, w)
        self.i_view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._interview_selected(cur.row()))
        list_head.setBuddy(self.i_view)
        ll.addWidget(self.i_view, 1)
        self.empty_label = QLabel(self.tr("No interview is planned in this case yet."), left)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        ll.addWidget(self.empty_label)
        top.addWidget(left)

        self.details_holder = QWidget()
        dl = QVBoxLayout(self.details_holder)
        dl.setContentsMargins(em // 2, 0, 0, 0)
        dl.setSpacing(em // 3)
        self.details = QWidget()
        QVBoxLayout(self.details).setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.details)
        self.notes_box = QWidget()
        nl = QVBoxLayout(self.notes_box)
        nl.setContentsMargins(0, em // 2, 0, 0)
        nl.setSpacing(em // 4)
        notes_head = bold(QLabel(self.tr("Intervie&wer's notes"), self.notes_box))
        nl.addWidget(notes_head)
        self.notes = QPlainTextEdit(self.notes_box)
        self.notes.setObjectName("interviewNotes")
        self.notes.setAccessibleName(self.tr("Interviewer's notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(em * 7)
        self.notes.setReadOnly(not self.can_notes_write)
        notes_head.setBuddy(self.notes)
        nl.addWidget(self.notes)
        nrow = QHBoxLayout()
        self.notes_state = QLabel(self.notes_box)
        self.notes_state.setWordWrap(True)   # the sealed notes' reason is a sentence or two
        muted(self.notes_state)
        nrow.addWidget(self.notes_state, 1)
        self.save_notes_button = QPushButton(self.tr("Sa&ve notes"), self.notes_box)
        self.save_notes_button.setObjectName("saveNotesButton")
        self.save_notes_button.setAutoDefault(False)
        self.save_notes_button.setVisible(self.can_notes_write)
        self.save_notes_button.clicked.connect(self.save_notes)
        nrow.addWidget(self.save_notes_button)
        # Sealed notes whose key this user does not hold yet: the section's recovery key opens them.
        self.notes_recovery_button = QPushButton(self.tr("Open wi&th the recovery key…"), self.notes_box)
        self.notes_recovery_button.setObjectName("notesRecoveryButton")
        self.notes_recovery_button.setAutoDefault(False)
        self.notes_recovery_button.setVisible(False)
        self.notes_recovery_button.clicked.connect(self.open_notes_with_recovery_key)
        nrow.addWidget(self.notes_recovery_button)
        nl.addLayout(nrow)
        self.notes.textChanged.connect(self._notes_edited)
        self.notes.installEventFilter(self)  # Ctrl+S in the notes saves the notes
        self.notes_box.setVisible(False)
        dl.addWidget(self.notes_box)
        dl.addStretch(1)
        scroll = self.details_scroll = scroll_area(self.details_holder)
        top.addWidget(scroll)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        left.setMinimumWidth(em * 22)
        scroll.setMinimumWidth(em * 22)
        top.setSizes([em * 40, em * 30])
        self.vsplit.addWidget(top)

        self.rec_box = QWidget()
        rl = QVBoxLayout(self.rec_box)
        rl.setContentsMargins(0, em // 2, 0, 0)
        rl.setSpacing(em // 4)
        self.rec_head = bold(QLabel(self.tr("Recordings o&f the selected interview"), self.rec_box))
        rl.addWidget(self.rec_head)
        self.alarm = QLabel(self.rec_box)
        self.alarm.setObjectName("fixityAlarmBanner")
        self.alarm.setWordWrap(True)
        self.alarm.setAutoFillBackground(True)
        self.alarm.setContentsMargins(em // 2, em // 3, em // 2, em // 3)
        ap = self.alarm.palette()
        ap.setColor(QPalette.ColorRole.Window, QColor(ALARM_BACKGROUND))
        ap.setColor(QPalette.ColorRole.WindowText, QColor("white"))
        self.alarm.setPalette(ap)
        bold(self.alarm)
        self.alarm.hide()
        rl.addWidget(self.alarm)
        self.r_model = QStandardItemModel(0, len(self.R_COLUMNS), self)
        self.r_model.setHorizontalHeaderLabels([self.tr("Label"), self.tr("Copy"), self.tr("Size"),
                                                self.tr("SHA-256"), self.tr("Duration"), self.tr("Fixity")])
        self.r_view = QTableView(self.rec_box)
        self.r_view.setObjectName("recordingsTable")
        self.r_view.setAccessibleName(self.tr("Recordings of the selected interview"))
        self.r_view.setModel(self.r_model)
        self.r_view.setItemDelegate(AlarmDelegate(self.r_view))
        setup_list_table(self.r_view, em + 12)
        rh = self.r_view.horizontalHeader()
        rh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rh.setHighlightSections(False)
        rh.setStretchLastSection(True)
        for col, w in enumerate((em * 14, em * 9, em * 6, fm.horizontalAdvance("0" * SHORT_HASH + "…") + 28, em * 5)):
            rh.resizeSection(col, w)
        self.r_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.r_view.customContextMenuRequested.connect(self._recording_menu)
        self.r_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        copy_sc = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.r_view)
        copy_sc.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy_sc.activated.connect(self.copy_sha)
        self.rec_head.setBuddy(self.r_view)
        rl.addWidget(self.r_view, 1)
        self.rec_empty = QLabel(self.rec_box)
        self.rec_empty.setWordWrap(True)
        self.rec_empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.rec_empty.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        rl.addWidget(self.rec_empty)
        rbar = QHBoxLayout()
        self.register_button = QPushButton(self.tr("Register a recordi&ng…"), self.rec_box)
        self.register_button.setObjectName("registerRecordingButton")
        self.custody_button = QPushButton(self.tr("C&ustody log…"), self.rec_box)
        self.custody_button.setObjectName("custodyLogButton")
        self.fixity_button = QPushButton(self.tr("Check fi&xity…"), self.rec_box)
        self.fixity_button.setObjectName("checkFixityButton")
        self.copy_button = QPushButton(self.tr("Cop&y SHA-256"), self.rec_box)
        self.copy_button.setObjectName("copyShaButton")
        self.copy_button.setToolTip(self.tr("Copy the full SHA-256 of the selected recording (Ctrl+C in the table)"))
        self.label_button = QPushButton(self.tr("Correct la&bel…"), self.rec_box)
        self.label_button.setObjectName("correctLabelButton")
        self.label_button.setToolTip(self.tr("Correct the selected recording's label; the original stays in its "
                                             "history"))
        for b in (self.register_button, self.custody_button, self.fixity_button, self.copy_button, self.label_button):
            b.setAutoDefault(False)
            rbar.addWidget(b)
        # Who may register, from the policy: a user who may not sees why, not a missing button.
        self.register_hint = QLabel(self.tr("Recordings are registered by: %1").replace(
            "%1", roles_text(policy.roles_allowed("recording", "create"))), self.rec_box)
        self.register_hint.setObjectName("registerHint")
        muted(self.register_hint)
        rbar.addWidget(self.register_hint)
        rbar.addStretch(1)
        self.register_hint.setVisible(not self.can_rec_create)
        if not self.can_rec_create:
            self.register_button.setToolTip(self.register_hint.text())
            self.register_button.setAccessibleDescription(self.register_hint.text())
        self.fixity_button.setVisible(self.can_rec_update)
        self.label_button.setVisible(self.session.can("recording", "amend"))
        self.label_button.clicked.connect(self.correct_label)
        self.register_button.clicked.connect(self.register_recording)
        self.custody_button.clicked.connect(self.show_custody_log)
        self.fixity_button.clicked.connect(self.check_fixity)
        self.copy_button.clicked.connect(self.copy_sha)
        rl.addLayout(rbar)
        self.vsplit.addWidget(self.rec_box)
        self.rec_box.setVisible(self.can_rec_read)
        self.vsplit.setStretchFactor(0, 3)
        self.vsplit.setStretchFactor(1, 2)
        self.vsplit.setSizes([em * 32, em * 16])

    # reading -----------------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None, then: Callable[[], None] | None = None) -> None:
        """Read the case's interviews and the child's count again (through the core, off the GUI
        thread); then() runs once they are shown."""
        self._maybe_save_notes()
        keep = select_id if select_id is not None else self.selected_id()
        self.message.clear()
        s, case_id = self.session, self.case_id

        def read():   # on the record's thread
            children = s.get_case(case_id).get("children") or []
            return children, s.case_interviews(case_id), [(c, s.interview_count(c["person_id"])) for c in children]

        self._reads += 1
        def shown(result) -> None:
            self._show(keep, *result)
            if then is not None:
                then()

        run_operation(self, read, shown, errors=self.message, on_finished=self._loaded)

    def _loaded(self) -> None:
        self._reads -= 1

    @property
    def loading(self) -> bool:
        """True while a read started by refresh() (or of the selected interview's recordings) has
        not come back."""
        return self._reads > 0

    def _show(self, keep: int | None, children: list, interviews: list, counts: list) -> None:
        self.children, self.interviews = children, interviews
        self._show_counts(counts)
        sel = self.i_view.selectionModel()
        sel.blockSignals(True)  # one _interview_selected at the end, not one per row
        self.i_model.removeRows(0, self.i_model.rowCount())
        for iv in self.interviews:
            self.i_model.appendRow(self._interview_items(iv))
        has = bool(self.interviews)
        for col in range(len(self.I_COLUMNS) - 1):
            self.i_view.resizeColumnToContents(col)
        self.i_view.setVisible(has)
        self.empty_label.setVisible(not has)
        row = next((i for i, iv in enumerate(self.interviews) if iv["id"] == keep), len(self.interviews) - 1)
        if has:
            self.i_view.setCurrentIndex(self.i_model.index(row, 0))
            self.i_view.selectRow(row)
        sel.blockSignals(False)
        self.i_view.viewport().update()
        self._interview_selected(row if has else -1)

    def _show_counts(self, counts) -> None:
        if not counts:
            text = self.tr("No child is recorded in this case yet.")
        else:
            lines = []
            for child, n in counts:
                name = display_name((child.get("given_name") or "").strip(),
                                    (child.get("family_name") or "").strip() or None)
                lines.append(self.tr("%1: %2 interviews (across all cases)").replace("%1", name).replace("%2", str(n))
                             if n != 1 else
                             self.tr("%1: 1 interview (across all cases)").replace("%1", name))
            text = "\n".join(lines)
        self.count_label.setText(text)
        self.count_label.setAccessibleName(text)

    def _when_text(self, iv: dict, named: bool | None = None, held: bool = False) -> str:
        """When it is planned, or (held) when it was held, in the zone the interview was planned in,
        named (in the list: only when it is not the centre's)."""
        zone = iv["time_zone"]
        a, b = ("actual_start_utc", "actual_end_utc") if held else ("starts_at_utc", "ends_at_utc")
        return zone_span_text(iv[a], iv[b], zone, named=zone != self._zone if named is None else named)

    def _interview_items(self, iv: dict) -> list[QStandardItem]:
        when = self._when_text(iv, held=bool(iv.get("actual_start_utc")))
        values = [str(iv["number"]) if iv.get("number") else "–", when, iv.get("room_name") or "",
                  iv.get("interviewer_name") or "", labels().status(iv["status"]),
                  labels().participation(iv["child_participation"])]
        items = []
        for v in values:
            it = QStandardItem(v)
            it.setEditable(False)
            it.setData(iv["id"], ID_ROLE)
            items.append(it)
        if iv["status"] in ("cancelled", "not_held"):
            grey = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            for it in items:
                it.setForeground(grey)
        return items

    def selected_id(self) -> int | None:
        iv = self.selected()
        return iv["id"] if iv else None

    def selected(self) -> dict | None:
        idx = self.i_view.currentIndex()
        if not idx.isValid() or not 0 <= idx.row() < len(self.interviews):
            return None
        return self.interviews[idx.row()]

    def _interview_selected(self, row: int) -> None:
        self._maybe_save_notes()
        iv = self.interviews[row] if 0 <= row < len(self.interviews) else None
        self._show_details(iv)
        self._load_recordings(iv)
        self._update_buttons()

    # details ------------------------------------------------------------------------------------
    def _show_details(self, iv: dict | None) -> None:
        lay = self.details.layout()
        while lay.count():
            w = lay.takeAt(0).widget()
            if w is not None:
                w.hide()
                w.deleteLater()
        self.notes_box.setVisible(iv is not None and self.can_notes_read)
        if iv is None:
            self._set_notes("")
            return
        em = self.fontMetrics().height()
        w = QWidget()
        w.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)  # never squeezed
        v = QVBoxLayout(w)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(em // 3)
        child = iv.get("child_name") or ""
        if iv.get("number"):
            title = self.tr("Interview %1 of %2 (across all cases)").replace("%1", str(iv["number"])) \
                .replace("%2", child)
        else:
            title = self.tr("Interview of %1: %2").replace("%1", child).replace("%2", labels().status(iv["status"]))
        head = bold(selectable_label(title, w), 1.1)
        head.setObjectName("interviewTitle")
        v.addWidget(head)
        form = QFormLayout()
        form.setHorizontalSpacing(em)
        form.setVerticalSpacing(em // 4)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        zone = iv["time_zone"]

        def row(label: str, text: str | None) -> None:
            if not text:
                return
            val = selectable_label(text, w, wrap=len(text) > 50)  # wrapping short values spreads rows apart
            val.setAccessibleName(label)
            form.addRow(QLabel(label, w), val)

        row(self.tr("Status"), labels().status(iv["status"]))
        row(self.tr("Planned"), self._when_text(iv, named=True))
        if iv.get("actual_start_utc"):
            row(self.tr("Held"), self._when_text(iv, named=True, held=True))
        breaks = [f"{local_time_text(b['started_at_utc'], zone, False)}–{local_time_text(b['ended_at_utc'], zone, False)}"
                  for b in iv.get("breaks") or []]
        row(self.tr("Breaks"), ", ".join(breaks))
        row(self.tr("Room"), iv.get("room_name"))
        row(self.tr("Interviewer"), iv.get("interviewer_name"))
        row(self.tr("Protocol"), term_label("interview_protocols", iv.get("protocol")))
        row(self.tr("Language"), iv.get("language"))
        row(self.tr("Interpreter language"), iv.get("interpreter_language"))
        row(self.tr("Language used"), iv.get("language_used"))
        row(self.tr("Child's participation"), labels().participation(iv["child_participation"]))
        if iv.get("pre_constituted"):
            row(self.tr("Pre-constituted evidence"), self.tr("Yes"))
        if iv["status"] == "cancelled":
            row(self.tr("Why cancelled"), iv.get("cancel_reason"))
        elif iv["status"] == "not_held":
            row(self.tr("Note"), iv.get("cancel_reason"))
        row(self.tr("Why another interview"), iv.get("justification"))
        v.addLayout(form)

        parts = iv.get("participants") or []
        v.addWidget(bold(QLabel(self.tr("Participants"), w)))
        if not parts:
            v.addWidget(selectable_label(self.tr("Only the child and the interviewer."), w))
        for p in parts:
            bits = [term_label("interview_participant_roles", p["role"]) + ": "
                    + (p.get("display") or self.tr("not named"))]
            if p.get("language"):
                bits.append(self.tr("language %1").replace("%1", p["language"]))
            if p.get("present") is True:
                bits.append(self.tr("present"))
            elif p.get("present") is False:
                bits.append(self.tr("not present"))
            v.addWidget(selectable_label(" · ".join(bits), w))

        overrides = iv.get("overrides") or []
        if overrides:
            v.addWidget(bold(QLabel(self.tr("Warnings overridden"), w)))
            for o in overrides:
                text = self.tr("%1 — reason: %2 (%3, %4)").replace("%1", labels().conflict(o["conflict"])) \
                    .replace("%2", o["reason"]).replace("%3", o.get("by_name") or "") \
                    .replace("%4", local_datetime_text(o.get("at_utc")))
                lab = selectable_label(text, w)
                lab.setObjectName("overrideText")
                v.addWidget(lab)
        lay.addWidget(w)
        prev = self.i_view  # Tab: the list, the details (selectable by keyboard), then the notes
        for lab in w.findChildren(QLabel):
            if lab.focusPolicy() != Qt.FocusPolicy.NoFocus:
                QWidget.setTabOrder(prev, lab)
                prev = lab
        QWidget.setTabOrder(prev, self.notes)
        # The notes are sealed (record/sections.py): a reader whose key slot does not hold their
        # key yet sees why, and cannot write over them.
        self._notes_locked = bool(iv.get("notes_locked"))
        self.notes.setReadOnly(not self.can_notes_write or self._notes_locked)
        self.notes_recovery_button.setVisible(self._notes_locked)
        self.save_notes_button.setVisible(self.can_notes_write and not self._notes_locked)
        self._set_notes((iv.get("notes") or "") if self.can_notes_read else "")

    # notes ---------------------------------------------------------------------------------------
    def _set_notes(self, text: str) -> None:
        self.notes.blockSignals(True)
        self.notes.setPlainText(text)
        self.notes.blockSignals(False)
        self._notes_baseline = text
        self._notes_edited()

    def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
        """Ctrl+S while writing notes saves them (rather than the workspace's Save, which does
        not cover notes)."""
        if obj is self.notes and self.can_notes_write and event.type() in (event.Type.ShortcutOverride,
                                                                           event.Type.KeyPress):
            if event.matches(QKeySequence.StandardKey.Save):
                event.accept()
                if event.type() == event.Type.KeyPress:
                    self.save_notes()
                return event.type() == event.Type.KeyPress
        return super().eventFilter(obj, event)

    def notes_dirty(self) -> bool:
        return (self.can_notes_write and not self._notes_locked
                and self.notes.toPlainText() != self._notes_baseline)

    def _notes_edited(self) -> None:
        dirty = self.notes_dirty()
        self.save_notes_button.setEnabled(dirty)
        if self._notes_locked:
            self.notes_state.setText(self.tr(
                "The notes are sealed, and you do not hold their key yet. It is sealed to you the next "
                "time a colleague who holds it unlocks the record."))
        elif not self.can_notes_write:
            self.notes_state.setText(self.tr("Only forensic interviewers write these notes."))
        else:
            self.notes_state.setText(self.tr("Not saved yet.") if dirty else "")

    def save_notes(self) -> bool:
        iv = self.selected()
        if iv is None or not self.notes_dirty():
            return True
        try:
            self.session.set_interview_notes(iv["id"], self.notes.toPlainText() or None)
        except BarnahusError as e:
            self.message.show_error(core_message(e))
            return False
        iv["notes"] = self.notes.toPlainText() or None
        self._notes_baseline = self.notes.toPlainText()
        self._notes_edited()
        self.notes_state.setText(self.tr("Notes saved."))
        return True

    def open_notes_with_recovery_key(self) -> None:
        """The notes section's recovery key (shown once to its first holder) seals its key to this
        user's key slot; the interviews are then read again."""
        key, ok = QInputDialog.getText(self, self.tr("Interviewer's notes"), self.tr(
            "The recovery key of the interviewer's notes (64 hexadecimal digits, as on the sheet):"))
        if not ok or not key.strip():
            return
        iv = self.selected()
        s = self.session
        run_operation(self, lambda: s.open_section_with_recovery_key("interview_notes", key),
                      lambda _r: self.refresh(iv["id"] if iv else None), errors=self.message,
                      hold=(self.notes_recovery_button,))

    def _maybe_save_notes(self) -> None:
        """Leaving an interview whose notes were edited: save them or let them go, as asked."""
        if not self.notes_dirty() or not self.notes_box.isVisible():
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved notes"),
                          self.tr("The interviewer's notes have changes that are not saved. Save them?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard, self)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        if box.exec() == QMessageBox.StandardButton.Save:
            self.save_notes()
        else:
            self._set_notes(self._notes_baseline)

    # recordings ----------------------------------------------------------------------------------
    def _load_recordings(self, iv: dict | None) -> None:
        """Read the recordings of the interview selected (off the GUI thread). Until they come the
        table is empty, so that no action applies to the recordings of the one selected before;
        only the answer for the last interview selected is shown."""
        self._recordings_asked += 1
        asked = self._recordings_asked
        self.r_model.removeRows(0, self.r_model.rowCount())
        self.recordings = []
        if not self.can_rec_read:
            return
        if iv is None:
            self.rec_empty.setText(self.tr("Choose an interview to see its recordings."))
            self._show_recordings(False)
            return
        s, interview_id = self.session, iv["id"]

        def shown(recordings: list) -> None:
            if asked == self._recordings_asked:
                self._show_recording_rows(recordings)

        def failed(error: BaseException) -> None:
            if asked == self._recordings_asked:
                self.message.show_failure(error)

        self._reads += 1
        run_operation(self, lambda: s.interview_recordings(interview_id), shown, on_failure=failed,
                      on_finished=self._loaded)

    def _show_recording_rows(self, recordings: list) -> None:
        self.recordings = recordings
        for r in self.recordings:
            self.r_model.appendRow(self._recording_items(r))
        self.rec_empty.setText(self.tr("No recording is registered for this interview."))
        self._show_recordings(bool(self.recordings))
        failed = [r for r in self.recordings if r["fixity_status"] in ("mismatch", "missing")]
        if failed:
            self.alarm.setText(self.tr("FIXITY CHECK FAILED for %1. Do not use it as evidence; the registered "
                                       "SHA-256 was not changed.")
                               .replace("%1", ", ".join(r["label"] for r in failed)))
            self.alarm.setAccessibleName(self.alarm.text())
        self.alarm.setVisible(bool(failed))
        if self.recordings:
            self.r_view.selectRow(0)
        self._update_buttons()

    def _show_recordings(self, table: bool) -> None:
        self.r_view.setVisible(table)
        self.rec_empty.setVisible(not table)

    def _recording_items(self, r: dict) -> list[QStandardItem]:
        if r["copy_kind"] == "master":
            copy = self.tr("Master")
        else:
            master = next((m["label"] for m in self.recordings if m["id"] == r.get("master_id")), "")
            copy = self.tr("Working copy of %1").replace("%1", master) if master else self.tr("Working copy")
        fixity = labels().fixity(r["fixity_status"])
        if r["fixity_status"] == "ok" and r.get("fixity_checked_at"):
            fixity = self.tr("%1 (checked %2)").replace("%1", fixity).replace(
                "%2", local_datetime_text(r["fixity_checked_at"])[:10])
        values = [r["label"], copy, size_text(r.get("size_bytes")), r["sha256"][:SHORT_HASH] + "…",
                  duration_text(r.get("duration_ms")), fixity]
        items = []
        for v in values:
            it = QStandardItem(v)
            it.setEditable(False)
            it.setData(r["id"], ID_ROLE)
            items.append(it)
        sha = items[3]
        sha.setToolTip(r["sha256"])
        sha.setData(self.tr("SHA-256 %1").replace("%1", r["sha256"]), Qt.ItemDataRole.AccessibleTextRole)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        sha.setFont(mono)
        items[0].setToolTip(self.tr("%1\nFile: %2\nKept at: %3").replace("%1", r["label"])
                            .replace("%2", r.get("file_name") or "").replace("%3", r.get("storage_location") or ""))
        if r.get("label_amendments"):
            items[0].setToolTip(items[0].toolTip() + "\n" + self.tr("Registered as: %1").replace(
                "%1", r["label_amendments"][0]["old_label"]))
        fx = items[5]
        if r["fixity_status"] in ("mismatch", "missing"):
            fx.setData(True, ALARM_ROLE)
            fx.setBackground(QBrush(QColor(ALARM_BACKGROUND)))
            fx.setForeground(QBrush(QColor("white")))
            f = QFont(self.font())
            f.setBold(True)
            fx.setFont(f)
            fx.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical))
            fx.setToolTip(self.tr("The file checked did not match the SHA-256 taken at registration, or was not "
                                  "found. The registered SHA-256 was not changed."))
        elif r["fixity_status"] == "ok":
            fx.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))
        return items

    def selected_recording(self) -> dict | None:
        idx = self.r_view.currentIndex()
        if not idx.isValid() or not 0 <= idx.row() < len(self.recordings):
            return None
        return self.recordings[idx.row()]

    def copy_sha(self) -> None:
        r = self.selected_recording()
        if r is None:
            return
        from ui.common.clipboard import copy_identifier
        copy_identifier(r["sha256"])
        self.message.show_info(self.tr("The SHA-256 of %1 is on the clipboard.").replace("%1", r["label"]))

    def _recording_menu(self, pos) -> None:
        if self.selected_recording() is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Copy SHA-256"), self.copy_sha)
        menu.addAction(self.tr("Custody log…"), self.show_custody_log)
        if self.can_rec_update:
            menu.addAction(self.tr("Check fixity…"), self.check_fixity)
        menu.exec(self.r_view.viewport().mapToGlobal(pos))

    # buttons ---------------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        iv = self.selected()
        status = iv["status"] if iv else None
        self.held_button.setEnabled(status == "planned")
        if status == "held":
            self.held_button.setToolTip(self.tr("Already recorded as held: %1.").replace(
                "%1", self._when_text(iv, held=True)))
        elif status in ("cancelled", "not_held"):
            self.held_button.setToolTip(self.tr("Only a planned interview can be recorded as held."))
        else:
            self.held_button.setToolTip(self.tr("The interview took place: when, breaks and who was present"))
        self.declined_button.setEnabled(status == "planned")
        self.move_button.setEnabled(status == "planned")
        self.cancel_button.setEnabled(status == "planned")
        self.plan_button.setEnabled(bool(self.children))
        rec = self.selected_recording()
        self.register_button.setEnabled(self.can_rec_create and iv is not None and status != "cancelled")
        self.label_button.setEnabled(rec is not None)
        self.custody_button.setEnabled(rec is not None)
        self.copy_button.setEnabled(rec is not None)
        self.fixity_button.setEnabled(rec is not None and rec["fixity_status"] != "destroyed")

    def plan_interview(self) -> QDialog:
        from ui.interviews.plan_dialog import InterviewPlanDialog
        dlg = InterviewPlanDialog(self.session, self, case_id=self.case_id)
        return open_dialog(self, dlg, lambda d: self._changed(d.interview_id))

    def move_interview(self) -> QDialog | None:
        iv = self.selected()
        if iv is None:
            return None
        from ui.interviews.plan_dialog import InterviewPlanDialog
        try:
            dlg = InterviewPlanDialog(self.session, self, interview_id=iv["id"])
        except BarnahusError as e:
            self.message.show_error(core_message(e))
            return None
        return open_dialog(self, dlg, lambda d: self._changed(iv["id"]))

    def record_held(self) -> QDialog | None:
        iv = self.selected()
        return open_dialog(self, RecordHeldDialog(self.session, iv, self),
                           lambda d: self._changed(iv["id"])) if iv else None

    def record_declined(self) -> QDialog | None:
        iv = self.selected()
        return open_dialog(self, DeclinedDialog(self.session, iv, self),
                           lambda d: self._changed(iv["id"])) if iv else None

    def cancel_interview(self) -> QDialog | None:
        iv = self.selected()
        return open_dialog(self, CancelInterviewDialog(self.session, iv, self),
                           lambda d: self._changed(iv["id"])) if iv else None

    def register_recording(self) -> QDialog | None:
        iv = self.selected()
        if iv is None:
            return None
        dlg = RegisterRecordingDialog(self.session, iv, self.recordings, self)
        dlg.registered.connect(lambda _rid: self._changed(iv["id"]))
        return open_dialog(self, dlg, lambda d: None)

    def correct_label(self) -> QDialog | None:
        r = self.selected_recording()
        if r is None:
            return None
        iid = self.selected_id()
        return open_dialog(self, CorrectLabelDialog(self.session, r, self), lambda d: self._changed(iid))

    def show_custody_log(self) -> QDialog | None:
        r = self.selected_recording()
        if r is None:
            return None
        iv = self.selected()   # the log tells times in the zone of the recording's interview
        dlg = CustodyLogDialog(self.session, dict(r, time_zone=iv["time_zone"]) if iv else r, self)
        iid = self.selected_id()
        dlg.changed.connect(lambda: self._changed(iid))
        return open_dialog(self, dlg, lambda d: None)

    def check_fixity(self) -> QDialog | None:
        r = self.selected_recording()
        if r is None:
            return None
        iid = self.selected_id()
        dlg = FixityCheckDialog(self.session, r, self)
        dlg.checked.connect(lambda result: self._fixity_done(result, r, iid))
        return open_dialog(self, dlg, lambda d: None)

    def _fixity_done(self, result, recording: dict, iid) -> None:
        self._changed(iid)
        report_fixity(self, self.message, result, recording)

    def _changed(self, select_id: int | None) -> None:
        keep_rec = self.selected_recording()

        def reselect() -> None:
            if keep_rec is not None:
                for i, r in enumerate(self.recordings):
                    if r["id"] == keep_rec["id"]:
                        self.r_view.selectRow(i)

        self.refresh(select_id, then=reselect)
        self.changed.emit()

    def showEvent(self, event):  # noqa: N802 (Qt name)
        """Read when first shown, and again on each return to the page (the case's children, or
        the calendar, may have changed meanwhile), unless notes are being written."""
        super().showEvent(event)
        if not self._shown_once or not self.notes_dirty():
            self.refresh()
        self._shown_once = True
