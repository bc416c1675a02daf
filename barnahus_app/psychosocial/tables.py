"""Psychosocial assessment and treatment (migration 0011): administrations of screening
instruments, treatment episodes and their sessions, crisis contacts, recovery plan goals and the
re-screening rules.

What the record key alone opens here is coordination: who is in treatment, with whom, from and
to when, attendance, the scores and bands of each administration, the recovery plan and its
review dates. Item answers, session notes and crisis contact notes are values of the sealed
section "therapy" (section_values, keyed by table, row and column; record/sections.py), named on
each table below as SEALED: there is no plaintext column for them."""
from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from barnahus_app.tables import Base

TIME_POINTS = ("baseline", "during_treatment", "end_of_treatment", "follow_up")
RESPONDENTS = ("child", "carer")
RESOLUTIONS = ("diagnostic_assessment", "referral", "not_done")
SESSION_STATUSES = ("attended", "missed", "cancelled")
GOAL_STATUSES = ("open", "achieved", "dropped")


def _in(column: str, values, nullable: bool = False) -> str:
    listed = ",".join(f"'{v}'" for v in values)
    return f"{column} IS NULL OR {column} IN ({listed})" if nullable else f"{column} IN ({listed})"


class Administration(Base):
    """One administration of an instrument to (or about) a child: the instrument's code and the
    version it was scored under (a 2026 score is read by the 2026 rules in 2046), the time point,
    who answered, who administered it and when; the scores, bands and screen value the core
    computed (instruments.score), and whether the screen is at or above the cut-off. Such a
    screen prompts a diagnostic assessment or a referral, which the therapist resolves:
    "diagnostic_assessment", "referral" (referral_id) or "not_done" with the reason why.
    SEALED (section "therapy"): answers (the item answers, JSON)."""
    __tablename__ = "psychosocial_administrations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    child_person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    instrument_code: Mapped[str] = mapped_column(String(64))
    instrument_version: Mapped[int] = mapped_column(Integer)
    time_point: Mapped[str] = mapped_column(String(24))
    respondent: Mapped[str] = mapped_column(String(16))
    administered_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    administered_on: Mapped[str] = mapped_column(String(10))
    scores: Mapped[str] = mapped_column(Text)                      # JSON {scale: value}
    bands: Mapped[str] = mapped_column(Text)                       # JSON {scale: band}
    screen_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    at_or_above_cutoff: Mapped[bool] = mapped_column(Boolean, default=False)
    resolution: Mapped[str | None] = mapped_column(String(32), nullable=True)
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referrals.id"), nullable=True)
    resolution_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    resolved_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint(_in("time_point", TIME_POINTS), name="ck_admin_time_point"),
        CheckConstraint(_in("respondent", RESPONDENTS), name="ck_admin_respondent"),
        CheckConstraint(_in("resolution", RESOLUTIONS, nullable=True), name="ck_admin_resolution"),
        CheckConstraint("resolution IS NOT 'referral' OR referral_id IS NOT NULL", name="ck_admin_referral"),
        CheckConstraint("resolution IS NOT 'not_done' OR length(trim(coalesce(resolution_reason, ''))) > 0",
                        name="ck_admin_not_done_reason"),
        Index("ix_admin_case", "case_id", "administered_on"),
        Index("ix_admin_child", "child_person_id", "instrument_code", "administered_on"),
    )


class TreatmentEpisode(Base):
    """A treatment episode of a child or a non-offending family member (person_id) in a case:
    its model, the provider (the centre when provider_agency_id is NULL, else that agency), the
    therapist (a user of the record, when the centre provides it), its start, and its end with a
    reason."""
    __tablename__ = "treatment_episodes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    model: Mapped[str] = mapped_column(String(32))
    provider_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), nullable=True)
    therapist_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    started_on: Mapped[str] = mapped_column(String(10))
    ended_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    end_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint("(ended_on IS NULL) = (end_reason IS NULL)", name="ck_episode_end"),
        CheckConstraint("ended_on IS NULL OR ended_on >= started_on", name="ck_episode_order"),
        Index("ix_episode_case", "case_id", "started_on"),
        Index("ix_episode_person", "person_id"),
    )


class TherapySession(Base):
    """A session of an episode: its date, attendance and whether a carer took part.
    SEALED: notes."""
    __tablename__ = "therapy_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    episode_id: Mapped[int] = mapped_column(ForeignKey("treatment_episodes.id"))
    held_on: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(16))
    carer_took_part: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint(_in("status", SESSION_STATUSES), name="ck_session_status"),
        Index("ix_session_episode", "episode_id", "held_on"),
    )


class CrisisContact(Base):
    """A crisis contact with a child or a non-offending family member: when and by whom.
    SEALED: notes."""
    __tablename__ = "crisis_contacts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    occurred_at_utc: Mapped[str] = mapped_column(String(40))
    by_user: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (Index("ix_crisis_case", "case_id", "occurred_at_utc"),)


class RecoveryGoal(Base):
    """A goal of a person's recovery plan in a case (003 para 42(a)): its domain, the goal, who
    helps (a user, an outside staff contact, or a name in free text), its status and the date of
    its next review, which is a follow-up reminder (followup_rule_id)."""
    __tablename__ = "recovery_goals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    domain: Mapped[str] = mapped_column(String(32))
    goal: Mapped[str] = mapped_column(Text)
    helper_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    helper_contact_id: Mapped[int | None] = mapped_column(ForeignKey("staff_contacts.id"), nullable=True)
    helper_text: Mapped[str | None] = mapped_column(String(200), nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    review_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    followup_rule_id: Mapped[int | None] = mapped_column(ForeignKey("followup_rules.id"), nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint(_in("status", GOAL_STATUSES), name="ck_goal_status"),
        CheckConstraint("(helper_user_id IS NOT NULL) + (helper_contact_id IS NOT NULL) + "
                        "(helper_text IS NOT NULL) <= 1", name="ck_goal_one_helper"),
        Index("ix_goal_case", "case_id", "person_id"),
    )


class Rescreen(Base):
    """Re-screen a child with an instrument every N months: a follow-up rule with no end date
    (followup_rule_id, a recurring review of the therapist discipline that full recovery does not
    end). Recording an administration of the instrument completes the occurrence due."""
    __tablename__ = "psychosocial_rescreens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    child_person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    instrument_code: Mapped[str] = mapped_column(String(64))
    followup_rule_id: Mapped[int] = mapped_column(ForeignKey("followup_rules.id"))
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (Index("ix_rescreen_child", "child_person_id", "instrument_code"),)
