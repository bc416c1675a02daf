"""Dates and times on screen: the core's UTC text parsed one way and told one way (the core's
zone_time_text), in the centre's time zone; the date field the dialogs share; the time zone field."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtWidgets import QComboBox, QCompleter, QDateEdit

from barnahus_app.timeutil import centre_zone_default, known_zone_names, local_to_utc, zone_info, zone_time_text
from barnahus_app.timeutil import age_on, parse_utc  # noqa: F401 - the one parser and age rule, re-exported for the ui

_centre_zone: str | None = None   # the open record's setting, set at unlock and when it changes


def set_centre_zone(name: str | None) -> None:
    global _centre_zone
    _centre_zone = name


def centre_zone() -> str:
    """The centre's time zone (the record setting "time_zone"): every time on screen is told in it."""
    return _centre_zone or centre_zone_default()


def local_datetime_text(utc_iso: str | None, zone: str | None = None, *, style: str = "datetime",
                        named: bool = False) -> str:
    """'2026-03-04T08:30:00.000000Z' -> '2026-03-04 09:30' in the centre's zone (or `zone`, a
    booking's); named: '... (Europe/Stockholm)'. Text that is not a time is shown as it is."""
    if not utc_iso:
        return ""
    try:
        return zone_time_text(utc_iso, zone or centre_zone(), style, named)
    except ValueError:
        return utc_iso


def zone_qdatetime(utc_iso: str | None = None, zone: str | None = None) -> QDateTime:
    """A stored UTC time (default: now) as the wall clock in the centre's zone (or `zone`), for a
    date-and-time field."""
    when = parse_utc(utc_iso) if utc_iso else datetime.now(timezone.utc)
    dt = when.astimezone(zone_info(zone or centre_zone()))
    return QDateTime(QDate(dt.year, dt.month, dt.day), QTime(dt.hour, dt.minute, dt.second))


def utc_from_qdatetime(field: str, qdt: QDateTime, zone: str | None = None) -> datetime:
    """A date-and-time field's wall clock in the centre's zone (or `zone`) as an aware UTC time;
    ValidationError on `field` for a time that does not exist or happens twice there."""
    d, t = qdt.date(), qdt.time()
    return local_to_utc(field, datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second()),
                        zone or centre_zone())


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


# --- a time zone field ---------------------------------------------------------------------------
class ZoneCombo(QComboBox):
    """An IANA time zone name, searchable: typing part of it ("stockholm") offers the names that
    contain it. value() is the text as typed; the core says whether it is a zone."""

    def __init__(self, parent=None, *, initial: str | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(sorted(known_zone_names()))
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setMinimumWidth(self.fontMetrics().height() * 16)
        self.set_value(initial or centre_zone())

    def value(self) -> str:
        return self.currentText().strip()

    def set_value(self, name: str) -> None:
        i = self.findText(name)
        if i >= 0:
            self.setCurrentIndex(i)
        else:
            self.setEditText(name)


def date_text(iso: str | None) -> str:
    """A stored date (YYYY-MM-DD) in the local format with a four-digit year."""
    if not iso:
        return ""
    d = QDate.fromString(str(iso)[:10], "yyyy-MM-dd")
    return QLocale().toString(d, date_format()) if d.isValid() else str(iso)
