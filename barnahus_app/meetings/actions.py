"""MDT meetings and case review (Session mixin).

A meeting (planning, case review, urgent, clinical consultation: vocabulary meeting_kinds) is
booked like an interview: a time in a zone, a room or remote, a chair and a minute-taker, checked
by the interviews' conflict engine for rooms and staff (interviews.room_staff_conflicts: an
interview over a meeting's room or staff is a conflict too; the no-contact rule does not apply,
no child attends). Attendance is per discipline (mdt_disciplines): users of the record and
outside agency contacts, each contact's confidentiality undertaking recorded once.

The agenda is built from the cases due (cases_due): new cases (no review yet) and cases whose
next review (case_reviews.next_review_on: the last held meeting that discussed the case plus the
case's interval, or the record setting review_interval_days) falls on or before the meeting's
day, while the case is "active for review": not closed, or still with an open follow-up rule,
referral or team action. Per case the minute-taker records one update per agency, the child's
views (heard directly, through the trusted person, or not heard and why), the decisions and the
team's actions. An action owned by a user is followed by a follow-up reminder (kind action_item,
subject "team_action"), so it reaches Today; one owned by an outside contact shows as overdue to
the case lead (overdue_team_actions).

Holding the meeting moves the review dates of the cases discussed; approving the minutes locks
the meeting: every later write raises ValidationError, corrections are addenda.

Who reads what: coordinators and the liaison every item; the other case-working roles the items
of the cases they work on (works_on); the administrator nothing (the policy table).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import delete, func, insert, select, text, update

from barnahus_app import policy, vocab
from barnahus_app.cases.actions import require_case
from barnahus_app.cases.tables import Case, CaseChild
from barnahus_app.errors import ConflictsFound, NotFound, ValidationError
from barnahus_app.fields import Code, Date, Flag, Text, clean
from barnahus_app.followup.actions import (
    DISCIPLINES as FOLLOWUP_DISCIPLINES, R as RULES, clean_rule, insert_rule, recompute, reminder_event_in,
)
from barnahus_app.interviews.actions import (
    Conflict, MAX_DURATION_MINUTES, _day_range, room_staff_conflicts,
)
from barnahus_app.interviews.tables import Room
from barnahus_app.meetings.tables import (
    CaseReview, ContactUndertaking, Decision, ItemUpdate, Meeting, MeetingAttendee, MeetingItem,
    MeetingOverride, MinutesAddendum, TeamAction,
)
from barnahus_app.persons.tables import Agency, StaffContact
from barnahus_app.session_base import SessionBase
from barnahus_app.settings import setting_in
from barnahus_app.timeutil import local_to_utc, parse_utc, to_utc_iso, utc_now, utc_now_iso, zone_info
from barnahus_app.users.tables import User, UserRole

M = Meeting.__table__
MA = MeetingAttendee.__table__
MO = MeetingOverride.__table__
MI = MeetingItem.__table__
UPD = ItemUpdate.__table__
DEC = Decision.__table__
TA = TeamAction.__table__
ADD = MinutesAddendum.__table__
CR = CaseReview.__table__
UND = ContactUndertaking.__table__
C = Case.__table__
CC = CaseChild.__table__
RM = Room.__table__
U = User.__table__
SC = StaffContact.__table__
AG = Agency.__table__

# The agencies that give a structured update per case, and the vocabulary of each one's status.
AGENCY_STATUSES = {
    "police": "police_investigation_statuses",
    "prosecution": "prosecution_decision_stages",
    "social_services": "protection_statuses",
    "health": "medical_examination_statuses",
    "therapy": "therapy_engagement_statuses",
}
# A meeting that decides warns when one of these disciplines has nobody expected or present.
CORE_DISCIPLINES = ("police", "prosecution", "social_services", "health", "centre")
NON_DECIDING_KINDS = ("clinical_consultation",)   # advice, not decisions: no missing-discipline warning
ATTENDANCE = ("expected", "present", "absent", "excused")
ITEM_REASONS = ("new", "review_due", "urgent", "added")
CHILD_HEARD = ("directly", "trusted_person", "not_heard")
EXPLAINED_TO = ("child", "carer", "both")
ACTION_STATUSES = ("open", "done", "cancelled")
CLOSED_REFERRAL = ("done", "rejected", "revoked", "lost_to_follow_up")
EDITABLE = ("planned", "held")          # a meeting's content can change until it is approved
READ_ALL_ROLES = ("coordinator", "liaison")
MAX_AGENDA = 200

MEETING_FIELDS = {
    "kind": Code("meeting_kinds", required=True),
    "title": Text(200),
}
REASON = Text(2000, required=True, multiline=True)
CONTENT = Text(20_000, multiline=True)
DECISION = Text(4000, required=True, multiline=True)
ACTION_TEXT = Text(2000, required=True, multiline=True)
NOTE = Text(5000, multiline=True)
OVERRIDE_REASON = Text(2000, required=True, multiline=True)


@dataclass(frozen=True)
class MeetingCheck:
    """What set_attendees (and the planning calls) found: conflicts (room and staff, the
    interviews' Conflict), warnings for the chair (a core discipline missing, an outside
    attendee without an undertaking) and the missing core disciplines' codes."""
    conflicts: tuple[Conflict, ...] = ()
    warnings: tuple[str, ...] = ()
    missing_disciplines: tuple[str, ...] = field(default=())

    def unresolved(self, overrides: dict) -> list[Conflict]:
        return [c for c in self.conflicts if not (overrides or {}).get(c.key, "").strip()]


class MeetingActions(SessionBase):
    # --- planning ------------------------------------------------------------------------------
    def plan_meeting(self, kind: str, starts_at, duration_minutes: int, *, chair_id: int,
                     minute_taker_id: int | None = None, room_id: int | None = None, remote: bool = False,
                     title: str | None = None, time_zone: str | None = None,
                     overrides: dict | None = None) -> int:
        """Book a meeting in a room, or remote (room_id None and remote True; a room and remote
        together: some join from afar). Raises ConflictsFound (nothing written) while a room or
        staff conflict (the chair, the minute-taker) has no written reason in overrides
        {conflict.key: reason}; the reasons are required, their keys audited."""
        self._authorize("meeting", "create")
        data = clean(MEETING_FIELDS, {"kind": kind, "title": title})
        remote = Flag().clean("remote", remote)
        time_zone = time_zone or self.centre_zone()
        start, end = _window(starts_at, duration_minutes, time_zone)
        overrides = _clean_overrides(overrides)
        now = utc_now_iso()
        with self.record.transaction() as conn:
            _check_place(conn, room_id, remote)
            _check_chair(conn, chair_id)
            _check_user(conn, "minute_taker_id", minute_taker_id)
            s, e = to_utc_iso(start), to_utc_iso(end)
            conflicts = room_staff_conflicts(conn, s, e, room_id, {chair_id, minute_taker_id}, time_zone)
            _enforce(conflicts, overrides)
            mid = conn.execute(insert(M).values(
                **data, starts_at_utc=s, ends_at_utc=e, time_zone=time_zone, room_id=room_id, remote=remote,
                chair_id=chair_id, minute_taker_id=minute_taker_id, status="planned", created_by=self.user_id,
                created_at=now, updated_at=now)).inserted_primary_key[0]
            _keep_overrides(conn, mid, conflicts, overrides, self.user_id)
            self._audit(conn, "meeting.planned", "meeting", mid,
                        {"kind": data["kind"], "overridden": sorted(c.key for c in conflicts)})
        return mid

    def move_meeting(self, meeting_id: int, starts_at, duration_minutes: int | None = None,
                     room_id: int | None = None, remote: bool | None = None,
                     overrides: dict | None = None) -> None:
        """Another time (duration None keeps it), room (None keeps it) or place: remote=True
        without a room_id makes it remote only (the room is let go), remote=False in person.
        Conflicts as when planning, for everyone the meeting occupies."""
        self._authorize("meeting", "update")
        overrides = _clean_overrides(overrides)
        with self.record.transaction() as conn:
            row = _meeting(conn, meeting_id, ("planned",))
            minutes = duration_minutes or int(
                (parse_utc(row.ends_at_utc) - parse_utc(row.starts_at_utc)).total_seconds() // 60)
            start, end = _window(starts_at, minutes, row.time_zone)
            if room_id is not None:
                room = room_id
            else:
                room = None if remote is True else row.room_id
            remote = row.remote if remote is None else Flag().clean("remote", remote)
            _check_place(conn, room, remote)
            s, e = to_utc_iso(start), to_utc_iso(end)
            staff = _occupies(conn, meeting_id)
            conflicts = room_staff_conflicts(conn, s, e, room, staff, row.time_zone, meeting_id=meeting_id)
            _enforce(conflicts, overrides)
            _keep_overrides(conn, meeting_id, conflicts, overrides, self.user_id)
            conn.execute(update(M).where(M.c.id == meeting_id).values(
                starts_at_utc=s, ends_at_utc=e, room_id=room, remote=remote, updated_at=utc_now_iso()))
            self._audit(conn, "meeting.moved", "meeting", meeting_id,
                        {"overridden": sorted(c.key for c in conflicts)})

    def cancel_meeting(self, meeting_id: int, reason: str) -> None:
        self._authorize("meeting", "update")
        reason = REASON.clean("reason", reason)
        with self.record.transaction() as conn:
            _meeting(conn, meeting_id, ("planned",))
            conn.execute(update(M).where(M.c.id == meeting_id).values(
                status="cancelled", cancel_reason=reason, updated_at=utc_now_iso()))
            self._audit(conn, "meeting.cancelled", "meeting", meeting_id)

    def update_meeting(self, meeting_id: int, *, overrides: dict | None = None, **fields) -> None:
        """Change the title, kind, chair or minute-taker (until the minutes are approved). A new
        chair or minute-taker is checked for conflicts as when planning."""
        self._authorize("meeting", "update")
        unknown = set(fields) - {"title", "kind", "chair_id", "minute_taker_id"}
        if unknown:
            raise ValidationError(sorted(unknown)[0], "is not a field of a meeting that can be changed here.")
        data = clean(MEETING_FIELDS, {k: v for k, v in fields.items() if k in MEETING_FIELDS}, partial=True)
        overrides = _clean_overrides(overrides)
        with self.record.transaction() as conn:
            row = _meeting(conn, meeting_id, EDITABLE)
            new_staff = set()
            if "chair_id" in fields:
                _check_chair(conn, fields["chair_id"])
                data["chair_id"] = fields["chair_id"]
                new_staff.add(fields["chair_id"])
            if "minute_taker_id" in fields:
                _check_user(conn, "minute_taker_id", fields["minute_taker_id"])
                data["minute_taker_id"] = fields["minute_taker_id"]
                new_staff.add(fields["minute_taker_id"])
            new_staff -= _occupies(conn, meeting_id)
            conflicts = []
            if new_staff and row.status == "planned":
                conflicts = room_staff_conflicts(conn, row.starts_at_utc, row.ends_at_utc, None, new_staff,
                                                 row.time_zone, meeting_id=meeting_id)
                _enforce(conflicts, overrides)
                _keep_overrides(conn, meeting_id, conflicts, overrides, self.user_id)
            if data:
                conn.execute(update(M).where(M.c.id == meeting_id).values(**data, updated_at=utc_now_iso()))
            self._audit(conn, "meeting.updated", "meeting", meeting_id,
                        {"fields": sorted(fields), "overridden": sorted(c.key for c in conflicts)})

    # --- attendance ----------------------------------------------------------------------------
    def set_attendees(self, meeting_id: int, attendees: list[dict], *,
                      overrides: dict | None = None) -> MeetingCheck:
        """The meeting's attendance, as a whole list (it replaces the one before): each
        {"user_id" or "contact_id", "discipline", "attendance" (default expected), "remote"}.
        Users newly expected at a planned meeting are checked for conflicts (ConflictsFound until
        overridden). Returns the check: missing core disciplines, contacts without an undertaking."""
        self._authorize("meeting", "update")
        rows = _clean_attendees(attendees)
        overrides = _clean_overrides(overrides)
        with self.record.transaction() as conn:
            m = _meeting(conn, meeting_id, EDITABLE)
            for r in rows:
                if r["user_id"]:
                    _check_user(conn, "attendees", r["user_id"])
                elif not conn.execute(select(SC.c.id).where(SC.c.id == r["contact_id"])).first():
                    raise ValidationError("attendees", "names an agency contact who does not exist.")
            before = _occupies(conn, meeting_id)
            added = {r["user_id"] for r in rows if r["user_id"] and r["attendance"] in ("expected", "present")}
            added -= before
            conflicts = []
            if added and m.status == "planned":
                conflicts = room_staff_conflicts(conn, m.starts_at_utc, m.ends_at_utc, None, added, m.time_zone,
                                                 meeting_id=meeting_id)
                _enforce(conflicts, overrides)
                _keep_overrides(conn, meeting_id, conflicts, overrides, self.user_id)
            conn.execute(delete(MA).where(MA.c.meeting_id == meeting_id))
            for r in rows:
                conn.execute(insert(MA).values(meeting_id=meeting_id, **r))
            conn.execute(update(M).where(M.c.id == meeting_id).values(updated_at=utc_now_iso()))
            check = _meeting_check(conn, m, conflicts)
            self._audit(conn, "meeting.attendees_set", "meeting", meeting_id,
                        {"attendees": len(rows), "missing": list(check.missing_disciplines),
                         "overridden": sorted(c.key for c in conflicts)})
        return check

    def missing_disciplines(self, meeting_id: int) -> list[str]:
        """The core disciplines with nobody expected or present (none for a meeting that does not
        decide: a clinical consultation)."""
        self._authorize("meeting", "read")
        with self.record.transaction() as conn:
            m = _meeting(conn, meeting_id)
            out = _missing(conn, m)
            self._audit(conn, "meeting.disciplines_checked", "meeting", meeting_id, {"missing": out})
        return out

    def record_undertaking(self, contact_id: int, signed_on, note: str | None = None) -> None:
        """An outside contact's confidentiality undertaking: once per contact."""
        self._authorize("meeting", "update")
        on = Date(required=True, not_future=True).clean("signed_on", signed_on)
        note = NOTE.clean("note", note)
        with self.record.transaction() as conn:
            if not conn.execute(select(SC.c.id).where(SC.c.id == contact_id)).first():
                raise NotFound(f"There is no agency contact {contact_id}.")
            if conn.execute(select(UND.c.contact_id).where(UND.c.contact_id == contact_id)).first():
                raise ValidationError("contact_id", "This contact's confidentiality undertaking is recorded "
                                                    "already (once per contact).")
            conn.execute(insert(UND).values(contact_id=contact_id, signed_on=on, note=note,
                                            recorded_by=self.user_id, recorded_at=utc_now_iso()))
            self._audit(conn, "meeting.undertaking_recorded", "staff_contact", contact_id)

    def undertaking_of(self, contact_id: int) -> dict | None:
        """{"contact_id", "signed_on", "note", "recorded_by", "recorded_by_name", "recorded_at"}
        or None."""
        self._authorize("meeting", "read")
        with self.record.transaction() as conn:
            row = conn.execute(select(UND, U.c.display_name.label("recorded_by_name"))
                               .join(U, U.c.id == UND.c.recorded_by).where(UND.c.contact_id == contact_id)).first()
            self._audit(conn, "meeting.undertaking_read", "staff_contact", contact_id)
        return dict(row._mapping) if row else None

    # --- agenda --------------------------------------------------------------------------------
    def cases_due(self, meeting_id: int) -> list[dict]:
        """The agenda builder's proposal: [{"case_id", "case_reference", "reason" ("new" or
        "review_due"), "next_review_on", "status"}], new ones first (oldest referral first),
        then by review date. Cases already on this agenda are left out."""
        self._authorize("meeting", "read")
        with self.record.transaction() as conn:
            m = _meeting(conn, meeting_id)
            out = due_cases(conn, m)
            self._audit(conn, "meeting.cases_due_read", "meeting", meeting_id, {"cases": len(out)})
        return out

    def add_agenda_items(self, meeting_id: int, items: list) -> list[int]:
        """[(case_id, reason)] at the end of the agenda (reason: new, review_due, urgent, added).
        Returns the items' ids."""
        self._authorize("meeting", "update")
        if not isinstance(items, (list, tuple)) or not items or len(items) > MAX_AGENDA:
            raise ValidationError("items", f"give 1 to {MAX_AGENDA} cases, each (case id, reason).")
        pairs = []
        for raw in items:
            try:
                case_id, reason = raw
            except (TypeError, ValueError):
                raise ValidationError("items", "give each case as (case id, reason).") from None
            if reason not in ITEM_REASONS:
                raise ValidationError("reason", f"use one of {', '.join(ITEM_REASONS)}.")
            _check_id("case_id", case_id)
            pairs.append((case_id, reason))
        if len({c for c, _r in pairs}) != len(pairs):
            raise ValidationError("items", "names a case twice.")
        now = utc_now_iso()
        with self.record.transaction() as conn:
            _meeting(conn, meeting_id, EDITABLE)
            on = {r[0] for r in conn.execute(select(MI.c.case_id).where(MI.c.meeting_id == meeting_id))}
            last = conn.execute(select(func.max(MI.c.position)).where(MI.c.meeting_id == meeting_id)).scalar() or 0
            ids = []
            for case_id, reason in pairs:
                require_case(conn, case_id)
                if case_id in on:
                    raise ValidationError("items", "a case is on this agenda already.")
                last += 1
                ids.append(conn.execute(insert(MI).values(
                    meeting_id=meeting_id, case_id=case_id, reason=reason, position=last, discussed=False,
                    updated_at=now)).inserted_primary_key[0])
            for (case_id, reason), iid in zip(pairs, ids):
                self._audit(conn, "meeting.item_added", "case", case_id,
                            {"meeting": meeting_id, "item": iid, "reason": reason})
        return ids

    def remove_agenda_item(self, item_id: int) -> None:
        """Take a case off the agenda (with what was written about it), unless actions came of it."""
        self._authorize("meeting", "update")
        with self.record.transaction() as conn:
            item, _m = _item(conn, item_id, EDITABLE)
            if conn.execute(select(TA.c.id).where(TA.c.item_id == item_id).limit(1)).first():
                raise ValidationError("item", "Actions were agreed on this case at this meeting: it stays on "
                                              "the agenda (cancel the actions if they were a mistake).")
            conn.execute(delete(UPD).where(UPD.c.item_id == item_id))
            conn.execute(delete(DEC).where(DEC.c.item_id == item_id))
            conn.execute(delete(MI).where(MI.c.id == item_id))
            _renumber(conn, item.meeting_id, None, None)
            self._audit(conn, "meeting.item_removed", "case", item.case_id,
                        {"meeting": item.meeting_id, "item": item_id})

    def move_agenda_item(self, item_id: int, position: int) -> None:
        """Put an item at a place on the agenda (1 is first; beyond the end: last)."""
        self._authorize("meeting", "update")
        _check_id("position", position)
        with self.record.transaction() as conn:
            item, _m = _item(conn, item_id, EDITABLE)
            _renumber(conn, item.meeting_id, item_id, position)
            self._audit(conn, "meeting.item_moved", "case", item.case_id,
                        {"meeting": item.meeting_id, "item": item_id, "position": position})

    # --- minutes of one case -------------------------------------------------------------------
    def record_item(self, item_id: int, *, discussed: bool | None = None, child_heard: str | None = None,
                    child_views: str | None = None, child_not_heard_reason: str | None = None,
                    updates: dict | None = None, decisions: list | None = None) -> None:
        """The minute-taker's save of one case (None leaves a part as it is). updates: {agency:
        {"status": code of the agency's vocabulary, "note": text}} (both empty: that agency's
        update removed); decisions: the case's decisions at this meeting, the whole list. The
        child's views: child_heard directly or trusted_person with child_views, or not_heard with
        child_not_heard_reason (required). Writing anything marks the case discussed unless
        discussed says otherwise. Refused once the minutes are approved."""
        self._authorize("meeting", "update")
        values = {}
        if discussed is not None:
            values["discussed"] = Flag().clean("discussed", discussed)
        if child_heard is not None and child_heard not in CHILD_HEARD:
            raise ValidationError("child_heard", f"use one of {', '.join(CHILD_HEARD)}.")
        views = CONTENT.clean("child_views", child_views) if child_views is not None else None
        reason = CONTENT.clean("child_not_heard_reason", child_not_heard_reason) \
            if child_not_heard_reason is not None else None
        clean_updates = _clean_updates(updates) if updates is not None else None
        clean_decisions = _clean_decisions(decisions) if decisions is not None else None
        with self.record.transaction() as conn:
            item, _m = _item(conn, item_id, EDITABLE)
            heard = child_heard or item.child_heard
            if heard is None and (views or reason):
                raise ValidationError("child_heard", "Say how the child's views were heard (directly, through "
                                                     "the trusted person, or not heard) first.")
            if heard == "not_heard":
                if views:
                    raise ValidationError("child_views", "The child was not heard: write why instead "
                                                         "(child_not_heard_reason).")
                reason_after = reason if child_not_heard_reason is not None else item.child_not_heard_reason
                if not reason_after:
                    raise ValidationError("child_not_heard_reason", "The child was not heard: write why.")
                values.update(child_heard=heard, child_views=None, child_not_heard_reason=reason_after)
            elif heard is not None:
                if reason:
                    raise ValidationError("child_not_heard_reason", "The child was heard: write their views "
                                                                    "instead.")
                values.update(child_heard=heard, child_not_heard_reason=None)
                if child_views is not None:
                    values["child_views"] = views
            fields = sorted(k for k, v in (("discussed", discussed), ("child_heard", child_heard),
                                           ("child_views", child_views),
                                           ("child_not_heard_reason", child_not_heard_reason),
                                           ("updates", updates), ("decisions", decisions)) if v is not None)
            if discussed is None and set(fields) - {"discussed"}:
                values["discussed"] = True
            conn.execute(update(MI).where(MI.c.id == item_id).values(**values, updated_at=utc_now_iso()))
            for agency, u in (clean_updates or {}).items():
                conn.execute(delete(UPD).where(UPD.c.item_id == item_id, UPD.c.agency == agency))
                if u["status"] or u["note"]:
                    conn.execute(insert(UPD).values(item_id=item_id, agency=agency, **u))
            if clean_decisions is not None:
                conn.execute(delete(DEC).where(DEC.c.item_id == item_id))
                for pos, t in enumerate(clean_decisions, 1):
                    conn.execute(insert(DEC).values(item_id=item_id, text=t, position=pos))
            detail = {"meeting": item.meeting_id, "item": item_id, "fields": fields}
            if child_heard is not None:
                detail["child_heard"] = child_heard
            self._audit(conn, "meeting.item_recorded", "case", item.case_id, detail)

    def record_outcome_explained(self, item_id: int, on, to: str) -> None:
        """The meeting's outcome was explained to the child, the carer or both, on a date, by this
        user."""
        self._authorize("meeting", "update")
        on = Date(required=True, not_future=True).clean("on", on)
        if to not in EXPLAINED_TO:
            raise ValidationError("to", f"use one of {', '.join(EXPLAINED_TO)}.")
        with self.record.transaction() as conn:
            item, _m = _item(conn, item_id, EDITABLE)
            conn.execute(update(MI).where(MI.c.id == item_id).values(
                outcome_explained_on=on, outcome_explained_to=to, outcome_explained_by=self.user_id,
                updated_at=utc_now_iso()))
            self._audit(conn, "meeting.outcome_explained", "case", item.case_id,
                        {"meeting": item.meeting_id, "item": item_id, "to": to})

    # --- team actions --------------------------------------------------------------------------
    def add_team_action(self, case_id: int, text: str, due_on, *, owner_user_id: int | None = None,
                        owner_contact_id: int | None = None, item_id: int | None = None) -> int:
        """Who does what by when. Owned by a user: a follow-up reminder (action_item, subject
        team_action) of the owner's discipline for the case's first child follows it into Today.
        Owned by an outside contact: overdue to the case lead (overdue_team_actions)."""
        self._authorize("meeting", "update")
        body = ACTION_TEXT.clean("text", text)
        due = Date(required=True).clean("due_on", due_on)
        if (owner_user_id is None) == (owner_contact_id is None):
            raise ValidationError("owner", "Give the action one owner: a user or an agency contact.")
        now = utc_now_iso()
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            if item_id is not None:
                item, _m = _item(conn, item_id, EDITABLE)
                if item.case_id != case_id:
                    raise ValidationError("item_id", "is an agenda item of another case.")
            if owner_user_id is not None:
                _check_user(conn, "owner_user_id", owner_user_id)
                discipline = _owner_discipline(conn, owner_user_id)
                child = _first_child(conn, case_id)
            elif not conn.execute(select(SC.c.id).where(SC.c.id == owner_contact_id)).first():
                raise ValidationError("owner_contact_id", "names an agency contact who does not exist.")
            aid = conn.execute(insert(TA).values(
                case_id=case_id, item_id=item_id, text=body, owner_user_id=owner_user_id,
                owner_contact_id=owner_contact_id, due_on=due, status="open", created_by=self.user_id,
                created_at=now, updated_at=now)).inserted_primary_key[0]
            rid = None
            if owner_user_id is not None:
                rid = _action_rule(self, conn, aid, case_id, child, discipline, due, body)
            self._audit(conn, "meeting.action_added", "case", case_id,
                        {"action": aid, "item": item_id, "rule": rid,
                         "owner": "user" if owner_user_id is not None else "contact"})
        return aid

    def set_team_action_status(self, action_id: int, status: str, on=None, reason: str | None = None) -> None:
        """done (on: the day, default today), cancelled (reason required) or open again. The
        action's follow-up reminder is completed or declined with the reason; reopened, the
        action gets a new reminder."""
        self._authorize("meeting", "update")
        if status not in ACTION_STATUSES:
            raise ValidationError("status", f"use one of {', '.join(ACTION_STATUSES)}.")
        on_text = Date(not_future=True).clean("on", on) or utc_now().date().isoformat()
        reason = REASON.clean("reason", reason) if status == "cancelled" else None
        with self.record.transaction() as conn:
            row = conn.execute(select(TA).where(TA.c.id == action_id)).first()
            if row is None:
                raise NotFound(f"There is no team action {action_id}.")
            if row.status == status:
                raise ValidationError("status", f"This action is {status} already.")
            values = {"status": status, "updated_at": utc_now_iso(),
                      "done_on": on_text if status == "done" else None,
                      "cancel_reason": reason}
            conn.execute(update(TA).where(TA.c.id == action_id).values(**values))
            rule = conn.execute(select(RULES).where(RULES.c.id == row.followup_rule_id)).first() \
                if row.followup_rule_id else None
            if status in ("done", "cancelled") and rule is not None:
                pending = (recompute(conn, RULES.c.id == rule.id).get(rule.id) or ("", []))[1]
                if pending:
                    reminder_event_in(self, conn, rule, "completed" if status == "done" else "declined",
                                      pending[0][0], on_text if status == "done" else utc_now().date().isoformat(),
                                      None, reason)
            elif status == "open" and row.owner_user_id is not None:
                _action_rule(self, conn, action_id, row.case_id, _first_child(conn, row.case_id),
                             _owner_discipline(conn, row.owner_user_id), row.due_on, row.text)
            self._audit(conn, "meeting.action_status_set", "case", row.case_id,
                        {"action": action_id, "status": status})

    def overdue_team_actions(self, as_of) -> list[dict]:
        """For the case lead (the cases this user leads): open actions owned by an outside contact
        and due before as_of: [{"id", "case_id", "case_reference", "due_on", "owner" (the
        contact's name), "agency" (its agency's name)}], oldest due first."""
        self._authorize("meeting", "read")
        as_of = Date(required=True).clean("as_of", as_of)
        with self.record.transaction() as conn:
            rows = conn.execute(
                select(TA.c.id, TA.c.case_id, C.c.reference.label("case_reference"), TA.c.due_on,
                       SC.c.name.label("owner"), AG.c.name.label("agency"))
                .join(C, C.c.id == TA.c.case_id).join(SC, SC.c.id == TA.c.owner_contact_id)
                .join(AG, AG.c.id == SC.c.agency_id)
                .where(TA.c.status == "open", TA.c.due_on < as_of, TA.c.owner_contact_id.isnot(None),
                       C.c.case_lead_id == self.user_id)
                .order_by(TA.c.due_on, TA.c.id)).all()
            out = [dict(r._mapping) for r in rows]
            self._audit(conn, "meeting.overdue_actions_read", None, None, {"as_of": as_of, "actions": len(out)})
        return out

    # --- the meeting's course ------------------------------------------------------------------
    def hold_meeting(self, meeting_id: int) -> None:
        """The meeting took place (not before it started): the cases discussed were reviewed on
        its local day, their next review falls their interval later."""
        self._authorize("meeting", "update")
        with self.record.transaction() as conn:
            m = _meeting(conn, meeting_id, ("planned",))
            if parse_utc(m.starts_at_utc) > datetime.now(timezone.utc):
                raise ValidationError("status", "This meeting has not started yet: record it as held after it.")
            conn.execute(update(M).where(M.c.id == meeting_id).values(status="held", updated_at=utc_now_iso()))
            day = _local_day(m)
            cases = [r[0] for r in conn.execute(select(MI.c.case_id).where(
                MI.c.meeting_id == meeting_id, MI.c.discussed.is_(True)))]
            for case_id in cases:
                _reviewed(conn, case_id, day)
            self._audit(conn, "meeting.held", "meeting", meeting_id, {"reviewed": len(cases)})

    def approve_minutes(self, meeting_id: int) -> None:
        """Approve a held meeting's minutes: it is locked from now on (corrections are addenda)."""
        self._authorize("meeting", "approve")
        with self.record.transaction() as conn:
            _meeting(conn, meeting_id, ("held",))
            now = utc_now_iso()
            conn.execute(update(M).where(M.c.id == meeting_id).values(
                status="approved", approved_by=self.user_id, approved_at=now, updated_at=now))
            self._audit(conn, "meeting.approved", "meeting", meeting_id)

    def add_minutes_addendum(self, meeting_id: int, text: str) -> int:
        """A correction of approved minutes, appended (never an edit)."""
        self._authorize("meeting", "update")
        body = Text(20_000, required=True, multiline=True).clean("text", text)
        with self.record.transaction() as conn:
            m = _meeting(conn, meeting_id)
            if m.status != "approved":
                raise ValidationError("status", "Addenda correct approved minutes; until they are approved, "
                                                "change the minutes themselves.")
            aid = conn.execute(insert(ADD).values(meeting_id=meeting_id, text=body, by_user=self.user_id,
                                                  at_utc=utc_now_iso())).inserted_primary_key[0]
            self._audit(conn, "meeting.addendum_added", "meeting", meeting_id, {"addendum": aid})
        return aid

    def set_review_interval(self, case_id: int, days: int | None) -> None:
        """A case's own review interval (7 to 730 days), or None for the record's default
        (review_interval_days); its next review date follows."""
        self._authorize("meeting", "update")
        if days is not None and (isinstance(days, bool) or not isinstance(days, int) or not 7 <= days <= 730):
            raise ValidationError("days", "must be a whole number of days from 7 to 730, or empty for the default.")
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            row = conn.execute(select(CR).where(CR.c.case_id == case_id)).first()
            last = row.last_reviewed_on if row else None
            nxt = _next_review(conn, last, days)
            if row is None:
                conn.execute(insert(CR).values(case_id=case_id, interval_days=days, last_reviewed_on=None,
                                               next_review_on=nxt))
            else:
                conn.execute(update(CR).where(CR.c.case_id == case_id).values(interval_days=days, next_review_on=nxt))
            self._audit(conn, "meeting.review_interval_set", "case", case_id, {"days": days})

    # --- reading -------------------------------------------------------------------------------
    def meetings(self, start: date, end: date) -> list[dict]:
        """Meetings starting on the centre's local days start..end, soonest first: {"id", "kind",
        "title", "starts_at_utc", "ends_at_utc", "time_zone", "room_name", "remote", "chair_name",
        "status", "items"} (no case content)."""
        self._authorize("meeting", "read")
        lo, hi = _day_range(start, end, self.centre_zone())
        with self.record.transaction() as conn:
            out = meeting_rows(conn, lo, hi)
            self._audit(conn, "meeting.list", None, None, {"from": str(start), "to": str(end)})
        return out

    def meeting_view(self, meeting_id: int) -> dict:
        """The meeting as meeting_data gives it, with the items of cases this user does not work
        on left out for roles that read only those (counted in "hidden_items")."""
        self._authorize("meeting", "read")
        with self.record.transaction() as conn:
            out = meeting_data(conn, meeting_id)
            scope = self._item_scope(conn)
            if scope is not None:
                shown = [i for i in out["items"] if i["case_id"] in scope]
                out["hidden_items"] = len(out["items"]) - len(shown)
                out["items"] = shown
            else:
                out["hidden_items"] = 0
            self._audit(conn, "meeting.read", "meeting", meeting_id,
                        {"items": len(out["items"]), "hidden": out["hidden_items"]})
        return out

    def case_team(self, case_id: int) -> dict:
        """A case's team history: "meetings" [{id, date, kind, status}], "decisions" [{date,
        text}], "child_views" [{date, child_heard, views, reason}], "actions" [{id, text, owner_name,
        due_on, status, done_on, overdue, ...}], "review" {interval_days, default_interval_days,
        last_reviewed_on, next_review_on}. For a user who reads only the cases they work on and
        does not work on this one, only "review" (and "hidden": True)."""
        self._authorize("meeting", "read")
        with self.record.transaction() as conn:
            require_case(conn, case_id)
            scope = self._item_scope(conn)
            hidden = scope is not None and case_id not in scope
            out = _case_team(conn, case_id, hidden)
            self._audit(conn, "meeting.case_team_read", "case", case_id, {"hidden": hidden})
        return out

    def _item_scope(self, conn) -> set[int] | None:
        """None: this user reads every item; else the cases whose items they read."""
        if any(r in self.roles for r in READ_ALL_ROLES):
            return None
        return works_on(conn, self.user_id)


# --- plain functions (also for the documents helper: no session, no audit) ---------------------------

WORKS_ON_SQL = text("""
SELECT id FROM cases WHERE case_lead_id = :u
UNION SELECT case_id FROM interviews WHERE interviewer_id = :u
UNION SELECT i.case_id FROM interview_participants p JOIN interviews i ON i.id = p.interview_id
      WHERE p.user_id = :u
UNION SELECT case_id FROM team_actions WHERE owner_user_id = :u
UNION SELECT case_id FROM followup_rules WHERE case_id IS NOT NULL AND next_due IS NOT NULL
      AND discipline IN (SELECT role FROM user_roles WHERE user_id = :u)
""")


def works_on(conn, user_id: int) -> set[int]:
    """The cases a user works on (the read scope of the roles that read only those): they lead
    it, interview or take part in an interview of it, own a team action in it, or hold an open
    follow-up reminder of it in their discipline."""
    return {r[0] for r in conn.execute(WORKS_ON_SQL, {"u": user_id})}


def case_meeting_ids(case_id: int):
    """The meetings that had a case on their agenda (a subquery): their minutes speak of it."""
    return select(MI.c.meeting_id).where(MI.c.case_id == case_id)


def case_decisions(conn, case_id: int) -> list[dict]:
    """The team's decisions about a case, oldest first: [{"meeting_id", "on" (the meeting's local
    date, ISO), "kind", "text"}]; cancelled meetings' left out."""
    rows = conn.execute(
        select(M.c.id, M.c.starts_at_utc, M.c.time_zone, M.c.kind, DEC.c.text)
        .join(MI, MI.c.meeting_id == M.c.id).join(DEC, DEC.c.item_id == MI.c.id)
        .where(MI.c.case_id == case_id, M.c.status != "cancelled")
        .order_by(M.c.starts_at_utc, M.c.id, DEC.c.position)).all()
    return [{"meeting_id": r.id, "on": _local_day(r).isoformat(), "kind": r.kind, "text": r.text} for r in rows]


def meeting_data(conn, meeting_id: int) -> dict:
    """Everything about a meeting, unscoped: its row with "room_name", "chair_name",
    "minute_taker_name", "approved_by_name"; "attendees" [{user_id, contact_id, name, agency,
    discipline, attendance, remote, undertaking_on}]; "items" in agenda order [{id, case_id,
    case_reference, reason, position, discussed, child_heard, child_views, child_not_heard_reason,
    updates {agency: {status, note}}, decisions [text], actions [...], outcome_explained_on, _to,
    _by_name}]; "addenda" [{id, text, by_name, at_utc}]; "missing_disciplines"."""
    m = _meeting(conn, meeting_id)
    out = dict(m._mapping)
    names = _user_names(conn, {m.chair_id, m.minute_taker_id, m.approved_by})
    out["room_name"] = conn.execute(select(RM.c.name).where(RM.c.id == m.room_id)).scalar() if m.room_id else None
    out["chair_name"] = names.get(m.chair_id)
    out["minute_taker_name"] = names.get(m.minute_taker_id)
    out["approved_by_name"] = names.get(m.approved_by)
    out["local_date"] = _local_day(m).isoformat()
    attendees = []
    for a in conn.execute(
            select(MA, U.c.display_name, SC.c.name.label("contact_name"), AG.c.name.label("agency"),
                   UND.c.signed_on)
            .outerjoin(U, U.c.id == MA.c.user_id).outerjoin(SC, SC.c.id == MA.c.contact_id)
            .outerjoin(AG, AG.c.id == SC.c.agency_id).outerjoin(UND, UND.c.contact_id == MA.c.contact_id)
            .where(MA.c.meeting_id == meeting_id).order_by(MA.c.id)):
        attendees.append({"user_id": a.user_id, "contact_id": a.contact_id,
                          "name": a.display_name if a.user_id else a.contact_name,
                          "agency": a.agency if a.contact_id else None, "discipline": a.discipline,
                          "attendance": a.attendance, "remote": bool(a.remote), "undertaking_on": a.signed_on})
    out["attendees"] = attendees
    items = [dict(r._mapping) for r in conn.execute(
        select(MI, C.c.reference.label("case_reference")).join(C, C.c.id == MI.c.case_id)
        .where(MI.c.meeting_id == meeting_id).order_by(MI.c.position, MI.c.id))]
    ids = [i["id"] for i in items]
    updates, decisions, actions = {}, {}, {}
    if ids:
        for u in conn.execute(select(UPD).where(UPD.c.item_id.in_(ids))):
            updates.setdefault(u.item_id, {})[u.agency] = {"status": u.status, "note": u.note}
        for d in conn.execute(select(DEC).where(DEC.c.item_id.in_(ids)).order_by(DEC.c.position)):
            decisions.setdefault(d.item_id, []).append(d.text)
        for a in _actions(conn, TA.c.item_id.in_(ids)):
            actions.setdefault(a["item_id"], []).append(a)
    explained = _user_names(conn, {i["outcome_explained_by"] for i in items})
    for i in items:
        i["updates"] = updates.get(i["id"], {})
        i["decisions"] = decisions.get(i["id"], [])
        i["actions"] = actions.get(i["id"], [])
        i["outcome_explained_by_name"] = explained.get(i["outcome_explained_by"])
    out["items"] = items
    out["addenda"] = [dict(r._mapping) for r in conn.execute(
        select(ADD.c.id, ADD.c.text, ADD.c.at_utc, ADD.c.by_user, U.c.display_name.label("by_name"))
        .join(U, U.c.id == ADD.c.by_user).where(ADD.c.meeting_id == meeting_id).order_by(ADD.c.id))]
    out["missing_disciplines"] = _missing(conn, m)
    return out


def meeting_rows(conn, lo: str, hi: str) -> list[dict]:
    """The meetings starting in lo..hi (UTC) for a list: no case content."""
    chair = U.alias("chair")
    items = select(func.count()).where(MI.c.meeting_id == M.c.id).scalar_subquery()
    rows = conn.execute(
        select(M.c.id, M.c.kind, M.c.title, M.c.starts_at_utc, M.c.ends_at_utc, M.c.time_zone,
               RM.c.name.label("room_name"), M.c.remote, chair.c.display_name.label("chair_name"), M.c.status,
               items.label("items"))
        .outerjoin(RM, RM.c.id == M.c.room_id).join(chair, chair.c.id == M.c.chair_id)
        .where(M.c.starts_at_utc >= lo, M.c.starts_at_utc < hi).order_by(M.c.starts_at_utc, M.c.id)).all()
    return [dict(r._mapping, remote=bool(r.remote)) for r in rows]


def refresh_review_dates(conn) -> None:
    """The record's default review interval changed: the cases on it get their next review
    date again (in the caller's transaction)."""
    days = setting_in(conn, "review_interval_days")
    conn.execute(text("UPDATE case_reviews SET next_review_on = date(last_reviewed_on, :d) "
                      "WHERE interval_days IS NULL AND last_reviewed_on IS NOT NULL"), {"d": f"+{days} days"})


# The agenda builder's statements (due_cases): range scans of ix_case_status_received per status
# still worked on, and of the few open follow-up rules, referrals and team actions for the closed
# cases still "active for review". The follow-up rules are read through the covering
# ix_followup_next_due: left to itself, SQLCipher's planner walks ix_followup_case and reads every
# rule's row (473 ms instead of 80 ms at 100k cases).
_DUE_COLS = ("SELECT c.id, c.reference, c.status, c.referral_received_at, r.last_reviewed_on, r.next_review_on "
             "FROM cases c LEFT JOIN case_reviews r ON r.case_id = c.id ")
_DUE_OPEN_SQL = text(_DUE_COLS + "WHERE c.status = :st AND c.referral_received_at < :start "
                     "AND (r.last_reviewed_on IS NULL OR r.next_review_on <= :day)")
_DUE_CLOSED_SQL = text(_DUE_COLS + """WHERE c.id IN (
      SELECT case_id FROM followup_rules INDEXED BY ix_followup_next_due WHERE next_due IS NOT NULL
      UNION SELECT case_id FROM referrals WHERE status NOT IN
            ('done', 'rejected', 'revoked', 'lost_to_follow_up')
      UNION SELECT case_id FROM team_actions WHERE status = 'open')
    AND c.status = 'closed' AND c.referral_received_at < :start
    AND (r.last_reviewed_on IS NULL OR r.next_review_on <= :day)""")


def due_cases(conn, meeting) -> list[dict]:
    """cases_due's proposal for a meeting row (see MeetingActions.cases_due)."""
    day = _local_day(meeting).isoformat()
    start = meeting.starts_at_utc
    rows = []
    for st in vocab.vocabulary("case_statuses").codes():
        if st != "closed":
            rows += conn.execute(_DUE_OPEN_SQL, {"st": st, "start": start, "day": day}).all()
    rows += conn.execute(_DUE_CLOSED_SQL, {"start": start, "day": day}).all()
    on = {r[0] for r in conn.execute(select(MI.c.case_id).where(MI.c.meeting_id == meeting.id))}
    out = [{"case_id": r.id, "case_reference": r.reference,
            "reason": "new" if r.last_reviewed_on is None else "review_due",
            "next_review_on": r.next_review_on, "status": r.status, "_received": r.referral_received_at}
           for r in rows if r.id not in on]
    out.sort(key=lambda d: (d["reason"] != "new", d["next_review_on"] or "", d["_received"], d["case_id"]))
    for d in out:
        del d["_received"]
    return out


# --- internals ---------------------------------------------------------------------------------------

def _meeting(conn, meeting_id: int, statuses: tuple | None = None):
    row = conn.execute(select(M).where(M.c.id == meeting_id)).first() if _is_id(meeting_id) else None
    if row is None:
        raise NotFound(f"There is no meeting {meeting_id}.")
    if statuses is not None and row.status not in statuses:
        if row.status == "approved":
            raise ValidationError("status", "The minutes of this meeting are approved and locked: add an "
                                            "addendum to correct them.")
        raise ValidationError("status", f"This meeting is {row.status}; this can be done only to a "
                                        f"{' or '.join(statuses)} meeting.")
    return row


def _item(conn, item_id: int, statuses: tuple):
    item = conn.execute(select(MI).where(MI.c.id == item_id)).first() if _is_id(item_id) else None
    if item is None:
        raise NotFound(f"There is no agenda item {item_id}.")
    return item, _meeting(conn, item.meeting_id, statuses)


def _is_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**62


def _check_id(field_name: str, value) -> None:
    if not _is_id(value):
        raise ValidationError(field_name, "is not a valid reference.")


def _window(starts_at, duration_minutes, time_zone: str) -> tuple[datetime, datetime]:
    zone_info(time_zone)
    start = local_to_utc("starts_at", starts_at, time_zone)
    if not isinstance(duration_minutes, int) or isinstance(duration_minutes, bool) or \
            not 5 <= duration_minutes <= MAX_DURATION_MINUTES:
        raise ValidationError("duration_minutes", f"must be 5 to {MAX_DURATION_MINUTES} minutes.")
    return start, start + timedelta(minutes=duration_minutes)


def _local_day(row) -> date:
    return parse_utc(row.starts_at_utc).astimezone(zone_info(row.time_zone)).date()


def _check_place(conn, room_id, remote: bool) -> None:
    if room_id is None:
        if not remote:
            raise ValidationError("room_id", "Choose a room, or hold the meeting remote.")
        return
    _check_id("room_id", room_id)
    room = conn.execute(select(RM.c.active).where(RM.c.id == room_id)).first()
    if room is None or not room.active:
        raise ValidationError("room_id", "Choose one of the centre's rooms in use.")


def _check_user(conn, field_name: str, user_id) -> None:
    if user_id is None:
        return
    _check_id(field_name, user_id)
    if not conn.execute(select(U.c.id).where(U.c.id == user_id, U.c.active.is_(True))).first():
        raise ValidationError(field_name, "names a user who does not exist or is disabled.")


def _check_chair(conn, user_id) -> None:
    _check_id("chair_id", user_id)
    if not conn.execute(select(U.c.id).join(UserRole, UserRole.user_id == U.c.id).where(
            U.c.id == user_id, U.c.active.is_(True), UserRole.role == policy.Role.COORDINATOR.value)).first():
        raise ValidationError("chair_id", "The chair must be an active user with the coordinator role.")


def _occupies(conn, meeting_id: int) -> set[int]:
    m = conn.execute(select(M.c.chair_id, M.c.minute_taker_id).where(M.c.id == meeting_id)).first()
    users = {m.chair_id} | ({m.minute_taker_id} if m.minute_taker_id else set())
    return users | {r[0] for r in conn.execute(select(MA.c.user_id).where(
        MA.c.meeting_id == meeting_id, MA.c.user_id.isnot(None), MA.c.attendance.in_(("expected", "present"))))}


def _clean_overrides(overrides) -> dict:
    if overrides is not None and not isinstance(overrides, dict):
        raise ValidationError("overrides", "give the reasons as {conflict key: reason}.")
    return {str(k): OVERRIDE_REASON.clean("override_reason", v) for k, v in (overrides or {}).items()}


def _keep_overrides(conn, meeting_id: int, conflicts: list[Conflict], overrides: dict, user_id: int) -> None:
    """The reasons given for the conflicts overridden (their keys are audited, the reasons kept here)."""
    now = utc_now_iso()
    for c in conflicts:
        conn.execute(insert(MO).values(meeting_id=meeting_id, conflict=c.key, reason=overrides[c.key],
                                       by_user=user_id, at_utc=now))


def _enforce(conflicts: list[Conflict], overrides: dict) -> None:
    check = MeetingCheck(tuple(conflicts))
    if check.unresolved(overrides):
        raise ConflictsFound(check)


def _clean_attendees(items) -> list[dict]:
    if not isinstance(items, (list, tuple)) or len(items) > 200:
        raise ValidationError("attendees", "give the attendees as a list (at most 200).")
    out, seen = [], set()
    for i, raw in enumerate(items):
        if not isinstance(raw, dict):
            raise ValidationError("attendees", f"attendee {i + 1} is not an attendee.")
        unknown = set(raw) - {"user_id", "contact_id", "discipline", "attendance", "remote"}
        if unknown:
            raise ValidationError("attendees", f"'{sorted(unknown)[0]}' is not a field of an attendee.")
        uid, cid = raw.get("user_id"), raw.get("contact_id")
        if (uid is None) == (cid is None):
            raise ValidationError("attendees", f"attendee {i + 1}: give a user or an agency contact (one of them).")
        _check_id("attendees", uid if uid is not None else cid)
        key = ("u", uid) if uid is not None else ("c", cid)
        if key in seen:
            raise ValidationError("attendees", f"attendee {i + 1} is on the list twice.")
        seen.add(key)
        attendance = raw.get("attendance") or "expected"
        if attendance not in ATTENDANCE:
            raise ValidationError("attendance", f"use one of {', '.join(ATTENDANCE)}.")
        out.append({"user_id": uid, "contact_id": cid,
                    "discipline": vocab.check_code("mdt_disciplines", "discipline", raw.get("discipline"), True),
                    "attendance": attendance, "remote": Flag().clean("remote", raw.get("remote"))})
    return out


def _missing(conn, m) -> list[str]:
    if m.kind in NON_DECIDING_KINDS:
        return []
    there = {r[0] for r in conn.execute(select(MA.c.discipline).where(
        MA.c.meeting_id == m.id, MA.c.attendance.in_(("expected", "present"))))}
    return [d for d in CORE_DISCIPLINES if d not in there]


def _meeting_check(conn, m, conflicts) -> MeetingCheck:
    missing = _missing(conn, m)
    labels = vocab.vocabulary("mdt_disciplines")
    warnings = []
    if missing:
        warnings.append("Nobody is expected for: " + ", ".join(labels.label(d) for d in missing) + ".")
    for (name,) in conn.execute(select(SC.c.name).join(MA, MA.c.contact_id == SC.c.id)
                                .outerjoin(UND, UND.c.contact_id == SC.c.id)
                                .where(MA.c.meeting_id == m.id, UND.c.contact_id.is_(None)).order_by(MA.c.id)):
        warnings.append(f"{name} has no confidentiality undertaking recorded yet.")
    return MeetingCheck(tuple(conflicts), tuple(warnings), tuple(missing))


def _clean_updates(updates) -> dict:
    if not isinstance(updates, dict):
        raise ValidationError("updates", "give the updates as {agency: {status, note}}.")
    out = {}
    for agency, u in updates.items():
        if agency not in AGENCY_STATUSES:
            raise ValidationError("updates", f"'{str(agency)[:40]}' is not one of "
                                             f"{', '.join(AGENCY_STATUSES)}.")
        if not isinstance(u, dict) or set(u) - {"status", "note"}:
            raise ValidationError("updates", f"give the {agency} update as {{status, note}}.")
        out[agency] = {"status": vocab.check_code(AGENCY_STATUSES[agency], f"updates.{agency}.status",
                                                  u.get("status")),
                       "note": CONTENT.clean(f"updates.{agency}.note", u.get("note"))}
    return out


def _clean_decisions(decisions) -> list[str]:
    if not isinstance(decisions, (list, tuple)) or len(decisions) > 100:
        raise ValidationError("decisions", "give the decisions as a list of texts (at most 100).")
    return [DECISION.clean("decisions", d) for d in decisions]


def _renumber(conn, meeting_id: int, item_id: int | None, position: int | None) -> None:
    ids = [r[0] for r in conn.execute(select(MI.c.id).where(MI.c.meeting_id == meeting_id)
                                      .order_by(MI.c.position, MI.c.id))]
    if item_id is not None:
        ids.remove(item_id)
        ids.insert(min(position, len(ids) + 1) - 1, item_id)
    for pos, iid in enumerate(ids, 1):
        conn.execute(update(MI).where(MI.c.id == iid).values(position=pos))


def _owner_discipline(conn, user_id: int) -> str:
    """The follow-up discipline an action's owner acts in: their first role that is one."""
    roles = {r[0] for r in conn.execute(select(UserRole.role).where(UserRole.user_id == user_id))}
    d = next((d for d in FOLLOWUP_DISCIPLINES if d in roles), None)
    if d is None:
        raise ValidationError("owner_user_id", "This user works on no cases (no case-working role): give the "
                                               "action to someone who does.")
    return d


def _first_child(conn, case_id: int) -> int:
    pid = conn.execute(select(CC.c.person_id).where(CC.c.case_id == case_id)
                       .order_by((CC.c.role != "victim"), CC.c.person_id).limit(1)).scalar()
    if pid is None:
        raise ValidationError("case_id", "Add the child to the case first: a user's action is followed up "
                                         "for the child.")
    return pid


def _action_rule(session, conn, action_id: int, case_id: int, child: int, discipline: str, due: str,
                 body: str) -> int:
    """The follow-up reminder of a user's action (and the action pointing at it)."""
    values = clean_rule("action_item", {"due_on": due, "discipline": discipline, "subject_kind": "team_action",
                                        "subject_id": action_id, "note": body[:5000]}, new=True)
    rid = insert_rule(session, conn, child, case_id, "action_item", values)
    conn.execute(update(TA).where(TA.c.id == action_id).values(followup_rule_id=rid))
    return rid


def _next_review(conn, last: str | None, interval: int | None) -> str | None:
    if last is None:
        return None
    days = interval or setting_in(conn, "review_interval_days")
    return (date.fromisoformat(last) + timedelta(days=days)).isoformat()


def _reviewed(conn, case_id: int, day: date) -> None:
    row = conn.execute(select(CR).where(CR.c.case_id == case_id)).first()
    last = day.isoformat()
    if row is not None and row.last_reviewed_on and row.last_reviewed_on > last:
        last = row.last_reviewed_on       # a meeting held late does not undo a later review
    nxt = _next_review(conn, last, row.interval_days if row else None)
    if row is None:
        conn.execute(insert(CR).values(case_id=case_id, interval_days=None, last_reviewed_on=last,
                                       next_review_on=nxt))
    else:
        conn.execute(update(CR).where(CR.c.case_id == case_id).values(last_reviewed_on=last, next_review_on=nxt))


def _user_names(conn, ids) -> dict[int, str]:
    ids = [i for i in ids if i]
    if not ids:
        return {}
    return dict(conn.execute(select(U.c.id, U.c.display_name).where(U.c.id.in_(ids))).all())


def _actions(conn, where) -> list[dict]:
    today = utc_now().date().isoformat()
    rows = conn.execute(
        select(TA, U.c.display_name, SC.c.name.label("contact_name"), AG.c.name.label("agency"))
        .outerjoin(U, U.c.id == TA.c.owner_user_id).outerjoin(SC, SC.c.id == TA.c.owner_contact_id)
        .outerjoin(AG, AG.c.id == SC.c.agency_id).where(where).order_by(TA.c.due_on, TA.c.id)).all()
    out = []
    for r in rows:
        d = {k: getattr(r, k) for k in ("id", "case_id", "item_id", "text", "owner_user_id", "owner_contact_id",
                                        "due_on", "status", "done_on", "cancel_reason", "followup_rule_id")}
        d["owner_name"] = r.display_name if r.owner_user_id else r.contact_name
        d["agency"] = r.agency if r.owner_contact_id else None
        d["overdue"] = r.status == "open" and r.due_on < today
        out.append(d)
    return out


def _case_team(conn, case_id: int, hidden: bool) -> dict:
    row = conn.execute(select(CR).where(CR.c.case_id == case_id)).first()
    review = {"interval_days": row.interval_days if row else None,
              "default_interval_days": setting_in(conn, "review_interval_days"),
              "last_reviewed_on": row.last_reviewed_on if row else None,
              "next_review_on": row.next_review_on if row else None}
    if hidden:
        return {"meetings": [], "decisions": [], "child_views": [], "actions": [], "review": review, "hidden": True}
    items = conn.execute(
        select(MI.c.id, MI.c.child_heard, MI.c.child_views, MI.c.child_not_heard_reason, M.c.id.label("meeting_id"),
               M.c.starts_at_utc, M.c.time_zone, M.c.kind, M.c.status)
        .join(M, M.c.id == MI.c.meeting_id).where(MI.c.case_id == case_id)
        .order_by(M.c.starts_at_utc, M.c.id)).all()
    meetings = [{"id": r.meeting_id, "item_id": r.id, "date": _local_day(r).isoformat(), "kind": r.kind,
                 "status": r.status} for r in items]
    views = [{"date": _local_day(r).isoformat(), "meeting_id": r.meeting_id, "child_heard": r.child_heard,
              "views": r.child_views, "reason": r.child_not_heard_reason}
             for r in items if r.child_heard and r.status != "cancelled"]
    decisions = [{"date": d["on"], "meeting_id": d["meeting_id"], "kind": d["kind"], "text": d["text"]}
                 for d in case_decisions(conn, case_id)]
    return {"meetings": meetings, "decisions": decisions, "child_views": views,
            "actions": _actions(conn, TA.c.case_id == case_id), "review": review, "hidden": False}
