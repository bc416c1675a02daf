"""The shared declarative Base every feature's tables are declared on (one metadata for
Alembic), and the tables of the record itself: its metadata, the audit trail and drafts.
Times are UTC ISO-8601 text; dates are ISO dates. Controlled values are vocabulary codes (see
vocab.py), checked by the core before they are written. models.py loads every feature's tables."""
from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class RecordMeta(Base):
    """Facts about the record itself (key/value): record id, created, centre name."""
    __tablename__ = "record_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


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


class SectionKey(Base):
    """A sealed section's key (record/sections.py), sealed to one holder's public key (JSON, as
    key slots seal the record key), or, under username '#recovery', to the section recovery key."""
    __tablename__ = "section_keys"
    section: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    key_id: Mapped[str] = mapped_column(String(16))
    sealed: Mapped[str] = mapped_column(Text)


class SectionRequest(Base):
    """Work a holder of a section's key completes at their next unlock: 'seal' the key to a user
    newly granted the section, or 're-key' the section after someone lost it."""
    __tablename__ = "section_requests"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    section: Mapped[str] = mapped_column(String(64))
    username: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8))
    requested_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    requested_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (UniqueConstraint("section", "username", "kind", name="uq_section_request"),)


class SectionValue(Base):
    """One sealed value: AEAD ciphertext under its section's key, bound to (section, table, row,
    column) so it cannot be moved to another row."""
    __tablename__ = "section_values"
    tbl: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    col: Mapped[str] = mapped_column(String(64), primary_key=True)
    section: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str] = mapped_column(String(16))
    nonce: Mapped[bytes] = mapped_column(LargeBinary)
    ct: Mapped[bytes] = mapped_column(LargeBinary)
    __table_args__ = (Index("ix_section_values_section", "section"),)
