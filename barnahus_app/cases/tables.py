"""Cases, their forms of abuse, the persons in a case and the information given to them."""
from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from barnahus_app.tables import Base


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
