"""Who is asked to a meeting and whether they came: users of the record and outside agencies'
contacts, the discipline each speaks for, attendance and remote. An outside contact's
confidentiality undertaking is recorded once (for every meeting after). The core says which core
disciplines are missing; the page shows it plainly."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea,
    QVBoxLayout, QWidget,
)

from ui.common.dates import DateField
from ui.common.feedback import FormDialog, InlineMessage, bold, muted
from ui.common.vocab_widgets import ChoiceCombo, VocabCombo
from ui.meetings.shared import ATTENDANCE, choices, contact_choices, staff_choices

translate = QCoreApplication.translate


class UndertakingDialog(FormDialog):
    """Record an outside contact's confidentiality undertaking (once per contact)."""

    width_em = 30

    def __init__(self, session, contact_id: int, name: str, parent=None):
        self.contact_id = contact_id
        self._name = name
        super().__init__(session, parent)
        self.setObjectName("undertakingDialog")
        self.setWindowTitle(self.tr("Confidentiality undertaking"))
        self.ok_button.setText(self.tr("&Record"))
        self.intro.setText(self.tr("%1 signed the centre's confidentiality undertaking. It is recorded once "
                                   "and holds for every meeting after.").replace("%1", name))

    def build(self) -> None:
        self.signed_on = DateField(self, latest=date.today())
        self.add_field("signed_on", self.tr("&Signed on:"), self.signed_on, accessible=self.tr("Signed on"))
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.add_field("note", self.tr("&Note:"), self.note, accessible=self.tr("Note"))

    def operation(self):
        s, cid = self.session, self.contact_id
        on, note = self.signed_on.value(), self.note.toPlainText().strip() or None
        return lambda: s.record_undertaking(cid, on, note)


class AttendeeRow:
    """The widgets of one attendee in the editor's grid (their words are the editor's: the
    context Qt looks them up in is AttendeesEditor, named here so lupdate files them there)."""

    def __init__(self, editor: "AttendeesEditor", who: str, name: str, a: dict):
        self.who = who   # "user:ID" or "contact:ID"
        self.name = QLabel(name, editor.body)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setWordWrap(True)
        self.discipline = VocabCombo("mdt_disciplines",
                                     placeholder_text=translate("AttendeesEditor", "Discipline"))
        self.discipline.set_value(a.get("discipline"))
        self.attendance = ChoiceCombo(choices(ATTENDANCE))
        for combo in (self.discipline, self.attendance):
            combo.setSizeAdjustPolicy(combo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.attendance.set_value(a.get("attendance") or "expected")
        self.remote = QCheckBox(translate("AttendeesEditor", "Remote"), editor.body)
        self.remote.setChecked(bool(a.get("remote")))
        self.undertaking = QLabel(editor.body)
        self.undertaking.setTextFormat(Qt.TextFormat.PlainText)
        self.undertaking_button: QPushButton | None = None
        self._holder: QWidget | None = None   # the undertaking's cell
        self.remove = QPushButton(translate("AttendeesEditor", "Remove"), editor.body)
        self.remove.setAutoDefault(False)
        for w, what in ((self.discipline, translate("AttendeesEditor", "%1: discipline")),
                        (self.attendance, translate("AttendeesEditor", "%1: attendance")),
                        (self.remote, translate("AttendeesEditor", "%1: remote")),
                        (self.remove, translate("AttendeesEditor", "Remove %1"))):
            w.setAccessibleName(what.replace("%1", name))
        if who.startswith("contact:"):
            if a.get("undertaking_on"):
                self.undertaking.setText(translate("AttendeesEditor", "Undertaking signed %1")
                                         .replace("%1", a["undertaking_on"]))
            else:
                self.undertaking_button = QPushButton(translate("AttendeesEditor", "Record undertaking…"),
                                                      editor.body)
                self.undertaking_button.setAutoDefault(False)
                self.undertaking_button.setAccessibleName(
                    translate("AttendeesEditor", "Record the undertaking of %1").replace("%1", name))
                self.undertaking.setText(translate("AttendeesEditor", "No undertaking yet"))
        else:
            self.undertaking.setText(translate("AttendeesEditor", "Staff"))
        muted(self.undertaking)

    def widgets(self) -> list[QWidget]:
        out = [self.name, self.discipline, self.attendance, self.remote, self.remove]
        return out + [self._holder] if self._holder is not None else out

    def value(self) -> dict:
        kind, _sep, ident = self.who.partition(":")
        return {("user_id" if kind == "user" else "contact_id"): int(ident),
                "discipline": self.discipline.value(), "attendance": self.attendance.value(),
                "remote": self.remote.isChecked()}


class AttendeesEditor(QWidget):
    """The attendees of the meeting shown: a row each, Add, Save."""

    changed = Signal()        # the core stored the attendees (or an undertaking): read the meeting again

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("attendeesEditor")
        self.session = session
        self.meeting_id: int | None = None
        self.rows: list[AttendeeRow] = []
        self.editable = False
        self.dialog = None
        self._dirty = False
        self._names: dict[str, str] = {}
        em = self.fontMetrics().height()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, em // 3, 0, 0)
        lay.setSpacing(em // 3)
        self.missing = InlineMessage(self)
        self.missing.setObjectName("missingDisciplines")
        lay.addWidget(self.missing)
        self.body = QWidget()
        column = QVBoxLayout(self.body)
        column.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        column.addLayout(self.grid)
        self.empty = QLabel(self.tr("Nobody is asked to this meeting yet."), self.body)
        column.addWidget(self.empty)   # under the column headings, where the first row would be
        column.addStretch(1)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(em)
        self.grid.setVerticalSpacing(em // 4)
        self.grid.setColumnStretch(0, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        lay.addWidget(scroll, 1)
        self.add_bar = QWidget(self)
        bar = QHBoxLayout(self.add_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        add_label = QLabel(self.tr("Add &person:"), self.add_bar)
        self.add_combo = ChoiceCombo(placeholder_text=self.tr("Choose a colleague or an agency contact"))
        self.add_combo.setObjectName("addAttendeeCombo")
        self.add_combo.setAccessibleName(self.tr("Person to add"))
        self.add_combo.setMinimumContentsLength(30)
        add_label.setBuddy(self.add_combo)
        self.add_button = QPushButton(self.tr("Add"), self.add_bar)
        self.add_button.setObjectName("addAttendeeButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_selected)
        self.save_button = QPushButton(self.tr("&Save attendance"), self.add_bar)
        self.save_button.setObjectName("saveAttendeesButton")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        bar.addWidget(add_label)
        bar.addWidget(self.add_combo, 1)
        bar.addWidget(self.add_button)
        bar.addSpacing(em)
        bar.addWidget(self.save_button)
        lay.addWidget(self.add_bar)
        self.message = InlineMessage(self)
        self.message.setObjectName("attendeesMessage")
        lay.addWidget(self.message)
        self._people: list[tuple[str, str]] | None = None

    def _choices(self) -> list[tuple[str, str]]:
        if self._people is None:   # read once, when first needed
            self._people = ([(f"user:{uid}", self.tr("%1 (staff)").replace("%1", n)) for uid, n in staff_choices(self.session)]
                            + [(f"contact:{cid}", n) for cid, n in contact_choices(self.session)])
        return self._people

    def set_meeting(self, view: dict | None, editable: bool) -> None:
        """Show a meeting's attendees. Read again after a save, the same meeting keeps what the
        save said ("Attendance saved."), as the minutes do."""
        if view is None or view["id"] != self.meeting_id:
            self.message.clear()
        self.meeting_id = view["id"] if view else None
        self.editable = editable
        for r in self.rows:
            for w in r.widgets():
                self.grid.removeWidget(w)
                w.deleteLater()
        self.rows = []
        self._names = {}
        headers = (self.tr("Name"), self.tr("Discipline"), self.tr("Attendance"), "", self.tr("Undertaking"))
        if not self.grid.itemAtPosition(0, 0):
            for col, text in enumerate(headers):
                if text:
                    self.grid.addWidget(bold(QLabel(text, self.body)), 0, col)
        for a in (view or {}).get("attendees") or []:
            who = f"user:{a['user_id']}" if a.get("user_id") else f"contact:{a.get('contact_id')}"
            name = a.get("name") or ""
            if a.get("agency"):
                name = "%s (%s)" % (name, a["agency"])
            self._add_row(who, name, a)
        missing = (view or {}).get("missing_disciplines") or []
        if view and missing:
            from ui.common.vocab_widgets import term_label
            self.missing.show_error(self.tr("No one is expected from: %1. A meeting that decides needs every core "
                                            "discipline.").replace("%1", ", ".join(term_label("mdt_disciplines", d)
                                                                                  for d in missing)))
        else:
            self.missing.clear()
        self.add_bar.setVisible(editable)
        self._dirty = False
        self._refresh()

    def _add_row(self, who: str, name: str, a: dict) -> AttendeeRow:
        row = AttendeeRow(self, who, name, a)
        n = len(self.rows) + 1
        self.grid.addWidget(row.name, n, 0)
        self.grid.addWidget(row.discipline, n, 1)
        self.grid.addWidget(row.attendance, n, 2)
        self.grid.addWidget(row.remote, n, 3)
        under = QWidget(self.body)
        ul = QHBoxLayout(under)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.addWidget(row.undertaking)
        if row.undertaking_button is not None:
            ul.addWidget(row.undertaking_button)
            row.undertaking_button.setVisible(self.editable)
            row.undertaking_button.clicked.connect(lambda _c=False, r=row: self.record_undertaking(r))
        ul.addStretch(1)
        self.grid.addWidget(under, n, 4)
        self.grid.addWidget(row.remove, n, 5)
        row._holder = under
        for w in (row.discipline, row.attendance, row.remote):
            w.setEnabled(self.editable)
        row.remove.setVisible(self.editable)
        row.remove.clicked.connect(lambda _c=False, r=row: self.remove_row(r))
        for sig in (row.discipline.valueChanged, row.attendance.valueChanged):
            sig.connect(self._edited)
        row.remote.toggled.connect(self._edited)
        self.rows.append(row)
        self._names[who] = name
        return row

    def _edited(self, *_a) -> None:
        self._dirty = True
        self.save_button.setEnabled(True)

    def is_dirty(self) -> bool:
        return self._dirty

    def _refresh(self) -> None:
        self.empty.setVisible(not self.rows)
        listed = {r.who for r in self.rows}
        if self.editable:
            self.add_combo.set_choices([c for c in self._choices() if c[0] not in listed], keep_value=False)
        self.save_button.setEnabled(self._dirty)

    def add_selected(self) -> None:
        who = self.add_combo.value()
        if who is None:
            self.message.show_info(self.tr("Choose who to add first."))
            self.add_combo.setFocus()
            return
        name = dict(self._choices()).get(who, who)
        row = self._add_row(who, name, {"attendance": "expected"})
        self._dirty = True
        self._refresh()
        row.discipline.setFocus()

    def remove_row(self, row: AttendeeRow) -> None:
        if row not in self.rows:
            return
        self.rows.remove(row)
        for w in row.widgets():
            self.grid.removeWidget(w)
            w.deleteLater()
        self._dirty = True
        self._refresh()

    def values(self) -> list[dict]:
        return [r.value() for r in self.rows]

    def save(self) -> None:
        if self.meeting_id is None:
            return
        s, mid, values = self.session, self.meeting_id, self.values()
        if any(v["discipline"] is None for v in values):
            self.message.show_error(self.tr("Choose the discipline each person speaks for."))
            return
        self._save(s, mid, values, {})

    def _save(self, s, mid: int, values: list[dict], overrides: dict) -> None:
        """set_attendees; a colleague newly expected who is booked elsewhere then is a clash that
        needs a written reason (the interviews' conflict dialog), and the list is saved again."""
        from barnahus_app.errors import ConflictsFound
        from ui.common.tasks import run_operation
        from ui.interviews.conflict_dialog import open_override_reasons

        def saved(check) -> None:
            self._dirty = False
            texts = [QCoreApplication.translate("CoreMessages", w) for w in getattr(check, "warnings", ()) or ()]
            self.message.show_info("\n".join([self.tr("Attendance saved."), *texts]))
            self.changed.emit()

        def answered(reasons: dict | None) -> None:
            if reasons is not None:
                self._save(s, mid, values, {**overrides, **reasons})
            else:
                self.message.show_info(self.tr("Not saved: a colleague is booked elsewhere then."))

        def failed(error: BaseException) -> None:
            if isinstance(error, ConflictsFound):
                open_override_reasons(error.check, self, answered)   # not exec(): see the plan dialog
                return
            self.message.show_failure(error)

        run_operation(self, lambda: s.set_attendees(mid, values, overrides=overrides or None), saved,
                      on_failure=failed, hold=(self.save_button,))

    def record_undertaking(self, row: AttendeeRow) -> None:
        from ui.common.feedback import open_dialog
        cid = int(row.who.partition(":")[2])
        open_dialog(self, UndertakingDialog(self.session, cid, self._names.get(row.who, ""), self),
                    lambda d: self.changed.emit())
