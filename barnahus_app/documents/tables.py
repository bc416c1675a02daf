"""Signing credentials and the registers of issued documents and disclosures (migration 0006)."""
from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from barnahus_app.tables import Base


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
    """The document register: every summary (the court summary, a therapist's psychosocial
    summary), bundle and set of meeting minutes that left the record (a case's, or for minutes a meeting's: meeting_id instead of case_id). Append-only."""
    __tablename__ = "issued_documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(String(40), unique=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), nullable=True)
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
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), nullable=True)
    __table_args__ = (
        CheckConstraint("doc_type IN ('case_summary','bundle','minutes','psychosocial_summary')",
                        name="ck_document_type"),
        CheckConstraint("format IN ('pdf','docx','bag','zip')", name="ck_document_format"),
        CheckConstraint("(case_id IS NULL) != (meeting_id IS NULL)", name="ck_document_subject"),
        Index("ix_document_sha256", "sha256"),
        Index("ix_document_case", "case_id", "doc_type", "version"),
        Index("ix_document_meeting", "meeting_id", "version"),
    )


class Disclosure(Base):
    """The disclosure register: what went to whom, when, under what undertaking. Append-only.
    Either an issued document, or what a referral shared with the receiving agency (referral_id:
    items, a JSON list of the documents' ids and data items' codes, and legal_basis, a code of
    sharing_legal_bases: why the information could be shared, never the child's consent)."""
    __tablename__ = "disclosures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("issued_documents.id"), nullable=True)
    recipient: Mapped[str] = mapped_column(String(200))
    recipient_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), nullable=True)
    undertaking: Mapped[str] = mapped_column(Text)
    method: Mapped[str | None] = mapped_column(String(100), nullable=True)
    disclosed_at: Mapped[str] = mapped_column(String(40))
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[str] = mapped_column(String(40))
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referrals.id"), nullable=True)
    items: Mapped[str | None] = mapped_column(Text, nullable=True)
    legal_basis: Mapped[str | None] = mapped_column(String(64), nullable=True)
    __table_args__ = (
        CheckConstraint("document_id IS NOT NULL OR referral_id IS NOT NULL", name="ck_disclosure_subject"),
        Index("ix_disclosure_document", "document_id"),
        Index("ix_disclosure_referral", "referral_id"),
    )
