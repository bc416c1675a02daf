"""What the Meetings page's widgets share: the words for the core's fixed codes (a meeting's
status, why a case is on the agenda, attendance, how the child was heard), the agencies whose
updates a case gets with their status vocabularies, and the people a meeting can name."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from barnahus_app.errors import BarnahusError

from ui.common.dates import local_datetime_text

CONTEXT = "Meetings"

STATUS = {
    "planned": QT_TRANSLATE_NOOP("Meetings", "Planned"),
    "held": QT_TRANSLATE_NOOP("Meetings", "Held, minutes not approved"),
    "approved": QT_TRANSLATE_NOOP("Meetings", "Minutes approved"),
    "cancelled": lambda: QCoreApplication.translate("Meetings", "Cancelled", "a meeting's status"),
}
REASONS = {
    "new": QT_TRANSLATE_NOOP("Meetings", "New case"),
    "review_due": QT_TRANSLATE_NOOP("Meetings", "Review due"),
    "urgent": QT_TRANSLATE_NOOP("Meetings", "Urgent"),
    "added": QT_TRANSLATE_NOOP("Meetings", "Added"),
}
ATTENDANCE = {
    "expected": QT_TRANSLATE_NOOP("Meetings", "Expected"),
    "present": QT_TRANSLATE_NOOP("Meetings", "Present"),
    "absent": QT_TRANSLATE_NOOP("Meetings", "Absent"),
    "excused": QT_TRANSLATE_NOOP("Meetings", "Excused"),
}
CHILD_HEARD = {
    "directly": QT_TRANSLATE_NOOP("Meetings", "Heard directly"),
    "trusted_person": QT_TRANSLATE_NOOP("Meetings", "Heard through the trusted person"),
    "not_heard": QT_TRANSLATE_NOOP("Meetings", "Not heard"),
}
EXPLAINED_TO = {
    "child": QT_TRANSLATE_NOOP("Meetings", "The child"),
    "carer": QT_TRANSLATE_NOOP("Meetings", "The carer"),
    "both": QT_TRANSLATE_NOOP("Meetings", "The child and the carer"),
}
ACTION_STATUS = {
    "open": QT_TRANSLATE_NOOP("Meetings", "Open"),
    "done": QT_TRANSLATE_NOOP("Meetings", "Done"),
    "cancelled": lambda: QCoreApplication.translate("Meetings", "Cancelled", "an action's status"),
}
# The agencies that give a structured update on a case, and the vocabulary of their status.
AGENCIES = (
    ("police", QT_TRANSLATE_NOOP("Meetings", "Police: investigation"), "police_investigation_statuses"),
    ("prosecution", QT_TRANSLATE_NOOP("Meetings", "Prosecution: decision"), "prosecution_decision_stages"),
    ("social_services", QT_TRANSLATE_NOOP("Meetings", "Social services: protection and safety"),
     "protection_statuses"),
    ("health", QT_TRANSLATE_NOOP("Meetings", "Health: medical examination"), "medical_examination_statuses"),
    ("therapy", QT_TRANSLATE_NOOP("Meetings", "Therapy: engagement"), "therapy_engagement_statuses"),
)

# The drafts API's kind for the minute-taker's unsaved case (subject: the agenda item).
DRAFT_KIND = "meeting_item"
DRAFT_VERSION = 1


def _translated(text) -> str:
    """A table's entry: its text, or where one English word is two in another language (a
    cancelled meeting, a cancelled action) a call that translates it with its disambiguation."""
    return text() if callable(text) else QCoreApplication.translate(CONTEXT, text)


def word(table: dict, code: str | None) -> str:
    """The translated word for one of the core's fixed codes (the code itself if unknown)."""
    if code is None:
        return ""
    text = table.get(code)
    return _translated(text) if text else code


def choices(table: dict) -> list[tuple[str, str]]:
    return [(code, _translated(text)) for code, text in table.items()]


def when_text(m: dict) -> str:
    """'2026-05-06 10:00–11:00' in the meeting's own zone."""
    zone = m.get("time_zone")
    start = local_datetime_text(m.get("starts_at_utc"), zone)
    end = local_datetime_text(m.get("ends_at_utc"), zone)
    if start[:10] == end[:10]:
        end = end[11:]
    return f"{start}–{end}"


def place_text(m: dict) -> str:
    room = m.get("room_name") or ""
    if m.get("remote") and room:
        return QCoreApplication.translate("Meetings", "%1 and remote").replace("%1", room)
    if m.get("remote"):
        return QCoreApplication.translate("Meetings", "Remote")
    return room


def staff_choices(session) -> list[tuple[int, str]]:
    """Active users who do case work (not an administrator only), by name."""
    try:
        users = session.list_users()
    except BarnahusError:
        return []
    out = [(u["id"], u["display_name"]) for u in users
           if u.get("active") and set(u.get("roles") or []) - {"admin"}]
    return sorted(out, key=lambda c: c[1].casefold())


def contact_choices(session) -> list[tuple[int, str]]:
    """Outside agencies' contacts: 'Name (Agency)'."""
    try:
        agencies = session.list_agencies()
    except BarnahusError:
        return []
    out = []
    for a in agencies:
        for s in a.get("staff") or []:
            if s.get("active", True):
                out.append((s["id"], "%s (%s)" % (s.get("name") or "", a.get("name") or "")))
    return sorted(out, key=lambda c: c[1].casefold())
