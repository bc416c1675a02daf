"""The record's schema. Alembic migrations in migrations/versions build exactly this (a test
compares them). Times are UTC ISO-8601 text; dates are ISO dates. Controlled values are
vocabulary codes (see vocab.py), checked by the core before they are written."""
from __future__ import annotations

from sqlalchemy import (
    Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class RecordMeta(Base):
    """Facts about the record itself (key/value): record id, created, centre name."""
    __tablename__ = "record_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[str] = mapped_column(String(40))
    password_changed_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), nullable=True)


class UserRole(Base):
    __tablename__ = "user_roles"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(32), primary_key=True)


class AuditEntry(Base):
    """Append-only (triggers in the migration refuse UPDATE and DELETE) and hash-chained.
    Holds who did what to which subject, never what the subject contains."""
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at_utc: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    username: Mapped[str | None] = mapped_column(String(64), nullable=True)
    action: Mapped[str] = mapped_column(String(64))
    subject_kind: Mapped[str | None] = mapped_column(String(32), nullable=True)
    subject_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    detail: Mapped[str | None] = mapped_column(Text, nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))
    __table_args__ = (Index("ix_audit_subject", "subject_kind", "subject_id"),)


class Agency(Base):
    __tablename__ = "agencies"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    email: Mapped[str | None] = mapped_column(String(200), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class StaffContact(Base):
    """Professionals outside the record's users: a police officer, a prosecutor, a guardian."""
    __tablename__ = "staff_contacts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(200), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    email: Mapped[str | None] = mapped_column(String(200), nullable=True)


class Person(Base):
    """One person across every case: a child, a carer, an alleged offender, a witness."""
    __tablename__ = "persons"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    given_name: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(200), default="")
    other_names: Mapped[str | None] = mapped_column(String(400), nullable=True)
    name_key: Mapped[str] = mapped_column(String(400))  # folded name for duplicate search
    date_of_birth: Mapped[str | None] = mapped_column(String(10), nullable=True)
    dob_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    gender: Mapped[str | None] = mapped_column(String(32), nullable=True)
    gender_description: Mapped[str | None] = mapped_column(String(200), nullable=True)
    languages: Mapped[str | None] = mapped_column(String(200), nullable=True)  # "sv,ar"
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    interpreter_language: Mapped[str | None] = mapped_column(String(16), nullable=True)
    nationality: Mapped[str | None] = mapped_column(String(64), nullable=True)
    country_of_origin: Mapped[str | None] = mapped_column(String(64), nullable=True)
    birth_registered: Mapped[str | None] = mapped_column(String(16), nullable=True)
    disability: Mapped[str | None] = mapped_column(Text, nullable=True)
    address: Mapped[str | None] = mapped_column(Text, nullable=True)
    phone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    guardian_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), nullable=True)
    guardian_kind: Mapped[str | None] = mapped_column(String(32), nullable=True)
    trusted_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), nullable=True)
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint("dob_status IS NULL OR dob_status IN ('verified','assessed','claimed')",
                        name="ck_person_dob_status"),
        Index("ix_person_name_key", "name_key"),
        Index("ix_person_dob", "date_of_birth"),
    )


class PersonTerm(Base):
    """Multi-valued vocabulary terms of a person: special protection needs, risk and
    protective factors."""
    __tablename__ = "person_terms"
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), primary_key=True)
    vocabulary: Mapped[str] = mapped_column(String(64), primary_key=True)
    code: Mapped[str] = mapped_column(String(64), primary_key=True)


class AgeAssessment(Base):
    """How an age was assessed. Methods are a vocabulary of non-invasive methods only."""
    __tablename__ = "age_assessments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    assessed_on: Mapped[str] = mapped_column(String(10))
    method: Mapped[str] = mapped_column(String(64))
    assessor: Mapped[str] = mapped_column(String(200))
    basis: Mapped[str] = mapped_column(Text)
    assessed_dob: Mapped[str | None] = mapped_column(String(10), nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))


class NoContact(Base):
    """Two persons who must never be in the building at the same time. person_a < person_b."""
    __tablename__ = "no_contact"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_a: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    person_b: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        UniqueConstraint("person_a", "person_b", name="uq_no_contact_pair"),
        CheckConstraint("person_a < person_b", name="ck_no_contact_order"),
        Index("ix_no_contact_b", "person_b"),
    )


class Case(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    case_lead_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(32))
    referral_received_at: Mapped[str] = mapped_column(String(40))
    screened_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    acted_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    triage_level: Mapped[str | None] = mapped_column(String(32), nullable=True)
    emergency: Mapped[bool] = mapped_column(Boolean, default=False)
    ex_officio: Mapped[bool] = mapped_column(Boolean, default=False)
    referral_source: Mapped[str | None] = mapped_column(String(64), nullable=True)
    reporter_profession: Mapped[str | None] = mapped_column(String(64), nullable=True)
    jurisdiction: Mapped[str] = mapped_column(String(16))
    police_reference: Mapped[str | None] = mapped_column(String(100), nullable=True)
    prosecution_reference: Mapped[str | None] = mapped_column(String(100), nullable=True)
    summary: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    closed_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    __table_args__ = (
        Index("ix_case_received", "referral_received_at"),
        Index("ix_case_status_received", "status", "referral_received_at", "id"),
        Index("ix_case_lead_received", "case_lead_id", "referral_received_at"),
        Index("ix_case_emergency", "emergency", "referral_received_at"),
    )


class CaseAbuseForm(Base):
    __tablename__ = "case_abuse_forms"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    __table_args__ = (Index("ix_abuse_form_code", "code", "case_id"),)


class CaseChild(Base):
    """A child in a case. A child's role is victim, witness or at risk: never offender."""
    __tablename__ = "case_children"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    __table_args__ = (
        CheckConstraint("role IN ('victim','witness','at_risk')", name="ck_case_child_role"),
        Index("ix_case_child_person", "person_id"),
    )


class CaseParty(Base):
    """Another person in a case: carer, alleged offender, witness, guardian, trusted person."""
    __tablename__ = "case_parties"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    party_role: Mapped[str] = mapped_column(String(32))
    relationship_to_child: Mapped[str | None] = mapped_column(String(64), nullable=True)
    child_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), nullable=True)
    __table_args__ = (
        UniqueConstraint("case_id", "person_id", "party_role", name="uq_case_party"),
        Index("ix_case_party_person", "person_id"),
    )


class InformationGiven(Base):
    """What the child was told, when, in which language and format (003 para 38(b))."""
    __tablename__ = "information_given"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    told_at: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(16))
    format: Mapped[str] = mapped_column(String(32))
    topic: Mapped[str] = mapped_column(Text)
    given_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    __table_args__ = (Index("ix_information_case", "case_id", "told_at"),)


class Draft(Base):
    """Unsaved edits kept when the app locks, restored to the same user after unlock. Inside the
    encrypted file, never anywhere else."""
    __tablename__ = "drafts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    payload: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (UniqueConstraint("user_id", "kind", "subject_id", name="uq_draft"),)


# --- long-term follow-up and statutes of limitations (migration 0004, followup.py) ------------

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
    """The MDT recorded a child's full recovery (003 para 43(f)). Ends the recurring reviews made
    before it (until_recovery); age milestones and one-off dates stay."""
    __tablename__ = "full_recoveries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    recovered_on: Mapped[str] = mapped_column(String(10))
    basis: Mapped[str | None] = mapped_column(Text, nullable=True)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[str] = mapped_column(String(40))
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
    notes are the interviewer's notes: read and written under the policy's "interview_notes"."""
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


class Recording(Base):
    """An audio or video file of an interview. The bytes stay where the centre keeps evidence;
    sha256 is taken at registration and never replaced (a fixity mismatch is an event)."""
    __tablename__ = "recordings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id"))
    copy_kind: Mapped[str] = mapped_column(String(16))
    master_id: Mapped[int | None] = mapped_column(ForeignKey("recordings.id"), nullable=True)
    label: Mapped[str] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(400))
    storage_location: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer)
    container: Mapped[str | None] = mapped_column(String(32), nullable=True)
    media_format: Mapped[str | None] = mapped_column(String(200), nullable=True)
    duration_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    capture_device: Mapped[str | None] = mapped_column(String(200), nullable=True)
    acquired_at_utc: Mapped[str] = mapped_column(String(40))
    fixity_status: Mapped[str] = mapped_column(String(16))
    fixity_checked_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    registered_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    registered_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint("copy_kind IN ('master','working')", name="ck_recording_copy_kind"),
        CheckConstraint("fixity_status IN ('unchecked','ok','mismatch','missing','destroyed')",
                        name="ck_recording_fixity"),
        CheckConstraint("length(sha256) = 64", name="ck_recording_sha256"),
        Index("ix_recording_interview", "interview_id"),
        Index("ix_recording_sha256", "sha256"),
    )


class CustodyEvent(Base):
    """One link of a recording's chain of custody: who (actor; by_user recorded it), when, where
    (location), why (purpose), to or from whom (counterpart), receipt or order. Append-only."""
    __tablename__ = "custody_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recording_id: Mapped[int] = mapped_column(ForeignKey("recordings.id"))
    event: Mapped[str] = mapped_column(String(32))
    occurred_at_utc: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(Text, nullable=True)
    purpose: Mapped[str | None] = mapped_column(Text, nullable=True)
    counterpart: Mapped[str | None] = mapped_column(String(200), nullable=True)
    receipt: Mapped[str | None] = mapped_column(Text, nullable=True)
    order_reference: Mapped[str | None] = mapped_column(Text, nullable=True)
    copy_id: Mapped[int | None] = mapped_column(ForeignKey("recordings.id"), nullable=True)
    computed_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    by_user: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint(
            "event IN ('acquired','copied_to','handed_to_police','handed_to_prosecution',"
            "'handed_to_court','viewed','returned','destroyed','fixity_ok','fixity_mismatch',"
            "'fixity_missing')", name="ck_custody_event"),
        CheckConstraint("event != 'destroyed' OR length(trim(coalesce(order_reference, ''))) > 0",
                        name="ck_custody_destroy_order"),
        Index("ix_custody_recording", "recording_id", "occurred_at_utc"),
    )


class SigningCredential(Base):
    """The centre's organisation CA and signing certificate, created in the app or imported from
    a PKCS#12. The private key is PKCS#8 PEM inside the encrypted record; never written elsewhere."""
    __tablename__ = "signing_credentials"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))
    certificate_pem: Mapped[str] = mapped_column(Text)
    private_key_pem: Mapped[str | None] = mapped_column(Text, nullable=True)
    chain_pem: Mapped[str | None] = mapped_column(Text, nullable=True)
    source: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint("kind IN ('ca','signer')", name="ck_credential_kind"),
        CheckConstraint("source IN ('created','imported')", name="ck_credential_source"),
    )


class IssuedDocument(Base):
    """The document register: every summary and bundle that left the record. Append-only."""
    __tablename__ = "issued_documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(String(40), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    doc_type: Mapped[str] = mapped_column(String(32))
    format: Mapped[str] = mapped_column(String(8))
    version: Mapped[int] = mapped_column(Integer)
    pseudonymised: Mapped[bool] = mapped_column(Boolean, default=False)
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(400))
    audit_head_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    audit_head_hash: Mapped[str] = mapped_column(String(64))
    issued_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint("doc_type IN ('case_summary','bundle')", name="ck_document_type"),
        CheckConstraint("format IN ('pdf','docx','bag','zip')", name="ck_document_format"),
        Index("ix_document_sha256", "sha256"),
        Index("ix_document_case", "case_id", "doc_type", "version"),
    )


class Disclosure(Base):
    """The disclosure register: what went to whom, when, under what undertaking. Append-only."""
    __tablename__ = "disclosures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("issued_documents.id"))
    recipient: Mapped[str] = mapped_column(String(200))
    recipient_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), nullable=True)
    undertaking: Mapped[str] = mapped_column(Text)
    method: Mapped[str | None] = mapped_column(String(100), nullable=True)
    disclosed_at: Mapped[str] = mapped_column(String(40))
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (Index("ix_disclosure_document", "document_id"),)
