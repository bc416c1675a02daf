"""The date, start and duration rows every booking dialog shares (a team meeting, a medical
examination): the wall-clock start in the booking's zone and its length in minutes."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QTimeEdit, QWidget

from ui.common.dates import DateField



class BookingTimeFields:
    """A FormDialog mixin: add_time_fields() makes self.date, self.start and self.duration;
    starts_at() is the start they say (wall clock in self.time_zone)."""

    def add_time_fields(self, name: str, start: datetime | None, minutes: int) -> None:
        em = self.fontMetrics().height()
        when = QWidget(self)
        wl = QHBoxLayout(when)
        wl.setContentsMargins(0, 0, 0, 0)
        self.date = DateField(when, initial=start.date() if start else date.today() + timedelta(days=1))
        self.date.setObjectName(f"{name}DateEdit")
        self.date.setAccessibleName(QCoreApplication.translate("BookingTimeFields", "Date"))
        self.start = QTimeEdit(when)
        self.start.setObjectName(f"{name}StartEdit")
        self.start.setDisplayFormat("HH:mm")
        self.start.setAccessibleName(QCoreApplication.translate("BookingTimeFields", "Start time"))
        self.start.setTime(QTime(start.hour, start.minute) if start else QTime(9, 0))
        self.start.setMinimumWidth(em * 5)
        start_label = QLabel(QCoreApplication.translate("BookingTimeFields", "&Start:"), when)
        start_label.setBuddy(self.start)
        wl.addWidget(self.date)
        wl.addSpacing(em // 2)
        wl.addWidget(start_label)
        wl.addWidget(self.start)
        wl.addStretch(1)
        when.setFocusProxy(self.date)
        self.add_field("when", QCoreApplication.translate("BookingTimeFields", "Dat&e:"), when,
                       QCoreApplication.translate("BookingTimeFields", "Local time in %1.").replace(
                           "%1", self.time_zone),
                       accessible=QCoreApplication.translate("BookingTimeFields", "Date and start"))

        self.duration = QSpinBox(self)
        self.duration.setObjectName(f"{name}DurationSpin")
        self.duration.setRange(5, 8 * 60)
        self.duration.setSingleStep(15)
        self.duration.setValue(minutes)
        self.duration.setSuffix(QCoreApplication.translate("BookingTimeFields", " minutes"))
        self.duration.setMaximumWidth(em * 9)
        self.add_field("duration", QCoreApplication.translate("BookingTimeFields", "D&uration:"), self.duration,
                       accessible=QCoreApplication.translate("BookingTimeFields", "Duration in minutes"))

    def starts_at(self) -> datetime:
        d, t = self.date.date(), self.start.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())   # wall clock in time_zone
