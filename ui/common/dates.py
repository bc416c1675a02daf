"""Dates and times on screen: the core's UTC text parsed one way, shown in the local format; the
date field the dialogs share."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit

from barnahus_app.timeutil import age_on, parse_utc  # noqa: F401 - the one parser and age rule, re-exported for the ui


def local_datetime_text(utc_iso: str | None) -> str:
    """'2026-03-04T08:30:00.000000Z' -> '2026-03-04 09:30' in the computer's time zone."""
    if not utc_iso:
        return ""
    try:
        dt = parse_utc(utc_iso).astimezone()
    except ValueError:
        return utc_iso
    return dt.strftime("%Y-%m-%d %H:%M")


def date_format() -> str:
    """The locale's short date format, always with a four-digit year (a reminder may be
    decades old: "3/4/00" would not say which century)."""
    loc = QLocale()
    if loc.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    fmt = loc.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


# --- a date field --------------------------------------------------------------------------------
class DateField(QDateEdit):
    """A date in the local format with a calendar; with `empty_text`, it starts empty (shown as
    that text) and value() is None until a date is chosen."""

    def __init__(self, parent=None, *, empty_text: str | None = None, initial: date | None = None,
                 earliest: date | None = None, latest: date | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(date_format())
        self._empty = empty_text is not None
        if latest is not None:
            self.setMaximumDate(qdate(latest))
        if self._empty:
            # The day before the earliest date stands for "no date yet".
            first = earliest or date.today()
            self.setMinimumDate(qdate(first - timedelta(days=1)))
            self.setSpecialValueText(empty_text)
            self.setDate(self.minimumDate())
        else:
            if earliest is not None:
                self.setMinimumDate(qdate(earliest))
            self.setDate(qdate(initial or date.today()))
        em = self.fontMetrics().height()
        self.setMinimumWidth(em * 10)

    def value(self) -> str | None:
        if self._empty and self.date() == self.minimumDate():
            return None
        return pydate(self.date()).isoformat()

    def set_value(self, d: date) -> None:
        self.setDate(qdate(d))
