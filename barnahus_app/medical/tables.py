"""Medical examinations, who was present, findings, expert reviews, tests, statement releases,
forensic samples and photo documentation (migration 0010).

What the record key alone opens here is coordination: kind, commissioner, priority, times, room,
examiner, agreement, status, the released outcome and whether samples went to the police. Every
medical detail is a value of the sealed section "medical" (section_values, keyed by table, row
and column; record/sections.py), named on each table below as SEALED: there is no plaintext
column for it."""
from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from barnahus_app.tables import Base

STATUSES = ("planned", "held", "cancelled", "declined")
OUTCOMES = ("no_findings", "findings_see_statement", "follow_up_needed")
PRESENCE_ROLES = ("trusted_person", "carer", "chaperone", "interpreter", "other")
TEST_RESULT_STATUSES = ("pending", "received")


def _in(column: str, values, nullable: bool = False) -> str:
    listed = ",".join(f"'{v}'" for v in values)
    return f"{column} IS NULL OR {column} IN ({listed})" if nullable else f"{column} IN ({listed})"


class MedicalExamination(Base):
    """A medical examination of a child in a case: a booking like an interview (UTC times with
    the zone it was planned in, a room, the examiner and a second examiner or nurse), its kind,
    who commissioned it, its priority, the last contact (acute is DERIVED by the core: within
    the setting medical_acute_hours of it), the child's and the guardian's agreement (to the
    examination only: no child is examined by force, so a declined child's examination is never
    held), when and by whom the child was told the result, and what the examiner released to the
    team. SEALED (section "medical"): notes, statement."""
    __tablename__ = "medical_examinations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    child_person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    kind: Mapped[str] = mapped_column(String(32))
    commissioned_by: Mapped[str] = mapped_column(String(32))
    priority: Mapped[str] = mapped_column(String(16))
    last_contact_at_utc: Mapped[str | None] = mapped_column(String(40), nullable=True)
    acute: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16))
    cancel_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    starts_at_utc: Mapped[str] = mapped_column(String(40))
    ends_at_utc: Mapped[str] = mapped_column(String(40))
    time_zone: Mapped[str] = mapped_column(String(64))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"), nullable=True)
    examiner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    second_examiner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    examiner_credentials: Mapped[str | None] = mapped_column(String(200), nullable=True)
    agreement_child: Mapped[str | None] = mapped_column(String(24), nullable=True)
    agreement_guardian: Mapped[str | None] = mapped_column(String(24), nullable=True)
    told_result_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    told_result_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    released_outcome: Mapped[str | None] = mapped_column(String(32), nullable=True)
    samples_handed_to_police: Mapped[bool] = mapped_column(Boolean, default=False)
    followup_rule_id: Mapped[int | None] = mapped_column(ForeignKey("followup_rules.id"), nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint(_in("status", STATUSES), name="ck_exam_status"),
        CheckConstraint("ends_at_utc > starts_at_utc", name="ck_exam_window"),
        CheckConstraint(_in("released_outcome", OUTCOMES, nullable=True), name="ck_exam_outcome"),
        # No child is examined by force.
        CheckConstraint("status != 'held' OR agreement_child IS NOT 'declined'", name="ck_exam_not_by_force"),
        CheckConstraint("status != 'cancelled' OR length(trim(coalesce(cancel_reason, ''))) > 0",
                        name="ck_exam_cancel_reason"),
        Index("ix_exam_case", "case_id", "starts_at_utc"),
        Index("ix_exam_child", "child_person_id"),
        Index("ix_exam_starts", "starts_at_utc", "ends_at_utc"),
        Index("ix_exam_room", "room_id", "starts_at_utc"),
    )


class ExamPresence(Base):
    """Who was present at an examination besides the examiners: the trusted person, a carer, a
    chaperone, an interpreter (a person of the record, or a name)."""
    __tablename__ = "medical_exam_presence"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    examination_id: Mapped[int] = mapped_column(ForeignKey("medical_examinations.id"))
    role: Mapped[str] = mapped_column(String(24))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), nullable=True)
    name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    __table_args__ = (
        CheckConstraint(_in("role", PRESENCE_ROLES), name="ck_presence_role"),
        CheckConstraint("person_id IS NOT NULL OR name IS NOT NULL", name="ck_presence_who"),
        Index("ix_presence_exam", "examination_id"),
    )


class MedicalFinding(Base):
    """One finding, coded against a versioned classification table (resources/classifications/,
    e.g. adams-2018-v1): the finding keeps the version it was coded under. SEALED: item_code,
    site, description (the category is derived from the item in its table, never stored)."""
    __tablename__ = "medical_findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    examination_id: Mapped[int] = mapped_column(ForeignKey("medical_examinations.id"))
    table_version: Mapped[str] = mapped_column(String(32))
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (Index("ix_finding_exam", "examination_id"),)


class MedicalReview(Base):
    """An expert review of an examination's findings by another medical user than the examiner:
    when, and whether they agree. SEALED: comment."""
    __tablename__ = "medical_reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    examination_id: Mapped[int] = mapped_column(ForeignKey("medical_examinations.id"))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reviewed_on: Mapped[str] = mapped_column(String(10))
    agrees: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (Index("ix_review_exam", "examination_id"),)


class MedicalTest(Base):
    """A test ordered at an examination: when ordered, whether its result is in. A pending
    result is a follow-up reminder of the medical discipline (followup_rule_id). SEALED: kind,
    prophylaxis, result."""
    __tablename__ = "medical_tests"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    examination_id: Mapped[int] = mapped_column(ForeignKey("medical_examinations.id"))
    ordered_on: Mapped[str] = mapped_column(String(10))
    result_status: Mapped[str] = mapped_column(String(16))
    received_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    followup_rule_id: Mapped[int | None] = mapped_column(ForeignKey("followup_rules.id"), nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint(_in("result_status", TEST_RESULT_STATUSES), name="ck_test_result_status"),
        CheckConstraint("result_status != 'received' OR received_on IS NOT NULL", name="ck_test_received_on"),
        Index("ix_test_exam", "examination_id"),
    )


class MedicalRelease(Base):
    """The examiner released the statement for one disclosure (purpose: the document it may go
    into, e.g. the court summary). Append-only (triggers)."""
    __tablename__ = "medical_releases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    examination_id: Mapped[int] = mapped_column(ForeignKey("medical_examinations.id"))
    purpose: Mapped[str] = mapped_column(String(32))
    released_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    released_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (Index("ix_release_exam", "examination_id", "purpose"),)


class ForensicSample(Base):
    """A forensic sample taken at an examination. Plaintext: the kit ID and seal number (on the
    police's paperwork) and when it was collected. SEALED: type, site, storage, notes. Its chain
    of custody is the custody log (custody_events)."""
    __tablename__ = "forensic_samples"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    examination_id: Mapped[int] = mapped_column(ForeignKey("medical_examinations.id"))
    kit_id: Mapped[str] = mapped_column(String(100))
    seal_number: Mapped[str | None] = mapped_column(String(100), nullable=True)
    collected_at_utc: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (Index("ix_sample_exam", "examination_id"),)


class MedicalImage(Base):
    """A photograph of an examination, registered like a recording and never stored in the
    record: the SHA-256 and size of the original (RAW where there is one) or of an image derived
    from another (derived_from). SEALED: file name, device, where it is kept."""
    __tablename__ = "medical_images"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    examination_id: Mapped[int] = mapped_column(ForeignKey("medical_examinations.id"))
    derived_from: Mapped[int | None] = mapped_column(ForeignKey("medical_images.id"), nullable=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer)
    fixity_status: Mapped[str] = mapped_column(String(16))
    fixity_checked_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    registered_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    registered_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint("length(sha256) = 64", name="ck_image_sha256"),
        CheckConstraint("fixity_status IN ('unchecked','ok','mismatch','missing')", name="ck_image_fixity"),
        Index("ix_image_exam", "examination_id"),
        Index("ix_image_sha256", "sha256"),
    )


class ExamOverride(Base):
    """Why an examination was booked despite a conflict (the conflict's key and the planner's
    reason), kept as interviews and meetings keep theirs. Append-only (triggers)."""
    __tablename__ = "medical_exam_overrides"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    examination_id: Mapped[int] = mapped_column(ForeignKey("medical_examinations.id"))
    conflict: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    by_user: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at_utc: Mapped[str] = mapped_column(String(40))
    __table_args__ = (Index("ix_exam_override", "examination_id"),)
