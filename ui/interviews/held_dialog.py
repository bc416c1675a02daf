"""Recording that an interview was held: actual times, who was present, breaks."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTimeEdit, QVBoxLayout, QWidget,
)

from barnahus_app.timeutil import zone_info

from ui.common.dates import DateField, parse_utc
from ui.common.vocab_widgets import term_label
from ui.interviews.shared import ActionDialog, text_box


class _BreakRow(QWidget):
    removeRequested = Signal(object)

    def __init__(self, n: int, start: QTime, parent=None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.start = QTimeEdit(start, self)
        self.start.setDisplayFormat("HH:mm")
        self.end = QTimeEdit(start.addSecs(15 * 60), self)
        self.end.setDisplayFormat("HH:mm")
        self.remove = QPushButton(self.tr("Remo&ve"), self)
        self.remove.setAutoDefault(False)
        lay.addWidget(QLabel(self.tr("from"), self))
        lay.addWidget(self.start)
        lay.addWidget(QLabel(self.tr("to"), self))
        lay.addWidget(self.end)
        lay.addWidget(self.remove)
        lay.addStretch(1)
        self.start.setAccessibleName(self.tr("Break %1 from").replace("%1", str(n)))
        self.end.setAccessibleName(self.tr("Break %1 to").replace("%1", str(n)))
        self.remove.setAccessibleName(self.tr("Remove break %1").replace("%1", str(n)))
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self))


class RecordHeldDialog(ActionDialog):
    """The interview took place: actual start and end, breaks, who was present, language used."""

    def __init__(self, session, interview: dict, parent=None):
        self.interview = interview
        self.zone = interview["time_zone"]
        super().__init__(session, parent)

    def build(self) -> None:
        iv = self.interview
        self.setWindowTitle(self.tr("Record the interview as held"))
        self.ok_text = self.tr("&Record as held")
        self.intro.setText(self.tr("Times are local time in %1. Recording the interview as held also records "
                                   "that the child chose to take part.").replace("%1", self.zone))
        start = parse_utc(iv.get("actual_start_utc") or iv["starts_at_utc"]).astimezone(zone_info(self.zone))
        end = parse_utc(iv.get("actual_end_utc") or iv["ends_at_utc"]).astimezone(zone_info(self.zone))
        when = QWidget(self)
        wl = QHBoxLayout(when)
        wl.setContentsMargins(0, 0, 0, 0)
        self.day = DateField(when, initial=start.date())
        self.day.setAccessibleName(self.tr("Date"))
        self.started = QTimeEdit(QTime(start.hour, start.minute), when)
        self.started.setDisplayFormat("HH:mm")
        self.started.setAccessibleName(self.tr("Started at"))
        self.ended = QTimeEdit(QTime(end.hour, end.minute), when)
        self.ended.setDisplayFormat("HH:mm")
        self.ended.setAccessibleName(self.tr("Ended at"))
        l1 = QLabel(self.tr("&from"), when)
        l1.setBuddy(self.started)
        l2 = QLabel(self.tr("&to"), when)
        l2.setBuddy(self.ended)
        for w in (self.day, l1, self.started, l2, self.ended):
            wl.addWidget(w)
        wl.addStretch(1)
        when.setFocusProxy(self.day)
        self.add_field("actual_start", self.tr("&Held on:"), when, accessible=self.tr("Held on"))
        self.messages["actual_end"] = self.messages["actual_start"]
        self.names["actual_end"] = self.tr("End")

        self.break_rows: list[_BreakRow] = []
        breaks = QWidget(self)
        self.break_box = QVBoxLayout(breaks)
        self.break_box.setContentsMargins(0, 0, 0, 0)
        self.add_break_button = QPushButton(self.tr("Add a &break"), breaks)
        self.add_break_button.setAutoDefault(False)
        self.add_break_button.clicked.connect(lambda: self.add_break())
        self.break_box.addWidget(self.add_break_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.add_field("breaks", self.tr("Breaks:"), breaks, accessible=self.tr("Breaks"), top=True)
        for b in iv.get("breaks") or []:
            b0 = parse_utc(b["started_at_utc"]).astimezone(zone_info(self.zone))
            b1 = parse_utc(b["ended_at_utc"]).astimezone(zone_info(self.zone))
            row = self.add_break(QTime(b0.hour, b0.minute))
            row.end.setTime(QTime(b1.hour, b1.minute))

        self.present: dict[int, QCheckBox] = {}
        parts = iv.get("participants") or []
        if parts:
            box = QWidget(self)
            pl = QVBoxLayout(box)
            pl.setContentsMargins(0, 0, 0, 0)
            pl.setSpacing(2)
            for p in parts:
                who = p.get("display") or self.tr("not named")
                cb = QCheckBox("%s: %s" % (term_label("interview_participant_roles", p["role"]), who), box)
                cb.setChecked(p.get("present") is not False)
                pl.addWidget(cb)
                self.present[p["id"]] = cb
            box.setFocusProxy(next(iter(self.present.values())))
            self.add_field("present", self.tr("&Present:"), box, self.tr("Untick who did not come."),
                           accessible=self.tr("Who was present"), top=True)

        self.language = QLineEdit(iv.get("language_used") or iv.get("language") or "", self)
        self.language.setMaxLength(16)
        self.language.setPlaceholderText(self.tr("e.g. sv"))
        self.language.setMaximumWidth(self.fontMetrics().height() * 8)
        self.add_field("language_used", self.tr("&Language used:"), self.language,
                       self.tr("A language code such as sv, ar or uk."), accessible=self.tr("Language used"))
        self.messages["status"] = self.general

        # Asked for only when the core says the times lie too far from the plan (its tolerance is a
        # record setting); the reason is kept with the interview.
        self.reason = text_box(self)
        self.add_field("off_plan_reason", self.tr("&Why then:"), self.reason,
                       self.tr("Why the interview was held so far from its planned time."),
                       accessible=self.tr("Why it was held then"), top=True)
        self.set_row_visible("off_plan_reason", False)
        QWidget.setTabOrder(self.language, self.reason)

    def show_error(self, exc: BaseException) -> None:
        if getattr(exc, "field", None) == "off_plan_reason":
            self.set_row_visible("off_plan_reason", True)
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
        super().show_error(exc)

    def add_break(self, start: QTime | None = None) -> _BreakRow:
        row = _BreakRow(len(self.break_rows) + 1, start or self.started.time().addSecs(30 * 60), self)
        self.break_rows.append(row)
        self.break_box.insertWidget(self.break_box.count() - 1, row)
        row.removeRequested.connect(self._remove_break)
        prev = self.ended  # Tab: the end time, each break in order, then Add a break
        for r in self.break_rows:
            for w in (r.start, r.end, r.remove):
                QWidget.setTabOrder(prev, w)
                prev = w
        QWidget.setTabOrder(prev, self.add_break_button)
        row.start.setFocus(Qt.FocusReason.OtherFocusReason)
        return row

    def _remove_break(self, row: _BreakRow) -> None:
        self.break_rows.remove(row)
        self.break_box.removeWidget(row)
        row.deleteLater()
        self.add_break_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _at(self, t: QTime) -> datetime:
        d = self.day.date()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())  # wall clock in the zone

    def operation(self):
        s, interview_id = self.session, self.interview["id"]
        values = dict(
            actual_start=self._at(self.started.time()), actual_end=self._at(self.ended.time()),
            breaks=[(self._at(r.start.time()), self._at(r.end.time())) for r in self.break_rows],
            present={pid: cb.isChecked() for pid, cb in self.present.items()},
            language_used=self.language.text().strip() or None,
            off_plan_reason=self.reason.toPlainText().strip() or None)
        return lambda: s.record_interview(interview_id, **values)
