"""Record settings: typed, declared once, stored inside the record (record_meta, "setting.*").
Set by the administrator; readable by every user because they hold no case content."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from barnahus_app.errors import ValidationError
from barnahus_app.timeutil import centre_zone_default, known_zone_names


@dataclass(frozen=True)
class IntSetting:
    default: int
    minimum: int
    maximum: int
    label: str

    def parse(self, name: str, value) -> int:
        try:
            n = int(value)
        except (TypeError, ValueError):
            raise ValidationError(name, "must be a whole number.") from None
        if not self.minimum <= n <= self.maximum:
            raise ValidationError(name, f"must be between {self.minimum} and {self.maximum}.")
        return n


@dataclass(frozen=True)
class FolderSetting:
    """A folder's full path, or "" for none. Whether it exists is checked when it is used: a
    backup drive may be unplugged when the setting is made."""
    label: str
    default: str = ""

    def parse(self, name: str, value) -> str:
        text = "" if value is None else str(value).strip()
        if text and not Path(text).is_absolute():
            raise ValidationError(name, "must be a folder's full path, or empty for none.")
        if len(text) > 1000:
            raise ValidationError(name, "must be at most 1000 characters.")
        return text


@dataclass(frozen=True)
class ZoneSetting:
    """An IANA time zone name (Europe/Stockholm). Without one set, centre_zone_default()."""
    label: str

    @property
    def default(self) -> str:
        return centre_zone_default()

    def parse(self, name: str, value) -> str:
        text = "" if value is None else str(value).strip()
        if text not in known_zone_names():
            raise ValidationError(name, f"'{text[:40]}' is not a time zone name such as Europe/Stockholm.")
        return text


SETTINGS = {
    "idle_lock_minutes": IntSetting(10, 1, 240, "Lock after this many idle minutes"),
    "clipboard_clear_seconds": IntSetting(30, 5, 600, "Clear copied identifiers after seconds"),
    # The child and anyone under a no-contact flag must not be in the building within this many
    # minutes of each other (arrivals and departures take time).
    "no_contact_buffer_minutes": IntSetting(60, 0, 480, "Keep no-contact persons apart by minutes"),
    # An interview recorded as held further than this from its planned start needs a written reason.
    "held_time_tolerance_hours": IntSetting(24, 1, 24 * 14, "Ask why an interview was held hours from its plan"),
    # Closing the record backs it up if the newest backup is older than this (0: never).
    "backup_interval_hours": IntSetting(24, 0, 24 * 90, "Back up on closing if none in hours (0: off)"),
    # Pruned after each backup: all from these days, one a week for these weeks, one a month ever.
    "backup_keep_days": IntSetting(14, 1, 3650, "Keep every backup for days"),
    "backup_keep_weeks": IntSetting(13, 0, 520, "Keep one backup a week for weeks"),
    # Each backup is also copied here (e.g. a drive kept elsewhere); "" for none.
    "backup_second_folder": FolderSetting("Also copy each backup to this folder"),
    # Every time on screen, in documents and in exports is told in this zone (bookings planned
    # in another zone keep theirs); new bookings are planned in it. Asked by the first-run wizard.
    "time_zone": ZoneSetting("The centre's time zone"),
    # A case comes to the next MDT meeting when new, then is reviewed every this many days (a
    # case's own interval overrides it: set_review_interval).
    "review_interval_days": IntSetting(90, 7, 730, "Review each case at MDT meetings every days"),
    # A medical examination is acute when it is within this many hours of the last contact
    # (Adams 2018, adapted: 72).
    "medical_acute_hours": IntSetting(72, 1, 24 * 30, "Acute examination within hours of the last contact"),
    # Where the desktop app's save dialogs for exports (summaries, bundles, calendars, audit
    # seals) start; "" for the user's documents folder.
    "export_folder": FolderSetting("Start exports in this folder"),
}


def spec(name: str) -> IntSetting | FolderSetting | ZoneSetting:
    if name not in SETTINGS:
        raise ValidationError(name, "is not a setting.")
    return SETTINGS[name]


def setting_in(conn, name: str) -> int | str:
    """A setting's value inside the caller's transaction (its default if never set)."""
    from sqlalchemy import select

    from barnahus_app.tables import RecordMeta

    s = spec(name)
    raw = conn.execute(select(RecordMeta.value).where(RecordMeta.key == "setting." + name)).scalar()
    return s.default if raw is None else s.parse(name, raw)
