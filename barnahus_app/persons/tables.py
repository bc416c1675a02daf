"""Persons, their terms, age assessments and no-contact pairs; agencies and staff contacts."""
from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from barnahus_app.tables import Base


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
