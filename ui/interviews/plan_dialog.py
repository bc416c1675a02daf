"""Planning (or moving) one forensic interview of a child.

The planner chooses the case (when the dialog was opened from the calendar), the child, the
time, the room, the interviewer and who else takes part. Always in view: which interview of this
child this would be, across all their cases (the core counts), and the core's warnings, which
follow the planner's changes (a short pause after each change, then check_interview_plan on the
GUI thread: it is fast). A second or later interview needs a written justification; a booking
that clashes needs a written reason per clash (ui/interviews/conflict_dialog.py). Nothing here decides what
is a conflict or what may be stored: the core does, and its ValidationError is shown beside the
field it names.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, QSize, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QTimeEdit,
    QVBoxLayout, QWidget,
)

from barnahus_app.errors import BarnahusError, ConflictsFound, ValidationError
from barnahus_app.persons.actions import display_name
from barnahus_app.timeutil import zone_info

from ui.interviews.conflict_dialog import ask_override_reasons
from ui.common.feedback import FieldGrid, InlineMessage, bold, core_message, field_message, tinted_box
from ui.common.dates import DateField, centre_zone, parse_utc
from ui.common.vocab_widgets import ChoiceCombo, VocabCombo, term_label

# The core's fixed messages about planning, listed so that lupdate offers them to translators
# (feedback.core_message translates them in the "CoreMessages" context).
PLAN_CORE_MESSAGES = (
    QT_TRANSLATE_NOOP("CoreMessages", "Choose a child of this case."),
    QT_TRANSLATE_NOOP("CoreMessages", "Choose one of the centre's rooms in use."),
    QT_TRANSLATE_NOOP("CoreMessages", "The interviewer must be an active user with the forensic interviewer role."),
    QT_TRANSLATE_NOOP("CoreMessages", "The child was interviewed before by someone else; the same interviewer "
                                      "is preferred."),
)

CHECK_DELAY_MS = 300
DEFAULT_MINUTES = 60
# ValidationError.field -> the dialog's field
FIELD_OF = {
    "child_person_id": "child", "starts_at": "start", "duration_minutes": "duration", "room_id": "room",
    "interviewer_id": "interviewer", "protocol": "protocol", "language": "language",
    "interpreter_language": "interpreter_language", "justification": "justification",
    "child_participation": "participation", "participants": "participants",
}


def _name(given, family) -> str:
    return display_name((given or "").strip(), (family or "").strip() or None)


# --- participants ------------------------------------------------------------------------------
class ParticipantRow(QWidget):
    """One participant: role, who (a user, a person of the case, or a name typed in), language."""

    changed = Signal()
    removeRequested = Signal(object)

    def __init__(self, who_choices: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        # Two lines (role, who, Remove; then language and the name typed in), so that a row fits
        # the dialog's field column without scrolling sideways.
        lay = QGridLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setHorizontalSpacing(6)
        lay.setVerticalSpacing(2)
        em = self.fontMetrics().height()
        self.role = VocabCombo("interview_participant_roles", placeholder_text=self.tr("Choose a role"))
        self.role.setMinimumContentsLength(16)
        self.who = ChoiceCombo(placeholder_text=self.tr("Choose who"))
        self.who.setMinimumContentsLength(16)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Name"))
        self.name.setMaxLength(200)
        self.language = QLineEdit(self)
        self.language.setPlaceholderText(self.tr("Language, e.g. ar"))
        self.language.setMaxLength(16)
        self.language.setMinimumWidth(em * 8)
        self.remove = QPushButton(self.tr("Remo&ve"), self)
        self.remove.setAutoDefault(False)
        lay.addWidget(self.role, 0, 0)
        lay.addWidget(self.who, 0, 1)
        lay.addWidget(self.remove, 0, 2)
        lay.addWidget(self.language, 1, 0)
        lay.addWidget(self.name, 1, 1)
        lay.setColumnStretch(0, 1)
        lay.setColumnStretch(1, 1)
        self.set_who_choices(who_choices)
        self.role.valueChanged.connect(self._role_changed)
        self.who.valueChanged.connect(self._who_changed)
        for sig in (self.role.valueChanged, self.who.valueChanged):
            sig.connect(lambda _v: self.changed.emit())
        for edit in (self.name, self.language):
            edit.textChanged.connect(lambda _t: self.changed.emit())
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self))
        self._who_changed(None)

    def set_who_choices(self, choices: list[tuple[str, str]]) -> None:
        self._choices = list(choices)
        self.who.set_choices(self._choices + [("name", self.tr("Someone else (name)"))])

    def set_number(self, n: int) -> None:
        self.role.setAccessibleName(self.tr("Participant %1: role").replace("%1", str(n)))
        self.who.setAccessibleName(self.tr("Participant %1: who").replace("%1", str(n)))
        self.name.setAccessibleName(self.tr("Participant %1: name").replace("%1", str(n)))
        self.language.setAccessibleName(self.tr("Participant %1: language").replace("%1", str(n)))
        self.remove.setAccessibleName(self.tr("Remove participant %1").replace("%1", str(n)))

    def _role_changed(self, role) -> None:
        # The trusted person or special representative is usually a person of the case already.
        if self.who.value() is None and role:
            match = [v for v, _label in self._choices if v.endswith(f"|{role}")]
            if len(match) == 1:
                self.who.set_value(match[0])

    def _who_changed(self, _value) -> None:
        self.name.setVisible(self.who.value() == "name")

    def value(self) -> dict:
        out = {"role": self.role.value(), "language": self.language.text().strip() or None}
        who = self.who.value() or ""
        kind, _sep, rest = who.partition(":")
        if kind == "user":
            out["user_id"] = int(rest)
        elif kind == "person":
            out["person_id"] = int(rest.split("|", 1)[0])
        elif kind == "name":
            out["name"] = self.name.text().strip() or None
        return out

    def set_value(self, p: dict) -> None:
        self.role.set_value(p.get("role"))
        if p.get("user_id"):
            self.who.set_value(next((v for v, _l in self._choices if v == f"user:{p['user_id']}"),
                                    f"user:{p['user_id']}"))
        elif p.get("person_id"):
            self.who.set_value(next((v for v, _l in self._choices
                                     if v.split("|", 1)[0] == f"person:{p['person_id']}"),
                                    f"person:{p['person_id']}"))
        else:
            self.who.set_value("name")
            self.name.setText(p.get("display") or p.get("name") or "")
        self.language.setText(p.get("language") or "")

    def set_read_only(self, ro: bool) -> None:
        for w in (self.role, self.who, self.name, self.language):
            w.setEnabled(not ro)
        self.remove.setVisible(not ro)


class ParticipantsEditor(QWidget):
    """Who else takes part: a row per participant, and a button to add one."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[ParticipantRow] = []
        self._choices: list[tuple[str, str]] = []
        self.tab_anchor: QWidget | None = None   # the field Tab leaves for the first participant
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.empty = QLabel(self.tr("Only the child and the interviewer so far."), self)
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        self.row_box = QVBoxLayout()
        self.row_box.setSpacing(self.fontMetrics().height() // 2)   # two lines each: a gap between them
        lay.addLayout(self.row_box)
        self.add_button = QPushButton(self.tr("&Add participant"), self)
        self.add_button.setObjectName("addParticipantButton")
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip(self.tr("An observer, the interpreter, the trusted person, the special "
                                           "representative, a technician…"))
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        lay.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def set_who_choices(self, choices: list[tuple[str, str]]) -> None:
        self._choices = list(choices)
        for r in self.rows:
            r.set_who_choices(self._choices)

    def add_row(self, focus: bool = False, value: dict | None = None) -> ParticipantRow:
        row = ParticipantRow(self._choices, self)
        if value:
            row.set_value(value)
        self.rows.append(row)
        self.row_box.addWidget(row)
        row.changed.connect(self.changed)
        row.removeRequested.connect(self.remove_row)
        self._renumber()
        if focus:
            row.role.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
        return row

    def remove_row(self, row: ParticipantRow) -> None:
        if row not in self.rows:
            return
        i = self.rows.index(row)
        self.rows.remove(row)
        self.row_box.removeWidget(row)
        row.deleteLater()
        self._renumber()
        if self.rows:
            self.rows[min(i, len(self.rows) - 1)].role.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _renumber(self) -> None:
        for n, r in enumerate(self.rows, 1):
            r.set_number(n)
        self.empty.setVisible(not self.rows)
        # Tab goes from the field before the list through the rows in order, then to the Add button.
        prev = self.tab_anchor
        for r in self.rows:
            for w in (r.role, r.who, r.name, r.language, r.remove):
                if prev is not None:
                    QWidget.setTabOrder(prev, w)
                prev = w
        if prev is not None:
            QWidget.setTabOrder(prev, self.add_button)

    def values(self) -> list[dict]:
        return [r.value() for r in self.rows]

    def complete_values(self) -> list[dict]:
        """The rows filled in enough to check (a row being typed does not stop the live check)."""
        return [v for v in self.values()
                if v.get("role") and (v.get("user_id") or v.get("person_id") or v.get("name"))]

    def set_read_only(self, ro: bool) -> None:
        for r in self.rows:
            r.set_read_only(ro)
        self.add_button.setVisible(not ro)


# --- the dialog ----------------------------------------------------------------------------------
class InterviewPlanDialog(QDialog):
    """Plan an interview (interview_id None) or move a planned one. After Book succeeds,
    .interview_id holds the interview's id and the dialog is accepted."""

    def __init__(self, session, parent=None, *, case_id: int | None = None, starts_at: datetime | None = None,
                 room_id: int | None = None, time_zone: str | None = None, interview_id: int | None = None):
        super().__init__(parent)
        self.setObjectName("interviewPlanDialog")
        self.session = session
        self.case_id = case_id
        self.interview_id: int | None = None
        self._moving = interview_id
        self._existing: dict | None = None
        self._case: dict | None = None
        self._last_check = None
        self._check_fields: set[str] = set()
        self._interviewer_chosen = False
        self.time_zone = time_zone or centre_zone()
        if interview_id is not None:
            self._existing = session.get_interview(interview_id)
            self.case_id = self._existing["case_id"]
            self.time_zone = self._existing["time_zone"]
        self.setWindowTitle(self.tr("Move an interview") if self._moving else self.tr("Plan an interview"))
        self.setModal(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.run_check)
        self._build()
        self._fill_start(starts_at)
        if room_id is not None:
            self.room.set_value(room_id)
        if self.case_id is not None:
            self._load_case(self.case_id)
        if self._existing is not None:
            self._load_existing(self._existing)
        self._connect_changes()
        self._refresh_count()
        self.run_check()
        em = self.fontMetrics().height()
        self.resize(QSize(em * 52, em * 46))

    # construction ------------------------------------------------------------------------------
    def _build(self) -> None:
        em = self.fontMetrics().height()
        outer = QVBoxLayout(self)
        outer.setSpacing(em // 2)

        # Always in view: which interview of this child this would be, and the core's warnings.
        self.count_box, cb = tinted_box(self, "interviewCountBox")
        cb.setSpacing(em // 4)
        self.count_label = QLabel(self.count_box)
        self.count_label.setObjectName("interviewNumberLabel")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setWordWrap(True)
        bold(self.count_label, 1.2)
        cb.addWidget(self.count_label)
        self.count_note = QLabel(self.count_box)
        self.count_note.setTextFormat(Qt.TextFormat.PlainText)
        self.count_note.setWordWrap(True)
        cb.addWidget(self.count_note)
        self.conflicts_message = InlineMessage(self.count_box)
        self.conflicts_message.setObjectName("planConflicts")
        cb.addWidget(self.conflicts_message)
        self.warnings_message = InlineMessage(self.count_box)
        self.warnings_message.setObjectName("planWarnings")
        cb.addWidget(self.warnings_message)
        outer.addWidget(self.count_box)

        body = QWidget()
        self.grid = FieldGrid(body, muted_hints=True)
        self.grid.setVerticalSpacing(em // 3)
        self.grid.setHorizontalSpacing(em)
        self.messages: dict[str, InlineMessage] = {}
        self.labels: dict[str, str] = {}

        self.case_picker = None
        if self.case_id is None:
            self._build_case_picker(body)

        self.child = ChoiceCombo(placeholder_text=self.tr("Choose the child"))
        self.child.setObjectName("childCombo")
        self._add("child", self.tr("C&hild:"), self.child, accessible=self.tr("Child"))

        when = QWidget(body)
        wl = QHBoxLayout(when)
        wl.setContentsMargins(0, 0, 0, 0)
        self.date = DateField(when)
        self.date.setObjectName("dateEdit")
        self.date.setAccessibleName(self.tr("Date"))
        self.start = QTimeEdit(when)
        self.start.setObjectName("startEdit")
        self.start.setDisplayFormat("HH:mm")
        self.start.setAccessibleName(self.tr("Start time"))
        self.start.setMinimumWidth(em * 5)
        date_label = QLabel(self.tr("Dat&e:"), when)
        date_label.setBuddy(self.date)
        start_label = QLabel(self.tr("&Start time:"), when)
        start_label.setBuddy(self.start)
        wl.addWidget(self.date)
        wl.addSpacing(em)
        wl.addWidget(start_label)
        wl.addWidget(self.start)
        wl.addStretch(1)
        when.setFocusProxy(self.date)
        self._add_row_with_caption("start", date_label, when,
                                   self.tr("Times are local time in %1.").replace("%1", self.time_zone),
                                   accessible=self.tr("Date and start time"))

        self.duration = QSpinBox()
        self.duration.setObjectName("durationSpin")
        self.duration.setRange(5, 8 * 60)
        self.duration.setSingleStep(15)
        self.duration.setValue(DEFAULT_MINUTES)
        self.duration.setSuffix(self.tr(" minutes"))
        self.duration.setMaximumWidth(em * 9)
        self._add("duration", self.tr("D&uration:"), self.duration, accessible=self.tr("Duration in minutes"))

        self.room = ChoiceCombo(placeholder_text=self.tr("Choose a room"))
        self.room.setObjectName("roomCombo")
        try:
            rooms = [(r["id"], r["name"]) for r in self.session.list_rooms()]
        except BarnahusError:
            rooms = []
        self.room.set_choices(rooms)
        self._add("room", self.tr("&Room:"), self.room, accessible=self.tr("Room"))

        self.interviewer = ChoiceCombo(placeholder_text=self.tr("Choose the interviewer"))
        self.interviewer.setObjectName("interviewerCombo")
        try:
            people = [(u["id"], u["display_name"]) for u in self.session.interviewers()]
        except BarnahusError:
            people = []
        self.interviewer.set_choices(people)
        if any(uid == self.session.user_id for uid, _n in people):
            self.interviewer.set_value(self.session.user_id)
        self._add("interviewer", self.tr("&Interviewer:"), self.interviewer,
                  self.tr("Only forensic interviewers lead an interview."), accessible=self.tr("Interviewer"))

        self.protocol = VocabCombo("interview_protocols", empty_text=self.tr("Not recorded"))
        self.protocol.setObjectName("protocolCombo")
        self._add("protocol", self.tr("Pr&otocol:"), self.protocol, accessible=self.tr("Protocol"))

        langs = QWidget(body)
        ll = QHBoxLayout(langs)
        ll.setContentsMargins(0, 0, 0, 0)
        self.language = QLineEdit(langs)
        self.language.setObjectName("languageEdit")
        self.language.setMaxLength(16)
        self.language.setPlaceholderText(self.tr("e.g. sv"))
        self.language.setFixedWidth(em * 7)
        self.language.setAccessibleName(self.tr("Language of the interview"))
        self.interpreter_language = QLineEdit(langs)
        self.interpreter_language.setObjectName("interpreterLanguageEdit")
        self.interpreter_language.setMaxLength(16)
        self.interpreter_language.setPlaceholderText(self.tr("none"))
        self.interpreter_language.setFixedWidth(em * 7)
        self.interpreter_language.setAccessibleName(self.tr("Interpreter language"))
        lang_label = QLabel(self.tr("&Language:"), langs)
        lang_label.setBuddy(self.language)
        interp_label = QLabel(self.tr("Interpre&ter language:"), langs)
        interp_label.setBuddy(self.interpreter_language)
        ll.addWidget(self.language)
        ll.addSpacing(em)
        ll.addWidget(interp_label)
        ll.addWidget(self.interpreter_language)
        ll.addStretch(1)
        langs.setFocusProxy(self.language)
        self._add_row_with_caption("language", lang_label, langs,
                                   self.tr("Language codes such as sv, ar or uk."),
                                   accessible=self.tr("Languages"))
        self.messages["interpreter_language"] = self.messages["language"]
        self.labels["interpreter_language"] = self.tr("Interpreter language")

        self.participation = ChoiceCombo([
            ("not_yet_asked", self.tr("Not asked yet")),
            ("chose_to_take_part", self.tr("Chose to take part")),
            ("chose_not_to", self.tr("Chose not to take part")),
        ])
        self.participation.setObjectName("participationCombo")
        self.participation.set_value("not_yet_asked")
        self._add("participation", self.tr("Child's participatio&n:"), self.participation,
                  self.tr("Taking part is the child's right, not a duty."),
                  accessible=self.tr("Child's participation"))

        self.participants = ParticipantsEditor(body)
        self.participants.setObjectName("participantsEditor")
        self.participants.tab_anchor = self.participation
        part_label = QLabel(self.tr("&Participants:"), body)
        part_label.setBuddy(self.participants.add_button)
        self._add_row_with_caption("participants", part_label, self.participants,
                                   self.tr("Besides the child and the interviewer."),
                                   accessible=self.tr("Participants"), top=True)

        # The justification: only when this would be the child's second or later interview.
        self.justification_box = QWidget(body)
        jl = QVBoxLayout(self.justification_box)
        jl.setContentsMargins(0, em // 2, 0, 0)
        jl.setSpacing(em // 4)
        self.justification_label = QLabel(self.tr("&Why is another interview needed?"), self.justification_box)
        jf = QFont(self.justification_label.font())
        jf.setBold(True)
        self.justification_label.setFont(jf)
        self.justification_hint = QLabel(self.justification_box)
        self.justification_hint.setWordWrap(True)
        self.justification_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.justification = QPlainTextEdit(self.justification_box)
        self.justification.setObjectName("justificationEdit")
        self.justification.setTabChangesFocus(True)
        self.justification.setFixedHeight(self.justification.fontMetrics().lineSpacing() * 4 + 12)
        self.justification.setAccessibleName(self.tr("Why is another interview needed? (required)"))
        self.justification_label.setBuddy(self.justification)
        self.justification_message = InlineMessage(self.justification_box)
        jl.addWidget(self.justification_label)
        jl.addWidget(self.justification_hint)
        jl.addWidget(self.justification)
        jl.addWidget(self.justification_message)
        self.justification_box.hide()
        self.grid.add_wide(self.justification_box)
        self.messages["justification"] = self.justification_message
        self.labels["justification"] = self.tr("Justification")

        self.grid.setRowStretch(self.grid._row, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll = scroll
        outer.addWidget(scroll, 1)

        self.general = InlineMessage(self)
        self.general.setObjectName("planMessage")
        outer.addWidget(self.general)
        self.buttons = QDialogButtonBox(self)
        self.book_button = self.buttons.addButton(self.tr("&Move") if self._moving else self.tr("&Book"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.book_button.setObjectName("bookButton")
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        # Enter in a field books nothing: booking is a deliberate click or Alt+B.
        for b in (self.book_button, cancel):
            b.setAutoDefault(False)
            b.setDefault(False)
        self.book_button.clicked.connect(self.book)
        cancel.clicked.connect(self.reject)
        outer.addWidget(self.buttons)

    def _build_case_picker(self, body: QWidget) -> None:
        em = self.fontMetrics().height()
        box = QWidget(body)
        bl = QVBoxLayout(box)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.setSpacing(em // 4)
        self.case_search = QLineEdit(box)
        self.case_search.setObjectName("caseSearch")
        self.case_search.setPlaceholderText(self.tr("Type a case reference or a name"))
        self.case_search.setClearButtonEnabled(True)
        self.case_results = QListWidget(box)
        self.case_results.setObjectName("caseResults")
        self.case_results.setAccessibleName(self.tr("Cases found"))
        self.case_results.setFixedHeight(self.case_results.fontMetrics().height() * 5 + 12)
        self.case_chosen = QLabel(box)
        self.case_chosen.setTextFormat(Qt.TextFormat.PlainText)
        self.case_chosen.setWordWrap(True)
        bl.addWidget(self.case_search)
        bl.addWidget(self.case_results)
        bl.addWidget(self.case_chosen)
        box.setFocusProxy(self.case_search)
        caption = QLabel(self.tr("&Case:"), body)
        caption.setBuddy(self.case_search)
        self._add_row_with_caption("case", caption, box, "", accessible=self.tr("Find the case"), top=True)
        self.case_search.setAccessibleName(self.tr("Find the case"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._search_cases)
        self.case_search.textChanged.connect(lambda _t: self._search_timer.start())
        self.case_search.returnPressed.connect(self._search_cases)
        self.case_results.currentItemChanged.connect(self._case_picked)
        self.case_picker = box
        self._search_cases()

    def _add(self, name: str, label: str, widget: QWidget, hint: str = "", accessible: str = "") -> None:
        caption = QLabel(label, self.grid.parentWidget())
        caption.setBuddy(widget)
        self._add_row_with_caption(name, caption, widget, hint, accessible or label.replace("&", "").rstrip(":"))

    def _add_row_with_caption(self, name: str, caption: QLabel, widget: QWidget, hint: str,
                              accessible: str, top: bool = False) -> None:
        """A row whose caption is made here (a field of two editors, each with its own label)."""
        self.messages[name] = self.grid.add_row(caption, widget, hint, accessible, top)
        self.labels[name] = accessible

    def _connect_changes(self) -> None:
        for sig in (self.child.valueChanged, self.room.valueChanged, self.date.dateChanged,
                    self.start.timeChanged, self.duration.valueChanged, self.participants.changed):
            sig.connect(self._schedule_check)
        self.interviewer.valueChanged.connect(self._interviewer_changed)
        self.child.valueChanged.connect(lambda _v: self._refresh_count())

    # data ------------------------------------------------------------------------------------------
    def _fill_start(self, starts_at: datetime | None) -> None:
        tz = zone_info(self.time_zone)
        if starts_at is None:
            local = datetime.combine(date.today() + timedelta(days=1), time(9, 0))
        elif starts_at.tzinfo is None:
            local = starts_at
        else:
            local = starts_at.astimezone(tz).replace(tzinfo=None)
        self.date.set_value(local.date())
        self.start.setTime(QTime(local.hour, local.minute))

    def _search_cases(self) -> None:
        from barnahus_app.api import CaseFilter
        text = self.case_search.text().strip()
        self.case_results.blockSignals(True)
        self.case_results.clear()
        try:
            page = self.session.list_cases(CaseFilter(text=text or None), "received_desc", limit=30, count=False)
            rows = page.rows
        except BarnahusError as e:
            rows = []
            self.messages["case"].show_error(core_message(e))
        for r in rows:
            parts = [r["reference"]]
            if r.get("child_name"):
                parts.append(r["child_name"])
            item = QListWidgetItem(" · ".join(parts), self.case_results)
            item.setData(Qt.ItemDataRole.UserRole, r["id"])
            if r["id"] == self.case_id:
                self.case_results.setCurrentItem(item)
        if not rows:
            item = QListWidgetItem(self.tr("No case matches."), self.case_results)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.case_results.blockSignals(False)

    def _case_picked(self, item, _previous=None) -> None:
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return
        self.messages["case"].clear()
        self._load_case(int(item.data(Qt.ItemDataRole.UserRole)))
        self._refresh_count()
        self._schedule_check()

    def _load_case(self, case_id: int) -> None:
        try:
            case = self.session.get_case(case_id)
        except BarnahusError as e:
            self.general.show_error(core_message(e))
            return
        self.case_id = case_id
        self._case = case
        children = [(c["person_id"], _name(c["given_name"], c["family_name"])) for c in case.get("children") or []]
        self.child.set_choices(children, keep_value=False)
        if len(children) == 1:
            self.child.set_value(children[0][0])
        if self.case_picker is not None:
            self.case_chosen.setText(self.tr("Chosen: case %1").replace("%1", case.get("reference") or ""))
        if not children:
            self.messages["child"].show_error(self.tr("No child is recorded in this case yet: add the child "
                                                      "to the case first."))
        else:
            self.messages["child"].clear()
        self.participants.set_who_choices(self._who_choices(case))

    def _who_choices(self, case: dict) -> list[tuple[str, str]]:
        out = []
        for p in case.get("parties") or []:
            label = "%s (%s)" % (_name(p["given_name"], p["family_name"]),
                                 term_label("party_roles", p["party_role"]).lower())
            out.append((f"person:{p['person_id']}|{p['party_role']}", label))
        try:
            users = ([u for u in self.session.list_users() if u.get("active")]
                     if self.session.can("user", "read") else [])
        except BarnahusError:
            users = []
        for u in users:
            if "admin" in (u.get("roles") or []) and len(u.get("roles") or []) == 1:
                continue  # the administrator holds no case work
            out.append((f"user:{u['id']}", self.tr("%1 (staff)").replace("%1", u["display_name"])))
        return out

    def _load_existing(self, iv: dict) -> None:
        tz = zone_info(self.time_zone)
        start = parse_utc(iv["starts_at_utc"]).astimezone(tz)
        end = parse_utc(iv["ends_at_utc"])
        self._fill_start(start)
        self.duration.setValue(int((end - parse_utc(iv["starts_at_utc"])).total_seconds() // 60))
        self.child.set_value(iv["child_person_id"])
        self.room.set_value(iv["room_id"])
        self.interviewer.set_value(iv["interviewer_id"])
        self._interviewer_chosen = True
        self.protocol.set_value(iv.get("protocol"))
        self.language.setText(iv.get("language") or "")
        self.interpreter_language.setText(iv.get("interpreter_language") or "")
        self.participation.set_value(iv.get("child_participation"))
        for p in iv.get("participants") or []:
            self.participants.add_row(value=p)
        self.justification.setPlainText(iv.get("justification") or "")
        # Moving changes the time, the room and the interviewer; the rest was decided when planning.
        for w in (self.child, self.protocol, self.language, self.interpreter_language, self.participation,
                  self.justification):
            w.setEnabled(False)
        self.participants.set_read_only(True)

    def _stored_participants(self) -> list[dict]:
        keys = ("role", "user_id", "person_id", "staff_contact_id", "name", "language")
        return [{k: p.get(k) for k in keys} for p in (self._existing or {}).get("participants") or []]

    def _interviewer_changed(self, _value) -> None:
        self._interviewer_chosen = True
        self._schedule_check()

    # the check -------------------------------------------------------------------------------------
    def _schedule_check(self, *_args) -> None:
        self._timer.start()

    def _starts_at(self) -> datetime:
        d = self.date.date()
        t = self.start.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())  # wall clock in time_zone

    def _refresh_count(self) -> None:
        """The number from interview_count, until a full check can run."""
        child = self.child.value()
        if child is None:
            self._show_number(None, 0)
            return
        if self._existing is not None:
            self._show_number(self._existing.get("number"), 0, moving=True)
            return
        try:
            earlier = self.session.interview_count(child)
        except BarnahusError as e:
            self.general.show_error(core_message(e))
            return
        self._show_number(earlier + 1, earlier)

    def _show_number(self, number: int | None, earlier: int, moving: bool = False) -> None:
        if number is None:
            self.count_label.setText(self.tr("Interview number: choose the child first"))
            self.count_note.setText(self.tr("The number counts this child's interviews across all their cases."))
        else:
            self.count_label.setText(self.tr("Interview %1 of this child (across all cases)")
                                     .replace("%1", str(number)))
            if moving:
                self.count_note.setText(self.tr("Moving keeps the interview's justification and participants."))
            elif earlier == 0:
                self.count_note.setText(self.tr("This would be the child's first interview."))
            elif earlier == 1:
                self.count_note.setText(self.tr("The child has 1 interview planned or held already. As few "
                                                "interviews as possible: say why another one is needed."))
            else:
                self.count_note.setText(self.tr("The child has %1 interviews planned or held already. As few "
                                                "interviews as possible: say why another one is needed.")
                                        .replace("%1", str(earlier)))
        self.count_label.setAccessibleName(self.count_label.text())
        self._set_justification_needed(number is not None and earlier > 0 and not moving, number)

    def _set_justification_needed(self, needed: bool, number: int | None) -> None:
        if needed:
            self.justification_hint.setText(self.tr(
                "Required: this would be interview %1 of this child. Every further interview is a burden "
                "on the child; the reason is kept with the booking.").replace("%1", str(number)))
        self.justification_box.setVisible(needed or not self.justification_message.text() == "")

    def run_check(self) -> None:
        """Ask the core what booking this would mean: number, conflicts, warnings."""
        self._timer.stop()
        for name in self._check_fields:
            self.messages[name].clear()
        self._check_fields = set()
        values = (self.case_id, self.child.value(), self.room.value(), self.interviewer.value())
        if None in values:
            self.conflicts_message.clear()
            self.warnings_message.clear()
            if self.child.value() is not None:
                self.warnings_message.show_info(self.tr("Choose the room and the interviewer to see any "
                                                        "clashes."))
            return
        try:
            check = self.session.check_interview_plan(
                self.case_id, self.child.value(), self._starts_at(), self.duration.value(), self.room.value(),
                self.interviewer.value(), time_zone=self.time_zone,
                participants=self._stored_participants() if self._existing is not None
                else self.participants.complete_values(),
                interview_id=self._moving)
        except ValidationError as e:
            self.conflicts_message.clear()
            self.warnings_message.clear()
            name = FIELD_OF.get(e.field)
            if name in self.messages and e.field != "participants":
                self._show_field_error(name, e)
                self._check_fields.add(name)
            return
        except BarnahusError as e:
            self.warnings_message.show_error(core_message(e))
            return
        self._last_check = check
        self._apply_check(check)

    def _apply_check(self, check) -> None:
        if self._existing is None:
            self._show_number(check.earlier_interviews + 1, check.earlier_interviews)
        if not self._interviewer_chosen and check.earlier_interviewers:
            # The same interviewer as before is preferred: suggest them until the planner chooses.
            first = check.earlier_interviewers[0]
            if self.interviewer.findData(first) >= 0 and self.interviewer.value() != first:
                self.interviewer.blockSignals(True)
                self.interviewer.set_value(first)
                self.interviewer.blockSignals(False)
                self.run_check()
                return
        if check.conflicts:
            lines = [self.tr("This booking clashes; booking it needs a written reason for each:")]
            lines += ["• " + c.message for c in check.conflicts]
            self.conflicts_message.show_error("\n".join(lines))
        else:
            self.conflicts_message.show_info(self.tr("No clash with other bookings."))
        warnings = [QCoreApplication.translate("CoreMessages", w) for w in check.warnings]
        if check.pre_constituted:
            warnings.append(self.tr("This interview is pre-constituted evidence (the child's age and the "
                                    "jurisdiction's rules)."))
        if warnings:
            self.warnings_message.show_info("\n".join(warnings))
        else:
            self.warnings_message.clear()

    # booking ----------------------------------------------------------------------------------------
    def _show_field_error(self, name: str, exc: ValidationError) -> None:
        raw = exc.message
        text = QCoreApplication.translate("CoreMessages", raw)
        if raw[:1].islower():
            text = field_message(self.labels.get(name, name), text)
        if name == "justification":
            self.justification_box.show()
        self.messages[name].show_error(text)

    def _clear_messages(self) -> None:
        for m in self.messages.values():
            m.clear()
        self._check_fields = set()
        self.general.clear()

    def book(self) -> None:
        """Plan (or move) through the core; on a clash, ask for the reasons and try again."""
        self._timer.stop()
        self._clear_messages()
        if self.case_id is None:
            self.messages["case"].show_error(self.tr("Choose the case first."))
            self.case_search.setFocus()
            return
        overrides: dict[str, str] = {}
        while True:
            try:
                if self._moving:
                    self.session.move_interview(self._moving, self._starts_at(), self.duration.value(),
                                                room_id=self.room.value(), interviewer_id=self.interviewer.value(),
                                                overrides=overrides)
                    iid = self._moving
                else:
                    iid = self.session.plan_interview(
                        self.case_id, self.child.value(), self._starts_at(), self.duration.value(),
                        self.room.value(), self.interviewer.value(), time_zone=self.time_zone,
                        participants=self.participants.values(), protocol=self.protocol.value(),
                        language=self.language.text().strip() or None,
                        interpreter_language=self.interpreter_language.text().strip() or None,
                        justification=self.justification.toPlainText().strip() or None,
                        child_participation=self.participation.value(), overrides=overrides)
                break
            except ConflictsFound as e:
                self._apply_check(e.check)
                reasons = ask_override_reasons(e.check, self)
                if reasons is None:
                    self.general.show_info(self.tr("Not booked. Change the time, the room or the people, "
                                                   "or book again and give your reasons."))
                    return
                overrides = {**overrides, **reasons}
            except ValidationError as e:
                name = FIELD_OF.get(e.field)
                if name in self.messages:
                    self._show_field_error(name, e)
                    self._focus_field(name)
                else:
                    self.general.show_error(core_message(e))
                return
            except BarnahusError as e:
                self.general.show_error(core_message(e))
                return
        self.interview_id = iid
        self.accept()

    def _focus_field(self, name: str) -> None:
        target = {"child": self.child, "start": self.start, "duration": self.duration, "room": self.room,
                  "interviewer": self.interviewer, "protocol": self.protocol, "language": self.language,
                  "interpreter_language": self.interpreter_language, "participation": self.participation,
                  "participants": self.participants.add_button, "justification": self.justification}.get(name)
        if target is not None and target.isEnabled():
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll.ensureWidgetVisible(target)

    def error_texts(self) -> list[str]:
        return [m.text() for m in (*self.messages.values(), self.general) if m.text()]
