"""Rooms, forensic interviews and the calendar (Session mixin).

An interview is planned for a child in a case, in a room, by a user with the interviewer role.
Before it is written, every conflict is computed in the same transaction (conflicts()): the room
or a staff member booked twice, the child and anyone under a no-contact flag in the building
within the buffer, a further interview where the jurisdiction says "testify once". A conflict
blocks until the planner overrides it with a written reason, which is kept (conflict_overrides)
and audited. A second or later interview of the child, across all their cases, needs a written
justification. Times are UTC with the zone they were planned in, so overlaps are compared on
one clock across daylight-saving changes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache

from sqlalchemy import and_, func, insert, or_, select, update

from barnahus_app import paths, policy, vocab
from barnahus_app.errors import ConflictsFound, NotFound, SectionLocked, ValidationError
from barnahus_app.fields import Code, Flag, Languages, Text, clean
from barnahus_app.cases.tables import Case, CaseChild
from barnahus_app.interviews.tables import (
    ConflictOverride, Interview, InterviewBreak, InterviewParticipant, Room,
)
from barnahus_app.medical.tables import MedicalExamination
from barnahus_app.meetings.tables import Meeting, MeetingAttendee
from barnahus_app.persons.tables import NoContact, Person, StaffContact
from barnahus_app.recordings.tables import Recording
from barnahus_app.users.tables import User, UserRole
from barnahus_app.timeutil import (
    age_on, check_date, local_to_utc, parse_utc, to_utc_iso, utc_now_iso, zone_info, zone_span_text, zone_time_text,
)
from barnahus_app.cases.actions import require_case
from barnahus_app.persons.actions import require_person
from barnahus_app.record.sections import rows_with_values
from barnahus_app.settings import setting_in
from barnahus_app.session_base import SessionBase

I = Interview.__table__
IP = InterviewParticipant.__table__
IB = InterviewBreak.__table__
CO = ConflictOverride.__table__
RM = Room.__table__
C = Case.__table__
CC = CaseChild.__table__
NC = NoContact.__table__
P = Person.__table__
U = User.__table__
M = Meeting.__table__
MA = MeetingAttendee.__table__
EX = MedicalExamination.__table__

NOTES_SECTION = "interview_notes"     # the sealed section (policy.SECTIONS) holding the notes
MAX_DURATION_MINUTES = 8 * 60          # no interview day is longer; bounds the overlap scan
MINE_AHEAD_DAYS = 14                   # my_interviews: the coming interviews of the next two weeks
MINE_NOTES_DAYS = 60                   # and the held ones of the last two months without notes
ACTIVE = ("planned", "held")           # bookings that occupy rooms and count as interviews
# What a held interview does to the case's status: a referred case is being worked on (open). An
# open case stays open; a closed one stays closed (closing and reopening are the case lead's call).
HELD_OPENS = {"referred": "open"}
PARTICIPATION = ("not_yet_asked", "chose_to_take_part", "chose_not_to")
ROOM_FIELDS = {"name": Text(100, required=True), "kind": Code("room_kinds", required=True)}
PLAN_FIELDS = {
    "protocol": Code("interview_protocols"),
    "language": Languages(single=True),
    "interpreter_language": Languages(single=True),
    "justification": Text(4000, multiline=True),
    "child_participation": Text(32),   # validated against PARTICIPATION (longest: 18)
}
OVERRIDE_REASON = Text(2000, required=True, multiline=True)


@dataclass(frozen=True)
class Conflict:
    """code: room | staff | child | no_contact | testify_once. key identifies this very conflict (an
    override given for one room clash does not cover another). message is for the planner."""
    code: str
    key: str
    message: str


@dataclass(frozen=True)
class PlanCheck:
    conflicts: tuple[Conflict, ...]
    warnings: tuple[str, ...]
    earlier_interviews: int            # of this child, across all their cases
    justification_required: bool
    pre_constituted: bool
    earlier_interviewers: tuple[int, ...] = field(default=())

    def unresolved(self, overrides: dict) -> list[Conflict]:
        return [c for c in self.conflicts if not (overrides or {}).get(c.key, "").strip()]


@dataclass(frozen=True)
class Booking:
    """One entry of the calendar. Carries the case reference, never the child's name. kind
    "interview", "meeting" (an MDT meeting: no case, so case_id and case_reference are None;
    room_id None and room_name "Remote" for a remote one; staff: the chair), or "examination" (a
    medical examination: its case, its room or room_id None and room_name "No room"; staff: the
    examiner; never its kind or any medical detail)."""
    kind: str
    id: int
    case_id: int | None
    case_reference: str | None
    room_id: int | None
    room_name: str
    starts_at_utc: str
    ends_at_utc: str
    status: str
    staff_id: int
    staff_name: str
    title: str


@dataclass(frozen=True)
class MyInterview:
    """One of a user's own interviews on Today (my_interviews). role: "interviewer" (they lead it)
    or "participant"; notes_missing: held, led by them, and no notes written yet."""
    id: int
    case_id: int
    case_reference: str
    room_name: str
    starts_at_utc: str
    ends_at_utc: str
    actual_start_utc: str | None
    actual_end_utc: str | None
    status: str
    role: str
    notes_missing: bool
    child_name: str | None = None   # only for users who may read persons


# --- jurisdiction rules ---------------------------------------------------------------------------
@lru_cache(maxsize=4)
def _rules_from(stamp: tuple) -> dict:
    rules = {}
    for path, _mtime in stamp:
        try:
            data = json.loads(open(path, encoding="utf-8").read())
            part = data["rules"]
            if not isinstance(part, dict):
                raise ValueError
        except (OSError, ValueError, KeyError, TypeError):
            from barnahus_app.errors import RecordFileError
            raise RecordFileError(f"The interview rules file {path} cannot be used.") from None
        rules.update(part)
    return rules


def interview_rules() -> dict:
    """Built-in rules, overridden per jurisdiction by the centre's own file in its data folder."""
    files = [paths.resources_dir() / "jurisdictions" / "interviews.json",
             paths.data_dir() / "jurisdictions" / "interviews.json"]
    stamp = tuple((str(f), f.stat().st_mtime_ns) for f in files if f.is_file())
    return _rules_from(stamp)


def _ics_time(utc_text: str, tz) -> datetime:
    """Local time with TZID, except the second occurrence of a repeated hour (clocks go back):
    RFC 5545 reads an ambiguous local time as the first occurrence, an hour early, so that one
    is given in UTC."""
    local = parse_utc(utc_text).astimezone(tz)
    return local.astimezone(timezone.utc) if local.fold else local


class InterviewActions(SessionBase):
    # --- rooms ---------------------------------------------------------------------------------
    def create_room(self, name: str, kind: str) -> int:
        self._authorize("room", "create")
        data = clean(ROOM_FIELDS, {"name": name, "kind": kind})
        with self.record.transaction() as conn:
            if conn.execute(select(RM.c.id).where(func.lower(RM.c.name) == data["name"].lower())).first():
                raise ValidationError("name", "A room with this name exists already.")
            rid = conn.execute(insert(RM).values(**data, active=True, created_at=utc_now_iso())).inserted_primary_key[0]
            self._audit(conn, "room.created", "room", rid)
        return rid

    def update_room(self, room_id: int, **values) -> None:
        """Rename, change kind, retire (active=False) or bring back into use. Rooms are never
        deleted: retired rooms keep their old bookings. A room with planned interviews that have
        not ended yet is not retired: they are moved to another room first."""
        self._authorize("room", "update")
        specs = dict(ROOM_FIELDS, active=Flag())
        data = clean(specs, values, partial=True)
        with self.record.transaction() as conn:
            if "name" in data and conn.execute(select(RM.c.id).where(
                    func.lower(RM.c.name) == data["name"].lower(), RM.c.id != room_id)).first():
                raise ValidationError("name", "A room with this name exists already.")
            if data.get("active") is False:
                ahead = conn.execute(select(func.count()).select_from(I).where(
                    I.c.room_id == room_id, I.c.status == "planned",
                    I.c.ends_at_utc > utc_now_iso())).scalar_one()
                if ahead:
                    raise ValidationError("active", (
                        "1 planned interview is" if ahead == 1 else f"{ahead} planned interviews are")
                        + " still booked in this room. Have them moved to another room first.")
            if conn.execute(update(RM).where(RM.c.id == room_id).values(**data)).rowcount == 0:
                raise NotFound(f"There is no room {room_id}.")
            self._audit(conn, "room.updated", "room", room_id, {"fields": sorted(data)})

    def list_rooms(self, include_retired: bool = False) -> list[dict]:
        self._authorize("room", "read")
        q = select(RM).order_by(RM.c.name)
        if not include_retired:
            q = q.where(RM.c.active.is_(True))
        with self.record.transaction() as conn:
            out = [dict(r._mapping) for r in conn.execute(q)]
            self._audit(conn, "room.list")
        return out

    def interviewers(self) -> list[dict]:
        """Active users with the interviewer role: the only ones who may lead an interview."""
        self._authorize("interview", "read")
        with self.record.transaction() as conn:
            out = [dict(r._mapping) for r in conn.execute(
                select(U.c.id, U.c.username, U.c.display_name).join(UserRole, UserRole.user_id == U.c.id)
                .where(U.c.active.is_(True), UserRole.role == policy.Role.INTERVIEWER.value)
                .order_by(U.c.display_name))]
            self._audit(conn, "interview.interviewers_listed")
        return out

    # --- planning ------------------------------------------------------------------------------
    def check_interview_plan(self, case_id: int, child_person_id: int, starts_at, duration_minutes: int,
                             room_id: int, interviewer_id: int, *, time_zone: str | None = None,
                             participants: list | None = None, interview_id: int | None = None) -> PlanCheck:
        """What plan_interview would say, without writing: for a planning form that shows
        conflicts as the planner types. Audited (it reads other bookings of the child)."""
        self._authorize("interview", "read")
        time_zone = time_zone or self.centre_zone()
        start, end = _window(starts_at, duration_minutes, time_zone)
        parts = _clean_participants(participants or [])
        with self.record.transaction() as conn:
            check = self._check(conn, case_id, child_person_id, start, end, room_id, interviewer_id,
                                parts, interview_id, time_zone)
            self._audit(conn, "interview.plan_checked", "case", case_id)
        return check

    def plan_interview(self, case_id: int, child_person_id: int, starts_at, duration_minutes: int,
                       room_id: int, interviewer_id: int, *, time_zone: str | None = None,
                       participants: list | None = None, protocol: str | None = None,
                       language: str | None = None, interpreter_language: str | None = None,
                       justification: str | None = None, child_participation: str = "not_yet_asked",
                       overrides: dict | None = None) -> int:
        """Plan an interview. Raises ConflictsFound (nothing written) while any conflict has no
        written override reason in overrides {conflict.key: reason}; ValidationError on the
        field "justification" when this is the child's second or later interview without one.
        time_zone: the zone starts_at is a wall-clock time in, kept with the booking (default:
        the centre's)."""
        self._authorize("interview", "create")
        time_zone = time_zone or self.centre_zone()
        start, end = _window(starts_at, duration_minutes, time_zone)
        parts = _clean_participants(participants or [])
        data = clean(PLAN_FIELDS, dict(protocol=protocol, language=language,
                                       interpreter_language=interpreter_language,
                                       justification=justification, child_participation=child_participation))
        _check_participation(data["child_participation"])
        overrides = _clean_overrides(overrides)
        now = utc_now_iso()
        with self.record.transaction() as conn:
            check = self._check(conn, case_id, child_person_id, start, end, room_id, interviewer_id, parts, None,
                                time_zone)
            _enforce(check, data.get("justification"), overrides)
            iid = conn.execute(insert(I).values(
                case_id=case_id, child_person_id=child_person_id, interviewer_id=interviewer_id,
                room_id=room_id, starts_at_utc=to_utc_iso(start), ends_at_utc=to_utc_iso(end),
                time_zone=time_zone, status="planned", pre_constituted=check.pre_constituted,
                created_by=self.user_id, created_at=now, updated_at=now, **data)).inserted_primary_key[0]
            _write_participants(conn, iid, parts)
            self._write_overrides(conn, iid, check, overrides)
            self._audit(conn, "interview.planned", "case", case_id,
                        {"interview": iid, "number": check.earlier_interviews + 1,
                         "overridden": sorted(c.code for c in check.conflicts)})
        return iid

    def move_interview(self, interview_id: int, starts_at, duration_minutes: int | None = None,
                       room_id: int | None = None, interviewer_id: int | None = None,
                       overrides: dict | None = None) -> None:
        """Move a planned interview to another time, room or interviewer; conflicts as when planning."""
        self._authorize("interview", "update")
        overrides = _clean_overrides(overrides)
        with self.record.transaction() as conn:
            row = _planned(conn, interview_id)
            old_minutes = int((parse_utc(row.ends_at_utc) - parse_utc(row.starts_at_utc)).total_seconds() // 60)
            start, end = _window(starts_at, duration_minutes or old_minutes, row.time_zone)
            parts = [dict(r._mapping) for r in conn.execute(select(IP).where(IP.c.interview_id == interview_id))]
            room = room_id or row.room_id
            who = interviewer_id or row.interviewer_id
            check = self._check(conn, row.case_id, row.child_person_id, start, end, room, who, parts, interview_id,
                                row.time_zone)
            _enforce(check, row.justification, overrides)
            conn.execute(update(I).where(I.c.id == interview_id).values(
                starts_at_utc=to_utc_iso(start), ends_at_utc=to_utc_iso(end), room_id=room,
                interviewer_id=who, pre_constituted=check.pre_constituted, updated_at=utc_now_iso()))
            self._write_overrides(conn, interview_id, check, overrides)
            self._audit(conn, "interview.moved", "case", row.case_id,
                        {"interview": interview_id, "overridden": sorted(c.code for c in check.conflicts)})

    def cancel_interview(self, interview_id: int, reason: str) -> None:
        self._authorize("interview", "update")
        reason = Text(2000, required=True, multiline=True).clean("reason", reason)
        with self.record.transaction() as conn:
            row = _planned(conn, interview_id)
            conn.execute(update(I).where(I.c.id == interview_id).values(
                status="cancelled", cancel_reason=reason, updated_at=utc_now_iso()))
            self._audit(conn, "interview.cancelled", "case", row.case_id, {"interview": interview_id})

    def record_child_declined(self, interview_id: int, note: str | None = None) -> None:
        """The child chose not to take part: a right, not a duty. The interview is not held."""
        self._authorize("interview", "update")
        note = Text(2000, multiline=True).clean("note", note)
        with self.record.transaction() as conn:
            row = _planned(conn, interview_id)
            conn.execute(update(I).where(I.c.id == interview_id).values(
                status="not_held", child_participation="chose_not_to", cancel_reason=note,
                updated_at=utc_now_iso()))
            self._audit(conn, "interview.child_declined", "case", row.case_id, {"interview": interview_id})

    def record_interview(self, interview_id: int, *, actual_start, actual_end, breaks=(),
                         present: dict | None = None, language_used: str | None = None,
                         off_plan_reason: str | None = None) -> None:
        """The interview took place: actual start and end, breaks [(start, end)], who of the
        planned participants was present {participant id: bool}, the language used. The child
        chose to take part (recorded with it). Once only: a held interview is history.

        The start is neither before the referral was received nor in the future (nor the end);
        a start further than the record's held_time_tolerance_hours from the planned start needs
        off_plan_reason, kept like a planning override (conflict_overrides, "held_off_plan") and
        audited without its text. A referred case becomes open: the centre is working on it
        (see HELD_OPENS)."""
        self._authorize("interview", "update")
        reason = Text(2000, multiline=True).clean("off_plan_reason", off_plan_reason)
        with self.record.transaction() as conn:
            row = conn.execute(select(I).where(I.c.id == interview_id)).first()
            if row is None:
                raise NotFound(f"There is no interview {interview_id}.")
            if row.status == "held":
                raise ValidationError("status", "This interview is already recorded as held.")
            if row.status not in ACTIVE:
                raise ValidationError("status", "A cancelled interview, or one the child declined, "
                                                "cannot be recorded as held.")
            start = local_to_utc("actual_start", actual_start, row.time_zone)
            end = local_to_utc("actual_end", actual_end, row.time_zone)
            now = datetime.now(timezone.utc)
            if start > now:
                raise ValidationError("actual_start", "This start is in the future: record an interview as "
                                                      "held after it ended.")
            case = require_case(conn, row.case_id)
            if to_utc_iso(start) < case.referral_received_at:
                raise ValidationError("actual_start", "The interview cannot start before the referral was "
                                                      f"received ({zone_time_text(case.referral_received_at, row.time_zone)}).")
            if end <= start:
                raise ValidationError("actual_end", "must be after the start.")
            if end > now:
                raise ValidationError("actual_end", "This end is in the future: record an interview as held "
                                                    "after it ended.")
            if end - start > timedelta(minutes=MAX_DURATION_MINUTES):
                raise ValidationError("actual_end", f"An interview lasts at most {MAX_DURATION_MINUTES // 60} hours.")
            windows = []
            for i, pair in enumerate(breaks or ()):
                try:
                    b0, b1 = pair
                except (TypeError, ValueError):
                    raise ValidationError("breaks", "give each break as a start and an end.") from None
                b0 = local_to_utc("breaks", b0, row.time_zone)
                b1 = local_to_utc("breaks", b1, row.time_zone)
                if not start <= b0 < b1 <= end:
                    raise ValidationError("breaks", f"break {i + 1} must lie within the interview.")
                windows.append((b0, b1))
            lang = Languages(single=True).clean("language_used", language_used)
            ids = {r[0] for r in conn.execute(select(IP.c.id).where(IP.c.interview_id == interview_id))}
            for pid, was in (present or {}).items():
                if pid not in ids or not isinstance(was, bool):
                    raise ValidationError("present", "names someone who was not planned for this interview.")
            tolerance = setting_in(conn, "held_time_tolerance_hours")
            off_plan = abs(start - parse_utc(row.starts_at_utc)) > timedelta(hours=tolerance)
            if off_plan and not reason:
                raise ValidationError("off_plan_reason", f"This is more than {tolerance} hours from the planned "
                                                         f"start ({zone_time_text(row.starts_at_utc, row.time_zone)}): "
                                                         "write why.")
            conn.execute(update(I).where(I.c.id == interview_id).values(
                status="held", actual_start_utc=to_utc_iso(start), actual_end_utc=to_utc_iso(end),
                language_used=lang, child_participation="chose_to_take_part", updated_at=utc_now_iso()))
            if off_plan:
                conn.execute(insert(CO).values(interview_id=interview_id, conflict="held_off_plan",
                                               detail=f"held_off_plan:{interview_id}", reason=reason,
                                               by_user=self.user_id, at_utc=utc_now_iso()))
            conn.execute(IB.delete().where(IB.c.interview_id == interview_id))
            for b0, b1 in sorted(windows):
                conn.execute(insert(IB).values(interview_id=interview_id, started_at_utc=to_utc_iso(b0),
                                               ended_at_utc=to_utc_iso(b1)))
            for pid, was in (present or {}).items():
                conn.execute(update(IP).where(IP.c.id == pid).values(present=was))
            self._audit(conn, "interview.recorded", "case", row.case_id,
                        {"interview": interview_id, "off_plan": off_plan})
            self._interview_held(conn, row.case_id, row.child_person_id,
                                 start.astimezone(zone_info(row.time_zone)).date().isoformat())
            if case.status in HELD_OPENS:
                conn.execute(update(C).where(C.c.id == row.case_id).values(
                    status=HELD_OPENS[case.status], updated_at=utc_now_iso()))
                self._audit(conn, "case.updated", "case", row.case_id,
                            {"fields": ["status"], "status": HELD_OPENS[case.status], "because": "interview.recorded"})

    def set_interview_notes(self, interview_id: int, notes: str | None) -> None:
        self._authorize("interview_notes", "update")
        notes = Text(100_000, multiline=True).clean("notes", notes)
        with self.record.transaction() as conn:
            row = interview_row(conn, interview_id)
            # Sealed in the notes section (SectionLocked, nothing written, if this user lacks its key);
            # the plaintext column stays empty.
            self.sections.write(conn, NOTES_SECTION, "interviews", interview_id, "notes", notes)
            conn.execute(update(I).where(I.c.id == interview_id).values(notes=None, updated_at=utc_now_iso()))
            self._audit(conn, "interview.notes_written", "case", row.case_id, {"interview": interview_id})

    # --- reading -------------------------------------------------------------------------------
    def interview_count(self, child_person_id: int) -> int:
        """Interviews of this child (planned or held) across all their cases."""
        self._authorize("interview", "read")
        with self.record.transaction() as conn:
            n = count_interviews(conn, child_person_id, None)
            self._audit(conn, "interview.counted", "person", child_person_id)
        return n

    def get_interview(self, interview_id: int) -> dict:
        self._authorize("interview", "read")
        with self.record.transaction() as conn:
            out = interview_view(self, conn, interview_id)
            self._audit(conn, "interview.read", "case", out["case_id"], {"interview": interview_id})
        return out

    def case_interviews(self, case_id: int) -> list[dict]:
        """The case's interviews, oldest first (a held one by when it was held), each with its number among the child's
        interviews across all cases, its participants, breaks, overrides and recordings."""
        self._authorize("interview", "read")
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            ids = [r[0] for r in conn.execute(select(I.c.id).where(I.c.case_id == case_id).order_by(
                func.coalesce(I.c.actual_start_utc, I.c.starts_at_utc), I.c.id))]   # held: when it was
            out = [interview_view(self, conn, i) for i in ids]
            self._audit(conn, "interview.list", "case", case_id)
        return out

    def calendar(self, start: date, end: date, time_zone: str, *, interviewer_id: int | None = None,
                 room_id: int | None = None, include_examinations: bool = False) -> list[Booking]:
        """Bookings overlapping the local days start..end (inclusive), rooms side by side. Case
        references only: a calendar is seen on shared screens. interviewer_id: only the bookings
        this user leads or takes part in; room_id: only this room's. include_examinations: the
        medical examinations too (kind "examination"); off by default until the desktop
        calendar tells them from interviews (it would offer to move one as an interview)."""
        self._authorize("interview", "read")
        lo, hi = _day_range(start, end, time_zone)
        for name, value in (("interviewer_id", interviewer_id), ("room_id", room_id)):
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
                raise ValidationError(name, "is not a valid reference.")
        with self.record.transaction() as conn:
            out = _bookings(conn, lo, hi, interviewer_id=interviewer_id, room_id=room_id,
                            examinations=Flag().clean("include_examinations", include_examinations))
            detail = {"from": str(start), "to": str(end)}
            if interviewer_id is not None:
                detail["interviewer"] = interviewer_id
            if room_id is not None:
                detail["room"] = room_id
            self._audit(conn, "calendar.viewed", None, None, detail)
        return out

    def my_interviews(self, now: datetime | None = None, ahead_days: int = MINE_AHEAD_DAYS,
                      notes_days: int = MINE_NOTES_DAYS) -> dict:
        """This user's interviews for the Today view: {"coming": the planned interviews they lead
        or take part in that end after now and start within ahead_days, soonest first;
        "unwritten_notes": the interviews they led, held within the last notes_days, that have no
        notes yet, oldest first}. Each is a MyInterview (case reference, room, times; the child's
        name only for users who may read persons). Whether notes exist is read from where they are
        kept (sections.rows_with_values), never their content: the user need not hold the notes
        section's key."""
        self._authorize("interview", "read")
        now = datetime.now(timezone.utc) if now is None else now
        if not isinstance(now, datetime) or now.tzinfo is None:
            raise ValidationError("now", "must be a date and time with its zone.")
        for name, value in (("ahead_days", ahead_days), ("notes_days", notes_days)):
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 366:
                raise ValidationError(name, "must be a whole number from 0 to 366.")
        now_text = to_utc_iso(now)
        until = to_utc_iso(now + timedelta(days=ahead_days))
        since = to_utc_iso(now - timedelta(days=notes_days))
        names = self.can("person", "read")
        cols = (I.c.id, I.c.case_id, C.c.reference, RM.c.name, I.c.starts_at_utc, I.c.ends_at_utc,
                I.c.actual_start_utc, I.c.actual_end_utc, I.c.status, I.c.interviewer_id, I.c.child_person_id,
                I.c.notes)
        with self.record.transaction() as conn:
            taking_part = select(IP.c.interview_id).where(IP.c.user_id == self.user_id)
            coming = conn.execute(
                select(*cols).join(C, C.c.id == I.c.case_id).join(RM, RM.c.id == I.c.room_id)
                .where(I.c.status == "planned", I.c.starts_at_utc < until, I.c.ends_at_utc > now_text,
                       or_(I.c.interviewer_id == self.user_id, I.c.id.in_(taking_part)))
                .order_by(I.c.starts_at_utc, I.c.id)).all()
            held = conn.execute(
                select(*cols).join(C, C.c.id == I.c.case_id).join(RM, RM.c.id == I.c.room_id)
                .where(I.c.status == "held", I.c.interviewer_id == self.user_id,
                       func.coalesce(I.c.actual_end_utc, I.c.ends_at_utc) > since,
                       func.coalesce(I.c.actual_start_utc, I.c.starts_at_utc) <= now_text, I.c.notes.is_(None))
                .order_by(func.coalesce(I.c.actual_start_utc, I.c.starts_at_utc), I.c.id)).all()
            written = rows_with_values(conn, "interviews", "notes", [r.id for r in held])
            held = [r for r in held if r.id not in written]

            def item(r, waiting: bool) -> MyInterview:
                return MyInterview(
                    r.id, r.case_id, r.reference, r.name, r.starts_at_utc, r.ends_at_utc, r.actual_start_utc,
                    r.actual_end_utc, r.status, "interviewer" if r.interviewer_id == self.user_id else "participant",
                    waiting, person_name(conn, r.child_person_id) if names else None)

            out = {"coming": [item(r, False) for r in coming], "unwritten_notes": [item(r, True) for r in held]}
            self._audit(conn, "interview.mine_listed", None, None,
                        {"coming": len(out["coming"]), "unwritten_notes": len(out["unwritten_notes"])})
        return out

    def calendar_ics(self, start: date, end: date, time_zone: str, only_mine: bool = False) -> bytes:
        """The bookings as an iCalendar file for staff calendars: case reference and room only,
        CLASS:CONFIDENTIAL, with VTIMEZONE. No names, no addresses, no notes."""
        self._authorize("interview", "export")
        import icalendar
        lo, hi = _day_range(start, end, time_zone)
        tz = zone_info(time_zone)
        uid_base = self.record_info().get("record_id", "barnahus")
        with self.record.transaction() as conn:
            # Meetings: planned, held, or held and approved; never a case or a name in them.
            rows = [b for b in _bookings(conn, lo, hi) if b.status in ACTIVE or b.status == "approved"]
            if only_mine:
                mine = {r[0] for r in conn.execute(select(IP.c.interview_id).where(IP.c.user_id == self.user_id))}
                met = {b.id for b in _meeting_bookings(conn, lo, hi, user_id=self.user_id)}
                rows = [b for b in rows if (b.id in met if b.kind == "meeting" else
                                            b.staff_id == self.user_id or (b.kind == "interview" and b.id in mine))]
            self._audit(conn, "calendar.exported", None, None,
                        {"from": str(start), "to": str(end), "events": len(rows)})
        cal = icalendar.Calendar()
        cal.add("prodid", "-//Barnahus Case Record//calendar export//EN")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        stamp = datetime.now(timezone.utc)
        for b in rows:
            ev = icalendar.Event()
            ev.add("uid", f"{b.kind}-{b.id}@{uid_base}")
            ev.add("dtstamp", stamp)
            ev.add("dtstart", _ics_time(b.starts_at_utc, tz))
            ev.add("dtend", _ics_time(b.ends_at_utc, tz))
            ev.add("summary", b.title)
            ev.add("location", b.room_name)
            ev.add("class", "CONFIDENTIAL")
            ev.add("status", "CONFIRMED")
            cal.add_component(ev)
        cal.add_missing_timezones()
        return cal.to_ical()

    # --- internals -----------------------------------------------------------------------------

    def _check(self, conn, case_id, child_id, start, end, room_id, interviewer_id, parts, interview_id,
               zone: str) -> PlanCheck:
        case = require_case(conn, case_id)
        child = conn.execute(select(P.c.id, P.c.date_of_birth).join(CC, CC.c.person_id == P.c.id)
                             .where(CC.c.case_id == case_id, P.c.id == child_id)).first()
        if child is None:
            raise ValidationError("child_person_id", "Choose a child of this case.")
        room = conn.execute(select(RM).where(RM.c.id == room_id)).first()
        if room is None or not room.active:
            raise ValidationError("room_id", "Choose one of the centre's rooms in use.")
        if not conn.execute(select(U.c.id).join(UserRole, UserRole.user_id == U.c.id).where(
                U.c.id == interviewer_id, U.c.active.is_(True),
                UserRole.role == policy.Role.INTERVIEWER.value)).first():
            raise ValidationError("interviewer_id", "The interviewer must be an active user with the "
                                                    "forensic interviewer role.")
        for p in parts:
            if p["user_id"] and not conn.execute(select(U.c.id).where(U.c.id == p["user_id"], U.c.active.is_(True))).first():
                raise ValidationError("participants", "names a user who does not exist or is disabled.")
            if p["person_id"]:
                require_person(conn, p["person_id"])
            if p["staff_contact_id"] and not conn.execute(select(StaffContact.id).where(
                    StaffContact.id == p["staff_contact_id"])).first():
                raise ValidationError("participants", "names an agency contact who does not exist.")

        s, e = to_utc_iso(start), to_utc_iso(end)
        warnings = []
        # Room and staff: the same clock, no buffer; interviews and MDT meetings alike.
        staff = {interviewer_id} | {p["user_id"] for p in parts if p["user_id"]}
        conflicts = room_staff_conflicts(conn, s, e, room_id, staff, zone, interview_id=interview_id)
        # No-contact: everyone this booking brings into the building, against everyone another
        # booking brings, within the buffer.
        buffer = timedelta(minutes=setting_in(conn, "no_contact_buffer_minutes"))
        here = {child_id} | {p["person_id"] for p in parts if p["person_id"]}
        partners = _no_contact_partners(conn, here)
        for a, b in sorted(partners):
            if a in here and b in here and a < b:   # each pair once (partners holds both directions)
                conflicts.append(Conflict("no_contact", f"no_contact:{a}:{b}:same",
                                          f"{person_name(conn, a)} and {person_name(conn, b)} must "
                                          "never meet (no-contact flag), and both are planned for this interview."))
        # The child cannot be in two interviews at once, in any case.
        for _pid, iid, ref, st, en in persons_busy(conn, {child_id}, s, e, interview_id=interview_id):
            conflicts.append(Conflict("child", f"child:{child_id}:{iid}",
                                      f"The child is already booked {zone_span_text(st, en, zone)} "
                                      f"(case {ref})."))
        wanted = {b for _a, b in partners if b not in here}
        if wanted:
            lo, hi = to_utc_iso(start - buffer), to_utc_iso(end + buffer)
            for pid, iid, ref, st, en in persons_busy(conn, wanted, lo, hi, interview_id=interview_id):
                conflicts.append(Conflict(
                    "no_contact", f"no_contact:{pid}:{iid}",
                    f"{person_name(conn, pid)}, under a no-contact flag with someone in this interview, "
                    f"is in the building {zone_span_text(st, en, zone)} (case {ref}); "
                    f"keep {int(buffer.total_seconds() // 60)} minutes apart."))
        # As few interviews as possible.
        earlier = conn.execute(select(I.c.id, I.c.interviewer_id).where(
            I.c.child_person_id == child_id, I.c.status.in_(ACTIVE),
            I.c.id != (interview_id or 0)).order_by(I.c.starts_at_utc)).all()
        earlier_ids = tuple(dict.fromkeys(r.interviewer_id for r in earlier))
        if earlier and interview_id is None and interviewer_id not in earlier_ids:
            warnings.append("The child was interviewed before by someone else; the same interviewer is "
                            "preferred.")
        rule = interview_rules().get(case.jurisdiction) or {}
        local_day = start.astimezone(zone_info(zone)).date()
        age = age_on(date.fromisoformat(child.date_of_birth), local_day) if child.date_of_birth else None
        if age is None and (rule.get("testify_once_under_age") or rule.get("pre_constituted_under_age")):
            warnings.append(f"The child's date of birth is not known: the age rules of {case.jurisdiction} "
                            "cannot be applied.")
        once = rule.get("testify_once_under_age")
        if earlier and interview_id is None and once and age is not None and age < once:
            conflicts.append(Conflict("testify_once", f"testify_once:{child_id}",
                                      f"Under the rules of {case.jurisdiction}, a child under {once} testifies "
                                      "once; this child has been interviewed before."))
        pre = rule.get("pre_constituted_under_age")
        pre_constituted = bool(pre and age is not None and age < pre)
        if pre_constituted:
            roles_present = {p["role"] for p in parts}
            missing = [r for r in rule.get("pre_constituted_observers", []) if r not in roles_present]
            if missing:
                labels = ", ".join(vocab.vocabulary("interview_participant_roles").label(r) for r in missing)
                warnings.append(f"Pre-constituted evidence ({case.jurisdiction}, under {pre}): also plan {labels}.")
        return PlanCheck(tuple(conflicts), tuple(warnings), len(earlier),
                         bool(earlier) and interview_id is None, pre_constituted, earlier_ids)

    def _write_overrides(self, conn, iid: int, check: PlanCheck, overrides: dict) -> None:
        now = utc_now_iso()
        for c in check.conflicts:
            conn.execute(insert(CO).values(interview_id=iid, conflict=c.code, detail=c.key,
                                           reason=overrides[c.key], by_user=self.user_id, at_utc=now))

    def _participant_name(self, conn, p: dict) -> str:
        if p.get("user_id"):
            return conn.execute(select(U.c.display_name).where(U.c.id == p["user_id"])).scalar() or ""
        if p.get("person_id"):
            return person_name(conn, p["person_id"]) if self.can("person", "read") else ""
        if p.get("staff_contact_id"):
            return conn.execute(select(StaffContact.name).where(StaffContact.id == p["staff_contact_id"])).scalar() or ""
        return p.get("name") or ""


def _busy(conn, lead_col, participant_col, ids: set, lo, hi, exclude):
    """(id, interview, case reference, start, end) for each of ids in an interview overlapping
    lo..hi: as the interview's own person (interviewer / child) or as a participant."""
    cols = (I.c.id, C.c.reference, *_occupied())
    q1 = select(lead_col, *cols).join(C, C.c.id == I.c.case_id).where(
        _overlap(lo, hi, exclude), lead_col.in_(ids))
    q2 = select(participant_col, *cols).join(I, I.c.id == IP.c.interview_id).join(
        C, C.c.id == I.c.case_id).where(_overlap(lo, hi, exclude), participant_col.in_(ids))
    return sorted(set(conn.execute(q1).all()) | set(conn.execute(q2).all()))


def persons_busy(conn, persons: set, lo, hi, *, interview_id: int | None = None,
                 examination_id: int | None = None) -> list[tuple]:
    """(person, booking, case reference, start, end) for each of persons in the building in
    lo..hi: in an interview (booking: its id) or, as the child, at a medical examination
    (booking: "e<id>"), leaving out the booking being planned or moved. The child and no-contact
    rules of interviews and examinations both ask this."""
    out = _busy(conn, I.c.child_person_id, IP.c.person_id, persons, lo, hi, interview_id)
    out += sorted((pid, f"e{eid}", ref, st, en) for pid, eid, ref, st, en in conn.execute(
        select(EX.c.child_person_id, EX.c.id, C.c.reference, EX.c.starts_at_utc, EX.c.ends_at_utc)
        .join(C, C.c.id == EX.c.case_id)
        .where(_exam_overlap(lo, hi, examination_id), EX.c.child_person_id.in_(persons))))
    return out


def _exam_overlap(lo: str, hi: str, exclude):
    """Medical examinations occupying lo..hi (planned or held; a cancelled or declined one frees
    its room), range-scanned on ix_exam_starts."""
    earliest = to_utc_iso(parse_utc(lo) - timedelta(minutes=MAX_DURATION_MINUTES))
    return and_(EX.c.status.in_(ACTIVE), EX.c.starts_at_utc < hi, EX.c.starts_at_utc > earliest,
                EX.c.ends_at_utc > lo, EX.c.id != (exclude or 0))


def _meeting_overlap(lo: str, hi: str, exclude):
    """MDT meetings occupying lo..hi (planned, held or approved; a cancelled one frees its room),
    range-scanned on ix_meeting_starts as interviews are."""
    earliest = to_utc_iso(parse_utc(lo) - timedelta(minutes=MAX_DURATION_MINUTES))
    return and_(M.c.status != "cancelled", M.c.starts_at_utc < hi, M.c.starts_at_utc > earliest,
                M.c.ends_at_utc > lo, M.c.id != (exclude or 0))


def meeting_staff(conn, meeting_ids) -> dict[int, set[int]]:
    """{meeting: the users it occupies}: the chair, the minute-taker and the users expected at
    it or present (not those absent or excused)."""
    out: dict[int, set[int]] = {m: set() for m in meeting_ids}
    if not out:
        return out
    for mid, chair, taker in conn.execute(select(M.c.id, M.c.chair_id, M.c.minute_taker_id)
                                          .where(M.c.id.in_(list(out)))):
        out[mid] |= {chair} | ({taker} if taker else set())
    for mid, uid in conn.execute(select(MA.c.meeting_id, MA.c.user_id).where(
            MA.c.meeting_id.in_(list(out)), MA.c.user_id.isnot(None),
            MA.c.attendance.in_(("expected", "present")))):
        out[mid].add(uid)
    return out


def room_staff_conflicts(conn, lo: str, hi: str, room_id: int | None, staff: set, zone: str, *,
                         interview_id: int | None = None, meeting_id: int | None = None,
                         examination_id: int | None = None) -> list[Conflict]:
    """The conflict engine's room and staff part, shared by interviews, MDT meetings and medical
    examinations: the room (None: a remote meeting, no room) or any of the staff (user ids)
    booked in another interview, meeting or examination overlapping lo..hi (UTC), on one clock
    and with no buffer. The booking being moved is left out (interview_id / meeting_id /
    examination_id). Keys: room:<room>:<interview> and staff:<user>:<interview> as before
    meetings existed; room:<room>:m<meeting> and staff:<user>:m<meeting> for a meeting;
    room:<room>:e<examination> and staff:<user>:e<examination> for an examination (the
    examiner and the second examiner)."""
    out = []
    room_name = conn.execute(select(RM.c.name).where(RM.c.id == room_id)).scalar() if room_id else None
    staff = {u for u in staff if u}
    if room_id:
        for other in conn.execute(select(I.c.id, I.c.room_id, *_occupied(), C.c.reference)
                                  .join(C, C.c.id == I.c.case_id).where(_overlap(lo, hi, interview_id),
                                                                         I.c.room_id == room_id)):
            out.append(Conflict("room", f"room:{room_id}:{other.id}",
                                f"{room_name} is booked {_span(other, zone)} (case {other.reference})."))
    for uid, iid, ref, st, en in (_busy(conn, I.c.interviewer_id, IP.c.user_id, staff, lo, hi, interview_id)
                                  if staff else ()):
        name = conn.execute(select(U.c.display_name).where(U.c.id == uid)).scalar()
        out.append(Conflict("staff", f"staff:{uid}:{iid}",
                            f"{name} is booked {zone_span_text(st, en, zone)} (case {ref})."))
    meetings = conn.execute(select(M.c.id, M.c.room_id, M.c.starts_at_utc, M.c.ends_at_utc)
                            .where(_meeting_overlap(lo, hi, meeting_id)).order_by(M.c.starts_at_utc, M.c.id)).all()
    busy = meeting_staff(conn, [m.id for m in meetings]) if staff else {}
    for m in meetings:
        if room_id and m.room_id == room_id:
            out.append(Conflict("room", f"room:{room_id}:m{m.id}",
                                f"{room_name} is booked {_span(m, zone)} (MDT meeting)."))
        for uid in sorted(busy.get(m.id, set()) & staff):
            name = conn.execute(select(U.c.display_name).where(U.c.id == uid)).scalar()
            out.append(Conflict("staff", f"staff:{uid}:m{m.id}",
                                f"{name} is booked {_span(m, zone)} (MDT meeting)."))
    for x in conn.execute(select(EX.c.id, EX.c.room_id, EX.c.starts_at_utc, EX.c.ends_at_utc, EX.c.examiner_id,
                                 EX.c.second_examiner_id, C.c.reference).join(C, C.c.id == EX.c.case_id)
                          .where(_exam_overlap(lo, hi, examination_id)).order_by(EX.c.starts_at_utc, EX.c.id)):
        if room_id and x.room_id == room_id:
            out.append(Conflict("room", f"room:{room_id}:e{x.id}",
                                f"{room_name} is booked {_span(x, zone)} (medical examination, case {x.reference})."))
        for uid in sorted({x.examiner_id, x.second_examiner_id} & staff):
            name = conn.execute(select(U.c.display_name).where(U.c.id == uid)).scalar()
            out.append(Conflict("staff", f"staff:{uid}:e{x.id}",
                                f"{name} is booked {_span(x, zone)} (medical examination, case {x.reference})."))
    return out


def _bookings(conn, lo: str, hi: str, *, interviewer_id: int | None = None,
              room_id: int | None = None, examinations: bool = True) -> list[Booking]:
    """A held interview is where and when it was held (actual times), not where it was planned;
    the others at their planned times. Each kind is range-scanned on its own index."""
    title = "Forensic interview"
    earliest = to_utc_iso(parse_utc(lo) - timedelta(minutes=MAX_DURATION_MINUTES))
    rows = []
    for s, e, which in ((I.c.starts_at_utc, I.c.ends_at_utc, I.c.status.notin_(("cancelled", "held"))),
                        (I.c.actual_start_utc, I.c.actual_end_utc, I.c.status == "held")):
        q = (select(I.c.id, I.c.case_id, C.c.reference, I.c.room_id, RM.c.name, s, e, I.c.status,
                    I.c.interviewer_id, U.c.display_name)
             .join(C, C.c.id == I.c.case_id).join(RM, RM.c.id == I.c.room_id).join(U, U.c.id == I.c.interviewer_id)
             .where(s < hi, s > earliest, e > lo, which))
        if interviewer_id is not None:
            q = q.where(or_(I.c.interviewer_id == interviewer_id,
                            I.c.id.in_(select(IP.c.interview_id).where(IP.c.user_id == interviewer_id))))
        if room_id is not None:
            q = q.where(I.c.room_id == room_id)
        rows += conn.execute(q).all()
    out = [Booking("interview", r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                   f"{title} – case {r[2]}") for r in rows]
    out += _meeting_bookings(conn, lo, hi, user_id=interviewer_id, room_id=room_id)
    if examinations:
        out += _exam_bookings(conn, lo, hi, user_id=interviewer_id, room_id=room_id)
    out.sort(key=lambda b: (b.starts_at_utc, b.room_name, b.kind, b.id))
    return out


def _meeting_bookings(conn, lo: str, hi: str, *, user_id: int | None = None,
                      room_id: int | None = None) -> list[Booking]:
    """MDT meetings overlapping lo..hi as calendar entries: their kind, never a case. user_id:
    only those the user chairs, takes the minutes of or is expected at."""
    q = (select(M.c.id, M.c.room_id, RM.c.name, M.c.starts_at_utc, M.c.ends_at_utc, M.c.status, M.c.chair_id,
                U.c.display_name, M.c.kind)
         .outerjoin(RM, RM.c.id == M.c.room_id).join(U, U.c.id == M.c.chair_id)
         .where(_meeting_overlap(lo, hi, None)))
    if room_id is not None:
        q = q.where(M.c.room_id == room_id)
    rows = conn.execute(q).all()
    if user_id is not None:
        staff = meeting_staff(conn, [r.id for r in rows])
        rows = [r for r in rows if user_id in staff[r.id]]
    kinds = vocab.vocabulary("meeting_kinds")
    return [Booking("meeting", r.id, None, None, r.room_id, r.name or "Remote", r.starts_at_utc, r.ends_at_utc,
                    r.status, r.chair_id, r.display_name, f"MDT meeting – {kinds.label(r.kind)}") for r in rows]


def _exam_bookings(conn, lo: str, hi: str, *, user_id: int | None = None,
                   room_id: int | None = None) -> list[Booking]:
    """Medical examinations overlapping lo..hi as calendar entries: the case, the room and the
    examiner, no kind and no detail. user_id: only those the user examines (or is second
    examiner at)."""
    q = (select(EX.c.id, EX.c.case_id, C.c.reference, EX.c.room_id, RM.c.name, EX.c.starts_at_utc,
                EX.c.ends_at_utc, EX.c.status, EX.c.examiner_id, U.c.display_name)
         .join(C, C.c.id == EX.c.case_id).outerjoin(RM, RM.c.id == EX.c.room_id).join(U, U.c.id == EX.c.examiner_id)
         .where(_exam_overlap(lo, hi, None)))
    if room_id is not None:
        q = q.where(EX.c.room_id == room_id)
    if user_id is not None:
        q = q.where(or_(EX.c.examiner_id == user_id, EX.c.second_examiner_id == user_id))
    return [Booking("examination", r[0], r[1], r[2], r[3], r[4] or "No room", r[5], r[6], r[7], r[8], r[9],
                    f"Medical examination – case {r[2]}") for r in conn.execute(q)]


def _planned(conn, interview_id: int):
    row = interview_row(conn, interview_id)
    if row.status != "planned":
        raise ValidationError("status", f"This interview is {row.status.replace('_', ' ')}; only a planned "
                                        "interview can be moved, cancelled or declined.")
    return row


def _no_contact_partners(conn, persons: set) -> set[tuple[int, int]]:
    """(someone here, their no-contact partner) pairs."""
    out = set()
    for a, b in conn.execute(select(NC.c.person_a, NC.c.person_b).where(
            or_(NC.c.person_a.in_(persons), NC.c.person_b.in_(persons)))):
        if a in persons:
            out.add((a, b))
        if b in persons:
            out.add((b, a))
    return out


no_contact_partners = _no_contact_partners   # for the examinations' no-contact rule


def _overlap(lo: str, hi: str, exclude):
    """Bookings occupying lo..hi: a planned one at its planned times, a held one when it was held."""
    earliest = to_utc_iso(parse_utc(lo) - timedelta(minutes=MAX_DURATION_MINUTES))
    # The start bounds let SQLite range-scan ix_interview_starts and ix_interview_actual instead of
    # every booking.
    return and_(or_(and_(I.c.status == "planned", I.c.starts_at_utc < hi, I.c.starts_at_utc > earliest,
                         I.c.ends_at_utc > lo),
                    and_(I.c.status == "held", I.c.actual_start_utc < hi, I.c.actual_start_utc > earliest,
                         I.c.actual_end_utc > lo)),
                I.c.id != (exclude or 0))


def _occupied():
    """The start and end a booking occupies: when it was held, else when it is planned."""
    return (func.coalesce(I.c.actual_start_utc, I.c.starts_at_utc).label("starts_at_utc"),
            func.coalesce(I.c.actual_end_utc, I.c.ends_at_utc).label("ends_at_utc"))


def _span(row, zone: str) -> str:
    return zone_span_text(row.starts_at_utc, row.ends_at_utc, zone)


def _write_participants(conn, iid: int, parts: list[dict]) -> None:
    for p in parts:
        conn.execute(insert(IP).values(interview_id=iid, **p))


def _enforce(check: PlanCheck, justification, overrides: dict) -> None:
    if check.justification_required and not (justification or "").strip():
        raise ValidationError("justification", f"This would be interview number {check.earlier_interviews + 1} "
                                                "of this child: write why another interview is needed.")
    if check.unresolved(overrides):
        raise ConflictsFound(check)


def _clean_participants(items) -> list[dict]:
    out = []
    for i, raw in enumerate(items):
        if not isinstance(raw, dict):
            raise ValidationError("participants", f"participant {i + 1} is not a participant.")
        unknown = set(raw) - {"role", "user_id", "person_id", "staff_contact_id", "name", "language"}
        if unknown:
            raise ValidationError("participants", f"'{sorted(unknown)[0]}' is not a field of a participant.")
        p = {"role": vocab.check_code("interview_participant_roles", "participants", raw.get("role"), True),
             "name": Text(200).clean("participants", raw.get("name")),
             "language": Languages(single=True).clean("participants", raw.get("language"))}
        for ref in ("user_id", "person_id", "staff_contact_id"):
            v = raw.get(ref)
            if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 1):
                raise ValidationError("participants", f"participant {i + 1}: {ref} is not a valid reference.")
            p[ref] = v
        if sum(1 for k in ("user_id", "person_id", "staff_contact_id", "name") if p.get(k)) != 1:
            raise ValidationError("participants", f"participant {i + 1}: say who it is: a user, a person, "
                                                  "an agency contact or a name (one of them).")
        out.append(p)
    return out


def _clean_overrides(overrides) -> dict:
    out = {}
    for key, reason in (overrides or {}).items():
        out[str(key)] = OVERRIDE_REASON.clean("override_reason", reason)
    return out


def _check_participation(value) -> None:
    if value not in PARTICIPATION:
        raise ValidationError("child_participation", f"use one of {', '.join(PARTICIPATION)}.")


def _day_range(start: date, end: date, time_zone: str) -> tuple[str, str]:
    if not isinstance(start, date) or not isinstance(end, date) or end < start:
        raise ValidationError("end", "The calendar range must end on or after its start.")
    if (end - start).days > 366:
        raise ValidationError("end", "A calendar range covers at most a year.")
    check_date("start", start)
    check_date("end", end)
    tz = zone_info(time_zone)
    lo = datetime.combine(start, time(0), tz)
    hi = datetime.combine(end + timedelta(days=1), time(0), tz)
    return to_utc_iso(lo), to_utc_iso(hi)


def _window(starts_at, duration_minutes, time_zone: str) -> tuple[datetime, datetime]:
    zone_info(time_zone)
    start = local_to_utc("starts_at", starts_at, time_zone)
    if not isinstance(duration_minutes, int) or isinstance(duration_minutes, bool) or \
            not 5 <= duration_minutes <= MAX_DURATION_MINUTES:
        raise ValidationError("duration_minutes", f"must be 5 to {MAX_DURATION_MINUTES} minutes.")
    return start, start + timedelta(minutes=duration_minutes)


def interview_view(session: SessionBase, conn, interview_id: int, *, notes: bool = True) -> dict:
    """An interview as the front ends show it. notes=False: without the interviewer's notes, which
    are then not decrypted at all (a court summary never prints them)."""
    row = interview_row(conn, interview_id)
    out = dict(row._mapping)
    if not notes or not session.can("interview_notes", "read"):
        out.pop("notes")
    else:
        out.update(interview_notes(session, conn, row))
    out["case_reference"] = conn.execute(select(C.c.reference).where(C.c.id == row.case_id)).scalar()
    out["room_name"] = conn.execute(select(RM.c.name).where(RM.c.id == row.room_id)).scalar()
    out["interviewer_name"] = conn.execute(select(U.c.display_name).where(U.c.id == row.interviewer_id)).scalar()
    out["child_name"] = person_name(conn, row.child_person_id) if session.can("person", "read") else None
    # Its place among the child's interviews across all cases (cancelled ones do not count), a
    # held one by when it was held.
    when, mine = func.coalesce(I.c.actual_start_utc, I.c.starts_at_utc), row.actual_start_utc or row.starts_at_utc
    out["number"] = conn.execute(select(func.count()).select_from(I).where(
        I.c.child_person_id == row.child_person_id, I.c.status.in_(ACTIVE),
        or_(when < mine, and_(when == mine, I.c.id <= row.id)))).scalar() \
        if row.status in ACTIVE else None
    out["child_interviews_total"] = count_interviews(conn, row.child_person_id, None)
    parts = []
    for p in conn.execute(select(IP).where(IP.c.interview_id == interview_id).order_by(IP.c.id)):
        d = dict(p._mapping)
        d["display"] = session._participant_name(conn, d)
        parts.append(d)
    out["participants"] = parts
    out["breaks"] = [dict(r._mapping) for r in conn.execute(
        select(IB).where(IB.c.interview_id == interview_id).order_by(IB.c.started_at_utc))]
    out["overrides"] = [dict(r._mapping) for r in conn.execute(
        select(CO.c.conflict, CO.c.detail, CO.c.reason, CO.c.at_utc, CO.c.by_user,
               U.c.display_name.label("by_name"))
        .join(U, U.c.id == CO.c.by_user).where(CO.c.interview_id == interview_id).order_by(CO.c.id))]
    out["recordings"] = [r[0] for r in conn.execute(
        select(Recording.id).where(Recording.interview_id == interview_id).order_by(Recording.id))]
    return out


def interview_notes(session: SessionBase, conn, row) -> dict:
    """{"notes": the interviewer's notes} from the notes section, for a user the policy lets read
    them; a user whose key slot does not hold the section's key yet also gets "notes_locked" (the
    reason, to show), never an error for the whole interview. Notes from before the section
    existed (plaintext in the row until its first holder's unlock moves them) read as they are."""
    if not session.sections.holds(NOTES_SECTION):
        return {"notes": row.notes, "notes_locked": str(SectionLocked(NOTES_SECTION))}
    sealed = session.sections.read(conn, NOTES_SECTION, "interviews", row.id, "notes")
    return {"notes": sealed if sealed is not None else row.notes}


def person_name(conn, pid: int) -> str:
    r = conn.execute(select(P.c.given_name, P.c.family_name).where(P.c.id == pid)).first()
    return " ".join(x for x in (r.given_name, r.family_name) if x) if r else f"person {pid}"


def interview_row(conn, interview_id: int):
    row = conn.execute(select(I).where(I.c.id == interview_id)).first()
    if row is None:
        raise NotFound(f"There is no interview {interview_id}.")
    return row


def count_interviews(conn, child_id: int, exclude) -> int:
    return conn.execute(select(func.count()).select_from(I).where(
        I.c.child_person_id == child_id, I.c.status.in_(ACTIVE), I.c.id != (exclude or 0))).scalar()
