"""Proceedings, their events and charges, the child's special measures, compensation claims with
their history, and when the right to compensation was explained (migration 0012)."""
from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from barnahus_app.tables import Base

KINDS = ("criminal", "child_protection", "civil")
STATUSES = ("open", "reported", "investigating", "charged", "declined", "no_further_action", "indicted",
            "decided", "sentenced", "appealed", "closed")
EVENT_KINDS = ("reported_to_police", "investigation_opened", "charge_decision", "indictment", "hearing", "verdict",
               "sentence", "appeal", "final_disposition")
CHARGE_DECISIONS = ("charged", "declined", "no_further_action")
VERDICTS = ("convicted", "acquitted", "dismissed", "plea")
PARTICIPATION = ("recorded_interview_used", "live_link", "in_court", "not_at_all")
ROUTES = ("criminal_case", "civil_claim", "state_fund")
CLAIM_STATUSES = ("rights_not_explained", "explained", "filed", "pending", "awarded", "partly_awarded", "rejected",
                  "paid", "partly_paid", "unenforceable", "appealed")
RIGHTS_STAGES = ("after_interview", "at_verdict", "other")
RELEASE_WISHES = ("wanted", "not_wanted")   # NULL: not asked yet (migration 0015)


def _in(column: str, values, nullable: bool = False) -> str:
    listed = ",".join(f"'{v}'" for v in values)
    return f"{column} IS NULL OR {column} IN ({listed})" if nullable else f"{column} IN ({listed})"


class Proceeding(Base):
    """One proceeding against one alleged offender (a party of the case in that role: never a
    child) for one child of the case, of one kind. status is kept by the core from the events
    (justice/actions.py says which follow which). offence_id: the alleged offence whose
    statute-of-limitation warning attaches here. How the child took part (a right, not a duty:
    "not_at_all" is an answer like the others), the support person, the legal representative
    and the child's own view of the outcome. The release date of a convicted offender, whether
    the child and family wish to be told of it (release_wish, and the day they said so), the
    reminder to inform them before it, and when they were informed."""
    __tablename__ = "justice_proceedings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    child_person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    offender_person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    kind: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(24))
    offence_id: Mapped[int | None] = mapped_column(ForeignKey("alleged_offences.id"), nullable=True)
    police_reference: Mapped[str | None] = mapped_column(String(100), nullable=True)
    court_reference: Mapped[str | None] = mapped_column(String(100), nullable=True)
    participation: Mapped[str | None] = mapped_column(String(32), nullable=True)
    support_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), nullable=True)
    support_person_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    legal_representative: Mapped[str | None] = mapped_column(String(200), nullable=True)
    child_view: Mapped[str | None] = mapped_column(String(32), nullable=True)
    child_view_words: Mapped[str | None] = mapped_column(Text, nullable=True)
    child_view_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    release_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    release_rule_id: Mapped[int | None] = mapped_column(ForeignKey("followup_rules.id"), nullable=True)
    release_informed_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    release_informed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    release_wish: Mapped[str | None] = mapped_column(
        String(16), CheckConstraint(_in("release_wish", RELEASE_WISHES, nullable=True),
                                    name="ck_proceeding_release_wish"), nullable=True)
    release_wish_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    closed_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint(_in("kind", KINDS), name="ck_proceeding_kind"),
        CheckConstraint(_in("status", STATUSES), name="ck_proceeding_status"),
        CheckConstraint(_in("participation", PARTICIPATION, nullable=True), name="ck_proceeding_participation"),
        CheckConstraint("offender_person_id != child_person_id", name="ck_proceeding_not_the_child"),
        CheckConstraint("(status = 'closed') = (closed_on IS NOT NULL)", name="ck_proceeding_closed"),
        CheckConstraint("release_informed_on IS NULL OR release_on IS NOT NULL", name="ck_proceeding_informed"),
        Index("ix_proceeding_case", "case_id"),
        Index("ix_proceeding_status", "status"),
        Index("ix_proceeding_release", "release_on"),
    )


class ProceedingMeasure(Base):
    """A special measure for the child in a proceeding (justice_special_measures)."""
    __tablename__ = "justice_special_measures"
    proceeding_id: Mapped[int] = mapped_column(ForeignKey("justice_proceedings.id"), primary_key=True)
    measure: Mapped[str] = mapped_column(String(32), primary_key=True)


class Charge(Base):
    """A charge of a criminal proceeding (made with the decision to charge): the offence category,
    the alleged offence of the case it stands for (optional), and its verdict (the latest: an
    appeal's verdict replaces the first; each is an event)."""
    __tablename__ = "justice_charges"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proceeding_id: Mapped[int] = mapped_column(ForeignKey("justice_proceedings.id"))
    category: Mapped[str] = mapped_column(String(64))
    offence_id: Mapped[int | None] = mapped_column(ForeignKey("alleged_offences.id"), nullable=True)
    verdict: Mapped[str | None] = mapped_column(String(16), nullable=True)
    verdict_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    __table_args__ = (
        CheckConstraint(_in("verdict", VERDICTS, nullable=True), name="ck_charge_verdict"),
        CheckConstraint("(verdict IS NULL) = (verdict_on IS NULL)", name="ck_charge_verdict_on"),
        Index("ix_charge_proceeding", "proceeding_id"),
    )


class ProceedingEvent(Base):
    """A dated event of a proceeding. A hearing has a date (and may have a time, stored in UTC
    with its zone) and its follow-up reminder (a court date); it may be moved. decision: of a
    charge decision (declined needs the reason); charge_id and outcome: of a verdict (outcome:
    justice_verdicts) or of the final disposition (justice_final_outcomes)."""
    __tablename__ = "justice_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proceeding_id: Mapped[int] = mapped_column(ForeignKey("justice_proceedings.id"))
    kind: Mapped[str] = mapped_column(String(24))
    on_date: Mapped[str] = mapped_column(String(10))
    at_utc: Mapped[str | None] = mapped_column(String(40), nullable=True)
    time_zone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    decision: Mapped[str | None] = mapped_column(String(24), nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    charge_id: Mapped[int | None] = mapped_column(ForeignKey("justice_charges.id"), nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(24), nullable=True)
    followup_rule_id: Mapped[int | None] = mapped_column(ForeignKey("followup_rules.id"), nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint(_in("kind", EVENT_KINDS), name="ck_justice_event_kind"),
        CheckConstraint("kind != 'charge_decision' OR " + _in("decision", CHARGE_DECISIONS),
                        name="ck_justice_event_decision"),
        CheckConstraint("decision IS NOT 'declined' OR length(trim(coalesce(reason, ''))) > 0",
                        name="ck_justice_event_declined_reason"),
        CheckConstraint("kind != 'verdict' OR (charge_id IS NOT NULL AND " + _in("outcome", VERDICTS) + ")",
                        name="ck_justice_event_verdict"),
        Index("ix_justice_event_proceeding", "proceeding_id", "on_date"),
        Index("ix_justice_event_kind_date", "kind", "on_date"),
    )


class CompensationClaim(Base):
    """A compensation claim of a child: its route, who claims (and their representative), the
    status (allowed transitions in justice/actions.py), the amounts in integer minor units of one
    ISO 4217 currency, the dates, and a deadline (a follow-up reminder of the liaison)."""
    __tablename__ = "compensation_claims"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    child_person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    route: Mapped[str] = mapped_column(String(24))
    proceeding_id: Mapped[int | None] = mapped_column(ForeignKey("justice_proceedings.id"), nullable=True)
    claimant: Mapped[str] = mapped_column(String(32))
    claimant_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), nullable=True)
    representative: Mapped[str | None] = mapped_column(String(200), nullable=True)
    status: Mapped[str] = mapped_column(String(24))
    currency: Mapped[str] = mapped_column(String(3))
    amount_claimed: Mapped[int | None] = mapped_column(Integer, nullable=True)
    amount_awarded: Mapped[int | None] = mapped_column(Integer, nullable=True)
    amount_paid: Mapped[int] = mapped_column(Integer, default=0)
    filed_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    decided_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    paid_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    deadline_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    deadline_rule_id: Mapped[int | None] = mapped_column(ForeignKey("followup_rules.id"), nullable=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint(_in("route", ROUTES), name="ck_claim_route"),
        CheckConstraint(_in("status", CLAIM_STATUSES), name="ck_claim_status"),
        CheckConstraint("length(currency) = 3 AND upper(currency) = currency", name="ck_claim_currency"),
        CheckConstraint("coalesce(amount_claimed, 0) >= 0 AND coalesce(amount_awarded, 0) >= 0 "
                        "AND amount_paid >= 0", name="ck_claim_amounts"),
        CheckConstraint("amount_paid <= coalesce(amount_awarded, 0)", name="ck_claim_paid_within_award"),
        Index("ix_claim_case", "case_id"),
        Index("ix_claim_deadline", "deadline_on"),
    )


class CompensationEvent(Base):
    """A step of a claim: the status it moved to, on which date, and the amount of that step (the
    sum claimed at filing, awarded at a decision, paid at a payment). Append-only (triggers)."""
    __tablename__ = "compensation_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("compensation_claims.id"))
    status: Mapped[str] = mapped_column(String(24))
    on_date: Mapped[str] = mapped_column(String(10))
    amount: Mapped[int | None] = mapped_column(Integer, nullable=True)
    by_user: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at_utc: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint(_in("status", CLAIM_STATUSES), name="ck_claim_event_status"),
        Index("ix_claim_event_claim", "claim_id"),
    )


class RightsExplained(Base):
    """The child (and family) were told of the right to compensation (003 para 30(c)): when, by
    whom, at which stage. Append-only (triggers)."""
    __tablename__ = "compensation_rights_explained"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    child_person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    stage: Mapped[str] = mapped_column(String(24))
    explained_on: Mapped[str] = mapped_column(String(10))
    by_user: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at_utc: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        CheckConstraint(_in("stage", RIGHTS_STAGES), name="ck_rights_stage"),
        Index("ix_rights_case", "case_id", "child_person_id"),
    )
