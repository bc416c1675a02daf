"""Long-term follow-up and statutes of limitations (migration 0004)."""
from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from barnahus_app.tables import Base


class AllegedOffence(Base):
    """An alleged offence in a case, for its statute of limitations: a category of the
    offence_categories vocabulary, the date of the act (or of the last act), the jurisdiction whose
    rules apply (resources/jurisdictions/limitations.json) and the child it was against."""
    __tablename__ = "alleged_offences"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    victim_person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    category: Mapped[str] = mapped_column(String(64))
    offence_date: Mapped[str | None] = mapped_column(String(10), nullable=True)
    jurisdiction: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        Index("ix_offence_case", "case_id"),
        Index("ix_offence_victim", "victim_person_id"),
    )


class FullRecovery(Base):
    """The MDT recorded a child's full recovery (003 para 43(f)), optionally at a held meeting
    (meeting_id). Ends the recurring reviews made before it (until_recovery); age milestones and
    one-off dates stay."""
    __tablename__ = "full_recoveries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    recovered_on: Mapped[str] = mapped_column(String(10))
    basis: Mapped[str | None] = mapped_column(Text, nullable=True)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[str] = mapped_column(String(40))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), nullable=True)
    __table_args__ = (Index("ix_full_recovery_person", "person_id"),)


class FollowUpRule(Base):
    """One rule of a child's follow-up plan (optionally tied to a case). status, next_due and
    pending are DERIVED by the core (followup.py) from the rule, its events, the child's date of
    birth, full recovery and, for statute warnings, the alleged offence and the limitation table,
    and kept current whenever any of those change; reminders as of a date are a range scan of
    ix_followup_next_due, which covers every column the Today list reads. A reminder never
    expires: next_due is NULL only when every occurrence was completed or declined with a reason
    (or a recurring review ended with full recovery)."""
    __tablename__ = "followup_rules"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(32))
    discipline: Mapped[str] = mapped_column(String(32))
    due_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    due_at_utc: Mapped[str | None] = mapped_column(String(40), nullable=True)
    time_zone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    interval_months: Mapped[int | None] = mapped_column(Integer, nullable=True)
    ages: Mapped[str | None] = mapped_column(String(64), nullable=True)
    until_recovery: Mapped[bool] = mapped_column(Boolean, default=False)
    subject_kind: Mapped[str | None] = mapped_column(String(32), nullable=True)
    subject_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    offence_id: Mapped[int | None] = mapped_column(ForeignKey("alleged_offences.id"), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(String(32))
    next_due: Mapped[str | None] = mapped_column(String(10), nullable=True)
    pending: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint(
            "kind IN ('recurring_review','age_milestone','court_date','action_item',"
            "'compensation_deadline','carer_survey','other','guardian_review','fixity_check',"
            "'statute_warning')", name="ck_followup_kind"),
        CheckConstraint("discipline IN ('coordinator','therapist','medical','interviewer','liaison')",
                        name="ck_followup_discipline"),
        CheckConstraint("interval_months IS NULL OR interval_months BETWEEN 1 AND 120",
                        name="ck_followup_interval"),
        # Covering: the Today list reads only these columns, scoping rows without the table.
        Index("ix_followup_next_due", "next_due", "discipline", "kind", "case_id", "person_id",
              "offence_id", "pending"),
        Index("ix_followup_person", "person_id"),
        Index("ix_followup_case", "case_id"),
        Index("ix_followup_offence", "offence_id"),
        # a feature's reminders by what they are about (the liaison's rights-explained checkpoints)
        Index("ix_followup_subject", "subject_kind", "next_due"),
    )


class FollowUpEvent(Base):
    """What was done about one occurrence of a rule: completed, declined (a reason is required;
    offer again on new_due, optional) or snoozed (to new_due, required). Append-only (triggers)."""
    __tablename__ = "followup_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("followup_rules.id"))
    action: Mapped[str] = mapped_column(String(16))
    occurrence: Mapped[str] = mapped_column(String(40))
    on_date: Mapped[str] = mapped_column(String(10))
    new_due: Mapped[str | None] = mapped_column(String(10), nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    by_user: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at_utc: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint("action IN ('completed','declined','snoozed')", name="ck_followup_event_action"),
        CheckConstraint("action != 'snoozed' OR new_due IS NOT NULL", name="ck_followup_snooze_date"),
        CheckConstraint("action != 'declined' OR length(trim(coalesce(reason, ''))) > 0",
                        name="ck_followup_decline_reason"),
        Index("ix_followup_event_rule", "rule_id"),
    )
