"""MDT meetings, their attendance, agenda items, decisions, actions and minutes addenda, the case
review schedule, and outside contacts' confidentiality undertakings (migration 0009)."""
from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from barnahus_app.tables import Base


class Meeting(Base):
    """A team meeting: a planning meeting after a referral, a case review, an urgent meeting or a
    clinical consultation (vocabulary meeting_kinds). Times are UTC with the zone they were
    planned in, as interviews'. In a room, or remote (room_id NULL). Approving the minutes locks
    the meeting: later corrections are addenda (append-only)."""
    __tablename__ = "meetings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(String(200), nullable=True)
    starts_at_utc: Mapped[str] = mapped_column(String(40))
    ends_at_utc: Mapped[str] = mapped_column(String(40))
    time_zone: Mapped[str] = mapped_column(String(64))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"), nullable=True)
    remote: Mapped[bool] = mapped_column(Boolean, default=False)
    chair_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    minute_taker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    cancel_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    approved_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint("status IN ('planned','held','approved','cancelled')", name="ck_meeting_status"),
        CheckConstraint("ends_at_utc > starts_at_utc", name="ck_meeting_window"),
        CheckConstraint("room_id IS NOT NULL OR remote", name="ck_meeting_place"),
        Index("ix_meeting_starts", "starts_at_utc", "ends_at_utc"),
        Index("ix_meeting_room", "room_id", "starts_at_utc"),
    )


class MeetingAttendee(Base):
    """Who was asked to a meeting and whether they came: a user of the record or an outside agency
    contact (staff_contacts), with the discipline they speak for (vocabulary mdt_disciplines)."""
    __tablename__ = "meeting_attendees"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("staff_contacts.id"), nullable=True)
    discipline: Mapped[str] = mapped_column(String(64))
    attendance: Mapped[str] = mapped_column(String(16))
    remote: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (
        CheckConstraint("(user_id IS NULL) != (contact_id IS NULL)", name="ck_attendee_one"),
        CheckConstraint("attendance IN ('expected','present','absent','excused')", name="ck_attendance"),
        UniqueConstraint("meeting_id", "user_id", "contact_id", name="uq_meeting_attendee"),
        Index("ix_attendee_user", "user_id", "meeting_id"),
        Index("ix_attendee_contact", "contact_id", "meeting_id"),
    )


class ContactUndertaking(Base):
    """An outside contact's confidentiality undertaking, recorded once per agency contact."""
    __tablename__ = "contact_undertakings"
    contact_id: Mapped[int] = mapped_column(ForeignKey("staff_contacts.id"), primary_key=True)
    signed_on: Mapped[str] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[str] = mapped_column(String(40))


class MeetingItem(Base):
    """A case on a meeting's agenda: why it is there (new, review due, urgent, added), its place,
    the child's views (heard directly, through the trusted person, or not heard and why) and
    whether the outcome was explained to the child or carer, when and by whom."""
    __tablename__ = "meeting_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    reason: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)
    discussed: Mapped[bool] = mapped_column(Boolean, default=False)
    child_heard: Mapped[str | None] = mapped_column(String(32), nullable=True)
    child_views: Mapped[str | None] = mapped_column(Text, nullable=True)
    child_not_heard_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    outcome_explained_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    outcome_explained_to: Mapped[str | None] = mapped_column(String(16), nullable=True)
    outcome_explained_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    updated_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint("reason IN ('new','review_due','urgent','added')", name="ck_item_reason"),
        CheckConstraint("child_heard IS NULL OR child_heard IN ('directly','trusted_person','not_heard')",
                        name="ck_item_child_heard"),
        CheckConstraint("outcome_explained_to IS NULL OR outcome_explained_to IN ('child','carer','both')",
                        name="ck_item_explained_to"),
        UniqueConstraint("meeting_id", "case_id", name="uq_meeting_case"),
        Index("ix_item_case", "case_id", "meeting_id"),
    )


class ItemUpdate(Base):
    """One agency's structured update on a case at a meeting: a status code of that agency's
    vocabulary (police: investigation status; prosecution: decision stage; social services:
    protection and safety; health: examination; therapy: engagement) and a note."""
    __tablename__ = "meeting_item_updates"
    item_id: Mapped[int] = mapped_column(ForeignKey("meeting_items.id"), primary_key=True)
    agency: Mapped[str] = mapped_column(String(32), primary_key=True)
    status: Mapped[str | None] = mapped_column(String(64), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    __table_args__ = (
        CheckConstraint("agency IN ('police','prosecution','social_services','health','therapy')",
                        name="ck_item_update_agency"),
    )


class Decision(Base):
    """A decision the team took about a case at a meeting (what the court summary shows; the
    discussion stays in the minutes)."""
    __tablename__ = "meeting_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("meeting_items.id"))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    __table_args__ = (Index("ix_decision_item", "item_id", "position"),)


class TeamAction(Base):
    """Who does what by when, for a case: owned by a user (then followed by a follow-up reminder
    of kind action_item, subject_kind "team_action") or by an outside agency contact (tracked
    here, overdue to the case lead). Usually from a meeting's item; status open, done or
    cancelled (with a reason)."""
    __tablename__ = "team_actions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_items.id"), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    owner_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    owner_contact_id: Mapped[int | None] = mapped_column(ForeignKey("staff_contacts.id"), nullable=True)
    due_on: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(16))
    done_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    cancel_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    followup_rule_id: Mapped[int | None] = mapped_column(ForeignKey("followup_rules.id"), nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint("(owner_user_id IS NULL) != (owner_contact_id IS NULL)", name="ck_action_owner"),
        CheckConstraint("status IN ('open','done','cancelled')", name="ck_action_status"),
        CheckConstraint("status != 'done' OR done_on IS NOT NULL", name="ck_action_done_on"),
        CheckConstraint("status != 'cancelled' OR length(trim(coalesce(cancel_reason, ''))) > 0",
                        name="ck_action_cancel_reason"),
        Index("ix_action_case", "case_id", "status"),
        Index("ix_action_open_due", "status", "due_on"),
        Index("ix_action_item", "item_id"),
    )


class MeetingOverride(Base):
    """Why a meeting was booked despite a room or staff conflict (the conflict's key and the
    planner's reason), kept as interviews keep theirs (conflict_overrides). Append-only."""
    __tablename__ = "meeting_overrides"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    conflict: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    by_user: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at_utc: Mapped[str] = mapped_column(String(40))
    __table_args__ = (Index("ix_meeting_override", "meeting_id"),)


class MinutesAddendum(Base):
    """A correction of approved minutes: append-only (triggers), never an edit."""
    __tablename__ = "minutes_addenda"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    text: Mapped[str] = mapped_column(Text)
    by_user: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at_utc: Mapped[str] = mapped_column(String(40))
    __table_args__ = (Index("ix_addendum_meeting", "meeting_id", "id"),)


class CaseReview(Base):
    """A case's place in the review cycle: a new case comes to the next meeting, then every
    interval_days (NULL: the record setting review_interval_days). last_reviewed_on is the date of
    the last held meeting that discussed it; next_review_on is derived by the core from the two
    (NULL until its first review: it is then "new"). One range scan of ix_case_review_next finds
    the cases due for an agenda."""
    __tablename__ = "case_reviews"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    interval_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_reviewed_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    next_review_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    __table_args__ = (
        CheckConstraint("interval_days IS NULL OR interval_days BETWEEN 7 AND 730", name="ck_review_interval"),
        Index("ix_case_review_next", "next_review_on", "case_id"),
    )
