"""Rooms, interviews, participants, breaks and clash overrides (migration 0006)."""
from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from barnahus_app.tables import Base


class Room(Base):
    """A room or resource of the centre (interview, observation, medical ...), set up by the
    administrator. Rooms are retired (active = 0), never deleted: old bookings name them."""
    __tablename__ = "rooms"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[str] = mapped_column(String(40))


class Interview(Base):
    """A forensic interview of a child in a case (DOMAIN.md item 4). Times are UTC with the zone
    they were planned in, so overlaps are compared on one clock across daylight-saving changes.
    The interviewer's notes are read and written under the policy's "interview_notes" and kept
    sealed in that section (record/sections.py, section_values); the notes column holds only
    notes from before migration 0007, until the section's first holder's unlock seals them."""
    __tablename__ = "interviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    child_person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    interviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"))
    starts_at_utc: Mapped[str] = mapped_column(String(40))
    ends_at_utc: Mapped[str] = mapped_column(String(40))
    time_zone: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    protocol: Mapped[str | None] = mapped_column(String(64), nullable=True)
    language: Mapped[str | None] = mapped_column(String(16), nullable=True)
    interpreter_language: Mapped[str | None] = mapped_column(String(16), nullable=True)
    pre_constituted: Mapped[bool] = mapped_column(Boolean, default=False)
    justification: Mapped[str | None] = mapped_column(Text, nullable=True)
    child_participation: Mapped[str] = mapped_column(String(32))
    actual_start_utc: Mapped[str | None] = mapped_column(String(40), nullable=True)
    actual_end_utc: Mapped[str | None] = mapped_column(String(40), nullable=True)
    language_used: Mapped[str | None] = mapped_column(String(16), nullable=True)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    cancel_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint("status IN ('planned','held','not_held','cancelled')", name="ck_interview_status"),
        CheckConstraint("child_participation IN ('not_yet_asked','chose_to_take_part','chose_not_to')",
                        name="ck_interview_participation"),
        CheckConstraint("ends_at_utc > starts_at_utc", name="ck_interview_window"),
        Index("ix_interview_starts", "starts_at_utc", "ends_at_utc"),
        Index("ix_interview_room", "room_id", "starts_at_utc"),
        Index("ix_interview_interviewer", "interviewer_id", "starts_at_utc"),
        Index("ix_interview_child", "child_person_id", "starts_at_utc"),
        Index("ix_interview_case", "case_id"),
        # The calendar shows a held interview when it was held (migration 0008).
        Index("ix_interview_actual", "actual_start_utc", "actual_end_utc"),
    )


class InterviewParticipant(Base):
    """Who takes part besides the child and the interviewer: observers, interpreter, trusted
    person, special representative. One of user_id, person_id, staff_contact_id or name says who;
    present is recorded after the interview."""
    __tablename__ = "interview_participants"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id"))
    role: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), nullable=True)
    staff_contact_id: Mapped[int | None] = mapped_column(ForeignKey("staff_contacts.id"), nullable=True)
    name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    language: Mapped[str | None] = mapped_column(String(16), nullable=True)
    present: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    __table_args__ = (
        Index("ix_participant_interview", "interview_id"),
        Index("ix_participant_person", "person_id"),
        Index("ix_participant_user", "user_id"),
    )


class InterviewBreak(Base):
    __tablename__ = "interview_breaks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id"))
    started_at_utc: Mapped[str] = mapped_column(String(40))
    ended_at_utc: Mapped[str] = mapped_column(String(40))
    __table_args__ = (Index("ix_break_interview", "interview_id"),)


class ConflictOverride(Base):
    """A blocking warning someone overrode, with their written reason. Append-only (triggers)."""
    __tablename__ = "conflict_overrides"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id"))
    conflict: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    by_user: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at_utc: Mapped[str] = mapped_column(String(40))
    __table_args__ = (Index("ix_override_interview", "interview_id"),)
