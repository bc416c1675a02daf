"""Times are stored as UTC ISO-8601 text with microseconds and a Z; dates as ISO dates."""
from __future__ import annotations

from datetime import date, datetime, timezone

from .errors import ValidationError


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def to_utc_iso(dt: datetime) -> str:
    if dt.tzinfo is None:
        raise ValueError("naive datetime: give a time zone")
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def utc_now_iso() -> str:
    return to_utc_iso(utc_now())


def parse_utc(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)


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
