"""The Meetings page: the team's meetings (upcoming or past), the one selected with its
attendees, its agenda and the minute-taker's workspace, and what moves it on (held, minutes
approved, addenda, the minutes issued).

Everything shown comes from the core (meetings, meeting_view, cases_due: each read audited), read
off the GUI thread (ui/common/tasks.py); every change is one core call. session.can() only shapes
the view: only coordinators edit (meeting: update), others read the items of the cases they work
on. Approved minutes are read-only; corrections are addenda.
"""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox, QDialog, QHBoxLayout, QInputDialog, QLabel, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QSplitter, QTableView,
    QTabWidget, QVBoxLayout, QWidget,
)

from ui.common.dates import centre_zone, local_datetime_text
from ui.common.feedback import InlineMessage, begin_page, bold, muted, open_dialog, setup_list_table
from ui.common.tasks import run_operation
from ui.common.vocab_widgets import term_label
from ui.documents.words import DocumentWords
from ui.meetings.agenda import AgendaBuilder
from ui.meetings.attendees import AttendeesEditor
from ui.meetings.minutes import MinutesWorkspace
from ui.meetings.shared import DRAFT_KIND, STATUS, place_text, when_text, word

ID_ROLE = Qt.ItemDataRole.UserRole
UPCOMING, PAST = "upcoming", "past"
PAST_DAYS, AHEAD_DAYS = 365, 365
EDITABLE = ("planned", "held")   # statuses whose minutes can still be written
ISSUABLE = ("held", "approved")  # statuses whose minutes can be issued (held ones marked DRAFT by the core)


class MeetingsPanel(QWidget):
    """The main window's Meetings page."""

    open_case = Signal(int)

    COLUMNS = ("when", "kind", "place", "chair", "status", "cases")

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("meetingsPanel")
        self.session = session
        self.meetings: list[dict] = []
        self.view: dict | None = None     # the meeting selected, as meeting_view gave it
        self.dialog: QDialog | None = None
        self.can_edit = session.can("meeting", "update")
        self.can_plan = session.can("meeting", "create")
        self.can_approve = session.can("meeting", "approve")
        self.can_export = session.can("meeting", "export")
        self._reads = 0
        self._list_asked = 0
        self._view_asked = 0
        self._wanted: int | None = None   # the meeting last asked for (shown once its read is back)
        self._shown_once = False
        self._want: int | None = None     # the meeting to select once the list is read
        self._build()

    # construction -------------------------------------------------------------------------------
    def _build(self) -> None:
        em = self.fontMetrics().height()
        outer, top, self.heading = begin_page(self, self.tr("Meetings"))
        top.addSpacing(em)
        show_label = QLabel(self.tr("Sho&w:"), self)
        self.range_combo = QComboBox(self)
        self.range_combo.setObjectName("meetingsRangeCombo")
        self.range_combo.addItem(self.tr("Upcoming"), UPCOMING)
        self.range_combo.addItem(self.tr("Past year"), PAST)
        self.range_combo.setAccessibleName(self.tr("Meetings shown"))
        show_label.setBuddy(self.range_combo)
        self.range_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(show_label)
        top.addWidget(self.range_combo)
        top.addStretch(1)
        self.plan_button = QPushButton(self.tr("Plan meetin&g…"), self)
        self.plan_button.setObjectName("planMeetingButton")
        self.plan_button.setAutoDefault(False)
        self.plan_button.clicked.connect(self.plan_meeting)
        self.plan_button.setVisible(self.can_plan)
        self.plan_button.setToolTip(self.tr("Plan a new meeting (Ctrl+N)"))
        plan_key = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        plan_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        plan_key.activated.connect(self.plan_meeting)
        top.addWidget(self.plan_button)
        outer.addLayout(top)
        self.message = InlineMessage(self)
        self.message.setObjectName("meetingsMessage")
        outer.addWidget(self.message)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        self.split = split
        outer.addWidget(split, 1)

        self.model = QStandardItemModel(0, len(self.COLUMNS), self)
        self.model.setHorizontalHeaderLabels([
            self.tr("Date and time (%1)").replace("%1", centre_zone()), self.tr("Kind"), self.tr("Room"),
            self.tr("Chair"), self.tr("Status"), self.tr("Cases")])
        self.table = QTableView(self)
        self.table.setObjectName("meetingsTable")
        self.table.setAccessibleName(self.tr("Meetings"))
        self.table.setModel(self.model)
        setup_list_table(self.table, em + 12)
        hh = self.table.horizontalHeader()
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setHighlightSections(False)
        hh.setStretchLastSection(True)
        fm = self.fontMetrics()
        first = max(fm.horizontalAdvance("0000-00-00 00:00–00:00"), fm.horizontalAdvance(
            self.model.horizontalHeaderItem(0).text())) + 24
        for col, w in enumerate((first, em * 11, em * 10, em * 10,
                                 em * 13)):
            hh.resizeSection(col, w)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._selected(cur.row()))
        self.table.setMinimumHeight(em * 6)
        list_box = QWidget()
        lb = QVBoxLayout(list_box)
        lb.setContentsMargins(0, 0, 0, 0)
        lb.addWidget(self.table, 1)
        self.empty_label = QLabel(list_box)
        self.empty_label.setWordWrap(True)
        lb.addWidget(self.empty_label)
        split.addWidget(list_box)

        detail = QWidget()
        self.detail = detail
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, em // 3, 0, 0)
        dl.setSpacing(em // 4)
        head = QHBoxLayout()
        self.facts = bold(QLabel(detail), 1.1)
        self.facts.setObjectName("meetingFacts")
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setWordWrap(True)
        head.addWidget(self.facts, 1)
        self.held_button = QPushButton(self.tr("Mark hel&d"), detail)
        self.held_button.setObjectName("markHeldButton")
        self.held_button.setToolTip(self.tr("The meeting took place: the cases discussed count as reviewed today"))
        self.approve_button = QPushButton(self.tr("Appr&ove minutes…"), detail)
        self.approve_button.setObjectName("approveMinutesButton")
        self.approve_button.setToolTip(self.tr("Lock the minutes: later corrections are addenda"))
        self.addendum_button = QPushButton(self.tr("Add adden&dum…"), detail)
        self.addendum_button.setObjectName("addAddendumButton")
        self.cancel_button = QPushButton(self.tr("Cance&l meeting…"), detail)
        self.cancel_button.setObjectName("cancelMeetingButton")
        self.issue_button = QPushButton(self.tr("&Issue minutes…"), detail)
        self.issue_button.setObjectName("issueMinutesButton")
        self.issue_button.setToolTip(self.tr("Write the minutes as a signed PDF or a DOCX and register them (Alt+I)"))
        for b in self._head_buttons():
            b.setAutoDefault(False)
            head.addWidget(b)
        self.issue_button.clicked.connect(lambda: self.issue_minutes())
        self.held_button.clicked.connect(self.mark_held)
        self.approve_button.clicked.connect(self.approve)
        self.addendum_button.clicked.connect(self.add_addendum)
        self.cancel_button.clicked.connect(self.cancel_meeting)
        dl.addLayout(head)
        self.people = QLabel(detail)
        self.people.setObjectName("meetingPeople")
        self.people.setTextFormat(Qt.TextFormat.PlainText)
        self.people.setWordWrap(True)
        muted(self.people)
        dl.addWidget(self.people)
        self.detail_message = InlineMessage(detail)
        self.detail_message.setObjectName("meetingMessage")
        dl.addWidget(self.detail_message)
        self.tabs = QTabWidget(detail)
        self.tabs.setObjectName("meetingTabs")
        self.attendees = AttendeesEditor(self.session)
        self.agenda = AgendaBuilder(self.session)
        self.minutes = MinutesWorkspace(self.session)
        self.addenda = QLabel()
        self.addenda.setObjectName("addendaLabel")
        self.addenda.setTextFormat(Qt.TextFormat.PlainText)
        self.addenda.setWordWrap(True)
        self.addenda.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.addenda.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs.addTab(self.minutes, self.tr("&Minutes"))
        self.tabs.addTab(self.agenda, self.tr("&Agenda"))
        self.tabs.addTab(self.attendees, self.tr("Attend&ees"))
        self.tabs.addTab(self.addenda, self.tr("Addenda"))
        self.issued = QListWidget()
        self.issued.setObjectName("issuedMinutesList")
        self.issued.setAccessibleName(self.tr("Minutes issued"))
        self.tabs.addTab(self.issued, self.tr("Issued minutes"))
        for w in (self.attendees, self.agenda, self.minutes):
            w.changed.connect(self._changed)
        dl.addWidget(self.tabs, 1)
        split.addWidget(detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        split.setSizes([em * 8, em * 36])
        self._show_view(None)

    # reading ------------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        """True while a read of the meetings or of the meeting selected has not come back."""
        return self._reads > 0

    def _read_done(self) -> None:
        self._reads -= 1

    def range(self) -> tuple[date, date]:
        today = date.today()
        if self.range_combo.currentData() == PAST:
            return today - timedelta(days=PAST_DAYS), today
        return today, today + timedelta(days=AHEAD_DAYS)

    def refresh(self, select_id: int | None = None) -> None:
        """Read the meetings of the range shown (and, the first time, this user's unsaved minutes
        kept as drafts: their meeting is opened)."""
        if self.session is None:
            return
        s, (start, end) = self.session, self.range()
        past = self.range_combo.currentData() == PAST
        with_drafts = self.can_edit and not self._shown_once
        self._shown_once = True
        keep = select_id if select_id is not None else (self.view or {}).get("id")
        self._list_asked += 1
        asked = self._list_asked

        def read():   # on the record's thread
            drafts = [d for d in s.drafts() if d["kind"] == DRAFT_KIND] if with_drafts else []
            return s.meetings(start, end), drafts

        def shown(result) -> None:
            if asked != self._list_asked or self.session is None:
                return
            meetings, drafts = result
            meetings = sorted(meetings, key=lambda m: m.get("starts_at_utc") or "", reverse=past)
            want = keep
            if drafts:
                want = drafts[0]["payload"].get("meeting_id") or want
            self._fill(meetings, want)

        def failed(error: BaseException) -> None:
            if asked == self._list_asked:
                self.message.show_failure(error)

        self._reads += 1
        run_operation(self, read, shown, on_failure=failed, on_finished=self._read_done)

    def _fill(self, meetings: list[dict], select_id: int | None) -> None:
        self.meetings = meetings
        self.model.removeRows(0, self.model.rowCount())
        for m in meetings:
            self.model.appendRow(self._row(m))
        self.empty_label.setText(self.tr("No meeting is planned from today on.")
                                 if self.range_combo.currentData() == UPCOMING
                                 else self.tr("No meeting in the past year."))
        self.empty_label.setVisible(not meetings)
        self.table.setVisible(bool(meetings))
        row = next((i for i, m in enumerate(meetings) if m["id"] == select_id), None)
        if row is not None:
            self.table.selectRow(row)
            if self.view is None or self.view.get("id") != select_id:
                self._selected(row)
        elif select_id is not None:
            self.load_meeting(select_id)   # e.g. a draft's meeting outside the range shown
        elif meetings:
            self.table.selectRow(0)
        else:
            self._show_view(None)

    def _row(self, m: dict) -> list[QStandardItem]:
        count = m.get("items_count", m.get("item_count", m.get("items")))
        if isinstance(count, list):
            count = len(count)
        kind = term_label("meeting_kinds", m.get("kind"))
        if m.get("title"):
            kind = "%s: %s" % (kind, m["title"])
        values = [when_text(m), kind, place_text(m), m.get("chair_name") or "", word(STATUS, m.get("status")),
                  str(count or 0)]
        items = []
        for v in values:
            it = QStandardItem(v)
            it.setEditable(False)
            it.setData(m["id"], ID_ROLE)
            items.append(it)
        return items

    def _selected(self, row: int) -> None:
        if 0 <= row < len(self.meetings):
            mid = self.meetings[row]["id"]
            if self.view is not None and self.view.get("id") == mid:
                return
            self.load_meeting(mid)

    def show_meeting(self, meeting_id: int) -> None:
        """Open one meeting (e.g. from the calendar), whichever range is shown."""
        self.load_meeting(meeting_id)

    def load_meeting(self, meeting_id: int, drafts_too: bool = True) -> None:
        """Read the meeting (its cases due too, for an agenda still open, and this user's drafts
        of its cases)."""
        if self.session is None:
            return
        self._wanted = meeting_id
        if self.minutes.is_dirty() and (self.view or {}).get("id") != meeting_id:
            self.minutes.save()   # the case being written is stored before another meeting shows
        s, can_edit = self.session, self.can_edit
        self._view_asked += 1
        asked = self._view_asked

        def read():   # on the record's thread
            view = s.meeting_view(meeting_id)
            editable = can_edit and view.get("status") in EDITABLE
            due = s.cases_due(meeting_id) if editable else []
            ids = {it["id"] for it in view.get("items") or []}
            drafts = ({d["subject_id"]: d["payload"] for d in s.drafts()
                       if d["kind"] == DRAFT_KIND and d["subject_id"] in ids} if editable and drafts_too else {})
            documents = s.meeting_documents(meeting_id) if view.get("status") in ISSUABLE else []
            return view, due, drafts, documents

        def shown(result) -> None:
            if asked != self._view_asked or self.session is None:
                return
            view, due, drafts, documents = result
            self._show_view(view, due, drafts, documents)
            if drafts:
                self.tabs.setCurrentWidget(self.minutes)
                self.minutes.focus_case()

        def failed(error: BaseException) -> None:
            if asked == self._view_asked:
                self.detail_message.show_failure(error)

        self._reads += 1
        run_operation(self, read, shown, on_failure=failed, on_finished=self._read_done)

    def _show_view(self, view: dict | None, due: list | None = None, drafts: dict | None = None,
                   documents: list | None = None) -> None:
        previous = (self.view or {}).get("id")
        self.view = view
        self.detail.setEnabled(view is not None)
        if view is None:
            self.facts.setText(self.tr("Choose a meeting."))
            self.people.clear()
            for b in self._head_buttons():
                b.hide()
            self.attendees.set_meeting(None, False)
            self.agenda.set_meeting(None, None, False)
            self.minutes.set_meeting(None, False)
            self.addenda.clear()
            self._show_documents([])
            return
        if previous != view.get("id"):
            self.detail_message.clear()
        status = view.get("status")
        editable = self.can_edit and status in EDITABLE
        kind = term_label("meeting_kinds", view.get("kind"))
        if view.get("title"):
            kind = "%s: %s" % (kind, view["title"])
        self.facts.setText(" · ".join(p for p in (kind, when_text(view), place_text(view), word(STATUS, status)) if p))
        people = [self.tr("Chair: %1").replace("%1", view.get("chair_name") or "")]
        if view.get("minute_taker_name"):
            people.append(self.tr("Minute-taker: %1").replace("%1", view["minute_taker_name"]))
        if status == "approved" and view.get("approved_at"):
            people.append(self.tr("Minutes approved %1").replace("%1", (view.get("approved_at") or "")[:10]))
        if not editable and self.can_edit and status == "approved":
            people.append(self.tr("Read-only: corrections are addenda."))
        elif not self.can_edit:
            people.append(self.tr("Read-only: coordinators write the minutes."))
        self.people.setText(" · ".join(people))
        self.held_button.setVisible(self.can_edit and status == "planned")
        self.cancel_button.setVisible(self.can_edit and status == "planned")
        self.approve_button.setVisible(self.can_approve and status == "held")
        self.addendum_button.setVisible(self.can_edit and status == "approved")
        self.issue_button.setVisible(self.can_export and status in ISSUABLE)
        self.attendees.set_meeting(view, editable)
        self.agenda.set_meeting(view, due, editable)
        self.agenda.reselect()
        self.minutes.set_meeting(view, editable, drafts)
        lines = []
        for a in view.get("addenda") or []:
            lines.append("%s, %s:\n%s" % ((a.get("at_utc") or "")[:10], a.get("by_name") or "", a.get("text") or ""))
        self.addenda.setText("\n\n".join(lines) if lines else self.tr("No addendum."))
        self._show_documents(documents or [])

    def _show_documents(self, documents: list[dict]) -> None:
        """The minutes issued for the meeting (meeting_documents), newest first."""
        self.issued.clear()
        words = DocumentWords()
        for d in documents:
            parts = [local_datetime_text(d.get("issued_at")), d.get("document_id") or "",
                     words.fmt(d.get("format")),
                     self.tr("version %1").replace("%1", str(d.get("version") or ""))]
            if d.get("pseudonymised"):
                parts.append(self.tr("pseudonymised"))
            parts.append(self.tr("by %1").replace("%1", d.get("issued_by_name") or ""))
            item = QListWidgetItem(" · ".join(p for p in parts if p), self.issued)
            item.setData(ID_ROLE, d.get("document_id"))
            item.setToolTip(self.tr("SHA-256: %1").replace("%1", d.get("sha256") or ""))
        if not documents:
            QListWidgetItem(self.tr("No minutes issued yet."), self.issued).setFlags(Qt.ItemFlag.NoItemFlags)

    def _head_buttons(self) -> tuple[QPushButton, ...]:
        return (self.held_button, self.approve_button, self.addendum_button, self.cancel_button, self.issue_button)

    # changes -----------------------------------------------------------------------------------------
    def _changed(self) -> None:
        """Something was stored: the meeting is read again (its list row too). Not necessarily the
        one shown: the minutes of the one shown are stored as another is being opened, and
        it is that other one that must show."""
        mid = self._wanted if self._wanted is not None else (self.view or {}).get("id")
        if mid is not None:
            self.load_meeting(mid, drafts_too=False)
            self.refresh(mid)

    def plan_meeting(self) -> QDialog | None:
        if not self.can_plan or self.session is None or self.dialog is not None:
            return None
        from ui.meetings.plan_dialog import MeetingPlanDialog
        dlg = MeetingPlanDialog(self.session, self)
        return open_dialog(self, dlg, lambda d: self._planned(d.meeting_id))

    def _planned(self, meeting_id: int | None) -> None:
        if self.range_combo.currentData() != UPCOMING:
            self.range_combo.blockSignals(True)
            self.range_combo.setCurrentIndex(0)
            self.range_combo.blockSignals(False)
        self.message.show_info(self.tr("Meeting booked. Add the attendees and build the agenda below."))
        self.view = None
        self.refresh(meeting_id)
        self.tabs.setCurrentWidget(self.agenda)

    def _call(self, call, done_text: str, hold=()) -> None:
        def done(_r) -> None:
            self.detail_message.show_info(done_text)
            self._changed()
        run_operation(self, call, done, errors=self.detail_message, hold=hold)

    def mark_held(self) -> None:
        if self.view is None:
            return
        s, mid = self.session, self.view["id"]
        self.minutes.save(then=lambda: self._call(lambda: s.hold_meeting(mid), self.tr(
            "Marked as held. The cases discussed count as reviewed."), (self.held_button,)))

    def approve(self) -> QMessageBox | None:
        if self.view is None:
            return None
        s, mid = self.session, self.view["id"]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Approve the minutes"), self.tr(
            "Approving locks the minutes: nothing in them can be changed after, only added to as an addendum. "
            "Approve them now?"), QMessageBox.StandardButton.NoButton, self)
        ok = box.addButton(self.tr("&Approve"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(ok)

        def answered(_code) -> None:
            if box.clickedButton() is ok:
                self.minutes.save(then=lambda: self._call(lambda: s.approve_minutes(mid), self.tr(
                    "Minutes approved: they are read-only now."), (self.approve_button,)))

        box.finished.connect(answered)
        return open_dialog(self, box, lambda _b: None)

    def add_addendum(self) -> None:
        if self.view is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Add an addendum"), self.tr(
            "The correction or addition, kept after the approved minutes (it cannot be changed later):"))
        if not ok or not text.strip():
            return
        s, mid = self.session, self.view["id"]
        self._call(lambda: s.add_minutes_addendum(mid, text.strip()), self.tr("Addendum added."),
                   (self.addendum_button,))

    def cancel_meeting(self) -> None:
        if self.view is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Cancel the meeting"), self.tr("Why is it cancelled?"))
        if not ok or not reason.strip():
            return
        s, mid = self.session, self.view["id"]
        self._call(lambda: s.cancel_meeting(mid, reason.strip()), self.tr("Meeting cancelled."),
                   (self.cancel_button,))

    def issue_minutes(self, path=None) -> QDialog | None:
        """The minutes of the meeting shown, to a file (path: preset, for tests)."""
        if self.view is None or self.session is None or self.dialog is not None or not self.can_export:
            return None
        from ui.documents.panel import IssuedDialog
        from ui.meetings.issue_dialog import IssueMinutesDialog
        mid = self.view["id"]
        self.detail_message.clear()

        def issued(dlg) -> None:
            result = dlg.issue_result
            self.detail_message.show_info(self.tr("Minutes %1 were written and registered.").replace(
                "%1", result["entry"]["document_id"]))
            if (self.view or {}).get("id") == mid:
                self.load_meeting(mid, drafts_too=False)
                self.tabs.setCurrentWidget(self.issued)
            # After the issue dialog has closed: what to give the recipient out of band.
            QTimer.singleShot(0, lambda: self.session is not None and open_dialog(
                self, IssuedDialog(result, self), lambda d: None))

        return open_dialog(self, IssueMinutesDialog(self.session, self.view, self, path=path), issued)

    # lock and showing ------------------------------------------------------------------------------------
    def clear(self) -> None:
        """The record is locking: the case being written is kept as a draft, then nothing read
        from the record stays."""
        if self.session is not None:
            self.minutes.keep_draft_now()
        self._list_asked += 1
        self._view_asked += 1
        for dlg in self.findChildren(QDialog):
            dlg.reject()
        self.session = None
        self.meetings = []
        self.model.removeRows(0, self.model.rowCount())
        self.view = None
        self.minutes.clear()
        self.attendees.set_meeting(None, False)
        self.agenda.set_meeting(None, None, False)
        self.addenda.clear()
        self.issued.clear()
        self.facts.clear()
        self.people.clear()
        self.message.clear()
        self.detail_message.clear()

    def showEvent(self, event):  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self.session is not None and not self.minutes.is_dirty():
            self.refresh()
