"""Referrals in and out of the centre and their history (migration 0009). What a referral shared
with the receiving agency is a row of the disclosure register (documents/tables.py Disclosure,
referral_id)."""
from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from barnahus_app.tables import Base

STATUSES = ("draft", "sent", "accepted", "rejected", "revoked", "engaged", "done", "lost_to_follow_up")


class Referral(Base):
    """A referral out (to a service: therapy elsewhere, child psychiatry, school support, legal
    aid, shelter, a medical specialist; vocabulary referral_services) or in (the one that opened
    the case, or a later one), for a child of a case. Status flow: draft -> sent -> accepted |
    rejected (reason) | revoked; accepted -> engaged -> done (outcome successful, or not
    successful with a reason of referral_outcome_reasons) | lost_to_follow_up. due_on: by when
    the next step is expected (overdue ones show in Today for the case lead)."""
    __tablename__ = "referrals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    child_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), nullable=True)
    direction: Mapped[str] = mapped_column(String(4))
    service: Mapped[str] = mapped_column(String(64))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), nullable=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("staff_contacts.id"), nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    risk_level: Mapped[str | None] = mapped_column(String(16), nullable=True)
    status: Mapped[str] = mapped_column(String(24))
    due_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    rejection_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(16), nullable=True)
    outcome_reason: Mapped[str | None] = mapped_column(String(64), nullable=True)
    outcome_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    from_action_id: Mapped[int | None] = mapped_column(ForeignKey("team_actions.id"), nullable=True)
    sent_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    closed_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint("direction IN ('in','out')", name="ck_referral_direction"),
        CheckConstraint("status IN ('draft','sent','accepted','rejected','revoked','engaged','done',"
                        "'lost_to_follow_up')", name="ck_referral_status"),
        CheckConstraint("risk_level IS NULL OR risk_level IN ('high','medium','low','no_action')",
                        name="ck_referral_risk"),
        CheckConstraint("outcome IS NULL OR outcome IN ('successful','not_successful')", name="ck_referral_outcome"),
        CheckConstraint("status != 'done' OR outcome IS NOT NULL", name="ck_referral_done_outcome"),
        CheckConstraint("outcome IS NOT 'not_successful' OR outcome_reason IS NOT NULL",
                        name="ck_referral_outcome_reason"),
        CheckConstraint("status != 'rejected' OR length(trim(coalesce(rejection_reason, ''))) > 0",
                        name="ck_referral_rejection_reason"),
        Index("ix_referral_case", "case_id"),
        Index("ix_referral_status_due", "status", "due_on"),
    )


class ReferralEvent(Base):
    """Each step of a referral (its history of follow-up dates): from one status to another, on a
    date, by whom, with an optional note. Append-only (triggers)."""
    __tablename__ = "referral_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"))
    from_status: Mapped[str | None] = mapped_column(String(24), nullable=True)
    to_status: Mapped[str] = mapped_column(String(24))
    on_date: Mapped[str] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    by_user: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at_utc: Mapped[str] = mapped_column(String(40))
    __table_args__ = (Index("ix_referral_event", "referral_id", "id"),)
