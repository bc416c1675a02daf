"""Times are stored as UTC ISO-8601 text with microseconds and a Z; dates as ISO dates."""
from __future__ import annotations

import calendar
import functools
from datetime import date, datetime, timezone

from barnahus_app.errors import ValidationError


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def to_utc_iso(dt: datetime) -> str:
    if dt.tzinfo is None:
        raise ValueError("naive datetime: give a time zone")
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def utc_now_iso() -> str:
    return to_utc_iso(utc_now())


def parse_utc(text: str) -> datetime:
    """The record's UTC text ("2026-03-04T08:30:00.000000Z") as an aware datetime in UTC: the one
    parser of the core and the ui. fromisoformat costs about a twentieth of strptime, which the
    calendar feels at a few hundred bookings a week. ValueError for text that is not ISO 8601."""
    dt = datetime.fromisoformat(text)
    return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt.astimezone(timezone.utc)


def check_datetime(field: str, value, required: bool = False) -> str | None:
    """Accept an aware datetime or ISO text with an offset; store UTC."""
    if value is None or value == "":
        if required:
            raise ValidationError(field, "is required.")
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ValidationError(field, "is not a date and time (use ISO 8601 with a time zone).") from None
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValidationError(field, "needs a time zone.")
    if not 1900 <= value.year <= 2200:
        raise ValidationError(field, "is outside the years 1900-2200.")
    return to_utc_iso(value)


def check_date(field: str, value, required: bool = False, not_future: bool = False) -> str | None:
    if value is None or value == "":
        if required:
            raise ValidationError(field, "is required.")
        return None
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise ValidationError(field, "is not a date (use YYYY-MM-DD).") from None
    if isinstance(value, datetime):
        value = value.date()
    if not 1900 <= value.year <= 2200:
        raise ValidationError(field, "is outside the years 1900-2200.")
    if not_future and value > utc_now().date():
        raise ValidationError(field, "is in the future.")
    return value.isoformat()


def zone_info(name: str):
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValidationError("time_zone", f"'{str(name)[:40]}' is not a time zone name such as "
                                           "Europe/Stockholm.") from None


@functools.cache
def known_zone_names() -> frozenset[str]:
    """The IANA zone names this machine's zoneinfo knows (Europe/Stockholm, ...)."""
    from zoneinfo import available_timezones
    return frozenset(available_timezones())


def system_zone_name() -> str:
    """The machine's IANA zone name (TZ, /etc/timezone, the /etc/localtime link), else UTC."""
    import os
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        with open("/etc/timezone", encoding="utf-8") as f:
            candidates.append(f.read().strip())
    except OSError:
        pass
    try:
        link = os.readlink("/etc/localtime")
        candidates.append(link.split("zoneinfo/", 1)[1] if "zoneinfo/" in link else "")
    except OSError:
        pass
    for name in candidates:
        if name:
            try:
                zone_info(name)
                return name
            except ValidationError:
                continue
    return "UTC"


def centre_zone_default() -> str:
    """The centre's zone for a record that has none set (records made before it was asked): this
    workstation's zone when it names a place, else Europe/Stockholm. A machine kept in UTC (a
    server image, a fresh install) is not where the children are interviewed."""
    name = system_zone_name()
    return name if "/" in name and not name.startswith("Etc/") else "Europe/Stockholm"


def zone_time_text(utc_text: str | None, zone_name: str, style: str = "datetime", named: bool = False) -> str:
    """The one way a stored UTC time is told, on screen, in documents and in exports: in a zone
    (the centre's, or the zone a booking was planned in). style: "datetime" 2026-03-02 13:00,
    "time" 13:00, "date" 2026-03-02, "iso" 2026-03-02T13:00:00+01:00 (for CSV files). named
    adds the zone: "13:00 (Europe/Stockholm)". ValueError for text that is not a time."""
    if not utc_text:
        return ""
    local = parse_utc(utc_text).astimezone(zone_info(zone_name))
    text = (local.isoformat(timespec="seconds") if style == "iso"
            else local.strftime({"datetime": "%Y-%m-%d %H:%M", "time": "%H:%M", "date": "%Y-%m-%d"}[style]))
    return f"{text} ({zone_name})" if named else text


def zone_span_text(start_utc: str | None, end_utc: str | None, zone_name: str, named: bool = True) -> str:
    """From-to in a zone: "2026-03-02 13:00–14:20 (Europe/Stockholm)"; the end's date only when
    it is another day."""
    if not start_utc:
        return ""
    a = zone_time_text(start_utc, zone_name)
    b = zone_time_text(end_utc, zone_name)
    text = f"{a}–{b[11:] if b[:10] == a[:10] else b}" if b else a
    return f"{text} ({zone_name})" if named else text


def local_to_utc(field: str, value, zone_name: str) -> datetime:
    """A wall-clock time at the centre as an aware UTC datetime. Aware values (or ISO text with an
    offset) are taken as they are. A naive time that does not exist (clocks go forward) or exists
    twice (clocks go back) is refused rather than guessed: a booking an hour off is a child
    meeting the wrong people."""
    tz = zone_info(zone_name)
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise ValidationError(field, "is not a date and time such as 2026-03-29 10:30.") from None
    if not isinstance(value, datetime):
        raise ValidationError(field, "is not a date and time.")
    if not 1900 <= value.year <= 2200:
        raise ValidationError(field, "is outside the years 1900-2200.")
    if value.tzinfo is not None:
        return value.astimezone(timezone.utc)
    first, second = value.replace(tzinfo=tz, fold=0), value.replace(tzinfo=tz, fold=1)
    if first.utcoffset() != second.utcoffset():
        back = first.astimezone(timezone.utc).astimezone(tz).replace(tzinfo=None)
        if back != value:
            raise ValidationError(field, f"{value:%Y-%m-%d %H:%M} does not exist in {zone_name}: the "
                                         "clocks go forward then. Choose another time.")
        raise ValidationError(field, f"{value:%Y-%m-%d %H:%M} happens twice in {zone_name}: the clocks "
                                     "go back then. Give the time with its UTC offset.")
    return first.astimezone(timezone.utc)


def birthday(dob: date, age: int) -> date:
    """The day a person born on dob turns `age`: 29 February falls on 1 March in common years."""
    y = dob.year + age
    if dob.month == 2 and dob.day == 29 and not calendar.isleap(y):
        return date(y, 3, 1)
    return date(y, dob.month, dob.day)


def age_on(dob: date, on: date) -> int:
    """Whole years of age on a day, by the same birthday rule (every age in the record is counted by it)."""
    years = on.year - dob.year
    return years if on >= birthday(dob, years) else years - 1
