"""Recordings and the chain of custody of every evidence item (migrations 0006, 0010)."""
from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from barnahus_app.tables import Base


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
    """One link of an evidence item's chain of custody: the one log of recordings, forensic
    samples and medical images (exactly one of recording_id, sample_id, image_id). Who (actor;
    by_user recorded it), when, where (location), why (purpose), to or from whom (counterpart),
    receipt or order; a release's legal basis (a code of sharing_legal_bases), a seal's number.
    Append-only (triggers)."""
    __tablename__ = "custody_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recording_id: Mapped[int | None] = mapped_column(ForeignKey("recordings.id"), nullable=True)
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("forensic_samples.id"), nullable=True)
    image_id: Mapped[int | None] = mapped_column(ForeignKey("medical_images.id"), nullable=True)
    event: Mapped[str] = mapped_column(String(32))
    occurred_at_utc: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(Text, nullable=True)
    purpose: Mapped[str | None] = mapped_column(Text, nullable=True)
    counterpart: Mapped[str | None] = mapped_column(String(200), nullable=True)
    receipt: Mapped[str | None] = mapped_column(Text, nullable=True)
    order_reference: Mapped[str | None] = mapped_column(Text, nullable=True)
    legal_basis: Mapped[str | None] = mapped_column(String(64), nullable=True)
    seal_number: Mapped[str | None] = mapped_column(String(100), nullable=True)
    copy_id: Mapped[int | None] = mapped_column(ForeignKey("recordings.id"), nullable=True)
    computed_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    by_user: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint(
            "event IN ('acquired','copied_to','handed_to_police','handed_to_prosecution',"
            "'handed_to_court','viewed','returned','destroyed','fixity_ok','fixity_mismatch',"
            "'fixity_missing','collected','sealed','stored','sent_to_lab','received_by_lab','released')",
            name="ck_custody_event"),
        CheckConstraint("event != 'destroyed' OR length(trim(coalesce(order_reference, ''))) > 0",
                        name="ck_custody_destroy_order"),
        CheckConstraint("event != 'released' OR (legal_basis IS NOT NULL AND length(trim(coalesce(counterpart, ''))) > 0 "
                        "AND length(trim(coalesce(receipt, ''))) > 0)", name="ck_custody_release"),
        CheckConstraint("(recording_id IS NOT NULL) + (sample_id IS NOT NULL) + (image_id IS NOT NULL) = 1",
                        name="ck_custody_item"),
        Index("ix_custody_recording", "recording_id", "occurred_at_utc"),
        Index("ix_custody_sample", "sample_id", "occurred_at_utc"),
        Index("ix_custody_image", "image_id", "occurred_at_utc"),
    )


class RecordingLabelAmendment(Base):
    """A correction of a recording's label: the label before and after, who, when and why.
    Append-only (triggers); recordings.label is the newest label and changes only together with
    a new amendment (trigger), so the original and every correction stay readable. The hash and
    the size are never amended (recordings_keep_hash)."""
    __tablename__ = "recording_label_amendments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recording_id: Mapped[int] = mapped_column(ForeignKey("recordings.id"))
    old_label: Mapped[str] = mapped_column(String(200))
    new_label: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    by_user: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at_utc: Mapped[str] = mapped_column(String(40))
    __table_args__ = (Index("ix_label_amendment_recording", "recording_id", "id"),)
