"""The Today view: the follow-up reminders this user may see, the first screen after unlock.

Three sections, as the core buckets them (followup.reminders): overdue (however old: reminders
never expire), due this week, and upcoming. Each row gives the due date in the local format, how
late or how soon that is, what is due, the case, the child (only when the core gave the name: it
does so for users who may read persons) and whose discipline it is. Enter or a double click opens
the case; Complete, Decline and Snooze act on the selected reminder through the core, and their
dialogs show the core's messages beside the field they concern.

Beside the reminders, the lists of whom they concern, each read by its own core call with the
reminders and opened by Enter on the case's tab: "My interviews" (interviewers), "Overdue with
other agencies" (case leads; the Team and referrals tab), "Justice" (those who record the justice
track: the liaison, on top, and case leads, last; justice.liaison_today; the Justice tab) and
"Missed sessions" (therapists; psychosocial.missed_sessions; the Psychosocial tab). These show
case references, codes and dates, never a name.

Nothing here decides who sees or may do what: the core scopes the list and checks every action;
session.can() only shapes the view. The list is read off the GUI thread (ui/common/tasks.py): at 100,000
cases the core takes longer than a frame. Nothing of it is kept outside the panel, and clear()
drops it all when the record locks.
"""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import (
    QAbstractTableModel, QDate, QItemSelectionModel, QLocale, QModelIndex, QT_TRANSLATE_NOOP, Qt,
    QTimer, Signal,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QDateEdit, QDialog, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QSplitter,
    QTableView, QVBoxLayout, QWidget,
)

from barnahus_app.api import BarnahusError
from barnahus_app.followup.actions import BUCKETS, DISCIPLINES, UPCOMING_DAYS, bucket_counts
from barnahus_app.interviews.actions import MINE_AHEAD_DAYS
from barnahus_app.justice.actions import TODAY_DAYS as JUSTICE_DAYS   # how far ahead liaison_today looks
from barnahus_app.psychosocial.actions import MISSED_DAYS

from ui.common.feedback import (
    FormDialog, InlineMessage, begin_page, bold, core_message, plural, role_label, setup_list_table,
)
from ui.common.dates import DateField, date_format, local_datetime_text, pydate, qdate
from ui.common import prefs
from ui.common.tasks import run_in_background

REMINDER_ROLE = Qt.ItemDataRole.UserRole

# The core's fixed messages about follow-up, listed here so that lupdate offers them to
# translators (feedback.core_message translates them in the "CoreMessages" context).
FOLLOWUP_CORE_MESSAGES = (
    QT_TRANSLATE_NOOP("CoreMessages", "Snoozing needs a new date: when should it come back?"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be after today."),
    QT_TRANSLATE_NOOP("CoreMessages", "is in the future."),
    QT_TRANSLATE_NOOP("CoreMessages", "is not a date (use YYYY-MM-DD)."),
    QT_TRANSLATE_NOOP("CoreMessages", "is not an open reminder of this follow-up."),
    QT_TRANSLATE_NOOP("CoreMessages", "This follow-up has no open reminder: it was completed, "
                                      "declined, or cannot be computed yet."),
    QT_TRANSLATE_NOOP("CoreMessages", "This follow-up belongs to another discipline; your roles do not "
                                      "allow you to change it (followup: update)."),
)


def whole_months(earlier: date, later: date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


# --- the table of one section --------------------------------------------------------------------
class ReminderModel(QAbstractTableModel):
    """The reminders of one section (a list of followup.Reminder, in the core's order)."""

    def __init__(self, bucket: str, show_child: bool, parent=None):
        super().__init__(parent)
        self.bucket = bucket
        self._rows: list = []
        self._as_of = date.today()
        self._fmt = date_format()
        self._columns = ["due", "when", "what"] + (["child"] if show_child else []) + ["case", "for"]
        self._kinds = {
            "recurring_review": self.tr("Follow-up review"),
            "court_date": self.tr("Court date"),
            "action_item": self.tr("Action item"),
            "compensation_deadline": self.tr("Compensation deadline"),
            "carer_survey": self.tr("Carer follow-up survey"),
            "other": self.tr("Other follow-up"),
            "guardian_review": self.tr("Review of the guardian's appointment"),
            "fixity_check": self.tr("Fixity check of a recording"),
        }

    # --- contents --------------------------------------------------------------------------
    @property
    def columns(self) -> list[str]:
        return list(self._columns)

    def column_of(self, key: str) -> int:
        return self._columns.index(key) if key in self._columns else -1

    def set_reminders(self, reminders: list, as_of: date) -> None:
        self.beginResetModel()
        self._rows = list(reminders)
        self._as_of = as_of
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def as_of(self) -> date:
        return self._as_of

    def reminder(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, rule_id: int, occurrence: str) -> int:
        for i, r in enumerate(self._rows):
            if r.rule_id == rule_id and r.occurrence == occurrence:
                return i
        return -1

    # --- texts -----------------------------------------------------------------------------
    def date_text(self, d: date) -> str:
        return QLocale().toString(qdate(d), self._fmt)

    def what_text(self, r) -> str:
        if r.kind == "age_milestone" and r.age is not None:
            text = (self.tr("Turns {age}: move to adult services").format(age=r.age) if r.age == 18
                    else self.tr("Turns {age}: age milestone").format(age=r.age))
        elif r.kind == "statute_warning":
            try:
                ends = date.fromisoformat(r.occurrence.split(":", 1)[1])
                text = self.tr("Limitation period ends {date}").format(date=self.date_text(ends))
            except (IndexError, ValueError):
                text = self.tr("Limitation period ends soon")
        elif r.kind == "action_item" and getattr(r, "subject_kind", None) == "medical_test":
            # a test's result not in yet: what the test was is sealed medical detail
            text = self.tr("Test result pending")
        elif r.kind == "action_item" and getattr(r, "subject_kind", None) == "medical_examination":
            text = self.tr("Follow-up examination")
        elif r.kind == "action_item" and getattr(r, "subject_kind", None) == "recovery_goal":
            # a recovery goal's review date: the goal itself is on the case's Psychosocial tab
            text = self.tr("Recovery plan review")
        elif r.kind == "recurring_review" and getattr(r, "subject_kind", None) == "psychosocial_rescreen":
            text = self.tr("Re-screen")
        elif r.kind == "action_item" and self.justice_text(getattr(r, "subject_kind", None)):
            # the justice track's reminders (justice/actions.py): the case's Justice tab says more
            text = self.justice_text(r.subject_kind)
        elif r.kind == "action_item" and r.subject:
            # An MDT team action's reminder: what is to be done, on one line.
            text = self.tr("Action item: {action}").format(action=" ".join(r.subject.split()))
        else:
            text = self._kinds.get(r.kind, r.kind.replace("_", " "))
        if r.flag == "snoozed":
            text = self.tr("{what} (snoozed to this date)").format(what=text)
        elif r.flag == "offer_again":
            text = self.tr("{what} (offer again: declined before)").format(what=text)
        return text

    def justice_text(self, subject_kind: str | None) -> str | None:
        """What a reminder of the justice track is for (its subject_kind), or None for another."""
        if subject_kind == "justice_release":
            return self.tr("Release date: inform the child and family if they wish it")
        if subject_kind == "rights_after_interview":
            return self.tr("Explain the right to compensation (after the interview)")
        if subject_kind == "rights_at_verdict":
            return self.tr("Explain the right to compensation (at the verdict)")
        return None

    def when_text(self, due: date) -> str:
        """How late or how soon, in words: "3 years overdue", "Due today", "In 5 days"."""
        as_of = self._as_of
        days = (as_of - due).days
        if days > 0:
            months = whole_months(due, as_of)
            if months >= 24:
                return plural(self.tr("%n year(s) overdue", "", months // 12), months // 12)
            if months >= 2:
                return plural(self.tr("%n month(s) overdue", "", months), months)
            if days >= 14:
                return plural(self.tr("%n week(s) overdue", "", days // 7), days // 7)
            return plural(self.tr("%n day(s) overdue", "", days), days)
        if days == 0:
            return self.tr("Due today")
        if days == -1:
            return self.tr("Due tomorrow")
        if days > -14:
            return plural(self.tr("In %n day(s)", "", -days), -days)
        return plural(self.tr("In %n week(s)", "", -days // 7), -days // 7)

    def case_text(self, r) -> str:
        return r.case_reference or self.tr("No case")

    def for_text(self, r) -> str:
        return role_label(r.discipline)

    def row_summary(self, r) -> str:
        """One sentence about a reminder, for the selection line and the dialogs."""
        parts = [self.what_text(r), self.case_text(r)]
        if r.child_name:
            parts.append(r.child_name)
        return self.tr("{parts}; due {date} ({when})").format(
            parts=", ".join(parts), date=self.date_text(r.due), when=self.when_text(r.due))

    # --- the Qt model ----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            key = self._columns[section]
            return {"due": self.tr("Due"), "when": self.tr("When"), "what": self.tr("What"),
                    "case": self.tr("Case"), "child": self.tr("Child"), "for": self.tr("For")}[key]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        r = self._rows[index.row()]
        key = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if key == "due":
                return self.date_text(r.due)
            if key == "when":
                return self.when_text(r.due)
            if key == "what":
                return self.what_text(r)
            if key == "case":
                return self.case_text(r)
            if key == "child":
                return r.child_name or ""
            if key == "for":
                return self.for_text(r)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "what":
                return self.what_text(r)
            if key == "case" and r.case_id is None:
                return (self.tr("This follow-up is for the child, not for one case: it is shown with "
                                "the child's most recent case.") if r.case_reference
                        else self.tr("This follow-up is for the child, who has no case you can open."))
        if role == Qt.ItemDataRole.FontRole and key == "when" and self.bucket == "overdue":
            f = QFont()
            f.setBold(True)
            return f
        if role == REMINDER_ROLE:
            return r
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class _ReminderView(QTableView):
    """A section's table: arriving by Tab or by the heading's shortcut selects the first row,
    so the action buttons have something to act on at once."""

    def focusInEvent(self, event):  # noqa: N802 (Qt name)
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                              Qt.FocusReason.ShortcutFocusReason) \
                and self.model().rowCount() and not self.selectionModel().hasSelection():
            idx = self.model().index(0, 0)
            self.selectionModel().setCurrentIndex(
                idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


class _Section(QWidget):
    """A heading with the count, and the table (or a calm sentence when it is empty)."""

    def __init__(self, bucket: str, show_child: bool, parent=None):
        super().__init__(parent)
        self.bucket = bucket
        lay = QVBoxLayout(self)
        em = self.fontMetrics().height()
        lay.setContentsMargins(0, em // 3, 0, 0)
        lay.setSpacing(em // 4)
        self.heading = bold(QLabel(self), 1.1)
        head = QHBoxLayout()
        head.setSpacing(em)
        head.addWidget(self.heading)
        self.hint = QLabel(self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        if bucket == "overdue":
            self.hint.setText(self.tr("Reminders never expire: each stays here until someone completes, "
                                      "declines or snoozes it."))
        head.addWidget(self.hint, 1)
        lay.addLayout(head)

        self.model = ReminderModel(bucket, show_child, self)
        self.view = _ReminderView(self)
        self.view.setObjectName(f"today_{bucket}")
        self.view.setModel(self.model)
        setup_list_table(self.view, em + 12)
        hh = self.view.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._size_columns()
        self.heading.setBuddy(self.view)

        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty.setContentsMargins(em // 2, em // 4, em // 2, em // 4)
        # Not a stacked widget: an empty section then takes only the height of its sentence.
        lay.addWidget(self.view, 1)
        lay.addWidget(self.empty)
        self._show_table(False)
        self.set_heading(None)

    def _size_columns(self) -> None:
        hh = self.view.horizontalHeader()
        fm = self.fontMetrics()
        pad = fm.height() * 2
        widths = {"due": fm.horizontalAdvance(QLocale().toString(QDate(2000, 12, 28), date_format())) + pad,
                  "when": max(fm.horizontalAdvance(self.model.when_text(self.model.as_of() - timedelta(days=d)))
                              for d in (700, 50, 13, -13, -50)) + pad,
                  "case": fm.horizontalAdvance("BH-0000-00000") + pad,
                  "what": fm.height() * 19,
                  "child": fm.height() * 12,
                  "for": max(fm.horizontalAdvance(role_label(d)) for d in DISCIPLINES) + pad}
        # The last column takes what is left: the columns of the three sections line up whether
        # or not a section has a scroll bar.
        hh.setStretchLastSection(True)
        for col, key in enumerate(self.model.columns):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            hh.resizeSection(col, widths[key])

    def titles(self) -> tuple[str, str]:
        """(heading with its mnemonic, what an empty section says)."""
        if self.bucket == "overdue":
            return self.tr("O&verdue"), self.tr("Nothing is overdue.")
        if self.bucket == "this_week":
            return self.tr("This &week"), self.tr("Nothing is due in the next seven days.")
        return (self.tr("&Upcoming, in the next {n} days").format(n=UPCOMING_DAYS),
                self.tr("Nothing is due in the next {n} days.").format(n=UPCOMING_DAYS))

    def set_heading(self, count: int | None) -> None:
        title, empty = self.titles()
        plain = title.replace("&", "")
        if count is None:
            self.heading.setText(title)
            self.view.setAccessibleName(plain)
        else:
            text = self.tr("{title} ({n})").format(title=title, n=QLocale().toString(count))
            self.heading.setText(text)
            self.view.setAccessibleName(text.replace("&", ""))
        if self.hint.text():
            self.view.setAccessibleDescription(self.hint.text())
        self.empty.setText(empty)

    def set_loading(self) -> None:
        self.empty.setText(self.tr("Loading…"))
        self._show_table(False)

    def _show_table(self, table: bool) -> None:
        self.view.setVisible(table)
        self.empty.setVisible(not table)

    def show_rows(self, reminders: list, as_of: date) -> None:
        self.model.set_reminders(reminders, as_of)
        self.set_heading(len(reminders))
        self._show_table(bool(reminders))

    def clear(self) -> None:
        self.model.clear()
        self.set_heading(None)
        self.empty.setText("")
        self._show_table(False)

    def selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_row(self, row: int) -> None:
        n = self.model.rowCount()
        if n == 0:
            return
        row = max(0, min(row, n - 1))
        idx = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(idx)

    def wanted_rows(self) -> int:
        """How many rows this section would like to show (for sharing the height)."""
        n = self.model.rowCount()
        return 1 if n == 0 else min(n, 12)


# --- my interviews ---------------------------------------------------------------------------------
class MyInterviewsModel(QAbstractTableModel):
    """The user's own interviews (session.my_interviews): the coming ones, then those held without
    notes. Times through the display helper, case references, the child only when the core gave it."""

    def __init__(self, show_child: bool, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._columns = ["when", "what", "case"] + (["child"] if show_child else []) + ["room"]

    def set_items(self, mine: dict | None) -> None:
        self.beginResetModel()
        self._rows = list((mine or {}).get("coming", [])) + list((mine or {}).get("unwritten_notes", []))
        self.endResetModel()

    def clear(self) -> None:
        self.set_items(None)

    def item(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def column_of(self, key: str) -> int:
        return self._columns.index(key) if key in self._columns else -1

    def when_text(self, m) -> str:
        start = m.actual_start_utc if m.notes_missing and m.actual_start_utc else m.starts_at_utc
        return local_datetime_text(start)

    def what_text(self, m) -> str:
        if m.notes_missing:
            return self.tr("Held: the notes are not written yet")
        if m.role == "participant":
            return self.tr("Planned: you take part")
        return self.tr("Planned: you lead it")

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns) \
                or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {"when": self.tr("When"), "what": self.tr("What"), "case": self.tr("Case"),
                "child": self.tr("Child"), "room": self.tr("Room")}[self._columns[section]]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        m = self._rows[index.row()]
        key = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return {"when": self.when_text, "what": self.what_text, "case": lambda x: x.case_reference,
                    "child": lambda x: x.child_name or "", "room": lambda x: x.room_name}[key](m)
        if role == Qt.ItemDataRole.FontRole and key == "what" and m.notes_missing:
            f = QFont()
            f.setBold(True)
            return f
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class _ListSection(QWidget):
    """A section of Today under the reminders: a heading, a short table (model, view) and the
    words shown when it is empty."""

    def _clear(self, heading: str) -> None:
        self.model.clear()
        self.heading.setText(heading)
        self.empty.setText("")
        self.view.setVisible(False)
        self.empty.setVisible(True)

    def selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def focus_rows(self) -> None:
        """The keyboard into the table, on the selected row or else the first."""
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)   # (by Tab or shortcut: selects the first row)
        if self.selected_row() < 0 and self.model.rowCount():
            idx = self.model.index(0, 0)
            self.view.selectionModel().setCurrentIndex(
                idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def wanted_rows(self) -> int:
        n = self.model.rowCount()
        return 1 if n == 0 else min(n, 8)


class _MineSection(_ListSection):
    """"My interviews": a heading with the counts and the table (or a calm sentence)."""

    def __init__(self, show_child: bool, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        em = self.fontMetrics().height()
        lay.setContentsMargins(0, em // 3, 0, 0)
        lay.setSpacing(em // 4)
        self.heading = bold(QLabel(self), 1.1)
        lay.addWidget(self.heading)
        self.model = MyInterviewsModel(show_child, self)
        self.view = _ReminderView(self)
        self.view.setObjectName("today_mine")
        self.view.setModel(self.model)
        setup_list_table(self.view, em + 12)
        hh = self.view.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setStretchLastSection(True)
        self.view.setAccessibleName(self.tr("My interviews"))
        self.heading.setBuddy(self.view)
        lay.addWidget(self.view, 1)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.empty)
        self.show_items(None)

    def show_items(self, mine: dict | None) -> None:
        self.model.set_items(mine)
        loc = QLocale()
        if mine is None:
            self.heading.setText(self.tr("My &interviews"))
            self.empty.setText(self.tr("Loading…"))
        else:
            self.heading.setText(self.tr("My &interviews ({coming} coming, {notes} without notes)").format(
                coming=loc.toString(len(mine["coming"])), notes=loc.toString(len(mine["unwritten_notes"]))))
            self.empty.setText(plural(self.tr("No interviews of yours in the next %n day(s), and no notes waiting.",
                                              "", MINE_AHEAD_DAYS), MINE_AHEAD_DAYS))
        has = self.model.rowCount() > 0
        if has:
            em = self.fontMetrics().height()
            for c in range(self.model.columnCount() - 1):
                self.view.resizeColumnToContents(c)
                self.view.setColumnWidth(c, self.view.columnWidth(c) + em)
        self.view.setVisible(has)
        self.empty.setVisible(not has)

    def clear(self) -> None:
        self._clear(self.tr("My &interviews"))


class _TableSection(_ListSection):
    """A heading, a sentence beside it, the table and the words shown when it is empty: the
    sections beside the reminders that list one model (Overdue with other agencies, Justice,
    Missed sessions)."""

    def __init__(self, model, name: str, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        em = self.fontMetrics().height()
        lay.setContentsMargins(0, em // 3, 0, 0)
        lay.setSpacing(em // 4)
        head = QHBoxLayout()
        head.setSpacing(em)
        self.heading = bold(QLabel(self), 1.1)
        head.addWidget(self.heading)
        self.hint = QLabel(self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        head.addWidget(self.hint, 1)
        lay.addLayout(head)
        self.model = model
        model.setParent(self)
        self.view = _ReminderView(self)
        self.view.setObjectName(name)
        self.view.setModel(model)
        setup_list_table(self.view, em + 12)
        hh = self.view.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setStretchLastSection(True)
        self.heading.setBuddy(self.view)
        lay.addWidget(self.view, 1)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setContentsMargins(em // 2, em // 4, em // 2, em // 4)
        lay.addWidget(self.empty)

    def _set_hint(self, hint: str, widths: tuple) -> None:
        """The sentence beside the heading, and the widths of the first columns (the last takes the rest)."""
        self.hint.setText(hint)
        self.view.setAccessibleDescription(hint)
        for col, w in enumerate(widths):
            self.view.horizontalHeader().resizeSection(col, w)

    def _show(self, heading: str, empty: str) -> None:
        self.heading.setText(heading)
        self.empty.setText(empty)
        self.view.setAccessibleName(heading.replace("&", ""))
        has = self.model.rowCount() > 0
        self.view.setVisible(has)
        self.empty.setVisible(not has)

    def _date_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(QLocale().toString(QDate(2000, 12, 28), date_format())) \
            + self.fontMetrics().height() * 2


# --- the sections beside the reminders: one row per case item, by date ----------------------------
class _CaseRowsModel(QAbstractTableModel):
    """A date, (how long ago or ahead), the case and what: the rows of the sections beside the
    reminders. Subclasses give day(x), what_text(x), headers() and, if they show it, when_text(x)
    and late(x) (the "when" cell in bold)."""

    COLUMNS: tuple[str, ...] = ("due", "when", "case", "what")

    def __init__(self, bucket: str, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._words = ReminderModel(bucket, False, self)   # the dates and "how late", told one way

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def item(self, row: int) -> dict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def when_text(self, x: dict) -> str:
        return self._words.when_text(self.day(x))

    def late(self, x: dict) -> bool:
        return False

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS) \
                or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[self.COLUMNS[section]]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        x = self._rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if key == "due":
                return self._words.date_text(self.day(x))
            if key == "when":
                return self.when_text(x)
            if key == "what":
                return self.what_text(x)
            return x.get("case_reference") or ""
        if role == Qt.ItemDataRole.ToolTipRole and key == "what":
            return self.what_text(x)
        if role == Qt.ItemDataRole.FontRole and key == "when" and self.late(x):
            f = QFont()
            f.setBold(True)
            return f
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# --- overdue with other agencies --------------------------------------------------------------
class AgencyModel(_CaseRowsModel):
    """What other agencies owe in the cases the user leads: outside contacts' team actions
    (meetings' overdue_team_actions) and referrals (overdue_referrals), oldest due first. Ids,
    codes, names of agencies and their contacts: never the text of an action."""

    def __init__(self, parent=None):
        super().__init__("overdue", parent)

    def set_items(self, actions: list, referrals: list, as_of: date) -> None:
        self.beginResetModel()
        rows = [dict(a, what="action") for a in actions or []] + [dict(r, what="referral") for r in referrals or []]
        self._rows = sorted(rows, key=lambda x: (x.get("due_on") or "", x.get("case_reference") or ""))
        self._words.set_reminders([], as_of)
        self.endResetModel()

    def day(self, x: dict) -> date:
        return date.fromisoformat(str(x["due_on"])[:10])

    def what_text(self, x: dict) -> str:
        from ui.cases.team_dialogs import term_text, words   # the team tab's words for referrals' codes
        if x["what"] == "action":
            return self.tr("Team action of {owner}, {agency}").format(
                owner=x.get("owner") or "", agency=x.get("agency") or "").strip(", ")
        service = term_text("referral_services", x.get("service"))
        status = words().referral_status(x.get("status") or "")
        if x.get("agency"):
            return self.tr("Referral: {service}, {agency} ({status})").format(
                service=service, agency=x["agency"], status=status)
        return self.tr("Referral: {service} ({status})").format(service=service, status=status)

    def summary(self, x: dict) -> str:
        return self.tr("{what}, {case}; due {date} ({when})").format(
            what=self.what_text(x), case=x.get("case_reference") or "", date=self._words.date_text(self.day(x)),
            when=self._words.when_text(self.day(x)))

    def late(self, x: dict) -> bool:
        return True   # every row is past its date

    def headers(self) -> dict:
        return {"due": self.tr("Due"), "when": self.tr("When"), "what": self.tr("What"), "case": self.tr("Case")}


class _AgencySection(_TableSection):
    """"Overdue with other agencies": for case leads, what outside agencies have not done by its
    date in the cases they lead. Enter opens the case's "Team and referrals" tab."""

    def __init__(self, parent=None):
        super().__init__(AgencyModel(), "today_agencies", parent)
        fm, pad = self.fontMetrics(), self.fontMetrics().height() * 2
        self._set_hint(self.tr("Actions of outside agencies and referrals past their date, in the cases you lead."),
                       (self._date_width(),
                        max(fm.horizontalAdvance(self.model._words.when_text(date.today() - timedelta(days=d)))
                            for d in (700, 330, 13)) + pad,
                        fm.horizontalAdvance("BH-0000-00000") + pad))
        self.show_items(None)

    def show_items(self, agencies: dict | None, as_of: date | None = None) -> None:
        if agencies is None:
            self.model.clear()
            self._show(self.tr("Overdue with other age&ncies"), self.tr("Loading…"))
        else:
            self.model.set_items(agencies.get("actions"), agencies.get("referrals"), as_of)
            self._show(self.tr("Overdue with other age&ncies ({n})").format(n=QLocale().toString(self.model.rowCount())),
                       self.tr("No other agency is late with an action or a referral in the cases you lead."))

    def clear(self) -> None:
        self._clear(self.tr("Overdue with other age&ncies"))


# --- the justice track (the liaison's and the case leads') ------------------------------------------
class JusticeModel(_CaseRowsModel):
    """What the liaison follows across cases (session.liaison_today), one table by date: hearings,
    charge decisions and verdicts awaited (dated since when they wait), release dates (dated by
    when the child and family are to be told), compensation deadlines and rights-explained
    checkpoints. Case references, codes and dates: never a name."""

    ORDER = {"deadline": 0, "release": 1, "hearing": 2, "decision": 3}   # on the same day

    def __init__(self, parent=None):
        super().__init__("upcoming", parent)

    def set_items(self, today: dict | None, as_of: date) -> None:
        self.beginResetModel()
        rows = []
        if today:
            rows += [dict(x, part="hearing", day=x["on"]) for x in today.get("hearings", [])]
            rows += [dict(x, part="decision", day=x.get("since") or as_of.isoformat())
                     for x in today.get("decisions_due", [])]
            rows += [dict(x, part="release", day=x["inform_by"]) for x in today.get("release_dates", [])]
            rows += [dict(x, part="deadline", day=x["due"]) for x in today.get("compensation_deadlines", [])]
        self._rows = sorted(rows, key=lambda x: (x["day"], self.ORDER[x["part"]], x.get("case_reference") or ""))
        self._words.set_reminders([], as_of)
        self.endResetModel()

    def day(self, x: dict) -> date:
        return date.fromisoformat(str(x["day"])[:10])

    def when_text(self, x: dict) -> str:
        if x["part"] == "decision":
            days = (self._words.as_of() - self.day(x)).days
            if days >= 60:
                months = whole_months(self.day(x), self._words.as_of())
                return plural(self.tr("Waiting %n month(s)", "", months), months)
            if days >= 14:
                return plural(self.tr("Waiting %n week(s)", "", days // 7), days // 7)
            return plural(self.tr("Waiting %n day(s)", "", days), days)
        return self._words.when_text(self.day(x))

    def what_text(self, x: dict) -> str:
        from ui.cases.team_dialogs import term_text   # the words of the core's vocabularies
        part = x["part"]
        if part == "hearing":
            text = self.tr("Hearing ({kind})").format(kind=term_text("justice_proceeding_kinds", x.get("kind")))
            if x.get("at_utc"):
                text = self.tr("{hearing} at {time}").format(
                    hearing=text, time=local_datetime_text(x["at_utc"], x.get("time_zone"), style="time"))
            return text
        if part == "decision":
            since = self._words.date_text(self.day(x))
            if x.get("waiting_for") == "verdict":
                return self.tr("Verdict awaited since {date}").format(date=since)
            return self.tr("Charge decision awaited since {date}").format(date=since)
        if part == "release":
            if x.get("wish") is None:   # they were never asked: whoever acts asks them first
                return self.tr("Release on {release}: ask the child and family whether they wish to be told, by "
                               "{date}").format(release=self._words.date_text(date.fromisoformat(x["release_on"])),
                                                date=self._words.date_text(self.day(x)))
            return self.tr("Release on {release}: inform the child and family by {date}").format(
                release=self._words.date_text(date.fromisoformat(x["release_on"])),
                date=self._words.date_text(self.day(x)))
        return self._words.justice_text(x.get("kind")) or self.tr("Compensation claim deadline")

    def summary(self, x: dict) -> str:
        if x["part"] == "decision":   # its text already says since when
            return self.tr("{what}, {case} ({when})").format(
                what=self.what_text(x), case=x.get("case_reference") or "", when=self.when_text(x))
        return self.tr("{what}, {case}; {date} ({when})").format(
            what=self.what_text(x), case=x.get("case_reference") or "", date=self._words.date_text(self.day(x)),
            when=self.when_text(x))

    def late(self, x: dict) -> bool:
        return x["part"] != "decision" and self.day(x) < self._words.as_of()

    def headers(self) -> dict:
        return {"due": self.tr("Date"), "when": self.tr("When"), "what": self.tr("What"), "case": self.tr("Case")}


class _JusticeSection(_TableSection):
    """"Justice": for those who record the justice track (the liaison, case leads), what is coming
    or waiting in it across cases. Enter opens the case's Justice tab."""

    def __init__(self, parent=None):
        super().__init__(JusticeModel(), "today_justice", parent)
        fm, pad = self.fontMetrics(), self.fontMetrics().height() * 2
        today = date.today()
        when = max(fm.horizontalAdvance(t) for t in [self.model._words.when_text(today - timedelta(days=d))
                                                     for d in (700, 50, 13, -13, -50)]
                   + [plural(self.tr("Waiting %n month(s)", "", 11), 11)]) + pad
        self._set_hint(self.tr("Hearings in the next {n} days, decisions awaited, release dates to tell the family "
                               "of, compensation deadlines.").format(n=JUSTICE_DAYS),
                       (self._date_width(), when, fm.horizontalAdvance("BH-0000-00000") + pad))
        self.show_items(None)

    def show_items(self, today: dict | None, as_of: date | None = None) -> None:
        if today is None:
            self.model.clear()
            self._show(self.tr("Justice"), self.tr("Loading…"))
        else:
            self.model.set_items(today, as_of)
            self._show(self.tr("Justice ({n})").format(n=QLocale().toString(self.model.rowCount())),
                       self.tr("No hearing in the next {n} days, no decision awaited, no release date or "
                               "compensation deadline to follow.").format(n=JUSTICE_DAYS))

    def clear(self) -> None:
        self._clear(self.tr("Justice"))


# --- missed therapy sessions (the therapist's) -----------------------------------------------------
class MissedSessionsModel(_CaseRowsModel):
    """Treatment episodes with a missed session and none attended since (session.missed_sessions),
    the oldest first: the day, the case, how many. Ids, references and dates: never a name."""

    COLUMNS = ("due", "case", "what")

    def __init__(self, parent=None):
        super().__init__("overdue", parent)

    def set_items(self, missed: list | None) -> None:
        self.beginResetModel()
        self._rows = list(missed or [])
        self.endResetModel()

    def day(self, x: dict) -> date:
        return date.fromisoformat(x["held_on"])

    def what_text(self, x: dict) -> str:
        n = int(x.get("missed") or 1)
        if n == 1:
            return self.tr("Session missed, none attended since: follow up")
        return plural(self.tr("%n sessions missed, none attended since: follow up", "", n), n)

    def summary(self, x: dict) -> str:
        return self.tr("{what}, {case}; last missed {date}").format(
            what=self.what_text(x), case=x.get("case_reference") or "", date=self._words.date_text(self.day(x)))

    def headers(self) -> dict:
        return {"due": self.tr("Last missed"), "case": self.tr("Case"), "what": self.tr("What")}


class _MissedSection(_TableSection):
    """"Missed sessions": for therapists, the treatment episodes whose last missed session (in the
    core's window, MISSED_DAYS) has no attended one after it. Enter opens the case's Psychosocial tab."""

    def __init__(self, parent=None):
        super().__init__(MissedSessionsModel(), "today_missed", parent)
        pad = self.fontMetrics().height() * 2
        self._set_hint(plural(self.tr("Missed in the last %n day(s), with no session attended since.", "",
                                      MISSED_DAYS), MISSED_DAYS),
                       (self._date_width(), self.fontMetrics().horizontalAdvance("BH-0000-00000") + pad))
        self.show_items(None)

    def show_items(self, missed: list | None) -> None:
        self.model.set_items(missed)
        if missed is None:
            self._show(self.tr("Missed sessions"), self.tr("Loading…"))
        else:
            self._show(self.tr("Missed sessions ({n})").format(n=QLocale().toString(self.model.rowCount())),
                       plural(self.tr("No session missed in the last %n day(s) is waiting for a follow-up.", "",
                                      MISSED_DAYS), MISSED_DAYS))

    def clear(self) -> None:
        self._clear(self.tr("Missed sessions"))


# --- the dialogs -----------------------------------------------------------------------------------
class _ReminderDialog(FormDialog):
    """What the dialogs share: which reminder, in bold under the introduction; the style's own
    spacing; closing deletes them; a wrapped message makes them grow to show it whole."""

    width_em = 30
    spaced = False
    REFUSALS = (Exception,)   # anything run() raises is shown calmly; the core changed nothing

    def __init__(self, session, reminder, summary: str, parent=None):
        self.reminder = reminder
        super().__init__(session, parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about = bold(QLabel(summary, self))
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.layout().insertWidget(1, self.about)

    def show_error(self, exc: BaseException) -> None:
        super().show_error(exc)
        self._fit()

    def _fit(self) -> None:
        """Grow to show a wrapped message whole."""
        lay = self.layout()
        lay.activate()
        need = lay.totalHeightForWidth(self.width()) if lay.hasHeightForWidth() else lay.totalSizeHint().height()
        if need > self.height():
            self.resize(self.width(), need)


class CompleteDialog(_ReminderDialog):
    def build(self) -> None:
        self.setWindowTitle(self.tr("Complete a reminder"))
        kind = self.reminder.kind
        if kind == "recurring_review":
            intro = self.tr("Record that this review was done. The next review falls due from the day "
                            "it was done, until the team records the child's full recovery.")
        elif kind == "age_milestone":
            intro = self.tr("Record that this milestone was followed up. The child's later milestones "
                            "still come.")
        else:
            intro = self.tr("Record that this was done. The reminder ends.")
        self.intro.setText(intro)
        self.ok_text = self.tr("&Complete")
        self.on = DateField(self, latest=date.today())
        self.add_field("on", self.tr("&Done on:"), self.on, accessible=self.tr("Done on"))
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().height() * 4)
        self.add_field("note", self.tr("&Note (optional):"), self.note, accessible=self.tr("Note"))

    def operation(self):
        s, r = self.session, self.reminder
        on, note = self.on.value(), self.note.toPlainText()
        return lambda: s.complete_reminder(r.rule_id, on=on, occurrence=r.occurrence, note=note)


class DeclineDialog(_ReminderDialog):
    def build(self) -> None:
        self.setWindowTitle(self.tr("Decline a reminder"))
        self.ok_text = self.tr("&Decline")
        kind = self.reminder.kind
        if kind == "recurring_review":
            intro = self.tr("Record why this will not be done. Without a date to offer it again, the "
                            "regular reviews end.")
        elif kind == "age_milestone":
            intro = self.tr("Record why this will not be done. Only this milestone ends: the child's "
                            "later milestones still come.")
        else:
            intro = self.tr("Record why this will not be done. The reminder ends, unless you give a "
                            "date to offer it again.")
        self.intro.setText(intro)
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.fontMetrics().height() * 4)
        self.add_field("reason", self.tr("&Reason:"), self.reason,
                       hint=self.tr("Required. For example: declined further contact."),
                       accessible=self.tr("Reason"))
        again = QWidget(self)
        row = QHBoxLayout(again)
        row.setContentsMargins(0, 0, 0, 0)
        self.offer = QCheckBox(self.tr("&On this date:"), again)
        self.offer_date = DateField(again, initial=date.today() + timedelta(days=180),
                                    earliest=date.today() + timedelta(days=1))
        self.offer_date.setAccessibleName(self.tr("Date to offer again"))
        self.offer_date.setEnabled(False)
        self.offer.toggled.connect(self.offer_date.setEnabled)
        row.addWidget(self.offer)
        row.addWidget(self.offer_date)
        row.addStretch(1)
        again.setFocusProxy(self.offer)
        self.add_field("offer_again", self.tr("Offer again:"), again,
                       hint=self.tr("Optional. On that date the reminder comes back."),
                       accessible=self.tr("Offer again"))
        self.offer.setAccessibleName(self.tr("Offer again on a date"))
        QWidget.setTabOrder(self.reason, self.offer)
        QWidget.setTabOrder(self.offer, self.offer_date)

    def operation(self):
        s, r = self.session, self.reminder
        again = self.offer_date.value() if self.offer.isChecked() else None
        reason = self.reason.toPlainText()
        return lambda: s.decline_reminder(r.rule_id, reason, offer_again=again, occurrence=r.occurrence)


class SnoozeDialog(_ReminderDialog):
    QUICK = ((7, 0), (0, 1), (0, 3), (0, 6))  # (days, months) from today

    def build(self) -> None:
        self.setWindowTitle(self.tr("Snooze a reminder"))
        self.ok_text = self.tr("&Snooze")
        self.intro.setText(self.tr("Move this reminder to a later date. It comes back on that date."))
        box = QWidget(self)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        self.new_date = DateField(box, empty_text=self.tr("Choose a date"),
                                  earliest=date.today() + timedelta(days=1))
        self.new_date.setAccessibleName(self.tr("New date"))
        col.addWidget(self.new_date)
        quick = QWidget(box)
        col.addWidget(quick)
        box.setFocusProxy(self.new_date)
        row = QHBoxLayout(quick)
        row.setContentsMargins(0, 0, 0, 0)
        self.quick_buttons = []
        labels = (self.tr("In 1 week"), self.tr("In 1 month"), self.tr("In 3 months"), self.tr("In 6 months"))
        for (days, months), text in zip(self.QUICK, labels):
            b = QPushButton(text, quick)
            b.setAutoDefault(False)
            b.clicked.connect(lambda _c=False, d=days, m=months: self._quick(d, m))
            row.addWidget(b)
            self.quick_buttons.append(b)
        row.addStretch(1)
        self.add_field("new_date", self.tr("&New date:"), box, hint=self.tr("Required. A date after today."),
                       accessible=self.tr("New date"))

    def _quick(self, days: int, months: int) -> None:
        q = QDate.currentDate().addDays(days).addMonths(months)
        self.new_date.setDate(q)
        self.messages["new_date"].clear()

    def operation(self):
        s, r = self.session, self.reminder
        new_date = self.new_date.value()
        return lambda: s.snooze_reminder(r.rule_id, new_date=new_date, occurrence=r.occurrence)


def _overdue_with_agencies(session, as_of: date) -> dict:
    """(on the worker) What other agencies owe in the cases this user leads."""
    return {"actions": session.overdue_team_actions(as_of) if session.can("meeting", "read") else [],
            "referrals": session.overdue_referrals(as_of) if session.can("referral", "read") else []}


def _reviews_waiting(session, as_of: date) -> dict | None:
    """(on the worker) How many held examinations wait for an expert review (the medical role's
    review queue), and of the last twelve months' examinations that needed one how many had it
    (the standard asks at least half); None when this user does not hold the medical section's
    key yet."""
    from barnahus_app.errors import SectionLocked
    try:
        share = session.review_share(as_of - timedelta(days=365), as_of)
        return {"waiting": len(session.review_queue()), **share}
    except SectionLocked:
        return None


# --- the panel -------------------------------------------------------------------------------------
class TodayPanel(QWidget):
    """Overdue, this week and upcoming follow-up reminders, and what can be done about them."""

    openCase = Signal(int)
    openCaseTab = Signal(int, str)   # a case, and the key of the workspace tab to show (ui/common/pages.py)
    countsChanged = Signal(object)  # {"overdue": n, "this_week": n, "upcoming": n}
    loaded = Signal()

    def __init__(self, session, parent=None, *, as_of: date | None = None, load: bool = True):
        """load=False: the first read waits for start_loading() (the main window starts it once
        its unlock handling has returned, so the read, which holds the record while it runs,
        does not make the case list's first calls on the GUI thread wait)."""
        super().__init__(parent)
        self.session = session
        self.setObjectName("todayPanel")
        self._generation = 0
        self._loading = False
        self._pending = False
        self._as_of = qdate(as_of) if as_of is not None else QDate.currentDate()
        self._follows_today = self._as_of == QDate.currentDate()
        self._counts: dict | None = None
        # What to select again after a reload: (bucket, row, rule_id, occurrence); with a rule id,
        # the same reminder wherever it now is, else the row at the same place (after an action).
        self._keep: tuple | None = None
        self._user_sized = False
        self._want_list_focus = False
        self._stale = False
        self._deferred = not load  # the first read has not been started yet
        roles = set(session.roles) if session is not None else set()
        # "My interviews" for those who lead interviews; the filter for those who see other
        # disciplines' follow-up (a case lead sees everyone's in the cases they lead).
        self._show_mine = "interviewer" in roles and session.can("interview", "read")
        self._show_filter = bool(roles & {"coordinator", "liaison"})
        # "Overdue with other agencies" for case leads: the core lists what is late in the cases
        # they lead (overdue_team_actions, overdue_referrals).
        self._show_agencies = "coordinator" in roles and (session.can("meeting", "read")
                                                          or session.can("referral", "read"))
        # Medical staff: how many examinations wait for an expert review (review_queue).
        self._show_reviews = session is not None and session.can("medical", "review")
        # "Justice" for those who record the justice track (the liaison, case leads): at the top
        # for the liaison, whose own list it is, under the reminders for a case lead.
        self._show_justice = session is not None and session.can("justice", "update")
        self._justice_first = "liaison" in roles
        # "Missed sessions" for therapists (who record sessions): what is late, after Overdue.
        self._show_missed = session is not None and session.can("psychosocial", "update")
        self._reviews_waiting: dict | None = None
        self._token = prefs.user_token(session.record.path, session.user_id) if session is not None else ""
        self._only_mine = self._show_filter and prefs.today_only_mine(self._token)
        self._build()
        if load:
            self.refresh()
        else:
            self.busy_label.setText(self.tr("Loading the reminders…"))
            for sec in self.sections.values():
                sec.set_loading()

    # --- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        em = self.fontMetrics().height()
        outer, top, self.title = begin_page(self, self.tr("Today"))
        top.addStretch(1)
        as_of_label = QLabel(self.tr("As o&f:"), self)
        self.as_of_edit = QDateEdit(self)
        self.as_of_edit.setObjectName("todayAsOf")
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat(date_format())
        self.as_of_edit.setDate(self._as_of)
        self.as_of_edit.setMinimumWidth(em * 9)
        self.as_of_edit.setAccessibleName(self.tr("As of date"))
        self.as_of_edit.setToolTip(self.tr("Show the reminders as they stand on this date"))
        as_of_label.setBuddy(self.as_of_edit)
        self.today_button = QPushButton(self.tr("Back to today"), self)
        self.today_button.setToolTip(self.tr("Show the reminders as of today"))
        self.today_button.clicked.connect(self.back_to_today)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Load the reminders again (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        self.today_button.setEnabled(not self._follows_today)
        self.filter_label = QLabel(self.tr("Sho&w:"), self)
        self.filter_combo = QComboBox(self)
        self.filter_combo.setObjectName("todayFilter")
        self.filter_combo.addItem(self.tr("Everyone's follow-up"), False)
        self.filter_combo.addItem(self.tr("Only mine"), True)
        self.filter_combo.setCurrentIndex(1 if self._only_mine else 0)
        self.filter_combo.setAccessibleName(self.tr("Whose follow-up to show"))
        self.filter_combo.setToolTip(self.tr("Everyone's follow-up in the cases you lead, or only that of "
                                             "your own discipline"))
        self.filter_label.setBuddy(self.filter_combo)
        self.filter_combo.currentIndexChanged.connect(self._filter_changed)
        for w in (self.filter_label, self.filter_combo):
            w.setVisible(self._show_filter)
            top.addWidget(w)
        top.addSpacing(em)
        top.addWidget(as_of_label)
        top.addWidget(self.as_of_edit)
        top.addWidget(self.today_button)
        top.addWidget(self.refresh_button)
        outer.addLayout(top)

        self.summary = QLabel(self)
        self.summary.setObjectName("todaySummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(self.tr("Summary of the reminders"))
        outer.addWidget(self.summary)
        self.message = InlineMessage(self)
        outer.addWidget(self.message)

        show_child = self.session is not None and self.session.can("person", "read")
        self.sections = {b: _Section(b, show_child, self) for b in BUCKETS}
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(max(6, em // 2))
        self.mine = _MineSection(show_child, self)
        self.mine.setVisible(self._show_mine)
        if self._show_mine:
            self.mine.view.activated.connect(lambda index: self._open_mine(index.row()))
        self.agencies = _AgencySection(self)
        self.agencies.setVisible(self._show_agencies)
        self.justice = _JusticeSection(self)
        self.justice.setVisible(self._show_justice)
        self.missed = _MissedSection(self)
        self.missed.setVisible(self._show_missed)
        # Down the page: the user's own list (their interviews; the liaison's justice track), the
        # reminders with what else is late after Overdue, and a case lead's justice track last.
        self._parts = [w for w, shown in ((self.mine, self._show_mine),
                                          (self.justice, self._show_justice and self._justice_first)) if shown]
        for b in BUCKETS:
            sec = self.sections[b]
            self._parts.append(sec)
            sec.view.selectionModel().selectionChanged.connect(
                lambda _s, _d, b=b: self._selection_changed(b))
            sec.view.activated.connect(lambda index, b=b: self._activated(b, index.row()))
            if b == "overdue":
                self._parts += [w for w in (self.agencies, self.missed) if w in self._others()]
        if self._show_justice and not self._justice_first:
            self._parts.append(self.justice)
        for w in self._others():
            w.view.selectionModel().selectionChanged.connect(lambda _s, _d, w=w: self._selection_changed(w))
            w.view.activated.connect(lambda index, w=w: self._activated(w, index.row()))
        for w in self._parts:
            self.splitter.addWidget(w)
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_user_sized", True))
        outer.addWidget(self.splitter, 1)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        outer.addWidget(line)
        self.selected_label = QLabel(self)
        self.selected_label.setObjectName("todaySelected")
        self.selected_label.setWordWrap(True)
        self.selected_label.setTextFormat(Qt.TextFormat.PlainText)
        self.selected_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        outer.addWidget(self.selected_label)
        actions = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open case"), self)
        self.open_button.setToolTip(self.tr("Open the case of the selected reminder (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.complete_button = QPushButton(self.tr("&Complete…"), self)
        self.complete_button.setToolTip(self.tr("Record that the selected reminder was done (Alt+C)"))
        self.complete_button.clicked.connect(self.complete_selected)
        self.decline_button = QPushButton(self.tr("&Decline…"), self)
        self.decline_button.setToolTip(self.tr("Record why the selected reminder will not be done (Alt+D)"))
        self.decline_button.clicked.connect(self.decline_selected)
        self.snooze_button = QPushButton(self.tr("&Snooze…"), self)
        self.snooze_button.setToolTip(self.tr("Move the selected reminder to a later date (Alt+S)"))
        self.snooze_button.clicked.connect(self.snooze_selected)
        for b, name in ((self.open_button, self.tr("Open case")), (self.complete_button, self.tr("Complete")),
                        (self.decline_button, self.tr("Decline")), (self.snooze_button, self.tr("Snooze"))):
            b.setAccessibleName(name)
            b.setAutoDefault(False)
            actions.addWidget(b)
        actions.addStretch(1)
        self.busy_label = QLabel(self)
        self.busy_label.setTextFormat(Qt.TextFormat.PlainText)
        actions.addWidget(self.busy_label)
        outer.addLayout(actions)
        may_act = self.session is not None and self.session.can("followup", "update")
        for b in (self.complete_button, self.decline_button, self.snooze_button):
            b.setVisible(may_act)

        self._as_of_timer = QTimer(self)
        self._as_of_timer.setSingleShot(True)
        self._as_of_timer.setInterval(300)
        self._as_of_timer.timeout.connect(self._as_of_changed)
        self.as_of_edit.dateChanged.connect(lambda _d: self._as_of_timer.start())
        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.refresh)

        views = [w.view for w in self._parts]
        chain = [self.filter_combo, self.as_of_edit, self.today_button, self.refresh_button, *views,
                 self.open_button, self.complete_button, self.decline_button, self.snooze_button]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)
        self.setFocusProxy(self.sections[BUCKETS[0]].view)
        self._update_buttons()

    # --- public API --------------------------------------------------------------------------
    def as_of(self) -> date:
        return pydate(self._as_of)

    def set_as_of(self, d: date) -> None:
        """Show the reminders as they stand on another date (today: back to following today)."""
        self._as_of_timer.stop()
        self.as_of_edit.blockSignals(True)
        self.as_of_edit.setDate(qdate(d))
        self.as_of_edit.blockSignals(False)
        self._as_of_changed()

    def back_to_today(self) -> None:
        self.set_as_of(date.today())

    def only_mine(self) -> bool:
        return self._only_mine

    def mine_model(self) -> MyInterviewsModel:
        return self.mine.model

    def _filter_changed(self, index: int) -> None:
        """Only mine / Everyone's: remembered for this user on this computer, and read again."""
        self._only_mine = bool(self.filter_combo.itemData(index))
        if self.session is not None:
            prefs.set_today_only_mine(self._token, self._only_mine)
        self._keep = None
        self.refresh()

    def _open_mine(self, row: int) -> None:
        m = self.mine.model.item(row)
        if m is not None:
            self.openCase.emit(int(m.case_id))

    def counts(self) -> dict | None:
        return dict(self._counts) if self._counts is not None else None

    def is_loading(self) -> bool:
        return self._loading or self._deferred

    def start_loading(self) -> None:
        """Start the first read if it was held back (load=False); otherwise nothing."""
        if self._deferred:
            self.refresh()

    def model(self, bucket: str) -> ReminderModel:
        return self.sections[bucket].model

    def view(self, bucket: str) -> QTableView:
        return self.sections[bucket].view

    def refresh(self) -> None:
        """Read the reminders again, off the GUI thread; the rows shown stay until the new ones
        are there (after an action, the list does not flash empty)."""
        if self.session is None:
            return
        if self._follows_today and self._as_of != QDate.currentDate():
            self.as_of_edit.blockSignals(True)
            self._as_of = QDate.currentDate()  # past midnight: today moved on
            self.as_of_edit.setDate(self._as_of)
            self.as_of_edit.blockSignals(False)
        chosen = self.selected()
        if self._keep is None and chosen is not None:
            self._keep = (chosen[0], chosen[1], chosen[2].rule_id, chosen[2].occurrence)
        if self._loading:
            self._pending = True  # once the current read is back, read again
            return
        self._deferred = False
        self._loading = True
        self._pending = self._stale = False
        self._generation += 1
        generation = self._generation
        session, as_of = self.session, pydate(self._as_of)
        only_mine, with_mine, with_agencies = self._only_mine, self._show_mine, self._show_agencies
        with_reviews, with_justice, with_missed = self._show_reviews, self._show_justice, self._show_missed
        self.busy_label.setText(self.tr("Loading the reminders…"))
        if self._counts is None:
            for sec in self.sections.values():
                sec.set_loading()
        self._update_buttons()
        run_in_background(lambda: (session.reminders(as_of, only_mine=only_mine),
                                   session.my_interviews() if with_mine else None,
                                   _overdue_with_agencies(session, as_of) if with_agencies else None,
                                   _reviews_waiting(session, as_of) if with_reviews else None,
                                   session.liaison_today(as_of) if with_justice else None,
                                   session.missed_sessions(as_of) if with_missed else None),
                          lambda result: self._loaded(generation, as_of, *result),
                          lambda error: self._failed(generation, error), owner=self)

    def clear(self) -> None:
        """Drop every reminder shown (the application is locking)."""
        self._generation += 1  # a read still under way is not shown
        self._loading = self._pending = self._deferred = False
        self._as_of_timer.stop()
        for dlg in self.findChildren(QDialog):
            dlg.reject()
        for sec in self.sections.values():
            sec.clear()
        self.mine.clear()
        self.agencies.clear()
        self.justice.clear()
        self.missed.clear()
        self._counts = None
        self._keep = None
        self.summary.clear()
        self.message.clear()
        self.busy_label.clear()
        self.selected_label.clear()
        self._update_buttons()

    def focus_list(self) -> None:
        """The keyboard goes to the first section that has reminders (once they are loaded)."""
        self._want_list_focus = self._counts is None
        if self._show_justice and self._justice_first and self.justice.model.rowCount():   # the liaison's own list
            self.justice.focus_rows()
            return
        for b in BUCKETS:
            sec = self.sections[b]
            if sec.model.rowCount():
                sec.view.setFocus(Qt.FocusReason.OtherFocusReason)
                if sec.selected_row() < 0:
                    sec.select_row(0)
                return
        for other in self._others():   # only what other agencies owe, the justice track, missed sessions
            if other.model.rowCount():
                other.focus_rows()
                return
        self.as_of_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected(self):
        """(bucket, row, Reminder) of the selected reminder, or None."""
        for b in BUCKETS:
            sec = self.sections[b]
            row = sec.selected_row()
            if row >= 0:
                return b, row, sec.model.reminder(row)
        return None

    def select(self, bucket: str, row: int) -> None:
        self.sections[bucket].select_row(row)

    # --- loading -----------------------------------------------------------------------------
    def _as_of_changed(self) -> None:
        new = self.as_of_edit.date()
        self._follows_today = new == QDate.currentDate()
        self.today_button.setEnabled(not self._follows_today)
        if new != self._as_of:
            self._as_of = new
            self._keep = None
            self.refresh()

    def _loaded(self, generation: int, as_of: date, reminders: list, mine: dict | None = None,
                agencies: dict | None = None, reviews: int | None = None, justice: dict | None = None,
                missed: list | None = None) -> None:
        if generation != self._generation:
            return
        self._reviews_waiting = reviews
        self._loading = False
        self.busy_label.clear()
        self.message.clear()
        focus = QApplication.focusWidget()
        had_focus = focus is not None and (focus is self or self.isAncestorOf(focus))
        parts = {b: [] for b in BUCKETS}
        for r in reminders:
            parts[r.bucket].append(r)
        for b in BUCKETS:
            self.sections[b].show_rows(parts[b], as_of)
        if self._show_mine:
            self.mine.show_items(mine)
        if self._show_agencies:
            self.agencies.show_items(agencies, as_of)
        if self._show_justice:
            self.justice.show_items(justice, as_of)
        if self._show_missed:
            self.missed.show_items(missed)
        self._counts = bucket_counts(reminders)
        self._show_summary(as_of)
        self._share_height()
        keep, self._keep = self._keep, None
        if keep is not None:
            bucket, row, rule_id, occurrence = keep
            target = None
            if rule_id is not None:
                for b in BUCKETS:
                    i = self.sections[b].model.row_of(rule_id, occurrence)
                    if i >= 0:
                        target, row = b, i
                        break
            if target is None:
                target = bucket if self.sections[bucket].model.rowCount() else next(
                    (b for b in BUCKETS if self.sections[b].model.rowCount()), None)
                row = row if target == bucket else 0
            if target is not None:
                self.sections[target].select_row(row)
                if had_focus:
                    self.sections[target].view.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self._want_list_focus and had_focus and focus is self.as_of_edit:
            self.focus_list()  # the first look after unlock: the keyboard starts on the list
        self._want_list_focus = False
        self._update_buttons()
        self.countsChanged.emit(dict(self._counts))
        self.loaded.emit()
        if self._pending:
            self.refresh()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.busy_label.clear()
        if self._counts is None:
            for sec in self.sections.values():
                sec.clear()
        self.message.show_error(self.tr("The reminders could not be loaded: {reason}").format(
            reason=core_message(error)))
        self._update_buttons()
        self.loaded.emit()
        if self._pending:
            self.refresh()

    def _show_summary(self, as_of: date) -> None:
        c = self._counts
        loc = QLocale()
        text = self.tr("{overdue} overdue, {week} due this week, {upcoming} upcoming.").format(
            overdue=loc.toString(c["overdue"]), week=loc.toString(c["this_week"]),
            upcoming=loc.toString(c["upcoming"]))
        reviews = self._reviews_waiting
        if reviews and reviews["waiting"]:
            text += " " + plural(self.tr("%n examination(s) waiting for an expert review (the review queue).", "",
                                         reviews["waiting"]), reviews["waiting"])
        if reviews and reviews["needing"]:
            text += " " + self.tr("Expert reviews in the last 12 months: {reviewed} of the {needing} examinations "
                                  "that needed one (at least half is the standard).").format(
                reviewed=loc.toString(reviews["reviewed"]), needing=loc.toString(reviews["needing"]))
        if self._only_mine:
            text += " " + self.tr("Only your own discipline's follow-up is shown.")
        if as_of != date.today():
            text += " " + self.tr("Shown as of {date}, not today.").format(
                date=loc.toString(qdate(as_of), date_format()))
        self.summary.setText(text)

    def _share_height(self) -> None:
        """Give each section room for its rows (up to a dozen) until the user moves a divider. The
        user's own list on top (their interviews, the liaison's justice track) first gets all its
        rows, up to a third of the height; the others share the rest by the rows they would show."""
        if self._user_sized:
            return
        wanted = [w.wanted_rows() + (3 if w.model.rowCount() else 1) for w in self._parts]
        total = sum(self.splitter.sizes())   # the sizes given are shares of it: Qt scales them to fit
        total = total if total >= 200 else 1000   # (not laid out yet)
        own = 0
        while own < len(self._parts) - 1 and self._parts[own] in (self.mine, self.justice):
            own += 1
        row = self.fontMetrics().height() + 14   # a table row (setup_list_table), with the grid
        sizes = [min(w * row, total // 3) for w in wanted[:own]]
        left, rest = max(total - sum(sizes), 1), wanted[own:]
        self.splitter.setSizes(sizes + [max(1, left * w // sum(rest)) for w in rest])

    # --- selection and actions -----------------------------------------------------------------
    def _others(self) -> list:
        """The sections shown besides the reminders' whose rows are selected and opened: Overdue
        with other agencies, Justice, Missed sessions."""
        return [w for w, shown in ((self.agencies, self._show_agencies), (self.justice, self._show_justice),
                                   (self.missed, self._show_missed)) if shown]

    def _selection_changed(self, which) -> None:
        """One selection on the page: a row chosen in one section (a bucket of reminders, or one
        of _others()) unselects the others."""
        sec = self.sections[which] if isinstance(which, str) else which
        if sec.selected_row() >= 0:
            for other in [*self.sections.values(), *self._others()]:
                if other is not sec and other.selected_row() >= 0:
                    other.view.selectionModel().blockSignals(True)
                    other.view.clearSelection()
                    other.view.selectionModel().blockSignals(False)
                    other.view.viewport().update()
        self._update_buttons()

    def selected_agency_item(self) -> dict | None:
        """The row of Overdue with other agencies selected, or None."""
        if not self._show_agencies:
            return None
        return self.agencies.model.item(self.agencies.selected_row())

    def selected_other(self) -> tuple | None:
        """(section, item) of the row selected in one of _others(), or None."""
        for w in self._others():
            x = w.model.item(w.selected_row())
            if x is not None:
                return w, x
        return None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        for b in (self.open_button, self.complete_button, self.decline_button, self.snooze_button):
            b.setEnabled(chosen is not None)
        other = self.selected_other()
        if other is not None:
            self.open_button.setEnabled(True)
            self.selected_label.setText(self.tr("Selected: {summary}").format(summary=other[0].model.summary(other[1])))
            return
        if chosen is None:
            self.selected_label.setText(self.tr("Select a reminder to open its case or act on it.")
                                        if self._counts and any(self._counts.values()) else "")
        else:
            bucket, _row, r = chosen
            self.selected_label.setText(self.tr("Selected: {summary}").format(
                summary=self.sections[bucket].model.row_summary(r)))

    def _activated(self, which, row: int) -> None:
        if isinstance(which, str):
            self.sections[which].select_row(row)
        self.open_selected()

    def open_selected(self) -> None:
        other = self.selected_other()
        if other is not None:
            # what another agency owes: the case's "Team and referrals" tab; the justice track:
            # its Justice tab; a missed session: its Psychosocial tab
            sec, x = other
            self.message.clear()
            tab = "team" if sec is self.agencies else "justice" if sec is self.justice else "psychosocial"
            self.openCaseTab.emit(int(x["case_id"]), tab)
            return
        chosen = self.selected()
        if chosen is None:
            return
        _bucket, _row, r = chosen
        self.message.clear()
        case_id = r.case_id
        if case_id is None:
            # A follow-up of the child rather than of one case: the child's most recent case.
            if not r.case_reference:
                self.message.show_info(self.tr("This follow-up is for the child, who has no case you can "
                                               "open. Nothing was opened."))
                return
            try:
                case_id = self.session.case_id_for_reference(r.case_reference)
            except BarnahusError as e:
                self.message.show_error(core_message(e))
                return
        # where the core says it is acted on (Reminder.opens): the alleged offences are on the
        # Justice tab; the Follow-up tab opens on this rule (ui/followup)
        place = r.opens[2]
        tab = {"offences": "justice", "followup": f"followup:{r.rule_id}:{r.person_id}"}.get(place, place)
        self.openCaseTab.emit(int(case_id), tab)

    def _act(self, dialog_class) -> None:
        chosen = self.selected()
        if chosen is None or self.session is None:
            return
        bucket, row, r = chosen
        self.message.clear()
        dlg = dialog_class(self.session, r, self.sections[bucket].model.row_summary(r), self)
        dlg.finished.connect(lambda _result, d=dlg, b=bucket, i=row: self._acted(d, b, i))
        dlg.open()

    def _acted(self, dlg, bucket: str, row: int) -> None:
        if not dlg.done_ok or self.session is None:
            self.focus_after_dialog(bucket)
            return
        self._keep = (bucket, row, None, None)
        self.refresh()
        self.focus_after_dialog(bucket)

    def focus_after_dialog(self, bucket: str) -> None:
        view = self.sections[bucket].view
        if view.isVisible():
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    def complete_selected(self) -> None:
        self._act(CompleteDialog)

    def decline_selected(self) -> None:
        self._act(DeclineDialog)

    def snooze_selected(self) -> None:
        self._act(SnoozeDialog)

    def mark_stale(self) -> None:
        """The record changed elsewhere (a case was saved): read again now if the panel is shown,
        else when it is shown next."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event):  # noqa: N802 (Qt name)
        super().showEvent(event)
        if self._counts is not None and not self._loading and (
                self._stale or (self._follows_today and self._as_of != QDate.currentDate())):
            self.refresh()
